"""Input and output: documents in (:mod:`.readers`), results out (:mod:`.writers`), Docs to records.

``readers.py``  files, folders, JSONL and stdin as documents; result files read back
``writers.py``  records as JSONL, CSV, Parquet or a terminal table; documents as JSONL
``results.py``  result files read back as Facts or typed frames
``decoding.py`` bytes to text: an encoding, or ``auto``
``convert.py``  an annotated spaCy ``Doc`` to fact records (the edge where typed values are built)
"""

from factex.io.readers import (
    Document,
    JsonlFields,
    ReadError,
    expand_paths,
    html_to_text,
    read_inputs,
)
from factex.io.results import read_facts, read_frame
from factex.io.writers import (
    parquet_schema,
    write_csv,
    write_doc_jsonl,
    write_jsonl,
    write_parquet,
    write_table,
)

__all__ = [
    "Document",
    "JsonlFields",
    "ReadError",
    "expand_paths",
    "html_to_text",
    "parquet_schema",
    "read_facts",
    "read_frame",
    "read_inputs",
    "write_csv",
    "write_doc_jsonl",
    "write_jsonl",
    "write_parquet",
    "write_table",
]

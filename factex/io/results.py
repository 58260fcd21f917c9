"""Results written before, read back: ``factex extract``'s files as Facts or as typed frames."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factex.facts import Facts
from factex.records import Record, record_from_dict


def read_facts(path: str | Path) -> Iterator[Facts]:
    """The documents in a file written by ``factex extract``, one :class:`Facts` each, in order.

    ``--format doc-jsonl`` files come back whole (:meth:`Facts.from_json`: text, published date,
    records). Record files (``jsonl`` or ``parquet``) have no text: their Facts have ``text=""``
    and the records of consecutive rows with the same ``id``, with Decimals and tuples restored.
    """
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        yield from _group_rows(pq.read_table(path).to_pylist())
        return
    with path.open(encoding="utf-8") as fh:
        rows: list[dict[str, Any]] = []
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            if "records" in obj:  # a whole document (doc-jsonl)
                yield from _group_rows(rows)
                rows = []
                yield Facts.from_json(obj)
            else:
                rows.append(obj)
        yield from _group_rows(rows)


def _group_rows(rows: Iterable[dict[str, Any]]) -> Iterator[Facts]:
    current: list[Record] = []
    current_id: Any = None
    started = False
    for row in rows:
        row_id = row.get("id")
        if started and row_id != current_id:
            yield Facts(text="", records=tuple(current), id=current_id)
            current = []
        started, current_id = True, row_id
        current.append(record_from_dict({k: v for k, v in row.items() if k != "id"}))
    if started:
        yield Facts(text="", records=tuple(current), id=current_id)

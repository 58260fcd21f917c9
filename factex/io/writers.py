"""Writing results: records as JSONL, CSV, Parquet or a terminal table; documents as JSONL.

Record formats have one row per record with the document's ``id`` and the columns of
:data:`factex.facts.FRAME_COLUMNS` (the same as :meth:`Facts.to_frame`). Parquet is typed by
:mod:`factex.schema` (amounts ``decimal128(38, 10)``, booleans, int64 offsets, ``actors`` a list
of strings); JSONL and CSV write amounts as exact decimal strings ("39900000000", never a
float). :func:`factex.io.read_frame` reads any of them back with the same dtypes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO, TYPE_CHECKING, Any

from factex import schema as typed
from factex.display import SUMMARY_COLUMNS, summary_row
from factex.facts import FRAME_COLUMNS, Facts

if TYPE_CHECKING:
    import pyarrow
    from rich.console import Console

#: Record formats (one row per record) and the document format (one Facts per line).
RECORD_FORMATS = ("jsonl", "csv", "parquet", "table")
FORMATS = (*RECORD_FORMATS, "doc-jsonl")

#: Canonical kind names, and the spellings users type for them.
KINDS = ("entity", "money", "percentage", "date", "event")
_KIND_ALIASES = {
    "entities": "entity", "ent": "entity", "ents": "entity",
    "percentages": "percentage", "percent": "percentage", "pct": "percentage",
    "dates": "date", "events": "event",
}  # fmt: skip


def parse_kinds(spec: str) -> frozenset[str]:
    """The kinds named in a comma-separated list, plurals accepted.

    >>> sorted(parse_kinds("money, percentages,dates"))
    ['date', 'money', 'percentage']
    >>> parse_kinds("monnaie")
    Traceback (most recent call last):
    ...
    ValueError: unknown kind 'monnaie'; choose among entity, money, percentage, date, event
    """
    kinds = set()
    for part in spec.split(","):
        name = part.strip().lower()
        if not name:
            continue
        name = _KIND_ALIASES.get(name, name)
        if name not in KINDS:
            raise ValueError(f"unknown kind {part.strip()!r}; choose among {', '.join(KINDS)}")
        kinds.add(name)
    return frozenset(kinds)


def keep_kinds(facts: Facts, kinds: frozenset[str] | None) -> Facts:
    """``facts`` with only the records of ``kinds`` (all of them when ``kinds`` is None)."""
    if not kinds:
        return facts
    return replace(facts, records=tuple(r for r in facts.records if r.kind in kinds))


def record_rows(facts: Facts) -> Iterator[dict[str, Any]]:
    """One flat dict per record, keyed by every column of ``FRAME_COLUMNS`` (absent = None)."""
    for record in facts.records:
        data = record.to_dict()
        data["id"] = facts.id
        yield {column: data.get(column) for column in FRAME_COLUMNS}


def write_jsonl(results: Iterable[Facts], out: IO[str]) -> int:
    """One JSON object per record: ``id`` then the record's own fields (``Record.to_dict``).

    Fields that do not apply to a record's kind are left out; fields that apply but are
    unknown are ``null``. Returns the number of rows written.
    """
    count = 0
    for facts in results:
        for record in facts.records:
            row = {"id": facts.id, **record.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def write_doc_jsonl(results: Iterable[Facts], out: IO[str]) -> int:
    """One :meth:`Facts.to_json` per document (text, published date and records): lossless."""
    count = 0
    for facts in results:
        out.write(facts.to_json() + "\n")
        count += 1
    return count


def write_csv(results: Iterable[Facts], out: IO[str]) -> int:
    """CSV with a header of ``FRAME_COLUMNS``; actors joined by ``"; "``, mentions as
    ``"start-end; start-end"``, empty cells for None."""
    writer = csv.DictWriter(out, fieldnames=list(FRAME_COLUMNS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for facts in results:
        for row in record_rows(facts):
            if row["actors"] is not None:
                row["actors"] = "; ".join(row["actors"])
            if row["mentions"] is not None:
                row["mentions"] = "; ".join(f"{start}-{end}" for start, end in row["mentions"])
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            count += 1
    return count


def parquet_schema() -> pyarrow.Schema:
    """The Parquet schema: :func:`factex.schema.arrow_schema`, with pandas metadata so that a
    plain ``pd.read_parquet`` gets nullable booleans and integers back (list columns are left to
    pyarrow: pandas cannot yet name their dtype in the metadata)."""
    import pyarrow as pa

    schema = typed.arrow_schema()
    empty = pa.Table.from_pandas(typed.frame([]), schema=schema, preserve_index=False)
    meta = json.loads(empty.schema.metadata[b"pandas"])
    for column in meta["columns"]:
        if "list<" in str(column.get("numpy_type")):
            column["numpy_type"] = "object"
    return schema.with_metadata({b"pandas": json.dumps(meta).encode()})


def write_parquet(results: Iterable[Facts], path: str, *, rows_per_group: int = 10_000) -> int:
    """Stream records into a Parquet file, ``rows_per_group`` rows at a time."""
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        buffer: list[dict[str, Any]] = []
        for facts in results:
            buffer.extend(typed.row(record, facts.id) for record in facts.records)
            if len(buffer) >= rows_per_group:
                writer.write_table(
                    typed.arrow_table(buffer).replace_schema_metadata(schema.metadata)
                )
                count += len(buffer)
                buffer = []
        writer.write_table(typed.arrow_table(buffer).replace_schema_metadata(schema.metadata))
        count += len(buffer)
    return count


#: Columns whose values are read whole (a figure, a date, a direction): never wrapped. The
#: others are words and wrap between them (a word longer than its column folds).
WHOLE_COLUMNS = frozenset({"kind", "value", "direction", "period"})
#: the narrowest a wrapping column may get before the table switches to its narrow layout
_MIN_WRAP = 14


def write_table(results: Iterable[Facts], console: Console) -> int:
    """A readable table per document, as wide as the console, that never breaks a value.

    Wide consoles get the columns of :data:`SUMMARY_COLUMNS`: the :data:`WHOLE_COLUMNS` never
    wrap, the others wrap between words. When that leaves too little room for the words, each
    record is one row of three columns: kind, value (with its direction) and the words (the
    record's text, then its subject, metric, period and source), of which only the last wraps.
    Numbers are written as :func:`factex.display.format_amount` does (``1 425,67 EUR``).
    """
    count = 0
    for facts in results:
        title = str(facts.id) if facts.id is not None else "document"
        if facts.published:
            title += f"  (published {facts.published.isoformat()}, {facts.published_source})"
        reference = facts.published is not None
        rows = [summary_row(record, reference) for record in facts.records]
        styles = [_STYLES.get(record.kind) for record in facts.records]
        wide = _fits_wide(rows, console.width)
        table = _wide_table(title, rows, styles) if wide else _narrow_table(title, rows, styles)
        console.print(table)
        count += len(rows)
    return count


def _fits_wide(rows: list[tuple[str, ...]], width: int) -> bool:
    """Whether the wide layout leaves every wrapping column at least ``_MIN_WRAP`` characters."""
    whole = 0
    for i, column in enumerate(SUMMARY_COLUMNS):
        if column in WHOLE_COLUMNS:
            whole += max([len(column), *(len(row[i]) for row in rows)])
    borders = 3 * len(SUMMARY_COLUMNS) + 1
    wrapping = len(SUMMARY_COLUMNS) - len(WHOLE_COLUMNS)
    return width - whole - borders >= _MIN_WRAP * wrapping


def _wide_table(title: str, rows: list[tuple[str, ...]], styles: list[str | None]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False)
    for column in SUMMARY_COLUMNS:
        whole = column in WHOLE_COLUMNS
        table.add_column(column, no_wrap=whole, overflow="ignore" if whole else "fold")
    for row, style in zip(rows, styles, strict=True):
        table.add_row(*row, style=style)
    if not rows:
        table.add_row("", "(no records)", *[""] * (len(SUMMARY_COLUMNS) - 2))
    return table


def _narrow_table(title: str, rows: list[tuple[str, ...]], styles: list[str | None]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("value", no_wrap=True, overflow="ignore")
    table.add_column("text · subject · metric · period · source", overflow="fold")
    for row, style in zip(rows, styles, strict=True):
        kind, text, value, direction, subject, metric, period, source = row
        if direction:
            value = f"{value} {direction.split()[0]}"  # the arrow
        context = " · ".join(
            part for part in (subject, metric, period, source and f"source: {source}") if part
        )
        words = f"{text}\n{context}" if context else text
        table.add_row(kind, value, words, style=style)
    if not rows:
        table.add_row("", "", "(no records)")
    return table


_STYLES = {"money": "green", "percentage": "yellow", "date": "cyan", "event": "magenta"}

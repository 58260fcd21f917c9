"""Results written before, read back: ``factex extract``'s files as Facts or as typed frames."""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factex import schema
from factex.facts import Facts
from factex.records import RECORD_TYPES, Record, record_from_dict

if TYPE_CHECKING:
    import pandas


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
        current.append(record_from_dict({k: _plain(v) for k, v in row.items() if k != "id"}))
    if started:
        yield Facts(text="", records=tuple(current), id=current_id)


def _plain(value: Any) -> Any:
    """A Parquet decimal (ten places) as written: ``4200000000``, ``1.2``.

    >>> _plain(Decimal("4200000000.0000000000")), _plain(Decimal("1.2000000000"))
    (Decimal('4200000000'), Decimal('1.2'))
    """
    if not isinstance(value, Decimal):
        return value
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def read_frame(path: str | Path) -> pandas.DataFrame:
    """Any record file ``factex extract`` wrote (``.parquet``, ``.csv``, ``.jsonl`` records or
    documents) as a frame typed like :meth:`Facts.to_frame` (:mod:`factex.schema`).

    CSV stays text on disk; here its cells get their types back: exact Decimals, booleans,
    integers, ``actors`` split on ``"; "`` and ``mentions`` on ``"start-end; ..."``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path).select(list(schema.COLUMNS))
        return schema.to_pandas(table.cast(schema.arrow_schema()))
    if suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return schema.frame([_typed_cells(cells) for cells in csv.DictReader(fh)])
    return schema.frame(list(schema.rows((f.id, f.records) for f in read_facts(path))))


def _typed_cells(cells: dict[str, str]) -> dict[str, Any]:
    """A CSV row with its types back: an empty cell is None, or an empty list in a list column
    its record has (an event with no actors)."""
    cls = RECORD_TYPES.get(cells.get("kind", ""))
    fields = {f.name for f in dataclasses.fields(cls)} if cls else set()
    out: dict[str, Any] = {}
    for name, kind in schema.COLUMN_TYPES.items():
        text = cells.get(name) or ""
        if not text:
            out[name] = [] if kind in ("strings", "spans") and name in fields else None
        elif kind == "decimal":
            out[name] = Decimal(text)
        elif kind == "int":
            out[name] = int(text)
        elif kind == "bool":
            out[name] = text == "True"
        elif kind == "strings":
            out[name] = text.split("; ")
        elif kind == "spans":
            out[name] = [[int(n) for n in span.split("-")] for span in text.split("; ")]
        else:
            out[name] = text
    return out

"""One schema for every table of records: ``Facts.to_frame()``, Dask frames and Parquet files.

The columns and their types are read from the record dataclasses (:mod:`factex.records`), so a
field added to a record becomes a column, typed, everywhere at once. A field's Python type gives
its column type:

==========================  =====================  =========================================
record field                Arrow / Parquet        pandas (``pd.ArrowDtype``)
==========================  =====================  =========================================
``Decimal``                 ``decimal128(38, 10)`` ``decimal128(38, 10)[pyarrow]``
``int``                     ``int64``              ``int64[pyarrow]``
``bool``                    ``bool``               ``bool[pyarrow]``
``str``                     ``string``             ``string[pyarrow]``
``tuple[str, ...]``         ``list<string>``       ``list<item: string>[pyarrow]``
``tuple[tuple[int, int]]``  ``list<list<int64>>``  ``list<item: list<item: int64>>[pyarrow]``
==========================  =====================  =========================================

A column whose field has different types in different records (``value``: a percentage's
Decimal, a date's TIMEX3 string) is a string column holding the exact decimal string.

**Decimal precision.** ``decimal128(38, 10)``: 38 digits, 10 after the point, so up to 10^28
(ten thousand billion billions) to 10^-10. factex's amounts are the written number times a scale
word (at most 10^12, "billion"), so a text would need a 17-digit number of billions to overflow,
or more than 9 written decimals ("0,5" of a scale adds one) to lose a digit; such a value is
refused with an error, never rounded. 38 digits is also the most Spark, DuckDB and BigQuery's
NUMERIC-compatible readers take.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factex.records import RECORD_TYPES, Record

if TYPE_CHECKING:
    import pandas
    import pyarrow

#: precision and scale of every Decimal column
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 10

#: The order of the columns known when this was written; fields added since come after them.
_ORDER = (
    "id", "kind", "text", "start", "end", "sentence",
    "label", "canonical",
    "amount", "amount_min", "amount_max", "currency", "currency_inferred",
    "value", "unit", "direction", "grain", "relative", "anchor_start", "anchor_end",
    "date", "trigger", "actors", "mentions",
    "subject", "metric", "period", "source", "subject_from", "period_from",
    "metric_from",
)  # fmt: skip


def _logical(hint: Any) -> str:
    """The column type of a field's type hint: decimal, int, bool, string, strings or spans.

    >>> _logical(Decimal | None), _logical(bool), _logical(tuple[str, ...])
    ('decimal', 'bool', 'strings')
    >>> _logical(tuple[tuple[int, int], ...]), _logical(int | None), _logical(str)
    ('spans', 'int', 'string')
    """
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        [hint] = [a for a in typing.get_args(hint) if a is not type(None)] or [str]
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        return "spans" if typing.get_origin(item) is tuple else "strings"
    simple = {Decimal: "decimal", bool: "bool", int: "int"}
    return simple.get(hint, "string")


def _column_types() -> dict[str, str]:
    found: dict[str, str] = {"id": "string", "kind": "string"}
    for cls in RECORD_TYPES.values():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            kind = _logical(hints[f.name])
            # One column, two types (a percentage's Decimal, a date's TIMEX3): exact strings.
            found[f.name] = kind if found.get(f.name, kind) == kind else "string"
    known = [c for c in _ORDER if c in found]
    return {c: found[c] for c in [*known, *(c for c in found if c not in _ORDER)]}


#: Every column of a record table, in order, with its type (see the module's table).
COLUMN_TYPES: dict[str, str] = _column_types()
COLUMNS: tuple[str, ...] = tuple(COLUMN_TYPES)


def arrow_type(kind: str) -> pyarrow.DataType:
    """The Arrow type of a column type."""
    import pyarrow as pa

    return {
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "string": pa.string(),
        "strings": pa.list_(pa.string()),
        "spans": pa.list_(pa.list_(pa.int64())),
    }[kind]


def arrow_schema(extra: Iterable[str] = ()) -> pyarrow.Schema:
    """The Arrow schema of a record table (Parquet files, frames); ``extra`` string columns
    (Dask's ``error``) come last."""
    import pyarrow as pa

    fields = [pa.field(c, arrow_type(k)) for c, k in COLUMN_TYPES.items()]
    return pa.schema([*fields, *(pa.field(c, pa.string()) for c in extra)])


def frame_dtypes(extra: Iterable[str] = ()) -> dict[str, Any]:
    """Column → pandas dtype, the same for ``to_frame()``, Dask and :func:`read_frame`."""
    import pandas as pd

    return {f.name: pd.ArrowDtype(f.type) for f in arrow_schema(extra)}


def row(record: Record, doc_id: Any) -> dict[str, Any]:
    """One record as a row of typed Python values (Decimals, lists), every column present."""
    out: dict[str, Any] = {"id": None if doc_id is None else str(doc_id), "kind": record.kind}
    for name, kind in COLUMN_TYPES.items():
        if name in ("id", "kind"):
            continue
        value = getattr(record, name, None)
        if value is None:
            out[name] = None
        elif kind == "string":
            out[name] = str(value)
        elif kind in ("strings", "spans"):
            out[name] = [list(v) if isinstance(v, tuple) else v for v in value]
        else:
            out[name] = value
    return out


def rows(pairs: Iterable[tuple[Any, Iterable[Record]]]) -> Iterator[dict[str, Any]]:
    """The rows of ``(doc_id, records)`` pairs, in order."""
    for doc_id, records in pairs:
        for record in records:
            yield row(record, doc_id)


def arrow_table(table_rows: list[dict[str, Any]], extra: Iterable[str] = ()) -> pyarrow.Table:
    """Rows as an Arrow table of :func:`arrow_schema`; a Decimal that does not fit is an error."""
    import pyarrow as pa

    schema = arrow_schema(extra)
    try:
        return pa.Table.from_pylist(table_rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValueError(f"a value does not fit the factex schema: {exc}") from None


def to_pandas(table: pyarrow.Table) -> pandas.DataFrame:
    """An Arrow table as a frame of ``pd.ArrowDtype`` columns (exact decimals, nullable)."""
    import pandas as pd

    return table.to_pandas(types_mapper=pd.ArrowDtype)


def frame(table_rows: list[dict[str, Any]], extra: Iterable[str] = ()) -> pandas.DataFrame:
    """Rows (from :func:`row`) as a typed frame."""
    return to_pandas(arrow_table(table_rows, extra))

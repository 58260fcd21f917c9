"""A :class:`FactTable` as text: JSON lines, CSV and a terminal table (``factex table``).

Every format has the columns of :data:`factex.table.COLUMNS`, in order. As in every factex file,
values are exact decimal strings ("4200000000", never a float). In JSON lines, tuples are lists
and ``mentions`` a list of ``{"doc", "start", "end"}`` (as in Parquet); in CSV, tuples are joined
with ``"; "`` and a mention is written ``doc:start-end``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Hashable
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from factex.display import format_amount
from factex.table.facttable import COLUMNS, FactTable
from factex.table.rows import Row

if TYPE_CHECKING:
    from rich.console import Console

#: The columns of :func:`write_terminal`.
TERMINAL_COLUMNS = ("subject", "metric", "period", "value", "agree", "conflict", "documents")

_DIRECTIONS = {"up": "↑", "down": "↓"}


def row_record(row: Row) -> dict[str, Any]:
    """One row as JSON-ready values: decimal strings, lists, mentions as dicts.

    >>> row = Row("money", "Nordial", "revenue", "chiffre d'affaires", "2023", "EUR", "EUR",
    ...           None, Decimal("4.2E+9"), None, None, None, 2, 2, False,
    ...           documents=("a", "b"), mentions=(("a", 0, 11),))
    >>> record = row_record(row)
    >>> record["value"], record["documents"], record["mentions"]
    ('4200000000', ['a', 'b'], [{'doc': 'a', 'start': 0, 'end': 11}])
    """
    record: dict[str, Any] = {}
    for column in COLUMNS:
        value = getattr(row, column)
        if column == "mentions":
            value = [{"doc": _doc(d), "start": s, "end": e} for d, s, e in value]
        elif isinstance(value, tuple):
            value = [_plain(v) for v in value]
        else:
            value = _plain(value)
        record[column] = value
    return record


def write_jsonl(table: FactTable, out: IO[str]) -> int:
    """One JSON object per row (:func:`row_record`); returns the number of rows."""
    for row in table:
        out.write(json.dumps(row_record(row), ensure_ascii=False) + "\n")
    return len(table)


def write_csv(table: FactTable, out: IO[str]) -> int:
    """CSV with a header of ``COLUMNS``; empty cells for None; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in table:
        record = row_record(row)
        record["mentions"] = [f"{m['doc']}:{m['start']}-{m['end']}" for m in record["mentions"]]
        writer.writerow(_cell(record[column]) for column in COLUMNS)
    return len(table)


def write_terminal(table: FactTable, console: Console) -> int:
    """A readable table: one line per row (money in green, percentages in yellow), conflicts in
    red with the values that disagree."""
    from rich.table import Table

    shown = Table(expand=False)
    for column in TERMINAL_COLUMNS:
        whole = column in ("period", "value", "agree", "conflict")  # read whole: never wrapped
        shown.add_column(column, no_wrap=whole, overflow="ignore" if whole else "fold")
    for row in table:
        style = "red" if row.conflict else _STYLES.get(row.kind)
        shown.add_row(*terminal_cells(row), style=style)
    console.print(repr(table))  # a title line of its own: rich pads a table's title with spaces
    console.print(shown)
    return len(table)


def terminal_cells(row: Row) -> tuple[str, ...]:
    r"""The cells of one row under :data:`TERMINAL_COLUMNS`; conflicting values and documents
    one per line.

    >>> row = Row("percentage", "Nordial", "revenue", "chiffre d'affaires", "2023", None,
    ...           "percent", None, Decimal("6.5"), None, None, "up", 3, 2, True,
    ...           conflict_values=(Decimal("6.5"), Decimal("7")), documents=("a", "b", "c"))
    >>> terminal_cells(row)
    ('Nordial', "chiffre d'affaires", '2023', '↑ 6,5 %', '2/3', '6,5\n7', 'a\nb\nc')
    """
    conflict = "\n".join(_number(v) for v in row.conflict_values) if row.conflict else ""
    return (
        row.subject or "",
        row.metric or "",
        row.period or "",
        _value(row),
        f"{row.agree}/{row.sources}",
        conflict,
        "\n".join(str(d) for d in row.documents),
    )


def _value(row: Row) -> str:
    if row.value is not None:
        shown = _number(row.value)
    elif row.value_min is not None and row.value_max is not None:
        shown = f"{_number(row.value_min)} – {_number(row.value_max)}"
    elif row.value_min is not None:
        shown = f"≥ {_number(row.value_min)}"
    else:
        shown = f"≤ {_number(row.value_max)}" if row.value_max is not None else "?"
    unit = {"percent": "%", "points": "pts"}.get(row.unit or "", row.unit or "")
    arrow = _DIRECTIONS.get(row.direction or "")
    shown = " ".join(part for part in (arrow, shown, unit) if part)
    return f"{shown} per {row.per}" if row.per else shown


def _number(value: Decimal) -> str:
    return format_amount(value)  # one way for every number shown: 1 425,67


def _plain(value: Any) -> Any:
    return f"{value:f}" if isinstance(value, Decimal) else value  # never "4.2E+9"


def _doc(doc: Hashable) -> Any:
    return doc if isinstance(doc, (str, int)) else str(doc)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


_STYLES = {"money": "green", "percentage": "yellow"}

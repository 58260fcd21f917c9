"""Records as short strings, for the terminal table and the HTML view: one way of writing numbers.

Numbers are written the French way, once for every output meant for reading: a decimal comma and
narrow no-break spaces (U+202F) between thousands, ``1 425,67 EUR``, ``6,5 %``, never ``1.2E+3``.
Files (JSONL, CSV, Parquet) keep plain decimal strings with a point, for programs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from factex.records import DateMention, Entity, Event, Money, Percentage, Record

SUMMARY_COLUMNS = (
    "kind", "text", "value", "direction", "subject", "metric", "period", "source",
)  # fmt: skip

_DIRECTIONS = {"up": "↑ up", "down": "↓ down"}
#: how each kind is counted in a header: "1 entity", "43 entities", "2 amounts"
_NOUNS = {
    "entity": ("entity", "entities"),
    "money": ("amount", "amounts"),
    "percentage": ("percentage", "percentages"),
    "date": ("date", "dates"),
    "event": ("event", "events"),
}


def format_amount(amount: Decimal) -> str:
    """An exact number, French style: thousands apart by U+202F, a decimal comma, no exponent.

    >>> format_amount(Decimal("39900000000")), format_amount(Decimal("3.99E+10"))
    ('39\u202f900\u202f000\u202f000', '39\u202f900\u202f000\u202f000')
    >>> [format_amount(Decimal(v)) for v in ("1425.67", "0.5", "-2.5")]
    ['1\u202f425,67', '0,5', '-2,5']
    """
    return f"{amount:,f}".replace(",", "\u202f").replace(".", ",")


def count_kinds(kinds: Iterable[str]) -> str:
    """How many records of each kind, in words, with plurals.

    >>> count_kinds(["entity"] * 43 + ["event"] * 4 + ["money"])
    '43 entities, 4 events, 1 amount'
    >>> count_kinds([])
    'no records'
    """
    parts = []
    for kind, n in Counter(kinds).items():
        one, many = _NOUNS.get(kind, (kind, kind + "s"))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "no records"


def why_no_value(record: DateMention, has_reference: bool | None = None) -> str:
    """What to show for a date factex could not place, saying why when it knows.

    ``has_reference``: whether the document had a publication date (None: not known here).

    >>> d = DateMention("trois jours plus tard", 0, 21, "", None, "day", True)
    >>> why_no_value(d, False), why_no_value(d, True), why_no_value(d)
    ('? (no reference date)', '? (counted from an event)', '? (not placed)')
    >>> why_no_value(DateMention("le lendemain", 0, 12, "", None, "day", True, 30, 40))
    '? (counted from an event)'
    """
    if record.anchor_start is not None or (record.relative and has_reference):
        # a reference existed, yet the value is unknown: it counts from something else
        return "? (counted from an event)"
    if record.relative and has_reference is False:
        return "? (no reference date)"
    return "? (not placed)"


def summary_row(record: Record, has_reference: bool | None = None) -> tuple[str, ...]:
    """A record as short strings: kind, text, value, direction, subject, metric, period, source.

    >>> summary_row(Money("3,5 millions d'euros", 0, 20, "", Decimal("3500000"), "EUR",
    ...                   subject="Nordial"))
    ('money', "3,5 millions d'euros", '3\u202f500\u202f000 EUR', '', 'Nordial', '', '', '')
    >>> summary_row(Percentage("12,5 %", 0, 4, "", Decimal("12.5"), direction="down"))[2:4]
    ('12,5 %', '↓ down')
    """
    value, direction, subject, metric, period, source = "", "", "", "", "", ""
    if isinstance(record, Entity):
        value = record.label
        if record.canonical and record.canonical != record.text:
            value += f" → {record.canonical}"
    elif isinstance(record, (Money, Percentage)):
        value = _money_value(record) if isinstance(record, Money) else _percent_value(record)
        subject, metric, period = record.subject or "", record.metric or "", record.period or ""
        source = record.source or ""
        if isinstance(record, Percentage):
            direction = _DIRECTIONS.get(record.direction or "", record.direction or "")
    elif isinstance(record, DateMention):
        value = record.value or why_no_value(record, has_reference)
        details = [g for g in (record.grain, "relative" if record.relative else None) if g]
        if details:
            value += f" ({', '.join(details)})"
    elif isinstance(record, Event):
        value = record.date + (f" · {record.trigger}" if record.trigger else "")
        subject = ", ".join(record.actors)
    return (record.kind, record.text, value, direction, subject, metric, period, source)


def _percent_value(record: Percentage) -> str:
    unit = "pts" if record.unit == "points" else "%"
    if record.value is None and record.value_min is not None and record.value_max is not None:
        return f"{format_amount(record.value_min)} – {format_amount(record.value_max)} {unit}"
    return f"{format_amount(record.value)} {unit}" if record.value is not None else f"? {unit}"


def _money_value(money: Money) -> str:
    if money.amount_min is not None and money.amount_max is not None:
        amount = f"{format_amount(money.amount_min)} – {format_amount(money.amount_max)}"
    elif money.amount_min is not None:
        amount = f"≥ {format_amount(money.amount_min)}"
    elif money.amount_max is not None:
        amount = f"≤ {format_amount(money.amount_max)}"
    elif money.amount is not None:
        amount = format_amount(money.amount)
    else:
        amount = "?"
    if money.currency:
        amount += f" {money.currency}" + (" (inferred)" if money.currency_inferred else "")
    return amount

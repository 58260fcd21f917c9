"""Fact records: plain frozen dataclasses, the public output of factex.

Every record carries ``kind``, ``text``, ``start``, ``end`` and ``sentence``; ``start``/``end`` are
character offsets into the text given to :func:`factex.extract`, so ``text == input[start:end]``.
Values that cannot be known are ``None``: nothing is guessed silently.

Records know nothing of spaCy: they are built from an annotated ``Doc`` in :mod:`factex.io.convert`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class _Common:
    text: str
    start: int
    end: int
    sentence: str

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-friendly dict: Decimals as strings, tuples as lists, plus ``kind``.

        >>> p = Percentage("58 %", 13, 17, "En hausse de 58 %.", Decimal("58"), "percent", "up")
        >>> p.to_dict()["value"], p.to_dict()["kind"]
        ('58', 'percentage')
        """
        out: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class Entity(_Common):
    """A named entity: ``label`` is ORG, PER, LOC or MISC; ``canonical`` groups its mentions."""

    label: str
    canonical: str

    kind: ClassVar[str] = "entity"


@dataclass(frozen=True, slots=True)
class Money(_Common):
    """An amount of money. ``amount`` is exact; ranges set ``amount_min``/``amount_max``.

    ``currency`` is an ISO 4217 code, or None when neither the words nor the context say.
    ``currency_inferred`` is True when the currency comes from context, not from the words.
    """

    amount: Decimal | None
    currency: str | None
    currency_inferred: bool = False
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    source: str | None = None
    subject_from: str | None = None
    period_from: str | None = None
    #: where ``metric`` came from: "written" (the figure's sentence), "passage" (the metric
    #: focus: the measure named just before, "contre 198 millions un an plus tôt"), or None
    metric_from: str | None = None
    #: the unit or period of a rate or unit price ("31 euros par tonne": "tonne"), else None
    per: str | None = None
    #: the canonical key of ``metric`` ("revenue", "inflation"), None when none fits
    metric_key: str | None = None
    #: ``(start, end)`` of every telling of this figure in the text, this one first
    mentions: tuple[tuple[int, int], ...] = ()

    kind: ClassVar[str] = "money"


@dataclass(frozen=True, slots=True)
class Percentage(_Common):
    """A percentage (``unit="percent"``) or a change in percentage points (``unit="points"``)."""

    value: Decimal | None
    unit: str = "percent"
    direction: str | None = None
    subject: str | None = None
    metric: str | None = None
    period: str | None = None
    source: str | None = None
    subject_from: str | None = None
    period_from: str | None = None
    #: where ``metric`` came from: "written" (the figure's sentence), "passage" (the metric
    #: focus: the measure named just before, "contre 198 millions un an plus tôt"), or None
    metric_from: str | None = None
    #: the bounds of a range ("entre 4,2 % et 6,9 %"), one record whose ``value`` is None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    #: the canonical key of ``metric`` ("revenue", "inflation"), None when none fits
    metric_key: str | None = None
    #: ``(start, end)`` of every telling of this figure in the text, this one first
    mentions: tuple[tuple[int, int], ...] = ()

    kind: ClassVar[str] = "percentage"


@dataclass(frozen=True, slots=True)
class DateMention(_Common):
    """A date or period, as a TIMEX3-style ``value`` with its ``grain``.

    ``relative`` is True when the value needed the reference (publication) date.
    ``value`` is None when the mention needs a reference date and none was known.
    ``anchor_start``/``anchor_end`` locate the earlier date an anaphoric mention ("le
    lendemain", "un an plus tôt") was placed against; None when it was the publication date.
    """

    value: str | None
    grain: str | None
    relative: bool = False
    # offsets of the earlier mention an anaphoric date was placed against ("le lendemain")
    anchor_start: int | None = None
    anchor_end: int | None = None

    kind: ClassVar[str] = "date"


@dataclass(frozen=True, slots=True)
class Event(_Common):
    """A dated event: a clause with a resolved ``date``, its ``trigger`` verb and its ``actors``.

    News tells its main fact more than once (headline, lede, body); the tellings are one event,
    at the first one (``text``, ``start``, ``end``), and ``mentions`` holds the ``(start, end)``
    offsets of every telling, the first included. ``date_source`` says where the date was
    read: ``"written"`` in the event's own words, or ``"paragraph"`` when an undated verb of a
    narrative takes the day its paragraph is told on. ``date_day`` is the calendar day of
    ``date`` ("2025-03-17" for "2025-03-17T11:00"), None when the date is coarser than a day:
    a timeline groups by it and keeps the finest value in ``date``.
    """

    date: str
    trigger: str | None
    actors: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    date_source: str = "written"
    date_day: str | None = None

    kind: ClassVar[str] = "event"


Record = Entity | Money | Percentage | DateMention | Event

RECORD_TYPES: dict[str, type[Record]] = {
    cls.kind: cls for cls in (Entity, Money, Percentage, DateMention, Event)
}

_DECIMAL_FIELDS = frozenset(
    {"amount", "amount_min", "amount_max", "value", "value_min", "value_max"}
)


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a record from :meth:`to_dict` output, restoring Decimals and tuples.

    >>> d = Money("5 €", 0, 3, "5 €", Decimal("5"), "EUR").to_dict()
    >>> record_from_dict(d) == Money("5 €", 0, 3, "5 €", Decimal("5"), "EUR")
    True
    """
    data = dict(data)
    kind = data.pop("kind", None)
    try:
        cls = RECORD_TYPES[str(kind)]
    except KeyError:
        expected = sorted(RECORD_TYPES)
        raise ValueError(f"unknown record kind {kind!r}; expected one of {expected}") from None
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        if key in _DECIMAL_FIELDS and cls is not DateMention and value is not None:
            value = Decimal(str(value))
        elif key == "actors" and value is not None:
            value = tuple(value)
        elif key == "mentions" and value is not None:
            value = tuple((int(start), int(end)) for start, end in value)
        kwargs[key] = value
    return cls(**kwargs)

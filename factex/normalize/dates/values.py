"""What the date grammar works with and returns: the reference moment, mentions, their values.

:class:`Reference` is the publication moment a relative mention is placed against; it is read
from user input by :func:`parse_published` and from the Doc's ISO string by
:meth:`Reference.parse`, both through one ISO reader. A :class:`Candidate` is a mention found in
text; resolving it gives a :class:`Resolved` point or interval, written out as a :class:`Timex`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from factex.normalize.timex import GRAINS, fmt, shift, truncate

Direction = Literal["past", "future", "nearest"]
Published = str | date | datetime | None


def _iso_datetime(text: str) -> tuple[datetime, bool]:
    """The datetime an ISO 8601 text names, and whether it gives a time of day (ValueError if
    it names none). The one ISO reader for reference dates."""
    text = text.strip()
    # Python 3.10's fromisoformat does not read the "Z" suffix.
    text = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    return datetime.fromisoformat(text), len(text) > 10


def parse_published(published: Published) -> date | None:
    """Check and convert a reference date given as ``str`` (ISO 8601), ``date`` or ``datetime``.

    >>> parse_published("2018-07-03")
    datetime.date(2018, 7, 3)
    >>> parse_published("2018-07-03T10:15:00")  # a time of day is kept ("dans 2 heures")
    datetime.datetime(2018, 7, 3, 10, 15)
    >>> parse_published("3 juillet")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: published='3 juillet' is not a date: give an ISO 8601 string such as ...
    """
    if published is None:
        return None
    if isinstance(published, date):  # a datetime too: its time resolves "ce soir", "dans 2 heures"
        return published
    if isinstance(published, str):
        try:
            parsed, has_time = _iso_datetime(published)
            return parsed if has_time else parsed.date()
        except ValueError:
            pass
        raise ValueError(
            f"published={published!r} is not a date: give an ISO 8601 string such as "
            "'2018-07-03', a datetime.date or a datetime.datetime"
        )
    raise TypeError(
        f"published must be str, datetime.date, datetime.datetime or None, "
        f"got {type(published).__name__}"
    )


@dataclass(frozen=True)
class Reference:
    """The reference (publication) moment; ``has_time`` is False for a date without a time.

    A reference taken from the text (the temporal focus an anaphor such as "le lendemain" is
    placed against) has the ``grain`` of the mention that set it; the publication moment has
    none (``""``).
    """

    dt: datetime
    has_time: bool = False
    grain: str = ""

    @classmethod
    def parse(cls, text: str | None) -> Reference | None:
        """From an ISO string; an offset is dropped (values are naive wall-clock times).

        >>> Reference.parse("2013-02-12T04:30:00-02:00")
        Reference(dt=datetime.datetime(2013, 2, 12, 4, 30), has_time=True, grain='')
        >>> Reference.parse("2018-07-03").has_time, Reference.parse(None)
        (False, None)
        """
        if not text:
            return None
        dt, has_time = _iso_datetime(text)
        return cls(dt.replace(tzinfo=None), has_time)


@dataclass(frozen=True)
class Timex:
    """A normalised mention: ``value`` (None when a needed reference is missing), ``grain``,
    ``relative``."""

    value: str | None
    grain: str
    relative: bool


Point = tuple[datetime, str]


@dataclass(frozen=True)
class Resolved:
    """A point (``start is end``) or an interval with an inclusive end; None marks an open side."""

    start: Point | None
    end: Point | None
    interval: bool = False
    zone: str = ""  # a UTC offset ("+01:00", "Z") written after times when the text gave one

    @property
    def grain(self) -> str:
        side = self.end or self.start
        assert side is not None
        if self.start is not None and self.end is not None and self.start[1] != self.end[1]:
            # "d'ici 2 semaines": from now (second) to a day; the finer end is the precision
            return min(self.start[1], self.end[1], key=GRAINS.index)
        return side[1]

    def value(self) -> str:
        if not self.interval:
            assert self.start is not None
            return self._fmt(self.start)
        left = self._fmt(self.start) if self.start else ".."
        right = self._fmt(self.end) if self.end else ".."
        return f"{left}/{right}"

    def _fmt(self, p: Point) -> str:
        text = fmt(*p)
        return text + self.zone if self.zone and "T" in text else text


def unit_before(p: Point) -> Point:
    """The last unit of ``p``'s grain before ``p``: "avant 16h" ends with 15h, ends being inclusive.

    >>> unit_before((datetime(2013, 2, 12, 16), "hour"))
    (datetime.datetime(2013, 2, 12, 15, 0), 'hour')
    """
    return shift(p[0], p[1], -1), p[1]


def point(dt: datetime, grain: str) -> Resolved:
    p = (truncate(dt, grain), grain)
    return Resolved(p, p)


def span(a: datetime, b: datetime, grain: str) -> Resolved:
    return Resolved((truncate(a, grain), grain), (truncate(b, grain), grain), True)


Resolver = Callable[[Reference | None, Direction], Resolved | None]


def no_value(ref: Reference | None, dr: Direction) -> Resolved | None:
    """The resolver of a mention kept only to hide what it covers ("de 2 à 3 heures")."""
    return None


@dataclass(frozen=True)
class Candidate:
    """A mention found in text: offsets, what kind of thing it names, and how to resolve it.

    ``relative`` says whether the value depends on the reference; ``kind`` drives how adjacent
    mentions combine ("day" + "time" → one point, "x au y" → an interval).
    """

    start: int
    end: int
    kind: str
    relative: bool
    resolve: Resolver
    grain: str
    # a None value is the answer, not a failure: no other parser should be asked to place it
    settled: bool = False
    # for a mention that comes back every year ("mars", "le 20 décembre"): its occurrence in a
    # given year, so that a range of two such mentions is placed as one period ("de décembre
    # à février" crosses the year) instead of placing each end on its own
    yearly: Callable[[int], Resolved | None] | None = None
    # a value that needs no calendar: a reference word ("PRESENT_REF") or a generic or
    # recurring date ("XXXX-SU", "XXXX-WXX-1", "P1Y"); ``grain`` is then "ref" or "set"
    fixed: str | None = None
    # placed against the temporal focus (the last date the text gave), not the publication:
    # "le lendemain", "l'année précédente", "trois jours plus tard"
    anaphoric: bool = False

    def timex(self, ref: Reference | None, direction: Direction = "nearest") -> Timex:
        return self.resolved(ref, direction)[0]

    def resolved(
        self, ref: Reference | None, direction: Direction = "nearest"
    ) -> tuple[Timex, Resolved | None]:
        """The value and, for a calendar one, the point or interval it names."""
        if self.fixed is not None:
            return Timex(self.fixed, self.grain, False), None
        if self.relative and ref is None:
            return Timex(None, self.grain, True), None
        try:
            res = self.resolve(ref, direction)
        except (ValueError, OverflowError):  # a day past year 9999 or before year 1: no value
            res = None
        if res is None:
            return Timex(None, self.grain, self.relative), None
        return Timex(res.value(), res.grain, self.relative), res


def fixed(start: int, end: int, value: str, grain: str) -> Candidate:
    """A mention whose value needs no calendar ("PRESENT_REF", "XXXX-SU", "P1Y")."""
    return Candidate(start, end, "fixed", False, no_value, grain, True, fixed=value)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d-])")


def day_of(value: str | None) -> str | None:
    """The calendar day of a TIMEX3 value, None when the value is coarser than a day.

    >>> day_of("2025-03-17T11:00"), day_of("2025-03-17"), day_of("2025-03-17TEV")
    ('2025-03-17', '2025-03-17', '2025-03-17')
    >>> day_of("2025-03"), day_of("2025-W12"), day_of("2025-03-17/2025-03-20"), day_of(None)
    (None, None, None, None)
    """
    if value is None or "/" in value:
        return None
    found = _DAY.match(value)
    return found.group(0) if found else None

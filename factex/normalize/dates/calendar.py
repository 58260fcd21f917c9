"""Calendar choices for the date rules: which occurrence of a yearly date, weekday or period a
mention names, given the reference moment and the direction (the tense of the verb).

Formatting and unit arithmetic on points live in :mod:`factex.normalize.timex`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, datetime, timedelta

from factex.normalize.dates.values import Direction, Reference, Resolved, point, span
from factex.normalize.timex import shift, truncate

Occurrence = tuple[datetime, datetime]


def choose(
    ref: datetime, direction: Direction, starts: Callable[[int], Occurrence | None]
) -> Occurrence | None:
    """The occurrence of a yearly period (``starts(year)`` → [start, end)) nearest ``ref``.

    Past picks the latest occurrence that has begun, future the first that has not ended.

    >>> may = lambda y: (datetime(y, 5, 1), datetime(y, 6, 1))
    >>> ref = datetime(2018, 7, 3)
    >>> [choose(ref, d, may)[0].year for d in ("past", "future", "nearest")]
    [2018, 2019, 2018]
    """
    # four years each way so that 29 February has somewhere to land
    # (within the years a datetime holds: a reference in year 3 or 9998 is odd, not an error)
    years = range(max(ref.year - 4, MINYEAR), min(ref.year + 5, MAXYEAR))
    options = [o for y in years if (o := starts(y)) is not None]
    for start, end in options:
        if start <= ref < end:
            return start, end
    past = [o for o in options if o[0] <= ref]
    future = [o for o in options if o[0] > ref]
    if direction == "past":
        return past[-1] if past else None
    if direction == "future":
        return future[0] if future else None
    if not past:
        return future[0] if future else None
    if not future:
        return past[-1]
    p, f = past[-1], future[0]
    return p if (ref - p[1]) <= (f[0] - ref) else f


def weekday_near(ref: datetime, weekday: int, direction: Direction) -> datetime:
    """The weekday nearest ``ref``: past includes the reference day, future excludes it.

    >>> ref = datetime(2018, 7, 3)  # a Tuesday
    >>> [weekday_near(ref, 0, d).day for d in ("past", "future", "nearest")]
    [2, 9, 2]
    """
    day = datetime(ref.year, ref.month, ref.day)
    back = (day.weekday() - weekday) % 7
    fwd = (weekday - day.weekday()) % 7 or 7
    past, future = day - timedelta(days=back), day + timedelta(days=fwd)
    if direction == "past":
        return past
    if direction == "future":
        return future
    return past if back <= fwd else future


def safe_date(y: int, m: int, d: int) -> datetime | None:
    """The day, or None when the calendar has no such day (30 February)."""
    try:
        return datetime(y, m, d)
    except ValueError:
        return None


def two_digit_year(y: int) -> int:
    return 2000 + y if y < 50 else 1900 + y


def weekday_with_day(day: datetime, wd: int, dnum: int, dr: Direction) -> Resolved | None:
    """ "mercredi 13": the nearest date that is both that weekday and that day of the month."""
    found: list[datetime] = []
    for k in range(-13, 14):
        base = shift(day.replace(day=1), "month", k)
        dt = safe_date(base.year, base.month, dnum)
        if dt is not None and dt.weekday() == wd:
            found.append(dt)
    past = [f for f in found if f <= day]
    fut = [f for f in found if f >= day]
    if dr == "past" and past:
        return point(past[-1], "day")
    if dr == "future" and fut:
        return point(fut[0], "day")
    if not found:
        return None
    return point(min(found, key=lambda f: abs(f - day)), "day")


def day_in_nearby_month(day: datetime, d: int, dr: Direction) -> Resolved:
    """ "le 16": that day of the previous, current or next month, as the direction says."""
    options = []
    for k in (-1, 0, 1):
        base = shift(day.replace(day=1), "month", k)
        dt = safe_date(base.year, base.month, d)
        if dt is not None:
            options.append(dt)
    past = [o for o in options if o <= day]
    fut = [o for o in options if o >= day]
    if dr == "past" and past:
        return point(past[-1], "day")
    if dr == "future" and fut:
        return point(fut[0], "day")
    best = min(options, key=lambda o: abs(o - day))
    return point(best, "day")


def weekend_span(friday: datetime) -> Resolved:
    """A week-end as Duckling counts it: Friday 18:00 to the end of Sunday, by hours."""
    return span(friday + timedelta(hours=18), friday + timedelta(days=2, hours=23), "hour")


def _pick(days: list[datetime], n: int) -> datetime | None:
    """The n-th of ``days``, or the last for -1."""
    return days[-1] if n == -1 else days[n - 1] if n <= len(days) else None


def nth(first: datetime, last: datetime, unit: str, n: int) -> Resolved | None:
    """The n-th (or, for -1, the last) day, full week, week-end or fortnight of a month."""
    if unit == "jour":
        day = last if n == -1 else first + timedelta(days=n - 1)
        return point(day, "day") if day <= last else None
    if unit.startswith("wd"):  # "le premier lundi de septembre", "le dernier vendredi de novembre"
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        pick = _pick([d for d in days if d.weekday() == int(unit[2:])], n)
        return None if pick is None else point(pick, "day")
    if unit == "quinzaine":
        if n == 1:
            return span(first, first + timedelta(days=13), "day")
        return span(first + timedelta(days=14), last, "day") if n in (2, -1) else None
    if unit == "week-end":
        fridays = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        pick = _pick([f for f in fridays if f.weekday() == 4], n)
        return None if pick is None else weekend_span(pick)
    # weeks that lie wholly inside the month
    mondays = [first + timedelta(days=i) for i in range((last - first).days - 5)]
    pick = _pick([d for d in mondays if d.weekday() == 0], n)
    return None if pick is None else point(pick, "week")


def day_of(ref: Reference | None, on: datetime | None) -> datetime | None:
    """The day a time of day falls on: the day it was composed with, else the reference day."""
    if on is not None:
        return on
    return truncate(ref.dt, "day") if ref is not None else None


def clock_time(
    ref: Reference | None, dr: Direction, on: datetime | None, hour: int, minute: int
) -> datetime | None:
    """That time on the day it was composed with, else on the reference day; a time already
    past at a reference with a time of day is the next one, unless the verb looks back."""
    base = day_of(ref, on)
    if base is None:
        return None
    dt = base.replace(hour=hour, minute=minute)
    if on is None and ref is not None and ref.has_time and dt < ref.dt and dr != "past":
        dt += timedelta(days=1)
    return dt


def yearly_span(
    first: Callable[[int], Resolved | None],
    last: Callable[[int], Resolved | None],
    ref: Reference,
    dr: Direction,
) -> Resolved | None:
    """A range of two yearly mentions placed as one period, like a bare month is placed.

    The end falls in the start's year, or the next one when it comes earlier in the calendar.

    >>> month = lambda m: lambda y: point(datetime(y, m, 1), "month")
    >>> ref = Reference.parse("2024-03-12")
    >>> [yearly_span(month(12), month(2), ref, d).value() for d in ("past", "future")]
    ['2023-12/2024-02', '2024-12/2025-02']
    >>> yearly_span(month(1), month(3), ref, "future").value()  # it is not over yet
    '2024-01/2024-03'
    """

    def ends(year: int) -> tuple[Resolved, Resolved] | None:
        a, b = first(year), last(year)
        if a is None or b is None or a.start is None or b.end is None:
            return None
        if b.end[0] < a.start[0]:
            b = last(year + 1)
            if b is None or b.end is None:
                return None
        return a, b

    def occ(year: int) -> Occurrence | None:
        got = ends(year)
        if got is None:
            return None
        a, b = got
        assert a.start is not None and b.end is not None
        return a.start[0], shift(b.end[0], b.end[1], 1)

    got = choose(truncate(ref.dt, "day"), dr, occ)
    pair = None if got is None else ends(got[0].year)
    if pair is None:
        return None
    a, b = pair
    return Resolved(a.start, b.end, True)

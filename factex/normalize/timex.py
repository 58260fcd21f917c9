"""TIMEX3-style values: formatting a point at a grain, calendar arithmetic and a validator.

A value is a point (``"2018-07-02"``, ``"2017-07"``, ``"2017"``, ``"2018-W27"``, ``"2017-Q3"``,
``"2022-H2"``, ``"2013-SU"``, ``"201"`` for a decade, ``"2013-02-12T16:00"``), a closed
interval ``"start/end"`` whose end is INCLUSIVE and written at the mention's grain, or an open
interval ``"../end"`` / ``"start/.."``. Values are naive wall-clock times, except a time the
text gives with a zone ("à 16h CET"), which carries its UTC offset (``"2013-02-12T16:00+01:00"``,
``"…T07:44Z"``), as TIMEX3 and ISO 8601 allow.

Seasons are ``YYYY-SP|SU|FA|WI`` (printemps, été, automne, hiver); the winter of ``YYYY`` starts
in December of ``YYYY`` (``"2012-WI"`` is the winter 2012-2013).

No spaCy here: pure functions only.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

#: Grains from the finest to the coarsest; intervals carry the grain of their ends.
GRAINS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
)

SEASONS = ("SP", "SU", "FA", "WI")
#: (month, day) each season starts on; used for arithmetic only, values name the season.
SEASON_STARTS = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}

Point = tuple[datetime, str]

_POINT = re.compile(
    r"""(?x)
    (?P<year>\d{4})
    (?:
        -(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
            (?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?)?)?
      | -W(?P<week>\d{2})
      | -Q[1-4]
      | -H[12]
      | -(?:SP|SU|FA|WI)
    )?
    """
)
_DECADE = re.compile(r"\d{3}")


def _is_point(text: str) -> bool:
    if _DECADE.fullmatch(text):
        return True
    m = _POINT.fullmatch(text)
    if not m:
        return False
    if m["week"] is not None:
        week = int(m["week"])
        # ISO years have 52 or 53 weeks; 28 December is always in the last one.
        return 1 <= week <= date(int(m["year"]), 12, 28).isocalendar()[1]
    try:
        datetime(
            int(m["year"]),
            int(m["month"] or 1),
            int(m["day"] or 1),
            int(m["hour"] or 0),
            int(m["minute"] or 0),
            int(m["second"] or 0),
        )
    except ValueError:
        return False
    return True


def is_timex(value: object) -> bool:
    """True when ``value`` is a TIMEX3-style value factex may produce.

    >>> [is_timex(v) for v in ("2018-07-02", "2017-07", "2017", "2018-W27", "2017-Q3", "2022-H2")]
    [True, True, True, True, True, True]
    >>> [is_timex(v) for v in ("2013-SU", "201", "2013-02-12T16:00", "2013-02-12T16:00:05")]
    [True, True, True, True]
    >>> [is_timex(v) for v in ("2017/2018", "../2013-02-12T16:00", "2013-02-12T16:00/..")]
    [True, True, True]
    >>> [is_timex(v) for v in ("2013-02-12T16:00+01:00", "2013-02-12T07:44Z", "2013-02-12Z")]
    [True, True, False]
    >>> [is_timex(v) for v in ("2018-02-30", "2018-13", "2018-W54", "../..", "2018-7-2", "", None)]
    [False, False, False, False, False, False, False]
    >>> is_timex("2018-07-05/2018-07-02")  # an interval must not run backwards
    False
    """
    if not isinstance(value, str) or not value:
        return False
    if "/" not in value:
        return _is_point(value)
    left, _, right = value.partition("/")
    if "/" in right or (left == ".." and right == ".."):
        return False
    if left != ".." and not _is_point(left):
        return False
    if right != ".." and not _is_point(right):
        return False
    if ".." in (left, right):
        return True
    return _sort_key(left) <= _sort_key(right)


def _sort_key(point: str) -> str:
    """A string that orders points by their start (coarse values compare by their first day)."""
    m = _POINT.fullmatch(point)
    if m is None:  # decade
        return point + "0"
    if m["week"] is not None:
        monday = date.fromisocalendar(int(m["year"]), int(m["week"]), 1)
        return monday.isoformat()
    if "-Q" in point:
        return f"{m['year']}-{(int(point[-1]) - 1) * 3 + 1:02d}"
    if "-H" in point:
        return f"{m['year']}-{(int(point[-1]) - 1) * 6 + 1:02d}"
    if point[5:] in SEASONS:
        month, day = SEASON_STARTS[point[5:]]
        return f"{m['year']}-{month:02d}-{day:02d}"
    return point


def fmt(dt: datetime, grain: str) -> str:
    """The TIMEX3 text of the point ``dt`` at ``grain``.

    >>> d = datetime(2018, 7, 2, 9, 30, 15)
    >>> [fmt(d, g) for g in ("day", "month", "year", "week", "quarter", "half", "decade")]
    ['2018-07-02', '2018-07', '2018', '2018-W27', '2018-Q3', '2018-H2', '201']
    >>> [fmt(d, g) for g in ("hour", "minute", "second")]
    ['2018-07-02T09:00', '2018-07-02T09:30', '2018-07-02T09:30:15']
    >>> fmt(datetime(2013, 1, 5), "season"), fmt(datetime(2013, 7, 5), "season")
    ('2012-WI', '2013-SU')
    >>> fmt(datetime(212, 3, 1), "month")
    '0212-03'
    """
    # Years are always written with four digits: strftime("%Y") does not pad years before 1000.
    year = f"{dt.year:04d}"
    day = f"{year}-{dt.month:02d}-{dt.day:02d}"
    if grain == "second":
        return f"{day}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
    if grain == "minute":
        return f"{day}T{dt.hour:02d}:{dt.minute:02d}"
    if grain == "hour":
        return f"{day}T{dt.hour:02d}:00"
    if grain == "day":
        return day
    if grain == "week":
        iso = dt.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if grain == "month":
        return f"{year}-{dt.month:02d}"
    if grain == "quarter":
        return f"{year}-Q{(dt.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{year}-H{1 if dt.month <= 6 else 2}"
    if grain == "season":
        season_year, season = season_of(dt.date())
        return f"{season_year:04d}-{season}"
    if grain == "year":
        return f"{dt.year:04d}"
    if grain == "decade":
        return f"{dt.year:04d}"[:3]
    raise ValueError(f"unknown grain {grain!r}; expected one of {GRAINS}")


def season_of(day: date) -> tuple[int, str]:
    """(year, season code) of the season ``day`` falls in.

    >>> season_of(date(2013, 2, 12)), season_of(date(2013, 12, 25)), season_of(date(2013, 6, 21))
    ((2012, 'WI'), (2013, 'WI'), (2013, 'SU'))
    """
    key = (day.month, day.day)
    if key < SEASON_STARTS["SP"]:
        return day.year - 1, "WI"
    if key < SEASON_STARTS["SU"]:
        return day.year, "SP"
    if key < SEASON_STARTS["FA"]:
        return day.year, "SU"
    if key < SEASON_STARTS["WI"]:
        return day.year, "FA"
    return day.year, "WI"


def season_start(year: int, season: str) -> datetime:
    """First day of a season.

    >>> season_start(2012, "WI")
    datetime.datetime(2012, 12, 21, 0, 0)
    """
    month, day = SEASON_STARTS[season]
    return datetime(year, month, day)


def add_months(dt: datetime, months: int) -> datetime:
    """``dt`` moved by whole months, the day clamped to the month's length.

    >>> add_months(datetime(2018, 1, 31), 1)
    datetime.datetime(2018, 2, 28, 0, 0)
    >>> add_months(datetime(2018, 1, 15), -13)
    datetime.datetime(2016, 12, 15, 0, 0)
    """
    index = dt.year * 12 + dt.month - 1 + months
    year, month = divmod(index, 12)
    day = min(dt.day, calendar.monthrange(year, month + 1)[1])
    return dt.replace(year=year, month=month + 1, day=day)


def truncate(dt: datetime, grain: str) -> datetime:
    """The start of the ``grain`` period containing ``dt``.

    >>> truncate(datetime(2018, 7, 4, 10, 5), "week"), truncate(datetime(2018, 8, 4), "quarter")
    (datetime.datetime(2018, 7, 2, 0, 0), datetime.datetime(2018, 7, 1, 0, 0))
    """
    if grain == "second":
        return dt.replace(microsecond=0)
    if grain == "minute":
        return dt.replace(second=0, microsecond=0)
    if grain == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    day = datetime(dt.year, dt.month, dt.day)
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return datetime(dt.year, (dt.month - 1) // 3 * 3 + 1, 1)
    if grain == "half":
        return datetime(dt.year, 1 if dt.month <= 6 else 7, 1)
    if grain == "season":
        return season_start(*season_of(day.date()))
    if grain == "year":
        return datetime(dt.year, 1, 1)
    if grain == "decade":
        return datetime(dt.year // 10 * 10, 1, 1)
    raise ValueError(f"unknown grain {grain!r}; expected one of {GRAINS}")


def shift(dt: datetime, grain: str, n: int) -> datetime:
    """``dt`` moved by ``n`` units of ``grain``.

    >>> shift(datetime(2018, 7, 2), "quarter", -1), shift(datetime(2018, 7, 2), "week", 2)
    (datetime.datetime(2018, 4, 2, 0, 0), datetime.datetime(2018, 7, 16, 0, 0))
    """
    if grain == "second":
        return dt + timedelta(seconds=n)
    if grain == "minute":
        return dt + timedelta(minutes=n)
    if grain == "hour":
        return dt + timedelta(hours=n)
    if grain == "day":
        return dt + timedelta(days=n)
    if grain == "week":
        return dt + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120}
    if grain not in months:
        raise ValueError(f"unknown grain {grain!r}; expected one of {GRAINS}")
    return add_months(dt, n * months[grain])

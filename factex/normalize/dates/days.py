"""Rules for days: written dates ("le 2 juillet", "03/07/2018"), weekdays, holidays, day ranges."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from factex.normalize.dates.calendar import (
    choose,
    day_in_nearby_month,
    safe_date,
    two_digit_year,
    weekday_near,
    weekday_with_day,
)
from factex.normalize.dates.lexicon import APOS, B, E, Lexicon, alt, key
from factex.normalize.dates.rules import Match, rule
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    point,
    span,
)
from factex.normalize.timex import shift, truncate


def ymd(s: int, e: int, y: int | None, month: int, d: int, kind: str = "day") -> Candidate | None:
    """A day of a written year, or of the year the reference and direction choose."""
    if y is not None:
        dt = safe_date(y, month, d)
        if dt is None:
            return None
        return Candidate(s, e, kind, False, lambda ref, dr: point(dt, "day"), "day")
    if safe_date(2000, month, d) is None:
        return None

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None

        def occ(year: int) -> tuple[datetime, datetime] | None:
            dt = safe_date(year, month, d)
            return None if dt is None else (dt, dt + timedelta(days=1))

        got = choose(truncate(ref.dt, "day"), dr, occ)
        return None if got is None else point(got[0], "day")

    def at(year: int) -> Resolved | None:
        dt = safe_date(year, month, d)
        return None if dt is None else point(dt, "day")

    return Candidate(s, e, kind, True, res, "day", yearly=at)


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if len(text) == 4 else two_digit_year(int(text))


def _day_month_pattern(x: Lexicon) -> str:
    return (
        rf"{B}(?:(?P<le>le)\s+)?(?:(?P<wd>{x.WD})\s+)?(?P<d>{x.DAYNUM})\s*(?P<m>{x.MONTH_ANY})(?!\w)"
        rf"(?:\s+(?:{APOS})?(?P<y>{x.YEAR})|\s+(?P<y2>\d{{2}})(?=\s*(?:$|[.,;:!?)]))"
        rf"|\s+(?P<mod>{alt(x.words['month_modifiers'])}){E})?"
    )


@rule("day_month", _day_month_pattern)
def day_month(lex: Lexicon, m: Match) -> Candidate | None:
    d = lex.day_number(m["d"])
    month = lex.month(m["m"])
    if d is None or not 1 <= d <= 31:
        return None
    if m["d"][0].isalpha() and d > 1 and not m["le"] and not m["wd"] and m["y"] is None:
        # "trois mars" alone is rare; "sept mars" may be a count: keep words with a cue only
        return None
    y = int(m["y"]) if m["y"] else two_digit_year(int(m["y2"])) if m["y2"] else None
    c = ymd(m.start(), m.end(), y, month, d)
    if c is None or not m["mod"]:
        return c
    # "le 3 juillet dernier": the word says which side of the reference, whatever the verb
    side: Direction = "past" if lex.words["month_modifiers"][key(m["mod"])] < 0 else "future"
    resolve = c.resolve
    return Candidate(c.start, c.end, c.kind, c.relative, lambda r, _d: resolve(r, side), c.grain)


@rule(
    "week_of",
    lambda x: (
        rf"{B}(?:la\s+)?semaine\s+du\s+(?P<d>{x.DAYNUM})\s*(?P<m>{x.MONTH_ANY})(?!\w)"
        rf"(?:\s+(?P<y>{x.YEAR}))?"
    ),
)
def week_of(lex: Lexicon, m: Match) -> Candidate | None:
    d = lex.day_number(m["d"])
    if d is None:
        return None
    day = ymd(m.start(), m.end(), int(m["y"]) if m["y"] else None, lex.month(m["m"]), d)
    if day is None:
        return None
    inner = day.resolve

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = inner(ref, dr)
        if got is None or got.start is None:
            return None
        first = got.start[0]
        if first.weekday() == 6:
            # a week is named by the day it starts: a Sunday starts the next (Monday) week
            first += timedelta(days=1)
        return point(first, "week")

    return Candidate(m.start(), m.end(), "period", day.relative, res, "week")


@rule(
    "numeric",
    lambda x: (
        rf"(?:(?<![\w])(?:le|{x.WD})\s+)?(?<![\d/.,])(?P<d>[0-3]?\d)(?P<s>[/.])(?P<m>[01]?\d)(?P=s)"
        r"(?P<y>\d{4}|\d{2})(?![\d/.,]\d)"
    ),
)
@rule("numeric_iso", lambda x: r"(?<![\d/.,-])(?P<y>\d{4})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])")
def numeric(lex: Lexicon, m: Match) -> Candidate | None:
    d, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return None
    return ymd(m.start(), m.end(), _year_of(m["y"]), month, d)


# "20 02 2014", "le 24 12 14": spaces only with a 4-digit year or a zero-padded month,
# and never inside a longer run of numbers (phone numbers, tables of scores)
@rule(
    "numeric_spaced",
    lambda x: (
        r"(?:(?<![\w])le\s+)?(?<![\d,.])(?<![\d,.]\s)(?P<d>[0-3]?\d) (?:(?P<m>0[1-9]|1[0-2]) "
        r"(?P<y>\d{4}|\d{2})|(?P<m2>[1-9]|1[0-2]) (?P<y2>(?:19|20)\d{2}))(?![\d,.]|\s\d)"
    ),
)
def numeric_spaced(lex: Lexicon, m: Match) -> Candidate | None:
    d, month = int(m["d"]), int(m["m"] or m["m2"])
    if not 1 <= d <= 31:
        return None
    return ymd(m.start(), m.end(), _year_of(m["y"] or m["y2"]), month, d)


def _cue(x: Lexicon) -> str:
    return rf"(?:(?<![\w])(?P<le>le|du|au)|(?P<wd>{x.WD}))"


_FRACTION_AFTER = re.compile(r"\s*(?:des|de|du|d['’]|e\b|ème|%)", re.IGNORECASE)


# day/month without a year: "le 05/11", "17/2"; day month with spaces after a cue
# ("le 17 02", "lundi 20 2 14") or as the whole text (a date column of a spreadsheet)
@rule(
    "numeric_short_slash",
    lambda x: (
        rf"(?:{_cue(x)}\s+)?(?<![\d/.,])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
        rf"(?![\d/]|[.,]\d|\s*{x.NOT_AFTER}{E})"
    ),
)
@rule(
    "numeric_short_spaced",
    lambda x: (
        rf"(?:{_cue(x)}\s+)?(?<![\d,.])(?<![\d,.]\s)(?P<d>[0-3]?\d) (?P<m>0?[1-9]|1[0-2])"
        rf"(?: (?P<y>\d{{4}}|\d{{2}}))?"
        rf"(?!\w|[.,]\d|\s+\d|\s*[x×]\s*\d|\s*{x.NOT_AFTER}{E})"
    ),
)
def numeric_short(lex: Lexicon, m: Match) -> Candidate | None:
    """ "17/2", "le 17 02", "le 20 2 14": numbers that are also fractions, scores, counts.

    A slash date is taken after a cue ("le", "du", "au", a weekday), as the whole text, or
    with a two-digit day when no fraction or score word is around it ("1/3 des salariés",
    "battu 3/1", "24/7"); spaces only after a cue or as the whole text with a two-digit day.
    """
    text = m.string
    d, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12 or not 1 <= d <= 31:
        return None
    whole = not text[: m.start()].strip() and not text[m.end() :].strip(" \t\n.")
    cued = m["le"] is not None or m["wd"] is not None
    slash = "/" in m.group()
    if not cued:
        if len(m["d"]) < 2 and not (whole and slash):
            return None
        if not whole:
            if not slash or f"{m['d']}/{m['m']}" in lex.words["not_numeric_dates"]:
                return None
            before = text[max(0, m.start() - 12) : m.start()].lower().split()
            if before and before[-1] in lex.keyed("not_before_numeric_date"):
                return None
            if _FRACTION_AFTER.match(text, m.end()):
                return None
    return ymd(m.start(), m.end(), _year_of(m.groupdict().get("y")), month, d)


# "le 16" (day of the current or next month); needs a following cue to be safe
@rule(
    "day_only",
    lambda x: (
        rf"(?:{B}(?P<le>le)|(?<=partir\s)du|(?<=compter\s)du)\s+"
        rf"(?P<d>1er|3[01]|[12]\d|0?[1-9]){x.ENDNUM}"
    ),
)
def day_only(lex: Lexicon, m: Match) -> Candidate | None:
    d = lex.day_number(m["d"])
    if d is None or not 1 <= d <= 31:
        return None

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        return day_in_nearby_month(truncate(ref.dt, "day"), d, dr)

    return Candidate(m.start(), m.end(), "day", True, res, "day")


def _weekday_pattern(x: Lexicon) -> str:
    mod = (
        rf"(?P<mod>{x.FUT}|{x.PAST}|{alt(x.words['weekday_weeks_ahead'])}|"
        rf"(?:de\s+)?la\s+semaine\s+(?:{x.FUT}|{x.PAST})|cette\s+semaine)"
    )
    return (
        rf"{B}(?:(?P<ce>ce)\s+)?(?P<wd>{x.WD})(?:\s+(?P<d>{x.DAYNUM}){x.ENDNUM})?(?:\s+{mod}{E})?"
    )


def _this_weekday(day: datetime, wd: int, dr: Direction) -> datetime:
    """ "ce jeudi": today when it is that day, else the one of this week, or the next or last
    one the tense points to.

    >>> thu = datetime(2024, 3, 7)
    >>> [_this_weekday(thu, 3, d).day for d in ("future", "past", "nearest")]
    [7, 7, 7]
    >>> [_this_weekday(thu, 0, d).day for d in ("future", "past", "nearest")]
    [11, 4, 4]
    """
    ahead = day + timedelta(days=(wd - day.weekday()) % 7)
    back = day - timedelta(days=(day.weekday() - wd) % 7)
    if dr == "future":
        return ahead
    if dr == "past":
        return back
    return truncate(day, "week") + timedelta(days=wd)


def _weekday_on(lex: Lexicon, day: datetime, wd: int, mod: str, dr: Direction) -> datetime:
    """The day a weekday with its modifier names ("mardi prochain", "lundi en huit")."""
    week = truncate(day, "week")
    ahead = lex.words["weekday_weeks_ahead"]
    if mod in ahead:
        return day + timedelta(days=(wd - day.weekday()) % 7 + ahead[mod])
    if mod == "cette semaine":
        return week + timedelta(days=wd)
    if "semaine" in mod:
        k = -1 if any(p in mod for p in lex.past) else 1
        return week + timedelta(weeks=k, days=wd)
    if mod in lex.past:
        return day - timedelta(days=(day.weekday() - wd) % 7 or 7)
    if mod in ("prochain", "prochaine"):
        return weekday_near(day, wd, "future")
    if mod:  # suivant, d'après: the one of next week
        return week + timedelta(weeks=1, days=wd)
    return weekday_near(day, wd, dr)


@rule("weekday", _weekday_pattern)
def weekday(lex: Lexicon, m: Match) -> Candidate | None:
    wd = lex.words["weekdays"][key(m["wd"])]
    mod = key(m["mod"] or "")
    dnum = lex.day_number(m["d"]) if m["d"] else None
    before = m.string[max(0, m.start() - 5) : m.start()]
    if m["wd"].endswith(".") and dnum is None and re.search(r"\b(?:de|du|le|la|au|un)\s+$", before):
        return None  # "à l'heure de jeu.": after a determiner, the noun, not "jeudi"
    this = m["ce"] is not None
    # "l'explosion de mardi": the day of an event told, not one announced
    of_event = re.search(r"(?:\bd[eu]|d['’])\s*$", m.string[max(0, m.start() - 4) : m.start()])
    # "la signature, mardi, de l'accord": the day cuts an event noun from its complement
    of_event = of_event or (
        re.search(r",\s*$", m.string[max(0, m.start() - 3) : m.start()])
        and re.match(r"\s*,\s*(?:d[eu]s?\b|d['’])", m.string[m.end() : m.end() + 8])
    )

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        day = truncate(ref.dt, "day")
        if dnum is not None:
            return weekday_with_day(day, wd, dnum, dr)
        if this and not mod:
            return point(_this_weekday(day, wd, dr), "day")
        if of_event and not mod:
            dr = "nearest"  # whatever the tense of the sentence it is told in
        elif dr == "nearest" and not mod:
            dr = "future"  # "Le conseil examine lundi le dossier": news tells of the coming one
        return point(_weekday_on(lex, day, wd, mod, dr), "day")

    return Candidate(m.start(), m.end(), "day", True, res, "day")


@rule(
    "holiday",
    lambda x: (
        rf"{B}(?:(?P<soir>le\s+soir\s+de)\s+)?(?P<h>{alt(x.words['holidays'])})"
        rf"(?:\s+(?P<y>{x.YEAR}))?{E}"
    ),
)
def holiday(lex: Lexicon, m: Match) -> Candidate | None:
    month, d = lex.words["holidays"][key(m["h"])]
    c = ymd(m.start("h"), m.end(), int(m["y"]) if m["y"] else None, month, d)
    if c is None or not m["soir"]:
        return c
    inner = c.resolve

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = inner(ref, dr)
        if got is None or got.start is None:
            return None
        eve = got.start[0] - timedelta(days=1)
        return span(eve + timedelta(hours=18), eve + timedelta(hours=23), "hour")

    return Candidate(m.start(), m.end(), "pod", True, res, "hour")


# day ranges: "du 2 au 5 juillet", "13-15 juillet", "entre le 13 et le 15 juillet", and
# "les 4 et 5 octobre" with its article, as "le 3 juillet"
@rule(
    "day_range",
    lambda x: (
        rf"{B}(?:(?P<pre>du|entre\s+le|entre|les)\s+)?(?:{x.WD}\s+)?(?P<d1>{x.DAYNUM})\s*"
        rf"(?:au|-|–|et\s+le|et|jusqu{APOS}au)\s*(?:le\s+)?"
        rf"(?:{x.WD}\s+)?(?P<d2>{x.DAYNUM})\s*(?P<m>{x.MONTH_ANY})(?!\w)(?:\s+(?P<y>{x.YEAR}))?"
    ),
)
@rule(
    "day_range_bare",
    lambda x: (
        rf"{B}(?P<pre>du|entre\s+le)\s+(?:{x.WD}\s+)?(?P<d1>{x.DAYNUM})\s+(?:au|et\s+le)\s+"
        rf"(?:{x.WD}\s+)?(?P<d2>{x.DAYNUM}){x.ENDNUM}"
    ),
)
def day_range(lex: Lexicon, m: Match) -> Candidate | None:
    d1, d2 = lex.day_number(m["d1"]), lex.day_number(m["d2"])
    if d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
        return None
    has_month = m.groupdict().get("m") is not None
    if not has_month and not m["pre"]:
        return None
    month = lex.month(m["m"]) if has_month else None
    y = int(m["y"]) if has_month and m["y"] else None

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if month is None:
            assert ref is not None
            return _days_of_this_month(ref, d1, d2, dr)
        if y is not None:
            a, b = safe_date(y, month, d1), safe_date(y, month, d2)
            return None if a is None or b is None else span(a, b, "day")
        assert ref is not None

        def occ(year: int) -> tuple[datetime, datetime] | None:
            s, e = safe_date(year, month, d1), safe_date(year, month, d2)
            return None if s is None or e is None else (s, e + timedelta(days=1))

        got = choose(truncate(ref.dt, "day"), dr, occ)
        return None if got is None else span(got[0], got[1] - timedelta(days=1), "day")

    return Candidate(m.start(), m.end(), "day_interval", y is None, res, "day")


def _days_of_this_month(ref: Reference, d1: int, d2: int, dr: Direction) -> Resolved | None:
    """ "du 2 au 5" without a month: in the reference month, or the next or previous one."""
    base = truncate(ref.dt, "month")
    day = truncate(ref.dt, "day")
    if dr == "future" and d2 < day.day:
        base = shift(base, "month", 1)
    elif dr == "past" and d1 > day.day:
        base = shift(base, "month", -1)
    a, b = safe_date(base.year, base.month, d1), safe_date(base.year, base.month, d2)
    return None if a is None or b is None else span(a, b, "day")

"""Rules for periods: quarters and halves ("au premier trimestre 2018", "T3 2022"), seasons,
phases of a period ("en fin d'année"), parts of a year or month ("les neuf premiers mois de
2021", "la première quinzaine d'avril"), week-ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from factex.normalize.dates.calendar import choose, nth, weekend_span
from factex.normalize.dates.days import ymd
from factex.normalize.dates.lexicon import APOS, YEAR4, B, E, Lexicon, alt, key
from factex.normalize.dates.rules import Match, rule
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    point,
    span,
)
from factex.normalize.timex import season_start, shift, truncate


def _quarter_pattern(x: Lexicon) -> str:
    return (
        rf"{B}(?:(?P<pre>au|le|du|ce|en|sur\s+le)\s+)?(?P<o>{alt(x.words['ordinals'])})\s+"
        rf"(?P<u>{alt(x.words['quarter_units'])})(?:\s+(?:de\s+l{APOS}(?:année|exercice)\s+|de\s+)?(?P<y>{x.YEAR})"
        rf"|\s+(?P<mod>{x.FUT}|{x.PAST}))?{E}"
    )


@rule("quarter", _quarter_pattern)
def quarter(lex: Lexicon, m: Match) -> Candidate | None:
    o = lex.words["ordinals"][key(m["o"])]
    grain = lex.words["quarter_units"][key(m["u"])]
    count = 4 if grain == "quarter" else 2
    if o == -1:
        if m["y"] is None:
            return None  # "le dernier trimestre": the previous one, see relative units
        o = count
    if not 1 <= o <= count:
        return None
    return _period(lex, m, grain, o, int(m["y"]) if m["y"] else None, m["mod"])


@rule(
    "quarter_code",
    lambda x: (
        rf"(?<![\w-])(?:(?P<pre>au|le|du|ce|en|sur\s+le)\s+)?(?P<q>[TQ][1-4]|[SH][12])"
        rf"(?:\s*(?P<y>{YEAR4}|(?<=\s)\d{{2}}))?(?![\w-])"
    ),
)
def quarter_code(lex: Lexicon, m: Match) -> Candidate | None:
    code = m["q"]
    if m["y"] is None and not m["pre"]:
        return None
    if code[0].islower():
        return None
    grain = "quarter" if code[0] in "TQ" else "half"
    y = None
    if m["y"]:
        y = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    return _period(lex, m, grain, int(code[1]), y, None)


def _period(
    lex: Lexicon, m: Match, grain: str, n: int, y: int | None, mod: str | None
) -> Candidate:
    months = 3 if grain == "quarter" else 6
    k = lex.step(mod)

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if y is not None:
            return point(datetime(y, (n - 1) * months + 1, 1), grain)
        assert ref is not None

        def occ(year: int) -> tuple[datetime, datetime]:
            s = datetime(year, (n - 1) * months + 1, 1)
            return s, shift(s, "month", months)

        if k:
            start = datetime(ref.dt.year + k, (n - 1) * months + 1, 1)
            return point(start, grain)
        this_year = occ(ref.dt.year)[0]
        if dr == "nearest" and this_year <= ref.dt:
            # "affiche une marge en hausse au premier semestre" in October: with no
            # tense to say otherwise, a quarter or half of this year that has begun is
            # the one reported on, even when next year's is nearer.
            return point(this_year, grain)
        got = choose(truncate(ref.dt, "day"), dr, occ)
        return None if got is None else point(got[0], grain)

    return Candidate(m.start(), m.end(), "period", y is None, res, grain)


@rule(
    "season",
    lambda x: (
        rf"{B}(?:(?P<pre>cet|ce|l{APOS}|en|au|à\s+l{APOS}|d{APOS}ici\s+l{APOS}|le|du|d{APOS}un|un)\s*)?"
        rf"(?P<s>{alt(x.words['seasons'])})(?:\s+(?P<y>{x.YEAR})|\s+(?P<mod>{x.FUT}|{x.PAST}))?{E}"
    ),
)
def season(lex: Lexicon, m: Match) -> Candidate | None:
    code = lex.words["seasons"][key(m["s"])]
    pre = key(m["pre"] or "")
    if not pre and m["y"] is None and not m["mod"]:
        return None  # "été" is also the participle of "être"
    y = int(m["y"]) if m["y"] else None
    k = lex.step(m["mod"])
    this = pre in ("cet", "ce")

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if y is not None:
            return point(season_start(y, code), "season")
        assert ref is not None
        day = truncate(ref.dt, "day")

        def occ(year: int) -> tuple[datetime, datetime]:
            s = season_start(year, code)
            return s, shift(s, "month", 3)

        if k:
            got = choose(day, "past" if k < 0 else "future", occ)
            if got is not None and got[0] <= day < got[1]:
                got = occ(got[0].year + k)
        else:
            got = choose(day, "future" if this and dr == "nearest" else dr, occ)
        return None if got is None else point(got[0], "season")

    return Candidate(m.start(), m.end(), "period", y is None, res, "season")


def _phase_window(lex: Lexicon, base: datetime, grain: str, ph: str) -> Resolved:
    """The days (months for a year) that a phase ("début", "fin") of a period covers."""
    w = lex.words
    if grain == "year":
        a, b = w["year_phases"][ph]
        return span(base.replace(month=a), base.replace(month=b), "month")
    if grain == "month":
        a, b = w["month_phases"][ph]
        last = (shift(base, "month", 1) - timedelta(days=1)).day
        return span(base.replace(day=a), base.replace(day=min(b, last)), "day")
    a, b = w["week_phases"][ph]
    return span(base + timedelta(days=a), base + timedelta(days=b), "day")


# phases of the current period: "en fin d'année", "au début du mois", "en fin de semaine"
@rule(
    "phase",
    lambda x: (
        rf"{B}(?:(?:en|à\s+la|au)\s+)?(?P<ph>{alt(x.words['week_phases'])})\s+"
        rf"(?:d(?:e\s+l{APOS}|u\s+|e\s+la\s+|e\s+|{APOS}))(?P<u>{alt(x.words['phase_units'])})"
        rf"(?:\s+(?P<mod>{x.FUT}|{x.PAST}))?{E}"
    ),
)
def phase(lex: Lexicon, m: Match) -> Candidate | None:
    ph = key(m["ph"])
    k = lex.step(m["mod"])
    grain = lex.words["phase_units"][key(m["u"])]

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        got = _phase_window(lex, shift(truncate(ref.dt, grain), grain, k), grain, ph)
        over = got.end is not None and got.end[0] < truncate(ref.dt, got.end[1])
        if not k and dr == "future" and over:
            # "en début de mois" on the 12th, with no past verb: the coming one
            got = _phase_window(lex, shift(truncate(ref.dt, grain), grain, 1), grain, ph)
        return got

    return Candidate(m.start(), m.end(), "period", True, res, "day" if grain != "year" else "month")


@rule(
    "in_week",
    lambda x: rf"{B}dans\s+la\s+semaine{E}(?!\s+(?:{x.FUT}|{x.PAST}|d))",
)
def in_week(lex: Lexicon, m: Match) -> Candidate | None:
    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        return point(ref.dt, "week")

    return Candidate(m.start(), m.end(), "period", True, res, "week")


# "sur les neuf premiers mois de 2021", "les trois derniers mois de l'année": the first
# or last months of a calendar year (of the reference when none is written)
@rule(
    "year_part",
    lambda x: (
        rf"{B}(?:(?:sur|durant|pendant|dans|pour|depuis)\s+les\s+|au\s+cours\s+des\s+|"
        rf"lors\s+des\s+|les\s+)"
        rf"(?P<n>{x.NUM})\s+(?P<o>premiers|premières|derniers|dernières)\s+(?P<u>mois|trimestres|semestres)"
        rf"(?:\s+(?:de\s+l{APOS}(?:année|exercice)(?:\s+(?P<y2>{x.YEAR}))?(?:\s+(?P<prev>{x.PAST}))?"
        rf"|de\s+(?P<y>{x.YEAR})|de\s+l{APOS}an\s+(?P<prev2>{x.PAST}))|(?=\W|$)){E}"
    ),
)
def year_part(lex: Lexicon, m: Match) -> Candidate | None:
    n = lex.number(m["n"])
    unit = lex.words["units"][key(m["u"])]
    months = {"month": 1, "quarter": 3, "half": 6}[unit]
    first = key(m["o"]).startswith("premi")
    written = m["y"] or m["y2"]
    if n is None or n < 1 or n * months > 12:
        return None
    if not first and written is None and not (m["prev"] or m["prev2"]):
        return None  # "les trois derniers mois" alone count back from now: last_next
    back = 1 if (m["prev"] or m["prev2"]) else 0

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if written is not None:
            year = int(written)
        else:
            assert ref is not None
            year = ref.dt.year - back
        if first and unit == "month" and n == 6:
            return point(datetime(year, 1, 1), "half")  # "les six premiers mois": H1
        if first:
            a = datetime(year, 1, 1)
            b = shift(a, unit, n - 1)
        else:
            b = shift(datetime(year, 1, 1), unit, 12 // months - 1)
            a = shift(b, unit, 1 - n)
        return span(a, b, unit) if n > 1 else point(a, unit)

    grain = "half" if first and unit == "month" and n == 6 else unit
    return Candidate(m.start(), m.end(), "period", written is None, res, grain)


# "la première quinzaine d'avril", "le dernier week-end de septembre", "le 3e jour de mai"
@rule(
    "nth_in_month",
    lambda x: (
        rf"{B}(?:(?:le|la)\s+)?(?P<o>{alt(x.words['ordinals'])}|\d{{1,2}}(?:e|ème|eme))\s+"
        rf"(?P<u>jour|semaine|week-end|quinzaine|{x.WD})\s+(?:du\s+mois\s+)?d(?:e\s+|{APOS}|u\s+)"
        rf"(?:(?P<m>{x.MONTH_FULL}){E}(?:\s+(?P<y>{x.YEAR}))?"
        rf"|(?:mois\s+)?(?P<mod>{x.FUT}|{x.PAST})|(?P<this>ce\s+mois(?:-ci)?))"
    ),
)
def nth_in_month(lex: Lexicon, m: Match) -> Candidate | None:
    o_text = key(m["o"])
    ords = lex.words["ordinals"]
    n = ords[o_text] if o_text in ords else lex.day_number(o_text)
    if n is None or n == 0:
        return None
    unit = key(m["u"])
    weekdays = lex.words["weekdays"]
    if unit in weekdays:
        unit = f"wd{weekdays[unit]}"
    y = int(m["y"]) if m["y"] else None
    if m["m"]:
        month_c = ymd(m.start(), m.end(), y, lex.month(m["m"]), 1)
        if month_c is None:
            return None
        first_of = month_c.resolve
    else:  # "du mois prochain", "de ce mois"
        k = lex.step(m["mod"])

        def first_of(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            return point(shift(truncate(ref.dt, "month"), "month", k), "month")

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = first_of(ref, dr)
        if got is None or got.start is None:
            return None
        first = got.start[0]
        last = shift(first, "month", 1) - timedelta(days=1)
        return nth(first, last, unit, n)

    grain = {"semaine": "week", "week-end": "hour"}.get(unit, "day")
    return Candidate(m.start(), m.end(), "period", y is None, res, grain)


@rule(
    "weekend",
    lambda x: rf"{B}(?:(?P<this>ce)\s+week-end|le\s+week-end\s+(?P<mod>{x.FUT}|{x.PAST})){E}",
)
def weekend(lex: Lexicon, m: Match) -> Candidate | None:
    k = lex.step(m["mod"])

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        friday = truncate(ref.dt, "week") + timedelta(weeks=k, days=4)
        return weekend_span(friday)

    return Candidate(m.start(), m.end(), "period", True, res, "hour")

"""Rules for months and years: "en juillet 2017", "fin mars", "en 2011", "exercice 2017-2018",
"de 2015 à 2018", "les années 1990"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta

from factex.normalize.dates.calendar import choose
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

_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def after_apostrophe(m: Match) -> bool:
    return m.start() > 0 and m.string[m.start() - 1] in "'’"


def _month_pattern(x: Lexicon) -> str:
    pre = (
        rf"(?:(?P<en>en|courant|au\s+mois\s+d(?:e\s+|{APOS})|le\s+mois\s+d(?:e\s+|{APOS})|"
        rf"mois\s+d(?:e\s+|{APOS}))"
        rf"|(?:(?:en|à\s+la|au)\s+)?(?P<ph>{alt(x.words['month_phases'])})(?:\s*-\s*|\s+du\s+mois\s+d(?:e\s+|{APOS})|"
        rf"\s+d(?:e\s+|{APOS})|\s+))"
    )
    return (
        rf"{B}(?:{pre}\s*)?(?P<m>{x.MONTH_FULL}){E}(?:\s+(?:de\s+l{APOS}année\s+)?(?P<y>{x.YEAR})"
        rf"|\s+(?P<mod>{alt(x.words['month_modifiers'])}){E})?"
    )


def _month_year(ref: Reference, month: int, step: int, dr: Direction) -> int | None:
    """The year of a month named without one ("en mars", "en décembre dernier")."""
    if step:
        # "en décembre dernier" in December is last year's: never the current month
        this = datetime(ref.dt.year, month, 1)
        cur = datetime(ref.dt.year, ref.dt.month, 1)
        return ref.dt.year + (step if (this >= cur if step < 0 else this <= cur) else 0)

    def occ(year: int) -> tuple[datetime, datetime]:
        s = datetime(year, month, 1)
        return s, shift(s, "month", 1)

    got = choose(truncate(ref.dt, "day"), dr, occ)
    return None if got is None else got[0].year


@rule("month", _month_pattern)
def month(lex: Lexicon, m: Match) -> Candidate | None:
    number = lex.month(m["m"])
    ph = (m["ph"] or "").lower()
    if m["en"] and after_apostrophe(m):
        return None
    if not m["en"] and not ph and m["y"] is None and m["m"][0].isupper():
        return None  # "Mars" the planet, "Mai" a name: a bare month is written in lower case
    y = int(m["y"]) if m["y"] else None
    phases: Mapping[str, list[int]] = lex.words["month_phases"]

    def at(year: int) -> Resolved:
        start = datetime(year, number, 1)
        if not ph:
            return point(start, "month")
        a, b = phases[ph]
        last = shift(start, "month", 1) - timedelta(days=1)
        return span(start.replace(day=a), start.replace(day=min(b, last.day)), "day")

    step = lex.words["month_modifiers"][key(m["mod"])] if m["mod"] else 0

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if y is not None:
            return at(y)
        assert ref is not None
        year = _month_year(ref, number, step, dr)
        return None if year is None else at(year)

    grain = "day" if ph else "month"
    return Candidate(
        m.start(), m.end(), "month", y is None, res, grain, yearly=at if y is None else None
    )


def _year_start(lex: Lexicon, m: Match, cue: str, y2: int | None) -> int | None:
    """Where the mention of a cued year starts: at the cue, or at the year; None: not a year."""
    s = m.start()
    if cue in lex.keyed("year_cues_apart"):
        s = m.start("y")  # "depuis 2015": the open interval is made by the combining step
    if cue in lex.keyed("comparison_year_cues"):
        nxt = _NEXT_WORD.match(m.string, m.end())
        if nxt is not None and key(nxt[1]) not in lex.keyed("words_after_compared_year"):
            return None  # "contre 1999 supporters": a count, not a year
        s = m.start("y")  # "en baisse par rapport à 2019", "plus qu'en 2015"
    if cue in lex.keyed("year_cues_naming") and y2 is None:
        s = m.start("y")  # "la crise de 2008", "le budget 2021": the date is the year
    return s


@rule(
    "year",
    lambda x: (
        rf"{B}(?P<cue>{alt(x.words['year_cues'])})(?:\s*-\s*|\s+)(?:l{APOS}année\s+)?"
        rf"(?P<y>{x.YEAR})(?:\s*[-/]\s*(?P<y2>{x.YEAR}|\d{{2}}(?!\d)))?(?![\w-])"
    ),
)
@rule(
    "year_range",
    lambda x: rf"{B}(?P<cue>de|entre)\s+(?P<y>{x.YEAR})\s+(?:à|a|et)\s+(?P<y2>{x.YEAR})(?![\w-])",
)
def year(lex: Lexicon, m: Match) -> Candidate | None:
    y = int(m["y"])
    cue = key(m["cue"])
    if cue == "en" and after_apostrophe(m):
        return None  # the "en" of "jusqu'en": the longer cue is matched on its own
    y2 = None
    if m["y2"]:
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y // 100 * 100 + int(m["y2"])
        if y2 <= y or y2 - y > 50:
            return None
    s = _year_start(lex, m, cue, y2)
    if s is None or cue in lex.words["seasons"]:
        return None  # seasons: handled by the season rule
    if y2 is not None:
        a, b = datetime(y, 1, 1), datetime(y2, 1, 1)
        return Candidate(s, m.end(), "year", False, lambda r, d: span(a, b, "year"), "year")
    phases: Mapping[str, list[int]] = lex.words["year_phases"]
    if cue in phases:
        lo, hi = phases[cue]
        a, b = datetime(y, lo, 1), datetime(y, hi, 1)
        return Candidate(
            m.start(), m.end(), "year", False, lambda r, d: span(a, b, "month"), "month"
        )
    start = datetime(y, 1, 1)
    kind = "year" if s == m.start("y") else "year_cued"
    return Candidate(s, m.end(), kind, False, lambda r, d: point(start, "year"), "year")


@rule("decade", lambda x: rf"{B}(?:les\s+)?années\s+(?P<c>19|20)?(?P<d>\d)0{E}")
def decade(lex: Lexicon, m: Match) -> Candidate | None:
    century = int(m["c"]) if m["c"] else (20 if int(m["d"]) < 3 else 19)
    start = datetime(century * 100 + int(m["d"]) * 10, 1, 1)
    return Candidate(
        m.start(), m.end(), "decade", False, lambda r, d: point(start, "decade"), "decade"
    )

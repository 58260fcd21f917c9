"""Rules for months and years: "en juillet 2017", "fin mars", "en 2011", "exercice 2017-2018",
"de 2015 à 2018", "les années 1990"."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from factex.normalize.dates.calendar import choose, yearly_span
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
        rf"{B}(?:{pre}\s*)?(?P<m>{x.MONTH_FULL}){E}(?:[-–](?P<m2>{x.MONTH_FULL}){E})?"
        rf"(?:\s+(?:de\s+l{APOS}année\s+)?(?P<y>{x.YEAR})"
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
    if m["m2"] and not ph and not step:
        return _month_pair(m, number, lex.month(m["m2"]), y, at)

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if y is not None:
            return at(y)
        assert ref is not None
        year = _month_year(ref, number, step, dr)
        return None if year is None else at(year)

    grain = "day" if ph else "month"
    # "en mai" comes back every year; "en décembre dernier" is one December
    yearly = at if y is None and not step else None
    return Candidate(m.start(), m.end(), "month", y is None, res, grain, yearly=yearly)


def _month_pair(
    m: Match, first: int, last: int, y: int | None, at: Callable[[int], Resolved]
) -> Candidate:
    """ "de mars-avril": two months written as one period, placed like a bare month."""

    def at_last(year: int) -> Resolved:
        return point(datetime(year, last, 1), "month")

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        if y is not None:
            end_year = y if last >= first else y + 1
            return span(datetime(y, first, 1), datetime(end_year, last, 1), "month")
        assert ref is not None
        return yearly_span(at, at_last, ref, dr)

    return Candidate(m.start(), m.end(), "interval", y is None, res, "month")


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


def _free_word(lex: Lexicon, text: str, pos: int, depth: int = 0) -> bool:
    """Whether what follows a bare year at ``pos`` leaves it a year: the end of a phrase, a
    word that cannot be counted ("et", "sur", "s'annonce"), or "et 2025", not a noun it would
    count ("2019 habitants", "entre 2000 et 3000 euros")."""
    rest = text[pos : pos + 40]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ".,;:!?)»…–—\n" or re.match(r"\w['’]", stripped):
        return True
    nxt = _NEXT_WORD.match(rest)
    if nxt is None:
        return False
    if key(nxt[1]) not in lex.keyed("words_after_compared_year"):
        link = lex.words["bare_year_next_words"].get(key(nxt[1]))
        return link == "verb" or (link == "noun" and depth == 0 and _after_noun(text, pos))
    num = re.match(r"\s+\d[\d\s\u00a0\u202f]*", rest[nxt.end() :])
    if num is None or key(nxt[1]) not in lex.keyed("bare_year_range_words"):
        return True  # "installé en 97 au 12, rue Thiers": no range of numbers
    year = re.match(rf"\s+{YEAR4}(?![\d\s\u00a0\u202f,.]\d)", rest[nxt.end() :])
    return (
        year is not None and depth == 0 and _free_word(lex, text, pos + nxt.end() + year.end(), 1)
    )


def _after_noun(text: str, end: int) -> bool:
    """Whether the year ending at ``end`` comes right after a word ("le bilan 2022 de")."""
    year = re.search(r"[^\W\d_]+\s+\d+(?:\s*[-–/]\s*\d+)?$", text[max(0, end - 40) : end])
    return year is not None


_WORD_BEFORE = re.compile(r"(\S?)\s*([^\W\d_]+['’°]?|[^\w\s])\s*$")


def _bare_before(lex: Lexicon, text: str, pos: int) -> bool:
    """Whether the word before a bare year lets it be one (not "les 2000", "à 1950", nor a
    name such as "le plan France 2030")."""
    window = text[max(0, pos - 30) : pos]
    # a match holds the window's last word and at most one character before the spaces ahead
    # of it: searched from there, not tried at each of the 30 positions (same match)
    words = window.rsplit(None, 1)
    before = _WORD_BEFORE.search(window, max(0, len(words[0]) - 1) if len(words) == 2 else 0)
    if before is None:
        return True
    word = before[2]
    if word[0].isupper() and before[1] not in ("", ".", "!", "?", "«", "\n"):
        return False  # a capital inside a sentence: the year is part of a name
    return key(word) not in lex.keyed("not_before_bare_year")


# "Altavène termine 2023 sur un recul", "pour 2024 et 2025", "le bilan 2022 de", "la période
# 2024-2026": a year written alone, where neither a count nor an amount can be read
@rule(
    "bare_year",
    lambda x: rf"{B}(?P<y>{x.YEAR})(?:\s*[-–/]\s*(?P<y2>{YEAR4}|\d{{2}}(?![\d,.]\d)))?(?![\w-])",
)
def bare_year(lex: Lexicon, m: Match) -> Candidate | None:
    text = m.string
    if not _bare_before(lex, text, m.start()) or not _free_word(lex, text, m.end()):
        return None
    y = int(m["y"])
    if not m["y2"]:
        start = datetime(y, 1, 1)
        return Candidate(
            m.start(), m.end(), "year", False, lambda r, d: point(start, "year"), "year"
        )
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y // 100 * 100 + int(m["y2"])
    if y2 <= y or y2 - y > 50:
        return None
    a, b = datetime(y, 1, 1), datetime(y2, 1, 1)
    return Candidate(m.start(), m.end(), "year", False, lambda r, d: span(a, b, "year"), "year")


# "en 97", "depuis 98", "octobre 98": a year of the last century in two figures after a cue
@rule(
    "short_year",
    lambda x: (
        rf"{B}(?:(?P<cue>{alt(x.words['short_year_cues'])})|(?:en\s+)?(?P<m>{x.MONTH_FULL}))\s+"
        rf"(?P<y>[3-9]\d)(?![\w\-/]|[,.]\d|\s*[%€$]|\s+\d)"
    ),
)
def short_year(lex: Lexicon, m: Match) -> Candidate | None:
    if not _free_word(lex, m.string, m.end()) or (m["cue"] and after_apostrophe(m)):
        return None
    y = 1900 + int(m["y"])
    if m["m"]:
        start = datetime(y, lex.month(m["m"]), 1)
        return Candidate(
            m.start(), m.end(), "month", False, lambda r, d: point(start, "month"), "month"
        )
    s = m.start("y") if key(m["cue"]) in lex.keyed("year_cues_apart") else m.start()
    begin = datetime(y, 1, 1)
    return Candidate(s, m.end(), "year", False, lambda r, d: point(begin, "year"), "year")

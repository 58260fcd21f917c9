"""Rules for times of day: "à 16h30", "vers midi", "trois heures et quart", "de 9 à 18
heures", "ce soir", "en fin de matinée", "entre midi et deux"; and whether a range of hours
is a length of time ("de 8 à 10 heures par jour") rather than hours of the clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from factex.normalize.dates.calendar import clock_time, day_of
from factex.normalize.dates.intervals import clock, interval
from factex.normalize.dates.lexicon import APOS, B, E, Lexicon, alt, key, keys
from factex.normalize.dates.rules import Match, rule
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    Resolver,
    no_value,
    point,
    span,
    unit_before,
)

_RANGE_FROM = re.compile(r"(?<![\w])(?:de|d['’]|entre)\s*$", re.IGNORECASE)
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
# "de route", "d'attente": the noun a length of time is a length of, without an article
# ("de la place de la République" says where from)
_OF_WORD = re.compile(
    r"\s+d(?:e\s+(?!(?:la|les?|l['’]|leurs?|[mts](?:on|a|es))(?![\w-]))|['’]\s*)([^\W\d_][\w-]*)",
    re.IGNORECASE,
)
_DURATION_BEFORE = re.compile(r"(?:\ben|pendant|durant|sous|les|des|dernières|prochaines|\d)\s*$")


@dataclass(frozen=True)
class _RangeWords:
    """What the words around a range of hours are compared with (built once per lexicon)."""

    range_to: re.Pattern[str]
    date_nouns: frozenset[str]
    lasting_before: frozenset[str]
    lasting_after: re.Pattern[str]


@lru_cache(maxsize=8)
def _range_words(lex: Lexicon) -> _RangeWords:
    w = lex.words
    return _RangeWords(
        re.compile(
            rf"\s+(?:à|a|et|jusqu['’]à)\s+(?:(?:[01]?\d|2[0-4]|{lex.NUMW})\s*(?:h|heures?)|midi|minuit){E}",
            re.IGNORECASE,
        ),
        # what may follow "de" after a range of hours: "de 8 à 18 heures de lundi à vendredi"
        keys(x for name in ("weekdays", "relative_days") for x in w[name]) | keys(lex.months),
        keys(w["range_duration_before"]),
        re.compile(rf"\s*,?\s*{alt(w['range_duration_after'])}{E}", re.IGNORECASE),
    )


def lasts(lex: Lexicon, text: str, start: int, end: int, *, before: bool = True) -> bool:
    """Whether the words around a range of hours ``text[start:end]`` make it a length of time.

    The unit may be written once ("de 8 à 10 heures") or twice ("de 8 heures à 10 heures"):
    either way "par jour" after it says how long. A lasting word before it is looked at
    (``before``) only for the unit written once: written twice, the hours after "une
    séance", "une coupure", "durera" are those of the clock ("de 14 heures à 18 heures").
    """
    words = _range_words(lex)
    word = _LAST_WORD.search(text, max(0, start - 40), start) if before else None
    # "d'attente de 2 à 3 heures": the noun after the elided article
    if word is not None and key(word[1]).rsplit("'", 1)[-1] in words.lasting_before:
        return True
    if words.lasting_after.match(text, end):
        return True
    of = _OF_WORD.match(text, end)
    return of is not None and of[1].islower() and key(of[1]) not in words.date_nouns


def _clock_range(lex: Lexicon, m: Match) -> bool:
    """ "de 8 heures à 20 heures": the first of two hours of the clock, not a duration."""
    before = m.string[max(0, m.start() - 8) : m.start()]
    return bool(_RANGE_FROM.search(before)) and bool(
        _range_words(lex).range_to.match(m.string, m.end())
    )


def _time_pattern(x: Lexicon) -> str:
    hour_pre = rf"(?:(?P<at>{alt(x.words['time_cues'])})\s+)?"
    frac = (
        rf"(?:\s+et\s+(?P<fr>quart|demie?)|\s+(?P<tq>trois\s+quarts)"
        rf"|\s+moins\s+(?:le\s+)?(?P<lq>quart)|\s+moins\s+(?P<mm>{x.NUMW}|\d{{1,2}})"
        rf"|\s+passé\s+de\s+(?P<pm>{x.NUMW}|\d{{1,2}})\s+minutes?)"
    )
    ampm = rf"(?:\s+(?P<ampm>{alt(x.words['clock_day_parts'])}))?"
    return (
        rf"(?<![\w]){hour_pre}(?:"
        rf"(?P<h>[01]?\d|2[0-4])\s*[hH](?:\s*(?P<mi>[0-5]\d))?(?![\w/])"
        rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
        rf"|(?P<hw>{x.NUMW}|une|\d{{1,2}})\s+heures?(?:\s+(?:et\s+)?(?P<miw>{x.NUMW}|\d{{1,2}})"
        rf"(?!\s+quarts?)(?:\s+minutes?)?)?"
        rf"|(?P<noon>midi|minuit)(?:\s+(?P<nmin>{x.NUMW}|\d{{1,2}}){E})?"
        rf"){frac}?{ampm}{E}(?:\s+(?P<tz>(?-i:{alt(x.words['time_zones'])})){E}"
        rf"(?!\s+(?-i:[A-ZÀÂÉÈÊÎÔÛÇ]{{2}})))?"
    )


Reading = tuple[int, int, bool]  # hour, minute, whether the minute was written


def _minutes(lex: Lexicon, text: str | None) -> int | None:
    """Minutes written after an hour ("seize heures trente"); None when not a minute."""
    if not text:
        return 0
    mv = lex.number(text)
    return None if mv is None or mv > 59 else mv


def _hour_in_words(lex: Lexicon, m: Match) -> Reading | None:
    """ "trois heures", "seize heures trente": a time only with a cue or minutes."""
    hv = lex.number(m["hw"])
    if hv is None or hv > 24:
        return None
    if (
        m["at"] is None
        and not (m["miw"] or m["fr"] or m["tq"] or m["lq"] or m["ampm"])
        and not _clock_range(lex, m)
    ):
        return None  # "3 heures" alone is a duration
    mi = _minutes(lex, m["miw"])
    return None if mi is None else (hv, mi, bool(m["miw"]))


def _hour_minute(lex: Lexicon, m: Match) -> Reading | None:
    """The hour and minute as written, before fractions ("et quart") and am/pm."""
    if m["h"] is not None:
        if m["at"] is None and m.start() > 0:
            before = m.string[max(0, m.start() - 12) : m.start()].lower()
            if _DURATION_BEFORE.search(before):
                return None
        return int(m["h"]), int(m["mi"]) if m["mi"] else 0, m["mi"] is not None
    if m["h2"] is not None:
        return int(m["h2"]), int(m["mi2"]), True
    if m["hw"] is not None:
        return _hour_in_words(lex, m)
    noon = m["noon"].lower()
    if m["at"] is None and m["noon"][0].isupper() and noon == "midi":
        return None  # "le Midi", "Midi Libre"
    mi = _minutes(lex, m["nmin"])
    return None if mi is None else (12 if noon == "midi" else 0, mi, bool(m["nmin"]))


def _with_fraction(lex: Lexicon, m: Match, h: int, mi: int) -> tuple[int, int]:
    """ "et quart", "trois quarts", "moins le quart", "moins dix", "passé de 5 minutes"."""
    if m["fr"]:
        return h, 15 if m["fr"].lower() == "quart" else 30
    if m["tq"]:
        return h, 45
    if m["pm"]:
        return h, lex.number(m["pm"]) or 0
    minus = 15 if m["lq"] else (lex.number(m["mm"]) or 0)
    return (h - 1) % 24, 60 - minus


@rule("time", _time_pattern)
def time(lex: Lexicon, m: Match) -> Candidate | None:
    reading = _hour_minute(lex, m)
    if reading is None:
        return None
    h, mi, minute_grain = reading
    if m["fr"] or m["tq"] or m["lq"] or m["mm"] or m["pm"]:
        minute_grain = True
        h, mi = _with_fraction(lex, m, h, mi)
    if m["ampm"] and lex.words["clock_day_parts"][key(m["ampm"])] == "pm" and h < 12:
        h += 12
    if h == 24:
        h = 0
    if h > 23 or mi > 59:
        return None
    zone = lex.words["time_zones"][m["tz"]] if m["tz"] else ""
    # a zoned time is there to be converted, and offsets are not all whole hours
    grain = "minute" if minute_grain or zone else "hour"
    cue = lex.words["time_cues"][key(m["at"])] if m["at"] else "at"
    res = _time_resolver(cue, h, mi, grain, zone)
    return Candidate(m.start(), m.end(), "time", True, res, grain)


def _time_resolver(cue: str, hour: int, minute: int, grain: str, zone: str) -> Resolver:
    """How a time resolves on a day after a cue of kind ``cue`` (see ``time_cues``)."""
    opens = cue == "from"
    excluded = cue == "before"  # "avant 16h", "n'importe quand avant 16h"
    closes = excluded or cue == "until"

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        dt = clock_time(ref, dr, on, hour, minute)
        if dt is None:
            return None
        got = point(dt, grain)
        if opens:
            return Resolved(got.start, None, True, zone)
        if closes:
            if cue == "until" and on is not None:
                return Resolved((on, grain), got.end, True, zone)  # "demain jusqu'à 16h"
            assert got.start is not None
            return Resolved(None, unit_before(got.start) if excluded else got.end, True, zone)
        return Resolved(got.start, got.end, False, zone)

    return res


# clock hours that share one unit: "de 9 à 18 heures", "entre 8 et 10 h", "de 9 à 12 h 30";
# without a unit ("de 5 à 7") only as the whole text, see shared_unit_range
@rule(
    "shared_unit_range",
    lambda x: (
        rf"{B}(?P<pre>de|entre)\s+(?P<h1>(?:[01]?\d|2[0-4]|{x.NUMW}))\s+(?P<sep>à|a|et)\s+"
        rf"(?P<h2>(?:[01]?\d|2[0-4]|{x.NUMW}))"
        rf"(?:\s*(?P<u>{x.HOUR_MARK})(?:\s*(?P<mi>[0-5]\d)(?!\d))?"
        rf"(?:\s+(?P<ampm>{alt(x.words['clock_range_day_parts'])}))?)?{E}"
    ),
)
def shared_unit_range(lex: Lexicon, m: Match) -> Candidate | None:
    """ "de 9 à 18 heures": two hours of the clock, the unit written after the second only.

    The same shape is a length of time ("travaillent de 8 à 10 heures par jour", "une
    grève de 2 à 3 heures", "de 3 à 4 heures de route"): the words around it decide, and
    such a range is kept as a mention that is then dropped, so that "à 10 heures" inside
    it is not read alone. Without a unit ("de 5 à 7") it is a count in a sentence ("passé
    de 5 à 7 sièges") and the clock range only as the whole text, as for "17/2".
    """
    pre, sep = m["pre"].lower(), m["sep"].lower()
    if (pre == "entre") != (sep == "et"):
        return None
    h1, h2 = lex.number(m["h1"]), lex.number(m["h2"])
    if h1 is None or h2 is None or h1 > 24 or h2 > 24:
        return None
    text = m.string
    if m["u"] is None:
        if text[: m.start()].strip() or text[m.end() :].strip(" \t\n."):
            return None
    elif lasts(lex, text, m.start(), m.end()):
        return Candidate(m.start(), m.end(), "duration", False, no_value, "hour", True)
    if m["ampm"] and lex.words["clock_range_day_parts"][key(m["ampm"])] == "pm":
        h1, h2 = (h + 12 if h < 12 else h for h in (h1, h2))
    mi = int(m["mi"]) if m["mi"] else 0
    grain = "minute" if m["mi"] else "hour"
    first = clock(m.start(), m.start("sep"), h1 % 24, 0, "hour")
    last = clock(m.start("h2"), m.end(), h2 % 24, mi, grain)
    return interval(first, last, m.start(), m.end())


def _part_of_day_pattern(x: Lexicon) -> str:
    return (
        rf"{B}(?:(?:en|au|à\s+la)\s+)?(?P<ph>{alt(x.words['day_phases'])}){E}"
        rf"|{B}(?:au|à\s+la)\s+(?P<ph2>{alt(x.words['week_phases'])})\s+de\s+(?:la\s+|l{APOS})"
        rf"(?P<p2>matinée|après-midi|journée|soirée){E}"
        rf"|{B}(?:(?:un\s+peu\s+)?plus\s+tard\s+)?"
        rf"(?:(?P<this>{alt(x.words['day_part_cues'])})\s*)?"
        rf"(?P<p>{alt(x.words['parts_of_day'])})"
    )


def _part_of_day_hours(lex: Lexicon, m: Match) -> tuple[list[int], str] | None:
    """The hours [start, end) a part of the day covers, and the kind of mention it makes."""
    w = lex.words
    if m["p"]:
        pod = key(m["p"])
        if pod == "journée":
            return None  # handled by relative days ("dans la journée") or not a date
        # "le soir": bare, see compose; "ce soir", "dans la soirée": a mention
        this = bool(m["this"]) and w["day_part_cues"][key(m["this"])]
        return w["parts_of_day"][pod], "pod" if this else "pod_bare"
    if m["ph"]:
        return w["day_phases"][key(m["ph"])], "pod"
    p2 = key(m["p2"])
    phase = f"{key(m['ph2'])} " + (f"d'{p2}" if p2[0] in "aeé" else f"de {p2}")
    return w["day_phases"][phase], "pod"


@rule("part_of_day", _part_of_day_pattern)
def part_of_day(lex: Lexicon, m: Match) -> Candidate | None:
    got = _part_of_day_hours(lex, m)
    if got is None:
        return None
    (a, b), kind = got

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        base = day_of(ref, on)
        if base is None:
            return None
        return span(base + timedelta(hours=a), base + timedelta(hours=b - 1), "hour")

    return Candidate(m.start(), m.end(), kind, True, res, "hour")


# "entre midi et deux", "de midi à 2 heures": the small hour after noon is in the afternoon
@rule(
    "noon_to",
    lambda x: (
        rf"{B}(?P<pre>entre|de)\s+midi\s+(?:et|à)\s+(?P<h>[1-6]|{x.NUMW})"
        rf"(?:\s*h(?:eures?)?)?{E}"
    ),
)
def noon_to(lex: Lexicon, m: Match) -> Candidate | None:
    h = lex.number(m["h"])
    if h is None or not 1 <= h <= 6:
        return None

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        base = day_of(ref, on)
        if base is None:
            return None
        return span(base.replace(hour=12), base.replace(hour=12 + h), "hour")

    return Candidate(m.start(), m.end(), "interval_time", True, res, "hour")

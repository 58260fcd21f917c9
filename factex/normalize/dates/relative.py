"""Rules for mentions counted from the reference: "hier", "la veille", "maintenant", "la
semaine dernière", "il y a trois jours", "d'ici deux semaines", "les trois derniers mois"."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from factex.normalize.dates.lexicon import APOS, B, E, Lexicon, alt, key
from factex.normalize.dates.rules import Match, rule
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    point,
    span,
    unit_before,
)
from factex.normalize.timex import GRAINS, shift, truncate

#: the grain a moment "dans N <unit>" is given at: one finer than the unit
_FINER = {
    "second": "second",
    "minute": "second",
    "hour": "minute",
    "day": "hour",
    "week": "day",
    "month": "day",
    "quarter": "day",
    "half": "day",
    "year": "month",
}
_MONTH = GRAINS.index("month")
_FINER_CLOCK = {"second": "second", "minute": "second", "hour": "minute", "day": "hour"}


@lru_cache(maxsize=8)
def _event_after(lex: Lexicon) -> re.Pattern[str]:
    """A determiner after "N <unit> après": the offset counts from the event it names."""
    return re.compile(rf"\s+{alt(lex.words['event_after_words'])}(?![\w-])", re.IGNORECASE)


def _day_offset(lex: Lexicon, m: Match, table: str, kind: str) -> Candidate:
    """ "demain" (+1 from the reference), "le lendemain" (+1 from a date it is anchored on, or
    alone from the temporal focus)."""
    n = lex.words[table][key(m["w"])]

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        return point(ref.dt + timedelta(days=n), "day")

    anaphoric = kind == "anchor" or key(m["w"]) in lex.keyed("anaphoric_days")
    return Candidate(m.start(), m.end(), kind, True, res, "day", anaphoric=anaphoric)


@rule("relative_day", lambda x: rf"{B}(?P<w>{alt(x.words['relative_days'])}){E}")
def relative_day(lex: Lexicon, m: Match) -> Candidate | None:
    return _day_offset(lex, m, "relative_days", "day")


# "le lendemain du 13 février", "la veille de Noël": a relative day anchored on a date;
# alone ("la veille du scrutin") it stays the relative day, see compose.unanchor
@rule(
    "anchored",
    lambda x: (
        rf"{B}(?P<w>{alt(x.words['anchored_days'])})\s+"
        rf"(?:du|de\s+la|de\s+l{APOS}|de|d{APOS})(?=\s*\w)"
    ),
)
def anchored(lex: Lexicon, m: Match) -> Candidate | None:
    return _day_offset(lex, m, "anchored_days", "anchor")


@rule("now", lambda x: rf"{B}(?P<w>{alt(x.words['now'])}){E}")
def now(lex: Lexicon, m: Match) -> Candidate | None:
    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        return point(ref.dt, "second" if ref.has_time else "day")

    return Candidate(m.start(), m.end(), "now", True, res, "second")


def _relative_unit_pattern(x: Lexicon) -> str:
    runit = alt(x.words["relative_units"])
    cur = alt(x.words["current_modifiers"])
    ana = alt(x.words["anaphoric_modifiers"])
    return (
        rf"{B}(?:(?P<this>ce|cet|cette)\s+(?P<u>{runit})(?:\s*(?P<cur>{cur}))?"
        rf"|(?P<art>{alt(x.words['focus_unit_cues'])}|la|le|l{APOS}|dans\s+la|au|du)\s*(?P<u2>{runit})(?:\s+(?P<mod>{x.FUT}|{x.PAST}|{cur}|{ana}))?"
        rf"|(?P<mod2>{x.FUT}|{x.PAST})\s+(?P<u3>{runit})){E}"
    )


@rule("relative_unit", _relative_unit_pattern)
def relative_unit(lex: Lexicon, m: Match) -> Candidate | None:
    unit_word = key(m["u"] or m["u2"] or m["u3"])
    grain = lex.words["relative_units"][unit_word]
    mod = key(m["mod"] or m["mod2"] or m["cur"] or "")
    art = key(m["art"] or "")
    anaphoric: dict[str, int] = lex.words["anaphoric_modifiers"]
    if mod in anaphoric:
        k = anaphoric[mod]  # "l'année précédente": the one before the focus
    elif mod in lex.past:
        k = -1
    elif mod in lex.future:
        k = 1
    elif m["this"] or art == "dans la" or mod or art in lex.keyed("focus_unit_cues"):
        k = 0
    else:
        return None  # "la semaine", "l'année": generic, not a date
    if unit_word == "exercice" and k == 0:
        return None

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        return point(shift(truncate(ref.dt, grain), grain, k), grain)

    on_focus = mod in anaphoric or art in lex.keyed("focus_unit_cues")
    return Candidate(m.start(), m.end(), "period", True, res, grain, anaphoric=on_focus)


# "dans 30'", "dans 10\"": minute and second marks after the number
@rule(
    "offset_marks",
    lambda x: rf"{B}(?P<dir>dans)\s+(?P<n>\d{{1,3}})\s?(?P<u>{alt(x.words['unit_marks'])})(?!\w)",
)
# "il y a trois jours", "dans deux semaines", "trois jours plus tard"
@rule(
    "offset",
    lambda x: (
        rf"{B}(?P<dir>{alt(x.words['offset_cues_before_number'])})\s+(?P<n>{x.NUM})\s+"
        rf"(?P<u>{x.UNIT}){E}"
    ),
)
@rule(
    "offset_after",
    lambda x: (
        rf"{B}(?P<n>{x.NUM})\s+(?P<u>{x.UNIT})\s+"
        rf"(?P<dir>{alt(x.words['offset_cues_after_unit'])}){E}"
    ),
)
def offset(lex: Lexicon, m: Match) -> Candidate | None:
    n = lex.count(m["n"])
    if n is None:
        return None
    unit_key = key(m["u"])
    unit = lex.words["units"].get(unit_key) or lex.words["unit_marks"][unit_key]
    d = key(m["dir"])
    before_number = lex.words["offset_cues_before_number"]
    after_unit = lex.words["offset_cues_after_unit"]
    sign = before_number[d] if d in before_number else after_unit.get(d, 1)
    after = d in after_unit
    # "six mois après sa promulgation": counted from an event, not from the reference; kept
    # as a mention without a value, like "dans les 15 jours" under a past verb
    from_event = (
        d in lex.keyed("offset_cues_from_event")
        and _event_after(lex).match(m.string, m.end()) is not None
    )

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        if from_event:
            return None
        if ref.grain:  # counted from the focus: "trois jours plus tard", "un an plus tôt"
            return point(shift(ref.dt, unit, sign * n), _focus_grain(ref.grain, unit))
        grain = unit if after and unit in ("day", "week", "month", "year") else _FINER[unit]
        if not ref.has_time:
            if GRAINS.index(unit) < GRAINS.index("day"):
                return None
            grain = grain if GRAINS.index(grain) >= GRAINS.index("day") else "day"
        return point(shift(ref.dt, unit, sign * n), grain)

    if from_event:
        return Candidate(m.start(), m.end(), "offset", True, res, unit, settled=True)
    return Candidate(m.start(), m.end(), "offset", True, res, _FINER[unit], anaphoric=after)


def _focus_grain(focus: str, unit: str) -> str:
    """The grain of an offset from the focus: a year keeps the focus's ("un an plus tôt" after
    a quarter is that quarter a year before); a finer focus takes the unit's ("deux mois plus
    tard" after a day is a month), a week counted from a day lands on a day.

    >>> _focus_grain("quarter", "year"), _focus_grain("day", "month"), _focus_grain("day", "week")
    ('quarter', 'month', 'day')
    """
    if unit == "year" or GRAINS.index(focus) >= GRAINS.index(unit):
        return focus
    return "day" if unit == "week" else unit


# "d'ici deux semaines", "dans les 15 jours": from now until that offset (not after a
# clause naming another starting point: "dans les 15 jours qui suivent le vote")
@rule(
    "within",
    lambda x: (
        rf"{B}(?P<cue>{alt(x.words['within_cues'])})\s+(?P<n>{x.NUM})\s+(?P<u>{x.UNIT}){E}"
        rf"(?!\s+(?:qui|suivant|après|de|d{APOS}|du|à\s+compter|à\s+partir|{x.FUT}|{x.PAST}){E})"
    ),
)
def within(lex: Lexicon, m: Match) -> Candidate | None:
    n = lex.count(m["n"])
    if n is None or n == 0:
        return None
    unit = lex.words["units"][key(m["u"])]

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        if dr == "past":
            return None  # "a été libéré dans les 15 jours": counted from some other event
        if not ref.has_time:
            if GRAINS.index(unit) < GRAINS.index("day"):
                return None
            start, end_grain = (ref.dt, "day"), "day"
        else:
            # the end is the moment "dans N <unit>" names, at the grain that offset is given at
            start, end_grain = (ref.dt, "second"), _FINER_CLOCK.get(unit, "day")
        stop = truncate(shift(ref.dt, unit, n), end_grain)
        if end_grain == "hour":  # "T03:00" would read as a minute: end on the last minute
            return Resolved(start, (stop - timedelta(minutes=1), "minute"), True)
        return Resolved(start, unit_before((stop, end_grain)), True)  # the end is excluded

    grain = "second" if GRAINS.index(unit) < GRAINS.index("day") else "day"
    return Candidate(m.start(), m.end(), "within", True, res, grain)


# "les trois derniers mois", "3 prochaines semaines", "2 années passées"
@rule(
    "last_next",
    lambda x: (
        rf"{B}(?:(?P<art>les|ces|des)\s+)?(?P<n>{x.NUM})\s+"
        rf"(?:(?P<mod>{x.PAST}|{x.FUT})\s+(?P<u>{x.UNIT})|(?P<u2>{x.UNIT})\s+(?P<mod2>{x.PAST}|{x.FUT})){E}"
    ),
)
def last_next(lex: Lexicon, m: Match) -> Candidate | None:
    n = lex.count(m["n"])
    if n is None or n == 0:
        return None
    unit = lex.words["units"][key(m["u"] or m["u2"])]
    past = key(m["mod"] or m["mod2"]) in lex.past

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        assert ref is not None
        if GRAINS.index(unit) < GRAINS.index("day") and not ref.has_time:
            return None
        base = truncate(ref.dt, unit)
        if past and ref.grain and GRAINS.index(ref.grain) > max(GRAINS.index(unit), _MONTH):
            # "les trois derniers mois" after "en 2023": the last ones of that period
            end = shift(truncate(ref.dt, ref.grain), ref.grain, 1)
            return span(shift(end, unit, -n), shift(end, unit, -1), unit)
        if past:
            return span(shift(base, unit, -n), shift(base, unit, -1), unit)
        return span(shift(base, unit, 1), shift(base, unit, n), unit)

    return Candidate(m.start(), m.end(), "interval", True, res, unit, anaphoric=past)

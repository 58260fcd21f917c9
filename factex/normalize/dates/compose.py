"""From the matches of all rules to the mentions of a text: keep the longest of overlapping
matches, then merge neighbours ("demain" + "à 11h", "du 10 juin" + "au 1er juillet", "le
lendemain du" + "13 février") until nothing changes, then open mentions after a cue."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime, timedelta

from factex.normalize.dates.clock import lasts
from factex.normalize.dates.intervals import interval, open_interval
from factex.normalize.dates.lexicon import Lexicon
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    no_value,
    point,
)
from factex.normalize.timex import truncate

DAYISH = {"day", "now"}
TIMEISH = {"time", "pod", "pod_bare"}
POINTISH = {"day", "month", "year", "year_cued", "time", "period", "now"}

_JOIN_DAY_TIME = re.compile(
    r"\s*,?\s*(?:(?:mais|par\s+exemple|plutôt)\s+)*(?:à|a|vers|dès|au|en|le|dans\s+la|dans\s+l['’])?\s*$",
    re.IGNORECASE,
)
_JOIN_TIME_DAY = re.compile(r"\s*,?\s*(?:le\s+|du\s+)?$", re.IGNORECASE)
_INTERVAL_SEP = re.compile(
    r"^\s*(?P<sep>au|à|a|et(?:\s+le)?|-|–|jusqu['’](?:à|au|en)|jusqu['’]à|et\s+jusqu['’]à)\s*$",
    re.IGNORECASE,
)
_LEADING_SEP = re.compile(r"(?P<sep>à|a|jusqu['’]à)\s+(?=\d|midi|minuit)", re.IGNORECASE)
_INTERVAL_PRE = re.compile(r"(?<![\w])(?P<pre>du|de|d['’]|entre|depuis)\s*$", re.IGNORECASE)
_ANCHOR_TAIL = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|de|d['’])$", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_SPACE_COMMA = re.compile(r"\s*,?\s*")


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest first; among equals the earliest; drop anything overlapping a kept one."""
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    if any(c.end <= c.start for c in found):
        return _select_pairwise(found)
    # the kept mentions, by start, do not overlap and are not empty: their ends are in the
    # same order, and only the last one starting before a mention's end can overlap it
    kept: list[Candidate] = []
    starts: list[int] = []
    for c in found:
        i = bisect_left(starts, c.end)
        if i == 0 or kept[i - 1].end <= c.start:
            kept.insert(i, c)
            starts.insert(i, c.start)
    return kept


def _select_pairwise(found: list[Candidate]) -> list[Candidate]:
    """:func:`select` for sorted mentions among which some are empty."""
    kept: list[Candidate] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def _merge_pass(atoms: list[Candidate], text: str, lex: Lexicon) -> tuple[list[Candidate], bool]:
    """One pass over neighbouring pairs; whether any pair merged."""
    changed = False
    out: list[Candidate] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        merged = _merge(a, b, text) if b is not None else None
        if (
            merged is not None
            and merged.kind == "interval_time"
            and a.kind == "time"
            and lasts(lex, text, merged.start, merged.end, before=False)
        ):
            # "de 8 heures à 10 heures par jour": as with the unit written once, a length
            # of time, kept as a mention to drop so that neither hour is read alone
            merged = Candidate(merged.start, merged.end, "duration", False, no_value, "hour", True)
        if merged is not None:
            out.append(merged)
            i += 2
            changed = True
        else:
            out.append(a)
            i += 1
    return out, changed


def combine(atoms: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """The mentions of ``text`` from its non-overlapping atoms, in order."""
    changed = True
    while changed:
        atoms, changed = _merge_pass(atoms, text, lex)
    # a length of time was kept only to hide the clock time inside it ("de 2 à 3 heures")
    atoms = [open_interval(_unanchor(c, text), text, lex) for c in atoms if c.kind != "duration"]
    if len(atoms) == 1 and atoms[0].kind == "pod_bare" and _whole(atoms[0], text):
        # "le soir" as the whole text (an agenda cell): that part of the reference day; inside
        # a sentence it may be the evening of any day the story is about, so it is left out
        c = atoms[0]
        return [Candidate(c.start, c.end, "pod", c.relative, c.resolve, c.grain)]
    return [c for c in atoms if c.kind not in ("pod_bare",)]


def _whole(c: Candidate, text: str) -> bool:
    return not text[: c.start].strip() and not text[c.end :].strip(" \t\n.")


def _unanchor(c: Candidate, text: str) -> Candidate:
    """ "la veille du scrutin": no date follows, so the mention is "la veille" alone."""
    if c.kind != "anchor":
        return c
    tail = _ANCHOR_TAIL.search(text, c.start, c.end)
    end = tail.start() if tail is not None else c.end
    return Candidate(c.start, end, "day", True, c.resolve, "day", anaphoric=True)


def _anchor_on(anchor: Candidate, day: Candidate) -> Candidate:
    """ "le lendemain du 13 février": the offset counted from that day, not the reference."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = day.resolve(ref, dr)
        if got is None or got.start is None or got.interval or got.start[1] != "day":
            return None
        return anchor.resolve(Reference(got.start[0]), dr)

    return Candidate(anchor.start, day.end, "day", day.relative, res, "day")


def _merge(a: Candidate, b: Candidate, text: str) -> Candidate | None:
    """The one mention ``a`` and ``b`` make together with the words between them, if any."""
    gap = text[a.end : b.start]
    if len(gap) > 25 or "\n" in gap:
        return None
    if a.kind == "anchor" and b.kind == "day" and not gap.strip():
        return _anchor_on(a, b)
    # day + time of day: "demain à 11h", "lundi matin", "le 2 mars vers 5h"
    if a.kind in DAYISH and b.kind in TIMEISH and _JOIN_DAY_TIME.fullmatch(gap):
        return _at_day(a, b, a.start, b.end)
    if a.kind in TIMEISH and b.kind in DAYISH and _JOIN_TIME_DAY.fullmatch(gap):
        return _at_day(b, a, a.start, b.end)
    if a.kind == "time" and b.kind == "pod" and _SPACE.fullmatch(gap):
        return _time_in_pod(a, b)
    if a.kind == "day_time" and b.kind in ("pod", "pod_bare") and _SPACE.fullmatch(gap):
        return _pod_after(a, b)
    # "ce soir à 20 heures", "cet après-midi à 15 heures": a part of today, as "lundi soir"
    pod_time = a.kind in ("day_pod", "pod") and b.kind in ("time", "interval_time")
    if pod_time and _JOIN_DAY_TIME.fullmatch(gap):
        return _time_on_pod(a, b, a.start, b.end)
    merged = _as_interval(a, b, gap, text)
    if merged is not None:
        return merged
    # "jeudi de 9h à 11h" after the time interval was built
    if a.kind in DAYISH and b.kind == "interval_time" and _JOIN_DAY_TIME.fullmatch(gap):
        return _at_day(a, b, a.start, b.end)
    if a.kind == "interval_time" and b.kind in DAYISH and _SPACE_COMMA.fullmatch(gap):
        return _at_day(b, a, a.start, b.end)
    return None


def _as_interval(a: Candidate, b: Candidate, gap: str, text: str) -> Candidate | None:
    """ "du 10 juin au 1er juillet", "de 9h30 à 11h", "entre 9h30 et 11h"."""
    sep = _INTERVAL_SEP.fullmatch(gap)
    lead = _LEADING_SEP.match(text, b.start, b.end)
    if sep is None and lead is not None and not gap.strip():
        sep = _INTERVAL_SEP.fullmatch(lead["sep"])  # "de 9h30 à 11h": "à" was read with "11h"
    if not (sep and a.kind in POINTISH | {"interval_time"} and b.kind in POINTISH):
        return None
    if not _compatible(a, b):
        return None
    pre = _INTERVAL_PRE.search(text, 0, a.start)
    word = sep["sep"].lower()
    if pre is not None and not (pre.end() >= a.start - 1 and not text[pre.end() : a.start].strip()):
        pre = None
    if word.startswith("et") and not (pre is not None and pre["pre"].lower() == "entre"):
        return None
    if word in ("à", "a") and pre is None:
        return None
    if word in ("-", "–") and a.kind not in ("time", "day"):
        return None
    return interval(a, b, a.start if pre is None else pre.start(), b.end)


def _compatible(a: Candidate, b: Candidate) -> bool:
    groups = [{"day", "now"}, {"month"}, {"year", "year_cued"}, {"time"}, {"period"}]
    return any(a.kind in g and b.kind in g for g in groups) or (
        a.kind == "day" and b.kind == "month"
    )


def _at_day(day: Candidate, tod: Candidate, s: int, e: int) -> Candidate:
    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = day.resolve(ref, dr)
        if got is None or got.start is None or got.interval or got.start[1] != "day":
            return None
        base = got.start[0]
        return tod.resolve(ref, dr, on=base)  # type: ignore[call-arg]

    kind = "day_time" if tod.kind != "interval_time" else "day_interval"
    if tod.kind in ("pod", "pod_bare"):
        kind = "day_pod"
    return Candidate(s, e, kind, day.relative, res, tod.grain)


def _pm(dt: datetime, window: Resolved | None) -> datetime:
    """An hour below 12 inside an afternoon or evening ("trois heures ... l'après-midi") is pm."""
    afternoon = window is not None and window.start is not None and window.start[0].hour >= 12
    if afternoon and dt.hour == 0:
        return dt + timedelta(days=1)  # "ce soir à 00 h 10": just after midnight, not noon
    return dt + timedelta(hours=12) if afternoon and dt.hour < 12 else dt


def _pod_after(moment: Candidate, pod: Candidate) -> Candidate:
    """ "à trois heures et quart demain après-midi": the part of day settles am or pm."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = moment.resolve(ref, dr)
        if got is None or got.interval or got.start is None:
            return None
        dt, grain = got.start
        window = pod.resolve(ref, dr, on=truncate(dt, "day"))  # type: ignore[call-arg]
        return Resolved((_pm(dt, window), grain), (_pm(dt, window), grain), False, got.zone)

    return Candidate(moment.start, pod.end, "day_time", moment.relative, res, moment.grain)


def _time_on_pod(day_pod: Candidate, tod: Candidate, s: int, e: int) -> Candidate:
    """ "jeudi matin à partir de 9 heures 30": the time on that day, am or pm as the part says."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        window = day_pod.resolve(ref, dr)
        if window is None or window.start is None:
            return None
        got = tod.resolve(ref, dr, on=truncate(window.start[0], "day"))  # type: ignore[call-arg]
        if got is None:
            return None
        start = None if got.start is None else (_pm(got.start[0], window), got.start[1])
        end = None if got.end is None else (_pm(got.end[0], window), got.end[1])
        return Resolved(start, end, got.interval, got.zone)

    kind = "day_interval" if tod.kind == "interval_time" else "day_time"
    return Candidate(s, e, kind, day_pod.relative, res, tod.grain)


def _time_in_pod(t: Candidate, pod: Candidate) -> Candidate:
    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        got = t.resolve(ref, dr, on=on)  # type: ignore[call-arg]
        window = pod.resolve(ref, dr)
        if got is None or got.start is None or window is None or window.start is None:
            return None
        dt, grain = got.start
        if dt.hour < 12 and window.start[0].hour >= 12:
            dt += timedelta(hours=12)
        if on is None:
            dt = window.start[0].replace(hour=dt.hour, minute=dt.minute)
        return point(dt, grain)

    return Candidate(t.start, pod.end, "time", True, res, t.grain)

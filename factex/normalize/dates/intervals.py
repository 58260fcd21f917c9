"""Mentions made of others: an interval between two mentions ("du 10 juin au 1er juillet",
"de 9h30 à 11h") and an open interval after a cue ("à partir du 8", "avant 16h")."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from factex.normalize.dates.calendar import clock_time, yearly_span
from factex.normalize.dates.lexicon import Lexicon, alt
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Reference,
    Resolved,
    point,
    unit_before,
)
from factex.normalize.timex import GRAINS, truncate


def clock(s: int, e: int, hour: int, minute: int, grain: str) -> Candidate:
    """A plain time of day, for a rule that reads two of them in one match."""

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        dt = clock_time(ref, dr, on, hour, minute)
        return None if dt is None else point(dt, grain)

    return Candidate(s, e, "time", True, res, grain)


def _ends(
    a: Candidate, b: Candidate, ref: Reference | None, dr: Direction, on: datetime | None
) -> tuple[Resolved | None, Resolved | None]:
    """Each end of "a ... b" resolved, the one placed from the other when it gives no year."""
    if a.kind == "time":
        ra = a.resolve(ref, dr, on=on)  # type: ignore[call-arg]
        if ra is None or ra.start is None:
            return None, None
        return ra, b.resolve(ref, dr, on=truncate(ra.start[0], "day"))  # type: ignore[call-arg]
    if b.yearly is not None and not a.relative:
        ra = a.resolve(ref, dr)  # "de septembre 2023 à février": the first février after
        if ra is None or ra.start is None:
            return None, None
        return ra, b.resolve(Reference(ra.start[0]), "future")
    rb = b.resolve(ref, dr)
    if a.relative and not b.relative and rb is not None and rb.end is not None:
        return a.resolve(Reference(rb.end[0]), "past"), rb  # "de mars à juin 2017"
    return a.resolve(ref, dr), rb


def interval(a: Candidate, b: Candidate, s: int, e: int) -> Candidate:
    """ "a au b", "de a à b", "entre a et b": from the start of a to the end of b."""

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        if a.kind != "time" and a.yearly is not None and b.yearly is not None:
            assert ref is not None
            return yearly_span(a.yearly, b.yearly, ref, dr)
        ra, rb = _ends(a, b, ref, dr, on)
        if ra is None or rb is None or ra.start is None or rb.end is None:
            return None
        start, end = ra.start, rb.end
        if start[1] != end[1] and {start[1], end[1]} <= {"hour", "minute", "second"}:
            fine = min(start[1], end[1], key=GRAINS.index)
            start, end = (start[0], fine), (end[0], fine)
        if a.kind == "time" and end[0] <= start[0]:
            if end[0].hour < 12 and end[0] + timedelta(hours=12) > start[0]:
                end = (end[0] + timedelta(hours=12), end[1])  # "de 11h30 à 1h30"
            else:
                end = (end[0] + timedelta(days=1), end[1])  # "de 22 heures à 6 heures"
        if end[0] < start[0]:
            return None
        return Resolved(start, end, True, ra.zone or rb.zone)

    kind = "interval_time" if a.kind == "time" else "interval"
    grain = min(a.grain, b.grain, key=GRAINS.index) if a.kind == "time" else b.grain
    # an end placed after a written start needs no reference ("de septembre 2023 à février")
    relative = b.relative and (a.relative or b.yearly is None)
    return Candidate(s, e, kind, relative, res, grain)


@lru_cache(maxsize=8)
def _open_cue(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?P<cue>{alt(lex.words['open_cues'])})\s*$", re.IGNORECASE)


def _open_kind(lex: Lexicon, cue: str) -> str:
    """How a cue opens: "from", "from_ahead", "since", "until" or "before" (open_cue_kinds)."""
    cue = cue.lower().replace("’", "'")
    kinds: dict[str, str] = lex.words["open_cue_kinds"]
    return next((kind for prefix, kind in kinds.items() if cue.startswith(prefix)), "from")


_CARRY_THEIR_CUE = ("time", "day_time", "day_pod", "pod", "day_interval")


def open_interval(c: Candidate, text: str, lex: Lexicon) -> Candidate:
    """ "à partir du 8", "depuis 2015", "avant le 3 mai": the mention opened by its cue."""
    if c.kind in ("pod_bare", "offset", "now", "decade", "fixed"):
        return c
    if c.kind in _CARRY_THEIR_CUE or c.kind.startswith("interval"):
        return c  # times carry their own cue ("à partir de 16h"); "dès le matin" is the morning
    m = _open_cue(lex).search(text, max(0, c.start - 30), c.start)
    if m is None or text[m.end() : c.start].strip():
        return c
    kind, s = _open_kind(lex, m["cue"]), m.start()
    to_end = kind in ("until", "before")
    inner_res = c.resolve

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        if dr == "nearest" and kind == "from_ahead":
            dr = "future"  # "à partir du 8" announces what is coming
        if kind == "since":
            dr = "past"  # "depuis le début de l'année" started before now, whatever the verb
        if kind == "until" and dr == "past":
            dr = "nearest"  # "a donné jusqu'au 30 juin": a deadline reported, not one passed
        got = inner_res(ref, dr, on=on) if on is not None else inner_res(ref, dr)  # type: ignore[call-arg]
        if got is None:
            return None
        if to_end:
            if kind == "before" and got.start is not None:
                # "avant" excludes what it names, and ends are inclusive
                return Resolved(None, unit_before(got.start), True)
            return Resolved(None, got.end, True)
        return Resolved(got.start, None, True)

    made = "interval_time" if c.kind == "time" else "open"
    return Candidate(s, c.end, made, c.relative, res, c.grain)

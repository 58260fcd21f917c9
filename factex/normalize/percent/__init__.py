"""Percentages and percentage points in French text, with the direction of a change.

:func:`find_percentages` scans a text with one compiled regex built from ``percent.json`` and
``number_words.json``. ``value`` is the magnitude written, exact and never negative ("-0,4 %"
is 0.4 down); ``unit`` is "percent" or "points" (basis points are converted); ``direction``
("up", "down", None) comes from a sign, a trigger word shortly before ("en hausse de") or "de"
+ a trigger noun after ("58 % de hausse"). A range ("entre 3 et 5 %") gives two matches; "de
9 % à 7 %" after a change verb, a date or a fall gives two levels (``step``). Each match keeps
the offsets of its trigger (``cue``) for the ``factex_percent`` component to check in the parse.

>>> [m.as_dict() for m in find_percentages("Les ventes sont en hausse de 58 % sur un an.")]
[{'value': '58', 'unit': 'percent', 'direction': 'up'}]
>>> [(str(m.value), m.direction, m.step) for m in find_percentages("Il a baissé de 9 % à 7 %.")]
[('9', None, 'from'), ('7', None, 'to')]
>>> find_percentages("Le PSG compte 3 points d'avance, 2017-2018.")
[]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from factex.normalize.hidden import hidden_spans, inside
from factex.normalize.money import Bounds
from factex.normalize.numbers import parse_number, plain
from factex.normalize.percent.grammar import YEAR, Cue, Grammar, grammar

#: bare points from this value on are a score or an index, never percentage points
_MAX_BARE_POINTS = 100
#: from this value on, points with no rate measured in their sentence are an index's: a share
#: or a rate seldom moves ten points, an index often does
_INDEX_POINTS = 10
_SPACES = re.compile(r"\s+")  # compiled once: read per figure
_SIGNS = {"+": "up", "-": "down", "−": "down", "±": None, "+/-": None, "+/−": None}


@dataclass(frozen=True, slots=True)
class PercentMatch:
    """One percentage found in a text: character offsets, magnitude, unit and direction."""

    start: int
    end: int
    value: Decimal
    unit: str = "percent"
    direction: str | None = None
    #: offsets of the trigger word that gave the direction, for the parse to check its use
    cue: tuple[int, int] | None = None
    #: the bare first figure of a range ("3" in "entre 3 et 5 %"): it follows the next match
    range_first: bool = False
    #: the second figure of a range ("5 %" in "entre 3 % et 5 %" or "entre 3 et 5 %")
    range_second: bool = False
    #: bare points with no strong direction word ("3 points"), kept only on request
    bare: bool = False
    #: "from" or "to" for the old and the new level of a change ("est passé de 9 % à 7 %"):
    #: levels, not changes, so no direction (the change is in the order of the two values)
    step: str | None = None
    #: the second figure of "a augmenté de 7 % à 9 %": levels if what rose is a rate ("le taux
    #: de chômage"), a range of the rise otherwise ("les prix"); the parse decides
    step_if_rate: bool = False
    #: where the range of a second figure starts, its opener included ("entre 3 et 5 %")
    range_start: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON-safe dict stored on ``Span._.factex_percent``."""
        return {"value": plain(self.value), "unit": self.unit, "direction": self.direction}


def _sentence_floor(starts: Sequence[int], pos: int) -> int:
    """The start of the sentence at ``pos`` (0 before the first), ``starts`` in order."""
    i = bisect_right(starts, pos)
    return starts[i - 1] if i else 0


def prepare(lang: str = "fr") -> None:
    """Compile the patterns of ``lang`` now (a missing resource file fails here, not later)."""
    grammar(lang)


def find_percentages(
    text: str,
    sentences: Bounds | Callable[[], Bounds | None] | None = None,
    lang: str = "fr",
    bare_points: bool = False,
) -> list[PercentMatch]:
    """Every percentage or change in points in ``text``, in order.

    ``sentences`` ((start, end) offsets) keep direction words from crossing a sentence; given
    as a function, it is called only when the text holds a figure (most texts hold none, and
    walking a parsed Doc's sentences costs more than the search).
    ``bare_points`` also returns bare "3 points" that no strong direction word explains, with
    ``bare`` set, for a caller that can find their direction elsewhere (in the parse).

    >>> [(m.value, m.unit, m.direction) for m in find_percentages("Le taux gagne 0,5 point.")]
    [(Decimal('0.5'), 'points', 'up')]
    >>> [m.as_dict()["value"] for m in find_percentages("entre 3 et 5 % des salariés")]
    ['3', '5']
    """
    g = grammar(lang)
    found: list[PercentMatch] = []
    # end and cue of the last figure whose direction came from a trigger word
    worded: tuple[int, Cue] | None = None
    hidden = hidden_spans(text)  # URLs, e-mail addresses, file names
    starts: list[int] | None = None  # of the sentences, read at the first figure
    for m in g.atoms.finditer(text):
        number = parse_number(m.group("num"), lang)
        if number is None or (hidden and inside(hidden, m.start(), m.end())):
            continue
        if m.group("frac"):
            number *= g.fractions[m.group("frac").lower()]
        sign, lead, first = _sign_and_range(g, text, m)
        if starts is None:
            starts = _sentence_starts(sentences)
        floor = _sentence_floor(starts, lead)
        cue = g.direction(text, lead, m.end(), floor)
        if cue[0] is None and worded is not None and worded[0] >= floor:
            cue = g.coordinated(text[worded[0] : lead], worded[1])
        worded = (m.end(), cue) if cue[0] else None
        direction, strong, where = (_SIGNS[sign], True, None) if sign else cue
        step, step_if_rate = False, False
        if m.group("pct"):
            step, step_if_rate = _step(g, text, first, number, cue, floor)
        if step:
            direction, strong, where = None, False, None
            worded = None
            _first_level_starts_step(found, first)
        rated = bool(m.group("pts")) and g.rate_words.search(text, floor, m.start()) is not None
        points = _points_value(m, number, bool(sign) or strong, bare_points, rated)
        if points is None:
            continue
        unit, value, bare = points
        start = m.start() if sign else m.start("num")
        figure = PercentMatch(start, m.end(), value, unit, direction, where, bare=bare)
        found.extend(_range_and_figure(figure, m, first, step, step_if_rate, lang))
    return found


def _first_level_starts_step(found: list[PercentMatch], first: re.Match[str] | None) -> None:
    """The first level of "de 9 % à 7 %", found on its own as a change, starts the step."""
    if first is None or not first.group("fpct") or not found:
        return
    if found[-1].start == first.start("first"):
        found[-1] = replace(found[-1], direction=None, cue=None, step="from")


def _sentence_starts(sentences: Bounds | Callable[[], Bounds | None] | None) -> list[int]:
    """The sentences' starts (a function giving the sentences is called here, once)."""
    bounds = sentences() if callable(sentences) else sentences
    return [start for start, _ in bounds or ()]


def _sign_and_range(
    g: Grammar, text: str, m: re.Match[str]
) -> tuple[str, int, re.Match[str] | None]:
    """The sign of the figure of ``m`` ("" for none), where its mention starts, and the first
    figure of its range ("entre 3 et 5 %"); "10 - 20 %" has a range dash, not a minus.

    >>> [m.as_dict()["value"] for m in find_percentages("entre cinq et dix pour cent")]
    ['5', '10']
    """
    sign = _SPACES.sub("", m.group("sign") or "")
    lead = m.start()
    if sign == "-" and g.number_before.search(text, max(0, lead - 30), lead):
        sign, lead = "", m.start("num")
    first = None if sign else _range_first(g, text, m, lead)
    if first is not None:
        lead = first.start("first")
    return sign, lead, first


def _range_first(g: Grammar, text: str, m: re.Match[str], lead: int) -> re.Match[str] | None:
    """The first figure of a range or of two levels ("entre 3 et 5 %", "de 9 % à 7 %") ending
    right before the figure of ``m``, or None."""
    low, high = max(0, lead - 80), m.start("num")
    first = g.range_before.search(text, low, high) if g.joined_before(text, low, high) else None
    if first is None or (first.group("join") in g.range_and) != bool(first.group("entre")):
        return None
    if first.group("when") and not g.dated(first.group("when")):
        return None
    if not first.group("fpct") and YEAR.fullmatch(first.group("first")):
        return None  # "de 12 % en 2022 à 15 %": the year is no bound of a range
    if not g.worded_bound_ok(first, m.group("num")):
        return None
    return first


def _points_value(
    m: re.Match[str], number: Decimal, strong: bool, bare_points: bool, rated: bool
) -> tuple[str, Decimal, bool] | None:
    """(unit, value, bare) of a figure; None for points that are a score or an index, or bare
    points (no "de pourcentage", decimals, sign or strong trigger) unless ``bare_points``.
    Ten points or more with no rate measured before them (``rated``) are an index's ("le
    Footsie a cédé 43,2 points"): bare at most."""
    if not m.group("pts"):
        return "percent", number, False
    if m.group("bp"):
        return "points", number / 100, False
    if m.group("pp"):
        return "points", number, False
    if number >= _MAX_BARE_POINTS:
        return None  # "337,4 pts" at a ski jump, "7 412 points" for an index
    if (number != number.to_integral_value() or strong) and (rated or number < _INDEX_POINTS):
        return "points", number, False
    return ("points", number, True) if bare_points else None


def _range_and_figure(
    figure: PercentMatch,
    m: re.Match[str],
    first: re.Match[str] | None,
    step: bool,
    step_if_rate: bool,
    lang: str,
) -> list[PercentMatch]:
    """The figure of ``m``, after the bare first figure of its range ("3" in "entre 3 et 5 %")
    with the same unit and direction."""
    out: list[PercentMatch] = []
    if first is not None and not first.group("fpct"):
        first_value = parse_number(first.group("first"), lang)
        if first_value is not None:
            if m.group("bp"):
                first_value /= 100
            out.append(
                replace(
                    figure, start=first.start("first"), end=first.end("first"), value=first_value,
                    range_first=not step, step="from" if step else None,
                )
            )  # fmt: skip
    # built whole, not by replace(): one figure each, and replace() costs ten times more
    out.append(
        PercentMatch(
            figure.start, figure.end, figure.value, figure.unit, figure.direction, figure.cue,
            range_first=figure.range_first, range_second=first is not None and not step,
            bare=figure.bare, step="to" if step else None, step_if_rate=step_if_rate,
            range_start=_range_start(first) if first is not None and not step else None,
        )
    )  # fmt: skip
    return out


def _range_start(first: re.Match[str]) -> int:
    """Where a range starts: at its opener ("entre 3 et 5 %", "de 3 à 5 %"), but at its first
    figure when a dash joins them ("reculer de 5-7 %": the "de" is the verb's)."""
    if first.group("join") in ("-", "–", "—"):
        return first.start("first")
    return first.start()


def _step(
    g: Grammar,
    text: str,
    first: re.Match[str] | None,
    second: Decimal,
    cue: Cue,
    floor: int,
) -> tuple[bool, bool]:
    """(levels, levels if a rate moved) for "de X à Y %": whether the two figures are the old
    and the new level of a change rather than a range.

    After "passer"/"évoluer", or with a date after the first ("de 12 % en 2022 à 15 %"), they
    are levels; after a fall, when the first is the larger ("a baissé de 9 % à 7 %"), too (a
    range is written low to high: "a baissé de 10 % à 15 % selon les régions" is a range).
    After a rise, from low to high, it depends on what rose: a rate, or something else
    ("les prix ont augmenté de 3 à 5 %"), which the parse tells.
    """
    if first is None or not first.group("de") or first.group("join") not in g.range_to:
        return False, False
    if first.group("when") or g.steps(text, first.start(), floor):
        return True, False
    low = parse_number(first.group("first"), g.lang)
    if low is None or cue[2] is None:
        return False, False
    if cue[0] == "down" and low > second:
        return True, False
    return False, cue[0] == "up" and low < second


def word_direction(word: str, lang: str = "fr", strong: bool = False) -> str | None:
    """ "up"/"down" when ``word`` is itself a direction trigger (a strong one if ``strong``),
    else None.

    >>> [word_direction(w) for w in ("hausse", "Recul", "baisses", "salaires", "laissé")]
    ['up', 'down', 'down', None, 'down']
    >>> word_direction("laissé", strong=True) is None
    True
    """
    m = grammar(lang).triggers.fullmatch(word)
    kind = "" if m is None else m.lastgroup or ""
    if not kind or (strong and kind.startswith("weak")):
        return None
    return "up" if kind.endswith("up") else "down"


def has_trigger(text: str, start: int, end: int, lang: str = "fr") -> bool:
    """Whether a direction trigger stands in ``text[start:end]``.

    >>> has_trigger("la hausse des prix a ralenti à 4 %", 9, 30)
    True
    """
    return grammar(lang).triggers.search(text, start, end) is not None

"""Percentages and percentage points in French text, with the direction of a change.

:func:`find_percentages` scans a text with one compiled regex built from ``percent.json`` and
``number_words.json``. What the values mean:

* ``value`` is the magnitude written, exact and never negative: "58 %" → 58, "12,5 %" → 12.5,
  "cinquante pour cent" → 50, and in older or administrative French "58 p. 100" → 58. A
  sign does not make the value negative; it gives the direction: "+3,2 %" → 3.2 up,
  "-0,4 %" or "−0,4 %" (U+2212) → 0.4 down.
* ``unit`` is "percent", or "points" for a change in percentage points ("0,5 point",
  "2 points de pourcentage"). Basis points are converted: "25 points de base" → 0.25 points.
  A bare "3 points" (no decimals, no sign, no "de pourcentage") counts only after a
  direction word ("en baisse de 3 points"): sports scores are not percentages.
* ``direction`` is "up", "down" or None: from the sign, else from a trigger word shortly
  before the number ("en hausse de 58 %", "a reculé de près de 2 %", "bondit de 10 %"), else
  from "de" + a trigger noun just after ("58 % de hausse"). A trigger followed by "à" gives a
  level, not a change ("a baissé à 7 %": no direction). Trigger words are data
  (``percent.json``). Each match keeps the offsets of its trigger (``cue``) so that the
  ``factex_percent`` component can check them against the parse, which words alone cannot
  settle ("le taux de TVA réduit de 5,5 %" names a rate; "la hausse des salaires devrait être
  comprise entre 3 % et 4 %" is up).
* In a range ("entre 3 et 5 %", "de 3 à 5 %", "3-5 %") the first figure is a percentage too,
  with the unit and direction of the second. So it is in words ("entre cinq et dix pour
  cent", "de deux à trois pour cent"; without "entre"/"de" only before another number in
  words, "cinq à six pour cent", and never "un"/"une": "il en reste une à 5 %").
* "de 9 % à 7 %" is no range when it gives the old and the new level of a change: after a
  verb such as "passer" ("est passé de 9 % à 7 %"), with a date after the first level ("de
  12 % en 2022 à 15 % en 2023"), or after a fall from the larger to the smaller ("a baissé de
  9 % à 7 %"). Both are then levels, without direction (``step`` says "from" and "to"); the
  change is in their order. After a rise from the smaller to the larger it depends on what
  rose ("le taux de chômage a augmenté de 7 % à 9 %": levels; "les loyers augmenteront de 2 à
  3 %": a range of the rise), which the ``factex_percent`` component reads in the parse.

>>> [m.as_dict() for m in find_percentages("Les ventes sont en hausse de 58 % sur un an.")]
[{'value': '58', 'unit': 'percent', 'direction': 'up'}]
>>> [m.as_dict()["direction"] for m in find_percentages("Le PIB recule de 0,4 %, l'emploi +1,2 %.")]
['down', 'up']
>>> [m.as_dict()["value"] for m in find_percentages("entre cinq et dix pour cent")]
['5', '10']
>>> [(str(m.value), m.direction, m.step) for m in find_percentages("Il a baissé de 9 % à 7 %.")]
[('9', None, 'from'), ('7', None, 'to')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from factex.normalize.money import Bounds
from factex.normalize.numbers import DIGITS, parse_number, plain, words_pattern
from factex.resources import load

H = r"[^\S\r\n]"
#: (direction, strong, offsets of the trigger word)
Cue = tuple[str | None, bool, tuple[int, int] | None]
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")
_ASIDE = re.compile(r"\([^()\d.;:!?]{1,40}\)")
#: bare points from this value on are a score or an index, never percentage points
_MAX_BARE_POINTS = 100
_SIGNS = {"+": "up", "-": "down", "−": "down", "±": None}


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

    def as_dict(self) -> dict[str, Any]:
        """The JSON-safe dict stored on ``Span._.factex_percent``."""
        return {"value": plain(self.value), "unit": self.unit, "direction": self.direction}


def _phrase(text: str) -> str:
    parts = [re.escape(p) for p in text.split()]
    return re.sub("['’]", "['’]", (H + "+").join(parts))


def _trigger(word: str) -> str:
    if word.endswith("*"):
        return _phrase(word[:-1]) + r"\w*"
    return _phrase(word)


def _alternation(words: Sequence[str], make: Any = _phrase) -> str:
    return "|".join(make(w) for w in sorted(set(words), key=len, reverse=True))


class _Grammar:
    def __init__(self, lang: str) -> None:
        data = load(lang, "percent")
        self.lang = lang
        number = rf"{DIGITS}|(?i:{words_pattern(lang)})"
        marks = _alternation(data["percent_marks"])
        points = _alternation(data["points"])
        self.atoms = re.compile(
            rf"(?P<sign>(?<![\w)\].,%+\-−±])[+\-−±]{H}?)?(?P<num>{number}){H}*"
            # "58 pour 100", but not "50 pour 100 000 habitants"
            rf"(?:(?P<pct>(?i:{marks}))(?![\w])(?!(?<=\d){H}\d)"
            # "deux dixièmes de point", "un demi-point"
            rf"|(?:(?P<frac>(?i:{_alternation(list(data['point_fractions']))}))"
            rf"(?:{H}*-{H}*|{H}+(?i:de){H}+|{H}+))?"
            rf"(?P<pts>(?i:{points}))(?![\w])"
            rf"(?:{H}+(?P<pp>(?i:{_alternation(data['points_of_percent'])}))(?![\w])"
            rf"|{H}+(?P<bp>(?i:{_alternation(data['basis_points'])}))(?![\w]))?)"
        )
        groups = []
        for name in ("up", "down", "weak_up", "weak_down"):
            groups.append(f"(?P<{name}>{_alternation(data[name], _trigger)})")
        triggers = "|".join(groups)
        self.triggers = re.compile(rf"(?<![\w])(?i:{triggers})(?![\w])")
        self.after = re.compile(
            rf"{H}+(?:(?i:de{H}+|d['’]{H}*)(?:{triggers})"
            # "33 % de visiteurs en moins": one noun may stand before "en moins"
            rf"|(?:(?i:de{H}+|d['’]{H}*)[\w-]+{H}+)?(?:(?P<after_up>(?i:{_alternation(data['after_up'])}))"
            rf"|(?P<after_down>(?i:{_alternation(data['after_down'])}))))(?![\w])"
        )
        self.fractions = {k.lower(): Decimal(v) for k, v in data["point_fractions"].items()}
        self.max_gap = int(data["max_gap_words"])
        self.gap_stop = frozenset(w.replace("’", "'").lower() for w in data["gap_stop"])
        self.gap_free = frozenset(w.replace("’", "'").lower() for w in data["gap_free"])
        self.step_verbs = re.compile(
            rf"(?<![\w])(?i:{_alternation(data['step_verbs'], _trigger)})(?![\w])"
        )
        self.year_cues = frozenset(
            w.replace("’", "'").lower() for w in load(lang, "money")["year_cues"]
        )
        self.range_before = re.compile(
            rf"(?:(?P<entre>(?i:entre)){H}+|(?P<de>(?i:de)){H}+)?(?<![^\W\d])(?P<first>{number})"
            # "de 12 % en 2022 à 15 %": a date after the first level
            rf"{H}*(?:(?P<fpct>%)(?:{H}+(?P<when>(?:[^\W\d][\w'’.]*(?:{H}+|-)){{1,4}}"
            rf"(?:1[89]|20)\d\d))?)?{H}*(?P<join>à|-|–|et){H}*$"
        )
        self.coordination = re.compile(
            rf"(?<![\w])(?:(?:{_alternation(data['coordination'])})"
            # an elided verb: "..., celui de l'huile de 22 %", "et celle des loyers de 3 %"
            rf"|(?i:{_alternation(data['elision_pronouns'])})(?![\w])[^.;:!?]*?)"
            rf"{H}+(?i:de{H}+|d['’]{H}*)$"
        )
        self.articles = frozenset(w.lower() for w in data.get("not_worded_bounds", ()))
        self.number_before = re.compile(rf"(?:{DIGITS}){H}*%?{H}*$")

    def worded_bound_ok(self, first: re.Match[str], second: str) -> bool:
        """A number in words is a range's first bound after "entre"/"de" ("entre cinq et dix
        pour cent"), or without them only before another one ("cinq à six pour cent") and
        never as "un"/"une", most often an article or a pronoun ("il en reste une à 5 %")."""
        word = first.group("first")
        if word[0].isdigit() or first.group("entre") or first.group("de"):
            return True
        return not second[0].isdigit() and word.lower() not in self.articles

    def direction(self, text: str, start: int, end: int, floor: int) -> Cue:
        """(direction, strong, cue offsets) from the words before ``start`` (not before
        ``floor``) or after ``end``."""
        last = None
        for m in self.triggers.finditer(text, max(floor, start - 120), start):
            last = m
        if last is not None and self.gap_ok(text[last.end() : start]):
            kind = last.lastgroup or ""
            up = "up" if kind.endswith("up") else "down"
            return up, not kind.startswith("weak"), last.span()
        after = self.after.match(text, end)
        if after is not None:
            kind = after.lastgroup or ""
            # "3 points de plus" is also a sports score: only a trigger noun makes it strong
            up = "up" if kind.endswith("up") else "down"
            return up, kind in ("up", "down"), (after.start() + 1, after.end())
        return None, False, None

    def coordinated(self, gap: str, before: Cue) -> Cue:
        """The direction of the figure before, through "et de", ", de"... (no other figure)."""
        # a year between is no other figure: "de 4,1 % en 2023 et celui des vols de 2,6 %"
        gap = _YEAR.sub("", gap)
        if len(gap) > 80 or any(ch.isdigit() or ch in ".;:!?%()" for ch in gap):
            return None, False, None
        if not self.coordination.search(gap):
            return None, False, None
        return before

    def gap_ok(self, gap: str) -> bool:
        # a name in brackets is no clause of its own: "augmenter le salaire minimum (Smic) de 2 %"
        gap = _ASIDE.sub(" ", gap)
        if any(ch.isdigit() or ch in ".;:!?,()«»\"" for ch in gap):
            return False
        words = [w.replace("’", "'").lower() for w in re.findall(r"[\w'’-]+", gap)]
        # "a relevé jeudi ses taux de 3 %": a day named in the gap does not part the two
        if sum(w not in self.gap_free for w in words) > self.max_gap:
            return False
        return not any(w in self.gap_stop for w in words)

    def steps(self, text: str, start: int, floor: int) -> bool:
        """Whether a verb of a change between levels ("passer", "évoluer") stands shortly
        before ``start`` ("est passé de 9 % à 7 %")."""
        last = None
        for m in self.step_verbs.finditer(text, max(floor, start - 120), start):
            last = m
        return last is not None and self.gap_ok(text[last.end() : start])

    def dated(self, when: str) -> bool:
        """Whether ``when`` ("en 2022", "fin 2022", "au premier semestre 2022") dates a level."""
        words = re.findall(r"[^\W\d][\w'’.]*", when)
        return bool(words) and words[-1].replace("’", "'").lower() in self.year_cues


@cache
def _grammar(lang: str) -> _Grammar:
    return _Grammar(lang)


def _sentence_floor(sentences: Sequence[tuple[int, int]] | None, pos: int) -> int:
    if not sentences:
        return 0
    floor = 0
    for start, _ in sentences:
        if start > pos:
            break
        floor = start
    return floor


def prepare(lang: str = "fr") -> None:
    """Compile the patterns of ``lang`` now (a missing resource file fails here, not later)."""
    _grammar(lang)


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
    >>> find_percentages("Le PSG compte 3 points d'avance, 2017-2018.")
    []
    """
    g = _grammar(lang)
    found: list[PercentMatch] = []
    # end and cue of the last figure whose direction came from a trigger word
    worded: tuple[int, Cue] | None = None
    for m in g.atoms.finditer(text):
        number = parse_number(m.group("num"), lang)
        if number is None:
            continue
        if m.group("frac"):
            number *= g.fractions[m.group("frac").lower()]
        sign = (m.group("sign") or "").strip()
        lead = m.start()
        if sign == "-" and g.number_before.search(text, max(0, lead - 30), lead):
            sign, lead = "", m.start("num")  # "10 - 20 %": a range dash, not a minus
        first = None
        if not sign:
            first = g.range_before.search(text, max(0, lead - 80), m.start("num"))
            if first is not None and (
                (first.group("join") == "et") != bool(first.group("entre"))
            ):
                first = None
            if first is not None and first.group("when") and not g.dated(first.group("when")):
                first = None
            if first is not None and not first.group("fpct") and _YEAR.fullmatch(
                first.group("first")
            ):
                first = None  # "de 12 % en 2022 à 15 %": the year is no bound of a range
            if first is not None and not g.worded_bound_ok(first, m.group("num")):
                first = None
            if first is not None:
                lead = first.start("first")
        if callable(sentences):
            sentences = sentences()
        floor = _sentence_floor(sentences, lead)
        cue = g.direction(text, lead, m.end(), floor)
        if cue[0] is None and worded is not None and worded[0] >= floor:
            cue = g.coordinated(text[worded[0] : lead], worded[1])
        worded = (m.end(), cue) if cue[0] else None
        direction, strong, where = cue
        if sign:
            direction, strong, where = _SIGNS[sign], True, None
        unit, value, bare = "percent", number, False
        step, step_if_rate = False, False
        if m.group("pct"):
            step, step_if_rate = _step(g, text, first, number, cue, floor)
        if step:
            direction, strong, where = None, False, None
            worded = None
            # "de 9 % à 7 %": the first level was found on its own, as a change
            if first is not None and first.group("fpct") and found and (
                found[-1].start == first.start("first")
            ):
                found[-1] = replace(found[-1], direction=None, cue=None, step="from")
        if m.group("pts"):
            unit = "points"
            if m.group("bp"):
                value = number / 100
            elif not m.group("pp") and number >= _MAX_BARE_POINTS:
                continue  # "337,4 pts" at a ski jump, "7 412 points" for an index
            elif not (m.group("pp") or sign or number != number.to_integral_value() or strong):
                if not bare_points:
                    continue
                bare = True
        if first is not None and not first.group("fpct"):
            first_value = parse_number(first.group("first"), lang)
            if first_value is not None:
                if m.group("bp"):
                    first_value /= 100
                found.append(
                    PercentMatch(
                        first.start("first"),
                        first.end("first"),
                        first_value,
                        unit,
                        direction,
                        where,
                        range_first=not step,
                        bare=bare,
                        step="from" if step else None,
                    )
                )
        start = m.start() if sign else m.start("num")
        found.append(
            PercentMatch(
                start,
                m.end(),
                value,
                unit,
                direction,
                where,
                range_second=first is not None and not step,
                bare=bare,
                step="to" if step else None,
                step_if_rate=step_if_rate,
            )
        )
    return found


def _step(
    g: _Grammar,
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
    if first is None or not first.group("de") or first.group("join") != "à":
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
    """"up"/"down" when ``word`` is itself a direction trigger (a strong one if ``strong``),
    else None.

    >>> [word_direction(w) for w in ("hausse", "Recul", "baisses", "salaires", "laissé")]
    ['up', 'down', 'down', None, 'down']
    >>> word_direction("laissé", strong=True) is None
    True
    """
    m = _grammar(lang).triggers.fullmatch(word)
    kind = "" if m is None else m.lastgroup or ""
    if not kind or (strong and kind.startswith("weak")):
        return None
    return "up" if kind.endswith("up") else "down"


def has_trigger(text: str, start: int, end: int, lang: str = "fr") -> bool:
    """Whether a direction trigger stands in ``text[start:end]``.

    >>> has_trigger("la hausse des prix a ralenti à 4 %", 9, 30)
    True
    """
    return _grammar(lang).triggers.search(text, start, end) is not None

"""The compiled patterns and word sets of the percentage grammar of one language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from factex.normalize.money.patterns import linking
from factex.normalize.numbers import DIGITS, number_initials, words_pattern
from factex.normalize.regex_words import initials_class
from factex.resources import load, year_cues

H = r"[^\S\r\n]"
#: (direction, strong, offsets of the trigger word)
Cue = tuple[str | None, bool, tuple[int, int] | None]
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")
ASIDE = re.compile(r"\([^()\d.;:!?]{1,40}\)")
# compiled once: gap_ok and dated run per figure (re.sub/findall look their pattern up each call)
_COMMA_DE = re.compile(r",\s*(de|d['’])\s*$")
_GAP_WORD = re.compile(r"[\w'’-]+")
_WHEN_WORD = re.compile(r"[^\W\d][\w'’.]*")


def _phrase(text: str) -> str:
    parts = [re.escape(p) for p in text.split()]
    return re.sub("['’]", "['’]", (H + "+").join(parts))


#: trie keys that are no character: a word ends here, a stem ends here (any word ending)
_END, _STEM = "", "<stem>"


def _trigger(word: str) -> str:
    if word.endswith("*"):
        return _phrase(word[:-1]) + r"\w*"
    return _phrase(word)


def _alternation(words: Sequence[str], make: Any = _phrase) -> str:
    return "|".join(make(w) for w in sorted(set(words), key=len, reverse=True))


def _trigger_trie(words: Sequence[str]) -> str:
    r"""Trigger words as a character trie (use inside ``(?i:...)``, before ``(?![\w])``).

    The same matches as the alternation of :func:`_trigger` longest first, in one test per
    character instead of one per word: at each step a literal character is tried before a
    stem's ``\w*`` and before ending, so the match that goes furthest is found first, as the
    longest alternative was (a word ends where a stem's ``\w*`` does).

    >>> rx = re.compile(rf"(?i:{_trigger_trie(['hausse*', 'en hausse', 'haussé'])})(?![\w])")
    >>> [m.group() for m in rx.finditer("En hausse, haussent, haussé, haussées")]
    ['En hausse', 'haussent', 'haussé']
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        body = " ".join(word.split()).lower().replace("’", "'")
        stem = body.endswith("*")
        for ch in body[:-1] if stem else body:
            node = node.setdefault(ch, {})
        node[_STEM if stem else _END] = {}

    def char(ch: str) -> str:
        return f"{H}+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)

    def emit(node: dict[str, Any]) -> str:
        alts = [char(ch) + emit(child) for ch, child in sorted(node.items()) if len(ch) == 1]
        alts += [r"\w*"] * (_STEM in node)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if _END in node else body

    return f"(?:{emit(trie)})"


class Grammar:
    """Compiled patterns and word sets of one language (``percent.json``)."""

    def __init__(self, lang: str) -> None:
        data = load(lang, "percent")
        self.lang = lang
        number = rf"{DIGITS}|(?i:{words_pattern(lang)})"
        of = linking(data["of_words"])
        self._build_atoms(data, number)
        self._build_directions(data, of)
        self._build_ranges(data, number, of)
        self.year_cues = frozenset(
            w.replace("’", "'").lower() for w in year_cues(lang, "not_amount")
        )
        self.articles = frozenset(w.lower() for w in data.get("not_worded_bounds", ()))
        self.number_before = re.compile(rf"(?:{DIGITS}){H}*%?{H}*$")

    def _build_atoms(self, data: dict[str, Any], number: str) -> None:
        marks = _alternation(data["percent_marks"])
        points = _alternation(data["points"])
        fraction_link = _alternation(data["fraction_link"])
        self.atoms = re.compile(
            # a sign or a number starts every figure: most positions fail at this one test
            rf"(?:(?=[+\-−±])|{number_initials(self.lang)})"
            # "+/- 2,5 points" is a margin, as "±": no direction
            rf"(?P<sign>(?<![\w)\].,%+\-−±/])(?:\+{H}?/{H}?[\-−]|[+\-−±]){H}?)?"
            rf"(?P<num>{number}){H}*"
            # "58 pour 100", but not "50 pour 100 000 habitants"
            rf"(?:(?P<pct>(?i:{marks}))(?![\w])(?!(?<=\d){H}\d)"
            # "deux dixièmes de point", "un demi-point"
            rf"|(?:(?P<frac>(?i:{_alternation(list(data['point_fractions']))}))"
            rf"(?:{H}*-{H}*|{H}+(?i:{fraction_link}){H}+|{H}+))?"
            rf"(?P<pts>(?i:{points}))(?![\w])"
            rf"(?:{H}+(?P<pp>(?i:{_alternation(data['points_of_percent'])}))(?![\w])"
            rf"|{H}+(?P<bp>(?i:{_alternation(data['basis_points'])}))(?![\w]))?)"
        )
        self.fractions = {k.lower(): Decimal(v) for k, v in data["point_fractions"].items()}

    def _build_directions(self, data: dict[str, Any], of: str) -> None:
        groups = []
        for name in ("up", "down", "weak_up", "weak_down"):
            groups.append(f"(?P<{name}>{_trigger_trie(data[name])})")
        triggers = "|".join(groups)
        # the first letters first: most word starts fail there, before the trie's branches
        kinds = ("up", "down", "weak_up", "weak_down")
        initials = initials_class([w.strip() for k in kinds for w in data[k]], any_case=True)
        self.triggers = re.compile(rf"(?<![\w])(?={initials})(?i:{triggers})(?![\w])")
        self.after = re.compile(
            rf"{H}+(?:(?i:{of})(?:{triggers})"
            # "33 % de visiteurs en moins": one noun may stand before "en moins"
            rf"|(?:(?i:{of})[\w-]+{H}+)?(?:(?P<after_up>(?i:{_alternation(data['after_up'])}))"
            rf"|(?P<after_down>(?i:{_alternation(data['after_down'])}))))(?![\w])"
        )
        self.max_gap = int(data["max_gap_words"])
        self.gap_stop = frozenset(w.replace("’", "'").lower() for w in data["gap_stop"])
        self.stop_lifted = frozenset(w.lower() for w in data.get("stop_lifted", ()))
        self.restatement = re.compile(
            rf",?{H}*(?i:{_alternation(data.get('restatements', ()))}){H}*"
            if data.get("restatements") else r"(?!x)x"
        )
        rates = [*data["points_subjects"], *data.get("rate_words", ())]
        self.rate_words = re.compile(rf"(?<![\w])(?i:{_alternation(rates)})(?![\w])")
        self.gap_free = frozenset(w.replace("’", "'").lower() for w in data["gap_free"])
        self.step_verbs = re.compile(
            rf"(?<![\w])(?i:{_trigger_trie(data['step_verbs'])})(?![\w])"
        )
        self.coordination = re.compile(
            rf"(?<![\w])(?:(?:{_alternation(data['coordination'])})"
            # an elided verb: "..., celui de l'huile de 22 %", "et celle des loyers de 3 %"
            rf"|(?i:{_alternation(data['elision_pronouns'])})(?![\w])[^.;:!?]*?)"
            rf"{H}+(?i:{of})$"
        )

    def _build_ranges(self, data: dict[str, Any], number: str, of: str) -> None:
        #: "entre 3 et 5 %" pairs these; "de 3 à 5 %" (or a dash) the others
        self.range_and = frozenset(data["range_and"])
        self.range_to = frozenset(data["range_to"])
        #: what ends the text right before a range's second figure (its spaces aside)
        self.joins = (*data["range_to"], *data["range_dashes"], *data["range_and"])
        joins = "|".join(re.escape(j) for j in self.joins)
        between = _alternation(data["range_between"])
        since = _alternation(data["range_from"])
        self.range_before = re.compile(
            rf"(?:(?P<entre>(?i:{between})){H}+|(?P<de>(?i:{since})){H}+)?"
            rf"(?<![^\W\d])(?P<first>{number})"
            # "de 12 % en 2022 à 15 %": a date after the first level
            rf"{H}*(?:(?P<fpct>%)(?:{H}+(?P<when>(?:[^\W\d][\w'’.]*(?:{H}+|-)){{1,4}}"
            rf"(?:1[89]|20)\d\d))?)?{H}*(?P<join>{joins}){H}*$"
        )

    def joined_before(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` ends with a join of a range ("à", "et", "-") and spaces
        (or a last line break, where ``$`` also matches): what :attr:`range_before` needs
        before its search is worth running.

        >>> grammar("fr").joined_before("de 3 à ", 0, 7), grammar("fr").joined_before("3 % ", 0, 4)
        (True, False)
        """
        ends = (end, end - 1) if end > start and text[end - 1] == "\n" else (end,)
        for stop in ends:
            while stop > start and text[stop - 1] not in "\r\n" and text[stop - 1].isspace():
                stop -= 1
            if text.endswith(self.joins, start, stop):
                return True
        return False

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
        gap = YEAR.sub("", gap)
        if len(gap) > 80 or any(ch.isdigit() or ch in ".;:!?%()" for ch in gap):
            return None, False, None
        if not (self.coordination.search(gap) or self.restatement.fullmatch(gap)):
            return None, False, None
        return before

    def gap_ok(self, gap: str) -> bool:
        # a name in brackets is no clause of its own: "augmenter le salaire minimum (Smic) de 2 %"
        gap = ASIDE.sub(" ", gap)
        # "une hausse plus marquée, de 2,6 %": a comma before the "de" of the figure
        gap = _COMMA_DE.sub(r" \1 ", gap)
        if any(ch.isdigit() or ch in '.;:!?,()«»"' for ch in gap):
            return False
        words = [w.replace("’", "'").lower() for w in _GAP_WORD.findall(gap)]
        # "a relevé jeudi ses taux de 3 %": a day named in the gap does not part the two
        if sum(w not in self.gap_free for w in words) > self.max_gap:
            return False
        # "une hausse limitée à 0,2 %": the change is only qualified
        return not any(
            w in self.gap_stop and not (i and words[i - 1] in self.stop_lifted)
            for i, w in enumerate(words)
        )

    def steps(self, text: str, start: int, floor: int) -> bool:
        """Whether a verb of a change between levels ("passer", "évoluer") stands shortly
        before ``start`` ("est passé de 9 % à 7 %")."""
        last = None
        for m in self.step_verbs.finditer(text, max(floor, start - 120), start):
            last = m
        return last is not None and self.gap_ok(text[last.end() : start])

    def dated(self, when: str) -> bool:
        """Whether ``when`` ("en 2022", "fin 2022", "au premier semestre 2022") dates a level."""
        words = _WHEN_WORD.findall(when)
        return bool(words) and words[-1].replace("’", "'").lower() in self.year_cues


@cache
def grammar(lang: str) -> Grammar:
    """The grammar of ``lang``, compiled once."""
    return Grammar(lang)

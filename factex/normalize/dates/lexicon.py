"""The words of one language for the date grammar, read from ``resources/<lang>/``.

:class:`Lexicon` holds the word tables (``months.json``, ``date_words.json``), reads numbers,
days and months written in words, and builds the regex pieces the rules share (weekdays,
months, numbers in words, a year, modifiers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

APOS = "['’]"
B = r"(?<![\w\-])"  # start of a word
E = r"(?![\w])"  # end of a word
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
WORD = re.compile(r"\w+")

_SPACES = re.compile(r"\s+")


def alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, apostrophes matching both ' and ’."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pat = re.escape(w).replace("'", APOS).replace(r"\ ", r"\s+")
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The form words are looked up by: lower case, one kind of apostrophe, single spaces."""
    # cached: the handlers key the same few words (months, weekdays, modifiers) over and over
    return _SPACES.sub(" ", text.lower().replace("’", "'")).strip()


def keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(key(w) for w in words)


class Lexicon:
    """Word tables of one language and the regex pieces built from them."""

    def __init__(self, months: Mapping[str, int], words: Mapping[str, Any]) -> None:
        self.months = months
        self.words = w = words
        self.WD = alt(w["weekdays"])
        self.MONTH_ANY = alt(months)
        self.MONTH_FULL = alt(w["standalone_months"])
        self.NUMW = self._number_words()
        self.NUM = rf"(?:\d{{1,3}}|{self.NUMW}|une?)"
        self.DAYNUM = rf"(?:(?:1er|1re|premier|3[01]|[12]\d|0?[1-9])(?:e|ème)?{E}|{self.NUMW}{E})"
        self.ENDNUM = (
            r"(?=\s*(?:$|[.,;:!?)»\n]|à\b|a\b|au\b|vers\b|et\b|jusqu|dans\b|en\s+(?:début|fin|milieu)|"
            r"plutôt|le\s+matin|dès\b))"
        )
        self.UNIT = alt(w["units"])
        self.PAST = alt(w["past_modifiers"])
        self.FUT = alt(w["future_modifiers"])
        self.NOT_AFTER = alt(w["not_after_number"])
        # not a piece of a bigger number ("2 000", "2019,5") nor a count ("2019 habitants")
        self.YEAR = (
            rf"(?<![\d,.])(?<!\d\s)(?<!\d\u00a0)(?<!\d\u202f){YEAR4}"
            rf"(?!\d|[,.]\d|[\s\u00a0\u202f]\d{{3}})(?!\s*{self.NOT_AFTER}{E})"
        )
        self.HOUR_MARK = alt(w["hour_marks"])
        self.past = keys(w["past_modifiers"])
        self.future = keys(w["future_modifiers"])
        self._keyed: dict[str, frozenset[str]] = {}

    def keyed(self, name: str) -> frozenset[str]:
        """The words of the list ``name``, in their :func:`key` form (read once)."""
        got = self._keyed.get(name)
        if got is None:
            got = self._keyed[name] = keys(self.words[name])
        return got

    def _number_words(self) -> str:
        numbers: Mapping[str, int] = self.words["numbers"]
        nums = [k for k in numbers if k not in ("un", "une")]
        units = [k for k, v in numbers.items() if v < 10]
        tens = [k for k, v in numbers.items() if v >= 20]
        return f"(?:{alt(tens)}(?:[\\s-]+(?:et[\\s-]+)?{alt(units)})?|{alt(nums)})"

    def step(self, modifier: str | None) -> int:
        """-1 for a past modifier ("dernier"), +1 for any other, 0 without one."""
        if not modifier:
            return 0
        return -1 if key(modifier) in self.past else 1

    def number(self, text: str) -> int | None:
        """Digits or French number words up to 69.

        >>> lex = Lexicon.for_language("fr")
        >>> words = ("15", "quinze", "vingt quatre", "trente et un", "dix-huit", "x")
        >>> [lex.number(t) for t in words]
        [15, 15, 24, 31, 18, None]
        """
        t = key(text)
        if t.isdigit():
            return int(t)
        nums: Mapping[str, int] = self.words["numbers"]
        if t in nums:
            return nums[t]
        total = 0
        for part in re.split(r"[\s-]+", t):
            if part == "et":
                continue
            if part not in nums:
                return None
            total += nums[part]
        return total

    def count(self, text: str) -> int | None:
        """A number of units: "un" and "une" are one."""
        return self.number(text) if key(text) not in ("un", "une") else 1

    def day_number(self, text: str) -> int | None:
        t = key(text)
        ords: Mapping[str, int] = self.words["day_ordinals"]
        if t in ords:
            return ords[t]
        t = re.sub(r"(?:e|ème|eme)$", "", t) if t[:1].isdigit() else t
        return self.number(t)

    def month(self, text: str) -> int:
        t = key(text)
        return self.months.get(t) or self.months[t.rstrip(".")]

    @classmethod
    def for_language(cls, lang: str) -> Lexicon:
        from factex.resources import load, year_cues

        # the year cues are shared with money (years.json): dates take those naming a date
        words = {**load(lang, "date_words"), "year_cues": year_cues(lang, "date")}
        return cls(load(lang, "months")["months"], words)

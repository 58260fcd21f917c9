"""Regex building blocks for the money grammar: phrases in any case and either apostrophe."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factex.normalize.money.values import NEVER, H
from factex.normalize.regex_words import trie_regex

_SPACES = re.compile(r"\s+")  # compiled once: key() runs for every word looked up


@lru_cache(maxsize=4096)  # read for every atom and word looked up, from few distinct words
def key(text: str) -> str:
    """Lookup key of a currency or scale word: lower case, plain apostrophe, single spaces."""
    return _SPACES.sub(" ", text.replace("’", "'").strip().lower())


def phrase(text: str) -> str:
    """A literal phrase as a regex: any run of spaces for a space, either apostrophe."""
    parts = [re.escape(p) for p in text.split()]
    return (H + "+").join(parts).replace("'", "['’]")


def char(ch: str) -> str:
    """One character of a phrase as a regex: any run of spaces, either apostrophe."""
    if ch.isspace():
        return H + "+"
    return "['’]" if ch in "'’" else re.escape(ch)


def alternation(phrases: Sequence[str]) -> str:
    """Phrases matched in any case (use inside ``(?i:...)``), as a trie for speed."""
    return trie_regex(sorted({re.sub(r"\s+", " ", p.strip().lower()) for p in phrases}), char)


def elidable(literal: str) -> str:
    """A phrase ending in "de" also matches its elided form before a vowel ("plus d'un")."""
    if literal.endswith(" de"):
        return phrase(literal[:-3]) + rf"{H}+(?:de|d['’])"
    return phrase(literal)


def linking(words: Sequence[str]) -> str:
    """Linking words as a regex (use inside ``(?i:...)``): a space after a whole word, maybe
    none after an elided one ("de " and "d'").

    >>> linking(["de", "d'"]) == "de" + H + "+|d['’]" + H + "*"
    True
    """
    return "|".join(
        rf"{phrase(w[:-1])}['’]{H}*" if w.endswith(("'", "’")) else rf"{phrase(w)}{H}+"
        for w in words
    )


def marks_regex(marks: Sequence[str], glued: bool = False) -> str:
    """Currency marks as one case-sensitive regex; a mark never touches a letter, except,
    when ``glued``, the scale abbreviation before it ("MDH": millions of dirhams).

    The look-behind is shared by all letter-initial marks, so that most positions inside
    words fail at once: the scan stays one cheap pass over the text. A mark ending in a
    letter is not followed by an apostrophe ("5 $ c'est": "$", not "$ c").
    """
    lettered = trie_regex(sorted({m for m in marks if m[0].isalpha()}), char)
    symbols = trie_regex(sorted({m for m in marks if not m[0].isalpha()}), char)
    before = "" if glued else r"(?<![^\W\d_])"
    return rf"(?:{before}{lettered}|{symbols})(?![^\W\d_])(?!(?<=[^\W\d_])['’])"


def places_regex(places: Sequence[str]) -> re.Pattern[str]:
    """Place names as whole words, matched as written."""
    return re.compile(rf"(?<!\w){trie_regex(sorted(set(places)), char)}(?!\w)")


def words_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole words or phrases, in any case; none: a pattern that never matches."""
    if not phrases:
        return re.compile(NEVER)
    return re.compile(rf"(?<![\w'’-])(?i:{alternation(phrases)})(?![\w'’-])")

"""Canonical forms of entity names: pure string functions, no spaCy.

One name for every mention of the same thing: typography is unified (’ and ', « », NBSP),
leading articles, honorifics and organisation designators ("groupe", "la société") are dropped,
and a lone surname is resolved to the full name of the person mentioned in the same text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "\u00ad": None})
_SPACES = re.compile(r"\s+")
_EDGE = "\"'«»“”„‹›()[]{},;:.!?-–—/*•·"


@lru_cache(maxsize=8192)  # the same names come back in every rule and every mention
def normalize_name(text: str) -> str:
    """Unify typography: straight apostrophes, single spaces, no edge quotes or punctuation.

    >>> normalize_name("« Afrique de l’Ouest »")
    "Afrique de l'Ouest"
    >>> normalize_name("Parlement\\u00a0européen\\n\\n")
    'Parlement européen'
    >>> normalize_name("Inc.")
    'Inc.'
    """
    text = _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()
    stripped = text.strip(_EDGE + " ")
    # A final full stop belongs to abbreviations ("Inc.", "S.A."): keep it when it ends a word
    # that has another dot or is short and capitalised.
    if text.endswith(".") and stripped and re.search(r"(?:\b[A-Z][a-z]{0,3}|\.[A-Za-z])\.$", text):
        return text.lstrip(_EDGE + " ")
    return stripped


def strip_leading(text: str, words: Iterable[str], heads: Iterable[str] = ()) -> str:
    """Drop leading words (articles, designators, titles) while a capitalised name remains.

    A capitalised word of ``heads`` followed by a lowercase word heads the name instead: the
    bank of "la Banque du Japon" is no Japan.

    >>> strip_leading("la société Blue Solutions", ["la", "société"])
    'Blue Solutions'
    >>> strip_leading("groupe Bolloré", ["groupe"])
    'Bolloré'
    >>> strip_leading("l'Oréal", ["l'"])
    "l'Oréal"
    >>> strip_leading("M. Emmanuel Macron", ["M."])
    'Emmanuel Macron'
    >>> strip_leading("la Banque du Japon", ["la", "banque", "du"], heads=["banque"])
    'Banque du Japon'
    >>> strip_leading("Groupe Renault", ["groupe"], heads=["groupe"])
    'Renault'
    """
    leading = _leading_words(tuple(words))
    head_words = _folded(tuple(heads))
    best, rest = text, text
    while True:
        found = leading.match(rest.casefold())
        if found is None:
            break
        word, after = rest[: found.end()].strip(), rest[found.end() :].lstrip()
        if word[:1].isupper() and after[:1].islower() and word.casefold() in head_words:
            break
        rest = after
        if rest[:1].isupper():
            best = rest
    return best


@lru_cache(maxsize=32)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=32)
def _leading_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation per word list: callers pass the same tuple for every name."""
    # Longest first, so "la société" goes before "la"; "l'" only as a separate word since the
    # elided article is part of names such as "L'Oréal".
    ordered = sorted({w.casefold() for w in words}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile("(?:" + "|".join(re.escape(w) for w in ordered) + ") ")


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Comparison key: case-folded, typography unified.

    >>> name_key("BOLLORÉ") == name_key("Bolloré")
    True
    """
    return normalize_name(text).casefold()


def pick_display(forms: Sequence[str]) -> str:
    """The name shown for a group of mentions: the most frequent, preferring mixed case.

    >>> pick_display(["ALIBABA", "Alibaba", "Alibaba"])
    'Alibaba'
    >>> pick_display(["UE"])
    'UE'
    """
    counts = Counter(forms)
    order = {form: i for i, form in reversed(list(enumerate(forms)))}

    def rank(form: str) -> tuple[bool, int, int]:
        shouting = form.isupper() and len(form) > 4
        return (not shouting, counts[form], -order[form])

    return max(counts, key=rank)


def resolve_surnames(full_names: Iterable[str], short: str) -> str | None:
    """The full name a lone surname (or first name) refers to, when exactly one matches.

    >>> resolve_surnames(["Jack Ma", "Vincent Bolloré"], "Ma")
    'Jack Ma'
    >>> resolve_surnames(["Jean Dupont", "Marie Dupont"], "Dupont") is None
    True
    """
    key = short.casefold()
    matches = {name for name in full_names if name.casefold().split(" ")[-1] == key}
    return matches.pop() if len(matches) == 1 else None

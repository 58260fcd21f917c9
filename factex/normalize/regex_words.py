"""Regexes built from word lists: a character trie of phrases, the class of their first
characters (for a cheap look-ahead before a costly pattern)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any


def trie_regex(phrases: Iterable[str], char: Callable[[str], str] = re.escape) -> str:
    """One regex for many literal phrases, as a character trie: a mismatch costs one test.

    ``char`` turns each character into its regex (e.g. a space into "any spaces").

    >>> trie_regex(["deux", "dix", "douze", "un", "une"])
    '(?:d(?:eux|ix|ouze)|un(?:e)?)'
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    top = emit(trie)
    return top if top.startswith("(?:") and top.endswith(")") and len(trie) > 1 else f"(?:{top})"


#: the characters besides its two cases that ``re.IGNORECASE`` matches an ASCII letter with
_CASE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def initials_class(words: Iterable[str], any_case: bool = False) -> str:
    """A regex character class of the first characters of ``words`` (of their every case
    ``re.IGNORECASE`` matches if ``any_case``; either apostrophe), for a cheap look-ahead
    before a costly pattern that starts with one of the words.

    >>> initials_class(["deux", "Sept"], any_case=True)
    '[DSdsſ]'
    """
    chars: set[str] = set()
    for word in words:
        ch = word[0]
        chars.add(ch)
        if ch in "'’":
            chars.update("'’")
        if any_case:
            chars.update((ch.lower(), ch.upper(), _CASE_FOLDS.get(ch.lower(), "")))
    chars.discard("")
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]" if chars else r"(?!x)x"

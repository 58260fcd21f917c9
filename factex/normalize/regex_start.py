"""Which characters a regex match can start with, read from the pattern itself.

A grammar that tries many anchored patterns at each candidate position (``pattern.match(text,
pos)``) pays one call per pattern and position, though most patterns cannot start with the
characters found there. :func:`prefix_class` reads a compiled pattern's syntax tree and returns
a pattern, compiled with the same flags, that matches the first few characters of every match (a
superset: look-arounds are ignored). Trying a pattern only where that prefix matches gives
exactly the same matches, for fewer calls.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

# Python 3.11+ keeps the parser private; 3.10 still has it as a public (deprecated) module.
_sre: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


class _Unbounded(Exception):
    """The pattern may start with any character (or this reading cannot tell)."""


def _charset(items: Any) -> str:
    parts: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            raise _Unbounded
    return "[" + "".join(parts) + "]"


# -- the first few characters ---------------------------------------------------------------
#: A prefix: one piece (an escaped literal or a character class) per character.
Prefix = tuple[str, ...]
#: Prefixes read so far: those after which the pattern goes on, those after which anything may.
_Reading = tuple[set[Prefix], set[Prefix]]
_MAX_PREFIXES = 3000  # beyond, the alternation costs more than the calls it spares


def prefix_class(pattern: re.Pattern[str], k: int) -> re.Pattern[str] | None:
    """A pattern matching the first ``k`` characters of every match of ``pattern`` (or all of
    a shorter match), compiled with the same flags; None if the pattern may match anything.

    Matching it at a position is necessary for ``pattern`` to match there (a superset: look-
    arounds are ignored, and a piece not read stops the prefix); it depends only on the next
    ``k`` characters, so its answer for ``text[pos:pos + k]`` holds wherever they occur.

    >>> p = prefix_class(re.compile(r"(?<!\\w)(?:le\\s+)?\\d+h", re.I), 2)
    >>> [bool(p.match(s)) for s in ("LE", "l'", "9h", "99", "9 ", "de")]
    [True, False, True, True, False, False]
    >>> prefix_class(re.compile(r"(?:ab)*c"), 3).pattern
    '(?:c|aba|abc)'
    >>> prefix_class(re.compile(r"a.b"), 3).pattern  # "." is not read: "a" then anything
    '(?:a)'
    >>> prefix_class(re.compile(r"x?"), 2) is None
    True
    """
    try:
        going, open_ = _seq_prefixes(_sre.parse(pattern.pattern, pattern.flags), k)
    except _Unbounded:
        return None
    found = sorted(going | open_, key=lambda p: (len(p), p))
    if not found or () in found:
        return None
    return re.compile("(?:" + "|".join("".join(p) for p in found) + ")", pattern.flags)


def _seq_prefixes(items: Any, k: int) -> _Reading:
    going: set[Prefix] = {()}
    open_: set[Prefix] = set()
    for op, av in items:
        short = {p for p in going if len(p) < k}
        if not short:
            break
        item_going, item_open = _item_prefixes(str(op), av, k - min(map(len, short)))
        going = {p for p in going if len(p) >= k}
        going |= {(p + q)[:k] for p in short for q in item_going}
        open_ |= {(p + q)[:k] for p in short for q in item_open}
        if len(going) + len(open_) > _MAX_PREFIXES:
            raise _Unbounded
    return going, open_


def _item_prefixes(op: str, av: Any, k: int) -> _Reading:
    if op in ("LITERAL", "IN"):
        return {(re.escape(chr(av)) if op == "LITERAL" else _charset(av),)}, set()
    if op in _ZERO_WIDTH:
        return {()}, set()
    if op == "SUBPATTERN" and not (av[1] or av[2]):  # local flags change what pieces mean
        return _seq_prefixes(av[3], k)
    if op == "ATOMIC_GROUP":
        return _seq_prefixes(av, k)
    if op == "BRANCH":
        going: set[Prefix] = set()
        open_: set[Prefix] = set()
        for branch in av[1]:
            g, o = _seq_prefixes(branch, k)
            going |= g
            open_ |= o
        return going, open_
    if op in _REPEATS:
        return _repeat_prefixes(av, k)
    return set(), {()}  # not read (ANY, NOT_LITERAL, back-references...): anything may follow


def _repeat_prefixes(av: Any, k: int) -> _Reading:
    low, high, sub = av
    once_going, once_open = _seq_prefixes(sub, k)
    going: set[Prefix] = {()} if low == 0 else set()
    open_: set[Prefix] = set()
    reached: set[Prefix] = {()}
    # Empty repetitions add nothing: k + low of them cover every prefix of k characters.
    for count in range(1, min(high, k + low) + 1):
        previous = reached
        open_ |= {(p + q)[:k] for p in previous if len(p) < k for q in once_open}
        reached = {p for p in previous if len(p) >= k}
        reached |= {(p + q)[:k] for p in previous if len(p) < k for q in once_going}
        if count >= low:
            going |= reached
            if all(len(p) >= k for p in reached):
                break
        if len(reached) + len(open_) > _MAX_PREFIXES:
            raise _Unbounded
    return going, open_

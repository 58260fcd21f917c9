"""Which characters a regex match can start with, read from the pattern itself.

A grammar that tries many anchored patterns at each candidate position (``pattern.match(text,
pos)``) pays one call per pattern and position, though most patterns cannot start with the
character found there. :func:`first_char_class` reads a compiled pattern's syntax tree and
returns a one-character pattern, compiled with the same flags, that matches every character a
match can start with (a superset: look-arounds are ignored). Trying a pattern only where that
class matches ``text[pos]`` gives exactly the same matches, for fewer calls.
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


def first_char_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching every first character of a match of ``pattern``; None if unbounded.

    >>> first_char_class(re.compile(r"(?<!\\w)(?:le\\s+)?\\d+")).pattern
    '(?:l|[\\\\d])'
    >>> first_char_class(re.compile(r"x?")) is None  # may match the empty string
    True
    >>> cls = first_char_class(re.compile(r"(?:[a-c]|été)", re.I))
    >>> [bool(cls.match(c)) for c in "BÉd"]
    [True, True, False]
    """
    try:
        pieces, nullable = _sequence(_sre.parse(pattern.pattern, pattern.flags))
    except _Unbounded:
        return None
    if nullable or not pieces:
        return None
    return re.compile("(?:" + "|".join(dict.fromkeys(pieces)) + ")", pattern.flags)


def _sequence(items: Any) -> tuple[list[str], bool]:
    out: list[str] = []
    for op, av in items:
        pieces, nullable = _item(str(op), av)
        out += pieces
        if not nullable:
            return out, False
    return out, True


def _item(op: str, av: Any) -> tuple[list[str], bool]:
    if op == "LITERAL":
        return [re.escape(chr(av))], False
    if op == "IN":
        return [_charset(av)], False
    if op in _ZERO_WIDTH:
        return [], True
    if op == "SUBPATTERN":
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:  # local flags would change what a character class means
            raise _Unbounded
        return _sequence(sub)
    if op == "ATOMIC_GROUP":
        return _sequence(av)
    if op == "BRANCH":
        out: list[str] = []
        any_nullable = False
        for branch in av[1]:
            pieces, nullable = _sequence(branch)
            out += pieces
            any_nullable = any_nullable or nullable
        return out, any_nullable
    if op in _REPEATS:
        low, _, sub = av
        pieces, nullable = _sequence(sub)
        return pieces, nullable or low == 0
    raise _Unbounded  # ANY, NOT_LITERAL, back-references, conditionals...


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

"""Cutting texts too long for one spaCy ``Doc`` into pieces at natural boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Preferred cut points, best first: a blank line, a line break, the end of a sentence, a space.
# A sentence ends after a word of two characters or more ("M. Dupont", "p. 3" are not ends),
# possibly followed by a closing quote. The last resort never cuts right after a digit, nor at a
# no-break space: those hold numbers, amounts and scale words together ("3 000 €", "3 millions").
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?:(?<=\w\w[.!?…])|(?<=[.!?…]»)|(?<=[.!?…]\s»))[^\S\u00a0\u202f]+"),
    re.compile(r"(?<![\d\s])[^\S\u00a0\u202f]+"),
)


def split_text(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, piece)``, ``text[offset:offset + len(piece)] == piece``, pieces ≤ ``limit``.

    Pieces cover the whole text, in order, and are cut at the best boundary found in the last
    half of each window, so no fact is cut in two unless the text has no boundary at all.

    >>> list(split_text("Un. Deux. Trois.", 10))
    [(0, 'Un. Deux. '), (10, 'Trois.')]
    >>> list(split_text("court", 100))
    [(0, 'court')]
    """
    if limit < 2:
        raise ValueError(f"limit must be at least 2, got {limit}")
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        yield start, text[start:end]
        start = end
    if start < len(text) or not text:
        yield start, text[start:]


def _cut(text: str, start: int, stop: int) -> int:
    low = start + (stop - start) // 2
    for pattern in _BOUNDARIES:
        best = -1
        for match in pattern.finditer(text, low, stop):
            best = match.end()
        if best > low:
            return min(best, stop)
    return stop

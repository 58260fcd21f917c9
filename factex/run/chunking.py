"""Cutting texts too long for one spaCy ``Doc`` into pieces at natural boundaries."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Preferred cut points, best first: a blank line, a line break, the end of a sentence, a space
# far from any number, a space. A sentence ends at a stop after anything but a lone letter
# ("M. Dupont", "J.-C." are not ends; "12 M€.", "3 %.", "(AFP)." are), possibly followed by a
# closing quote, and the next sentence does not start in lower case ("etc. et"). A space with
# no digit near it keeps a fact's words together ("3,5 milliards | d'euros", "hausse de | 3 %");
# the last resort never cuts right after a digit, nor at a no-break space: those hold numbers,
# amounts and scale words together ("3 000 €", "3 millions").
_SPACE = r"[^\S\u00a0\u202f]+(?![^\S\u00a0\u202f])"
_SENTENCE_END = r"(?:(?<=[.!?…])(?<!\W\w\.)(?<!^\w\.)|(?<=[.!?…]»)|(?<=[.!?…]\s»))"
#: Each pattern with how many characters before it (and half as many after) must hold no digit.
_BOUNDARIES = (
    (re.compile(r"\n[^\S\n]*\n\s*"), 0),
    (re.compile(r"\n\s*"), 0),
    (re.compile(_SENTENCE_END + _SPACE + r"(?![a-zà-ÿœæ])"), 0),
    (re.compile(_SPACE), 16),
    (re.compile(r"(?<![\d\s])" + _SPACE), 0),
)
_DIGIT = re.compile(r"\d")


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
    for pattern, reach in _BOUNDARIES:
        best = -1
        for match in pattern.finditer(text, low, stop):
            if reach and _DIGIT.search(text, match.start() - reach, match.end() + reach // 2):
                continue
            best = match.end()
        if best > low:
            return min(best, stop)
    return stop

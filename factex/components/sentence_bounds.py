"""The sentence of a span or token as plain offsets, without making spaCy's sentence Span.

``span.sent`` walks the Doc's tokens back to a sentence start and on to the next one, and makes
a new Span, at every call (about 6 µs): the frame and the links ask it several times per amount.
:func:`sent_of` reads the sentence starts of the Doc's token index
(:mod:`factex.components.token_index`, which the components refresh at their start) and keeps
the bounds of each sentence asked for, as long as that index lives.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from factex.components.token_index import TokenIndex, token_index


@dataclass(frozen=True)
class SentBounds:
    """``span.sent``'s ``start``, ``end``, ``start_char`` and ``end_char``."""

    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True, eq=False)
class _Sentences:
    """Per token index ``k`` (and ``len(doc)``), the first sentence start at or after ``k``;
    the bounds already asked for, by sentence start."""

    next_start: tuple[int, ...]
    known: dict[int, SentBounds]


# Keyed by the token index (weakly): a Doc parsed again gets a new index, hence new bounds.
_cache: weakref.WeakKeyDictionary[TokenIndex, _Sentences] = weakref.WeakKeyDictionary()


def sent_of(item: Span | Token) -> SentBounds:
    """The bounds of ``item.sent``, as spaCy gives them: the sentence of the item's first token
    (a span across a sentence end gets its first sentence only).

    Raises ValueError like spaCy when the Doc has no sentence boundaries."""
    # the links ask this a few times per amount: the index's fields are read inline
    ix = token_index(item.doc)
    if not ix.has_sents:
        raise ValueError("[E030] Sentence boundaries unset")
    start = ix.sent_start[item.start if isinstance(item, Span) else item.i]
    sentences = _cache.get(ix) or _sentences(ix)
    found = sentences.known.get(start)
    if found is None:
        found = sentences.known[start] = _bounds(item.doc, start, sentences.next_start[start + 1])
    return found


def _sentences(ix: TokenIndex) -> _Sentences:
    """The sentence ends of the index, found once."""
    n = len(ix.head)
    # the SENT_START column of the index's array: 1 marks a sentence start
    marked = np.where(ix.array[:, 6] == 1, np.arange(n), n) if n else np.zeros(0, np.int64)
    after = np.minimum.accumulate(marked[::-1])[::-1] if n else marked
    found = _cache[ix] = _Sentences((*after.tolist(), n), {})
    return found


def _bounds(doc: Doc, start: int, end: int) -> SentBounds:
    last = doc[end - 1]
    return SentBounds(start, end, doc[start].idx, last.idx + len(last))

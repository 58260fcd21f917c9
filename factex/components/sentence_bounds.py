"""The sentence of a span or token as plain offsets, without making spaCy's sentence Span.

``span.sent`` walks the Doc's tokens back to a sentence start and on to the next one, and makes
a new Span, at every call (about 6 µs): the frame and the links ask it several times per amount.
:func:`sent_of` reads the sentence starts of the Doc's token index
(:mod:`factex.components.token_index`, which the components refresh at their start) and keeps
the bounds of each sentence asked for, as long as that index lives.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factex.components.token_index import token_index


@dataclass(frozen=True)
class SentBounds:
    """``span.sent``'s ``start``, ``end``, ``start_char`` and ``end_char``."""

    start: int
    end: int
    start_char: int
    end_char: int


# The bounds asked for, by sentence start, kept in the token index's memo: a Doc parsed again
# gets a new index, hence new bounds.
_MEMO_KEY = "sentence_bounds"


def sent_of(item: Span | Token) -> SentBounds:
    """The bounds of ``item.sent``, as spaCy gives them: the sentence of the item's first token
    (a span across a sentence end gets its first sentence only).

    Raises ValueError like spaCy when the Doc has no sentence boundaries."""
    # the links ask this a few times per amount: the index's fields are read inline
    ix = token_index(item.doc)
    if not ix.has_sents:
        raise ValueError("[E030] Sentence boundaries unset")
    sent_start = ix.sent_start
    start = sent_start[item.start if isinstance(item, Span) else item.i]
    known: dict[int, SentBounds] | None = ix.memo.get(_MEMO_KEY)
    if known is None:
        known = ix.memo[_MEMO_KEY] = {}
    found = known.get(start)
    if found is None:
        # the starts never decrease: the next sentence is at the first token past this one's
        end = bisect_right(sent_start, start, start)
        found = known[start] = _bounds(item.doc, start, end)
    return found


def _bounds(doc: Doc, start: int, end: int) -> SentBounds:
    last = doc[end - 1]
    return SentBounds(start, end, doc[start].idx, last.idx + len(last))

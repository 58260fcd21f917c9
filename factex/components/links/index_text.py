"""The text of a few tokens read off the token index, without a Span and its Tokens: the
metric phrases try each run of words a metric may be written with, the subject rules the
words around a name."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

from factex.components.extensions import doc_text
from factex.components.token_index import TokenIndex, token_index

# Per token index (rebuilt with the parse and the words), whether each token has a space
# after it: the text of a few tokens without a Span and its Tokens.
_spacing: weakref.WeakKeyDictionary[TokenIndex, tuple[bool, ...]] = weakref.WeakKeyDictionary()


def spacing(doc: Doc, ix: TokenIndex) -> tuple[bool, ...]:
    """Whether each token of ``doc`` (whose index is ``ix``) has a space after it."""
    spaced = _spacing.get(ix)
    if spaced is None:
        spaced = _spacing[ix] = tuple(doc.to_array("SPACY").astype(bool).tolist())
    return spaced


# The Doc's text and the first character of each token, by the Doc's token index (weakly, as
# the index): a Span and its text made a Token per word.
_char_starts: weakref.WeakKeyDictionary[TokenIndex, tuple[str, tuple[int, ...]]] = (
    weakref.WeakKeyDictionary()
)


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, sliced from the Doc's text (:func:`doc_text`) at the
    tokens' offsets."""
    ix = token_index(doc)
    end = min(end, len(ix.head))
    if end <= start:
        return ""
    known = _char_starts.get(ix)
    if known is None:
        known = _char_starts[ix] = (doc_text(doc), tuple(doc.to_array("IDX").tolist()))
    starts, last = known[1], end - 1
    return known[0][starts[start] : starts[last] + len(ix.text[last])]

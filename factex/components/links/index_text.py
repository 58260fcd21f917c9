"""The text of a few tokens read off the token index, without a Span and its Tokens: the
metric phrases try each run of words a metric may be written with."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

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


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, read off the token index."""
    ix = token_index(doc)
    spaced, texts = spacing(doc, ix), ix.text
    words = [texts[k] + " " if spaced[k] else texts[k] for k in range(start, end - 1)]
    return "".join(words) + texts[end - 1] if end > start else ""

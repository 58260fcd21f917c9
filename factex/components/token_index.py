"""The parse of a Doc as plain tuples (heads, labels, lemmas, children), built once per Doc.

spaCy makes a new Token object at every access (``doc[i]``, ``token.head``, ``token.children``,
iterating a span): a walk over the parse pays that at every step, and the links, the frame and
the events walk it for each amount. They read these tuples instead and make Tokens only for
what they return.

:func:`token_index` returns the index of a Doc, built at its first use and kept as long as the
Doc lives. Components call :func:`fresh_index` once at their start: it checks the cached
index against the Doc's current parse (a Doc parsed again keeps its identity) and rebuilds it
if they differ; the functions they call then use :func:`token_index`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START  # type: ignore[import-not-found]
from spacy.strings import StringStore
from spacy.tokens import Doc

# What a parse sets (tagger, parser, lemmatizer) comes first: :func:`fresh_index` reads only
# that. The lexical columns change only with the tokens (and their count), and cost twice as
# much to read (through each token's lexeme).
_PARSE: list[int | str] = [HEAD, DEP, POS, LEMMA, SENT_START]
_ATTRS: list[int | str] = [*_PARSE, LOWER, ORTH, IS_PUNCT]
_HEAD, _DEP, _POS, _LEMMA, _SENT_START, _LOWER, _ORTH, _IS_PUNCT = range(len(_ATTRS))


@dataclass(frozen=True, eq=False)
class TokenIndex:
    """Per token of ``doc``: absolute head index, labels and forms as strings, children in
    text order (as ``token.children``) and the first token of its sentence (as ``token.sent``,
    which walks back to the nearest ``sent_start == 1``)."""

    strings: StringStore
    array: np.ndarray  # the Doc's parse as read (to check it is still the Doc's)
    head: tuple[int, ...]
    dep: tuple[str, ...]
    pos: tuple[str, ...]
    sent_start: tuple[int, ...]
    has_sents: bool
    #: what other modules derive from this parse (sentence bounds, subjects, morphology),
    #: by their own key: it goes with the index, so a Doc parsed again starts afresh
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, doc: Doc, array: np.ndarray | None = None) -> TokenIndex:
        if array is None:
            array = doc.to_array(_ATTRS)
        n = len(doc)
        as_strings = partial(_strings, doc.vocab.strings, array)
        # HEAD is stored relative and unsigned: the wrap-around gives back negative offsets
        head = tuple((array[:, _HEAD].astype(np.int64) + np.arange(n)).tolist())

        # the last sentence start at or before each token (token 0 when none is marked)
        marked = np.where(array[:, _SENT_START] == 1, np.arange(n), 0)
        starts = tuple(np.maximum.accumulate(marked).tolist()) if n else ()
        return cls(
            doc.vocab.strings, array, head, as_strings(_DEP), as_strings(_POS), starts,
            doc.has_annotation("SENT_START"),
        )  # fmt: skip

    @cached_property
    def children(self) -> tuple[tuple[int, ...], ...]:
        out: list[list[int]] = [[] for _ in self.head]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return tuple(map(tuple, out))

    @cached_property
    def lemma(self) -> tuple[str, ...]:
        return _strings(self.strings, self.array, _LEMMA)

    @cached_property
    def lower(self) -> tuple[str, ...]:
        return _strings(self.strings, self.array, _LOWER)

    @cached_property
    def text(self) -> tuple[str, ...]:
        return _strings(self.strings, self.array, _ORTH)

    @cached_property
    def is_punct(self) -> tuple[bool, ...]:
        return tuple(self.array[:, _IS_PUNCT].astype(bool).tolist())

    def sent_start_of(self, i: int) -> int:
        """Index of the first token of the sentence of token ``i`` (``doc[i].sent.start``).

        Raises ValueError like spaCy when the Doc has no sentence boundaries."""
        if not self.has_sents:
            raise ValueError("[E030] Sentence boundaries unset")
        return self.sent_start[i]


# A string's hash is a function of the string alone (spaCy's StringStore relies on it), so the
# hashes met are named once for every Doc; bounded (a few MB), as a stream of documents has no end.
_names: dict[int, str] = {}
_MAX_NAMES = 50_000


def _strings(strings: StringStore, array: np.ndarray, column: int) -> tuple[str, ...]:
    """The strings of a column of hashes (each distinct one looked up once)."""
    keys = array[:, column].tolist()
    names = _names
    try:
        return tuple(map(names.__getitem__, keys))
    except KeyError:
        pass
    if len(names) > _MAX_NAMES:
        names.clear()
    names.update({key: strings[key] for key in set(keys).difference(names)})
    try:
        return tuple(map(names.__getitem__, keys))
    except KeyError:  # another thread emptied the names meanwhile
        return tuple(strings[key] for key in keys)


# Keyed by the Doc itself (weakly: an index goes with its Doc), not kept in ``doc.user_data``,
# which is serialised with the Doc.
_cache: weakref.WeakKeyDictionary[Doc, TokenIndex] = weakref.WeakKeyDictionary()


def _no_doc() -> Doc | None:
    return None


# The Doc asked last and its index, as one tuple (read and replaced whole, so threads never see
# a Doc with another's index): the walks ask tens of thousands of times per pass, mostly of the
# same Doc, and an identity test is cheaper than a weak dictionary's look-up. The Doc is held
# weakly, as in ``_cache``, and its index let go with it.
_last: tuple[weakref.ReferenceType[Doc] | Any, TokenIndex | None] = (_no_doc, None)


def token_index(doc: Doc) -> TokenIndex:
    """The index of ``doc``: the cached one when there is one, else a new one."""
    last_doc, index = _last
    if last_doc() is doc and index is not None:
        return index
    index = _cache.get(doc)
    if index is None:
        index = _cache[doc] = TokenIndex.of(doc)
    _remember(doc, index)
    return index


def _remember(doc: Doc, index: TokenIndex) -> None:
    global _last
    _last = (weakref.ref(doc, _forget), index)


def _forget(dead: weakref.ReferenceType[Doc]) -> None:
    global _last
    if _last[0] is dead:
        _last = (_no_doc, None)


def fresh_index(doc: Doc) -> TokenIndex:
    """The index of ``doc``, checked against its current parse (rebuilt if it changed)."""
    index = _cache.get(doc)
    if (
        index is None
        or len(index.head) != len(doc)
        or not np.array_equal(index.array[:, : len(_PARSE)], doc.to_array(_PARSE))
    ):
        index = _cache[doc] = TokenIndex.of(doc)
    _remember(doc, index)
    return index

"""The words of a Doc as plain tuples for the entity rules, built once per Doc.

spaCy makes a new Token at every ``doc[i]`` and joins a Span's words anew at every
``span.text``: the rules look at a few words around each of the model's entities, so they
read these tuples (and slices of the Doc's text) instead. Forms and tags come from the shared
:func:`token_index`; the lexical flags from each word form's lexeme, read once per form.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from factex.components.entities.tokens import CLOSED_CLASS
from factex.components.extensions import doc_text
from factex.components.token_index import token_index

__all__ = ["CLOSED_CLASS", "Words", "fresh_words", "words"]

# Per word form of a vocabulary (the flags are the lexeme's, as on every Token of it), so a
# Doc's flags cost one dict lookup per word; bounded by a clear when it grows too large.
_LEXEME_FLAGS: dict[str, dict[int, tuple[bool, ...]]] = {}  # by language, then word form
_MAX_FORMS = 200_000
_COLUMNS: list[int | str] = ["IDX", "SENT_START", "ORTH"]


def _flags_of(vocab: Vocab, orth: list[int]) -> list[tuple[bool, ...]]:
    """punct, space, junk, title, lower, upper, like_num, alpha of each word form."""
    known = _LEXEME_FLAGS.setdefault(vocab.lang, {})
    rows = list(map(known.get, orth))  # in C: most forms were seen in earlier Docs
    if None not in rows:
        return rows  # type: ignore[return-value]
    if len(known) > _MAX_FORMS:
        known.clear()
    # filled from this Doc's own rows: another thread may clear the shared table meanwhile
    for i, row in enumerate(rows):
        if row is None:
            o = orth[i]
            row = known.get(o)
            if row is None:
                lexeme = vocab[o]
                punct, space = lexeme.is_punct, lexeme.is_space
                junk = punct or space or lexeme.is_quote or lexeme.is_bracket
                row = known[o] = (
                    punct, space, junk, lexeme.is_title, lexeme.is_lower, lexeme.is_upper,
                    lexeme.like_num, lexeme.is_alpha,
                )  # fmt: skip
            rows[i] = row
    return rows  # type: ignore[return-value]


@dataclass(frozen=True, eq=False)
class Words:
    """Per token of a Doc: forms, tags and the lexical flags the rules read (as on Token)."""

    doc_text: str
    text: tuple[str, ...]
    lower: tuple[str, ...]
    lemma: tuple[str, ...]
    pos: tuple[str, ...]
    idx: Sequence[int]
    punct: Sequence[bool]
    space: Sequence[bool]
    junk: Sequence[bool]  # punctuation, space, quote or bracket: never a name's edge
    title: Sequence[bool]
    low: Sequence[bool]
    upper: Sequence[bool]
    num: Sequence[bool]
    alpha: Sequence[bool]
    sent_start: Sequence[bool]  # ``token.is_sent_start`` is true
    orth: Sequence[int]

    @classmethod
    def of(cls, doc: Doc) -> Words:
        ix = token_index(doc)
        array = doc.to_array(_COLUMNS).reshape(len(doc), len(_COLUMNS))
        orth = array[:, 2].tolist()
        rows = _flags_of(doc.vocab, orth)
        flag: list[tuple[bool, ...]] = list(zip(*rows, strict=True)) or [()] * 8
        idx = array[:, 0].tolist()
        sent_start = (array[:, 1] == 1).tolist()
        punct, space, junk, title, low, upper, num, alpha = flag
        return cls(
            doc_text(doc), ix.text, ix.lower, ix.lemma, ix.pos, idx, punct, space, junk,
            title, low, upper, num, alpha, sent_start, orth,
        )  # fmt: skip

    def slice(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the words and the spaces between them."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


# Keyed by the Doc itself, weakly: the table goes with its Doc.
_cache: weakref.WeakKeyDictionary[Doc, Words] = weakref.WeakKeyDictionary()


def words(doc: Doc) -> Words:
    """The table of ``doc``: the cached one when there is one, else a new one."""
    table = _cache.get(doc)
    if table is None:
        table = _cache[doc] = Words.of(doc)
    return table


def fresh_words(doc: Doc) -> Words:
    """A new table of ``doc`` (the component's start: the Doc may have been parsed again)."""
    table = _cache[doc] = Words.of(doc)
    return table


def is_name_at(w: Words, i: int) -> bool:
    """``tokens.is_name`` of word ``i``."""
    return w.text[i][:1].isupper() and w.pos[i] not in CLOSED_CLASS and not w.punct[i]


def dangling_at(w: Words, i: int) -> bool:
    """A closed-class word left at a name's edge; numbers never are ("CAC 40" with 40/PRON)."""
    return w.pos[i] in CLOSED_CLASS and not w.text[i][:1].isupper() and not w.num[i]


def capitalised_at(w: Words, i: int) -> bool:
    """``tokens.capitalised`` of word ``i``."""
    return w.title[i] or (w.upper[i] and len(w.text[i]) > 1)


def starts_unit_at(w: Words, i: int) -> bool:
    """``tokens.starts_unit`` of word ``i``."""
    if w.sent_start[i] or i == 0:
        return True
    prev = i - 1
    while w.space[prev] and prev > 0:
        if "\n" in w.text[prev]:
            return True
        prev -= 1
    return w.text[prev] in (":", "«", "—", "–", "-", "•", "|", '"', "“")


def counted_at(w: Words, start: int, articles: frozenset[str]) -> bool:
    """A name right after a count is a product: "42 Rafale", "dont 571 A320neo" (not after
    the article of "victime d'un AVC", nor after a year)."""
    if start == 0:
        return False
    prev = start - 1
    if w.lower[prev] in articles:
        return False
    text = w.text[prev]
    return w.num[prev] and not (len(text) == 4 and text[:2] in ("19", "20"))

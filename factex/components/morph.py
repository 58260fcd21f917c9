"""A token's morphological features, each analysis parsed once rather than at every question.

``token.morph.get(field)`` builds a numpy array and looks every feature up in the string store
at each call (about 8 µs, the dearest step of the tense and event walks); a model writes a few
hundred distinct analyses, so each string is parsed once and its fields shared.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc, Token

from factex.components.token_index import TokenIndex, token_index

Features = Mapping[str, tuple[str, ...]]


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """``tuple(token.morph.get(field, []))``: the values of one field, () when absent."""
    return parse_morph(str(token.morph)).get(field, ())


# Keyed by the token index (weakly), as sentence_bounds: a Doc parsed again gets a new index.
_columns: weakref.WeakKeyDictionary[TokenIndex, tuple[Features, ...]] = weakref.WeakKeyDictionary()


def morph_column(doc: Doc, ix: TokenIndex | None = None) -> tuple[Features, ...]:
    """Per token of ``doc``, the fields of its analysis (``parse_morph(str(doc[i].morph))``),
    read in one pass and kept with the Doc's token index ``ix`` (no Token made)."""
    if ix is None:
        ix = token_index(doc)
    column = _columns.get(ix)
    if column is None:
        keys = doc.to_array(["MORPH"]).tolist()
        names = {k: doc.vocab.strings[k] if k else "" for k in set(keys)}
        # the store writes an empty analysis "_" (str(token.morph) gives "")
        column = tuple(parse_morph("" if names[k] == "_" else names[k]) for k in keys)
        _columns[ix] = column
    return column


@lru_cache(maxsize=4096)
def parse_morph(analysis: str) -> Features:
    """The fields of a UD FEATS string, as spaCy writes ``str(token.morph)``.

    >>> dict(parse_morph("Mood=Ind|Tense=Past,Pres|VerbForm=Fin"))
    {'Mood': ('Ind',), 'Tense': ('Past', 'Pres'), 'VerbForm': ('Fin',)}
    >>> dict(parse_morph(""))
    {}
    """
    fields: dict[str, tuple[str, ...]] = {}
    for feature in analysis.split("|") if analysis else ():
        name, _, values = feature.partition("=")
        fields[name] = fields.get(name, ()) + tuple(values.split(","))
    return fields

"""A token's morphological features, each analysis parsed once rather than at every question.

``token.morph.get(field)`` builds a numpy array and looks every feature up in the string store
at each call (about 8 µs, the dearest step of the tense and event walks); a model writes a few
hundred distinct analyses, so each string is parsed once and its fields shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc, Token

from factex.components.token_index import TokenIndex, token_index

Features = Mapping[str, tuple[str, ...]]


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """``tuple(token.morph.get(field, []))``: the values of one field, () when absent."""
    return parse_morph(str(token.morph)).get(field, ())


class MorphColumn:
    """Per token of a Doc, the fields of its analysis (``parse_morph(str(doc[i].morph))``),
    read from the Doc's array of analysis keys; each token's only when asked (most never are).
    """

    def __init__(self, doc: Doc) -> None:
        self._keys: list[int] = doc.to_array(["MORPH"]).tolist()
        self._strings = doc.vocab.strings
        self._parsed: dict[int, Features] = {}

    def __getitem__(self, i: int) -> Features:
        key = self._keys[i]
        found = self._parsed.get(key)
        if found is None:
            name = self._strings[key] if key else ""
            # the store writes an empty analysis "_" (str(token.morph) gives "")
            found = self._parsed[key] = parse_morph("" if name == "_" else name)
        return found


# Kept in the token index's memo, as sentence_bounds: a Doc parsed again gets a new index.
_MEMO_KEY = "morph_column"


def morph_column(doc: Doc, ix: TokenIndex | None = None) -> MorphColumn:
    """The :class:`MorphColumn` of ``doc``, kept with its token index ``ix`` (no Token made)."""
    if ix is None:
        ix = token_index(doc)
    column: MorphColumn | None = ix.memo.get(_MEMO_KEY)
    if column is None:
        column = ix.memo[_MEMO_KEY] = MorphColumn(doc)
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

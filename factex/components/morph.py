"""A token's morphological features, each analysis parsed once rather than at every question.

``token.morph.get(field)`` builds a numpy array and looks every feature up in the string store
at each call (about 8 µs, the dearest step of the tense and event walks); a model writes a few
hundred distinct analyses, so each string is parsed once and its fields shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Token


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """``tuple(token.morph.get(field, []))``: the values of one field, () when absent."""
    return parse_morph(str(token.morph)).get(field, ())


@lru_cache(maxsize=4096)
def parse_morph(analysis: str) -> Mapping[str, tuple[str, ...]]:
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

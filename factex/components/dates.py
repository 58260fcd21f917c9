"""factex_dates: placeholder factory, to be filled in."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factex.components.extensions import register_extensions


class DatesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("factex_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)

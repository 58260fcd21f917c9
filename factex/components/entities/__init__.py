"""factex_entities: the model's PER/ORG/LOC/MISC entities, cleaned, relabelled and canonicalised.

The statistical NER of news models makes a few kinds of mistakes again and again; each has one
fix, driven by ``resources/<lang>/entity_stoplist.json`` and ``entity_gazetteer.json``. The
steps, one module each: :mod:`.repair` (cut, trim, extend or complete each span),
:mod:`.labels` (relabel by the name's words and :mod:`.context`, drop noise), :mod:`.known`
(the gazetteer's names), :mod:`.missed` (names the model missed) and :mod:`.canonical` (one name
for all mentions, set as ``Span._.factex_canonical``); ``doc.ents`` is rewritten.
"""

from __future__ import annotations

from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.entities.canonical import canonicalise
from factex.components.entities.known import KnownNames, known, named
from factex.components.entities.labels import is_noise, propagate_labels
from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.missed import (
    company_word_names,
    designated,
    owner_names,
    prefixed_names,
    repeated_orgs,
)
from factex.components.entities.repair import repaired
from factex.components.entities.tokens import overlay
from factex.components.entities.words import fresh_words
from factex.components.extensions import register_extensions
from factex.components.token_index import fresh_index

__all__ = ["EntityCleaner", "EntityLexicon", "make_entities"]


class EntityCleaner:
    """Cleans ``doc.ents``, sets ``Span._.factex_canonical`` on each; keeps no state per doc."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        lang = lang or str(nlp.lang)
        self.lexicon = EntityLexicon(nlp, lang)
        self.known_names = KnownNames(nlp, lang)

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicon
        fresh_index(doc)  # the Doc may have been parsed again: the tables below read its parse
        text = fresh_words(doc).doc_text
        candidates = list(chain.from_iterable(repaired(lex, ent, text) for ent in doc.ents))
        # Labels first: a name read as ORG elsewhere is no noise even at a sentence start.
        kept = [s for s in propagate_labels(candidates) if not is_noise(lex, s, s.label_)]
        names, markers = self.known_names(doc)
        kept = known(lex, doc, kept, names)
        kept = named(lex, doc, kept, markers)
        doc.ents = self._missed(doc, kept)
        canonicalise(lex, doc)
        return doc

    def _missed(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """``kept`` with the names the model missed, each kind found after the previous ones."""
        lex = self.lexicon
        kept = overlay(kept, designated(lex, doc, kept), replace=False)
        kept = overlay(kept, repeated_orgs(doc, kept), replace=False)
        kept = overlay(kept, company_word_names(lex, doc, kept), replace=False)
        kept = overlay(kept, prefixed_names(lex, doc))
        return overlay(kept, owner_names(lex, doc, kept), replace=False)


@Language.factory(
    "factex_entities",
    assigns=["doc.ents", "span._.factex_canonical"],
    requires=["doc.ents", "token.pos", "token.dep"],
)
def make_entities(nlp: Language, name: str) -> EntityCleaner:
    """Clean the model's entities and give each a canonical name."""
    return EntityCleaner(nlp, name)

"""Known names from the gazetteer, in one case-sensitive PhraseMatcher pass per doc.

World regions and places (LOC), institutions (ORG), indices (MISC), seats of government (ORG
as an agent, LOC otherwise) and companies (ORG, unless a person context says otherwise), and
the markers of persons (titles: "M. Bolloré") and companies (legal forms: "Norvane Inc.").
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from factex import resources
from factex.components.entities.context import company_context, is_agent, person_context
from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.tokens import (
    CLOSED_CLASS,
    SUBJECTS,
    capitalised,
    outside,
    relative_after,
    span_start,
    starts_unit,
)

_REGION, _COMPANY, _INSTITUTION, _SEAT, _MISC_NAME = (
    "REGION",
    "COMPANY",
    "INSTITUTION",
    "SEAT",
    "MISC_NAME",
)
_INDEX = "INDEX_AFTER_ARTICLE"
_MATCH_KEYS = (_REGION, _COMPANY, _INSTITUTION, _SEAT, _MISC_NAME, _INDEX)
_TITLE, _LEGAL = "TITLE", "LEGAL"

#: (kind, start, end) of a title or a legal form found by the matcher
Marker = tuple[str, int, int]


class KnownNames:
    """The gazetteer's names and markers as one PhraseMatcher (read-only once built)."""

    def __init__(self, nlp: Language, lang: str) -> None:
        gazetteer: dict[str, Any] = resources.load(lang, "entity_gazetteer")
        # Regions the model misses or cuts short ("Europe" of "Europe centrale") are added
        # from the gazetteer, in both apostrophe styles.
        names = set(gazetteer["regions"])
        names.update(
            f"{head} {qualifier}"
            for head in gazetteer["region_heads"]
            for qualifier in gazetteer["region_qualifiers"]
        )
        names.update(gazetteer["places"])
        # Case-sensitive: "Orange" the operator is capitalised, "orange" the colour is not.
        self.matcher = PhraseMatcher(nlp.vocab)
        for key, words in (
            (_REGION, names),
            (_COMPANY, gazetteer["companies"]),
            (_INSTITUTION, gazetteer["institutions"]),
            (_SEAT, gazetteer["seats"]),
            (_MISC_NAME, gazetteer["misc_names"]),
            (_INDEX, gazetteer["misc_names_after_article"]),
        ):
            variants = set(words) | {n.replace("'", "’") for n in words}
            self.matcher.add(key, [nlp.make_doc(n) for n in sorted(variants)])
        self.keys = {nlp.vocab.strings[k]: k for k in _MATCH_KEYS}
        # "M. Bolloré", "Mme Bettencourt Meyers": a title before capitalised words is a person;
        # a capitalised name before a legal form ("Norvane Inc.", "Verdane SAS") is a company.
        # Both markers are found in the same pass, the names around them after.
        self.matcher.add(_TITLE, [nlp.make_doc(t) for t in gazetteer["titles"]])
        self.matcher.add(_LEGAL, [nlp.make_doc(t) for t in gazetteer["legal_forms"]])
        self.keys.update({nlp.vocab.strings[k]: k for k in (_TITLE, _LEGAL)})

    def __call__(self, doc: Doc) -> tuple[list[Span], list[Marker]]:
        """The known names (labelled by their kind) and the title and legal-form markers."""
        names: list[Span] = []
        markers: list[Marker] = []
        for key, start, end in self.matcher(doc):
            kind = self.keys[key]
            if kind in (_TITLE, _LEGAL):
                markers.append((kind, start, end))
            else:
                names.append(Span(doc, start, end, label=kind))
        return names, markers


def known(lex: EntityLexicon, doc: Doc, kept: list[Span], matches: list[Span]) -> list[Span]:
    """Regions, places, institutions, indices and companies from the gazetteer.

    A known name wins over the model's span when that span holds nothing more than the name
    ("Oréal" -> "L'Oréal", "Conseil" -> "Conseil constitutionnel"); a longer span of the
    model ("Bouygues Telecom", "Martin Bouygues") is left to the model.
    """
    if not matches:
        return kept
    out = kept
    for match in filter_spans(matches):
        kind = match.label_
        clash = [s for s in out if s.start < match.end and match.start < s.end]
        if kind == _REGION:
            label: str | None = "LOC"
        elif kind == _INSTITUTION:
            label = "ORG"
        elif kind == _MISC_NAME:
            label = "MISC"
        elif kind == _INDEX:
            # "le Dax" is the index, "à Dax" the town.
            article = match.start > 0 and doc[match.start - 1].lower_ in lex.index_articles
            label = "MISC" if article else None
        elif kind == _SEAT:
            label = "ORG" if is_agent(lex, match) else "LOC"
        else:
            out = _products(lex, match, clash, out)
            label = _company_label(lex, match, clash)
        if label is None or any(outside(s, match) for s in clash):
            continue
        out = [s for s in out if s not in clash]
        if label:  # "" drops the model's span
            out = sorted([*out, Span(doc, match.start, match.end, label=label)], key=span_start)
    return out


def _products(lex: EntityLexicon, match: Span, clash: list[Span], spans: list[Span]) -> list[Span]:
    """A company's name followed by a model name is a product: "la Peugeot 3008",
    "la Renault Clio", "Airbus A350" (but "Bouygues Telecom", "Dassault Aviation")."""
    for span in clash:
        if span.start != match.start or span.end <= match.end or span.label_ == "MISC":
            continue
        rest = span.doc[match.end : span.end]
        if any(t.like_num or any(ch.isdigit() for ch in t.text) for t in rest) or (
            len(rest) == 1
            and rest[0].text not in lex.org_last
            and match.start > 0
            and span.doc[match.start - 1].lower_ in lex.product_determiners
        ):
            product = Span(span.doc, span.start, span.end, label="MISC")
            spans = [product if s is span else s for s in spans]
    return spans


def _company_label(lex: EntityLexicon, match: Span, clash: list[Span]) -> str | None:
    """ORG for a known company's name, None when it is a person's or an ordinary word."""
    if person_context(lex, match):
        return None
    if any(s.label_ == "PER" and len(s) > len(match) for s in clash):
        return None
    if match.text not in lex.common_companies:
        return "ORG"
    # "Orange" the town, "au total": only where the text speaks of a company.
    if company_context(lex, match):
        return "ORG"
    if not any(s.label_ == "ORG" for s in clash):
        return None
    # "Total, la facture s'élève à...": a sentence-initial word the model took for the firm;
    # "Carrefour, qui a racheté...": a relative clause describes a name, not a word.
    if starts_unit(match[0]) and match.root.dep_ not in SUBJECTS and not relative_after(match):
        return ""
    return "ORG"


def named(
    lex: EntityLexicon, doc: Doc, kept: list[Span], markers: list[tuple[str, int, int]]
) -> list[Span]:
    """Persons after a title ("M. Bolloré") and companies before a legal form ("Norvane
    Inc."): added where the model missed them, relabelled where it read them otherwise."""
    out = kept
    for kind, start, end in markers:
        if kind == _TITLE:
            first = last = end
            while last < len(doc) and capitalised(doc[last]):
                last += 1
            label, reach = "PER", start  # the model's span may hold the title
        else:
            first, last = start, end
            while (
                first > 0
                and capitalised(doc[first - 1])
                and doc[first - 1].pos_ not in CLOSED_CLASS
            ):
                first -= 1
            # "Inc." may come out as "Inc" + ".": the dot belongs to the name.
            if last < len(doc) and doc[last].text == "." and doc[last - 1].text.isalpha():
                last += 1
            label, reach = "ORG", first
        if first == last or (kind == _LEGAL and first == start):
            continue
        new = Span(doc, first, last, label=label)
        clash = [s for s in out if s.start < new.end and new.start < s.end]
        if any(s.start < reach or s.end > new.end for s in clash):
            continue
        out = sorted([s for s in out if s not in clash] + [new], key=span_start)
    return out

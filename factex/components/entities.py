"""factex_entities: the model's PER/ORG/LOC/MISC entities, cleaned, relabelled and canonicalised.

The statistical NER of news models makes a few kinds of mistakes again and again; each has one
fix here, driven by data in ``resources/<lang>/entity_stoplist.json`` and
``entity_gazetteer.json``:

- spans across a paragraph break ("Afrique\\n\\nExploitant"): cut at the break;
- edge punctuation, quotes, dangling articles or prepositions ("centre des"): trimmed;
- page furniture and common nouns read as names ("Lecture", "Image", lowercase "cloud",
  a title's first word capitalised only by its position): dropped;
- organisations read as MISC/PER/LOC: a designator before or in apposition ("groupe Bolloré",
  "une filiale, Blue Solutions"), or a company word ("... Solutions", "Banque ...");
- world regions read as MISC ("Moyen-Orient"): LOC from a gazetteer.

Each kept entity gets ``Span._.factex_canonical``; ``doc.ents`` is rewritten with them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import register_extensions
from factex.normalize.names import (
    ARTICLES,
    name_key,
    normalize_name,
    pick_display,
    resolve_surnames,
    strip_leading,
)

LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
_CLOSED_CLASS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART"})
_APPOSITION = frozenset({"appos", "nmod", "flat:name", "flat", "compound"})


class EntityCleaner:
    """Cleans ``doc.ents`` and sets ``Span._.factex_canonical`` on each entity."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        lang = lang or nlp.lang
        stoplist: dict[str, Any] = resources.load(lang, "entity_stoplist")
        gazetteer: dict[str, Any] = resources.load(lang, "entity_gazetteer")
        self.furniture = frozenset(name_key(w) for w in stoplist["furniture"])
        self.regions = frozenset(name_key(w) for w in gazetteer["regions"])
        self.region_heads = frozenset(name_key(w) for w in gazetteer["region_heads"])
        self.region_qualifiers = tuple(name_key(w) for w in gazetteer["region_qualifiers"])
        self.designators = frozenset(name_key(w) for w in gazetteer["org_designators"])
        self.org_last = frozenset(gazetteer["org_words"]["last"])
        self.org_first = frozenset(gazetteer["org_words"]["first"])
        self.titles = tuple(gazetteer["titles"])
        self.strip_words = (*ARTICLES, *self.designators, *self.titles)

    def __call__(self, doc: Doc) -> Doc:
        kept: list[Span] = []
        for ent in doc.ents:
            span = self._trim(ent)
            if span is None:
                continue
            label = self._relabel(span, ent.label_)
            if not self._is_noise(span, label):
                kept.append(Span(doc, span.start, span.end, label=label))
        kept = _propagate_labels(kept)
        doc.ents = kept
        self._canonicalise(doc)
        return doc

    # -- cleaning --------------------------------------------------------------------------
    def _trim(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        # A paragraph or line break ends a name: keep the part the model started with.
        for token in ent:
            if token.is_space and "\n" in token.text:
                end = token.i
                break
        while start < end and _edge_junk(doc[start]):
            start += 1
        while end > start and (_edge_junk(doc[end - 1]) or _dangling(doc[end - 1])):
            end -= 1
        # Lowercase words before the name ("carte SD", "tournoi de Wimbledon") are not part
        # of it, as long as a capitalised word remains.
        while end - start > 1 and not doc[start].text[:1].isupper() and _has_capital(
            doc[start + 1 : end]
        ):
            start += 1
            while start < end and _dangling(doc[start]):
                start += 1
        if start >= end:
            return None
        return doc[start:end]

    def _is_noise(self, span: Span, label: str) -> bool:
        text = span.text
        if not any(ch.isupper() for ch in text):
            return True
        if sum(ch.isalnum() for ch in text) < 2:
            return True
        if name_key(text) in self.furniture:
            return True
        # A MISC whose only capital comes from its position (start of a sentence, a title, after
        # a colon) and that the tagger does not see as a proper noun is a common noun phrase.
        if label == "MISC" and _starts_unit(span[0]):
            capitals = sum(ch.isupper() for ch in text)
            if capitals == 1 and not any(t.pos_ == "PROPN" for t in span):
                return True
        return False

    # -- labels ----------------------------------------------------------------------------
    def _relabel(self, span: Span, label: str) -> str:
        key = name_key(span.text)
        if key in self.regions or self._is_region_phrase(key):
            return "LOC"
        words = span.text.split()
        if len(words) > 1 and (words[-1] in self.org_last or words[0] in self.org_first):
            return "ORG"
        if label == "ORG":
            return label
        # "groupe Bolloré" is the company even when the model reads the surname as a person;
        # "Vincent Bolloré" (two words) stays a person.
        may_flip = label == "MISC" or (label == "PER" and len(span) == 1) or (
            label == "LOC" and len(span) > 1
        )
        if may_flip and self._has_designator(span):
            return "ORG"
        return label

    def _is_region_phrase(self, key: str) -> bool:
        head, _, rest = key.partition(" ")
        return head in self.region_heads and rest in self.region_qualifiers

    def _has_designator(self, span: Span) -> bool:
        doc = span.doc
        i = span.start - 1
        # Adjectives may sit between: "le géant chinois Alibaba", "le groupe français Bolloré".
        skipped = 0
        while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and skipped < 2:
            i -= 1
            skipped += 1
        if i >= 0 and self._is_designator(doc[i]):
            return True
        # Apposition or coordination: "une filiale du groupe, Blue Solutions",
        # "les groupes Alibaba et Bolloré".
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        head = root.head
        return head.i != root.i and root.dep_ in _APPOSITION and self._is_designator(head)

    def _is_designator(self, token: Token) -> bool:
        if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower:
            return False
        return token.lemma_.casefold() in self.designators or token.lower_ in self.designators

    # -- canonical names -------------------------------------------------------------------
    def _canonicalise(self, doc: Doc) -> None:
        forms: dict[tuple[str, str], list[str]] = defaultdict(list)
        keys: list[tuple[str, str]] = []
        for ent in doc.ents:
            form = strip_leading(normalize_name(ent.text), self.strip_words)
            key = (ent.label_, form.casefold())
            forms[key].append(form)
            keys.append(key)
        display = {key: pick_display(values) for key, values in forms.items()}
        full_people = [display[k] for k in display if k[0] == "PER" and " " in k[1]]
        for ent, key in zip(doc.ents, keys, strict=True):
            name = display[key]
            if key[0] == "PER" and " " not in key[1]:
                name = resolve_surnames(full_people, name) or name
            ent._.factex_canonical = name


def _edge_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.is_quote or token.is_bracket


def _dangling(token: Token) -> bool:
    return token.pos_ in _CLOSED_CLASS and not token.text[:1].isupper()


def _has_capital(span: Span) -> bool:
    return any(t.text[:1].isupper() for t in span)


def _starts_unit(token: Token) -> bool:
    """True when the token's capital may come from its position alone."""
    if token.is_sent_start or token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    while prev.is_space and prev.i > 0:
        if "\n" in prev.text:
            return True
        prev = token.doc[prev.i - 1]
    return prev.text in (":", "«", "—", "–", "-", "•", "|", '"', "“")


def _propagate_labels(spans: list[Span]) -> list[Span]:
    """A MISC mention takes the label the same name has elsewhere in the text."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if span.label_ != "MISC":
            votes[name_key(span.text)][span.label_] += 1
    out = []
    for span in spans:
        vote = votes.get(name_key(span.text)) if span.label_ == "MISC" else None
        if vote:
            label = vote.most_common(1)[0][0]
            span = Span(span.doc, span.start, span.end, label=label)
        out.append(span)
    return out


@Language.factory(
    "factex_entities",
    assigns=["doc.ents", "span._.factex_canonical"],
    requires=["doc.ents", "token.pos", "token.dep"],
)
def make_entities(nlp: Language, name: str) -> EntityCleaner:
    """Clean the model's entities and give each a canonical name."""
    return EntityCleaner(nlp, name)

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

import re
from collections import Counter, defaultdict
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
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
        self.codes = tuple(re.compile(pattern) for pattern in stoplist["patterns"])
        self.functions = tuple(sorted((name_key(w) for w in stoplist["functions"]), key=len))
        # One set lookup and one C-level startswith instead of a Python loop per entity.
        self._function_set = frozenset(self.functions)
        self._function_prefixes = tuple(f + " " for f in self.functions)
        self.regions = frozenset(name_key(w) for w in gazetteer["regions"])
        self.region_heads = frozenset(name_key(w) for w in gazetteer["region_heads"])
        self.region_qualifiers = tuple(name_key(w) for w in gazetteer["region_qualifiers"])
        self.designators = frozenset(name_key(w) for w in gazetteer["org_designators"])
        self.org_last = frozenset(gazetteer["org_words"]["last"])
        self.org_first = frozenset(gazetteer["org_words"]["first"])
        self.titles = tuple(gazetteer["titles"])
        self.particles = frozenset(gazetteer["name_particles"])
        self.strip_words = (*ARTICLES, *self.designators, *self.titles)
        # Regions the model misses or cuts short ("Europe" of "Europe centrale") are added
        # from the gazetteer, in both apostrophe styles.
        names = set(gazetteer["regions"])
        names.update(
            f"{head} {qualifier}"
            for head in gazetteer["region_heads"]
            for qualifier in gazetteer["region_qualifiers"]
        )
        self.region_matcher = PhraseMatcher(nlp.vocab)
        variants = names | {n.replace("'", "’") for n in names}
        self.region_matcher.add("LOC", [nlp.make_doc(n) for n in sorted(variants)])

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Span] = []
        for ent in doc.ents:
            for piece in self._pieces(ent):
                span = self._trim(doc, *piece)
                if span is None:
                    continue
                span = self._extend_org(span)
                label = self._relabel(span, ent.label_)
                if label == "PER":
                    span = self._cut_person(span)
                candidates.append(Span(doc, span.start, span.end, label=label))
        # Labels first: a name read as ORG elsewhere is no noise even at a sentence start.
        kept = [s for s in _propagate_labels(candidates) if not self._is_noise(s, s.label_)]
        kept = _overlay(kept, self._regions(doc))
        kept = _overlay(kept, self._designated(doc, kept), replace=False)
        kept = _overlay(kept, _repeated_orgs(doc, kept), replace=False)
        doc.ents = kept
        self._canonicalise(doc)
        return doc

    def _regions(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label="LOC") for _, start, end in self.region_matcher(doc)]

    def _designated(self, doc: Doc, known: list[Span]) -> list[Span]:
        """Names the model missed right after a designator: "le groupe Pinault"."""
        taken = {i for span in known for i in range(span.start, span.end)}
        found: list[Span] = []
        for token in doc:
            if token.i in taken or not _is_name(token) or token.i == 0 or token.is_sent_start:
                continue
            if found and found[-1].end == token.i:
                continue
            if not self._is_designator_before(doc, token.i):
                continue
            end = token.i + 1
            while end < len(doc) and end not in taken and _is_name(doc[end]):
                end += 1
            found.append(Span(doc, token.i, end, label="ORG"))
        return found

    # -- cleaning --------------------------------------------------------------------------
    def _pieces(self, ent: Span) -> list[tuple[int, int]]:
        """A line break ends a name: the first piece that holds a proper noun and is no page
        furniture ("Afrique\n\nExploitant" is Afrique, "Commentaires\n\nFrançois Pinault" the
        name); without one, the first piece. The tagger's PROPN is too loose on the word
        starting a paragraph to keep later pieces as names of their own.
        """
        breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
        if not breaks:
            return [(ent.start, ent.end)]
        pieces = zip([ent.start, *(b + 1 for b in breaks)], [*breaks, ent.end], strict=True)
        kept = [(a, b) for a, b in pieces if b > a]
        named = [
            (a, b)
            for a, b in kept
            if any(t.pos_ == "PROPN" for t in ent.doc[a:b])
            and name_key(ent.doc[a:b].text) not in self.furniture
        ]
        return (named or kept)[:1]

    def _trim(self, doc: Doc, start: int, end: int) -> Span | None:
        while start < end and _edge_junk(doc[start]):
            start += 1
        while end > start and (_edge_junk(doc[end - 1]) or _dangling(doc[end - 1])):
            end -= 1
        # Lowercase words right before the name ("carte SD", "gouvernement Papadimos") are not
        # part of it; "ministère de l'Intérieur", "accords d'Évian" are names as a whole.
        while (
            end - start > 1
            and not doc[start].text[:1].isupper()
            and not _dangling(doc[start + 1])
            and _has_capital(doc[start + 1 : end])
        ):
            start += 1
        if start >= end:
            return None
        return doc[start:end]

    def _cut_person(self, span: Span) -> Span:
        """A person's name holds capitalised words and particles only: "Lucie Castets pour
        Matignon" is Lucie Castets."""
        for token in span[1:]:
            if token.is_lower and token.lower_ not in self.particles:
                end = token.i
                while end > span.start + 1 and span.doc[end - 1].lower_ in self.particles:
                    end -= 1
                return span.doc[span.start : end]
        return span

    def _extend_org(self, span: Span) -> Span:
        """Take in a company word the model left out: "Toyota Motor" + "Corporation"."""
        doc = span.doc
        end = span.end
        while end < len(doc) and doc[end].text in self.org_last and end - span.end < 2:
            end += 1
        return doc[span.start : end] if end > span.end else span

    def _is_noise(self, span: Span, label: str) -> bool:
        text = span.text
        if not any(ch.isupper() for ch in text):
            return True
        if sum(ch.isalnum() for ch in text) < 2:
            return True
        key = name_key(text)
        if key in self.furniture or any(code.match(text) for code in self.codes):
            return True
        functions, prefixes = self._function_set, self._function_prefixes
        if label != "LOC" and (key in functions or key.startswith(prefixes)):
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
        may_flip = label in ("MISC", "LOC") or (label == "PER" and len(span) == 1)
        if may_flip and self._has_designator(span, label):
            return "ORG"
        return label

    def _is_region_phrase(self, key: str) -> bool:
        head, _, rest = key.partition(" ")
        return head in self.region_heads and rest in self.region_qualifiers

    def _has_designator(self, span: Span, label: str) -> bool:
        if self._is_designator_before(span.doc, span.start):
            return True
        if label == "LOC":
            return False  # "le groupe Bolloré à Conakry": places hang on companies too
        # Apposition or coordination: "une filiale du groupe, Blue Solutions",
        # "les groupes Alibaba et Bolloré".
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        head = root.head
        if head.i == root.i or root.dep_ not in _APPOSITION or not self._is_designator(head):
            return False
        # A complement with a preposition ("à Conakry") is not an apposition.
        return not any(c.dep_ == "case" for c in root.children)

    def _is_designator_before(self, doc: Doc, i: int) -> bool:
        """A designator ends right before token ``i``, adjectives allowed between."""
        i -= 1
        # "le géant chinois Alibaba", "le groupe français Bolloré".
        skipped = 0
        while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and skipped < 2:
            i -= 1
            skipped += 1
        if i < 0:
            return False
        if self._is_designator(doc[i]):
            return True
        # Designators cut into tokens: "start-up", "jeune pousse".
        for k in (2, 1):
            if i - k >= 0 and doc[i - k : i + 1].text.casefold() in self.designators:
                return True
        return False

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


def _repeated_orgs(doc: Doc, known: list[Span]) -> list[Span]:
    """Later mentions of an organisation the model found elsewhere in the doc but missed here.

    Only a whole, stand-alone name counts: a capitalised token sequence equal to a known ORG,
    with no name just before or after it ("Vincent Bolloré" stays a person's name).
    """
    names: dict[str, list[tuple[str, ...]]] = {}
    for span in known:
        if span.label_ == "ORG" and span.text[:1].isupper():
            names.setdefault(span[0].text, []).append(tuple(t.text for t in span))
    if not names:
        return []
    taken = {i for span in known for i in range(span.start, span.end)}
    found: list[Span] = []
    for token in doc:
        for words in names.get(token.text, ()):
            end = token.i + len(words)
            if end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if tuple(t.text for t in doc[token.i : end]) != words:
                continue
            if (token.i > 0 and _is_name(doc[token.i - 1])) or (
                end < len(doc) and _is_name(doc[end])
            ):
                continue
            found.append(Span(doc, token.i, end, label="ORG"))
            taken.update(range(token.i, end))
            break
    return found


def _is_name(token: Token) -> bool:
    # Tagger POS is unreliable on unknown names ("Fayat" NOUN): the capital decides.
    return token.text[:1].isupper() and token.pos_ not in _CLOSED_CLASS and not token.is_punct


def _overlay(spans: list[Span], extra: list[Span], replace: bool = True) -> list[Span]:
    """Add ``extra`` spans; with ``replace`` they win over the spans they overlap."""
    if not extra:
        return spans
    out = list(spans)
    for new in extra:
        clash = [s for s in out if s.start < new.end and new.start < s.end]
        if clash and not replace:
            continue
        if any(_outside(s, new) for s in clash):
            continue  # a longer name contains the region: "Banque d'Afrique de l'Ouest"
        out = [s for s in out if s not in clash] + [new]
    return sorted(out, key=lambda s: s.start)


def _outside(span: Span, inner: Span) -> bool:
    """True when ``span`` has words beyond ``inner`` other than articles ("Le Proche-Orient")."""
    return any(
        not (inner.start <= t.i < inner.end) and t.pos_ not in ("DET", "PUNCT", "SPACE")
        for t in span
    )


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

"""Labels of the model's entities: relabelling by the name's words and its context, noise."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Span

from factex.components.entities.context import (
    company_context,
    designator_after,
    full_name_in,
    has_designator,
    is_designator_before,
    is_team,
    owned,
    owner_before,
    seller,
    strong_subject,
)
from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.words import Words, counted_at, starts_unit_at, words
from factex.normalize.names import name_key


def relabel(lex: EntityLexicon, span: Span, label: str) -> str:
    """The label of a kept span: from its own words, then from its context in the sentence."""
    w = words(span.doc)
    from_words = lex.label_from_words(w.slice(span.start, span.end))
    if from_words is not None:
        return from_words
    if label != "PER" and span.start > 0 and w.lower[span.start - 1] in lex.person_designators:
        return "PER"  # "la famille Mulliez"
    if label != "MISC" and _is_misc(lex, w, span, label):
        return "MISC"
    if label == "ORG":
        return label
    if label in ("LOC", "MISC") and is_team(lex, span):
        return "ORG"
    if label == "MISC" and _is_company_misc(lex, w, span):
        return "ORG"
    return "ORG" if _acts_as_company(lex, w, span, label) else label


def _acts_as_company(lex: EntityLexicon, w: Words, span: Span, label: str) -> bool:
    """A LOC, PER or MISC that the sentence shows acting as a company."""
    # A name the model has never seen (no vector) that acts as a company is one: "Korelis a
    # publié son chiffre d'affaires", "le PDG de Brevane". Known places and people keep
    # their label: "Lyon a investi", "Niel a racheté".
    vectors = span.doc.vocab.vectors  # as ``token.is_oov``, without a Token per word
    orths = w.orth[span.start : span.end]
    unknown = label in ("LOC", "PER") and all(o not in vectors for o in orths)
    if unknown and company_context(lex, span, subject=label == "LOC"):
        return True
    if label in ("LOC", "PER") and owner_before(lex, span, unknown):
        return True
    # A lone surname that no full name in the text explains, acting as only a company
    # acts: "Fontanel emploie 2 000 personnes", "X a investi 380 millions dans une usine".
    one_per = label == "PER" and len(span) == 1
    if (
        (one_per or label in ("LOC", "MISC"))
        and designator_after(lex, span)
        and (label != "PER" or not full_name_in(lex, span))
    ):
        return True
    if one_per and (strong_subject(lex, span) or seller(lex, span)) and not full_name_in(lex, span):
        return True
    # A bare one-word place (no article, no known region) that opens shops or invests in
    # a factory: "Mauboussin a ouvert 15 boutiques" ("Lyon a investi dans le tramway" stays).
    if (
        label == "LOC"
        and len(span) == 1
        and (span.start == 0 or w.pos[span.start - 1] != "DET")
        and name_key(w.slice(span.start, span.end)) not in lex.regions
        and strong_subject(lex, span, objects_only=True)
    ):
        return True
    # People have no turnover, shareholders or customers: "le chiffre d'affaires de
    # Boulanger", "les clients de Darty" (a lone surname only: "Vincent Bolloré" stays).
    if label == "PER" and len(span) == 1 and owned(lex, span):
        return True
    # "groupe Bolloré" is the company even when the model reads the surname as a person;
    # "Vincent Bolloré" (two words) stays a person.
    may_flip = label in ("MISC", "LOC") or (label == "PER" and len(span) == 1)
    return may_flip and has_designator(lex, span, label)


def _is_misc(lex: EntityLexicon, w: Words, span: Span, label: str) -> bool:
    """ "le salon VivaTech", "l'indice X", "571 A320neo", "60 A350", "les Européens"."""
    if label != "PER" and is_designator_before(lex, w, span.start, lex.misc_designators):
        return True
    # "le tournoi de Roland-Garros": an event named after a place, not a person.
    if (
        label == "PER"
        and span.start >= 2
        and w.lower[span.start - 1] in lex.genitive
        and w.lemma[span.start - 2] in lex.misc_designators
    ):
        return True
    text = w.slice(span.start, span.end)
    countable = label == "ORG" or (label == "LOC" and any(c.isdigit() for c in text))
    if countable and counted_at(w, span.start, lex.count_articles):
        return True
    # A people, not a place: plural demonyms after a plural determiner.
    return (
        len(span) == 1
        and span.start > 0
        and w.lower[span.start - 1] in lex.plural_determiners
        and lex.demonym.search(text) is not None
    )


def _is_company_misc(lex: EntityLexicon, w: Words, span: Span) -> bool:
    """A MISC that acts as a company ("Publicis a relevé sa prévision"); not a people
    ("les Européens ont investi")."""
    if span.start > 0 and w.lower[span.start - 1] in lex.plural_determiners:
        return False
    return company_context(lex, span)


def whole_label(lex: EntityLexicon, span: Span, label: str) -> str:
    """A cut name made whole keeps a person's label; otherwise it is a place when its
    first word says so ("Pays de la Loire"), an organisation if not ("Maisons du Monde")."""
    label = relabel(lex, span, label)
    if label in ("PER", "MISC", "ORG"):
        return label
    return "LOC" if words(span.doc).text[span.start] in lex.genitive_place_words else "ORG"


def is_noise(lex: EntityLexicon, span: Span, label: str) -> bool:
    """No name: by its text alone (see ``NameWords.is_noise_text``), or a common noun phrase."""
    w = words(span.doc)
    text = w.slice(span.start, span.end)
    if lex.is_noise_text(text, label):
        return True
    # A MISC whose only capital comes from its position (start of a sentence, a title, after
    # a colon) and that the tagger does not see as a proper noun is a common noun phrase.
    if label == "MISC" and starts_unit_at(w, span.start):
        capitals = sum(ch.isupper() for ch in text)
        if capitals == 1 and "PROPN" not in w.pos[span.start : span.end]:
            return True
    return False


def propagate_labels(spans: list[Span]) -> list[Span]:
    """A MISC mention takes the label the same name has elsewhere in the text."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    # each span's label and key read once: span.text makes a Token per word at each read
    if not spans:
        return spans
    w = words(spans[0].doc)  # the spans of one Doc
    labels = [span.label_ for span in spans]
    keys = [name_key(w.slice(span.start, span.end)) for span in spans]
    for key, label in zip(keys, labels, strict=True):
        if label != "MISC":
            votes[key][label] += 1
    out = []
    for span, key, label in zip(spans, keys, labels, strict=True):
        vote = votes.get(key) if label == "MISC" else None
        if vote:
            span = Span(span.doc, span.start, span.end, label=vote.most_common(1)[0][0])
        out.append(span)
    return out

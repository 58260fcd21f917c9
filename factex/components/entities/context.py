"""What the sentence says of a name: the parse and the words around it.

A company context (subject of a business verb, complement of a business noun, a designator
before or in apposition), a person context (a title, a first name, "la famille"), a club, an
agent: predicates read by the relabelling rules, each on one span.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.tokens import (
    APPOSITION,
    SUBJECTS,
    has_mark,
    is_name,
    is_object,
    starts_unit,
)
from factex.components.entities.words import Words, words
from factex.normalize.name_words import last_words


def person_context(lex: EntityLexicon, span: Span) -> bool:
    """A title, a first name or "la famille" before the name: "M. Dassault",
    "Martin Bouygues", "Léonard de Vinci", "la famille Peugeot"; or a name after it."""
    doc = span.doc
    if span.end < len(doc) and is_name(doc[span.end]) and doc[span.end].pos_ == "PROPN":
        return True
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.text in lex.title_set or prev.lower_ in lex.person_designators:
        return True
    if prev.lower_ in lex.particles and span.start > 1:
        prev = doc[span.start - 2]
    return is_name(prev) and (prev.pos_ == "PROPN" or not starts_unit(prev))


def company_context(lex: EntityLexicon, span: Span, subject: bool = True) -> bool:
    """The sentence speaks of ``span`` as a company: subject of a business verb ("a racheté",
    "emploie") or of a verb with a business object ("a publié ses résultats"), complement
    of a business noun ("le chiffre d'affaires de X", "le PDG de X"), "X, cotée à Paris",
    or a designator before it ("le groupe X")."""
    if is_designator_before(lex, words(span.doc), span.start):
        return True
    root = span.root
    if any(c.lower_ in lex.listed for c in root.children):
        return True
    doc = span.doc  # "X, cotée à Paris" (the parser often hangs "cotée" elsewhere)
    if (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].lower_ in lex.listed
    ):
        return True
    if seller(lex, span):
        return True
    head = root.head
    if root.dep_ in SUBJECTS:
        if not subject:
            return False
        # "prévoit d'investir": the infinitive after "de" counts, "le plus vendu" does not.
        verbs = [head, *(c for c in head.children if c.dep_ == "xcomp" and has_mark(c))]
        for verb in verbs:
            if verb.lemma_ in lex.business_verbs:
                return True
            if any(c.dep_ == "obj" and c.lemma_ in lex.business_objects for c in verb.children):
                return True
        return False
    return head.i != root.i and root.dep_ in APPOSITION and head.lemma_ in lex.business_heads


def owner_before(lex: EntityLexicon, span: Span, unknown: bool) -> bool:
    """ "le conseil d'administration de X", "les actionnaires de X" (any LOC, a lone PER);
    "l'usine de X", "les magasins de X" only for a name the model does not know."""
    if span.label_ == "PER" and len(span) > 1 and not unknown:
        return False
    w = words(span.doc)
    if not genitive_before(lex, w, span.start):
        return False
    # A few words before, not doc.text: that joins the whole document on every call.
    before = w.slice(max(0, span.start - 8), span.start)
    if lex.owner_before.search(before):
        return span.label_ != "PER" or len(span) == 1 or unknown
    return unknown and lex.place_like_before.search(before) is not None


def full_name_in(lex: EntityLexicon, span: Span) -> bool:
    """The surname is part of a full name elsewhere ("Xavier Niel ... Niel a racheté")."""
    word = span.text
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in lex.title_set:
        return True
    return any(
        e.label_ == "PER" and len(e) > 1 and any(t.text == word for t in e) for e in doc.ents
    )


def designator_after(lex: EntityLexicon, span: Span) -> bool:
    """ "Fontanel, leader de la charcuterie, ...", "X, filiale de Y": a designator in
    apposition. A word that also describes people ("leader", "champion") needs a
    complement that is no political or human group ("leader de l'opposition")."""
    w = words(span.doc)
    n = len(w.text)
    i = span.end
    if i + 1 >= n or w.text[i] != ",":
        return False
    i += 1
    while i < n and w.pos[i] == "DET":
        i += 1
    if i >= n:
        return False
    word = i
    two = w.slice(i, min(i + 2, n)).casefold()
    if two in lex.designators:
        i += 1
    elif not w.low[word] or w.lower[word] not in lex.designators:
        return False  # the tagger reads some as verbs: "leader/VERB de la charcuterie"
    if w.lower[word] not in lex.ambiguous_designators and two not in lex.ambiguous_designators:
        return True
    for k in range(i + 1, min(i + 5, n)):
        if w.lemma[k] in lex.person_complements or w.lower[k] in lex.person_complements:
            return False
        if w.pos[k] in ("ADP", "DET", "ADJ") or w.punct[k]:
            continue
        # "leader de LFI": the complement is a name, the span a person.
        return not w.text[k][:1].isupper()
    return True


def strong_subject(lex: EntityLexicon, span: Span, objects_only: bool = False) -> bool:
    """Subject of a verb only a company has ("emploie", "a racheté"), or of a business
    verb with an object only a company has ("a investi ... dans une usine")."""
    root = span.root
    if root.dep_ not in SUBJECTS:
        return False
    head = root.head
    for verb in (head, *(c for c in head.children if c.dep_ == "xcomp" and has_mark(c))):
        if verb.lemma_ in lex.strong_verbs and not objects_only:
            return True
        if verb.lemma_ in lex.business_verbs and any(
            (c.dep_ == "obj" or c.dep_.startswith("obl")) and c.lemma_ in lex.strong_objects
            for c in verb.children
        ):
            return True
    return False


def seller(lex: EntityLexicon, span: Span) -> bool:
    """The other party of a sale: "a racheté 45 magasins à Casino"."""
    root = span.root
    verb = root.head
    if not root.dep_.startswith("obl") or verb.lemma_ not in lex.seller_verbs:
        return False
    if not any(c.dep_ == "case" and c.lower_ in lex.seller_markers for c in root.children):
        return False
    return any(c.dep_ == "obj" and c.lemma_ in lex.strong_objects for c in verb.children)


def owned(lex: EntityLexicon, span: Span) -> bool:
    root = span.root
    head = root.head
    return head.i != root.i and root.dep_ == "nmod" and head.lemma_ in lex.owner_heads


def is_agent(lex: EntityLexicon, span: Span) -> bool:
    """An agent is the institution, not the place: "prévus par Bercy", "selon Bercy"."""
    root = span.root
    if root.dep_ in SUBJECTS or root.dep_ == "obl:agent":
        return True
    markers = lex.agent_markers
    return any(c.dep_ == "case" and c.lower_ in markers for c in root.children) or (
        span.start > 0 and span.doc[span.start - 1].lower_ in markers
    )


def is_team(lex: EntityLexicon, span: Span) -> bool:
    """A club, not a place: "Chelsea a recruté un attaquant", "Lyon a battu Marseille"."""
    root = span.root
    verb = root.head
    if verb.i == root.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    if root.dep_ in SUBJECTS:
        objects = [c for c in verb.children if is_object(c)]
        if any(o.lemma_ in lex.player_nouns for o in objects):
            return True
        others = objects
    elif is_object(root):
        others = [c for c in verb.children if c.dep_ in SUBJECTS]
    else:
        return False
    return verb.lemma_ in lex.match_verbs and any(
        o.ent_type_ in ("LOC", "ORG") and o.i != root.i for o in others
    )


def has_designator(lex: EntityLexicon, span: Span, label: str) -> bool:
    if is_designator_before(lex, words(span.doc), span.start):
        return True
    if label == "LOC":
        return False  # "le groupe Bolloré à Conakry": places hang on companies too
    # Apposition or coordination: "une filiale du groupe, Blue Solutions",
    # "les groupes Alibaba et Bolloré".
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    if head.i == root.i or root.dep_ not in APPOSITION or not _is_designator(lex, head):
        return False
    # A complement with a preposition ("à Conakry") is not an apposition.
    return not any(c.dep_ == "case" for c in root.children)


def is_designator_before(
    lex: EntityLexicon, w: Words, i: int, designators: frozenset[str] | None = None
) -> bool:
    """A designator ends right before word ``i``, adjectives allowed between."""
    designators = lex.designators if designators is None else designators
    i -= 1
    # "le géant chinois Alibaba", "le groupe français Bolloré"; the tagger reads some
    # adjectives after a split word as proper nouns ("start-up nantaise/PROPN").
    skipped = 0
    while i >= 0 and w.pos[i] in ("ADJ", "PROPN") and w.low[i] and skipped < 2:
        i -= 1
        skipped += 1
    if i < 0:
        return False
    if (
        w.pos[i] in ("NOUN", "PROPN")
        and w.low[i]
        and (w.lemma[i].casefold() in designators or w.lower[i] in designators)
    ):
        return True
    # Designators cut into tokens: "start-up", "jeune pousse". Building a span's text is
    # dear and this runs for every candidate name: look only where such a designator ends.
    if w.lower[i] not in last_words(designators):
        return False
    return any(i - k >= 0 and w.slice(i - k, i + 1).casefold() in designators for k in (2, 1))


def _is_designator(lex: EntityLexicon, token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower:
        return False
    return token.lemma_.casefold() in lex.designators or token.lower_ in lex.designators


def genitive_before(lex: EntityLexicon, w: Words, end: int, start: int = 0) -> int:
    """The length of a "du", "de la", "d'"... ending right before word ``end``, or 0."""
    if end < 1:
        return 0
    for phrase in lex.genitive_by_last.get(w.lower[end - 1], ()):
        k = end - len(phrase)
        if k >= start and all(w.lower[k + n] == word for n, word in enumerate(phrase)):
            return len(phrase)
    return 0


def genitive_after(lex: EntityLexicon, w: Words, i: int, end: int) -> int:
    if i >= end:
        return 0
    for phrase in lex.genitive_by_first.get(w.lower[i], ()):
        j = i + len(phrase)
        if j < end and all(w.lower[i + n] == word for n, word in enumerate(phrase)):
            return len(phrase)
    return 0

"""Verb groups: the lexical verb of a chain, its lemma, and the span of the group.

"a dû être évacué", "doit signer", "a fait évacuer", "ont commencé à assembler": a modal,
aspectual or causative verb (``chain_verbs`` of triggers.json) carries tense, not the event;
the event is its infinitive's (or participle's) and the span covers the whole chain. The
small model tags some participles as nouns or adjectives ("Arrêté en 1990, ...") and leaves
some lemmas inflected ("invite"): both are read back from the form.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from factex.components.events.words import EventWords
from factex.components.morph import MorphColumn, morph_column, morph_values
from factex.components.sentence_bounds import sent_of
from factex.components.token_index import TokenIndex, token_index

_VERBS = ("VERB", "AUX")
_GROUP_DEPS = ("aux", "aux:tense", "aux:pass", "expl:comp", "expl:pass", "expl:subj", "iobj")
#: clitic objects inside the group ("l'a conduit", "les avait immobilisés") are pronouns
#: endings of a first-group past participle, longest first, and of infinitives
_PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")
_SECOND_GROUP_ENDINGS = ("ies", "is", "ie")  # "partis samedi": partir
_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
_OF = ("de", "du", "d'", "d’")  # "l'explosion de mardi"


def is_participle(token: Token) -> bool:
    """A past participle, also when tagged as a noun or adjective: a first-group form
    ("arrêté", "placée") with no determiner of its own ("un arrêté" is a noun), opening its
    sentence or set off by a comma ("Arrêté en 1990, ..."; "resteront élevés" is an adjective).
    """
    ix = token_index(token.doc)
    return participle_at(ix, morph_column(token.doc, ix), token.i)


def participle_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """:func:`is_participle` of token ``i``, read from its Doc's index and features."""
    pos = ix.pos[i]
    if "Part" in feats[i].get("VerbForm", ()):
        return pos != "AUX"
    endings = _PARTICIPLE_ENDINGS + _SECOND_GROUP_ENDINGS
    if pos not in ("NOUN", "ADJ") or not ix.lower[i].endswith(endings):
        return False
    if any(ix.dep[c] == "det" for c in ix.children[i]) or len(ix.text[i]) <= 4:
        return False
    before = i - 1
    return before < ix.sent_start_of(i) or ix.lower[before] in (",", "et")


def is_verbal(token: Token) -> bool:
    """A verb heading a group (no auxiliary) or a participle."""
    ix = token_index(token.doc)
    return verbal_at(ix, morph_column(token.doc, ix), token.i)


def verbal_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """:func:`is_verbal` of token ``i``, read from its Doc's index and features."""
    if ix.dep[i].startswith("aux"):
        return False
    return ix.pos[i] in _VERBS or participle_at(ix, feats, i)


def verb_lemma(token: Token) -> str:
    """The infinitive of a verb: the model's lemma, or one read from a first-group form
    when the lemma is no infinitive (the model left "invite" or "réhabilité" as written)."""
    lemma = token.lemma_.casefold()
    if lemma.endswith(_INFINITIVE_ENDINGS) and (token.pos_ in _VERBS or lemma != token.lower_):
        return lemma
    return infinitive_of(token.lower_) or lemma


def infinitive_of(form: str) -> str | None:
    """The infinitive of a first-group participle or present form, when the form shows it.

    >>> infinitive_of("arrêtée"), infinitive_of("réhabilités"), infinitive_of("invite")
    ('arrêter', 'réhabiliter', 'inviter')
    >>> infinitive_of("partis"), infinitive_of("choisie")
    ('partir', 'choisir')
    >>> infinitive_of("construit") is None
    True
    """
    for ending in _PARTICIPLE_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[: -len(ending)] + "er"
    for ending in _SECOND_GROUP_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            return form[: -len(ending)] + "ir"
    if form.endswith(("e", "ent")) and len(form) > 4:
        return form[: form.rindex("e")] + "er"
    return None


def lexical_verb(head: Token, words: EventWords) -> Token:
    """Down a chain of modal, aspectual or causative verbs to the verb of the event."""
    token = head
    for _ in range(4):
        if verb_lemma(token) not in words.chain_verbs:
            return token
        below = [
            c
            for c in token.children
            if c.dep_ in ("xcomp", "ccomp", "obj")
            and c.pos_ in _VERBS
            and c.i > token.i
            and _infinitive(c)
        ]
        if not below:
            return token
        token = below[0]
    return token


def chain_top(verb: Token, words: EventWords) -> Token:
    """Up from a lexical verb to the first verb of its chain ("a dû" of "a dû être évacué")."""
    token = verb
    for _ in range(4):
        up = token.head
        if (
            token.dep_ in ("xcomp", "ccomp", "obj")
            and up.i < token.i
            and up.pos_ in _VERBS
            and verb_lemma(up) in words.chain_verbs
            and _infinitive(token)
        ):
            token = up
        else:
            break
    return token


def _infinitive(verb: Token) -> bool:
    """An infinitive, or a participle after an infinitive auxiliary ("être évacué")."""
    if "Inf" in morph_values(verb, "VerbForm"):
        return True
    return any(
        c.dep_.startswith("aux") and "Inf" in morph_values(c, "VerbForm") for c in verb.children
    )


def group_span(verb: Token, date: Span | None, words: EventWords) -> Span:
    """The verb group: chain, auxiliaries and clitics, with the date when it follows at once
    ("a été renversé mardi"); a noun trigger keeps its noun phrase's left edge."""
    doc: Doc = verb.doc
    if not is_verbal(verb):
        start = min((c.i for c in verb.children if c.dep_ == "det"), default=verb.i)
        return _with_date(doc, start, verb.i + 1, date)
    tokens = [verb]
    top = chain_top(verb, words)
    link = verb
    while True:
        tokens.extend(
            c
            for c in link.children
            if c.i < link.i and (c.dep_ in _GROUP_DEPS or (c.dep_ == "obj" and c.pos_ == "PRON"))
        )
        if link.i == top.i or link.head.i == link.i:
            break
        link = link.head
        tokens.append(link)
    if verb_lemma(verb) in words.light_verbs:
        # "la cérémonie aura lieu samedi": the event is named by the subject
        tokens.extend(
            c.left_edge for c in top.children if c.dep_.startswith("nsubj") and c.pos_ == "NOUN"
        )
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    sent = sent_of(verb)  # verb.sent's bounds, without making its Span
    return _with_date(doc, max(start, sent.start), min(end, sent.end), date)


def _with_date(doc: Doc, start: int, end: int, date: Span | None) -> Span:
    if date is not None and date.start >= end:
        between = doc[end : date.start]
        if len(between) <= 2 and all(t.pos_ == "ADV" or t.lower_ in _OF for t in between):
            end = date.end
    return doc[start:end]

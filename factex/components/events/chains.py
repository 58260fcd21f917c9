"""Verb groups: the lexical verb of a chain, its lemma, and the span of the group.

"a dû être évacué", "doit signer", "a fait évacuer", "ont commencé à assembler": a modal,
aspectual or causative verb (``chain_verbs`` of triggers.json) carries tense, not the event;
the event is its infinitive's (or participle's) and the span covers the whole chain. The
small model tags some participles as nouns or adjectives ("Arrêté en 1990, ...") and leaves
some lemmas inflected ("invite"): both are read back from the form.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from factex.components.events.words import EventWords
from factex.components.morph import MorphColumn
from factex.components.sentence_bounds import sent_of
from factex.components.token_index import TokenIndex

_VERBS = ("VERB", "AUX")
_GROUP_DEPS = ("aux", "aux:tense", "aux:pass", "expl:comp", "expl:pass", "expl:subj", "iobj")
#: clitic objects inside the group ("l'a conduit", "les avait immobilisés") are pronouns
#: endings of a first-group past participle, longest first, and of infinitives
_PARTICIPLE_ENDINGS = ("ées", "és", "ée", "é")
_SECOND_GROUP_ENDINGS = ("ies", "is", "ie")  # "partis samedi": partir
_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
_OF = ("de", "du", "d'", "d’")  # "l'explosion de mardi"


def participle_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """A past participle, also when tagged as a noun or adjective: a first-group form
    ("arrêté", "placée") with no determiner of its own ("un arrêté" is a noun), opening its
    sentence or set off by a comma ("Arrêté en 1990, ..."; "resteront élevés" is an adjective).
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
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


def verbal_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """A verb heading a group (no auxiliary) or a participle.
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    if ix.dep[i].startswith("aux"):
        return False
    return ix.pos[i] in _VERBS or participle_at(ix, feats, i)


def verb_lemma_at(ix: TokenIndex, i: int) -> str:
    """The infinitive of a verb: the model's lemma, or one read from a first-group form
    when the lemma is no infinitive (the model left "invite" or "réhabilité" as written).
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    return _verb_lemma(ix.lemma[i], ix.pos[i], ix.lower[i])


@lru_cache(maxsize=4096)
def _verb_lemma(lemma: str, pos: str, lower: str) -> str:
    # a pure function of three strings: the same few verbs come back in every article
    lemma = lemma.casefold()
    if lemma.endswith(_INFINITIVE_ENDINGS) and (pos in _VERBS or lemma != lower):
        return lemma
    return infinitive_of(lower) or lemma


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


def lexical_verb_at(ix: TokenIndex, feats: MorphColumn, i: int, words: EventWords) -> int:
    """Down a chain of modal, aspectual or causative verbs to the verb of the event.
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    for _ in range(4):
        if verb_lemma_at(ix, i) not in words.chain_verbs:
            return i
        below = [
            c
            for c in ix.children[i]
            if ix.dep[c] in ("xcomp", "ccomp", "obj")
            and ix.pos[c] in _VERBS
            and c > i
            and _infinitive_at(ix, feats, c)
        ]
        if not below:
            return i
        i = below[0]
    return i


def chain_top_at(ix: TokenIndex, feats: MorphColumn, i: int, words: EventWords) -> int:
    """Up from a lexical verb to the first verb of its chain ("a dû" of "a dû être évacué").
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    for _ in range(4):
        up = ix.head[i]
        if (
            ix.dep[i] in ("xcomp", "ccomp", "obj")
            and up < i
            and ix.pos[up] in _VERBS
            and verb_lemma_at(ix, up) in words.chain_verbs
            and _infinitive_at(ix, feats, i)
        ):
            i = up
        else:
            break
    return i


def _infinitive_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """An infinitive, or a participle after an infinitive auxiliary ("être évacué")."""
    if "Inf" in feats[i].get("VerbForm", ()):
        return True
    return any(
        ix.dep[c].startswith("aux") and "Inf" in feats[c].get("VerbForm", ())
        for c in ix.children[i]
    )


def group_span(
    doc: Doc, ix: TokenIndex, feats: MorphColumn, v: int, date: Span | None, words: EventWords
) -> Span:
    """The verb group: chain, auxiliaries and clitics, with the date when it follows at once
    ("a été renversé mardi"); a noun trigger keeps its noun phrase's left edge."""
    if not verbal_at(ix, feats, v):
        start = min((c for c in ix.children[v] if ix.dep[c] == "det"), default=v)
        return _with_date(doc, ix, start, v + 1, date)
    tokens = [v]
    top = chain_top_at(ix, feats, v, words)
    link = v
    while True:
        tokens.extend(
            c
            for c in ix.children[link]
            if c < link
            and (ix.dep[c] in _GROUP_DEPS or (ix.dep[c] == "obj" and ix.pos[c] == "PRON"))
        )
        if link == top or ix.head[link] == link:
            break
        link = ix.head[link]
        tokens.append(link)
    if verb_lemma_at(ix, v) in words.light_verbs:
        # "la cérémonie aura lieu samedi": the event is named by the subject
        tokens.extend(
            doc[c].left_edge.i
            for c in ix.children[top]
            if ix.dep[c].startswith("nsubj") and ix.pos[c] == "NOUN"
        )
    sent = sent_of(doc[v])  # verb.sent's bounds, without making its Span
    return _with_date(doc, ix, max(min(tokens), sent.start), min(max(tokens) + 1, sent.end), date)


def _with_date(doc: Doc, ix: TokenIndex, start: int, end: int, date: Span | None) -> Span:
    if date is not None and date.start >= end:
        between = range(end, date.start)
        if len(between) <= 2 and all(ix.pos[t] == "ADV" or ix.lower[t] in _OF for t in between):
            end = date.end
    return doc[start:end]

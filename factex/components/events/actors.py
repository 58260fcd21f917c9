"""The actors of a dated clause: canonical names of who acts in it.

Names that are the clause's subject, agent or direct object, coordinated ones included, also
when the parser cut them off into a sentence of their own. A relative clause speaks of its
antecedent; a clause without subject borrows one from the clause it hangs on (or that hangs on
it); a clause whose subject is a common noun borrows none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factex.components.events.words import EventWords
from factex.components.extensions import DATES
from factex.components.morph import morph_column, morph_values
from factex.components.sentences import cut_at_comma
from factex.components.syntax import (
    ACTOR_LABELS,
    RELATIVE_DEPS,
    EntityIndex,
    canonical,
    entities_below,
    subjects,
    unique,
)
from factex.components.token_index import token_index

_SUBJECT_LABELS = frozenset({"ORG", "PER", "MISC"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_NP_DEPS = frozenset({"nmod", "flat:name", "flat:foreign", "appos", "amod", "nummod", "compound"})
_LINKED_CLAUSES = frozenset({"advcl", "parataxis", "conj", "xcomp", "ccomp"})


def clause_actors(head: Token, words: EventWords, ent_at: EntityIndex) -> list[str]:
    """The canonical names acting in the clause headed by ``head`` (maybe none)."""
    # "Air France, qui l'avait commandé en 2019": the relative pronoun stands for Air France.
    antecedent = relative_antecedent(head)
    if antecedent and not words.is_period(antecedent):
        return unique(
            [*antecedent_actors(antecedent, words, ent_at), *_own_actors(head, words, ent_at)]
        )
    found = _own_actors(head, words, ent_at)
    if found:
        return found
    subjs = subjects(head)  # a list of new Tokens at each call: read once
    own = [s for s in subjs if "Rel" not in morph_values(s, "PronType")]
    if not subjs:
        found = (
            _inverted_subject(head, ent_at)
            or _subject_after_comma(head, words, ent_at)
            or _subject_cut_off(head, words, ent_at)
        )
        if found:
            return found
    elif any(s.pos_ != "PRON" for s in own):
        # "la direction a confirmé mardi un plan, tandis que SFR pourrait ...": a clause
        # with a subject of its own (a common noun, or a name the model missed) is about
        # that subject; a name of another clause is not its actor. A "clause" without a
        # verb is none: the agent of "rejeté lundi par l'Assemblée" may hang on "lundi".
        for child in head.children:
            if child.dep_ in _LINKED_CLAUSES and child.pos_ not in ("VERB", "AUX"):
                found.extend(_subject_actors(child, words, ent_at))
        return unique(found)
    # A pronoun subject ("il a conclu") may stand for the subject of the clause it hangs
    # on, not for one of the clauses hanging on it ("il obtint ..., où les Bleus obtinrent").
    return _borrowed_actors(head, words, ent_at, upward_only=bool(own))


def _borrowed_actors(
    head: Token, words: EventWords, ent_at: EntityIndex, upward_only: bool
) -> list[str]:
    """The actors of a clause without a named subject of its own, from a clause linked to it."""
    # A relative clause on a period ("l'exercice, qui s'est achevé"), or one whose subject
    # is no name ("l'usine que le groupe a cédée"), dates the main clause's frame.
    if head.dep_ in RELATIVE_DEPS:
        main = head.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        found = _own_actors(main, words, ent_at)
        if found:
            return found
    # A clause without subject shares one with the clause it hangs on or that hangs on it.
    linked = [] if upward_only else [c for c in head.children if c.dep_ in _LINKED_CLAUSES]
    if head.dep_ in _LINKED_CLAUSES or head.dep_ in RELATIVE_DEPS:
        linked.insert(0, head.head)
    for other in linked:
        k = ent_at[other.i]
        if k >= 0 and ent_at.ents[k].label_ in ("ORG", "PER"):
            return [canonical(ent_at.ents[k])]
        found = _subject_actors(other, words, ent_at)
        if found:
            return found
    return []


def relative_antecedent(verb: Token) -> list[Token]:
    """The noun phrase a relative clause with the relative pronoun as subject speaks of: its
    nouns from the one the clause hangs on up to the phrase's head ("l'exercice" then "cours"
    in "au cours de l'exercice, qui s'est achevé"); empty for any other clause.

    The parser sometimes hangs such a clause on the main verb ("a présenté le plan, qui
    débutera le 11 mai" as a ccomp of "présenté"): the antecedent is then the noun phrase just
    before the pronoun (and its comma).
    """
    doc = verb.doc
    ix = token_index(doc)  # the children read from it: no Token made for each
    feats = morph_column(doc, ix)
    k = next(
        (
            c
            for c in ix.children[verb.i]
            if ix.dep[c] in ("nsubj", "nsubj:pass") and "Rel" in feats[c].get("PronType", ())
        ),
        None,
    )
    if k is None:
        return []
    pronoun = doc[k]
    if verb.dep_ in RELATIVE_DEPS:
        token = verb.head
    else:
        i = pronoun.i - 1
        while i >= 0 and doc[i].is_punct:
            i -= 1
        token = doc[max(i, 0)]
    if token.pos_ not in _NOMINAL or token.i > pronoun.i:
        return []
    chain = [token]
    while token.head.i < token.i and token.head.pos_ in _NOMINAL and token.dep_ in _NP_DEPS:
        token = token.head
        chain.append(token)
    return chain


def antecedent_actors(antecedent: list[Token], words: EventWords, ent_at: EntityIndex) -> list[str]:
    """The names in the antecedent's noun phrase ("la fusion entre Veolia et Suez"): the
    subject of the relative clause, read as subjects are (MISC included: "l'ouragan Sandy").
    """
    # A name right before the pronoun is what it stands for ("à Des Moines, dans l'Iowa, qui").
    k = ent_at[antecedent[0].i]
    if k < 0:
        k = ent_at[antecedent[-1].i]
    if k >= 0:
        ent = ent_at.ents[k]
        return [canonical(ent)] if ent.label_ in _SUBJECT_LABELS else []
    found = entities_below(antecedent[-1], ent_at, labels=_SUBJECT_LABELS)
    return [canonical(e) for e in _with_coordinated(found, words, ent_at)]


def _subject_after_comma(verb: Token, words: EventWords, ent_at: EntityIndex) -> list[str]:
    """ "Fondée en 2019 à Toulouse | , Airlog a bouclé …": the parser sometimes ends a sentence
    at the comma after a participial clause; its subject is the next sentence's.
    """
    sent = verb.sent
    doc = verb.doc
    if verb.dep_ != "ROOT" or sent.end >= len(doc) or not cut_at_comma(sent):
        return []
    return _subject_actors(doc[sent.end].sent.root, words, ent_at)


def _subject_cut_off(verb: Token, words: EventWords, ent_at: EntityIndex) -> list[str]:
    """ "Renault et Nissan | ont conclu mardi une alliance": the parser sometimes ends a
    sentence after its subject. When the verb's sentence opens on the verb group (no noun
    before the verb) and the one before, on the same line and with no verb, ends on a name
    with no punctuation, that name (and those coordinated with it) is the subject.
    """
    sent = verb.sent
    doc = verb.doc
    root = sent.root  # "Hewlett-Packard | va supprimer 520 postes": the date is on "supprimer"
    if (
        sent.start == 0
        or subjects(root)
        or any(t.pos_ in _NOMINAL for t in doc[sent.start : root.i])
    ):
        return []
    last = doc[sent.start - 1]
    if last.is_punct or last.is_space or any(t.pos_ in ("VERB", "AUX") for t in last.sent):
        return []
    k = ent_at[last.i]
    if k < 0 or ent_at.ents[k].end != last.i + 1 or ent_at.ents[k].label_ not in _SUBJECT_LABELS:
        return []
    name = ent_at.ents[k]
    if any(c.dep_ == "case" for t in name for c in t.children):
        return []  # "... un grand pas pour Galileo | et sera suivi": no subject, a complement
    return [canonical(e) for e in _with_coordinated([name], words, ent_at)]


def _inverted_subject(verb: Token, ent_at: EntityIndex) -> list[str]:
    """ "…, a prévenu mercredi Jerome Powell": the name right after a verb that has no subject.

    The parse often files such a subject as an apposition of the date before it; the words
    between the verb and the name may only be adverbs or that date.
    """
    doc = verb.doc
    dated = {i for s in doc.spans.get(DATES, ()) for i in range(s.start, s.end)}
    i = verb.i + 1
    while i < len(doc) and (i in dated or doc[i].pos_ == "ADV"):
        i += 1
    k = ent_at[i] if i < len(doc) else -1
    if k >= 0 and ent_at.ents[k].start == i and ent_at.ents[k].label_ in ACTOR_LABELS:
        return [canonical(ent_at.ents[k])]
    return []


def _subject_actors(verb: Token, words: EventWords, ent_at: EntityIndex) -> list[str]:
    names: list[str] = []
    for subj in subjects(verb):
        named = _apposed_name(subj, ent_at) or _name_after_role(subj, ent_at)
        if named is not None:
            names.append(canonical(named))
            continue
        # The subject may be a name the model filed as MISC ("Regeneron").
        found = entities_below(subj, ent_at, labels=_SUBJECT_LABELS)
        names.extend(canonical(e) for e in _with_coordinated(found, words, ent_at))
    return unique(names)


def _own_actors(verb: Token, words: EventWords, ent_at: EntityIndex) -> list[str]:
    names = _subject_actors(verb, words, ent_at)
    for child in verb.children:
        # The direct object counts when it is a name ("a racheté Axa"), not when a name is
        # inside it ("a quitté la direction de Danone").
        k = ent_at[child.i]
        if child.dep_ == "obj" and k >= 0 and ent_at.ents[k].label_ in ACTOR_LABELS:
            names.append(canonical(ent_at.ents[k]))
    return unique(names)


def _apposed_name(subj: Token, ent_at: EntityIndex) -> Span | None:
    """ "Jeff Bezos, le fondateur d'Amazon, a cédé": the name before a role noun subject."""
    if subj.pos_ != "NOUN" or ent_at[subj.i] >= 0:
        return None
    doc = subj.doc
    i = subj.left_edge.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    k = ent_at[i - 1]
    if (
        k >= 0
        and ent_at.ents[k].label_ in ACTOR_LABELS
        and ent_at.ents[k].root.dep_ not in ("obl", "nmod")
    ):
        start = ent_at.ents[k].start
        if start == token_index(doc).sent_start_of(start) or doc[start - 1].is_punct:
            return ent_at.ents[k]
    return None


def _name_after_role(subj: Token, ent_at: EntityIndex) -> Span | None:
    """ "Le président du Sénat, Gérard Larcher, a reçu": the person named after a role noun.

    The actor is the person, not the institution inside the role ("du Sénat"). The parse
    makes the name an apposition of the role noun, a second subject of the same verb or,
    closed by a second comma, a conjunct ("La présidente de la Commission, Ursula von der
    Leyen, a reçu"), which "X, Y et Z" is not.
    """
    if subj.pos_ != "NOUN" or ent_at[subj.i] >= 0:
        return None
    doc = subj.doc
    candidates = [c for c in subj.children if c.dep_ in ("appos", "conj")]
    candidates += [c for c in subj.head.children if c.dep_ == "nsubj" and c.i > subj.i]
    for token in candidates:
        k = ent_at[token.i]
        if k < 0 or ent_at.ents[k].label_ != "PER":
            continue
        start, end = ent_at.ents[k].start, ent_at.ents[k].end
        if token.dep_ == "conj" and (
            end >= len(doc) or doc[end].text != "," or any(c.dep_ == "cc" for c in token.children)
        ):
            continue
        if doc[start - 1].text == "," and subj.i < start <= subj.right_edge.i + 2:
            return ent_at.ents[k]
    return None


def _with_coordinated(found: list[Span], words: EventWords, ent_at: EntityIndex) -> list[Span]:
    """Add names coordinated with the subject that the parse attached elsewhere."""
    if not found:
        return found
    doc = found[0].doc
    out = list(found)
    first = found[0]
    i = first.start - 1
    # Walk left over "X, Y et Z": the last separator must be "et" ("Selon Reuters, X a ...").
    if i < 1 or doc[i].lower_ not in words.coordinators:
        return out
    while i >= 1 and (doc[i].lower_ == "," or doc[i].lower_ in words.coordinators):
        k = ent_at[i - 1]
        if k < 0 or ent_at.ents[k].label_ not in _SUBJECT_LABELS:
            break
        out.insert(0, ent_at.ents[k])
        i = ent_at.ents[k].start - 1
    return out

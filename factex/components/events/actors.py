"""The actors of a dated clause: canonical names of who acts in it.

Names that are the clause's subject, agent or direct object, coordinated ones included, also
when the parser cut them off into a sentence of their own. A relative clause speaks of its
antecedent; a clause without subject borrows one from the clause it hangs on (or that hangs on
it); a clause whose subject is a common noun borrows none. The walks read the parse from the
Doc's token index (:mod:`factex.components.token_index`): a Token is made only where spaCy
alone knows the answer (edges of a subtree, a sentence's root).
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Span, Token

from factex.components.events.words import EventWords
from factex.components.morph import morph_column
from factex.components.sentences import cut_at_comma
from factex.components.syntax import (
    ACTOR_LABELS,
    RELATIVE_DEPS,
    EntityIndex,
    canonical,
    entities_below,
    entities_below_at,
    subjects_in,
    unique,
)
from factex.components.token_index import TokenIndex, token_index

_SUBJECT_LABELS = frozenset({"ORG", "PER", "MISC"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_NP_DEPS = frozenset({"nmod", "flat:name", "flat:foreign", "appos", "amod", "nummod", "compound"})
_LINKED_CLAUSES = frozenset({"advcl", "parataxis", "conj", "xcomp", "ccomp"})
_VERBS = ("VERB", "AUX")


class Entities(EntityIndex):
    """:class:`EntityIndex` of a Doc, with the canonical name of each entity read once (each
    ``span._`` read builds an object; the clauses of a Doc name the same few actors), and
    the Doc's parse the walks read (looked up once, not at each clause)."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self._names: dict[tuple[int, int], str] = {}
        self.doc = doc
        self.ix = token_index(doc)
        self.feats = morph_column(doc, self.ix)

    def name(self, ent: Span) -> str:
        """``canonical(ent)`` of one of :attr:`ents`."""
        key = (ent.start, ent.end)  # entities never overlap: their bounds name them
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = canonical(ent)
        return found


def clause_actors(
    head: Token, words: EventWords, ent_at: Entities, dated: Container[int]
) -> list[str]:
    """The canonical names acting in the clause headed by ``head`` (maybe none); ``dated``:
    the indices of the doc's tokens inside a date."""
    doc = head.doc
    v = head.i
    # "Air France, qui l'avait commandé en 2019": the relative pronoun stands for Air France.
    antecedent = relative_antecedent_at(ent_at, v)
    if antecedent and not words.is_period(antecedent):
        return unique(
            [*antecedent_actors(antecedent, words, ent_at), *_own_actors(doc, v, words, ent_at)]
        )
    found = _own_actors(doc, v, words, ent_at)
    if found:
        return found
    ix, feats = ent_at.ix, ent_at.feats
    subjs = subjects_in(doc, ix, v)
    own = [s for s in subjs if "Rel" not in feats[s].get("PronType", ())]
    if not subjs:
        found = (
            _inverted_subject(ix, v, ent_at, dated)
            or _subject_after_comma(doc, ix, v, words, ent_at)
            or _subject_cut_off(doc, ix, v, words, ent_at)
        )
        if found:
            return found
    elif any(ix.pos[s] != "PRON" for s in own):
        # "la direction a confirmé mardi un plan, tandis que SFR pourrait ...": a clause
        # with a subject of its own (a common noun, or a name the model missed) is about
        # that subject; a name of another clause is not its actor. A "clause" without a
        # verb is none: the agent of "rejeté lundi par l'Assemblée" may hang on "lundi".
        for child in ix.children[v]:
            if ix.dep[child] in _LINKED_CLAUSES and ix.pos[child] not in _VERBS:
                found.extend(_subject_actors(doc, child, words, ent_at))
        return unique(found)
    # A pronoun subject ("il a conclu") may stand for the subject of the clause it hangs
    # on, not for one of the clauses hanging on it ("il obtint ..., où les Bleus obtinrent").
    return _borrowed_actors(doc, ix, v, words, ent_at, upward_only=bool(own))


def _borrowed_actors(
    doc: Doc, ix: TokenIndex, v: int, words: EventWords, ent_at: Entities, upward_only: bool
) -> list[str]:
    """The actors of a clause without a named subject of its own, from a clause linked to it."""
    # A relative clause on a period ("l'exercice, qui s'est achevé"), or one whose subject
    # is no name ("l'usine que le groupe a cédée"), dates the main clause's frame.
    dep = ix.dep[v]
    if dep in RELATIVE_DEPS:
        main = ix.head[v]
        while ix.pos[main] not in _VERBS and ix.head[main] != main:
            main = ix.head[main]
        found = _own_actors(doc, main, words, ent_at)
        if found:
            return found
    # A clause without subject shares one with the clause it hangs on or that hangs on it.
    linked = [] if upward_only else [c for c in ix.children[v] if ix.dep[c] in _LINKED_CLAUSES]
    if dep in _LINKED_CLAUSES or dep in RELATIVE_DEPS:
        linked.insert(0, ix.head[v])
    for other in linked:
        k = ent_at[other]
        if k >= 0 and ent_at.labels[k] in ("ORG", "PER"):
            return [ent_at.name(ent_at.ents[k])]
        found = _subject_actors(doc, other, words, ent_at)
        if found:
            return found
    return []


def relative_antecedent_at(ent_at: Entities, v: int) -> list[Token]:
    """The noun phrase a relative clause with the relative pronoun as subject speaks of: its
    nouns from the one the clause hangs on up to the phrase's head ("l'exercice" then "cours"
    in "au cours de l'exercice, qui s'est achevé"); empty for any other clause.

    The parser sometimes hangs such a clause on the main verb ("a présenté le plan, qui
    débutera le 11 mai" as a ccomp of "présenté"): the antecedent is then the noun phrase just
    before the pronoun (and its comma).
    Read from the Doc's index (``ent_at``'s): the verb at ``v``; Tokens made for the chain
    only.
    """
    doc, ix, feats = ent_at.doc, ent_at.ix, ent_at.feats
    k = next(
        (
            c
            for c in ix.children[v]
            if ix.dep[c] in ("nsubj", "nsubj:pass") and "Rel" in feats[c].get("PronType", ())
        ),
        None,
    )
    if k is None:
        return []
    if ix.dep[v] in RELATIVE_DEPS:
        token = ix.head[v]
    else:
        i = k - 1
        while i >= 0 and ix.is_punct[i]:
            i -= 1
        token = max(i, 0)
    if ix.pos[token] not in _NOMINAL or token > k:
        return []
    chain = [token]
    while (
        ix.head[token] < token and ix.pos[ix.head[token]] in _NOMINAL and ix.dep[token] in _NP_DEPS
    ):
        token = ix.head[token]
        chain.append(token)
    return [doc[i] for i in chain]


def antecedent_actors(antecedent: list[Token], words: EventWords, ent_at: Entities) -> list[str]:
    """The names in the antecedent's noun phrase ("la fusion entre Veolia et Suez"): the
    subject of the relative clause, read as subjects are (MISC included: "l'ouragan Sandy").
    """
    # A name right before the pronoun is what it stands for ("à Des Moines, dans l'Iowa, qui").
    k = ent_at[antecedent[0].i]
    if k < 0:
        k = ent_at[antecedent[-1].i]
    if k >= 0:
        ent = ent_at.ents[k]
        return [ent_at.name(ent)] if ent_at.labels[k] in _SUBJECT_LABELS else []
    found = entities_below(antecedent[-1], ent_at, labels=_SUBJECT_LABELS)
    return [ent_at.name(e) for e in _with_coordinated(found, words, ent_at)]


def _subject_after_comma(
    doc: Doc, ix: TokenIndex, v: int, words: EventWords, ent_at: Entities
) -> list[str]:
    """ "Fondée en 2019 à Toulouse | , Airlog a bouclé …": the parser sometimes ends a sentence
    at the comma after a participial clause; its subject is the next sentence's.
    """
    if ix.dep[v] != "ROOT":
        return []  # tested first: the sentence Span is made only for a root
    sent = doc[v].sent
    if sent.end >= len(doc) or not cut_at_comma(sent):
        return []
    return _subject_actors(doc, doc[sent.end].sent.root.i, words, ent_at)


def _subject_cut_off(
    doc: Doc, ix: TokenIndex, v: int, words: EventWords, ent_at: Entities
) -> list[str]:
    """ "Renault et Nissan | ont conclu mardi une alliance": the parser sometimes ends a
    sentence after its subject. When the verb's sentence opens on the verb group (no noun
    before the verb) and the one before, on the same line and with no verb, ends on a name
    with no punctuation, that name (and those coordinated with it) is the subject.
    """
    start = ix.sent_start_of(v)
    if start == 0:
        return []  # tested first: the sentence Span is made only when there is one before
    # "Hewlett-Packard | va supprimer 520 postes": the date is on "supprimer"
    root = doc[v].sent.root
    if subjects_in(doc, ix, root.i) or any(ix.pos[t] in _NOMINAL for t in range(start, root.i)):
        return []
    last = start - 1
    if ix.is_punct[last] or doc[last].is_space:
        return []
    before = ix.sent_start_of(last)
    if any(ix.pos[t] in _VERBS for t in range(before, start)):
        return []
    k = ent_at[last]
    if k < 0 or ent_at.ents[k].end != last + 1 or ent_at.labels[k] not in _SUBJECT_LABELS:
        return []
    name = ent_at.ents[k]
    if any(ix.dep[c] == "case" for t in range(name.start, name.end) for c in ix.children[t]):
        return []  # "... un grand pas pour Galileo | et sera suivi": no subject, a complement
    return [ent_at.name(e) for e in _with_coordinated([name], words, ent_at)]


def _inverted_subject(ix: TokenIndex, v: int, ent_at: Entities, dated: Container[int]) -> list[str]:
    """ "…, a prévenu mercredi Jerome Powell": the name right after a verb that has no subject.

    The parse often files such a subject as an apposition of the date before it; the words
    between the verb and the name may only be adverbs or that date.
    """
    n = len(ix.head)
    i = v + 1
    while i < n and (i in dated or ix.pos[i] == "ADV"):
        i += 1
    k = ent_at[i] if i < n else -1
    if k >= 0 and ent_at.ents[k].start == i and ent_at.labels[k] in ACTOR_LABELS:
        return [ent_at.name(ent_at.ents[k])]
    return []


def _subject_actors(doc: Doc, v: int, words: EventWords, ent_at: Entities) -> list[str]:
    names: list[str] = []
    ix = ent_at.ix
    for subj in subjects_in(doc, ix, v):
        named = _apposed_name(doc, ix, subj, ent_at) or _name_after_role(doc, ix, subj, ent_at)
        if named is not None:
            names.append(ent_at.name(named))
            continue
        # The subject may be a name the model filed as MISC ("Regeneron").
        found = entities_below_at(ix, subj, ent_at, labels=_SUBJECT_LABELS)
        names.extend(ent_at.name(e) for e in _with_coordinated(found, words, ent_at))
    return unique(names)


def _own_actors(doc: Doc, v: int, words: EventWords, ent_at: Entities) -> list[str]:
    names = _subject_actors(doc, v, words, ent_at)
    ix = ent_at.ix
    for child in ix.children[v]:
        # The direct object counts when it is a name ("a racheté Axa"), not when a name is
        # inside it ("a quitté la direction de Danone").
        k = ent_at[child]
        if ix.dep[child] == "obj" and k >= 0 and ent_at.labels[k] in ACTOR_LABELS:
            names.append(ent_at.name(ent_at.ents[k]))
    return unique(names)


def _apposed_name(doc: Doc, ix: TokenIndex, subj: int, ent_at: Entities) -> Span | None:
    """ "Jeff Bezos, le fondateur d'Amazon, a cédé": the name before a role noun subject."""
    if ix.pos[subj] != "NOUN" or ent_at[subj] >= 0:
        return None
    i = doc[subj].left_edge.i - 1
    if i < 1 or ix.text[i] != ",":
        return None
    k = ent_at[i - 1]
    if (
        k >= 0
        and ent_at.labels[k] in ACTOR_LABELS
        and ent_at.ents[k].root.dep_ not in ("obl", "nmod")
    ):
        start = ent_at.ents[k].start
        if start == ix.sent_start_of(start) or ix.is_punct[start - 1]:
            return ent_at.ents[k]
    return None


def _name_after_role(doc: Doc, ix: TokenIndex, subj: int, ent_at: Entities) -> Span | None:
    """ "Le président du Sénat, Gérard Larcher, a reçu": the person named after a role noun.

    The actor is the person, not the institution inside the role ("du Sénat"). The parse
    makes the name an apposition of the role noun, a second subject of the same verb or,
    closed by a second comma, a conjunct ("La présidente de la Commission, Ursula von der
    Leyen, a reçu"), which "X, Y et Z" is not.
    """
    if ix.pos[subj] != "NOUN" or ent_at[subj] >= 0:
        return None
    dep = ix.dep
    candidates = [c for c in ix.children[subj] if dep[c] in ("appos", "conj")]
    candidates += [c for c in ix.children[ix.head[subj]] if dep[c] == "nsubj" and c > subj]
    for token in candidates:
        k = ent_at[token]
        if k < 0 or ent_at.labels[k] != "PER":
            continue
        start, end = ent_at.ents[k].start, ent_at.ents[k].end
        if dep[token] == "conj" and (
            end >= len(doc)
            or ix.text[end] != ","
            or any(dep[c] == "cc" for c in ix.children[token])
        ):
            continue
        if ix.text[start - 1] == "," and subj < start <= doc[subj].right_edge.i + 2:
            return ent_at.ents[k]
    return None


def _with_coordinated(found: list[Span], words: EventWords, ent_at: Entities) -> list[Span]:
    """Add names coordinated with the subject that the parse attached elsewhere."""
    if not found:
        return found
    lower = ent_at.ix.lower
    out = list(found)
    first = found[0]
    i = first.start - 1
    # Walk left over "X, Y et Z": the last separator must be "et" ("Selon Reuters, X a ...").
    if i < 1 or lower[i] not in words.coordinators:
        return out
    while i >= 1 and (lower[i] == "," or lower[i] in words.coordinators):
        k = ent_at[i - 1]
        if k < 0 or ent_at.labels[k] not in _SUBJECT_LABELS:
            break
        out.insert(0, ent_at.ents[k])
        i = ent_at.ents[k].start - 1
    return out

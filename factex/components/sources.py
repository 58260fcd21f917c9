"""Who reports a figure: "selon l'Insee", "a indiqué Marc Dupont", "d'après les analystes".

A source is found per sentence, on the parse: the noun after a source marker, or the speaker of
a verb of saying. It is a name when the text gives one (the entity inside the phrase: "les
analystes de Jefferies" is Jefferies), else the role ("directeur financier"). A speaker that
is the subject again ("le groupe a précisé") is no source; "il" is the last person named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count
from typing import Any

from spacy.tokens import Doc, Span, Token

from factex.components.syntax import EntityIndex, canonical
from factex.components.token_index import TokenIndex, token_index

#: dependency labels of a verb's speaker (an inverted "a-t-il précisé" is expl:subj)
_SPEAKER_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_PRONOUNS = frozenset({"il", "elle", "-il", "-elle"})
_STRESSED = frozenset({"lui", "eux", "elles"})
_BY_PRONOUN = _PRONOUNS | _STRESSED


@dataclass(frozen=True)
class SourceWords:
    """The words that make a source, from ``metrics.json``, ``triggers.json`` and
    ``frame.json``."""

    markers: frozenset[str]
    verbs: frozenset[str]
    roles: frozenset[str]
    self_reference: frozenset[str]
    forecasters: frozenset[str] = frozenset()
    role_markers: frozenset[str] = frozenset()

    @classmethod
    def from_data(
        cls, metrics: dict[str, Any], triggers: dict[str, Any], frame: dict[str, Any]
    ) -> SourceWords:
        return cls(
            markers=frozenset(m.lower().replace("’", "'") for m in metrics["source_markers"]),
            verbs=frozenset(triggers["report_verbs"]) | frozenset(frame["source_verbs"]),
            roles=frozenset(frame["source_roles"]),
            self_reference=frozenset(frame["self_reference"]),
            forecasters=frozenset(frame["forecaster_roles"]),
            role_markers=frozenset(frame["source_role_markers"]),
        )


@dataclass(frozen=True)
class Source:
    """A reporter in a sentence: its name, the tokens that name it, its sentence start, and
    ``quoted``: False when it is the subject of a verb of saying whose object is the figure
    ("Nexa a publié un bénéfice de ..."), which is then its own figure, not one it reports."""

    name: str
    start: int
    end: int
    sent_start: int
    quoted: bool = True
    person: bool = False
    #: the tokens it speaks for when only for its own clause ("le consensus, qui tablait sur
    #: 8 %"), else None: the whole sentence, and maybe the next ones
    within: tuple[int, int] | None = None


def find_sources(doc: Doc, ent_at: EntityIndex, words: SourceWords) -> list[Source]:
    """The sources of every sentence, in text order."""
    found: list[Source] = []
    ix = token_index(doc)
    for i in _candidates(ix, words):  # the few tokens that may mark a source, in order
        sent_start = ix.sent_start_of(i)
        head = _marked_head(doc, ix, i, words)
        source = None
        if head is not None and head.lower_ in _BY_PRONOUN:
            source = _last_person(head, ent_at, sent_start)  # "selon lui"
        elif head is not None:
            source = _name_below(head, ent_at, words, sent_start)
        elif ix.pos[i] == "VERB" and ix.lemma[i] in words.verbs:
            source = _speaker(doc[i], ent_at, words, found, sent_start)
        if source is not None:
            found.append(source)
    return [_named_role(s, ix, ent_at, words) for s in found]


def _named_role(source: Source, ix: TokenIndex, ent_at: EntityIndex, words: SourceWords) -> Source:
    """ "a précisé le ministre": the person the text named earlier with that role ("le
    ministre des Finances, Jean Roy, a salué ..."), the nearest before."""
    if source.person or source.name not in words.roles:
        return source
    head = source.name.split(" ")[0]
    # the nearest person before first; the words before it read on the index, no Token made
    for k in range(len(ent_at.ents) - 1, -1, -1):
        ent = ent_at.ents[k]
        if ent.end > source.start or ent_at.labels[k] != "PER":
            continue
        lead = range(max(0, ent.start - 10), ent.start)
        if any(ix.lower[t] == head or ix.lemma[t] == head for t in lead):
            return replace(source, name=canonical(ent), person=True)
    return source


def _candidates(ix: TokenIndex, words: SourceWords) -> list[int]:
    """The tokens that can be a source marker or a verb of saying, found on the Doc's token
    index (a Python token for every word cost more than the rest of the frame)."""
    marks, verbs = _marker_forms(words), words.verbs
    lower, pos, lemma = ix.lower, ix.pos, ix.lemma
    # each test a C loop over the words (a Python test per word cost most of this function)
    found = set(compress(count(), map(marks.__contains__, lower)))
    found.update(i for i in compress(count(), map(verbs.__contains__, lemma)) if pos[i] == "VERB")
    return sorted(found)


@lru_cache(maxsize=8)
def _marker_forms(words: SourceWords) -> frozenset[str]:
    """The markers and their first words up to an apostrophe ("d'" of "d'après"), with
    either apostrophe."""
    forms = set(words.markers) | words.role_markers
    forms |= {m[: m.index("'") + 1] for m in words.markers if "'" in m}
    forms |= {f.replace("'", "’") for f in forms}
    return frozenset(forms)


def _marked_head(doc: Doc, ix: TokenIndex, i: int, words: SourceWords) -> Token | None:
    """The noun a source marker at ``i`` introduces ("selon [l'Insee]", "d'après [les
    analystes]"); the marker and its neighbours read on the index, a Token made for the head."""
    text = ix.lower[i].replace("’", "'")
    if text in words.role_markers:
        # "pour les analystes de X, ...": a source before a role or a person only
        if ix.dep[i] != "case" or ix.head[i] == i:
            return None
        head = doc[ix.head[i]]
        return head if head.ent_type_ == "PER" or _role(head, words) is not None else None
    if text not in words.markers and not text.endswith("'"):
        return None  # most candidates: a verb of saying
    nxt = ix.lower[i + 1] if i + 1 < len(ix.lower) else None
    if text in words.markers or (nxt is not None and f"{text}{nxt}" in words.markers):
        h = ix.head[i]
        if h != i and ix.pos[h] in ("NOUN", "PROPN", "PRON"):
            return doc[h]
    return None


def _name_below(
    head: Token, ent_at: EntityIndex, words: SourceWords, sent_start: int
) -> Source | None:
    """The named person in the phrase headed by ``head`` ("le PDG de Nexa, Marc Dupont"), else
    the named organisation ("les analystes de Jefferies"), else its role noun phrase."""
    names = [ent_at.ents[k] for k in (ent_at[i] for i in [head.i, *_phrase(head)]) if k >= 0]
    for ent in names:
        if ent.label_ == "PER":
            return Source(canonical(ent), ent.start, ent.end, sent_start, person=True)
    role = _role(head, words)
    named = _named_after(head, ent_at) if role else None  # "la directrice financière, Anne Roy"
    if named is not None:
        return Source(canonical(named), named.start, named.end, sent_start, person=True)
    for label in ("ORG", "MISC"):
        for ent in names:
            if ent.label_ != label:
                continue
            name = canonical(ent)
            if role and role not in words.forecasters and _complement_of(ent, head):
                name = head.doc[head.i : ent.end].text  # "le ministère du Travail"
            return Source(name, ent.start, ent.end, sent_start)
    if role is None:
        return None
    return Source(_with_department(head, role), head.i, head.i + 1, sent_start)


def _with_department(head: Token, role: str) -> str:
    """ "le ministère des Finances et du Budget": a role with the capitalised complement that
    names its department or firm ("les analystes de Portzamparc"), when the model names none of it;
    else the role alone."""
    for child in head.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        named = child.text[:1].isupper() and child.i > head.i
        if child.dep_ == "nmod" and named and cases & {"de", "du", "des", "d'", "d’"}:
            end = max(t.i for t in child.subtree if t.dep_ not in ("punct", "acl", "acl:relcl"))
            if end - head.i <= 8:
                return head.doc[head.i : end + 1].text
    return role


def _complement_of(ent: Span, head: Token) -> bool:
    """Whether the name is the "de" complement of the role ("ministère [du Travail]"), which
    then names a body with it; not a name in apposition ("l'observatoire Clameur")."""
    root = ent.root
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    return root.head.i == head.i and bool(cases & {"de", "du", "des", "d'", "d’"})


def _named_after(head: Token, ent_at: EntityIndex) -> Span | None:
    """The person named right after a role and a comma, however the parse hangs the name."""
    ix = token_index(head.doc)  # the words after read on the index: no Token made
    text, pos, n = ix.text, ix.pos, len(ix.text)
    i = head.i + 1
    # "la ministre de l'Action et des Comptes publics, X": past the role's own complement
    while i < n and i <= head.i + 10 and text[i] != ",":
        if pos[i] in ("VERB", "AUX", "PUNCT") or ix.sent_start[i] == i:
            return None
        i += 1
    if i + 1 < n and text[i] == ",":
        k = ent_at[i + 1]
        if k >= 0 and ent_at.labels[k] == "PER":
            return ent_at.ents[k]
    return None


def _phrase(head: Token) -> list[int]:
    """The noun phrase below ``head`` (token indexes): its appositions, names and complements,
    and the agent of a participle ("selon une note publiée lundi par l'institut"); not other
    clauses."""
    ix = token_index(head.doc)
    children, dep = ix.children, ix.dep
    out: list[int] = []
    stack = [c for c in children[head.i] if dep[c] in _PHRASE_TOP_DEPS]
    while stack and len(out) < 12:
        i = stack.pop(0)
        out.append(i)
        stack.extend(c for c in children[i] if dep[c] in _PHRASE_DEPS)
    return out


#: what hangs a source's noun phrase on its head
_PHRASE_TOP_DEPS = frozenset({"appos", "nmod", "flat:name", "amod", "acl"})
#: what a source's noun phrase runs through: names, complements, a participle's agent
_PHRASE_DEPS = frozenset({"appos", "nmod", "flat:name", "obl:agent"})


def _role(head: Token, words: SourceWords) -> str | None:
    """ "directeur financier", "analystes": a role noun, with an adjective right after it."""
    ix = token_index(head.doc)  # the noun and the word after read on the index
    i = head.i
    if ix.pos[i] != "NOUN":
        return None
    lower = ix.lower[i]
    if i + 1 < len(ix.pos) and ix.pos[i + 1] == "ADJ":
        two = f"{lower} {ix.lower[i + 1]}"
        if two in words.roles:
            return two
    return lower if lower in words.roles or ix.lemma[i] in words.roles else None


def _speaker(
    verb: Token, ent_at: EntityIndex, words: SourceWords, before: list[Source], sent_start: int
) -> Source | None:
    """The speaker of a verb of saying, when it is not the subject speaking again."""
    # the children read on the token index: a Token only for those kept
    doc, ix = verb.doc, token_index(verb.doc)
    children, dep = ix.children[verb.i], ix.dep
    speakers = [doc[c] for c in children if dep[c] in _SPEAKER_DEPS]
    # "Nexa a publié un bénéfice": a speaker before the verb, with no clause of speech after it
    says_own = (
        bool(speakers)
        and all(c.i < verb.i for c in speakers)
        and not any(dep[c] in ("ccomp", "parataxis") for c in children)
    )
    if _after_comma(verb):
        # an incise ("…, a détaillé le directeur financier"): the parse may file the
        # inverted speaker as an object, or under the day before it ("a annoncé mardi X"),
        # and take the clause before the comma for the verb's subject
        inverted = [
            doc[c]
            for c in children
            if c > verb.i
            and (
                dep[c] in _SPEAKER_DEPS
                or dep[c] == "obj"
                or (dep[c] in ("obl:mod", "nmod") and not _has_case_at(ix, c))
            )
        ]
        if inverted:
            speakers, says_own = inverted, False
    if not speakers and verb.dep_.startswith("acl"):
        agent = _agent_below(verb, ent_at)
        if agent is not None:  # "la moyenne, estimée à 1,9 % par Eurostat": for that clause
            found = _name_below(agent, ent_at, words, sent_start)
            if found is not None:
                return replace(found, within=(verb.left_edge.i, verb.right_edge.i + 1))
    for subj in speakers:
        within = None
        role = subj
        if subj.lower_ == "qui" and verb.dep_.startswith("acl"):
            role, subj = verb.head, _antecedent(verb, ent_at)  # "la BdF, qui prévoit 1,2 %"
            within = (verb.left_edge.i, verb.right_edge.i + 1)
        if subj.lower_ in _PRONOUNS:
            return _last_person(subj, ent_at, sent_start)
        # "la Banque de France" is a name, not "la banque" again
        again = subj.lower_ in words.self_reference or subj.lemma_ in words.self_reference
        if again and ent_at[subj.i] < 0:
            return None
        found = _name_below(subj, ent_at, words, sent_start)
        if found is not None:  # else a word the parse hung there too ("a annoncé mardi X")
            # "les analystes de X attendaient 150 millions": their view of another's figure
            others = bool({role.lower_, role.lemma_} & words.forecasters)
            if others and says_own:  # for what they expect, not for the rest of the sentence
                within = (verb.left_edge.i, verb.right_edge.i + 1)
            return replace(found, quoted=others or not says_own, within=within)
    return None


def _agent_below(verb: Token, ent_at: EntityIndex) -> Token | None:
    """The named agent of a participle of saying: "par X" after it in its clause, wherever the
    parse hangs it ("estimée à 1,9 % par Eurostat" files "par Eurostat" under the figure)."""
    ix = token_index(verb.doc)  # the subtree walked on the index: a Token for the agent only
    children, dep, lower = ix.children, ix.dep, ix.lower
    for i in _subtree(ix, verb.i):
        named = i > verb.i and ent_at[i] >= 0
        if named and any(dep[c] == "case" and lower[c] == "par" for c in children[i]):
            return verb.doc[i]
    return None


def _subtree(ix: TokenIndex, i: int) -> Iterator[int]:
    """``token.subtree`` as indexes, in its order: the left children's, the token, the right
    children's."""
    children = ix.children[i]
    for c in children:
        if c < i:
            yield from _subtree(ix, c)
    yield i
    for c in children:
        if c > i:
            yield from _subtree(ix, c)


def _antecedent(verb: Token, ent_at: EntityIndex) -> Token:
    """What a relative "qui" stands for: the noun the clause hangs on, or the person a role
    in apposition describes ("Marc Roy, analyste chez Nexa, qui relève ...")."""
    head = verb.head
    if head.dep_ == "appos" and ent_at[head.head.i] >= 0:
        k = ent_at[head.head.i]
        if ent_at.ents[k].label_ == "PER":
            return head.head
    return head


def _last_person(pronoun: Token, ent_at: EntityIndex, sent_start: int) -> Source | None:
    """ "a-t-il précisé": the last person named in this sentence or the one before."""
    ix = token_index(pronoun.doc)
    start = sent_start
    for _ in range(3):  # this sentence and the three before: the paragraph's speaker
        if start > 0:
            start = ix.sent_start_of(start - 1)
    for i in range(pronoun.i - 1, start - 1, -1):
        k = ent_at[i]
        if k >= 0 and ent_at.ents[k].label_ == "PER":
            ent = ent_at.ents[k]
            return Source(canonical(ent), ent.start, ent.end, sent_start, person=True)
    return None


def _has_case_at(ix: TokenIndex, i: int) -> bool:
    return any(ix.dep[c] == "case" for c in ix.children[i])


def _after_comma(verb: Token) -> bool:
    """ "…, a précisé X": a comma (or closing quote) right before the verb and its auxiliary."""
    ix = token_index(verb.doc)
    i = verb.i - 1
    while i >= 0 and ix.pos[i] == "AUX":
        i -= 1
    return i >= 0 and ix.text[i] in (",", "»", "”")

"""factex_events: one event per clause that carries a resolved date.

Each date span of ``doc.spans[DATES]`` with a value is attached to the clause that governs it
(the verb above it in the parse, or a trigger noun of ``resources/<lang>/triggers.json`` when
no verb is above it in the clause). The event is ``doc.spans[EVENTS]`` with
``Span._.factex_event = {"date", "trigger", "actors", "mentions"}``:

- ``date``: the TIMEX value of the date;
- ``trigger``: the lemma of the clause's verb (any verb), or of the trigger noun, else None;
- ``actors``: canonical names of the ORG/PER entities that are the clause's subject, agent
  ("par le groupe X") or direct object, coordinated ones included ("Alibaba et Bolloré ont
  signé"), also when the parser cut them off into a sentence of their own ("Renault et
  Nissan | ont conclu"). A clause whose own subject is a common noun ("la direction a
  confirmé") borrows no name from another clause; a pronoun subject ("il fermerait") only
  from the clause it hangs on. A relative clause whose subject is the relative pronoun
  speaks of its antecedent ("Air France, qui l'avait commandé en 2019": Air France), even
  where the parser hung it on the main verb; on a period noun ("l'exercice, qui s'est achevé
  le 31 mars") it dates the main clause's frame and takes its actors; on a noun that is
  neither an event (a trigger noun) nor holds a name ("le plan, qui débutera le 11 mai") it
  describes the noun and makes no event. A participial clause without subject ("Mis en
  examen le 25 avril, X est devenu ...") takes the actors of the clause it hangs on or that
  hangs on it;
- ``mentions``: ``[start_char, end_char]`` of every clause that tells the fact, first one
  (the span itself) included.

News tells its main fact more than once (title, lede, body): two events of one document are one
fact when they have the same date value, actors of which one set holds the other (none empty)
and one action, a verb or its noun ("ont signé" / "ont annoncé avoir signé", "sera canonisé" /
"la canonisation aura lieu"), compared on stems; a reporting verb counts by what it reports
("a annoncé la fermeture"). Events without actors are never folded. The fact keeps its first
telling's span and trigger, the actors of all its tellings and the offsets of each in
``mentions``.

The event span is the clause: the verb's subtree (left edge to right edge), widened to cover the
date and trimmed of edge punctuation; for a main verb it is the sentence. Several
dates in one clause make one event, dated by the finest of them; a date standing alone (a
dateline), inside a noun phrase that is no trigger (participles describing a noun included:
"des élections anticipées le 12 décembre") or on a metric's figure for a period ("le PIB a
chuté au premier trimestre", a percentage fact already) makes none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import snowballstemmer
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import DATES, EVENTS, register_extensions
from factex.components.syntax import (
    ACTOR_LABELS,
    CLAUSE_DEPS,
    RELATIVE_DEPS,
    EntityIndex,
    canonical,
    entities_below,
    entity_index,
    span_root,
    subjects,
    unique,
)

_SUBJECT_LABELS = frozenset({"ORG", "PER", "MISC"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_NP_DEPS = frozenset({"nmod", "flat:name", "flat:foreign", "appos", "amod", "nummod", "compound"})
_LINKED_CLAUSES = frozenset({"advcl", "parataxis", "conj", "xcomp", "ccomp"})


class EventFinder:
    """Builds ``doc.spans[EVENTS]`` from the dated clauses of the doc."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        lang = lang or nlp.lang
        data: dict[str, Any] = resources.load(lang, "triggers")
        self.trigger_nouns = frozenset(data["nouns"])
        self.measure_verbs = frozenset(data["measure_verbs"])
        # A metric is named by its first word on the parse ("chiffre" of "chiffre d'affaires").
        metrics: dict[str, Any] = resources.load(lang, "metrics")
        self.metric_heads = frozenset(n.split()[0].casefold() for n in metrics["nouns"])
        self.light_verbs = frozenset(data["light_verbs"])
        self.report_verbs = frozenset(data["report_verbs"])
        self.period_nouns = frozenset(data["period_nouns"])
        self.stemmer_name = str(data["stemmer"])

    def __call__(self, doc: Doc) -> Doc:
        events: list[Span] = []
        if DATES in doc.spans:
            ent_at = entity_index(doc)
            # One event per clause: of its dates, the finest ("a publié hier ses comptes du
            # premier trimestre" happened hier; the quarter is what the figures cover).
            by_clause: dict[int, tuple[Token, Span, str]] = {}
            for date in sorted(doc.spans[DATES], key=lambda s: s.start):
                value = (date._.factex_date or {}).get("value")
                if not value:
                    continue
                head = self._governor(date)
                if date.start <= head.i < date.end:
                    continue  # a dateline ("24 juin 2012") is no clause, hence no event
                if head.pos_ not in ("VERB", "AUX") and not self._is_trigger_noun(head):
                    continue  # a date inside a noun phrase ("un record pour l'année 2023")
                if _modifies_noun(head) or _is_dateline(head) or self._is_measurement(head):
                    continue
                if self._describes_noun(head, ent_at):
                    continue
                known = by_clause.get(head.i)
                if known is None or _grain_rank(date) < _grain_rank(known[1]):
                    by_clause[head.i] = (head, date, str(value))
            told: list[_Telling] = []
            for head, date, value in sorted(by_clause.values(), key=lambda e: e[1].start):
                span = _clause_span(head, date)
                trigger = head.lemma_ if head.pos_ in ("VERB", "AUX") else None
                if trigger is None and self._is_trigger_noun(head):
                    trigger = head.lemma_
                span._.factex_event = {
                    "date": value,
                    "trigger": trigger,
                    "actors": self._actors(head, ent_at),
                    "mentions": [[span.start_char, span.end_char]],
                }
                told.append(_Telling(span, head))
            events = self._one_per_fact(told)
        doc.spans[EVENTS] = events
        return doc

    def _one_per_fact(self, told: list[_Telling]) -> list[Span]:
        """Fold the retellings of a fact into its first telling (see the module's doc)."""
        facts: list[_Telling] = []
        stems: _Stems | None = None
        for telling in told:
            event = telling.span._.factex_event
            actors = set(event["actors"])
            for fact in facts:
                first = fact.span._.factex_event
                if first["date"] != event["date"] or not actors or not fact.actors:
                    continue
                if not (actors <= fact.actors or fact.actors <= actors):
                    continue
                # Stems only for the few pairs that get this far: most events share no date.
                stems = stems or _Stems(self.stemmer_name)
                if not fact.same_action(telling, self, stems):
                    continue
                first["actors"] = unique([*first["actors"], *event["actors"]])
                first["mentions"].extend(event["mentions"])
                fact.actors |= actors
                fact.heads.append(telling.head)
                break
            else:
                telling.actors = actors
                facts.append(telling)
        return [fact.span for fact in facts]

    def action_words(self, head: Token) -> tuple[list[str], list[str]]:
        """What a clause says was done: its verbs (the trigger and the verbs of its complement,
        "ont annoncé avoir signé"), light and reporting ones left out, the object of a
        reporting verb ("a annoncé la fermeture"), or its trigger noun; and the nouns it does it
        with (subject, object: "la canonisation aura lieu", "ont signé un accord").
        """
        actions: list[str] = []
        nouns: list[str] = []
        if head.pos_ not in ("VERB", "AUX"):
            if self._is_trigger_noun(head):
                actions.append(head.lemma_.casefold())
            return actions, nouns
        verbs = [head]
        for verb in verbs:
            if len(verbs) > 4:
                break
            verbs.extend(
                c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            )
        for verb in verbs:
            lemma = verb.lemma_.casefold()
            report = lemma in self.report_verbs
            if lemma not in self.light_verbs and not report:
                actions.append(lemma)
            for c in verb.children:
                if c.pos_ == "NOUN" and c.dep_ in ("nsubj", "nsubj:pass", "obj"):
                    # What is announced is the action ("a annoncé la fermeture de Flins").
                    (actions if report and c.dep_ == "obj" else nouns).append(c.lemma_.casefold())
        return actions, nouns

    def _describes_noun(self, verb: Token, ent_at: EntityIndex) -> bool:
        """ "le plan de déconfinement, qui débutera le 11 mai": a relative clause on a noun that
        is no event and names no one says what the noun is, like "des élections anticipées le
        12 décembre"; its date belongs to that noun, and nobody of the main clause acts in it.
        """
        antecedent = _relative_antecedent(verb)
        return (
            bool(antecedent)
            and not self._is_period(antecedent)
            and not any(self._is_trigger_noun(t) for t in antecedent)
            and not _antecedent_actors(antecedent, ent_at)
        )

    def _is_period(self, nouns: list[Token]) -> bool:
        return any(t.lemma_.casefold() in self.period_nouns for t in nouns)

    def _is_trigger_noun(self, token: Token) -> bool:
        return token.lemma_.casefold() in self.trigger_nouns

    def _is_measurement(self, verb: Token) -> bool:
        """ "Le PIB a chuté de 3,8 % au premier trimestre": a metric's figure for a period.

        The figure is already a money or percentage fact carrying that period; as an event it
        would only repeat it, with no one acting.
        """
        if verb.lemma_.casefold() not in self.measure_verbs:
            return False
        return any(
            s.pos_ in ("NOUN", "PROPN")
            and (s.lower_ in self.metric_heads or s.lemma_.casefold() in self.metric_heads)
            for s in subjects(verb)
        )

    def _governor(self, date: Span) -> Token:
        """The verb (or trigger noun, or root) heading the clause the date belongs to."""
        token = span_root(date).head
        if token.i >= date.start and token.i < date.end:
            return token  # the date is the root of its sentence ("Le 2 juillet.")
        first_noun: Token | None = None
        while True:
            if token.pos_ in ("VERB", "AUX"):
                return token
            if first_noun is None and token.lemma_.casefold() in self.trigger_nouns:
                first_noun = token
            if token.head.i == token.i or token.dep_ in CLAUSE_DEPS:
                return first_noun or token
            token = token.head

    def _actors(self, head: Token, ent_at: EntityIndex) -> list[str]:
        # "Air France, qui l'avait commandé en 2019": the relative pronoun stands for Air France.
        antecedent = _relative_antecedent(head)
        if antecedent and not self._is_period(antecedent):
            return unique([*_antecedent_actors(antecedent, ent_at), *_clause_actors(head, ent_at)])
        found = _clause_actors(head, ent_at)
        if found:
            return found
        own = [s for s in subjects(head) if "Rel" not in s.morph.get("PronType", [])]
        if not subjects(head):
            found = (
                _inverted_subject(head, ent_at)
                or _subject_after_comma(head, ent_at)
                or _subject_cut_off(head, ent_at)
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
                    found.extend(_subject_actors(child, ent_at))
            return unique(found)
        # A pronoun subject ("il a conclu") may stand for the subject of the clause it hangs
        # on, not for one of the clauses hanging on it ("il obtint ..., où les Bleus obtinrent").
        upward_only = bool(own)
        # A relative clause on a period ("l'exercice, qui s'est achevé"), or one whose subject
        # is no name ("l'usine que le groupe a cédée"), dates the main clause's frame.
        if head.dep_ in RELATIVE_DEPS:
            main = head.head
            while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
                main = main.head
            found = _clause_actors(main, ent_at)
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
            found = _subject_actors(other, ent_at)
            if found:
                return found
        return []


class _Stems:
    """A Snowball stemmer and the stems it gave, made only when two events are compared."""

    def __init__(self, name: str) -> None:
        self._stemmer = snowballstemmer.stemmer(name)
        self._cache: dict[str, str] = {}

    def __call__(self, words: list[str]) -> set[str]:
        out = set()
        for word in words:
            stem = self._cache.get(word)
            if stem is None:
                stem = self._cache[word] = self._stemmer.stemWord(word)
            out.add(stem)
        return out


@dataclass
class _Telling:
    """One clause telling a dated fact; as a fact, the heads and actors of all its tellings."""

    span: Span
    head: Token
    actors: set[str] = field(default_factory=set)
    heads: list[Token] = field(default_factory=list)

    def same_action(self, other: _Telling, finder: EventFinder, stems: _Stems) -> bool:
        """One action in both: a verb of one is a verb or a noun of the other."""
        other_verbs, other_nouns = finder.action_words(other.head)
        verbs = stems(other_verbs)
        nouns = stems(other_nouns)
        for head in (self.head, *self.heads):
            mine_verbs, mine_nouns = finder.action_words(head)
            mine = stems(mine_verbs)
            if mine & (verbs | nouns) or verbs & stems(mine_nouns):
                return True
        return False


_GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "year")


def _grain_rank(date: Span) -> int:
    grain = (date._.factex_date or {}).get("grain")
    return _GRAINS.index(grain) if grain in _GRAINS else len(_GRAINS)


def _relative_antecedent(verb: Token) -> list[Token]:
    """The noun phrase a relative clause with the relative pronoun as subject speaks of: its
    nouns from the one the clause hangs on up to the phrase's head ("l'exercice" then "cours"
    in "au cours de l'exercice, qui s'est achevé"); empty for any other clause.

    The parser sometimes hangs such a clause on the main verb ("a présenté le plan, qui
    débutera le 11 mai" as a ccomp of "présenté"): the antecedent is then the noun phrase just
    before the pronoun (and its comma).
    """
    pronoun = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubj:pass") and "Rel" in c.morph.get("PronType", [])
        ),
        None,
    )
    if pronoun is None:
        return []
    if verb.dep_ in RELATIVE_DEPS:
        token = verb.head
    else:
        doc = verb.doc
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


def _antecedent_actors(antecedent: list[Token], ent_at: EntityIndex) -> list[str]:
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
    return [canonical(e) for e in _with_coordinated(found, ent_at)]


def _modifies_noun(verb: Token) -> bool:
    """ "un budget prévoyant 60 milliards en 2025", "des élections anticipées le 12 décembre":
    a participle after its noun, with neither auxiliary nor subject, describes the noun; its date
    belongs to the noun phrase, as in "un record pour l'année 2023".
    """
    return (
        verb.dep_ == "acl"
        and verb.i > verb.head.i
        and verb.morph.get("VerbForm", []) == ["Part"]
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
    )


def _is_dateline(verb: Token) -> bool:
    """ "Publié le 3 octobre 2024", "Mis à jour le 12 mars": a bare participle that is a whole
    sentence (no subject, no auxiliary, no other verb) dates the page, not an event.
    """
    sent = verb.sent
    return (
        verb.dep_ == "ROOT"
        and verb.morph.get("VerbForm", []) == ["Part"]
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
        and not any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in sent)
        and not _cut_at_comma(sent)
    )


def _cut_at_comma(sent: Span) -> bool:
    """A sentence the parser ended at a comma, which ends it or starts the next one."""
    doc = sent.doc
    return sent[-1].text == "," or (sent.end < len(doc) and doc[sent.end].text == ",")


def _subject_after_comma(verb: Token, ent_at: EntityIndex) -> list[str]:
    """ "Fondée en 2019 à Toulouse | , Airlog a bouclé …": the parser sometimes ends a sentence
    at the comma after a participial clause; its subject is the next sentence's.
    """
    sent = verb.sent
    doc = verb.doc
    if verb.dep_ != "ROOT" or sent.end >= len(doc) or not _cut_at_comma(sent):
        return []
    return _subject_actors(doc[sent.end].sent.root, ent_at)


def _subject_cut_off(verb: Token, ent_at: EntityIndex) -> list[str]:
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
    return [canonical(e) for e in _with_coordinated([name], ent_at)]


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


def _subject_actors(verb: Token, ent_at: EntityIndex) -> list[str]:
    names: list[str] = []
    for subj in subjects(verb):
        named = _apposed_name(subj, ent_at) or _name_after_role(subj, ent_at)
        if named is not None:
            names.append(canonical(named))
            continue
        # The subject may be a name the model filed as MISC ("Regeneron").
        found = entities_below(subj, ent_at, labels=_SUBJECT_LABELS)
        names.extend(canonical(e) for e in _with_coordinated(found, ent_at))
    return unique(names)


def _clause_actors(verb: Token, ent_at: EntityIndex) -> list[str]:
    names = _subject_actors(verb, ent_at)
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
        if start == doc[start].sent.start or doc[start - 1].is_punct:
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


def _with_coordinated(found: list[Span], ent_at: EntityIndex) -> list[Span]:
    """Add names coordinated with the subject that the parse attached elsewhere."""
    if not found:
        return found
    doc = found[0].doc
    out = list(found)
    first = found[0]
    i = first.start - 1
    # Walk left over "X, Y et Z": the last separator must be "et" ("Selon Reuters, X a ...").
    if i < 1 or doc[i].lower_ != "et":
        return out
    while i >= 1 and doc[i].lower_ in (",", "et"):
        k = ent_at[i - 1]
        if k < 0 or ent_at.ents[k].label_ not in _SUBJECT_LABELS:
            break
        out.insert(0, ent_at.ents[k])
        i = ent_at.ents[k].start - 1
    return out


def _clause_span(head: Token, date: Span) -> Span:
    doc = head.doc
    start = min(head.left_edge.i, date.start)
    end = max(head.right_edge.i + 1, date.end)
    sent = head.sent
    start, end = max(start, sent.start), min(end, sent.end) if date.end <= sent.end else end
    # "%" is punctuation to spaCy's lexicon but a noun to the tagger: "de 45 %" keeps it.
    while end - start > 1 and (
        (doc[end - 1].is_punct and doc[end - 1].pos_ != "NOUN") or doc[end - 1].is_space
    ):
        end -= 1
    while end - start > 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


@Language.factory(
    "factex_events",
    assigns=["doc.spans", "span._.factex_event"],
    requires=["doc.ents", "token.dep", "span._.factex_canonical"],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    """Find dated events: date, trigger verb and actors of each dated clause."""
    return EventFinder(nlp, name)

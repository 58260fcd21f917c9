"""Dated clauses: which clause each date of ``doc.spans[DATES]`` dates, and which are events.

A date hangs on the verb above it (or on a trigger noun when no verb is above it in its
clause). Datelines, dates inside noun phrases and measurements of a metric over a period date
no event. Nominal and participial events belong here: :func:`_governor` finds the head a date
hangs on, :func:`_dates_event` decides whether that clause is an event.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from factex.components.events.actors import antecedent_actors, relative_antecedent
from factex.components.events.words import EventWords
from factex.components.extensions import DATES
from factex.components.sentences import cut_at_comma
from factex.components.syntax import CLAUSE_DEPS, EntityIndex, span_root, subjects

_GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "year")


class DatedClause(NamedTuple):
    """A clause's head (verb or trigger noun), the date that dates it and that date's value."""

    head: Token
    date: Span
    value: str


def dated_clauses(doc: Doc, words: EventWords, ent_at: EntityIndex) -> list[DatedClause]:
    """One per clause that dates an event, in text order.

    Of a clause's dates the finest wins ("a publié hier ses comptes du premier trimestre"
    happened hier; the quarter is what the figures cover).
    """
    by_clause: dict[int, DatedClause] = {}
    for date in sorted(doc.spans[DATES], key=lambda s: s.start):
        value = (date._.factex_date or {}).get("value")
        if not value:
            continue
        head = _governor(date, words)
        if not _dates_event(head, date, words, ent_at):
            continue
        known = by_clause.get(head.i)
        if known is None or _grain_rank(date) < _grain_rank(known.date):
            by_clause[head.i] = DatedClause(head, date, str(value))
    return sorted(by_clause.values(), key=lambda c: c.date.start)


def _governor(date: Span, words: EventWords) -> Token:
    """The verb (or trigger noun, or root) heading the clause the date belongs to."""
    token = span_root(date).head
    if token.i >= date.start and token.i < date.end:
        return token  # the date is the root of its sentence ("Le 2 juillet.")
    first_noun: Token | None = None
    while True:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if first_noun is None and token.lemma_.casefold() in words.trigger_nouns:
            first_noun = token
        if token.head.i == token.i or token.dep_ in CLAUSE_DEPS:
            return first_noun or token
        token = token.head


def _dates_event(head: Token, date: Span, words: EventWords, ent_at: EntityIndex) -> bool:
    """Whether the clause headed by ``head`` is an event dated by ``date``."""
    if date.start <= head.i < date.end:
        return False  # a dateline ("24 juin 2012") is no clause, hence no event
    if head.pos_ not in ("VERB", "AUX") and not words.is_trigger_noun(head):
        return False  # a date inside a noun phrase ("un record pour l'année 2023")
    if _modifies_noun(head) or _is_dateline(head) or _is_measurement(head, words):
        return False
    return not _describes_noun(head, words, ent_at)


def clause_span(head: Token, date: Span) -> Span:
    """The clause: the head's subtree widened to the date, within the sentence, edges trimmed."""
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


def _grain_rank(date: Span) -> int:
    grain = (date._.factex_date or {}).get("grain")
    return _GRAINS.index(grain) if grain in _GRAINS else len(_GRAINS)


def _describes_noun(verb: Token, words: EventWords, ent_at: EntityIndex) -> bool:
    """ "le plan de déconfinement, qui débutera le 11 mai": a relative clause on a noun that
    is no event and names no one says what the noun is, like "des élections anticipées le
    12 décembre"; its date belongs to that noun, and nobody of the main clause acts in it.
    """
    antecedent = relative_antecedent(verb)
    return (
        bool(antecedent)
        and not words.is_period(antecedent)
        and not any(words.is_trigger_noun(t) for t in antecedent)
        and not antecedent_actors(antecedent, words, ent_at)
    )


def _is_measurement(verb: Token, words: EventWords) -> bool:
    """ "Le PIB a chuté de 3,8 % au premier trimestre": a metric's figure for a period.

    The figure is already a money or percentage fact carrying that period; as an event it
    would only repeat it, with no one acting.
    """
    if verb.lemma_.casefold() not in words.measure_verbs:
        return False
    return any(
        s.pos_ in ("NOUN", "PROPN")
        and (s.lower_ in words.metric_heads or s.lemma_.casefold() in words.metric_heads)
        for s in subjects(verb)
    )


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
        and not cut_at_comma(sent)
    )

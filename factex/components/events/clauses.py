"""Dated clauses: which clause each date of ``doc.spans[DATES]`` dates, and which are events.

A date hangs on the verb above it (or on a trigger noun when no verb is above it in its
clause). Datelines, dates inside noun phrases and measurements of a metric over a period date
no event. Nominal and participial events belong here: :func:`_governor` finds the head a date
hangs on, :func:`_dates_event` decides whether that clause is an event.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, Token

from factex.components.events.actors import antecedent_actors, relative_antecedent
from factex.components.events.chains import is_participle, is_verbal, verb_lemma, verbal_at
from factex.components.events.words import EventWords
from factex.components.extensions import DATES
from factex.components.morph import morph_column, morph_values
from factex.components.sentences import cut_at_comma
from factex.components.syntax import CLAUSE_DEPS, EntityIndex, span_root, subjects
from factex.components.token_index import token_index

_GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "year")
#: punctuation that closes the stretch of words a date shares with its verb
_SEGMENT_ENDS = frozenset({",", ";", ":", "(", ")", "«", "»", "—", "–", '"', "“", "”"})
_FINE = ("second", "minute", "hour", "day")
_OF = ("de", "du", "des", "d'", "d’")


class DatedClause(NamedTuple):
    """A clause's head (verb or trigger noun), the date that dates it and that date's value."""

    head: Token
    date: Span
    value: str


def dated_clauses(
    doc: Doc, words: EventWords, ent_at: EntityIndex, published: str | None = None
) -> list[DatedClause]:
    """One per clause that dates an event, in text order.

    Of a clause's dates the finest wins ("a publié hier ses comptes du premier trimestre"
    happened hier; the quarter is what the figures cover). A past participle on its noun
    tells an event when its date is written in full and before ``published`` ("une peintre
    disparue en 1961").
    """
    by_clause: dict[int, tuple[int, DatedClause]] = {}  # by head: (grain rank, clause)
    recurring: set[int] = set()
    for date in sorted(doc.spans[DATES], key=lambda s: s.start):
        info = date._.factex_date or {}  # read once: each ``date._`` builds an object
        value = info.get("value")
        if not value:
            continue
        nominal = nominal_head(date, words, info.get("grain"))
        head = nominal or _governor(date, words)
        if is_recurring(date, info):
            recurring.add(head.i)  # "chaque lundi", "tous les ans": a SET dates no event
            continue
        # a written date only: a relative one took its direction from the participle itself
        before = (
            published is not None
            and not info.get("relative")
            and str(value).split("/")[0][:10] < published
        )
        if nominal is None and not _dates_event(head, date, words, ent_at, before):
            continue
        known = by_clause.get(head.i)
        rank = _grain_rank(info.get("grain"))
        if known is None or rank < known[0]:
            by_clause[head.i] = (rank, DatedClause(head, date, str(value)))
    kept = [c for i, (_, c) in by_clause.items() if i not in recurring]
    return sorted(kept, key=lambda c: c.date.start)


def is_recurring(date: Span, info: dict[str, Any] | None = None) -> bool:
    """A SET or generic date ("chaque lundi" XXXX-WXX-1, "tous les ans" P1Y, "XXXX-07-14");
    ``info``: its ``factex_date`` when already read."""
    if info is None:
        info = date._.factex_date or {}
    value = str(info.get("value") or "")
    return info.get("grain") == "set" or value.startswith("P") or "XX" in value


def nominal_head(date: Span, words: EventWords, grain: str | None) -> Token | None:
    """The event noun a date qualifies: "l'explosion de mardi", "la réunion du 3 mars" (a day
    or finer, on any noun), "la signature, lundi, de l'accord" (set off by commas, on a
    trigger noun, or on any noun whose complement follows the date: "la démolition, en 2012,
    de la tour"), "sa création en 1958" (hanging on a trigger noun); never a noun of time
    ("la nuit du 18 au 19 juin"). None otherwise; ``grain``: the date's."""
    doc = date.doc
    root = span_root(date)
    head = root.head
    first = doc[date.start]
    if (
        head.pos_ == "NOUN"
        and head.i < date.start
        and not is_participle(head)
        and not words.is_time_noun(head)
        and (
            words.is_trigger_noun(head)
            or (
                grain in _FINE
                and (first.lower_ in _OF or doc[max(date.start - 1, 0)].lower_ in _OF)
            )
        )
        and root.dep_ in ("nmod", "obl", "obl:mod")
    ):
        return head
    before = date.start - 1
    after = date.end
    if before < 1 or doc[before].text != "," or after + 1 >= len(doc) or doc[after].text != ",":
        return None
    noun = doc[before - 1]
    if noun.pos_ == "NOUN" and doc[after + 1].lower_ in _OF and not words.is_time_noun(noun):
        return noun  # "la démolition, en 2012, de la tour": the date cuts a noun phrase
    found = None  # "l'ouverture du procès, lundi,": the outermost event noun
    for _ in range(4):
        if noun.pos_ == "NOUN" and words.is_trigger_noun(noun):
            found = noun
        if noun.dep_ != "nmod" or noun.head.i > noun.i or noun.head.pos_ != "NOUN":
            break
        noun = noun.head
    return found


def _segment_verb(date: Span) -> Token | None:
    """The verb nearest before the date within its stretch of words between commas
    ("Le militant, condamné en 1987, devait être libéré hier soir": 1987 is condamné's)."""
    doc = date.doc
    ix = token_index(doc)  # the words are read from it: a Token is made for the verb only
    sent_start = ix.sent_start_of(date.start)  # no Span made for the sentence
    feats = morph_column(doc, ix)
    i = date.start - 1
    while i >= sent_start and ix.text[i] not in _SEGMENT_ENDS and "\n" not in ix.text[i]:
        if verbal_at(ix, feats, i):
            return doc[i]
        i -= 1
    return None


def _governor(date: Span, words: EventWords) -> Token:
    """The verb (or trigger noun, or root) heading the clause the date belongs to: the verb
    nearest before it between commas, unless the parse hangs it on a word between the two
    that is no verb ("resteront élevés en 2024": a state, not an event)."""
    parsed = _parsed_governor(date, words)
    near = _segment_verb(date)
    if near is None or (not is_verbal(parsed) and near.i < parsed.i < date.start):
        return parsed
    inviting = near.head
    if near.dep_ == "xcomp" and verb_lemma(inviting) in words.inviting_verbs:
        return inviting  # "invite les riverains à visiter le site samedi": an invitation
    return near


def _parsed_governor(date: Span, words: EventWords) -> Token:
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


def _dates_event(
    head: Token, date: Span, words: EventWords, ent_at: EntityIndex, before: bool = False
) -> bool:
    """Whether the clause headed by ``head`` is an event dated by ``date`` (``before``: the
    date is before publication)."""
    if date.start <= head.i < date.end:
        return False  # a dateline ("24 juin 2012") is no clause, hence no event
    if not is_verbal(head) and not words.is_trigger_noun(head):
        return False  # a date inside a noun phrase ("un record pour l'année 2023")
    if head.dep_ == "acl" and verb_lemma(head) in words.state_verbs:
        return False  # a participle naming a state ("le terminal géré ... en 2011"): no event
    past_participle = before and "Past" in morph_values(head, "Tense")
    if (_modifies_noun(head) and not past_participle) or _is_dateline(head):
        return False
    if is_measurement(head, words):
        return False
    return not _describes_noun(head, words, ent_at)


def _grain_rank(grain: str | None) -> int:
    return _GRAINS.index(grain) if grain in _GRAINS else len(_GRAINS)


def _describes_noun(verb: Token, words: EventWords, ent_at: EntityIndex) -> bool:
    """ "le plan de déconfinement, qui débutera le 11 mai": a relative clause on a noun that
    is no event and names no one says what the noun is, like "des élections anticipées le
    12 décembre"; its date belongs to that noun, and nobody of the main clause acts in it.
    """
    if any(c.dep_ == "aux:tense" for c in verb.children):
        return False  # "la digue qui a cédé mardi": a compound past tells what happened
    antecedent = relative_antecedent(verb)
    return (
        bool(antecedent)
        and not words.is_period(antecedent)
        and not any(words.is_trigger_noun(t) for t in antecedent)
        and not antecedent_actors(antecedent, words, ent_at)
    )


def is_measurement(verb: Token, words: EventWords) -> bool:
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
    belongs to the noun phrase, as in "un record pour l'année 2023". A past participle set off
    by a comma tells an event of its own ("L'opération, menée hier matin, ...").
    """
    return (
        verb.dep_ == "acl"
        and verb.i > verb.head.i
        and morph_values(verb, "VerbForm") == ("Part",)
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
        and not set_off(verb)
    )


def set_off(verb: Token) -> bool:
    """A past participle after a comma, at the start of its sentence, or coordinated by
    "et" after one ("âgé de 59 ans et embauché en 2004")."""
    if "Pres" in morph_values(verb, "Tense"):
        return False
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < token_index(doc).sent_start_of(verb.i):
        return True
    return doc[i].text == "," or (doc[i].lower_ in ("et", "puis") and doc[i].head.i == verb.i)


def _is_dateline(verb: Token) -> bool:
    """ "Publié le 3 octobre 2024", "Mis à jour le 12 mars": a bare participle that is a whole
    sentence (no subject, no auxiliary, no other verb) dates the page, not an event.
    """
    if not (
        verb.dep_ == "ROOT"
        and morph_values(verb, "VerbForm") == ("Part",)
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
    ):
        return False
    sent = verb.sent  # only now: most verbs fail the tests above, and a sentence Span costs
    others = any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in sent)
    return not others and not cut_at_comma(sent)

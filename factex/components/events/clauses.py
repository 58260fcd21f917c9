"""Dated clauses: which clause each date of ``doc.spans[DATES]`` dates, and which are events.

A date hangs on the verb above it (or on a trigger noun when no verb is above it in its
clause). Datelines, dates inside noun phrases and measurements of a metric over a period date
no event. Nominal and participial events belong here: :func:`_governor` finds the head a date
hangs on, :func:`_dates_event` decides whether that clause is an event.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, Token

from factex.components.events.actors import Entities, antecedent_actors, relative_antecedent_at
from factex.components.events.chains import participle_at, verb_lemma_at, verbal_at
from factex.components.events.words import EventWords
from factex.components.extensions import DATES, span_value
from factex.components.morph import MorphColumn
from factex.components.sentences import cut_at_comma
from factex.components.syntax import CLAUSE_DEPS, span_root_at, subjects_in
from factex.components.token_index import TokenIndex

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


class DateReading(NamedTuple):
    """A date of ``doc.spans[DATES]`` and its ``factex_date`` (each ``date._`` read builds an
    object, and iterating the group builds a Span per date: both are read once per Doc)."""

    span: Span
    info: dict[str, Any]


def read_dates(doc: Doc) -> list[DateReading]:
    """The doc's dates in text order, each with its ``factex_date`` (``{}`` when unset)."""
    dates = sorted(doc.spans[DATES], key=lambda s: s.start)
    return [DateReading(date, span_value(date, "factex_date") or {}) for date in dates]


def dated_clauses(
    doc: Doc,
    words: EventWords,
    ent_at: Entities,
    published: str | None = None,
    dates: list[DateReading] | None = None,
) -> list[DatedClause]:
    """One per clause that dates an event, in text order (``dates``: :func:`read_dates`).

    Of a clause's dates the finest wins ("a publié hier ses comptes du premier trimestre"
    happened hier; the quarter is what the figures cover). A past participle on its noun
    tells an event when its date is written in full and before ``published`` ("une peintre
    disparue en 1961").
    """
    ix, feats = ent_at.ix, ent_at.feats  # the walks read the parse: a Token per clause kept
    by_clause: dict[int, tuple[int, Span, str]] = {}  # by head: (grain rank, date, value)
    recurring: set[int] = set()
    for date, info in read_dates(doc) if dates is None else dates:
        value = info.get("value")
        if not value:
            continue
        nominal = _nominal_head_at(ix, feats, date, words, info.get("grain"))
        head = _governor(ix, feats, date, words) if nominal is None else nominal
        if is_recurring(date, info):
            recurring.add(head)  # "chaque lundi", "tous les ans": a SET dates no event
            continue
        # a written date only: a relative one took its direction from the participle itself
        before = (
            published is not None
            and not info.get("relative")
            and str(value).split("/")[0][:10] < published
        )
        if nominal is None and not _dates_event(doc, head, date, words, ent_at, before):
            continue
        known = by_clause.get(head)
        rank = _grain_rank(info.get("grain"))
        if known is None or rank < known[0]:
            by_clause[head] = (rank, date, str(value))
    kept = [
        DatedClause(doc[i], date, value)
        for i, (_, date, value) in by_clause.items()
        if i not in recurring
    ]
    return sorted(kept, key=lambda c: c.date.start)


def is_recurring(date: Span, info: dict[str, Any] | None = None) -> bool:
    """A SET or generic date ("chaque lundi" XXXX-WXX-1, "tous les ans" P1Y, "XXXX-07-14");
    ``info``: its ``factex_date`` when already read."""
    if info is None:
        info = span_value(date, "factex_date") or {}
    value = str(info.get("value") or "")
    return info.get("grain") == "set" or value.startswith("P") or "XX" in value


def _nominal_head_at(
    ix: TokenIndex, feats: MorphColumn, date: Span, words: EventWords, grain: str | None
) -> int | None:
    """The event noun a date qualifies: "l'explosion de mardi", "la réunion du 3 mars" (a day
    or finer, on any noun), "la signature, lundi, de l'accord" (set off by commas, on a
    trigger noun, or on any noun whose complement follows the date: "la démolition, en 2012,
    de la tour"), "sa création en 1958" (hanging on a trigger noun); never a noun of time
    ("la nuit du 18 au 19 juin"). None otherwise; ``grain``: the date's.
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    root = span_root_at(ix, date)
    head = ix.head[root]
    start = date.start
    if (
        ix.pos[head] == "NOUN"
        and head < start
        and not participle_at(ix, feats, head)
        and not words.time_noun_at(ix, head)
        and (
            words.trigger_noun_at(ix, head)
            or (grain in _FINE and (ix.lower[start] in _OF or ix.lower[max(start - 1, 0)] in _OF))
        )
        and ix.dep[root] in ("nmod", "obl", "obl:mod")
    ):
        return head
    before = start - 1
    after = date.end
    if before < 1 or ix.text[before] != "," or after + 1 >= len(ix.head) or ix.text[after] != ",":
        return None
    noun = before - 1
    if ix.pos[noun] == "NOUN" and ix.lower[after + 1] in _OF and not words.time_noun_at(ix, noun):
        return noun  # "la démolition, en 2012, de la tour": the date cuts a noun phrase
    found = None  # "l'ouverture du procès, lundi,": the outermost event noun
    for _ in range(4):
        if ix.pos[noun] == "NOUN" and words.trigger_noun_at(ix, noun):
            found = noun
        up = ix.head[noun]
        if ix.dep[noun] != "nmod" or up > noun or ix.pos[up] != "NOUN":
            break
        noun = up
    return found


def _segment_verb(ix: TokenIndex, feats: MorphColumn, date: Span) -> int | None:
    """The verb nearest before the date within its stretch of words between commas
    ("Le militant, condamné en 1987, devait être libéré hier soir": 1987 is condamné's)."""
    sent_start = ix.sent_start_of(date.start)  # no Span made for the sentence
    i = date.start - 1
    while i >= sent_start and ix.text[i] not in _SEGMENT_ENDS and "\n" not in ix.text[i]:
        if verbal_at(ix, feats, i):
            return i
        i -= 1
    return None


def _governor(ix: TokenIndex, feats: MorphColumn, date: Span, words: EventWords) -> int:
    """The verb (or trigger noun, or root) heading the clause the date belongs to: the verb
    nearest before it between commas, unless the parse hangs it on a word between the two
    that is no verb ("resteront élevés en 2024": a state, not an event)."""
    parsed = _parsed_governor(ix, date, words)
    near = _segment_verb(ix, feats, date)
    if near is None or (not verbal_at(ix, feats, parsed) and near < parsed < date.start):
        return parsed
    inviting = ix.head[near]
    if ix.dep[near] == "xcomp" and verb_lemma_at(ix, inviting) in words.inviting_verbs:
        return inviting  # "invite les riverains à visiter le site samedi": an invitation
    return near


def _parsed_governor(ix: TokenIndex, date: Span, words: EventWords) -> int:
    token = ix.head[span_root_at(ix, date)]
    if date.start <= token < date.end:
        return token  # the date is the root of its sentence ("Le 2 juillet.")
    first_noun: int | None = None
    while True:
        if ix.pos[token] in ("VERB", "AUX"):
            return token
        if first_noun is None and words.trigger_noun_at(ix, token):
            first_noun = token
        if ix.head[token] == token or ix.dep[token] in CLAUSE_DEPS:
            return token if first_noun is None else first_noun
        token = ix.head[token]


def _dates_event(
    doc: Doc, i: int, date: Span, words: EventWords, ent_at: Entities, before: bool = False
) -> bool:
    """Whether the clause headed by token ``i`` is an event dated by ``date`` (``before``: the
    date is before publication)."""
    if date.start <= i < date.end:
        return False  # a dateline ("24 juin 2012") is no clause, hence no event
    ix, feats = ent_at.ix, ent_at.feats
    if not verbal_at(ix, feats, i) and not words.trigger_noun_at(ix, i):
        return False  # a date inside a noun phrase ("un record pour l'année 2023")
    if ix.dep[i] == "acl" and verb_lemma_at(ix, i) in words.state_verbs:
        return False  # a participle naming a state ("le terminal géré ... en 2011"): no event
    past_participle = before and "Past" in feats[i].get("Tense", ())
    if (_modifies_noun(ix, feats, i) and not past_participle) or _is_dateline(doc, ix, feats, i):
        return False
    if measurement_at(doc, ix, i, words):
        return False
    return not _describes_noun(doc, ix, i, words, ent_at)


def _grain_rank(grain: str | None) -> int:
    return _GRAINS.index(grain) if grain in _GRAINS else len(_GRAINS)


def _describes_noun(doc: Doc, ix: TokenIndex, i: int, words: EventWords, ent_at: Entities) -> bool:
    """ "le plan de déconfinement, qui débutera le 11 mai": a relative clause on a noun that
    is no event and names no one says what the noun is, like "des élections anticipées le
    12 décembre"; its date belongs to that noun, and nobody of the main clause acts in it.
    """
    if any(ix.dep[c] == "aux:tense" for c in ix.children[i]):
        return False  # "la digue qui a cédé mardi": a compound past tells what happened
    antecedent = relative_antecedent_at(ent_at, i)
    return (
        bool(antecedent)
        and not words.is_period(antecedent)
        and not any(words.is_trigger_noun(t) for t in antecedent)
        and not antecedent_actors(antecedent, words, ent_at)
    )


def measurement_at(doc: Doc, ix: TokenIndex, i: int, words: EventWords) -> bool:
    """ "Le PIB a chuté de 3,8 % au premier trimestre": a metric's figure for a period.

    The figure is already a money or percentage fact carrying that period; as an event it
    would only repeat it, with no one acting.
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    if ix.lemma[i].casefold() not in words.measure_verbs:
        return False
    heads = words.metric_heads
    return any(
        ix.pos[s] in ("NOUN", "PROPN") and (ix.lower[s] in heads or ix.lemma[s].casefold() in heads)
        for s in subjects_in(doc, ix, i)
    )


def _modifies_noun(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """ "un budget prévoyant 60 milliards en 2025", "des élections anticipées le 12 décembre":
    a participle after its noun, with neither auxiliary nor subject, describes the noun; its date
    belongs to the noun phrase, as in "un record pour l'année 2023". A past participle set off
    by a comma tells an event of its own ("L'opération, menée hier matin, ...").
    """
    return (
        ix.dep[i] == "acl"
        and i > ix.head[i]
        and feats[i].get("VerbForm", ()) == ("Part",)
        and not any(ix.dep[c].startswith(("aux", "nsubj")) for c in ix.children[i])
        and not set_off_at(ix, feats, i)
    )


def set_off_at(ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """A past participle after a comma, at the start of its sentence, or coordinated by
    "et" after one ("âgé de 59 ans et embauché en 2004").
    Read from the Doc's index (and features): token ``i``, no Token made.
    """
    if "Pres" in feats[i].get("Tense", ()):
        return False
    k = i - 1
    while k >= 0 and ix.pos[k] == "ADV":
        k -= 1
    if k < ix.sent_start_of(i):
        return True
    return ix.text[k] == "," or (ix.lower[k] in ("et", "puis") and ix.head[k] == i)


def _is_dateline(doc: Doc, ix: TokenIndex, feats: MorphColumn, i: int) -> bool:
    """ "Publié le 3 octobre 2024", "Mis à jour le 12 mars": a bare participle that is a whole
    sentence (no subject, no auxiliary, no other verb) dates the page, not an event.
    """
    if not (
        ix.dep[i] == "ROOT"
        and feats[i].get("VerbForm", ()) == ("Part",)
        and not any(ix.dep[c].startswith(("aux", "nsubj")) for c in ix.children[i])
    ):
        return False
    sent = doc[i].sent  # only now: most verbs fail the tests above, and a sentence Span costs
    others = any(t.pos_ in ("VERB", "AUX") and t.i != i for t in sent)
    return not others and not cut_at_comma(sent)

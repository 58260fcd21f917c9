"""factex_events: one event per dated clause, ``doc.spans[EVENTS]`` with ``Span._.factex_event``.

``factex_event`` is ``{"date", "trigger", "actors", "mentions", "date_source"}``: the TIMEX
value of the clause's finest date, the lemma of its lexical verb (or trigger noun), the
canonical names acting in it, ``[start_char, end_char]`` of every telling of the same fact, and
where the date comes from: ``"written"`` in the clause, or ``"paragraph"``. The steps, one
module each: :mod:`.clauses` (which clauses a date dates), :mod:`.chains` (the verb group and
its lexical verb), :mod:`.anchors` (undated verbs of a narrative, dated by their paragraph),
:mod:`.actors` (who acts in a clause), :mod:`.tellings` (folding the tellings of one fact).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex.components.events.actors import Entities, clause_actors
from factex.components.events.anchors import anchored_verbs
from factex.components.events.chains import (
    chain_top_at,
    group_span,
    lexical_verb_at,
    verb_lemma_at,
    verbal_at,
)
from factex.components.events.clauses import dated_clauses, read_dates
from factex.components.events.tellings import Telling, one_per_fact
from factex.components.events.words import EventWords
from factex.components.extensions import (
    DATES,
    EVENTS,
    doc_value,
    register_extensions,
    set_span_value,
)
from factex.components.morph import MorphColumn
from factex.components.token_index import TokenIndex, fresh_index

__all__ = ["EventFinder", "EventWords", "make_events"]


class EventFinder:
    """Builds ``doc.spans[EVENTS]`` from the dated clauses of the doc (no state per doc)."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.words = EventWords.load(lang or str(nlp.lang))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[EVENTS] = self._events(doc) if DATES in doc.spans else []
        return doc

    def _events(self, doc: Doc) -> list[Span]:
        ix = fresh_index(doc)  # the walks below read the parse from it
        ent_at = Entities(doc)
        found = doc_value(doc, "factex_published")  # ``doc._`` builds an object per read
        published = str(found)[:10] if found else None
        dates = read_dates(doc)
        dated = {i for d in dates for i in range(d.span.start, d.span.end)}
        clauses = dated_clauses(doc, self.words, ent_at, published, dates)
        context = _Context(doc, ix, ent_at.feats, ent_at, dated)
        told = [self._telling(context, c.head, c.date, c.value, "written") for c in clauses]
        for verb, value, source in anchored_verbs(doc, clauses, self.words, published, dates):
            told.append(self._telling(context, verb, None, value, source))
        told.sort(key=lambda t: t.span.start)
        return one_per_fact(told, self.words)

    def _telling(
        self, context: _Context, governor: Token, date: Span | None, value: str, source: str
    ) -> Telling:
        doc, ix, feats = context.doc, context.ix, context.feats
        # "doit signer lundi": the event is the infinitive's, the span the whole chain
        g = governor.i
        verbal = verbal_at(ix, feats, g)
        head = lexical_verb_at(ix, feats, g, self.words) if verbal else g
        span = group_span(doc, ix, feats, head, date, self.words)
        verbal = verbal if head == g else verbal_at(ix, feats, head)
        trigger = verb_lemma_at(ix, head) if verbal else ix.lemma[head]
        top = chain_top_at(ix, feats, head, self.words) if verbal else head  # who must sign
        top_token = governor if top == g else doc[top]
        event = {
            "date_source": source,
            "date": value,
            "trigger": trigger,
            "actors": clause_actors(top_token, self.words, context.ent_at, context.dated),
            "mentions": [[span.start_char, span.end_char]],
        }
        set_span_value(span, "factex_event", event)
        return Telling(span, top_token, event)


class _Context(NamedTuple):
    """What every telling of one Doc reads: the parse, its entities and its dated tokens."""

    doc: Doc
    ix: TokenIndex
    feats: MorphColumn
    ent_at: Entities
    dated: set[int]


@Language.factory(
    "factex_events",
    assigns=["doc.spans", "span._.factex_event"],
    requires=["doc.ents", "token.dep", "span._.factex_canonical"],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    """Find dated events: date, trigger verb and actors of each dated clause."""
    return EventFinder(nlp, name)

"""factex_events: one event per dated clause, ``doc.spans[EVENTS]`` with ``Span._.factex_event``.

``factex_event`` is ``{"date", "trigger", "actors", "mentions"}``: the TIMEX value of the
clause's finest date, the lemma of its verb (or trigger noun), the canonical names acting in it
and ``[start_char, end_char]`` of every clause telling the same fact. The steps, one module
each: :mod:`.clauses` (which clauses a date dates), :mod:`.actors` (who acts in a clause),
:mod:`.tellings` (folding the tellings of one fact). A temporal focus moving through the
document would choose each clause's date between the first two steps, in :func:`_events`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.events.actors import clause_actors
from factex.components.events.clauses import DatedClause, clause_span, dated_clauses
from factex.components.events.tellings import Telling, one_per_fact
from factex.components.events.words import EventWords
from factex.components.extensions import DATES, EVENTS, register_extensions
from factex.components.syntax import EntityIndex, entity_index

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
        ent_at = entity_index(doc)
        clauses = dated_clauses(doc, self.words, ent_at)
        told = [self._telling(clause, ent_at) for clause in clauses]
        return one_per_fact(told, self.words)

    def _telling(self, clause: DatedClause, ent_at: EntityIndex) -> Telling:
        head = clause.head
        span = clause_span(head, clause.date)
        trigger = head.lemma_ if head.pos_ in ("VERB", "AUX") else None
        if trigger is None and self.words.is_trigger_noun(head):
            trigger = head.lemma_
        span._.factex_event = {
            "date": clause.value,
            "trigger": trigger,
            "actors": clause_actors(head, self.words, ent_at),
            "mentions": [[span.start_char, span.end_char]],
        }
        return Telling(span, head)


@Language.factory(
    "factex_events",
    assigns=["doc.spans", "span._.factex_event"],
    requires=["doc.ents", "token.dep", "span._.factex_canonical"],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    """Find dated events: date, trigger verb and actors of each dated clause."""
    return EventFinder(nlp, name)

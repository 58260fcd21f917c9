"""factex_dates: date, period and time mentions, normalised against the reference date.

The finding and normalising is pure code (:mod:`factex.normalize.dates`); this component only
aligns the mentions to tokens, reads the tense of the governing verb from the parse (so that
"a signé ... le 2 juillet" looks back and "signera ... le 2 juillet" looks ahead), detects a
publication date in the text when none was given, and writes the spans.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex.components.extensions import DATES, register_extensions
from factex.normalize.dates import Candidate, DateGrammar, Direction, Reference, Timex
from factex.resources import load

_VERBS = ("VERB", "AUX")


class TenseReader:
    """Past, future or no clue, from the verb that governs a mention."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.prospective = frozenset(data["prospective_lemmas"])
        self.past_aux = frozenset(data["past_auxiliaries"])
        self.future_aux = frozenset(data["future_auxiliaries"])
        self.future_endings = tuple(data["future_endings"])
        self.past_tenses = frozenset(data["past_tenses"])

    def direction(self, span: Span) -> Direction:
        start: Token | None = span.root
        # Begin outside the mention: the model sometimes tags its words as verbs ("cet été").
        while start is not None and span.start <= start.i < span.end:
            start = None if start.head.i == start.i else start.head
        verb = self._governor(start) if start is not None else None
        if verb is None:
            try:
                sent = span.sent
            except ValueError:  # no sentence boundaries
                sent = span.doc[:]
            if not any(t.pos_ in _VERBS for t in sent):
                # A phrase without a verb (a headline, an agenda line) names what is coming.
                return "future"
            return "nearest"
        return self._verb_direction(verb, 0)

    def _governor(self, token: Token) -> Token | None:
        for _ in range(5):
            if token.pos_ in _VERBS:
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return token if token.pos_ in _VERBS else None

    def _verb_direction(self, verb: Token, depth: int) -> Direction:
        morph = verb.morph
        text = verb.lower_
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        if "Fut" in morph.get("Tense", []) or "Cnd" in morph.get("Mood", []):
            return "future"
        if "Inf" not in morph.get("VerbForm", []) and text.endswith(self.future_endings):
            return "future"  # the small model tags some futures ("signera") as participles
        if any(a.lemma_ in self.future_aux for a in aux) or verb.lemma_ in self.prospective:
            return "future"
        for a in aux:
            if "Cnd" in a.morph.get("Mood", []) and a.lemma_ in self.past_aux:
                return "past"  # "aurait signé": the reporting conditional tells of the past
            if "Fut" in a.morph.get("Tense", []) or a.lower_.endswith(self.future_endings):
                return "future"  # "sera signé", "resteront fermés"
        if any(a.lemma_ in self.past_aux for a in aux):
            return "past"
        if "Part" in morph.get("VerbForm", []) and "Past" in morph.get("Tense", []):
            return "past"
        if self.past_tenses.intersection(morph.get("Tense", [])):
            return "past"
        if "Inf" in morph.get("VerbForm", []) and depth < 3 and verb.head.i != verb.i:
            head = self._governor(verb.head)
            if head is not None:
                return self._verb_direction(head, depth + 1)
        if "Inf" in morph.get("VerbForm", []) and verb.head.i == verb.i:
            return "future"  # "Signer le 2 juillet": an agenda line
        return "nearest"


class DatesComponent:
    """Writes ``doc.spans["factex_dates"]``; ``Span._.factex_date`` = {value, grain, relative}."""

    def __init__(
        self, nlp: Language, name: str, *, detect_published: bool, use_dateparser: bool
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = str(nlp.lang)
        self.grammar = DateGrammar.for_language(self.lang)
        self.tense = TenseReader(load(self.lang, "date_tense"))
        self.detect_published = detect_published
        self.use_dateparser = use_dateparser

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        candidates = self.grammar.scan(text)
        if not doc._.factex_published and self.detect_published:
            found = self.grammar.find_published(text)
            if found is not None:
                doc._.factex_published = found[2]
                doc._.factex_published_source = "detected"
        ref = Reference.parse(doc._.factex_published)
        spans: list[Span] = []
        last_end = 0
        for cand in candidates:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
            direction = self.tense.direction(span) if cand.relative else "nearest"
            timex = cand.timex(ref, direction)
            if (
                timex.value is None
                and ref is not None
                and self.use_dateparser
                and (ref.has_time or timex.grain not in ("hour", "minute", "second"))
            ):
                timex = self._fallback(cand, span.text, ref, timex)
            span._.factex_date = {
                "value": timex.value,
                "grain": timex.grain,
                "relative": timex.relative,
            }
            spans.append(span)
            last_end = span.end
        doc.spans[DATES] = spans
        return doc

    def _fallback(self, cand: Candidate, phrase: str, ref: Reference, timex: Timex) -> Timex:
        """dateparser, only for a found mention our resolver could not place."""
        value = _dateparser_day(phrase, ref.dt.isoformat(), self.lang)
        if value is None:
            return timex
        return Timex(value, "day", cand.relative)


@lru_cache(maxsize=2048)
def _dateparser_day(phrase: str, reference: str, lang: str) -> str | None:
    from datetime import datetime

    import dateparser  # slow to import: only when a mention needs it

    settings = {
        "RELATIVE_BASE": datetime.fromisoformat(reference),
        "PREFER_DATES_FROM": "current_period",
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": ["day"],
    }
    got = dateparser.parse(phrase, languages=[lang], settings=settings)
    return None if got is None else got.date().isoformat()


@Language.factory(
    "factex_dates",
    assigns=[
        "doc.spans",
        "span._.factex_date",
        "doc._.factex_published",
        "doc._.factex_published_source",
    ],
    requires=["token.pos", "token.dep", "token.morph", "token.lemma"],
    default_config={"detect_published": True, "use_dateparser": True},
)
def make_dates(
    nlp: Language, name: str, detect_published: bool, use_dateparser: bool
) -> DatesComponent:
    return DatesComponent(
        nlp, name, detect_published=detect_published, use_dateparser=use_dateparser
    )

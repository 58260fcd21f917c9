"""factex_dates: date, period and time mentions, normalised against the reference date.

The finding and normalising is pure code (:mod:`factex.normalize.dates`); this component only
aligns the mentions to tokens, reads the tense of the governing verb from the parse (so that
"a signé ... le 2 juillet" looks back and "signera ... le 2 juillet" looks ahead), detects a
publication date in the text when none was given, and writes the spans.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.date_tense import TenseReader
from factex.components.extensions import (
    DATES,
    doc_text,
    doc_value,
    published_reference,
    register_extensions,
)
from factex.normalize.dates import Candidate, DateGrammar, Direction, Reference, Timex
from factex.normalize.dates.focus import Focus
from factex.normalize.dates.lexicon import key
from factex.resources import load


def _sentence_start(span: Span) -> int:
    try:
        return span.sent.start
    except ValueError:  # no sentence boundaries
        return 0


def _generic(cand: Candidate) -> Timex | None:
    """A date written without its year in a statement of what recurs ("tous les ans au 1er
    janvier", "chaque année fin août"): TIMEX3's generic value, the year as XXXX."""
    if cand.yearly is None:
        return None
    res = cand.yearly(2000)  # a leap year: "le 29 février" exists
    if res is None:
        return None
    if res.interval and res.start and res.end and res.start[0].month == res.end[0].month:
        return Timex(f"XXXX-{res.start[0].month:02d}", "month", False)  # "chaque année fin août"
    return Timex(res.value().replace("2000", "XXXX"), res.grain, False)


class DatesComponent:
    """Writes ``doc.spans["factex_dates"]``; ``Span._.factex_date`` = {value, grain, relative}."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        detect_published: bool,
        use_dateparser: bool,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = str(nlp.lang)
        self.grammar = DateGrammar.for_language(self.lang)
        self.tense = TenseReader(load(self.lang, "date_tense"))
        words = load(self.lang, "date_words")
        cues = "|".join(re.escape(c).replace("\\ ", r"\s+") for c in words["comparison_year_cues"])
        # "contre 1,31 milliard en 2022": a base of comparison, after a figure or not
        figure = r"(?:\d[\d\s\u00a0\u202f,.]*(?:[^\W\d_]+['’]?\s*){0,3})?"
        self._compared = re.compile(
            rf"(?:^|\W)(?:{cues})\s+{figure}(?:en\s+|l['’]|les?\s+|la\s+)?$", re.I
        )
        self._effective = re.compile(
            rf"(?:^|\W)(?P<cue>{'|'.join(words['effective_date_cues'])})\s+$", re.I
        )
        self.effective_cues: dict[str, Direction] = words["effective_date_cues"]
        self.focus_cues = tuple(key(c) for c in words["focus_unit_cues"])
        self.nowadays = frozenset(words["nowadays_words"])
        self.nowadays_after = tuple(words["nowadays_after"])
        cues = "|".join(re.escape(c).replace("'", "['’]") for c in words["comparison_anaphor_cues"])
        self._base_before = re.compile(rf"(?:^|\W)(?:{cues})\s*$", re.IGNORECASE)
        self.story_day_words = frozenset(key(w) for w in words["story_day_words"])
        self.seasons = frozenset(key(w) for w in words["seasons"])
        self.articles = frozenset(words["name_articles"])
        self.modifiers = frozenset(
            key(w)
            for name in ("past_modifiers", "future_modifiers", "current_modifiers", "parts_of_day")
            for w in words[name]
        )
        self.this_words = tuple(key(w) + " " for w in words["this_words"])
        self.detect_published = detect_published
        self.use_dateparser = use_dateparser

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates = self.grammar.scan(text)
        if not doc_value(doc, "factex_published") and self.detect_published:
            found = self.grammar.find_published(text)
            if found is not None:
                doc._.factex_published = found[2]
                doc._.factex_published_source = "detected"
        ref = published_reference(doc)
        spans: list[Span] = []
        last_end = 0
        focus = Focus()
        recurring = self._recurring_sentences(doc, text, candidates)
        for cand in candidates:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
            before = (text, max(0, cand.start - 30), cand.start)
            if cand.anaphoric and self._base_before.search(*before):
                continue  # "par rapport à l'année précédente": the base of a change, no date
            if self._inside_name(span, text):
                continue  # "la Toussaint rouge", "le Printemps de Bourges": a name
            timex, anchor = self._resolve(cand, span, text, ref, focus, recurring)
            span._.factex_date = {
                "value": timex.value,
                "grain": timex.grain,
                "relative": timex.relative,
                "anchor_start": anchor[0] if anchor else None,
                "anchor_end": anchor[1] if anchor else None,
            }
            spans.append(span)
            last_end = span.end
        doc.spans[DATES] = spans
        return doc

    def _resolve(
        self,
        cand: Candidate,
        span: Span,
        text: str,
        ref: Reference | None,
        focus: Focus,
        recurring: frozenset[int],
    ) -> tuple[Timex, tuple[int, int] | None]:
        """The value of one mention, and the offsets of the mention it was anchored on."""
        phrase = text[span.start_char : span.end_char]  # span.text, not joined again
        base, anchor = focus.reference(cand, ref, self._on_story_day(cand, phrase))
        direction = self.tense.direction(span, cand.grain) if cand.relative else "nearest"
        before = text[max(0, cand.start - 30) : cand.start]
        effective = self._effective.search(before) if direction == "past" else None
        if effective is not None:  # "a relevé l'accise au 1er février": when it applies
            direction = self.effective_cues[effective["cue"].lower()]
        if (
            anchor is not None
            and key(phrase).startswith(self.focus_cues)
            and direction == "future"
            and base is not None
            and ref is not None
            and base.dt.year < ref.dt.year
        ):
            base, anchor = ref, None  # "atteindra 300 euros sur l'année": this one, not 2021
        story = focus.story(cand, ref, text) if direction != "future" else None
        if story is not None:  # "En 1998, ... le 22 mai": that year's, not this one's
            base, direction = story, "nearest"
        timex, res = cand.resolved(base, direction)
        # most texts state no recurring date: then no sentence Span is made for the test
        generic = _generic(cand) if recurring and _sentence_start(span) in recurring else None
        if generic is not None:  # "révisé tous les ans au 1er janvier": any year's
            return generic, None
        if self._nowadays(span, text, focus.elsewhere(ref), direction):
            return Timex("PRESENT_REF", "ref", False), None
        if (
            timex.value is None
            and not cand.settled
            and ref is not None
            and self.use_dateparser
            and (ref.has_time or timex.grain not in ("hour", "minute", "second"))
        ):
            timex = self._fallback(cand, phrase, ref, timex)
        if not self._compared.search(before):  # "contre 1,3 milliard en 2022": a base only
            focus.update(cand, res)
        return timex, anchor

    def _inside_name(self, span: Span, text: str) -> bool:
        """A holiday, weekday or season that begins a proper name: a capital word (not the
        sentence's first) followed by an adjective that is no date modifier ("la Toussaint
        rouge", "le Mardi gras", "l'accord du Vendredi saint"), or a season written with a
        capital, which French gives only to names ("le Printemps de Bourges"). The parse
        tags such a word as an adjective or a noun ("rouge")."""
        if not any(map(str.isupper, text[span.start_char : span.end_char])):
            return False  # no capital to begin a name (most mentions): no Token made
        doc = span.doc
        first = next((t for t in span if t.is_alpha and t.lower_ not in self.articles), None)
        if first is None or not first.text[0].isupper() or first.i == first.sent.start:
            return False
        if first.lower_ in self.seasons and len(span) <= 2:
            return True
        after = doc[span.end] if span.end < len(doc) else None
        return (
            after is not None
            and after.pos_ in ("ADJ", "NOUN")
            and after.text.isalpha()
            and after.text.islower()
            and key(after.text) not in self.modifiers
        )

    def _on_story_day(self, cand: Candidate, phrase: str) -> bool:
        """A time of day with no day ("à 17 h 50", "dans la soirée", "dans la journée"): on
        the day the story is told on; "ce soir" is the publication's."""
        words = key(phrase)
        if words.startswith(self.this_words):
            return False
        return cand.kind in ("time", "pod") or words in self.story_day_words

    @staticmethod
    def _recurring_sentences(doc: Doc, text: str, candidates: list[Candidate]) -> frozenset[int]:
        """The sentences (by first token) that state a recurring date ("chaque année")."""
        starts = set()
        for cand in candidates:
            before = text[max(0, cand.start - 8) : cand.start].lower()
            if cand.grain == "set" and not before.rstrip().endswith("comme"):
                # "Comme chaque année, le ministère publiera fin septembre": this year's
                span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
                if span is not None:
                    starts.add(_sentence_start(span))
        return frozenset(starts)

    def _nowadays(self, span: Span, text: str, elsewhere: bool, direction: Direction) -> bool:
        """ "Aujourd'hui, les institutions restent fragiles": today as "nowadays" (PRESENT_REF)
        when it opens a sentence before a comma, comes before "encore", or follows dates of
        another year than the publication's; not for a dated act ("a signé aujourd'hui")."""
        phrase = text[span.start_char : span.end_char]  # span.text, not joined again
        if phrase.lower().replace("’", "'") not in self.nowadays or direction == "past":
            return False
        if len(phrase) == len(text.strip()):
            return False  # a date column: the day itself
        after = text[span.end_char :].lstrip()
        opens = span.start == span.sent.start or span.doc[span.start - 1].text in ("«", '"', "“")
        if opens and after.startswith(","):
            return True
        if direction != "nearest":
            return False  # "signera aujourd'hui": today
        return elsewhere or after.lower().startswith(self.nowadays_after)

    def _fallback(self, cand: Candidate, phrase: str, ref: Reference, timex: Timex) -> Timex:
        """dateparser, only for a found mention our resolver could not place."""
        value = _dateparser_day(phrase, ref.dt, self.lang)
        if value is None:
            return timex
        return Timex(value, "day", cand.relative)


@lru_cache(maxsize=2048)
def _dateparser_day(phrase: str, reference: datetime, lang: str) -> str | None:
    import dateparser  # slow to import: only when a mention needs it

    settings = {
        "RELATIVE_BASE": reference,
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
    nlp: Language,
    name: str,
    detect_published: bool,
    use_dateparser: bool,
) -> DatesComponent:
    return DatesComponent(
        nlp,
        name,
        detect_published=detect_published,
        use_dateparser=use_dateparser,
    )

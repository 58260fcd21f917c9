"""factex_dates: date, period and time mentions, normalised against the reference date.

The finding and normalising is pure code (:mod:`factex.normalize.dates`); this component only
aligns the mentions to tokens, reads the tense of the governing verb from the parse (so that
"a signé ... le 2 juillet" looks back and "signera ... le 2 juillet" looks ahead), detects a
publication date in the text when none was given, and writes the spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex.components.extensions import (
    DATES,
    doc_text,
    published_reference,
    register_extensions,
)
from factex.normalize.dates import Candidate, DateGrammar, Direction, Reference, Timex
from factex.normalize.dates.focus import Focus
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
        self.modals = frozenset(data["modal_lemmas"])
        self.calls = frozenset(data["call_lemmas"])
        self.events = frozenset(data["event_nouns"])
        self.measured = frozenset(data["measured_grains"])
        self.of = frozenset(data["noun_complement_cases"])
        self.positions = frozenset(data["position_nouns"])
        self.reported = frozenset(data["reported_grains"])
        self.cnd_ahead_aux = frozenset(data["conditional_ahead_auxiliaries"])
        self.with_infinitive = frozenset(data["prospective_with_infinitive"])

    def direction(self, span: Span, grain: str = "day") -> Direction:
        start: Token | None = span.root
        # Begin outside the mention: the model sometimes tags its words as verbs ("cet été").
        while start is not None and span.start <= start.i < span.end:
            start = None if start.head.i == start.i else start.head
        if start is not None and grain in self.measured and self._measured(span, start):
            # "les chiffres du chômage de mars": a period hanging on a noun is what was
            # measured, not when the main verb ("publiera") happens; statistics look back.
            return "past"
        verb = self._governor(start) if start is not None else None
        caller = verb
        if verb is not None and verb.dep_.startswith("acl") and verb.head.i != verb.i:
            # "a réclamé des législatives anticipées le 14 décembre": the date hangs on the
            # participle, the call is the verb above its noun
            caller = self._governor(verb.head)
        if caller is not None and caller is not verb and self._prospective(caller):
            return "future"  # "le plan prévoit une campagne lancée le 15 avril": planned
        if caller is not None and self._calls_for_event(caller, span):
            # "ont appelé à une grève le 7 mars", "a réclamé un référendum le 8 décembre":
            # whatever the tense of the call, the event it asks for is ahead.
            return "future"
        if verb is None:
            try:
                sent = span.sent
            except ValueError:  # no sentence boundaries
                sent = span.doc[:]
            if not any(t.pos_ in _VERBS for t in sent):
                if grain in self.reported:
                    # "Renault : marge en recul au premier semestre": a results headline
                    # reports a quarter or half, it does not announce one.
                    return "nearest"
                # A phrase without a verb (a headline, an agenda line) names what is coming.
                return "future"
            return "nearest"
        return self._verb_direction(verb, 0)

    def _prospective(self, verb: Token) -> bool:
        """ "prévoit ... le 2 juillet", "compte signer lundi"; not "ne comptait que 170
        coureurs": some of these verbs look ahead only before an infinitive."""
        if verb.lemma_ not in self.prospective:
            return False
        if _past_participle(verb) and verb.dep_.startswith("acl"):
            return False  # "le déménagement, d'abord prévu en septembre": what was planned
        if verb.lemma_ not in self.with_infinitive:
            return True
        return any("Inf" in c.morph.get("VerbForm", []) for c in verb.children)

    def _measured(self, span: Span, head: Token) -> bool:
        before = span.doc[span.start - 1] if span.start > 0 else None
        if span[0].lower_ in self.of:
            before = span[0]  # the mention took its "du" ("les chiffres du quatrième trimestre")
        return (
            head.pos_ == "NOUN"
            and head.lemma_.lower() not in self.events
            and head.lemma_.lower() not in self.positions
            and before is not None
            and before.lower_ in self.of
        )

    def _calls_for_event(self, verb: Token, span: Span) -> bool:
        if verb.lemma_ not in self.calls:
            return False
        # the event noun is named before the date ("a demandé le 5 mars un vote" stays past)
        nouns = [
            t
            for t in verb.subtree
            if t.i < span.start and t.pos_ == "NOUN" and not t.dep_.startswith("nsubj")
        ]
        if span.root.head.pos_ == "NOUN" and span.root.head.i < span.start:
            nouns.append(span.root.head)
        return any(t.lemma_.lower() in self.events for t in nouns)

    def _governor(self, token: Token) -> Token | None:
        for _ in range(5):
            if token.pos_ in _VERBS:
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return token if token.pos_ in _VERBS else None

    def _verb_direction(self, verb: Token, depth: int) -> Direction:
        modal = verb.head
        if verb.dep_ == "xcomp" and modal.lemma_ in self.modals and depth < 3:
            # "doit être déposé avant le 15 mars", "peuvent s'inscrire jusqu'au 15 février":
            # an obligation or a possibility in the present is still to be met.
            return self._modal_direction(modal, depth + 1)
        morph = verb.morph
        text = verb.lower_
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        if "Fut" in morph.get("Tense", []) or "Cnd" in morph.get("Mood", []):
            return "future"
        if "Inf" not in morph.get("VerbForm", []) and text.endswith(self.future_endings):
            return "future"  # the small model tags some futures ("signera") as participles
        if any(a.lemma_ in self.future_aux for a in aux) or self._prospective(verb):
            return "future"
        for a in aux:
            if "Cnd" in a.morph.get("Mood", []) and a.lemma_ in self.past_aux:
                if a.lemma_ in self.cnd_ahead_aux:
                    return "future"  # "serait trouvé d'ici le 30 juin": ahead of the report
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
            if any(_past_participle(c) and c.i < verb.i for c in verb.children):
                return "past"  # "a fait valoir": a compound past the parse left headless
            return "future"  # "Signer le 2 juillet": an agenda line
        return "nearest"

    def _modal_direction(self, modal: Token, depth: int) -> Direction:
        aux = [c for c in modal.children if c.dep_ == "aux:tense"]
        if any(a.lemma_ in self.past_aux for a in aux):
            return "past"  # "ont dû s'inscrire avant le 15 février", "auraient dû"
        if self.past_tenses.intersection(modal.morph.get("Tense", [])) and "Part" not in (
            modal.morph.get("VerbForm", [])
        ):
            return "past"  # "devaient rendre leur copie avant le 3 mai"
        return "future"


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
    return Timex(res.value().replace("2000", "XXXX"), res.grain, False)


def _past_participle(token: Token) -> bool:
    morph = token.morph
    return "Part" in morph.get("VerbForm", []) and "Past" in morph.get("Tense", [])


class SentenceStopSplitter:
    """The language's tokenizer, then a full stop split off an abbreviation that ends a sentence.

    The French exceptions keep "h." whole, right for "à 17 h. 40" or "8 h. du soir", but at a
    sentence end ("de 14 à 16 h.", "16 h. Le maire...") the stop is the sentence's: a span is
    cut on tokens, so the date would carry it. Splitting on the fresh Doc, before any
    component, leaves every other token (and its exception norm) as the tokenizer made it.
    """

    def __init__(self, tokenizer: Any, words: list[str]) -> None:
        self.tokenizer = tokenizer
        self.words = frozenset(words)

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(text)
        if not any(w in text for w in self.words):
            return doc
        targets = [
            t for t in doc if t.text in self.words and _ends_sentence(text, t.idx + len(t.text))
        ]
        if targets:
            with doc.retokenize() as retokenizer:
                for t in targets:
                    retokenizer.split(t, [t.text[:-1], "."], heads=[(t, 0), (t, 0)])
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # rules, to_bytes, explain...: the wrapped tokenizer's (never while unpickling)
        if name == "tokenizer" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end:].lstrip(" \t")
    return not rest or rest[0] == "\n" or rest[0].isupper()


class DatesComponent:
    """Writes ``doc.spans["factex_dates"]``; ``Span._.factex_date`` = {value, grain, relative}."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        detect_published: bool,
        use_dateparser: bool,
        split_abbreviations: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = str(nlp.lang)
        self.grammar = DateGrammar.for_language(self.lang)
        if split_abbreviations and not isinstance(nlp.tokenizer, SentenceStopSplitter):
            words = load(self.lang, "date_words")["tokenizer_split_abbreviations"]
            nlp.tokenizer = SentenceStopSplitter(nlp.tokenizer, words)
        self.tense = TenseReader(load(self.lang, "date_tense"))
        words = load(self.lang, "date_words")
        self.nowadays = frozenset(words["nowadays_words"])
        self.nowadays_after = tuple(words["nowadays_after"])
        self.detect_published = detect_published
        self.use_dateparser = use_dateparser

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates = self.grammar.scan(text)
        if not doc._.factex_published and self.detect_published:
            found = self.grammar.find_published(text)
            if found is not None:
                doc._.factex_published = found[2]
                doc._.factex_published_source = "detected"
        ref = published_reference(doc)
        spans: list[Span] = []
        last_end = 0
        focus = Focus()
        recurring = self._recurring_sentences(doc, candidates)
        for cand in candidates:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
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
        base, anchor = focus.reference(cand, ref)
        direction = self.tense.direction(span, cand.grain) if cand.relative else "nearest"
        story = focus.story(cand, ref, text) if direction != "future" else None
        if story is not None:  # "En 1998, ... le 22 mai": that year's, not this one's
            base, direction = story, "nearest"
        timex, res = cand.resolved(base, direction)
        generic = _generic(cand) if _sentence_start(span) in recurring else None
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
            timex = self._fallback(cand, span.text, ref, timex)
        focus.update(cand, res)
        return timex, anchor

    @staticmethod
    def _recurring_sentences(doc: Doc, candidates: list[Candidate]) -> frozenset[int]:
        """The sentences (by first token) that state a recurring date ("chaque année")."""
        starts = set()
        for cand in candidates:
            if cand.grain == "set":
                span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
                if span is not None:
                    starts.add(_sentence_start(span))
        return frozenset(starts)

    def _nowadays(self, span: Span, text: str, elsewhere: bool, direction: Direction) -> bool:
        """ "Aujourd'hui, les institutions restent fragiles": today as "nowadays" (PRESENT_REF)
        when it opens a sentence before a comma, comes before "encore", or follows dates of
        another year than the publication's; not for a dated act ("a signé aujourd'hui")."""
        if span.text.lower().replace("’", "'") not in self.nowadays or direction != "nearest":
            return False
        if len(span.text) == len(text.strip()):
            return False  # a date column: the day itself
        after = text[span.end_char :].lstrip()
        opens = span.start == span.sent.start or span.doc[span.start - 1].text in ("«", '"', "“")
        if opens and after.startswith(","):
            return True
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
    default_config={"detect_published": True, "use_dateparser": True, "split_abbreviations": True},
)
def make_dates(
    nlp: Language,
    name: str,
    detect_published: bool,
    use_dateparser: bool,
    split_abbreviations: bool,
) -> DatesComponent:
    return DatesComponent(
        nlp,
        name,
        detect_published=detect_published,
        use_dateparser=use_dateparser,
        split_abbreviations=split_abbreviations,
    )

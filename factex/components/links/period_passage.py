"""What a figure's period owes to the figures around it, once its sentence and passage spoke.

:func:`factex.components.resolve.complete_links` asks :meth:`PeriodFocus.settle` for each
figure in text order, after the period of its sentence and passage:

- a market session: after a quote or a move dated to a day ("l'action a chuté de 5 %, à 61
  euros" on the session's day), the moves and quotes of the same paragraph that name no
  measure of their own ("l'indice a, lui, cédé 0,4 %") are of that day, not of the results;
- a year to date told in the past ("avait racheté pour 90 millions d'actions depuis janvier")
  in a passage about a period of that year that starts in January (a half, a quarter) ran to
  the end of that period;
- a comparison with another subject ("20 % chez les femmes, contre 11 % chez les hommes") is of
  the period of the figure it is compared with;
- a figure to come ("le tarif passera à 12 euros") after the day a change applies ("le 1er
  janvier 2026") is of that day;
- "passer de X à Y entre A et B": each bound takes its own end of the range;
- a year-ago figure whose own date follows it ("contre 1,69 euro en avril et 1,82 euro un an
  plus tôt") keeps that date; one a year before "fin 2025" is of December 2024.

Everything it reads is indexed once per Doc: no figure scans the text again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from factex import resources
from factex.components.extensions import MONEY, PERCENT, span_value
from factex.components.links.date_roles import is_target_figure
from factex.components.links.period_lent import future_at
from factex.components.morph import morph_column
from factex.components.passage import LinkWords, Passage
from factex.components.sentence_bounds import sent_of
from factex.components.syntax import amount_root, amount_root_at, clause_head_at
from factex.components.token_index import TokenIndex, token_index
from factex.normalize.frame import (
    PERIOD_GRAINS,
    Dated,
    frames,
    latest_before,
    shift_years,
    step_back,
)

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a period of a year that starts in January: its first half, quarter or months
_FROM_JANUARY = re.compile(r"^(?P<y>\d{4})-(?:H1|Q1|01|01/(?P=y)-\d{2})$")


#: a quarter or a half of a year
_PART = re.compile(r"^(?P<y>\d{4})-(?P<g>[QH])\d$")


@cache
def _ordinals(lang: str) -> dict[str, int]:
    return dict(resources.load(lang, "date_words")["ordinals"])


def _kind(span: Span, money: frozenset[tuple[int, int]], lower: tuple[str, ...]) -> str:
    if (span.start, span.end) in money:
        return "money"
    points = any(w.startswith("point") for w in lower[span.start : span.end])
    return "points" if points else "percent"


@cache
def _words(lang: str) -> dict[str, Any]:
    data = resources.load(lang, "frame")
    return {
        "others": frozenset(data["other_subject_markers"]),
        "quotes": frozenset(data["session_quotes"]),
        "from": frozenset(data["range_from"]),
        "to": frozenset(data["range_to"]),
        "part": re.compile(rf"(?:^|,)\s*(?:{'|'.join(data['part_markers'])})\b[^,;.]*$", re.I),
        "range_verbs": frozenset(data["range_verbs"]),
        "between": re.compile(rf"^(?:{'|'.join(data['range_between'])})\b", re.I),
    }


class PeriodFocus:
    """The figures' periods seen so far, and the Doc's amounts and dates, indexed once."""

    def __init__(
        self,
        doc: Doc,
        passage: Passage,
        words: LinkWords,
        amounts: list[tuple[Span, str]] | None = None,
    ) -> None:
        """``amounts``: the Doc's money and percentage spans with their keys, by start, when
        the caller has them (each read of ``doc.spans`` makes the Spans again)."""
        self.doc, self.passage, self.words = doc, passage, words
        self.lang = words.lang
        #: the parse as tuples (each ``doc[i]`` makes a Token)
        self.ix = ix = token_index(doc)
        if amounts is None:
            amounts = [(s, key) for key in (MONEY, PERCENT) for s in doc.spans.get(key, ())]
        spans = sorted(s for s, _ in amounts)
        self.amount_starts = [s.start for s in spans]
        self.amount_ends = frozenset(s.end for s in spans)
        self.money = frozenset((s.start, s.end) for s, key in amounts if key == MONEY)
        #: what each amount counts, by its first and by its end token: money, percent, points
        self.kinds = {s.start: _kind(s, self.money, ix.lower) for s in spans}
        self.kind_by_end = {s.end: self.kinds[s.start] for s in spans}
        self.dates = sorted(passage.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.framing = [d for d in self.dates if d.grain in PERIOD_GRAINS and frames(d)]
        #: (paragraph, day) of the last quote or move dated to a day
        self.session: tuple[int, str] | None = None
        #: the figure before (its links are final once the next one is asked for)
        self.last: Span | None = None

    def settle(
        self, span: Span, links: dict[str, Any], own: dict[str, Any] | None = None
    ) -> tuple[str | None, str | None]:
        """The figure's ``period`` and ``period_from`` after its neighbours have spoken
        (``own``: its sentence's links, ``span._.factex_links``, when the caller has them)."""
        money = (span.start, span.end) in self.money
        period, how = links.get("period"), links.get("period_from")
        # its sentence's, before the passage (read only for a lent period)
        lent = how == "passage"
        sentence = (span_value(span, "factex_links") if own is None else own) if lent else None
        written = (sentence or {}).get("period")
        settled: tuple[str | None, str | None] = (
            self._elliptic(span, period, how)
            or self._range_bound(span, period, how)
            or self._own_before_year_ago(span, written, how)
            or self._session(span, links, how, money)
            or self._year_to_date(span, links, period, how)
            or self._compared(span, period)
            or self._part(span)
            or self._target(span, how)
            or self._range_from(span, period, how)
            or self._to_come(span, period)
            or (self._at_end(span, period) if how == "passage" else period, how)
        )
        self._note(span, links, *settled)
        return settled

    def _note(self, span: Span, links: dict[str, Any], period: str | None, how: str | None) -> None:
        self.last = span
        if how is not None and period and _DAY.match(period) and self._quoted(links):
            self.session = (self.passage.layout.paragraph(span.start_char), period)

    def _quoted(self, links: dict[str, Any], money: bool = False) -> bool:
        """A move or a quote of a market: a share, a price, an index, or a move that names no
        measure ("a cédé 0,4 %"; a sum naming none, "qui pèse 36 milliards", is no quote)."""
        metric = str(links.get("metric") or "").lower().split(" ")[0]
        quotes = _words(self.lang)["quotes"]
        return (not metric and not money) or metric in self.words.share_nouns or metric in quotes

    def _session(
        self, span: Span, links: dict[str, Any], how: str | None, money: bool
    ) -> tuple[str, str] | None:
        if how == "written" or self.session is None or not self._quoted(links, money):
            return None
        paragraph, day = self.session
        if self.passage.layout.paragraph(span.start_char) != paragraph:
            return None
        return day, "passage"

    def _year_to_date(
        self, span: Span, links: dict[str, Any], period: str | None, how: str | None
    ) -> tuple[str, str] | None:
        """ "avait réduit ses stocks de 180 millions depuis janvier" in a story about the first
        half: the stretch ran to the end of the half. In the present ("le titre ne gagne plus
        que 3 % depuis janvier") it runs to the day of publication: the year stands."""
        if how != "written" or not period or not period.isdigit() or self._quoted(links):
            return None
        sent = sent_of(span)
        opens = (f"{period}-01/..", f"{period}-01-01/..")
        if not any(d.value in opens for d in self._dates_in(sent.start_char, sent.end_char)):
            return None
        framing = self._framing(span)
        if framing is None or (m := _FROM_JANUARY.match(framing[0])) is None:
            return None
        if m.group("y") != period or not self._past(span):
            return None
        return framing[0], "written"  # its own date, read in the passage

    def _past(self, span: Span) -> bool:
        morph = morph_column(self.doc, self.ix)
        tenses = {t for v in _verb_and_aux(self.ix, span) for t in morph[v].get("Tense", ())}
        return bool(tenses & {"Past", "Imp"})

    def _before(self, span: Span) -> tuple[str | None, str | None] | None:
        """The period of the figure before in the same sentence, as it was settled."""
        last = self.last
        if last is None or sent_of(last).start != sent_of(span).start:
            return None
        links = span_value(last, "factex_links") or {}
        return links.get("period"), links.get("period_from")

    def _compared(self, span: Span, period: str | None) -> tuple[str | None, str | None] | None:
        """ "contre 11,4 % chez les hommes": another subject, the same period."""
        if period is not None or span.end >= len(self.doc):
            return None
        text = self.passage.text
        before = text[max(sent_of(span).start_char, span.start_char - 30) : span.start_char]
        if self.words.comparison_figure.search(before) is None:
            return None
        if self.ix.lower[span.end] not in _words(self.lang)["others"]:
            return None
        return self._before(span)

    def _part(self, span: Span) -> tuple[str | None, str | None] | None:
        """ "850 M$ sur deux ans, dont 300 M$ en prêts": a part is of its whole's period."""
        last = self.last
        if last is None:
            return None
        # the words just before it (a part's marker is near): no long slice per figure
        between = self.passage.text[max(last.end_char, span.start_char - 60) : span.start_char]
        if _words(self.lang)["part"].search(between) is None:
            return None
        return self._before(span)

    def _target(self, span: Span, how: str | None) -> tuple[None, None] | None:
        """A target's figure ("l'objectif de 12 %") takes no period from its passage."""
        if how in ("passage", "frame") and is_target_figure(amount_root(span)):
            return None, None
        return None

    def _range_from(
        self, span: Span, period: str | None, how: str | None
    ) -> tuple[str, str] | None:
        """ "l'indice passe de 2,7 % à 3,0 %" in a story about May: the first bound is of the
        period before, the start of the last span "entre A et B" ending on it, else the
        period one step before (April; the fourth quarter before a first). A span lent whole
        ("entre le printemps 2024 et le printemps 2025" in the lede) gives each bound its end."""
        if how not in ("passage", "frame") or not period:
            return None
        side = self._range_side(span)
        ix = self.ix
        if (
            side is None
            or ix.lemma[clause_head_at(ix, amount_root_at(ix, span))]
            not in _words(self.lang)["range_verbs"]
        ):
            return None
        first, _, last = period.partition("/")
        if last and ".." not in period:  # a span lent whole: each bound its end
            return (first if side == "from" else last), how
        if side != "from":
            return None
        layout = self.passage.layout
        here = layout.paragraph(span.start_char)
        k = bisect_left(self.date_starts, span.start_char)
        for date in reversed(self.dates[:k]):  # one bound in a few per article: cheap
            if layout.paragraph(date.start) == here or layout.top(date.start):
                first, _, last = date.value.partition("/")
                if last == period:
                    return first, how
        before = step_back(period)
        return (before, how) if before else None

    def _to_come(self, span: Span, period: str | None) -> tuple[str, str] | None:
        """ "Le tarif passera à 12,19 euros" after "sera relevé le 1er janvier 2026": a figure
        in the future of the day its change applies. The bound it leaves ("de 12,02 euros")
        is today's."""
        if period is not None or self._range_side(span) == "from":
            return None
        if self.ix.lower[span.start] in _words(self.lang)["from"]:
            return None  # "de 1 823 euros à 1 848 euros": from today's value to the next
        if not any(future_at(self.doc, self.ix, v) for v in _verb_and_aux(self.ix, span)):
            return None
        layout = self.passage.layout
        here = layout.paragraph(span.start_char)
        k = bisect_left(self.date_starts, span.start_char) - 1
        while k >= 0 and layout.paragraph(self.dates[k].start) >= here - 1:
            date = self.dates[k]
            if date.target and date.grain == "day" and not date.base:
                return date.value, "passage"
            if frames(date):
                return None  # a period of its own frames it
            k -= 1
        return None

    def _elliptic(self, span: Span, period: str | None, how: str | None) -> tuple[str, str] | None:
        """ "a progressé de 0,3 % au deuxième trimestre, après 0,1 % au premier": an ordinal
        with no noun names a part of the same year at the grain of the sentence's period."""
        m = _PART.match(period or "")
        doc = self.doc
        if m is None or how is None or span.end + 1 >= len(doc):
            return None
        lower = self.ix.lower
        if lower[span.end] not in ("au", "du"):
            return None
        n = _ordinals(self.lang).get(lower[span.end + 1], 0)
        after = doc[span.end + 2] if span.end + 2 < len(doc) else None
        if not 0 < n <= {"Q": 4, "H": 2}[m.group("g")] or (after is not None and after.is_alpha):
            return None
        return f"{m.group('y')}-{m.group('g')}{n}", how

    def _range_side(self, span: Span) -> str | None:
        """ "from" for X and "to" for Y in "de X à Y", else None."""
        doc = self.doc
        words = _words(self.lang)
        if span.start == 0 or span.end >= len(doc):
            return None
        before, after = self.ix.lower[span.start - 1], self.ix.lower[span.end]
        kind = self.kinds.get(span.start)
        # bounds of one measure: "bondi de 27 % à 27,6 milliards" is a change, then a level
        if before in words["from"] and after in words["to"]:
            return "from" if self.kinds.get(span.end + 1) == kind else None
        if before in words["to"] and span.start - 1 in self.amount_ends:
            return "to" if self.kind_by_end.get(span.start - 1) == kind else None
        return None

    def _range_bound(
        self, span: Span, period: str | None, how: str | None
    ) -> tuple[str, str] | None:
        """ "est passé de 13,7 % à 13,3 % entre le premier trimestre 2024 et le premier
        trimestre 2025": the first bound is of the first, the second of the second."""
        if how != "written" or not period or period.count("/") != 1 or ".." in period:
            return None
        side = self._range_side(span)
        if side is None:
            return None
        sent = sent_of(span)
        between = _words(self.lang)["between"]
        text = self.passage.text
        if not any(
            d.value == period and between.match(text[d.start : d.end])
            for d in self._dates_in(sent.start_char, sent.end_char)
        ):
            return None
        first, _, second = period.partition("/")
        return (first if side == "from" else second), "written"

    def _own_before_year_ago(
        self, span: Span, written: str | None, how: str | None
    ) -> tuple[str, str] | None:
        """ "contre 1,69 euro en avril et 1,82 euro un an plus tôt": the year-ago words date
        the figure they follow; one dated right after it keeps its own date."""
        if how != "passage" or not written:
            return None
        if self.words.year_ago.search(self._sentence(span)) is None:
            return None
        text = self.passage.text
        k = bisect_left(self.date_starts, span.end_char)
        if k >= len(self.dates) or text[span.end_char : self.dates[k].start].strip():
            return None
        nxt = bisect_right(self.amount_starts, span.start)
        end = self.doc[self.amount_starts[nxt]].idx if nxt < len(self.amount_starts) else None
        stretch = text[span.end_char : min(end or sent_of(span).end_char, sent_of(span).end_char)]
        if self.words.year_ago.search(stretch) is not None:
            return None
        return written[:10] if "T" in written else written, "written"

    def _at_end(self, span: Span, period: str | None) -> str | None:
        """A year before "fin 2025" is December 2024, as "fin 2025" is December 2025."""
        if not period or period.count("/") != 1 or ".." in period:
            return period
        later = shift_years(period, 1)
        text = self.passage.text
        here = self.passage.layout.paragraph(span.start_char)
        for d in self._dates_in(*self.passage.layout.paragraphs[here]):
            if d.value in (period, later) and self.words.period_end.search(text[d.start : d.end]):
                last = period.rpartition("/")[2]
                return last[:7] if len(last) >= 7 and last[4] == "-" else period
        return period

    def _framing(self, span: Span) -> tuple[str, str] | None:
        """The last framing period before the figure in its paragraph, else the frame's."""
        found = latest_before(self.framing, span.start_char, self.passage.layout)
        if found is not None and self.passage.layout.top(found.start) is None:
            return found.value, "passage"
        if self.passage.period is not None:
            return self.passage.period.value, "frame"
        return None

    def _dates_in(self, start: int, end: int) -> list[Dated]:
        return self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]

    def _sentence(self, span: Span) -> str:
        sent = sent_of(span)
        return self.passage.text[sent.start_char : sent.end_char]


def _verb_and_aux(ix: TokenIndex, span: Span) -> tuple[int, ...]:
    """The clause verb of the amount and its auxiliaries, as token indices."""
    verb = clause_head_at(ix, amount_root_at(ix, span))
    return (verb, *(c for c in ix.children[verb] if ix.dep[c].startswith("aux")))

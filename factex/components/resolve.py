"""Completing a figure's links from its passage and the frame, after the sentence has spoken.

The links component reads each sentence on its own. Here each money and percentage span gets
what its sentence leaves open: the ``source`` (never the subject), the ``subject`` named earlier
in the passage or by the frame, the ``period`` framing its passage, the ``metric`` its passage
goes on with; ``subject_from``, ``period_from`` and ``metric_from`` say where each came from
("written", "passage", "frame").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from factex.components.extensions import MONEY, PERCENT, set_span_value, span_value
from factex.components.links.period_lent import keeps_no_lent_period
from factex.components.links.period_passage import PeriodFocus
from factex.components.passage import LinkWords, Passage
from factex.components.passage_metric import MetricFocus
from factex.components.passage_subject import PassageNames, passage_subject
from factex.components.sentence_bounds import SentBounds, sent_of
from factex.components.sources import Source
from factex.components.token_index import token_index
from factex.normalize.frame import (
    PERIOD_GRAINS,
    Dated,
    frames,
    latest_before,
    shift_years,
)


def complete_links(doc: Doc, passage: Passage, words: LinkWords) -> None:
    """Fill each amount's ``source``, ``subject``, ``period`` and say where they came from."""
    spans = [(s, key) for key in (MONEY, PERCENT) for s in doc.spans.get(key, ())]
    spans.sort(key=lambda s: s[0].start)
    focus = MetricFocus(doc, passage)  # the metric a figure naming none goes on with
    shared = _Shared.of(doc, passage)
    periods = PeriodFocus(doc, passage, words, spans)  # what a period owes the figures around
    names = PassageNames.of(passage)  # who the passage names, for each figure's subject
    for span, key in spans:
        sent = sent_of(span)  # read once: the helpers below all need it
        # read and written where spaCy keeps it: each ``span._`` makes an object
        written: dict[str, Any] = span_value(span, "factex_links") or {}
        links = dict(written)
        links["metric"], links["metric_from"] = focus.carry(span, key, links)
        traded = bool(links.pop("traded", False))
        own = _source(span, sent, shared)
        reporter = own or _carried_source(span, sent, passage, shared)
        source = reporter.name if reporter is not None else None
        subject = links.get("subject")
        # "a indiqué Marc Dupont": the speaker is not what the figure is of; in a story about
        # a place, nor is a body forecasting it ("l'Unédic anticipe un chômage à 7,9 %")
        of_place = passage.actor is None and passage.place is not None
        if reporter is not None and (reporter.quoted or of_place) and subject == source:
            subject = None
        links["subject"], links["subject_from"] = passage_subject(
            span, subject, dict(links, traded=traded), passage, words, names
        )
        if own is None and _company_said(links["subject"], links["subject_from"], shared):
            source = None  # "X a annoncé une levée de 450 millions": X's own, not the lede's
        links["source"] = None if source == links["subject"] else source
        dated = _period(span, sent, links.get("period"), passage, words, shared)
        links["period"], links["period_from"] = dated
        if links["period"] is None or links["period_from"] != "written":
            session = _session(links.get("metric"), passage, words)
            if session is not None:
                links["period"], links["period_from"] = session
        links["period"], links["period_from"] = periods.settle(span, links, written)
        if key == MONEY and keeps_no_lent_period(span, links):
            links["period"], links["period_from"] = None, None  # a price, a deal
        focus.note(span, key, links)
        set_span_value(span, "factex_links", links)


@dataclass
class _Shared:
    """What the figures of one Doc share, found once (each figure looked them up again)."""

    #: the reporter of the headline or the lede (see :func:`_lede_source`)
    lede: Source | None
    #: the dates that may frame a passage (see :func:`_framing_dates`)
    framing: list[Dated]
    #: the names of the companies the Doc names (see :func:`_company_said`)
    companies: frozenset[str]
    #: the passage's dates by start (a sentence's are a slice of them), and their starts
    dates: list[Dated] = field(default_factory=list)
    #: by sentence start: whether the sentence says "un an plus tôt"
    year_ago: dict[int, bool] = field(default_factory=dict)

    #: the reporters, by the start of their sentence, in order
    sources: dict[int, list[Source]] = field(default_factory=dict)
    #: the reporters that may speak for the sentences after them (see :func:`_carried_source`)
    bodies: list[Source] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.date_starts = [d.start for d in self.dates]

    @classmethod
    def of(cls, doc: Doc, passage: Passage) -> _Shared:
        shared = cls(
            _lede_source(doc, passage), _framing_dates(passage), _companies(passage),
            sorted(passage.dates, key=lambda d: d.start),
        )  # fmt: skip
        for s in passage.sources:
            shared.sources.setdefault(s.sent_start, []).append(s)
            if s.quoted and not s.person and not s.within:
                shared.bodies.append(s)
        return shared


def _source(span: Span, sent: SentBounds, shared: _Shared) -> Source | None:
    """The reporter of the amount's sentence nearest the amount."""
    here = [
        s
        for s in shared.sources.get(sent.start, ())
        if not s.within or s.within[0] <= span.start < s.within[1]
    ]
    if not here:
        return None
    return min(here, key=lambda s: abs(s.start - span.start))


def _company_said(subject: str | None, how: str | None, shared: _Shared) -> bool:
    """Whether the subject is a company its sentence names (not a public body nor a place)."""
    return subject is not None and how == "written" and subject in shared.companies


def _companies(passage: Passage) -> frozenset[str]:
    """The names of the passage's mentions of companies (not a public body nor a source),
    found once per Doc (each figure went through the mentions)."""
    return frozenset(
        m.name for m in passage.mentions if m.label == "ORG" and not m.institution and not m.source
    )


def _carried_source(
    span: Span, sent: SentBounds, passage: Passage, shared: _Shared
) -> Source | None:
    """The reporter a sentence without one goes on quoting: the incise the parse cut off
    ("…, contre 1,4 % en janvier | , a confirmé vendredi l'Insee"), else the body (not a
    person: one quoted speaks for a sentence) named last before in the paragraph, else, in a
    story about no organisation (a statistics release, a budget), the lede's."""
    doc = span.doc
    nxt = sent.end
    if nxt < len(doc) and token_index(doc).text[nxt] == ",":
        cut = [s for s in shared.sources.get(nxt, ()) if s.quoted and not s.within]
        if cut:
            return cut[0]
    layout = passage.layout
    here = layout.paragraph(span.start_char)
    last = next((s for s in reversed(shared.bodies) if s.end <= sent.start), None)
    if last is not None and layout.paragraph(doc[last.start].idx) == here:
        return last
    lede = shared.lede
    if passage.actor is not None or lede is None or lede.start >= span.start:
        return None
    return None if _other_body(sent, lede, passage) else lede


def _lede_source(doc: Doc, passage: Passage) -> Source | None:
    """The first reporter quoted in the headline or the lede, for the whole sentence (one per
    Doc: each figure asked it again)."""
    layout = passage.layout
    return next(
        (s for s in passage.sources if s.quoted and not s.within and layout.top(doc[s.start].idx)),
        None,
    )


def _other_body(sent: SentBounds, source: Source, passage: Passage) -> bool:
    """Whether the amount's sentence names a public body or reporter other than ``source``
    ("la BCEAO, qui a abaissé son taux de 25 points"): the lede's reporter does not speak
    for it."""
    start, end = sent.start_char, sent.end_char
    return any(
        m.label == "ORG"
        and (m.institution or m.source)
        and start <= m.start < end
        and m.name != source.name
        for m in passage.mentions
    )


def _period(
    span: Span,
    sent: SentBounds,
    period: str | None,
    passage: Passage,
    words: LinkWords,
    shared: _Shared,
) -> tuple[str | None, str | None]:
    """The period of the figure and where it came from."""
    text = passage.text
    sent_start = sent.start_char
    before = text[max(sent_start, span.start_char - 30) : span.start_char]
    comparison = words.comparison_figure.search(before) is not None
    if period is not None and "/.." in period and not comparison:
        # "depuis le début de l'année" runs to the day of publication; "depuis mars 2020"
        # (an older start) measures from then: no period of the figure
        period = year_to_date(period, passage.published)
    if comparison and _says_year_ago(sent, passage, words, shared.year_ago):
        # "contre 57 millions un an plus tôt": the year before the passage's period (not a
        # year before the day of publication)
        framing = _passage_period(span, passage, shared.framing)
        return (shift_years(framing[0], -1), "passage") if framing else (None, None)
    if period is not None and not (not comparison and _only_bases(period, sent, shared)):
        return _day_at_most(_at_end(period, sent, passage, words)), "written"
    if comparison:
        return None, None
    framing = _passage_period(span, passage, shared.framing)
    return framing if framing is not None else (None, None)


def _says_year_ago(
    sent: SentBounds, passage: Passage, words: LinkWords, seen: dict[int, bool]
) -> bool:
    """Whether the sentence says "un an plus tôt", read once per sentence (kept in ``seen``)."""
    found = seen.get(sent.start)
    if found is None:
        sentence = passage.text[sent.start_char : sent.end_char]
        found = seen[sent.start] = words.year_ago.search(sentence) is not None
    return found


def _session(metric: str | None, passage: Passage, words: LinkWords) -> tuple[str, str] | None:
    """A share's move or quote with no date of its own is the session's: the day the story
    reports (a market report's day), else the day of publication; never the period of the
    results the story is about ("l'action gagnait 4 %" after a year's results)."""
    if metric is None or metric not in words.share_nouns:
        return None
    if passage.period is not None and passage.period.grain == "day":
        return passage.period.value, "frame"
    return (passage.published[:10], "frame") if passage.published else None


def _day_at_most(value: str) -> str:
    """A figure's period is a day at the finest ("lundi après-midi" dates the session).

    >>> _day_at_most("2024-11-18T12:00/2024-11-18T18:00"), _day_at_most("2024-H1")
    ('2024-11-18', '2024-H1')
    """
    if "T" in value and value[:10].count("-") == 2:
        return value[:10]
    return value


def year_to_date(value: str, published: str | None) -> str | None:
    """An open interval from within the publication's year ("depuis janvier") closed on the
    publication, at the grain of its start; one from after the publication ("dès 2026", "à
    partir du 1er janvier 2026") is for its start; None for an older start.

    >>> year_to_date("2025-01/..", "2025-03-20"), year_to_date("2025-01-01/..", "2025-03-20")
    ('2025-01/2025-03', '2025-01-01/2025-03-20')
    >>> year_to_date("2026/..", "2025-03-20"), year_to_date("2022-11/..", "2025-03-20")
    ('2026', None)
    """
    start, _, end = value.partition("/")
    if end != ".." or not published or not start[:4].isdigit():
        return None
    if start[:4] > published[:4]:
        return start
    if start[:4] != published[:4]:
        return None
    grain = len(start) if len(start) in (7, 10) else None
    return f"{start}/{published[:grain]}" if grain else None


def _at_end(value: str, sent: SentBounds, passage: Passage, words: LinkWords) -> str:
    """ "fin 2023", "fin décembre": a level at the close of a period is for its last month.

    The dates give "fin 2023" as its last two months ("2023-11/2023-12"); a stock figure (a
    debt "à 1,2 milliard fin 2023") is that of the month the period ends in.
    """
    if "/" not in value:
        return value  # no stretch: nothing to close (each figure went through the dates)
    start, end = sent.start_char, sent.end_char
    for d in passage.dates:
        inside = start <= d.start < end and d.value == value
        if inside and words.period_end.search(passage.text[d.start : d.end]):
            last = value.rpartition("/")[2]
            return last[:7] if len(last) >= 7 and last[4] == "-" else value
    return value


def _only_bases(value: str, sent: SentBounds, shared: _Shared) -> bool:
    """Whether every date of the sentence with this value is a comparison base."""
    start, end = sent.start_char, sent.end_char
    starts = shared.date_starts
    dates = shared.dates[bisect_left(starts, start) : bisect_left(starts, end)]
    same = [d for d in dates if d.value == value]
    return bool(same) and all(d.base for d in same)


def _framing_dates(passage: Passage) -> list[Dated]:
    """The dates of the passage that may frame the figures after them."""
    day_frame = passage.period is not None and passage.period.grain == "day"
    grains = (*PERIOD_GRAINS, "day") if day_frame else PERIOD_GRAINS
    return [d for d in passage.dates if d.grain in grains and frames(d)]


def _passage_period(span: Span, passage: Passage, framing: list[Dated]) -> tuple[str, str] | None:
    """The last framing period (of ``framing``) before the amount in its paragraph, else the
    frame's."""
    found = latest_before(framing, span.start_char, passage.layout)
    if found is not None and passage.layout.top(found.start) is None:
        return found.value, "passage"
    if passage.period is not None:
        return passage.period.value, "frame"
    return None

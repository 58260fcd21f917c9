"""From an annotated spaCy ``Doc`` to fact records: the edge where typed values are built."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from factex.components.extensions import DATES, EVENTS, MONEY, PERCENT, doc_text
from factex.normalize.dates.values import day_of
from factex.normalize.metric_keys import metric_key
from factex.records import DateMention, Entity, Event, Money, Percentage, Record


def records_from_doc(doc: Doc, offset: int = 0, text: str | None = None) -> list[Record]:
    """Every record annotated on ``doc``; offsets shifted by ``offset`` (for chunked texts).

    ``text`` is the string the Doc was made from, when the caller has it: spaCy's tokenizer
    keeps every character, so it is ``doc.text`` without joining the tokens again.
    """
    # Doc.text and Span.text join their tokens anew on each read (a Token object per word,
    # 0.2-0.3 ms per news article): join the Doc at most once and cut every record's and
    # sentence's text out of it (Span.text is exactly that slice).
    if text is None or not _same_length(doc, text):
        text = doc_text(doc)
    common = _Common(doc, text, offset)
    return [
        *_entities(doc, common),
        *_money(doc, common),
        *_percentages(doc, common),
        *_dates(doc, common),
        *_events(doc, common),
    ]


class _Common:
    """The fields every record has (text, start, end, sentence) for a span of one Doc."""

    def __init__(self, doc: Doc, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.sentence_of = _Sentences(doc, text)
        self.lang = doc.lang_

    def __call__(self, span: Span) -> tuple[str, int, int, str]:
        start, end = span.start_char, span.end_char
        return self.text[start:end], start + self.offset, end + self.offset, self.sentence_of(start)


def _entities(doc: Doc, common: _Common) -> Iterator[Entity]:
    for span in doc.ents:
        fields = common(span)
        # the span's text is its slice of the Doc's text: no join of its tokens
        canonical = span._.factex_canonical or fields[0]
        yield Entity(*fields, label=span.label_, canonical=canonical)


def _money(doc: Doc, common: _Common) -> Iterator[Money]:
    for span in _group(doc, MONEY):
        ext = span._  # each ``span._`` read builds an object: one per span
        m: dict[str, Any] = ext.factex_money or {}
        fields = common(span)
        yield Money(
            *fields,
            amount=_dec(m.get("amount")),
            currency=m.get("currency"),
            currency_inferred=bool(m.get("currency_inferred", False)),
            amount_min=_dec(m.get("amount_min")),
            amount_max=_dec(m.get("amount_max")),
            **_links(ext.factex_links, fields, common.lang),
            per=m.get("per"),
        )


def _percentages(doc: Doc, common: _Common) -> Iterator[Percentage]:
    for span in _group(doc, PERCENT):
        ext = span._
        p: dict[str, Any] = ext.factex_percent or {}
        if p.get("value") is None and p.get("value_min") is None:
            continue
        fields = common(span)
        yield Percentage(
            *fields,
            value=_dec(p.get("value")),
            unit=p.get("unit", "percent"),
            direction=p.get("direction"),
            **_links(ext.factex_links, fields, common.lang),
            value_min=_dec(p.get("value_min")),
            value_max=_dec(p.get("value_max")),
        )


#: the canonical key of a metric as written: the same few metrics recur in a text
_metric_key = lru_cache(maxsize=4096)(metric_key)

#: what factex_links leaves on a money or percentage span, as record fields
_LINK_FIELDS = (
    "subject", "metric", "period", "source", "subject_from", "period_from", "metric_from",
)  # fmt: skip


def _links(
    links: dict[str, Any] | None, common: tuple[str, int, int, str], lang: str
) -> dict[str, Any]:
    """The link fields (``links`` as the span holds them), the metric's canonical key and the
    record's own telling in ``mentions`` (``common`` is what :class:`_Common` gives the span)."""
    links = links or {}
    fields = {name: links.get(name) for name in _LINK_FIELDS}
    if fields["metric"] is not None and fields["metric_from"] is None:
        fields["metric_from"] = "written"  # a pipeline without the frame stage: its sentence's
    fields["metric_key"] = _metric_key(fields["metric"], lang)
    fields["mentions"] = ((common[1], common[2]),)
    return fields


def _dates(doc: Doc, common: _Common) -> Iterator[DateMention]:
    for span in _group(doc, DATES):
        d: dict[str, Any] = span._.factex_date or {}
        yield DateMention(
            *common(span),
            value=d.get("value"),
            grain=d.get("grain"),
            relative=bool(d.get("relative", False)),
            anchor_start=_shift(d.get("anchor_start"), common.offset),
            anchor_end=_shift(d.get("anchor_end"), common.offset),
        )


def _events(doc: Doc, common: _Common) -> Iterator[Event]:
    offset = common.offset
    for span in _group(doc, EVENTS):
        e: dict[str, Any] = span._.factex_event or {}
        if not e.get("date"):
            continue
        mentions = e.get("mentions") or [(span.start_char, span.end_char)]
        yield Event(
            *common(span),
            date=e["date"],
            trigger=e.get("trigger"),
            actors=tuple(e.get("actors") or ()),
            mentions=tuple((start + offset, end + offset) for start, end in mentions),
            date_source=str(e.get("date_source") or "written"),
            date_day=day_of(e["date"]),
        )


def _same_length(doc: Doc, text: str) -> bool:
    """A cheap guard that ``text`` is the Doc's: a tokenizer that drops characters fails it."""
    if not len(doc):
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def _group(doc: Doc, name: str) -> Iterable[Span]:
    group: Iterable[Span] = doc.spans.get(name, ())
    return group


class _Sentences:
    """The text of the sentence at a character offset, looked up in one list per Doc.

    ``span.sent`` walks the tokens again for every record; here each sentence is cut once.
    Trailing whitespace (spaCy leaves a paragraph's line breaks on its last sentence) is dropped.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        try:
            sents = list(doc.sents)
        except ValueError:  # a pipeline without sentence boundaries
            sents = [doc[:]]
        self._starts = [sent.start_char for sent in sents]
        self._texts = [text[sent.start_char : sent.end_char].rstrip() for sent in sents]

    def __call__(self, start_char: int) -> str:
        return self._texts[max(bisect_right(self._starts, start_char) - 1, 0)]


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _shift(position: int | None, offset: int) -> int | None:
    """An offset carried on a span's attributes, moved like the span's own."""
    return None if position is None else position + offset

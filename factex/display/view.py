"""HTML view of a :class:`~factex.facts.Facts` for Jupyter: the article with its facts marked.

:func:`facts_to_html` marks entities (by label), money, percentages and dates in the text, in
the style of displaCy (a coloured ``<mark>`` with a small label), and events as an underlined
clause (every telling of it), whose tooltip gives the event's date, actors and verb; it adds a
legend and a table of facts below. Everything taken from the text is HTML-escaped; styles are
inline so that the view survives sanitisers (GitHub, nbviewer, untrusted notebooks) that drop
``<style>`` blocks.

Overlaps: spans that nest are drawn nested (a date inside an organisation name shows both);
when two spans cross, the fact (money, percentage, date) wins over the entity, whose mark is
left out of the text (it is still counted in the entity list below the table), and both win over
an event clause.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from factex.display.text import SUMMARY_COLUMNS, count_kinds, summary_row
from factex.display.timeline import timeline_html
from factex.records import DateMention, Entity, Event, Money, Percentage, Record


class Shown(Protocol):
    """What the view reads of a :class:`~factex.facts.Facts` (display never imports facts)."""

    @property
    def text(self) -> str: ...
    @property
    def records(self) -> tuple[Record, ...]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def id(self) -> Any: ...
    @property
    def published(self) -> date | None: ...
    @property
    def published_source(self) -> str | None: ...
    @property
    def error(self) -> str | None: ...
    def timeline(self) -> list[Event]: ...


#: Background colour of each label; displaCy's palette for entities.
COLOURS = {
    "ORG": "#7aecec",
    "PER": "#aa9cfc",
    "LOC": "#feca74",
    "MISC": "#e4e7d2",
    "MONEY": "#9be38a",
    "PERCENT": "#ff8f8f",
    "DATE": "#9cc9ff",
    "EVENT": "#f3e3fb",
}
_FALLBACK_COLOUR = "#dddddd"
_LEGEND = (
    ("ORG", "organisation"),
    ("PER", "person"),
    ("LOC", "place"),
    ("MISC", "other entity"),
    ("MONEY", "money"),
    ("PERCENT", "percentage"),
    ("DATE", "date"),
    ("EVENT", "event (hover: date, actors)"),
)
# Facts are drawn over entities when they cross; among facts, money and percentages first.
_PRIORITY = {"money": 3, "percentage": 3, "date": 2, "entity": 1, "event": 0}

_BOX = (
    "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; "
    "color: #222; background: #fff; padding: 0.5em 1em; border: 1px solid #ddd; "
    "border-radius: 6px; max-width: 60em"
)
_TEXT = "white-space: pre-wrap; line-height: 2.2; font-size: 15px; margin: 0.5em 0"
_MARK = (
    "padding: 0.15em 0.35em; margin: 0 0.1em; border-radius: 0.35em; color: #111; "
    "white-space: nowrap"
)
_LABEL = (
    "font-size: 0.62em; font-weight: bold; line-height: 1; text-transform: uppercase; "
    "vertical-align: middle; margin-left: 0.4em; opacity: 0.75"
)
# An event is a clause: it wraps like text, underlined, so the marks inside it stay readable.
_EVENT_MARK = "padding: 0.1em 0; border-bottom: 2px solid #b45ad8; border-radius: 0; color: inherit"
_CELL_CHARS = 70
_CELL = "padding: 0.2em 0.6em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str
    record: Record

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self.record.kind, 0)


def label_of(record: Record) -> str | None:
    """The mark label of a record, or None for records that are not marked in the text."""
    if isinstance(record, Entity):
        return record.label
    if isinstance(record, Money):
        return "MONEY"
    if isinstance(record, Percentage):
        return "PERCENT"
    if isinstance(record, DateMention):
        return "DATE"
    if isinstance(record, Event):
        return "EVENT"
    return None


def facts_to_html(facts: Shown) -> str:
    """The article with its facts marked, a legend, a table of facts and the entities found."""
    text = facts.text
    spans = choose_spans(facts.records, len(text))
    reference = facts.published is not None
    marked = render_marks(text, spans, reference)
    parts = [f'<div class="factex" style="{_BOX}">', _header(facts), _legend(spans)]
    parts.append(f'<div class="factex-text" style="{_TEXT}">{marked}</div>')
    parts.append(timeline_html(facts.timeline()))
    parts.append(_fact_table((r for r in facts.records if r.kind != "entity"), reference))
    parts.append(_entity_list(facts.entities))
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def choose_spans(records: Iterable[Record], length: int) -> list[_Span]:
    """The spans to mark, none crossing another, in drawing order (outer before inner).

    >>> from factex.records import Entity, DateMention
    >>> ents = [Entity("Mars Inc", 0, 8, "", "ORG", "Mars Inc"),
    ...         DateMention("Mars", 0, 4, "", "2024-03", "month")]
    >>> [(s.label, s.start, s.end) for s in choose_spans(ents, 20)]
    [('ORG', 0, 8), ('DATE', 0, 4)]
    >>> crossing = [Entity("Paris le", 0, 8, "", "LOC", "Paris"),
    ...             DateMention("le 3 mai", 6, 14, "", "2024-05-03", "day")]
    >>> [(s.label, s.start, s.end) for s in choose_spans(crossing, 20)]
    [('DATE', 6, 14)]
    """
    candidates = []
    for record in records:
        label = label_of(record)
        # an event or a figure is marked at every telling (headline, lede, body)
        places = (
            (record.mentions or ((record.start, record.end),))
            if isinstance(record, (Event, Money, Percentage))
            else ((record.start, record.end),)
        )
        for start, end in places:
            if label is not None and 0 <= start < end <= length:
                candidates.append(_Span(start, end, label, record))
    kept: list[_Span] = []
    for span in sorted(candidates, key=lambda s: (-s.priority, s.start - s.end, s.start)):
        if not any(_crosses(span, other) or _same(span, other) for other in kept):
            kept.append(span)
    # Outer spans open first; of two spans with the same extent, the entity is the outer one.
    return sorted(kept, key=lambda s: (s.start, -s.end, s.priority))


def _crosses(a: _Span, b: _Span) -> bool:
    return a.start < b.end and b.start < a.end and not _nests(a, b) and not _nests(b, a)


def _nests(inner: _Span, outer: _Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _same(a: _Span, b: _Span) -> bool:
    return (a.start, a.end, a.label) == (b.start, b.end, b.label)


def render_marks(text: str, spans: list[_Span], reference: bool | None = None) -> str:
    """``text`` escaped, with a ``<mark>`` around each span (spans must nest, never cross).

    >>> from decimal import Decimal
    >>> from factex.records import Money
    >>> m = Money("5 €", 4, 7, "", Decimal("5"), "EUR")
    >>> print(render_marks("<b> 5 € & co", choose_spans([m], 12)))  # doctest: +ELLIPSIS
    &lt;b&gt; <mark ...data-kind="money"...>5 €<span class="factex-label"...>MONEY</span></mark>...
    """
    out: list[str] = []
    stack: list[_Span] = []
    pos = 0

    def close_to(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(html.escape(text[pos : top.end]))
            pos = top.end
            label = html.escape(top.label)
            out.append(f'<span class="factex-label" style="{_LABEL}">{label}</span></mark>')

    for span in spans:
        close_to(span.start)
        out.append(html.escape(text[pos : span.start]))
        pos = span.start
        out.append(_open_mark(span, nested=bool(stack), reference=reference))
        stack.append(span)
    close_to(len(text))
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _open_mark(span: _Span, *, nested: bool, reference: bool | None = None) -> str:
    colour = COLOURS.get(span.label, _FALLBACK_COLOUR)
    record = span.record
    if isinstance(record, Event):
        style = _EVENT_MARK
        tip = _event_tip(record)
    else:
        style = _MARK + ("; box-shadow: 0 0 0 1px rgba(0,0,0,0.35)" if nested else "")
        tip = " · ".join(v for v in summary_row(record, reference)[2:] if v)
    return (
        f'<mark class="factex-mark" data-kind="{record.kind}" data-start="{span.start}" '
        f'data-end="{span.end}" title="{html.escape(tip, quote=True)}" '
        f'style="background: {colour}; {style}">'
    )


def _event_tip(event: Event) -> str:
    """An event's tooltip: its date, its actors and its verb.

    >>> _event_tip(Event("x", 0, 1, "x", "2024-06-03", "signer", ("Nordial", "Kelvo")))
    'event on 2024-06-03 · actors: Nordial, Kelvo · verb: signer'
    """
    bits = [f"event on {event.date}"]
    if event.actors:
        bits.append("actors: " + ", ".join(event.actors))
    if event.trigger:
        bits.append(f"verb: {event.trigger}")
    return " · ".join(bits)


def _header(facts: Shown) -> str:
    bits = []
    if facts.id is not None:
        bits.append(f"<b>{html.escape(str(facts.id))}</b>")
    if facts.published:
        bits.append(f"published {facts.published.isoformat()} ({facts.published_source})")
    else:
        bits.append("no publication date: relative dates left unresolved")
    bits.append(count_kinds(r.kind for r in facts.records))
    if facts.error:
        bits.append(f'<span style="color: #b00">error: {html.escape(facts.error)}</span>')
    frame = _frame_line(getattr(facts, "frame", None))
    return f'<div style="font-size: 0.85em; color: #555">{" · ".join(bits)}{frame}</div>'


def _frame_line(frame: Any) -> str:
    """The article's frame, one line: what "le groupe" or a bare figure refers back to."""
    if frame is None:
        return ""
    bits = []
    if frame.actors:
        bits.append("about " + ", ".join(html.escape(a.value) for a in frame.actors))
    for label, anchor in (("place", frame.place), ("currency", frame.currency),
                          ("period", frame.period)):  # fmt: skip
        if anchor is not None:
            bits.append(f"{label} {html.escape(anchor.value)} ({anchor.how})")
    return f"<br>frame: {' · '.join(bits)}" if bits else ""


def _legend(spans: list[_Span]) -> str:
    present = {s.label for s in spans}
    chips = []
    for label, meaning in _LEGEND:
        colour = COLOURS[label]
        faded = "" if label in present else "; opacity: 0.4"
        chips.append(
            f'<span style="background: {colour}; {_MARK}; font-size: 0.8em{faded}">'
            f"<b>{label}</b> {meaning}</span>"
        )
    return f'<div class="factex-legend" style="margin: 0.4em 0">{" ".join(chips)}</div>'


def _fact_table(records: Iterable[Record], reference: bool | None = None) -> str:
    rows = [summary_row(r, reference) for r in records]
    if not rows:
        return '<p style="color: #777">No money, percentage, date or event found.</p>'
    head = "".join(f'<th style="{_CELL}">{c}</th>' for c in SUMMARY_COLUMNS)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return (
        '<table class="factex-facts" style="border-collapse: collapse; font-size: 0.9em; '
        f'margin-top: 0.8em"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _cell(value: str, limit: int = _CELL_CHARS) -> str:
    # Event clauses can run to whole sentences: the cell shows the start, the tooltip all of it.
    if len(value) <= limit:
        return f'<td style="{_CELL}">{html.escape(value)}</td>'
    short = value[: limit - 1].rstrip() + "…"
    title = html.escape(value, quote=True)
    return f'<td style="{_CELL}" title="{title}">{html.escape(short)}</td>'


def _entity_list(entities: list[Entity]) -> str:
    if not entities:
        return ""
    by_label: dict[str, Counter[str]] = {}
    for entity in entities:
        by_label.setdefault(entity.label, Counter())[entity.canonical] += 1
    items = []
    for label, names in sorted(by_label.items()):
        listed = ", ".join(
            html.escape(name) + (f" ×{n}" if n > 1 else "") for name, n in names.most_common()
        )
        colour = COLOURS.get(label, _FALLBACK_COLOUR)
        items.append(
            f'<li><span style="background: {colour}; {_MARK}; font-size: 0.8em">'
            f"{html.escape(label)}</span> {listed}</li>"
        )
    return (
        '<ul class="factex-entities" style="list-style: none; padding: 0; font-size: 0.9em">'
        + "".join(items)
        + "</ul>"
    )

"""What factex components leave on a ``Doc``: the contract between components and records.

Values are JSON-safe (str, int, bool, None, lists, dicts) so that a Doc keeps them through
``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=...)``; Decimals travel as strings.

``doc.ents`` holds the cleaned entities (factex_entities rewrites them). Each span key and
``._`` attribute is described where it is declared, below.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from factex.normalize.dates import Reference

#: money spans, each with ``Span._.factex_money``
MONEY = "factex_money"
#: percentage spans, each with ``Span._.factex_percent``
PERCENT = "factex_percent"
#: date spans, each with ``Span._.factex_date``
DATES = "factex_dates"
#: event spans, each with ``Span._.factex_event``
EVENTS = "factex_events"

_SPAN_EXTENSIONS = {
    "factex_canonical": "canonical name of an entity span",
    "factex_money": "{amount, currency, currency_inferred, amount_min, amount_max}, as str",
    "factex_percent": "{value, unit, direction}",
    "factex_date": "{value, grain, relative}",
    "factex_links": "on money and percent spans: {subject, metric, period, source,"
    " subject_from, period_from, metric_from}",
    "factex_event": "{date, trigger, actors, mentions, date_source}",
}
# ``doc._.factex_published``: reference date (ISO string) or None; set before the pipeline
# runs, or by factex_dates when it detects one in the text; read back by
# :func:`published_reference`.
# ``doc._.factex_published_source``: "given", "detected" or None.
# ``doc._.factex_text``: ``doc.text``, joined once for all components (see ``doc_text``).
# ``doc._.factex_frame``: the article's frame (main actors, place, currency, period), as
# :meth:`factex.normalize.frame.Frame.to_dict` gives it.
_DOC_EXTENSIONS = (
    "factex_published", "factex_published_source", "factex_text", "factex_frame",
)  # fmt: skip


def register_extensions() -> None:
    """Declare factex's ``._`` attributes once; safe to call again."""
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def published_reference(doc: Doc) -> Reference | None:
    """The reference moment stored on ``doc`` (``doc._.factex_published``), or None."""
    return Reference.parse(doc_value(doc, "factex_published"))


# ``x._.name`` builds an Underscore object at each read (a few µs): the walks read factex's own
# extensions (plain ones: a default of None, no getter) where spaCy keeps them, in
# ``doc.user_data`` under ("._.", name, start_char, end_char), None and None for a Doc.


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` of one of factex's Doc extensions."""
    data: dict[Any, Any] = doc.user_data
    return data.get(("._.", name, None, None))


def span_value(span: Span, name: str) -> Any:
    """``span._.<name>`` of one of factex's Span extensions."""
    data: dict[Any, Any] = span.doc.user_data
    return data.get(("._.", name, span.start_char, span.end_char))


def set_span_value(span: Span, name: str, value: Any) -> None:
    """``span._.<name> = value`` for one of factex's Span extensions."""
    data: dict[Any, Any] = span.doc.user_data
    data[("._.", name, span.start_char, span.end_char)] = value


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and shared by the components that scan it.

    spaCy joins every token anew on each read of ``doc.text`` (a Python Token per word); the
    text cannot change once the Doc exists (merging tokens keeps it), so one join serves all.
    """
    text: str | None = doc_value(doc, "factex_text")
    if text is None:
        text = doc.text
        doc._.factex_text = text
    return text


register_extensions()

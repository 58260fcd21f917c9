"""What factex components leave on a ``Doc``: the contract between components and records.

Values are JSON-safe (str, int, bool, None, lists, dicts) so that a Doc keeps them through
``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=...)``; Decimals travel as strings.

=========================  ===========================================================
where                      what
=========================  ===========================================================
``doc.ents``               cleaned entities (factex_entities rewrites them)
``Span._.factex_canonical``  canonical name of an entity span
``doc.spans[MONEY]``       money spans; ``Span._.factex_money``: {amount, currency,
                           currency_inferred, amount_min, amount_max} (amounts as str)
``doc.spans[PERCENT]``     percentage spans; ``Span._.factex_percent``: {value, unit, direction}
``doc.spans[DATES]``       date spans; ``Span._.factex_date``: {value, grain, relative}
``Span._.factex_links``    on money/percent spans: {subject, metric, period}
``doc.spans[EVENTS]``      event spans; ``Span._.factex_event``: {date, trigger, actors, mentions}
``doc._.factex_published``   reference date (ISO string) or None; set before the pipeline
                             runs, or by factex_dates when it detects one in the text
``doc._.factex_published_source``  "given", "detected" or None
``doc._.factex_text``        ``doc.text``, joined once for all components (see ``doc_text``)
=========================  ===========================================================
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

MONEY = "factex_money"
PERCENT = "factex_percent"
DATES = "factex_dates"
EVENTS = "factex_events"

_SPAN_EXTENSIONS = (
    "factex_canonical",
    "factex_money",
    "factex_percent",
    "factex_date",
    "factex_links",
    "factex_event",
)
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


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and shared by the components that scan it.

    spaCy joins every token anew on each read of ``doc.text`` (a Python Token per word); the
    text cannot change once the Doc exists (merging tokens keeps it), so one join serves all.
    """
    text: str | None = doc._.factex_text
    if text is None:
        text = doc.text
        doc._.factex_text = text
    return text


register_extensions()

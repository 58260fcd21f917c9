"""factex_percent: percentages and percentage points, with the direction of a change.

Finding and normalising is pure code (:func:`factex.normalize.percent.find_percentages`);
this component aligns the matches to tokens and writes ``doc.spans["factex_percent"]`` with
``Span._.factex_percent`` = {value, unit, direction} (value as a plain string).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.extensions import PERCENT, register_extensions
from factex.components.money import sentence_bounds
from factex.normalize import percent


class PercentComponent:
    """Writes ``doc.spans["factex_percent"]``: one span per percentage, in order."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        if not nlp.lang:
            raise ValueError(f"{name}: the pipeline has no language (nlp.lang)")
        self.lang: str = nlp.lang
        percent.prepare(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        last = 0
        for m in percent.find_percentages(doc.text, sentence_bounds(doc), self.lang):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.start < last:
                continue
            span._.factex_percent = m.as_dict()
            spans.append(span)
            last = span.end
        doc.spans[PERCENT] = spans
        return doc


@Language.factory(
    "factex_percent",
    assigns=["doc.spans", "span._.factex_percent"],
    requires=["token.is_sent_start"],
)
def make_percent(nlp: Language, name: str) -> PercentComponent:
    return PercentComponent(nlp, name)

"""factex_money: amounts of money, as token-aligned spans with exact values.

Finding and normalising is pure code (:func:`factex.normalize.money.find_money`, one pass of
compiled regexes over ``doc.text``); this component only hands it the Doc's sentence
boundaries (for carrying a currency within a sentence), aligns the matches to tokens and
writes ``doc.spans["factex_money"]`` with ``Span._.factex_money`` =
{amount, currency, currency_inferred, amount_min, amount_max, per} (amounts as plain strings;
``per`` the unit of a rate, "tonne" for "31 euros par tonne").
The one thing it reads in the parse: a bare figure that takes the currency of a list through
a gapped verb ("l'État apportera 2 milliards d'euros, la région 500 millions et les communes
300") is dropped when the words before it hold a verb ("le groupe emploie 300").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.extensions import MONEY, doc_text, register_extensions
from factex.components.sentences import sentence_bounds as sentence_bounds  # its old home
from factex.normalize import money


class MoneyComponent:
    """Writes ``doc.spans["factex_money"]``: one span per amount, non-overlapping, in order."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        if not nlp.lang:
            raise ValueError(f"{name}: the pipeline has no language (nlp.lang)")
        self.lang: str = nlp.lang
        money.prepare(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        last = 0
        text = doc_text(doc)
        bounds = lambda: sentence_bounds(doc, text)  # noqa: E731
        published = doc._.factex_published
        for m in money.find_money(text, bounds, self.lang, published):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.start < last:
                continue
            if m.ellipsis and _has_verb(doc, *m.ellipsis):
                continue  # "2 milliards d'euros, le groupe emploie 300": no gapped verb
            span._.factex_money = m.as_dict()
            spans.append(span)
            last = span.end
        doc.spans[MONEY] = spans
        return doc


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether the words before a bare figure of a list hold a verb of their own."""
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and any(t.pos_ in ("VERB", "AUX") for t in words)


@Language.factory(
    "factex_money",
    assigns=["doc.spans", "span._.factex_money"],
    requires=["token.is_sent_start"],
)
def make_money(nlp: Language, name: str) -> MoneyComponent:
    return MoneyComponent(nlp, name)

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

from bisect import bisect_right
from functools import cached_property

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
        tokens = CharTokens(doc)
        for m in money.find_money(text, bounds, self.lang, published):
            span = tokens.span(m.start, m.end)
            if span is None or span.start < last:
                continue
            if m.ellipsis and _has_verb(tokens, *m.ellipsis):
                continue  # "2 milliards d'euros, le groupe emploie 300": no gapped verb
            span._.factex_money = m.as_dict()
            spans.append(span)
            last = span.end
        doc.spans[MONEY] = spans
        return doc


def _has_verb(tokens: CharTokens, start: int, end: int) -> bool:
    """Whether the words before a bare figure of a list hold a verb of their own."""
    words = tokens.span(start, end)
    return words is not None and any(t.pos_ in ("VERB", "AUX") for t in words)


class CharTokens:
    """The tokens of character offsets in one Doc: ``tokens.span(a, b)`` is
    ``doc.char_span(a, b, alignment_mode="expand")``, without the Tokens that call makes to
    read the offsets of its two ends."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def _columns(self) -> tuple[list[int], list[int], list[int]]:
        """(start, end of its text, end of its trailing space) of each token, read at the
        first use: a Doc without a match pays nothing."""
        columns = self.doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist()
        return (
            [idx for idx, _, _ in columns],
            [idx + length for idx, length, _ in columns],
            [idx + length + space for idx, length, space in columns],
        )

    def token_at(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``; -1 for none."""
        starts, _, ends = self._columns
        i = bisect_right(starts, char) - 1
        return i if i >= 0 and char < ends[i] else -1

    def span(self, start_char: int, end_char: int) -> Span | None:
        """The tokens that ``start_char``-``end_char`` overlaps, or None."""
        start = self.token_at(start_char)
        end = self.token_at(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == self._columns[1][start]:  # on the space after a token: not that token
            start += 1
        return Span(self.doc, start, end + 1)


@Language.factory(
    "factex_money",
    assigns=["doc.spans", "span._.factex_money"],
    requires=["token.is_sent_start"],
)
def make_money(nlp: Language, name: str) -> MoneyComponent:
    return MoneyComponent(nlp, name)

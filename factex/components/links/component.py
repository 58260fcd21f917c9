"""The spaCy glue of factex_links: the amounts of a Doc in order, each linked on its own or
through the one before it. Everything a Doc needs lives in locals and in a :class:`_DocContext`
made per call: the component keeps no per-document state, so threads may share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.extensions import MONEY, PERCENT, register_extensions, set_span_value
from factex.components.links.metric import find_metric
from factex.components.links.metric_parts import apposed
from factex.components.links.neighbours import (
    change_of,
    elided_metric,
    item_metric,
    level_after,
    level_of_before,
    range_pair,
    range_to,
    same_sentence,
)
from factex.components.links.period import DateIndex
from factex.components.links.subject import find_subject, sentence_asset, traded_asset
from factex.components.syntax import EntityIndex, amount_root, entity_index
from factex.components.token_index import fresh_index, token_index
from factex.normalize.link_words import LinkWords, fold, link_words, normalize_name
from factex.normalize.metric_keys import is_metric_name

#: The amount before, by kind and of any kind ("any"), with its metric.
LastMetric = dict[str, tuple[Span, str | None]]


@dataclass(frozen=True)
class _DocContext:
    """What linking one Doc needs besides the amount: its entities and its dates."""

    ent_at: EntityIndex
    dates: DateIndex


class AmountLinker:
    """Sets ``Span._.factex_links`` on the spans of ``doc.spans[MONEY]`` and ``[PERCENT]``."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.words: LinkWords = link_words(lang or nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        amounts = [
            (span, kind)
            for kind in (MONEY, PERCENT)
            if kind in doc.spans
            for span in doc.spans[kind]
        ]
        if not amounts:
            return doc
        amounts.sort(key=lambda item: item[0].start)
        w = self.words
        fresh_index(doc)  # the walks below read the parse from it
        # the amounts' tokens, from the spans at hand (DateIndex made them all again)
        tokens = frozenset(i for span, _ in amounts for i in range(span.start, span.end))
        dates = DateIndex(doc, w.period_wrappers, w.not_qualifiers, tokens)
        ctx = _DocContext(entity_index(doc), dates)
        prev: Span | None = None
        before: dict[str, Any] = {}  # the links of ``prev``, read once (an extension costs µs)
        total: dict[str, Any] | None = None  # links of the amount a running breakdown details
        # An elided amount stands for the one right before it (its metric None too), not for
        # an older one.
        last_metric: LastMetric = {}
        for span, kind in amounts:
            total = _running_total(w, prev, before, span, total)
            if total is not None:
                links = dict(total, metric=item_metric(w, span) or total.get("metric"))
            else:
                links = self._link_in_turn(span, kind, (prev, before), last_metric, ctx)
            set_span_value(span, "factex_links", links)
            last_metric[kind] = last_metric["any"] = (span, links.get("metric"))
            prev, before = span, links
        return doc

    def _link_in_turn(
        self,
        span: Span,
        kind: str,
        previous: tuple[Span | None, dict[str, Any]],
        last_metric: LastMetric,
        ctx: _DocContext,
    ) -> dict[str, Any]:
        """The links of an amount on its own, completed from the amount before it
        (``previous``: that amount and its links, which a range may complete)."""
        w = self.words
        prev, before = previous
        links = _link(w, span, kind == PERCENT, ctx)
        if links["metric"] is None:
            links["metric"] = elided_metric(span, kind, last_metric, w.elision_markers)
        if links["metric"] is None:
            links["metric"] = level_of_before(w, span)
        if prev is None:
            return links
        if level_after(w, prev, span) and (
            links["metric"] is None or amount_root(span).head.lemma_ in w.metric_verbs
        ):
            # "une baisse de 3 % de ses ventes, à 8,1 milliards": the level the change led to
            # ("l'action a cédé 3 %, à 41 euros" is no "cession").
            links["metric"] = before.get("metric") or links["metric"]
        if change_of(w, prev, span, ctx.dates.tokens):
            # "un chiffre d'affaires de 2,3 milliards, en hausse de 5 %": the change of the
            # amount it follows.
            links["metric"] = links["metric"] or before.get("metric")
            links["subject"] = links["subject"] or before.get("subject")
            links["period"] = links["period"] or before.get("period")
        if range_pair(w, prev, span):
            # "entre 8 % et 10 % cette année": the date after the range dates both; "passé de
            # 10 à 14 millions" measures one thing ("entre 3 et 5 % des salariés ... par le
            # plan" may not: the second's metric is less sure).
            if before.get("period") is None:
                before["period"] = links["period"]
            if before.get("metric") is None and range_to(w, prev):
                before["metric"] = links["metric"]
        return links


def _running_total(
    w: LinkWords,
    prev: Span | None,
    before: dict[str, Any],
    span: Span,
    total: dict[str, Any] | None,
) -> dict[str, Any] | None:
    """The links of the total a breakdown ("18,2 milliards, dont 5,8 milliards ...") details,
    while it runs: it stops at another sentence or at a verb between two of its items."""
    if prev is None or prev.end > span.start or not same_sentence(prev, span):
        return None
    ix = token_index(span.doc)  # the words between, read off the index: no Token made
    between = range(prev.end, span.start)
    if any(ix.lower[i] in w.list_markers for i in between):
        return total or before
    if total is not None and any(ix.pos[i] in ("VERB", "AUX") for i in between):
        return None
    return total


def _link(w: LinkWords, span: Span, is_percent: bool, ctx: _DocContext) -> dict[str, Any]:
    """Subject, metric and period of one amount from its own sentence."""
    root = amount_root(span)
    metric_token, metric = apposed(w, span)
    if metric is None:
        # The tokens of dates: the parse may file "cette année", "jeudi" as an object.
        metric_token, metric = find_metric(w, span, root, is_percent, ctx.dates.tokens)
    subject, guessed = find_subject(w, span, root, metric_token, ctx.ent_at)
    if subject is not None and is_metric_name(subject, w.lang):
        subject = None  # "l'IPC a progressé": a measure read as a name; the frame may fill it
    asset = traded_asset(w, root, ctx.ent_at) if subject is None or guessed else None
    if asset is not None:
        # "le colza a progressé de 0,8 %": the quote is the commodity's; the commodity, or
        # the unit carrying it ("l'once d'or"), is no metric
        subject, guessed = asset[0], False
        if metric_token is not None and (
            metric_token.i == asset[1] or metric_token.lemma_ in w.asset_units
        ):
            metric_token, metric = None, None
    if metric_token is not None and metric is not None and ctx.ent_at[metric_token.i] >= 0:
        # "le CAC 40 a gagné 1,2 %": the name whole, not its first word (an organisation,
        # "la Bourse de Paris", is also a subject: its metric stays the common noun).
        named = ctx.ent_at.ents[ctx.ent_at[metric_token.i]]
        whole = normalize_name(span.doc[metric_token.i : named.end].text)
        if named.label_ not in ("ORG", "PER") and fold(whole).startswith(fold(metric)):
            metric = whole
    if asset is None and (subject is None or guessed):
        # "Le maïs n'est guère mieux loti : la tonne s'est échangée à 198 euros": the
        # commodity of another clause; the metric stays
        commodity = sentence_asset(w, span, ctx.ent_at)
        if commodity is not None:
            subject, guessed, asset = commodity, False, (commodity, -1)
    # "sentence": the nearest name of the sentence, which the document frame may overrule
    subject_from = None if subject is None else "sentence" if guessed else "written"
    links: dict[str, Any] = {
        "subject": subject, "metric": metric, "period": ctx.dates.period(span, root),
        "subject_from": subject_from,
    }  # fmt: skip
    if asset is not None:
        links["traded"] = True  # for the frame stage, which drops it: a commodity's quote
    return links


@Language.factory(
    "factex_links",
    assigns=["span._.factex_links"],
    requires=["doc.ents", "token.dep", "span._.factex_canonical"],
)
def make_links(nlp: Language, name: str) -> AmountLinker:
    """Link each money and percentage span to its subject, metric and period."""
    return AmountLinker(nlp, name)

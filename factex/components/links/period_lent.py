"""Which figures keep no period lent by their passage or the frame.

A figure at a point (a price, a deal, a valuation), one told as a supposition, and one
measured over a span of its own ("850 millions sur deux ans") are no figures of the period
their passage or the article's frame is about: :func:`keeps_no_lent_period` says so for
:mod:`factex.components.resolve`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import doc_text
from factex.components.morph import morph_column
from factex.components.sentence_bounds import sent_of
from factex.components.syntax import amount_root_at, clause_head_at
from factex.components.token_index import TokenIndex, token_index

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def _point_metrics(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "frame")["point_metrics"])


def keeps_no_lent_period(span: Span, links: dict[str, Any]) -> bool:
    """Whether a money figure at a point (a price, a deal, a valuation: see ``point_metrics``)
    must drop the period its passage or the frame lent it ("L'offre valorise la cible à 1,6
    milliard" after a lede "au premier semestre"); a market report's day stays (the day of the
    quote, see ``quote_metrics``), a deal told that day ("un contrat de 420 millions") takes
    none. A supposed figure (:func:`is_hypothetical`) takes none."""
    if links.get("period_from") not in ("passage", "frame"):
        return False
    lang = span.doc.lang_ or "fr"
    metric = str(links.get("metric") or "").lower().split(" ")
    # asked at most once (a walk of the sentence and the verb's morphology)
    hypothetical = None
    if _DAY.match(str(links.get("period"))):
        hypothetical = is_hypothetical(span)
        if not hypothetical:
            return metric[0] in _point_metrics(lang) and metric[0] not in _quote_metrics(lang)
    if spans_its_own_time(span):
        return True
    if metric[0] in _point_metrics(lang):
        return True
    return is_hypothetical(span) if hypothetical is None else hypothetical


@cache
def _quote_metrics(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "frame")["quote_metrics"])


@cache
def _own_span(lang: str) -> re.Pattern[str]:
    data = resources.load(lang, "frame")["own_span"]
    counts = [w for w, n in resources.load(lang, "number_words")["values"].items() if n >= 2]
    openers = "|".join(re.escape(w) for w in sorted(data["openers"], key=len, reverse=True))
    count = "|".join([r"\d+", *(re.escape(w) for w in counts)])
    units = "|".join(re.escape(w) for w in data["units"])
    return re.compile(rf"^\s*(?:{openers})\s+(?:les\s+)?(?:{count})\s+(?:{units})\b", re.I)


def spans_its_own_time(span: Span) -> bool:
    """Whether a span of several years or months follows the amount ("débloque 850 millions
    sur deux ans"): the figure is spread over its own time, not given for a lent period.

    A span of one ("sur un an", "en un mois") is a comparison, and leaves the period alone.
    """
    # the shared join of the text and the indexed sentence end: doc.text joined every token
    # and span.sent walked them at each call, ~3 ms a figure on long texts
    after = doc_text(span.doc)[span.end_char : sent_of(span).end_char]
    return _own_span(span.doc.lang_ or "fr").match(after) is not None


#: openings of a sentence that sets an example ("Pour un salaire de 3 000 euros, ...")
_EXAMPLE = re.compile(r"^(?:pour|sur|avec)\s+une?\s", re.I)


def is_hypothetical(span: Span) -> bool:
    """Whether the amount is told as a supposition or an example, not a fact of the story's
    period: a verb in the conditional ("représenterait 9 millions"), a sentence that sets an
    example ("Pour un prêt de 200 000 euros, ...") or counts each case ("chaque hausse de 10
    dollars ajoute ...")."""
    doc = span.doc
    sent = sent_of(span)
    if _EXAMPLE.match(doc_text(doc)[sent.start_char : sent.end_char].lstrip(' «"')):
        return True
    ix = token_index(doc)  # the walks below read the parse, no Token made
    if "chaque" in ix.lower[sent.start : span.start]:
        return True
    verb = clause_head_at(ix, amount_root_at(ix, span))
    verbs = (verb, *(c for c in ix.children[verb] if ix.dep[c].startswith("aux")))
    if ix.dep[verb] == "xcomp" and ix.lemma[ix.head[verb]] in _supposing(doc.lang_ or "fr"):
        # "les ventes pourraient atteindre 1,2 milliard": the parse heads the infinitive by the
        # modal ("devrait atteindre" is a forecast, no supposition)
        verbs = (*verbs, ix.head[verb])
    return any(conditional_at(doc, ix, i) for i in verbs)


@cache
def _supposing(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "frame")["supposing_modals"])


#: stems of the verbs whose future and conditional are not built on their infinitive
_IRREGULAR_STEMS = (
    r"^(?:pourr|devr|ser|aur|fer|vaudr|voudr|faudr|viendr|tiendr|verr|saur|enverr|ir)"
)
_IRREGULAR_CONDITIONAL = re.compile(_IRREGULAR_STEMS + r"(?:ais|ait|aient|ions|iez)$")
_IRREGULAR_FUTURE = re.compile(_IRREGULAR_STEMS + r"(?:ai|as|a|ons|ez|ont)$")


def is_conditional(token: Token) -> bool:
    """Whether the verb is in the conditional, which the tagger often reads as an imperfect
    ("coûterait": the infinitive and the imperfect ending; "montrait" is no conditional)."""
    return conditional_at(token.doc, token_index(token.doc), token.i)


def conditional_at(doc: Doc, ix: TokenIndex, i: int) -> bool:
    """:func:`is_conditional` of the token at ``i``, read from the Doc's indexes."""
    return _built_on_infinitive(
        doc, ix, i, ("Mood", "Cnd"), _IRREGULAR_CONDITIONAL, ("ais", "ait", "aient")
    )


def is_future(token: Token) -> bool:
    """Whether the verb is in the future, which the tagger sometimes reads as a past
    ("atteindra": the infinitive's stem and a future ending; "passa" is a simple past)."""
    return future_at(token.doc, token_index(token.doc), token.i)


def future_at(doc: Doc, ix: TokenIndex, i: int) -> bool:
    """:func:`is_future` of the token at ``i``, read from the Doc's indexes."""
    return _built_on_infinitive(
        doc, ix, i, ("Tense", "Fut"), _IRREGULAR_FUTURE, ("a", "ont", "ai", "as")
    )


def _built_on_infinitive(
    doc: Doc,
    ix: TokenIndex,
    i: int,
    feature: tuple[str, str],
    irregular: re.Pattern[str],
    endings: tuple[str, ...],
) -> bool:
    """A tense the tagger marks with ``feature``, or that the word shows: an irregular stem
    with its ending, or the infinitive (less a final "e") with one of ``endings``."""
    name, value = feature
    if value in morph_column(doc, ix)[i].get(name, ()):
        return True
    word, lemma = ix.lower[i], ix.lemma[i].lower()
    if irregular.match(word):
        return True
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return stem.endswith("r") and any(word == stem + end for end in endings)

"""What a date does beside a figure, besides dating it: the day news was told ("a annoncé
jeudi"), a target's year ("vise 1 milliard en 2026"), the name of a thing ("l'échéance de
décembre"), or the goal of a target figure. :mod:`.period` and the frame ask these before
they let a date give a figure its period.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import MONEY, PERCENT, doc_value, span_value
from factex.components.sentence_bounds import sent_of
from factex.components.syntax import span_root_at
from factex.components.token_index import TokenIndex, token_index

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


#: a date's ``factex_date`` (``span._.factex_date or {}``): callers that have it pass it on
DateData = dict[str, Any]


def root_at(span: Span) -> int:
    """The index of :func:`span_root` of ``span``, read off the token index (the Token it
    makes was only asked its ``i``)."""
    return span_root_at(token_index(span.doc), span)


def _date_data(span: Span, date: DateData | None) -> DateData:
    return (span_value(span, "factex_date") or {}) if date is None else date


def is_day(date: DateData) -> bool:
    return date.get("grain") in ("day", "hour", "minute", "second")


def is_one_day(date: DateData) -> bool:
    """A day that may be the publication's, not a stretch from a day ("depuis le 1er janvier"
    runs to now: a period like any other)."""
    return is_day(date) and ".." not in str(date.get("value") or "")


@cache
def _telling_verbs(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "triggers")["report_verbs"])


@cache
def figure_nouns(lang: str) -> frozenset[str]:
    """Nouns a date may qualify as the period of a figure: metrics ("le bénéfice de 2023"),
    changes, periods and times, and what the date carries ("au cours de 2024")."""
    metrics = resources.load(lang, "metrics")
    triggers = resources.load(lang, "triggers")
    phrases = [*metrics["nouns"], *metrics["change_nouns"], *metrics["share_nouns"]]
    words = [*metrics["period_wrappers"], *triggers["period_nouns"], *triggers["time_nouns"]]
    return frozenset(w.lower() for p in phrases for w in re.split(r"[\s'’]+", p)) | frozenset(words)


def amount_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the Doc's money and percentage spans."""
    keys = (MONEY, PERCENT)
    return frozenset(i for k in keys for s in doc.spans.get(k, ()) for i in range(s.start, s.end))


_GENITIVES = frozenset({"de", "d'", "d’", "du", "des"})


def _introduced(ix: TokenIndex, span: Span, dep: str, genitive: bool) -> bool:
    """Whether a preposition opens the date ("de l'été", "pour livraison en avril"), only a
    genitive when asked, or a comma sets it in apposition ("les hostilités, le 12 avril")."""
    start = span.start
    if dep == "appos":
        return start > 0 and ix.text[start - 1] == ","
    words = (start, start - 1) if start > 0 else (start,)
    if genitive:
        return any(ix.lower[i] in _GENITIVES for i in words)
    return any(ix.pos[i] == "ADP" for i in words)


def names_a_thing(
    span: Span, amounts: frozenset[int], genitive: bool = False, date: DateData | None = None
) -> bool:
    """Whether the date only says which thing a noun names ("l'échéance de décembre", "les
    pluies du printemps", "la moyenne des trois derniers mois"): the noun is no figure's
    metric, change or period, nor a word of an amount ("1 % en 2025"). ``genitive`` asks
    for a "de" complement: after a figure "au second semestre" rather dates the clause
    ("investir 3 milliards dans la fibre au second semestre"). ``date``: the span's
    ``factex_date`` when the caller has read it."""
    ix = token_index(span.doc)  # the parse as tuples: no Token made
    root = root_at(span)
    head = ix.head[root]
    if ix.dep[root] not in ("nmod", "appos") or ix.pos[head] not in ("NOUN", "PROPN"):
        return False
    if ".." in str(_date_data(span, date).get("value")):
        return False  # "investir 1 milliard dans la 5G d'ici à 2027": a deadline of the act
    # a bare "l'an dernier" is an adverb the parse hung on the nearest noun ("en Europe l'an
    # dernier")
    if not _introduced(ix, span, ix.dep[root], genitive):
        return False
    if head in amounts or head == root:
        return False
    nouns = figure_nouns(span.doc.lang_ or "fr")
    return ix.lemma[head].lower() not in nouns and ix.lower[head] not in nouns


@cache
def _target_nouns(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "frame")["target_nouns"])


def is_target_figure(root: Token) -> bool:
    """Whether the amount is the figure of a target ("l'objectif de 12 %", "la cible de 1 % à
    3 %"): a goal set for a time of its own, no figure of its passage's period."""
    ix = token_index(root.doc)  # read off the index: no Token made
    i = root.i
    head = ix.head[i]
    return (
        ix.dep[i] == "nmod"
        and head != i
        and ix.lemma[head].lower() in _target_nouns(root.doc.lang_ or "fr")
    )


@cache
def _target_verbs(lang: str) -> frozenset[str]:
    return frozenset(resources.load(lang, "frame")["target_verbs"])


def is_target_year(span: Span, date: DateData | None = None) -> bool:
    """Whether the date is a year after the publication's that a target verb before it in
    its sentence looks to ("vise 1 milliard de revenus en 2026"), or a day after the
    publication (when a change will apply): it dates that figure only. ``date``: the span's
    ``factex_date`` when the caller has read it.
    """
    value = str(_date_data(span, date).get("value") or "")
    published = str(doc_value(span.doc, "factex_published") or "")
    if _DAY.match(value) and published[:10] and value > published[:10]:
        return True  # "sera revalorisé le 1er janvier": when a change applies, no report's day
    if not (value[:4].isdigit() and published[:4].isdigit() and value[:4] > published[:4]):
        return False
    verbs = _target_verbs(span.doc.lang_ or "fr")
    lemmas = token_index(span.doc).lemma[sent_of(span).start : span.start]
    return any(lemma in verbs for lemma in lemmas)


def is_told_day(span: Span, date: DateData | None = None) -> bool:
    """Whether the date is a day (or a time of day) that dates a verb of telling ("a
    annoncé jeudi", "a publié lundi"): when the news was told, not what it tells of.
    ``date``: the span's ``factex_date`` when the caller has read it."""
    if not is_day(_date_data(span, date)):
        return False
    ix = token_index(span.doc)
    head = ix.head[root_at(span)]
    return ix.pos[head] in ("VERB", "AUX") and ix.lemma[head] in _telling_verbs(
        span.doc.lang_ or "fr"
    )

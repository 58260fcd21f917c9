"""The unit a price is given for when the sentence names it as what moves, not after the
amount: "la tonne de blé est tombée à 205 euros" (per tonne), "l'once d'or a gagné 0,9 %, à
2 926 dollars" (per once), "l'euro a reculé à 1,03 dollar" (per euro). The text-only rate
of :mod:`factex.normalize.money.rates` ("205 euros la tonne") is kept when there is one.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache

from spacy.tokens import Doc, Span

from factex import resources
from factex.components.extensions import MONEY, set_span_value, span_value
from factex.components.syntax import amount_root_at, clause_head_at, subjects_in
from factex.components.token_index import token_index
from factex.normalize.money import currency_code

#: a unit price is no scaled amount ("205 euros", not "2 milliards d'euros")
_UNIT_PRICE_MAX = Decimal(1_000_000)


@cache
def _units(lang: str) -> frozenset[str]:
    # units of measure of a traded good ("la tonne", "l'once"); a thing sold whole ("le
    # ticket coûte 2 euros", "l'action gagnait 6 %, à 48 euros") is priced, not a rate
    return frozenset(w.lower() for w in resources.load(lang, "metrics")["asset_units"])


def priced_units(doc: Doc) -> None:
    """Set ``per`` on each money span without one whose clause's subject is a unit or
    another currency than the amount's."""
    lang = doc.lang_ or "fr"
    for span in doc.spans.get(MONEY, ()):
        money = span_value(span, "factex_money")
        if not money or money.get("per") or not _unit_price(money.get("amount")):
            continue
        unit = _subject_unit(span, money.get("currency"), lang)
        if unit is not None:
            set_span_value(span, "factex_money", dict(money, per=unit))


def _unit_price(amount: str | None) -> bool:
    try:
        return amount is not None and Decimal(amount) < _UNIT_PRICE_MAX
    except InvalidOperation:
        return False


def _subject_unit(span: Span, currency: str | None, lang: str) -> str | None:
    """The unit named by the subject of the amount's clause ("la tonne", "l'euro")."""
    doc = span.doc
    ix = token_index(doc)  # the subjects read off the index: no Token made per word
    for subj in subjects_in(doc, ix, clause_head_at(ix, amount_root_at(ix, span))):
        if subj >= span.start:
            continue  # the subject is told before its price
        word = ix.lower[subj]
        if word in _units(lang) or ix.lemma[subj].lower() in _units(lang):
            return word
        if _other_currency(ix.pos[subj], word, currency, lang):
            return word
    return None


def _other_currency(pos: str, word: str, currency: str | None, lang: str) -> bool:
    """ "l'euro" quoted in dollars: a currency priced in another one (``word``: the
    lowercase form of a token tagged ``pos``)."""
    if pos not in ("NOUN", "PROPN") or currency is None:
        return False
    try:
        code = currency_code(word, lang)
    except KeyError:
        return False
    return code is not None and code != currency

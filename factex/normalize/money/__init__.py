"""Amounts of money in French text: exact values, ISO 4217 currencies, ranges and bounds.

:func:`find_money` scans a text with compiled regexes built from ``currencies.json``,
``scales.json``, ``number_words.json`` and ``money.json`` of the language and returns
:class:`MoneyMatch` objects with character offsets; no spaCy (the ``factex_money`` component
passes the sentence boundaries). The steps, one module each: :mod:`.grammar` (the patterns),
:mod:`.amounts` (atoms, ranges, bounds), :mod:`.currencies` (codes, scales, regional
currencies), :mod:`.context` (a currency carried within a sentence, colloquial words).

>>> found = find_money("Il atteint 18,2 milliards d’euros, dont 5,8 milliards pour l'État.")
>>> [(m.as_dict()["amount"], m.currency, m.currency_inferred) for m in found]
[('18200000000', 'EUR', False), ('5800000000', 'EUR', True)]
>>> [(m.amount, m.currency) for m in find_money("Le menu coûte 15 balles.")]
[(Decimal('15'), None)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from factex.normalize.hidden import hidden_spans, inside
from factex.normalize.money.amounts import combine, read_atom, year_atom
from factex.normalize.money.context import carry_currency, drop_colloquial
from factex.normalize.money.currencies import regionalize
from factex.normalize.money.grammar import grammar
from factex.normalize.money.local import localize
from factex.normalize.money.rates import rates
from factex.normalize.money.values import Atom, Item, MoneyMatch

__all__ = [
    "Bounds",
    "MoneyMatch",
    "apply_scale",
    "currency_code",
    "currency_signs",
    "find_money",
    "prepare",
    "scale_factor",
]

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÝÉ«\"])|\n\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries, for callers that have none (no parser)."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def prepare(lang: str = "fr") -> None:
    """Compile the patterns of ``lang`` now (a missing resource file fails here, not later)."""
    grammar(lang)


def currency_signs(lang: str = "fr") -> str:
    """The non-letter characters that end a currency mark ("€", "$", "£"...).

    >>> "€" in currency_signs() and "$" in currency_signs()
    True
    """
    return "".join(sorted({m[-1] for m in grammar(lang).marks if not m[-1].isalnum()}))


#: (start, end) character offsets of the sentences of a text.
Bounds = Sequence[tuple[int, int]]


def find_money(
    text: str,
    sentences: Bounds | Callable[[], Bounds | None] | None = None,
    lang: str = "fr",
    published: str | date | None = None,
) -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, without overlaps.

    ``sentences`` are (start, end) character offsets of the sentences, used to carry a
    currency over; without them a rough split on end punctuation is used. They may be given as
    a function, called only when the text holds an amount: most texts hold none, and walking a
    parsed Doc's sentences costs more than the search.

    >>> [(m.amount, m.currency) for m in find_money("Il a coûté 39,9 milliards de dollars.")]
    [(Decimal('39900000000.0'), 'USD')]
    >>> m = find_money("un budget de 10 à 12 M€")[0]
    >>> m.amount, m.amount_min, m.amount_max, m.currency
    (None, Decimal('10000000'), Decimal('12000000'), 'EUR')
    >>> find_money("plus de 2 millions d'euros")[0].as_dict()["amount_min"]
    '2000000'
    >>> find_money("moins de 10 €")[0].as_dict()["amount_max"]
    '10'
    >>> find_money("1 USD et 23 centimes")[0].as_dict()["amount"]
    '1.23'
    >>> find_money("le 3 juillet 2018, 2017-2018, 58 %, 01 45 67 89 10")
    []
    >>> [(m.amount, m.per) for m in find_money("Le SMIC passe à 11,88 € de l'heure.")]
    [(Decimal('11.88'), 'heure')]
    >>> m = find_money("Le Gabon a levé 200 milliards de FCFA.")[0]
    >>> m.currency, m.currency_inferred
    ('XAF', True)
    """
    g = grammar(lang)
    atoms: list[Atom] = []
    pos = 0
    search = g.atoms.search
    hidden = hidden_spans(text)  # URLs, e-mail addresses, file names
    while m := search(text, pos):
        a = read_atom(g, text, m)
        # an atom ends before its match when a figure was cut short at its scale
        pos = m.end() if a is None else a.end
        if a is not None and not year_atom(g, text, a) and not inside(hidden, a.start, a.end):
            atoms.append(a)
    if not atoms:
        return []
    if callable(sentences):
        sentences = sentences()
    if sentences is None:
        sentences = _sentences(text)
    atoms = regionalize(g, text, atoms, sentences)
    atoms = localize(g.generic, lang, text, atoms, sentences, published)
    items = combine(g, text, atoms)
    items = drop_colloquial(g, text, items, sentences)
    items = carry_currency(g, text, items, sentences)
    return _with_rates(text, items, lang)


def _with_rates(text: str, items: list[Item], lang: str) -> list[MoneyMatch]:
    """The matches of the items, in order and without overlaps, each with the unit of its
    rate ("31 euros par tonne"); an amount inside another's rate ("2 840 francs pour un
    dollar") is that rate's unit, not an amount."""
    found: list[MoneyMatch] = []
    rate = rates(lang)
    taken = 0
    for it in sorted(items, key=lambda it: (it.start, -it.end)):
        if it.start < taken:
            continue
        m = it.match()
        per = rate.find(text, m.end)
        if per is not None:
            m = replace(m, per=per[0])
        elif found and _compared(found[-1], m) and rate.compared(text, m.start, found[-1].end):
            m = replace(m, per=found[-1].per)  # "17 euros par mois, contre 16 euros"
        taken = max(m.end, per[1] if per else 0)
        found.append(m)
    return found


def _compared(before: MoneyMatch, m: MoneyMatch) -> bool:
    """Whether ``m`` may be a rate compared with ``before``, a rate of the same order of size
    ("1,45 euro par action, contre 0,90 euro"; not "contre 450 millions d'euros")."""
    a, b = before.amount, m.amount
    if before.per is None or a is None or b is None or a <= 0 or b <= 0:
        return False
    return a / 10 < b < a * 10


def currency_code(word: str, lang: str = "fr") -> str | None:
    """The ISO 4217 code for a currency word, symbol or code; KeyError if it is not one.

    >>> currency_code("dollars canadiens"), currency_code("£"), currency_code("FCFA")
    ('CAD', 'GBP', 'XOF')
    >>> currency_code("Livres Sterling"), currency_code("yuans"), currency_code("francs") is None
    ('GBP', 'CNY', True)
    """
    return grammar(lang).currency(word)[0]


def scale_factor(word: str, lang: str = "fr") -> Decimal:
    """The exact factor of a scale word or abbreviation; KeyError if it is not one.

    >>> scale_factor("milliards"), scale_factor("Md"), scale_factor("billion")
    (Decimal('1000000000'), Decimal('1000000000'), Decimal('1000000000000'))
    """
    return grammar(lang).scale(word)


def apply_scale(number: Decimal, scale: str | None, lang: str = "fr") -> Decimal:
    """``number`` times the factor of ``scale`` (none: unchanged), exactly.

    >>> from factex.normalize.numbers import plain
    >>> plain(apply_scale(Decimal("39.9"), "milliards"))
    '39900000000'
    """
    return number if scale is None else number * scale_factor(scale, lang)

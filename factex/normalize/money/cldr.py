"""Currency names, plurals, symbols and codes of a language, from Unicode CLDR through Babel.

CLDR (maintained by the Unicode consortium, shipped by Babel) holds the display names of all
ISO 4217 currencies, the old ones too ("mark allemand", "franc belge", "florin néerlandais"),
their plural forms and their local symbols ("$CA", "FB", "£GB"), and which currency each
territory used between which dates. A hand list would lag behind it; ``currencies.json``
keeps only what CLDR lacks (news notations such as "$ c", "fr.", the usual referent of a bare
"marks"), and its entries win over these tables.

>>> t = tables("fr")
>>> t.names["marks allemands"], t.names["franc belge"], t.symbols["$CA"]
('DEM', 'BEF', 'CAD')
>>> sorted(t.heads["francs"] & {"CHF", "FRF", "BEF", "XOF"})
['BEF', 'CHF', 'FRF', 'XOF']
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.numbers import get_territory_currencies

from factex.normalize.money.patterns import key


@dataclass(frozen=True)
class CldrTables:
    """Names, head nouns, symbols and codes of the currencies of one language."""

    #: a full name, singular or plural ("francs belges") -> its code, when only one has it
    names: dict[str, str]
    #: a head noun, singular or plural ("francs") -> every code whose name starts with it
    heads: dict[str, frozenset[str]]
    #: a local symbol with a non-letter or two letters or more ("$CA", "FB") -> its code
    symbols: dict[str, str]
    #: the ISO 4217 codes of plain currencies (not "franc belge (financier)", BEL)
    codes: frozenset[str]


def _plain(name: str) -> str:
    """A display name without its parenthesis ("franc CFA (BCEAO)" -> "franc CFA")."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


@cache
def tables(lang: str) -> CldrTables:
    """The CLDR tables of ``lang``, read once."""
    loc = Locale.parse(lang)
    plurals = loc._data["currency_names_plural"]
    by_name: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, set[str]] = defaultdict(set)  # names written without a parenthesis
    heads: dict[str, set[str]] = defaultdict(set)
    for code, name in loc.currencies.items():
        forms = [name, *dict(plurals.get(code, {})).values()]
        for form in {f for f in forms if f and _plain(f)}:
            plain = key(_plain(form))
            by_name[plain].add(code)
            if plain == key(form):
                exact[plain].add(code)
            heads[plain.split()[0]].add(code)
    # "franc belge" is BEF, not the "franc belge (convertible)" of the 1970s
    by_name.update((n, c) for n, c in exact.items() if len(c) == 1)
    symbols: dict[str, set[str]] = defaultdict(set)
    for code, sym in loc.currency_symbols.items():
        sym = re.sub(r"\s+", " ", sym)
        if len(sym) >= 2 and not sym.endswith("."):
            symbols[sym].add(code)
    return CldrTables(
        {n: next(iter(c)) for n, c in by_name.items() if len(c) == 1},
        {h: frozenset(c) for h, c in heads.items()},
        {s: next(iter(c)) for s, c in symbols.items() if len(c) == 1},
        frozenset(c for c, n in loc.currencies.items() if "(" not in n),
    )


def territory_names(lang: str) -> dict[str, str]:
    """The names of the territories as written ("Côte d’Ivoire" and "Côte d'Ivoire") -> code.

    >>> names = territory_names("fr")
    >>> names["Suisse"], names["Côte d'Ivoire"], names["Royaume-Uni"]
    ('CH', 'CI', 'GB')
    """
    out: dict[str, str] = {}
    for code, name in Locale.parse(lang).territories.items():
        if code.isalpha() and len(code) == 2:
            out[name] = code
            out[name.replace("’", "'")] = code
    return out


@cache
def in_use(territory: str, day: dt.date | None) -> frozenset[str]:
    """The currencies legal tender in ``territory`` on ``day`` (today when None).

    >>> sorted(in_use("FR", dt.date(1997, 5, 1))), sorted(in_use("FR", dt.date(2024, 1, 1)))
    (['FRF'], ['EUR'])
    """
    try:
        return frozenset(get_territory_currencies(territory, day or dt.date.today()))
    except Exception:  # an unknown territory: no currency
        return frozenset()

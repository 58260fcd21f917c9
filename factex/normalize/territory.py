"""The home territory of a language's texts: whose figures a story that names no place gives.

A French budget article that names no country ("le gouvernement vise un déficit de 4,7 %",
"selon Bercy") is about France, as its bare "francs" would be French francs
(:mod:`factex.normalize.money.local` reads currencies the same way). The home is kept only when
the currency the article writes is legal tender there: a story in dollars or CFA francs that
names no place is about no known place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from factex.normalize.money.cldr import in_use, territory_names
from factex.resources import load


@cache
def home_name(lang: str) -> str | None:
    """The written name of the language's home territory ("France" for French), if any.

    >>> home_name("fr")
    'France'
    """
    code = load(lang, "currencies").get("local", {}).get("home")
    names = [name for name, c in territory_names(lang).items() if c == code]
    return min(names, key=len) if names else None


def home_place(lang: str, currency: str | None, published: str | None) -> str | None:
    """The home territory's name, unless the article's first written currency is not used
    there on its publication day.

    >>> home_place("fr", "EUR", "2024-05-02"), home_place("fr", None, None)
    ('France', 'France')
    >>> home_place("fr", "USD", "2024-05-02") is None, home_place("fr", "EUR", "1990-01-02")
    (True, None)
    """
    code = load(lang, "currencies").get("local", {}).get("home")
    if not code:
        return None
    day = _day(published)
    if currency is not None and currency not in in_use(code, day):
        return None
    return home_name(lang)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


#: "Banque du Japon", "Banque nationale de Belgique": a bank named after a country
_BANK_OF = re.compile(
    r"^banque\b.*?\s(?:de la|de l['’]|du|des|de|d['’])\s*(?P<place>[^ ].*)$", re.I
)


def is_central_bank(name: str, markers: Iterable[str], lang: str) -> bool:
    """Whether ``name`` reads as a central bank's: it holds one of ``markers`` ("banque
    centrale"), or it is a bank named after a country.

    >>> marks = ["banque centrale", "réserve fédérale"]
    >>> [is_central_bank(n, marks, "fr") for n in
    ...  ("Banque centrale européenne", "Banque du Canada", "Banque Marivaux", "Banque de Savoie")]
    [True, True, False, False]
    """
    low = name.casefold().replace("’", "'")
    if any(m in low for m in markers):
        return True
    m = _BANK_OF.match(name)
    return m is not None and m.group("place") in territory_names(lang)

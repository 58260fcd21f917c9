"""The unit of a rate or unit price right after an amount ("31 euros par tonne": "tonne").

After "par", "pour un" or "chaque" any bare noun is the unit ("par action", "par habitant",
"pour un dollar"), not after a determiner ("financé par la région": an agent); after an
article, a slash or "de l'" only the units of ``money.json`` count ("80 dollars le baril",
"1 200 €/mois", "15 € de l'heure"), as "500 euros le 3 mai" is a date, and not before a word
that makes it a time ("0,90 euro l'an dernier"). An amount compared with the one before it
("17 euros par mois, contre 16 euros") is given per the same unit (:meth:`Rates.compared`).

>>> rate = rates("fr")
>>> [rate.per(t, 0) for t in (" par tonne", "/mois", " de l'heure", " le baril", " par la région")]
['tonne', 'mois', 'heure', 'baril', None]
>>> rate.per(" l'an dernier", 0), rate.per(" la semaine prochaine", 0), rate.per(" l'an", 0)
(None, None, 'an')
"""

from __future__ import annotations

import re
from functools import cache

from factex.normalize.money.patterns import alternation, key
from factex.normalize.money.values import H
from factex.resources import load

_SENTENCE_END = re.compile(r"[.!?;]\s")  # compiled once: checked per compared pair


class Rates:
    """The compiled rate patterns of one language."""

    def __init__(self, lang: str) -> None:
        data = load(lang, "money")["rates"]
        per = alternation(data["per_words"])
        units = alternation(data["article_units"])
        joins = alternation(data["article_joins"])
        self.not_units = frozenset(key(w) for w in data["not_units"])
        times = alternation(data["time_adjectives"])
        compared = alternation(data["compared_by"])
        self.compared_by = re.compile(rf"(?:^|\W)(?i:{compared}){H}+$")
        self.pattern = re.compile(
            rf"{H}+(?i:{per}){H}+(?P<noun>[^\W\d_][\w-]*(?:{H}+[^\W\d_]{{4,}}(?:ain|ien|ais|ois|al))?)"
            rf"|(?:{H}*/|{H}+(?i:{joins}))(?<=[/'’]|\w){H}*(?P<unit>(?i:{units}))(?![\w])(?!{H}+(?i:{times})(?!\w))"
        )

    def per(self, text: str, end: int) -> str | None:
        """The unit of a rate written right after ``end``, or None."""
        found = self.find(text, end)
        return None if found is None else found[0]

    def compared(self, text: str, start: int, before: int) -> bool:
        """Whether the amount at ``start`` is compared with an amount ending at ``before`` in
        the same sentence ("17 euros par mois, contre 16 euros").

        >>> t = "17 euros par mois, contre 16 euros. Puis contre 3 euros"
        >>> rates("fr").compared(t, 26, 17), rates("fr").compared(t, 47, 34)
        (True, False)
        """
        between = text[before:start]
        if _SENTENCE_END.search(between):
            return False
        return self.compared_by.search(between[-30:]) is not None

    def find(self, text: str, end: int) -> tuple[str, int] | None:
        """(unit, end of its phrase) of a rate written right after ``end``, or None."""
        m = self.pattern.match(text, end)
        if m is None:
            return None
        if m.group("unit"):
            return m.group("unit").lower(), m.end()
        noun = m.group("noun")
        if key(noun.split()[0]) in self.not_units:
            return None
        return noun.lower(), m.end()


@cache
def rates(lang: str) -> Rates:
    """The rate patterns of ``lang``, compiled once."""
    return Rates(lang)

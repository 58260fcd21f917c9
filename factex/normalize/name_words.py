"""Tests on the words of an entity's name alone: pure string rules, no spaCy.

What a name's own words tell about it: page furniture and codes are no names, a function
("ministre de l'Économie") is a title, a world region is a place, a company word ("... Solutions",
"Banque ...") makes an organisation, an event word ("Festival ...") a MISC. The context of the
name in the sentence is read by ``factex.components.entities``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from factex import resources
from factex.normalize.names import name_key

_NON_WORD = re.compile(r"\W+")


class NameWords:
    """The word lists a name's text is tested against (read-only once built).

    >>> words = NameWords.load("fr")
    >>> words.label_from_words("Festival de Cannes"), words.label_from_words("Blue Solutions")
    ('MISC', 'ORG')
    >>> words.is_noise_text("Lecture", "MISC"), words.is_noise_text("ministre de l'Économie", "PER")
    (True, True)
    """

    def __init__(self, stoplist: dict[str, Any], gazetteer: dict[str, Any]) -> None:
        self.furniture = frozenset(name_key(w) for w in stoplist["furniture"])
        self.codes = tuple(re.compile(pattern) for pattern in stoplist["patterns"])
        self.functions = tuple(sorted((name_key(w) for w in stoplist["functions"]), key=len))
        # One set lookup and one C-level startswith instead of a Python loop per entity.
        self.function_set = frozenset(self.functions)
        self.function_prefixes = tuple(f + " " for f in self.functions)
        self.time_words = frozenset(stoplist["time_words"])
        self.regions = frozenset(name_key(w) for w in gazetteer["regions"])
        self.region_heads = frozenset(name_key(w) for w in gazetteer["region_heads"])
        self.region_qualifiers = tuple(name_key(w) for w in gazetteer["region_qualifiers"])
        self.org_last = frozenset(gazetteer["org_words_last"])
        self.org_first = frozenset(gazetteer["org_words_first"])
        self.org_prefixes = frozenset(gazetteer["org_prefixes"])
        self.misc_first = frozenset(gazetteer["misc_first_words"])

    @classmethod
    def load(cls, lang: str) -> NameWords:
        return cls(
            resources.load(lang, "entity_stoplist"), resources.load(lang, "entity_gazetteer")
        )

    def is_region(self, key: str) -> bool:
        """A world region, or a head and a qualifier ("Afrique de l'Ouest"); ``key`` is a
        :func:`name_key`."""
        if key in self.regions:
            return True
        head, _, rest = key.partition(" ")
        return head in self.region_heads and rest in self.region_qualifiers

    def label_from_words(self, text: str) -> str | None:
        """The label a name's own words give, else None."""
        if self.is_region(name_key(text)):
            return "LOC"
        words = text.split()
        if len(words) > 1 and (
            words[0] in self.misc_first or " ".join(words[:2]) in self.misc_first
        ):
            return "MISC"  # "Salon de l'agriculture", "Festival de Cannes"
        if len(words) > 1 and (words[-1] in self.org_last or words[0] in self.org_first):
            return "ORG"
        if "-" in words[0] and words[0].split("-", 1)[0] in self.org_prefixes:
            return "ORG"  # "Radio-Canada", "Hydro-Québec" read as one word
        return None

    def is_noise_text(self, text: str, label: str) -> bool:
        """No name whatever its context: no capital, page furniture, a code, or (but for a
        place) a function ("ministre de l'Économie")."""
        if not any(ch.isupper() for ch in text):
            return True
        if sum(ch.isalnum() for ch in text) < 2:
            return True
        key = name_key(text)
        if key in self.furniture or any(code.match(text) for code in self.codes):
            return True
        return label != "LOC" and (
            key in self.function_set or key.startswith(self.function_prefixes)
        )


def phrase_before(phrases: list[str], genitives: list[str]) -> re.Pattern[str]:
    """A pattern for a sentence's text up to a name that ends with "<phrase> [word] de".

    >>> bool(phrase_before(["les actionnaires"], ["de", "d'"]).search("selon les actionnaires de"))
    True
    """
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    marks = "|".join(re.escape(g) for g in sorted(genitives, key=len, reverse=True))
    return re.compile(rf"(?:^|\W)(?:{words})(?:\s+\w+)?\s+(?:{marks})\s*$", re.IGNORECASE)


@lru_cache(maxsize=8)
def last_words(phrases: frozenset[str]) -> frozenset[str]:
    """The last word of each phrase of several words.

    >>> sorted(last_words(frozenset({"start-up", "maison d'édition", "groupe"})))
    ['up', 'édition']
    """
    return frozenset(
        [w for w in _NON_WORD.split(p) if w][-1] for p in phrases if _NON_WORD.search(p.strip())
    )

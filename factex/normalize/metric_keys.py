"""Canonical metrics: one short English key for the many ways French news names a measure.

"chiffre d'affaires", "chiffre d'affaire", "CA", "ventes" and "revenus" are all ``revenue``.
The taxonomy is data (``resources/<lang>/metric_keys.json``): each key has a French label and
the phrases that name it. A metric maps to the key of the longest phrase found in it, word for
word, with accents, case and apostrophes folded. A word of a phrase written in the singular also
matches its plural ("dividende" fits "dividendes"), one written in the plural only itself: the
plural of "économies" (savings) or "ventes" (revenue) is part of the meaning, and "économie" or
"vente" (a sale) is another measure. At equal length a phrase that matches as written beats one
matched through a plural. Nothing fits: ``None``, never a guess. Pure: no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from factex.resources import load

_WORD = re.compile(r"[a-z0-9]+")


def fold_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lowercased, without accents; apostrophes and hyphens split words.

    >>> fold_words("Chiffre d’Affaires")
    ('chiffre', 'd', 'affaires')
    >>> fold_words("Résultat d'exploitation")
    ('resultat', 'd', 'exploitation')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(_WORD.findall(bare))


def fits(written: str, word: str) -> bool:
    """Whether a text word fits a phrase word: the same, or its plural in ``s`` (3+ letters).

    >>> fits("dividende", "dividendes"), fits("ventes", "vente"), fits("ca", "cas")
    (True, False, False)
    """
    return word == written or (len(written) > 2 and word == written + "s")


@dataclass(frozen=True)
class _Phrase:
    key: str
    words: tuple[str, ...]  # folded

    @property
    def size(self) -> int:
        return sum(len(w) for w in self.words) + len(self.words) - 1

    def rank_at(self, words: tuple[str, ...], i: int) -> tuple[int, bool] | None:
        """(size, as written) when the phrase fits ``words`` from ``i``, else None."""
        part = words[i : i + len(self.words)]
        if len(part) < len(self.words) or not all(map(fits, self.words, part)):
            return None
        return (self.size, part == self.words)


@dataclass(frozen=True)
class _Taxonomy:
    labels: dict[str, str]
    by_first: dict[str, tuple[_Phrase, ...]]


@cache
def _taxonomy(lang: str) -> _Taxonomy:
    data = load(lang, "metric_keys")
    labels: dict[str, str] = {}
    by_first: dict[str, list[_Phrase]] = {}
    for key, entry in data.items():
        labels[key] = entry["label"]
        for phrase in entry["phrases"]:
            item = _Phrase(key, fold_words(phrase))
            by_first.setdefault(item.words[0], []).append(item)
    return _Taxonomy(labels, {first: tuple(items) for first, items in by_first.items()})


# cached: every record asks for its metric's key (records, restatements, the fact table), and a
# text names the same few metrics again and again
@lru_cache(maxsize=4096)
def metric_key(metric: str | None, lang: str = "fr") -> str | None:
    """The canonical key of a metric as written, or None when no phrase of the taxonomy fits.

    >>> metric_key("chiffre d'affaires"), metric_key("Chiffre d’affaire"), metric_key("CA")
    ('revenue', 'revenue', 'revenue')
    >>> metric_key("ventes"), metric_key("vente"), metric_key("dividendes")
    ('revenue', 'acquisition_price', 'dividend')
    >>> metric_key("économies"), metric_key("économie") is None
    ('savings_plan', True)
    >>> metric_key("croissance du chiffre d'affaires")   # the longest phrase wins
    'revenue'
    >>> metric_key("résultat net part du groupe"), metric_key("Resultats nets")
    ('net_income', 'net_income')
    >>> metric_key("prix à la consommation"), metric_key("prix du ticket de bus")
    ('inflation', 'price')
    >>> metric_key("taux de chômage des 15-24 ans"), metric_key("EBITDA ajusté")
    ('unemployment', 'ebitda')
    >>> metric_key("croissance du PIB"), metric_key("PIB")
    ('gdp_growth', 'gdp')
    >>> metric_key("nombre de passagers") is None, metric_key(None) is None, metric_key("") is None
    (True, True, True)
    """
    if not metric:
        return None
    taxonomy = _taxonomy(lang)
    words = fold_words(metric)
    best: tuple[int, bool] | None = None
    found: str | None = None
    for i, word in enumerate(words):
        firsts = {word, word[:-1]} if word.endswith("s") else {word}
        for phrase in (p for first in firsts for p in taxonomy.by_first.get(first, ())):
            rank = phrase.rank_at(words, i)
            if rank is not None and (best is None or rank > best):
                best, found = rank, phrase.key
    return found


# cached: the links and the frame ask it of every subject name, the same few names per text
@lru_cache(maxsize=4096)
def is_metric_name(name: str, lang: str = "fr") -> bool:
    """Whether a name is, word for word, one phrase of the taxonomy: an acronym of a measure the
    model reads as a name ("l'IPC", "l'Ebit") names no company or person.

    >>> is_metric_name("IPC"), is_metric_name("Ebitda"), is_metric_name("PIB")
    (True, True, True)
    >>> is_metric_name("Vente-privee"), is_metric_name("Renault"), is_metric_name("")
    (False, False, False)
    """
    words = fold_words(name)
    if not words:
        return False
    return any(p.words == words for p in _taxonomy(lang).by_first.get(words[0], ()))


def metric_label(key: str | None, lang: str = "fr") -> str | None:
    """The label of a canonical key in the language, or None for an unknown key.

    >>> metric_label("revenue"), metric_label("net_income"), metric_label("nothing")
    ("chiffre d'affaires", 'résultat net', None)
    """
    if key is None:
        return None
    return _taxonomy(lang).labels.get(key)


def metric_keys(lang: str = "fr") -> tuple[str, ...]:
    """Every canonical key of the language's taxonomy, in file order.

    >>> keys = metric_keys()
    >>> keys[0], "inflation" in keys, "turnout" in keys
    ('revenue', True, True)
    """
    return tuple(_taxonomy(lang).labels)

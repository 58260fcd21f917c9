"""The words factex_entities reads from ``entity_stoplist.json`` and ``entity_gazetteer.json``.

Loaded once per pipeline and never changed after: word sets for the rules, and the hashes of a
few of them in the pipeline's vocabulary so that candidate tokens are found in one array op.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import numpy as np
from spacy.language import Language

from factex import resources
from factex.normalize.name_words import NameWords, phrase_before
from factex.normalize.names import name_key


def _hashes(nlp: Language, words: set[str] | frozenset[str] | list[str]) -> np.ndarray[Any, Any]:
    """The words' hashes in the vocabulary, sorted, for :func:`among` over a doc's tokens."""
    return np.array(sorted(nlp.vocab.strings.add(w) for w in words), dtype="uint64")


def among(values: np.ndarray[Any, Any], ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Whether each of ``values`` is one of the sorted ``ids``: ``np.isin`` without its sort
    of both arrays, which cost more than the entity rules themselves on a short doc.

    >>> among(np.array([5, 2, 9, 7], dtype="uint64"), np.array([2, 7], dtype="uint64")).tolist()
    [False, True, False, True]
    """
    if not len(ids):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return np.asarray(ids[at] == values)


class EntityLexicon(NameWords):
    """Word lists of one language for the entity rules (read-only once built)."""

    def __init__(self, nlp: Language, lang: str) -> None:
        stoplist: dict[str, Any] = resources.load(lang, "entity_stoplist")
        gazetteer: dict[str, Any] = resources.load(lang, "entity_gazetteer")
        super().__init__(stoplist, gazetteer)
        self._load_names(nlp, gazetteer)
        self._load_context(nlp, gazetteer)
        self._load_genitives(nlp, gazetteer)

    def _load_names(self, nlp: Language, gazetteer: dict[str, Any]) -> None:
        self.designators = frozenset(name_key(w) for w in gazetteer["org_designators"])
        # Designator words as hashes, multi-word ones by their last word ("start-up" -> "up").
        last_words = {w.split()[-1].split("-")[-1] for w in self.designators}
        self.designator_ids = _hashes(nlp, self.designators | last_words)
        self.org_word_ids = _hashes(nlp, self.org_last | self.org_first)
        self.prefix_ids = _hashes(nlp, gazetteer["org_prefixes"])
        self.titles = tuple(gazetteer["titles"])
        self.title_set = frozenset(self.titles)
        self.particles = frozenset(gazetteer["name_particles"])
        self.strip_words = (*gazetteer["articles"], *self.designators, *self.titles)
        # "la Banque du Japon": a capitalised designator before "du" heads the name.
        self.name_heads = tuple(sorted(self.designators))
        self.common_companies = frozenset(gazetteer["companies_common_words"])
        self.misc_designators = frozenset(gazetteer["misc_designators"])
        self.person_designators = frozenset(gazetteer["person_designators"])
        self.demonym = re.compile(gazetteer["demonym_pattern"])
        self.plural_determiners = frozenset(gazetteer["plural_determiners"])
        self.agent_markers = frozenset(gazetteer["agent_markers"])
        self.place_heads = frozenset(gazetteer["place_heads"])
        self.article_places = frozenset(gazetteer["article_places"])
        self.place_articles = frozenset(gazetteer["place_articles"])
        self.index_articles = frozenset(gazetteer["index_articles"])
        self.product_determiners = frozenset(gazetteer["product_determiners"])
        self.count_articles = frozenset(gazetteer["count_articles"])
        self.ambiguous_designators = frozenset(gazetteer["ambiguous_designators"])
        self.person_complements = frozenset(gazetteer["person_complements"])

    def _load_context(self, nlp: Language, gazetteer: dict[str, Any]) -> None:
        self.business_verbs = frozenset(gazetteer["business_verbs"])
        self.business_objects = frozenset(gazetteer["business_objects"])
        self.business_heads = frozenset(gazetteer["business_heads"])
        self.listed = frozenset(gazetteer["listed"])
        self.owner_heads = frozenset(gazetteer["owner_heads"])
        # "le conseil d'administration de X": read on the words, the parser hangs X on the
        # last noun ("administration") and a lone "conseil" is as often a town's.
        self.owner_before = phrase_before(
            gazetteer["owner_phrases"], gazetteer["genitive_articles"]
        )
        # Names the model missed after such a phrase and a bare "de" (no article: companies
        # take none, "le directeur général de la Santé" is no firm named Santé).
        bare = list(gazetteer["genitive_markers"])
        self.owner_then_name = phrase_before(gazetteer["owner_phrases"], bare)
        self.bare_genitive_ids = _hashes(nlp, bare)
        self.place_like_before = phrase_before(
            gazetteer["place_like_heads"], gazetteer["genitive_articles"]
        )
        self.strong_verbs = frozenset(gazetteer["strong_verbs"])
        self.strong_objects = frozenset(gazetteer["strong_objects"])
        self.seller_verbs = frozenset(gazetteer["seller_verbs"])
        self.seller_markers = frozenset(gazetteer["seller_markers"])
        self.match_verbs = frozenset(gazetteer["match_verbs"])
        self.player_nouns = frozenset(gazetteer["player_nouns"])

    def _load_genitives(self, nlp: Language, gazetteer: dict[str, Any]) -> None:
        self.genitive = frozenset(gazetteer["genitive_markers"])
        self.genitive_articles = tuple(
            tuple(w.split()) for w in sorted(gazetteer["genitive_articles"], key=len, reverse=True)
        )
        # Looked up by their last word ("la" of "de la"), the first by their first word.
        by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for words in self.genitive_articles:
            by_last[words[-1]].append(words)
            by_first[words[0]].append(words)
        self.genitive_by_last = dict(by_last)  # plain dicts: a lookup never adds a key
        self.genitive_by_first = dict(by_first)
        self.genitive_place_words = frozenset(gazetteer["genitive_place_words"])
        self.genitive_stop = frozenset(gazetteer["genitive_stop"])
        self.office_titles = tuple(
            tuple(t.casefold().split())
            for t in sorted(gazetteer["office_titles"], key=len, reverse=True)
        )
        self.office_domains = frozenset(gazetteer["office_domains"])
        self.office_firsts = frozenset(t[0] for t in self.office_titles)

"""The words that link an amount to its subject, metric and period, read from ``metrics.json``.

Pure data and string keys, no spaCy: the ``factex_links`` component walks the parse and asks
these sets what a word is (a metric noun, a change noun, a source marker...).

>>> words = link_words("fr")
>>> fold("Chiffre d’affaires") in words.metric_nouns, word("D’") in words.genitive
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from factex.normalize.names import name_key
from factex.normalize.names import normalize_name as _normalize_name
from factex.resources import load

#: Pure and called on the same few words again and again (every prefix of a candidate metric).
normalize_name = lru_cache(maxsize=8192)(_normalize_name)
fold = lru_cache(maxsize=8192)(name_key)


def word(text: str) -> str:
    """A token's text for word lists: lowercase, straight apostrophe kept ("d'")."""
    return text.replace("’", "'").casefold()


@dataclass(frozen=True)
class LinkWords:
    """The word lists of one language; each field is documented in ``metrics.json``."""

    metric_nouns: frozenset[str]
    metric_heads: frozenset[str]
    metric_verbs: dict[str, str]
    change_nouns: frozenset[str]
    change_verbs: frozenset[str]
    transparent: frozenset[str]
    list_markers: frozenset[str]
    list_heads: frozenset[str]
    source_markers: frozenset[str]
    source_pattern: re.Pattern[str]
    not_metrics: frozenset[str]
    open_metrics: frozenset[str]
    bases: frozenset[str]
    measure_verbs: frozenset[str]
    allocation_verbs: frozenset[str]
    destinations: frozenset[str]
    item_destinations: frozenset[str]
    not_qualifiers: frozenset[str]
    period_wrappers: frozenset[str]
    penalty_verbs: frozenset[str]
    penalty_markers: frozenset[str]
    elision_markers: frozenset[str]
    owner_pronouns: frozenset[str]
    genitive: frozenset[str]
    compound_markers: frozenset[str]
    relative_subjects: frozenset[str]
    level_verbs: frozenset[str]
    stake_nouns: frozenset[str]
    traded_assets: frozenset[str]
    share_nouns: frozenset[str]
    asset_units: frozenset[str]
    asset_quotes: frozenset[str]
    agent_markers: frozenset[str]
    level_markers: frozenset[str]
    raising_verbs: frozenset[str]
    acquisition_nouns: frozenset[str]
    acquisition_verbs: frozenset[str]
    range_joiners: frozenset[str]
    range_to: frozenset[str]
    state_markers: frozenset[str]
    designators: frozenset[str]
    #: the language, for the lookups in other resources (the metric taxonomy)
    lang: str = "fr"


@cache
def link_words(lang: str) -> LinkWords:
    """The link words of ``lang`` (loaded once; the sets are shared and never changed)."""
    data: dict[str, Any] = load(lang, "metrics")
    nouns = frozenset(fold(m) for m in data["nouns"])
    sources = frozenset(fold(m) for m in data["source_markers"])
    return LinkWords(
        metric_nouns=nouns,
        metric_heads=frozenset(m.split(" ")[0].split("'")[0] for m in nouns),
        metric_verbs=dict(data["verbs"]),
        change_nouns=frozenset(data["change_nouns"]),
        change_verbs=frozenset(data["change_verbs"]),
        transparent=frozenset(data["transparent_nouns"]),
        list_markers=frozenset(data["list_markers"]),
        list_heads=frozenset(data["list_heads"]),
        source_markers=sources,
        source_pattern=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in sorted(sources)) + r")(?!\w)"
        ),
        not_metrics=frozenset(data["not_metrics"]),
        open_metrics=frozenset(data["open_metrics"]),
        bases=frozenset(fold(b) for b in data["bases"]),
        measure_verbs=frozenset(data["measure_verbs"]),
        allocation_verbs=frozenset(data["allocation_verbs"]),
        destinations=frozenset(data["destination_markers"]),
        item_destinations=frozenset(data["item_destination_markers"]),
        not_qualifiers=frozenset(data["not_qualifiers"]),
        period_wrappers=frozenset(data["period_wrappers"]),
        penalty_verbs=frozenset(data["penalty_verbs"]),
        penalty_markers=frozenset(data["penalty_markers"]),
        elision_markers=frozenset(data["elision_markers"]),
        owner_pronouns=frozenset(data["owner_pronouns"]),
        genitive=frozenset(data["genitive_markers"]),
        compound_markers=frozenset(data["compound_markers"]),
        relative_subjects=frozenset(data["relative_subjects"]),
        level_verbs=frozenset(data["level_verbs"]),
        stake_nouns=frozenset(data["stake_nouns"]),
        traded_assets=frozenset(data["traded_assets"]),
        share_nouns=frozenset(data["share_nouns"]),
        asset_units=frozenset(data["asset_units"]),
        asset_quotes=frozenset(data["asset_quotes"]),
        agent_markers=frozenset(data["agent_markers"]),
        level_markers=frozenset(data["level_markers"]),
        raising_verbs=frozenset(data["object_raising_verbs"]),
        acquisition_nouns=frozenset(data["acquisition_nouns"]),
        acquisition_verbs=frozenset(data["acquisition_verbs"]),
        range_joiners=frozenset(data["range_joiners"]),
        range_to=frozenset(data["range_to_markers"]),
        state_markers=frozenset(data["state_markers"]),
        designators=frozenset(load(lang, "entity_gazetteer")["org_designators"]),
        lang=lang,
    )

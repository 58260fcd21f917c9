"""What the passage completion reads: the frame's link words and one Doc's passage.

Apart from :mod:`factex.components.resolve` so that the helpers it calls
(:mod:`factex.components.passage_subject`) can name these types without an import circle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from factex import resources
from factex.components.sources import Source
from factex.normalize.frame import Dated, Layout, Mention


@dataclass(frozen=True)
class LinkWords:
    """Which metrics belong to a place, and what marks a comparison figure (``frame.json``)."""

    macro: tuple[str, ...]
    macro_if_no_actor: tuple[str, ...]
    self_reference: frozenset[str]
    possessives: frozenset[str]
    share_nouns: frozenset[str]
    generic_holders: frozenset[str]
    comparison_figure: re.Pattern[str]
    year_ago: re.Pattern[str]
    period_end: re.Pattern[str]
    #: rates a central bank sets, and how a central bank's name reads
    policy_rates: tuple[str, ...] = ()
    central_banks: tuple[str, ...] = ()
    lang: str = "fr"
    #: roles of those who expect others' figures ("X, analyste chez Y, qui table sur ...")
    forecasters: frozenset[str] = frozenset()
    #: nouns naming again the public body of the story ("le bilan de l'institution")
    designators: tuple[str, ...] = ()

    @classmethod
    def for_language(cls, lang: str) -> LinkWords:
        data: dict[str, Any] = resources.load(lang, "frame")
        figures = "|".join(re.escape(w) for w in data["comparison_figures"])
        year_ago = "|".join(re.escape(w).replace("'", "['’]") for w in data["year_ago"])
        return cls(
            macro=tuple(data["macro_metrics"]),
            macro_if_no_actor=tuple(data["macro_if_no_actor"]),
            self_reference=frozenset(data["self_reference"]),
            possessives=frozenset(data["possessives"]),
            share_nouns=frozenset(resources.load(lang, "metrics")["share_nouns"]),
            generic_holders=frozenset(data["generic_holders"]),
            comparison_figure=re.compile(rf"(?:^|\W)(?:{figures})\s+(?:de\s+|d['’])?$", re.I),
            year_ago=re.compile(rf"(?<!\w)(?:{year_ago})(?!\w)", re.I),
            period_end=re.compile(
                r"^(?:" + "|".join(re.escape(w) for w in data["period_end_words"]) + r")\b", re.I
            ),
            policy_rates=tuple(data["policy_rates"]),
            central_banks=tuple(data["central_banks"]),
            lang=lang,
            forecasters=frozenset(data["forecaster_roles"]),
            designators=tuple(data["body_designators"]),
        )

    def is_macro(self, metric: str | None, has_actor: bool) -> bool:
        """ "l'inflation", "le taux de chômage": a figure of a place."""
        if not metric:
            return False
        if _names_any(self._macro, metric):
            return True
        return not has_actor and _names_any(self._macro_if_no_actor, metric)

    def is_policy_rate(self, metric: str | None) -> bool:
        """ "son taux directeur", "le taux de dépôt": a rate a central bank sets."""
        return bool(metric) and _names_any(self._policy_rates, metric or "")

    # The patterns, kept by the words (the cache of _any_phrase hashes the whole tuple of
    # phrases at each look-up, a third of a check).
    @cached_property
    def _macro(self) -> re.Pattern[str]:
        return _any_phrase(self.macro)

    @cached_property
    def _macro_if_no_actor(self) -> re.Pattern[str]:
        return _any_phrase(self.macro_if_no_actor)

    @cached_property
    def _policy_rates(self) -> re.Pattern[str]:
        return _any_phrase(self.policy_rates)


# Each figure asks of its metric, and a Doc's figures share a few metrics: bounded, by metric.
@lru_cache(maxsize=4096)
def _names_any(phrases: re.Pattern[str], metric: str) -> bool:
    """Whether ``metric`` (any case, any apostrophe) holds one of ``phrases``."""
    return phrases.search(metric.lower().replace("’", "'")) is not None


@lru_cache(maxsize=16)
def _any_phrase(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of ``phrases`` as whole words: one search per metric, not one each."""
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@dataclass(frozen=True)
class Passage:
    """What one Doc offers the links: layout, mentions, dates, sources and the frame."""

    text: str
    layout: Layout
    mentions: tuple[Mention, ...]
    dates: tuple[Dated, ...]
    sources: tuple[Source, ...]
    actor: str | None
    place: str | None
    period: Dated | None
    dateline: str | None = None
    published: str | None = None
    #: every main actor of the frame: in a story about two companies, each names its own
    actors: tuple[str, ...] = ()

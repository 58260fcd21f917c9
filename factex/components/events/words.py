"""The words factex_events reads from ``resources/<lang>/triggers.json`` and ``metrics.json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from factex import resources
from factex.components.token_index import TokenIndex


@dataclass(frozen=True)
class EventWords:
    """Word lists of one language, loaded once per pipeline and never changed."""

    trigger_nouns: frozenset[str]
    measure_verbs: frozenset[str]
    metric_heads: frozenset[str]
    light_verbs: frozenset[str]
    report_verbs: frozenset[str]
    period_nouns: frozenset[str]
    coordinators: frozenset[str]
    stemmer: str
    chain_verbs: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    inviting_verbs: frozenset[str] = frozenset()
    state_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lang: str) -> EventWords:
        data: dict[str, Any] = resources.load(lang, "triggers")
        metrics: dict[str, Any] = resources.load(lang, "metrics")
        return cls(
            trigger_nouns=frozenset(data["nouns"]),
            measure_verbs=frozenset(data["measure_verbs"]),
            # A metric is named by its first word on the parse ("chiffre" of "chiffre d'affaires").
            metric_heads=frozenset(n.split()[0].casefold() for n in metrics["nouns"]),
            light_verbs=frozenset(data["light_verbs"]),
            report_verbs=frozenset(data["report_verbs"]),
            period_nouns=frozenset(data["period_nouns"]),
            coordinators=frozenset(data["coordinators"]),
            stemmer=str(data["stemmer"]),
            chain_verbs=frozenset(data["chain_verbs"]),
            time_nouns=frozenset(data["time_nouns"]) | frozenset(data["period_nouns"]),
            inviting_verbs=frozenset(data["inviting_verbs"]),
            state_verbs=frozenset(data["state_verbs"]),
        )

    def is_trigger_noun(self, token: Token) -> bool:
        return token.lemma_.casefold() in self.trigger_nouns

    def trigger_noun_at(self, ix: TokenIndex, i: int) -> bool:
        """:meth:`is_trigger_noun` of token ``i`` of the Doc of ``ix`` (no Token made)."""
        return ix.lemma[i].casefold() in self.trigger_nouns

    def time_noun_at(self, ix: TokenIndex, i: int) -> bool:
        """:meth:`is_time_noun` of token ``i`` of the Doc of ``ix`` (no Token made)."""
        return ix.lemma[i].casefold() in self.time_nouns or ix.lower[i] in self.time_nouns

    def is_time_noun(self, token: Token) -> bool:
        return token.lemma_.casefold() in self.time_nouns or token.lower_ in self.time_nouns

    def is_period(self, nouns: list[Token]) -> bool:
        return any(t.lemma_.casefold() in self.period_nouns for t in nouns)

"""The word lists that bound a metric's post-modifiers (``components.links.modifiers``),
gathered once per language from ``metrics.json``, ``frame.json`` and the date, currency and
entity resources, where each word is documented."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factex.normalize.link_words import fold
from factex.resources import load


@dataclass(frozen=True)
class ModifierWords:
    """The word lists of the post-modifiers (documented in ``metrics.json`` and ``frame.json``)."""

    markers: frozenset[str]  # "par", "après", "hors": a bare noun after them says which
    actors: frozenset[str]  # nouns naming who a figure is about or who reports it
    participle_endings: tuple[str, ...]
    owner_determiners: frozenset[str]  # "ses": a complement saying whose
    place_markers: frozenset[str]  # "au", "aux": which only with a bare noun
    agent_endings: tuple[str, ...]  # "-ier", "-iste": a noun naming who does something
    institutions: frozenset[str]  # "Bourse", "indice": a body or a marketplace, no measure
    joiners: frozenset[str]  # "et": "les biens et services" are one measured set
    time_words: frozenset[str]  # "mardi", "juin": a bare noun after a metric that says when
    currencies: frozenset[str]  # "franc", "dollar": what a rate is of, a subject, no measure
    negators: frozenset[str]  # "non": "produits non alimentaires" says which with its adjective
    age_markers: frozenset[str]  # "des": "des 15-24 ans" names a population by its ages
    age_nouns: frozenset[str]  # "ans"
    age_joiners: frozenset[str]  # "-", "à": between the two ages of a band


@cache
def modifier_words(lang: str) -> ModifierWords:
    metrics = load(lang, "metrics")
    frame = load(lang, "frame")
    # The words an article names its subject by again, but not the share ("par action").
    measures = {fold(m) for m in (*metrics["nouns"], *metrics["share_nouns"])}
    again = [n for n in frame["self_reference"] if fold(n) not in measures]
    actors = (
        *metrics["actor_nouns"],
        *again,
        *frame["institution_words"],
        *frame["source_roles"],
        *frame["demonyms"],
        *load(lang, "entity_gazetteer")["org_designators"],
    )
    months = load(lang, "months")["months"]
    money = load(lang, "currencies")
    heads = money["local"]["generic_marks"].values()  # "franc", "dollar", "dirham"
    return ModifierWords(
        markers=frozenset(metrics["metric_modifier_markers"]),
        actors=frozenset(fold(a) for a in actors),
        participle_endings=tuple(metrics["participle_endings"]),
        owner_determiners=frozenset(metrics["owner_determiners"]),
        place_markers=frozenset(metrics["metric_place_markers"]),
        agent_endings=tuple(metrics["agent_endings"]),
        institutions=frozenset(fold(i) for i in frame["institution_words"]),
        joiners=frozenset(metrics["metric_joiners"]),
        time_words=frozenset((*load(lang, "date_words")["weekdays"], *months)),
        currencies=frozenset(fold(c) for c in (*money["names"], *money["ambiguous"], *heads)),
        negators=frozenset(metrics["metric_negators"]),
        age_markers=frozenset(metrics["age_markers"]),
        age_nouns=frozenset(metrics["age_nouns"]),
        age_joiners=frozenset(metrics["age_joiners"]),
    )

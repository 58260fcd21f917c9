"""The table of date rules: each rule is a pattern built from the lexicon and a handler that
makes a mention of a match. Rule families register theirs with :func:`rule`; :data:`ORDER`
says in which order they are tried, which decides between equally long matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from factex.normalize.dates.lexicon import Lexicon
from factex.normalize.dates.values import Candidate

Match = re.Match[str]
Handler = Callable[[Lexicon, Match], Candidate | None]
PatternOf = Callable[[Lexicon], str]


@dataclass(frozen=True)
class RuleSpec:
    name: str
    pattern: PatternOf
    handler: Handler


#: One compiled rule: a pattern tried at a position and what makes a mention of a match.
Rule = tuple[re.Pattern[str], Callable[[Match], Candidate | None]]

_REGISTRY: dict[str, RuleSpec] = {}

ORDER = (
    "monthly_weekday",  # "chaque premier samedi du mois" (a SET, before its weekday)
    "day_month",  # "le 2 juillet", "lundi 18 février 2013"
    "week_of",  # "la semaine du 9 juillet"
    "numeric",  # "03/07/2018", "3.7.18"
    "numeric_iso",  # "2018-07-03"
    "numeric_spaced",  # "20 02 2014"
    "numeric_short_slash",  # "le 05/11", "17/2"
    "numeric_short_spaced",  # "le 17 02"
    "day_only",  # "le 16"
    "month",  # "en juillet 2017", "fin mars", "mi-décembre"
    "year",  # "en 2011", "exercice 2017-2018"
    "year_range",  # "de 2015 à 2018"
    "bare_year",  # "le bilan 2022 de", "pour 2024 et 2025", "la période 2024-2026"
    "short_year",  # "en 97", "octobre 98"
    "decade",  # "les années 1990"
    "weekday",  # "lundi", "mardi prochain", "lundi en huit"
    "relative_day",  # "hier", "la veille"
    "now",  # "maintenant"
    "relative_unit",  # "la semaine dernière", "cette année"
    "quarter",  # "au premier trimestre 2018"
    "quarter_code",  # "T3 2022", "S1 2021"
    "season",  # "cet été", "l'hiver dernier"
    "phase",  # "en fin d'année", "au début du mois"
    "in_week",  # "dans la semaine"
    "time",  # "à 16h30", "vers midi", "trois heures et quart"
    "shared_unit_range",  # "de 9 à 18 heures"
    "part_of_day",  # "ce soir", "en fin de matinée"
    "anchored",  # "le lendemain du 13 février"
    "offset_marks",  # "dans 30'"
    "within",  # "d'ici deux semaines"
    "noon_to",  # "entre midi et deux"
    "offset",  # "il y a trois jours", "dans deux semaines"
    "offset_after",  # "trois jours plus tard"
    "year_part",  # "les neuf premiers mois de 2021"
    "last_next",  # "les trois derniers mois"
    "nth_in_month",  # "la première quinzaine d'avril"
    "weekend",  # "ce week-end"
    "holiday",  # "Noël", "le soir de Noël"
    "day_range",  # "du 2 au 5 juillet"
    "day_range_bare",  # "du 2 au 5"
    "reference_word",  # "actuellement", "jadis", "prochainement"
    "recurring",  # "chaque été", "tous les lundis", "chaque année"
    "century",  # "la fin du XIXe siècle"
)


def rule(name: str, pattern: PatternOf) -> Callable[[Handler], Handler]:
    """Register ``handler`` for the pattern ``pattern(lexicon)`` under ``name`` (see ORDER)."""

    def register(handler: Handler) -> Handler:
        if name in _REGISTRY:
            raise ValueError(f"date rule {name!r} registered twice")
        _REGISTRY[name] = RuleSpec(name, pattern, handler)
        return handler

    return register


def compile_rules(lex: Lexicon) -> list[Rule]:
    """Every registered rule, compiled for ``lex``, in :data:`ORDER`."""
    missing = set(_REGISTRY) - set(ORDER)
    if missing:
        raise ValueError(f"date rules missing from ORDER: {sorted(missing)}")
    rules: list[Rule] = []
    for name in ORDER:
        spec = _REGISTRY[name]
        rules.append((re.compile(spec.pattern(lex), re.IGNORECASE), partial(spec.handler, lex)))
    return rules

"""The first-character classes that spare the date grammar most of its regex calls."""

from __future__ import annotations

import re

import pytest

from factex.normalize.dates import DateGrammar
from factex.normalize.regex_start import first_char_class

TEXTS = [
    "Le conseil se réunira le mardi 14 mars 2023 à 15h30, puis du 2 au 5 avril.",
    "Il y a trois ans, au premier trimestre, les ventes avaient reculé ; T3 2021 aussi.",
    "Dès demain matin, et jusqu'à la fin de l'année, l'usine tournera 24h/24.",
    "Élu en 1998, réélu le 1er juin, il partira d'ici l'été ou à la Toussaint.",
    "Les années 90, la semaine du 12 février, ce week-end et dans 2 mois.",
    "LE 03/07/2018, À MIDI : 2019-05-01, 12.05.19, vers 8 heures et quart.",
]


@pytest.mark.parametrize(
    ("pattern", "inside", "outside"),
    [
        (r"(?<!\w)(?:le\s+)?\d+", "l7", "Lx"),
        (r"(?:[a-c]|été)", "abcé", "dxÉ"),
        (r"(?:[^a-c]x)", "dz", "ab"),
    ],
)
def test_class_bounds_first_characters(pattern: str, inside: str, outside: str) -> None:
    cls = first_char_class(re.compile(pattern))
    assert cls is not None
    assert all(cls.match(c) for c in inside)
    assert not any(cls.match(c) for c in outside)


def test_case_insensitive_patterns_keep_their_flag() -> None:
    cls = first_char_class(re.compile(r"(?:été|hiver)", re.IGNORECASE))
    assert cls is not None and cls.match("É") and cls.match("H")


@pytest.mark.parametrize("pattern", [r"x?", r"(?:a|)", r".b", r"(?i:a)b", r"(?:a)*b?"])
def test_unbounded_or_unread_patterns_get_none(pattern: str) -> None:
    assert first_char_class(re.compile(pattern)) is None


def test_every_date_rule_match_starts_inside_its_class() -> None:
    grammar = DateGrammar.for_language("fr")
    checked = 0
    for text in TEXTS:
        for pos in range(len(text)):
            for (pattern, _), first in zip(grammar._rules, grammar._firsts, strict=True):
                if pattern.match(text, pos) is not None:
                    checked += 1
                    assert first is None or first.match(text[pos]), (pattern.pattern, text[pos:])
    assert checked > 30

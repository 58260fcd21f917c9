"""The prefix classes that spare the date grammar most of its regex calls."""

from __future__ import annotations

import re

import pytest

from factex.normalize.dates import DateGrammar
from factex.normalize.dates.grammar import _PREFIX
from factex.normalize.regex_start import prefix_class

TEXTS = [
    "Le conseil se réunira le mardi 14 mars 2023 à 15h30, puis du 2 au 5 avril.",
    "Il y a trois ans, au premier trimestre, les ventes avaient reculé ; T3 2021 aussi.",
    "Dès demain matin, et jusqu'à la fin de l'année, l'usine tournera 24h/24.",
    "Élu en 1998, réélu le 1er juin, il partira d'ici l'été ou à la Toussaint.",
    "Les années 90, la semaine du 12 février, ce week-end et dans 2 mois.",
    "LE 03/07/2018, À MIDI : 2019-05-01, 12.05.19, vers 8 heures et quart.",
]


def test_every_date_rule_match_starts_inside_its_prefix() -> None:
    grammar = DateGrammar.for_language("fr")
    checked = 0
    for text in TEXTS:
        for pos in range(len(text)):
            for (pattern, _), prefix in zip(grammar._rules, grammar._prefixes, strict=True):
                if pattern.match(text, pos) is not None:
                    checked += 1
                    window = text[pos : pos + _PREFIX]
                    assert prefix is None or prefix.match(window), pattern.pattern
    assert checked > 30


@pytest.mark.parametrize(
    ("pattern", "k", "inside", "outside"),
    [
        (r"(?<!\w)(?:le\s+)?\d+h", 3, ["le ", "LE\t", "9h", "12h", "123"], ["les", "l9", "9 h"]),
        (r"(?:fin|mi)-?(?:mars|mai)", 4, ["fin-", "finm", "mi-m", "mima"], ["fi-m", "mi-a", "mid"]),
        (r"(?:ab){2,}c", 5, ["ababa", "ababc"], ["abc", "abab", "abaxb"]),
        (r"a(?=b)[bc]+", 2, ["ab", "ac"], ["a", "ad"]),
    ],
)
def test_prefix_bounds_first_characters(
    pattern: str, k: int, inside: list[str], outside: list[str]
) -> None:
    prefix = prefix_class(re.compile(pattern, re.IGNORECASE), k)
    assert prefix is not None
    assert all(prefix.match(s) for s in inside), prefix.pattern
    assert not any(prefix.match(s) for s in outside), prefix.pattern


def test_a_piece_not_read_lets_anything_follow() -> None:
    prefix = prefix_class(re.compile(r"a.b|c[^d]e"), 3)
    assert prefix is not None
    assert prefix.match("azz") and prefix.match("cxx") and not prefix.match("bzz")


@pytest.mark.parametrize("pattern", [r"x?", r"(?:a|)", r".b", r"(?:a)*b?"])
def test_patterns_matching_anything_get_no_prefix(pattern: str) -> None:
    assert prefix_class(re.compile(pattern), 3) is None

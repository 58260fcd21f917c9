"""Faster scans must find exactly what the plain ones found: trigger tries, place mentions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from factex.normalize.money.local import places
from factex.normalize.percent.grammar import _alternation, _trigger, _trigger_trie, grammar
from factex.resources import load

TEXT = (
    "Le chiffre d'affaires s'est repris au printemps, en hausse de 4 % sur un an, puis a "
    "reculé de 2,5 % en juin. Les marges se resserrent ; les ventes haussées par les soldes "
    "progressent encore. À Genève, les prix ont baissé tandis qu'à Bruxelles ils grimpaient. "
    "Le groupe, implanté au Québec et en Suisse, a cédé 3 points de part de marché. "
    "Rien ne bouge : stable, inchangé, constant. Hausses-baisses, re-hausse, baissier."
)


def _plain_triggers() -> re.Pattern[str]:
    data = load("fr", "percent")
    groups = "|".join(
        f"(?P<{name}>{_alternation(data[name], _trigger)})"
        for name in ("up", "down", "weak_up", "weak_down")
    )
    return re.compile(rf"(?<![\w])(?i:{groups})(?![\w])")


def _found(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[Any]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text, start, end)]



def test_trigger_trie_finds_what_the_alternation_found() -> None:
    plain, trie = _plain_triggers(), grammar("fr").triggers
    assert _found(trie, TEXT, 0, len(TEXT)) == _found(plain, TEXT, 0, len(TEXT))
    assert _found(trie, TEXT, 0, len(TEXT))  # the text holds triggers: the test can fail
    for start in range(0, len(TEXT), 7):
        for end in (start + 15, start + 60, start + 120):
            assert _found(trie, TEXT, start, end) == _found(plain, TEXT, start, end)
    for word in re.findall(r"[\w'’-]+", TEXT):
        a, b = plain.fullmatch(word), trie.fullmatch(word)
        assert (a and a.lastgroup) == (b and b.lastgroup), word


@pytest.mark.parametrize("word", ["stable", "inchangé", "constant", "marges", "Genève"])
def test_trigger_trie_no_trigger(word: str) -> None:
    assert grammar("fr").triggers.fullmatch(word) is None


def test_trigger_trie_longest_first() -> None:
    rx = re.compile(rf"(?i:{_trigger_trie(['repris*', 's’est repris*', 'se'])})(?![\w])")
    assert [m.group() for m in rx.finditer("Il s'est reprise, se reprend")] == [
        "s'est reprise", "se",
    ]  # fmt: skip


def test_place_mentions_read_off_one_scan() -> None:
    p = places("fr")
    mentions = p.mentions(TEXT)
    assert set(mentions.codes) == p.named(TEXT, 0, len(TEXT)) and mentions.codes
    spans = [(m.start(), m.end()) for m in p.pattern.finditer(TEXT)]
    cuts = {0, len(TEXT)} | {x + d for s, e in spans for x in (s, e) for d in (-1, 0, 1)}
    cuts = {c for c in cuts if 0 <= c <= len(TEXT)}
    for start in sorted(cuts):
        for end in sorted(c for c in cuts if c >= start):
            assert mentions.named(start, end) == p.named(TEXT, start, end), (start, end)
    assert mentions.named(0, 5) == set()  # "Le ch": no place

"""The seed article against its hand-made gold: every gold item is its own test case.

The article and gold live in /work/shared (never copied into the project); without them the
module is skipped.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from spacy.language import Language

import factex
from factex.facts import Facts
from tests.conftest import SHARED

SEED = SHARED / "examples" / "seed"
_HAVE_SEED = (SEED / "article.txt").is_file() and (SEED / "expected.json").is_file()
GOLD: dict[str, Any] = (
    json.loads((SEED / "expected.json").read_text(encoding="utf-8")) if _HAVE_SEED else {}
)

pytestmark = pytest.mark.skipif(not _HAVE_SEED, reason=f"seed article not found in {SEED}")

_TIMEX = re.compile(r"\d{4}(?:-\d{2}){0,2}(?:/\d{4}(?:-\d{2}){0,2})?")
_FISCAL = re.compile(r"(\d{4})-(\d{4}) fiscal year")


@pytest.fixture(scope="module")
def article() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def facts(nlp: Language, article: str) -> Facts:
    return factex.extract(article, published=GOLD["published"], nlp=nlp)


def _same(a: str | None, b: str | None) -> bool:
    """Equal up to typography (’ vs ')."""
    if a is None or b is None:
        return a is b
    return a.replace("’", "'").casefold() == b.replace("’", "'").casefold()


def _expected_period(text: str) -> str:
    """Gold periods are TIMEX values, or a fiscal year described ('2017-2018 fiscal year')."""
    if _TIMEX.fullmatch(text):
        return text
    fiscal = _FISCAL.match(text)
    assert fiscal, f"gold period not understood: {text!r}"
    return f"{fiscal.group(1)}/{fiscal.group(2)}"


def _occurrences(article: str, needle: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, article)]


def _ids(items: list[dict[str, Any]], key: str) -> list[str]:
    return [str(item[key]) for item in items]


# -- money -------------------------------------------------------------------------------
MONEY = GOLD.get("money", [])


@pytest.mark.parametrize("gold", MONEY, ids=_ids(MONEY, "text"))
def test_money(facts: Facts, gold: dict[str, Any]) -> None:
    found = [m for m in facts.money if m.text == gold["text"]]
    assert found, f"money {gold['text']!r} not found; got {[m.text for m in facts.money]}"
    money = found[0]
    assert money.amount == Decimal(gold["amount"])
    assert money.currency == gold["currency"]
    assert money.currency_inferred is gold["inferred"]
    assert money.subject == gold["subject"]
    assert _same(money.metric, gold["metric"]), (money.metric, gold["metric"])
    assert money.period == _expected_period(gold["period"])


# -- percentages -------------------------------------------------------------------------
PERCENTAGES = GOLD.get("percentages", [])


@pytest.mark.parametrize("gold", PERCENTAGES, ids=_ids(PERCENTAGES, "text"))
def test_percentage(facts: Facts, gold: dict[str, Any]) -> None:
    found = [p for p in facts.percentages if p.text == gold["text"]]
    got = [p.text for p in facts.percentages]
    assert found, f"percentage {gold['text']!r} not found; got {got}"
    pct = found[0]
    assert pct.value == Decimal(gold["value"])
    assert pct.direction == gold["direction"]
    assert pct.subject == gold["subject"]
    assert _same(pct.metric, gold["metric"]), (pct.metric, gold["metric"])


# -- dates -------------------------------------------------------------------------------
DATES = GOLD.get("dates", [])


@pytest.mark.parametrize("gold", DATES, ids=_ids(DATES, "text"))
def test_date(facts: Facts, article: str, gold: dict[str, Any]) -> None:
    spots = _occurrences(article, gold["text"])
    assert len(spots) == gold.get("occurrences", 1), f"gold text {gold['text']!r} in article"
    for start, end in spots:
        # The gold sometimes includes "le"/"en": any overlapping mention counts.
        overlapping = [d for d in facts.dates if d.start < end and start < d.end]
        assert overlapping, f"no date mention at {gold['text']!r} ({start}-{end})"
        assert [d.value for d in overlapping] == [gold["value"]] * len(overlapping)


NOT_DATES = GOLD.get("not_dates", [])


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_date(facts: Facts, article: str, text: str) -> None:
    spots = _occurrences(article, text)
    assert spots, f"{text!r} not in the article"
    for start, end in spots:
        wrong = [d.text for d in facts.dates if d.start < end and start < d.end]
        assert not wrong, f"{text!r} read as a date: {wrong}"


# -- entities ----------------------------------------------------------------------------
ENTITIES = [(label, name) for label, names in GOLD.get("entities", {}).items() for name in names]


@pytest.mark.parametrize(("label", "name"), ENTITIES, ids=[f"{lb}-{n}" for lb, n in ENTITIES])
def test_entity(facts: Facts, label: str, name: str) -> None:
    same_name = [e for e in facts.entities if _same(e.text, name) or _same(e.canonical, name)]
    assert same_name, f"entity {name!r} not found"
    labels = {e.label for e in same_name}
    assert label in labels, f"{name!r} labelled {labels}, expected {label}"


NOT_ENTITIES = GOLD.get("not_entities", [])


@pytest.mark.parametrize("text", NOT_ENTITIES, ids=[t.replace("\n", "\\n") for t in NOT_ENTITIES])
def test_not_entity(facts: Facts, text: str) -> None:
    assert not [e for e in facts.entities if e.text == text]


# -- events ------------------------------------------------------------------------------
EVENTS = GOLD.get("events", [])


@pytest.mark.parametrize(
    "gold", EVENTS, ids=[f"{e['date']}-{'+'.join(e['actors'])}" for e in EVENTS]
)
def test_event(facts: Facts, gold: dict[str, Any]) -> None:
    dated = [e for e in facts.events if e.date == gold["date"]]
    assert dated, f"no event dated {gold['date']}; got {[e.date for e in facts.events]}"
    assert set(gold["actors"]) in [set(e.actors) for e in dated], [e.actors for e in dated]


# -- offsets -----------------------------------------------------------------------------
def test_offsets(facts: Facts, article: str) -> None:
    assert len(facts) > 0
    for record in facts:
        assert article[record.start : record.end] == record.text, record

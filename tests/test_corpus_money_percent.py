"""Corpus tests: news-style French sentences through the full pipeline, money and percentages.

Each line of ``tests/corpus/fr/money.jsonl`` / ``percent.jsonl`` is one case: the sentence and
every record expected from it, in text order (an empty list is a negative case). A case with
an ``xfail`` key is a known miss: it must still fail (strict xfail), and says why.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from spacy.language import Language

import factex
from tests.conftest import CORPUS, SHARED, read_jsonl

MONEY_FIELDS = ("text", "amount", "currency", "currency_inferred", "amount_min", "amount_max")
PERCENT_FIELDS = ("text", "value", "unit", "direction")


def _cases(name: str, key: str) -> list[Any]:
    params = []
    for i, case in enumerate(read_jsonl(CORPUS / "fr" / name)):
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        params.append(pytest.param(case["text"], case[key], id=f"{i:02d}", marks=marks))
    return params


def _records(records: Any, fields: tuple[str, ...], text: str) -> list[dict[str, Any]]:
    out = []
    for r in records:
        assert text[r.start : r.end] == r.text
        d = r.to_dict()
        # a percentage range is one record: its bounds are shown when it has them
        bounds = {f: d[f] for f in ("value_min", "value_max") if d.get(f) is not None}
        out.append({f: d[f] for f in fields} | bounds)
    return out


@pytest.mark.parametrize(("text", "expected"), _cases("money.jsonl", "money"))
def test_money_corpus(nlp: Language, text: str, expected: list[dict[str, Any]]) -> None:
    facts = factex.extract(text, nlp=nlp)
    assert _records(facts.money, MONEY_FIELDS, text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases("percent.jsonl", "percentages"))
def test_percent_corpus(nlp: Language, text: str, expected: list[dict[str, Any]]) -> None:
    facts = factex.extract(text, nlp=nlp)
    assert _records(facts.percentages, PERCENT_FIELDS, text) == expected


def test_corpus_sizes() -> None:
    money = read_jsonl(CORPUS / "fr" / "money.jsonl")
    percent = read_jsonl(CORPUS / "fr" / "percent.jsonl")
    assert len(money) >= 40 and len(percent) >= 80
    assert any(not c["money"] for c in money) and any(not c["percentages"] for c in percent)


SEED = SHARED / "examples" / "seed"


@pytest.mark.skipif(not SEED.is_dir(), reason="the seed article is read from /work/shared")
def test_seed_money_and_percentages(nlp: Language) -> None:
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    facts = factex.extract(text, published=gold["published"], nlp=nlp)
    got_money = [
        (m.text, str(m.amount), m.currency, m.currency_inferred) for m in facts.money
    ]
    want_money = [(g["text"], g["amount"], g["currency"], g["inferred"]) for g in gold["money"]]
    assert got_money == want_money
    got_pct = [(p.text, str(p.value), p.direction) for p in facts.percentages]
    want_pct = [(g["text"], g["value"], g["direction"]) for g in gold["percentages"]]
    assert got_pct == want_pct

"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import factex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return factex.load()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("//")]


def metric_of(nlp: Language, text: str, amount: str, published: str = "2025-03-14") -> str | None:
    """The metric factex gives the money or percentage figure written ``amount`` in ``text``."""
    facts = factex.extract(text, published, nlp=nlp)
    found = [r for r in (*facts.money, *facts.percentages) if r.text == amount]
    assert found, f"no amount {amount!r} in {[r.text for r in (*facts.money, *facts.percentages)]}"
    return found[0].metric


def metrics_by_text(nlp: Language, text: str, published: str = "2025-06-12") -> dict[str, Any]:
    """The metric of every money and percentage figure of ``text``, by the figure's text."""
    facts = factex.extract(text, published=published, nlp=nlp)
    metrics: dict[str, Any] = {m.text: m.metric for m in facts.money}
    return metrics | {p.text: p.metric for p in facts.percentages}

"""Entity precision/recall on entity gold sets: the bare model vs factex_entities.

    python benchmarks/entities.py [--details] [GOLD.jsonl ...]

By default tests/corpus/fr/entities.jsonl (the component's test corpus) and
benchmarks/gold/fr-entities.jsonl (news-style sentences on companies, family names and
common-word names, written before the rules they measure). Both line formats are read:
``"entities": [[text, label], ...]`` and the news gold's ``[{"text": ..., "label": ...}]``.

Both runs share one loaded pipeline: "bare" disables every factex component (the model's
``doc.ents`` as they come), "factex" runs up to factex_entities (sentence breaks included).
An entity counts as right when its text (typography unified) and its label match the gold.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

import factex
from factex.normalize.names import normalize_name

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "fr" / "entities.jsonl"
GOLD = ROOT / "benchmarks" / "gold" / "fr-entities.jsonl"


def read_cases(path: Path = CORPUS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("//")]


def gold_pairs(case: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, label) pairs of a case in either format."""
    return [
        (e["text"], e["label"]) if isinstance(e, dict) else (e[0], e[1])
        for e in case.get("entities", [])
    ]


Bag = Counter[tuple[str, str]]


def score(pairs: list[tuple[Bag, Bag]]) -> dict[str, float]:
    """Micro precision, recall and F1 over (gold, predicted) multisets of (text, label)."""
    tp = sum(sum((gold & pred).values()) for gold, pred in pairs)
    n_pred = sum(sum(pred.values()) for _, pred in pairs)
    n_gold = sum(sum(gold.values()) for gold, _ in pairs)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def _bag(items: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    return Counter((normalize_name(text), label) for text, label in items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print each sentence's errors")
    parser.add_argument("gold", nargs="*", type=Path, default=[CORPUS, GOLD])
    args = parser.parse_args()
    nlp = factex.load()
    for path in args.gold:
        run(nlp, path, args.details)


def run(nlp: Language, path: Path, details: bool) -> None:
    ours = [n for n in nlp.pipe_names if n.startswith("factex_")]
    after_entities = ours[ours.index("factex_entities") + 1 :]
    cases = read_cases(path)
    texts = [str(c["text"]) for c in cases]
    golds = [_bag(gold_pairs(c)) for c in cases]
    with nlp.select_pipes(disable=ours):
        bare = [_bag([(e.text, e.label_) for e in d.ents]) for d in nlp.pipe(texts)]
    with nlp.select_pipes(disable=after_entities):
        cleaned = [_bag([(e.text, e.label_) for e in d.ents]) for d in nlp.pipe(texts)]
    n_gold = sum(sum(g.values()) for g in golds)
    print(f"{len(cases)} sentences, {n_gold} gold entities ({path.name})")
    for name, preds in (("bare model", bare), ("factex_entities", cleaned)):
        s = score(list(zip(golds, preds, strict=True)))
        print(
            f"{name:16} precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}"
            f"  (tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})"
        )
    if details:
        for text, gold, pred in zip(texts, golds, cleaned, strict=True):
            if gold != pred:
                print(f"- {text!r}\n  missing {dict(gold - pred)}\n  extra   {dict(pred - gold)}")


if __name__ == "__main__":
    main()

"""``factex evaluate``: score extraction against gold JSONL files."""

from __future__ import annotations

import argparse
import json
import sys

from factex.api import evaluate, load
from factex.cli.errors import PROG
from factex.evaluation.gold import GoldError, normalise_kind


def run_evaluate(args: argparse.Namespace) -> int:
    """``factex evaluate``: print the report; 0 even when scores are low, 2 for bad input."""
    try:
        kinds = [k for k in args.kinds.split(",") if k.strip()]
        for kind in kinds:
            normalise_kind(kind)  # an unknown kind is a usage mistake, before the model loads
        nlp = load(args.model) if args.model else None
        report = evaluate(args.gold, kinds=kinds, nlp=nlp, batch_size=args.batch_size)
    except (GoldError, ValueError) as exc:
        print(f"{PROG} evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = report.to_dict()
        if not args.failures:
            payload.pop("failures")
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(report.format(failures=args.failures))
    return 0

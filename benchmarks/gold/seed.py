"""Print the seed article's gold (/work/shared/examples/seed) as one factex gold JSONL case.

The seed is read at run time and never copied into the project::

    python benchmarks/gold/seed.py | factex evaluate -
    python benchmarks/gold/seed.py --out /tmp/seed.jsonl

Conversions: ``inferred`` becomes ``currency_inferred``; a free-text period such as
"2017-2018 fiscal year (ended 2018-03-31)" keeps its leading TIMEX value ("2017/2018");
entity names become items found at every occurrence, with the entity annotation marked
``partial`` (the seed lists names, not every entity of the article) and ``not_entities`` /
``not_dates`` kept as negatives.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from factex.evaluation.gold import occurrences

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEED = ROOT.parent / "shared" / "examples" / "seed"

_PERIOD = re.compile(r"^\s*(\d{4})(?:-(\d{4})\b|(-\d{2}(?:-\d{2})?)?)")


def period_value(text: str | None) -> str | None:
    """The TIMEX value at the start of a seed period description.

    >>> period_value("2017-2018 fiscal year (ended 2018-03-31)"), period_value("2017-07")
    ('2017/2018', '2017-07')
    >>> period_value("2017"), period_value(None)
    ('2017', None)
    """
    if text is None:
        return None
    m = _PERIOD.match(text)
    if not m:
        return text
    if m.group(2):
        return f"{m.group(1)}/{m.group(2)}"
    return m.group(1) + (m.group(3) or "")


def _money(item: dict[str, Any]) -> dict[str, Any]:
    keys = ("text", "amount", "currency", "subject", "metric")
    out: dict[str, Any] = {k: item[k] for k in keys if k in item}
    if "inferred" in item:
        out["currency_inferred"] = bool(item["inferred"])
    if "period" in item:
        out["period"] = period_value(item["period"])
    return out


def _percentage(item: dict[str, Any]) -> dict[str, Any]:
    keys = ("text", "value", "unit", "direction", "subject", "metric")
    out: dict[str, Any] = {k: item[k] for k in keys if k in item}
    if "period" in item:
        out["period"] = period_value(item["period"])
    return out


def entity_items(text: str, names: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One item per occurrence of each listed name, longest names first.

    An occurrence glued to a capitalised word ("Jeune Afrique") is part of another name
    and is skipped.

    >>> [i["start"] for i in entity_items("Jack Ma et Ma. Jeune Afrique, Afrique",
    ...                                  {"PER": ["Jack Ma", "Ma"], "LOC": ["Afrique"]})]
    [0, 11, 30]
    """
    taken: list[tuple[int, int]] = []
    items = []
    pairs = sorted(((n, lab) for lab, ns in names.items() for n in ns), key=lambda p: -len(p[0]))
    for name, label in pairs:
        for start in occurrences(text, name):
            end = start + len(name)
            if any(start < e and b < end for b, e in taken) or _glued(text, start, end):
                continue
            taken.append((start, end))
            items.append({"text": name, "label": label, "start": start})
    return sorted(items, key=lambda i: int(i["start"]))


def _glued(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 30) : start], text[end : end + 2]
    if (start and text[start - 1].isalnum()) or (after[:1].isalnum()):
        return True
    return bool(re.search(r"[A-ZÀ-Ý][\w-]* $", before)) or bool(re.match(r"-[A-ZÀ-Ý]", after))


def seed_case(seed_dir: Path = DEFAULT_SEED) -> dict[str, Any]:
    """The seed article and its expected facts as one gold case dict."""
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    dates = []
    for item in gold.get("dates", []):
        entry = {k: item[k] for k in ("text", "value", "grain") if k in item}
        entry["occurrences"] = item.get("occurrences", 1)
        dates.append(entry)
    entities = entity_items(text, gold.get("entities", {}))
    return {
        "id": "seed",
        "text": text,
        "published": gold.get("published"),
        "money": [_money(i) for i in gold.get("money", [])],
        "percentages": [_percentage(i) for i in gold.get("percentages", [])],
        "dates": dates,
        "entities": entities,
        "events": [
            {"date": e["date"], "actors": e.get("actors", [])} for e in gold.get("events", [])
        ],
        "not_dates": gold.get("not_dates", []),
        "not_entities": gold.get("not_entities", []),
        "partial": ["entities"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed directory")
    parser.add_argument("--out", type=Path, default=None, help="write here instead of stdout")
    args = parser.parse_args(argv)
    line = json.dumps(seed_case(args.seed), ensure_ascii=False) + "\n"
    if args.out:
        args.out.write_text(line, encoding="utf-8")
    else:
        sys.stdout.write(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

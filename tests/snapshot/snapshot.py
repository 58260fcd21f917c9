"""The golden snapshot: factex's records for every text the project can read, kept byte for byte.

A refactoring must not change what factex extracts. This script runs ``factex.extract`` over the
gold sets, the test corpora, ``../shared/corpus-fr`` and the seed, and writes one line per text:
its id and, per record, ``[kind, start, end, digest]`` (the digest is over the record's whole
JSON, so any field that changes shows; texts from ``shared/`` stay out of the project)::

    python tests/snapshot/snapshot.py --write       # after an intended change of behaviour
    python tests/snapshot/snapshot.py --diff        # which texts differ, with their records now

The pure date grammar has its own snapshot (``dates.jsonl``): scan offsets and values, no spaCy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
RECORDS = HERE / "records.jsonl"
sys.path.insert(0, str(ROOT))  # this checkout's factex, not another one installed in editable mode
DATES = HERE / "dates.jsonl"


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("//"):
                yield json.loads(line)


def texts() -> Iterator[tuple[str, str, str | None]]:
    """(id, text, published) for every text of the snapshot, in a fixed order."""
    golds = ("fr-entities", "fr-news", "fr-news-heldout", "fr-news-heldout2")
    sources = [ROOT / "benchmarks" / "gold" / f"{name}.jsonl" for name in golds]
    sources += sorted((ROOT / "tests" / "corpus").glob("*/*.jsonl"))
    for path in sources:
        rel = path.relative_to(ROOT).as_posix()
        for n, case in enumerate(_jsonl(path)):
            if isinstance(case.get("text"), str):
                yield f"{rel}:{n}:{case.get('id', '')}", case["text"], case.get("published")
    corpus = SHARED / "corpus-fr" / "corpus.jsonl"
    if corpus.is_file():
        for doc in _jsonl(corpus):
            yield f"shared:{doc['id']}", doc["text"], doc.get("date")
    seed = SHARED / "examples" / "seed" / "article.txt"
    if seed.is_file():
        expected = json.loads((seed.parent / "expected.json").read_text(encoding="utf-8"))
        published = expected.get("published") or expected.get("published_date")
        yield "shared:seed", seed.read_text(encoding="utf-8"), published


def _digest(data: Any) -> str:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def record_lines() -> Iterator[dict[str, Any]]:
    import factex

    for ident, text, published in texts():
        facts = factex.extract(text, published=published)
        rows = [[r["kind"], r["start"], r["end"], _digest(r)] for r in facts.to_dicts()]
        yield {"id": ident, "published": str(facts.published), "records": rows}


def date_lines() -> Iterator[dict[str, Any]]:
    from factex.normalize.dates import DateGrammar, Reference

    grammar = DateGrammar.for_language("fr")
    for ident, text, published in texts():
        ref = Reference.parse(str(published)) if published else None
        rows = []
        for c in grammar.scan(text):
            t = c.timex(ref)
            rows.append([c.start, c.end, c.kind, t.value, t.grain, t.relative])
        yield {"id": ident, "dates": rows}


def read(path: Path) -> dict[str, dict[str, Any]]:
    return {line["id"]: line for line in _jsonl(path)} if path.is_file() else {}


def write(path: Path, lines: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
    return n


def differences(path: Path, lines: Iterator[dict[str, Any]]) -> list[str]:
    """Ids whose line differs from the stored one (or is new, or is gone though readable)."""
    stored = read(path)
    seen, changed = set(), []
    for line in lines:
        seen.add(line["id"])
        if stored.get(line["id"]) != line:
            changed.append(line["id"])
    changed += [ident for ident in stored if ident not in seen and _readable(ident)]
    return changed


def _readable(ident: str) -> bool:
    """Whether the text behind a stored id can be read here: ``shared/`` is beside the
    checkout on the project's machines, not in every clone, and its texts are not the project's."""
    if ident == "shared:seed":
        return (SHARED / "examples" / "seed" / "article.txt").is_file()
    if ident.startswith("shared:"):
        return (SHARED / "corpus-fr" / "corpus.jsonl").is_file()
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="store the current records")
    parser.add_argument("--diff", action="store_true", help="list texts whose records changed")
    args = parser.parse_args(argv)
    if args.write:
        print(f"{write(RECORDS, record_lines())} texts -> {RECORDS}")
        print(f"{write(DATES, date_lines())} texts -> {DATES}")
        return 0
    status = 0
    for path, lines in ((RECORDS, record_lines()), (DATES, date_lines())):
        changed = differences(path, lines)
        print(f"{path.name}: {len(changed)} texts differ")
        for ident in changed[:50]:
            print("  ", ident)
        status |= bool(changed)
    return status


if __name__ == "__main__":
    sys.exit(main())

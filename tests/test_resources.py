"""Resource files document each key right before its value (``"_doc:<key>"``), not in one essay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parent.parent / "factex" / "resources"
FILES = sorted(RESOURCES.glob("*/*.json"))

def _problems(path: Path) -> list[str]:
    pairs = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=list)
    if not isinstance(pairs, list) or not all(isinstance(p, tuple) for p in pairs):
        return []  # not an object: nothing to document key by key
    keys = [key for key, _ in pairs]
    problems = [f"{k!r} is an undocumented essay key" for k in keys if k in ("_doc",)]
    if "_about" not in keys:
        problems.append("no '_about' line saying what the file is for")
    for i, key in enumerate(keys):
        if key.startswith("_doc:"):
            target = key[len("_doc:"):]
            if i + 1 >= len(keys) or keys[i + 1] != target:
                problems.append(f"{key!r} is not right before {target!r}")
        elif not key.startswith("_") and (i == 0 or keys[i - 1] != f"_doc:{key}"):
            problems.append(f"{key!r} has no '_doc:{key}' right before it")
    return problems


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_each_key_documented_beside_its_value(path: Path) -> None:
    assert _problems(path) == []

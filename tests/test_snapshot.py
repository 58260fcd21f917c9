"""The golden snapshot (tests/snapshot/): refactorings keep every record byte for byte.

An intended change of behaviour rewrites it with ``python tests/snapshot/snapshot.py --write``, in
the commit that changes the behaviour, so the diff shows which texts moved.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from spacy.language import Language

from tests.conftest import ROOT

_SCRIPT = ROOT / "tests" / "snapshot" / "snapshot.py"
_spec = importlib.util.spec_from_file_location("snapshot", _SCRIPT)
assert _spec is not None and _spec.loader is not None
snapshot = importlib.util.module_from_spec(_spec)
sys.modules["snapshot"] = snapshot
_spec.loader.exec_module(snapshot)


def test_date_grammar_snapshot() -> None:
    changed = snapshot.differences(snapshot.DATES, snapshot.date_lines())
    assert not changed, f"{len(changed)} texts scan differently, first: {changed[:5]}"


@pytest.mark.slow
def test_records_snapshot(nlp: Language) -> None:
    changed = snapshot.differences(snapshot.RECORDS, snapshot.record_lines())
    assert not changed, f"{len(changed)} texts give other records, first: {changed[:5]}"

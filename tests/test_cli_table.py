"""``factex table`` end to end, through ``main([...])`` and ``python -m factex``, on the fact-table
test set (tests/corpus/fr/table/) and the example articles.

Each format is compared with :meth:`FactTable.from_facts` on the same documents read the same way:
the command adds wiring (inputs, progress bar, formats, exit codes), never a table of its own.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import factex
from factex.cli import main
from factex.table import COLUMNS, FactTable
from factex.table.export import row_record
from tests.conftest import CORPUS, ROOT, read_jsonl

CASES = read_jsonl(CORPUS / "fr" / "table" / "results.jsonl")
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test set as a JSONL file, as a user would give it (without the comment line)."""
    path = tmp_path_factory.mktemp("table") / "results.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), "utf-8")
    return path


@pytest.fixture(scope="module")
def expected(nlp: Language) -> FactTable:
    return FactTable.from_facts(factex.extract_many(CASES, nlp=nlp))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["table", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_parquet_by_suffix(
    articles: Path, expected: FactTable, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "facts.parquet"
    code, out, err = run(capsys, str(articles), "-o", str(target))
    assert code == 0 and out == ""
    assert err == ""  # stderr is not a terminal: no progress bar
    back = pq.read_table(target).to_pylist()
    assert [r["subject"] for r in back] == [r.subject for r in expected]
    assert [r["value"] for r in back] == [
        None if r.value is None else str(r.value) for r in expected
    ]
    assert sum(r["conflict"] for r in back) == len(expected.conflicts) > 0


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_csv_and_jsonl_by_suffix(
    articles: Path,
    expected: FactTable,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    target = tmp_path / f"facts.{suffix}"
    code, out, _ = run(capsys, str(articles), "-o", str(target), "-q")
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    if suffix == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == [row_record(r) for r in expected]
        return
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == len(expected)
    money = {(r["subject"], r["metric_key"]): r for r in rows if r["kind"] == "money"}
    nordial = money[("Nordial", "revenue")]  # the press release to the million, 3 roundings
    assert nordial["value"] == "4213000000" and nordial["conflict"] == "False"
    assert nordial["documents"].split("; ") == sorted(nordial["documents"].split("; "))
    assert "nordial-echos:" in nordial["mentions"]
    solanne = money[("Crédit Solanne", "net_income")]  # one outlet wrote 450 for 540
    assert solanne["conflict"] == "True" and solanne["dissent"] == "solanne-erreur"
    assert solanne["conflict_values"] == "450000000; 540000000"


def test_format_table_prints_the_consolidated_table(
    capsys: pytest.CaptureFixture[str], expected: FactTable, articles: Path
) -> None:
    code, out, err = run(capsys, str(articles), "--format", "table")
    assert code == 0
    assert out.startswith(repr(expected))  # "FactTable(n rows, k in conflict)"
    assert "4\u202f213\u202f000\u202f000 EUR" in out and "solanne-erreur" in out
    assert err == ""  # the table on stdout; no bar, stderr is not a terminal


def test_examples_with_a_file_that_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ancien.txt").write_bytes(b"Le chiffre d'affaires de \xe9t\xe9.")
    target = tmp_path / "facts.jsonl"
    code, _, err = run(capsys, str(EXAMPLES), str(tmp_path / "ancien.txt"), "-o", str(target))
    assert code == 1  # the other inputs are still tabled
    assert "1 of 8 inputs failed:" in err and "ancien.txt: not valid UTF-8" in err
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    revenue = {(r["subject"], r["period"], r["currency"]): r["value"] for r in rows
               if r["metric_key"] == "revenue" and r["kind"] == "money"}  # fmt: skip
    assert revenue[("Ravelle", "2023", "EUR")] == "12400000000"
    assert revenue[("Pharmalys", "2024-Q3", "USD")] == "920000000"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "facts.xlsx"], "cannot tell the format of facts.xlsx"),
        (["-o", "facts"], "name it .parquet, .csv or .jsonl"),
        (["-o", "facts.csv", "--format", "jsonl"], "--format jsonl does not match facts.csv"),
        (["--format", "parquet"], "give --out FILE.parquet"),
        (["--published", "3 juillet"], "--published 3 juillet: not a date"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    articles: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, str(articles), *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("factex: error: ") and message in err


def test_python_m_factex_table(articles: Path, expected: FactTable) -> None:
    """The real entry point in a real process (the checkout's factex, run from its root)."""
    proc = subprocess.run(
        [sys.executable, "-m", "factex", "table", str(articles), "-f", "csv"],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert len(list(csv.DictReader(io.StringIO(proc.stdout)))) == len(expected)
    assert "extracting" not in proc.stderr and "Traceback" not in proc.stderr  # not a terminal

"""``factex extract`` end to end: in-process via ``main([...])``, and once as the console script."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import factex
from factex.cli import main
from factex.facts import FRAME_COLUMNS, Facts
from factex.io import read_facts
from factex.io.readers import html_to_text

ARTICLE_A = (
    "Publié le 5 février 2024\n\n"
    "Le groupe Nordial a réalisé un chiffre d'affaires de 4,2 milliards d'euros en 2023, "
    "en hausse de 6,5 %. Sa directrice générale, Claire Dumont, l'a annoncé lundi à Lyon."
)
ARTICLE_B = (
    "# Vellmont recule\n\nLe distributeur Vellmont a vu ses ventes baisser de 3 % au premier "
    "semestre, à 1,8 milliard d'euros, a indiqué Marc Lefèvre le 24 juillet 2024."
)
PAGE = (
    "<html><head><title>Airlog lève 25 millions</title>"
    '<meta property="article:published_time" content="2024-10-03">'
    "<script>track('<b>')</script></head><body>"
    "<p>La start-up <b>Airlog</b>, basée à Toulouse, a levé 25 millions d'euros mardi.</p>"
    "</body></html>"
)
UNDECODABLE = b"Le chiffre d'affaires de \xe9t\xe9 est en hausse de 5 %, \xff\xfe."


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Two text files, an HTML page, an undecodable file, and JSONL with a bad date on one line."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    (root / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "latin1.txt").write_bytes(UNDECODABLE)
    (root / "ignored.pdf").write_bytes(b"%PDF")
    (root / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Kelvo a gagné 2 % hier.", "published": "2024-09-02"})
        + "\n"
        + json.dumps({"id": "j2", "text": "Ravelle a versé 1,20 euro par action."})
        + "\n"
        + json.dumps({"id": "j3", "text": "Kelvo a perdu 3 %.", "published": "hier"})
        + "\n",
        encoding="utf-8",
    )
    return root


def sources(root: Path) -> dict[str, str]:
    """The text each document id refers to: offsets in the output index into these."""
    return {
        str(root / "a.txt"): ARTICLE_A,
        str(root / "b.md"): ARTICLE_B,
        str(root / "sub" / "page.html"): html_to_text(PAGE)[0],
        "j1": "Kelvo a gagné 2 % hier.",
        "j2": "Ravelle a versé 1,20 euro par action.",
    }


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _warm(nlp: Language) -> None:
    """main() uses factex.load(), the same cached pipeline as the session fixture."""


def test_jsonl_rows_errors_and_progress(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(corpus), "--published", "2024-06-01")
    assert code == 1  # one input failed
    rows = [json.loads(line) for line in out.splitlines()]
    texts = sources(corpus)
    assert rows and {r["id"] for r in rows} <= set(texts)
    for row in rows:
        assert texts[row["id"]][row["start"] : row["end"]] == row["text"]
        assert set(row) <= {*FRAME_COLUMNS}
    # Every readable document yields records; the bad one is listed at the end, once.
    assert {str(corpus / "a.txt"), str(corpus / "sub" / "page.html")} <= {r["id"] for r in rows}
    bad = str(corpus / "sub" / "latin1.txt")
    assert bad not in {r["id"] for r in rows}
    assert "j3" not in {r["id"] for r in rows}
    assert "2 of 7 inputs failed:" in err
    # One failure format, source[:line]: reason, whether reading or extraction failed.
    assert f"\n{bad}: not valid UTF-8" in err
    assert f"\n{corpus / 'docs.jsonl'}:3: published 'hier' is not an ISO date" in err
    assert "extracting" not in err  # stderr is not a terminal: no progress bar
    assert "Traceback" not in err


def test_one_document_has_no_progress_bar(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(corpus / "a.txt"))
    assert code == 0
    assert err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["id"] == str(corpus / "a.txt") for r in rows)


def test_quiet_and_published_precedence(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The JSONL field and the HTML <meta> date win over --published, which fills the rest.
    code, out, err = run(
        capsys, str(corpus / "docs.jsonl"), str(corpus / "sub" / "page.html"),
        "--published", "2024-06-01", "--format", "doc-jsonl", "-q",
    )  # fmt: skip
    assert code == 1  # j3's date is bad; -q leaves only the failure listing on stderr
    assert err.splitlines()[0] == "factex: 1 of 4 inputs failed:" and "extracting" not in err
    docs = {f.id: f for f in map(Facts.from_json, out.splitlines())}
    assert "j3" not in docs
    assert str(docs["j1"].published) == "2024-09-02"
    assert str(docs["j2"].published) == "2024-06-01"
    assert str(docs[str(corpus / "sub" / "page.html")].published) == "2024-10-03"
    assert docs["j1"].text == "Kelvo a gagné 2 % hier."


def test_csv_and_kinds(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(corpus / "a.txt"), "-f", "csv", "--kinds", "entities")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["kind"] for r in rows} == {"entity"}
    assert list(rows[0]) == list(FRAME_COLUMNS)
    for row in rows:
        assert ARTICLE_A[int(row["start"]) : int(row["end"])] == row["text"]


def test_parquet_to_a_file(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.parquet"
    code, out, _ = run(capsys, str(corpus / "a.txt"), str(corpus / "b.md"), "--out", str(target))
    assert code == 0 and out == ""  # the format comes from the suffix
    back = list(read_facts(target))
    expected = list(factex.extract_many([
        {"id": str(corpus / "a.txt"), "text": ARTICLE_A},
        {"id": str(corpus / "b.md"), "text": ARTICLE_B},
    ]))  # fmt: skip
    assert [(f.id, f.records) for f in back] == [(f.id, f.records) for f in expected if f.records]


def test_table(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(corpus / "a.txt"), "--format", "table")
    assert code == 0
    assert str(corpus / "a.txt") in out
    assert "kind" in out and "subject" in out
    facts = factex.extract(ARTICLE_A)
    for record in facts:
        assert record.text.split()[0] in out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE_A))
    code, out, err = run(capsys, "-", "--kinds", "entity")
    assert code == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["id"] == "<stdin>" and r["kind"] == "entity" for r in rows)
    lines = "\n".join(json.dumps({"id": i, "text": ARTICLE_B}) for i in ("x", "y"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    code, out, err = run(capsys, "-", "--stdin-format", "jsonl", "-f", "doc-jsonl")
    assert code == 0 and err == ""
    assert [Facts.from_json(line).id for line in out.splitlines()] == ["x", "y"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "3 juillet"], "--published 3 juillet: not a date"),
        (["--kinds", "monnaie"], "unknown kind 'monnaie'"),
        (["--format", "parquet"], "give --out FILE.parquet"),
        (["-n", "0"], "must be at least 1"),
        (["--out", "/nonexistent-dir/x.jsonl"], "its folder does not exist"),
    ],
)
def test_user_mistakes_are_one_line(
    corpus: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, str(corpus / "a.txt"), *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("factex: error: ") and message in err


def test_missing_file_and_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path / "absent.txt"))
    assert (
        code == 2
        and err == f"factex: error: {tmp_path / 'absent.txt'}: no such file or directory\n"
    )
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "no documents found" in err and err.count("\n") == 1


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"factex {factex.__version__}"
    assert main([]) == 2
    assert "extract" in capsys.readouterr().err


def test_evaluate_is_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["evaluate", "--help"])
    assert exit_info.value.code == 0
    assert "usage: factex evaluate" in capsys.readouterr().out


def test_console_script(corpus: Path) -> None:
    """The installed ``factex`` command, in a real process (stderr not a terminal)."""
    # The script beside this interpreter first: PATH may lead to another environment's.
    beside = Path(sys.executable).parent / "factex"
    exe = str(beside) if beside.exists() else shutil.which("factex")
    assert exe, "the console script is installed by `pip install -e .`"
    proc = subprocess.run(
        [exe, "extract", str(corpus), "--format", "jsonl"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    ids = {json.loads(line)["id"] for line in proc.stdout.splitlines()}
    assert str(corpus / "a.txt") in ids and "j1" in ids
    assert "extracting" not in proc.stderr  # a pipe, not a terminal: no progress bar
    assert f"{corpus / 'sub' / 'latin1.txt'}: not valid UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr
    version = subprocess.run(
        [sys.executable, "-m", "factex", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"factex {factex.__version__}"

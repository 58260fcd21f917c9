"""The command line as a user meets it: dates as people write them, encodings, output names,
stdin, JSONL keys under other names, one failure format and the progress bar on a terminal.

In-process through ``main([...])`` where stdin and stderr need not be terminals; in a real
process (``python -m factex``) with a pseudo-terminal where they must be.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import factex
from factex.cli import build_parser, main
from factex.cli.progress import progress_bar
from factex.cli.run import ExtractRun
from factex.facts import Facts
from tests.conftest import ROOT

DEPECHE = (
    "La coopérative Valdor a vendu pour 3,2 millions d'euros de fromages l'été dernier, "
    "soit une hausse de 8 % sur un an."
)
RELATIVE = "La mairie de Brésac a voté hier un budget de 12 millions d'euros."
FAILURE_LINE = re.compile(r"^\S+?(:\d+)?: \S.*$")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _warm(nlp: Language) -> None:
    """main() uses factex.load(), the same cached pipeline as the session fixture."""


@pytest.mark.parametrize("written", ["2024-03-14", "14/03/2024", "14 mars 2024", "14.03.2024"])
def test_published_as_people_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    path = tmp_path / "brésac.txt"
    path.write_text(RELATIVE, encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--published", written, "-f", "doc-jsonl")
    assert code == 0
    facts = Facts.from_json(out)
    assert str(facts.published) == "2024-03-14"
    assert "2024-03-13" in {r.value for r in facts.dates}  # "hier" from the given date


@pytest.mark.parametrize("written", ["14 mars", "mars 2024", "31/02/2024", "14 brumaire 2024"])
def test_a_date_that_is_not_one_is_a_command_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(RELATIVE, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--published", written)
    assert code == 2 and out == ""
    assert err.startswith(f"factex: error: --published {written}: ") and err.count("\n") == 1
    assert "datetime" not in err and "Python" not in err


def test_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "ancien.txt"
    legacy.write_bytes(DEPECHE.encode("cp1252"))
    code, out, err = run(capsys, str(legacy))
    assert code == 1 and out == ""
    assert f"\n{legacy}: not valid UTF-8" in err and "--encoding auto" in err
    code, out, err = run(capsys, str(legacy), "--encoding", "cp1252")
    assert code == 0 and err == ""
    assert {json.loads(line)["text"] for line in out.splitlines()} >= {"3,2 millions d'euros"}
    code, auto, err = run(capsys, str(legacy), "--encoding", "auto")
    assert code == 0 and auto == out
    assert err == f"factex: {legacy}: read as cp1252 (guessed: not valid UTF-8)\n"
    modern = tmp_path / "récent.txt"
    modern.write_text(DEPECHE, encoding="utf-8")
    code, same, err = run(capsys, str(modern), "--encoding", "auto")
    assert code == 0 and err == "" and same.replace(str(modern), str(legacy)) == out
    code, _, err = run(capsys, str(modern), "--encoding", "martien")
    assert code == 2 and "--encoding unknown encoding 'martien'" in err


@pytest.mark.parametrize(
    ("out", "extra", "message"),
    [
        ("faits.xlsx", [], "cannot tell the format of"),
        ("faits", [], "cannot tell the format of"),
        ("faits.csv", ["-f", "jsonl"], "--format jsonl does not match"),
    ],
)
def test_an_output_name_that_says_no_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, extra: list[str], message: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DEPECHE, encoding="utf-8")
    target = tmp_path / out
    code, _, err = run(capsys, str(path), "-o", str(target), *extra)
    assert code == 2 and message in err and not target.exists()


def test_known_output_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DEPECHE, encoding="utf-8")
    for name, first in (("r.csv", "id,kind,"), ("r.jsonl", '{"id"'), ("t.txt", "")):
        extra = ["-f", "table"] if name.endswith(".txt") else []
        assert run(capsys, str(path), "-o", str(tmp_path / name), *extra)[0] == 0
        assert (tmp_path / name).read_text(encoding="utf-8").lstrip().startswith(first)
    assert "3,2 millions" in (tmp_path / "t.txt").read_text(encoding="utf-8")


def test_jsonl_keys_under_usual_other_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flux.jsonl"
    lines = [
        {"id": "b1", "body": RELATIVE, "date": "2024-05-02"},
        {"id": "b2", "content": DEPECHE, "datePublished": "2024-05-03"},
        {"id": "b3", "text": RELATIVE, "pubdate": "2024-05-04"},
    ]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    code, out, err = run(capsys, str(path), "-f", "doc-jsonl")
    assert code == 0
    docs = {f.id: f for f in map(Facts.from_json, out.splitlines())}
    assert {k: str(f.published) for k, f in docs.items()} == {
        "b1": "2024-05-02", "b2": "2024-05-03", "b3": "2024-05-04",
    }  # fmt: skip
    assert docs["b2"].text == DEPECHE
    told = err.splitlines()
    assert f"factex: {path}: read 'body' as the text field (no 'text' key)" in told
    assert f"factex: {path}: read 'date' as the date field (no 'published' key)" in told
    assert len(told) == 5  # body, content, date, datePublished, pubdate: each once
    # A key the user names is read as is: no fallback, and the line says which key is missing.
    code, out, err = run(capsys, str(path), "--text-field", "texte")
    assert code == 1 and out == ""
    assert f"\n{path}:1: no 'texte' field (keys: body, date, id)" in err


def test_help_shows_the_jsonl_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "(default: text;" in help_text and "body, content" in help_text
    assert "(default: published;" in help_text and "date, pubdate, datePublished" in help_text
    assert "(default: utf-8)" in help_text and "14 mars 2024" in help_text


def test_every_failure_is_source_line_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ok.txt").write_text(DEPECHE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "mix.jsonl").write_text(
        '{"id": "m1", "text": "Rien."}\n[1]\n{"id": "m3", "text": "x", "published": "demain"}\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(tmp_path))
    assert code == 1
    head, *lines = err.splitlines()
    assert head == "factex: 3 of 5 inputs failed:"
    assert [line.split(": ")[0] for line in lines] == [
        str(tmp_path / "bad.txt"), f"{tmp_path / 'mix.jsonl'}:2", f"{tmp_path / 'mix.jsonl'}:3",
    ]  # fmt: skip
    assert all(FAILURE_LINE.match(line) for line in lines)


def test_stdin_only_with_dash_and_a_pipe(tmp_path: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "factex", "extract"], cwd=ROOT, input=DEPECHE.encode(),
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert piped.returncode == 2 and piped.stdout == b""
    assert b"give at least one PATH" in piped.stderr
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "factex", "extract", "-"], cwd=ROOT, stdin=secondary,
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        os.close(primary)
        os.close(secondary)
    assert proc.returncode == 2 and b"stdin is a terminal" in proc.stderr
    dash = subprocess.run(
        [sys.executable, "-m", "factex", "extract", "-", "-q"], cwd=ROOT,
        input=DEPECHE.encode(), capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert dash.returncode == 0, dash.stderr
    assert {json.loads(line)["id"] for line in dash.stdout.splitlines()} == {"<stdin>"}


def test_progress_bar_on_a_terminal_and_never_on_stdouts_line(tmp_path: Path) -> None:
    """stdout and stderr on one terminal, as in a shell: the bar, then each record on a line
    of its own (no JSON line starts on the bar's line)."""
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(DEPECHE, encoding="utf-8")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "factex", "extract", str(tmp_path)], cwd=ROOT,
        stdout=secondary, stderr=secondary,
    )  # fmt: skip
    os.close(secondary)
    shown = _read_all(primary, proc)
    assert proc.wait(timeout=300) == 0
    assert "docs/s" in shown and "chars/s" in shown and "3/3 docs" in shown and "ETA" in shown
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    lines = [line.strip() for line in re.split(r"[\r\n]+", plain) if line.strip()]
    records = [line for line in lines if "{" in line]
    assert records and all(line.startswith("{") for line in records)
    rows = [json.loads(line) for line in records]
    assert {r["id"] for r in rows} == {str(tmp_path / f"d{i}.txt") for i in range(3)}


def _read_all(fd: int, proc: subprocess.Popen[bytes]) -> str:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 300)
        if not ready:
            break
        try:
            data = os.read(fd, 4096)
        except OSError:  # the other end closed (Linux)
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks).decode(errors="replace")


def test_a_long_single_text_moves_the_bar_piece_by_piece(nlp: Language) -> None:
    paragraph = DEPECHE + "\n\n"
    text = paragraph * (factex.api.CHUNK_CHARS * 2 // len(paragraph) + 1)  # three pieces
    seen: list[int] = []
    with progress_bar(1, len(text), True, nlp) as bar:
        original = bar.piece

        def piece(chars: int) -> None:
            seen.append(chars)
            original(chars)

        bar.piece = piece  # type: ignore[method-assign]
        [facts] = factex.extract_many([text], nlp=nlp)
        bar.document(len(facts.text))
    assert len(seen) >= 3 and sum(seen) >= len(text) - len(seen)
    assert "factex_cli_progress" not in nlp.pipe_names  # the pipeline is left as it was


def test_one_long_text_gets_a_bar_a_short_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    primary, secondary = pty.openpty()
    with os.fdopen(secondary, "w") as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)  # a real terminal, as a user's
        long = tmp_path / "long.txt"
        long.write_text(DEPECHE * (factex.api.CHUNK_CHARS // len(DEPECHE) + 1), "utf-8")
        short = tmp_path / "short.txt"
        short.write_text(DEPECHE, encoding="utf-8")
        parser = build_parser()

        def shown(*args: str) -> bool:
            return ExtractRun.start(parser.parse_args(["extract", *args])).shows_progress

        assert shown(str(long)) and shown(str(short), str(short))
        assert not shown(str(short)) and not shown(str(long), "-q")
    os.close(primary)
    monkeypatch.undo()
    assert not shown(str(long))  # stderr not a terminal

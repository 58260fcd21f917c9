"""Reading inputs (files, folders, HTML, JSONL) and writing/reading back results losslessly."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from spacy.language import Language

import factex
from factex.facts import FRAME_COLUMNS, Facts
from factex.io import read_facts, read_frame, readers, writers
from factex.records import DateMention, Entity, Event, Money, Percentage

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


# -- reading inputs ---------------------------------------------------------------------------


def test_expand_paths_walks_folders_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("b/z.md", "a.txt", "b/page.HTM", "notes.pdf", ".hidden.txt", ".cache/x.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text("{}\n", encoding="utf-8")
    found = [
        Path(p).relative_to(tmp_path).as_posix() for p in readers.expand_paths([str(tmp_path)])
    ]
    assert found == ["a.txt", "docs.jsonl", "b/page.HTM", "b/z.md"]
    # Files named on the command line are read whatever their suffix; "-" is kept.
    assert readers.expand_paths([str(tmp_path / "notes.pdf"), "-"]) == [
        str(tmp_path / "notes.pdf"),
        "-",
    ]
    with pytest.raises(readers.MissingInputError, match=r"nope\.txt: no such file"):
        readers.expand_paths([str(tmp_path / "nope.txt")])


def test_text_files_read_like_read_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffLigne un\r\nLigne deux\rfin".encode())
    [doc] = readers.read_path(str(path))
    assert isinstance(doc, readers.Document)
    assert doc.text == path.read_text(encoding="utf-8-sig") == "Ligne un\nLigne deux\nfin"
    assert doc.id == str(path) and doc.published is None


def test_undecodable_and_unreadable_files_are_errors_not_exceptions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Chiffre d'affaires \xff\xfe\x80 en hausse")
    [err] = readers.read_path(str(bad))
    assert isinstance(err, readers.ReadError)
    assert err.id == str(bad) and "not valid UTF-8" in err.message
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    [err] = readers.read_path(str(folder))
    assert isinstance(err, readers.ReadError) and err.message


def test_html_is_reduced_to_its_text_with_the_page_date(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Titre &amp; sous-titre</title>"
        '<meta property="article:published_time" content="2024-10-24T07:30:00+02:00">'
        "<script>var x = '<p>non</p>';</script><style>p {}</style></head>"
        "<body><p>Premier <b>paragraphe</b>.</p><p>Second.</p></body></html>",
        encoding="utf-8",
    )
    [doc] = readers.read_path(str(page))
    assert isinstance(doc, readers.Document)
    assert doc.text == "Titre & sous-titre\n\nPremier paragraphe.\n\nSecond."
    assert doc.published == "2024-10-24T07:30:00+02:00"


def test_an_html_date_that_is_not_iso_is_ignored() -> None:
    page = '<meta property="article:published_time" content="hier"><p>x</p>'
    assert readers.html_to_text(page) == ("x", None)
    page = '<meta itemprop="datePublished" content="2024-03-05T10:00:00Z"><p>x</p>'
    assert readers.html_to_text(page) == ("x", "2024-03-05T10:00:00Z")


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = tmp_path / "latin.htm"
    page.write_bytes(
        '<meta charset="iso-8859-1"><p>Bénéfice en hausse à Orléans</p>'.encode("latin-1")
    )
    [doc] = readers.read_path(str(page))
    assert isinstance(doc, readers.Document) and doc.text == "Bénéfice en hausse à Orléans"


def test_jsonl_lines_fields_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        b'{"uid": 7, "body": "Texte un.", "date": "2024-02-01"}\n'
        b"\n"
        b'{"body": "Sans id."}\n'
        b"pas du json\n"
        b'["une", "liste"]\n'
        b'{"uid": 9, "body": 12}\n'
        b'{"uid": 10, "body": "\xff octet"}\n'
        b'{"uid": 11, "text": "mauvais champ"}\n'
    )
    fields = readers.JsonlFields(text="body", id="uid", published="date")
    got = list(readers.read_path(str(path), fields))
    assert got[0] == readers.Document("7", "Texte un.", "2024-02-01", source=f"{path}:1")
    assert got[1] == readers.Document(f"{path}:3", "Sans id.", None, source=f"{path}:3")
    errors = [(g.id.rsplit(":", 1)[1], g.message) for g in got[2:]]
    assert all(isinstance(g, readers.ReadError) for g in got[2:])
    assert [line for line, _ in errors] == ["4", "5", "6", "7", "8"]
    assert "not JSON" in errors[0][1]
    assert "expected a JSON object" in errors[1][1]
    assert "'body' is int" in errors[2][1]
    assert "not valid UTF-8" in errors[3][1]
    assert "no 'body' field" in errors[4][1]
    assert readers.count_documents([str(path)]) == 7


def test_stdin_as_text_or_jsonl() -> None:
    [doc] = readers.read_inputs(["-"], stdin=io.StringIO("Un texte\r\nsur deux lignes."))
    assert doc == readers.Document("<stdin>", "Un texte\nsur deux lignes.", source="<stdin>")
    docs = list(
        readers.read_inputs(
            ["-"], stdin=io.StringIO('{"id": "a", "text": "x"}\n'), stdin_format="jsonl"
        )
    )
    assert docs == [readers.Document("a", "x", source="<stdin>:1")]
    assert readers.count_documents(["-"]) is None


# -- writing and reading back -------------------------------------------------------------------


def _examples(nlp: Language) -> list[Facts]:
    files = readers.expand_paths([str(EXAMPLES)])
    items = [d.as_item() for d in readers.read_inputs(files) if isinstance(d, readers.Document)]
    assert len(items) >= 5
    return list(factex.extract_many(items, published="2024-06-01", nlp=nlp))


@pytest.fixture(scope="module")
def extracted(nlp: Language) -> list[Facts]:
    return _examples(nlp)


def _hand_made() -> Facts:
    # Every record type and the awkward values (exact decimals, ranges, tuples, None, unicode).
    text = "Xyz a levé entre 1,5 et 2 millions € (+0,25 point) le 2 mai."
    records = (
        Entity("Xyz", 0, 3, text, "ORG", "Xyz SA"),
        Money(
            "entre 1,5 et 2 millions €", 11, 36, text, None, "EUR", False,
            Decimal("1500000"), Decimal("2000000"), "Xyz SA", "levée", "2024-05",
        ),
        Percentage("+0,25 point", 38, 49, text, Decimal("0.25"), "points", "up"),
        DateMention("le 2 mai", 51, 59, text, "2024-05-02", "day", True),
        Event(text, 0, 60, text, "2024-05-02", "lever", ("Xyz SA", "Ödön")),
    )  # fmt: skip
    return Facts(text, records, date(2024, 5, 3), "given", id="hand")


def test_facts_from_json_is_lossless_on_real_output(extracted: list[Facts]) -> None:
    for facts in [*extracted, _hand_made()]:
        again = Facts.from_json(facts.to_json())
        assert again == facts
        assert [type(r) for r in again] == [type(r) for r in facts]
        for r in again.money:
            assert r.amount is None or isinstance(r.amount, Decimal)


def test_doc_jsonl_round_trip(extracted: list[Facts], tmp_path: Path) -> None:
    out = io.StringIO()
    results = [*extracted, _hand_made()]
    assert writers.write_doc_jsonl(results, out) == len(results)
    assert list(read_facts(_save(out, tmp_path / "docs.jsonl"))) == results


def _save(buffer: io.StringIO, path: Path) -> Path:
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _records_by_id(results: list[Facts]) -> list[tuple[object, tuple[object, ...]]]:
    return [(str(f.id), f.records) for f in results if f.records]


def test_record_jsonl_round_trip(extracted: list[Facts], tmp_path: Path) -> None:
    out = io.StringIO()
    results = [*extracted, _hand_made()]
    rows = writers.write_jsonl(results, out)
    assert rows == sum(len(f) for f in results)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(set(line) <= {*FRAME_COLUMNS} and "id" in line for line in lines)
    back = list(read_facts(_save(out, tmp_path / "records.jsonl")))
    assert [(str(f.id), f.records) for f in back] == _records_by_id(results)
    assert all(f.text == "" for f in back)  # record rows do not carry the article


def test_parquet_round_trip_keeps_exact_decimals(extracted: list[Facts], tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    results = [*extracted, _hand_made()]
    path = tmp_path / "facts.parquet"
    assert writers.write_parquet(results, str(path), rows_per_group=7) == sum(map(len, results))
    table = pq.read_table(path)
    assert table.schema.names == list(FRAME_COLUMNS)
    assert table.schema.field("amount").type == pa.decimal128(38, 10)
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("relative").type == pa.bool_()
    assert table.schema.field("actors").type == pa.list_(pa.string())
    back = list(read_facts(path))
    assert [(f.id, f.records) for f in back] == _records_by_id(results)
    [hand] = [f for f in back if f.id == "hand"]
    assert hand.money[0].amount_min == Decimal("1500000")
    assert hand.percentages[0].value == Decimal("0.25")
    assert hand.events[0].actors == ("Xyz SA", "Ödön")


def test_csv_has_the_frame_columns(extracted: list[Facts]) -> None:
    out = io.StringIO()
    results = [*extracted, _hand_made()]
    writers.write_csv(results, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(FRAME_COLUMNS)
    assert len(rows) == sum(len(f) for f in results)
    hand = {r["kind"]: r for r in rows if r["id"] == "hand"}
    assert hand["money"]["amount_min"] == "1500000" and hand["money"]["amount"] == ""
    assert hand["event"]["actors"] == "Xyz SA; Ödön"
    assert hand["percentage"]["value"] == "0.25" and hand["date"]["value"] == "2024-05-02"


def test_to_frame_is_tidy(extracted: list[Facts]) -> None:
    import pandas as pd

    frame = pd.concat([f.to_frame() for f in [*extracted, _hand_made()]], ignore_index=True)
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert len(frame) == sum(len(f) for f in [*extracted, _hand_made()])
    money = frame[frame.kind == "money"]
    assert all(pd.isna(v) or isinstance(v, Decimal) for v in money.amount_min)
    # "value" holds percentages and dates alike: exact decimal strings and TIMEX3 strings.
    assert all(isinstance(v, str) for v in frame[frame.kind == "percentage"].value)
    for facts in extracted:
        for record in facts:
            assert facts.text[record.start : record.end] == record.text


def test_kinds_filter() -> None:
    facts = _hand_made()
    kept = writers.keep_kinds(facts, writers.parse_kinds("money,dates"))
    assert [r.kind for r in kept] == ["money", "date"]
    assert kept.text == facts.text and kept.id == facts.id
    assert writers.keep_kinds(facts, None) is facts


def test_the_headline_is_read_once_when_title_and_h1_repeat_it() -> None:
    page = (
        "<html><head><title>Brésac vote 12 millions d'euros | Le Courrier du Sud</title></head>"
        "<body><h1>Brésac vote 12 millions d'euros</h1><p>Le conseil a voté mardi.</p></body>"
    )
    text, _ = readers.html_to_text(page)
    assert text.count("12 millions") == 1 and text.startswith("Brésac vote")
    # A title that says something else is kept: only a repeated headline is dropped.
    other = page.replace("<h1>Brésac vote 12 millions d'euros</h1>", "<h1>Conseil municipal</h1>")
    text, _ = readers.html_to_text(other)
    assert text.count("12 millions") == 1 and "Conseil municipal" in text
    assert "Courrier du Sud" in text


def test_one_schema_for_every_table_and_an_exact_sum(
    extracted: list[Facts], tmp_path: Path
) -> None:
    """to_frame(), Parquet (read by factex or by pandas) and CSV/JSONL read back: same dtypes,
    same rows, and amounts that add up exactly (no float, no string concatenation)."""
    import pandas as pd

    results = [*extracted, _hand_made()]
    frame = pd.concat([f.to_frame() for f in results], ignore_index=True)
    files = {}
    for suffix, write in (("csv", writers.write_csv), ("jsonl", writers.write_jsonl)):
        out = io.StringIO()
        write(results, out)
        files[suffix] = _save(out, tmp_path / f"facts.{suffix}")
    files["parquet"] = tmp_path / "facts.parquet"
    writers.write_parquet(results, str(files["parquet"]))
    backs = {suffix: read_frame(path) for suffix, path in files.items()}
    backs["pandas"] = pd.read_parquet(files["parquet"], dtype_backend="pyarrow")
    expected = sum((m.amount for f in results for m in f.money if m.amount is not None), Decimal(0))
    assert expected > 0 and frame.amount.sum() == expected
    for name, back in backs.items():
        assert back.dtypes.to_dict() == frame.dtypes.to_dict(), name
        assert back.amount.sum() == expected, name
        assert isinstance(back.amount.sum(), Decimal), name
        pd.testing.assert_frame_equal(back, frame, obj=name)
        assert back.relative.dropna().isin([True, False]).all(), name
    hand = backs["parquet"][backs["parquet"].id == "hand"]
    assert list(hand[hand.kind == "event"].actors.iloc[0]) == ["Xyz SA", "Ödön"]
    assert str(frame.amount.dtype) == "decimal128(38, 10)[pyarrow]"
    assert str(frame.currency_inferred.dtype) == "bool[pyarrow]"
    assert str(frame.start.dtype) == "int64[pyarrow]"
    # A plain read_parquet (no dtype_backend) still gets exact Decimals and real booleans.
    plain = pd.read_parquet(files["parquet"])
    assert plain.amount.sum() == expected
    assert str(plain.currency_inferred.dtype) == "bool[pyarrow]"

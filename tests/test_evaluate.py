"""The gold reader and the scorer of factex.evaluation, on small made-up cases."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from factex.api import evaluate
from factex.cli import main, run_evaluate
from factex.evaluation.compare import match_spans, same_name, value_checks
from factex.evaluation.gold import GoldError, case_from_dict, read_gold
from factex.evaluation.score import score

TEXT = "Le groupe Ardoise a vendu pour 3,5 milliards d'euros en 2021, en hausse de 4 %."


def rec(kind: str, text: str, source: str = TEXT, **values: Any) -> dict[str, Any]:
    start = source.index(text)
    return {"kind": kind, "text": text, "start": start, "end": start + len(text), **values}


def money_case(**extra: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "text": TEXT,
        "money": [
            {"text": "3,5 milliards d'euros", "amount": "3500000000", "currency": "EUR",
             "subject": "Ardoise", "period": "2021"}
        ],
        **extra,
    }  # fmt: skip


# -- value checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "gold", "got", "expected"),
    [
        ("money", {"amount": "3500000000", "currency": "EUR"},
         {"amount": "3500000000", "currency": "EUR"}, {"value": True}),
        ("money", {"amount": "3500000000", "currency": "EUR"},
         {"amount": "3500000000", "currency": "USD"}, {"value": False}),
        ("money", {"amount": "3500000000", "currency": "EUR"},
         {"amount": "350000000", "currency": "EUR"}, {"value": False}),
        ("money", {"amount_min": "10", "amount_max": "15", "currency": "EUR"},
         {"amount": None, "amount_min": "10", "amount_max": "15", "currency": "EUR"},
         {"value": True}),
        ("money", {"amount_min": "10", "amount_max": "15", "currency": "EUR"},
         {"amount": "10", "amount_min": None, "amount_max": None, "currency": "EUR"},
         {"value": False}),
        ("money", {"amount": "5", "currency": None}, {"amount": "5", "currency": None},
         {"value": True}),
        ("money", {"amount": "5", "currency": ["XOF", "XAF"]}, {"amount": "5", "currency": "XAF"},
         {"value": True}),
        ("money", {"amount": "5", "currency_inferred": True},
         {"amount": "5", "currency_inferred": False}, {"value": True, "currency_inferred": False}),
        ("percentage", {"value": "4.2", "unit": "percent", "direction": "up"},
         {"value": "4.20", "unit": "percent", "direction": "up"}, {"value": True}),
        ("percentage", {"value": "0.3", "unit": "points", "direction": "down"},
         {"value": "0.3", "unit": "percent", "direction": "down"}, {"value": False}),
        ("percentage", {"value": "7", "direction": None}, {"value": "7", "direction": "up"},
         {"value": False}),
        ("percentage", {"value": "7"}, {"value": "7", "direction": "up"}, {"value": True}),
        ("date", {"value": "2021-Q3", "grain": "quarter"}, {"value": "2021-Q3", "grain": "quarter"},
         {"value": True, "grain": True}),
        ("date", {"value": ["2021-H2", "2021-07/2021-12"]}, {"value": "2021-07/2021-12"},
         {"value": True}),
        ("date", {"value": "2021-03-02"}, {"value": "2020-03-02"}, {"value": False}),
        ("entity", {"label": "ORG"}, {"label": "PER"}, {"value": False}),
        ("event", {"date": "2021-03-02", "actors": ["Ardoise", "Béton SA"]},
         {"date": "2021-03-02", "actors": ["béton SA", "Ardoise"]}, {"value": True}),
        ("event", {"date": "2021-03-02", "actors": ["Ardoise"]},
         {"date": "2021-03-02", "actors": []}, {"value": False}),
        ("money", {"amount": "1", "metric": "chiffre d'affaires"},
         {"amount": "1", "metric": "Le chiffre d’affaire"}, {"value": True, "metric": True}),
    ],
)  # fmt: skip
def test_value_checks(kind: str, gold: dict[str, Any], got: dict[str, Any], expected: Any) -> None:
    assert value_checks(kind, gold, got) == expected


def test_same_name_is_loose_on_form_but_not_on_identity() -> None:
    assert same_name("Ardoise", "ardoise")
    assert same_name("Ardoise", "l'Ardoise")
    assert not same_name("Ardoise", "Béton SA")
    assert not same_name("Ardoise", None)


def test_match_spans_prefers_exact_then_largest_overlap() -> None:
    assert match_spans([(0, 10)], [(0, 3), (2, 10)]) == [(0, 1, False)]
    assert match_spans([(0, 10), (20, 25)], [(20, 25), (0, 10)]) == [(0, 1, True), (1, 0, True)]
    assert match_spans([(0, 10)], [(10, 12)]) == []


# -- scoring cases --------------------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    case = case_from_dict(money_case())
    got = [rec("money", "3,5 milliards d'euros", amount="3500000000", currency="EUR",
               subject="Ardoise", period="2021")]  # fmt: skip
    report = score([case], [got], kinds=["money"])
    s = report.scores["money"]
    assert (s.gold, s.predicted, s.exact, s.overlap, s.value_ok) == (1, 1, 1, 1, 1)
    assert s.exact_prf == (1.0, 1.0, 1.0)
    assert s.attributes == {"subject": [1, 1], "period": [1, 1]}
    assert report.failures == []


def test_boundary_value_and_attribute_failures_are_listed() -> None:
    case = case_from_dict(money_case())
    got = [rec("money", "3,5 milliards", amount="3500000000", currency=None, subject="Ardoise")]
    report = score([case], [got], kinds=["money"])
    s = report.scores["money"]
    assert (s.exact, s.overlap, s.value_ok) == (0, 1, 0)
    assert s.value_accuracy == 0.0
    problems = sorted(f.problem for f in report.failures)
    assert problems == ["boundary", "period", "value"]
    value = next(f for f in report.failures if f.problem == "value")
    assert value.expected is not None and value.expected["currency"] == "EUR"
    assert value.got is not None and value.got["currency"] is None
    assert "[[3,5 milliards d'euros]]" in value.text


def test_source_is_scored_where_the_gold_gives_it() -> None:
    # Records have no source field yet: a gold source counts as missed, a null one as right.
    text = "Selon l'Insee, les prix ont monté de 2 % en un an. Ardoise vise une marge de 3 %."
    case = case_from_dict({"text": text, "percentages": [
        {"text": "2 %", "value": "2", "source": "Insee"},
        {"text": "3 %", "value": "3", "source": None},
    ]})  # fmt: skip
    got = [rec("percentage", "2 %", text, value="2"), rec("percentage", "3 %", text, value="3")]
    report = score([case], [got], kinds=["percentage"])
    assert report.scores["percentage"].attributes == {"source": [1, 2]}
    [failure] = report.failures
    assert failure.problem == "source" and failure.got == {"text": "2 %", "value": "2"}
    assert "percentage source: 0.500 (1/2)" in report.format()


def test_missed_and_spurious() -> None:
    case = case_from_dict(money_case())
    got = [rec("money", "4 %", amount="4", currency=None)]
    report = score([case], [got], kinds=["money"])
    s = report.scores["money"]
    assert (s.gold, s.predicted, s.overlap) == (1, 1, 0)
    assert s.overlap_prf == (0.0, 0.0, 0.0)
    assert sorted(f.problem for f in report.failures) == ["missed", "spurious"]


def test_absent_kind_is_not_scored_but_empty_list_counts_false_positives() -> None:
    date = rec("date", "en 2021", value="2021", grain="year")
    absent = score([case_from_dict(money_case())], [[date]], kinds=["date"])
    assert absent.scores["date"].predicted == 0 and absent.failures == []
    empty = score([case_from_dict(money_case(dates=[]))], [[date]], kinds=["date"])
    assert empty.scores["date"].predicted == 1
    assert empty.scores["date"].exact_prf[0] == 0.0
    assert [f.problem for f in empty.failures] == ["spurious"]


def test_negatives_and_partial_annotation() -> None:
    text = "Ardoise et Béton SA ont signé à Lyon."
    data = {
        "text": text,
        "entities": [{"text": "Ardoise", "label": "ORG"}],
        "not_entities": ["Lyon"],
        "partial": ["entities"],
    }
    got = [
        rec("entity", "Ardoise", text, label="ORG"),
        rec("entity", "Béton SA", text, label="ORG"),  # unlisted: ignored (partial)
        rec("entity", "Lyon", text, label="LOC"),  # listed as a negative: counted
    ]
    report = score([case_from_dict(data)], [got], kinds=["entity"])
    s = report.scores["entity"]
    assert (s.gold, s.predicted, s.exact) == (1, 2, 1)
    assert [f.problem for f in report.failures] == ["negative"]


def test_events_without_text_match_on_date() -> None:
    text = "Le 2 mars, Ardoise a racheté Béton SA."
    data = {"text": text, "events": [{"date": "2021-03-02", "actors": ["Ardoise", "Béton SA"]}]}
    got = [
        {"kind": "event", "text": text, "start": 0, "end": len(text), "date": "2021-03-02",
         "actors": ["Ardoise"]},
    ]  # fmt: skip
    report = score([case_from_dict(data)], [got], kinds=["event"])
    s = report.scores["event"]
    assert (s.gold, s.predicted, s.overlap, s.value_ok) == (1, 1, 1, 0)


def test_repeated_items_and_occurrences() -> None:
    text = "En 2019 puis en 2019 encore, et en 2020."
    case = case_from_dict(
        {"text": text, "dates": [{"text": "en 2019", "value": "2019", "occurrences": 2},
                                 {"text": "en 2020", "value": "2020"}]}
    )  # fmt: skip
    assert [(i.start, i.end) for i in case.items["date"]] == [(0, 7), (13, 20), (32, 39)]


# -- reading gold files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "gold.jsonl:2: not valid JSON"),
        ('{"money": []}', "gold.jsonl:2: a gold case needs a 'text' string"),
        ('{"text": "Rien.", "money": [{"text": "5 €"}]}',
         "gold.jsonl:2: money[0]: '5 €' is not in the text"),
        ('{"text": "5 €", "money": {"text": "5 €"}}', "gold.jsonl:2: 'money' must be a list"),
        ('{"text": "5 €", "events": [{"actors": []}]}', "gold.jsonl:2: events[0] needs a 'date'"),
    ],
)  # fmt: skip
def test_bad_gold_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "Bon."}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as err:
        read_gold(path)
    assert message.split(": ", 1)[1] in str(err.value)
    assert f"{path}:2" in str(err.value)


def test_reader_skips_comments_and_tolerates_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(
        "// a comment\n\n"
        + json.dumps({"text": "Il paie 5 €.", "money": [{"text": "5 €", "why": "x"}], "tag": 1})
        + "\n",
        encoding="utf-8",
    )
    (case,) = read_gold(path)
    assert case.id == f"{path}:3"
    assert case.items["money"][0].start == 8


def test_cli_reports_bad_gold_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Rien.", "dates": [{"text": "hier"}]}\n', encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    assert f"{path}:1: dates[0]: 'hier' is not in the text" in capsys.readouterr().err


# -- end to end, with the real pipeline -----------------------------------------------------


def test_evaluate_runs_the_pipeline_and_counts_gold(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "mini.jsonl"
    cases = [
        money_case(published="2022-03-01", dates=[{"text": "en 2021", "value": "2021"}]),
        {
            "id": "neg",
            "text": "Le site emploie 1 200 personnes.",
            "money": [],
            "published": "2022-03-01",
        },
    ]
    path.write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8"
    )
    report = evaluate(path, nlp=nlp, kinds=["money", "date"])
    assert report.cases == 2 and report.errors == []
    assert report.scores["money"].gold == 1 and report.scores["date"].gold == 1
    assert "entity" not in report.scores
    payload = report.to_dict()
    assert payload["scores"]["money"]["gold"] == 1
    assert json.loads(json.dumps(payload)) == payload


def test_run_cli_json(nlp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(money_case(published="2022-03-01")) + "\n", encoding="utf-8")
    args = argparse.Namespace(
        gold=[str(path)], kinds="money", failures=True, json=True, model=None, batch_size=8
    )
    assert run_evaluate(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out["scores"]) == ["money"] and "failures" in out


def test_reader_accepts_short_item_forms() -> None:
    case = case_from_dict(
        {"text": "Ardoise ouvre à Lyon.", "entities": [["Ardoise", "ORG"], "Lyon"]}
    )
    items = case.items["entity"]
    assert [(i.text, i.data.get("label")) for i in items] == [("Ardoise", "ORG"), ("Lyon", None)]

"""The scorer of benchmarks/duckling.py on made-up values (no phrase of Duckling's corpus here)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TZ = timezone(timedelta(hours=-2))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "duckling_bench", ROOT / "benchmarks" / "duckling.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["duckling_bench"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def iso(text: str) -> str:
    return datetime.fromisoformat(text).replace(tzinfo=TZ).isoformat()


def val(moment: str, grain: str) -> dict[str, Any]:
    return {"type": "value", "value": iso(moment), "grain": grain}


def itv(start: str | None, end: str | None, grain: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "interval"}
    if start:
        out["from"] = iso(start)
    if end:
        out["to"] = iso(end)
    out["grain"] = grain
    return out


def money(value: float, currency: str) -> dict[str, Any]:
    return {"type": "value", "value": value, "currency": currency}


@pytest.mark.parametrize(
    ("value", "grain", "expected"),
    [
        ("2021-05-03", "day", val("2021-05-03T00:00", "day")),
        ("2021-05", "month", val("2021-05-01T00:00", "month")),
        ("2021", None, val("2021-01-01T00:00", "year")),
        ("2021-W18", "week", val("2021-05-03T00:00", "week")),
        ("2021-Q4", "quarter", val("2021-10-01T00:00", "quarter")),
        ("2021-05-03T18:00", "hour", val("2021-05-03T18:00", "hour")),
        ("2021-05-03T18:20:05", "second",
         val("2021-05-03T18:20:05", "second")),
        # the mention's grain is coarser than what is written: start of that grain
        ("2021-05-05", "week", val("2021-05-03T00:00", "week")),
        # intervals: the inclusive end becomes an exclusive "to" one grain later
        ("2021-05-03/2021-05-09", "day",
         itv("2021-05-03T00:00", "2021-05-10T00:00", "day")),
        ("2021-05-03T14:15/2021-05-03T16:45", "minute",
         itv("2021-05-03T14:15", "2021-05-03T16:46", "minute")),
        ("2021-05-03T14:00/2021-05-03T16:00", "hour",
         itv("2021-05-03T14:00", "2021-05-03T17:00", "hour")),
        ("2021-11/2021-12", "month",
         itv("2021-11-01T00:00", "2022-01-01T00:00", "month")),
        ("2019/2021", "year",
         itv("2019-01-01T00:00", "2022-01-01T00:00", "year")),
        ("2021-05-03/..", "day", itv("2021-05-03T00:00", None, "day")),
        ("../2021-05-03T09", "hour", itv(None, "2021-05-03T10:00", "hour")),
        ("2021-SU", "season", itv("2021-06-21T00:00", "2021-09-24T00:00", "day")),
        ("2021-WI", "season", itv("2021-12-21T00:00", "2022-03-21T00:00", "day")),
        # a value with a UTC offset is converted to the reference's offset (-02:00 here)
        ("2021-05-03T16:00+01:00", "minute", val("2021-05-03T13:00", "minute")),
        ("2021-05-03T01:30Z", "minute", val("2021-05-02T23:30", "minute")),
        ("2021-05-03T14:00-05:00/..", "minute", itv("2021-05-03T17:00", None, "minute")),
        # mixed ends: a day end is read at its own grain even when the mention's is finer
        ("2021-05-03T04:30:00/2021-05-16", "second",
         itv("2021-05-03T04:30:00", "2021-05-17T00:00", "second")),
        ("2021-H7", "half", None),
        ("", "day", None),
        ("hier", None, None),
    ],
)  # fmt: skip
def test_to_duckling(bench: ModuleType, value: str, grain: str | None, expected: Any) -> None:
    assert bench.to_duckling(value, grain, TZ) == expected


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        (money(7, "$"), {"amount": "7", "currency": "AUD"}, True),
        (money(7, "$"), {"amount": "7", "currency": "EUR"}, False),
        (money(7, "£"), {"amount": "7", "currency": "GBP"}, True),
        (money(7, "unknown"), {"amount": "7", "currency": None}, True),
        (money(7, "unknown"), {"amount": "7", "currency": "EUR"}, False),
        (money(2.5, "CHF"), {"amount": "2.50", "currency": "CHF"}, True),
        (money(2.5, "CHF"), {"amount": "25", "currency": "CHF"}, False),
        ({"type": "interval", "min": 3, "max": 9, "currency": "EUR"},
         {"amount": None, "amount_min": "3", "amount_max": "9", "currency": "EUR"}, True),
        ({"type": "interval", "max": 9, "currency": "EUR"},
         {"amount": "9", "amount_min": None, "amount_max": "9", "currency": "EUR"}, True),
        ({"type": "interval", "max": 9, "currency": "EUR"},
         {"amount": "9", "amount_min": None, "amount_max": None, "currency": "EUR"}, False),
    ],
)  # fmt: skip
def test_same_money(
    bench: ModuleType, expected: dict[str, Any], got: dict[str, Any], ok: bool
) -> None:
    assert bench.same_money(expected, got) is ok


def _line(text: str, expected: dict[str, Any], dimension: str = "time") -> dict[str, Any]:
    return {"id": "x", "text": text, "dimension": dimension, "group": 3, "expected": expected}


def test_score_phrase_span_value_strict(bench: ModuleType) -> None:
    text = "vers le 3 mai"
    expected = val("2021-05-03T00:00", "day")
    whole = {
        "kind": "date",
        "text": text,
        "start": 0,
        "end": len(text),
        "value": "2021-05-03",
        "grain": "day",
    }
    part = {**whole, "start": 5, "text": "le 3 mai"}
    wrong = {**whole, "value": "2021-05-04"}

    r = bench.score_phrase(_line(text, expected), [whole], TZ)
    assert (r.span, r.value, r.strict) == (True, True, True)
    r = bench.score_phrase(_line(text, expected), [part], TZ)
    assert (r.span, r.value, r.strict) == (False, False, False)
    r = bench.score_phrase(_line(text, expected), [wrong], TZ)
    assert (r.span, r.value, r.strict) == (True, False, False)
    # first whole-phrase record decides the value; a second one breaks strictness
    r = bench.score_phrase(_line(text, expected), [whole, wrong], TZ)
    assert (r.span, r.value, r.strict) == (True, True, False)


def test_score_phrase_money(bench: ModuleType) -> None:
    text = "douze francs suisses"
    expected = {"type": "value", "value": 12, "currency": "CHF"}
    rec = {
        "kind": "money",
        "text": text,
        "start": 0,
        "end": len(text),
        "amount": "12",
        "currency": "CHF",
    }
    r = bench.score_phrase(_line(text, expected, "amount-of-money"), [rec], TZ)
    assert (r.span, r.value, r.strict) == (True, True, True)


def test_duckling_figures_are_the_published_ones(bench: ModuleType) -> None:
    assert bench.DUCKLING == {"money": (37, 37), "time": (460, 465), "negatives": (8, 8)}
    assert bench.DEFAULT_PATH.parts[-3:] == ("shared", "peer-suites", "duckling-fr")


class _Facts:
    def __init__(self, text: str) -> None:
        self.text, self.error = text, None

    def to_dicts(self) -> list[dict[str, Any]]:
        return [{"kind": "date", "text": self.text}]


def test_extract_guarded_survives_a_hanging_item(bench: ModuleType) -> None:
    def fake_extract_many(batch: list[dict[str, Any]], **_: Any) -> Any:
        for item in batch:
            while item["text"] == "boucle":  # a pipeline stuck in a loop on this one
                pass
            yield _Facts(item["text"])

    items = [{"text": t} for t in ("un", "boucle", "deux")]
    out = bench.extract_guarded(fake_extract_many, items, None, chunk=8, seconds=1)
    assert [records for records, _ in out] == [[{"kind": "date", "text": "un"}], [],
                                               [{"kind": "date", "text": "deux"}]]  # fmt: skip
    assert [error is None for _, error in out] == [True, False, True]

"""Property-based tests: random French-like number soup never breaks the record contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import factex
from factex.run.chunking import split_text
from factex.run.masking import mask

try:
    from factex.normalize.timex import is_timex
except ImportError:  # pragma: no cover - the dates module provides it
    import re

    _TIMEX = re.compile(r"(\.\.|\d{4}(-[\w]+)*(T[\d:]+)?)(/(\.\.|\d{4}(-[\w]+)*(T[\d:]+)?))?")

    def is_timex(value: object) -> bool:
        return isinstance(value, str) and bool(_TIMEX.fullmatch(value))


NBSP, NNBSP = "\u00a0", "\u202f"
SEPARATORS = [" ", NBSP, NNBSP, ",", ".", " ", "'", "’", "-", "/", "\n", "\n\n"]
WORDS = [
    # currencies and signs
    "€", "$", "£", "CHF", "euros", "d'euros", "dollars", "de dollars", "francs", "yens", "M€", "k€",
    # scales, percent
    "millions", "milliard", "milliards", "mille", "Md€", "%", "pour cent", "points", "point",
    # months, days, periods
    "janvier", "février", "mars", "juillet", "août", "décembre", "lundi", "mardi", "trimestre",
    "semestre", "l'an dernier", "hier", "en", "le", "depuis", "entre", "et", "à", "de", "du",
    # news words
    "Renault", "hausse", "baisse", "de plus de", "environ", "chiffre d'affaires", "a gagné", ".",
]  # fmt: skip
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=7)
PIECES = st.one_of(DIGITS, DIGITS, st.sampled_from(WORDS), st.sampled_from(SEPARATORS))
SOUP = st.lists(PIECES, min_size=1, max_size=40).map(lambda parts: " ".join(parts))
# Any reference date, years before 1000 included (their TIMEX years are zero-padded).
PUBLISHED = st.one_of(
    st.none(), st.dates(date(1, 1, 1), date(9998, 12, 31)).map(lambda d: d.isoformat())
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=600, deadline=None)


def check_records(text: str, facts: factex.Facts) -> None:
    assert facts.error is None
    previous = (-1, 0)
    for record in facts:
        assert text[record.start : record.end] == record.text
        assert (record.start, -record.end) >= previous  # in text order
        previous = (record.start, -record.end)
        check_values(record)


def amount_ok(value: Any) -> bool:
    return value is None or (isinstance(value, Decimal) and value.is_finite() and value >= 0)


def check_values(record: Any) -> None:
    if record.kind == "money":
        assert all(amount_ok(v) for v in (record.amount, record.amount_min, record.amount_max))
        code = record.currency
        assert code is None or (len(code) == 3 and code.isascii() and code.isupper())
        row = record.to_dict()
        assert all("E" not in (row[k] or "") for k in ("amount", "amount_min", "amount_max"))
    elif record.kind == "percentage":
        if record.value is None:  # a range: one record with both bounds, low to high
            low, high = record.value_min, record.value_max
            assert isinstance(low, Decimal) and isinstance(high, Decimal), record
            assert low.is_finite() and high.is_finite() and low <= high, record
        else:
            assert isinstance(record.value, Decimal) and record.value.is_finite()
        assert record.unit in ("percent", "points")
        assert record.direction in (None, "up", "down")
    elif record.kind == "date":
        assert record.value is None or is_timex(record.value), record.value
    elif record.kind == "event":
        assert is_timex(record.date), record.date


@FAST
@given(text=SOUP, published=PUBLISHED)
def test_extract_keeps_the_contract(nlp: Language, text: str, published: str | None) -> None:
    check_records(text, factex.extract(text, published=published, nlp=nlp))


@FAST
@given(texts=st.lists(SOUP, min_size=1, max_size=6))
def test_extract_many_equals_extract(nlp: Language, texts: list[str]) -> None:
    many = list(factex.extract_many(texts, published="2020-02-29", nlp=nlp, batch_size=3))
    alone = [factex.extract(t, published="2020-02-29", nlp=nlp) for t in texts]
    assert [f.records for f in many] == [f.records for f in alone]


def test_reference_date_before_year_1000(nlp: Language) -> None:
    text = "167759 du \xa0 mars yens"
    check_records(text, factex.extract(text, published="0211-07-29", nlp=nlp))


# -- pure functions, many more examples ---------------------------------------------------
@MANY
@given(text=st.text(max_size=300), limit=st.integers(min_value=2, max_value=80))
def test_split_text_covers_the_text(text: str, limit: int) -> None:
    pieces = list(split_text(text, limit))
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece and len(piece) <= limit


@MANY
@given(text=st.text(max_size=300) | SOUP)
def test_mask_keeps_length_and_visible_text(text: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    for before, after in zip(text, masked, strict=True):
        assert after == before or after in (" ", "\n", "\ufffd")


money = pytest.importorskip("factex.normalize.money")
percent = pytest.importorskip("factex.normalize.percent")
numbers = pytest.importorskip("factex.normalize.numbers")


@MANY
@given(text=SOUP)
def test_find_money_values(text: str) -> None:
    for m in money.find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert all(amount_ok(v) for v in (m.amount, m.amount_min, m.amount_max))
        assert m.currency is None or (len(m.currency) == 3 and m.currency.isupper())
        row = m.as_dict()
        assert all("E" not in (row[k] or "") for k in ("amount", "amount_min", "amount_max"))


@MANY
@given(text=SOUP)
def test_find_percentages_values(text: str) -> None:
    for p in percent.find_percentages(text):
        assert 0 <= p.start < p.end <= len(text)
        assert isinstance(p.value, Decimal) and p.value.is_finite()
        assert p.as_dict()["unit"] in ("percent", "points")


@MANY
@given(
    text=st.lists(st.one_of(DIGITS, st.sampled_from(SEPARATORS[:9])), min_size=1, max_size=12)
    .map("".join)
)
def test_parse_digits_is_a_decimal_or_none(text: str) -> None:
    value = numbers.parse_digits(text)
    assert value is None or (isinstance(value, Decimal) and value.is_finite())

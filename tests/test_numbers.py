"""French numerals: digits with French separators and number words, to exact Decimals."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from factex.normalize.money import find_money
from factex.normalize.numbers import (
    DIGITS,
    parse_digits,
    parse_number,
    parse_words,
    plain,
    scaled_units,
    words_pattern,
)

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("39,9", "39.9"),
        ("12,5", "12.5"),
        ("0,4", "0.4"),
        ("1 000 000", "1000000"),
        (f"1{NBSP}000{NBSP}000", "1000000"),
        (f"250{NNBSP}000", "250000"),
        ("1.000.000", "1000000"),
        ("10.000", "10000"),
        ("10 000,00", "10000"),
        ("1.5", "1.5"),
        ("1'000", "1000"),
        ("1’000", "1000"),
        ("2017", "2017"),
        ("0,125", "0.125"),
        ("12,345", "12.345"),
        ("1,000", "1"),
        ("1 234,567", "1234.567"),
        ("1.234,5", "1234.5"),
        (f"1{NNBSP}234,56", "1234.56"),
    ],
)
def test_parse_digits(text: str, expected: str) -> None:
    value = parse_digits(text)
    assert value is not None
    assert plain(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un", 1),
        ("une", 1),
        ("dix", 10),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("vingt-et-un", 21),
        ("trente-cinq", 35),
        ("soixante et onze", 71),
        ("soixante-dix-neuf", 79),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("cent", 100),
        ("cent un", 101),
        ("deux cents", 200),
        ("mille", 1000),
        ("deux mille", 2000),
        ("vingt et un mille", 21000),
        ("trois cent mille", 300000),
        ("deux cent trois mille quatre cents", 203400),
        ("Cinquante", 50),
        ("septante", 70),
        ("nonante-neuf", 99),
    ],
)
def test_parse_words(text: str, expected: int) -> None:
    assert parse_words(text) == expected


@pytest.mark.parametrize(
    "text",
    ["beaucoup", "deux roues", "", "et", "milliard", "cinq et dix", "un et deux", "vingt et",
     "et un", "dix et un", "vingt et deux"],
)
def test_parse_words_rejects(text: str) -> None:
    assert parse_words(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "deux virgule cinq",
            Decimal("2.5"),
            marks=pytest.mark.xfail(strict=True, reason="spoken decimals are not read"),
        ),
    ],
)
def test_parse_words_known_misses(text: str, expected: object) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deux millions et demi", "2500000"),
        ("quatre milliards et demi", "4500000000"),
        ("un milliard et demi", "1500000000"),
        ("1 milliard et demi", "1500000000"),
        ("1,5 milliard", "1500000000"),
        ("trois millions et demie", "3500000"),
        ("deux mille et demi", "2500"),
        ("un million deux cent mille", "1200000"),
        ("3 milliards 200 millions", "3200000000"),
        ("Deux Millions", "2000000"),
        ("un demi-milliard", "500000000"),
    ],
)
def test_parse_number_with_scale_words(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert plain(value) == expected


@pytest.mark.parametrize(
    "text",
    ["millions et demi", "deux millions et demi de personnes", "un million et demi 300",
     "deux millions trois millions", "2,5 millions et demi"],
)
def test_parse_number_with_scale_words_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("number", "factor", "fraction", "rest", "expected"),
    [
        ("4", "1000000000", "demi", None, "4.5"),
        ("1", "1000000", "Demie", None, "1.5"),
        ("1", "1000000", None, "200000", "1.2"),
        ("3", "1000000000", None, "200000000", "3.2"),
        ("2.5", "1000000", None, None, "2.5"),
        ("2.5", "1000000", "demi", None, None),
        ("2", "1000000", "demi", "300", None),
        ("2", "1000000", None, "1000000", None),
    ],
)
def test_scaled_units(
    number: str, factor: str, fraction: str | None, rest: str | None, expected: str | None
) -> None:
    units = scaled_units(
        Decimal(number), Decimal(factor), fraction, None if rest is None else Decimal(rest)
    )
    assert (None if units is None else plain(units)) == expected


@pytest.mark.parametrize(
    "words",
    ["quatre milliards et demi", "un million et demi", "2 millions et demie",
     "un million deux cent mille", "3 milliards 200 millions", "deux millions et demi 300",
     "2,5 millions et demi"],
)
def test_money_reads_scale_words_as_parse_number_does(words: str) -> None:
    # one reading of "et demi" and of a rest below the scale, whoever asks
    text = f"Le budget atteint {words} euros."
    whole = [m.amount for m in find_money(text) if text[m.start : m.end] == f"{words} euros"]
    number = parse_number(words)
    assert whole == ([] if number is None else [number])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("39.9") * 1_000_000_000, "39900000000"),
        (Decimal("1E+3"), "1000"),
        (Decimal("10000.00"), "10000"),
        (Decimal("0.50"), "0.5"),
        (Decimal("0"), "0"),
        (Decimal("250") * Decimal("1000000000000"), "250000000000000"),
    ],
)
def test_plain_never_uses_exponents(value: Decimal, expected: str) -> None:
    assert plain(value) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("entre cinq et dix", ["cinq", "dix"]),
        ("Vingt et un, soixante-et-onze, mille et une", ["Vingt et un", "soixante-et-onze",
                                                         "mille et une"]),
        ("entre un et deux millions", ["un", "deux"]),
        ("trente et deux", ["trente", "deux"]),
    ],
)
def test_words_pattern_joins_only_tens_and_one(text: str, found: list[str]) -> None:
    assert re.findall(words_pattern(), text, re.IGNORECASE) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("soit 1 000 000 d'habitants", ["1 000 000"]),
        ("en 2018 100 personnes", ["2018", "100"]),
        ("le 01 45 67 89 10", ["01", "45", "67", "89", "10"]),
        ("39,9 et 1.000.000 et 10.5", ["39,9", "1.000.000", "10.5"]),
        ("1 0000", ["1", "0000"]),
    ],
)
def test_digits_pattern_boundaries(text: str, found: list[str]) -> None:
    assert re.findall(DIGITS, text) == found

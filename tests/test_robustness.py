"""Odd input gives sane records: spaces of every kind, invisible characters, markup, noise."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from spacy.language import Language

import factex
from factex.facts import Facts

NBSP, NNBSP, ZWSP, ZWJ = "\u00a0", "\u202f", "\u200b", "\u200d"
BOM, LRM, RLM = "\ufeff", "\u200e", "\u200f"
PUBLISHED = "2021-06-01"

ODD_TEXTS = {
    "nbsp-thousands": f"Le chiffre d'affaires atteint 1{NNBSP}250{NBSP}000{NBSP}€ cette année.",
    "nbsp-percent": f"Les ventes progressent de 12,5{NNBSP}% sur un an et de 3{NBSP}% sur un mois.",
    "nbsp-scale": f"La start-up a levé 2,5{NBSP}millions{NBSP}d'euros en mai 2021.",
    "zero-width": f"{BOM}Le groupe Total a gagné 5 millions d'euros{ZWSP} en 2019{ZWJ}.",
    "zero-width-in-number": f"Le devis s'élève à 4{ZWSP}500 euros.",
    "emoji": "🚀 SpaceX a levé 2 milliards de dollars 💰 en 2021 ! 📈 Une hausse de 15 %.",
    "rtl-marks": f"{RLM}Le ticket coûte 30 €{LRM}, selon la mairie, depuis le 3 mars 2020.",
    "control": "Le CAC 40\x00 a gagné 2 %\x0b jeudi.\x0cLe 5 mai 2020, 10 € de plus.",
    "html": "<p>Le budget s'élève à <b>4,5 milliards d'euros</b> en 2020.</p><br/>",
    "html-attributes": '<div class="chapo">La dette atteint <span id="x">98 %</span> du PIB.</div>',
    "english": "The company raised $5 million in 2020, up 12% from last year.",
    "bare-numbers": "12,5 3,4 2019 1 000 000",
    "number-run": " ".join(["12,5 3,4 2019 1 000 000 7 8,25 0,5"] * 200),
    "punctuation": "....!!!???«»—–…;;::",
    "surrogate": "Le ticket\ud800 coûte 3 €.",
    "tabs": "Le\tticket\tcoûte\t3\t€.",
    "crlf": "Le ticket coûte 3 €.\r\nLe 2 mai 2019, il a doublé.\r\n",
    "one-huge-token": "x" * 150_000,
}
EMPTY_TEXTS = ["", " ", "\n\n\t ", NBSP + NNBSP, ZWSP * 3, "<p></p>", "\x00"]


def check_sane(text: str, facts: Facts) -> None:
    """The record contract, whatever the input."""
    assert facts.error is None
    for record in facts:
        assert text[record.start : record.end] == record.text, record
        assert 0 <= record.start < record.end <= len(text)
        if record.kind == "money":
            for value in (record.amount, record.amount_min, record.amount_max):
                assert value is None or (isinstance(value, Decimal) and value.is_finite())
                assert value is None or value >= 0
            code = record.currency
            assert code is None or (len(code) == 3 and code.isalpha() and code.isupper())
        if record.kind == "percentage":  # a range has no single value, both its bounds
            values = [record.value] if record.value is not None else [record.value_min,
                                                                      record.value_max]
            assert all(isinstance(v, Decimal) and v.is_finite() for v in values), record


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gives_sane_records(nlp: Language, name: str) -> None:
    text = ODD_TEXTS[name]
    check_sane(text, factex.extract(text, published=PUBLISHED))


@pytest.mark.parametrize("text", EMPTY_TEXTS)
def test_nothing_in_gives_nothing_out(nlp: Language, text: str) -> None:
    facts = factex.extract(text, published=PUBLISHED)
    assert list(facts) == [] and facts.error is None


def found(name: str) -> Facts:
    text = ODD_TEXTS[name]
    facts = factex.extract(text, published=PUBLISHED)
    check_sane(text, facts)
    return facts


def money(facts: Facts) -> list[tuple[str, Decimal | None, str | None]]:
    return [(m.text, m.amount, m.currency) for m in facts.money]


def test_no_break_spaces_inside_amounts(nlp: Language) -> None:
    assert money(found("nbsp-thousands")) == [
        (f"1{NNBSP}250{NBSP}000{NBSP}€", Decimal("1250000"), "EUR")
    ]
    assert money(found("nbsp-scale")) == [
        (f"2,5{NBSP}millions{NBSP}d'euros", Decimal("2500000"), "EUR")
    ]


def test_no_break_spaces_before_percent(nlp: Language) -> None:
    facts = found("nbsp-percent")
    assert [(p.text, p.value) for p in facts.percentages] == [
        (f"12,5{NNBSP}%", Decimal("12.5")),
        (f"3{NBSP}%", Decimal("3")),
    ]


def test_invisible_characters_stay_out_of_records(nlp: Language) -> None:
    facts = found("zero-width")
    assert money(facts) == [("5 millions d'euros", Decimal("5000000"), "EUR")]
    assert [(d.text, d.value) for d in facts.dates] == [("en 2019", "2019")]
    invisible = (ZWSP, ZWJ, BOM)
    assert not any(r.text.startswith(invisible) or r.text.endswith(invisible) for r in facts)


def test_zero_width_space_as_a_thousands_separator(nlp: Language) -> None:
    assert money(found("zero-width-in-number")) == [
        (f"4{ZWSP}500 euros", Decimal("4500"), "EUR")
    ]


def test_emoji_and_bidirectional_marks(nlp: Language) -> None:
    facts = found("emoji")
    assert money(facts) == [("2 milliards de dollars", Decimal("2000000000"), "USD")]
    assert [p.value for p in facts.percentages] == [Decimal("15")]
    facts = found("rtl-marks")
    assert money(facts) == [("30 €", Decimal("30"), "EUR")]
    assert [d.value[:10] for d in facts.dates] == ["2020-03-03"]  # "depuis": maybe open-ended


def test_control_characters(nlp: Language) -> None:
    facts = found("control")
    assert [p.value for p in facts.percentages] == [Decimal("2")]
    assert money(facts) == [("10 €", Decimal("10"), "EUR")]
    assert "2020-05-05" in [d.value for d in facts.dates]


def test_markup_stays_out_of_records(nlp: Language) -> None:
    facts = found("html")
    assert money(facts) == [("4,5 milliards d'euros", Decimal("4500000000"), "EUR")]
    assert [(d.text, d.value) for d in facts.dates] == [("en 2020", "2020")]
    facts = found("html-attributes")
    assert [(p.text, p.value) for p in facts.percentages] == [("98 %", Decimal("98"))]
    for name in ("html", "html-attributes"):
        # An event is a clause and may span a tag; a value or a name never does.
        values = [r for r in found(name) if r.kind != "event"]
        assert not any("<" in r.text or ">" in r.text for r in values)


@pytest.mark.parametrize("name", ["bare-numbers", "number-run"])
def test_bare_numbers_are_not_dates_nor_money(nlp: Language, name: str) -> None:
    facts = found(name)
    assert facts.dates == [] and facts.money == [] and facts.events == []


def test_unpaired_surrogate_does_not_reach_spacy(nlp: Language) -> None:
    facts = found("surrogate")
    assert money(facts) == [("3 €", Decimal("3"), "EUR")]


def test_line_endings_and_tabs(nlp: Language) -> None:
    assert money(found("tabs")) == [("3\t€", Decimal("3"), "EUR")]
    facts = found("crlf")
    assert money(facts) == [("3 €", Decimal("3"), "EUR")]
    assert [d.value for d in facts.dates] == ["2019-05-02"]


def test_bad_items_in_a_batch_are_recorded_with_the_odd_texts(nlp: Language) -> None:
    items = [*ODD_TEXTS.values(), None, *EMPTY_TEXTS]
    results = list(factex.extract_many(items, published=PUBLISHED, on_error="record"))
    assert len(results) == len(items)
    assert [r.error is not None for r in results] == [i is None for i in items]
    for text, facts in zip(items, results, strict=True):
        if text is not None:
            check_sane(text, facts)


def test_a_long_run_of_digits_is_quick(nlp: Language) -> None:
    # Was quadratic in factex_money (50 000 digits took minutes): fixed in 7d0d835.
    text = "0123456789" * 5_000
    started = time.perf_counter()
    facts = factex.extract(text, published=PUBLISHED)
    elapsed = time.perf_counter() - started
    check_sane(text, facts)
    assert elapsed < 2.0, f"{elapsed:.1f} s for {len(text)} digits"


@pytest.mark.parametrize("published", ["0004-01-01", "9999-12-31"])
def test_a_reference_at_the_edge_of_the_calendar_gives_no_value_rather_than_an_error(
    nlp: Language, published: str
) -> None:
    # a month, a weekday or a span counted past year 9999 (or before year 1) has no value
    text = "En janvier, puis lundi prochain et dans trois ans."
    facts = factex.extract(text, published=published, nlp=nlp)
    assert len(facts.dates) == 3
    assert all(d.value is None or d.value[:4].isdigit() for d in facts.dates)

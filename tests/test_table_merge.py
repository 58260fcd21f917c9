"""FactTable on hand-built records: merging, rounding and conflicts, without spaCy."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from factex.facts import Facts
from factex.records import Entity, Money, Percentage, Record
from factex.table import FactTable, Row

D = Decimal


def money(
    text: str,
    amount: str | None,
    subject: str | None = "Nordial",
    metric: str | None = "chiffre d'affaires",
    period: str | None = "2023",
    currency: str | None = "EUR",
    start: int = 0,
    low: str | None = None,
) -> Money:
    return Money(
        text, start, start + len(text), text, None if amount is None else D(amount), currency,
        amount_min=None if low is None else D(low), subject=subject, metric=metric, period=period,
    )  # fmt: skip


def pct(
    value: str, direction: str | None, unit: str = "percent", subject: str = "Nordial"
) -> Percentage:
    return Percentage(f"{value} %", 0, 5, "", D(value), unit, direction, subject, "ventes", "2023")


def doc(id: str | None, *records: Record, text: str = "") -> Facts:
    return Facts(text, records, id=id)


def ten(id: str, **links: str | None) -> Facts:
    """A document that tells one figure, 10 EUR, with the given links."""
    return doc(id, money("10 €", "10", **links))  # type: ignore[arg-type]


def one(table: FactTable) -> Row:
    assert len(table) == 1, table.rows
    return table.rows[0]


# -- rounding -------------------------------------------------------------------------------


def test_fewer_digits_agree_with_the_value_they_round() -> None:
    row = one(FactTable.from_facts([
        doc("a", money("5,7 milliards", "5700000000")),
        doc("b", money("5 690 millions", "5690000000")),
    ]))  # fmt: skip
    assert (row.value, row.sources, row.agree, row.conflict) == (D("5690000000"), 2, 2, False)
    assert row.dissent == () and row.conflict_values == ()


@pytest.mark.parametrize(("a", "b"), [("4200000000", "4500000000"), ("540000000", "450000000")])
def test_values_beyond_rounding_conflict(a: str, b: str) -> None:
    row = one(FactTable.from_facts([
        doc("a", money("x", a)), doc("b", money("x", a)), doc("c", money("x", b)),
    ]))  # fmt: skip
    assert (row.value, row.agree, row.conflict, row.dissent) == (D(a), 2, True, ("c",))
    assert row.conflict_values == tuple(sorted((D(a), D(b))))


def test_a_rounding_that_goes_the_wrong_way_conflicts() -> None:
    # 5,64 milliards rounds to 5,6, not 5,7
    row = one(FactTable.from_facts([
        doc("a", money("5,7 milliards", "5700000000")),
        doc("b", money("5 640 millions", "5640000000")),
    ]))  # fmt: skip
    assert row.conflict


def test_a_bound_agrees_with_the_values_inside_it() -> None:
    row = one(FactTable.from_facts([
        doc("a", money("plus de 4 milliards", None, low="4000000000")),
        doc("b", money("4,2 milliards", "4200000000")),
    ]))  # fmt: skip
    assert (row.value, row.agree, row.conflict) == (D("4200000000"), 2, False)


def test_directions_are_signs() -> None:
    table = FactTable.from_facts([
        doc("a", pct("2.5", "down")), doc("b", pct("2.5", "down")), doc("c", pct("2.5", "up")),
    ])  # fmt: skip
    row = one(table)
    assert (row.value, row.direction, row.agree, row.dissent) == (D("2.5"), "down", 2, ("c",))
    assert row.conflict_values == (D("-2.5"), D("2.5"))


def test_points_percentages_and_currencies_are_separate_rows() -> None:
    table = FactTable.from_facts([
        doc("a", pct("1.2", "up"), pct("1.2", "up", unit="points"),
            money("x", "10", currency="EUR"), money("y", "10", currency="USD", start=9)),
    ])  # fmt: skip
    assert sorted((r.kind, r.unit) for r in table) == [
        ("money", "EUR"), ("money", "USD"), ("percentage", "percent"), ("percentage", "points"),
    ]  # fmt: skip
    assert {r.currency for r in table if r.kind == "money"} == {"EUR", "USD"}


# -- one article ----------------------------------------------------------------------------


def test_a_figure_told_twice_in_an_article_is_one_observation() -> None:
    headline = money("4 milliards", "4000000000", subject=None, period=None)
    body = money("4,2 milliards", "4200000000", start=100)
    row = one(FactTable.from_facts([doc("a", headline, body)]))
    assert (row.value, row.sources, row.period) == (D("4200000000"), 1, "2023")
    assert row.mentions == (("a", 0, 11), ("a", 100, 113))


def test_two_figures_in_an_article_are_two_observations() -> None:
    row = one(FactTable.from_facts([
        doc("a", money("4,2 milliards", "4200000000"),
            money("4,5 milliards", "4500000000", start=50)),
    ]))  # fmt: skip
    assert (row.sources, row.conflict) == (1, True)


def test_unknown_links_stay_in_their_document() -> None:
    table = FactTable.from_facts([
        ten("a", subject=None), ten("b", subject=None), ten("c", period=None),
        ten("d", period=None), ten("e", metric=None), ten("f", metric=None),
    ])  # fmt: skip
    assert [r.documents for r in table] == [(d,) for d in "abcdef"]


def test_documents_without_id_are_numbered_and_errors_skipped() -> None:
    failed = Facts("", (), id="bad", error="ValueError: ...")
    row = one(
        FactTable.from_facts([doc(None, money("x", "10")), failed, doc(None, money("x", "10"))])
    )
    assert row.documents == (0, 2)


# -- metrics and subjects -------------------------------------------------------------------


def test_metric_words_meet_on_their_key() -> None:
    row = one(FactTable.from_facts([
        ten("a", metric="chiffre d'affaires"), ten("b", metric="CA"),
        ten("c", metric="ventes"), ten("d", metric="revenus"),
    ]))  # fmt: skip
    assert (row.metric_key, row.metric, row.sources) == ("revenue", "chiffre d'affaires", 4)


def test_metrics_without_key_meet_on_their_words() -> None:
    table = FactTable.from_facts([
        ten("a", metric="nombre d'abonnés"), ten("b", metric="Nombre d’abonnés"),
    ])  # fmt: skip
    row = one(table)
    assert (row.metric_key, row.metric, row.sources) == (None, "nombre d'abonnés", 2)


def test_initials_merge_a_short_form() -> None:
    table = FactTable.from_facts([
        ten("a", subject="Hewlett-Packard"), ten("b", subject="HP"),
        ten("c", subject="HEWLETT-PACKARD"),
    ])  # fmt: skip
    row = one(table)
    assert (row.subject, row.sources, row.aliases) == (
        "Hewlett-Packard",
        3,
        ("HP", "HEWLETT-PACKARD"),
    )


def test_ambiguous_initials_and_prefixes_do_not_merge() -> None:
    table = FactTable.from_facts([
        ten("a", subject="Banque de France"), ten("b", subject="Bouygues Foncier"),
        ten("c", subject="BF"), ten("d", subject="Orange"),
        ten("e", subject="Orange Côte d'Ivoire"),
    ])  # fmt: skip
    assert len(table) == 5


def test_a_definition_in_one_article_merges_everywhere() -> None:
    text = "Le groupe Orange Côte d'Ivoire (OCI) publie ses comptes."
    org = Entity("Orange Côte d'Ivoire", 10, 30, text, "ORG", "Orange Côte d'Ivoire")
    table = FactTable.from_facts([
        doc("a", org, text=text), ten("b", subject="OCI"),
        ten("c", subject="Orange Côte d'Ivoire"), ten("d", subject="Orange"),
    ])  # fmt: skip
    assert sorted((r.subject, r.documents) for r in table) == [
        ("Orange", ("d",)), ("Orange Côte d'Ivoire", ("b", "c")),
    ]  # fmt: skip


def test_persons_give_no_initials() -> None:
    text = "Claire Dumont"
    person = Entity(text, 0, 13, text, "PER", text)
    table = FactTable.from_facts([
        doc("a", person, money("x", "10", subject="Claire Dumont"), text=text),
        ten("b", subject="CD"),
    ])  # fmt: skip
    assert len(table) == 2


@dataclass(frozen=True, slots=True)
class _Rate(Money):
    per: str | None = None


def test_per_is_part_of_the_row() -> None:
    per_share = _Rate("1,20 €", 0, 6, "", D("1.2"), "EUR", subject="Nordial", metric="dividende",
                      period="2023", per="action")  # fmt: skip
    total = money("400 millions", "400000000", metric="dividende", start=20)
    table = FactTable.from_facts([doc("a", per_share, total)])
    assert sorted((r.per or "", r.value) for r in table) == [("", D("4E8")), ("action", D("1.2"))]
    assert not table.conflicts


def test_parquet_values_are_plain_decimal_strings() -> None:
    from factex.table.facttable import _arrow

    # a Decimal may carry an exponent ("4.2E+9" after arithmetic): Parquet gets the digits
    assert _arrow("value", Decimal("4.2E+9")) == "4200000000"
    assert _arrow("conflict_values", (Decimal("4.2E+9"), Decimal("4213000000"))) == [
        "4200000000", "4213000000",
    ]

"""A figure told in the headline, the lede and the body is one record with every telling's offsets.

Articles written for these tests; each mechanism has its negative: another year, another
measure, a rounded headline, and a bare percentage too common to be folded on its value alone.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language

import factex
from factex.evaluation.gold import case_from_dict
from factex.evaluation.score import score
from factex.records import Money

ARTICLE = """Brovane : un chiffre d'affaires de 640 millions d'euros en 2024

Le groupe industriel Brovane a réalisé en 2024 un chiffre d'affaires de 640 millions d'euros, \
a-t-il annoncé lundi.

Ces 640 millions d'euros de chiffre d'affaires proviennent pour moitié de l'export. Brovane a \
par ailleurs versé 640 millions d'euros de dividendes en 2024."""


def _money(nlp: Language, text: str) -> list[Money]:
    return factex.extract(text, published="2025-03-10", nlp=nlp).money


def test_a_figure_told_three_times_is_one_record_with_three_mentions(nlp: Language) -> None:
    money = _money(nlp, ARTICLE)
    told = [m for m in money if m.amount == Decimal("640000000") and len(m.mentions) > 1]
    assert len(told) == 1
    record = told[0]
    assert record.start == ARTICLE.index("640 millions")  # the headline: the first telling
    assert len(record.mentions) == 3
    for start, end in record.mentions:
        assert ARTICLE[start:end] == "640 millions d'euros"


def test_the_same_amount_for_another_measure_stays_apart(nlp: Language) -> None:
    money = _money(nlp, ARTICLE)
    dividends = ARTICLE.index("640 millions d'euros de dividendes")
    alone = [m for m in money if m.start == dividends]
    assert len(alone) == 1 and alone[0].mentions == ((alone[0].start, alone[0].end),)
    assert sum(len(m.mentions) for m in money) == ARTICLE.count("640 millions")  # none lost


def test_a_rounded_headline_is_not_folded_into_the_exact_figure(nlp: Language) -> None:
    text = (
        "Les ventes de Quillard dépassent 2 milliards d'euros\n\n"
        "Le chiffre d'affaires de Quillard a atteint 2,04 milliards d'euros en 2024."
    )
    money = _money(nlp, text)
    assert sorted(m.amount for m in money) == [Decimal("2000000000"), Decimal("2040000000")]
    assert all(len(m.mentions) == 1 for m in money)


def test_a_bare_percentage_is_not_folded_on_its_value_alone(nlp: Language) -> None:
    text = (
        "Le chiffre d'affaires d'Ostreva a progressé de 3 % en 2024. "
        "Les effectifs ont augmenté de 3 % sur la même période."
    )
    facts = factex.extract(text, published="2025-02-01", nlp=nlp)
    assert len(facts.percentages) == 2
    assert all(len(p.mentions) == 1 for p in facts.percentages)


def test_a_named_rate_retold_is_one_record(nlp: Language) -> None:
    text = (
        "Le taux de chômage recule à 6,8 %\n\n"
        "Le taux de chômage a reculé à 6,8 % au troisième trimestre, selon l'institut. "
        "Il était de 7,1 % un an plus tôt."
    )
    facts = factex.extract(text, published="2025-11-14", nlp=nlp)
    values = sorted((p.value, len(p.mentions)) for p in facts.percentages)
    assert values == [(Decimal("6.8"), 2), (Decimal("7.1"), 1)]
    rate = next(p for p in facts.percentages if p.value == Decimal("6.8"))
    assert rate.metric_key == "unemployment"


def test_mentions_survive_json_and_the_scorer_counts_every_telling(nlp: Language) -> None:
    facts = factex.extract(ARTICLE, published="2025-03-10", nlp=nlp)
    again = factex.Facts.from_json(facts.to_json())
    assert [m.mentions for m in again.money] == [m.mentions for m in facts.money]
    at = [i for i in range(len(ARTICLE)) if ARTICLE.startswith("640 millions d'euros", i)]
    gold = case_from_dict({
        "id": "brovane",
        "text": ARTICLE,
        "money": [{"text": "640 millions d'euros", "start": i, "amount": "640000000",
                   "currency": "EUR"} for i in at],
    })  # fmt: skip
    report = score([gold], [facts.to_dicts()], kinds=["money"])
    assert report.scores["money"].overlap == len(at) == 4


def test_the_telling_that_writes_its_links_gives_them() -> None:
    from dataclasses import replace

    from factex.run.restatements import fold_restatements

    head = Money("12 millions d'euros", 0, 19, "...", Decimal("12E6"), "EUR", subject="Ormel",
                 subject_from="passage", metric="bénéfice annuel", period="2024",
                 period_from="frame", mentions=((0, 19),))
    lede = replace(head, start=80, end=99, subject_from="written", metric="bénéfice net",
                   period_from="written", mentions=((80, 99),))
    [folded] = fold_restatements([head, lede])
    assert (folded.start, folded.metric, folded.subject_from) == (0, "bénéfice net", "written")
    assert folded.mentions == ((0, 19), (80, 99))
    # negative: a later telling that writes no more than the first leaves the first's links
    vaguer = replace(lede, subject_from="frame", period_from="frame", metric="bénéfice courant")
    [kept] = fold_restatements([head, vaguer])
    assert kept.metric == "bénéfice annuel"

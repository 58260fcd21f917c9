"""What a metric runs over and where it is found, read on whole news sentences.

The words that say which measure stay in it wherever the parse hangs them ("revenu moyen par
abonné", "articles non alimentaires", "taux de chômage des 25-49 ans"); a share with nothing
else to measure is of its whole ("38 % du capital"); a relative or participle clause that
values a noun measures that noun ("sa dette nette, qui s'élève à", "le marché, estimé à"); a
verb that values, adds or melts gives the amount to what it names. Each sentence was written
for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from factex.evaluation.compare import same_name
from tests.conftest import metric_of

# Words after the head noun that say which measure it is.
WHICH = [
    (
        "Le revenu moyen par abonné dans le fixe s'est établi à 31,20 euros par mois.",
        "31,20 euros",
        "revenu moyen par abonné",
    ),
    (
        "Les boissons non sucrées progressent de 2,1 % sur un an.",
        "2,1 %",
        "boissons non sucrées",
    ),
    (
        "Les articles non alimentaires ont reculé de 0,6 % en avril.",
        "0,6 %",
        "articles non alimentaires",
    ),
    (
        "Chez Banque Orsel, le rendement des fonds propres tangibles a reculé à 8,2 % au "
        "premier trimestre.",
        "8,2 %",
        "rendement des fonds propres tangibles",
    ),
    (
        "Le taux de chômage des 25-49 ans recule de 0,3 point, à 6,1 %.",
        "6,1 %",
        "taux de chômage des 25-49 ans",
    ),
    (
        "Le taux d'emploi des 18 à 25 ans atteint 42 % fin mars.",
        "42 %",
        "taux d'emploi des 18 à 25 ans",
    ),
    (
        "Les crédits consacrés à la culture reculent de 6 % en 2026.",
        "6 %",
        "crédits consacrés à la culture",
    ),
    # ... not whose ("consacré à ses filiales"), a duration ("de 15 ans"), nor a second
    # population after one.
    (
        "Le budget consacré à ses filiales atteint 3 millions d'euros.",
        "3 millions d'euros",
        "budget",
    ),
    ("Le prêt de 15 ans coûte désormais 3,4 % par an.", "3,4 %", "prêt"),
    ("Le taux d'emploi des seniors atteint 58 % en mars.", "58 %", "taux d'emploi"),
]


@pytest.mark.parametrize(("text", "amount", "metric"), WHICH)
def test_the_words_saying_which_measure_stay(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A share with nothing else to measure is of its whole; a listed metric or a measure verb's
# subject still wins.
SHARES = [
    (
        "Les fondateurs de Calvéo, qui détiennent 38 % du capital, ont accepté l'offre.",
        "38 %",
        "capital",
    ),
    (
        "Selon la chambre d'agriculture, près de 12 % des agriculteurs du département ont "
        "arrêté le lin.",
        "12 %",
        "agriculteurs",
    ),
    ("Le déficit public atteindra 4,9 % du PIB en 2026.", "4,9 %", "déficit public"),
    (
        "Les ventes en Asie représentent 41 % de son chiffre d'affaires.",
        "41 %",
        "chiffre d'affaires",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), SHARES)
def test_a_share_with_no_other_metric_is_of_its_whole(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A clause that values a noun measures it; a verb that values, adds or melts gives the amount
# to what it names; an actor or a change of another amount is no metric.
VALUED = [
    (
        "Le groupe reprendra aussi sa dette nette, qui s'élève à 410 millions d'euros.",
        "410 millions d'euros",
        "dette nette",
    ),
    (
        "Le marché mondial des batteries domestiques, estimé à 9 milliards d'euros en 2024, "
        "devrait doubler.",
        "9 milliards d'euros",
        ["marché mondial des batteries domestiques", "marché"],
    ),
    (
        "Le bilan de la banque centrale, qui avait culminé à 4 200 milliards de dollars en "
        "2022, est revenu à 3 100 milliards.",
        "4 200 milliards de dollars",
        "bilan",
    ),
    (
        "Le ministre a chiffré à 2,5 milliards d'euros le manque à gagner lié à la réforme.",
        "2,5 milliards d'euros",
        "manque à gagner",
    ),
    (
        "Chaque baisse de 10 centimes du dollar ajoute environ 15 millions d'euros à son "
        "résultat opérationnel annuel.",
        "environ 15 millions d'euros",
        ["résultat opérationnel annuel", "résultat opérationnel"],
    ),
    (
        "Selon les analystes, le marché mondial des montres de luxe, évalué à 50 milliards "
        "d'euros en 2024, pourrait reculer.",
        "50 milliards d'euros",
        "marché mondial des montres de luxe",
    ),
    (
        "Le taux de la taxe d'habitation sur les résidences secondaires reste fixé à 21,5 %.",
        "21,5 %",
        [
            "taux de la taxe d'habitation sur les résidences secondaires",
            "taux de la taxe d'habitation",
        ],
    ),
    ("Les recettes publicitaires ont fondu de 18 % en un an.", "18 %", "recettes publicitaires"),
    ("L'écart avec le taux allemand s'est élargi de 0,08 point.", "0,08 point", "écart"),
    # the change of the dollar is not what is added to
    (
        "Chaque baisse de 10 centimes du dollar ajoute environ 15 millions d'euros à son "
        "résultat opérationnel annuel.",
        "10 centimes",
        None,
    ),
    # a breakdown item sent somewhere by a participle goes there
    (
        "Le conseil a voté le budget 2025, qui s'élève à 210 millions d'euros, dont 41 "
        "millions consacrés aux investissements.",
        "41 millions",
        "investissements",
    ),
    # a finite verb the parse hangs on an apposition is no participle valuing it
    (
        "La masse salariale, premier poste de dépenses, atteindra 64 millions d'euros.",
        "64 millions d'euros",
        "masse salariale",
    ),
    # set off by a comma, with or without the "à" of a level, an amount is its noun's; a
    # prepositional phrase before the comma is no such noun
    (
        "« La génération de trésorerie, à 412 millions d'euros, dépasse nos attentes », "
        "souligne un analyste.",
        "412 millions d'euros",
        "génération de trésorerie",
    ),
    (
        "« Sans aide de trésorerie, 12 % des exploitations fermeront », prévient-il.",
        "12 %",
        "exploitations",
    ),
    # a company valued is no measure: what its value is called is ("valorisation")
    (
        "Le groupe Orvalis, qui pèse 3 milliards d'euros en Bourse, a reculé.",
        "3 milliards d'euros",
        "valorisation",
    ),
    # a company that moves is no measure, relative or not
    (
        "Le groupe Orvalis, qui a reculé de 3,2 % mardi, reste sous pression.",
        "3,2 %",
        [None, "action"],
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), VALUED)
def test_a_valued_noun_is_the_metric(
    nlp: Language, text: str, amount: str, metric: str | list[str | None] | None
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A unit priced is the metric with the product it is a unit of; alone it measures nothing.
UNITS = [
    (
        "Dans les stations-service, le litre de gazole coûtait en moyenne 1,81 euro en avril.",
        "1,81 euro",
        "litre de gazole",
    ),
    (
        "Sur les marchés d'Abidjan, le kilogramme de manioc frais se vendait en moyenne 350 FCFA.",
        "350 FCFA",
        "kilogramme de manioc frais",
    ),
    (
        "Le litre d'huile de tournesol est revenu à 1 300 FCFA en juin.",
        "1 300 FCFA",
        "litre d'huile de tournesol",
    ),
    (
        "Le blé est resté stable : la tonne pour livraison en mars s'est échangée à 231,25 euros.",
        "231,25 euros",
        None,
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), UNITS)
def test_a_unit_is_a_metric_with_its_product(
    nlp: Language, text: str, amount: str, metric: str | None
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A quantity quoted with its count, and a metric whose adjective the parse hung the amount on.
MORE = [
    (
        "Le mazout est resté cher en mai : les 100 litres se négociaient en moyenne à 112,40 "
        "francs.",
        "112,40 francs",
        "100 litres",
    ),
    (
        "La banque centrale a relevé ses deux taux directeurs de 50 points de base jeudi.",
        "50 points de base",
        "taux directeurs",
    ),
    # a count of anything but a unit is no quantity quoted ("deux prêts")
    (
        "Les deux prêts atteignent 3 millions d'euros au total.",
        "3 millions d'euros",
        [None, "prêts"],
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), MORE)
def test_counts_and_hung_adjectives(
    nlp: Language, text: str, amount: str, metric: str | list[str | None]
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)

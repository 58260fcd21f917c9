"""What an amount measures, read on whole news sentences: how far the metric's words run.

Each case is a sentence written for this test, the text of one of its amounts, and the metric
expected (compared loosely, as ``factex evaluate`` does); the negatives are the words the
metric must stop before.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from factex.evaluation.compare import same_name
from tests.conftest import metric_of

# The metric runs over its post-modifiers: adjectives and participles, "par"/"après"/"hors"
# + bare noun, a "de" complement.
MODIFIED = [
    (
        "Le résultat opérationnel courant du chimiste s'élève à 412 millions d'euros.",
        "412 millions d'euros",
        "résultat opérationnel courant",
    ),
    (
        "Le revenu moyen par client de la mutuelle s'est établi à 31,20 euros par mois.",
        "31,20 euros",
        "revenu moyen par client",
    ),
    (
        "L'excédent brut d'exploitation hors éléments exceptionnels recule de 4,5 %.",
        "4,5 %",
        "excédent brut d'exploitation hors éléments exceptionnels",
    ),
    (
        "La charge de la dette atteindra 38,7 milliards d'euros l'an prochain.",
        "38,7 milliards d'euros",
        "charge de la dette",
    ),
    (
        "Le taux moyen des prêts aux ménages est remonté à 4,6 % en février.",
        "4,6 %",
        "taux moyen des prêts aux ménages",
    ),
    (
        "La marge d'Ebitda retraité s'est améliorée de 0,8 point, à 17,2 %.",
        "17,2 %",
        "marge d'Ebitda retraité",
    ),
]

# ... and stops before whose or when the figure is, a number, a verb or a name.
STOPPED = [
    (
        "Les ventes du joaillier ont atteint 2,4 milliards d'euros en 2024.",
        "2,4 milliards d'euros",
        "ventes",
    ),
    (
        "Le budget de la commission d'enquête s'élève à 1,2 million d'euros.",
        "1,2 million d'euros",
        "budget",
    ),
    (
        "Le salaire moyen du pâtissier a augmenté de 2,7 % en 2024.",
        "2,7 %",
        "salaire moyen",
    ),
    (
        "Les dépenses du groupe ont progressé de 3,1 % sur l'exercice.",
        "3,1 %",
        "dépenses",
    ),
    (
        "Le taux de remplissage de ses navires a atteint 88 % cet été.",
        "88 %",
        "taux de remplissage",
    ),
    (
        "L'Ebitda après loyers progresse de 6,5 %, à 910 millions d'euros.",
        "910 millions d'euros",
        "Ebitda après loyers",
    ),
    (
        "Les recettes de Brasserie Valmont ont reculé de 2 % au premier trimestre.",
        "2 %",
        "recettes",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), MODIFIED + STOPPED)
def test_metric_runs_over_its_modifiers_and_no_further(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


def test_a_unit_is_never_extended_into_a_metric(nlp: Language) -> None:
    # "%" followed by "par unité" names no metric; whatever the metric, it is not the unit.
    got = metric_of(
        nlp, "Le pouvoir d'achat a progressé de 0,5 % par unité de consommation.", "0,5 %"
    )
    assert got is None or not got.startswith("%")


# A change set off by a comma after an amount measures what that amount measures; a figure
# in brackets after a noun phrase is that phrase's.
CHANGES = [
    (
        "Au Benelux, la filiale a réalisé 2,7 milliards d'euros de ventes, en hausse de 11 %.",
        "11 %",
        "ventes",
    ),
    (
        "Le groupe a publié un chiffre d'affaires de 880 millions d'euros en 2024, "
        "en progression de 6 %.",
        "6 %",
        "chiffre d'affaires",
    ),
    (
        "La coopérative a dégagé un résultat net part du groupe de 96 millions de dirhams "
        "(MDH), soit une hausse de 8 %.",
        "8 %",
        "résultat net part du groupe",
    ),
    (
        "Les prix des fruits frais (-4,1 %) ont pesé sur l'indice, selon l'institut.",
        "-4,1 %",
        "prix des fruits frais",
    ),
    (
        "Les ventes reculent, sous l'effet du fioul domestique (-8,2 %).",
        "-8,2 %",
        "fioul domestique",
    ),
]

# ... but a change after a count measures no money metric, and a name before the bracket
# says whose the figure is, and a converted amount in brackets is no metric.
NO_METRIC = [
    ("La chaîne emploie 4 000 personnes, en hausse de 3 %.", "3 %"),
    ("Le distributeur devance Brémont (21,4 %) sur ce segment.", "21,4 %"),
]


@pytest.mark.parametrize(("text", "amount", "metric"), CHANGES)
def test_changes_and_brackets_take_the_metric_they_qualify(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


@pytest.mark.parametrize(("text", "amount"), NO_METRIC)
def test_changes_and_brackets_without_a_metric(nlp: Language, text: str, amount: str) -> None:
    assert metric_of(nlp, text, amount) is None


def test_a_converted_amount_in_brackets_is_no_metric_of_its_own(nlp: Language) -> None:
    text = "Les recettes atteignent 410 milliards de FCFA (625 millions d'euros)."
    assert metric_of(nlp, text, "625 millions d'euros") != "FCFA"


# Listed compounds win over their last word, and a capitalised name or a unit is no metric.
COMPOUNDS = [
    (
        "Le laboratoire lancera une augmentation de capital de 350 millions d'euros.",
        "350 millions d'euros",
        "augmentation de capital",
    ),
    (
        "Les analystes attendent un bénéfice par action de 4,15 euros pour l'exercice.",
        "4,15 euros",
        "bénéfice par action",
    ),
    (
        "L'indice des prix à la consommation a progressé de 0,3 % en avril.",
        "0,3 %",
        "indice des prix à la consommation",
    ),
    (
        "La hausse des prix a ralenti à 2,1 % en avril, selon l'institut.",
        "2,1 %",
        "hausse des prix",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), COMPOUNDS)
def test_listed_compounds(nlp: Language, text: str, amount: str, metric: str) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


def test_a_capitalised_name_is_no_metric(nlp: Language) -> None:
    text = "Le Haut Conseil juge plus probable une progression de 0,9 %."
    assert metric_of(nlp, text, "0,9 %") != "Conseil"


# A participle or an adjective says something of its own noun, not of the sentence's subject.
PREDICATES = [
    (
        "Le ministre a salué la baisse de l'inflation, tombée à 1,8 % en avril.",
        "1,8 %",
        "inflation",
    ),
    (
        "Les économistes craignent que la dette, déjà proche de 115 % du PIB, ne grimpe.",
        "115 %",
        "dette",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), PREDICATES)
def test_participles_and_adjectives_speak_of_their_noun(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


def test_a_root_adjective_gives_no_subject_as_metric(nlp: Language) -> None:
    # The parse may read the verb of saying as an adjective: its subjects are no metric.
    text = (
        "« Les volumes sont là », tempère Jeanne Morel, analyste chez Brival Finance, qui table "
        "sur des ventes de 2,3 milliards d'euros, contre 2,1 milliards un an plus tôt."
    )
    assert metric_of(nlp, text, "2,1 milliards") != "volumes"


def test_a_contrasted_change_of_a_place_measures_the_same(nlp: Language) -> None:
    text = (
        "Les ventes ont bondi de 9 % en Allemagne, tandis que l'Italie a reculé de 4 % "
        "sur le semestre."
    )
    assert same_name("ventes", metric_of(nlp, text, "4 %"))


def test_a_contrasted_amount_of_a_place_measures_the_same(nlp: Language) -> None:
    text = (
        "Les ventes en Suisse ont atteint 2,2 milliards d'euros, tandis que l'Autriche a "
        "généré 900 millions d'euros."
    )
    assert same_name("ventes", metric_of(nlp, text, "900 millions d'euros"))


def test_the_level_after_a_share_move_is_no_sale(nlp: Language) -> None:
    text = "Le groupe Ravelle a cédé 3,4 %, à 61,20 euros, après ses résultats."
    assert metric_of(nlp, text, "61,20 euros") != "cession"
    # ... while a sale for a price is one.
    sold = "Le groupe Ravelle a cédé sa filiale italienne pour 240 millions d'euros."
    assert same_name("cession", metric_of(nlp, sold, "240 millions d'euros"))


# A share's move: named by "l'action", a pronoun standing for it, or a relative.
SHARES = [
    (
        "L'action Dorval gagnait 2,6 % en séance, quand celle de Mirande cédait 1,4 %.",
        "1,4 %",
        "action",
    ),
    (
        "À Francfort, l'action Helbrun, qui a déjà perdu 12 % depuis janvier, reculait encore.",
        "12 %",
        "action",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), SHARES)
def test_share_moves(nlp: Language, text: str, amount: str, metric: str) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


def test_holders_in_a_relative_are_no_metric(nlp: Language) -> None:
    # "qui détiennent" holds a stake: the funds are holders, not what is measured.
    text = "Les fonds présents au capital, qui détiennent ensemble 9,5 % des parts, s'y opposent."
    got = metric_of(nlp, text, "9,5 %")
    assert got is None or "fonds" not in got


def test_a_participle_with_its_own_argument_or_a_day_is_no_qualifier(nlp: Language) -> None:
    fined = "L'amende infligée à l'opérateur s'élève à 3 millions d'euros, a indiqué l'autorité."
    assert same_name("amende", metric_of(nlp, fined, "3 millions d'euros"))
    bought = "La banque centrale a acheté pour 800 milliards de yens d'obligations jeudi."
    assert same_name("obligations", metric_of(nlp, bought, "800 milliards de yens"))

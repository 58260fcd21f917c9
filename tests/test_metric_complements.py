"""How far a metric runs over its "de" complements, read on whole news sentences.

A complement naming a population, a product or a scope says which measure it is ("la
consommation des ménages", "le tarif de l'électricité"); one naming whose or when the figure
is does not ("les ventes du boulanger", "le bénéfice de l'exercice 2023"), nor the amount
itself ("un prêt de 250 000 euros"). Each sentence was written for this test.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from factex.evaluation.compare import same_name
from tests.conftest import metric_of

# The complement says which measure: a population, a product, a scope.
WHICH = [
    (
        "La consommation des foyers a reculé de 0,2 % au troisième trimestre.",
        "0,2 %",
        "consommation des foyers",
    ),
    (
        "Le salaire moyen des infirmières a augmenté de 2,7 % en 2024.",
        "2,7 %",
        "salaire moyen des infirmières",
    ),
    (
        "Le prix moyen d'un billet de train a augmenté de 3,4 % cette année.",
        "3,4 %",
        "prix moyen d'un billet de train",
    ),
    (
        "Le tarif réglementé de l'électricité baissera de 9 % au 1er août.",
        "9 %",
        "tarif réglementé de l'électricité",
    ),
    # An adjective the parse hangs on the next adjective still says which measure.
    (
        "Le rendement des capitaux propres tangibles a reculé à 8,4 %.",
        "8,4 %",
        "rendement des capitaux propres tangibles",
    ),
]

# ... and stops before whose or when the figure is, the amount itself, or a second
# complement after a metric that has one already.
WHOSE = [
    (
        "Le taux d'épargne des foyers est remonté à 17,2 % au printemps.",
        "17,2 %",
        "taux d'épargne",
    ),
    (
        "Les ventes de l'épicier ont reculé de 1,8 % au premier semestre.",
        "1,8 %",
        "ventes",
    ),
    (
        "Le chiffre d'affaires de Sorelio a atteint 3,2 milliards d'euros.",
        "3,2 milliards d'euros",
        "chiffre d'affaires",
    ),
    (
        "Le bénéfice de l'exercice 2023 s'est élevé à 45 millions d'euros.",
        "45 millions d'euros",
        "bénéfice",
    ),
    (
        "Les dépenses de la commission ont progressé de 4 % l'an dernier.",
        "4 %",
        "dépenses",
    ),
    (
        "La banque accorde un prêt de 250 000 euros aux jeunes agriculteurs.",
        "250 000 euros",
        "prêt",
    ),
    (
        "Le syndicat réclame un salaire brut de 3 200 euros pour les débutants.",
        "3 200 euros",
        "salaire brut",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), WHICH + WHOSE)
def test_metric_runs_over_which_not_whose(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A body, a marketplace, a name's designator, an adverbial, a verb or the amount itself is
# no metric, nor part of one.
NOT_MEASURES = [
    ("La Bourse de Madrid recule de 1,2 % en début de séance.", "1,2 %", None),
    ("À Zurich, l'indice SMI a progressé de 0,4 % vendredi.", "0,4 %", None),
    # (the change with its article is all the clause names, the rival is none of it)
    ("Son concurrent Valdor a dû se contenter d'une hausse de 2,2 %.", "2,2 %", "hausse"),
    # (the pronoun stands for the measure before it, "au contraire" is none)
    (
        "Le chômage baisse en ville ; à la campagne, il grimpe au contraire de 0,5 point.",
        "0,5 point",
        "chômage",
    ),
    ("L'indice santé a progressé de 0,3 % en mai.", "0,3 %", "indice santé"),
    (
        "Le franc s'est affaibli face au dollar, à 0,8123 franc pour un dollar, en baisse "
        "de 0,4 %.",
        "0,4 %",
        None,
    ),
    ("Le bénéfice progresse de 7,5 % par rapport à 2023.", "7,5 %", "bénéfice"),
    ("La Banque nationale relève ses taux d'un demi-point.", "un demi-point", "taux"),
]


@pytest.mark.parametrize(("text", "amount", "metric"), NOT_MEASURES)
def test_what_measures_nothing_stays_out_of_the_metric(
    nlp: Language, text: str, amount: str, metric: str | None
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)


# A bare noun joined to the metric is one with it: coordinated, apposed, or a code; with a
# determiner or as a day it is another figure or a date.
JOINED = [
    (
        "Les prix des fruits et légumes frais ont bondi de 6,1 % en un an.",
        "6,1 %",
        "prix des fruits et légumes frais",
    ),
    (
        "Les primes d'assurance vie ont progressé de 4,4 % en 2024.",
        "4,4 %",
        "primes d'assurance vie",
    ),
    (
        "Le groupe a obtenu un prêt relais de 900 millions d'euros.",
        "900 millions d'euros",
        "prêt relais",
    ),
    (
        "Le ratio de fonds propres CET1 atteint 14,1 % fin juin.",
        "14,1 %",
        "ratio de fonds propres CET1",
    ),
    ("Les ventes et les marges ont reculé de 2 % en mars.", "2 %", "ventes"),
    ("Les ventes mardi ont atteint 3 millions d'euros.", "3 millions d'euros", "ventes"),
    ("Sélarin rate ses objectifs, l'action chute de 14 % à Paris.", "14 %", "action"),
    (
        "Au Ghana, le prix du kilo de cacao bord champ a été fixé à 1 200 cedis.",
        "1 200 cedis",
        "prix du kilo de cacao",
    ),
]


@pytest.mark.parametrize(("text", "amount", "metric"), JOINED)
def test_a_joined_bare_noun_is_one_with_the_metric(
    nlp: Language, text: str, amount: str, metric: str
) -> None:
    got = metric_of(nlp, text, amount)
    assert same_name(metric, got), (amount, got)

"""The metric focus of a passage: a figure whose clause names no metric goes on with the one
named just before (components/passage_metric.py), and what breaks that focus.

Short articles written for these tests; each carried case has a negative that differs in the
one thing that must stop the carry.
"""

from __future__ import annotations

from spacy.language import Language

import factex
from tests.conftest import metrics_by_text

HEAD = "Talvène confirme ses objectifs\n\n"
SALES = "Le chiffre d'affaires de Talvène atteint 1,2 milliard d'euros au premier semestre."


def test_a_former_target_goes_on_with_the_metric_named_before(nlp: Language) -> None:
    text = f"{HEAD}{SALES} Le groupe visait auparavant 1,4 milliard."
    assert metrics_by_text(nlp, text)["1,4 milliard"] == "chiffre d'affaires"


def test_a_new_paragraph_breaks_the_focus(nlp: Language) -> None:
    text = f"{HEAD}{SALES}\n\nLe groupe visait auparavant 1,4 milliard."
    assert metrics_by_text(nlp, text)["1,4 milliard"] is None


def test_a_figure_naming_its_own_metric_keeps_it(nlp: Language) -> None:
    text = f"{HEAD}{SALES} Le bénéfice net atteint 95 millions."
    assert metrics_by_text(nlp, text)["95 millions"] == "bénéfice net"


def test_another_company_does_not_go_on_with_the_metric(nlp: Language) -> None:
    text = f"{HEAD}{SALES} Son concurrent Brunelle Industries affiche 900 millions."
    assert metrics_by_text(nlp, text)["900 millions"] is None


def test_a_new_topic_between_the_figures_breaks_the_focus(nlp: Language) -> None:
    carried = f"{HEAD}{SALES} Il atteignait 1,1 milliard un an plus tôt."
    assert metrics_by_text(nlp, carried)["1,1 milliard"] == "chiffre d'affaires"
    # "Les dépenses ... : elles atteignent": the pronoun takes up the new subject, not the
    # focus
    weighs = "Les dépenses de personnel continuent de peser : elles atteignent 1,1 milliard."
    text = f"{HEAD}{SALES} {weighs}"
    assert metrics_by_text(nlp, text)["1,1 milliard"] == "dépenses de personnel"


ORMELIS = (
    "Ormelis : les ventes progressent\n\n"
    "Le chiffre d'affaires d'Ormelis atteint 2,3 milliards d'euros au premier trimestre."
)


def test_an_expectation_of_the_same_order_goes_on_a_price_target_does_not(
    nlp: Language,
) -> None:
    expected = metrics_by_text(nlp, f"{ORMELIS} Les analystes tablaient sur 2,1 milliards.")
    assert expected["2,1 milliards"] == "chiffre d'affaires"
    # a price per share after sales of billions: another measure, however it is introduced
    target = metrics_by_text(nlp, f"{ORMELIS} Les analystes tablent sur 48 euros.")
    assert target["48 euros"] is None


def test_a_share_of_the_capital_does_not_take_a_rate_of_growth(nlp: Language) -> None:
    head = (
        "Ormelis : les ventes progressent\n\n"
        "Le chiffre d'affaires d'Ormelis progresse de 8 % au premier trimestre."
    )
    assert metrics_by_text(nlp, f"{head} Le groupe visait 10 %.")["10 %"] == "chiffre d'affaires"
    stake = metrics_by_text(nlp, f"{head} Le groupe détient 3 % de son propre capital.")
    assert stake["3 %"] is None


def test_a_rate_goes_on_through_pronouns_and_categories(nlp: Language) -> None:
    text = (
        "Le chômage recule au troisième trimestre\n\n"
        "Le taux de chômage a atteint 8,1 % au troisième trimestre en Estonie. Il recule de "
        "0,3 point sur un an. Chez les moins de 25 ans, il atteint 17,2 %, contre 6,4 % chez "
        "les cadres."
    )
    metrics = metrics_by_text(nlp, text)
    assert metrics["0,3 point"] == metrics["17,2 %"] == metrics["6,4 %"] == "taux de chômage"


def test_an_expectation_after_a_measured_rate(nlp: Language) -> None:
    text = (
        "Ormelis : la marge brute progresse\n\n"
        "La marge brute d'Ormelis ressort à 41,5 % au premier trimestre, alors que les "
        "analystes tablaient sur 40 %."
    )
    assert metrics_by_text(nlp, text)["40 %"] == "marge brute"


def test_a_share_of_a_measure_does_not_move_with_it(nlp: Language) -> None:
    # a change of a company after its share of something is the share price's, not the sales'
    text = (
        "Les valeurs exportatrices en tête\n\n"
        "Verlac, qui réalise 44 % de ses ventes en Asie, a gagné 3,2 % à la Bourse de Paris."
    )
    assert metrics_by_text(nlp, text)["3,2 %"] != "ventes"


def test_a_parallel_figure_with_its_verb_left_out_goes_on(nlp: Language) -> None:
    text = "Verlac : l'Asie pèse\n\nChez Verlac, l'Europe représente 52 % des ventes, l'Asie 31 %."
    assert metrics_by_text(nlp, text)["31 %"] == "ventes"


def test_a_public_forecaster_speaks_of_the_measure_it_does_not_own(nlp: Language) -> None:
    text = (
        "Norlande : la croissance ralentit\n\n"
        "L'économie de la Norlande a progressé de 0,4 % au deuxième trimestre. Pour l'année, la "
        "croissance devrait atteindre 1,1 %, jugée prudente par la Banque centrale de Norlande, "
        "qui table sur 1,3 %."
    )
    assert metrics_by_text(nlp, text)["1,3 %"] == "croissance"


def test_the_record_says_where_its_metric_came_from(nlp: Language) -> None:
    text = f"{HEAD}{SALES} Le groupe visait auparavant 1,4 milliard.\n\nIl emploie 900 personnes."
    facts = factex.extract(text, published="2025-06-12", nlp=nlp)
    origin = {m.text: m.metric_from for m in facts.money}
    assert origin == {"1,2 milliard d'euros": "written", "1,4 milliard": "passage"}
    dicts = {d["text"]: d for d in facts.to_dicts() if d["kind"] == "money"}
    assert dicts["1,4 milliard"]["metric_from"] == "passage"
    # no metric, no origin
    broken = factex.extract(f"{HEAD}{SALES}\n\nLe groupe visait 1,4 milliard.", nlp=nlp)
    assert [m.metric_from for m in broken.money] == ["written", None]


FERLANE = (
    "Ferlane : la marge progresse\n\nLa marge opérationnelle de Ferlane atteint 6,2 % en 2024, "
    "un bon niveau pour le secteur, où {} tourne autour de 4 %."
)


def test_an_average_goes_on_with_the_measure_another_noun_does_not(nlp: Language) -> None:
    assert metrics_by_text(nlp, FERLANE.format("la moyenne"))["4 %"] == "marge opérationnelle"
    assert metrics_by_text(nlp, FERLANE.format("la flotte"))["4 %"] is None


def test_a_figure_held_by_a_noun_of_its_own_takes_no_focus(nlp: Language) -> None:
    text = (
        "Ferlane cède sa filiale\n\nLe chiffre d'affaires de Ferlane atteint 820 millions "
        "d'euros. La vente de sa filiale rapporte 300 millions d'euros, soit une plus-value "
        "estimée à 120 millions."
    )
    # the noun valued is the figure's own metric, whole ("plus-value", not "value")
    assert metrics_by_text(nlp, text)["120 millions"] == "plus-value"


SAVINGS = (
    "L'épargne des ménages reste élevée\n\nLe taux d'épargne des ménages atteint 17,5 % au "
    "premier trimestre, avant {} à 18,2 % en juin."
)


def test_a_move_to_a_new_level_goes_on_with_the_measure(nlp: Language) -> None:
    assert metrics_by_text(nlp, SAVINGS.format("une remontée"))["18,2 %"] == "taux d'épargne"
    # another noun leads its own figure; a metric written with the move names another
    assert metrics_by_text(nlp, SAVINGS.format("une réforme"))["18,2 %"] is None
    named = metrics_by_text(nlp, SAVINGS.format("un retour du chômage"))
    assert named["18,2 %"] != "taux d'épargne"


CHANGES = (
    "Orvalis rate le consensus\n\nLe groupe Orvalis a vu son chiffre d'affaires reculer de 3 % "
    "au premier trimestre.\n\nLes analystes tablaient sur une baisse limitée à 1,2 %. Hors "
    "effets de change, le recul atteint 4,1 %. Le syndicat réclame une augmentation générale "
    "de 5 %.\n\nDepuis janvier, le yen a perdu 2,1 % face au dollar, après une chute de 5,4 % "
    "sur l'ensemble de 2024."
)


def test_a_change_with_nothing_else_named_is_the_metric(nlp: Language) -> None:
    # a new paragraph breaks the focus; the change the clause names is all it says
    got = metrics_by_text(nlp, CHANGES)
    assert got["1,2 %"] == "baisse"  # not the participle saying how much
    assert got["4,1 %"] == "recul"
    assert got["5 %"] == "augmentation générale"
    # a currency's move measures nothing, nor does a change with no article ("en hausse")
    assert got["5,4 %"] is None


def test_a_share_moves_in_points(nlp: Language) -> None:
    text = (
        "Numéa gagne du terrain\n\nSur le fixe, Numéa détient 31,5 % des abonnés, en recul de "
        "0,7 point. Ses ventes, qui représentent 12 % du marché, ont progressé de 4 %."
    )
    got = metrics_by_text(nlp, text)
    assert got["31,5 %"] == "abonnés"
    assert got["0,7 point"] == "abonnés"  # a move in points of the share before it
    assert got["4 %"] == "ventes"  # a move in percent is of what moves, not of the share


def test_a_personal_pronoun_measures_what_it_stands_for(nlp: Language) -> None:
    text = (
        "Les prix ralentissent\n\nLes loyers continuent aussi de grimper : ils progressent de "
        "5,2 % sur un an. Le chômage recule en ville. Dans les campagnes, il progresse au "
        "contraire de 0,4 point, à 7,2 %.\n\nLe groupe Orvalis a publié ses comptes. Il a "
        "reculé de 2 % en Bourse.\n\nLa livre sterling a souffert : elle a glissé de 0,9 %."
    )
    got = metrics_by_text(nlp, text)
    assert got["5,2 %"] == "loyers"  # the subject before, of its number
    assert got["0,4 point"] == "chômage"  # in the sentence before, past "au contraire"
    assert got["7,2 %"] == "chômage"
    # the company ("il") and a currency ("elle") measure nothing
    assert got["2 %"] in (None, "action")
    assert got["0,9 %"] is None

"""What a figure's period owes to the figures around it (links.period_passage): short articles
written for these tests, each mechanism with its negative."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import factex


def _periods(nlp: Language, text: str, published: str) -> dict[str, Any]:
    facts = factex.extract(text, published=published, nlp=nlp)
    return {r.text: r.period for r in [*facts.money, *facts.percentages]}


SESSION = """Norvalec : le bénéfice semestriel déçoit

Le groupe Norvalec a dégagé au premier semestre 2025 un bénéfice net de 410 millions d'euros.

En Bourse, l'action Norvalec a chuté de 4,1 % mercredi, à 38,20 euros, portant sa \
capitalisation à 6,4 milliards d'euros. L'indice CAC 40 a, lui, cédé 0,6 %. Ses ventes ont \
progressé de 3 %, et son marché, qui pèse 12 milliards d'euros, reste porteur."""


def test_a_session_dates_the_quotes_and_moves_of_its_paragraph(nlp: Language) -> None:
    periods = _periods(nlp, SESSION, "2025-07-30")
    assert periods["38,20 euros"] == "2025-07-30"
    assert periods["6,4 milliards d'euros"] == "2025-07-30"  # a capitalisation that day
    assert periods["0,6 %"] == "2025-07-30"  # the index's move
    # negatives: a measure of the results keeps the half; a sum naming no measure is no quote
    assert periods["3 %"] == "2025-H1"
    assert periods["12 milliards d'euros"] != "2025-07-30"


BUYBACK = """Castrel : un premier semestre solide

Le groupe Castrel a dégagé un résultat net de 85 millions d'euros au premier semestre 2025.

Son directeur financier a précisé que le groupe avait racheté pour 40 millions d'euros de ses \
actions depuis janvier. Depuis janvier, le titre gagne 9 %."""


def test_a_year_to_date_told_in_the_past_runs_to_the_end_of_the_half(nlp: Language) -> None:
    periods = _periods(nlp, BUYBACK, "2025-07-24")
    assert periods["40 millions d'euros"] == "2025-H1"
    # negative: in the present it runs to the day of publication, the year so far
    assert periods["9 %"] == "2025"


JOBS = """Emploi : le taux de chômage recule au deuxième trimestre

Le taux de chômage a reculé à 7,2 % au deuxième trimestre 2025, selon l'institut.

Chez les cadres, il atteint 3,4 %, contre 9,8 % chez les ouvriers. Il s'établit à 6,1 %, \
contre 6,5 %."""


def test_a_comparison_with_another_subject_keeps_the_period(nlp: Language) -> None:
    periods = _periods(nlp, JOBS, "2025-08-12")
    assert periods["3,4 %"] == "2025-Q2"
    assert periods["9,8 %"] == "2025-Q2"  # the workers in the same quarter
    # negative: a bare comparison figure names no other subject: no period is guessed
    assert periods["6,5 %"] is None


TARIFF = """Électricité : le tarif réglementé augmentera de 3 % au 1er février

Le tarif réglementé de l'électricité sera relevé de 3 % le 1er février 2026, a annoncé mardi \
la ministre de l'Énergie.

Le prix du kilowattheure passera ainsi de 0,25 euro à 0,26 euro. Une famille de quatre \
personnes paiera environ 1 900 euros par an. Aujourd'hui, un studio coûte 640 euros par an."""


def test_a_figure_to_come_is_of_the_day_its_change_applies(nlp: Language) -> None:
    periods = _periods(nlp, TARIFF, "2025-12-09")
    assert periods["0,26 euro"] == "2026-02-01"
    assert periods["environ 1 900 euros"] == "2026-02-01"
    # negatives: the bound it leaves is today's; a figure in the present is not to come
    assert periods["0,25 euro"] != "2026-02-01"
    assert periods["640 euros"] != "2026-02-01"


SAVINGS = """Le taux d'épargne des ménages est passé de 17,2 % à 18,1 % entre le deuxième \
trimestre 2024 et le deuxième trimestre 2025. Le taux d'investissement a atteint 9,3 % entre \
le deuxième trimestre 2024 et le deuxième trimestre 2025. Le bénéfice de Corvane a bondi de 31 % \
à 4,2 milliards d'euros entre juillet et septembre."""


def test_each_bound_of_a_change_takes_its_own_end_of_the_range(nlp: Language) -> None:
    periods = _periods(nlp, SAVINGS, "2025-09-02")
    assert periods["17,2 %"] == "2024-Q2"
    assert periods["18,1 %"] == "2025-Q2"
    # negatives: a figure over the whole span keeps it; a change then a level are no bounds
    assert periods["9,3 %"] == "2024-Q2/2025-Q2"
    assert periods["31 %"] == periods["4,2 milliards d'euros"] == "2025-07/2025-09"


FUEL = """Carburants : le gazole repart à la hausse

Les prix à la pompe ont augmenté en octobre 2025, selon le ministère de la Transition écologique.

Le litre de gazole coûtait en moyenne 1,68 euro en octobre, contre 1,62 euro en septembre et \
1,79 euro un an plus tôt.

La dette de la régie atteindra 240 millions d'euros fin 2026, contre 221 millions d'euros un an \
plus tôt."""


def test_year_ago_words_date_the_figure_they_follow(nlp: Language) -> None:
    periods = _periods(nlp, FUEL, "2025-11-04")
    assert periods["1,62 euro"] == "2025-09"  # its own month, not a year before October
    # negative: the figure the words follow is a year before its passage's period
    assert periods["1,79 euro"] == "2024-10"
    # a year before "fin 2026" is the last month of 2025, as "fin 2026" is December 2026
    assert periods["240 millions d'euros"] == "2026-12"
    assert periods["221 millions d'euros"] == "2025-12"


TARGETS = """La hausse des prix est revenue à 2,4 % en septembre, au-dessus de la cible de 2 % \
retenue par l'institut d'émission. Le ratio de fonds propres de la Banque Ostrale est tombé à \
11,2 % au troisième trimestre 2025, loin de l'objectif de 14 % fixé pour 2027. Sa marge atteint \
8 % au troisième trimestre 2025, contre un objectif de 9 % en 2026."""


def test_a_target_is_dated_by_the_date_it_is_set_for_only(nlp: Language) -> None:
    periods = _periods(nlp, TARGETS, "2025-10-28")
    assert periods["14 %"] == "2027"
    # negatives: a target set for no date takes none of the sentence; the figures keep theirs
    assert periods["2 %"] is None
    assert periods["11,2 %"] == "2025-Q3"
    assert periods["2,4 %"] == "2025-09"
    assert periods["9 %"] == "2026"  # its own date after it


PRICES = """Suisse : la hausse des prix ralentit en septembre

BERNE, 2 octobre - Les prix à la consommation ont progressé de 0,8 % sur un an en septembre.

L'indice des loyers passe de 2,9 % à 2,6 %. La part de l'énergie a grimpé de 4 % à 6 %."""

ROOMS = """Hôtellerie : le taux d'occupation des hôtels remonte

Le taux d'occupation des hôtels de la région est passé de 61 % à 66 % entre le deuxième \
trimestre 2024 et le deuxième trimestre 2025, selon l'observatoire régional.

Sur le littoral, il passe de 70 % à 74 %."""


def test_a_first_bound_with_no_date_is_of_the_period_before(nlp: Language) -> None:
    periods = _periods(nlp, PRICES, "2025-10-02")
    assert periods["2,9 %"] == "2025-08"  # the month before September
    assert periods["2,6 %"] == "2025-09"
    # negative: a verb that is no move from one value to another leaves the bounds alone
    assert periods["4 %"] == "2025-09"
    periods = _periods(nlp, ROOMS, "2025-07-15")
    assert periods["70 %"] == "2024-Q2"  # the start of the span the lede compares
    assert periods["74 %"] == "2025-Q2"


def test_a_part_is_of_its_whole_s_period(nlp: Language) -> None:
    text = (
        "La région consacre 600 millions d'euros sur trois ans au rail, dont 90 millions "
        "d'euros aux gares. Elle a dépensé 45 millions d'euros en 2024, dont 12 millions "
        "d'euros pour les quais. En 2025, 30 millions d'euros iront aux bus."
    )
    periods = _periods(nlp, text, "2025-03-03")
    assert periods["90 millions d'euros"] is None  # the whole runs over its own three years
    assert periods["12 millions d'euros"] == "2024"
    # negative: no "dont", no part
    assert periods["30 millions d'euros"] == "2025"


def test_a_date_after_the_amount_s_own_complements_dates_it(nlp: Language) -> None:
    text = (
        "Selon la caisse, la pension moyenne s'élevait à 1 180 euros nets par mois fin 2024. "
        "La prime atteint 300 euros par salarié embauché en 2021."
    )
    periods = _periods(nlp, text, "2025-06-17")
    assert periods["1 180 euros"] == "2024-12"
    # negative: a clause of its own (the hiring's) after the unit is no complement
    assert periods["300 euros"] is None


def test_a_future_the_tagger_misreads_is_still_to_come(nlp: Language) -> None:
    text = """Retraites : les pensions revalorisées de 1,8 % au 1er avril

Les pensions de base seront revalorisées de 1,8 % le 1er avril 2026, a annoncé lundi le ministère.

En net, la pension minimale atteindra environ 980 euros par mois. L'an dernier, elle atteignait \
960 euros."""
    periods = _periods(nlp, text, "2026-02-09")
    assert periods["environ 980 euros"] == "2026-04-01"
    # negative: a past figure is not to come
    assert periods["960 euros"] != "2026-04-01"


def test_a_stretch_from_a_day_is_a_period_not_the_day_of_a_report(nlp: Language) -> None:
    text = (
        "Depuis le 1er janvier, le yen a perdu 2,4 % face à l'euro, après un recul de 5 % sur "
        "l'ensemble de 2024."
    )
    periods = _periods(nlp, text, "2025-02-14")
    assert periods["2,4 %"] == "2025"  # the year so far, not the previous year
    assert periods["5 %"] == "2024"
    # negative: a day on which a figure was published gives way to the clause's period
    text = "Le groupe a publié mardi un bénéfice de 85 millions d'euros au premier semestre."
    assert _periods(nlp, text, "2025-07-30")["85 millions d'euros"] == "2025-H1"


def test_an_ordinal_with_no_noun_is_a_part_of_the_same_year(nlp: Language) -> None:
    text = (
        "La production industrielle a reculé de 0,4 % au troisième trimestre, après 0,2 % au "
        "deuxième. L'emploi salarié a progressé de 1 % au second semestre, et sa part atteint "
        "12 % au premier rang des régions."
    )
    periods = _periods(nlp, text, "2025-11-05")
    assert periods["0,2 %"] == "2025-Q2"
    # negative: an ordinal with a noun of its own is no ellipsis of the period
    assert periods["12 %"] == "2025-H2"

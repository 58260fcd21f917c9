"""The period (and the money ``per``) of figures in whole articles: sentences and short
articles written for these tests, each mechanism with its negative."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import factex
from factex.normalize.money import find_money


def _links(nlp: Language, text: str, published: str) -> dict[str, dict[str, Any]]:
    facts = factex.extract(text, published=published, nlp=nlp)
    return {r.text: r.to_dict() for r in [*facts.money, *facts.percentages]}


def _per(text: str) -> list[str | None]:
    return [m.per for m in find_money(text)]


def test_a_time_after_an_amount_is_no_rate() -> None:
    assert _per("Le groupe a investi 310 millions d'euros l'an dernier.") == [None]
    assert _per("Elle a versé 12 euros la semaine précédente.") == [None]
    # negatives: a unit after its article is the rate
    assert _per("L'abonnement coûte 96 euros l'année.") == ["année"]
    assert _per("Le gazole se vend 1,71 euro le litre.") == ["litre"]


def test_an_amount_compared_with_a_rate_is_given_per_the_same_unit() -> None:
    text = "Le loyer moyen atteint 14,20 euros par mètre carré, contre 13,60 euros en 2022."
    assert _per(text) == ["mètre", "mètre"]
    text = "Un coupon de 2,10 euros par action au titre de 2024, contre 1,80 euro l'an passé."
    assert _per(text) == ["action", "action"]
    # negatives: an amount of another size, another sentence, or no comparison
    text = "Un dividende de 3 euros par action, contre 520 millions d'euros de rachats."
    assert _per(text) == ["action", None]
    text = "Le forfait vaut 25 euros par mois. Contre 20 euros, l'offre rivale séduit."
    assert _per(text) == ["mois", None]
    assert _per("Il touche 9 euros par heure et 30 euros de prime.") == ["heure", None]


def test_the_day_news_was_told_dates_no_figure(nlp: Language) -> None:
    text = "Le groupe Orvalis a annoncé mardi le rachat de Pellion pour 640 millions d'euros."
    links = _links(nlp, text, "2025-06-11")
    assert links["640 millions d'euros"]["period"] is None
    # negatives: a period of the clause stands; a day on which a price moved dates it
    text = "Orvalis a publié mardi un bénéfice de 85 millions d'euros au premier trimestre."
    assert _links(nlp, text, "2025-06-11")["85 millions d'euros"]["period"] == "2025-Q1"
    text = "Le nickel a reculé de 2,3 % mardi sur le marché de Londres."
    assert _links(nlp, text, "2025-06-11")["2,3 %"]["period"] == "2025-06-10"


DEAL = """Orvalis s'empare de Pellion pour 1,4 milliard d'euros

Le groupe chimique Orvalis a annoncé lundi le rachat de son concurrent Pellion pour 1,4 milliard \
d'euros, dette comprise.

L'opération sera financée par un emprunt de 600 millions d'euros. Pellion a réalisé en 2024 un \
chiffre d'affaires de 900 millions d'euros."""


def test_an_announcement_day_in_the_lede_frames_no_figure(nlp: Language) -> None:
    links = _links(nlp, DEAL, "2025-02-18")
    assert links["600 millions d'euros"]["period"] is None  # no span frames the deal
    assert links["900 millions d'euros"]["period"] == "2024"  # its own year stands
    assert factex.extract(DEAL, published="2025-02-18", nlp=nlp).frame.period is None


def test_since_the_start_of_the_year_is_the_year_so_far(nlp: Language) -> None:
    text = "Depuis le début de l'année, le titre Belvaux a gagné 12 %."
    assert _links(nlp, text, "2025-04-10")["12 %"]["period"] == "2025"
    # negatives: from a later month, the interval closed on publication; an older start, none
    text = "Depuis mars, le titre Belvaux a perdu 5 %."
    assert _links(nlp, text, "2025-04-10")["5 %"]["period"] == "2025-03/2025-04"
    text = "Depuis janvier 2023, les ventes de Belvaux ont reculé de 18 %."
    assert _links(nlp, text, "2025-04-10")["18 %"]["period"] is None


TARGET = """Vireo vise 2 milliards d'euros de ventes en 2027

Le fabricant de capteurs Vireo a réalisé un chiffre d'affaires de 1,4 milliard d'euros au premier \
semestre 2025, en hausse de 6 %.

Sa marge opérationnelle atteint 11 %."""

BUDGET = """Budget 2026 : l'État vise un déficit de 4,5 %

Le projet de budget pour 2026 prévoit 40 milliards d'euros d'économies.

Les dépenses de l'État atteindront 510 milliards d'euros."""


def test_a_target_year_dates_its_figure_and_frames_no_passage(nlp: Language) -> None:
    links = _links(nlp, TARGET, "2025-07-24")
    assert links["2 milliards d'euros"]["period"] == "2027"
    assert links["11 %"]["period"] == "2025-H1"  # the results' half, not the target's year
    # negative: a year naming what the article is about (a budget) frames it
    links = _links(nlp, BUDGET, "2025-10-01")
    assert links["510 milliards d'euros"]["period"] == "2026"


HOTELS = """Varenne : le résultat semestriel bondit

Le groupe hôtelier Varenne a dégagé au premier semestre 2025 un résultat d'exploitation de \
210 millions d'euros.

Porté par les festivals de l'été, le revenu par chambre a progressé de 6 %. Le chiffre \
d'affaires du premier trimestre avait atteint 1,1 milliard d'euros."""


def test_a_date_saying_which_thing_a_noun_names_dates_no_figure(nlp: Language) -> None:
    links = _links(nlp, HOTELS, "2025-07-24")
    assert links["6 %"]["period"] == "2025-H1"  # not the summer of the festivals
    # negative: a date qualifying the metric itself dates the figure
    assert links["1,1 milliard d'euros"]["period"] == "2025-Q1"
    # negative: after the figure, a date the parse hung on a noun rather dates the clause
    text = "Le groupe prévoit d'investir 800 millions d'euros dans ses dépôts au second semestre."
    assert _links(nlp, text, "2025-03-14")["800 millions d'euros"]["period"] == "2025-H2"


COCOA = """Cacao : la fève recule à Londres

À Londres, le lot de mars a cédé 3,5 % jeudi, à 7 200 livres la tonne.

Le sucre blanc a perdu 1,2 %. Le cours du café a terminé à 320 cents la livre."""


def test_a_delivery_month_frames_no_market_report(nlp: Language) -> None:
    facts = factex.extract(COCOA, published="2025-01-16", nlp=nlp)
    assert facts.frame.period is not None
    assert facts.frame.period.value == "2025-01-16"  # the session, not March's lot
    links = {r.text: r.to_dict() for r in facts.money}
    assert links["320 cents"]["period"] == "2025-01-16"  # a quote keeps the report's day


POINTS = """Talmont : le bénéfice semestriel progresse

Le groupe Talmont a dégagé au premier semestre 2025 un bénéfice net de 95 millions d'euros.

Il a finalisé l'acquisition de son concurrent Brévaux pour 1,3 milliard d'euros. La \
capitalisation du groupe atteint 9 milliards d'euros. Les analystes ont abaissé leur objectif de \
cours de 52 à 48 euros. Son chiffre d'affaires a atteint 1,2 milliard d'euros."""


def test_a_price_or_a_deal_takes_no_period_from_its_passage(nlp: Language) -> None:
    links = _links(nlp, POINTS, "2025-07-30")
    assert links["1,3 milliard d'euros"]["period"] is None  # a deal
    assert links["9 milliards d'euros"]["period"] is None  # a valuation
    assert links["48 euros"]["period"] is None  # a price target, lowered from 52 euros
    # negative: a flow of the same passage takes the half the lede frames
    assert links["1,2 milliard d'euros"]["period"] == "2025-H1"


RENTS = """Loyers : l'indice du deuxième trimestre progresse

Au deuxième trimestre 2025, l'indice de référence des loyers a progressé de 3,1 %.

Pour un loyer de 900 euros, la révision représentera 28 euros par mois. Une hausse plus forte \
coûterait 40 millions d'euros aux bailleurs sociaux. Les loyers perçus par les bailleurs sociaux \
ont atteint 6 milliards d'euros."""


def test_a_supposed_figure_takes_no_period_from_its_passage(nlp: Language) -> None:
    links = _links(nlp, RENTS, "2025-07-16")
    assert links["900 euros"]["period"] is None  # an example
    assert links["28 euros"]["period"] is None
    assert links["40 millions d'euros"]["period"] is None  # a conditional
    # negative: a fact of the passage takes its quarter
    assert links["6 milliards d'euros"]["period"] == "2025-Q2"


def test_the_unit_a_sentence_prices_is_the_rate_of_its_price(nlp: Language) -> None:
    text = (
        "À Chicago, la tonne de soja a cédé 1,4 %, à 372 dollars. "
        "L'once d'argent valait 31 dollars."
    )
    facts = factex.extract(text, published="2025-02-12", nlp=nlp)
    per = {r.text: r.per for r in facts.money}
    assert per["372 dollars"] == "tonne"
    assert per["31 dollars"] == "once"
    # negatives: a share's quote, a thing sold whole, a scaled amount
    text = (
        "L'action Norvane gagnait 3 %, à 41 euros. Le billet de train coûte 25 euros. "
        "La tonne de cuivre a attiré 2 milliards de dollars d'achats."
    )
    facts = factex.extract(text, published="2025-02-12", nlp=nlp)
    assert [r.per for r in facts.money] == [None, None, None]
    assert _per("Financée à hauteur de 0,4 milliard d'euros par de la dette.") == [None]


def test_a_later_day_a_change_applies_on_frames_no_passage(nlp: Language) -> None:
    text = """Pensions : une revalorisation de 2,2 % au 1er juillet

Les pensions de base seront revalorisées de 2,2 % le 1er juillet 2025, a annoncé le ministère.

Environ 38 % des retraités touchent moins de 1 500 euros par mois."""
    facts = factex.extract(text, published="2025-05-20", nlp=nlp)
    assert facts.frame.period is None or facts.frame.period.value != "2025-07-01"
    links = {r.text: r.to_dict() for r in facts.percentages}
    assert links["38 %"]["period"] != "2025-07-01"
    # negative: the figure the day dates keeps it
    assert links["2,2 %"]["period"] == "2025-07-01"


SIDE_CLAUSE = """Les loyers ralentissent encore en octobre

Les loyers du parc privé ont progressé de 2,1 % sur un an en octobre, selon l'observatoire \
Clameur.

Les charges, qui avaient bondi il y a trois ans, n'augmentent plus que de 0,8 %. La taxe \
foncière, relevée en 2023 dans plusieurs villes, pèse pour 9 % du loyer moyen.

Les loyers neufs, qui ont grimpé de 3,4 % en septembre, tirent la moyenne.
"""


def test_a_side_clause_without_a_figure_dates_no_figure(nlp: Language) -> None:
    links = _links(nlp, SIDE_CLAUSE, "2025-11-20")
    # a relative clause or a participle on a noun dates its own event, not the passage
    assert links["0,8 %"]["period"] == "2025-10"
    assert links["9 %"]["period"] == "2025-10"
    # negatives: a side clause that gives a figure dates that figure
    assert links["3,4 %"]["period"] == "2025-09"
    assert links["2,1 %"]["period"] == "2025-10"


OWN_SPAN = """Valmoreau accélère au troisième trimestre

Le fabricant de fenêtres Valmoreau a réalisé au troisième trimestre un chiffre d'affaires de \
412 millions d'euros.

La région engage 90 millions d'euros sur trois ans pour rénover ses lycées. Valmoreau a \
dégagé 31 millions d'euros sur un an dans sa division export, et ses ventes en ligne ont \
atteint 44 millions d'euros.
"""


def test_a_figure_over_a_span_of_its_own_takes_no_lent_period(nlp: Language) -> None:
    links = _links(nlp, OWN_SPAN, "2025-10-23")
    # spread over several years: no figure of the lede's quarter
    assert links["90 millions d'euros"]["period"] is None
    # negatives: "sur un an" compares, a figure with no span of its own keeps the quarter
    assert links["31 millions d'euros"]["period"] == "2025-Q3"
    assert links["44 millions d'euros"]["period"] == "2025-Q3"
    assert links["412 millions d'euros"]["period"] == "2025-Q3"


def test_a_date_in_an_aside_after_the_figure_dates_the_aside(nlp: Language) -> None:
    text = (
        "Le titre Marbelle a chuté de 14 %, à 22,60 euros, son plus bas niveau depuis sa "
        "cotation en 2017."
    )
    links = _links(nlp, text, "2025-05-06")
    assert links["14 %"]["period"] != "2017"
    assert links["22,60 euros"]["period"] != "2017"
    text = (
        "Ondrel a signé un emprunt de 75 millions d'euros, le plus important de son histoire "
        "depuis sa création en 1998."
    )
    assert _links(nlp, text, "2025-05-06")["75 millions d'euros"]["period"] is None
    # negatives: a date after the figure in its own clause, or on a figure's noun, dates it
    text = "Le groupe a engrangé 61 millions d'euros, en hausse de 8 %, au premier trimestre."
    assert _links(nlp, text, "2025-05-06")["61 millions d'euros"]["period"] == "2025-Q1"
    text = "Ondrel a investi 12 millions d'euros dans son usine de Rouen en 2024."
    assert _links(nlp, text, "2025-05-06")["12 millions d'euros"]["period"] == "2024"


MIGHT = """Ternadis publie un chiffre d'affaires en hausse au premier semestre

Le laboratoire Ternadis a réalisé au premier semestre un chiffre d'affaires de 820 millions \
d'euros.

Son nouveau vaccin pourrait rapporter 300 millions d'euros par an, selon les analystes. Le \
chiffre d'affaires devrait atteindre 1,7 milliard d'euros, et ses ventes en Asie ont progressé \
à 95 millions d'euros.
"""


def test_a_figure_that_might_be_takes_no_lent_period(nlp: Language) -> None:
    links = _links(nlp, MIGHT, "2025-07-24")
    assert links["300 millions d'euros"]["period"] is None
    # negatives: a forecast ("devrait") and a fact keep the half the lede frames
    assert links["1,7 milliard d'euros"]["period"] == "2025-H1"
    assert links["95 millions d'euros"]["period"] == "2025-H1"


SESSION = """La Bourse de Paris recule, Vantelle s'envole

Le CAC 40 a cédé 0,8 % jeudi 12 juin, à 7 640 points.

Vantelle a bondi de 9 %, à 31,20 euros, portant sa capitalisation à 2,4 milliards d'euros, \
après la signature d'un contrat de 310 millions d'euros avec la marine.
"""


def test_a_deal_told_on_a_session_day_takes_no_period(nlp: Language) -> None:
    links = _links(nlp, SESSION, "2025-06-12")
    assert links["310 millions d'euros"]["period"] is None
    # negatives: the quotes of the session keep its day
    assert links["2,4 milliards d'euros"]["period"] == "2025-06-12"
    assert links["9 %"]["period"] == "2025-06-12"


def test_a_date_right_after_a_figure_past_its_preposition_dates_it(nlp: Language) -> None:
    text = (
        "La dette de la province devrait passer de 38,2 % du PIB au 31 mars 2025 à 39,6 % "
        "au 31 mars 2026."
    )
    links = _links(nlp, text, "2025-03-20")
    assert links["39,6 %"]["period"] == "2026-03-31"
    assert links["38,2 %"]["period"] == "2025-03-31"
    # negative: a date after a noun complement of the figure is no date right after it
    text = "Les ventes ont atteint 4 % du marché en 2024, contre 3 % au premier semestre 2023."
    assert _links(nlp, text, "2025-03-20")["4 %"]["period"] == "2024"

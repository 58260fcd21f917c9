"""Money: the pure finder (table-driven) and the factex_money component on the real model."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from factex.components.extensions import MONEY
from factex.components.money import sentence_bounds
from factex.normalize.money import apply_scale, currency_code, find_money, scale_factor

Row = tuple[str, str | None, str | None, bool, str | None, str | None]


def _rows(text: str) -> list[Row]:
    out = []
    for m in find_money(text):
        d = m.as_dict()
        out.append(
            (text[m.start : m.end], d["amount"], d["currency"], d["currency_inferred"],
             d["amount_min"], d["amount_max"])
        )
    return out


def one(span: str, amount: str | None, currency: str | None = "EUR", inferred: bool = False,
        low: str | None = None, high: str | None = None) -> Row:
    return (span, amount, currency, inferred, low, high)


CASES: list[tuple[str, list[Row]]] = [
    # formats
    ("Il a coûté 39,9 milliards de dollars.",
     [one("39,9 milliards de dollars", "39900000000", "USD")]),
    ("un total de 1 000 000 euros", [one("1 000 000 euros", "1000000")]),
    ("un total de 1.000.000 €", [one("1.000.000 €", "1000000")]),
    ("une prime de 10.000 euros", [one("10.000 euros", "10000")]),
    ("1\u00a0500 €", [one("1\u00a0500 €", "1500")]),
    ("5M€ levés", [one("5M€", "5000000")]),
    ("3 k€ par an", [one("3 k€", "3000")]),
    ("450 M€", [one("450 M€", "450000000")]),
    ("2 Md€", [one("2 Md€", "2000000000")]),
    ("2 Mds€", [one("2 Mds€", "2000000000")]),
    ("1,2 Mrd €", [one("1,2 Mrd €", "1200000000")]),
    ("10 millions €", [one("10 millions €", "10000000")]),
    ("3 billions de dollars", [one("3 billions de dollars", "3000000000000", "USD")]),
    ("mille euros", [one("mille euros", "1000")]),
    ("12,345 euros", [one("12,345 euros", "12.345")]),
    ("1,125 milliard d'euros", [one("1,125 milliard d'euros", "1125000000")]),
    ("10 mille euros", [one("10 mille euros", "10000")]),
    ("2 millions 500 000 euros", [one("2 millions 500 000 euros", "2500000")]),
    ("un million deux cent mille euros", [one("un million deux cent mille euros", "1200000")]),
    # "et" joins "vingt et un", not two numbers: ranges in words
    ("entre cinq et dix euros", [one("entre cinq et dix euros", None, "EUR", False, "5", "10")]),
    ("entre un et deux millions d'euros",
     [one("entre un et deux millions d'euros", None, "EUR", False, "1000000", "2000000")]),
    ("de deux à trois milliards de dollars",
     [one("de deux à trois milliards de dollars", None, "USD", False, "2000000000",
          "3000000000")]),
    ("Le club a payé soixante et onze euros.", [one("soixante et onze euros", "71")]),
    ("mille et un euros", [one("mille et un euros", "1001")]),
    ("Il a dépensé entre deux et 3 millions d'habitants.", []),
    # a rest as large as its scale is a second figure
    ("2 millions 3 millions d'euros",
     [one("2 millions", "2000000", inferred=True), one("3 millions d'euros", "3000000")]),
    ("deux millions et demi 300 euros",
     [one("deux millions et demi", "2500000", inferred=True), one("300 euros", "300")]),
    ("3 milliards 200 millions d'euros",
     [one("3 milliards 200 millions d'euros", "3200000000")]),
    ("un milliard deux cents millions de dollars",
     [one("un milliard deux cents millions de dollars", "1200000000", "USD")]),
    # symbols, codes, names
    ("$4,5 milliards", [one("$4,5 milliards", "4500000000", "USD")]),
    ("US$ 5 millions", [one("US$ 5 millions", "5000000", "USD")]),
    ("5 millions USD", [one("5 millions USD", "5000000", "USD")]),
    ("£9", [one("£9", "9", "GBP")]),
    ("1 000 ¥", [one("1 000 ¥", "1000", "JPY")]),
    ("CHF 20", [one("CHF 20", "20", "CHF")]),
    ("20 francs suisses", [one("20 francs suisses", "20", "CHF")]),
    ("500 000 FCFA", [one("500 000 FCFA", "500000", "XOF")]),
    ("500 000 XAF", [one("500 000 XAF", "500000", "XAF")]),
    ("30 dirhams", [one("30 dirhams", "30", "MAD")]),
    ("30 yuans", [one("30 yuans", "30", "CNY")]),
    ("30 nairas", [one("30 nairas", "30", "NGN")]),
    ("30 roubles", [one("30 roubles", "30", "RUB")]),
    ("30 yens", [one("30 yens", "30", "JPY")]),
    ("30 dollars canadiens", [one("30 dollars canadiens", "30", "CAD")]),
    ("30 livres sterling", [one("30 livres sterling", "30", "GBP")]),
    ("30 francs", [one("30 francs", "30", None)]),
    # a change to an amount in a word that names no currency: nothing to infer
    ("Le loyer est passé de 900 à 1 100 francs.",
     [one("900", "900", None), one("1 100 francs", "1100", None)]),
    ("50 centimes d'euro", [one("50 centimes d'euro", "0.5")]),
    ("2 euros et 50 centimes", [one("2 euros et 50 centimes", "2.5")]),
    # a sub-unit's currency is never written next to it: always inferred
    ("Le litre a pris 12 centimes en un mois.", [one("12 centimes", "0.12", "EUR", True)]),
    ("Le timbre passe à 1,29 euro, soit 8 centimes de plus.",
     [one("1,29 euro", "1.29"), one("8 centimes", "0.08", "EUR", True)]),
    ("Le billet coûte 3,50 francs suisses, soit 20 centimes de plus.",
     [one("3,50 francs suisses", "3.5", "CHF"), one("20 centimes", "0.2", "CHF", True)]),
    ("23 cents", [one("23 cents", "0.23", None)]),
    ("Le billet coûte 3 francs suisses. Il a pris 20 centimes.",
     [one("3 francs suisses", "3", "CHF"), one("20 centimes", "0.2", "CHF", True)]),
    ("La taxe est de 2 francs. La lettre coûte 25 centimes.",
     [one("2 francs", "2", None), one("25 centimes", "0.25", None)]),
    ("Le menu coûte 12 euros 50.", [one("12 euros 50", "12.5")]),
    ("12 euros 50 ans plus tard", [one("12 euros", "12")]),
    ("12 euros 500 fois", [one("12 euros", "12")]),
    # number words
    ("trente-cinq euros", [one("trente-cinq euros", "35")]),
    ("deux millions d'euros", [one("deux millions d'euros", "2000000")]),
    ("vingt et un mille dollars", [one("vingt et un mille dollars", "21000", "USD")]),
    ("un dollar", [one("un dollar", "1", "USD")]),
    ("quatre milliards et demi d'euros", [one("quatre milliards et demi d'euros", "4500000000")]),
    ("1 milliard et demi de dollars", [one("1 milliard et demi de dollars", "1500000000", "USD")]),
    ("2,5 millions et demie d'euros", []),
    ("deux millions et demi d'habitants", []),
    ("9 milliards d'euros, dont un milliard et demi en Asie",
     [one("9 milliards d'euros", "9000000000"),
      one("un milliard et demi", "1500000000", inferred=True)]),
    ("un milliard et demi", []),
    ("un demi-milliard d'euros", [one("un demi-milliard d'euros", "500000000")]),
    ("un demi-million de dollars", [one("un demi-million de dollars", "500000", "USD")]),
    ("un demi-million d'habitants", []),
    ("€2m", []),
    ("$5bn", []),
    ("trois millions et demi-frère", []),
    # ranges and bounds
    ("entre 10 et 20 millions d'euros",
     [one("entre 10 et 20 millions d'euros", None, low="10000000", high="20000000")]),
    ("de 3 à 5 milliards de dollars",
     [one("de 3 à 5 milliards de dollars", None, "USD", low="3000000000", high="5000000000")]),
    ("10 à 12 M€", [one("10 à 12 M€", None, low="10000000", high="12000000")]),
    ("10-20 €", [one("10-20 €", None, low="10", high="20")]),
    ("entre 500 millions et 1 milliard d'euros",
     [one("entre 500 millions et 1 milliard d'euros", None, low="500000000", high="1000000000")]),
    ("de 800 à 1,2 milliard d'euros",
     [one("de 800 à 1,2 milliard d'euros", None, low="800000000", high="1200000000")]),
    ("plus de 2 millions d'euros", [one("plus de 2 millions d'euros", None, low="2000000")]),
    ("plus d'un milliard de dollars",
     [one("plus d'un milliard de dollars", None, "USD", low="1000000000")]),
    ("pas moins de 5 €", [one("pas moins de 5 €", None, low="5")]),
    ("moins de 10 €", [one("moins de 10 €", None, high="10")]),
    ("jusqu'à 3 000 euros", [one("jusqu'à 3 000 euros", None, high="3000")]),
    ("jusqu’à 3 000 euros", [one("jusqu’à 3 000 euros", None, high="3000")]),
    ("pas plus de 5 €", [one("pas plus de 5 €", None, high="5")]),
    ("environ 3 millions d'euros", [one("environ 3 millions d'euros", "3000000")]),
    ("près de 3 millions d'euros", [one("près de 3 millions d'euros", "3000000")]),
    ("quasi neuf livres", [one("quasi neuf livres", "9", "GBP")]),
    ("est passé de 10 à 12 millions d'euros",
     [one("10", "10000000", inferred=True), one("12 millions d'euros", "12000000")]),
    ("est passée de 10 à 5 millions d'euros",
     [one("10", "10000000", inferred=True), one("5 millions d'euros", "5000000")]),
    # a year is never an amount nor a range bound
    ("est passé de 2,4 milliards d'euros en 2019 à 2,9 milliards en 2022",
     [one("2,4 milliards d'euros", "2400000000"),
      one("2,9 milliards", "2900000000", inferred=True)]),
    ("grimpe de 700 millions en 2023 à 1,1 milliard de dollars",
     [one("700 millions", "700000000", "USD", True),
      one("1,1 milliard de dollars", "1100000000", "USD")]),
    ("passera de 600 fin 2024 à 1,3 milliard d'euros",
     [one("600", "600000000", inferred=True), one("1,3 milliard d'euros", "1300000000")]),
    ("est passé de 7 euros en 2020 à 9,40 euros en 2024",
     [one("7 euros", "7"), one("9,40 euros", "9.4")]),
    ("fixé en juillet 2019 à 3 millions d'euros", [one("3 millions d'euros", "3000000")]),
    ("depuis 2015 à 40 millions d'euros par an", [one("40 millions d'euros", "40000000")]),
    ("une baisse de 3 à 5 millions d'euros",
     [one("de 3 à 5 millions d'euros", None, low="3000000", high="5000000")]),
    # the verb's object may stand between the change verb and "de X à Y"
    ("La banque a relevé son prix cible de 54 à 61 euros.",
     [one("54", "54", inferred=True), one("61 euros", "61")]),
    ("un objectif de cours compris de 54 à 61 euros",
     [one("de 54 à 61 euros", None, low="54", high="61")]),
    # a bound after an elided "de" belongs to the span; other elisions are no bound
    ("La dépense devrait reculer d'environ 45 millions d'euros.",
     [one("environ 45 millions d'euros", "45000000")]),
    ("un excédent d’au moins 2,3 milliards d'euros",
     [one("au moins 2,3 milliards d'euros", None, low="2300000000")]),
    ("de 12 millions d'euros au premier semestre 2022 à 18 millions au premier semestre 2023",
     [one("12 millions d'euros", "12000000"), one("18 millions", "18000000", inferred=True)]),
    ("de 300 millions d'euros en 2019-2020 à 450 millions en 2022-2023",
     [one("300 millions d'euros", "300000000"), one("450 millions", "450000000", inferred=True)]),
    ("entre 1500 et 2000 milliards de yuans",
     [one("entre 1500 et 2000 milliards de yuans", None, "CNY", low="1500000000000",
          high="2000000000000")]),
    ("de 1800 à 2000 euros", [one("de 1800 à 2000 euros", None, low="1800", high="2000")]),
    ("payé 2020 € comptant", [one("2020 €", "2020")]),
    ("est passé de 8 euros en 2019 à 9,50 en 2023",
     [one("8 euros", "8"), one("9,50", "9.5", inferred=True)]),
    # currency from context
    ("18 milliards d'euros, dont 5 milliards en France",
     [one("18 milliards d'euros", "18000000000"), one("5 milliards", "5000000000", inferred=True)]),
    ("dont 2 milliards en France, sur un total de 9 milliards de dollars",
     [one("2 milliards", "2000000000", "USD", True),
      one("9 milliards de dollars", "9000000000", "USD")]),
    ("12 euros pour les adultes et 8 pour les enfants",
     [one("12 euros", "12"), one("8", "8", inferred=True)]),
    ("vendu 62 euros contre 58 en 2017", [one("62 euros", "62"), one("58", "58", inferred=True)]),
    ("18 milliards d'euros, contre 16,5 en 2017",
     [one("18 milliards d'euros", "18000000000"), one("16,5", "16500000000", inferred=True)]),
    ("entre 2 et 3 milliards, soit 2 % de ses 150 milliards d'euros de ventes",
     [one("entre 2 et 3 milliards", None, inferred=True, low="2000000000", high="3000000000"),
      one("150 milliards d'euros", "150000000000")]),
    # a bare figure that repeats the construction of the amount before it: its currency and
    # its scale (same preposition after both, or a gapped verb)
    ("Le plan prévoit 45 M€ pour les routes, 30 pour les écoles et 12 pour la culture.",
     [one("45 M€", "45000000"), one("30", "30000000", inferred=True),
      one("12", "12000000", inferred=True)]),
    ("La Ville consacre 3,5 millions d'euros aux crèches, 1,2 aux écoles.",
     [one("3,5 millions d'euros", "3500000"), one("1,2", "1200000", inferred=True)]),
    ("Le forfait coûte 15 euros par adulte, 9 par enfant.",
     [one("15 euros", "15"), one("9", "9", inferred=True)]),
    ("L'État apportera 2 milliards d'euros, la région 500 millions et les communes 300.",
     [one("2 milliards d'euros", "2000000000"), one("500 millions", "500000000", inferred=True),
      one("300", "300000000", inferred=True)]),
    ("Le ministère débloque 120 millions de dollars, la Banque mondiale 80.",
     [one("120 millions de dollars", "120000000", "USD"),
      one("80", "80000000", "USD", True)]),
    ("Le département versera 4 M€, l'agglomération plus de 2.",
     [one("4 M€", "4000000"), one("plus de 2", None, inferred=True, low="2000000")]),
    # ... but not a figure of another kind in the same place
    ("Le plan prévoit 45 M€ pour les routes et 30 km de pistes cyclables.",
     [one("45 M€", "45000000")]),
    ("Le plan prévoit 45 M€ pour les routes, 30 kilomètres pour les pistes.",
     [one("45 M€", "45000000")]),
    ("Il prévoit 45 M€ pour les routes en 2025, en 2026 30 pour les écoles.",
     [one("45 M€", "45000000")]),
    ("L'État versera 3 milliards d'euros pour 12 projets.",
     [one("3 milliards d'euros", "3000000000")]),
    ("Le plan prévoit 45 M€ pour les routes, 1 500 pour les écoles.",
     [one("45 M€", "45000000")]),
    ("Le plan prévoit 45 M€ pour les routes, 30 pour 100 pour les écoles.",
     [one("45 M€", "45000000")]),
    ("Le club a dépensé 45 M€ pour son attaquant, 2e pour un joueur du championnat.",
     [one("45 M€", "45000000")]),
    ("Le club a dépensé 80 M€ pour le transfert, le rang 3 de la saison.",
     [one("80 M€", "80000000")]),
    ("La réforme coûtera 2 milliards d'euros, la page 12 du rapport le détaille.",
     [one("2 milliards d'euros", "2000000000")]),
    ("Le billet coûte 12 euros, la réduction 3 pour les étudiants.", [one("12 euros", "12")]),
    ("Il a payé 20 euros, le 12.", [one("20 euros", "20")]),
    ("Le plan prévoit 45 M€ pour les routes, 30 % pour les écoles.", [one("45 M€", "45000000")]),
    # CFA francs: XOF by default, XAF (inferred) where only CEMAC places are named
    ("Le Cameroun emprunte 150 milliards de francs CFA.",
     [one("150 milliards de francs CFA", "150000000000", "XAF", True)]),
    ("À Libreville, le budget atteint 3 000 milliards de FCFA, dont 400 milliards pour la dette.",
     [one("3 000 milliards de FCFA", "3000000000000", "XAF", True),
      one("400 milliards", "400000000000", "XAF", True)]),
    ("Le litre coûte 650 F CFA à N’Djamena.", [one("650 F CFA", "650", "XAF", True)]),
    ("Le port de Pointe-Noire investit de 20 à 25 milliards de FCFA.",
     [one("de 20 à 25 milliards de FCFA", None, "XAF", True, "20000000000", "25000000000")]),
    ("L'État camerounais a versé 12 milliards de FCFA.",
     [one("12 milliards de FCFA", "12000000000", "XAF", True)]),
    ("Le Gabon a émis un emprunt. Il porte sur 200 milliards de FCFA.",
     [one("200 milliards de FCFA", "200000000000", "XAF", True)]),
    ("À Dakar, le budget atteint 6 000 milliards de FCFA.",
     [one("6 000 milliards de FCFA", "6000000000000", "XOF")]),
    ("Le Sénégal et le Cameroun ont levé 90 milliards de FCFA.",
     [one("90 milliards de FCFA", "90000000000", "XOF")]),
    ("Le Gabon a émis un emprunt. Le Mali aussi. Chacun porte sur 50 milliards de FCFA.",
     [one("50 milliards de FCFA", "50000000000", "XOF")]),
    ("Au Cameroun, 500 000 francs CFA BCEAO", [one("500 000 francs CFA BCEAO", "500000", "XOF")]),
    ("À Abidjan, 500 000 FCFA BEAC", [one("500 000 FCFA BEAC", "500000", "XAF")]),
    ("La RDC a levé 300 000 francs congolais à Kinshasa.",
     [one("300 000 francs congolais", "300000", "CDF")]),
    ("La République démocratique du Congo paie 300 000 FCFA.",
     [one("300 000 FCFA", "300000", "XOF")]),
    ("4 milliards d'euros de dette, dont 2,5 milliards d'obligations et 900 millions de prêts",
     [one("4 milliards d'euros", "4000000000"),
      one("2,5 milliards", "2500000000", inferred=True),
      one("900 millions", "900000000", inferred=True)]),
    ("3 milliards d'euros pour 2 millions de foyers",
     [one("3 milliards d'euros", "3000000000")]),
    # negatives
    ("Un million de personnes ont défilé.", []),
    ("3 millions d'habitants et 2 milliards de dollars",
     [one("2 milliards de dollars", "2000000000", "USD")]),
    ("2017-2018", []),
    ("le 3 juillet 2018", []),
    ("en hausse de 58 %", []),
    ("appelez le 01 45 67 89 10", []),
    ("Il a 58 ans et 2017 est passé.", []),
    ("5 milliards en 2017", []),
    ("Il a écrit trois livres.", []),
    ("un franc succès", []),
    ("un euro numérique", []),
    ("cédée pour un euro symbolique", [one("un euro", "1")]),
    ("trois balles dans le dos", []),
    # colloquial "balles": money (currency unknown) only with a price cue and no gun or game
    ("3 balles", [one("3 balles", "3", None)]),
    ("Trois balles.", [one("Trois balles", "3", None)]),
    ("Au bistrot du coin, un demi coûte 4 balles.", [one("4 balles", "4", None)]),
    ("Un menu à 15 balles, c'est fini.", [one("15 balles", "15", None)]),
    ("Il a revendu sa mobylette pour 300 balles.", [one("300 balles", "300", None)]),
    ("Il gagne 1 500 balles par mois.", [one("1 500 balles", "1500", None)]),
    ("Une place coûte entre 40 et 60 balles.", [one("entre 40 et 60 balles", None, None,
                                                  False, "40", "60")]),
    ("Le prix du ticket est passé de 2 à 3 balles en un an.",
     [one("2", "2", None), one("3 balles", "3", None)]),
    ("Le ticket est passé de 2 à 3 balles en un an.", []),
    ("Le billet coûte 12 euros, mais pour 300 balles on a le concert et le repas.",
     [one("12 euros", "12"), one("300 balles", "300", None)]),
    ("Le billet coûte 12 euros. Trois balles ont été retrouvées dans la voiture.",
     [one("12 euros", "12")]),
    ("Trois balles ont été tirées sur la façade de la mairie.", []),
    ("Le policier a été touché par deux balles.", []),
    ("Plus de 200 balles en caoutchouc ont été utilisées samedi.", []),
    ("Elle a sauvé trois balles de match.", []),
    ("Le tireur avait acheté 500 balles en ligne.", []),
    ("Un argumentaire à deux balles, selon l'opposition.", []),
    ("Le prix n'a pas bougé, mais deux balles perdues ont frôlé des passants.", []),
    ("Cette erreur lui a coûté la vie : il a reçu trois balles.", []),
    ("Les enquêteurs ont retrouvé 14 balles sur le parking.", []),
    ("Au club, une boîte de 50 balles coûte désormais 40 euros.", [one("40 euros", "40")]),
    ("Le prix de sa fuite : il a échappé à trois balles.", []),
    ("12 euros en 2017 et 2018", [one("12 euros", "12")]),
    ("Le contrat vaut 1 million d'euros. Il emploie 3 millions.",
     [one("1 million d'euros", "1000000")]),
    # news writes the currency once: a bare scaled figure continues its passage's currency
    ("Le groupe a réalisé 18 milliards d'euros. Son bénéfice atteint 2 milliards.",
     [one("18 milliards d'euros", "18000000000"), one("2 milliards", "2000000000", inferred=True)]),
    ("Ventes : 4 milliards de dollars.\n\nLa filiale a cédé 2 milliards.",
     [one("4 milliards de dollars", "4000000000", "USD"),
      one("2 milliards", "2000000000", "USD", inferred=True)]),
    # but not past the next paragraph, nor after a verb that counts
    ("Budget : 4 milliards d'euros.\n\nSuite.\n\nLa ville compte 2 millions.",
     [one("4 milliards d'euros", "4000000000")]),
    ("Le site a coûté 9 millions d'euros. Il accueille 2 millions chaque année.",
     [one("9 millions d'euros", "9000000")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_money(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


KNOWN_MISSES = [
    ("une livre", [one("une livre", "1", "GBP")], "'livre' alone is not read as a currency"),
    ("« Il m'a filé 20 balles pour le taxi », raconte-t-elle.", [one("20 balles", "20", None)],
     "'filer' (to give) is no price cue: bullets 'filent' too"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, marks=pytest.mark.xfail(strict=True, reason=r))
        for t, e, r in KNOWN_MISSES
    ],
)
def test_find_money_known_misses(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("word", "code"),
    [("€", "EUR"), ("$", "USD"), ("£", "GBP"), ("livres", "GBP"), ("Livres Sterling", "GBP"),
     ("EUR", "EUR"), ("FCFA", "XOF"), ("dollars canadiens", "CAD"), ("yuans", "CNY"),
     ("dirhams", "MAD"), ("nairas", "NGN"), ("roubles", "RUB"), ("yens", "JPY"),
     ("francs suisses", "CHF"), ("dinars", None), ("francs", None), ("balles", None)],
)
def test_currency_code(word: str, code: str | None) -> None:
    assert currency_code(word) == code


def test_currency_code_unknown() -> None:
    with pytest.raises(KeyError):
        currency_code("bananes")


@pytest.mark.parametrize(
    ("word", "factor"),
    [("mille", "1000"), ("million", "1000000"), ("Milliards", "1000000000"),
     ("billions", "1000000000000"), ("k", "1000"), ("M", "1000000"), ("Md", "1000000000"),
     ("Mds", "1000000000"), ("Mrd", "1000000000")],
)
def test_scale_factor(word: str, factor: str) -> None:
    assert scale_factor(word) == Decimal(factor)
    assert apply_scale(Decimal("2.5"), word) == Decimal("2.5") * Decimal(factor)


def test_lowercase_m_is_not_a_scale() -> None:
    with pytest.raises(KeyError):
        scale_factor("m")


# -- the component, on the real pipeline ------------------------------------------------


def test_component_spans_are_token_aligned_and_disjoint(nlp: Language) -> None:
    text = (
        "La société a levé 4 k€. Puis 5M€, entre 10 et 20 millions d'euros, "
        "et enfin 3 milliards de dollars, dont 1 milliard en Asie."
    )
    doc = nlp(text)
    spans = list(doc.spans[MONEY])
    assert [s.text for s in spans] == [
        "4 k€", "5M€", "entre 10 et 20 millions d'euros", "3 milliards de dollars", "1 milliard",
    ]
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for span in spans:
        assert doc.char_span(span.start_char, span.end_char) is not None
        json.dumps(span._.factex_money)  # JSON-safe
    assert spans[-1]._.factex_money == {
        "amount": "1000000000", "currency": "USD", "currency_inferred": True,
        "amount_min": None, "amount_max": None, "per": None,
    }


def test_sentence_bounds_glue_a_parser_break_after_a_comma(nlp: Language) -> None:
    words = ["Il", "coûte", "2", "euros", ",", "contre", "1,90", ".", "Puis", "3", "."]
    starts: list[bool | int | None] = [
        True, False, False, False, False, True, False, False, True, False, False
    ]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    bounds = sentence_bounds(doc)
    assert bounds is not None
    assert [doc.text[a:b] for a, b in bounds] == ["Il coûte 2 euros , contre 1,90 .", "Puis 3 ."]


def test_component_carries_across_a_comma_the_parser_took_for_an_end(nlp: Language) -> None:
    doc = nlp("Le ticket de bus est à 2 euros, contre 1,90 en 2023 pour 500 000 usagers.")
    assert [(s.text, s._.factex_money["currency"]) for s in doc.spans[MONEY]] == [
        ("2 euros", "EUR"), ("1,90", "EUR"),
    ]


def test_component_values_survive_docbin(nlp: Language) -> None:
    doc = nlp("Le fonds pèse 39,9 milliards de dollars.")
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    spans = list(back.spans[MONEY])
    assert [s.text for s in spans] == ["39,9 milliards de dollars"]
    value: dict[str, Any] = spans[0]._.factex_money
    assert value["amount"] == "39900000000"


def test_component_drops_a_list_figure_after_a_verb(nlp: Language) -> None:
    # the pure finder cannot tell "les communes 300" (a gapped verb) from "le groupe emploie
    # 300"; the component reads the verb in the parse
    doc = nlp("L'État apportera 2 milliards d'euros et les communes 300.")
    assert [s.text for s in doc.spans[MONEY]] == ["2 milliards d'euros", "300"]
    assert doc.spans[MONEY][1]._.factex_money["amount"] == "300000000000"
    text = "Le groupe a payé 2 milliards d'euros, le groupe emploie 300."
    assert [text[m.start : m.end] for m in find_money(text)] == ["2 milliards d'euros", "300"]
    doc = nlp(text)
    assert [s.text for s in doc.spans[MONEY]] == ["2 milliards d'euros"]


def test_component_on_empty_and_moneyless_docs(nlp: Language) -> None:
    assert list(nlp("").spans[MONEY]) == []
    assert list(nlp("Il pleut sur Paris depuis 2017.").spans[MONEY]) == []


def test_component_without_parser_uses_rough_sentences(nlp: Language) -> None:
    with nlp.select_pipes(enable=["factex_money"]):
        doc = nlp(
            "Il a 18 milliards d'euros. Elle a 2 milliards. "
            "Et 18 milliards d'euros, dont 3 milliards."
        )
    assert [(s.text, s._.factex_money["currency"]) for s in doc.spans[MONEY]] == [
        ("18 milliards d'euros", "EUR"), ("2 milliards", "EUR"), ("18 milliards d'euros", "EUR"),
        ("3 milliards", "EUR"),
    ]


def test_component_judges_balles_by_the_parsed_sentence(nlp: Language) -> None:
    # the bullet words of one sentence must not veto the price of the next, nor the reverse
    doc = nlp(
        "Deux balles ont été tirées contre la devanture du kebab dans la nuit. "
        "Le patron, lui, vend toujours son sandwich 8 balles."
    )
    assert [(s.text, s._.factex_money["amount"], s._.factex_money["currency"])
            for s in doc.spans[MONEY]] == [("8 balles", "8", None)]


# -- the French-speaking world (issue 13): own sentences, each class with negatives -----------

WorldRow = tuple[str, str | None, str | None, bool, str | None]

WORLD: list[tuple[str, str | None, list[WorldRow]]] = [
    # CLDR names, plurals and symbols, old currencies too
    ("La papeterie d'Oulu a réalisé 480 millions de marks finlandais de ventes.", None,
     [("480 millions de marks finlandais", "480000000", "FIM", False, None)]),
    ("Le brasseur a investi 75 millions de florins en 1996.", "1996-04-02",
     [("75 millions de florins", "75000000", "NLG", False, None)]),
    ("Un carnet de tickets valait 9 800 lires à Turin.", None,
     [("9 800 lires", "9800", "ITL", False, None)]),
    # a scale makes pounds of "livres" (a hundred million books is no news)
    ("La banque a racheté pour 100 millions de livres d'actions.", None,
     [("100 millions de livres", "100000000", "GBP", False, None)]),
    ("Le pont a coûté 2,3 milliards d'écus.", None,
     [("2,3 milliards d'écus", "2300000000", "XEU", False, None)]),
    # a generic word takes the currency of the place, on the day of the text
    ("NEUCHÂTEL - La piscine couverte coûtera 18 millions de francs.", "2023-09-12",
     [("18 millions de francs", "18000000", "CHF", True, None)]),
    ("À Liège, le journal du matin coûtait 35 francs.", "1997-02-10",
     [("35 francs", "35", "BEF", True, None)]),
    ("La carte orange coûtait 279 F par mois.", "1993-01-15",
     [("279 F", "279", "FRF", True, "mois")]),
    ("Le même abonnement coûte 90 francs.", "2024-01-15",
     [("90 francs", "90", None, False, None)]),
    ("À Oran, la course en taxi coûte 300 dinars.", None,
     [("300 dinars", "300", "DZD", True, None)]),
    ("Le loyer d'un studio à Vancouver dépasse 2 300 $ par mois.", None,
     [("2 300 $", "2300", "CAD", True, "mois")]),
    ("Le studio new-yorkais a levé 40 millions de $ auprès de fonds.", None,
     [("40 millions de $", "40000000", "USD", False, None)]),
    # the territory holding most of the text's place mentions settles a sentence naming none
    ("Les ventes au détail reculent au Québec et à Montréal, malgré un rebond à New York. "
     "Le panier moyen se vend 212 $.", None,
     [("212 $", "212", "CAD", True, None)]),
    ("Le Mexique et les États-Unis négocient. Le baril vaut 71 $.", None,
     [("71 $", "71", "USD", False, None)]),
    ("La jeune pousse a obtenu 6 M$ de la Caisse.", None,
     [("6 M$", "6000000", "CAD", True, None)]),
    ("Les ventes ont atteint 14,2 millions de $ CA.", None,
     [("14,2 millions de $ CA", "14200000", "CAD", False, None)]),
    ("Le titre termine à 3,18 $ c. Ce n'est pas cher : 5 $ c'est peu.", None,
     [("3,18 $ c", "3.18", "CAD", False, None), ("5 $", "5", "USD", False, None)]),
    ("Le fonds a levé 1 500 MDH pour ses usines.", None,
     [("1 500 MDH", "1500000000", "MAD", False, None)]),
    # the day an amount is about: a year in its sentence, "il y a N ans"
    ("En 1991, le groupe lillois a racheté la filature pour 85 millions de francs.", "2024-02-01",
     [("85 millions de francs", "85000000", "FRF", True, None)]),
    ("Il y a trente ans, le ticket de métro coûtait 6 francs.", "2024-02-01",
     [("6 francs", "6", "FRF", True, None)]),
    ("Il y a trois ans, le ticket coûtait 6 francs.", "2024-02-01",
     [("6 francs", "6", None, False, None)]),
    # Quebec's cent sign; sub-units of a change
    ("Le carton d'œufs se vend 4,19 $, soit 25 ¢ de plus.", None,
     [("4,19 $", "4.19", "CAD", True, None), ("25 ¢", "0.25", "CAD", True, None)]),
    ("NAMUR - La brasserie a porté son dividende de 30 cents à 35 cents par action.", None,
     [("30 cents", "0.30", "EUR", True, None), ("35 cents", "0.35", "EUR", True, "action")]),
    ("LIÈGE - Le ticket de bus a pris trente cents en un an.", None,
     [("trente cents", "0.30", "EUR", True, None)]),
    ("Le stade compte trois cents places.", None, []),
    # pounds and pence; books stay books
    ("Le titre a perdu 9 pence, à 2,15 livres.", None,
     [("9 pence", "0.09", "GBP", False, None), ("2,15 livres", "2.15", "GBP", False, None)]),
    ("Le billet de train est vendu au prix de 40 livres.", None,
     [("40 livres", "40", "GBP", False, None)]),
    ("Elle a rangé quatre livres et 12 livres de poche sur l'étagère.", None, []),
    ("Il a emprunté 6 livres à la médiathèque.", None, []),
    # sub-units
    ("À Sfax, le ticket de bus coûte 450 millimes.", None,
     [("450 millimes", "0.450", "TND", False, None)]),
    ("Le melon est affiché à 2 euros 40 la pièce.", None,
     [("2 euros 40", "2.40", "EUR", False, "pièce")]),
    ("Le café coûte deux euros trente au comptoir.", None,
     [("deux euros trente", "2.30", "EUR", False, None)]),
    ("Il a payé 30 euros 12 mois de suite.", None, [("30 euros", "30", "EUR", False, None)]),
    # typography of real pages
    ("La dette atteint 41, 2 milliards d'euros.", None,
     [("41, 2 milliards d'euros", "41200000000", "EUR", False, None)]),
    ("Le groupe a levé 7,5milliards d'euros.", None,
     [("7,5milliards d'euros", "7500000000", "EUR", False, None)]),
    ("Le loyer s'élève à 1'480 CHF.", None, [("1'480 CHF", "1480", "CHF", False, None)]),
    ("En 2023, l'indice 2020 a 3 ans.", None, []),
    ("La COP28 et le G20 ont réuni 190 pays.", None, []),
    ("Le fonds cotait CHF12,40 à la clôture.", None, [("CHF12,40", "12.40", "CHF", False, None)]),
    # rates and unit prices
    ("Le gazole est vendu 1,74 € le litre.", None, [("1,74 €", "1.74", "EUR", False, "litre")]),
    ("L'électricité est facturée 96 euros par mégawattheure.", None,
     [("96 euros", "96", "EUR", False, "mégawattheure")]),
    ("Le salaire minimum passe à 12,10 € de l'heure.", None,
     [("12,10 €", "12.10", "EUR", False, "heure")]),
    ("Le parking coûte 180 €/mois.", None, [("180 €", "180", "EUR", False, "mois")]),
    ("Il a versé 500 euros le 3 mai.", None, [("500 euros", "500", "EUR", False, None)]),
    ("Le musée a reçu 2 M€ par la région.", None, [("2 M€", "2000000", "EUR", False, None)]),
    ("Au marché noir, on obtient 1 900 francs congolais pour un dollar.", None,
     [("1 900 francs congolais", "1900", "CDF", False, "dollar")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), WORLD, ids=[c[0][:40] for c in WORLD])
def test_money_across_the_french_speaking_world(
    text: str, published: str | None, expected: list[WorldRow]
) -> None:
    got = [
        (text[m.start : m.end], m.as_dict()["amount"], m.currency, m.currency_inferred, m.per)
        for m in find_money(text, published=published)
    ]
    assert [(s, a and Decimal(a), c, i, p) for s, a, c, i, p in got] == [
        (s, a and Decimal(a), c, i, p) for s, a, c, i, p in expected
    ]

"""Subject and source of figures in whole articles: who a figure is about, who reports it.

Short articles written for these tests (headline, lede, body), each mechanism with its negative.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import factex


def _links(nlp: Language, text: str, published: str = "2025-06-12") -> dict[str, dict[str, Any]]:
    facts = factex.extract(text, published=published, nlp=nlp)
    return {r.text: r.to_dict() for r in [*facts.money, *facts.percentages]}


BROKERS = """Marvélis voit ses ventes progresser de 6 % au premier trimestre

Le fabricant de cosmétiques Marvélis a réalisé un chiffre d'affaires de 812 millions d'euros \
au premier trimestre, en hausse de 6 %.

Les analystes de Courtal Partners attendaient des ventes de 790 millions. Le groupe confirme \
une marge de 14 % pour l'année.

Pour les économistes de Ravel Securities, la demande asiatique devrait rebondir de 9 % en 2026. \
Pour 2025, Marvélis prévoit un résultat net de 120 millions d'euros."""


def test_analysts_expectation_is_sourced_not_subject(nlp: Language) -> None:
    links = _links(nlp, BROKERS)
    # "Les analystes de X attendaient ...": X expected the company's figure, X reports it
    assert links["790 millions"]["source"] == "Courtal Partners"
    assert links["790 millions"]["subject"] == "Marvélis"
    # their expectation speaks for its clause only: the next sentence is the company's own
    assert links["14 %"]["source"] is None
    assert links["14 %"]["subject"] == "Marvélis"


def test_pour_introduces_a_source_before_a_role_only(nlp: Language) -> None:
    links = _links(nlp, BROKERS)
    assert links["9 %"]["source"] == "Ravel Securities"
    # "Pour 2025, Marvélis prévoit ...": a year after "pour" is no source, and the company
    # forecasting its own result is its subject, not its source
    assert links["120 millions d'euros"]["source"] is None
    assert links["120 millions d'euros"]["subject"] == "Marvélis"


MACRO = """Inflation : les prix ralentissent à 1,8 % en Belgique

BRUXELLES, 30 mai - Les prix à la consommation ont augmenté de 1,8 % sur un an en mai, \
selon une note publiée jeudi par l'Office statistique belge (OSB).

La Banque nationale de Belgique, qui prévoit une inflation moyenne de 2,1 % en 2025, juge \
la détente durable. Le salaire mensuel moyen a progressé de 2,6 % sur un an, selon le \
ministère de l'Emploi."""


def test_institution_forecasting_a_country_figure_is_its_source(nlp: Language) -> None:
    links = _links(nlp, MACRO)
    # "la Banque nationale ..., qui prévoit 2,1 %": the figure is the country's, the bank's view
    assert links["2,1 %"]["subject"] == "Belgique"
    assert links["2,1 %"]["source"] == "Banque nationale de Belgique"


def test_source_behind_a_published_document(nlp: Language) -> None:
    links = _links(nlp, MACRO)
    # "selon une note publiée par X": the note's author reports the figure
    assert links["1,8 %"]["source"] in ("Office statistique belge", "OSB")
    assert links["1,8 %"]["subject"] == "Belgique"
    # a ministry is named with its department, not by the department alone
    assert links["2,6 %"]["source"] == "ministère de l'Emploi"


HEADLINE = """Dolvane voit son résultat plonger de 27 % en 2024

PARIS, 12 février - Le fabricant de meubles Dolvane a publié mercredi un résultat net de \
41 millions d'euros pour 2024.

En France, le taux de chômage a atteint 7,3 % fin 2024. La marge brute du \
groupe s'est établie à 38,5 %."""


def test_headline_company_beats_the_country_of_the_story(nlp: Language) -> None:
    links = _links(nlp, HEADLINE, "2025-02-12")
    # a company's figure in a headline the parse mangles is the company's, not the dateline's
    assert links["27 %"]["subject"] == "Dolvane"
    assert links["38,5 %"]["subject"] == "Dolvane"
    # negative: a macro figure keeps the country
    assert links["7,3 %"]["subject"] == "France"


SHARES = """Séance agitée pour les valeurs moyennes

Les investisseurs ont salué mardi les comptes de Tirelune. À la Bourse de Paris, l'action \
Corvesse a gagné 4,6 %, tandis que le titre Tirelune a cédé 1,3 %."""


def test_the_share_named_is_the_company_not_the_marketplace(nlp: Language) -> None:
    links = _links(nlp, SHARES, "2025-02-12")
    assert links["4,6 %"]["subject"] == "Corvesse"
    assert links["1,3 %"]["subject"] == "Tirelune"


RIVALS = """Croisières : Navéole accélère, Ostravel marque le pas

Les deux croisiéristes ont publié mardi leurs comptes annuels. Navéole a dégagé un chiffre \
d'affaires de 2,4 milliards d'euros en 2024, en hausse de 11 %.

Chez Ostravel, l'ambiance est plus morose. Le groupe a réalisé un chiffre d'affaires de \
1,1 milliard d'euros, en recul de 4 %.

Le marché mondial de la croisière pèse environ 60 milliards de dollars."""


def test_each_company_of_a_two_company_story_keeps_its_figures(nlp: Language) -> None:
    links = _links(nlp, RIVALS, "2025-03-12")
    assert links["2,4 milliards d'euros"]["subject"] == "Navéole"
    # "Chez Ostravel, ... Le groupe a réalisé": the company named last in the paragraph, which
    # the headline names too ("chez X" makes a name read as a place a company)
    assert links["1,1 milliard d'euros"]["subject"] == "Ostravel"
    assert links["4 %"]["subject"] == "Ostravel"


def test_a_whole_market_figure_is_no_company_s(nlp: Language) -> None:
    links = _links(nlp, RIVALS, "2025-03-12")
    market = next(v for k, v in links.items() if "60 milliards" in k)
    # "le marché mondial ... pèse 60 milliards": not the company of the story
    assert market["subject"] is None
    # negative: "le groupe" in the paragraph before is still the company
    assert links["1,1 milliard d'euros"]["subject"] == "Ostravel"


COMMODITIES = """Matières premières : le soja recule à Chicago

Les prix du soja ont glissé lundi à Chicago, où le contrat de janvier a terminé à 412 dollars \
la tonne, en repli de 1,6 % sur la séance.

Le cacao n'a guère mieux résisté : la tonne pour livraison en mars s'est échangée à \
6 120 dollars. Le café a bondi, ce qui a fait grimper la marge des torréfacteurs à 7,5 %."""


def test_a_quote_takes_the_commodity_of_another_clause(nlp: Language) -> None:
    links = _links(nlp, COMMODITIES, "2025-01-20")
    assert links["412 dollars"]["subject"] == "soja"
    assert links["1,6 %"]["subject"] == "soja"
    assert links["6 120 dollars"]["subject"] == "cacao"
    # negative: a consequence told in a relative clause is no quote of the commodity
    assert links["7,5 %"]["subject"] != "café"


SESSION = """Séance en repli à Paris

Le CAC 40 a cédé 0,6 % mardi.

À l'inverse, Dravelle a bondi de 5,1 %, à 32,40 euros."""


def test_a_name_read_as_a_place_that_moves_by_a_figure_is_a_company(nlp: Language) -> None:
    # the model reads the unknown "Dravelle" as a place; a place does not "bondir de 5,1 %"
    links = _links(nlp, SESSION, "2025-02-11")
    assert links["5,1 %"]["subject"] == "Dravelle"
    assert links["32,40 euros"]["subject"] == "Dravelle"
    # negative: the index's own move stays the index's
    assert links["0,6 %"]["subject"] == "CAC 40"


PLACE_FORECAST = """Luxembourg : l'emploi résiste

LUXEMBOURG, 4 avril - L'emploi salarié a progressé de 1,1 % sur un an au premier trimestre, \
selon l'Institut luxembourgeois de la conjoncture.

Le Conseil national de la productivité prévoit pour sa part une progression de 0,9 % \
l'an prochain."""


def test_a_body_forecasting_a_place_is_its_source(nlp: Language) -> None:
    links = _links(nlp, PLACE_FORECAST, "2025-04-04")
    # in a story about a place, the institute's forecast is the place's figure, its source
    assert links["0,9 %"]["subject"] == "Luxembourg"
    assert links["0,9 %"]["source"] == "Conseil national de la productivité"


MINISTRY = """Mali : la production d'or recule

BAMAKO, 3 mars - La production industrielle d'or a reculé de 23 % en 2024, selon le \
ministère des Mines et de l'Énergie. Les exportations ont baissé de 11 %, selon les analystes."""


def test_a_ministry_is_named_with_its_departments(nlp: Language) -> None:
    links = _links(nlp, MINISTRY, "2025-03-03")
    assert links["23 %"]["source"] == "ministère des Mines et de l'Énergie"
    # negative: analysts of no named firm stay the role
    assert links["11 %"]["source"] == "analystes"


MEASURE_AS_NAME = """Les prix repartent à la hausse en Norvège

OSLO, 10 avril - L'indice des prix à la consommation (IPC) a augmenté de 3,1 % sur un an en \
mars, a annoncé jeudi l'institut national de statistique.

Sur un mois, l'IPC a progressé de 0,4 %. Le groupe Hydrona a vu son Ebitda reculer de 2,5 %."""


def test_a_measure_read_as_a_name_is_no_subject_nor_actor(nlp: Language) -> None:
    facts = factex.extract(MEASURE_AS_NAME, published="2025-04-10", nlp=nlp)
    links = {r.text: r.to_dict() for r in facts.percentages}
    # "l'IPC a progressé": the index is the measure, the country of the story its subject
    assert links["0,4 %"]["subject"] == "Norvège"
    assert all(a.value not in ("IPC", "Ebitda") for a in facts.frame.actors)
    # negative: a company named beside a measure keeps the figure
    assert links["2,5 %"]["subject"] == "Hydrona"


AGENT = """Le marché du vélo recule en Autriche

VIENNE, 2 mai - Les ventes de vélos ont baissé de 7 % en 2024, selon la fédération du cycle.

La croissance du secteur, estimée à 1,2 % par Statistik Austria, reste faible. L'usine de \
Graz, rachetée par Veltrona pour 40 millions d'euros, tourne au ralenti."""


def test_the_agent_of_a_participle_of_saying_is_its_source(nlp: Language) -> None:
    links = _links(nlp, AGENT, "2025-05-02")
    # "estimée à 1,2 % par X": X reports the figure of that clause
    assert links["1,2 %"]["source"] == "Statistik Austria"
    # negative: the agent of a purchase bought something, it reports nothing
    assert links["40 millions d'euros"]["source"] != "Veltrona"


PLACE_NAMED = """Le chômage baisse en Irlande

DUBLIN, 5 mars - Le taux de chômage est tombé à 4,1 % en février, selon l'office central \
des statistiques.

Avec 4,3 % en janvier, l'Irlande reste sous la moyenne européenne, estimée à 6,2 % par \
Eurostat."""


def test_the_story_place_named_in_the_sentence_beats_a_nearest_name(nlp: Language) -> None:
    links = _links(nlp, PLACE_NAMED, "2025-03-05")
    # the sentence names the story's place; the institute after it was only the nearest name
    assert links["4,3 %"]["subject"] == "Irlande"


HOME_BUDGET = """Finances publiques : le gouvernement promet un déficit de 4,9 %

Le projet de budget pour 2027, adopté mercredi en Conseil des ministres, prévoit un déficit \
public de 4,9 % du PIB et sur 22 milliards d'euros d'économies, a indiqué la ministre des \
Comptes publics, Irène Lavaudan.

Les recettes fiscales nettes atteindraient 341 milliards d'euros, en hausse de 2,3 %."""

ABROAD_BUDGET = """Finances publiques : le gouvernement promet un déficit de 4,9 %

Le projet de budget pour 2027, adopté mercredi en Conseil des ministres, prévoit un déficit \
public de 4,9 % du PIB et sur 22 milliards de dollars d'économies, a indiqué la ministre des \
Comptes publics, Irène Lavaudan."""


def test_a_story_naming_no_place_is_about_the_home_territory(nlp: Language) -> None:
    links = _links(nlp, HOME_BUDGET)
    # no country named, figures in euros: the French text's budget is France's
    assert links["4,9 %"]["subject"] == "France"
    assert links["341 milliards d'euros"]["subject"] == "France"
    # the Council that adopted the bill is not whose deficit it is
    assert links["22 milliards d'euros"]["subject"] == "France"


def test_no_home_territory_for_a_currency_not_used_there(nlp: Language) -> None:
    links = _links(nlp, ABROAD_BUDGET)
    # a budget in dollars that names no country: whose it is stays unknown, never France
    assert links["22 milliards de dollars"]["subject"] != "France"
    assert links["4,9 %"]["subject"] != "France"


RATES = """Brésil : la hausse des taux se poursuit

BRASILIA, 20 mars - La Banque centrale du Brésil (BCB) a relevé mercredi son taux directeur \
de 0,75 point, à 11,25 %, pour la quatrième fois d'affilée.

L'inflation brésilienne a atteint 5,1 % en février. Pour les économistes de la banque \
Itavera, le taux directeur devrait grimper à 12 % d'ici à la fin de l'année."""


def test_a_central_bank_is_the_subject_of_the_rates_it_sets(nlp: Language) -> None:
    links = _links(nlp, RATES)
    assert links["11,25 %"]["subject"] in ("Banque centrale du Brésil", "BCB")
    # a later sentence on the same rate: still the bank's, whoever forecasts it
    assert links["12 %"]["subject"] in ("Banque centrale du Brésil", "BCB")
    # not every figure of the story: inflation is the country's, a commercial bank no setter
    assert links["5,1 %"]["subject"] == "Brésil"


def test_a_name_run_into_its_verb_loses_the_verb(nlp: Language) -> None:
    from spacy.tokens import Doc

    from factex.components.syntax import actor_name

    # the model may run a headline's unknown name into the verb after it
    text = "Le SC Brévannes termine sa saison avec la Société générale"
    pos = ["DET", "PROPN", "PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "ADJ"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-ORG", "I-ORG"]
    doc = Doc(nlp.vocab, words=text.split(), pos=pos, ents=ents)
    club, bank = doc.ents
    assert actor_name(club) == "SC Brévannes"
    # a lowercase word of a name that is no verb stays
    assert actor_name(bank) == "Société générale"


FORECAST = """Orbélia : les ventes de lunettes ralentissent

Le lunetier Orbélia a réalisé un chiffre d'affaires de 640 millions d'euros au premier \
semestre, en hausse de 2 %.

« La demande reste molle », nuance Julien Ferrasse, analyste chez Carmaux Finance, qui table \
sur un résultat annuel de 95 millions d'euros. Le fondateur, Paul Orbel, qui a cédé 3 % du \
capital en mars, a empoché 48 millions d'euros."""


def test_an_analyst_expecting_a_figure_is_not_its_subject(nlp: Language) -> None:
    links = _links(nlp, FORECAST)
    # "X, analyste chez Y, qui table sur ...": the company's result, as X expects it
    assert links["95 millions d'euros"]["subject"] == "Orbélia"
    # a person described by no forecasting role keeps the figure of the clause he heads
    assert links["48 millions d'euros"]["subject"] == "Paul Orbel"


RUBRIC = """Transports : les recettes des opérateurs stagnent, selon le régulateur

Les recettes des transporteurs routiers ont atteint 9,2 milliards d'euros au deuxième \
trimestre, selon l'observatoire publié mardi par l'Autorité des transports.

Le groupe Roulenor a annoncé jeudi une levée de 300 millions d'euros pour verdir sa flotte."""

NAMED_RUBRIC = """Roulenor : le transporteur lève 300 millions d'euros

Le groupe Roulenor a annoncé jeudi une levée de 300 millions d'euros pour verdir sa flotte, \
et vise une marge de 6 % en 2026."""


def test_a_headline_rubric_is_no_actor(nlp: Language) -> None:
    links = _links(nlp, RUBRIC)
    # "Transports : ...": the topic word of the headline is no company of the story
    assert links["9,2 milliards d'euros"]["subject"] != "Transports"
    # a company that speaks for its own figure is not reported by the lede's source
    assert links["300 millions d'euros"]["subject"] == "Roulenor"
    assert links["300 millions d'euros"]["source"] is None
    # an unknown word before the colon is a name: the story's actor
    assert _links(nlp, NAMED_RUBRIC)["6 %"]["subject"] == "Roulenor"


BODY = """Suède : la banque centrale maintient ses taux

STOCKHOLM, 8 mai - La Banque centrale de Suède a maintenu jeudi son taux directeur à 2,25 %, \
selon un communiqué de la banque centrale.

La Banque centrale de Suède juge l'inflation maîtrisée. Le bilan de l'institution est revenu \
à 1 100 milliards de couronnes, contre 1 400 milliards un an plus tôt. L'inflation suédoise \
a atteint 2,3 % en avril."""


def test_a_designator_names_again_the_body_of_the_story(nlp: Language) -> None:
    links = _links(nlp, BODY)
    # "le bilan de l'institution": the body the story names, not the country
    assert links["1 100 milliards de couronnes"]["subject"] == "Banque centrale de Suède"
    # a figure owned by no designator stays the country's
    assert links["2,3 %"]["subject"] == "Suède"

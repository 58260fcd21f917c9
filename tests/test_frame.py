"""The document frame: whole short articles written for these tests, each with its negative.

News names its subject, currency and period once, then writes "le groupe", "son bénéfice",
"l'inflation". Each test pins one mechanism; the reasoning sits with the case.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import factex


def _links(nlp: Language, text: str, published: str = "2025-03-14") -> dict[str, dict[str, Any]]:
    facts = factex.extract(text, published=published, nlp=nlp)
    return {r.text: r.to_dict() for r in [*facts.money, *facts.percentages]}


RESULTS = """Tavernel : le bénéfice annuel grimpe de 12 %

Le fabricant Tavernel a dégagé en 2024 un bénéfice net de 214 millions d'euros, \
en hausse de 12 % par rapport à 2023.

Son chiffre d'affaires a progressé de 4,5 %, à 3,1 milliards d'euros. Le groupe vise une marge \
opérationnelle de 9 % en 2025, a indiqué son directeur financier, Hugo Massart.

Selon les analystes de Brisac Finance, le marché européen de la robinetterie devrait stagner."""


def test_subject_named_in_headline_carries_to_later_sentences(nlp: Language) -> None:
    links = _links(nlp, RESULTS)
    # "Son chiffre d'affaires": the company of the headline and lede, from the passage/frame
    assert links["4,5 %"]["subject"] == "Tavernel"
    assert links["4,5 %"]["subject_from"] in ("passage", "frame")
    assert links["3,1 milliards d'euros"]["subject"] == "Tavernel"


def test_speaker_is_source_not_subject(nlp: Language) -> None:
    links = _links(nlp, RESULTS)
    assert links["9 %"]["subject"] == "Tavernel"
    assert links["9 %"]["source"] == "Hugo Massart"
    # the company giving its own figures is no source of them
    assert links["214 millions d'euros"]["source"] is None


def test_comparison_base_is_not_the_period(nlp: Language) -> None:
    links = _links(nlp, RESULTS)
    assert links["12 %"]["period"] == "2024"  # "par rapport à 2023" is the base
    assert links["3,1 milliards d'euros"]["period"] == "2024"  # from the lede
    assert links["9 %"]["period"] == "2025"  # its own date wins


MACRO = """Chômage : le taux remonte légèrement en Wallonie

NAMUR, 12 mars - Le taux de chômage a atteint 8,4 % au quatrième trimestre 2024, contre 8,1 % un \
trimestre plus tôt, a annoncé mercredi l'Institut wallon de la statistique (IWS).

Chez les moins de 25 ans, il grimpe à 19,5 %, selon l'IWS."""


def test_macro_figures_belong_to_the_place_and_the_institute_is_the_source(
    nlp: Language,
) -> None:
    links = _links(nlp, MACRO)
    assert links["8,4 %"]["subject"] == "Wallonie"
    assert links["8,4 %"]["source"] in ("Institut wallon de la statistique", "IWS")
    assert links["19,5 %"]["subject"] == "Wallonie"  # the place of the story, not the institute
    assert links["19,5 %"]["source"] in ("Institut wallon de la statistique", "IWS")


def test_a_paragraph_about_another_company_keeps_its_own_subject(nlp: Language) -> None:
    text = """Orvalis rachète son rival Demeter

Le groupe agroalimentaire Orvalis a annoncé lundi le rachat de Demeter pour 420 millions d'euros.

Demeter a réalisé l'an dernier un chiffre d'affaires de 610 millions d'euros."""
    links = _links(nlp, text)
    assert links["610 millions d'euros"]["subject"] == "Demeter"
    assert links["610 millions d'euros"]["subject_from"] == "written"


def test_comparison_figure_a_year_earlier_takes_the_year_before(nlp: Language) -> None:
    text = """Pharmalto : le résultat semestriel double

Le laboratoire Pharmalto a publié un résultat net de 88 millions d'euros au premier semestre \
2024, contre 41 millions un an plus tôt."""
    links = _links(nlp, text, "2024-07-30")
    assert links["88 millions d'euros"]["period"] == "2024-H1"
    assert links["41 millions"]["period"] == "2023-H1"


def test_no_frame_no_guess(nlp: Language) -> None:
    # A text with no headline naming anyone: a bare figure gets no subject, never a guess.
    links = _links(nlp, "Le prix moyen a reculé de 3 % sur un an.")
    assert links["3 %"]["subject"] is None
    assert links["3 %"]["subject_from"] is None


def test_short_form_defined_in_brackets_is_one_name(nlp: Language) -> None:
    text = """La Banque atlantique du Nord relève son dividende

La Banque atlantique du Nord (BAN) a annoncé jeudi un bénéfice de 1,2 milliard d'euros en 2024.

La BAN versera un dividende de 2,10 euros par action."""
    doc = nlp(text)
    assert doc._.factex_frame["actors"][0]["value"] == "Banque atlantique du Nord"


def test_frame_is_on_the_doc_with_offsets(nlp: Language) -> None:
    doc = nlp(RESULTS)
    frame = doc._.factex_frame
    actor = frame["actors"][0]
    assert actor["value"] == "Tavernel" and actor["how"] == "headline"
    assert RESULTS[actor["start"] : actor["end"]] == "Tavernel"
    assert frame["currency"]["value"] == "EUR"


def test_frame_and_source_travel_through_json_and_tables(nlp: Language) -> None:
    facts = factex.extract(RESULTS, published="2025-03-14", nlp=nlp)
    back = factex.Facts.from_json(facts.to_json())
    assert back.frame == facts.frame and back.frame.actor == "Tavernel"
    assert back.records == facts.records
    frame = facts.to_frame()
    assert {"source", "subject_from", "period_from"} <= set(frame.columns)
    row = frame[frame.text == "9 %"].iloc[0]
    assert (row.source, row.subject_from, row.period_from) == ("Hugo Massart", "frame", "written")


STATS = """Les prix de gros reculent encore en Ardenne

L'indice des prix de gros a baissé de 1,2 % en octobre sur un an, contre une baisse de 0,8 % en \
septembre, a annoncé jeudi l'Institut ardennais de la statistique (IAS).

Les prix de l'énergie chutent de 6,3 %. Ceux des matières premières agricoles progressent de 2,1 %.

Pour un ménage type, la facture annuelle de chauffage devrait baisser de 85 euros, selon la \
Fédération des distributeurs d'énergie. Les tarifs du transport augmentent de 0,7 %.

Le ministre de l'Économie, Paul Verhaegen, a salué ces chiffres. La dette publique atteindra \
64 % du PIB fin 2025, a précisé le ministre."""


def test_the_ledes_institute_reports_the_figures_of_a_story_about_no_company(
    nlp: Language,
) -> None:
    links = _links(nlp, STATS, "2024-11-14")
    ias = ("Institut ardennais de la statistique", "IAS")
    assert links["1,2 %"]["source"] in ias
    assert links["0,8 %"]["source"] in ias
    # later paragraphs that quote no one go on quoting the lede's institute ...
    assert links["6,3 %"]["source"] in ias
    assert links["2,1 %"]["source"] in ias
    # ... except after another body named in their own paragraph
    assert links["85 euros"]["source"] == "Fédération des distributeurs d'énergie"
    assert links["0,7 %"]["source"] == "Fédération des distributeurs d'énergie"


def test_a_role_named_earlier_is_that_person(nlp: Language) -> None:
    links = _links(nlp, STATS, "2024-11-14")
    assert links["64 %"]["source"] == "Paul Verhaegen"  # "a précisé le ministre"
    assert links["64 %"]["period"] == "2025-12"  # "fin 2025": a level at the year's close


def test_a_company_story_does_not_carry_a_quoted_person_forward(nlp: Language) -> None:
    text = """Norvane : le chiffre d'affaires progresse de 6 %

Le groupe Norvane a réalisé en 2024 un chiffre d'affaires de 2,4 milliards d'euros, en hausse de \
6 %, a indiqué sa directrice financière, Léa Tombal.

Le résultat net s'établit à 140 millions d'euros."""
    links = _links(nlp, text, "2025-02-20")
    assert links["2,4 milliards d'euros"]["source"] == "Léa Tombal"  # the name after the role
    assert links["140 millions d'euros"]["source"] is None  # a new sentence, no one quoted


def test_since_the_start_of_the_year_runs_to_publication_and_never_frames(
    nlp: Language,
) -> None:
    text = """Le titre Norvane rebondit

Depuis janvier, l'action Norvane a gagné 14 %, a noté un gérant. Elle cote 52 euros.

Son plus haut depuis mars 2021 remonte à 58 euros."""
    links = _links(nlp, text, "2025-05-06")
    # from the start of the publication's year: a figure of that year so far
    assert links["14 %"]["period"] == "2025"
    assert links["58 euros"]["period"] is None  # an older start: no period of the figure
    # an open interval frames no passage
    assert links["52 euros"]["period"] is None


MARKETS = """Matières premières : le cuivre recule, le cacao flambe

LONDRES, 9 octobre - Le cuivre a cédé 1,4 % mercredi sur le LME, à 9 120 dollars la tonne. \
Le cacao a bondi de 6 %, à 7 450 dollars.

L'once de platine a gagné 0,5 %. Face au yen, le dollar s'est apprécié de 0,2 %.

Le prix du sucre a reculé de 2 %. L'argent levé par les négociants a atteint 40 millions de \
dollars."""


def test_a_commodity_or_a_currency_moving_is_what_the_figure_is_about(nlp: Language) -> None:
    links = _links(nlp, MARKETS, "2024-10-09")
    assert links["1,4 %"]["subject"] == "cuivre"
    assert links["1,4 %"]["metric"] is None  # the commodity is no metric
    assert links["6 %"]["subject"] == "cacao"
    assert links["0,5 %"]["subject"] == "platine"  # the unit carries it ("l'once de")
    assert links["0,2 %"]["subject"] == "dollar"  # not the yen it is quoted against
    # a quote keeps its metric, the asset is its complement
    assert links["2 %"]["subject"] == "sucre"
    assert links["2 %"]["metric"] == "prix du sucre"
    # "l'argent levé" is money raised, no silver
    assert links["40 millions de dollars"]["subject"] != "argent"


def test_a_place_written_beside_a_figure_of_a_story_about_no_company(nlp: Language) -> None:
    text = """Immobilier : les loyers ralentissent

Les loyers ont progressé de 2,1 % sur un an au troisième trimestre, selon l'observatoire Clameur.

Ils ont augmenté de 3,4 % à Nantes et de 1,2 % à Lille. À Toulouse, le loyer moyen atteint \
13 euros le mètre carré."""
    links = _links(nlp, text, "2024-10-20")
    assert links["3,4 %"]["subject"] == "Nantes"
    assert links["1,2 %"]["subject"] == "Lille"
    assert links["13 euros"]["subject"] == "Toulouse"
    assert links["2,1 %"]["subject"] != "Nantes"  # a place only in its own sentence


def test_a_body_quoted_in_the_story_is_none_of_its_actors(nlp: Language) -> None:
    text = """Emploi : le chômage recule en France

Le taux de chômage a reculé à 7,1 % de la population active en France (hors Mayotte), selon \
l'Insee, qui publiait jeudi ses chiffres trimestriels.

L'Insee relève que le chômage des jeunes atteint 17,2 %."""
    links = _links(nlp, text, "2024-11-14")
    # "France Travail"-like names aside, the country of the story is France, not the
    # territory left out, nor the institute that publishes the figures
    assert links["7,1 %"]["subject"] == "France"
    assert links["17,2 %"]["subject"] == "France"
    assert links["17,2 %"]["source"] == "Insee"


def test_a_share_that_moves_is_the_metric_and_a_reflexive_trade_prices_its_subject(
    nlp: Language,
) -> None:
    text = """Cyclonia : le titre recule après l'avertissement

Le fabricant de vélos Cyclonia a abaissé sa prévision annuelle. L'action Cyclonia a cédé \
7,5 %, à 23,10 euros. Le titre a perdu 31 % depuis janvier.

À la pompe, le litre de gazole se vendait 1,68 euro. Le chiffre d'affaires s'est replié de 4 %."""
    links = _links(nlp, text, "2024-09-17")
    assert links["7,5 %"]["metric"] == "action"
    assert links["7,5 %"]["subject"] == "Cyclonia"
    assert links["23,10 euros"]["metric"] == "action"  # the level the move led to
    assert links["31 %"]["metric"] == "titre"
    # the session's move: the day of publication, not a period of results
    assert links["7,5 %"]["period"] == "2024-09-17"
    assert links["31 %"]["period"] == "2024"  # its own "depuis janvier": the year so far
    assert links["4 %"]["period"] is None  # no day framing the story: only shares take it
    assert links["1,68 euro"]["metric"] == "litre de gazole"  # not "ventes"
    # a reflexive verb of a percentage keeps its listed subject
    assert links["4 %"]["metric"] == "chiffre d'affaires"


def test_a_price_of_a_place_and_a_commodity_quoted_somewhere(nlp: Language) -> None:
    text = """Logement : les prix reculent dans les grandes villes

Les prix des logements anciens ont baissé de 3,1 % sur un an en France, selon les notaires.

Ils ont reculé de 5,4 % à Rennes. En Normandie, les prix progressent de 0,8 %. Le cours du \
soja au port de Rouen a grimpé de 9 %."""
    links = _links(nlp, text, "2024-10-02")
    assert links["3,1 %"]["subject"] == "France"
    assert links["5,4 %"]["subject"] == "Rennes"  # the place beside the figure
    assert links["0,8 %"]["subject"] == "Normandie"
    assert links["9 %"]["subject"] == "soja"  # where a commodity is quoted is not whose


def test_a_change_noun_that_is_a_metric_keeps_its_qualifier(nlp: Language) -> None:
    text = """Solvane relève ses objectifs

Le groupe vise une croissance organique de 6 % en 2025.

En 2024, le marché européen de la chimie a enregistré une croissance de 4 %."""
    links = _links(nlp, text, "2025-02-12")
    assert links["6 %"]["metric"] == "croissance organique"
    assert links["4 %"]["metric"] == "croissance"  # no qualifier, none added

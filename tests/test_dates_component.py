"""The date component on whole sentences: what the pure grammar cannot decide alone."""

from __future__ import annotations

from spacy.language import Language

import factex


def test_an_anaphor_after_a_comparison_marker_is_a_base_not_a_date(nlp: Language) -> None:
    # "par rapport à l'année précédente" names the base of a change (the links read it so),
    # while the same words opening a sentence date what follows
    text = (
        "En 2022, la coopérative a vendu 40 000 tonnes. Ses ventes ont progressé de 6 % par "
        "rapport à l'année précédente. L'année précédente, elle avait ouvert un silo."
    )
    dates = [d.text for d in factex.extract(text, published="2023-02-01", nlp=nlp).dates]
    assert dates.count("L'année précédente") == 1 and "l'année précédente" not in dates


def test_a_time_of_day_without_its_day_is_on_the_day_the_story_is_told(nlp: Language) -> None:
    # the clock times follow "samedi" across a paragraph; "ce soir" stays the publication's
    text = (
        "Un entrepôt a brûlé samedi à Vénissieux.\n\nLes pompiers sont arrivés à 4 h 10 et ont "
        "maîtrisé le feu dans la matinée. Une réunion publique aura lieu ce soir."
    )
    facts = factex.extract(text, published="2024-09-17", nlp=nlp)
    values = {d.text: d.value for d in facts.dates}
    assert values["à 4 h 10"] == "2024-09-14T04:10"
    assert values["dans la matinée"].startswith("2024-09-14T")
    assert values["ce soir"].startswith("2024-09-17T")


def test_the_weekday_of_an_event_told_is_the_nearest_whatever_the_tense(nlp: Language) -> None:
    text = "Depuis l'effondrement de lundi, les commerçants du quai attendent des aides."
    facts = factex.extract(text, published="2024-09-19", nlp=nlp)  # a Thursday
    assert [d.value for d in facts.dates] == ["2024-09-16"]
    text = "Les commerçants du quai seront reçus lundi à la préfecture."
    assert [d.value for d in factex.extract(text, published="2024-09-19", nlp=nlp).dates] == [
        "2024-09-23"
    ]


def test_during_the_day_is_the_story_day(nlp: Language) -> None:
    text = "Le suspect a été interpellé mardi matin. Il a été entendu dans la journée."
    facts = factex.extract(text, published="2024-09-19", nlp=nlp)
    assert {d.text: d.value for d in facts.dates}["dans la journée"] == "2024-09-17"


def test_a_recurring_weekday_of_the_month_is_a_set(nlp: Language) -> None:
    text = "La bourse aux livres se tient le dernier dimanche de chaque mois, et non le 12."
    facts = factex.extract(text, published="2024-09-19", nlp=nlp)
    found = {d.text: (d.value, d.grain) for d in facts.dates}
    assert found["le dernier dimanche de chaque mois"] == ("XXXX-XX-WXX-7", "set")
    assert not facts.events


def test_a_holiday_weekday_or_season_beginning_a_name_is_no_date(nlp: Language) -> None:
    text = (
        "Le Vendredi noir des marchés reste dans les mémoires. Elle a lu au Printemps des "
        "poètes. Les commerces ouvriront à la Toussaint."
    )
    found = [d.text for d in factex.extract(text, published="2024-09-19", nlp=nlp).dates]
    assert "Vendredi" not in found and "Printemps" not in " ".join(found)
    assert "la Toussaint" in found  # a holiday with no name after it stays a date


def test_a_weekday_set_between_an_event_noun_and_its_complement_is_the_nearest(
    nlp: Language,
) -> None:
    text = "La signature, mardi, de la convention réjouit les syndicats."
    facts = factex.extract(text, published="2024-09-19", nlp=nlp)  # a Thursday
    assert [d.value for d in facts.dates] == ["2024-09-17"]
    assert [(e.trigger, e.date) for e in facts.events] == [("signature", "2024-09-17")]

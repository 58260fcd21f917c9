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

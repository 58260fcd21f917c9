"""morph: a token's features read once per analysis give what ``token.morph.get`` gives."""

from __future__ import annotations

from spacy.language import Language

from factex.components.morph import morph_column, morph_values, parse_morph
from factex.components.token_index import fresh_index

TEXTS = [
    "La préfecture avait interdit la manifestation, qui aurait réuni des milliers de personnes.",
    "Les élus voteront le budget mardi prochain ; le maire n'y assistera pas.",
    "Arrêté en 2019, l'ancien directeur sera jugé à Rennes.",
]
FIELDS = ("VerbForm", "Tense", "Mood", "PronType", "Number", "Person", "Polarity")


def test_values_as_spacy_gives_them(nlp: Language) -> None:
    for doc in nlp.pipe(TEXTS):
        fresh_index(doc)
        column = morph_column(doc)
        for token in doc:
            for field in FIELDS:
                assert morph_values(token, field) == tuple(token.morph.get(field, []))
            assert column[token.i] == parse_morph(str(token.morph))


def test_absent_field_and_empty_analysis() -> None:
    assert parse_morph("") == {}
    assert parse_morph("Number=Plur").get("Tense", ()) == ()
    # a field with two values keeps both, in order ("Tense=Past" alone is not it)
    assert parse_morph("Mood=Ind|Tense=Imp,Past")["Tense"] == ("Imp", "Past")

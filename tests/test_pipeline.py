"""pipeline.py: the tokenizer changes are one visible step, made once, that survives copies."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language

import factex.components  # noqa: F401  (registers the factories)
from factex.components.tokenizer import SentenceStopSplitter
from factex.pipeline import COMPONENTS, adapt_tokenizer

TEXT = "Réunion de 14 à 16 h. Le club a levé 4 k€. Rendez-vous à 17 h. 40 pour 3 millions d'euros."


def words(nlp: Language, text: str = TEXT) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def money_pipeline() -> Language:
    nlp = adapt_tokenizer(spacy.blank("fr"), "fr")
    nlp.add_pipe("factex_money")
    return nlp


def test_the_built_pipeline_splits_only_the_stops_that_end_a_fact(nlp: Language) -> None:
    assert isinstance(nlp.tokenizer, SentenceStopSplitter)
    got = words(nlp)
    assert got[4:7] == ["16", "h", "."]  # a date must not end on the sentence's stop
    assert got[12:14] == ["k€", "."]  # nor an amount
    assert "h." in got  # "à 17 h. 40": the abbreviation inside a sentence stays whole
    assert nlp.pipe_names[-len(COMPONENTS) :] == list(COMPONENTS)


def test_components_leave_the_tokenizer_alone() -> None:
    nlp = spacy.blank("fr")
    tokenizer, before = nlp.tokenizer, words(nlp)
    for name in ("factex_money", "factex_dates"):
        nlp.add_pipe(name)
    assert nlp.tokenizer is tokenizer
    assert words(nlp) == before and "h." in before and "k€." in before


def test_a_second_call_changes_nothing() -> None:
    nlp = adapt_tokenizer(spacy.blank("fr"), "fr")
    wrapper, suffixes = nlp.tokenizer, nlp.tokenizer.suffix_search
    adapt_tokenizer(nlp, "fr")
    assert nlp.tokenizer is wrapper and nlp.tokenizer.suffix_search is suffixes


@pytest.mark.slow
def test_pickle_bytes_and_processes_keep_the_changes() -> None:
    nlp = money_pipeline()
    expected = words(nlp)
    copy = pickle.loads(pickle.dumps(nlp))  # what spaCy's spawned workers receive
    assert isinstance(copy.tokenizer, SentenceStopSplitter) and words(copy) == expected
    other = money_pipeline()
    other.from_bytes(nlp.to_bytes())  # the tokenizer's bytes go through the wrapper
    assert words(other) == expected
    money = [[s.text for s in doc.spans["factex_money"]] for doc in nlp.pipe([TEXT] * 3)]
    assert money[0] == ["4 k€", "3 millions d'euros"]
    docs = nlp.pipe([TEXT] * 3, n_process=2)
    assert [[s.text for s in doc.spans["factex_money"]] for doc in docs] == money

"""The sentence bounds read off the token index are those of spaCy's ``span.sent``."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from factex.components.sentence_bounds import sent_of
from factex.components.token_index import fresh_index

TEXT = (
    "La mutuelle agricole de Corrèze a relevé ses tarifs de 3,5 % en janvier. "
    "Son président, qui vise 12 millions d'euros de primes, reste prudent.\n\n"
    "Les adhérents, eux, attendent une baisse."
)


def test_bounds_are_those_of_span_sent(nlp: Language) -> None:
    doc = nlp(TEXT)
    fresh_index(doc)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(len(doc), i + 6) + 1)]
    assert len({s.sent.start for s in spans}) >= 3
    for span in spans:  # spans across a sentence end too: spaCy gives their first sentence
        sent, bounds = span.sent, sent_of(span)
        assert (bounds.start, bounds.end) == (sent.start, sent.end), span.text
        assert (bounds.start_char, bounds.end_char) == (sent.start_char, sent.end_char)
    for token in doc:
        assert (sent_of(token).start, sent_of(token).end) == (token.sent.start, token.sent.end)


def test_a_changed_segmentation_gets_new_bounds(nlp: Language) -> None:
    words = ["Le", "fret", "recule", ".", "Les", "prix", "montent", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * 7)
    fresh_index(doc)
    assert (sent_of(doc[5]).start, sent_of(doc[5]).end) == (0, 8)
    doc[4].is_sent_start = True  # what a segmenter run again may do (no parse here)
    fresh_index(doc)
    assert (sent_of(doc[5]).start, sent_of(doc[5]).end) == (4, 8)
    assert sent_of(doc[1:6]).end == 4 == doc[1:6].sent.end


def test_a_doc_without_sentences_raises_like_spacy(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["Le", "fret", "recule"])
    fresh_index(doc)
    with pytest.raises(ValueError):
        sent_of(doc[0:2])

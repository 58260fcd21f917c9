"""The per-Doc index of the parse reads what spaCy's Token objects say, and follows the Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from factex.components.token_index import TokenIndex, fresh_index, token_index

TEXT = (
    "La coopérative laitière de Vendée a annoncé mardi une hausse de 4 % de sa collecte.\n\n"
    "Son directeur, qui prévoit d'embaucher douze salariés, attend un été difficile."
)


def test_index_matches_the_tokens(nlp: Language) -> None:
    doc = nlp(TEXT)
    ix = token_index(doc)
    for t in doc:
        assert ix.head[t.i] == t.head.i
        assert (ix.dep[t.i], ix.pos[t.i]) == (t.dep_, t.pos_)
        assert (ix.lemma[t.i], ix.lower[t.i], ix.text[t.i]) == (t.lemma_, t.lower_, t.text)
        assert ix.children[t.i] == tuple(c.i for c in t.children)
        assert ix.sent_start_of(t.i) == t.sent.start
    assert len({ix.sent_start_of(t.i) for t in doc}) >= 2  # the blank line starts a sentence


def test_index_is_built_once_per_doc(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert token_index(doc) is token_index(doc) is fresh_index(doc)
    other = nlp(TEXT)
    assert token_index(other) is not token_index(doc)


def test_a_changed_parse_gets_a_new_index(nlp: Language) -> None:
    doc = nlp(TEXT)
    before = token_index(doc)
    verb = next(t for t in doc if t.pos_ == "VERB")
    noun = next(t for t in doc if t.pos_ == "NOUN" and t.head.i != verb.i and t.i != verb.i)
    noun.head = verb  # what parsing the same Doc again may do
    after = fresh_index(doc)
    assert after is not before
    assert after.head[noun.i] == verb.i
    assert noun.i in after.children[verb.i] and noun.i not in before.children[verb.i]


def test_a_doc_without_sentences_raises_like_spacy(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["Le", "marché", "recule"])
    ix = TokenIndex.of(doc)
    try:
        ix.sent_start_of(1)
    except ValueError:
        pass
    else:
        raise AssertionError("a Doc without sentence boundaries has no sentence start")

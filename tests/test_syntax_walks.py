"""The parse walks kept per Doc (subjects of a verb) say what spaCy's Tokens say, and follow
a Doc whose parse changes."""

from __future__ import annotations

from spacy.language import Language

from factex.components.syntax import SUBJECT_DEPS, subjects
from factex.components.token_index import fresh_index

TEXT = (
    "La mutuelle bretonne a relevé jeudi ses cotisations de 6 % pour couvrir ses frais.\n\n"
    "Le directeur du port, qui espère attirer deux armateurs, a présenté un plan prudent."
)


def test_subjects_are_the_subject_children(nlp: Language) -> None:
    doc = nlp(TEXT)
    for verb in (t for t in doc if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT"):
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        found = subjects(verb)
        if own:
            assert [t.i for t in found] == [c.i for c in own]
        elif verb.dep_ not in ("xcomp", "conj", "advcl"):
            assert found == []  # a clause of its own shares no subject
        assert subjects(verb) == found  # asked again: the same answer


def test_subjects_follow_a_changed_parse(nlp: Language) -> None:
    doc = nlp(TEXT)
    fresh_index(doc)
    verb = next(t for t in doc if t.lower_ == "présenté")
    before = [t.i for t in subjects(verb)]
    plan = next(t for t in doc if t.lower_ == "plan")
    assert plan.i not in before
    plan.head, plan.dep_ = verb, "nsubj"  # what parsing the same Doc again may do
    fresh_index(doc)  # as each component does at its start
    assert plan.i in [t.i for t in subjects(verb)]

"""factex_dates on French news-style sentences (tests/corpus/fr/dates.jsonl), through the pipeline.

Each case lists every date mention expected, in order, with its exact text, value and grain:
a missing mention, an extra one or a wrong value fails. Known misses carry "xfail" and are
strict xfails.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from spacy.language import Language

from factex.components.extensions import DATES
from factex.normalize.timex import is_timex
from tests.conftest import CORPUS, read_jsonl

CASES = read_jsonl(CORPUS / "fr" / "dates.jsonl")
# values that need no calendar, by grain: reference words, recurring dates (SETs), centuries
_NO_CALENDAR = {
    "ref": re.compile(r"(?:PRESENT|PAST|FUTURE)_REF"),
    "set": re.compile(
        r"P\d+[YMWD]|XXXX-(?:\d\d(?:-\d\d)?|SP|SU|FA|WI|WXX-(?:[1-7]|WE)|XX-XX)(?:T(?:MO|AF|EV|NI))?"
    ),
    "century": re.compile(r"\d\d"),
}


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def annotate(nlp: Language, text: str, published: str | None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.factex_published = published
    doc._.factex_published_source = "given" if published else None
    doc = nlp(doc)
    return [
        {"text": s.text, "value": s._.factex_date["value"], "grain": s._.factex_date["grain"]}
        for s in doc.spans[DATES]
    ]


def test_corpus_is_big_enough() -> None:
    positives = [c for c in CASES if c["dates"]]
    negatives = [c for c in CASES if not c["dates"]]
    assert len(positives) >= 60 and len(negatives) >= 15


@pytest.mark.parametrize("case", _params())
def test_case(nlp: Language, case: dict[str, Any]) -> None:
    got = annotate(nlp, case["text"], case["published"])
    assert got == case["dates"]
    for mention in got:
        value = mention["value"]
        if mention["grain"] in _NO_CALENDAR:
            assert _NO_CALENDAR[mention["grain"]].fullmatch(value), mention
        elif value is not None and value.startswith("XXXX"):  # a generic date: any year's
            assert is_timex(value.replace("XXXX", "2000")), mention
        else:
            assert value is None or is_timex(value), mention


def test_anaphoric_dates_show_their_anchor(nlp: Language) -> None:
    import factex

    text = "Le 3 mars 2019, l'usine a fermé. Trois jours plus tard, les salariés ont manifesté."
    facts = factex.extract(text, published="2023-11-10", nlp=nlp)
    first, later = facts.dates
    assert (later.value, later.relative) == ("2019-03-06", True)
    assert (later.anchor_start, later.anchor_end) == (first.start, first.end)
    assert first.anchor_start is None
    # with nothing written before it, the publication date is the anchor, and none is shown
    alone = factex.extract(
        "Trois jours plus tard, l'usine a rouvert.", published="2023-11-10", nlp=nlp
    )
    assert (alone.dates[0].value, alone.dates[0].anchor_start) == ("2023-11-13", None)


def test_detected_publication_date_is_reported(nlp: Language) -> None:
    import factex

    facts = factex.extract("Mis à jour le 5 mars 2020\n\nLe Sénat a voté hier la loi.", nlp=nlp)
    assert facts.published_source == "detected"
    assert str(facts.published) == "2020-03-05"
    assert [d.value for d in facts.dates if d.text == "hier"] == ["2020-03-04"]


def test_given_reference_wins_over_text(nlp: Language) -> None:
    import factex

    facts = factex.extract(
        "Publié le 5 mars 2020. Le Sénat a voté hier.", published="2021-01-10", nlp=nlp
    )
    assert facts.published_source == "given"
    assert [d.value for d in facts.dates if d.text == "hier"] == ["2021-01-09"]


def test_spans_never_overlap(nlp: Language) -> None:
    text = " ".join(c["text"] for c in CASES)
    doc = nlp.make_doc(text)
    doc._.factex_published = "2019-05-28"
    doc = nlp(doc)
    spans = sorted(doc.spans[DATES], key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_stop_after_an_hour_mark_leaves_the_mention_only_at_a_sentence_end(nlp: Language) -> None:
    doc = nlp("Le bureau ferme à 18 h. Il rouvre lundi à 8 h. 30 et le soir à 8 h. du soir")
    assert [t.text for t in doc[:6]] == ["Le", "bureau", "ferme", "à", "18", "h"]
    assert doc[6].text == "."
    # "8 h. 30", "8 h. du soir": the abbreviation keeps its stop inside a sentence
    assert [t.text for t in doc if t.text.startswith("h")] == ["h", "h.", "h."]
    assert all(doc.text[s.start_char : s.end_char] == s.text for s in doc.spans["factex_dates"])

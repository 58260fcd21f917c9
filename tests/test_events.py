"""factex_events on the real parse, with date spans given by the corpus (events tested alone)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from factex.components.extensions import DATES, EVENTS
from tests.conftest import CORPUS, read_jsonl

CASES = read_jsonl(CORPUS / "fr" / "events.jsonl")
_LATER = ("factex_money", "factex_percent", "factex_dates", "factex_links", "factex_events")


def annotate(nlp: Language, text: str, dates: list[dict[str, Any]]) -> Doc:
    """The real parse and entities, plus the given dates, then factex_events."""
    with nlp.select_pipes(disable=[n for n in _LATER if n in nlp.pipe_names]):
        doc = nlp(text)
    spans = []
    for item in dates:
        start = text.index(item["text"])
        span = doc.char_span(start, start + len(item["text"]), alignment_mode="expand")
        assert span is not None, item["text"]
        span._.factex_date = {"value": item["value"], "grain": None, "relative": False}
        spans.append(span)
    doc.spans[DATES] = spans
    return nlp.get_pipe("factex_events")(doc)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, marks=marks, id=case["text"][:60])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_corpus(nlp: Language, case: dict[str, Any]) -> None:
    doc = annotate(nlp, case["text"], case["dates"])
    found = [s._.factex_event for s in doc.spans[EVENTS]]
    assert len(found) == len(case["events"]), found
    for expected in case["events"]:
        same_date = [e for e in found if e["date"] == expected["date"]]
        assert same_date, expected
        event = same_date[0]
        assert event["trigger"] == expected["trigger"]
        assert sorted(event["actors"]) == sorted(expected["actors"])


def test_event_span_is_the_clause_and_covers_the_date(nlp: Language) -> None:
    text = "Selon la presse, Engie a signé le 2 mai un contrat avec Oman. Le titre a grimpé."
    doc = annotate(nlp, text, [{"text": "le 2 mai", "value": "2024-05-02"}])
    (event,) = doc.spans[EVENTS]
    assert "le 2 mai" in event.text
    assert event.end <= doc[event.start].sent.end  # never beyond its sentence
    assert not event.text.endswith(".")


def test_dates_without_value_make_no_event(nlp: Language) -> None:
    doc = annotate(nlp, "Lundi, Engie a signé un contrat.", [{"text": "Lundi", "value": None}])
    assert list(doc.spans[EVENTS]) == []


def test_one_event_per_clause_dated_by_the_finest_date(nlp: Language) -> None:
    text = "Vivendi a publié mardi ses comptes du premier trimestre 2024."
    doc = nlp.get_pipe("factex_events")(
        _with_grains(
            annotate(nlp, text, [{"text": "mardi", "value": "2024-05-14"}]),
            [("mardi", "2024-05-14", "day"), ("premier trimestre 2024", "2024-Q1", "quarter")],
        )
    )
    assert [s._.factex_event["date"] for s in doc.spans[EVENTS]] == ["2024-05-14"]


def _with_grains(doc: Doc, dates: list[tuple[str, str, str]]) -> Doc:
    spans = []
    for text, value, grain in dates:
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
        assert span is not None
        span._.factex_date = {"value": value, "grain": grain, "relative": False}
        spans.append(span)
    doc.spans[DATES] = spans
    return doc


def test_same_clause_same_date_is_one_event(nlp: Language) -> None:
    text = "Le 2 mai, soit le 2 mai 2024, Engie a signé un contrat."
    doc = annotate(
        nlp,
        text,
        [
            {"text": "Le 2 mai", "value": "2024-05-02"},
            {"text": "le 2 mai 2024", "value": "2024-05-02"},
        ],
    )
    assert len(doc.spans[EVENTS]) == 1


def test_dateline_is_no_event(nlp: Language) -> None:
    text = "3 juin 2024\n\nLe groupe Fnac Darty a publié ses comptes vendredi."
    doc = annotate(
        nlp,
        text,
        [
            {"text": "3 juin 2024", "value": "2024-06-03"},
            {"text": "vendredi", "value": "2024-05-31"},
        ],
    )
    assert [s._.factex_event["date"] for s in doc.spans[EVENTS]] == ["2024-05-31"]


def test_a_publication_line_is_no_event(nlp: Language) -> None:
    text = (
        "Mis à jour le 14 mai 2025\n\nLe groupe Fnac Darty a racheté lundi un réseau de boutiques."
    )
    doc = annotate(
        nlp,
        text,
        [{"text": "14 mai 2025", "value": "2025-05-14"}, {"text": "lundi", "value": "2025-05-12"}],
    )
    assert [e._.factex_event["date"] for e in doc.spans[EVENTS]] == ["2025-05-12"]

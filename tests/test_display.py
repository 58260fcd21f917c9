"""The HTML view of Facts: every fact marked, text escaped, overlaps drawn without broken HTML."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console
from spacy.language import Language

import factex
from factex.display import SUMMARY_COLUMNS, facts_to_html, summary_row
from factex.facts import Facts
from factex.io import writers
from factex.records import DateMention, Entity, Event, Money, Percentage

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "examples" / "seed"
FACT_KINDS = ("money", "percentage", "date")


class _Marks(HTMLParser):
    """Collects every <mark>: its data-* attributes and its text without the label."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.open: list[dict[str, str]] = []
        self.in_label = 0
        self.text = ""
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "mark":
            mark = {"kind": a["data-kind"], "start": a["data-start"], "end": a["data-end"]}
            mark["text"] = ""
            self.open.append(mark)
            self.marks.append(mark)
        elif tag == "span" and "factex-label" in a.get("class", ""):
            self.in_label += 1
        elif tag == "div" and "factex-text" in a.get("class", ""):
            self.depth = 1
        elif tag == "div" and self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            assert self.open, "a </mark> without its <mark>"
            self.open.pop()
        elif tag == "span" and self.in_label:
            self.in_label -= 1
        elif tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.in_label:
            self.text += data
            for mark in self.open:
                mark["text"] += data


def marks_of(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    parser.close()
    assert not parser.open, "unclosed <mark>"
    return parser


def assert_facts_marked(facts: Facts) -> None:
    parsed = marks_of(facts_to_html(facts))
    assert parsed.text == facts.text  # the article comes out whole, unescaped by the browser
    marked = {(m["kind"], int(m["start"]), int(m["end"]), m["text"]) for m in parsed.marks}
    for record in facts.records:
        if record.kind in FACT_KINDS:
            assert (record.kind, record.start, record.end, record.text) in marked, record
        for start, end in getattr(record, "mentions", ()):  # every telling of a retold fact
            assert (record.kind, start, end, facts.text[start:end]) in marked, (start, record)


NEWS = (
    "Publié le 14 mars 2024\n\n"
    "Le groupe Nordial a réalisé en 2023 un chiffre d'affaires de 4,2 milliards d'euros, en "
    "hausse de 6,5 %. Sa directrice générale, Claire Dumont, a présenté mardi ces résultats à Lyon."
)


def test_every_fact_of_an_article_is_marked(nlp: Language) -> None:
    facts = factex.extract(NEWS, published="2024-03-14", nlp=nlp)
    assert facts.entities, "the model finds entities in this text"
    assert_facts_marked(facts)
    page = facts_to_html(facts)
    for entity in facts.entities:  # nothing crosses here, so every entity is marked too
        assert f'data-start="{entity.start}" data-end="{entity.end}"' in page


@pytest.mark.skipif(not (SEED / "article.txt").exists(), reason="seed article not available")
def test_every_fact_of_the_seed_article_is_marked(nlp: Language) -> None:
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    facts = factex.extract(text, published="2018-07-03", nlp=nlp)
    assert_facts_marked(facts)
    assert facts._repr_html_() == facts_to_html(facts)
    # the seed's events on a time axis, oldest first, each day once
    axis = facts_to_html(facts).split('class="factex-timeline"')[1]
    days = [e.date_day or e.date for e in facts.timeline()]
    assert days == sorted(days) and len(days) >= 4
    positions = [axis.index(f">{day}<") for day in dict.fromkeys(days)]
    assert positions == sorted(positions)


def test_text_is_escaped(nlp: Language) -> None:
    text = (
        'Le site <script>alert("x")</script> de Nordial & Cie affiche 5 millions d\'euros '
        "de ventes <b>en 2023</b>."
    )
    facts = factex.extract(text, published="2024-01-10", nlp=nlp)
    page = facts_to_html(facts)
    assert "<script>" not in page and "<b>en 2023" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)" in page and "&amp; Cie" in page
    assert "&lt;b&gt;en 2023&lt;/b&gt;" in page or "&lt;b&gt;<mark" in page
    assert_facts_marked(facts)


def _hand_made() -> Facts:
    # Built by hand: the display must cope with nesting and crossing whatever the pipeline finds.
    text = "Mars Inc a vendu le 3 mai pour 5 € <i>net</i>."
    records = (
        Entity("Mars Inc", 0, 8, text, "ORG", "Mars Inc"),
        DateMention("Mars", 0, 4, text, "2024-03", "month"),  # nested in the ORG
        Entity("vendu le", 11, 19, text, "MISC", "vendu le"),  # crosses the date
        DateMention("le 3 mai", 17, 25, text, "2024-05-03", "day", relative=True),
        Money("5 €", 31, 34, text, Decimal("5"), "EUR", subject="Mars Inc"),
        Percentage("5", 31, 32, text, Decimal("5")),  # nested in the money
    )
    for r in records:
        assert text[r.start : r.end] == r.text
    return Facts(text=text, records=records, id="<doc>")


def test_nested_spans_are_drawn_nested_and_crossing_entities_give_way() -> None:
    facts = _hand_made()
    parsed = marks_of(facts_to_html(facts))
    kinds = [(m["kind"], m["text"]) for m in parsed.marks]
    assert ("entity", "Mars Inc") in kinds and ("date", "Mars") in kinds
    assert ("date", "le 3 mai") in kinds and ("entity", "vendu le") not in kinds
    assert ("money", "5 €") in kinds and ("percentage", "5") in kinds
    assert_facts_marked(facts)


def test_header_legend_and_table() -> None:
    page = facts_to_html(_hand_made())
    assert "&lt;doc&gt;" in page  # the id is escaped too
    for label in ("ORG", "PER", "LOC", "MISC", "MONEY", "PERCENT", "DATE"):
        assert f"<b>{label}</b>" in page
    assert '<table class="factex-facts"' in page
    assert "5 EUR" in page and "2024-05-03 (day, relative)" in page
    assert "<i>" not in page


def test_empty_text() -> None:
    page = facts_to_html(Facts(text=""))
    assert "No money, percentage, date or event found." in page
    assert marks_of(page).marks == []


# -- numbers, plurals, events, "why no value", and the terminal table at two widths -----------

STORY = (
    "Publié le 3 juin 2024\n\n"
    "La coopérative laitière Valdor a vendu pour 1 425,67 euros de tommes au marché de Brésac, "
    "et son chiffre d'affaires a progressé de 12,5 % entre janvier et septembre 2023. "
    "Le président de la coopérative, Jean-Baptiste Castagnède-Lafourcade, a signé lundi un "
    "accord de distribution avec l'enseigne Biomarché pour 2,75 millions d'euros. "
    "Deux jours après la signature, la coopérative a recruté douze personnes."
)


def _story(nlp: Language) -> Facts:
    return factex.extract(STORY, nlp=nlp)


def test_numbers_are_written_one_way(nlp: Language) -> None:
    facts = _story(nlp)
    page = facts_to_html(facts)
    rows = {summary_row(r)[1]: summary_row(r)[2] for r in facts.records}
    assert rows["1 425,67 euros"] == "1\u202f425,67 EUR"
    assert rows["12,5 %"] == "12,5 %"
    assert rows["2,75 millions d'euros"] == "2\u202f750\u202f000 EUR"
    assert "1\u202f425,67 EUR" in page and "1425.67" not in page and "12.5 %" not in page


def test_header_counts_with_plurals() -> None:
    text = "Ravelle et Kelvo ont levé 3 M€."
    records = (
        Entity("Ravelle", 0, 7, text, "ORG", "Ravelle"),
        Entity("Kelvo", 11, 16, text, "ORG", "Kelvo"),
        Money("3 M€", 26, 30, text, Decimal("3000000"), "EUR"),
    )
    page = facts_to_html(Facts(text=text, records=records))
    assert "2 entities, 1 amount" in page
    assert "entitys" not in page and "1 amounts" not in page and "2 entity," not in page


def test_events_are_marked_at_every_telling_with_date_and_actors() -> None:
    text = "Nordial rachète Kelvo. Le groupe Nordial a racheté mardi la start-up Kelvo."
    event = Event(
        text[23:], 23, len(text), text, "2024-06-04", "racheter", ("Nordial", "Kelvo"),
        mentions=((0, 21), (23, len(text) - 1)),
    )  # fmt: skip
    money_free = Facts(text=text, records=(Entity("Kelvo", 16, 21, text, "ORG", "Kelvo"), event))
    parsed = marks_of(facts_to_html(money_free))
    events = [m for m in parsed.marks if m["kind"] == "event"]
    assert [(m["start"], m["end"]) for m in events] == [("0", "21"), ("23", str(len(text) - 1))]
    assert events[0]["text"] == "Nordial rachète Kelvo"
    assert ("entity", "Kelvo") in {(m["kind"], m["text"]) for m in parsed.marks}  # nested inside
    page = facts_to_html(money_free)
    assert 'title="event on 2024-06-04 · actors: Nordial, Kelvo · verb: racheter"' in page
    assert parsed.text == text
    # Without an event record, nothing is drawn as one.
    alone = Facts(text=text, records=(Entity("Kelvo", 16, 21, text, "ORG", "Kelvo"),))
    assert not [m for m in marks_of(facts_to_html(alone)).marks if m["kind"] == "event"]


def test_why_a_date_has_no_value_is_told_truthfully() -> None:
    text = "Trois jours plus tard, le 5 mai, puis lundi."
    later = DateMention("Trois jours plus tard", 0, 21, text, None, "day", True)
    anchored = DateMention("Trois jours plus tard", 0, 21, text, None, "day", True, 26, 31)
    fixed = DateMention("le 5 mai", 23, 31, text, None, "day", False)
    undated = facts_to_html(Facts(text=text, records=(later,)))
    assert "? (no reference date)" in undated and "counted from an event" not in undated
    dated = facts_to_html(Facts(text=text, records=(later,), published=date(2024, 5, 2)))
    assert "? (counted from an event)" in dated and "no reference date" not in dated
    assert "? (counted from an event)" in facts_to_html(Facts(text=text, records=(anchored,)))
    neither = facts_to_html(Facts(text=text, records=(fixed,)))
    assert "? (not placed)" in neither and "reference" not in neither.split("factex-facts")[1]


@pytest.mark.parametrize("width", [80, 200])
def test_the_terminal_table_never_breaks_a_value(nlp: Language, width: int) -> None:
    facts = _story(nlp)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, soft_wrap=False, color_system=None)
    assert writers.write_table([facts], console) == len(facts.records)
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    for record in facts.records:
        row = summary_row(record, True)
        value, period = row[2], row[6]
        assert any(value in line for line in lines), (width, value)  # whole, on one line
        assert not period or any(period in line for line in lines), (width, period)
    # The long name wraps between words: all its words are there, none cut.
    words = re.findall(r"[\w-]+", buffer.getvalue())
    assert "Castagnède-Lafourcade" in words or (width == 80 and "Castagnède-" in buffer.getvalue())
    if width == 200:  # wide: every column of the summary has its own header
        assert all(column in lines[2] for column in SUMMARY_COLUMNS)

"""factex_frame: the article as a whole, computed once: main actors, place, currency, period.

It reads what earlier components left (entities, money, dates) and the parse, decides the frame
with the pure functions of :mod:`factex.normalize.frame`, and writes it on the Doc as
``doc._.factex_frame`` (a JSON-safe dict). It also finds who reports figures ("selon l'Insee",
:mod:`factex.components.sources`): the links take a figure's source from there, and a source
never counts as an actor of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count

from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.extensions import DATES, MONEY, doc_text, register_extensions
from factex.components.frame_words import FrameWords
from factex.components.links.date_roles import (
    amount_tokens,
    is_target_year,
    is_told_day,
    names_a_thing,
)
from factex.components.links.per import priced_units
from factex.components.links.period import in_side_clause
from factex.components.passage import LinkWords, Passage
from factex.components.resolve import complete_links
from factex.components.sentence_bounds import sent_of
from factex.components.sources import Source, find_sources
from factex.components.syntax import EntityIndex, canonical, entity_index
from factex.components.token_index import TokenIndex, fresh_index, token_index
from factex.normalize.frame import (
    Anchor,
    Dated,
    Frame,
    Layout,
    Mention,
    frame_period,
    main_actors,
    story_place,
)
from factex.normalize.metric_keys import is_metric_name
from factex.normalize.short_forms import defined_acronyms, short_forms
from factex.normalize.territory import home_place

#: "OTTAWA, 12 mars (AFP) -": a dateline opens the lede with a place in capitals
_DATELINE = re.compile(r"\s*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]*[A-ZÀ-Ý])\s*(?:\([^)]{1,30}\))?\s*,")


class FrameBuilder:
    """Writes ``doc._.factex_frame`` (see :class:`factex.normalize.frame.Frame`)."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        language = lang or nlp.lang
        if not language:
            raise ValueError(f"{name}: the pipeline has no language (nlp.lang)")
        self.words = FrameWords.for_language(language)
        self.links = LinkWords.for_language(language)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        fresh_index(doc)  # the walks below read the parse from it
        ent_at = entity_index(doc)
        context = FrameContext.of(doc, text, ent_at, self.words)
        doc._.factex_frame = context.frame.to_dict()
        complete_links(doc, context.passage(text), self.links)
        priced_units(doc)  # "la tonne est tombée à 205 euros": per tonne
        return doc


@dataclass(frozen=True)
class FrameContext:
    """Everything the frame and the links need of one Doc, computed once per call."""

    layout: Layout
    mentions: tuple[Mention, ...]
    dates: tuple[Dated, ...]
    sources: tuple[Source, ...]
    frame: Frame
    dateline: str | None = None
    published: str | None = None
    #: the language's home territory when the article names no place at all (its figures of a
    #: country are that territory's), else None
    home: str | None = None

    @classmethod
    def of(cls, doc: Doc, text: str, ent_at: EntityIndex, words: FrameWords) -> FrameContext:
        layout = Layout.of(text)
        forms = _short_forms(ent_at, text, words)
        sources = tuple(
            replace(s, name=forms.get(s.name, s.name))
            for s in find_sources(doc, ent_at, words.sources)
        )
        dateline = _dateline(text, layout, words)
        # the dateline's place says where the story was written: no actor, no subject
        mentions = tuple(
            m
            for m in _mentions(ent_at, sources, words, forms)
            if dateline is None or not (dateline.start <= m.start < dateline.end)
        )
        published = _published(doc)
        line = _publication_line(doc, published)
        dates = tuple(d for d in _dates(doc, text, words) if not _is_publication_line(line, d))
        places = [m for m in mentions if m.label == "LOC"] + _demonyms(doc, layout, words)
        frame = Frame(
            actors=main_actors(mentions, layout),
            place=story_place(places, layout, dateline),
            currency=_first_currency(doc),
            period=frame_period(dates, layout),
        )
        place_written = text[dateline.start : dateline.end] if dateline else None
        home = None
        # an article (a headline over paragraphs): a lone sentence gets no guessed country
        if not places and dateline is None and layout.headline is not None:
            currency = frame.currency.value if frame.currency else None
            home = home_place(words.lang, currency, published)
        return cls(layout, mentions, dates, sources, frame, place_written, published, home)

    def passage(self, text: str) -> Passage:
        """What the links read of this Doc (the frame's period with its grain)."""
        period = self.frame.period
        dated = next((d for d in self.dates if period and d.start == period.start), None)
        place = self.frame.place.value if self.frame.place else self.home
        return Passage(
            text, self.layout, self.mentions, self.dates, self.sources, self.frame.actor, place,
            dated, self.dateline, self.published,
            _top_companies(self.frame.actors),
        )  # fmt: skip


def _top_companies(actors: tuple[Anchor, ...]) -> tuple[str, ...]:
    """The organisations the headline or lede names, each a name of its own (not a word of a
    longer one the model cut: "Ouest" of "Compagnie ... de l'Ouest")."""
    top = [a.value for a in actors if a.label == "ORG" and a.how != "count"]
    return tuple(n for n in top if not any(n != o and n in o for o in top))


def _short_forms(ent_at: EntityIndex, text: str, words: FrameWords) -> dict[str, str]:
    """Short forms of the text's names; a place is none ("France" is no short form of
    "France Travail", "Paris" none of "Paris Saint-Germain")."""
    places = {n for label, n in zip(ent_at.labels, ent_at.names, strict=True) if label == "LOC"}
    forms = short_forms(ent_at.names, defined_acronyms(text))
    return {
        short: long
        for short, long in forms.items()
        if short not in places and short not in words.countries and short not in words.cities
    }


def _mentions(
    ent_at: EntityIndex, sources: tuple[Source, ...], words: FrameWords, forms: dict[str, str]
) -> list[Mention]:
    """The entities as the frame sees them: short forms under their long name ("Grimsel" for
    "Grimsel Instruments", "OFS" for the office the text spells out), sources and public bodies
    marked."""
    reporters = {(s.start, s.end) for s in sources if s.quoted}
    # a body quoted anywhere ("selon l'ANSD") reports the story: no mention of it is an actor
    quoted = {s.name for s in sources if s.quoted and not s.person}
    names, labels = ent_at.names, ent_at.labels
    label_of: dict[str, str] = {}
    for ent_label, name in zip(labels, names, strict=True):
        if label_of.get(name) != "ORG":  # a name the model also reads as a company is one
            label_of[name] = ent_label
    for name in label_of:
        if name in words.countries or name in words.cities:
            label_of[name] = "LOC"  # "à Paris" read as an organisation is still the city
    for ent, name in zip(ent_at.ents, names, strict=True):
        if label_of.get(name) == "LOC" and _company_context(ent, name, words):
            label_of[name] = "ORG"  # "chez Norhotels", "le distributeur Bricoval"
    out = []
    # names repeat: each is looked up in the taxonomy and the institution words once
    unique = {forms.get(n, n) for n in names}
    metric = {n: _is_metric_name(n, words.lang) for n in unique}
    institution = {n: _found(words.institution, n) for n in unique}
    for ent, ent_label, name in zip(ent_at.ents, labels, names, strict=True):
        name = forms.get(name, name)
        if metric[name]:
            continue  # "l'IPC", "l'Ebit": a measure the model reads as a name is no actor
        if label_of.get(name) != "LOC" and _rubric(ent, names):
            continue  # "Télévision : ...": the headline's topic word is no company
        label = label_of.get(name, ent_label)
        out.append(
            Mention(
                name, label, ent.start_char, ent.end_char,
                source=(ent.start, ent.end) in reporters or name in quoted,
                country=label == "LOC" and name in words.countries,
                institution=institution[name],
            )
        )  # fmt: skip
    return out


@lru_cache(maxsize=4096)
def _is_metric_name(name: str, lang: str) -> bool:
    """:func:`is_metric_name`, kept for the names that recur from one article to the next."""
    return is_metric_name(name, lang)


@lru_cache(maxsize=4096)
def _found(pattern: re.Pattern[str], name: str) -> bool:
    """Whether ``pattern`` occurs in ``name``, kept for the names that recur across articles."""
    return pattern.search(name) is not None


def _rubric(ent: Span, names: tuple[str, ...]) -> bool:
    """Whether the entity is a headline's rubric: one common word of the language opening
    the headline before a colon ("Hôtellerie : ..."), never named again in the text."""
    doc = ent.doc
    if ent.start != 0 or len(ent) != 1 or ent.end >= len(doc) or doc[ent.end].text != ":":
        return False
    if not doc.vocab[ent.text.lower()].has_vector:
        return False  # an unknown word: a name ("Lumeral : ...")
    return names.count(canonical(ent)) == 1


def _company_context(ent: Span, name: str, words: FrameWords) -> bool:
    """Whether a name read as a place, and known as none, follows a word that makes it a
    company ("chez X", "son concurrent X", "l'action X", "le groupe X")."""
    # the countries hold the demonyms' countries ("belge": "Belgique")
    if name in words.countries or name in words.cities:
        return False
    ix = token_index(ent.doc)  # the words read on the index: a Token for the root only
    if ent.start > 0 and (
        ix.lower[ent.start - 1] in words.company_markers
        or ix.lemma[ent.start - 1] in words.company_markers
    ):
        return True
    root = ent.root.i
    verb = ix.head[root]
    # "Dravena a bondi de 6,2 %": an unknown place does not move on a market
    return ix.dep[root] == "nsubj" and ix.pos[verb] == "VERB" and _moves_by_figure(ix, verb)


def _moves_by_figure(ix: TokenIndex, verb: int) -> bool:
    """Whether a verb takes a figure as its argument ("a bondi de 6,2 %", "a cédé 3 %")."""
    children, dep = ix.children, ix.dep
    return any(
        dep[c] in ("obl:arg", "obj") and any(dep[g] == "nummod" for g in children[c])
        for c in children[verb]
    )


def _dates(doc: Doc, text: str, words: FrameWords) -> list[Dated]:
    figures = amount_tokens(doc)
    # only a date after the publication day can be a target's: that test of is_target_year
    # made once here, not a read of the Doc's day per date
    published = str(doc._.factex_published or "")[:10]
    out = []
    for span in doc.spans.get(DATES, ()):
        data = span._.factex_date or {}  # read once: each read makes an Underscore
        if data.get("value"):
            base = words.is_base(text, span.start_char, span.end_char, sent_of(span).start_char)
            grain = data.get("grain") or ""
            told = is_told_day(span, data)  # "a annoncé jeudi": when it was said, no period
            # "vise 1 milliard en 2026": that figure's only
            after = bool(published) and str(data["value"]) > published
            target = after and is_target_year(span, data)
            # "l'échéance de décembre", "le bilan, qui avait culminé en 2022, ..."
            local = names_a_thing(span, figures, date=data) or in_side_clause(span, figures)
            start, end = span.start_char, span.end_char
            out.append(Dated(data["value"], grain, start, end, base, told, target, local))
    return out


def _published(doc: Doc) -> str | None:
    value = doc._.factex_published
    return str(value)[:10] if value else None


def _publication_line(doc: Doc, published: str | None) -> str | None:
    """The day the text gives for itself ("Publié le 5 mai 2023"), when found in it;
    ``published``: :func:`_published` of the Doc."""
    if doc._.factex_published_source != "detected":
        return None
    return published or ""


def _is_publication_line(line: str | None, date: Dated) -> bool:
    """ "Publié le 5 mai 2023": the date the text gives for itself frames no figure."""
    return line is not None and date.grain == "day" and line == date.value


def _demonyms(doc: Doc, layout: Layout, words: FrameWords) -> list[Mention]:
    """ "l'inflation belge" in the headline or lede names the country of the story."""
    out: list[Mention] = []
    ix = token_index(doc)
    lower, pos = ix.lower, ix.pos
    top = [layout.paragraphs[i] for i in (layout.headline, layout.lede) if i is not None]
    if not top or words.demonyms.keys().isdisjoint(lower):
        return out  # most articles: no demonym anywhere, no span made for the top
    # the demonyms read as adjectives, found by a C scan of the words: a Token for the first
    # only when none stands at the top
    found = [
        i for i in compress(count(), map(words.demonyms.__contains__, lower)) if pos[i] == "ADJ"
    ]
    # a Token for each up to the end of the lede only; a word is in a paragraph when it
    # overlaps it (as in ``doc.char_span(start, end, alignment_mode="expand")``)
    last = max(end for _, end in top)
    near = []
    for i in found:
        token = doc[i]
        if token.idx >= last:
            break
        near.append(token)
    for start, end in top:
        for token in near:
            # "la Fédération bancaire française" names a body, not the country of the story
            if token.idx < end and token.idx + len(token) > start and not token.ent_type_:
                place = words.demonyms[lower[token.i]]
                out.append(Mention(place, "LOC", token.idx, token.idx + len(token), country=True))
    return out


def _dateline(text: str, layout: Layout, words: FrameWords) -> Anchor | None:
    """The place of a dateline ("MONTRÉAL, 12 décembre -"), as the country when known."""
    if layout.lede is None:
        return None
    start = layout.paragraphs[layout.lede][0]
    m = _DATELINE.match(text, start)
    if m is None or len(m.group("place")) < 3:
        return None
    city = m.group("place").title()
    place = words.cities.get(city, city if city in words.countries else None)
    if place is None:
        return None
    return Anchor(place, m.start("place"), m.end("place"), "dateline")


def _first_currency(doc: Doc) -> Anchor | None:
    """The first currency the article writes out (not one inferred from context)."""
    for span in doc.spans.get(MONEY, ()):
        data = span._.factex_money or {}
        if data.get("currency") and not data.get("currency_inferred"):
            return Anchor(data["currency"], span.start_char, span.end_char, "written")
    return None


@Language.factory(
    "factex_frame",
    assigns=["doc._.factex_frame"],
    requires=["doc.ents", "doc.spans"],
    default_config={"lang": None},
)
def make_frame(nlp: Language, name: str, lang: str | None) -> FrameBuilder:
    return FrameBuilder(nlp, name, lang)

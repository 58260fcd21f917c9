"""The metric a passage keeps talking about: a figure whose clause names none takes it.

News names a measure once and goes on giving its figures: "le résultat opérationnel s'établit
à 139 millions, contre 198 millions un an plus tôt", "le groupe visait auparavant 4,6
milliards", "Elle recule de 0,2 point sur un an". The *metric focus* is the metric of the last
figure before, in the same sentence or the one before it in the same paragraph; a figure with
no metric of its own takes it, unless the focus is broken:

- by a new paragraph, or a sentence further back;
- by a new measure or a new topic named: a metric word between the two figures or after the
  figure in its clause ("ajoute 40 millions au résultat annuel"), a noun the figure hangs on
  ("une plus-value estimée à 31 millions"), a subject that is no pronoun, place, change
  ("la hausse"), source ("les analystes") or name of the same company ("le groupe"), between
  the two figures or of the figure's clause ("Les loyers continuent de peser : ils ...");
- by another subject written for the figure;
- by a figure that cannot share the measure: a share of something ("46 % du capital"), a
  change of a share ("qui réalise 41 % de ses ventes, a gagné 2,7 %"), a percentage after an
  amount unless it is its change in the same sentence ("…, en hausse de 9 %"), an amount after
  a percentage, an amount of another order of magnitude (a price per share after sales).

A demonstrative pronoun heading the figure's clause ("ceux des services progressent de 2 %")
says which measure it is, before anything else (:mod:`factex.components.passage_pronoun`).

A figure left without a metric ends the focus: what follows may be about that figure. The
words come from ``comparison_nouns`` (focus.json) and existing lists: ``self_reference``,
``source_roles``, ``forecaster_roles`` (frame.json), ``change_nouns`` (metrics.json).
:func:`factex.components.resolve.complete_links` calls :meth:`MetricFocus.carry` on each figure
in text order, then :meth:`MetricFocus.note` once its links are complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import MONEY
from factex.components.links.phrases import listed_phrase, noun_phrase
from factex.components.passage import Passage
from factex.components.passage_pronoun import (
    Pronoun,
    agrees,
    owning_pronoun,
    personal_antecedent,
    stood_metric,
    within_own_words,
    written_antecedent,
)
from factex.components.syntax import SUBJECT_DEPS, amount_root, clause_head, subjects
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, fold, link_words, word

#: Two amounts of one measure (a figure and its comparison, a forecast and the one before) are
#: of the same order: at most this many times apart.
MAX_RATIO = Decimal(20)

#: Where a metric word after the figure stops being of its clause.
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "«", "»"})


@cache
def _going_on(lang: str) -> frozenset[str]:
    """The subject nouns that go on with the measure just named: the company named again ("le
    groupe"), those who forecast it ("les analystes"), a change of it ("la hausse"), another
    value of it ("la moyenne") or its move to one ("un retour à 2 %", ``focus.json``)."""
    frame = resources.load(lang, "frame")
    nouns = (*frame["self_reference"], *frame["source_roles"], *frame["forecaster_roles"])
    focus = resources.load(lang, "focus")
    compared = (*focus["comparison_nouns"], *focus["level_nouns"])  # "la moyenne", "un retour"
    return frozenset((*nouns, *compared)) | link_words(lang).change_nouns


@dataclass(frozen=True)
class _Figure:
    """A figure the passage has linked, as the next one reads it."""

    kind: str
    metric: str | None
    subject: str | None
    end: int  # token after the figure
    sent_start: int
    paragraph: int
    size: Decimal | None  # the amount of money, None for a percentage
    share: bool  # a share of something ("41 % de ses ventes")


class MetricFocus:
    """The metric focus of one Doc's passage, carried along its figures in text order."""

    def __init__(self, doc: Doc, passage: Passage) -> None:
        self.doc = doc
        self.passage = passage
        lang = doc.lang_ or "fr"
        self.words: LinkWords = link_words(lang)
        self.going_on = _going_on(lang)
        self.last: _Figure | None = None
        self.change_only = False  # the last figure carried only the change it names

    def carry(self, span: Span, kind: str, links: dict[str, Any]) -> tuple[str | None, str | None]:
        """The figure's metric and where it came from: its own ("written"), else the focus's
        ("passage") if nothing breaks it, else the change that is all the clause names ("le
        recul atteint 5 %"), else (None, None)."""
        found = self._carry(span, kind, links)
        self.change_only = False
        # (a currency's or a commodity's move measures nothing: "l'euro, après une chute de")
        if found[0] is None and kind != MONEY and not links.get("traded"):
            change = change_named(self.words, span)
            if change is not None:
                self.change_only = True  # no focus for what follows: it names no measure
                return change, "written"
        return found

    def _carry(self, span: Span, kind: str, links: dict[str, Any]) -> tuple[str | None, str | None]:
        metric: str | None = links.get("metric")
        stood = self._stood_for(span, metric)
        if stood is not None:
            return stood
        if metric is not None:
            return metric, "written"
        stood_for = self._personal(span)
        if stood_for is not None:
            return stood_for
        last = self.last
        if last is None or last.metric is None:
            return None, None
        if not self._near(span, last) or not self._shares(span, kind, last):
            return None, None
        written = links.get("subject") if links.get("subject_from") == "written" else None
        if written is not None and written != last.subject and not self._reporter(written):
            return None, None  # "Valdor, de son côté, a reculé de 2 %": another company's figure
        if self._named_metric(span, last) or self._new_topic(span, last):
            return None, None
        return last.metric, "passage"

    def note(self, span: Span, kind: str, links: dict[str, Any]) -> None:
        """Remember the figure once its links are complete: the focus for the next one."""
        self.last = _Figure(
            kind=kind,
            metric=None if self.change_only else links.get("metric"),
            subject=links.get("subject"),
            end=span.end,
            sent_start=token_index(self.doc).sent_start_of(span.start),
            paragraph=self.passage.layout.paragraph(span.start_char),
            size=_size(span, kind),
            share=kind != MONEY and _share_of(self.words, span),
        )

    def _stood_for(self, span: Span, written: str | None) -> tuple[str | None, str | None] | None:
        """The metric a demonstrative pronoun measures the figure for ("ceux des services"
        after "les prix de l'énergie"), None when no pronoun does."""
        last = self.last
        after = last.end if last is not None else 0
        pronoun = owning_pronoun(self.words, span, amount_root(span), after)
        if pronoun is None:
            return None
        ix = token_index(self.doc)
        own = ix.sent_start_of(span.start)
        lo = last.end if last is not None and last.sent_start == own else own
        found = written_antecedent(self.words, pronoun, lo)
        origin = "written"
        if (
            found is None
            and last is not None
            and last.metric is not None
            and self._near(span, last)
            and self._agrees(pronoun, last)
        ):
            found = last.metric
            origin = "written" if last.sent_start == own else "passage"
        if found is not None:
            return stood_metric(self.words, pronoun, found), origin
        if written is None or within_own_words(pronoun, written):
            return None, None  # "ceux de l'aide au développement" is no measure of its own
        return written, "written"

    def _personal(self, span: Span) -> tuple[str, str] | None:
        """The measure a personal pronoun subject of the figure's clause stands for ("ils
        progressent de 6 %" after "Les loyers continuent de peser"), looked for in its
        sentence and the one before in its paragraph."""
        ix = token_index(self.doc)
        own = ix.sent_start_of(span.start)
        lo = own
        if own > 0:
            before = ix.sent_start_of(own - 1)
            layout = self.passage.layout
            if layout.paragraph(self.doc[before].idx) == layout.paragraph(span.start_char):
                lo = before
        noun = personal_antecedent(self.words, amount_root(span), lo)
        if noun is None:
            return None
        text = listed_phrase(self.words, noun) or noun_phrase(self.words, noun)
        return text, "written" if noun.i >= own else "passage"

    def _agrees(self, pronoun: Pronoun, last: _Figure) -> bool:
        """Whether the pronoun can stand for the figure before's metric: its first word, as
        written in that figure's sentence, is of the pronoun's gender."""
        first = word((last.metric or "").split(" ")[0])
        for tok in self.doc[last.sent_start : last.end]:
            if tok.lower_ == first:
                return agrees(pronoun, tok)
        return True

    def _reporter(self, name: str) -> bool:
        """Whether the name is that of a source or a public body, which speaks of a measure
        without owning it ("l'Insee", "la Banque de France")."""
        return any(m.name == name and (m.source or m.institution) for m in self.passage.mentions)

    def _near(self, span: Span, last: _Figure) -> bool:
        """Same paragraph, and the same sentence or the one right after."""
        if self.passage.layout.paragraph(span.start_char) != last.paragraph:
            return False
        ix = token_index(self.doc)
        start = ix.sent_start_of(span.start)
        return start == last.sent_start or (
            start > 0 and ix.sent_start_of(start - 1) == last.sent_start
        )

    def _shares(self, span: Span, kind: str, last: _Figure) -> bool:
        """Whether the figure can be of the focus's measure at all."""
        if kind == MONEY:
            return last.kind == MONEY and _same_order(_size(span, kind), last.size)
        if _share_of(self.words, span):
            return False  # "46 % du capital": a share of something, whatever came before
        value = span._.factex_percent or {}
        if last.kind == MONEY:
            # only the amount's change, in its sentence ("…, en hausse de 9 %"), is of it
            same = token_index(self.doc).sent_start_of(span.start) == last.sent_start
            return same and value.get("unit") == "percent" and value.get("direction") is not None
        # a share ("41 % de ses ventes") is compared with shares, it does not move, but in
        # points it does ("38 % des abonnés, en recul de 0,4 point")
        return not last.share or value.get("direction") is None or value.get("unit") == "points"

    def _named_metric(self, span: Span, last: _Figure) -> bool:
        """Whether a metric word other than the focus's is written between the two figures,
        or after the figure before its clause ends."""
        doc = self.doc
        focus = fold(last.metric or "")
        ix = token_index(doc)
        stop = span.end
        own = ix.sent_start_of(span.start)
        while stop < len(doc) and doc[stop].text not in _CLAUSE_ENDS:
            if ix.sent_start_of(stop) != own:
                break
            stop += 1
        for i in (*range(last.end, span.start), *range(span.end, stop)):
            tok = doc[i]
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = listed_phrase(self.words, tok)
            if phrase is not None and fold(phrase) != focus and not focus.startswith(fold(phrase)):
                return True
        return False

    def _new_topic(self, span: Span, last: _Figure) -> bool:
        """Whether the figure hangs on a noun of its own, or a subject that does not go on
        with the focus is written after the focus (in the figure's clause or between)."""
        root = amount_root(span)
        holder = root.head
        if holder.pos_ == "VERB" and holder.dep_.startswith("acl"):
            holder = holder.head  # "une plus-value estimée à 31 millions"
        # ("il progresse au contraire de 0,3 point": a word of no measure is no topic)
        own = holder.i != root.i and holder.pos_ == "NOUN"
        own = own and holder.lemma_ not in self.words.not_metrics
        if own and not self._goes_on(holder, last) and not _gapped(holder, last):
            return True
        if self._owned_change(holder, root, last):
            return True  # "la progression du pouvoir d'achat, attendue à 1 %"
        verb = clause_head(root)
        found = [
            verb.head if s.lower_ in self.words.relative_subjects else s for s in subjects(verb)
        ]
        found += [t for t in self.doc[last.end : span.start] if t.dep_ in SUBJECT_DEPS]
        # a subject written before the focus is the focus's own ("l'ensemble a généré 6
        # milliards de ventes, en hausse de 9 %")
        return any(t.i >= last.end and not self._goes_on(t, last) for t in found)

    def _owned_change(self, holder: Token, root: Token, last: _Figure) -> bool:
        """Whether the figure is a change of a noun written with it, other than the focus's
        metric ("la hausse des loyers de 6 %")."""
        if (
            holder.lower_ not in self.words.change_nouns
            and holder.lemma_ not in self.words.change_nouns
        ):
            return False
        focus = fold(last.metric or "")
        for child in holder.children:
            if child.dep_ == "nmod" and child.pos_ == "NOUN" and child.i < root.i:
                phrase = listed_phrase(self.words, child)
                return phrase is None or fold(phrase) != focus
        return False

    def _goes_on(self, tok: Token, last: _Figure) -> bool:
        """Whether a subject or head noun goes on with the focus: a pronoun, a place, the
        company named again, a forecaster, a change, the focus's subject or metric."""
        if tok.pos_ == "PRON" or tok.ent_type_ == "LOC":
            return True
        if tok.lower_ in self.going_on or tok.lemma_ in self.going_on:
            return True
        for m in self.passage.mentions:
            if m.start <= tok.idx < m.end:
                # "la Banque de France, qui table sur 0,6 %": a forecaster of the measure
                return m.name == last.subject or m.label == "LOC" or m.source or m.institution
        phrase = listed_phrase(self.words, tok)
        return phrase is not None and fold(phrase) == fold(last.metric or "")


def change_named(w: LinkWords, span: Span) -> str | None:
    """ "le recul atteint 5,3 %", "une augmentation générale de 6 %": a change with its
    article, and no measure of its own, heading the figure or its clause's subject, is all the
    text says of what the figure measures: the change, with the adjectives saying which
    (not a participle saying how much: "une baisse limitée à 1,5 %")."""
    root = amount_root(span)
    verb = clause_head(root)
    for noun in (root.head, _noun_before(span), *subjects(verb)):
        if (
            noun.pos_ != "NOUN"
            or (noun.lower_ not in w.change_nouns and noun.lemma_ not in w.change_nouns)
            or not any(c.dep_ == "det" for c in noun.children)
            or any(c.dep_ == "nmod" and c.i < root.i and c.pos_ != "NUM" for c in noun.children)
        ):
            continue
        end = noun.i + 1
        doc = span.doc
        while (
            end < len(doc)
            and doc[end].pos_ == "ADJ"
            and doc[end].head.i == noun.i
            and doc[end].lower_ not in w.not_qualifiers
            and not doc[end].lower_.endswith(("é", "ée", "és", "ées"))
        ):
            end += 1
        return doc[noun.i : end].text
    return None


def _noun_before(span: Span) -> Token:
    """The noun written right before the figure, past its preposition and the adjectives
    between ("une baisse limitée à 1,2 %"), whatever the parse hangs the figure on."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and span.start - i <= 3 and doc[i].pos_ in ("ADP", "ADJ", "ADV"):
        i -= 1
    return doc[max(i, 0)]


def _gapped(noun: Token, last: _Figure) -> bool:
    """ "X représente 58 % des ventes, le caoutchouc 31 %": a noun set beside a word of the
    focus's clause, with no verb of its own, is a parallel of it (the verb left out)."""
    if noun.dep_ not in ("appos", "conj") or not (last.sent_start <= noun.head.i < last.end):
        return False
    return not any(c.pos_ in ("VERB", "AUX") for c in noun.children)


def _share_of(w: LinkWords, span: Span) -> bool:
    """ "46 % du capital", "2,5 % de son capital", "38 % des abonnés": a percentage followed by
    the whole it is a part of."""
    ix = token_index(span.doc)  # the words after read off the index, no Token made
    i, n = span.end, len(ix.pos)
    if i >= n or word(ix.text[i]) not in w.genitive:
        return False
    i += 1
    while i < n and ix.pos[i] == "DET":
        i += 1
    return i < n and ix.pos[i] in ("NOUN", "PROPN", "NUM")


def _size(span: Span, kind: str) -> Decimal | None:
    """The amount of a money figure (a range's low bound), None for a percentage."""
    if kind != MONEY:
        return None
    value = span._.factex_money or {}
    raw = value.get("amount") or value.get("amount_min") or value.get("amount_max")
    try:
        return abs(Decimal(str(raw))) if raw is not None else None
    except InvalidOperation:
        return None


def _same_order(a: Decimal | None, b: Decimal | None) -> bool:
    """Whether two amounts are at most :data:`MAX_RATIO` times apart.

    >>> _same_order(Decimal(139), Decimal(198)), _same_order(Decimal(45), Decimal(4_000_000_000))
    (True, False)
    """
    if a is None or b is None or a == 0 or b == 0:
        return False
    return max(a, b) / min(a, b) <= MAX_RATIO

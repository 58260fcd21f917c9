"""Whose a figure is, across the article: the sentence's own link, a main actor named earlier
in the passage, the frame's actor or the country of the story (for macro figures).

Part of the frame stage (:mod:`factex.components.resolve` calls :func:`passage_subject`): the
sentence-level link may only have taken the nearest name; here the passage and frame overrule it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Span, Token

from factex.components.links.index_text import span_text
from factex.components.passage import LinkWords, Passage
from factex.components.sentence_bounds import SentBounds, sent_of
from factex.components.syntax import clause_head_at, subjects_at
from factex.components.token_index import token_index
from factex.normalize.frame import Mention, latest_before
from factex.normalize.territory import is_central_bank


def passage_subject(
    span: Span,
    written: str | None,
    links: dict[str, Any],
    passage: Passage,
    words: LinkWords,
    names: PassageNames | None = None,
) -> tuple[str | None, str | None]:
    """``names``: :meth:`PassageNames.of` the passage, when the caller keeps it for its Doc."""
    # in an article (a headline over paragraphs), not in a lone sentence
    article = passage.layout.headline is not None
    fig = _Figure(span, sent_of(span), names or PassageNames.of(passage))
    if written is not None and links.get("traded"):
        return written, "written"  # "le prix du porc": the commodity's, wherever quoted
    economy = _economy_subject(fig, written, links.get("metric"), passage, words, article)
    if economy is not None:
        return economy
    if written is not None and _at_dateline(written, passage):
        written = None  # "OTTAWA, 12 mars -" says where the story was written, not whose figure
    if written is not None and _forecaster(fig, written, passage, words):
        written = None  # "X, analyste chez Y, qui table sur 1,4 milliard": X expects it
    framed = passage.actor is not None or passage.place is not None
    # the sentence's own link stands, unless it only took the nearest name of the sentence
    guessed = links.get("subject_from") == "sentence" and not _said(fig, written or "")
    said = written is not None and (not framed or not guessed)
    if written is not None and said and not _refers_back(fig, written, words):
        return written, "written"
    body = _designated_body(fig, passage, words) if written is None or guessed else None
    if body is not None:
        return body, "passage"  # "le bilan de l'institution": the body the story names most
    if _generic_holder(fig, words):
        return None, None  # "le marché français, qui pèse 36 milliards": no company's figure
    own = _clause_name(fig, passage) if article and written is None else None
    if own is not None:
        return own, "written"  # "Dravena a bondi de 6,2 %": a name the model read as a place
    earlier = _latest_actor(fig, passage)
    if earlier is not None:
        return earlier, "passage"
    local = _local_place(fig, passage) if passage.actor is None and article else None
    if local is not None:
        return local, "written"  # "À Lyon, le prix ...", "a reculé de 6 % à Lyon"
    # The frame speaks for sentences that name no one; a name the sentence holds but did not
    # link (what is bought, a place of business) stays unlinked.
    actor = passage.actor
    named = _named_just_before(fig, {actor, *passage.actors}, passage) if article else None
    if named is not None and actor is not None and written is None:
        return named, "written"  # a headline the parse mangles: "X voit son bénéfice fondre"
    if actor is not None and not _named_in_sentence(fig, actor):
        return actor, "frame"
    if actor is None and passage.place and not _named_in_sentence(fig, passage.place):
        return passage.place, "frame"  # a story about a place: its figures are the place's
    if actor is None and passage.place and guessed:
        # the sentence names the story's place; the other name was only the nearest one
        return passage.place, "written"
    return written, _from(written)


def _economy_subject(
    fig: _Figure,
    written: str | None,
    metric: str | None,
    passage: Passage,
    words: LinkWords,
    article: bool,
) -> tuple[str | None, str | None] | None:
    """The subject of a policy rate (the bank that sets it) or of a macro figure (a place);
    None for other figures."""
    if words.is_policy_rate(metric):
        bank = _rate_setter(fig, written, passage, words)
        if bank is not None:  # "la BCE a abaissé ses taux": the bank's rate, not the area's
            return bank, "written" if bank == written else "passage"
    if not words.is_macro(metric, passage.actor is not None):
        return None
    # "les prix ont reculé de 6 % à Lyon": the place beside the figure, else a country of its
    # sentence
    place = _local_place(fig, passage) if article else None
    place = place or _place_in_sentence(fig, passage)
    if place is not None:
        return place, "written"
    if written is not None and _is_place(written, passage):
        return written, "written"
    return (passage.place, "frame") if passage.place else (written, _from(written))


@dataclass(frozen=True)
class PassageNames:
    """What the figures of one passage ask of its mentions, found once (each figure went
    through them all)."""

    #: the mentions of the main actors, not as a source nor a public body, in text order
    main_actors: list[Mention]
    #: by name, where its mentions start, in order
    starts: dict[str, list[int]]

    @classmethod
    def of(cls, passage: Passage) -> PassageNames:
        main = {passage.actor, *passage.actors} if passage.actor is not None else set()
        actors = [
            m
            for m in passage.mentions
            if m.label in ("ORG", "PER") and not m.source and not m.institution and m.name in main
        ]
        starts: dict[str, list[int]] = {}
        for m in passage.mentions:
            starts.setdefault(m.name, []).append(m.start)
        return cls(actors, {name: sorted(at) for name, at in starts.items()})


@dataclass
class _Figure:
    """The amount the helpers below read, with its sentence, clause and subjects found once
    (each helper asked them again of the parse)."""

    span: Span
    sent: SentBounds
    names: PassageNames

    # indices into the Doc's token index, not Tokens: each ``doc[i]`` makes one
    @cached_property
    def verb(self) -> int:
        """The index of the verb (or root) of the amount's clause."""
        return clause_head_at(token_index(self.span.doc), self.span.root.i)

    @cached_property
    def subject_ids(self) -> tuple[int, ...]:
        return subjects_at(self.span.doc, self.verb)

    @cached_property
    def subjects(self) -> list[Token]:
        doc = self.span.doc
        return [doc[i] for i in self.subject_ids]

    @cached_property
    def holders(self) -> list[int]:
        """The indices of the clause's subjects, the antecedent standing for a "qui"."""
        ix = token_index(self.span.doc)
        return [ix.head[self.verb] if ix.lower[s] == "qui" else s for s in self.subject_ids]


def _rate_setter(
    fig: _Figure, written: str | None, passage: Passage, words: LinkWords
) -> str | None:
    """The central bank that sets the rate: the one the sentence links, else the last one
    named before the figure in the article, else the first one named in its sentence."""
    if written is not None and is_central_bank(written, words.central_banks, words.lang):
        return written
    banks = [
        m
        for m in passage.mentions
        if m.label in ("ORG", "PER") and is_central_bank(m.name, words.central_banks, words.lang)
    ]
    span = fig.span
    found = latest_before(banks, span.start_char, passage.layout, same_paragraph=False)
    if found is None:
        end = fig.sent.end_char
        found = next((m for m in banks if span.end_char <= m.start < end), None)
    if found is None:
        return None
    # "la Banque centrale des États ... (BCEAO)": the acronym the article defines for it
    at = passage.text[found.start : found.end + 12]
    defined = written is not None and (at.startswith(written) or f"({written})" in at)
    return written if written and defined else found.name


def _forecaster(fig: _Figure, name: str, passage: Passage, words: LinkWords) -> bool:
    """Whether the sentence describes the person ``name`` by a role of those who expect
    others' figures ("Léa Martin, analyste chez X, qui table sur ..."); a company never."""
    start, end = fig.sent.start_char, fig.sent.end_char
    for m in passage.mentions:
        if m.name == name and m.label == "PER" and start <= m.start < end:
            role = _ROLE.match(passage.text, m.end)
            if role is not None and role.group(1).lower() in words.forecasters:
                return True
    return False


#: ", analyste chez ...": the role set after a name
_ROLE = re.compile(r"\s*,\s*(\w+)")


def _designated_body(fig: _Figure, passage: Passage, words: LinkWords) -> str | None:
    """The public body named most before the amount, when the owner of the figure's clause
    subject names it again by a designator ("Le bilan de l'institution est revenu à ...")."""
    span = fig.span
    doc, ix = span.doc, token_index(span.doc)
    owned = False
    for noun in fig.holders:
        for c in ix.children[noun]:
            # only a complement whose last word may end a designator is read whole
            if ix.dep[c] != "nmod" or not _may_end(ix.text[c], words.designators):
                continue
            phrase = span_text(doc, doc[c].left_edge.i, c + 1)
            phrase = phrase.lower().replace("’", "'")
            if phrase.endswith(words.designators):
                owned = True
    if not owned:
        return None
    bodies = Counter(
        m.name
        for m in passage.mentions
        if m.end <= span.start_char
        and (m.institution or is_central_bank(m.name, words.central_banks, words.lang))
    )
    return bodies.most_common(1)[0][0] if bodies else None


def _may_end(last: str, designators: tuple[str, ...]) -> bool:
    """Whether a phrase ending with the word ``last`` may end with one of ``designators``."""
    last = last.lower().replace("’", "'")
    return any(last.endswith(d) or d.endswith(last) for d in designators)


def _clause_name(fig: _Figure, passage: Passage) -> str | None:
    """The organisation the frame knows at the subject of the amount's clause (a name the
    model read as a place but the frame as a company), not a source or a public body."""
    for subj in fig.subjects:
        at = subj.idx
        for m in passage.mentions:
            if m.start <= at < m.end and m.label == "ORG":
                return None if m.source or m.institution else m.name
    return None


def _generic_holder(fig: _Figure, words: LinkWords) -> bool:
    """Whether the figure's clause is about a whole market or trade: its subject ("le secteur
    a reculé de 2 %"), the antecedent of its "qui", or the noun its participle describes ("le
    marché, estimé à 1,3 milliard"), without a possessive tying it to the company."""
    verb, ix = fig.verb, token_index(fig.span.doc)
    holders = list(fig.holders)
    if ix.dep[verb].startswith("acl") and ix.pos[verb] == "VERB":
        holders.append(ix.head[verb])
    for noun in holders:
        owned = any(ix.lower[c] in words.possessives for c in ix.children[noun])
        if ix.lemma[noun] in words.generic_holders and ix.pos[noun] == "NOUN" and not owned:
            return True
    return False


def _refers_back(fig: _Figure, written: str, words: LinkWords) -> bool:
    """Whether the clause names its subject again ("le groupe", "il", "l'action", "son
    bénéfice") without the name the sentence-level link guessed from elsewhere in it."""
    span, verb, subjs = fig.span, fig.verb, fig.subjects
    doc = span.doc
    phrases = [span_text(doc, s.left_edge.i, s.right_edge.i + 1) for s in subjs]
    if any(written in phrase for phrase in phrases):
        return False  # "Le brasseur Heineken a vu ...": the description names it
    for subj in subjs:
        word = subj.lower_.lstrip("-")
        if word in words.self_reference or subj.lemma_ in words.self_reference:
            return True
    start, ix = max(doc[verb].left_edge.i, fig.sent.start), token_index(doc)
    owned = any(
        ix.lower[i] in words.possessives and ix.pos[i] == "DET" for i in range(start, span.start)
    )
    # "Heineken a vu son bénéfice ...": the owner is named before in the sentence
    return owned and written not in span_text(doc, fig.sent.start, span.start)


def _at_dateline(name: str, passage: Passage) -> bool:
    """Whether the name is the dateline's place ("OTTAWA, 12 mars -")."""
    return passage.dateline is not None and name.casefold() == passage.dateline.casefold()


#: words that tie a name to what follows it: "le chiffre d'affaires de X", "chez X"
_OWNER_WORDS = frozenset({"de", "d'", "d’", "du", "des", "chez", "pour"})


def _said(fig: _Figure, name: str) -> bool:
    """Whether the sentence ties the name to the amount: the clause's subject, or an owner
    ("de X", "chez X") before the amount; not merely a name somewhere in the sentence."""
    span, sent, doc = fig.span, fig.sent, fig.span.doc
    for subj in fig.subjects:
        left = subj.left_edge.i
        if name in span_text(doc, left, subj.right_edge.i + 1):
            return True
        # "Jack Ma, le fondateur du groupe, avait annoncé": the name set before its description
        before = span_text(doc, max(sent.start, left - 4), left).rstrip(" ,")
        if before.endswith(name):
            return True
    ix = token_index(doc)
    for i in range(sent.start, span.start - 1):
        if ix.lower[i] in _OWNER_WORDS:
            after = span_text(doc, i + 1, min(i + 6, sent.end))
            if after.startswith(name) or after.split(" ", 1)[-1].startswith(name):
                return True
    return False


def _from(value: str | None) -> str | None:
    return "written" if value is not None else None


def _place_in_sentence(fig: _Figure, passage: Passage) -> str | None:
    """A country named in the amount's own sentence ("en Belgique", "l'inflation française")."""
    start, end = fig.sent.start_char, fig.sent.end_char
    for m in passage.mentions:
        if m.label == "LOC" and m.country and start <= m.start < end:
            return m.name
    return None


def _local_place(fig: _Figure, passage: Passage) -> str | None:
    """The place a figure of a story about no company is given for: a place named right
    after it ("de 6,4 % à Lyon"), else the nearest one before it in its sentence."""
    span, start, end = fig.span, fig.sent.start_char, fig.sent.end_char
    places = [m for m in passage.mentions if m.label == "LOC" and start <= m.start < end]
    after = [m for m in places if 0 <= m.start - span.end_char <= 5]
    if after:
        return after[0].name
    before = [m for m in places if m.end <= span.start_char]
    return before[-1].name if before else None


def _named_in_sentence(fig: _Figure, name: str) -> bool:
    starts = fig.names.starts.get(name, ())
    k = bisect_left(starts, fig.sent.start_char)
    return k < len(starts) and starts[k] < fig.sent.end_char


def _named_just_before(fig: _Figure, names: set[str | None], passage: Passage) -> str | None:
    """The last organisation or person named before the amount in its sentence, if it is one
    of ``names`` ("Nexa : bénéfice en hausse de 15 %"); not one named after the amount."""
    start, span = fig.sent.start_char, fig.span
    before = [
        m
        for m in passage.mentions
        if m.label in ("ORG", "PER", "MISC") and start <= m.start and m.end <= span.start_char
    ]
    return before[-1].name if before and before[-1].name in names else None


def _is_place(name: str, passage: Passage) -> bool:
    return any(m.name == name and m.label == "LOC" for m in passage.mentions)


def _latest_actor(fig: _Figure, passage: Passage) -> str | None:
    """The last organisation named before the amount in its paragraph, if it is one the
    article is about (a main actor) and not a source."""
    if passage.actor is None:
        return None
    # before the sentence: a name of its own sentence that the sentence did not link is left
    found = latest_before(fig.names.main_actors, fig.sent.start_char, passage.layout)
    return found.name if found is not None else None

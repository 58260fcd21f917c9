"""Events dated by their paragraph: a narrative goes on from one time anchor.

"Lundi, un cycliste a été renversé rue Carnot. Il a été transporté à l'hôpital.": the second
event is Monday's too. A verb told in the past (passé composé, plus-que-parfait, passé simple),
affirmative, outside quotes and with no date of its own, takes the day of the last event the
text dated in a main clause of a sentence before its own (a date of its own sentence that is
not its own is another clause's), when that day is not after publication. Dates of
participles and relative clauses ("embauché en 2004") tell background, never an anchor; a
sentence stating a recurring date ("chaque lundi") tells no single event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factex.components.events.chains import chain_top, lexical_verb, verb_lemma
from factex.components.events.clauses import DatedClause, is_measurement, is_recurring, set_off
from factex.components.events.words import EventWords
from factex.components.extensions import DATES, doc_text
from factex.components.morph import morph_column, morph_values
from factex.components.token_index import TokenIndex, token_index

_TOP_DEPS = frozenset({"ROOT", "conj", "parataxis", "acl:relcl", "ccomp", "advcl"})
_NEGATIONS = frozenset({"ne", "n'", "n’", "pas", "jamais", "plus", "guère"})
_QUOTES_OPEN = frozenset({"«", "“"})
_QUOTES_CLOSE = frozenset({"»", "”"})
_QUOTE_MARKS = re.compile("[«“»”]")


class Anchored(NamedTuple):
    """An undated verb of the narrative and the day it takes from its paragraph."""

    verb: Token
    value: str
    source: str


def anchor_day(value: str) -> str:
    """The day of an anchor: a time or a part of day gives its date; coarser values stay.

    >>> anchor_day("2024-03-12T17:50"), anchor_day("2024-03-12T18:00/2024-03-12T23:00")
    ('2024-03-12', '2024-03-12')
    >>> anchor_day("2019"), anchor_day("2024-03-12TEV")
    ('2019', '2024-03-12')
    """
    first = value.split("/")[0]
    return first[:10] if "T" in first else value


def anchored_verbs(
    doc: Doc, clauses: Iterable[DatedClause], words: EventWords, published: str | None
) -> list[Anchored]:
    """The past-tense verbs with no date of their own, each with its paragraph's day."""
    anchors = sorted(
        (c.date.start, anchor_day(c.value))
        for c in clauses
        if _main_clause(c.head, c.value)
        and (published is None or anchor_day(c.value)[:10] <= published)
    )
    dated = {c.head.i for c in clauses} | {
        chain_top(lexical_verb(c.head, words), words).i for c in clauses
    }
    ix = token_index(doc)  # a Token is made only for the verbs, not for every word
    recurring = {ix.sent_start_of(s.start) for s in doc.spans.get(DATES, ()) if is_recurring(s)}
    quoted = _quoted(doc)
    by_head = {c.head.i: c.value for c in clauses}
    out: list[Anchored] = []
    for i, pos in enumerate(ix.pos):
        if pos != "VERB" or i in dated or i in quoted:
            continue  # only a verb can be anchored (both tests below ask for one)
        sent_start = ix.sent_start_of(i)
        if sent_start in recurring:
            continue
        token = doc[i]
        shared = _shared_date(token, by_head)
        if shared is not None:  # "a fait évacuer l'immeuble mardi et ordonné sa fermeture"
            out.append(Anchored(token, shared, "written"))
            continue
        if not _narrated(token, words):
            continue
        value = _last_anchor(anchors, sent_start - 1)
        if value is not None:
            out.append(Anchored(token, value, "paragraph"))
    return out


def _shared_date(verb: Token, by_head: dict[int, str]) -> str | None:
    """The date of the verb a past verb is coordinated with (with no subject of its own) or
    whose time a finite subordinate clause tells ("a traversé une crise en 2013, lorsqu'elle
    avait fermé onze magasins"), when that verb is dated."""
    if verb.dep_ not in ("conj", "advcl") or verb.head.i not in by_head or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "advcl" and not (
        verb.head.i < verb.i
        and any(c.dep_ == "aux:tense" for c in verb.children)
        and any(c.dep_ == "mark" for c in verb.children)
    ):
        return None  # "..., lorsqu'elle avait fermé onze magasins": introduced, after its verb
    if verb.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    if "Part" not in morph_values(verb, "VerbForm") and "Past" not in morph_values(verb, "Tense"):
        return None
    return by_head[verb.head.i]


def _last_anchor(anchors: list[tuple[int, str]], i: int) -> str | None:
    value = None
    for start, day in anchors:
        if start > i:
            break
        value = day
    return value


def _fine(value: str) -> bool:
    """A value of a day or finer ("2024-03-12", "2024-03-12T17:45")."""
    return len(value.split("/")[0]) >= 10 and value[:4].isdigit()


def _main_clause(head: Token, value: str) -> bool:
    """A verb of the story's line: no participle set off or relative clause (background)."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    ix = token_index(head.doc)  # the children read from it: no Token made for each
    feats = morph_column(head.doc, ix)
    kids = ix.children[head.i]
    pluperfect = any(
        ix.dep[c].startswith("aux") and "Imp" in feats[c].get("Tense", ()) for c in kids
    )
    if any(ix.lower[c] in _NEGATIONS for c in kids):
        return False  # "n'avaient plus gagné depuis le 11 décembre": nothing happened then
    if pluperfect and not _fine(value):
        return False  # "avait été construite en 1962": a pluperfect tells what came before
    return head.dep_ not in ("acl", "acl:relcl") and not set_off(head)


def _narrated(verb: Token, words: EventWords) -> bool:
    """A finite verb told in the past, affirmative, heading its clause (or a chain's top)."""
    if verb.pos_ != "VERB":
        return False
    ix = token_index(verb.doc)  # the children read from it: no Token made for each
    kids = ix.children[verb.i]
    if verb.dep_ not in _TOP_DEPS and not any(ix.dep[c] == "aux:tense" for c in kids):
        return False  # an auxiliary makes a clause whatever the parse hangs it on
    if verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX"):
        return False
    # the tense first: it is read off the index, and most verbs of an article fail it
    if any(ix.lower[c] in _NEGATIONS for c in kids) or not _told_in_past(verb, ix, kids):
        return False
    if verb_lemma(verb) in words.chain_verbs and lexical_verb(verb, words).i == verb.i:
        return False  # "a fait" alone is no event
    return not is_measurement(verb, words)  # "le titre a grimpé": a metric's move, no event


def _told_in_past(verb: Token, ix: TokenIndex, kids: tuple[int, ...]) -> bool:
    """A compound past (passé composé, plus-que-parfait) or a simple past tense."""
    feats = morph_column(verb.doc, ix)
    own = feats[verb.i]
    aux = [c for c in kids if ix.dep[c] in ("aux:tense", "aux", "aux:pass")]
    if aux:
        first = feats[min(aux)]
        mood = first.get("Mood", ())
        tense = first.get("Tense", ())
        return (
            "Part" in own.get("VerbForm", ())
            and "Ind" in mood
            and bool({"Pres", "Imp"} & set(tense))
            and any(ix.lemma[a] in ("avoir", "être") for a in aux)
            and not (len(aux) == 1 and ix.dep[aux[0]] == "aux:pass" and "Pres" in tense)
        )
    return "Ind" in own.get("Mood", ()) and "Past" in own.get("Tense", ())


def _quoted(doc: Doc) -> set[int]:
    """Tokens inside « » quotes: what someone says is no narrated event.

    Read off the text (most articles quote nothing, and a Token per word costs more than the
    whole scan); the tokens of each quoted stretch come from one character span.
    """
    inside: set[int] = set()
    depth, opened = 0, 0
    for mark in _QUOTE_MARKS.finditer(doc_text(doc)):
        if doc.char_span(mark.start(), mark.end()) is None:
            continue  # a mark glued to a word ("«Non") is not a token of its own: no quote
        if mark.group() in _QUOTES_OPEN:
            depth += 1
            if depth == 1:
                opened = mark.end()
        elif depth:
            depth -= 1
            if depth == 0:
                _add_tokens(doc, opened, mark.start(), inside)
    if depth:  # a quote left open runs to the end, as before
        _add_tokens(doc, opened, len(doc_text(doc)), inside)
    return inside


def _add_tokens(doc: Doc, start: int, end: int, into: set[int]) -> None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        into.update(range(span.start, span.end))

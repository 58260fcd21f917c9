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
from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factex.components.events.chains import chain_top_at, lexical_verb_at, verb_lemma_at
from factex.components.events.clauses import (
    DatedClause,
    DateReading,
    is_recurring,
    measurement_at,
    set_off_at,
)
from factex.components.events.words import EventWords
from factex.components.extensions import doc_text
from factex.components.morph import MorphColumn, morph_column
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
    doc: Doc,
    clauses: Iterable[DatedClause],
    words: EventWords,
    published: str | None,
    dates: Iterable[DateReading],
) -> list[Anchored]:
    """The past-tense verbs with no date of their own, each with its paragraph's day
    (``dates``: the doc's dates, as :func:`read_dates` gives them)."""
    ix = token_index(doc)  # a Token is made only for the verbs returned, not for every word
    feats = morph_column(doc, ix)
    anchors = sorted(
        (c.date.start, anchor_day(c.value))
        for c in clauses
        if _main_clause(ix, feats, c.head.i, c.value)
        and (published is None or anchor_day(c.value)[:10] <= published)
    )
    dated = {c.head.i for c in clauses} | {
        chain_top_at(ix, feats, lexical_verb_at(ix, feats, c.head.i, words), words) for c in clauses
    }
    recurring = {ix.sent_start_of(d.span.start) for d in dates if is_recurring(d.span, d.info)}
    quoted = _quoted(doc, ix)
    by_head = {c.head.i: c.value for c in clauses}
    out: list[Anchored] = []
    # only a verb can be anchored (both tests below ask for one): picked out at C speed
    for i in compress(range(len(ix.pos)), map("VERB".__eq__, ix.pos)):
        if i in dated or i in quoted:
            continue
        sent_start = ix.sent_start_of(i)
        if sent_start in recurring:
            continue
        shared = _shared_date(ix, feats, i, by_head)
        if shared is not None:  # "a fait évacuer l'immeuble mardi et ordonné sa fermeture"
            out.append(Anchored(doc[i], shared, "written"))
            continue
        if not _narrated(doc, ix, feats, i, words):
            continue
        value = _last_anchor(anchors, sent_start - 1)
        if value is not None:
            out.append(Anchored(doc[i], value, "paragraph"))
    return out


def _shared_date(ix: TokenIndex, feats: MorphColumn, i: int, by_head: dict[int, str]) -> str | None:
    """The date of the verb a past verb (token ``i``) is coordinated with (with no subject of
    its own) or whose time a finite subordinate clause tells ("a traversé une crise en 2013,
    lorsqu'elle avait fermé onze magasins"), when that verb is dated."""
    dep, head = ix.dep[i], ix.head[i]
    if dep not in ("conj", "advcl") or head not in by_head or ix.pos[i] != "VERB":
        return None
    kids = ix.children[i]
    if dep == "advcl" and not (
        head < i
        and any(ix.dep[c] == "aux:tense" for c in kids)
        and any(ix.dep[c] == "mark" for c in kids)
    ):
        return None  # "..., lorsqu'elle avait fermé onze magasins": introduced, after its verb
    if dep == "conj" and any(ix.dep[c].startswith("nsubj") for c in kids):
        return None
    own = feats[i]
    if "Part" not in own.get("VerbForm", ()) and "Past" not in own.get("Tense", ()):
        return None
    return by_head[head]


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


def _main_clause(ix: TokenIndex, feats: MorphColumn, head: int, value: str) -> bool:
    """A verb of the story's line: no participle set off or relative clause (background)."""
    if ix.pos[head] not in ("VERB", "AUX"):
        return False
    kids = ix.children[head]
    pluperfect = any(
        ix.dep[c].startswith("aux") and "Imp" in feats[c].get("Tense", ()) for c in kids
    )
    if any(ix.lower[c] in _NEGATIONS for c in kids):
        return False  # "n'avaient plus gagné depuis le 11 décembre": nothing happened then
    if pluperfect and not _fine(value):
        return False  # "avait été construite en 1962": a pluperfect tells what came before
    return ix.dep[head] not in ("acl", "acl:relcl") and not set_off_at(ix, feats, head)


def _narrated(doc: Doc, ix: TokenIndex, feats: MorphColumn, i: int, words: EventWords) -> bool:
    """A finite verb (token ``i``) told in the past, affirmative, heading its clause (or a
    chain's top)."""
    if ix.pos[i] != "VERB":
        return False
    own = feats[i]
    if "Part" not in own.get("VerbForm", ()) and "Past" not in own.get("Tense", ()):
        return False  # what :func:`_told_in_past` asks at least: the cheapest test, first
    kids = ix.children[i]
    dep = ix.dep[i]
    if dep not in _TOP_DEPS and not any(ix.dep[c] == "aux:tense" for c in kids):
        return False  # an auxiliary makes a clause whatever the parse hangs it on
    if dep == "conj" and ix.pos[ix.head[i]] not in ("VERB", "AUX"):
        return False
    # the tense first: it is read off the index, and most verbs of an article fail it
    if any(ix.lower[c] in _NEGATIONS for c in kids) or not _told_in_past(feats, ix, i, kids):
        return False
    if verb_lemma_at(ix, i) in words.chain_verbs and lexical_verb_at(ix, feats, i, words) == i:
        return False  # "a fait" alone is no event
    return not measurement_at(doc, ix, i, words)  # "le titre a grimpé": a metric's move


def _told_in_past(feats: MorphColumn, ix: TokenIndex, i: int, kids: tuple[int, ...]) -> bool:
    """A compound past (passé composé, plus-que-parfait) or a simple past tense."""
    own = feats[i]
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


def _quoted(doc: Doc, ix: TokenIndex) -> set[int]:
    """Tokens inside « » quotes: what someone says is no narrated event.

    Read off the text (most articles quote nothing, and a Token per word costs more than the
    whole scan); the tokens of each quoted stretch come from one character span, found on
    the tokens' offsets as ``doc.char_span`` finds it (no Token made).
    """
    inside: set[int] = set()
    text = doc_text(doc)
    offsets: _Offsets | None = None
    depth, opened = 0, 0
    for mark in _QUOTE_MARKS.finditer(text):
        offsets = offsets or _Offsets(doc, ix)
        if not offsets.is_token(mark.start(), mark.end()):
            continue  # a mark glued to a word ("«Non") is not a token of its own: no quote
        if mark.group() in _QUOTES_OPEN:
            depth += 1
            if depth == 1:
                opened = mark.end()
        elif depth:
            depth -= 1
            if depth == 0:
                inside.update(offsets.expand(opened, mark.start()))
    if depth and offsets is not None:  # a quote left open runs to the end, as before
        inside.update(offsets.expand(opened, len(text)))
    return inside


class _Offsets:
    """The character offsets of a Doc's tokens, to map characters to tokens as spaCy does."""

    def __init__(self, doc: Doc, ix: TokenIndex) -> None:
        columns = doc.to_array(["IDX", "SPACY"])
        self.starts: list[int] = columns[:, 0].tolist()
        self.spaces: list[int] = columns[:, 1].tolist()
        self.texts = ix.text

    def end(self, i: int) -> int:
        """The end of token ``i``'s text (asked of a few tokens only: not listed for all)."""
        return self.starts[i] + len(self.texts[i])

    def token_at(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``, -1 when none does."""
        i = bisect_right(self.starts, char) - 1
        # its reach counts the trailing space, as spaCy's ``token_by_char`` does
        return i if i >= 0 and char < self.end(i) + self.spaces[i] else -1

    def is_token(self, start: int, end: int) -> bool:
        """``doc.char_span(start, end) is not None``."""
        first, last = self.token_at(start), self.token_at(end - 1)
        return first >= 0 and start == self.starts[first] and last >= 0 and end == self.end(last)

    def expand(self, start: int, end: int) -> range:
        """The tokens of ``doc.char_span(start, end, alignment_mode="expand")`` (none when
        that is None)."""
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return range(0)
        if start == self.end(first):
            first += 1  # the trailing space is no part of the token before
        return range(first, last + 1)

"""One fact, many tellings: news tells its main fact in the title, the lede and the body.

Two events of a document are one fact when they have the same date value, actors of which one
set holds the other (none empty, unless both tell the same verb of a written day) and one
action, a verb or its noun ("ont signé" / "ont annoncé avoir signé", "sera canonisé" / "la
canonisation aura lieu"), compared on stems. The fact keeps its first telling's span and
trigger, the actors of all its tellings and the offsets of each in ``mentions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from spacy.tokens import Span, Token

from factex.components.events.words import EventWords
from factex.components.syntax import unique


class _Stems:
    """The Snowball stems of words in one language, asked only when two events are compared."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, words: list[str]) -> set[str]:
        return {_stem(self._name, word) for word in words}


@lru_cache(maxsize=4096)
def _stem(name: str, word: str) -> str:
    """One word's stem, kept across Docs: the pure-Python stemmer takes ~0.4 ms a word, and
    the lemmas compared are the same few verbs and nouns (a stemmer per call: not shared
    between threads)."""
    return str(snowballstemmer.stemmer(name).stemWord(word))


@dataclass
class Telling:
    """One clause telling a dated fact; as a fact, the heads and actors of all its tellings."""

    span: Span
    head: Token
    #: the span's ``factex_event``, held here: each ``span._`` read builds an object
    event: dict[str, Any]
    actors: set[str] = field(default_factory=set)
    heads: list[Token] = field(default_factory=list)

    def same_action(self, other: Telling, words: EventWords, stems: _Stems) -> bool:
        """One action in both: a verb of one is a verb or a noun of the other."""
        other_verbs, other_nouns = _action_words(other.head, words)
        verbs = stems(other_verbs)
        nouns = stems(other_nouns)
        for head in (self.head, *self.heads):
            mine_verbs, mine_nouns = _action_words(head, words)
            mine = stems(mine_verbs)
            if mine & (verbs | nouns) or verbs & stems(mine_nouns):
                return True
        return False


def one_per_fact(told: list[Telling], words: EventWords) -> list[Span]:
    """Fold the retellings of a fact into its first telling; events without actors never fold."""
    facts: list[Telling] = []
    stems: _Stems | None = None
    for telling in told:
        event = telling.event
        actors = set(event["actors"])
        for fact in facts:
            first = fact.event
            if first["date"] != event["date"]:
                continue
            # Without actors, only the same verb on the same day is the same fact retold
            # (a headline and its lede: "sera inauguré lundi" / "sera inaugurée lundi").
            if (not actors or not fact.actors) and not _retold(first, event):
                continue
            if not (actors <= fact.actors or fact.actors <= actors):
                continue
            # Stems only for the few pairs that get this far: most events share no date.
            stems = stems or _Stems(words.stemmer)
            if not fact.same_action(telling, words, stems):
                continue
            first["actors"] = unique([*first["actors"], *event["actors"]])
            first["mentions"].extend(event["mentions"])
            fact.actors |= actors
            fact.heads.append(telling.head)
            break
        else:
            telling.actors = actors
            facts.append(telling)
    return [fact.span for fact in facts]


def _retold(first: dict[str, object], event: dict[str, object]) -> bool:
    """The same trigger on the same day or finer, both written in their clause."""
    date = str(event["date"])
    return (
        first["trigger"] == event["trigger"]
        and len(date.split("/")[0]) >= 10
        and first.get("date_source") == event.get("date_source") == "written"
    )


def _action_words(head: Token, words: EventWords) -> tuple[list[str], list[str]]:
    """What a clause says was done: its verbs (the trigger and the verbs of its complement,
    "ont annoncé avoir signé"), light and reporting ones left out, the object of a
    reporting verb ("a annoncé la fermeture"), or its trigger noun; and the nouns it does it
    with (subject, object: "la canonisation aura lieu", "ont signé un accord").
    """
    actions: list[str] = []
    nouns: list[str] = []
    if head.pos_ not in ("VERB", "AUX"):
        if words.is_trigger_noun(head):
            actions.append(head.lemma_.casefold())
        return actions, nouns
    verbs = [head]
    for verb in verbs:
        if len(verbs) > 4:
            break
        verbs.extend(c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB")
    for verb in verbs:
        lemma = verb.lemma_.casefold()
        report = lemma in words.report_verbs
        if lemma not in words.light_verbs and not report:
            actions.append(lemma)
        for c in verb.children:
            if c.pos_ == "NOUN" and c.dep_ in ("nsubj", "nsubj:pass", "obj"):
                # What is announced is the action ("a annoncé la fermeture de Flins").
                (actions if report and c.dep_ == "obj" else nouns).append(c.lemma_.casefold())
    return actions, nouns

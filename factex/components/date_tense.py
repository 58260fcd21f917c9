"""The tense of the verb that governs a date mention, read from the parse: past, future or
no clue (the factex_dates component places a date written without its year with it).

The walks read the parse off the Doc's token index and morphology column (no spaCy Token
made): a Token per step was most of their cost."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Span

from factex.components.morph import Features, MorphColumn, morph_column
from factex.components.token_index import TokenIndex, token_index
from factex.normalize.dates import Direction

_VERBS = ("VERB", "AUX")


def _span_root(span: Span, ix: TokenIndex) -> int:
    """``span.root.i``, read off the index where spaCy's answer is plain: the span's
    sentence root, or its only token attached outside it."""
    head = ix.head
    start, end = span.start, span.end
    outside = []
    for i in range(start, end):
        if head[i] == i:
            return i
        if not start <= head[i] < end:
            outside.append(i)
    if len(outside) == 1 and not span.doc.user_span_hooks:
        return outside[0]
    return span.root.i  # ties broken by depth (and punctuation): spaCy's own rule


class _Parse:
    """The columns of one Doc's parse the walks read."""

    __slots__ = ("_index", "_kids", "dep", "head", "lemma", "lower", "morph", "pos")

    def __init__(self, ix: TokenIndex, morph: MorphColumn) -> None:
        self.head = ix.head
        self.dep = ix.dep
        self.pos = ix.pos
        self.lemma = ix.lemma
        self.lower = ix.lower
        self._index = ix
        self._kids: dict[int, tuple[int, ...]] = {}
        self.morph = morph

    def children(self, i: int) -> tuple[int, ...]:
        """``ix.children[i]``; while no component has built the whole table (a loop over the
        Doc), the few verbs asked about have theirs found by C-level searches of the heads."""
        built: tuple[tuple[int, ...], ...] | None = vars(self._index).get("children")
        if built is not None:  # functools.cached_property keeps it in the instance's dict
            return built[i]
        found = self._kids.get(i)
        if found is None:
            found = self._kids[i] = _children_of(self.head, i)
        return found

    def values(self, i: int, field: str) -> tuple[str, ...]:
        return self.morph[i].get(field, ())

    def past_participle(self, i: int) -> bool:
        morph: Features = self.morph[i]
        return "Part" in morph.get("VerbForm", ()) and "Past" in morph.get("Tense", ())

    def subtree(self, i: int) -> list[int]:
        """``token.subtree``'s indices (in no particular order)."""
        out, todo = [], [i]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(self._index.children[t])  # a few verbs only: the whole table
        return out


class TenseReader:
    """Past, future or no clue, from the verb that governs a mention."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.prospective = frozenset(data["prospective_lemmas"])
        self.past_aux = frozenset(data["past_auxiliaries"])
        self.future_aux = frozenset(data["future_auxiliaries"])
        self.future_endings = tuple(data["future_endings"])
        self.past_tenses = frozenset(data["past_tenses"])
        self.modals = frozenset(data["modal_lemmas"])
        self.calls = frozenset(data["call_lemmas"])
        self.events = frozenset(data["event_nouns"])
        self.measured = frozenset(data["measured_grains"])
        self.of = frozenset(data["noun_complement_cases"])
        self.positions = frozenset(data["position_nouns"])
        self.reported = frozenset(data["reported_grains"])
        self.cnd_ahead_aux = frozenset(data["conditional_ahead_auxiliaries"])
        self.with_infinitive = frozenset(data["prospective_with_infinitive"])

    def direction(self, span: Span, grain: str = "day") -> Direction:
        ix = token_index(span.doc)
        p = _Parse(ix, morph_column(span.doc, ix))
        root = _span_root(span, ix)
        start: int | None = root
        # Begin outside the mention: the model sometimes tags its words as verbs ("cet été").
        while start is not None and span.start <= start < span.end:
            start = None if p.head[start] == start else p.head[start]
        if start is not None and grain in self.measured and self._measured(p, span, start):
            # "les chiffres du chômage de mars": a period hanging on a noun is what was
            # measured, not when the main verb ("publiera") happens; statistics look back.
            return "past"
        verb = self._governor(p, start) if start is not None else None
        caller = verb
        if verb is not None and p.dep[verb].startswith("acl") and p.head[verb] != verb:
            # "a réclamé des législatives anticipées le 14 décembre": the date hangs on the
            # participle, the call is the verb above its noun
            caller = self._governor(p, p.head[verb])
        if (
            caller is not None
            and verb is not None
            and caller != verb
            and caller < verb
            and self._prospective(p, caller)
        ):
            return "future"  # "le plan prévoit une campagne lancée le 15 avril": planned
        if caller is not None and self._calls_for_event(p, caller, span.start, root):
            # "ont appelé à une grève le 7 mars", "a réclamé un référendum le 8 décembre":
            # whatever the tense of the call, the event it asks for is ahead.
            return "future"
        if verb is None:
            if not self._sentence_has_verb(ix, span.start):
                if grain in self.reported:
                    # "Renault : marge en recul au premier semestre": a results headline
                    # reports a quarter or half, it does not announce one.
                    return "nearest"
                # A phrase without a verb (a headline, an agenda line) names what is coming.
                return "future"
            return "nearest"
        return self._verb_direction(p, verb, 0)

    @staticmethod
    def _sentence_has_verb(ix: TokenIndex, i: int) -> bool:
        """Whether ``doc[i].sent`` (the whole Doc without sentence boundaries) has a verb."""
        try:
            first = ix.sent_start_of(i)
            end = bisect_right(ix.sent_start, first, first)
        except ValueError:  # no sentence boundaries
            first, end = 0, len(ix.pos)
        pos = ix.pos
        return any(pos[t] in _VERBS for t in range(first, end))

    def _prospective(self, p: _Parse, verb: int) -> bool:
        """ "prévoit ... le 2 juillet", "compte signer lundi"; not "ne comptait que 170
        coureurs": some of these verbs look ahead only before an infinitive."""
        if p.lemma[verb] not in self.prospective:
            return False
        infinitive = any("Inf" in p.values(c, "VerbForm") for c in p.children(verb))
        if self._planned(p, verb) and not infinitive:
            return False
        return p.lemma[verb] not in self.with_infinitive or infinitive

    def _planned(self, p: _Parse, verb: int) -> bool:
        """ "le déménagement, d'abord prévu en septembre", "les épreuves, prévues les 13 et 14
        juin": a participle alone tells what was planned, before or after the report."""
        if p.lemma[verb] not in self.prospective:
            return False  # most verbs: their children are not walked
        bare = (
            not any(p.dep[c].startswith("aux") for c in p.children(verb)) and p.dep[verb] != "ROOT"
        )
        return p.past_participle(verb) and bare

    def _measured(self, p: _Parse, span: Span, head: int) -> bool:
        before = span.start - 1 if span.start > 0 else None
        if p.lower[span.start] in self.of:
            before = span.start  # the mention took its "du" ("les chiffres du quatrième ...")
        return (
            p.pos[head] == "NOUN"
            and p.lemma[head].lower() not in self.events
            and p.lemma[head].lower() not in self.positions
            and before is not None
            and p.lower[before] in self.of
        )

    def _calls_for_event(self, p: _Parse, verb: int, span_start: int, root: int) -> bool:
        if p.lemma[verb] not in self.calls:
            return False
        # the event noun is named before the date ("a demandé le 5 mars un vote" stays past)
        nouns = [
            t
            for t in p.subtree(verb)
            if t < span_start and p.pos[t] == "NOUN" and not p.dep[t].startswith("nsubj")
        ]
        root_head = p.head[root]
        if p.pos[root_head] == "NOUN" and root_head < span_start:
            nouns.append(root_head)
        return any(p.lemma[t].lower() in self.events for t in nouns)

    @staticmethod
    def _governor(p: _Parse, token: int) -> int | None:
        for _ in range(5):
            if p.pos[token] in _VERBS:
                return token
            if p.head[token] == token:
                return None
            token = p.head[token]
        return token if p.pos[token] in _VERBS else None

    def _verb_direction(self, p: _Parse, verb: int, depth: int) -> Direction:
        modal = p.head[verb]
        if p.dep[verb] == "xcomp" and p.lemma[modal] in self.modals and depth < 3:
            # "doit être déposé avant le 15 mars", "peuvent s'inscrire jusqu'au 15 février":
            # an obligation or a possibility in the present is still to be met.
            return self._modal_direction(p, modal)
        morph = p.morph[verb]
        children = p.children(verb)
        if self._planned(p, verb) and not any("Inf" in p.values(c, "VerbForm") for c in children):
            return "nearest"
        if "Fut" in morph.get("Tense", ()) or "Cnd" in morph.get("Mood", ()):
            return "future"
        if "Inf" not in morph.get("VerbForm", ()) and p.lower[verb].endswith(self.future_endings):
            return "future"  # the small model tags some futures ("signera") as participles
        aux = [c for c in children if p.dep[c].startswith("aux")]
        if any(p.lemma[a] in self.future_aux for a in aux) or self._prospective(p, verb):
            return "future"
        for a in aux:
            if "Cnd" in p.values(a, "Mood") and p.lemma[a] in self.past_aux:
                if p.lemma[a] in self.cnd_ahead_aux:
                    return "future"  # "serait trouvé d'ici le 30 juin": ahead of the report
                return "past"  # "aurait signé": the reporting conditional tells of the past
            if "Fut" in p.values(a, "Tense") or p.lower[a].endswith(self.future_endings):
                return "future"  # "sera signé", "resteront fermés"
        if any(p.lemma[a] in self.past_aux for a in aux):
            return "past"
        if "Part" in morph.get("VerbForm", ()) and "Past" in morph.get("Tense", ()):
            return "past"
        if self.past_tenses.intersection(morph.get("Tense", ())):
            return "past"
        infinitive = "Inf" in morph.get("VerbForm", ())
        if infinitive and depth < 3 and p.head[verb] != verb:
            head = self._governor(p, p.head[verb])
            if head is not None:
                return self._verb_direction(p, head, depth + 1)
        if infinitive and p.head[verb] == verb:
            if any(p.past_participle(c) and c < verb for c in children):
                return "past"  # "a fait valoir": a compound past the parse left headless
            return "future"  # "Signer le 2 juillet": an agenda line
        return "nearest"

    def _modal_direction(self, p: _Parse, modal: int) -> Direction:
        aux = [c for c in p.children(modal) if p.dep[c] == "aux:tense"]
        if any(p.lemma[a] in self.past_aux for a in aux):
            return "past"  # "ont dû s'inscrire avant le 15 février", "auraient dû"
        if self.past_tenses.intersection(p.values(modal, "Tense")) and "Part" not in (
            p.values(modal, "VerbForm")
        ):
            return "past"  # "devaient rendre leur copie avant le 3 mai"
        return "future"


def _children_of(head: tuple[int, ...], i: int) -> tuple[int, ...]:
    """The tokens whose head is ``i`` (but ``i``), in text order."""
    out: list[int] = []
    j = -1
    try:
        while True:
            j = head.index(i, j + 1)
            if j != i:
                out.append(j)
    except ValueError:  # no more
        return tuple(out)

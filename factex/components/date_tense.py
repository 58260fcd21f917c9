"""The tense of the verb that governs a date mention, read from the parse: past, future or
no clue (the factex_dates component places a date written without its year with it)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from factex.components.morph import morph_values, parse_morph
from factex.normalize.dates import Direction

_VERBS = ("VERB", "AUX")


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
        start: Token | None = span.root
        # Begin outside the mention: the model sometimes tags its words as verbs ("cet été").
        while start is not None and span.start <= start.i < span.end:
            start = None if start.head.i == start.i else start.head
        if start is not None and grain in self.measured and self._measured(span, start):
            # "les chiffres du chômage de mars": a period hanging on a noun is what was
            # measured, not when the main verb ("publiera") happens; statistics look back.
            return "past"
        verb = self._governor(start) if start is not None else None
        caller = verb
        if verb is not None and verb.dep_.startswith("acl") and verb.head.i != verb.i:
            # "a réclamé des législatives anticipées le 14 décembre": the date hangs on the
            # participle, the call is the verb above its noun
            caller = self._governor(verb.head)
        if (
            caller is not None
            and verb is not None
            and caller is not verb
            and caller.i < verb.i
            and self._prospective(caller)
        ):
            return "future"  # "le plan prévoit une campagne lancée le 15 avril": planned
        if caller is not None and self._calls_for_event(caller, span):
            # "ont appelé à une grève le 7 mars", "a réclamé un référendum le 8 décembre":
            # whatever the tense of the call, the event it asks for is ahead.
            return "future"
        if verb is None:
            try:
                sent = span.sent
            except ValueError:  # no sentence boundaries
                sent = span.doc[:]
            if not any(t.pos_ in _VERBS for t in sent):
                if grain in self.reported:
                    # "Renault : marge en recul au premier semestre": a results headline
                    # reports a quarter or half, it does not announce one.
                    return "nearest"
                # A phrase without a verb (a headline, an agenda line) names what is coming.
                return "future"
            return "nearest"
        return self._verb_direction(verb, 0)

    def _prospective(self, verb: Token) -> bool:
        """ "prévoit ... le 2 juillet", "compte signer lundi"; not "ne comptait que 170
        coureurs": some of these verbs look ahead only before an infinitive."""
        if verb.lemma_ not in self.prospective:
            return False
        infinitive = any("Inf" in morph_values(c, "VerbForm") for c in verb.children)
        if self._planned(verb) and not infinitive:
            return False
        return verb.lemma_ not in self.with_infinitive or infinitive

    def _planned(self, verb: Token) -> bool:
        """ "le déménagement, d'abord prévu en septembre", "les épreuves, prévues les 13 et 14
        juin": a participle alone tells what was planned, before or after the report."""
        if verb.lemma_ not in self.prospective:
            return False  # most verbs: their children are not walked
        bare = not any(c.dep_.startswith("aux") for c in verb.children) and verb.dep_ != "ROOT"
        return _past_participle(verb) and bare

    def _measured(self, span: Span, head: Token) -> bool:
        before = span.doc[span.start - 1] if span.start > 0 else None
        if span[0].lower_ in self.of:
            before = span[0]  # the mention took its "du" ("les chiffres du quatrième trimestre")
        return (
            head.pos_ == "NOUN"
            and head.lemma_.lower() not in self.events
            and head.lemma_.lower() not in self.positions
            and before is not None
            and before.lower_ in self.of
        )

    def _calls_for_event(self, verb: Token, span: Span) -> bool:
        if verb.lemma_ not in self.calls:
            return False
        # the event noun is named before the date ("a demandé le 5 mars un vote" stays past)
        nouns = [
            t
            for t in verb.subtree
            if t.i < span.start and t.pos_ == "NOUN" and not t.dep_.startswith("nsubj")
        ]
        if span.root.head.pos_ == "NOUN" and span.root.head.i < span.start:
            nouns.append(span.root.head)
        return any(t.lemma_.lower() in self.events for t in nouns)

    def _governor(self, token: Token) -> Token | None:
        for _ in range(5):
            if token.pos_ in _VERBS:
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return token if token.pos_ in _VERBS else None

    def _verb_direction(self, verb: Token, depth: int) -> Direction:
        modal = verb.head
        if verb.dep_ == "xcomp" and modal.lemma_ in self.modals and depth < 3:
            # "doit être déposé avant le 15 mars", "peuvent s'inscrire jusqu'au 15 février":
            # an obligation or a possibility in the present is still to be met.
            return self._modal_direction(modal, depth + 1)
        morph = parse_morph(str(verb.morph))
        text = verb.lower_
        if self._planned(verb) and not any(
            "Inf" in morph_values(c, "VerbForm") for c in verb.children
        ):
            return "nearest"
        if "Fut" in morph.get("Tense", ()) or "Cnd" in morph.get("Mood", ()):
            return "future"
        if "Inf" not in morph.get("VerbForm", ()) and text.endswith(self.future_endings):
            return "future"  # the small model tags some futures ("signera") as participles
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        if any(a.lemma_ in self.future_aux for a in aux) or self._prospective(verb):
            return "future"
        for a in aux:
            if "Cnd" in morph_values(a, "Mood") and a.lemma_ in self.past_aux:
                if a.lemma_ in self.cnd_ahead_aux:
                    return "future"  # "serait trouvé d'ici le 30 juin": ahead of the report
                return "past"  # "aurait signé": the reporting conditional tells of the past
            if "Fut" in morph_values(a, "Tense") or a.lower_.endswith(self.future_endings):
                return "future"  # "sera signé", "resteront fermés"
        if any(a.lemma_ in self.past_aux for a in aux):
            return "past"
        if "Part" in morph.get("VerbForm", ()) and "Past" in morph.get("Tense", ()):
            return "past"
        if self.past_tenses.intersection(morph.get("Tense", ())):
            return "past"
        if "Inf" in morph.get("VerbForm", ()) and depth < 3 and verb.head.i != verb.i:
            head = self._governor(verb.head)
            if head is not None:
                return self._verb_direction(head, depth + 1)
        if "Inf" in morph.get("VerbForm", ()) and verb.head.i == verb.i:
            if any(_past_participle(c) and c.i < verb.i for c in verb.children):
                return "past"  # "a fait valoir": a compound past the parse left headless
            return "future"  # "Signer le 2 juillet": an agenda line
        return "nearest"

    def _modal_direction(self, modal: Token, depth: int) -> Direction:
        aux = [c for c in modal.children if c.dep_ == "aux:tense"]
        if any(a.lemma_ in self.past_aux for a in aux):
            return "past"  # "ont dû s'inscrire avant le 15 février", "auraient dû"
        if self.past_tenses.intersection(morph_values(modal, "Tense")) and "Part" not in (
            morph_values(modal, "VerbForm")
        ):
            return "past"  # "devaient rendre leur copie avant le 3 mai"
        return "future"


def _past_participle(token: Token) -> bool:
    morph = parse_morph(str(token.morph))
    return "Part" in morph.get("VerbForm", ()) and "Past" in morph.get("Tense", ())

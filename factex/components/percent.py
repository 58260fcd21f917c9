"""factex_percent: percentages and percentage points, with the direction of a change.

Finding and normalising is pure code (:func:`factex.normalize.percent.find_percentages`);
this component aligns the matches to tokens and writes ``doc.spans["factex_percent"]`` with
``Span._.factex_percent`` = {value, unit, direction} (value as a plain string).

The words around a figure give most directions; the parse settles what words alone cannot:
whether a participle is an adjective naming a rate ("le taux de TVA réduit de 5,5 %": a
level) and which trigger noun a figure far from it belongs to ("la hausse des salaires
devrait être comprise entre 3 % et 4 %": up), and whether "de 7 % à 9 %" after a rise gives
the old and the new level of a rate ("le taux de chômage a augmenté de 7 % à 9 %": no
direction) or a range of the rise ("les loyers augmenteront de 2 % à 3 %": up). The word
lists are ``percent.json`` data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex.components.extensions import PERCENT, doc_text, register_extensions
from factex.components.money import CharTokens, sentence_bounds
from factex.normalize import percent
from factex.normalize.numbers import plain
from factex.resources import load

_SUBJECTS = ("nsubj", "nsubj:pass")
# how far up a chain of nouns a figure may hang under its trigger noun
_MAX_NOUN_CHAIN = 4


class PercentComponent:
    """Writes ``doc.spans["factex_percent"]``: one span per percentage, in order."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        if not nlp.lang:
            raise ValueError(f"{name}: the pipeline has no language (nlp.lang)")
        self.lang: str = nlp.lang
        percent.prepare(self.lang)
        data = load(self.lang, "percent")
        self.level_nouns = frozenset(w.lower() for w in data["level_nouns"])
        self.measure_verbs = frozenset(data["measure_verbs"])
        self.copulas = frozenset(data["copulas"])
        self.measure_cases = frozenset(w.lower() for w in data["measure_cases"])
        self.points_subjects = frozenset(w.lower() for w in data["points_subjects"])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        values: list[dict[str, Any]] = []
        # any token's label tells whether the Doc is parsed: has_annotation() walks it all
        parsed = len(doc) > 0 and bool(doc[0].dep_)
        bare_first = False
        held: tuple[Span, dict[str, Any]] | None = None  # the bare first of bare points
        # Doc.text joins every token anew on each read: read it once
        text = doc_text(doc)
        matches = percent.find_percentages(
            text, lambda: sentence_bounds(doc, text), self.lang, parsed
        )
        ranges: dict[int, int] = {}  # index of a range's second figure -> its start
        tokens = CharTokens(doc)
        for m in matches:
            span = tokens.span(m.start, m.end)
            if span is None or (spans and span.start < spans[-1].end):
                continue
            if m.range_start is not None:
                ranges[len(spans)] = m.range_start
            value = m.as_dict()
            if m.step:
                pass  # the old or the new level of a change: no direction, whatever the parse
            elif m.bare:
                # "une hausse de la part du nucléaire de 3 points": kept only when the parse
                # finds the trigger noun; a bare "3 points" is too often a score
                if m.range_first:
                    held = (span, value)
                    continue
                value["direction"] = self.parse_only(text, span[-1]) or self.rate_moved(tokens, m)
                if value["direction"] is not None and held is not None:
                    held[1]["direction"] = value["direction"]
                    spans.append(held[0])
                    values.append(held[1])
                held = None
                if value["direction"] is None:
                    continue
            # the two figures of a range go together ("entre 3 % et 4 %"), whichever the parse
            # settled; a bare first figure ("entre 3 et 4 %") waits for the second
            elif parsed and not m.range_first:
                direction = self.parse_direction(tokens, text, span, m)
                if m.step_if_rate and values and self.rate_rose(tokens, span, m):
                    direction = None  # "le taux a augmenté de 7 % à 9 %": two levels
                    values[-1]["direction"] = None
                    ranges.pop(len(spans), None)
                elif m.range_second and values:
                    if direction is None and not bare_first:
                        direction = values[-1]["direction"]
                    values[-1]["direction"] = direction
                if m.range_second and direction is None and self.rate_levels(tokens, text, m):
                    ranges.pop(len(spans), None)  # "la hausse du taux de TVA de 5,5 % à 7 %"
                value["direction"] = direction
            bare_first = m.range_first
            spans.append(span)
            values.append(value)
        spans, values = _join_ranges(tokens, spans, values, ranges)
        for span, value in zip(spans, values, strict=True):
            span._.factex_percent = value
        doc.spans[PERCENT] = spans
        return doc

    def parse_direction(
        self, tokens: CharTokens, text: str, span: Span, m: percent.PercentMatch
    ) -> str | None:
        """The direction of ``m`` once the parse of its sentence is read (``text`` is
        ``doc.text``)."""
        head = _figure_head(span)
        if m.direction is not None:
            cue = None if m.cue is None else tokens.span(*m.cue)
            if cue is None:
                return m.direction
            if m.unit == "percent" and self.names_a_rate(cue[-1]):
                return None
            if self.other_verb_object(cue[-1], head):
                return None
            return m.direction
        if text[m.start] in "+-−±":  # "±0,5 %" says "no direction" on purpose
            return None
        return self.parse_only(text, head)

    def parse_only(self, text: str, head: Token) -> str | None:
        """The direction the parse alone gives the figure whose last token is ``head``
        (``text`` is the text of its Doc)."""
        while head.dep_ == "conj" and head.head.i < head.i and (
            head.head.like_num or head.head.lower_ == head.lower_
        ):
            head = head.head  # "entre 3 % et 4 %": the second figure reads like the first
        trigger = self.measured_subject(head) or self.governing_noun(head)
        if trigger is None:
            return None
        low, high = sorted((trigger.idx + len(trigger), head.idx))
        if percent.has_trigger(text, low, high, self.lang):
            return None  # "la hausse des prix a ralenti à 4 %": the nearer verb decides
        return percent.word_direction(trigger.text, self.lang)

    def rate_moved(self, tokens: CharTokens, m: percent.PercentMatch) -> str | None:
        """The weak direction of bare points whose verb has a rate for subject ("sa cote a
        perdu 6 points"), not a team ("Marseille a perdu 3 points")."""
        if m.direction is None or m.cue is None:
            return None
        cue = tokens.span(*m.cue)
        if cue is None:
            return None
        subjects = [c for c in cue[-1].children if c.dep_ in _SUBJECTS]
        if subjects and subjects[0].lemma_.lower() in self.points_subjects:
            return m.direction
        return None

    def rate_rose(self, tokens: CharTokens, span: Span, m: percent.PercentMatch) -> bool:
        """Whether what the trigger of ``m`` moves is a rate, which "de 7 % à 9 %" (``span``
        is "9 %") then gives the old and the new level of ("le taux de chômage a augmenté",
        "la BCE a relevé son taux", "la hausse du taux de TVA"), unlike "les prix ont
        augmenté de 3 à 5 %"."""
        cue = None if m.cue is None else tokens.span(*m.cue)
        if cue is None:
            return False
        word = cue[-1]
        deps = ("nmod",) if word.pos_ == "NOUN" else (*_SUBJECTS, "obj")
        if any(c.dep_ in deps and self.is_rate(c) for c in word.children):
            return True
        # what the trigger moves, between it and the figures, whatever the parse made of a
        # day before it ("a relevé mercredi son taux directeur de 4,5 % à 4,75 %")
        return any(self.is_rate(t) for t in tokens.doc[word.i + 1 : span.start])

    def rate_levels(self, tokens: CharTokens, text: str, m: percent.PercentMatch) -> bool:
        """Whether the "de X à Y" ending at ``m`` follows a rate named right before it, after
        a change word ("la hausse du taux de TVA de 5,5 % à 7 %"): the rate's old and new
        levels, not a range."""
        start = m.range_start
        if start is None or not text[start:].lower().startswith("de"):
            return False
        opener = tokens.span(start, start + 2)
        if opener is None:
            return False
        sent = opener[0].sent
        before = tokens.doc[max(sent.start, opener.start - 4) : opener.start]
        return any(self.is_rate(t) for t in before) and percent.has_trigger(
            text, sent.start_char, start, self.lang
        )

    def is_rate(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.points_subjects

    def names_a_rate(self, word: Token) -> bool:
        """Whether the trigger ``word`` is an adjective on a rate noun ("taux réduit")."""
        if word.pos_ != "ADJ" and "Part" not in word.morph.get("VerbForm", []):
            return False
        children = list(word.children)  # each walk of .children makes its Tokens anew
        if any(c.dep_.startswith(("aux", "cop")) for c in children):
            return False  # "le taux a été réduit de 5,5 %": a change
        nouns = [word.head] if word.dep_ in ("amod", "acl") else []
        nouns += [c for c in children if c.dep_ in _SUBJECTS]
        return any(n.lower_ in self.level_nouns for n in nouns)

    def other_verb_object(self, word: Token, head: Token) -> bool:
        """Whether the figure is the object of a verb between it and the trigger noun
        ``word``, a verb that neither measures nor changes ("la hausse des prix pénalise
        30 % des ménages")."""
        verb = head.head
        return (
            word.pos_ == "NOUN"
            and head.dep_ == "obj"  # whatever the tag of its head: "touche" is read as a noun
            and word.i < verb.i < head.i
            and verb.lemma_ not in self.measure_verbs
            and percent.word_direction(verb.text, self.lang) is None
        )

    def measured_subject(self, head: Token) -> Token | None:
        """The trigger noun subject of the predicate that measures ``head``, if any."""
        children = list(head.children)  # each walk of .children makes its Tokens anew
        cases = [c for c in children if c.dep_ == "case"]
        if any(c.lower_ not in self.measure_cases for c in cases):
            return None  # "contre 4 %", "pour 10 %": not the measure of the subject
        if any(c.dep_ == "det" for c in children):
            return None  # "les 10 % des ménages": a share, not a measure
        if any(c.lemma_ in self.copulas for c in children):
            predicate = head  # "la baisse est de 1,2 %", "devrait être de 3 %"
        elif head.dep_.startswith(("obj", "obl")) and head.head.lemma_ in self.measure_verbs:
            predicate = head.head
        else:
            return None
        for _ in range(3):
            subjects = [c for c in predicate.children if c.dep_ in _SUBJECTS]
            if subjects:
                subject = subjects[0]
                return subject if self.is_trigger_noun(subject) else None
            if predicate.dep_ != "xcomp" or predicate.head.lemma_ not in self.measure_verbs:
                return None
            predicate = predicate.head  # "devrait être comprise entre": the subject of devoir
        return None

    def governing_noun(self, head: Token) -> Token | None:
        """The trigger that ``de`` + ``head`` completes: a noun, through a chain of nouns
        ("une hausse des salaires des fonctionnaires de 3 %"), set off by commas ("la
        diminution des naissances, de 6,6 % en un an,"), or a verb whose object the chain
        ends in ("augmenter les pensions de retraite de base de 4,4 %")."""
        children = list(head.children)  # each walk of .children makes its Tokens anew
        cases = [c.lower_ for c in children if c.dep_ == "case" and not _inside_range(c)]
        if cases not in (["de"], ["d'"], ["d’"]) or any(c.dep_ == "det" for c in children):
            return None
        if head.dep_ in ("conj", "appos") and self.is_trigger_noun(head.head):
            return head.head
        node = head
        for _ in range(_MAX_NOUN_CHAIN):
            # a verb only through what it changes (its object) or a figure it takes directly,
            # and only a strong one: "a laissé ses taux inchangés dans une fourchette de 5 %"
            verb_arg = node.dep_ == "obj" or (node is head and node.dep_.startswith("obl"))
            if verb_arg and percent.word_direction(node.head.text, self.lang, strong=True):
                return node.head
            if node.dep_ != "nmod" or node.head.pos_ not in ("NOUN", "PROPN"):
                return None
            node = node.head
            if any(t.is_punct and t.text not in "'’-" for t in node.doc[node.i : head.i]):
                return None  # "la hausse, qui touche de 8 % ...": another clause
            if self.is_trigger_noun(node):
                if node is not head.head and self.goes_on_to(head):
                    return None  # "la réduction de la part du nucléaire de 75 % à 50 %": levels
                return node
        return None

    @staticmethod
    def goes_on_to(head: Token) -> bool:
        """Whether "à" + a figure follows ``head`` ("de 75 % à 50 %")."""
        doc = head.doc
        return head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "à" and doc[head.i + 2].like_num

    def is_trigger_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and percent.word_direction(token.text, self.lang) is not None


def _figure_head(span: Span) -> Token:
    """The token a figure hangs by in the parse: "%" in "10 %", but the number in "dix pour
    cent", whose "cent" the parse makes a complement of the number."""
    last = span[-1]
    if last.dep_ == "nmod" and span.start <= last.head.i < last.i:
        return last.head
    return last


def _inside_range(word: Token) -> bool:
    """Whether ``word`` joins two figures ("à" in "de 2 à 3 points")."""
    doc = word.doc
    return 0 < word.i < len(doc) - 1 and doc[word.i - 1].like_num and doc[word.i + 1].like_num


@Language.factory(
    "factex_percent",
    assigns=["doc.spans", "span._.factex_percent"],
    requires=["token.is_sent_start"],
)
def make_percent(nlp: Language, name: str) -> PercentComponent:
    return PercentComponent(nlp, name)


def _join_ranges(
    tokens: CharTokens, spans: list[Span], values: list[dict[str, Any]], ranges: dict[int, int]
) -> tuple[list[Span], list[dict[str, Any]]]:
    """The two figures of each range as one span ("entre 4 % et 6 %"): ``value`` None,
    ``value_min``/``value_max`` its bounds, the direction either figure has."""
    out_spans: list[Span] = []
    out_values: list[dict[str, Any]] = []
    for i, (span, value) in enumerate(zip(spans, values, strict=True)):
        start = ranges.get(i)
        joined = None
        if start is not None and out_spans and out_spans[-1].start_char >= start:
            joined = tokens.span(start, span.end_char)
        if joined is None or out_values[-1].get("value") is None:
            out_spans.append(span)
            out_values.append(value)
            continue
        low, high = Decimal(out_values[-1]["value"]), Decimal(value["value"])
        if low > high:  # "de 75 % à 50 %": a fall from one level to another, no range
            out_spans.append(span)
            out_values.append(value)
            continue
        first = out_values.pop()
        out_spans.pop()
        out_spans.append(joined)
        out_values.append({
            "value": None, "unit": value["unit"],
            "direction": value["direction"] or first["direction"],
            "value_min": plain(low), "value_max": plain(high),
        })  # fmt: skip
    return out_spans, out_values

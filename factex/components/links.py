"""factex_links: who an amount is about, what it measures and for which period.

Each money and percentage span gets ``Span._.factex_links = {"subject", "metric", "period"}``,
each None when the text does not say:

- ``subject``: canonical name of the ORG/PER the amount is about: the owner of the metric
  ("le chiffre d'affaires d'Alibaba", "celle de Meta"), the one a penalty is inflicted on
  ("a infligé à Apple une amende"), else the subject of the clause, else the nearest ORG/PER of
  the sentence (before the amount first), never a source ("selon l'Insee");
- ``metric``: the noun phrase measured, as written, from ``resources/<lang>/metrics.json`` and
  the parse: the noun the amount complements ("un bénéfice net de"), the subject of a verb of
  measure or change, listed or not ("le tarif passe de", "le marché a reculé de"), the object
  of a verb of action ("a réalisé un chiffre d'affaires de"), the verb itself ("a levé" is a
  levée de fonds), what the money buys ("pour 500 milliards de yens d'obligations") or where
  it goes ("a consacré 6,7 milliards à la recherche"). The text keeps bare "de" compounds
  ("plan de relance") and adjectives that say which metric ("marge opérationnelle"), not
  those that say how big, how new or whose ("budget total", "exportations chinoises"). An
  elided amount ("puis de 1,3 %", "contre 15 €") takes the metric of the one before;
- ``period``: the TIMEX value of the date right after the amount, or that governs it in the
  parse (a period of the clause rather than the day of publication: "a publié mercredi un
  bénéfice ... au premier trimestre"), or of the nearest date before it in the sentence, or
  after it in its clause; a date inside a relative clause ("l'exercice, qui s'est achevé le
  31 mars") only dates that clause.

A breakdown after "dont" ("18,2 milliards d'euros, dont 5,8 milliards des activités
« transport » et 2,2 milliards de la logistique") carries subject and period over from the
total, and takes as metric the words right after each amount ("dont 30 milliards pour la
transition écologique": "transition écologique"; "dont 10 milliards en France" keeps the
total's).

Every walk is bounded (a few heads up, the children of a few tokens, the amount's sentence),
so linking stays linear in the length of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factex import resources
from factex.components.extensions import DATES, MONEY, PERCENT, register_extensions
from factex.components.sentences import written_sentence_start
from factex.components.syntax import (
    CLAUSE_DEPS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    EntityIndex,
    ancestors,
    canonical,
    clause_head,
    entities_below,
    entity_index,
    span_root,
    subjects,
)
from factex.normalize.names import name_key
from factex.normalize.names import normalize_name as _normalize_name

#: Pure and called on the same few words again and again (every prefix of a candidate metric).
normalize_name = lru_cache(maxsize=8192)(_normalize_name)
_fold = lru_cache(maxsize=8192)(name_key)

_MAX_METRIC_WORDS = 6
_MAX_ITEM_WORDS = 8
_OWNER_DEPS = frozenset({"nmod", "appos", "flat:name", "flat", "compound", "conj"})
_SUBJECT_LABELS = frozenset({"ORG", "PER", "MISC"})
_OWNER_LABELS = frozenset({"MISC"})


class AmountLinker:
    """Sets ``Span._.factex_links`` on the spans of ``doc.spans[MONEY]`` and ``[PERCENT]``."""

    def __init__(self, nlp: Language, name: str, lang: str | None = None) -> None:
        register_extensions()
        self.name = name
        data: dict[str, Any] = resources.load(lang or nlp.lang, "metrics")
        self.metric_nouns = frozenset(_fold(m) for m in data["nouns"])
        self.metric_heads = frozenset(m.split(" ")[0].split("'")[0] for m in self.metric_nouns)
        self.metric_verbs: dict[str, str] = dict(data["verbs"])
        self.change_nouns = frozenset(data["change_nouns"])
        self.change_verbs = frozenset(data["change_verbs"])
        self.transparent = frozenset(data["transparent_nouns"])
        self.list_markers = frozenset(data["list_markers"])
        self.list_heads = frozenset(data["list_heads"])
        self.source_markers = frozenset(_fold(m) for m in data["source_markers"])
        self.source_pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(m) for m in sorted(self.source_markers)) + r")(?!\w)"
        )
        self.not_metrics = frozenset(data["not_metrics"])
        self.open_metrics = frozenset(data["open_metrics"])
        self.bases = frozenset(_fold(b) for b in data["bases"])
        self.measure_verbs = frozenset(data["measure_verbs"])
        self.allocation_verbs = frozenset(data["allocation_verbs"])
        self.destinations = frozenset(data["destination_markers"])
        self.item_destinations = frozenset(data["item_destination_markers"])
        self.not_qualifiers = frozenset(data["not_qualifiers"])
        self.period_wrappers = frozenset(data["period_wrappers"])
        self.penalty_verbs = frozenset(data["penalty_verbs"])
        self.penalty_markers = frozenset(data["penalty_markers"])
        self.elision_markers = frozenset(data["elision_markers"])
        self.owner_pronouns = frozenset(data["owner_pronouns"])
        self.genitive = frozenset(data["genitive_markers"])
        self.compound_markers = frozenset(data["compound_markers"])
        self.relative_subjects = frozenset(data["relative_subjects"])
        self.level_verbs = frozenset(data["level_verbs"])
        self.stake_nouns = frozenset(data["stake_nouns"])
        self.agent_markers = frozenset(data["agent_markers"])
        self.level_markers = frozenset(data["level_markers"])
        self.raising_verbs = frozenset(data["object_raising_verbs"])
        self.acquisition_nouns = frozenset(data["acquisition_nouns"])
        self.acquisition_verbs = frozenset(data["acquisition_verbs"])
        self.range_joiners = frozenset(data["range_joiners"])
        self._dated: frozenset[int] = frozenset()
        self.designators = frozenset(
            resources.load(lang or nlp.lang, "entity_gazetteer")["org_designators"]
        )

    def __call__(self, doc: Doc) -> Doc:
        amounts = [
            (span, kind)
            for kind in (MONEY, PERCENT)
            if kind in doc.spans
            for span in doc.spans[kind]
        ]
        if not amounts:
            return doc
        amounts.sort(key=lambda item: item[0].start)
        ent_at = entity_index(doc)
        dates = _DateIndex(doc, self.period_wrappers, self.not_qualifiers)
        # Tokens of a date: the parse may file "cette année", "jeudi" as an object.
        self._dated = dates.tokens
        prev: Span | None = None
        total: dict[str, Any] | None = None  # links of the amount a running breakdown details
        # The amount before, by kind and of any kind, with its metric (None too: an elided
        # amount stands for the one right before it, not for an older one).
        last_metric: dict[str, tuple[Span, str | None]] = {}
        for span, kind in amounts:
            links: dict[str, Any] | None = None
            if prev is not None and prev.end <= span.start and prev.sent.start == span.sent.start:
                between = doc[prev.end : span.start]
                if any(t.lower_ in self.list_markers for t in between):
                    total = total or prev._.factex_links
                elif total is not None and any(t.pos_ in ("VERB", "AUX") for t in between):
                    total = None
            else:
                total = None
            if total is not None:
                links = dict(total, metric=self._item_metric(span) or total.get("metric"))
            else:
                links = self._link(span, kind == PERCENT, ent_at, dates)
                if links["metric"] is None:
                    links["metric"] = _elided_metric(span, kind, last_metric, self.elision_markers)
                if links["metric"] is None:
                    links["metric"] = self._level_of_before(span)
                if prev is not None and links["metric"] is None and self._level_after(prev, span):
                    # "une baisse de 3 % de ses ventes, à 8,1 milliards": the level the change
                    # led to.
                    links["metric"] = prev._.factex_links.get("metric")
                if prev is not None and self._change_of(prev, span):
                    # "un chiffre d'affaires de 2,3 milliards, en hausse de 5 %": the change of
                    # the amount it follows.
                    before = prev._.factex_links
                    links["metric"] = links["metric"] or before.get("metric")
                    links["subject"] = links["subject"] or before.get("subject")
                    links["period"] = links["period"] or before.get("period")
                if prev is not None and self._range_pair(prev, span):
                    # "entre 8 % et 10 % cette année": the date after the range dates both;
                    # "passé de 10 à 14 millions" measures one thing ("entre 3 et 5 % des
                    # salariés ... par le plan" may not: the second's metric is less sure).
                    before = prev._.factex_links
                    if before.get("period") is None:
                        before["period"] = links["period"]
                    if before.get("metric") is None and _word(doc[prev.end].text) == "à":
                        before["metric"] = links["metric"]
            span._.factex_links = links
            last_metric[kind] = last_metric["any"] = (span, links.get("metric"))
            prev = span
        return doc

    def _change_of(self, before: Span, span: Span) -> bool:
        """Whether a percentage right after an amount is its change: ", en hausse de 5 %",
        ", soit une hausse de 9 %"."""
        if before.end > span.start or before.sent.start != span.sent.start:
            return False
        doc = span.doc
        # A date between them dates the amount ("de 6 millions d'euros en 2023, soit une
        # progression de 45 %"): it is no word of the change.
        dated = {i for d in doc.spans.get(DATES, ()) for i in range(d.start, d.end)}
        between = [t for t in doc[before.end : span.start] if t.i not in dated]
        if len(between) > 6 or not any(
            t.lemma_ in self.change_nouns or t.lower_ in self.change_nouns for t in between
        ):
            return False
        return all(
            t.is_punct
            or t.pos_ in ("DET", "ADP", "ADV", "CCONJ", "ADJ")
            or t.lemma_ in self.change_nouns
            or t.lower_ in self.change_nouns
            for t in between
        )

    def _level_after(self, before: Span, span: Span) -> bool:
        """ ", à 8,1 milliards" right after an amount and what it measures ("un repli de 3 % de
        ses ventes, à 8,1 milliards"): the level it reached."""
        if before.end > span.start or before.sent.start != span.sent.start:
            return False
        between = span.doc[before.end : span.start]
        return (
            2 <= len(between) <= 12
            and between[-2].text == ","
            and _word(between[-1].text) in self.level_markers
            and not any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in between[:-2])
        )

    def _level_of_before(self, span: Span) -> str | None:
        """ "a maintenu ses taux directeurs à 5,5 %", "une remontée de son taux directeur à
        1,75 %": a level after "à" is that of the metric written right before, however the
        parse hangs it (on an adjective, on the change noun)."""
        doc = span.doc
        case = span.start - 1
        if span[0].lower_ in self.level_markers:
            case = span.start
        if case < 1 or _word(doc[case].text) not in self.level_markers:
            return None
        first = max(written_sentence_start(span.sent), case - _MAX_METRIC_WORDS)
        for start in range(case - 1, first - 1, -1):
            tok = doc[start]
            if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
                break
            phrase = self._phrase(tok) or self._open_phrase(tok)
            if phrase and _fold(phrase) == _fold(doc[start:case].text):
                return phrase
        return None

    def _range_pair(self, first: Span, second: Span) -> bool:
        """ "8 % et 10 %", "2 à 3 milliards": two amounts written as the bounds of one range."""
        if first.end >= second.start or first.sent.start != second.sent.start:
            return False
        between = first.doc[first.end : second.start]
        return len(between) == 1 and _word(between[0].text) in self.range_joiners

    # -- one amount ------------------------------------------------------------------------
    def _link(
        self, span: Span, is_percent: bool, ent_at: EntityIndex, dates: _DateIndex
    ) -> dict[str, Any]:
        root = _amount_root(span)
        metric_token, metric = self._apposed(span)
        if metric is None:
            metric_token, metric = self._metric(span, root, is_percent)
        # Names that cannot be the subject: the metric itself ("Le Smic sera revalorisé", read
        # as a name) and what a purchase or sale is of ("le rachat de la filiale de Prudential").
        excluded = self._not_subjects(root, metric_token, ent_at)
        subject = _pronoun_owner(root, ent_at, self.owner_pronouns)
        if subject is None and metric_token is not None and not self._is_deal(metric_token):
            stake = metric_token.lemma_ in self.stake_nouns
            subject = _owner(metric_token, ent_at, self.genitive, stake)
        if subject is None:
            subject = self._clause_subject(root, ent_at, excluded)
        named_metric = metric_token is not None and ent_at[metric_token.i] >= 0
        if named_metric and metric_token is not None and metric is not None:
            # "le CAC 40 a gagné 1,2 %": the name whole, not its first word (an organisation,
            # "la Bourse de Paris", is also a subject: its metric stays the common noun).
            named = ent_at.ents[ent_at[metric_token.i]]
            whole = normalize_name(span.doc[metric_token.i : named.end].text)
            if named.label_ not in ("ORG", "PER") and _fold(whole).startswith(_fold(metric)):
                metric = whole
        if subject is None and not named_metric:
            # (A measured thing with a name of its own, "le Smic", "le CAC 40", is what the
            # amount is about: no other name of the sentence is guessed for it.)
            subject = self._nearest_actor(span, ent_at, excluded)
        return {"subject": subject, "metric": metric, "period": dates.period(span, root)}

    def _apposed(self, span: Span) -> tuple[Token | None, str | None]:
        """ "L'enveloppe, de 20 à 25 milliards, sera versée": an amount set off by a comma right
        after a metric noun is that noun's apposition, whatever the parse made of it."""
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == ",":
            noun = doc[span.start - 2]
            if noun.pos_ == "NOUN" and noun.sent.start == span.sent.start:
                phrase = self._phrase(noun)
                if phrase:
                    return noun, phrase
        return None, None

    def _metric(self, span: Span, root: Token, is_percent: bool) -> tuple[Token | None, str | None]:
        """The token heading the measured noun phrase and its text, or (None, None)."""
        # "une baisse de 3 % de son chiffre d'affaires": the amount's own complement, unless it
        # is what a percentage is taken of ("5 % du PIB").
        for child in root.children:
            phrase = self._phrase(child) if child.dep_ == "nmod" and child.i > root.i else None
            if phrase and _fold(phrase) not in self.bases:
                return child, phrase
        # "pour 500 milliards de yens d'obligations": what the money buys, a bare noun after "de"
        # hanging on the amount (a determiner would make it an owner or a base: "5 % du PIB").
        goods = self._goods(span)
        if goods is not None:
            return goods, self._phrase(goods) or self._noun_phrase(goods)
        # A predicate amount: "la croissance a été de 0,9 %".
        if (
            root.head.i == root.i
            or root.dep_ in CLAUSE_DEPS
            or any(c.dep_ == "cop" for c in root.children)
        ):
            found = self._subject_metric(root, unlisted=True)
            if found[0] is not None:
                return found
        token = root
        for _ in range(4):
            head = token.head
            if head.i == token.i:
                break
            lemma = head.lemma_.casefold()
            # A noun may come out as "acl" of the noun before it ("un résultat net record de").
            attached = token.dep_ in ("nmod", "appos", "nummod") or (
                token.dep_ == "acl" and token.pos_ == "NOUN"
            )
            if head.pos_ in ("NOUN", "PROPN") and attached:
                if lemma in self.transparent or head.lower_ in self.transparent:
                    # "le montant des aides atteint ...": the carrier's own complement.
                    found = self._complement_metric(head, exclude=token)
                    if found[0] is not None:
                        return found
                    token = head
                    continue
                if lemma in self.change_nouns or head.lower_ in self.change_nouns:
                    found = self._owner_metric(head, exclude=token)
                    if found[0] is None:
                        found = self._qualified_before(head)
                    if found[0] is None:
                        found = self._verb_metric(clause_head(head), head, True)
                    if found[0] is None and head.lower_ in self.metric_nouns:
                        found = (head, head.lower_)
                    return found
                phrase = self._phrase(head)
                if phrase:
                    return head, self._wider_phrase(head) or self._led(head, phrase)
                # "a porté sa participation dans Lagardère à 28,5 %", the level read as the
                # object's complement.
                if (
                    head.dep_ in ("obj", "nsubj:pass")
                    and head.head.lemma_ in self.level_verbs
                    and _has_case(token, self.level_markers)
                ):
                    found = self._set_level(head.head, token)
                    if found[0] is not None:
                        return found
                # Off the list, the parse names the metric only for "un contrat de 3 millions".
                if lemma in self.not_metrics or head.lower_ in self.not_metrics:
                    token = head
                    continue
                if head.i < token.i and any(c.lower_ in self.genitive for c in token.children):
                    return head, self._led(head, self._noun_phrase(head))
                return None, None
            if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
                return self._verb_metric(head, token, is_percent)
            token = head
        return None, None

    def _verb_metric(
        self, verb: Token, via: Token, is_percent: bool
    ) -> tuple[Token | None, str | None]:
        lemma = verb.lemma_.casefold()
        measure = lemma in self.measure_verbs or lemma in self.change_verbs
        if lemma in self.allocation_verbs and via.dep_ in ("nsubj", "obj", "nsubj:pass"):
            found = self._destination(verb, via)
            if found[0] is not None:
                return found
        if lemma in self.level_verbs and via.dep_ not in ("obj", "nsubj", "nsubj:pass"):
            found = self._set_level(verb, via)
            if found[0] is not None:
                return found
        # "Le billet coûte 17 €": a verb of measure gives the amount to its subject first; an
        # action ("a levé", "a investi") names the metric itself.
        if not is_percent and lemma in self.metric_verbs and not measure:
            return None, self.metric_verbs[lemma]
        found = self._subject_metric(verb, unlisted=measure)
        if found[0] is not None:
            return found
        if not is_percent and lemma in self.metric_verbs:
            return None, self.metric_verbs[lemma]
        # "a réalisé un chiffre d'affaires de ..." is caught above; "a dégagé, en 2017, un
        # bénéfice net" puts the metric as object.
        for child in verb.children:
            if child.dep_ == "obj" and child.i != via.i and self._phrase(child):
                return child, self._phrase(child)
            # "a relevé sa prévision de croissance à 5 %"
            if child.dep_ == "obj" and child.lemma_ in self.transparent:
                for grand in child.children:
                    if grand.dep_ == "nmod" and self._phrase(grand):
                        return grand, self._phrase(grand)
        # A participle on a noun: "sa marge, attendue à 13 %".
        if verb.dep_ == "acl" and verb.head.i != verb.i:
            noun = verb.head
            if noun.lemma_ in self.transparent:
                noun = next(
                    (c for c in noun.children if c.dep_ == "nmod" and self._phrase(c)), noun
                )
            if self._phrase(noun):
                return noun, self._phrase(noun)
        if verb.pos_ == "NOUN" and self._phrase(
            verb
        ):  # a verbless clause: "Chiffre d'affaires : 3 M€"
            return verb, self._phrase(verb)
        return None, None

    def _subject_metric(
        self, verb: Token, unlisted: bool = False
    ) -> tuple[Token | None, str | None]:
        found_subjects: list[Token] = []
        if self._raised(verb):
            # "a vu son bénéfice net reculer de 17 %": the object of "voir", "laisser", "faire"
            # is the subject of the infinitive after it (which the parse may file as xcomp or
            # as advcl: "a vu son bénéfice net s'envoler").
            found_subjects = [c for c in verb.head.children if c.dep_ == "obj" and c.i < verb.i]
        found_subjects = found_subjects or subjects(verb)
        if not found_subjects and unlisted and verb.pos_ == "VERB":
            found_subjects = _stray_subject(verb)
        for subj in found_subjects:
            phrase = self._phrase(subj)
            if phrase:
                return subj, phrase
            # "la hausse des prix a ralenti à 4 %": the metric is what changes.
            if subj.lemma_ in self.change_nouns:
                found = self._owner_metric(subj, exclude=subj)
                if found[0] is not None:
                    return found
        # "Le marché automobile a reculé de 11 %", "le tarif passe à 9 €": whatever common noun
        # a verb of measure gives the amount to is what it measures.
        if unlisted:
            for subj in found_subjects:
                open_phrase = self._open_phrase(subj)  # "la part des énergies renouvelables"
                if open_phrase:
                    return subj, open_phrase
                if any(c.dep_ == "nummod" for c in subj.children):
                    continue  # the amount itself ("92 % des bureaux restent ouverts")
                if subj.lemma_ in self.transparent and not self._is_compound(subj):
                    # "le montant des indemnités dépasse" (but "le niveau de vie a reculé")
                    found = self._complement_metric(subj, exclude=verb)
                    if found[0] is not None:
                        return found
                    continue
                if (
                    subj.pos_ == "NOUN"
                    # A lowercase common noun is no name even if the model says so ("le
                    # ticket de métro" read as an ORG).
                    and (subj.ent_type_ not in ("ORG", "PER") or subj.is_lower)
                    and subj.lemma_ not in self.designators
                    and subj.lemma_ not in self.not_metrics
                    and subj.lemma_ not in self.change_nouns
                    and subj.dep_ != "obl:agent"
                ):
                    return subj, self._noun_phrase(subj)
        # Not in the list but built like one: "la fortune de Bernard Arnault a augmenté de ...".
        for subj in found_subjects:
            if (
                subj.pos_ == "NOUN"
                and subj.lemma_ not in self.designators
                and subj.dep_ != "obl:agent"
            ):
                owned = [
                    c for c in subj.children if c.dep_ == "nmod" and c.ent_type_ in ("ORG", "PER")
                ]
                if owned:
                    return subj, self._noun_phrase(subj)
        return None, None

    def _set_level(self, verb: Token, via: Token) -> tuple[Token | None, str | None]:
        """ "a porté sa participation dans Lagardère à 28,5 %", "le Smic sera revalorisé à
        1 800 euros": what a verb of setting moves is its object, or its passive subject."""
        for dep in ("obj", "nsubj:pass"):
            for child in verb.children:
                if (
                    child.dep_ != dep
                    or child.i == via.i
                    or child.pos_ not in ("NOUN", "PROPN")
                    or child.ent_type_ in ("ORG", "PER", "LOC")
                    or child.i in self._dated
                    or any(c.dep_ == "nummod" for c in child.children)  # another amount
                ):
                    continue
                if child.lemma_ in self.transparent:
                    # "a relevé sa prévision de croissance à 5 %"
                    found = self._complement_metric(child, exclude=via)
                    if found[0] is not None:
                        return found
                    continue
                if child.pos_ == "PROPN" and not any(c.dep_ == "det" for c in child.children):
                    continue  # a bare name is who is moved, not what
                phrase = self._phrase(child) or self._open_phrase(child)
                return child, phrase or self._noun_phrase(child)
        return None, None

    def _raised(self, verb: Token) -> bool:
        """An infinitive whose subject is the object of the verb before it ("a vu son bénéfice
        grimper")."""
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.head.i == verb.i:
            return False
        if verb.dep_ == "xcomp":
            return True
        return (
            verb.dep_ in ("advcl", "ccomp")
            and verb.morph.get("VerbForm", []) == ["Inf"]
            and verb.head.lemma_ in self.raising_verbs
        )

    def _complement_metric(self, noun: Token, exclude: Token) -> tuple[Token | None, str | None]:
        """The "de" complement of a carrier noun, before the amount: "le montant des aides"."""
        for child in noun.children:
            if (
                child.i < exclude.i
                and child.dep_ == "nmod"
                and child.pos_ == "NOUN"
                and _genitive(child, self.genitive)
                and not any(c.dep_ == "nummod" for c in child.children)  # another amount
            ):
                # Off the list it may be anything ("l'objectif d'un retour des déficits").
                phrase = self._phrase(child)
                return (child, phrase) if phrase else (None, None)
        return None, None

    def _is_compound(self, noun: Token) -> bool:
        return self._compound_end(noun, noun.i + 1) > noun.i + 1

    def _destination(self, verb: Token, via: Token) -> tuple[Token | None, str | None]:
        """ "a consacré 6,7 milliards à la recherche": where an allocated amount goes (the
        parse may hang it on the amount)."""
        for child in (*verb.children, *(c for c in via.children if c.i > via.i)):
            if (
                child.dep_.startswith(("obl", "nmod"))
                and child.pos_ == "NOUN"
                and _has_case(child, self.destinations)
            ):
                return child, self._phrase(child) or self._noun_phrase(child)
        return None, None

    def _goods(self, span: Span) -> Token | None:
        """The bare noun after "de" that the amount counts: "pour 1 000 milliards d'obligations"."""
        doc = span.doc
        i = span.end
        if i + 1 >= len(doc) or _word(doc[i].text) not in self.compound_markers:
            return None
        noun = doc[i + 1]
        if noun.pos_ != "NOUN" or not (span.start <= noun.head.i < span.end):
            return None
        if _fold(noun.text) in self.bases or noun.lemma_ in self.not_metrics:
            return None
        return noun

    def _qualified_before(self, change: Token) -> tuple[Token | None, str | None]:
        """ "Michelin : bénéfice net en hausse de 21 %": "en hausse" qualifies the metric written
        right before it, which a verbless headline leaves the parse no clause to find."""
        doc = change.doc
        case = change.i - 1
        if case < 1 or doc[case].head.i != change.i or _word(doc[case].text) != "en":
            return None, None
        first = max(written_sentence_start(change.sent), case - _MAX_METRIC_WORDS)
        for start in range(case - 1, first - 1, -1):
            if doc[start].is_punct:
                break
            phrase = self._phrase(doc[start])
            if phrase and _fold(phrase) == _fold(doc[start:case].text):
                return doc[start], phrase
        return None, None

    def _owner_metric(self, noun: Token, exclude: Token) -> tuple[Token | None, str | None]:
        """The metric named inside a change noun: "la hausse du chiffre d'affaires de 58 %"."""
        for child in noun.children:
            if child.i != exclude.i and child.dep_ == "nmod" and self._phrase(child):
                return child, self._phrase(child)
        return None, None

    def _led(self, noun: Token, phrase: str) -> str:
        """The phrase with the noun that ``noun`` makes a bare "de" compound with, when the
        amount hangs on the second noun: "dépréciations d'actifs de 1,2 milliard", "un plan de
        relance de 100 milliards" (not a carrier or a change: "une hausse de salaires")."""
        doc = noun.doc
        k = noun.i - 2
        if (
            k < 0
            or noun.head.i != k
            or _word(doc[k + 1].text) not in self.compound_markers
            or any(c.dep_ == "det" for c in noun.children)
        ):
            return phrase
        lead = doc[k]
        if (
            lead.pos_ != "NOUN"
            or lead.ent_type_
            or lead.lemma_ in self.transparent
            or lead.lemma_ in self.change_nouns
            or lead.lower_ in self.change_nouns
            or lead.lemma_ in self.not_metrics
        ):
            return phrase
        return normalize_name(doc[k : noun.i].text_with_ws + phrase)

    def _wider_phrase(self, noun: Token) -> str | None:
        """A listed metric that ends at ``noun`` but starts before it ("levée de fonds")."""
        doc = noun.doc
        for back in (2, 3):
            start = noun.i - back
            if start >= 0 and not any(t.is_punct for t in doc[start : noun.i]):
                text = normalize_name(doc[start : noun.i + 1].text)
                if _fold(text) in self.metric_nouns:
                    return text
        return None

    def _phrase(self, noun: Token) -> str | None:
        """The longest metric of the list starting at ``noun``, as written (typography unified)."""
        if noun.lower_ not in self.metric_heads and noun.lemma_.casefold() not in self.metric_heads:
            return None
        doc = noun.doc
        best, best_end = None, noun.i
        words: list[str] = []
        for tok in doc[noun.i : min(len(doc), noun.i + _MAX_METRIC_WORDS)]:
            if tok.is_space or tok.is_punct:
                break
            words.append(tok.text_with_ws)
            text = normalize_name("".join(words))
            if _fold(text) in self.metric_nouns:
                best, best_end = text, tok.i + 1
        if best is None:
            return None
        end = best_end
        # "taux de marge", "prix de l'immobilier ancien": an open metric takes its complement.
        if (
            _fold(best) in self.open_metrics
            and end < len(doc)
            and _word(doc[end].text) in self.genitive
        ):
            k = end + 1
            while k < len(doc) and doc[k].pos_ == "DET":
                k += 1
            if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].head.i == noun.i:
                comp = doc[k]
                k += 1
                # "prix du mètre carré", "taux du livret A", "prix du kilo de cacao".
                while k < len(doc) and (
                    (
                        doc[k].head.i == comp.i
                        and doc[k].dep_ in ("amod", "flat:name", "nmod")
                        and doc[k].pos_ in ("ADJ", "PROPN", "VERB")
                        and doc[k].lower_ not in self.not_qualifiers
                    )
                    or _is_code(doc[k])
                ):
                    k += 1
                k = self._compound_end(doc[k - 1], k)
                return normalize_name(doc[noun.i : k].text)
        end = self._qualifiers_end(noun, end)
        if end == best_end:
            end = self._compound_end(doc[end - 1], end)
        return normalize_name(doc[noun.i : end].text) if end > best_end else best

    def _open_phrase(self, noun: Token) -> str | None:
        """An open metric off the list by its head: "la part des énergies renouvelables"."""
        if noun.lemma_ not in self.open_metrics and noun.lower_ not in self.open_metrics:
            return None
        doc = noun.doc
        k = noun.i + 1
        if k >= len(doc) or _word(doc[k].text) not in self.genitive:
            return None
        k += 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN") or doc[k].head.i != noun.i:
            return None
        end = self._qualifiers_end(doc[k], k + 1)
        return normalize_name(doc[noun.i : end].text)

    def _qualifiers_end(self, noun: Token, end: int) -> int:
        """Past the adjectives after ``end`` that say which metric it is ("prix moyen", "marge
        opérationnelle"), not how big or whose ("budget total", "exportations chinoises"), and
        not a predicate on the amount ("un résultat compris entre 1,2 et 1,4 milliard")."""
        doc = noun.doc
        while (
            end < len(doc)
            and doc[end].pos_ == "ADJ"
            and doc[end].dep_ == "amod"
            and noun.i <= doc[end].head.i < end
            and doc[end].lower_ not in self.not_qualifiers
            and not any(c.dep_ not in ("advmod", "punct") for c in doc[end].children)
        ):
            end += 1
        return end

    def _compound_end(self, last: Token, end: int) -> int:
        """Past a bare "de" noun that makes a compound with the noun before: "plan de relance",
        "billet d'entrée" (with a determiner it is a complement: "le budget de la culture")."""
        doc = last.doc
        if end + 1 >= len(doc) or _word(doc[end].text) not in self.compound_markers:
            return end
        comp = doc[end + 1]
        # Plural after plural is a compound too: "ventes de voitures électriques", "prises de
        # commandes" name what is counted.
        if (
            comp.pos_ == "NOUN"
            and comp.head.i == last.i
            and not comp.ent_type_
            and not comp.is_title
            and _fold(comp.text) not in self.bases
        ):
            return self._qualifiers_end(doc[end + 1], end + 2)
        return end

    def _noun_phrase(self, noun: Token) -> str:
        """A noun off the list with what names it: "plan social", "billet d'entrée", "contrat",
        "livret A"."""
        end = noun.i + 1
        if end < len(noun.doc) and _is_code(noun.doc[end]) and noun.doc[end].head.i == noun.i:
            end += 1
        end = self._qualifiers_end(noun, end)
        end = self._compound_end(noun.doc[end - 1], end)
        return normalize_name(noun.doc[noun.i : end].text)

    # -- subject ---------------------------------------------------------------------------
    def _is_deal(self, noun: Token) -> bool:
        return noun.lower_ in self.acquisition_nouns

    def _not_subjects(
        self, root: Token, metric_token: Token | None, ent_at: EntityIndex
    ) -> frozenset[int]:
        """Start offsets of the entities that the amount is not about."""
        out: set[int] = set()
        if metric_token is not None and metric_token.pos_ == "NOUN":
            k = ent_at[metric_token.i]
            if k >= 0:
                out.add(ent_at.ents[k].start)
        # What is bought or sold: the "de" complement of a deal noun, the object of a deal verb;
        # the buyer named by "par" stays ("le rachat de X par Y").
        bought: list[Token] = []
        if metric_token is not None and self._is_deal(metric_token):
            bought = [c for c in metric_token.children if c.dep_ == "nmod"]
        elif metric_token is not None and metric_token.lemma_ in self.stake_nouns:
            # "sa participation dans Eutelsat": what is held
            bought = [
                c
                for c in metric_token.children
                if c.dep_ == "nmod"
                and not _genitive(c, self.genitive)
                and any(x.dep_ == "case" for x in c.children)
            ]
        verb = clause_head(root)
        if verb.lemma_ in self.acquisition_verbs:
            # The object, wherever the parse files the name right after the verb ("rachète
            # Credit Suisse" may come out as xcomp); not a clause of its own ("..., a annoncé
            # Danone" names the buyer).
            bought += [
                c
                for c in verb.children
                if c.i > verb.i
                and c.i != root.i
                and c.dep_ not in SUBJECT_DEPS
                and c.dep_ not in ("conj", "parataxis", "ccomp", "advcl", "punct")
            ]
        for thing in bought:
            if _has_case(thing, self.agent_markers):
                continue
            for ent in entities_below(thing, ent_at, labels=_SUBJECT_LABELS, max_depth=4):
                out.add(ent.start)
        return frozenset(out)

    def _clause_subject(
        self, root: Token, ent_at: EntityIndex, excluded: frozenset[int] = frozenset()
    ) -> str | None:
        verb = clause_head(root)
        # "La Commission a infligé à Apple une amende de ...": the fine is Apple's.
        if verb.lemma_ in self.penalty_verbs:
            to = self.penalty_markers
            # "a infligé une amende de 2 milliards à Google": "à Google" may hang on the fine.
            objects = [c for c in verb.children if c.dep_ == "obj"]
            for child in (*verb.children, *(c for o in objects for c in o.children)):
                if child.dep_.startswith(("obl", "iobj", "nmod")) and _has_case(child, to):
                    found = entities_below(child, ent_at, labels=_SUBJECT_LABELS, max_depth=2)
                    if found:
                        return canonical(found[0])
        seen = 0
        while seen < 3:
            for subj in subjects(verb):
                if subj.lower_ in self.relative_subjects and verb.dep_ in RELATIVE_DEPS:
                    subj = verb.head  # "Back Market, qui a levé ...": the antecedent
                # The grammatical subject may be a name the model filed as MISC ("Mistral AI").
                found = entities_below(subj, ent_at, labels=_SUBJECT_LABELS)
                found = [e for e in found if e.start not in excluded]
                if found:
                    return canonical(found[0])
            if verb.dep_ not in CLAUSE_DEPS or verb.dep_ in RELATIVE_DEPS:
                return None
            verb = clause_head(verb.head)
            seen += 1
        return None

    def _nearest_actor(
        self, span: Span, ent_at: EntityIndex, excluded: frozenset[int] = frozenset()
    ) -> str | None:
        """The ORG/PER of the sentence nearest the amount, before it first; never a source."""
        sent = span.sent
        start = written_sentence_start(sent)
        ks = {k for k in ent_at[start : sent.end] if k >= 0}
        best: tuple[int, str] | None = None
        for ent in (ent_at.ents[k] for k in sorted(ks)):
            if ent.label_ not in ("ORG", "PER") or ent.end > sent.end or ent.start in excluded:
                continue
            if self._is_source(ent):
                continue
            # News states who, then how much.
            if ent.end <= span.start:
                distance = span.start - ent.end
            else:
                distance = 1000 + ent.start - span.end
            if best is None or distance < best[0]:
                best = (distance, canonical(ent))
        return best[1] if best else None

    def _is_source(self, ent: Span) -> bool:
        """ "Selon l'Insee", "D'après le ministère", "Selon la fédération, Febelfin": a source."""
        doc = ent.doc
        before = _fold(doc[max(ent.sent.start, ent.start - 3) : ent.start].text)
        if self.source_pattern.search(before):
            return True
        token = ent.root
        for _ in range(3):
            for c in token.children:
                if c.dep_ == "case" and self.source_pattern.search(_fold(c.text)):
                    return True
            if token.dep_ not in ("appos", "nmod", "flat:name", "conj") or token.head.i == token.i:
                break
            token = token.head
        return False

    # -- breakdowns ("dont ...") -----------------------------------------------------------
    def _item_metric(self, span: Span) -> str | None:
        """The words right after a list item: "5,8 milliards des activités « transport »"."""
        doc = span.doc
        sent_end = span.sent.end
        i = span.end
        # "dont 10,1 milliards en France": a breakdown by place keeps the total's metric; one by
        # destination ("dont 30 milliards pour la transition écologique") names its own.
        if (
            i < sent_end
            and doc[i].pos_ == "ADP"
            and _word(doc[i].text) not in self.genitive
            and _word(doc[i].text) not in self.item_destinations
        ):
            return None
        while i < sent_end and (doc[i].pos_ in ("ADP", "DET") or doc[i].is_space):
            i += 1
        words: list[Token] = []
        while i < sent_end and len(words) < _MAX_ITEM_WORDS:
            tok = doc[i]
            if tok.text in (",", ";", ".", ")", ":", "(") or tok.pos_ in ("VERB", "AUX"):
                break
            if tok.lower_ in self.list_markers or tok.pos_ == "PRON":
                break
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if tok.pos_ == "CCONJ" and (nxt is None or nxt.like_num or nxt.pos_ == "NUM"):
                break
            words.append(tok)
            i += 1
        if not words:
            return None
        quoted = _quoted(words)
        if quoted:
            return quoted
        return normalize_name("".join(t.text_with_ws for t in words)) or None


class _DateIndex:
    """Date spans of the doc, by the token they are attached to and by the tokens they cover."""

    def __init__(
        self,
        doc: Doc,
        wrappers: frozenset[str] = frozenset(),
        not_clauses: frozenset[str] = frozenset(),
    ) -> None:
        # Words the parse may take for a participle heading a clause ("un chiffre d'affaires
        # record sur l'exercice 2023/24"): they are adjectives of the noun, no clause.
        self.not_clauses = not_clauses
        self.covering: dict[int, Span] = {}
        self.attached: dict[int, list[Span]] = {}
        self.spans: list[Span] = []
        self.starts: list[int] = []
        #: Every token of a date, resolved or not ("cette année" without a publication date).
        self.tokens: frozenset[int] = frozenset()
        if DATES not in doc.spans:
            return
        self.tokens = frozenset(i for span in doc.spans[DATES] for i in range(span.start, span.end))
        for span in doc.spans[DATES]:
            date = span._.factex_date or {}
            if not date.get("value") or date.get("grain") in ("ref", "set"):
                continue  # "désormais", "chaque année": no period a figure is for
            self.spans.append(span)
            for i in range(span.start, span.end):
                self.covering[i] = span
            head = span_root(span).head
            self.attached.setdefault(head.i, []).append(span)
            # "sur l'ensemble de l'année 2022", "à la fin du trimestre": the wrapper noun
            # carries the date to what it hangs on.
            if head.lemma_ in wrappers and head.pos_ == "NOUN" and head.head.i != head.i:
                self.attached.setdefault(head.head.i, []).append(span)
        self.spans.sort(key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def period(self, amount: Span, root: Token) -> str | None:
        if not self.spans:
            return None
        own_clause = clause_head(root)
        # A date hanging on a word of the amount: "113 milliards de dollars au deuxième trimestre".
        inside = [d for i in range(amount.start, amount.end) for d in self.attached.get(i, ())]
        inside = [d for d in inside if not (amount.start <= d.start < amount.end)]
        if inside:
            return _value(min(inside, key=lambda d: (_is_day(d), abs(d.start - amount.start))))
        # A date right after the amount dates it, whatever the parse hung either on ("passe de
        # 1,2 milliard en 2024 à 1,5 milliard en 2025", the second amount read as the first
        # date's complement).
        k = bisect_left(self.starts, amount.end)
        if k < len(self.spans) and self.spans[k].start == amount.end:
            nxt = self.spans[k]
            if clause_head(span_root(nxt)).dep_ not in RELATIVE_DEPS:
                return _value(nxt)
        for token in (root, *ancestors(root)):
            if token.i in self.covering and not (amount.start <= token.i < amount.end):
                return _value(self._period_over_day(self.covering[token.i], amount, own_clause))
            if token.dep_ in RELATIVE_DEPS and token.i != own_clause.i:
                continue  # its dates only date the relative clause
            near = list(self.attached.get(token.i, ()))
            if near:
                # A period ("pour 2022") dates a figure better than the day it was published
                # ("a publié mercredi"); then a date before the amount, then the closest.
                best = min(
                    near,
                    key=lambda d: (_is_day(d), d.start > amount.start, abs(d.start - amount.start)),
                )
                return _value(self._period_over_day(best, amount, own_clause))
        # No date on the path: the nearest one before the amount in the same sentence, unless
        # it sits in a relative clause.
        sent_start = amount.sent.start
        k = bisect_left(self.starts, amount.start) - 1
        while k >= 0 and self.spans[k].start >= sent_start:
            span = self.spans[k]
            if not self._dates_own_clause(span, own_clause):
                return _value(span)
            k -= 1
        # Then one after it in its own clause, which the parse hung elsewhere ("investir
        # 3,5 milliards dans la fibre au second semestre", the date read as the fibre's).
        after = self._clause_dates(amount, own_clause, after=True)
        return _value(after[0]) if after else None

    def _dates_own_clause(self, date: Span, amount_clause: Token) -> bool:
        """A date that only dates the clause it sits in: a relative clause ("l'exercice, qui
        s'est achevé le 31 mars") or a participle set off from the amount's clause
        ("l'exercice 2023/24, clos fin mars, à 10,8 milliards")."""
        head = span_root(date).head
        if head.lower_ in self.not_clauses:
            return False
        if head.dep_ in RELATIVE_DEPS:
            return True
        return (
            head.dep_ == "advcl"
            and head.i != amount_clause.i
            and head.morph.get("VerbForm", []) == ["Part"]
            and not any(c.dep_.startswith("aux") for c in head.children)
        )

    def _clause_dates(self, amount: Span, clause: Token, after: bool = False) -> list[Span]:
        """Dates of the amount's sentence whose clause is the amount's, nearest first."""
        sent = amount.sent
        lo = bisect_left(self.starts, amount.end if after else sent.start)
        hi = bisect_left(self.starts, sent.end)
        found = [
            d
            for d in self.spans[lo:hi]
            if not (amount.start <= d.start < amount.end)
            and clause_head(span_root(d)).i == clause.i
        ]
        return sorted(found, key=lambda d: abs(d.start - amount.start))

    def _period_over_day(self, date: Span, amount: Span, clause: Token) -> Span:
        """A day on the amount's path is often when the figure was published ("a publié
        mercredi un bénéfice de ... au premier trimestre"): a period of the same clause wins."""
        if not _is_day(date):
            return date
        periods = [d for d in self._clause_dates(amount, clause) if not _is_day(d)]
        return periods[0] if periods else date


def _is_day(span: Span) -> bool:
    return (span._.factex_date or {}).get("grain") in ("day", "hour", "minute", "second")


def _value(span: Span) -> str | None:
    value = (span._.factex_date or {}).get("value")
    return str(value) if value is not None else None


def _owner(
    metric: Token, ent_at: EntityIndex, genitive: frozenset[str], stake: bool = False
) -> str | None:
    """Who the metric belongs to: "le chiffre d'affaires d'Alibaba"."""
    found = entities_below(metric, ent_at, deps=_OWNER_DEPS, max_depth=4)
    if stake:
        # "sa participation dans Lagardère": what is held, named after another preposition than
        # "de", is not the holder ("les prix dans les magasins E.Leclerc" are E.Leclerc's).
        found = [e for e in found if _genitive_path(e.root, metric, genitive)]
    if found:
        return canonical(found[0])
    # MISC only as a "de" complement of the metric itself ("les ventes de Twitter" read as
    # MISC), not deeper ("dans ses usines du Nord"); places are never subjects.
    hops = [metric, *(c for c in metric.children if c.dep_ == "nmod" and _genitive(c, genitive))]
    for hop in hops:
        for child in hop.children:
            k = ent_at[child.i]
            if k >= 0 and ent_at.ents[k].label_ in _OWNER_LABELS and _genitive(child, genitive):
                return canonical(ent_at.ents[k])
    return None


def _genitive_path(token: Token, top: Token, genitive: frozenset[str]) -> bool:
    """Whether every complement from ``token`` up to ``top`` is a "de" one (or has no
    preposition: an apposition, a name)."""
    for _ in range(6):
        if token.i == top.i or token.head.i == token.i:
            return True
        cases = [c for c in token.children if c.dep_ == "case"]
        if token.dep_ == "nmod" and cases and not any(_word(c.text) in genitive for c in cases):
            return False
        token = token.head
    return True


def _has_case(token: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "case" and _word(c.text) in words for c in token.children)


def _genitive(token: Token, markers: frozenset[str]) -> bool:
    return any(c.dep_ == "case" and c.lower_ in markers for c in token.children)


def _amount_root(span: Span) -> Token:
    """The token the amount hangs on the sentence by; its unit noun when the parse attaches
    the number elsewhere ("à 179 nairas", the number read as a complement of "essence")."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end)]
    if not outside:  # the amount heads its own parse sentence
        return span_root(span)
    return next((t for t in outside if t.pos_ == "NOUN"), outside[0])


def _stray_subject(verb: Token) -> list[Token]:
    """The subject the parse lost: "Le montant des aides [ROOT] ... dépasse 5 milliards" or a
    parse sentence cut before the verb. The first bare noun of the written sentence, if it
    heads the parse (sentence root or subject) before the verb."""
    doc = verb.doc
    start = written_sentence_start(verb.sent)
    for tok in doc[start : verb.i]:
        if (
            tok.pos_ == "NOUN"
            and tok.dep_ in ("ROOT", "nsubj")
            and not any(c.dep_ == "case" for c in tok.children)
        ):
            return [tok]
        if tok.pos_ not in ("DET", "PUNCT", "ADP", "ADV", "SPACE"):
            break  # only the sentence's opening noun phrase
    return []


def _pronoun_owner(root: Token, ent_at: EntityIndex, pronouns: frozenset[str]) -> str | None:
    """ "…, et celle de Meta à 1,2 milliard": the owner named under the pronoun standing for
    the metric."""
    for token in (root.head, root.head.head):
        if token.pos_ == "PRON" and token.lemma_ in pronouns:
            found = entities_below(token, ent_at, max_depth=2)
            if found:
                return canonical(found[0])
    return None


def _elided_metric(
    span: Span, kind: str, last: dict[str, tuple[Span, str | None]], markers: frozenset[str]
) -> str | None:
    """ "puis de 1,3 % en 2025", "contre 15 € l'an dernier", "après 6,1 % attendu": an amount
    with no metric of its own, after one of the same kind in the sentence, measures the same."""
    root = _amount_root(span)
    # "de 17 % à 12,6 milliards d'euros": the amount the parse hangs this one on.
    before = last.get("any")
    if before is not None and before[0].start <= root.head.i < before[0].end:
        return before[1]
    found = last.get(kind)
    if found is None or found[0].sent.start != span.sent.start:
        return None
    # Only an amount coordinated or compared with the one before, not any later one of the
    # sentence ("le relèvement à 40 % des contributions" after "la taxe de 3 %").
    doc = span.doc
    lead = {_word(t.text) for t in doc[max(found[0].end, span.start - 2) : span.start]}
    if root.dep_ == "conj" or lead & markers:
        return found[1]
    return None


def _is_code(token: Token) -> bool:
    """A capital letter or code naming the noun before it: "livret A", "plan B"."""
    return token.is_upper and token.is_alpha and len(token) <= 3 and token.i > 0


def _quoted(words: list[Token]) -> str | None:
    opened = None
    for k, tok in enumerate(words):
        if tok.text in ("«", "“", '"') and opened is None:
            opened = k
        elif tok.text in ("»", "”", '"') and opened is not None:
            inner = "".join(t.text_with_ws for t in words[opened + 1 : k])
            return normalize_name(inner) or None
    if opened is not None:
        return normalize_name("".join(t.text_with_ws for t in words[opened + 1 :])) or None
    return None


def _word(text: str) -> str:
    """A token's text for word lists: lowercase, straight apostrophe kept ("d'")."""
    return text.replace("’", "'").casefold()


@Language.factory(
    "factex_links",
    assigns=["span._.factex_links"],
    requires=["doc.ents", "token.dep", "span._.factex_canonical"],
)
def make_links(nlp: Language, name: str) -> AmountLinker:
    """Link each money and percentage span to its subject, metric and period."""
    return AmountLinker(nlp, name)

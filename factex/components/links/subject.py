"""Who an amount is about: the subject (an ORG or PER, by its canonical name), never a source.

:func:`find_subject` is the one entry point; :func:`is_source` tells a source ("selon l'Insee",
"d'après le ministère") from an actor. In order: the owner named under a pronoun standing for
the metric ("celle de Meta"), the owner of the metric ("le chiffre d'affaires d'Alibaba"), the
one a penalty is inflicted on ("a infligé à Apple une amende"), the subject of the clause, else
the nearest ORG/PER of the sentence (before the amount first). What a purchase or sale is of
("le rachat de la filiale de Prudential") is never the subject.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span, Token

from factex.components.links.index_text import span_text
from factex.components.sentence_bounds import sent_of
from factex.components.sentences import written_sentence_start
from factex.components.syntax import (
    CLAUSE_DEPS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    EntityIndex,
    actor_name,
    clause_head,
    clause_head_at,
    entities_below,
    entities_below_at,
    genitive,
    genitive_at,
    has_case,
    subjects_in,
)
from factex.components.token_index import TokenIndex, token_index
from factex.normalize.link_words import LinkWords, fold, word

_OWNER_DEPS = frozenset({"nmod", "appos", "flat:name", "flat", "compound", "conj"})
_SUBJECT_LABELS = frozenset({"ORG", "PER", "MISC"})
_OWNER_LABELS = frozenset({"MISC"})


def find_subject(
    w: LinkWords, span: Span, root: Token, metric_token: Token | None, ent_at: EntityIndex
) -> tuple[str | None, bool]:
    """The canonical name of the ORG/PER the amount ``span`` (hanging on ``root``) is about,
    and whether it is only the sentence's nearest name (a guess the frame may overrule).

    ``metric_token`` heads what it measures; a measured thing with a name of its own ("le
    Smic", "le CAC 40") is what the amount is about: no other name is then guessed for it.
    """
    # Names that cannot be the subject: the metric itself ("Le Smic sera revalorisé", read
    # as a name) and what a purchase or sale is of ("le rachat de la filiale de Prudential").
    excluded = not_subjects(w, root, metric_token, ent_at)
    subject = _pronoun_owner(root, ent_at, w.owner_pronouns) or _share_owner(w, root, ent_at)
    if subject is None and metric_token is not None and not is_deal(w, metric_token):
        stake = metric_token.lemma_ in w.stake_nouns
        subject = _owner(metric_token, ent_at, w.genitive, stake)
    if subject is None:
        subject = clause_subject(w, root, ent_at, excluded)
    named_metric = metric_token is not None and ent_at[metric_token.i] >= 0
    if subject is None and not named_metric:
        return nearest_actor(w, span, ent_at, excluded), True
    return subject, False


def is_deal(w: LinkWords, noun: Token) -> bool:
    """A purchase or sale ("le rachat de ..."): what it is of is no subject."""
    return noun.lower_ in w.acquisition_nouns


def not_subjects(
    w: LinkWords, root: Token, metric_token: Token | None, ent_at: EntityIndex
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
    if metric_token is not None and is_deal(w, metric_token):
        bought = [c for c in metric_token.children if c.dep_ == "nmod"]
    elif metric_token is not None and metric_token.lemma_ in w.stake_nouns:
        # "sa participation dans Eutelsat": what is held
        bought = [
            c
            for c in metric_token.children
            if c.dep_ == "nmod"
            and not genitive(c, w.genitive)
            and any(x.dep_ == "case" for x in c.children)
        ]
    ix = token_index(root.doc)
    if ix.lemma[clause_head_at(ix, root.i)] in w.acquisition_verbs:
        verb = clause_head(root)
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
        if has_case(thing, w.agent_markers):
            continue
        for ent in entities_below(thing, ent_at, labels=_SUBJECT_LABELS, max_depth=4):
            out.add(ent.start)
    return frozenset(out)


def clause_subject(
    w: LinkWords, root: Token, ent_at: EntityIndex, excluded: frozenset[int] = frozenset()
) -> str | None:
    """The one a penalty is inflicted on, else the subject of the clause or of those above."""
    doc, ix = root.doc, token_index(root.doc)
    v = clause_head_at(ix, root.i)  # read off the index: no Token made per step
    # "La Commission a infligé à Apple une amende de ...": the fine is Apple's.
    if ix.lemma[v] in w.penalty_verbs:
        verb = doc[v]
        to = w.penalty_markers
        # "a infligé une amende de 2 milliards à Google": "à Google" may hang on the fine.
        objects = [c for c in verb.children if c.dep_ == "obj"]
        for child in (*verb.children, *(c for o in objects for c in o.children)):
            if child.dep_.startswith(("obl", "iobj", "nmod")) and has_case(child, to):
                found = entities_below(child, ent_at, labels=_SUBJECT_LABELS, max_depth=2)
                if found:
                    return actor_name(found[0])
    seen = 0
    while seen < 3:
        for subj in subjects_in(doc, ix, v):
            if ix.lower[subj] in w.relative_subjects and ix.dep[v] in RELATIVE_DEPS:
                subj = ix.head[v]  # "Back Market, qui a levé ...": the antecedent
            # The grammatical subject may be a name the model filed as MISC ("Mistral AI").
            found = entities_below_at(ix, subj, ent_at, labels=_SUBJECT_LABELS)
            found = [e for e in found if e.start not in excluded]
            if found:
                return actor_name(found[0])
        if ix.dep[v] not in CLAUSE_DEPS or ix.dep[v] in RELATIVE_DEPS:
            return None
        v = clause_head_at(ix, ix.head[v])
        seen += 1
    return None


def nearest_actor(
    w: LinkWords, span: Span, ent_at: EntityIndex, excluded: frozenset[int] = frozenset()
) -> str | None:
    """The ORG/PER of the sentence nearest the amount, before it first; never a source."""
    bounds = sent_of(span)  # span.sent walks the Doc at each call
    start = _written_start(span.doc, bounds.start, bounds.end)
    ks = {k for k in ent_at[start : bounds.end] if k >= 0}
    best: tuple[int, Span] | None = None
    for k in sorted(ks):
        ent = ent_at.ents[k]
        if ent_at.labels[k] not in ("ORG", "PER") or ent.end > bounds.end or ent.start in excluded:
            continue
        # News states who, then how much.
        distance = span.start - ent.end if ent.end <= span.start else 1000 + ent.start - span.end
        # only a nearer name is worth asking whether it is a source
        if (best is None or distance < best[0]) and not is_source(w, ent):
            best = (distance, ent)
    return actor_name(best[1]) if best else None


# :func:`written_sentence_start` by parser sentence start, per token index (weakly, as the
# index): the figures of a sentence asked it again, each making Spans and Tokens.
_written_starts: weakref.WeakKeyDictionary[TokenIndex, dict[int, int]] = weakref.WeakKeyDictionary()


def _written_start(doc: Doc, start: int, end: int) -> int:
    """:func:`written_sentence_start` of the parser sentence ``doc[start:end]``."""
    ix = token_index(doc)
    known = _written_starts.get(ix)
    if known is None:
        known = _written_starts[ix] = {}
    found = known.get(start)
    if found is None:
        found = known[start] = written_sentence_start(doc[start:end])
    return found


def is_source(w: LinkWords, ent: Span) -> bool:
    """ "Selon l'Insee", "D'après le ministère", "Selon la fédération, Febelfin": a source."""
    doc = ent.doc
    before = fold(span_text(doc, max(sent_of(ent).start, ent.start - 3), ent.start))
    if w.source_pattern.search(before):
        return True
    ix = token_index(doc)  # the walk up reads the index: no Token made per step
    i = ent.root.i
    for _ in range(3):
        for c in ix.children[i]:
            if ix.dep[c] == "case" and w.source_pattern.search(fold(ix.text[c])):
                return True
        if ix.dep[i] not in ("appos", "nmod", "flat:name", "conj") or ix.head[i] == i:
            break
        i = ix.head[i]
    return False


def _owner(
    metric: Token, ent_at: EntityIndex, markers: frozenset[str], stake: bool = False
) -> str | None:
    """Who the metric belongs to: "le chiffre d'affaires d'Alibaba"."""
    found = entities_below(metric, ent_at, deps=_OWNER_DEPS, max_depth=4)
    if stake:
        # "sa participation dans Lagardère": what is held, named after another preposition than
        # "de", is not the holder ("les prix dans les magasins E.Leclerc" are E.Leclerc's).
        found = [e for e in found if _genitive_path(e.root, metric, markers)]
    if found:
        return actor_name(found[0])
    # MISC only as a "de" complement of the metric itself ("les ventes de Twitter" read as
    # MISC), not deeper ("dans ses usines du Nord"); places are never subjects.
    ix, m = token_index(metric.doc), metric.i
    hops = [m, *(c for c in ix.children[m] if ix.dep[c] == "nmod" and genitive_at(ix, c, markers))]
    for hop in hops:
        for child in ix.children[hop]:
            k = ent_at[child]
            if k >= 0 and ent_at.labels[k] in _OWNER_LABELS and genitive_at(ix, child, markers):
                return actor_name(ent_at.ents[k])
    return None


def _genitive_path(token: Token, top: Token, markers: frozenset[str]) -> bool:
    """Whether every complement from ``token`` up to ``top`` is a "de" one (or has no
    preposition: an apposition, a name)."""
    for _ in range(6):
        if token.i == top.i or token.head.i == token.i:
            return True
        cases = [c for c in token.children if c.dep_ == "case"]
        if token.dep_ == "nmod" and cases and not any(word(c.text) in markers for c in cases):
            return False
        token = token.head
    return True


def _pronoun_owner(root: Token, ent_at: EntityIndex, pronouns: frozenset[str]) -> str | None:
    """ "…, et celle de Meta à 1,2 milliard": the owner named under the pronoun standing for
    the metric."""
    ix = token_index(root.doc)
    head = ix.head[root.i]
    for i in (head, ix.head[head]):
        if ix.pos[i] == "PRON" and ix.lemma[i] in pronouns:
            found = entities_below_at(ix, i, ent_at, max_depth=2)
            if found:
                return actor_name(found[0])
    return None


def _share_owner(w: LinkWords, root: Token, ent_at: EntityIndex) -> str | None:
    """ "l'action Lumeral a gagné 4 %": the company whose share moves, named right after the
    share noun, whatever label the model gave a name it does not know (often a place)."""
    doc, ix = root.doc, token_index(root.doc)
    for subj in subjects_in(doc, ix, clause_head_at(ix, root.i)):
        if ix.lemma[subj] not in w.share_nouns and ix.lower[subj] not in w.share_nouns:
            continue
        nxt = subj + 1
        if nxt >= len(ix.head) or ix.head[nxt] != subj or not ix.text[nxt][:1].isupper():
            continue
        k = ent_at[nxt]
        if k >= 0 and ent_at.ents[k].start == nxt:
            return actor_name(ent_at.ents[k])
    return None


def traded_asset(w: LinkWords, root: Token, ent_at: EntityIndex) -> tuple[str, int] | None:
    """What a market quote or move is of, and the token naming it: the clause's subject when
    it is a commodity or a currency ("le colza a progressé de 0,8 %", "la monnaie unique
    cédait 0,6 %"), or the complement of a unit or a quote ("l'once d'or", "le baril de
    Brent", "le prix du porc")."""
    doc, ix = root.doc, token_index(root.doc)
    v = clause_head_at(ix, root.i)  # read off the index: no Token made per step
    carriers = w.asset_units | w.asset_quotes
    for subj in subjects_in(doc, ix, v):
        if subj > v:
            continue  # "face au dollar" after the verb is what it is quoted against
        found = _asset_at(w, ix, doc, subj, ent_at)
        if found is None and ix.lemma[subj] in carriers:
            for child in ix.children[subj]:
                if ix.dep[child] == "nmod" and child > subj:
                    found = _asset_at(w, ix, doc, child, ent_at)
                    if found is not None:
                        break
        if found is not None:
            return found
    return None


def sentence_asset(w: LinkWords, span: Span, ent_at: EntityIndex) -> str | None:
    """The commodity or currency another clause of the sentence is about, before the amount:
    "Les prix du blé ont reculé, où l'échéance de décembre a terminé à 205 euros", "Le maïs
    n'est guère mieux loti : la tonne s'est échangée à 198 euros". The last one named."""
    if _in_relative(span.root):
        return None  # "..., ce qui a fait retomber la marge à 8 %": a consequence, not a quote
    found: str | None = None
    carriers = w.asset_units | w.asset_quotes
    doc, ix = span.doc, token_index(span.doc)
    for i in range(ix.sent_start_of(span.start), span.start):
        if ix.dep[i] not in SUBJECT_DEPS:
            continue
        asset = _asset_at(w, ix, doc, i, ent_at)
        if asset is None and ix.lemma[i] in carriers:
            for child in ix.children[i]:
                if ix.dep[child] == "nmod" and child > i:
                    asset = _asset_at(w, ix, doc, child, ent_at) or asset
        found = asset[0] if asset is not None else found
    return found


def _in_relative(root: Token) -> bool:
    """Whether the amount's clause, or one it is the complement of, is a relative clause."""
    doc, ix = root.doc, token_index(root.doc)
    v = clause_head_at(ix, root.i)
    for _ in range(3):
        if ix.dep[v].startswith("acl") or any(
            ix.lower[s] in ("qui", "que") for s in subjects_in(doc, ix, v)
        ):
            return True
        if ix.dep[v] not in ("xcomp", "ccomp") or ix.head[v] == v:
            return False
        v = ix.head[v]
    return False


def _asset_at(
    w: LinkWords, ix: TokenIndex, doc: Doc, i: int, ent_at: EntityIndex
) -> tuple[str, int] | None:
    """The asset named at token ``i``: a listed word (with the word after it when the pair is
    listed: "livre sterling"), or a name under a carrier ("Brent")."""
    word_ = ix.lower[i]
    if i + 1 < len(ix.head):
        pair = f"{word_} {ix.lower[i + 1]}"
        if pair in w.traded_assets:
            return doc[i : i + 2].text, i
    if word_ in w.traded_assets or ix.lemma[i] in w.traded_assets:
        return ix.text[i], i
    k = ent_at[i]
    if k >= 0 and ix.pos[i] == "PROPN" and ix.lemma[ix.head[i]] in w.asset_units:
        return actor_name(ent_at.ents[k]), i
    return None

"""The verbs around a figure that say how it is measured: a verb putting a value on a thing
("estimé à"), a market verb moving a company's share, a reflexive or raising verb, and the
subject a parse lost before its verb."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from factex.components.links.modifiers import designates
from factex.components.sentences import written_sentence_start
from factex.components.syntax import SUBJECT_DEPS, subjects
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, word
from factex.resources import load

#: The token heading a metric and its text; (None, text) for a verb naming it, or nothing.
Found = tuple[Token | None, str | None]
NOTHING: Found = (None, None)


def reflexive(verb: Token) -> bool:
    ix = token_index(verb.doc)  # the children read off the index, no Token made
    return any(
        ix.dep[c].startswith("expl") and word(ix.text[c]) in ("se", "s'")
        for c in ix.children[verb.i]
    )


def raised(w: LinkWords, verb: Token) -> bool:
    """An infinitive whose subject is the object of the verb before it ("a vu son bénéfice
    grimper")."""
    ix = token_index(verb.doc)
    if any(ix.dep[c] in SUBJECT_DEPS for c in ix.children[verb.i]) or ix.head[verb.i] == verb.i:
        return False
    if verb.dep_ == "xcomp":
        return True
    return (
        verb.dep_ in ("advcl", "ccomp")
        and verb.morph.get("VerbForm", []) == ["Inf"]
        and verb.head.lemma_ in w.raising_verbs
    )


def stray_subject(verb: Token) -> list[Token]:
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


@cache
def _valuing_verbs(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "metrics")["valuation_verbs"])


def valuing_verbs(verb: Token) -> frozenset[str]:
    """The verbs that put a value on a thing ("estimé à", "évalué à")."""
    return _valuing_verbs(verb.doc.lang_ or "fr")


def is_participle(verb: Token) -> bool:
    return verb.morph.get("VerbForm", []) == ["Part"] or verb.lower_.endswith(
        ("é", "ée", "és", "ées")
    )


def valued(verb: Token) -> bool:
    """ "le marché, estimé à 9 milliards": the participle of a verb of valuing, whose subject
    (as the parse may read it) is the thing valued, not who values it."""
    # (the word list first: the participle reads the morphology, which makes a MorphAnalysis)
    return verb.lemma_.casefold() in valuing_verbs(verb) and is_participle(verb)


@cache
def _share_moves(lang: str) -> tuple[frozenset[str], str]:
    data = load(lang, "metrics")
    return frozenset(data["share_move_verbs"]), data["share_move_metric"]


def share_move(verb: Token) -> Found:
    """ "Ormel a grimpé de 4,8 %", "celle de Valdor cédait 3 %": a company's name moved by a
    verb of the market, with no metric written, is its share's move."""
    verbs, metric = _share_moves(verb.doc.lang_ or "fr")
    if verb.lemma_.casefold() not in verbs:
        return NOTHING
    subs = subjects(verb)
    # "la Bourse de Paris cède 0,8 %" moves a market, which has no share
    if subs and all(s.ent_type_ == "ORG" and not designates(s) for s in subs):
        return None, metric
    return NOTHING

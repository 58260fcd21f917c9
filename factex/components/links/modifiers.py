"""How far a metric runs past its head noun: the post-modifiers that say which measure it is.

"résultat opérationnel courant", "revenu moyen par abonné", "Ebitda après loyers", "recettes
hors pétrole", "charge de la dette", "taux moyen des crédits immobiliers", "prêt relais". The
run is bounded: it stops at a verb, a number, punctuation, a name (a subject or a place, "le
chiffre d'affaires de Renault"), a noun naming who the figure is about ("les ventes du
groupe") and a date.
"""

from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc, Token

from factex.components.extensions import MONEY, PERCENT
from factex.components.links.index_text import span_text
from factex.components.token_index import TokenIndex, token_index
from factex.normalize.link_words import LinkWords, fold, normalize_name, word
from factex.normalize.modifier_words import ModifierWords, modifier_words

#: At most this many tokens in a metric with its post-modifiers.
MAX_MODIFIED_WORDS = 9


def designates(noun: Token) -> bool:
    """A noun that names a body or a marketplace ("la Bourse de Madrid", "l'indice") or
    stands before a name ("son concurrent Valdor", "l'intersyndicale CFDT-FO"): who or where
    the figure is, not what it measures."""
    # "l'indice santé", "l'indice des loyers" name a measure with their own common words
    own = any(c.i > noun.i and c.is_lower and c.pos_ in ("NOUN", "ADJ") for c in noun.children)
    if fold(noun.lemma_) in modifier_words(noun.doc.lang_ or "fr").institutions and not own:
        return True
    return any(
        c.pos_ == "PROPN"
        and c.i == noun.i + 1
        and c.dep_ in ("nmod", "appos", "flat", "flat:name")
        and not any(g.dep_ == "case" for g in c.children)
        for c in noun.children
    )


def _plain_noun(w: LinkWords, mw: ModifierWords, tok: Token) -> bool:
    """A common noun that may close a metric: no name (but a metric's, "marge d'Ebitda"), no
    amount, no actor ("l'épicier", "le chimiste", "l'espagnol"), no date."""
    named = tok.ent_type_ or tok.is_title
    folded = fold(tok.text)
    return (
        tok.pos_ == "NOUN"
        and (not named or folded in w.metric_nouns)
        and not any(c.isdigit() for c in tok.text)
        and not any(c.dep_ == "nummod" for c in tok.children)  # "de 1 000 euros"
        # "des fonds propres" is a measure, however "fonds" may name a holder
        and (folded in w.metric_heads or folded not in mw.actors)
        and (folded in w.metric_heads or fold(tok.lemma_) not in mw.actors)
    )


def qualifier(w: LinkWords, mw: ModifierWords, tok: Token, last: int, end: int) -> bool:
    """An adjective or participle right at ``end`` that says which metric it is: "courant",
    "ajusté", "dilué", said of the phrase's last noun or after (``last``), not of an earlier
    one; not how big ("total") nor a predicate with its own complement ("compris entre 1,2
    et 1,4 milliard")."""
    if tok.i != end or tok.lower_ in w.not_qualifiers:
        return False
    # An adjective the parse could not place ("dep") is read where it is written.
    anchor = _adjective_anchor(tok)
    if not (last <= anchor < end) and not (tok.pos_ == "ADJ" and tok.dep_ == "dep"):
        return False
    if tok.pos_ == "ADJ":
        # ("fonds propres tangibles" may hang its last adjective as a complement, "nmod")
        ok_dep = tok.dep_ in ("amod", "acl", "dep", "nmod")
    elif tok.pos_ in ("VERB", "NOUN"):
        # The parse's tags are unsure ("ajusté" as infinitive, "progresse" as participle,
        # "consolidées" as noun): the written ending tells a past participle (for a noun
        # only the unambiguous "-é": "mardi" is no participle).
        endings = mw.participle_endings if tok.pos_ == "VERB" else mw.participle_endings[:4]
        ok_dep = tok.dep_ in ("amod", "acl", "compound", "flat", "appos", "nmod")
        ok_dep = ok_dep and tok.lower_.endswith(endings) and not _agent_after(w, tok)
    else:
        return False
    # A word with its own arguments or an amount under it is a predicate ("progresse de
    # 3 %"); a complement the parse hangs on it ("courant du groupe") is not its own.
    own = ("obl", "obj", "iobj", "case", "nsubj")  # "versées par les assureurs" too
    # (the metric's own noun hung on it is no argument: "le résultat courant" read as a
    # predicate whose subject is "résultat")
    args = [c for c in tok.children if not last <= c.i < tok.i]
    return (
        ok_dep
        and not any(c.dep_.startswith(own) for c in args)
        and not any(_number(c) for c in tok.children)
        and (tok.dep_ == "amod" or not _before_amount(tok))
        and not (_before_amount(tok) and _change_form(w, tok))
    )


def _change_form(w: LinkWords, tok: Token) -> bool:
    """A present form of a verb of change, whatever the tag ("le bénéfice progresse de
    7 %" read as an adjective): "progresse", "reculent" from "progresser", "reculer"."""
    return any(
        tok.lower_ in (verb[:-2] + "e", verb[:-2] + "ent")
        for verb in (*w.change_verbs, *w.measure_verbs)
        if verb.endswith("er")
    )


def _adjective_anchor(tok: Token) -> int:
    """Where an adjective hangs, through the adjectives after it that the parse hangs it on:
    in "fonds propres tangibles" the parse may put "propres" under "tangibles"."""
    head = tok
    while (
        head.pos_ == "ADJ"
        and head.dep_ == "amod"
        and head.head.pos_ == "ADJ"
        and head.head.i == head.i + 1
    ):
        head = head.head
    return head.head.i


def _measure(w: LinkWords, tok: Token) -> bool:
    """A noun that heads a listed metric itself ("dette", "prix", "fonds propres")."""
    return fold(tok.text) in w.metric_heads or fold(tok.lemma_) in w.metric_heads


def _one_agent(mw: ModifierWords, tok: Token) -> bool:
    """A singular noun naming one who acts ("du joaillier", "de l'épicière"): the figure's
    owner, where a plural ("des infirmières", "des ménages") is the population measured."""
    singular = "Plur" not in tok.morph.get("Number", []) and not tok.lower_.endswith(("s", "x"))
    return singular and tok.lower_.endswith(mw.agent_endings)


def in_amount(tok: Token) -> bool:
    """Whether ``tok`` is a word of an amount the money or percentage finders read."""
    return tok.i in amount_tokens(tok.doc)


# Per Doc, the indices of the tokens of its amounts, with the span groups they were read from
# and their sizes: the finders replace a group whole when they run again.
_amounts: weakref.WeakKeyDictionary[Doc, tuple[tuple[Any, ...], frozenset[int]]] = (
    weakref.WeakKeyDictionary()
)


def amount_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the tokens of the money and percentage spans of ``doc`` (iterating the
    groups makes a Span per amount: read once per Doc, not per question)."""
    money, percent = doc.spans.get(MONEY), doc.spans.get(PERCENT)
    sizes = (len(money or ()), len(percent or ()))
    cached = _amounts.get(doc)
    if cached is not None:
        (old_money, old_percent, old_sizes), tokens = cached
        if old_money is money and old_percent is percent and old_sizes == sizes:
            return tokens
    tokens = frozenset(
        i for group in (money, percent) if group for s in group for i in range(s.start, s.end)
    )
    _amounts[doc] = ((money, percent, sizes), tokens)
    return tokens


def _number(tok: Token) -> bool:
    return tok.pos_ == "NUM" or any(c.isdigit() for c in tok.text)


def _agent_after(w: LinkWords, tok: Token) -> bool:
    """Whether a preposition other than "de" follows: "l'amende infligée à Google" is a
    predicate with its own argument, not a qualifier."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "ADP" and word(nxt.text) not in w.genitive


def _before_amount(tok: Token) -> bool:
    """Whether a preposition and a number follow: "progresse de 6,5 %" is a verb, however
    the parse tags it."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].pos_ == "ADP" and _number(doc[tok.i + 2])


def modifiers_end(w: LinkWords, first: Token, end: int) -> int:
    """The end of the metric starting at ``first`` once its post-modifiers after ``end`` are
    taken: adjectives and participles, "par"/"après"/"hors" + bare noun, and a "de"
    complement with or without determiner ("charge de la dette")."""
    if not first.is_alpha:
        return end  # a unit ("%") names no metric to extend
    mw = modifier_words(first.doc.lang_ or "fr")
    ix = token_index(first.doc)
    limit = min(len(first.doc), first.i + MAX_MODIFIED_WORDS)
    last, bare = first.i, True
    while end < limit:
        if not _may_modify(w, mw, ix, first.i, end):
            break
        tok = first.doc[end]
        # After "de la dette" an adjective says which debt; after a bare "d'Ebitda" it
        # may say which margin ("marge d'Ebitda ajusté").
        if qualifier(w, mw, tok, first.i if bare else last, end):
            end += 1
            continue
        if _negated(w, mw, tok, end, limit):
            end += 2
            continue
        sent = _allocated(w, mw, tok, end, limit)
        if sent is not None:
            end = sent
            continue
        noun = _complement(w, mw, first, end, limit)
        noun = _joined(w, mw, first, end, limit) if noun is None else noun
        noun = _age_band(mw, first, end, limit) if noun is None else noun
        if noun is None:
            break
        bare = noun == end + 1
        last, end = noun, _word_end(first.doc, listed_end(w, first.doc[noun]))
    return end


def _may_modify(w: LinkWords, mw: ModifierWords, ix: TokenIndex, first: int, end: int) -> bool:
    """What the word at ``end`` needs for one of the readings of :func:`modifiers_end` (read
    off the index: most metrics end at the first word, which needs no Token then)."""
    lower, marker = ix.lower[end], word(ix.text[end])
    return (
        ix.pos[end] in ("ADJ", "VERB", "NOUN")  # a qualifier
        or lower in mw.negators
        or ix.lemma[end].casefold() in w.allocation_verbs
        or marker in mw.markers  # a complement
        or marker in w.genitive
        or lower in mw.joiners
        or first <= ix.head[end] < end  # a word joined
        or marker in mw.age_markers
    )


def _negated(w: LinkWords, mw: ModifierWords, tok: Token, end: int, limit: int) -> bool:
    """ "les produits non alimentaires": a negator and the adjective or participle after it,
    read where they are written (the parse may hang the second on an earlier noun)."""
    if tok.lower_ not in mw.negators or end + 1 >= limit:
        return False
    nxt = tok.doc[end + 1]
    own = ("obl", "obj", "iobj", "nsubj", "nummod")
    return (
        nxt.pos_ in ("ADJ", "VERB", "NOUN")
        and nxt.is_lower
        and nxt.is_alpha
        and nxt.lower_ not in w.not_qualifiers
        and not any(c.dep_.startswith(own) for c in nxt.children)
        and not _before_amount(nxt)
    )


def _allocated(w: LinkWords, mw: ModifierWords, tok: Token, end: int, limit: int) -> int | None:
    """The end of a participle sending the metric somewhere, right at ``end``: "les crédits
    consacrés à l'écologie" are a measure of their own (as "ceux alloués à la recherche")."""
    doc = tok.doc
    if (
        tok.i != end
        or tok.lemma_.casefold() not in w.allocation_verbs
        or not tok.lower_.endswith(mw.participle_endings[:4])
        or end + 2 >= limit
        or word(doc[end + 1].text) not in w.destinations
    ):
        return None
    k = end + 2
    while k < limit and doc[k].pos_ == "DET" and doc[k].lower_ not in mw.owner_determiners:
        k += 1
    if k >= limit or doc[k].pos_ != "NOUN" or not doc[k].is_lower or doc[k].head.i != tok.i:
        return None
    k += 1
    while k < limit and doc[k].pos_ == "ADJ" and doc[k].is_lower and doc[k].head.i == k - 1:
        k += 1  # "à la recherche publique"
    return k


def _age_band(mw: ModifierWords, head: Token, end: int, limit: int) -> int | None:
    """The index of the age noun closing a band right at ``end`` ("des 15-24 ans", "des 18 à
    25 ans"): the ages name the population measured, not an amount or a duration."""
    doc = head.doc
    if word(doc[end].text) not in mw.age_markers:
        return None
    k = end + 1
    while k < limit and (_number(doc[k]) or (k > end + 1 and doc[k].text in mw.age_joiners)):
        k += 1
    if k == end + 1 or k >= limit or doc[k].lower_ not in mw.age_nouns:
        return None
    return k if head.i <= doc[k].head.i < end and not in_amount(doc[k - 1]) else None


def _joined(w: LinkWords, mw: ModifierWords, head: Token, end: int, limit: int) -> int | None:
    """The index of a bare noun at ``end`` that is one with the metric: coordinated ("les
    prix des biens et services"), apposed ("assurance maladie", "prêt relais") or a code
    ("ratio CET1"); with a determiner, a case or an amount of its own it is something else
    ("les ventes et les marges", "les ventes mardi")."""
    doc = head.doc
    ix = token_index(doc)  # the checks on the index first: a Token only for a candidate
    k = end + 1 if ix.lower[end] in mw.joiners else end
    if k >= limit or not (head.i <= ix.head[k] < end) or k in amount_tokens(doc):
        return None
    tok = doc[k]
    # (a word the parse misfiled before it, inside the metric already, is none of these)
    if any(c.dep_ in ("det", "case", "nummod") and c.i >= end for c in tok.children):
        return None
    if k > end:  # the parse may tag the second noun an adjective ("parfums et cosmétiques")
        joined = tok.pos_ == "ADJ" and tok.is_lower and tok.lower_ not in w.not_qualifiers
        return k if tok.dep_ == "conj" and (joined or _plain_noun(w, mw, tok)) else None
    code = tok.is_upper and sum(c.isalpha() for c in tok.text) >= 2 and len(tok) <= 5
    # ("prêt relais" may come out as an adjective's "amod")
    apposed = tok.dep_ in ("nmod", "appos", "compound", "flat", "flat:name", "amod")
    plain = tok.is_lower and _plain_noun(w, mw, tok) and tok.lower_ not in mw.time_words
    plain = plain and not (_before_amount(tok) and _change_form(w, tok))  # "l'action chute de"
    # on the noun right before it ("assurance vie"), the head or a measure ("fonds propres
    # CET1"), not across a complement
    measured = tok.head.i in (head.i, k - 1) or _measure(w, tok.head)
    return k if apposed and measured and (code or plain) else None


def _word_end(doc: Doc, end: int) -> int:
    """Past the pieces of a hyphenated word the tokenizer split ("d'un deux-pièces"): a
    metric never ends inside a word."""
    while (
        end < len(doc)
        and not doc[end - 1].whitespace_
        and (doc[end].text.startswith("-") or doc[end - 1].text.endswith("-"))
    ):
        end += 1
    return end


def _complement(w: LinkWords, mw: ModifierWords, head: Token, end: int, limit: int) -> int | None:
    """The index of the noun of a complement starting at ``end`` ("par abonné", "hors
    pétrole", "de la dette"), or None."""
    doc, first = head.doc, head.i
    ix = token_index(doc)  # the checks on the index first: a Token only for a candidate
    marker = word(ix.text[end])
    if marker not in mw.markers and marker not in w.genitive:
        return None
    k = end + 1
    while marker in w.genitive and k < limit and ix.pos[k] == "DET":
        if ix.lower[k] in mw.owner_determiners:
            return None  # "de ses établissements": whose, not which
        if any(c.isdigit() for c in ix.text[k]):  # (as ``_number``: a DET is no NUM)
            return None  # "un prêt de 250 000 euros": the amount, read as determiners
        k += 1
    if k >= limit or not (first <= ix.head[k] < end):
        return None
    if not (_plain_noun(w, mw, doc[k]) or _bare_participle(mw, marker, doc[k], end)):
        return None
    if in_amount(doc[k]):
        return None  # "ses taux d'un demi-point": the amount, however the parse hangs it
    article = k > end + 1 or marker not in w.compound_markers  # "de l'", "du", "des"
    # "la consommation des ménages", "le tarif de l'électricité" say which measure; "les
    # ventes de l'épicier" says whose (an actor or a name stopped it already), and so does a
    # second complement ("le taux d'épargne des ménages").
    whose = _one_agent(mw, doc[k]) or any(word(t.text) in w.genitive for t in doc[first:end])
    if article and marker in w.genitive and not _measure(w, doc[k]) and whose:
        return None
    if marker in mw.markers and any(c.dep_ == "det" for c in doc[k].children):
        return None  # "par la banque", "après la crise": an agent or a time, no measure
    if marker in mw.place_markers and any(c.dep_ == "nmod" for c in doc[k].children):
        return None  # "au cadran de Plérin", "au sens du BIT": where or how, not which
    return k


def _bare_participle(mw: ModifierWords, marker: str, tok: Token, end: int) -> bool:
    """ "revenu moyen par abonné": a bare participle right after "par", "hors" is a noun
    however the parse tags it (a verb "abonner")."""
    return (
        marker in mw.markers
        and tok.i == end + 1
        and tok.pos_ in ("VERB", "ADJ")
        and tok.is_lower
        and tok.is_alpha
        and tok.lower_.endswith(mw.participle_endings[:4])
        and not any(c.dep_ in ("obj", "obl", "nsubj") for c in tok.children)
    )


def listed_end(w: LinkWords, noun: Token) -> int:
    """The end of the listed metric starting at ``noun``, or just past ``noun``."""
    if noun.lower_ not in w.metric_heads and noun.lemma_.casefold() not in w.metric_heads:
        return noun.i + 1
    doc = noun.doc
    ix = token_index(doc)
    end = noun.i + 1
    for k in range(noun.i + 1, min(len(doc), noun.i + MAX_MODIFIED_WORDS)):
        if ix.text[k].isspace() or ix.is_punct[k]:  # (``is_space`` is ``isspace``)
            break
        if fold(normalize_name(span_text(doc, noun.i, k + 1))) in w.metric_nouns:
            end = k + 1
    return end

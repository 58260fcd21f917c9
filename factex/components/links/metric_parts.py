"""Parts of the metric search that read one construction each: where allocated money goes,
what it buys, a verbless headline, a change after an amount, a figure in brackets or in
apposition, a participle on its noun, a unit and its product (the verbs: ``metric_verbs``)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from factex.components.links.metric_verbs import (
    NOTHING,
    Found,
    is_participle,
    raised,
    stray_subject,
    valuing_verbs,
)
from factex.components.links.modifiers import designates, in_amount
from factex.components.links.phrases import MAX_METRIC_WORDS, led, listed_phrase, noun_phrase
from factex.components.sentence_bounds import sent_of
from factex.components.sentences import written_sentence_start
from factex.components.syntax import SUBJECT_DEPS, genitive, has_case, subjects
from factex.components.token_index import TokenIndex, token_index
from factex.normalize.link_words import LinkWords, fold, normalize_name, word
from factex.normalize.modifier_words import modifier_words
from factex.resources import load


def destination(w: LinkWords, verb: Token, via: Token) -> Found:
    """ "a consacré 6,7 milliards à la recherche": where an allocated amount goes (the
    parse may hang it on the amount)."""
    for child in (*verb.children, *(c for c in via.children if c.i > via.i)):
        if (
            child.dep_.startswith(("obl", "nmod"))
            and child.pos_ == "NOUN"
            and has_case(child, w.destinations)
        ):
            return child, listed_phrase(w, child) or noun_phrase(w, child)
    return NOTHING


def goods(w: LinkWords, span: Span) -> Token | None:
    """The bare noun after "de" that the amount counts: "pour 1 000 milliards d'obligations"."""
    doc = span.doc
    ix = token_index(doc)  # read off the index: a Token only for the noun found
    i = span.end
    if i + 1 >= len(doc) or word(ix.text[i]) not in w.compound_markers:
        return None
    k = i + 1
    if ix.pos[k] != "NOUN" or not (span.start <= ix.head[k] < span.end):
        return None
    if fold(ix.text[k]) in w.bases or ix.lemma[k] in w.not_metrics:
        return None
    return doc[k]


def qualified_before(w: LinkWords, change: Token) -> Found:
    """ "Michelin : bénéfice net en hausse de 21 %": "en hausse" qualifies the metric written
    right before it, which a verbless headline leaves the parse no clause to find."""
    doc = change.doc
    case = change.i - 1
    if case < 1 or doc[case].head.i != change.i or word(doc[case].text) not in w.state_markers:
        return NOTHING
    first = max(written_sentence_start(change.sent), case - MAX_METRIC_WORDS)
    for start in range(case - 1, first - 1, -1):
        if doc[start].is_punct:
            break
        text = listed_phrase(w, doc[start])
        if text and fold(text) == fold(doc[start:case].text):
            return doc[start], text
    return NOTHING


def changed_amount(w: LinkWords, change: Token, dated: frozenset[int]) -> Token | None:
    """ "3,9 milliards de ventes, en hausse de 14 %", "... (MDH), soit une hausse de 4 %": the
    token heading the amount that a change set off by a comma right after it qualifies; the
    dates between (``dated``) are the amount's, no amount themselves."""
    doc = change.doc
    ix = token_index(doc)  # the words before read off the index: a Token only for the amount
    first = written_sentence_start(change.sent)
    i = change.i - 1
    while i > first and ix.text[i] != "," and _change_word(w, ix, i):
        i -= 1
    if i <= first or ix.text[i] != ",":
        return None
    for j in range(i - 1, max(first, i - _MAX_AFTER_AMOUNT) - 1, -1):
        if ix.pos[j] in ("VERB", "AUX") or ix.text[j] in (",", ";", ":", "«", "»"):
            return None
        if j not in dated and (ix.pos[j] == "NUM" or any(c.isdigit() for c in ix.text[j])):
            return doc[ix.head[j]] if ix.dep[j] == "nummod" and ix.head[j] > j else doc[j]
    return None


#: The words at most between an amount and the comma of the change after it.
_MAX_AFTER_AMOUNT = 8


def _change_word(w: LinkWords, ix: TokenIndex, i: int) -> bool:
    """A word of the change clause itself: "en", "soit une", "de"."""
    return ix.pos[i] in ("ADP", "DET", "ADV", "CCONJ") or word(ix.text[i]) in w.elision_markers


def bracketed(w: LinkWords, span: Span) -> Found:
    """ "le prix des légumes frais (-3,7 %)", "le gaz naturel (+17,5 %)": a figure in brackets
    right after a noun phrase is that phrase's; a name before it ("devant Mobilys (26 %)")
    is whose, not what."""
    doc = span.doc
    texts = token_index(doc).text
    start = span.start - 1
    if start < 1 or span.end >= len(doc) or texts[start] != "(" or texts[span.end] != ")":
        return NOTHING
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in doc[max(0, start - 3) : start]):
        return NOTHING  # "412 milliards de FCFA (628 millions d'euros)": the same amount
    top = doc[start - 1]
    if top.pos_ == "ADJ" and top.head.i < top.i:
        top = top.head  # "frais", "naturel"
    if top.pos_ != "NOUN" or top.ent_type_ or top.is_title or top.lemma_ in w.not_metrics:
        return NOTHING
    if any(c.dep_ == "nummod" for c in (*top.children, *top.head.children)):
        return NOTHING  # the unit of another amount
    # Up through the complements of a measure: "prix des légumes", not "l'effet du gaz".
    while (
        top.dep_ == "nmod"
        and top.head.i < top.i
        and start - top.head.i <= MAX_METRIC_WORDS
        and listed_phrase(w, top.head)
    ):
        top = top.head
    if any(t.is_punct for t in doc[top.i : start]):
        return NOTHING
    return top, normalize_name(doc[top.i : start].text)


def apposed(w: LinkWords, span: Span) -> Found:
    """ "L'enveloppe, de 20 à 25 milliards, sera versée", "la génération de trésorerie, à
    705 millions, dépasse": an amount set off by a comma right after a metric noun (with the
    "à" of a level) is that noun's apposition, whatever the parse made of it."""
    found = bracketed(w, span)
    if found[0] is not None:
        return found
    doc = span.doc
    ix = token_index(doc)  # read off the index: a Token only for the noun before the comma
    comma = span.start - 1
    if comma >= 1 and word(ix.text[comma]) in w.level_markers:
        comma -= 1
    if comma >= 1 and ix.text[comma] == "," and ix.pos[comma - 1] == "NOUN":
        noun = doc[comma - 1]
        if sent_of(noun).start == sent_of(span).start:
            text = listed_phrase(w, noun)
            whole = led(w, noun, text) if text else None
            top = noun if whole == text else noun.head
            # ("Sans aide de trésorerie, 10 % des exploitations": a complement, no apposition)
            if whole and not any(c.dep_ == "case" and c.i < top.i for c in top.children):
                return noun, whole
    return NOTHING


def owner_metric(w: LinkWords, noun: Token, exclude: Token) -> Found:
    """The metric named inside a change noun: "la hausse du chiffre d'affaires de 58 %"."""
    for child in noun.children:
        if child.i != exclude.i and child.dep_ == "nmod" and listed_phrase(w, child):
            return child, listed_phrase(w, child)
    return NOTHING


def participle_noun(w: LinkWords, verb: Token) -> Found:
    """The metric a participle on a noun says something of: the noun, or what the change
    it names is of ("la baisse de l'inflation, tombée à")."""
    noun = verb.head
    if noun.lemma_ in w.change_nouns or noun.lower_ in w.change_nouns:
        return owner_metric(w, noun, exclude=verb)
    text = listed_phrase(w, noun)
    if text:
        return noun, text
    # "le marché des pompes, estimé à 1,3 milliard": a verb that values or sets an amount
    # says it of its noun, listed or not
    # (a participle, not a finite verb the parse hung on a noun: "premier poste de dépenses,
    # atteindra")
    lemma = verb.lemma_.casefold()
    valuing = lemma in w.measure_verbs or lemma in w.level_verbs or lemma in valuing_verbs(verb)
    if not (valuing and is_participle(verb) and measured_noun(w, noun, valued=True)):
        return NOTHING
    return noun, normalize_name(noun.doc[word_start(noun) : noun.i].text + noun_phrase(w, noun))


def unit_of(w: LinkWords, unit: Token, verb: Token) -> Found:
    """ "le litre de gazole", "le kilo de riz brisé ordinaire": a unit priced is the metric
    with what it is a unit of, read as written up to the verb (the parse may hang the
    product's words anywhere); nothing without it."""
    doc = unit.doc
    k = unit.i + 1
    if k + 1 >= len(doc) or word(doc[k].text) not in w.compound_markers:
        # "les 100 litres se négociaient à": the quantity quoted, with its count
        count = next((c for c in unit.children if c.dep_ == "nummod" and c.i < unit.i), None)
        return (unit, doc[count.i : unit.i + 1].text) if count is not None else NOTHING
    end = k + 1
    if not (doc[end].is_lower and doc[end].is_alpha and doc[end].head.i == unit.i):
        return NOTHING  # "la tonne de l'échéance de mars", a name: no product
    end += 1
    limit = min(len(doc), unit.i + MAX_METRIC_WORDS)
    while end < limit and end != verb.i:
        if word(doc[end].text) in w.compound_markers and _product_word(doc, end + 1, unit, verb):
            end += 2  # "le litre d'huile de palme"
        elif _product_word(doc, end, unit, verb):
            end += 1
        else:
            break
    return unit, normalize_name(doc[unit.i : end].text)


def _product_word(doc: Doc, i: int, unit: Token, verb: Token) -> bool:
    """A lowercase word of the product a unit is of, no verb of the clause."""
    if i >= len(doc) or i == verb.i:
        return False
    tok = doc[i]
    return (
        tok.is_lower
        and tok.is_alpha
        and tok.pos_ in ("ADJ", "NOUN", "VERB")
        and tok.head.i >= unit.i
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def word_start(tok: Token) -> int:
    """The first token of the hyphenated word ``tok`` ends ("plus-value" split as "plus",
    "-", "value"): a metric never starts inside a word."""
    doc, i = tok.doc, tok.i
    while (
        i > 0
        and not doc[i - 1].whitespace_
        and (doc[i].text.startswith("-") or doc[i - 1].text.endswith("-"))
    ):
        i -= 1
    return i


def demonstratives(token: Token) -> frozenset[str]:
    """The pronouns standing for a noun already written ("celle de Norhotels")."""
    return _demonstratives(token.doc.lang_ or "fr")


@cache
def _demonstratives(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "metrics")["demonstrative_pronouns"])


def relative_antecedent(w: LinkWords, verb: Token, subs: list[Token]) -> Token | None:
    """The noun a relative clause "qui ..." stands for: its head, or, when the parse hangs
    the clause on a verb, the noun written right before ", qui" ("reprendra sa dette nette,
    qui s'élève à 730 millions")."""
    if verb.dep_ != "acl:relcl":
        return None
    if verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    rel = next((s for s in subs if s.lower_ in w.relative_subjects), None)
    if rel is None or rel.i < 2:
        return None
    doc = verb.doc
    k = rel.i - 1 if doc[rel.i - 1].text != "," else rel.i - 2
    noun = doc[k]
    if noun.pos_ == "ADJ" and noun.head.i < noun.i:
        noun = noun.head  # "sa dette nette"
    return noun if noun.pos_ == "NOUN" else None


def measured_noun(w: LinkWords, noun: Token, valued: bool = False) -> bool:
    """A common noun that can be what a figure measures, though off the list ("le bilan"):
    no name, actor, body or amount; a noun ``valued`` ("estimé à") may be an actor's word
    with words of its own ("le marché européen des pompes, estimé à")."""
    return (
        noun.pos_ == "NOUN"
        and noun.is_lower
        and not noun.ent_type_
        and not designates(noun)
        and noun.lemma_ not in w.designators
        and noun.lemma_ not in w.not_metrics
        and _no_actor(noun, valued)
        and not any(c.dep_ == "nummod" for c in noun.children)
    )


def _no_actor(noun: Token, valued: bool) -> bool:
    """Not a noun naming who a figure is about or who reports it ("les analystes"); valued,
    one of those with words of its own saying which is a measure ("le marché mondial des
    montres, évalué à")."""
    if fold(noun.text) not in modifier_words(noun.doc.lang_ or "fr").actors:
        return True
    return valued and any(
        c.i > noun.i and c.is_lower and c.pos_ in ("NOUN", "ADJ") for c in noun.children
    )


def measured_subjects(w: LinkWords, verb: Token, unlisted: bool) -> list[Token]:
    """The subjects a verb gives its amount to, as ``subject_metric`` weighs them."""
    found_subjects: list[Token] = []
    if raised(w, verb):
        # "a vu son bénéfice net reculer de 17 %": the object of "voir", "laisser", "faire"
        # is the subject of the infinitive after it (which the parse may file as xcomp or
        # as advcl: "a vu son bénéfice net s'envoler").
        found_subjects = [c for c in verb.head.children if c.dep_ == "obj" and c.i < verb.i]
    found_subjects = found_subjects or subjects(verb)
    antecedent = relative_antecedent(w, verb, found_subjects)
    if (
        unlisted  # a verb of measure or change
        and antecedent is not None
        and (
            listed_phrase(w, antecedent)
            or antecedent.lower_ in w.share_nouns
            or measured_noun(w, antecedent)
        )
    ):
        # "l'action Vérancourt, qui a perdu 17 %": the relative stands for a measure
        found_subjects = [
            antecedent if s.lower_ in w.relative_subjects else s for s in found_subjects
        ]
    if not found_subjects and unlisted and verb.pos_ == "VERB":
        found_subjects = stray_subject(verb)
    return found_subjects


def weak(w: LinkWords, found: Found) -> bool:
    """Whether a percentage's metric is nothing, or only the unlisted subject of a verb that
    measures nothing ("les actionnaires, qui contrôlent 46 % du capital")."""
    token, text = found
    if text is None:
        return True
    if token is None or token.dep_ not in SUBJECT_DEPS or listed_phrase(w, token):
        return False
    lemma = token.head.lemma_.casefold()
    return lemma not in w.measure_verbs and lemma not in w.change_verbs


def share_whole(w: LinkWords, span: Span, root: Token) -> Found:
    """ "46 % du capital", "10 % des exploitations": the whole a share is taken of, when
    nothing else says what the percentage measures (a base such as the capital included)."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or word(doc[i].text) not in w.genitive:
        return NOTHING
    i += 1
    while i < len(doc) and doc[i].pos_ == "DET" and not doc[i].like_num:
        i += 1
    if i >= len(doc):
        return NOTHING
    noun = doc[i]
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.head.i != root.i or in_amount(noun):
        return NOTHING
    return noun, listed_phrase(w, noun) or noun_phrase(w, noun)


def screened(w: LinkWords, found: Found) -> Found:
    """Nothing rather than a word that measures nothing: a unit ("%"), a name written with
    a capital ("le Haut Conseil", "la Bourse") unless it is a listed metric ("Ebitda")."""
    token, text = found
    if text is None or not any(c.isalpha() for c in text):
        return NOTHING if text is not None else found
    if token is None or fold(text) in w.metric_nouns:
        return found
    if fold(text) in modifier_words(token.doc.lang_ or "fr").currencies:
        return NOTHING  # "à 0,94 franc pour un euro, en baisse de 0,2 %": the franc moves

    head = token.lower_ in w.metric_heads or token.lemma_.casefold() in w.metric_heads
    start = token.i == sent_of(token).start or token.doc[token.i - 1].is_sent_start
    if token.is_title and not head and not start and token.ent_type_ != "MISC":
        return NOTHING
    return found


def adjective_of_metric(w: LinkWords, adj: Token, token: Token) -> bool:
    """Whether ``adj`` is an adjective of a listed metric right before it that an amount's
    "de" complement was hung on."""
    if adj.pos_ != "ADJ" or adj.dep_ != "amod" or token.dep_ != "nmod":
        return False
    noun = adj.head
    return noun.pos_ == "NOUN" and noun.i == adj.i - 1 and listed_phrase(w, noun) is not None


def complement_metric(w: LinkWords, noun: Token, exclude: Token) -> Found:
    """The "de" complement of a carrier noun, before the amount: "le montant des aides"."""
    for child in noun.children:
        if (
            child.i < exclude.i
            and child.dep_ == "nmod"
            and child.pos_ == "NOUN"
            and genitive(child, w.genitive)
            and not any(c.dep_ == "nummod" for c in child.children)  # another amount
        ):
            # Off the list it may be anything ("l'objectif d'un retour des déficits").
            text = listed_phrase(w, child)
            return (child, text) if text else NOTHING
    return NOTHING

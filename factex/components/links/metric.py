"""What an amount measures: the metric noun phrase, found through the parse.

The noun the amount complements ("un bénéfice net de"), the subject of a verb of measure or
change, listed or not ("le tarif passe de", "le marché a reculé de"), the object of a verb of
action ("a réalisé un chiffre d'affaires de"), the verb itself ("a levé" is a levée de fonds),
what the money buys ("pour 500 milliards de yens d'obligations") or where it goes ("a consacré
6,7 milliards à la recherche"). ``dated`` holds the tokens of dates: the parse may file "cette
année" or "jeudi" as an object, which is no metric.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factex.components.links.metric_parts import (
    adjective_of_metric,
    changed_amount,
    complement_metric,
    demonstratives,
    destination,
    goods,
    measured_subjects,
    owner_metric,
    participle_noun,
    qualified_before,
    screened,
    share_whole,
    unit_of,
    weak,
)
from factex.components.links.metric_verbs import NOTHING, Found, reflexive, share_move, valued
from factex.components.links.modifiers import designates, in_amount
from factex.components.links.phrases import (
    enclosing,
    forget_phrases,
    is_compound,
    led,
    listed_phrase,
    noun_phrase,
    open_phrase,
    remember_phrases,
    wider_phrase,
)
from factex.components.syntax import (
    CLAUSE_DEPS,
    SUBJECT_DEPS,
    clause_head,
    has_case,
    subjects,
)
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, fold


def find_metric(
    w: LinkWords, span: Span, root: Token, is_percent: bool, dated: frozenset[int]
) -> Found:
    """The token heading the measured noun phrase and its text, or (None, None)."""
    remembered = remember_phrases(span.doc)
    try:
        found = screened(w, _find_metric(w, span, root, is_percent, dated))
        if is_percent and weak(w, found):
            whole = share_whole(w, span, root)
            if whole[0] is not None:
                return whole
        return found
    finally:
        forget_phrases(remembered)


def _find_metric(
    w: LinkWords, span: Span, root: Token, is_percent: bool, dated: frozenset[int]
) -> Found:
    # The amount's children read off the index: a Token only for the ones asked about.
    doc = span.doc
    ix = token_index(doc)
    kids = ix.children[root.i]
    # "une baisse de 3 % de son chiffre d'affaires": the amount's own complement, unless it
    # is what a percentage is taken of ("5 % du PIB").
    heads = w.metric_heads  # (``listed_phrase`` reads nothing else off a word not heading one)
    for k in kids:
        listed = ix.lower[k] in heads or ix.lemma[k].casefold() in heads
        if ix.dep[k] == "nmod" and k > root.i and listed:
            child = doc[k]
            text = listed_phrase(w, child)
            if text and fold(text) not in w.bases:
                return child, text
    # "pour 500 milliards de yens d'obligations": what the money buys, a bare noun after "de"
    # hanging on the amount (a determiner would make it an owner or a base: "5 % du PIB").
    bought = goods(w, span)
    if bought is not None:
        return bought, listed_phrase(w, bought) or noun_phrase(w, bought)
    # "dont 78,5 millions consacrés aux investissements": where an amount is sent by a
    # participle on it
    for k in kids:
        if ix.dep[k] == "acl" and ix.lemma[k].casefold() in w.allocation_verbs:
            child = doc[k]
            found = destination(w, child, child)
            if found[0] is not None:
                return found
    # A predicate amount: "la croissance a été de 0,9 %".
    if (
        ix.head[root.i] == root.i
        or ix.dep[root.i] in CLAUSE_DEPS
        or "cop" in map(ix.dep.__getitem__, kids)
    ):
        found = subject_metric(w, root, unlisted=True)
        if found[0] is not None:
            return found
    return climb(w, root, is_percent, dated)


def climb(w: LinkWords, root: Token, is_percent: bool, dated: frozenset[int]) -> Found:
    """The metric up the parse from the amount's head token: the noun or verb it hangs on."""
    token = root
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        # A noun may come out as "acl" of the noun before it ("un résultat net record de").
        attached = token.dep_ in ("nmod", "appos", "nummod") or (
            token.dep_ == "acl" and token.pos_ == "NOUN"
        )
        if head.pos_ in ("NOUN", "PROPN") and attached:
            found, climb = _metric_at_noun(w, head, token, dated)
            if not climb:
                return found
        elif adjective_of_metric(w, head, token):
            # "ses taux directeurs de 25 points de base": the parse hangs the amount on the
            # adjective of the metric it measures
            found, climb = _metric_at_noun(w, head.head, token, dated)
            if not climb and found[0] is not None:
                return found
        elif (
            head.pos_ == "ADJ"
            and head.dep_ != "ROOT"  # a root adjective is a misread verb ("tempère")
            and any(c.dep_ in SUBJECT_DEPS for c in head.children)
        ):
            # "l'épargne, toujours proche de 18 %": an adjective with a subject of its own
            found = subject_metric(w, head, unlisted=True)
            if found[0] is not None and found[0].head.i == head.i:
                return found
        elif head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            return verb_metric(w, head, token, is_percent, dated)
        token = head
    return NOTHING


def _metric_at_noun(
    w: LinkWords, head: Token, token: Token, dated: frozenset[int]
) -> tuple[Found, bool]:
    """The metric at the noun ``token`` hangs on, and whether to climb on past that noun."""
    if token.dep_ == "appos" and any(c.dep_ == "nummod" for c in head.children):
        # "410 milliards de FCFA (625 millions d'euros)": the same amount converted.
        return amount_metric(w, head, dated), False
    lemma = head.lemma_.casefold()
    if lemma in w.transparent or head.lower_ in w.transparent:
        # "le montant des aides atteint ...": the carrier's own complement.
        found = complement_metric(w, head, exclude=token)
        return found, found[0] is None
    if lemma in w.change_nouns or head.lower_ in w.change_nouns:
        own = listed_phrase(w, head)  # "une augmentation de capital de 600 millions"
        if own and " " in own:
            return (head, own), False
        found = owner_metric(w, head, exclude=token)
        if found[0] is None:
            found = qualified_before(w, head)
        amount = changed_amount(w, head, dated) if found[0] is None else None
        if amount is not None:
            found = amount_metric(w, amount, dated)
        if found[0] is None:
            found = verb_metric(w, clause_head(head), head, True, dated)
        if found[0] is None and head.lower_ in w.metric_nouns:
            found = (head, listed_phrase(w, head) or head.lower_)  # "croissance organique"
        return found, False
    text = listed_phrase(w, head)
    if text:
        return enclosing(w, head) or (head, wider_phrase(w, head) or led(w, head, text)), False
    wide = wider_phrase(w, head)  # "résultat net part du groupe de 684 millions"
    if wide:
        return (head, wide), False
    # "a porté sa participation dans Lagardère à 28,5 %", the level read as the
    # object's complement.
    if (
        head.dep_ in ("obj", "nsubj:pass")
        and head.head.lemma_ in w.level_verbs
        and has_case(token, w.level_markers)
    ):
        found = set_level(w, head.head, token, dated)
        if found[0] is not None:
            return found, False
    # Off the list, the parse names the metric only for "un contrat de 3 millions".
    if lemma in w.not_metrics or head.lower_ in w.not_metrics:
        return NOTHING, True
    if head.i < token.i and any(c.lower_ in w.genitive for c in token.children):
        return (head, led(w, head, noun_phrase(w, head))), False
    return NOTHING, False


def verb_metric(
    w: LinkWords, verb: Token, via: Token, is_percent: bool, dated: frozenset[int]
) -> Found:
    """The metric of an amount hanging on a verb: its subject, its object, or the verb's own."""
    lemma = verb.lemma_.casefold()
    # "le litre se vendait 1,74 euro", "les titres s'échangeaient à": a reflexive verb of
    # trade prices its subject, it names no action of its own
    measure = lemma in w.measure_verbs or lemma in w.change_verbs
    measure = measure or (not is_percent and reflexive(verb)) or valued(verb)
    # (the parse may read the amount as the agent: "évalué à 50 milliards")
    if verb.dep_ == "acl" and all(in_amount(s) for s in subjects(verb)):
        # "la baisse de l'inflation, tombée à 0,9 %": a participle's subject is its noun
        found = participle_noun(w, verb)
        if found[0] is not None:
            return found
    # (the amount itself is allocated: in "chaque baisse de 10 centimes ajoute 15 millions
    # au résultat" the change of 10 centimes is not)
    allocated = via.dep_ in ("nsubj", "obj", "nsubj:pass") and in_amount(via)
    if lemma in w.allocation_verbs and allocated:
        found = destination(w, verb, via)
        if found[0] is not None:
            return found
    if lemma in w.level_verbs and via.dep_ not in ("obj", "nsubj", "nsubj:pass"):
        found = set_level(w, verb, via, dated)
        if found[0] is not None:
            return found
    # "Le billet coûte 17 €": a verb of measure gives the amount to its subject first; an
    # action ("a levé", "a investi") names the metric itself, but not when the amount is
    # the level a move led to ("Pétrovalle a cédé 2 %, à 57 euros" is no sale).
    named = lemma in w.metric_verbs and not is_percent and not has_case(via, w.level_markers)
    if named and not measure:
        return None, w.metric_verbs[lemma]
    found = subject_metric(w, verb, unlisted=measure)
    if found[0] is None:
        found = _parallel_metric(w, verb)
    if found[0] is None and found[1] is None and is_percent:
        found = share_move(verb)
    if found[0] is not None or found[1] is not None:
        return found
    if named:
        return None, w.metric_verbs[lemma]
    return _object_metric(w, verb, via)


def _object_metric(w: LinkWords, verb: Token, via: Token) -> Found:
    """The metric a verb names in its object, in the noun its participle hangs on, or itself
    when verbless (the last resort of :func:`verb_metric`)."""
    # "a réalisé un chiffre d'affaires de ..." is caught above; "a dégagé, en 2017, un
    # bénéfice net" puts the metric as object.
    ix = token_index(verb.doc)  # a Token only for the objects
    for child in (verb.doc[k] for k in ix.children[verb.i] if ix.dep[k] == "obj"):
        if child.dep_ == "obj" and child.i != via.i and listed_phrase(w, child):
            return child, listed_phrase(w, child)
        # "a relevé sa prévision de croissance à 5 %"
        if child.dep_ == "obj" and child.lemma_ in w.transparent:
            for grand in child.children:
                if grand.dep_ == "nmod" and listed_phrase(w, grand):
                    return grand, listed_phrase(w, grand)
    # A participle on a noun: "sa marge, attendue à 13 %".
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        noun = verb.head
        if noun.lemma_ in w.transparent:
            noun = next(
                (c for c in noun.children if c.dep_ == "nmod" and listed_phrase(w, c)), noun
            )
        if listed_phrase(w, noun):
            return noun, listed_phrase(w, noun)
    if verb.pos_ == "NOUN" and listed_phrase(w, verb):  # verbless: "Chiffre d'affaires : 3 M€"
        return verb, listed_phrase(w, verb)
    return NOTHING


def subject_metric(w: LinkWords, verb: Token, unlisted: bool = False) -> Found:
    """The metric a verb gives the amount to: its subject (listed, or any noun if ``unlisted``)."""
    found_subjects = measured_subjects(w, verb, unlisted)
    for subj in found_subjects:
        text = listed_phrase(w, subj)
        if text:
            return subj, text
        if subj.lower_ in w.share_nouns and subj.pos_ == "NOUN":
            return subj, subj.lower_  # "l'action a cédé 3 %": the share moves
        # "la hausse des prix a ralenti à 4 %": the metric is what changes.
        if subj.lemma_ in w.change_nouns:
            found = owner_metric(w, subj, exclude=subj)
            if found[0] is not None:
                return found
    # "Le marché automobile a reculé de 11 %", "le tarif passe à 9 €": whatever common noun
    # a verb of measure gives the amount to is what it measures.
    if unlisted:
        for subj in found_subjects:
            opened = open_phrase(w, subj)  # "la part des énergies renouvelables"
            if opened:
                return subj, opened
            if subj.lemma_ in w.asset_units or subj.lower_ in w.asset_units:
                unit = unit_of(w, subj, verb)  # "le litre de gazole coûte 1,80 euro"
                if unit[0] is not None:
                    return unit
                continue  # "la tonne s'échangeait à 198 euros": a unit alone measures nothing
            if any(c.dep_ == "nummod" for c in subj.children):
                continue  # the amount itself ("92 % des bureaux restent ouverts")
            if subj.lemma_ in w.transparent and not is_compound(w, subj):
                # "le montant des indemnités dépasse" (but "le niveau de vie a reculé")
                found = complement_metric(w, subj, exclude=verb)
                if found[0] is not None:
                    return found
                continue
            if (
                subj.pos_ == "NOUN"
                # A lowercase common noun is no name even if the model says so ("le
                # ticket de métro" read as an ORG).
                and (subj.ent_type_ not in ("ORG", "PER") or subj.is_lower)
                and not designates(subj)
                and subj.lemma_ not in w.designators
                and subj.lemma_ not in w.not_metrics
                and subj.lemma_ not in w.change_nouns
                and subj.dep_ != "obl:agent"
            ):
                return subj, noun_phrase(w, subj)
    # Not in the list but built like one: "la fortune de Bernard Arnault a augmenté de ...".
    for subj in found_subjects:
        if (
            subj.pos_ == "NOUN"
            and subj.lemma_ not in w.designators
            and subj.dep_ != "obl:agent"
            and not designates(subj)
        ):
            owned = [c for c in subj.children if c.dep_ == "nmod" and c.ent_type_ in ("ORG", "PER")]
            if owned:
                return subj, noun_phrase(w, subj)
    return NOTHING


def set_level(w: LinkWords, verb: Token, via: Token, dated: frozenset[int]) -> Found:
    """ "a porté sa participation dans Lagardère à 28,5 %", "le Smic sera revalorisé à
    1 800 euros": what a verb of setting moves is its object, or its passive subject."""
    ix = token_index(verb.doc)  # a Token only for the children of the dependency
    for dep in ("obj", "nsubj:pass"):
        for child in (verb.doc[k] for k in ix.children[verb.i] if ix.dep[k] == dep):
            if (
                child.dep_ != dep
                or child.i == via.i
                or child.pos_ not in ("NOUN", "PROPN")
                or child.ent_type_ in ("ORG", "PER", "LOC")
                or child.i in dated
                or in_amount(child)  # "fixé à 46,28 %", the "%" read as the object
                # another amount (not a count in words: "ses trois taux directeurs")
                or any(c.dep_ == "nummod" and not c.is_alpha for c in child.children)
            ):
                continue
            if child.lemma_ in w.transparent:
                # "a relevé sa prévision de croissance à 5 %"
                found = complement_metric(w, child, exclude=via)
                if found[0] is not None:
                    return found
                continue
            if child.pos_ == "PROPN" and not any(c.dep_ == "det" for c in child.children):
                continue  # a bare name is who is moved, not what
            text = listed_phrase(w, child) or open_phrase(w, child)
            return child, text or noun_phrase(w, child)
    return NOTHING


def amount_metric(w: LinkWords, amount: Token, dated: frozenset[int]) -> Found:
    """The metric of another amount, from the token heading it: its listed complement ("3,9
    milliards de ventes") or what it hangs on ("le chiffre d'affaires atteint 2 milliards")."""
    for child in amount.children:
        text = listed_phrase(w, child) if child.dep_ == "nmod" and child.i > amount.i else None
        if text and fold(text) not in w.bases:
            return child, text
    return climb(w, amount, False, dated)


def _parallel_metric(w: LinkWords, verb: Token) -> Found:
    """ "les ventes ont bondi de 13 %, tandis que la Chine a reculé de 6 %": a change whose
    subject is only a name (a place, a company) measures what the clause it contrasts
    with measures."""
    # "celle de Norhotels cédait 3,3 %" stands for the noun of the clause before
    subs = subjects(verb)
    if not subs or any(
        s.pos_ != "PROPN" and not s.ent_type_ and s.lower_ not in demonstratives(verb) for s in subs
    ):
        return NOTHING
    if verb.dep_ not in ("advcl", "conj", "parataxis") or verb.head.pos_ != "VERB":
        return NOTHING
    # "l'enseigne a vu son activité reculer de 5,9 %": the raised subject of the infinitive
    for other in (verb.head, *(c for c in verb.head.children if c.dep_ == "xcomp")):
        found = subject_metric(w, other)
        if found[0] is not None and (
            listed_phrase(w, found[0]) or found[0].lower_ in w.share_nouns
        ):
            return found
    return NOTHING

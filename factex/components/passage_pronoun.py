"""A demonstrative pronoun standing for the metric named just before, with words of its own.

"Les prix de l'énergie ont bondi de 9 %, tandis que ceux des services progressent de 2,4 %":
``ceux`` stands for the head of the metric before ("prix") and its complement replaces the
one of that metric: "prix des services". So "le taux de chômage des hommes … celui des
femmes" is "taux de chômage des femmes", "les crédits consacrés à la culture …, ceux alloués
à la recherche" is "crédits alloués à la recherche". The head of a metric is its longest
start on the metric list ("taux de chômage" of "taux de chômage des hommes", "prix" of "prix
de l'énergie").

The pronoun stands for the whole metric when it has no words of its own ("celui-ci",
"celui qui était attendu") or when they name whose or when the figure is, not which measure
("celle de Brunelle", "celui de l'an dernier"). What it stands for is the nearest metric
noun written before it in its sentence, else the metric of the figure before
(:class:`factex.components.passage_metric.MetricFocus` decides which is near enough); a noun
of the other gender is not it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from factex import resources
from factex.components.extensions import DATES
from factex.components.links.metric_parts import measured_noun
from factex.components.links.phrases import listed_phrase
from factex.components.syntax import ancestors, clause_head, subjects
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, fold, normalize_name, word
from factex.normalize.modifier_words import modifier_words

#: Words of its own longer than this are not a pronoun's complement but a misread clause.
MAX_OWN_WORDS = 8

#: Parts of speech that cannot end a pronoun's words ("ceux de l'aide sociale de 16 %").
_DANGLING = frozenset({"DET", "ADP", "CCONJ", "PUNCT"})


@dataclass(frozen=True)
class Pronoun:
    """A demonstrative pronoun a figure is measured for, and what it says of the measure."""

    token: Token
    gender: str
    number: str
    own: Span | None  # "des services", "alloués à la recherche"; None for "celui-ci"
    other_owner: bool  # its words name an actor, a place or a time ("celle de Brunelle")


@cache
def _forms(lang: str) -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    data = resources.load(lang, "focus")
    forms = {k: (v[0], v[1]) for k, v in data["demonstratives"].items()}
    return forms, frozenset(data["pronoun_entities"])


def owning_pronoun(w: LinkWords, span: Span, root: Token, after: int) -> Pronoun | None:
    """The demonstrative pronoun whose clause gives the figure, written after token ``after``
    (the figure before) in the figure's sentence: the subject of the figure's clause ("ceux
    des services progressent de 2 %") or a word the figure hangs on below that clause ("et
    celles de la défense de 12 %"); only the nearest pronoun is looked at."""
    doc = span.doc
    forms, labels = _forms(doc.lang_ or "fr")
    ix = token_index(doc)
    lo = max(ix.sent_start_of(span.start), after)
    lower = ix.lower  # the words before read on the index: a Token only for the one found
    at = next((i for i in range(span.start - 1, lo - 1, -1) if lower[i] in forms), None)
    if at is None:
        return None
    near = doc[at]
    verb = clause_head(root)
    path = []  # the heads between the figure and its clause's verb
    for head in ancestors(root):
        if head.i == verb.i:
            break
        path.append(head.i)
    subs = [verb.head if s.lower_ in w.relative_subjects else s for s in subjects(verb)]
    if near.i not in path and all(s.i != near.i for s in subs) and not _gapped(near, span):
        return None
    gender, number = forms[near.lower_]
    # the clause's verb, not a participle of the pronoun's, ends its words however it is tagged
    ends = near.i < verb.i < span.start and verb.head.i != near.i
    own = own_words(w, near, verb.i if ends else span.start)
    return Pronoun(near, gender, number, own, own is not None and _other_owner(own, labels))


def _gapped(pronoun: Token, span: Span) -> bool:
    """ "et celui du plan d'épargne à 2 %": a pronoun after a comma or a conjunction, with no
    verb before the figure but a participle of its own, heads a clause whose verb is left out."""
    doc = pronoun.doc
    if pronoun.i == 0 or doc[pronoun.i - 1].pos_ not in ("CCONJ", "PUNCT"):
        return False  # "a cédé celles de ses filiales pour 2 milliards": an object
    return not any(
        t.pos_ in ("VERB", "AUX") and not (t.head.i == pronoun.i and _participle(t))
        for t in doc[pronoun.i + 1 : span.start]
    )


def _participle(tok: Token) -> bool:
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm", [])


def own_words(w: LinkWords, pronoun: Token, stop: int) -> Span | None:
    """The words after the pronoun that say which one it stands for, before token ``stop``:
    its "de" complement ("ceux des services") or its participle ("ceux alloués à la
    recherche"), up to a verb, a punctuation or a relative pronoun."""
    doc = pronoun.doc
    start = pronoun.i + 1
    if start >= stop:
        return None
    first = doc[start]
    if word(first.text) not in w.genitive and not _participle(first):
        return None  # "celui-ci", "celui qui était attendu"
    end = start + 1
    while end < stop and not _ends_own_words(doc[end]):
        end += 1
    while end > start + 1 and doc[end - 1].pos_ in _DANGLING:
        end -= 1
    if end - start > MAX_OWN_WORDS:
        return None
    return doc[start:end]


def _ends_own_words(tok: Token) -> bool:
    return (
        tok.is_punct
        or tok.pos_ in ("VERB", "AUX", "SCONJ")
        or "Rel" in tok.morph.get("PronType", [])
    )


def _other_owner(own: Span, labels: frozenset[str]) -> bool:
    """Whether the pronoun's words name an actor, a place or a time rather than a measure."""
    if any(t.ent_type_ in labels or t.pos_ == "PROPN" for t in own):
        return True
    return any(d.start < own.end and own.start < d.end for d in own.doc.spans.get(DATES, ()))


def agrees(pronoun: Pronoun, noun: Token) -> bool:
    """Whether the pronoun can stand for the noun: the same gender when the parse gives one."""
    gender = noun.morph.get("Gender", [])
    return not gender or pronoun.gender in gender


def written_antecedent(w: LinkWords, pronoun: Pronoun, lo: int) -> str | None:
    """The nearest metric noun written between token ``lo`` and the pronoun that it can stand
    for ("parmi les rares budgets en baisse, celui de la culture"), as one item when the
    pronoun is singular ("budget")."""
    doc = pronoun.token.doc
    for i in range(pronoun.token.i - 1, lo - 1, -1):
        tok = doc[i]
        if tok.pos_ != "NOUN" or not agrees(pronoun, tok):
            continue
        # "budgets" is listed as "budget"
        phrase = listed_phrase(w, tok) or (
            tok.lemma_ if fold(tok.lemma_) in w.metric_nouns else None
        )
        if phrase is None:
            continue
        if pronoun.number == "Sing" and "Plur" in tok.morph.get("Number", []):
            first, _, rest = phrase.partition(" ")
            if word(first) == tok.lower_:
                phrase = f"{tok.lemma_} {rest}".strip()
        return phrase
    return None


def metric_head(w: LinkWords, metric: str) -> str | None:
    """The longest start of the metric on the metric list, None when it has none.

    >>> from factex.normalize.link_words import link_words
    >>> w = link_words("fr")
    >>> metric_head(w, "prix de l'énergie"), metric_head(w, "taux de chômage des hommes")
    ('prix', 'taux de chômage')
    """
    words = metric.split(" ")
    for k in range(len(words), 0, -1):
        head = " ".join(words[:k])
        if fold(head) in w.metric_nouns:
            return head
    return None


def stood_metric(w: LinkWords, pronoun: Pronoun, antecedent: str) -> str:
    """The metric the pronoun stands for: the head of the antecedent with the pronoun's own
    words ("prix des services"), or the antecedent whole when it has none or they name
    another owner or time."""
    if pronoun.own is None or pronoun.other_owner:
        return antecedent
    head = metric_head(w, antecedent)
    if head is None:
        return antecedent
    return normalize_name(f"{head} {pronoun.own.text}")


def within_own_words(pronoun: Pronoun, metric: str) -> bool:
    """Whether a metric read off the figure's clause is only the pronoun's complement ("ceux
    de l'aide au développement" read as "développement")."""
    return pronoun.own is not None and fold(metric) in fold(pronoun.own.text)


@cache
def _personal(lang: str) -> dict[str, tuple[str, str]]:
    data = resources.load(lang, "focus")["personal_pronouns"]
    return {k: (v[0], v[1]) for k, v in data.items()}


def personal_antecedent(w: LinkWords, root: Token, lo: int) -> Token | None:
    """ "Les loyers continuent de peser : ils progressent de 6,3 %": the noun a personal
    pronoun subject of the figure's clause stands for, the nearest subject noun after token
    ``lo`` of its gender and number that names a measure (listed, or any common noun no
    name); None when the clause has no such pronoun."""
    doc = root.doc
    forms = _personal(doc.lang_ or "fr")
    pronoun = next((s for s in subjects(clause_head(root)) if s.lower_ in forms), None)
    if pronoun is None:
        return None
    gender, number = forms[pronoun.lower_]
    ix = token_index(doc)
    for i in range(pronoun.i - 1, lo - 1, -1):
        if ix.dep[i] not in ("nsubj", "nsubj:pass") or ix.pos[i] != "NOUN":
            continue
        tok = doc[i]
        genders, numbers = tok.morph.get("Gender", []), tok.morph.get("Number", [])
        if (genders and gender not in genders) or (numbers and number not in numbers):
            continue
        if tok.lower_ in w.traded_assets or fold(tok.text) in modifier_words(w.lang).currencies:
            return None  # "la livre sterling … : elle a glissé de 0,9 %", a quote's move
        return tok if listed_phrase(w, tok) or measured_noun(w, tok) else None
    return None

"""Walks on the dependency parse shared by factex_links and factex_events.

The walks are bounded (ancestors of one token, children of a few nouns) so that linking stays
linear in the length of the document. Labels are Universal Dependencies, as produced by the
spaCy models of every language factex supports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from factex.components.extensions import span_value
from factex.components.token_index import TokenIndex, token_index

#: Dependencies that open a new clause: entities below them belong to that clause.
CLAUSE_DEPS = frozenset(
    {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "conj:verb"}
)
RELATIVE_DEPS = frozenset({"acl:relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "obl:agent"})
ACTOR_LABELS = frozenset({"ORG", "PER"})
_VERBAL = frozenset({"VERB"})


def _is_clause_head(ix: TokenIndex, i: int) -> bool:
    """A verb, the root, or a nominal predicate heading a clause of its own."""
    dep = ix.dep[i]
    return ix.pos[i] in _VERBAL or dep == "ROOT" or ix.head[i] == i or dep in CLAUSE_DEPS


def clause_head(token: Token) -> Token:
    """The verb (or root) of the clause the token belongs to."""
    i = clause_head_at(token_index(token.doc), token.i)
    return token if i == token.i else token.doc[i]


def clause_head_at(ix: TokenIndex, i: int) -> int:
    """The index of :func:`clause_head` of the token at ``i``, no Token made."""
    # the links ask it several times per amount, of the same few tokens: kept per parse
    found: dict[int, int] | None = ix.memo.get(_CLAUSE_HEADS)
    if found is None:
        found = ix.memo[_CLAUSE_HEADS] = {}
    head = found.get(i)
    if head is None:
        head = found[i] = _walk_to_clause_head(ix, i)
    return head


_CLAUSE_HEADS = "syntax.clause_heads"


def _walk_to_clause_head(ix: TokenIndex, i: int) -> int:
    # :func:`_is_clause_head` inlined: this loop is the links' most frequent step
    pos, dep, heads = ix.pos, ix.dep, ix.head
    while True:
        d = dep[i]
        if pos[i] in _VERBAL or d == "ROOT" or heads[i] == i or d in CLAUSE_DEPS:
            return i
        i = heads[i]


def ancestors(token: Token) -> Iterator[Token]:
    """The token's heads, nearest first (guarded against cycles in odd parses)."""
    doc, head = token.doc, token_index(token.doc).head
    i = token.i
    seen = {i}
    while head[i] not in seen:
        i = head[i]
        seen.add(i)
        yield doc[i]


class EntityIndex(list[int]):
    """For each token, the index of the entity covering it in ``ents`` (``doc.ents``), or -1.

    ``doc.ents`` builds new Span objects at each access: it is read once per doc here.
    """

    def __init__(self, doc: Doc) -> None:
        super().__init__([-1] * len(doc))
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        #: the label of each of ``ents`` (``span.label_`` looks the string up at each read)
        self.labels: tuple[str, ...] = tuple(ent.label_ for ent in self.ents)
        for k, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self[i] = k

    def at(self, i: int) -> Span | None:
        k = self[i]
        return self.ents[k] if k >= 0 else None

    @cached_property
    def names(self) -> tuple[str, ...]:
        """:func:`actor_name` of each of ``ents``, read once (an extension costs microseconds)."""
        return tuple(actor_name(ent) for ent in self.ents)


def entity_index(doc: Doc) -> EntityIndex:
    return EntityIndex(doc)


def entities_below(
    token: Token,
    ent_at: EntityIndex,
    labels: frozenset[str] = ACTOR_LABELS,
    deps: frozenset[str] | None = None,
    max_depth: int = 6,
) -> list[Span]:
    """Entities in the token's phrase, in text order, not crossing into other clauses.

    ``deps`` restricts the walk to those dependencies (e.g. nominal complements only).
    """
    return entities_below_at(token_index(token.doc), token.i, ent_at, labels, deps, max_depth)


def entities_below_at(
    ix: TokenIndex,
    i: int,
    ent_at: EntityIndex,
    labels: frozenset[str] = ACTOR_LABELS,
    deps: frozenset[str] | None = None,
    max_depth: int = 6,
) -> list[Span]:
    """:func:`entities_below` of the token at ``i``, for a caller holding the index ``ix``."""
    ents = ent_at.ents
    children, dep, label = ix.children, ix.dep, ent_at.labels
    found: dict[int, Span] = {}
    stack = [(i, 0)]
    while stack:
        i, depth = stack.pop()
        k = ent_at[i]
        if k >= 0 and label[k] in labels:
            found[k] = ents[k]
        if depth >= max_depth:
            continue
        for child in children[i]:
            if dep[child] in CLAUSE_DEPS:
                continue
            if deps is not None and dep[child] not in deps and ent_at[child] < 0:
                continue
            stack.append((child, depth + 1))
    return [found[k] for k in sorted(found)]


def subjects(verb: Token) -> list[Token]:
    """Subject (and agent) tokens of a clause; shared subjects of "a annoncé avoir signé"."""
    doc = verb.doc
    return [doc[c] for c in subjects_at(doc, verb.i)]


def subjects_at(doc: Doc, v: int) -> tuple[int, ...]:
    """The indices of :func:`subjects` of the verb at ``v``, walked once per parse."""
    return subjects_in(doc, token_index(doc), v)


def subjects_in(doc: Doc, ix: TokenIndex, v: int) -> tuple[int, ...]:
    """:func:`subjects_at` for a caller holding the Doc's index ``ix``."""
    found: dict[int, tuple[int, ...]] | None = ix.memo.get(_SUBJECTS)
    if found is None:
        found = ix.memo[_SUBJECTS] = {}
    ids = found.get(v)
    if ids is None:
        ids = found[v] = subject_indices(doc, ix, v)
    return ids


# The subjects of each verb asked for, kept in the Doc's token index memo (a Doc parsed again
# gets a new index): the links, the frame and the events ask them of the same verbs.
_SUBJECTS = "syntax.subjects"


def subject_indices(doc: Doc, ix: TokenIndex, v: int) -> tuple[int, ...]:
    """The indices of :func:`subjects` of the verb at ``v``."""
    children, dep, head = ix.children, ix.dep, ix.head
    seen = {v}
    while True:
        found = tuple(c for c in children[v] if dep[c] in SUBJECT_DEPS)
        if found or head[v] in seen:
            return found
        # An infinitive or participle clause shares the subject of the verb it hangs on
        # ("ont progressé ... pour atteindre 10 milliards").
        d = dep[v]
        if d not in ("xcomp", "conj") and not (d == "advcl" and _nonfinite(doc, v)):
            return ()
        v = head[v]
        seen.add(v)


def _nonfinite(doc: Doc, i: int) -> bool:
    return doc[i].morph.get("VerbForm", []) in (["Inf"], ["Part"], ["Ger"])


def canonical(span: Span) -> str:
    # ``span._`` builds an object per read, and this is asked per name per amount
    return str(span_value(span, "factex_canonical") or span.text)


def actor_name(ent: Span) -> str:
    """The entity's canonical name without the verb the model ran it into ("Le RC Montclar
    boucle son mercato": "RC Montclar"); a lowercase word of the name that is no verb stays
    ("Société générale")."""
    name = canonical(ent)
    ix = token_index(ent.doc)  # the words read off the index: no Token made
    tail = 0
    for i in range(ent.end - 1, ent.start - 1, -1):
        if ix.pos[i] not in ("VERB", "AUX") or not ix.text[i][:1].islower():
            break
        tail += 1
    if not tail or tail == len(ent):
        return name
    suffix = ent[len(ent) - tail :].text
    return name[: -len(suffix)].rstrip() if name.endswith(suffix) else name


def unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def span_root(span: Span) -> Token:
    """The token of the span attached outside it (the first one, for flat parses)."""
    return span.doc[span_root_at(token_index(span.doc), span)]


def span_root_at(ix: TokenIndex, span: Span) -> int:
    """The index of :func:`span_root` of ``span``, no Token made."""
    head, start, end = ix.head, span.start, span.end
    for i in range(start, end):
        if head[i] < start or head[i] >= end or head[i] == i:
            return i
    return span.root.i


def amount_root(span: Span) -> Token:
    """The token an amount hangs on the sentence by; its unit noun when the parse attaches
    the number elsewhere ("à 179 nairas", the number read as a complement of "essence")."""
    return span.doc[amount_root_at(token_index(span.doc), span)]


def amount_root_at(ix: TokenIndex, span: Span) -> int:
    """The index of :func:`amount_root` of ``span``, no Token made."""
    head, pos = ix.head, ix.pos
    start, end = span.start, span.end
    first = -1  # the first token attached outside the amount
    for i in range(start, end):
        if not (start <= head[i] < end):
            if pos[i] == "NOUN":
                return i
            if first < 0:
                first = i
    if first < 0:  # the amount heads its own parse sentence
        return span_root_at(ix, span)
    return first


def has_case(token: Token, words: frozenset[str]) -> bool:
    """Whether a preposition of ``words`` introduces ``token`` (apostrophes unified)."""
    ix = token_index(token.doc)
    return any(
        ix.dep[c] == "case" and ix.text[c].replace("’", "'").casefold() in words
        for c in ix.children[token.i]
    )


def genitive(token: Token, markers: frozenset[str]) -> bool:
    """Whether a preposition of ``markers`` introduces ``token``, by its lowercase form."""
    return genitive_at(token_index(token.doc), token.i, markers)


def genitive_at(ix: TokenIndex, i: int, markers: frozenset[str]) -> bool:
    """:func:`genitive` of the token at ``i``."""
    return any(ix.dep[c] == "case" and ix.lower[c] in markers for c in ix.children[i])

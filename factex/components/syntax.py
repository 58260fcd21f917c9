"""Walks on the dependency parse shared by factex_links and factex_events.

The walks are bounded (ancestors of one token, children of a few nouns) so that linking stays
linear in the length of the document. Labels are Universal Dependencies, as produced by the
spaCy models of every language factex supports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

#: Dependencies that open a new clause: entities below them belong to that clause.
CLAUSE_DEPS = frozenset(
    {"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "conj:verb"}
)
RELATIVE_DEPS = frozenset({"acl:relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "obl:agent"})
ACTOR_LABELS = frozenset({"ORG", "PER"})
_VERBAL = frozenset({"VERB"})


def is_clause_head(token: Token) -> bool:
    """A verb, the root, or a nominal predicate heading a clause of its own."""
    return (
        token.pos_ in _VERBAL
        or token.dep_ == "ROOT"
        or token.head.i == token.i
        or (token.dep_ in CLAUSE_DEPS)
    )


def clause_head(token: Token) -> Token:
    """The verb (or root) of the clause the token belongs to."""
    while not is_clause_head(token):
        token = token.head
    return token


def ancestors(token: Token) -> Iterator[Token]:
    """The token's heads, nearest first (guarded against cycles in odd parses)."""
    seen = {token.i}
    while token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        yield token


class EntityIndex(list[int]):
    """For each token, the index of the entity covering it in ``ents`` (``doc.ents``), or -1.

    ``doc.ents`` builds new Span objects at each access: it is read once per doc here.
    """

    def __init__(self, doc: Doc) -> None:
        super().__init__([-1] * len(doc))
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        for k, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self[i] = k

    def at(self, i: int) -> Span | None:
        k = self[i]
        return self.ents[k] if k >= 0 else None


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
    ents = ent_at.ents
    found: dict[int, Span] = {}
    stack = [(token, 0)]
    while stack:
        tok, depth = stack.pop()
        k = ent_at[tok.i]
        if k >= 0 and ents[k].label_ in labels:
            found[k] = ents[k]
        if depth >= max_depth:
            continue
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS:
                continue
            if deps is not None and child.dep_ not in deps and ent_at[child.i] < 0:
                continue
            stack.append((child, depth + 1))
    return [found[k] for k in sorted(found)]


def subjects(verb: Token) -> list[Token]:
    """Subject (and agent) tokens of a clause; shared subjects of "a annoncé avoir signé"."""
    seen = {verb.i}
    while True:
        found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if found or verb.head.i in seen:
            return found
        # An infinitive or participle clause shares the subject of the verb it hangs on
        # ("ont progressé ... pour atteindre 10 milliards").
        nonfinite = verb.morph.get("VerbForm", []) in (["Inf"], ["Part"], ["Ger"])
        if verb.dep_ not in ("xcomp", "conj") and not (verb.dep_ == "advcl" and nonfinite):
            return found
        verb = verb.head
        seen.add(verb.i)


def canonical(span: Span) -> str:
    return str(span._.factex_canonical or span.text)


def unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def span_root(span: Span) -> Token:
    """The token of the span attached outside it (the first one, for flat parses)."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span.root


def amount_root(span: Span) -> Token:
    """The token an amount hangs on the sentence by; its unit noun when the parse attaches
    the number elsewhere ("à 179 nairas", the number read as a complement of "essence")."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end)]
    if not outside:  # the amount heads its own parse sentence
        return span_root(span)
    return next((t for t in outside if t.pos_ == "NOUN"), outside[0])


def has_case(token: Token, words: frozenset[str]) -> bool:
    """Whether a preposition of ``words`` introduces ``token`` (apostrophes unified)."""
    return any(
        c.dep_ == "case" and c.text.replace("’", "'").casefold() in words for c in token.children
    )


def genitive(token: Token, markers: frozenset[str]) -> bool:
    """Whether a preposition of ``markers`` introduces ``token``, by its lowercase form."""
    return any(c.dep_ == "case" and c.lower_ in markers for c in token.children)

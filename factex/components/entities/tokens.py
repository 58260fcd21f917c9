"""Token and span helpers shared by the entity rules: shape of a token, overlaps of spans."""

from __future__ import annotations

from spacy.tokens import Span, Token

CLOSED_CLASS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART"})
APPOSITION = frozenset({"appos", "nmod", "flat:name", "flat", "compound"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def is_name(token: Token) -> bool:
    # Tagger POS is unreliable on unknown names ("Fayat" NOUN): the capital decides.
    return token.text[:1].isupper() and token.pos_ not in CLOSED_CLASS and not token.is_punct


def overlay(spans: list[Span], extra: list[Span], replace: bool = True) -> list[Span]:
    """Add ``extra`` spans; with ``replace`` they win over the spans they overlap."""
    if not extra:
        return spans
    out = list(spans)
    for new in extra:
        clash = [s for s in out if s.start < new.end and new.start < s.end]
        if clash and not replace:
            continue
        if any(outside(s, new) for s in clash):
            continue  # a longer name contains the region: "Banque d'Afrique de l'Ouest"
        out = [s for s in out if s not in clash] + [new]
    return sorted(out, key=lambda s: s.start)


def outside(span: Span, inner: Span) -> bool:
    """True when ``span`` has words beyond ``inner`` other than articles ("Le Proche-Orient")."""
    return any(
        not (inner.start <= t.i < inner.end) and t.pos_ not in ("DET", "PUNCT", "SPACE")
        for t in span
    )


def capitalised(token: Token) -> bool:
    return token.is_title or (token.is_upper and len(token) > 1)


def span_start(span: Span) -> int:
    return span.start


def has_mark(token: Token) -> bool:
    return any(c.dep_ == "mark" for c in token.children)


def is_object(token: Token) -> bool:
    # The parser reads some objects as bare obliques: "a battu Marseille" (obl:mod).
    return token.dep_ == "obj" or (
        token.dep_.startswith("obl") and not any(c.dep_ == "case" for c in token.children)
    )


def relative_after(span: Span) -> bool:
    """A comma and a relative pronoun right after the span: "Carrefour, dont les ventes"."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and "Rel" in doc[span.end + 1].morph.get("PronType", [])
    )


def starts_unit(token: Token) -> bool:
    """True when the token's capital may come from its position alone."""
    if token.is_sent_start or token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    while prev.is_space and prev.i > 0:
        if "\n" in prev.text:
            return True
        prev = token.doc[prev.i - 1]
    return prev.text in (":", "«", "—", "–", "-", "•", "|", '"', "“")

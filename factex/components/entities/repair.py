"""Span repair: the model's entity spans cut, trimmed, extended or made whole.

A line break ends a name; edge punctuation, dangling articles and trailing time words go;
a company word left out comes in; a person's name stops at a common word or a function; the
place of "usine de Sochaux" or "Premier ministre du Québec" is taken alone; a name cut after
"du/de la" ("Maisons du Monde" read as "Monde") is made whole.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from factex.components.entities.context import genitive_after, genitive_before
from factex.components.entities.labels import relabel, whole_label
from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.tokens import (
    CLOSED_CLASS,
    capitalised,
    dangling,
    edge_junk,
    has_capital,
    is_name,
    starts_unit,
)
from factex.components.extensions import doc_text
from factex.normalize.names import name_key


def repaired(lex: EntityLexicon, ent: Span, text: str | None = None) -> list[Span]:
    """The model's entity repaired and labelled: none, one, or (never more than) one piece.

    ``text`` is the Doc's text when the caller has it (``doc_text`` reads ``doc._``, which
    builds an object at each read)."""
    doc = ent.doc
    out: list[Span] = []
    for piece in _pieces(lex, ent, doc_text(doc) if text is None else text):
        span = _trim(lex, doc, *piece)
        if span is None:
            continue
        span = _extend_org(lex, span)
        place = _place_after_head(lex, span)
        if place is None:
            place = _office_place(lex, span)
        whole = None if place is not None else _whole_name(lex, span)
        if place is not None:
            span, label = place, "LOC"
        elif whole is not None:
            span, label = whole, whole_label(lex, whole, ent.label_)
        else:
            span = _without_article(lex, span, ent.label_)
            label = relabel(lex, span, ent.label_)
        if label == "PER":
            span = _cut_person(lex, span)
        out.append(Span(doc, span.start, span.end, label=label))
    return out


def _pieces(lex: EntityLexicon, ent: Span, text: str) -> list[tuple[int, int]]:
    """A line break ends a name: the first piece that holds a proper noun and is no page
    furniture ("Afrique\n\nExploitant" is Afrique, "Commentaires\n\nFrançois Pinault" the
    name); without one, the first piece. The tagger's PROPN is too loose on the word
    starting a paragraph to keep later pieces as names of their own.
    """
    # most names hold no line break: the text says so without a Token per word
    if "\n" not in text[ent.start_char : ent.end_char]:
        return [(ent.start, ent.end)]
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
    if not breaks:
        return [(ent.start, ent.end)]
    pieces = zip([ent.start, *(b + 1 for b in breaks)], [*breaks, ent.end], strict=True)
    kept = [(a, b) for a, b in pieces if b > a]
    named = [
        (a, b)
        for a, b in kept
        if any(t.pos_ == "PROPN" for t in ent.doc[a:b])
        and name_key(ent.doc[a:b].text) not in lex.furniture
    ]
    return (named or kept)[:1]


def _trim(lex: EntityLexicon, doc: Doc, start: int, end: int) -> Span | None:
    while start < end and edge_junk(doc[start]):
        start += 1
    # one Token per look at the last word (doc[i] builds a new one at each read)
    while end > start and _junk_or_dangling(doc[end - 1]):
        end -= 1
    # "a indiqué l'Arcep mardi": the day is no part of the name.
    while end - start > 1 and _time_word(lex, doc[end - 1]):
        end -= 1
    # Lowercase words right before the name ("carte SD", "gouvernement Papadimos") are not
    # part of it; "ministère de l'Intérieur", "accords d'Évian" are names as a whole.
    while (
        end - start > 1
        and not doc[start].text[:1].isupper()
        and not dangling(doc[start + 1])
        and has_capital(doc[start + 1 : end])
    ):
        start += 1
    if start >= end:
        return None
    return doc[start:end]


def _junk_or_dangling(token: Token) -> bool:
    return edge_junk(token) or dangling(token)


def _time_word(lex: EntityLexicon, token: Token) -> bool:
    return token.lower_ in lex.time_words and token.is_lower


def _extend_org(lex: EntityLexicon, span: Span) -> Span:
    """Take in a company word the model left out: "Toyota Motor" + "Corporation"."""
    doc = span.doc
    end = span.end
    while end < len(doc) and doc[end].text in lex.org_last and end - span.end < 2:
        end += 1
    return doc[span.start : end] if end > span.end else span


def _cut_person(lex: EntityLexicon, span: Span) -> Span:
    """A person's name holds capitalised words and particles only: "Lucie Castets pour
    Matignon" is Lucie Castets."""
    doc = span.doc
    for token in span[1:]:
        # "a nommé Gabriel Attal Premier ministre": a function ends the name.
        if not token.is_lower and _starts_function(lex, token):
            return doc[span.start : token.i]
        if token.is_lower and token.lower_ not in lex.particles:
            end = token.i
            while end > span.start + 1 and span.doc[end - 1].lower_ in lex.particles:
                end -= 1
            return span.doc[span.start : end]
    return span


def _starts_function(lex: EntityLexicon, token: Token) -> bool:
    """ "Premier ministre" after a full name; "Président" alone only after two names and
    no particle ("Bruno Le Maire" keeps his name)."""
    doc = token.doc
    two = doc[token.i : token.i + 2]
    if len(two) == 2 and two[1].is_alpha and name_key(two.text) in lex.function_set:
        return True
    prev = doc[token.i - 1]
    return (
        token.lower_ in lex.function_set
        and prev.lower_ not in lex.particles
        and token.i >= 2
        and is_name(prev)
        and is_name(doc[token.i - 2])
    )


def _without_article(lex: EntityLexicon, span: Span, label: str) -> Span:
    """ "La Tunisie" at a sentence start is Tunisie; "Le Havre" keeps its article."""
    if (
        label == "LOC"
        and len(span) > 1
        and span[0].text in lex.place_articles
        and span[1].pos_ == "PROPN"
        and starts_unit(span[0])
        and span.text not in lex.article_places
    ):
        return span[1:]
    return span


def _place_after_head(lex: EntityLexicon, span: Span) -> Span | None:
    """The place in "usine de Sochaux", "tribunal de Lyon", "11e arrondissement de Paris",
    "département de la Seine-Maritime": a common noun that situates something, then "de"
    (with its article) and a name."""
    doc = span.doc
    i = span.start
    while i < span.end - 2 and not doc[i].text[:1].isupper():
        # "conseil régional de Bretagne" trimmed to "régional de Bretagne": no name either.
        if doc[i].lemma_ in lex.place_heads or (i == span.start and doc[i].pos_ == "ADJ"):
            n = genitive_after(lex, doc, i + 1, span.end)
            if not n:
                i += 1
                continue
            rest = doc[i + 1 + n : span.end]
            if len(rest) and rest[0].text[:1].isupper() and rest[0].pos_ not in CLOSED_CLASS:
                return rest
            return None
        i += 1
    return None


def _office_place(lex: EntityLexicon, span: Span) -> Span | None:
    """The place in a function the model read as one name: "Premier ministre du Québec"."""
    doc = span.doc
    i = span.start
    while i < span.end and doc[i].pos_ == "DET":
        i += 1
    if i >= span.end or doc[i].lower_ not in lex.office_firsts:
        return None
    for words in lex.office_titles:
        j = i + len(words)
        if j >= span.end or any(
            t.text.casefold() != w for t, w in zip(doc[i:j], words, strict=True)
        ):
            continue
        n = genitive_after(lex, doc, j, span.end)
        rest = doc[j + n : span.end]
        if not n or not len(rest) or rest[0].text in lex.office_domains:
            return None
        if all(capitalised(t) or t.text == "-" for t in rest) and not rest[-1].is_punct:
            return rest
        return None
    return None


def _whole_name(lex: EntityLexicon, span: Span) -> Span | None:
    """A name the model cut after "du/de la/des": "Maisons du Monde" read as "Monde".

    The capitalised words before the genitive are part of the name when they are no
    function, title or other entity; at a sentence start (where any word has a capital)
    only a proper noun or a plural noun counts ("Maisons", "Galeries", "Chantiers").
    """
    doc = span.doc
    if not span[0].text[:1].isupper():
        return None
    n = genitive_before(lex, doc, span.start)
    j = span.start - n - 1
    if not n or j < 0:
        return None
    first = j
    while first >= 0 and _name_word(lex, doc[first]):
        if starts_unit(doc[first]):
            break
        first -= 1
    if first < 0 or not _name_word(lex, doc[first]):
        first += 1
    if first > j:
        return None
    # "Rami Abd al-Rahman de l'Observatoire": a word glued to another name is no start.
    if first > 0 and (doc[first - 1].text == "-" or doc[first - 1].ent_type_):
        return None
    lead = doc[first]
    if starts_unit(lead) and not (
        lead.pos_ == "PROPN" or (lead.pos_ == "NOUN" and "Plur" in lead.morph.get("Number", []))
    ):
        return None
    return doc[first : span.end]


def _name_word(lex: EntityLexicon, token: Token) -> bool:
    # Acronyms are common nouns as often as names: "le GPS des États-Unis".
    return (
        token.is_title
        and not token.ent_type_
        and token.pos_ not in CLOSED_CLASS
        and token.pos_ not in ("VERB", "AUX", "ADV")
        and token.text not in lex.genitive_stop
        and token.text not in lex.title_set
        and token.lower_ not in lex.function_set
        and name_key(token.text) not in lex.furniture
    )

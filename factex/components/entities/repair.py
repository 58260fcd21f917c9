"""Span repair: the model's entity spans cut, trimmed, extended or made whole.

A line break ends a name; edge punctuation, dangling articles and trailing time words go;
a company word left out comes in; a person's name stops at a common word or a function; the
place of "usine de Sochaux" or "Premier ministre du Québec" is taken alone; a name cut after
"du/de la" ("Maisons du Monde" read as "Monde") is made whole.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from factex.components.entities.context import genitive_after, genitive_before
from factex.components.entities.labels import relabel, whole_label
from factex.components.entities.lexicon import EntityLexicon
from factex.components.entities.words import (
    CLOSED_CLASS,
    Words,
    capitalised_at,
    dangling_at,
    is_name_at,
    starts_unit_at,
    words,
)
from factex.normalize.names import name_key


def repaired(lex: EntityLexicon, ent: Span, text: str | None = None) -> list[Span]:
    """The model's entity repaired and labelled: none, one, or (never more than) one piece.

    ``text`` is the Doc's text when the caller has it (``doc_text`` reads ``doc._``, which
    builds an object at each read). The words are read on the Doc's :class:`Words` and a
    Span is made only for the relabelling and the result."""
    doc = ent.doc
    w = words(doc)
    ent_label = ent.label_
    out: list[Span] = []
    for piece in _pieces(lex, ent, w.doc_text if text is None else text):
        trimmed = _trim(lex, w, *piece)
        if trimmed is None:
            continue
        start, end = _extend_org(lex, w, *trimmed)
        place = _place_after_head(lex, w, start, end)
        if place is None:
            place = _office_place(lex, w, start, end)
        whole = None if place is not None else _whole_name(lex, doc, w, start, end)
        if place is not None:
            (start, end), label = place, "LOC"
        elif whole is not None:
            start, end = whole
            label = whole_label(lex, Span(doc, start, end), ent_label)
        else:
            start = _without_article(lex, w, start, end, ent_label)
            label = relabel(lex, Span(doc, start, end), ent_label)
        if label == "PER":
            end = _cut_person(lex, w, start, end)
        out.append(Span(doc, start, end, label=label))
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


def _trim(lex: EntityLexicon, w: Words, start: int, end: int) -> tuple[int, int] | None:
    while start < end and w.junk[start]:
        start += 1
    while end > start and (w.junk[end - 1] or dangling_at(w, end - 1)):
        end -= 1
    # "a indiqué l'Arcep mardi": the day is no part of the name.
    while end - start > 1 and w.low[end - 1] and w.lower[end - 1] in lex.time_words:
        end -= 1
    # Lowercase words right before the name ("carte SD", "gouvernement Papadimos") are not
    # part of it; "ministère de l'Intérieur", "accords d'Évian" are names as a whole.
    while (
        end - start > 1
        and not w.text[start][:1].isupper()
        and not dangling_at(w, start + 1)
        and any(t[:1].isupper() for t in w.text[start + 1 : end])
    ):
        start += 1
    if start >= end:
        return None
    return start, end


def _extend_org(lex: EntityLexicon, w: Words, start: int, end: int) -> tuple[int, int]:
    """Take in a company word the model left out: "Toyota Motor" + "Corporation"."""
    stop = min(len(w.text), end + 2)
    while end < stop and w.text[end] in lex.org_last:
        end += 1
    return start, end


def _cut_person(lex: EntityLexicon, w: Words, start: int, end: int) -> int:
    """The end of a person's name, which holds capitalised words and particles only:
    "Lucie Castets pour Matignon" is Lucie Castets."""
    for i in range(start + 1, end):
        # "a nommé Gabriel Attal Premier ministre": a function ends the name.
        if not w.low[i] and _starts_function(lex, w, i):
            return i
        if w.low[i] and w.lower[i] not in lex.particles:
            cut = i
            while cut > start + 1 and w.lower[cut - 1] in lex.particles:
                cut -= 1
            return cut
    return end


def _starts_function(lex: EntityLexicon, w: Words, i: int) -> bool:
    """ "Premier ministre" after a full name; "Président" alone only after two names and
    no particle ("Bruno Le Maire" keeps his name)."""
    if i + 1 < len(w.text) and w.alpha[i + 1] and name_key(w.slice(i, i + 2)) in lex.function_set:
        return True
    return (
        w.lower[i] in lex.function_set
        and w.lower[i - 1] not in lex.particles
        and i >= 2
        and is_name_at(w, i - 1)
        and is_name_at(w, i - 2)
    )


def _without_article(lex: EntityLexicon, w: Words, start: int, end: int, label: str) -> int:
    """The start of the name: "La Tunisie" at a sentence start is Tunisie; "Le Havre" keeps
    its article."""
    if (
        label == "LOC"
        and end - start > 1
        and w.text[start] in lex.place_articles
        and w.pos[start + 1] == "PROPN"
        and starts_unit_at(w, start)
        and w.slice(start, end) not in lex.article_places
    ):
        return start + 1
    return start


def _place_after_head(lex: EntityLexicon, w: Words, start: int, end: int) -> tuple[int, int] | None:
    """The place in "usine de Sochaux", "tribunal de Lyon", "11e arrondissement de Paris",
    "département de la Seine-Maritime": a common noun that situates something, then "de"
    (with its article) and a name."""
    i = start
    while i < end - 2 and not w.text[i][:1].isupper():
        # "conseil régional de Bretagne" trimmed to "régional de Bretagne": no name either.
        if w.lemma[i] in lex.place_heads or (i == start and w.pos[i] == "ADJ"):
            n = genitive_after(lex, w, i + 1, end)
            if not n:
                i += 1
                continue
            rest = i + 1 + n
            if rest < end and w.text[rest][:1].isupper() and w.pos[rest] not in CLOSED_CLASS:
                return rest, end
            return None
        i += 1
    return None


def _office_place(lex: EntityLexicon, w: Words, start: int, end: int) -> tuple[int, int] | None:
    """The place in a function the model read as one name: "Premier ministre du Québec"."""
    i = start
    while i < end and w.pos[i] == "DET":
        i += 1
    if i >= end or w.lower[i] not in lex.office_firsts:
        return None
    for title in lex.office_titles:
        j = i + len(title)
        if j >= end or any(w.text[i + k].casefold() != word for k, word in enumerate(title)):
            continue
        n = genitive_after(lex, w, j, end)
        rest = j + n
        if not n or rest >= end or w.text[rest] in lex.office_domains:
            return None
        if (
            all(capitalised_at(w, k) or w.text[k] == "-" for k in range(rest, end))
            and not w.punct[end - 1]
        ):
            return rest, end
        return None
    return None


def _whole_name(
    lex: EntityLexicon, doc: Doc, w: Words, start: int, end: int
) -> tuple[int, int] | None:
    """A name the model cut after "du/de la/des": "Maisons du Monde" read as "Monde".

    The capitalised words before the genitive are part of the name when they are no
    function, title or other entity; at a sentence start (where any word has a capital)
    only a proper noun or a plural noun counts ("Maisons", "Galeries", "Chantiers").
    """
    if not w.text[start][:1].isupper():
        return None
    n = genitive_before(lex, w, start)
    j = start - n - 1
    if not n or j < 0:
        return None
    first = j
    while first >= 0 and _name_word(lex, doc, w, first):
        if starts_unit_at(w, first):
            break
        first -= 1
    if first < 0 or not _name_word(lex, doc, w, first):
        first += 1
    if first > j:
        return None
    # "Rami Abd al-Rahman de l'Observatoire": a word glued to another name is no start.
    if first > 0 and (w.text[first - 1] == "-" or doc[first - 1].ent_type_):
        return None
    if starts_unit_at(w, first) and not (
        w.pos[first] == "PROPN"
        or (w.pos[first] == "NOUN" and "Plur" in doc[first].morph.get("Number", []))
    ):
        return None
    return first, end


def _name_word(lex: EntityLexicon, doc: Doc, w: Words, i: int) -> bool:
    # Acronyms are common nouns as often as names: "le GPS des États-Unis".
    return (
        w.title[i]
        and w.pos[i] not in CLOSED_CLASS
        and w.pos[i] not in ("VERB", "AUX", "ADV")
        and w.text[i] not in lex.genitive_stop
        and w.text[i] not in lex.title_set
        and w.lower[i] not in lex.function_set
        and name_key(w.text[i]) not in lex.furniture
        and not doc[i].ent_type_  # the model's entities (a Token: read for few words)
    )

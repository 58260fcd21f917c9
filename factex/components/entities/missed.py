"""Names the model missed: after a designator ("le groupe Pinault"), later mentions of an
organisation found elsewhere, names a company word starts or ends ("General Motors"),
hyphenated company names ("Hydro-Québec") and names after what only a company has ("les
actionnaires d'Unilor"). Candidate tokens are found in one array op over the doc.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from factex.components.entities.context import is_designator_before
from factex.components.entities.lexicon import EntityLexicon, among
from factex.components.entities.words import capitalised_at, is_name_at, words


def designated(lex: EntityLexicon, doc: Doc, known: list[Span]) -> list[Span]:
    """Names the model missed right after a designator: "le groupe Pinault"."""
    if not len(doc):
        return []
    # Only tokens up to three after a designator word can follow one (two adjectives
    # between at most): find those words in C, not with a Python test on every token.
    forms = doc.to_array(["LOWER", "LEMMA"])
    hits = np.flatnonzero(
        among(forms[:, 0], lex.designator_ids) | among(forms[:, 1], lex.designator_ids)
    )
    if not len(hits):
        return []
    starts = sorted({j for d in hits.tolist() for j in range(d + 1, min(d + 4, len(doc)))})
    taken = {i for span in known for i in range(span.start, span.end)}
    w = words(doc)
    found: list[Span] = []
    for j in starts:
        if j in taken or not is_name_at(w, j) or j == 0 or w.sent_start[j]:
            continue
        if found and found[-1].end == j:
            continue
        if not is_designator_before(lex, w, j):
            continue
        end = j + 1
        while end < len(doc) and end not in taken and is_name_at(w, end):
            end += 1
        found.append(Span(doc, j, end, label="ORG"))
    return found


def repeated_orgs(doc: Doc, known: list[Span]) -> list[Span]:
    """Later mentions of an organisation the model found elsewhere in the doc but missed here.

    Only a whole, stand-alone name counts: a capitalised token sequence equal to a known ORG,
    with no name just before or after it ("Vincent Bolloré" stays a person's name).
    """
    w = words(doc)
    names: dict[str, list[tuple[str, ...]]] = {}
    for span in known:
        if span.label_ == "ORG" and w.text[span.start][:1].isupper():
            names.setdefault(w.text[span.start], []).append(w.text[span.start : span.end])
    if not names:
        return []
    taken = {i for span in known for i in range(span.start, span.end)}
    found: list[Span] = []
    # Only tokens that start a known name are looked at (found in C over the whole doc).
    firsts = np.array(sorted(doc.vocab.strings[w] for w in names), dtype="uint64")
    hits = np.flatnonzero(among(doc.to_array("ORTH"), firsts)).tolist()
    for start in hits:
        for name in names.get(w.text[start], ()):
            end = start + len(name)
            if end > len(doc) or any(i in taken for i in range(start, end)):
                continue
            if w.text[start:end] != name:
                continue
            if (start > 0 and is_name_at(w, start - 1)) or (end < len(doc) and is_name_at(w, end)):
                continue
            found.append(Span(doc, start, end, label="ORG"))
            taken.update(range(start, end))
            break
    return found


def company_word_names(lex: EntityLexicon, doc: Doc, known: list[Span]) -> list[Span]:
    """Names the model missed that a company word starts or ends: "General Motors",
    "Crédit Agricole", "Mistral AI" (capitalised words only, two at least)."""
    if not len(doc):
        return []
    hits = np.flatnonzero(among(doc.to_array("ORTH"), lex.org_word_ids)).tolist()
    if not hits:
        return []
    taken = {i for span in known for i in range(span.start, span.end)}
    w = words(doc)
    found: list[Span] = []
    for i in hits:
        if i in taken or (found and found[-1].end > i):
            continue
        start, end = i, i + 1
        while start > 0 and start - 1 not in taken and capitalised_at(w, start - 1):
            start -= 1
        while end < len(doc) and end not in taken and capitalised_at(w, end):
            end += 1
        if end - start < 2:
            continue
        if w.text[start] not in lex.org_first and w.text[end - 1] not in lex.org_last:
            continue
        # "Office National des Forêts": a longer name goes on past a particle.
        if end < len(doc) and w.lower[end] in lex.particles:
            continue
        found.append(Span(doc, start, end, label="ORG"))
    return found


def owner_names(lex: EntityLexicon, doc: Doc, known: list[Span]) -> list[Span]:
    """Names the model missed after what only a company has: "le directeur général de
    Lesaffre", "les actionnaires d'Unilor"."""
    if len(doc) < 3:
        return []
    # Only the names after a bare "de" (found in C) are looked at.
    marks = np.flatnonzero(among(doc.to_array("LOWER")[:-1], lex.bare_genitive_ids))
    found: list[Span] = []
    taken = {i for span in known for i in range(span.start, span.end)}
    w = words(doc)
    for i in marks.tolist():
        start = i + 1
        if start in taken or not w.title[start] or not is_name_at(w, start):
            continue
        if not lex.owner_then_name.search(w.slice(max(0, i - 7), start)):
            continue
        end = start + 1
        while end < len(doc) and end not in taken and is_name_at(w, end):
            end += 1
        found.append(Span(doc, start, end, label="ORG"))
        taken.update(range(start, end))
    return found


def prefixed_names(lex: EntityLexicon, doc: Doc) -> list[Span]:
    """ "Hydro-Québec", "Radio-Canada": a company word, a hyphen and a name (the model
    misses them or keeps the place alone)."""
    if len(doc) < 3:
        return []
    hits = np.flatnonzero(among(doc.to_array("ORTH")[:-2], lex.prefix_ids)).tolist()
    w = words(doc)
    return [
        Span(doc, i, i + 3, label="ORG")
        for i in hits
        if w.text[i + 1] == "-" and capitalised_at(w, i + 2)
    ]

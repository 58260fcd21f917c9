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
from factex.components.entities.tokens import capitalised, is_name


def designated(lex: EntityLexicon, doc: Doc, known: list[Span]) -> list[Span]:
    """Names the model missed right after a designator: "le groupe Pinault"."""
    if not len(doc):
        return []
    # Only tokens up to three after a designator word can follow one (two adjectives
    # between at most): find those words in C, not with a Python test on every token.
    words = doc.to_array(["LOWER", "LEMMA"])
    hits = np.flatnonzero(
        among(words[:, 0], lex.designator_ids) | among(words[:, 1], lex.designator_ids)
    )
    if not len(hits):
        return []
    starts = sorted({j for d in hits.tolist() for j in range(d + 1, min(d + 4, len(doc)))})
    taken = {i for span in known for i in range(span.start, span.end)}
    found: list[Span] = []
    for token in (doc[j] for j in starts):
        if token.i in taken or not is_name(token) or token.i == 0 or token.is_sent_start:
            continue
        if found and found[-1].end == token.i:
            continue
        if not is_designator_before(lex, doc, token.i):
            continue
        end = token.i + 1
        while end < len(doc) and end not in taken and is_name(doc[end]):
            end += 1
        found.append(Span(doc, token.i, end, label="ORG"))
    return found


def repeated_orgs(doc: Doc, known: list[Span]) -> list[Span]:
    """Later mentions of an organisation the model found elsewhere in the doc but missed here.

    Only a whole, stand-alone name counts: a capitalised token sequence equal to a known ORG,
    with no name just before or after it ("Vincent Bolloré" stays a person's name).
    """
    names: dict[str, list[tuple[str, ...]]] = {}
    for span in known:
        if span.label_ == "ORG" and span.text[:1].isupper():
            names.setdefault(span[0].text, []).append(tuple(t.text for t in span))
    if not names:
        return []
    taken = {i for span in known for i in range(span.start, span.end)}
    found: list[Span] = []
    # Only tokens that start a known name are looked at (found in C over the whole doc).
    firsts = np.array(sorted(doc.vocab.strings[w] for w in names), dtype="uint64")
    hits = np.flatnonzero(among(doc.to_array("ORTH"), firsts)).tolist()
    for token in (doc[i] for i in hits):
        for words in names.get(token.text, ()):
            end = token.i + len(words)
            if end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if tuple(t.text for t in doc[token.i : end]) != words:
                continue
            if (token.i > 0 and is_name(doc[token.i - 1])) or (
                end < len(doc) and is_name(doc[end])
            ):
                continue
            found.append(Span(doc, token.i, end, label="ORG"))
            taken.update(range(token.i, end))
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
    found: list[Span] = []
    for i in hits:
        if i in taken or (found and found[-1].end > i):
            continue
        start, end = i, i + 1
        while start > 0 and start - 1 not in taken and capitalised(doc[start - 1]):
            start -= 1
        while end < len(doc) and end not in taken and capitalised(doc[end]):
            end += 1
        if end - start < 2:
            continue
        if doc[start].text not in lex.org_first and doc[end - 1].text not in lex.org_last:
            continue
        # "Office National des Forêts": a longer name goes on past a particle.
        if end < len(doc) and doc[end].lower_ in lex.particles:
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
    for i in marks.tolist():
        start = i + 1
        if start in taken or not doc[start].is_title or not is_name(doc[start]):
            continue
        if not lex.owner_then_name.search(doc[max(0, i - 7) : start].text):
            continue
        end = start + 1
        while end < len(doc) and end not in taken and is_name(doc[end]):
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
    return [
        Span(doc, i, i + 3, label="ORG")
        for i in hits
        if doc[i + 1].text == "-" and capitalised(doc[i + 2])
    ]

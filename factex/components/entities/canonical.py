"""Canonical names: one name for all the mentions of the same thing in a doc."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from factex.components.entities.lexicon import EntityLexicon
from factex.components.extensions import doc_text
from factex.normalize.names import normalize_name, pick_display, resolve_surnames, strip_leading


def canonicalise(lex: EntityLexicon, doc: Doc) -> None:
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    keys: list[tuple[str, str]] = []
    ents = doc.ents  # each access builds new Span objects: read once
    text = doc_text(doc)  # a slice of it is ent.text without a Token per word
    for ent in ents:
        name = normalize_name(text[ent.start_char : ent.end_char])
        form = strip_leading(name, lex.strip_words, lex.name_heads)
        key = (ent.label_, form.casefold())
        forms[key].append(form)
        keys.append(key)
    display = {key: pick_display(values) for key, values in forms.items()}
    full_people = [display[k] for k in display if k[0] == "PER" and " " in k[1]]
    for ent, key in zip(ents, keys, strict=True):
        name = display[key]
        if key[0] == "PER" and " " not in key[1]:
            name = resolve_surnames(full_people, name) or name
        ent._.factex_canonical = name

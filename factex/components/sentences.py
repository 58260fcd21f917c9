"""factex_sentences: a sentence starts after a blank line, before the parser decides.

This module is also the one home of the repairs of the parser's sentence breaks that later
components need (:func:`sentence_bounds`, :func:`written_sentence_start`, :func:`cut_at_comma`).

Titles, photo captions and page furniture ("Lecture : 1 minute", "Image") carry no final
full stop, so the parser glues them to the next sentence; subjects and periods then leak
across them. A blank line is a paragraph break in news text, so the token after it starts a
sentence. Single line breaks are left to the parser: hard-wrapped text has them mid-sentence.
The parser keeps boundaries that are already set, so this runs just before it.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from factex.components.token_index import token_index


class SentenceBreaks:
    """Mark ``is_sent_start`` on the first token after a whitespace token holding a blank line."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        # Only whitespace tokens are inspected (the tokenizer keeps "\n\n" as its own token),
        # found in one array op: a Token object per word costs more than the rest of the work.
        space = doc.to_array("IS_SPACE")
        for i in np.flatnonzero(space[:-1]).tolist():
            if not space[i + 1] and doc[i].text.count("\n") >= 2:
                doc[i + 1].is_sent_start = True
        return doc


#: Marks that never end a sentence, though the parser sometimes ends one there.
_GLUE = (",", ";", ":")
#: Marks that end a written sentence (";" too: a clause after it has a subject of its own).
_WRITTEN_ENDS = frozenset({".", "!", "?", "…", ";"})


def sentence_bounds(doc: Doc, text: str | None = None) -> list[tuple[int, int]] | None:
    """(start, end) character offsets of the Doc's sentences, or None without boundaries.

    ``text`` is ``doc.text`` when the caller has it already (each read joins every token).

    A sentence that the parser ends on a comma, semicolon or colon is glued to the next one
    (on the same line): "à 2 euros, | contre 1,90 en 2023" is one sentence for the currency.
    """
    if not doc.has_annotation("SENT_START"):
        return None
    bounds: list[tuple[int, int]] = []
    if text is None:
        text = doc.text
    for s in doc.sents:
        if bounds:
            start, end = bounds[-1]
            tail = text[start:end].rstrip()
            if tail.endswith(_GLUE) and "\n" not in text[start + len(tail) : s.start_char]:
                bounds[-1] = (start, s.end_char)
                continue
        bounds.append((s.start_char, s.end_char))
    return bounds


def written_sentence_start(sent: Span) -> int:
    """The token where the written sentence holding ``sent`` starts.

    The parser also cuts after a name ("Carrefour, dont ...") or inside "start-up"; a written
    sentence starts after . ! ? … ; or a line break (up to three parser sentences back).
    """
    doc = sent.doc
    start = sent.start
    # the words and sentence starts read off the parse's index: a Token and a sentence Span
    # per step cost more than the rest of the walk
    ix = token_index(doc)
    for _ in range(3):
        if start == 0:
            break
        prev = ix.text[start - 1]
        if prev in _WRITTEN_ENDS or ("\n" in prev and doc[start - 1].is_space):
            break
        start = ix.sent_start_of(start - 1)
    return start


def cut_at_comma(sent: Span) -> bool:
    """A sentence the parser ended at a comma, which ends it or starts the next one."""
    words = token_index(sent.doc).text
    return words[sent.end - 1] == "," or (sent.end < len(words) and words[sent.end] == ",")


@Language.factory("factex_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceBreaks:
    return SentenceBreaks(nlp, name)

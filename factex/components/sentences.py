"""factex_sentences: a sentence starts after a blank line, before the parser decides.

Titles, photo captions and page furniture ("Lecture : 1 minute", "Image") carry no final
full stop, so the parser glues them to the next sentence; subjects and periods then leak
across them. A blank line is a paragraph break in news text, so the token after it starts a
sentence. Single line breaks are left to the parser: hard-wrapped text has them mid-sentence.
The parser keeps boundaries that are already set, so this runs just before it.
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc


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


@Language.factory("factex_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceBreaks:
    return SentenceBreaks(nlp, name)

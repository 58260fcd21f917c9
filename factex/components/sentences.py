"""factex_sentences: a sentence starts after a blank line, before the parser decides.

Titles, photo captions and page furniture ("Lecture : 1 minute", "Image") carry no final
full stop, so the parser glues them to the next sentence; subjects and periods then leak
across them. A blank line is a paragraph break in news text, so the token after it starts a
sentence. Single line breaks are left to the parser: hard-wrapped text has them mid-sentence.
The parser keeps boundaries that are already set, so this runs just before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SentenceBreaks:
    """Mark ``is_sent_start`` on the first token after a whitespace token holding a blank line."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Only whitespace tokens are inspected: the tokenizer keeps "\n\n" as its own token.
        n = len(doc)
        for token in doc:
            if token.is_space and token.i + 1 < n and token.text.count("\n") >= 2:
                nxt = doc[token.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


@Language.factory("factex_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceBreaks:
    return SentenceBreaks(nlp, name)

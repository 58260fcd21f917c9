"""Two tokenizer changes factex's spans rely on, made by :func:`factex.pipeline.adapt_tokenizer`.

A span is cut on tokens, so a token that holds a sentence's full stop makes the stop part of
the fact: "de 14 à 16 h." would end a date on it, "4 k€." an amount. Both changes split such a
stop off, and nothing else: every other token stays as the language's tokenizer made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
from spacy.tokens import Doc


def split_after_currency_signs(tokenizer: Any, signs: str) -> None:
    """Let the tokenizer split punctuation after a currency sign ("4 k€." → "k€" + ".").

    The French rules split a final "." only after a letter or a digit, so "k€." or "5M€." stay
    one token. A second call adds nothing.
    """
    if not signs or not isinstance(tokenizer, Tokenizer):
        return
    pattern = getattr(getattr(tokenizer.suffix_search, "__self__", None), "pattern", None)
    extra = rf"(?<=[{re.escape(signs)}])[.,;:!?…)\]»]$"
    if isinstance(pattern, str) and extra not in pattern:
        tokenizer.suffix_search = re.compile(f"{pattern}|{extra}").search


class SentenceStopSplitter:
    """The language's tokenizer, then a full stop split off an abbreviation that ends a sentence.

    The French exceptions keep "h." whole, right for "à 17 h. 40" or "8 h. du soir", but at a
    sentence end ("de 14 à 16 h.", "16 h. Le maire...") the stop is the sentence's. Splitting on
    the fresh Doc, before any component, leaves every other token (and its exception norm) as
    the tokenizer made it.
    """

    def __init__(self, tokenizer: Any, words: list[str]) -> None:
        self.tokenizer = tokenizer
        self.words = frozenset(words)

    def __call__(self, text: str) -> Doc:
        doc: Doc = self.tokenizer(text)
        if not any(w in text for w in self.words):
            return doc
        targets = [
            t for t in doc if t.text in self.words and _ends_sentence(text, t.idx + len(t.text))
        ]
        if targets:
            with doc.retokenize() as retokenizer:
                for t in targets:
                    retokenizer.split(t, [t.text[:-1], "."], heads=[(t, 0), (t, 0)])
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # rules, to_bytes, explain...: the wrapped tokenizer's (never while unpickling)
        if name == "tokenizer" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end:].lstrip(" \t")
    return not rest or rest[0] == "\n" or rest[0].isupper()

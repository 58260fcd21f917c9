"""Hiding what is not text (invisible characters, markup tags) without moving a single offset.

spaCy splits tokens on spaces only, so zero-width characters, bidirectional marks and HTML tags
stick to the words next to them ("euros\\u200b", "<b>4,5", "2020.</p>") and every span built on
tokens carries them. Each such character is replaced here by a space (a tag by as many spaces
as it has characters, a line break first for tags that end a block), so the text keeps its
length and every offset found in the masked text is an offset into the original. Unpaired
surrogates (from bytes decoded with ``surrogateescape``) become U+FFFD: spaCy cannot encode them.
Records take their text from the original, so users see exactly what they gave.
"""

from __future__ import annotations

import re

# Zero-width space/non-joiner/joiner, LRM/RLM, word joiner, BOM, bidi embeddings and isolates.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>", re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b", re.I)
_ANY = re.compile(f"{_INVISIBLE.pattern}|{_SURROGATE.pattern}|<[A-Za-z/!]")


def mask(text: str) -> str:
    """``text`` with invisible characters and tags blanked out; same length, same offsets.

    >>> mask("5 millions d'euros\\u200b en 2019")
    "5 millions d'euros  en 2019"
    >>> mask("<p>Le budget : <b>4,5 milliards</b>.</p>")
    '\\n  Le budget :    4,5 milliards    .\\n   '
    >>> mask("Les prix < 5 € et > 2 €") == "Les prix < 5 € et > 2 €"
    True
    """
    if not _ANY.search(text):  # the common case: nothing to do, no copy
        return text
    text = _INVISIBLE.sub(" ", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _TAG.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    tag = match.group()
    if _BLOCK.match(tag):
        return "\n" + " " * (len(tag) - 1)
    return " " * len(tag)

"""Text that is no prose: URLs, e-mail addresses and file names, whose figures are no facts.

"…?q=30%25%2020%" holds no percentage of 2020, "bilan-75%-final.pdf" none of 75 %.
"""

from __future__ import annotations

import re

#: addresses, e-mail addresses and file names: figures inside them are no facts
_HIDDEN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"«»]+"
    # each starts where its run of name characters starts: tried anywhere inside a long run
    # ("0123456789" * 5000) it would rescan the run from every position
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w%+.-])[\w%+-]+(?:[._-][\w%+-]+)*\.(?i:pdf|docx?|xlsx?|csv|pptx?|html?|php|aspx?|jpe?g|png|gif|"
    r"txt|zip|json|xml|odt|ods)(?![\w])"
)
#: the end of a file name: every match of _HIDDEN's third branch ends with it
_EXTENSION = re.compile(
    r"\.(?i:pdf|docx?|xlsx?|csv|pptx?|html?|php|aspx?|jpe?g|png|gif|txt|zip|json|xml|odt|ods)"
    r"(?![\w])"
)


def hidden_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of URLs, e-mail addresses and file names in ``text``.

    >>> t = "Voir https://ex.org/?q=30%25%2020% ou bilan-75%-final.pdf, écrire à a.b@ex.fr."
    >>> [t[s:e] for s, e in hidden_spans(t)]
    ['https://ex.org/?q=30%25%2020%', 'bilan-75%-final.pdf', 'a.b@ex.fr']
    >>> hidden_spans("Le fichier .pdf manque, www est un mot, 3 @ 5 aussi.")
    []
    """
    # Most texts hold none: what each branch needs is looked for first (one fast search
    # each, where the whole pattern was tried at every position).
    if (
        "http" not in text
        and "www." not in text
        and "@" not in text
        and _EXTENSION.search(text) is None
    ):
        return []
    return [m.span() for m in _HIDDEN.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)

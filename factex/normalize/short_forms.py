"""Short forms of a name within one article: "Nexa" or "NG" for "Nexa Groupe", and the
acronyms a text defines in brackets. The frame reads them so that a later short mention
counts for its full name. (Across articles, names merge in :mod:`factex.normalize.aliases`.)
Pure: no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: a word of letters only
_LETTERS = re.compile(r"[^\W\d_]+")


def _initials(name: str) -> str:
    words = _LETTERS.findall(name)
    return "".join(w[0] for w in words if w[0].isupper())


def short_forms(names: Iterable[str], defined: dict[str, str] | None = None) -> dict[str, str]:
    """Short forms that stand for a longer name of the same text: its first word(s), its
    initials, or an acronym the text defines in brackets ("Orange Côte d'Ivoire (OCI)").

    >>> sorted(short_forms(["Grimsel Instruments", "Grimsel", "Hewlett-Packard", "HP"]).items())
    [('Grimsel', 'Grimsel Instruments'), ('HP', 'Hewlett-Packard')]
    >>> sorted(short_forms(["Office fédéral", "OFS"], {"OFS": "Office fédéral de la statistique"}))
    ['OFS', 'Office fédéral']
    >>> short_forms(["Paris", "Paris Saint-Germain"])  # a place is no short form of a club
    {'Paris': 'Paris Saint-Germain'}
    >>> sorted(short_forms(["Nexa Groupe", "Nex", "NG", "Nexa"]).items())  # "Nex": no word
    [('NG', 'Nexa Groupe'), ('Nexa', 'Nexa Groupe')]
    """
    out: dict[str, str] = dict(defined or {})
    unique = sorted(set(names) | set(out.values()), key=len, reverse=True)
    # the names each short form begins ("Grimsel" of "Grimsel Instruments"), by rank in unique
    begun: dict[str, list[int]] = {}
    for rank, long in enumerate(unique):
        for m in _WORD_END.finditer(long):
            begun.setdefault(long[: m.start()], []).append(rank)
    by_initials: dict[str, list[int]] | None = None  # the same for initials, when asked
    for short in unique:
        if short in out:
            continue
        ranks = begun.get(short, [])
        if len(short) >= 2 and short.isupper():
            if by_initials is None:
                by_initials = {}
                for rank, long in enumerate(unique):
                    by_initials.setdefault(_initials(long), []).append(rank)
            ranks = sorted({*ranks, *by_initials.get(short, ())})
        for rank in ranks:  # the longest name first, as unique is sorted
            long = unique[rank]
            if len(long) > len(short) and long not in out:
                out[short] = long
                break
    return out


#: where a short form may end in a longer name: a space or a hyphen ("Hewlett-Packard")
_WORD_END = re.compile(r"[ -]")
_DEFINED = re.compile(
    r"(?P<long>[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,9})\s+\((?P<short>[A-ZÀ-Ý]{2,8})\)"
)
#: what every definition ends with: an acronym in brackets after a space
_BRACKETED = re.compile(r"\s\([A-ZÀ-Ý]{2,8}\)")
#: an elided article before a capital ("l'Union"): the name starts after it
_ELIDED = re.compile(r"^[a-zà-ÿ]['’](?=[A-ZÀ-Ý])")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines in brackets, mapped to the words before them that they
    abbreviate: from the capital word with the acronym's first letter, else from the one that
    leaves at least as many words as letters needed.

    >>> defined_acronyms("l'Office fédéral de la statistique (OFS) a publié")
    {'OFS': 'Office fédéral de la statistique'}
    >>> defined_acronyms("L'inflation dans l'Union économique et monétaire ouest-africaine (UEMOA)")
    {'UEMOA': 'Union économique et monétaire ouest-africaine'}
    >>> defined_acronyms("selon l'Agence nationale de la statistique et de la démographie (ANSD)")
    {'ANSD': 'Agence nationale de la statistique et de la démographie'}
    >>> defined_acronyms("le groupe (coté à Lyon) recule"), defined_acronyms("les ventes (NX)")
    ({}, {})
    """
    out: dict[str, str] = {}
    if "(" not in text or _BRACKETED.search(text) is None:
        return out  # most texts: no acronym in brackets, no name scanned for one
    for m in _DEFINED.finditer(text):
        words = [_ELIDED.sub("", w) for w in m.group("long").split()]
        short = m.group("short")
        capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
        if not capitals:
            continue
        same = [i for i in capitals if words[i][0] == short[0] and len(words) - i >= 2]
        enough = [i for i in capitals if len(words) - i >= len(short) - 1]
        start = (same or enough or capitals[-1:])[0]
        out[short] = " ".join(words[start:])
    return out

"""One name for a subject across articles: canonical forms, acronyms and defined short forms.

The same company is written "Nordial" and "NORDIAL", "Hewlett-Packard" and "HP", "Orange Côte
d'Ivoire" and "OCI". Names merge when their keys are equal (case, accents, typography and a legal
suffix folded); when one is a short form (2 to 6 capitals) that a text defines by the other in
parentheses, in any article (unless another article defines it otherwise); or when a short form
spells the initials of the capitalised words of exactly one other name (hyphens and apostrophes
split words; two long names with the same initials leave it alone; persons give no initials).
A name never merges with a longer name that starts with it: "Orange" is not "Orange Côte
d'Ivoire". Pure: no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from factex.normalize.names import name_key

_SHORT = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_SUFFIX = re.compile(r"\s+(?:s\.?a\.?s?|s\.?e\.?|inc\.?|ltd\.?|plc|ag|n\.?v\.?)$")
_WORDS = re.compile(r"[^\s\-'’]+")
_DEFINITION = re.compile(r"\(\s*([A-Z][A-Z0-9&]{1,5})\s*\)")


def folded_key(name: str) -> str:
    """The comparison key of a name: casefolded, without accents or a legal suffix.

    >>> folded_key("NORDIAL") == folded_key("Nordial SA") == folded_key("Nordiál")
    True
    """
    key = name_key(name)
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return _SUFFIX.sub("", key)


def is_short_form(name: str) -> bool:
    """Whether a name looks like an acronym: one word of 2 to 6 capitals (digits, & allowed).

    >>> is_short_form("HP"), is_short_form("OCI"), is_short_form("Nordial"), is_short_form("H")
    (True, True, False, False)
    """
    return _SHORT.fullmatch(name) is not None


def initials(name: str) -> str:
    """The initials of the capitalised words of a name.

    >>> initials("Hewlett-Packard"), initials("Orange Côte d'Ivoire"), initials("Banque de France")
    ('HP', 'OCI', 'BF')
    """
    return "".join(w[0] for w in _WORDS.findall(name) if w[0].isupper())


def _spells(short: str, long: str) -> bool:
    """Whether the short form's letters follow the initials of the long name's words in order,
    the first letter the first word's ("SNCF" in "Société nationale des chemins de fer")."""
    heads = [w[0].upper() for w in _WORDS.findall(long)]
    if not heads or heads[0] != short[0]:
        return False
    rest = iter(heads)
    return all(letter in rest for letter in short)


def definitions(text: str, names: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The (long name, short form) pairs a text defines in parentheses.

    The long name is the longest of ``names`` the text has right before the parenthesis, else
    the shortest run of words before it whose capitalised initials spell the short form.

    >>> definitions("L'opérateur Orange Côte d'Ivoire (OCI) a publié ses comptes.")
    [("Orange Côte d'Ivoire", 'OCI')]
    >>> definitions("La Société nationale des chemins de fer (SNCF) recrute.", ["SNCF", "Société "
    ...     "nationale des chemins de fer"])
    [('Société nationale des chemins de fer', 'SNCF')]
    >>> definitions("PARIS (AFP) - Le groupe HP (Hewlett-Packard) ...")
    []
    """
    known = sorted({n for n in names if not is_short_form(n)}, key=len, reverse=True)
    found: list[tuple[str, str]] = []
    for match in _DEFINITION.finditer(text):
        short, before = match.group(1), text[: match.start()].rstrip()
        long = next((n for n in known if before.endswith(n) and _spells(short, n)), None)
        long = long or _initials_run(before, short)
        if long:
            found.append((long, short))
    return found


def _initials_run(before: str, short: str) -> str | None:
    words = before.split()
    for size in range(1, min(len(words), 2 * len(short) + 2) + 1):
        candidate = " ".join(words[-size:])
        if initials(candidate) == short and candidate[0].isupper():
            return candidate
    return None


class _Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        if root != key:
            root = self.parent[key] = self.find(root)
        return root

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def merge_names(
    counts: Mapping[str, int],
    defined: Iterable[tuple[str, str]] = (),
    persons: Iterable[str] = (),
) -> dict[str, str]:
    """Each name of ``counts`` mapped to the name shown for its group.

    ``counts`` gives how many documents use each name; ``defined`` holds (long, short) pairs
    from :func:`definitions`; ``persons`` are names of people. The shown name is the one used
    by most documents that is not a short form, then one that starts with a capital, then the
    longest.

    >>> merged = merge_names({"Hewlett-Packard": 1, "HP": 3, "hewlett-packard": 1, "Orange": 2,
    ...     "OCI": 1, "Orange Côte d'Ivoire": 1}, [("Orange Côte d'Ivoire", "OCI")])
    >>> merged["HP"], merged["hewlett-packard"], merged["OCI"], merged["Orange"]
    ('Hewlett-Packard', 'Hewlett-Packard', "Orange Côte d'Ivoire", 'Orange')
    >>> merge_names({"BF": 1, "Banque de France": 1, "Bouygues Foncier": 1})["BF"]
    'BF'
    """
    groups = _Groups()
    for name in counts:
        groups.find(folded_key(name))
    by_short = _defined_by(defined)
    people = {folded_key(p) for p in persons}
    longs: dict[str, set[str]] = {}
    for name in counts:
        key = folded_key(name)
        if not is_short_form(name) and key not in people and len(initials(name)) > 1:
            longs.setdefault(initials(name), set()).add(key)
    for name in counts:
        if not is_short_form(name):
            continue
        long_keys = by_short.get(name) or longs.get(name, set())
        if len(long_keys) == 1:
            groups.union(folded_key(name), next(iter(long_keys)))
    return _display(counts, groups)


def _defined_by(defined: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for long, short in defined:
        out.setdefault(short, set()).add(folded_key(long))
    return out


def _display(counts: Mapping[str, int], groups: _Groups) -> dict[str, str]:
    members: dict[str, list[str]] = {}
    for name in counts:
        members.setdefault(groups.find(folded_key(name)), []).append(name)

    def rank(name: str) -> tuple[bool, int, bool, int, str]:
        return (not is_short_form(name), counts[name], name[:1].isupper(), len(name), name)

    shown: dict[str, str] = {}
    for names in members.values():
        shown.update(dict.fromkeys(names, max(names, key=rank)))
    return shown

"""Currency resolution: ISO codes of currency words, marks and sub-units, scale factors, and
the code of a regional word (FCFA: XOF, or XAF where only CEMAC places are named)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from factex.normalize.money.cldr import tables
from factex.normalize.money.patterns import key, places_regex
from factex.normalize.money.values import CENT, Atom

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Regional:
    """A currency word whose code depends on the places named around it (FCFA: XOF or XAF)."""

    words: frozenset[str]
    code: str
    places: re.Pattern[str]
    others: re.Pattern[str]

    def side(self, text: str, start: int, end: int) -> bool | None:
        """True: ``code``; False: keep the default; None: the span names no place."""
        if self.others.search(text, start, end):
            return False
        return True if self.places.search(text, start, end) else None


class CurrencyTables:
    """The lookup tables of ``currencies.json`` and ``scales.json`` of one language."""

    def __init__(self, lang: str, cur: dict[str, Any], scales: dict[str, Any]) -> None:
        cldr = tables(lang)
        # CLDR's codes, symbols and names first; the resource's entries win
        marks = {c: c for c in cldr.codes if c.isupper()} | cldr.symbols
        self.marks: dict[str, str | None] = {
            **marks,
            **{re.sub(r"\s+", " ", k): v for k, v in cur["marks"].items()},
        }
        self.names: dict[str, str | None] = {
            **cldr.names,
            **{key(k): v for k, v in cur["names"].items()},
        }
        self.subunits: dict[str, str | None] = {key(k): v for k, v in cur["subunits"].items()}
        factors = cur.get("subunit_factors", {})
        self.subunit_factors = {key(k): Decimal(v) for k, v in factors.items()}
        local = cur.get("local", {})
        #: generic words ("francs", "$", "fr.") -> the codes they may stand for, by place
        self.generic: dict[str, frozenset[str]] = {
            w: cldr.heads[w] for w in self.names if w in cldr.heads and len(cldr.heads[w]) > 1
        }
        self.generic.update(
            (key(w), cldr.heads[key(head)]) for w, head in local.get("generic_marks", {}).items()
        )
        #: "M$", "G$", "3 milliards $": a scaled mark whose code is the notation's
        self.scaled_marks: dict[str, str] = local.get("scaled_marks", {})
        self.ambiguous = frozenset(key(k) for k in cur.get("ambiguous", ()))
        self.colloquial_words = frozenset(key(k) for k in cur.get("colloquial", ()))
        self.subunit_defaults: dict[str, str] = {
            key(k): v for k, v in cur.get("subunit_defaults", {}).items()
        }
        regional = [
            Regional(
                frozenset(key(w) for w in r["words"]),
                r["code"],
                places_regex(r["places"]),
                places_regex(r["other_places"]),
            )
            for r in cur.get("regional", ())
        ]
        #: The regional rule of a currency word ("fcfa"), looked up for every atom.
        self.regional: dict[str, Regional] = {w: r for r in regional for w in r.words}
        self.scale_words = {key(k): Decimal(v) for k, v in scales["words"].items()}
        self.abbreviations = {k: Decimal(v) for k, v in scales["abbreviations"].items()}
        self.counting = frozenset(key(k) for k in scales["counting"])
        # the lookups of currency(), per word as written: few distinct words, read per atom
        self._currencies: dict[str, tuple[str | None, Decimal]] = {}

    def currency(self, text: str) -> tuple[str | None, Decimal]:
        """(ISO code or None, factor) of a currency word or mark; KeyError if unknown."""
        found = self._currencies.get(text)
        if found is None:
            if len(self._currencies) > 4096:  # bounded: runs of spaces vary without end
                self._currencies.clear()
            found = self._currencies[text] = self._currency(text)
        return found

    def _currency(self, text: str) -> tuple[str | None, Decimal]:
        mark = _SPACES.sub(" ", text)
        if mark in self.marks:
            return self.marks[mark], Decimal(1)
        word_key = key(text)
        if word_key in self.names:
            return self.names[word_key], Decimal(1)
        return self.subunits[word_key], self.subunit_factors.get(word_key, CENT)

    def scale(self, text: str) -> Decimal:
        """The factor of a scale word or abbreviation; KeyError if unknown."""
        return self.abbreviations.get(text) or self.scale_words[key(text)]


def regionalize(
    tables: CurrencyTables, text: str, atoms: list[Atom], sentences: Sequence[tuple[int, int]]
) -> list[Atom]:
    """FCFA is XAF where the sentence (else the text) names only CEMAC places."""
    rules = tables.regional
    if not any(a.cur in rules for a in atoms):
        return atoms
    starts = [s for s, _ in sentences]
    whole: dict[str, bool] = {}
    out = []
    for a in atoms:
        rule = rules.get(a.cur)
        if rule is None or a.code == rule.code:
            out.append(a)
            continue
        i = bisect.bisect_right(starts, a.start) - 1
        start, end = sentences[i] if i >= 0 else (0, len(text))
        side = rule.side(text, start, end)
        if side is None:
            if rule.code not in whole:
                whole[rule.code] = bool(rule.side(text, 0, len(text)))
            side = whole[rule.code]
        out.append(replace(a, code=rule.code, inferred=True) if side else a)
    return out

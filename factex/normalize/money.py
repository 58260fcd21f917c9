"""Amounts of money in French text: exact values, ISO 4217 currencies, ranges and bounds.

:func:`find_money` scans a text with one compiled regex (built from ``currencies.json``,
``scales.json``, ``number_words.json`` and ``money.json`` of the language) and returns
:class:`MoneyMatch` objects with character offsets. It knows no spaCy: the ``factex_money``
component passes it the sentence boundaries of the Doc.

What the values mean (the choices, in one place):

* ``amount`` is the figure written, exact: "39,9 milliards de dollars" is 39900000000.
  Approximations ("environ", "près de", "quasi"...) keep the amount and are part of the span,
  as in Duckling's corpus ("quasi neuf livres"; the news gold disagrees: "près de [2 milliards
  de dollars]").
* A closed range ("entre 10 et 20 millions d'euros", "de 3 à 5 milliards de dollars",
  "10 à 12 M€", "10 - 20 €") has ``amount=None`` and both ``amount_min`` and ``amount_max``;
  a first figure without its own scale word takes the second one's ("10" → 10 millions), or
  the scale below it when it is a hundred times larger ("de 800 à 1,2 milliard": 800
  millions).
* A bound is an open interval, like Duckling's: "plus de", "au moins", "pas moins de" give
  ``amount_min`` only; "moins de", "jusqu'à", "pas plus de", "en dessous de" give
  ``amount_max`` only; ``amount`` is then None. The bound words are part of the span.
* After a change verb ("est passé de 10 à 12 millions d'euros") "de X à Y" is two amounts,
  not a range; the first takes the second's scale and currency (``currency_inferred=True``),
  also across a year ("passe de 900 en 2024 à 1,5 milliard d'euros": 900 millions EUR).
* A four-digit year after a cue word ("en 2016", "fin 2017", "juillet 2018", see
  ``year_cues``) with no currency or scale of its own is never an amount nor a range bound:
  "passé de 1,08 milliard d'euros en 2016 à 1,31 milliard en 2017" is two amounts, the second
  with EUR carried. "de 1800 à 2000 euros" has no cue and stays a range.
* ``currency`` is an ISO 4217 code, or None when the currency word names no single currency
  ("francs", "pesos"). News defaults for ambiguous signs: "$" and "dollars" are USD, "£" and
  "livres" GBP (see ``currencies.json``). Sub-units count for 0.01 ("1 USD et 23 centimes",
  and "12 euros 50" when the two digits end the clause); "centimes" alone are in the currency
  of the nearest priced amount of the sentence, else of the text ("3,50 francs suisses, soit
  20 centimes de plus": CHF, inferred; none when that amount is in "francs"), else in EUR.
  Words that also name things ("livres": books) need decimals or a bound/approximation word
  ("quasi neuf livres") to be money; "livres sterling" always is.
* Slang ("15 balles") is money with ``currency=None``: the word says neither francs nor euros,
  and no currency is taken from context for it. "balles" are mostly bullets or balls in news,
  so such an amount is money only as the whole text, or in a sentence with a price cue
  ("coûte", "payé", "un menu à 15 balles", "pour 300 balles") and no bullet or sport cue
  ("tirées", "touché par", "balles en caoutchouc", "balles de match"); "à deux balles" is the
  idiom "worthless". Words and cues are data (``colloquial`` in ``currencies.json`` and
  ``money.json``).
* "FCFA", "F CFA" and "francs CFA" are XOF (UEMOA, the news default) unless the sentence
  names only places of the CEMAC (Cameroun, Gabon, Yaoundé, Douala...), or names no place of
  either zone while the whole text names only CEMAC ones: then XAF, with
  ``currency_inferred=True``. The places are data (``regional`` in ``currencies.json``);
  "FCFA BEAC" and "francs CFA BCEAO" say their code and are never changed.
* A bare figure gets a currency from context only in the same sentence, and is then marked
  ``currency_inferred=True``: a figure with a scale word ("5,8 milliards" after "18,2 milliards
  d'euros") takes the currency of the nearest explicit amount (before it, else after it, as
  in "passe de 900 millions en 2024 à 1,5 milliard d'euros": the writer gives the currency
  once, for both figures); a
  plain figure takes it only in an obvious list right after a priced amount ("12 euros pour
  les adultes et 8 pour les enfants"), with its scale word ("18 milliards d'euros contre
  16,5 en 2017": 16500000000), or when it repeats the construction of the amount before it,
  after "," or "et": the same preposition after both ("45 M€ pour les routes, 30 pour les
  écoles et 12 pour la culture": 30 and 12 millions of euros), or a gapped verb, a
  determiner and one to three words right before the figure, which ends its clause ("l'État
  apportera 2 milliards d'euros, la région 500 millions et les communes 300": 300 millions).
  Such a figure takes the scale only below 1000; a unit or a noun after it ("30 km", "pour
  12 projets"), a digit between ("en 2024, 30 pour"), "pour 100", or a reference noun before
  it ("la page 12", "le rang 3": ``parallel`` in ``money.json``) keep it out, and the
  ``factex_money`` component drops it when the parse finds a verb in those words ("le groupe
  emploie 300"). "et demi" after a scale word adds half of it ("quatre
  milliards et demi d'euros": 4500000000; "deux millions et demi d'habitants" counts people,
  not money). A year, a figure followed by "%", or one that counts
  things ("un million de personnes") is never money.

>>> found = find_money("Il atteint 18,2 milliards d’euros, dont 5,8 milliards pour l'État.")
>>> [(m.as_dict()["amount"], m.currency, m.currency_inferred) for m in found]
[('18200000000', 'EUR', False), ('5800000000', 'EUR', True)]
>>> found = find_money("Le plan prévoit 45 M€ pour les routes, 30 pour les écoles.")
>>> [(m.as_dict()["amount"], m.currency_inferred) for m in found]
[('45000000', False), ('30000000', True)]
>>> find_money("Un million de personnes ont manifesté en 2017.")
[]
>>> [(m.amount, m.currency) for m in find_money("Le menu coûte 15 balles.")]
[(Decimal('15'), None)]
>>> find_money("Trois balles ont été tirées sur la vitrine.")
[]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from factex.normalize.numbers import (
    DIGITS,
    fractions,
    parse_number,
    plain,
    scaled_units,
    trie_regex,
    words_pattern,
)
from factex.resources import load

#: Horizontal white space: an amount never runs across a line break.
H = r"[^\S\r\n]"
CENT = Decimal("0.01")
#: A pattern that matches nothing, for a cue list a language leaves empty.
NEVER = r"(?!x)x"


@dataclass(frozen=True, slots=True)
class MoneyMatch:
    """One amount found in a text: character offsets and exact values."""

    start: int
    end: int
    amount: Decimal | None
    currency: str | None
    currency_inferred: bool = False
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    #: offsets of the words before a bare figure whose verb is gapped ("la région" in "...
    #: d'euros, la région 500"), for a parse to check they hold no verb ("le groupe emploie")
    ellipsis: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON-safe dict stored on ``Span._.factex_money`` (amounts as plain strings)."""
        return {
            "amount": _str(self.amount),
            "currency": self.currency,
            "currency_inferred": self.currency_inferred,
            "amount_min": _str(self.amount_min),
            "amount_max": _str(self.amount_max),
        }


def _str(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _key(text: str) -> str:
    """Lookup key of a currency or scale word: lower case, plain apostrophe, single spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'").strip().lower())


def _phrase(text: str) -> str:
    """A literal phrase as a regex: any run of spaces for a space, either apostrophe."""
    parts = [re.escape(p) for p in text.split()]
    return (H + "+").join(parts).replace("'", "['’]")


def _char(ch: str) -> str:
    if ch.isspace():
        return H + "+"
    return "['’]" if ch in "'’" else re.escape(ch)


def _alternation(phrases: Sequence[str]) -> str:
    """Phrases matched in any case (use inside ``(?i:...)``), as a trie for speed."""
    return trie_regex(sorted({re.sub(r"\s+", " ", p.strip().lower()) for p in phrases}), _char)


def _elidable(phrase: str) -> str:
    """A phrase ending in "de" also matches its elided form before a vowel ("plus d'un")."""
    if phrase.endswith(" de"):
        return _phrase(phrase[:-3]) + rf"{H}+(?:de|d['’])"
    return _phrase(phrase)


def _marks_regex(marks: Sequence[str]) -> str:
    """Currency marks as one case-sensitive regex; a mark never touches a letter.

    The look-behind is shared by all letter-initial marks, so that most positions inside
    words fail at once: the scan stays one cheap pass over the text.
    """
    lettered = trie_regex(sorted({m for m in marks if m[0].isalpha()}), _char)
    symbols = trie_regex(sorted({m for m in marks if not m[0].isalpha()}), _char)
    return rf"(?:(?<![^\W\d_]){lettered}|{symbols})(?![^\W\d_])"


@dataclass(frozen=True, slots=True)
class _Atom:
    """A number with what is written right next to it: scale word, currency."""

    start: int
    end: int
    number: Decimal
    scale: Decimal | None
    counting: bool  # the scale is a word ("milliards") that may stand for money in context
    has_currency: bool
    code: str | None
    factor: Decimal  # 0.01 for sub-units ("centimes")
    words: bool  # number spelled in words
    ambiguous: bool = False  # the currency word also names things ("livres")
    cur: str = ""  # the currency word's lookup key ("fcfa"), for regional codes
    inferred: bool = False  # the code comes from context (a place named nearby)
    colloquial: bool = False  # slang that also names things ("balles"): needs a price cue

    @property
    def value(self) -> Decimal:
        return self.number * (self.scale or 1) * self.factor


@dataclass(frozen=True, slots=True)
class _Item:
    """A money candidate: an atom or a range, before the currency is carried over."""

    start: int
    end: int
    amount: Decimal | None
    code: str | None
    kind: str  # "priced" (currency written), "scaled" (bare with a scale word), "bare"
    inferred: bool = False
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    num_start: int = 0
    scale: Decimal | None = None  # the scale word's factor, lent to a bare figure in a list
    default: str | None = None  # a sub-unit's currency when the sentence prices in no other
    colloquial: bool = False  # "15 balles": money only with a price cue, or as the whole text
    ellipsis: tuple[int, int] | None = None  # "la région" in "..., la région 500 millions"

    def match(self) -> MoneyMatch:
        return MoneyMatch(
            self.start, self.end, self.amount, self.code, self.inferred,
            self.amount_min, self.amount_max, self.ellipsis,
        )


@dataclass(frozen=True, slots=True)
class _Regional:
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


def _places_regex(places: Sequence[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){trie_regex(sorted(set(places)), _char)}(?!\w)")


class _Grammar:
    """Compiled patterns and lookup tables of one language."""

    def __init__(self, lang: str) -> None:
        cur = load(lang, "currencies")
        scales = load(lang, "scales")
        words = load(lang, "money")
        self.lang = lang
        self.marks: dict[str, str | None] = {
            re.sub(r"\s+", " ", k): v for k, v in cur["marks"].items()
        }
        self.names: dict[str, str | None] = {_key(k): v for k, v in cur["names"].items()}
        self.subunits: dict[str, str | None] = {_key(k): v for k, v in cur["subunits"].items()}
        self.ambiguous = frozenset(_key(k) for k in cur.get("ambiguous", ()))
        self.colloquial_words = frozenset(_key(k) for k in cur.get("colloquial", ()))
        self.subunit_defaults: dict[str, str] = {
            _key(k): v for k, v in cur.get("subunit_defaults", {}).items()
        }
        regional = [
            _Regional(
                frozenset(_key(w) for w in r["words"]), r["code"],
                _places_regex(r["places"]), _places_regex(r["other_places"]),
            )
            for r in cur.get("regional", ())
        ]
        #: The regional rule of a currency word ("fcfa"), looked up for every atom.
        self.regional: dict[str, _Regional] = {w: r for r in regional for w in r.words}
        self.scale_words = {_key(k): Decimal(v) for k, v in scales["words"].items()}
        self.abbreviations = {k: Decimal(v) for k, v in scales["abbreviations"].items()}
        self.counting = frozenset(_key(k) for k in scales["counting"])
        self.not_counted = frozenset(_key(k) for k in words["not_counted"])
        self.after_one = frozenset(_key(k) for k in words["after_one"])
        self.years = (int(words["year_range"][0]), int(words["year_range"][1]))
        halves = _alternation(list(fractions(lang))) if fractions(lang) else "(?!x)x"
        cues = _alternation(words["year_cues"])
        # "en 2016", "mi-2024", and the second year of "2019-2020"
        self.year_cue = re.compile(
            rf"(?:(?<![\w'’-])(?i:{cues})(?:{H}+|-)|(?<![\d.,])\d{{4}}[-–/])$"
        )
        # "de 1,08 milliard en 2016 à 1,31 milliard": the year between the two figures
        self.year_gap = re.compile(
            rf",?{H}*(?i:{cues})(?:{H}+|-)\d{{4}}(?:[-–/]\d{{4}})?(?!\d),?"
        )

        marks = _marks_regex(list(self.marks))
        names = _alternation([*cur["names"], *cur["subunits"]])
        scale_w = _alternation(list(scales["words"]))
        abbr = "|".join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))
        number = rf"{DIGITS}|(?i:{words_pattern(lang)})"
        currency = rf"(?i:{names})(?![\w-])|{marks}"
        self.atoms = re.compile(
            rf"(?P<pre>{marks}){H}?(?P<pnum>{DIGITS})"
            rf"(?:{H}?(?P<pscale>(?i:{scale_w})(?![\w])|(?:{abbr})(?![^\W\d_])))?"
            rf"|(?P<num>{number})"
            rf"(?:{H}*(?P<abbr>{abbr}){H}*(?P<acur>{marks})"
            rf"|{H}+(?P<scale>(?i:{scale_w}))(?![\w])"
            rf"(?:{H}+(?i:et){H}+(?P<half>(?i:{halves}))(?![\w-]))?"
            # the rest below the scale, maybe scaled itself ("3 milliards 200 millions d'euros")
            rf"(?:{H}+(?P<rest>(?:{number})(?:{H}+(?i:{scale_w})(?![\w]))?)"
            rf"(?:{H}*(?P<rcur>{currency})|{H}+(?:(?i:de){H}+|(?i:d)['’]{H}*)(?P<dcur>{currency}))"
            rf"|{H}*(?:(?i:de){H}+|(?i:d)['’]{H}*)?(?P<scur>{currency}))?"
            rf"|{H}*(?P<cur>{currency}))?"
        )
        self.percent_after = re.compile(rf"{H}*(?:%|(?i:pour{H}?cents?|pourcents?|points?)\b)")
        self.counted_after = re.compile(
            rf"{H}+(?i:de{H}+|d['’]{H}*)(?P<w>(?i:l['’])|[\w-]+)"
        )
        self.after_word = re.compile(rf"{H}+(?P<w>[\w-]+)")
        bounds = [(p, "min") for p in words["min_bounds"]]
        bounds += [(p, "max") for p in words["max_bounds"]]
        bounds += [(p, "approx") for p in words["approximations"]]
        self.bound_kind = {_key(p): kind for p, kind in bounds}
        self.prefix = re.compile(
            r"(?<![\w'’-])(?P<p>(?i:"
            + "|".join(_elidable(p) for p, _ in sorted(bounds, key=lambda b: -len(b[0])))
            + rf")){H}*$"
        )
        openers = words["range_open"]
        self.opener = re.compile(
            rf"(?<![\w'’-])(?P<o>(?i:{_alternation(list(openers))})){H}+$"
        )
        self.open_joins = {
            _key(o): re.compile(rf"{H}*(?i:{_alternation(j)}){H}*") for o, j in openers.items()
        }
        self.dash = re.compile(rf"{H}*(?:{_alternation(words['range_dash'])}){H}*")
        joins = sorted({j for js in openers.values() for j in js})
        #: what follows a range's first bound ("cinq et", "deux à"), checked before the opener
        self.join_after = re.compile(rf"{H}*(?i:{_alternation(joins)}){H}")
        self.change_verb = re.compile(
            rf"(?<![\w])(?i:{_alternation(words['change_verbs'])})(?:{H}+[\w'’-]+){{0,2}}{H}+$"
        )
        self.subunit_join = re.compile(rf"{H}+(?:(?i:et){H}+)?")
        self.clause_end = re.compile(rf"{H}*(?:$|[,.;:!?)»\n])")
        self.list_join = re.compile(
            rf"(?<![\w])(?i:{_alternation(words['list_joins'])}){H}*$"
        )
        slang = words.get("colloquial", {})
        self.price_cue = self._words_regex(slang.get("price_words", ()))
        self.not_money_cue = self._words_regex(slang.get("not_money", ()))
        before = slang.get("price_before", ())
        self.price_before = re.compile(
            # not after a figure: the "à" of "de 2 à 3 balles" joins a range, it sets no price
            rf"(?<![\w'’-])(?<!\d{H})(?i:{_alternation(before)}){H}+$" if before else NEVER
        )
        idioms = slang.get("idioms", ())
        self.idiom = re.compile(rf"(?<![\w'’-])(?i:{_alternation(idioms)})$" if idioms else NEVER)
        self.list_follow = re.compile(
            rf"{H}*(?:$|[,.;:!?)»\n]|(?i:{_alternation(words['list_follow'])})(?![\w]))"
        )
        par = words.get("parallel", {})
        preps = par.get("prepositions", ())
        #: "pour les routes, 30 pour les écoles": the word after both figures, never "pour 100"
        self.parallel_prep = re.compile(
            rf"{H}+(?P<w>(?i:{_alternation(preps)}))(?![\w'’-])(?!{H}*\d)" if preps else NEVER
        )
        dets = par.get("determiners", ())
        full = [d for d in dets if not d.endswith(("'", "’"))]
        elided = [d for d in dets if d.endswith(("'", "’"))]
        det = "|".join(
            [rf"(?i:{_alternation(full)}){H}+"] * bool(full)
            + [rf"(?i:{_alternation(elided)}){H}*"] * bool(elided)
        )
        joins = par.get("joins", ())
        word = r"[^\W\d_][\w'’-]*"
        # "[sur la table], la région 500 millions et les communes 300": a gapped verb, one to
        # three words, after what may complete the first amount (four words at most)
        self.gapped = re.compile(
            rf"(?:{H}+{word}){{0,4}}{H}*(?:{_alternation(joins)}){H}+(?:{det})(?P<np>{word}(?:{H}+{word}){{0,2}}){H}+"
            if joins and det else NEVER
        )
        self.not_items = frozenset(_key(w) for w in par.get("not_items", ()))
        self.join_end = re.compile(rf"(?:[,;]|(?<![\w'’-])(?i:et)){H}*$")
        self.item_end = re.compile(rf"{H}*(?:$|[,.;:!?)»\n])|{H}+(?i:et|ou)(?![\w'’-])")

    @staticmethod
    def _words_regex(phrases: Sequence[str]) -> re.Pattern[str]:
        """Whole words or phrases, in any case; none: a pattern that never matches."""
        if not phrases:
            return re.compile(NEVER)
        return re.compile(rf"(?<![\w'’-])(?i:{_alternation(phrases)})(?![\w'’-])")

    # -- atoms ------------------------------------------------------------------------

    def currency(self, text: str) -> tuple[str | None, Decimal]:
        """(ISO code or None, factor) of a currency word or mark; KeyError if unknown."""
        mark = re.sub(r"\s+", " ", text)
        if mark in self.marks:
            return self.marks[mark], Decimal(1)
        key = _key(text)
        if key in self.names:
            return self.names[key], Decimal(1)
        return self.subunits[key], CENT

    def scale(self, text: str) -> Decimal:
        return self.abbreviations.get(text) or self.scale_words[_key(text)]

    def atom(self, text: str, m: re.Match[str]) -> _Atom | None:
        if m.group("pre"):
            if m.group("pscale") is None and text[m.end() : m.end() + 1].isalpha():
                return None  # "€2m", "$5bn": an English scale we do not read; never "2 €"
            number = parse_number(m.group("pnum"), self.lang)
            scale_text, cur_text, words = m.group("pscale"), m.group("pre"), False
        else:
            raw = m.group("num")
            scale_text = m.group("abbr") or m.group("scale")
            cur_text = (
                m.group("acur") or m.group("rcur") or m.group("dcur") or m.group("scur")
                or m.group("cur")
            )
            words = not raw[0].isdigit()
            if scale_text is None and cur_text is None:
                if self.percent_after.match(text, m.end()):
                    return None  # a percentage: never money
                if words and not (
                    self.join_after.match(text, m.end())
                    and self.opener.search(text, max(0, m.start() - 20), m.start())
                ):
                    # a bare number in words is never money alone, only as the first bound of
                    # a range ("entre cinq et dix euros")
                    return None
            number = parse_number(raw, self.lang)
        if number is None:
            return None
        scale = self.scale(scale_text) if scale_text else None
        end = m.end()
        if m.group("pre") is None and scale is not None and (m.group("half") or m.group("rest")):
            # "quatre milliards et demi", "un million deux cent mille euros"
            half, rest_text = m.group("half"), m.group("rest")
            rest = parse_number(rest_text, self.lang) if rest_text else None
            units = None
            if not (rest_text and rest is None):
                units = scaled_units(number, scale, half, rest, self.lang)
            if units is None and rest_text:
                # "2 millions 3 millions d'euros" is two figures: this one ends at its scale,
                # and the scan goes on from there
                units = scaled_units(number, scale, half, None, self.lang)
                cur_text = None
                end = m.end("half") if half else m.end("scale")
            if units is None:
                return None
            number = units
        counting = scale_text is not None and _key(scale_text) in self.counting
        code, factor = self.currency(cur_text) if cur_text else (None, Decimal(1))
        if cur_text and words and number == 1 and scale is None:
            nxt = self.after_word.match(text, end)
            if nxt and _key(nxt.group("w")) in self.after_one:
                return None
        has_currency = cur_text is not None
        key = _key(cur_text) if cur_text else ""
        return _Atom(
            m.start(), end, number, scale, counting, has_currency, code, factor, words,
            key in self.ambiguous, key, colloquial=key in self.colloquial_words,
        )

    def yearlike(self, a: _Atom) -> bool:
        """Four plain digits that could be a year, whatever precedes them."""
        return (
            not a.has_currency and a.scale is None and not a.words and a.end - a.start == 4
            and self.years[0] <= a.number <= self.years[1]
        )

    def year_atom(self, text: str, a: _Atom) -> bool:
        """A bare four-digit year after a cue ("en 2016", "fin 2017", "juillet 2018")."""
        if not self.yearlike(a):
            return False
        return self.year_cue.search(text, max(0, a.start - 20), a.start) is not None

    # -- combining atoms --------------------------------------------------------------

    def combine(self, text: str, atoms: list[_Atom]) -> list[_Item]:
        items: list[_Item] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if i + 1 < len(atoms):
                pair = self.range(text, a, atoms[i + 1]) or self.subunit(text, a, atoms[i + 1])
                if pair:
                    items.extend(pair)
                    i += 2
                    continue
            single = self.single(text, a)
            if single:
                items.append(single)
            i += 1
        return items

    def range(self, text: str, a: _Atom, b: _Atom) -> list[_Item] | None:
        if not (b.has_currency or b.counting) or (a.has_currency and not b.has_currency):
            return None
        if a.has_currency and (a.code != b.code or a.factor != b.factor):
            return None
        if not b.has_currency and self.counts_things(text, b):
            return None
        # "au premier semestre 2022 à 18 millions": a date, then an amount
        dated = a.scale is None and b.scale is not None and a.number > b.number
        if dated and self.yearlike(a):
            return None
        between = text[a.end : b.start]
        opener = self.opener.search(text, max(0, a.start - 20), a.start)
        start = a.start
        change = False
        if opener:
            key = _key(opener.group("o"))
            change = key == "de" and bool(
                self.change_verb.search(text, max(0, opener.start() - 40), opener.start())
            )
            gap = self.year_gap.match(between) if change else None
            core = between[gap.end() :] if gap else between
            if not self.open_joins[key].fullmatch(core):
                opener = None
                change = False
            else:
                start = opener.start()
        if opener is None and (a.words or b.words or not self.dash.fullmatch(between)):
            return None
        first = a
        if a.scale is None and b.scale is not None:
            # "de 3 à 5 milliards"; a first figure a hundred times the second is in the
            # scale below it ("de 800 à 1,2 milliard": 800 millions), a merely larger one is
            # a fall ("est passé de 10 à 5 millions")
            scale = b.scale if a.number <= b.number * 100 else b.scale / 1000
            if scale >= 1000:
                first = replace(a, scale=scale, counting=b.counting)
        if not a.has_currency:
            first = replace(first, factor=b.factor)
        kind = "priced" if b.has_currency else "scaled"
        low, high = first.value, b.value
        if change:
            return [
                _Item(
                    a.start, a.end, low, b.code, kind,
                    b.inferred or (not a.has_currency and b.code is not None),
                    num_start=a.start, scale=b.scale, colloquial=b.colloquial,
                ),
                _Item(
                    b.start, b.end, high, b.code, kind, b.inferred,
                    num_start=b.start, scale=b.scale, colloquial=b.colloquial,
                ),
            ]
        low, high = min(low, high), max(low, high)
        return [
            _Item(
                start, b.end, None, b.code, kind, b.inferred, low, high, a.start, b.scale,
                colloquial=b.colloquial,
            )
        ]

    def subunit(self, text: str, a: _Atom, b: _Atom) -> list[_Item] | None:
        """ "1 USD et 23 centimes", "1 USD 23 cents", and "12 euros 50" at a clause end."""
        if not (a.has_currency and a.factor == 1) or a.scale or b.scale or b.number >= 100:
            return None
        if a.number != a.number.to_integral_value():
            return None
        if b.has_currency:
            if b.factor != CENT or b.code not in (None, a.code):
                return None
            if not self.subunit_join.fullmatch(text, a.end, b.start):
                return None
            cents = b.value
        else:
            if b.end - b.start != 2 or text[a.end : b.start].strip():
                return None
            if "\n" in text[a.end : b.start] or not self.clause_end.match(text, b.end):
                return None
            cents = b.number * CENT
        return [
            _Item(
                a.start, b.end, a.value + cents, a.code, "priced", a.inferred, num_start=a.start,
                colloquial=a.colloquial,
            )
        ]

    def counts_things(self, text: str, a: _Atom) -> bool:
        """A scale word followed by "de" + a noun counts things ("un million de personnes")."""
        counted = self.counted_after.match(text, a.end)
        return counted is not None and _key(counted.group("w")) not in self.not_counted

    def single(self, text: str, a: _Atom) -> _Item | None:
        if a.has_currency:
            kind = "priced"
            if a.code is None and a.cur in self.subunit_defaults:
                kind = "subunit"  # "soit 8 centimes de plus": its currency comes later
        elif a.counting:
            if self.counts_things(text, a):
                return None
            kind = "scaled"
        elif a.words or a.scale is not None:
            return None
        else:
            kind = "bare"
        item = _Item(
            a.start, a.end, a.value, a.code, kind, a.inferred, num_start=a.start, scale=a.scale,
            default=self.subunit_defaults.get(a.cur), colloquial=a.colloquial,
        )
        prefix = self.prefix.search(text, max(0, a.start - 40), a.start)
        if prefix is None:
            if a.ambiguous and a.number == a.number.to_integral_value():
                return None
            return item
        bound = self.bound_kind.get(_key(re.sub(r"d['’]$", "de", prefix.group("p"))), "approx")
        if bound == "min":
            return replace(item, start=prefix.start(), amount=None, amount_min=a.value)
        if bound == "max":
            return replace(item, start=prefix.start(), amount=None, amount_max=a.value)
        # an approximation keeps the amount and is part of the span, as in Duckling's corpus
        # ("quasi neuf livres"); the news gold leaves it out ("près de [2 milliards]")
        return replace(item, start=prefix.start())

    # -- colloquial currency words ----------------------------------------------------

    def colloquial(
        self, text: str, items: list[_Item], sentences: Sequence[tuple[int, int]]
    ) -> list[_Item]:
        """Drop "N balles" that are bullets or sport, not money.

        Slang money is taken as the whole text (the rule for any ambiguous shape, as a bare
        "17/2" is a date), or in a sentence that prices ("coûte", "payé", "un menu à 15
        balles", "pour 300 balles") and speaks of no gun or game ("tirées", "balle de match").
        """
        if not any(it.colloquial for it in items):
            return items
        starts = [s for s, _ in sentences]
        kept = []
        for it in items:
            if it.colloquial and not self.colloquial_money(text, it, starts, sentences):
                continue
            kept.append(it)
        return kept

    def colloquial_money(
        self, text: str, it: _Item, starts: list[int], sentences: Sequence[tuple[int, int]]
    ) -> bool:
        if not text[: it.start].strip() and not text[it.end :].strip(" \t\r\n.!?…"):
            return True
        if self.idiom.search(text, max(0, it.start - 4), it.end):
            return False
        i = bisect.bisect_right(starts, it.num_start) - 1
        start, end = sentences[i] if i >= 0 else (0, len(text))
        if self.not_money_cue.search(text, start, end):
            return False
        return bool(
            self.price_cue.search(text, start, end)
            or self.price_before.search(text, max(start, it.start - 12), it.start)
        )

    # -- currency from context --------------------------------------------------------

    def regionalize(
        self, text: str, atoms: list[_Atom], sentences: Sequence[tuple[int, int]]
    ) -> list[_Atom]:
        """FCFA is XAF where the sentence (else the text) names only CEMAC places."""
        rules = self.regional
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

    def carry(
        self, text: str, items: list[_Item], sentences: Sequence[tuple[int, int]]
    ) -> list[_Item]:
        starts = [s for s, _ in sentences]

        def sentence(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        sent = [sentence(it.num_start) for it in items]
        out: list[_Item | None] = list(items)
        anchors = [j for j, p in enumerate(items) if p.kind == "priced" and p.code]
        for i, it in enumerate(items):
            if it.kind == "subunit":
                out[i] = self.subunit_currency(items, i, sent)
            if it.kind != "scaled":
                continue
            # the nearest explicit amount of the same sentence, before it, else after it
            k = bisect.bisect_left(anchors, i)
            anchor = None
            if k > 0 and sent[anchors[k - 1]] == sent[i]:
                anchor = anchors[k - 1]
            elif k < len(anchors) and sent[anchors[k]] == sent[i]:
                anchor = anchors[k]
            if anchor is None:
                out[i] = None
            else:
                out[i] = replace(it, code=items[anchor].code, inferred=True, kind="carried")
        last: _Item | None = None
        for i, it in enumerate(items):
            if it.kind == "bare":
                out[i] = self.listed(text, it, last, sent[i], sentence)
            if out[i] is not None:
                last = out[i]
        return [it for it in out if it is not None]

    def subunit_currency(self, items: list[_Item], i: int, sent: list[int]) -> _Item:
        """ "centimes" are the currency of the nearest priced amount of the sentence, else of
        the text ("3,50 francs suisses, soit 20 centimes de plus": CHF), else EUR."""
        it = items[i]
        priced = [j for j, p in enumerate(items) if p.kind == "priced"]
        near = [j for j in priced if sent[j] == sent[i]] or priced
        if not near:
            return replace(it, code=it.default, kind="priced")
        code = items[min(near, key=lambda j: abs(j - i))].code
        return replace(it, code=code, inferred=code not in (None, it.default), kind="priced")

    def listed(
        self, text: str, it: _Item, prev: _Item | None, sent: int, sentence: Callable[[int], int]
    ) -> _Item | None:
        """A bare figure in an obvious list right after an amount: that amount's currency."""
        if prev is None or prev.code is None or sentence(prev.num_start) != sent:
            return None
        if self.is_year(it):
            return None
        gap = text[prev.end : it.start]
        ellipsis = None
        if not self.joined(text, it, gap):
            parallel = self.parallel(text, it, prev, gap)
            if parallel is None:
                return None
            ellipsis = parallel or None
            if prev.scale and _magnitude(it) >= 1000:
                return None  # "45 M€ pour les routes, 1 500 pour...": not clearly in millions
        # "18 milliards d'euros contre 16,5 en 2017": the figure shares the scale too
        factor = prev.scale or Decimal(1)
        return replace(
            it, code=prev.code, inferred=True, kind="carried", scale=prev.scale,
            amount=_times(it.amount, factor), amount_min=_times(it.amount_min, factor),
            amount_max=_times(it.amount_max, factor), ellipsis=ellipsis,
        )

    def joined(self, text: str, it: _Item, gap: str) -> bool:
        """ "12 euros pour les adultes et 8 pour les enfants", "18 milliards d'euros contre
        16,5 en 2017": a join word right before the figure, a list word right after."""
        if not self.list_follow.match(text, it.end):
            return False
        dated = self.year_gap.match(gap)  # "de 8 euros en 2019 à 9,50 en 2023"
        if dated:
            gap = gap[dated.end() :]
        return len(gap) <= 60 and not any(ch.isdigit() for ch in gap) and bool(
            self.list_join.search(gap)
        )

    def parallel(
        self, text: str, it: _Item, prev: _Item, gap: str
    ) -> tuple[int, int] | tuple[()] | None:
        """Whether a bare figure repeats the construction of the amount before it.

        ``()`` for the same preposition after both ("45 M€ pour les routes, 30 pour les
        écoles"); the offsets of the words before the figure for a gapped verb ("2 milliards
        d'euros, la région 500 millions et les communes 300"), which the parse may check hold
        no verb ("le groupe emploie 300"); None otherwise.
        """
        if len(gap) > 80 or any(ch.isdigit() for ch in gap):
            return None
        before = self.parallel_prep.match(gap)
        after = self.parallel_prep.match(text, it.end)
        if before and after and _key(before.group("w")) == _key(after.group("w")):
            return () if self.join_end.search(gap) else None
        gapped = self.gapped.fullmatch(gap)
        if gapped is None or not self.item_end.match(text, it.end):
            return None
        if any(_key(w) in self.not_items for w in gapped.group("np").split()):
            return None  # "la page 12", "le rang 3"
        offset = prev.end
        return offset + gapped.start("np"), offset + gapped.end("np")

    def is_year(self, item: _Item) -> bool:
        value = item.amount if item.amount is not None else item.amount_min or item.amount_max
        low, high = self.years
        return value is not None and value == value.to_integral_value() and low <= value <= high


def _times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else value * factor


def _magnitude(item: _Item) -> Decimal:
    value = item.amount if item.amount is not None else item.amount_min or item.amount_max
    return Decimal(0) if value is None else value


@cache
def _grammar(lang: str) -> _Grammar:
    return _Grammar(lang)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÝÉ«\"])|\n\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries, for callers that have none (no parser)."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def prepare(lang: str = "fr") -> None:
    """Compile the patterns of ``lang`` now (a missing resource file fails here, not later)."""
    _grammar(lang)


def currency_signs(lang: str = "fr") -> str:
    """The non-letter characters that end a currency mark ("€", "$", "£"...).

    >>> "€" in currency_signs() and "$" in currency_signs()
    True
    """
    return "".join(sorted({m[-1] for m in _grammar(lang).marks if not m[-1].isalnum()}))


#: (start, end) character offsets of the sentences of a text.
Bounds = Sequence[tuple[int, int]]


def find_money(
    text: str,
    sentences: Bounds | Callable[[], Bounds | None] | None = None,
    lang: str = "fr",
) -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, without overlaps.

    ``sentences`` are (start, end) character offsets of the sentences, used to carry a
    currency over; without them a rough split on end punctuation is used. They may be given as
    a function, called only when the text holds an amount: most texts hold none, and walking a
    parsed Doc's sentences costs more than the search.

    >>> [(m.amount, m.currency) for m in find_money("Il a coûté 39,9 milliards de dollars.")]
    [(Decimal('39900000000.0'), 'USD')]
    >>> m = find_money("un budget de 10 à 12 M€")[0]
    >>> m.amount, m.amount_min, m.amount_max, m.currency
    (None, Decimal('10000000'), Decimal('12000000'), 'EUR')
    >>> find_money("plus de 2 millions d'euros")[0].as_dict()["amount_min"]
    '2000000'
    >>> find_money("moins de 10 €")[0].as_dict()["amount_max"]
    '10'
    >>> find_money("1 USD et 23 centimes")[0].as_dict()["amount"]
    '1.23'
    >>> find_money("le 3 juillet 2018, 2017-2018, 58 %, 01 45 67 89 10")
    []
    >>> m = find_money("Le Gabon a levé 200 milliards de FCFA.")[0]
    >>> m.currency, m.currency_inferred
    ('XAF', True)
    """
    grammar = _grammar(lang)
    atoms: list[_Atom] = []
    pos = 0
    search = grammar.atoms.search
    while m := search(text, pos):
        a = grammar.atom(text, m)
        # an atom ends before its match when a figure was cut short at its scale
        pos = m.end() if a is None else a.end
        if a is not None and not grammar.year_atom(text, a):
            atoms.append(a)
    if not atoms:
        return []
    if callable(sentences):
        sentences = sentences()
    if sentences is None:
        sentences = _sentences(text)
    atoms = grammar.regionalize(text, atoms, sentences)
    items = grammar.combine(text, atoms)
    items = grammar.colloquial(text, items, sentences)
    items = grammar.carry(text, items, sentences)
    found: list[MoneyMatch] = []
    for it in sorted(items, key=lambda it: (it.start, -it.end)):
        if found and it.start < found[-1].end:
            continue
        found.append(it.match())
    return found


def currency_code(word: str, lang: str = "fr") -> str | None:
    """The ISO 4217 code for a currency word, symbol or code; KeyError if it is not one.

    >>> currency_code("dollars canadiens"), currency_code("£"), currency_code("FCFA")
    ('CAD', 'GBP', 'XOF')
    >>> currency_code("Livres Sterling"), currency_code("yuans"), currency_code("francs") is None
    ('GBP', 'CNY', True)
    """
    return _grammar(lang).currency(word)[0]


def scale_factor(word: str, lang: str = "fr") -> Decimal:
    """The exact factor of a scale word or abbreviation; KeyError if it is not one.

    >>> scale_factor("milliards"), scale_factor("Md"), scale_factor("billion")
    (Decimal('1000000000'), Decimal('1000000000'), Decimal('1000000000000'))
    """
    return _grammar(lang).scale(word)


def apply_scale(number: Decimal, scale: str | None, lang: str = "fr") -> Decimal:
    """``number`` times the factor of ``scale`` (none: unchanged), exactly.

    >>> plain(apply_scale(Decimal("39.9"), "milliards"))
    '39900000000'
    """
    return number if scale is None else number * scale_factor(scale, lang)

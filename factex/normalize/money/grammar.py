"""The compiled patterns of the money grammar of one language, built once and shared.

The tables of :class:`~factex.normalize.money.currencies.CurrencyTables` plus the regexes the
rules read: atoms (a number with its scale and currency), years, bounds and ranges, lists of
figures sharing a currency, and the cues of colloquial words ("balles").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factex.normalize.money.currencies import CurrencyTables
from factex.normalize.money.patterns import (
    alternation,
    elidable,
    key,
    linking,
    marks_regex,
    words_regex,
)
from factex.normalize.money.values import NEVER, H
from factex.normalize.numbers import (
    DIGITS,
    fractions,
    number_initials,
    words_pattern,
)
from factex.normalize.regex_words import initials_class
from factex.resources import load, year_cues


class Grammar(CurrencyTables):
    """Compiled patterns and lookup tables of one language."""

    def __init__(self, lang: str) -> None:
        cur = load(lang, "currencies")
        scales = load(lang, "scales")
        words = load(lang, "money")
        super().__init__(lang, cur, scales)
        self.lang = lang
        self.not_counted = frozenset(key(k) for k in words["not_counted"])
        self.after_one = frozenset(key(k) for k in words["after_one"])
        self.ambiguous_cue = words_regex(words.get("ambiguous_cues", ()))
        self.years = (int(words["year_range"][0]), int(words["year_range"][1]))
        self._build_years(words)
        self._build_atoms(cur, scales, words)
        self._build_bounds(words)
        self._build_lists(words)
        self._build_colloquial(words.get("colloquial", {}))
        self._build_parallel(words.get("parallel", {}))

    def _build_years(self, words: dict[str, Any]) -> None:
        cues = alternation(year_cues(self.lang, "not_amount"))
        # "en 2016", "mi-2024", and the second year of "2019-2020"
        self.year_cue = re.compile(
            rf"(?:(?<![\w'’-])(?i:{cues})(?:{H}+|-)|(?<![\d.,])\d{{4}}[-–/])$"
        )
        # "de 1,08 milliard en 2016 à 1,31 milliard": the year between the two figures
        self.year_gap = re.compile(rf",?{H}*(?i:{cues})(?:{H}+|-)\d{{4}}(?:[-–/]\d{{4}})?(?!\d),?")

    def _build_atoms(
        self, cur: dict[str, Any], scales: dict[str, Any], words: dict[str, Any]
    ) -> None:
        ands = alternation(words["and_words"])
        link = linking(words["currency_link"])
        halves = alternation(list(fractions(self.lang))) if fractions(self.lang) else "(?!x)x"
        marks = marks_regex(list(self.marks))
        glued = marks_regex(list(self.marks), glued=True)  # "850 MDH", "320 MF", "450 MEUR"
        names = alternation([*self.names, *cur["subunits"]])
        scale_w = alternation(list(scales["words"]))
        abbr = "|".join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))
        # "17, 1 milliards": a stray space after the decimal comma, seen before a scale word
        stray = rf"(?<![\d.,])\d{{1,3}},{H}\d{{1,2}}(?={H}+(?i:{scale_w})(?![\w]))"
        number = rf"{stray}|{DIGITS}|(?i:{words_pattern(self.lang)})"
        currency = rf"(?i:{names})(?![\w-])|{marks}"
        dash = r"(?:(?<=\d)[.,][–—-](?![\d–—-]))?"  # "Fr. 2'300.–": no cents, Swiss style
        lettered = initials_class([m for m in self.marks if m[0].isalpha()])
        symbols = initials_class([m for m in self.marks if not m[0].isalpha()])
        # where an atom may start (a number, a mark): most positions fail at this test, before
        # the many branches below
        starts = rf"(?:{number_initials(self.lang)}|(?={symbols}|{lettered}(?<![^\W\d_].)))"
        self.atoms = re.compile(
            rf"{starts}(?:"
            # a letter glued to a whole number makes a name ("COP28", "G20"); glued to one with
            # cents it is a code before a price ("USD1,23")
            rf"(?P<pre>{marks}){H}?(?:(?<![^\W\d_])|(?=\d+[.,]\d))(?P<pnum>{DIGITS}){dash}"
            rf"(?:{H}?(?P<pscale>(?i:{scale_w})(?![\w])|(?:{abbr})(?![^\W\d_])))?"
            rf"|(?P<num>{number}){dash}"
            rf"(?:{H}*(?P<abbr>{abbr}){H}*(?P<acur>{glued})"
            # "13,7milliards": a scale word glued to its figure
            rf"|(?:{H}+|(?<=\d))(?P<scale>(?i:{scale_w}))(?![\w])"
            rf"(?:{H}+(?i:{ands}){H}+(?P<half>(?i:{halves}))(?![\w-]))?"
            # the rest below the scale, maybe scaled itself ("3 milliards 200 millions d'euros")
            rf"(?:{H}+(?P<rest>(?:{number})(?:{H}+(?i:{scale_w})(?![\w]))?)"
            rf"(?:{H}*(?P<rcur>{currency})|{H}+(?i:{link})(?P<dcur>{currency}))"
            rf"|{H}*(?i:{link})?(?P<scur>{currency}))?"
            rf"|{H}*(?P<cur>{currency}))?)"
        )
        self.percent_after = re.compile(rf"{H}*(?:%|(?i:pour{H}?cents?|pourcents?|points?)\b)")
        counted = linking(words["counted_link"])
        self.counted_after = re.compile(rf"{H}+(?i:{counted})(?P<w>(?i:l['’])|[\w-]+)")
        self.after_word = re.compile(rf"{H}+(?P<w>[\w-]+)")
        self.subunit_join = re.compile(rf"{H}+(?:(?i:{ands}){H}+)?")
        #: the cents after a whole amount, without a sub-unit word ("4 euros 90")
        self.cents_after = re.compile(
            rf"{H}+(?P<c>\d\d(?![\d.,'’]?\d)|(?i:{words_pattern(self.lang)}))(?![\w%])"
            rf"(?!{H}*(?:%|(?i:{scale_w})(?![\w])|{currency}))"
        )
        self.clause_end = re.compile(rf"{H}*(?:$|[,.;:!?)»\n])")

    def _build_bounds(self, words: dict[str, Any]) -> None:
        bounds = [(p, "min") for p in words["min_bounds"]]
        bounds += [(p, "max") for p in words["max_bounds"]]
        bounds += [(p, "approx") for p in words["approximations"]]
        self.bound_kind = {key(p): kind for p, kind in bounds}
        # a bound may follow an elided "de" ("baisser d'environ 60 millions"), not other elisions
        self.prefix = re.compile(
            r"(?:(?<![\w'’-])|(?<=(?<!\w)[dD]['’]))(?P<p>(?i:"
            + "|".join(elidable(p) for p, _ in sorted(bounds, key=lambda b: -len(b[0])))
            + rf")){H}*$"
        )
        #: the openers of a range that, after a change verb, open two amounts ("passé de"); the
        #: verb's object may stand between ("a abaissé son objectif de cours de 78 à 70 euros")
        self.change_openers = frozenset(key(o) for o in words["change_openers"])
        openers = words["range_open"]
        self.opener = re.compile(rf"(?<![\w'’-])(?P<o>(?i:{alternation(list(openers))})){H}+$")
        self.open_joins = {
            key(o): re.compile(rf"{H}*(?i:{alternation(j)}){H}*") for o, j in openers.items()
        }
        self.dash = re.compile(rf"{H}*(?:{alternation(words['range_dash'])}){H}*")
        joins = sorted({j for js in openers.values() for j in js})
        #: what follows a range's first bound ("cinq et", "deux à"), checked before the opener
        self.join_after = re.compile(rf"{H}*(?i:{alternation(joins)}){H}")
        self.change_verb = re.compile(
            rf"(?<![\w])(?i:{alternation(words['change_verbs'])})(?:{H}+[\w'’-]+){{0,4}}{H}+$"
        )

    def _build_lists(self, words: dict[str, Any]) -> None:
        self.list_join = re.compile(rf"(?<![\w])(?i:{alternation(words['list_joins'])}){H}*$")
        # "il emploie 3 millions": a count, not the passage's money
        self.counting_before = re.compile(
            r"(?:^|\W)(?i:" + "|".join(re.escape(w) for w in words["passage_not_after"]) + r")\w*"
            r"\s+$"
        )
        self.list_follow = re.compile(
            rf"{H}*(?:$|[,.;:!?)»\n]|(?i:{alternation(words['list_follow'])})(?![\w]))"
        )
        ands = alternation(words["and_words"])
        self.join_end = re.compile(rf"(?:[,;]|(?<![\w'’-])(?i:{ands})){H}*$")
        items = alternation(words["item_joins"])
        self.item_end = re.compile(rf"{H}*(?:$|[,.;:!?)»\n])|{H}+(?i:{items})(?![\w'’-])")

    def _build_colloquial(self, slang: dict[str, Any]) -> None:
        self.price_cue = words_regex(slang.get("price_words", ()))
        self.not_money_cue = words_regex(slang.get("not_money", ()))
        before = slang.get("price_before", ())
        self.price_before = re.compile(
            # not after a figure: the "à" of "de 2 à 3 balles" joins a range, it sets no price
            rf"(?<![\w'’-])(?<!\d{H})(?i:{alternation(before)}){H}+$" if before else NEVER
        )
        idioms = slang.get("idioms", ())
        self.idiom = re.compile(rf"(?<![\w'’-])(?i:{alternation(idioms)})$" if idioms else NEVER)

    def _build_parallel(self, par: dict[str, Any]) -> None:
        preps = par.get("prepositions", ())
        #: "pour les routes, 30 pour les écoles": the word after both figures, never "pour 100"
        self.parallel_prep = re.compile(
            rf"{H}+(?P<w>(?i:{alternation(preps)}))(?![\w'’-])(?!{H}*\d)" if preps else NEVER
        )
        dets = par.get("determiners", ())
        full = [d for d in dets if not d.endswith(("'", "’"))]
        elided = [d for d in dets if d.endswith(("'", "’"))]
        det = "|".join(
            [rf"(?i:{alternation(full)}){H}+"] * bool(full)
            + [rf"(?i:{alternation(elided)}){H}*"] * bool(elided)
        )
        joins = par.get("joins", ())
        word = r"[^\W\d_][\w'’-]*"
        # "[sur la table], la région 500 millions et les communes 300": a gapped verb, one to
        # three words, after what may complete the first amount (four words at most)
        self.gapped = re.compile(
            rf"(?:{H}+{word}){{0,4}}{H}*(?:{alternation(joins)}){H}+(?:{det})(?P<np>{word}(?:{H}+{word}){{0,2}}){H}+"
            if joins and det
            else NEVER
        )
        self.not_items = frozenset(key(w) for w in par.get("not_items", ()))


@cache
def grammar(lang: str) -> Grammar:
    """The grammar of ``lang``, compiled once."""
    return Grammar(lang)

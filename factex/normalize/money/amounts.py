"""Amounts from the atoms of a text: a number with its scale and currency, then ranges ("de 3
à 5 milliards"), sub-units ("1 USD et 23 centimes"), bounds ("plus de", "jusqu'à") and
approximations ("près de"), which are part of the span. A year after a cue ("en 2016") is
never an amount; a scale word followed by "de" + a noun counts things ("un million de
personnes").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from factex.normalize.money.grammar import Grammar
from factex.normalize.money.patterns import key
from factex.normalize.money.values import CENT, Atom, H, Item
from factex.normalize.numbers import parse_number, scaled_units

# compiled once: read per atom (re.sub looks its pattern up at each call)
_COMMA_SPACES = re.compile(r",\s+")
_ELIDED_DE = re.compile(r"d['’]$")


def read_atom(g: Grammar, text: str, m: re.Match[str]) -> Atom | None:
    """The atom of a match of ``g.atoms``: its number, scale and currency; None if no money."""
    number, scale_text, cur_text, words = _read_words(g, text, m)
    if number is None:
        return None
    scale = g.scale(scale_text) if scale_text else None
    end = m.end()
    if m.group("pre") is None and scale is not None and (m.group("half") or m.group("rest")):
        units, cut = _scaled_rest(g, m, number, scale)
        if units is None:
            return None
        if cut:  # "2 millions 3 millions d'euros": this figure ends at its scale
            cur_text = None
            end = m.end("half") if m.group("half") else m.end("scale")
        number = units
    counting = scale_text is not None and key(scale_text) in g.counting
    code, factor = g.currency(cur_text) if cur_text else (None, Decimal(1))
    if cur_text and words and number == 1 and scale is None:
        nxt = g.after_word.match(text, end)
        if nxt and key(nxt.group("w")) in g.after_one:
            return None
    cur_key = key(cur_text) if cur_text else ""
    inferred = False
    glued = (m.group("abbr") or "") + (m.group("acur") or "")
    if glued in g.scaled_marks:
        code, inferred = g.scaled_marks[glued], True  # "450 M$", "1,2 G$": Quebec's dollars
    return Atom(
        m.start(), end, number, scale, counting, cur_text is not None, code, factor, words,
        cur_key in g.ambiguous, cur_key, inferred, colloquial=cur_key in g.colloquial_words,
    )  # fmt: skip


def _read_words(
    g: Grammar, text: str, m: re.Match[str]
) -> tuple[Decimal | None, str | None, str | None, bool]:
    """(number, scale word, currency word, spelled in words) of an atom match; no number when
    the match is no money: "€2m" (an English scale), a percentage, a lone number in words."""
    if m.group("pre"):
        if m.group("pscale") is None and text[m.end() : m.end() + 1].isalpha():
            return None, None, None, False  # "€2m", "$5bn": we do not read them; never "2 €"
        return parse_number(m.group("pnum"), g.lang), m.group("pscale"), m.group("pre"), False
    raw = _COMMA_SPACES.sub(",", m.group("num"))  # "17, 1 milliards"
    scale_text = m.group("abbr") or m.group("scale")
    cur_text = (
        m.group("acur") or m.group("rcur") or m.group("dcur") or m.group("scur")
        or m.group("cur")
    )  # fmt: skip
    words = not raw[0].isdigit()
    if words and scale_text is None and cur_text is None:
        head, _, last = raw.rpartition(" ")
        if head and key(last) in g.subunits and parse_number(raw, g.lang) is None:
            return parse_number(head, g.lang), None, last, True  # "vingt cents"
    if scale_text is None and cur_text is None:
        if g.percent_after.match(text, m.end()):
            return None, None, None, False  # a percentage: never money
        if words and not (
            g.join_after.match(text, m.end())
            and g.opener.search(text, max(0, m.start() - 20), m.start())
        ):
            # a bare number in words is never money alone, only as the first bound of
            # a range ("entre cinq et dix euros")
            return None, None, None, False
    return parse_number(raw, g.lang), scale_text, cur_text, words


def _scaled_rest(
    g: Grammar, m: re.Match[str], number: Decimal, scale: Decimal
) -> tuple[Decimal | None, bool]:
    """ "quatre milliards et demi", "un million deux cent mille euros": the number with what
    follows its scale word, and whether it is cut at its scale because the rest is another
    figure ("2 millions 3 millions d'euros": the scan goes on from there)."""
    half, rest_text = m.group("half"), m.group("rest")
    rest = parse_number(rest_text, g.lang) if rest_text else None
    units = None
    if not (rest_text and rest is None):
        units = scaled_units(number, scale, half, rest, g.lang)
    if units is None and rest_text:
        return scaled_units(number, scale, half, None, g.lang), True
    return units, False


def yearlike(g: Grammar, a: Atom) -> bool:
    """Four plain digits that could be a year, whatever precedes them."""
    return (
        not a.has_currency
        and a.scale is None
        and not a.words
        and a.end - a.start == 4
        and g.years[0] <= a.number <= g.years[1]
    )


def year_atom(g: Grammar, text: str, a: Atom) -> bool:
    """A bare four-digit year after a cue ("en 2016", "fin 2017", "juillet 2018")."""
    if not yearlike(g, a):
        return False
    return g.year_cue.search(text, max(0, a.start - 20), a.start) is not None


def combine(g: Grammar, text: str, atoms: list[Atom]) -> list[Item]:
    """The items of a text's atoms: two atoms as a range or a sub-unit, else each alone."""
    items: list[Item] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            pair = range_items(g, text, a, atoms[i + 1]) or subunit_items(g, text, a, atoms[i + 1])
            if pair:
                items.extend(pair)
                i += 2
                continue
        single = single_item(g, text, a)
        cents = cents_after(g, text, a) if single and single.amount is not None else None
        if single and cents:
            end, value = cents  # "4 euros 90 le kilo", "un euro soixante"
            single = replace(single, end=end, amount=a.value + value)
            while i + 1 < len(atoms) and atoms[i + 1].start < end:
                i += 1
        if single:
            items.append(single)
        i += 1
    return items


def cents_after(g: Grammar, text: str, a: Atom) -> tuple[int, Decimal] | None:
    """(end, value) of the cents written right after a whole amount in a currency, with no
    sub-unit word ("4 euros 90 le kilo", "19 fr. 50", "un euro septante-neuf"), when a
    clause end or a list word follows them; None otherwise."""
    if not a.has_currency or a.factor != 1 or a.scale:
        return None
    if a.number != a.number.to_integral_value() or a.end <= a.start:
        return None
    m = g.cents_after.match(text, a.end)
    if m is None or not (g.clause_end.match(text, m.end()) or g.list_follow.match(text, m.end())):
        return None
    cents = parse_number(m.group("c"), g.lang)
    if cents is None or cents >= 100 or (m.group("c")[0].isdigit() and len(m.group("c")) != 2):
        return None
    return m.end(), cents * CENT


def range_items(g: Grammar, text: str, a: Atom, b: Atom) -> list[Item] | None:
    """ "entre 10 et 20 millions d'euros", "10 - 20 €": one item with both bounds; after a change
    verb ("est passé de 10 à 12 millions") two items, the first with the second's currency."""
    if not (b.has_currency or b.counting) or (a.has_currency and not b.has_currency):
        return None
    if a.has_currency and (a.code != b.code or a.factor != b.factor):
        return None
    if not b.has_currency and counts_things(g, text, b):
        return None
    # "au premier semestre 2022 à 18 millions": a date, then an amount
    dated = a.scale is None and b.scale is not None and a.number > b.number
    if dated and yearlike(g, a):
        return None
    opened = _range_opening(g, text, a, b)
    if opened is None:
        return None
    start, change = opened
    first = _first_bound(a, b)
    kind = "priced" if b.has_currency else "scaled"
    default = None
    if b.has_currency and b.code is None and b.factor < 1:
        # "de 42 cents à 48 cents": sub-units whose currency comes from around them
        kind, default = "subunit", b.local or g.subunit_defaults.get(b.cur)
    low, high = first.value, b.value
    if change:
        return [
            Item(
                a.start, a.end, low, b.code, kind,
                b.inferred or (not a.has_currency and b.code is not None),
                num_start=a.start, scale=b.scale, default=default, colloquial=b.colloquial,
            ),
            Item(
                b.start, b.end, high, b.code, kind, b.inferred,
                num_start=b.start, scale=b.scale, default=default, colloquial=b.colloquial,
            ),
        ]  # fmt: skip
    low, high = min(low, high), max(low, high)
    return [
        Item(
            start, b.end, None, b.code, kind, b.inferred, low, high, a.start, b.scale,
            colloquial=b.colloquial,
        )
    ]  # fmt: skip


def _range_opening(g: Grammar, text: str, a: Atom, b: Atom) -> tuple[int, bool] | None:
    """(start, after a change verb) of a range from ``a`` to ``b``: after an opener ("entre",
    "de") and its join ("et", "à"), a year maybe between after a change verb ("passe de 900 en
    2024 à 1,5 milliard"); or two figures joined by a dash. None: no range."""
    between = text[a.end : b.start]
    opener = g.opener.search(text, max(0, a.start - 20), a.start)
    if opener:
        opened = key(opener.group("o"))
        change = opened in g.change_openers and bool(
            g.change_verb.search(text, max(0, opener.start() - 60), opener.start())
        )
        gap = g.year_gap.match(between) if change else None
        core = between[gap.end() :] if gap else between
        if g.open_joins[opened].fullmatch(core):
            return opener.start(), change
    if a.words or b.words or not g.dash.fullmatch(between):
        return None
    return a.start, False


def _first_bound(a: Atom, b: Atom) -> Atom:
    """The first figure of a range with the scale and sub-unit of the second: "de 3 à 5
    milliards"; a first figure a hundred times the second is in the scale below it ("de 800
    à 1,2 milliard": 800 millions), a merely larger one is a fall ("est passé de 10 à 5
    millions")."""
    first = a
    if a.scale is None and b.scale is not None:
        scale = b.scale if a.number <= b.number * 100 else b.scale / 1000
        if scale >= 1000:
            first = replace(a, scale=scale, counting=b.counting)
    if not a.has_currency:
        first = replace(first, factor=b.factor)
    return first


def subunit_items(g: Grammar, text: str, a: Atom, b: Atom) -> list[Item] | None:
    """ "1 USD et 23 centimes", "1 USD 23 cents", and "12 euros 50" at a clause end."""
    if not (a.has_currency and a.factor == 1) or a.scale or b.scale:
        return None
    if (b.value if b.has_currency else b.number * CENT) >= 1:
        return None
    if a.number != a.number.to_integral_value():
        return None
    if b.has_currency:
        if b.factor == 1 or b.code not in (None, a.code):
            return None
        if not g.subunit_join.fullmatch(text, a.end, b.start):
            return None
        cents = b.value
    else:
        if b.end - b.start != 2 or text[a.end : b.start].strip():
            return None
        if "\n" in text[a.end : b.start] or not g.clause_end.match(text, b.end):
            return None
        cents = b.number * CENT  # "12 euros 50"
    return [
        Item(
            a.start,
            b.end,
            a.value + cents,
            a.code,
            "priced",
            a.inferred,
            num_start=a.start,
            colloquial=a.colloquial,
        )
    ]


def counts_things(g: Grammar, text: str, a: Atom) -> bool:
    """A scale word followed by "de" + a noun counts things ("un million de personnes").

    >>> from factex.normalize.money import find_money
    >>> find_money("Un million de personnes ont manifesté en 2017.")
    []
    """
    counted = g.counted_after.match(text, a.end)
    return counted is not None and key(counted.group("w")) not in g.not_counted


def single_item(g: Grammar, text: str, a: Atom) -> Item | None:
    """An atom alone as an item, with the bound ("plus de", "jusqu'à") or approximation
    ("près de") before it, which is part of the span; None when it is no money."""
    if a.has_currency:
        kind = "priced"
        if a.code is None and a.factor < 1:
            kind = "subunit"  # "soit 8 centimes de plus": its currency comes later
    elif a.counting:
        if counts_things(g, text, a):
            return None
        kind = "scaled"
    elif a.words or a.scale is not None:
        return None
    else:
        kind = "bare"
    item = Item(
        a.start,
        a.end,
        a.value,
        a.code,
        kind,
        a.inferred or a.local is not None,
        num_start=a.start,
        scale=a.scale,
        default=a.local or g.subunit_defaults.get(a.cur),
        colloquial=a.colloquial,
    )
    prefix = g.prefix.search(text, max(0, a.start - 40), a.start)
    if prefix is None:
        if a.ambiguous and a.number == a.number.to_integral_value():
            return item if _priced(g, text, a) else None
        return item
    bound = g.bound_kind.get(key(_ELIDED_DE.sub("de", prefix.group("p"))), "approx")
    if bound == "min":
        return replace(item, start=prefix.start(), amount=None, amount_min=a.value)
    if bound == "max":
        return replace(item, start=prefix.start(), amount=None, amount_max=a.value)
    # an approximation keeps the amount and is part of the span, as in Duckling's corpus
    # ("quasi neuf livres"); the news gold leaves it out ("près de [2 milliards]")
    return replace(item, start=prefix.start())


_CLAUSE = re.compile(r"[.!?;\n](?!\d)")


def _priced(g: Grammar, text: str, a: Atom) -> bool:
    """Whether the sentence of a whole number of an ambiguous word ("25 livres") speaks of
    money: a price word ("au prix de"), or a decimal amount of the same word; never when
    things are counted ("3 livres de poche", but "3 millions de livres d'actions" are pounds)."""
    if a.scale is not None:
        return True
    if counts_things(g, text, a):
        return False
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, a.start)]
    start = starts[-1] if starts else 0
    after = _CLAUSE.search(text, a.end)
    end = after.start() if after else len(text)
    if g.ambiguous_cue.search(text, start, end):
        return True
    same = re.compile(rf"\d,\d+{H}*(?i:{re.escape(a.cur)})s?(?!\w)")
    return same.search(text, start, end) is not None

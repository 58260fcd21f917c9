"""A currency from context, within the sentence, marked ``currency_inferred``.

A figure with a scale word takes the currency of the nearest explicit amount (before it, else
after it); a plain figure only in an obvious list right after a priced amount ("12 euros pour
les adultes et 8 pour les enfants"), or when it repeats its construction ("45 M€ pour les
routes, 30 pour les écoles"; a gapped verb: "la région 500 millions et les communes 300").
"centimes" take the nearest priced amount's currency. Slang ("15 balles") is money only with
a price cue and no bullet or sport cue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from factex.normalize.money.grammar import Grammar
from factex.normalize.money.patterns import key
from factex.normalize.money.values import Item, magnitude, times


def drop_colloquial(
    g: Grammar, text: str, items: list[Item], sentences: Sequence[tuple[int, int]]
) -> list[Item]:
    """Drop "N balles" that are bullets or sport, not money.

    Slang money is taken as the whole text (the rule for any ambiguous shape, as a bare
    "17/2" is a date), or in a sentence that prices ("coûte", "payé", "un menu à 15
    balles", "pour 300 balles") and speaks of no gun or game ("tirées", "balle de match").

    >>> from factex.normalize.money import find_money
    >>> find_money("Trois balles ont été tirées sur la vitrine.")
    []
    """
    if not any(it.colloquial for it in items):
        return items
    starts = [s for s, _ in sentences]
    kept = []
    for it in items:
        if it.colloquial and not colloquial_money(g, text, it, starts, sentences):
            continue
        kept.append(it)
    return kept


def colloquial_money(
    g: Grammar, text: str, it: Item, starts: list[int], sentences: Sequence[tuple[int, int]]
) -> bool:
    """Whether slang ``it`` is money: the whole text, or a price cue and no other cue."""
    if not text[: it.start].strip() and not text[it.end :].strip(" \t\r\n.!?…"):
        return True
    if g.idiom.search(text, max(0, it.start - 4), it.end):
        return False
    i = bisect.bisect_right(starts, it.num_start) - 1
    start, end = sentences[i] if i >= 0 else (0, len(text))
    if g.not_money_cue.search(text, start, end):
        return False
    return bool(
        g.price_cue.search(text, start, end)
        or g.price_before.search(text, max(start, it.start - 12), it.start)
    )


def carry_currency(
    g: Grammar, text: str, items: list[Item], sentences: Sequence[tuple[int, int]]
) -> list[Item]:
    """Items with their currency settled from the sentence, else from the passage before them;
    figures that get none are dropped.

    >>> from factex.normalize.money import find_money
    >>> found = find_money("Le plan prévoit 45 M€ pour les routes, 30 pour les écoles.")
    >>> [(m.as_dict()["amount"], m.currency_inferred) for m in found]
    [('45000000', False), ('30000000', True)]
    """
    starts = [s for s, _ in sentences]

    def sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    sent = [sentence(it.num_start) for it in items]
    out: list[Item | None] = list(items)
    anchors = [j for j, p in enumerate(items) if p.kind == "priced" and p.code]
    for i, it in enumerate(items):
        if it.kind == "subunit":
            out[i] = subunit_currency(g, items, i, sent)
        if it.kind != "scaled":
            continue
        # the nearest explicit amount of the same sentence, before it, else after it
        k = bisect.bisect_left(anchors, i)
        anchor = None
        if k > 0 and sent[anchors[k - 1]] == sent[i]:
            anchor = anchors[k - 1]
        elif k < len(anchors) and sent[anchors[k]] == sent[i]:
            anchor = anchors[k]
        counted = g.counting_before.search(text, max(0, it.start - 30), it.start) is not None
        earlier = k > 0 and _same_passage(text, items[anchors[k - 1]].end, it.start)
        if anchor is None and earlier and not counted:
            # "… 5,2 milliards d'euros. Les ventes ont atteint 3,9 milliards": the currency of
            # the passage the figure continues
            anchor = anchors[k - 1]
        if anchor is None:
            out[i] = None
        else:
            out[i] = replace(it, code=items[anchor].code, inferred=True, kind="carried")
    last: Item | None = None
    for i, it in enumerate(items):
        if it.kind == "bare":
            out[i] = listed_item(g, text, it, last, sent[i], sentence)
        if out[i] is not None:
            last = out[i]
    return [it for it in out if it is not None]


_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _same_passage(text: str, end: int, start: int) -> bool:
    """Whether a figure continues the passage of an amount before it: the same paragraph or
    the next one (a currency is written once and holds while the text goes on).

    >>> _same_passage("A 5 €.\\n\\nB 3 millions.", 5, 13), _same_passage("A\\n\\nB\\n\\nC", 0, 7)
    (True, False)
    """
    return len(_PARAGRAPH.findall(text, end, start)) <= 1


def subunit_currency(g: Grammar, items: list[Item], i: int, sent: list[int]) -> Item:
    """ "centimes" are the currency of the nearest priced amount of the sentence, else of
    the text ("3,50 francs suisses, soit 20 centimes de plus": CHF), else EUR."""
    it = items[i]
    priced = [j for j, p in enumerate(items) if p.kind == "priced"]
    near = [j for j in priced if sent[j] == sent[i]] or priced
    if not near:
        return replace(it, code=it.default, inferred=it.default is not None, kind="priced")
    code = items[min(near, key=lambda j: abs(j - i))].code
    # the sub-unit's currency is never written: it is always inferred
    return replace(it, code=code, inferred=code is not None, kind="priced")


def listed_item(
    g: Grammar, text: str, it: Item, prev: Item | None, sent: int, sentence: Callable[[int], int]
) -> Item | None:
    """A bare figure in an obvious list right after an amount: that amount's currency."""
    if prev is None or prev.code is None or sentence(prev.num_start) != sent:
        return None
    if is_year(g, it):
        return None
    gap = text[prev.end : it.start]
    ellipsis = None
    if not joined(g, text, it, gap):
        shape = parallel(g, text, it, prev, gap)
        if shape is None:
            return None
        ellipsis = shape or None
        if prev.scale and magnitude(it) >= 1000:
            return None  # "45 M€ pour les routes, 1 500 pour...": not clearly in millions
    # "18 milliards d'euros contre 16,5 en 2017": the figure shares the scale too
    factor = prev.scale or Decimal(1)
    return replace(
        it,
        code=prev.code,
        inferred=True,
        kind="carried",
        scale=prev.scale,
        amount=times(it.amount, factor),
        amount_min=times(it.amount_min, factor),
        amount_max=times(it.amount_max, factor),
        ellipsis=ellipsis,
    )


def joined(g: Grammar, text: str, it: Item, gap: str) -> bool:
    """ "12 euros pour les adultes et 8 pour les enfants", "18 milliards d'euros contre
    16,5 en 2017": a join word right before the figure, a list word right after."""
    if not g.list_follow.match(text, it.end):
        return False
    dated = g.year_gap.match(gap)  # "de 8 euros en 2019 à 9,50 en 2023"
    if dated:
        gap = gap[dated.end() :]
    return len(gap) <= 60 and not any(ch.isdigit() for ch in gap) and bool(g.list_join.search(gap))


def parallel(
    g: Grammar, text: str, it: Item, prev: Item, gap: str
) -> tuple[int, int] | tuple[()] | None:
    """Whether a bare figure repeats the construction of the amount before it.

    ``()`` for the same preposition after both ("45 M€ pour les routes, 30 pour les
    écoles"); the offsets of the words before the figure for a gapped verb ("2 milliards
    d'euros, la région 500 millions et les communes 300"), which the parse may check hold
    no verb ("le groupe emploie 300"); None otherwise.
    """
    if len(gap) > 80 or any(ch.isdigit() for ch in gap):
        return None
    before = g.parallel_prep.match(gap)
    after = g.parallel_prep.match(text, it.end)
    if before and after and key(before.group("w")) == key(after.group("w")):
        return () if g.join_end.search(gap) else None
    gapped = g.gapped.fullmatch(gap)
    if gapped is None or not g.item_end.match(text, it.end):
        return None
    if any(key(w) in g.not_items for w in gapped.group("np").split()):
        return None  # "la page 12", "le rang 3"
    offset = prev.end
    return offset + gapped.start("np"), offset + gapped.end("np")


def is_year(g: Grammar, item: Item) -> bool:
    """Whether an item's value is a whole number in the range of years."""
    value = item.amount if item.amount is not None else item.amount_min or item.amount_max
    low, high = g.years
    return value is not None and value == value.to_integral_value() and low <= value <= high

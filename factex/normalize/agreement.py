"""When two tellings of a figure agree: rounding, bounds and ranges. Pure: no spaCy.

News rounds: "5,7 milliards" in a headline and "5 690 millions" in the body are one figure;
"4,5 milliards" where every other outlet says "4,2" is not. A value's precision is its last
significant digit (trailing zeros of the integer part are not significant: "310 millions" is
precise to 10^7, "4 milliards" to 10^9). Two values of the same precision agree only when equal;
otherwise the more precise one, rounded half up to the other's precision, must give the other
(5 690 millions agrees with 5,7 milliards and 4,2 with 4 milliards; 4,2 not with 4,5). A bound
("plus de 4 milliards") or a range agrees with what it overlaps, a value standing for what
rounds to it, [v - h, v + h) with h half its precision. Signed values carry a direction: a fall
of 8 % is -8 and never agrees with a rise of 8 %.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def exponent(value: Decimal) -> int:
    """The power of ten of the last significant digit.

    >>> exponent(Decimal("5700000000")), exponent(Decimal("5690000000")), exponent(Decimal("18.4"))
    (8, 7, -1)
    >>> exponent(Decimal("0"))
    0
    """
    if not value:
        return 0
    exp = value.normalize().as_tuple().exponent
    assert isinstance(exp, int)  # finite values only
    return exp


def rounds_to(precise: Decimal, coarse: Decimal) -> bool:
    """Whether ``precise`` rounded (half up) to the precision of ``coarse`` gives ``coarse``.

    >>> rounds_to(Decimal("5690000000"), Decimal("5.7E9"))
    True
    >>> rounds_to(Decimal("5640000000"), Decimal("5.7E9"))
    False
    >>> rounds_to(Decimal("5650000000"), Decimal("5.7E9"))    # half up
    True
    """
    step = Decimal(1).scaleb(exponent(coarse))
    return precise.quantize(step, rounding=ROUND_HALF_UP) == coarse


def _half(value: Decimal) -> Decimal:
    return Decimal(5).scaleb(exponent(value) - 1)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one telling says: an exact ``value``, or a ``low``/``high`` interval (either open).

    >>> Reading(Decimal("4.2E9")).interval()
    (Decimal('4.15E+9'), Decimal('4.25E+9'))
    >>> Reading(low=Decimal("4E9")).interval()
    (Decimal('4E+9'), None)
    >>> Reading(low=Decimal("3.6E9"), high=Decimal("3.8E9")).interval()
    (Decimal('3.55E+9'), Decimal('3.85E+9'))
    """

    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """The values the telling allows, rounding included (None: no bound on that side);
        the high end is excluded when it is widened, since it rounds up."""
        if self.value is not None:
            return self.value - _half(self.value), self.value + _half(self.value)
        if self.low is None or self.high is None:
            return self.low, self.high
        return self.low - _half(self.low), self.high + _half(self.high)

    @property
    def widened(self) -> bool:
        return self.value is not None or (self.low is not None and self.high is not None)


def agrees(a: Reading, b: Reading) -> bool:
    """Whether two tellings can be the same figure (see the module's rule).

    >>> R = lambda s: Reading(Decimal(s))
    >>> agrees(R("5.7E9"), R("5690E6")), agrees(R("4.2E9"), R("4.5E9")), agrees(R("8"), R("-8"))
    (True, False, False)
    >>> agrees(R("4.2E9"), R("4E9")), agrees(R("540E6"), R("450E6"))
    (True, False)
    >>> over_4 = Reading(low=Decimal("4E9"))                 # "plus de 4 milliards"
    >>> agrees(over_4, R("4.2E9")), agrees(over_4, R("4E9")), agrees(over_4, R("3.9E9"))
    (True, True, False)
    >>> agrees(Reading(Decimal("3.6E9"), None), Reading(None, Decimal("3.7E9"), Decimal("3.9E9")))
    False
    """
    if a.value is not None and b.value is not None:
        if exponent(a.value) == exponent(b.value):
            return a.value == b.value
        fine, coarse = sorted((a.value, b.value), key=exponent)
        return rounds_to(fine, coarse)
    return _before(a, b) is False and _before(b, a) is False


def _before(a: Reading, b: Reading) -> bool:
    """Whether every value ``a`` allows lies below every value ``b`` allows."""
    (_, high), (low, _) = a.interval(), b.interval()
    if high is None or low is None:
        return False
    return high <= low if a.widened else high < low


@dataclass(frozen=True, slots=True)
class Consensus:
    """What a group of tellings says: the ``chosen`` reading, the sources that agree with it,
    whether any two tellings disagree (``conflict``) and the readings that disagree with at
    least one other (``disputed``, in the order given)."""

    chosen: Reading
    agreeing: tuple[Hashable, ...]
    conflict: bool
    disputed: tuple[Reading, ...]


def consensus(readings: Sequence[tuple[Hashable, Reading]]) -> Consensus:
    """The reading most sources agree with: exact values first, then the most precise.

    ``readings`` pairs each telling with its source (a document); a source counts once.

    >>> R = lambda s: Reading(Decimal(s))
    >>> c = consensus([("a", R("4.2E9")), ("b", R("4.2E9")), ("c", R("4.5E9")), ("d", R("4E9"))])
    >>> c.chosen.value, c.agreeing, c.conflict
    (Decimal('4.2E+9'), ('a', 'b', 'd'), True)
    >>> [r.value for r in c.disputed]
    [Decimal('4.2E+9'), Decimal('4.2E+9'), Decimal('4.5E+9'), Decimal('4E+9')]
    >>> c = consensus([("a", R("5.7E9")), ("b", R("5690E6"))])
    >>> c.chosen.value, c.agreeing, c.conflict
    (Decimal('5.690E+9'), ('a', 'b'), False)
    """
    if not readings:
        raise ValueError("consensus() needs at least one reading")
    exact = [r for _, r in readings if r.value is not None]
    candidates = exact or [r for _, r in readings]

    def support(candidate: Reading) -> tuple[Hashable, ...]:
        return tuple(dict.fromkeys(s for s, r in readings if agrees(r, candidate)))

    def rank(item: tuple[int, Reading]) -> tuple[int, int, int]:
        position, candidate = item
        precision = exponent(candidate.value) if candidate.value is not None else 0
        return (len(support(candidate)), -precision, -position)

    _, chosen = max(enumerate(candidates), key=rank)
    disputed = tuple(
        r
        for i, (_, r) in enumerate(readings)
        if any(not agrees(r, o) for j, (_, o) in enumerate(readings) if j != i)
    )
    return Consensus(chosen, support(chosen), bool(disputed), disputed)

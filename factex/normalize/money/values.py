"""The values of money matching: what a match returns and the atoms and items in between."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from factex.normalize.numbers import plain

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
    #: the unit or period of a rate or unit price ("31 euros par tonne": "tonne")
    per: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON-safe dict stored on ``Span._.factex_money`` (amounts as plain strings)."""
        return {
            "amount": _str(self.amount),
            "currency": self.currency,
            "currency_inferred": self.currency_inferred,
            "amount_min": _str(self.amount_min),
            "amount_max": _str(self.amount_max),
            "per": self.per,
        }


def _str(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


@dataclass(frozen=True, slots=True)
class Atom:
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
    local: str | None = None  # a lone sub-unit's currency from the places named ("centimes")

    @property
    def value(self) -> Decimal:
        """The number times its scale and sub-unit factor."""
        return self.number * (self.scale or 1) * self.factor


@dataclass(frozen=True, slots=True)
class Item:
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
        """The match this item is, once its currency is settled."""
        return MoneyMatch(
            self.start,
            self.end,
            self.amount,
            self.code,
            self.inferred,
            self.amount_min,
            self.amount_max,
            self.ellipsis,
        )


def times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else value * factor


def magnitude(item: Item) -> Decimal:
    value = item.amount if item.amount is not None else item.amount_min or item.amount_max
    return Decimal(0) if value is None else value

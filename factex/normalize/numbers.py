"""French numerals to exact :class:`~decimal.Decimal` values, and the regexes that find them.

Digits follow French conventions: a comma is the decimal mark, and thousands are grouped with
a space, a no-break space (U+00A0), a narrow no-break space (U+202F) or a dot ("1.000.000").
A dot followed by anything but exactly three digits is read as a decimal point ("1.5"), as in
English-style figures. Reading the digits is left to price-parser, which already knows these
separators (and the Swiss apostrophe, "1'000"); the words ("vingt et un mille") are read
from ``resources/<lang>/number_words.json``.

>>> parse_number("39,9"), parse_number("quatre-vingt-dix-neuf")
(Decimal('39.9'), Decimal('99'))
>>> plain(Decimal("39.9") * 1_000_000_000)
'39900000000'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any, NamedTuple

from price_parser import Price

from factex.normalize.regex_words import initials_class, trie_regex
from factex.resources import load

#: Space-like thousands separators found in French text (space, NBSP, narrow NBSP).
THOUSANDS_SPACES = " \u00a0\u202f"

#: A number written in digits: grouped thousands with an optional decimal part, or plain digits
#: with an optional decimal part. The look-arounds keep it from starting or ending inside a
#: longer number.
DIGITS = (
    r"\d(?<![\d.,]\d)(?<!\d['’]\d)"  # led by the digit itself so that the regex engine can
    # skip to candidate positions fast; the look-behinds then check what precedes the digit
    r"(?:\d{0,2}(?:(?:[" + THOUSANDS_SPACES + r"]\d{3})+(?:,\d+)?|(?:\.\d{3})+(?:,\d+)?"
    r"|(?:['’]\d{3})+(?:[.,]\d+)?)"  # the Swiss "1'234.5" has a decimal point
    r"|\d*(?:[.,]\d+)?)(?![\d]|[.,'’]\d)"
)


def plain(value: Decimal) -> str:
    """An exact decimal as a plain string: no exponent, no trailing zeros.

    >>> plain(Decimal("10000.00"))
    '10000'
    >>> plain(Decimal("1E+3"))
    '1000'
    >>> plain(Decimal("0.50"))
    '0.5'
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


#: What groups thousands before a decimal comma ("1 234,5", "1.234,5", "1'234,5").
_GROUPING = re.compile(r"[\s.'’]")

_HAS_LETTER = re.compile(r"[^\W\d_]")

#: Longer digit strings are no amounts (serial numbers, OCR noise): not parsed, which also
#: keeps a run of thousands of digits from costing seconds.
MAX_NUMBER_CHARS = 40


@lru_cache(maxsize=4096)
def parse_digits(text: str) -> Decimal | None:
    """The value of a number written in digits, French separators, or None.

    >>> parse_digits("10 000,00")
    Decimal('10000.00')
    >>> parse_digits("1.000.000")
    Decimal('1000000')
    >>> parse_digits("1’000")
    Decimal('1000')
    >>> parse_digits("12,5")
    Decimal('12.5')
    >>> parse_digits("0,125"), parse_digits("1,000"), parse_digits("1.234,5")
    (Decimal('0.125'), Decimal('1.000'), Decimal('1234.5'))
    >>> parse_digits("douze") is None
    True
    >>> parse_digits("0123456789" * 10) is None
    True
    """
    if len(text) > MAX_NUMBER_CHARS or not any(ch.isdigit() for ch in text):
        return None
    whole, comma, decimals = text.rpartition(",")
    if comma and decimals.isdigit():
        # the comma is the decimal mark: price-parser reads "0,125" as 125, "1,000" as 1000
        whole = _GROUPING.sub("", whole) or "0"
        if whole.isdigit():
            return Decimal(f"{whole}.{decimals}")
    amount: Any = Price.fromstring(text.replace("’", "'")).amount
    return amount if isinstance(amount, Decimal) else None


class _Words(NamedTuple):
    values: dict[str, int]
    hundred: dict[str, int]
    multipliers: dict[str, int]
    joiners: frozenset[str]
    #: "et" joins only these two sides ("vingt et un"): "cinq et dix" is two numbers
    left: frozenset[str]
    right: frozenset[str]


@cache
def _words(lang: str) -> _Words:
    data = load(lang, "number_words")
    return _Words(
        {_squash(k): int(v) for k, v in data["values"].items()},
        {_squash(k): int(v) for k, v in data["hundred"].items()},
        {_squash(k): int(v) for k, v in data["multipliers"].items()},
        frozenset(data["joiners"]),
        frozenset(_squash(k) for k in data.get("joiner_left", ())),
        frozenset(_squash(k) for k in data.get("joiner_right", ())),
    )


def _squash(word: str) -> str:
    return re.sub(r"[\s-]+", "", word.lower())


@cache
def _compound_re(lang: str) -> re.Pattern[str]:
    """Multi-part words listed whole ("quatre-vingt"), to be read before splitting on hyphens."""
    data = load(lang, "number_words")
    parts = [k for group in ("values", "hundred", "multipliers") for k in data[group]]
    compounds = sorted((k for k in parts if re.search(r"[\s-]", k)), key=len, reverse=True)
    if not compounds:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(_flexible(k) for k in compounds), re.IGNORECASE)


def _flexible(phrase: str) -> str:
    """A literal phrase as a regex where any space or hyphen may be any run of them."""
    return r"[\s-]+".join(re.escape(p) for p in re.split(r"[\s-]+", phrase))


@lru_cache(maxsize=4096)
def parse_words(text: str, lang: str = "fr") -> int | None:
    """The value of a number written in words, or None if a word is not a number word.

    >>> parse_words("vingt et un mille")
    21000
    >>> parse_words("trente-cinq")
    35
    >>> parse_words("deux cent trois mille quatre cents")
    203400
    >>> parse_words("soixante et onze")
    71
    >>> parse_words("quatre vingts")
    80
    >>> parse_words("cent")
    100
    >>> parse_words("deux roues") is None
    True
    >>> parse_words("cinq et dix") is None  # two numbers ("entre cinq et dix")
    True
    >>> parse_words("vingt cents") is None  # twenty cents, not a number
    True
    """
    values, hundred, multipliers, joiners, left, right = _words(lang)
    squashed = _compound_re(lang).sub(lambda m: _squash(m.group(0)), text.lower())
    tokens = [t for t in re.split(r"[\s-]+", squashed.strip()) if t]
    if not tokens:
        return None
    total = current = 0
    seen = False
    for i, token in enumerate(tokens):
        if token in joiners:
            if not (0 < i < len(tokens) - 1 and tokens[i - 1] in left and tokens[i + 1] in right):
                return None
            continue
        if token in values:
            current += values[token]
        elif token in hundred:
            if current >= 10:  # "vingt cents" is no number: cent multiplies two to nine
                return None
            current = max(current, 1) * hundred[token]
        elif token in multipliers:
            total += max(current, 1) * multipliers[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@cache
def fractions(lang: str = "fr") -> dict[str, Decimal]:
    """Fraction words that follow a scale word after "et", by lower-case word: "demi" is 0.5.

    >>> fractions()["demi"]
    Decimal('0.5')
    """
    data = load(lang, "number_words").get("fractions", {})
    return {k.lower(): Decimal(v) for k, v in data.items()}


def scaled_units(
    number: Decimal,
    factor: Decimal,
    fraction: str | None = None,
    rest: Decimal | None = None,
    lang: str = "fr",
) -> Decimal | None:
    """How many scale units "<number> <scale> [et <fraction>] [<rest>]" says, or None.

    The one reading of what may follow a scale word, shared by :func:`parse_scaled` and the
    money finder: "et demi" adds a half unit, a rest below the scale adds its share ("un
    million deux cent mille" is 1.2 millions). A half after a decimal ("2,5 millions et
    demi"), a half and a rest together, or a rest as large as the scale say two things.

    >>> scaled_units(Decimal(4), Decimal(10**9), "demi")
    Decimal('4.5')
    >>> scaled_units(Decimal(1), Decimal(10**6), rest=Decimal(200000))
    Decimal('1.2')
    >>> scaled_units(Decimal("2.5"), Decimal(10**6), "demi") is None
    True
    >>> scaled_units(Decimal(2), Decimal(10**6), rest=Decimal(10**6)) is None
    True
    """
    if fraction is not None:
        if rest is not None or number != number.to_integral_value():
            return None
        return number + fractions(lang)[fraction.lower()]
    if rest is not None:
        return None if rest >= factor else number + rest / factor
    return number


@cache
def _scaled(lang: str) -> tuple[re.Pattern[str], dict[str, Decimal]]:
    """A number, a scale word ("millions"), maybe "et demi", maybe the rest below the scale."""
    scales = {k.lower(): Decimal(v) for k, v in load(lang, "scales")["words"].items()}
    data = load(lang, "number_words")
    scale = "|".join(re.escape(k) for k in sorted(scales, key=len, reverse=True))
    frac = "|".join(re.escape(k) for k in sorted(fractions(lang), key=len, reverse=True))
    joiners = "|".join(re.escape(j) for j in data["joiners"]) or "(?!x)x"
    pattern = re.compile(
        rf"(?P<num>\S.*?)\s+(?P<scale>{scale})"
        rf"(?:\s+(?:{joiners})\s+(?P<frac>{frac or '(?!x)x'}))?(?:\s+(?P<rest>\S.*))?",
        re.IGNORECASE,
    )
    return pattern, scales


@lru_cache(maxsize=4096)
def parse_scaled(text: str, lang: str = "fr") -> Decimal | None:
    """A number with a scale word and maybe a half: "deux millions et demi", or None.

    >>> parse_scaled("deux millions et demi")
    Decimal('2500000.0')
    >>> plain(parse_scaled("1 milliard et demi"))
    '1500000000'
    >>> plain(parse_scaled("1,31 milliard"))
    '1310000000'
    >>> plain(parse_scaled("un million deux cent mille"))
    '1200000'
    >>> parse_scaled("deux millions de personnes") is None
    True
    """
    pattern, scales = _scaled(lang)
    m = pattern.fullmatch(text.strip())
    if m is None:
        return None
    number = _plain_number(m.group("num"), lang)
    if number is None:
        return None
    rest = None
    if m.group("rest") is not None:
        rest = parse_number(m.group("rest"), lang)
        if rest is None:
            return None
    factor = scales[m.group("scale").lower()]
    units = scaled_units(number, factor, m.group("frac"), rest, lang)
    return None if units is None else units * factor


def _plain_number(text: str, lang: str) -> Decimal | None:
    if any(ch.isdigit() for ch in text):
        return parse_digits(text)
    value = parse_words(text, lang)
    return None if value is None else Decimal(value)


def parse_number(text: str, lang: str = "fr") -> Decimal | None:
    """The value of a number in digits or in words, with scale words, or None.

    >>> parse_number("10.000")
    Decimal('10000')
    >>> parse_number("1\u202f000\u202f000")
    Decimal('1000000')
    >>> parse_number("cinquante")
    Decimal('50')
    >>> plain(parse_number("quatre milliards et demi"))
    '4500000000'
    >>> parse_number("beaucoup") is None
    True
    >>> parse_number("1 milliard de dollars") is None
    True
    """
    text = text.strip()
    has_letter = _HAS_LETTER.search(text) is not None
    if has_letter and " " in text:
        scaled = parse_scaled(text, lang)
        if scaled is not None:
            return scaled
    if has_letter and any(ch.isdigit() for ch in text):
        return None  # price-parser would read "1" out of "1 milliard et trois"
    return _plain_number(text, lang)


def _flexible_char(ch: str) -> str:
    return r"[\s-]+" if ch in " -" else re.escape(ch)


@cache
def words_pattern(lang: str = "fr") -> str:
    """Regex source for a number in words ("vingt et un mille", "quatre-vingt-dix").

    >>> re.fullmatch(words_pattern(), "vingt et un mille", re.IGNORECASE) is not None
    True
    >>> re.search(words_pattern(), "les deux-roues", re.IGNORECASE) is None
    True
    >>> re.findall(words_pattern(), "entre cinq et dix, soixante-et-onze", re.IGNORECASE)
    ['cinq', 'dix', 'soixante-et-onze']
    """
    data = load(lang, "number_words")
    keys = {k for group in ("values", "hundred", "multipliers") for k in data[group]}
    word = trie_regex(sorted(keys), _flexible_char)
    joiners = trie_regex(data["joiners"])
    sep = r"(?:[^\S\r\n]+|-)"
    left, right = data.get("joiner_left", ()), data.get("joiner_right", ())
    joined = ""
    if left and right:
        # one fixed-width look-behind per word: "et" only after "vingt", "soixante"...
        after = "|".join(f"(?<={re.escape(w)})" for w in sorted(left))
        joined = f"|(?:{after}){sep}{joiners}{sep}(?={trie_regex(sorted(right))}(?!\\w)){word}"
    return rf"(?<![\w-]){word}(?:{sep}{word}{joined})*(?![\w-])"


@cache
def number_initials(lang: str = "fr") -> str:
    r"""A look-ahead that holds wherever a number of :data:`DIGITS` or :func:`words_pattern`
    may start: a digit, or a word's first letter after no word character or hyphen. A
    pattern that starts with a number fails at most positions of a text at this one test.

    >>> re.findall(number_initials() + r"\w+", "les 3 deux-roues, trois, odeurs")
    ['3', 'deux', 'trois', 'odeurs']
    """
    data = load(lang, "number_words")
    keys = [k for group in ("values", "hundred", "multipliers") for k in data[group]]
    return rf"(?=\d|{initials_class(keys, any_case=True)}(?<![\w-].))"


def to_decimal(text: str) -> Decimal:
    """``Decimal(text)`` that names the bad input in its error.

    >>> to_decimal("1000000")
    Decimal('1000000')
    """
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {text!r}") from None

"""``--published`` as people write dates: ISO, ``14/03/2024`` (day first) or ``14 mars 2024``."""

from __future__ import annotations

import re
from datetime import date

from factex.api import parse_published
from factex.cli.errors import UsageError

_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_WORDED = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d]+\.?)\s+(\d{4})", re.IGNORECASE)
_EXAMPLES = "2024-03-14, 14/03/2024 or 14 mars 2024"


def parse_date_option(value: str | None, option: str = "--published") -> date | None:
    """The date ``value`` names, or a :class:`UsageError` worded for the command line.

    >>> parse_date_option("2024-03-14"), parse_date_option("14/03/2024")
    (datetime.date(2024, 3, 14), datetime.date(2024, 3, 14))
    >>> parse_date_option("1er févr. 2024"), parse_date_option("14 MARS 2024")
    (datetime.date(2024, 2, 1), datetime.date(2024, 3, 14))
    >>> parse_date_option("3 juillet")
    Traceback (most recent call last):
    ...
    factex.cli.errors.UsageError: --published 3 juillet: not a date; write it 2024-03-14, \
14/03/2024 or 14 mars 2024
    >>> parse_date_option("31/02/2024")
    Traceback (most recent call last):
    ...
    factex.cli.errors.UsageError: --published 31/02/2024: day is out of range for month
    """
    if value is None:
        return None
    text = value.strip()
    try:
        numeric = _NUMERIC.fullmatch(text)
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            return date(year, month, day)
        worded = _WORDED.fullmatch(text)
        if worded:
            return date(int(worded[3]), _month(worded[2]), int(worded[1]))
        return parse_published(text)
    except ValueError as exc:
        reason = str(exc) if numeric or worded else f"not a date; write it {_EXAMPLES}"
        raise UsageError(f"{option} {value}: {reason}") from None


def _month(word: str) -> int:
    from factex.normalize.dates.lexicon import Lexicon

    try:
        return Lexicon.for_language("fr").month(word)
    except KeyError:
        raise ValueError(f"{word!r} is not a French month name") from None

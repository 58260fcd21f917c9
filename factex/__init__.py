"""factex: structured facts (money, percentages, dates, entities, events) from French news text.

>>> import factex
>>> facts = factex.extract("Le chiffre d'affaires a atteint 3 millions d'euros.")  # doctest: +SKIP
"""

from factex.api import extract, extract_many, load
from factex.facts import Facts
from factex.pipeline import build
from factex.records import DateMention, Entity, Event, Money, Percentage, Record

__all__ = [
    "DateMention",
    "Entity",
    "Event",
    "Facts",
    "Money",
    "Percentage",
    "Record",
    "build",
    "extract",
    "extract_many",
    "load",
]
__version__ = "0.1.0"

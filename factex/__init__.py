"""factex: structured facts (money, percentages, dates, entities, events) from French news text.

>>> import factex
>>> facts = factex.extract("Le chiffre d'affaires a atteint 3 millions d'euros.")  # doctest: +SKIP
>>> table = factex.FactTable.from_facts(factex.extract_many(texts))  # doctest: +SKIP
"""

from factex.api import extract, extract_many, load
from factex.facts import Facts
from factex.pipeline import build
from factex.records import DateMention, Entity, Event, Money, Percentage, Record
from factex.table import FactTable, Row

__all__ = [
    "DateMention",
    "Entity",
    "Event",
    "FactTable",
    "Facts",
    "Money",
    "Percentage",
    "Record",
    "Row",
    "build",
    "extract",
    "extract_many",
    "load",
]
__version__ = "0.1.0"

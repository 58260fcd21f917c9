"""Find French date, period and time mentions in text and normalise them to TIMEX3-style values.

Pure code (no spaCy). :class:`DateGrammar` (``grammar``) compiles the rule table (``rules``,
filled by the families ``days``, ``years``, ``periods``, ``relative`` and ``clock``) from the
words of ``lexicon`` once; :meth:`DateGrammar.scan` returns :class:`Candidate` mentions with
character offsets, merged by ``compose`` and ``intervals``. Each candidate resolves, given the
:class:`Reference` moment and a :data:`Direction` (the tense of the governing verb, decided by
the caller), to a :class:`Timex`, whose value is None when a needed reference is missing.
Calendar choices live in ``calendar``, the values in ``values``.

>>> g = DateGrammar.for_language("fr")
>>> g.normalize("la semaine dernière", Reference.parse("2018-07-03"))
Timex(value='2018-W26', grain='week', relative=True)
"""

from factex.normalize.dates.grammar import DateGrammar
from factex.normalize.dates.lexicon import Lexicon
from factex.normalize.dates.values import (
    Candidate,
    Direction,
    Published,
    Reference,
    Resolved,
    Timex,
    parse_published,
)

__all__ = [
    "Candidate",
    "DateGrammar",
    "Direction",
    "Lexicon",
    "Published",
    "Reference",
    "Resolved",
    "Timex",
    "parse_published",
]

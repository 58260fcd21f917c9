"""The currency of a generic word from the places a text names and the day it was published.

"francs" is CHF in Geneva, BEF in Brussels before 2002, FRF in a French text of 1997; "$" is
CAD in Montreal; "dinars" are TND in Tunis; "centimes" with no amount near them are the
currency of the place. A generic word ("francs", "$", "fr.") has as candidates every CLDR
currency whose name starts with its head noun; the places named in the sentence, else in the
text, say which territories are meant (countries from CLDR, cities and demonyms from
``frame.json``), and CLDR says which currencies those used on the publication day. Exactly one
candidate left: that code, marked inferred; when the text names several territories, the one
holding most of its place mentions is tried last; else the word keeps its default. A text that
names no place at all is read in the language's home territory (French texts: France).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from factex.normalize.money.cldr import in_use, territory_names
from factex.normalize.money.patterns import places_regex
from factex.normalize.money.values import NEVER, Atom
from factex.normalize.numbers import parse_number
from factex.resources import load

#: candidates of a sub-unit word standing alone: any currency
ANY = frozenset[str]()


class Places:
    """Place words of one language and the territory each one names."""

    def __init__(self, lang: str, regions: dict[str, str], home: str | None) -> None:
        frame = load(lang, "frame")
        countries = territory_names(lang)
        where: dict[str, str] = dict(countries)
        for table in (frame.get("cities", {}), frame.get("demonyms", {})):
            for word, place in table.items():
                code = countries.get(place) or regions.get(place)
                if code:
                    where[word] = code
        where.update(regions)
        # datelines write cities in capitals ("GENÈVE -")
        where.update({w.upper(): c for w, c in list(where.items()) if len(w) > 3})
        self.where = where
        self.pattern = places_regex(list(where))
        self.home = home
        self.hints: list[tuple[re.Pattern[str], str]] = []
        self.sentence_hints: list[tuple[re.Pattern[str], str]] = []
        self.year = re.compile(NEVER)
        self.ago = re.compile(NEVER)
        self.lang = lang

    def named(self, text: str, start: int, end: int) -> set[str]:
        """The territories named between ``start`` and ``end``."""
        return {self.where[m.group()] for m in self.pattern.finditer(text, start, end)}

    def mentions(self, text: str) -> Mentions:
        """Every place mention of ``text``, found in one scan."""
        return Mentions(self, text)

    def story(self, text: str) -> set[str]:
        """The territory of the story: the one that holds most of the text's place mentions
        (an aside on "Washington" in a Canadian article does not make its "$" ambiguous)."""
        return self.mentions(text).story()


class Mentions:
    """The place mentions of one text, scanned once: :meth:`Places.named` of any stretch is
    read off them, unless the stretch cuts a mention or a word (then it is scanned)."""

    def __init__(self, places: Places, text: str) -> None:
        self.places, self.text = places, text
        found = list(places.pattern.finditer(text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.codes = [places.where[m.group()] for m in found]

    def named(self, start: int, end: int) -> set[str]:
        """``places.named(text, start, end)``: the same matches, as the pattern is whole words
        that a stretch cutting neither a mention nor a word finds as the whole text's scan."""
        text = self.text
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        cut = (i and self.ends[i - 1] > start) or (j and self.ends[j - 1] > end)
        if cut or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return self.places.named(text, start, end)
        return {self.codes[k] for k in range(i, j) if self.ends[k] <= end}

    def story(self) -> set[str]:
        """See :meth:`Places.story`."""
        counts = Counter(self.codes)
        if not counts:
            return set()
        top, n = counts.most_common(1)[0]
        return {top} if n * 2 > sum(counts.values()) else set()


@cache
def places(lang: str) -> Places:
    cur = load(lang, "currencies")
    local = cur.get("local", {})
    p = Places(lang, local.get("regions", {}), local.get("home"))
    p.hints = [(re.compile(rx), code) for rx, code in local.get("place_hints", {}).items()]
    p.sentence_hints = [
        (re.compile(rx), code) for rx, code in local.get("sentence_hints", {}).items()
    ]
    p.year = re.compile(local.get("year", NEVER))
    p.ago = re.compile(local.get("years_ago", NEVER))
    return p


def _day(p: Places, text: str, start: int, at: int, day: dt.date | None) -> dt.date | None:
    """The day an amount is about: a year written before it in its sentence ("En 1985, ..."),
    or so many years before the publication ("il y a vingt ans"), else the publication day."""
    years = p.year.findall(text, start, at)
    if years:
        return dt.date(int(years[-1]), 7, 1)
    ago = p.ago.search(text, start, at)
    count = parse_number(ago.group(1), p.lang) if ago and day else None
    if day and count is not None and 0 < count < day.year:
        return dt.date(day.year - int(count), 7, 1)
    return day


def parse_day(published: str | dt.date | None) -> dt.date | None:
    """The publication day of an ISO date or datetime string, None if there is none.

    >>> parse_day("1997-05-02T10:00:00"), parse_day(None), parse_day("bad")
    (datetime.date(1997, 5, 2), None, None)
    """
    if published is None or isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _choose(candidates: frozenset[str], territories: set[str], day: dt.date | None) -> str | None:
    """The one candidate in use in the territories on ``day``; None if none or several."""
    used: set[str] = set()
    for t in territories:
        used |= in_use(t, day)
    left = used if not candidates else used & candidates
    return next(iter(left)) if len(left) == 1 else None


def localize(
    generic: dict[str, frozenset[str]],
    lang: str,
    text: str,
    atoms: list[Atom],
    sentences: Sequence[tuple[int, int]],
    published: str | dt.date | None,
) -> list[Atom]:
    """Atoms whose generic word takes the currency of the places named (see the module)."""
    todo = [i for i, a in enumerate(atoms) if _generic(a, generic) is not None]
    if not todo:
        return atoms
    p = places(lang)
    day = parse_day(published)
    starts = [s for s, _ in sentences]
    mentions = p.mentions(text)
    whole = set(mentions.codes)
    home = {p.home} if p.home and not whole else set()
    story = mentions.story() if len(whole) > 1 else set()
    out = list(atoms)
    for i in todo:
        a = atoms[i]
        candidates = _generic(a, generic) or ANY
        k = bisect.bisect_right(starts, a.start) - 1
        start, end = sentences[k] if k >= 0 else (0, len(text))
        code = None
        when = _day(p, text, start, a.start, day)
        hinted = {c for rx, c in p.hints if rx.search(text[a.start : a.end])}
        hinted |= {c for rx, c in p.sentence_hints if rx.search(text, start, end)}
        # a text that names no place is read at home, but a lone "cents" is not guessed
        for territories in (
            hinted, mentions.named(start, end), whole, story, home if a.factor == 1 else set()
        ):
            if territories:
                code = _choose(candidates, territories, when)
                if code is not None:
                    break
        if code is None or code == a.code:
            continue
        if a.factor < 1 and a.code is None:
            out[i] = replace(a, local=code)
        else:
            out[i] = replace(a, code=code, inferred=True)
    return out


def _generic(a: Atom, generic: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """The candidates of an atom's generic word; ANY for a lone sub-unit; None: not generic."""
    if a.inferred or not a.has_currency:
        return None
    if a.factor < 1:
        return ANY if a.code is None else None
    return generic.get(a.cur)

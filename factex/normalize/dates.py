"""Find French date, period and time mentions in text and normalise them to TIMEX3-style values.

Pure code (no spaCy): :class:`DateGrammar` compiles regexes from language data once, then
:meth:`DateGrammar.scan` returns :class:`Candidate` mentions with character offsets. Each
candidate carries a resolver: given the reference datetime and a *direction* ("past",
"future" or "nearest": the tense of the governing verb, decided by the caller), it returns a
:class:`Timex` or None when the mention needs a reference that is not known.

>>> g = DateGrammar.for_language("fr")
>>> ref = Reference.parse("2018-07-03")
>>> g.normalize("le 2 juillet", ref, "past")
Timex(value='2018-07-02', grain='day', relative=True)
>>> g.normalize("exercice 2017-2018", ref)
Timex(value='2017/2018', grain='year', relative=False)
>>> g.normalize("la semaine dernière", ref)
Timex(value='2018-W26', grain='week', relative=True)
>>> g.normalize("hier", None)
Timex(value=None, grain='day', relative=True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from factex.normalize.regex_start import first_char_class
from factex.normalize.timex import GRAINS, fmt, season_start, shift, truncate

Direction = Literal["past", "future", "nearest"]
APOS = "['’]"


@dataclass(frozen=True)
class Reference:
    """The reference (publication) moment; ``has_time`` is False for a date without a time."""

    dt: datetime
    has_time: bool = False

    @classmethod
    def parse(cls, text: str | None) -> Reference | None:
        """From an ISO string; an offset is dropped (values are naive wall-clock times).

        >>> Reference.parse("2013-02-12T04:30:00-02:00")
        Reference(dt=datetime.datetime(2013, 2, 12, 4, 30), has_time=True)
        >>> Reference.parse("2018-07-03").has_time, Reference.parse(None)
        (False, None)
        """
        if not text:
            return None
        text = text.strip()
        if len(text) <= 10:
            return cls(datetime.combine(date.fromisoformat(text), datetime.min.time()), False)
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return cls(dt.replace(tzinfo=None), True)


@dataclass(frozen=True)
class Timex:
    """A normalised mention: ``value`` (None when a needed reference is missing), ``grain``,
    ``relative``."""

    value: str | None
    grain: str
    relative: bool


Point = tuple[datetime, str]


@dataclass(frozen=True)
class Resolved:
    """A point (``start is end``) or an interval with an inclusive end; None marks an open side."""

    start: Point | None
    end: Point | None
    interval: bool = False
    zone: str = ""  # a UTC offset ("+01:00", "Z") written after times when the text gave one

    @property
    def grain(self) -> str:
        side = self.end or self.start
        assert side is not None
        if self.start is not None and self.end is not None and self.start[1] != self.end[1]:
            # "d'ici 2 semaines": from now (second) to a day; the finer end is the precision
            return min(self.start[1], self.end[1], key=GRAINS.index)
        return side[1]

    def value(self) -> str:
        if not self.interval:
            assert self.start is not None
            return self._fmt(self.start)
        left = self._fmt(self.start) if self.start else ".."
        right = self._fmt(self.end) if self.end else ".."
        return f"{left}/{right}"

    def _fmt(self, p: Point) -> str:
        text = fmt(*p)
        return text + self.zone if self.zone and "T" in text else text


def unit_before(p: Point) -> Point:
    """The last unit of ``p``'s grain before ``p``: "avant 16h" ends with 15h, ends being inclusive.

    >>> unit_before((datetime(2013, 2, 12, 16), "hour"))
    (datetime.datetime(2013, 2, 12, 15, 0), 'hour')
    """
    return shift(p[0], p[1], -1), p[1]


def point(dt: datetime, grain: str) -> Resolved:
    p = (truncate(dt, grain), grain)
    return Resolved(p, p)


def span(a: datetime, b: datetime, grain: str) -> Resolved:
    return Resolved((truncate(a, grain), grain), (truncate(b, grain), grain), True)


Resolver = Callable[[Reference | None, Direction], Resolved | None]


@dataclass(frozen=True)
class Candidate:
    """A mention found in text: offsets, what kind of thing it names, and how to resolve it.

    ``relative`` says whether the value depends on the reference; ``kind`` drives how adjacent
    mentions combine ("day" + "time" → one point, "x au y" → an interval).
    """

    start: int
    end: int
    kind: str
    relative: bool
    resolve: Resolver
    grain: str
    # a None value is the answer, not a failure: no other parser should be asked to place it
    settled: bool = False
    # for a mention that comes back every year ("mars", "le 20 décembre"): its occurrence in a
    # given year, so that a range of two such mentions is placed as one period ("de décembre
    # à février" crosses the year) instead of placing each end on its own
    yearly: Callable[[int], Resolved | None] | None = None

    def timex(self, ref: Reference | None, direction: Direction = "nearest") -> Timex:
        if self.relative and ref is None:
            return Timex(None, self.grain, True)
        res = self.resolve(ref, direction)
        if res is None:
            return Timex(None, self.grain, self.relative)
        return Timex(res.value(), res.grain, self.relative)


# ---------------------------------------------------------------------------------------------
# Language data
# ---------------------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, apostrophes matching both ' and ’."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pat = re.escape(w).replace("'", APOS).replace(r"\ ", r"\s+")
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    # cached: the handlers key the same few words (months, weekdays, modifiers) over and over
    return _SPACES.sub(" ", text.lower().replace("’", "'")).strip()


@dataclass(frozen=True)
class Lexicon:
    months: Mapping[str, int]
    words: Mapping[str, Any]

    def number(self, text: str) -> int | None:
        """Digits or French number words up to 69.

        >>> lex = Lexicon.for_language("fr")
        >>> words = ("15", "quinze", "vingt quatre", "trente et un", "dix-huit", "x")
        >>> [lex.number(t) for t in words]
        [15, 15, 24, 31, 18, None]
        """
        t = _key(text)
        if t.isdigit():
            return int(t)
        nums: Mapping[str, int] = self.words["numbers"]
        if t in nums:
            return nums[t]
        total = 0
        for part in re.split(r"[\s-]+", t):
            if part == "et":
                continue
            if part not in nums:
                return None
            total += nums[part]
        return total

    def day_number(self, text: str) -> int | None:
        t = _key(text)
        ords: Mapping[str, int] = self.words["day_ordinals"]
        if t in ords:
            return ords[t]
        t = re.sub(r"(?:e|ème|eme)$", "", t) if t[:1].isdigit() else t
        return self.number(t)

    def month(self, text: str) -> int:
        t = _key(text)
        return self.months.get(t) or self.months[t.rstrip(".")]

    @classmethod
    def for_language(cls, lang: str) -> Lexicon:
        from factex.resources import load

        return cls(load(lang, "months"), load(lang, "date_words"))


# ---------------------------------------------------------------------------------------------
# Calendar choices that depend on the direction
# ---------------------------------------------------------------------------------------------


def choose(
    ref: datetime, direction: Direction, starts: Callable[[int], tuple[datetime, datetime] | None]
) -> tuple[datetime, datetime] | None:
    """The occurrence of a yearly period (``starts(year)`` → [start, end)) nearest ``ref``.

    Past picks the latest occurrence that has begun, future the first that has not ended.

    >>> may = lambda y: (datetime(y, 5, 1), datetime(y, 6, 1))
    >>> ref = datetime(2018, 7, 3)
    >>> [choose(ref, d, may)[0].year for d in ("past", "future", "nearest")]
    [2018, 2019, 2018]
    """
    # four years each way so that 29 February has somewhere to land
    options = [o for y in range(ref.year - 4, ref.year + 5) if (o := starts(y)) is not None]
    for start, end in options:
        if start <= ref < end:
            return start, end
    past = [o for o in options if o[0] <= ref]
    future = [o for o in options if o[0] > ref]
    if direction == "past":
        return past[-1] if past else None
    if direction == "future":
        return future[0] if future else None
    if not past:
        return future[0] if future else None
    if not future:
        return past[-1]
    p, f = past[-1], future[0]
    return p if (ref - p[1]) <= (f[0] - ref) else f


def weekday_near(ref: datetime, weekday: int, direction: Direction) -> datetime:
    """The weekday nearest ``ref``: past includes the reference day, future excludes it.

    >>> ref = datetime(2018, 7, 3)  # a Tuesday
    >>> [weekday_near(ref, 0, d).day for d in ("past", "future", "nearest")]
    [2, 9, 2]
    """
    day = datetime(ref.year, ref.month, ref.day)
    back = (day.weekday() - weekday) % 7
    fwd = (weekday - day.weekday()) % 7 or 7
    past, future = day - timedelta(days=back), day + timedelta(days=fwd)
    if direction == "past":
        return past
    if direction == "future":
        return future
    return past if back <= fwd else future


def _safe_date(y: int, m: int, d: int) -> datetime | None:
    try:
        return datetime(y, m, d)
    except ValueError:
        return None


def _two_digit_year(y: int) -> int:
    return 2000 + y if y < 50 else 1900 + y


# ---------------------------------------------------------------------------------------------
# The grammar
# ---------------------------------------------------------------------------------------------

_B = r"(?<![\w\-])"  # start of a word
_WORD = re.compile(r"\w+")
_RANGE_FROM = re.compile(r"(?<![\w])(?:de|d['’]|entre)\s*$", re.IGNORECASE)
_EVENT_AFTER = re.compile(
    r"\s+(?:sa|son|ses|le|la|les|l['’]|leur|leurs|cette|ce|cet|un|une|des|du|d['’]|que|qu['’]|"
    r"avoir|être|notre|votre|nos|vos|mon|ma|mes)(?![\w-])",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_LOOKBACK = 3  # words a mention may start before its trigger ("à partir de 16h")
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
# "de route", "d'attente": the noun a length of time is a length of, without an article
# ("de la place de la République" says where from)
_OF_WORD = re.compile(
    r"\s+d(?:e\s+(?!(?:la|les?|l['’]|leurs?|[mts](?:on|a|es))(?![\w-]))|['’]\s*)([^\W\d_][\w-]*)",
    re.IGNORECASE,
)
_E = r"(?![\w])"  # end of a word
YEAR4 = r"(?:1[89]\d\d|20\d\d)"


#: One rule of the grammar: a pattern tried at a position and what makes a mention of a match.
Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], "Candidate | None"]]


class DateGrammar:
    """Compiled patterns for one language and the resolvers behind them."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        w = lex.words
        self.WD = _alt(w["weekdays"])
        self.MONTH_ANY = _alt(lex.months)
        self.MONTH_FULL = _alt(w["standalone_months"])
        self.comparison_cues = frozenset(_key(c) for c in w["comparison_year_cues"])
        self.after_year = frozenset(_key(c) for c in w["words_after_compared_year"])
        nums = [k for k in w["numbers"] if k not in ("un", "une")]
        units = [k for k, v in w["numbers"].items() if v < 10]
        tens = [k for k, v in w["numbers"].items() if v >= 20]
        self.NUMW = f"(?:{_alt(tens)}(?:[\\s-]+(?:et[\\s-]+)?{_alt(units)})?|{_alt(nums)})"
        self._range_to = re.compile(
            rf"\s+(?:à|a|et|jusqu['’]à)\s+(?:(?:[01]?\d|2[0-4]|{self.NUMW})\s*(?:h|heures?)|midi|minuit){_E}",
            re.IGNORECASE,
        )
        self.NUM = rf"(?:\d{{1,3}}|{self.NUMW}|une?)"
        self.DAYNUM = rf"(?:1er|1re|premier|3[01]|[12]\d|0?[1-9])(?:e|ème)?{_E}|{self.NUMW}{_E}"
        self.DAYNUM = f"(?:{self.DAYNUM})"
        self.ENDNUM = (
            r"(?=\s*(?:$|[.,;:!?)»\n]|à\b|a\b|au\b|vers\b|et\b|jusqu|dans\b|en\s+(?:début|fin|milieu)|"
            r"plutôt|le\s+matin|dès\b))"
        )
        self.UNIT = _alt(w["units"])
        self.PAST = _alt(w["past_modifiers"])
        self.FUT = _alt(w["future_modifiers"])
        not_after = self.NOT_AFTER = _alt(w["not_after_number"])
        # not a piece of a bigger number ("2 000", "2019,5") nor a count ("2019 habitants")
        self.YEAR = (
            rf"(?<![\d,.])(?<!\d\s)(?<!\d\u00a0)(?<!\d\u202f){YEAR4}"
            rf"(?!\d|[,.]\d|[\s\u00a0\u202f]\d{{3}})(?!\s*{not_after}{_E})"
        )
        self._not_numeric = frozenset(w["not_numeric_dates"])
        self._not_before_numeric = frozenset(w["not_before_numeric_date"])
        self._fraction_after = re.compile(r"\s*(?:des|de|du|d['’]|e\b|ème|%)", re.IGNORECASE)
        self.HOUR_MARK = _alt(w["hour_marks"])
        # what may follow "de" after a range of hours: "de 8 à 18 heures de lundi à vendredi"
        self._date_nouns = frozenset(
            _key(x) for key in ("weekdays", "relative_days") for x in w[key]
        ) | frozenset(_key(x) for x in lex.months)
        self._lasting_before = frozenset(_key(x) for x in w["range_duration_before"])
        self._lasting_after = re.compile(
            rf"\s*,?\s*{_alt(w['range_duration_after'])}{_E}", re.IGNORECASE
        )
        self._rules: list[Rule] = []
        self._triggers = self._trigger_words()
        self._build()
        self._firsts = [first_char_class(pattern) for pattern, _ in self._rules]
        self._rules_by_char: dict[str, list[Rule]] = {}
        self._published = re.compile(rf"{_B}{_alt(w['published_cues'])}\s+", re.IGNORECASE)
        self._dateline = re.compile(
            rf"(?m)^[ \t]*(?:[A-ZÉÈ][\w\-' ]{{1,40}}\s*(?:\([^)\n]{{1,30}}\))?\s*[,:]\s*)?"
            rf"(?=(?:le\s+)?(?:{self.WD}\s+)?\d{{1,2}}(?:er)?\s+{self.MONTH_ANY}\s+{YEAR4}\s*[.,]?\s*[-–—])",
            re.IGNORECASE,
        )

    @classmethod
    def for_language(cls, lang: str) -> DateGrammar:
        return _grammar(lang)

    def _trigger_words(self) -> frozenset[str]:
        """Words without which no rule can match (digits are triggers too)."""
        w = self.lex.words
        phrases: list[str] = [*self.lex.months, *w["extra_triggers"]]
        for key in ("weekdays", "units", "seasons", "parts_of_day", "relative_units"):
            phrases.extend(w[key])
        out: set[str] = set()
        for phrase in phrases:
            out.update(_WORD.findall(_key(phrase)))
        out.update(k for k in w["numbers"] if k not in ("un", "une"))  # "il y a dix ans"
        # the key word of each multi-word phrase ("veille" in "la veille"), not its articles
        for key in ("relative_days", "now", "holidays", "day_phases"):
            for phrase in w[key]:
                words = _WORD.findall(_key(phrase))
                out.add(max(words, key=len))
        return frozenset(out)

    # -- public -------------------------------------------------------------------------------

    def scan(self, text: str) -> list[Candidate]:
        """Non-overlapping mentions in ``text``, in order (longest wins where they overlap).

        Running every rule over the whole text costs one regex pass per rule; instead the
        rules are tried only where a mention can start: at the few words before a trigger
        (a digit, a month, a weekday, "hier", "semaine"...).
        """
        found: list[Candidate] = []
        by_char = self._rules_by_char
        for pos in self._starts(text):
            char = text[pos]
            rules = by_char.get(char)
            if rules is None:
                rules = by_char[char] = self._rules_starting(char)
            for pattern, handler in rules:
                m = pattern.match(text, pos)
                if m is not None:
                    c = handler(m)
                    if c is not None:
                        found.append(c)
        atoms = _select(found)
        return _combine(atoms, text, self)

    def _rules_starting(self, char: str) -> list[Rule]:
        """The rules, in order, whose matches can start with ``char`` (the others cannot
        match there: trying them was most of the cost of a scan)."""
        return [
            rule
            for rule, first in zip(self._rules, self._firsts, strict=True)
            if first is None or first.match(char)
        ]

    def _starts(self, text: str) -> list[int]:
        # One pass, no list of (offset, word) pairs: a trigger opens the last few word starts.
        triggers = self._triggers
        offsets: list[int] = []
        starts: set[int] = set()
        back = -_LOOKBACK - 1
        for m in _WORD.finditer(text):
            word = m.group()
            offsets.append(m.start())
            if word[0].isdigit() or word[-1].isdigit() or word.lower() in triggers:
                starts.update(offsets[back:])
        return sorted(starts)

    def normalize(
        self, phrase: str, ref: Reference | None, direction: Direction = "nearest"
    ) -> Timex | None:
        """The value of ``phrase`` when one mention covers all of it, else None."""
        return _normalize_cached(self, phrase, ref, direction)

    def find_published(self, text: str) -> tuple[int, int, str] | None:
        """(start, end, ISO date) of a publication date written in the text, or None.

        >>> g = DateGrammar.for_language("fr")
        >>> g.find_published("Titre\\n\\nPublié le 3 juillet 2018 Lecture : 1 minute.")
        (17, 31, '2018-07-03')
        >>> g.find_published("PARIS, 22 mai 2012. - Le groupe a annoncé...")[2]
        '2012-05-22'
        >>> g.find_published("Rien ici.") is None
        True
        """
        starts = [m.end() for m in self._published.finditer(text)]
        starts += [m.end() for m in self._dateline.finditer(text)]
        for pos in sorted(starts):
            window = text[pos : pos + 60]
            for c in self.scan(window):
                if c.start > 3 or c.kind not in ("day", "day_time", "day_pod") or c.relative:
                    break
                res = c.resolve(None, "nearest")
                if res is not None and res.start is not None:
                    return pos + c.start, pos + c.end, res.start[0].date().isoformat()
                break
        return None

    # -- rules --------------------------------------------------------------------------------

    def _add(self, pattern: str, handler: Callable[[re.Match[str]], Candidate | None]) -> None:
        self._rules.append((re.compile(pattern, re.IGNORECASE), handler))

    def _build(self) -> None:
        w = self.lex.words
        WD, DAYNUM, MONTH_ANY, YEAR, NUM, UNIT = (
            self.WD,
            self.DAYNUM,
            self.MONTH_ANY,
            self.YEAR,
            self.NUM,
            self.UNIT,
        )
        # "le 2 juillet", "lundi 18 février 2013", "1er mars", "31 octobre 74"
        self._add(
            rf"{_B}(?:(?P<le>le)\s+)?(?:(?P<wd>{WD})\s+)?(?P<d>{DAYNUM})\s*(?P<m>{MONTH_ANY})(?!\w)"
            rf"(?:\s+(?:{APOS})?(?P<y>{YEAR})|\s+(?P<y2>\d{{2}})(?=\s*(?:$|[.,;:!?)]))"
            rf"|\s+(?P<mod>{_alt(w['month_modifiers'])}){_E})?",
            self._day_month,
        )
        # "la semaine du 9 juillet"
        self._add(
            rf"{_B}(?:la\s+)?semaine\s+du\s+(?P<d>{DAYNUM})\s*(?P<m>{MONTH_ANY})(?!\w)(?:\s+(?P<y>{YEAR}))?",
            self._week_of,
        )
        # numeric dates
        self._add(
            r"(?:(?<![\w])le\s+)?(?<![\d/.,])(?P<d>[0-3]?\d)(?P<s>[/.])(?P<m>[01]?\d)(?P=s)(?P<y>\d{4}|\d{2})(?![\d/.,]\d)",
            self._numeric,
        )
        self._add(
            r"(?<![\d/.,-])(?P<y>\d{4})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])", self._numeric
        )
        # "20 02 2014", "le 24 12 14": spaces only with a 4-digit year or a zero-padded month,
        # and never inside a longer run of numbers (phone numbers, tables of scores)
        self._add(
            r"(?:(?<![\w])le\s+)?(?<![\d,.])(?<![\d,.]\s)(?P<d>[0-3]?\d) (?:(?P<m>0[1-9]|1[0-2]) "
            r"(?P<y>\d{4}|\d{2})|(?P<m2>[1-9]|1[0-2]) (?P<y2>(?:19|20)\d{2}))(?![\d,.]|\s\d)",
            self._numeric_spaced,
        )
        # day/month without a year: "le 05/11", "17/2"; day month with spaces after a cue
        # ("le 17 02", "lundi 20 2 14") or as the whole text (a date column of a spreadsheet)
        cue = rf"(?:(?<![\w])(?P<le>le|du|au)|(?P<wd>{WD}))"
        self._add(
            rf"(?:{cue}\s+)?(?<![\d/.,])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
            rf"(?![\d/]|[.,]\d|\s*{self.NOT_AFTER}{_E})",
            self._numeric_short,
        )
        self._add(
            rf"(?:{cue}\s+)?(?<![\d,.])(?<![\d,.]\s)(?P<d>[0-3]?\d) (?P<m>0?[1-9]|1[0-2])"
            rf"(?: (?P<y>\d{{4}}|\d{{2}}))?"
            rf"(?!\w|[.,]\d|\s+\d|\s*[x×]\s*\d|\s*{self.NOT_AFTER}{_E})",
            self._numeric_short,
        )
        # "le 16" (day of the current or next month); needs a following cue to be safe
        self._add(
            rf"(?:{_B}(?P<le>le)|(?<=partir\s)du|(?<=compter\s)du)\s+(?P<d>1er|3[01]|[12]\d|0?[1-9]){self.ENDNUM}",
            self._day_only,
        )
        # months: "en juillet 2017", "fin mars", "au mois de mars", "mi-décembre"
        pre = (
            rf"(?:(?P<en>en|courant|au\s+mois\s+d(?:e\s+|{APOS})|le\s+mois\s+d(?:e\s+|{APOS})|"
            rf"mois\s+d(?:e\s+|{APOS}))"
            rf"|(?:(?:en|à\s+la|au)\s+)?(?P<ph>début|fin|mi|milieu)(?:\s*-\s*|\s+du\s+mois\s+d(?:e\s+|{APOS})|"
            rf"\s+d(?:e\s+|{APOS})|\s+))"
        )
        self._add(
            rf"{_B}(?:{pre}\s*)?(?P<m>{self.MONTH_FULL}){_E}(?:\s+(?:de\s+l{APOS}année\s+)?(?P<y>{YEAR})"
            rf"|\s+(?P<mod>{_alt(w['month_modifiers'])}){_E})?",
            self._month,
        )
        # years with a cue: "en 2011", "exercice 2017-2018", "fin 2020", "de 2015 à 2018"
        cues = _alt(w["year_cues"])
        self._add(
            rf"{_B}(?P<cue>{cues})(?:\s*-\s*|\s+)(?:l{APOS}année\s+)?(?P<y>{YEAR})"
            rf"(?:\s*[-/]\s*(?P<y2>{YEAR}|\d{{2}}(?!\d)))?(?![\w-])",
            self._year,
        )
        self._add(
            rf"{_B}(?P<cue>de|entre)\s+(?P<y>{YEAR})\s+(?:à|a|et)\s+(?P<y2>{YEAR})(?![\w-])",
            self._year,
        )
        self._add(rf"{_B}(?:les\s+)?années\s+(?P<c>19|20)?(?P<d>\d)0{_E}", self._decade)
        # weekdays: "lundi", "mardi prochain", "mercredi 13", "lundi en huit"
        mod = (
            rf"(?P<mod>{self.FUT}|{self.PAST}|en\s+(?:huit|8|quinze|15)|"
            rf"(?:de\s+)?la\s+semaine\s+(?:{self.FUT}|{self.PAST})|cette\s+semaine)"
        )
        self._add(
            rf"{_B}(?:(?P<ce>ce)\s+)?(?P<wd>{WD})(?:\s+(?P<d>{DAYNUM}){self.ENDNUM})?(?:\s+{mod}{_E})?",
            self._weekday,
        )
        # "hier", "aujourd'hui", "la veille", "maintenant"
        self._add(rf"{_B}(?P<w>{_alt(w['relative_days'])}){_E}", self._relative_day)
        self._add(rf"{_B}(?P<w>{_alt(w['now'])}){_E}", self._now)
        # "la semaine dernière", "cette année", "l'an prochain", "le mois en cours"
        runit = _alt(w["relative_units"])
        cur = _alt(w["current_modifiers"])
        self._add(
            rf"{_B}(?:(?P<this>ce|cet|cette)\s+(?P<u>{runit})(?:\s*(?P<cur>{cur}))?"
            rf"|(?P<art>la|le|l{APOS}|dans\s+la)\s*(?P<u2>{runit})(?:\s+(?P<mod>{self.FUT}|{self.PAST}|{cur}))?"
            rf"|(?P<mod2>{self.FUT}|{self.PAST})\s+(?P<u3>{runit})){_E}",
            self._relative_unit,
        )
        # "au premier trimestre 2018", "le second semestre", "T3 2022", "S1 2021"
        ords = _alt(w["ordinals"])
        self._add(
            rf"{_B}(?:(?P<pre>au|le|du|ce|en|sur\s+le)\s+)?(?P<o>{ords})\s+(?P<u>trimestre|semestre)"
            rf"(?:\s+(?:de\s+l{APOS}(?:année|exercice)\s+)?(?P<y>{YEAR})|\s+(?P<mod>{self.FUT}|{self.PAST}))?{_E}",
            self._quarter,
        )
        self._add(
            rf"(?<![\w-])(?:(?P<pre>au|le|du|ce|en|sur\s+le)\s+)?(?P<q>[TQ][1-4]|[SH][12])(?:\s*(?P<y>{YEAR4}|(?<=\s)\d{{2}}))?(?![\w-])",
            self._quarter_code,
        )
        # seasons: "cet été", "l'hiver dernier", "au printemps 2019"
        seasons = _alt(w["seasons"])
        self._add(
            rf"{_B}(?:(?P<pre>cet|ce|l{APOS}|en|au|à\s+l{APOS}|d{APOS}ici\s+l{APOS})\s*)?(?P<s>{seasons})"
            rf"(?:\s+(?P<y>{YEAR})|\s+(?P<mod>{self.FUT}|{self.PAST}))?{_E}",
            self._season,
        )
        # phases of the current period: "en fin d'année", "au début du mois", "en fin de semaine"
        self._add(
            rf"{_B}(?:(?:en|à\s+la|au)\s+)?(?P<ph>début|milieu|fin)\s+"
            rf"(?:d(?:e\s+l{APOS}|u\s+|e\s+la\s+|e\s+|{APOS}))(?P<u>année|mois|semaine|exercice)"
            rf"(?:\s+(?P<mod>{self.FUT}|{self.PAST}))?{_E}",
            self._phase,
        )
        self._add(rf"{_B}dans\s+la\s+semaine{_E}(?!\s+(?:{self.FUT}|{self.PAST}|d))", self._in_week)
        # times of day
        hour_pre = (
            r"(?:(?P<at>à|a|vers|dès|aux\s+alentours\s+de|autour\s+de|à\s+environ|environ|"
            r"plutôt\s+vers|à\s+partir\s+de|n['’]importe\s+quand\s+avant|avant|après|jusqu'à|"
            r"jusqu’à|plus\s+tard\s+que)\s+)?"
        )
        frac = (
            rf"(?:\s+et\s+(?P<fr>quart|demie?)|\s+(?P<tq>trois\s+quarts)"
            rf"|\s+moins\s+(?:le\s+)?(?P<lq>quart)|\s+moins\s+(?P<mm>{self.NUMW}|\d{{1,2}})"
            rf"|\s+passé\s+de\s+(?P<pm>{self.NUMW}|\d{{1,2}})\s+minutes?)"
        )
        ampm = (
            rf"(?:\s+(?P<ampm>du\s+mat(?:in)?|du\s+soir|de\s+l{APOS}après-midi|ce\s+soir|ce\s+matin|"
            rf"cet\s+après-midi|dans\s+la\s+soirée))?"
        )
        self._add(
            rf"(?<![\w]){hour_pre}(?:"
            rf"(?P<h>[01]?\d|2[0-4])\s*[hH](?:\s*(?P<mi>[0-5]\d))?(?![\w/])"
            rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
            rf"|(?P<hw>{self.NUMW}|une|\d{{1,2}})\s+heures?(?:\s+(?:et\s+)?(?P<miw>{self.NUMW}|\d{{1,2}})(?!\s+quarts?)(?:\s+minutes?)?)?"
            rf"|(?P<noon>midi|minuit)(?:\s+(?P<nmin>{self.NUMW}|\d{{1,2}}){_E})?"
            rf"){frac}?{ampm}{_E}(?:\s+(?P<tz>(?-i:{_alt(w['time_zones'])})){_E}(?!\s+(?-i:[A-ZÀÂÉÈÊÎÔÛÇ]{{2}})))?",
            self._time,
        )
        # clock hours that share one unit: "de 9 à 18 heures", "entre 8 et 10 h", "de 9 à 12 h 30";
        # without a unit ("de 5 à 7") only as the whole text, see _shared_unit_range
        hour = rf"(?:[01]?\d|2[0-4]|{self.NUMW})"
        self._add(
            rf"{_B}(?P<pre>de|entre)\s+(?P<h1>{hour})\s+(?P<sep>à|a|et)\s+(?P<h2>{hour})"
            rf"(?:\s*(?P<u>{self.HOUR_MARK})(?:\s*(?P<mi>[0-5]\d)(?!\d))?"
            rf"(?:\s+(?P<ampm>du\s+mat(?:in)?|du\s+soir|de\s+l{APOS}après-midi))?)?{_E}",
            self._shared_unit_range,
        )
        # parts of the day: "ce soir", "cet après-midi", "en fin de matinée", "lundi matin"
        phases = _alt(w["day_phases"])
        pods = _alt(w["parts_of_day"])
        self._add(
            rf"{_B}(?:(?:en|au|à\s+la)\s+)?(?P<ph>{phases}){_E}"
            rf"|{_B}(?:au|à\s+la)\s+(?P<ph2>début|milieu|fin)\s+de\s+(?:la\s+|l{APOS})"
            rf"(?P<p2>matinée|après-midi|journée|soirée){_E}"
            rf"|{_B}(?:(?:un\s+peu\s+)?plus\s+tard\s+)?"
            rf"(?:(?P<this>ce|cet|cette|dans\s+la|dans\s+l{APOS}|l{APOS}|le|en|au|dès\s+la|dès\s+le)\s*)?"
            rf"(?P<p>{pods})",
            self._part_of_day,
        )
        # "le lendemain du 13 février", "la veille de Noël": a relative day anchored on a date;
        # alone ("la veille du scrutin") it stays the relative day, see _combine
        self._add(
            rf"{_B}(?P<w>{_alt(w['anchored_days'])})\s+(?:du|de\s+la|de\s+l{APOS}|de|d{APOS})(?=\s*\w)",
            self._anchored,
        )
        # "dans 30'", "dans 10\"": minute and second marks after the number
        self._add(
            rf"{_B}(?P<dir>dans)\s+(?P<n>\d{{1,3}})\s?(?P<u>{_alt(w['unit_marks'])})(?!\w)",
            self._offset,
        )
        # "d'ici deux semaines", "dans les 15 jours": from now until that offset (not after a
        # clause naming another starting point: "dans les 15 jours qui suivent le vote")
        self._add(
            rf"{_B}(?P<cue>{_alt(w['within_cues'])})\s+(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}"
            rf"(?!\s+(?:qui|suivant|après|de|d{APOS}|du|à\s+compter|à\s+partir|{self.FUT}|{self.PAST}){_E})",
            self._within,
        )
        # "entre midi et deux", "de midi à 2 heures": the small hour after noon is in the afternoon
        self._add(
            rf"{_B}(?P<pre>entre|de)\s+midi\s+(?:et|à)\s+(?P<h>[1-6]|{self.NUMW})(?:\s*h(?:eures?)?)?{_E}",
            self._noon_to,
        )
        # "il y a trois jours", "dans deux semaines", "trois jours plus tard"
        self._add(
            rf"{_B}(?P<dir>il\s+y\s+a|dans|voici)\s+(?P<n>{NUM})\s+(?P<u>{UNIT}){_E}",
            self._offset,
        )
        self._add(
            rf"{_B}(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>plus\s+tard|après|auparavant|plus\s+tôt){_E}",
            self._offset,
        )
        # "sur les neuf premiers mois de 2021", "les trois derniers mois de l'année": the first
        # or last months of a calendar year (of the reference when none is written)
        self._add(
            rf"{_B}(?:(?:sur|durant|pendant|dans|pour|depuis)\s+les\s+|au\s+cours\s+des\s+|lors\s+des\s+|les\s+)"
            rf"(?P<n>{NUM})\s+(?P<o>premiers|premières|derniers|dernières)\s+(?P<u>mois|trimestres|semestres)"
            rf"(?:\s+(?:de\s+l{APOS}(?:année|exercice)(?:\s+(?P<y2>{YEAR}))?(?:\s+(?P<prev>{self.PAST}))?"
            rf"|de\s+(?P<y>{YEAR})|de\s+l{APOS}an\s+(?P<prev2>{self.PAST}))|(?=\W|$)){_E}",
            self._year_part,
        )
        # "les trois derniers mois", "3 prochaines semaines", "2 années passées"
        self._add(
            rf"{_B}(?:(?P<art>les|ces|des)\s+)?(?P<n>{NUM})\s+(?:(?P<mod>{self.PAST}|{self.FUT})\s+(?P<u>{UNIT})"
            rf"|(?P<u2>{UNIT})\s+(?P<mod2>{self.PAST}|{self.FUT})){_E}",
            self._last_next,
        )
        # "la première quinzaine d'avril", "le dernier week-end de septembre", "le 3e jour de mai"
        self._add(
            rf"{_B}(?:(?:le|la)\s+)?(?P<o>{ords}|\d{{1,2}}(?:e|ème|eme))\s+"
            rf"(?P<u>jour|semaine|week-end|quinzaine|{WD})\s+(?:du\s+mois\s+)?d(?:e\s+|{APOS}|u\s+)"
            rf"(?:(?P<m>{self.MONTH_FULL}){_E}(?:\s+(?P<y>{YEAR}))?"
            rf"|(?:mois\s+)?(?P<mod>{self.FUT}|{self.PAST})|(?P<this>ce\s+mois(?:-ci)?))",
            self._nth_in_month,
        )
        # "ce week-end", "le week-end dernier"
        self._add(
            rf"{_B}(?:(?P<this>ce)\s+week-end|le\s+week-end\s+(?P<mod>{self.FUT}|{self.PAST})){_E}",
            self._weekend,
        )
        # holidays
        self._add(
            rf"{_B}(?:(?P<soir>le\s+soir\s+de)\s+)?(?P<h>{_alt(w['holidays'])}){_E}", self._holiday
        )
        # day ranges: "du 2 au 5 juillet", "13-15 juillet", "entre le 13 et le 15 juillet", and
        # "les 4 et 5 octobre" with its article, as "le 3 juillet"
        sep = rf"(?:au|-|–|et\s+le|et|jusqu{APOS}au)"
        self._add(
            rf"{_B}(?:(?P<pre>du|entre\s+le|entre|les)\s+)?(?:{WD}\s+)?(?P<d1>{DAYNUM})\s*{sep}\s*(?:le\s+)?"
            rf"(?:{WD}\s+)?(?P<d2>{DAYNUM})\s*(?P<m>{MONTH_ANY})(?!\w)(?:\s+(?P<y>{YEAR}))?",
            self._day_range,
        )
        self._add(
            rf"{_B}(?P<pre>du|entre\s+le)\s+(?:{WD}\s+)?(?P<d1>{DAYNUM})\s+(?:au|et\s+le)\s+"
            rf"(?:{WD}\s+)?(?P<d2>{DAYNUM}){self.ENDNUM}",
            self._day_range,
        )

    # -- handlers -----------------------------------------------------------------------------

    def _day_month(self, m: re.Match[str]) -> Candidate | None:
        d = self.lex.day_number(m["d"])
        month = self.lex.month(m["m"])
        if d is None or not 1 <= d <= 31:
            return None
        if m["d"][0].isalpha() and d > 1 and not m["le"] and not m["wd"] and m["y"] is None:
            # "trois mars" alone is rare; "sept mars" may be a count: keep words with a cue only
            return None
        y = int(m["y"]) if m["y"] else _two_digit_year(int(m["y2"])) if m["y2"] else None
        c = self._ymd(m.start(), m.end(), y, month, d)
        if c is None or not m["mod"]:
            return c
        # "le 3 juillet dernier": the word says which side of the reference, whatever the verb
        side: Direction = (
            "past" if self.lex.words["month_modifiers"][_key(m["mod"])] < 0 else "future"
        )
        resolve = c.resolve
        return Candidate(
            c.start, c.end, c.kind, c.relative, lambda r, _d: resolve(r, side), c.grain
        )

    def _ymd(
        self, s: int, e: int, y: int | None, month: int, d: int, kind: str = "day"
    ) -> Candidate | None:
        if y is not None:
            dt = _safe_date(y, month, d)
            if dt is None:
                return None
            return Candidate(s, e, kind, False, lambda ref, dr: point(dt, "day"), "day")
        if _safe_date(2000, month, d) is None:
            return None

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None

            def occ(year: int) -> tuple[datetime, datetime] | None:
                dt = _safe_date(year, month, d)
                return None if dt is None else (dt, dt + timedelta(days=1))

            got = choose(truncate(ref.dt, "day"), dr, occ)
            return None if got is None else point(got[0], "day")

        def at(year: int) -> Resolved | None:
            dt = _safe_date(year, month, d)
            return None if dt is None else point(dt, "day")

        return Candidate(s, e, kind, True, res, "day", yearly=at)

    def _week_of(self, m: re.Match[str]) -> Candidate | None:
        d = self.lex.day_number(m["d"])
        if d is None:
            return None
        day = self._ymd(
            m.start(), m.end(), int(m["y"]) if m["y"] else None, self.lex.month(m["m"]), d
        )
        if day is None:
            return None
        inner = day.resolve

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            got = inner(ref, dr)
            if got is None or got.start is None:
                return None
            first = got.start[0]
            if first.weekday() == 6:
                # a week is named by the day it starts: a Sunday starts the next (Monday) week
                first += timedelta(days=1)
            return point(first, "week")

        return Candidate(m.start(), m.end(), "period", day.relative, res, "week")

    def _numeric_spaced(self, m: re.Match[str]) -> Candidate | None:
        d, month = int(m["d"]), int(m["m"] or m["m2"])
        ytext = m["y"] or m["y2"]
        y = int(ytext) if len(ytext) == 4 else _two_digit_year(int(ytext))
        if not 1 <= d <= 31:
            return None
        return self._ymd(m.start(), m.end(), y, month, d)

    def _numeric(self, m: re.Match[str]) -> Candidate | None:
        d = int(m["d"] or m.groupdict().get("d2") or 0)
        month = int(m["m"] or m.groupdict().get("m2") or 0)
        ytext = m.groupdict().get("y")
        if not 1 <= month <= 12 or not 1 <= d <= 31:
            return None
        y = None
        if ytext:
            y = int(ytext) if len(ytext) == 4 else _two_digit_year(int(ytext))
        return self._ymd(m.start(), m.end(), y, month, d)

    def _numeric_short(self, m: re.Match[str]) -> Candidate | None:
        """ "17/2", "le 17 02", "le 20 2 14": numbers that are also fractions, scores, counts.

        A slash date is taken after a cue ("le", "du", "au", a weekday), as the whole text, or
        with a two-digit day when no fraction or score word is around it ("1/3 des salariés",
        "battu 3/1", "24/7"); spaces only after a cue or as the whole text with a two-digit day.
        """
        text = m.string
        d, month = int(m["d"]), int(m["m"])
        if not 1 <= month <= 12 or not 1 <= d <= 31:
            return None
        whole = not text[: m.start()].strip() and not text[m.end() :].strip(" \t\n.")
        cued = m["le"] is not None or m["wd"] is not None
        slash = "/" in m.group()
        if not cued:
            if len(m["d"]) < 2 and not (whole and slash):
                return None
            if not whole:
                if not slash or f"{m['d']}/{m['m']}" in self._not_numeric:
                    return None
                before = text[max(0, m.start() - 12) : m.start()].lower().split()
                if before and before[-1] in self._not_before_numeric:
                    return None
                if self._fraction_after.match(text, m.end()):
                    return None
        ytext = m.groupdict().get("y")
        y = None
        if ytext:
            y = int(ytext) if len(ytext) == 4 else _two_digit_year(int(ytext))
        return self._ymd(m.start(), m.end(), y, month, d)

    def _day_only(self, m: re.Match[str]) -> Candidate | None:
        d = self.lex.day_number(m["d"])
        if d is None or not 1 <= d <= 31:
            return None

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            day = truncate(ref.dt, "day")

            def occ(year: int) -> tuple[datetime, datetime] | None:
                return None  # unused

            options = []
            for k in (-1, 0, 1):
                base = shift(day.replace(day=1), "month", k)
                dt = _safe_date(base.year, base.month, d)
                if dt is not None:
                    options.append(dt)
            past = [o for o in options if o <= day]
            fut = [o for o in options if o >= day]
            if dr == "past" and past:
                return point(past[-1], "day")
            if dr == "future" and fut:
                return point(fut[0], "day")
            best = min(options, key=lambda o: abs(o - day))
            return point(best, "day")

        return Candidate(m.start(), m.end(), "day", True, res, "day")

    def _month(self, m: re.Match[str]) -> Candidate | None:
        month = self.lex.month(m["m"])
        ph = (m["ph"] or "").lower()
        if m["en"] and _after_apostrophe(m):
            return None
        if not m["en"] and not ph and m["y"] is None and m["m"][0].isupper():
            return None  # "Mars" the planet, "Mai" a name: a bare month is written in lower case
        y = int(m["y"]) if m["y"] else None
        phases: Mapping[str, list[int]] = self.lex.words["month_phases"]

        def at(year: int) -> Resolved:
            start = datetime(year, month, 1)
            if not ph:
                return point(start, "month")
            a, b = phases[ph]
            last = shift(start, "month", 1) - timedelta(days=1)
            return span(start.replace(day=a), start.replace(day=min(b, last.day)), "day")

        step = self.lex.words["month_modifiers"][_key(m["mod"])] if m["mod"] else 0

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            if y is not None:
                return at(y)
            assert ref is not None

            def occ(year: int) -> tuple[datetime, datetime]:
                s = datetime(year, month, 1)
                return s, shift(s, "month", 1)

            if step:
                # "en décembre dernier" in December is last year's: never the current month
                this = datetime(ref.dt.year, month, 1)
                cur = datetime(ref.dt.year, ref.dt.month, 1)
                year = ref.dt.year + (step if (this >= cur if step < 0 else this <= cur) else 0)
                return at(year)
            got = choose(truncate(ref.dt, "day"), dr, occ)
            return None if got is None else at(got[0].year)

        return Candidate(
            m.start(),
            m.end(),
            "month",
            y is None,
            res,
            "day" if ph else "month",
            yearly=at if y is None else None,
        )

    def _year(self, m: re.Match[str]) -> Candidate | None:
        y = int(m["y"])
        cue = _key(m["cue"])
        if cue == "en" and _after_apostrophe(m):
            return None  # the "en" of "jusqu'en": the longer cue is matched on its own
        y2 = None
        if m["y2"]:
            y2 = int(m["y2"]) if len(m["y2"]) == 4 else y // 100 * 100 + int(m["y2"])
            if y2 <= y or y2 - y > 50:
                return None
        phases: Mapping[str, list[int]] = self.lex.words["year_phases"]
        s = m.start()
        if cue in (
            "après",
            "avant",
            "dès",
            "depuis",
            "d'ici",
            "d'ici à",
            "jusqu'en",
            "à partir de",
            "vers",
            "pour",
        ):
            # the cue is an open-interval word or a loose one: the mention is the year itself,
            # the open interval is made by the combining step
            s = m.start("y")
            if cue == "vers":
                s = m.start()  # "vers 2030" is an approximation: the word is part of the date
        if cue in self.comparison_cues:
            nxt = _NEXT_WORD.match(m.string, m.end())
            if nxt is not None and _key(nxt[1]) not in self.after_year:
                return None  # "contre 1999 supporters": a count, not a year
            s = m.start("y")  # "en baisse par rapport à 2019", "plus qu'en 2015"
        if cue in ("de", "budget", "campagne", "édition", "millésime") and y2 is None:
            s = m.start("y")  # "la crise de 2008", "le budget 2021": the date is the year
        if cue in ("printemps", "été", "automne", "hiver"):
            return None  # handled by the season rule
        if y2 is not None:
            a, b = datetime(y, 1, 1), datetime(y2, 1, 1)
            return Candidate(s, m.end(), "year", False, lambda r, d: span(a, b, "year"), "year")
        if cue in phases:
            lo, hi = phases[cue]
            a, b = datetime(y, lo, 1), datetime(y, hi, 1)
            return Candidate(
                m.start(), m.end(), "year", False, lambda r, d: span(a, b, "month"), "month"
            )
        start = datetime(y, 1, 1)
        kind = "year" if s == m.start("y") else "year_cued"
        return Candidate(s, m.end(), kind, False, lambda r, d: point(start, "year"), "year")

    def _decade(self, m: re.Match[str]) -> Candidate | None:
        century = int(m["c"]) if m["c"] else (20 if int(m["d"]) < 3 else 19)
        start = datetime(century * 100 + int(m["d"]) * 10, 1, 1)
        return Candidate(
            m.start(), m.end(), "decade", False, lambda r, d: point(start, "decade"), "decade"
        )

    def _weekday(self, m: re.Match[str]) -> Candidate | None:
        wd = self.lex.words["weekdays"][_key(m["wd"])]
        mod = _key(m["mod"] or "")
        dnum = self.lex.day_number(m["d"]) if m["d"] else None
        past_mods = {_key(x) for x in self.lex.words["past_modifiers"]}

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            day = truncate(ref.dt, "day")
            if dnum is not None:
                return _weekday_with_day(day, wd, dnum, dr)
            week = truncate(day, "week")
            if mod.startswith("en "):
                n = 7 if mod.split()[-1] in ("huit", "8") else 14
                back = (wd - day.weekday()) % 7
                return point(day + timedelta(days=back + n), "day")
            if mod == "cette semaine":
                return point(week + timedelta(days=wd), "day")
            if "semaine" in mod:
                k = -1 if any(p in mod for p in past_mods) else 1
                return point(week + timedelta(weeks=k, days=wd), "day")
            if mod in past_mods:
                back = (day.weekday() - wd) % 7 or 7
                return point(day - timedelta(days=back), "day")
            if mod in ("prochain", "prochaine"):
                return point(weekday_near(day, wd, "future"), "day")
            if mod:  # suivant, d'après: the one of next week
                return point(week + timedelta(weeks=1, days=wd), "day")
            return point(weekday_near(day, wd, dr), "day")

        return Candidate(m.start(), m.end(), "day", True, res, "day")

    def _relative_day(self, m: re.Match[str]) -> Candidate | None:
        return self._day_offset(m, "relative_days", "day")

    def _anchored(self, m: re.Match[str]) -> Candidate | None:
        return self._day_offset(m, "anchored_days", "anchor")

    def _day_offset(self, m: re.Match[str], table: str, kind: str) -> Candidate:
        """ "demain" (+1 from the reference), "le lendemain" (+1 from a date it is anchored on)."""
        n = self.lex.words[table][_key(m["w"])]

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            return point(ref.dt + timedelta(days=n), "day")

        return Candidate(m.start(), m.end(), kind, True, res, "day")

    def _now(self, m: re.Match[str]) -> Candidate | None:
        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            return point(ref.dt, "second" if ref.has_time else "day")

        return Candidate(m.start(), m.end(), "now", True, res, "second")

    def _relative_unit(self, m: re.Match[str]) -> Candidate | None:
        unit_word = _key(m["u"] or m["u2"] or m["u3"])
        grain = self.lex.words["relative_units"][unit_word]
        mod = _key(m["mod"] or m["mod2"] or m["cur"] or "")
        art = _key(m["art"] or "")
        past = {_key(x) for x in self.lex.words["past_modifiers"]}
        fut = {_key(x) for x in self.lex.words["future_modifiers"]}
        if mod in past:
            k = -1
        elif mod in fut:
            k = 1
        elif m["this"] or art == "dans la" or mod:
            k = 0
        else:
            return None  # "la semaine", "l'année": generic, not a date
        if unit_word == "exercice" and k == 0:
            return None

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            return point(shift(truncate(ref.dt, grain), grain, k), grain)

        return Candidate(m.start(), m.end(), "period", True, res, grain)

    def _quarter(self, m: re.Match[str]) -> Candidate | None:
        o = self.lex.words["ordinals"][_key(m["o"])]
        grain = "quarter" if m["u"].lower() == "trimestre" else "half"
        count = 4 if grain == "quarter" else 2
        if o == -1:
            if m["y"] is None:
                return None  # "le dernier trimestre": the previous one, see relative units
            o = count
        if not 1 <= o <= count:
            return None
        return self._period(m, grain, o, int(m["y"]) if m["y"] else None, m["mod"])

    def _quarter_code(self, m: re.Match[str]) -> Candidate | None:
        code = m["q"]
        if m["y"] is None and not m["pre"]:
            return None
        if code[0].islower():
            return None
        grain = "quarter" if code[0] in "TQ" else "half"
        y = None
        if m["y"]:
            y = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        return self._period(m, grain, int(code[1]), y, None)

    def _period(
        self, m: re.Match[str], grain: str, n: int, y: int | None, mod: str | None
    ) -> Candidate:
        months = 3 if grain == "quarter" else 6
        k = 0
        if mod:
            k = -1 if _key(mod) in {_key(x) for x in self.lex.words["past_modifiers"]} else 1

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            if y is not None:
                return point(datetime(y, (n - 1) * months + 1, 1), grain)
            assert ref is not None

            def occ(year: int) -> tuple[datetime, datetime]:
                s = datetime(year, (n - 1) * months + 1, 1)
                return s, shift(s, "month", months)

            if k:
                start = datetime(ref.dt.year + k, (n - 1) * months + 1, 1)
                return point(start, grain)
            this_year = occ(ref.dt.year)[0]
            if dr == "nearest" and this_year <= ref.dt:
                # "affiche une marge en hausse au premier semestre" in October: with no
                # tense to say otherwise, a quarter or half of this year that has begun is
                # the one reported on, even when next year's is nearer.
                return point(this_year, grain)
            got = choose(truncate(ref.dt, "day"), dr, occ)
            return None if got is None else point(got[0], grain)

        return Candidate(m.start(), m.end(), "period", y is None, res, grain)

    def _season(self, m: re.Match[str]) -> Candidate | None:
        code = self.lex.words["seasons"][_key(m["s"])]
        pre = _key(m["pre"] or "")
        if not pre and m["y"] is None and not m["mod"]:
            return None  # "été" is also the participle of "être"
        y = int(m["y"]) if m["y"] else None
        mod = _key(m["mod"] or "")
        k = 0
        if mod:
            k = -1 if mod in {_key(x) for x in self.lex.words["past_modifiers"]} else 1
        this = pre in ("cet", "ce")

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            if y is not None:
                return point(season_start(y, code), "season")
            assert ref is not None
            day = truncate(ref.dt, "day")

            def occ(year: int) -> tuple[datetime, datetime]:
                s = season_start(year, code)
                return s, shift(s, "month", 3)

            if k:
                got = choose(day, "past" if k < 0 else "future", occ)
                if got is not None and got[0] <= day < got[1]:
                    got = occ(got[0].year + k)
            else:
                got = choose(day, "future" if this and dr == "nearest" else dr, occ)
            return None if got is None else point(got[0], "season")

        return Candidate(m.start(), m.end(), "period", y is None, res, "season")

    def _phase(self, m: re.Match[str]) -> Candidate | None:
        ph = _key(m["ph"])
        unit = _key(m["u"])
        mod = _key(m["mod"] or "")
        k = 0
        if mod:
            k = -1 if mod in {_key(x) for x in self.lex.words["past_modifiers"]} else 1
        w = self.lex.words
        grain = {"année": "year", "exercice": "year", "mois": "month", "semaine": "week"}[unit]

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            got = window(shift(truncate(ref.dt, grain), grain, k))
            over = got.end is not None and got.end[0] < truncate(ref.dt, got.end[1])
            if not k and dr == "future" and over:
                # "en début de mois" on the 12th, with no past verb: the coming one
                got = window(shift(truncate(ref.dt, grain), grain, 1))
            return got

        def window(base: datetime) -> Resolved:
            if grain == "year":
                a, b = w["year_phases"][ph]
                return span(base.replace(month=a), base.replace(month=b), "month")
            if grain == "month":
                a, b = w["month_phases"][ph]
                last = (shift(base, "month", 1) - timedelta(days=1)).day
                return span(base.replace(day=a), base.replace(day=min(b, last)), "day")
            a, b = w["week_phases"][ph]
            return span(base + timedelta(days=a), base + timedelta(days=b), "day")

        return Candidate(
            m.start(), m.end(), "period", True, res, "day" if grain != "year" else "month"
        )

    def _in_week(self, m: re.Match[str]) -> Candidate | None:
        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            return point(ref.dt, "week")

        return Candidate(m.start(), m.end(), "period", True, res, "week")

    def _clock_range(self, m: re.Match[str]) -> bool:
        """ "de 8 heures à 20 heures": the first of two hours of the clock, not a duration."""
        before = m.string[max(0, m.start() - 8) : m.start()]
        return bool(_RANGE_FROM.search(before)) and bool(self._range_to.match(m.string, m.end()))

    def _shared_unit_range(self, m: re.Match[str]) -> Candidate | None:
        """ "de 9 à 18 heures": two hours of the clock, the unit written after the second only.

        The same shape is a length of time ("travaillent de 8 à 10 heures par jour", "une
        grève de 2 à 3 heures", "de 3 à 4 heures de route"): the words around it decide, and
        such a range is kept as a mention that is then dropped, so that "à 10 heures" inside
        it is not read alone. Without a unit ("de 5 à 7") it is a count in a sentence ("passé
        de 5 à 7 sièges") and the clock range only as the whole text, as for "17/2".

        >>> g, ref = DateGrammar.for_language("fr"), Reference.parse("2018-07-03")
        >>> g.normalize("jeudi de 9 à 12 h 30", ref, "future").value
        '2018-07-05T09:00/2018-07-05T12:30'
        >>> g.normalize("de 5 à 7", ref).value
        '2018-07-03T05:00/2018-07-03T07:00'
        >>> [g.scan(t) for t in ("une grève de 2 à 3 heures", "passé de 5 à 7 sièges")]
        [[], []]
        """
        pre, sep = m["pre"].lower(), m["sep"].lower()
        if (pre == "entre") != (sep == "et"):
            return None
        h1, h2 = self.lex.number(m["h1"]), self.lex.number(m["h2"])
        if h1 is None or h2 is None or h1 > 24 or h2 > 24:
            return None
        text = m.string
        if m["u"] is None:
            if text[: m.start()].strip() or text[m.end() :].strip(" \t\n."):
                return None
        elif self.lasts(text, m.start(), m.end()):
            return Candidate(m.start(), m.end(), "duration", False, _no_value, "hour", True)
        if m["ampm"] and not m["ampm"].lower().endswith(("matin", "mat")):
            h1, h2 = (h + 12 if h < 12 else h for h in (h1, h2))
        mi = int(m["mi"]) if m["mi"] else 0
        grain = "minute" if m["mi"] else "hour"
        first = _clock(m.start(), m.start("sep"), h1 % 24, 0, "hour")
        last = _clock(m.start("h2"), m.end(), h2 % 24, mi, grain)
        return _interval(first, last, m.start(), m.end())

    def lasts(self, text: str, start: int, end: int, *, before: bool = True) -> bool:
        """Whether the words around a range of hours ``text[start:end]`` make it a length of time.

        The unit may be written once ("de 8 à 10 heures") or twice ("de 8 heures à 10 heures"):
        either way "par jour" after it says how long. A lasting word before it is looked at
        (``before``) only for the unit written once: written twice, the hours after "une
        séance", "une coupure", "durera" are those of the clock ("de 14 heures à 18 heures").

        >>> g = DateGrammar.for_language("fr")
        >>> t = "Ils travaillent de 8 heures à 10 heures par jour."
        >>> g.lasts(t, t.index("de 8"), t.index(" par")), g.scan(t)
        (True, [])
        >>> t = "La coupure durera de 8 heures à 12 heures."
        >>> g.lasts(t, t.index("de 8"), t.index("."), before=False), [c.kind for c in g.scan(t)]
        (False, ['interval_time'])
        """
        word = _LAST_WORD.search(text, max(0, start - 40), start) if before else None
        # "d'attente de 2 à 3 heures": the noun after the elided article
        if word is not None and _key(word[1]).rsplit("'", 1)[-1] in self._lasting_before:
            return True
        if self._lasting_after.match(text, end):
            return True
        of = _OF_WORD.match(text, end)
        return of is not None and of[1].islower() and _key(of[1]) not in self._date_nouns

    def _time(self, m: re.Match[str]) -> Candidate | None:
        lex = self.lex
        minute_grain = False
        if m["h"] is not None:
            h = int(m["h"])
            mi = int(m["mi"]) if m["mi"] else 0
            minute_grain = m["mi"] is not None
            if m["at"] is None and m.start() > 0:
                before = m.string[max(0, m.start() - 12) : m.start()].lower()
                if re.search(
                    r"(?:\ben|pendant|durant|sous|les|des|dernières|prochaines|\d)\s*$", before
                ):
                    return None
        elif m["h2"] is not None:
            h, mi, minute_grain = int(m["h2"]), int(m["mi2"]), True
        elif m["hw"] is not None:
            hv = lex.number(m["hw"])
            if hv is None or hv > 24:
                return None
            if (
                m["at"] is None
                and not (m["miw"] or m["fr"] or m["tq"] or m["lq"] or m["ampm"])
                and not self._clock_range(m)
            ):
                return None  # "3 heures" alone is a duration
            h = hv
            mi = 0
            if m["miw"]:
                mv = lex.number(m["miw"])
                if mv is None or mv > 59:
                    return None
                mi, minute_grain = mv, True
        else:
            noon = m["noon"].lower()
            if m["at"] is None and m["noon"][0].isupper() and noon == "midi":
                return None  # "le Midi", "Midi Libre"
            h, mi = (12 if noon == "midi" else 0), 0
            if m["nmin"]:
                mv = lex.number(m["nmin"])
                if mv is None or mv > 59:
                    return None
                mi, minute_grain = mv, True
        if m["fr"] or m["tq"] or m["lq"] or m["mm"] or m["pm"]:
            minute_grain = True
            if m["fr"]:
                mi = 15 if m["fr"].lower() == "quart" else 30
            elif m["tq"]:
                mi = 45
            elif m["pm"]:
                mi = lex.number(m["pm"]) or 0
            else:
                minus = 15 if m["lq"] else (lex.number(m["mm"]) or 0)
                h, mi = (h - 1) % 24, 60 - minus
        ampm = _key(m["ampm"] or "")
        pm = ampm in ("du soir", "ce soir", "cet après-midi", "de l'après-midi", "dans la soirée")
        if pm and h < 12:
            h += 12
        if h == 24:
            h = 0
        if h > 23 or mi > 59:
            return None
        grain = "minute" if minute_grain else "hour"
        hour, minute = h, mi

        at = _key(m["at"] or "")
        opens = at in ("à partir de", "après", "plus tard que", "dès")
        excluded = at.endswith("avant")  # "avant 16h", "n'importe quand avant 16h"
        closes = excluded or at == "jusqu'à"
        zone = self.lex.words["time_zones"][m["tz"]] if m["tz"] else ""
        if zone:
            # a zoned time is there to be converted, and offsets are not all whole hours
            grain = "minute"

        def res(
            ref: Reference | None, dr: Direction, on: datetime | None = None
        ) -> Resolved | None:
            dt = _clock_time(ref, dr, on, hour, minute)
            if dt is None:
                return None
            got = point(dt, grain)
            if opens:
                return Resolved(got.start, None, True, zone)
            if closes:
                if at == "jusqu'à" and on is not None:
                    return Resolved((on, grain), got.end, True, zone)  # "demain jusqu'à 16h"
                assert got.start is not None
                return Resolved(None, unit_before(got.start) if excluded else got.end, True, zone)
            return Resolved(got.start, got.end, False, zone)

        return Candidate(m.start(), m.end(), "time", True, res, grain)

    def _part_of_day(self, m: re.Match[str]) -> Candidate | None:
        w = self.lex.words
        this = _key(m["this"] or "")
        if m["p"]:
            pod = _key(m["p"])
            if pod == "journée":
                return None  # handled by relative days ("dans la journée") or not a date
            hours = w["parts_of_day"][pod]
            kind = (
                "pod"
                if this in ("ce", "cet", "cette", "dans la", "dans l'", "dès la", "dès le")
                else "pod_bare"
            )
            if this in ("le", "l'", "en", "au", ""):
                kind = "pod_bare"
        else:
            if m["ph"]:
                hours = w["day_phases"][_key(m["ph"])]
            else:
                p2 = _key(m["p2"])
                hours = w["day_phases"][
                    f"{_key(m['ph2'])} " + (f"d'{p2}" if p2[0] in "aeé" else f"de {p2}")
                ]
            kind = "pod"
        a, b = hours

        def res(
            ref: Reference | None, dr: Direction, on: datetime | None = None
        ) -> Resolved | None:
            base = _day_of(ref, on)
            if base is None:
                return None
            return span(base + timedelta(hours=a), base + timedelta(hours=b - 1), "hour")

        return Candidate(m.start(), m.end(), kind, True, res, "hour")

    def _offset(self, m: re.Match[str]) -> Candidate | None:
        n = self.lex.number(m["n"]) if _key(m["n"]) not in ("un", "une") else 1
        if n is None:
            return None
        unit_key = _key(m["u"])
        unit = self.lex.words["units"].get(unit_key) or self.lex.words["unit_marks"][unit_key]
        d = _key(m["dir"])
        sign = -1 if d in ("il y a", "voici", "auparavant", "plus tôt") else 1
        after = d in ("plus tard", "après", "auparavant", "plus tôt")
        # "six mois après sa promulgation": counted from an event, not from the reference; kept
        # as a mention without a value, like "dans les 15 jours" under a past verb
        from_event = d == "après" and _EVENT_AFTER.match(m.string, m.end()) is not None
        finer = {
            "second": "second",
            "minute": "second",
            "hour": "minute",
            "day": "hour",
            "week": "day",
            "month": "day",
            "quarter": "day",
            "half": "day",
            "year": "month",
        }

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            if from_event:
                return None
            grain = unit if after and unit in ("day", "week", "month", "year") else finer[unit]
            if not ref.has_time:
                if GRAINS.index(unit) < GRAINS.index("day"):
                    return None
                grain = grain if GRAINS.index(grain) >= GRAINS.index("day") else "day"
            return point(shift(ref.dt, unit, sign * n), grain)

        if from_event:
            return Candidate(m.start(), m.end(), "offset", True, res, unit, settled=True)
        return Candidate(m.start(), m.end(), "offset", True, res, finer[unit])

    def _within(self, m: re.Match[str]) -> Candidate | None:
        n = self.lex.number(m["n"]) if _key(m["n"]) not in ("un", "une") else 1
        if n is None or n == 0:
            return None
        unit = self.lex.words["units"][_key(m["u"])]
        # the end is the moment "dans N <unit>" names, at the grain that offset is given at
        finer = {"second": "second", "minute": "second", "hour": "minute", "day": "hour"}

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            if dr == "past":
                return None  # "a été libéré dans les 15 jours": counted from some other event
            if not ref.has_time:
                if GRAINS.index(unit) < GRAINS.index("day"):
                    return None
                start, end_grain = (ref.dt, "day"), "day"
            else:
                start, end_grain = (ref.dt, "second"), finer.get(unit, "day")
            stop = truncate(shift(ref.dt, unit, n), end_grain)
            if end_grain == "hour":  # "T03:00" would read as a minute: end on the last minute
                return Resolved(start, (stop - timedelta(minutes=1), "minute"), True)
            return Resolved(start, unit_before((stop, end_grain)), True)  # the end is excluded

        grain = "second" if GRAINS.index(unit) < GRAINS.index("day") else "day"
        return Candidate(m.start(), m.end(), "within", True, res, grain)

    def _noon_to(self, m: re.Match[str]) -> Candidate | None:
        h = self.lex.number(m["h"])
        if h is None or not 1 <= h <= 6:
            return None

        def res(
            ref: Reference | None, dr: Direction, on: datetime | None = None
        ) -> Resolved | None:
            base = _day_of(ref, on)
            if base is None:
                return None
            return span(base.replace(hour=12), base.replace(hour=12 + h), "hour")

        return Candidate(m.start(), m.end(), "interval_time", True, res, "hour")

    def _year_part(self, m: re.Match[str]) -> Candidate | None:
        n = self.lex.number(m["n"])
        unit = self.lex.words["units"][_key(m["u"])]
        months = {"month": 1, "quarter": 3, "half": 6}[unit]
        first = _key(m["o"]).startswith("premi")
        written = m["y"] or m["y2"]
        if n is None or n < 1 or n * months > 12:
            return None
        if not first and written is None and not (m["prev"] or m["prev2"]):
            return None  # "les trois derniers mois" alone count back from now: _last_next
        back = 1 if (m["prev"] or m["prev2"]) else 0

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            if written is not None:
                year = int(written)
            else:
                assert ref is not None
                year = ref.dt.year - back
            if first and unit == "month" and n == 6:
                return point(datetime(year, 1, 1), "half")  # "les six premiers mois": H1
            if first:
                a = datetime(year, 1, 1)
                b = shift(a, unit, n - 1)
            else:
                b = shift(datetime(year, 1, 1), unit, 12 // months - 1)
                a = shift(b, unit, 1 - n)
            return span(a, b, unit) if n > 1 else point(a, unit)

        grain = "half" if first and unit == "month" and n == 6 else unit
        return Candidate(m.start(), m.end(), "period", written is None, res, grain)

    def _last_next(self, m: re.Match[str]) -> Candidate | None:
        n = self.lex.number(m["n"]) if _key(m["n"]) not in ("un", "une") else 1
        if n is None or n == 0:
            return None
        unit = self.lex.words["units"][_key(m["u"] or m["u2"])]
        mod = _key(m["mod"] or m["mod2"])
        past = mod in {_key(x) for x in self.lex.words["past_modifiers"]}

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            if GRAINS.index(unit) < GRAINS.index("day") and not ref.has_time:
                return None
            base = truncate(ref.dt, unit)
            if past:
                return span(shift(base, unit, -n), shift(base, unit, -1), unit)
            return span(shift(base, unit, 1), shift(base, unit, n), unit)

        return Candidate(m.start(), m.end(), "interval", True, res, unit)

    def _nth_in_month(self, m: re.Match[str]) -> Candidate | None:
        o_text = _key(m["o"])
        ords: Mapping[str, int] = self.lex.words["ordinals"]
        n = ords[o_text] if o_text in ords else self.lex.day_number(o_text)
        if n is None or n == 0:
            return None
        unit = _key(m["u"])
        weekdays: Mapping[str, int] = self.lex.words["weekdays"]
        if unit in weekdays:
            unit = f"wd{weekdays[unit]}"
        y = int(m["y"]) if m["y"] else None
        if m["m"]:
            month_c = self._ymd(m.start(), m.end(), y, self.lex.month(m["m"]), 1)
            if month_c is None:
                return None
            first_of = month_c.resolve
        else:  # "du mois prochain", "de ce mois"
            mod = _key(m["mod"] or "")
            k = 0
            if mod:
                k = -1 if mod in {_key(x) for x in self.lex.words["past_modifiers"]} else 1

            def first_of(ref: Reference | None, dr: Direction) -> Resolved | None:
                assert ref is not None
                return point(shift(truncate(ref.dt, "month"), "month", k), "month")

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            got = first_of(ref, dr)
            if got is None or got.start is None:
                return None
            first = got.start[0]
            last = shift(first, "month", 1) - timedelta(days=1)
            return _nth(first, last, unit, n)

        grain = {"semaine": "week", "week-end": "hour"}.get(unit, "day")
        relative = y is None
        return Candidate(m.start(), m.end(), "period", relative, res, grain)

    def _weekend(self, m: re.Match[str]) -> Candidate | None:
        k = 0
        if m["mod"]:
            k = -1 if _key(m["mod"]) in {_key(x) for x in self.lex.words["past_modifiers"]} else 1

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            assert ref is not None
            friday = truncate(ref.dt, "week") + timedelta(weeks=k, days=4)
            return _weekend_span(friday)

        return Candidate(m.start(), m.end(), "period", True, res, "hour")

    def _holiday(self, m: re.Match[str]) -> Candidate | None:
        month, d = self.lex.words["holidays"][_key(m["h"])]
        c = self._ymd(m.start("h"), m.end(), None, month, d)
        if c is None:
            return None
        if m["soir"]:
            inner = c.resolve

            def res(ref: Reference | None, dr: Direction) -> Resolved | None:
                got = inner(ref, dr)
                if got is None or got.start is None:
                    return None
                eve = got.start[0] - timedelta(days=1)
                return span(eve + timedelta(hours=18), eve + timedelta(hours=23), "hour")

            return Candidate(m.start(), m.end(), "pod", True, res, "hour")
        return c

    def _day_range(self, m: re.Match[str]) -> Candidate | None:
        d1, d2 = self.lex.day_number(m["d1"]), self.lex.day_number(m["d2"])
        if d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
            return None
        has_month = m.groupdict().get("m") is not None
        if not has_month and not m["pre"]:
            return None
        month = self.lex.month(m["m"]) if has_month else None
        y = int(m["y"]) if has_month and m["y"] else None

        def res(ref: Reference | None, dr: Direction) -> Resolved | None:
            if month is None:
                assert ref is not None
                base = truncate(ref.dt, "month")
                day = truncate(ref.dt, "day")
                if dr == "future" and d2 < day.day:
                    base = shift(base, "month", 1)
                elif dr == "past" and d1 > day.day:
                    base = shift(base, "month", -1)
                a, b = _safe_date(base.year, base.month, d1), _safe_date(base.year, base.month, d2)
            elif y is not None:
                a, b = _safe_date(y, month, d1), _safe_date(y, month, d2)
            else:
                assert ref is not None

                def occ(year: int) -> tuple[datetime, datetime] | None:
                    s, e = _safe_date(year, month, d1), _safe_date(year, month, d2)
                    return None if s is None or e is None else (s, e + timedelta(days=1))

                got = choose(truncate(ref.dt, "day"), dr, occ)
                if got is None:
                    return None
                a, b = got[0], got[1] - timedelta(days=1)
            if a is None or b is None:
                return None
            return span(a, b, "day")

        return Candidate(m.start(), m.end(), "day_interval", y is None, res, "day")


def _clock_time(
    ref: Reference | None, dr: Direction, on: datetime | None, hour: int, minute: int
) -> datetime | None:
    """That time on the day it was composed with, else on the reference day; a time already
    past at a reference with a time of day is the next one, unless the verb looks back."""
    base = _day_of(ref, on)
    if base is None:
        return None
    dt = base.replace(hour=hour, minute=minute)
    if on is None and ref is not None and ref.has_time and dt < ref.dt and dr != "past":
        dt += timedelta(days=1)
    return dt


def _clock(s: int, e: int, hour: int, minute: int, grain: str) -> Candidate:
    """A plain time of day, for a rule that reads two of them in one match."""

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        dt = _clock_time(ref, dr, on, hour, minute)
        return None if dt is None else point(dt, grain)

    return Candidate(s, e, "time", True, res, grain)


def _no_value(ref: Reference | None, dr: Direction) -> Resolved | None:
    return None


def _day_of(ref: Reference | None, on: datetime | None) -> datetime | None:
    """The day a time of day falls on: the day it was composed with, else the reference day."""
    if on is not None:
        return on
    return truncate(ref.dt, "day") if ref is not None else None


def _weekend_span(friday: datetime) -> Resolved:
    """A week-end as Duckling counts it: Friday 18:00 to the end of Sunday, by hours."""
    return span(friday + timedelta(hours=18), friday + timedelta(days=2, hours=23), "hour")


def _nth(first: datetime, last: datetime, unit: str, n: int) -> Resolved | None:
    """The n-th (or, for -1, the last) day, full week, week-end or fortnight of a month."""
    if unit == "jour":
        day = last if n == -1 else first + timedelta(days=n - 1)
        return point(day, "day") if day <= last else None
    if unit.startswith("wd"):  # "le premier lundi de septembre", "le dernier vendredi de novembre"
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        days = [d for d in days if d.weekday() == int(unit[2:])]
        pick = days[-1] if n == -1 else days[n - 1] if n <= len(days) else None
        return None if pick is None else point(pick, "day")
    if unit == "quinzaine":
        if n == 1:
            return span(first, first + timedelta(days=13), "day")
        return span(first + timedelta(days=14), last, "day") if n in (2, -1) else None
    if unit == "week-end":
        fridays = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        fridays = [f for f in fridays if f.weekday() == 4]
        pick = fridays[-1] if n == -1 else fridays[n - 1] if n <= len(fridays) else None
        return None if pick is None else _weekend_span(pick)
    # weeks that lie wholly inside the month
    mondays = [first + timedelta(days=i) for i in range((last - first).days - 5)]
    mondays = [d for d in mondays if d.weekday() == 0]
    pick = mondays[-1] if n == -1 else mondays[n - 1] if n <= len(mondays) else None
    return None if pick is None else point(pick, "week")


def _after_apostrophe(m: re.Match[str]) -> bool:
    return m.start() > 0 and m.string[m.start() - 1] in "'’"


def _weekday_with_day(day: datetime, wd: int, dnum: int, dr: Direction) -> Resolved | None:
    """ "mercredi 13": the nearest date that is both that weekday and that day of the month."""
    found: list[datetime] = []
    for k in range(-13, 14):
        base = shift(day.replace(day=1), "month", k)
        dt = _safe_date(base.year, base.month, dnum)
        if dt is not None and dt.weekday() == wd:
            found.append(dt)
    past = [f for f in found if f <= day]
    fut = [f for f in found if f >= day]
    if dr == "past" and past:
        return point(past[-1], "day")
    if dr == "future" and fut:
        return point(fut[0], "day")
    if not found:
        return None
    return point(min(found, key=lambda f: abs(f - day)), "day")


# ---------------------------------------------------------------------------------------------
# Choosing among overlapping atoms, then combining neighbours
# ---------------------------------------------------------------------------------------------


def _select(found: list[Candidate]) -> list[Candidate]:
    """Longest first; among equals the earliest; drop anything overlapping a kept one."""
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


DAYISH = {"day", "now"}
TIMEISH = {"time", "pod", "pod_bare"}
POINTISH = {"day", "month", "year", "year_cued", "time", "period", "now"}

_JOIN_DAY_TIME = re.compile(
    r"\s*,?\s*(?:(?:mais|par\s+exemple|plutôt)\s+)*(?:à|a|vers|dès|au|en|le|dans\s+la|dans\s+l['’])?\s*$",
    re.IGNORECASE,
)
_JOIN_TIME_DAY = re.compile(r"\s*,?\s*(?:le\s+|du\s+)?$", re.IGNORECASE)
_INTERVAL_SEP = re.compile(
    r"^\s*(?P<sep>au|à|a|et(?:\s+le)?|-|–|jusqu['’](?:à|au|en)|jusqu['’]à|et\s+jusqu['’]à)\s*$",
    re.IGNORECASE,
)
_LEADING_SEP = re.compile(r"(?P<sep>à|a|jusqu['’]à)\s+(?=\d|midi|minuit)", re.IGNORECASE)
_INTERVAL_PRE = re.compile(r"(?<![\w])(?P<pre>du|de|d['’]|entre|depuis)\s*$", re.IGNORECASE)


def _combine(atoms: list[Candidate], text: str, g: DateGrammar) -> list[Candidate]:
    changed = True
    while changed:
        changed = False
        out: list[Candidate] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            merged = _merge(a, b, text) if b is not None else None
            if (
                merged is not None
                and merged.kind == "interval_time"
                and a.kind == "time"
                and g.lasts(text, merged.start, merged.end, before=False)
            ):
                # "de 8 heures à 10 heures par jour": as with the unit written once, a length
                # of time, kept as a mention to drop so that neither hour is read alone
                merged = Candidate(
                    merged.start, merged.end, "duration", False, _no_value, "hour", True
                )
            if merged is not None:
                out.append(merged)
                i += 2
                changed = True
            else:
                out.append(a)
                i += 1
        atoms = out
    # a length of time was kept only to hide the clock time inside it ("de 2 à 3 heures")
    atoms = [_open(_unanchor(c, text), text, g) for c in atoms if c.kind != "duration"]
    if len(atoms) == 1 and atoms[0].kind == "pod_bare" and _whole(atoms[0], text):
        # "le soir" as the whole text (an agenda cell): that part of the reference day; inside
        # a sentence it may be the evening of any day the story is about, so it is left out
        c = atoms[0]
        return [Candidate(c.start, c.end, "pod", c.relative, c.resolve, c.grain)]
    return [c for c in atoms if c.kind not in ("pod_bare",)]


def _whole(c: Candidate, text: str) -> bool:
    return not text[: c.start].strip() and not text[c.end :].strip(" \t\n.")


_ANCHOR_TAIL = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|de|d['’])$", re.IGNORECASE)


def _unanchor(c: Candidate, text: str) -> Candidate:
    """ "la veille du scrutin": no date follows, so the mention is "la veille" alone."""
    if c.kind != "anchor":
        return c
    tail = _ANCHOR_TAIL.search(text, c.start, c.end)
    end = tail.start() if tail is not None else c.end
    return Candidate(c.start, end, "day", True, c.resolve, "day")


def _anchor_on(anchor: Candidate, day: Candidate) -> Candidate:
    """ "le lendemain du 13 février": the offset counted from that day, not the reference."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = day.resolve(ref, dr)
        if got is None or got.start is None or got.interval or got.start[1] != "day":
            return None
        return anchor.resolve(Reference(got.start[0]), dr)

    return Candidate(anchor.start, day.end, "day", day.relative, res, "day")


def _merge(a: Candidate, b: Candidate, text: str) -> Candidate | None:
    gap = text[a.end : b.start]
    if len(gap) > 25 or "\n" in gap:
        return None
    if a.kind == "anchor" and b.kind == "day" and not gap.strip():
        return _anchor_on(a, b)
    # day + time of day: "demain à 11h", "lundi matin", "le 2 mars vers 5h"
    if a.kind in DAYISH and b.kind in TIMEISH and _JOIN_DAY_TIME.fullmatch(gap):
        return _at_day(a, b, a.start, b.end)
    if a.kind in TIMEISH and b.kind in DAYISH and _JOIN_TIME_DAY.fullmatch(gap):
        return _at_day(b, a, a.start, b.end)
    if a.kind == "time" and b.kind == "pod" and re.fullmatch(r"\s*", gap):
        return _time_in_pod(a, b)
    if a.kind == "day_time" and b.kind in ("pod", "pod_bare") and re.fullmatch(r"\s*", gap):
        return _pod_after(a, b)
    # "ce soir à 20 heures", "cet après-midi à 15 heures": a part of today, as "lundi soir"
    pod_time = a.kind in ("day_pod", "pod") and b.kind in ("time", "interval_time")
    if pod_time and _JOIN_DAY_TIME.fullmatch(gap):
        return _time_on_pod(a, b, a.start, b.end)
    # intervals: "du 10 juin au 1er juillet", "de 9h30 à 11h", "entre 9h30 et 11h"
    sep = _INTERVAL_SEP.fullmatch(gap)
    lead = _LEADING_SEP.match(text, b.start, b.end)
    if sep is None and lead is not None and not gap.strip():
        sep = _INTERVAL_SEP.fullmatch(lead["sep"])  # "de 9h30 à 11h": "à" was read with "11h"
    if sep and a.kind in POINTISH | {"interval_time"} and b.kind in POINTISH and _compatible(a, b):
        pre = _INTERVAL_PRE.search(text, 0, a.start)
        word = sep["sep"].lower()
        has_pre = (
            pre is not None and pre.end() >= a.start - 1 and text[pre.end() : a.start].strip() == ""
        )
        if word.startswith("et") and not (
            has_pre and pre is not None and pre["pre"].lower() == "entre"
        ):
            return None
        if word in ("à", "a") and not has_pre:
            return None
        if word in ("-", "–") and a.kind not in ("time", "day"):
            return None
        start = (
            pre.start() if has_pre and pre is not None and pre["pre"].lower() != "du" else a.start
        )
        if has_pre and pre is not None and pre["pre"].lower() == "du":
            start = pre.start()
        return _interval(a, b, start, b.end)
    # "jeudi de 9h à 11h" after the time interval was built
    if a.kind in DAYISH and b.kind == "interval_time" and _JOIN_DAY_TIME.fullmatch(gap):
        return _at_day(a, b, a.start, b.end)
    if a.kind == "interval_time" and b.kind in DAYISH and re.fullmatch(r"\s*,?\s*", gap):
        return _at_day(b, a, a.start, b.end)
    return None


def _compatible(a: Candidate, b: Candidate) -> bool:
    groups = [{"day", "now"}, {"month"}, {"year", "year_cued"}, {"time"}, {"period"}]
    return any(a.kind in g and b.kind in g for g in groups) or (
        a.kind == "day" and b.kind == "month"
    )


def _at_day(day: Candidate, tod: Candidate, s: int, e: int) -> Candidate:
    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = day.resolve(ref, dr)
        if got is None or got.start is None or got.interval or got.start[1] != "day":
            return None
        base = got.start[0]
        return tod.resolve(ref, dr, on=base)  # type: ignore[call-arg]

    kind = "day_time" if tod.kind != "interval_time" else "day_interval"
    if tod.kind in ("pod", "pod_bare"):
        kind = "day_pod"
    return Candidate(s, e, kind, day.relative, res, tod.grain)


def _pm(dt: datetime, window: Resolved | None) -> datetime:
    """An hour below 12 inside an afternoon or evening ("trois heures ... l'après-midi") is pm."""
    afternoon = window is not None and window.start is not None and window.start[0].hour >= 12
    return dt + timedelta(hours=12) if afternoon and dt.hour < 12 else dt


def _pod_after(moment: Candidate, pod: Candidate) -> Candidate:
    """ "à trois heures et quart demain après-midi": the part of day settles am or pm."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        got = moment.resolve(ref, dr)
        if got is None or got.interval or got.start is None:
            return None
        dt, grain = got.start
        window = pod.resolve(ref, dr, on=truncate(dt, "day"))  # type: ignore[call-arg]
        return Resolved((_pm(dt, window), grain), (_pm(dt, window), grain), False, got.zone)

    return Candidate(moment.start, pod.end, "day_time", moment.relative, res, moment.grain)


def _time_on_pod(day_pod: Candidate, tod: Candidate, s: int, e: int) -> Candidate:
    """ "jeudi matin à partir de 9 heures 30": the time on that day, am or pm as the part says."""

    def res(ref: Reference | None, dr: Direction) -> Resolved | None:
        window = day_pod.resolve(ref, dr)
        if window is None or window.start is None:
            return None
        got = tod.resolve(ref, dr, on=truncate(window.start[0], "day"))  # type: ignore[call-arg]
        if got is None:
            return None
        start = None if got.start is None else (_pm(got.start[0], window), got.start[1])
        end = None if got.end is None else (_pm(got.end[0], window), got.end[1])
        return Resolved(start, end, got.interval, got.zone)

    kind = "day_interval" if tod.kind == "interval_time" else "day_time"
    return Candidate(s, e, kind, day_pod.relative, res, tod.grain)


def _time_in_pod(t: Candidate, pod: Candidate) -> Candidate:
    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        got = t.resolve(ref, dr, on=on)  # type: ignore[call-arg]
        window = pod.resolve(ref, dr)
        if got is None or got.start is None or window is None or window.start is None:
            return None
        dt, grain = got.start
        if dt.hour < 12 and window.start[0].hour >= 12:
            dt += timedelta(hours=12)
        if on is None:
            dt = window.start[0].replace(hour=dt.hour, minute=dt.minute)
        return point(dt, grain)

    return Candidate(t.start, pod.end, "time", True, res, t.grain)


def _interval(a: Candidate, b: Candidate, s: int, e: int) -> Candidate:
    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        if a.kind == "time":
            ra = a.resolve(ref, dr, on=on)  # type: ignore[call-arg]
            if ra is None or ra.start is None:
                return None
            rb = b.resolve(ref, dr, on=truncate(ra.start[0], "day"))  # type: ignore[call-arg]
        elif a.yearly is not None and b.yearly is not None:
            assert ref is not None
            return _yearly_span(a.yearly, b.yearly, ref, dr)
        elif b.yearly is not None and not a.relative:
            ra = a.resolve(ref, dr)  # "de septembre 2023 à février": the first février after
            if ra is None or ra.start is None:
                return None
            rb = b.resolve(Reference(ra.start[0]), "future")
        else:
            rb = b.resolve(ref, dr)
            if a.relative and not b.relative and rb is not None and rb.end is not None:
                ra = a.resolve(Reference(rb.end[0]), "past")  # "de mars à juin 2017"
            else:
                ra = a.resolve(ref, dr)
        if ra is None or rb is None or ra.start is None or rb.end is None:
            return None
        start, end = ra.start, rb.end
        if start[1] != end[1] and {start[1], end[1]} <= {"hour", "minute", "second"}:
            fine = min(start[1], end[1], key=GRAINS.index)
            start, end = (start[0], fine), (end[0], fine)
        if a.kind == "time" and end[0] <= start[0]:
            if end[0].hour < 12 and end[0] + timedelta(hours=12) > start[0]:
                end = (end[0] + timedelta(hours=12), end[1])  # "de 11h30 à 1h30"
            else:
                end = (end[0] + timedelta(days=1), end[1])  # "de 22 heures à 6 heures"
        if end[0] < start[0]:
            return None
        return Resolved(start, end, True, ra.zone or rb.zone)

    kind = "interval_time" if a.kind == "time" else "interval"
    grain = min(a.grain, b.grain, key=GRAINS.index) if a.kind == "time" else b.grain
    # an end placed after a written start needs no reference ("de septembre 2023 à février")
    relative = b.relative and (a.relative or b.yearly is None)
    return Candidate(s, e, kind, relative, res, grain)


def _yearly_span(
    first: Callable[[int], Resolved | None],
    last: Callable[[int], Resolved | None],
    ref: Reference,
    dr: Direction,
) -> Resolved | None:
    """A range of two yearly mentions placed as one period, like a bare month is placed.

    The end falls in the start's year, or the next one when it comes earlier in the calendar.

    >>> month = lambda m: lambda y: point(datetime(y, m, 1), "month")
    >>> ref = Reference.parse("2024-03-12")
    >>> [_yearly_span(month(12), month(2), ref, d).value() for d in ("past", "future")]
    ['2023-12/2024-02', '2024-12/2025-02']
    >>> _yearly_span(month(1), month(3), ref, "future").value()  # it is not over yet
    '2024-01/2024-03'
    """

    def ends(year: int) -> tuple[Resolved, Resolved] | None:
        a, b = first(year), last(year)
        if a is None or b is None or a.start is None or b.end is None:
            return None
        if b.end[0] < a.start[0]:
            b = last(year + 1)
            if b is None or b.end is None:
                return None
        return a, b

    def occ(year: int) -> tuple[datetime, datetime] | None:
        got = ends(year)
        if got is None:
            return None
        a, b = got
        assert a.start is not None and b.end is not None
        return a.start[0], shift(b.end[0], b.end[1], 1)

    got = choose(truncate(ref.dt, "day"), dr, occ)
    pair = None if got is None else ends(got[0].year)
    if pair is None:
        return None
    a, b = pair
    return Resolved(a.start, b.end, True)


_OPEN = re.compile(
    r"(?<![\w])(?P<cue>à\s+partir\s+du|à\s+partir|à\s+compter|à\s+partir\s+de|à\s+partir\s+d['’]|à\s+compter\s+du|à\s+compter\s+de|"
    r"n['’]importe\s+quand\s+avant|plus\s+tard\s+que|après\s+le|après|dès\s+le|dès|depuis\s+le|depuis|"
    r"avant\s+le|avant|jusqu['’]au|jusqu['’]à|jusqu['’]en|d['’]ici\s+à|d['’]ici\s+au|d['’]ici\s+le|d['’]ici\s+la|d['’]ici)\s*$",
    re.IGNORECASE,
)
_OPEN_END = ("avant", "jusqu", "d'ici", "d’ici", "n'importe", "n’importe")


def _open(c: Candidate, text: str, g: DateGrammar) -> Candidate:
    if c.kind in ("pod_bare", "offset", "now", "decade"):
        return c
    if (
        c.kind in ("time", "day_time", "day_pod", "pod")
        or c.kind.startswith("interval")
        or c.kind == "day_interval"
    ):
        return c  # times carry their own cue ("à partir de 16h"); "dès le matin" is the morning
    m = _OPEN.search(text, max(0, c.start - 30), c.start)
    if m is None or text[m.end() : c.start].strip():
        return c
    cue, s = m["cue"].lower(), m.start()
    to_end = cue.startswith(_OPEN_END)
    inner_res = c.resolve

    def res(ref: Reference | None, dr: Direction, on: datetime | None = None) -> Resolved | None:
        if dr == "nearest" and cue.startswith(("à partir", "à compter")):
            dr = "future"  # "à partir du 8" announces what is coming
        if cue.startswith("depuis"):
            dr = "past"  # "depuis le début de l'année" started before now, whatever the verb
        got = inner_res(ref, dr, on=on) if on is not None else inner_res(ref, dr)  # type: ignore[call-arg]
        if got is None:
            return None
        if to_end:
            if cue.startswith(("avant", "n'importe", "n’importe")) and got.start is not None:
                # "avant" excludes what it names, and ends are inclusive
                return Resolved(None, unit_before(got.start), True)
            return Resolved(None, got.end, True)
        return Resolved(got.start, None, True)

    kind = "interval_time" if c.kind == "time" else "open"
    return Candidate(s, c.end, kind, c.relative, res, c.grain)


@lru_cache(maxsize=4096)
def _normalize_cached(
    g: DateGrammar, phrase: str, ref: Reference | None, direction: Direction
) -> Timex | None:
    text = phrase.strip()
    found = g.scan(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(text):
        return None
    return found[0].timex(ref, direction)


@lru_cache(maxsize=8)
def _grammar(lang: str) -> DateGrammar:
    return DateGrammar(Lexicon.for_language(lang))

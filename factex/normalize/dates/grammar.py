"""The date grammar's front: :class:`DateGrammar` compiles the rule table for a language once,
then :meth:`~DateGrammar.scan` finds the mentions of a text, :meth:`~DateGrammar.normalize`
reads one phrase and :meth:`~DateGrammar.find_published` a publication date written in a text.

>>> g = DateGrammar.for_language("fr")
>>> ref = Reference.parse("2018-07-03")
>>> g.normalize("le 2 juillet", ref, "past")
Timex(value='2018-07-02', grain='day', relative=True)
>>> g.normalize("exercice 2017-2018", ref)
Timex(value='2017/2018', grain='year', relative=False)
>>> g.normalize("hier", None)
Timex(value=None, grain='day', relative=True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, count

# the rule families register their rules in the table when imported
from factex.normalize.dates import clock, days, generic, periods, relative, years  # noqa: F401
from factex.normalize.dates.compose import combine, select
from factex.normalize.dates.lexicon import WORD, YEAR4, B, E, Lexicon, alt, key
from factex.normalize.dates.rules import Rule, compile_rules
from factex.normalize.dates.values import Candidate, Direction, Reference, Timex
from factex.normalize.regex_start import prefix_class

_LOOKBACK = 3  # words a mention may start before its trigger ("à partir de 16h")
_PREFIX = 5  # characters read to choose the rules tried at a position (4: 1.6x the calls)
_MAX_WINDOWS = 50_000  # memo of the rules for each window of _PREFIX characters
_MAX_WORDS = 50_000  # memo of whether a word is a trigger
_WORDS_APART = re.compile(rf"({WORD.pattern})")  # split: the words are kept, between separators


class DateGrammar:
    """Compiled patterns for one language and the resolvers behind them."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        w = lex.words
        self._rules = compile_rules(lex)
        self._triggers = self._trigger_words()
        self._is_trigger = _TriggerMemo(self._triggers)
        self._prefixes = [prefix_class(pattern, _PREFIX) for pattern, _ in self._rules]
        self._rules_by_window: dict[str, list[Rule]] = {}
        self._not_date_after = re.compile(rf"\s+{alt(w['not_date_after'])}{E}", re.IGNORECASE)
        self._published = re.compile(rf"{B}{alt(w['published_cues'])}\s+", re.IGNORECASE)
        self._dateline = re.compile(
            rf"(?m)^[ \t]*(?:[A-ZÉÈ][\w\-' ]{{1,40}}\s*(?:\([^)\n]{{1,30}}\))?\s*[,:]\s*)?"
            rf"(?=(?:le\s+)?(?:{lex.WD}\s+)?\d{{1,2}}(?:er)?\s+{lex.MONTH_ANY}\s+{YEAR4}\s*[.,]?\s*[-–—])",
            re.IGNORECASE,
        )

    @classmethod
    def for_language(cls, lang: str) -> DateGrammar:
        return _grammar(lang)

    def _trigger_words(self) -> frozenset[str]:
        """Words without which no rule can match (digits are triggers too)."""
        w = self.lex.words
        phrases: list[str] = [*self.lex.months, *w["extra_triggers"]]
        for name in ("weekdays", "units", "seasons", "parts_of_day", "relative_units"):
            phrases.extend(w[name])
        out: set[str] = set()
        for phrase in phrases:
            out.update(WORD.findall(key(phrase)))
        out.update(k for k in w["numbers"] if k not in ("un", "une"))  # "il y a dix ans"
        # the key word of each multi-word phrase ("veille" in "la veille"), not its articles
        for name in (
            "relative_days",
            "now",
            "holidays",
            "day_phases",
            "reference_words",
            "set_quantifiers",
            "century_words",
        ):
            for phrase in w[name]:
                words = WORD.findall(key(phrase))
                out.add(max(words, key=len))
        return frozenset(out)

    def scan(self, text: str) -> list[Candidate]:
        """Non-overlapping mentions in ``text``, in order (longest wins where they overlap).

        Running every rule over the whole text costs one regex pass per rule; instead the
        rules are tried only where a mention can start: at the few words before a trigger
        (a digit, a month, a weekday, "hier", "semaine"...), and there only those whose
        matches can begin with the next few characters.
        """
        found: list[Candidate] = []
        by_window = self._rules_by_window
        for pos in self._starts(text):
            window = text[pos : pos + _PREFIX]
            rules = by_window.get(window)
            if rules is None:
                if len(by_window) >= _MAX_WINDOWS:
                    by_window.clear()
                rules = by_window[window] = self._rules_starting(window)
            for pattern, handler in rules:
                m = pattern.match(text, pos)
                if m is not None:
                    c = handler(m)
                    if c is not None:
                        found.append(c)
        kept = [c for c in select(found) if not self._not_date_after.match(text, c.end)]
        return combine(kept, text, self.lex)

    def _rules_starting(self, window: str) -> list[Rule]:
        """The rules, in order, whose matches can start with the characters ``window`` (the
        others cannot match there: trying them was most of the cost of a scan)."""
        return [
            rule
            for rule, prefix in zip(self._rules, self._prefixes, strict=True)
            if prefix is None or prefix.match(window)
        ]

    def _starts(self, text: str) -> list[int]:
        """The start of each trigger word and of the _LOOKBACK words before it, in order.

        The text is cut once into words and what separates them (a per-word loop building a
        list of offsets cost more than the rules tried afterwards); a word's offset is the
        running length of the pieces before it.

        >>> g = DateGrammar.for_language("fr")
        >>> text = "Il a dit hier que tout irait bien, le 3 mars."
        >>> [text[i:].split()[0] for i in g._starts(text)]
        ['Il', 'a', 'dit', 'hier', 'irait', 'bien,', 'le', '3', 'mars.']
        """
        pieces = _WORDS_APART.split(text)  # separator, word, separator, ..., separator
        is_trigger = self._is_trigger
        if len(is_trigger) >= _MAX_WORDS:
            is_trigger.clear()
        # a memo lookup per word, all in C: a Python test per word was most of this function
        hits = list(compress(count(), map(is_trigger.__getitem__, pieces[1::2])))
        if not hits:
            return []
        kept = set(hits)
        for back in range(1, _LOOKBACK + 1):
            kept.update([k - back for k in hits])
        kept.difference_update(range(-_LOOKBACK, 0))
        word_starts = list(accumulate(map(len, pieces)))[::2]  # word k starts at [k]
        return list(map(word_starts.__getitem__, sorted(kept)))

    def normalize(
        self, phrase: str, ref: Reference | None, direction: Direction = "nearest"
    ) -> Timex | None:
        """The value of ``phrase`` when one mention covers all of it, else None."""
        return _normalize_cached(self, phrase, ref, direction)

    def lasts(self, text: str, start: int, end: int, *, before: bool = True) -> bool:
        """Whether the words around a range of hours ``text[start:end]`` make it a length of
        time (see :func:`factex.normalize.dates.clock.lasts`).

        >>> g = DateGrammar.for_language("fr")
        >>> t = "Ils travaillent de 8 heures à 10 heures par jour."
        >>> g.lasts(t, t.index("de 8"), t.index(" par")), g.scan(t)
        (True, [])
        >>> t = "La coupure durera de 8 heures à 12 heures."
        >>> g.lasts(t, t.index("de 8"), t.index("."), before=False), [c.kind for c in g.scan(t)]
        (False, ['interval_time'])
        """
        return clock.lasts(self.lex, text, start, end, before=before)

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
        starts += self._datelines(text)
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

    def _datelines(self, text: str) -> list[int]:
        """``[m.end() for m in self._dateline.finditer(text)]``, tried at line starts only.

        The pattern begins with ``^`` (multiline): a whole-text search tries it at every
        character (no prefix to skip to, case being ignored); a match may run over a line end,
        and the search goes on after it, as ``finditer`` does."""
        ends: list[int] = []
        last_end = 0
        match = self._dateline.match
        for line_start in _line_starts(text):
            if line_start < last_end:
                continue
            m = match(text, line_start)
            if m is not None:
                last_end = m.end()
                ends.append(last_end)
        return ends


def _line_starts(text: str) -> list[int]:
    """0 and each offset just after a newline (where ``(?m)^`` matches)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


_NEWLINE = re.compile("\n")


class _TriggerMemo(dict[str, bool]):
    """Word -> whether it is a trigger (a digit at either end, or a trigger word once
    lowered), each word tested once."""

    def __init__(self, triggers: frozenset[str]) -> None:
        super().__init__()
        self.triggers = triggers

    def __missing__(self, word: str) -> bool:
        hit = word[0].isdigit() or word[-1].isdigit() or word.lower() in self.triggers
        self[word] = hit
        return hit


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

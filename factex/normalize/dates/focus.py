"""The temporal focus of a text: the last date it gave, which anaphoric mentions ("le
lendemain", "l'année précédente", "trois jours plus tard") are placed against instead of the
publication date, as HeidelTime's news mode keeps one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factex.normalize.dates.values import Candidate, Reference, Resolved
from factex.normalize.timex import GRAINS

_DAY = GRAINS.index("day")
_PARAGRAPH = "\n\n"


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    ref: Reference
    interval: bool = False


def _same_year(mark: _Mark, published: Reference | None) -> bool:
    return published is not None and mark.ref.dt.year == published.dt.year


def _index(mark: _Mark) -> int:
    return GRAINS.index(mark.ref.grain)


@dataclass
class Focus:
    """The dates a text gave, the last one first to be looked at.

    >>> from datetime import datetime
    >>> from factex.normalize.dates.values import Reference, point
    >>> from factex.normalize.dates.grammar import DateGrammar
    >>> g = DateGrammar.for_language("fr")
    >>> text = "Le 3 mars 2019, le pont a cédé. Le lendemain, la route a rouvert."
    >>> focus, pub = Focus(), Reference.parse("2024-05-10")
    >>> for c in g.scan(text):
    ...     ref, anchor = focus.reference(c, pub)
    ...     timex, res = c.resolved(ref, "past")
    ...     focus.update(c, res)
    ...     print(text[c.start:c.end], timex.value, anchor)
    Le 3 mars 2019 2019-03-03 None
    Le lendemain 2019-03-04 (0, 14)
    """

    last: _Mark | None = None
    marks: list[_Mark] = field(default_factory=list)
    story_open: bool = True  # False after a word of the present ("actuellement")

    def reference(
        self, cand: Candidate, published: Reference | None, story_day: bool = False
    ) -> tuple[Reference | None, tuple[int, int] | None]:
        """What ``cand`` is placed against, and the offsets of the mention that gave it
        (None when that is the publication date).

        With ``story_day`` (a time of day without its day, "à 17 h 50", "dans la soirée"),
        the mention is on the day the story is told on: the last day given.
        """
        if story_day:
            days = [m for m in reversed(self.marks) if _index(m) <= _DAY]
            # "signé le 10 avril 1998" is history told inside the news of the day
            day = next((m for m in days if _same_year(m, published)), days[0] if days else None)
            if day is not None:
                return Reference(day.ref.dt, False, "day"), (day.start, day.end)
        if not cand.anaphoric:
            return published, None
        mark = self.last
        if cand.kind in ("day", "anchor", "period"):
            # "le lendemain" needs a day, "au trimestre précédent" a quarter or finer
            limit = GRAINS.index(cand.grain)
            mark = next((m for m in reversed(self.marks) if _index(m) <= limit), None)
        if mark is None:
            return published, None
        return mark.ref, (mark.start, mark.end)

    def update(self, cand: Candidate, res: Resolved | None) -> None:
        """Move the focus to ``cand`` when it names a calendar date (not a reference word, a
        recurring date, or a comparison such as "un an plus tôt")."""
        if cand.grain == "ref":
            self.story_open = False
        if res is None or cand.fixed is not None:
            return
        side = res.start or res.end
        if side is None:
            return
        dt, grain = side
        fine = GRAINS.index(grain) <= _DAY
        if cand.anaphoric and not fine:
            return  # "l'année précédente", "un an plus tôt": a base of comparison
        ref = Reference(dt, GRAINS.index(grain) < _DAY, grain)
        mark = _Mark(cand.start, cand.end, ref, res.interval)
        self.story_open = True
        self.last = mark
        self.marks.append(mark)

    def story(self, cand: Candidate, published: Reference | None, text: str) -> Reference | None:
        """Where a date written without its year ("le 21 janvier", "en mai") is placed when
        the paragraph moved to another year than the publication's ("En 1998, ..."): around
        the last date given in that year (mid-year for a year alone); None to keep the
        publication date."""
        if cand.yearly is None or not self.elsewhere(published) or self.last is None:
            return None
        if not self.story_open:
            return None  # "Actuellement, ...": the text came back to the present
        if _PARAGRAPH in text[self.last.end : cand.start]:
            return None  # a new paragraph goes back to the time of the news
        if self.last.interval:
            return None  # "l'exercice 2023-2024, clos le 31 mars": which of its years?
        mark = self.last.ref
        if GRAINS.index(mark.grain) >= GRAINS.index("year"):
            return Reference(mark.dt.replace(month=7, day=1), False, "year")
        return mark

    def elsewhere(self, published: Reference | None) -> bool:
        """Whether the last date the text gave is in another year than the publication."""
        return (
            published is not None
            and self.last is not None
            and self.last.ref.dt.year != published.dt.year
        )

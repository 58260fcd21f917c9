"""The document frame: what a news article states once and then takes as known.

An article names its main actors, its place, its currency and its period in the headline, the
lede or the dateline, then writes "le groupe", "l'inflation", a bare "5,6 milliards" for
paragraphs. This module decides those from plain mentions (offsets, labels, values): no spaCy.
Each element is an :class:`Anchor` that says where the text gives it and how it was chosen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

#: a paragraph break: a line break, maybe spaces, another line break
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
#: a headline is one short line without a final full stop
_HEADLINE_MAX = 200
#: grains that frame the figures of a passage (a day frames them only in a day's report)
PERIOD_GRAINS = ("year", "half", "quarter", "month", "season", "week")


@dataclass(frozen=True)
class Anchor:
    """One element of the frame: its value, where the text gives it, how it was chosen."""

    value: str
    start: int
    end: int
    how: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # spelled out: dataclasses.asdict deep-copies each field, dear for five plain values
        return {
            "value": self.value, "start": self.start, "end": self.end, "how": self.how,
            "label": self.label,
        }  # fmt: skip


@dataclass(frozen=True)
class Frame:
    """Main actors (most central first), place, currency and period of one article."""

    actors: tuple[Anchor, ...] = ()
    place: Anchor | None = None
    currency: Anchor | None = None
    period: Anchor | None = None

    @property
    def actor(self) -> str | None:
        """The main actor's name when the headline or lede names it, else None: an article
        that names an organisation only further down is not about it."""
        if not self.actors or self.actors[0].how not in ("headline", "lede"):
            return None
        top = self.actors[0]
        if top.label == "PER" and top.how != "headline" and self.place is not None:
            return None  # a minister presenting a country's budget speaks for the place
        return self.actors[0].value

    def shifted(self, offset: int) -> Frame:
        """The same frame with offsets moved by ``offset`` (a piece of a longer text)."""
        if not offset:
            return self

        def move(a: Anchor | None) -> Anchor | None:
            return None if a is None else replace(a, start=a.start + offset, end=a.end + offset)

        return Frame(
            tuple(a for a in map(move, self.actors) if a is not None),
            move(self.place), move(self.currency), move(self.period),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe, as it travels on a Doc and in outputs.

        >>> Frame(place=Anchor("France", 0, 6, "headline")).to_dict()["place"]["value"]
        'France'
        """
        return {
            "actors": [a.to_dict() for a in self.actors],
            "place": self.place.to_dict() if self.place else None,
            "currency": self.currency.to_dict() if self.currency else None,
            "period": self.period.to_dict() if self.period else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Frame:
        """The inverse of :meth:`to_dict` (None gives an empty frame).

        >>> f = Frame(actors=(Anchor("Nexa", 0, 4, "headline"),))
        >>> Frame.from_dict(f.to_dict()) == f, f.actor, Frame.from_dict(None).actor
        (True, 'Nexa', None)
        """
        if not data:
            return cls()

        def one(item: dict[str, Any] | None) -> Anchor | None:
            return Anchor(**item) if item else None

        return cls(
            actors=tuple(Anchor(**a) for a in data.get("actors", ())),
            place=one(data.get("place")),
            currency=one(data.get("currency")),
            period=one(data.get("period")),
        )


@dataclass(frozen=True)
class Mention:
    """A named mention as the frame sees it: canonical name, label, offsets, whether it is
    only a source ("selon l'Insee") and whether it names a country."""

    name: str
    label: str
    start: int
    end: int
    source: bool = False
    country: bool = False
    institution: bool = False


@dataclass(frozen=True)
class Dated:
    """A date mention: TIMEX value, grain, offsets; ``base`` when it is a comparison base,
    ``told`` when it is the day something was told ("a annoncé jeudi"), ``target`` when it
    is the later year of a target ("vise 1 milliard en 2026"), ``local`` when it says which
    thing a noun names ("l'échéance de décembre"): none of them frames a passage."""

    value: str
    grain: str
    start: int
    end: int
    base: bool = False
    told: bool = False
    target: bool = False
    local: bool = False


@dataclass(frozen=True)
class Layout:
    """Paragraph offsets of an article, with its headline and lede (indexes, or None)."""

    paragraphs: tuple[tuple[int, int], ...]
    headline: int | None = None
    lede: int | None = None
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def of(cls, text: str) -> Layout:
        """Paragraphs are separated by blank lines; a short first line without a final stop
        is the headline, the next paragraph the lede.

        >>> lay = Layout.of("Nexa : bénéfice en hausse\\n\\nNexa a publié jeudi.\\n\\nLe groupe...")
        >>> lay.paragraphs, lay.headline, lay.lede
        (((0, 25), (27, 47), (49, 61)), 0, 1)
        >>> Layout.of("Une seule phrase.").headline is None
        True
        """
        paragraphs: list[tuple[int, int]] = []
        pos = 0
        for m in [*_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            if text[pos:end].strip():
                paragraphs.append((pos, end))
            pos = m.end() if m else len(text)
        if not paragraphs:
            paragraphs = [(0, len(text))]
        first = text[paragraphs[0][0] : paragraphs[0][1]].strip()
        is_headline = (
            len(paragraphs) > 1 and len(first) <= _HEADLINE_MAX and not first.endswith(".")
        )
        headline = 0 if is_headline else None
        lede = 1 if is_headline else 0
        starts = tuple(s for s, _ in paragraphs)
        return cls(tuple(paragraphs), headline, lede, starts)

    def paragraph(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def top(self, offset: int) -> str | None:
        """ "headline" or "lede" for an offset in them, else None."""
        index = self.paragraph(offset)
        if index == self.headline:
            return "headline"
        if index == self.lede:
            return "lede"
        return None


def main_actors(mentions: Iterable[Mention], layout: Layout, limit: int = 3) -> tuple[Anchor, ...]:
    """The organisations and people the article is about, most central first.

    A name in the headline weighs most, then the lede, then each later mention; a source
    ("selon Reuters") does not count. People rank after organisations: in company news the
    people named are mostly its officers, quoted.

    >>> lay = Layout.of("Nexa rachète Bolt\\n\\nNexa a annoncé jeudi...\\n\\nSelon Oddo, Bolt...")
    >>> ms = [Mention("Nexa", "ORG", 0, 4), Mention("Bolt", "ORG", 13, 17),
    ...       Mention("Nexa", "ORG", 19, 23), Mention("Oddo", "ORG", 50, 54, source=True)]
    >>> [a.value for a in main_actors(ms, lay)]
    ['Nexa', 'Bolt']
    """
    weight = {"headline": 4.0, "lede": 2.0, None: 1.0}
    scores: dict[str, float] = {}
    first: dict[str, Mention] = {}
    mentions = list(mentions)
    # one label per name: a company the model calls a person once is still a company
    orgs = {m.name for m in mentions if m.label == "ORG"}
    mentions = [
        replace(m, label="ORG") if m.name in orgs and m.label != "ORG" else m for m in mentions
    ]
    for m in mentions:
        top = layout.top(m.start)
        # a name the model calls MISC may be a company it does not know, when the top says so
        misc = m.label == "MISC" and top is not None
        if m.source or m.institution or not (m.label in ("ORG", "PER") or misc):
            continue
        bonus = {"ORG": 0.0, "PER": -0.5}.get(m.label, -1.0)
        scores[m.name] = scores.get(m.name, 0.0) + weight[top] + bonus
        first.setdefault(m.name, m)
    ranked = sorted(scores, key=lambda n: (-scores[n], first[n].start))
    return tuple(
        Anchor(
            n, first[n].start, first[n].end, layout.top(first[n].start) or "count", first[n].label
        )
        for n in ranked[:limit]
    )


def story_place(
    places: Iterable[Mention], layout: Layout, dateline: Anchor | None = None
) -> Anchor | None:
    """The place the story is about: a country (or region) named at the top, else the
    dateline's, else the place named most; None when the article names none.

    >>> lay = Layout.of("Inflation : les prix ralentissent\\n\\nEn Belgique, les prix...")
    >>> story_place([Mention("Belgique", "LOC", 39, 47, country=True)], lay).value
    'Belgique'
    """
    best: tuple[float, int, Mention] | None = None
    for m in places:
        top = layout.top(m.start)
        score = (3.0 if top == "headline" else 2.0 if top == "lede" else 0.2) + (
            1.0 if m.country else 0.0
        )
        if best is None or score > best[0] or (score == best[0] and m.start < best[1]):
            best = (score, m.start, m)
    if dateline is not None and (best is None or best[0] < 3.0):
        return dateline
    if best is None:
        return None
    m = best[2]
    return Anchor(m.name, m.start, m.end, layout.top(m.start) or "count")


def frame_period(dates: Sequence[Dated], layout: Layout) -> Anchor | None:
    """The period the headline and lede set for the article's figures: the first one of a
    framing grain that :func:`frames` a passage; a day only when no coarser one is given.

    >>> lay = Layout.of("Titre\\n\\nMardi, au premier semestre 2024, Nexa...")
    >>> frame_period([Dated("2024-07-02", "day", 7, 12),
    ...               Dated("2024-H1", "half", 17, 37)], lay).value
    '2024-H1'
    >>> frame_period([Dated("2025", "year", 0, 4, target=True),
    ...               Dated("2024-H1", "half", 17, 37)], lay).value
    '2024-H1'
    """
    top = [d for d in dates if layout.top(d.start) and frames(d)]
    for d in top:
        if d.grain in PERIOD_GRAINS:
            return Anchor(d.value, d.start, d.end, layout.top(d.start) or "lede")
    # a day frames a day's report ("Mardi, le CAC 40 a cédé ..."), from the lede: a day in a
    # headline is rather the publication line
    for d in top:
        if d.grain == "day" and layout.top(d.start) == "lede":
            return Anchor(d.value, d.start, d.end, "lede")
    return None


def frames(date: Dated) -> bool:
    """Whether a date may frame the figures of a passage: not a comparison base, and not an
    open interval ("depuis novembre 2022", "d'ici à 2026"), which dates one figure at most.

    >>> frames(Dated("2024-H1", "half", 0, 5)), frames(Dated("2022-11/..", "month", 0, 5))
    (True, False)
    >>> frames(Dated("2024-11-18", "day", 0, 5, told=True))
    False
    """
    return not (date.base or date.told or date.target or date.local) and ".." not in date.value


def latest_before(
    items: Sequence[Any], offset: int, layout: Layout, same_paragraph: bool = True
) -> Any | None:
    """The last of ``items`` (objects with ``start``, in text order) before ``offset``, in
    the same paragraph when asked.

    >>> lay = Layout.of("A\\n\\nB x\\n\\nC")
    >>> latest_before([Dated("2023", "year", 0, 1), Dated("2024", "year", 3, 4)], 5, lay).value
    '2024'
    >>> latest_before([Dated("2023", "year", 0, 1)], 5, lay) is None
    True
    """
    paragraph = layout.paragraph(offset)
    for item in reversed(items):
        if item.start >= offset:
            continue
        if same_paragraph and layout.paragraph(item.start) != paragraph:
            return None
        return item
    return None


_SHIFTABLE = re.compile(
    r"^(?P<y>\d{4})(?P<rest>(?:-(?:H[12]|Q[1-4]|\d{2}(?:-\d{2})?|SU|WI|SP|FA|W\d{2}))?)$"
)


def shift_years(value: str, years: int) -> str | None:
    """A TIMEX value moved by whole years ("un an plus tôt"), or None when it cannot be.

    >>> shift_years("2024-H1", -1), shift_years("2023/2024", -1), shift_years("2024-03-31", -1)
    ('2023-H1', '2022/2023', '2023-03-31')
    >>> shift_years("2024-02-29", -1), shift_years("PRESENT_REF", -1)
    (None, None)
    """
    if "/" in value:
        parts = [shift_years(p, years) for p in value.split("/")]
        return None if None in parts else "/".join(p for p in parts if p is not None)
    m = _SHIFTABLE.match(value)
    if m is None or m.group("rest").endswith("-02-29"):
        return None
    return f"{int(m.group('y')) + years:04d}{m.group('rest')}"


_STEP = re.compile(r"^(?P<y>\d{4})(?:-(?P<g>[QH]?)(?P<n>\d{1,2}))?$")


def step_back(value: str) -> str | None:
    """The period one step before, at the same grain; None for other values.

    >>> step_back("2025-05"), step_back("2025-01"), step_back("2025-Q1"), step_back("2024-H2")
    ('2025-04', '2024-12', '2024-Q4', '2024-H1')
    >>> step_back("2024"), step_back("2024-05-12"), step_back("2024/2025")
    ('2023', None, None)
    """
    m = _STEP.match(value)
    if m is None:
        return None
    year = int(m.group("y"))
    if m.group("n") is None:
        return f"{year - 1:04d}"
    grain, n = m.group("g"), int(m.group("n"))
    count = {"Q": 4, "H": 2}.get(grain, 12)
    if n > 1:
        return f"{year:04d}-{grain}{n - 1:0{1 if grain else 2}d}"
    return f"{year - 1:04d}-{grain}{count:0{1 if grain else 2}d}"

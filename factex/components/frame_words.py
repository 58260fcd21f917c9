"""The frame's language data (``frame.json``): countries, demonyms, cities, the words of
comparison bases and of institutions, and the sources' words; read once per pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from babel import Locale

from factex import resources
from factex.components.sources import SourceWords


@dataclass(frozen=True)
class FrameWords:
    """The frame's language data (``frame.json``), read once per pipeline."""

    countries: frozenset[str]
    demonyms: dict[str, str]
    cities: dict[str, str]
    comparison: re.Pattern[str]
    year_ago: re.Pattern[str]
    after_comparison_figure: re.Pattern[str]
    institution: re.Pattern[str]
    sources: SourceWords
    #: the comparison markers and figure words, lowercased: a plain test before each regex
    comparison_words: tuple[str, ...]
    figure_words: tuple[str, ...]
    company_markers: frozenset[str] = frozenset()
    #: the language, for the lookups in other resources (the metric taxonomy)
    lang: str = "fr"

    @classmethod
    def for_language(cls, lang: str) -> FrameWords:
        data: dict[str, Any] = resources.load(lang, "frame")
        markers = sorted(data["comparison_markers"], key=len, reverse=True)
        # a marker, maybe an article, right before a date ("par rapport au [premier semestre]")
        comparison = re.compile(
            r"(?:^|\W)(?:" + "|".join(re.escape(m) for m in markers) + r")"
            r"(?:\s+(?:le|la|les|l'|l’|au|aux|du|de la|de l'|des))?\s*$",
            re.IGNORECASE,
        )
        return cls(
            countries=frozenset(Locale.parse(lang).territories.values())
            | frozenset(data["demonyms"].values()),
            demonyms=dict(data["demonyms"]),
            cities=dict(data["cities"]),
            comparison=comparison,
            year_ago=re.compile(
                "|".join(re.escape(w).replace("'", "['’]") for w in data["year_ago"]), re.I
            ),
            # "contre 3,27 milliards au premier semestre 2023": the comparison figure's date
            after_comparison_figure=re.compile(
                r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in data["comparison_figures"]) + r")"
                r"\s+(?:une?\s+|de\s+|d['’])?[+-]?\d[\d\s.,]*[^\d]{0,40}$",
                re.I,
            ),
            institution=re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, data["institution_words"])) + r")(?!\w)",
                re.I,
            ),
            sources=SourceWords.from_data(
                resources.load(lang, "metrics"), resources.load(lang, "triggers"), data
            ),
            comparison_words=tuple(m.lower() for m in markers),
            figure_words=tuple(w.lower() for w in data["comparison_figures"]),
            company_markers=frozenset(data["company_markers"])
            | frozenset(w for w in data["self_reference"] if " " not in w and len(w) > 4),
            lang=lang,
        )

    def is_institution(self, name: str) -> bool:
        """A public body or a marketplace ("Office fédéral de la statistique", "Bourse de
        Paris"): it reports or hosts figures; an article is not about it as about a company."""
        return self.institution.search(name) is not None

    def is_base(self, text: str, start: int, end: int, floor: int) -> bool:
        """Whether the date is a comparison base: after a comparison marker ("par rapport à
        2023") or the date of a comparison figure ("contre 3,2 milliards un an plus tôt")."""
        before = text[max(floor, start - 60) : start]
        tail = before[-40:]
        # each regex tries every position: asked only when the words are there
        if _may_hold(tail, self.comparison_words) and self.comparison.search(tail) is not None:
            return True
        return (
            _may_hold(before, self.figure_words)
            and self.after_comparison_figure.search(before) is not None
        )


#: letters a case-blind regex matches to "i" or "s" that ``str.lower`` keeps apart ("ı", "ſ",
#: and "İ", lowered with a combining dot)
_CASE_ODD = ("ı", "ſ", "\u0307")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-blind search for one of ``words`` (lowercase) may succeed in ``text``."""
    low = text.lower()
    return any(w in low for w in words) or any(c in low for c in _CASE_ODD)

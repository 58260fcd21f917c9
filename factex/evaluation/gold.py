"""Reading gold JSONL files: one annotated case per line, its expected spans located in the text.

A gold case is ``{"id", "text", "published", "money": [...], "percentages": [...],
"dates": [...], "entities": [...], "events": [...]}``. Gold items name their span by its
``text`` (optionally ``start`` to pick one occurrence); this module finds the character offsets,
so a typo in the gold is an error naming the file and line instead of a silent miss.

An item may also be a bare string (its text) or, for entities, a ``[text, label]`` pair.
A kind absent from a case is not scored for that case; an empty list means "none expected".
``not_<key>`` lists texts that must not be extracted as that kind (counted as false positives),
and ``partial`` lists kinds whose annotation is not exhaustive (unlisted predictions are ignored
unless they hit a ``not_`` text). Other keys are ignored, so test corpora can carry their own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: gold key -> fact kind (the ``kind`` of the records)
KEYS: dict[str, str] = {
    "money": "money",
    "percentages": "percentage",
    "dates": "date",
    "entities": "entity",
    "events": "event",
}
KINDS: tuple[str, ...] = tuple(KEYS.values())
_KIND_ALIASES = {**{k: v for k, v in KEYS.items()}, **{v: v for v in KEYS.values()}}

# Same-length substitutions, so offsets found in the folded text are offsets in the original.
_FOLD = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


class GoldError(ValueError):
    """A gold file or case that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class GoldItem:
    """One expected fact: its located span (``start``/``end``, None for events without text)."""

    kind: str
    data: dict[str, Any]
    start: int | None = None
    end: int | None = None

    @property
    def text(self) -> str | None:
        value = self.data.get("text")
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class GoldCase:
    """One gold text with its expected items per kind (only the kinds the case annotates)."""

    id: str
    text: str
    published: str | None
    items: dict[str, list[GoldItem]]
    negatives: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    partial: frozenset[str] = frozenset()
    where: str = ""


def normalise_kind(name: str) -> str:
    """The record kind for a gold key or kind name.

    >>> normalise_kind("percentages"), normalise_kind("date")
    ('percentage', 'date')
    """
    try:
        return _KIND_ALIASES[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown kind {name!r}; expected one of {', '.join(KINDS)}") from None


def _is_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def _fold(text: str, level: int) -> str:
    if level == 0:
        return text
    folded = text.translate(_FOLD)
    return folded.lower() if level == 2 else folded


def occurrences(text: str, needle: str, loose: bool = False) -> list[int]:
    """Start offsets of ``needle`` in ``text``, folding apostrophes, spaces, then case if needed.

    >>> occurrences("Le 2 juillet et le 2 août", "le 2")
    [16]
    >>> occurrences("chiffre d’affaires", "chiffre d'affaires")
    [0]
    >>> occurrences("Le 2 juillet", "le 2 juillet")
    [0]
    >>> text = "En 2019 puis en 2019"
    >>> occurrences(text, "en 2019"), occurrences(text, "en 2019", loose=True)
    ([13], [0, 13])
    """
    for level in (2,) if loose else range(3):
        hay, pin = _fold(text, level), _fold(needle, level)
        if len(hay) != len(text) or not pin:
            continue
        found, i = [], hay.find(pin)
        while i >= 0:
            found.append(i)
            i = hay.find(pin, i + 1)
        if found:
            return found
    return []


def locate(
    text: str, wanted: list[tuple[str, int | None, int | str]]
) -> list[list[tuple[int, int]]]:
    """Offsets for each ``(needle, start, count)``.

    Longer needles are placed first, so "Bolloré" skips the one inside "Vincent Bolloré".

    ``count`` is how many occurrences to take, or ``"all"`` (every free one at word boundaries).
    Raises ``ValueError`` naming the needle when it is not in the text.

    >>> locate("Ma et Jack Ma", [("Ma", None, "all"), ("Jack Ma", None, 1)])
    [[(0, 2)], [(6, 13)]]
    >>> locate("en 2011, puis en 2011", [("en 2011", None, 2)])
    [[(0, 7), (14, 21)]]
    """
    taken: list[tuple[int, int]] = []
    result: list[list[tuple[int, int]]] = [[] for _ in wanted]
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i][1] is None, -len(wanted[i][0]), i))
    for index in order:
        needle, start, count = wanted[index]
        if start is not None:
            end = start + len(needle)
            if start < 0 or occurrences(text[start:end], needle) != [0]:
                raise ValueError(f"{needle!r} is not at offset {start} of the text")
            taken.append((start, end))
            result[index].append((start, end))
            continue
        starts = occurrences(text, needle)
        if count == "all" or len(starts) < int(count):
            starts = occurrences(text, needle, loose=True) or starts
        if not starts:
            raise ValueError(f"{needle!r} is not in the text")
        free = [s for s in starts if not any(s < e and b < s + len(needle) for b, e in taken)]
        bounded = [s for s in free if _is_boundary(text, s, s + len(needle))]
        pool = bounded if count == "all" else (bounded + [s for s in free if s not in bounded])
        n = len(pool) if count == "all" else int(count)
        if len(pool) < n:
            raise ValueError(f"{needle!r} occurs {len(pool)} time(s) free in the text, {n} wanted")
        for s in sorted(pool[:n]):
            taken.append((s, s + len(needle)))
            result[index].append((s, s + len(needle)))
    return result


def _check_item(key: str, item: Any, n: int) -> dict[str, Any]:
    # short forms used by test corpora: "text" alone, or ["text", "LABEL"] for entities
    if isinstance(item, str):
        item = {"text": item}
    elif isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
        item = {"text": item[0], "label": item[1]} if key == "entities" else item
    if not isinstance(item, dict):
        raise ValueError(f"{key}[{n}] must be an object, got {type(item).__name__}")
    if key == "events":
        if "date" not in item:
            raise ValueError(f"events[{n}] needs a 'date'")
        if not isinstance(item.get("actors", []), list):
            raise ValueError(f"events[{n}].actors must be a list")
    elif not isinstance(item.get("text"), str) or not item["text"]:
        raise ValueError(f"{key}[{n}] needs a non-empty 'text'")
    count = item.get("occurrences", 1)
    if count != "all" and (not isinstance(count, int) or count < 1):
        raise ValueError(f'{key}[{n}].occurrences must be a positive integer or "all"')
    return item


def case_from_dict(data: Any, where: str = "") -> GoldCase:
    """Check one gold case and locate its spans; errors are :class:`GoldError` naming ``where``.

    >>> c = case_from_dict({"text": "Il a gagné 5 € hier.", "money": [{"text": "5 €"}]})
    >>> [(i.start, i.end) for i in c.items["money"]], sorted(c.items)
    ([(11, 14)], ['money'])
    >>> case_from_dict({"text": "Rien.", "money": [{"text": "5 €"}]}, "x.jsonl:3")
    Traceback (most recent call last):
    ...
    factex.evaluation.gold.GoldError: x.jsonl:3: money[0]: '5 €' is not in the text
    """
    try:
        return _case_from_dict(data, where)
    except GoldError:
        raise
    except (ValueError, TypeError) as exc:
        raise GoldError(f"{where}: {exc}" if where else str(exc)) from None


def _case_from_dict(data: Any, where: str) -> GoldCase:
    if not isinstance(data, dict):
        raise ValueError(f"a gold case must be a JSON object, got {type(data).__name__}")
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError("a gold case needs a 'text' string")
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise ValueError("'published' must be an ISO date string or null")
    items: dict[str, list[GoldItem]] = {}
    for key, kind in KEYS.items():
        if key not in data:
            continue
        raw = data[key]
        if not isinstance(raw, list):
            raise ValueError(f"{key!r} must be a list")
        checked = [_check_item(key, item, n) for n, item in enumerate(raw)]
        if key == "events":
            items[kind] = [_event_item(item, text, n) for n, item in enumerate(checked)]
            continue
        wanted = [(i["text"], i.get("start"), i.get("occurrences", 1)) for i in checked]
        try:
            spans = locate(text, wanted)
        except ValueError as exc:
            bad = _first_unlocatable(text, wanted)
            raise ValueError(f"{key}[{bad}]: {exc}") from None
        items[kind] = [
            GoldItem(kind, item, s, e)
            for item, found in zip(checked, spans, strict=True)
            for s, e in found
        ]
        items[kind].sort(key=lambda g: (g.start or 0, g.end or 0))
    negatives: dict[str, list[tuple[int, int]]] = {}
    for key, kind in KEYS.items():
        raw = data.get(f"not_{key}")
        if raw is None or key == "events":
            continue
        if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
            raise ValueError(f"'not_{key}' must be a list of strings")
        negatives[kind] = [(s, s + len(t)) for t in raw for s in occurrences(text, t)]
    partial = frozenset(normalise_kind(k) for k in data.get("partial", []))
    case_id = data.get("id", where or "case")
    return GoldCase(str(case_id), text, published, items, negatives, partial, where)


def _first_unlocatable(text: str, wanted: list[tuple[str, int | None, int | str]]) -> int:
    for n in range(len(wanted)):
        try:
            locate(text, wanted[: n + 1])
        except ValueError:
            return n
    return 0


def _event_item(item: dict[str, Any], text: str, n: int) -> GoldItem:
    if isinstance(item.get("text"), str):
        try:
            start, end = locate(text, [(item["text"], item.get("start"), 1)])[0][0]
        except ValueError as exc:
            raise ValueError(f"events[{n}]: {exc}") from None
        return GoldItem("event", item, start, end)
    return GoldItem("event", item)


def read_lines(lines: Iterable[str], name: str) -> Iterator[GoldCase]:
    """Gold cases from JSONL lines; blank lines and ``//`` comments are skipped."""
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if isinstance(data, dict) and "id" not in data:
            data = {**data, "id": where}
        yield case_from_dict(data, where)


def read_gold(path: str | Path) -> list[GoldCase]:
    """Every case of a gold JSONL file (``"-"`` reads standard input)."""
    if str(path) == "-":
        return list(read_lines(sys.stdin, "<stdin>"))
    p = Path(path)
    try:
        with p.open(encoding="utf-8") as fh:
            return list(read_lines(fh, str(path)))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc.strerror})") from None

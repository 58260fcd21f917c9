"""``Facts``: the records found in one text, with ways out to dicts, JSON, pandas and HTML."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from factex.display import facts_to_html
from factex.normalize.frame import Frame
from factex.records import DateMention, Entity, Event, Money, Percentage, Record, record_from_dict
from factex.schema import COLUMNS

if TYPE_CHECKING:
    import pandas

FRAME_COLUMNS = COLUMNS  # derived from the record dataclasses: see factex.schema


@dataclass(frozen=True)
class Facts:
    """Every record found in ``text``, in text order.

    ``published`` is the reference date used to resolve relative dates, and ``published_source``
    says where it came from: ``"given"``, ``"detected"`` (found in the text) or None.
    ``id`` and ``error`` are set by :func:`factex.extract_many`.
    """

    text: str
    records: tuple[Record, ...] = ()
    published: date | None = None
    published_source: str | None = None
    id: Any = None
    error: str | None = None
    #: the article's frame: main actors, place, currency and period (see README)
    frame: Frame = field(default_factory=Frame)
    _by_kind: dict[str, tuple[Record, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.records, key=lambda r: (r.start, -r.end, r.kind)))
        object.__setattr__(self, "records", ordered)
        for kind in ("entity", "money", "percentage", "date", "event"):
            self._by_kind[kind] = tuple(r for r in ordered if r.kind == kind)

    # -- the record lists -------------------------------------------------------------------
    @property
    def money(self) -> list[Money]:
        return list(self._by_kind["money"])  # type: ignore[arg-type]

    @property
    def percentages(self) -> list[Percentage]:
        return list(self._by_kind["percentage"])  # type: ignore[arg-type]

    @property
    def dates(self) -> list[DateMention]:
        return list(self._by_kind["date"])  # type: ignore[arg-type]

    @property
    def entities(self) -> list[Entity]:
        return list(self._by_kind["entity"])  # type: ignore[arg-type]

    @property
    def events(self) -> list[Event]:
        return list(self._by_kind["event"])  # type: ignore[arg-type]

    def timeline(self) -> list[Event]:
        """The events in date order (ties in text order), each with its actors: what a reader
        of dated events looks at first. An interval sorts by its start; values with no place
        on a calendar (``PRESENT_REF``, generic ``XXXX-...``) come last.

        >>> facts = Facts("", (Event("b", 9, 10, "b", "2024-03-12T17:50", "venir", ("X",)),
        ...                    Event("a", 0, 1, "a", "2024-03-12", "partir"),
        ...                    Event("c", 5, 6, "c", "1987", "naître")))
        >>> [(e.date, e.actors) for e in facts.timeline()]
        [('1987', ()), ('2024-03-12', ()), ('2024-03-12T17:50', ('X',))]
        """
        return sorted(self.events, key=lambda e: (*_calendar_key(e.date), e.start))

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __bool__(self) -> bool:
        return True  # a Facts with no records is still a result, not a failure

    # -- ways out -------------------------------------------------------------------------
    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per record, each with ``kind`` (Decimals as strings)."""
        return [r.to_dict() for r in self.records]

    def to_json(self, **kwargs: Any) -> str:
        """The whole result as JSON; :meth:`from_json` reads it back losslessly."""
        payload = {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "error": self.error,
            "frame": self.frame.to_dict(),
            "records": self.to_dicts(),
        }
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(payload, **kwargs)

    @classmethod
    def from_json(cls, data: str | dict[str, Any]) -> Facts:
        """Rebuild a :class:`Facts` from :meth:`to_json` output (Decimals and dates survive)."""
        payload = json.loads(data) if isinstance(data, str) else data
        published = payload.get("published")
        return cls(
            text=payload.get("text", ""),
            records=tuple(record_from_dict(d) for d in payload.get("records", [])),
            published=date.fromisoformat(published) if published else None,
            published_source=payload.get("published_source"),
            id=payload.get("id"),
            error=payload.get("error"),
            frame=Frame.from_dict(payload.get("frame")),
        )

    def to_frame(self) -> pandas.DataFrame:
        """A tidy ``pandas.DataFrame``: one row per record, the columns of ``FRAME_COLUMNS``,
        typed by :mod:`factex.schema` (exact decimals, nullable booleans and integers, lists)."""
        try:
            import pandas  # noqa: F401
            import pyarrow  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Facts.to_frame() needs pandas and pyarrow: pip install 'factex[pandas]'"
            ) from exc
        from factex.schema import frame, row

        return frame([row(record, self.id) for record in self.records])

    def _repr_html_(self) -> str:
        return facts_to_html(self)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={len(v)}" for k, v in self._by_kind.items() if v)
        extra = f", id={self.id!r}" if self.id is not None else ""
        extra += f", error={self.error!r}" if self.error else ""
        return f"Facts({counts or 'no records'}, published={self.published}{extra})"


def _calendar_key(value: str) -> tuple[int, str]:
    """Sort key of a TIMEX value: calendar values by their start, the others after them."""
    start = value.split("/")[0]
    on_calendar = start[:4].isdigit() or (start[:2].isdigit() and len(start) < 4)
    return (0, start) if on_calendar else (1, value)


"""Rows of a fact table: observations grouped by what they are about, with their consensus.

A row is one (kind, subject, metric, period, currency or unit, per). Documents meet on a row
only on what they state: an observation whose subject, metric or period is unknown stays on a
row of its own document, never merged with another document's guess. Subjects are compared by
the group :func:`factex.normalize.aliases.merge_names` puts them in, metrics by canonical key
(else by their folded words), periods as TIMEX3 values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from factex.normalize.agreement import Reading, consensus
from factex.normalize.aliases import folded_key, merge_names
from factex.normalize.metric_keys import metric_label
from factex.table.observe import DocSummary, Observation

#: (kind, subject key, metric group, period, unit, per, document when a link is unknown)
RowKey = tuple[str, str | None, str | None, str | None, str | None, str | None, Hashable]


@dataclass(frozen=True, slots=True)
class Row:
    """One figure of the table: what the documents say about one subject, metric and period.

    ``value`` (or ``value_min``/``value_max`` for bounds and ranges) is the reading most
    documents agree with, the most precise on a tie; percentages keep ``direction`` apart and
    are never negative. ``sources`` counts the documents, ``agree`` those that agree with the
    value (rounding allowed, see :mod:`factex.normalize.agreement`), ``dissent`` those that do
    not. ``conflict`` is True when any two tellings disagree, and ``conflict_values`` lists the
    values written that disagree with some other one (a bound by its bounds, a fall as a negative
    percentage: "en recul de 2,5 %" against "en hausse de 2,5 %" gives -2.5 and 2.5).
    ``mentions`` holds ``(document, start, end)`` for every telling, headline and body repeats
    included. Observations are taken in the order of their documents' ids (as strings), so the
    table does not depend on how a corpus is split or in which order it is read.
    """

    kind: str
    subject: str | None
    metric_key: str | None
    metric: str | None
    period: str | None
    currency: str | None
    unit: str | None
    per: str | None
    value: Decimal | None
    value_min: Decimal | None
    value_max: Decimal | None
    direction: str | None
    sources: int
    agree: int
    conflict: bool
    conflict_values: tuple[Decimal, ...] = ()
    dissent: tuple[Hashable, ...] = ()
    documents: tuple[Hashable, ...] = ()
    mentions: tuple[tuple[Hashable, int, int], ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameEvidence:
    """What the documents say about names: how many use each, persons, definitions."""

    counts: Counter[str] = field(default_factory=Counter)
    persons: frozenset[str] = frozenset()
    definitions: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of(cls, summary: DocSummary) -> NameEvidence:
        return cls(Counter(summary.names), summary.persons, frozenset(summary.definitions))

    def __add__(self, other: NameEvidence) -> NameEvidence:
        return NameEvidence(
            self.counts + other.counts,
            self.persons | other.persons,
            self.definitions | other.definitions,
        )

    def display_by_key(self) -> dict[str, str]:
        """The shown name of every folded name key."""
        shown = merge_names(self.counts, sorted(self.definitions), self.persons)
        return {folded_key(name): display for name, display in shown.items()}


def merge_evidence(parts: Iterable[NameEvidence]) -> NameEvidence:
    total = NameEvidence()
    for part in parts:
        total = total + part
    return total


def row_key(obs: Observation) -> RowKey:
    """The key an observation is grouped by before subjects are merged across documents."""
    subject = folded_key(obs.subject) if obs.subject else None
    links = (subject, obs.metric_group, obs.period)
    local = obs.doc if None in links else None
    return (obs.kind, subject, obs.metric_group, obs.period, obs.unit, obs.per, local)


def group(summaries: Iterable[DocSummary]) -> dict[RowKey, list[Observation]]:
    """Observations of every document, by :func:`row_key`, in document order."""
    groups: dict[RowKey, list[Observation]] = {}
    for summary in summaries:
        for obs in summary.observations:
            groups.setdefault(row_key(obs), []).append(obs)
    return groups


def rows(
    groups: Iterable[tuple[RowKey, Sequence[Observation]]], evidence: NameEvidence
) -> list[Row]:
    """The table's rows: groups whose subjects are one name merged, then one row each."""
    display = evidence.display_by_key()
    merged: dict[RowKey, list[Observation]] = {}
    for key, observations in groups:
        kind, subject, *rest = key
        final = (kind, display.get(subject, subject) if subject else None, *rest)
        merged.setdefault(final, []).extend(observations)  # type: ignore[arg-type]
    built = [make_row(key, sorted(obs, key=_by_document)) for key, obs in merged.items()]
    return sorted(built, key=_order)


def _by_document(obs: Observation) -> tuple[str, int]:
    return (str(obs.doc), obs.mentions[0][0])


def _order(row: Row) -> tuple[str, ...]:
    return (
        row.kind, row.subject or "", row.metric_key or "~", row.metric or "", row.period or "",
        row.unit or "", row.per or "", str(row.documents[:1]),
    )  # fmt: skip


def make_row(key: RowKey, observations: Sequence[Observation]) -> Row:
    """One row from the observations of one key (subject already the shown name)."""
    kind, subject, _, period, unit, per, _ = key
    readings = [(o.doc, o.reading) for o in observations]
    agreed = consensus(readings)
    chosen = next(o for o in observations if o.reading == agreed.chosen)
    value, low, high = _unsigned(agreed.chosen)
    docs = tuple(dict.fromkeys(o.doc for o in observations))
    first_metric = next((o for o in observations if o.metric), observations[0])
    return Row(
        kind=kind,
        subject=subject,
        metric_key=chosen.metric_key,
        metric=metric_label(chosen.metric_key) or first_metric.metric,
        period=period,
        currency=unit if kind == "money" else None,
        unit=unit,
        per=per,
        value=value,
        value_min=low,
        value_max=high,
        direction=chosen.direction,
        sources=len(docs),
        agree=len(agreed.agreeing),
        conflict=agreed.conflict,
        conflict_values=_values(agreed.disputed),
        dissent=tuple(d for d in docs if d not in agreed.agreeing),
        documents=docs,
        mentions=tuple((o.doc, s, e) for o in observations for s, e in o.mentions),
        aliases=_aliases(subject, observations),
    )


def _unsigned(reading: Reading) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    value, low, high = reading.value, reading.low, reading.high
    negative = any(v is not None and v < 0 for v in (value, low, high))
    if not negative:
        return value, low, high
    flip = [None if v is None else -v for v in (value, high, low)]
    return flip[0], flip[1], flip[2]


def _values(readings: Iterable[Reading]) -> tuple[Decimal, ...]:
    written = {v for r in readings for v in (r.value, r.low, r.high) if v is not None}
    return tuple(sorted(written))


def _aliases(subject: str | None, observations: Sequence[Observation]) -> tuple[str, ...]:
    forms = dict.fromkeys(o.subject for o in observations if o.subject and o.subject != subject)
    return tuple(forms)


def build(summaries: Iterable[DocSummary]) -> list[Row]:
    """Every row from document summaries, in one process."""
    summaries = list(summaries)
    evidence = merge_evidence(NameEvidence.of(s) for s in summaries)
    return rows(group(summaries).items(), evidence)

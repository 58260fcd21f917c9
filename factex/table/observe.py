"""One document's part of a fact table: its observations, and what it says about names.

An observation is one figure as one document tells it. News tells its main figures more than
once (headline, lede, body), and rounds them in the headline: within a document, two money or
percentage records are the same figure when their values agree (equal, or one a rounding of
the other, or within the other's bounds: :func:`factex.normalize.agreement.agrees`), they have
the same currency or unit, direction and ``per``, and their subject, metric (by canonical key,
else as written) and period are each equal or unknown on one side. They make one observation,
at the first telling, with the most precise value told, each link from whichever telling has it
and the offsets of all.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from factex.facts import Facts
from factex.normalize.agreement import Reading, agrees, exponent
from factex.normalize.aliases import definitions
from factex.normalize.metric_keys import fold_words, metric_key
from factex.records import Money, Percentage

_LINKS = ("subject", "metric", "metric_key", "period")


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure as one document tells it (see the module docstring)."""

    kind: str  # "money" or "percentage"
    doc: Hashable
    reading: Reading  # signed: a fall is negative
    unit: str | None  # the currency of money, "percent" or "points"
    per: str | None
    direction: str | None
    subject: str | None
    metric: str | None
    metric_key: str | None
    period: str | None
    text: str
    mentions: tuple[tuple[int, int], ...]

    @property
    def metric_group(self) -> str | None:
        """What the metric is compared by: its key, else its folded words ("~marge brute")."""
        if self.metric_key is not None:
            return self.metric_key
        return "~" + " ".join(fold_words(self.metric)) if self.metric else None

    def same_figure(self, other: Observation) -> bool:
        """Whether ``other`` (from the same document) is another telling of this figure."""
        same = (self.kind, self.unit, self.per, self.direction)
        if same != (other.kind, other.unit, other.per, other.direction):
            return False
        if not agrees(self.reading, other.reading):
            return False
        pairs = [
            (self.subject, other.subject),
            (self.metric_group, other.metric_group),
            (self.period, other.period),
        ]
        return all(a is None or b is None or a == b for a, b in pairs)

    def fold(self, other: Observation) -> Observation:
        """This observation with the links it lacks taken from ``other``, the more precise of
        the two values, and the mentions of both."""
        filled: dict[str, object] = {
            k: getattr(other, k) for k in _LINKS if getattr(self, k) is None
        }
        if _precision(other.reading) < _precision(self.reading):
            filled["reading"] = other.reading
        return replace(self, **filled, mentions=self.mentions + other.mentions)  # type: ignore[arg-type]


def _precision(reading: Reading) -> tuple[int, int]:
    """Smaller is more precise: an exact value before bounds, then the last significant digit."""
    if reading.value is None:
        return (1, 0)
    return (0, exponent(reading.value))


@dataclass(frozen=True, slots=True)
class DocSummary:
    """What one document gives a fact table."""

    doc: Hashable
    observations: tuple[Observation, ...]
    names: frozenset[str]  # subjects and organisations
    persons: frozenset[str]
    definitions: tuple[tuple[str, str], ...]  # (long name, short form)


def observation(record: Money | Percentage, doc: Hashable, lang: str = "fr") -> Observation | None:
    """The observation of one record; None for a record without any value."""
    if isinstance(record, Money):
        reading = Reading(record.amount, record.amount_min, record.amount_max)
        unit, direction = record.currency, None
    else:
        sign = Decimal(-1) if record.direction == "down" else Decimal(1)
        low, high = record.value_min, record.value_max
        reading = Reading(
            None if record.value is None else sign * record.value,
            None if low is None else sign * low,
            None if high is None else sign * high,
        )
        if sign < 0:
            reading = Reading(reading.value, reading.high, reading.low)
        unit, direction = record.unit, record.direction
    if reading == Reading():
        return None
    return Observation(
        kind=record.kind,
        doc=doc,
        reading=reading,
        unit=unit,
        per=record.per if isinstance(record, Money) else None,
        direction=direction,
        subject=record.subject,
        metric=record.metric,
        metric_key=metric_key(record.metric, lang),
        period=record.period,
        text=record.text,
        mentions=record.mentions or ((record.start, record.end),),
    )


def fold_tellings(observations: Iterable[Observation]) -> tuple[Observation, ...]:
    """Observations of one document with the tellings of one figure folded into the first.

    >>> head = Observation("money", "a", Reading(Decimal("4E9")), "EUR", None, None, "Nordial",
    ...                    None, None, None, "4 milliards", ((0, 11),))
    >>> body = replace(head, reading=Reading(Decimal("4.2E9")), metric="chiffre d'affaires",
    ...                metric_key="revenue", period="2023", mentions=((120, 133),))
    >>> [(o.reading.value, o.metric_key, o.period, o.mentions) for o in fold_tellings([head, body])]
    [(Decimal('4.2E+9'), 'revenue', '2023', ((0, 11), (120, 133)))]
    >>> other = replace(body, reading=Reading(Decimal("4.5E9")))
    >>> len(fold_tellings([head, body, other]))
    2
    """
    folded: list[Observation] = []
    for obs in observations:
        for i, seen in enumerate(folded):
            if seen.same_figure(obs):
                folded[i] = seen.fold(obs)
                break
        else:
            folded.append(obs)
    return tuple(folded)


def summarize(facts: Facts, doc: Hashable, lang: str = "fr") -> DocSummary:
    """Observations, names and parenthesised definitions of one document."""
    records: list[Money | Percentage] = [*facts.money, *facts.percentages]
    records.sort(key=lambda r: (r.start, r.end))
    found = (observation(r, doc, lang) for r in records)
    observations = fold_tellings(o for o in found if o is not None)
    subjects = {o.subject for o in observations if o.subject}
    orgs = {e.canonical for e in facts.entities if e.label == "ORG"}
    persons = frozenset(e.canonical for e in facts.entities if e.label == "PER")
    # A definition names the entity as written before the parenthesis ("Banque Atlantique du
    # Sahel (BAS)"); the table compares canonical names ("Atlantique du Sahel").
    canonical = {e.text: e.canonical for e in facts.entities}
    known = subjects | orgs | set(canonical) | set(canonical.values())
    defined = ((canonical.get(long, long), short) for long, short in definitions(facts.text, known))
    return DocSummary(
        doc=doc,
        observations=observations,
        names=frozenset(subjects | orgs),
        persons=persons,
        definitions=tuple(defined),
    )

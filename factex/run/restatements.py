"""One figure, many tellings: restated in the headline, the lede and the body, it is one record.

Within one text, two money or percentage records are the same figure when
- their values are written the same (amount, bounds and currency; or value, bounds, unit and
  direction) and their ``per`` is the same;
- their subject and period are each equal, or unknown on one side;
- their metric (by canonical key, else as written) is equal, or, for money only, unknown on one
  side: a bare "2 %" is too common to be taken for another telling of a named rate.

The first telling is the record, and ``mentions`` lists the offsets of every telling, the first
included. Its links come from the telling whose own sentence wrote more of its subject and
period (a headline is terse, its lede says it whole); each link that telling lacks is taken
from the other (with its ``*_from``). Rounded tellings ("4 milliards" for "4,2 milliards") stay
two records: a record's value is what its own words say. The fact table folds those
(:mod:`factex.table.observe`). Pure: records in, records out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from factex.normalize.metric_keys import fold_words, metric_key
from factex.records import Money, Percentage, Record

Figure = Money | Percentage

#: a link and the field saying where it came from, filled together from a later telling
_LINKS = (
    ("subject", "subject_from"), ("period", "period_from"), ("metric", "metric_from"),
    ("source", None),
)  # fmt: skip


def fold_restatements(records: Iterable[Record], lang: str = "fr") -> list[Record]:
    """``records`` with the later tellings of each money or percentage figure folded in.

    >>> from decimal import Decimal
    >>> head = Money("7,2 milliards d'euros", 0, 21, "...", Decimal("7.2E9"), "EUR",
    ...              subject="Nordial", mentions=((0, 21),))
    >>> body = replace(head, start=90, end=111, metric="chiffre d'affaires", period="2025",
    ...                subject=None, mentions=((90, 111),))
    >>> [(r.start, r.subject, r.metric, r.mentions) for r in fold_restatements([head, body])]
    [(0, 'Nordial', "chiffre d'affaires", ((0, 21), (90, 111)))]
    >>> other = replace(body, period="2024")  # the same amount for another year stays apart
    >>> len(fold_restatements([replace(head, period="2025"), other]))
    2
    """
    out: list[Record] = []
    # figures seen, by written value: only those can be retold, so a long text stays linear
    seen: dict[tuple[object, ...], list[int]] = {}
    for record in sorted(records, key=lambda r: (r.start, r.end)):
        if not isinstance(record, (Money, Percentage)):
            out.append(record)
            continue
        candidates = seen.setdefault((record.kind, *_value(record)), [])
        for index in candidates:
            first = out[index]
            assert isinstance(first, (Money, Percentage))
            if same_figure(first, record, lang):
                out[index] = _fold(first, record)
                break
        else:
            candidates.append(len(out))
            out.append(record)
    return out


def same_figure(first: Figure, later: Figure, lang: str = "fr") -> bool:
    """Whether ``later`` tells the figure ``first`` told (see the module docstring)."""
    if type(first) is not type(later) or _value(first) != _value(later):
        return False
    if not (_compatible(first.subject, later.subject) and _compatible(first.period, later.period)):
        return False
    mine, theirs = _metric_group(first.metric, lang), _metric_group(later.metric, lang)
    if isinstance(first, Percentage):
        return mine is not None and mine == theirs
    return _compatible(mine, theirs)


def _value(record: Figure) -> tuple[object, ...]:
    if isinstance(record, Money):
        return (record.amount, record.amount_min, record.amount_max, record.currency, record.per)
    return (record.value, record.value_min, record.value_max, record.unit, record.direction)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def _metric_group(metric: str | None, lang: str) -> str | None:
    """What metrics are compared by: the canonical key, else the folded words."""
    if metric is None:
        return None
    return metric_key(metric, lang) or " ".join(fold_words(metric))


def _fold(first: Figure, later: Figure) -> Figure:
    """``first`` with ``later``'s telling added: the links come from the telling whose sentence
    wrote more of them (a lede's "bénéfice net ... en 2024" over a headline's "bénéfice annuel"),
    each link it lacks from the other."""
    better, other = (later, first) if _written(later) > _written(first) else (first, later)
    links: dict[str, object] = {}
    for name, origin in _LINKS:
        source = better if getattr(better, name) is not None else other
        links[name] = getattr(source, name)
        if origin is not None:
            links[origin] = getattr(source, origin)
    links["metric_key"] = (better if better.metric is not None else other).metric_key
    mentions = (*first.mentions, *later.mentions)
    return replace(first, **links, mentions=mentions)  # type: ignore[arg-type]


def _written(record: Figure) -> int:
    """How many of a telling's subject and period its own sentence wrote."""
    return (record.subject_from == "written") + (record.period_from == "written")

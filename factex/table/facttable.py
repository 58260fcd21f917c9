"""``FactTable``: the figures of many articles as one dataset, with provenance and conflicts.

Many ``Facts`` in, one row per (subject, metric, period, currency) out for money and per
(subject, metric, period, unit) for percentages, each with the documents and offsets it comes
from, how many documents agree and whether any disagree beyond rounding. How tellings become
observations: :mod:`factex.table.observe`; how observations become rows:
:mod:`factex.table.rows`; when two values agree: :mod:`factex.normalize.agreement`; which
subjects are one: :mod:`factex.normalize.aliases`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factex.facts import Facts
from factex.normalize.numbers import plain
from factex.table.observe import DocSummary, Observation, summarize
from factex.table.rows import NameEvidence, Row, build, merge_evidence, row_key, rows

if TYPE_CHECKING:
    import dask.bag as db
    import pandas
    import pyarrow

#: The table's columns, in order (the fields of :class:`Row`).
COLUMNS = tuple(f.name for f in dataclasses.fields(Row))

_DECIMALS = frozenset({"value", "value_min", "value_max"})
_INTS = frozenset({"sources", "agree"})


@dataclass(frozen=True)
class FactTable:
    """Rows of figures from many documents; build it with :meth:`from_facts` or
    :meth:`from_bag`. Iterating gives :class:`factex.table.Row` records."""

    rows: tuple[Row, ...] = ()

    @classmethod
    def from_facts(cls, results: Iterable[Facts], *, lang: str = "fr") -> FactTable:
        """The table of ``Facts`` from :func:`factex.extract_many` (or ``extract``).

        A document is known by its ``id``, or by its position in ``results`` when it has none;
        a ``Facts`` with an ``error`` gives nothing.
        """
        summaries = (
            summarize(facts, i if facts.id is None else facts.id, lang)
            for i, facts in enumerate(results)
            if facts.error is None
        )
        return cls(tuple(build(summaries)))

    @classmethod
    def from_bag(cls, bag: db.Bag, *, lang: str = "fr") -> FactTable:
        """The table of a ``dask.bag.Bag`` of ``Facts``, built on the workers.

        Each partition is summarised where it lives; names are gathered by a bag reduction and
        observations by ``foldby`` on their key, both in one compute, so the bag (and any
        extraction behind it) runs once. Only one group per row comes back, where the subjects
        merged across documents are joined and each row's consensus is taken. A document with
        no ``id`` is known as ``"<partition>:<position>"``.
        """
        import dask.bag as dbag
        from dask.base import compute
        from dask.delayed import delayed

        parts = bag.to_delayed()  # type: ignore[no-untyped-call]
        summaries = dbag.from_delayed(  # type: ignore[no-untyped-call]
            [delayed(_summarize_part, pure=True)(p, n, lang) for n, p in enumerate(parts)]
        )
        evidence = summaries.map(NameEvidence.of).reduction(merge_evidence, merge_evidence)
        groups = summaries.map(_observations).flatten().foldby(row_key, _append, (), _concat, ())
        names, grouped = compute(evidence, groups)  # type: ignore[no-untyped-call]
        return cls(tuple(rows(grouped, names)))

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def conflicts(self) -> list[Row]:
        """The rows whose sources disagree beyond rounding."""
        return [row for row in self.rows if row.conflict]

    def to_frame(self) -> pandas.DataFrame:
        """A ``pandas.DataFrame``, one row per row, the columns of ``COLUMNS`` (Decimal values,
        tuples for documents, mentions, aliases and conflicting values)."""
        import pandas as pd

        records = [{c: getattr(row, c) for c in COLUMNS} for row in self.rows]
        frame = pd.DataFrame(records, columns=list(COLUMNS))
        return frame.astype({c: "int64" for c in _INTS} | {"conflict": "bool"})

    def to_parquet(self, path: str) -> None:
        """Write the table as Parquet: values as exact decimal strings (as every factex file),
        document ids as strings, mentions as a list of ``{doc, start, end}``."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {c: [_arrow(c, getattr(row, c)) for row in self.rows] for c in COLUMNS}
        pq.write_table(pa.table(columns, schema=parquet_schema()), path)

    def __repr__(self) -> str:
        return f"FactTable({len(self.rows)} rows, {len(self.conflicts)} in conflict)"


def parquet_schema() -> pyarrow.Schema:
    """The Parquet schema of :meth:`FactTable.to_parquet`."""
    import pyarrow as pa

    mention = pa.struct([("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64())])

    def kind(column: str) -> pyarrow.DataType:
        if column in _INTS:
            return pa.int64()
        if column == "conflict":
            return pa.bool_()
        if column == "mentions":
            return pa.list_(mention)
        if column in ("conflict_values", "dissent", "documents", "aliases"):
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in COLUMNS])


def _arrow(column: str, value: Any) -> Any:
    if column == "mentions":
        return [{"doc": str(doc), "start": s, "end": e} for doc, s, e in value]
    if isinstance(value, tuple):
        return [plain(v) if isinstance(v, Decimal) else str(v) for v in value]
    if isinstance(value, Decimal):
        return plain(value)  # "4200000000", never "4.2E+9": read back exactly, as written
    return value


def _summarize_part(items: list[Facts], number: int, lang: str) -> list[DocSummary]:
    out = []
    for i, facts in enumerate(items):
        if facts.error is None:
            doc: Hashable = f"{number}:{i}" if facts.id is None else facts.id
            out.append(summarize(facts, doc, lang))
    return out


def _observations(summary: DocSummary) -> tuple[Observation, ...]:
    return summary.observations


def _append(acc: tuple[Observation, ...], obs: Observation) -> tuple[Observation, ...]:
    return (*acc, obs)


def _concat(a: tuple[Observation, ...], b: tuple[Observation, ...]) -> tuple[Observation, ...]:
    return a + b

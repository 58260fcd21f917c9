"""Extraction over Dask collections: a bag of texts or items, or a text column of a DataFrame.

Needs ``pip install 'factex[dask]'``. Each task only carries its texts and a few names: the
pipeline is loaded by :func:`factex.load` inside the worker process the first time a task needs
it and kept there for the following tasks, so the model is neither pickled nor sent per task.
Call :func:`preload` to load it on every worker up front (the first load takes seconds).

The result is a Dask DataFrame of fact rows: the columns and dtypes of
:meth:`factex.Facts.to_frame` (``id`` is the document's id, as a string) plus ``error``, which
is set on the one row of a document that could not be processed (with ``on_error="record"``,
the default here: one bad document must not stop a cluster job).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import dask
import pandas as pd
from dask.delayed import delayed

from factex import schema
from factex.api import Published, extract_many, load, parse_published
from factex.facts import FRAME_COLUMNS, Facts
from factex.run import OnError

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

COLUMNS = (*FRAME_COLUMNS, "error")

#: The result's dtypes: those of :meth:`Facts.to_frame` (:mod:`factex.schema`) and ``error``.
DTYPES: dict[str, Any] = schema.frame_dtypes(extra=("error",))


def meta() -> pd.DataFrame:
    """The empty frame that describes the result's columns and dtypes (Dask's ``meta``)."""
    return schema.frame([], extra=("error",))


def facts_frame(results: Iterable[Facts]) -> pd.DataFrame:
    """One row per record (exact decimals), one row with ``error`` per failed document."""
    rows: list[dict[str, Any]] = []
    for facts in results:
        if facts.error is not None:
            rows.append({"id": None if facts.id is None else str(facts.id), "error": facts.error})
        else:
            rows.extend(schema.row(record, facts.id) for record in facts.records)
    return schema.frame(rows, extra=("error",))


def extract_partition(
    items: list[Any],
    published: Published,
    model: str | None,
    batch_size: int,
    on_error: OnError,
    id_prefix: str | None = None,
) -> pd.DataFrame:
    """Run in a worker: extract a list of items with the worker's cached pipeline."""
    if id_prefix is not None:
        # Plain strings have no id of their own: "<partition>:<position>" is unique in the bag.
        items = [_with_id(item, f"{id_prefix}:{i}") for i, item in enumerate(items)]
    nlp = load(model)
    results = extract_many(items, published, nlp=nlp, batch_size=batch_size, on_error=on_error)
    return facts_frame(results)


def _with_id(item: Any, item_id: str) -> Any:
    return (item_id, item) if isinstance(item, str) else item


def extract_bag(
    bag: db.Bag,
    published: Published = None,
    *,
    model: str | None = None,
    batch_size: int = 32,
    on_error: OnError = "record",
) -> dd.DataFrame:
    """Facts of every item of a ``dask.bag.Bag``, as a Dask DataFrame of rows.

    Items are those of :func:`factex.extract_many`: strings, dicts ``{"id", "text",
    "published"}`` or tuples ``(id, text[, published])``. A plain string gets the id
    ``"<partition>:<position>"``.
    """
    import dask.dataframe as dd

    default = parse_published(published)  # fail here, not in every task
    parts = [
        delayed(extract_partition, pure=True)(
            part, default, model, batch_size, on_error, str(number)
        )
        for number, part in enumerate(bag.to_delayed())  # type: ignore[no-untyped-call]
    ]
    with dask.config.set({"dataframe.convert-string": False}):  # keep the Arrow dtypes as they are
        result: dd.DataFrame = dd.from_delayed(parts, meta=meta(), verify_meta=False)
    return result


def extract_frame(
    frame: dd.DataFrame,
    text: str = "text",
    *,
    id: str | None = None,
    published: Published = None,
    published_column: str | None = None,
    model: str | None = None,
    batch_size: int = 32,
    on_error: OnError = "record",
) -> dd.DataFrame:
    """Facts of the ``text`` column of a Dask DataFrame, one partition at a time.

    The document id is the ``id`` column, or the frame's index. Each row's reference date is
    its ``published_column`` value when given and not null, else ``published``.
    """
    missing = [c for c in (text, id, published_column) if c and c not in frame.columns]
    if missing:
        raise KeyError(f"columns {missing} not in the frame; it has {list(frame.columns)}")
    default = parse_published(published)
    with dask.config.set({"dataframe.convert-string": False}):
        result: dd.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
            _frame_partition,
            text,
            id,
            published_column,
            default,
            model,
            batch_size,
            on_error,
            meta=meta(),
            align_dataframes=False,
        )
    return result


def _frame_partition(
    part: pd.DataFrame,
    text: str,
    id: str | None,
    published_column: str | None,
    published: Published,
    model: str | None,
    batch_size: int,
    on_error: OnError,
) -> pd.DataFrame:
    ids = part[id] if id else part.index.to_series()
    dates = part[published_column] if published_column else [None] * len(part)
    items = [
        {"id": _plain(i), "text": t, "published": None if _missing_date(d) else d}
        for i, t, d in zip(ids, part[text], dates, strict=True)
    ]
    return extract_partition(items, published, model, batch_size, on_error)


def _plain(value: Any) -> Any:
    # numpy scalars from an index become Python ints and strs, the types extract_many returns.
    return value.item() if hasattr(value, "item") else value


def _missing_date(value: Any) -> bool:
    return value is None or (not isinstance(value, (str, date)) and bool(pd.isna(value)))


def preload(client: Any, model: str | None = None) -> dict[str, float]:
    """Load the pipeline on every worker of a ``distributed.Client`` now; seconds per worker."""
    return dict(client.run(_timed_load, model))


def _timed_load(model: str | None) -> float:
    start = time.perf_counter()
    load(model)
    return time.perf_counter() - start

"""Many texts through ``nlp.pipe``: one result per item, in order, whatever goes wrong.

The flow is: items → :class:`Job` (checked input, cut into pieces) → the first piece of every job
streams through :func:`robust_pipe` (``nlp.pipe``, possibly with several processes) → the other
pieces of a long text run once the first piece is back, so that a publication date detected at
the top of a text is the reference for the whole of it (the same rule as :func:`factex.extract`).

Nothing is lost when one document breaks a component: a Doc that never comes back out of
``nlp.pipe`` (dropped by an error handler, or in a batch that failed) is run again alone, which
either recovers it or gives the exact error for that one item. With several processes,
:mod:`factex.pool` forks workers that each run this whole flow on batches of items; without
``fork``, spaCy's ``nlp.pipe(n_process=...)`` is used. When worker processes cannot start (a
daemonic process, a pipeline that cannot be pickled...) or die, the run warns and carries on
with one process from the first item whose result had not come back.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from factex.chunking import split_text
from factex.components.extensions import published_reference, register_extensions
from factex.convert import records_from_doc
from factex.facts import Facts
from factex.masking import mask
from factex.records import Record

OnError = Literal["raise", "record", "skip"]

_ITEM_SHAPES = "a str, a dict {'id', 'text', 'published'} or a tuple (id, text[, published])"


class ItemError(Exception):
    """An item that cannot be read; ``item_id`` is its id as far as it could be found."""

    def __init__(self, item_id: Any, error: Exception) -> None:
        super().__init__(str(error))
        self.item_id = item_id
        self.error = error


@dataclass
class Job:
    """One input item: its id, its text cut into pieces, its reference date, or its error."""

    index: int
    id: Any
    text: str = ""
    reference: date | None = None
    pieces: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None
    masked: bool = False  # the pieces come from a masked copy of ``text``

    @classmethod
    def of(cls, index: int, item_id: Any, text: str, reference: date | None, limit: int) -> Job:
        """A job whose pieces come from ``text`` with invisible characters and tags masked."""
        clean = mask(text)
        return cls(index, item_id, text, reference, list(split_text(clean, limit)),
                   masked=clean is not text)


@dataclass
class Task:
    """One piece of text to run through the pipeline (``key`` is unique within a run)."""

    key: int
    text: str
    published: str | None
    source: str | None
    broken: Exception | None = None  # the Doc could not even be made from the text

    def make_doc(self, nlp: Language) -> Doc:
        doc = nlp.make_doc(self.text)
        doc._.factex_published = self.published
        doc._.factex_published_source = self.source if self.published else None
        return doc


def read_item(item: Any, index: int, default: date | None) -> tuple[Any, str, date | None]:
    """``(id, text, reference)`` of one item; raises :class:`ItemError` naming what is wrong.

    >>> read_item(("a1", "Texte.", "2018-07-03"), 0, None)
    ('a1', 'Texte.', datetime.date(2018, 7, 3))
    >>> read_item({"text": "Texte."}, 4, None)
    (4, 'Texte.', None)
    """
    from factex.api import check_text, parse_published

    item_id: Any = index
    published: Any = None
    try:
        if isinstance(item, dict):
            item_id = item.get("id", index)
            if "text" not in item:
                keys = sorted(map(str, item))
                raise TypeError(f"a dict item needs a 'text' key, got keys {keys}")
            text, published = item["text"], item.get("published")
        elif isinstance(item, tuple):
            if len(item) not in (2, 3):
                raise TypeError(f"a tuple item is (id, text[, published]), got {len(item)} values")
            item_id, text = item[0], item[1]
            published = item[2] if len(item) == 3 else None
        elif isinstance(item, (str, bytes, bytearray)):
            text = item  # bytes: check_text says how to decode them
        else:
            raise TypeError(f"expected {_ITEM_SHAPES}, got {type(item).__name__}")
        text = check_text(text)
        reference = default if published is None else parse_published(published)
    except (TypeError, ValueError) as exc:
        raise ItemError(item_id, exc) from exc
    return item_id, text, reference


def make_jobs(
    items: Iterable[Any], default: date | None, limit: int, on_error: OnError
) -> Iterator[Job]:
    for index, item in enumerate(items):
        try:
            item_id, text, reference = read_item(item, index, default)
        except ItemError as exc:
            if on_error == "raise":
                raise type(exc.error)(f"item {index}: {exc.error}") from None
            yield Job(index, exc.item_id, error=f"{type(exc.error).__name__}: {exc.error}")
            continue
        yield Job.of(index, item_id, text, reference, limit)


def run_jobs(
    nlp: Language,
    jobs: Iterable[Job],
    *,
    batch_size: int,
    n_process: int,
    on_error: OnError,
) -> Iterator[Facts]:
    """One :class:`Facts` per job, in order (none for failed jobs with ``on_error="skip"``)."""
    register_extensions()
    if n_process != 1:
        from factex.pool import fork_available, run_forked

        if fork_available():
            workers = n_process if n_process > 0 else (os.cpu_count() or 1)
            yield from run_forked(
                nlp, jobs, batch_size=batch_size, n_process=workers, on_error=on_error
            )
            return
    waiting: deque[Job] = deque()
    counter = itertools.count()

    def first_pieces() -> Iterator[tuple[Task, Job]]:
        for job in jobs:
            waiting.append(job)
            if job.error is None:
                yield _task(next(counter), job.pieces[0][1], job.reference), job

    def finish(job: Job) -> Iterator[Facts]:
        if job.error is not None and on_error == "skip":
            return
        if job.error is not None:
            yield Facts(text=job.text, id=job.id, error=job.error)

    tasks = first_pieces()
    by_key: dict[int, Job] = {}

    def feed() -> Iterator[Task]:
        for task, job in tasks:
            by_key[task.key] = job
            yield task

    for task, result in robust_pipe(
        nlp, feed(), batch_size=batch_size, n_process=n_process, on_error=on_error
    ):
        job = by_key.pop(task.key)
        while waiting[0] is not job:
            yield from finish(waiting.popleft())
        waiting.popleft()
        if isinstance(result, Exception):
            job.error = _describe(result)
            yield from finish(job)
            continue
        facts = _complete(nlp, job, result, on_error)
        if facts.error is not None:
            job.error = facts.error
            yield from finish(job)
        else:
            yield facts
    while waiting:
        yield from finish(waiting.popleft())


def _task(key: int, text: str, reference: date | None, source: str | None = None) -> Task:
    iso = reference.isoformat() if reference else None
    return Task(key, text, iso, (source or "given") if iso else None)


def _complete(nlp: Language, job: Job, first: Doc, on_error: OnError) -> Facts:
    """The Facts of a job whose first piece is ``first``: the other pieces run here, in order."""
    published = first._.factex_published
    source = first._.factex_published_source
    reference = published_reference(first)
    records: list[Record] = records_from_doc(first, *job.pieces[0])
    rest = [_task(i, piece, None) for i, (_, piece) in enumerate(job.pieces[1:], 1)]
    for task in rest:
        task.published, task.source = published, source if published else None
    # One piece at a time: pieces are large, and memory must not grow with the text.
    for task, result in robust_pipe(nlp, rest, batch_size=1, n_process=1, on_error=on_error):
        if isinstance(result, Exception):
            return Facts(text=job.text, id=job.id, error=_describe(result))
        records.extend(records_from_doc(result, job.pieces[task.key][0], task.text))
    if job.masked:  # users get their own characters back, at the same offsets
        records = [replace(r, text=job.text[r.start : r.end]) for r in records]
    return Facts(
        text=job.text,
        records=tuple(records),
        published=reference.dt.date() if reference else None,
        published_source=source if published else None,
        id=job.id,
    )


def robust_pipe(
    nlp: Language,
    tasks: Iterable[Task],
    *,
    batch_size: int,
    n_process: int,
    on_error: OnError,
) -> Iterator[tuple[Task, Doc | Exception]]:
    """``(task, doc)`` for every task, in order; ``(task, exception)`` for a task that failed.

    With ``on_error="raise"`` the first failure is raised instead.
    """
    source = iter(tasks)
    in_flight: deque[Task] = deque()
    replay: list[Task] = []
    processes = n_process

    def feed() -> Iterator[tuple[Doc | str, int]]:
        pending, replay[:] = list(replay), []
        for task in itertools.chain(pending, source):
            in_flight.append(task)
            try:
                doc: Doc | str = task.make_doc(nlp)
            except Exception as exc:  # left for `alone` to report: never sent
                task.broken = exc
                continue
            yield doc, task.key

    def alone(task: Task) -> tuple[Task, Doc | Exception]:
        result = run_alone(nlp, task)
        if isinstance(result, Exception) and on_error == "raise":
            # The component's own exception, as a single-process run would raise it.
            raise result.error if isinstance(result, ComponentError) else result
        return task, result

    while True:
        try:
            for doc, key in nlp.pipe(
                feed(), as_tuples=True, batch_size=batch_size, n_process=processes
            ):
                while in_flight[0].key != key:  # dropped by an error handler
                    yield alone(in_flight.popleft())
                yield in_flight.popleft(), doc
            while in_flight:
                yield alone(in_flight.popleft())
            return
        except Exception as exc:
            if processes != 1 and not _is_pipeline_error(exc):
                warnings.warn(
                    f"factex: could not run {processes} processes ({type(exc).__name__}: "
                    f"{exc}); carrying on with one process, no document is lost",
                    RuntimeWarning,
                    stacklevel=2,
                )
                processes = 1
                replay.extend(in_flight)
                in_flight.clear()
                continue
            if on_error == "raise" and processes == 1:
                raise
            # The Docs in flight never came back: run each alone to find the one that fails.
            while in_flight:
                yield alone(in_flight.popleft())


def run_alone(nlp: Language, task: Task) -> Doc | Exception:
    """Run one task through each component in turn; the exception names the component."""
    if task.broken is not None:
        return task.broken
    try:
        doc = task.make_doc(nlp)
    except Exception as exc:
        return exc
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as exc:
            return ComponentError(name, exc)
    return doc


class ComponentError(RuntimeError):
    """A pipeline component failed on one document."""

    def __init__(self, component: str, error: Exception) -> None:
        super().__init__(f"component {component!r} failed: {type(error).__name__}: {error}")
        self.component = component
        self.error = error


def _is_pipeline_error(exc: Exception) -> bool:
    # spaCy reports an exception raised by a component inside a worker process as E871.
    return "[E871]" in str(exc)


def _describe(exc: Exception) -> str:
    if isinstance(exc, ComponentError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"

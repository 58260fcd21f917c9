"""Jobs through ``nlp.pipe`` in this process: one result per job, in order, whatever goes wrong.

The first piece of every job streams through :func:`robust_pipe`; the other pieces of a long text
run once the first is back, so that a publication date detected at the top of a text is the
reference for the whole of it (the same rule as :func:`factex.extract`).

Nothing is lost when one document breaks a component: a Doc that never comes back out of
``nlp.pipe`` (dropped by an error handler, or in a batch that failed) is run again alone, which
either recovers it or gives the exact error for that one item. With ``n_process`` > 1 this is
spaCy's multiprocessing (:mod:`factex.run.pool` forks its own workers where it can); when its
processes cannot start or die, the run warns and carries on with one process.
"""

from __future__ import annotations

import itertools
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from factex.components.extensions import published_reference, register_extensions
from factex.facts import Facts
from factex.io.convert import records_from_doc
from factex.normalize.frame import Frame
from factex.records import Record
from factex.run.chunking import split_text
from factex.run.masking import mask
from factex.run.restatements import fold_restatements

OnError = Literal["raise", "record", "skip"]


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
        return cls(
            index,
            item_id,
            text,
            reference,
            list(split_text(clean, limit)),
            masked=clean is not text,
        )


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
        # spaCy keeps every character: the components' shared text needs no join of the tokens
        doc._.factex_text = self.text
        doc._.factex_published = self.published
        doc._.factex_published_source = self.source if self.published else None
        return doc


def pipe_jobs(
    nlp: Language,
    jobs: Iterable[Job],
    *,
    batch_size: int,
    n_process: int,
    on_error: OnError,
) -> Iterator[Facts]:
    """One :class:`Facts` per job, in order (none for failed jobs with ``on_error="skip"``)."""
    register_extensions()
    waiting: deque[Job] = deque()  # every job read, up to the one whose first piece is next
    by_key: dict[int, Job] = {}
    counter = itertools.count()

    def first_pieces() -> Iterator[Task]:
        for job in jobs:
            waiting.append(job)
            if job.error is None:
                task = _task(next(counter), job.pieces[0][1], job.reference)
                by_key[task.key] = job
                yield task

    for task, result in robust_pipe(
        nlp, first_pieces(), batch_size=batch_size, n_process=n_process, on_error=on_error
    ):
        job = by_key.pop(task.key)
        while waiting[0] is not job:  # jobs that failed before reaching the pipeline
            yield from _failed(waiting.popleft(), on_error)
        waiting.popleft()
        if isinstance(result, Exception):
            job.error = _describe(result)
        else:
            facts = _complete(nlp, job, result, on_error)
            if facts.error is None:
                yield facts
                continue
            job.error = facts.error
        yield from _failed(job, on_error)
    while waiting:
        yield from _failed(waiting.popleft(), on_error)


def _failed(job: Job, on_error: OnError) -> Iterator[Facts]:
    """The Facts that says why ``job`` failed (nothing with ``on_error="skip"``)."""
    if job.error is not None and on_error != "skip":
        yield Facts(text=job.text, id=job.id, error=job.error)


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
    # after every piece: a figure retold past a piece boundary is still one figure
    records = fold_restatements(records, nlp.lang or "fr")
    return Facts(
        text=job.text,
        records=tuple(records),
        published=reference.dt.date() if reference else None,
        published_source=source if published else None,
        id=job.id,
        # a long text's frame is its first piece's: the headline and lede are there
        frame=Frame.from_dict(first._.factex_frame).shifted(job.pieces[0][0]),
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

    while True:
        try:
            for doc, key in nlp.pipe(
                feed(), as_tuples=True, batch_size=batch_size, n_process=processes
            ):
                while in_flight[0].key != key:  # dropped by an error handler
                    yield _alone(nlp, in_flight.popleft(), on_error)
                yield in_flight.popleft(), doc
            while in_flight:
                yield _alone(nlp, in_flight.popleft(), on_error)
            return
        except Exception as exc:
            if processes != 1 and not _is_pipeline_error(exc):
                warn_one_process(processes, exc, stacklevel=3)
                processes = 1
                replay.extend(in_flight)
                in_flight.clear()
                continue
            if on_error == "raise" and processes == 1:
                raise
            # The Docs in flight never came back: run each alone to find the one that fails.
            while in_flight:
                yield _alone(nlp, in_flight.popleft(), on_error)


def _alone(nlp: Language, task: Task, on_error: OnError) -> tuple[Task, Doc | Exception]:
    result = run_alone(nlp, task)
    if isinstance(result, Exception) and on_error == "raise":
        # The component's own exception, as a single-process run would raise it.
        raise result.error if isinstance(result, ComponentError) else result
    return task, result


def warn_one_process(processes: int, exc: BaseException | None, stacklevel: int) -> None:
    """Say that ``processes`` processes could not run and that the run goes on in one."""
    warnings.warn(
        f"factex: could not run {processes} processes ({type(exc).__name__}: {exc}); "
        "carrying on with one process, no document is lost",
        RuntimeWarning,
        stacklevel=stacklevel + 1,
    )


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

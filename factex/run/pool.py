"""Several processes for :func:`factex.extract_many`: texts go out, finished Facts come back.

spaCy's ``nlp.pipe(n_process=...)`` tokenizes in the parent, ships each Doc to a worker as bytes
and ships the annotated Doc back (tensor included), so the parent does a good share of the work
and the speed-up stays well below the number of processes. Here each worker runs the whole
extraction on a batch of jobs (:func:`~factex.run.batch.pipe_jobs` in one process) and returns
the Facts: small frozen records instead of Docs. Workers are forked, so they share the parent's
loaded pipeline without pickling it. Elsewhere (macOS, Windows) or when the program chose another
start method, :func:`fork_available` is False and the caller uses spaCy's own multiprocessing.

A worker that dies (killed for memory, say) breaks the pool: the batches not yet back run again
in the parent process, with a warning, so nothing is lost.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from factex.facts import Facts
from factex.run.batch import Job, OnError, pipe_jobs, warn_one_process

# The pipeline a forked worker uses: set in the parent just before the workers are forked.
_WORKER_NLP: Language | None = None


def fork_available() -> bool:
    """True on Linux unless the program chose another start method than ``fork``.

    macOS has ``fork`` but its system libraries are not fork-safe (Python's default there is
    ``spawn``), and Windows has no ``fork``: both use spaCy's multiprocessing instead.
    """
    chosen = multiprocessing.get_start_method(allow_none=True)
    return sys.platform.startswith("linux") and chosen in (None, "fork")


def _work(jobs: list[Job], batch_size: int, on_error: OnError) -> list[Facts]:
    assert _WORKER_NLP is not None, "factex worker started without a pipeline"
    return list(pipe_jobs(_WORKER_NLP, jobs, batch_size=batch_size, n_process=1, on_error=on_error))


def run_forked(
    nlp: Language,
    jobs: Iterable[Job],
    *,
    batch_size: int,
    n_process: int,
    on_error: OnError,
) -> Iterator[Facts]:
    """Facts of ``jobs`` in order, computed by ``n_process`` forked workers."""
    global _WORKER_NLP
    deferred: list[Exception] = []

    def read(source: Iterable[Job]) -> Iterator[Job]:
        # A bad item (on_error="raise") must surface after the results of the items before it.
        try:
            yield from source
        except Exception as exc:
            deferred.append(exc)

    source = read(jobs)
    # Tasks smaller than a spaCy batch keep both workers busy to the end of a short run.
    task_size = max(1, batch_size // 4)
    batches = iter(lambda: list(itertools.islice(source, task_size)), [])
    in_flight: deque[tuple[list[Job], Future[list[Facts]]]] = deque()
    _WORKER_NLP = nlp
    executor = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"))

    def submit(batch: list[Job]) -> None:
        try:
            future = executor.submit(_work, batch, batch_size, on_error)
        except Exception as exc:  # workers could not start, e.g. inside a daemonic process
            raise _StartFailure(batch) from exc
        in_flight.append((batch, future))

    with executor:
        try:
            # A few tasks per worker in flight: workers never wait, memory stays bounded.
            for batch in itertools.islice(batches, 4 * n_process):
                submit(batch)
            while in_flight:
                results = in_flight[0][1].result()
                in_flight.popleft()
                for batch in itertools.islice(batches, 1):
                    submit(batch)
                yield from results
        except Exception as exc:
            cause = exc.__cause__ if isinstance(exc, _StartFailure) else exc
            if on_error == "raise" and not isinstance(exc, _StartFailure) and not _broken(exc):
                raise
            pending = [job for batch, _ in in_flight for job in batch]
            if isinstance(exc, _StartFailure):
                pending.extend(exc.batch)
            executor.shutdown(wait=False, cancel_futures=True)
            yield from _alone(nlp, cause, n_process, pending, source, batch_size, on_error)
    _WORKER_NLP = None
    if deferred:
        raise deferred[0]


class _StartFailure(Exception):
    """Worker processes could not be started; ``batch`` was not submitted."""

    def __init__(self, batch: list[Job]) -> None:
        super().__init__("could not start worker processes")
        self.batch = batch


def _alone(
    nlp: Language,
    exc: BaseException | None,
    n_process: int,
    pending: list[Job],
    rest: Iterator[Job],
    batch_size: int,
    on_error: OnError,
) -> Iterator[Facts]:
    warn_one_process(n_process, exc, stacklevel=3)
    yield from pipe_jobs(
        nlp,
        itertools.chain(pending, rest),
        batch_size=batch_size,
        n_process=1,
        on_error=on_error,
    )


def _broken(exc: BaseException) -> bool:
    return isinstance(exc, (BrokenProcessPool, OSError, EOFError))

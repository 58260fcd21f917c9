"""Running jobs (checked texts, cut into pieces) through the pipeline, one result per job, in order.

``batch.py``     jobs through ``nlp.pipe`` in this process (or spaCy's processes), nothing lost
``pool.py``      forked worker processes, each running ``batch.py`` on its share of the jobs
``chunking.py``  long texts cut at paragraph or sentence boundaries
``masking.py``   invisible characters and markup blanked out, every offset kept
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from spacy.language import Language

from factex.facts import Facts
from factex.run.batch import Job, OnError, pipe_jobs
from factex.run.pool import fork_available, run_forked

__all__ = ["Job", "OnError", "run_jobs"]


def run_jobs(
    nlp: Language,
    jobs: Iterable[Job],
    *,
    batch_size: int,
    n_process: int,
    on_error: OnError,
) -> Iterator[Facts]:
    """One :class:`Facts` per job, in order (none for failed jobs with ``on_error="skip"``).

    ``n_process`` other than 1 forks workers where ``fork`` is safe (:mod:`factex.run.pool`);
    elsewhere spaCy's own processes run the pipeline (:func:`factex.run.batch.pipe_jobs`).
    """
    if n_process != 1 and fork_available():
        workers = n_process if n_process > 0 else (os.cpu_count() or 1)
        yield from run_forked(
            nlp, jobs, batch_size=batch_size, n_process=workers, on_error=on_error
        )
        return
    yield from pipe_jobs(nlp, jobs, batch_size=batch_size, n_process=n_process, on_error=on_error)

"""factex.extract() from 8 threads at once, on the one cached pipeline, gives the serial result."""

from __future__ import annotations

import threading
from typing import Any

from spacy.language import Language

import factex
from tests.conftest import ROOT, read_jsonl

GOLD = ROOT / "benchmarks" / "gold"
THREADS = 8


def documents(count: int = 200) -> list[tuple[str, str | None]]:
    """``count`` texts made of one to four gold sentences, with and without a published date."""
    cases = [case for path in sorted(GOLD.glob("*.jsonl")) for case in read_jsonl(path)]
    docs = []
    for n in range(count):
        picked = [cases[(n * 37 + k * 101) % len(cases)] for k in range(1 + n % 4)]
        joiner = "\n\n" if n % 2 else " "  # paragraphs, or one running paragraph
        published = None if n % 5 == 0 else picked[0].get("published")  # None: detected or not
        docs.append((joiner.join(case["text"] for case in picked), published))
    return docs


def test_eight_threads_at_once_get_the_serial_result(nlp: Language) -> None:
    docs = documents()
    serial = [factex.extract(text, published).to_dicts() for text, published in docs]
    threaded: list[list[dict[str, Any]] | None] = [None] * len(docs)
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(first: int) -> None:
        try:
            start.wait(timeout=60)  # all threads begin together, on the one cached pipeline
            for n in range(first, len(docs), THREADS):
                threaded[n] = factex.extract(*docs[n]).to_dicts()
        except BaseException as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors, errors
    assert threaded == serial
    assert sum(map(len, serial)) > 4 * len(docs)  # real work was compared, not empties
    assert len({text for text, _ in docs}) == len(docs)

"""Streaming many texts through ``nlp.pipe`` while keeping every item's result, in order."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from factex.chunking import split_text
from factex.facts import Facts

logger = logging.getLogger("factex")


@dataclass
class _Item:
    index: int
    id: Any
    text: str = ""
    reference: date | None = None
    pieces: int = 0
    error: str | None = None


def run_batch(
    nlp: Language,
    items: Iterable[Any],
    default: date | None,
    *,
    batch_size: int,
    n_process: int,
    on_error: str,
) -> Iterator[Facts]:
    from factex.api import CHUNK_CHARS, _facts_from_docs, _make_doc, _normalise_item

    pending: deque[_Item] = deque()
    limit = min(CHUNK_CHARS, nlp.max_length)

    def docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for index, raw in enumerate(items):
            try:
                item_id, text, reference = _normalise_item(raw, index, default)
            except (TypeError, ValueError) as exc:
                if on_error == "raise":
                    raise
                fallback_id = raw.get("id", index) if isinstance(raw, dict) else index
                pending.append(_Item(index, fallback_id, error=f"{type(exc).__name__}: {exc}"))
                continue
            pieces = list(split_text(text, limit))
            pending.append(_Item(index, item_id, text, reference, len(pieces)))
            iso = reference.isoformat() if reference else None
            for offset, piece in pieces:
                yield _make_doc(nlp, piece, iso, "given" if iso else None), (index, offset)

    def flush_errors(upto: int) -> Iterator[Facts]:
        while pending and pending[0].index < upto:
            lost = pending.popleft()
            if lost.error is None:  # a Doc that the pipeline dropped after an error
                lost.error = "the pipeline failed on this item"
            if on_error == "record":
                yield Facts(text=lost.text, id=lost.id, error=lost.error)

    current: list[tuple[int, Doc]] = []
    for doc, (index, offset) in nlp.pipe(
        docs(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        yield from flush_errors(index)
        current.append((offset, doc))
        head = pending[0]
        if len(current) == head.pieces:
            pending.popleft()
            yield _facts_from_docs(head.text, head.reference, current, head.id)
            current = []
    yield from flush_errors(len(pending) and pending[-1].index + 1)

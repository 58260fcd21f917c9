"""The public entry points: :func:`load`, :func:`extract`, :func:`extract_many`, :func:`evaluate`.

This module checks what users pass in (so mistakes get a clear error here, not a traceback from
inside spaCy), keeps one pipeline per model, turns the items into jobs for :mod:`factex.run`
and hands back :class:`~factex.facts.Facts`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from spacy.language import Language

from factex.evaluation.score import Report, Source, load_cases, score
from factex.facts import Facts
from factex.normalize.dates import Published as Published
from factex.normalize.dates import parse_published as parse_published
from factex.pipeline import build
from factex.run import Job, OnError, run_jobs

#: Texts longer than this are processed in pieces (cut at paragraph or sentence boundaries), one
#: piece at a time. Measured on a 1 MB text: peak RSS 730 MB with 50 000-character pieces, 960 MB
#: with 100 000 (model loaded: 500 MB), same records. spaCy refuses texts past ``max_length``.
CHUNK_CHARS = 50_000

_PIPELINES: dict[tuple[str | None, str], Language] = {}
_LOCK = threading.Lock()


def load(model: str | None = None, lang: str = "fr") -> Language:
    """The spaCy pipeline with factex's components, built once per (model, lang) and cached."""
    key = (model, lang)
    with _LOCK:
        if key not in _PIPELINES:
            _PIPELINES[key] = build(model, lang)
        return _PIPELINES[key]


def check_text(text: Any) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a TypeError saying what was expected."""
    if isinstance(text, str):
        return text
    hint = ""
    if isinstance(text, (bytes, bytearray)):
        hint = "; decode it first, e.g. data.decode('utf-8')"
    raise TypeError(f"factex expects the text as str, got {type(text).__name__}{hint}")


def extract(text: str, published: Published = None, *, nlp: Language | None = None) -> Facts:
    """Extract every fact record from one French text.

    ``published`` (ISO string, date or datetime) resolves relative dates ("lundi", "l'an
    dernier"); without it factex looks for a publication date in the text itself. Texts longer
    than :data:`CHUNK_CHARS` are processed in pieces cut at paragraph or sentence boundaries;
    offsets always refer to ``text``.
    """
    text = check_text(text)
    reference = parse_published(published)
    pipeline = nlp if nlp is not None else load()
    job = Job.of(0, None, text, reference, chunk_limit(pipeline))
    return next(run_jobs(pipeline, [job], batch_size=1, n_process=1, on_error="raise"))


def chunk_limit(nlp: Language) -> int:
    """The longest piece of text given to the pipeline at once."""
    return max(2, min(CHUNK_CHARS, nlp.max_length))


def extract_many(
    items: Iterable[Any],
    published: Published = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    on_error: OnError = "raise",
    nlp: Language | None = None,
) -> Iterator[Facts]:
    """Extract facts from many texts through ``nlp.pipe``: one :class:`Facts` per item, in order.

    Items are strings, dicts ``{"id", "text", "published"}`` or tuples ``(id, text)`` /
    ``(id, text, published)``; ``published`` is the default reference date, for items that do
    not give their own. Each result's ``id`` is the item's id (its position for plain strings).

    ``n_process`` > 1 runs the pipeline in several processes; where they cannot start (no
    ``fork`` and a pipeline that cannot be pickled, a daemonic worker...) factex warns and goes
    on with one process, losing nothing. Results are the same whatever ``n_process``.

    ``on_error``: with ``"raise"`` (the default) the first bad item or failing document raises;
    with ``"record"`` it yields a Facts whose ``error`` says what was wrong, and with
    ``"skip"`` it yields nothing for it. Either way every other item keeps all its results.
    """
    if on_error not in ("raise", "record", "skip"):
        raise ValueError(f"on_error must be 'raise', 'record' or 'skip', got {on_error!r}")
    if isinstance(items, (str, bytes, dict)):
        raise TypeError(
            f"extract_many expects an iterable of items, got a single {type(items).__name__}; "
            "use factex.extract() for one text, or wrap it in a list"
        )
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or n_process == 0 or n_process < -1:
        raise ValueError(f"n_process must be a positive int or -1 (all cores), got {n_process!r}")
    default = parse_published(published)
    pipeline = nlp if nlp is not None else load()
    jobs = make_jobs(items, default, chunk_limit(pipeline), on_error)
    return run_jobs(
        pipeline, jobs, batch_size=batch_size, n_process=n_process, on_error=on_error
    )


def evaluate(
    sources: Source | Iterable[Source],
    *,
    kinds: Iterable[str] | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Report:
    """Run factex over gold cases (JSONL paths, GoldCase objects or dicts) and score it.

    Raises :class:`~factex.evaluation.gold.GoldError` for an unreadable gold file, naming the
    line. What is scored, and how, is :mod:`factex.evaluation.score`'s business.
    """
    groups = load_cases(sources)
    cases = [c for group in groups.values() for c in group]
    items = [{"id": c.id, "text": c.text, "published": c.published} for c in cases]
    predictions: list[list[dict[str, Any]]] = []
    errors: list[str] = []
    for case, facts in zip(
        cases, extract_many(items, batch_size=batch_size, on_error="record", nlp=nlp), strict=True
    ):
        if facts.error:
            errors.append(f"{case.where or case.id}: extraction failed: {facts.error}")
        predictions.append(facts.to_dicts())
    report = score(cases, predictions, kinds)
    report.sources = list(groups)
    report.errors = errors
    if len(groups) > 1:
        start = 0
        for name, group in groups.items():
            report.parts[name] = score(group, predictions[start : start + len(group)], kinds)
            start += len(group)
    return report


# -- items of extract_many ------------------------------------------------------------------

_ITEM_SHAPES = "a str, a dict {'id', 'text', 'published'} or a tuple (id, text[, published])"


class ItemError(Exception):
    """An item that cannot be read; ``item_id`` is its id as far as it could be found."""

    def __init__(self, item_id: Any, error: Exception) -> None:
        super().__init__(str(error))
        self.item_id = item_id
        self.error = error


def read_item(item: Any, index: int, default: date | None) -> tuple[Any, str, date | None]:
    """``(id, text, reference)`` of one item; raises :class:`ItemError` naming what is wrong.

    >>> read_item(("a1", "Texte.", "2018-07-03"), 0, None)
    ('a1', 'Texte.', datetime.date(2018, 7, 3))
    >>> read_item({"text": "Texte."}, 4, None)
    (4, 'Texte.', None)
    """
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
    """One job per item, in order; an item that cannot be read is a job with its error."""
    for index, item in enumerate(items):
        try:
            item_id, text, reference = read_item(item, index, default)
        except ItemError as exc:
            if on_error == "raise":
                raise type(exc.error)(f"item {index}: {exc.error}") from None
            yield Job(index, exc.item_id, error=f"{type(exc.error).__name__}: {exc.error}")
            continue
        yield Job.of(index, item_id, text, reference, limit)

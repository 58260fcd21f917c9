"""The public entry points: :func:`load`, :func:`extract` and :func:`extract_many`.

This module checks what users pass in (so mistakes get a clear error here, not a traceback from
inside spaCy), keeps one pipeline per model, cuts texts that are too long for one spaCy ``Doc``
and turns annotated Docs into :class:`~factex.facts.Facts`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from factex.chunking import split_text
from factex.components.extensions import register_extensions
from factex.convert import records_from_doc
from factex.facts import Facts
from factex.pipeline import build
from factex.records import Record

Published = str | date | datetime | None
OnError = Literal["raise", "record", "skip"]

#: Texts longer than this are processed in pieces (cut at paragraph or sentence boundaries):
#: spaCy's parser needs about 1 GB per 100 000 characters, and refuses texts past ``max_length``.
CHUNK_CHARS = 100_000

_PIPELINES: dict[tuple[str | None, str], Language] = {}
_LOCK = threading.Lock()


def load(model: str | None = None, lang: str = "fr") -> Language:
    """The spaCy pipeline with factex's components, built once per (model, lang) and cached."""
    key = (model, lang)
    with _LOCK:
        if key not in _PIPELINES:
            _PIPELINES[key] = build(model, lang)
        return _PIPELINES[key]


def parse_published(published: Published) -> date | None:
    """Check and convert a reference date given as ``str`` (ISO 8601), ``date`` or ``datetime``.

    >>> parse_published("2018-07-03")
    datetime.date(2018, 7, 3)
    >>> parse_published("2018-07-03T10:15:00+02:00")
    datetime.date(2018, 7, 3)
    >>> parse_published("3 juillet")
    Traceback (most recent call last):
    ...
    ValueError: published='3 juillet' is not a date: give an ISO 8601 string such as '2018-07-03', a datetime.date or a datetime.datetime
    """
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        text = published.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
        raise ValueError(
            f"published={published!r} is not a date: give an ISO 8601 string such as "
            "'2018-07-03', a datetime.date or a datetime.datetime"
        )
    raise TypeError(
        f"published must be str, datetime.date, datetime.datetime or None, "
        f"got {type(published).__name__}"
    )


def check_text(text: Any) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a TypeError saying what was expected."""
    if isinstance(text, str):
        return text
    hint = ""
    if isinstance(text, (bytes, bytearray)):
        hint = "; decode it first, e.g. data.decode('utf-8')"
    elif text is None:
        hint = "; got None"
    raise TypeError(f"factex expects the text as str, got {type(text).__name__}{hint}")


def extract(text: str, published: Published = None, *, nlp: Language | None = None) -> Facts:
    """Extract every fact record from one French text.

    ``published`` (ISO string, date or datetime) resolves relative dates ("lundi", "l'an
    dernier"); without it factex looks for a publication date in the text itself.
    """
    text = check_text(text)
    reference = parse_published(published)
    pipeline = nlp if nlp is not None else load()
    return _facts_from_docs(text, reference, _run_chunks(pipeline, text, reference))


def _run_chunks(nlp: Language, text: str, reference: date | None) -> Iterator[tuple[int, Doc]]:
    source = "given" if reference else None
    iso = reference.isoformat() if reference else None
    for offset, chunk in split_text(text, min(CHUNK_CHARS, nlp.max_length)):
        doc = _make_doc(nlp, chunk, iso, source)
        doc = nlp(doc)
        # A date found in the first piece is the reference for the rest of the text too.
        iso, source = doc._.factex_published, doc._.factex_published_source
        yield offset, doc


def _make_doc(nlp: Language, text: str, published: str | None, source: str | None) -> Doc:
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.factex_published = published
    doc._.factex_published_source = source if published else None
    return doc


def _facts_from_docs(
    text: str, reference: date | None, pieces: Iterable[tuple[int, Doc]], item_id: Any = None
) -> Facts:
    records: list[Record] = []
    published, source = reference, "given" if reference else None
    for offset, doc in pieces:
        records.extend(records_from_doc(doc, offset))
        if doc._.factex_published and published is None:
            published = date.fromisoformat(doc._.factex_published)
            source = doc._.factex_published_source
    return Facts(
        text=text,
        records=tuple(records),
        published=published,
        published_source=source if published else None,
        id=item_id,
    )


def _normalise_item(item: Any, index: int, published: Published) -> tuple[Any, str, date | None]:
    """(id, text, reference date) of one batch item: a str, a dict or an (id, text[, published]) tuple."""
    item_id: Any = index
    item_published: Any = published
    if isinstance(item, dict):
        if "text" not in item:
            raise TypeError(f"item {index}: a dict item needs a 'text' key, got keys {sorted(item)}")
        item_id = item.get("id", index)
        item_published = item.get("published", published)
        text = item["text"]
    elif isinstance(item, tuple):
        if len(item) not in (2, 3):
            raise TypeError(f"item {index}: a tuple item is (id, text) or (id, text, published)")
        item_id, text = item[0], item[1]
        if len(item) == 3:
            item_published = item[2]
    else:
        text = item
    return item_id, check_text(text), parse_published(item_published)


def extract_many(
    items: Iterable[Any],
    published: Published = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    on_error: OnError = "raise",
    nlp: Language | None = None,
) -> Iterator[Facts]:
    """Extract facts from many texts, streaming through ``nlp.pipe``; one :class:`Facts` per item, in order.

    Items are strings, dicts ``{"id", "text", "published"}`` or tuples ``(id, text)`` /
    ``(id, text, published)``; ``published`` is the default reference date. With
    ``on_error="record"`` a bad item yields a Facts whose ``error`` says what was wrong, with
    ``"skip"`` it yields nothing, with ``"raise"`` (the default) the error is raised.
    """
    from factex.batch import run_batch

    if on_error not in ("raise", "record", "skip"):
        raise ValueError(f"on_error must be 'raise', 'record' or 'skip', got {on_error!r}")
    default = parse_published(published)
    pipeline = nlp if nlp is not None else load()
    yield from run_batch(
        pipeline,
        items,
        default,
        batch_size=batch_size,
        n_process=n_process,
        on_error=on_error,
    )

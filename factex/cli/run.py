"""The documents a command line names and their extraction: what ``extract`` and ``table`` share."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from factex.api import extract_many, load, parse_published
from factex.cli.errors import UsageError, say
from factex.cli.progress import progress_bar
from factex.facts import Facts
from factex.io import readers


@dataclass
class ExtractRun:
    """The documents a command line names, and their extraction with a progress bar.
    Input mistakes raise :class:`UsageError`."""

    args: argparse.Namespace
    published: Any
    documents: Iterable[readers.Document | readers.ReadError]
    total: int
    failures: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def start(cls, args: argparse.Namespace) -> ExtractRun:
        try:
            published = parse_published(args.published)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if args.n_process < 1 or args.batch_size < 1:
            raise UsageError("--n-process and --batch-size must be at least 1")
        files = _files(args.paths)
        fields = readers.JsonlFields(args.text_field, args.id_field, args.published_field)
        documents: Iterable[readers.Document | readers.ReadError]
        documents = readers.read_inputs(files, fields, stdin_format=args.stdin_format)
        total = readers.count_documents(files)
        if total is None:  # stdin: read it now so that the progress bar knows the total
            documents = list(documents)
            total = len(documents)
        return cls(args, published, documents, total)

    @contextmanager
    def extracting(self) -> Iterator[Iterator[Facts]]:
        """The Facts of the readable documents, in order, while a progress bar runs on stderr
        (more than one document, no ``-q``); failures are kept for :meth:`report`."""
        nlp = load_model(self.args.model)
        show_progress = self.total > 1 and not self.args.quiet
        with progress_bar(self.total, show_progress) as advance:
            yield _extract(self.documents, self.published, self.args, nlp, self.failures, advance)

    def report(self) -> int:
        """List the failures on stderr; the exit code (0, or 1 when some input failed)."""
        if not self.failures:
            return 0
        say(f"{len(self.failures)} of {self.total} input(s) failed:")
        for where, message in self.failures:
            print(f"  {where}: {message}", file=sys.stderr)
        return 1


def _files(paths: list[str]) -> list[str]:
    paths = list(paths)
    if not paths:
        if sys.stdin.isatty():
            raise UsageError("give at least one PATH (file or folder), or - to read stdin")
        paths = [readers.STDIN]
    try:
        files = readers.expand_paths(paths)
    except readers.MissingInputError as exc:
        raise UsageError(str(exc)) from None
    if not files:
        raise UsageError(
            "no documents found: folders are searched for "
            + " ".join(f"*{s}" for s in sorted(readers.SUFFIXES))
        )
    return files


def load_model(model: str | None) -> Any:
    """The pipeline, or a usage error naming the model that could not be loaded."""
    try:
        return load(model)
    except OSError as exc:  # spaCy's "can't find model" is an OSError
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"cannot load the model {model or 'fr_core_news_md'}: {first}") from None


def _extract(
    documents: Iterable[readers.Document | readers.ReadError],
    published: Any,
    args: argparse.Namespace,
    nlp: Any,
    failures: list[tuple[str, str]],
    advance: Any,
) -> Iterator[Facts]:
    """Facts of the readable documents, in order; read and extraction errors go to ``failures``."""

    def items() -> Iterator[dict[str, Any]]:
        for doc in documents:
            if isinstance(doc, readers.ReadError):
                failures.append((doc.id, doc.message))
                advance()
            else:
                yield doc.as_item()

    for facts in extract_many(
        items(),
        published=published,
        batch_size=args.batch_size,
        n_process=args.n_process,
        on_error="record",
        nlp=nlp,
    ):
        advance()
        if facts.error:
            failures.append((str(facts.id), facts.error))
        else:
            yield facts

"""The documents a command line names and their extraction: what ``extract`` and ``table`` share."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from factex.api import CHUNK_CHARS, extract_many, load
from factex.cli.dates import parse_date_option
from factex.cli.errors import UsageError, say
from factex.cli.progress import Bar, progress_bar
from factex.facts import Facts
from factex.io import readers
from factex.io.decoding import check_encoding


@dataclass
class ExtractRun:
    """The documents a command line names, and their extraction with a progress bar.
    Input mistakes raise :class:`UsageError`."""

    args: argparse.Namespace
    published: Any
    documents: Iterable[readers.Document | readers.ReadError]
    total: int
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, args: argparse.Namespace) -> ExtractRun:
        published = parse_date_option(args.published)
        if args.n_process < 1 or args.batch_size < 1:
            raise UsageError("--n-process and --batch-size must be at least 1")
        try:
            encoding = check_encoding(args.encoding)
        except ValueError as exc:
            raise UsageError(f"--encoding {exc}") from None
        files = _files(args.paths)
        notes: list[str] = []
        documents: Iterable[readers.Document | readers.ReadError] = readers.read_inputs(
            files,
            _fields(args),
            stdin_format=args.stdin_format,
            encoding=encoding,
            notes=lambda source, note: notes.append(f"{source}: {note}"),
        )
        total = readers.count_documents(files)
        if total is None:  # stdin: read it now so that the progress bar knows the total
            documents = list(documents)
            total = len(documents)
        return cls(args, published, documents, total, files=files, notes=notes)

    @property
    def shows_progress(self) -> bool:
        """A bar on stderr: stderr a terminal, no ``-q``, and more than one document or one
        long enough to be cut into pieces."""
        if self.args.quiet or not sys.stderr.isatty() or self.total < 1:
            return False
        return self.total > 1 or self.characters > CHUNK_CHARS

    def holds_output(self, out: str | None) -> bool:
        """Whether results must wait for the bar to end: stdout is the same terminal."""
        return self.shows_progress and out in (None, "-") and sys.stdout.isatty()

    @contextmanager
    def extracting(self) -> Iterator[Iterator[Facts]]:
        """The Facts of the readable documents, in order, while a progress bar runs on stderr
        (:attr:`shows_progress`); failures are kept for :meth:`report`."""
        nlp = load_model(self.args.model)
        show = self.shows_progress
        chars = self.characters if show else 0
        pieces = nlp if self.args.n_process == 1 else None  # other processes' pieces are unseen
        with progress_bar(self.total, chars, show, pieces) as bar:
            yield self._extract(nlp, bar)

    @cached_property
    def characters(self) -> int:
        """The characters of every readable document: a first, quiet reading of the inputs."""
        if isinstance(self.documents, list):
            return sum(len(d.text) for d in self.documents if isinstance(d, readers.Document))
        again = readers.read_inputs(
            self.files, _fields(self.args), stdin_format=self.args.stdin_format,
            encoding=self.args.encoding,
        )  # fmt: skip
        return sum(len(d.text) for d in again if isinstance(d, readers.Document))

    def report(self) -> int:
        """What the readers decided (an encoding guessed, a JSONL key read under another name)
        and the failures, one ``source[:line]: reason`` line each, on stderr; the exit code
        (0, or 1 when some input failed)."""
        for note in dict.fromkeys(self.notes):
            say(note)
        if not self.failures:
            return 0
        say(f"{len(self.failures)} of {plural(self.total, 'input')} failed:")
        for where, message in self.failures:
            print(f"{where}: {message}", file=sys.stderr)
        return 1

    def _extract(self, nlp: Any, bar: Bar) -> Iterator[Facts]:
        """Facts of the readable documents, in order; read and extraction errors go to
        ``failures`` under the document's source (``path`` or ``path:line``)."""
        sources: deque[str] = deque()

        def items() -> Iterator[dict[str, Any]]:
            for doc in self.documents:
                if isinstance(doc, readers.ReadError):
                    self.failures.append((doc.id, doc.message))
                    bar.document(0)
                else:
                    sources.append(doc.source or doc.id)
                    yield doc.as_item()

        for facts in extract_many(
            items(),
            published=self.published,
            batch_size=self.args.batch_size,
            n_process=self.args.n_process,
            on_error="record",
            nlp=nlp,
        ):
            source = sources.popleft()
            bar.document(len(facts.text))
            if facts.error:
                self.failures.append((source, facts.error))
            else:
                yield facts


def _fields(args: argparse.Namespace) -> readers.JsonlFields:
    """The JSONL keys; a key the user names is read as is, without fallback names."""
    default = readers.JsonlFields()
    return readers.JsonlFields(
        text=args.text_field or default.text,
        id=args.id_field,
        published=args.published_field or default.published,
        text_aliases=() if args.text_field else default.text_aliases,
        published_aliases=() if args.published_field else default.published_aliases,
    )


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s when count is not 1 (English messages).

    >>> plural(1, "input"), plural(3, "input")
    ('1 input', '3 inputs')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _files(paths: list[str]) -> list[str]:
    if not paths:
        raise UsageError("give at least one PATH (file or folder), or - to read a pipe on stdin")
    if readers.STDIN in paths and sys.stdin.isatty():
        raise UsageError("- reads stdin, but stdin is a terminal: pipe text in, or give a PATH")
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

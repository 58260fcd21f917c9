"""The ``factex`` command: ``factex extract PATH...``, ``factex table PATH...`` and
``factex evaluate ...``.

Exit codes: 0 when every input was read and extracted, 1 when some input failed (the others
are still written; the failures are listed on stderr at the end), 2 for a usage mistake
(unknown option, bad ``--published``, a path that does not exist), reported in one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from factex import __version__
from factex.api import evaluate, extract_many, load, parse_published
from factex.evaluation.gold import KINDS, GoldError, normalise_kind
from factex.facts import Facts
from factex.io import readers, writers
from factex.table import FactTable, export

PROG = "factex"


class UsageError(Exception):
    """A mistake in the command line: one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Structured facts (money, percentages, dates, entities, events) "
        "from French news text.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub)
    _add_table(sub)
    _add_evaluate(sub)
    return parser


def _add_extract(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract facts from files, folders, JSONL or stdin",
        description="Extract facts from text/Markdown/HTML files, folders (searched recursively "
        "for .txt .md .html .htm .jsonl), JSONL files (one document per line) or stdin (-). "
        "Writes one row per record, with its document id.",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=writers.FORMATS,
        help="jsonl (default; one record per line), doc-jsonl (one document per line, with its "
        "text: lossless), csv, parquet (needs --out) or table; guessed from --out's suffix",
    )
    p.add_argument("-o", "--out", metavar="FILE", help="output file (default: stdout)")
    p.add_argument(
        "--kinds", metavar="KINDS", help="keep only these kinds, e.g. money,percentage,date"
    )
    _add_inputs(p)
    p.set_defaults(func=run_extract)


def _add_table(sub: Any) -> None:
    p = sub.add_parser(
        "table",
        help="one table of the figures of many articles, with provenance and conflicts",
        description="Extract the inputs as `factex extract` reads them and write one fact table: "
        "a row per subject, metric, period and currency (or unit), with the documents and "
        "offsets it comes from, how many documents agree and the values that conflict.",
    )
    p.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        help="output file, its format by suffix: .parquet, .csv or .jsonl (default: stdout)",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=TABLE_FORMATS,
        help="jsonl (default; one row per line), csv, parquet (needs --out) or table (a readable "
        "table on stdout)",
    )
    _add_inputs(p)
    p.set_defaults(func=run_table)


def _add_inputs(p: argparse.ArgumentParser) -> None:
    """The options of what is read and how it is extracted, shared by extract and table."""
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for stdin")
    p.add_argument(
        "--published",
        metavar="DATE",
        help="default reference date (ISO, e.g. 2018-07-03) for relative dates; a JSONL "
        "published field or an HTML <meta> date overrides it per document",
    )
    p.add_argument(
        "-n", "--n-process", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p.add_argument(
        "--batch-size", type=int, default=32, metavar="N", help="texts per nlp.pipe batch (32)"
    )
    p.add_argument("--model", metavar="NAME", help="spaCy model (default: fr_core_news_md)")
    p.add_argument("--text-field", default="text", metavar="KEY", help="JSONL text key")
    p.add_argument("--id-field", default="id", metavar="KEY", help="JSONL id key")
    p.add_argument("--published-field", default="published", metavar="KEY", help="JSONL date key")
    p.add_argument(
        "--stdin-format",
        choices=("text", "jsonl"),
        default="text",
        help="what - reads: one text (default) or JSONL documents",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _add_evaluate(sub: Any) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score extraction against gold JSONL files",
        description="Score factex against gold JSONL files (one case per line; '-' reads stdin). "
        "Prints span precision/recall/F1 (exact and overlapping) and value accuracy per kind. "
        "Exit code 0: this is a report, not a test (2 for an unreadable gold file).",
    )
    p.add_argument("gold", nargs="+", help="gold JSONL file(s); '-' for standard input")
    p.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"comma-separated kinds to score (default: all: {','.join(KINDS)})",
    )
    p.add_argument(
        "--failures", action="store_true", help="list every failure with expected vs got"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--model", default=None, help="spaCy model to load (default: the language's model)"
    )
    p.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch")
    p.set_defaults(func=run_evaluate)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args) or 0)
    except UsageError as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted")
        return 130


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


# -- extract ---------------------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    fmt = args.format or _format_from_suffix(args.out) or "jsonl"
    if fmt == "parquet" and not args.out:
        raise UsageError("--format parquet writes a binary file: give --out FILE.parquet")
    _check_out(args.out)
    try:
        kinds = writers.parse_kinds(args.kinds) if args.kinds else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    run = _ExtractRun.start(args)
    with run.extracting() as results:
        kept: Iterable[Facts] = (writers.keep_kinds(f, kinds) for f in results)
        if fmt == "table":
            # A table is for reading: it is printed once the progress bar is gone.
            kept = list(kept)
        else:
            _write_safely(kept, fmt, args.out)
    if fmt == "table":
        _write_safely(kept, fmt, args.out)
    return run.report()


def _check_out(out: str | None) -> None:
    if out and out != "-" and not Path(out).resolve().parent.is_dir():
        raise UsageError(f"cannot write {out}: its folder does not exist")


@dataclass
class _ExtractRun:
    """The documents a command line names, and their extraction with a progress bar: what
    ``factex extract`` and ``factex table`` share. Input mistakes raise :class:`UsageError`."""

    args: argparse.Namespace
    published: Any
    documents: Iterable[readers.Document | readers.ReadError]
    total: int
    failures: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def start(cls, args: argparse.Namespace) -> _ExtractRun:
        try:
            published = parse_published(args.published)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if args.n_process < 1 or args.batch_size < 1:
            raise UsageError("--n-process and --batch-size must be at least 1")
        paths = list(args.paths)
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
        nlp = _load(self.args.model)
        show_progress = self.total > 1 and not self.args.quiet
        with _progress(self.total, show_progress) as advance:
            yield _extract(self.documents, self.published, self.args, nlp, self.failures, advance)

    def report(self) -> int:
        """List the failures on stderr; the exit code (0, or 1 when some input failed)."""
        if not self.failures:
            return 0
        _say(f"{len(self.failures)} of {self.total} input(s) failed:")
        for where, message in self.failures:
            print(f"  {where}: {message}", file=sys.stderr)
        return 1


def _write_safely(results: Iterable[Facts], fmt: str, out: str | None) -> None:
    try:
        _write(results, fmt, out)
    except BrokenPipeError:  # e.g. `factex extract ... | head`: stop quietly
        _silence_stdout()
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def _silence_stdout() -> None:
    # Python flushes stdout at exit; with the reader gone that would raise again.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _format_from_suffix(out: str | None) -> str | None:
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    return suffix if suffix in ("jsonl", "csv", "parquet") else None


def _load(model: str | None) -> Any:
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


def _write(results: Iterable[Facts], fmt: str, out: str | None) -> None:
    if fmt == "parquet":
        assert out is not None
        _need_pyarrow()
        writers.write_parquet(results, out)
        return
    if fmt == "table":
        with _open_out(out) as fh:
            writers.write_table(results, _console(fh))
        return
    write = {"jsonl": writers.write_jsonl, "doc-jsonl": writers.write_doc_jsonl}.get(
        fmt, writers.write_csv
    )
    with _open_out(out) as fh:
        write(results, fh)


@contextmanager
def _open_out(out: str | None) -> Iterator[IO[str]]:
    if out is None or out == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def _console(fh: IO[str]) -> Any:
    from rich.console import Console

    interactive = fh.isatty()
    # Piped tables keep a generous width instead of rich's 80 columns.
    console = Console(file=fh, width=None if interactive else 160, soft_wrap=False)
    # rich exits with status 1 on a closed pipe; let _write_safely end quietly as for other formats.
    console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]
    return console


def _broken_pipe() -> None:
    raise BrokenPipeError


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Any]:
    """A callable that advances a progress bar on stderr (a no-op when disabled)."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("docs"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = progress.add_task("extract", total=total)
    with progress:
        yield lambda: progress.advance(task)


# -- table -----------------------------------------------------------------------------------

#: ``factex table`` formats; with ``--out`` the suffix says which of the first three.
TABLE_FORMATS = ("jsonl", "csv", "parquet", "table")


def run_table(args: argparse.Namespace) -> int:
    """``factex table``: the documents read as ``extract`` reads them, one FactTable written."""
    fmt = _table_format(args.format, args.out)
    _check_out(args.out)
    run = _ExtractRun.start(args)
    with run.extracting() as results:
        table = FactTable.from_facts(results)
    try:
        _write_fact_table(table, fmt, args.out)
    except BrokenPipeError:  # e.g. `factex table ... | head`: stop quietly
        _silence_stdout()
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    return run.report()


def _table_format(fmt: str | None, out: str | None) -> str:
    """The format of ``factex table``: ``--out``'s suffix, else ``--format``, else jsonl."""
    if out and out != "-":
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix not in TABLE_FORMATS[:3]:
            raise UsageError(f"cannot tell the format of {out}: name it .parquet, .csv or .jsonl")
        if fmt and fmt != suffix:
            raise UsageError(f"--format {fmt} does not match {out}: drop one of them")
        return suffix
    if fmt == "parquet":
        raise UsageError("--format parquet writes a binary file: give --out FILE.parquet")
    return fmt or "jsonl"


def _write_fact_table(table: FactTable, fmt: str, out: str | None) -> None:
    if fmt == "parquet":
        assert out is not None
        _need_pyarrow()
        table.to_parquet(out)
        return
    with _open_out(out) as fh:
        if fmt == "table":
            export.write_terminal(table, _console(fh))
        elif fmt == "csv":
            export.write_csv(table, fh)
        else:
            export.write_jsonl(table, fh)


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        hint = "pip install 'factex[pandas]'"
        raise UsageError(f"--format parquet needs pyarrow: {hint}") from None


# -- evaluate --------------------------------------------------------------------------------


def run_evaluate(args: argparse.Namespace) -> int:
    """``factex evaluate``: print the report; 0 even when scores are low, 2 for bad input."""
    try:
        kinds = [k for k in args.kinds.split(",") if k.strip()]
        for kind in kinds:
            normalise_kind(kind)  # an unknown kind is a usage mistake, before the model loads
        nlp = load(args.model) if args.model else None
        report = evaluate(args.gold, kinds=kinds, nlp=nlp, batch_size=args.batch_size)
    except (GoldError, ValueError) as exc:
        print(f"{PROG} evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = report.to_dict()
        if not args.failures:
            payload.pop("failures")
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(report.format(failures=args.failures))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

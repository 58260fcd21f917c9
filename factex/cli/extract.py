"""``factex extract``: one row per record (or one line per document), in the format asked."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from factex.cli.errors import UsageError
from factex.cli.output import check_out, console, need_pyarrow, open_out, silence_stdout
from factex.cli.run import ExtractRun
from factex.facts import Facts
from factex.io import writers


def run_extract(args: argparse.Namespace) -> int:
    fmt = output_format(args.format, args.out)
    check_out(args.out)
    try:
        kinds = writers.parse_kinds(args.kinds) if args.kinds else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    run = ExtractRun.start(args)
    with run.extracting() as results:
        kept: Iterable[Facts] = (writers.keep_kinds(f, kinds) for f in results)
        # A table is for reading, and a terminal shared with the bar would mix both: such
        # output is printed once the progress bar is gone.
        held = fmt == "table" or run.holds_output(args.out)
        if held:
            kept = list(kept)
        else:
            _write_safely(kept, fmt, args.out)
    if held:
        _write_safely(kept, fmt, args.out)
    return run.report()


#: The formats a suffix of ``--out`` stands for; the first is the one it means alone.
SUFFIX_FORMATS = {
    ".jsonl": ("jsonl", "doc-jsonl"), ".csv": ("csv",), ".parquet": ("parquet",),
    ".txt": ("table",),
}  # fmt: skip


def output_format(fmt: str | None, out: str | None) -> str:
    """The format to write: ``--format``, else what ``--out``'s suffix says, else jsonl.

    >>> output_format(None, "facts.csv"), output_format("doc-jsonl", "docs.jsonl")
    ('csv', 'doc-jsonl')
    >>> output_format(None, "facts.xlsx")
    Traceback (most recent call last):
    ...
    factex.cli.errors.UsageError: cannot tell the format of facts.xlsx: name it .jsonl, .csv \
or .parquet (.txt for --format table)
    """
    if out is None or out == "-":
        if fmt == "parquet":
            raise UsageError("--format parquet writes a binary file: give --out FILE.parquet")
        return fmt or "jsonl"
    formats = SUFFIX_FORMATS.get(Path(out).suffix.lower())
    if formats is None:
        raise UsageError(
            f"cannot tell the format of {out}: name it .jsonl, .csv or .parquet "
            "(.txt for --format table)"
        )
    if fmt and fmt not in formats:
        raise UsageError(f"--format {fmt} does not match {out}: drop one of them")
    return fmt or formats[0]


def _write_safely(results: Iterable[Facts], fmt: str, out: str | None) -> None:
    try:
        _write(results, fmt, out)
    except BrokenPipeError:  # e.g. `factex extract ... | head`: stop quietly
        silence_stdout()
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def _write(results: Iterable[Facts], fmt: str, out: str | None) -> None:
    if fmt == "parquet":
        assert out is not None
        need_pyarrow()
        writers.write_parquet(results, out)
        return
    if fmt == "table":
        with open_out(out) as fh:
            writers.write_table(results, console(fh))
        return
    write = {"jsonl": writers.write_jsonl, "doc-jsonl": writers.write_doc_jsonl}.get(
        fmt, writers.write_csv
    )
    with open_out(out) as fh:
        write(results, fh)

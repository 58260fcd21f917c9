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
    fmt = args.format or _format_from_suffix(args.out) or "jsonl"
    if fmt == "parquet" and not args.out:
        raise UsageError("--format parquet writes a binary file: give --out FILE.parquet")
    check_out(args.out)
    try:
        kinds = writers.parse_kinds(args.kinds) if args.kinds else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    run = ExtractRun.start(args)
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


def _format_from_suffix(out: str | None) -> str | None:
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    return suffix if suffix in ("jsonl", "csv", "parquet") else None


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

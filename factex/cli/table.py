"""``factex table``: the documents read as ``extract`` reads them, one FactTable written."""

from __future__ import annotations

import argparse
from pathlib import Path

from factex.cli.errors import UsageError
from factex.cli.output import check_out, console, need_pyarrow, open_out, silence_stdout
from factex.cli.run import ExtractRun
from factex.table import FactTable, export

#: ``factex table`` formats; with ``--out`` the suffix says which of the first three.
TABLE_FORMATS = ("jsonl", "csv", "parquet", "table")


def run_table(args: argparse.Namespace) -> int:
    """``factex table``: the documents read as ``extract`` reads them, one FactTable written."""
    fmt = _table_format(args.format, args.out)
    check_out(args.out)
    run = ExtractRun.start(args)
    with run.extracting() as results:
        table = FactTable.from_facts(results)
    try:
        _write_fact_table(table, fmt, args.out)
    except BrokenPipeError:  # e.g. `factex table ... | head`: stop quietly
        silence_stdout()
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
        need_pyarrow()
        table.to_parquet(out)
        return
    with open_out(out) as fh:
        if fmt == "table":
            export.write_terminal(table, console(fh))
        elif fmt == "csv":
            export.write_csv(table, fh)
        else:
            export.write_jsonl(table, fh)

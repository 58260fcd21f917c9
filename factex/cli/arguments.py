"""The command line's options: one parser with the extract, table and evaluate subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from factex import __version__
from factex.cli.errors import PROG
from factex.cli.evaluate import run_evaluate
from factex.cli.extract import run_extract
from factex.cli.table import TABLE_FORMATS, run_table
from factex.evaluation.gold import KINDS
from factex.io import writers
from factex.io.decoding import DEFAULT
from factex.io.readers import JsonlFields


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
    _add_output(
        p,
        writers.FORMATS,
        format_help="jsonl (default; one record per line), doc-jsonl (one document per line, "
        "with its text: lossless), csv, parquet (needs --out) or table; guessed from --out's "
        "suffix",
        out_help="output file (default: stdout)",
    )
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
    _add_output(
        p,
        TABLE_FORMATS,
        format_help="jsonl (default; one row per line), csv, parquet (needs --out) or table "
        "(a readable table on stdout)",
        out_help="output file, its format by suffix: .parquet, .csv or .jsonl (default: stdout)",
    )
    _add_inputs(p)
    p.set_defaults(func=run_table)


def _add_output(
    p: argparse.ArgumentParser, formats: Sequence[str], *, format_help: str, out_help: str
) -> None:
    """-f/--format and -o/--out, shared by extract and table with their own formats."""
    p.add_argument("-f", "--format", choices=formats, help=format_help)
    p.add_argument("-o", "--out", metavar="FILE", help=out_help)


def _add_inputs(p: argparse.ArgumentParser) -> None:
    """The options of what is read and how it is extracted, shared by extract and table."""
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders, or - for a pipe on stdin"
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="default reference date for relative dates: 2024-03-14, 14/03/2024 or "
        "14 mars 2024; a JSONL date field or an HTML <meta> date overrides it per document",
    )
    p.add_argument(
        "--encoding",
        default=DEFAULT,
        metavar="NAME",
        help="encoding of text, Markdown and JSONL files (default: %(default)s); 'auto' tries "
        "UTF-8, then cp1252, then Latin-1 and says which it used. HTML pages also follow "
        "their <meta charset>",
    )
    p.add_argument(
        "-n", "--n-process", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p.add_argument(
        "--batch-size", type=int, default=32, metavar="N", help="texts per nlp.pipe batch (32)"
    )
    p.add_argument("--model", metavar="NAME", help="spaCy model (default: fr_core_news_md)")
    defaults = JsonlFields()
    p.add_argument("--text-field", metavar="KEY", help=_field_help("text", defaults.text_aliases))
    p.add_argument("--id-field", default="id", metavar="KEY", help="JSONL id key (default: id)")
    p.add_argument(
        "--published-field",
        metavar="KEY",
        help=_field_help("published", defaults.published_aliases, "publication date"),
    )
    p.add_argument(
        "--stdin-format",
        choices=("text", "jsonl"),
        default="text",
        help="what - reads: one text (default) or JSONL documents",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _field_help(default: str, aliases: tuple[str, ...], role: str = "") -> str:
    """``--*-field`` help: the default key and the names read when a line lacks it."""
    also = ", ".join(aliases)
    return (
        f"JSONL {role or default} key (default: {default}; a line without it is read from "
        f"the first of {also} it has, and the CLI says so). Giving KEY turns the fallback off"
    )


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

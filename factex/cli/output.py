"""Where results go: stdout or a file, a rich console for tables, quiet ends on closed pipes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from factex.cli.errors import UsageError


def check_out(out: str | None) -> None:
    """A usage mistake when ``--out`` names a file in a folder that does not exist."""
    if out and out != "-" and not Path(out).resolve().parent.is_dir():
        raise UsageError(f"cannot write {out}: its folder does not exist")


@contextmanager
def open_out(out: str | None) -> Iterator[IO[str]]:
    """The text stream to write: stdout for None or ``-``, else the file (UTF-8, no newline
    translation)."""
    if out is None or out == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def silence_stdout() -> None:
    """After a closed pipe: Python flushes stdout at exit, and with the reader gone that would
    raise again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def console(fh: IO[str]) -> Any:
    """A rich console writing to ``fh``, as wide as the terminal or 160 columns when piped."""
    from rich.console import Console

    interactive = fh.isatty()
    # Piped tables keep a generous width instead of rich's 80 columns.
    result = Console(file=fh, width=None if interactive else 160, soft_wrap=False)
    # rich exits with status 1 on a closed pipe; end quietly as for other formats.
    result.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]
    return result


def _broken_pipe() -> None:
    raise BrokenPipeError


def need_pyarrow() -> None:
    """A usage mistake when Parquet is asked for and pyarrow is not installed."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        hint = "pip install 'factex[pandas]'"
        raise UsageError(f"--format parquet needs pyarrow: {hint}") from None

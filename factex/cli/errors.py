"""What every command shares for talking to the user: the program name, usage mistakes, stderr."""

from __future__ import annotations

import sys

PROG = "factex"


class UsageError(Exception):
    """A mistake in the command line: one line on stderr, exit code 2."""


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"{PROG}: {message}", file=sys.stderr)

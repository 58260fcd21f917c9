"""The ``factex`` command: ``factex extract PATH...``, ``factex table PATH...`` and
``factex evaluate ...``.

Exit codes: 0 when every input was read and extracted, 1 when some input failed (the others
are still written; the failures are listed on stderr at the end), 2 for a usage mistake
(unknown option, bad ``--published`` or ``--encoding``, a path that does not exist, no PATH,
an ``--out`` suffix that names no format), reported in one line.

``arguments``  the parser          ``run``       documents in, Facts out (shared)
``extract``    ``factex extract``  ``table``     ``factex table``
``evaluate``   ``factex evaluate`` ``progress``  the bar on stderr
``output``     stdout or a file    ``errors``    usage mistakes and stderr lines
``dates``      ``--published`` as people write it (ISO, 14/03/2024, 14 mars 2024)

Failures are listed at the end, one ``source[:line]: reason`` line each.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from factex.cli.arguments import build_parser
from factex.cli.errors import PROG, UsageError, say
from factex.cli.evaluate import run_evaluate
from factex.cli.extract import run_extract
from factex.cli.table import run_table

__all__ = ["PROG", "UsageError", "build_parser", "main", "run_evaluate", "run_extract", "run_table"]


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
        say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        say("interrupted")
        return 130

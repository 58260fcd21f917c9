"""``python -m factex``: the same as the ``factex`` command."""

from factex.cli import main

raise SystemExit(main())

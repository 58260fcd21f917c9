"""``python -m factex``: the same as the ``factex`` command."""

from factex.cli import main

if __name__ == "__main__":  # importing this module (e.g. doctest collection) must not run the CLI
    raise SystemExit(main())

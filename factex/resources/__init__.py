"""Language data (currencies, scale words, months, trigger verbs, ...) as JSON files per language.

Adding a language means adding ``resources/<lang>/``: code reads data only through :func:`load`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(lang: str, name: str) -> Any:
    """The parsed content of ``resources/<lang>/<name>.json``.

    >>> load("fr", "months")["juillet"]
    7
    """
    path = resources.files(__package__).joinpath(lang).joinpath(f"{name}.json")
    if not path.is_file():
        raise FileNotFoundError(f"factex has no resource {name!r} for language {lang!r} ({path})")
    return json.loads(path.read_text(encoding="utf-8"))

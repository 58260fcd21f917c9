"""Language data (currencies, scale words, months, trigger verbs, ...) as JSON files per language.

Adding a language means adding ``resources/<lang>/``: code reads data only through :func:`load`.
Each data key is documented right before its value by a ``"_doc:<key>"`` entry (and the file by
``"_about"``); :func:`load` drops every key that starts with ``_``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(lang: str, name: str) -> Any:
    """The parsed content of ``resources/<lang>/<name>.json``, without its documentation keys.

    >>> load("fr", "months")["months"]["juillet"]
    7
    """
    path = resources.files(__package__).joinpath(lang).joinpath(f"{name}.json")
    if not path.is_file():
        raise FileNotFoundError(f"factex has no resource {name!r} for language {lang!r} ({path})")
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return {key: value for key, value in data.items() if not key.startswith("_")}
    return data


def year_cues(lang: str, role: str) -> tuple[str, ...]:
    """The words before a four-digit year that say ``role`` of it (``years.json``): "date" (a
    date mention, cue included) or "not_amount" (a year, never an amount).

    >>> "en" in year_cues("fr", "date") and "juillet" in year_cues("fr", "not_amount")
    True
    >>> "juillet" in year_cues("fr", "date")
    False
    """
    cues: dict[str, list[str]] = load(lang, "years")["year_cues"]
    return tuple(word for word, roles in cues.items() if role in roles)

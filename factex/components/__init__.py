"""factex's spaCy components, one factory per fact kind (spaCy glue only).

Importing this package registers every factory, so ``nlp.add_pipe("factex_money")`` works once
factex is imported; the ``spacy_factories`` entry points make it work without the import.
"""

from factex.components import dates, entities, events, frame, links, money, percent
from factex.components.extensions import register_extensions

__all__ = [
    "dates", "entities", "events", "frame", "links", "money", "percent", "register_extensions",
]  # fmt: skip

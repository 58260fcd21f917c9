"""Reading a metric's words off the tokens: the listed phrase at a noun and what extends it.

"chiffre d'affaires", "taux de marge" (an open metric takes its complement), "plan de relance"
(a bare "de" compound), "marge opérationnelle" (an adjective that says which metric), not
"budget total" (one that says how big).
"""

from __future__ import annotations

from contextvars import ContextVar
from contextvars import Token as Remembered

from spacy.tokens import Doc, Token

from factex.components.links.index_text import spacing, span_text
from factex.components.links.modifiers import in_amount, listed_end, modifiers_end
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, fold, normalize_name, word

MAX_METRIC_WORDS = 6


def led(w: LinkWords, noun: Token, phrase: str) -> str:
    """The phrase with the noun that ``noun`` makes a bare "de" compound with, when the
    amount hangs on the second noun: "dépréciations d'actifs de 1,2 milliard", "un plan de
    relance de 100 milliards" (not a carrier or a change: "une hausse de salaires")."""
    doc = noun.doc
    k = noun.i - 2
    if (
        k < 0
        or noun.head.i != k
        or word(doc[k + 1].text) not in w.compound_markers
        or any(c.dep_ == "det" for c in noun.children)
    ):
        return phrase
    lead = doc[k]
    if (
        lead.pos_ != "NOUN"
        or lead.ent_type_
        or lead.lemma_ in w.transparent
        or lead.lemma_ in w.change_nouns
        or lead.lower_ in w.change_nouns
        or lead.lemma_ in w.not_metrics
    ):
        return phrase
    return normalize_name(doc[k : noun.i].text_with_ws + phrase)


def wider_phrase(w: LinkWords, noun: Token) -> str | None:
    """A listed metric that ends at ``noun`` but starts before it ("levée de fonds")."""
    doc = noun.doc
    ix = token_index(doc)
    for back in range(MAX_METRIC_WORDS - 1, 1, -1):  # the longest first
        start = noun.i - back
        if start >= 0 and not any(ix.is_punct[start : noun.i]):
            text = normalize_name(span_text(doc, start, noun.i + 1))
            if fold(text) in w.metric_nouns:
                return text
    return None


# The phrases read during one search of a metric (:func:`remember_phrases`): the search
# asks again of the same nouns (a subject, then whether that subject is a weak metric).
_Memo = tuple[Doc, dict[int, str | None]] | None
_searching: ContextVar[_Memo] = ContextVar("_searching", default=None)


def remember_phrases(doc: Doc) -> Remembered[_Memo]:
    """Until :func:`forget_phrases`, :func:`listed_phrase` reads each noun of ``doc`` once
    (the Doc does not change while one amount's metric is searched)."""
    return _searching.set((doc, {}))


def forget_phrases(remembered: Remembered[_Memo]) -> None:
    _searching.reset(remembered)


def listed_phrase(w: LinkWords, noun: Token) -> str | None:
    """The longest metric of the list starting at ``noun``, as written (typography unified)."""
    if noun.lower_ not in w.metric_heads and noun.lemma_.casefold() not in w.metric_heads:
        return None
    search = _searching.get()
    if search is None or search[0] is not noun.doc:
        return _listed_phrase(w, noun)
    memo = search[1]
    if noun.i not in memo:
        memo[noun.i] = _listed_phrase(w, noun)
    return memo[noun.i]


def _listed_phrase(w: LinkWords, noun: Token) -> str | None:
    doc = noun.doc
    ix = token_index(doc)
    spaced, texts = spacing(doc, ix), ix.text
    best, best_end = None, noun.i
    written = ""  # the words so far (normalize_name drops the space after the last)
    for k in range(noun.i, min(len(doc), noun.i + MAX_METRIC_WORDS)):
        if texts[k].isspace() or ix.is_punct[k]:  # (``is_space`` is ``isspace``)
            break
        written += texts[k]
        text = normalize_name(written)
        if fold(text) in w.metric_nouns:
            best, best_end = text, k + 1
        written += " " if spaced[k] else ""
    if best is None:
        return None
    end = best_end
    # "taux de marge", "prix de l'immobilier ancien": an open metric takes its complement.
    if fold(best) in w.open_metrics and end < len(doc) and word(doc[end].text) in w.genitive:
        k = end + 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        # ("ses taux d'un quart de point": the amount is no complement)
        if (
            k < len(doc)
            and doc[k].pos_ in ("NOUN", "PROPN")
            and doc[k].head.i == noun.i
            and not in_amount(doc[k])
        ):
            comp = doc[k]
            k = listed_end(w, comp)  # "indice des prix à la consommation"
            # "prix du mètre carré", "taux du livret A", "prix du kilo de cacao".
            while k < len(doc) and (
                (
                    doc[k].head.i == comp.i
                    and doc[k].dep_ in ("amod", "flat:name", "nmod")
                    and doc[k].pos_ in ("ADJ", "PROPN", "VERB")
                    and doc[k].lower_ not in w.not_qualifiers
                )
                or is_code(doc[k])
            ):
                k += 1
            # (after a compound the parse's adjectives are unsure: "du kilo de cacao bord")
            compound = compound_end(w, doc[k - 1], k)
            k = modifiers_end(w, noun, k) if compound == k else compound
            return normalize_name(span_text(doc, noun.i, k))
    end = modifiers_end(w, noun, end)
    return normalize_name(span_text(doc, noun.i, end)) if end > best_end else best


def open_phrase(w: LinkWords, noun: Token) -> str | None:
    """An open metric off the list by its head: "la part des énergies renouvelables"."""
    if noun.lemma_ not in w.open_metrics and noun.lower_ not in w.open_metrics:
        return None
    doc = noun.doc
    k = noun.i + 1
    if k >= len(doc) or word(doc[k].text) not in w.genitive:
        return None
    k += 1
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN") or doc[k].head.i != noun.i:
        return None
    if in_amount(doc[k]):
        return None
    end = qualifiers_end(w, doc[k], listed_end(w, doc[k]))  # "indice des prix à la ..."
    end = modifiers_end(w, noun, end)  # "ratio de fonds propres CET1"
    return normalize_name(span_text(doc, noun.i, end))


def qualifiers_end(w: LinkWords, noun: Token, end: int) -> int:
    """Past the adjectives after ``end`` that say which metric it is ("prix moyen", "marge
    opérationnelle"), not how big or whose ("budget total", "exportations chinoises"), and
    not a predicate on the amount ("un résultat compris entre 1,2 et 1,4 milliard")."""
    doc = noun.doc
    while (
        end < len(doc)
        and doc[end].pos_ == "ADJ"
        and doc[end].dep_ == "amod"
        and noun.i <= doc[end].head.i < end
        and doc[end].lower_ not in w.not_qualifiers
        and not any(c.dep_ not in ("advmod", "punct") for c in doc[end].children)
    ):
        end += 1
    return end


def compound_end(w: LinkWords, last: Token, end: int) -> int:
    """Past a bare "de" noun that makes a compound with the noun before: "plan de relance",
    "billet d'entrée" (with a determiner it is a complement: "le budget de la culture")."""
    doc = last.doc
    if end + 1 >= len(doc) or word(doc[end].text) not in w.compound_markers:
        return end
    comp = doc[end + 1]
    # Plural after plural is a compound too: "ventes de voitures électriques", "prises de
    # commandes" name what is counted.
    # A capitalised metric noun names which metric too ("marge d'Ebitda"), not a name.
    plain = not comp.ent_type_ and not comp.is_title
    if (
        comp.pos_ == "NOUN"
        and comp.head.i == last.i
        and (plain or fold(comp.text) in w.metric_nouns)
        and fold(comp.text) not in w.bases
    ):
        return qualifiers_end(w, doc[end + 1], end + 2)
    return end


def noun_phrase(w: LinkWords, noun: Token) -> str:
    """A noun off the list with what names it: "plan social", "billet d'entrée", "contrat",
    "livret A"."""
    end = noun.i + 1
    if end < len(noun.doc) and is_code(noun.doc[end]) and noun.doc[end].head.i == noun.i:
        end += 1
    end = modifiers_end(w, noun, compound_end(w, noun, qualifiers_end(w, noun, end)))
    return normalize_name(span_text(noun.doc, noun.i, end))


def is_compound(w: LinkWords, noun: Token) -> bool:
    return compound_end(w, noun, noun.i + 1) > noun.i + 1


def is_code(token: Token) -> bool:
    """A capital letter or code naming the noun before it: "livret A", "plan B"."""
    return token.is_upper and token.is_alpha and len(token) <= 3 and token.i > 0


def enclosing(w: LinkWords, noun: Token) -> tuple[Token, str] | None:
    """The longer metric ``noun`` is a modifier of: "loyers" in "l'Ebitda après loyers",
    "dette" in "la charge de la dette"."""
    parent = noun.head
    if parent.i >= noun.i or noun.i - parent.i > MAX_METRIC_WORDS:
        return None
    text = listed_phrase(w, parent)
    if text is None or len(text) < len(span_text(noun.doc, parent.i, noun.i + 1)):
        return None
    return parent, text

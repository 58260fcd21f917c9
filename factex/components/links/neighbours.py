"""An amount read against the one before it in the sentence.

A change right after an amount (", en hausse de 5 %"), the level a change led to (", à 8,1
milliards"), the two bounds of a range ("8 % et 10 %"), an elided amount that measures the
same ("puis de 1,3 %", "contre 15 €"), and the items of a breakdown after "dont", which take
the words right after them as metric ("dont 5,8 milliards des activités « transport »").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factex.components.links.phrases import MAX_METRIC_WORDS, listed_phrase, open_phrase
from factex.components.sentences import written_sentence_start
from factex.components.syntax import amount_root
from factex.normalize.link_words import LinkWords, fold, normalize_name, word

_MAX_ITEM_WORDS = 8


def change_of(w: LinkWords, before: Span, span: Span, dated: frozenset[int]) -> bool:
    """Whether a percentage right after an amount is its change: ", en hausse de 5 %",
    ", soit une hausse de 9 %"."""
    if before.end > span.start or before.sent.start != span.sent.start:
        return False
    doc = span.doc
    # A date between them (``dated``: the tokens of dates) dates the amount ("de 6 millions
    # d'euros en 2023, soit une progression de 45 %"): it is no word of the change.
    between = [t for t in doc[before.end : span.start] if t.i not in dated]
    if len(between) > 6 or not any(
        t.lemma_ in w.change_nouns or t.lower_ in w.change_nouns for t in between
    ):
        return False
    return all(
        t.is_punct
        or t.pos_ in ("DET", "ADP", "ADV", "CCONJ", "ADJ")
        or t.lemma_ in w.change_nouns
        or t.lower_ in w.change_nouns
        for t in between
    )


def level_after(w: LinkWords, before: Span, span: Span) -> bool:
    """ ", à 8,1 milliards" right after an amount and what it measures ("un repli de 3 % de
    ses ventes, à 8,1 milliards"): the level it reached."""
    if before.end > span.start or before.sent.start != span.sent.start:
        return False
    between = span.doc[before.end : span.start]
    return (
        2 <= len(between) <= 12
        and between[-2].text == ","
        and word(between[-1].text) in w.level_markers
        and not any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in between[:-2])
    )


def level_of_before(w: LinkWords, span: Span) -> str | None:
    """ "a maintenu ses taux directeurs à 5,5 %", "une remontée de son taux directeur à
    1,75 %": a level after "à" is that of the metric written right before, however the
    parse hangs it (on an adjective, on the change noun)."""
    doc = span.doc
    case = span.start - 1
    if span[0].lower_ in w.level_markers:
        case = span.start
    if case < 1 or word(doc[case].text) not in w.level_markers:
        return None
    first = max(written_sentence_start(span.sent), case - MAX_METRIC_WORDS)
    for start in range(case - 1, first - 1, -1):
        tok = doc[start]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            break
        text = listed_phrase(w, tok) or open_phrase(w, tok)
        if text and fold(text) == fold(doc[start:case].text):
            return text
    return None


def range_to(w: LinkWords, first: Span) -> bool:
    """Whether the word after ``first`` is the "à" of "de 10 à 14 millions" (one measure)."""
    return word(first.doc[first.end].text) in w.range_to


def range_pair(w: LinkWords, first: Span, second: Span) -> bool:
    """ "8 % et 10 %", "2 à 3 milliards": two amounts written as the bounds of one range."""
    if first.end >= second.start or first.sent.start != second.sent.start:
        return False
    between = first.doc[first.end : second.start]
    return len(between) == 1 and word(between[0].text) in w.range_joiners


def elided_metric(
    span: Span, kind: str, last: dict[str, tuple[Span, str | None]], markers: frozenset[str]
) -> str | None:
    """ "puis de 1,3 % en 2025", "contre 15 € l'an dernier", "après 6,1 % attendu": an amount
    with no metric of its own, after one of the same kind in the sentence, measures the same."""
    root = amount_root(span)
    # "de 17 % à 12,6 milliards d'euros": the amount the parse hangs this one on.
    before = last.get("any")
    if before is not None and before[0].start <= root.head.i < before[0].end:
        return before[1]
    found = last.get(kind)
    if found is None or found[0].sent.start != span.sent.start:
        return None
    # Only an amount coordinated or compared with the one before, not any later one of the
    # sentence ("le relèvement à 40 % des contributions" after "la taxe de 3 %").
    doc = span.doc
    lead = {word(t.text) for t in doc[max(found[0].end, span.start - 2) : span.start]}
    if root.dep_ == "conj" or lead & markers:
        return found[1]
    return None


def item_metric(w: LinkWords, span: Span) -> str | None:
    """The words right after a list item: "5,8 milliards des activités « transport »"."""
    doc = span.doc
    sent_end = span.sent.end
    i = span.end
    # "dont 10,1 milliards en France": a breakdown by place keeps the total's metric; one by
    # destination ("dont 30 milliards pour la transition écologique") names its own.
    if (
        i < sent_end
        and doc[i].pos_ == "ADP"
        and word(doc[i].text) not in w.genitive
        and word(doc[i].text) not in w.item_destinations
    ):
        return None
    while i < sent_end and (doc[i].pos_ in ("ADP", "DET") or doc[i].is_space):
        i += 1
    words: list[Token] = []
    while i < sent_end and len(words) < _MAX_ITEM_WORDS:
        tok = doc[i]
        if tok.text in (",", ";", ".", ")", ":", "(") or tok.pos_ in ("VERB", "AUX"):
            break
        if tok.lower_ in w.list_markers or tok.pos_ == "PRON":
            break
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if tok.pos_ == "CCONJ" and (nxt is None or nxt.like_num or nxt.pos_ == "NUM"):
            break
        words.append(tok)
        i += 1
    if not words:
        return None
    quoted = _quoted(words)
    if quoted:
        return quoted
    return normalize_name("".join(t.text_with_ws for t in words)) or None


def _quoted(words: list[Token]) -> str | None:
    """The words between quotes (« transport »), if any open among ``words``."""
    opened = None
    for k, tok in enumerate(words):
        if tok.text in ("«", "“", '"') and opened is None:
            opened = k
        elif tok.text in ("»", "”", '"') and opened is not None:
            inner = "".join(t.text_with_ws for t in words[opened + 1 : k])
            return normalize_name(inner) or None
    if opened is not None:
        return normalize_name("".join(t.text_with_ws for t in words[opened + 1 :])) or None
    return None

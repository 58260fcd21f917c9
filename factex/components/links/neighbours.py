"""An amount read against the one before it in the sentence.

A change right after an amount (", en hausse de 5 %"), the level a change led to (", à 8,1
milliards"), the two bounds of a range ("8 % et 10 %"), an elided amount that measures the
same ("puis de 1,3 %", "contre 15 €"), and the items of a breakdown after "dont", which take
the words right after them as metric ("dont 5,8 milliards des activités « transport »").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factex.components.links.phrases import MAX_METRIC_WORDS, listed_phrase, open_phrase
from factex.components.sentence_bounds import sent_of
from factex.components.sentences import written_sentence_start
from factex.components.syntax import amount_root
from factex.components.token_index import token_index
from factex.normalize.link_words import LinkWords, fold, normalize_name, word

_MAX_ITEM_WORDS = 8


def change_of(w: LinkWords, before: Span, span: Span, dated: frozenset[int]) -> bool:
    """Whether a percentage right after an amount is its change: ", en hausse de 5 %",
    ", soit une hausse de 9 %"."""
    if before.end > span.start or not same_sentence(before, span):
        return False
    ix = token_index(span.doc)
    # A date between them (``dated``: the tokens of dates) dates the amount ("de 6 millions
    # d'euros en 2023, soit une progression de 45 %"): it is no word of the change.
    between = [i for i in range(before.end, span.start) if i not in dated]
    nouns = w.change_nouns
    if len(between) > 6 or not any(ix.lemma[i] in nouns or ix.lower[i] in nouns for i in between):
        return False
    return all(
        ix.is_punct[i]
        or ix.pos[i] in ("DET", "ADP", "ADV", "CCONJ", "ADJ")
        or ix.lemma[i] in nouns
        or ix.lower[i] in nouns
        for i in between
    )


def level_after(w: LinkWords, before: Span, span: Span) -> bool:
    """ ", à 8,1 milliards" right after an amount and what it measures ("un repli de 3 % de
    ses ventes, à 8,1 milliards"): the level it reached."""
    if before.end > span.start or not same_sentence(before, span):
        return False
    ix = token_index(span.doc)
    start, end = before.end, span.start
    return (
        2 <= end - start <= 12
        and ix.text[end - 2] == ","
        and word(ix.text[end - 1]) in w.level_markers
        and not any(
            ix.pos[i] in ("VERB", "AUX") or ix.text[i] in (",", ";") for i in range(start, end - 2)
        )
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
    if first.end >= second.start or not same_sentence(first, second):
        return False
    text = token_index(first.doc).text
    return second.start - first.end == 1 and word(text[first.end]) in w.range_joiners


def same_sentence(first: Span, second: Span) -> bool:
    """Whether two spans start in the same sentence (``first.sent.start == second.sent.start``
    without making the two sentence spans)."""
    ix = token_index(first.doc)
    if not ix.has_sents:  # (asked four times per amount: the index read inline)
        raise ValueError("[E030] Sentence boundaries unset")
    return ix.sent_start[first.start] == ix.sent_start[second.start]


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
    if found is None or not same_sentence(found[0], span):
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
    sent_end = sent_of(span).end
    i = span.end
    # "dont 41 millions consacrés aux investissements": a participle sending the item names
    # where it goes
    sent = i < sent_end and doc[i].lemma_.casefold() in w.allocation_verbs
    i += 1 if sent else 0
    # "dont 10,1 milliards en France": a breakdown by place keeps the total's metric; one by
    # destination ("dont 30 milliards pour la transition écologique") names its own.
    if (
        not sent
        and i < sent_end
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

"""For which period an amount is given: the TIMEX value of the date that dates it.

The date right after the amount, or that governs it in the parse (a period of the clause
rather than the day of publication: "a publié mercredi un bénéfice ... au premier
trimestre"), else the nearest date before it in the sentence, else one after it in its clause.
A date inside a relative clause ("l'exercice, qui s'est achevé le 31 mars") only dates that
clause. The day something was told ("a annoncé jeudi") dates no figure. :class:`DateIndex` is
built once per Doc and passed down; it keeps nothing afterwards.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from factex.components.extensions import DATES, doc_value, span_value
from factex.components.links.date_roles import (
    DateData,
    amount_tokens,
    figure_nouns,
    is_day,
    is_one_day,
    is_target_figure,
    is_told_day,
    names_a_thing,
    root_at,
)
from factex.components.morph import morph_column
from factex.components.sentence_bounds import sent_of
from factex.components.syntax import (
    RELATIVE_DEPS,
    clause_head_at,
)
from factex.components.token_index import TokenIndex, token_index


class _Date(NamedTuple):
    """What :class:`DateIndex` asks of a kept date, read once (each ``span._`` read builds an
    object, and ``period`` asked it several times per amount)."""

    value: str | None  # its TIMEX value for a figure (see :func:`for_figure`)
    day: bool  # see :func:`is_day`
    one_day: bool  # see :func:`is_one_day`
    root: int  # index of its :func:`span_root`
    clause: int  # index of that root's :func:`clause_head`


class DateIndex:
    """Date spans of the doc, by the token they are attached to and by the tokens they cover."""

    def __init__(
        self,
        doc: Doc,
        wrappers: frozenset[str] = frozenset(),
        not_clauses: frozenset[str] = frozenset(),
        amounts: frozenset[int] | None = None,
    ) -> None:
        """``amounts``: :func:`amount_tokens` of the Doc, when the caller has them."""
        # Words the parse may take for a participle heading a clause ("un chiffre d'affaires
        # record sur l'exercice 2023/24"): they are adjectives of the noun, no clause.
        self.not_clauses = not_clauses
        self.covering: dict[int, Span] = {}
        self.attached: dict[int, list[Span]] = {}
        self.spans: list[Span] = []
        self.starts: list[int] = []
        #: what is known of each kept span, by its ``id`` (the Span objects held here)
        self.info: dict[int, _Date] = {}
        #: Every token of a date, resolved or not ("cette année" without a publication date).
        self.tokens: frozenset[int] = frozenset()
        if DATES not in doc.spans:
            return
        dates = list(doc.spans[DATES])  # each read of a span group makes its Spans again
        self.tokens = frozenset(i for span in dates for i in range(span.start, span.end))
        if amounts is None:
            amounts = amount_tokens(doc)
        ix = token_index(doc)
        published = doc_value(doc, "factex_published")
        #: starts of dates that only say which thing a noun names ("l'échéance de décembre"):
        #: they date no figure they do not hang on
        self.local: set[int] = set()
        self.genitives: set[int] = set()  # of them, those a "de" opens
        for span in dates:
            date = span_value(span, "factex_date") or {}
            if not date.get("value") or date.get("grain") in ("ref", "set"):
                continue  # "désormais", "chaque année": no period a figure is for
            if is_told_day(span, date):
                continue  # "a annoncé jeudi un bénéfice de ...": the day it was told
            self.spans.append(span)
            root = root_at(span)
            self.info[id(span)] = _Date(
                _value_of(date, published), is_day(date), is_one_day(date),
                root, clause_head_at(ix, root),
            )  # fmt: skip
            if names_a_thing(span, amounts, date=date):
                self.local.add(span.start)
                if names_a_thing(span, amounts, genitive=True, date=date):
                    self.genitives.add(span.start)
            for i in range(span.start, span.end):
                self.covering[i] = span
            head = ix.head[root]
            self.attached.setdefault(head, []).append(span)
            # "sur l'ensemble de l'année 2022", "à la fin du trimestre": the wrapper noun
            # carries the date to what it hangs on.
            if ix.lemma[head] in wrappers and ix.pos[head] == "NOUN" and ix.head[head] != head:
                self.attached.setdefault(ix.head[head], []).append(span)
        self.spans.sort(key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def period(self, amount: Span, root: Token) -> str | None:
        """The TIMEX value of the date that dates ``amount`` (hanging on ``root``), or None."""
        if not self.spans:
            return None
        # the walks read the parse from the token index: a Token made per step was the cost
        ix = token_index(amount.doc)
        info = self.info
        own_clause = clause_head_at(ix, root.i)
        # A date hanging on a word of the amount: "113 milliards de dollars au deuxième trimestre".
        inside = [d for i in range(amount.start, amount.end) for d in self.attached.get(i, ())]
        inside = [d for d in inside if not (amount.start <= d.start < amount.end)]
        if inside:
            best = min(inside, key=lambda d: (info[id(d)].one_day, abs(d.start - amount.start)))
            return info[id(best)].value
        # A date right after the amount dates it, whatever the parse hung either on ("passe de
        # 1,2 milliard en 2024 à 1,5 milliard en 2025", the second amount read as the first
        # date's complement).
        # A preposition the date leaves out ("à 41,3 % au 31 mars 2026") may stand between.
        gap = amount.end + (amount.end < len(ix.head) and ix.pos[amount.end] == "ADP")
        k = bisect_left(self.starts, amount.end)
        own = _past_own(ix, amount, root.i, self.tokens)
        if k < len(self.spans) and self.spans[k].start in (amount.end, gap, own):
            nxt = self.spans[k]
            head = info[id(nxt)].clause
            # a clause of the amount's own complements ("bruts par mois") is no relative
            if ix.dep[head] not in RELATIVE_DEPS or amount.end <= head < own:
                return info[id(nxt)].value
        if is_target_figure(root):
            return self._target_period(root)
        for t in _path(ix, root.i):
            if t in self.covering and not (amount.start <= t < amount.end):
                return info[id(self._period_over_day(self.covering[t], amount, own_clause))].value
            if ix.dep[t] in RELATIVE_DEPS and t != own_clause:
                continue  # its dates only date the relative clause
            near = self.attached.get(t, ())
            if near:
                # A period ("pour 2022") dates a figure better than the day it was published
                # ("a publié mercredi"); then a date before the amount, then the closest.
                best = min(
                    near,
                    key=lambda d: (
                        info[id(d)].one_day,
                        d.start > amount.start,
                        abs(d.start - amount.start),
                    ),
                )
                return info[id(self._period_over_day(best, amount, own_clause))].value
        return self._nearest_date(ix, amount, own_clause)

    def _nearest_date(self, ix: TokenIndex, amount: Span, own_clause: int) -> str | None:
        """The period of an amount no date on its parse path dates (the last resort of
        :meth:`period`)."""
        info = self.info
        # No date on the path: the nearest one before the amount in the same sentence, unless
        # it sits in a relative clause.
        sent_start = sent_of(amount).start
        k = bisect_left(self.starts, amount.start) - 1
        while k >= 0 and self.spans[k].start >= sent_start:
            span = self.spans[k]
            if span.start not in self.local and not self._dates_own_clause(ix, span, own_clause):
                return info[id(span)].value
            k -= 1
        # Then one after it in its own clause, which the parse hung elsewhere ("investir
        # 3,5 milliards dans la fibre au second semestre", the date read as the fibre's).
        after = self._clause_dates(amount, own_clause, after=True)
        if after:
            clause = amount.doc[own_clause]
            after = [d for d in after if not in_aside(d, amount, clause)]
        return info[id(after[0])].value if after else None

    def _target_period(self, root: Token) -> str | None:
        """ "l'objectif de 12 % fixé pour 2026": the date of the participle that sets the
        target; none when it gives none ("sous l'objectif de 2 % à moyen terme"), whatever
        the sentence dates."""
        setters = [
            c
            for t in (root, root.head)
            for c in t.children
            if c.dep_ in ("acl", "dep") and "Part" in c.morph.get("VerbForm", [])
        ]
        found = [d for t in setters for d in self.attached.get(t.i, ())]
        return self.info[id(min(found, key=lambda d: d.start))].value if found else None

    def _dates_own_clause(self, ix: TokenIndex, date: Span, amount_clause: int) -> bool:
        """A date that only dates the clause it sits in: a relative clause ("l'exercice, qui
        s'est achevé le 31 mars") or a participle set off from the amount's clause
        ("l'exercice 2023/24, clos fin mars, à 10,8 milliards")."""
        head = ix.head[self.info[id(date)].root]
        if ix.lower[head] in self.not_clauses:
            return False
        if ix.dep[head] in RELATIVE_DEPS:
            return True
        if head == amount_clause:
            return False
        doc = date.doc
        if _opens_relative(doc, ix, head):
            return True
        return (
            ix.dep[head] == "advcl"
            and morph_column(doc, ix)[head].get("VerbForm", ()) == ("Part",)
            and not any(ix.dep[c].startswith("aux") for c in ix.children[head])
        )

    def _clause_dates(self, amount: Span, clause: int, after: bool = False) -> list[Span]:
        """Dates of the amount's sentence whose clause is the amount's, nearest first."""
        sent = sent_of(amount)
        lo = bisect_left(self.starts, amount.end if after else sent.start)
        hi = bisect_left(self.starts, sent.end)
        found = [
            d
            for d in self.spans[lo:hi]
            if not (amount.start <= d.start < amount.end)
            and d.start not in (self.genitives if after else self.local)
            and self.info[id(d)].clause == clause
        ]
        return sorted(found, key=lambda d: abs(d.start - amount.start))

    def _period_over_day(self, date: Span, amount: Span, clause: int) -> Span:
        """A day on the amount's path is often when the figure was published ("a publié
        mercredi un bénéfice de ... au premier trimestre"): a period of the same clause wins."""
        if not self.info[id(date)].one_day:
            return date
        periods = [d for d in self._clause_dates(amount, clause) if not self.info[id(d)].day]
        return periods[0] if periods else date


def _path(ix: TokenIndex, i: int) -> list[int]:
    """``i`` and its heads, nearest first (as :func:`ancestors`, guarded against cycles)."""
    path, seen = [i], {i}
    while ix.head[i] not in seen:
        i = ix.head[i]
        seen.add(i)
        path.append(i)
    return path


#: at most so many words of the amount's own complements ("bruts par mois") before a date
_OWN_WORDS = 4
#: the words of such complements: a unit, its rate, an adjective ("de moins qu'un an plus tôt"
#: is a comparison, no complement)
_OWN_POS = frozenset({"ADJ", "ADP", "NOUN", "DET"})


def _past_own(ix: TokenIndex, amount: Span, root: int, dates: frozenset[int]) -> int:
    """Where the amount's own complements end after it ("1 265 euros bruts par mois fin
    2024"): a date there is right after the figure. ``amount.end`` when none follow."""
    j = amount.end
    while j < min(len(ix.head), amount.end + _OWN_WORDS) and ix.pos[j] in _OWN_POS:
        if j in dates or not _under(ix, j, root):
            break
        j += 1
    return j


def _under(ix: TokenIndex, i: int, root: int) -> bool:
    """Whether ``root`` is among the heads of token ``i`` (as ``token.ancestors``: at most as
    many steps as tokens)."""
    for _ in range(len(ix.head)):
        if ix.head[i] == i:
            return False
        i = ix.head[i]
        if i == root:
            return True
    return False


def _opens_relative(doc: Doc, ix: TokenIndex, verb: int) -> bool:
    """Whether a relative pronoun opens the clause of the verb at ``verb`` ("les prix, qui
    avaient flambé il y a deux ans, ..."), whatever label the parse gave the clause (the
    Doc's morph column read, no Token made)."""
    morph = morph_column(doc, ix)
    return any("Rel" in morph[c].get("PronType", ()) for c in ix.children[verb])


def in_side_clause(span: Span, figures: frozenset[int]) -> bool:
    """Whether the date stands in a relative or participial clause on a noun that gives no
    figure ("les prix, qui avaient flambé il y a deux ans, ...", "les règles, entrées en
    vigueur en avril, ..."): it dates that clause's event, not the figures around it. One that
    gives a figure ("X, qui a vu ses ventes bondir de 12 % au premier semestre, ...") tells the
    story's period."""
    doc = span.doc
    ix = token_index(doc)
    verb = clause_head_at(ix, root_at(span))
    dep = ix.dep[verb]
    if not (dep in RELATIVE_DEPS or (dep != "ROOT" and _opens_relative(doc, ix, verb))):
        return False
    sent = sent_of(span)
    return not any(clause_head_at(ix, i) == verb for i in figures if sent.start <= i < sent.end)


def in_aside(date: Span, amount: Span, clause: Token) -> bool:
    """Whether the date qualifies a noun of a phrase set off by a comma after the amount ("à
    38 euros, sa plus forte baisse depuis son introduction en 2011", "48 millions, l'un des
    plus gros tours de table depuis le début de l'année"): it dates what that phrase tells of,
    not the figure. A figure's noun ("en hausse de 5 %, au premier semestre") is no aside."""
    doc = date.doc
    ix = token_index(doc)  # the words and heads read off the index: no Token made
    commas = [i for i in range(amount.end, date.start) if ix.text[i] == ","]
    if not commas:
        return False
    nouns = figure_nouns(doc.lang_ or "fr")
    i = root_at(date)
    seen = {i}
    while ix.head[i] not in seen:  # its heads, nearest first, as :func:`ancestors`
        i = ix.head[i]
        seen.add(i)
        if i == clause.i or i < commas[0]:
            return False
        if ix.pos[i] in ("NOUN", "PROPN", "PRON"):
            return ix.lemma[i].lower() not in nouns and ix.lower[i] not in nouns
    return False


def _value_of(date: DateData, published: str | None) -> str | None:
    value = date.get("value")
    if value is None:
        return None
    return for_figure(str(value), published)


_YEAR_TO_DATE = re.compile(r"^(?P<y>\d{4})-01(?:-01)?/\.\.$")


def for_figure(value: str, published: str | None) -> str:
    """The period a figure is given for, from the TIMEX value of the date that dates it.

    Since the start of the publication's year ("depuis le début de l'année", "depuis
    janvier") a figure runs for that year so far: its period is the year. Anything else
    is kept.

    >>> for_figure("2025-01/..", "2025-03-20"), for_figure("2025-01-01/..", "2025-03-20")
    ('2025', '2025')
    >>> for_figure("2026-01-01/..", "2025-03-20"), for_figure("2025-03/..", "2025-03-20")
    ('2026-01-01/..', '2025-03/..')
    >>> for_figure("2024-01/..", "2025-03-20"), for_figure("../2030", "2025-03-20")
    ('2024-01/..', '../2030')
    """
    m = _YEAR_TO_DATE.match(value)
    if m is not None and published and published[:4] == m.group("y"):
        return m.group("y")
    return value

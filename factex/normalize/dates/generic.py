"""Rules for mentions whose value needs no calendar: reference words ("actuellement" is
PRESENT_REF, "jadis" PAST_REF, "prochainement" FUTURE_REF, grain "ref"), recurring dates
("chaque été" XXXX-SU, "tous les lundis" XXXX-WXX-1, "chaque année" P1Y, grain "set") and
centuries ("la fin du XIXe siècle" is 18).

>>> from factex.normalize.dates.grammar import DateGrammar
>>> g = DateGrammar.for_language("fr")
>>> [g.normalize(t, None) for t in ("désormais", "chaque hiver", "tous les mardis soir")]
... # doctest: +NORMALIZE_WHITESPACE
[Timex(value='PRESENT_REF', grain='ref', relative=False),
 Timex(value='XXXX-WI', grain='set', relative=False),
 Timex(value='XXXX-WXX-2TEV', grain='set', relative=False)]
>>> g.normalize("début du XXe siècle", None)
Timex(value='19', grain='century', relative=False)
"""

from __future__ import annotations

from factex.normalize.dates.lexicon import APOS, B, E, Lexicon, alt, key
from factex.normalize.dates.rules import Match, rule
from factex.normalize.dates.values import Candidate, fixed

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


@rule("reference_word", lambda x: rf"{B}(?P<w>{alt(x.words['reference_words'])}){E}")
def reference_word(lex: Lexicon, m: Match) -> Candidate | None:
    return fixed(m.start(), m.end(), lex.words["reference_words"][key(m["w"])], "ref")


def _recurring_pattern(x: Lexicon) -> str:
    w = x.words
    return (
        rf"{B}(?P<q>{alt(w['set_quantifiers'])})\s+(?:(?P<n>{x.NUM})\s+(?=(?:{alt(w['set_units'])}){E}))?"
        rf"(?:(?P<day>{x.DAYNUM})\s*(?P<dm>{x.MONTH_FULL})"
        rf"|(?:mois\s+(?:de\s+|d{APOS}\s*))?(?P<mo>{x.MONTH_FULL})"
        rf"|(?P<wd>{x.WD})s?(?:\s+(?P<pod>{alt(w['set_parts_of_day'])}))?"
        rf"|(?P<se>{alt(w['seasons'])})"
        rf"|(?P<u>{alt(w['set_units'])})){E}"
    )


@rule("recurring", _recurring_pattern)
def recurring(lex: Lexicon, m: Match) -> Candidate | None:
    w = lex.words
    if key(m.group()) in lex.keyed("not_recurring"):
        return None
    n = lex.count(m["n"]) if m["n"] else 1
    if n is None or (n != 1 and not m["u"]):
        return None
    if m["dm"]:
        day = lex.day_number(m["day"])
        if day is None:
            return None
        value = f"XXXX-{lex.month(m['dm']):02d}-{day:02d}"
    elif m["mo"]:
        value = f"XXXX-{lex.month(m['mo']):02d}"
    elif m["wd"]:
        value = f"XXXX-WXX-{w['weekdays'][key(m['wd'])] + 1}"
        if m["pod"]:
            value += "T" + w["set_parts_of_day"][key(m["pod"])]
    elif m["se"]:
        value = f"XXXX-{w['seasons'][key(m['se'])]}"
    else:
        value = w["set_units"][key(m["u"])]
        if value.startswith("P1"):
            value = f"P{n}{value[2:]}"
    return fixed(m.start(), m.end(), value, "set")


def _monthly_weekday_pattern(x: Lexicon) -> str:
    w = x.words
    ordinal = rf"(?:{alt(w['set_ordinals'])})s?\s+(?:{x.WD})s?"
    return (
        rf"{B}(?:(?:{alt(w['set_quantifiers'])})\s+(?={ordinal}\s+du\s+mois)"
        rf"|(?:les?|tous\s+les)\s+(?={ordinal}\s+de\s+chaque\s+mois))"
        rf"(?:{alt(w['set_ordinals'])})s?\s+(?P<wd>{x.WD})s?\s+d[eu]\s+(?:chaque\s+)?mois{E}"
    )


@rule("monthly_weekday", _monthly_weekday_pattern)
def monthly_weekday(lex: Lexicon, m: Match) -> Candidate | None:
    """ "chaque premier samedi du mois", "le dernier vendredi de chaque mois": a SET.

    >>> from factex.normalize.dates.grammar import DateGrammar
    >>> g = DateGrammar.for_language("fr")
    >>> [(c.fixed, c.grain) for c in g.scan("Ouvert le premier mardi de chaque mois.")]
    [('XXXX-XX-WXX-2', 'set')]
    """
    wd = lex.words["weekdays"][key(m["wd"])]
    return fixed(m.start(), m.end(), f"XXXX-XX-WXX-{wd + 1}", "set")


def _roman(text: str) -> int | None:
    t = text.lower()
    if t.isdigit():
        return int(t)
    if not t or any(c not in _ROMAN for c in t):
        return None
    total = 0
    for i, c in enumerate(t):
        v = _ROMAN[c]
        total += -v if i + 1 < len(t) and _ROMAN[t[i + 1]] > v else v
    return total


def _century_pattern(x: Lexicon) -> str:
    phases = alt(x.words["year_phases"])
    return (
        rf"{B}(?:(?:{phases})(?:\s+|-)(?:du\s+|de\s+)?)?"
        rf"(?P<n>[IVXL]{{1,6}}|\d{{1,2}})(?:e|ème|eme|è)\s+(?:{alt(x.words['century_words'])}){E}"
    )


@rule("century", _century_pattern)
def century(lex: Lexicon, m: Match) -> Candidate | None:
    n = _roman(m["n"])
    if n is None or not 1 <= n <= 21:
        return None
    return fixed(m.start(), m.end(), f"{n - 1:02d}", "century")

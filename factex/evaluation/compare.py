"""Comparing one prediction with one gold item: loose names, exact values, span matching.

Pure functions on plain dicts (``Record.to_dict()`` output and gold items), doctested; the
counting and the report are :mod:`factex.evaluation.score`'s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from factex.resources import load

Pred = dict[str, Any]
Span = tuple[int, int]

#: the attributes scored beside the main value, per kind (each only where the gold gives it)
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "money": ("currency_inferred", "per", "subject", "metric", "period", "source"),
    "percentage": ("subject", "metric", "period", "source"),
    "date": ("grain",),
    "entity": (),
    "event": ("trigger",),
}


def norm_name(text: str, lang: str = "fr") -> str:
    """A loose form of a name or metric: no case, accents, leading article or plural ``s``.

    >>> norm_name("Le chiffre d’affaires"), norm_name("chiffre d'affaire")
    ("chiffre d'affaire", "chiffre d'affaire")
    >>> norm_name("  Groupe  Bolloré "), norm_name("de la Banque de France")
    ('groupe bollore', 'banque de france')
    """
    s = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    s = " ".join("".join(c for c in s if not unicodedata.combining(c)).split())
    articles = load(lang, "scoring")["leading_articles"]
    stripped = True
    while stripped:
        stripped = False
        for det in articles:
            if s.startswith(det) and len(s) > len(det):
                s, stripped = s[len(det) :].lstrip(), True
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in s.split(" "))


def _alternatives(gold: Any) -> list[Any]:
    return list(gold) if isinstance(gold, list) else [gold]


def same_name(gold: Any, got: Any) -> bool:
    """Whether ``got`` is (loosely) the gold name, or one of a gold list of names.

    >>> same_name(["Bolloré", "groupe Bolloré"], "Groupe Bolloré"), same_name(None, None)
    (True, True)
    >>> same_name("Alibaba", "Jack Ma")
    False
    """
    for alt in _alternatives(gold):
        if alt is None or got is None:
            if alt is None and got is None:
                return True
            continue
        if norm_name(str(alt)) == norm_name(str(got)):
            return True
    return False


def same_value(gold: Any, got: Any) -> bool:
    """Exact string comparison of a TIMEX value, label or code, against one value or a list.

    >>> same_value(["2022-H2", "2022-07/2022-12"], "2022-07/2022-12"), same_value("EUR", "USD")
    (True, False)
    """
    alts = _alternatives(gold)
    return any(
        (a is None and got is None)
        or (a is not None and got is not None and str(a).strip() == str(got).strip())
        for a in alts
    )


def to_decimal(value: Any) -> Decimal | None:
    """A Decimal from a gold or record value (str, int, float or None).

    >>> to_decimal("39900000000"), to_decimal(1.23), to_decimal(None)
    (Decimal('39900000000'), Decimal('1.23'), None)
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None


def same_number(gold: Any, got: Any) -> bool:
    """Numeric equality, ``None`` only equal to ``None``; gold may be a list of alternatives.

    >>> same_number("5800000000", "5.8E+9"), same_number(58, "58.0"), same_number(None, "1")
    (True, True, False)
    """
    got_d = to_decimal(got)
    for alt in _alternatives(gold):
        alt_d = to_decimal(alt)
        if alt_d is None and got_d is None:
            return True
        if alt_d is not None and got_d is not None and alt_d == got_d:
            return True
    return False


def same_actors(gold: Sequence[str], got: Sequence[str]) -> bool:
    """Same set of actor names, loosely compared.

    >>> same_actors(["Alibaba", "Bolloré"], ["Bolloré", "alibaba"]), same_actors(["Alibaba"], [])
    (True, False)
    """
    return {norm_name(a) for a in gold} == {norm_name(a) for a in got}


def value_checks(kind: str, gold: dict[str, Any], got: Pred) -> dict[str, bool]:
    """Check a matched prediction against its gold item: ``{"value": ok, <attribute>: ok, ...}``.

    Only what the gold gives is checked: an absent key is not scored, an explicit ``null``
    expects None.

    >>> value_checks("money", {"amount": "5", "currency": "EUR", "subject": "Orange"},
    ...              {"amount": "5", "currency": "EUR", "subject": None})
    {'value': True, 'subject': False}
    >>> value_checks("percentage", {"value": "4.2", "direction": "up"},
    ...              {"value": "4.2", "direction": "down"})
    {'value': False}
    >>> value_checks("date", {"value": "2018-07-02", "grain": "day"},
    ...              {"value": "2018-07-02", "grain": "day"})
    {'value': True, 'grain': True}

    ``source`` (who reports the figure) is compared loosely, like ``subject``; a record
    without the field reads as None:

    >>> value_checks("percentage", {"value": "7.3", "source": ["l'Insee", "Insee"]},
    ...              {"value": "7.3", "source": "INSEE"})
    {'value': True, 'source': True}
    >>> value_checks("money", {"amount": "5", "source": "Reuters"}, {"amount": "5"})
    {'value': True, 'source': False}
    >>> value_checks("money", {"amount": "5", "source": None}, {"amount": "5"})
    {'value': True, 'source': True}

    A percentage range is right when both bounds are; ``per`` (the unit of a rate) is an
    attribute, a gold list giving its alternatives:

    >>> value_checks("percentage", {"value": None, "value_min": "3", "value_max": "5"},
    ...              {"value": None, "value_min": "3", "value_max": "4"})
    {'value': False}
    >>> value_checks("money", {"amount": "31", "per": ["tonne", None]}, {"amount": "31"})
    {'value': True, 'per': True}
    """
    out = {"value": _value_ok(kind, gold, got)}
    for attr in ATTRIBUTES[kind]:
        if attr not in gold:
            continue
        if attr == "currency_inferred":
            out[attr] = bool(gold[attr]) == bool(got.get(attr))
        elif attr in ("subject", "metric", "source", "trigger", "per"):
            out[attr] = same_name(gold[attr], got.get(attr))
        else:
            out[attr] = same_value(gold[attr], got.get(attr))
    return out


def date_and_trigger(gold: dict[str, Any], got: Pred) -> bool:
    """Whether a matched event has the gold's date value and trigger (actors left aside): the
    event as a timeline would place it.

    >>> date_and_trigger({"date": ["2024-03-12", "2024-03-12TEV"], "trigger": "évacuer"},
    ...                  {"date": "2024-03-12", "trigger": "évacuer", "actors": ["X"]})
    True
    >>> date_and_trigger({"date": "2024-03-12", "trigger": "évacuer"},
    ...                  {"date": "2024-03-12", "trigger": "devoir"})
    False
    """
    ok = same_value(gold.get("date"), got.get("date"))
    return ok and ("trigger" not in gold or same_name(gold["trigger"], got.get("trigger")))


def _value_ok(kind: str, gold: dict[str, Any], got: Pred) -> bool:
    """Whether the main value (amount and currency, value and direction, date...) is right."""
    ok = True
    if kind == "money":
        for key in ("amount", "amount_min", "amount_max"):
            if key in gold:
                ok &= same_number(gold[key], got.get(key))
        if "currency" in gold:
            ok &= same_value(gold["currency"], got.get("currency"))
    elif kind == "percentage":
        # a range is one record: its bounds are the value ("entre 4 % et 6 %")
        for key in ("value", "value_min", "value_max"):
            if key in gold:
                ok &= same_number(gold[key], got.get(key))
        for key in ("unit", "direction"):
            if key in gold:
                ok &= same_value(gold[key], got.get(key))
    elif kind == "date":
        if "value" in gold:
            ok &= same_value(gold["value"], got.get("value"))
    elif kind == "entity":
        if "label" in gold:
            ok &= same_value(gold["label"], got.get("label"))
    elif kind == "event":
        ok &= same_value(gold.get("date"), got.get("date"))
        if "actors" in gold:
            ok &= same_actors(gold["actors"], got.get("actors") or [])
    return bool(ok)


def match_spans(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int, bool]]:
    """One-to-one matching, exact spans first, then the largest overlaps: ``(gold, pred, exact)``.

    >>> match_spans([(0, 7), (10, 14)], [(3, 7), (10, 14), (20, 22)])
    [(0, 0, False), (1, 1, True)]
    """
    pairs: list[tuple[int, int, bool]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and gi not in used_g and g == p:
                pairs.append((gi, pi, True))
                used_g.add(gi)
                used_p.add(pi)
    overlaps = sorted(
        (
            (-(min(g[1], p[1]) - max(g[0], p[0])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if gi not in used_g and pi not in used_p and max(g[0], p[0]) < min(g[1], p[1])
        )
    )
    for _, gi, pi in overlaps:
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi, False))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


def match_events(
    gold: Sequence[dict[str, Any]], pred: Sequence[Pred]
) -> list[tuple[int, int, bool]]:
    """Events without a gold span match on their date, preferring the most shared actors.

    >>> match_events([{"date": "2018-07-02", "actors": ["Alibaba"]}],
    ...              [{"date": "2017"}, {"date": "2018-07-02", "actors": ["Alibaba"]}])
    [(0, 1, True)]
    """
    candidates = []
    for gi, g in enumerate(gold):
        names = {norm_name(a) for a in g.get("actors", [])}
        for pi, p in enumerate(pred):
            if same_value(g.get("date"), p.get("date")):
                shared = len(names & {norm_name(a) for a in p.get("actors") or []})
                candidates.append((-shared, gi, pi))
    pairs: list[tuple[int, int, bool]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi, True))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty side scores 1.0 (nothing to get wrong).

    >>> prf(8, 10, 16)
    (0.8, 0.5, 0.6153846153846154)
    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    """
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

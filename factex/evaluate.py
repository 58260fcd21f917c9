"""Scoring extraction against gold JSONL files: span P/R/F1 and value accuracy per fact kind.

>>> from factex.evaluate import score
>>> from factex.gold import case_from_dict
>>> gold = {"text": "Il coûte 5 €.", "money": [{"text": "5 €", "amount": "5", "currency": "EUR"}]}
>>> case = case_from_dict(gold)
>>> got = [{"kind": "money", "start": 9, "end": 12, "amount": "5", "currency": "EUR"}]
>>> report = score([case], [got])
>>> report.scores["money"].exact, report.scores["money"].value_ok
(1, 1)

The scoring functions are pure and work on plain dicts (``Record.to_dict()`` output), so they
can be tested without a model; :func:`evaluate` runs the real pipeline over gold files, and
:func:`run_cli` is ``factex evaluate``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from factex.gold import (
    KINDS,
    GoldCase,
    GoldError,
    GoldItem,
    case_from_dict,
    normalise_kind,
    read_gold,
)

Pred = dict[str, Any]
Span = tuple[int, int]

#: the attributes scored beside the main value, per kind (each only where the gold gives it)
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "money": ("currency_inferred", "subject", "metric", "period"),
    "percentage": ("subject", "metric", "period"),
    "date": ("grain",),
    "entity": (),
    "event": ("trigger",),
}

#: record fields shown in failure listings
SHOWN: dict[str, tuple[str, ...]] = {
    "money": ("text", "amount", "currency", "currency_inferred", "amount_min", "amount_max",
              "subject", "metric", "period"),
    "percentage": ("text", "value", "unit", "direction", "subject", "metric", "period"),
    "date": ("text", "value", "grain"),
    "entity": ("text", "label"),
    "event": ("text", "date", "trigger", "actors"),
}  # fmt: skip

_DETERMINERS = ("l'", "d'", "le ", "la ", "les ", "du ", "de la ", "des ", "de ", "un ", "une ")


# -- pure comparison functions --------------------------------------------------------------


def norm_name(text: str) -> str:
    """A loose form of a name or metric: no case, accents, leading article or plural ``s``.

    >>> norm_name("Le chiffre d’affaires"), norm_name("chiffre d'affaire")
    ("chiffre d'affaire", "chiffre d'affaire")
    >>> norm_name("  Groupe  Bolloré ")
    'groupe bollore'
    """
    s = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    s = " ".join("".join(c for c in s if not unicodedata.combining(c)).split())
    stripped = True
    while stripped:
        stripped = False
        for det in _DETERMINERS:
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
    """
    ok = True
    if kind == "money":
        for key in ("amount", "amount_min", "amount_max"):
            if key in gold:
                ok &= same_number(gold[key], got.get(key))
        if "currency" in gold:
            ok &= same_value(gold["currency"], got.get("currency"))
    elif kind == "percentage":
        if "value" in gold:
            ok &= same_number(gold["value"], got.get("value"))
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
    out = {"value": bool(ok)}
    for attr in ATTRIBUTES[kind]:
        if attr not in gold:
            continue
        if attr == "currency_inferred":
            out[attr] = bool(gold[attr]) == bool(got.get(attr))
        elif attr in ("subject", "metric", "trigger"):
            out[attr] = same_name(gold[attr], got.get(attr))
        else:
            out[attr] = same_value(gold[attr], got.get(attr))
    return out


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


# -- the report -----------------------------------------------------------------------------


@dataclass
class KindScore:
    """Counts for one fact kind; rates are derived properties."""

    kind: str
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    value_ok: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [ok, scored]

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        return prf(self.exact, self.predicted, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        return prf(self.overlap, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float | None:
        """Correct values among the matched (overlapping) spans; None when nothing matched."""
        return self.value_ok / self.overlap if self.overlap else None

    def add_checks(self, checks: dict[str, bool]) -> None:
        self.value_ok += checks["value"]
        for name, ok in checks.items():
            if name != "value":
                counts = self.attributes.setdefault(name, [0, 0])
                counts[0] += ok
                counts[1] += 1

    def to_dict(self) -> dict[str, Any]:
        ep, er, ef = self.exact_prf
        op, orr, of = self.overlap_prf
        return {
            "kind": self.kind,
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": {"matched": self.exact, "precision": ep, "recall": er, "f1": ef},
            "overlap": {"matched": self.overlap, "precision": op, "recall": orr, "f1": of},
            "value": {
                "correct": self.value_ok,
                "scored": self.overlap,
                "accuracy": self.value_accuracy,
            },
            "attributes": {
                k: {"correct": ok, "scored": n, "accuracy": ok / n if n else None}
                for k, (ok, n) in sorted(self.attributes.items())
            },
        }


@dataclass(frozen=True)
class Failure:
    """One thing the extraction got wrong, for the ``--failures`` listing."""

    case: str
    kind: str
    problem: str  # missed, spurious, negative, boundary, value, or an attribute name
    text: str
    expected: dict[str, Any] | None
    got: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case, "kind": self.kind, "problem": self.problem,
            "text": self.text, "expected": self.expected, "got": self.got,
        }  # fmt: skip


@dataclass
class Report:
    """Scores per kind over a set of gold cases, and the failures behind them."""

    scores: dict[str, KindScore]
    failures: list[Failure] = field(default_factory=list)
    cases: int = 0
    sources: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: one report per gold source, when several were scored together
    parts: dict[str, Report] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "sources": self.sources,
            "cases": self.cases,
            "scores": {k: s.to_dict() for k, s in self.scores.items()},
            "failures": [f.to_dict() for f in self.failures],
            "errors": self.errors,
        }
        if self.parts:
            out["by_source"] = {
                name: {"cases": r.cases, "scores": {k: s.to_dict() for k, s in r.scores.items()}}
                for name, r in self.parts.items()
            }
        return out

    def format(self, failures: bool = False) -> str:
        """Tables (per source, then in all) and failures: what ``factex evaluate`` prints."""
        lines: list[str] = []
        for name, part in self.parts.items():
            lines += [f"== {name}: {part.cases} cases", *part._table(), ""]
        title = "all sources" if self.parts else ", ".join(self.sources) or "(in memory)"
        lines += [f"== {title}: {self.cases} cases", *self._table()]
        counts = Counter((f.kind, f.problem) for f in self.failures)
        if counts:
            tally = ", ".join(f"{k} {p} {n}" for (k, p), n in counts.most_common())
            lines += ["", f"failures by kind and problem: {tally}"]
        for err in self.errors:
            lines.append(f"error: {err}")
        if failures and self.failures:
            lines += ["", f"failures ({len(self.failures)}):"]
            for f in self.failures:
                lines.append(f"- [{f.case}] {f.kind} {f.problem}: {f.text}")
                lines.append(f"    expected: {_show(f.expected)}")
                lines.append(f"    got:      {_show(f.got)}")
        return "\n".join(lines)

    def _table(self) -> list[str]:
        lines: list[str] = []
        head = (
            f"{'kind':<11}{'gold':>5}{'pred':>6}   "
            f"{'exact P / R / F1':<20}{'overlap P / R / F1':<21}value acc"
        )
        lines += [head, "-" * len(head)]
        for s in self.scores.values():
            if not (s.gold or s.predicted):
                continue  # a kind this source does not annotate
            ep, er, ef = s.exact_prf
            op, orr, of = s.overlap_prf
            acc = (
                "-"
                if s.value_accuracy is None
                else f"{s.value_accuracy:.3f} ({s.value_ok}/{s.overlap})"
            )
            lines.append(
                f"{s.kind:<11}{s.gold:>5}{s.predicted:>6}   {ep:.2f} / {er:.2f} / {ef:.2f}    "
                f"{op:.2f} / {orr:.2f} / {of:.2f}     {acc}"
            )
        attrs = [
            f"  {s.kind} {name}: {ok / n:.3f} ({ok}/{n})"
            for s in self.scores.values()
            for name, (ok, n) in sorted(s.attributes.items())
            if n
        ]
        if attrs:
            lines += ["attributes (on matched spans, where the gold gives them):", *attrs]
        return lines


def _short(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def context(text: str, span: Span | None, width: int = 70) -> str:
    """The text around a span, the span in ``[[ ]]``; short texts are shown whole.

    >>> context("Le CA a atteint 5 € en 2017.", (16, 19))
    'Le CA a atteint [[5 €]] en 2017.'
    >>> context("x" * 100 + " 5 € " + "y" * 100, (101, 104), width=5)
    '…xxxx [[5 €]] yyyy…'
    """
    if span is None:
        return _short(text)
    start, end = span
    left = max(0, start - width)
    right = min(len(text), end + width)
    out = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    out = " ".join(out.split())
    return ("…" if left else "") + out + ("…" if right < len(text) else "")


def _show(data: dict[str, Any] | None) -> str:
    return "-" if data is None else json.dumps(data, ensure_ascii=False)


# -- scoring cases --------------------------------------------------------------------------


def _shown(kind: str, pred: Pred) -> dict[str, Any]:
    return {k: pred.get(k) for k in SHOWN[kind] if k in pred}


def _expected(item: GoldItem) -> dict[str, Any]:
    return {k: v for k, v in item.data.items() if k not in ("occurrences", "start", "note")}


def score_case(
    case: GoldCase, predictions: Sequence[Pred], kinds: Iterable[str], report: Report
) -> None:
    """Add one case's counts and failures to ``report`` (predictions are record dicts)."""
    for kind in kinds:
        if kind not in case.items:
            continue
        score = report.scores[kind]
        gold = case.items[kind]
        preds = [p for p in predictions if p.get("kind") == kind]
        negatives = case.negatives.get(kind, [])
        if kind in case.partial:
            spans = [(g.start, g.end or 0) for g in gold if g.start is not None] + negatives
            preds = [p for p in preds if any(_overlaps(s, _span(p)) for s in spans)]
        if kind == "event" and any(g.start is None for g in gold):
            pairs = match_events([g.data for g in gold], preds)
        else:
            pairs = match_spans(
                [(g.start or 0, g.end or 0) for g in gold], [_span(p) for p in preds]
            )
        score.gold += len(gold)
        score.predicted += len(preds)
        matched_g = {gi for gi, _, _ in pairs}
        matched_p = {pi for _, pi, _ in pairs}
        for gi, pi, exact in pairs:
            g, p = gold[gi], preds[pi]
            score.overlap += 1
            score.exact += exact
            if not exact:
                report.failures.append(
                    Failure(
                        _label(case), kind, "boundary", _ctx(case, g), _expected(g), _shown(kind, p)
                    )
                )
            checks = value_checks(kind, g.data, p)
            score.add_checks(checks)
            for name, ok in checks.items():
                if not ok:
                    report.failures.append(
                        Failure(
                            _label(case), kind, name, _ctx(case, g), _expected(g), _shown(kind, p)
                        )
                    )
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                report.failures.append(
                    Failure(_label(case), kind, "missed", _ctx(case, g), _expected(g), None)
                )
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                hit = any(_overlaps(s, _span(p)) for s in negatives)
                problem = "negative" if hit else "spurious"
                report.failures.append(
                    Failure(
                        _label(case),
                        kind,
                        problem,
                        context(case.text, _span(p)),
                        None,
                        _shown(kind, p),
                    )
                )


def _label(case: GoldCase) -> str:
    if case.where and case.id != case.where:
        return f"{case.where} {case.id}"
    return case.where or case.id


def _ctx(case: GoldCase, item: GoldItem) -> str:
    span = None if item.start is None or item.end is None else (item.start, item.end)
    return context(case.text, span)


def _span(pred: Pred) -> Span:
    return int(pred.get("start", 0)), int(pred.get("end", 0))


def _overlaps(a: Span, b: Span) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def empty_report(kinds: Iterable[str] = KINDS) -> Report:
    return Report(scores={k: KindScore(k) for k in kinds})


def score(
    cases: Sequence[GoldCase],
    predictions: Iterable[Sequence[Pred]],
    kinds: Iterable[str] | None = None,
) -> Report:
    """Score predictions (one list of record dicts per case, in order) against gold cases."""
    chosen = _kinds(kinds)
    report = empty_report(chosen)
    for case, preds in zip(cases, predictions, strict=True):
        report.cases += 1
        score_case(case, preds, chosen, report)
    return report


def _kinds(kinds: Iterable[str] | None) -> list[str]:
    if kinds is None:
        return list(KINDS)
    chosen = {normalise_kind(k) for k in kinds}
    return [k for k in KINDS if k in chosen]


# -- running the pipeline -------------------------------------------------------------------

Source = str | Path | GoldCase | dict[str, Any]


def load_cases(sources: Source | Iterable[Source]) -> dict[str, list[GoldCase]]:
    """Gold cases from paths, GoldCase objects or case dicts, grouped by source name."""
    if isinstance(sources, (str, Path, GoldCase, dict)):
        sources = [sources]
    groups: dict[str, list[GoldCase]] = {}
    for n, src in enumerate(sources):
        if isinstance(src, GoldCase):
            groups.setdefault("(in memory)", []).append(src)
        elif isinstance(src, dict):
            groups.setdefault("(in memory)", []).append(case_from_dict(src, f"<case {n}>"))
        else:
            name = "<stdin>" if str(src) == "-" else str(src)
            groups.setdefault(name, []).extend(read_gold(src))
    return groups


def evaluate(
    sources: Source | Iterable[Source],
    *,
    kinds: Iterable[str] | None = None,
    nlp: Any = None,
    batch_size: int = 32,
) -> Report:
    """Run factex over gold cases (JSONL paths, GoldCase objects or dicts) and score it.

    Raises :class:`~factex.gold.GoldError` for an unreadable gold file, naming the line.
    """
    from factex.api import extract_many

    groups = load_cases(sources)
    cases = [c for group in groups.values() for c in group]
    items = [{"id": c.id, "text": c.text, "published": c.published} for c in cases]
    predictions: list[list[Pred]] = []
    errors: list[str] = []
    for case, facts in zip(
        cases, extract_many(items, batch_size=batch_size, on_error="record", nlp=nlp), strict=True
    ):
        if facts.error:
            errors.append(f"{case.where or case.id}: extraction failed: {facts.error}")
        predictions.append(facts.to_dicts())
    report = score(cases, predictions, kinds)
    report.sources = list(groups)
    report.errors = errors
    if len(groups) > 1:
        start = 0
        for name, group in groups.items():
            report.parts[name] = score(group, predictions[start : start + len(group)], kinds)
            start += len(group)
    return report


# -- command line ---------------------------------------------------------------------------


def add_cli(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``evaluate`` to factex's command line (called by :mod:`factex.cli`)."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score extraction against gold JSONL files",
        description="Score factex against gold JSONL files (one case per line; '-' reads stdin). "
        "Prints span precision/recall/F1 (exact and overlapping) and value accuracy per kind. "
        "Exit code 0: this is a report, not a test (2 for an unreadable gold file).",
    )
    configure(parser)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="+", help="gold JSONL file(s); '-' for standard input")
    parser.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"comma-separated kinds to score (default: all: {','.join(KINDS)})",
    )
    parser.add_argument(
        "--failures", action="store_true", help="list every failure with expected vs got"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--model", default=None, help="spaCy model to load (default: the language's model)"
    )
    parser.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch")
    parser.set_defaults(func=run_cli)


def run_cli(args: argparse.Namespace) -> int:
    """``factex evaluate``: print the report; 0 even when scores are low, 2 for bad input."""
    try:
        kinds = [k for k in args.kinds.split(",") if k.strip()]
        _kinds(kinds)
        nlp = None
        if args.model:
            from factex.api import load

            nlp = load(args.model)
        report = evaluate(args.gold, kinds=kinds, nlp=nlp, batch_size=args.batch_size)
    except (GoldError, ValueError) as exc:
        print(f"factex evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = report.to_dict()
        if not args.failures:
            payload.pop("failures")
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(report.format(failures=args.failures))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m factex.evaluate", description=__doc__.splitlines()[0]
    )
    configure(parser)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())

"""Scoring predictions against gold cases: span P/R/F1 and value accuracy per fact kind.

>>> from factex.evaluation.gold import case_from_dict
>>> gold = {"text": "Il coûte 5 €.", "money": [{"text": "5 €", "amount": "5", "currency": "EUR"}]}
>>> case = case_from_dict(gold)
>>> got = [{"kind": "money", "start": 9, "end": 12, "amount": "5", "currency": "EUR"}]
>>> report = score([case], [got])
>>> report.scores["money"].exact, report.scores["money"].value_ok
(1, 1)

Predictions are plain dicts (``Record.to_dict()`` output), so scoring needs no model;
:func:`factex.api.evaluate` runs the pipeline over gold files and scores it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factex.evaluation.compare import (
    Pred,
    Span,
    date_and_trigger,
    match_events,
    match_spans,
    prf,
    value_checks,
)
from factex.evaluation.gold import (
    KINDS,
    GoldCase,
    GoldItem,
    case_from_dict,
    normalise_kind,
    read_gold,
)

#: record fields shown in failure listings
SHOWN: dict[str, tuple[str, ...]] = {
    "money": ("text", "amount", "currency", "currency_inferred", "amount_min", "amount_max",
              "per", "subject", "metric", "period", "source"),
    "percentage": ("text", "value", "value_min", "value_max", "unit", "direction", "subject",
                   "metric", "period", "source"),
    "date": ("text", "value", "grain"),
    "entity": ("text", "label"),
    "event": ("text", "date", "trigger", "actors"),
}  # fmt: skip


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
    #: matched events with the gold's date and trigger (events only)
    dated: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [ok, scored]

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        return prf(self.exact, self.predicted, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        return prf(self.overlap, self.predicted, self.gold)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of the facts found with the right value."""
        return prf(self.value_ok, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float | None:
        """Correct values among the matched (overlapping) spans; None when nothing matched."""
        return self.value_ok / self.overlap if self.overlap else None

    @property
    def dated_prf(self) -> tuple[float, float, float]:
        """Events placed right on a timeline: overlapping, with the gold's date and trigger."""
        return prf(self.dated, self.predicted, self.gold)

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
        out: dict[str, Any] = {
            "kind": self.kind,
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": {"matched": self.exact, "precision": ep, "recall": er, "f1": ef},
            "overlap": {"matched": self.overlap, "precision": op, "recall": orr, "f1": of},
            "value": {
                "correct": self.value_ok,
                "scored": self.overlap,
                "accuracy": self.value_accuracy,
                "f1": self.value_prf[2],
            },
            "attributes": {
                k: {"correct": ok, "scored": n, "accuracy": ok / n if n else None}
                for k, (ok, n) in sorted(self.attributes.items())
            },
        }
        if self.kind == "event":
            dp, dr, df = self.dated_prf
            out["date_trigger"] = {"matched": self.dated, "precision": dp, "recall": dr, "f1": df}
        return out


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
            f"{'exact P / R / F1':<20}{'overlap P / R / F1':<21}{'value acc':<19}value F1"
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
                f"{op:.2f} / {orr:.2f} / {of:.2f}     {acc:<19}{s.value_prf[2]:.3f}"
            )
        attrs = [
            f"  {s.kind} {name}: {ok / n:.3f} ({ok}/{n})"
            for s in self.scores.values()
            for name, (ok, n) in sorted(s.attributes.items())
            if n
        ]
        if attrs:
            lines += ["attributes (on matched spans, where the gold gives them):", *attrs]
        for s in self.scores.values():
            if s.kind == "event" and s.gold:
                dp, dr, df = s.dated_prf
                lines.append(
                    f"event date+trigger P / R / F1: {dp:.2f} / {dr:.2f} / {df:.2f} ({s.dated})"
                )
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
        if kind in case.items:
            preds = [p for p in predictions if p.get("kind") == kind]
            if kind in ("money", "percentage"):
                preds = [told for p in preds for told in _tellings(p, case.text)]
            _score_kind(case, kind, preds, report)


def _tellings(pred: Pred, text: str | None) -> list[Pred]:
    """A figure told several times, as one prediction per telling: the gold marks each."""
    mentions = pred.get("mentions") or ()
    if len(mentions) < 2 or text is None:
        return [pred]
    return [{**pred, "start": s, "end": e, "text": text[s:e]} for s, e in mentions]


def _score_kind(case: GoldCase, kind: str, preds: list[Pred], report: Report) -> None:
    score = report.scores[kind]
    gold = case.items[kind]
    negatives = case.negatives.get(kind, [])
    if kind in case.partial:
        spans = [(g.start, g.end or 0) for g in gold if g.start is not None] + negatives
        preds = [p for p in preds if any(_overlaps(s, _span(p)) for s in spans)]
    if kind == "event" and any(g.start is None for g in gold):
        pairs = match_events([g.data for g in gold], preds)
    else:
        pairs = match_spans([(g.start or 0, g.end or 0) for g in gold], [_span(p) for p in preds])
    score.gold += len(gold)
    score.predicted += len(preds)

    def fail(problem: str, text: str, expected: dict[str, Any] | None, got: Pred | None) -> None:
        report.failures.append(Failure(_label(case), kind, problem, text, expected, got))

    for gi, pi, exact in pairs:
        g, p = gold[gi], preds[pi]
        score.overlap += 1
        score.exact += exact
        checks = value_checks(kind, g.data, p)
        score.add_checks(checks)
        score.dated += kind == "event" and date_and_trigger(g.data, p)
        problems = ([] if exact else ["boundary"]) + [name for name, ok in checks.items() if not ok]
        for problem in problems:
            fail(problem, _ctx(case, g), _expected(g), _shown(kind, p))
    matched_gold = {gi for gi, _, _ in pairs}
    matched_pred = {pi for _, pi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            fail("missed", _ctx(case, g), _expected(g), None)
    for pi, p in enumerate(preds):
        if pi not in matched_pred:
            problem = "negative" if any(_overlaps(s, _span(p)) for s in negatives) else "spurious"
            fail(problem, context(case.text, _span(p)), None, _shown(kind, p))


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

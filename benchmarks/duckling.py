"""factex against Duckling's French corpora (money, time, negatives), scored Duckling's way.

The phrases are read at run time from the shared copy of Duckling's corpus (never copied here)::

    python benchmarks/duckling.py                 # the table
    python benchmarks/duckling.py --failures      # plus the failing phrases, by Duckling group
    python benchmarks/duckling.py --json

Per phrase: ``span`` = some record covers the whole phrase; ``value`` = the first whole-phrase
record has Duckling's value; ``strict`` = exactly one whole-phrase record, with that value
(Duckling's own rule). A negative phrase passes when factex finds no date in it at all (factex
has no duration kind, so its four duration negatives are also checked against dates).

factex values are turned into Duckling's form before comparing: a TIMEX value becomes the start
of its grain at the reference offset; an interval ``start/end`` (end INCLUSIVE at the grain)
becomes ``from``/``to`` with ``to`` EXCLUSIVE (end + 1 grain); ``../end`` and ``start/..`` are
open intervals; a TIMEX3 season ("2013-SU") is its astronomical days, as in Duckling.
Duckling's currency "$" accepts any dollar, "£" any pound, "unknown" expects None.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT.parent / "shared" / "peer-suites" / "duckling-fr"
REFERENCE = "2013-02-12T04:30:00-02:00"

#: Duckling's own results on these files (its test suite passes them all but 5 time phrases)
DUCKLING = {"money": (37, 37), "time": (460, 465), "negatives": (8, 8)}

#: Duckling's ambiguous units -> the ISO codes that count as right
CURRENCY_FAMILIES: dict[str, frozenset[str]] = {
    "$": frozenset(
        ("USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "BSD", "BBD", "BZD", "BMD",
         "KYD", "FJD", "GYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "ZWL")
    ),
    "£": frozenset(
        ("GBP", "EGP", "LBP", "SYP", "GIP", "FKP", "SHP", "SSP", "SDG", "JEP", "GGP", "IMP")
    ),
    "rial": frozenset(("IRR", "OMR", "YER")),
    "riyal": frozenset(("SAR", "QAR")),
}  # fmt: skip

GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
_GRAIN_ALIASES = {"semester": "half", "halfyear": "half", "half-year": "half"}

_TIMEX = re.compile(
    r"^(?P<y>\d{4})"
    r"(?:-W(?P<w>\d{2})|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2})(?::?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:\.\d+)?)?)?)?)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$"
)


# -- pure conversions -----------------------------------------------------------------------


def parse_timex(value: str) -> tuple[datetime, str] | None:
    """The start and the grain a TIMEX-style value is written at; None when it is not one.

    >>> parse_timex("2013-02-12T16:00")
    (datetime.datetime(2013, 2, 12, 16, 0), 'minute')
    >>> parse_timex("2013-W07"), parse_timex("2013-Q2")[0].month, parse_timex("2013-SU")
    ((datetime.datetime(2013, 2, 11, 0, 0), 'week'), 4, None)
    """
    m = _TIMEX.match(value.strip())
    if not m:
        return None
    year = int(m["y"])
    if m["w"]:
        jan4 = datetime(year, 1, 4)
        return jan4 - timedelta(days=jan4.weekday()) + timedelta(weeks=int(m["w"]) - 1), "week"
    if m["q"]:
        return datetime(year, 3 * int(m["q"]) - 2, 1), "quarter"
    if m["h"]:
        return datetime(year, 6 * int(m["h"]) - 5, 1), "half"
    if not m["m"]:
        return datetime(year, 1, 1), "year"
    if not m["d"]:
        return datetime(year, int(m["m"]), 1), "month"
    day = datetime(year, int(m["m"]), int(m["d"]))
    if m["H"] is None:
        return day, "day"
    hour = int(m["H"])
    if hour == 24:  # 24:00 is the next midnight
        day, hour = day + timedelta(days=1), 0
    if m["M"] is None:
        return day.replace(hour=hour), "hour"
    if m["S"] is None:
        return day.replace(hour=hour, minute=int(m["M"])), "minute"
    return day.replace(hour=hour, minute=int(m["M"]), second=int(m["S"])), "second"


def add_grain(moment: datetime, grain: str, n: int = 1) -> datetime:
    """``moment`` moved by ``n`` units of ``grain``.

    >>> add_grain(datetime(2013, 11, 30), "quarter")
    datetime.datetime(2014, 2, 28, 0, 0)
    >>> add_grain(datetime(2013, 2, 12, 23), "hour")
    datetime.datetime(2013, 2, 13, 0, 0)
    """
    fixed = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
    if grain in fixed:
        return moment + timedelta(seconds=fixed[grain] * n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[grain] * n
    total = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(total, 12)
    for day in range(moment.day, 0, -1):
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    raise ValueError(f"cannot move {moment} by {n} {grain}")


def start_of(moment: datetime, grain: str) -> datetime:
    """The start of the ``grain`` containing ``moment`` (Duckling's value for a time).

    >>> start_of(datetime(2013, 2, 14, 9, 30), "week"), start_of(datetime(2013, 5, 2), "quarter")
    (datetime.datetime(2013, 2, 11, 0, 0), datetime.datetime(2013, 4, 1, 0, 0))
    """
    if grain == "second":
        return moment.replace(microsecond=0)
    if grain == "minute":
        return moment.replace(second=0, microsecond=0)
    if grain == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain in ("quarter", "half"):
        size = 3 if grain == "quarter" else 6
        return day.replace(month=(day.month - 1) // size * size + 1, day=1)
    return day.replace(month=1, day=1)


_ORDER = {
    g: i
    for i, g in enumerate(
        ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "year")
    )
}


_ZONE = re.compile(r"(?:Z|(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2}))$")


def in_zone(text: str, moment: datetime, tz: tzinfo) -> datetime:
    """``moment`` (naive, as written in ``text``) as wall-clock time at ``tz``.

    A value with a UTC offset ("…T16:00+01:00", "…T07:44Z") is converted; one without is
    already at the reference's offset.

    >>> tz = timezone(timedelta(hours=-2))
    >>> in_zone("2013-02-12T16:00+01:00", datetime(2013, 2, 12, 16), tz)
    datetime.datetime(2013, 2, 12, 13, 0)
    >>> in_zone("2013-02-12T16:00", datetime(2013, 2, 12, 16), tz)
    datetime.datetime(2013, 2, 12, 16, 0)
    """
    m = _ZONE.search(text.strip())
    if m is None or "T" not in text:
        return moment
    offset = timedelta(0)
    if m["sign"]:
        offset = timedelta(hours=int(m["h"]), minutes=int(m["m"]))
        offset = -offset if m["sign"] == "-" else offset
    aware = moment.replace(tzinfo=timezone(offset))
    return aware.astimezone(tz).replace(tzinfo=None)


def _endpoint(text: str, grain: str | None, end: bool) -> tuple[datetime, str] | None:
    parsed = parse_timex(text)
    if parsed is None:
        return None
    moment, written = parsed
    unit = grain if grain and _ORDER.get(grain, -1) >= _ORDER[written] else written
    if not end:
        return start_of(moment, unit), unit
    # the end is inclusive at the grain it is written at (or the mention's grain, if coarser)
    return add_grain(start_of(moment, unit), unit), unit


_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
#: TIMEX3 season codes -> first and last day (month, day), the astronomical dates Duckling uses
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 23)),
           "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 20))}  # fmt: skip


def season_interval(year: int, code: str, tz: tzinfo) -> dict[str, Any]:
    """A TIMEX3 season ("2013-SU") as Duckling's day-grain interval; winter ends the next year.

    >>> season_interval(2012, "WI", timezone(timedelta(hours=-2)))["to"]
    '2013-03-21T00:00:00-02:00'
    """
    (m1, d1), (m2, d2) = SEASONS[code]
    first = datetime(year, m1, d1, tzinfo=tz)
    last = datetime(year + (m2 < m1), m2, d2, tzinfo=tz)
    return {
        "type": "interval",
        "from": first.isoformat(),
        "to": (last + timedelta(days=1)).isoformat(),
        "grain": "day",
    }


def to_duckling(value: str | None, grain: str | None, tz: tzinfo) -> dict[str, Any] | None:
    """A factex DateMention value as Duckling's time value; None when it cannot be converted.

    >>> tz = timezone(timedelta(hours=-2))
    >>> to_duckling("2013-02-12", "day", tz)
    {'type': 'value', 'value': '2013-02-12T00:00:00-02:00', 'grain': 'day'}
    >>> to_duckling("2013-07-13/2013-07-15", "day", tz)["to"]
    '2013-07-16T00:00:00-02:00'
    >>> to_duckling("2013-02-14T09:30/2013-02-14T11:00", "minute", tz)["to"]
    '2013-02-14T11:01:00-02:00'
    >>> to_duckling("../2013-02-12T15", "hour", tz)
    {'type': 'interval', 'to': '2013-02-12T16:00:00-02:00', 'grain': 'hour'}
    >>> to_duckling("2013-03-08/..", "day", tz)
    {'type': 'interval', 'from': '2013-03-08T00:00:00-02:00', 'grain': 'day'}
    """
    if not value:
        return None
    season = _SEASON.match(value.strip())
    if season:
        return season_interval(int(season[1]), season[2], tz)
    g = _GRAIN_ALIASES.get(grain or "", grain) or None

    def iso(moment: datetime) -> str:
        return moment.replace(tzinfo=tz).isoformat()

    if "/" not in value:
        parsed = _endpoint(value, g, end=False)
        if parsed is None:
            return None
        moment = in_zone(value, parsed[0], tz)
        return {"type": "value", "value": iso(moment), "grain": g or parsed[1]}
    left, _, right = value.partition("/")
    out: dict[str, Any] = {"type": "interval"}
    units = []
    if left not in ("", ".."):
        start = _endpoint(left, g, end=False)
        if start is None:
            return None
        out["from"] = iso(in_zone(left, start[0], tz))
        units.append(start[1])
    if right not in ("", ".."):
        stop = _endpoint(right, g, end=True)
        if stop is None:
            return None
        out["to"] = iso(in_zone(right, stop[0], tz))
        units.append(stop[1])
    if len(out) == 1:
        return None
    out["grain"] = g or min(units, key=lambda u: _ORDER[u])
    return out


def same_time(expected: dict[str, Any], got: dict[str, Any] | None) -> bool:
    """Duckling's expected time against a converted factex value: type, grain and instants.

    >>> e = {"type": "value", "value": "2013-02-12T00:00:00-02:00", "grain": "day"}
    >>> same_time(e, dict(e)), same_time(e, {**e, "grain": "hour"}), same_time(e, None)
    (True, False, False)
    """
    if (
        got is None
        or got.get("type") != expected.get("type")
        or got.get("grain") != expected.get("grain")
    ):
        return False
    return all(_instant(expected.get(k)) == _instant(got.get(k)) for k in ("value", "from", "to"))


def _instant(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def same_currency(expected: str, got: str | None) -> bool:
    """Duckling's currency (ISO code or its own unit) against factex's ISO code.

    >>> same_currency("$", "CAD"), same_currency("£", "GBP"), same_currency("unknown", None)
    (True, True, True)
    >>> same_currency("EUR", "USD"), same_currency("$", None)
    (False, False)
    """
    if expected == "unknown":
        return got is None
    family = CURRENCY_FAMILIES.get(expected)
    return got in family if family else got == expected


def same_money(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    """Duckling's amount of money against a factex money dict (``Record.to_dict()`` form).

    >>> same_money({"type": "value", "value": 1.23, "currency": "USD"},
    ...            {"amount": "1.23", "currency": "USD"})
    True
    >>> same_money({"type": "interval", "min": 10, "currency": "EUR"},
    ...            {"amount": "10", "amount_min": "10", "amount_max": None, "currency": "EUR"})
    True
    >>> same_money({"type": "interval", "min": 10, "max": 20, "currency": "EUR"},
    ...            {"amount": None, "amount_min": "10", "amount_max": None, "currency": "EUR"})
    False
    """
    if not same_currency(str(expected.get("currency")), got.get("currency")):
        return False
    if expected.get("type") == "interval":
        return all(_dec(expected.get(k)) == _dec(got.get(f"amount_{k}")) for k in ("min", "max"))
    return _dec(expected.get("value")) == _dec(got.get("amount"))


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


# -- scoring phrases ------------------------------------------------------------------------


@dataclass
class PhraseResult:
    id: str
    text: str
    group: Any
    expected: Any
    span: bool
    value: bool
    strict: bool
    got: list[dict[str, Any]]


@dataclass
class SuiteScore:
    name: str
    results: list[PhraseResult] = field(default_factory=list)

    def count(self, what: str) -> int:
        return sum(getattr(r, what) for r in self.results)


def whole(records: Sequence[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The records that cover the whole phrase (surrounding spaces aside), in text order."""
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    return [r for r in records if r["start"] <= lead and r["end"] >= tail]


def score_phrase(
    line: dict[str, Any], records: Sequence[dict[str, Any]], tz: tzinfo
) -> PhraseResult:
    """Score one money or time phrase against the factex records of its dimension.

    >>> tz = timezone(timedelta(hours=-2))
    >>> line = {"id": "t1", "text": "lundi", "dimension": "time", "group": 0,
    ...         "expected": {"type": "value", "value": "2013-02-18T00:00:00-02:00", "grain": "day"}}
    >>> rec = {"kind": "date", "start": 0, "end": 5, "value": "2013-02-18", "grain": "day"}
    >>> r = score_phrase(line, [rec, dict(rec)], tz)
    >>> r.span, r.value, r.strict
    (True, True, False)
    """
    full = whole(records, line["text"])
    expected = line["expected"]
    if line["dimension"] == "amount-of-money":
        ok = [same_money(expected, r) for r in full]
    else:
        ok = [same_time(expected, to_duckling(r.get("value"), r.get("grain"), tz)) for r in full]
    return PhraseResult(
        id=line["id"],
        text=line["text"],
        group=line.get("group"),
        expected=expected,
        span=bool(full),
        value=bool(ok) and ok[0],
        strict=len(full) == 1 and ok[0],
        got=[_shown(r, tz) for r in records],
    )


def _shown(record: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    keys = ("text", "amount", "amount_min", "amount_max", "currency", "value", "grain")
    out = {k: record[k] for k in keys if k in record and record[k] is not None}
    if record.get("kind") == "date":
        out["as_duckling"] = to_duckling(record.get("value"), record.get("grain"), tz)
    return out


# -- running --------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _reference_tz(reference: str) -> tzinfo:
    moment = datetime.fromisoformat(reference)
    return moment.tzinfo or timezone.utc


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def extract_guarded(
    extract_many: Any, items: list[dict[str, Any]], nlp: Any, chunk: int = 32, seconds: int = 120
) -> list[tuple[list[dict[str, Any]], str | None]]:
    """``(record dicts, error)`` per item, batched; a batch that hangs is redone item by item.

    A phrase that sends the pipeline into a loop then costs ``seconds // 10`` and is reported,
    instead of stopping the whole benchmark (alarms need Unix and the main thread).
    """
    guarded = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    out: list[tuple[list[dict[str, Any]], str | None]] = []

    def run_batch(
        batch: list[dict[str, Any]], limit: int
    ) -> list[tuple[list[dict[str, Any]], str | None]]:
        if guarded:
            signal.alarm(limit)
        try:
            done = [
                (f.to_dicts(), f.error)
                for f in extract_many(batch, on_error="record", nlp=nlp, batch_size=chunk)
            ]
        finally:
            if guarded:
                signal.alarm(0)
        return done

    previous = signal.signal(signal.SIGALRM, _on_alarm) if guarded else None
    try:
        for start in range(0, len(items), chunk):
            batch = items[start : start + chunk]
            try:
                out.extend(run_batch(batch, seconds))
            except _Timeout:
                for item in batch:
                    try:
                        out.extend(run_batch([item], max(1, seconds // 10)))
                    except _Timeout:
                        out.append(([], f"timed out after {max(1, seconds // 10)} s"))
    finally:
        if guarded:
            signal.signal(signal.SIGALRM, previous)
    return out


def run(path: Path, reference: str = REFERENCE, nlp: Any = None) -> dict[str, SuiteScore]:
    """Run factex over money.jsonl, time.jsonl and negative.jsonl; one SuiteScore each."""
    import factex
    from factex.api import parse_published

    suites = {
        "money": read_jsonl(path / "money.jsonl"),
        "time": read_jsonl(path / "time.jsonl"),
        "negatives": read_jsonl(path / "negative.jsonl"),
    }
    try:
        parse_published(reference)
        published = reference
    except ValueError:  # an older factex that only takes dates
        published = reference[:10]
    tz = _reference_tz(reference)
    lines = [(name, line) for name, ls in suites.items() for line in ls]
    items = [{"id": line["id"], "text": line["text"], "published": published} for _, line in lines]
    scores = {name: SuiteScore(name) for name in suites}
    results = extract_guarded(factex.extract_many, items, nlp)
    for (name, line), (records, error) in zip(lines, results, strict=True):
        if error:
            print(f"duckling.py: {line['id']} {line['text']!r}: {error}", file=sys.stderr)
        if name == "negatives":
            dates = [r for r in records if r["kind"] == "date"]
            passed = not dates and not error
            scores[name].results.append(
                PhraseResult(line["id"], line["text"], line.get("dimension"), None,
                             passed, passed, passed, [_shown(r, tz) for r in dates])
            )  # fmt: skip
            continue
        kind = "money" if name == "money" else "date"
        scores[name].results.append(
            score_phrase(line, [r for r in records if r["kind"] == kind], tz)
        )
    return scores


def format_table(scores: dict[str, SuiteScore]) -> str:
    head = f"{'suite':<11}{'phrases':>8}{'span':>7}{'value':>7}{'strict':>8}   Duckling (strict)"
    lines = [head, "-" * len(head)]
    for name, s in scores.items():
        n = len(s.results)
        d_ok, d_n = DUCKLING[name]
        lines.append(
            f"{name:<11}{n:>8}{s.count('span'):>7}{s.count('value'):>7}{s.count('strict'):>8}"
            f"   {d_ok}/{d_n}"
        )
    return "\n".join(lines)


def format_failures(scores: dict[str, SuiteScore]) -> str:
    out: list[str] = []
    for name, s in scores.items():
        failing = [r for r in s.results if not r.strict]
        if not failing:
            continue
        out += ["", f"{name}: {len(failing)} failing (strict)"]
        groups: dict[Any, list[PhraseResult]] = {}
        for r in failing:
            groups.setdefault(r.group, []).append(r)
        for group, results in groups.items():
            out.append(
                f"  group {group}: expected {json.dumps(results[0].expected, ensure_ascii=False)}"
            )
            for r in results:
                why = (
                    "no whole-phrase record"
                    if not r.span
                    else ("wrong value" if not r.value else "more than one")
                )
                got = json.dumps(r.got, ensure_ascii=False)
                out.append(f"    - {r.text!r} ({why}) got {got}")
    return "\n".join(out)


def to_json(scores: dict[str, SuiteScore], failures: bool) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    for name, s in scores.items():
        entry: dict[str, Any] = {
            "phrases": len(s.results),
            "span": s.count("span"),
            "value": s.count("value"),
            "strict": s.count("strict"),
            "duckling": {"passed": DUCKLING[name][0], "phrases": DUCKLING[name][1]},
        }
        if failures:
            entry["failures"] = [vars(r) for r in s.results if not r.strict]
        payload[name] = entry
    return payload


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="the duckling-fr directory")
    parser.add_argument(
        "--reference", default=REFERENCE, help="reference time (Duckling's testContext)"
    )
    parser.add_argument("--failures", action="store_true", help="list failing phrases by group")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.path / "time.jsonl").is_file():
        print(
            f"duckling.py: error: no Duckling corpus at {args.path} (use --path)", file=sys.stderr
        )
        return 2
    scores = run(args.path, args.reference)
    if args.json:
        print(json.dumps(to_json(scores, args.failures), ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"Duckling FR corpus at {args.path}, reference {args.reference}\n")
    print(format_table(scores))
    if args.failures:
        print(format_failures(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where factex's extra time goes: the bare model and factex side by side, in one process.

``throughput.py`` compares ``nlp.pipe`` of the bare model with ``factex.extract_many`` end to
end, and times factex's components in a separate pass; on a loaded machine the two passes see
different loads. Here each component of both pipelines is timed *inside* the end-to-end runs
(exclusive CPU time: a component's ``pipe`` minus the time its upstream takes to hand it Docs),
in alternating rounds, so the model's own components can be compared (does factex make them
dearer?) and the rest of the gap located: factex's components, the run layer (masking, jobs,
records, the tokenizer), garbage collection. The fastest round of each part is reported: load
from other jobs only ever adds time.

    python benchmarks/gap.py [--sets dense wikinews] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from throughput import MODEL, text_sets

_clock = time.process_time


class Timed:
    """A pipeline component whose exclusive CPU time is added to ``seconds[name]``."""

    def __init__(self, name: str, proc: Any, seconds: dict[str, float]) -> None:
        self.name, self.proc, self.seconds = name, proc, seconds

    def __call__(self, doc: Any) -> Any:
        start = _clock()
        doc = self.proc(doc)
        self.seconds[self.name] += _clock() - start
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 32) -> Iterator[Any]:
        upstream = self._upstream(iter(docs))
        if hasattr(self.proc, "pipe"):
            inner = iter(self.proc.pipe(upstream, batch_size=batch_size))
        else:
            inner = (self.proc(doc) for doc in upstream)
        while True:
            start = _clock()
            try:
                doc = next(inner)
            except StopIteration:
                self.seconds[self.name] += _clock() - start
                return
            self.seconds[self.name] += _clock() - start
            yield doc

    def _upstream(self, docs: Iterator[Any]) -> Iterator[Any]:
        while True:
            start = _clock()
            try:
                doc = next(docs)
            except StopIteration:
                self.seconds[self.name] -= _clock() - start
                return
            self.seconds[self.name] -= _clock() - start
            yield doc


def instrument(nlp: Any) -> dict[str, float]:
    """Wrap every component of ``nlp`` (a private copy) in :class:`Timed`; their clocks."""
    seconds: dict[str, float] = defaultdict(float)
    nlp._components = [(n, Timed(n, p, seconds)) for n, p in nlp._components]
    return seconds


class GcClock:
    """CPU seconds spent in the cyclic garbage collector."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = _clock()
        else:
            self.seconds += _clock() - self._start


def measure(run: Callable[[], Any], parts: dict[str, float], gc_clock: GcClock) -> dict[str, float]:
    """One run: its total CPU seconds, its components' and the garbage collector's."""
    gc.collect()
    parts.clear()
    gc_clock.seconds = 0.0
    start = _clock()
    run()
    total = _clock() - start
    out = dict(parts)
    out["(rest: run layer, tokenizer, records)"] = total - sum(parts.values())
    out["(of which garbage collector)"] = gc_clock.seconds
    out["TOTAL"] = total
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dense"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args(argv)

    import spacy

    import factex
    from factex.pipeline import build

    bare, fx = spacy.load(MODEL), build()
    bare_parts, fx_parts = instrument(bare), instrument(fx)
    gc_clock = GcClock()
    gc.callbacks.append(gc_clock)
    for name, texts in text_sets(args.sets, args.docs).items():

        def run_bare(texts: list[str] = texts) -> int:
            return sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size))

        def run_factex(texts: list[str] = texts) -> int:
            return sum(1 for _ in factex.extract_many(texts, nlp=fx, batch_size=args.batch_size))

        runs = {"bare": (run_bare, bare_parts), "factex": (run_factex, fx_parts)}
        for run, _ in runs.values():  # warm-up: caches, arrays, string store
            run()
        rounds: dict[str, list[dict[str, float]]] = defaultdict(list)
        for r in range(args.rounds):
            for key in (list(runs) if r % 2 == 0 else list(reversed(list(runs)))):
                rounds[key].append(measure(*runs[key], gc_clock))
        print(f"\n######## {name}: {len(texts)} docs; CPU s, fastest of {args.rounds} rounds "
              "(bare | factex | factex - bare)")
        best = {k: {p: min(r[p] for r in v) for p in v[0]} for k, v in rounds.items()}
        for part in dict.fromkeys([*best["factex"], *best["bare"]]):
            b, f = best["bare"].get(part, 0.0), best["factex"].get(part, 0.0)
            print(f"{part:>38}: {b:7.3f} | {f:7.3f} | {f - b:+7.3f}")
        print("totals per round: bare " + " ".join(f"{r['TOTAL']:.2f}" for r in rounds["bare"])
              + "; factex " + " ".join(f"{r['TOTAL']:.2f}" for r in rounds["factex"]))


if __name__ == "__main__":
    main()

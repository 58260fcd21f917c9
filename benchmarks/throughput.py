"""Throughput of factex end to end against the bare ``fr_core_news_md`` pipeline.

Prints figures (this is a measurement, not a test):

* load time and peak RSS, each measured in a fresh process (import + load + one pass);
* docs/s and tokens/s for the bare model (``spacy.load`` + ``nlp.pipe``) and for factex
  (``factex.extract_many``, records included), with one and two processes, in alternating
  rounds within the same run so that both see the same machine load; the ratio factex/bare
  and the speed-up of two processes over one;
* the cost of each pipeline component (one pass, component by component);
* with ``--profile``, where the time goes inside factex (cProfile, top functions).

Two sets of texts, measured one after the other in the same run: the ``wikinews-fr:*``
documents of /work/shared/corpus-fr/corpus.jsonl when present (modern news, else generated
news-like paragraphs), and the fact-dense financial articles of ``benchmarks/dense.py`` (an
amount, a percentage and a date in most sentences: where factex costs most). A summary at the
end puts both ratios side by side.

    python benchmarks/throughput.py [--rounds 3] [--docs 100] [--sets wikinews dense]
                                    [--processes 1 2] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

CORPUS = Path(os.environ.get("FACTEX_CORPUS", "/work/shared/corpus-fr/corpus.jsonl"))
MODEL = "fr_core_news_md"


def news_texts(limit: int) -> list[str]:
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh if line.strip()]
        texts = [d["text"] for d in docs if str(d.get("id", "")).startswith("wikinews-fr:")]
        if texts:
            return (texts * (limit // len(texts) + 1))[:limit]
    return generated_texts(limit)


def generated_texts(limit: int) -> list[str]:
    """News-like paragraphs, varied by seedless arithmetic so runs are comparable."""
    firms = ["Renault", "Danone", "Orange", "Vinci", "Safran", "Kering", "Engie", "Thales"]
    cities = ["Lyon", "Lille", "Nantes", "Rennes", "Toulouse", "Bordeaux"]
    months = ["janvier", "mars", "mai", "juillet", "septembre", "novembre"]
    texts = []
    for i in range(limit):
        firm, city, month = firms[i % 8], cities[i % 6], months[i % 6]
        paragraphs = [
            f"{firm} a publié le {i % 27 + 1} {month} {2015 + i % 8} un chiffre d'affaires de "
            f"{i % 90 + 10},{i % 9} milliards d'euros, en hausse de {i % 12 + 1},{i % 7} % "
            f"sur un an, a indiqué le groupe dans un communiqué.",
            f"À {city}, le site emploie {(i * 37) % 4000 + 200} salariés. La direction prévoit "
            f"d'investir {i % 300 + 20} millions d'euros d'ici {2024 + i % 5}.",
            f"L'action {firm} a reculé de {i % 5},{i % 10} % à la Bourse de Paris, tandis que "
            f"le CAC 40 gagnait {i % 3},{i % 8} point(s) lundi.",
        ]
        texts.append("\n\n".join(paragraphs * (1 + i % 4)))
    return texts


# -- load time and memory, in a fresh process ----------------------------------------------
CHILD = """
import json, resource, sys, time
kind, n_texts = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, {here!r})
from throughput import news_texts
texts = news_texts(n_texts)
t0 = time.perf_counter()
if kind == "bare":
    import spacy
    t1 = time.perf_counter()
    nlp = spacy.load({model!r})
    run = lambda n: sum(1 for _ in nlp.pipe(texts, n_process=n))
else:
    import factex
    t1 = time.perf_counter()
    nlp = factex.load()
    run = lambda n: sum(1 for _ in factex.extract_many(texts, nlp=nlp, n_process=n))
t2 = time.perf_counter()
run(1)
self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
run(2)
child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "total": t2 - t0,
                  "rss_mb": self_rss / 1024, "worker_rss_mb": child_rss / 1024}}))
"""


def measure_in_child(kind: str, n_texts: int) -> dict[str, float]:
    code = CHILD.format(here=str(Path(__file__).parent), model=MODEL)
    out = subprocess.run(
        [sys.executable, "-c", code, kind, str(n_texts)],
        capture_output=True, text=True, check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- what the machine gives two processes right now ------------------------------------------
def _burn(_: int = 0) -> float:
    start, x = time.perf_counter(), 0
    for i in range(15_000_000):
        x += i
    return time.perf_counter() - start


def parallel_capacity() -> float:
    """Speed-up of two pure-Python CPU-bound processes over one: 2.0 on two idle cores.

    On a shared machine this is the ceiling for any two-process speed-up measured below.
    """
    import multiprocessing

    one = _burn()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [0, 1])
        two = time.perf_counter() - start
    return 2 * one / two


# -- throughput -----------------------------------------------------------------------------
def timed(run: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (this process and its children) of one run."""
    start, before = time.perf_counter(), os.times()
    run()
    after = os.times()
    cpu = sum(getattr(after, f) - getattr(before, f)
              for f in ("user", "system", "children_user", "children_system"))
    return time.perf_counter() - start, cpu


Timings = dict[tuple[str, int], list[tuple[float, float]]]


def throughput(
    rounds: int, texts: list[str], batch_size: int, processes: tuple[int, ...], bare: Language
) -> Timings:
    import factex

    fx = factex.load()
    runs: dict[tuple[str, int], Callable[[], Any]] = {}

    def run_bare(n: int) -> int:
        return sum(1 for _ in bare.pipe(texts, n_process=n, batch_size=batch_size))

    def run_factex(n: int) -> int:
        return sum(
            1 for _ in factex.extract_many(texts, nlp=fx, n_process=n, batch_size=batch_size)
        )

    for n in processes:
        runs[("bare", n)] = functools.partial(run_bare, n)
        runs[("factex", n)] = functools.partial(run_factex, n)
    # Warm-up: first calls fill caches (vectors, lookups, regex caches, the string store) and
    # grow the arrays of both pipelines; a pass over ten texts was not enough: the first full
    # pass of each still took 1.5-2x the later ones, so each pipeline sees all texts once.
    sum(1 for _ in bare.pipe(texts, batch_size=batch_size))
    sum(1 for _ in factex.extract_many(texts, nlp=fx, batch_size=batch_size))
    seconds: Timings = {key: [] for key in runs}
    for r in range(rounds):
        order = list(runs) if r % 2 == 0 else list(reversed(list(runs)))
        for key in order:
            # A full collection first: with two models loaded (~900 k tracked objects) one
            # gen-2 collection costs ~0.3 s CPU, and it fell in whichever round crossed the
            # threshold, often a bare round paying for factex's garbage or the reverse.
            gc.collect()
            load = os.getloadavg()[0]
            wall, cpu = timed(runs[key])
            seconds[key].append((wall, cpu))
            print(f"  round {r + 1}: {key[0]:>6} n_process={key[1]}: {wall:6.2f} s wall, "
                  f"{cpu:6.2f} s CPU (load average before: {load:.1f})", flush=True)
    return seconds


def component_costs(texts: list[str], batch_size: int) -> list[tuple[str, float]]:
    """CPU seconds of this process in each component over one pass, plus factex's own edges.

    CPU time, not wall clock: on a shared machine another job's load went into the shares.
    """
    import factex
    from factex.api import chunk_limit
    from factex.io.convert import records_from_doc
    from factex.run.batch import Job

    nlp = factex.load()
    # The tokenizer (make_doc) is the bare model's cost too: timed apart from factex's masking
    # and cutting of the text, so that the factex share counts only factex.
    start = time.process_time()
    jobs = [Job.of(i, i, t, None, chunk_limit(nlp)) for i, t in enumerate(texts)]
    costs = [("mask + split (factex)", time.process_time() - start)]
    start = time.process_time()
    pieces = [piece for job in jobs for _, piece in job.pieces]
    docs = [nlp.make_doc(piece) for piece in pieces]
    for doc, piece in zip(docs, pieces, strict=True):
        doc._.factex_text = piece  # as extract_many does: the text is not joined again
    costs.append(("make_doc (tokenizer)", time.process_time() - start))
    for name, proc in nlp.pipeline:
        gc.collect()
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        costs.append((name, time.process_time() - start))
    start = time.process_time()
    for doc, piece in zip(docs, pieces, strict=True):
        records_from_doc(doc, 0, piece)  # as extract_many does: the text is not joined again
    costs.append(("records (convert)", time.process_time() - start))
    return costs


def profile(texts: list[str], batch_size: int, top: int) -> str:
    import factex

    nlp = factex.load()
    profiler = cProfile.Profile()
    profiler.enable()
    sum(1 for _ in factex.extract_many(texts, nlp=nlp, batch_size=batch_size))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("\n-- factex code only (cumulative) --\n")
    stats.sort_stats("cumulative").print_stats(r"factex/(?!api|run/)", top)
    return out.getvalue()


def text_sets(names: list[str], docs: int) -> dict[str, list[str]]:
    """The texts of each named set: ``wikinews`` (or generated news) and ``dense``."""
    sys.path.insert(0, str(Path(__file__).parent))
    from dense import dense_texts

    sets = {}
    for name in names:
        if name == "wikinews":
            sets["wikinews-fr" if CORPUS.exists() else "generated"] = news_texts(docs)
        elif name == "dense":
            sets["dense financial"] = dense_texts()
        else:
            raise SystemExit(f"unknown set {name!r}: wikinews or dense")
    return sets


def measure_set(
    name: str, texts: list[str], args: argparse.Namespace, bare: Language
) -> dict[str, float]:
    """Throughput and component shares of one set; returns its headline ratios."""
    import spacy

    blank = spacy.blank("fr")
    tokens = sum(len(blank.make_doc(t)) for t in texts)
    chars = sum(len(t) for t in texts)
    print(f"\n######## {name}: {len(texts)} docs, {chars / 1000:.0f} k chars, {tokens} tokens; "
          f"load average: {os.getloadavg()[0]:.1f}")
    print(f"\n== throughput, {args.rounds} alternating rounds (median) ==")
    processes = tuple(args.processes)
    seconds = throughput(args.rounds, texts, args.batch_size, processes, bare)
    wall = {key: statistics.median(w for w, _ in v) for key, v in seconds.items()}
    cpu = {key: statistics.median(c for _, c in v) for key, v in seconds.items()}
    for (kind, n), s in sorted(wall.items()):
        print(f"{kind:>6} n_process={n}: {len(texts) / s:6.1f} docs/s  {tokens / s:8.0f} tokens/s"
              f"  ({cpu[(kind, n)]:.2f} s CPU)")
    for n in processes:
        ratio = wall[("bare", n)] / wall[("factex", n)]
        print(f"ratio factex/bare, n_process={n}: {ratio:.3f} (wall clock), "
              f"{cpu[('bare', n)] / cpu[('factex', n)]:.3f} (CPU time)")
    # On a shared machine the same pass can take twice as long from one round to the next:
    # two estimates that load disturbs less than the ratio of medians.
    bare_cpu = [c for _, c in seconds[("bare", 1)]]
    factex_cpu = [c for _, c in seconds[("factex", 1)]]
    paired = statistics.median(b / f for b, f in zip(bare_cpu, factex_cpu, strict=True))
    print(f"ratio factex/bare, n_process=1, CPU time: {paired:.3f} (median of the rounds' "
          f"ratios), {min(bare_cpu) / min(factex_cpu):.3f} (fastest round of each)")
    if 2 in processes:
        for kind in ("bare", "factex"):
            print(f"speed-up with 2 processes ({kind}): {wall[(kind, 1)] / wall[(kind, 2)]:.2f}x; "
                  f"CPU spent with 2 processes / with 1: {cpu[(kind, 2)] / cpu[(kind, 1)]:.2f} "
                  "(1.0 = no extra work; the speed-up needs two idle cores)")

    print("\n== CPU cost per component (one pass, n_process=1) ==")
    costs = component_costs(texts, args.batch_size)
    total = sum(c for _, c in costs)
    factex_part = sum(c for name, c in costs if "factex" in name or "records" in name
                      or "mask" in name)
    for part, cost in costs:
        print(f"{part:>26}: {cost:7.3f} s  {100 * cost / total:5.1f} %")
    print(f"{'factex share':>26}: {factex_part:7.3f} s  {100 * factex_part / total:5.1f} %")
    if args.profile:
        print(f"\n== profile of factex.extract_many on {name} (cProfile, n_process=1) ==")
        print(profile(texts, args.batch_size, args.top))
    return {
        "paired": paired,
        "fastest": min(bare_cpu) / min(factex_cpu),
        "share": factex_part / total,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--sets", nargs="+", default=["wikinews", "dense"])
    parser.add_argument("--processes", nargs="+", type=int, default=[1], choices=[1, 2])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--skip-children", action="store_true")
    args = parser.parse_args(argv)
    if 1 not in args.processes:
        args.processes.insert(0, 1)

    sets = text_sets(args.sets, args.docs)
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    if not args.skip_children:
        print("\n== load time and peak RSS (fresh process each, Wikinews texts) ==")
        for kind in ("bare", "factex"):
            m = measure_in_child(kind, min(args.docs, 50))
            print(f"{kind:>6}: import {m['import']:.2f} s + load {m['load']:.2f} s = "
                  f"{m['total']:.2f} s; peak RSS {m['rss_mb']:.0f} MB (main), "
                  f"{m['worker_rss_mb']:.0f} MB (largest worker, n_process=2)")
    if 2 in args.processes:
        print(f"parallel capacity now (two CPU-bound processes vs one): "
              f"{parallel_capacity():.2f}x")

    import spacy

    bare = spacy.load(MODEL)
    ratios = {name: measure_set(name, texts, args, bare) for name, texts in sets.items()}
    print("\n== summary: factex/bare throughput, one process, CPU time ==")
    for name, r in ratios.items():
        print(f"{name:>18}: {r['paired']:.3f} (median of rounds' ratios), {r['fastest']:.3f} "
              f"(fastest rounds); factex's share of the pipeline's CPU {100 * r['share']:.1f} %")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process, both pipelines loaded: peak RSS {peak:.0f} MB)")


if __name__ == "__main__":
    main()

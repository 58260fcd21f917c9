"""CPU of each factex component alone, best of several passes: the figure to compare checkouts.

``throughput.py`` times one pass of each component; on a shared machine one pass can cost half
as much again as the next. Here the texts are parsed anew for each of N passes (after one
warm-up) and each component keeps its cheapest pass: load from other jobs only ever adds time.
The model's components are timed the same way, so the last column is the ratio factex's
components alone allow (the run layer, masking and jobs, adds about 0.01-0.02 s on top).
To compare two checkouts, run it in each, one after the other, twice.

    python benchmarks/components.py [--sets wikinews dense] [--passes 5]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from throughput import text_sets


def component_seconds(texts: list[str], passes: int) -> dict[str, float]:
    """The cheapest CPU seconds of each pipeline component (and of the records) over passes."""
    import factex
    from factex.api import chunk_limit
    from factex.io.convert import records_from_doc
    from factex.run.batch import Job

    nlp = factex.load()
    seconds: dict[str, list[float]] = {}
    for pass_number in range(passes + 1):  # pass 0 warms the caches up
        jobs = [Job.of(i, i, t, None, chunk_limit(nlp)) for i, t in enumerate(texts)]
        pieces = [piece for job in jobs for _, piece in job.pieces]
        docs = [nlp.make_doc(piece) for piece in pieces]
        for doc, piece in zip(docs, pieces, strict=True):
            doc._.factex_text = piece  # as extract_many does
        for name, proc in nlp.pipeline:
            gc.collect()
            start = time.process_time()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=32))
            else:
                docs = [proc(doc) for doc in docs]
            if pass_number:
                seconds.setdefault(name, []).append(time.process_time() - start)
        gc.collect()
        start = time.process_time()
        for doc, piece in zip(docs, pieces, strict=True):
            records_from_doc(doc, 0, piece)
        if pass_number:
            seconds.setdefault("records", []).append(time.process_time() - start)
    return {name: min(times) for name, times in seconds.items()}


def is_factex(name: str) -> bool:
    return name.startswith("factex_") or name == "records"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["wikinews", "dense"])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args(argv)
    for name, texts in text_sets(args.sets, args.docs).items():
        best = component_seconds(texts, args.passes)
        ours = {k: v for k, v in best.items() if is_factex(k)}
        model = sum(v for k, v in best.items() if not is_factex(k))
        total = sum(ours.values())
        print(f"\n{name}: CPU s, cheapest of {args.passes} passes")
        for part, cost in ours.items():
            print(f"{part:>20}: {cost:6.3f}")
        print(f"{'factex components':>20}: {total:6.3f}\n{'model components':>20}: {model:6.3f}")
        print(f"{'model / (model + factex)':>20}: {model / (model + total):.3f}")


if __name__ == "__main__":
    main()

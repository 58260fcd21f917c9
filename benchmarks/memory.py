"""Peak memory of ``factex extract`` streaming N documents to JSONL, for several N.

Streaming must use memory that does not grow with the number of documents: the peak RSS over
1 000 and over 10 000 documents should be within a few percent of each other. The documents are
the lines of /work/shared/corpus-fr/corpus.jsonl repeated (each copy with its own id), written
to a temporary JSONL file; each N runs ``python -m factex extract FILE --out OUT.jsonl -q`` in a
fresh process, whose peak RSS is read from the kernel (``os.wait4``).

``--max-chars`` keeps only the start of each text: the same number of documents (what a leak
per document would show) in far less time than whole articles.

    python benchmarks/memory.py [--docs 1000 10000] [--max-chars 400] [--n-process 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(os.environ.get("FACTEX_CORPUS", "/work/shared/corpus-fr/corpus.jsonl"))


def write_documents(path: Path, count: int, max_chars: int) -> int:
    """``count`` documents from the corpus, repeated in order; returns their characters."""
    with CORPUS.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            doc = docs[n % len(docs)]
            text = doc["text"][:max_chars] if max_chars else doc["text"]
            chars += len(text)
            row = {"id": f"{doc.get('id', n)}#{n // len(docs)}", "text": text}
            if doc.get("date"):
                row["published"] = doc["date"]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return chars


def peak_rss(args: list[str]) -> tuple[float, float, int]:
    """Peak RSS in MB, wall seconds and exit code of one command run to its end."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(proc.stderr.read().decode() if proc.stderr else "")
    return usage.ru_maxrss / 1024, time.perf_counter() - start, proc.returncode


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--max-chars", type=int, default=0, help="0: whole texts")
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.docs:
            source, out = Path(tmp, f"docs-{count}.jsonl"), Path(tmp, f"facts-{count}.jsonl")
            chars = write_documents(source, count, args.max_chars)
            command = [sys.executable, "-m", "factex", "extract", str(source), "--out", str(out),
                       "-q", "--n-process", str(args.n_process)]  # fmt: skip
            rss, wall, code = peak_rss(command)
            lines = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
            peaks[count] = rss
            print(f"{count:>7} documents ({chars / 1e6:.1f} M chars): peak RSS {rss:7.0f} MB, "
                  f"{wall:6.0f} s, {lines} lines written, exit {code}", flush=True)
    smallest, largest = min(peaks), max(peaks)
    growth = peaks[largest] / peaks[smallest] - 1
    print(f"growth from {smallest} to {largest} documents: {100 * growth:+.1f} % "
          "(goal: within 10 %)")


if __name__ == "__main__":
    main()

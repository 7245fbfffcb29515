"""Throughput and peak memory of corpus loading on the shared corpora.

Run from the repository root:

    .venv/bin/python benchmarks/bench_load.py [--shared ../shared]

Prints, for each corpus: articles, MB of text, seconds, MB/s, and the peak resident memory of
a fresh process that loads it with ``load`` (everything in memory) and with ``iter_load``
(streamed in chunks of 2,000 articles, keeping only counts).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
import toolkit.corpus as tc
path, mode = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "load":
    corpus = tc.load(path, duplicates="drop_identical")
    n, chars = len(corpus), int(corpus["text"].str.len().sum())
else:
    n = chars = 0
    for chunk in tc.iter_load(path, chunk_size=2000, duplicates="drop_identical"):
        n += len(chunk)
        chars += int(chunk["text"].str.len().sum())
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"n": n, "chars": chars, "seconds": seconds, "peak_mb": peak_mb}))
"""


def measure(path: Path, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args()
    corpora = Path(args.shared) / "corpora"
    print(f"{'corpus':<32} {'mode':<9} {'articles':>8} {'text MB':>8} {'s':>7} {'MB/s':>6} "
          f"{'peak MB':>8}")
    for name in ("allsides_middle_east.jsonl.gz", "tehran_times.jsonl.gz"):
        for mode in ("load", "iter_load"):
            r = measure(corpora / name, mode)
            mb = r["chars"] / 1e6
            print(f"{name:<32} {mode:<9} {r['n']:>8,} {mb:>8.1f} {r['seconds']:>7.1f} "
                  f"{mb / r['seconds']:>6.1f} {r['peak_mb']:>8.0f}")



if __name__ == "__main__":
    main()

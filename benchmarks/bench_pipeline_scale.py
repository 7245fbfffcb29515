"""Scale of ``toolkit.pipeline``: articles/s per core, peak memory per worker, 2 workers vs 1.

Usage (from the repository root, ``../shared`` beside it)::

    .venv/bin/python -W ignore benchmarks/bench_pipeline_scale.py [--limit 500] [--chunk-size 100]

Corpus: ``--limit`` articles drawn uniformly at random (seed 0) from the whole
``../shared/corpora/tehran_times.jsonl.gz`` (streamed with ``toolkit.corpus.iter_load(...,
duplicates="drop_identical")``: the file repeats three ids) are the base slice (1x); the
first articles of the file are not typical (five times the mean length). The 4x and 16x
corpora are drawn from it with replacement (seed 0), each article under a new id, and
written to a temporary JSONL.gz.

Every measurement runs in a fresh subprocess (``OMP_NUM_THREADS=1``, ``DCT_NO_CACHE=1``) that
starts its own Dask ``LocalCluster`` (``threads_per_worker=1``) and calls
``toolkit.pipeline.run(..., backend="dask", scheduler=...)`` with every step:

- **per-core rate**: articles / CPU seconds, where the CPU seconds are the sum over chunks of
  ``time.process_time`` in the worker that ran the chunk (recorded in each chunk's status
  file). CPU time, not wall time, because the machine is shared: other jobs slow the wall
  clock but not the CPU time a chunk needs.
- **peak memory per worker**: ``ru_maxrss`` of each worker process (read with ``client.run``
  at the end), and of the driver process, at 1x, 4x and 16x;
- **2 workers against 1**: wall time of the same 4x corpus on 1 and on 2 workers (speed-up =
  wall(1) / wall(2)), a lower bound on a machine shared with other jobs; and the CPU
  speed-up, CPU seconds of the 1-worker run / CPU seconds of the busiest of the 2 workers
  (per worker from the chunk status files): the speed-up two free cores give, counting the
  extra work and the imbalance of running two workers.

The printed markdown tables are what ``benchmarks/README.md`` ("Pipeline") shows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DCT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "tehran_times.jsonl.gz"


def _write_corpus(path: Path, limit: int, factor: int) -> int:
    """The base slice (factor 1) or a resample of it ``factor`` times as large, as JSONL.gz."""
    import numpy as np
    import pandas as pd

    import toolkit.corpus as tc

    rng = np.random.default_rng(0)
    kept = None  # a uniform random sample of the whole file, streamed (smallest random keys)
    for chunk in tc.iter_load(CORPUS, chunk_size=2000, duplicates="drop_identical",
                              errors="collect"):
        chunk = chunk[["doc_id", "title", "text", "outlet", "date"]].assign(
            _key=rng.random(len(chunk)))
        kept = chunk if kept is None else pd.concat([kept, chunk], ignore_index=True)
        kept = kept.nsmallest(limit, "_key")
    base = kept.sort_values("_key").drop(columns="_key").reset_index(drop=True)
    if factor > 1:
        rows = np.random.default_rng(0).integers(0, len(base), size=factor * len(base))
        base = base.iloc[rows].reset_index(drop=True)
        base["doc_id"] = [f"tt{k:07d}" for k in range(len(base))]
    base["date"] = base["date"].astype(str).replace("NaT", None)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in base.to_dict("records"):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(base)


def _one(source: str, out: str, workers: int, chunk_size: int) -> dict:
    """Run once on a new LocalCluster; wall and CPU time, peak RSS of every process."""
    import logging

    from distributed import Client, LocalCluster

    from toolkit import pipeline

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        started = time.perf_counter()
        manifest = pipeline.run(source, out=out, chunk_size=chunk_size, backend="dask",
                                scheduler=cluster.scheduler_address, progress=False)
        wall = time.perf_counter() - started
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    finally:
        client.close()
        cluster.close()
    cpu = sum(c["cpu_seconds"] for c in manifest["chunk_status"].values())
    per_worker: dict[int, float] = {}
    for path in (Path(out) / "_chunks").glob("*.json"):
        status = json.loads(path.read_text())
        per_worker[status["pid"]] = per_worker.get(status["pid"], 0.0) + status["cpu_seconds"]
    return {"articles": manifest["rows"]["documents"], "wall": wall, "cpu": cpu,
            "worker_cpu": sorted(per_worker.values(), reverse=True),
            "worker_peak_mb": sorted(v / 1024 for v in peaks.values()),
            "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rows": manifest["rows"]}


def _measure(source: Path, workers: int, chunk_size: int, tmp: Path) -> dict:
    out = tmp / f"out-{source.stem}-{workers}"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "DCT_NO_CACHE": "1",
           "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-W", "ignore", __file__, "--_one", str(source),
                           str(out), str(workers), str(chunk_size)], env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_one":
        source, out, workers, chunk_size = sys.argv[2:6]
        print(json.dumps(_one(source, out, int(workers), int(chunk_size))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="articles in the base slice")
    parser.add_argument("--chunk-size", type=int, default=100)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"missing {CORPUS}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sources = {}
        for factor in args.factors:
            sources[factor] = tmp / f"tt-{factor}x.jsonl.gz"
            n = _write_corpus(sources[factor], args.limit, factor)
            print(f"{factor}x: {n} articles, {sources[factor].stat().st_size / 1e6:.1f} MB",
                  flush=True)
        results = {}
        for factor in args.factors:
            results[(factor, 2)] = _measure(sources[factor], 2, args.chunk_size, tmp)
            print(factor, 2, json.dumps(results[(factor, 2)]), flush=True)
        speed = min(f for f in args.factors if f >= 4) if max(args.factors) >= 4 else 1
        results[(speed, 1)] = _measure(sources[speed], 1, args.chunk_size, tmp)
        print(speed, 1, json.dumps(results[(speed, 1)]), flush=True)

    print(f"\nBase slice: {args.limit} random articles of tehran_times.jsonl.gz; "
          f"chunk_size={args.chunk_size}; every step.\n")
    print("| corpus | articles | workers | wall s | CPU s (sum of chunks) | articles/s per core "
          "| peak RSS per worker (MB) | driver peak (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for (factor, workers), r in sorted(results.items()):
        peaks = ", ".join(f"{p:.0f}" for p in r["worker_peak_mb"])
        print(f"| {factor}x | {r['articles']} | {workers} | {r['wall']:.1f} | {r['cpu']:.1f} | "
              f"{r['articles'] / r['cpu']:.0f} | {peaks} | {r['driver_peak_mb']:.0f} |")
    one, two = results[(speed, 1)], results[(speed, 2)]
    busiest = max(two["worker_cpu"])
    print(f"\n2 workers vs 1 on the {speed}x corpus: wall speed-up "
          f"{one['wall'] / two['wall']:.2f}x (machine shared: a lower bound); CPU seconds "
          f"{one['cpu']:.1f} (1 worker) vs {two['cpu']:.1f} (2 workers: "
          f"{', '.join(f'{c:.1f}' for c in two['worker_cpu'])} per worker); CPU speed-up "
          f"(1-worker CPU / busiest worker's CPU, what the wall clock gives on 2 free cores) "
          f"{one['cpu'] / busiest:.2f}x")


if __name__ == "__main__":
    main()

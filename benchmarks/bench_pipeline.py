"""Time the whole analysis (tokens, keyphrases, quotes, actors, tone) against an older revision.

Usage (from the repository root, ``../shared`` beside it)::

    .venv/bin/python -W ignore benchmarks/bench_pipeline.py [--limit 2000] [--baseline-rev dc9f12d]
    .venv/bin/python -W ignore benchmarks/bench_pipeline.py --sample 5000   # a random sample
    .venv/bin/python -W ignore benchmarks/bench_pipeline.py --stream   # peak memory, streamed

Corpus: the first ``--limit`` articles of ``../shared/corpora/tehran_times.jsonl.gz``, read with
``toolkit.corpus.load(..., duplicates="drop_identical")`` (the file repeats three ids); with
``--sample N``, N articles drawn at random (``--seed``, default 0) from the whole file instead,
which have the file's length distribution (the first 2,000 articles are five times longer than
the file's mean).

Each variant runs in a fresh subprocess with ``OMP_NUM_THREADS=1`` and ``DCT_NO_CACHE=1`` (no
disk cache), and each step is timed in CPU seconds of that process (``time.process_time``), so
the figures are per core and other jobs on the machine weigh less:

- ``baseline``: the code of ``--baseline-rev`` (exported with ``git archive`` into a temporary
  folder and imported through ``PYTHONPATH``), every analysis on the plain corpus, step by step:
  ``tokenize.tokenize``, ``keywords.extract`` (default method), ``quotes.extract``,
  ``actors.mentions``, ``tone.sentences``;
- ``current``: the working tree: ``annotate(corpus)`` once, then the same analyses on the
  annotated corpus. An analysis whose output on the annotated corpus differs from its output on
  the plain corpus (checked first on a few articles) gets the plain corpus and is marked
  ``(plain)`` in the table.

``--stream`` runs the current code over ``toolkit.corpus.iter_load`` chunks of 500 articles
(``iter_annotate`` then every analysis per chunk; each chunk's results are counted and
dropped, as when they are written to disk) at ``--limit`` and at four times it, and reports
the peak resident memory of each process: flat when it does not grow with the corpus.

The printed markdown tables are what ``benchmarks/README.md`` ("Whole analysis") shows.
"""

from __future__ import annotations

import argparse
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
STEPS = ["tokens", "keyphrases", "quotes", "actors", "tone"]
CHUNK = 500


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _analyses() -> dict:
    """Step name -> function of a corpus (the code imported: baseline or current)."""
    import toolkit.actors as actors
    import toolkit.keywords as kw
    import toolkit.quotes as quotes
    import toolkit.tokenize as tt
    import toolkit.tone as tone

    return {
        "tokens": tt.tokenize,
        "keyphrases": kw.extract,
        "quotes": lambda c: quotes.extract(c, warn=False),
        "actors": actors.mentions,
        "tone": tone.sentences,
    }


def _same(a, b) -> bool:
    try:
        return a.reset_index(drop=True).equals(b.reset_index(drop=True))
    except Exception:  # noqa: BLE001 - anything not comparable counts as different
        return False


def _annotated_ok(fns: dict, corpus) -> dict[str, bool]:
    """For each step: does it give the same output on the annotated corpus as on the plain?"""
    from toolkit.annotate import annotate

    sample = corpus.head(5)
    ac = annotate(sample, cache=False)
    out = {}
    for name, fn in fns.items():
        try:
            out[name] = _same(fn(ac), fn(sample))
        except Exception:  # noqa: BLE001 - an analysis that refuses the layer gets the corpus
            out[name] = False
    return out


def _timed(fn) -> tuple[object, float]:
    t0 = time.process_time()
    out = fn()
    return out, time.process_time() - t0


def worker(variant: str, data: Path) -> dict:
    """Run one variant in this process; return seconds per step, peak MB, imported code."""
    import pandas as pd

    import toolkit

    corpus = pd.read_pickle(data)
    fns = _analyses()
    seconds: dict[str, float] = {}
    plain: list[str] = []
    rows: dict[str, int] = {}
    if variant == "baseline":
        for name, fn in fns.items():
            out, seconds[name] = _timed(lambda fn=fn: fn(corpus))
            rows[name] = len(out)
    else:
        from toolkit.annotate import annotate

        ok = _annotated_ok(fns, corpus)
        ac, seconds["annotate"] = _timed(lambda: annotate(corpus, cache=False))
        for name, fn in fns.items():
            source = ac if ok[name] else corpus
            if not ok[name]:
                plain.append(name)
            out, seconds[name] = _timed(lambda fn=fn, source=source: fn(source))
            rows[name] = len(out)
    return {"variant": variant, "articles": len(corpus), "seconds": seconds, "rows": rows,
            "plain": plain, "peak_mb": _peak_mb(), "code": str(Path(toolkit.__file__).parent)}


def stream_worker(limit: int) -> dict:
    """Current code over ``iter_load`` chunks of :data:`CHUNK`; results counted and dropped."""
    import toolkit.corpus as tc
    from toolkit.annotate import iter_annotate

    fns = _analyses()

    def chunks():
        left = limit
        for chunk in tc.iter_load(CORPUS, chunk_size=CHUNK, duplicates="drop_identical"):
            if left <= 0:
                return
            yield chunk[["doc_id", "text"]].head(left)
            left -= len(chunk)

    ok: dict[str, bool] | None = None
    n = 0
    t0 = time.process_time()
    for ac in iter_annotate(chunks(), chunk_size=CHUNK, cache=False):
        if ok is None:
            ok = _annotated_ok(fns, ac.corpus)
        n += len(ac)
        for name, fn in fns.items():
            len(fn(ac if ok[name] else ac.corpus))
    return {"articles": n, "seconds": time.process_time() - t0, "peak_mb": _peak_mb()}


# --- parent -----------------------------------------------------------------------------------


def _run(args: list[str], *, pythonpath: str | None = None) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               DCT_NO_CACHE="1", PYTHONWARNINGS="ignore")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    else:
        env.pop("PYTHONPATH", None)
    proc = subprocess.run([sys.executable, __file__, *args], env=env, cwd=REPO, text=True,
                          capture_output=True, check=False)
    if proc.returncode:
        sys.exit(f"worker {args} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _export(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "toolkit"], cwd=REPO, check=True,
                             capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def _table(base: dict, cur: dict, rev: str) -> str:
    n = base["articles"]

    def rate(s: float | None) -> str:
        return f"{n / s:,.0f}" if s else "-"

    lines = [
        f"| step | {rev} s | {rev} articles/s | current s | current articles/s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for step in ["annotate", *STEPS]:
        b = base["seconds"].get(step)
        c = cur["seconds"].get(step)
        label = step + (" (plain)" if step in cur["plain"] else "")
        if step == "annotate":
            label = "annotate (layer, once)"
        lines.append(f"| {label} | {b:.2f} | {rate(b)} |" if b is not None
                     else f"| {label} | - | - |")
        lines[-1] += f" {c:.2f} | {rate(c)} |"
    bt, ct = sum(base["seconds"].values()), sum(cur["seconds"].values())
    lines.append(f"| **total** | {bt:.2f} | **{rate(bt)}** | {ct:.2f} | **{rate(ct)}** |")
    lines.append(f"| peak RSS MB | | {base['peak_mb']:,.0f} | | {cur['peak_mb']:,.0f} |")
    lines.append("")
    lines.append(f"Ratio current/{rev} (articles/s, whole analysis): **{bt / ct:.2f}x** "
                 f"({n:,} articles).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles (default 2,000)")
    parser.add_argument("--sample", type=int, help="N articles drawn at random from the file")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    parser.add_argument("--baseline-rev", default="dc9f12d")
    parser.add_argument("--stream", action="store_true",
                        help="peak memory of streamed chunks at --limit and 4 x --limit")
    parser.add_argument("--worker", choices=["baseline", "current"], help=argparse.SUPPRESS)
    parser.add_argument("--stream-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.data)))
        return
    if args.stream_worker:
        print(json.dumps(stream_worker(args.limit)))
        return
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found (set DCT_SHARED)")
    if args.stream:
        print(f"| articles | chunks of {CHUNK} | CPU s | articles/s | peak RSS MB |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for limit in (args.limit, 4 * args.limit):
            r = _run(["--stream-worker", "--limit", str(limit)])
            print(f"| {r['articles']:,} | {-(-r['articles'] // CHUNK)} | {r['seconds']:.1f} | "
                  f"{r['articles'] / r['seconds']:,.0f} | {r['peak_mb']:,.0f} |", flush=True)
        return

    import toolkit.corpus as tc

    corpus = tc.load(CORPUS, duplicates="drop_identical")[["doc_id", "text"]]
    if args.sample:
        corpus = corpus.sample(n=args.sample, random_state=args.seed).sort_index()
        what = f"{len(corpus):,} articles drawn at random (seed {args.seed})"
    else:
        corpus = corpus.head(args.limit)
        what = f"first {len(corpus):,} articles"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.pkl"
        corpus.reset_index(drop=True).to_pickle(data)
        old = _export(args.baseline_rev, Path(tmp) / "baseline")
        base = _run(["--worker", "baseline", "--data", str(data)], pythonpath=str(old))
        if not base["code"].startswith(str(old)):
            sys.exit(f"baseline imported {base['code']}, not the exported revision")
        cur = _run(["--worker", "current", "--data", str(data)])
    mb = corpus["text"].str.len().sum() / 1e6
    print(f"Tehran Times, {what} ({mb:.1f} M characters); "
          f"CPU seconds of one process per step.\n")
    print(_table(base, cur, args.baseline_rev))
    if base["rows"] != cur["rows"]:
        print(f"\nrows differ: {args.baseline_rev} {base['rows']}, current {cur['rows']}")


if __name__ == "__main__":
    main()

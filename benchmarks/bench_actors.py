"""Benchmark of toolkit.actors: quality on hand-annotated AllSides articles, speed on Tehran Times.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_actors.py            # both parts
    .venv/bin/python benchmarks/bench_actors.py --quality  # gold-standard scores only
    .venv/bin/python benchmarks/bench_actors.py --speed    # Tehran Times timing only

Quality: precision and recall of ``toolkit.actors.mentions`` against the hand annotations in
``tests/fixtures/actors_gold/`` (doc ids, offsets and actors only; the texts are read from
``../shared/corpora/allsides_middle_east.jsonl.gz``). A mention counts as correct when its
doc_id, start, end and actor all equal a gold mention ("strict"); "overlap" only asks for the
same actor and overlapping spans. Speed: wall and CPU time of ``mentions`` (with persons, the
default, and ``persons=False``) on the 103 MB Tehran Times corpus, single process (one core),
reading the JSONL with gzip+json (not timed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

from toolkit.actors import mentions

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DCT_SHARED", REPO.parent / "shared"))
GOLD = REPO / "tests" / "fixtures" / "actors_gold"


def read_jsonl(path: Path, ids: set[str] | None = None) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if ids is None or rec["id"] in ids:
                rows.append((rec["id"], rec.get("text") or ""))
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Strict and overlap precision/recall/F1 of predicted against gold mentions."""
    key = ["doc_id", "start", "end", "actor"]
    p = set(map(tuple, pred[key].values.tolist()))
    g = set(map(tuple, gold[key].values.tolist()))
    tp = len(p & g)
    out = {"n_pred": len(p), "n_gold": len(g), "strict_tp": tp,
           "strict_precision": tp / len(p) if p else 1.0,
           "strict_recall": tp / len(g) if g else 1.0}
    by_doc: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for d, s, e, a in g:
        by_doc.setdefault((d, a), []).append((s, e))
    hit_p = sum(any(s < ge and gs < e for gs, ge in by_doc.get((d, a), [])) for d, s, e, a in p)
    pred_by = {}
    for d, s, e, a in p:
        pred_by.setdefault((d, a), []).append((s, e))
    hit_g = sum(any(s < pe and ps < e for ps, pe in pred_by.get((d, a), [])) for d, s, e, a in g)
    out["overlap_precision"] = hit_p / len(p) if p else 1.0
    out["overlap_recall"] = hit_g / len(g) if g else 1.0
    for kind in ("strict", "overlap"):
        pr, rc = out[f"{kind}_precision"], out[f"{kind}_recall"]
        out[f"{kind}_f1"] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return out


def quality(split: str = "allsides") -> dict[str, float]:
    gold = pd.read_csv(GOLD / f"{split}_actor_mentions.csv")
    docs = pd.read_csv(GOLD / f"{split}_docs.csv")["doc_id"].tolist()
    corpus = read_jsonl(SHARED / "corpora" / "allsides_middle_east.jsonl.gz", set(docs))
    pred = mentions(corpus)
    pred = pred[pred["actor_type"] != "person"]  # this gold predates persons (issue #12)
    result = score(pred, gold)
    result["n_docs"] = len(docs)
    return result


def speed(*, persons: bool = True) -> dict[str, float]:
    """Wall and CPU time (``time.process_time``: the figure that holds on a shared machine)."""
    t0 = time.perf_counter()
    corpus = read_jsonl(SHARED / "corpora" / "tehran_times.jsonl.gz")
    t1 = time.perf_counter()
    c1 = time.process_time()
    m = mentions(corpus, persons=persons)
    c2 = time.process_time()
    t2 = time.perf_counter()
    chars = int(corpus["text"].str.len().sum())
    return {"docs": len(corpus), "mb_chars": chars / 1e6, "read_s": t1 - t0,
            "mentions_s": t2 - t1, "cpu_s": c2 - c1, "n_mentions": len(m),
            "n_persons": int((m["actor_type"] == "person").sum()),
            "mb_per_s": chars / 1e6 / (t2 - t1), "load": os.getloadavg()[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quality", action="store_true")
    ap.add_argument("--speed", action="store_true")
    args = ap.parse_args(argv)
    both = not (args.quality or args.speed)
    if args.quality or both:
        for split in ("allsides", "allsides_heldout", "allsides_heldout2"):
            if (GOLD / f"{split}_docs.csv").exists():
                r = quality(split)
                print(f"[{split}] {r['n_docs']} docs, {r['n_gold']} gold / {r['n_pred']} predicted")
                print(f"  strict : P={r['strict_precision']:.4f} R={r['strict_recall']:.4f} "
                      f"F1={r['strict_f1']:.4f}")
                print(f"  overlap: P={r['overlap_precision']:.4f} R={r['overlap_recall']:.4f} "
                      f"F1={r['overlap_f1']:.4f}")
    if args.speed or both:
        for persons in (True, False):
            r = speed(persons=persons)
            print(f"[tehran_times, persons={persons}] {r['docs']} docs, {r['mb_chars']:.1f} M "
                  f"chars: mentions {r['mentions_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU "
                  f"({r['mb_per_s']:.1f} M chars/s wall), {r['n_mentions']} mentions "
                  f"({r['n_persons']} persons); reading the file {r['read_s']:.1f} s (not "
                  f"counted); load average {r['load']:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())

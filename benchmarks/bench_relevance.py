"""Precision and recall of the diplomacy filters on the hand-coded sample of the default corpus.

Run from the repository root:

    .venv/bin/python benchmarks/bench_relevance.py [--split dev|heldout|all] [--sizes]

The sample (``tests/fixtures/diplomacy_codes``, codebook in its README) is stratified: 120
articles that pass ``actors.about_region`` and 120 that do not. Each coded article is weighted
by its stratum's size in the corpus over the coded articles of that stratum in the split, so the
figures estimate precision and recall on the whole default corpus, not on the sample (where
the region stratum is over-represented about six times). Prints a Markdown table of
``about_region`` (the old filter) and ``about_diplomacy`` (the new one) on the dev split
(in-sample: the weights and threshold were chosen on it) and the held-out split; "clear"
leaves the articles coded borderline out. With ``--sizes``, also the subset sizes on the
default corpus and on AllSides (``--shared``, default ``../shared``; skipped when absent).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import pandas as pd

from toolkit import actors
from toolkit.actors._relevance import DEFAULT_THRESHOLD, estimate_precision_recall
from toolkit.datasets import load_news_articles

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "diplomacy_codes"


def _fmt(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{x:.2f}"


def sample_table(splits: list[str]) -> None:
    """Precision and recall of both filters, estimated from the coded sample (fast: the
    filters run on the 240 sampled articles only; each article's result does not depend on
    the others)."""
    codes = pd.read_csv(FIXTURE / "codes.csv")
    pop = dict(pd.read_csv(FIXTURE / "strata.csv").values.tolist())
    corpus = load_news_articles()
    sample = corpus[corpus["doc_id"].isin(codes["doc_id"])].reset_index(drop=True)
    found = actors.mentions(sample)
    region_ids = set(actors.about_region(sample, mentions=found)["doc_id"])
    diplo_ids = set(actors.about_diplomacy(sample, mentions=found)["doc_id"])
    drift = codes["doc_id"].isin(region_ids) != (codes["stratum"] == "region")
    print(f"Strata in the default corpus: {pop}; threshold {DEFAULT_THRESHOLD}; "
          f"sampled articles whose about_region result changed since the draw: {int(drift.sum())}")
    print()
    print("| split | filter | cases | precision | recall | F1 | coded (relevant) | kept |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for split in splits:
        part = codes[codes["split"] == split]
        for label, sub in (("all", part), ("clear", part[part["borderline"] == 0])):
            for name, ids in (("about_region", region_ids), ("about_diplomacy", diplo_ids)):
                r = estimate_precision_recall(sub, ids, population=pop)
                print(f"| {split} | {name} | {label} | {_fmt(r['precision'])} | "
                      f"{_fmt(r['recall'])} | {_fmt(r['f1'])} | {r['n']} ({r['n_relevant']}) | "
                      f"{r['n_selected']} |")
    weights = codes["stratum"].map(pop) / codes["stratum"].map(codes["stratum"].value_counts())
    relevant = float((weights * codes["code"]).sum())
    total = sum(pop.values())
    print(f"\nEstimated relevant articles in the default corpus (all 240 codes): {relevant:.0f} "
          f"of {total} ({relevant / total:.1%})")


def subset_sizes(shared: Path) -> None:
    """Articles each filter keeps on the default corpus and on AllSides (slow: all mentions)."""
    corpus = load_news_articles()
    found = actors.mentions(corpus)
    n_region = len(actors.about_region(corpus, mentions=found))
    n_diplo = len(actors.about_diplomacy(corpus, mentions=found))
    print(f"Default corpus ({len(corpus)} articles): about_region keeps {n_region}, "
          f"about_diplomacy keeps {n_diplo}", flush=True)
    allsides = shared / "corpora" / "allsides_middle_east.jsonl.gz"
    if not allsides.is_file():
        print(f"AllSides: {allsides} not found, skipped")
        return
    import toolkit.corpus as tc

    other = tc.load(allsides, duplicates="drop_identical")
    m = actors.mentions(other)
    print(f"AllSides ({len(other)} articles): about_region keeps "
          f"{len(actors.about_region(other, mentions=m))}, about_diplomacy keeps "
          f"{len(actors.about_diplomacy(other, mentions=m))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--sizes", action="store_true",
                        help="also count the subsets on the whole default corpus and AllSides")
    args = parser.parse_args()
    sample_table(["dev", "heldout"] if args.split == "all" else [args.split])
    if args.sizes:
        subset_sizes(args.shared)


if __name__ == "__main__":
    main()

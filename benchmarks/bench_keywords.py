"""Keyphrase extraction on DUC-2001: F1@5, F1@10 and seconds per 100 documents, every method.

Run from the repository root::

    .venv/bin/python benchmarks/bench_keywords.py [--shared ../shared] [--limit N] [--repeat R]

Protocol (the usual one for DUC-2001, see ``../shared/eval/keyphrases/README.md``): predicted
and gold phrases are lower-cased, split on white space and hyphens and Porter-stemmed word by
word; a prediction counts when it equals a gold phrase exactly. Precision, recall and F1 at
5 and 10 are computed per article and macro-averaged over the 308 articles. Time is wall clock
for the whole set; all systems run in the same process, in ``--repeat`` rounds (each round
runs every system once) and the best round of each counts, so that changes in machine load
hit all systems alike: compare the ratios.

Our methods go through the public ``toolkit.keywords.extract`` on the corpus DataFrame. The
comparison extractors are those installable from PyPI without a model download: ``yake``
(n=3, the package's defaults otherwise), ``summa`` (TextRank keywords), ``rake-nltk``.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

import pandas as pd
from nltk.stem.porter import PorterStemmer

from toolkit.keywords import DEFAULT_METHOD, METHODS, extract

_stem = PorterStemmer().stem


def norm(phrase: str) -> str:
    return " ".join(_stem(w) for w in phrase.lower().replace("-", " ").split())


def prf(pred: list[str], gold: set[str], k: int) -> float:
    p = []
    for x in pred:  # drop duplicates after normalisation, keep order
        if x not in p:
            p.append(x)
    p = p[:k]
    hit = sum(1 for x in p if x in gold)
    if not hit:
        return 0.0
    prec, rec = hit / len(p), hit / len(gold)
    return 2 * prec * rec / (prec + rec)


def score(preds: dict[str, list[str]], golds: dict[str, set[str]]) -> tuple[float, float]:
    f5 = sum(prf([norm(x) for x in preds.get(d, [])], g, 5) for d, g in golds.items())
    f10 = sum(prf([norm(x) for x in preds.get(d, [])], g, 10) for d, g in golds.items())
    return f5 / len(golds), f10 / len(golds)


def ours(method: str, corpus: pd.DataFrame) -> dict[str, list[str]]:
    kp = extract(corpus, top_k=10, method=method)
    return kp.groupby("doc_id", sort=False)["phrase"].apply(list).to_dict()


def run_yake(corpus: pd.DataFrame) -> dict[str, list[str]]:
    import yake

    ex = yake.KeywordExtractor(lan="en", n=3, top=10)
    return {
        d: [k for k, _ in ex.extract_keywords(t)]
        for d, t in zip(corpus.doc_id, corpus.text, strict=True)
    }


def run_summa(corpus: pd.DataFrame) -> dict[str, list[str]]:
    from summa import keywords as sk

    out = {}
    for d, t in zip(corpus.doc_id, corpus.text, strict=True):
        try:
            out[d] = [k for k, _ in sk.keywords(t, scores=True)][:10]
        except (IndexError, ValueError, ZeroDivisionError):
            out[d] = []
    return out


def run_rake_nltk(corpus: pd.DataFrame) -> dict[str, list[str]]:
    from rake_nltk import Rake

    from toolkit.keywords._parse import stopwords

    r = Rake(stopwords=set(stopwords()), max_length=3)
    out = {}
    for d, t in zip(corpus.doc_id, corpus.text, strict=True):
        r.extract_keywords_from_text(t)
        out[d] = r.get_ranked_phrases()[:10]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--repeat", type=int, default=3, help="time the best of R rounds")
    args = ap.parse_args()
    path = Path(args.shared) / "eval" / "keyphrases" / "duc2001.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    recs = recs[: args.limit] if args.limit else recs
    corpus = pd.DataFrame({"doc_id": [r["id"] for r in recs], "text": [r["text"] for r in recs]})
    golds = {r["id"]: {norm(k) for k in r["keyphrases"]} for r in recs}
    extract(corpus.head(2))  # load the tagger data once, outside the timings

    systems: list[tuple[str, object]] = [
        (f"toolkit {m}" + (" (default)" if m == DEFAULT_METHOD else ""), m) for m in METHODS
    ]
    systems += [("yake 0.7 (PyPI)", run_yake), ("summa TextRank (PyPI)", run_summa),
                ("rake-nltk (PyPI)", run_rake_nltk)]
    best = {name: float("inf") for name, _ in systems}
    preds: dict[str, dict[str, list[str]]] = {}
    failed: dict[str, str] = {}
    for _ in range(args.repeat):  # rounds over all systems, so load changes hit all alike
        for name, how in systems:
            if name in failed:
                continue
            try:
                gc.collect()  # do not bill one system for the garbage of the one before
                t0 = time.perf_counter()
                preds[name] = ours(how, corpus) if isinstance(how, str) else how(corpus)
                best[name] = min(best[name], time.perf_counter() - t0)
            except Exception as exc:  # a comparison tool that cannot run offline is reported
                lines = [x for x in str(exc).splitlines() if x.strip(" *")]
                failed[name] = f"{type(exc).__name__}: {lines[0].strip()[:70]}"
    rows = []
    for name, _ in systems:
        if name in failed:
            rows.append((name, None, None, None, failed[name]))
            continue
        f5, f10 = score(preds[name], golds)
        rows.append((name, f5, f10, best[name] / len(recs) * 100, ""))
    yake_s = next((r[3] for r in rows if r[0].startswith("yake") and r[3]), None)
    print(f"DUC-2001, {len(recs)} articles (all splits), F1 macro-averaged, stemmed exact match")
    notes = any(r[4] for r in rows)
    print("| system | F1@5 | F1@10 | s / 100 docs | x YAKE speed |" + (" note |" if notes else ""))
    print("| --- | --- | --- | --- | --- |" + (" --- |" if notes else ""))
    for name, f5, f10, s100, note in rows:
        if f5 is None:
            print(f"| {name} | - | - | - | - | {note} |")
            continue
        speed = f"{yake_s / s100:.1f}" if yake_s else "-"
        extra = f" {note} |" if notes else ""
        print(f"| {name} | {f5:.3f} | {f10:.3f} | {s100:.2f} | {speed} |{extra}")


if __name__ == "__main__":
    main()

"""Time the document layer ``toolkit.annotate`` against ``toolkit.tokenize.tokenize`` alone.

Usage::

    .venv/bin/python benchmarks/bench_annotate.py [--shared ../shared] [--n 2000] [--repeat 3]

Corpora: the first ``--n`` articles of ``../shared/corpora/tehran_times.jsonl.gz`` and the
default corpus (``toolkit.datasets.load_news_articles()``). Speed is articles per CPU second of
this single-threaded process (``time.process_time``), so it is per core and other jobs on the
machine weigh less. Rows:

- ``annotate cold``: ``annotate(corpus, cache=False)``: tokens, sentences, paragraphs, flags
  and paired quotes, nothing read from disk; part of speech is not tagged here (it is tagged
  when first read). ``first`` is the first round in a fresh process (per-word caches empty),
  ``best`` the best of ``--repeat`` rounds;
- ``POS on access``: reading ``Doc.pos`` of every document of a fresh cold annotation (the
  tagger, one call per document): what an analysis that needs POS adds;
- ``annotate + POS``: the two together, what ``annotate cold`` cost when POS was eager;
- ``annotate cached``: ``annotate(corpus)`` when every document is in the disk cache (a
  temporary ``DCT_CACHE_DIR``), entries written by ``annotate`` (without POS);
- ``cached, POS stored``: the same after POS was read once (the entries rewritten with it);
- ``tokens frame``: building ``AnnotatedCorpus.tokens`` (strings, shapes, POS) from Docs
  whose POS is already tagged;
- ``tokenize``: ``toolkit.tokenize.tokenize(corpus)`` alone, for comparison;
- ``tokenize(annotated)``: the token table read from the layer (no tokenizing).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from toolkit.annotate import AnnotatedCorpus, annotate  # noqa: E402
from toolkit.datasets import load_news_articles  # noqa: E402
from toolkit.tokenize import tokenize  # noqa: E402


def read_jsonl(path: Path, n: int) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append({"doc_id": str(rec["id"]), "text": rec.get("text") or ""})
            if len(rows) == n:
                break
    return pd.DataFrame(rows)


def cpu(func, repeat: int) -> tuple[float, float]:
    """(first, best) CPU seconds of ``func()`` over ``repeat`` rounds."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        func()
        times.append(time.process_time() - t0)
    return times[0], min(times)


def bench(name: str, corpus: pd.DataFrame, repeat: int) -> list[dict]:
    n = len(corpus)
    mb = corpus["text"].str.len().sum() / 1e6
    rows = []

    def row(what: str, first: float, best: float) -> None:
        rows.append({"corpus": name, "articles": n, "text MB": round(mb, 1), "step": what,
                     "first s": round(first, 2), "best s": round(best, 2),
                     "articles/s": round(n / best)})

    row("annotate cold", *cpu(lambda: annotate(corpus, cache=False), repeat))
    fresh = [annotate(corpus, cache=False) for _ in range(repeat)]
    row("POS on access", *cpu(lambda: [d.pos for d in fresh.pop().docs], repeat))
    row("annotate + POS", *cpu(lambda: [d.pos for d in annotate(corpus, cache=False).docs],
                               repeat))
    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("DCT_CACHE_DIR")
        os.environ["DCT_CACHE_DIR"] = tmp
        try:
            annotate(corpus)  # fill the cache
            row("annotate cached", *cpu(lambda: annotate(corpus), repeat))
            [d.pos for d in annotate(corpus).docs]  # POS tagged once, stored in the entries
            row("cached, POS stored", *cpu(lambda: annotate(corpus), repeat))
        finally:
            if old is None:
                del os.environ["DCT_CACHE_DIR"]
            else:
                os.environ["DCT_CACHE_DIR"] = old
    ac = annotate(corpus, cache=False)
    [d.pos for d in ac.docs]  # the frame row measures the frame, not the tagger
    # a fresh AnnotatedCorpus each round: frames are kept once built
    row("tokens frame", *cpu(
        lambda: AnnotatedCorpus(ac.corpus, ac.docs, options=ac.options).tokens, repeat))
    row("tokenize", *cpu(lambda: tokenize(corpus), repeat))
    row("tokenize(annotated)", *cpu(lambda: tokenize(ac), repeat))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    tehran = args.shared / "corpora" / "tehran_times.jsonl.gz"
    if tehran.exists():
        rows += bench(f"tehran_times (first {args.n:,})", read_jsonl(tehran, args.n), args.repeat)
    else:
        print(f"skipping {tehran}: not found", file=sys.stderr)
    rows += bench("load_news_articles()", load_news_articles()[["doc_id", "text"]], args.repeat)
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()

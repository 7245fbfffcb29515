"""Build ``toolkit/data/keywords/background_df.tsv.gz``: background document frequencies.

Run from the repository root (needs ``pip install wordfreq==3.1.1``, only for this script)::

    .venv/bin/python benchmarks/build_background_df.py

The table gives, for each lower-cased Snowball stem (``toolkit.tokenize.stem``, the keys of
keyphrase candidates), a proxy
of the share of news articles that contain it, per million articles. It is derived from the
English word frequencies of the ``wordfreq`` package ("large" list; sources include news,
Wikipedia, books, subtitles, web text and social media; data licence CC BY-SA 4.0, see
``toolkit/data/keywords/README.md``): the frequencies of all words with the same stem are
added (``f``), and a word that makes up a share ``f`` of running text is expected in
``1 - exp(-f * L)`` of the articles of ``L`` words (a Poisson model; ``L = 500``, a typical
news article). Real document frequencies of topical words are lower (they come in bursts), so
the table is a proxy that ranks words by how general they are, which is what an IDF needs.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from pathlib import Path

from toolkit.tokenize import stem  # the one stemmer (Snowball English)

ARTICLE_WORDS = 500
MIN_PER_MILLION = 100  # rarer stems are left out; the toolkit counts a missing stem as 50
OUT = Path(__file__).resolve().parents[1] / "toolkit" / "data" / "keywords" / "background_df.tsv.gz"


def build() -> dict[str, int]:
    from wordfreq import get_frequency_dict

    freq: dict[str, float] = defaultdict(float)
    for word, f in get_frequency_dict("en", wordlist="large").items():
        if not any(c.isalpha() for c in word) or " " in word:
            continue
        freq[stem(word)] += f
    out = {}
    for st, f in freq.items():
        per_million = round(1e6 * -math.expm1(-f * ARTICLE_WORDS))
        if per_million >= MIN_PER_MILLION:
            out[st] = per_million
    return out


def main() -> None:
    table = build()
    lines = ["# stem\tarticles per million containing it (proxy from wordfreq 3.1.1, CC BY-SA 4.0)"]
    lines += [f"{st}\t{n}" for st, n in sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # same bytes on every run
    print(f"{len(table)} stems -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()

"""Build ``toolkit/data/keywords/background_df.tsv.gz`` (background document frequencies) and
``toolkit/data/keywords/stems_en.tsv.gz`` (the stems of the most frequent English words).

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

The stem table lists the :data:`STEM_WORDS` most frequent alphabetic words of the same list with
their stem from the toolkit's one stemmer, so that a fresh process looks up most words instead
of running the (pure-Python) Snowball stemmer on each new word: a first-use cost of about
0.2 s per 100 news articles. It holds nothing but what the stemmer gives, and a test checks it
against the stemmer.
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
STEMS_OUT = OUT.with_name("stems_en.tsv.gz")
STEM_WORDS = 100_000  # the most frequent words (about 3 in 4 word types of a news set)


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


def build_stems() -> list[tuple[str, str]]:
    """(word, stem) of the :data:`STEM_WORDS` most frequent alphabetic lower-case words."""
    from wordfreq import get_frequency_dict

    words = [w for w in get_frequency_dict("en", wordlist="large") if w.isalpha()]
    return [(w, stem(w)) for w in words[:STEM_WORDS] if w == w.casefold()]


def write_stems() -> None:
    pairs = build_stems()
    lines = ["# word<TAB>stem ('=' when the stem is the word): toolkit.tokenize.stem, "
             "Snowball English (snowballstemmer 2.2), of the most frequent words of wordfreq "
             "3.1.1 (CC BY-SA 4.0)"]
    lines += [f"{w}\t{'=' if st == w else st}" for w, st in sorted(pairs)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    STEMS_OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(pairs)} words -> {STEMS_OUT} ({STEMS_OUT.stat().st_size / 1e6:.2f} MB)")


def main() -> None:
    write_stems()
    table = build()
    lines = ["# stem\tarticles per million containing it (proxy from wordfreq 3.1.1, CC BY-SA 4.0)"]
    lines += [f"{st}\t{n}" for st, n in sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # same bytes on every run
    print(f"{len(table)} stems -> {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()

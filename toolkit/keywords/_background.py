"""Inverse document frequencies of words: from the corpus given, with a shipped background table.

The background table (``toolkit/data/keywords/background_df.tsv.gz``) gives, for each
lower-cased Snowball stem, the share of general news articles expected to contain it (a proxy
derived from word frequencies; see ``toolkit/data/keywords/README.md``). It lets a single
article get corpus-like IDF: "said" or "mother" are common, "Hezbollah" is not.
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from toolkit.keywords._parse import Doc

#: Weight of the background table, in documents: with a corpus of N documents the document
#: frequency of a word is (df + PRIOR_DOCS * p) / (N + PRIOR_DOCS), p its background share.
PRIOR_DOCS = 20.0
#: Background share assumed for a stem missing from the table (rarer than all listed ones).
UNSEEN = 50e-6


@lru_cache(maxsize=1)
def background_df() -> dict[str, float]:
    """Stem -> share of general news articles containing it (0..1), from the shipped table.

    Examples
    --------
    >>> bg = background_df()
    >>> bg["the"] > bg["minist"] > bg["hezbollah"]
    True
    """
    path = resources.files("toolkit.data").joinpath("keywords/background_df.tsv.gz")
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    # one comment line, then "stem<TAB>count" lines (no white space inside a stem): one split
    # of the whole text reads the 45,000 rows in milliseconds
    fields = iter(text.split("\n", 1)[1].split())
    return dict(zip(fields, (int(n) * 1e-6 for n in fields), strict=False))


def word_df(docs: Iterable[Doc]) -> tuple[Counter, int]:
    """Document frequency of each content-word stem over ``docs``, and the number of docs."""
    df: Counter = Counter()
    n = 0
    for doc in docs:
        df.update({st for st, ok in zip(doc.stems, doc.content, strict=True) if ok})
        n += 1
    return df, n


class Idf:
    """IDF of content-word stems for one document of a corpus (or of a single text).

    ``idf(stem) = ln((N - 1 + k) / (df - 1 + k * p))``: the document frequency among the
    *other* documents (``df - 1`` of ``N - 1``), smoothed towards the background share ``p``
    with the weight of ``k = PRIOR_DOCS`` documents. A single text (``N = 1``) thus gets the
    background IDF ``-ln p``; a large corpus gets essentially its own IDF. A dotted
    abbreviation ("u.s.") is taken to be at least as common as its undotted form ("us"),
    since word lists do not count it as one word.

    Examples
    --------
    >>> one = Idf()                       # a single text: the background table only
    >>> one("said") < one("minist") < one("hezbollah")
    True
    >>> from collections import Counter
    >>> corpus = Idf(Counter({"hezbollah": 300}), 300)   # in every document of this corpus
    >>> corpus("hezbollah") < one("hezbollah")
    True
    """

    def __init__(self, df: Counter | None = None, n_docs: int = 1) -> None:
        self.df = df if df is not None else Counter()
        self.n_docs = max(n_docs, 1)
        self.bg = background_df()
        self._cache: dict[str, float] = {}

    def __call__(self, st: str) -> float:
        v = self._cache.get(st)
        if v is None:
            p = self.bg.get(st, UNSEEN)
            if "." in st:  # "u.s.": word lists split dotted abbreviations, so take the
                p = max(p, self.bg.get(st.replace(".", ""), UNSEEN))  # undotted form too
            others = max(self.df.get(st, 0) - 1, 0) if self.df else 0
            v = math.log((self.n_docs - 1 + PRIOR_DOCS) / (others + PRIOR_DOCS * p))
            self._cache[st] = v = max(v, 0.0)
        return v

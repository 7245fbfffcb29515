"""Keyphrases, term frequencies, collocations, keyness, concordances and dispersion.

Per document, :func:`extract` ranks keyphrases with one of several methods; the default,
``"newsrank"``, is PositionRank (a position-biased PageRank over a word co-occurrence graph)
with noun-phrase candidates, a 15-word window, phrases of at most three words and leading
superlatives removed. It scored best of our methods on news (DUC-2001 newswire: F1@10 about
0.31; see ``benchmarks/README.md``).

Methods of :func:`extract` (``method=``):

- ``"newsrank"`` (default): PositionRank word scores, window 15, noun phrases of at most three
  words (names up to five), leading superlatives removed; a phrase scores the sum of its words.
- ``"positionrank"``: PositionRank as published (Florescu & Caragea 2017), window 10.
- ``"textrank"``: TextRank (Mihalcea & Tarau 2004), unbiased PageRank, window 2.
- ``"tfidf"``: noun-phrase frequency x ``ln((1 + N) / df)`` over the documents given (plus
  ``reference=``): corpus-aware, so pass the whole corpus.
- ``"yake"``: a YAKE-style statistical score without part of speech (Campos et al. 2020).
- ``"rake"``: RAKE (Rose et al. 2010), runs between stopwords scored by degree / frequency.

Part-of-speech tags (for noun-phrase candidates) come from Brill's lexicon and morphology
rules as shipped inside the ``textblob`` package (MIT licence); nothing is downloaded, and no
statistical model is used.

Corpus-level functions return tidy DataFrames: :func:`frequencies` (terms and n-grams, by any
document variable), :func:`collocations` (PMI, G2, t-score), :func:`keyness` (target vs
reference, as quanteda's ``textstat_keyness``), :func:`kwic` (concordances with offsets) and
:func:`dispersion` (a term across documents) and :func:`trend` (a term over time).
Plots are in :mod:`toolkit.plot`.

>>> from toolkit import keywords
>>> keywords.extract("Iran and Iraq signed a water agreement. The water agreement ends a feud.",
...                  top_k=1).phrase.tolist()
['water agreement']
"""

from __future__ import annotations

from toolkit.keywords._corpus import collocations, frequencies, keyness, occurrences
from toolkit.keywords._extract import DEFAULT_METHOD, METHODS, extract
from toolkit.keywords._kwic import dispersion, kwic, trend

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "collocations",
    "dispersion",
    "extract",
    "frequencies",
    "keyness",
    "kwic",
    "occurrences",
    "trend",
]

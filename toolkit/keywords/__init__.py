"""Keyphrases, term frequencies, collocations, keyness, concordances and dispersion.

Per document, :func:`extract` ranks keyphrases with one of several methods. The default,
``"newsrank2"``, is made for news read by two kinds of reader: central names and topics rank
high (a country, a leader, a treaty named again and again comes out as one word: "Syria",
"Netanyahu"), multiword phrases stay whole ("prisoner exchange", "Islamic Revolutionary Guard
Corps"), and general words ("people", "mother") and page furniture ("image caption", "share",
"photo", time stamps) never appear. Its word weights use inverse document frequencies: from the
corpus given (pass the whole corpus), or for a single text from a shipped background table of
general news (so one article gets corpus-like IDF; see ``toolkit/data/keywords/README.md``).

Which method when (F1@10 on two news sets with different annotations, same settings for both;
the settings of ``newsrank2`` and ``newsrank`` were chosen on these sets, so their figures are
in-sample; ``benchmarks/README.md`` has the commands, F1@5, both halves of each set and the
speeds, ``newsrank2`` against the ``yake`` package in the same runs: about 10x warm, per
article cold about 10x on DUC-2001's articles and 6-7x on KPCrowd's short stories, imports
apart):

====================  =========  ===================  ==========================================
method                DUC-2001   500N-KPCrowd (dev)   use it for
====================  =========  ===================  ==========================================
``"newsrank2"``       0.337      0.161 (0.152 alone)  news, default: names and phrases, clean
``"newsrank"``        0.322      0.121                multiword phrases only (the old default)
``"positionrank"``    0.300      0.118                the published method, for comparisons
``"textrank"``        0.253      0.087                the published method, for comparisons
``"tfidf"``           0.218      0.167                many single words and names from a whole
                                                      corpus (noisier: "he'd", "St", "Q")
``"yake"``            0.135      0.106                no part of speech: any language-like text
``"rake"``            0.057      0.063                long runs between stopwords (for speed)
====================  =========  ===================  ==========================================

DUC-2001 readers chose a few multiword noun phrases per article; KPCrowd's crowd chose many
single words and names (about 49 per story, a third of them verbs and adjectives). No method
here reaches both the 0.32 of DUC and 0.20 on KPCrowd: a list of 10 that favours single words
loses multiword phrases and the reverse (``benchmarks/README.md`` shows the trade-off).
``"newsrank2"`` keeps DUC's figure and adds the central one-word names, more of them the
shorter the story; for a bag of single words over a whole corpus, ``"tfidf"`` scores about as
well on KPCrowd (0.167) but lists general words and fragments and loses DUC's phrases.

Methods of :func:`extract` (``method=``):

- ``"newsrank2"`` (default): a linear ranker over noun phrases (at most three words, names up
  to five, leading superlatives removed). A phrase's word score is the sum over its words of
  PositionRank (window 15) times ``sqrt(idf)``; it is multiplied by ``exp(w . x)`` over six
  features: occurrences (``ln tf``), how early it first occurs and whether in the headline or
  lede, whether it is one word (a name or a common word) and, for one word, how short the
  story is (``min(ln(500 / tokens), ln 1.5)``: short stories favour their names and topics,
  long articles their multiword phrases). The weights were fitted on the two sets below and
  ship as data (``toolkit/data/keywords/newsrank2_weights.csv``, which says how). Page
  furniture, contractions, words under three letters (except two-letter acronyms) and single
  words in more than about 1 in 12 articles (IDF < 2.5) are dropped.
- ``"newsrank"``: PositionRank word scores, window 15, noun phrases of at most three
  words (names up to five), leading superlatives removed; a phrase scores the sum of its words.
- ``"positionrank"``: PositionRank as published (Florescu & Caragea 2017), window 10.
- ``"textrank"``: TextRank (Mihalcea & Tarau 2004), unbiased PageRank, window 2.
- ``"tfidf"``: noun-phrase frequency x ``ln((1 + N) / df)`` over the documents given (plus
  ``reference=``): corpus-aware, so pass the whole corpus.
- ``"yake"``: a YAKE-style statistical score without part of speech (Campos et al. 2020).
- ``"rake"``: RAKE (Rose et al. 2010), runs between stopwords scored by degree / frequency.

Tokens and sentences come from the toolkit's one tokenizer (:func:`toolkit.tokenize.token_spans`,
:func:`toolkit.tokenize.sentence_spans`, as in the :mod:`toolkit.annotate` layer); words it
splits at an inner hyphen or ampersand ("wildlife-rich", "AT&T") are joined again from the
offsets. Part-of-speech tags (for noun-phrase candidates) come from Brill's lexicon and
morphology rules as shipped inside the ``textblob`` package (MIT licence); nothing is
downloaded, and no statistical model is used. Keyphrases do not import NLTK (words are stemmed by
:func:`toolkit.tokenize.stem`, the Snowball project's English stemmer). Given an
:class:`~toolkit.annotate.AnnotatedCorpus`, :func:`extract` reads the tokens, sentences and
tags of its layer instead of parsing the texts again (same F1 within 0.002, about 0.6x the
time).

Corpus-level functions return tidy DataFrames: :func:`frequencies` (terms and n-grams, by any
document variable), :func:`collocations` (PMI, G2, t-score), :func:`keyness` (target vs
reference, as quanteda's ``textstat_keyness``), :func:`kwic` (concordances with offsets) and
:func:`dispersion` (a term across documents) and :func:`trend` (a term over time).
Plots are in :mod:`toolkit.plot`.

>>> from toolkit import keywords
>>> keywords.extract("Iran and Iraq signed a water agreement. The water agreement ends a feud "
...                  "over the Tigris. Iran will release water from its dams under the water "
...                  "agreement.", top_k=3).phrase.tolist()
['Iran', 'water agreement', 'feud']
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

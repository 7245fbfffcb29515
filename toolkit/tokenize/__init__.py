"""Sentences and tokens with character offsets, and token tables for corpus analysis.

- :func:`paragraph_spans`, :func:`sentence_spans`, :func:`token_spans`: ``list[(start, end)]``
  into the text, so ``text[start:end]`` is the item.
- :func:`tokenize`: one row per token (``doc_id, para_id, sent_id, tok_id, start, end, token,
  norm, stem, is_stop, is_punct, is_alpha, is_num``); :func:`iter_tokenize` streams it over
  corpus chunks; :func:`ngrams` counts n-grams; :func:`stopwords` gives the stopword set
  (the lexicons ``stopwords`` + ``stopwords_news`` of :mod:`toolkit.lexicons`, matched
  ignoring case, so "US" is a stopword as "us" is: see :func:`stopwords`); :func:`stem`
  is the one stemmer (Snowball English).
- :func:`compile_pattern`: the one pattern dialect of the toolkit (globs, fixed words, regexes,
  phrases, matched on whole tokens); :func:`word_count`: the one word count (tokens that are
  not punctuation), the denominator of every rate.

Data files (plain text, extendable) live in ``toolkit/data/tokenize/``: NLTK's English Punkt
parameters, abbreviations, hyphen prefixes, stopword lists and the multiword-expression lexicon.

>>> from toolkit.tokenize import sentence_spans, token_spans
>>> text = "Dr. Ali arrived. Talks began."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Dr. Ali arrived.', 'Talks began.']
"""

from __future__ import annotations

from toolkit.tokenize._frame import (
    TOKEN_COLUMNS,
    iter_tokenize,
    ngrams,
    stem,
    stopwords,
    tokenize,
)
from toolkit.tokenize._patterns import TokenPattern, compile_pattern, word_count
from toolkit.tokenize._spans import paragraph_spans, sentence_spans, token_spans

__all__ = [
    "TOKEN_COLUMNS",
    "TokenPattern",
    "compile_pattern",
    "iter_tokenize",
    "ngrams",
    "paragraph_spans",
    "sentence_spans",
    "stem",
    "stopwords",
    "token_spans",
    "tokenize",
    "word_count",
]

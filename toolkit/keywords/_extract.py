"""``extract``: keyphrases per document, with the offsets of every occurrence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.errors import InputError
from toolkit.keywords import _methods
from toolkit.keywords._background import Idf, word_df
from toolkit.keywords._parse import Doc, from_annotated, noun_phrases, parse

DEFAULT_METHOD = "newsrank2"

METHODS: dict[str, Callable[..., _methods.Scored]] = {
    "newsrank2": _methods.newsrank2,
    "newsrank": _methods.newsrank,
    "positionrank": _methods.positionrank,
    "textrank": _methods.textrank,
    "tfidf": _methods.tfidf,
    "yake": _methods.yake_like,
    "rake": _methods.rake,
}

#: Column -> dtype of the frame :func:`extract` returns (rows or no rows).
DTYPES: dict[str, str] = {"doc_id": "str", "rank": "int64", "phrase": "str", "score": "float64",
                          "count": "int64", "spans": "object"}
COLUMNS = list(DTYPES)


def extract(
    text_or_corpus: TextOrCorpus,
    *,
    top_k: int = 10,
    method: str = DEFAULT_METHOD,
    reference: TextOrCorpus | None = None,
    stopwords: object | None = None,
    furniture: object | None = None,
) -> pd.DataFrame:
    """Keyphrases of each document, best first, with the offsets of each occurrence.

    Parameters
    ----------
    text_or_corpus
        A text, a list of texts, a Series, a corpus DataFrame (``doc_id``, ``text``) or an
        :class:`~toolkit.annotate.AnnotatedCorpus` (read from its layer: its tokens, sentences
        and tags, not parsed again).
    top_k
        Keyphrases kept per document (fewer if a document has fewer candidates).
    method
        ``"newsrank2"`` (default, recommended for news), ``"newsrank"``,
        ``"positionrank"``, ``"textrank"``, ``"tfidf"``, ``"yake"`` or ``"rake"``; see
        :data:`METHODS` and the docs of :mod:`toolkit.keywords` (which to use when).
    reference
        Only for ``"newsrank2"`` and ``"tfidf"``: documents added to the input for the
        document frequencies (useful when extracting from a single text: your own corpus
        instead of, for ``"newsrank2"``, the background table alone).
    stopwords
        Your own stopword list in place of the shipped one (lexicons ``stopwords`` +
        ``stopwords_news``): a lexicon name, a path to a TXT/CSV/YAML file, a list or set, a
        DataFrame (:func:`toolkit.lexicons.resolve`). No keyphrase starts or ends with one.
    furniture
        Your own page-furniture words in place of the shipped lexicon ``furniture`` (same
        forms as ``stopwords``): a keyphrase never contains one.

    Returns
    -------
    pandas.DataFrame
        One row per keyphrase: ``doc_id`` (str), ``rank`` (int64, 1 = best), ``phrase``
        (str, its most frequent surface form), ``score`` (float64, higher is better;
        comparable within a method and document only), ``count`` (int64, occurrences, case and
        plural variants included) and ``spans`` (object: list of ``(start, end)`` so that
        ``text[start:end]`` is an occurrence). Same columns and dtypes without rows.

    Examples
    --------
    >>> text = ("An oil spill hit Prince William Sound. Cleanup crews fought "
    ...         "the oil spill for weeks, and oil spills still threaten Prince William Sound.")
    >>> kp = extract(text, top_k=3)
    >>> kp.phrase.tolist()[:2]
    ['oil spill', 'Prince William Sound']
    >>> s, e = kp.spans[0][0]
    >>> text[s:e]
    'oil spill'
    """
    if method not in METHODS:
        raise InputError(
            f"unknown keyphrase method {method!r}; choose one of {sorted(METHODS)}",
            source="extract",
        )
    if not isinstance(top_k, int) or top_k < 1:
        raise InputError(f"top_k must be a positive integer, got {top_k!r}", source="extract")
    if reference is not None and method not in ("tfidf", "newsrank2"):
        raise InputError("reference= is only used by method='newsrank2' and 'tfidf'",
                         source="extract")
    from toolkit import lexicons
    from toolkit.keywords._parse import USER_STOPWORDS

    user_stop = (None if stopwords is None else
                 frozenset(w.lower() for w in lexicons.resolve(stopwords, kind="stopwords")))
    user_furn = (None if furniture is None else
                 frozenset(w.lower() for w in lexicons.resolve(furniture, kind="furniture")))
    tokens = (USER_STOPWORDS.set(user_stop), _methods.USER_FURNITURE.set(user_furn))
    try:
        return _extract(text_or_corpus, top_k=top_k, method=method, reference=reference)
    finally:
        USER_STOPWORDS.reset(tokens[0])
        _methods.USER_FURNITURE.reset(tokens[1])


def _extract(text_or_corpus, *, top_k: int, method: str, reference) -> pd.DataFrame:
    fn = METHODS[method]
    docs = _parsed(text_or_corpus)
    kwargs: dict[str, object] = {}
    if method == "tfidf":
        df: Counter = Counter()
        n_docs = 0
        ref_docs = [p for _, p in _parsed(reference)] if reference is not None else []
        for d in [p for _, p in docs] + ref_docs:
            df.update(noun_phrases(d).keys())
            n_docs += 1
        kwargs = {"df": df, "n_docs": n_docs}
    elif method == "newsrank2":
        ref = (p for _, p in _parsed(reference)) if reference is not None else ()
        df, n_docs = word_df(chain((p for _, p in docs), ref))
        kwargs = {"idf": Idf(df, n_docs)}
    rows: list[tuple] = []
    for doc_id, doc in docs:
        rows.extend(_top(doc_id, doc, fn(doc, **kwargs), top_k))
    return conform(pd.DataFrame(rows, columns=COLUMNS), DTYPES)


def _parsed(text_or_corpus) -> list[tuple[str, Doc]]:
    """``(doc_id, parse)`` pairs; an annotated corpus is read from its layer (tokens,
    sentences and tags computed once by :func:`toolkit.annotate.annotate`), not re-parsed."""
    docs = getattr(text_or_corpus, "docs", None)
    if docs is not None and not isinstance(text_or_corpus, pd.DataFrame):
        return [(d.doc_id, from_annotated(d)) for d in docs]
    return [(doc_id, parse(text)) for doc_id, text in iter_docs(text_or_corpus)]


def _top(doc_id: str, doc: Doc, scored: _methods.Scored, top_k: int) -> list[tuple]:
    ranked = sorted(scored.values(), key=lambda cs: (-cs[1], cs[0].first))
    out = []
    for cand, score in ranked[:top_k]:
        out.append(
            (doc_id, len(out) + 1, cand.phrase(), float(score), cand.tf, sorted(cand.spans))
        )
    return out

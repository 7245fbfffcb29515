"""Annotate documents in one pass each, with an on-disk cache keyed by text and toolkit version."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain

import numpy as np
import pandas as pd

from toolkit._docs import TextOrCorpus, as_corpus, iter_docs
from toolkit.annotate._corpus import AnnotatedCorpus
from toolkit.annotate._doc import ALPHA, NUM, PUNCT, STOP, Doc
from toolkit.annotate._store import (
    STOPWORD_LISTS,
    cache_path,
    config_fingerprint,
)
from toolkit.annotate._store import read_entry as _read_cached
from toolkit.annotate._store import write_entry as _write_cached
from toolkit.tokenize._spans import paragraph_spans, sentence_spans, token_spans

__all__ = ["annotate", "annotate_text", "cache_path", "config_fingerprint", "ensure_annotated",
           "iter_annotate", "_read_cached", "_write_cached"]

_NEWLINES = ("break", "space")
_FLAG_CACHE: dict[str, int] = {}


@cache
def _stop_set() -> frozenset[str]:
    from toolkit.tokenize._stopwords import stopwords

    return stopwords(STOPWORD_LISTS)


def _flags(word: str) -> int:
    """STOP/PUNCT/ALPHA/NUM bits of a token surface, as :func:`toolkit.tokenize.tokenize`."""
    out = _FLAG_CACHE.get(word)
    if out is None:
        from toolkit.tokenize._frame import _NUM, _PUNCT, _WS_RUN

        if len(_FLAG_CACHE) > 500_000:
            _FLAG_CACHE.clear()
        out = (
            (STOP if _WS_RUN.sub(" ", word).casefold() in _stop_set() else 0)
            | (PUNCT if _PUNCT.match(word) else 0)
            | (ALPHA if word.isalpha() else 0)
            | (NUM if _NUM.match(word) else 0)
        )
        _FLAG_CACHE[word] = out
    return out


def _check_newlines(newlines: str) -> None:
    if newlines not in _NEWLINES:
        raise ValueError(f"newlines must be 'break' or 'space', got {newlines!r}")


def annotate_text(text: str, *, doc_id: str = "doc0", newlines: str = "break") -> Doc:
    """Annotate one text: paragraphs, sentences, tokens with flags (and POS), paired quotes.

    Parameters
    ----------
    text : str
        The document.
    doc_id : str
        Its identifier.
    newlines : {"break", "space"}
        Whether a single line break ends a sentence (see
        :func:`toolkit.tokenize.sentence_spans`).

    Returns
    -------
    Doc
        Paragraphs from :func:`toolkit.tokenize.paragraph_spans`, sentences from
        :func:`toolkit.tokenize.sentence_spans`, tokens from :func:`toolkit.tokenize.token_spans`
        (norm and flags as :func:`toolkit.tokenize.tokenize`), paired quotation marks from the
        one pairer (:mod:`toolkit.tokenize._marks`). Part of speech (the shipped Brill tagger,
        one call per document, sentence-initial words marked) is tagged when first read
        (:attr:`Doc.pos`), not here: most analyses never read it.

    Examples
    --------
    >>> doc = annotate_text("Iran and Iraq met.\\n\\nThey agreed.")
    >>> doc.pos_
    ['NNP', 'CC', 'NNP', 'VBD', '.', 'PRP', 'VBD', '.']
    >>> doc.sentences["para_id"].tolist(), doc.paragraphs["start"].tolist()
    ([0, 1], [0, 20])
    """
    from toolkit.tokenize._marks import pair_marks

    _check_newlines(newlines)
    spans = token_spans(text)
    sents = sentence_spans(text, newlines=newlines)
    paras = paragraph_spans(text)
    n = len(spans)
    para_arr = np.array(paras, dtype=np.int32).reshape(-1, 2)
    sent_arr = np.zeros((len(sents), 3), dtype=np.int32)
    if sents:
        sent_arr[:, :2] = sents
        sent_arr[:, 2] = np.searchsorted(para_arr[:, 0], sent_arr[:, 0], side="right") - 1
    quotes, _ = pair_marks(text)
    quote_arr = np.array([(q.start, q.end, q.closed) for q in quotes], dtype=np.int32)
    tokens = np.zeros((n, 4), dtype=np.int32)
    flags = np.zeros(n, dtype=np.uint8)
    vocab: list[str] = []
    if n:
        tokens[:, :2] = np.fromiter(chain.from_iterable(spans), dtype=np.int32,
                                    count=2 * n).reshape(n, 2)
        sent_of = np.searchsorted(sent_arr[:, 0], tokens[:, 0], side="right") - 1
        tokens[:, 2] = sent_of
        words = [text[s:e] for s, e in spans]
        word_codes, uniques = pd.factorize(np.array(words, dtype=object), sort=False)
        tokens[:, 3] = word_codes
        vocab = uniques.tolist()
        get = _FLAG_CACHE.get
        word_flags = [get(w) for w in vocab]
        if None in word_flags:
            word_flags = [_flags(w) if f is None else f for w, f in zip(vocab, word_flags,
                                                                         strict=True)]
        flags = np.array(word_flags, dtype=np.uint8)[word_codes]
    return Doc(
        doc_id, text, words=tuple(vocab), tokens=tokens, flags=flags, sent_spans=sent_arr,
        para_spans=para_arr, quote_spans=quote_arr,
    )


# --- disk cache (:mod:`toolkit.annotate._store`) -----------------------------------------------


def _annotate_one(doc_id: str, text: str, *, use_cache: bool, newlines: str) -> Doc:
    if not use_cache:
        return annotate_text(text, doc_id=doc_id, newlines=newlines)
    path = cache_path(text, newlines=newlines)
    if path.is_file():
        doc = _read_cached(path, doc_id, text)
        if doc is not None:
            return doc
    doc = annotate_text(text, doc_id=doc_id, newlines=newlines)
    _write_cached(path, doc)
    return doc


def _use_cache(cache: bool) -> bool:
    from toolkit.cache import enabled

    return bool(cache) and enabled()


# --- corpora ----------------------------------------------------------------------------------


def annotate(
    corpus: TextOrCorpus | AnnotatedCorpus,
    *,
    cache: bool = True,
    progress: bool = False,
    newlines: str = "break",
) -> AnnotatedCorpus:
    """Annotate every document of a corpus once; analyses then read the result.

    Parameters
    ----------
    corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        What analyses accept (see :func:`toolkit._docs.iter_docs`). An
        :class:`AnnotatedCorpus` with the same options is returned as it is.
    cache : bool
        Read and write each document's annotations on disk, under
        ``toolkit.cache.cache_dir()/annotate/<fingerprint>/``, keyed by the sha256 of its text
        (the fingerprint holds the toolkit version, the options and a hash of the code and
        data the layer uses; :func:`config_fingerprint`). Off when ``$DCT_NO_CACHE`` is set.
        A damaged entry is recomputed and rewritten.
    progress : bool
        Show a progress bar (tqdm).
    newlines : {"break", "space"}
        Whether a single line break ends a sentence.

    Returns
    -------
    AnnotatedCorpus

    Examples
    --------
    >>> ac = annotate(["Iran met Iraq.", "Talks ended."], cache=False)
    >>> len(ac), ac.tokens["doc_id"].tolist()
    (2, ['doc0', 'doc0', 'doc0', 'doc0', 'doc1', 'doc1', 'doc1'])
    """
    _check_newlines(newlines)
    if isinstance(corpus, AnnotatedCorpus):
        if corpus.options.get("newlines") == newlines:
            return corpus
        corpus = corpus.corpus
    frame = as_corpus(corpus)
    use_cache = _use_cache(cache)
    pairs: Iterable[tuple[str, str]] = iter_docs(frame)
    if progress:
        from tqdm.auto import tqdm

        pairs = tqdm(pairs, total=len(frame), desc="annotate", unit="doc")
    docs = [_annotate_one(d, t, use_cache=use_cache, newlines=newlines) for d, t in pairs]
    return AnnotatedCorpus(frame, docs, options={"newlines": newlines})


def iter_annotate(
    source: TextOrCorpus | Iterable[pd.DataFrame],
    *,
    chunk_size: int = 1_000,
    cache: bool = True,
    progress: bool = False,
    newlines: str = "break",
) -> Iterator[AnnotatedCorpus]:
    """Annotate a corpus chunk by chunk, yielding one :class:`AnnotatedCorpus` per chunk.

    Parameters
    ----------
    source : corpus DataFrame, iterable of corpus DataFrames, or texts
        E.g. ``toolkit.corpus.iter_load(...)``: memory stays bounded by one chunk.
    chunk_size : int
        Documents per yielded chunk (a source frame is cut into slices of this size; slices
        never span two source frames).
    cache, progress, newlines
        As :func:`annotate`.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["One.", "Two.", "Three."]})
    >>> [ac.corpus["doc_id"].tolist() for ac in iter_annotate(frame, chunk_size=2, cache=False)]
    [['a', 'b'], ['c']]
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive number, got {chunk_size}")
    frames: Iterable[pd.DataFrame]
    if isinstance(source, pd.DataFrame | pd.Series | str):
        frames = [as_corpus(source)]
    else:
        items = iter(source)
        first = next(items, None)
        if isinstance(first, pd.DataFrame):  # chunks, e.g. from toolkit.corpus.iter_load
            frames = chain([first], items)
        else:  # texts
            frames = [as_corpus([] if first is None else [first, *items])]
    for frame in frames:
        for begin in range(0, max(len(frame), 1), chunk_size):
            part = frame.iloc[begin:begin + chunk_size]
            if len(part) or not len(frame):
                yield annotate(part, cache=cache, progress=progress, newlines=newlines)


def ensure_annotated(
    text_or_corpus: TextOrCorpus | AnnotatedCorpus, **options
) -> AnnotatedCorpus:
    """``text_or_corpus`` if it is already an :class:`AnnotatedCorpus`, else ``annotate`` it.

    Every analysis calls this first, so it accepts a corpus or an annotated corpus and never
    tokenizes again.

    >>> ac = annotate("Iran met Iraq.", cache=False)
    >>> ensure_annotated(ac) is ac
    True
    """
    if isinstance(text_or_corpus, AnnotatedCorpus) and (
        "newlines" not in options
        or text_or_corpus.options.get("newlines") == options["newlines"]
    ):
        return text_or_corpus
    return annotate(text_or_corpus, **options)

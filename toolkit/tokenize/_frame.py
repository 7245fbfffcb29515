"""Token tables: :func:`tokenize` and :func:`iter_tokenize`.

Stopwords (:mod:`toolkit.tokenize._stopwords`), multiword expressions (``_mwe``), the stemmer
(``_stem``) and n-grams (``_ngrams``) live beside it; their names are imported here too, where
other modules have long imported them from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.tokenize._mwe import _merge_mwe, _mwe_lexicon
from toolkit.tokenize._ngrams import NGRAM_DTYPES, _ngram_rows, ngrams
from toolkit.tokenize._spans import (
    _token_regex,
    paragraph_spans,
    sentence_spans,
)
from toolkit.tokenize._stem import _stem, stem
from toolkit.tokenize._stopwords import _user_stopwords, stopwords

__all__ = [
    "NGRAM_DTYPES", "TOKEN_COLUMNS", "TOKEN_DTYPES", "iter_tokenize", "ngrams", "stem",
    "stopwords", "tokenize", "_ngram_rows", "_stem",
]

_stopword_set = stopwords  # ``tokenize``'s parameter ``stopwords`` shadows the function

#: Column -> dtype of the frame :func:`tokenize` returns (rows or no rows).
TOKEN_DTYPES: dict[str, str] = {
    "doc_id": "str",
    "para_id": "int64",
    "sent_id": "int64",
    "tok_id": "int64",
    "start": "int64",
    "end": "int64",
    "token": "str",
    "norm": "str",
    "stem": "str",
    "is_stop": "bool",
    "is_punct": "bool",
    "is_alpha": "bool",
    "is_num": "bool",
}
TOKEN_COLUMNS = list(TOKEN_DTYPES)


_PUNCT = re.compile(r"^[^\w\s]+$|^_+$")
_NUM = re.compile(r"^[+\-−]?(?:\d[\d,.:/\-]*|[.,]\d+)%?$|^[’']\d\ds$")
_WS_RUN = re.compile(r"\s+")


def _doc_spans(text: str, newlines: str):
    """Token spans of one document, each token's sentence number and each sentence's paragraph.

    Tokens come from one pass over the whole text (as :func:`token_spans`); a token never
    straddles a sentence boundary, so its sentence is found by binary search on the starts.
    """
    spans = [m.span() for m in _token_regex().finditer(text)]
    if not spans:
        return spans, np.zeros((0, 2), np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    offsets = np.array(spans, dtype=np.int64)  # (n, 2): start, end
    sent_starts = np.array(sentence_spans(text, newlines=newlines), dtype=np.int64)[:, 0]
    para_starts = np.array(paragraph_spans(text), dtype=np.int64)[:, 0]
    sent_of = np.searchsorted(sent_starts, offsets[:, 0], side="right") - 1
    sent_para = np.searchsorted(para_starts, sent_starts, side="right") - 1
    return spans, offsets, sent_of, sent_para


def _doc_inputs(text_or_corpus, newlines: str):
    """``(doc_id, text, *_doc_spans(text))`` per document; an annotated corpus
    (:mod:`toolkit.annotate`) gives its stored spans without tokenizing again."""
    from toolkit.annotate import AnnotatedCorpus

    if isinstance(text_or_corpus, AnnotatedCorpus):
        if text_or_corpus.options.get("newlines") != newlines:
            from toolkit.errors import MESSAGES

            have = text_or_corpus.options.get("newlines")
            raise ValueError(MESSAGES["annotated_newlines"].format(have=have, want=newlines))
        yield from text_or_corpus._tokenize_input()
        return
    for doc_id, text in iter_docs(text_or_corpus):
        yield (doc_id, text, *_doc_spans(text, newlines))


def tokenize(
    text_or_corpus: TextOrCorpus,
    *,
    stopwords: Iterable[str] | str | Path | pd.DataFrame | None = None,
    stopwords_lists: str = "en+news",
    extra_stopwords: Iterable[str] | str | Path | None = None,
    mwe: bool | str | Path | Iterable[str] = False,
    newlines: str = "break",
) -> pd.DataFrame:
    """One row per token, with offsets into each document's ``text``.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series or corpus DataFrame (``doc_id``, ``text``)
        What to tokenize (see :func:`toolkit._docs.iter_docs`); an annotated corpus
        (:func:`toolkit.annotate.annotate`) is read from its annotations, not tokenized again.
    stopwords : name, path, list of str or DataFrame, optional
        The stopword list that sets ``is_stop``, in place of the shipped ones: a lexicon name
        (``"stopwords"``, ``"stopwords+stopwords_news"``) or your own (a TXT/CSV/YAML file, a
        list or set; see :func:`toolkit.lexicons.resolve`). Default: ``stopwords_lists``.
        Matching ignores case ("US" is flagged as "us" is; see :func:`stopwords`).
    stopwords_lists : str
        Packaged stopword lists joined by ``+`` (``"en"`` = lexicon ``stopwords``, ``"news"``
        = ``stopwords_news``; ``""`` for none), used when ``stopwords`` is not given.
    extra_stopwords : iterable of str or path to a one-word-a-line file, optional
        Words added to the stopword list.
    mwe : bool, name, path or iterable of str
        Merge multiword expressions into one token (``"Gaza Strip"``): ``True`` uses the
        shipped lexicon ``mwe`` (``toolkit/data/tokenize/mwe_en.txt``); a path or a list of
        expressions uses yours. Matching is case-insensitive on whole tokens, longest first,
        within a sentence; the merged token spans from the first word's start to the last
        word's end.
    newlines : {"break", "space"}
        Whether a single line break ends a sentence (see :func:`sentence_spans`).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``para_id``, ``sent_id``, ``tok_id`` (int, numbered from 0
        within each document), ``start``, ``end`` (int, ``text[start:end] == token``),
        ``token`` (str), ``norm`` (case-folded token; white space inside a merged MWE collapsed
        to one space), ``stem`` (Snowball English stem of ``norm`` for alphabetic tokens, else
        ``norm``), ``is_stop``, ``is_punct``, ``is_alpha``, ``is_num`` (bool). Ints are int64,
        strings the ``str`` dtype, with or without rows (:data:`TOKEN_DTYPES`).

    Examples
    --------
    >>> df = tokenize("Iran’s deputy foreign minister met officials in the Gaza Strip.", mwe=True)
    >>> df["token"].tolist()
    ['Iran', '’s', 'deputy foreign minister', 'met', 'officials', 'in', 'the', 'Gaza Strip', '.']
    >>> df.loc[df["is_stop"], "norm"].tolist()
    ['’s', 'in', 'the']
    >>> df["stem"].iloc[4]
    'offici'
    """
    if newlines not in ("break", "space"):
        raise ValueError(f"newlines must be 'break' or 'space', got {newlines!r}")
    if stopwords is None:
        stop = _stopword_set(stopwords_lists, extra=extra_stopwords)
    else:
        stop = _user_stopwords(stopwords)
        if extra_stopwords is not None:
            stop |= _user_stopwords(extra_stopwords)
    lex = _mwe_lexicon(mwe) if mwe is not False else None

    doc_ids: list[str] = []
    doc_lens: list[int] = []
    para_parts: list[np.ndarray] = []
    sent_parts: list[np.ndarray] = []
    offset_parts: list[np.ndarray] = []
    tokens: list[str] = []
    for doc_id, text, spans, offsets, sent_of, sent_para in _doc_inputs(text_or_corpus, newlines):
        if lex and spans:
            spans, merged_sent = _merge_mwe(text, spans, sent_of.tolist(), lex)
            sent_of = np.asarray(merged_sent, dtype=np.int64)
            offsets = np.array(spans, dtype=np.int64).reshape(-1, 2)
        doc_ids.append(doc_id)
        doc_lens.append(len(spans))
        if spans:
            sent_parts.append(sent_of)
            para_parts.append(sent_para[sent_of])
            offset_parts.append(offsets)
            tokens.extend([text[s:e] for s, e in spans])
    para_col = np.concatenate(para_parts) if para_parts else np.zeros(0, np.int64)
    sent_col = np.concatenate(sent_parts) if sent_parts else np.zeros(0, np.int64)
    offsets = np.concatenate(offset_parts) if offset_parts else np.zeros((0, 2), np.int64)
    return _build_frame(doc_ids, doc_lens, para_col, sent_col, offsets, tokens, stop)


def _build_frame(doc_ids, doc_lens, para_col, sent_col, offsets, tokens, stop):
    n = len(tokens)
    lens = np.asarray(doc_lens, dtype=np.int64)
    # tok_id: running number within each document
    doc_first = np.repeat(np.cumsum(lens) - lens, lens) if n else np.array([], np.int64)
    tok_id = np.arange(n, dtype=np.int64) - doc_first
    # per-type attributes, computed once per distinct token string
    codes, uniques = pd.factorize(pd.Series(tokens, dtype=object), sort=False)
    from toolkit.annotate._strings import str_array  # string columns decoded by pyarrow
    uniq = list(uniques)
    u_norm = [_WS_RUN.sub(" ", u).casefold() for u in uniq]
    u_alpha = [u.isalpha() for u in uniq]
    u_stem = [_stem(nm) if a else nm for nm, a in zip(u_norm, u_alpha, strict=True)]
    u_stop = [nm in stop for nm in u_norm]
    u_punct = [bool(_PUNCT.match(u)) for u in uniq]
    u_num = [bool(_NUM.match(u)) for u in uniq]

    def take(values, dtype=object):
        arr = np.asarray(values, dtype=dtype) if values else np.array([], dtype=dtype)
        return arr[codes] if n else arr

    frame = pd.DataFrame(
        {
            "doc_id": str_array(doc_ids, np.repeat(np.arange(len(doc_ids)), lens)),
            "para_id": np.asarray(para_col, dtype=np.int64),
            "sent_id": np.asarray(sent_col, dtype=np.int64),
            "tok_id": tok_id,
            "start": np.ascontiguousarray(offsets[:, 0]),
            "end": np.ascontiguousarray(offsets[:, 1]),
            "token": str_array(uniq, codes),
            "norm": str_array(u_norm, codes),
            "stem": str_array(u_stem, codes),
            "is_stop": take(u_stop, bool),
            "is_punct": take(u_punct, bool),
            "is_alpha": take(u_alpha, bool),
            "is_num": take(u_num, bool),
        },
        columns=TOKEN_COLUMNS,
    )
    return conform(frame, TOKEN_DTYPES)


def iter_tokenize(
    chunks: Iterable[pd.DataFrame] | pd.DataFrame,
    *,
    max_chars: int | None = 2_000_000,
    **options,
) -> Iterator[pd.DataFrame]:
    """Tokenize a corpus chunk by chunk, yielding token tables.

    Memory stays bounded by the largest slice, so a corpus larger than memory can be processed
    from ``toolkit.corpus.iter_load(...)``, ``pandas.read_json(..., lines=True,
    chunksize=...)`` or any other iterator of corpus DataFrames. A token table takes about
    400 bytes per token at its peak (a token is ~5 characters of text), so each chunk is cut
    into slices of whole documents holding at most ``max_chars`` characters (one longer
    document is a slice of its own); ``max_chars=None`` yields one table per chunk.
    Options are those of :func:`tokenize`.

    Examples
    --------
    >>> import pandas as pd
    >>> chunks = [pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]}),
    ...           pd.DataFrame({"doc_id": ["b"], "text": ["Three."]})]
    >>> [len(frame) for frame in iter_tokenize(chunks)]
    [4, 2]
    >>> [frame["doc_id"].tolist() for frame in iter_tokenize(chunks[0], max_chars=None)]
    [['a', 'a', 'a', 'a']]
    """
    if max_chars is not None and max_chars < 1:
        raise ValueError(f"max_chars must be a positive number or None, got {max_chars}")
    if isinstance(chunks, pd.DataFrame):
        chunks = [chunks]
    for chunk in chunks:
        if max_chars is None or not isinstance(chunk, pd.DataFrame) or len(chunk) <= 1:
            yield tokenize(chunk, **options)
            continue
        lengths = chunk["text"].map(lambda t: len(t) if isinstance(t, str) else 0).to_numpy()
        begin, total = 0, 0
        for i, size in enumerate(lengths):
            if total and total + size > max_chars:
                yield tokenize(chunk.iloc[begin:i], **options)
                begin, total = i, 0
            total += size
        if begin < len(chunk):
            yield tokenize(chunk.iloc[begin:], **options)

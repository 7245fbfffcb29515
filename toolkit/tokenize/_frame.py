"""Token tables: tokenize, iter_tokenize, ngrams, stopwords and multiword expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform, empty_frame
from toolkit.tokenize._spans import (
    _token_regex,
    paragraph_spans,
    sentence_spans,
)

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
#: Column -> dtype of the frame :func:`ngrams` returns.
NGRAM_DTYPES: dict[str, str] = {"ngram": "str", "n": "int64", "count": "int64", "doc_freq": "int64"}

_PUNCT = re.compile(r"^[^\w\s]+$|^_+$")
_NUM = re.compile(r"^[+\-−]?(?:\d[\d,.:/\-]*|[.,]\d+)%?$|^[’']\d\ds$")
_WS_RUN = re.compile(r"\s+")
#: Short names of the packaged stopword lists -> their names in :mod:`toolkit.lexicons`.
_STOP_SETS = {"en": "stopwords", "news": "stopwords_news"}


# --- stopwords -------------------------------------------------------------------------------


@cache
def _packaged_stopwords(name: str) -> frozenset[str]:
    from toolkit import lexicons

    return frozenset(w.lower() for w in lexicons.load(_STOP_SETS.get(name, name)))


def _user_stopwords(value: Iterable[str] | str | Path) -> frozenset[str]:
    """A user's stopword option (name, path, list, DataFrame) as lower-case words."""
    from toolkit import lexicons

    return frozenset(w.lower() for w in lexicons.resolve(value, kind="stopwords"))


def stopwords(
    lists: str = "en+news", *, extra: Iterable[str] | str | Path | None = None
) -> frozenset[str]:
    """The stopword set used by :func:`tokenize`.

    Parameters
    ----------
    lists : str
        Packaged lists joined by ``+``: ``"en"`` (lexicon ``stopwords``: English closed-class
        words, including split clitics such as ``'s`` and ``n't``), ``"news"`` (lexicon
        ``stopwords_news``: reporting words, deictic time words, round quantities), or ``""``
        for none; names of :mod:`toolkit.lexicons` work too.
    extra : iterable of str, or path to a TXT/CSV/YAML file (one word a line, ``#`` comments)
        More words (anything :func:`toolkit.lexicons.resolve` takes); matching is on the
        lower-cased token.

    Examples
    --------
    >>> sw = stopwords("en", extra=["tehran"])
    >>> "the" in sw and "tehran" in sw and "said" not in sw
    True
    """
    words: set[str] = set()
    from toolkit import lexicons

    known = set(_STOP_SETS) | set(lexicons.available(kind="stopwords")["name"])
    for name in filter(None, (p.strip() for p in lists.split("+"))):
        if name not in known:
            raise ValueError(
                f"unknown stopword list {name!r}; choose from {sorted(known)} joined by '+'"
            )
        words |= _packaged_stopwords(name)
    if extra is not None:
        words |= _user_stopwords(extra)
    return frozenset(words)


_stopword_set = stopwords


# --- multiword expressions -------------------------------------------------------------------


def _mwe_lexicon(mwe: bool | str | Path | Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """``{first word: [expression as lower-case token tuple, longest first]}``."""
    from toolkit import lexicons

    entries = sorted(lexicons.load("mwe") if mwe is True else lexicons.resolve(mwe, kind="mwe"))
    regex = _token_regex()
    lex: dict[str, set[tuple[str, ...]]] = {}
    for entry in entries:
        toks = tuple(m.group().lower() for m in regex.finditer(entry))
        if len(toks) >= 2:
            lex.setdefault(toks[0], set()).add(toks)
    return {k: sorted(v, key=len, reverse=True) for k, v in lex.items()}


def _merge_mwe(
    text: str,
    spans: list[tuple[int, int]],
    sent_of: list[int],
    lex: dict[str, list[tuple[str, ...]]],
) -> tuple[list[tuple[int, int]], list[int]]:
    lows = [text[s:e].lower() for s, e in spans]
    out_spans: list[tuple[int, int]] = []
    out_sent: list[int] = []
    i, n = 0, len(spans)
    while i < n:
        cands = lex.get(lows[i])
        if cands:
            for expr in cands:
                j = i + len(expr)
                if (
                    j <= n
                    and sent_of[j - 1] == sent_of[i]
                    and tuple(lows[i:j]) == expr
                ):
                    out_spans.append((spans[i][0], spans[j - 1][1]))
                    out_sent.append(sent_of[i])
                    i = j
                    break
            else:
                out_spans.append(spans[i])
                out_sent.append(sent_of[i])
                i += 1
        else:
            out_spans.append(spans[i])
            out_sent.append(sent_of[i])
            i += 1
    return out_spans, out_sent


# --- tokenize --------------------------------------------------------------------------------


@cache
def _stemmer():
    # the pure-Python stemmer generated by the Snowball project (package ``snowballstemmer``
    # 2.2, the Snowball 2 English algorithm), imported by module so that an installed PyStemmer
    # of another Snowball version is never picked up; no NLTK (its import costs seconds)
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


# apostrophes folded to "'" before stemming, as NLTK's English Snowball stemmer does
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'"})


_STEM_CACHE: dict[str, str] = {}


def _stem(norm: str) -> str:
    """Snowball stem, cached across calls (bounded: cleared past 500,000 types)."""
    out = _STEM_CACHE.get(norm)
    if out is None:
        if len(_STEM_CACHE) > 500_000:
            _STEM_CACHE.clear()
        out = _STEM_CACHE[norm] = _stemmer().stemWord(norm.translate(_APOSTROPHES))
    return out


def stem(word: str) -> str:
    """The toolkit's one stemmer: Snowball English of the case-folded word, cached.

    The ``stem`` column of :func:`tokenize`, the keyphrase candidates of
    ``toolkit.keywords`` and the background table use it; no other stemmer is used. It is
    the Snowball project's own (pure-Python) English stemmer, package ``snowballstemmer`` 2.2,
    with curly apostrophes folded to ``'`` first: on the 102,307 word types of the default
    corpus, DUC-2001, KPCrowd dev and the background table it gives NLTK's
    ``SnowballStemmer("english")`` stems for all but 9, where NLTK departs from the
    published algorithm ("realization": NLTK "realize", Snowball "realiz").

    Examples
    --------
    >>> [stem(w) for w in ("Negotiations", "negotiated", "officials")]
    ['negoti', 'negoti', 'offici']
    """
    return _stem(word.casefold())


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


# --- n-grams ---------------------------------------------------------------------------------


def ngrams(
    tokens: pd.DataFrame,
    n: int = 2,
    *,
    term: str = "norm",
    drop_stop: bool = True,
    drop_punct: bool = True,
    min_count: int = 1,
) -> pd.DataFrame:
    """Corpus table of n-grams counted within sentences.

    Parameters
    ----------
    tokens : DataFrame
        A table from :func:`tokenize`.
    n : int
        Length of the n-grams (1 for unigrams).
    term : str
        Which token column forms the n-grams: ``"norm"`` (default), ``"token"`` or ``"stem"``.
    drop_stop, drop_punct : bool
        Leave out every n-gram that contains a stopword / punctuation token (n-grams never
        bridge over a dropped token, nor cross a sentence boundary).
    min_count : int
        Keep n-grams seen at least this many times.

    Returns
    -------
    DataFrame
        Columns ``ngram`` (str, words joined by one space), ``n``, ``count`` (occurrences),
        ``doc_freq`` (documents containing it; all int64), sorted by ``count`` descending then
        ``ngram``. The same columns and dtypes when nothing is found (:data:`NGRAM_DTYPES`).

    Examples
    --------
    >>> df = tokenize(["Iran and Iraq signed a security pact.", "The security pact holds."])
    >>> ngrams(df, n=2).head(1).to_dict("records")
    [{'ngram': 'security pact', 'n': 2, 'count': 2, 'doc_freq': 2}]
    """
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    need = {"doc_id", "sent_id", term, "is_stop", "is_punct"}
    missing = need - set(tokens.columns)
    if missing:
        from toolkit.errors import SchemaError

        raise SchemaError(
            f"token table lacks column(s) {sorted(missing)}; pass the output of tokenize()",
            source="DataFrame",
        )
    table = _ngram_rows(tokens, n, term=term, drop_stop=drop_stop, drop_punct=drop_punct)
    if table.empty:
        return empty_frame(NGRAM_DTYPES)
    grouped = table.groupby("ngram", sort=False)["doc_id"]
    out = pd.DataFrame({"count": grouped.size(), "doc_freq": grouped.nunique()}).reset_index()
    out.insert(1, "n", n)
    out = out[out["count"] >= min_count]
    out = out.sort_values(["count", "ngram"], ascending=[False, True], kind="stable")
    return conform(out.reset_index(drop=True), NGRAM_DTYPES)


def _ngram_rows(
    tokens: pd.DataFrame, n: int, *, term: str, drop_stop: bool, drop_punct: bool
) -> pd.DataFrame:
    """Every n-gram occurrence, in token order: ``ngram, doc_id`` (and ``start, end`` when the
    table has offsets). The one n-gram builder: :func:`ngrams` and ``keywords.occurrences``
    both count these rows. n-grams stay within a sentence and never bridge a dropped token."""
    words = tokens[term].astype(str).reset_index(drop=True)
    ok = np.ones(len(tokens), dtype=bool)
    if drop_stop:
        ok &= ~tokens["is_stop"].to_numpy(dtype=bool)
    if drop_punct:
        ok &= ~tokens["is_punct"].to_numpy(dtype=bool)
    doc = tokens["doc_id"].astype(str).reset_index(drop=True)
    sent = tokens["sent_id"].reset_index(drop=True)
    valid = pd.Series(ok)
    gram = words
    for k in range(1, n):
        same = (doc.shift(-k) == doc) & (sent.shift(-k) == sent)
        valid &= same & pd.Series(ok).shift(-k, fill_value=False)
        gram = gram + " " + words.shift(-k, fill_value="")
    data = {"ngram": gram[valid], "doc_id": doc[valid]}
    if "start" in tokens.columns and "end" in tokens.columns:
        end = tokens["end"].reset_index(drop=True)
        data["start"] = tokens["start"].reset_index(drop=True)[valid]
        data["end"] = (end.shift(-(n - 1), fill_value=0) if n > 1 else end)[valid]
    return pd.DataFrame(data).reset_index(drop=True)

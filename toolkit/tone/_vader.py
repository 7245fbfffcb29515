"""VADER tone through NLTK, with the lexicon taken from the vaderSentiment package.

NLTK 3.10 opens resources only under ``nltk.data.path``, and this toolkit never calls
``nltk.download``. So the first call copies ``vader_lexicon.txt`` from the installed
``vaderSentiment`` package into a toolkit-managed ``nltk_data`` folder and appends that folder
to ``nltk.data.path``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nltk
import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.annotate import AnnotatedCorpus
from toolkit.errors import DatasetError
from toolkit.tokenize import sentence_spans
from toolkit.tone._fast import Analyzer

#: Where the lexicon sits below the nltk_data folder (the name passed to ``nltk.data.load``).
LEXICON_RESOURCE = "sentiment/vader_lexicon_vadersentiment.txt"
SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
#: Column -> dtype of the frame :func:`sentences` returns (rows or no rows).
SENTENCE_DTYPES: dict[str, str] = {"doc_id": "str", "sent_id": "int64", "start": "int64",
                                   "end": "int64", **dict.fromkeys(SCORE_COLUMNS, "float64")}
#: Column -> dtype of the frame :func:`documents` returns (rows or no rows).
DOCUMENT_DTYPES: dict[str, str] = {"doc_id": "str", "n_sentences": "int64",
                                   **dict.fromkeys(SCORE_COLUMNS, "float64")}
SENTENCE_COLUMNS = list(SENTENCE_DTYPES)
DOCUMENT_COLUMNS = list(DOCUMENT_DTYPES)


def nltk_data_dir() -> Path:
    """The toolkit-managed ``nltk_data`` folder: ``$DCT_NLTK_DATA``, else the dataset cache."""
    if os.environ.get("DCT_NLTK_DATA"):
        return Path(os.environ["DCT_NLTK_DATA"])
    from toolkit.datasets import cache_dir

    return Path(cache_dir()) / "nltk_data"


def _packaged_lexicon() -> str:
    try:
        res = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
        raw = res.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise DatasetError(
            "the VADER lexicon comes from the vaderSentiment package: pip install vaderSentiment"
        ) from err
    # NLTK splits on "\n" and needs every line to hold a tab: drop CRs and blank lines.
    lines = [line.rstrip("\r") for line in raw.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def install_lexicon() -> Path:
    """Copy the vaderSentiment lexicon under :func:`nltk_data_dir` and put that on the NLTK path.

    Idempotent: the file is rewritten only when its content differs. Returns the file's path.
    """
    text = _packaged_lexicon()
    root = nltk_data_dir()
    target = root / LEXICON_RESOURCE
    data = text.encode("utf-8")
    if not target.is_file() or (
        hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(data).digest()
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(target)
    if str(root) not in nltk.data.path:
        nltk.data.path.append(str(root))
    return target


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's ``SentimentIntensityAnalyzer`` loaded with the vaderSentiment lexicon.

    It is :class:`toolkit.tone._fast.Analyzer`, NLTK's analyzer with a linear-time word
    splitter (same scores, about ten times faster).

    >>> analyzer().polarity_scores("Good talks.")["compound"] > 0
    True
    """
    install_lexicon()
    return Analyzer(lexicon_file=LEXICON_RESOURCE)


def _with_lexicon(lexicon: object | None) -> SentimentIntensityAnalyzer:
    """The analyzer, with a user's lexicon in place of VADER's (through
    :func:`toolkit.lexicons.resolve`, kind ``sentiment``)."""
    if lexicon is None:
        return analyzer()
    import copy

    from toolkit import lexicons
    from toolkit.errors import InputError

    table = lexicons.resolve(lexicon, kind="sentiment")
    source = table.attrs.get("source", "lexicon")
    if not {"word", "valence"} <= set(table.columns):
        raise InputError("a sentiment lexicon needs the columns word and valence", source=source)
    values = pd.to_numeric(table["valence"], errors="coerce")
    if values.isna().any():
        i = int(values.isna().to_numpy().nonzero()[0][0])
        raise InputError(f"valence {table['valence'].iloc[i]!r} of {table['word'].iloc[i]!r} is "
                         "not a number", source=source, line=i + 1)
    sia = copy.copy(analyzer())
    sia.lexicon = dict(zip(table["word"].astype(str).str.lower(), values.astype(float),
                           strict=True))
    return sia


def _doc_sentences(text_or_corpus) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """``(doc_id, text, sentence spans)``: the layer's sentences for an annotated corpus."""
    if isinstance(text_or_corpus, AnnotatedCorpus):
        for d in text_or_corpus.docs:
            yield d.doc_id, d.text, d.sent_spans[:, :2].tolist()
        return
    for doc_id, text in iter_docs(text_or_corpus):
        yield doc_id, text, sentence_spans(text)


def sentences(text_or_corpus: TextOrCorpus | AnnotatedCorpus, *,
              lexicon: object | None = None) -> pd.DataFrame:
    """VADER scores for every sentence (sentences from :func:`toolkit.tokenize.sentence_spans`).

    Parameters
    ----------
    text_or_corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        What to score; an annotated corpus (:func:`toolkit.annotate.annotate`) gives its
        stored sentences (the same spans).
    lexicon : path, mapping, DataFrame, optional
        Your own valence lexicon in place of VADER's: a file in VADER's format
        (``word<TAB>valence``, more columns ignored), a ``{word: valence}`` mapping or a
        DataFrame with ``word, valence`` (read by :func:`toolkit.lexicons.resolve`, kind
        ``sentiment``). VADER's rules (negation, boosters, capitals) still apply.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id`` (0-based number within the document), ``start, end`` (offsets of
        the sentence in the text), ``neg, neu, pos`` (proportions of the sentence's valence) and
        ``compound`` (normalised sum in [-1, 1]; VADER's authors call >= 0.05 positive and
        <= -0.05 negative). ``doc_id`` is str, the numbers int64, the scores float64, with
        or without rows (:data:`SENTENCE_DTYPES`).

    Examples
    --------
    >>> s = sentences("The talks were a great success. Rockets killed three civilians.")
    >>> (s["compound"] > 0).tolist()
    [True, False]
    >>> mine = sentences("The talks were a great success.", lexicon={"success": -3.0})
    >>> (mine["compound"] < 0).tolist()
    [True]
    """
    sia = _with_lexicon(lexicon)
    rows = []
    seen: dict[str, tuple[float, ...]] = {}  # a repeated sentence (boilerplate) is scored once
    for doc_id, text, spans in _doc_sentences(text_or_corpus):
        for i, (start, end) in enumerate(spans):
            sentence = text[start:end]
            values = seen.get(sentence)
            if values is None:
                scores = sia.polarity_scores(sentence)
                values = seen[sentence] = tuple(scores[c] for c in SCORE_COLUMNS)
            rows.append((doc_id, i, start, end, *values))
    return conform(pd.DataFrame(rows, columns=SENTENCE_COLUMNS), SENTENCE_DTYPES)


def documents(
    text_or_corpus: TextOrCorpus | AnnotatedCorpus, *, method: str = "mean",
    lexicon: object | None = None
) -> pd.DataFrame:
    """VADER tone per document.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        What to score (an annotated corpus gives its stored sentences).
    method : {"mean", "text"}
        ``"mean"`` (default): the mean of the sentence scores, so that long articles do not
        saturate. ``"text"``: VADER run on the whole text at once, as the vaderSentiment
        README does for short texts; compound then drifts towards -1 or 1 with length.
    lexicon : path, mapping, DataFrame, optional
        Your own valence lexicon in place of VADER's, as in :func:`sentences`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_sentences, neg, neu, pos, compound``; scores are NaN for an empty text.
        ``doc_id`` is str, ``n_sentences`` int64, the scores float64 (:data:`DOCUMENT_DTYPES`).

    Examples
    --------
    >>> documents(["Peace and prosperity. Good.", "War, killing and terror."])["compound"] \\
    ...     .gt(0).tolist()
    [True, False]
    """
    if method not in ("mean", "text"):
        raise ValueError(f"method must be 'mean' or 'text', got {method!r}")
    if method == "text":
        sia = _with_lexicon(lexicon)
        rows = []
        for doc_id, text, spans in _doc_sentences(text_or_corpus):
            scores = (sia.polarity_scores(text) if text.strip()
                      else dict.fromkeys(SCORE_COLUMNS, float("nan")))
            rows.append((doc_id, len(spans), *(scores[c] for c in SCORE_COLUMNS)))
        return conform(pd.DataFrame(rows, columns=DOCUMENT_COLUMNS), DOCUMENT_DTYPES)
    if isinstance(text_or_corpus, AnnotatedCorpus):
        ids = [d.doc_id for d in text_or_corpus.docs]
        per_sentence = sentences(text_or_corpus, lexicon=lexicon)
    else:
        docs = list(iter_docs(text_or_corpus))
        ids = [d for d, _ in docs]
        per_sentence = sentences(pd.DataFrame(docs, columns=["doc_id", "text"]), lexicon=lexicon)
    means = per_sentence.groupby("doc_id", sort=False)[SCORE_COLUMNS].mean()
    n = per_sentence.groupby("doc_id", sort=False).size()
    out = means.reindex(ids)
    out.insert(0, "n_sentences", n.reindex(ids).fillna(0).astype("int64"))
    return conform(out.rename_axis("doc_id").reset_index(), DOCUMENT_DTYPES)

"""N-grams of a token table, counted within sentences: the one n-gram builder."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit._frames import conform, empty_frame

#: Column -> dtype of the frame :func:`ngrams` returns.
NGRAM_DTYPES: dict[str, str] = {"ngram": "str", "n": "int64", "count": "int64", "doc_freq": "int64"}


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
    >>> from toolkit.tokenize import tokenize
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

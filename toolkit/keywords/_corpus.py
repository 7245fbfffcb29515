"""Corpus analyses as tidy DataFrames: occurrences, frequencies, collocations, keyness.

They read the tokens of the document layer (:func:`toolkit.annotate.ensure_annotated`: a corpus
or an :class:`~toolkit.annotate.AnnotatedCorpus`, never tokenized again), build n-grams with the
one n-gram builder of :mod:`toolkit.tokenize` and count words with
:func:`toolkit.tokenize.word_count`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from toolkit._docs import TextOrCorpus
from toolkit._frames import conform, empty_frame, passthrough_dtypes
from toolkit.annotate import AnnotatedCorpus, ensure_annotated
from toolkit.errors import InputError, SchemaError
from toolkit.tokenize import word_count
from toolkit.tokenize._frame import _ngram_rows, _stem

_PERIODS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}

# Column -> dtype of each result, rows or no rows (see toolkit._frames).
#: :func:`occurrences`
OCCURRENCE_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64",
                                     "term": "str"}
#: :func:`frequencies`, after the ``by`` columns (which keep their corpus dtype; derived
#: periods are str)
FREQUENCY_DTYPES: dict[str, str] = {"term": "str", "n": "int64", "count": "int64",
                                    "doc_freq": "int64", "share": "float64", "rank": "int64",
                                    "n_words": "int64", "per_1000": "float64"}
#: :func:`collocations`
COLLOCATION_DTYPES: dict[str, str] = {
    "collocation": "str", "count": "int64", "count_prefix": "int64", "count_last": "int64",
    "expected": "float64", "pmi": "float64", "g2": "float64", "g2_p": "float64",
    "t_score": "float64", "doc_freq": "int64",
}
#: :func:`keyness`
KEYNESS_DTYPES: dict[str, str] = {
    "term": "str", "count_target": "int64", "count_reference": "int64", "g2": "float64",
    "g2_p": "float64", "chi2": "float64", "chi2_p": "float64", "log_ratio": "float64",
}


# --- shared helpers --------------------------------------------------------------------------


def _tokens(ac: AnnotatedCorpus, tokens: pd.DataFrame | None, term: str = "norm") -> pd.DataFrame:
    """The given token table (checked), else the layer's tokens (with ``stem`` when asked)."""
    if tokens is None:
        tok = ac.tokens
        if term == "stem":
            norms = tok["norm"].astype(str)
            alpha = tok["is_alpha"].to_numpy(dtype=bool)
            tok["stem"] = pd.array([_stem(w) if a else w for w, a in zip(norms, alpha,
                                                                          strict=True)],
                                   dtype="str")
        return tok
    need = {"doc_id", "sent_id", "start", "end", "norm", "is_stop", "is_punct"}
    missing = need - set(tokens.columns)
    if missing:
        raise SchemaError(
            f"token table lacks column(s) {sorted(missing)}; pass the output of "
            "toolkit.tokenize.tokenize()",
            source="tokens",
        )
    return tokens


def occurrences(
    text_or_corpus: TextOrCorpus,
    *,
    n: int = 1,
    term: str = "norm",
    drop_stop: bool = True,
    drop_punct: bool = True,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every occurrence of every term (word or n-gram): ``doc_id, start, end, term``.

    ``doc_id`` and ``term`` are str, ``start`` and ``end`` int64, with or without rows.

    n-grams are counted within a sentence and never bridge a dropped token (stopword or
    punctuation), as :func:`toolkit.tokenize.ngrams` does; ``text[start:end]`` is the
    occurrence.

    >>> occurrences("Peace talks resumed. Peace talks stalled.", n=2).term.tolist()
    ['peace talks', 'talks resumed', 'peace talks', 'talks stalled']
    """
    if not isinstance(n, int) or n < 1:
        raise InputError(f"n must be a positive integer, got {n!r}", source="occurrences")
    tok = _tokens(ensure_annotated(text_or_corpus), tokens, term).reset_index(drop=True)
    if term not in tok.columns:
        raise SchemaError(f"token table has no column {term!r}", source="tokens")
    rows = _ngram_rows(tok, n, term=term, drop_stop=drop_stop, drop_punct=drop_punct)
    out = rows[["doc_id", "start", "end", "ngram"]].rename(columns={"ngram": "term"})
    return conform(out, OCCURRENCE_DTYPES)


def _group_keys(corpus: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """Add derived period columns (``month``, ``year``, ...) from ``date``; return key names."""
    if by is None:
        return []
    keys = [by] if isinstance(by, str) else list(by)
    for k in keys:
        if k in corpus.columns:
            continue
        if k in _PERIODS and "date" in corpus.columns:
            continue
        raise SchemaError(
            f"cannot group by {k!r}: no such column (found {list(corpus.columns)}); "
            f"periods {sorted(_PERIODS)} need a 'date' column",
            source="corpus",
        )
    return keys


def _doc_vars(corpus: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str)})
    for k in keys:
        if k in corpus.columns:
            out[k] = corpus[k].to_numpy()
        else:
            dates = pd.to_datetime(corpus["date"], errors="coerce")
            out[k] = dates.dt.to_period(_PERIODS[k]).astype("str").where(dates.notna(), None)
    return out


# --- frequencies ----------------------------------------------------------------------------


def frequencies(
    text_or_corpus: TextOrCorpus,
    *,
    n: int = 1,
    by: str | Sequence[str] | None = None,
    term: str = "norm",
    drop_stop: bool = True,
    min_count: int = 1,
    top_k: int | None = None,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Frequency table of terms or n-grams, overall or per group of documents.

    Parameters
    ----------
    text_or_corpus
        A text, list of texts or corpus DataFrame.
    n
        n-gram length (1 = words).
    by
        Document variable(s) to count within: corpus column names (``"outlet"``), or a period
        derived from ``date``: ``"year"``, ``"quarter"``, ``"month"``, ``"week"``, ``"day"``.
    term
        Token column forming terms: ``"norm"`` (case-folded, default), ``"token"``, ``"stem"``.
    drop_stop
        Leave out stopwords (n-grams containing one are left out too).
    min_count, top_k
        Keep terms seen at least ``min_count`` times; keep the ``top_k`` most frequent per group.
    tokens
        A token table from :func:`toolkit.tokenize.tokenize` of the same corpus, to save
        tokenizing again.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns (their corpus dtype; a derived period is str), then ``term``
        (str), ``n``, ``count``, ``doc_freq`` (documents with the term), ``share`` (float64,
        count / all counted n-grams of the group), ``rank`` (1 = most frequent within the
        group), ``n_words`` (words of the group, :func:`toolkit.tokenize.word_count`) and
        ``per_1000`` (count per 1,000 words, as ``dispersion`` and ``dictionary.count``),
        sorted by group then rank; counts are int64. Same columns and dtypes without
        rows (:data:`FREQUENCY_DTYPES`).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...                   "text": ["Talks on Iran.", "Iran talks resume.", "Gaza ceasefire."]})
    >>> f = frequencies(c, by="outlet")
    >>> f[f.outlet == "X"].head(2)[["term", "count"]].to_dict("records")
    [{'term': 'iran', 'count': 2}, {'term': 'talks', 'count': 2}]
    """
    ac = ensure_annotated(text_or_corpus)
    corpus = ac.corpus
    keys = _group_keys(corpus, by)
    occ = occurrences(ac, n=n, term=term, drop_stop=drop_stop, tokens=tokens)
    docs = _doc_vars(corpus, keys)
    docs["n_words"] = word_count(ac).to_numpy()
    if keys:
        occ = occ.merge(docs.drop(columns="n_words").drop_duplicates("doc_id"), on="doc_id",
                        how="left")
    gcols = [*keys, "term"]
    g = occ.groupby(gcols, sort=False, dropna=False)["doc_id"]
    out = pd.DataFrame({"count": g.size(), "doc_freq": g.nunique()}).reset_index()
    totals = out.groupby(keys, dropna=False)["count"].transform("sum") if keys else (
        out["count"].sum()
    )
    out["share"] = out["count"] / totals
    out.insert(len(keys) + 1, "n", n)
    out = out[out["count"] >= min_count]
    out = out.sort_values([*keys, "count", "term"], ascending=[True] * len(keys) + [False, True],
                          kind="stable")
    out["rank"] = out.groupby(keys, dropna=False).cumcount() + 1 if keys else (
        np.arange(1, len(out) + 1)
    )
    if top_k is not None:
        out = out[out["rank"] <= top_k]
    if keys:
        words = docs.groupby(keys, dropna=False)["n_words"].sum().rename("n_words")
        out = out.merge(words.reset_index(), on=keys, how="left")
    else:
        out["n_words"] = int(docs["n_words"].sum())
    out["per_1000"] = np.where(out["n_words"] > 0,
                               1000 * out["count"] / out["n_words"].clip(lower=1), 0.0)
    schema = passthrough_dtypes(corpus, keys) | FREQUENCY_DTYPES
    return conform(out.reset_index(drop=True), schema)


# --- collocations ---------------------------------------------------------------------------


def collocations(
    text_or_corpus: TextOrCorpus,
    *,
    n: int = 2,
    min_count: int = 3,
    term: str = "norm",
    drop_stop: bool = True,
    sort: str = "g2",
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Multi-word collocations scored with PMI, log-likelihood G2 and t-score.

    Each n-gram of ``n`` words is scored as the pair (its first ``n - 1`` words, its
    last word) in the 2x2 contingency table of all n-grams of that size (observed ``O11``,
    expected ``E11 = R1 * C1 / N``).

    Parameters
    ----------
    n
        Words per collocation (2 or more).
    min_count
        Keep collocations seen at least this many times (PMI is unreliable below ~3-5).
    drop_stop
        Leave out n-grams containing a stopword.
    sort
        Column to sort by, descending: ``"g2"`` (default), ``"pmi"``, ``"t_score"``, ``"count"``.

    Returns
    -------
    pandas.DataFrame
        ``collocation``, ``count`` (O11), ``count_prefix`` (R1), ``count_last`` (C1),
        ``expected`` (E11), ``pmi`` (log2 O11/E11), ``g2`` (log-likelihood, 2 sum O ln O/E),
        ``g2_p`` (chi-squared 1 df p-value of G2), ``t_score`` ((O11 - E11) / sqrt(O11)),
        ``doc_freq``. ``collocation`` is str, counts and ``doc_freq`` int64, the rest
        float64, with or without rows (:data:`COLLOCATION_DTYPES`).

    Examples
    --------
    >>> text = "Peace talks began. " * 4 + "Peace returned. Talks failed. Talks ended."
    >>> collocations(text, min_count=2).collocation.tolist()
    ['peace talks', 'talks began']
    """
    if not isinstance(n, int) or n < 2:
        raise InputError(f"n must be an integer >= 2, got {n!r}", source="collocations")
    if sort not in ("g2", "pmi", "t_score", "count"):
        raise InputError(f"sort must be g2, pmi, t_score or count, got {sort!r}",
                         source="collocations")
    occ = occurrences(ensure_annotated(text_or_corpus), n=n, term=term, drop_stop=drop_stop,
                      tokens=tokens)
    if occ.empty:
        return empty_frame(COLLOCATION_DTYPES)
    parts = occ["term"].str.rsplit(" ", n=1, expand=True)
    occ = occ.assign(prefix=parts[0], last=parts[1])
    total = len(occ)
    g = occ.groupby("term", sort=False)
    table = pd.DataFrame({"count": g.size(), "doc_freq": g["doc_id"].nunique(),
                          "prefix": g["prefix"].first(), "last": g["last"].first()})
    table = table[table["count"] >= min_count]
    r1 = occ["prefix"].value_counts()
    c1 = occ["last"].value_counts()
    o11 = table["count"].to_numpy(float)
    rr = table["prefix"].map(r1).to_numpy(float)
    cc = table["last"].map(c1).to_numpy(float)
    e11 = rr * cc / total
    o12, o21 = rr - o11, cc - o11
    o22 = total - rr - cc + o11
    e12, e21 = rr * (total - cc) / total, (total - rr) * cc / total
    e22 = (total - rr) * (total - cc) / total
    g2 = 2 * (_xlogy(o11, e11) + _xlogy(o12, e12) + _xlogy(o21, e21) + _xlogy(o22, e22))
    out = pd.DataFrame({
        "collocation": table.index.astype(str),
        "count": o11.astype("int64"),
        "count_prefix": rr.astype("int64"),
        "count_last": cc.astype("int64"),
        "expected": e11,
        "pmi": np.log2(o11 / e11),
        "g2": g2,
        "g2_p": [_chi2_p(x) for x in g2],
        "t_score": (o11 - e11) / np.sqrt(o11),
        "doc_freq": table["doc_freq"].to_numpy("int64"),
    })
    out = out.sort_values([sort, "collocation"], ascending=[False, True], kind="stable")
    return conform(out.reset_index(drop=True), COLLOCATION_DTYPES)


def _xlogy(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1) / np.where(e > 0, e, 1)), 0.0)


def _pearson(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``(o - e)**2 / e``, 0 where ``e`` is 0 (a cell of an empty row or column is empty too)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(e > 0, (o - e) ** 2 / np.where(e > 0, e, 1), 0.0)


def _chi2_p(x: float) -> float:
    """Upper-tail p-value of the chi-squared distribution with 1 degree of freedom."""
    return math.erfc(math.sqrt(max(float(x), 0.0) / 2.0))


# --- keyness --------------------------------------------------------------------------------


def keyness(
    text_or_corpus: TextOrCorpus,
    target: object,
    *,
    by: str | None = None,
    n: int = 1,
    term: str = "norm",
    drop_stop: bool = True,
    min_count: int = 2,
    sort: str = "g2",
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyness of terms in a target group of documents against the rest (the reference).

    Like quanteda's ``textstat_keyness``: for each term, the 2x2 table (term / other terms,
    target / reference) gives the log-likelihood G2 and Pearson's chi-squared (no continuity
    correction), both signed negative when the term is relatively rarer in the target, with
    their p-values (1 df), and Hardie's log ratio effect size
    ``log2((a / A) / (b / B))`` with 0.5 added to zero counts.

    Parameters
    ----------
    target
        Which documents are the target: a value of the column ``by`` (``keyness(c, "Al
        Jazeera", by="outlet")``), a list of ``doc_id``, or a boolean sequence/Series aligned
        with the corpus rows.
    by
        Document variable whose value ``target`` names (a column or a period of ``date``).
    n, term, drop_stop
        As in :func:`frequencies`.
    min_count
        Keep terms seen at least this many times in target and reference together.
    sort
        ``"g2"`` (default), ``"chi2"`` or ``"log_ratio"``; sorted descending, so the most
        over-represented terms come first and the most under-represented last.

    Returns
    -------
    pandas.DataFrame
        ``term``, ``count_target``, ``count_reference`` (counts), ``g2``, ``g2_p``, ``chi2``,
        ``chi2_p``, ``log_ratio``; ``attrs`` holds ``target_total`` and ``reference_total``.
        ``term`` is str, the counts int64, the statistics float64 (:data:`KEYNESS_DTYPES`).
        An :class:`~toolkit.errors.InputError` when either group has no terms.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
    ...     "text": ["Sanctions on Iran. Sanctions bite.", "Iran sanctions widen.",
    ...              "Gaza truce holds.", "Gaza truce talks. Iran watches."]})
    >>> k = keyness(c, "X", by="outlet", min_count=2)
    >>> k.term.iloc[0], sorted(k.term.iloc[-2:])
    ('sanctions', ['gaza', 'truce'])
    """
    if sort not in ("g2", "chi2", "log_ratio"):
        raise InputError(f"sort must be g2, chi2 or log_ratio, got {sort!r}", source="keyness")
    ac = ensure_annotated(text_or_corpus)
    corpus = ac.corpus
    mask = _target_mask(corpus, target, by)
    occ = occurrences(ac, n=n, term=term, drop_stop=drop_stop, tokens=tokens)
    icount_target = set(corpus["doc_id"].astype(str)[mask.to_numpy()])
    is_t = occ["doc_id"].isin(icount_target)
    a = occ.loc[is_t, "term"].value_counts()
    b = occ.loc[~is_t, "term"].value_counts()
    table = pd.concat([a.rename("count_target"), b.rename("count_reference")], axis=1).fillna(0)
    total_a, total_b = float(is_t.sum()), float((~is_t).sum())
    if total_a == 0 or total_b == 0:
        raise InputError(
            f"keyness needs terms in both groups: target has {int(total_a)}, reference "
            f"{int(total_b)}", source="keyness")
    table = table[(table["count_target"] + table["count_reference"]) >= min_count]
    o11 = table["count_target"].to_numpy(float)
    o21 = table["count_reference"].to_numpy(float)
    o12, o22 = total_a - o11, total_b - o21
    n_all = total_a + total_b
    row1 = o11 + o21
    row2 = o12 + o22
    e11, e21 = row1 * total_a / n_all, row1 * total_b / n_all
    e12, e22 = row2 * total_a / n_all, row2 * total_b / n_all
    g2 = 2 * (_xlogy(o11, e11) + _xlogy(o12, e12) + _xlogy(o21, e21) + _xlogy(o22, e22))
    chi2 = _pearson(o11, e11) + _pearson(o12, e12) + _pearson(o21, e21) + _pearson(o22, e22)
    sign = np.where(o11 >= e11, 1.0, -1.0)
    a_s, b_s = np.where(o11 == 0, 0.5, o11), np.where(o21 == 0, 0.5, o21)
    out = pd.DataFrame({
        "term": table.index.astype(str),
        "count_target": o11.astype("int64"),
        "count_reference": o21.astype("int64"),
        "g2": sign * g2,
        "g2_p": [_chi2_p(x) for x in g2],
        "chi2": sign * chi2,
        "chi2_p": [_chi2_p(x) for x in chi2],
        "log_ratio": np.log2((a_s / total_a) / (b_s / total_b)),
    })
    out = out.sort_values([sort, "term"], ascending=[False, True], kind="stable")
    out = conform(out.reset_index(drop=True), KEYNESS_DTYPES)
    out.attrs.update(target_total=int(total_a), reference_total=int(total_b))
    return out


def _target_mask(corpus: pd.DataFrame, target: object, by: str | None) -> pd.Series:
    ids = corpus["doc_id"].astype(str)
    if by is not None:
        keys = _group_keys(corpus, by)
        values = _doc_vars(corpus, keys)[keys[0]]
        mask = pd.Series((values == target).to_numpy(), index=corpus.index)
        if not mask.any():
            raise InputError(
                f"no document has {by} == {target!r}; values are "
                f"{sorted(map(str, values.dropna().unique()))[:10]}", source="keyness")
    elif isinstance(target, pd.Series) and target.dtype == bool:
        mask = target.reindex(corpus.index).fillna(False).astype(bool)
    elif isinstance(target, str):
        mask = pd.Series((ids == target).to_numpy(), index=corpus.index)
    else:
        values = list(target)  # type: ignore[call-overload]
        if values and all(isinstance(v, bool | np.bool_) for v in values):
            if len(values) != len(corpus):
                raise InputError(f"boolean target has {len(values)} values for "
                                 f"{len(corpus)} documents", source="keyness")
            mask = pd.Series(values, index=corpus.index, dtype=bool)
        else:
            wanted = {str(v) for v in values}
            unknown = wanted - set(ids)
            if unknown:
                raise InputError(f"unknown doc_id(s) in target: {sorted(unknown)[:5]}",
                                 source="keyness")
            mask = pd.Series(ids.isin(wanted).to_numpy(), index=corpus.index)
    if mask.all() or not mask.any():
        raise InputError("target must select some documents but not all", source="keyness")
    return mask

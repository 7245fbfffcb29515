"""Dictionaries as in quanteda: categories of glob patterns, counted per document or group.

Patterns are those of the one dialect, :func:`toolkit.tokenize.compile_pattern` (whole tokens of
the annotate layer); rates are per 1,000 words of :func:`toolkit.tokenize.word_count`, as in
``keywords.dispersion`` and ``keywords.frequencies``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

from toolkit._docs import TextOrCorpus
from toolkit._frames import conform, passthrough_dtypes
from toolkit.annotate import AnnotatedCorpus, ensure_annotated
from toolkit.errors import InputError, SchemaError
from toolkit.tokenize import TokenPattern, compile_pattern, word_count

#: Columns of a dictionary table.
DICTIONARY_COLUMNS = ["category", "pattern"]
#: Column -> dtype of the frame :func:`matches` returns (rows or no rows).
MATCH_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64",
                                "surface": "str", "category": "str", "pattern": "str"}
#: Columns of the frame :func:`matches` returns.
MATCH_COLUMNS = list(MATCH_DTYPES)
#: Column -> dtype of the frame :func:`count` returns, after ``doc_id`` (str) or the ``by``
#: columns (their corpus dtype) and ``n_docs`` (int64).
COUNT_DTYPES: dict[str, str] = {"category": "str", "count": "int64", "n_words": "int64",
                                "per_1000": "float64"}


def load_dictionary(
    source: str | Path | Mapping | pd.DataFrame,
) -> pd.DataFrame:
    """Read a dictionary: categories of glob patterns, single words or multiword phrases.

    Parameters
    ----------
    source : path, mapping, DataFrame or shipped name
        A YAML file (``category: [pattern, ...]``, categories may nest and are then joined
        with ``.``, e.g. ``conflict.armed``), a CSV file with ``category`` and ``pattern``
        columns, a Python dict of the same shape, a DataFrame with those columns, or the
        name of a shipped dictionary (``"framing"``, see ``toolkit/data/dictionaries`` and
        :func:`toolkit.lexicons.available`); read by :func:`toolkit.lexicons.resolve`.
        Patterns are globs of the toolkit's one dialect
        (:func:`toolkit.tokenize.compile_pattern`), matched case-insensitively against whole
        tokens: ``*`` stands for zero or more characters within one token (``secur*``:
        security, securities; ``Iran*``: the "Iran" of "Iran’s", not "’s"), ``?`` for one;
        a space separates the tokens of a multiword entry (``peace talk*``).

    Returns
    -------
    pandas.DataFrame
        ``category, pattern``: one row per pattern.

    Examples
    --------
    >>> load_dictionary({"security": ["secur*", "armed forces"]}).values.tolist()
    [['security', 'secur*'], ['security', 'armed forces']]
    >>> sorted(load_dictionary("framing")["category"].unique())[:2]
    ['conflict', 'diplomacy_cooperation']
    """
    from toolkit import lexicons

    if isinstance(source, pd.DataFrame):
        missing = set(DICTIONARY_COLUMNS) - set(source.columns)
        if missing:
            raise SchemaError(f"dictionary lacks column(s) {sorted(missing)}", source="DataFrame")
    elif isinstance(source, str | Path) and not Path(source).is_file() and str(source) not in (
            shipped := sorted(lexicons.available(kind="dictionary")["name"])):
        raise InputError(f"no such dictionary file; shipped dictionaries: {shipped}",
                         source=str(source))
    frame = lexicons.resolve(source, kind="dictionary")
    name = frame.attrs.get("source", "<dict>")
    frame = frame[DICTIONARY_COLUMNS].astype(str)
    bad = frame["pattern"].str.strip() == ""
    if bad.any():
        raise InputError(f"empty pattern in category {frame['category'][bad].iloc[0]!r}",
                         source=name)
    return frame.drop_duplicates().reset_index(drop=True)


def _compile(dictionary: pd.DataFrame) -> dict[str, TokenPattern]:
    """One :class:`TokenPattern` per category (its longest entries win at a token).

    Compiled patterns are kept for the same (category, patterns) content, so that repeated
    calls (one per chunk of a large corpus) reuse what each pattern learnt about each word.
    """
    return {category: _compile_category(category, tuple(group["pattern"].tolist()))
            for category, group in dictionary.groupby("category", sort=True)}


@lru_cache(maxsize=256)
def _compile_category(category: str, patterns: tuple[str, ...]) -> TokenPattern:
    return compile_pattern(list(patterns))


def _as_dictionary(dictionary) -> pd.DataFrame:
    if isinstance(dictionary, pd.DataFrame) and list(dictionary.columns[:2]) == DICTIONARY_COLUMNS:
        return dictionary
    return load_dictionary(dictionary)


def matches(text_or_corpus: TextOrCorpus | AnnotatedCorpus, dictionary) -> pd.DataFrame:
    """Every dictionary hit with its offsets.

    Within one category, hits do not overlap (at a token the entry with most tokens wins); a
    span can count in several categories. ``text_or_corpus`` may be an annotated corpus
    (:func:`toolkit.annotate.annotate`), read without tokenizing again.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, surface, category, pattern``: offsets int64, the rest str,
        with or without rows (:data:`MATCH_DTYPES`).

    Examples
    --------
    >>> matches("Peace talks on security.", {"diplomacy": ["peace talk*"],
    ...                                     "security": ["secur*"]}).values.tolist()
    [['doc0', 0, 11, 'Peace talks', 'diplomacy', 'peace talk*'], \
['doc0', 15, 23, 'security', 'security', 'secur*']]
    """
    compiled = _compile(_as_dictionary(dictionary))
    rows = []
    for doc in ensure_annotated(text_or_corpus).docs:
        text = doc.text
        for category, pat in compiled.items():
            for s, e, p in pat.spans(doc):
                rows.append((doc.doc_id, s, e, text[s:e], category, pat.patterns[p]))
    frame = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    frame = frame.sort_values(["doc_id", "start", "category"], kind="stable")
    return conform(frame.reset_index(drop=True), MATCH_DTYPES)


def count(
    corpus: TextOrCorpus | AnnotatedCorpus,
    dictionary,
    *,
    by: str | list[str] | None = None,
) -> pd.DataFrame:
    """Count dictionary categories per document or per group, with rates.

    Parameters
    ----------
    corpus : text, corpus or annotated corpus
        With ``by``, a corpus (or annotated corpus of one) holding the grouping column(s)
        (e.g. ``outlet``).
    dictionary : path, mapping, DataFrame or shipped name
        See :func:`load_dictionary`.
    by : str or list of str, optional
        Corpus column(s) to group documents by; default: one row per document and category.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``doc_id`` (or the ``by`` columns and ``n_docs``), ``category``, ``count``,
        ``n_words`` (words in the document or group, :func:`toolkit.tokenize.word_count`) and
        ``per_1000`` (count per 1,000 words, as ``keywords.dispersion``; NaN for documents
        without words). ``doc_id`` and ``category`` are str, the ``by``
        columns keep their corpus dtype, counts are int64 and ``per_1000`` float64, with or
        without rows (:data:`COUNT_DTYPES`). Every document/group has a row for every category,
        zeros included. Pivot with ``frame.pivot(index="doc_id", columns="category",
        values="per_1000")``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["War and war.", "Trade deal."],
    ...                        "outlet": ["X", "X"]})
    >>> d = {"conflict": ["war*"], "economy": ["trade"]}
    >>> count(corpus, d)[["doc_id", "category", "count", "per_1000"]].values.tolist()
    [['a', 'conflict', 2, 666.6666666666666], ['a', 'economy', 0, 0.0], \
['b', 'conflict', 0, 0.0], ['b', 'economy', 1, 500.0]]
    >>> count(corpus, d, by="outlet")[["outlet", "category", "count", "n_words"]].values.tolist()
    [['X', 'conflict', 2, 5], ['X', 'economy', 1, 5]]
    """
    table = _as_dictionary(dictionary)
    ac = ensure_annotated(corpus)
    frame = ac.corpus
    groups = [by] if isinstance(by, str) else list(by or [])
    missing = set(groups) - set(frame.columns)
    if missing:
        raise SchemaError(f"corpus lacks the by column(s) {sorted(missing)}", source="DataFrame")
    docs = frame[["doc_id", *groups]].copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs["n_words"] = word_count(ac).to_numpy()
    hits = matches(ac, table)
    categories = sorted(table["category"].unique())
    counts = hits.groupby(["doc_id", "category"]).size()
    full = pd.MultiIndex.from_product([docs["doc_id"], categories], names=["doc_id", "category"])
    long = counts.reindex(full, fill_value=0).rename("count").reset_index()
    long = long.merge(docs, on="doc_id", how="left")
    if groups:
        long = long.groupby([*groups, "category"], sort=True, dropna=False).agg(
            n_docs=("doc_id", "nunique"), count=("count", "sum"), n_words=("n_words", "sum")
        ).reset_index()
        cols = [*groups, "n_docs", "category", "count", "n_words"]
    else:
        cols = ["doc_id", "category", "count", "n_words"]
    long = long[cols].copy()
    long["count"] = long["count"].astype("int64")
    words = long["n_words"].where(long["n_words"] > 0)
    long["per_1000"] = long["count"] / words * 1000
    lead = passthrough_dtypes(frame, groups) | {"n_docs": "int64"} if groups else {"doc_id": "str"}
    return conform(long.reset_index(drop=True), lead | COUNT_DTYPES)

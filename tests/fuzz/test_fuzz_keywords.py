"""Fuzz properties of toolkit.keywords: offsets, determinism, doc_ids, rows, errors."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from fuzz_strategies import WORDS, budget, by_id, check_ids, check_same, check_spans, corpora, run
from hypothesis import given
from hypothesis import strategies as st

import toolkit.keywords as kw
from toolkit.errors import ToolkitWarning

patterns = st.one_of(
    st.sampled_from(["iran*", "nuclear deal", "peace talk?", "said", "IS", "u.s.", "*", "?"]),
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=6),
)


@pytest.mark.parametrize("method", sorted(kw.METHODS))
@budget(50)
@given(corpus=corpora(max_docs=3), top_k=st.integers(1, 5))
def test_extract(method, corpus, top_k):
    out = run(kw.extract, corpus, method=method, top_k=top_k)
    if out is None:
        return
    text_of = by_id(corpus)
    check_ids(out, corpus)
    check_same(out, kw.extract(corpus, method=method, top_k=top_k))
    for row in out.itertuples(index=False):
        text = text_of[row.doc_id]
        assert row.count >= 1 and row.spans
        for s, e in row.spans:
            assert 0 <= s < e <= len(text)
    assert (out.groupby("doc_id")["rank"].max() <= top_k).all()


@budget(100)
@given(corpora(), st.integers(1, 3))
def test_occurrences(corpus, n):
    out = run(kw.occurrences, corpus, n=n)
    if out is None:
        return
    check_spans(out, by_id(corpus))
    check_ids(out, corpus)
    check_same(out, kw.occurrences(corpus, n=n))
    if n == 1:
        text_of = by_id(corpus)
        surfaces = [" ".join(text_of[d][s:e].split()).casefold()
                    for d, s, e in zip(out["doc_id"], out["start"], out["end"], strict=True)]
        assert surfaces == out["term"].tolist()


@budget(50)
@given(corpora(outlets=True, dated=True), st.integers(1, 2),
       st.sampled_from([None, "outlet", "month"]))
def test_frequencies(corpus, n, by):
    out = run(kw.frequencies, corpus, n=n, by=by)
    if out is None:
        return
    check_same(out, kw.frequencies(corpus, n=n, by=by))
    assert ((out["doc_freq"] >= 1) & (out["doc_freq"] <= out["count"])).all()
    assert (out["doc_freq"] <= len(corpus)).all()
    occ = kw.occurrences(corpus, n=n)
    if by is None:
        assert out["count"].sum() == len(occ)  # rows in = rows counted


@budget(60)
@given(corpora(), st.integers(2, 3), st.integers(1, 3))
def test_collocations(corpus, n, min_count):
    out = run(kw.collocations, corpus, n=n, min_count=min_count)
    if out is None:
        return
    check_same(out, kw.collocations(corpus, n=n, min_count=min_count))
    assert (out["count"] >= min_count).all()
    assert (out["count"] <= out[["count_prefix", "count_last"]].min(axis=1)).all()
    assert out["collocation"].is_unique


@budget(100)
@given(corpora(max_docs=5), st.data())
def test_keyness(corpus, data):
    ids = corpus["doc_id"].tolist()
    target = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    _check_keyness(corpus, target)


def test_keyness_single_term_corpus():
    """One term is every token: chi2 has empty expected cells and must not be NaN."""
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Iran", "", "Iran"]})
    _check_keyness(corpus, ["a"])
    assert kw.keyness(corpus, ["a"], min_count=1)["chi2"].notna().all()


def _check_keyness(corpus, target):
    out = run(kw.keyness, corpus, target, min_count=1)
    if out is None:
        return
    check_same(out, kw.keyness(corpus, target, min_count=1))
    assert out["count_target"].sum() == out.attrs["target_total"]
    assert out["count_reference"].sum() == out.attrs["reference_total"]
    assert out[["g2_p", "chi2_p"]].apply(lambda c: c.between(0, 1)).all().all()


@budget(100)
@given(corpora(), patterns, st.integers(0, 4), st.sampled_from(["glob", "fixed", "regex"]))
def test_kwic(corpus, pattern, window, valuetype):
    out = run(kw.kwic, corpus, pattern, window=window, valuetype=valuetype)
    if out is None:
        return
    check_spans(out, by_id(corpus), surface="match")
    check_ids(out, corpus)
    check_same(out, kw.kwic(corpus, pattern, window=window, valuetype=valuetype))
    assert (out["end"] > out["start"]).all()


@budget(100)
@given(corpora(outlets=True, dated=True), patterns)
def test_dispersion(corpus, pattern):
    out = run(kw.dispersion, corpus, pattern)
    if out is None:
        return
    check_same(out, kw.dispersion(corpus, pattern))
    assert out["doc_id"].tolist() == corpus["doc_id"].tolist()  # one row per document
    conc = kw.kwic(corpus, pattern, window=0)
    assert out["count"].sum() == len(conc)
    for pos in out["positions"]:
        assert all(0 <= p < 1 for p in pos) and pos == sorted(pos)


@budget(50)
@given(corpora(outlets=True, dated=True), st.lists(patterns, min_size=1, max_size=2),
       st.sampled_from(["year", "month", "day"]), st.sampled_from([None, "outlet"]))
def test_trend(corpus, terms, period, by):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = run(kw.trend, corpus, terms, period=period, by=by)
    if out is None:
        return
    undated = int(corpus["date"].isna().sum())
    assert bool(undated) == any(issubclass(w.category, ToolkitWarning) for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ToolkitWarning)
        check_same(out, kw.trend(corpus, terms, period=period, by=by))
    for _, rows in out.groupby("term", sort=False):
        assert rows["n_docs"].sum() + undated == len(corpus)  # rows in = rows out + left out
    assert (out["doc_freq"] <= out["n_docs"]).all()
    assert pd.api.types.is_datetime64_any_dtype(out["period"])

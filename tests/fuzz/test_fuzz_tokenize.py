"""Fuzz properties of toolkit.tokenize: offsets, determinism, doc_ids, rows, errors."""

from __future__ import annotations

import pandas as pd
from fuzz_strategies import budget, by_id, check_ids, check_same, check_spans, corpora, run, texts
from hypothesis import given
from hypothesis import strategies as st

import toolkit.tokenize as tt


@budget()
@given(texts)
def test_span_functions(text):
    for fn in (tt.token_spans, tt.sentence_spans, tt.paragraph_spans):
        spans = fn(text)
        assert spans == fn(text)
        prev = 0
        for s, e in spans:
            assert 0 <= prev <= s < e <= len(text)
            prev = e
    for s, e in tt.sentence_spans(text, newlines="space"):
        assert 0 <= s < e <= len(text)


@budget(100)
@given(corpora(), st.booleans())
def test_tokenize(corpus, mwe):
    out = run(tt.tokenize, corpus, mwe=mwe)
    if out is None:
        return
    check_spans(out, by_id(corpus), surface="token")
    check_ids(out, corpus)
    check_same(out, tt.tokenize(corpus, mwe=mwe))
    for _, group in out.groupby("doc_id", sort=False):
        assert group["tok_id"].tolist() == list(range(len(group)))
        assert group["start"].is_monotonic_increasing
        assert (group["sent_id"].diff().fillna(0) >= 0).all()


@budget(100)
@given(corpora(), st.integers(1, 60))
def test_iter_tokenize_equals_tokenize(corpus, max_chars):
    whole = tt.tokenize(corpus)
    parts = list(tt.iter_tokenize(corpus, max_chars=max_chars))
    joined = pd.concat(parts, ignore_index=True) if parts else whole.head(0)
    pd.testing.assert_frame_equal(joined, whole)


@budget(100)
@given(corpora(), st.integers(1, 3), st.sampled_from(["norm", "token", "stem"]))
def test_ngrams(corpus, n, term):
    tokens = tt.tokenize(corpus)
    out = run(tt.ngrams, tokens, n=n, term=term)
    if out is None:
        return
    check_same(out, tt.ngrams(tokens, n=n, term=term))
    assert (out["n"] == n).all()
    assert ((out["doc_freq"] >= 1) & (out["doc_freq"] <= out["count"])).all()
    assert (out["doc_freq"] <= max(len(corpus), 1)).all()
    assert out["ngram"].is_unique
    assert (out["ngram"].str.count(" ") >= n - 1).all()

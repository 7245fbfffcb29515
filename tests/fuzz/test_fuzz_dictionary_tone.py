"""Fuzz properties of toolkit.dictionary and toolkit.tone: offsets, determinism, rows, errors."""

from __future__ import annotations

import pandas as pd
from fuzz_strategies import budget, by_id, check_ids, check_same, check_spans, corpora, run
from hypothesis import example, given
from hypothesis import strategies as st

import toolkit.dictionary as dictionary
import toolkit.tone as tone

entries = st.lists(
    st.one_of(
        st.sampled_from(["iran*", "peace talk*", "secur*", "war", "nuclear deal", "?s", "*",
                         "u.s.", "al-*", "ایران", "said"]),
        st.text(min_size=1, max_size=6),
    ),
    min_size=1, max_size=4,
)
dictionaries = st.one_of(
    st.just("framing"),
    st.dictionaries(st.sampled_from(["a", "b", "conflict", "x.y"]), entries, min_size=1,
                    max_size=3),
)


@budget(60)
@given(corpora(), dictionaries)
@example(pd.DataFrame({"doc_id": ["0"], "text": [" ,"]}), {"a": ["*"]})  # no empty matches
def test_dictionary_matches(corpus, dic):
    out = run(dictionary.matches, corpus, dic)
    if out is None:
        return
    check_spans(out, by_id(corpus), surface="surface")
    check_ids(out, corpus)
    check_same(out, dictionary.matches(corpus, dic))
    assert (out["end"] > out["start"]).all()


@budget(50)
@given(corpora(outlets=True), dictionaries, st.sampled_from([None, "outlet"]))
def test_dictionary_count(corpus, dic, by):
    out = run(dictionary.count, corpus, dic, by=by)
    if out is None:
        return
    check_same(out, dictionary.count(corpus, dic, by=by))
    table = dictionary.load_dictionary(dic)
    n_cat = table["category"].nunique()
    if by is None:
        check_ids(out, corpus)
        assert len(out) == len(corpus) * n_cat  # every document x every category
    else:
        assert out.groupby("category")["n_docs"].sum().eq(len(corpus)).all() or not len(out)
    hits = dictionary.matches(corpus, table)
    assert out["count"].sum() == len(hits)


@budget(100)
@given(corpora())
def test_tone_sentences(corpus):
    out = run(tone.sentences, corpus)
    if out is None:
        return
    check_spans(out, by_id(corpus))
    check_ids(out, corpus)
    check_same(out, tone.sentences(corpus))
    assert out["compound"].between(-1, 1).all()
    assert (out[["neg", "neu", "pos"]] >= 0).all().all()


@budget(100)
@given(corpora(), st.sampled_from(["mean", "text"]))
def test_tone_documents(corpus, method):
    out = run(tone.documents, corpus, method=method)
    if out is None:
        return
    check_same(out, tone.documents(corpus, method=method))
    assert out["doc_id"].tolist() == corpus["doc_id"].tolist()  # one row per document
    scored = out.dropna(subset=["compound"])
    assert scored["compound"].between(-1, 1).all()

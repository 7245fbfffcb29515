"""Fuzz properties of toolkit.quotes and toolkit.actors: offsets, determinism, doc_ids, errors."""

from __future__ import annotations

import pandas as pd
from fuzz_strategies import budget, by_id, check_ids, check_same, check_spans, corpora, run
from hypothesis import given
from hypothesis import strategies as st

import toolkit.actors as actors
import toolkit.quotes as quotes


@budget(60)
@given(corpora(max_docs=3))
def test_quotes_extract(corpus):
    out = run(quotes.extract, corpus, warn=False)
    if out is None:
        return
    text_of = by_id(corpus)
    check_spans(out, text_of, surface="quote")
    check_spans(out, text_of, start="cue_start", end="cue_end", surface="cue")
    check_spans(out, text_of, start="speaker_start", end="speaker_end", surface="speaker")
    check_ids(out, corpus)
    check_same(out, quotes.extract(corpus, warn=False))
    assert out["quote_id"].is_unique
    assert out["kind"].isin(["direct", "mixed", "indirect"]).all()


@budget()
@given(corpora())
def test_quotes_check_marks(corpus):
    out = run(quotes.check_marks, corpus)
    if out is None:
        return
    check_spans(out, by_id(corpus), surface="mark")
    check_ids(out, corpus)
    check_same(out, quotes.check_marks(corpus))


@budget(100)
@given(corpora(), st.booleans())
def test_actors_mentions(corpus, offices):
    out = run(actors.mentions, corpus, offices=offices)
    if out is None:
        return
    check_spans(out, by_id(corpus), surface="surface")
    check_ids(out, corpus)
    check_same(out, actors.mentions(corpus, offices=offices))
    assert (out["end"] > out["start"]).all()


@budget(100)
@given(corpora(), st.sampled_from(actors.UNITS), st.sampled_from(["actor", "country"]),
       st.booleans())
def test_actors_cooccurrence(corpus, unit, by, with_corpus):
    found = actors.mentions(corpus)
    given_corpus = corpus if with_corpus or unit != "document" else None
    out = run(actors.cooccurrence, found, unit=unit, by=by,
              corpus=given_corpus if unit == "document" else corpus)
    if out is None:
        return
    check_same(out, actors.cooccurrence(found, unit=unit, by=by,
                                        corpus=given_corpus if unit == "document" else corpus))
    assert (out["actor_a"] < out["actor_b"]).all()
    assert (out["count"] >= 1).all()
    assert (out["count"] <= out[["count_a", "count_b"]].min(axis=1)).all()
    assert (out[["count_a", "count_b"]].max(axis=1) <= out["n_units"]).all()
    assert out["npmi"].between(-1 - 1e-9, 1 + 1e-9).all()
    assert out["jaccard"].between(0, 1).all()
    nodes = set(found[by].dropna())
    assert set(out["actor_a"]) | set(out["actor_b"]) <= nodes


@budget(60)
@given(corpora(), st.integers(1, 3))
def test_actors_region(corpus, min_mentions):
    found = actors.mentions(corpus)
    counts = actors.region_mentions(found)
    assert set(counts.index) <= set(corpus["doc_id"])
    kept = actors.about_region(corpus, min_mentions=min_mentions, mentions=found)
    assert kept["doc_id"].tolist() == [d for d in corpus["doc_id"]
                                       if counts.get(d, 0) >= min_mentions]
    pd.testing.assert_frame_equal(kept, actors.about_region(corpus, min_mentions=min_mentions))

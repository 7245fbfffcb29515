"""Integration: real news articles from ../shared/corpora, streamed and whole."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

from toolkit.tokenize import iter_tokenize, ngrams, sentence_spans, tokenize


@pytest.fixture(scope="module")
def articles(shared_file) -> pd.DataFrame:
    rows = []
    with gzip.open(shared_file("corpora", "allsides_middle_east.jsonl.gz"), "rt") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append({"doc_id": str(rec["id"]), "text": rec.get("text") or ""})
            if len(rows) == 60:
                break
    return pd.DataFrame(rows)


@pytest.mark.slow
def test_streamed_equals_whole_and_offsets_hold(articles):
    whole = tokenize(articles, mwe=True)
    streamed = pd.concat(list(iter_tokenize([articles], max_chars=20_000, mwe=True)))
    pd.testing.assert_frame_equal(streamed.reset_index(drop=True), whole)
    texts = dict(zip(articles["doc_id"], articles["text"], strict=True))
    sliced = [texts[d][s:e] for d, s, e in zip(whole["doc_id"], whole["start"], whole["end"],
                                                strict=True)]
    assert sliced == whole["token"].tolist()
    # sentence ids agree with sentence_spans
    doc = articles["doc_id"].iloc[0]
    n_sents = len(sentence_spans(texts[doc]))
    assert whole.loc[whole["doc_id"] == doc, "sent_id"].max() == n_sents - 1


@pytest.mark.slow
def test_corpus_bigrams(articles):
    bi = ngrams(tokenize(articles), n=2, min_count=3)
    assert (bi["count"] >= 3).all() and (bi["doc_freq"] <= bi["count"]).all()
    assert not bi["ngram"].str.contains(r"^(?:the|of|said) | (?:the|of|said)$").any()

"""Integration: quotes on real diplomacy news from the shared AllSides corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import corpus, quotes


@pytest.fixture(scope="module")
def sample(shared_file) -> pd.DataFrame:
    articles = corpus.load(shared_file("corpora", "allsides_middle_east.jsonl.gz"))
    return articles.iloc[:60].reset_index(drop=True)


@pytest.mark.slow
def test_corpus_offsets_ids_and_kinds(sample):
    df = quotes.extract(sample, warn=False)
    assert set(df["doc_id"]) <= set(sample["doc_id"])
    assert df["quote_id"].is_unique
    assert set(df["kind"]) <= {"direct", "mixed", "indirect"}
    texts = dict(zip(sample["doc_id"], sample["text"], strict=True))
    for r in df.itertuples():
        text = texts[r.doc_id]
        assert text[r.start:r.end] == r.quote
        if not pd.isna(r.speaker_start):
            assert text[r.speaker_start:r.speaker_end] == r.speaker
    # real news quotes people: most direct quotes get a speaker
    direct = df[df["kind"] == "direct"]
    assert len(direct) > 20
    assert direct["speaker"].notna().mean() > 0.8
    # and affiliations come out as gazetteer actors
    assert df["speaker_affiliation"].notna().sum() > 20


@pytest.mark.slow
def test_corpus_marks_report_matches_flags(sample):
    problems = quotes.check_marks(sample)
    df = quotes.extract(sample, warn=False)
    flagged = set(df.loc[df["flags"].str.contains("unclosed_quote"), "doc_id"])
    unclosed = set(problems.loc[problems["problem"] == "unclosed", "doc_id"])
    assert flagged <= unclosed

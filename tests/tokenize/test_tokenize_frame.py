"""tokenize(), iter_tokenize(), ngrams() and stopwords(): columns, offsets, options."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.errors import SchemaError
from toolkit.tokenize import TOKEN_COLUMNS, iter_tokenize, ngrams, stopwords, tokenize

CORPUS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "text": [
            "Iran’s Deputy Foreign Minister met Al-Araji.\n\nThey discussed the Gaza Strip.",
            "The U.S. said talks didn't fail. Talks go on.",
        ],
    }
)


def test_columns_and_offsets():
    df = tokenize(CORPUS)
    assert list(df.columns) == TOKEN_COLUMNS
    texts = dict(zip(CORPUS["doc_id"], CORPUS["text"], strict=True))
    for row in df.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.token
    assert df["doc_id"].tolist().count("a") > 0
    a = df[df["doc_id"] == "a"]
    assert a["tok_id"].tolist() == list(range(len(a)))
    assert a["para_id"].max() == 1
    assert sorted(a["sent_id"].unique()) == [0, 1]
    assert df["norm"].tolist() == [t.casefold() for t in df["token"]]


def test_flags():
    df = tokenize("The 3 talks, said Ali, ended.").set_index("token")
    assert df.loc["The", "is_stop"] and df.loc["said", "is_stop"]
    assert df.loc[",", "is_punct"].all() and not df.loc["talks", "is_punct"]
    assert df.loc["3", "is_num"] and not df.loc["3", "is_alpha"]
    assert df.loc["talks", "is_alpha"] and df.loc["talks", "stem"] == "talk"


def test_stopword_options(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# my words\nTalks\n", encoding="utf-8")
    df = tokenize("Talks ended.", stopwords_lists="", extra_stopwords=path)
    assert df["is_stop"].tolist() == [True, False, False]
    assert "said" not in stopwords("en") and "said" in stopwords("en+news")
    with pytest.raises(ValueError, match="unknown stopword list"):
        stopwords("klingon")
    with pytest.raises(FileNotFoundError):
        tokenize("x", extra_stopwords=tmp_path / "missing.txt")


def test_mwe_merging_keeps_offsets():
    text = CORPUS["text"][0]
    df = tokenize(text, mwe=True)
    merged = df[df["token"].str.contains(" ")]
    assert merged["token"].tolist() == ["Deputy Foreign Minister", "Gaza Strip"]
    for row in merged.itertuples():
        assert text[row.start : row.end] == row.token
    own = tokenize(text, mwe=["discussed the"])
    assert "discussed the" in own["norm"].tolist()
    assert tokenize(text)["token"].str.contains(" ").sum() == 0


def test_mwe_does_not_cross_sentences():
    df = tokenize("We left Gaza.\nStrip clubs were closed.", mwe=["Gaza Strip"])
    assert "gaza strip" not in df["norm"].tolist()


def test_iter_tokenize_matches_tokenize():
    chunks = [CORPUS.iloc[:1], CORPUS.iloc[1:]]
    streamed = pd.concat(list(iter_tokenize(chunks, mwe=True)), ignore_index=True)
    pd.testing.assert_frame_equal(streamed, tokenize(CORPUS, mwe=True))


def test_ngrams_counts_within_sentences():
    df = tokenize(["Security pact. Pact signed.", "The security pact holds."])
    bi = ngrams(df, n=2)
    assert list(bi.columns) == ["ngram", "n", "count", "doc_freq"]
    row = bi.set_index("ngram").loc["security pact"]
    assert row["count"] == 2 and row["doc_freq"] == 2
    assert "pact pact" not in set(bi["ngram"])  # no bridging across the sentence end
    uni = ngrams(df, n=1, drop_stop=False)
    assert uni.set_index("ngram").loc["the", "count"] == 1
    with pytest.raises(SchemaError):
        ngrams(pd.DataFrame({"x": [1]}))


def test_empty_inputs():
    df = tokenize(["", "   "])
    assert list(df.columns) == TOKEN_COLUMNS and df.empty
    assert ngrams(df).empty


def test_iter_tokenize_slices_large_chunks():
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(5)],
            "text": ["Talks resumed. " * (i + 1) for i in range(5)],
        }
    )
    frames = list(iter_tokenize(corpus, max_chars=40))
    assert len(frames) > 1
    for frame in frames:
        docs = corpus.set_index("doc_id").loc[frame["doc_id"].unique(), "text"]
        assert docs.str.len().sum() <= 40 or frame["doc_id"].nunique() == 1
    pd.testing.assert_frame_equal(pd.concat(frames, ignore_index=True), tokenize(corpus))
    with pytest.raises(ValueError, match="max_chars"):
        next(iter_tokenize(corpus, max_chars=0))


def test_stop_flag_ignores_case_as_documented():
    """The stopword lists are lower-case words matched on the case-folded token: an all-caps
    abbreviation that spells a stopword ("US", "WHO") is flagged; a set without it is not."""
    text = "The US and WHO staff met us. THE END. Us too."
    tok = tokenize(text)
    stop = stopwords()
    assert tok["is_stop"].tolist() == [t.casefold() in stop for t in tok["token"]]
    flagged = set(tok.loc[tok["is_stop"], "token"])
    assert {"US", "WHO", "us", "THE", "Us"} <= flagged
    kept = tokenize(text, stopwords=stop - {"us"})
    assert not kept.loc[kept["token"].str.casefold() == "us", "is_stop"].any()
    assert kept.loc[kept["token"] == "WHO", "is_stop"].all()

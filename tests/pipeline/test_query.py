"""DuckDB over the Parquet tables: views named after them and the common aggregates."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.pipeline.conftest import corpus_frame
from toolkit import actors, people, pipeline, quotes


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("q")
    pipeline.run(corpus_frame(2), steps=["quotes", "people", "actors"], out=folder, chunk_size=5,
                 progress=False)
    return folder


def test_views_are_named_after_the_tables(out: Path) -> None:
    found = pipeline.query(out, "SELECT table_name FROM information_schema.tables")
    assert set(found["table_name"]) == {"documents", "rejects", "quotes", "people", "actors"}
    chunks = pipeline.query(out, "SELECT DISTINCT chunk FROM actors ORDER BY chunk")["chunk"]
    assert chunks.tolist() == [0, 1, 2, 3]


def test_article_counts_match_pandas(out: Path) -> None:
    frame = corpus_frame(2)
    expected = (frame.assign(date=frame["date"].dt.to_period("W").dt.start_time)
                .groupby(["outlet", "date"]).size().rename("n_docs").reset_index())
    found = pipeline.article_counts(out, by="outlet", period="week")
    merged = expected.merge(found, on=["outlet", "date"], how="outer", suffixes=("", "_db"))
    assert (merged["n_docs"] == merged["n_docs_db"]).all()
    with pytest.raises(pipeline.PipelineOptionError, match="period"):
        pipeline.article_counts(out, period="fortnight")


def test_actor_pairs_match_pandas(out: Path) -> None:
    found = actors.mentions(corpus_frame(2))[["doc_id", "actor"]].drop_duplicates()
    pairs = found.merge(found, on="doc_id")
    pairs = pairs[pairs["actor_x"] < pairs["actor_y"]]
    expected = pairs.groupby(["actor_x", "actor_y"]).size().sort_values(ascending=False)
    result = pipeline.actor_pairs(out, top_k=5)
    assert len(result) == 5
    for a, b, n in result.itertuples(index=False):
        assert expected[(a, b)] == n
    assert result["n_docs"].iloc[0] == expected.iloc[0]


def test_top_speakers_count_the_quotes(out: Path) -> None:
    said = quotes.extract(corpus_frame(2))
    result = pipeline.top_speakers(out, top_k=1)
    assert result.groupby("country", dropna=False).size().max() == 1
    assert {"IR", "LB"} <= set(result["country"].dropna())
    every = pipeline.top_speakers(out, top_k=10_000)  # all (country, speaker) groups
    named = said.dropna(subset=["speaker_name"])
    assert every["count"].sum() == len(named)
    per_name = every.groupby("speaker_name")["count"].sum()
    assert per_name.to_dict() == named["speaker_name"].value_counts().to_dict()
    for country, count in result[["country", "count"]].itertuples(
            index=False):
        same = every[every["country"].eq(country) if pd.notna(country)
                     else every["country"].isna()]
        assert count == same["count"].max()  # the most quoted of that country


def test_top_people_count_person_mentions_across_chunks(out: Path) -> None:
    found = people.person_mentions(corpus_frame(2))
    found = found[found["kind"] != "title"]
    every = pipeline.top_people(out, top_k=10_000)
    assert every["n_mentions"].sum() == len(found)
    expected = found.groupby("person_id")["doc_id"].nunique()
    assert every.set_index("person_id")["n_docs"].to_dict() == expected.to_dict()
    assert every["n_mentions"].is_monotonic_decreasing
    for pid, name in every[["person_id", "name"]].itertuples(index=False):
        names = found.loc[found["person_id"] == pid, "name"]
        assert name in set(names) and len(name) == names.str.len().max()


def test_query_refuses_a_folder_without_output(tmp_path: Path) -> None:
    with pytest.raises(pipeline.PipelineOptionError, match="no pipeline output"):
        pipeline.query(tmp_path, "SELECT 1")


def test_sql_errors_reach_the_caller(out: Path) -> None:
    with pytest.raises(Exception, match="nonexistent"):
        pipeline.query(out, "SELECT * FROM nonexistent")
    assert isinstance(pipeline.query(out, "SELECT 1 AS one"), pd.DataFrame)

"""toolkit.cache: results are reused for the same input, recomputed for another, cleared."""

from __future__ import annotations

import pandas as pd

from toolkit import cache

CALLS: list[int] = []


@cache.cached
def _count_words(corpus: pd.DataFrame, *, lower: bool = True) -> pd.DataFrame:
    CALLS.append(1)
    words = corpus["text"].str.lower() if lower else corpus["text"]
    return words.str.split().explode().value_counts().rename_axis("word").reset_index()


def test_cache_reuses_and_keys_on_input_and_parameters(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iran and Iraq", "Iraq talks"]})
    first = _count_words(df)
    again = _count_words(df.copy())
    assert len(CALLS) == 1 and first.equals(again)
    _count_words(df, lower=False)
    _count_words(df.assign(text=["Iran and Iraq", "Iraq talks!"]))
    assert len(CALLS) == 3
    assert cache.cache_dir() == tmp_path / "results"
    assert cache.clear() > 0
    assert not (tmp_path / "results").exists()
    _count_words(df)
    assert len(CALLS) == 4


def test_cache_can_be_switched_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("DCT_NO_CACHE", "1")
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    _count_words(df)
    _count_words(df)
    assert len(CALLS) == 2 and not (tmp_path / "results").exists()

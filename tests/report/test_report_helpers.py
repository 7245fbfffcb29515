"""progress_map equals the one-shot call (docstring examples run in tests/test_doctests.py)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit import report, tokenize


def test_progress_map_equals_one_call() -> None:
    df = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(7)],
            "text": [f"Talks {i} began in Muscat. Iran’s envoy said: “Fine.”" for i in range(7)],
        }
    )
    whole = tokenize.tokenize(df)
    chunked = report.progress_map(tokenize.tokenize, df, chunk_size=3, desc="t")
    pd.testing.assert_frame_equal(chunked, whole)
    with pytest.raises(ValueError):
        report.progress_map(tokenize.tokenize, df, chunk_size=0)



def test_shared_corpus_copy_is_keyed_on_furniture(tmp_path, monkeypatch) -> None:
    """A notebook loading with furniture=False must not get the copy cleaned for another."""
    share = "Share this article on Facebook Twitter Email"
    lines = [
        json.dumps({"doc_id": f"d{i}", "outlet": "X", "text": f"Talks {i} began.\n{share}"})
        for i in range(8)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path / "out"))
    monkeypatch.setenv("DCT_REPORT_NOTEBOOK", "nb")
    cleaned = report.load_corpus(str(corpus))
    kept = report.load_corpus(str(corpus), furniture=False)
    assert not cleaned["text"].str.contains(share).any()
    assert kept["text"].str.contains(share).all()
    assert len(list((tmp_path / "out" / "_corpus").glob("*.pkl"))) == 2

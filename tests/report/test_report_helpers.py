"""progress_map equals the one-shot call (docstring examples run in tests/test_doctests.py)."""

from __future__ import annotations

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


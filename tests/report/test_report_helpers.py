"""progress_map equals the one-shot call; the report and cache docstring examples run."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

import toolkit.cache
import toolkit.cache._entry
import toolkit.report._output
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


@pytest.mark.parametrize(
    "module",
    [toolkit.report._output, toolkit.cache, toolkit.cache._entry],
    ids=lambda m: m.__name__,
)
def test_docstring_examples(module, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_REPORT_DIR", raising=False)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0

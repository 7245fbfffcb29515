"""Small corpora for the pipeline tests: the offline sample, repeated with new ids."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from toolkit.datasets import load_sample


def corpus_frame(copies: int = 1) -> pd.DataFrame:
    """The sample ``copies`` times over, each copy with its own ids (``<id>-<k>``)."""
    sample = load_sample()[["doc_id", "title", "text", "outlet", "date"]]
    frames = [sample.assign(doc_id=sample["doc_id"] + f"-{k}") for k in range(copies)]
    return pd.concat(frames, ignore_index=True)


def write_jsonl(path: Path, frame: pd.DataFrame, *, extra_lines: list[str] = ()) -> Path:
    """``frame`` as JSON Lines (dates as ISO text), then ``extra_lines`` as they are."""
    lines = [json.dumps({**row, "date": str(row["date"].date())}, ensure_ascii=False)
             for row in frame.to_dict("records")]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))


TABLES = ("documents", "rejects", "keyphrases", "quotes", "people", "actors", "dictionary",
          "tone")
SORT = {"documents": ["doc_id"], "rejects": ["source_line"],
        "keyphrases": ["doc_id", "rank"], "quotes": ["doc_id", "start", "end", "quote_id"],
        "people": ["doc_id", "start", "end", "person_id"],
        "actors": ["doc_id", "start", "end", "actor"], "dictionary": ["doc_id", "category"],
        "tone": ["doc_id"]}


def sorted_table(out: Path, table: str) -> pd.DataFrame:
    """A table read back and sorted by doc_id and offsets, for comparing two runs."""
    from toolkit.pipeline import read_table

    frame = read_table(out, table)
    if frame.empty:
        return frame
    return frame.sort_values(SORT[table], kind="stable").reset_index(drop=True)

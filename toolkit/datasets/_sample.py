"""The tiny sample corpus shipped inside the package."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from toolkit.corpus import load


def load_sample() -> pd.DataFrame:
    """Eight short illustrative diplomacy articles (written for the toolkit, not real news).

    Works offline; used by the tests and as the quick-start corpus.

    >>> corpus = load_sample()
    >>> corpus[["doc_id", "outlet"]].iloc[0].tolist()
    ['sample-01', 'Gulf Ledger']
    """
    path = resources.files("toolkit").joinpath("data/sample/articles.jsonl")
    with resources.as_file(path) as real:
        corpus = load(real, language="en")
    corpus["source_file"] = "toolkit/data/sample/articles.jsonl"
    return corpus

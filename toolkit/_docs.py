"""Accept "a text or a corpus" everywhere: one helper that turns either into (doc_id, text) pairs.

>>> list(iter_docs("Iran and Iraq."))
[('doc0', 'Iran and Iraq.')]
>>> import pandas as pd
>>> list(iter_docs(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]})))
[('a', 'Hi.')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from toolkit.errors import SchemaError

TextOrCorpus = str | Iterable[str] | pd.Series | pd.DataFrame


def iter_docs(text_or_corpus: TextOrCorpus) -> Iterator[tuple[str, str]]:
    """Yield ``(doc_id, text)`` for a string, a list of strings, a Series or a corpus DataFrame.

    A single string gets ``doc_id`` ``"doc0"``; a list gets ``"doc0"``, ``"doc1"``, ...;
    a Series uses its index; a DataFrame needs ``doc_id`` and ``text`` columns.
    Missing text (None/NaN) is yielded as ``""`` so offsets stay valid.
    """
    if isinstance(text_or_corpus, str):
        yield "doc0", text_or_corpus
        return
    if isinstance(text_or_corpus, pd.DataFrame):
        missing = {"doc_id", "text"} - set(text_or_corpus.columns)
        if missing:
            raise SchemaError(
                f"corpus lacks column(s) {sorted(missing)}; found {list(text_or_corpus.columns)}",
                source="DataFrame",
            )
        ids = text_or_corpus["doc_id"].astype(str).tolist()
        texts = text_or_corpus["text"].tolist()
    elif isinstance(text_or_corpus, pd.Series):
        ids = [str(i) for i in text_or_corpus.index]
        texts = text_or_corpus.tolist()
    else:
        texts = list(text_or_corpus)
        ids = [f"doc{i}" for i in range(len(texts))]
    for doc_id, text in zip(ids, texts, strict=True):
        yield doc_id, text if isinstance(text, str) else ""


def as_corpus(text_or_corpus: TextOrCorpus) -> pd.DataFrame:
    """Return a DataFrame with at least ``doc_id`` and ``text`` (a corpus is returned as is)."""
    if isinstance(text_or_corpus, pd.DataFrame):
        list(iter_docs(text_or_corpus.head(0)))  # validates the columns
        return text_or_corpus
    rows = list(iter_docs(text_or_corpus))
    return pd.DataFrame(rows, columns=["doc_id", "text"])

"""The rejects table: every record read but left out of a corpus, and why."""

from __future__ import annotations

import pandas as pd

#: Columns of the rejects table returned with ``errors="collect"``.
REJECT_COLUMNS = ["source_file", "source_line", "doc_id", "error", "raw"]


def _rejects_table(rows: list) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=REJECT_COLUMNS)
    for name in ("source_file", "doc_id", "error", "raw"):  # same dtypes with or without rows
        frame[name] = frame[name].astype("str")
    frame["source_line"] = frame["source_line"].astype("Int64")
    return frame


class _RejectsTable:
    """The rejects frame as a value of ``DataFrame.attrs``.

    pandas compares and deep-copies ``attrs`` in many operations; a bare DataFrame there
    breaks ``pd.concat`` (ambiguous truth value) and is copied on every slice. This wrapper
    compares by content and is shared, not copied (it is never modified).
    """

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _RejectsTable) and self.frame.equals(other.frame)

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict) -> _RejectsTable:
        return self

    def __repr__(self) -> str:
        return f"<rejects: {len(self.frame)} record(s); see toolkit.corpus.rejects(corpus)>"


def rejects(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rejects table of a corpus loaded with ``errors="collect"`` (empty otherwise).

    Columns ``source_file, source_line, doc_id, error, raw``: every record that was read but
    left out, and why. It travels with the corpus in ``corpus.attrs``.

    >>> import pandas as pd
    >>> from toolkit.corpus import load
    >>> rejects(load(pd.DataFrame({"text": ["One."]}), errors="collect")).columns.tolist()
    ['source_file', 'source_line', 'doc_id', 'error', 'raw']
    """
    table = corpus.attrs.get("rejects")
    if isinstance(table, _RejectsTable):
        return table.frame
    return table if isinstance(table, pd.DataFrame) else _rejects_table([])

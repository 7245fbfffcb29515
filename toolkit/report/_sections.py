"""Sections of a notebook that need a column the corpus may not have (dates, outlets).

A folder of ``.txt`` pages has no dates and no outlets; a notebook run on it must say which
sections it skips and why, never crash. :func:`has_values` is the one test the notebooks use.
"""

from __future__ import annotations

import pandas as pd

_WHAT = {"date": "article dates", "outlet": "outlet names"}


def has_values(corpus: pd.DataFrame, value: str, *, section: str, min_count: int = 1) -> bool:
    """Whether column ``value`` has at least ``min_count`` distinct values; else say so.

    When it has not, prints one line naming the section skipped and the reason and returns
    False, so a notebook writes ``if report.has_values(corpus, "date", section=...):``.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The articles.
    value : str
        The column the section needs (``"date"``, ``"outlet"``, a grouping column).
    section : str
        What is skipped, as the reader sees it (``"Coverage over time"``).
    min_count : int, default 1
        Distinct non-missing values needed (2 for a comparison between groups).

    Returns
    -------
    bool

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "date": [pd.NaT], "outlet": ["X"]})
    >>> has_values(df, "date", section="Coverage over time")
    Skipped: Coverage over time needs article dates, and no article of this corpus has one.
    False
    >>> has_values(df, "outlet", section="Keyness by outlet", min_count=2)
    Skipped: Keyness by outlet needs outlet names, and this corpus has 1 (2 needed).
    False
    >>> has_values(df, "outlet", section="Articles per outlet")
    True
    """
    found = corpus[value].dropna().nunique() if value in corpus.columns else 0
    if found >= min_count:
        return True
    what = _WHAT.get(value, f"values in column {value!r}")
    if found == 0:
        why = f"no article of this corpus has {'one' if value in _WHAT else 'any'}"
    else:
        why = f"this corpus has {found} ({min_count} needed)"
    print(f"Skipped: {section} needs {what}, and {why}.")
    return False

"""Plots of a corpus and its sentences: article lengths by group, sentence lengths.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from toolkit.datasets import load_sample
>>> sample = load_sample().assign(words=lambda c: c["text"].str.split().str.len())
>>> ax = length_boxes(sample)
>>> [t.get_text() for t in ax.get_yticklabels()]
['Gulf Ledger', 'Levant Daily', 'Capital Wire']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes

from toolkit.plot._base import axes_for, is_empty, need, no_data


def length_boxes(
    frame: pd.DataFrame,
    *,
    value: str = "words",
    by: str = "outlet",
    order: Sequence[str] | None = None,
    top_k: int | None = 15,
    title: str | None = None,
    xlabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Box plot of document lengths per group (boxes: quartiles; whiskers: 1.5 IQR).

    Parameters
    ----------
    frame : DataFrame
        The corpus (one row per document) with a length column, e.g. ``words``.
    value : str, default "words"
        The length column.
    by : str, default "outlet"
        The group column.
    order : list of str, optional
        Groups from top to bottom; by default by number of documents, then name.
    top_k : int or None, default 15
        Groups shown; the documents of the others are pooled into one ``"other (k)"`` box.
    title, xlabel : str, optional
        Defaults ``"Document length by <by>"`` and a description of the boxes.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes
    """
    default = f"Document length by {by}"
    if is_empty(frame):
        return no_data(ax, title or default)
    need(frame, [value, by], "a corpus with a length column")
    groups = frame[by].astype("string").fillna("(none)")
    if order is None:
        sizes = groups.value_counts()
        order = sorted(sizes.index, key=lambda g: (-sizes[g], g))
    order = [str(g) if pd.notna(g) else "(none)" for g in order]
    rest = [g for g in groups.unique() if g not in order[: top_k or len(order)]]
    shown = order[: top_k or len(order)]
    data = [frame.loc[groups == g, value].to_numpy(float) for g in shown]
    labels = list(shown)
    if top_k is not None and rest:
        data.append(frame.loc[groups.isin(rest), value].to_numpy(float))
        labels.append(f"other ({len(rest)})")
    ax = axes_for(ax, (8, 0.45 * len(labels) + 1.2))
    ax.boxplot(data, orientation="horizontal", tick_labels=labels, showfliers=False)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel or f"{value} per document (boxes: quartiles; whiskers: 1.5 IQR; "
                            "outliers hidden)")
    ax.set_ylabel(by)
    ax.set_title(title or default)
    return ax


def sentence_length_bars(
    frame: pd.DataFrame,
    *,
    value: str = "words",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Bars of sentence length, in text order, coloured by paragraph (one document).

    Parameters
    ----------
    frame : DataFrame
        One row per sentence with ``sent_id``, ``para_id`` and ``value``, e.g. the
        sentences of :func:`toolkit.tokenize.tokenize` counted per ``sent_id``.
    value : str, default "words"
        The length column.
    title : str, optional
        Default ``"Sentence length in <value>, coloured by paragraph"``.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> s = pd.DataFrame({"sent_id": [0, 1, 2], "para_id": [0, 0, 1], "words": [12, 7, 20]})
    >>> ax = sentence_length_bars(s)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['paragraph 1', 'paragraph 2']
    """
    default = f"Sentence length in {value}, coloured by paragraph"
    if is_empty(frame):
        return no_data(ax, title or default)
    need(frame, ["sent_id", "para_id", value], "a table of sentences")
    ax = axes_for(ax, (8, 4))
    for para_id, group in frame.groupby("para_id", sort=True):
        ax.bar(group["sent_id"] + 1, group[value], label=f"paragraph {para_id + 1}")
    ax.set_xlabel("sentence number")
    ax.set_ylabel(value)
    ax.set_title(title or default)
    ax.legend(ncol=2, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax

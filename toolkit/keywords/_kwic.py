"""Concordances (keyword in context), dispersion of a term across documents, trend over time.

All three read the document layer (:func:`toolkit.annotate.ensure_annotated`: a corpus or an
:class:`~toolkit.annotate.AnnotatedCorpus`), match with :func:`toolkit.tokenize.compile_pattern`
and count words with :func:`toolkit.tokenize.word_count`, so their counts and rates agree with
``dictionary.count`` and ``keywords.frequencies``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from toolkit._docs import TextOrCorpus
from toolkit._frames import conform, passthrough_dtypes
from toolkit.annotate import AnnotatedCorpus, ensure_annotated
from toolkit.errors import InputError, SchemaError, ToolkitWarning
from toolkit.keywords._corpus import _PERIODS
from toolkit.tokenize import compile_pattern, word_count
from toolkit.tokenize._patterns import Pattern

_CONTEXT_CHARS = 100  # characters of kwic context at most, per token of window (and one more)

# Column -> dtype of each result, rows or no rows (see toolkit._frames).
#: :func:`kwic`
KWIC_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64", "left": "str",
                               "match": "str", "right": "str"}
#: :func:`dispersion`, after ``doc_id`` and the corpus's ``date``/``outlet`` (their own dtypes)
DISPERSION_DTYPES: dict[str, str] = {"n_words": "int64", "count": "int64", "per_1000": "float64",
                                     "first": "float64", "positions": "object"}
#: :func:`trend`, after ``period`` (datetime64[ns]) and the ``by`` column (its corpus dtype)
TREND_DTYPES: dict[str, str] = {"term": "str", "count": "int64", "n_docs": "int64",
                                "doc_freq": "int64", "n_words": "int64", "per_1000": "float64"}


def kwic(
    text_or_corpus: TextOrCorpus,
    pattern: Pattern,
    *,
    window: int = 5,
    valuetype: str = "glob",
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Keyword-in-context concordance: every match with ``window`` tokens either side.

    Parameters
    ----------
    pattern
        A word (``"sanctions"``), a phrase (``"nuclear deal"``), a glob (``"negotiat*"``), a
        regular expression (with ``valuetype="regex"`` or a compiled ``re.Pattern``), or a list.
    window
        Tokens of context on each side. A side is cut to its last (left) or first (right)
        ``100 * (window + 1)`` characters, which only text with very long tokens reaches
        (each row would otherwise repeat them, and time and output would grow faster than
        the text).
    valuetype
        ``"glob"`` (default), ``"fixed"`` or ``"regex"``; the one pattern dialect of
        :func:`toolkit.tokenize.compile_pattern` (whole tokens; ``Iran*`` matches "Iran",
        "Iranian" and the "Iran" of "Iran’s", not "’s").
    case_sensitive
        Match case exactly (default: ignore case).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``start``, ``end`` (``text[start:end] == match``), ``left``, ``match``,
        ``right`` (context with white space collapsed to single spaces), in text order.
        Offsets are int64, the rest str, with or without rows (:data:`KWIC_DTYPES`).

    Examples
    --------
    >>> k = kwic("Iran said the nuclear deal is dead. The Nuclear Deal lives.", "nuclear deal",
    ...          window=2)
    >>> k[["left", "match", "right"]].values.tolist()
    [['said the', 'nuclear deal', 'is dead'], ['. The', 'Nuclear Deal', 'lives.']]
    """
    if not isinstance(window, int) or window < 0:
        raise InputError(f"window must be a non-negative integer, got {window!r}", source="kwic")
    pat = compile_pattern(pattern, valuetype=valuetype, case_sensitive=case_sensitive)
    rows = []
    limit = _CONTEXT_CHARS * (window + 1)
    for doc in ensure_annotated(text_or_corpus).docs:
        hits = pat.find_doc(doc)
        if not len(hits):
            continue
        text, n = doc.text, len(doc)
        starts, ends = doc.start.tolist(), doc.end.tolist()
        for i, k, _ in hits.tolist():
            j = i + k  # first token after the match
            s, e = starts[i], ends[j - 1]
            left_start = starts[max(i - window, 0)] if window and i > 0 else s
            right_end = ends[min(j + window, n) - 1] if window and j < n else e
            left_start = max(left_start, s - limit)  # linear time on run-together text
            right_end = min(right_end, e + limit)
            rows.append((doc.doc_id, s, e, " ".join(text[left_start:s].split()), text[s:e],
                         " ".join(text[e:right_end].split())))
    return conform(pd.DataFrame(rows, columns=list(KWIC_DTYPES)), KWIC_DTYPES)


def dispersion(
    text_or_corpus: TextOrCorpus,
    pattern: Pattern,
    *,
    valuetype: str = "glob",
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Where a term occurs: one row per document, with rates and relative positions.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (and ``date``, ``outlet`` when the corpus has them), ``n_words``,
        ``count``, ``per_1000`` (matches per 1,000 words), ``first`` (relative position
        0-1 of the first match in the text, NaN if none) and ``positions`` (list of
        relative positions of every match, as in quanteda's ``textplot_xray``).
        ``attrs`` holds ``range`` (share of documents with a match) and ``juilland_d``
        (Juilland's D over documents: 1 = spread evenly, 0 = all in one document).
        ``doc_id`` is str, ``date`` and ``outlet`` keep their corpus dtype, counts are
        int64, rates float64 and ``positions`` object (:data:`DISPERSION_DTYPES`).

    Examples
    --------
    >>> d = dispersion(["Gaza truce holds.", "Rain.", "A Gaza truce and a truce."], "truce")
    >>> d["count"].tolist(), round(d.attrs["range"], 2)
    ([1, 0, 2], 0.67)
    """
    pat = compile_pattern(pattern, valuetype=valuetype, case_sensitive=case_sensitive)
    ac = ensure_annotated(text_or_corpus)
    corpus = ac.corpus
    rows = []
    for doc in ac.docs:
        size = max(len(doc.text), 1)
        pos = [s / size for s, _, _ in pat.spans(doc)]
        n_words = word_count(doc)
        rows.append((doc.doc_id, n_words, len(pos), 1000 * len(pos) / n_words if n_words else 0.0,
                     pos[0] if pos else np.nan, pos))
    out = pd.DataFrame(rows, columns=["doc_id", "n_words", "count", "per_1000", "first",
                                      "positions"])
    extra = [c for c in ("date", "outlet") if c in corpus.columns]
    for i, c in enumerate(extra):
        out.insert(1 + i, c, corpus[c].to_numpy())
    schema = {"doc_id": "str", **passthrough_dtypes(corpus, extra), **DISPERSION_DTYPES}
    out = conform(out, schema)
    out.attrs["range"] = float((out["count"] > 0).mean()) if len(out) else float("nan")
    out.attrs["juilland_d"] = _juilland(out["per_1000"].to_numpy(float))
    return out


def _juilland(rates: np.ndarray) -> float:
    """Juilland's D = 1 - V / sqrt(n - 1), V the coefficient of variation of the rates."""
    n = len(rates)
    if n < 2 or rates.mean() == 0:
        return float("nan")
    v = rates.std() / rates.mean()
    return float(max(0.0, 1 - v / np.sqrt(n - 1)))


def trend(
    corpus: pd.DataFrame,
    patterns: str | Sequence[str] | dict[str, Pattern],
    *,
    period: str = "month",
    valuetype: str = "glob",
    case_sensitive: bool = False,
    by: str | None = None,
) -> pd.DataFrame:
    """Term frequency over time: matches of each pattern per period (and group).

    Parameters
    ----------
    corpus
        A corpus DataFrame with ``doc_id``, ``text`` and ``date``.
    patterns
        One pattern, a list (each is its own term), or ``{label: pattern}``.
    period
        ``"year"``, ``"quarter"``, ``"month"`` (default), ``"week"`` or ``"day"``.
    by
        Optional document column (e.g. ``"outlet"``) to split each period by.

    Returns
    -------
    pandas.DataFrame
        ``period`` (Timestamp at the period's start), ``by`` column if given, ``term``,
        ``count``, ``n_docs`` (documents in the period), ``doc_freq`` (documents with a
        match), ``n_words`` and ``per_1000`` (matches per 1,000 words, as ``frequencies``);
        ``period`` is datetime64[ns], ``by`` keeps its corpus dtype, ``term`` is str, counts
        int64 and ``per_1000`` float64 (:data:`TREND_DTYPES`). Documents without a
        date are left out with a :class:`~toolkit.errors.ToolkitWarning` that says how many.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                   "date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-02-01"]),
    ...                   "text": ["Truce talks.", "No truce.", "Truce holds, truce."]})
    >>> trend(c, "truce")[["period", "count"]].astype(str).values.tolist()
    [['2024-01-01', '2'], ['2024-02-01', '2']]
    """
    frame = corpus.corpus if isinstance(corpus, AnnotatedCorpus) else corpus
    if not isinstance(frame, pd.DataFrame) or "date" not in frame.columns:
        raise SchemaError("trend() needs a corpus DataFrame with a 'date' column",
                          source="corpus")
    if period not in _PERIODS:
        raise InputError(f"period must be one of {sorted(_PERIODS)}, got {period!r}",
                         source="trend")
    if by is not None and by not in frame.columns:
        raise SchemaError(f"no column {by!r} to split by", source="corpus")
    if isinstance(patterns, dict):
        labelled = dict(patterns)
    elif isinstance(patterns, str):
        labelled = {patterns: patterns}
    else:
        labelled = {str(p): p for p in patterns}
    compiled = {k: compile_pattern(v, valuetype=valuetype, case_sensitive=case_sensitive)
                for k, v in labelled.items()}
    ac = ensure_annotated(corpus)
    corpus = ac.corpus
    dates = pd.to_datetime(corpus["date"], errors="coerce")
    if dates.isna().any():
        warnings.warn(f"trend(): {int(dates.isna().sum())} of {len(corpus)} documents have no "
                      "date and are left out", ToolkitWarning, stacklevel=2)
    keep = dates.notna().to_numpy()
    sub = corpus[keep]
    starts = dates[keep].dt.to_period(_PERIODS[period]).dt.start_time
    docs = [d for d, k in zip(ac.docs, keep, strict=True) if k]
    n_words = [word_count(d) for d in docs]
    base = pd.DataFrame({"period": starts.to_numpy(), "n_words": n_words})
    keys = ["period"]
    if by is not None:
        base[by] = sub[by].to_numpy()
        keys.append(by)
    frames = []
    for label, rx in compiled.items():
        counts = [len(rx.find_doc(d)) for d in docs]
        f = base.assign(count=counts, has=[c > 0 for c in counts])
        g = f.groupby(keys, dropna=False)
        agg = pd.DataFrame({"count": g["count"].sum(), "n_docs": g.size(),
                            "doc_freq": g["has"].sum(), "n_words": g["n_words"].sum()})
        agg = agg.reset_index()
        agg.insert(len(keys), "term", label)
        frames.append(agg)
    cols = [*keys, "term", "count", "n_docs", "doc_freq", "n_words"]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    out["per_1000"] = np.where(out["n_words"] > 0, 1000 * out["count"] / out["n_words"].clip(
        lower=1), 0.0)
    out = out.sort_values([*keys, "term"], kind="stable").reset_index(drop=True)
    schema = {"period": "datetime64[ns]", **passthrough_dtypes(corpus, keys[1:]), **TREND_DTYPES}
    return conform(out, schema)

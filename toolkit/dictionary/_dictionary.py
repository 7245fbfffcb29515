"""Dictionaries as in quanteda: categories of glob patterns, counted per document or group."""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from toolkit._docs import TextOrCorpus, as_corpus
from toolkit._frames import conform, passthrough_dtypes
from toolkit.errors import InputError, SchemaError

#: Columns of a dictionary table.
DICTIONARY_COLUMNS = ["category", "pattern"]
#: Column -> dtype of the frame :func:`matches` returns (rows or no rows).
MATCH_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64",
                                "surface": "str", "category": "str", "pattern": "str"}
#: Columns of the frame :func:`matches` returns.
MATCH_COLUMNS = list(MATCH_DTYPES)
#: Column -> dtype of the frame :func:`count` returns, after ``doc_id`` (str) or the ``by``
#: columns (their corpus dtype) and ``n_docs`` (int64).
COUNT_DTYPES: dict[str, str] = {"category": "str", "count": "int64", "n_tokens": "int64",
                                "rate": "float64"}

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_SHIPPED = {"framing": "framing.yaml"}


def _flatten(node: object, prefix: str, source: str, out: list[tuple[str, str]]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            _flatten(value, name, source, out)
    elif isinstance(node, list | tuple):
        if not prefix:
            raise InputError("a dictionary needs category names at the top level", source=source)
        for item in node:
            if isinstance(item, Mapping | list | tuple):
                _flatten(item, prefix, source, out)
            elif item is None or not str(item).strip():
                raise InputError(f"empty pattern in category {prefix!r}", source=source)
            else:
                out.append((prefix, str(item).strip()))
    elif isinstance(node, str) and prefix:
        out.append((prefix, node.strip()))
    else:
        raise InputError(
            f"cannot read {type(node).__name__} as a dictionary entry under {prefix or 'top'!r}; "
            "expected category: [pattern, ...]",
            source=source,
        )


def load_dictionary(
    source: str | Path | Mapping | pd.DataFrame,
) -> pd.DataFrame:
    """Read a dictionary: categories of glob patterns, single words or multiword phrases.

    Parameters
    ----------
    source : path, mapping, DataFrame or shipped name
        A YAML file (``category: [pattern, ...]``, categories may nest and are then joined
        with ``.``, e.g. ``conflict.armed``), a CSV file with ``category`` and ``pattern``
        columns, a Python dict of the same shape, a DataFrame with those columns, or the
        name of a shipped dictionary (``"framing"``, see ``toolkit/data/dictionaries``).
        Patterns are matched case-insensitively against whole words; ``*`` stands for any
        run of word characters (``secur*``: security, securities), ``?`` for one;
        a space separates the words of a multiword entry (``peace talk*``).

    Returns
    -------
    pandas.DataFrame
        ``category, pattern``: one row per pattern.

    Examples
    --------
    >>> load_dictionary({"security": ["secur*", "armed forces"]}).values.tolist()
    [['security', 'secur*'], ['security', 'armed forces']]
    >>> sorted(load_dictionary("framing")["category"].unique())[:2]
    ['conflict', 'diplomacy_cooperation']
    """
    name = "<dict>"
    if isinstance(source, pd.DataFrame):
        missing = set(DICTIONARY_COLUMNS) - set(source.columns)
        if missing:
            raise SchemaError(f"dictionary lacks column(s) {sorted(missing)}", source="DataFrame")
        rows = list(zip(source["category"].astype(str), source["pattern"].astype(str),
                        strict=True))
    elif isinstance(source, Mapping):
        rows = []
        _flatten(source, "", name, rows)
    else:
        if isinstance(source, str) and source in _SHIPPED:
            res = resources.files("toolkit").joinpath("data/dictionaries", _SHIPPED[source])
            text, name, suffix = res.read_text(encoding="utf-8"), source, ".yaml"
        else:
            path = Path(source)
            if not path.is_file():
                raise InputError(
                    f"no such dictionary file; shipped dictionaries: {sorted(_SHIPPED)}",
                    source=str(path),
                )
            text, name, suffix = path.read_text(encoding="utf-8"), str(path), path.suffix.lower()
        if suffix in (".csv", ".tsv"):
            frame = pd.read_csv(source, sep="\t" if suffix == ".tsv" else ",", dtype=str)
            return load_dictionary(frame)
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            line = getattr(getattr(err, "problem_mark", None), "line", None)
            raise InputError(f"malformed YAML ({err})", source=name,
                             line=None if line is None else line + 1) from err
        if not isinstance(data, Mapping):
            raise InputError("a dictionary file must map categories to lists of patterns",
                             source=name)
        rows = []
        _flatten(data, "", name, rows)
    frame = pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)
    bad = frame["pattern"].str.strip() == ""
    if bad.any():
        raise InputError(f"empty pattern in category {frame['category'][bad].iloc[0]!r}",
                         source=name)
    return frame.drop_duplicates().reset_index(drop=True)


def _pattern_regex(pattern: str) -> str:
    words = pattern.split()
    parts = []
    for w in words:
        out = []
        for ch in w:
            if ch == "*":
                out.append(r"[\w'’-]*")
            elif ch == "?":
                out.append(r"\w")
            else:
                out.append(re.escape(ch))
        parts.append("".join(out))
    return r"\s+".join(parts)


def _compile(dictionary: pd.DataFrame) -> dict[str, tuple[re.Pattern, list[str]]]:
    compiled = {}
    for category, group in dictionary.groupby("category", sort=True):
        # longest patterns first, so that a multiword entry wins over its first word
        patterns = sorted(group["pattern"], key=lambda p: (-len(p.split()), -len(p), p))
        body = "|".join(f"({_pattern_regex(p)})" for p in patterns)
        # a lookahead on the possible first letters lets the engine skip most positions fast
        firsts = {p[0] for p in patterns}
        lead = ""
        if not firsts & {"*", "?"}:
            lead = "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])"
        compiled[category] = (
            re.compile(rf"(?<![\w]){lead}(?:{body})(?![\w])", re.I),
            patterns,
        )
    return compiled


def _as_dictionary(dictionary) -> pd.DataFrame:
    if isinstance(dictionary, pd.DataFrame) and list(dictionary.columns[:2]) == DICTIONARY_COLUMNS:
        return dictionary
    return load_dictionary(dictionary)


def matches(text_or_corpus: TextOrCorpus, dictionary) -> pd.DataFrame:
    """Every dictionary hit with its offsets.

    Within one category, hits do not overlap (the longest pattern wins); a span can count in
    several categories.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, start, end, surface, category, pattern``: offsets int64, the rest str,
        with or without rows (:data:`MATCH_DTYPES`).

    Examples
    --------
    >>> matches("Peace talks on security.", {"diplomacy": ["peace talk*"],
    ...                                     "security": ["secur*"]}).values.tolist()
    [['doc0', 0, 11, 'Peace talks', 'diplomacy', 'peace talk*'], \
['doc0', 15, 23, 'security', 'security', 'secur*']]
    """
    compiled = _compile(_as_dictionary(dictionary))
    corpus = as_corpus(text_or_corpus)
    rows = []
    for doc_id, text in zip(corpus["doc_id"].astype(str), corpus["text"], strict=True):
        if not isinstance(text, str):
            continue
        for category, (regex, patterns) in compiled.items():
            for m in regex.finditer(text):
                if m.end() == m.start():  # a lone "*" matches nothing between two non-words
                    continue
                rows.append((doc_id, m.start(), m.end(), m.group(), category,
                             patterns[m.lastindex - 1]))
    frame = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    frame = frame.sort_values(["doc_id", "start", "category"], kind="stable")
    return conform(frame.reset_index(drop=True), MATCH_DTYPES)


def count(
    corpus: TextOrCorpus,
    dictionary,
    *,
    by: str | list[str] | None = None,
    per: int = 1000,
) -> pd.DataFrame:
    """Count dictionary categories per document or per group, with rates.

    Parameters
    ----------
    corpus : text or corpus
        With ``by``, a corpus DataFrame holding the grouping column(s) (e.g. ``outlet``).
    dictionary : path, mapping, DataFrame or shipped name
        See :func:`load_dictionary`.
    by : str or list of str, optional
        Corpus column(s) to group documents by; default: one row per document and category.
    per : int, default 1000
        Rates are hits per ``per`` word tokens.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``doc_id`` (or the ``by`` columns and ``n_docs``), ``category``, ``count``,
        ``n_tokens`` (word tokens in the document or group) and ``rate`` (count / n_tokens *
        per; NaN for empty documents). ``doc_id`` and ``category`` are str, the ``by``
        columns keep their corpus dtype, counts are int64 and ``rate`` float64, with or
        without rows (:data:`COUNT_DTYPES`). Every document/group has a row for every category,
        zeros included. Pivot with ``frame.pivot(index="doc_id", columns="category",
        values="rate")``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["War and war.", "Trade deal."],
    ...                        "outlet": ["X", "X"]})
    >>> d = {"conflict": ["war*"], "economy": ["trade"]}
    >>> count(corpus, d)[["doc_id", "category", "count", "rate"]].values.tolist()
    [['a', 'conflict', 2, 666.6666666666666], ['a', 'economy', 0, 0.0], \
['b', 'conflict', 0, 0.0], ['b', 'economy', 1, 500.0]]
    >>> count(corpus, d, by="outlet")[["outlet", "category", "count", "n_tokens"]].values.tolist()
    [['X', 'conflict', 2, 5], ['X', 'economy', 1, 5]]
    """
    table = _as_dictionary(dictionary)
    frame = as_corpus(corpus)
    groups = [by] if isinstance(by, str) else list(by or [])
    missing = set(groups) - set(frame.columns)
    if missing:
        raise SchemaError(f"corpus lacks the by column(s) {sorted(missing)}", source="DataFrame")
    docs = frame[["doc_id", *groups]].copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs["n_tokens"] = [len(_WORD.findall(t)) if isinstance(t, str) else 0 for t in frame["text"]]
    hits = matches(frame, table)
    categories = sorted(table["category"].unique())
    counts = hits.groupby(["doc_id", "category"]).size()
    full = pd.MultiIndex.from_product([docs["doc_id"], categories], names=["doc_id", "category"])
    long = counts.reindex(full, fill_value=0).rename("count").reset_index()
    long = long.merge(docs, on="doc_id", how="left")
    if groups:
        long = long.groupby([*groups, "category"], sort=True, dropna=False).agg(
            n_docs=("doc_id", "nunique"), count=("count", "sum"), n_tokens=("n_tokens", "sum")
        ).reset_index()
        cols = [*groups, "n_docs", "category", "count", "n_tokens"]
    else:
        cols = ["doc_id", "category", "count", "n_tokens"]
    long = long[cols].copy()
    long["count"] = long["count"].astype("int64")
    tokens = long["n_tokens"].where(long["n_tokens"] > 0)
    long["rate"] = long["count"] / tokens * per
    lead = passthrough_dtypes(frame, groups) | {"n_docs": "int64"} if groups else {"doc_id": "str"}
    return conform(long.reset_index(drop=True), lead | COUNT_DTYPES)

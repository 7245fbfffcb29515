"""Co-occurrence of actors within sentences, paragraphs or documents."""

from __future__ import annotations

import math
from bisect import bisect_right
from itertools import combinations

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.annotate import AnnotatedCorpus
from toolkit.errors import SchemaError
from toolkit.tokenize import paragraph_spans, sentence_spans

UNITS = ("sentence", "paragraph", "document")
#: Values of ``level`` in :func:`cooccurrence`: actors as named, or people folded into their state.
LEVELS = ("actor", "state")

#: Column -> dtype of the edge list :func:`cooccurrence` returns (rows or no rows).
EDGE_DTYPES: dict[str, str] = {
    "actor_a": "str", "actor_b": "str", "count": "int64", "count_a": "int64", "count_b": "int64",
    "n_units": "int64", "pmi": "float64", "npmi": "float64", "jaccard": "float64",
}
#: Columns of the edge list :func:`cooccurrence` returns.
EDGE_COLUMNS = list(EDGE_DTYPES)

def _unit_index(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    lefts = [s for s, _ in spans]
    return [max(bisect_right(lefts, p) - 1, 0) for p in starts]


def _unit_spans(corpus, unit: str):
    """``(doc_id, [(start, end), ...])`` of the sentences or paragraphs of each document; an
    annotated corpus (:mod:`toolkit.annotate`) gives its stored spans."""
    if isinstance(corpus, AnnotatedCorpus):
        for d in corpus.docs:
            arr = d.sent_spans if unit == "sentence" else d.para_spans
            yield d.doc_id, [tuple(x) for x in arr[:, :2].tolist()]
        return
    split = sentence_spans if unit == "sentence" else paragraph_spans
    for doc_id, text in iter_docs(corpus):
        yield doc_id, split(text)


def unit_ids(
    mentions: pd.DataFrame, corpus: TextOrCorpus, *, unit: str = "sentence"
) -> tuple[pd.Series, int]:
    """Sentence or paragraph number of each mention, and the number of such units in the corpus.

    Returns a Series aligned with ``mentions`` holding ``"<doc_id>#<n>"`` and the total
    number of units (with or without mentions), which PMI needs.
    """
    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph', got {unit!r}")
    by_doc = {d: g for d, g in mentions.groupby("doc_id", sort=False)}
    ids = pd.Series(index=mentions.index, dtype=object)
    total = 0
    for doc_id, spans in _unit_spans(corpus, unit):
        total += len(spans)
        group = by_doc.get(doc_id)
        if group is None or not spans:
            continue
        idx = _unit_index(group["start"].tolist(), spans)
        ids.loc[group.index] = [f"{doc_id}#{i}" for i in idx]
    unknown = ids.isna()
    if unknown.any():
        missing = mentions.loc[unknown, "doc_id"].iloc[0]
        raise SchemaError(f"doc_id {missing!r} of the mentions is not in the corpus",
                          source="mentions")
    return ids, total


def cooccurrence(
    mentions: pd.DataFrame,
    *,
    unit: str = "sentence",
    corpus: TextOrCorpus | None = None,
    by: str = "actor",
    min_count: int = 1,
    level: str = "actor",
    places: bool = False,
) -> pd.DataFrame:
    """Edge list of actors named together in the same sentence, paragraph or document.

    Each unit counts once per pair, however often the actors appear in it.

    Parameters
    ----------
    mentions : DataFrame
        From :func:`toolkit.actors.mentions` (needs ``doc_id``, ``start`` and the ``by`` column).
    unit : {"sentence", "paragraph", "document"}
        The window. Sentences come from :func:`toolkit.tokenize.sentence_spans`, paragraphs are
        separated by blank lines.
    corpus : text, corpus or annotated corpus, optional
        The texts the mentions were found in; needed for ``sentence`` and ``paragraph`` unless
        ``mentions`` already has a column of that name holding unit ids. With a corpus,
        ``n_units`` counts every unit, with or without actors; otherwise only the units that
        hold a mention (PMI is then relative to those).
    by : str, default "actor"
        Column naming the nodes (e.g. ``"country"`` to merge organisations into their state).
    min_count : int, default 1
        Drop pairs seen in fewer units.
    level : {"actor", "state"}, default "actor"
        ``"state"``: a person counts as the state or organisation they speak for (the
        ``affiliation`` column of :func:`toolkit.actors.mentions`; people without one are
        left out), so "Zarif" and "Iran" in one sentence are one node, not a pair.
    places : bool, default False
        Keep capitals used as datelines or places (``actor_type`` ``place``) as the state
        they are the capital of; by default they are left out ("talks in Vienna" is no
        mention of Austria).

    Returns
    -------
    pandas.DataFrame
        ``actor_a, actor_b`` (a < b alphabetically), ``count`` (units with both), ``count_a``,
        ``count_b`` (units with each), ``n_units``, ``pmi`` (log2 of count * n_units /
        (count_a * count_b)), ``npmi`` (PMI / -log2(count / n_units), in [-1, 1]) and ``jaccard``
        (count / units with either). Sorted by count, strongest first. Node names are str,
        counts int64, the measures float64, with or without rows (:data:`EDGE_DTYPES`).

    Examples
    --------
    >>> from toolkit.actors import mentions
    >>> text = "Iran and Iraq met. Iraq and Syria met. Iran and Iraq agreed."
    >>> edges = cooccurrence(mentions(text), corpus=text)
    >>> edges[["actor_a", "actor_b", "count"]].values.tolist()
    [['Iran', 'Iraq', 2], ['Iraq', 'Syria', 1]]
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    if "actor_type" in mentions.columns:
        kind = mentions["actor_type"].astype(str)
        if not places:
            mentions = mentions[kind != "place"]
            kind = kind[kind != "place"]
        if level == "state" and "affiliation" in mentions.columns:
            is_person = kind == "person"
            mentions = mentions.copy()
            folded = mentions.loc[is_person, "affiliation"].replace("", None)
            mentions[by] = mentions[by].astype(object)
            mentions.loc[is_person, by] = folded
    needed = {"doc_id", by} | ({"start"} if unit != "document" and unit not in mentions else set())
    missing = needed - set(mentions.columns)
    if missing:
        raise SchemaError(f"mentions lack column(s) {sorted(missing)}", source="mentions")
    m = mentions[mentions[by].notna()]
    if unit == "document":
        ids = m["doc_id"].astype(str)
        n_units = (len(corpus) if isinstance(corpus, AnnotatedCorpus)
                   else len(list(iter_docs(corpus))) if corpus is not None
                   else mentions["doc_id"].nunique())
    elif corpus is not None:
        ids, n_units = unit_ids(m, corpus, unit=unit)
    elif unit in m.columns:
        ids = m["doc_id"].astype(str) + "#" + m[unit].astype(str)
        n_units = ids.nunique()
    else:
        raise SchemaError(
            f"unit={unit!r} needs the texts: pass corpus=, or add a {unit!r} column of unit ids "
            "to the mentions",
            source="mentions",
        )
    sets = pd.DataFrame({"unit": ids.to_numpy(), "node": m[by].to_numpy()}).drop_duplicates()
    node_count = sets["node"].value_counts().to_dict()
    pairs: dict[tuple[str, str], int] = {}
    for nodes in sets.groupby("unit", sort=False)["node"]:
        members = sorted(nodes[1].tolist())
        for a, b in combinations(members, 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = []
    for (a, b), c in pairs.items():
        if c < min_count:
            continue
        ca, cb = node_count[a], node_count[b]
        pmi = math.log2(c * n_units / (ca * cb))
        p_ab = c / n_units
        npmi = pmi / -math.log2(p_ab) if p_ab < 1 else 1.0
        rows.append((a, b, c, ca, cb, n_units, pmi, npmi, c / (ca + cb - c)))
    edges = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    edges = edges.sort_values(["count", "jaccard", "actor_a", "actor_b"],
                              ascending=[False, False, True, True], kind="stable")
    return conform(edges.reset_index(drop=True), EDGE_DTYPES)

"""Which articles are about regional diplomacy: actors of the region plus diplomatic vocabulary.

``about_region`` counts mentions of a region's actors, which keeps travel pieces ("hotels in
Dubai") and war reports alike. :func:`diplomacy_score` adds what makes a story diplomatic: the
words of relations between states (``toolkit/data/actors/diplomacy_terms.txt``), how often they
share a sentence with an actor of the region, and whether the title and lede carry them.
:func:`about_diplomacy` keeps the articles whose score reaches a threshold. Weights and
threshold were set on the development half of a hand-coded sample of the default corpus and
measured once on its held-out part (``tests/fixtures/diplomacy_codes``; figures in
``benchmarks/README.md``, "Diplomacy subset").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from toolkit._docs import iter_docs
from toolkit._frames import conform
from toolkit.actors._mentions import mentions as find_mentions
from toolkit.actors._region import region_countries
from toolkit.annotate import AnnotatedCorpus

#: Column -> dtype of the frame :func:`diplomacy_score` returns.
RELEVANCE_DTYPES: dict[str, str] = {
    "doc_id": "str",
    "score": "float64",
    "n_region_mentions": "int64",
    "n_title_mentions": "int64",
    "n_lede_mentions": "int64",
    "n_diplomacy_terms": "int64",
    "n_title_terms": "int64",
    "n_cooccur_sentences": "int64",
    "n_sentences": "int64",
}
#: Columns of the frame :func:`diplomacy_score` returns.
RELEVANCE_COLUMNS = list(RELEVANCE_DTYPES)

#: Weights of the score (see :func:`diplomacy_score`), set on the development codes.
WEIGHTS: dict[str, float] = {
    "cooccur": 1.0,       # per sentence with a regional actor and a diplomatic word (log scale)
    "title_actor": 1.0,   # the title names an actor of the region
    "title_term": 1.0,    # the title has a diplomatic word and an actor of the region
    "lede": 1.0,          # the lede (first sentences) names an actor of the region
}
#: Default threshold of :func:`about_diplomacy`, set on the development codes.
DEFAULT_THRESHOLD = 2.5
#: Sentences at the start of the text that count as its lede.
LEDE_SENTENCES = 2


@lru_cache(maxsize=4)
def _compile(terms: frozenset[str]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        stem, star = (term[:-1], True) if term.endswith("*") else (term, False)
        body = r"\s+".join(re.escape(w) for w in stem.split())
        parts.append(body + (r"\w*" if star else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def diplomacy_terms(terms: Iterable[str] | str | None = None) -> frozenset[str]:
    """The diplomatic vocabulary: the shipped list, a lexicon name or path, or your own words.

    >>> {"talks", "negotiat*"} <= diplomacy_terms()
    True
    >>> sorted(diplomacy_terms(["Envoy", "truce"]))
    ['envoy', 'truce']
    """
    import toolkit.lexicons as lx

    value = lx.load("diplomacy_terms") if terms is None else lx.resolve(terms, kind="word_list")
    return frozenset(str(w).strip().lower() for w in value if str(w).strip())


def _corpus_and_sentences(text_or_corpus) -> tuple[pd.DataFrame, dict[str, list]]:
    if isinstance(text_or_corpus, AnnotatedCorpus):
        corpus = text_or_corpus.corpus
        sents = {d.doc_id: [tuple(s) for s in d.sent_spans[:, :2].tolist()]
                 for d in text_or_corpus.docs}
        return corpus, sents
    from toolkit.tokenize import sentence_spans

    if isinstance(text_or_corpus, pd.DataFrame):
        corpus = text_or_corpus
    else:
        pairs = list(iter_docs(text_or_corpus))
        corpus = pd.DataFrame({"doc_id": [p[0] for p in pairs], "text": [p[1] for p in pairs]})
    sents = {d: sentence_spans(t) for d, t in iter_docs(corpus[["doc_id", "text"]])}
    return corpus, sents


def _region_only(found: pd.DataFrame, codes: set[str]) -> pd.DataFrame:
    """Mentions of the region's states, territories and organisations; people are left out,
    as in :func:`toolkit.actors.region_mentions` (the weights were set on such counts)."""
    if "actor_type" in found.columns:
        found = found[found["actor_type"] != "person"]
    return found[found["country"].isin(codes)]


def _combine(features: pd.DataFrame, weights: dict[str, float]) -> np.ndarray:
    return (
        weights["cooccur"] * np.log2(1 + features["n_cooccur_sentences"].to_numpy(float))
        + weights["title_actor"] * (features["n_title_mentions"].to_numpy() > 0)
        + weights["title_term"] * ((features["n_title_terms"].to_numpy() > 0)
                                   & (features["n_title_mentions"].to_numpy() > 0))
        + weights["lede"] * (features["n_lede_mentions"].to_numpy() > 0)
    )


def diplomacy_score(
    text_or_corpus,
    *,
    mentions: pd.DataFrame | None = None,
    region: str = "MENA",
    terms: Iterable[str] | str | None = None,
) -> pd.DataFrame:
    """How much each article is about the diplomacy of ``region``: one row per document.

    Features, per document: mentions of the region's states, territories and organisations
    (``toolkit.actors.mentions``; an actor counts when its ``country`` is in the region; people
    do not count, as in ``region_mentions``) in the text, in the first two sentences (the lede)
    and in the ``title`` column when the corpus has one; words of the diplomatic vocabulary in
    the text and the title; and sentences where an actor of the region and a diplomatic word
    meet (co-occurrence). The score is ``log2(1 + co-occurrence sentences)`` plus 1 for an actor
    in the title, 1 more when the title also has a diplomatic word, and 1 for an actor in the
    lede (``WEIGHTS``): a story whose headline says who talks to whom scores high; a travel
    piece naming Dubai scores low.
    :func:`about_diplomacy` keeps scores of at least ``DEFAULT_THRESHOLD`` (2.5: e.g. an actor
    in the title and lede and one co-occurrence sentence, or five such sentences and no more).

    Parameters
    ----------
    text_or_corpus : DataFrame, AnnotatedCorpus, str or list of str
        A corpus (``doc_id``, ``text``, optionally ``title``) or what ``annotate`` returns
        (its sentences are reused).
    mentions : DataFrame, optional
        Mentions already found in the texts (saves finding them again).
    region : str, default "MENA"
        A value of the ``region`` column of the gazetteer's ``countries.csv``.
    terms : list of str, str or None
        The diplomatic vocabulary (a final ``*`` matches any ending); default the shipped
        ``diplomacy_terms`` lexicon.

    Returns
    -------
    DataFrame
        ``doc_id, score, n_region_mentions, n_title_mentions, n_lede_mentions,
        n_diplomacy_terms, n_title_terms, n_cooccur_sentences, n_sentences``, in corpus order.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({
    ...     "doc_id": ["talks", "travel"],
    ...     "title": ["Iran and Turkey hold talks", "Five hotels to try"],
    ...     "text": ["Iran's foreign minister met his Turkish counterpart for talks.",
    ...              "The UAE has beaches. Visitors to Abu Dhabi love them."]})
    >>> diplomacy_score(corpus)[["doc_id", "score", "n_cooccur_sentences"]].values.tolist()
    [['talks', 4.0, 1], ['travel', 1.0, 0]]
    """
    corpus, sents = _corpus_and_sentences(text_or_corpus)
    pattern = _compile(diplomacy_terms(terms))
    codes = region_countries(region)
    found = find_mentions(text_or_corpus) if mentions is None else mentions
    found = _region_only(found, codes)
    starts = found.groupby("doc_id")["start"].apply(lambda s: np.sort(s.to_numpy()))
    title_counts: pd.Series = pd.Series(dtype="int64")
    titles = corpus["title"].fillna("").astype(str) if "title" in corpus else None
    if titles is not None:
        tm = find_mentions(pd.DataFrame({"doc_id": corpus["doc_id"].astype(str),
                                         "text": titles.to_numpy()}))
        title_counts = _region_only(tm, codes).groupby("doc_id").size()

    rows = []
    for i, (doc_id, text) in enumerate(iter_docs(corpus[["doc_id", "text"]])):
        spans = sents.get(doc_id, [])
        at = starts.get(doc_id, np.empty(0, dtype=np.int64))
        term_pos = np.array([m.start() for m in pattern.finditer(text)], dtype=np.int64)
        cooccur = 0
        for s, e in spans:
            has_actor = np.searchsorted(at, e) > np.searchsorted(at, s)
            if has_actor and np.searchsorted(term_pos, e) > np.searchsorted(term_pos, s):
                cooccur += 1
        lede_end = spans[min(LEDE_SENTENCES, len(spans)) - 1][1] if spans else 0
        title = titles.iloc[i] if titles is not None else ""
        rows.append((doc_id, len(at), int(title_counts.get(doc_id, 0)),
                     int(np.searchsorted(at, lede_end)), len(term_pos),
                     len(pattern.findall(title)), cooccur, len(spans)))
    cols = RELEVANCE_COLUMNS[:1] + RELEVANCE_COLUMNS[2:]
    frame = pd.DataFrame(rows, columns=cols)
    frame.insert(1, "score", _combine(frame, WEIGHTS) if len(frame) else [])
    return conform(frame, RELEVANCE_DTYPES)


def about_diplomacy(
    corpus: pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    mentions: pd.DataFrame | None = None,
    region: str = "MENA",
    terms: Iterable[str] | str | None = None,
) -> pd.DataFrame:
    """The articles of ``corpus`` whose :func:`diplomacy_score` is at least ``threshold``.

    Parameters
    ----------
    corpus : DataFrame
        A corpus (``doc_id``, ``text``, optionally ``title``).
    threshold : float, default ``DEFAULT_THRESHOLD``
        Lower it for recall, raise it for precision (``benchmarks/README.md`` has the
        measured trade-off on the default corpus).
    mentions, region, terms
        As in :func:`diplomacy_score`.

    Returns
    -------
    DataFrame
        The matching rows of ``corpus``, in their order, with a fresh index.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({
    ...     "doc_id": ["a", "b"], "title": ["Syria ceasefire talks open", "Best beaches"],
    ...     "text": ["Russia and Turkey brokered a ceasefire in Syria.", "Dubai is sunny."]})
    >>> about_diplomacy(corpus)["doc_id"].tolist()
    ['a']
    """
    scores = diplomacy_score(corpus, mentions=mentions, region=region, terms=terms)
    keep = scores.loc[scores["score"] >= threshold, "doc_id"]
    return corpus[corpus["doc_id"].astype(str).isin(set(keep))].reset_index(drop=True)


def estimate_precision_recall(
    codes: pd.DataFrame, selected: Iterable[str], *, population: dict[str, int]
) -> dict[str, float]:
    """Corpus-level precision and recall of a filter from a stratified hand-coded sample.

    Each coded article stands for ``population[stratum] / (coded articles of its stratum)``
    articles of the corpus (strata sampled at different rates are weighted back to their size),
    so precision is the weighted share of relevant articles among those the filter keeps and
    recall the weighted share of relevant articles the filter keeps.

    Parameters
    ----------
    codes : DataFrame
        ``doc_id``, ``stratum`` and ``code`` (1 relevant, 0 not), e.g.
        ``tests/fixtures/diplomacy_codes/codes.csv`` or one split of it.
    selected : iterable of str
        The ``doc_id`` the filter keeps (any superset of the sample's ids will do).
    population : dict
        Articles of the corpus in each stratum.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1``, ``n`` (coded articles), ``n_selected`` (of them
        kept), ``n_relevant`` (of them coded 1).

    Examples
    --------
    >>> import pandas as pd
    >>> codes = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "stratum": ["in", "in", "out", "out"],
    ...                       "code": [1, 0, 1, 0]})
    >>> r = estimate_precision_recall(codes, ["a", "b"], population={"in": 10, "out": 90})
    >>> round(r["precision"], 2), round(r["recall"], 2)
    (0.5, 0.1)
    """
    keep = codes["doc_id"].astype(str).isin(set(map(str, selected))).to_numpy()
    relevant = (codes["code"].astype(int) == 1).to_numpy()
    sizes = codes["stratum"].map(codes["stratum"].value_counts())
    weight = (codes["stratum"].map(population) / sizes).to_numpy(float)
    tp = float((weight * (keep & relevant)).sum())
    fp = float((weight * (keep & ~relevant)).sum())
    fn = float((weight * (~keep & relevant)).sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n": len(codes),
            "n_selected": int(keep.sum()), "n_relevant": int(relevant.sum())}

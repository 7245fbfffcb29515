"""Keyphrase scoring methods. Each takes a parsed :class:`Doc` and returns candidates with scores.

Every method returns ``{key: (Candidate, score)}`` with higher scores better.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache

import numpy as np

from toolkit.keywords._parse import (
    PROPER,
    Candidate,
    Doc,
    ngram_candidates,
    noun_phrases,
    stopwords,
)

Scored = dict[tuple[str, ...], tuple[Candidate, float]]


def _graph_words(doc: Doc) -> tuple[np.ndarray, list[str]]:
    """Node id (or -1) for each word token (punctuation skipped), and node names (stems)."""
    ids: dict[str, int] = {}
    setd = ids.setdefault
    seq = [
        setd(st, len(ids)) if ok else -1
        for st, ok, w in zip(doc.stems, doc.content, doc.words, strict=True)
        if ok or w.isalnum() or len(w) > 1
    ]
    return np.asarray(seq, dtype=np.int64), list(ids)


_DENSE_MAX = 200  # nodes; above this the graph is kept as an edge list (faster past ~200)


def _pagerank(
    a: np.ndarray, n: int, *, window: int, bias: bool, damping: float = 0.85, tol: float = 1e-3
) -> np.ndarray:
    """(Position-biased) PageRank on the co-occurrence graph of node sequence ``a``.

    Two nodes are linked, weighted by count, when they occur fewer than ``window`` words
    apart. With ``bias`` the teleport vector is each node's sum of 1 / (word position + 1).
    """
    if n == 0:
        return np.zeros(0)
    pairs = []
    for d in range(1, min(window, len(a))):
        x, y = a[:-d], a[d:]
        ok = (x >= 0) & (y >= 0) & (x != y)
        pairs.append(x[ok] * n + y[ok])
    flat = np.concatenate(pairs) if pairs else np.zeros(0, dtype=np.int64)
    if n <= _DENSE_MAX:
        m = np.bincount(flat, minlength=n * n).reshape(n, n).astype(float)
        m += m.T
        out = m.sum(axis=1)
        out[out == 0] = 1.0
        trans_t = (m / out[:, None]).T  # column-stochastic

        def step(s: np.ndarray) -> np.ndarray:
            return trans_t @ s
    else:  # long documents: an edge list instead of an n x n matrix
        codes, counts = np.unique(np.concatenate([flat, (flat % n) * n + flat // n]),
                                  return_counts=True)
        src, dst = codes // n, codes % n
        out = np.bincount(src, weights=counts, minlength=n)
        out[out == 0] = 1.0
        w = counts / out[src]

        def step(s: np.ndarray) -> np.ndarray:
            return np.bincount(dst, weights=w * s[src], minlength=n)
    if bias:
        pos = np.flatnonzero(a >= 0)
        p = np.bincount(a[pos], weights=1.0 / (pos + 1.0), minlength=n)
        p /= p.sum()
    else:
        p = np.full(n, 1.0 / n)
    s = p.copy()
    tele = (1 - damping) * p
    for _ in range(100):
        s2 = tele + damping * step(s)
        if np.abs(s2 - s).sum() < tol:
            return s2
        s = s2
    return s


def _graph_scores(
    doc: Doc, *, window: int, bias: bool, max_words: int, strip: frozenset[str] = frozenset()
) -> Scored:
    a, names = _graph_words(doc)
    s = _pagerank(a, len(names), window=window, bias=bias)
    score = dict(zip(names, s.tolist(), strict=True))
    cands = noun_phrases(doc, max_words=max_words, strip=strip)
    return {k: (c, sum(score.get(w, 0.0) for w in k)) for k, c in cands.items()}


_STRIP = frozenset({"JJS", "JJR"})


def newsrank(doc: Doc, *, window: int = 15, max_words: int = 3, **_: object) -> Scored:
    """The recommended method: PositionRank scores on a wider window (15 words), candidates
    are noun phrases of at most ``max_words`` words with leading comparatives/superlatives
    ("biggest", "larger") removed; a phrase scores the sum of its words."""
    return _graph_scores(doc, window=window, bias=True, max_words=max_words, strip=_STRIP)


#: A user's furniture words for the ``extract`` call under way (``extract(furniture=...)``):
#: never in a keyphrase.
USER_FURNITURE: ContextVar[frozenset[str] | None] = ContextVar("keyword_furniture", default=None)


def furniture() -> tuple[frozenset[str], frozenset[str]]:
    """Page-furniture words (lexicon ``furniture``): those never in a keyphrase ("caption",
    "toggle") and those never a keyphrase alone ("photo", "share"); a user's list of the
    current call (``extract(furniture=...)``) holds words never in a keyphrase."""
    user = USER_FURNITURE.get()
    return _shipped_furniture() if user is None else (user, frozenset())


@lru_cache(maxsize=1)
def _shipped_furniture() -> tuple[frozenset[str], frozenset[str]]:
    from toolkit import lexicons

    text = lexicons.path("furniture").read_text(encoding="utf-8")
    never: set[str] = set()
    alone: set[str] = set()
    block = never
    for line in text.splitlines():
        w = line.strip().lower()
        if w.startswith("# --"):
            block = alone if "alone" in w else never
        elif w and not w.startswith("#"):
            block.add(w)
    return frozenset(never), frozenset(alone)


_CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|m|t|s)$", re.IGNORECASE)


def _clean(doc: Doc, cand: Candidate, n_words: int, idf: Callable[[str], float],
           furn: tuple[frozenset[str], frozenset[str]] | None = None) -> bool:
    """False for page furniture, contractions, and single words that are too short or
    too common in general news (background IDF below :data:`MIN_SINGLE_IDF`); ``furn`` is
    :func:`furniture` when the caller has it at hand."""
    never, alone = furniture() if furn is None else furn
    words = doc.words[cand.first : cand.first + n_words]
    all_alone = True
    for w in words:
        low = w.lower()
        if low in never or (("'" in low or "’" in low) and _CONTRACTION.search(low)):
            return False
        if all_alone and low not in alone:
            all_alone = False
    if all_alone:
        return False
    if n_words == 1:
        w = words[0]
        short = len(w) < 3 and not (w.isupper() and w.isalpha() and len(w) == 2)
        if short or idf(cand.key[0]) < MIN_SINGLE_IDF:
            return False
    return True


#: A single word whose IDF (as seen from the document) is below this is too general to be a
#: keyphrase on its own: it is in more than about 1 in 12 articles ("people", "mother").
MIN_SINGLE_IDF = 2.5
#: Length in tokens (words and punctuation) of a typical news article, about 500 words: the
#: length at which the ``single_length`` feature of ``newsrank2`` is 0.
TYPICAL_TOKENS = 500.0
#: Upper bound of ``typical_tokens / tokens`` in that feature (reached at 333 tokens).
MAX_SHORTNESS = 1.5
#: Features of the ``newsrank2`` ranker, in the order of its weights file.
FEATURES = ("log_tf", "first_position", "in_lede", "single_name", "single_common",
            "single_length")


@lru_cache(maxsize=1)
def ranker_weights() -> dict[str, float]:
    """The fitted weights of ``newsrank2``'s linear ranker, from
    ``toolkit/data/keywords/newsrank2_weights.csv`` (lexicon ``newsrank2_weights``; its
    comment lines say how they were fitted).

    >>> sorted(ranker_weights()) == sorted(FEATURES)
    True
    """
    from toolkit import lexicons

    lines = [ln for ln in lexicons.path("newsrank2_weights").read_text(
        encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = [ln.split(",", 2) for ln in lines[1:]]
    return {name: float(w) for name, w, _ in rows}


def newsrank2(
    doc: Doc,
    *,
    idf: Callable[[str], float] | None = None,
    window: int = 15,
    max_words: int = 3,
    idf_power: float = 0.5,
    weights: dict[str, float] | None = None,
    **_: object,
) -> Scored:
    """The default for news: a linear ranker over a few features of each noun phrase.

    Candidates are noun phrases (at most ``max_words`` words, names up to five, leading
    superlatives removed) without page furniture, contractions or general single words
    (:func:`_clean`). Each word gets its PositionRank score (window 15) times
    ``idf ** idf_power`` (IDF from the corpus given, smoothed towards a background table of
    general news, see :class:`toolkit.keywords._background.Idf`); a candidate scores the sum
    of its words times ``exp(sum of weight x feature)`` over :data:`FEATURES`: how often it
    occurs (``log_tf``), how early it first occurs (``first_position``, ``in_lede``), whether
    it is one word (a name or a common word) and, for one word, how short the document is
    (``single_length``: ``min(ln(500 / tokens), ln 1.5)``; a short broadcast story's reader wants
    its few names and topics, a long feature's its multiword phrases). The weights
    (``weights=``, default :func:`ranker_weights`) were fitted on two news sets; see the
    weights file and ``benchmarks/README.md``."""
    if idf is None:
        from toolkit.keywords._background import Idf

        idf = Idf()
    wts = ranker_weights() if weights is None else weights
    w_tf, w_first, w_lede, w_name, w_common, w_len = (wts.get(f, 0.0) for f in FEATURES)
    a, names = _graph_words(doc)
    pr = dict(zip(names, _pagerank(a, len(names), window=window, bias=True).tolist(),
                  strict=True))
    cands = noun_phrases(doc, max_words=max_words, strip=_STRIP)
    n = max(len(doc.words), 1)
    sent = doc.sent
    lede_end = next((i for i, k in enumerate(sent) if k >= 2), n)
    shortness = math.log(min(TYPICAL_TOKENS / n, MAX_SHORTNESS))
    single_name = w_name + w_len * shortness
    single_common = w_common + w_len * shortness
    tags = doc.tags
    furn = furniture()
    weight: dict[str, float] = {}
    out: Scored = {}
    for k, c in cands.items():
        if not _clean(doc, c, len(k), idf, furn):
            continue
        sc = 0.0
        for st in k:
            w = weight.get(st)
            if w is None:
                w = weight[st] = pr.get(st, 0.0) * idf(st) ** idf_power
            sc += w
        x = w_tf * math.log(c.tf) + w_first * c.first / n + (w_lede if c.first < lede_end else 0.0)
        if len(k) == 1:
            x += single_name if tags[c.first] in PROPER else single_common
        out[k] = (c, sc * math.exp(x))
    return out


def positionrank(doc: Doc, *, window: int = 10, max_words: int = 5, **_: object) -> Scored:
    """PositionRank (Florescu & Caragea 2017): biased PageRank on a word graph whose
    teleport probability favours words that occur early and often; a phrase scores the sum
    of its words."""
    return _graph_scores(doc, window=window, bias=True, max_words=max_words)


def textrank(doc: Doc, *, window: int = 2, max_words: int = 5, **_: object) -> Scored:
    """TextRank (Mihalcea & Tarau 2004) on nouns and adjectives, window 2, unbiased
    PageRank; a noun phrase scores the sum of its words (as pke's TextRank does with noun
    phrase candidates)."""
    return _graph_scores(doc, window=window, bias=False, max_words=max_words)


def tfidf(
    doc: Doc, *, df: Counter | None = None, n_docs: int = 1, max_words: int = 5, **_: object
) -> Scored:
    """Noun-phrase frequency in the document times its smoothed inverse document frequency
    in the corpus given (``idf = ln((1 + N) / df)``, so a phrase in every document of a
    large corpus scores near zero and a single text is ranked by frequency)."""
    cands = noun_phrases(doc, max_words=max_words)
    df = df or Counter()
    out: Scored = {}
    for k, c in cands.items():
        idf = math.log((1 + n_docs) / max(df.get(k, 0), 1))
        out[k] = (c, c.tf * idf)
    return out


def rake(doc: Doc, *, max_words: int = 5, **_: object) -> Scored:
    """RAKE (Rose et al. 2010): phrases are runs between stopwords and punctuation; a word
    scores degree / frequency, a phrase the sum of its words."""
    sw = stopwords()
    runs: list[tuple[int, int]] = []
    i0 = None
    words = doc.words
    for i, w in enumerate(words + ["."]):
        good = (
            i < len(words)
            and any(c.isalpha() for c in w)
            and w.lower() not in sw
            and (i0 is None or doc.sent[i] == doc.sent[i0])
        )
        if good and i0 is None:
            i0 = i
        elif not good and i0 is not None:
            runs.append((i0, i))
            i0 = i if (i < len(words) and any(c.isalpha() for c in w) and
                       w.lower() not in sw) else None
    freq: Counter = Counter()
    deg: Counter = Counter()
    for a, b in runs:
        for j in range(a, b):
            st = doc.stems[j]
            freq[st] += 1
            deg[st] += b - a
    cands: dict[tuple[str, ...], Candidate] = {}
    from toolkit.keywords._parse import _add

    for a, b in runs:
        if b - a <= max_words:
            _add(doc, cands, a, b)
    return {
        k: (c, float(sum(deg[w] / freq[w] for w in k))) for k, c in cands.items()
    }


def yake_like(doc: Doc, *, max_words: int = 3, **_: object) -> Scored:
    """A YAKE-style statistical score (Campos et al. 2020) with no part of speech: per-word
    casing, position, frequency, context relatedness and sentence spread give a weight H
    (lower is better); a candidate n-gram (up to ``max_words``, no stopword at an edge, no
    number) scores ``prod(H) / (tf * (1 + sum(H)))`` over its non-stopwords, returned as
    ``1 / score`` so that higher is better."""
    sw = stopwords()
    words = doc.words
    n_sent = (doc.sent[-1] + 1) if doc.sent else 1
    tf: Counter = Counter()
    upper: Counter = Counter()
    sent_pos: dict[str, list[int]] = {}
    left: dict[str, Counter] = {}
    right: dict[str, Counter] = {}
    prev: str | None = None
    prev_sent = -1
    for i, w in enumerate(words):
        if not any(c.isalnum() for c in w):
            prev = None  # punctuation breaks the co-occurrence window
            continue
        st = w.lower()
        tf[st] += 1
        if (w.isupper() and len(w) > 1) or (
            w[:1].isupper() and i > 0 and doc.sent[i - 1] == doc.sent[i]
        ):
            upper[st] += 1
        sent_pos.setdefault(st, []).append(doc.sent[i])
        if prev is not None and prev_sent == doc.sent[i]:
            left.setdefault(st, Counter())[prev] += 1
            right.setdefault(prev, Counter())[st] += 1
        prev, prev_sent = st, doc.sent[i]
    valid = [tf[w] for w in tf if w not in sw]
    if not valid:
        return {}
    mean = float(np.mean(valid))
    sd = float(np.std(valid))
    mx = max(valid)
    h: dict[str, float] = {}
    for st, f in tf.items():
        cas = upper[st] / (1 + math.log(f))
        pos = math.log(math.log(3 + statistics.median(sent_pos[st])))
        fr = f / (mean + sd) if mean + sd else 0.0
        lc, rc = left.get(st), right.get(st)
        wl = len(lc) / sum(lc.values()) if lc else 0.0
        wr = len(rc) / sum(rc.values()) if rc else 0.0
        rel = 1 + (wl + wr) * f / mx
        dif = len(set(sent_pos[st])) / n_sent
        h[st] = (rel * pos) / (cas + fr / rel + dif / rel)
    cands = ngram_candidates(doc, max_words=max_words)
    out: Scored = {}
    for k, c in cands.items():
        i = c.first
        ws = [w.lower() for w in words[i : i + len(k)]]
        if any(ch.isdigit() for w in ws for ch in w):
            continue
        hs = [h[w] for w in ws if w not in sw and w in h]
        if not hs:
            continue
        score = math.prod(hs) / (c.tf * (1 + sum(hs)))
        out[k] = (c, 1.0 / (score + 1e-12))
    return out

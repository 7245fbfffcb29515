"""keywords.frequencies / collocations / keyness against independent hand computations."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from toolkit import keywords
from toolkit.errors import InputError, SchemaError
from toolkit.tokenize import stopwords, tokenize

CORPUS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d", "e"],
    "outlet": ["X", "X", "Y", "Y", "Y"],
    "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-02", None, "2024-02-10"]),
    "text": [
        "Sanctions on Iran tighten. New sanctions on Iran target oil exports.",
        "Iran rejects the sanctions. Oil exports fall as sanctions bite.",
        "The Gaza ceasefire holds. Ceasefire talks continue in Cairo.",
        "Gaza ceasefire talks stall. Hostage talks resume in Doha.",
        "The ceasefire in Gaza is fragile; Iran watches the talks.",
    ],
})


def _words(text: str) -> list[str]:
    sw = stopwords()
    return [w.lower() for w in re.findall(r"\w+", text) if w.lower() not in sw]


def test_word_frequencies_match_a_hand_count() -> None:
    f = keywords.frequencies(CORPUS)
    expected = Counter(w for t in CORPUS.text for w in _words(t))
    got = dict(zip(f.term, f["count"], strict=True))
    assert got == dict(expected)
    assert f["rank"].tolist() == list(range(1, len(f) + 1))
    assert f["count"].is_monotonic_decreasing
    assert f["share"].sum() == pytest.approx(1.0)
    iran_docs = sum("iran" in _words(t) for t in CORPUS.text)
    assert f.loc[f.term == "iran", "doc_freq"].item() == iran_docs


def test_frequencies_by_outlet_and_month() -> None:
    f = keywords.frequencies(CORPUS, by="outlet", top_k=3)
    assert list(f.columns[:2]) == ["outlet", "term"]
    assert (f.groupby("outlet").size() <= 3).all()
    x = f[f.outlet == "X"].set_index("term")["count"]
    assert x["sanctions"] == sum(_words(t).count("sanctions") for t in CORPUS.text[:2])
    m = keywords.frequencies(CORPUS, by="month")
    assert set(m["month"].dropna()) == {"2024-01", "2024-02"}
    assert m["month"].isna().any()  # the undated article is kept, in its own group
    for _, g in m.groupby("month", dropna=False):
        assert g["share"].sum() == pytest.approx(1.0)


def test_bigram_frequencies_and_reused_tokens() -> None:
    tokens = tokenize(CORPUS)
    f = keywords.frequencies(CORPUS, n=2, tokens=tokens)
    assert f.loc[f.term == "oil exports", "count"].item() == 2
    assert f.loc[f.term == "ceasefire talks", "count"].item() == 2
    assert (f["n"] == 2).all()


def test_frequencies_bad_group_raises() -> None:
    with pytest.raises(SchemaError):
        keywords.frequencies(CORPUS, by="author")
    with pytest.raises(SchemaError):
        keywords.frequencies(CORPUS[["doc_id", "text"]], by="month")


def _g2(o11: float, r1: float, c1: float, n: float) -> float:
    cells = [(o11, r1 * c1 / n), (r1 - o11, r1 * (n - c1) / n),
             (c1 - o11, (n - r1) * c1 / n), (n - r1 - c1 + o11, (n - r1) * (n - c1) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


def test_collocation_scores_match_the_2x2_formulas() -> None:
    text = " ".join(["Human rights groups protested."] * 3 + ["Rights matter.", "Human error.",
                                                             "Groups met."])
    co = keywords.collocations(text, min_count=2)
    occ = keywords.occurrences(text, n=2)
    n = len(occ)
    pairs = [t.split() for t in occ.term]
    row = co.set_index("collocation").loc["human rights"]
    r1 = sum(p[0] == "human" for p in pairs)
    c1 = sum(p[1] == "rights" for p in pairs)
    o11 = sum(p == ["human", "rights"] for p in pairs)
    assert (row["count"], row["count_prefix"], row["count_last"]) == (o11, r1, c1)
    assert row["pmi"] == pytest.approx(math.log2(o11 * n / (r1 * c1)))
    assert row["g2"] == pytest.approx(_g2(o11, r1, c1, n))
    assert row["t_score"] == pytest.approx((o11 - r1 * c1 / n) / math.sqrt(o11))
    assert 0 <= row["g2_p"] < 0.05
    assert (co["count"] >= 2).all()
    assert co["g2"].is_monotonic_decreasing
    assert keywords.collocations(text, min_count=2, sort="pmi")["pmi"].is_monotonic_decreasing


def test_collocations_of_three_words_and_bad_size() -> None:
    text = "The Islamic Revolutionary Guard Corps said. " * 3
    co = keywords.collocations(text, n=3, min_count=2)
    assert "islamic revolutionary guard" in co.collocation.tolist()
    with pytest.raises(InputError):
        keywords.collocations(text, n=1)


def test_keyness_matches_hand_computed_g2_chi2_and_log_ratio() -> None:
    k = keywords.keyness(CORPUS, "X", by="outlet", min_count=2)
    occ = keywords.occurrences(CORPUS)
    in_x = occ.doc_id.isin(["a", "b"])
    a_tot, b_tot = in_x.sum(), (~in_x).sum()
    row = k.set_index("term").loc["sanctions"]
    a = (occ.term[in_x] == "sanctions").sum()
    b = (occ.term[~in_x] == "sanctions").sum()
    assert (row["count_target"], row["count_reference"]) == (a, b)
    n = a_tot + b_tot
    obs = np.array([[a, a_tot - a], [b, b_tot - b]], dtype=float)
    exp = obs.sum(1, keepdims=True) * obs.sum(0, keepdims=True) / n
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(obs.flat, exp.flat, strict=True) if o > 0)
    chi2 = float(((obs - exp) ** 2 / exp).sum())
    assert row["g2"] == pytest.approx(g2)
    assert row["chi2"] == pytest.approx(chi2)
    assert row["g2_p"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))
    assert row["log_ratio"] == pytest.approx(math.log2((a / a_tot) / (0.5 / b_tot)))
    # under-represented terms are negative and sorted last
    assert k.set_index("term").loc["ceasefire", "g2"] < 0
    assert k["g2"].is_monotonic_decreasing
    assert k.attrs == {"target_total": a_tot, "reference_total": b_tot}


def test_keyness_target_forms_agree() -> None:
    by_value = keywords.keyness(CORPUS, "X", by="outlet")
    by_ids = keywords.keyness(CORPUS, ["a", "b"])
    by_mask = keywords.keyness(CORPUS, CORPUS.outlet == "X")
    pd.testing.assert_frame_equal(by_value, by_ids)
    pd.testing.assert_frame_equal(by_value, by_mask)


@pytest.mark.parametrize("target,by", [("Z", "outlet"), (["a", "nope"], None),
                                       (["a", "b", "c", "d", "e"], None)])
def test_keyness_bad_targets_raise(target, by) -> None:
    with pytest.raises(InputError):
        keywords.keyness(CORPUS, target, by=by)

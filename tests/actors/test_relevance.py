"""diplomacy_score / about_diplomacy (issue #14): constructed texts, the codes fixture, a floor."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit import actors
from toolkit.actors._relevance import (
    DEFAULT_THRESHOLD,
    diplomacy_terms,
    estimate_precision_recall,
)

CODES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "diplomacy_codes"
#: Held-out figures reported in benchmarks/README.md ("Diplomacy subset"), minus this margin.
REPORTED = {"precision": 0.67, "recall": 0.86}
MARGIN = 0.03

TRAVEL = ("Top things to do in Dubai",
          "Dubai, the biggest city of the United Arab Emirates, has sunny beaches and tall towers. "
          "Visitors to the UAE love its malls. Hotels in Abu Dhabi are cheaper in summer. "
          "Book a desert safari before you fly home.")
TALKS = ("Iran and Saudi Arabia open talks in Oman",
         "Iran's foreign minister met his Saudi counterpart in Muscat for talks on Yemen. "
         "Oman offered to mediate between Tehran and Riyadh. "
         "The envoys agreed to meet again after a ceasefire in Yemen is in place.")


def _corpus(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "title", "text"])


def test_travel_article_naming_the_gulf_is_out_talks_article_is_in():
    corpus = _corpus(("travel", *TRAVEL), ("talks", *TALKS))
    scores = actors.diplomacy_score(corpus).set_index("doc_id")
    assert scores.loc["travel", "n_region_mentions"] >= 2          # about_region-style evidence
    assert scores.loc["travel", "n_cooccur_sentences"] == 0
    assert scores.loc["talks", "n_cooccur_sentences"] == 3
    assert scores.loc["travel", "score"] < DEFAULT_THRESHOLD <= scores.loc["talks", "score"]
    assert actors.about_diplomacy(corpus)["doc_id"].tolist() == ["talks"]
    assert list(actors.diplomacy_score(corpus).columns) == actors.RELEVANCE_COLUMNS


def test_the_title_counts():
    text = ("The ministers spoke for an hour. Turkey wants the talks to go on. "
            "Nothing was signed.")
    with_title = _corpus(("a", "Turkey and Russia hold talks on Syria", text))
    plain_title = _corpus(("a", "A long afternoon", text))
    no_title = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    s_with = actors.diplomacy_score(with_title).iloc[0]
    s_plain = actors.diplomacy_score(plain_title).iloc[0]
    s_none = actors.diplomacy_score(no_title).iloc[0]
    assert s_with["n_title_mentions"] == 2 and s_with["n_title_terms"] == 1  # Russia: no MENA
    assert s_plain["n_title_mentions"] == 0 and s_none["n_title_mentions"] == 0
    assert s_with["score"] >= s_plain["score"] + 2 and s_plain["score"] == s_none["score"]
    assert actors.about_diplomacy(with_title)["doc_id"].tolist() == ["a"]
    assert actors.about_diplomacy(plain_title).empty


def test_lede_counts_more_than_the_end():
    early = "Iran and Iraq signed a border agreement. " + "Nothing else happened here. " * 6
    late = "Nothing else happened here. " * 6 + "Iran and Iraq signed a border agreement."
    s = actors.diplomacy_score(pd.DataFrame({"doc_id": ["early", "late"], "text": [early, late]}))
    s = s.set_index("doc_id")
    assert s.loc["early", "n_lede_mentions"] == 2 and s.loc["late", "n_lede_mentions"] == 0
    assert s.loc["early", "score"] > s.loc["late", "score"]


def test_terms_wildcards_and_own_list():
    assert {"talks", "negotiat*", "ceasefire*"} <= diplomacy_terms()
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Negotiators from Egypt met. Egypt bakes."]})
    shipped = actors.diplomacy_score(corpus).iloc[0]
    own = actors.diplomacy_score(corpus, terms=["bake*"]).iloc[0]
    assert shipped["n_diplomacy_terms"] == 1 and shipped["n_cooccur_sentences"] == 1
    assert own["n_diplomacy_terms"] == 1 and own["n_cooccur_sentences"] == 1
    # "according" is no accord, a product recall no diplomatic recall
    text = "According to the shop, Egypt recalls its cheese."
    quiet = actors.diplomacy_score(pd.DataFrame({"doc_id": ["q"], "text": [text]})).iloc[0]
    assert quiet["n_diplomacy_terms"] == 0


def test_annotated_corpus_gives_the_same_scores():
    from toolkit.annotate import annotate

    corpus = _corpus(("travel", *TRAVEL), ("talks", *TALKS))
    plain = actors.diplomacy_score(corpus)
    annotated = actors.diplomacy_score(annotate(corpus, cache=False))
    pd.testing.assert_frame_equal(plain, annotated)


def test_empty_corpus_has_the_columns():
    empty = actors.diplomacy_score(pd.DataFrame({"doc_id": [], "text": []}))
    assert list(empty.columns) == actors.RELEVANCE_COLUMNS and empty.empty


def test_estimate_weights_strata_back_to_their_size():
    codes = pd.DataFrame({"doc_id": list("abcdef"), "stratum": ["in"] * 3 + ["out"] * 3,
                          "code": [1, 1, 0, 1, 0, 0]})
    # keep a and b (both relevant, "in"); d is relevant in the bigger "out" stratum
    r = estimate_precision_recall(codes, ["a", "b"], population={"in": 30, "out": 300})
    assert r["precision"] == 1.0
    assert r["recall"] == pytest.approx(20 / (20 + 100))
    unweighted = estimate_precision_recall(codes, ["a", "b"], population={"in": 3, "out": 3})
    assert unweighted["recall"] == pytest.approx(2 / 3)


# --- the hand-coded sample --------------------------------------------------------------------


@pytest.fixture(scope="module")
def codes() -> pd.DataFrame:
    return pd.read_csv(CODES_DIR / "codes.csv", dtype={"note": str})


def test_codes_fixture_is_well_formed(codes):
    assert list(codes.columns) == ["doc_id", "stratum", "split", "code", "borderline", "note"]
    assert codes["doc_id"].is_unique and len(codes) >= 240
    assert set(codes["code"]) == {0, 1} and set(codes["borderline"]) <= {0, 1}
    counts = codes.groupby(["stratum", "split"]).size().to_dict()
    assert counts == {("region", "dev"): 80, ("region", "heldout"): 40,
                      ("rest", "dev"): 80, ("rest", "heldout"): 40}
    assert codes["note"].notna().all() and (codes["note"].str.len() <= 120).all()
    ids = pd.read_csv(CODES_DIR / "sample_ids.csv")
    assert ids.set_index("doc_id").sort_index().equals(
        codes.set_index("doc_id")[["stratum", "split"]].sort_index())


@pytest.fixture(scope="module")
def default_corpus() -> pd.DataFrame:
    from toolkit.datasets import load_news_articles

    return load_news_articles()   # fetched by the set-up step; read from the cache here


def test_codes_ids_and_strata_match_the_default_corpus(codes, default_corpus):
    texts = default_corpus.set_index("doc_id")["text"].fillna("")
    assert codes["doc_id"].isin(texts.index).all()
    assert (texts[codes["doc_id"]].str.strip() != "").all()
    # about_region decides per article, so running it on the sample gives the strata
    sample = default_corpus[default_corpus["doc_id"].isin(codes["doc_id"])]
    region = set(actors.about_region(sample)["doc_id"])
    assert (codes["doc_id"].isin(region) == (codes["stratum"] == "region")).all()
    strata = pd.read_csv(CODES_DIR / "strata.csv").set_index("stratum")["population"]
    assert strata.sum() == (texts.str.strip() != "").sum()


def test_heldout_precision_recall_do_not_regress(codes, default_corpus):
    sample = default_corpus[default_corpus["doc_id"].isin(codes["doc_id"])]
    kept = set(actors.about_diplomacy(sample)["doc_id"])
    population = dict(pd.read_csv(CODES_DIR / "strata.csv").values.tolist())
    heldout = codes[codes["split"] == "heldout"]
    r = estimate_precision_recall(heldout, kept, population=population)
    assert r["precision"] >= REPORTED["precision"] - MARGIN, r
    assert r["recall"] >= REPORTED["recall"] - MARGIN, r

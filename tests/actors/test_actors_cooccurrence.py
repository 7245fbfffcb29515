"""Co-occurrence edge lists (their plots are tested in tests/plot/test_plot_actors.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.actors import cooccurrence, mentions
from toolkit.errors import SchemaError

TEXT = ("Iran and Iraq met. Iraq and Syria talked.\n\nIran thanked Iraq. Nobody else.\n\n"
        "Syria and Iran spoke.")


def test_sentence_counts_and_scores():
    e = cooccurrence(mentions(TEXT), corpus=TEXT).set_index(["actor_a", "actor_b"])
    # sentences: {Iran, Iraq}, {Iraq, Syria}, {Iran, Iraq}, {}, {Iran, Syria} -> 5 units
    row = e.loc[("Iran", "Iraq")]
    assert (row["count"], row["count_a"], row["count_b"], row["n_units"]) == (2, 3, 3, 5)
    assert row["pmi"] == pytest.approx(math.log2(2 * 5 / (3 * 3)))
    assert row["jaccard"] == pytest.approx(2 / 4)
    assert e.loc[("Iraq", "Syria"), "count"] == 1
    assert e["npmi"].min() >= -1 and e["npmi"].max() <= 1


def test_paragraph_and_document_units():
    m = mentions(TEXT)
    p = cooccurrence(m, unit="paragraph", corpus=TEXT)
    assert p.set_index(["actor_a", "actor_b"]).loc[("Iran", "Iraq"), "count"] == 2
    assert p["n_units"].iloc[0] == 3
    d = cooccurrence(m, unit="document")
    assert len(d) == 3 and (d["count"] == 1).all()


def test_unit_ids_carried_in_mentions():
    m = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence": [0, 0, 1],
                      "actor": ["Iran", "Iraq", "Iran"]})
    e = cooccurrence(m)
    assert e[["actor_a", "actor_b", "count", "n_units"]].values.tolist() == [
        ["Iran", "Iraq", 1, 2]]


def test_sentence_without_texts_is_an_error():
    with pytest.raises(SchemaError, match="corpus="):
        cooccurrence(mentions(TEXT))
    with pytest.raises(ValueError, match="unit"):
        cooccurrence(mentions(TEXT), unit="page", corpus=TEXT)


def test_page_lead_actors_strongest(web_page):
    from toolkit.corpus import read_article

    text = read_article(web_page.raw)["text"]
    for unit in ("sentence", "paragraph"):
        e = cooccurrence(mentions(text), unit=unit, corpus=text)
        top = e.iloc[0]
        assert {top["actor_a"], top["actor_b"]} == set(web_page.lead_actors)
        assert top["count"] > e["count"].iloc[1]

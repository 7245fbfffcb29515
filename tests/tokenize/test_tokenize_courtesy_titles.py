"""Courtesy titles are news stopwords with or without the abbreviation period (issue #14.3)."""

from __future__ import annotations

import pandas as pd

import toolkit.keywords as kw
import toolkit.tokenize as tt

TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr")


def test_courtesy_titles_are_stopwords_with_and_without_period():
    text = " ".join(f"{title} Roe met the envoy." for title in TITLES)
    tokens = tt.tokenize(text)
    flagged = tokens[tokens["token"].isin(TITLES)]
    assert len(flagged) == len(TITLES)
    assert flagged["is_stop"].all()
    assert {"mr.", "mr"} <= tt.stopwords("news") and "mr." not in tt.stopwords("en")
    # Only the news list holds them: with the English list alone they count as words.
    alone = tt.tokenize(text, stopwords="stopwords")
    assert not alone[alone["token"].isin(TITLES)]["is_stop"].any()


def test_house_style_title_does_not_lead_an_outlets_keyness():
    # Outlet A writes "Mr. Roe" for every named man, B writes "Roe": the title is style.
    names = ["Roe", "Doe", "Poe", "Loe", "Moe", "Hoe"]
    rows = []
    for i, name in enumerate(names * 2):
        rows.append(("A", f"a{i}", f"Mr. {name} spoke about the ceasefire. Mr. {name} left."))
        rows.append(("B", f"b{i}", f"{name} spoke about the pipeline. {name} left."))
    corpus = pd.DataFrame(rows, columns=["outlet", "doc_id", "text"])
    key = kw.keyness(corpus, target=corpus["outlet"] == "A")
    assert "mr." not in set(key["term"])
    assert key["term"].iloc[0] == "ceasefire"
    top = kw.frequencies(corpus[corpus["outlet"] == "A"])
    assert "mr." not in set(top["term"]) and "mr" not in set(top["term"])

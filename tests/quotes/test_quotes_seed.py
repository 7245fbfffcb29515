"""The seed article: who said what, with computed offsets (issue #5, point 3)."""

from __future__ import annotations

import pytest

from toolkit import quotes


@pytest.fixture(scope="module")
def seed_text(seed_raw: str) -> str:
    try:
        from toolkit.corpus import read_article
    except ImportError:  # until the corpus package ships read_article
        return seed_raw
    return read_article(seed_raw)["text"]


@pytest.fixture(scope="module")
def seed_quotes(seed_text: str):
    return quotes.extract(seed_text)


def _row_containing(df, text: str, phrase: str):
    start = text.index(phrase)
    end = start + len(phrase)
    hits = df[(df["start"] <= start) & (df["end"] >= end)]
    assert len(hits) >= 1, f"no attribution covers {phrase!r}"
    # the narrowest span that covers the phrase
    return hits.loc[(hits["end"] - hits["start"]).idxmin()]


def test_offsets_point_into_the_text(seed_text, seed_quotes):
    assert len(seed_quotes) > 0
    for r in seed_quotes.itertuples():
        assert seed_text[r.start : r.end] == r.text
        assert seed_text[r.cue_start : r.cue_end] == r.cue
        assert seed_text[r.speaker_start : r.speaker_end] == r.speaker


def test_direct_quote_of_araghchi(seed_text, seed_quotes):
    phrase = "The relations between the two countries are strategic and privileged"
    row = _row_containing(seed_quotes, seed_text, phrase)
    assert row["kind"] == "direct"
    assert row["text"].startswith("“") and row["text"].endswith("”")
    assert row["speaker"] == "He"
    assert row["cue"] == "remarked"
    assert row["speaker_name"] == "Abbas Araghchi"
    assert row["speaker_role"] == "Deputy Foreign Minister"
    assert row["speaker_affiliation"] == "Iran"


@pytest.mark.parametrize(
    "phrase",
    [
        "Iraq views Iran’s security as intertwined with its own",
        "any actions threatening Iran’s security will be countered",
    ],
)
def test_indirect_quotes_of_al_araji(seed_text, seed_quotes, phrase):
    row = _row_containing(seed_quotes, seed_text, phrase)
    assert row["kind"] == "indirect"
    assert row["speaker_name"] == "Othman Al-Araji"
    assert row["speaker_role"] in {"Interior Minister", "Minister of Interior"}
    assert row["speaker_affiliation"] == "Iraq"


def test_expressed_hope_is_araghchi(seed_text, seed_quotes):
    row = _row_containing(seed_quotes, seed_text, "improved stability along the borders")
    assert row["kind"] == "indirect"
    assert row["cue"] == "expressed hope"
    assert row["speaker_name"] == "Abbas Araghchi"
    assert row["speaker_affiliation"] == "Iran"


def test_surname_resolves_to_full_name(seed_text, seed_quotes):
    row = _row_containing(seed_quotes, seed_text, "the significance of enhancing")
    assert row["speaker"] == "Araghchi"
    assert row["speaker_name"] == "Abbas Araghchi"

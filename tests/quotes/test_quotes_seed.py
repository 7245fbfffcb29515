"""Who said what on a web page, with computed offsets (issue #5, point 3).

The generic checks run on both pages of ``web_page`` (the repository's own page and the seed
article); the exact expectations are written for the repository's own page only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit import quotes
from toolkit.corpus import read_article

OWN_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "web_page_article.txt"
PRONOUNS = {"he", "she", "they", "it"}


@pytest.fixture(scope="module")
def seed_text(seed_raw: str) -> str:
    return read_article(seed_raw)["text"]


@pytest.fixture(scope="module")
def seed_quotes(seed_text: str):
    # these tests are about speakers: the pages' noun-object stances ("expressed hope for ...")
    # are attributions only in the PARC-style reading (cue_gate=False; issue #12)
    return quotes.extract(seed_text, cue_gate=False)


@pytest.fixture(scope="module")
def own_text() -> str:
    return read_article(OWN_PAGE.read_text(encoding="utf-8"))["text"]


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
        assert seed_text[r.start : r.end] == r.quote
        assert seed_text[r.cue_start : r.cue_end] == r.cue
        assert seed_text[r.speaker_start : r.speaker_end] == r.speaker


def test_every_quotation_is_a_direct_quote_with_a_named_official(seed_text, seed_quotes):
    quoted = list(re.finditer(r"“[^”]*”", seed_text))
    assert quoted
    for m in quoted:
        row = _row_containing(seed_quotes, seed_text, m.group())
        assert row["kind"] == "direct"
        assert row["quote"] == m.group()
        name = row["speaker_name"]
        assert isinstance(name, str) and len(name.split()) >= 2 and name in seed_text
        assert isinstance(row["speaker_role"], str) and row["speaker_role"] in seed_text
        assert isinstance(row["speaker_affiliation"], str) and row["speaker_affiliation"]


def test_pronoun_speakers_resolve_to_a_full_name_in_the_text(seed_text, seed_quotes):
    he = seed_quotes[seed_quotes["speaker"].str.lower().isin({"he", "she"})]
    assert len(he) >= 2
    for name in he["speaker_name"]:
        assert isinstance(name, str) and name.lower() not in PRONOUNS
        assert len(name.split()) >= 2 and name in seed_text


def test_surnames_resolve_to_the_full_name(seed_text, seed_quotes):
    people = seed_quotes.dropna(subset=["speaker_name", "speaker_role"])  # officials, not states
    full = {n.split()[-1]: n for n in people["speaker_name"] if len(n.split()) >= 2}
    bare = seed_quotes[seed_quotes["speaker"].isin(full)]
    assert len(bare) >= 1
    for row in bare.itertuples():
        assert row.speaker_name == full[row.speaker]


def test_own_page_direct_quote(own_text):
    q = quotes.extract(own_text)
    row = _row_containing(q, own_text, "Our two countries share one fate")
    assert row["kind"] == "direct"
    assert row["quote"].startswith("“") and row["quote"].endswith("”")
    assert (row["speaker"], row["cue"]) == ("He", "said")
    assert row["speaker_name"] == "Ayman Safadi"
    assert row["speaker_role"] == "Foreign Minister"
    assert row["speaker_affiliation"] == "Jordan"


@pytest.mark.parametrize(
    ("phrase", "cue", "name", "affiliation", "gate"),
    [
        ("Egypt regards Jordan’s security as part", "stressed", "Sameh Shoukry", "Egypt", True),
        ("any attempt to displace Palestinians", "stating", "Sameh Shoukry", "Egypt", True),
        # a noun object only: an attribution in the PARC-style reading alone (issue #12)
        ("a steady flow of aid", "expressed hope", "Ayman Safadi", "Jordan", False),
        ("the depth of the ties", "underlined", "Ayman Safadi", "Jordan", False),
    ],
)
def test_own_page_indirect_quotes(own_text, phrase, cue, name, affiliation, gate):
    row = _row_containing(quotes.extract(own_text, cue_gate=gate), own_text, phrase)
    assert row["kind"] == "indirect"
    assert row["cue"] == cue
    assert row["speaker_name"] == name
    assert row["speaker_affiliation"] == affiliation

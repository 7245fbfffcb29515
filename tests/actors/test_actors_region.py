"""about_region / region_mentions: articles about the Middle East, counted from mentions."""

import pandas as pd
import pytest

from toolkit import actors


def test_region_filter_counts_mentions_of_the_region():
    corpus = pd.DataFrame({
        "doc_id": ["mena", "once", "europe"],
        "text": ["Iran and Iraq met in Baghdad; Syria sent an envoy.",
                 "The senator spoke about taxes, and once about Iran.",
                 "France and Germany met in Paris and Berlin."],
    })
    counts = actors.region_mentions(actors.mentions(corpus))
    assert counts["mena"] >= 4 and counts["once"] == 1 and "europe" not in counts
    assert actors.about_region(corpus)["doc_id"].tolist() == ["mena"]
    assert actors.about_region(corpus, min_mentions=1)["doc_id"].tolist() == ["mena", "once"]


def test_unknown_region_is_an_error():
    with pytest.raises(ValueError, match="regions"):
        actors.region_countries("Atlantis")

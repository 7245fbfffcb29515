"""Actors on a web page (the repository's own page and the seed article), offsets computed."""

from __future__ import annotations

import re

from toolkit.actors import mentions
from toolkit.corpus import read_article


def test_page_mentions(web_page):
    text = read_article(web_page.raw)["text"]
    m = mentions(text)
    for row in m.itertuples():
        assert text[row.start : row.end] == row.surface
    assert web_page.lead_actors <= set(m["actor"])
    # The lead actors are the most mentioned ones.
    counts = m["actor"].value_counts()
    assert set(counts.index[: len(web_page.lead_actors)]) == set(web_page.lead_actors)
    # State-media labels are recognised as such.
    israel = m[m["surface"] == "Zionist regime"]
    assert len(israel) >= 1
    assert set(israel["actor"]) == {"Israel"} and set(israel["label_type"]) == {"state_media"}


def test_in_quote_marks_mentions_inside_quotations(web_page):
    text = read_article(web_page.raw)["text"]
    m = mentions(text)
    quoted = [q.span() for q in re.finditer(r"“[^”]*”", text)]
    assert quoted
    inside = [any(s <= r.start and r.end <= e for s, e in quoted) for r in m.itertuples()]
    assert sum(inside) >= 2, "the quotation names at least two actors"
    assert m["in_quote"].tolist() == inside

"""The seed article: the actors the issue names are found, with offsets into the text."""

from __future__ import annotations

from toolkit.actors import mentions


def _seed_text(seed_raw: str) -> str:
    try:
        from toolkit.corpus import read_article
    except ImportError:  # the corpus reader is written in parallel; fall back to the raw page
        return seed_raw
    return read_article(seed_raw)["text"]


def test_seed_mentions(seed_raw):
    text = _seed_text(seed_raw)
    m = mentions(text)
    for row in m.itertuples():
        assert text[row.start : row.end] == row.surface
    actors = set(m["actor"])
    assert {"Iran", "Iraq", "Gaza Strip", "Lebanon", "Israel", "Kurdistan Region of Iraq"} <= actors
    israel = m[m["actor"] == "Israel"]
    assert israel["surface"].tolist() == ["Zionist regime"]
    assert israel["label_type"].tolist() == ["state_media"]
    # the one direct quotation in the article names Iraq and Iran
    start = text.index("“The relations")
    end = text.index("”", start)
    inside = m[(m["start"] > start) & (m["end"] < end)]
    assert len(inside) >= 2 and inside["in_quote"].all()
    assert not m.loc[m["start"] < start, "in_quote"].any()

"""keywords.extract on an annotated corpus gives what it gives on the corpus."""

from __future__ import annotations

import toolkit.keywords as kw
from toolkit.annotate import annotate

TEXTS = [
    "An oil spill hit Prince William Sound. Cleanup crews fought the oil spill for weeks.",
    "Iran and Iraq signed a border agreement. The border agreement ends a long dispute.",
]


def test_extract_reads_annotated_texts():
    ac = annotate(TEXTS, cache=False)
    for method in ("newsrank2", "tfidf"):
        plain = kw.extract(TEXTS, top_k=3, method=method)
        assert len(plain) == 6
        assert kw.extract(ac, top_k=3, method=method).equals(plain)
    assert kw.extract(TEXTS, top_k=3, reference=ac).equals(
        kw.extract(TEXTS, top_k=3, reference=TEXTS))


def test_annotated_layer_is_read_not_reparsed(monkeypatch):
    """An annotated corpus is read from its layer: the keyword tokenizer is not called
    (except for hard-wrapped text), and hyphenated words stay whole as in a parse."""
    from toolkit.keywords import _extract

    texts = ["The wildlife-rich coast of Oman drew envoys. Envoys from Oman met in Muscat."]
    ac = annotate(texts, cache=False)
    expected = kw.extract(texts, top_k=5)

    def fail(text):
        raise AssertionError("parse() called on an annotated document")

    monkeypatch.setattr(_extract, "parse", fail)
    got = kw.extract(ac, top_k=5)
    assert got.equals(expected)
    assert "wildlife-rich coast" in got.phrase.tolist()

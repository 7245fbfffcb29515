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

"""The seed article: sentences and tokens on real news text (offsets computed, not typed in)."""

from __future__ import annotations

import pytest

from toolkit.tokenize import sentence_spans, token_spans, tokenize


@pytest.fixture(scope="module")
def seed_text(seed_raw: str) -> str:
    try:
        from toolkit.corpus import read_article
    except ImportError:  # the corpus reader is not there yet: the raw page is news text too
        return seed_raw
    article = read_article(seed_raw)
    return article["text"] if isinstance(article, dict) else article


def test_quote_closing_sentence_stays_whole(seed_text):
    sents = [seed_text[s:e] for s, e in sentence_spans(seed_text)]
    quoted = [s for s in sents if "“" in s]
    assert quoted, "the seed article has a quotation"
    for sent in quoted:
        # the opening quote and its closing quote are in the same sentence
        assert sent.count("“") == sent.count("”")
        assert sent.endswith(("”", ".", "?", "!"))


def test_sentences_are_trimmed_and_end_properly(seed_text):
    spans = sentence_spans(seed_text)
    assert len(spans) > 10
    for s, e in spans:
        sent = seed_text[s:e]
        assert sent == sent.strip()
        # a sentence either ends with end punctuation or is a whole line (headline, byline)
        line_end = e == len(seed_text) or seed_text[e] == "\n"
        assert sent[-1] in ".?!”\"'*→" or line_end, sent


def test_possessives_and_names(seed_text):
    tokens = [seed_text[s:e] for s, e in token_spans(seed_text)]
    i = tokens.index("Iran’s") if "Iran’s" in tokens else None
    assert i is None, "curly possessive must be split"
    pairs = list(zip(tokens, tokens[1:], strict=False))
    assert ("Iran", "’s") in pairs
    assert "Al-Araji" in tokens  # names with the Arabic article stay whole
    df = tokenize(seed_text, mwe=True)
    assert {"deputy foreign minister", "kurdistan region"} <= set(df["norm"])
    for row in df.itertuples():
        assert seed_text[row.start : row.end] == row.token

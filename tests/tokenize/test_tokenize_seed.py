"""The seed article: sentences and tokens on real news text (offsets computed, not typed in)."""

from __future__ import annotations

import re

import pytest

from toolkit.tokenize import sentence_spans, token_spans, tokenize
from toolkit.tokenize._data import read_lines


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


def _listed_mwes(text: str) -> set[str]:
    """Listed multiword expressions in ``text``, longest first, not overlapping (computed here)."""
    listed = sorted({m.lower() for m in read_lines("mwe_en.txt")}, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    found = set()
    for mwe in listed:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, mwe.split())) + r"(?![\w-])"
        for m in re.finditer(pattern, text, flags=re.I):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append(m.span())
                found.add(mwe)
    return found


def test_possessives_and_names(seed_text):
    tokens = [seed_text[s:e] for s, e in token_spans(seed_text)]
    possessives = re.findall(r"(\w+)’s\b", seed_text)
    assert possessives, "the page has curly possessives"
    assert not any(t.endswith("’s") and len(t) > 2 for t in tokens), "split curly possessives"
    pairs = set(zip(tokens, tokens[1:], strict=False))
    for word in possessives:
        assert (word, "’s") in pairs
    names = re.findall(r"\b[Aa]l-[A-Z]\w+", seed_text)
    assert names, "the page has a name with the Arabic article"
    assert set(names) <= set(tokens)  # names with the Arabic article stay whole
    df = tokenize(seed_text, mwe=True)
    expected = _listed_mwes(seed_text)
    assert len(expected) >= 2
    assert expected <= set(df["norm"])
    for row in df.itertuples():
        assert seed_text[row.start : row.end] == row.token

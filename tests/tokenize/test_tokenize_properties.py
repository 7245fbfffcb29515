"""Property tests: for any string, spans are sorted, disjoint, in bounds and cover the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.tokenize import paragraph_spans, sentence_spans, token_spans, tokenize

# Pieces that exercise the special cases: abbreviations, quotes, clitics, URLs, numbers,
# ellipses, emoticons, Arabic/Persian script and bidi marks.
PIECES = [
    "U.S.", "Dr.", "Lt. Col.", "No. 10", "e.g.", "etc.", "A.", "Iran’s", "don't", "can’t",
    "Al-Araji", "al-Sadr", "non-official", "10,080,000", "1.2", "987-foot", "24-hour",
    "http://x.org/a?b=1.", "me@x.com", "#Iran", "@un", "...", "…", "--", "—", ":)", "[6]",
    "\"", "“", "”", "‘", "’", "'", "(", ")", ".", "!", "?", "?!", ",", ";", ":", "-",
    "The", "he", "said", "gonna", "cannot", "ایران", "العراق", "\u200f", "\u200e", "\u200b",
    " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)


def check_spans(text: str, spans: list[tuple[int, int]], *, no_inner_space: bool) -> None:
    prev_end = 0
    covered = [False] * len(text)
    for start, end in spans:
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= prev_end <= start < end <= len(text)
        piece = text[start:end]
        assert not piece[0].isspace() and not piece[-1].isspace()
        if no_inner_space:
            assert not any(ch.isspace() for ch in piece), piece
        for i in range(start, end):
            covered[i] = True
        prev_end = end
    missing = [ch for ch, c in zip(text, covered, strict=True) if not c and not ch.isspace()]
    assert not missing, missing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_token_spans_cover_text(text):
    check_spans(text, token_spans(text), no_inner_space=True)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_sentence_spans_cover_text(text):
    check_spans(text, sentence_spans(text), no_inner_space=False)
    check_spans(text, sentence_spans(text, newlines="space"), no_inner_space=False)
    check_spans(text, paragraph_spans(text), no_inner_space=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_sentences_contain_whole_tokens(text):
    """No token straddles a sentence boundary, so sentences and tokens nest."""
    sents = sentence_spans(text)
    for start, end in token_spans(text):
        assert any(s <= start and end <= e for s, e in sents), text[start:end]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_tokenize_rows_point_back_to_text(text):
    df = tokenize(text, mwe=True)
    for row in df.itertuples():
        assert text[row.start : row.end] == row.token
    assert list(df["tok_id"]) == list(range(len(df)))
    assert df["sent_id"].is_monotonic_increasing and df["start"].is_monotonic_increasing

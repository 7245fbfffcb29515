"""News-text cases from issue #3: each example is checked against offsets computed from it."""

from __future__ import annotations

import pytest

from toolkit.tokenize import paragraph_spans, sentence_spans, token_spans, tokenize


def sents(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, **kw)]


def toks(text: str) -> list[str]:
    return [text[s:e] for s, e in token_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lt. Col. Ali met Gen. Soleimani. Talks ended.", 2),
        ("The U.S. and the U.N. met on Jan. 5 in No. 10 Downing St. for hours.", 1),
        ("He lives in the U.S. He works in Iraq.", 2),
        ("Dr. J. R. Smith arrived. He spoke.", 2),
        ('"We will respond," he said. "The talks are over."', 2),
        ('"Why?" he asked. "Because," she said.', 2),
        ("It rose 1.2 percent to 10,080,000. Prices fell.", 2),
        ("The talks … failed. Then what?", 2),
        ("Wait... what happened?", 1),
        ("Title line\nFirst paragraph. Second sentence.\n\nNext paragraph", 4),
        ("Britain's U.N. Ambassador Mark Lyall Grant spoke. He left.", 2),
        ("Sen. Robert P. Casey Jr. and Susan E. Rice agreed. Talks resumed.", 2),
        ("We need Plan B. The rest failed.", 2),
        ("See p. 5 and No. 10 for details.", 1),
        ("It was ok. Then he fell ill. She came.", 3),
        ("Great :) See you. Bye :( Later >> Next", 5),
    ],
)
def test_sentence_counts(text, expected):
    got = sents(text)
    assert len(got) == expected, got


def test_paragraph_breaks_end_sentences_and_newline_option():
    text = "Headline without stop\nBody sentence one. Body two.\n\nSecond para"
    assert sents(text)[0] == "Headline without stop"
    assert sents(text, newlines="space")[0] == "Headline without stop\nBody sentence one."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Headline without stop\nBody sentence one. Body two.",
        "Second para",
    ]
    with pytest.raises(ValueError, match="newlines"):
        sentence_spans(text, newlines="maybe")


def test_closing_quote_and_citation_stay_with_sentence():
    text = 'He said, "It is over." [3] Then he left :) Really.'
    got = sents(text)
    assert got[0] == 'He said, "It is over." [3]'


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran’s", ["Iran", "’s"]),
        ("Iran's", ["Iran", "'s"]),
        ("don't", ["do", "n't"]),
        ("can’t", ["ca", "n’t"]),
        ("I'm", ["I", "'m"]),
        ("O'Neill", ["O'Neill"]),
        ("Al-Araji", ["Al-Araji"]),
        ("Moqtada al-Sadr said", ["Moqtada", "al-Sadr", "said"]),
        ("all-time", ["all", "-", "time"]),
        ("non-official", ["non-official"]),
        ("Anti-U.S. rally", ["Anti", "-", "U.S.", "rally"]),
        ("987-foot", ["987", "-", "foot"]),
        ("10,080,000", ["10,080,000"]),
        ("1.2%", ["1.2", "%"]),
        ("U.S.", ["U.S."]),
        ("Dr. Ali", ["Dr.", "Ali"]),
        ("No. 10", ["No.", "10"]),
        ("said no.", ["said", "no", "."]),
        ("https://www.irna.ir/news/1234.html.", ["https://www.irna.ir/news/1234.html", "."]),
        ("press@mfa.gov.ir,", ["press@mfa.gov.ir", ","]),
        ("#IranTalks", ["#IranTalks"]),
        ("wait...", ["wait", "..."]),
        ("war—peace", ["war", "—", "peace"]),
        ("yes--no", ["yes", "--", "no"]),
        ("“Yes,” he", ["“", "Yes", ",", "”", "he"]),
        ("gonna", ["gon", "na"]),
        ("cannot", ["can", "not"]),
        ("08:30", ["08:30"]),
        ("the 1990's", ["the", "1990's"]),
        ("می\u200cخواهیم مذاکره", ["می\u200cخواهیم", "مذاکره"]),  # Persian ZWNJ inside a word
    ],
)
def test_token_cases(text, expected):
    assert toks(text) == expected


def test_rtl_and_arabic_do_not_crash():
    text = "قال عراقجي\u200f: «العلاقات استراتيجية». وزير الخارجية الإيراني\u200e Araghchi said."
    spans = token_spans(text)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)
    assert sentence_spans(text)
    assert len(tokenize(text)) == len(spans)


def test_non_string_input_is_an_error():
    with pytest.raises(TypeError, match="expected a str"):
        token_spans(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a str"):
        sentence_spans(3)  # type: ignore[arg-type]

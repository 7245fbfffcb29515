"""Quotes read the one tokenizer (issue #11): the annotate layer's tokens and sentences, stored
once; an annotated corpus is never tokenized again."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit.annotate._annotate as annotate_module
import toolkit.tokenize._spans as spans_module
from toolkit import quotes
from toolkit.annotate import annotate, annotate_text
from toolkit.datasets import load_sample
from toolkit.quotes._doc import QuoteDoc, word_spans

ENTRY_POINTS = [
    (spans_module, "token_spans"), (spans_module, "sentence_spans"),
    (spans_module, "paragraph_spans"), (spans_module, "token_spans_between"),
    (annotate_module, "token_spans"), (annotate_module, "sentence_spans"),
    (annotate_module, "paragraph_spans"), (annotate_module, "annotate_text"),
]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return load_sample()


def _fail(*args, **kwargs):
    raise AssertionError("tokenized again")


def test_annotated_corpus_is_not_tokenized_again(sample, monkeypatch):
    ac = annotate(sample, cache=False)
    expected = quotes.extract(sample, warn=False)
    assert len(expected) > 10
    for module, name in ENTRY_POINTS:
        monkeypatch.setattr(module, name, _fail)
    pd.testing.assert_frame_equal(quotes.extract(ac, warn=False), expected)
    monkeypatch.setenv("DCT_NO_CACHE", "1")  # a plain corpus, not read from the disk cache
    with pytest.raises(AssertionError, match="tokenized again"):  # the patches do bite
        quotes.extract(sample, warn=False)


def test_plain_corpus_is_annotated_once(sample, monkeypatch):
    monkeypatch.setenv("DCT_NO_CACHE", "1")
    calls: list[str] = []
    real = annotate_module.annotate_text

    def counting(text, **kwargs):
        calls.append(kwargs.get("doc_id"))
        return real(text, **kwargs)

    monkeypatch.setattr(annotate_module, "annotate_text", counting)
    df = quotes.extract(sample, warn=False)
    assert sorted(calls) == sorted(sample["doc_id"].tolist())
    assert set(df["doc_id"]) <= set(calls)


def test_word_view_joins_layer_tokens_only():
    text = ("Trump's aides said Petraeus' notes didn't matter, Ban Ki-moon told "
            "Sen. Chuck Grassley (R-Iowa) -- ''yes'' ... 'Maybe'.")
    layer = annotate_text(text)
    starts, ends = layer.start.tolist(), layer.end.tolist()
    view = word_spans(text, starts, ends)
    words = [text[s:e] for s, e in view]
    assert "Trump's" in words and "Petraeus'" in words and "didn't" in words
    assert "Ki-moon" in words and "R-Iowa" in words
    assert {"--", "''", "...", "Maybe"} <= set(words)  # a closing quote is no possessive
    # every token of the view is a run of adjacent layer tokens
    assert {s for s, _ in view} <= set(starts) and {e for _, e in view} <= set(ends)
    assert len(view) < len(starts)


def test_quote_doc_reads_the_layer():
    text = "“We agree,” Zarif's deputy said. Talks resume."
    layer = annotate_text(text, doc_id="d")
    doc = QuoteDoc("d", text, layer=layer)
    assert [text[s:e] for s, e in doc.units] == [text[s:e] for s, e, _ in layer.sent_spans]
    assert [t.text for t in doc.toks][5:7] == ["Zarif's", "deputy"]


def test_two_apostrophe_quote_before_the_cue():
    # TeX-style marks are one layer token: the inverted order still reads them as a closing mark
    df = quotes.extract("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.")
    assert df["rule"].tolist() == ["content-cue-speaker"]
    assert df["speaker"].tolist() == ["Douglas Holtz-Eakin"]

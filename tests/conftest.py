"""Shared test fixtures: where ``../shared`` is, and the web pages the core is tested on.

Tests that need ``../shared`` (evaluation sets, real corpora, the seed article) skip with a
reason naming the missing file when it is absent, as in a user's fresh clone. With
``DCT_REQUIRE_SHARED=1`` (CI's second run) a missing file fails the test instead.

Every test that reads a web page (``web_page`` or ``seed_raw``) runs twice: on
``tests/fixtures/pages/web_page_article.txt``, a page written for these tests with the same
structures as the seed article (title, lede, body with curly quotes, "Original Source" line,
author bio, comment form), and on the seed article itself when ``../shared`` is there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("DCT_SHARED", REPO.parent / "shared"))
SEED_PATH = SHARED / "seeds" / "000_af3e30dc651e5e02.txt"
OWN_PAGE_PATH = FIXTURES / "pages" / "web_page_article.txt"


def require_shared() -> bool:
    """True when a missing ``../shared`` file must fail the test (``DCT_REQUIRE_SHARED=1``)."""
    return os.environ.get("DCT_REQUIRE_SHARED", "") not in ("", "0")


def need_shared(*parts: str) -> Path:
    """The path ``SHARED/parts...``; skip (or fail, when required) when it does not exist.

    Use in tests and fixtures: ``need_shared("eval", "ud", "en_gum-ud-dev.conllu")``.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = (
            f"needs {path}: ../shared is not beside the repository "
            "(set DCT_SHARED to its folder)"
        )
        if require_shared():
            pytest.fail(f"DCT_REQUIRE_SHARED=1 but it is missing: {message}")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``../shared`` folder (override with ``DCT_SHARED``)."""
    return need_shared()


@dataclass(frozen=True)
class WebPage:
    """A web page as a user copies it, with what the tests may expect of it.

    Only facts are written here (which actors the page is about), never the page's text:
    the seed article must not be copied into the repository.
    """

    name: str
    raw: str
    lead_actors: frozenset[str]


def _page(name: str) -> WebPage:
    if name == "own":
        raw = OWN_PAGE_PATH.read_text(encoding="utf-8")
        return WebPage(name, raw, frozenset({"Jordan", "Egypt"}))
    path = need_shared("seeds", SEED_PATH.name)
    return WebPage(name, path.read_text(encoding="utf-8"), frozenset({"Iran", "Iraq"}))


@pytest.fixture(scope="session", params=["own", "seed"])
def web_page(request: pytest.FixtureRequest) -> WebPage:
    """Each web page in turn: the repository's own fixture page, then the seed article."""
    return _page(request.param)


@pytest.fixture(scope="session")
def seed_raw(web_page: WebPage) -> str:
    """The raw page (boilerplate included) of ``web_page``: runs on both pages."""
    return web_page.raw


@pytest.fixture(scope="session")
def shared_file():
    """``shared_file("corpora", "x.jsonl.gz")``: a path in ``../shared``, or skip naming it."""
    return need_shared

"""The on-disk cache of annotations: hits, damaged entries, switches and keys."""

from __future__ import annotations

import marshal

import pytest

import toolkit.annotate._annotate as layer
from toolkit.annotate import annotate, cache_path, config_fingerprint

TEXTS = ['Iran said: "Talks resume."\n\nIraq agreed.', "The U.S. envoy left at 10:30."]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    return tmp_path


def _forbid_computing(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("annotated again instead of reading the cache")

    monkeypatch.setattr(layer, "annotate_text", fail)


def test_cache_hit_returns_equal_docs_without_computing(cache_home, monkeypatch):
    cold = annotate(TEXTS)
    paths = [cache_path(t) for t in TEXTS]
    assert all(p.is_file() for p in paths)
    assert all(cache_home in p.parents for p in paths)
    _forbid_computing(monkeypatch)
    warm = annotate(TEXTS)
    assert list(warm) == list(cold)
    assert warm.tokens.equals(cold.tokens) and warm.quote_marks.equals(cold.quote_marks)


def test_same_text_other_id_gets_its_own_id(cache_home):
    import pandas as pd

    annotate(pd.DataFrame({"doc_id": ["a"], "text": [TEXTS[0]]}))
    again = annotate(pd.DataFrame({"doc_id": ["b"], "text": [TEXTS[0]]}))
    assert again.doc_ids == ["b"] and set(again.tokens["doc_id"]) == {"b"}


def _as_entry_of(other, path) -> bytes:
    fmt, _, arrays = marshal.loads(other.read_bytes())
    return marshal.dumps((fmt, path.stem, arrays))


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"not a cache entry"),
        lambda p: p.write_bytes(p.read_bytes()[:40]),
        lambda p: p.write_bytes(b""),
        # well-formed but for another text: offsets run past this text
        lambda p: p.write_bytes(_as_entry_of(cache_path("x" * 500), p)),
        lambda p: p.write_bytes(marshal.dumps((1, p.stem, ("wrong",)))),
    ],
)
def test_damaged_entry_is_recomputed_and_rewritten(cache_home, damage):
    annotate(["x" * 500])
    good = annotate([TEXTS[0]], cache=False)
    path = cache_path(TEXTS[0])
    annotate([TEXTS[0]])
    damage(path)
    again = annotate([TEXTS[0]])
    assert list(again) == list(good)
    assert layer._read_cached(path, "doc0", TEXTS[0]) == good["doc0"]  # rewritten whole


def test_switches_turn_the_cache_off(cache_home, monkeypatch):
    annotate(TEXTS, cache=False)
    assert not (cache_home / "results").exists()
    monkeypatch.setenv("DCT_NO_CACHE", "1")
    annotate(TEXTS)
    assert not (cache_home / "results").exists()


def test_key_holds_version_and_options(cache_home):
    from toolkit import __version__

    assert config_fingerprint().startswith(f"toolkit-{__version__}-")
    assert config_fingerprint("break") != config_fingerprint("space")
    assert cache_path(TEXTS[0]) != cache_path(TEXTS[0], newlines="space")
    assert cache_path(TEXTS[0]) != cache_path(TEXTS[1])
    spaced = annotate(["One line\nand the next."], newlines="space")
    broken = annotate(["One line\nand the next."])
    assert len(spaced.sentences) == 1 and len(broken.sentences) == 2


def test_unwritable_cache_still_annotates(cache_home, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(type(cache_home), "mkdir", refuse)
    ac = annotate(TEXTS)
    assert len(ac.tokens) > 10
    assert not any(cache_home.rglob("*.tmp"))

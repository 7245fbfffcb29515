"""toolkit.cache: results are reused for the same input, recomputed for another, cleared."""

from __future__ import annotations

import os
import pickle
import warnings

import pandas as pd
import pytest

from toolkit import cache
from toolkit.errors import ToolkitWarning

CALLS: list[int] = []


@cache.cached
def _count_words(corpus: pd.DataFrame, *, lower: bool = True) -> pd.DataFrame:
    CALLS.append(1)
    words = corpus["text"].str.lower() if lower else corpus["text"]
    return words.str.split().explode().value_counts().rename_axis("word").reset_index()


def test_cache_reuses_and_keys_on_input_and_parameters(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iran and Iraq", "Iraq talks"]})
    first = _count_words(df)
    again = _count_words(df.copy())
    assert len(CALLS) == 1 and first.equals(again)
    _count_words(df, lower=False)
    _count_words(df.assign(text=["Iran and Iraq", "Iraq talks!"]))
    assert len(CALLS) == 3
    assert cache.cache_dir() == tmp_path / "results"
    assert cache.clear() > 0
    assert not (tmp_path / "results").exists()
    _count_words(df)
    assert len(CALLS) == 4


def test_cache_can_be_switched_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("DCT_NO_CACHE", "1")
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    _count_words(df)
    _count_words(df)
    assert len(CALLS) == 2 and not (tmp_path / "results").exists()


def _entries(root) -> list:
    return sorted(p for p in root.rglob("*.pkl") if not p.name.startswith("."))


def _forge(payload: object) -> bytes:
    """A well-formed entry whose header claims a DataFrame but which holds ``payload``."""
    import hashlib
    import json
    import pickle

    from toolkit.cache._entry import MAGIC

    data = pickle.dumps(payload)
    header = {"type": "pandas.DataFrame", "shape": [3, 2], "size": len(data)}
    header["sha256"] = hashlib.sha256(data).hexdigest()
    return MAGIC + json.dumps(header).encode() + b"\n" + data


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"\x00garbage\xff" * 20,  # not an entry at all
        lambda raw: raw[:-40] + bytes(40),  # payload overwritten: checksum differs
        lambda raw: pickle.dumps("a plain pickle of another type"),  # no header
        lambda raw: _forge("a string"),  # intact, but not the type it claims
        lambda raw: b"",  # empty file
    ],
    ids=["truncated", "garbage", "overwritten", "plain-pickle", "wrong-type", "empty"],
)
def test_damaged_entry_is_dropped_and_recomputed(tmp_path, monkeypatch, damage) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iran and Iraq", "Iraq talks"]})
    first = _count_words(df)
    [entry] = _entries(tmp_path)
    entry.write_bytes(damage(entry.read_bytes()))
    with pytest.warns(ToolkitWarning, match="dropped and recomputed"):
        again = _count_words(df)
    assert len(CALLS) == 2, "the damaged entry was returned instead of recomputed"
    pd.testing.assert_frame_equal(again, first)
    third = _count_words(df)  # the rewritten entry is valid again
    assert len(CALLS) == 2
    pd.testing.assert_frame_equal(third, first)


def test_cache_location_a_file_means_no_cache_and_one_warning(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DCT_CACHE_DIR", str(blocker))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Iran"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = [_count_words(df) for _ in range(3)]
    cache_warnings = [w for w in caught if issubclass(w.category, ToolkitWarning)]
    assert len(cache_warnings) == 1 and "running uncached" in str(cache_warnings[0].message)
    assert len(CALLS) == 3 and all(r.equals(results[0]) for r in results)
    assert blocker.read_text() == "x"
    assert cache.clear() == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_cache_folder_means_no_cache(tmp_path, monkeypatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("DCT_CACHE_DIR", str(locked))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Iran"]})
    try:
        with pytest.warns(ToolkitWarning, match="running uncached"):
            _count_words(df)
        _count_words(df)
    finally:
        locked.chmod(0o700)
    assert len(CALLS) == 2


def test_unwritable_cache_is_survived_in_process(tmp_path, monkeypatch) -> None:
    """The same as above for root (who may write anywhere): the probe write is refused."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "fresh"))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    CALLS.clear()
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Iran"]})
    with pytest.warns(ToolkitWarning, match="Permission denied"):
        first = _count_words(df)
    assert _count_words(df).equals(first) and len(CALLS) == 2


WORKER = """
import sys, time
import pandas as pd
from toolkit import cache

@cache.cached
def words(text, n):
    return pd.DataFrame({"w": list((text + " ") * n)}).assign(n=n)

deadline = time.time() + float(sys.argv[1])
calls = 0
while time.time() < deadline:
    for n in range(1, 6):
        out = words("Iran and Iraq", n)
        assert out["n"].eq(n).all() and len(out) == 14 * n, out
        calls += 1
print(calls)
"""


def test_clear_never_breaks_another_process(tmp_path, monkeypatch) -> None:
    import subprocess
    import sys
    import time

    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {**os.environ, "PYTHONWARNINGS": "error::UserWarning"}
    worker = subprocess.Popen(
        [sys.executable, str(script), "6"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        cleared = 0
        deadline = time.time() + 30
        while worker.poll() is None and time.time() < deadline:
            cache.clear()
            cleared += 1
            time.sleep(0.01)
        out, err = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, err[-2000:]
    assert int(out) > 20 and cleared > 20
    assert not list(tmp_path.glob(".results-deleted-*"))

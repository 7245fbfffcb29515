"""Part of speech is tagged on first access, with the same values; the disk cache keeps it once
computed; the cache key follows the shipped data files the layer reads (issue #11)."""

from __future__ import annotations

import marshal
import pickle
import shutil

import pytest

import toolkit.keywords._pos as pos_module
from toolkit.annotate import _store, annotate, annotate_text, cache_path, config_fingerprint
from toolkit.keywords._pos import tag
from toolkit.lexicons import _registry, _resolve
from toolkit.tokenize import sentence_spans, token_spans

TEXTS = ['Iran said: "Talks resume."\n\nIraq agreed.', "The U.S. envoy left at 10:30. He spoke."]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DCT_NO_CACHE", raising=False)
    return tmp_path / "cache"


@pytest.fixture
def tagger_calls(monkeypatch):
    """Count calls of the shipped tagger (the real one still answers)."""
    calls: list[int] = []

    def counting(words, *args, **kwargs):
        calls.append(len(words))
        return tag(words, *args, **kwargs)

    monkeypatch.setattr(pos_module, "tag", counting)
    return calls


def _eager(text: str) -> list[str]:
    spans = token_spans(text)
    starts = {s for s, _ in sentence_spans(text)}
    return tag([text[s:e] for s, e in spans],
               initial=[i == 0 or s in starts for i, (s, _) in enumerate(spans)])


def test_annotate_does_not_tag_until_pos_is_read(tagger_calls):
    ac = annotate(TEXTS, cache=False)
    assert len(ac.tokens.columns) and tagger_calls == [len(ac["doc0"]), len(ac["doc1"])]
    tagger_calls.clear()
    fresh = annotate(TEXTS, cache=False)
    assert fresh.sentences["sent_id"].tolist() and fresh.quote_marks["closed"].tolist()
    assert tagger_calls == []  # no tagger for spans, flags, quotes
    doc = fresh["doc1"]
    assert doc.pos_ == _eager(TEXTS[1])  # the values an eager tagger gives
    assert tagger_calls == [len(doc)]
    assert doc.pos_ == _eager(TEXTS[1])
    assert tagger_calls == [len(doc)]  # kept, not tagged again


def test_pickle_before_and_after_tagging():
    doc = annotate_text(TEXTS[0])
    lazy = pickle.loads(pickle.dumps(doc))
    assert lazy._pos is None and lazy.pos_ == _eager(TEXTS[0])
    tagged = pickle.loads(pickle.dumps(doc))
    assert doc.pos_ == lazy.pos_
    again = pickle.loads(pickle.dumps(doc))
    assert again._pos is not None and (again.pos == doc.pos).all()
    assert again == tagged == doc  # equality compares the tags, computing them when needed


def test_cache_entry_stores_pos_once_computed(cache_home, tagger_calls):
    annotate(TEXTS)
    path = cache_path(TEXTS[0])
    assert marshal.loads(path.read_bytes())[2][3] is None  # stored without part of speech
    assert tagger_calls == []
    # read from the cache, then tagged: the entry is rewritten with the tags
    assert annotate(TEXTS)["doc0"].pos_ == _eager(TEXTS[0])
    assert tagger_calls == [len(annotate_text(TEXTS[0]))]
    assert marshal.loads(path.read_bytes())[2][3] is not None
    tagger_calls.clear()
    warm = annotate(TEXTS)
    assert warm["doc0"].pos_ == _eager(TEXTS[0]) and tagger_calls == []  # from the entry
    assert warm.tokens.equals(annotate(TEXTS, cache=False).tokens)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A temporary copy of ``toolkit/data`` that the lexicons are read from (shipped data is
    never edited); the fingerprint and word caches are reset before and after."""
    copy = tmp_path / "data"
    shutil.copytree(_registry.data_root(), copy)
    monkeypatch.setattr(_registry, "data_root", lambda: copy)
    monkeypatch.setattr(_resolve, "data_root", lambda: copy)
    _resolve._load.cache_clear()
    _store.reset()
    yield copy
    monkeypatch.undo()
    _resolve._load.cache_clear()
    _store.reset()


def test_changed_stopword_list_changes_the_key_and_recomputes(cache_home, data_copy):
    text = "Envoys met in Geneva. Envoys left."
    before = annotate([text])
    key = cache_path(text)
    envoys = before.tokens["token"] == "Envoys"
    assert key.is_file() and envoys.sum() == 2 and not before.tokens.loc[envoys, "is_stop"].any()
    fingerprint = config_fingerprint()

    stop_file = data_copy / "tokenize" / "stopwords_news.txt"
    stop_file.write_text(stop_file.read_text(encoding="utf-8") + "\nenvoys\n", encoding="utf-8")
    _resolve._load.cache_clear()
    _store.reset()  # a new process would start here

    assert config_fingerprint() != fingerprint
    assert cache_path(text) != key
    after = annotate([text])
    assert cache_path(text).is_file()
    flagged = after.tokens.loc[after.tokens["is_stop"], "token"].tolist()
    assert flagged == ["Envoys", "in", "Envoys"]  # recomputed with the changed list, not stale


def test_unchanged_data_gives_the_same_key(data_copy):
    fingerprint = config_fingerprint()
    _store.reset()
    assert config_fingerprint() == fingerprint  # a copy of the same bytes: the same key
    assert len(_store.data_digest()) == 64

"""VADER tone via NLTK with the vaderSentiment lexicon, never nltk.download."""

from __future__ import annotations

import nltk
import pytest

from toolkit import tone


@pytest.fixture(autouse=True)
def _own_nltk_dir(tmp_path_factory, monkeypatch):
    d = tmp_path_factory.getbasetemp() / "nltk_data"
    monkeypatch.setenv("DCT_NLTK_DATA", str(d))
    monkeypatch.setattr(nltk, "download", _no_download)
    return d


def _no_download(*args, **kwargs):
    raise AssertionError("nltk.download must never be called")


def test_lexicon_installed_under_nltk_path(tmp_path_factory):
    path = tone.install_lexicon()
    root = tmp_path_factory.getbasetemp() / "nltk_data"
    assert path.is_file() and path.is_relative_to(root)
    assert str(root) in nltk.data.path
    first = path.read_text(encoding="utf-8").split("\n")
    assert all("\t" in line for line in first) and len(first) > 7000
    mtime = path.stat().st_mtime_ns
    tone.install_lexicon()  # idempotent
    assert path.stat().st_mtime_ns == mtime


def test_same_scores_as_vadersentiment_package():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    text = "The ministers praised the excellent and friendly talks."
    ours = tone.sentences(text).iloc[0]
    assert ours["compound"] == pytest.approx(reference.polarity_scores(text)["compound"],
                                             abs=0.02)


def test_sentence_rows_and_offsets():
    text = "Talks were a great success. Rockets killed three civilians.\n\nNo comment."
    s = tone.sentences(text)
    assert list(s.columns) == tone.SENTENCE_COLUMNS
    assert s["sent_id"].tolist() == [0, 1, 2]
    assert text[s["start"].iloc[1] : s["end"].iloc[1]] == "Rockets killed three civilians."
    assert s["compound"].iloc[0] > 0.05 > -0.05 > s["compound"].iloc[1]


def test_documents_mean_and_text():
    docs = ["Great, friendly talks. Excellent progress.", "War and terror. Many killed.", ""]
    d = tone.documents(docs)
    assert list(d.columns) == tone.DOCUMENT_COLUMNS
    assert d["n_sentences"].tolist() == [2, 2, 0]
    assert d["compound"].iloc[0] > 0 > d["compound"].iloc[1]
    assert d["compound"].isna().tolist() == [False, False, True]
    s = tone.sentences(docs[0])
    assert d["compound"].iloc[0] == pytest.approx(s["compound"].mean())
    t = tone.documents(docs, method="text")
    assert t["compound"].iloc[0] > 0 and t["compound"].isna().iloc[2]
    with pytest.raises(ValueError, match="method"):
        tone.documents(docs, method="median")


def test_page_tone(seed_raw):
    s = tone.sentences(seed_raw)
    assert len(s) > 10 and s["compound"].between(-1, 1).all()

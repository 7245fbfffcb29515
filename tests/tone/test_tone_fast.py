"""The fast VADER analyzer scores exactly as NLTK's; tone reads the layer's sentences."""

from __future__ import annotations

import random

import nltk
import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from toolkit import tone
from toolkit.annotate import annotate
from toolkit.tone._fast import Analyzer
from toolkit.tone._vader import LEXICON_RESOURCE

TRICKY = [
    "", " ", "!!", "?!?! good", "good!!!", "'good'", '"great," he said', ":-) ok :D",
    "GOOD good BAD", "-good- ,,bad", "It was not good at all...", "kind of nice, but bad!?!",
    "The U.S. said: \"no\"; talks failed -- again.", "(good) [bad] {ok} #great @Iran",
    "Never so good!?", "at least good", "very very good!!!!", "“Excellent,” she said.",
    "a b c , . ; good's bad'", "x. y! zz? -- ''", "GREAT!!! progress.", "Not bad :)",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    parts = [*"ab Xy.!?,;:-'\"()#@", " ", "good", "bad", "not", "!!", "?!?", ":)", "very",
             "BAD", "kind of", "but", "least", "never", "”", "’s"]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, 30))) for _ in range(n)]


@pytest.fixture(scope="module")
def analyzers(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DCT_NLTK_DATA", str(tmp_path_factory.mktemp("nltk_data")))
        tone.install_lexicon()
        yield (Analyzer(lexicon_file=LEXICON_RESOURCE),
               SentimentIntensityAnalyzer(lexicon_file=LEXICON_RESOURCE))


def test_same_scores_as_nltk(analyzers):
    fast, stock = analyzers
    texts = TRICKY + _random_texts(3000, seed=11)
    diffs = [t for t in texts if fast.polarity_scores(t) != stock.polarity_scores(t)]
    assert diffs == []
    # the cases above do reach NLTK's punctuation stripping (else they would test nothing)
    assert stock.polarity_scores("good!!!") != stock.polarity_scores("good!!!x")


def test_analyzer_is_the_fast_one():
    assert isinstance(tone.analyzer(), Analyzer)


def test_sentences_and_documents_read_the_annotated_corpus(monkeypatch):
    import toolkit.tone._vader as vader

    texts = ["Iran praised the excellent talks. Rockets killed three civilians.\n\nNo deal.",
             "", 'He said: "We are happy." Then he left.']
    ac = annotate(texts, cache=False)
    plain = tone.sentences(texts)
    expected_docs = {m: tone.documents(texts, method=m) for m in ("mean", "text")}

    def no_split(*args, **kwargs):
        raise AssertionError("sentences are read from the layer, not split again")

    monkeypatch.setattr(vader, "sentence_spans", no_split)
    layered = tone.sentences(ac)
    assert len(layered) == 5
    assert layered.equals(plain)
    for method, expected in expected_docs.items():
        assert tone.documents(ac, method=method).equals(expected)


def test_no_download(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", refuse)
    assert tone.sentences("Good.")["compound"].iloc[0] > 0

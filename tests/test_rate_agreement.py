"""Every module reports the same count and the same rate for the same term in the same text.

Issue #11: ``keywords.dispersion`` gave ``per_1000=125`` and ``dictionary.count`` gave
``rate=142.9`` on one sentence. Now all of them use one tokenizer (the annotate layer), one
pattern dialect (``toolkit.tokenize.compile_pattern``) and one word count
(``toolkit.tokenize.word_count``): the counts and the ``per_1000`` rates must be equal.
"""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit.dictionary as dictionary
import toolkit.keywords as keywords
from toolkit.annotate import annotate
from toolkit.tokenize import tokenize, word_count

TEXTS = [
    "Iran’s envoy said Iran-backed groups and Iranian officials met in Tehran. Iran agreed.",
    "The nuclear deal is dead, said the envoy. A Nuclear Deal? Talks on the nuclear deal resume.",
    "Sanctions, sanctions and more sanctions: Iran (again) rejected the sanctions.",
    "No match here at all.",
    "",
]
CORPUS = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS,
                       "date": pd.to_datetime(["2024-01-05"] * len(TEXTS))})

# (pattern, frequencies term or None, its n-gram length)
TERMS = [
    ("iran", "iran", 1),
    ("sanctions", "sanctions", 1),
    ("Iran*", None, 1),
    ("nuclear deal", "nuclear deal", 2),
    ("envoy", "envoy", 1),
]


@pytest.fixture(scope="module", params=["corpus", "annotated"])
def source(request):
    return CORPUS if request.param == "corpus" else annotate(CORPUS, cache=False)


@pytest.mark.parametrize(("pattern", "term", "n"), TERMS)
def test_counts_and_rates_agree(source, pattern, term, n):
    words = word_count(source).to_numpy()
    tok = tokenize(CORPUS)  # tokens that are not punctuation, counted from the token table
    by_doc = (~tok["is_punct"]).groupby(tok["doc_id"]).sum()
    assert words.tolist() == by_doc.reindex(CORPUS["doc_id"], fill_value=0).tolist()
    conc = keywords.kwic(source, pattern, window=0)
    kwic_counts = conc.groupby("doc_id").size().reindex(CORPUS["doc_id"], fill_value=0)

    disp = keywords.dispersion(source, pattern)
    assert disp["count"].tolist() == kwic_counts.tolist()
    assert disp["n_words"].tolist() == words.tolist()

    dic = dictionary.count(source, {"t": [pattern]})
    assert dic["count"].tolist() == disp["count"].tolist()
    assert dic["n_words"].tolist() == disp["n_words"].tolist()
    has = disp["n_words"] > 0
    assert dic["per_1000"][has].tolist() == disp["per_1000"][has].tolist()
    assert dic["per_1000"][has].tolist() == [
        1000 * c / w for c, w in zip(kwic_counts[has.to_numpy()], words[has.to_numpy()],
                                     strict=True)]

    trend = keywords.trend(source, pattern, period="year")
    assert trend["count"].sum() == disp["count"].sum()
    assert trend["n_words"].sum() == words.sum()
    dated = trend["n_words"] > 0
    assert trend["per_1000"][dated].tolist() == [
        1000 * c / w for c, w in zip(trend["count"][dated], trend["n_words"][dated], strict=True)]

    matched = dictionary.matches(source, {"t": [pattern]})
    assert matched[["doc_id", "start", "end"]].values.tolist() == conc[
        ["doc_id", "start", "end"]].values.tolist()

    if term is not None:
        freq = keywords.frequencies(source, n=n)
        row = freq[freq["term"] == term]
        total = int(disp["count"].sum())
        assert (int(row["count"].iloc[0]) if len(row) else 0) == total
        assert int(freq["n_words"].iloc[0]) == words.sum()
        if len(row):
            assert row["per_1000"].iloc[0] == 1000 * total / words.sum()


def test_one_sentence_of_issue_11():
    """The sentence of the issue: one count, one rate, whatever module is asked."""
    text = "Iran’s foreign minister said Iran would answer."
    disp = keywords.dispersion(text, "Iran*")
    dic = dictionary.count(text, {"iran": ["Iran*"]})
    freq = keywords.frequencies(text)
    assert disp["count"][0] == dic["count"][0] == 2 == len(keywords.kwic(text, "Iran*"))
    assert disp["n_words"][0] == dic["n_words"][0] == freq["n_words"][0] == 8
    assert disp["per_1000"][0] == dic["per_1000"][0] == 250.0
    assert freq.set_index("term")["per_1000"]["iran"] == 250.0

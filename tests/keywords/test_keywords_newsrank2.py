"""The default keyphrase method: background IDF for one text, corpus IDF for a corpus,
central names high, no generic words or page furniture."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from toolkit import keywords
from toolkit.keywords._background import PRIOR_DOCS, Idf, background_df, word_df
from toolkit.keywords._parse import parse, stem

ARTICLE = (
    "Oman hosts talks between rival envoys\n"
    "Image caption Envoys met in Muscat on Tuesday\n"
    "Media playback is unsupported on your device\n"
    "Oman has quietly hosted a new round of talks between envoys of the two rival "
    "governments, officials said on Tuesday. The sultanate, which has long served as a "
    "back channel in the region, offered a neutral venue in Muscat. "
    "People familiar with the talks said the envoys discussed a prisoner exchange and the "
    "reopening of the border crossing. \"He'd rather talk than fight,\" one official's mother "
    "told reporters outside the hotel on Main St in Muscat. Oman's foreign minister said the "
    "prisoner exchange could happen within weeks, and that Oman would keep the channel open. "
    "Q: Will the talks continue? Officials in Oman said a second round of talks was planned.\n"
    "Share this story. Photo: Getty Images\n"
)


def _phrases(text: str, **kw: object) -> list[str]:
    return keywords.extract(text, top_k=10, **kw).phrase.tolist()


def test_default_is_newsrank2_and_old_methods_stay_selectable() -> None:
    assert keywords.DEFAULT_METHOD == "newsrank2"
    for m in ("newsrank", "positionrank", "textrank", "tfidf", "yake", "rake"):
        assert m in keywords.METHODS
    assert _phrases(ARTICLE) != _phrases(ARTICLE, method="newsrank")


def test_central_repeated_name_ranks_high_as_a_single_word() -> None:
    top = _phrases(ARTICLE)
    assert "Oman" in top[:3], top
    assert "Muscat" in top, top


def test_multiword_phrases_stay_whole() -> None:
    # a short story (about 160 tokens) favours its single names; the phrase said twice is
    # still listed whole, never in pieces
    top = [p.lower() for p in _phrases(ARTICLE)]
    top20 = [p.lower() for p in keywords.extract(ARTICLE, top_k=20).phrase]
    assert "prisoner exchange" in top20
    assert "exchange" not in top20 and "prisoner" not in top20
    assert "rival governments" in top
    # in an article of typical length (about 630 tokens) it is in the first ten
    longer = " ".join([ARTICLE] * 4)
    assert "prisoner exchange" in [p.lower() for p in _phrases(longer)]


def test_no_generic_words_or_page_furniture() -> None:
    top = _phrases(ARTICLE)
    words = {w.lower().strip(".:") for p in top for w in p.split()}
    for bad in ("caption", "playback", "getty", "he'd", "st", "q"):
        assert bad not in words, top
    for alone in ("image", "media", "photo", "share", "story", "people", "mother", "tuesday"):
        assert alone not in [p.lower() for p in top], top


def test_single_text_uses_the_background_table() -> None:
    idf = Idf()
    bg = background_df()
    for word in ("minister", "exchange", "sultanate"):
        st = stem(word)
        assert idf(st) == pytest.approx(-math.log(bg[st]))
    # general words are common in the table, names of places much rarer
    assert idf(stem("people")) < idf(stem("minister")) < idf(stem("Muscat"))


def test_corpus_uses_its_own_document_frequencies() -> None:
    other = "Talks on the pipeline resumed. The pipeline crosses the border. Envoys met."
    docs = [parse(ARTICLE)] + [parse(other)] * 30
    df, n = word_df(docs)
    assert n == 31 and df[stem("pipeline")] == 30 and df[stem("sultanate")] == 1
    idf = Idf(df, n)
    p = background_df()[stem("pipeline")]
    assert idf(stem("pipeline")) == pytest.approx(math.log((n - 1 + PRIOR_DOCS) /
                                                           (29 + PRIOR_DOCS * p)))
    # a word in every document of the corpus weighs less than the table alone says
    assert idf(stem("pipeline")) < Idf()(stem("pipeline"))


def test_a_word_common_in_the_corpus_drops_in_the_ranking() -> None:
    text = ("The pipeline deal was signed in Baku. Azerbaijan and Georgia back the pipeline. "
            "The pipeline will carry gas to Turkey, officials in Baku said.")
    alone = _phrases(text)
    others = [f"Story {i}: the pipeline was discussed again by the pipeline board."
              for i in range(40)]
    kp = keywords.extract([text, *others], top_k=10)
    in_corpus = kp[kp.doc_id == kp.doc_id.iloc[0]].phrase.tolist()
    assert "pipeline" in alone
    rank_alone = alone.index("pipeline")
    rank_corpus = in_corpus.index("pipeline") if "pipeline" in in_corpus else 99
    assert rank_corpus > rank_alone, (alone, in_corpus)


def test_df_counts_each_document_once() -> None:
    df, n = word_df([parse("Gas. Gas. Gas pipeline."), parse("A gas field.")])
    assert n == 2 and df == Counter(df) and df[stem("gas")] == 2


def test_reference_documents_count_as_corpus() -> None:
    text = ("The pipeline deal was signed in Baku. Azerbaijan and Georgia back the pipeline. "
            "The pipeline will carry gas to Turkey, officials in Baku said.")
    others = [f"Story {i}: the pipeline was discussed again by the pipeline board."
              for i in range(40)]
    with_ref = keywords.extract(text, top_k=10, reference=others)
    in_corpus = keywords.extract([text, *others], top_k=10)
    first = in_corpus[in_corpus.doc_id == in_corpus.doc_id.iloc[0]]
    assert with_ref.phrase.tolist() == first.phrase.tolist()
    assert with_ref.phrase.tolist() != _phrases(text)


def _single_vs_phrase(text: str, **kw) -> float:
    """Score of the best single word over that of the best multiword phrase."""
    from toolkit.keywords import _methods

    scored = _methods.newsrank2(parse(text), **kw).values()
    one = max(s for c, s in scored if len(c.key) == 1)
    many = max(s for c, s in scored if len(c.key) > 1)
    return one / many


def test_single_words_weighted_by_document_length():
    from toolkit.keywords._methods import MAX_SHORTNESS, TYPICAL_TOKENS, ranker_weights

    short = ARTICLE                       # about 160 tokens: a short story
    long = " ".join([ARTICLE] * 4)        # about 630 tokens: longer than a typical article
    n_short, n_long = len(parse(short).words), len(parse(long).words)
    assert n_short < TYPICAL_TOKENS < n_long
    w = ranker_weights()
    flat = {**w, "single_length": 0.0}
    assert w["single_length"] > 0
    for text, n in ((short, n_short), (long, n_long)):
        plain = _single_vs_phrase(text, weights=flat)
        weighted = _single_vs_phrase(text)
        shortness = math.log(min(TYPICAL_TOKENS / n, MAX_SHORTNESS))
        assert weighted == pytest.approx(plain * math.exp(w["single_length"] * shortness))
        assert (weighted > plain) == (n < TYPICAL_TOKENS)


def test_ranker_weights_are_read_from_the_data_file():
    from toolkit import lexicons
    from toolkit.keywords._methods import FEATURES, ranker_weights

    table = lexicons.load("newsrank2_weights")
    assert table["feature"].tolist() == list(FEATURES)
    assert ranker_weights() == {f: float(x) for f, x in zip(table.feature, table.weight,
                                                             strict=True)}
    # each weight moves the ranking: with all weights zero a later, rarer phrase can lead
    zero = dict.fromkeys(FEATURES, 0.0)
    assert _single_vs_phrase(ARTICLE, weights=zero) != pytest.approx(
        _single_vs_phrase(ARTICLE))

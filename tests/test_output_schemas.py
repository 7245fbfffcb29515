"""Every public analysis returns the same columns and dtypes on an empty corpus, a corpus of
empty texts and a normal corpus (issue #10), so that results concatenate without surprises.

Where a module declares its schema (``*_DTYPES``), the result must also match it exactly.
"""

from __future__ import annotations

import warnings
from functools import partial

import pandas as pd
import pytest

import toolkit.actors as actors
import toolkit.corpus as tc
import toolkit.dictionary as dictionary
import toolkit.keywords as kw
import toolkit.people as people
import toolkit.quotes as quotes
import toolkit.tokenize as tt
import toolkit.tone as tone
from toolkit.actors._cooccur import EDGE_DTYPES
from toolkit.actors._mentions import MENTION_DTYPES
from toolkit.datasets import load_sample
from toolkit.dictionary._dictionary import COUNT_DTYPES, MATCH_DTYPES
from toolkit.errors import InputError
from toolkit.keywords._corpus import (
    COLLOCATION_DTYPES,
    FREQUENCY_DTYPES,
    KEYNESS_DTYPES,
    OCCURRENCE_DTYPES,
)
from toolkit.keywords._extract import DTYPES as EXTRACT_DTYPES
from toolkit.keywords._kwic import DISPERSION_DTYPES, KWIC_DTYPES, TREND_DTYPES
from toolkit.quotes._extract import DTYPES as QUOTE_DTYPES
from toolkit.quotes._extract import MARK_DTYPES
from toolkit.tokenize._frame import NGRAM_DTYPES, TOKEN_DTYPES
from toolkit.tone._vader import DOCUMENT_DTYPES, SENTENCE_DTYPES

KINDS = ("empty", "empty_texts", "sample")


@pytest.fixture(scope="module")
def corpora() -> dict[str, pd.DataFrame]:
    three = tc.load(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["", "", ""]}))
    return {"empty": tc.empty_corpus(), "empty_texts": three, "sample": load_sample()}


def schema(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return [(str(c), str(t)) for c, t in frame.dtypes.items()]


def declared(dtypes: dict, lead: dict | None = None) -> list[tuple[str, str]]:
    full = {**(lead or {}), **dtypes}
    return [(c, str(pd.api.types.pandas_dtype(t))) for c, t in full.items()]


def _iter_tokenize(c: pd.DataFrame) -> pd.DataFrame:
    frames = list(tt.iter_tokenize(c, max_chars=200))
    assert frames, "iter_tokenize yielded nothing"
    shapes = {tuple(schema(f)) for f in frames}
    assert len(shapes) == 1, f"chunks of one corpus differ: {shapes}"
    return frames[0]


_OUTLET = {"outlet": "object"}  # the corpus's own dtype for outlet (object in every corpus)

# name -> (function of a corpus, declared schema or None)
CASES = {
    "tokenize.tokenize": (tt.tokenize, declared(TOKEN_DTYPES)),
    "tokenize.iter_tokenize": (_iter_tokenize, declared(TOKEN_DTYPES)),
    "tokenize.ngrams": (lambda c: tt.ngrams(tt.tokenize(c), n=2), declared(NGRAM_DTYPES)),
    **{
        f"keywords.extract[{m}]": (
            partial(kw.extract, method=m, top_k=5), declared(EXTRACT_DTYPES)
        )
        for m in kw.METHODS
    },
    "keywords.frequencies": (kw.frequencies, declared(FREQUENCY_DTYPES)),
    "keywords.frequencies[by=outlet]": (
        lambda c: kw.frequencies(c, by="outlet"), declared(FREQUENCY_DTYPES, _OUTLET)
    ),
    "keywords.frequencies[by=month]": (
        lambda c: kw.frequencies(c, by="month", n=2), declared(FREQUENCY_DTYPES, {"month": "str"})
    ),
    "keywords.collocations": (
        lambda c: kw.collocations(c, min_count=1), declared(COLLOCATION_DTYPES)
    ),
    "keywords.kwic": (lambda c: kw.kwic(c, "iran*", window=3), declared(KWIC_DTYPES)),
    "keywords.dispersion": (
        lambda c: kw.dispersion(c, "iran*"),
        declared(DISPERSION_DTYPES, {"doc_id": "str", "date": "datetime64[ns]", **_OUTLET}),
    ),
    "keywords.occurrences": (lambda c: kw.occurrences(c, n=2), declared(OCCURRENCE_DTYPES)),
    "keywords.trend": (
        lambda c: kw.trend(c, ["iran*", "truce"]),
        declared(TREND_DTYPES, {"period": "datetime64[ns]"}),
    ),
    "keywords.trend[by=outlet]": (
        lambda c: kw.trend(c, "iran*", by="outlet", period="year"),
        declared(TREND_DTYPES, {"period": "datetime64[ns]", **_OUTLET}),
    ),
    "quotes.extract": (lambda c: quotes.extract(c, warn=False), declared(QUOTE_DTYPES)),
    "quotes.check_marks": (quotes.check_marks, declared(MARK_DTYPES)),
    "actors.mentions": (actors.mentions, declared(MENTION_DTYPES)),
    "actors.cooccurrence[sentence]": (
        lambda c: actors.cooccurrence(actors.mentions(c), corpus=c), declared(EDGE_DTYPES)
    ),
    "actors.cooccurrence[paragraph]": (
        lambda c: actors.cooccurrence(actors.mentions(c), unit="paragraph", corpus=c),
        declared(EDGE_DTYPES),
    ),
    "actors.cooccurrence[document]": (
        lambda c: actors.cooccurrence(actors.mentions(c), unit="document", by="country"),
        declared(EDGE_DTYPES),
    ),
    "actors.region_mentions": (
        lambda c: actors.region_mentions(actors.mentions(c)).rename("n").reset_index(),
        [("doc_id", "str"), ("n", "int64")],
    ),
    "actors.cooccurrence[level=state]": (
        lambda c: actors.cooccurrence(actors.mentions(c), corpus=c, level="state"),
        declared(EDGE_DTYPES),
    ),
    "people.person_mentions": (people.person_mentions, declared(people.PERSON_DTYPES)),
    "people.person_registry": (
        lambda c: people.person_registry(people.person_mentions(c), corpus=c),
        declared(people.REGISTRY_DTYPES),
    ),
    "dictionary.matches": (
        lambda c: dictionary.matches(c, "framing"), declared(MATCH_DTYPES)
    ),
    "dictionary.count": (
        lambda c: dictionary.count(c, "framing"), declared(COUNT_DTYPES, {"doc_id": "str"})
    ),
    "dictionary.count[by=outlet]": (
        lambda c: dictionary.count(c, "framing", by="outlet"),
        declared(COUNT_DTYPES, {**_OUTLET, "n_docs": "int64"}),
    ),
    "tone.sentences": (tone.sentences, declared(SENTENCE_DTYPES)),
    "tone.documents": (tone.documents, declared(DOCUMENT_DTYPES)),
    "tone.documents[text]": (
        lambda c: tone.documents(c, method="text"), declared(DOCUMENT_DTYPES)
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_same_schema_on_empty_and_normal_corpora(name, corpora):
    fn, expected = CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trend warns about undated documents
        got = {kind: schema(fn(corpora[kind])) for kind in KINDS}
    assert got["empty"] == got["sample"], f"{name}: empty corpus vs sample"
    assert got["empty_texts"] == got["sample"], f"{name}: empty texts vs sample"
    if expected is not None:
        assert got["sample"] == expected, f"{name}: differs from its declared schema"


def test_sample_results_are_not_all_empty(corpora):
    """The normal case must exercise the non-empty path of the analyses that find things."""
    sample = corpora["sample"]
    for fn in (tt.tokenize, actors.mentions, tone.sentences, kw.extract,
               lambda c: quotes.extract(c, warn=False), lambda c: kw.kwic(c, "iran*")):
        assert len(fn(sample)) > 0


def test_keyness_schema_and_degenerate_corpora(corpora):
    """keyness needs terms on both sides: without them it raises the documented InputError;
    an empty result (nothing above min_count) has the same schema as a full one."""
    sample = corpora["sample"]
    target = sample["doc_id"].iloc[:3].tolist()
    full = kw.keyness(sample, target, min_count=1)
    none = kw.keyness(sample, target, min_count=10**9)
    assert len(full) > 0 and len(none) == 0
    assert schema(full) == schema(none) == declared(KEYNESS_DTYPES)
    with pytest.raises(InputError):
        kw.keyness(corpora["empty"], [])
    texts = corpora["empty_texts"]
    with pytest.raises(InputError, match="terms in both groups"):
        kw.keyness(texts, texts["doc_id"].iloc[:1].tolist())


@pytest.mark.parametrize("kind", KINDS)
def test_about_region_keeps_the_corpus_schema(kind, corpora):
    corpus = corpora[kind]
    assert schema(actors.about_region(corpus)) == schema(corpus)


def test_load_schema_with_and_without_rows(corpora):
    empty = tc.load(pd.DataFrame({"doc_id": pd.Series([], dtype="str"),
                                  "text": pd.Series([], dtype="str")}))
    assert schema(empty) == schema(corpora["sample"])
    assert schema(tc.empty_corpus()) == schema(corpora["sample"])
    assert schema(corpora["empty_texts"]) == schema(corpora["sample"])

"""keywords.extract: columns, offsets, well-formed phrases, every method, errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit import keywords
from toolkit.corpus import read_article
from toolkit.errors import InputError
from toolkit.tokenize import stem as _stem
from toolkit.tokenize import stopwords

TEXT = (
    "Iran and Saudi Arabia agreed to restore diplomatic relations after talks in Beijing. "
    "The diplomatic relations had been cut in 2016. Chinese mediators hosted the talks, "
    "and Saudi Arabia's foreign minister met Iran's foreign minister in Beijing. "
    "Analysts said the deal on diplomatic relations could ease the war in Yemen."
)


def _stopwords() -> set[str]:
    return set(stopwords("en+news"))  # the one stopword family (toolkit.lexicons)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_stem(w.lower()) for w in phrase.split())


@pytest.fixture(scope="module")
def seed_text(seed_raw: str) -> str:
    return read_article(seed_raw)["text"]


@pytest.mark.parametrize("method", sorted(keywords.METHODS))
def test_every_method_gives_offsets_that_point_at_the_phrase(method: str) -> None:
    kp = keywords.extract(TEXT, top_k=6, method=method)
    assert list(kp.columns) == ["doc_id", "rank", "phrase", "score", "count", "spans"]
    assert 0 < len(kp) <= 6
    assert kp["rank"].tolist() == list(range(1, len(kp) + 1))
    assert kp["score"].is_monotonic_decreasing
    for row in kp.itertuples():
        assert row.count == len(row.spans) >= 1
        for s, e in row.spans:
            # each occurrence is the phrase up to case, plural and white space
            assert _key(" ".join(TEXT[s:e].split())) == _key(row.phrase)


@pytest.mark.parametrize("method", sorted(keywords.METHODS))
def test_phrases_are_well_formed(method: str, seed_text: str) -> None:
    sw = _stopwords()
    kp = keywords.extract(seed_text, top_k=15, method=method)
    assert len(kp) == 15
    keys = [_key(p) for p in kp.phrase]
    assert len(set(keys)) == len(keys), "case/plural duplicates"
    for p in kp.phrase:
        words = p.lower().split()
        assert words[0] not in sw and words[-1] not in sw, p


def test_no_half_names_and_possessives_split() -> None:
    text = (
        "Prince William Sound was hit by the spill. Crews reached Prince William Sound "
        "on Friday. Prince William Sound's beaches were closed."
    )
    kp = keywords.extract(text, top_k=10)
    assert "Prince William Sound" in kp.phrase.tolist()
    for p in kp.phrase:
        assert p not in ("William Sound", "Prince William", "Prince", "William", "Sound")
        assert "'s" not in p


def test_case_and_plural_variants_are_one_phrase() -> None:
    text = "Peace talks began. The peace talk failed. Peace Talks resumed. Talks on peace."
    kp = keywords.extract(text, top_k=10)
    talks = kp[kp.phrase.str.lower().str.startswith("peace talk")]
    assert len(talks) == 1
    assert talks["count"].iloc[0] == 3


def test_corpus_keeps_doc_ids_and_skips_empty_documents() -> None:
    corpus = pd.DataFrame(
        {"doc_id": ["x", "empty", "y"], "text": [TEXT, "", "Gaza truce talks stalled in Cairo."]}
    )
    kp = keywords.extract(corpus, top_k=3)
    assert set(kp.doc_id) == {"x", "y"}
    assert (kp.groupby("doc_id").size() <= 3).all()


def test_tfidf_uses_the_corpus_document_frequencies() -> None:
    common = "The security council met. "
    docs = [
        common * 3 + "Oil prices rose.",
        common * 3 + "Drought hit farms.",
        common * 3 + "Elections were held.",
    ]
    kp = keywords.extract(docs, top_k=1, method="tfidf")
    # "security council" is the most frequent phrase in each document but is in all of them
    assert not kp.phrase.str.lower().str.contains("security council").any()
    alone = keywords.extract(docs[0], top_k=1, method="tfidf")
    assert alone.phrase.str.lower().iloc[0] == "security council"
    ref = keywords.extract(docs[0], top_k=1, method="tfidf", reference=docs[1:])
    assert ref.phrase.str.lower().iloc[0] != "security council"


def test_deterministic() -> None:
    a = keywords.extract([TEXT, TEXT[::-1]], top_k=8)
    b = keywords.extract([TEXT, TEXT[::-1]], top_k=8)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize(
    "kwargs", [{"method": "bert"}, {"top_k": 0}, {"top_k": 2.5},
              {"reference": ["x"], "method": "textrank"}]
)
def test_bad_options_raise(kwargs: dict) -> None:
    with pytest.raises(InputError):
        keywords.extract(TEXT, **kwargs)


def test_default_beats_rake_on_a_duc_sample(shared_file) -> None:
    """A quality floor on 30 DUC-2001 articles: the default must beat the RAKE baseline."""
    path = shared_file("eval", "keyphrases", "duc2001.jsonl")
    recs = [json.loads(line) for line in path.read_text().splitlines()[:30]]
    corpus = pd.DataFrame({"doc_id": [r["id"] for r in recs], "text": [r["text"] for r in recs]})
    gold = {r["id"]: {_key(k.replace("-", " ")) for k in r["keyphrases"]} for r in recs}

    def hits(method: str) -> int:
        kp = keywords.extract(corpus, top_k=10, method=method)
        return sum(
            _key(p.replace("-", " ")) in gold[d] for d, p in zip(kp.doc_id, kp.phrase, strict=True)
        )

    assert hits(keywords.DEFAULT_METHOD) > 2 * hits("rake")


def test_long_proper_names_are_kept_whole() -> None:
    text = (
        "The Islamic Revolutionary Guard Corps fired missiles. The Islamic Revolutionary "
        "Guard Corps said the missiles hit targets near the border."
    )
    kp = keywords.extract(text, top_k=5)
    assert kp.phrase.iloc[0] == "Islamic Revolutionary Guard Corps"
    assert kp["count"].iloc[0] == 2
    assert not any(
        p in ("Revolutionary Guard", "Guard Corps", "Islamic Revolutionary") for p in kp.phrase
    )


@pytest.mark.parametrize(
    "sentence,verb",
    [
        ("Iraq views Iran as a partner.", "views"),
        ("The water agreement ends a long feud.", "ends"),
        ("They talk about trade.", "talk"),
        ("Officials want to spread calm.", "spread"),
    ],
)
def test_verbs_do_not_enter_keyphrases(sentence: str, verb: str) -> None:
    kp = keywords.extract(sentence, top_k=10)
    assert not any(verb in p.split() for p in kp.phrase), kp.phrase.tolist()


def test_hard_wrapped_text_gives_the_same_keyphrases(seed_text: str) -> None:
    import textwrap

    flat = " ".join(seed_text.split())
    wrapped = "\n".join(textwrap.wrap(flat, 68))
    a = keywords.extract(flat, top_k=10)
    b = keywords.extract(wrapped, top_k=10)
    assert a.phrase.tolist() == b.phrase.tolist()
    for row in b.itertuples():
        for s, e in row.spans:
            assert _key(" ".join(wrapped[s:e].split())) == _key(row.phrase)


def test_common_noun_does_not_run_into_a_name() -> None:
    text = ("The lesson Obama learned was costly. Critics question Obama on the Iran deal. "
            "The Iran deal divided Congress today.")
    kp = keywords.extract(text, top_k=10)
    assert "Iran deal" in kp.phrase.tolist()
    for p in kp.phrase:
        assert p not in ("lesson Obama", "question Obama", "Congress today"), p


def test_title_case_headline_verbs_are_not_nouns() -> None:
    text = ("Did Obama Withdraw From Iraq Too Soon, Allowing Militants To Grow?\n"
            "Obama withdrew troops from Iraq in 2011. Critics say the troop withdrawal "
            "helped militants grow.")
    kp = keywords.extract(text, top_k=10)
    assert not any("Withdraw" in p.split() or "Grow" in p.split() for p in kp.phrase), (
        kp.phrase.tolist())
    assert "troop withdrawal" in kp.phrase.tolist()


def test_long_documents_use_an_edge_list_with_the_same_result(seed_text, monkeypatch) -> None:
    from toolkit.keywords import _methods

    dense = keywords.extract(seed_text, top_k=10)
    monkeypatch.setattr(_methods, "_DENSE_MAX", 5)
    sparse = keywords.extract(seed_text, top_k=10)
    assert dense.phrase.tolist() == sparse.phrase.tolist()
    assert dense.score.to_numpy() == pytest.approx(sparse.score.to_numpy(), rel=1e-3)

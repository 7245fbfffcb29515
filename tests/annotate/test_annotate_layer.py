"""The document layer: offsets, sentences, POS and quotes agree with the single implementations."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from toolkit.annotate import (
    CORPUS_PARAGRAPH_DTYPES,
    CORPUS_QUOTE_DTYPES,
    CORPUS_SENTENCE_DTYPES,
    CORPUS_TOKEN_DTYPES,
    AnnotatedCorpus,
    Doc,
    annotate,
    annotate_text,
    ensure_annotated,
    iter_annotate,
)
from toolkit.datasets import load_sample
from toolkit.keywords._pos import tag
from toolkit.tokenize import paragraph_spans, sentence_spans, token_spans
from toolkit.tokenize._marks import pair_marks

HAND = [
    'Iran said: "Talks resume on Monday."\n\n“We are ready,” the U.S. envoy said.',
    "He added: “The deal\n\n“will hold.” Dr. Ali met al-Sadr at 10:30 on 1,200,000 votes.",
    "Unclosed “quote here.\nNext line of text",
    "   \n\n  ",
    "",
]


@pytest.fixture(scope="module")
def corpus(web_page) -> pd.DataFrame:
    sample = load_sample()[["doc_id", "text"]]
    hand = pd.DataFrame({"doc_id": [f"hand{i}" for i in range(len(HAND))], "text": HAND})
    page = pd.DataFrame({"doc_id": [f"page-{web_page.name}"], "text": [web_page.raw]})
    return pd.concat([sample, hand, page], ignore_index=True)


@pytest.fixture(scope="module")
def annotated(corpus) -> AnnotatedCorpus:
    return annotate(corpus, cache=False)


def test_every_token_is_its_text_slice_and_spans_are_token_spans(annotated):
    tok = annotated.tokens
    for doc in annotated:
        rows = tok[tok["doc_id"] == doc.doc_id]
        assert [doc.text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)] == rows[
            "token"
        ].tolist()
        assert list(zip(rows["start"], rows["end"], strict=True)) == token_spans(doc.text)
        assert rows["tok_id"].tolist() == list(range(len(rows)))
    assert len(tok) == sum(len(token_spans(d.text)) for d in annotated) > 100


def test_sentences_and_paragraphs_are_the_span_finders_and_nest(annotated):
    sents, paras, tok = annotated.sentences, annotated.paragraphs, annotated.tokens
    for doc in annotated:
        s = sents[sents["doc_id"] == doc.doc_id]
        p = paras[paras["doc_id"] == doc.doc_id]
        assert list(zip(s["start"], s["end"], strict=True)) == sentence_spans(doc.text)
        assert list(zip(p["start"], p["end"], strict=True)) == paragraph_spans(doc.text)
        p_start, p_end = p["start"].to_numpy(), p["end"].to_numpy()
        para = s["para_id"].to_numpy()
        # each sentence lies inside the paragraph it names
        assert (p_start[para] <= s["start"].to_numpy()).all()
        assert (s["end"].to_numpy() <= p_end[para]).all()
        t = tok[tok["doc_id"] == doc.doc_id]
        sid = t["sent_id"].to_numpy()
        assert (s["start"].to_numpy()[sid] <= t["start"].to_numpy()).all()
        assert (t["end"].to_numpy() <= s["end"].to_numpy()[sid]).all()
        assert (t["para_id"].to_numpy() == para[sid]).all()


def test_quote_spans_are_pair_marks_output(annotated):
    q = annotated.quote_marks
    total = 0
    for doc in annotated:
        want = [(x.start, x.end, x.closed) for x in pair_marks(doc.text)[0]]
        rows = q[q["doc_id"] == doc.doc_id]
        assert list(zip(rows["start"], rows["end"], rows["closed"], strict=True)) == want
        total += len(want)
    assert total >= 4
    assert not q["closed"].all()  # the unclosed quote of HAND[2] is kept, flagged


def test_pos_is_the_shipped_tagger_on_the_same_words(annotated):
    tok = annotated.tokens
    for doc in annotated:
        spans = token_spans(doc.text)
        words = [doc.text[s:e] for s, e in spans]
        starts = {s for s, _ in sentence_spans(doc.text)}
        initial = [i == 0 or s in starts for i, (s, _) in enumerate(spans)]
        assert tok.loc[tok["doc_id"] == doc.doc_id, "pos"].tolist() == tag(words,
                                                                            initial=initial)
        assert doc.pos_ == tag(words, initial=initial)


def test_word_level_columns(annotated):
    tok = annotated.tokens
    assert (tok["lower"] == tok["token"].str.lower()).all()
    row = tok[(tok["doc_id"] == "hand1") & (tok["token"] == "al-Sadr")].iloc[0]
    assert (row["shape"], row["norm"], row["is_alpha"]) == ("xx-Xxxx", "al-sadr", False)
    num = tok[(tok["doc_id"] == "hand1") & (tok["token"] == "1,200,000")].iloc[0]
    assert (num["shape"], num["is_num"], num["pos"]) == ("d,ddd,ddd", True, "CD")


def test_frames_have_their_schema_with_and_without_rows(annotated):
    empties = [
        annotate(pd.DataFrame({"doc_id": pd.Series([], dtype="str"),
                               "text": pd.Series([], dtype="str")}), cache=False),
        annotate(["", "  \n\n "], cache=False),
        annotate([], cache=False),
    ]
    for name, schema in [("tokens", CORPUS_TOKEN_DTYPES), ("sentences", CORPUS_SENTENCE_DTYPES),
                         ("paragraphs", CORPUS_PARAGRAPH_DTYPES),
                         ("quote_marks", CORPUS_QUOTE_DTYPES)]:
        full = getattr(annotated, name)
        assert len(full) > 0
        assert full.dtypes.astype(str).to_dict() == {
            k: str(pd.api.types.pandas_dtype(v)) for k, v in schema.items()
        }
        for empty in empties:
            frame = getattr(empty, name)
            assert frame.empty
            assert frame.dtypes.equals(full.dtypes), name
    assert len(empties[1]) == 2 and len(empties[0]) == len(empties[2]) == 0


def test_pickle_round_trip_and_compact(annotated):
    for doc in annotated:
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc and back is not doc
        assert back.tokens.equals(doc.tokens) and back.quote_marks.equals(doc.quote_marks)
    big = max(annotated, key=len)
    size = len(pickle.dumps(big))
    # text + about 22 bytes per token, far below the token frame it stands for
    assert size < len(big.text.encode()) + 24 * len(big) + 2_000
    assert size < len(pickle.dumps(big.tokens)) / 2
    again = pickle.loads(pickle.dumps(annotated))
    pd.testing.assert_frame_equal(again.tokens, annotated.tokens)
    pd.testing.assert_frame_equal(again.corpus, annotated.corpus)


def test_container(annotated, corpus):
    assert len(annotated) == len(corpus)
    assert [d.doc_id for d in annotated] == corpus["doc_id"].tolist() == annotated.doc_ids
    assert annotated["hand0"].text == HAND[0]
    assert annotated.texts["hand1"] == HAND[1]
    assert annotated.corpus is corpus
    with pytest.raises(KeyError, match="nope"):
        annotated["nope"]
    rebuilt = AnnotatedCorpus.from_docs(list(annotated))
    pd.testing.assert_frame_equal(rebuilt.tokens, annotated.tokens)
    with pytest.raises(ValueError, match="doc_id"):
        AnnotatedCorpus.from_docs(list(annotated)[:2], corpus=corpus.iloc[1:3])


def test_ensure_annotated_and_inputs():
    ac = annotate("Iran met Iraq.", cache=False)
    assert ensure_annotated(ac) is ac
    assert annotate(ac) is ac
    other = ensure_annotated(["Iran met Iraq."], cache=False)
    assert isinstance(other, AnnotatedCorpus)
    assert other.tokens.equals(ac.tokens)
    series = annotate(pd.Series(["Hi.", "Yes."], index=["x", "y"]), cache=False)
    assert series.doc_ids == ["x", "y"]
    spaced = annotate("One line\nand the next.", newlines="space", cache=False)
    assert len(spaced.sentences) == 1 < len(annotate("One line\nand the next.",
                                                      cache=False).sentences)


def test_iter_annotate_chunks_equal_whole(corpus, annotated):
    chunks = list(iter_annotate(corpus, chunk_size=3, cache=False))
    assert [len(c) for c in chunks] == [3] * (len(corpus) // 3) + (
        [len(corpus) % 3] if len(corpus) % 3 else []
    )
    pd.testing.assert_frame_equal(
        pd.concat([c.tokens for c in chunks], ignore_index=True), annotated.tokens
    )
    frames = [corpus.iloc[:4], corpus.iloc[4:]]
    streamed = list(iter_annotate(iter(frames), chunk_size=100, cache=False))
    assert [len(c) for c in streamed] == [4, len(corpus) - 4]
    texts = list(iter_annotate(("One.", "Two.", "Three."), chunk_size=2, cache=False))
    assert [c.doc_ids for c in texts] == [["doc0", "doc1"], ["doc2"]]
    assert [len(c) for c in iter_annotate([], cache=False)] == [0]
    with pytest.raises(ValueError, match="chunk_size"):
        next(iter_annotate(corpus, chunk_size=0))


def test_doc_repr_and_views():
    doc = annotate_text("Iran met Iraq. Talks went on.", doc_id="d")
    assert isinstance(doc, Doc) and len(doc) == 8
    assert "8 tokens" in repr(doc) and "2 sentences" in repr(doc)
    assert doc.is_stop.dtype == bool and doc.start.dtype == np.int32
    assert doc.para.tolist() == [0] * 8
    assert doc.token_strings == ["Iran", "met", "Iraq", ".", "Talks", "went", "on", "."]


def test_progress_bar(capsys):
    shown = annotate(["Iran met Iraq.", "Talks ended."], cache=False, progress=True)
    assert "annotate" in capsys.readouterr().err
    assert shown.tokens.equals(annotate(["Iran met Iraq.", "Talks ended."], cache=False).tokens)

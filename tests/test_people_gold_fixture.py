"""The hand-annotated people gold of issue #12 is consistent with its texts and its guideline.

``tests/fixtures/people_gold`` holds offsets and labels only; the texts are read from the two
corpora in ``../shared/corpora`` (the tests skip, naming the file, when it is absent). The
structural checks on the CSV files themselves run without ``../shared``.
"""

from __future__ import annotations

import gzip
import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd
import pytest

GOLD = Path(__file__).resolve().parent / "fixtures" / "people_gold"
ACTORS_DATA = Path(__file__).resolve().parents[1] / "toolkit" / "data" / "actors"
ACTORS_GOLD = Path(__file__).resolve().parent / "fixtures" / "actors_gold"
CORPORA = {"allsides_middle_east": "allsides_middle_east.jsonl.gz",
           "tehran_times": "tehran_times.jsonl.gz"}

KINDS = {"direct", "mixed", "indirect"}
CUE_CLASSES = {"speech", "stance", "cognition", "plan", "agreement"}
ACTOR_TYPES = {"state", "territory", "organisation", "armed_group", "person", "place"}
QUOTE_MARKS = "\"'“”‘’«»„"


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / name, dtype=str, keep_default_na=False)


def _offsets(frame: pd.DataFrame, *cols: str) -> pd.DataFrame:
    out = frame.copy()
    for col in cols:
        out[col] = pd.to_numeric(out[col]).astype("Int64")
    return out


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return _csv("docs.csv")


@pytest.fixture(scope="module")
def attributions() -> pd.DataFrame:
    return _offsets(_csv("attributions.csv"), "start", "end", "cue_start", "cue_end",
                    "speaker_start", "speaker_end")


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return _offsets(_csv("mentions.csv"), "start", "end")


@pytest.fixture(scope="module")
def texts(shared_file, docs) -> dict[str, str]:
    """``doc_id -> raw text`` of the selected articles, read from ``../shared/corpora``."""
    out: dict[str, str] = {}
    for corpus, group in docs.groupby("corpus"):
        wanted = set(group["doc_id"])
        with gzip.open(shared_file("corpora", CORPORA[corpus]), "rt", encoding="utf-8") as fh:
            for line in fh:
                head = re.match(r'\{"id": "([^"]+)"', line)
                if head and head.group(1) in wanted:
                    rec = json.loads(line)
                    out[rec["id"]] = rec["text"] or ""
    return out


def _named_in_readme() -> set[str]:
    text = (GOLD / "README.md").read_text(encoding="utf-8")
    section = text.split("### New canonical names", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([^`]+)`", section))


def test_selection_follows_the_brief(docs):
    assert set(docs.columns) == {"doc_id", "corpus", "outlet", "split"}
    assert docs["doc_id"].is_unique
    assert set(docs["corpus"]) == set(CORPORA) and set(docs["split"]) == {"dev", "heldout"}
    assert (docs["split"] == "dev").sum() == 24 and (docs["split"] == "heldout").sum() == 12
    allsides = docs[docs["corpus"] == "allsides_middle_east"]
    assert len(allsides) >= 18 and allsides["outlet"].nunique() >= 8
    assert (docs["corpus"] == "tehran_times").sum() >= 12
    earlier = set()
    for path in ACTORS_GOLD.glob("*_docs.csv"):
        earlier |= set(pd.read_csv(path)["doc_id"])
    assert not set(docs["doc_id"]) & earlier


def test_labels_are_from_the_defined_sets(docs, attributions, mentions):
    ids = set(docs["doc_id"])
    assert set(attributions["doc_id"]) == ids and set(mentions["doc_id"]) == ids
    assert set(attributions["kind"]) <= KINDS
    assert set(attributions["cue_class"]) <= CUE_CLASSES
    assert set(mentions["actor_type"]) <= ACTOR_TYPES
    assert (mentions["actor"] != "").all()
    persons = mentions[mentions["actor_type"] == "person"]
    assert (persons["person_name"] == persons["actor"]).all()
    assert (mentions.loc[mentions["actor_type"] != "person", "person_name"] == "").all()
    # no article text in the fixture: no text-like column, labels are short
    assert not {"text", "quote", "surface", "speaker", "cue"} & set(attributions.columns)
    for frame in (attributions, mentions):
        labels = [c for c in frame.columns if not (c.endswith("start") or c.endswith("end"))]
        assert max(frame[c].str.len().max() for c in labels) < 120


def test_canonical_names_are_in_the_gazetteer_or_listed_as_new(attributions, mentions):
    countries = set(pd.read_csv(ACTORS_DATA / "countries.csv")["actor"])
    organisations = set(pd.read_csv(ACTORS_DATA / "organisations.csv")["actor"])
    territories = set(pd.read_csv(ACTORS_DATA / "territories.csv")["actor"])
    new = _named_in_readme()
    states = set(mentions.loc[mentions["actor_type"] == "state", "actor"])
    assert states <= countries | new, states - countries - new
    orgs = set(mentions.loc[mentions["actor_type"].isin(["organisation", "armed_group"]), "actor"])
    assert orgs <= organisations | new, orgs - organisations - new
    terr = set(mentions.loc[mentions["actor_type"] == "territory", "actor"])
    assert terr <= territories | new, terr - territories - new
    places = set(mentions.loc[mentions["actor_type"] == "place", "actor"])
    assert places <= new, places - new
    person_links = set(mentions["country"]) | set(mentions["organisation"])
    known = countries | organisations | new | {""}
    assert person_links <= known, person_links - known
    affiliations = set(attributions["speaker_affiliation"])
    assert affiliations <= known, affiliations - known


def test_spans_are_well_formed_without_texts(attributions, mentions):
    assert (mentions["start"] < mentions["end"]).all()
    assert (attributions["start"] < attributions["end"]).all()
    for a, b in (("cue_start", "cue_end"), ("speaker_start", "speaker_end")):
        both = attributions[a].notna() == attributions[b].notna()
        assert both.all()
        has = attributions[a].notna()
        assert (attributions.loc[has, a] < attributions.loc[has, b]).all()
    # one mention per span, and mentions never overlap within a document
    assert not mentions.duplicated(["doc_id", "start", "end"]).any()
    for _, group in mentions.sort_values(["doc_id", "start"]).groupby("doc_id"):
        assert (group["start"].iloc[1:].to_numpy() >= group["end"].iloc[:-1].to_numpy()).all()


@pytest.mark.slow
def test_every_offset_lies_inside_its_own_text(texts, docs, attributions, mentions):
    assert set(texts) == set(docs["doc_id"])
    length = {doc_id: len(text) for doc_id, text in texts.items()}
    for frame, pairs in ((mentions, [("start", "end")]),
                         (attributions, [("start", "end"), ("cue_start", "cue_end"),
                                         ("speaker_start", "speaker_end")])):
        n = frame["doc_id"].map(length)
        for a, b in pairs:
            has = frame[a].notna()
            assert (frame.loc[has, a] >= 0).all()
            assert (frame.loc[has, b] <= n[has]).all()


@pytest.mark.slow
def test_spans_are_clean_cuts_of_the_text(texts, attributions, mentions):
    def cut(doc_id: str, start: int, end: int) -> str:
        return texts[doc_id][start:end]

    for row in mentions.itertuples():
        span = cut(row.doc_id, row.start, row.end)
        assert span == span.strip() and span[0].isalnum(), (row.doc_id, row.start, span)
        text = texts[row.doc_id]
        # whole words: a mention never starts or ends inside a word
        assert row.start == 0 or not text[row.start - 1].isalnum(), (row.doc_id, row.start)
        ends_in_word = row.end < len(text) and text[row.end].isalnum() and span[-1].isalnum()
        assert not ends_in_word, (row.doc_id, row.end)
    for row in attributions.itertuples():
        content = cut(row.doc_id, row.start, row.end)
        assert content == content.strip(), (row.doc_id, row.start)
        if row.kind == "direct":
            assert content[0] in QUOTE_MARKS, (row.doc_id, row.start, content[:20])
        if row.kind == "mixed":
            assert any(mark in content for mark in QUOTE_MARKS), (row.doc_id, row.start)
        if pd.notna(row.cue_start):
            cue = cut(row.doc_id, row.cue_start, row.cue_end)
            assert cue == cue.strip() and cue, (row.doc_id, row.cue_start)
            if row.kind == "direct":  # the cue of a direct quote is outside the marks
                assert row.cue_start >= row.end or row.cue_end <= row.start
        if pd.notna(row.speaker_start):
            speaker = cut(row.doc_id, row.speaker_start, row.speaker_end)
            assert speaker == speaker.strip() and speaker, (row.doc_id, row.speaker_start)


@pytest.mark.slow
def test_person_mentions_carry_the_persons_own_name(texts, mentions):
    """Every word of a person mention is a word of the canonical name or a spelling variant of
    one (Araqchi / Araghchi, Meredow / Meredov): never a title, a role or another person."""
    persons = mentions[mentions["actor_type"] == "person"]
    for row in persons.itertuples():
        span = texts[row.doc_id][row.start:row.end]
        name_words = re.findall(r"[\w'-]+", row.person_name.lower())
        for word in re.findall(r"[\w'-]+", span.lower()):
            best = max(SequenceMatcher(None, word, w).ratio() for w in name_words)
            assert best >= 0.7 or len(word) <= 2, (row.doc_id, span, row.person_name)

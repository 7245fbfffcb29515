"""Precision and recall of actor mentions on hand-annotated AllSides articles.

The fixture holds doc ids, offsets and actors only; the texts are read from ../shared.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from toolkit.actors import mentions

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "actors_gold"


def _texts(path: Path, ids: set[str]) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in ids:
                rows.append((rec["id"], rec["text"] or ""))
    return pd.DataFrame(rows, columns=["doc_id", "text"])


@pytest.mark.slow
@pytest.mark.parametrize("split", ["allsides", "allsides_heldout", "allsides_heldout2"])
def test_precision_recall_on_hand_annotations(shared_file, split):
    docs_file = GOLD / f"{split}_docs.csv"
    gold = pd.read_csv(GOLD / f"{split}_actor_mentions.csv")
    docs = set(pd.read_csv(docs_file)["doc_id"])
    corpus = _texts(shared_file("corpora", "allsides_middle_east.jsonl.gz"), docs)
    assert len(corpus) == len(docs) and set(gold["doc_id"]) <= docs
    # every gold span lies inside its text
    lengths = dict(zip(corpus["doc_id"], corpus["text"].str.len(), strict=True))
    assert (gold["end"] <= gold["doc_id"].map(lengths)).all()
    pred = mentions(corpus)
    # this older gold (before issue #12) has no persons and counts capitals as the state
    pred = pred[pred["actor_type"] != "person"]
    key = ["doc_id", "start", "end", "actor"]
    p = set(map(tuple, pred[key].values.tolist()))
    g = set(map(tuple, gold[key].values.tolist()))
    tp = len(p & g)
    precision, recall = tp / len(p), tp / len(g)
    assert precision >= 0.97, f"precision {precision:.3f} on {split}"
    assert recall >= 0.95, f"recall {recall:.3f} on {split}"

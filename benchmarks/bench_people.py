"""Benchmark of people, attributions and actors (issue #12) on the hand-annotated diplomacy gold.

Usage (from the repository root, ``../shared`` beside it)::

    .venv/bin/python benchmarks/bench_people.py                  # dev and heldout
    .venv/bin/python benchmarks/bench_people.py --split dev      # one split
    .venv/bin/python benchmarks/bench_people.py --errors 20      # + the first missed/false rows

Gold: ``tests/fixtures/people_gold/`` (doc ids, offsets and labels only; README there), 36
diplomacy articles of ``../shared/corpora`` (24 dev, 12 heldout). Predictions:
``toolkit.quotes.extract`` and ``toolkit.actors.mentions`` on the raw texts.

Attributions: a predicted and a gold attribution of the same document match when their content
spans overlap by at least half of the shorter span (one-to-one, largest overlap first). F1 for all
attributions (kinds ignored for matching) and per kind (gold and predictions of that kind only).
On the matched pairs of "all": speaker right (predicted ``speaker_name`` equals the gold name,
case-insensitive; ``lenient``: or the last words agree, "Zarif" for "Mohammad Javad Zarif"; only
pairs whose gold name is not empty), speaker span right (the speaker spans overlap; pairs with a
gold speaker span), role right (equal, or one contains the other, case-insensitive; pairs with a
gold role) and affiliation right (equal; pairs with a gold affiliation).

Mentions: actor mentions are the gold rows of type state, territory, organisation and
armed_group against the predicted rows that are not persons, places or offices; exact = same
span and actor, overlap = overlapping spans and same actor. Person mentions: gold persons against
predicted rows with ``actor_type == "person"``; exact = same span, overlap = overlapping spans
(name right reported apart). Gold ``place`` rows (capitals as datelines or locations) are not
actor mentions: a predicted state on such a span is a false positive, counted in its own line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from toolkit import actors, quotes

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DCT_SHARED", REPO.parent / "shared"))
GOLD = REPO / "tests" / "fixtures" / "people_gold"
CORPORA = {"allsides_middle_east": "allsides_middle_east.jsonl.gz",
           "tehran_times": "tehran_times.jsonl.gz"}
ACTOR_TYPES = {"state", "territory", "organisation", "armed_group"}


def load_texts(docs: pd.DataFrame) -> pd.DataFrame:
    """The raw texts of the gold documents, in the order of ``docs``."""
    texts: dict[str, str] = {}
    for corpus, group in docs.groupby("corpus"):
        wanted = set(group["doc_id"])
        with gzip.open(SHARED / "corpora" / CORPORA[corpus], "rt", encoding="utf-8") as fh:
            for line in fh:
                head = re.match(r'\{"id": "([^"]+)"', line)
                if head and head.group(1) in wanted:
                    rec = json.loads(line)
                    texts[rec["id"]] = rec["text"] or ""
    return pd.DataFrame({"doc_id": docs["doc_id"], "text": docs["doc_id"].map(texts)})


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "n_pred": n_p, "n_gold": n_g}


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) whose spans overlap by >= half the shorter."""
    cands = []
    gold_by_doc = defaultdict(list)
    for gi, d, s, e in zip(gold.index, gold["doc_id"], gold["start"], gold["end"], strict=True):
        gold_by_doc[d].append((gi, int(s), int(e)))
    for pi, d, s, e in zip(pred.index, pred["doc_id"], pred["start"], pred["end"], strict=True):
        s, e = int(s), int(e)
        for gi, gs, ge in gold_by_doc.get(d, []):
            ov = min(e, ge) - max(s, gs)
            if ov > 0 and ov >= 0.5 * min(e - s, ge - gs):
                cands.append((ov / max(e - s, ge - gs), pi, gi))
    used_p, used_g, pairs = set(), set(), []
    for _, pi, gi in sorted(cands, reverse=True):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def _norm(value) -> str:
    return "" if value is None or pd.isna(value) else " ".join(str(value).split()).casefold()


def _last(value: str) -> str:
    return value.split()[-1] if value else ""


def score_attributions(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, dict]:
    out = {}
    pairs = match_spans(pred, gold)
    out["all"] = _prf(len(pairs), len(pred), len(pairs), len(gold))
    for kind in ("direct", "mixed", "indirect"):
        p, g = pred[pred["kind"] == kind], gold[gold["kind"] == kind]
        k_pairs = match_spans(p, g)
        out[kind] = _prf(len(k_pairs), len(p), len(k_pairs), len(g))
    name = [0, 0, 0]
    span = [0, 0]
    role = [0, 0]
    aff = [0, 0]
    cls = [0, 0]
    for pi, gi in pairs:
        pr, gr = pred.loc[pi], gold.loc[gi]
        g_name, p_name = _norm(gr["speaker_name"]), _norm(pr.get("speaker_name"))
        if g_name:
            name[2] += 1
            name[0] += p_name == g_name
            name[1] += p_name == g_name or (bool(p_name) and _last(p_name) == _last(g_name))
        if pd.notna(gr["speaker_start"]):
            span[1] += 1
            ps, pe = pr.get("speaker_start"), pr.get("speaker_end")
            if pd.notna(ps) and pd.notna(pe):
                span[0] += min(int(pe), int(gr["speaker_end"])) > max(int(ps),
                                                                       int(gr["speaker_start"]))
        g_role, p_role = _norm(gr["speaker_role"]), _norm(pr.get("speaker_role"))
        if g_role:
            role[1] += 1
            role[0] += bool(p_role) and (p_role in g_role or g_role in p_role)
        g_aff = _norm(gr["speaker_affiliation"])
        if g_aff:
            aff[1] += 1
            aff[0] += _norm(pr.get("speaker_affiliation")) == g_aff
        if "cue_class" in pred.columns:
            cls[1] += 1
            cls[0] += _norm(pr["cue_class"]) == _norm(gr["cue_class"])
    out["speaker"] = {"right": name[0] / name[2] if name[2] else float("nan"),
                      "lenient": name[1] / name[2] if name[2] else float("nan"), "n": name[2]}
    out["speaker_span"] = {"right": span[0] / span[1] if span[1] else float("nan"), "n": span[1]}
    out["role"] = {"right": role[0] / role[1] if role[1] else float("nan"), "n": role[1]}
    out["affiliation"] = {"right": aff[0] / aff[1] if aff[1] else float("nan"), "n": aff[1]}
    out["cue_class"] = {"right": cls[0] / cls[1] if cls[1] else float("nan"), "n": cls[1]}
    return out


def _mention_scores(pred: pd.DataFrame, gold: pd.DataFrame, *, same_actor: bool) -> dict:
    """Exact and overlap precision/recall of predicted against gold mentions."""
    def key(frame):
        cols = ["doc_id", "start", "end"] + (["actor"] if same_actor else [])
        return set(map(tuple, frame[cols].astype(str).values.tolist()))

    p, g = key(pred), key(gold)
    out = {"exact": _prf(len(p & g), len(p), len(p & g), len(g))}
    by = defaultdict(list)
    for row in gold.itertuples():
        by[(row.doc_id, row.actor if same_actor else "")].append((row.start, row.end))
    pby = defaultdict(list)
    for row in pred.itertuples():
        pby[(row.doc_id, row.actor if same_actor else "")].append((row.start, row.end))

    def hits(rows, index):
        n = 0
        for row in rows.itertuples():
            spans = index.get((row.doc_id, row.actor if same_actor else ""), [])
            n += any(s < row.end and row.start < e for s, e in spans)
        return n

    out["overlap"] = _prf(hits(pred, by), len(pred), hits(gold, pby), len(gold))
    return out


def score_mentions(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, dict]:
    ptype = pred["actor_type"].astype(str)
    g_act = gold[gold["actor_type"].isin(ACTOR_TYPES)]
    p_act = pred[~ptype.isin(["person", "place", "office"])]
    g_per = gold[gold["actor_type"] == "person"]
    p_per = pred[ptype == "person"]
    out = {"actors": _mention_scores(p_act, g_act, same_actor=True),
           "persons": _mention_scores(p_per, g_per, same_actor=False)}
    # person names on exactly matched person spans
    gname = {(r.doc_id, r.start, r.end): _norm(r.person_name) for r in g_per.itertuples()}
    name_col = "person_name" if "person_name" in p_per.columns else "actor"
    right = n = 0
    for r in p_per.itertuples():
        k = (r.doc_id, r.start, r.end)
        if k in gname:
            n += 1
            right += _norm(getattr(r, name_col)) == gname[k]
    out["person_name"] = {"right": right / n if n else float("nan"), "n": n}
    # capitals used as datelines or places, predicted as the state
    places = gold[gold["actor_type"] == "place"]
    pspans = {(r.doc_id, r.start, r.end) for r in p_act.itertuples()}
    as_state = sum((r.doc_id, r.start, r.end) in pspans for r in places.itertuples())
    out["places"] = {"gold": len(places), "predicted_as_actor": as_state}
    return out


def run(split: str, *, errors: int = 0) -> dict:
    docs = pd.read_csv(GOLD / "docs.csv", dtype=str)
    if split != "all":
        docs = docs[docs["split"] == split]
    ids = set(docs["doc_id"])
    g_att = pd.read_csv(GOLD / "attributions.csv", dtype={"speaker_name": str})
    g_men = pd.read_csv(GOLD / "mentions.csv", dtype=str, keep_default_na=False)
    g_men[["start", "end"]] = g_men[["start", "end"]].astype(int)
    g_att = g_att[g_att["doc_id"].isin(ids)].reset_index(drop=True)
    g_men = g_men[g_men["doc_id"].isin(ids)].reset_index(drop=True)
    corpus = load_texts(docs)
    t0 = time.process_time()
    p_att = quotes.extract(corpus, warn=False).reset_index(drop=True)
    t1 = time.process_time()
    p_men = actors.mentions(corpus).reset_index(drop=True)
    t2 = time.process_time()
    p_men[["start", "end"]] = p_men[["start", "end"]].astype(int)
    res = {"docs": len(docs), "attributions": score_attributions(p_att, g_att),
           "mentions": score_mentions(p_men, g_men),
           "cpu_s": {"quotes": t1 - t0, "actors": t2 - t1}}
    if errors:
        _show_errors(corpus, p_att, g_att, errors)
    return res


def _show_errors(corpus: pd.DataFrame, pred: pd.DataFrame, gold: pd.DataFrame, n: int) -> None:
    text = dict(zip(corpus["doc_id"], corpus["text"], strict=True))
    pairs = match_spans(pred, gold)
    mp, mg = {p for p, _ in pairs}, {g for _, g in pairs}
    print(f"-- first {n} missed gold attributions")
    for gi in [i for i in gold.index if i not in mg][:n]:
        r = gold.loc[gi]
        print(f"  {r.doc_id} {r.kind:8} {text[r.doc_id][r.start:r.end][:100]!r}")
    print(f"-- first {n} false attributions")
    for pi in [i for i in pred.index if i not in mp][:n]:
        r = pred.loc[pi]
        print(f"  {r.doc_id} {r.kind:8} {r.get('rule', '')} {r.quote[:100]!r}")


def _fmt(res: dict, split: str) -> str:
    a, m = res["attributions"], res["mentions"]
    lines = [f"### {split}: {res['docs']} articles"]
    lines.append("| measure | P | R | F1 | n gold / n pred |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for k in ("all", "direct", "mixed", "indirect"):
        s = a[k]
        lines.append(f"| attributions {k} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | "
                     f"{s['n_gold']} / {s['n_pred']} |")
    for kind in ("actors", "persons"):
        for how in ("exact", "overlap"):
            s = m[kind][how]
            lines.append(f"| {kind} mentions, {how} | {s['P']:.3f} | {s['R']:.3f} | "
                         f"{s['F1']:.3f} | {s['n_gold']} / {s['n_pred']} |")
    lines.append("")
    lines.append("| on matched attributions | right | n |")
    lines.append("| --- | ---: | ---: |")
    for k, label in (("speaker", "speaker name"), ("speaker_span", "speaker span overlaps"),
                     ("role", "role"), ("affiliation", "affiliation"),
                     ("cue_class", "cue class")):
        s = a[k]
        extra = f" (lenient, surname: {s['lenient']:.3f})" if k == "speaker" else ""
        lines.append(f"| {label} | {s['right']:.3f}{extra} | {s['n']} |")
    pl = m["places"]
    lines.append(f"| capitals as datelines/places predicted as an actor | "
                 f"{pl['predicted_as_actor']} of {pl['gold']} | |")
    lines.append(f"| person name on exact person spans | {m['person_name']['right']:.3f} | "
                 f"{m['person_name']['n']} |")
    lines.append(f"\nCPU: quotes.extract {res['cpu_s']['quotes']:.2f} s, "
                 f"actors.mentions {res['cpu_s']['actors']:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all", "both"], default="both")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = ap.parse_args(argv)
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    for split in splits:
        print(_fmt(run(split, errors=args.errors), split))
        print()


if __name__ == "__main__":
    main()

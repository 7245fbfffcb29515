"""Score ``toolkit.quotes.extract`` on PolNeAR (train or dev split) and time it.

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--split dev] [--shared ../shared] [--errors N]
        [--annotated]

Gold kinds follow the PolNeAR README in ``../shared/eval/quotes/polnear``: a content span wrapped
in double quotation marks (straight, curly, ``...'' or ''...'') is direct, one with quoted
material and paraphrase is mixed, the rest indirect. Documents with several annotators are
scored against the first annotator file in name order.

Matching rule (issue #5): only letters and digits count; a prediction is right when at least half
of its characters lie inside one gold content span (of the same kind group); a gold span is found
when the predictions together cover at least half of it; a speaker is right when the predicted
speaker span overlaps the gold source span (a quote with no gold source is right when no speaker
is predicted). Speed: articles per second of ``extract`` on one core, one article at a time
(process CPU time, best of ``--repeat`` runs, so that other jobs on the machine weigh less).
``--no-cue-gate`` runs ``extract(..., cue_gate=False)``: PolNeAR (PARC scheme) counts
cognition and plan verbs with an infinitive ("plans to visit", "wants to"), which the default
(the issue #12 guideline) does not. With ``--annotated`` it also times ``extract`` on the
same articles as one plain corpus and as one :class:`toolkit.annotate.AnnotatedCorpus`
annotated beforehand (annotation not timed). The output column with the quote is ``quote``
(``text[start:end]``).
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from toolkit.quotes import extract  # noqa: E402

DQ = re.compile(r"``|''|[\"“”„‟«»]")
QUOTED = re.compile(r"(?:``|''|[\"“„«]).*?(?:''|[\"”»]|$)", re.S)
ALNUM = re.compile(r"[^\W_]")
KINDS = ("direct", "mixed", "indirect")


def parse_ann(path: str) -> list[dict]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                label, rest = parts[1].split(" ", 1)
                spans[parts[0]] = (label, [tuple(map(int, p.split())) for p in rest.split(";")])
            elif parts[0].startswith("E"):
                rels.append(dict(p.split(":", 1) for p in parts[1].split()))
    out = []
    for r in rels:
        rel = {k.lower(): spans[v][1] for k, v in r.items()
               if k in ("Content", "Cue", "Source") and v in spans}
        if "content" in rel:
            out.append(rel)
    return out


def gold_kind(text: str, spans: list[tuple[int, int]]) -> str:
    frags = [text[a:b].strip() for a, b in spans]
    joined = " ".join(frags)
    if not DQ.search(joined):
        return "indirect"
    rest = "".join(QUOTED.sub(" ", f) for f in frags)
    if not ALNUM.search(rest):
        return "direct"
    marks = DQ.findall(joined)
    if len(marks) == 1 and (joined.startswith(marks[0]) or joined.rstrip(".,").endswith(marks[0])):
        return "direct"  # a lone mark at an edge: a quote whose other mark the span left out
    if joined.startswith("'") and joined.rstrip(".,").endswith("''"):
        return "direct"
    return "mixed"


def load(shared: Path, split: str) -> list[tuple[str, str, list[dict]]]:
    root = shared / "eval" / "quotes" / "polnear" / split
    docs = []
    for tf in sorted(glob.glob(str(root / "text" / "*.txt"))):
        base = os.path.basename(tf)[:-4]
        anns = sorted(glob.glob(str(root / "attributions" / f"{base}_*.ann")))
        text = Path(tf).read_text(encoding="utf-8")
        rels = parse_ann(anns[0]) if anns else []
        for r in rels:
            r["kind"] = gold_kind(text, r["content"])
        docs.append((base, text, rels))
    return docs


def alnum_set(text: str, spans) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out.update(m.start() for m in ALNUM.finditer(text, a, b))
    return out


def score(docs, preds_by_doc, groups):
    res = {}
    for name, kinds in groups.items():
        tp_p = n_p = tp_g = n_g = 0
        for doc_id, text, rels in docs:
            gold = [alnum_set(text, r["content"]) for r in rels if r["kind"] in kinds]
            preds = [p for p in preds_by_doc.get(doc_id, []) if p["kind"] in kinds]
            covered: set[int] = set()
            for p in preds:
                ps = p["chars"]
                if not ps:
                    continue
                n_p += 1
                covered |= ps
                if any(len(ps & g) * 2 >= len(ps) for g in gold):
                    tp_p += 1
            for g in gold:
                if not g:
                    continue
                n_g += 1
                if len(g & covered) * 2 >= len(g):
                    tp_g += 1
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[name] = (p, r, f, n_p, n_g)
    return res


def speaker_accuracy(docs, preds_by_doc, kinds):
    right = total = 0
    for doc_id, text, rels in docs:
        gold = [(alnum_set(text, r["content"]), r.get("source")) for r in rels
                if r["kind"] in kinds]
        for p in preds_by_doc.get(doc_id, []):
            if p["kind"] not in kinds or not p["chars"]:
                continue
            best = max(gold, key=lambda g: len(p["chars"] & g[0]), default=None)
            if best is None or len(p["chars"] & best[0]) * 2 < len(p["chars"]):
                continue
            total += 1
            src = best[1]
            if p["speaker_start"] is None:
                right += src is None
            elif src is not None and any(
                p["speaker_start"] < b and a < p["speaker_end"] for a, b in src
            ):
                right += 1
    return right / total if total else 0.0, total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the fastest is reported")
    ap.add_argument("--errors", type=int, default=0, help="print N wrong predictions / misses")
    ap.add_argument("--annotated", action="store_true",
                    help="also time a plain corpus and a pre-annotated corpus in one call each")
    ap.add_argument("--tehran", type=int, default=0, metavar="N",
                    help="also time extract on the first N Tehran Times articles "
                    "(../shared/corpora), plain and annotated, with and without people")
    ap.add_argument("--no-cue-gate", action="store_true",
                    help="extract(..., cue_gate=False): cognition/plan/agreement cues with an "
                    "infinitive or object count too, as PolNeAR (PARC) annotates them")
    args = ap.parse_args(argv)
    docs = load(Path(args.shared), args.split)
    extract(docs[0][1], warn=False)  # warm up the word lists and the actor gazetteer
    times = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        frames = [extract(text, warn=False, cue_gate=not args.no_cue_gate).assign(doc_id=doc_id)
                  for doc_id, text, _ in docs]
        times.append(time.process_time() - t0)
    elapsed = min(times)
    preds_by_doc: dict[str, list[dict]] = {}
    texts = {d[0]: d[1] for d in docs}
    for df in frames:
        for r in df.itertuples():
            preds_by_doc.setdefault(r.doc_id, []).append({
                "kind": r.kind,
                "chars": alnum_set(texts[r.doc_id], [(r.start, r.end)]),
                "speaker_start": None if pd.isna(r.speaker_start) else int(r.speaker_start),
                "speaker_end": None if pd.isna(r.speaker_end) else int(r.speaker_end),
                "rule": r.rule, "start": r.start, "end": r.end,
            })
    groups = {"direct": {"direct"}, "mixed": {"mixed"}, "indirect": {"indirect"},
              "direct+mixed": {"direct", "mixed"}, "all": set(KINDS)}
    res = score(docs, preds_by_doc, groups)
    n_gold = sum(len(r) for _, _, r in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles, {n_gold} gold attributions"
          f"{' (cue_gate=False)' if args.no_cue_gate else ''}")
    print(f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for name, (p, r, f, n_p, n_g) in res.items():
        print(f"{name:<14}{p:7.3f}{r:7.3f}{f:7.3f}{n_p:7d}{n_g:7d}")
    acc, n = speaker_accuracy(docs, preds_by_doc, {"direct"})
    print(f"speaker right, found direct quotes: {acc:.3f} (n={n})")
    acc2, n2 = speaker_accuracy(docs, preds_by_doc, {"direct", "mixed"})
    print(f"speaker right, found direct+mixed quotes: {acc2:.3f} (n={n2})")
    acc3, n3 = speaker_accuracy(docs, preds_by_doc, set(KINDS))
    print(f"speaker right, all found attributions: {acc3:.3f} (n={n3})")
    print(f"speed: {len(docs) / elapsed:.1f} articles/s (CPU time, one core, {elapsed:.2f} s, "
          f"best of {args.repeat})")
    if args.annotated:
        _time_corpus(docs, args.repeat)
    if args.tehran:
        _time_tehran(Path(args.shared), args.tehran, args.repeat)
    if args.errors:
        _print_errors(docs, preds_by_doc, args.errors)
    return 0


def _time_corpus(docs, repeat: int) -> None:
    """Articles per second of one ``extract`` call on a corpus and on an annotated corpus."""
    from toolkit.annotate import annotate

    corpus = pd.DataFrame({"doc_id": [d[0] for d in docs], "text": [d[1] for d in docs]})
    annotated = annotate(corpus, cache=False)
    for label, data in (("plain corpus", corpus), ("pre-annotated corpus", annotated)):
        times = []
        for _ in range(repeat):
            t0 = time.process_time()
            extract(data, warn=False)
            times.append(time.process_time() - t0)
        print(f"speed, {label} in one call: {len(docs) / min(times):.1f} articles/s "
              f"(best of {repeat})")


def _time_tehran(shared: Path, n: int, repeat: int) -> None:
    """CPU time per article of ``extract`` on the first ``n`` Tehran Times articles with text
    (long articles: about 14,000 characters on average), as a plain corpus (annotated inside
    the call) and as an annotated corpus, with ``people`` on (default) and off."""
    import gzip
    import json

    from toolkit.annotate import annotate

    rows = []
    with gzip.open(shared / "corpora" / "tehran_times.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text"):
                rows.append({"doc_id": rec["id"], "text": rec["text"], "date": rec.get("date")})
            if len(rows) >= n:
                break
    corpus = pd.DataFrame(rows)
    annotated = annotate(corpus, cache=False)
    chars = corpus["text"].str.len().mean()
    print(f"Tehran Times: {len(corpus)} articles, {chars:,.0f} characters on average")
    for label, data in (("plain corpus", corpus), ("annotated corpus", annotated)):
        for people in (True, False):
            times = []
            for _ in range(repeat):
                t0 = time.process_time()
                extract(data, warn=False, people=people)
                times.append(time.process_time() - t0)
            best = min(times)
            print(f"  {label}, people={people}: {len(corpus) / best:.1f} articles/s "
                  f"({1000 * best / len(corpus):.1f} ms CPU per article, best of {repeat})")


def _print_errors(docs, preds_by_doc, n):
    fps, fns = [], []
    for doc_id, text, rels in docs:
        gold = [(alnum_set(text, r["content"]), r) for r in rels]
        preds = preds_by_doc.get(doc_id, [])
        cov: set[int] = set()
        for p in preds:
            cov |= p["chars"]
            if p["chars"] and not any(len(p["chars"] & g) * 2 >= len(p["chars"]) for g, _ in gold):
                fps.append(f"FP {p['kind']:<8} {p['rule']:<20} {text[p['start']:p['end']][:150]!r}")
        for g, r in gold:
            if g and len(g & cov) * 2 < len(g):
                a, b = r["content"][0][0], r["content"][-1][1]
                cue = " ".join(text[x:y] for x, y in r.get("cue", []))
                ctx = text[max(0, a - 60):a]
                fns.append(f"FN {r['kind']:<8} cue={cue!r:<14} {ctx!r} [[{text[a:b][:120]!r}]]")
    for line in fps[:n] + fns[:n]:
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())

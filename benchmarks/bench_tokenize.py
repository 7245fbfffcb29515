"""Benchmark sentence segmentation and tokenization: ours against NLTK, spaCy, pySBD, syntok.

Scores on the UD English EWT and GUM dev sets in ``../shared/eval/ud`` (each document's raw text
rebuilt from its ``# text`` lines, a blank line at ``# newpar``):

- sentence-boundary F1: F1 over the set of sentence end offsets (each predicted sentence,
  stripped of white space, ends where a gold sentence ends; the document's last end included);
- token F1: a predicted token counts when its (start, end) span equals a gold token span
  (multiword tokens scored as their parts, so ``don't`` must become ``do`` + ``n't``);
- MB/s: UTF-8 megabytes of both dev sets per CPU second of this single-threaded process (one
  core; CPU time, so other jobs on a shared machine do not count) for sentences + tokens with
  offsets, best of ``--repeat`` rounds taken round-robin over the systems.

Usage::

    .venv/bin/python benchmarks/bench_tokenize.py              # accuracy + speed table
    .venv/bin/python benchmarks/bench_tokenize.py --memory     # + peak RSS of streamed
                                                               #   tokenize() over tehran_times
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _ud import UDDoc, read_conllu  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DCT_SHARED", ROOT.parent / "shared"))
UD = SHARED / "eval" / "ud"
TEHRAN = SHARED / "corpora" / "tehran_times.jsonl.gz"

Spans = list[tuple[int, int]]
System = Callable[[str], tuple[Spans | None, Spans | None]]


def f1(pred: set, gold: set) -> float:
    tp = len(pred & gold)
    if not pred or not gold:
        return 0.0
    p, r = tp / len(pred), tp / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def _strip(text: str, spans) -> Spans:
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# --- systems ---------------------------------------------------------------------------------


def sys_ours() -> System:
    from toolkit.tokenize import sentence_spans, token_spans

    def run(text: str):
        return sentence_spans(text), token_spans(text)

    return run


def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from toolkit.tokenize._data import punkt_params

    ours = punkt_params()
    params = PunktParameters()
    params.abbrev_types = set(ours.abbrev_types)
    params.sent_starters = set(ours.sent_starters)
    params.collocations = set(ours.collocations)
    for typ, flags in ours.ortho_context.items():
        params.ortho_context[typ] = flags
    return PunktSentenceTokenizer(params)


def sys_nltk_default() -> System:
    """NLTK sent_tokenize + word_tokenize (Punkt English parameters, NLTKWordTokenizer)."""
    from nltk.tokenize import NLTKWordTokenizer

    punkt = _punkt()
    words = NLTKWordTokenizer()

    def run(text: str):
        sents = list(punkt.span_tokenize(text))
        toks = []
        for s, e in sents:
            toks.extend((s + a, s + b) for a, b in words.span_tokenize(text[s:e]))
        return sents, toks

    return run


def speed_nltk_default() -> Callable[[str], object]:
    """What a user runs: sent_tokenize then word_tokenize on each sentence (strings)."""
    from nltk.tokenize import NLTKWordTokenizer

    punkt = _punkt()
    words = NLTKWordTokenizer()

    def run(text: str):
        return [words.tokenize(s) for s in punkt.tokenize(text)]

    return run


def sys_nltk_treebank() -> System:
    """Punkt on blank-line paragraphs + TreebankWordTokenizer spans."""
    import re

    from nltk.tokenize import TreebankWordTokenizer

    punkt = _punkt()
    tb = TreebankWordTokenizer()

    def run(text: str):
        sents: Spans = []
        pos = 0
        for m in list(re.finditer(r"\n\s*\n", text)) + [None]:
            end = m.start() if m else len(text)
            para = text[pos:end]
            sents.extend((pos + a, pos + b) for a, b in punkt.span_tokenize(para))
            pos = m.end() if m else end
        toks = []
        for s, e in sents:
            # Treebank cannot align some quote conversions: those sentences get no tokens
            with contextlib.suppress(ValueError):
                toks.extend((s + a, s + b) for a, b in tb.span_tokenize(text[s:e]))
        return sents, toks

    return run


def sys_spacy() -> System | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def run(text: str):
        doc = nlp(text)
        sents = _strip(text, [(s.start_char, s.end_char) for s in doc.sents])
        toks = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        return sents, toks

    return run


def sys_pysbd() -> System | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(text: str):
        return _strip(text, [(s.start, s.end) for s in seg.segment(text)]), None

    return run


def sys_syntok() -> System | None:
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def run(text: str):
        sents, toks = [], []
        for para in segmenter.analyze(text):
            for sent in para:
                ts = [(t.offset, t.offset + len(t.value)) for t in sent if t.value]
                toks.extend(ts)
                if ts:
                    sents.append((ts[0][0], ts[-1][1]))
        return sents, toks

    return run


# --- evaluation ------------------------------------------------------------------------------


def score(system: System, docs: list[UDDoc]) -> tuple[float | None, float | None]:
    sp, sg, tp, tg = set(), set(), set(), set()
    any_tokens = False
    for i, d in enumerate(docs):
        sents, toks = system(d.text)
        sp.update((i, e) for s, e in _strip(d.text, sents))
        sg.update((i, e) for s, e in d.sents)
        if toks is not None:
            any_tokens = True
            tp.update((i, s, e) for s, e in toks)
        tg.update((i, s, e) for s, e in d.tokens)
    return f1(sp, sg), (f1(tp, tg) if any_tokens else None)


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:.4f}"


def accuracy_table(repeat: int) -> None:
    sets = {name: read_conllu(UD / f"en_{name}-ud-dev.conllu") for name in ("gum", "ewt")}
    texts = [d.text for docs in sets.values() for d in docs]
    systems: list[tuple[str, System | None, Callable | None]] = [
        ("ours (toolkit.tokenize)", sys_ours(), None),
        ("NLTK sent_tokenize+word_tokenize", sys_nltk_default(), speed_nltk_default()),
        ("NLTK Punkt(blank lines)+Treebank", sys_nltk_treebank(), None),
        ("spaCy blank('en')+sentencizer", sys_spacy(), None),
        ("pySBD", sys_pysbd(), None),
        ("syntok", sys_syntok(), None),
    ]
    print(f"UD dev sets: {', '.join(f'{k} {len(v)} docs' for k, v in sets.items())}; "
          f"{sum(len(t.encode()) for t in texts) / 1e6:.2f} MB")
    header = (f"{'system':34} {'sent F1 GUM':>11} {'sent F1 EWT':>11} {'tok F1 GUM':>10} "
              f"{'tok F1 EWT':>10} {'MB/s':>6}")
    print(header)
    print("-" * len(header))
    available = [(n, sy, sp) for n, sy, sp in systems if sy is not None]
    for name, system, _ in systems:
        if system is None:
            print(f"{name:34} (not installed)")
    # speed: round-robin over the systems, best of `repeat` rounds each, so that a busy
    # machine slows every system alike and the ratios stay fair
    best = {name: float("inf") for name, _, _ in available}
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for _ in range(repeat):
        for name, system, speed_fn in available:
            fn = speed_fn or system
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best[name] = min(best[name], time.process_time() - t0)
    rates = {name: mb / t for name, t in best.items()}
    for name, system, _ in available:
        s_gum, t_gum = score(system, sets["gum"])
        s_ewt, t_ewt = score(system, sets["ewt"])
        print(f"{name:34} {_fmt(s_gum):>11} {_fmt(s_ewt):>11} {_fmt(t_gum):>10} "
              f"{_fmt(t_ewt):>10} {rates[name]:6.2f}", flush=True)
    ours = rates["ours (toolkit.tokenize)"]
    base = rates["NLTK sent_tokenize+word_tokenize"]
    print(f"speed-up of ours over NLTK sent_tokenize+word_tokenize: {ours / base:.1f}x")


# --- memory ----------------------------------------------------------------------------------


def iter_tehran_chunks(chunksize: int) -> Iterator:
    import pandas as pd

    rows = []
    with gzip.open(TEHRAN, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append({"doc_id": str(rec.get("id")), "text": rec.get("text") or ""})
            if len(rows) >= chunksize:
                yield pd.DataFrame(rows)
                rows = []
    if rows:
        yield pd.DataFrame(rows)


def memory_child(chunksize: int) -> None:
    from toolkit.tokenize import iter_tokenize

    t0 = time.perf_counter()
    n_tok = n_docs = 0
    for frame in iter_tokenize(iter_tehran_chunks(chunksize)):
        n_tok += len(frame)
        n_docs += frame["doc_id"].nunique()
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"streamed tokenize() over {TEHRAN.name}: {n_docs:,} docs, {n_tok:,} tokens, "
          f"{dt:.0f} s, peak RSS {peak:,.0f} MB (chunks of {chunksize} articles)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="speed runs per system (best kept)")
    ap.add_argument("--memory", action="store_true", help="also measure streamed tokenize()")
    ap.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--chunksize", type=int, default=2000)
    args = ap.parse_args()
    if args.memory_only:
        memory_child(args.chunksize)
        return
    accuracy_table(args.repeat)
    if args.memory:
        # a fresh process, so the peak RSS is that of tokenize() alone
        subprocess.run([sys.executable, __file__, "--memory-only", "--chunksize",
                        str(args.chunksize)], check=True)


if __name__ == "__main__":
    main()

"""Pathological inputs run in linear time through every public entry point that reads text.

Issue #10: runs of sentence-final marks, dot leaders, thousands of unclosed quotes after
repeated cues and many matches inside one long token made some functions quadratic (seconds
for tens of kilobytes). For each input and entry point the test finds a size ``n`` whose run
takes at least ``TARGET`` seconds of CPU time (process time, so other jobs on the machine do
not count; the garbage collector off while timing), then times size ``4 n``: linear code
takes about 4 times as long, quadratic code 16 times. It asserts
``t(4n) < RATIO * t(n) + SLACK``, keeping the best of up to three timings of each size and
re-timing only when the first try fails, so that the whole file stays fast.
"""

from __future__ import annotations

import gc
import time
import warnings
from collections.abc import Callable

import pandas as pd
import pytest

import toolkit.actors as actors
import toolkit.dictionary as dictionary
import toolkit.keywords as keywords
import toolkit.quotes as quotes
import toolkit.tokenize as tokenize
import toolkit.tone as tone
from toolkit.corpus import normalize_text, read_article

TARGET = 0.012  # CPU seconds of the small run (at least; less only at MAX_CHARS)
MIN_CHARS = 4_000  # the small run has at least this many (so that a square term shows)
MAX_CHARS = 1_000_000  # the large run has at most this many characters
RATIO = 8  # linear: about 4; quadratic: 16
SLACK = 0.03
TRIES = 3


def _times(unit: str, n: int) -> str:
    """``unit`` repeated to about ``n`` characters."""
    return unit * max(1, n // len(unit))


# name -> text of about n characters (the cases of issue #10)
INPUTS: dict[str, Callable[[int], str]] = {
    "hyphens": lambda n: "-" * n,
    "double_quotes": lambda n: '"' * n,
    "mr": lambda n: _times("Mr. ", n),
    "said": lambda n: _times("said ", n),
    "dots": lambda n: "." * n + "a",
    "ellipses": lambda n: "…" * n + "(",
    "question_bang": lambda n: _times("?!", n) + "x",
    "dot_leader": lambda n: "Chapter 1 " + "." * n + " 5",
    "newlines": lambda n: "\n" * n,
    "one_char": lambda n: "a" * n,
    "he_said_unclosed": lambda n: _times('He said "', n),
    "quote_cue_runs": lambda n: _times("“We agree,” said Smith, ", n),  # no sentence end
    "run_together": lambda n: _times("a.b", n),
}


def _corpus(text: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d"], "text": [text]})


def _extract(method: str) -> Callable[[str], object]:
    return lambda s: keywords.extract(_corpus(s), method=method)


# name -> function of the text (a one-row corpus where the function takes a corpus)
ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "tokenize.sentence_spans": tokenize.sentence_spans,
    "tokenize.token_spans": tokenize.token_spans,
    "tokenize.paragraph_spans": tokenize.paragraph_spans,
    "tokenize.tokenize": lambda s: tokenize.tokenize(_corpus(s)),
    **{f"keywords.extract[{m}]": _extract(m) for m in keywords.METHODS},
    "keywords.kwic": lambda s: keywords.kwic(_corpus(s), ["ba", "said", "Mr"]),
    "keywords.frequencies": lambda s: keywords.frequencies(_corpus(s)),
    "keywords.collocations": lambda s: keywords.collocations(_corpus(s)),
    "keywords.dispersion": lambda s: keywords.dispersion(_corpus(s), "a"),
    "quotes.extract": lambda s: quotes.extract(_corpus(s), warn=False),
    "quotes.check_marks": lambda s: quotes.check_marks(_corpus(s)),
    "actors.mentions": lambda s: actors.mentions(_corpus(s)),
    "dictionary.count": lambda s: dictionary.count(_corpus(s), "framing"),
    "tone.sentences": lambda s: tone.sentences(_corpus(s)),
    "corpus.read_article": read_article,
    "corpus.normalize_text": normalize_text,
}


def _cpu(func: Callable[[str], object], text: str) -> float:
    gc.disable()
    try:
        t0 = time.process_time()
        func(text)
        return time.process_time() - t0
    finally:
        gc.enable()


def _size(func: Callable[[str], object], make: Callable[[int], str]) -> tuple[int, float]:
    """A size n (from MIN_CHARS up) whose run takes at least TARGET, and its time."""
    n = MIN_CHARS
    while True:
        t = _cpu(func, make(n))
        if t >= TARGET or 4 * n >= MAX_CHARS:
            return n, t
        grow = min(16.0, max(2.0, 1.3 * TARGET / max(t, 1e-4)))
        n = min(int(n * grow), MAX_CHARS // 4)


@pytest.fixture(scope="module", autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for func in ENTRY_POINTS.values():  # load lexicons, gazetteers and models first
            func("He said “We agree.” Iran and Iraq signed a deal. ...")
        yield


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
@pytest.mark.parametrize("case", list(INPUTS))
def test_linear_time(case: str, entry: str) -> None:
    func, make = ENTRY_POINTS[entry], INPUTS[case]
    n, small = _size(func, make)
    big_text = make(4 * n)
    big = _cpu(func, big_text)
    for _ in range(TRIES - 1):  # a slow first try may be the machine: time both sizes again
        if big < RATIO * small + SLACK:
            break
        small = min(small, _cpu(func, make(n)))
        big = min(big, _cpu(func, big_text))
    assert big < RATIO * small + SLACK, (
        f"{entry} on {case}: {big:.3f} s for {len(big_text):,} characters, "
        f"{small:.3f} s for a quarter of that (quadratic?)"
    )


def test_sizes_reach_the_issue_cases() -> None:
    """The inputs grow to the sizes of issue #10 (a quadratic run there took seconds)."""
    assert len(INPUTS["hyphens"](50_000)) == 50_000
    assert len(INPUTS["he_said_unclosed"](22_500)) == 22_500
    assert INPUTS["run_together"](120_000).count("ba") == 39_999
    assert len(INPUTS["one_char"](MAX_CHARS)) == MAX_CHARS

"""Find gazetteer aliases in text with one compiled regex built from a character trie."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from importlib import resources

import pandas as pd


def _read_guard_words() -> tuple[frozenset[str], frozenset[str]]:
    """The word lists of ``data/actors/guard_words.txt``: ([prev_ok], [titles])."""
    text = resources.files("toolkit").joinpath("data/actors/guard_words.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line)
    return frozenset(sections["prev_ok"]), frozenset(sections["titles"])


# Capitalised words that may precede a guarded alias; titles before a personal name.
_PREV_OK, _TITLES = _read_guard_words()
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)(\.?)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_QUOTE_OPEN = re.compile(r"[“\"]")


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (longest first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = []
        singles = []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            if sub == "":
                singles.append(re.escape(ch))
            else:
                branches.append(re.escape(ch) + sub)
        if singles:
            branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


class Matcher:
    """Compiled gazetteer: ``find(text)`` yields ``(start, end, row)`` for each accepted match."""

    def __init__(self, gazetteer: pd.DataFrame):
        self.table = gazetteer.reset_index(drop=True)
        self.index = {a: i for i, a in enumerate(self.table["alias"])}
        self.guarded = set(self.table.loc[self.table["guard"].astype(bool), "alias"])
        self.blocked = set(self.table.loc[self.table["actor_type"] == "block", "alias"])
        pattern = _trie_regex(self.table["alias"])
        self.regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])")

    def _guard_ok(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 40) : start]
        m = _PREV_WORD.search(before)
        if m:
            word, dot = m.group(1), m.group(2)
            if word in _TITLES or word.rstrip(".") in _TITLES:
                return False
            if not dot and word not in _PREV_OK and word not in self.index:
                return False
        m = _NEXT_WORD.match(text, end)
        return not (m and m.group(1) not in self.index)

    def find(self, text: str) -> Iterable[tuple[int, int, int]]:
        index = self.index
        for m in self.regex.finditer(text):
            alias = m.group()
            if alias in self.blocked:
                continue
            if alias in self.guarded and not self._guard_ok(text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), index[alias]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages: from an opening quote mark to its closing mark or paragraph end.

    >>> quote_spans('He said "yes" and “no”.')
    [(8, 13), (18, 22)]
    """
    spans = []
    pos = 0
    n = len(text)
    while True:
        m = _QUOTE_OPEN.search(text, pos)
        if not m:
            break
        start = m.start()
        closer = "”" if m.group() == "“" else '"'
        para_end = text.find("\n", start)
        if para_end == -1:
            para_end = n
        close = text.find(closer, start + 1, para_end)
        if close == -1:
            # An opening mark with no closing one before the paragraph ends: a straight quote
            # could be a stray inch mark, so only curly quotes run to the paragraph end.
            if closer == "”":
                spans.append((start, para_end))
            pos = para_end if closer == "”" else start + 1
            continue
        spans.append((start, close + 1))
        pos = close + 1
    return spans


def in_spans(starts: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    """For each position, whether it lies inside one of the sorted, disjoint ``spans``."""
    if not spans:
        return [False] * len(starts)
    lefts = [s for s, _ in spans]
    out = []
    for p in starts:
        i = bisect_right(lefts, p) - 1
        out.append(i >= 0 and p < spans[i][1])
    return out

"""Find gazetteer aliases in text with one compiled regex built from a character trie."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from importlib import resources

import pandas as pd


def _read_guard_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/actors/guard_words.txt`` by section name."""
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
    return {name: frozenset(words) for name, words in sections.items()}


_WORDS = _read_guard_words()
_PREV_OK = _WORDS["prev_ok"]  # capitalised words that may precede a guarded alias
_TITLES = _WORDS["titles"]  # words before a personal name
_NEXT_OK = _WORDS["next_ok"]  # capitalised words that may follow a guarded alias
_HEADS = _WORDS["non_actor_heads"]  # "Kabul University": a name of a non-actor
_NAME_RUN = re.compile(r"(?: (?:[A-Z][\w'’.-]*|of|for|and|the|de|al-\w+)){1,4}")
_ABBR_DEF = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,7})\)")
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)(\.?)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_PREV_CAPS = re.compile(r"\b[A-Z]{2,}[ \t]+$")
_NEXT_CAPS = re.compile(r"[ \t]+[A-Z]{2,}\b")


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
        places = self.table["actor_type"].isin(["state", "territory"])
        self.places = set(self.table.loc[places, "alias"])
        self.demonyms = set(self.table.loc[self.table["label_type"] == "demonym", "alias"])
        self.blocked = set(self.table.loc[self.table["actor_type"] == "block", "alias"])
        pattern = _trie_regex(self.table["alias"])
        self.regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])")

    def _prev_ok(self, text: str, start: int, *, strict: bool = True) -> bool:
        """False when a title or a capitalised non-function word precedes (a personal name)."""
        m = _PREV_WORD.search(text, max(0, start - 40), start)
        if m:
            word, dot = m.group(1), m.group(2)
            if word in _TITLES or word.rstrip(".") in _TITLES:
                return False
            name_like = (
                not dot
                and (strict or word[1:].islower())  # demonyms: only Title case ("David French")
                and "-" not in word  # "Turkish-backed"
                and not word.endswith(("'s", "’s", "s'", "s’"))  # "Arabia's"
            )
            if name_like and word not in _PREV_OK and word not in self.index:
                return False
        return True

    def _next_ok(self, text: str, end: int) -> bool:
        m = _NEXT_WORD.match(text, end)
        return not (m and m.group(1) not in self.index and m.group(1) not in _NEXT_OK)

    @staticmethod
    def _not_in_capitals(text: str, start: int, end: int) -> bool:
        """An all-capital alias ("IS") is a name only outside a run of capitals ("THIS IS IT")."""
        before = _PREV_CAPS.search(text, max(0, start - 30), start)
        after = _NEXT_CAPS.match(text, end)
        return not (before or after)

    def _heads_ok(self, text: str, end: int) -> bool:
        """False for "Kabul University", "Syrian Center for Policy Research"."""
        m = _NAME_RUN.match(text, end)
        return not (m and any(w in _HEADS for w in m.group().split()))

    def find(self, text: str) -> list[tuple[int, int, int, str | None]]:
        """Accepted matches as ``(start, end, row, label_override)``, in text order."""
        index = self.index
        found = []
        for m in self.regex.finditer(text):
            alias = m.group()
            if alias in self.blocked:
                continue
            start, end = m.span()
            if alias in self.guarded:
                if alias.isupper():
                    ok = self._not_in_capitals(text, start, end)
                else:
                    ok = self._prev_ok(text, start) and self._next_ok(text, end)
                if not ok:
                    continue
            if (
                alias in self.demonyms
                and alias[1:].islower()
                and not self._prev_ok(text, start, strict=False)
            ):
                continue
            if alias in self.places and not self._heads_ok(text, end):
                continue
            found.append((start, end, index[alias], None))
        return self._abbreviations(text, found)

    def _abbreviations(self, text: str, found: list) -> list:
        """Abbreviations the text defines after a mention ("Islamic State (IS)") match too."""
        defined = {}
        for start, end, i, _ in found:
            m = _ABBR_DEF.match(text, end)
            if (
                m
                and m.group(1) not in self.index
                and self.table["actor_type"][i] != "office"
                and _initials_match(m.group(1), text[start:end])
            ):
                defined.setdefault(m.group(1), i)
        if not defined:
            return found
        taken = [s for s, _, _, _ in found]  # sorted, and the matches do not overlap
        taken_ends = [e for _, e, _, _ in found]
        extra = []
        pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True)))
            + r")(?![\w])"
        )
        for m in pattern.finditer(text):
            s, e = m.span()
            k = bisect_left(taken, e) - 1  # the last mention starting before e
            if k < 0 or taken_ends[k] <= s:
                extra.append((s, e, defined[m.group()], "abbreviation"))
        return sorted(found + extra)


def _initials_match(abbr: str, name: str) -> bool:
    """Whether ``abbr`` is built from the initials of ``name``: "IS" / "Islamic State" yes,
    "TTP" / "Pakistan" (the tail of "Tehreek-e-Taliban Pakistan (TTP)") or "AP" / "Turkey" no.

    >>> _initials_match("SMC", "Supreme Military Council"), _initials_match("AP", "Turkey")
    (True, False)
    """
    letters = [c for c in abbr if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return len(words) >= 2 and [w[0] for w in words] == [c.upper() for c in letters]


def in_spans(starts: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    """For each position, whether it lies inside one of ``spans`` (in any order, may overlap).

    >>> in_spans([0, 3, 9], [(2, 5), (4, 8)])
    [False, True, False]
    """
    if not spans:
        return [False] * len(starts)
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    lefts = [s for s, _ in merged]
    out = []
    for p in starts:
        i = bisect_right(lefts, p) - 1
        out.append(i >= 0 and p < merged[i][1])
    return out

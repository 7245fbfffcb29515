"""Pair quotation marks into quoted spans, across paragraphs, and report damaged marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double quotation marks: curly, straight, low-9, guillemets, TeX ``...'' and two apostrophes.
MARK = re.compile(r"``|''|[\"“”„‟«»]")
_OPEN = {"“", "„", "‟", "«", "``"}
_CLOSE = {"”", "»"}
_PARA = re.compile(r"\n")


@dataclass
class Quote:
    """A quoted span: ``start`` at the opening mark, ``end`` after the closing mark."""

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


@dataclass
class MarkProblem:
    start: int
    end: int
    mark: str
    problem: str


def _orientation(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or '?' for the mark ``text[start:end]``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in _OPEN:
        return "open"
    if mark in _CLOSE:
        # a closing curly mark used as an opening one ("”word") is reported by the caller
        return "close"
    # straight " and two apostrophes
    left_space = before.isspace() or before in "([{—–-/:;,"
    right_space = after.isspace() or after in ".,;:!?)]}—–-"
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "?"


def pair_marks(text: str) -> tuple[list[Quote], list[MarkProblem]]:
    """Pair the double quotation marks of ``text``.

    An opening mark left open at the end of a paragraph continues into the next paragraph when
    that one starts with an opening mark (the newspaper convention for quotes that run over
    several paragraphs); otherwise the quote is closed at the end of its paragraph and reported.

    >>> qs, problems = pair_marks('He said: "Yes." Then “no')
    >>> [(q.start, q.end, q.closed) for q in qs], [p.problem for p in problems]
    ([(9, 15, True), (21, 24, False)], ['unclosed'])
    """
    quotes: list[Quote] = []
    problems: list[MarkProblem] = []
    marks = [(m.start(), m.end(), m.group()) for m in MARK.finditer(text)]
    # paragraph index of every mark; a paragraph is a run of text between newlines
    para_ends = [m.start() for m in _PARA.finditer(text)] + [len(text)]
    open_at: int | None = None
    open_para = 0
    n_paras = 1
    pi = 0
    for i, (s, e, mk) in enumerate(marks):
        while para_ends[pi] < s:
            pi += 1
        if open_at is not None and pi != open_para:
            # paragraph changed while a quote is open: continue if this paragraph opens with it
            para_start = para_ends[pi - 1] + 1 if pi > 0 else 0
            first_char = len(text[para_start:s]) - len(text[para_start:s].lstrip())
            if para_start + first_char == s and _orientation(text, s, e, mk) != "close":
                open_para = pi
                n_paras += 1
                continue
            end = para_ends[open_para]
            while end > open_at and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(open_at, end, closed=False, paragraphs=n_paras))
            problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
            open_at = None
        kind = _orientation(text, s, e, mk)
        if kind == "?":
            kind = "close" if open_at is not None else "open"
        if kind == "close" and open_at is None and mk == "”":
            after = text[e] if e < len(text) else " "
            if after.isalnum():
                problems.append(MarkProblem(s, e, mk, "closing mark used as opening"))
                kind = "open"
        if kind == "open":
            if open_at is not None:
                nxt = marks[i + 1][2] if i + 1 < len(marks) else ""
                if mk == "”" or (mk == '"' and nxt in _OPEN):
                    kind = "close"
                else:
                    problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
            if kind == "open":
                open_at, open_para, n_paras = s, pi, 1
                continue
        if open_at is None:
            problems.append(MarkProblem(s, e, mk, "closing mark without opening"))
            continue
        quotes.append(Quote(open_at, e, closed=True, paragraphs=n_paras))
        open_at = None
    if open_at is not None:
        end = para_ends[open_para]
        while end > open_at and text[end - 1].isspace():
            end -= 1
        quotes.append(Quote(open_at, end, closed=False, paragraphs=n_paras))
        problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
    return quotes, problems

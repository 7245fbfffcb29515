"""Pair quotation marks into quoted spans, across paragraphs, and report damaged marks.

The one quotation-mark pairer of the toolkit: the annotate layer stores its output as
``quote_marks``, :mod:`toolkit.quotes` and :mod:`toolkit.actors` read it from there or call it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double quotation marks: curly, straight, low-9, guillemets, TeX ``...'' and two apostrophes.
MARK = re.compile(r"``|''|[\"“”„‟«»]")
# the same marks in a text without ``/'': one character class scans about 3x faster
_MARK_ONE = re.compile(r"[\"“”„‟«»]")
_OPEN = frozenset({"“", "„", "‟", "«", "``"})
_CLOSE = frozenset({"”", "»"})
_NONSPACE = re.compile(r"\S")
_LEFT_OPEN = "([{—–-/:;,"  # before a straight mark: it opens
_RIGHT_CLOSE = ".,;:!?)]}—–-"  # after a straight mark: it closes


@dataclass
class Quote:
    """A quoted span: ``start`` at the opening mark, ``end`` after the closing mark."""

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


@dataclass
class MarkProblem:
    """A damaged quotation mark: ``text[start:end]`` is ``mark``, ``problem`` says what."""

    start: int
    end: int
    mark: str
    problem: str


def _orientation(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or '?' for the mark ``text[start:end]``."""
    if mark in _OPEN:
        return "open"
    if mark in _CLOSE:
        # a closing curly mark used as an opening one ("”word") is reported by the caller
        return "close"
    # straight " and two apostrophes
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left_space = before.isspace() or before in _LEFT_OPEN
    right_space = after.isspace() or after in _RIGHT_CLOSE
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "?"


def _unclosed_end(text: str, open_at: int, para_end: int) -> int:
    """End of a quote left open: its paragraph's end, trailing white space left out."""
    end = para_end
    while end > open_at and text[end - 1].isspace():
        end -= 1
    return end


def pair_marks(text: str) -> tuple[list[Quote], list[MarkProblem]]:
    """Pair the double quotation marks of ``text``.

    An opening mark left open at the end of a paragraph continues into the next paragraph when
    that one starts with an opening mark (the newspaper convention for quotes that run over
    several paragraphs); otherwise the quote is closed at the end of its paragraph and reported.
    One regular-expression scan finds the marks (a single character class when the text has
    no doubled backtick or apostrophe); a text without any returns at once, and
    paragraph ends are looked up only while a quote is open (a paragraph is a run of text
    between newlines).

    >>> qs, problems = pair_marks('He said: "Yes." Then “no')
    >>> [(q.start, q.end, q.closed) for q in qs], [p.problem for p in problems]
    ([(9, 15, True), (21, 24, False)], ['unclosed'])
    """
    scan = MARK if ("``" in text or "''" in text) else _MARK_ONE
    marks = [(m.start(), m.end(), m.group()) for m in scan.finditer(text)]
    if not marks:
        return [], []
    quotes: list[Quote] = []
    problems: list[MarkProblem] = []
    n_text = len(text)
    open_at = -1  # -1: no quote open
    para_end = n_text  # end of the paragraph of the open quote (its latest part)
    n_paras = 1
    last = len(marks) - 1
    for i, (s, e, mk) in enumerate(marks):
        if open_at >= 0 and s > para_end:
            # paragraph changed while a quote is open: continue if this paragraph opens with it
            para_start = text.rfind("\n", 0, s) + 1
            if _NONSPACE.search(text, para_start, s) is None \
                    and _orientation(text, s, e, mk) != "close":
                para_end = text.find("\n", s)
                if para_end < 0:
                    para_end = n_text
                n_paras += 1
                continue
            quotes.append(Quote(open_at, _unclosed_end(text, open_at, para_end), closed=False,
                                paragraphs=n_paras))
            problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
            open_at = -1
        kind = _orientation(text, s, e, mk)
        if kind == "?":
            kind = "close" if open_at >= 0 else "open"
        if kind == "close" and open_at < 0 and mk == "”" and e < n_text and text[e].isalnum():
            problems.append(MarkProblem(s, e, mk, "closing mark used as opening"))
            kind = "open"
        if kind == "open":
            if open_at >= 0:
                if mk == "”" or (mk == '"' and i < last and marks[i + 1][2] in _OPEN):
                    kind = "close"
                else:
                    problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
            if kind == "open":
                open_at, n_paras = s, 1
                para_end = text.find("\n", s)
                if para_end < 0:
                    para_end = n_text
                continue
        if open_at < 0:
            problems.append(MarkProblem(s, e, mk, "closing mark without opening"))
            continue
        quotes.append(Quote(open_at, e, closed=True, paragraphs=n_paras))
        open_at = -1
    if open_at >= 0:
        quotes.append(Quote(open_at, _unclosed_end(text, open_at, para_end), closed=False,
                            paragraphs=n_paras))
        problems.append(MarkProblem(open_at, open_at + 1, text[open_at], "unclosed"))
    return quotes, problems

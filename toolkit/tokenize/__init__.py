"""Sentences and tokens with character offsets (placeholder API; see issue #3)."""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "token_spans"]

_SENT = re.compile(r"[^\n]*?(?:[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|$)", re.S)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|\S")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences in ``text``.

    >>> sentence_spans("One. Two.")
    [(0, 4), (5, 9)]
    """
    spans = []
    for m in _SENT.finditer(text):
        seg = m.group()
        stripped = seg.strip()
        if not stripped:
            continue
        start = m.start() + (len(seg) - len(seg.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of tokens in ``text``.

    >>> token_spans("Iran's talks.")
    [(0, 6), (7, 12), (12, 13)]
    """
    return [m.span() for m in _TOKEN.finditer(text)]

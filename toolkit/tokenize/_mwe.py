"""Multiword expressions: a lexicon of token tuples, merged into one token per match."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from toolkit.tokenize._spans import _token_regex


def _mwe_lexicon(mwe: bool | str | Path | Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """``{first word: [expression as lower-case token tuple, longest first]}``."""
    from toolkit import lexicons

    entries = sorted(lexicons.load("mwe") if mwe is True else lexicons.resolve(mwe, kind="mwe"))
    regex = _token_regex()
    lex: dict[str, set[tuple[str, ...]]] = {}
    for entry in entries:
        toks = tuple(m.group().lower() for m in regex.finditer(entry))
        if len(toks) >= 2:
            lex.setdefault(toks[0], set()).add(toks)
    return {k: sorted(v, key=len, reverse=True) for k, v in lex.items()}


def _merge_mwe(
    text: str,
    spans: list[tuple[int, int]],
    sent_of: list[int],
    lex: dict[str, list[tuple[str, ...]]],
) -> tuple[list[tuple[int, int]], list[int]]:
    lows = [text[s:e].lower() for s, e in spans]
    out_spans: list[tuple[int, int]] = []
    out_sent: list[int] = []
    i, n = 0, len(spans)
    while i < n:
        cands = lex.get(lows[i])
        if cands:
            for expr in cands:
                j = i + len(expr)
                if (
                    j <= n
                    and sent_of[j - 1] == sent_of[i]
                    and tuple(lows[i:j]) == expr
                ):
                    out_spans.append((spans[i][0], spans[j - 1][1]))
                    out_sent.append(sent_of[i])
                    i = j
                    break
            else:
                out_spans.append(spans[i])
                out_sent.append(sent_of[i])
                i += 1
        else:
            out_spans.append(spans[i])
            out_sent.append(sent_of[i])
            i += 1
    return out_spans, out_sent

"""Roles and affiliations around a name: pre-modifiers ("Iranian Foreign Minister X") and
appositions ("X, Iran's foreign minister,"; "the head of the AEOI, X,")."""

from __future__ import annotations

import re

from toolkit.people._lexicon import Lexicon

_PREV_WORD = re.compile(r"(\S+)[ \t\xa0]+$")  # what _prev_word finds, without a regex scan


def _prev_word(text: str, lo: int, pos: int) -> tuple[int, int, str] | None:
    """``(start, end, word)`` of ``_PREV_WORD.search(text, lo, pos)`` (the word before the
    spaces that end ``text[lo:pos]``; ``$`` also before a final newline), found from the right
    in C string methods instead of a regex tried at every position of the window."""
    seg = text[lo:pos]
    body = seg[:-1] if seg.endswith("\n") else seg
    stripped = body.rstrip(" \t\xa0")
    if len(stripped) == len(body) or not stripped or stripped[-1].isspace():
        return None
    word = stripped.rsplit(None, 1)[-1]
    end = lo + len(stripped)
    return end - len(word), end, word


def _last_word(seg: str) -> str:
    """``re.search(r"(\\S+)$", seg).group(1)`` ("" when it finds none: ``$`` is the end or a
    final newline), read from the right instead of tried at every position."""
    body = seg[:-1] if seg.endswith("\n") else seg
    if not body or body[-1].isspace():
        return ""
    return body.rsplit(None, 1)[-1]


_APPOS_END = re.compile(r"\s*(?:[,;:)—–]|\.(?:\s|$)|\s(?:said|says|told|added)\b)")


def _is_head(lex: Lexicon, word: str) -> bool:
    low = word.lower().strip(",")
    return low in lex.heads or low.rstrip(".") in lex.heads or low in lex.honorifics


def _is_title_word(lex: Lexicon, word: str) -> bool:
    low = word.lower()
    return low in lex.titles or low.rstrip(".") in lex.titles or low in lex.honorifics


def _alias_at(lex: Lexicon, text: str, pos: int, limit: int) -> tuple[int, str] | None:
    """``(end, alias)`` of a gazetteer alias starting at ``pos`` and ending by ``limit``."""
    m = lex.alias_regex.match(text, pos)
    if m and m.end() <= limit:
        return m.end(), m.group()
    return None


def _alias_ending(lex: Lexicon, text: str, end: int) -> tuple[int, str] | None:
    """``(start, alias)`` of a gazetteer alias that ends at ``end`` (a possessive allowed)."""
    stop = end
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix, 0, end):
            stop = end - len(suffix)
            break
    pos = stop
    best = None
    for _ in range(5):  # up to five words back
        m = _prev_word(text, max(0, pos - 60), pos) if pos < stop else None
        if pos == stop:
            word = _last_word(text[max(0, pos - 60):pos])
            start = pos - len(word) if word else pos
        elif m:
            start = m[0]
        else:
            break
        start = max(start, 0)
        while start < stop and not text[start].isalnum():
            start += 1
        hit = lex.alias_regex.match(text, start)
        if hit and hit.end() == stop and lex.aliases[hit.group()][1] != "block":
            best = (start, hit.group())
        pos = start
        if pos <= 0:
            break
    return best


def _affil(lex: Lexicon, alias: str) -> tuple[str, str]:
    actor, _typ, country = lex.aliases[alias]
    return actor, country


def _role_before(lex: Lexicon, text: str, start: int) -> tuple[str, str, str, int]:
    """Role words and an affiliation alias right before ``start``: ``(role, affiliation,
    country, phrase start)`` ("Iranian Foreign Minister |Zarif", "Iran's top diplomat |")."""
    pos = start
    role_start = role_end = None
    affiliation = country = ""
    while True:
        m = _prev_word(text, max(0, pos - 40), pos)
        if not m:
            break
        word = m[2]
        if word == "of" and role_start is not None:
            prev = _prev_word(text, max(0, m[0] - 40), m[0])
            if prev and prev[2].lower() in lex.heads:
                pos = m[0]
                continue
        if _is_title_word(lex, word) and word.lower() not in ("of", "the"):
            if lex.honorifics.get(word.lower()) is None:
                role_start = m[0]
                role_end = role_end or m[1]
            pos = m[0]
            continue
        hit = _alias_ending(lex, text, m[1])
        if hit:
            affiliation, country = _affil(lex, hit[1])
            pos = hit[0]
        break
    role = text[role_start:role_end] if role_start is not None else ""
    return role, affiliation, country, pos


def _parse_role_phrase(lex: Lexicon, text: str, start: int, end: int
                       ) -> tuple[str, str, str] | None:
    """A role phrase filling ``text[start:end]`` ("Iran's foreign minister", "the head of the
    AEOI", "a spokesman for the UN"): ``(role, affiliation, country)``; None if it is not one."""
    phrase = text[start:end]
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", phrase)]
    if not words or len(words) > 12:
        return None
    i = 0
    affiliation = country = ""
    if words[i][2].lower() in ("the", "a", "an", "his", "her", "its", "their"):
        i += 1
    if i < len(words) and words[i][2].lower() == "former":
        i += 1
    if i < len(words) and not _is_title_word(lex, words[i][2]):
        hit = _alias_at(lex, text, words[i][0], end)
        if not hit:
            return None
        affiliation, country = _affil(lex, hit[1])
        i0 = i
        while i < len(words) and words[i][1] <= hit[0] + 2:
            i += 1
        if i == i0:
            return None
    r0 = i
    has_head = False
    while i < len(words) and _is_title_word(lex, words[i][2].strip(",")):
        has_head = has_head or words[i][2].lower().strip(",") in lex.heads
        i += 1
    if not has_head or i == r0:
        return None
    role_end = words[i - 1][1]
    if i < len(words) and words[i][2].lower() in ("of", "for", "to", "at"):
        j = i + 1
        if j < len(words) and words[j][2].lower() == "the":
            j += 1
        if j >= len(words):
            return None
        hit = _alias_at(lex, text, words[j][0], end)
        if hit and hit[0] == end:
            if not affiliation:
                affiliation, country = _affil(lex, hit[1])
            role_end = end
            i = len(words)
        elif all(w[2][:1].isupper() or w[2].lower() in ("of", "and", "the", "for")
                 for w in words[j:]):
            role_end = end
            i = len(words)
        else:
            return None
    if i != len(words):
        return None
    return text[words[r0][0]:role_end], affiliation, country


def _apposition_after(lex: Lexicon, text: str, end: int) -> tuple[str, str, str] | None:
    if not text.startswith(", ", end):
        return None
    start = end + 2
    m = _APPOS_END.search(text, start, min(len(text), start + 120))
    if not m:
        return None
    return _parse_role_phrase(lex, text, start, m.start())


def _apposition_before(lex: Lexicon, text: str, start: int) -> tuple[str, str, str] | None:
    if not text.endswith(", ", 0, start):
        return None
    stop = start - 2
    left = max(0, stop - 120)
    window = text[left:stop]
    cut = max(window.rfind(c) for c in ".,;:(\n\"“”—")
    p0 = left + cut + 1
    while p0 < stop and text[p0].isspace():
        p0 += 1
    return _parse_role_phrase(lex, text, p0, stop)


"""Paragraph, sentence and token spans: the fast core of :mod:`toolkit.tokenize`.

Sentences: blank lines (and by default single line breaks) always end a sentence; inside a
line, every candidate end (``.``, ``!``, ``?``, ``…`` plus closing quotes or brackets, then
white space) is decided with NLTK Punkt's second-pass rules (abbreviations, initials,
numbers, collocations, orthographic context, frequent sentence starters) using NLTK's English
Punkt parameters shipped as plain text, plus news fixes (titles, ``No. 10``, names after
``U.S.`` and middle initials, quotes that close a sentence: ``"Why?" he asked.``, emoticons and
citation marks kept with their sentence) and e-mail/web breaks without punctuation (after
``<address>``, emoticons, date stamps, "Regards,"). Only the candidates are visited in Python,
so the cost grows with the number of sentences, not characters.

Tokens: one compiled regular expression with UD/Penn Treebank conventions (clitics split as in
``do n't``, ``Iran ’s``; hyphens split except after prefixes such as ``non-``; URLs, e-mail
addresses, hashtags, numbers, times, dates and abbreviations kept whole).
"""

from __future__ import annotations

import re
from functools import cache

from toolkit.tokenize._data import abbreviations, hyphen_prefixes, punkt_params, read_lines

Span = tuple[int, int]

# ---------------------------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------------------------

_PARA_SEP = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_SEP = re.compile(r"\n\s*")  # segments keep trailing spaces; spans are stripped


def _strip_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraph_spans(text: str) -> list[Span]:
    """Character spans of paragraphs: text separated by one or more blank lines.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (start, end)
        Sorted, non-overlapping spans, stripped of surrounding white space.

    Examples
    --------
    >>> text = "First para.\\nStill first.\\n\\nSecond."
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['First para.\\nStill first.', 'Second.']
    """
    _check_text(text)
    spans: list[Span] = []
    pos = 0
    for m in _PARA_SEP.finditer(text):
        sp = _strip_span(text, pos, m.start())
        if sp:
            spans.append(sp)
        pos = m.end()
    sp = _strip_span(text, pos, len(text))
    if sp:
        spans.append(sp)
    return spans


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

_ORTHO_BEG_UC = 1 << 1
_ORTHO_MID_UC = 1 << 2
_ORTHO_UNK_UC = 1 << 3
_ORTHO_BEG_LC = 1 << 4
_ORTHO_MID_LC = 1 << 5
_ORTHO_UNK_LC = 1 << 6
_ORTHO_UC = _ORTHO_BEG_UC + _ORTHO_MID_UC + _ORTHO_UNK_UC
_ORTHO_LC = _ORTHO_BEG_LC + _ORTHO_MID_LC + _ORTHO_UNK_LC

_CLOSE = "\"'”’»)\\]}"
_OPEN = "\"'“‘«([{¿¡"
_QUOTES = "\"'”’»"
# a candidate sentence end: end punctuation, closing quotes/brackets, then white space or the
# end of the segment. The word before it is found by looking back to the previous space.
# It starts only where a run of end punctuation starts (the lookbehind; the lookahead first
# makes other positions fail at once), and the run and the closers are taken whole
# (possessive), so a long run not followed by white space ("....a", "?!?!...x") is rejected
# in one pass instead of being retried from every character in it (which was quadratic).
# Same matches: a run start that fails makes every later start in the run fail.
_CANDIDATE = re.compile(
    r"(?=[.!?…])(?<![.!?…])(\.(?: \.)+|[.!?…]++)([" + _CLOSE + r"]*+)(?=\s|\Z)"
)
_NEXT_TOKEN = re.compile(r"\s+(\S+)")
# tokens that belong to the sentence before them: emoticons, citation marks [6], [...]
_ATTACHED = re.compile(
    r"(?:[:;=]-?[()\[\]/\\|*DPpO3]+|\[(?:\d+(?:[,–-]\d+)*|\.\.\.|…)\]|\(\d+\))[.,;:!?]*$"
)
_NUMBER_TYPE = re.compile(r"^-?[.,]?\d[\d,.\-]*\.?$")
_INITIAL = re.compile(r"^[^\W\d_]$")
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")  # u.s, e.g, a.m
_LEAD_CHARS = _OPEN + "*-–—"
_TRAIL_CHARS = ".,;:!?" + _CLOSE


def _ortho_heuristic(word: str, ortho_ctx: dict[str, int]) -> bool | None:
    """Punkt's orthographic heuristic: True = starts a sentence, False = does not, None = ?"""
    if word in (";", ":", ",", ".", "!", "?"):
        return False
    typ = word.rstrip(_TRAIL_CHARS).lower()
    ortho = ortho_ctx.get(typ, 0)
    first = word[:1]
    if first.isupper() and (ortho & _ORTHO_LC) and not (ortho & _ORTHO_MID_UC):
        return True
    if first.islower() and ((ortho & _ORTHO_UC) or not (ortho & _ORTHO_BEG_LC)):
        return False
    return None


def _starts_sentence(word: str, next_typ: str) -> bool:
    """After an abbreviation or ellipsis: does ``word`` look like a sentence start?"""
    params = punkt_params()
    if _ortho_heuristic(word, params.ortho_context) is True:
        return True
    # a capitalised function word (The, We, It, This, ...) after an abbreviation starts a sentence
    starters = params.sent_starters
    return word[:1].isupper() and (next_typ in starters or next_typ in _function_words())


def _continues_name(word: str, next_typ: str, after: str) -> bool:
    """A capitalised non-function word (followed by another capitalised word when ``after``)."""
    if not word[:1].isupper() or next_typ in _function_words():
        return False
    if next_typ in punkt_params().sent_starters:
        return False
    return after == "" or after[:1].isupper()


@cache
def _function_words() -> frozenset[str]:
    from toolkit import lexicons  # the one stopword family (closed-class words)

    return frozenset(w.lower() for w in lexicons.load("stopwords") if w.isalpha())


def _is_boundary(prev: str, punct: str, close: str, nxt: str, after: str = "") -> bool:
    """Decide whether ``prev + punct + close`` followed by the token ``nxt`` ends a sentence.

    ``after`` is the token after ``nxt`` ("" if none): "U.S. Ambassador Mark" and "Susan E. Rice"
    continue a name, so no break there.
    ``prev`` is the text from the previous white space up to the punctuation, ``punct`` is
    ``"."``, ``"..."`` (any ellipsis) or a run of ``!?.``, ``close`` the closing quotes and
    brackets after it.
    """
    word = nxt.lstrip(_LEAD_CHARS) or nxt
    first = word[:1]
    if not first.isalnum():
        # the next token is punctuation only ("-", "--", "*", "..."): a break if end is strong
        return punct != "..." and first not in ",;:)]}"
    lower = first.islower()
    quoted = bool(close) and close[-1] in _QUOTES
    if punct != "." and punct != "...":  # ! ? ?! !!! .?
        # "Why?" he asked. -> no break before a lower-case word after a closing quote
        return not (lower and quoted)
    next_typ = word.rstrip(_TRAIL_CHARS).lower()
    if punct == "...":
        if lower or first.isdigit():
            return False
        return quoted or nxt[:1] in _OPEN or _starts_sentence(word, next_typ)
    # a single period
    params = punkt_params()
    typ = prev.lstrip(_LEAD_CHARS).lower()
    if typ.endswith("."):
        typ = typ[:-1]
    if not typ:
        return not lower
    if _NUMBER_TYPE.match(typ):
        typ = "##number##"
    if (typ, next_typ) in params.collocations:
        return False
    kind = abbreviations().get(typ)
    if kind == "numeric" and len(typ) == 1 and prev[-1:].isupper():
        kind = None  # "P." in Robert P. Casey is an initial, not "p." (page)
    if kind == "numeric":
        return not first.isdigit()
    if kind == "title" and not close:
        return False
    if kind == "word":  # "It was ok." ends a sentence although Punkt lists "ok" (Oklahoma)
        return True
    is_initial = bool(_INITIAL.match(typ))
    is_abbrev = (
        kind is not None
        or typ in params.abbrev_types
        or typ.rsplit("-", 1)[-1] in params.abbrev_types
        or bool(_DOTTED.match(typ))
    )
    if is_abbrev and not is_initial:
        if lower or first.isdigit():
            return False
        if close:  # U.S." He ...: a closing quote or bracket after an abbreviation ends it
            return True
        if _continues_name(word, next_typ, after):  # U.N. Ambassador Mark Grant
            return False
        return _starts_sentence(word, next_typ)
    if is_initial or typ == "##number##":
        if first.isdigit() and is_initial:
            return False
        if is_initial and prev[-1:].isupper() and _continues_name(word, next_typ, ""):
            return False  # Susan E. Rice, Robert P. Casey (not: Plan B. The ...)
        starter = _ortho_heuristic(word, params.ortho_context)
        if starter is False:
            return False
        lower_seen = params.ortho_context.get(next_typ, 0) & _ORTHO_LC
        return not (starter is None and is_initial and first.isupper() and not lower_seen)
    return True


@cache
def _extra_breaks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Sentence starts without end punctuation (e-mail and web text).

    The first pattern starts with a rare character class so the scan is fast; a match ends
    where the next sentence starts. An e-mail date stamp is a sentence of its own, so a break
    goes before it too (group ``stamp``). The second pattern, tried at line starts only, is a
    letter closing ("Regards," then a name).
    """
    inline = re.compile(
        r"""[>:;=/](?:
          (?<=>)\s+(?=[A-Z0-9"“])                                # after <address> or >>
        | (?<=[:;=])-?[)(DPp]\s+(?=[A-Z])                         # after an emoticon
        | (?<=\d/)(?P<stamp>\d{1,2}/\d{2,4}\s+\d{1,2}:\d\d(?::\d\d)?\s*[AP]M\b)\s+
        )""",
        re.VERBOSE,
    )
    closings = "|".join(re.escape(c) for c in sorted(read_lines("closings_en.txt"), key=len)[::-1])
    closing = re.compile(r"(?:" + closings + r"),\s+(?=[A-Z])")
    return inline, closing


def _split_segment(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append the sentence spans of ``text[start:end]`` (one line or paragraph) to ``out``."""
    first = len(out)
    _split_punct(text, start, end, out)
    inline, closing = _extra_breaks()
    extra = []
    for m in inline.finditer(text, start, end):
        if m.start("stamp") >= 0:  # the stamp began with the month digits before the "/"
            extra.append(m.start() - (2 if text[m.start() - 2 : m.start() - 1].isdigit() else 1))
        if m.end() < end:
            extra.append(m.end())
    line = start
    while line >= 0:
        m = closing.match(text, line, end)
        if m and m.end() < end:
            extra.append(m.end())
        line = text.find("\n", line, end)
        line = line + 1 if line >= 0 else -1
    if not extra:
        return
    extra.sort()
    spans = out[first:]
    del out[first:]
    k = 0  # both lists are sorted: walk them together (linear, however many cuts)
    for s, e in spans:
        while k < len(extra) and extra[k] <= s:
            k += 1
        while k < len(extra) and extra[k] < e:
            sp = _strip_span(text, s, extra[k])
            if sp:
                out.append(sp)
            s = extra[k]
            k += 1
        out.append((s, e))


def _split_punct(text: str, start: int, end: int, out: list[Span]) -> None:
    """Sentence spans of ``text[start:end]`` from end punctuation (Punkt rules)."""
    sent_start = start
    skip_to = start
    # the last space, tab or newline before the candidate: searched only in the text not yet
    # searched (``scanned`` onwards), so that a long sentence with many candidates is read once
    last_ws = -1
    scanned = start
    for m in _CANDIDATE.finditer(text, start, end):
        a, b = m.span()
        if b >= end:
            break
        if a < skip_to:
            continue
        nm = _NEXT_TOKEN.match(text, b, end)
        if nm is None:
            break
        punct, close = m.group(1), m.group(2)
        lo = max(scanned, sent_start)
        ws = max(text.rfind(" ", lo, a), text.rfind("\n", lo, a), text.rfind("\t", lo, a))
        if ws >= 0:
            last_ws = ws
        elif last_ws >= sent_start:
            ws = last_ws
        scanned = a
        prev = text[max(ws + 1, sent_start) : a]
        if punct[0] == "…" or punct.startswith("..") or punct.startswith(". ."):
            punct = "..."
        nxt = nm.group(1)
        nm2 = _NEXT_TOKEN.match(text, nm.end(1), end)
        if not _is_boundary(prev, punct, close, nxt, nm2.group(1) if nm2 else "-"):
            continue
        # emoticons and citation marks stay with the sentence they follow
        while _ATTACHED.match(nxt):
            b = nm.end(1)
            nm = _NEXT_TOKEN.match(text, b, end)
            if nm is None:
                break
            nxt = nm.group(1)
        if nm is None:
            break
        sp = _strip_span(text, sent_start, b)
        if sp:
            out.append(sp)
        sent_start = skip_to = nm.start(1)
    sp = _strip_span(text, sent_start, end)
    if sp:
        out.append(sp)


def sentence_spans(text: str, *, newlines: str = "break") -> list[Span]:
    """Character spans of sentences in ``text``.

    Parameters
    ----------
    text : str
        Any text; Arabic or Persian script and right-to-left marks are fine.
    newlines : {"break", "space"}
        A blank line always ends a sentence. With ``"break"`` (default, right for scraped news
        where each line is a headline or paragraph) a single line break does too; with
        ``"space"`` it is ordinary white space (hard-wrapped text).

    Returns
    -------
    list of (start, end)
        Sorted, non-overlapping spans; ``text[start:end]`` is the sentence without surrounding
        white space. Closing quotes and brackets stay with the sentence they close.

    Examples
    --------
    >>> text = 'Lt. Col. Ali met Dr. Rahimi in the U.S. on Jan. 5. "We agree," he said.'
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Lt. Col. Ali met Dr. Rahimi in the U.S. on Jan. 5.', '"We agree," he said.']
    """
    _check_text(text)
    if newlines not in ("break", "space"):
        raise ValueError(f"newlines must be 'break' or 'space', got {newlines!r}")
    out: list[Span] = []
    sep = _LINE_SEP if newlines == "break" else _PARA_SEP
    pos = 0
    n = len(text)
    for m in sep.finditer(text):
        if m.start() > pos:
            _split_segment(text, pos, m.start(), out)
        pos = m.end()
    if pos < n:
        _split_segment(text, pos, n, out)
    return out


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------


@cache
def _token_regex() -> re.Pattern[str]:
    abbrevs = abbreviations()
    ordered = sorted(abbrevs, key=len, reverse=True)
    always = "|".join(re.escape(a) for a in ordered if abbrevs[a] in ("title", "general"))
    numeric = "|".join(re.escape(a) for a in ordered if abbrevs[a] == "numeric")
    prefixes = "|".join(re.escape(p) for p in sorted(hyphen_prefixes(), key=len, reverse=True))
    L = r"[^\W\d_]"  # a letter
    W = r"[^\W_]"  # a letter or digit
    pattern = rf"""
    (?![gGwWcC](?:onna|anna|otta|annot)\b)[a-zA-Z]++(?=[\s,;)\]"”!?]|\Z)    # fast: word
    | \d++(?![\w.,:/\-'’])                                                # fast: number
    | [,;“”()](?![^\w\s])                                                  # fast: , ; “ ” ( )
    | \.(?=\s|\Z)                                                          # fast: final .
    | [?!:](?=\s|\Z)                                                        # fast: ? ! :
    | [-"\[\]/$%&](?![^\w\s])                                              # fast: - " [ ] / $
    | (?:https?://|ftps?://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?'’)\]}}]           # URL
    | (?=[\w.+\-]{{1,64}}+@\w)[\w.+\-]*[\w.]@\w[\w\-]*(?:\.\w[\w\-]*)*         # e-mail
    | (?<![\w/])[a-zA-Z]/[a-zA-Z](?![\w/])                                  # b/c w/o
    | [#@]{W}\w*                                                            # hashtag, handle
    | (?<!\w)(?:{L}\.){{2,}}(?!\w)                                          # U.S. e.g. a.m.
    | (?<![\w.])(?=[^\W\d_]{{1,7}}\.)(?i:{always})\.(?!\w)       # Dr. Inc.
    | (?<![\w.])(?=[^\W\d_]{{1,7}}\.)(?i:{numeric})\.(?=\s*\d)   # No. 10
    | (?<![\w.]){L}\.(?=\s*{W})                                             # initials: M. Ali
    | (?<!\w)\d+(?:-(?:0\d*|\d{{3,}}))+(?![\w\-])                           # phone 853-3242
    | \d++(?:[.,:/]\d+)+                                                    # 10,080,000 1.2 08:02
    | [’']\d\ds\b                                                           # ’70s
    | \d+['’]s\b                                                            # 1970's (plural)
    | (?<!\w)(?=[^\W\d_]{{1,7}}-)(?i:{prefixes})-{W}++(?![.\-]\w)       # non-official
    | (?<!\w)(?:[Aa]l|[Ee]l)-[A-Z]\w*+(?![.\-]\w)                           # Al-Araji al-Sadr
    | (?<!\w)(?i:gon(?=na\b)|wan(?=na\b)|got(?=ta\b)|can(?=not\b))          # gon|na, can|not
    | {W}\w*?(?=[nN]['’][tT]\b)                                             # do|n't
    | [nN]['’][tT]\b                                                        # n't
    | (?<=\w)['’](?:[sSmMdD]|re|RE|ve|VE|ll|LL)\b                           # 's 're 'll
    | ['’]em\b                                                              # 'em
    | \w++(?:[\u200c\u200d]\w++)*(?:['’](?![sSmMdD]\b|re\b|RE\b|ve\b|VE\b|ll\b|LL\b)\w+)*(?:\.\w+)*
      (?:-(?=[\s,;:)]|$))?                                                 # words, file.txt, w-
    | \.\.+|…                                                               # ellipsis
    | [!?][!?.]*|\.[!?]+[!?.]*                                              # !!! ?! .?
    | [:;=]-?(?:[()\[\]/\\|*]+|[DPpO3](?!\w))                               # :) ;-) :D
    | [=\-*~#_]{{2,}}                                                        # -- ==-- ***
    | (?P<rep>[^\w\s])(?P=rep)+                                             # !! $$$
    | [^\w\s]                                                               # any other symbol
    | \S                                                                    # anything else
    """
    # (?=\S) first: at a white-space position the match fails at once instead of trying
    # every alternative, which doubles the speed
    return re.compile(r"(?=\S)(?:" + pattern + ")", re.VERBOSE)


def token_spans(text: str) -> list[Span]:
    """Character spans of tokens in ``text`` (UD / Penn Treebank conventions).

    Clitics are split (``do n't``, ``Iran ’s``, ``I 'm``), hyphens are tokens of their own
    except after prefixes (``non-official``, ``e-mail``) and in names with the Arabic article
    (``Al-Araji``, ``al-Sadr``, ``El-Sisi``), punctuation is split off except in
    abbreviations (``U.S.``, ``Dr.``), numbers (``10,080,000``, ``1.2``), times, URLs, e-mail
    addresses and hashtags. Every non-space character is in exactly one token.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (start, end)
        Sorted, non-overlapping spans; ``text[start:end]`` is the token.

    Examples
    --------
    >>> text = "Iran’s talks with Al-Araji don't end."
    >>> [text[s:e] for s, e in token_spans(text)]
    ['Iran', '’s', 'talks', 'with', 'Al-Araji', 'do', "n't", 'end', '.']
    """
    _check_text(text)
    return [m.span() for m in _token_regex().finditer(text)]


def token_spans_between(text: str, start: int, end: int) -> list[Span]:
    """Token spans of ``text[start:end]`` as offsets into ``text`` (no slicing)."""
    return [m.span() for m in _token_regex().finditer(text, start, end)]

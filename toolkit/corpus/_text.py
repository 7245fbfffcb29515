"""Text clean-up shared by every loader: line breaks, Unicode NFC, mojibake, damaged quotes."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# ftfy repairs mojibake ("â€™" -> "’") but must not straighten curly quotes: quote
# extraction and tokenization rely on them.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    unescape_html=False,
    normalization="NFC",
    explain=False,
)

_SURROGATES = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")
# Mojibake from UTF-8 read as Latin-1/Windows-1252 leaves a lead byte shown as one of Â..ô
# followed by a continuation byte shown as \x80-\xbf or its Windows-1252 character, or a C1
# control. Text without such a pair skips the (much slower) ftfy pass.
_MOJIBAKE_HINT = re.compile(
    "[\u0080-\u009f]|[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026"
    "\u2030\u2039\u203a\u20ac\u2122]"
)


def replace_surrogates(text: str) -> tuple[str, int]:
    """Replace lone surrogates (from JSON ``"\\ud800"`` escapes) by U+FFFD; returns the count.

    A lone surrogate cannot be encoded as UTF-8, so it would break any later write.

    >>> replace_surrogates("x \\ud800 y")
    ('x \ufffd y', 1)
    """
    if text.isascii():
        return text, 0
    try:
        text.encode("utf-8")  # much faster than a regex search when there is none
        return text, 0
    except UnicodeEncodeError:
        return _SURROGATES.subn("\ufffd", text)


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Normalise line breaks and Unicode; repair mojibake. Returns ``(text, flags)``.

    Curly quotes stay curly. Lone surrogates become U+FFFD (flag ``replacement_chars``).
    Flags name what was changed beyond plain NFC.

    >>> normalize_text("Iran\\u00e2\\u20ac\\u2122s talks\\r\\n")
    ('Iran’s talks', ['mojibake_repaired'])
    """
    flags: list[str] = []
    text, _ = replace_surrogates(text)
    # Each pass runs only when its pattern can occur (most texts need none of them).
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = _MANY_BLANKS.sub("\n\n", text)
    text = text.strip()
    plain = unicodedata.normalize("NFC", text)
    fixed = ftfy.fix_text(text, config=_FTFY) if _MOJIBAKE_HINT.search(text) else plain
    if fixed != plain:
        flags.append("mojibake_repaired")
    if "\ufffd" in fixed:
        flags.append("replacement_chars")
    return fixed, flags


# --- damaged quote characters ("? for ’ ” —), as in some scraped corpora --------------------
_DAMAGED = re.compile(r'"\?')


def repair_damaged_quotes(text: str) -> tuple[str, int]:
    """Repair the ``"?`` damage left where ’ ” or — (and the space after them) were lost.

    Some scraped corpora (e.g. the default news corpus) replaced each of these 3-byte
    characters and the following space with the two characters ``"?``. The context tells
    which it was:

    - after white space: an em dash (``grounds "?and`` -> ``grounds — and``);
    - after sentence punctuation: a closing double quote (``choice,"?Sen.`` ->
      ``choice,” Sen.``);
    - between a word and ``s``: an apostrophe (``Trump"?s`` -> ``Trump’s``);
    - after a word: a closing quote when a straight quote is open in the same paragraph,
      else a possessive apostrophe (``teachers"?unions`` -> ``teachers’ unions``).

    Returns the repaired text and the number of repairs.

    >>> repair_damaged_quotes('Vote on DeVos"?highly contested nomination. "No,"?she said.')
    ('Vote on DeVos’ highly contested nomination. "No,” she said.', 2)
    """
    if '"?' not in text:
        return text, 0
    out: list[str] = []
    pos = 0
    count = 0
    for match in _DAMAGED.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else ""
        if before.isspace():
            repl = "—"
        elif before in ".,!?;:)]":
            repl = "”"
        elif before.isalnum() and after == "s" and not text[end + 1 : end + 2].isalnum():
            repl = "’"
        elif before.isalnum():
            para_start = text.rfind("\n", 0, start) + 1
            opened = text.count('"', para_start, start)
            repl = "”" if opened % 2 == 1 else "’"
        else:
            repl = "”"
        if repl == "’":
            # "Trump’s" stays joined; "teachers’ unions" gets its lost space back.
            joined = after == "s" and not text[end + 1 : end + 2].isalnum()
            if after.isalnum() and not joined:
                repl += " "
        elif after and (after.isalnum() or after in "\"“$("):
            repl += " "
        out.append(text[pos:start])
        out.append(repl)
        pos = end
        count += 1
    out.append(text[pos:])
    return "".join(out), count


#: A line shorter than this is never folded (short repeated lines are often real: "Yes.").
MIN_FOLDED_LINE = 20


def fold_repeated_lines(text: str) -> tuple[str, list[str]]:
    r"""Remove lines that repeat the end of the line before; returns ``(text, removed)``.

    Some exports hold each paragraph followed by the rest of the article again (line 2 is
    the tail of line 1, line 3 the tail of line 2, ...), so every sentence would be counted
    many times. A non-blank line of at least :data:`MIN_FOLDED_LINE` characters whose
    stripped text ends the previous kept line (or equals it) is removed; the removed lines
    are returned so the caller can keep them (the loader puts them in ``boilerplate`` and
    notes ``repeated_lines_folded``). Text without such lines comes back unchanged.

    >>> fold_repeated_lines("Iran said yes.\nIran said yes.")  # short: kept
    ('Iran said yes.\nIran said yes.', [])
    >>> text = ("A long first sentence here. And the second one follows it.\n"
    ...         "And the second one follows it.\nThe end.")
    >>> fold_repeated_lines(text)[1]
    ['And the second one follows it.']
    >>> fold_repeated_lines(text)[0].splitlines()[-1]
    'The end.'
    """
    if "\n" not in text:
        return text, []
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[str] = []
    previous = ""
    for line in lines:
        core = line.strip()
        if core and len(core) >= MIN_FOLDED_LINE and previous.endswith(core):
            removed.append(line)
            continue
        kept.append(line)
        if core:
            previous = core
    if not removed:
        return text, []
    return "\n".join(kept), removed

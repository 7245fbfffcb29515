"""Split an article copied from a news web page into title, lede, body and page furniture."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from toolkit.corpus._text import normalize_text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MAX_TITLE_WORDS = 30
_MAX_FURNITURE_WORDS = 40


@lru_cache(maxsize=8)
def load_furniture(path: str | None = None) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Read the page-furniture patterns (``kind, where, compiled pattern``) from YAML.

    ``None`` reads the list shipped with the toolkit (``toolkit/data/corpus/page_furniture.yaml``).
    """
    if path is None:
        source = resources.files("toolkit").joinpath("data/corpus/page_furniture.yaml").read_text(
            encoding="utf-8"
        )
    else:
        source = Path(path).read_text(encoding="utf-8")
    entries = yaml.safe_load(source) or []
    return tuple(
        (e["kind"], e["where"], re.compile(e["pattern"], re.IGNORECASE))
        for e in entries
    )


def _match(paragraph: str, furniture, wheres: set[str]) -> tuple[str, re.Match[str]] | None:
    if len(paragraph.split()) > _MAX_FURNITURE_WORDS:
        return None
    line = " ".join(paragraph.split())
    for kind, where, pattern in furniture:
        if where in wheres:
            m = pattern.fullmatch(line)
            if m:
                return kind, m
    return None


def lede_of(text: str) -> str:
    """The lede of an article's ``text`` as the loader sets it: its first paragraph when there
    are two or more (paragraphs are separated by blank lines), else ``""``.

    >>> lede_of("The talks began.\\n\\nThey ended."), lede_of("One paragraph only.")
    ('The talks began.', '')
    """
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    return paragraphs[0] if len(paragraphs) > 1 else ""


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_MAX_TITLE_SENTENCE_WORDS = 20
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _headline_cased(paragraph: str) -> bool:
    """Most words of four letters or more start with a capital ("Iran Rejects Offer")."""
    long_words = [w for w in _WORD.findall(paragraph) if len(w) >= 4]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.75 * len(
        long_words
    )


def _looks_like_title(paragraph: str, following: str | None = None, rules=()) -> bool:
    """One line of at most 30 words, not ending as a clause does (``:``, ``;``, ``,``).

    A line that ends with a full stop is a title in sentence form ("Talks stall. Envoys
    leave.") only when it is short (at most 20 words) and either a byline, dateline or share
    line follows it, or it is headline-cased, or it holds two or more sentences and the next
    paragraph is longer: a one-sentence first paragraph ending in a full stop is a lede.
    """
    words = paragraph.split()
    stripped = paragraph.rstrip()
    if "\n" in paragraph.strip() or not 0 < len(words) <= _MAX_TITLE_WORDS:
        return False
    if stripped.endswith((":", ";", ",")):
        return False
    if not stripped.endswith("."):
        return True
    if len(words) > _MAX_TITLE_SENTENCE_WORDS or following is None:
        return False
    if _match(following, rules, {"head"}) or _headline_cased(paragraph):
        return True
    sentences = len(_SENTENCE_END.findall(stripped)) + 1
    return sentences >= 2 and len(following.split()) > len(words)


def read_article(raw: str, *, furniture: str | None = None) -> dict[str, str | None]:
    """Split a news article copied from a web page into its parts.

    The first paragraph is the title when it looks like one (one line, at most 30 words,
    no final full stop). Bylines and datelines right after it, and the trailing block that
    starts with a furniture line ("Original Source: ...", "About <author>", "View all posts
    by ...", "Leave a Reply", tags, share buttons, copyright), are removed from ``text``
    and kept in ``boilerplate``. ``author`` and ``original_source`` are read from those
    lines. Text is normalised first (NFC, mojibake repaired, curly quotes kept).

    Parameters
    ----------
    raw : str
        The page text, paragraphs separated by blank lines.
    furniture : str, optional
        Path to a YAML file of furniture patterns replacing the shipped list.

    Returns
    -------
    dict
        ``title, lede, text, boilerplate, author, original_source, notes``. ``text`` is the
        lede and body paragraphs joined by blank lines; ``lede`` is its first paragraph.

    Examples
    --------
    >>> page = ("Talks in Baghdad\\n\\nBy Jane Roe\\n\\nThe talks began.\\n\\n"
    ...         "They ended.\\n\\nTags: Iraq")
    >>> art = read_article(page)
    >>> art["title"], art["author"]
    ('Talks in Baghdad', 'Jane Roe')
    >>> art["text"], art["boilerplate"]
    ('The talks began.\\n\\nThey ended.', 'By Jane Roe\\n\\nTags: Iraq')
    """
    text, flags = normalize_text(raw)
    rules = load_furniture(furniture)
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    result: dict[str, str | None] = {
        "title": "",
        "lede": "",
        "text": "",
        "boilerplate": "",
        "author": None,
        "original_source": None,
        "notes": ";".join(flags),
    }
    if not paragraphs:
        return result

    def take(kind: str, m: re.Match[str]) -> None:
        groups = m.groupdict()
        if groups.get("author") and not result["author"]:
            result["author"] = groups["author"].strip()
        if groups.get("source") and not result["original_source"]:
            result["original_source"] = groups["source"].strip()

    removed: list[str] = []
    start = 0
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0], paragraphs[1], rules):
        result["title"] = " ".join(paragraphs[0].split())
        start = 1
    # Bylines and datelines right after the title.
    while start < len(paragraphs) - 1:
        hit = _match(paragraphs[start], rules, {"head"})
        if not hit:
            break
        take(*hit)
        removed.append(paragraphs[start])
        start += 1
    body = paragraphs[start:]
    # The trailing block: from the first tail marker after the first body paragraph.
    end = len(body)
    for i in range(1, len(body)):
        hit = _match(body[i], rules, {"tail"})
        if hit:
            end = i
            break
    tail = body[end:]
    kept: list[str] = []
    for paragraph in body[:end]:
        hit = _match(paragraph, rules, {"any"})
        if hit:
            removed.append(paragraph)
        else:
            kept.append(paragraph)
    for paragraph in tail:
        hit = _match(paragraph, rules, {"tail", "any", "head"})
        if hit:
            take(*hit)
    removed.extend(tail)
    result["text"] = "\n\n".join(kept)
    result["lede"] = lede_of(result["text"])
    result["boilerplate"] = "\n\n".join(removed)
    return result

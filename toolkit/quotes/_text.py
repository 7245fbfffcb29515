"""Shared pieces of the quote rules: word classes, token and speaker records, span helpers.

>>> _strip_span(" , he said; ", 0, 12)
(3, 10)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

_WORD = re.compile(r"\w+")
_DQ = re.compile(r"``|''|[\"“”„‟«»]")
_LEAD = re.compile(r"([,”\"']|'')\s*(?:(?:his|her|their|its|the|a|an|[a-z][a-z0-9-]*)\s+){1,3}$")
_DASH_SPEAKER = re.compile(
    r"[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,4})"
    r"[ \t\u00a0]*(?=\n|$|,)"
)
_HEADLINE = re.compile(
    r"((?:[A-Z][\w'’.-]*|al-|bin|de|van|von)"
    r"(?:[ \u00a0]+(?:[A-Z][\w'’.-]*|al-|bin|de|van|von)){0,5})"
    r":[ \u00a0]+(?=\S)"
)
_OPENERS = frozenset(["“", '"', "'", "''", "``", "(", "—", ":", "\n"])
_NAMEISH = re.compile(r"^(?:[A-Z]|(?:al|el|ad|as|ash|bin|ibn|abu|abd)-[A-Z])[\w'’.-]*$")
_THAT = re.compile(r"[^.,;:!?“”\"]{0,60}?\bthat\b")
_QUOTE_CHARS = "\"“”„‟«»'’`"


class Tok(NamedTuple):
    """A token of the quote rules' view: offsets, surface and lower case (a tuple: made once
    per token of every document, so it must be cheap)."""

    start: int
    end: int
    text: str
    low: str


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    last: int = 0
    gender: str = ""
    obj: bool = False  # seen only as an object or an outlet ("met X", "in remarks to X")


@dataclass
class Speaker:
    start: int
    end: int
    name: str = ""
    role: str = ""
    affiliation: str = ""
    pronoun: bool = False
    person: bool = False



@dataclass
class Candidate:
    """An attribution a rule proposes: content span, cue span, speaker and rule name.

    ``parts`` holds the quoted pieces of an interrupted quote; ``sets_speaker`` says whether an
    accepted candidate makes its speaker the unit's speaker (read by later rules and by
    ``continuation`` in the next units). ``cue_class`` is the cue's class when the rule knows
    it (else read from the cue's words); ``nested_source`` a source the content is attributed
    through ("..., he said, according to AP").
    """

    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Speaker | None
    rule: str
    parts: list[tuple[int, int]] = field(default_factory=list)
    flags: str = ""
    sets_speaker: bool = True
    cue_class: str = ""
    nested_source: str = ""


def _strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# Range questions about the text (letters and digits in text[a:b], a quotation mark in it, the
# first word, how it ends) are answered without copying text[a:b]: a rule looks at the whole
# sentence before or after its cue, so copies made a run-on sentence with thousands of cues
# ('He said "He said "...') quadratic.
_SHORT = 400  # a range this short is read directly
_ALNUM = re.compile(r"[^\W_]")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_DQ_ONE = re.compile(r"[\"“”„‟«»]")
_DQ_TWO = re.compile(r"(?=``|'')")  # every start, overlapping ones included
_OPEN_DQ = re.compile(r"[“\"]")
_FIRST_WORD = re.compile(r"\s*(\S+)")
_NONSPACE = re.compile(r"\S+")


def _ends_with(text: str, a: int, b: int, strip: str | None, suffixes: tuple[str, ...]) -> bool:
    """``text[a:b].rstrip(strip).endswith(suffixes)`` (suffixes of at most two characters)."""
    if strip is None:
        while b > a and text[b - 1].isspace():
            b -= 1
    else:
        while b > a and text[b - 1] in strip:
            b -= 1
    return text[max(a, b - 2):b].endswith(suffixes)


def _has_words(text: str, a: int, b: int, n: int) -> bool:
    """``len(text[a:b].split()) >= n``."""
    for k, _ in enumerate(_NONSPACE.finditer(text, a, b), 1):
        if k >= n:
            return True
    return n <= 0

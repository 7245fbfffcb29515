"""Capitals as places: datelines ("TEHRAN (Reuters) -") and locations ("talks in Vienna")."""

from __future__ import annotations

import re

#: ``label_type`` of a capital or seat used as a dateline or a location (``actor_type`` place).
PLACE_LABELS = ("dateline", "place")

_DATELINE_AFTER = re.compile(
    r"(?:[ \t]*/[ \t]*[A-Z][A-Za-z .'-]*?)?"  # WASHINGTON/RIYADH
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?)?"  # , Iran / , D.C.
    r"(?:[ \t]*\([^()\n]{1,40}\))?"  # (Reuters)
    r"[ \t\xa0]*(?:[-–—:]|$)"
)
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z .'-]*/[ \t]*)?$")
# a preposition of place, or a verb of movement + "to"/"from", right before the name
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Aa]t|[Ii]nto|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]round|[Aa]cross|[Dd]owntown"
    r"|[Ss]uburbs of|[Ss]treets of|[Oo]utskirts of)"
    r"|\b(?:[Vv]isit(?:s|ed|ing)?|[Tt]rips?|[Tt]ravel(?:s|ed|led|ing|ling)?|[Ff]lew|[Ff]ly(?:ing)?"
    r"|[Ww]ent|[Gg]o(?:ing|es)?|[Dd]eparture|[Rr]eturn(?:s|ed|ing)?|[Hh]ead(?:s|ed|ing)?"
    r"|[Mm]ov(?:e|es|ed|ing)|[Rr]elocat(?:e|es|ed|ing)|[Ee]mbass(?:y|ies)|[Mm]ission) to"
    r"|\b(?:[Ss]peaking|[Rr]eporting|[Ff]lew|[Aa]rriv(?:ed|ing)|[Rr]eturn(?:ed|ing)"
    r"|[Ss]peech|[Rr]emarks|[Ll]ive) from"
    r"|\b[Ss]tate of)"
    r"[ \t]+(?:the[ \t]+)?$"
)
# an event, a bureau or a landmark named after the city ("Vienna talks", "Tehran bureau")
_PLACE_AFTER = re.compile(
    r"(?:[ \t]+(?:\([A-Z]{2,5}\)[ \t]+)?(?:nuclear[ \t]+)?(?:[Tt]alks|[Ss]ummit|[Cc]onference"
    r"|[Pp]rocess|[Bb]ureau|[Cc]orrespondent|[Ff]ormat|[Mm]eeting)\b"
    r"|[ \t]+[Ss]tate\b(?![ \t]+(?:of|Department))"  # "Washington state" (the US state)
    r"|['’]s[ \t]+[A-Z][a-z])"
)


def place_label(text: str, start: int, end: int) -> str | None:
    """``"dateline"``, ``"place"`` or None for a capital or seat at ``text[start:end]``.

    A dateline starts a line and is followed by an agency, a second city or a dash; a place
    follows a preposition of place ("in", "at", "outside"), a verb of movement with "to" or
    "from" ("a visit to", "speaking from"), or names an event, bureau or landmark ("the Vienna
    talks", "Vienna's Palais Coburg"). Anything else ("Tehran rejected", "Washington's
    sanctions") is the state.

    >>> t = "TEHRAN (Reuters) - Talks in Vienna resumed; Tehran rejected it."
    >>> [place_label(t, s, e) for s, e in [(0, 6), (28, 34), (44, 50)]]
    ['dateline', 'place', None]
    """
    if _DATELINE_BEFORE.search(text, max(0, start - 40), start) and _DATELINE_AFTER.match(
        text, end
    ):
        surface = text[start:end]
        if surface.isupper() or text.startswith(" (", end):
            return "dateline"
    if _PLACE_BEFORE.search(text, max(0, start - 30), start):
        return "place"
    if _PLACE_AFTER.match(text, end):
        return "place"
    return None

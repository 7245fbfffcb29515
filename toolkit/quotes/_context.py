"""What a rule sees besides the document: the unit, the cue or quote at hand, earlier results.

>>> ctx = Context(0, 10, 0, 3)
>>> ctx.speaker is None and ctx.found == []
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.quotes._text import Candidate, Speaker
from toolkit.tokenize._marks import Quote


@dataclass(slots=True)
class Cue:
    """A cue: tokens ``[i, j)`` and the lexicon entry (lemma, class, quote_ok, strict)."""

    i: int
    j: int
    lemma: str
    cls: str
    quote_ok: bool
    strict: bool


@dataclass
class Context:
    """One unit (``text[us:ue]``, tokens ``[ti, tj)``) while the rules run over it.

    ``found`` holds the candidates accepted in the unit so far and ``speaker`` the unit's
    speaker (the first accepted one that sets it); ``last_speaker`` and ``last_speaker_end``
    carry the speaker of an earlier unit for ``continuation``. ``cue`` is set for cue rules,
    ``quote`` for quote rules.
    """

    us: int
    ue: int
    ti: int
    tj: int
    found: list[Candidate] = field(default_factory=list)
    speaker: Speaker | None = None
    last_speaker: Speaker | None = None
    last_speaker_end: int = -1
    unit_comma: int | None = None
    cue: Cue | None = None
    quote: Quote | None = None

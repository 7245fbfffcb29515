"""Headline family: "Kerry: Talks will resume" (a name, a colon, the content).

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context
>>> doc = QuoteDoc("d", "Javad Zarif: Iran will never seek nuclear weapons")
>>> ctx = Context(0, len(doc.text), 0, len(doc.toks))
>>> [(c.rule, doc.text[c.start:c.end]) for c in speaker_colon(doc, ctx)]
[('speaker-colon', 'Iran will never seek nuclear weapons')]
"""

from __future__ import annotations

import re

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _HEADLINE, Candidate, _strip_span

_WORDS = re.compile(r"\S+")


def speaker_colon(doc: QuoteDoc, ctx: Context) -> list[Candidate]:
    """A unit opening with a person's or organisation's name and a colon (unit rule)."""
    text, us, ue = doc.text, ctx.us, ctx.ue
    head = _HEADLINE.match(text, us, ue)
    if not head or any(q.start < head.end(1) < q.end for q in doc.overlapping(us, ue)):
        return []
    h0 = head.start(1)
    for w in _WORDS.finditer(text[head.start(1):head.end(1)]):
        if not (len(w.group()) > 1 and w.group().isupper()):
            break
        h0 = head.start(1) + w.end()  # "JUST WATCHED Kerry: ..." (page furniture)
    h0 += len(text[h0:head.end(1)]) - len(text[h0:head.end(1)].lstrip())
    sp = doc.make_speaker(h0, head.end(1)) if h0 < head.end(1) else None
    a, b = _strip_span(text, head.end(), ue)
    if sp is not None and doc.alnum(a, b) >= doc.lex.th.headline_min_content_alnum \
            and (sp.person or sp.affiliation):
        return [Candidate(a, b, (head.end(1), head.end(1) + 1), sp, "speaker-colon")]
    return []

"""Colon family: a block quote after "Trump said:" or "the report:".

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context
>>> doc = QuoteDoc("d", "Zarif said:\\n\\n“We will not give up on the deal.”")
>>> ctx = Context(13, 47, 3, 14, quote=doc.quotes[0])
>>> [(c.rule, c.speaker.name) for c in cue_colon_quote(doc, ctx)]
[('cue-colon-quote', 'Zarif')]
"""

from __future__ import annotations

from bisect import bisect_left

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import Candidate, Speaker
from toolkit.quotes.rules._shared import real_speaker


def cue_colon_quote(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """The cue and speaker before a colon right before the quote (quote rule)."""
    q = ctx.quote
    colon = _colon_cue(doc, q.start)
    if colon is None:
        return None
    return [Candidate(q.start, q.end, colon[0], colon[1], "cue-colon-quote")]


def _colon_cue(doc: QuoteDoc, pos: int) -> tuple[tuple[int, int], Speaker] | None:
    """The cue and speaker of "Trump said:" (or "the report:") right before a block quote."""
    fw = doc.lex.fw
    text = doc.text
    colon = pos  # the last character before pos that is no white space
    while colon > 0 and text[colon - 1].isspace():
        colon -= 1
    colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    ci = doc.tok_index(colon)
    th = doc.lex.th
    lo = doc.tok_index(max(0, colon - th.colon_lookback_chars))
    for i in range(ci - 1, max(lo, ci - th.colon_lookback_tokens) - 1, -1):
        t = doc.toks[i]
        if t.text in {".", "...", "!", "?"} or doc.in_quote[i]:
            break
        form = doc.lex.cue_forms.get(t.low)
        if form and form[2]:
            if t.low.endswith("ing") and i > 0 and doc.toks[i - 1].text == ",":
                k_unit = bisect_left(doc.unit_starts, t.start + 1) - 1
                sp = doc.subject_of(doc.units[k_unit][0], t.start) if k_unit >= 0 else None
            else:
                sp = doc.speaker_before(i, lo)
            if sp is not None and real_speaker(doc, sp):
                return (t.start, t.end), sp
    # "She addressed the supporters again:": the subject of the sentence before the colon
    k_unit = bisect_left(doc.unit_starts, colon + 1) - 1
    us = doc.units[k_unit] if k_unit >= 0 else None
    if us is not None:
        i = doc.tok_index(us[0])
        while i < ci and doc.toks[i].low in doc.lex.not_names and doc.toks[i].low not in fw.det:
            i += 1
        k = i
        while k < ci and (doc._is_nameish(doc.toks[k]) or doc.toks[k].low in fw.particle
                          or doc.toks[k].low in doc.lex.title_heads
                          or doc.toks[k].low in doc.lex.title_mods):
            k += 1
        if i < len(doc.toks) and (doc.toks[i].low in fw.det or doc.toks[i].text.isupper()):
            return None
        if k < ci and doc.toks[i].low in fw.colon_pronoun:
            t = doc.toks[i]
            return (colon, colon + 1), doc.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        if i < k < ci - 1 and doc.toks[k].text.isalpha() and doc.toks[k].text.islower():
            return (colon, colon + 1), doc.make_speaker(doc.toks[i].start, doc.toks[k - 1].end)
    # "the report:" with no verb
    sp = doc.speaker_before(ci, max(lo, ci - th.colon_noun_tokens))
    if sp is not None and text.find("\n", max(sp.start, 0), colon) < 0 \
            and real_speaker(doc, sp):
        return (colon, colon + 1), sp
    return None

"""According-to family: "..., according to the ministry" and "According to X, ...".

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context, Cue
>>> doc = QuoteDoc("d", "Talks will resume in May, according to the foreign ministry.")
>>> ctx = Context(0, 60, 0, 12, cue=Cue(6, 8, "according to", "according", False, False))
>>> [(c.rule, doc.text[c.start:c.end]) for c in according_to(doc, ctx)]
[('according-to', 'Talks will resume in May')]
"""

from __future__ import annotations

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import Candidate, Speaker, _strip_span
from toolkit.quotes.rules._shared import cut


def according_to(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """The source after "according to", the content before it or after its comma (cue rule)."""
    fw = doc.lex.fw
    cue = ctx.cue
    if cue is None or cue.cls != "according":
        return None
    text, toks, us, ue, tj, cj = doc.text, doc.toks, ctx.us, ctx.ue, ctx.tj, cue.j
    span = (toks[cue.i].start, toks[cj - 1].end)
    sp = doc.speaker_after(cj, tj)
    if sp is None or doc.tok_index(sp.end) - cj <= 1 and toks[cj].low in fw.det:
        # any noun phrase up to the next punctuation: "according to the summary"
        k = cj
        while k < tj and k - cj < doc.lex.th.according_source_max_tokens and (
                toks[k].text.isalnum() or toks[k].low.endswith(("'s", "’s"))):
            k += 1
        if k == cj or k - cj >= doc.lex.th.according_source_max_tokens:
            return []
        sp = Speaker(toks[cj].start, toks[k - 1].end, name=text[toks[cj].start:toks[k - 1].end])
    n_lead = doc.alnum(us, span[0])  # the stripped marks are no letters
    lead_min = doc.lex.th.according_lead_min_alnum
    if n_lead < lead_min or n_lead == lead_min and text[slice(*_strip_span(
            text, us, span[0], " ,“\""))].lower() in doc.lex.fw.lead_conjunction:
        k = doc.tok_index(sp.end)
        cs = toks[k].end if k < tj and toks[k].text == "," else sp.end
        a, b = _strip_span(text, cs, cut(doc, cs, ue))
    else:
        a, b = _strip_span(text, us, span[0])
    if doc.alnum(a, b) >= doc.lex.th.according_content_min_alnum:
        return [Candidate(a, b, span, sp, "according-to")]
    return []

"""Direct family: quotation-mark rules.

``content_cue_speaker`` ("“...,” said Smith, the minister.") is a cue rule; the others are
quote rules, tried on every quote of four words or more that no earlier rule covered:
``quote_speaker_verb`` ("“...,” Trump shot back." with a verb not in the cue list),
``quote_dash_speaker`` ("“...” ― Name"), ``continuation`` (a further quote of the last
speaker) and ``quote_only`` (no speaker found).

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context
>>> doc = QuoteDoc("d", "“We will not give up on the deal,” Zarif shot back.")
>>> ctx = Context(0, 51, 0, 14, quote=doc.quotes[0])
>>> [(c.rule, doc.text[c.speaker.start:c.speaker.end]) for c in quote_speaker_verb(doc, ctx)]
[('quote-speaker-verb', 'Zarif')]
"""

from __future__ import annotations

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _DASH_SPEAKER, _FIRST_WORD, Candidate, Speaker, _strip_span
from toolkit.tokenize._marks import Quote


def content_cue_speaker(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """Inverted order: the content, a comma or closing mark, the cue, then the speaker
    (cue rule)."""
    fw = doc.lex.fw
    cue = ctx.cue
    if cue is None or cue.i - 1 < ctx.ti:
        return None
    text, toks, us, ue = doc.text, doc.toks, ctx.us, ctx.ue
    prev = toks[cue.i - 1]
    if prev.text not in {",", "”", '"', "'", "''"} or not cue.quote_ok:
        return None
    span = (toks[cue.i].start, toks[cue.j - 1].end)
    sp = doc.speaker_after(cue.j, ctx.tj)
    if sp is None:
        return []
    a, b = _strip_span(text, us, prev.start if prev.text == "," else prev.end)
    rest = _FIRST_WORD.match(text, sp.end, ue)  # None: only white space left
    if doc.alnum(a, b) >= doc.lex.th.content_cue_min_alnum and (
        rest is None or rest.group(1)[0] in ",.;:!?”\"'("
        or rest.group(1) in fw.adjunct
    ) and (doc.has_dq(a, b) or not cue.strict):
        m_end = doc.comma_before_quote(sp.end, ue)  # ', “...'
        if m_end is not None:
            after = _strip_span(text, m_end, ue)
            return [Candidate(a, after[1], span, sp, "interrupted", parts=[(a, b), after])]
        return [Candidate(a, b, span, sp, "content-cue-speaker")]
    return []



def _any_verb_after(doc: QuoteDoc, q: Quote, ue: int) -> tuple[tuple[int, int], Speaker] | None:
    """"“...,” Trump shot back." with a verb not in the cue list: speaker and verb after a quote
    that ends in a comma, question or exclamation mark."""
    fw = doc.lex.fw
    text, toks = doc.text, doc.toks
    inner_end = text[q.start:q.end].rstrip("”\"' ")
    if not inner_end or inner_end[-1] not in ",?!—-":
        return None
    i = doc.tok_index(q.end)
    hi = doc.tok_index(ue)
    if i >= hi:
        return None

    def verb_at(k: int) -> bool:
        if k >= hi:
            return False
        w = toks[k].text
        return w.isalpha() and w.islower() and w not in fw.stop and w not in fw.det \
            and w not in fw.adjunct and not doc._spk(w)
    sp = doc.speaker_after(i, hi)
    if sp is not None:
        k = doc.tok_index(sp.end)
        if k < hi and toks[k].text == "," and not sp.pronoun:
            m = k + 1
            while m < hi and toks[m].text not in {",", ".", "...", ";", ":"} \
                    and m - k < doc.lex.th.apposition_max_tokens:
                m += 1
            if m < hi and toks[m].text == ",":
                k = m + 1
        while k < hi and toks[k].low in fw.skip:
            k += 1
        if verb_at(k):
            return (toks[k].start, toks[k].end), sp
    if verb_at(i):
        sp = doc.speaker_after(i + 1, hi)
        if sp is not None and not sp.pronoun:
            return (toks[i].start, toks[i].end), sp
    return None


def quote_speaker_verb(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """A speaker and any verb after a quote ending in a comma, ? or ! (quote rule)."""
    q = ctx.quote
    after = _any_verb_after(doc, q, ctx.ue)
    if after is None:
        return None
    return [Candidate(q.start, q.end, after[0], after[1], "quote-speaker-verb")]


def quote_dash_speaker(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """A signature after the quote: "“...” ― Name" (quote rule)."""
    q = ctx.quote
    dash = _DASH_SPEAKER.match(doc.text, q.end)
    if not dash:
        return None
    sp = doc.make_speaker(dash.start(2), dash.end(2))
    return [Candidate(q.start, q.end, dash.span(1), sp, "quote-dash-speaker")]


def continuation(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """A quote that is the whole unit, within 600 characters of the last speaker's unit: a
    further quote of that speaker (quote rule)."""
    q = ctx.quote
    th = doc.lex.th
    outside = doc.alnum(ctx.us, ctx.ue) - doc.alnum(q.start, q.end)
    whole = outside <= th.continuation_max_outside_alnum
    if ctx.last_speaker is None or not whole \
            or ctx.us - ctx.last_speaker_end >= th.continuation_max_distance:
        return None
    return [Candidate(q.start, q.end, None, ctx.last_speaker, "continuation",
                      sets_speaker=False)]


def quote_only(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """The quote, with no cue and no speaker (quote rule, the last one)."""
    q = ctx.quote
    return [Candidate(q.start, q.end, None, None, "quote-only")]

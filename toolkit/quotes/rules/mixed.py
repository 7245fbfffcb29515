"""Mixed family: a partial quote in a sentence without a cue ("Sanders supporters are crying
“fraud” over the count"): the subject and the verb before the quote attribute it.

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context
>>> doc = QuoteDoc("d", "Trump slammed the “very bad deal for our country” in Ohio.")
>>> ctx = Context(0, 58, 0, len(doc.toks))
>>> [(c.rule, doc.text[slice(*c.cue)]) for c in subject_verb_quote(doc, ctx)]
[('subject-verb-quote', 'slammed')]
"""

from __future__ import annotations

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _WORD, Candidate, _strip_span
from toolkit.quotes.rules._shared import is_title


def subject_verb_quote(doc: QuoteDoc, ctx: Context) -> list[Candidate]:
    """Only for a unit where no earlier rule found anything (unit rule)."""
    fw = doc.lex.fw
    if ctx.found:
        return []
    text, toks, us, ue, tj = doc.text, doc.toks, ctx.us, ctx.ue, ctx.tj
    th = doc.lex.th
    partial = [q for q in doc.overlapping(us, ue) if q.start >= us and q.end <= ue
               and len(_WORD.findall(text[q.start:q.end])) >= th.partial_min_words
               and not is_title(text[q.start:q.end], th.title_word_min_len)]
    if not partial or doc.alnum(us, ue) - sum(doc.alnum(q.start, q.end) for q in partial) \
            < th.mixed_min_outside_alnum:
        return []
    sp = doc.subject_of(us, partial[0].start)
    if sp is None:
        return []
    k = doc.tok_index(sp.end)
    while k < tj and (toks[k].low in fw.skip or toks[k].low in fw.be):
        k += 1
    if k < tj and toks[k].text.isalpha() and toks[k].text.islower() \
            and toks[k].end <= partial[0].start:
        a, b = _strip_span(text, toks[k].end, ue)
        return [Candidate(a, b, (toks[k].start, toks[k].end), sp, "subject-verb-quote")]
    return []

"""Indirect family: a cue verb with its speaker before it and the content after (or before).

Rules: ``clause_gate`` (a cognition, plan or agreement cue without a clause), ``asked`` ("Asked
whether ..., X said"), ``participle`` (", saying that ..."), ``passive`` (drops "he was told"
and adjectival "-ing" words), ``speaker_cue`` (the speaker before the cue: ``speaker-cue-
content``, ``content-speaker-cue`` or ``interrupted``).

>>> from toolkit.quotes._doc import QuoteDoc
>>> from toolkit.quotes._context import Context, Cue
>>> doc = QuoteDoc("d", "The minister said that talks would resume.")
>>> ctx = Context(0, 42, 0, 9, cue=Cue(2, 3, "say", "speech", True, False))
>>> [(c.rule, doc.text[c.start:c.end]) for c in speaker_cue(doc, ctx)]
[('speaker-cue-content', 'that talks would resume.')]
"""

from __future__ import annotations

from bisect import bisect_left

from toolkit.quotes._context import Context
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _FIRST_WORD, _LEAD, Candidate, _ends_with, _has_words, _strip_span
from toolkit.quotes.rules._shared import content_after, cut


def asked(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """"Asked whether he would run, Smith said ...": the question, no speaker (cue rule)."""
    cue = ctx.cue
    if cue is None or cue.i - 1 >= ctx.ti or cue.lemma != "ask" or doc.toks[cue.i].text != "Asked":
        return None
    text, toks, tj = doc.text, doc.toks, ctx.tj
    k = cue.j
    while k < tj and not (toks[k].text == "," and not doc.in_quote[k]):
        k += 1
    a, b = _strip_span(text, toks[cue.j - 1].end, toks[k].start if k < tj else ctx.ue)
    if k < tj and doc.alnum(a, b) >= doc.lex.th.asked_min_alnum:
        return [Candidate(a, b, (toks[cue.i].start, toks[cue.j - 1].end), None, "asked")]
    return []


def participle(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """"..., saying that ...": the unit's speaker or subject says the content (cue rule)."""
    cue = ctx.cue
    toks = doc.toks
    if cue is None or cue.i - 1 < ctx.ti or not toks[cue.i].low.endswith("ing") \
            or toks[cue.i - 1].text not in {",", "—"}:
        return None
    span = (toks[cue.i].start, toks[cue.j - 1].end)
    sp = ctx.speaker or doc.subject_of(ctx.us, span[0])
    if sp is None:
        return []
    cs = content_after(doc, cue.i, cue.j, cue.lemma, ctx.ue)
    a, b = _strip_span(doc.text, cs, cut(doc, cs, ctx.ue))
    if doc.alnum(a, b) >= doc.lex.th.participle_min_alnum:
        return [Candidate(a, b, span, sp, "participle", sets_speaker=False)]
    return []


def clause_gate(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """A cue of a gated class (cognition, plan, agreement: ``gated_class`` in
    ``function_words.csv``) followed by words that are no that-clause, no finite clause and no
    quotation ("agreed to ship", "plans to visit", "saw the killing as") is no attribution: the
    cue is taken and nothing found (cue rule). A cue with its content before it ("Iran is
    ready, he believes.") passes.

    >>> from toolkit.quotes._doc import QuoteDoc
    >>> from toolkit.quotes._context import Context, Cue
    >>> doc = QuoteDoc("d", "Iran agreed to ship the uranium abroad.")
    >>> clause_gate(doc, Context(0, 39, 0, 8, cue=Cue(1, 2, "agree", "agreement", 0, 0)))
    []
    """
    cue = ctx.cue
    gated = getattr(doc.lex.fw, "gated_class", frozenset())
    if cue is None or cue.cls not in gated or not doc.cue_gate:
        return None
    toks, th = doc.toks, doc.lex.th
    k = cue.j
    if k >= ctx.tj or not toks[k].text[:1].isalnum() and toks[k].text not in _OPEN_MARKS:
        return None  # content before the cue, or a colon and a quote
    end = k
    while end < ctx.tj and end - k < th.gate_clause_tokens and (
            toks[end].text[:1].isalnum() or toks[end].text in _OPEN_MARKS):
        if toks[end].text in _OPEN_MARKS or doc.in_quote[end]:
            return None  # a quotation
        end += 1
    if toks[k].low == "that" or doc.finite_in(toks[k].start, toks[end - 1].end):
        return None
    return []


_OPEN_MARKS = frozenset({"“", '"', "``", "''", "«"})
_CLAUSE_WORDS = frozenset({"that", "whether", "if", "how", "why", "what", "when", "where", "who",
                           "which"})


def clausal(doc: QuoteDoc, k: int, tj: int) -> bool:
    """Whether the words from token ``k`` are a clause, not a noun object or an adjunct: a
    quotation, "that" or a wh-word first, a finite verb, "to" + a base form ("urged Iran to
    return") or "of" + an -ing form ("accused X of hampering"), within
    ``stance_clause_tokens`` tokens and before punctuation.

    >>> from toolkit.quotes._doc import QuoteDoc
    >>> doc = QuoteDoc("d", "She praised the deal. He urged Iran to return.")
    >>> clausal(doc, 2, 5), clausal(doc, 7, 12)
    (False, True)
    """
    toks, n = doc.toks, doc.lex.th.stance_clause_tokens
    for m in range(k, min(tj, k + n)):
        t = toks[m]
        if t.text in _OPEN_MARKS or doc.in_quote[m]:
            return True
        if t.text in {",", ":", "--", "—", "–"}:
            continue  # "said on Monday, “...”", "scolded him: “...”"
        if not t.text[:1].isalnum():
            return False
        if m - k <= 1 and t.low in _CLAUSE_WORDS:
            return True
        if doc.finite_in(t.start, t.end):
            return True
        if m + 1 < tj and (t.low == "to" and toks[m + 1].start in doc.base_verbs
                           or t.low == "of" and toks[m + 1].start in doc.gerunds):
            return True
    return False


def _passive(doc: QuoteDoc, ctx: Context) -> bool:
    fw = doc.lex.fw
    j = ctx.cue.i - 1
    passive = False
    while j >= ctx.ti and doc.toks[j].low in fw.skip:
        passive = passive or doc.toks[j].low in fw.be
        j -= 1
    return passive


def passive(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """Passive ("he was told") is no attribution by the subject, nor an adjectival "-ing"
    ("actions threatening Iran's security"): the cue is taken and nothing found (cue rule)."""
    cue = ctx.cue
    if cue is None:
        return None
    is_passive = _passive(doc, ctx)
    ing = doc.toks[cue.i].low.endswith("ing")
    if (is_passive and cue.cls != "cognition" and not ing) or (ing and not is_passive):
        return []
    return None


def _coordinated_cue(doc: QuoteDoc, i: int, j: int) -> int | None:
    """The token of "and"/"but" before a second cue in tokens ``[i, j)`` outside quotes, before
    any "that", comma or quotation mark (the second verb of "A criticised B and warned ...")."""
    toks, fw, forms = doc.toks, doc.lex.fw, doc.lex.cue_forms
    for k in range(i, min(j, len(toks) - 1)):
        t = toks[k]
        if doc.in_quote[k] or t.low == "that" or not t.text[:1].isalnum():
            return None
        if t.low in fw.coordinator and toks[k + 1].text.islower() and toks[k + 1].low in forms:
            return k
    return None


def speaker_cue(doc: QuoteDoc, ctx: Context) -> list[Candidate] | None:
    """The speaker right before the cue; the content after the cue, before the speaker, or
    around both (cue rule)."""
    fw, th = doc.lex.fw, doc.lex.th
    cue = ctx.cue
    if cue is None:
        return None
    text, toks, us, ue, ti = doc.text, doc.toks, ctx.us, ctx.ue, ctx.ti
    ci, cj = cue.i, cue.j
    span = (toks[ci].start, toks[cj - 1].end)
    prev = toks[ci - 1] if ci - 1 >= ti else None
    sp = doc.speaker_before(ci, ti)
    if sp is None and prev is not None and prev.low in fw.coordinator \
            and ci - ti >= th.coordinated_min_tokens:
        # "The company keeps its finances secret but says its business tripled."
        sp = ctx.speaker or doc.subject_of(us, span[0])
    if sp is None:
        return None
    if cue.cls == "report" and sp.pronoun and text[sp.start:sp.end].lower() == "it":
        return []
    # a match ending at sp.start with lead.end(1) within 40 characters starts in the last 42:
    # searching only there finds the same one, in constant time
    lead = _LEAD.search(text, max(us, sp.start - th.lead_max_chars - 2), sp.start)
    if lead and sp.start - lead.end(1) < th.lead_max_chars and not sp.pronoun and not any(
        w in fw.stop or w in fw.subordinator or w in doc.lex.cue_forms
        for w in text[lead.end(1):sp.start].lower().split()
        if w not in fw.det
    ):
        # "“...,” his nephew Michery el Soheil added."
        sp.start = lead.end(1) + len(text[lead.end(1):sp.start]) - len(
            text[lead.end(1):sp.start].lstrip())
    cs = content_after(doc, ci, cj, cue.lemma, ue)
    ce = cut(doc, cs, ue)
    co = _coordinated_cue(doc, cj, doc.tok_index(ce))
    if co is not None:
        # "Rouhani criticised Trump and warned that ...": the first verb's object is no
        # content (with cue_gate; PARC-style schemes count it); a clause before "and" is
        # ("he said it was ready and added that ...")
        if not doc.finite_in(toks[cj - 1].end, toks[co].start):
            if doc.cue_gate:
                return []
        else:
            ce = toks[co].start
    # the first word of the unit (units start with a word: no white space)
    intro = _FIRST_WORD.match(text, us, min(sp.start, us + th.intro_window_chars))
    if intro and intro.group(1).lower() in fw.subordinator:
        if ctx.unit_comma is None:
            ctx.unit_comma = text.find(",", us, ue)
        if not 0 <= ctx.unit_comma < sp.start:
            # "When she said X, she ...": the content ends with the subordinate clause (the
            # first comma outside quotes)
            k = bisect_left(doc.commas, doc.tok_index(cs))
            if k < len(doc.commas) and toks[doc.commas[k]].start < ce:
                ce = toks[doc.commas[k]].start
    after = _strip_span(text, cs, ce)
    before = _strip_span(text, us, sp.start)
    after_head = text[after[0]:min(after[1], after[0] + 5)].lower()
    after_ok = doc.alnum(*after) >= th.after_min_alnum
    if after_ok and doc.cue_gate and cue.cls in {"speech", "stance"} \
            and not clausal(doc, doc.tok_index(after[0]), ctx.tj):
        after_ok = False  # "praised the deal", "said on Monday": no content after the cue
    if cue.strict and after_ok and not (
        text[span[1]:after[0] + 1].lstrip()[:1] in {":", "“", '"', "'"}
        or after_head.startswith(("that ", "“", '"', "''", "``"))
        or doc.has_dq(*after)
    ):
        after_ok = False
    ends_comma = _ends_with(text, us, sp.start, None, (",", "”", '"', "''"))
    before_alnum = doc.alnum(*before)
    if after_ok and ends_comma and before_alnum >= th.before_min_alnum:
        opens = text[span[1]:after[0] + 1].lstrip()[:1] in {",", ":", "“", '"', "'"} \
            or after_head.startswith(("that ", "“", '"', "''", "``"))
        quote_first = _ends_with(text, *before, " ,.!?", ("”", '"', "''"))
        first_word = _FIRST_WORD.match(text, *after).group(1).lower()
        if opens and quote_first and first_word.endswith("ing") \
                and first_word not in doc.lex.cue_forms:
            opens = False  # "“...,” the report said, referring to ..."
        if quote_first and not (text[span[1]:after[0] + 1].lstrip()[:1] in {",", ":"}
                                or after_head.startswith("that ")):
            opens = False  # "“...,” Trump told NBC’s “Today” on Monday."
        if not opens and (quote_first or first_word in fw.adjunct):
            after_ok = False
    if after_ok and ends_comma and before_alnum >= th.before_min_alnum and \
            text[span[1]:after[0]].strip().startswith(","):
        # "“A,” he said, “B.”"  /  "The economy, he said, is in trouble."
        return [Candidate(before[0], after[1], span, sp, "interrupted", parts=[before, after])]
    if after_ok:
        return [Candidate(after[0], after[1], span, sp, "speaker-cue-content")]
    if ends_comma and before_alnum >= (th.before_quoted_min_alnum if doc.has_dq(*before)
                                     else th.before_plain_min_alnum) and (
            doc.has_dq(*before)
            or (not cue.strict and _has_words(text, *before, th.before_plain_min_words))):
        return [Candidate(before[0], before[1], span, sp, "content-speaker-cue")]
    return []

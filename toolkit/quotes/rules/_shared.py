"""Helpers several rule families share: cues of a unit, content ends and starts, titles.

>>> from toolkit.quotes._doc import QuoteDoc
>>> doc = QuoteDoc("d", "Iran said that talks would resume.")
>>> [(doc.toks[i].text, lemma) for i, _, (lemma, *_) in cues(doc, 0, len(doc.toks))]
[('said', 'say')]
"""

from __future__ import annotations

from bisect import bisect_left

from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _OPENERS, _THAT, _WORD, Speaker


def cues(doc: QuoteDoc, ti: int, tj: int) -> list[tuple[int, int, tuple[str, str, bool, bool]]]:
    """Cue tokens in ``[ti, tj)``: (first token, one past last token, (lemma, class, quote_ok))."""
    toks, forms, th = doc.toks, doc.lex.cue_forms, doc.lex.th
    noun_before = getattr(doc.lex.fw, "noun_before", frozenset())
    out = []
    headline: bool | None = None  # worked out only when a capitalised cue shows up
    pos = _cue_positions(doc)
    k = bisect_left(pos, ti)
    i = ti
    while k < len(pos) and pos[k] < tj:
        # tokens not in pos are neither "according", a cue form nor the first of a two-word
        # one: the loop would only step over them
        if pos[k] < i:  # the second token of a cue taken before
            k += 1
            continue
        i = pos[k]
        k += 1
        if doc.in_quote[i]:
            continue
        low = toks[i].low
        if low == "according" and i + 1 < tj and toks[i + 1].low == "to":
            out.append((i, i + 2, ("according to", "according", False, False)))
            i += 2
            continue
        if i + 1 < tj:
            two = f"{low} {toks[i + 1].low}"
            if two in forms and not (i - 1 >= ti and toks[i - 1].low in noun_before):
                out.append((i, i + 2, forms[two]))
                i += 2
                continue
        if low in forms and not toks[i].text.islower() and i > ti and headline is None:
            # a headline in title case ("Iran Says It Will Respond"): capitalised cues count
            long_words = [t.text for t in toks[ti:tj]
                          if len(t.text) >= th.headline_long_word_len and t.text.isalpha()]
            headline = len(long_words) >= th.headline_min_long_words and sum(
                w[0].isupper() for w in long_words) >= th.headline_capital_share * len(long_words)
        if low in forms and (toks[i].text.islower() or i == ti or (headline and i > ti) or
                             (i - 1 >= ti and toks[i - 1].text in _OPENERS)) \
                and not (i - 1 >= ti and toks[i - 1].low in noun_before):
            # a capitalised cue inside a sentence is part of a name ("the United States"); after
            # an article, a possessive or "of" it is a noun or an adjective ("his remarks")
            out.append((i, i + 1, forms[low]))
        i += 1
    return out


def _cue_positions(doc: QuoteDoc) -> list[int]:
    """Tokens where :func:`cues` may find something: "according", a cue form, or the first
    word of a two-word cue form (found once per document)."""
    pos = getattr(doc, "_cue_pos", None)
    if pos is None:
        forms = doc.lex.cue_forms
        firsts = _first_words(forms)
        lows = [t.low for t in doc.toks]
        nxt = lows[1:] + [None]
        pos = [i for i, (a, b) in enumerate(zip(lows, nxt, strict=True))
               if a == "according" or a in forms
               or (a in firsts and b is not None and f"{a} {b}" in forms)]
        doc._cue_pos = pos
    return pos


_FIRSTS: dict[int, tuple[dict, frozenset[str]]] = {}


def _first_words(forms: dict) -> frozenset[str]:
    """Every ``a`` for which some ``a + " " + b`` is a cue form (per cue-form table)."""
    got = _FIRSTS.get(id(forms))
    if got is None or got[0] is not forms:
        firsts = frozenset(key[:k] for key in forms for k, ch in enumerate(key) if ch == " ")
        if len(_FIRSTS) > 8:
            _FIRSTS.clear()
        got = _FIRSTS[id(forms)] = (forms, firsts)
    return got[1]


def cut(doc: QuoteDoc, start: int, end: int) -> int:
    """End of a content span: stop before ", saying ..." / ", according to ..." / "; ..."."""
    toks = doc.toks
    at, always = doc.cut_points()  # the stops, found once per document
    k = bisect_left(at, doc.tok_index(start))
    while k < len(at) and toks[at[k]].start < end:
        if always[k] or toks[at[k] + 1].start < end:
            return toks[at[k]].start
        k += 1
    return end


def content_after(doc: QuoteDoc, cue_i: int, cue_j: int, lemma: str, unit_end: int) -> int:
    """Where the content starts after a cue (skipping an object and adjuncts before "that")."""
    fw = doc.lex.fw
    text, toks = doc.text, doc.toks
    pos = toks[cue_j - 1].end
    m = _THAT.match(text, pos, min(unit_end, pos + doc.lex.th.that_window_chars))
    if m and not any(f" {w} " in f" {m.group().lower()} " for w in fw.that_blocker) \
            and _coordinated_that(doc, cue_j, m.end()):
        return m.end() - 4
    if lemma in fw.object_verb:
        k = cue_j
        while k < len(toks) and toks[k].start < unit_end and (
            toks[k].low in fw.det or doc._is_nameish(toks[k])
            or toks[k].low in doc.lex.speaker_nouns or toks[k].low in fw.addressee
        ) and not doc.in_quote[k]:
            k += 1
        if k > cue_j and k < len(toks):
            return toks[k].start
    return pos



def _coordinated_that(doc: QuoteDoc, cue_j: int, that_end: int) -> bool:
    """False when "and"/"but" and a second cue stand between the cue and "that": the "that" is
    the second verb's ("criticised Trump and warned that")."""
    toks, fw, forms = doc.toks, doc.lex.fw, doc.lex.cue_forms
    k = cue_j
    while k + 1 < len(toks) and toks[k + 1].end <= that_end:
        if toks[k].low in fw.coordinator and toks[k + 1].low in forms:
            return False
        k += 1
    return True


def is_title(quoted: str, min_len: int = 4) -> bool:
    """A title of a work or a name in quotes: every word of ``min_len`` letters or more
    capitalised (``lex.th.title_word_min_len``).

    >>> is_title("The Rachel Maddow Show"), is_title("we will respond")
    (True, False)
    """
    return all(w[0].isupper() or w.isdigit() for w in _WORD.findall(quoted) if len(w) >= min_len)




def real_speaker(doc: QuoteDoc, sp: Speaker) -> bool:
    """Not a lone determiner ("The") nor a heading in capitals ("RED STATES OUTNUMBER BLUE")."""
    fw = doc.lex.fw
    words = doc.text[sp.start:sp.end].split()
    if len(words) == 1 and words[0].lower() in doc.lex.not_names | fw.det:
        return False
    return not (len(words) > 1 and all(w.isupper() for w in words))

"""The per-document view the quote rules read: tokens, quotes, units and range questions.

>>> doc = QuoteDoc("d", '“We agree,” he said. Talks resume.')
>>> [doc.text[s:e] for s, e in doc.units]
['“We agree,” he said.', 'Talks resume.']
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial

import numpy as np

from toolkit.quotes._lexicon import Lexicon, load_lexicon
from toolkit.quotes._speakers import Speakers
from toolkit.quotes._text import (
    _ALNUM,
    _ALNUM_RUN,
    _DQ,
    _DQ_ONE,
    _DQ_TWO,
    _OPEN_DQ,
    _SHORT,
    _WORD,
    Person,
    Tok,
    _ends_with,
    _strip_span,
)
from toolkit.tokenize._marks import Quote, pair_marks

_APOSTROPHES = ("'", "’")
_FINITE = ("VBD", "VBZ", "VBP", "MD")


@lru_cache(maxsize=4)
def _tag_codes(tags: tuple[str, ...] = _FINITE) -> np.ndarray:
    """Codes of :func:`toolkit.annotate.pos_tags` whose first tag is one of ``tags`` (default:
    a finite verb or a modal)."""
    from toolkit.annotate import pos_tags

    return np.array([k for k, t in enumerate(pos_tags()) if t.split("|")[0] in tags],
                    dtype=np.uint8)


def _joins(text: str, ps: int, pe: int, s: int, e: int) -> bool:
    """Whether the layer token ``text[s:e]``, right after ``text[ps:pe]`` (no white space between),
    belongs to the same word of the quote rules' view: a clitic (``Trump 's``, ``do n't``,
    ``I 'm``), the apostrophe of a plural possessive (``Petraeus '``) or the parts of a
    hyphenated word (``Ki - moon``, ``R - Iowa``)."""
    last = text[pe - 1]
    first = text[s]
    if first in _APOSTROPHES:
        if e - s == 1:  # "Petraeus'" (a plural possessive, not a closing single quote)
            return last in "sS" and (e == len(text) or not text[e].isalnum())
        return last.isalnum() and text[s + 1:e].isalpha()
    if first in "nN" and e - s == 3 and text[s + 1] in _APOSTROPHES:  # n't
        return last.isalpha()
    if first == "-" and e - s == 1:  # the hyphen of a word, when a word follows at once
        return last.isalnum() and e < len(text) and text[e].isalnum()
    return last == "-" and pe - ps > 1 and text[pe - 2].isalnum() and first.isalnum()


def word_spans(text: str, starts, ends) -> list[tuple[int, int]]:
    """The token view of the quote rules, from the annotate layer's token offsets: clitics,
    possessives and hyphenated words joined to their word (``Trump's``, ``don't``, ``Ki-moon``),
    every other token as the layer has it. Only adjacent layer tokens are joined; nothing is
    tokenized here.

    >>> from toolkit.annotate import annotate_text
    >>> t = "Ban Ki-moon's aide didn't say -- yes."
    >>> d = annotate_text(t)
    >>> [t[s:e] for s, e in word_spans(t, d.start.tolist(), d.end.tolist())]
    ['Ban', "Ki-moon's", 'aide', "didn't", 'say', '--', 'yes', '.']
    """
    starts, ends = np.asarray(starts), np.asarray(ends)
    if len(starts) < 2:
        return list(zip(starts.tolist(), ends.tolist(), strict=True))
    # only tokens with no white space before them can join the one before: test those alone
    touching = (np.flatnonzero(starts[1:] == ends[:-1]) + 1).tolist()
    s_list, e_list = starts.tolist(), ends.tolist()
    keep = [True] * len(s_list)
    first = s_list[:]  # start of the word each token ends up in
    for k in touching:
        ps = first[k - 1]
        if _joins(text, ps, e_list[k - 1], s_list[k], e_list[k]):
            keep[k] = False
            first[k] = ps
    if not touching or all(keep):
        return list(zip(s_list, e_list, strict=True))
    # a word runs from a kept token to the token before the next kept one
    kept = [k for k, v in enumerate(keep) if v]
    last = [k - 1 for k in kept[1:]]
    last.append(len(e_list) - 1)
    return list(zip([s_list[k] for k in kept], [e_list[k] for k in last], strict=True))


class QuoteDoc(Speakers):
    """Everything the rules need about one document (``lex`` defaults to the shipped lexicon,
    ``actor_spans`` to none: ``(start, end, actor)`` or ``(start, end, actor, affiliation)``
    of the actor mentions; the affiliation, the actor when not given, is what roles read).

    Tokens and sentences are read from ``layer``, the document's
    :class:`toolkit.annotate.Doc` (annotated here with :func:`toolkit.annotate.annotate_text`
    when not given); the rules' tokens are :func:`word_spans` of the layer's tokens.
    """

    def __init__(self, doc_id: str, text: str, lex: Lexicon | None = None,
                 actor_spans: list | None = None, *, layer=None) -> None:
        if layer is None:
            from toolkit.annotate import annotate_text

            layer = annotate_text(text, doc_id=doc_id)
        lex = load_lexicon() if lex is None else lex
        actor_spans = actor_spans or []
        self.doc_id = doc_id
        self.text = text
        self.lex = lex
        self.cue_gate = True  # cognition, plan and agreement cues need a clause
        self._sentences = layer.sent_spans[:, :2].tolist()
        # starts of finite verbs and modals (the layer's part-of-speech tags): a clause
        self.finite = layer.start[np.isin(layer.pos, _tag_codes())].tolist()
        # base forms and -ing forms: "urged Iran to return", "accused X of hampering"
        self.base_verbs = set(layer.start[np.isin(layer.pos, _tag_codes(("VB",)))].tolist())
        self.gerunds = set(layer.start[np.isin(layer.pos, _tag_codes(("VBG",)))].tolist())
        spans = word_spans(text, layer.start, layer.end)
        words = [text[s:e] for s, e in spans]
        self.starts = [s for s, _ in spans]
        self.toks = list(map(partial(tuple.__new__, Tok),
                             zip(self.starts, [e for _, e in spans], words,
                                 [w.lower() for w in words], strict=True)))
        self.quotes, self.problems = pair_marks(text)
        self.quotes.sort(key=lambda q: q.start)
        self.qstarts = [q.start for q in self.quotes]
        self.in_quote = [False] * len(self.toks)
        for q in self.quotes:  # tokens starting strictly inside a quote
            for i in range(bisect_right(self.starts, q.start), bisect_left(self.starts, q.end)):
                self.in_quote[i] = True
        # actor mentions: start -> (end, actor)
        self.actors = {a[0]: (a[1], a[-1]) for a in actor_spans}
        # starts of the tokens inside an actor mention ("Nations" of "United Nations")
        self.in_actor: set[int] = set()
        for a_s, a_e, *_ in actor_spans:
            self.in_actor.update(self.starts[bisect_left(self.starts, a_s):
                                             bisect_left(self.starts, a_e)])
        self.persons: list[Person] = []
        self.by_surname: dict[str, Person] = {}
        self._runs: tuple[array, array, array] | None = None
        self._marks: tuple[list[int], list[int], list[int]] | None = None
        self._cuts: tuple[list[int], list[bool]] | None = None
        self._qindex: tuple[list[int], list[int], list[int], list[int]] | None = None
        self.commas = [i for i, w in enumerate(words) if w == "," and not self.in_quote[i]]
        self.units = self._units()
        self.unit_starts = [u[0] for u in self.units]

    # ------------------------------------------------------------------ range questions
    def _alnum_before(self, pos: int) -> int:
        if self._runs is None:
            starts, ends, cum = array("q"), array("q"), array("q")
            total = 0
            for m in _ALNUM_RUN.finditer(self.text):
                s, e = m.span()
                starts.append(s)
                ends.append(e)
                cum.append(total)
                total += e - s
            self._runs = (starts, ends, cum)
        starts, ends, cum = self._runs
        k = bisect_right(starts, pos) - 1
        return 0 if k < 0 else cum[k] + min(pos, ends[k]) - starts[k]

    def alnum(self, a: int, b: int) -> int:
        """Letters and digits in ``text[a:b]``: counted when short, else from an index."""
        if b - a <= _SHORT:
            return len(_ALNUM.findall(self.text, a, b)) if b > a else 0
        return self._alnum_before(b) - self._alnum_before(a)

    def _mark_index(self) -> tuple[list[int], list[int], list[int]]:
        if self._marks is None:
            text = self.text
            self._marks = ([m.start() for m in _DQ_ONE.finditer(text)],
                           [m.start() for m in _DQ_TWO.finditer(text)],
                           [m.start() for m in _OPEN_DQ.finditer(text)])
        return self._marks

    def has_dq(self, a: int, b: int) -> bool:
        """``bool(_DQ.search(text[a:b]))``: a double quotation mark inside the range."""
        if b - a <= _SHORT:
            return _DQ.search(self.text, a, b) is not None
        one, two, _ = self._mark_index()
        k = bisect_left(one, a)
        if k < len(one) and one[k] < b:
            return True
        k = bisect_left(two, a)
        return k < len(two) and two[k] < b - 1

    def comma_before_quote(self, pos: int, end: int) -> int | None:
        """Where a quote opens right after a comma (and white space) in ``text[pos:end]``, with no
        quotation mark before it; None if it does not."""
        _, _, opening = self._mark_index()
        k = bisect_left(opening, pos)
        if k == len(opening) or opening[k] >= end:
            return None
        q = c = opening[k]
        while c > pos and self.text[c - 1].isspace():
            c -= 1
        return q if c > pos and self.text[c - 1] == "," else None

    def cut_points(self) -> tuple[list[int], list[bool]]:
        """Tokens where :func:`_cut` may stop, and whether they stop whatever the end."""
        if self._cuts is None:
            toks, forms = self.toks, self.lex.cue_forms
            at: list[int] = []
            always: list[bool] = []
            for i in range(len(toks) - 1):
                t = toks[i]
                if self.in_quote[i] or t.text not in {",", ";", "—", "–"}:
                    continue
                n = toks[i + 1]
                if (n.low.endswith("ing") and n.low in forms) or n.low == "according" \
                        or (t.text == "," and n.low in self.lex.fw.contrast):
                    at.append(i)
                    always.append(True)
                elif t.text == ";":  # only when the next token is inside the range
                    at.append(i)
                    always.append(False)
            self._cuts = (at, always)
        return self._cuts

    def _quote_index(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Ends of the quotes, letters and digits in quotes before each, unclosed and
        multi-paragraph quotes (their positions in ``self.quotes``)."""
        if self._qindex is None:
            cum = [0]
            for q in self.quotes:
                cum.append(cum[-1] + self.alnum(q.start, q.end))
            self._qindex = ([q.end for q in self.quotes], cum,
                            [k for k, q in enumerate(self.quotes) if not q.closed],
                            [k for k, q in enumerate(self.quotes) if q.paragraphs > 1])
        return self._qindex

    def kind(self, start: int, end: int) -> str:
        """``direct`` (no letter or digit outside quotation marks), ``mixed`` or ``indirect``.

        The quotes counted are those inside ``[start - 1, end + 1]``; in O(log n).
        """
        ends, cum, _, _ = self._quote_index()
        lo = bisect_left(self.qstarts, start - 1)
        hi = bisect_right(ends, end + 1)
        if hi <= lo:
            return "indirect"
        inside = cum[hi] - cum[lo]  # then leave out what lies outside [start, end)
        inside -= self.alnum(self.quotes[lo].start, start)
        inside -= self.alnum(end, self.quotes[hi - 1].end)
        return "direct" if self.alnum(start, end) - inside == 0 else "mixed"

    def flags(self, start: int, end: int) -> str:
        """``unclosed_quote`` and ``multi_paragraph`` for quotes starting in ``[start, end)``,
        in the order in which they first occur."""
        _, _, unclosed, multi = self._quote_index()
        lo, hi = bisect_left(self.qstarts, start), bisect_left(self.qstarts, end)
        found = []
        for order, name, ks in ((0, "unclosed_quote", unclosed), (1, "multi_paragraph", multi)):
            i = bisect_left(ks, lo)
            if i < len(ks) and ks[i] < hi:
                found.append((ks[i], order, name))
        return ";".join(name for _, _, name in sorted(found))

    def _quoted_at(self, pos: int) -> bool:
        """A quote strictly contains ``pos`` (quotes never overlap each other)."""
        k = bisect_left(self.qstarts, pos) - 1
        return k >= 0 and self.quotes[k].end > pos

    # ------------------------------------------------------------------ segmentation
    def overlapping(self, a: int, b: int) -> list[Quote]:
        """Quotes that overlap ``[a, b)`` (quotes never overlap each other)."""
        lo = max(bisect_left(self.qstarts, a) - 1, 0)
        hi = bisect_left(self.qstarts, b)
        return [q for q in self.quotes[lo:hi] if q.start < b and q.end > a]

    def _units(self) -> list[tuple[int, int]]:
        """Sentences, merged so that no quotation is cut in two."""
        spans = self._sentences  # the layer's sentences
        merged: list[list[int]] = []
        for s, e in spans:
            if merged:
                ps, pe = merged[-1]
                inside = self._quoted_at(s) or self._quoted_at(pe)
                # "he said." or "Sen. Joe Smith, Democrat of Indiana, said." after a quote
                if inside or (_ends_with(self.text, ps, pe, " .,!?", ("”", '"', "''"))
                              and "\n" not in self.text[pe:s]
                              and self._speaker_sentence(s, e)):
                    merged[-1][1] = e
                    continue
            merged.append([s, e])
        return [piece for s, e in merged for piece in self._cut_long(s, e)]

    def _cut_long(self, s: int, e: int) -> list[tuple[int, int]]:
        """A unit of at most ``lex.th.max_unit_chars`` characters, or pieces of it cut at white
        space.

        Only text without sentence ends makes such units ('“A,” said B, “C,” said D, ...'
        for pages on end); every rule reads its whole unit, so they cost time and output
        in proportion to the square of the unit's length.
        """
        pieces = []
        most = self.lex.th.max_unit_chars
        while e - s > most:
            cut = max(self.text.rfind(" ", s + most // 2, s + most),
                      self.text.rfind("\n", s + most // 2, s + most))
            cut = cut if cut > s else s + most
            a, b = _strip_span(self.text, s, cut, " \t\n")
            if b > a:
                pieces.append((a, b))
            s, _ = _strip_span(self.text, cut, e, " \t\n")
        if e > s:
            pieces.append((s, e))
        return pieces

    def _speaker_sentence(self, s: int, e: int) -> bool:
        """True for a short sentence that only names a speaker and a cue ("Smith said.")."""
        seg = self.text[s:e]
        th = self.lex.th
        if len(seg) > th.speaker_sentence_max_chars \
                or any(q.start >= s for q in self.overlapping(s, e)):
            return False
        words = _WORD.findall(seg)
        for k, w in enumerate(words):
            form = self.lex.cue_forms.get(w.lower())
            if form and form[2] and not form[3]:
                rest = words[k + 1:]
                return len(rest) <= th.speaker_sentence_max_rest_words and "that" not in rest \
                    and k <= th.speaker_sentence_max_cue_word
        return False

    def finite_in(self, a: int, b: int) -> bool:
        """A finite verb or modal starts in ``[a, b)``."""
        k = bisect_left(self.finite, a)
        return k < len(self.finite) and self.finite[k] < b

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


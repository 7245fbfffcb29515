"""Rule-based attribution extraction: direct, mixed and indirect quotes with their speakers.

The pipeline, per document: tokens with offsets; quotation marks paired per paragraph
(:mod:`toolkit.tokenize._marks`); sentences from :func:`toolkit.tokenize.sentence_spans`, merged so
that no quote is cut and so that "“...” Smith said." stays one unit; then, per unit, every cue
(word lists in ``toolkit/data/quotes``) is tried against the rules named in the ``rule`` column;
quotes no rule covered are attributed by the fallbacks (colon before a block quote, a verb after
the quote, a dash signature, the previous speaker). Speakers are resolved against a running
register of persons (full name, role, affiliation, gender) built from the text itself.
"""

from __future__ import annotations

import re
import warnings
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.errors import ToolkitWarning
from toolkit.quotes._lexicon import Lexicon, load_function_words, load_lexicon
from toolkit.tokenize import sentence_spans
from toolkit.tokenize._marks import Quote, pair_marks

COLUMNS = [
    "quote_id",
    "doc_id",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_role",
    "speaker_affiliation",
    "rule",
    "flags",
]

_TOKEN = re.compile(
    r"[a-z0-9]\w*(?:[-'’]\w+)*(?:['’]s?)?|"  # fast path: most tokens start in lower case
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Z][a-z]{1,3}\.(?=,)|"
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Brig|St|Jr|Sr)\.|"
    r"\w+(?:[-'’]\w+)*(?:['’]s?)?|[^\w\s]"
)
_WORD = re.compile(r"\w+")
_FW = load_function_words()
_SKIP = _FW["skip"]
_DET = _FW["det"]
_STOP = _FW["stop"]
_PARTICLES = _FW["particle"]
_OBJ_VERBS = _FW["object_verb"]
_BE = _FW["be"]
_ADJUNCT = _FW["adjunct"]
_DQ = re.compile(r"``|''|[\"“”„‟«»]")
_SUBORD = _FW["subordinator"]
_GENERIC = _FW["generic_head"]
_LEAD = re.compile(r"([,”\"']|'')\s*(?:(?:his|her|their|its|the|a|an|[a-z][a-z0-9-]*)\s+){1,3}$")
_DASH_SPEAKER = re.compile(
    r"[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*([A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,4})"
    r"[ \t\u00a0]*(?=\n|$|,)"
)
_HEADLINE = re.compile(
    r"((?:[A-Z][\w'’.-]*|al-|bin|de|van|von)"
    r"(?:[ \u00a0]+(?:[A-Z][\w'’.-]*|al-|bin|de|van|von)){0,5})"
    r":[ \u00a0]+(?=\S)"
)
_OPENERS = frozenset(["“", '"', "'", "(", "—", ":", "\n"])
_NAMEISH = re.compile(r"^(?:[A-Z]|(?:al|el|ad|as|ash|bin|ibn|abu|abd)-[A-Z])[\w'’.-]*$")
_THAT = re.compile(r"[^.,;:!?“”\"]{0,60}?\bthat\b")
_QUOTE_CHARS = "\"“”„‟«»'’`"


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    last: int = 0
    gender: str = ""


@dataclass
class Speaker:
    start: int
    end: int
    name: str = ""
    role: str = ""
    affiliation: str = ""
    pronoun: bool = False
    person: bool = False


@dataclass
class Attribution:
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Speaker | None
    rule: str
    parts: list[tuple[int, int]] = field(default_factory=list)
    flags: str = ""


def _strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# Range questions about the text (letters and digits in text[a:b], a quotation mark in it, the
# first word, how it ends) are answered without copying text[a:b]: a rule looks at the whole
# sentence before or after its cue, so copies made a run-on sentence with thousands of cues
# ('He said "He said "...') quadratic.
_SHORT = 400  # a range this short is read directly
_ALNUM = re.compile(r"[^\W_]")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_DQ_ONE = re.compile(r"[\"“”„‟«»]")
_DQ_TWO = re.compile(r"(?=``|'')")  # every start, overlapping ones included
_OPEN_DQ = re.compile(r"[“\"]")
_FIRST_WORD = re.compile(r"\s*(\S+)")
# longest unit (sentence, or sentences a quote holds together) the rules read: 8,000 characters,
# more than twice the longest in PolNeAR and the AllSides corpus (3,316; one of 6,828)
_MAX_UNIT = 8000
_NONSPACE = re.compile(r"\S+")


def _ends_with(text: str, a: int, b: int, strip: str | None, suffixes: tuple[str, ...]) -> bool:
    """``text[a:b].rstrip(strip).endswith(suffixes)`` (suffixes of at most two characters)."""
    if strip is None:
        while b > a and text[b - 1].isspace():
            b -= 1
    else:
        while b > a and text[b - 1] in strip:
            b -= 1
    return text[max(a, b - 2):b].endswith(suffixes)


def _has_words(text: str, a: int, b: int, n: int) -> bool:
    """``len(text[a:b].split()) >= n``."""
    for k, _ in enumerate(_NONSPACE.finditer(text, a, b), 1):
        if k >= n:
            return True
    return n <= 0


class _Doc:
    """Everything the rules need about one document."""

    def __init__(self, doc_id: str, text: str, lex: Lexicon, actor_spans: list) -> None:
        self.doc_id = doc_id
        self.text = text
        self.lex = lex
        self.toks = [Tok(s, e, w, w.lower()) for s, e, w in _tokens(text)]
        self.starts = [t.start for t in self.toks]
        self.quotes, self.problems = pair_marks(text)
        self.quotes.sort(key=lambda q: q.start)
        self.qstarts = [q.start for q in self.quotes]
        self.in_quote = [False] * len(self.toks)
        qi = 0
        for i, t in enumerate(self.toks):
            while qi < len(self.quotes) and self.quotes[qi].end <= t.start:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi].start < t.start < self.quotes[qi].end:
                self.in_quote[i] = True
        # actor mentions: start -> (end, actor)
        self.actors = {s: (e, a) for s, e, a in actor_spans}
        self.persons: list[Person] = []
        self.by_surname: dict[str, Person] = {}
        self._runs: tuple[array, array, array] | None = None
        self._marks: tuple[list[int], list[int], list[int]] | None = None
        self._cuts: tuple[list[int], list[bool]] | None = None
        self._qindex: tuple[list[int], list[int], list[int], list[int]] | None = None
        self.commas = [i for i, t in enumerate(self.toks) if t.text == "," and not self.in_quote[i]]
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
                        or (t.text == "," and n.low in {"while", "whereas"}):
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
        spans = sentence_spans(self.text)
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
        """A unit of at most ``_MAX_UNIT`` characters, or pieces of it cut at white space.

        Only text without sentence ends makes such units ('“A,” said B, “C,” said D, ...'
        for pages on end); every rule reads its whole unit, so they cost time and output
        in proportion to the square of the unit's length.
        """
        pieces = []
        while e - s > _MAX_UNIT:
            cut = max(self.text.rfind(" ", s + _MAX_UNIT // 2, s + _MAX_UNIT),
                      self.text.rfind("\n", s + _MAX_UNIT // 2, s + _MAX_UNIT))
            cut = cut if cut > s else s + _MAX_UNIT
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
        if len(seg) > 220 or any(q.start >= s for q in self.overlapping(s, e)):
            return False
        words = _WORD.findall(seg)
        for k, w in enumerate(words):
            form = self.lex.cue_forms.get(w.lower())
            if form and form[2] and not form[3]:
                rest = words[k + 1:]
                return len(rest) <= 8 and "that" not in rest and k <= 20
        return False

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)

    # ------------------------------------------------------------------ speakers
    def nl_before(self, i: int) -> bool:
        """True when a line break separates token ``i`` from the token before it."""
        return i > 0 and "\n" in self.text[self.toks[i - 1].end:self.toks[i].start]

    def _spk(self, low: str) -> bool:
        """A speaker noun, singular or plural ("official", "officials")."""
        nouns = self.lex.speaker_nouns
        return low in nouns or (low.endswith("s") and low[:-1] in nouns) or low + "s" in nouns

    def _is_nameish(self, t: Tok) -> bool:
        return bool(_NAMEISH.match(t.text)) and t.low not in self.lex.not_names

    def speaker_before(self, i: int, lo: int) -> Speaker | None:
        """The speaker noun phrase ending just before token ``i`` (not before token ``lo``)."""
        toks, lex = self.toks, self.lex
        j = i - 1
        while j >= lo and (toks[j].low in _SKIP or (
                toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)):
            j -= 1  # auxiliaries and adverbs: "has also said", "jokingly said"
        if j < lo:
            return None
        t = toks[j]
        if t.text == "," and j - 1 >= lo:
            # apposition: "Al-Araji, Iraq's interior minister, said"
            k = j - 1
            while k >= lo and toks[k].text not in {",", "(", ";", ".", ":"} and j - k < 36:
                k -= 1
            if k >= lo and toks[k].text == "," and k - 1 >= lo:
                sp = self.speaker_before(k, lo)
                if sp is None and k - 2 >= lo and toks[k - 1].text.isdigit() \
                        and toks[k - 2].text == ",":
                    # "Marley Anderson, 21, a junior from Las Vegas, said"
                    sp = self.speaker_before(k - 2, lo)
                app = [toks[m] for m in range(k + 1, j)]
                if sp is not None and not sp.person and not sp.pronoun and len(app) >= 2 and all(
                    self._is_nameish(t) or t.low in _PARTICLES for t in app
                ):
                    # "The Iraqi government spokesman, Basim al-Awadi, said"
                    named = self.make_speaker(app[0].start, app[-1].end)
                    role, aff = self.role_of(sp.start, sp.end, whole=True)
                    named.role = named.role or role
                    named.affiliation = named.affiliation or sp.affiliation or aff
                    named.person = True
                    self.remember(named)
                    return named
                if sp is not None and not sp.pronoun:
                    app_s, app_e = toks[k + 1].start, toks[j - 1].end
                    role, aff = self.role_of(app_s, app_e, whole=True)
                    if role:
                        sp.role = sp.role or role
                        sp.affiliation = sp.affiliation or aff
                        if sp.person:
                            self.remember(sp)
                    has_verb = any(toks[m].low in _STOP or toks[m].low in lex.cue_forms
                                   for m in range(k + 1, j) if toks[m].low not in {"of", "at",
                                                                                  "for", "in"})
                    if (role or not has_verb or toks[k + 1].low in _DET) and (
                            j - k < 16 or toks[k + 1].low in _DET):
                        return sp
                    if sp.person:
                        # "Mr. Reid, who represents Nevada, said"; "Clinton, also campaigning
                        # in Wisconsin, said": a clause between commas after a person's name
                        return sp
                # "Elward Edd, an official at the Housing Authority, which has ..., said":
                # one more comma back, if a person's name stands before it
                c = k - 1
                while c >= lo and toks[c].text not in {",", ".", ";", ":"} and k - c < 30:
                    c -= 1
                if c > lo and toks[c].text == "," and toks[c - 1].text != ",":
                    sp2 = self.speaker_before(c, lo)
                    if sp2 is not None and sp2.person:
                        return sp2
            return None
        if t.text == ")":
            # "Sen. Chuck Grassley (R-Iowa) told"
            k = j - 1
            while k >= lo and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k > lo and toks[k].text == "(":
                return self.speaker_before(k, lo)
            return None
        if t.low in lex.pronouns and not self.in_quote[j]:
            return self.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        if t.low == "who" and j - 1 >= lo and toks[j - 1].text == "," and not self.in_quote[j]:
            # "Mr. Khan, who has accused ...": the relative pronoun, resolved to the name
            ante = self.speaker_before(j - 1, lo)
            sp = Speaker(t.start, t.end, pronoun=True)
            if ante is not None and not ante.pronoun:
                sp.name, sp.role, sp.affiliation = ante.name, ante.role, ante.affiliation
                sp.person = ante.person
            return sp
        head_ok = self._is_nameish(t) or self._spk(t.low) or t.low in lex.title_heads
        if not head_ok and t.low.endswith(("'s", "’s")):
            head_ok = False
        if not head_ok and (t.text.isdigit() or (
                t.text.isalpha() and t.text.islower() and t.low not in _STOP
                and t.low not in _SKIP and t.low not in lex.cue_forms and (
                    t.low in _GENERIC or (t.low.endswith("s") and not t.low.endswith("ss")
                                          and len(t.low) > 3)))):
            # "forecasters say", "those surveyed say", "59 percent said"
            k = j
            while k - 1 >= lo and not self.in_quote[k - 1] and (
                toks[k - 1].low in _DET or toks[k - 1].text.isdigit()
                or self._is_nameish(toks[k - 1]) or toks[k - 1].low in lex.title_mods
                or (toks[k - 1].text.isalpha() and toks[k - 1].text.islower()
                    and toks[k - 1].low not in _STOP and toks[k - 1].low not in _SKIP
                    and toks[k - 1].low not in lex.cue_forms and j - k < 3)
            ):
                k -= 1
                if toks[k].low in _DET:
                    break
            return Speaker(toks[k].start, toks[j].end, name=self.text[toks[k].start:toks[j].end])
        if not head_ok and t.text.isalpha() and t.text.islower() and t.low not in _STOP \
                and t.low not in _SKIP and t.low not in lex.cue_forms and not self.in_quote[j]:
            # "The New York businessman says": determiner + modifiers + noun
            k = j - 1
            while k >= lo and j - k <= 4 and not self.in_quote[k] and (
                self._is_nameish(toks[k]) or (toks[k].text.isalpha() and toks[k].text.islower()
                                              and toks[k].low not in _STOP
                                              and toks[k].low not in lex.cue_forms)
            ) and toks[k].low not in _DET:
                k -= 1
            if k >= lo and k < j and toks[k].low in _DET and toks[k].low not in {"no", "any"}:
                return Speaker(toks[k].start, toks[j].end,
                               name=self.text[toks[k].start:toks[j].end])
        if not head_ok or self.in_quote[j]:
            return None
        k = j
        lower_budget = 4
        while k - 1 >= lo:
            p = toks[k - 1]
            if self.in_quote[k - 1] or self.nl_before(k):
                break
            if self._is_nameish(p) or p.low in _PARTICLES or p.low in lex.title_mods \
                    or p.low in lex.title_heads or self._spk(p.low):
                if p.low in {"of", "the"} and not (self._is_nameish(toks[k]) or
                                                    toks[k].low in lex.title_heads or
                                                    self._spk(toks[k].low) or
                                                    toks[k].low in lex.title_mods):
                    break
                k -= 1
                continue
            if p.low == "and" and k - 2 >= lo and self._is_nameish(toks[k - 2]) \
                    and self._is_nameish(toks[k]) and not self.in_quote[k - 2]:
                k -= 1  # "Iran and Iraq reaffirmed"
                continue
            if p.low in _DET:
                k -= 1
                break
            if p.low.endswith(("'s", "’s")) or p.text in {"'s", "’s"}:
                k -= 1
                continue
            if p.low in {"for", "of"} and k - 2 >= lo and (
                self._spk(toks[k - 2].low) or toks[k - 2].low in lex.title_heads
                # a capitalised name around "for"/"of": "Syrian Observatory for Human Rights"
                or (self._is_nameish(toks[k - 2]) and self._is_nameish(toks[k])
                    and not self.in_quote[k - 2])
            ):
                k -= 1
                continue
            if p.text == "-" or (p.text.islower() and p.low not in _STOP and
                                 p.low not in lex.cue_forms and lower_budget > 0 and
                                 self._spk(t.low) and p.text.isalpha()):
                lower_budget -= 1
                k -= 1
                continue
            break
        # drop leading sentence-initial function words ("But", "The" kept as determiner)
        while k < j and toks[k].low in lex.not_names and toks[k].low not in _DET \
                and toks[k].low not in lex.title_heads:
            k += 1
        return self.make_speaker(toks[k].start, toks[j].end)

    def speaker_after(self, i: int, hi: int) -> Speaker | None:
        """The speaker noun phrase starting at token ``i`` ("said Smith, the minister")."""
        toks, lex = self.toks, self.lex
        if i >= hi:
            return None
        t = toks[i]
        if t.low in lex.pronouns:
            return self.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        k = i
        while k < hi:
            p = toks[k]
            if self.in_quote[k]:
                break
            if self._is_nameish(p) or p.low in _DET or p.low in _PARTICLES or \
                    p.low in lex.title_mods or p.low in lex.title_heads or \
                    self._spk(p.low) or p.low.endswith(("'s", "’s")) or \
                    (p.low in {"of", "for"} and k > i) or p.text == "-":
                k += 1
                continue
            if p.text.islower() and p.text.isalpha() and p.low not in _STOP and k - i < 4 and \
                    p.low not in lex.cue_forms and any(
                        self._spk(toks[m].low) or self._is_nameish(toks[m])
                        for m in range(k + 1, min(k + 3, hi))):
                k += 1
                continue
            break
        while k > i and toks[k - 1].low in {"of", "for", "the", "-"}:
            k -= 1
        if k == i:
            return None
        sp = self.make_speaker(toks[i].start, toks[k - 1].end)
        # apposition after a comma: ", the minister of ..., "
        if k < hi and toks[k].text == "," and sp.person:
            m = k + 1
            while m < hi and toks[m].text not in {",", ".", ";", ":", "(", ")"} and m - k < 16:
                m += 1
            if m > k + 1:
                role, aff = self.role_of(toks[k + 1].start, toks[m - 1].end, whole=True)
                if role:
                    sp.role = sp.role or role
                    sp.affiliation = sp.affiliation or aff
                    self.remember(sp)
        return sp

    def subject_of(self, start: int, limit: int) -> Speaker | None:
        """The subject at the start of the sentence beginning at ``start`` (a name or pronoun)."""
        toks, lex = self.toks, self.lex
        i = self.tok_index(start)
        end = self.tok_index(limit)
        while i < end and toks[i].low in lex.not_names and toks[i].low not in _DET:
            i += 1
        if i >= end or self.in_quote[i]:
            return None
        if toks[i].low in {"he", "she", "they", "i", "we", "it"}:
            return self.resolve_pronoun(Speaker(toks[i].start, toks[i].end, pronoun=True))
        k = i
        while k < end and (self._is_nameish(toks[k]) or toks[k].low in _PARTICLES
                           or toks[k].low in lex.title_heads or toks[k].low in lex.title_mods
                           or self._spk(toks[k].low) or (k == i and toks[k].low in _DET)):
            k += 1
        if k == i or (k == i + 1 and toks[i].low in _DET):
            return None
        if k < end and toks[k].text.isalpha() and toks[k].text.islower():
            return self.make_speaker(toks[i].start, toks[k - 1].end)
        return None

    def role_of(self, start: int, end: int, *, whole: bool = False) -> tuple[str, str]:
        """Role words and affiliation inside ``text[start:end]``."""
        lex = self.lex
        i = self.tok_index(start)
        words: list[Tok] = []
        aff = ""
        seen_head = False
        while i < len(self.toks) and self.toks[i].start < end:
            t = self.toks[i]
            if t.start in self.actors and not aff:
                aff = self.actors[t.start][1]
            low = t.low
            if low.endswith(("'s", "’s")):
                low = low[:-2]
            if low in lex.honorifics:
                pass
            elif low in lex.title_heads or (low in lex.title_mods and low not in {"the"}):
                if not (low in {"of", "affairs"} and not words):
                    words.append(t)
                    seen_head = seen_head or low in lex.title_heads
            elif words and not whole and self._is_nameish(t):
                break
            elif words and whole and seen_head and low not in _DET:
                # "minister of foreign affairs": keep "of" + capitalised complements
                if not (self._is_nameish(t) or low in {"of", "for"}):
                    break
                if t.start not in self.actors:
                    words.append(t)
            i += 1
        while words and words[-1].low in {"of", "for", "the"}:
            words.pop()
        if len(words) >= 2 and words[-1].low in lex.title_heads \
                and words[-2].low in lex.title_heads and not whole:
            words.pop()  # "Foreign Minister Prince Faisal": the role is "Foreign Minister"
        if not seen_head:
            return "", aff
        role = " ".join(w.text for w in words)
        if role.islower():
            role = " ".join(w[:1].upper() + w[1:] for w in role.split())
        return role, aff

    def make_speaker(self, start: int, end: int) -> Speaker:
        """Split a speaker phrase into role and name, and look it up among earlier persons."""
        lex = self.lex
        if not self._scanning:
            self.scan_names(start)
        i = self.tok_index(start)
        toks = []
        while i < len(self.toks) and self.toks[i].start < end:
            toks.append(self.toks[i])
            i += 1
        # the name is the final run of capitalised non-title tokens
        name_toks: list[Tok] = []
        for n, t in enumerate(reversed(toks)):
            if n and "\n" in self.text[t.end:name_toks[0].start if name_toks else t.end]:
                break
            low = t.low
            if (self._is_nameish(t) or low in _PARTICLES) and low not in lex.title_heads \
                    and not (len(t.text) > 2 and t.text.isupper()) \
                    and low not in lex.title_mods and t.start not in self.actors \
                    and not self._spk(low) and not low.endswith(("'s", "’s")):
                name_toks.insert(0, t)
            else:
                break
        while name_toks and name_toks[0].low in _PARTICLES:
            name_toks.pop(0)
        organisation = False
        first = toks.index(name_toks[0]) if name_toks else -1
        head = toks[first - 2] if first >= 2 else None
        if head is not None and toks[first - 1].low in {"for", "of"} and self._is_nameish(head) \
                and head.low not in lex.title_heads and not self._spk(head.low):
            # "Syrian Observatory for Human Rights": one organisation name across "for"/"of"
            k = first - 2
            while k - 1 >= 0 and self._is_nameish(toks[k - 1]) \
                    and toks[k - 1].low not in lex.title_heads:
                k -= 1
            name_toks = toks[k:first + len(name_toks)]
            organisation = True
        if len(name_toks) == 2 and name_toks[0].text == name_toks[1].text:
            name_toks.pop(0)  # a headline glued to the text: "...: Ahmadinejad Ahmadinejad held"
        sp = Speaker(start, end)
        role, aff = self.role_of(start, end)
        sp.role, sp.affiliation = role, aff
        if any(t.low == "and" for t in toks):
            # coordinated speakers: every affiliation, and no single person
            affs = [self.actors[t.start][1] for t in toks if t.start in self.actors]
            sp.affiliation = "; ".join(dict.fromkeys(affs))
            sp.name = self.text[start:end]
            return sp
        if name_toks:
            name = self.text[name_toks[0].start:name_toks[-1].end]
            before_name = [t for t in toks if t.end <= name_toks[0].start]
            is_person = len(name_toks) >= 2 or bool(role) or \
                name_toks[-1].low in self.by_surname or \
                (before_name and before_name[-1].low in lex.title_heads)
            if before_name and before_name[-1].low in _DET and not role:
                is_person = False  # "the Post", "the Kremlin"
            if organisation or any(t.low in lex.not_person for t in name_toks):
                is_person = False  # "Middle East", "State Department"
            if is_person:
                sp.person = True
                sp.name = name
                self.remember(sp)
            else:
                sp.name = name
        elif not sp.name:
            sp.name = self.text[start:end]
            if toks and (toks[0].low == "the" or toks[0].start in self.actors) \
                    and toks[-1].low in lex.title_heads and all(
                        t.low in lex.title_mods or t.low in lex.title_heads
                        or t.start in self.actors for t in toks):
                # "the minister said": the last person whose role has that title
                words = {t.low for t in toks if t.start not in self.actors and t.low != "the"}
                self.scan_names(start)
                cands = [p for p in self.persons if p.last < start and p.role and
                         words <= set(p.role.lower().split()) and
                         (not sp.affiliation or p.affiliation in {"", sp.affiliation})]
                if cands:
                    best = max(cands, key=lambda p: p.last)
                    sp.name, sp.person = best.name, True
                    sp.role = best.role
                    sp.affiliation = best.affiliation or sp.affiliation
                    best.last = start
        return sp

    def remember(self, sp: Speaker) -> None:
        """Register a person, or complete ``sp`` from an earlier fuller mention."""
        surname = sp.name.split()[-1].lower() if sp.name else ""
        if not surname:
            return
        known = self.by_surname.get(surname)
        if known is None:
            known = Person(sp.name, sp.role, sp.affiliation, sp.start)
            self.persons.append(known)
            self.by_surname[surname] = known
        else:
            if len(sp.name) > len(known.name) and sp.name.endswith(known.name.split()[-1]):
                known.name = sp.name
            known.role = known.role or sp.role
            known.affiliation = known.affiliation or sp.affiliation
        known.last = max(known.last, sp.start)
        if not known.gender:
            i = self.tok_index(sp.start)
            while i < len(self.toks) and self.toks[i].start < sp.end:
                g = self.lex.honorifics.get(self.toks[i].low, "")
                if g in {"m", "f"}:
                    known.gender = g
                    break
                i += 1
        sp.name = known.name
        sp.role = known.role
        sp.affiliation = known.affiliation

    def resolve_pronoun(self, sp: Speaker) -> Speaker:
        """Resolve he/she/I to the most recent person mentioned before it."""
        low = self.text[sp.start:sp.end].lower()
        if low in {"he", "she", "i"}:
            gender = self.lex.pronouns.get(low, ("x", "sg"))[0]
            best = self._last_person(sp.start, gender)
            if best is not None:
                sp.name, sp.role, sp.affiliation = best.name, best.role, best.affiliation
                sp.person = True
                best.last = max(best.last, sp.start)
                if gender in {"m", "f"}:
                    best.gender = gender
        return sp

    def _last_person(self, pos: int, gender: str = "x") -> Person | None:
        """The person mentioned last before ``pos`` whose known gender does not clash."""
        self.scan_names(pos)
        cands = [p for p in self.persons if p.last <= pos and
                 (gender not in {"m", "f"} or p.gender in {"", gender})]
        return max(cands, key=lambda p: p.last) if cands else None

    _scanned_to = 0
    _scanning = False

    def scan_names(self, pos: int) -> None:
        """Register person names ("Deputy Foreign Minister Abbas Araghchi") up to ``pos``."""
        if pos <= self._scanned_to:
            return
        self._scanning = True
        try:
            self._scan_names(pos)
        finally:
            self._scanning = False

    def _scan_names(self, pos: int) -> None:
        toks, lex = self.toks, self.lex
        i = self.tok_index(self._scanned_to)
        while i < len(toks) and toks[i].start < pos:
            if self.in_quote[i] or not self._is_nameish(toks[i]):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and not self.in_quote[j + 1] and (
                self._is_nameish(toks[j + 1]) or toks[j + 1].low in _PARTICLES
            ) and not toks[j].low.endswith(("'s", "’s")) and not self.nl_before(j + 1):
                j += 1
            if toks[j].end <= pos:
                run_start = i
                # include a preceding title phrase such as "Iranian Deputy Foreign Minister"
                k = i
                while k - 1 >= 0 and (toks[k - 1].low in lex.title_mods or
                                      toks[k - 1].low in lex.title_heads or
                                      toks[k - 1].start in self.actors) and \
                        toks[k - 1].low not in {"the", "of"}:
                    k -= 1
                name_toks = [t for t in toks[run_start:j + 1]
                             if t.low not in lex.title_heads and t.low not in lex.title_mods
                             and t.start not in self.actors]
                has_title = any(t.low in lex.title_heads for t in toks[k:j + 1])
                plain = [t for t in name_toks if not self._spk(t.low)]
                if plain and (len(plain) >= 2 or has_title or plain[-1].low in self.by_surname) \
                        and plain == name_toks and plain[-1].end == toks[j].end:
                    self.make_speaker(toks[k].start, toks[j].end)
            i = j + 1
        self._scanned_to = max(self._scanned_to, pos)


def _cues(doc: _Doc, ti: int, tj: int) -> list[tuple[int, int, tuple[str, str, bool, bool]]]:
    """Cue tokens in ``[ti, tj)``: (first token, one past last token, (lemma, class, quote_ok))."""
    toks, forms = doc.toks, doc.lex.cue_forms
    out = []
    headline: bool | None = None  # worked out only when a capitalised cue shows up
    i = ti
    while i < tj:
        if doc.in_quote[i]:
            i += 1
            continue
        low = toks[i].low
        if low == "according" and i + 1 < tj and toks[i + 1].low == "to":
            out.append((i, i + 2, ("according to", "according", False, False)))
            i += 2
            continue
        if i + 1 < tj:
            two = f"{low} {toks[i + 1].low}"
            if two in forms:
                out.append((i, i + 2, forms[two]))
                i += 2
                continue
        if low in forms and not toks[i].text.islower() and i > ti and headline is None:
            # a headline in title case ("Iran Says It Will Respond"): capitalised cues count
            long_words = [t.text for t in toks[ti:tj] if len(t.text) > 3 and t.text.isalpha()]
            headline = len(long_words) >= 3 and sum(
                w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
        if low in forms and (toks[i].text.islower() or i == ti or (headline and i > ti) or
                             (i - 1 >= ti and toks[i - 1].text in _OPENERS)):
            # a capitalised cue inside a sentence is part of a name ("the United States")
            out.append((i, i + 1, forms[low]))
        i += 1
    return out


def _cut(doc: _Doc, start: int, end: int) -> int:
    """End of a content span: stop before ", saying ..." / ", according to ..." / "; ..."."""
    toks = doc.toks
    at, always = doc.cut_points()  # the stops, found once per document
    k = bisect_left(at, doc.tok_index(start))
    while k < len(at) and toks[at[k]].start < end:
        if always[k] or toks[at[k] + 1].start < end:
            return toks[at[k]].start
        k += 1
    return end


def _content_after(doc: _Doc, cue_i: int, cue_j: int, lemma: str, unit_end: int) -> int:
    """Where the content starts after a cue (skipping an object and adjuncts before "that")."""
    text, toks = doc.text, doc.toks
    pos = toks[cue_j - 1].end
    m = _THAT.match(text, pos, min(unit_end, pos + 90))
    if m and not any(f" {w} " in f" {m.group().lower()} " for w in ("said", "says", "told")):
        return m.end() - 4
    if lemma in _OBJ_VERBS:
        k = cue_j
        while k < len(toks) and toks[k].start < unit_end and (
            toks[k].low in _DET or doc._is_nameish(toks[k]) or toks[k].low in doc.lex.speaker_nouns
            or toks[k].low in {"reporters", "journalists", "supporters", "me", "him", "her",
                               "them", "us", "audience", "crowd"}
        ) and not doc.in_quote[k]:
            k += 1
        if k > cue_j and k < len(toks):
            return toks[k].start
    return pos


def _attributions(doc: _Doc) -> list[Attribution]:
    text, toks = doc.text, doc.toks
    found: list[Attribution] = []
    last_speaker: Speaker | None = None
    last_speaker_end = -1
    for us, ue in doc.units:
        ti, tj = doc.tok_index(us), doc.tok_index(ue)
        unit_found: list[Attribution] = []
        unit_speaker: Speaker | None = None
        unit_comma: int | None = None  # the first comma of the unit, found when needed
        head = _HEADLINE.match(text, us, ue)
        if head and not any(q.start < head.end(1) < q.end for q in doc.overlapping(us, ue)):
            h0 = head.start(1)
            for w in re.finditer(r"\S+", text[head.start(1):head.end(1)]):
                if not (len(w.group()) > 1 and w.group().isupper()):
                    break
                h0 = head.start(1) + w.end()  # "JUST WATCHED Kerry: ..." (page furniture)
            h0 += len(text[h0:head.end(1)]) - len(text[h0:head.end(1)].lstrip())
            sp = doc.make_speaker(h0, head.end(1)) if h0 < head.end(1) else None
            a, b = _strip_span(text, head.end(), ue)
            if sp is not None and doc.alnum(a, b) >= 8 and (sp.person or sp.affiliation):
                unit_found.append(Attribution(a, b, (head.end(1), head.end(1) + 1), sp,
                                              "speaker-colon"))
                unit_speaker = sp
        for ci, cj, (lemma, cls, quote_ok, strict) in _cues(doc, ti, tj):
            cue = (toks[ci].start, toks[cj - 1].end)
            # ---- according to X
            if cls == "according":
                sp = doc.speaker_after(cj, tj)
                if sp is None or doc.tok_index(sp.end) - cj <= 1 and toks[cj].low in _DET:
                    # any noun phrase up to the next punctuation: "according to the summary"
                    k = cj
                    while k < tj and k - cj < 25 and (
                            toks[k].text.isalnum() or toks[k].low.endswith(("'s", "’s"))):
                        k += 1
                    if k == cj or k - cj >= 25:
                        continue
                    sp = Speaker(toks[cj].start, toks[k - 1].end,
                                 name=text[toks[cj].start:toks[k - 1].end])
                n_lead = doc.alnum(us, cue[0])  # the stripped marks are no letters
                if n_lead < 3 or n_lead == 3 and text[slice(*_strip_span(
                        text, us, cue[0], " ,“\""))].lower() in {"but", "and", "yet"}:
                    k = doc.tok_index(sp.end)
                    cs = toks[k].end if k < tj and toks[k].text == "," else sp.end
                    a, b = _strip_span(text, cs, _cut(doc, cs, ue))
                else:
                    a, b = _strip_span(text, us, cue[0])
                if doc.alnum(a, b) >= 6:
                    unit_found.append(Attribution(a, b, cue, sp, "according-to"))
                    unit_speaker = unit_speaker or sp
                continue
            prev = toks[ci - 1] if ci - 1 >= ti else None
            # ---- "Asked whether he would run, Smith said ...": the question, no speaker named
            if prev is None and lemma == "ask" and toks[ci].text == "Asked":
                k = cj
                while k < tj and not (toks[k].text == "," and not doc.in_quote[k]):
                    k += 1
                a, b = _strip_span(text, toks[cj - 1].end, toks[k].start if k < tj else ue)
                if k < tj and doc.alnum(a, b) >= 6:
                    unit_found.append(Attribution(a, b, cue, None, "asked"))
                continue
            # ---- participle: "..., saying that ..."
            if toks[ci].low.endswith("ing") and prev is not None and prev.text in {",", "—"}:
                sp = unit_speaker or doc.subject_of(us, cue[0])
                if sp is None:
                    continue
                cs = _content_after(doc, ci, cj, lemma, ue)
                a, b = _strip_span(text, cs, _cut(doc, cs, ue))
                if doc.alnum(a, b) >= 6:
                    unit_found.append(Attribution(a, b, cue, sp, "participle"))
                continue
            # ---- passive ("he was told") is no attribution by the subject
            j = ci - 1
            passive = False
            while j >= ti and toks[j].low in _SKIP:
                passive = passive or toks[j].low in _BE
                j -= 1
            if passive and cls != "cognition" and not toks[ci].low.endswith("ing"):
                continue
            if toks[ci].low.endswith("ing") and not passive:
                continue  # "any actions threatening Iran's security": an adjective, no cue
            sp = doc.speaker_before(ci, ti)
            if sp is None and prev is not None and prev.low in {"and", "but"} and ci - ti > 3:
                # "The company keeps its finances secret but says its business tripled."
                sp = unit_speaker or doc.subject_of(us, cue[0])
            if sp is not None:
                if cls == "report" and sp.pronoun and text[sp.start:sp.end].lower() == "it":
                    continue
                # a match ending at sp.start with lead.end(1) within 40 characters starts in
                # the last 42: searching only there finds the same one, in constant time
                lead = _LEAD.search(text, max(us, sp.start - 42), sp.start)
                if lead and sp.start - lead.end(1) < 40 and not sp.pronoun and not any(
                    w in _STOP or w in _SUBORD or w in doc.lex.cue_forms
                    for w in text[lead.end(1):sp.start].lower().split()
                    if w not in _DET
                ):
                    # "“...,” his nephew Michery el Soheil added."
                    sp.start = lead.end(1) + len(text[lead.end(1):sp.start]) - len(
                        text[lead.end(1):sp.start].lstrip())
                cs = _content_after(doc, ci, cj, lemma, ue)
                ce = _cut(doc, cs, ue)
                # the first word of the unit (units start with a word: no white space)
                intro = _FIRST_WORD.match(text, us, min(sp.start, us + 40))
                if intro and intro.group(1).lower() in _SUBORD:
                    if unit_comma is None:
                        unit_comma = text.find(",", us, ue)
                    if not 0 <= unit_comma < sp.start:
                        # "When she said X, she ...": the content ends with the subordinate
                        # clause (the first comma outside quotes)
                        k = bisect_left(doc.commas, doc.tok_index(cs))
                        if k < len(doc.commas) and toks[doc.commas[k]].start < ce:
                            ce = toks[doc.commas[k]].start
                after = _strip_span(text, cs, ce)
                before = _strip_span(text, us, sp.start)
                after_head = text[after[0]:min(after[1], after[0] + 5)].lower()
                after_ok = doc.alnum(*after) >= 4
                if strict and after_ok and not (
                    text[cue[1]:after[0] + 1].lstrip()[:1] in {":", "“", '"', "'"}
                    or after_head.startswith(("that ", "“", '"', "''", "``"))
                    or doc.has_dq(*after)
                ):
                    after_ok = False
                ends_comma = _ends_with(text, us, sp.start, None, (",", "”", '"', "''"))
                before_alnum = doc.alnum(*before)
                if after_ok and ends_comma and before_alnum >= 6:
                    opens = text[cue[1]:after[0] + 1].lstrip()[:1] in {",", ":", "“", '"', "'"} \
                        or after_head.startswith(("that ", "“", '"', "''", "``"))
                    quote_first = _ends_with(text, *before, " ,.!?", ("”", '"', "''"))
                    first_word = _FIRST_WORD.match(text, *after).group(1).lower()
                    if opens and quote_first and first_word.endswith("ing") \
                            and first_word not in doc.lex.cue_forms:
                        opens = False  # "“...,” the report said, referring to ..."
                    if quote_first and not (text[cue[1]:after[0] + 1].lstrip()[:1] in {",", ":"}
                                            or after_head.startswith("that ")):
                        opens = False  # "“...,” Trump told NBC’s “Today” on Monday."
                    if not opens and (quote_first or first_word in _ADJUNCT):
                        after_ok = False
                if after_ok and ends_comma and before_alnum >= 6 and \
                        text[cue[1]:after[0]].strip().startswith(","):
                    # "“A,” he said, “B.”"  /  "The economy, he said, is in trouble."
                    unit_found.append(Attribution(before[0], after[1], cue, sp,
                                                  "interrupted", parts=[before, after]))
                elif after_ok:
                    unit_found.append(Attribution(after[0], after[1], cue, sp,
                                                  "speaker-cue-content"))
                elif ends_comma and before_alnum >= (2 if doc.has_dq(*before) else 4) and (
                    doc.has_dq(*before) or (
                        not strict and _has_words(text, *before, 4))):
                    unit_found.append(Attribution(before[0], before[1], cue, sp,
                                                  "content-speaker-cue"))
                else:
                    continue
                unit_speaker = unit_speaker or sp
                continue
            # ---- inverted: "“...,” said Smith, the minister."
            if prev is not None and (prev.text in {",", "”", '"', "'"}) and quote_ok:
                sp = doc.speaker_after(cj, tj)
                if sp is None:
                    continue
                a, b = _strip_span(text, us, prev.start if prev.text == "," else prev.end)
                rest = _FIRST_WORD.match(text, sp.end, ue)  # None: only white space left
                if doc.alnum(a, b) >= 4 and (
                    rest is None or rest.group(1)[0] in ",.;:!?”\"'("
                    or rest.group(1) in _ADJUNCT
                ) and (doc.has_dq(a, b) or not strict):
                    m_end = doc.comma_before_quote(sp.end, ue)  # ', “...'
                    if m_end is not None:
                        after = _strip_span(text, m_end, ue)
                        unit_found.append(Attribution(a, after[1], cue, sp, "interrupted",
                                                      parts=[(a, b), after]))
                    else:
                        unit_found.append(Attribution(a, b, cue, sp, "content-cue-speaker"))
                    unit_speaker = unit_speaker or sp
        # ---- a partial quote in a sentence with no cue: "Sanders supporters are crying “fraud”"
        if not unit_found:
            partial = [q for q in doc.overlapping(us, ue) if q.start >= us and q.end <= ue
                       and len(_WORD.findall(text[q.start:q.end])) >= 3
                       and not _is_title(text[q.start:q.end])]
            if partial and doc.alnum(us, ue) - sum(doc.alnum(q.start, q.end)
                                                   for q in partial) > 10:
                sp = doc.subject_of(us, partial[0].start)
                if sp is not None:
                    k = doc.tok_index(sp.end)
                    while k < tj and (toks[k].low in _SKIP or toks[k].low in _BE):
                        k += 1
                    if k < tj and toks[k].text.isalpha() and toks[k].text.islower() \
                            and toks[k].end <= partial[0].start:
                        a, b = _strip_span(text, toks[k].end, ue)
                        unit_found.append(Attribution(a, b, (toks[k].start, toks[k].end), sp,
                                                      "subject-verb-quote"))
                        unit_speaker = sp
        # ---- quotes no rule covered
        covered = [(a.start, a.end) for a in unit_found]
        for q in doc.overlapping(us, ue):
            if q.start < us or q.start >= ue:
                continue
            if any(a <= q.start + 1 and q.end - 1 <= b for a, b in covered):
                continue
            inner = text[q.start:q.end]
            if len(_WORD.findall(inner)) < 4 or _is_title(inner):
                continue  # scare quotes and titles of works ("The Rachel Maddow Show")
            whole = doc.alnum(us, ue) - doc.alnum(q.start, q.end) <= 2
            colon = _colon_cue(doc, q.start)
            after = _any_verb_after(doc, q, ue) if colon is None else None
            dash = _DASH_SPEAKER.match(text, q.end)
            if dash and colon is None and after is None:
                sp = doc.make_speaker(dash.start(2), dash.end(2))
                unit_found.append(Attribution(q.start, q.end, dash.span(1), sp,
                                              "quote-dash-speaker"))
                unit_speaker = unit_speaker or sp
            elif after is not None:
                unit_found.append(Attribution(q.start, q.end, after[0], after[1],
                                              "quote-speaker-verb"))
                unit_speaker = unit_speaker or after[1]
            elif colon is not None:
                unit_found.append(Attribution(q.start, q.end, colon[0], colon[1],
                                              "cue-colon-quote"))
                unit_speaker = unit_speaker or colon[1]
            elif last_speaker is not None and whole and us - last_speaker_end < 600:
                unit_found.append(Attribution(q.start, q.end, None, last_speaker,
                                              "continuation"))
            else:
                unit_found.append(Attribution(q.start, q.end, None, None, "quote-only"))
        if unit_speaker is not None:
            last_speaker, last_speaker_end = unit_speaker, ue
        elif any(a.rule == "continuation" for a in unit_found):
            last_speaker_end = ue
        found.extend(unit_found)
    return found


def _is_title(quoted: str) -> bool:
    """A title of a work or a name in quotes: every word longer than three letters capitalised."""
    return all(w[0].isupper() or w.isdigit() for w in _WORD.findall(quoted) if len(w) > 3)


def _any_verb_after(doc: _Doc, q: Quote, ue: int) -> tuple[tuple[int, int], Speaker] | None:
    """"“...,” Trump shot back." with a verb not in the cue list: speaker and verb after a quote
    that ends in a comma, question or exclamation mark."""
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
        return w.isalpha() and w.islower() and w not in _STOP and w not in _DET \
            and w not in _ADJUNCT and not doc._spk(w)
    sp = doc.speaker_after(i, hi)
    if sp is not None:
        k = doc.tok_index(sp.end)
        if k < hi and toks[k].text == "," and not sp.pronoun:
            m = k + 1
            while m < hi and toks[m].text not in {",", ".", ";", ":"} and m - k < 36:
                m += 1
            if m < hi and toks[m].text == ",":
                k = m + 1
        while k < hi and toks[k].low in _SKIP:
            k += 1
        if verb_at(k):
            return (toks[k].start, toks[k].end), sp
    if verb_at(i):
        sp = doc.speaker_after(i + 1, hi)
        if sp is not None and not sp.pronoun:
            return (toks[i].start, toks[i].end), sp
    return None


def _colon_cue(doc: _Doc, pos: int) -> tuple[tuple[int, int], Speaker] | None:
    """The cue and speaker of "Trump said:" (or "the report:") right before a block quote."""
    text = doc.text
    colon = pos  # the last character before pos that is no white space
    while colon > 0 and text[colon - 1].isspace():
        colon -= 1
    colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    ci = doc.tok_index(colon)
    lo = doc.tok_index(max(0, colon - 300))
    for i in range(ci - 1, max(lo, ci - 25) - 1, -1):
        t = doc.toks[i]
        if t.text in {".", "!", "?"} or doc.in_quote[i]:
            break
        form = doc.lex.cue_forms.get(t.low)
        if form and form[2]:
            if t.low.endswith("ing") and i > 0 and doc.toks[i - 1].text == ",":
                k_unit = bisect_left(doc.unit_starts, t.start + 1) - 1
                sp = doc.subject_of(doc.units[k_unit][0], t.start) if k_unit >= 0 else None
            else:
                sp = doc.speaker_before(i, lo)
            if sp is not None and _real_speaker(doc, sp):
                return (t.start, t.end), sp
    # "She addressed the supporters again:": the subject of the sentence before the colon
    k_unit = bisect_left(doc.unit_starts, colon + 1) - 1
    us = doc.units[k_unit] if k_unit >= 0 else None
    if us is not None:
        i = doc.tok_index(us[0])
        while i < ci and doc.toks[i].low in doc.lex.not_names and doc.toks[i].low not in _DET:
            i += 1
        k = i
        while k < ci and (doc._is_nameish(doc.toks[k]) or doc.toks[k].low in _PARTICLES
                          or doc.toks[k].low in doc.lex.title_heads
                          or doc.toks[k].low in doc.lex.title_mods):
            k += 1
        if i < len(doc.toks) and (doc.toks[i].low in _DET or doc.toks[i].text.isupper()):
            return None
        if k < ci and doc.toks[i].low in {"he", "she", "they", "i", "we"}:
            t = doc.toks[i]
            return (colon, colon + 1), doc.resolve_pronoun(Speaker(t.start, t.end, pronoun=True))
        if i < k < ci - 1 and doc.toks[k].text.isalpha() and doc.toks[k].text.islower():
            return (colon, colon + 1), doc.make_speaker(doc.toks[i].start, doc.toks[k - 1].end)
    # "the report:" with no verb
    sp = doc.speaker_before(ci, max(lo, ci - 8))
    if sp is not None and text.find("\n", max(sp.start, 0), colon) < 0 \
            and _real_speaker(doc, sp):
        return (colon, colon + 1), sp
    return None


def _real_speaker(doc: _Doc, sp: Speaker) -> bool:
    """Not a lone determiner ("The") nor a heading in capitals ("RED STATES OUTNUMBER BLUE")."""
    words = doc.text[sp.start:sp.end].split()
    if len(words) == 1 and words[0].lower() in doc.lex.not_names | _DET:
        return False
    return not (len(words) > 1 and all(w.isupper() for w in words))


def _actor_spans(text: str) -> list[tuple[int, int, str]]:
    try:
        from toolkit.actors import mentions
    except ImportError:  # pragma: no cover - actors ships with the toolkit
        return []
    if not text:
        return []
    m = mentions(text)
    return list(zip(m["start"].tolist(), m["end"].tolist(), m["actor"].tolist(), strict=True))


def extract_doc(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """Rows of :func:`extract` and of :func:`check_marks` for one document."""
    doc = _Doc(doc_id, text, load_lexicon(), _actor_spans(text))
    rows = []
    for a in sorted(_attributions(doc), key=lambda a: (a.start, a.end)):
        sp = a.speaker
        speaker_txt = text[sp.start:sp.end] if sp else None
        if a.parts:
            kinds = {doc.kind(ps, pe) for ps, pe in a.parts}
            kind = kinds.pop() if len(kinds) == 1 else "mixed"
        else:
            kind = doc.kind(a.start, a.end)
        rows.append({
            "doc_id": doc_id,
            "start": a.start,
            "end": a.end,
            "text": text[a.start:a.end],
            "kind": kind,
            "cue": text[a.cue[0]:a.cue[1]] if a.cue else None,
            "cue_start": a.cue[0] if a.cue else None,
            "cue_end": a.cue[1] if a.cue else None,
            "speaker": speaker_txt,
            "speaker_start": sp.start if sp else None,
            "speaker_end": sp.end if sp else None,
            # an unresolved pronoun has no name
            "speaker_name": (sp.name or (None if sp.pronoun else speaker_txt)) if sp else None,
            "speaker_role": (sp.role or None) if sp else None,
            "speaker_affiliation": (sp.affiliation or None) if sp else None,
            "rule": a.rule,
            "flags": doc.flags(a.start, a.end),
        })
    problems = [
        {"doc_id": doc_id, "start": p.start, "end": p.end, "mark": p.mark, "problem": p.problem}
        for p in doc.problems
    ]
    return rows, problems


_INT_COLS = ["start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"]
#: Column -> dtype of the frame :func:`extract` returns (rows or no rows): offsets are
#: nullable Int64 (a quote without cue or speaker has <NA> there), the rest str.
DTYPES: dict[str, str] = {c: "Int64" if c in _INT_COLS else "str" for c in COLUMNS}
#: Column -> dtype of the frame :func:`check_marks` returns.
MARK_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64", "mark": "str",
                               "problem": "str"}


def extract(text_or_corpus: TextOrCorpus, *, warn: bool = True) -> pd.DataFrame:
    """Extract quotations and attributions (who said what) with their speakers.

    One row per attribution. ``kind`` is ``direct`` (the content is all inside quotation
    marks), ``mixed`` (a paraphrase with quoted words) or ``indirect`` (reported speech after a
    speech, stance or cognition verb, or "according to"). The speaker is the mention in the text
    (``speaker``, "he", "Araghchi", "the ministry"); ``speaker_name`` resolves pronouns and
    surnames to the fullest earlier mention of that person, with ``speaker_role`` and
    ``speaker_affiliation`` (country or organisation, through :func:`toolkit.actors.mentions`).
    ``rule`` names the pattern that produced the row; the word lists are data files in
    ``toolkit/data/quotes``. Damaged quotation marks never stop the extraction: the row gets a
    ``flags`` entry (``unclosed_quote``) and :func:`check_marks` lists every problem.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series or corpus DataFrame
        See :func:`toolkit._docs.iter_docs`.
    warn : bool, default True
        Warn (:class:`toolkit.errors.ToolkitWarning`) when some documents have unbalanced
        quotation marks.

    Returns
    -------
    DataFrame
        Columns ``quote_id, doc_id, start, end, text, kind, cue, cue_start, cue_end, speaker,
        speaker_start, speaker_end, speaker_name, speaker_role, speaker_affiliation, rule,
        flags``; ``text == corpus_text[start:end]``, likewise for the cue and speaker spans.
        Offsets are nullable ``Int64`` (<NA> where there is no cue or speaker), every other
        column str (missing values NaN), with or without rows (``DTYPES``).

    Examples
    --------
    >>> from toolkit import quotes
    >>> t = ("Iraqi Interior Minister Othman Al-Araji met Iran's envoy. "
    ...      "“We are partners,” Al-Araji said. He stressed that Iraq is committed to stability.")
    >>> df = quotes.extract(t)
    >>> cols = ["kind", "speaker", "speaker_name", "speaker_role", "speaker_affiliation"]
    >>> df[cols].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['direct', 'Al-Araji', 'Othman Al-Araji', 'Interior Minister', 'Iraq'],
     ['indirect', 'He', 'Othman Al-Araji', 'Interior Minister', 'Iraq']]
    """
    rows: list[dict] = []
    n_bad = 0
    for doc_id, text in iter_docs(text_or_corpus):
        doc_rows, problems = extract_doc(doc_id, text)
        for k, r in enumerate(doc_rows):
            r["quote_id"] = f"{doc_id}:q{k}"
        rows.extend(doc_rows)
        n_bad += bool(problems)
    if n_bad and warn:
        warnings.warn(
            f"{n_bad} document(s) have unbalanced or damaged quotation marks; their quotes are "
            "kept and flagged (see toolkit.quotes.check_marks)",
            ToolkitWarning,
            stacklevel=2,
        )
    columns = {c: [r[c] for r in rows] for c in COLUMNS}
    for c in _INT_COLS:
        columns[c] = pd.array(columns[c], dtype="Int64")
    return conform(pd.DataFrame(columns, columns=COLUMNS), DTYPES)


def check_marks(text_or_corpus: TextOrCorpus) -> pd.DataFrame:
    """List unbalanced or damaged quotation marks, one row per problem.

    A quote left open at the end of its paragraph is closed there by :func:`extract` (unless
    the next paragraph opens with a quotation mark, the convention for quotes running over
    several paragraphs); its rows carry the flag ``unclosed_quote``.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series or corpus DataFrame
        See :func:`toolkit._docs.iter_docs`.

    Returns
    -------
    DataFrame
        Columns ``doc_id, start, end, mark, problem``; ``text[start:end]`` is the mark and
        ``problem`` is ``unclosed``, ``closing mark without opening`` or ``closing mark used as
        opening``. Offsets are int64, the rest str, with or without rows.

    Examples
    --------
    >>> check_marks('He said “yes. She said no.')[["start", "problem"]].values.tolist()
    [[8, 'unclosed']]
    """
    out = []
    for doc_id, text in iter_docs(text_or_corpus):
        _, problems = pair_marks(text)
        out.extend(
            {"doc_id": doc_id, "start": p.start, "end": p.end, "mark": p.mark,
             "problem": p.problem}
            for p in problems
        )
    return conform(pd.DataFrame(out, columns=list(MARK_DTYPES)), MARK_DTYPES)

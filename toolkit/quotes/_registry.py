"""The one table of quote rules, run in priority order, and the runner.

Adding a rule is one function (see :mod:`toolkit.quotes.rules`), one line in ``TABLE`` (or
:func:`registered` for a rule of your own) and one test.

>>> names = [r.name for r in TABLE]
>>> names[:3], names[-1]
(['speaker-colon', 'according-to', 'clause-gate'], 'quote-only')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby

from toolkit.quotes._context import Context, Cue
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import _WORD, Candidate
from toolkit.quotes.rules import according_to, colon, direct, headline, indirect, mixed
from toolkit.quotes.rules._shared import cues, is_title

RuleFn = Callable[[QuoteDoc, Context], "list[Candidate] | None"]
SCOPES = ("unit", "cue", "quote")


@dataclass(frozen=True)
class Rule:
    """A table line: ``scope`` is ``unit`` (once per unit), ``cue`` (once per cue, the first
    rule returning a list takes it) or ``quote`` (once per quote no earlier rule covered)."""

    name: str
    family: str
    priority: int
    scope: str
    func: RuleFn


TABLE: tuple[Rule, ...] = (
    Rule("speaker-colon", "headline", 100, "unit", headline.speaker_colon),
    Rule("according-to", "according_to", 200, "cue", according_to.according_to),
    Rule("clause-gate", "indirect", 205, "cue", indirect.clause_gate),
    Rule("asked", "indirect", 210, "cue", indirect.asked),
    Rule("participle", "indirect", 220, "cue", indirect.participle),
    Rule("passive", "indirect", 230, "cue", indirect.passive),
    Rule("speaker-cue", "indirect", 240, "cue", indirect.speaker_cue),
    Rule("content-cue-speaker", "direct", 250, "cue", direct.content_cue_speaker),
    Rule("subject-verb-quote", "mixed", 300, "unit", mixed.subject_verb_quote),
    Rule("cue-colon-quote", "colon", 400, "quote", colon.cue_colon_quote),
    Rule("quote-speaker-verb", "direct", 410, "quote", direct.quote_speaker_verb),
    Rule("quote-dash-speaker", "direct", 420, "quote", direct.quote_dash_speaker),
    Rule("continuation", "direct", 430, "quote", direct.continuation),
    Rule("quote-only", "direct", 440, "quote", direct.quote_only),
)

_active: list[tuple[Rule, ...]] = [TABLE]


def active_table() -> tuple[Rule, ...]:
    """The table :func:`toolkit.quotes.extract` runs now (``TABLE`` unless in
    :func:`registered`)."""
    return _active[-1]


@contextmanager
def registered(*rules: Rule) -> Iterator[tuple[Rule, ...]]:
    """Run ``extract`` with ``rules`` inserted into a copy of the table, by priority.

    >>> def nothing(doc, ctx):
    ...     return None
    >>> with registered(Rule("nothing", "test", 245, "cue", nothing)) as table:
    ...     [r.name for r in table][6:8]
    ['speaker-cue', 'nothing']
    >>> len(active_table()) == len(TABLE)
    True
    """
    table = tuple(sorted((*_active[-1], *rules), key=lambda r: r.priority))
    _active.append(table)
    try:
        yield table
    finally:
        _active.remove(table)


def _try(doc: QuoteDoc, ctx: Context, f: RuleFn) -> list[Candidate] | None:
    """``f(doc, ctx)``, keeping the persons it registered only when it proposes candidates (which
    the runner then accepts): a rule that passes (None) or takes its cue or quote without a
    result ([]) leaves the person register as it found it."""
    doc.checkpoint()
    try:
        found = f(doc, ctx)
    except BaseException:
        doc.rollback()
        raise
    if found:
        doc.commit()
    else:
        doc.rollback()
    return found


def _accept(ctx: Context, found: list[Candidate] | None) -> None:
    for c in found or ():
        ctx.found.append(c)
        if c.sets_speaker and c.speaker is not None:
            ctx.speaker = ctx.speaker or c.speaker


def _speech_cue(doc: QuoteDoc, c: Candidate) -> bool:
    form = doc.lex.cue_forms.get(" ".join(doc.text[c.cue[0]:c.cue[1]].lower().split()))
    return form is not None and form[1] in {"speech", "stance"}


def nest_sources(doc: QuoteDoc, found: list[Candidate]) -> list[Candidate]:
    """One row per attribution: an "according to" candidate whose content holds the whole of
    another candidate of the unit (content, speech or stance cue and speaker: '“...,” he said,
    according to AP') is no row of its own; its source becomes that candidate's
    ``nested_source``.

    >>> doc = QuoteDoc("d", "“We will wait,” he said, according to Reuters.")
    >>> [(c.rule, c.nested_source) for c in run(doc)]
    [('content-speaker-cue', 'Reuters')]
    """
    outer = [c for c in found if c.rule == "according-to" and c.speaker is not None]
    if not outer:
        return found
    inner = [c for c in found if c.rule != "according-to" and c.cue is not None
             and c.speaker is not None and _speech_cue(doc, c)]
    drop = set()
    for a in outer:
        for c in inner:
            ov = min(a.end, c.end) - max(a.start, c.start)
            lo, hi = min(c.start, c.cue[0], c.speaker.start), max(c.end, c.cue[1], c.speaker.end)
            if ov > 0 and ov * 2 >= c.end - c.start and a.start <= lo + 2 and hi <= a.end + 2:
                c.nested_source = c.nested_source or doc.text[a.speaker.start:a.speaker.end]
                drop.add(id(a))
                break
    return [c for c in found if id(c) not in drop]


def run(doc: QuoteDoc, table: tuple[Rule, ...] | None = None) -> list[Candidate]:
    """Every accepted candidate of ``doc``, unit by unit, rules in table order."""
    table = active_table() if table is None else table
    groups = [(scope, [r.func for r in rs]) for scope, rs in groupby(
        sorted(table, key=lambda r: r.priority), key=lambda r: r.scope)]
    text, th = doc.text, doc.lex.th
    out: list[Candidate] = []
    last_speaker, last_end = None, -1
    for us, ue in doc.units:
        ctx = Context(us, ue, doc.tok_index(us), doc.tok_index(ue), last_speaker=last_speaker,
                      last_speaker_end=last_end)
        taken_cues: set[int] = set()
        taken_quotes: set[int] = set()
        for scope, funcs in groups:
            if scope == "unit":
                for f in funcs:
                    _accept(ctx, _try(doc, ctx, f))
            elif scope == "cue":
                for ci, cj, (lemma, cls, quote_ok, strict) in cues(doc, ctx.ti, ctx.tj):
                    if ci in taken_cues:
                        continue
                    ctx.cue = Cue(ci, cj, lemma, cls, quote_ok, strict)
                    for f in funcs:
                        found = _try(doc, ctx, f)
                        if found is not None:
                            taken_cues.add(ci)
                            _accept(ctx, found)
                            break
                ctx.cue = None
            else:
                covered = [(c.start, c.end) for c in ctx.found]
                for q in doc.overlapping(us, ue):
                    if q.start < us or q.start >= ue or q.start in taken_quotes:
                        continue
                    if any(a <= q.start + 1 and q.end - 1 <= b for a, b in covered):
                        continue
                    inner = text[q.start:q.end]
                    if len(_WORD.findall(inner)) < th.quote_min_words or is_title(
                            inner, th.title_word_min_len):
                        continue  # scare quotes and titles of works ("The Rachel Maddow Show")
                    ctx.quote = q
                    for f in funcs:
                        found = _try(doc, ctx, f)
                        if found is not None:
                            taken_quotes.add(q.start)
                            _accept(ctx, found)
                            break
                ctx.quote = None
        ctx.found = nest_sources(doc, ctx.found)
        if ctx.speaker is not None:
            last_speaker, last_end = ctx.speaker, ue
        elif any(c.rule == "continuation" for c in ctx.found):
            last_end = ue
        out.extend(ctx.found)
    return out

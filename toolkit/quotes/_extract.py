"""Rule-based attribution extraction: direct, mixed and indirect quotes with their speakers.

The pipeline, per document: a :class:`~toolkit.quotes._doc.QuoteDoc` (the annotate layer's tokens,
quotation marks paired by :func:`toolkit.tokenize._marks.pair_marks`, sentences from
:func:`toolkit.tokenize.sentence_spans` merged so that no quote is cut); then the rules of the one
table in :mod:`toolkit.quotes._registry`, in priority order, unit by unit; then the frame
(:mod:`toolkit.quotes._frame`). Speakers resolve against a register of persons
(:mod:`toolkit.quotes._speakers`); affiliations come from actor mentions of the gazetteer given.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.annotate import AnnotatedCorpus, Doc, ensure_annotated
from toolkit.errors import ToolkitWarning
from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._frame import _INT_COLS, COLUMNS, DTYPES, MARK_DTYPES, doc_rows
from toolkit.quotes._lexicon import Lexicon, load_lexicon, with_cues
from toolkit.quotes._people import PeopleReader, attach_people
from toolkit.quotes._registry import run
from toolkit.tokenize._marks import pair_marks

__all__ = ["COLUMNS", "DTYPES", "MARK_DTYPES", "check_marks", "extract"]




def _actor_spans(texts: list[str], gazetteer) -> list[list[tuple[int, int, str, str]]]:
    """Actor mentions of every text, for affiliations: ``(start, end, actor, affiliation)``,
    the affiliation being the state of a state body ("US State Department" -> "United
    States") and the actor itself otherwise. The one place quotes reaches actors (imported
    here, not at module import; the shipped gazetteer when ``gazetteer`` is None)."""
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
    if not any(texts):
        return out
    from toolkit.actors import load_gazetteer, mentions

    m = mentions(pd.Series(texts, index=[str(i) for i in range(len(texts))]),
                 gazetteer=gazetteer, persons=False, places=False)
    if gazetteer is None:
        states = _shipped_state_names()
    else:
        states = _state_names(gazetteer if isinstance(gazetteer, pd.DataFrame)
                              else load_gazetteer(gazetteer))
    for d, s, e, a, t, c in zip(m["doc_id"].tolist(), m["start"].tolist(), m["end"].tolist(),
                                m["actor"].tolist(), m["actor_type"].tolist(),
                                m["country"].tolist(), strict=True):
        aff = states.get(c, a) if t == "organisation" and isinstance(c, str) else a
        out[int(d)].append((s, e, a, aff))
    return out


@lru_cache(maxsize=1)
def _shipped_state_names() -> dict[str, str]:
    from toolkit.actors import load_gazetteer

    return _state_names(load_gazetteer())


def _state_names(gaz: pd.DataFrame) -> dict[str, str]:
    """ISO code -> the state's canonical name, from a gazetteer frame."""
    states = gaz[gaz["actor_type"] == "state"]
    return dict(zip(states["country"].tolist(), states["actor"].tolist(), strict=True))


def _lexicon(lexicon: Lexicon | str | Path | None, cues) -> Lexicon:
    lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    return lex if cues is None else with_cues(lex, cues)


def extract_doc(doc_id: str, text: str, *, lexicon: Lexicon | None = None,
                actor_spans: list | None = None, layer: Doc | None = None,
                date: object = None, people: bool | PeopleReader = True,
                cue_gate: bool = True) -> tuple[list[dict], list[dict]]:
    """Rows of :func:`extract` and of :func:`check_marks` for one document (``layer``: its
    :class:`toolkit.annotate.Doc`, annotated here when not given; ``date``: the article's
    date, for leaders' roles; ``people``: resolve speakers to persons; ``cue_gate``: see
    :func:`extract`).

    >>> rows, problems = extract_doc("d", "“Yes,” he said.")
    >>> [r["rule"] for r in rows], problems
    (['content-speaker-cue'], [])
    """
    if actor_spans is None:
        actor_spans = _actor_spans([text], None)[0]
    doc = QuoteDoc(doc_id, text, lexicon, actor_spans, layer=layer)
    doc.cue_gate = cue_gate
    found = run(doc)
    rows, problems = doc_rows(doc, found)
    if people and any(r["speaker_start"] is not None for r in rows):
        reader = people if isinstance(people, PeopleReader) else PeopleReader()
        spans = [(q.start, q.end) for q in doc.quotes]
        attach_people(rows, reader(text, doc_id=doc_id, date=date, quote_spans=spans),
                      text, actor_spans, doc.lex)
    return rows, problems


def extract(
    text_or_corpus: TextOrCorpus | AnnotatedCorpus,
    *,
    cues: str | Path | pd.DataFrame | None = None,
    gazetteer: str | Path | pd.DataFrame | None = None,
    lexicon: Lexicon | str | Path | None = None,
    people: bool = True,
    cue_gate: bool = True,
    cue_classes: tuple[str, ...] | list[str] | None = None,
    warn: bool = True,
) -> pd.DataFrame:
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
    text_or_corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        See :func:`toolkit._docs.iter_docs`. Tokens and sentences are read from the annotate
        layer: an annotated corpus (:func:`toolkit.annotate.annotate`) is read as it is, never
        tokenized again; anything else is annotated once
        (:func:`toolkit.annotate.ensure_annotated`, with the disk cache when enabled).
    cues : path or DataFrame, optional
        Your own cue verbs in the format of ``toolkit/data/quotes/cue_verbs.csv`` (``lemma,
        class, quote_ok, strict, forms``), used in place of the shipped ones.
    gazetteer : path or DataFrame, optional
        Your own gazetteer for affiliations (a CSV path for
        :func:`toolkit.actors.load_gazetteer`, or the frame it returns); default the shipped one.
    lexicon : Lexicon or path, optional
        The word lists (:func:`load_lexicon`, or a folder laid out as ``toolkit/data/quotes``).
    people : bool, default True
        Resolve speakers to persons with :func:`toolkit.people.resolve_people` (on the corpus
        ``date`` when there is one): ``speaker_name`` becomes the person's canonical full name
        ("Obama" -> "Barack Obama"), with ``person_id``, role and affiliation (stated in the
        article, else from the leaders table). False: the names as the rules read them.
    cue_gate : bool, default True
        Cognition, plan and agreement cues (``believes``, ``plans``, ``agreed``: the classes
        ``gated_class`` of ``function_words.csv``) make an attribution only with a that-clause,
        a finite clause or a quotation after them ("agreed that ...", "believes Iran is ready"),
        never with an infinitive or a noun object ("agreed to ship", "plans to visit", "saw the
        killing as"). False also keeps those, as PARC-style schemes such as PolNeAR count them.
    cue_classes : list of str, optional
        Keep only rows whose ``cue_class`` is one of these (for example ``["speech",
        "stance"]`` for speech acts alone); default every class.
    warn : bool, default True
        Warn (:class:`toolkit.errors.ToolkitWarning`) when some documents have unbalanced
        quotation marks.

    Returns
    -------
    DataFrame
        Columns ``quote_id, doc_id, start, end, quote, kind, cue, cue_start, cue_end,
        cue_class, speaker, speaker_start, speaker_end, speaker_name, person_id, speaker_role,
        speaker_affiliation, nested_source, rule, flags``. One row per attribution: a source it
        is passed on through ("..., he said, according to AP") is ``nested_source``, not a
        row. ``cue_class`` is the cue's class in ``cue_verbs.csv`` (``speech``, ``stance``,
        ``cognition``, ``plan``, ``agreement``, ``report``; ``other`` for a verb the list
        lacks; "according to", a colon and a continuation are ``speech``); ``person_id`` is
        the person's id of :func:`toolkit.people.resolve_people` (empty for speakers who are
        no person); ``quote == text[start:end]`` for the corpus ``text`` (the quote column is
        not named ``text``, so that it never collides with the corpus column when merged),
        likewise for the cue and speaker spans.
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
    lex = _lexicon(lexicon, cues)
    annotated = ensure_annotated(text_or_corpus)  # a plain corpus is annotated once
    layers = annotated.docs
    frame = annotated.corpus
    dates = frame["date"].tolist() if "date" in frame.columns else [None] * len(layers)
    spans = _actor_spans([d.text for d in layers], gazetteer)
    rows: list[dict] = []
    n_bad = 0
    reader = PeopleReader() if people else False
    for layer, actor_spans, date in zip(layers, spans, dates, strict=True):
        doc_id = layer.doc_id
        found, problems = extract_doc(doc_id, layer.text, lexicon=lex, actor_spans=actor_spans,
                                      layer=layer, date=date, people=reader,
                                      cue_gate=cue_gate)
        for k, r in enumerate(found):
            r["quote_id"] = f"{doc_id}:q{k}"
        rows.extend(found)
        n_bad += bool(problems)
    if n_bad and warn:
        warnings.warn(
            f"{n_bad} document(s) have unbalanced or damaged quotation marks; their quotes are "
            "kept and flagged (see toolkit.quotes.check_marks)",
            ToolkitWarning,
            stacklevel=2,
        )
    if cue_classes is not None:
        keep = set(cue_classes)
        rows = [r for r in rows if r["cue_class"] in keep]
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

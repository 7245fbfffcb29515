"""The output frames of :func:`toolkit.quotes.extract` and :func:`toolkit.quotes.check_marks`.

>>> DTYPES["start"], DTYPES["speaker"], MARK_DTYPES["problem"]
('Int64', 'str', 'str')
"""

from __future__ import annotations

from toolkit.quotes._doc import QuoteDoc
from toolkit.quotes._text import Candidate

COLUMNS = [
    "quote_id",
    "doc_id",
    "start",
    "end",
    "quote",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "cue_class",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "person_id",
    "speaker_role",
    "speaker_affiliation",
    "nested_source",
    "rule",
    "flags",
]
_INT_COLS = ["start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"]
#: Column -> dtype of the frame :func:`extract` returns (rows or no rows): offsets are
#: nullable Int64 (a quote without cue or speaker has <NA> there), the rest str.
DTYPES: dict[str, str] = {c: "Int64" if c in _INT_COLS else "str" for c in COLUMNS}
#: Column -> dtype of the frame :func:`check_marks` returns.
MARK_DTYPES: dict[str, str] = {"doc_id": "str", "start": "int64", "end": "int64", "mark": "str",
                               "problem": "str"}



def cue_class(doc: QuoteDoc, a: Candidate) -> str | None:
    """The class of the candidate's cue (``cue_verbs.csv``): ``according to``, a colon and a
    continuation are ``speech``; a verb the lexicon lacks (``quote-speaker-verb``, ``subject-
    verb-quote``) is ``other``."""
    if a.cue_class:
        return a.cue_class
    if a.cue is None:
        return "speech" if a.speaker is not None else None
    word = " ".join(doc.text[a.cue[0]:a.cue[1]].lower().split())
    if word in {"according to", ":"}:
        return "speech"
    form = doc.lex.cue_forms.get(word)
    return form[1] if form else "other"


def doc_rows(doc: QuoteDoc, found: list[Candidate]) -> tuple[list[dict], list[dict]]:
    """Rows of :func:`extract` and of :func:`check_marks` for one document."""
    doc_id, text = doc.doc_id, doc.text
    rows = []
    for a in sorted(found, key=lambda a: (a.start, a.end)):
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
            "quote": text[a.start:a.end],
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
            "nested_source": a.nested_source or None,
            "rule": a.rule,
            "flags": doc.flags(a.start, a.end),
            "cue_class": cue_class(doc, a),
            "person_id": None,
            # for the people pass (toolkit.quotes._people), not columns
            "_pronoun": bool(sp and sp.pronoun),
            "_person": bool(sp and sp.person),
            "_coordinated": bool(speaker_txt and " and " in speaker_txt),
        })
    problems = [
        {"doc_id": doc_id, "start": p.start, "end": p.end, "mark": p.mark, "problem": p.problem}
        for p in doc.problems
    ]
    return rows, problems

"""Load the quote word lists shipped under ``toolkit/data/quotes`` (editable data files)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _read(name: str) -> str:
    path = resources.files("toolkit").joinpath("data").joinpath("quotes").joinpath(name)
    return path.read_text(encoding="utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _words(name: str) -> set[str]:
    return {
        ln.strip().lower()
        for ln in _read(name).splitlines()
        if ln.strip() and not ln.startswith("#")
    }


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules use; see the data files for their meaning."""

    cue_forms: dict[str, tuple[str, str, bool, bool]] = field(default_factory=dict)
    pronouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    speaker_nouns: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    title_mods: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    honorifics: dict[str, str] = field(default_factory=dict)
    not_person: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the shipped word lists.

    >>> lex = load_lexicon()
    >>> lex.cue_forms["said"]
    ('say', 'speech', True, False)
    >>> "spokesman" in lex.speaker_nouns
    True
    """
    cues: dict[str, tuple[str, str, bool, bool]] = {}
    for row in _csv_rows("cue_verbs.csv"):
        for form in row["forms"].split("|"):
            form = form.strip().lower()
            if form:
                cues.setdefault(
                    form,
                    (row["lemma"], row["class"], row["quote_ok"] == "1", row["strict"] == "1"),
                )
    pronouns = {
        r["pronoun"].lower(): (r["gender"], r["number"]) for r in _csv_rows("pronouns.csv")
    }
    titles = _csv_rows("titles.txt")
    honorifics = {r["word"].lower(): r["gender"] for r in _csv_rows("honorifics.csv")}
    return Lexicon(
        cue_forms=cues,
        pronouns=pronouns,
        speaker_nouns=frozenset(_words("speaker_nouns.txt")),
        title_heads=frozenset(r["word"].lower() for r in titles if r["kind"] == "head")
        | frozenset(honorifics),
        honorifics=honorifics,
        not_person=frozenset(_words("not_person_words.txt")),
        title_mods=frozenset(r["word"].lower() for r in titles if r["kind"] == "mod"),
        not_names=frozenset(_words("not_names.txt")),
    )


@lru_cache(maxsize=1)
def load_function_words() -> dict[str, frozenset[str]]:
    """Function words by class (``function_words.csv``).

    >>> "also" in load_function_words()["skip"]
    True
    """
    out: dict[str, set[str]] = {}
    for row in _csv_rows("function_words.csv"):
        out.setdefault(row["class"], set()).add(row["word"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}

"""Load the quote word lists shipped under ``toolkit/data/quotes`` (editable data files)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd


def _read(name: str, folder: str | Path | None = None) -> str:
    if folder is not None:
        return Path(folder, name).read_text(encoding="utf-8")
    path = resources.files("toolkit").joinpath("data").joinpath("quotes").joinpath(name)
    return path.read_text(encoding="utf-8")


def _csv_rows(name: str, folder: str | Path | None = None) -> list[dict[str, str]]:
    text = _read(name, folder)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _words(name: str, folder: str | Path | None = None) -> set[str]:
    return {
        ln.strip().lower()
        for ln in _read(name, folder).splitlines()
        if ln.strip() and not ln.startswith("#")
    }


def _cue_forms(rows: list[dict[str, str]]) -> dict[str, tuple[str, str, bool, bool]]:
    cues: dict[str, tuple[str, str, bool, bool]] = {}
    for row in rows:
        for form in str(row["forms"]).split("|"):
            form = form.strip().lower()
            if form:
                cues.setdefault(
                    form,
                    (row["lemma"], row["class"], str(row["quote_ok"]) == "1",
                     str(row["strict"]) == "1"),
                )
    return cues


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


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read the word lists: the shipped ones, or those of a folder laid out as
    ``toolkit/data/quotes`` (copy it, edit the copy, pass its path).

    >>> lex = load_lexicon()
    >>> lex.cue_forms["said"]
    ('say', 'speech', True, False)
    >>> "spokesman" in lex.speaker_nouns
    True
    """
    return _shipped() if path is None else _load(path)


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    return _load(None)


def _load(folder: str | Path | None) -> Lexicon:
    cues = _cue_forms(_csv_rows("cue_verbs.csv", folder))
    pronouns = {
        r["pronoun"].lower(): (r["gender"], r["number"])
        for r in _csv_rows("pronouns.csv", folder)
    }
    titles = _csv_rows("titles.txt", folder)
    honorifics = {r["word"].lower(): r["gender"] for r in _csv_rows("honorifics.csv", folder)}
    return Lexicon(
        cue_forms=cues,
        pronouns=pronouns,
        speaker_nouns=frozenset(_words("speaker_nouns.txt", folder)),
        title_heads=frozenset(r["word"].lower() for r in titles if r["kind"] == "head")
        | frozenset(honorifics),
        honorifics=honorifics,
        not_person=frozenset(_words("not_person_words.txt", folder)),
        title_mods=frozenset(r["word"].lower() for r in titles if r["kind"] == "mod"),
        not_names=frozenset(_words("not_names.txt", folder)),
    )


def with_cues(lex: Lexicon, cues: str | Path | pd.DataFrame) -> Lexicon:
    """``lex`` with its cue verbs replaced by ``cues`` (a path or a DataFrame in the format of
    ``cue_verbs.csv``: ``lemma, class, quote_ok, strict, forms``).

    >>> own = pd.DataFrame({"lemma": ["tweet"], "class": ["speech"], "quote_ok": [1],
    ...                     "strict": [0], "forms": ["tweeted|tweets"]})
    >>> with_cues(load_lexicon(), own).cue_forms
    {'tweeted': ('tweet', 'speech', True, False), 'tweets': ('tweet', 'speech', True, False)}
    """
    if isinstance(cues, pd.DataFrame):
        rows = cues.astype(str).to_dict("records")
    else:
        rows = _csv_rows(Path(cues).name, Path(cues).parent)
    return replace(lex, cue_forms=_cue_forms(rows))


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

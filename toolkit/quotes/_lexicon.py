"""Load the quote word lists and thresholds shipped under ``toolkit/data/quotes`` (editable data
files), once: the :class:`Lexicon` every rule reads through ``doc.lex``."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from toolkit.errors import MESSAGES, InputError

#: The function-word classes of ``function_words.csv`` the rules read (``lex.fw.<class>``).
WORD_CLASSES = (
    "skip", "det", "stop", "particle", "object_verb", "adjunct", "subordinator", "generic_head",
    "be", "subject_pronoun", "colon_pronoun", "resolvable_pronoun", "no_speaker_det", "name_link",
    "name_run_stop", "role_trail", "after_trail", "role_skip_first", "role_not_mod",
    "apposition_prep", "coordinator", "lead_conjunction", "contrast", "addressee", "that_blocker",
)


class Words:
    """Function words by class, as attributes (``lex.fw.det``): frozensets of lower-case words.

    >>> "the" in Words({"det": frozenset({"the"})}).det
    True
    """

    def __init__(self, classes: dict[str, frozenset[str]]) -> None:
        self.__dict__.update(classes)

    def __repr__(self) -> str:
        return f"Words({sorted(self.__dict__)})"


class Thresholds:
    """The numbers of ``thresholds.yaml``, as attributes (``lex.th.quote_min_words``).

    >>> Thresholds({"quote_min_words": 4}).quote_min_words
    4
    """

    def __init__(self, values: dict[str, int | float]) -> None:
        self.__dict__.update(values)

    def __repr__(self) -> str:
        return f"Thresholds({self.__dict__})"


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
    ranks: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    honorifics: dict[str, str] = field(default_factory=dict)
    not_person: frozenset[str] = frozenset()
    fw: Words = field(default_factory=lambda: Words({}))
    th: Thresholds = field(default_factory=lambda: Thresholds({}))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read the word lists: the shipped ones, or those of a folder laid out as
    ``toolkit/data/quotes`` (copy it, edit the copy, pass its path).

    >>> lex = load_lexicon()
    >>> lex.cue_forms["said"]
    ('say', 'speech', True, False)
    >>> "spokesman" in lex.speaker_nouns
    True
    >>> lex.th.quote_min_words, "the" in lex.fw.det
    (4, True)
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
        title_heads=frozenset(r["word"].lower() for r in titles if r["kind"] in {"head", "rank"})
        | frozenset(honorifics),
        ranks=frozenset(r["word"].lower() for r in titles if r["kind"] == "rank"),
        honorifics=honorifics,
        not_person=frozenset(_words("not_person_words.txt", folder)),
        title_mods=frozenset(r["word"].lower() for r in titles if r["kind"] == "mod"),
        not_names=frozenset(_words("not_names.txt", folder)),
        fw=Words(_function_words(folder)),
        th=Thresholds(_thresholds(folder)),
    )


def _where(name: str, folder: str | Path | None) -> str:
    return str(Path(folder, name)) if folder is not None else f"toolkit/data/quotes/{name}"


def _function_words(folder: str | Path | None) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    for row in _csv_rows("function_words.csv", folder):
        out.setdefault(row["class"], set()).add(row["word"].strip().lower())
    missing = [c for c in WORD_CLASSES if not out[c]]
    if missing:
        raise InputError(MESSAGES["quotes_word_classes"].format(missing=", ".join(missing)),
                         source=_where("function_words.csv", folder))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _shipped_threshold_names() -> frozenset[str]:
    return frozenset(_read_thresholds(None))


def _read_thresholds(folder: str | Path | None) -> dict:
    source = _where("thresholds.yaml", folder)
    try:
        values = yaml.safe_load(_read("thresholds.yaml", folder))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(MESSAGES["quotes_thresholds"].format(detail=str(err).splitlines()[0]),
                         source=source, line=mark.line + 1 if mark else None) from None
    if not isinstance(values, dict):
        raise InputError(MESSAGES["quotes_thresholds"].format(detail="not a mapping"),
                         source=source)
    return values


def _thresholds(folder: str | Path | None) -> dict[str, int | float]:
    values = _read_thresholds(folder)
    source = _where("thresholds.yaml", folder)
    lines = _read("thresholds.yaml", folder).splitlines()
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            line = next((n for n, ln in enumerate(lines, 1) if ln.startswith(f"{key}:")), None)
            raise InputError(MESSAGES["quotes_threshold_value"].format(key=key, value=value),
                             source=source, line=line)
    missing = sorted(_shipped_threshold_names() - set(values)) if folder is not None else []
    if missing:
        raise InputError(MESSAGES["quotes_thresholds"].format(
            detail=f"missing key(s) {', '.join(missing)}"), source=source)
    return values


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

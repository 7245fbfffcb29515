"""Load the plain-text data files under ``toolkit/data/tokenize`` (never pickles)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_PKG = "toolkit"
_DIR = "data/tokenize"


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a packaged data file (``#`` starts a comment line)."""
    text = resources.files(_PKG).joinpath(_DIR, name).read_text(encoding="utf-8")
    return _lines(text)


def read_user_lines(path: str | Path) -> list[str]:
    """Same as :func:`read_lines` for a user's own file."""
    return _lines(Path(path).read_text(encoding="utf-8"))


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


class PunktParams:
    """NLTK Punkt parameters (English ``punkt_tab``) read from the shipped text files."""

    def __init__(self) -> None:
        self.abbrev_types: frozenset[str] = frozenset(read_lines("punkt_abbrev_types.txt"))
        self.sent_starters: frozenset[str] = frozenset(read_lines("punkt_sent_starters.txt"))
        self.collocations: frozenset[tuple[str, str]] = frozenset(
            tuple(line.split("\t")[:2]) for line in read_lines("punkt_collocations.tsv")
        )
        ortho: dict[str, int] = {}
        for line in read_lines("punkt_ortho_context.tsv"):
            typ, _, flags = line.rpartition("\t")
            ortho[typ] = int(flags)
        self.ortho_context = ortho


@cache
def punkt_params() -> PunktParams:
    return PunktParams()


@cache
def abbreviations() -> dict[str, str]:
    """``{abbrev: kind}`` with kind ``title``, ``general`` or ``numeric``."""
    out = {}
    for line in read_lines("abbreviations_en.tsv"):
        word, _, kind = line.partition("\t")
        out[word.lower()] = kind.strip() or "general"
    return out


@cache
def hyphen_prefixes() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in read_lines("hyphen_prefixes.txt")}, key=len))

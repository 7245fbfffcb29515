"""A fast Brill-style part-of-speech tagger built from the data that ``textblob`` ships.

The lexicon (word -> most frequent Penn tag), the morphology rules for unknown words and the
contextual rules are Eric Brill's (1992), as distributed inside the ``textblob`` wheel
(``textblob/en/en-*.txt``, MIT licence). Nothing is downloaded; the files are read once from
the installed package's folder (without importing ``textblob``, which imports NLTK) and cached.

>>> tag(["The", "oil", "spill", "reached", "the", "coast", "."])  # Brill lexicon: VBN
['DT', 'NN', 'NN', 'VBN', 'DT', 'NN', '.']
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from toolkit.errors import ToolkitError

_CD = re.compile(r"^[0-9\-\,\.\:\/\%\$]+$")
_OPENERS = frozenset({'"', "``", "“", "(", ":", "-", "--", "‘", "'", "…", "—", "–", ";"})
_PUNCT = {
    ".": ".", ",": ",", ":": ":", ";": ":", "?": ".", "!": ".", "(": "(", ")": ")",
    '"': '"', "``": '"', "''": '"', "“": '"', "”": '"', "‘": '"', "’": '"', "'": '"',
    "-": ":", "--": ":",
    "'s": "POS", "’s": "POS", "'S": "POS", "’S": "POS", "…": ":",
    "—": ":", "–": ":", "_": ":", "$": "$", "%": "NN", "&": "CC",
}


def _text(name: str) -> str:
    """One data file of ``textblob/en/``, read without importing ``textblob`` (whose
    ``__init__`` imports NLTK, and NLTK SciPy: seconds at start-up)."""
    spec = importlib.util.find_spec("textblob")
    try:
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError(name)
        folder = Path(next(iter(spec.submodule_search_locations)))
        return (folder / "en" / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover
        raise ToolkitError(
            f"the part-of-speech data {name!r} ships with the 'textblob' package; "
            "install it with `pip install textblob` (no download at run time)"
        ) from exc


def _read(name: str) -> list[list[str]]:
    text = _text(name)
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(";;;"):
            continue
        rows.append(line.split())
    return rows


def _lexicon() -> dict[str, str]:
    """Word -> tag from ``en-lexicon.txt`` ("word TAG" lines after ";;;" comment lines), read
    with one split of the whole text (about 20x faster than line by line)."""
    text = _text("en-lexicon.txt")
    pos = 0
    while text.startswith(";;;", pos):  # the comment lines at the top, skipped without a split
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    body = text[pos:]
    if "\n;;;" in body:  # comment lines further down too: drop them line by line
        body = "\n".join(ln for ln in body.split("\n") if not ln.startswith(";;;"))
    fields = iter(body.split())
    return dict(zip(fields, fields, strict=False))


@lru_cache(maxsize=1)
def _model():
    lexicon = _lexicon()
    morph = []
    for r in _read("en-morphology.txt"):
        if len(r) < 4:
            continue
        if r[1].lower() in _MORPH_CMDS:  # ly hassuf 2 RB x: affix, cmd, len, to-tag
            morph.append((None, r[0], r[1].lower(), r[-2]))
        elif r[2].lower()[1:] in _MORPH_CMDS:  # NN s fhassuf 1 NNS x: from-tag first
            morph.append((r[0], r[1], r[2].lower()[1:], r[-2]))
    context: dict[str, list[tuple[int, str, str, str, str]]] = {}
    for i, r in enumerate(_read("en-context.txt")):
        if len(r) < 4:
            continue
        x, y = r[3], (r[4] if len(r) > 4 else "")
        context.setdefault(r[0], []).append((i, r[1], r[2].lower(), x, y))
    return lexicon, morph, context


_MORPH_CMDS = {
    "char", "haspref", "hassuf", "addpref", "addsuf", "deletepref", "deletesuf",
    "goodleft", "goodright",
}


def _morph(word: str, tag0: str, prev: str | None, nxt: str | None, lexicon, rules) -> str:
    tg = tag0
    for from_tag, x, cmd, to in rules:
        if from_tag is not None and tg != from_tag:
            continue
        if (
            (cmd == "hassuf" and word.endswith(x))
            or (cmd == "char" and x in word)
            or (cmd == "haspref" and word.startswith(x))
            or (cmd == "addsuf" and word + x in lexicon)
            or (cmd == "addpref" and x + word in lexicon)
            or (cmd == "deletesuf" and word.endswith(x) and word[: -len(x)] in lexicon)
            or (cmd == "deletepref" and word.startswith(x) and word[len(x):] in lexicon)
            or (cmd == "goodleft" and x == nxt)
            or (cmd == "goodright" and x == prev)
        ):
            tg = to
    return tg


@lru_cache(maxsize=100_000)
def _morph_cached(word: str) -> str:
    """Morphology rules for an unknown word, without the two rules that look at neighbours
    (goodleft/goodright), so that the result can be cached per word."""
    lexicon, _, _ = _model()
    return _morph(word, "NN", None, None, lexicon, _word_rules())


@lru_cache(maxsize=1)
def _word_rules() -> list[tuple]:
    """The morphology rules that look at the word only (not goodleft/goodright)."""
    return [r for r in _model()[1] if r[2] not in ("goodleft", "goodright")]


def _match(cmd: str, x: str, y: str, w: list[str], t: list[str], i: int) -> bool:
    if cmd == "prevtag":
        return t[i - 1] == x
    if cmd == "nexttag":
        return t[i + 1] == x
    if cmd == "prev2tag":
        return t[i - 2] == x
    if cmd == "next2tag":
        return t[i + 2] == x
    if cmd == "prev1or2tag":
        return x in (t[i - 1], t[i - 2])
    if cmd == "next1or2tag":
        return x in (t[i + 1], t[i + 2])
    if cmd == "prev1or2or3tag":
        return x in (t[i - 1], t[i - 2], t[i - 3])
    if cmd == "next1or2or3tag":
        return x in (t[i + 1], t[i + 2], t[i + 3])
    if cmd == "surroundtag":
        return t[i - 1] == x and t[i + 1] == y
    if cmd == "curwd":
        return w[i] == x
    if cmd == "prevwd":
        return w[i - 1] == x
    if cmd == "nextwd":
        return w[i + 1] == x
    if cmd == "prev1or2wd":
        return x in (w[i - 1], w[i - 2])
    if cmd == "next1or2wd":
        return x in (w[i + 1], w[i + 2])
    if cmd == "prev1or2or3wd":
        return x in (w[i - 1], w[i - 2], w[i - 3])
    if cmd == "next1or2or3wd":
        return x in (w[i + 1], w[i + 2], w[i + 3])
    if cmd == "prevwdtag":
        return w[i - 1] == x and t[i - 1] == y
    if cmd == "nextwdtag":
        return w[i + 1] == x and t[i + 1] == y
    if cmd == "wdprevtag":
        return t[i - 1] == x and w[i] == y
    if cmd == "wdnexttag":
        return w[i] == x and t[i + 1] == y
    if cmd == "wdand2aft":
        return w[i] == x and w[i + 2] == y
    if cmd == "wdand2tagbfr":
        return t[i - 2] == x and w[i] == y
    if cmd == "wdand2tagaft":
        return w[i] == x and t[i + 2] == y
    if cmd == "lbigram":
        return w[i - 1] == x and w[i] == y
    if cmd == "rbigram":
        return w[i] == x and w[i + 1] == y
    if cmd == "prevbigram":
        return t[i - 2] == x and t[i - 1] == y
    if cmd == "nextbigram":
        return t[i + 1] == x and t[i + 2] == y
    return False


_NOUNS = frozenset({"NN", "NNS"})
_OBJ = frozenset({"DT", "PRP$", "PRP"})
_BASE_VERBS = frozenset({"VB", "VBP"})
_DETS = frozenset({"DT", "PRP$", "POS", "JJ"})
_NOUN_OR_ADJ = frozenset({"NN", "NNP", "JJ"})
_SUBJ = frozenset({"PRP", "WDT", "WP"})


_FIXABLE = _BASE_VERBS | _NOUNS


def _quick_fixes(words: list[str], tags: list[str]) -> list[str]:
    """A handful of high-precision contextual fixes for nouns that are verbs here.

    Standing in for Brill's full contextual rules at a fraction of the cost: a common noun
    becomes a verb after ``to`` or a modal ("to spread", "will talk"), after a subject
    pronoun ("they talk"), or between a noun and a determiner/pronoun ("the agreement ends
    a feud"), or a lower-case plural between two proper nouns ("Iraq views Iran"); a base-form
    verb becomes a noun after a determiner, possessive or adjective,
    or after one such word and a noun ("the peace talk").
    """
    n = len(tags)
    # only nouns and base-form verbs can change, each step changes only its own tag: visit
    # those (in order, so a fixed tag is seen by the next word's test)
    for i in [i for i, t in enumerate(tags) if t in _FIXABLE and i > 0]:
        t = tags[i]
        if t in _BASE_VERBS:
            # Brill's "VB NN PREV1OR2TAG DT": "the talk", "the peace talk", "Iran's bid"
            if tags[i - 1] in _DETS or (i > 1 and tags[i - 2] in _DETS
                                        and tags[i - 1] in _NOUN_OR_ADJ):
                tags[i] = "NN"
            continue
        if t not in _NOUNS:
            continue
        prev = tags[i - 1]
        if prev == "TO" or prev == "MD":
            tags[i] = "VB"
        elif prev in _SUBJ and words[i - 1].lower() not in ("it", "its", "that", "which"):
            tags[i] = "VBZ" if t == "NNS" else "VBP"
        elif (prev in _NOUNS or prev == "NNP") and i + 1 < n and tags[i + 1] in _OBJ:
            tags[i] = "VBZ" if t == "NNS" else "VBD"
        elif (t == "NNS" and prev == "NNP" and i + 1 < n and tags[i + 1] == "NNP"
              and words[i].islower()):
            tags[i] = "VBZ"  # "Iraq views Iran"
    return tags


def tag(
    words: list[str],
    *,
    initial: list[bool] | None = None,
    title: list[int] | None = None,
    context_rules: bool = False,
) -> list[str]:
    """Penn Treebank tags for ``words`` (Brill lexicon + morphology rules).

    Known words get their lexicon tag (the lower-cased form is tried for sentence-initial
    words: the first word, or where ``initial[i]`` is true); unknown words get NNP if
    capitalised, CD if numeric, else Brill's morphology rules starting from NN. With
    ``context_rules=True`` Brill's contextual rules then run once, left to right (off by
    default: they cost 4x the time and did not change keyphrase scores). Words at the indices
    in ``title`` (a headline in Title Case) take the tag of their lower-case form when the
    lexicon has one.
    """
    lexicon, morph, context = _model()
    n = len(words)
    get = lexicon.get
    tags: list[str | None] = [get(w) for w in words]
    for i in [i for i, t in enumerate(tags) if t is None]:
        wd = words[i]
        first = i == 0 or (initial[i] if initial is not None else False) or (
            words[i - 1] in _OPENERS
        )
        tg = _PUNCT.get(wd) or (get(wd.lower()) if first else None)
        if tg is None:
            if not any(ch.isalnum() for ch in wd):
                tg = "SYM"
            elif wd[:1].isupper() and not wd.isupper() or (wd.isupper() and len(wd) > 1):
                tg = "NNP"
            elif _CD.match(wd):
                tg = "CD"
            else:
                tg = _morph_cached(wd)
        tags[i] = tg
    for i in title or ():
        low = get(words[i].lower())
        if low is not None and words[i][:1].isupper():
            tags[i] = low
    if not context_rules:
        return _quick_fixes(words, tags)  # type: ignore[arg-type]
    pad = ["STAART"] * 3
    w = pad + list(words) + pad
    t = pad + tags + pad  # type: ignore[operator]
    for i in range(3, n + 3):
        last = -1
        while True:
            rules = context.get(t[i], ())
            fired = False
            for idx, to, cmd, x, y in rules:
                if idx <= last:
                    continue
                if _match(cmd, x, y, w, t, i):
                    t[i] = to
                    last = idx
                    fired = True
                    break
            if not fired:
                break
    return t[3:-3]

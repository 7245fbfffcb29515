"""The one pattern dialect (globs, fixed words, regexes, phrases) and the one word count.

Patterns match the TOKENS of the toolkit's one tokenizer (:func:`toolkit.tokenize.token_spans`,
as stored by :mod:`toolkit.annotate`), never raw characters, as quanteda's ``pattern`` does:

- a pattern element matches one **whole token**, case-insensitively unless
  ``case_sensitive=True`` (comparison on ``str.casefold``);
- ``valuetype="glob"`` (default): ``*`` is zero or more characters within one token, ``?``
  exactly one character; an element that has a wildcard matches word tokens only (never a
  punctuation token), so ``"*"`` counts words;
- ``valuetype="fixed"``: the element is the token, no wildcards;
- ``valuetype="regex"``: the element is a regular expression *searched* in each token (as
  quanteda: anchor it with ``^...$`` for a whole token); a compiled ``re.Pattern`` is one
  regex element with its own flags;
- a space separates the tokens of a multiword pattern, which matches consecutive tokens of
  the document (``"nuclear deal"`` matches "Nuclear\\ndeal" too);
- a list of patterns matches any of them; at each token the pattern with most tokens wins
  (then the first listed), and matches never overlap (left to right).

Since the tokenizer splits possessives and most hyphens (``Iran`` + ``’s``, ``Iran`` + ``-`` +
``backed``), ``Iran*`` matches "Iran", "Iranian" and the "Iran" of "Iran-backed" and of
"Iran’s", never the ``’s`` token: every analysis counts "Iran’s" as one "Iran".

The rate denominator of every analysis is :func:`word_count`: the tokens that are not
punctuation (``is_punct`` False in :mod:`toolkit.annotate`).

>>> from toolkit.annotate import annotate_text
>>> doc = annotate_text("Iran’s allies and Iran-backed groups met Iranians.")
>>> pat = compile_pattern("Iran*")
>>> [doc.text[s:e] for s, e, _ in pat.spans(doc)]
['Iran', 'Iran', 'Iranians']
>>> word_count(doc)
9
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from toolkit.errors import MESSAGES, InputError

Pattern = str | re.Pattern | Sequence[str | re.Pattern]
VALUETYPES = ("glob", "fixed", "regex")
_MEMO_LIMIT = 200_000  # distinct tokens remembered per element before the memo is cleared


class _Element:
    """One token of a pattern: ``test(token) -> bool``, with a memo per distinct token."""

    __slots__ = ("fixed", "prefix", "regex", "search", "fold", "words_only", "memo")

    def __init__(self, text: str | re.Pattern, valuetype: str, case_sensitive: bool) -> None:
        self.fixed: str | None = None
        self.prefix: str | None = None  # a glob "word*": any token that starts with it
        self.regex: re.Pattern | None = None
        self.search = False
        self.fold = not case_sensitive
        self.words_only = False
        self.memo: dict[str, bool] = {}
        if isinstance(text, re.Pattern):
            self.regex, self.search, self.fold = text, True, False
        elif valuetype == "regex":
            self.regex = _compile_regex(text, 0 if case_sensitive else re.IGNORECASE)
            self.search, self.fold = True, False
        elif valuetype == "glob" and ("*" in text or "?" in text):
            body = "".join(
                "(?s:.)*" if c == "*" else "(?s:.)" if c == "?" else re.escape(c)
                for c in (text.casefold() if self.fold else text)
            )
            self.regex, self.words_only = re.compile(body), True
            stem = text[:-1]
            if text.endswith("*") and "*" not in stem and "?" not in stem:
                self.prefix = stem.casefold() if self.fold else stem
        else:
            self.fixed = text.casefold() if self.fold else text

    def test(self, token: str) -> bool:
        out = self.memo.get(token)
        if out is None:
            if len(self.memo) > _MEMO_LIMIT:
                self.memo.clear()
            if self.fixed is not None:
                out = (token.casefold() if self.fold else token) == self.fixed
            elif self.search:
                out = self.regex.search(token) is not None  # type: ignore[union-attr]
            else:
                out = self.regex.fullmatch(  # type: ignore[union-attr]
                    token.casefold() if self.fold else token) is not None
            self.memo[token] = out
        return out


def _compile_regex(text: str, flags: int) -> re.Pattern:
    try:
        return re.compile(text, flags)
    except re.error as exc:
        raise InputError(MESSAGES["pattern_regex"].format(pattern=text, detail=exc),
                         source="pattern") from exc


class TokenPattern:
    """Compiled pattern(s) of the one dialect; see :func:`compile_pattern`.

    Attributes
    ----------
    patterns : list of str
        The patterns as given (a compiled regex by its ``.pattern``).
    """

    def __init__(self, phrases: list[tuple[_Element, ...]], patterns: list[str]) -> None:
        self.phrases = phrases
        self.patterns = patterns
        # at one token: most tokens first, then the order given
        self._order = sorted(range(len(phrases)), key=lambda i: (-len(phrases[i]), i))
        # An index from a word to the elements it matches, so that each distinct word is
        # looked up once for the whole pattern (not once per element): fixed words by a dict,
        # the other elements (globs, regexes) tested and remembered per word.
        self._elements: list[_Element] = []
        self._slot: dict[int, int] = {}
        for phrase in phrases:
            for el in phrase:
                if id(el) not in self._slot:
                    self._slot[id(el)] = len(self._elements)
                    self._elements.append(el)
        self._fixed: dict[tuple[bool, str], list[int]] = {}
        self._prefix: dict[tuple[bool, str], list[int]] = {}
        self._tested: list[int] = []
        for i, el in enumerate(self._elements):
            if el.fixed is not None:
                self._fixed.setdefault((el.fold, el.fixed), []).append(i)
            elif el.prefix is not None:
                self._prefix.setdefault((el.fold, el.prefix), []).append(i)
            else:
                self._tested.append(i)
        self._folds = sorted({fold for fold, _ in self._fixed})
        self._prefix_keys = sorted({(fold, len(stem)) for fold, stem in self._prefix})
        self._word_memo: dict[str, tuple[int, ...]] = {}

    def _word_hits(self, word: str) -> tuple[int, ...]:
        """Indices (into ``self._elements``) of the elements that ``word`` matches."""
        hits = self._word_memo.get(word)
        if hits is None:
            if len(self._word_memo) > _MEMO_LIMIT:
                self._word_memo.clear()
            found: list[int] = []
            folded = word.casefold()
            for fold in self._folds:
                found += self._fixed.get((fold, folded if fold else word), ())
            for fold, length in self._prefix_keys:
                if len(word) >= length:
                    found += self._prefix.get((fold, (folded if fold else word)[:length]), ())
            found += [i for i in self._tested if self._elements[i].test(word)]
            hits = tuple(sorted(found))
            self._word_memo[word] = hits
        return hits

    def __repr__(self) -> str:
        return f"TokenPattern({self.patterns!r})"

    def find(self, words: Sequence[str], codes: np.ndarray,
             is_punct: np.ndarray | None = None) -> np.ndarray:
        """Matches in one token sequence as an int64 array of ``(first token, n tokens, pattern)``.

        ``words`` is the vocabulary, ``codes`` each token's index into it (as
        :class:`toolkit.annotate.Doc` stores them), ``is_punct`` each token's flag.
        """
        n = len(codes)
        if not n:
            return np.zeros((0, 3), np.int64)
        codes = np.asarray(codes, dtype=np.intp)
        hit_of = np.full(n, -1, dtype=np.int64)  # best pattern starting at each token
        # vocabulary indices matched by each element present in this document
        in_vocab: dict[int, list[int]] = {}
        word_hits = self._word_hits
        for wi, w in enumerate(words):
            for e in word_hits(w):
                in_vocab.setdefault(e, []).append(wi)
        cache: dict[int, np.ndarray] = {}
        for p in self._order:
            phrase = self.phrases[p]
            k = len(phrase)
            if k > n or any(self._slot[id(el)] not in in_vocab for el in phrase):
                continue
            ok = np.ones(n - k + 1, dtype=bool)
            for j, el in enumerate(phrase):
                e = self._slot[id(el)]
                m = cache.get(e)
                if m is None:
                    vocab_mask = np.zeros(len(words), dtype=bool)
                    vocab_mask[in_vocab[e]] = True
                    m = vocab_mask[codes]
                    if el.words_only and is_punct is not None:
                        m &= ~np.asarray(is_punct, dtype=bool)
                    cache[e] = m
                ok &= m[j:j + n - k + 1]
                if not ok.any():
                    break
            free = ok & (hit_of[: n - k + 1] < 0)
            hit_of[: n - k + 1][free] = p
        starts = np.flatnonzero(hit_of >= 0)
        pats = hit_of[starts]
        lens = np.fromiter((len(self.phrases[q]) for q in pats.tolist()), dtype=np.int64,
                           count=len(pats))
        if len(starts) and lens.max() > 1:  # drop matches that start inside an earlier one
            keep = []
            reach = -1
            for i, (s, k) in enumerate(zip(starts.tolist(), lens.tolist(), strict=True)):
                if s >= reach:
                    keep.append(i)
                    reach = s + k
            starts, pats, lens = starts[keep], pats[keep], lens[keep]
        return np.stack([starts.astype(np.int64), lens, pats.astype(np.int64)], axis=1)

    def find_doc(self, doc: Any) -> np.ndarray:
        """:meth:`find` on a :class:`toolkit.annotate.Doc`."""
        return self.find(doc.words, doc.word, _doc_punct(doc))

    def spans(self, doc: Any) -> list[tuple[int, int, int]]:
        """``(start, end, pattern index)`` character spans of the matches in a Doc."""
        hits = self.find_doc(doc)
        if not len(hits):
            return []
        first, last = hits[:, 0], hits[:, 0] + hits[:, 1] - 1
        return list(zip(doc.start[first].tolist(), doc.end[last].tolist(),
                        hits[:, 2].tolist(), strict=True))


def compile_pattern(
    pattern: Pattern | TokenPattern, *, valuetype: str = "glob", case_sensitive: bool = False
) -> TokenPattern:
    """Compile a word, phrase, glob or regex (or a list of them) into a :class:`TokenPattern`.

    Parameters
    ----------
    pattern : str, re.Pattern, list of them, or TokenPattern (returned as it is)
        See the module docstring for the dialect: whole tokens, ``*`` = zero or more
        characters within one token, ``?`` = one character, a space between the tokens of
        a phrase.
    valuetype : {"glob", "fixed", "regex"}
        As quanteda's ``valuetype``.
    case_sensitive : bool
        Match case exactly (default: ignore case).

    Returns
    -------
    TokenPattern
        ``.find(words, codes, is_punct)`` on token codes, ``.spans(doc)`` on a Doc.

    Examples
    --------
    >>> from toolkit.annotate import annotate_text
    >>> doc = annotate_text("The Nuclear\\ndeal and nuclear deals; a nuclear-deal.")
    >>> [doc.text[s:e] for s, e, _ in compile_pattern("nuclear deal*").spans(doc)]
    ['Nuclear\\ndeal', 'nuclear deals']
    >>> [doc.text[s:e] for s, e, _ in compile_pattern("^deal", valuetype="regex").spans(doc)]
    ['deal', 'deals', 'deal']
    >>> compile_pattern("defen?e").phrases[0][0].test("DEFENSE")
    True
    """
    if isinstance(pattern, TokenPattern):
        return pattern
    if valuetype not in VALUETYPES:
        raise InputError(MESSAGES["pattern_valuetype"].format(valuetype=valuetype),
                         source="pattern")
    pats = [pattern] if isinstance(pattern, str | re.Pattern) else list(pattern)
    if not pats or any(
        not isinstance(p, str | re.Pattern) or (isinstance(p, str) and not p.split())
        for p in pats
    ):
        raise InputError(MESSAGES["pattern_empty"].format(pattern=pattern), source="pattern")
    phrases: list[tuple[_Element, ...]] = []
    names: list[str] = []
    elements: dict[str, _Element] = {}
    for p in pats:
        if isinstance(p, re.Pattern):
            phrases.append((_Element(p, valuetype, case_sensitive),))
            names.append(p.pattern)
            continue
        phrase = []
        for w in p.split():
            if w not in elements:
                elements[w] = _Element(w, valuetype, case_sensitive)
            phrase.append(elements[w])
        phrases.append(tuple(phrase))
        names.append(p)
    return TokenPattern(phrases, names)


def _doc_punct(doc: Any) -> np.ndarray:
    from toolkit.annotate._doc import PUNCT

    return (doc.flags & PUNCT).astype(bool)


def word_count(doc_or_corpus: Any) -> int | pd.Series:
    """Number of word tokens: tokens of the one tokenizer that are not punctuation.

    The denominator of every rate in the toolkit (``n_words``, ``per_1000``).

    Parameters
    ----------
    doc_or_corpus : Doc, AnnotatedCorpus, or anything :func:`toolkit.annotate.annotate` takes
        One annotated document gives an int; a corpus a Series of int64 named ``n_words``,
        one value per document in corpus order, indexed by ``doc_id``.

    Examples
    --------
    >>> word_count(["Iran’s talks, resumed.", ""]).tolist()
    [4, 0]
    """
    from toolkit.annotate import Doc, ensure_annotated

    if isinstance(doc_or_corpus, Doc):
        return int(len(doc_or_corpus) - _doc_punct(doc_or_corpus).sum())
    ac = ensure_annotated(doc_or_corpus)
    counts = [int(len(d) - _doc_punct(d).sum()) for d in ac.docs]
    return pd.Series(counts, index=pd.Index(ac.doc_ids, dtype="str", name="doc_id"),
                     name="n_words", dtype="int64")

"""``Doc``: one document's annotations as compact numpy arrays (spaCy's ``Doc``, in numpy form).

Offsets are int32 character positions into ``Doc.text``; every span is ``text[start:end]``.
Strings are not stored per token: each token points into the document's vocabulary
(``Doc.words``, its distinct surfaces), and norm, lower case and shape are functions of the
surface, computed once per distinct word (cached across documents). Part of speech is a uint8
code into :func:`pos_tags`, computed on first access (most analyses never read it); the four
flags are one uint8 bit field.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd

#: Bits of :attr:`Doc.flags`.
STOP, PUNCT, ALPHA, NUM = 1, 2, 4, 8

#: Column -> dtype of :attr:`Doc.tokens` (``AnnotatedCorpus.tokens`` adds ``doc_id`` first).
TOKEN_DTYPES: dict[str, str] = {
    "para_id": "int64",
    "sent_id": "int64",
    "tok_id": "int64",
    "start": "int64",
    "end": "int64",
    "token": "str",
    "norm": "str",
    "lower": "str",
    "shape": "str",
    "pos": "str",
    "is_stop": "bool",
    "is_punct": "bool",
    "is_alpha": "bool",
    "is_num": "bool",
}
#: Column -> dtype of :attr:`Doc.sentences`.
SENTENCE_DTYPES: dict[str, str] = {
    "sent_id": "int64", "para_id": "int64", "start": "int64", "end": "int64",
}
#: Column -> dtype of :attr:`Doc.paragraphs`.
PARAGRAPH_DTYPES: dict[str, str] = {"para_id": "int64", "start": "int64", "end": "int64"}
#: Column -> dtype of :attr:`Doc.quote_marks`.
QUOTE_DTYPES: dict[str, str] = {
    "quote_id": "int64", "start": "int64", "end": "int64", "closed": "bool",
}


@cache
def pos_tags() -> tuple[str, ...]:
    """Every tag the shipped tagger can give, sorted; a token's ``pos`` code indexes this.

    Built from the tagger's own data (lexicon, punctuation table, morphology and
    contextual rules) plus its fixed fallbacks, so the codes are stable for a given
    ``textblob`` data set.

    >>> tags = pos_tags()
    >>> {"NN", "NNP", "VBD", "SYM"} <= set(tags) and len(tags) < 256
    True
    """
    from toolkit.keywords import _pos

    lexicon, morph, context = _pos._model()
    tags = set(lexicon.values()) | set(_pos._PUNCT.values())
    tags |= {r[-1] for r in morph}
    tags |= {r[1] for rules in context.values() for r in rules}
    tags |= {"SYM", "NNP", "CD", "NN", "NNS", "VB", "VBD", "VBP", "VBZ"}
    out = tuple(sorted(tags))
    if len(out) > 255:  # pragma: no cover - the data would have to change a lot
        raise RuntimeError(f"the tagger has {len(out)} tags; uint8 codes hold 255")
    return out


@cache
def _pos_index() -> dict[str, int]:
    return {t: i for i, t in enumerate(pos_tags())}


def word_shape(word: str) -> str:
    """spaCy's word shape: letters to ``X``/``x``, digits to ``d``, runs cut at four.

    >>> [word_shape(w) for w in ["Iran", "U.S.", "2017", "al-Sadr", "1,200,000"]]
    ['Xxxx', 'X.X.', 'dddd', 'xx-Xxxx', 'd,ddd,ddd']
    """
    if len(word) >= 100:
        return "LONG"
    shape: list[str] = []
    last = ""
    seq = 0
    for char in word:
        if char.isalpha():
            kind = "X" if char.isupper() else "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if kind == last:
            seq += 1
        else:
            seq = 0
            last = kind
        if seq < 4:
            shape.append(kind)
    return "".join(shape)


_ATTR_CACHE: dict[str, tuple[str, str, str]] = {}


def word_attrs(word: str) -> tuple[str, str, str]:
    """``(norm, lower, shape)`` of a token surface, cached across documents.

    ``norm`` is the case-folded surface with white-space runs as one space (exactly the
    ``norm`` of :func:`toolkit.tokenize.tokenize`); ``lower`` is ``str.lower``.

    >>> word_attrs("Straße")
    ('strasse', 'straße', 'Xxxxx')
    """
    out = _ATTR_CACHE.get(word)
    if out is None:
        from toolkit.tokenize._frame import _WS_RUN

        if len(_ATTR_CACHE) > 500_000:
            _ATTR_CACHE.clear()
        out = _ATTR_CACHE[word] = (
            _WS_RUN.sub(" ", word).casefold(), word.lower(), word_shape(word),
        )
    return out


def _tag_codes(doc: Doc) -> np.ndarray:
    """POS codes of a Doc's tokens: the shipped tagger on its words, one call per document,
    the first word of each sentence marked as sentence-initial."""
    from toolkit.keywords._pos import tag

    n = len(doc.start)
    if not n:
        return np.zeros(0, np.uint8)
    initial = np.empty(n, dtype=bool)
    initial[0] = True
    initial[1:] = doc.sent[1:] != doc.sent[:-1]
    tag_codes, tag_uniques = pd.factorize(
        np.array(tag(doc.token_strings, initial=initial.tolist()), dtype=object), sort=False
    )
    index = _pos_index()
    return np.array([index[t] for t in tag_uniques], dtype=np.uint8)[tag_codes]


def _frame(columns: dict[str, Any], dtypes: dict[str, str]) -> pd.DataFrame:
    from toolkit._frames import conform

    return conform(pd.DataFrame(columns, columns=list(dtypes)), dtypes)


def _i32(rows: Any, width: int) -> np.ndarray:
    return np.asarray(rows, dtype=np.int32).reshape(-1, width)


class Doc:
    """The annotations of one document, computed once by :func:`toolkit.annotate.annotate_text`.

    Attributes
    ----------
    doc_id, text : str
        The document.
    words : tuple of str
        Distinct token surfaces in order of first occurrence; ``word`` indexes it.
    start, end, sent, para, word : numpy int32 arrays, one value per token
        Offsets (``text[start[i]:end[i]]`` is token ``i``), sentence and paragraph index
        (numbered from 0 in the document), vocabulary code.
    pos : numpy uint8 array
        Code into :func:`pos_tags`; :attr:`pos_` gives the strings. Tagged on first access
        (the shipped Brill tagger, one call per document, sentence-initial words marked) and
        kept; a Doc from the disk cache stores it there once computed.
    flags : numpy uint8 array
        Bits ``STOP``, ``PUNCT``, ``ALPHA``, ``NUM``; :attr:`is_stop` etc. give booleans.
    sent_spans : int32 array (n_sentences, 3)
        Start, end and paragraph index of each sentence.
    para_spans : int32 array (n_paragraphs, 2)
        Start and end of each paragraph.
    quote_spans : int32 array (n_quotes, 3)
        Start (at the opening mark), end (after the closing mark, or the end of the paragraph
        where an unclosed quote stops) and ``closed`` (1/0) of each paired quotation.

    Examples
    --------
    >>> from toolkit.annotate import annotate_text
    >>> doc = annotate_text('Iran said: "Talks resume."', doc_id="a")
    >>> doc.tokens[["token", "pos", "shape", "is_stop"]].head(3).values.tolist()
    [['Iran', 'NNP', 'Xxxx', False], ['said', 'VBD', 'xxxx', True], [':', ':', ':', False]]
    >>> doc.quote_marks[["start", "end", "closed"]].values.tolist()
    [[11, 26, True]]
    """

    __slots__ = (
        "doc_id", "text", "words", "start", "end", "sent", "word", "_pos", "flags",
        "sent_spans", "para_spans", "quote_spans", "_cache_path",
    )

    def __init__(
        self,
        doc_id: str,
        text: str,
        *,
        words: tuple[str, ...],
        tokens: np.ndarray,
        flags: np.ndarray,
        sent_spans: np.ndarray,
        para_spans: np.ndarray,
        quote_spans: np.ndarray,
        pos: np.ndarray | None = None,
    ) -> None:
        self.doc_id = doc_id
        self.text = text
        self.words = tuple(words)
        tokens = _i32(tokens, 4)
        self.start, self.end, self.sent, self.word = (
            np.ascontiguousarray(tokens[:, k]) for k in range(4)
        )
        self.flags = np.ascontiguousarray(np.asarray(flags, dtype=np.uint8).reshape(-1))
        self._pos = None if pos is None else np.ascontiguousarray(
            np.asarray(pos, dtype=np.uint8).reshape(-1))
        self.sent_spans = _i32(sent_spans, 3)
        self.para_spans = _i32(para_spans, 2)
        self.quote_spans = _i32(quote_spans, 3)
        self._cache_path = None

    # --- compact state (pickle, disk cache) -------------------------------------------------

    def _arrays(self, *, with_pos: bool = False) -> tuple[Any, ...]:
        """The Doc as bytes (part of speech ``None`` while not computed, unless ``with_pos``)."""
        tokens = np.stack([self.start, self.end, self.sent, self.word], axis=1)
        pos = self.pos if with_pos else self._pos
        return (
            self.words, tokens.tobytes(), self.flags.tobytes(),
            None if pos is None else pos.tobytes(), self.sent_spans.tobytes(),
            self.para_spans.tobytes(), self.quote_spans.tobytes(),
        )

    @classmethod
    def _from_arrays(cls, doc_id: str, text: str, arrays: tuple[Any, ...]) -> Doc:
        words, tokens, flags, pos, sents, paras, quotes = arrays

        def load(buf: bytes, dtype: Any, width: int) -> np.ndarray:
            return np.frombuffer(buf, dtype=dtype).reshape(-1, width)

        doc = cls(
            doc_id, text, words=tuple(words), tokens=load(tokens, np.int32, 4),
            flags=load(flags, np.uint8, 1), sent_spans=load(sents, np.int32, 3),
            para_spans=load(paras, np.int32, 2), quote_spans=load(quotes, np.int32, 3),
            pos=None if pos is None else load(pos, np.uint8, 1),
        )
        doc._check()
        return doc

    def _check(self) -> None:
        """Raise ``ValueError`` when the arrays cannot belong to ``text`` (a damaged entry)."""
        n, size = len(self.start), len(self.text)
        if not (len(self.end) == len(self.sent) == len(self.word) == len(self.flags) == n) or (
                self._pos is not None and len(self._pos) != n):
            raise ValueError("token arrays of different lengths")
        for lo, hi in ((self.start, self.end), (self.sent_spans[:, 0], self.sent_spans[:, 1]),
                       (self.para_spans[:, 0], self.para_spans[:, 1]),
                       (self.quote_spans[:, 0], self.quote_spans[:, 1])):
            if len(lo) and (lo.min() < 0 or hi.max() > size or (hi < lo).any()):
                raise ValueError("offsets outside the text")
        if n and (self.word.min() < 0 or self.word.max() >= len(self.words) or (
                self._pos is not None and self._pos.max() >= len(pos_tags()))):
            raise ValueError("codes outside the vocabulary")

    def __reduce__(self):
        return (Doc._from_arrays, (self.doc_id, self.text, self._arrays()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Doc):
            return NotImplemented
        return (self.doc_id, self.text, self._arrays(with_pos=True)) == (
            other.doc_id, other.text, other._arrays(with_pos=True)
        )

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.start)

    def __repr__(self) -> str:
        return (
            f"Doc({self.doc_id!r}, {len(self.text):,} chars, {len(self)} tokens, "
            f"{len(self.sent_spans)} sentences, {len(self.para_spans)} paragraphs, "
            f"{len(self.quote_spans)} quotes)"
        )

    # --- per-token views ----------------------------------------------------------------------

    @property
    def para(self) -> np.ndarray:
        """Paragraph index of each token (int32), through its sentence."""
        if not len(self.start):
            return np.zeros(0, np.int32)
        return self.sent_spans[self.sent, 2]

    @property
    def token_strings(self) -> list[str]:
        """The surface of every token (``text[start:end]``)."""
        words = self.words
        return [words[w] for w in self.word.tolist()]

    def _word_column(self, k: int) -> list[str]:
        per_word = [word_attrs(w)[k] for w in self.words]
        return [per_word[w] for w in self.word.tolist()]

    @property
    def norm(self) -> list[str]:
        """Case-folded token (as ``tokenize``'s ``norm``)."""
        return self._word_column(0)

    @property
    def lower(self) -> list[str]:
        """Lower-cased token."""
        return self._word_column(1)

    @property
    def shape(self) -> list[str]:
        """spaCy-style word shape of each token (:func:`word_shape`)."""
        return self._word_column(2)

    @property
    def pos(self) -> np.ndarray:
        """Part-of-speech code of each token (uint8 into :func:`pos_tags`), tagged on first
        access and kept (and written to the disk-cache entry the Doc came from)."""
        if self._pos is None:
            self._pos = _tag_codes(self)
            if self._cache_path is not None:
                from toolkit.annotate._store import write_entry

                write_entry(self._cache_path, self)
        return self._pos

    @property
    def pos_(self) -> list[str]:
        """Part-of-speech tag of each token (Penn Treebank, the shipped Brill tagger)."""
        tags = pos_tags()
        return [tags[c] for c in self.pos.tolist()]

    @property
    def is_stop(self) -> np.ndarray:
        return (self.flags & STOP).astype(bool)

    @property
    def is_punct(self) -> np.ndarray:
        return (self.flags & PUNCT).astype(bool)

    @property
    def is_alpha(self) -> np.ndarray:
        return (self.flags & ALPHA).astype(bool)

    @property
    def is_num(self) -> np.ndarray:
        return (self.flags & NUM).astype(bool)

    # --- frames -------------------------------------------------------------------------------

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token: the columns of :data:`TOKEN_DTYPES`."""
        return _frame(
            {
                "para_id": self.para, "sent_id": self.sent,
                "tok_id": np.arange(len(self), dtype=np.int64),
                "start": self.start, "end": self.end, "token": self.token_strings,
                "norm": self.norm, "lower": self.lower, "shape": self.shape, "pos": self.pos_,
                "is_stop": self.is_stop, "is_punct": self.is_punct,
                "is_alpha": self.is_alpha, "is_num": self.is_num,
            },
            TOKEN_DTYPES,
        )

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``sent_id, para_id, start, end``."""
        s = self.sent_spans
        return _frame(
            {"sent_id": np.arange(len(s)), "para_id": s[:, 2], "start": s[:, 0], "end": s[:, 1]},
            SENTENCE_DTYPES,
        )

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: ``para_id, start, end``."""
        p = self.para_spans
        return _frame({"para_id": np.arange(len(p)), "start": p[:, 0], "end": p[:, 1]},
                      PARAGRAPH_DTYPES)

    @property
    def quote_marks(self) -> pd.DataFrame:
        """One row per paired quotation: ``quote_id, start, end, closed``."""
        q = self.quote_spans
        return _frame(
            {"quote_id": np.arange(len(q)), "start": q[:, 0], "end": q[:, 1],
             "closed": q[:, 2].astype(bool)},
            QUOTE_DTYPES,
        )

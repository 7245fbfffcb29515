"""``AnnotatedCorpus``: the corpus frame, one :class:`Doc` per row, tidy frames on demand."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from toolkit._frames import conform
from toolkit.annotate._doc import (
    ALPHA,
    NUM,
    PARAGRAPH_DTYPES,
    PUNCT,
    QUOTE_DTYPES,
    SENTENCE_DTYPES,
    STOP,
    TOKEN_DTYPES,
    Doc,
    pos_tags,
    word_attrs,
)
from toolkit.annotate._strings import str_array

#: Column -> dtype of :attr:`AnnotatedCorpus.tokens`.
CORPUS_TOKEN_DTYPES: dict[str, str] = {"doc_id": "str", **TOKEN_DTYPES}
#: Column -> dtype of :attr:`AnnotatedCorpus.sentences`.
CORPUS_SENTENCE_DTYPES: dict[str, str] = {"doc_id": "str", **SENTENCE_DTYPES}
#: Column -> dtype of :attr:`AnnotatedCorpus.paragraphs`.
CORPUS_PARAGRAPH_DTYPES: dict[str, str] = {"doc_id": "str", **PARAGRAPH_DTYPES}
#: Column -> dtype of :attr:`AnnotatedCorpus.quote_marks`.
CORPUS_QUOTE_DTYPES: dict[str, str] = {"doc_id": "str", **QUOTE_DTYPES}


def _cat(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype)


def _running_id(lens: np.ndarray) -> np.ndarray:
    """0, 1, ... within each block of the given lengths."""
    total = int(lens.sum())
    first = np.repeat(np.cumsum(lens) - lens, lens)
    return np.arange(total, dtype=np.int64) - first


class AnnotatedCorpus:
    """A corpus with its annotations: what :func:`toolkit.annotate.annotate` returns.

    Every frame has ``doc_id`` (str) and character offsets (int64) into the document's text,
    ids numbered from 0 within each document (int64), with the same columns and dtypes when
    there are no rows. Frames are built on first use and kept.

    Attributes
    ----------
    corpus : DataFrame
        The corpus frame (``doc_id``, ``text`` and whatever else it had), one row per Doc.
    options : dict
        The options the annotations were made with (``newlines``).

    Examples
    --------
    >>> from toolkit.annotate import annotate
    >>> ac = annotate(["Iran met Iraq.", "Talks ended."], cache=False)
    >>> ac["doc1"]
    Doc('doc1', 12 chars, 3 tokens, 1 sentences, 1 paragraphs, 0 quotes)
    >>> ac.sentences.dtypes.astype(str).tolist()
    ['str', 'int64', 'int64', 'int64', 'int64']
    """

    def __init__(
        self, corpus: pd.DataFrame, docs: list[Doc], *, options: dict[str, Any] | None = None
    ) -> None:
        if len(corpus) != len(docs):
            raise ValueError(f"{len(corpus)} corpus rows but {len(docs)} Docs")
        self.corpus = corpus
        self.docs = list(docs)
        self.options = dict(options or {"newlines": "break"})
        self._frames: dict[str, pd.DataFrame] = {}
        self._index: dict[str, int] | None = None

    @classmethod
    def from_docs(
        cls,
        docs: Iterable[Doc],
        *,
        corpus: pd.DataFrame | None = None,
        options: dict[str, Any] | None = None,
    ) -> AnnotatedCorpus:
        """Build from Docs (e.g. annotated on workers); ``corpus`` defaults to their texts.

        >>> from toolkit.annotate import annotate_text
        >>> ac = AnnotatedCorpus.from_docs([annotate_text("Hi.", doc_id="x")])
        >>> ac.corpus.to_dict("records")
        [{'doc_id': 'x', 'text': 'Hi.'}]
        """
        docs = list(docs)
        if corpus is None:
            corpus = pd.DataFrame(
                {"doc_id": pd.array([d.doc_id for d in docs], dtype="str"),
                 "text": pd.array([d.text for d in docs], dtype="str")}
            )
        elif corpus["doc_id"].astype(str).tolist() != [d.doc_id for d in docs]:
            raise ValueError("corpus doc_id column does not match the Docs, row by row")
        return cls(corpus, docs, options=options)

    # --- container ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self) -> Iterator[Doc]:
        return iter(self.docs)

    def __getitem__(self, doc_id: str) -> Doc:
        """The Doc of ``doc_id`` (the first, if the corpus repeats an id)."""
        if self._index is None:
            index: dict[str, int] = {}
            for i, d in enumerate(self.docs):
                index.setdefault(d.doc_id, i)
            self._index = index
        try:
            return self.docs[self._index[str(doc_id)]]
        except KeyError:
            raise KeyError(f"no document with doc_id {doc_id!r}") from None

    def __repr__(self) -> str:
        return f"AnnotatedCorpus({len(self)} documents, {sum(map(len, self.docs)):,} tokens)"

    def __getstate__(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "docs": self.docs, "options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["corpus"], state["docs"], options=state["options"])

    @property
    def doc_ids(self) -> list[str]:
        """``doc_id`` of every document, in corpus order."""
        return [d.doc_id for d in self.docs]

    @property
    def texts(self) -> pd.Series:
        """The texts (str), indexed by ``doc_id``."""
        return pd.Series([d.text for d in self.docs], index=pd.Index(self.doc_ids, dtype="str"),
                         name="text", dtype="str")

    # --- frames -------------------------------------------------------------------------------

    def _cached(self, name: str, build) -> pd.DataFrame:
        if name not in self._frames:
            self._frames[name] = build()
        return self._frames[name].copy(deep=False)

    def _doc_col(self, lens: list[int]) -> Any:
        ids = np.repeat(np.asarray(self.doc_ids, dtype=object), lens)
        return pd.array(ids, dtype="str")

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (:data:`CORPUS_TOKEN_DTYPES`).

        ``doc_id, para_id, sent_id, tok_id, start, end, token, norm`` (case-folded, as
        ``tokenize``), ``lower``, ``shape`` (spaCy-style: ``Xxxx``, ``dd``), ``pos`` (Penn
        tag; the documents not tagged yet are tagged here, see :attr:`Doc.pos`),
        ``is_stop, is_punct, is_alpha, is_num``.
        """
        return self._cached("tokens", self._build_tokens)

    def _build_tokens(self) -> pd.DataFrame:
        docs = [d for d in self.docs if len(d)]
        if not docs:
            return conform(pd.DataFrame(columns=list(CORPUS_TOKEN_DTYPES)), CORPUS_TOKEN_DTYPES)
        lens = [len(d) for d in docs]
        # one vocabulary for the corpus: each document's words, its codes shifted past the
        # words of the documents before it; the string columns are decoded from it by pyarrow
        words = [w for d in docs for w in d.words]
        shift = np.cumsum([0] + [len(d.words) for d in docs[:-1]])
        word = _cat([d.word.astype(np.int64) + k for d, k in zip(docs, shift, strict=True)],
                    np.int64)
        attrs = [word_attrs(w) for w in words]
        flags = _cat([d.flags for d in docs], np.uint8)
        frame = pd.DataFrame(
            {
                "doc_id": str_array([d.doc_id for d in docs],
                                    np.repeat(np.arange(len(docs)), lens)),
                "para_id": _cat([d.para for d in docs], np.int64),
                "sent_id": _cat([d.sent for d in docs], np.int64),
                "tok_id": _running_id(np.asarray(lens, dtype=np.int64)),
                "start": _cat([d.start for d in docs], np.int64),
                "end": _cat([d.end for d in docs], np.int64),
                "token": str_array(words, word),
                "norm": str_array([a[0] for a in attrs], word),
                "lower": str_array([a[1] for a in attrs], word),
                "shape": str_array([a[2] for a in attrs], word),
                "pos": str_array(pos_tags(), _cat([d.pos for d in docs], np.intp)),
                "is_stop": (flags & STOP).astype(bool),
                "is_punct": (flags & PUNCT).astype(bool),
                "is_alpha": (flags & ALPHA).astype(bool),
                "is_num": (flags & NUM).astype(bool),
            }
        )
        return conform(frame, CORPUS_TOKEN_DTYPES)

    def _spans_frame(self, attr: str, id_col: str, cols: dict[str, int],
                     dtypes: dict[str, str]) -> pd.DataFrame:
        arrays = [getattr(d, attr) for d in self.docs]
        lens = [len(a) for a in arrays]
        if not sum(lens):
            return conform(pd.DataFrame(columns=list(dtypes)), dtypes)
        stacked = np.concatenate(arrays).astype(np.int64)
        data: dict[str, Any] = {"doc_id": self._doc_col(lens),
                                id_col: _running_id(np.asarray(lens, dtype=np.int64))}
        for name, k in cols.items():
            data[name] = stacked[:, k]
        return conform(pd.DataFrame(data), dtypes)

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``doc_id, sent_id, para_id, start, end``."""
        return self._cached("sentences", lambda: self._spans_frame(
            "sent_spans", "sent_id", {"para_id": 2, "start": 0, "end": 1},
            CORPUS_SENTENCE_DTYPES))

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: ``doc_id, para_id, start, end``."""
        return self._cached("paragraphs", lambda: self._spans_frame(
            "para_spans", "para_id", {"start": 0, "end": 1}, CORPUS_PARAGRAPH_DTYPES))

    @property
    def quote_marks(self) -> pd.DataFrame:
        """One row per paired quotation: ``doc_id, quote_id, start, end, closed`` (bool)."""
        def build() -> pd.DataFrame:
            frame = self._spans_frame("quote_spans", "quote_id",
                                      {"start": 0, "end": 1, "closed": 2}, CORPUS_QUOTE_DTYPES)
            return frame
        return self._cached("quote_marks", build)

    @property
    def persons(self) -> pd.DataFrame:
        """Person mentions with role and affiliation (:func:`toolkit.people.person_mentions`
        on the stored quotations and the corpus ``date``): ``toolkit.people.PERSON_COLUMNS``.
        Built on first use and kept (not cached on disk)."""
        def build() -> pd.DataFrame:
            from toolkit.people import person_mentions

            return person_mentions(self)
        return self._cached("persons", build)

    # --- for consumers ------------------------------------------------------------------------

    def _tokenize_input(self) -> Iterator[tuple[str, str, list[tuple[int, int]], np.ndarray,
                                                np.ndarray, np.ndarray]]:
        """``(doc_id, text, spans, offsets, sent_of, sent_para)`` per document, as
        ``toolkit.tokenize._frame._doc_spans`` gives them (int64 arrays), from the layer."""
        for d in self.docs:
            offsets = np.stack([d.start, d.end], axis=1).astype(np.int64)
            spans = list(zip(d.start.tolist(), d.end.tolist(), strict=True))
            yield (d.doc_id, d.text, spans, offsets, d.sent.astype(np.int64),
                   d.sent_spans[:, 2].astype(np.int64))

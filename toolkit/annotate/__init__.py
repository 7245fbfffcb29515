"""The document layer: every document annotated once, read by every analysis.

:func:`annotate` runs one pass per document and returns an :class:`AnnotatedCorpus`:
paragraphs, sentences, tokens (norm, lower case, stop/punct/alpha/num flags, spaCy-style shape,
part of speech from the shipped Brill tagger, tagged when first read) and paired quotation
marks, all as character offsets keyed by ``doc_id``. Each document's annotations are a compact
:class:`Doc` of numpy arrays, cached on disk keyed by the text, the toolkit version, the
options and a hash of the code and shipped data files the layer reads
(:func:`config_fingerprint`). Analyses call :func:`ensure_annotated` and so accept a corpus or
an annotated corpus; :func:`iter_annotate` streams chunks of a large corpus.

The layer is made of the toolkit's single implementations: ``toolkit.tokenize`` (spans, norms,
stopwords), the tagger of ``toolkit.keywords`` and the quotation-mark pairer of
``toolkit.quotes``.

>>> import pandas as pd
>>> from toolkit.annotate import annotate
>>> corpus = pd.DataFrame({"doc_id": ["a", "b"],
...                        "text": ['Iran said: "Talks resume."', "Iraq agreed.\\n\\nFine."]})
>>> ac = annotate(corpus, cache=False)
>>> ac
AnnotatedCorpus(2 documents, 13 tokens)
>>> tok = ac.tokens
>>> tok.loc[tok["doc_id"] == "b", ["token", "para_id", "sent_id", "pos", "shape"]].values.tolist()
[['Iraq', 0, 0, 'NNP', 'Xxxx'], ['agreed', 0, 0, 'VBD', 'xxxx'], ['.', 0, 0, '.', '.'], \
['Fine', 1, 1, 'NNP', 'Xxxx'], ['.', 1, 1, '.', '.']]
>>> ac.quote_marks.values.tolist()
[['a', 0, 11, 26, True]]
>>> text = ac.texts["a"]
>>> all(text[s:e] == t for s, e, t in tok.loc[tok["doc_id"] == "a", ["start", "end", "token"]]
...     .itertuples(index=False))
True
"""

from __future__ import annotations

from toolkit.annotate._annotate import (
    annotate,
    annotate_text,
    cache_path,
    config_fingerprint,
    ensure_annotated,
    iter_annotate,
)
from toolkit.annotate._corpus import (
    CORPUS_PARAGRAPH_DTYPES,
    CORPUS_QUOTE_DTYPES,
    CORPUS_SENTENCE_DTYPES,
    CORPUS_TOKEN_DTYPES,
    AnnotatedCorpus,
)
from toolkit.annotate._doc import Doc, pos_tags, word_shape

__all__ = [
    "CORPUS_PARAGRAPH_DTYPES",
    "CORPUS_QUOTE_DTYPES",
    "CORPUS_SENTENCE_DTYPES",
    "CORPUS_TOKEN_DTYPES",
    "AnnotatedCorpus",
    "Doc",
    "annotate",
    "annotate_text",
    "cache_path",
    "config_fingerprint",
    "ensure_annotated",
    "iter_annotate",
    "pos_tags",
    "word_shape",
]

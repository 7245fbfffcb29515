"""Load news articles into a corpus DataFrame that loses nothing.

A corpus has one row per article; its columns are documented in :data:`SCHEMA`
(``doc_id, title, text, outlet, author, date, url, language, original_source, lede,
boilerplate, notes, source_file, source_line, encoding`` and any user columns).

>>> import toolkit.corpus as corpus
>>> list(corpus.SCHEMA)[:3]
['doc_id', 'title', 'text']
"""

from toolkit.corpus._article import read_article
from toolkit.corpus._encoding import decode_bytes, detect_encoding
from toolkit.corpus._furniture import remove_furniture
from toolkit.corpus._load import REJECT_COLUMNS, iter_load, load, rejects
from toolkit.corpus._schema import ALIASES, SCHEMA, empty_corpus
from toolkit.corpus._text import normalize_text, repair_damaged_quotes
from toolkit.corpus._validate import validate

__all__ = [
    "ALIASES",
    "REJECT_COLUMNS",
    "SCHEMA",
    "decode_bytes",
    "detect_encoding",
    "empty_corpus",
    "iter_load",
    "load",
    "normalize_text",
    "read_article",
    "rejects",
    "remove_furniture",
    "repair_damaged_quotes",
    "validate",
]

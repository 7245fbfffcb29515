"""The corpus schema: one row per article, documented in one place.

Every module of the toolkit reads a corpus in this shape, and every character offset
anywhere in the toolkit refers to the ``text`` column.
"""

from __future__ import annotations

import pandas as pd

#: Column name -> what it holds. Order is the column order of a loaded corpus.
SCHEMA: dict[str, str] = {
    "doc_id": "Unique document id (string). Taken from the source when it has one (numbers "
    "as written: 1 and 1.0 from a numeric column give '1', so JSON 1 and '1' are the same id); "
    "else made from the file name and line, '<file>:<line>' ('<file>' for a .txt/.html page, "
    "'row:<n>' for a DataFrame). Never 'nan'.",
    "title": "Headline; empty string when unknown.",
    "text": "The cleaned article body (lede and body paragraphs, separated by blank lines; "
    "Unicode NFC, mojibake repaired, curly quotes kept). Every offset in the toolkit "
    "refers to this string.",
    "outlet": "Publishing outlet (e.g. 'BBC'); <NA> when unknown.",
    "author": "Author or byline; <NA> when unknown.",
    "date": "Publication date as pandas datetime64 (timezone-naive, UTC where the source "
    "had a zone); NaT when unknown or unparseable (the latter is flagged 'bad_date').",
    "url": "Source URL; <NA> when unknown.",
    "language": "ISO 639-1 language code as given by the source or the caller; <NA> if unknown.",
    "original_source": "Where the outlet says the story came from (an 'Original Source:' "
    "line, a wire agency); <NA> when not stated.",
    "lede": "The first paragraph of ``text`` when the source is a web page with a lede; "
    "``text`` starts with it. Empty string otherwise.",
    "boilerplate": "Page furniture removed from ``text`` (author bio, comment forms, "
    "share buttons, 'View all posts by ...') or lines that repeated the end of the line "
    "before ('repeated_lines_folded'), kept for inspection; empty string if none.",
    "notes": "Semicolon-separated notes on what was repaired or is suspicious: "
    "'empty', 'encoding=cp1252' (or another detected encoding), 'encoding_uncertain' (the "
    "detection was not clear: check the text, pass encoding=), 'bom', 'mojibake_repaired', "
    "'quotes_repaired', 'replacement_chars' (U+FFFD in the text, also where lone surrogates "
    "were replaced), 'undecodable_bytes', 'missing_fields' (a CSV row shorter than its header), "
    "'bad_date', 'ambiguous_date' (dd/mm or mm/dd not settled by the file), 'calendar=solar_hijri' "
    "or 'calendar=lunar_hijri' (date converted to Gregorian), 'html_extracted', "
    "'repeated_lines_folded' (lines repeating the tail of the line before, moved to "
    "``boilerplate``). '' when clean.",
    "source_file": "File the record came from ('<DataFrame>' for a frame passed in).",
    "source_line": "Line of the file where the record starts (JSONL, CSV/TSV: the header is "
    "line 1), record index (JSON) or frame position (DataFrame) of the record in "
    "``source_file``; 1-based.",
    "encoding": "Text encoding the source was decoded with.",
}

#: Columns whose values are strings that may be missing (<NA>).
OPTIONAL_STR = ("outlet", "author", "url", "language", "original_source")
#: Columns whose values are strings, never missing ("" when empty).
PLAIN_STR = ("doc_id", "title", "text", "lede", "boilerplate", "notes", "source_file", "encoding")

#: Common source column names mapped onto schema columns when the schema name is absent.
ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": ("id", "article_id", "doc", "document_id", "uid", "guid"),
    "title": ("headline", "heading"),
    "text": ("body", "content", "article", "article_text", "maintext", "full_text", "fulltext"),
    "outlet": ("source", "publisher", "publication", "site", "sitename", "source_name", "media"),
    "author": ("authors", "byline", "writer"),
    "date": ("published", "publish_date", "pub_date", "pubdate", "published_at", "datetime",
             "timestamp", "date_publish", "publication_date"),
    "url": ("link", "href", "source_url", "article_url", "article_source_link"),
    "language": ("lang",),
}


def empty_corpus() -> pd.DataFrame:
    """A corpus with no rows and every schema column, in schema order.

    The dtypes are those of a loaded corpus (``doc_id``, ``text``, ``source_file`` and
    ``encoding`` are strings, the other text columns may hold missing values), so an empty
    corpus concatenates with a loaded one without changing a dtype.

    >>> empty_corpus()[["doc_id", "title", "date", "source_line"]].dtypes.astype(str).tolist()
    ['str', 'object', 'datetime64[ns]', 'int64']
    """
    frame = pd.DataFrame({name: pd.Series(dtype=object) for name in SCHEMA})
    for name in ("doc_id", "text", "source_file", "encoding"):
        frame[name] = pd.Series(dtype="str")
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    frame["source_line"] = pd.Series(dtype="int64")
    return frame

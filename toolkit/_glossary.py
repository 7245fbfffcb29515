"""Names: one name per concept, for every public parameter and every output column.

The same word means the same thing in every module, as a parameter and as a column:

- ``top_k`` is how many items to keep or show (keyphrases, terms, plotted bars, lines,
  documents, actors); ``max_panels`` caps the panels of the one multi-panel figure.
- ``n`` is an n-gram length and nothing else, as a parameter and as a column. Counts of
  occurrences are ``count`` (``count_<part>`` for a part: ``count_a``, ``count_target``),
  documents with a match ``doc_freq``, totals ``n_<things>`` (``n_words``, ``n_docs``,
  ``n_sentences``, ``n_units``), rates ``per_1000`` (per 1,000 words of
  :func:`toolkit.tokenize.word_count`).
- ``term`` is the token column counted (``norm``, ``stem``, ``lower``, ``token``) and, in a
  result, the counted term; ``by`` the grouping column(s); ``period`` a time bin.
- ``doc_id`` identifies a document; ``start`` and ``end`` are character offsets into the
  corpus ``text`` (``text[start:end]`` is the item); ``<part>_start`` / ``<part>_end`` are
  the offsets of a part (``cue_start``, ``speaker_end``); ``<unit>_id`` is an integer id
  within one document (``para_id``, ``sent_id``, ``tok_id``, ``quote_id``).
- Names not used (their concept has the name on the right): ``top``, ``max_docs``,
  ``max_lines`` (``top_k``), ``size`` (``n``), ``chunksize`` (``chunk_size``), ``freq``
  (``period``), ``column`` (``term``), ``per``, ``rate`` (``per_1000``), ``n_tokens``
  (``n_words``). ``tests/test_glossary.py`` fails on any public name missing below and on
  these synonyms.

>>> GLOSSARY["top_k"]
'how many items to keep or show: the largest, most frequent or best ranked first'
>>> "top" in GLOSSARY
False

The full list (name: meaning), rendered from :data:`GLOSSARY`:

"""

from __future__ import annotations

#: Public name -> its one meaning (parameters and output columns alike).
GLOSSARY: dict[str, str] = {
    # --- names shared across modules -----------------------------------------------------
    "top_k": "how many items to keep or show: the largest, most frequent or best ranked first",
    "max_panels": "panels drawn at most by a multi-panel figure (the largest groups)",
    "n": "n-gram length in tokens (1 = single words); as a column, the n-gram length too",
    "term": "the token column counted (norm, stem, lower, token); as a column, the term counted",
    "by": "grouping column(s) of the corpus, or a period derived from date (year ... day)",
    "period": "a time bin: year, quarter, month, week or day; as a column, the bin's start",
    "chunk_size": "documents per chunk when streaming",
    "min_count": "keep items seen at least this many times",
    "method": "how the result is computed (keyphrase algorithm; tone: mean of sentences or text)",
    "unit": "the span within which things count as together: sentence, paragraph, document",
    "value": "the column plotted or compared; the value to resolve or that was rejected",
    "count": "occurrences (matches, n-grams, co-occurrences)",
    "count_a": "occurrences of the first actor of a pair (in units)",
    "count_b": "occurrences of the second actor of a pair (in units)",
    "count_prefix": "occurrences of a collocation's first n - 1 words followed by any word",
    "count_last": "occurrences of a collocation's last word after any n - 1 words",
    "count_target": "occurrences of the term in the target documents",
    "count_reference": "occurrences of the term in the reference documents",
    "doc_freq": "documents with at least one occurrence",
    "n_words": "words counted by toolkit.tokenize.word_count (tokens that are not punctuation)",
    "n_docs": "documents in the group or period",
    "n_sentences": "sentences of the document",
    "n_units": "co-occurrence units (sentences, paragraphs or documents) counted",
    "per_1000": "count per 1,000 words (n_words), the one rate of the toolkit",
    "share": "count divided by all counts of the group",
    "rank": "position after sorting, 1 = first (most frequent, best scored)",
    "doc_id": "document id, a string unique within the corpus",
    "start": "character offset where the item begins in the document's text",
    "end": "character offset where the item ends in the document's text (exclusive)",
    "para_id": "paragraph number within the document, from 0",
    "sent_id": "sentence number within the document, from 0",
    "tok_id": "token number within the document, from 0",
    "quote_id": "quotation-mark pair number within the document, from 0",
    # --- corpus schema -------------------------------------------------------------------
    "text": "a document's cleaned body (every offset refers to it); a text to analyse",
    "title": "headline of a document; the title of a figure",
    "outlet": "the publication; as a parameter of load, the outlet given to every document",
    "author": "author(s) of a document",
    "url": "address of a document",
    "language": "language code of a document or lexicon (en, ar, fa, ...)",
    "original_source": "agency or outlet a document credits as its origin",
    "date": "publication date (naive UTC datetime, NaT when unknown)",
    "lede": "first paragraph of a web page's body",
    "boilerplate": "page furniture removed from text, kept",
    "notes": (
        "';'-separated notes on repairs and problems of a document; leaders table: row remarks"
    ),
    "source_file": "file a record came from",
    "source_line": "line, row or record number within source_file",
    "encoding": "text encoding a file was decoded with (or is decoded with)",
    "error": "what went wrong with a rejected record; the column of a plot's error bars",
    "raw": "the raw record or page text, as read",
    # --- corpus options ------------------------------------------------------------------
    "source": (
        "what to read: path, glob, folder, DataFrame or iterables; leaders table: a row's reference"
    ),
    "format": "file format (jsonl, csv, txt, html, ...); None guesses it",
    "columns": "mapping of schema column -> source column; the columns a lexicon file has",
    "errors": "'raise' stops at a bad record, 'collect' keeps going and lists rejects",
    "duplicates": "what to do with repeated doc_ids: raise, drop_identical or rename",
    "dayfirst": "read dd/mm/yyyy dates day first (None decides per file)",
    "delimiter": "field separator of a CSV/TSV file (None sniffs it)",
    "max_chars": "longest text accepted, in characters",
    "parse_pages": "extract the article from saved HTML pages (None decides per file)",
    "corpus": "a corpus DataFrame (one row per document, toolkit.corpus.SCHEMA)",
    "text_or_corpus": "a text, list or Series of texts, corpus DataFrame or annotated corpus",
    "doc_or_corpus": "one annotated document, a text or a corpus",
    "data": "bytes to decode",
    "partial": "the bytes may stop mid-character (a chunk of a larger file)",
    "furniture": "lexicon name or path of page-furniture lines to remove",
    "min_docs": "fewest documents of a group a line must be in to count as repeated furniture",
    "min_share": "smallest share of a group's documents a line must be in to count as furniture",
    "repair_quotes": "restore damaged quotation marks of the default corpus",
    "force": "fetch again even when cached",
    # --- tokens and annotation -----------------------------------------------------------
    "token": "the token as written in the text",
    "norm": "token case-folded and normalised (the default term)",
    "lower": "token lower-cased",
    "stem": "Snowball English stem of the token",
    "pos": "part-of-speech tag of a token; in tone frames, VADER's positive share",
    "shape": "word shape of a token (Xxxx, dd, ...)",
    "is_stop": "the token is a stopword",
    "is_punct": "the token is punctuation",
    "is_alpha": "the token is letters only",
    "is_num": "the token is a number",
    "closed": "the quotation-mark pair is closed in the document",
    "ngram": "the n-gram, its terms joined by spaces",
    "tokens": "a token table of the same corpus (saves tokenizing again); a Doc's token array",
    "stopwords": "stopword list: lexicon name, path, list or DataFrame",
    "stopwords_lists": "names of the shipped stopword lists to combine (en+news)",
    "extra_stopwords": "more stopwords added to the list",
    "lists": "names of the shipped stopword lists to combine (en+news)",
    "extra": "more entries added to a shipped list or gazetteer",
    "mwe": "multiword expressions joined into one token: True, lexicon name, path or list",
    "newlines": "how line breaks count: break (end a sentence) or space",
    "drop_stop": "leave out stopwords (and n-grams containing one)",
    "drop_punct": "leave out punctuation tokens (and n-grams containing one)",
    "chunks": "corpus DataFrames to process one after another",
    "word": "one word",
    "words": "the words of a document (a Doc's word table)",
    "codes": "a Doc's integer codes of its words",
    "para_spans": "a Doc's (start, end) of each paragraph",
    "sent_spans": "a Doc's (start, end) of each sentence",
    "quote_spans": "a Doc's (start, end) of each quotation-mark pair",
    "docs": "annotated documents (toolkit.annotate.Doc), one per corpus row",
    "options": "tokenizer options an annotation was made with",
    "cache": "read and write the disk cache",
    "progress": "show a progress bar",
    # --- patterns ------------------------------------------------------------------------
    "pattern": "a token pattern (glob, fixed or regex; space separates tokens)",
    "patterns": "several patterns: one, a list or {label: pattern}",
    "phrases": "the compiled token sequences of a pattern",
    "valuetype": "how patterns are read: glob (default), fixed or regex",
    "case_sensitive": "match case exactly",
    # --- keywords ------------------------------------------------------------------------
    "phrase": "a keyphrase, its most frequent surface form",
    "score": "a ranking score, higher is better (a keyphrase's per method and doc; a relevance)",
    "spans": "list of (start, end) of each occurrence",
    "reference": "reference documents or value to compare with",
    "target": "which documents are the target: a value of by, a boolean mask or ids",
    "sort": "column to sort by, descending",
    "window": "tokens of context on each side",
    "left": "context before the match",
    "match": "the matched text",
    "right": "context after the match",
    "collocation": "the collocation, its terms joined by spaces",
    "expected": "expected count if the parts were independent (E11)",
    "pmi": "pointwise mutual information, log2 observed / expected",
    "npmi": "normalised PMI, in [-1, 1]",
    "jaccard": "co-occurrence count / units with either actor",
    "g2": "log-likelihood G2 (signed in keyness: negative = under-represented)",
    "g2_p": "p-value of G2 (chi-squared, 1 df)",
    "chi2": "chi-squared statistic (signed)",
    "chi2_p": "p-value of chi2 (1 df)",
    "t_score": "t-score (O11 - E11) / sqrt(O11)",
    "log_ratio": "log2 of the ratio of relative frequencies (Hardie)",
    "first": "relative position (0-1) of the first match in the text",
    "positions": "relative positions (0-1) of every match in the text",
    # --- dictionaries --------------------------------------------------------------------
    "dictionary": "a dictionary: name, path, mapping or DataFrame of category and pattern",
    "category": "dictionary category (key)",
    "surface": "the matched text as written",
    # --- quotes --------------------------------------------------------------------------
    "quote": "the quoted or reported words",
    "kind": "sort of item: quote kind (direct, mixed, indirect), lexicon or person-mention kind",
    "cue": "the verb or phrase introducing a quote",
    "cue_start": "offset where the cue begins",
    "cue_end": "offset where the cue ends",
    "speaker": "the speaker as written",
    "speaker_start": "offset where the speaker begins",
    "speaker_end": "offset where the speaker ends",
    "speaker_name": "the speaker's resolved name",
    "speaker_role": "the speaker's role or title",
    "speaker_affiliation": "the speaker's organisation or country",
    "cue_class": "class of a quote cue: speech, stance, cognition, plan, agreement, report, other",
    "cue_classes": "quote cue classes to keep (rows of other classes are left out)",
    "nested_source": "a source an attribution is passed on through ('..., according to AP')",
    "cue_gate": "cognition/plan/agreement quote cues count only with a clause or a quotation",
    "people": "resolve speakers to persons (toolkit.people): canonical name, person_id, role",
    "rule": "name of the rule that found the item",
    "flags": "';'-separated notes on an item",
    "mark": "a quotation mark",
    "problem": "what is wrong with an item or option",
    "cues": "quote cue list: lexicon name, path or DataFrame",
    "lexicon": "a lexicon (cue words, sentiment valences): name, path, mapping or DataFrame",
    "warn": "warn about problems found on the way",
    # --- actors --------------------------------------------------------------------------
    "actor": "canonical actor name",
    "actor_a": "first actor of a pair",
    "actor_b": "second actor of a pair",
    "actor_type": "kind of actor: country, person, organisation, ...",
    "label_type": "kind of label matched: name, demonym, capital, seat, loaded, title ...",
    "country": "country an actor belongs to",
    "alias": "a surface form of an actor",
    "guard": "the alias is dropped where the context shows a personal or longer name",
    "in_quote": "the mention is inside a quote",
    "gazetteer": "actor gazetteer: lexicon name, path or DataFrame",
    "builtin": "include the shipped gazetteer",
    "offices": "also match office titles (the president of ...)",
    "mentions": "an actor mention table (toolkit.actors.mentions)",
    "region": "region name (MENA) whose countries count",
    "min_mentions": "keep documents with at least this many mentions",
    "threshold": "keep documents whose relevance score is at least this",
    "terms": "a word list (lexicon name, path or words; a final * matches any ending)",
    "n_region_mentions": "mentions of the region's actors in the text",
    "n_title_mentions": "mentions of the region's actors in the title",
    "n_lede_mentions": "mentions of the region's actors in the lede (first two sentences)",
    "n_diplomacy_terms": "words of the diplomatic vocabulary in the text",
    "n_title_terms": "words of the diplomatic vocabulary in the title",
    "n_cooccur_sentences": "sentences with both an actor of the region and a diplomatic word",
    "leaders": "a leaders table (toolkit.actors.load_leaders): who held which office when",
    "as_of": "the day at which offices are looked up (date-like); None for any time",
    "person_id": "stable id of a person (country-surname-given names slug)",
    "aliases": "';'-separated other spellings and surname forms of a name",
    "country_or_org": "the state or organisation an office belongs to (gazetteer canonical name)",
    "role": "a person's office: a leaders-table role (LEADER_ROLES) or as the text gives it",
    # --- people (toolkit.people, issue #12) ---------------------------------------------
    "affiliation": "the state or organisation a person or actor speaks for (canonical name)",
    "affiliation_source": "where a person's affiliation came from: text, registry or leaders",
    "affiliation_count": "mentions of a person stating the chosen affiliation",
    "variants": "';'-separated surface forms of one person's name in a corpus",
    "roles": "'; '-separated roles of a person, each with its first..last article date",
    "n_mentions": "number of mentions (of a person)",
    "first_date": "date of the first article with the item (YYYY-MM-DD; empty if unknown)",
    "last_date": "date of the last article with the item (YYYY-MM-DD; empty if unknown)",
    "registry": "a person registry (toolkit.people.person_registry), frame or CSV path",
    "persons": "also return people as actor mentions (actor_type person)",
    "places": "capitals used as datelines/places: marked (mentions) or kept (cooccurrence)",
    "titles": "also return titles alone ('the minister') resolved to a person",
    "level": "node level of co-occurrence: actor as named, or state (people folded in)",
    "role_title": "the English title of the office as news writes it (Secretary of State)",
    "start_date": "first day in office (a year or month start rounds to its first day)",
    "end_date": "last day in office (a year or month end rounds to its last day); NaT if open",
    "start_precision": "precision of the start date in the file: day, month or year",
    "end_precision": "precision of the end date in the file: day, month, year ('' if open)",
    "acting": "the holder was acting (interim, caretaker) rather than appointed",
    # --- tone ----------------------------------------------------------------------------
    "neg": "VADER negative share",
    "neu": "VADER neutral share",
    "compound": "VADER compound score in [-1, 1]",
    # --- lexicons ------------------------------------------------------------------------
    "name": "registered name of a lexicon; file name of a saved figure or table; a person's name",
    "path": "a file path",
    "description": "one-line description",
    # --- plots ---------------------------------------------------------------------------
    "frame": "a DataFrame: the analysis frame to plot, the table to save",
    "edges": "an edge list (toolkit.actors.cooccurrence)",
    "ax": "matplotlib Axes to draw on (a new figure when None)",
    "axes": "matplotlib Axes to draw on, one per panel",
    "label": "column of category labels; a label",
    "labels": "legend names",
    "color": "bar colour",
    "colors": "colours of the parts or sides",
    "cmap": "matplotlib colour map",
    "colorbar": "label of the colour bar",
    "vmin": "lowest value of the colour scale",
    "vmax": "highest value of the colour scale",
    "xlabel": "x-axis label",
    "ylabel": "y-axis label",
    "legend_title": "title of the legend",
    "ncols": "panels per row",
    "measure": "statistic plotted (g2, chi2, log_ratio)",
    "only_matches": "leave out documents without a match",
    "weight": "edge column used as weight",
    "min_weight": "leave out edges below this weight",
    "seed": "random seed (reproducible layout or sample)",
    "symmetric": "colour scale symmetric around 0",
    "percent": "show parts as percentages of each bar",
    "parts": "columns stacked in each bar",
    "series": "columns drawn as grouped bars",
    "other": "sum the rows beyond top_k into one 'other (k)' bar",
    "annotate": "write the values on the bars or cells",
    "order": "order of the groups",
    "reference_label": "legend name of the reference line",
    # --- report and cache ----------------------------------------------------------------
    "subset": "a reproducible random sample of this many documents",
    "only": "run only these notebooks (by number or name)",
    "out": "output folder",
    "params": "notebook parameters (name -> value)",
    "load_options": "options of corpus.load for a corpus read from files (LOAD_OPTIONS)",
    "section": "the part of a notebook that is run or skipped, as the reader sees it",
    "condition": "a claim's check, computed from the output (report.claim)",
    "statement": "what a notebook's prose says, checked by report.claim",
    "when": "whether a claim applies here (e.g. only on the default corpus)",
    "detail": "what the output shows instead of a claim, or more on an error",
    "notebooks": "folder of the notebooks",
    "timeout": "seconds a notebook may run",
    "fig": "matplotlib figure (or an Axes, whose figure is meant)",
    "formats": "file formats to save (png, svg)",
    "dpi": "dots per inch of saved PNGs",
    "index": "write the DataFrame's index",
    "func": "the function to run or cache",
    "ignore": "argument names left out of the cache key",
    "desc": "progress bar label",
    "option": "name of a report option",
    "kwargs": "passed on to the function named in the docstring",
    # --- pipeline -----------------------------------------------------------------------
    "steps": "the analyses a pipeline runs (names, or name -> config)",
    "backend": "where pipeline chunks run: 'local' (this process) or 'dask'",
    "scheduler": "address of a running Dask scheduler",
    "n_workers": "worker processes of a local Dask cluster",
    "rebuild": "replace a pipeline output made from other inputs or parameters",
    "sql": "a DuckDB SQL query over the pipeline tables",
    "table": "name of a pipeline output table",
    "changes": "what differs between an output's inputs/parameters and this run's",
}

#: Names that must not be public: synonyms of names above (the one name is the value).
BANNED: dict[str, str] = {
    "top": "top_k", "max_docs": "top_k", "max_lines": "top_k", "size": "n",
    "chunksize": "chunk_size", "freq": "period", "column": "term", "per": "per_1000",
    "n_tokens": "n_words", "rate": "per_1000",
}


def render() -> str:
    """The glossary as reStructuredText definition lines, sorted by name.

    >>> lines = render().splitlines()
    >>> lines[lines.index("``doc_id``") + 1].strip() == GLOSSARY["doc_id"]
    True
    """
    return "\n".join(f"``{name}``\n    {GLOSSARY[name]}" for name in sorted(GLOSSARY))


__doc__ = (__doc__ or "") + render() + "\n"

"""Errors and warnings raised by the toolkit, with their messages in one place.

Every error about input names where the problem is (file and line, or row), so that a
user can open the file and look. Example:

>>> from toolkit.errors import InputError
>>> str(InputError("malformed JSON: Expecting value", source="a.jsonl", line=3))
'a.jsonl, line 3: malformed JSON: Expecting value'
"""

from __future__ import annotations


class ToolkitError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class InputError(ToolkitError, ValueError):
    """Bad input: the message names the source (file or DataFrame) and the line or row."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.reason = message
        self.source = source
        self.line = line
        where = source or "<input>"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {message}")


class SchemaError(InputError):
    """A table lacks a required column, or a column has the wrong type."""


class DuplicateIdError(InputError):
    """Two documents share a ``doc_id``; the message names both places."""


class MissingFileError(InputError, FileNotFoundError):
    """A file the user named (a lexicon, a word list) does not exist."""


class DatasetError(ToolkitError, RuntimeError):
    """A dataset could not be fetched, verified or read."""


class ToolkitWarning(UserWarning):
    """Something was repaired or flagged; the data are kept."""


# Messages reused across modules. Keep user-facing wording here.
MESSAGES = {
    "malformed_json": "malformed JSON ({detail})",
    "not_object": "expected a JSON object per record, got {kind}",
    "missing_text_column": (
        "no text column: looked for {wanted!r}, found columns {found}; "
        "pass columns={{'text': '<your column>'}}"
    ),
    "duplicate_id": "duplicate doc_id {doc_id!r}: first at {first}, again at {second}",
    "too_large": (
        "document is {size:,} characters, above max_chars={limit:,}; "
        "pass max_chars=None to accept it or split it first"
    ),
    "empty_text": "empty text",
    "no_files": "no files match {pattern!r}",
    "unknown_format": "cannot tell the format of {path!r}; pass format= one of {formats}",
    # corpus loading: damaged, forbidden and hostile files
    "permission_denied": "cannot open the file: permission denied (check its read permission)",
    "not_gzip": "not a gzip file although its name ends in .gz; rename it or pass the "
    "uncompressed file",
    "truncated_gzip": "compressed data end early (truncated .gz file)",
    "corrupt_gzip": "corrupt compressed data ({detail})",
    "unreadable_file": "cannot read the file ({detail})",
    "rest_unread": "{detail}; records from line {line} on could not be read",
    "nested_too_deep": "JSON nested too deeply to read (beyond Python's recursion limit)",
    "malformed_csv": "malformed CSV ({detail})",
    "csv_field_count": (
        "row has {n} fields but the header has {expected}; check the quoting, or pass "
        "delimiter= if the file is not separated by the one detected"
    ),
    "unclosed_quote": (
        "unclosed quote: the field starting at line {line} runs to the end of the file "
        "(line {end}); the rows from line {line} on could not be read"
    ),
    "one_column_hint": (
        " (the header was read as a single column: pass delimiter= with the file's "
        "separator, or encoding= if the column name looks garbled)"
    ),
    "bad_id": "doc_id must be a string or a number, not {kind}",
    "unknown_encoding": "unknown encoding {encoding!r}; pass encoding= a Python codec name "
    "such as 'utf-8', 'cp1252', 'koi8_r' or 'utf-16'",
    "annotated_newlines": (
        "the corpus was annotated with newlines={have!r}, not {want!r}; "
        "annotate it again with newlines={want!r}"
    ),
    # dates (toolkit.corpus._dates)
    "bad_dayfirst": "dayfirst= must be True, False or None, not {value!r}",
    # report command and result cache (toolkit.report, toolkit.cache)
    "report_option": "{option} {value}: {problem}",
    "report_interrupted": (
        "interrupted: the report in {out} is incomplete; run the same command again to complete it"
    ),
    "claim_failed": "the prose says {statement!r}, but the output does not show it{detail}",
    "cache_unusable": "result cache off: {path} cannot be used ({detail}); running uncached",
    "cache_bad_entry": "cache entry {path} dropped and recomputed: {detail}",
    "plot_not_frame": "expected the DataFrame from {what}, got {kind}",
    "plot_missing_columns": "frame lacks column(s) {missing}; pass the output of {what}",
    "pattern_valuetype": "valuetype must be glob, fixed or regex, got {valuetype!r}",
    "pattern_empty": "empty or non-text pattern: {pattern!r}",
    "pattern_regex": "invalid regular expression {pattern!r}: {detail}",
    # lexicons (toolkit.lexicons)
    "lexicon_unknown": "no shipped lexicon named {name!r}; shipped: {names}",
    "lexicon_language": "lexicon {name!r} is not shipped in language {language!r}; "
    "languages: {languages}",
    "lexicon_unknown_kind": "unknown lexicon kind {kind!r}; kinds: {kinds}",
    "lexicon_kind": "lexicon {name!r} is of kind {have!r}, not {want!r}",
    "lexicon_no_file": "no such lexicon file (pass a shipped name or the path of your file)",
    "lexicon_not_utf8": "not UTF-8 text: save the lexicon file as UTF-8",
    "lexicon_unreadable": "cannot read the lexicon file ({detail})",
    "lexicon_suffix": "cannot tell the lexicon format from the file name; use one of {suffixes}",
    "lexicon_empty": "empty lexicon table: no header line",
    "lexicon_fields": "row has {n} fields but the header has {expected}",
    "lexicon_no_section": "a word before the first [section] line",
    "lexicon_type": "cannot use {kind} as a lexicon; expected {want}",
    "lexicon_entry": "lexicon entry {entry!r} is not a string",
    "lexicon_columns": "lexicon lacks column(s) {missing}",
    "quotes_word_classes": "no words of class(es) {missing} (copy toolkit/data/quotes and edit it)",
    "quotes_thresholds": "cannot read the quote thresholds: {detail}",
    "quotes_threshold_value": "threshold {key!r} must be a number, not {value!r}",
    # pipeline (toolkit.pipeline)
    "pipeline_option": "{option} {value}: {problem}",
    "pipeline_unknown_step": "no such step; steps: {names}",
    "pipeline_step_config": "unknown config key(s) {keys}; the step takes {known}",
    "pipeline_no_steps": "no steps chosen",
    "pipeline_stale": (
        "{out} holds output of another run ({changes}); pass rebuild=True (--rebuild) "
        "to replace it, or choose another --out"
    ),
    "pipeline_not_output": (
        "{out} is not empty and holds no manifest.json: not a pipeline output folder; "
        "choose an empty or new folder"
    ),
    "pipeline_rows": "chunk {chunk}: {detail}",
    "pipeline_no_output": "{out} holds no pipeline output (no manifest.json)",
    "pipeline_no_input": "no such file, or no file matches (nothing was written)",
    "pipeline_interrupted": (
        "interrupted: finished chunks are kept in {out}; run the same command again to resume"
    ),
    # leaders table (toolkit.actors.load_leaders)
    "leaders_no_file": "no such leaders table",
    "leaders_columns": "leaders table lacks column(s) {missing}",
    "leaders_row": "leaders table row: {problem}",
    # person registry (toolkit.people.person_registry / read_registry)
    "registry_no_file": "no such person registry",
    "registry_columns": "person registry lacks column(s) {missing}",
    "registry_row": "person registry row: {problem}",
}

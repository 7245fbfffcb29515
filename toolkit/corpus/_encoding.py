"""Decode bytes whose encoding is not known: UTF-8 first, then a detected legacy encoding."""

from __future__ import annotations

import codecs

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes, *, partial: bool = False) -> tuple[str, list[str]]:
    """Guess the encoding of ``data``; returns ``(encoding, flags)``.

    A byte-order mark wins (flag ``bom``); valid UTF-8 is UTF-8; otherwise
    UTF-8 with replacement characters (flag ``undecodable_bytes``). Mostly-UTF-8 data
    with a few invalid bytes stays UTF-8 (flag ``undecodable_bytes``); otherwise
    Windows-1252 when it decodes, else charset-normalizer's guess (flag
    ``encoding=<name>``). Other legacy encodings (KOI8-R, Shift-JIS, ...) cannot be told
    apart reliably from short texts: loaders take ``encoding=`` for them.

    >>> detect_encoding("Café".encode("cp1252"))
    ('cp1252', ['encoding=cp1252'])
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, ["bom"]
    try:
        data.decode("utf-8")
        return "utf-8", []
    except UnicodeDecodeError as err:
        # A truncated sample may end inside a multi-byte character: that is still UTF-8.
        if partial and err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return "utf-8", []
    # Mostly UTF-8 with a few stray bytes: keep UTF-8, mark the damage.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good_multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    if good_multibyte > 0 and bad <= max(2, good_multibyte // 10):
        return "utf-8", ["undecodable_bytes"]
    # Western news in a legacy encoding is almost always Windows-1252, and guessing other
    # single-byte encodings from short texts is unreliable: pass encoding= for those.
    try:
        data.decode("cp1252")
        return "cp1252", ["encoding=cp1252"]
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding not in {"utf_8", "ascii"}:
        return best.encoding, [f"encoding={best.encoding}"]
    return "utf-8", ["undecodable_bytes"]


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode ``data``; returns ``(text, encoding, flags)``. Never raises on bad bytes.

    >>> decode_bytes("Iran’s".encode("utf-8"))
    ('Iran’s', 'utf-8', [])
    """
    encoding, flags = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        if "undecodable_bytes" not in flags:
            flags.append("undecodable_bytes")
    if encoding == "utf-16" or encoding == "utf-32":
        text = text.lstrip("\ufeff")
    return text, encoding, flags

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


# Encodings whose decoding of Western text is plausible: their guesses are not trusted over
# Windows-1252, which is what Western news in a legacy encoding almost always is.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1257", "iso8859_10",
            "iso8859_13", "iso8859_14", "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland",
            "cp850", "cp852", "cp857", "cp858", "cp437"}


def _nul_pattern(data: bytes) -> str | None:
    """UTF-16/32 without byte-order mark, told from where the NUL bytes fall.

    Text in UTF-16 has a NUL in every other byte for ASCII characters (odd positions for
    little-endian, even for big-endian); UTF-32 has three NULs in every four bytes.
    """
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    quads = len(sample) // 4
    if quads:
        zeros = [sum(1 for i in range(k, quads * 4, 4) if sample[i] == 0) for k in range(4)]
        if min(zeros[1:]) >= 0.9 * quads and zeros[0] <= 0.1 * quads:
            return "utf-32-le"
        if min(zeros[:3]) >= 0.9 * quads and zeros[3] <= 0.1 * quads:
            return "utf-32-be"
    pairs = len(sample) // 2
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_western(text: str) -> bool:
    """Few non-ASCII letters among the letters: plausible as Windows-1252 text.

    Cyrillic, Greek or Arabic text in a legacy encoding, read as Windows-1252, turns
    almost every letter into an accented Latin one.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    foreign = sum(1 for ch in letters if ord(ch) > 127)
    return foreign <= 0.3 * len(letters)


def detect_encoding(data: bytes, *, partial: bool = False) -> tuple[str, list[str]]:
    """Guess the encoding of ``data``; returns ``(encoding, flags)``.

    In order: a byte-order mark wins (flag ``bom``); UTF-16/32 without one is told from
    the pattern of NUL bytes (flag ``encoding=utf-16-le`` ...); valid UTF-8 is UTF-8;
    mostly-UTF-8 data with a few invalid bytes stays UTF-8 (flag ``undecodable_bytes``).
    Other bytes are Windows-1252 when that reads as Western text (flag
    ``encoding=cp1252``); otherwise charset-normalizer's guess is used when it is clear
    (a coherent language, no chaos: flag ``encoding=<name>``, e.g. ``koi8_r``), and when
    it is not, Windows-1252 or the best guess with the flag ``encoding_uncertain``: pass
    ``encoding=`` to the loader for such files. ``partial=True`` says ``data`` is the start
    of a longer file (it may end inside a character).

    >>> detect_encoding("Café".encode("cp1252"))
    ('cp1252', ['encoding=cp1252'])
    >>> detect_encoding("Iran".encode("utf-16-le"))
    ('utf-16-le', ['encoding=utf-16-le'])
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, ["bom"]
    wide = _nul_pattern(data)
    if wide is not None:
        cut = len(data) - len(data) % (4 if "32" in wide else 2)
        try:
            data[:cut].decode(wide)
            return wide, [f"encoding={wide}"]
        except UnicodeDecodeError as err:
            if partial and err.start >= cut - 4:
                return wide, [f"encoding={wide}"]
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
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return "cp1252", ["encoding=cp1252"]
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding not in {"utf_8", "ascii"}:
        clear = best.chaos <= 0.1 and best.coherence >= 0.3
        if clear and best.encoding not in _WESTERN:
            return best.encoding, [f"encoding={best.encoding}"]
        if western is None:
            return best.encoding, [f"encoding={best.encoding}", "encoding_uncertain"]
    if western is not None:
        return "cp1252", ["encoding=cp1252", "encoding_uncertain"]
    return "utf-8", ["undecodable_bytes", "encoding_uncertain"]


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
    if encoding.startswith(("utf-16", "utf-32")):
        text = text.lstrip("\ufeff")
    return text, encoding, flags

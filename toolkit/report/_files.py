"""Write a report file atomically: a reader sees the old file or the new one, never half.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "manifest.json"
>>> write_text_atomic(path, "{}\\n") == path
True
>>> path.read_text()
'{}\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.fchmod(fd, 0o644)  # as an ordinary file, not mkstemp's private 0o600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path

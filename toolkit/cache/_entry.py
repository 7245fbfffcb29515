"""One cache entry on disk: a checked header, then the pickled value.

The file starts with a magic line and a JSON line recording the type and shape of the value
and the length and sha256 of the pickle that follows. :func:`read_entry` checks all of them,
so a truncated, garbled or swapped file is detected instead of returned; :func:`write_entry`
writes to a temporary file and renames it into place, so a reader never sees half a file.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "sub" / "entry.pkl"
>>> write_entry(path, {"a": 1})
True
>>> read_entry(path)
{'a': 1}
>>> _ = path.write_bytes(path.read_bytes()[:-3])  # truncated
>>> read_entry(path)
Traceback (most recent call last):
...
toolkit.cache._entry.EntryError: truncated: 3 bytes missing
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

MAGIC = b"DCT-CACHE 1\n"


class EntryError(Exception):
    """A cache entry is damaged or does not hold what its header says."""


def _type_name(value: Any) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _shape(value: Any) -> list[int] | None:
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple) and all(isinstance(n, int) for n in shape):
        return list(shape)
    return None


def read_entry(path: Path) -> Any:
    """The value stored at ``path``.

    Raises
    ------
    FileNotFoundError
        No entry (a miss; also when another process cleared the cache).
    EntryError
        The file is damaged, or holds another type or shape than its header records.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise EntryError(f"unreadable ({exc.strerror or type(exc).__name__})") from None
    if not data.startswith(MAGIC):
        raise EntryError("not a toolkit cache entry (no header)")
    line, sep, payload = data[len(MAGIC) :].partition(b"\n")
    try:
        header = json.loads(line) if sep else None
        size, digest, kind = header["size"], header["sha256"], header["type"]
    except (ValueError, TypeError, KeyError):
        raise EntryError("damaged header") from None
    if len(payload) != size:
        missing = size - len(payload)
        raise EntryError(f"truncated: {missing} bytes missing" if missing > 0 else "trailing bytes")
    if hashlib.sha256(payload).hexdigest() != digest:
        raise EntryError("checksum mismatch")
    try:
        value = pickle.loads(payload)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means a bad entry
        raise EntryError(f"cannot be unpickled ({type(exc).__name__})") from None
    if _type_name(value) != kind:
        raise EntryError(f"holds a {_type_name(value)}, header says {kind}")
    if _shape(value) != header.get("shape"):
        raise EntryError(f"holds shape {_shape(value)}, header says {header.get('shape')}")
    return value


def write_entry(path: Path, value: Any) -> bool:
    """Store ``value`` at ``path`` atomically; return False when it could not be stored.

    Missing folders are created (again, if another process cleared the cache meanwhile).
    A value that cannot be pickled, or a disk that refuses the write, is simply not cached.
    """
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable values are not cached
        return False
    header = {
        "type": _type_name(value),
        "shape": _shape(value),
        "size": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    data = MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + payload
    for _ in range(3):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pkl")
        except FileNotFoundError:
            continue  # the folder vanished between mkdir and mkstemp: make it again
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
            return True
        except FileNotFoundError:
            continue  # the cache was cleared while writing: try once more
        except OSError:
            return False
        finally:
            Path(tmp).unlink(missing_ok=True)
    return False

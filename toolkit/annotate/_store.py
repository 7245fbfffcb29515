"""The on-disk cache of annotations: its key (text, version, options, code and data) and entries.

An entry is one :class:`~toolkit.annotate.Doc` in compact form (``marshal`` of bytes), under
``toolkit.cache.cache_dir()/annotate/<fingerprint>/``, named by the sha256 of the text. The
fingerprint (:func:`config_fingerprint`) changes whenever anything that decides the annotations
changes: the toolkit version, the options, the code of the layer and every data file it reads
(the shipped lexicons of :data:`LEXICONS`, found through :mod:`toolkit.lexicons`, and the
tagger's data in the ``textblob`` package), each hashed once per process.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import uuid
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.annotate._doc import Doc

#: Bump when the cached layout of a Doc changes (2: part of speech stored only once computed).
FORMAT = 2
#: The stopword lists of the layer's ``is_stop`` flag (as :func:`toolkit.tokenize.stopwords`).
STOPWORD_LISTS = "en+news"
#: The shipped lexicons the layer reads (stop flag, token and sentence rules), by registry name.
LEXICONS = (
    "stopwords", "stopwords_news", "abbreviations", "closings", "hyphen_prefixes",
    "punkt_abbrev_types", "punkt_sent_starters", "punkt_collocations", "punkt_ortho_context",
)
#: The tagger's data files in ``textblob/en/`` (:mod:`toolkit.keywords._pos`).
TAGGER_FILES = ("en-lexicon.txt", "en-morphology.txt", "en-context.txt")


def _code_files() -> list[Path]:
    """The toolkit modules the annotations depend on."""
    root = Path(__file__).resolve().parents[1]
    files = [*root.joinpath("annotate").glob("*.py"), *root.joinpath("tokenize").glob("*.py"),
             root / "keywords" / "_pos.py", root / "_docs.py"]
    return sorted(p for p in files if p.is_file())


def _tagger_bytes(name: str) -> bytes:
    """A tagger data file's bytes (nothing when ``textblob`` is missing: the layer's spans and
    flags need no tagger; reading ``Doc.pos`` then says what to install)."""
    from toolkit.errors import ToolkitError
    from toolkit.keywords._pos import _text

    try:
        return _text(name).encode("utf-8")
    except ToolkitError:  # pragma: no cover - textblob is a dependency
        return b""


@cache
def data_digest() -> str:
    """sha256 of every data file the layer reads (shipped lexicons and tagger data), once per
    process; a changed word list gives another digest, hence another cache folder.

    >>> len(data_digest())
    64
    """
    from toolkit import lexicons

    digest = hashlib.sha256()
    for name in LEXICONS:
        digest.update(f"\0lexicon:{name}\0".encode())
        digest.update(lexicons.path(name).read_bytes())
    for name in TAGGER_FILES:
        digest.update(f"\0tagger:{name}\0".encode())
        digest.update(_tagger_bytes(name))
    return digest.hexdigest()


@cache
def config_fingerprint(newlines: str = "break") -> str:
    """Toolkit version plus a hash of the options and of the code and data behind the layer.

    Part of every cache key, so that a changed tokenizer rule, word list, tagger or option
    never returns a stale annotation.

    >>> config_fingerprint().startswith("toolkit-")
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    from toolkit import __version__

    try:
        tagger = version("textblob")
    except PackageNotFoundError:  # pragma: no cover
        tagger = "?"
    digest = hashlib.sha256(json.dumps(
        {"format": FORMAT, "newlines": newlines, "stopwords": STOPWORD_LISTS, "textblob": tagger,
         "data": data_digest()},
        sort_keys=True,
    ).encode())
    root = Path(__file__).resolve().parents[1]
    for path in _code_files():
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"toolkit-{__version__}-{digest.hexdigest()[:16]}"


def reset() -> None:
    """Forget the fingerprint and the layer's word-level caches (after a data file changed in
    this process; a new process starts afresh anyway)."""
    from toolkit.annotate import _annotate
    from toolkit.tokenize import _stopwords

    data_digest.cache_clear()
    config_fingerprint.cache_clear()
    _annotate._stop_set.cache_clear()
    _annotate._FLAG_CACHE.clear()
    _stopwords._packaged_stopwords.cache_clear()


def cache_path(text: str, *, newlines: str = "break") -> Path:
    """The cache file of ``text``'s annotations: sha256 of the text under the fingerprint.

    >>> cache_path("Hi.").name.endswith(".dct")
    True
    """
    from toolkit.cache import cache_dir

    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / "annotate" / config_fingerprint(newlines) / key[:2] / f"{key}.dct"


def read_entry(path: Path, doc_id: str, text: str) -> Doc | None:
    """The cached Doc, or None when absent or damaged (then it is recomputed)."""
    from toolkit.annotate._doc import Doc

    try:
        payload = marshal.loads(path.read_bytes())
        fmt, key, arrays = payload
        if fmt != FORMAT or key != path.stem:
            return None
        doc = Doc._from_arrays(doc_id, text, arrays)
    except Exception:  # noqa: BLE001 - any damage (truncated, foreign, wrong arrays): recompute
        return None
    doc._cache_path = path
    return doc


def write_entry(path: Path, doc: Doc) -> None:
    """Write atomically (temporary file + rename); an unwritable cache is skipped. The Doc
    remembers ``path``, so that its part of speech, once computed, is stored there too."""
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    doc._cache_path = path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((FORMAT, path.stem, doc._arrays())))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)

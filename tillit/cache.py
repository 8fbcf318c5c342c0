"""The one cache: results kept in .cache/<kind>/ between builds, each file written atomically (git-ignored, deletable).

Two shapes: `text()` keeps one result per name under a key (a new key replaces it, so make serve does not grow the
folder; `texts()` for several made together: search indexes, purged CSS); `file()` keeps content-addressed files a
build may hard-link (QR codes).
The key must hold everything the result depends on, the code that makes it included.
"""
import contextlib
import functools
import hashlib
import os
from pathlib import Path

from tillit.site import ROOT

CACHE = ROOT / ".cache"


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename it into place: a reader never sees half a file."""
    with contextlib.suppress(OSError):   # a read-only checkout builds without the cache
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)


def text(kind: str, name: str, key: str, make) -> str:
    """make() (a str) kept in .cache/<kind>/<hash of name> under `key`: a later build with the same key reads it."""
    path = CACHE / kind / hashlib.sha256(name.encode()).hexdigest()[:32]
    with contextlib.suppress(OSError, ValueError):   # none yet, or not readable
        head, _, body = path.read_bytes().decode("utf-8").partition("\n")   # bytes: no newline translation
        if head == key:
            return body
    result = make()
    _write(path, f"{key}\n{result}".encode())
    return result


def texts(kind: str, names, key: str, make_all) -> dict:
    """{name: text()} of results made together: make_all() ({name: str}) runs once, and only when one is missing."""
    made = functools.cache(make_all)
    return {name: text(kind, name, key, lambda name=name: made()[name]) for name in names}


def file(kind: str, key: str, make, suffix: str = "") -> Path | None:
    """.cache/<kind>/<hash of key><suffix>, made once from make() (bytes); None where nothing can be written."""
    path = CACHE / kind / (hashlib.sha256(key.encode()).hexdigest()[:32] + suffix)
    if not path.is_file():
        _write(path, make())
    return path if path.is_file() else None


def code_version(*files: str | Path) -> str:
    """A short hash of source files (a module's own code in its cache key: changed code, new results)."""
    return hashlib.sha256(b"".join(Path(f).read_bytes() for f in files)).hexdigest()[:16]

"""Where things live, and the fingerprint of a set of files. Every path in the package is
resolved from here, so notebooks work whatever directory they are executed in."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# TRUCE_DATA_DIR points the package at another data package (tests build a small site on a few
# rows written in a temporary folder)
DATA_DIR = Path(os.environ.get("TRUCE_DATA_DIR") or ROOT / "data")
DOCS_DIR = ROOT / "docs"
PACKAGE_DIR = ROOT / "truce"
# build caches: notebook outputs, chart pictures, the Vega bundle (never committed)
CACHE_DIR = ROOT / ".cache"


@functools.lru_cache(maxsize=1024)
def _file_hash(path: Path, size: int, mtime_ns: int) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files' names and bytes (used to key caches). A file is read again only
    when its size or modification time changed, so asking often costs a few ``stat`` calls."""
    h = hashlib.sha256()
    for path in paths:
        st = path.stat()
        h.update(path.name.encode())
        h.update(_file_hash(path, st.st_size, st.st_mtime_ns))
    return h.hexdigest()

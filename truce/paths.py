"""Where things live, the fingerprint of a set of files, and results kept on disk under a key.
Every path in the package is resolved from here, so notebooks work whatever directory they are
executed in."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # not a POSIX system: each process works a result out for itself
    fcntl = None

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


def package_fingerprint() -> str:
    """A hash of the truce package's source and the figure tables (used with the data's to key caches)."""
    return fingerprint(sorted(PACKAGE_DIR.rglob("*.py")) + sorted(PACKAGE_DIR.rglob("*.csv")))


def memo_file(kind: str, *key: str) -> Path:
    """Where a result computed from ``key`` (fingerprints, versions) is kept between processes:
    ``.cache/<kind>/<hash of key>.pickle``. The key must name everything the result depends on."""
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:32]
    return CACHE_DIR / kind / f"{digest}.pickle"


def read_memo(path: Path):
    """The result kept at ``path``, or None when there is none (or it cannot be read: it is then
    computed again, never trusted half-written)."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None


MEMOS_KEPT = 8


def write_memo(path: Path, value, keep: int | None = MEMOS_KEPT) -> None:
    """Keep ``value`` at ``path`` (written aside, then moved into place: readers in other
    processes see the whole file or none). Only the newest ``keep`` of a kind stay (all of them
    when ``keep`` is None: small results keyed by their own content, like chart drawings)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    if keep is None:
        return
    ages = {}
    for kept in path.parent.glob("*.pickle"):
        with contextlib.suppress(OSError):  # another process may be pruning too
            ages[kept] = kept.stat().st_mtime
    for old in sorted(ages, key=ages.get, reverse=True)[keep:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".lock").unlink(missing_ok=True)


# how long a process waits for another to finish working out a result before working it out itself
LOCK_WAIT_S = 600.0


@contextlib.contextmanager
def one_at_a_time(lock: Path):
    """Hold ``lock`` (a file) for the block, waiting while another process holds it: a result
    that several processes ask for at once is worked out by the first, and the others take its
    copy instead of working it out too (during ``make test`` the build's two editions and the
    test workers start on cold caches together, on two cores). After :data:`LOCK_WAIT_S` seconds
    the block runs anyway; without POSIX file locks it runs at once."""
    if fcntl is None:
        yield
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as fh:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def kept_result(kind: str, key: tuple, make, *, accept, keep: int | None = MEMOS_KEPT):
    """The result of ``make()`` for ``key``: read from ``.cache/<kind>`` when a kept copy passes
    ``accept`` (a check of its type or shape), else worked out and kept (see :func:`write_memo`).
    While one process works it out, others asking for the same key wait and take its copy
    (:func:`one_at_a_time`)."""
    path = memo_file(kind, *key)
    value = read_memo(path)
    if accept(value):
        return value
    with one_at_a_time(path.with_suffix(".lock")):
        value = read_memo(path)  # kept meanwhile by a process this one waited for
        if not accept(value):
            value = make()
            write_memo(path, value, keep=keep)
    return value

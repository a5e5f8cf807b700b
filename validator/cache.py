"""Results of files checked before, kept between runs: a file whose bytes, place in the site
and settings have not changed is not read into a document again (`--no-cache` turns it off).

An entry is found by a key over all that a file's result is made of: mdcheck's code and the
libraries that parse for it, the run's plan (rules, their options, the site's configuration),
the target (its paths, language, ignored rules) and the file's bytes. What else the result
depends on, the site reads made for the page (its ancestors' `_index` files, its
directories' listings: see `site.recording_reads`), is stored with the entry and checked
again before the entry is used. The store is one SQLite database in `cache_dir()`; entries
unused for `_KEPT_DAYS` are dropped, and those of other code (another version of mdcheck)
after a day. A failing store turns caching off, never the run.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import os
import pickle
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from types import BuiltinFunctionType, FunctionType
from typing import Any

import markdown_it
import mdit_py_plugins
import yaml
from lxml import etree

from validator import __version__
from validator.files import cache_dir
from validator.site import SiteRead, reads_unchanged

_DATABASE = "results-3.sqlite"  # the number changes with the table's layout
_KEPT_DAYS = 30
_OTHER_CODE_KEPT_DAYS = 1  # results of another version of mdcheck (or of its libraries)
_BUSY_SECONDS = 10.0  # how long to wait for another run writing to the store
_BATCH_BYTES = 4 << 20  # results written at once


class ResultCache:
    """Results by key (see `key`), for one run's plan. Use as a context manager: results
    put are written when it closes."""

    def __init__(self, connection: sqlite3.Connection, code: bytes, scope: bytes) -> None:
        self._db: sqlite3.Connection | None = connection
        self._code = code
        self._scope = scope
        self._today = int(time.time() // 86400)
        self._new: list[tuple[bytes, bytes, bytes, int, bytes]] = []  # put, not yet written
        self._unwritten = 0  # their size
        self._used: list[tuple[int, bytes]] = []  # entries read today for the first time

    @classmethod
    def open(cls, plan: Any, directory: Path | None = None) -> ResultCache | None:
        """The cache for runs with `plan`; None when there is no usable store."""
        try:
            code, scope = _scope(plan)
        except TypeError:  # a plan value with no stable form: no key can be trusted
            return None
        path = (directory or cache_dir()) / _DATABASE
        for attempt in range(2):
            try:
                return cls(_connect(path), code, scope)
            except sqlite3.OperationalError:  # locked too long, read-only, no space: no cache
                return None
            except sqlite3.DatabaseError:  # not a database (damaged): start anew, once
                if attempt or not _remove(path):
                    return None
            except OSError:
                return None
        return None

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def key(self, identity: Sequence[Any], content: bytes) -> bytes:
        """The key of a file's result: the plan's scope, the file's `identity` (its target's
        fields, str/bool/None or collections of them) and `content`, a digest of its bytes."""
        digest = hashlib.blake2b(self._scope, digest_size=20)
        digest.update(_canonical(identity).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(content)
        return digest.digest()

    def holds(self, key: bytes) -> bool:
        """Whether a result is kept under `key` and the site reads it depends on find the same."""
        if self._db is None:
            return False
        try:
            row = self._db.execute("SELECT reads, used FROM results WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False
            reads = [SiteRead(*read) for read in pickle.loads(row[0])]
        except sqlite3.Error:
            self._fail()
            return False
        except Exception:  # a damaged entry is a miss; it is replaced when put again
            return False
        if not reads_unchanged(reads):
            return False
        if row[1] != self._today:
            self._used.append((self._today, key))
        return True

    def get(self, key: bytes) -> Any | None:
        """The result kept under `key` (`holds` tells whether it still holds)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            return pickle.loads(zlib.decompress(row[0])) if row is not None else None
        except sqlite3.Error:
            self._fail()
            return None
        except Exception:  # a damaged entry
            return None

    def put(self, key: bytes, value: Any, reads: Iterable[SiteRead]) -> None:
        """Keep `value` under `key`, with the site reads it was made from. Written in batches,
        so that a run of any size holds little of what it puts."""
        if self._db is None:
            return
        packed_reads = pickle.dumps([tuple(read) for read in reads], pickle.HIGHEST_PROTOCOL)
        packed = zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)
        self._new.append((key, packed_reads, packed, self._today, self._code))
        self._unwritten += len(packed_reads) + len(packed)
        if self._unwritten >= _BATCH_BYTES:
            self._write(final=False)

    def close(self) -> None:
        """Write what was put, mark what was used, drop entries long unused."""
        if self._db is not None:
            self._write(final=True)
        if self._db is not None:
            self._db.close()
            self._db = None

    def _write(self, *, final: bool) -> None:
        """Write the results put so far in one transaction; when `final`, also mark the ones
        used and drop those long unused. A run that changes nothing writes nothing."""
        assert self._db is not None
        if not self._new and not (final and self._used):
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)", self._new)
                if final:
                    self._db.executemany("UPDATE results SET used = ? WHERE key = ?", self._used)
                    self._db.execute(
                        "DELETE FROM results WHERE used < ? OR (code != ? AND used < ?)",
                        (self._today - _KEPT_DAYS, self._code, self._today - _OTHER_CODE_KEPT_DAYS),
                    )
        except sqlite3.Error:  # another run holds the store too long, or the disk is full
            self._fail()
        finally:
            self._new.clear()
            self._unwritten = 0

    def _fail(self) -> None:
        """Turn the cache off for the rest of the run."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
    try:
        # Rows of a few KB, appended in rowid order (keys are random: a table ordered by
        # them would leave its pages half empty), several to a page.
        connection.execute("PRAGMA page_size = 16384")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, reads BLOB NOT NULL,"
            " value BLOB NOT NULL, used INTEGER NOT NULL, code BLOB NOT NULL)"
        )
    except BaseException:
        connection.close()
        raise
    return connection


def _remove(path: Path) -> bool:
    """Remove a database and its journal files; False if it cannot be."""
    try:
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            name.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _scope(plan: Any) -> tuple[bytes, bytes]:
    """A digest of mdcheck's code and libraries; and one of those and `plan`."""
    code = hashlib.blake2b(_code_fingerprint().encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return code, hashlib.blake2b(code + _canonical(plan).encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _code_fingerprint() -> str:
    """mdcheck's version and files (each file's size and time: an edited checkout counts as
    new code), Python's version, and the versions of the parsing libraries."""
    package = Path(__file__).parent
    parts = [__version__, sys.version]
    for directory, subdirectories, files in sorted(os.walk(package)):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        for name in sorted(files):
            stat = os.stat(os.path.join(directory, name))
            parts.append(f"{os.path.relpath(os.path.join(directory, name), package)}:{stat.st_size}:{stat.st_mtime_ns}")
    # The libraries whose behaviour a result depends on: the parsers of Markdown, YAML, HTML.
    parts += [markdown_it.__version__, mdit_py_plugins.__version__, yaml.__version__, etree.__version__]
    return "\n".join(parts)


def _canonical(value: Any) -> str:
    """A text that is the same for equal values in every process (sets and mappings in a
    fixed order, functions and classes by name). TypeError for a value with no such text."""
    if value is None or isinstance(value, (bool, int, float, str, bytes, PurePath, enum.Enum)):
        return repr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ",".join(f"{f.name}={_canonical(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__module__}.{type(value).__qualname__}({fields})"
    if isinstance(value, Mapping):
        return "{" + ",".join(sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "set(" + ",".join(sorted(map(_canonical, value))) + ")"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__qualname__}(" + ",".join(map(_canonical, value)) + ")"
    if isinstance(value, (type, FunctionType, BuiltinFunctionType)):
        return f"{value.__module__}.{value.__qualname__}"
    raise TypeError(f"no canonical form for {type(value).__qualname__}")

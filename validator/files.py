"""Reading files within a size, writing them so that nothing is ever half-written, and where
mdcheck keeps its cache."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from validator.config import ConfigError
from validator.paths import not_a_file


# The most text read from a config file, template or a section's front matter.
TEXT_LIMIT = 64 * 2**20


def read_at_most(path: str | Path, limit: int) -> bytes:
    """The first `limit` + 1 bytes of a regular file at most (one more than `limit` tells
    that it is larger), read into a buffer of the file's size, not of `limit`: a buffer of
    megabytes per file costs more than reading a small file. Only a regular file is read: a
    named pipe would block the run, and a device such as /dev/zero never ends. Raises
    OSError (IsADirectoryError)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if kind := not_a_file(info.st_mode):
            raise OSError(errno.EINVAL, f"is {kind}, not a file", str(path))
        handle = open(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        data = handle.read(min(info.st_size, limit) + 1)
        if len(data) > info.st_size:  # grown since
            data += handle.read(limit + 1 - len(data))
        return data


def texts_under(folders: Iterable[Path], suffixes: tuple[str, ...], budget: int) -> Iterator[tuple[str, str]]:
    """The files below `folders` whose names end with one of `suffixes` (case aside), each
    as its path below its folder and its text, in order, `budget` bytes in all at most;
    `node_modules` is skipped, and a file that cannot be read."""
    for folder in folders:
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if name != "node_modules")
            for name in sorted(names):
                if budget <= 0:
                    return
                if not name.lower().endswith(suffixes):
                    continue
                path = Path(directory, name)
                try:
                    with path.open("rb") as file:
                        data = file.read(budget)
                except OSError:
                    continue
                budget -= len(data)
                yield os.path.relpath(path, folder), data.decode("utf-8", "replace")


def read_text(path: str | Path, errors: str = "strict", *, keep_lone_returns: bool = False) -> str:
    """A regular file's UTF-8 text (a BOM dropped, line endings made LF, a lone carriage
    return too unless `keep_lone_returns`), up to TEXT_LIMIT. Raises OSError
    (UnicodeDecodeError with `errors="strict"`)."""
    data = read_at_most(path, TEXT_LIMIT)
    if len(data) > TEXT_LIMIT:
        raise OSError(errno.EFBIG, f"is larger than {TEXT_LIMIT:,} bytes", str(path))
    text = data.decode("utf-8-sig", errors)
    if "\r" not in text:
        return text
    text = text.replace("\r\n", "\n")
    return text if keep_lone_returns else text.replace("\r", "\n")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8 with LF line endings) to `path` through a temporary file
    in the same directory, so a reader never sees a partial file and a failure leaves the
    old file as it was. A symbolic link is written through: its target is replaced, the
    link kept. What is no regular file (a FIFO, `/dev/stdout`) is written to as it is, not
    replaced by a file. A directory, or one that cannot be written to, is a ConfigError
    (exit 2)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise ConfigError(str(path), "cannot write: it is a directory")
    if status is not None and not stat.S_ISREG(status.st_mode):
        try:
            # (not blocking at the opening: a FIFO that no process reads is an error, not a hang)
            descriptor = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
            os.set_blocking(descriptor, True)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise ConfigError(str(path), "cannot write: a FIFO that no process reads") from exc
            raise _unwritable(path, exc) from exc
        return
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        os.chmod(temporary, status.st_mode & 0o777 if status is not None else 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        os.unlink(temporary)
        if isinstance(exc, OSError):  # a full disk, a read-only file system
            raise _unwritable(path, exc) from exc
        raise


def _unwritable(path: Path, exc: OSError) -> ConfigError:
    return ConfigError(str(path), f"cannot write: {(exc.strerror or str(exc)).lower()}")


def cache_dir() -> Path:
    """Where mdcheck keeps what it can rebuild: `$MDCHECK_CACHE_DIR`, else the user's cache
    directory (`$XDG_CACHE_HOME`, by default `~/.cache`) + `mdcheck`."""
    if configured := os.environ.get("MDCHECK_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mdcheck"

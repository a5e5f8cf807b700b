"""Reading files within a size, writing them so that nothing is ever half-written, and where
mdcheck keeps its cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from validator.config import ConfigError


def read_at_most(path: str, limit: int) -> bytes:
    """The first `limit` + 1 bytes of a file at most (one more than `limit` tells that it is
    larger), read into a buffer of the file's size, not of `limit`: a buffer of megabytes per
    file costs more than reading a small file. Raises OSError."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(size, limit) + 1)
        if len(data) > size:  # grown since, or no regular file (its size is 0)
            data += handle.read(limit + 1 - len(data))
        return data


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8 with LF line endings) to `path` through a temporary file
    in the same directory, so a reader never sees a partial file and a failure leaves the
    old file as it was. A directory that cannot be written to is a ConfigError (exit 2)."""
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.resolve().parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise ConfigError(str(path), f"cannot write: {(exc.strerror or str(exc)).lower()}") from exc
    try:
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def cache_dir() -> Path:
    """Where mdcheck keeps what it can rebuild: `$MDCHECK_CACHE_DIR`, else the user's cache
    directory (`$XDG_CACHE_HOME`, by default `~/.cache`) + `mdcheck`."""
    if configured := os.environ.get("MDCHECK_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mdcheck"

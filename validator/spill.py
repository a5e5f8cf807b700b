"""Records kept pickled in a temporary file and unpickled when read: what a run keeps of
every page (summaries, rendered pages) costs disk, not memory, whatever the site's size.
A small site's records are also kept in memory, unpickled once: its stages read them
several times over."""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

_T = TypeVar("_T")
_BLOCK = 1 << 20  # bytes written, and read when going through the records in order, at once
# The pickled size up to which a spill also keeps its records in memory: about 2,500
# pages' summaries, four to five times as much once unpickled. Past it they are let go.
KEEP_BYTES = 2 << 20


def pack(record: Any) -> bytes:
    """A record as `Spill.append` takes it; made where the record is (in a worker, say), so
    that only bytes travel."""
    return pickle.dumps(record, pickle.HIGHEST_PROTOCOL)


class Spill(Sequence[_T]):
    """A sequence of records appended as `pack`ed bytes and unpickled at every read, with
    nothing kept in memory but where each record ends; or, while the records' packed size
    is at most `keep` bytes, unpickled once and kept (records are immutable)."""

    def __init__(self, keep: int | None = None) -> None:
        self._file = tempfile.TemporaryFile()
        weakref.finalize(self, self._file.close)
        self._ends = array("q")  # the file offset where each record ends
        self._unwritten = bytearray()
        self._keep = KEEP_BYTES if keep is None else keep
        self._kept: list[_T] | None = []
        self._labels: list[Any] | None = []

    def append(self, packed: bytes, label: Any = None) -> None:
        """Adds a record; with a `label`, a small value told of it (its key, say) that
        `labels` gives without unpickling it."""
        if self._labels is not None:
            if label is None:
                self._labels = None
            else:
                self._labels.append(label)
        self._unwritten += packed
        self._ends.append((self._ends[-1] if self._ends else 0) + len(packed))
        if self._kept is not None:
            if self._ends[-1] <= self._keep:
                self._kept.append(pickle.loads(packed))
            else:
                self._kept = None
        if len(self._unwritten) >= _BLOCK:
            self._write()

    def extend(self, packed: Iterable[bytes]) -> None:
        for record in packed:
            self.append(record)

    @property
    def labels(self) -> Sequence[Any] | None:
        """Each record's label, when every record was given one."""
        return self._labels

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> list[_T]: ...

    def __getitem__(self, index: int | slice) -> _T | list[_T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError("spill index out of range")
        index %= len(self)
        if self._kept is not None:
            return self._kept[index]
        start = self._ends[index - 1] if index else 0
        return pickle.loads(self._read(start, self._ends[index] - start))

    def __iter__(self) -> Iterator[_T]:
        if self._kept is not None:
            index = 0
            while index < len(self):  # by index: records appended meanwhile may end the keeping
                yield self[index]
                index += 1
            return
        block, block_start, start = b"", 0, 0
        for end in self._ends:
            if end > block_start + len(block):
                block, block_start = self._read(start, max(_BLOCK, end - start)), start
            yield pickle.loads(memoryview(block)[start - block_start : end - block_start])
            start = end

    def _write(self) -> None:
        self._file.seek(0, os.SEEK_END)
        self._file.write(self._unwritten)
        self._unwritten.clear()

    def _read(self, offset: int, size: int) -> bytes:
        if self._unwritten:
            self._write()
        self._file.seek(offset)
        return self._file.read(size)

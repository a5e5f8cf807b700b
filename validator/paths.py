"""Finding the Markdown files to check, and matching paths against config globs."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

# The extensions Hugo 0.168 reads as Markdown content.
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown"})
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})
# A Hugo site's or theme's own files (its config, `theme.toml`): beside them, `archetypes/`
# holds the templates `hugo new` fills in, which are no content.
_HUGO_ROOT_NAMES = frozenset(
    {f"{name}.{ext}" for name in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")} | {"theme.toml"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A path to check, or one that could not be walked (`problem` says why)."""

    path: Path
    real: str  # see real_path
    problem: str | None = None


class Glob:
    """A gitignore-like glob: `*` stays within a path segment, `**` as a segment of its own
    crosses any number of them (elsewhere it is `*`). A pattern without a slash matches a
    file or directory name at any depth, and a match on a directory covers everything below
    it. Matched segment by segment, each pair of places once: linear in the pattern's and
    the path's segments, whatever the number of `**` (a regular expression's backtracking
    over `(?:.*/)?a/(?:.*/)?b…` is exponential)."""

    def __init__(self, pattern: str) -> None:
        pattern = pattern.strip().removeprefix("./")
        anchored = "/" in pattern.rstrip("/")
        parts = ([] if anchored else ["**"]) + pattern.strip("/").split("/")
        self.segments: list[re.Pattern[str] | None] = []  # None: `**`
        for part in parts:
            if part == "**":
                if not self.segments or self.segments[-1] is not None:
                    self.segments.append(None)
            else:
                try:
                    self.segments.append(_segment(part))
                except ValueError as exc:
                    raise ValueError(f"{pattern!r} is no glob: {exc}") from None

    def match(self, path: str) -> bool:
        names, segments = path.split("/"), self.segments
        pending, seen = [(0, 0)], {(0, 0)}
        while pending:
            at, name = pending.pop()
            if at == len(segments):
                return True  # (on a directory: all below it)
            following = []
            if segments[at] is None:
                following.append((at + 1, name))
                if name < len(names):
                    following.append((at, name + 1))
            elif name < len(names) and segments[at].fullmatch(names[name]):  # type: ignore[union-attr]
                following.append((at + 1, name + 1))
            for place in following:
                if place not in seen:
                    seen.add(place)
                    pending.append(place)
        return False


def _segment(part: str) -> re.Pattern[str]:
    """A pattern's segment as a regular expression of one name; ValueError when its `[…]`
    is not a character class (`[z-a]`)."""
    out, index = [], 0
    while index < len(part):
        char = part[index]
        if char == "*":
            while part.startswith("*", index + 1):
                index += 1  # `**` within a segment is `*`
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := part.find("]", index + 1)) > index:
            body = part[index + 1 : end].replace("\\", "\\\\")
            out.append(f"[^{body[1:]}]" if body.startswith("!") else f"[{body}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ValueError(str(exc)) from None


class GlobSet:
    def __init__(self, patterns: Iterable[str]):
        self.patterns = tuple(patterns)
        self._globs = [Glob(p) for p in self.patterns]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, path: str) -> bool:
        """Does a POSIX path relative to the config's directory match any pattern?"""
        return any(glob.match(path) for glob in self._globs)


def is_markdown(path: str | os.PathLike[str]) -> bool:
    return os.path.splitext(path)[1].lower() in MARKDOWN_EXTENSIONS


def walk(paths: Iterable[Path], accept: Callable[[str], bool] | None = None) -> Iterator[Candidate]:
    """Markdown files (or the files whose name `accept`s) under `paths`; explicit files are
    taken whatever their extension.

    Symlinks to directories are followed once: a directory already seen (a loop, or two
    links to one place) is not walked again. Hidden directories are skipped.
    """
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk_dir(path, seen, accept or is_markdown)
        elif path.is_symlink() and (problem := _linked_problem(str(path))):
            yield Candidate(path, real_path(path), problem)
        elif path.exists() or path.is_symlink():
            yield Candidate(path, real_path(path))
        else:
            yield Candidate(path, real_path(path), "no such file or directory")


def _walk_dir(top: Path, seen: set[tuple[int, int]], accept: Callable[[str], bool]) -> Iterator[Candidate]:
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            info = directory.stat()
        except OSError as exc:
            yield Candidate(directory, real_path(directory), _os_reason(exc))
            continue
        real_directory = real_path(directory)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            if directory.is_symlink() and _is_loop(directory):
                problem = "symbolic link loop (points to a folder that contains it); not followed"
                yield Candidate(directory, real_directory, problem)
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            yield Candidate(directory, real_directory, _os_reason(exc))
            continue
        subdirs = []
        hugo_root = any(entry.name in _HUGO_ROOT_NAMES for entry in entries)
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                yield Candidate(Path(entry.path), real_path(entry.path), _os_reason(exc))
                continue
            if is_dir:
                skipped = entry.name in _SKIPPED_DIRS or (hugo_root and entry.name == "archetypes")
                if not entry.name.startswith(".") and not skipped:
                    subdirs.append(Path(entry.path))
            elif accept(entry.name):
                # Only a link's real path needs the file system: the folder's is known.
                link = entry.is_symlink()
                real = real_path(entry.path) if link else os.path.join(real_directory, entry.name)
                if link and not os.path.exists(entry.path):
                    yield Candidate(Path(entry.path), real, "broken symbolic link")
                elif link and (problem := _linked_problem(entry.path)):
                    # (a link to /dev/zero: its real path is no content's, but the link is)
                    yield Candidate(Path(entry.path), real, problem)
                else:
                    yield Candidate(Path(entry.path), real)
        stack.extend(reversed(subdirs))


# What a path can name besides a regular file (a directory aside), as a message says it.
_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                (stat.S_ISSOCK, "a socket"))


def not_a_file(mode: int) -> str | None:
    """What a file's `st_mode` names when it is neither a regular file nor a directory (a
    named pipe, a device, a socket: reading one blocks or never ends), as a message says it."""
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), None)


def _linked_problem(path: str) -> str | None:
    """Why a symbolic link is not read when it leads to neither a file nor a folder (a
    device, a named pipe); None else."""
    try:
        kind = not_a_file(os.stat(path).st_mode)
    except OSError:
        return None
    return f"is a symbolic link to {kind}, not a file; not read" if kind else None


def real_path(path: str | os.PathLike[str]) -> str:
    """`os.path.realpath`, or the absolute path where the file system will not tell (a
    link into a folder that may not be read)."""
    try:
        return os.path.realpath(path)
    except OSError:
        return os.path.abspath(path)


def _is_loop(link: Path) -> bool:
    target = real_path(link)
    parent = real_path(link.parent)
    return parent == target or parent.startswith(target.rstrip(os.sep) + os.sep)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def display_path(path: Path | str, base: Path | str) -> str:
    """`path` relative to `base` when below it, else absolute; POSIX separators. (With
    strings, not pathlib: it runs once or twice for every file of a site.)"""
    absolute, start = os.path.abspath(path), os.path.abspath(base)
    if absolute == start:
        return "."
    prefix = os.path.join(start, "")
    shown = absolute[len(prefix) :] if absolute.startswith(prefix) else absolute
    return shown.replace(os.sep, "/")


def fragment_id(fragment: str) -> str:
    """The element id a URL's fragment (as written) names, decoded; without a text fragment
    directive, which browsers take off before looking for the id (`#id:~:text=word`
    scrolls to `id`, then to the word; `#:~:text=word` names no id)."""
    return unquote(fragment.split(":~:", 1)[0])


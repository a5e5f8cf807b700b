"""Finding the Markdown files to check, and matching paths against config globs."""

from __future__ import annotations

import os
import re
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


def compile_glob(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `*` stays within a path segment, `**` crosses them.

    A pattern without a slash matches a file or directory name at any depth.
    """
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1 : end].replace("\\", "\\\\")
                out.append(f"[^{body[1:]}]" if body.startswith("!") else f"[{body}]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A match on a directory covers everything below it.
    return re.compile(f"^{prefix}{''.join(out)}(?:/.*)?$")


class GlobSet:
    def __init__(self, patterns: Iterable[str]):
        self.patterns = tuple(patterns)
        self._compiled = [compile_glob(p) for p in self.patterns]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, path: str) -> bool:
        """Does a POSIX path relative to the config's directory match any pattern?"""
        return any(regex.match(path) for regex in self._compiled)


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
                else:
                    yield Candidate(Path(entry.path), real)
        stack.extend(reversed(subdirs))


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


"""Baselines: today's findings recorded in a file, so a run fails only on new ones.

A finding is recorded by its fingerprint: the rule, the file and the message (which names
the offending text), never the line number, so edits elsewhere in the file do not turn a
known finding into a new one. A file may hold the same fingerprint several times; each
record accepts one finding. Paths are stored relative to the baseline file's directory, so
the baseline works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.config import ConfigError
from validator.files import read_text, write_atomic
from validator.model import Problem, counted, data_error

FORMAT_VERSION = 1
STALE_SHOWN = 5  # stale records named one by one in the summary
# "on line 12", "(line 3)", "HTML line 40": the place of another finding, not the offending text
_LINE_REFERENCE = re.compile(r"\b(lines?) \d+(?:[-–]\d+)?")


# " (and on 3 other pages, where a template writes it)": the other pages showing the same
# defect, which come and go as pages do
_OTHER_PAGES = re.compile(r" \(and on \d+ other [^()]*\)")


def fingerprint(rule: str, path: str, message: str, *, legacy: bool = False) -> str:
    """A finding's identity across edits: rule, file and message, line references and the
    count of other pages removed (`legacy`: the count kept, as earlier baselines were written)."""
    text = _LINE_REFERENCE.sub(r"\1 N", message)
    if not legacy:
        text = _OTHER_PAGES.sub("", text)
    return hashlib.sha256("\0".join((rule, path, text)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Entry:
    rule: str
    path: str  # POSIX, relative to the baseline file's directory
    message: str  # for people reading the file; matching uses the fingerprint
    fingerprint: str


@dataclass(frozen=True)
class Baseline:
    directory: Path
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Filtered:
    """What a baseline leaves of a run: the new problems, how many it hid, stale records."""

    problems: list[Problem]
    known: int
    stale: tuple[Entry, ...]

    def notes(self, baseline_path: Path) -> tuple[str, ...]:
        notes = []
        if self.known:
            notes.append(f"{counted(self.known, 'finding')} in the baseline {baseline_path} not shown.")
        if self.stale:
            verb = "matches" if len(self.stale) == 1 else "match"
            notes.append(
                f"Stale baseline: {counted(len(self.stale), 'entry', 'entries')} {verb} no finding "
                f"any more; refresh it with --write-baseline {baseline_path}:"
            )
            notes.extend(f"  {e.path}: {e.rule}: {e.message}" for e in self.stale[:STALE_SHOWN])
            if len(self.stale) > STALE_SHOWN:
                notes.append(f"  … and {len(self.stale) - STALE_SHOWN} more")
        return tuple(notes)


def relative_to(path: str, directory: Path) -> str:
    """A reported path (relative to the working directory, or absolute) relative to `directory`."""
    return Path(os.path.relpath(os.path.abspath(path), directory.resolve())).as_posix()


def entry(problem: Problem, directory: Path) -> Entry:
    path = relative_to(problem.path, directory)
    key = fingerprint(problem.rule, path, _files_relative(problem.message, directory))
    return Entry(problem.rule, path, problem.message, key)


def _legacy_fingerprint(found: Entry, problem: Problem, directory: Path) -> str:
    """The fingerprint an earlier version recorded for the problem: with the count of other pages."""
    if not _OTHER_PAGES.search(problem.message):
        return found.fingerprint
    return fingerprint(problem.rule, found.path, _files_relative(problem.message, directory), legacy=True)


# A file a message names (the page a link leads to, a template), as the working directory
# has it (`content/b.md`, `../b.md`, or absolute); not a quoted address (`link to 'b.md'`)
_NAMED_FILE = re.compile(
    r"(?<![\w/.'\"])(?:/|(?:\.\./)*)[\w@~+-][\w.@~+-]*(?:/[\w.@~+-]+)*\.(?:md|markdown|html?|toml|ya?ml|json)\b"
)


def _files_relative(message: str, directory: Path) -> str:
    """The message with the files it names made relative to `directory`, as the entry's own
    path is: a run from another working directory names them otherwise (`content/b.md`,
    `site/content/b.md`), and the finding is the same."""

    def relative(match: re.Match[str]) -> str:
        return relative_to(match[0], directory) if os.path.isfile(match[0]) else match[0]

    return _NAMED_FILE.sub(relative, message)


def write_baseline(path: Path, problems: Sequence[Problem]) -> int:
    """Record `problems` in `path` (atomically); returns how many were recorded."""
    directory = path.resolve().parent
    entries = sorted(
        (entry(p, directory) for p in problems), key=lambda e: (e.path, e.rule, e.message)
    )
    data = {
        "version": FORMAT_VERSION,
        "tool": "mdcheck",
        "findings": [
            {"path": e.path, "rule": e.rule, "message": e.message, "fingerprint": e.fingerprint}
            for e in entries
        ],
    }
    # A file name that is not UTF-8 holds surrogates: written as JSON escapes, read back the same
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace"))
    return len(entries)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is a ConfigError (exit 2)."""
    label = str(path)
    try:
        data = json.loads(read_text(path))
    except FileNotFoundError as exc:
        raise ConfigError(label, "no such baseline file (write one with --write-baseline)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(label, f"cannot read the baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(label, f"not a baseline (invalid JSON: {exc})") from exc
    except ValueError as exc:
        raise ConfigError(label, f"not a baseline (invalid JSON: {data_error(exc)})") from exc
    except RecursionError as exc:
        raise ConfigError(label, "not a baseline (invalid JSON: it nests values too deeply)") from exc
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ConfigError(label, f"not an mdcheck baseline of version {FORMAT_VERSION}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ConfigError(label, "'findings' must be a list")
    return Baseline(path.resolve().parent, tuple(_entry(item, label) for item in findings))


def _entry(item: Any, label: str) -> Entry:
    fields = ("rule", "path", "message", "fingerprint")
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
        raise ConfigError(label, f"each finding needs the strings {', '.join(fields)}; got {item!r}")
    return Entry(item["rule"], item["path"], item["message"], item["fingerprint"])


def apply_baseline(
    problems: Sequence[Problem], baseline: Baseline, checked: Collection[str]
) -> Filtered:
    """Drop the problems the baseline records. A record is stale when nothing matched it and
    its file was checked in this run (`checked`: reported paths) or no longer exists."""
    available = Counter(e.fingerprint for e in baseline.entries)
    new: list[Problem] = []
    for problem in problems:
        found = entry(problem, baseline.directory)
        for key in dict.fromkeys((found.fingerprint, _legacy_fingerprint(found, problem, baseline.directory))):
            if available[key] > 0:
                available[key] -= 1
                break
        else:
            new.append(problem)
    checked_here = {relative_to(path, baseline.directory) for path in checked}
    stale = []
    for record in baseline.entries:
        if available[record.fingerprint] <= 0:
            continue
        if record.path in checked_here or not (baseline.directory / record.path).exists():
            available[record.fingerprint] -= 1
            stale.append(record)
    return Filtered(new, len(problems) - len(new), tuple(stale))



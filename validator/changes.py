"""`--changed-since REF`: the files a change touches, and the links elsewhere it breaks.

The change is everything between the merge base of REF and HEAD and the working tree:
commits on the branch, staged and unstaged edits, and new files git does not ignore. Only
changed files are reported, but the whole site is read, so cross-page rules still see every
page. A heading renamed or removed by the change breaks links on pages the change did not
touch; those links are reported too: a site-rule finding on an unchanged page is the
change's doing when it disappears once the changed pages get their old ids back.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from validator.config import Config, ConfigError
from validator.directives import markdownlint_names, parse_directives
from validator.document import parse_document
from validator.engine import Outcome, PageSummary, Site, Target
from validator.files import read_at_most
from validator.model import Problem, Rule
from validator.paths import real_path
from validator.settings import SiteConfig

GIT_TIMEOUT = 60  # seconds
_OBJECT_TYPES = (b"blob", b"tree", b"commit", b"tag")


@dataclass(frozen=True)
class Change:
    ref: str  # as the user named it
    base: str  # the merge base of `ref` and HEAD
    top: Path  # the repository's top-level directory
    paths: frozenset[str]  # real paths of the changed files that exist in the working tree

    def select(self, targets: Sequence[Target]) -> list[Target]:
        """The targets the change touches."""
        return [t for t in targets if real_path(t.path) in self.paths]

    def old_versions(self, paths: Sequence[str]) -> dict[str, bytes]:
        """The files as they were at the merge base (one git process for all); a file that
        did not exist there is left out."""
        specs = {path: self._relative(path) for path in paths}
        wanted = [path for path, relative in specs.items() if "\n" not in relative]
        # (a file name that is not UTF-8 stands in the path as its bytes, escaped: as they were)
        request = "".join(f"{self.base}:{specs[path]}\n" for path in wanted).encode("utf-8", "surrogateescape")
        output = git_output(self.top, "cat-file", "--batch", stdin=request)
        found, position = {}, 0
        for path in wanted:
            end = output.index(b"\n", position)
            header = output[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] in _OBJECT_TYPES:  # else "<spec> missing"
                size = int(header[2])
                if header[1] == b"blob":
                    found[path] = output[position : position + size]
                position += size + 1
        return found

    def _relative(self, path: str) -> str:
        return Path(os.path.relpath(real_path(path), self.top)).as_posix()

    def note(self, checked: int) -> str:
        files = "file" if checked == 1 else "files"
        return f"Checked the {checked} {files} changed since {self.ref} (merge base {self.base[:12]})."

    def report(
        self,
        outcome: Outcome,
        targets: Sequence[Target],
        config: Config,
        site: SiteConfig,
        registry: Mapping[str, Rule],
    ) -> tuple[list[Problem], tuple[str, ...]]:
        """The run's problems with those the change causes elsewhere, and a note for the summary."""
        broken = broken_by_change(outcome, targets, self, config, site, registry)
        return sorted([*outcome.problems, *broken]), (self.note(outcome.files),)


def find_change(ref: str, start: Path) -> Change:
    """The change since the merge base of `ref` and HEAD, in the repository around `start`."""
    if not ref.strip() or ref.startswith("-"):  # git would read `--octopus` as its option
        raise ConfigError("--changed-since", f"{ref!r} is not a git revision (a branch, tag or commit)")
    directory = start if start.is_dir() else start.parent
    top = Path(git_output(directory, "rev-parse", "--show-toplevel").decode().strip())
    base = git_output(top, "merge-base", ref, "HEAD").decode().strip()
    names = [
        *_names(git_output(top, "diff", "--name-only", "--no-renames", "-z", base, "--")),
        *_names(git_output(top, "ls-files", "--others", "--exclude-standard", "-z")),
    ]
    paths = {real_path(top / name) for name in names}
    return Change(ref, base, top, frozenset(p for p in paths if os.path.isfile(p)))


def broken_by_change(
    outcome: Outcome,
    targets: Sequence[Target],
    change: Change,
    config: Config,
    site: SiteConfig,
    registry: Mapping[str, Rule],
) -> list[Problem]:
    """Site-rule problems on pages outside the change that the change caused: links to ids
    the changed pages no longer have. `targets` are the run's, context included."""
    reported = {t.display for t in targets if not t.context}
    widened = _with_old_ids(outcome.pages, reported, change, site)
    rules = [
        registry[rule_id]
        for rule_id in config.rules
        if rule_id in registry and registry[rule_id].stage == "site" and registry[rule_id].check
    ]
    if not widened or not rules:
        return []
    now = Site(site, outcome.pages)
    before = Site(site, tuple(widened.get(page.path, page) for page in outcome.pages))
    context = {t.display: t for t in targets if t.context}
    problems = []
    for rule in rules:
        setting = config.rules[rule.id]
        assert rule.check is not None
        try:
            known = {(f.path, f.line, f.column) for f in rule.check(before, setting.options)}
            findings = list(rule.check(now, setting.options))
        except Exception:  # the run already reported the crash as internal-error
            continue
        for finding in findings:
            target = context.get(finding.path or "")
            if target is None or rule.id in target.ignored:
                continue
            if (finding.path, finding.line, finding.column) in known:
                continue
            problems.append(
                Problem(
                    target.display,
                    max(finding.line, 1),
                    max(finding.column, 1),
                    rule.id,
                    setting.severity,
                    f"{finding.message} (renamed or removed by the changes since {change.ref})",
                )
            )
    return _unsuppressed(problems, context, site, registry, config.max_file_size)


def _with_old_ids(
    pages: Sequence[PageSummary], reported: set[str], change: Change, site: SiteConfig
) -> dict[str, PageSummary]:
    """Changed pages that lost ids, with their ids from before the change added back."""
    changed = [page for page in pages if page.path in reported]
    old = change.old_versions([page.path for page in changed])
    widened = {}
    for page in changed:
        if page.path not in old:
            continue
        old_ids = parse_document(page.path, old[page.path], site.markup, site).ids
        if old_ids - page.ids:
            widened[page.path] = dataclasses.replace(page, ids=page.ids | old_ids)
    return widened


def _unsuppressed(
    problems: list[Problem], targets: Mapping[str, Target], site: SiteConfig, registry: Mapping[str, Rule], limit: int
) -> list[Problem]:
    """Drop problems the page's own `mdcheck-disable` comments suppress (context pages are
    read without their directives). A page that cannot be read again keeps its problems."""
    known = frozenset(registry)
    markdownlint = markdownlint_names(registry)
    kept = []
    for path in sorted({p.path for p in problems}):
        try:
            data = read_at_most(targets[path].path, limit)
        except OSError:
            kept.extend(p for p in problems if p.path == path)
            continue
        doc = parse_document(path, data, site.markup, site)
        suppressions, _ = parse_directives(doc.comments, known, markdownlint)
        kept.extend(
            p for p in problems if p.path == path and not suppressions.suppressed(p.rule, p.line)
        )
    return kept


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def git_output(cwd: Path, *args: str, stdin: bytes = b"") -> bytes:
    """Run git; a failure is a ConfigError (exit 2) with git's own message."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError as exc:
        raise ConfigError("--changed-since", "git is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise ConfigError("--changed-since", f"git {args[0]} took longer than {GIT_TIMEOUT}s") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[0] if message else f"exit status {result.returncode}"
        raise ConfigError("--changed-since", f"git {args[0]} failed: {reason}")
    return result.stdout

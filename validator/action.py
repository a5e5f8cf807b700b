"""The GitHub Action's step (`python -m validator.action`): runs `mdcheck check`, annotates
the findings, writes the job summary, the outputs and optionally a SARIF file.

Inputs come as `INPUT_*` environment variables (set by action.yml); the runner's own
variables (`GITHUB_EVENT_NAME`, `GITHUB_BASE_REF`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`,
…) say where it runs. Exit status: 1 when findings reach `fail-on`, 2 when mdcheck could
not run.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from validator.files import write_atomic
from validator.model import Problem, Severity
from validator.registry import RULES
from validator.report import Summary, render, summary_line

PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")
FAIL_LEVELS = ("error", "warning", "never")
TABLE_ROWS = 25  # findings listed in the job summary


@dataclass(frozen=True)
class Inputs:
    path: str
    args: tuple[str, ...]
    build: bool
    changed_since: str | None  # the base to compare with, when only changed files count
    fail_on: str
    sarif: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Inputs:
        fail_on = env.get("INPUT_FAIL_ON", "error").strip() or "error"
        if fail_on not in FAIL_LEVELS:
            raise ValueError(f"fail-on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
        return cls(
            path=env.get("INPUT_PATH", "").strip() or ".",
            args=tuple(shlex.split(env.get("INPUT_ARGS", ""))),
            build=_flag(env.get("INPUT_BUILD", "false"), "build"),
            changed_since=_changed_since(env),
            fail_on=fail_on,
            sarif=env.get("INPUT_SARIF", "").strip() or None,
        )

    def command(self) -> list[str]:
        command = [sys.executable, "-P", "-m", "validator", "check", *self.args, "--format", "json"]
        if self.build:
            command.append("--build")
        if self.changed_since:
            command += ["--changed-since", self.changed_since]
        return [*command, self.path]


def _flag(value: str, name: str) -> bool:
    value = value.strip().lower()
    if value in ("true", "false"):
        return value == "true"
    raise ValueError(f"{name} must be true or false, not {value!r}")


def _changed_since(env: Mapping[str, str]) -> str | None:
    """The base ref when only the change is checked: `changed-only` is auto (on for pull
    requests), true or false; `base-ref` defaults to the pull request's base branch."""
    setting = env.get("INPUT_CHANGED_ONLY", "auto").strip().lower() or "auto"
    if setting == "auto":
        enabled = env.get("GITHUB_EVENT_NAME", "") in PULL_REQUEST_EVENTS
    else:
        enabled = _flag(setting, "changed-only")
    if not enabled:
        return None
    explicit = env.get("INPUT_BASE_REF", "").strip()
    base = env.get("GITHUB_BASE_REF", "").strip()
    if explicit or base:
        return explicit or f"origin/{base}"
    raise ValueError("changed-only needs a base: set base-ref, or run on a pull_request event")


def main(env: Mapping[str, str] = os.environ) -> int:
    try:
        inputs = Inputs.from_env(env)
    except ValueError as exc:
        print(f"::error title=mdcheck::{exc}")
        return 2
    if inputs.changed_since:
        _fetch_base(inputs.changed_since)
    result = subprocess.run(inputs.command(), capture_output=True, text=True, check=False)
    sys.stderr.write(result.stderr)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        report = None
    if report is None:
        print(f"::error title=mdcheck::{_escaped(_failure(result))}")
        details = f"### mdcheck could not run\n\n```\n{result.stderr.strip()}\n```\n"
        _append(env.get("GITHUB_STEP_SUMMARY"), details)
        return 2
    problems = [_problem(item) for item in report["problems"]]
    counts = report["summary"]
    summary = Summary(
        files=counts["files"], pages=counts.get("pages", 0), errors=counts["errors"],
        warnings=counts["warnings"], notes=tuple(counts.get("notes", ())),
    )
    print(render(problems, "github", summary=summary, rules=RULES))
    outputs = {
        "errors": str(summary.errors), "warnings": str(summary.warnings), "files": str(summary.files)
    }
    if inputs.sarif:
        sarif = Path(inputs.sarif)
        sarif.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(sarif, render(problems, "sarif", summary=summary, rules=RULES) + "\n")
        outputs["sarif"] = inputs.sarif
    _append(env.get("GITHUB_STEP_SUMMARY"), job_summary(problems, summary, env))
    _append(env.get("GITHUB_OUTPUT"), "".join(f"{key}={value}\n" for key, value in outputs.items()))
    if result.returncode not in (0, 1):
        # it ran, but not all of it (a failed `--build`): the findings it made are shown above
        print(f"::error title=mdcheck::{_escaped(_failure(result, summary.notes))}")
        return 2
    failed = {"error": summary.errors, "warning": summary.errors + summary.warnings, "never": 0}
    return 1 if failed[inputs.fail_on] else 0


def _failure(result: subprocess.CompletedProcess[str], notes: Sequence[str] = ()) -> str:
    """What stopped mdcheck: its last word on stderr, else its first note, else the status."""
    if stderr := result.stderr.strip():
        return stderr.splitlines()[-1]
    if notes and (first := " ".join(notes[0].splitlines()[:2])):
        return first
    return f"exit status {result.returncode}"


def _escaped(message: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped as the runner reads them."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _fetch_base(ref: str) -> None:
    """Fetch `origin/<branch>` when the checkout lacks it (a shallow or single-branch clone);
    mdcheck then explains any remaining git problem itself."""
    known = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True)
    if known.returncode == 0:
        return
    remote, _, branch = ref.partition("/")
    if remote == "origin" and branch:
        print(f"Fetching {ref} to find the merge base (check out with fetch-depth: 0 to skip this)")
        subprocess.run(
            ["git", "fetch", "--no-tags", "--quiet", "origin", f"+refs/heads/{branch}:refs/remotes/{ref}"],
            check=False,
        )


def _problem(item: Mapping[str, object]) -> Problem:
    return Problem(
        str(item["path"]), int(str(item["line"])), int(str(item["column"])), str(item["rule"]),
        Severity(str(item["severity"])), str(item["message"]),
        str(item["html_path"]) if item.get("html_path") else None,
    )


def job_summary(problems: Sequence[Problem], summary: Summary, env: Mapping[str, str]) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: totals, counts per rule, the first findings."""
    lines = [f"### mdcheck\n\n{summary_line(problems, summary)}", *_notes(summary)]
    if problems:
        lines += ["", "| rule | errors | warnings |", "|---|---:|---:|"]
        by_rule = Counter((p.rule, p.severity) for p in problems)
        for rule in sorted({p.rule for p in problems}):
            errors, warnings = by_rule[rule, Severity.ERROR], by_rule[rule, Severity.WARNING]
            lines.append(f"| `{rule}` | {errors} | {warnings} |")
        lines += ["", "| where | severity | rule | message |", "|---|---|---|---|"]
        ordered = sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.path, p.line, p.column))
        for p in ordered[:TABLE_ROWS]:
            lines.append(f"| {_where(p, env)} | {p.severity} | `{p.rule}` | {_cell(p.message)} |")
        if len(problems) > TABLE_ROWS:
            lines.append(f"\n… and {len(problems) - TABLE_ROWS} more: see the annotations or the log.")
    return "\n".join([*lines, ""])


def _notes(summary: Summary) -> list[str]:
    return ["", *(f"- {_cell(note.strip())}" for note in summary.notes)] if summary.notes else []


def _where(problem: Problem, env: Mapping[str, str]) -> str:
    """`path:line`, linked to the file at the run's commit when the runner says where that is."""
    label = _cell(f"{problem.path}:{problem.line}")
    server, repository, sha = (
        env.get(key, "") for key in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    if not (server and repository and sha) or os.path.isabs(problem.path):
        return label
    return f"[{label}]({server}/{repository}/blob/{sha}/{quote(problem.path)}#L{problem.line})"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no pipes, line breaks or raw HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    )


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    sys.exit(main())

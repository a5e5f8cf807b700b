"""The composite GitHub Action, run step by step the way a runner does: action.yml's inputs
substituted, the runner's environment set, in a pull request's checkout (a clone of a
repository with a base branch and a change)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from test_changes import BASE_SITE, GIT_ENV, git, make_repo, write_files
from validator.action import TABLE_ROWS, job_summary
from validator.model import Problem, Severity
from validator.report import Summary

ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SHA = "0123456789abcdef0123456789abcdef01234567"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    summary: str
    outputs: dict[str, str]

    @property
    def annotations(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith(("::error", "::warning"))]


def substitute(text: str, context: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        assert match.group(1) in context, f"the test runner does not know {match.group(1)!r}"
        return context[match.group(1)]

    return EXPRESSION.sub(value, text)


def run_action(
    workspace: Path,
    tmp_path: Path,
    with_: dict[str, str] | None = None,
    *,
    event: str = "pull_request",
    python: Path = Path(sys.executable),
    install: bool = False,
) -> Run:
    """Run action.yml's steps (the install step only with `install`) as a runner would."""
    unknown = set(with_ or {}) - set(ACTION["inputs"])
    assert not unknown, f"action.yml has no inputs {unknown}"
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | (with_ or {})
    context = {f"inputs.{name}": value for name, value in inputs.items()} | {"runner.temp": str(tmp_path)}
    files = {name: tmp_path / name for name in ("summary.md", "output.txt")}
    for path in files.values():
        path.write_text("", "utf-8")
    runner_env = {
        **os.environ,
        **GIT_ENV,
        "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}",
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_EVENT_NAME": event,
        "GITHUB_BASE_REF": "main" if event == "pull_request" else "",
        "GITHUB_HEAD_REF": "topic" if event == "pull_request" else "",
        "GITHUB_STEP_SUMMARY": str(files["summary.md"]),
        "GITHUB_OUTPUT": str(files["output.txt"]),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "example/site",
        "GITHUB_SHA": SHA,
        "RUNNER_TEMP": str(tmp_path),
    }
    stdout, stderr, code = "", "", 0
    for step in ACTION["runs"]["steps"]:
        if "uses" in step or (step["id"] == "install" and not install):
            continue  # another action (actions/cache) is the runner's to run
        env = runner_env | {key: substitute(str(value), context) for key, value in step.get("env", {}).items()}
        assert step["shell"] == "bash"
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"], context)],
            cwd=workspace, env=env, capture_output=True, text=True, timeout=600,
        )
        stdout += result.stdout
        stderr += result.stderr
        code = result.returncode
        if code:
            break
    raw = dict(line.split("=", 1) for line in files["output.txt"].read_text("utf-8").splitlines() if line)
    steps = {f"steps.check.outputs.{key}": value for key, value in raw.items()}
    outputs = {
        name: substitute(spec["value"], {**{k: "" for k in _output_names()}, **steps})
        for name, spec in ACTION["outputs"].items()
    }
    return Run(code, stdout, stderr, files["summary.md"].read_text("utf-8"), outputs)


def _output_names() -> list[str]:
    return [EXPRESSION.search(spec["value"]).group(1) for spec in ACTION["outputs"].values()]  # type: ignore[union-attr]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A pull request's checkout: origin has `main` and `topic`; the clone has only `topic`,
    as actions/checkout leaves it. The change renames a heading other pages link to and adds
    a post with an error and a warning; an unchanged page has a finding of its own."""
    seed = make_repo(tmp_path / "seed", {**BASE_SITE, "content/posts/old.md": "---\ntitle: Old\n---\n\n[x](#void)\n"})
    guide = seed / "content/posts/guide.md"
    guide.write_text(guide.read_text("utf-8").replace("## Configure", "## Configuration"), "utf-8")
    write_files(seed, {"content/posts/new.md": "---\ntitle: New\n---\n\n# Big | title\n\nSee [x](#nothing).\n"})
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "change")
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(seed), str(origin))
    git(tmp_path, "clone", "-q", "--single-branch", "--branch", "topic", "--no-tags", str(origin), "workspace")
    return tmp_path / "workspace"


def test_pull_request_annotations_summary_outputs_and_sarif(workspace: Path, tmp_path: Path) -> None:
    run = run_action(workspace, tmp_path, {"sarif": "reports/mdcheck.sarif"})
    assert run.code == 1, run.stdout
    assert sorted(_place(a) for a in run.annotations) == [
        ("error", "content/posts/links.md", "7", "broken-anchor"),
        ("error", "content/posts/new.md", "7", "broken-anchor"),
        ("warning", "content/posts/new.md", "5", "content-h1"),
    ]
    (renamed,) = [a for a in run.annotations if "links.md" in a]
    assert "'configure'" in renamed and "(renamed or removed by the changes since origin/main)" in renamed
    assert run.outputs == {"errors": "2", "warnings": "1", "files": "2", "sarif": "reports/mdcheck.sarif"}

    assert re.search(r"Found 2 errors and 1 warning in 2 files \(2 files (and \d+ pages )?checked\)", run.summary)
    assert "- Checked the 2 files changed since origin/main" in run.summary
    assert "| `broken-anchor` | 2 | 0 |" in run.summary and "| `content-h1` | 0 | 1 |" in run.summary
    link = f"[content/posts/new.md:7](https://github.com/example/site/blob/{SHA}/content/posts/new.md#L7)"
    assert f"| {link} | error | `broken-anchor` |" in run.summary
    assert "Big \\| title" in run.summary  # a pipe in a message does not break the table

    sarif = json.loads((workspace / "reports/mdcheck.sarif").read_text("utf-8"))
    results = sarif["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "content/posts/links.md",
        "content/posts/new.md",
    }


def _place(annotation: str) -> tuple[str, ...]:
    """(severity, file, line, rule) of a workflow command."""
    match = re.match(r"::(\w+) file=([^,]+),line=(\d+),col=\d+,title=([^:]+)::", annotation)
    assert match, annotation
    return match.groups()


@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("warning", 1), ("error", 1)])
def test_fail_on(workspace: Path, tmp_path: Path, fail_on: str, code: int) -> None:
    run = run_action(workspace, tmp_path, {"fail-on": fail_on})
    assert run.code == code
    assert run.outputs["errors"] == "2"


def test_warnings_fail_only_when_asked(workspace: Path, tmp_path: Path) -> None:
    run = run_action(workspace, tmp_path, {"args": "--config strict-off.toml"})
    assert run.code == 2  # a missing config file: mdcheck cannot run
    assert "::error title=mdcheck::" in run.stdout and "strict-off.toml" in run.stdout
    assert "mdcheck could not run" in run.summary
    (workspace / "only-warnings.toml").write_text('[rules]\nbroken-anchor = "warning"\n', "utf-8")
    for fail_on, code in (("error", 0), ("warning", 1)):
        run = run_action(workspace, tmp_path, {"args": "--config only-warnings.toml", "fail-on": fail_on})
        assert (run.code, run.outputs["errors"], run.outputs["warnings"]) == (code, "0", "3")


def test_push_checks_the_whole_site(workspace: Path, tmp_path: Path) -> None:
    run = run_action(workspace, tmp_path, event="push")
    assert run.code == 1
    paths = {re.search(r"file=([^,]+)", a).group(1) for a in run.annotations}  # type: ignore[union-attr]
    assert paths == {"content/posts/links.md", "content/posts/new.md", "content/posts/old.md"}
    assert run.outputs["files"] == "5"
    assert "changed since" not in run.summary


def test_changed_only_outside_a_pull_request_needs_a_base(workspace: Path, tmp_path: Path) -> None:
    run = run_action(workspace, tmp_path, {"changed-only": "true"}, event="push")
    assert run.code == 2 and "changed-only needs a base" in run.stdout
    git(workspace, "fetch", "-q", "origin", "main:refs/remotes/origin/main")
    run = run_action(workspace, tmp_path, {"changed-only": "true", "base-ref": "origin/main"}, event="push")
    assert run.code == 1 and run.outputs["files"] == "2"


def test_baseline_through_args(workspace: Path, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "validator", "check", "--write-baseline", "mdcheck-baseline.json"],
        cwd=workspace, check=True, capture_output=True,
    )
    run = run_action(workspace, tmp_path, {"args": "--baseline mdcheck-baseline.json"}, event="push")
    assert run.code == 0 and run.annotations == []
    assert "findings in the baseline mdcheck-baseline.json not shown" in run.summary


def test_install_step_in_a_fresh_environment(workspace: Path, tmp_path: Path) -> None:
    """The whole action, its install step included, with a new virtualenv's python."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    run = run_action(workspace, tmp_path, python=venv / "bin" / "python", install=True)
    assert run.code == 1, run.stdout + run.stderr
    assert len(run.annotations) == 3 and run.outputs["errors"] == "2"


@pytest.mark.hugo
def test_build_with_the_real_hugo(workspace: Path, tmp_path: Path, hugo: str) -> None:
    layout = "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n"
    write_files(workspace, {"layouts/_default/single.html": layout, "layouts/_default/list.html": layout})
    run = run_action(workspace, tmp_path, {"build": "true"})
    assert run.code == 1, run.stdout + run.stderr
    assert ("error", "content/posts/new.md", "7", "broken-anchor") in {_place(a) for a in run.annotations}
    assert re.search(r"\(2 files and [1-9][0-9]* pages checked\)", run.summary), run.summary


@pytest.mark.hugo
def test_failed_build_still_annotates_the_findings(workspace: Path, tmp_path: Path, hugo: str) -> None:
    """Hugo stops on an unknown shortcode: mdcheck exits 2, and what it found is still shown."""
    write_files(workspace, {"content/posts/broken.md": "---\ntitle: B\n---\n\n{{< nosuch >}}\n\n[x](#gone)\n"})
    run = run_action(workspace, tmp_path, {"build": "true"}, event="push")
    assert run.code == 2
    places = {_place(a) for a in run.annotations if "file=" in a}
    assert ("error", "content/posts/broken.md", "5", "shortcode-unknown") in places
    assert ("error", "content/posts/broken.md", "7", "broken-anchor") in places
    assert re.search(r"::error title=mdcheck::--build: hugo failed: .*nosuch", run.stdout), run.stdout
    assert "hugo failed" in run.summary and run.outputs["errors"] != ""


def test_job_summary_escapes_and_stops_after_the_first_rows() -> None:
    problems = [
        Problem("content/a b.md", line, 1, "inline-html", Severity.WARNING, "<script> | x")
        for line in range(1, TABLE_ROWS + 6)
    ]
    summary = Summary(files=1, warnings=len(problems), notes=("a note",))
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}
    text = job_summary(problems, summary, env)
    assert text.count("&lt;script&gt; \\| x") == TABLE_ROWS and "<script>" not in text
    assert "[content/a b.md:1](https://github.com/o/r/blob/abc/content/a%20b.md#L1)" in text
    assert f"| `inline-html` | 0 | {TABLE_ROWS + 5} |" in text
    assert "… and 5 more" in text and "- a note" in text

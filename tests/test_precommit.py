"""The pre-commit hooks for real: `pre-commit try-repo` installs mdcheck from a copy of this
checkout into its own environment (dependencies come from the package index) and runs each
hook in a Hugo site's git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_changes import GIT_ENV, git, write_files

pytest.importorskip("pre_commit")

GOOD = "---\ntitle: Good\n---\n\n## Usage\n\nSee [usage](#usage).\n"
BAD = "---\ntitle: Bad\n---\n\nSee [usage](#usage).[^1]\n"
# "<name>.....Failed\n- hook id: <id>\n<details>" up to the next hook's line
HOOK = re.compile(r"^[^\n]*?\.{3,}(Passed|Failed)\n- hook id: ([\w-]+)\n(.*?)(?=^[^\n]*?\.{3,}(?:Passed|Failed)|\Z)", re.M | re.S)


def copy_checkout(destination: Path) -> Path:
    """This checkout's files (tracked, and new ones git does not ignore) as a fresh one-commit
    repository, so the test never touches the checkout's own git state."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    git(destination, "init", "-q", "-b", "main")
    git(destination, "add", "-A")
    git(destination, "commit", "-q", "-m", "mdcheck")
    return destination


def try_repo(site: Path, repo: Path, *args: str) -> dict[str, tuple[str, str]]:
    """Run every hook of `repo` with `pre-commit try-repo`: hook id -> (status, output)."""
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(site.parent / "pre-commit-home")}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "--color", "never", "--verbose", *args],
        cwd=site, capture_output=True, text=True, env=env, timeout=900,
    )
    hooks = {hook: (status, output) for status, hook, output in HOOK.findall(result.stdout)}
    assert set(hooks) == {"mdcheck", "mdcheck-site"}, result.stdout + result.stderr
    assert result.returncode == (1 if any(status == "Failed" for status, _ in hooks.values()) else 0)
    return hooks


def test_hooks_fail_on_a_bad_post_and_pass_on_a_good_one(tmp_path: Path) -> None:
    repo = copy_checkout(tmp_path / "mdcheck")
    site = tmp_path / "site"
    site.mkdir()
    git(site, "init", "-q", "-b", "main")
    write_files(
        site,
        {
            "hugo.toml": 'baseURL = "https://example.org/"\n',
            "content/posts/good.md": GOOD,
            "content/posts/bad.md": BAD,
        },
    )
    git(site, "add", "-A")

    # the good post passes on its own; the whole site still has the bad one
    hooks = try_repo(site, repo, "--files", "content/posts/good.md")
    assert hooks["mdcheck"][0] == "Passed"
    status, output = hooks["mdcheck-site"]
    assert status == "Failed" and "content/posts/bad.md:5:" in output and "good.md" not in output

    hooks = try_repo(site, repo, "--files", "content/posts/bad.md")
    status, output = hooks["mdcheck"]
    assert status == "Failed"
    assert "content/posts/bad.md:5:" in output and "broken-anchor" in output and "footnote-undefined" in output
    assert hooks["mdcheck-site"][0] == "Failed"

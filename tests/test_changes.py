"""`mdcheck check --changed-since REF` end to end, in throwaway git repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from validator.changes import find_change
from validator.cli import main

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

BASE_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/posts/guide.md": (
        "---\ntitle: Guide\n---\n\n## Install the Tools\n\nText.\n\n## Configure\n\nMore.\n"
    ),
    "content/posts/links.md": (
        "---\ntitle: Links\n---\n\n"
        "See [install](/posts/guide/#install-the-tools).\n\n"  # line 5: broken by the change
        "See [configure](../guide/#configure).\n\n"  # line 7: still fine
        "See [nowhere](/posts/guide/#never-existed).\n\n"  # line 9: broken before the change
        "<!-- mdcheck-disable-next-line broken-anchor -->\n"
        "See [install again](/posts/guide/#install-the-tools).\n"  # line 12: suppressed
    ),
    "content/posts/other.md": "---\ntitle: Other\n---\n\nNo links here.\n",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=True,
    )
    return result.stdout


def write_files(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def make_repo(root: Path, files: dict[str, str]) -> Path:
    """A git repository holding `files` in one commit on `main`, checked out on `topic`."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    write_files(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "topic")
    return root


def check_json(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, dict]:
    monkeypatch.chdir(repo)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}


def found(report: dict) -> set[tuple[str, int, str]]:
    return {(p["path"], p["line"], p["rule"]) for p in report["problems"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "site", BASE_SITE)


def test_only_changed_files_are_reported(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(repo, {"content/posts/new.md": "---\ntitle: New\n---\n\n# Title\n\n#### Deep\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new post")
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 0  # warnings only
    assert found(report) == {
        ("content/posts/new.md", 5, "content-h1"),
        ("content/posts/new.md", 7, "heading-level-skip"),
    }
    assert report["summary"]["files"] == 1
    assert any("changed since main" in note for note in report["summary"]["notes"])


def test_renamed_heading_reports_links_on_unchanged_pages(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = repo / "content/posts/guide.md"
    guide.write_text(guide.read_text("utf-8").replace("Install the Tools", "Installing"), "utf-8")
    git(repo, "commit", "-q", "-am", "rename a heading")
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 1
    # line 9 was broken before the change and line 12 is suppressed: neither is reported
    assert found(report) == {("content/posts/links.md", 5, "broken-anchor")}
    (problem,) = report["problems"]
    assert "'install-the-tools'" in problem["message"]
    assert "renamed or removed by the changes since main" in problem["message"]
    assert report["summary"]["files"] == 1  # only guide.md was checked


def test_removed_heading_in_the_working_tree_counts(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = repo / "content/posts/guide.md"
    guide.write_text("---\ntitle: Guide\n---\n\nAll in one paragraph now.\n", "utf-8")  # not committed
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 1
    assert found(report) == {
        ("content/posts/links.md", 5, "broken-anchor"),
        ("content/posts/links.md", 7, "broken-anchor"),
    }


def test_untracked_files_are_changed_and_ignored_ones_are_not(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(
        repo,
        {
            ".gitignore": "content/drafts/\n",
            "content/posts/untracked.md": "---\ntitle: U\n---\n\nSee [x](#nowhere).\n",
            "content/drafts/ignored.md": "---\ntitle: I\n---\n\nSee [x](#nowhere).\n",
        },
    )
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 1
    assert found(report) == {("content/posts/untracked.md", 5, "broken-anchor")}


def test_paths_narrow_the_change(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(
        repo,
        {
            "content/posts/one.md": "---\ntitle: One\n---\n\nSee [x](#nowhere).\n",
            "content/other/two.md": "---\ntitle: Two\n---\n\nSee [x](#nowhere).\n",
        },
    )
    code, report = check_json(repo, monkeypatch, "--changed-since", "main", "content/other")
    assert code == 1
    assert found(report) == {("content/other/two.md", 5, "broken-anchor")}


def test_no_change_is_clean(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 0
    assert report["problems"] == [] and report["summary"]["files"] == 0


def test_merge_base_not_the_tip_of_ref(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit on main after the branch point is not part of the change."""
    git(repo, "checkout", "-q", "main")
    write_files(repo, {"content/posts/later.md": "---\ntitle: L\n---\n\nSee [x](#nowhere).\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "later on main")
    git(repo, "checkout", "-q", "topic")
    write_files(repo, {"content/posts/mine.md": "---\ntitle: M\n---\n\nSee [x](#nowhere).\n"})
    change = find_change("main", repo)
    assert change.paths == {os.path.realpath(repo / "content/posts/mine.md")}
    assert change.base == git(repo, "rev-parse", "topic").strip()


def test_old_versions_in_one_batch(repo: Path) -> None:
    (repo / "content/posts/guide.md").write_text("changed\n", "utf-8")
    write_files(repo, {"content/posts/with space.md": "new\n"})
    change = find_change("main", repo)
    old = change.old_versions([str(repo / "content/posts/with space.md"), str(repo / "content/posts/guide.md")])
    assert old == {str(repo / "content/posts/guide.md"): BASE_SITE["content/posts/guide.md"].encode()}


@pytest.mark.parametrize("ref", ["no-such-branch", "HEAD~5"])
def test_unknown_ref_is_a_usage_error(repo: Path, monkeypatch: pytest.MonkeyPatch, ref: str) -> None:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["check", "--changed-since", ref])
    assert result.exit_code == 2
    assert "--changed-since" in result.stderr and "git merge-base failed" in result.stderr


@pytest.mark.parametrize("ref", ["--octopus", "--fork-point", "", " "])
def test_an_option_or_nothing_is_no_ref(repo: Path, monkeypatch: pytest.MonkeyPatch, ref: str) -> None:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["check", f"--changed-since={ref}"])
    assert result.exit_code == 2
    assert "is not a git revision" in result.stderr


def test_outside_a_repository_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    write_files(tmp_path, {"a.md": "# A\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--changed-since", "main"])
    assert result.exit_code == 2
    assert "not a git repository" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="file names of any bytes")
def test_a_changed_file_whose_name_is_not_utf8(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file name in Latin-1 (`café.md` as `caf\\xe9.md`): its old version is asked of git
    as the bytes its name is, and the run checks it."""
    name = os.fsdecode(b"content/posts/caf\xe9.md")
    (repo / name).write_text("---\ntitle: Coffee\n---\n\n## Beans\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a Latin-1 name")
    (repo / name).write_text("---\ntitle: Coffee\n---\n\n## Beans\n\n#### Roasting\n", "utf-8")
    code, report = check_json(repo, monkeypatch, "--changed-since", "main")
    assert code == 0 and [p["rule"] for p in report["problems"]] == ["heading-level-skip"]

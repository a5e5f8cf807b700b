"""Baselines: `--write-baseline` records findings, `--baseline` reports only new ones."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from validator.baseline import apply_baseline, fingerprint, load_baseline, write_baseline
from validator.files import write_atomic
from validator.cli import main
from validator.config import ConfigError
from validator.model import Problem, Severity

POST = """---
title: Post
---

Intro with a [broken link](#nowhere).

## Section

Another [broken link](#missing).
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    post = tmp_path / "content/posts/post.md"
    post.parent.mkdir(parents=True)
    post.write_text(POST, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str) -> tuple[int, dict]:
    code, out, _ = invoke("check", "--format", "json", *args)
    return code, json.loads(out)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_known_findings_pass_and_survive_unrelated_edits(site: Path) -> None:
    code, _, err = invoke("check", "--write-baseline", "mdcheck-baseline.json")
    assert code == 0 and "Recorded 2 finding(s)" in err
    recorded = json.loads((site / "mdcheck-baseline.json").read_text("utf-8"))
    assert {f["path"] for f in recorded["findings"]} == {"content/posts/post.md"}
    assert all("line" not in f for f in recorded["findings"])

    post = site / "content/posts/post.md"
    edit(post, "Intro with", "A new first paragraph.\n\nIntro with")  # moves both findings down
    code, report = check_json("--baseline", "mdcheck-baseline.json")
    assert code == 0
    assert report["problems"] == []
    assert report["summary"]["notes"] == ["2 findings in the baseline mdcheck-baseline.json not shown."]


def test_only_new_findings_fail(site: Path) -> None:
    invoke("check", "--write-baseline", "baseline.json")
    post = site / "content/posts/post.md"
    edit(post, "## Section", "## Section\n\nAnd [a third](#gone).")
    code, report = check_json("--baseline", "baseline.json")
    assert code == 1
    assert [(p["line"], p["message"]) for p in report["problems"]] == [
        (9, "no heading or element with id 'gone' on this page")
    ]


def test_a_repeated_finding_counts_each_time(site: Path) -> None:
    post = site / "content/posts/post.md"
    edit(post, "(#missing)", "(#nowhere)")  # the same message twice
    invoke("check", "--write-baseline", "baseline.json")
    edit(post, "## Section", "## Section\n\nOnce more [here](#nowhere).")
    code, report = check_json("--baseline", "baseline.json")
    assert code == 1
    assert len(report["problems"]) == 1


def test_fixed_findings_are_stale(site: Path) -> None:
    invoke("check", "--write-baseline", "baseline.json")
    edit(site / "content/posts/post.md", "(#missing)", "(#section)")
    code, out, _ = invoke("check", "--baseline", "baseline.json")
    assert code == 0
    assert "Stale baseline: 1 entry matches no finding any more" in out
    assert "content/posts/post.md: broken-anchor: no heading or element with id 'missing'" in out


def test_stale_only_where_the_run_looked(site: Path) -> None:
    """Checking one file does not make the other files' records stale; a deleted file's are."""
    other = site / "content/posts/other.md"
    other.write_text("---\ntitle: Other\n---\n\n[x](#void)\n", "utf-8")
    invoke("check", "--write-baseline", "baseline.json")
    code, report = check_json("--baseline", "baseline.json", "content/posts/post.md")
    assert code == 0 and not any("Stale baseline" in n for n in report["summary"]["notes"])
    other.unlink()
    code, report = check_json("--baseline", "baseline.json")
    assert any(n.startswith("Stale baseline: 1 entry matches") for n in report["summary"]["notes"])


def test_paths_are_relative_to_the_baseline_file(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke("check", "--write-baseline", "baseline.json")
    monkeypatch.chdir(site / "content")
    code, report = check_json("--baseline", "../baseline.json", "posts")
    assert code == 0 and report["problems"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "no such baseline file"),
        ("{not json", "invalid JSON"),
        ('{"version": 99, "findings": []}', "not an mdcheck baseline"),
        ('{"version": 1, "findings": [{"rule": 1}]}', "each finding needs"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(site: Path, text: str | None, message: str) -> None:
    if text is not None:
        (site / "baseline.json").write_text(text, "utf-8")
    code, _, err = invoke("check", "--baseline", "baseline.json")
    assert code == 2
    assert message in err


def test_fingerprints_ignore_line_references() -> None:
    first = fingerprint("footnote-duplicate", "a.md", "footnote [^1] is already defined on line 3")
    moved = fingerprint("footnote-duplicate", "a.md", "footnote [^1] is already defined on line 12")
    other = fingerprint("footnote-duplicate", "a.md", "footnote [^2] is already defined on line 3")
    assert first == moved != other
    assert fingerprint("r", "a.md", "m") != fingerprint("r", "b.md", "m") != fingerprint("s", "b.md", "m")


def test_sarif_uses_the_same_fingerprints(site: Path) -> None:
    code, out, _ = invoke("check", "--format", "sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    for result in results:
        path = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        key = fingerprint(result["ruleId"], path, result["message"]["text"])
        assert result["partialFingerprints"]["mdcheck/v1"] == f"{key}:1"


def test_apply_baseline_directly(tmp_path: Path) -> None:
    problem = Problem(str(tmp_path / "a.md"), 3, 1, "rule", Severity.ERROR, "bad 'x'")
    write_baseline(tmp_path / "b.json", [problem, problem])
    baseline = load_baseline(tmp_path / "b.json")
    assert [e.path for e in baseline.entries] == ["a.md", "a.md"]
    kept = apply_baseline([problem], baseline, [problem.path])
    assert kept.problems == [] and kept.known == 1 and len(kept.stale) == 1


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "baseline.json"
    write_atomic(target, "old\n")
    os.chmod(target, 0o640)

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ConfigError, match="cannot write: disk full"):
        write_atomic(target, "new\n")
    assert target.read_text("utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left
    monkeypatch.undo()
    write_atomic(target, "new\n")
    assert target.read_text("utf-8") == "new\n" and target.stat().st_mode & 0o777 == 0o640


def test_unwritable_place_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "baseline.json", "x")


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs")
def test_a_link_is_written_through_and_a_fifo_or_device_written_to(tmp_path: Path) -> None:
    """A baseline kept elsewhere through a symbolic link: its target is replaced, the link
    kept. A FIFO or a device (`--write-baseline /dev/stdout`) is written to, never replaced
    by a file; a directory is a clear error."""
    (tmp_path / "real.json").write_text("old\n")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomic(tmp_path / "link.json", "new\n")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "real.json").read_text() == "new\n"
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a process reads it
    try:
        write_atomic(fifo, "through\n")
        assert os.read(reader, 100) == b"through\n" and stat.S_ISFIFO(fifo.stat().st_mode)
    finally:
        os.close(reader)
    write_atomic(Path(os.devnull), "nothing\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with pytest.raises(ConfigError, match="it is a directory"):
        write_atomic(tmp_path, "x")


def test_a_baseline_matches_from_another_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A finding's message names another page as the working directory has it (`content/b.md`
    from the site, `site/content/b.md` from above it): recorded in one, it is the same
    finding run from the other."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (site / "content" / "a.md").write_text("---\ntitle: A\n---\n\nSee [b](/b/#nowhere).\n")
    (site / "content" / "b.md").write_text("---\ntitle: B\n---\n\n## Real\n")
    monkeypatch.chdir(site)
    written = CliRunner().invoke(main, ["check", "--no-cache", "--write-baseline", "bl.json"])
    assert written.exit_code == 0 and "content/b.md" in (site / "bl.json").read_text()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--baseline", "site/bl.json", "site"])
    assert result.exit_code == 0, result.output
    assert "Stale baseline" not in result.output
    # from a folder below: the other page is named by its absolute path; a link's address
    # as written (`'c.md'`, a file there) is no file of the message's
    (site / "content" / "c.md").write_text("---\ntitle: C\n---\n\n[c](c.md)\n")
    monkeypatch.chdir(site)
    written = CliRunner().invoke(main, ["check", "--no-cache", "--write-baseline", "bl.json"])
    assert written.exit_code == 0 and "'c.md'" in (site / "bl.json").read_text()
    monkeypatch.chdir(site / "content")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--baseline", "../bl.json"])
    assert result.exit_code == 0, result.output
    assert "Stale baseline" not in result.output


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_a_fifo_no_process_reads_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="a FIFO that no process reads"):
        write_atomic(fifo, "x\n")


def test_fingerprints_ignore_the_count_of_other_pages(tmp_path: Path) -> None:
    """A template's defect seen on more pages since is the same finding; a baseline written
    with the count in its fingerprint (as earlier versions did) still matches."""
    one = "nothing is published at /security (and on 2 other pages, where a template writes it)"
    more = "nothing is published at /security (and on 245 other pages, where a template writes it)"
    assert fingerprint("broken-link", "a.md", one) == fingerprint("broken-link", "a.md", more)
    assert fingerprint("broken-link", "a.md", one) != fingerprint("broken-link", "a.md", "nothing is published at /x")
    problem = Problem(str(tmp_path / "a.md"), 3, 1, "broken-link", Severity.ERROR, one)
    (tmp_path / "a.md").write_text("x", "utf-8")
    legacy = fingerprint("broken-link", "a.md", one, legacy=True)
    record = {"path": "a.md", "rule": "broken-link", "message": one, "fingerprint": legacy}
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "tool": "mdcheck", "findings": [record]}), "utf-8")
    filtered = apply_baseline([problem], load_baseline(tmp_path / "b.json"), [str(tmp_path / "a.md")])
    assert (filtered.problems, filtered.known, filtered.stale) == ([], 1, ())

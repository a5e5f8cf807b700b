"""Files with the same bytes (a versioned docs site copies most pages into each version's
folder): each content is parsed once, and each file is still checked as itself, with the
findings it gets when every file is parsed anew."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from validator import document, engine
from validator import spill as spill_module
from validator.cli import main
from validator.document import parse_document
from validator.engine import FileResult
from validator.html import parse_page

PAGE = """---
title: {title}
---

# Install

Read [the guide](#guide), [the setup](../setup/#step-two) and [old](setup.md).

### Skipped a level

{{{{< ref "/docs/{version}/setup.md#nowhere" >}}}}
"""
SETUP = """---
title: Setup
aliases: [/setup/]
---

## Step one

Read the the guide.
"""


def _site(root: Path) -> Path:
    root.mkdir()
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    for version in ("v1", "v2", "v3"):
        folder = root / "content" / "docs" / version
        folder.mkdir(parents=True)
        # install.md is the same in v1 and v2 (its ref names v1), setup.md in all three
        (folder / "install.md").write_text(PAGE.format(title="Install", version="v1" if version != "v3" else "v3"), "utf-8")
        (folder / "setup.md").write_text(SETUP, "utf-8")
        (folder / "notes.md").write_text(f"---\ntitle: Notes {version}\n---\n\nNotes.\n", "utf-8")
    (root / "content" / "empty-a.md").write_bytes(b"")
    (root / "content" / "empty-b.md").write_bytes(b"")
    return root


def _check(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    output: dict[str, Any] = json.loads(result.stdout)
    return output


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("mode", [["--source-only"], []], ids=["source-pass", "embedded-renderer"])
def test_each_content_is_parsed_once_and_each_file_checked_as_itself(
    jobs: str, mode: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_site(tmp_path / "site"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    parsed: list[str] = []

    def counted(path: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(path)
        return parse_document(path, *args, **kwargs)

    monkeypatch.setattr(engine, "parse_document", counted)
    spelled: list[str] = []  # the words of each content are found once too
    prose = document.Document.prose.func
    monkeypatch.setattr(document.Document.prose, "func", lambda doc: spelled.append(doc.path) or prose(doc))
    read_html: list[str] = []  # the embedded renderer's HTML of each content is parsed once

    def html_counted(path: str, *args: Any) -> Any:
        read_html.append(path)
        return parse_page(path, *args)

    monkeypatch.setattr(engine, "parse_page", html_counted)
    once = _check("--jobs", jobs, *mode)
    if jobs == "1":  # the workers' parses are not seen here
        assert len(spelled) == 7
        assert len(read_html) == (0 if mode else 7)  # the copies render alike here
        assert sorted(parsed) == [
            "content/docs/v1/install.md", "content/docs/v1/notes.md", "content/docs/v1/setup.md",
            "content/docs/v2/notes.md", "content/docs/v3/install.md", "content/docs/v3/notes.md",
            "content/empty-a.md",
        ]  # fmt: skip
    monkeypatch.setattr(engine, "_content_groups", lambda targets, limit: [[i] for i in range(len(targets))])
    anew = _check("--jobs", jobs, *mode)
    assert once == anew
    problems = {(p["path"], p["rule"]) for p in once["problems"]}
    for version in ("v1", "v2", "v3"):  # each copy has its findings, under its own path
        assert (f"content/docs/{version}/install.md", "heading-level-skip") in problems
        assert (f"content/docs/{version}/install.md", "broken-anchor") in problems
        assert (f"content/docs/{version}/setup.md", "repeated-word") in problems
    messages = [p["message"] for p in once["problems"] if p["rule"] == "duplicate-url"]
    assert len(messages) == 2 and all("/setup/" in message for message in messages)


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(0, 60), st.booleans())
def test_results_made_in_any_order_come_back_in_order(shuffle: random.Random, count: int, on_disk: bool) -> None:
    order = list(range(count))
    shuffle.shuffle(order)
    results = [FileResult([], summary=str(index).encode() * 50) for index in order]
    keep = spill_module.KEEP_BYTES
    spill_module.KEEP_BYTES = 0 if on_disk else keep
    try:
        back = list(engine._in_order(order, results))
    finally:
        spill_module.KEEP_BYTES = keep
    assert [result.summary for result in back] == [str(index).encode() * 50 for index in range(count)]


def test_files_are_grouped_by_their_bytes_where_the_first_of_each_is(tmp_path: Path) -> None:
    contents = [b"a", b"b", b"a", b"", b"c", b"b", b"", b"ab", b"ba", b"a"]
    targets = []
    for index, data in enumerate(contents):
        (tmp_path / f"{index}.md").write_bytes(data)
        targets.append(engine.Target(str(tmp_path / f"{index}.md"), f"{index}.md"))
    targets.append(engine.Target(str(tmp_path / "missing.md"), "missing.md"))
    targets.append(engine.Target(str(tmp_path / "0.md"), "unreadable.md", problem="permission denied"))
    assert engine._content_groups(targets, 1_000) == [[0, 2, 9], [1, 5], [3, 6], [4], [7], [8], [10], [11]]
    # a file over the size limit is not read to be grouped: it is reported on its own
    assert engine._content_groups(targets[:3], 0) == [[0], [1], [2]]


def test_a_placed_document_keeps_what_was_computed_of_its_content() -> None:
    doc = parse_document("a.md", b"# Title\n\nSome words here and there.\n")
    prose = doc.prose
    placed = doc.placed(path="b.md", url="/b/", language="fr")
    assert (placed.path, placed.url, placed.language, placed.tokens) == ("b.md", "/b/", "fr", doc.tokens)
    assert placed.prose is prose


def test_what_is_computed_of_a_content_is_computed_once_for_its_copies() -> None:
    doc = parse_document("a.md", b"# Title\n")
    calls: list[str] = []

    def heading_count(of: document.Document) -> int:
        calls.append(of.path)
        return len(of.headings)

    assert doc.of_content(heading_count) == 1
    assert doc.placed(path="b.md").of_content(heading_count) == 1
    assert doc.placed(path="c.md").placed(path="d.md").of_content(heading_count) == 1
    assert calls == ["a.md"]
    with pytest.raises(AssertionError):
        doc.placed(text="another text")



@pytest.mark.parametrize("copied", [True, False])
def test_a_word_of_copies_counts_once_in_the_sites_vocabulary(
    copied: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A versioned docs site copies a page, typo and all, into each version's folder
    (Antrea's "Mulit-cluster", 73 files of 9 contents): the copies' words count once, and
    the typo is found in each. Written in as many pages of their own, it is the site's word.
    A word the page alone has is no one-off slip for that ("Outro", not "Outdo")."""
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    (root / "content" / "multi.md").write_text("---\ntitle: Multi\n---\n\n" + "A multi tenant multi region.\n" * 35, "utf-8")
    page = "---\ntitle: Cluster\n---\n\n## Mulit-cluster\n\nThe Mulit controller and the Mulit agent{}.\n\n## Outro\n"
    for version in range(1, 5):
        folder = root / "content" / "docs" / f"v{version}"
        folder.mkdir(parents=True)
        (folder / "cluster.md").write_text(page.format("" if copied else " of " + "abcd"[version - 1] * 4), "utf-8")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "--source-only"])
    found = [p["path"] for p in json.loads(result.stdout)["problems"] if p["rule"] == "heading-typo"]
    assert found == ([f"content/docs/v{version}/cluster.md" for version in range(1, 5)] if copied else [])

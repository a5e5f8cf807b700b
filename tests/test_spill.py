"""What a run keeps of its pages: pickled in a temporary file (validator.spill), read back
as plain records, with the findings it gave when every page stayed in memory."""

from __future__ import annotations

import io
import json
import pickle
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from validator import engine
from validator import spill as spill_module
from validator.cli import main
from validator.config import load_preset
from validator.engine import Plan, Target, check_file
from validator.registry import RULES
from validator.site import load_site
from validator.spill import Spill, pack


@pytest.mark.parametrize("keep", [0, 50_000, 1 << 30], ids=["on-disk", "kept-then-let-go", "kept"])
def test_a_spill_reads_its_records_back_in_order_by_index_and_while_reading(keep: int) -> None:
    records: list[Any] = [{"n": n, "text": "x" * (n % 7) * 100} for n in range(500)]
    records[100] = records[101] = "y" * 1_500_000  # larger than a block read at once
    spill: Spill[Any] = Spill(keep)
    spill.extend(pack(record) for record in records)
    assert len(spill) == len(records)
    assert list(spill) == records
    assert (spill[0], spill[101], spill[-1]) == (records[0], records[101], records[-1])
    assert spill[98:103] == records[98:103]
    with pytest.raises(IndexError):
        spill[len(records)]
    # Reads by index during a pass in order do not disturb it (a rule looks up other pages).
    assert [(record, spill[-1 - i]) for i, record in enumerate(spill)] == list(zip(records, reversed(records)))
    spill.append(pack("appended after reading"))
    assert spill[-1] == list(spill)[-1] == "appended after reading"


def test_records_appended_while_reading_are_read_once_memory_is_let_go() -> None:
    spill: Spill[Any] = Spill(keep=100)
    spill.append(pack("first"))
    read = []
    for record in spill:
        read.append(record)
        if len(spill) < 3:
            spill.append(pack("x" * 200))  # past `keep`: the records are read from disk since
    assert read == ["first", "x" * 200, "x" * 200]


class _Classes(pickle.Unpickler):
    """Unpickles and notes every class the pickle names."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self.names: set[str] = set()

    def find_class(self, module: str, name: str) -> Any:
        self.names.add(f"{module}.{name}")
        return super().find_class(module, name)


def _classes(records: Iterable[bytes | None]) -> set[str]:
    """mdcheck's classes in the records (front matter values may be dates, say)."""
    names: set[str] = set()
    for data in records:
        if data is not None:
            unpickler = _Classes(data)
            unpickler.load()
            names |= {name for name in unpickler.names if name.startswith("validator.")}
    return names


def test_what_a_file_leaves_for_later_stages_is_plain_records() -> None:
    """A run reads every summary back once per site rule and every page once per html rule:
    NamedTuples, which unpickle several times as fast as dataclasses, and no parse records."""
    config = load_preset("strict", RULES)
    plan = Plan(
        rules=(),
        settings=config.rules,
        site=load_site(FIXTURES / "site"),
        known=frozenset(RULES),
        max_file_size=config.max_file_size,
        embedded=True,
        sources=True,
        summary_needs=frozenset({"elements"}),
    )
    paths = sorted(FIXTURES.rglob("*.md"))
    results = [check_file(Target(str(path), path.name), plan) for path in paths]
    assert _classes(result.summary for result in results) == {
        "validator.engine.PageSummary", "validator.engine.SiteLink", "validator.published.SourceHeading",
    }
    assert _classes(result.source for result in results) == {
        "validator.published.SourcePage", "validator.published.SourceLink",
        "validator.published.SourceHeading", "validator.published.RawHtml",
    }
    assert _classes(result.page for result in results) == {
        "validator.html.Page", "validator.html.HtmlLink", "validator.html.HtmlId",
        "validator.html.HtmlHeading", "validator.html.Omitted", "validator.html.Leak", "validator.html.Image",
    }


class _InMemory(list[Any]):
    """Keeps its records as objects, one object per page read as often as asked for: how a
    run kept every page before."""

    def append(self, packed: bytes, label: Any = None) -> None:
        super().append(pickle.loads(packed))

    def extend(self, packed: Iterable[bytes]) -> None:
        for record in packed:
            self.append(record)


# Links from a page to itself by its path, and aliases of it twice to one URL: read back,
# the page found is another object than the page the rule is at.
SELF_LINKS = """+++
title = "Self"
aliases = ["/self/", "/elsewhere/", "/elsewhere/"]
+++

## Here

A [relref]({{< relref "self.md#nowhere" >}}), a [link](/self/#nowhere), a [relative one](../self/#here).
"""


def _generated_site(root: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(root, 120, seed=7)
    (root / "content" / "self.md").write_text(SELF_LINKS, "utf-8")
    return root


def _fixture_site(root: Path) -> Path:
    shutil.copytree(FIXTURES / "site", root, ignore=shutil.ignore_patterns("public", "resources"))
    return root


def _check(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    return problems


@pytest.mark.parametrize("make_site", [_fixture_site, _generated_site], ids=["fixture-site", "generated-site"])
@pytest.mark.parametrize("mode", [["--source-only"], []], ids=["source-pass", "embedded-renderer"])
def test_pages_kept_on_disk_give_the_findings_pages_kept_in_memory_gave(
    make_site: Any, mode: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On disk, each read of a page is a new object: no rule may tell pages apart by
    identity; nor may one change a page kept in memory, which other rules read after it."""
    monkeypatch.chdir(make_site(tmp_path / "site"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    kept_by_spill = _check("--jobs", "1", *mode)  # a small site: kept in memory
    parallel = _check("--jobs", "2", *mode)
    monkeypatch.setattr(spill_module, "KEEP_BYTES", 0)
    spilled = _check("--jobs", "1", *mode)
    monkeypatch.setattr(engine, "Spill", _InMemory)
    kept = _check("--jobs", "1", *mode)
    assert len(kept) > 10
    assert spilled == kept
    assert kept_by_spill == kept
    assert parallel == kept


@pytest.mark.hugo
def test_a_hugo_build_kept_on_disk_gives_the_findings_it_gave_in_memory(
    hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_fixture_site(tmp_path / "site"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    kept_by_spill = _check("--jobs", "1", "--build")
    monkeypatch.setattr(spill_module, "KEEP_BYTES", 0)
    spilled = _check("--jobs", "1", "--build")
    assert spilled == kept_by_spill
    monkeypatch.setattr(engine, "Spill", _InMemory)
    kept = _check("--jobs", "1", "--build")
    assert len(kept) > 10
    assert spilled == kept


class _CountedReads(Spill[Any]):
    """A spill that counts the times it is gone through."""

    passes: list[_CountedReads] = []

    def __iter__(self) -> Any:
        _CountedReads.passes.append(self)
        return super().__iter__()


@pytest.mark.hugo
def test_the_rendered_pass_reads_the_pages_of_a_build_once_for_all_its_checks(
    hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large site's pages are read back from disk: every html check is given each page
    in one reading (see published.PagePass), and matching pages to their Markdown reads none."""
    monkeypatch.chdir(_fixture_site(tmp_path / "site"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(spill_module, "KEEP_BYTES", 0)
    monkeypatch.setattr(engine, "Spill", _CountedReads)
    monkeypatch.setattr(_CountedReads, "passes", [])
    problems = _check("--jobs", "1", "--build")
    assert {problem["rule"] for problem in problems} >= {"broken-anchor", "broken-link", "image-alt"}
    page_passes = [spill for spill in _CountedReads.passes if type(spill[0]).__name__ == "Page"]
    assert len(page_passes) == 1


def test_a_built_sites_pages_are_parsed_in_chunks_of_a_few_megabytes_at_most(tmp_path: Path) -> None:
    """longhorn's sidebars make each page half a megabyte: a chunk holds as many pages as
    make 4 MB of HTML, or `size`, whichever comes first, in order, every page once."""
    from validator.published import scan_publish_dir

    sizes = {"a.html": 3 << 20, "b.html": 2 << 20, "c.html": 10, "d.html": 5 << 20, "e.html": 10, "f.html": 10}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    published = scan_publish_dir(str(tmp_path))
    by_bytes = engine._chunks(published, sorted(sizes), size=64)
    assert [list(chunk) for chunk in by_bytes] == [["a.html", "b.html"], ["c.html", "d.html"], ["e.html", "f.html"]]
    assert [list(chunk) for chunk in engine._chunks(published, sorted(sizes), size=1)] == [[name] for name in sorted(sizes)]

"""Results kept between runs (validator.cache): read back only while the file, its place in
the site and the settings are unchanged; the same findings as a run without them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, _settings
from validator import cache, engine
from validator.cache import ResultCache
from validator.cli import main
from validator.config import Config
from validator.engine import Plan, run
from validator.registry import RULES
from validator.site import load_site
from validator.targets import collect_targets


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MDCHECK_CACHE_DIR", str(directory))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return directory


def _check(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    return problems


class _Parses:
    """Counts the files parsed, by name."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        parse = engine.parse_document

        def counted(path: str, *args: Any, **kwargs: Any) -> Any:
            self.names.append(Path(path).name)
            return parse(path, *args, **kwargs)

        monkeypatch.setattr(engine, "parse_document", counted)


@pytest.mark.parametrize("mode", [["--source-only"], []], ids=["source-pass", "embedded-renderer"])
def test_a_second_run_reads_every_result_back_and_finds_the_same(
    mode: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "site", tmp_path / "site", ignore=shutil.ignore_patterns("public", "resources"))
    monkeypatch.chdir(tmp_path / "site")
    fresh = _check("--no-cache", *mode)
    first = _check(*mode)
    parses = _Parses(monkeypatch)
    second = _check(*mode)
    parallel = _check("--jobs", "2", *mode)
    assert len(fresh) > 10
    assert first == fresh and second == fresh and parallel == fresh
    assert parses.names == []


@pytest.mark.parametrize("mode", [["--source-only"], []], ids=["source-pass", "embedded-renderer"])
def test_a_run_of_some_files_reads_the_others_results_of_a_whole_site_run(
    mode: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit's files checked after a run of the whole site (a pull request's, say): the
    other files' results serve as they are, without their findings; no file is parsed."""
    shutil.copytree(FIXTURES / "site", tmp_path / "site", ignore=shutil.ignore_patterns("public", "resources"))
    monkeypatch.chdir(tmp_path / "site")
    whole = _check(*mode)
    files = sorted({p["path"] for p in whole})[:2]
    fresh = _check("--no-cache", *mode, *files)
    parses = _Parses(monkeypatch)
    assert _check(*mode, *files) == fresh == [p for p in whole if p["path"] in files]
    assert parses.names == []


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n',
    "content/docs/_index.md": "---\ntitle: Docs\n---\n",
    "content/docs/guide/setup.md": "---\ntitle: Setup\n---\n\n# Setup\n\n### Skipped a level\n",
    "content/about.md": "---\ntitle: About\n---\n\nSee [setup](/docs/guide/setup/).\n",
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """SITE written to a directory that is the working directory."""
    root = tmp_path / "site"
    _write(root, SITE)
    monkeypatch.chdir(root)
    return root


def _kept(directory: Path) -> int:
    """How many results the store in `directory` holds."""
    with sqlite3.connect(directory / cache._DATABASE) as db:
        count: int = db.execute("SELECT count(*) FROM results").fetchone()[0]
    return count


def test_an_edited_file_is_parsed_again_and_the_others_are_not(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert {p["rule"] for p in _check("--source-only")} >= {"heading-level-skip"}
    parses = _Parses(monkeypatch)
    _write(site, {"content/docs/guide/setup.md": "---\ntitle: Setup\n---\n\n# Setup\n\n## One level\n"})
    assert "heading-level-skip" not in {p["rule"] for p in _check("--source-only")}
    assert parses.names == ["setup.md"]


def test_a_file_changed_while_it_was_read_is_not_kept(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup = site / "content/docs/guide/setup.md"
    written = setup.read_text("utf-8")
    checked = engine._checked

    def saved_meanwhile(*args: Any) -> Any:  # after the keys were made of the files' bytes
        setup.write_text(written.replace("### Skipped a level", "## A level"), "utf-8")
        return checked(*args)

    monkeypatch.setattr(engine, "_checked", saved_meanwhile)
    assert "heading-level-skip" not in {p["rule"] for p in _check("--source-only")}
    monkeypatch.setattr(engine, "_checked", checked)
    setup.write_text(written, "utf-8")  # the bytes the first run made its key of
    assert "heading-level-skip" in {p["rule"] for p in _check("--source-only")}


def _pages(root: Path, cache: bool) -> dict[str, tuple[str | None, tuple[Any, ...]]]:
    """Each page's URL and problems, as a run with or without the cache gives them."""
    site = load_site(root)
    config = Config(path=None, base=root, rules=_settings(["heading-level-skip", "broken-anchor"], None))
    targets = collect_targets([], config, site, root)
    outcome = run(targets, config, site, RULES, jobs=1, cache=cache)
    return {
        page.path: (page.url, tuple(p for p in outcome.problems if p.path == page.path))
        for page in outcome.pages
    }


MOUNTED_SITE = {
    "hugo.toml": 'baseURL = "https://example.org/"\n'
    '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
    '[[module.mounts]]\nsource = "guides"\ntarget = "content/docs/guide"\nfiles = ["! drafts"]\n'
    '[[module.mounts]]\nsource = "SETUP.md"\ntarget = "content/docs/setup.md"\n',
    "content/about.md": "---\ntitle: About\n---\n\nSee [setup](/docs/guide/setup/).\n",
    "guides/setup.md": "---\ntitle: Setup\n---\n\n# Setup\n\n### Skipped a level\n",
    "SETUP.md": "# Setup\n",
}


# (site, file written, its text, case): changes to a page's place in the site.
_URL_CASCADE = "---\ntitle: Docs\ncascade:\n  url: /elsewhere/\n---\n"
_LEAF_BUNDLE = "---\ntitle: A leaf bundle: setup.md is its resource\n---\n"
_SECTION = "---\ntitle: A section\ncascade:\n  slug: moved\n---\n"
_RENDER_NEVER = "---\ntitle: Docs\ncascade:\n  build:\n    render: never\n---\n"
PLACE_CHANGES = [
    (SITE, "content/docs/_index.md", _RENDER_NEVER, "cascade-render-never"),
    (SITE, "content/docs/_index.md", _URL_CASCADE, "cascade-url"),
    (SITE, "content/docs/guide/index.md", _LEAF_BUNDLE, "new-leaf-bundle"),
    (SITE, "content/docs/guide/_index.md", _SECTION, "new-section"),
    (SITE, "content/docs/_index.md", "---\ntitle: Docs\nslug: handbook\n---\n", "section-slug"),
    (MOUNTED_SITE, "content/docs/_index.md", _URL_CASCADE, "cascade-from-another-mount"),
    (MOUNTED_SITE, "content/docs/guide/_index.md", _SECTION, "section-in-another-mount"),
    (MOUNTED_SITE, "content/docs/guide/index.md", _LEAF_BUNDLE, "bundle-in-another-mount"),
    (MOUNTED_SITE, "guides/_index.md", _SECTION.replace("A section", "The section, in the filtered mount"),
     "section-in-a-filtered-mount"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "change"), [pytest.param(site, {path: text}, id=case) for site, path, text, case in PLACE_CHANGES]
)
def test_a_page_whose_place_in_the_site_changed_is_checked_again(
    files: dict[str, str], change: dict[str, str], tmp_path: Path
) -> None:
    """A page's URL also depends on its ancestors' `_index` files and its directories; a
    mounted page's may be in any mount's source (its own, with `files` globs, too), and a
    file mount is a directory's listing as well."""
    _write(tmp_path, files)
    before = _pages(tmp_path, cache=True)
    _write(tmp_path, change)
    after = _pages(tmp_path, cache=True)
    assert after == _pages(tmp_path, cache=False)
    assert after != before


def test_other_settings_give_other_results(site: Path) -> None:
    assert "heading-level-skip" in {p["rule"] for p in _check("--source-only")}
    (site / ".mdcheck.toml").write_text("[rules]\nheading-level-skip = false\n", "utf-8")
    assert "heading-level-skip" not in {p["rule"] for p in _check("--source-only")}
    (site / ".mdcheck.toml").write_text('[rules]\nheading-level-skip = "error"\n', "utf-8")
    assert [p["severity"] for p in _check("--source-only") if p["rule"] == "heading-level-skip"] == ["error"]


def test_a_damaged_store_is_started_anew(site: Path, _own_cache: Path) -> None:
    expected = _check("--no-cache")
    _own_cache.mkdir()
    (_own_cache / cache._DATABASE).write_bytes(b"not a database" * 100)
    assert _check() == expected
    assert _kept(_own_cache) == 3
    assert _check() == expected


def test_an_unusable_store_leaves_the_run_as_it_was(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _check("--no-cache")
    (tmp_path / "a-file").write_text("", "utf-8")
    monkeypatch.setenv("MDCHECK_CACHE_DIR", str(tmp_path / "a-file"))  # not a directory
    assert _check() == expected


def test_a_store_another_run_keeps_busy_leaves_the_run_as_it_was(
    site: Path, monkeypatch: pytest.MonkeyPatch, _own_cache: Path
) -> None:
    expected = _check()
    monkeypatch.setattr(cache, "_BUSY_SECONDS", 0.05)
    _write(site, {"content/new.md": "# New\n\n### Skipped\n"})
    with sqlite3.connect(_own_cache / cache._DATABASE, isolation_level=None) as other:
        other.execute("BEGIN EXCLUSIVE")
        busy = _check()
        other.execute("ROLLBACK")
    assert [p for p in busy if p["path"] != "content/new.md"] == expected
    assert {p["rule"] for p in busy if p["path"] == "content/new.md"} >= {"heading-level-skip"}
    assert _check() == busy


def test_results_are_written_in_batches_and_all_kept(
    site: Path, monkeypatch: pytest.MonkeyPatch, _own_cache: Path
) -> None:
    monkeypatch.setattr(cache, "_BATCH_BYTES", 1)  # a batch for each result
    expected = _check()
    assert _kept(_own_cache) == 3
    parses = _Parses(monkeypatch)
    assert _check() == expected
    assert parses.names == []


def test_a_result_the_store_loses_during_the_run_is_checked_anew(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _check()
    monkeypatch.setattr(ResultCache, "get", lambda self, key: None)  # held, then not there
    assert _check() == expected


def test_results_of_other_code_are_dropped_after_a_day(site: Path, _own_cache: Path) -> None:
    _check()
    with sqlite3.connect(_own_cache / cache._DATABASE) as db:  # made by another version, two days ago
        db.execute("UPDATE results SET code = x'00', used = used - 2")
    _write(site, {"content/new.md": "# New\n"})
    _check()
    assert _kept(_own_cache) == 4  # this version's four; the other's three are gone


def _fixture_plan() -> Plan:
    site = load_site(FIXTURES / "site")
    config = Config(path=None, base=FIXTURES / "site", rules=_settings(list(RULES), None))
    rules = tuple(RULES[r] for r in config.rules if RULES[r].stage == "source" and RULES[r].check)
    return Plan(rules, config.rules, site, frozenset(RULES), config.max_file_size, record_reads=True)


SCOPE = """
import sys
sys.path.insert(0, sys.argv[1])
from test_cache import _fixture_plan
from validator.cache import _scope
print(_scope(_fixture_plan())[1].hex())
"""


def test_a_plan_has_the_same_key_in_every_process() -> None:
    """Sets and mappings are written in one order, whatever the process's string hashes."""
    scopes = {
        subprocess.run(
            [sys.executable, "-c", SCOPE, str(ROOT / "tests")],
            capture_output=True, text=True, check=True, cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(scopes) == 1


def test_a_plan_with_a_value_of_no_stable_form_is_not_cached(tmp_path: Path) -> None:
    plan = Plan((), {}, load_site(tmp_path), frozenset({object()}), 1)  # type: ignore[arg-type]
    assert ResultCache.open(plan, tmp_path) is None
    assert ResultCache.open(_fixture_plan(), tmp_path) is not None

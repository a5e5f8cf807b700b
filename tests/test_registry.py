"""The registry lists every rule module; ids, presets and the README's table stay in sync."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re

import pytest

import validator.checks
from conftest import ROOT
from validator.config import load_preset, preset_names
from validator.registry import ALL_RULES, RULES
from validator.rule_docs import markdown_rule_table

README = ROOT / "README.md"
TABLE = re.compile(r"(<!-- rules:start -->\n)(.*?)(\n<!-- rules:end -->)", re.S)


def _rule_modules() -> list[str]:
    names = []
    for package in pkgutil.iter_modules(validator.checks.__path__):
        sub = importlib.import_module(f"validator.checks.{package.name}")
        names += [f"{sub.__name__}.{m.name}" for m in pkgutil.iter_modules(sub.__path__)]
    return names


@pytest.mark.parametrize("module_name", _rule_modules())
def test_every_rule_module_is_registered(module_name: str) -> None:
    module = importlib.import_module(module_name)
    name = module_name.rsplit(".", 1)[1]
    assert module.RULE in ALL_RULES, f"{module_name} is missing from validator/registry.py"
    assert module.RULE.id.replace("-", "_") == name


def test_ids_are_unique_kebab_case() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id), rule_id


# Rules that only make sense for a dedicated preset's content.
PRESET_ONLY = {"element-coverage": "theme-test-content"}


def test_strict_enables_every_rule() -> None:
    assert set(load_preset("strict", RULES).rules) == set(RULES) - set(PRESET_ONLY)
    for rule_id, preset in PRESET_ONLY.items():
        assert rule_id in load_preset(preset, RULES).rules


def test_recommended_is_within_strict() -> None:
    assert set(load_preset("recommended", RULES).rules) <= set(load_preset("strict", RULES).rules)


def test_readme_rule_table_is_current() -> None:
    presets = {name: load_preset(name, RULES).rules for name in preset_names()}
    table = markdown_rule_table(ALL_RULES, presets)
    text = README.read_text("utf-8")
    match = TABLE.search(text)
    assert match, "README.md needs <!-- rules:start --> and <!-- rules:end --> markers"
    if match[2] != table and os.environ.get("MDCHECK_UPDATE_README"):
        README.write_text(TABLE.sub(lambda m: m[1] + table + m[3], text), "utf-8")
        return
    assert match[2] == table, (
        "README rule table is stale; run MDCHECK_UPDATE_README=1 pytest tests/test_registry.py"
    )

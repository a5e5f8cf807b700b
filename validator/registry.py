"""The explicit list of every rule mdcheck has. A test fails when a module is left out."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from validator.checks.core import file_unreadable, internal_error, unknown_rule_in_directive
from validator.checks.site import broken_anchor
from validator.checks.source import (
    file_encoding,
    footnote_undefined,
    footnote_unused,
    front_matter_required,
    front_matter_syntax,
    heading_level_skip,
)
from validator.model import Rule

ALL_RULES: tuple[Rule, ...] = (
    # Reported by the engine itself.
    file_unreadable.RULE,
    internal_error.RULE,
    unknown_rule_in_directive.RULE,
    # One Markdown file at a time.
    file_encoding.RULE,
    front_matter_syntax.RULE,
    front_matter_required.RULE,
    heading_level_skip.RULE,
    footnote_undefined.RULE,
    footnote_unused.RULE,
    # Across the site's pages.
    broken_anchor.RULE,
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in ALL_RULES})

"""The explicit list of every rule mdcheck has. A test fails when a module is left out."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from validator.model import Rule

# --- engine ---
from validator.checks.core import file_unreadable
from validator.checks.core import internal_error
from validator.checks.core import unknown_rule_in_directive

# --- front matter ---
from validator.checks.source import file_encoding
from validator.checks.source import front_matter_required
from validator.checks.source import front_matter_syntax

# --- headings and links ---
from validator.checks.site import broken_anchor
from validator.checks.source import heading_level_skip

# --- footnotes, raw HTML, blocks ---
from validator.checks.source import footnote_undefined
from validator.checks.source import footnote_unused

# --- shortcodes and prose ---

# --- style ---

ALL_RULES: tuple[Rule, ...] = (
    # --- engine ---
    file_unreadable.RULE,
    internal_error.RULE,
    unknown_rule_in_directive.RULE,
    # --- front matter ---
    file_encoding.RULE,
    front_matter_syntax.RULE,
    front_matter_required.RULE,
    # --- headings and links ---
    heading_level_skip.RULE,
    broken_anchor.RULE,
    # --- footnotes, raw HTML, blocks ---
    footnote_undefined.RULE,
    footnote_unused.RULE,
    # --- shortcodes and prose ---
    # --- style ---
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in ALL_RULES})

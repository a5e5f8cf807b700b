"""The explicit list of every rule mdcheck has. A test fails when a module is left out."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from validator.model import Rule

# --- engine ---
from validator.checks.core import build_failed
from validator.checks.core import content_refused
from validator.checks.core import file_unreadable
from validator.checks.core import internal_error
from validator.checks.core import unknown_rule_in_directive

# --- front matter ---
from validator.checks.site import duplicate_url
from validator.checks.source import front_matter_date
from validator.checks.source import front_matter_schema
from validator.checks.source import front_matter_type
from validator.checks.source import file_encoding
from validator.checks.source import lone_carriage_return
from validator.checks.source import front_matter_required
from validator.checks.source import front_matter_shortcode
from validator.checks.source import front_matter_syntax

# --- headings and links ---
from validator.checks.site import heading_typo
from validator.checks.site import broken_anchor
from validator.checks.site import md_link
from validator.checks.site import ref_not_found
from validator.checks.source import content_h1
from validator.checks.source import duplicate_heading_id
from validator.checks.source import heading_empty
from validator.checks.source import heading_missing_space
from validator.checks.source import heading_level_skip
from validator.checks.source import heading_shortcode_id
from validator.checks.source import heading_trailing_punctuation

# --- footnotes, raw HTML, blocks ---
from validator.checks.source import abbr_title
from validator.checks.source import alert_unrendered
from validator.checks.source import blockquote_blank_line
from validator.checks.source import code_block_style
from validator.checks.source import fence_attributes
from validator.checks.source import fence_unclosed
from validator.checks.source import fence_without_language
from validator.checks.source import footnote_duplicate
from validator.checks.source import inline_html
from validator.checks.source import unknown_html_tag
from validator.checks.source import raw_html_omitted
from validator.checks.source import comment_unclosed
from validator.checks.source import markdown_in_html_block
from validator.checks.source import table_column_count
from validator.checks.source import footnote_undefined
from validator.checks.source import link_reference_undefined
from validator.checks.source import link_shown_as_text
from validator.checks.source import emphasis_spaces
from validator.checks.source import url_refused
from validator.checks.source import footnote_unused

# --- rendered HTML ---
from validator.checks.html import broken_link
from validator.checks.html import duplicate_id
from validator.checks.html import empty_link
from validator.checks.html import image_alt
from validator.checks.html import image_dropped
from validator.checks.html import unrendered_markup

# --- shortcodes and prose ---
from validator.checks.source import proper_names
from validator.checks.source import repeated_word
from validator.checks.source import shortcode_mismatched
from validator.checks.source import shortcode_content_markdown
from validator.checks.source import shortcode_params
from validator.checks.source import shortcode_delimiters
from validator.checks.source import shortcode_removed
from validator.checks.source import shortcode_unclosed
from validator.checks.source import shortcode_unknown
from validator.checks.source import summary_divider

# --- style ---
from validator.checks.source import trailing_spaces
from validator.checks.source import hard_tabs
from validator.checks.source import multiple_blank_lines
from validator.checks.source import heading_blank_lines
from validator.checks.source import fence_blank_lines
from validator.checks.source import list_blank_lines
from validator.checks.source import line_length
from validator.checks.source import final_newline
from validator.checks.site import element_coverage

ALL_RULES: tuple[Rule, ...] = (
    # --- engine ---
    file_unreadable.RULE,
    internal_error.RULE,
    build_failed.RULE,
    content_refused.RULE,
    unknown_rule_in_directive.RULE,
    # --- front matter ---
    front_matter_type.RULE,
    front_matter_date.RULE,
    front_matter_schema.RULE,
    duplicate_url.RULE,
    file_encoding.RULE,
    lone_carriage_return.RULE,
    front_matter_syntax.RULE,
    front_matter_required.RULE,
    front_matter_shortcode.RULE,
    # --- headings and links ---
    heading_typo.RULE,
    heading_level_skip.RULE,
    broken_anchor.RULE,
    content_h1.RULE,
    heading_shortcode_id.RULE,
    duplicate_heading_id.RULE,
    heading_empty.RULE,
    heading_missing_space.RULE,
    heading_trailing_punctuation.RULE,
    ref_not_found.RULE,
    md_link.RULE,
    # --- footnotes, raw HTML, blocks ---
    footnote_duplicate.RULE,
    raw_html_omitted.RULE,
    comment_unclosed.RULE,
    markdown_in_html_block.RULE,
    inline_html.RULE,
    unknown_html_tag.RULE,
    abbr_title.RULE,
    table_column_count.RULE,
    fence_unclosed.RULE,
    fence_attributes.RULE,
    fence_without_language.RULE,
    code_block_style.RULE,
    alert_unrendered.RULE,
    blockquote_blank_line.RULE,
    footnote_undefined.RULE,
    footnote_unused.RULE,
    link_reference_undefined.RULE,
    link_shown_as_text.RULE,
    emphasis_spaces.RULE,
    url_refused.RULE,
    # --- rendered HTML ---
    broken_link.RULE,
    duplicate_id.RULE,
    unrendered_markup.RULE,
    empty_link.RULE,
    image_alt.RULE,
    image_dropped.RULE,
    # --- shortcodes and prose ---
    shortcode_unclosed.RULE,
    shortcode_mismatched.RULE,
    shortcode_unknown.RULE,
    shortcode_removed.RULE,
    shortcode_params.RULE,
    shortcode_content_markdown.RULE,
    shortcode_delimiters.RULE,
    summary_divider.RULE,
    repeated_word.RULE,
    proper_names.RULE,
    # --- style ---
    trailing_spaces.RULE,
    hard_tabs.RULE,
    multiple_blank_lines.RULE,
    heading_blank_lines.RULE,
    fence_blank_lines.RULE,
    list_blank_lines.RULE,
    line_length.RULE,
    final_newline.RULE,
    element_coverage.RULE,
)

RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in ALL_RULES})

"""Inline directives in HTML comments: which rules are off on which lines of a file.

    <!-- mdcheck-disable [rule ...] -->           off from this line on (all rules if none named)
    <!-- mdcheck-enable [rule ...] -->            on again from this line on
    <!-- mdcheck-disable-next-line [rule ...] --> off on the line after the comment
    <!-- mdcheck-disable-line [rule ...] -->      off on the comment's own line(s)
    <!-- mdcheck-disable-file [rule ...] -->      off in the whole file

Only real HTML comments count (the parser never reports comments inside code), so a
directive shown in a code sample does nothing.

markdownlint's own comments (`<!-- markdownlint-disable MD025 -->`, by rule or alias, with
`-enable`, `-disable-line`, `-disable-next-line`, `-disable-file`, `-enable-file`,
`-capture` and `-restore`) do the same to the rules that are markdownlint's
(`Rule.markdownlint`): a site moving from markdownlint keeps the exceptions it wrote.
Its rules mdcheck does not have are left unnamed, not reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from validator.document import HtmlComment
from validator.model import Rule

_DIRECTIVE = re.compile(
    r"^\s*(mdcheck|markdownlint)-(disable-next-line|disable-line|disable-file|enable-file|disable|enable|capture"
    r"|restore)(?=\s|$)(.*)$",
    re.S,
)
# The aliases markdownlint gives the rules that are mdcheck's too (its README's table)
MARKDOWNLINT_ALIASES = {
    "MD001": ("heading-increment",), "MD009": ("no-trailing-spaces",), "MD010": ("no-hard-tabs",),
    "MD011": ("no-reversed-links",), "MD012": ("no-multiple-blanks",), "MD013": ("line-length",),
    "MD018": ("no-missing-space-atx",), "MD022": ("blanks-around-headings",), "MD025": ("single-title", "single-h1"),
    "MD026": ("no-trailing-punctuation",), "MD028": ("no-blanks-blockquote",), "MD031": ("blanks-around-fences",),
    "MD032": ("blanks-around-lists",), "MD033": ("no-inline-html",), "MD037": ("no-space-in-emphasis",),
    "MD040": ("fenced-code-language",), "MD044": ("proper-names",), "MD045": ("no-alt-text",),
    "MD046": ("code-block-style",), "MD047": ("single-trailing-newline",), "MD051": ("link-fragments",),
    "MD052": ("reference-links-images",), "MD056": ("table-column-count",),
}  # fmt: skip


def markdownlint_names(registry: Mapping[str, Rule]) -> dict[str, str]:
    """Each name markdownlint's comments may give a rule (`md025`, `single-h1`, lower case)
    -> the id of the rule of the registry's that is it (`Rule.markdownlint`)."""
    names = {}
    for rule in registry.values():
        if code := rule.markdownlint:
            for name in (code, *MARKDOWNLINT_ALIASES.get(code.upper(), ())):
                names[name.lower()] = rule.id
    return names


ALL = "*"


@dataclass(frozen=True, slots=True)
class UnknownRule:
    name: str
    line: int
    column: int


@dataclass(frozen=True)
class Suppressions:
    """Answers: is rule R suppressed on line L? Built once per file."""

    # Lines where the disabled set changes, and the set from that line on (ALL: every rule).
    _change_lines: tuple[int, ...] = ()
    _change_sets: tuple[frozenset[str], ...] = ()
    _lines: dict[int, frozenset[str]] = field(default_factory=dict)
    _file: frozenset[str] = frozenset()

    def suppressed(self, rule: str, line: int) -> bool:
        if ALL in self._file or rule in self._file:
            return True
        only = self._lines.get(line)
        if only is not None and (ALL in only or rule in only):
            return True
        index = bisect.bisect_right(self._change_lines, line) - 1
        if index < 0:
            return False
        disabled = self._change_sets[index]
        return ALL in disabled or rule in disabled


NO_SUPPRESSIONS = Suppressions()


def parse_directives(
    comments: Iterable[HtmlComment], known: frozenset[str], markdownlint: Mapping[str, str] | None = None
) -> tuple[Suppressions, list[UnknownRule]]:
    """The suppressions of a file's comments, and the unknown rules they name; `markdownlint`
    (see `markdownlint_names`) reads markdownlint's comments too."""
    changes: list[tuple[int, frozenset[str]]] = []
    lines: dict[int, set[str]] = {}
    whole_file: set[str] = set()
    unknown: list[UnknownRule] = []
    disabled: frozenset[str] = frozenset()
    captured: frozenset[str] = frozenset()
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        tool, action, names = match[1], match[2], _names(match[3])
        if tool == "markdownlint":
            if not markdownlint:
                continue
            named = frozenset(markdownlint[name.lower()] for name in names if name.lower() in markdownlint)
            rules = named if names else frozenset(markdownlint.values())
        elif action in ("enable-file", "capture", "restore"):
            continue  # markdownlint's alone
        else:
            unknown.extend(UnknownRule(name, comment.line, comment.column) for name in names if name not in known)
            rules = frozenset(name for name in names if name in known) if names else frozenset({ALL})
        if action == "capture":
            captured = disabled
            continue
        if action == "restore":
            disabled = captured
            changes.append((comment.line, disabled))
            continue
        if not rules:
            continue
        if action == "disable":
            disabled = disabled | rules
            changes.append((comment.line, disabled))
        elif action == "enable":
            disabled = frozenset() if ALL in rules else disabled - rules
            changes.append((comment.line, disabled))
        elif action == "disable-file":
            whole_file |= rules
        elif action == "enable-file":
            whole_file -= rules
        else:
            targets = (
                [comment.end_line + 1]
                if action == "disable-next-line"
                else range(comment.line, comment.end_line + 1)
            )
            for line in targets:
                lines.setdefault(line, set()).update(rules)
    if not changes and not lines and not whole_file:
        return NO_SUPPRESSIONS, unknown  # most files: one shared, empty instance
    return (
        Suppressions(
            tuple(line for line, _ in changes),
            tuple(rules for _, rules in changes),
            {line: frozenset(rules) for line, rules in lines.items()},
            frozenset(whole_file),
        ),
        unknown,
    )


def _names(text: str) -> list[str]:
    return [name for name in re.split(r"[\s,]+", text.strip()) if name]


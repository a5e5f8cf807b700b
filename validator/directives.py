"""Inline directives in HTML comments: which rules are off on which lines of a file.

    <!-- mdcheck-disable [rule ...] -->           off from this line on (all rules if none named)
    <!-- mdcheck-enable [rule ...] -->            on again from this line on
    <!-- mdcheck-disable-next-line [rule ...] --> off on the line after the comment
    <!-- mdcheck-disable-line [rule ...] -->      off on the comment's own line(s)
    <!-- mdcheck-disable-file [rule ...] -->      off in the whole file

Only real HTML comments count (the parser never reports comments inside code), so a
directive shown in a code sample does nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from validator.document import HtmlComment

_DIRECTIVE = re.compile(
    r"^\s*mdcheck-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$",
    re.S,
)
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
    comments: Iterable[HtmlComment], known: frozenset[str]
) -> tuple[Suppressions, list[UnknownRule]]:
    changes: list[tuple[int, frozenset[str]]] = []
    lines: dict[int, set[str]] = {}
    whole_file: set[str] = set()
    unknown: list[UnknownRule] = []
    disabled: frozenset[str] = frozenset()
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        action, names = match[1], _names(match[2])
        for name in names:
            if name not in known:
                unknown.append(UnknownRule(name, comment.line, comment.column))
        rules = frozenset(name for name in names if name in known) if names else frozenset({ALL})
        if names and not rules:
            continue
        if action == "disable":
            disabled = disabled | rules
            changes.append((comment.line, disabled))
        elif action == "enable":
            disabled = frozenset() if ALL in rules else disabled - rules
            changes.append((comment.line, disabled))
        elif action == "disable-file":
            whole_file |= rules
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


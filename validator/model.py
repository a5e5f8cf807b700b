"""The records every part of mdcheck shares: findings, problems and rules."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Stage = Literal["source", "site", "html"]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule knows: where and what. The engine adds the file, rule id and severity.

    `path` is set only by site and html rules, which see many files at once.
    """

    line: int
    column: int
    message: str
    path: str | None = None
    html_path: str | None = None

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_LIMIT:  # a value quoted whole: a 20,000-letter parameter
            left_out = len(self.message) - MESSAGE_LIMIT
            head, tail = self.message[: MESSAGE_LIMIT - 200], self.message[-200:]
            object.__setattr__(self, "message", f"{head} … ({left_out:,} characters left out) … {tail}")


# The longest message a finding keeps whole: one line of a report stays readable
MESSAGE_LIMIT = 1_000


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A finding stamped with its file, rule and severity; sorts by place."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    html_path: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.html_path:
            data["html_path"] = self.html_path
        return data


# A check's findings; an html check's are a `published.PagePass`, which a run drives
Check = Callable[..., Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: its id, one-line summary, stage, options class, check function and doc.

    `check(doc, options)` for stage "source", `check(site, options)` for "site",
    `check(rendered, options)` for "html", which returns a `PagePass`: the run reads each
    rendered page once for all html checks. A source or site rule that can also see its
    defect in rendered HTML has an `html_check(rendered, options)`, a `PagePass` too; a
    defect both report is reported once. See `html_review` for one whose findings the HTML
    may withdraw. `default` is the severity the rule has when a preset turns it on.
    """

    id: str
    summary: str
    stage: Stage
    options: type
    check: Check | None
    doc: str
    default: Severity = Severity.ERROR
    markdownlint: str | None = None
    html_check: Check | None = None
    # Source-side rules that report the same defect first: an html rule's finding on a line
    # where one of them already reported is not repeated.
    same_defect_as: tuple[str, ...] = ()
    # The same, at one place: not repeated where one of them reported at the same line and
    # column (for a rule that reports each of several links on a line).
    same_defect_at: tuple[str, ...] = ()
    # Remarks for the run's summary, e.g. what the rule could not check: `notes(site,
    # options)` for a site rule (an html rule's come with its pass: PagePass.notes).
    notes: Callable[..., Iterator[str]] | None = None
    # A source rule whose findings Hugo's output can prove wrong: `html_review(page, source,
    # options)` tells, given a page's HTML and its Markdown's record, whether the rule's
    # findings on that Markdown stand (with Hugo's output only, not the embedded renderer's).
    html_review: Callable[..., bool] | None = None
    # The costly parts of page summaries a site rule reads, made only when an enabled rule
    # needs them: "elements" (PageSummary.elements), "words" (Site.vocabulary).
    summary_needs: frozenset[str] = frozenset()
    # A source rule that also reads the content of each call whose template renders it as
    # Markdown (`Document.rendered_contents`, a notice's `.Inner | markdownify`), as Hugo
    # renders it: a page of its own, its findings placed in the file.
    reads_contents: bool = False

    @property
    def title(self) -> str:
        return f"{self.id}: {self.summary}"


@dataclass(frozen=True)
class NoOptions:
    """For rules that take no options."""


def data_error(exc: ValueError) -> str:
    """What a data parser's ValueError (beyond its syntax errors) means, in words: Python
    reads no integer of more than a few thousand digits."""
    if "Exceeds the limit" in str(exc) and "digits" in str(exc):
        return f"a number has more than {sys.get_int_max_str_digits():,} digits"
    return str(exc)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and the noun in its number: `1 file`, `2 files`, `3 entries`."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"

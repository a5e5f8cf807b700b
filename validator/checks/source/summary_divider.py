"""## What it does
Checks the manual summary divider `<!--more-->`:

- a divider that is not exactly `<!--more-->` (`<!-- more -->`, `<!--More-->`): Hugo
  treats it as an ordinary comment and drops it, so the page gets an automatic summary;
- a second divider outside code: only the first one ends the summary;
- a first divider inside a fenced code block or a code span: Hugo finds it before reading
  the Markdown, so the summary ends in the middle of the code and the divider disappears
  from it;
- a first divider sharing its line with text: Hugo ends the paragraph there, splitting it.

## Why is this bad?
The summary shown on list pages and in feeds is not the one the author marked.

## Example
```markdown
Hugo is a static site generator written in Go.

<!-- more -->

It is fast.
```

## Use instead
```markdown
Hugo is a static site generator written in Go.

<!--more-->

It is fast.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import SUMMARY_DIVIDER, Document, SummaryDivider
from validator.model import Finding, NoOptions, Rule, Severity


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for comment in doc.comments:
        if comment.text != "more" and comment.text.strip(" \t\n-").lower() == "more":
            yield Finding(
                comment.line,
                comment.column,
                f"<!--{comment.text}--> is not a summary divider: Hugo drops it as a comment; "
                f"write {SUMMARY_DIVIDER} exactly",
            )
    if not doc.summary_dividers:
        return
    first, *others = doc.summary_dividers
    yield from _first(doc, first)
    comments = {(c.line, c.column) for c in doc.comments if c.text == "more"}
    for divider in others:
        if (divider.line, divider.column) in comments:
            yield Finding(
                divider.line,
                divider.column,
                f"only the first {SUMMARY_DIVIDER} (line {first.line}) ends the summary; "
                "remove this one",
            )


def _first(doc: Document, divider: SummaryDivider) -> Iterator[Finding]:
    line = doc.lines[divider.line - 1]
    start = divider.column - 1
    end = start + len(SUMMARY_DIVIDER)
    in_span = line[start - 1 : start] == "`" and line[end : end + 1] == "`"
    if doc.in_code(divider.line) or in_span:
        yield Finding(
            divider.line,
            divider.column,
            f"the first {SUMMARY_DIVIDER} of a page ends its summary even inside code, and is "
            "removed from it: put a real divider earlier in the page",
        )
    elif line.strip() != SUMMARY_DIVIDER:
        yield Finding(
            divider.line,
            divider.column,
            f"{SUMMARY_DIVIDER} shares its line with text: Hugo ends the paragraph there; "
            "put the divider on a line of its own",
        )


RULE = Rule(
    id="summary-divider",
    summary="Summary divider Hugo ignores or misplaces",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
)

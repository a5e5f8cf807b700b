"""## What it does
Checks the manual summary divider `<!--more-->`:

- a divider that is not exactly `<!--more-->` (`<!-- more -->`, `<!--More-->`): Hugo
  treats it as an ordinary comment and drops it, so the page gets an automatic summary;
- a second divider outside code: only the first one ends the summary;
- a first divider inside a code block (fenced, or indented, between lines of code) or a
  code span: Hugo finds it before reading the Markdown, so the summary ends in the middle
  of the code and the divider disappears from it;
- a first divider with text after it in its paragraph, list or quote: Hugo ends the block
  there and starts another with the rest (a divider at the end of a paragraph's last line
  is fine), or that is all a heading holds: Hugo writes an empty heading.

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

from markdown_it.token import Token

from validator.document import SUMMARY_DIVIDER, Document, SummaryDivider
from validator.markdown import make_parser
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
    # (an indented code block goes on past it as Hugo finds it: our parse ends it there)
    indented = line[:start].strip(" \t") == "" and len(line[:start].expandtabs(4)) >= 4
    block = _top_block(doc, divider.line) if indented or line.strip() != SUMMARY_DIVIDER else None
    if doc.in_code(divider.line) or in_span or (block is not None and block.type == "code_block"):
        yield Finding(
            divider.line,
            divider.column,
            f"the first {SUMMARY_DIVIDER} of a page ends its summary even inside code, and is "
            "removed from it: put a real divider earlier in the page",
        )
    elif line.strip() != SUMMARY_DIVIDER:
        if block is not None and block.type == "heading_open" and not line[end:].strip():
            if not line[:start].strip(" \t#"):
                yield Finding(
                    divider.line,
                    divider.column,
                    f"{SUMMARY_DIVIDER} makes the heading: Hugo writes an empty one; put the "
                    "divider on a line of its own",
                )
        elif line[end:].strip() or _block_goes_on(doc, divider.line, block):
            yield Finding(
                divider.line,
                divider.column,
                f"{SUMMARY_DIVIDER} shares its block with text after it: Hugo ends the block "
                "there and starts another with the rest; put the divider on a line of its own",
            )


def _top_block(doc: Document, line: int) -> Token | None:
    """The opening token of the top-level block holding the file line `line` in the page as
    it reads without its first divider (our parse, like Hugo's, ends a block at a divider)."""
    lines = list(doc.lines)
    lines[: doc.body_line - 1] = [""] * (doc.body_line - 1)  # the front matter is no Markdown
    lines[line - 1] = lines[line - 1].replace(SUMMARY_DIVIDER, " " * len(SUMMARY_DIVIDER), 1)
    for token in make_parser(doc.markup).parse("\n".join(lines)):
        if token.level == 0 and token.nesting >= 0 and token.map and token.map[0] < line <= token.map[1]:
            return token
    return None


def _block_goes_on(doc: Document, line: int, block: Token | None) -> bool:
    """Whether the block holding the file line `line` has text on a later line (a
    paragraph's next line, a list's next item: checked with Hugo 0.168)."""
    if block is None or not block.map:
        return False
    return any(doc.lines[index].strip() for index in range(line, min(block.map[1], len(doc.lines))))


RULE = Rule(
    id="summary-divider",
    summary="Summary divider Hugo ignores or misplaces",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
)

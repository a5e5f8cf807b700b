"""## What it does
Reports a paragraph whose first line starts like a heading but has no space after the
`#` marks: `##Setup`, `#Introduction`. Markdown needs the space; without it the line is
text.

After two to six `#`s, a letter or a digit must follow (`##[error]` is a log line). A
single `#` is taken for a heading only before a capital, on a line of its own that is no
sentence, outside lists: `#1 priority`, `#general` (a channel), hashtags (`#Hugo #Go`)
and a paragraph that goes on are left alone, as is anything in code.

This is markdownlint's MD018 (no-missing-space-atx).

## Why is this bad?
Hugo renders `##Setup` as a paragraph showing the marks: the page has no heading there,
no anchor for links to `#setup`, and no entry in the table of contents.

## Example
```markdown
##Setup

Install the theme first.
```

## Use instead
```markdown
## Setup

Install the theme first.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule, Severity

# `#`s (two to six) and a letter or digit right after them (`##[error]` is a log line); one
# `#` and a capital (`#general` is a channel, `#hugo` a tag)
_MISSING_SPACE = re.compile(r"(#{2,6})[^\W_]|#(?=[A-Z])")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    tokens = doc.tokens
    in_items = 0  # list items open around the token
    for index, inline in enumerate(tokens):
        if inline.type == "list_item_open":
            in_items += 1
        elif inline.type == "list_item_close":
            in_items -= 1
        if inline.type != "inline" or index == 0 or tokens[index - 1].type != "paragraph_open":
            continue
        first = inline.content.partition("\n")[0]
        match = _MISSING_SPACE.match(first)
        if match is None:
            continue
        # one `#`: a heading alone on its line, not a sentence, not hashtags (`#Hugo #Go`), not
        # in a list (of channels, of tags)
        one_line = "\n" not in inline.content.strip()
        if not match[1] and (not one_line or first.rstrip().endswith(".") or " #" in first or in_items):
            continue
        level = len(match[1] or "#")
        line, column = doc.position(inline)
        if doc.lines[line - 1][column - 1 : column] != "#":
            continue  # not written so (an entity, a shortcode's output)
        yield Finding(
            line,
            column,
            f"{first[:40]!r} is text, not a heading: put a space after the {'#' * level} "
            f"(`{'#' * level} {first[level:][: 40 - level]}`)",
        )


RULE = Rule(
    id="heading-missing-space",
    summary="Heading marks without the space after them",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD018",
    reads_contents=True,
)

"""## What it does
Checks that each list has a blank line above its first item and below its last one. A
list nested in a list item is part of that item and is not checked. An HTML comment line
counts as blank, as in markdownlint. No blank line is needed where a container starts
above the list (the start of the file, the end of the front matter, a line of opening
shortcode tags such as `{{% note %}}`, the start of the list item or blockquote that holds
the list) or ends below it (the end of the file, a line of closing tags).

This is markdownlint's MD032 (blanks-around-lists).

## Why is this bad?
Hugo renders `Text:` directly followed by `- item` as a paragraph and a list, but only
because a bullet list may interrupt a paragraph: the same lines numbered `2.` instead of
`1.` stay one paragraph, and other Markdown tools disagree. Blank lines make the list
unambiguous everywhere.

## Example
```markdown
#### Ordered List
1. First item
2. Second item
```

## Use instead
```markdown
#### Ordered List

1. First item
2. Second item
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.elements import SourceLines
from validator.model import Finding, NoOptions, Rule, Severity

_LISTS = {"bullet_list_open", "ordered_list_open"}
_CLOSES = {"bullet_list_close", "ordered_list_close"}
_CONTAINERS = {"list_item_open", "blockquote_open"}


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    depth = 0  # lists open around the current token
    container_start = 0  # first line of the innermost list item or blockquote seen last
    for token in doc.tokens:
        if token.type in _CONTAINERS:
            container_start = lines.span(token)[0]
        elif token.type in _CLOSES:
            depth -= 1
        elif token.type in _LISTS:
            depth += 1
            if depth > 1:
                continue
            first, last = lines.span(token)
            if first != container_start and not lines.spaced(first, -1):
                yield Finding(first, lines.column(first), "list needs a blank line above it")
            if not lines.spaced(last, +1):
                yield Finding(last, lines.column(last), "list needs a blank line below it")


RULE = Rule(
    id="list-blank-lines",
    summary="List without blank lines around it",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD032",
)

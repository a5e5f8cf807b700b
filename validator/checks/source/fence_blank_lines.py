"""## What it does
Checks that each fenced code block has a blank line above its opening fence and below its
closing fence. An HTML comment line counts as blank, as in markdownlint. No blank line is
needed where a container starts above the fence (the start of the file, the end of the
front matter, a line of opening shortcode tags such as `{{% tab %}}`, the start of the list
item or blockquote the fence opens) or ends below it (the end of the file, a line of
closing tags such as `{{% /tab %}}`). Set `list-items = false` to skip fences inside list
items.

Code in `{{< highlight >}}` is not a fence and is not checked.

This is markdownlint's MD031 (blanks-around-fences).

## Why is this bad?
A fence glued to a paragraph is easy to misread in the source, and not every Markdown
tool ends a paragraph at a fence: the same file may render differently elsewhere.

## Example
```markdown
Create the file:
~~~toml
title = "My site"
~~~
Then run `hugo server`.
```

## Use instead
```markdown
Create the file:

~~~toml
title = "My site"
~~~

Then run `hugo server`.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.elements import SourceLines
from validator.model import Finding, Rule, Severity

_CONTAINERS = {"list_item_open": "list_item_close", "blockquote_open": "blockquote_close"}


@dataclass(frozen=True)
class Options:
    list_items: bool = field(default=True, metadata={"doc": "Also check fences inside list items."})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    containers: list[tuple[str, int]] = []  # (close type, first line) of each open container
    closes = set(_CONTAINERS.values())
    for token in doc.tokens:
        if token.type in _CONTAINERS:
            containers.append((_CONTAINERS[token.type], lines.span(token)[0]))
        elif token.type in closes and containers:
            containers.pop()
        elif token.type == "fence":
            in_list = any(close == "list_item_close" for close, _ in containers)
            if in_list and not opts.list_items:
                continue
            first, last = lines.span(token)
            opens_container = bool(containers) and containers[-1][1] == first
            fence = token.markup
            if not opens_container and not lines.spaced(first, -1):
                message = f"code fence {fence}{token.info} needs a blank line above it"
                yield Finding(first, lines.column(first), message)
            if not lines.spaced(last, +1):
                message = f"closing code fence {fence} needs a blank line below it"
                yield Finding(last, lines.column(last), message)


RULE = Rule(
    id="fence-blank-lines",
    summary="Fenced code block without blank lines around it",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD031",
)

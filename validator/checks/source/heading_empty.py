"""## What it does
Checks for headings without content: a lone `#`, `## ` followed by nothing, or only an
attribute list (`## {#anchor}`).

## Why is this bad?
Hugo renders an empty `<h2>`: an entry with no text in the table of contents, and a
heading that screen readers announce with nothing to say. Often it is a `#` meant as
text, or a heading whose text was deleted.

## Example
```markdown
##

Installation takes a minute.
```

## Use instead
```markdown
## Installation

Installation takes a minute.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule, Severity


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    inlines = [doc.tokens[i + 1] for i, token in enumerate(doc.tokens) if token.type == "heading_open"]
    for heading, inline in zip(doc.headings, inlines, strict=True):
        if not inline.content.strip():
            yield Finding(heading.line, heading.column, f"empty h{heading.level}: give it text or remove it")


RULE = Rule(
    id="heading-empty",
    summary="Heading without content",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    reads_contents=True,
)

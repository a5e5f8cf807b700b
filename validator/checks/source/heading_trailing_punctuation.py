"""## What it does
Checks that headings do not end with punctuation: `## Installation:` or `## Done.`. By
default the characters are `.,;:!` and their full-width forms, as in markdownlint; a `?`
is allowed (a heading may be a question). An ellipsis (`...`), an HTML entity (`&copy;`,
read as its character) and an emoji code (`:smile:`) at the end are not reported.

This is markdownlint's MD026 (no-trailing-punctuation).

## Why is this bad?
A heading is a title, not a sentence; the punctuation also shows up in the table of
contents and in every link text made from the heading.

## Example
```markdown
## Installation:
```

## Use instead
```markdown
## Installation
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.model import Finding, Rule, Severity

_NOT_PUNCTUATION = re.compile(r"(?:\.\.\.|:[\w+-]+:)$")  # an ellipsis, an emoji code


@dataclass(frozen=True)
class Options:
    punctuation: str = field(
        default=".,;:!。，；：！",
        metadata={"doc": "Characters a heading must not end with."},
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    for heading in doc.headings:
        text = heading.text
        if text and text[-1] in opts.punctuation and not _NOT_PUNCTUATION.search(text):
            yield Finding(
                heading.line,
                heading.column,
                f"heading ends with {text[-1]!r}: remove the trailing punctuation",
            )


RULE = Rule(
    id="heading-trailing-punctuation",
    summary="Heading ends with punctuation",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    reads_contents=True,
    default=Severity.WARNING,
    markdownlint="MD026",
)

"""## What it does
Checks that a custom heading id (`## Setup {#install}`) is not an id that an earlier
heading on the page already has. Hugo gives later automatic ids a `-1` suffix to avoid
custom ones, but never changes a custom id, so the page ends up with two elements with the
same `id`.

## Why is this bad?
Ids must be unique in a page: a link to `#install` and the table of contents entry of the
second heading both lead to the first one.

## Example
```markdown
## Install

## Setup {#install}
```

## Use instead
```markdown
## Install

## Setup {#setup}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, Heading
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    seen: dict[str, Heading] = {}
    for heading in doc.headings:
        if heading.id is None:
            continue
        first = seen.get(heading.id)
        if heading.custom_id and first is not None:
            yield Finding(
                heading.line,
                heading.column,
                f"custom id {heading.id!r} is already the id of the heading {first.text!r} "
                f"on line {first.line}; choose another id",
            )
        seen.setdefault(heading.id, heading)


RULE = Rule(
    id="duplicate-heading-id",
    summary="Custom heading id that an earlier heading already has",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

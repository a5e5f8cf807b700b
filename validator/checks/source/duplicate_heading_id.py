"""## What it does
Checks that a custom heading id (`## Setup {#install}`) is not an id that an earlier
heading on the page already has. Hugo gives later automatic ids a `-1` suffix to avoid
custom ones, but never changes a custom id, so the page ends up with two elements with the
same `id`.

Nor may any heading's id be one that the page's templates write as fixed text on every
page of its type (`<div id="content">`, `<footer id="footer">`, not under an `if`, `with`
or `range`): Hugo does not know the templates' ids when it makes the headings', so a
`## Content` heading shares `content` with the theme's element.

The content of a shortcode call that its template renders as Markdown (`.Inner |
markdownify`) is checked too, as the page of its own Hugo renders it as.

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
        elif heading.id in doc.template_ids:
            yield Finding(
                heading.line,
                heading.column,
                f"id {heading.id!r} of this heading is also the id of an element the page's template writes "
                f"(id=\"{heading.id}\"): a link to #{heading.id} may reach that element; rename the heading "
                "or give it a custom id",
            )
        seen.setdefault(heading.id, heading)


RULE = Rule(
    id="duplicate-heading-id",
    summary="Heading id that an earlier heading or the page's template already has",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

"""## What it does
Checks that heading levels go down one step at a time: an `##` heading may be followed by
`###`, not by `####`. Going back up (`####` then `##`) is always fine.

This is markdownlint's MD001 (heading-increment). Slide decks (HugoBlox's `type: slides`,
reveal-hugo's `outputs: [Reveal]`), where each heading starts or heads a slide, are not read.

## Why is this bad?
Screen readers and the table of contents Hugo builds (`.TableOfContents`) rely on the
heading hierarchy. A skipped level leaves a hole: Hugo's TOC renders an empty `<li>` for it.

## Example
```markdown
## Code Blocks

#### Code block with backticks
```

## Use instead
```markdown
## Code Blocks

### Code block with backticks
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    max_jump: int = field(default=1, metadata={"doc": "Largest allowed increase in level."})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    if doc.is_slide_deck:
        return
    previous = 0
    for heading in doc.headings:
        if previous and heading.level > previous + opts.max_jump:
            expected = "#" * (previous + 1)
            yield Finding(
                heading.line,
                heading.column,
                f"h{heading.level} follows h{previous}: heading levels should go down one at "
                f"a time (use {expected})",
            )
        previous = heading.level


RULE = Rule(
    id="heading-level-skip",
    summary="Heading levels skip",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD001",
)

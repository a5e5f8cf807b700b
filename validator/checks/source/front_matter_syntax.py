"""## What it does
Reports front matter that Hugo cannot read: a TOML (`+++`), YAML (`---`) or JSON (`{`)
block with a syntax error, a block that is opened but never closed, or front matter that is
not a table of keys. The finding points at the line and column the parser stopped at.

## Why is this bad?
Hugo fails the whole build on a page whose front matter does not parse.

## Example
```markdown
+++
title = "Notes
date = 2024-05-04
+++
```

## Use instead
```markdown
+++
title = "Notes"
date = 2024-05-04
+++
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule

RULE_ID = "front-matter-syntax"


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    yield from doc.parse_findings(RULE_ID)


RULE = Rule(
    id=RULE_ID,
    summary="Front matter does not parse",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

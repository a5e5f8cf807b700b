"""## What it does
Reports footnote definitions (`[^note]: …`) that no reference on the page uses.

## Why is this bad?
Hugo drops a footnote nobody references: its text never reaches the page. Usually a
reference was deleted or its label mistyped.

## Example
```markdown
Rob Pike said so.

[^pike]: In his talk at Gopherfest, November 18, 2015.
```

## Use instead
```markdown
Rob Pike said so.[^pike]

[^pike]: In his talk at Gopherfest, November 18, 2015.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule, Severity


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    referenced = {(ref.apart, ref.label) for ref in doc.footnote_refs}
    for definition in doc.footnote_defs:
        if (definition.apart, definition.label) not in referenced:
            yield Finding(
                definition.line,
                definition.column,
                f"footnote [^{definition.label}] is never referenced; Hugo drops it",
            )


RULE = Rule(
    id="footnote-unused",
    summary="Footnote definition that nothing references",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    reads_contents=True,
)

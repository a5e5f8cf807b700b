"""## What it does
Reports footnote references (`[^note]`) whose label has no definition (`[^note]: …`) on the
page.

## Why is this bad?
Hugo renders an undefined footnote reference as the literal text `[^note]`.

## Example
```markdown
Rob Pike said so.[^pike]
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
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    defined = {definition.label for definition in doc.footnote_defs}
    for ref in doc.footnote_refs:
        if ref.label not in defined:
            yield Finding(
                ref.line, ref.column, f"footnote [^{ref.written}] is not defined; Hugo prints it as text"
            )


RULE = Rule(
    id="footnote-undefined",
    summary="Footnote reference without a definition",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

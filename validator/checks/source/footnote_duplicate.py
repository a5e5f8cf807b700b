"""## What it does
Reports a footnote label defined more than once on a page (`[^note]: …` twice). Labels are
case-sensitive, as in Hugo: `[^Note]` and `[^note]` are two footnotes.

## Why is this bad?
Hugo renders only the first definition of a label; every later one is dropped without a
warning, so its text never reaches the page. Usually a note was copied and its label not
changed, and the reference meant for the second note shows the first one's text.

## Example
```markdown
Go was announced in 2009[^1] and reached 1.0 in 2012.[^2]

[^1]: The Go blog, November 10, 2009.
[^1]: The Go blog, March 28, 2012.
```

## Use instead
```markdown
Go was announced in 2009[^1] and reached 1.0 in 2012.[^2]

[^1]: The Go blog, November 10, 2009.
[^2]: The Go blog, March 28, 2012.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    first_lines: dict[tuple[int, str], int] = {}  # in each part Hugo renders apart (see FootnoteDef)
    for definition in doc.footnote_defs:
        first = first_lines.get((definition.apart, definition.label))
        if first is None:
            first_lines[definition.apart, definition.label] = definition.line
        else:
            yield Finding(
                definition.line,
                definition.column,
                f"footnote [^{definition.label}] is already defined on line {first}; Hugo "
                "keeps that first definition and drops this one: give it its own label",
            )


RULE = Rule(
    id="footnote-duplicate",
    summary="Footnote label defined twice",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

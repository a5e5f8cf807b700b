"""## What it does
Reports table rows whose number of cells differs from the header row's. Cells are counted
as written: split on every `|` that is not escaped with a backslash, including one inside
a code span, as GFM and Hugo do.

This is markdownlint's MD056 (table-column-count).

## Why is this bad?
Hugo silently drops the cells beyond the header's count and fills a short row with empty
cells. The usual cause is an unescaped pipe in a cell (`` `a|b` `` splits into two
cells and the row's last cell disappears) or a cell added to some rows but not to the
header.

## Example
```markdown
| Operator | Meaning |
|----------|---------|
| `a|b`    | union   |
```

## Use instead
```markdown
| Operator | Meaning |
|----------|---------|
| `a\\|b`   | union   |
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for table in doc.tables:
        expected = len(table.header.cells)
        for row in table.rows:
            found = len(row.cells)
            if found == expected:
                continue
            if found > expected:
                effect = "Hugo drops the cells beyond the header's (escape a literal pipe as \\|)"
            else:
                effect = "Hugo fills the row with empty cells"
            yield Finding(
                row.line,
                row.column,
                f"table row has {_cells(found)}, the header {_cells(expected)}: {effect}",
            )


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


RULE = Rule(
    id="table-column-count",
    summary="Table row with more or fewer cells than the header",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    markdownlint="MD056",
)

"""## What it does
Reports table rows whose number of cells differs from the header row's. Cells are counted
as written: split on every `|` that is not escaped with a backslash, including one inside
a code span, as GFM and Hugo do.

Extra cells that hold HTML comments alone (`| <!-- word list: ignore -->` after the last
cell) are not reported: what Hugo drops would show nothing.

A line right after a table, without a `|` (a caption, a note), is one of its rows too:
it is reported whatever `short-rows` says, with the blank line that makes it a paragraph.

A `{{% %}}` call's tag alone on a line is no row (the call's output takes its place), and
the tags of a call whose template writes no HTML of its own (`{{ .Inner }}`) are no cells:
`{{% box %}}| 3 | 4 |{{% /box %}}` is a row of two.

A header with fewer cells than the delimiter row has columns is reported with
`short-header` only: goldmark (unlike GFM, which makes no table of it) adds empty header
cells, and the table has the delimiter row's columns; write those cells, empty (removing
the delimiter row's extra columns would drop the rows' cells in them).

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

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from validator.document import PLACEHOLDER, Document
from validator.model import Finding, Rule


@dataclass(frozen=True)
class Options:
    short_rows: bool = field(
        default=True,
        metadata={
            "doc": "Report rows with fewer cells than the header, too: Hugo fills them with empty cells, so "
            "nothing is lost (a site whose tables often leave their last cells out may turn this off)."
        },
    )
    short_header: bool = field(
        default=False,
        metadata={
            "doc": "Report a header with fewer cells than the delimiter row has columns (`| a |` over "
            "`|---|---|`): goldmark adds empty header cells, so Hugo loses nothing, but GitHub and other GFM "
            "readers make no table of it; turn on for content also read there."
        },
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    for table in doc.tables:
        header = len(table.header.cells)
        columns = max(table.columns, header)
        if header < columns and opts.short_header:
            yield Finding(
                table.header.line,
                table.header.column,
                f"table header has {_cells(header)}, the delimiter row {columns} columns: Hugo adds empty header "
                "cells, so nothing is lost, but GitHub and other GFM readers make no table of it; write the "
                "empty cells (`| a | |`)",
            )
        for row in table.rows:
            if _TAG_ALONE.fullmatch(doc.lines[row.line - 1]):
                continue  # `{{% /notice %}}` right under the table: Hugo ends the table there
            found = len(row.cells) - _tags_of_calls_without_html(doc, row.cells)
            if found > columns and _comments_alone(row.cells[columns:]):
                continue  # what is lost shows nothing: `| <!-- word list: ignore -->` (velero's)
            if found > columns:
                beyond = "the header's" if header == columns else "the table's columns"
                effect = f"Hugo drops the cells beyond {beyond} (escape a literal pipe as \\|)"
                if all(not cell.strip() for cell in row.cells[columns:]):
                    effect = f"Hugo drops the empty cells beyond {beyond}: nothing shown is lost, but remove them"
                against = _cells(header) if header == columns else f"{columns} columns"
            elif found < header and "|" not in doc.lines[row.line - 1]:
                # (reported as the row it became, short rows or not: a caption, a note under the table)
                effect, against = (
                    "a line right after a table is one of its rows, `|` or not: leave a blank line before it to make "
                    "it a paragraph"
                ), _cells(header)
            elif found < header and opts.short_rows:
                effect, against = "Hugo fills the row with empty cells", _cells(header)
            else:
                continue  # as many as the header, or the delimiter row, has
            yield Finding(row.line, row.column, f"table row has {_cells(found)}, the header {against}: {effect}")


# A line that is a `{{% %}}` call's tag alone: the template's output takes its place
# (nothing before or after `.Inner`, or a `<div>`, a `</div>`), so goldmark never sees it as
# a row (checked with hugo 0.168: two `{{% box %}}` calls of a table each, one right after
# the other, make two tables).
_TAG_ALONE = re.compile(r"\s*\{\{%[^%]*%\}\}\s*")


def _tags_of_calls_without_html(doc: Document, cells: Sequence[str]) -> int:
    """How many of a row's cells at its ends are a `{{% %}}` call's tag alone, of a template
    that writes no HTML of its own (`{{ .Inner }}`): its tags vanish, and the row is what is
    between them (`{{% box %}}| 3 | 4 |{{% /box %}}` is a row of two cells; checked with hugo
    0.168)."""
    calls, plain = doc.shortcode_calls, doc.site.shortcodes_without_html

    def vanishes(cell: str) -> bool:
        match = PLACEHOLDER.fullmatch(cell.strip())
        index = int(match[1]) if match else len(calls)
        return index < len(calls) and calls[index].notation == "%" and calls[index].template in plain

    ends = [cells[0], cells[-1]] if len(cells) > 1 else list(cells)
    return sum(map(vanishes, ends))


# A cell of blanks and HTML comments alone, which the page would not show
_COMMENT_ALONE = re.compile(r"\s*(?:<!--.*?-->\s*)*")


def _comments_alone(cells: Sequence[str]) -> bool:
    """Whether extra cells hold HTML comments and blanks alone, a comment at least (blank
    ones alone are reported, as markdownlint's MD056 does)."""
    return any("<!--" in cell for cell in cells) and all(_COMMENT_ALONE.fullmatch(cell) for cell in cells)


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


RULE = Rule(
    id="table-column-count",
    summary="Table row with more or fewer cells than the header",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    markdownlint="MD056",
    reads_contents=True,
)

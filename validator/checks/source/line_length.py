"""## What it does
Reports lines of the Markdown body longer than `line-length` characters (80 by default),
at the first character too many.

Not counted, because they cannot be wrapped: front matter; a line whose part beyond the
limit holds no space (a long URL or path; `strict = true` counts those too); a link
reference definition (`[id]: https://…`); a line holding only shortcode tags (a
`{{< figure … >}}` call is one line in most sites, and wrapping its parameters helps no
reader); and by default table rows (`tables = true` counts them: a GFM row cannot be
wrapped). Headings are counted unless `headings = false`; code blocks and the content of
`{{< >}}` shortcodes such as `{{< highlight >}}` unless `code-blocks = false`.

Many Hugo sites write a paragraph on one line and let editors wrap it: for them, leave this
rule off or raise `line-length`.

This is markdownlint's MD013 (line-length), with `tables` off by default.

## Why is this bad?
Long lines are hard to review: diffs show the whole paragraph as changed for one word, and
side-by-side views scroll. Wrapped lines render the same: Hugo joins a paragraph's lines.

## Example
```markdown
Hugo ships with several built-in shortcodes for rich content, along with a privacy configuration.
```

## Use instead
```markdown
Hugo ships with several built-in shortcodes for rich content, along with a
privacy configuration.

See [the list](https://gohugo.io/content-management/shortcodes/#embedded-shortcodes-and-their-options-in-detail).
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.elements import Role, SourceLines
from validator.model import Finding, Rule, Severity

_REFERENCE_DEFINITION = re.compile(r"[ \t>]*\[(?!\^)[^\]]+\]:\s*\S+")  # not a footnote
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Options:
    line_length: int = field(default=80, metadata={"doc": "Longest line allowed, in characters."})
    strict: bool = field(
        default=False, metadata={"doc": "Count lines whose overflow holds no space (long URLs)."}
    )
    headings: bool = field(default=True, metadata={"doc": "Check headings."})
    code_blocks: bool = field(
        default=True,
        metadata={"doc": "Check code blocks and the content of `{{< >}}` shortcodes."},
    )
    tables: bool = field(default=False, metadata={"doc": "Check table rows."})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    roles = (Role.MARKDOWN,) + ((Role.CODE, Role.SHORTCODE) if opts.code_blocks else ())
    skipped = _skipped_lines(doc, opts)
    limit = opts.line_length
    for number, text in lines.numbered(*roles):
        if len(text) <= limit or number in skipped:
            continue
        if not opts.strict and not _SPACE.search(text, limit):
            continue  # the overflow is one unbreakable word
        if lines.role(number) is Role.MARKDOWN and _REFERENCE_DEFINITION.match(text):
            continue
        yield Finding(number, limit + 1, f"line is {len(text)} characters long; wrap it at {limit}")


def _skipped_lines(doc: Document, opts: Options) -> frozenset[int]:
    skipped: set[int] = set()
    if not opts.headings:
        skipped.update(heading.line for heading in doc.headings)
    if not opts.tables:
        for table in doc.tables:
            skipped.update(range(table.line, table.end_line + 1))
    return frozenset(skipped)


RULE = Rule(
    id="line-length",
    summary="Line longer than the limit",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD013",
)

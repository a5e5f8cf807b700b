"""## What it does
Checks that each heading has a blank line above it and below it (`lines-above`,
`lines-below`). An HTML comment line counts as blank, as in markdownlint. No blank line is
needed where a container starts above the heading (the start of the file, the end of the
front matter, a line of opening shortcode tags such as `{{% note %}}`) or ends below it
(the end of the file, a line of closing tags such as `{{% /note %}}`). A shortcode call
such as `{{< highlight >}}` or `{{< figure >}}` is content, and needs its blank line.

This is markdownlint's MD022 (blanks-around-headings).

## Why is this bad?
A heading glued to the text around it is hard to spot in the source, and a setext
underline (`---`) directly below a paragraph line turns that line into a heading. Blank
lines keep the source's structure as visible as the page's.

## Example
```markdown
## Code Blocks
#### Code block with backticks
```

## Use instead
```markdown
## Code Blocks

#### Code block with backticks
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.elements import SourceLines
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    lines_above: int = field(default=1, metadata={"doc": "Blank lines required above a heading."})
    lines_below: int = field(default=1, metadata={"doc": "Blank lines required below a heading."})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    opens = (token for token in doc.tokens if token.type == "heading_open")
    for token, heading in zip(opens, doc.headings, strict=True):
        first, last = lines.span(token)
        above = not lines.spaced(first, -1, opts.lines_above)
        below = not lines.spaced(last, +1, opts.lines_below)
        if above or below:
            where = "above and below" if above and below else "above" if above else "below"
            yield Finding(
                heading.line,
                heading.column,
                f"heading {_name(heading.text)} needs {_blanks(opts, above, below)} {where} it",
            )


def _name(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _blanks(opts: Options, above: bool, below: bool) -> str:
    count = max(opts.lines_above if above else 0, opts.lines_below if below else 0)
    return "a blank line" if count == 1 else f"{count} blank lines"


RULE = Rule(
    id="heading-blank-lines",
    summary="Heading without blank lines around it",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD022",
)

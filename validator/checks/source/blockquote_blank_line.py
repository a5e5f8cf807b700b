"""## What it does
Reports a blank line between two blockquotes: the quotes become two separate
`<blockquote>` elements. A quote that is a Hugo alert (`> [!NOTE]`, `> [!WARNING]` …)
starts its own block on purpose and is not reported after a blank line.

This is markdownlint's MD028 (no-blanks-blockquote).

## Why is this bad?
Usually one quote with two paragraphs was meant: a blank line ends a blockquote in
Markdown, so the second paragraph becomes a new quote (and, after an alert, a plain quote
outside the alert box). Put `>` on the blank line to keep one quote; to have two quotes,
separate them with text or an HTML comment.

## Example
```markdown
> Don't communicate by sharing memory.

> Share memory by communicating.
```

## Use instead
```markdown
> Don't communicate by sharing memory.
>
> Share memory by communicating.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, blockquote_alert
from validator.model import Finding, NoOptions, Rule, Severity

def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    tokens = doc.tokens
    for index in range(1, len(tokens)):
        if tokens[index - 1].type != "blockquote_close" or tokens[index].type != "blockquote_open":
            continue
        if blockquote_alert(tokens, index):
            continue
        blank = doc.position(tokens[index])[0] - 1
        if blank < 1 or not _is_blank(doc.lines[blank - 1]):
            continue
        yield Finding(
            blank,
            1,
            "blank line between two blockquotes makes them two quotes: put > on it to keep "
            "one, or separate them with text",
        )


def _is_blank(line: str) -> bool:
    """Blank, or blank inside the quote's enclosing blockquotes (only `>` markers)."""
    return not line.strip(" \t>")


RULE = Rule(
    id="blockquote-blank-line",
    summary="Blank line between two blockquotes",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD028",
)

"""## What it does
Checks that a file ends with exactly one newline character: reports a last line without
one, and blank lines after the last line of content (unless they belong to a code block or
a shortcode's body left open at the end). Empty files are fine.

This is markdownlint's MD047 (single-trailing-newline).

## Why is this bad?
POSIX tools expect every line to end with a newline: `cat` glues the next file's first line
onto the last one, `wc -l` counts one line less, and git shows "\\ No newline at end of
file" in every diff that touches the last line. Blank lines at the end are noise that
editors add and remove at random, cluttering diffs.

## Example
```markdown
The last line is followed by a blank line.

```

## Use instead
```markdown
The last line ends with a newline.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.elements import Role, SourceLines
from validator.model import Finding, NoOptions, Rule, Severity


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    content = doc.text.rstrip(" \t\n")
    if not content:
        return  # empty, or only whitespace
    last_content = content.count("\n") + 1
    lines = SourceLines.of(doc)
    blank = lines.count - last_content
    if blank and lines.role(last_content + 1) is Role.MARKDOWN:
        noun = "a blank line" if blank == 1 else f"{blank} blank lines"
        yield Finding(last_content + 1, 1, f"file ends with {noun}; end it with a single newline")
    elif not doc.text.endswith("\n"):
        last = doc.lines[-1]
        yield Finding(len(doc.lines), len(last) + 1, "file does not end with a newline; add one")


RULE = Rule(
    id="final-newline",
    summary="File does not end with a newline",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD047",
)

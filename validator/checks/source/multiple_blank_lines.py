"""## What it does
Reports runs of more than `maximum` (1 by default) consecutive blank lines in the Markdown
body, once per run, at the first line too many. Blank lines in front matter, in code blocks
and in the content of `{{< >}}` shortcodes are part of that text and are not counted; those
at the end of the file are `final-newline`'s.

This is markdownlint's MD012 (no-multiple-blanks).

## Why is this bad?
Markdown renders any number of blank lines as one paragraph break: the extra lines change
nothing on the page and only make the source look like it has sections it does not have.

## Example
```markdown
## Help links


## Introduction
```

## Use instead
```markdown
## Help links

## Introduction
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.elements import Role, SourceLines
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    maximum: int = field(default=1, metadata={"doc": "Most blank lines allowed in a row."})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    run = 0
    for number in range(1, lines.count + 1):
        if lines.role(number) is Role.MARKDOWN and not lines.text(number).strip():
            run += 1
            continue
        if run > opts.maximum:
            yield Finding(
                number - run + opts.maximum,
                1,
                f"{run} blank lines in a row; at most {opts.maximum} (remove {run - opts.maximum})",
            )
        run = 0


RULE = Rule(
    id="multiple-blank-lines",
    summary="Several blank lines in a row",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD012",
)

"""## What it does
Reports code blocks whose style differs from the page's: with `style = "consistent"` (the
default) the first code block sets the style, fenced (```` ``` ```` or `~~~`) or indented
(four spaces); `"fenced"` or `"indented"` require that style everywhere. A
`{{< highlight >}}` shortcode is neither and is never reported.

This is markdownlint's MD046 (code-block-style).

## Why is this bad?
Hugo highlights only fenced blocks that name a language; an indented block is always
emitted as a plain `<pre><code>`, so a page that mixes both looks inconsistent. Indented
blocks are also easy to create by accident (an over-indented paragraph after a list) and
cannot carry a language or Hugo's code block attributes.

## Example
```markdown
~~~sh
hugo new site quickstart
~~~

Then start the server:

    hugo server
```

## Use instead
```markdown
~~~sh
hugo new site quickstart
~~~

Then start the server:

~~~sh
hugo server
~~~
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from validator.document import CodeBlock, Document
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    style: Literal["consistent", "fenced", "indented"] = field(
        default="consistent",
        metadata={"doc": "fenced, indented, or consistent: as the page's first code block."},
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    if not doc.code_blocks:
        return
    if opts.style == "consistent":
        first = doc.code_blocks[0]
        expected = _style(first)
        reason = f"the page's first code block (line {first.line}) is {expected}: use one style"
    else:
        expected = opts.style
        reason = f"the configured style is {expected}: make it {expected}"
    for block in doc.code_blocks:
        if _style(block) != expected:
            yield Finding(
                block.line,
                block.column,
                f"{_style(block)} code block, but {reason}",
            )


def _style(block: CodeBlock) -> str:
    return "fenced" if block.fenced else "indented"


RULE = Rule(
    id="code-block-style",
    summary="Code blocks mix fenced and indented style",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD046",
)

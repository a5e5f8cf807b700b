"""## What it does
Reports fenced code blocks without a language: nothing after the opening fence, or only
attributes (```` ``` {linenos=true} ````).

This is markdownlint's MD040 (fenced-code-language).

## Why is this bad?
Hugo highlights a fenced block only when it names a language; without one it emits a
plain `<pre><code>`, unlike every highlighted block around it, and the `language-…` class
themes and scripts (copy buttons, labels) rely on is missing. Name the language, or `text`
for output and other plain text.

## Example
```markdown
~~~
hugo server --buildDrafts
~~~
```

## Use instead
```markdown
~~~sh
hugo server --buildDrafts
~~~
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule, Severity

# Hugo reads the language from the info string up to the first space or attribute brace.
_LANGUAGE = re.compile(r"[^\s{]*")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for block in doc.code_blocks:
        if block.fenced and not _LANGUAGE.match(block.info)[0]:
            yield Finding(
                block.line,
                block.column,
                f"code block has no language: Hugo renders it unhighlighted; name one after "
                f"the opening {block.fence} (text for plain output)",
            )


RULE = Rule(
    id="fence-without-language",
    summary="Fenced code block without a language",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
    default=Severity.WARNING,
    markdownlint="MD040",
)

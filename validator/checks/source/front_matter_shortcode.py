"""## What it does
Reports a shortcode call in a front matter value: `{{< ref "install" >}}` in a description,
`{{% param "version" %}}` in a title. Hugo runs shortcodes in a page's Markdown alone; in
front matter a call is text, shown as written wherever a template prints the value
(`.Title`, `.Description`, a param; `markdownify` and `.RenderString` run none either).

A call inside backticks (`` `{{< tabs >}}` ``), shown on purpose, is left alone. Each call
is reported where it is written, in the first value that holds it.

## Why is this bad?
Readers see `{{< ref "install" >}}` in the page's heading, in its card on a list page or in
a search result, and Hugo builds the site without a word.

## Example
```markdown
---
title: Cookie flags
description: Set the flags as the {{< ref "modules" >}} page says.
---

Text.
```

## Use instead
```markdown
---
title: Cookie flags
description: Set the flags as the modules page says.
---

Text.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.frontmatter import nested_strings
from validator.model import Finding, NoOptions, Rule
from validator.prose import code_spans, in_code_span

# A call's tag, as Hugo's lexer starts it: `{{<` or `{{%`, a name (or a closing `/`); not a
# comment, `{{</* name */>}}`
_CALL = re.compile(r"\{\{(?:<\s*/?\s*(?!/\*)[\w.-][^{}]*?>|%\s*/?\s*(?!/\*)[\w.-][^{}]*?%)\}\}")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if front_matter.data is None or front_matter.error is not None:
        return
    values = [value for value in nested_strings(front_matter.data) if "{{" in value]
    if not values:
        return
    for number in range(front_matter.line, min(front_matter.end_line, len(doc.lines)) + 1):
        line = doc.lines[number - 1]
        if "{{" not in line:
            continue
        in_code = in_code_span(code_spans(line))
        for match in _CALL.finditer(line):
            if in_code(match.start()) or not any(match[0] in value for value in values):
                continue
            notation = "{{< >}}" if match[0][2] == "<" else "{{% %}}"
            yield Finding(
                number, match.start() + 1,
                f"shortcode {match[0]!r} in front matter is shown as written: Hugo runs {notation} calls in "
                "the page's Markdown alone (write the text it stands for, or have the template make it)",
            )  # fmt: skip


RULE = Rule(
    id="front-matter-shortcode",
    summary="Shortcode call in front matter, shown as written",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

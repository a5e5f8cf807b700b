"""## What it does
Reports a shortcode call written without its `<` `>` or `%` `%`: `{{ ref "install.md" }}`,
`{{ figure src="a.png" }}`, `{{ /details }}`. Only names of shortcodes the site has (its
templates, its themes' and Hugo's own) count, and only calls with parameters (a quoted
value or `name=`) or closing tags: `{{ x }}` in prose about templates is left alone, as is
anything in code.

## Why is this bad?
Without its delimiters the call is no shortcode: Hugo does not run it and the page shows
the braces and parameters as text, where a link, a figure or a video was meant.

## Example
```markdown
See [the install guide]({{ ref "install.md" }}).
```

## Use instead
```markdown
See [the install guide]({{< ref "install.md" >}}).
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule
from validator.prose import stretches, written_as_shown
from validator.shortcodes import EMBEDDED

# `{{ name "value" … }}`, `{{ name key=… }}` or `{{ /name }}`, on one line
_CALL = re.compile(
    r"\{\{-?[ \t]*(?:/([A-Za-z][\w./-]*)"
    r"|([A-Za-z][\w./-]*)[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`|\w+=)[^{}\n]{0,300}?)[ \t]*-?\}\}"
)


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    known = EMBEDDED | doc.site.shortcodes
    for stretch in stretches(doc, where=lambda inline: "{{" in inline.content):
        for match in _CALL.finditer(stretch.text):
            name = match[1] or match[2]
            if name.lower() not in known or not written_as_shown(doc, stretch, (match.start(), match.start() + 1)):
                continue
            line, column = stretch.position(match.start())
            call = match[0] if len(match[0]) <= 60 else match[0][:57] + "..."
            fixed = "{{< /" + name + " >}}" if match[1] else "{{< " + name + " … >}}"
            yield Finding(
                line,
                column,
                f"{call!r} is written without the shortcode's < > (or % %): Hugo shows it as text; write {fixed}",
            )


RULE = Rule(
    id="shortcode-delimiters",
    summary="Shortcode call without its < > or % %, shown as text",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

"""## What it does
Reports a shortcode call in a front matter value: `{{< ref "install" >}}` in a description,
`{{% param "version" %}}` in a title. Hugo runs shortcodes in a page's Markdown alone; in
front matter a call is text, shown as written wherever a template prints the value
(`.Title`, `.Description`, a param). A param a template renders as Markdown, with
`.RenderString` or `markdownify` in the action that reads it (`{{ .RenderString
.Params.note }}`), is left alone: Hugo runs the calls in it (checked with hugo 0.168).
`.Title` and `.Description` are reported all the same: themes print them as text in the
page's `<title>` and meta tags.

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

from collections.abc import Iterator
from typing import Any

from validator.document import Document
from validator.frontmatter import nested_strings
from validator.model import Finding, NoOptions, Rule
from validator.prose import code_spans, in_code_span
from validator.shortcodes import CALL_TAG



def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if front_matter.data is None or front_matter.error is not None:
        return
    rendered = doc.site.rendered_params
    values = [value for value in _shown_strings(front_matter.data, rendered) if "{{" in value]
    if not values:
        return
    # the values rendered as Markdown, when there are: a call is told to be in one of them
    # by the rest of its line (a rendered `content` and a title may hold the same call)
    apart = [value for value in nested_strings(front_matter.data) if "{{" in value] if rendered else []
    for number in range(front_matter.line, min(front_matter.end_line, len(doc.lines)) + 1):
        line = doc.lines[number - 1]
        if "{{" not in line:
            continue
        in_code = in_code_span(code_spans(line))
        for match in CALL_TAG.finditer(line):
            if in_code(match.start()) or not any(match[0] in value for value in values):
                continue
            rest = line[match.start() :].rstrip().rstrip("'\",")
            if any(rest in value for value in apart) and not any(rest in value for value in values):
                continue
            notation = "{{< >}}" if match[0][2] == "<" else "{{% %}}"
            yield Finding(
                number, match.start() + 1,
                f"shortcode {match[0]!r} in front matter is shown as written: Hugo runs {notation} calls in "
                "the page's Markdown alone (write the text it stands for, or have the template make it)",
            )  # fmt: skip


# What themes print as text in a page's `<title>` and meta tags, wherever else it is rendered
_PRINTED_AS_TEXT = frozenset({"title", "linktitle", "description"})


def _shown_strings(data: dict[str, Any], rendered: frozenset[str]) -> Iterator[str]:
    """The strings of the front matter but those of the params a template renders as
    Markdown (`rendered`: `.RenderString`, `markdownify`), whose calls Hugo runs."""
    for key, value in data.items():
        name = str(key).lower()
        if name == "params" and isinstance(value, dict):
            yield from _shown_strings(value, rendered)
        elif name not in rendered or name in _PRINTED_AS_TEXT:
            if isinstance(value, dict) and any(path.startswith(name + ".") for path in rendered):
                yield from _shown_strings(value, frozenset(
                    path.removeprefix(name + ".") for path in rendered if path.startswith(name + ".")
                ))  # fmt: skip
            else:
                yield from nested_strings(value)


RULE = Rule(
    id="front-matter-shortcode",
    summary="Shortcode call in front matter, shown as written",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

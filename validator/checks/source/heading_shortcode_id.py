"""## What it does
Checks headings whose id Hugo makes from a `{{< … >}}` shortcode: one without a custom id
that shows the shortcode in its text (in a link's or an image's address, a shortcode leaves
no trace in the id). Hugo renders such a shortcode after the Markdown, so the heading's id
is made from a placeholder:
`## Release {{< param "version" >}}` gets an id like `release-hahahugoshortcode2s0hbhb`.

## Why is this bad?
The placeholder's number changes as shortcodes are added or removed earlier on the page,
so every link to the heading, and the table of contents' own link, can break without
notice; the id also shows internals in the address bar. Give the heading a custom id
(`## Release {{< param "version" >}} {#release}`), or call the shortcode in Markdown
notation (`{{% param "version" %}}`), whose output Hugo renders before making the id: if
its template's output ends with no line break, which would end the heading there (most
template files end with one; Hugo's own `param` does not).

## Example
```markdown
## Release {{< param "version" >}}
```

## Use instead
```markdown
## Release {{< param "version" >}} {#release}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import PLACEHOLDER_IN_ID, Document, ShortcodeUse
from validator.model import Finding, NoOptions, Rule, Severity


# A setext heading's underline of `-` (which, after a blank line, is a horizontal rule)
_DASHES = re.compile(r"^ {0,3}-+[ \t]*$")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    by_line: dict[int, list[ShortcodeUse]] | None = None  # the `{{< >}}` calls on each line, made once
    for heading in doc.headings:
        if heading.id is None or heading.id_predictable:
            continue
        if by_line is None:
            by_line = {}
            for use in doc.shortcodes:
                if use.notation == "<" and use.kind != "comment":
                    by_line.setdefault(use.line, []).append(use)
        calls = by_line.get(heading.line, [])
        if not calls:
            continue  # {{% %}} output is rendered before the id is made
        standard = [use.source for use in calls]
        prefix = heading.id.split(PLACEHOLDER_IN_ID, 1)[0]
        below = doc.lines[heading.line] if heading.line < len(doc.lines) else ""
        if _DASHES.match(below) and heading.text.strip() == " ".join(standard):
            # a call alone on its line, `---` right below: a rule was meant (grpc's video)
            yield Finding(
                heading.line,
                heading.column,
                f"the `---` right below {standard[0]} makes it a heading, whose id Hugo makes from the "
                "shortcode's placeholder; put a blank line before `---` for a horizontal rule",
            )
            continue
        yield Finding(
            heading.line,
            heading.column,
            f"Hugo makes this heading's id from its placeholder for {standard[0]} "
            f"({prefix}hahahugoshortcode…), which changes as shortcodes are added; "
            "add a custom id {#…}" + (
                "" if calls[0].legacy  # (its template's legacy `$_hugo_config` keeps its output out of the Markdown)
                else " (or use {{% %}} notation, if the template's output ends with no line break: one would end "
                "the heading there)"
            ),
        )


RULE = Rule(
    id="heading-shortcode-id",
    summary="Heading id made from a shortcode placeholder",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
)

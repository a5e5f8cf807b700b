"""## What it does
Reports HTML elements in content that are not on an allow-list: each opening (or
self-closing) tag, inline or in an HTML block. HTML comments and HTML inside `{{< >}}`
shortcodes are not checked.

This is a policy on what content may contain, so it applies whatever the site's
`markup.goldmark.renderer.unsafe` says. With `unsafe = false` (Hugo's default) raw HTML
never reaches the page at all, which `raw-html-omitted` reports for every tag, allowed or
not; this rule is meant for sites that set `unsafe = true`.

The default allow-list holds the inline elements Markdown has no syntax for and Hugo no
embedded shortcode: `abbr`, `br`, `cite`, `kbd`, `mark`, `sub`, `sup` (the ones Hugo's
own example content uses). Everything else has a better form: images, links, emphasis and
tables in Markdown (so Hugo's render hooks and image processing apply), `figure`,
`details` and video embeds as Hugo's embedded shortcodes, layout `div`s in a shortcode
or template.

This is markdownlint's MD033 (no-inline-html), with its `allowed_elements` option.

## Why is this bad?
Raw HTML in content bypasses everything Hugo does for Markdown: render hooks, image
processing, heading ids, the table of contents. It ties the content to one theme's markup
and is easy to break (an unclosed `<div>` swallows the rest of the page).

## Example
```markdown
<img src="/images/gopher.png" alt="The Go gopher">
```

## Use instead
```markdown
![The Go gopher](/images/gopher.png)

Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    allowed_elements: tuple[str, ...] = field(
        default=("abbr", "br", "cite", "kbd", "mark", "sub", "sup"),
        metadata={"doc": "HTML elements allowed in content (case-insensitive)."},
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    allowed = {name.lower() for name in opts.allowed_elements}
    for tag in doc.html_tags:
        if tag.is_element and not tag.closing and tag.name not in allowed:
            yield Finding(
                tag.line,
                tag.column,
                f"raw HTML <{tag.name}> in content: write it in Markdown or a shortcode, or "
                "add it to allowed-elements",
            )


RULE = Rule(
    id="inline-html",
    summary="Raw HTML element not on the allow-list",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    reads_contents=True,
    default=Severity.WARNING,
    markdownlint="MD033",
)

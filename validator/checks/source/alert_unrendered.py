"""## What it does
Reports GitHub-style alerts (`> [!NOTE]`, `> [!WARNING]`, Obsidian's `> [!TIP]+ Title`) on
pages that no blockquote render hook renders. Hugo recognises the alert, but only a
`render-blockquote` hook of the site or its theme turns it into an alert box; without one
the marker stays in the quote as text.

The hook that renders each page is the one Hugo picks: `layouts/_markup/render-blockquote.html`
(or `render-blockquote-alert.html`), or one in a section's or a type's folder. A theme mdcheck
cannot find may have one: nothing is reported then.

## Why is this bad?
The page shows a plain quote starting with `[!WARNING]`: the reader sees the syntax, and no
warning box. The build says nothing.

## Example
```markdown
> [!WARNING]
> Back up the database first.
```

## Use instead
```markdown
> **Warning:** back up the database first.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, blockquote_alert
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if "render-blockquote" in doc.render_hooks:
        return
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open":
            continue
        alert = blockquote_alert(tokens, index)
        if alert is None:
            continue
        line, column = doc.position(tokens[index + 2] if tokens[index + 1].type == "paragraph_open" else token)
        yield Finding(
            line,
            column,
            f"alert {alert[0]!r} is shown as text: no blockquote render hook renders this page's alerts "
            f"(add layouts/_markup/render-blockquote.html, or write the {alert[1].lower()} as plain text)",
        )


RULE = Rule(
    id="alert-unrendered",
    summary="Blockquote alert shown as text: no blockquote render hook",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

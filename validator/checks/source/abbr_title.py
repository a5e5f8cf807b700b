"""## What it does
Reports `<abbr>` elements without a `title` attribute (or with an empty one).

## Why is this bad?
The `title` is what an abbreviation element is for: browsers show it on hover and screen
readers can announce it. Without it `<abbr>GIF</abbr>` is plain text with extra markup,
and readers never learn what GIF stands for. (Under Hugo's default
`markup.goldmark.renderer.unsafe = false` the tag is dropped anyway, which
`raw-html-omitted` reports; the missing title is still a mistake in the content.)

## Example
```markdown
<abbr>GIF</abbr> is a bitmap image format.
```

## Use instead
```markdown
<abbr title="Graphics Interchange Format">GIF</abbr> is a bitmap image format.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, HtmlTag
from validator.model import Finding, NoOptions, Rule, Severity


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for tag in doc.html_tags:
        if tag.name == "abbr" and not tag.closing and not (tag.attribute("title") or "").strip():
            text = _abbreviation(doc, tag)
            around = f" around {text!r}" if text else ""
            yield Finding(
                tag.line,
                tag.column,
                f"<abbr>{around} has no title: add title=\"…\" with what it stands for",
            )


def _abbreviation(doc: Document, tag: HtmlTag) -> str:
    """The text between the tag and `</abbr>` when both are on the tag's line."""
    rest = doc.lines[tag.line - 1][tag.column - 1 + len(tag.source) :]
    end = rest.lower().find("</abbr>")
    return rest[:end].strip() if end >= 0 and "\n" not in tag.source else ""


RULE = Rule(
    id="abbr-title",
    summary="<abbr> without a title",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
    default=Severity.WARNING,
)

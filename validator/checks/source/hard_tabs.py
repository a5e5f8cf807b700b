"""## What it does
Reports tab characters in the Markdown body, once per line, at the first tab. Front matter
is not checked. Code blocks and the content of `{{< >}}` shortcodes (such as
`{{< highlight >}}`) are checked unless `code-blocks = false`; `ignore-code-languages`
exempts fenced blocks in the languages that need tabs (Go, Makefiles).

This is markdownlint's MD010 (no-hard-tabs).

## Why is this bad?
A tab's width depends on the viewer: the text lines up in one editor and not in another.
In Markdown a tab also counts as up to four columns of indentation, so a tab can turn a
paragraph or a list item into a code block by accident.

## Example
```markdown
* [hugo mod](/commands/hugo_mod/)	- Manage modules
```

## Use instead
```markdown
* [hugo mod](/commands/hugo_mod/) - Manage modules
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.elements import TAGS, Role, SourceLines
from validator.model import Finding, Rule, Severity


@dataclass(frozen=True)
class Options:
    code_blocks: bool = field(
        default=True,
        metadata={"doc": "Also check code blocks and the content of `{{< >}}` shortcodes."},
    )
    ignore_code_languages: tuple[str, ...] = field(
        default=(),
        metadata={"doc": 'Fenced code languages where tabs are allowed, e.g. ["go", "makefile"].'},
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    roles = (Role.MARKDOWN, *TAGS) + ((Role.CODE, Role.SHORTCODE) if opts.code_blocks else ())
    exempt = _exempt_lines(lines, opts.ignore_code_languages)
    for number, text in lines.numbered(*roles):
        column = text.find("\t")
        if column >= 0 and number not in exempt:
            count = text.count("\t")
            tabs = f"{count} hard tabs" if count > 1 else "hard tab"
            yield Finding(number, column + 1, f"{tabs} in this line; use spaces")


def _exempt_lines(lines: SourceLines, languages: tuple[str, ...]) -> frozenset[int]:
    """The content lines of fenced code blocks in one of `languages`."""
    wanted = {language.lower() for language in languages}
    return frozenset(
        line
        for block in lines.doc.code_blocks
        if block.fenced and block.language.lower() in wanted
        for line in range(block.line, block.end_line + 1)
        if lines.role(line) is Role.CODE
    )


RULE = Rule(
    id="hard-tabs",
    summary="Tab character in the Markdown",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD010",
)

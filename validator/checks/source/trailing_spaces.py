"""## What it does
Reports whitespace at the end of a line, except exactly `br-spaces` spaces (2 by default)
after text, which is Markdown's hard line break. A line of nothing but whitespace, and a
trailing tab, are always reported. With `strict = true` the break spaces are reported too
where they make no break: after the last line of a paragraph, in a heading or a table.

Front matter is not checked (its format has its own rules), nor by default the content of
code blocks and of `{{< >}}` shortcodes such as `{{< highlight >}}`, where whitespace is
part of the text; set `code-blocks = true` to check them too. With
`list-item-empty-lines = true`, an indented empty line inside a list is allowed, as some
editors write them.

This is markdownlint's MD009 (no-trailing-spaces).

## Why is this bad?
Trailing whitespace is invisible: two spaces make a `<br>` the author may not have meant,
three spaces do the same and look like a typo, and whitespace-only changes clutter diffs.
A deliberate line break is clearer written as a backslash at the end of the line.

## Example
```markdown
Don't communicate by sharing memory.   
Share memory by communicating.
```

## Use instead
```markdown
Don't communicate by sharing memory.\\
Share memory by communicating.
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
    br_spaces: int = field(
        default=2,
        metadata={"doc": "Trailing spaces allowed after text for a line break (below 2: none)."},
    )
    strict: bool = field(
        default=False, metadata={"doc": "Allow the break spaces only where they make a break."}
    )
    code_blocks: bool = field(
        default=False,
        metadata={"doc": "Also check code blocks and the content of `{{< >}}` shortcodes."},
    )
    list_item_empty_lines: bool = field(
        default=False, metadata={"doc": "Allow whitespace-only lines inside lists."}
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    lines = SourceLines.of(doc)
    roles = (Role.MARKDOWN, *TAGS) + ((Role.CODE, Role.SHORTCODE) if opts.code_blocks else ())
    breaks = _break_lines(lines) if opts.strict else frozenset()
    in_lists = _list_lines(lines) if opts.list_item_empty_lines else frozenset()
    br_spaces = opts.br_spaces if opts.br_spaces >= 2 else 0
    for number, text in lines.numbered(*roles):
        content = text.rstrip(" \t")
        trailing = text[len(content) :]
        if not trailing:
            continue
        if not content:
            if number not in in_lists:
                yield Finding(number, 1, "line holds only whitespace; remove it")
            continue
        column = len(content) + 1
        if "\t" in trailing:
            yield Finding(number, column, "trailing tab; remove it")
        elif len(trailing) != br_spaces or (opts.strict and number not in breaks):
            yield Finding(number, column, _message(len(trailing), br_spaces))


def _message(count: int, br_spaces: int) -> str:
    spaces, them = (f"{count} trailing spaces", "them") if count > 1 else ("1 trailing space", "it")
    if count == br_spaces:  # strict: the break spaces where no break happens
        return f"{spaces} make no line break here; remove {them}"
    if br_spaces:
        return f"{spaces}; remove {them}, or end the line with `\\` for a line break"
    return f"{spaces}; remove {them}"


def _break_lines(lines: SourceLines) -> frozenset[int]:
    """Lines whose end is inside a paragraph: trailing spaces there make a line break."""
    breaks: set[int] = set()
    for token in lines.doc.tokens:
        if token.type == "paragraph_open" and token.map:
            first, last = lines.span(token)
            breaks.update(range(first, last))
    return frozenset(breaks)


def _list_lines(lines: SourceLines) -> frozenset[int]:
    """Lines inside a list (its item's blank lines included)."""
    inside: set[int] = set()
    depth = 0
    for token in lines.doc.tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 0:
                first, last = lines.span(token)
                inside.update(range(first, last + 1))
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
    return frozenset(inside)


RULE = Rule(
    id="trailing-spaces",
    summary="Whitespace at the end of a line",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD009",
)

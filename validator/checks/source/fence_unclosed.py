"""## What it does
Reports a fenced code block that is never closed and swallows what was meant to follow
it: Markdown runs it to the end of the page (or of the list item or quote it is in), so
when its content holds a heading or a fence line that did not close it, text was lost to
the code block. Common causes: a closing fence shorter than the opening one (four
backticks closed by three), or a fence opened in a list item and closed outside it.

A block left open at the very end of a page with nothing but code after it is not
reported: it renders as meant. In a language whose comments start with `#` (YAML, shell,
Python, TOML…), a `# comment` is code, not a heading: only a heading of two `#` or more
after a blank line counts as swallowed there.

A fence in a list item or quote is also reported when its block ends before the fence
is closed: a code line written less indented than the item's content ends the item (or,
unmarked, the quote) and shows as text, and the closing fence the author meant, on the
lines that follow, shows as text too or opens a new code block that swallows what comes
next.

## Why is this bad?
Everything after the opening fence shows as code: headings, paragraphs and links become
monospace text, the table of contents loses the headings and links to them break.

## Example
```markdown
~~~~sh
hugo server
~~~

## Next steps
```

## Use instead
```markdown
~~~sh
hugo server
~~~

## Next steps
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from validator.document import Document, SourceMap
from validator.model import Finding, NoOptions, Rule

_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")
_FENCE_OPENING = re.compile(r"^(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)?[ \t]*(?:`{3,}[^`]*|~{3,}.*)$")  # (a list item's too)
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+")  # a quote's markers before a fence line
_HEADING_LINE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+\S")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    source = doc.source_map
    if source is None:
        return
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if token.type != "fence" or token.map is None:
            continue
        last = _QUOTE_MARKS.sub("", source.masked_line(token.map[1] - 1))
        closing = _FENCE_LINE.match(last)
        if token.map[1] - token.map[0] > 1 and closing and _closes(closing[1], token.markup):
            continue  # closed
        if token.level and (meant := _closing_meant(source, token.map[1], token.markup)) is not None:
            yield _ended_by_its_block(doc, token, *meant)
            continue
        swallowed = _swallowed(token)
        if swallowed is None:
            continue
        line, column = doc.position(token)
        marks = "backticks" if token.markup[0] == "`" else "tildes"
        after_block = index and tokens[index - 1].type in ("bullet_list_close", "ordered_list_close", "blockquote_close")
        fix = (
            "if it was to close a fence in the list item or quote above, indent it as that block's content"
            if after_block and not token.info.strip()
            else f"close it with {token.markup!r} (as many {marks} as the opening, or more)"
        )
        yield Finding(
            line,
            column,
            f"code fence {token.markup!r} is never closed: what follows it, {swallowed.strip()[:40]!r} included, "
            f"is code to the end of its block; {fix}",
        )


def _swallowed(token: Token) -> str | None:
    """The first line of an unclosed fence's code that was meant to follow it: a fence line,
    or a heading; in a language whose comments start with `#` (`# config.yaml` of a YAML
    block), a heading of two `#` or more after a blank line alone."""
    language = token.info.strip().split(maxsplit=1)[0].strip("{}.").lower() if token.info.strip() else ""
    hash_comments = language in _HASH_COMMENTS
    lines = token.content.split("\n")
    for number, line in enumerate(lines):
        if _FENCE_LINE.match(line):
            return line
        if (heading := _HEADING_LINE.match(line)) and (
            not hash_comments or (heading[1] != "#" and number and not lines[number - 1].strip())
        ):
            return line
    return None


# Languages whose comments start with `#`
_HASH_COMMENTS = frozenset({
    "bash", "sh", "shell", "zsh", "console", "shell-session", "yaml", "yml", "toml", "python", "py", "python3", "ruby",
    "rb", "perl", "r", "dockerfile", "docker", "makefile", "make", "conf", "ini", "nginx", "properties", "powershell",
    "ps1", "tcl", "cmake", "elixir", "nix", "hcl", "terraform", "tf", "graphql", "gitignore", "crystal", "julia",
    "coffeescript", "awk", "fish", "apacheconf", "caddyfile", "starlark", "bzl", "nim", "gnuplot",
})  # fmt: skip


def _closing_meant(source: SourceMap, end: int, opening: str) -> tuple[int, str] | None:
    """The fence line meant to close a fence its list item or quote ended at masked line
    `end`: among the lines that follow, up to a blank one, the first fence line that closes
    it, as its file line; and the first of those lines, which ended the block. None without."""
    first = source.masked_line(end)
    for index in range(end, min(end + _LINES_SOUGHT, source.masked_line_count)):
        text = _QUOTE_MARKS.sub("", source.masked_line(index))
        if not text.strip():
            return None
        if (fence := _FENCE_LINE.match(text)) and _closes(fence[1], opening):
            return (source.line_position(index)[0], first) if index > end else None
        if _FENCE_OPENING.match(text):
            return None  # a fence of its own (```bash) opens before: the next one closes that
    return None


_LINES_SOUGHT = 50  # a bound on the lines sought for the closing fence meant


def _ended_by_its_block(doc: Document, token: Token, fence_line: int, first: str) -> Finding:
    line, column = doc.position(token)
    return Finding(
        line,
        column,
        f"code fence {token.markup!r} is closed by the end of its list item or quote, not by a closing fence: "
        f"{first.strip()[:40]!r}, written less indented than the block's content, ends that block and shows as "
        f"text, and the fence on line {fence_line} meant to close this one no longer does (it shows as text or "
        "opens a new code block); indent the code as the block's content",
    )


def _closes(fence: str, opening: str) -> bool:
    return fence[0] == opening[0] and len(fence) >= len(opening)


RULE = Rule(
    id="fence-unclosed",
    summary="Code fence never closed, swallowing what follows",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

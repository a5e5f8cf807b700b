"""## What it does
Reports an HTML comment (`<!--`) that is never closed with `-->`:

- At the start of a block, Markdown reads everything after it, to the end of the page (or
  of the list item or quote it is in), as the comment: Hugo drops all of it from the page
  without a word. With `unsafe = true` the comment is written out unclosed, and the
  browser hides the rest of the page, the theme's footer included.
- Inside a paragraph, the `<!--` is no comment at all: the page shows it as text.
- Left open on its line, it runs to the `-->` of another comment further on (comments do
  not nest: `<!-- TODO` … `Text <!-- note --> more.`): Hugo drops every line between.

## Why is this bad?
A forgotten `-->` (or a `<!-- TODO` never finished) silently removes the rest of the
page: headings, text and links are gone from the site, and the build says nothing.

## Example
```markdown
Intro.

<!-- TODO: reword the next section

## Install

Run the installer.
```

## Use instead
```markdown
Intro.

<!-- TODO: reword the next section -->

## Install

Run the installer.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it.token import Token

from validator.document import Document
from validator.model import Finding, NoOptions, Rule
from validator.prose import stretches, written_as_shown


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for token in doc.tokens:
        if token.type != "html_block" or not token.content.lstrip().startswith("<!--"):
            continue
        body = token.content.lstrip()[4:]
        if body.startswith((">", "->")):
            continue  # `<!-->`, `<!--->`: an empty comment, closed (goldmark and browsers agree)
        if "-->" in body:
            if (found := _closed_by_another(doc, token, body)) is not None:
                yield found
            continue
        dropped = [line.strip() for line in body.split("\n")[1:] if line.strip()]
        if not dropped and not doc.markup.unsafe:
            continue  # the last thing in its block: nothing lost
        line, column = doc.position(token)
        where = "the page" if token.level == 0 else "its list item or quote"
        lost = f"{len(dropped)} line{'s' if len(dropped) != 1 else ''}, {dropped[0][:40]!r} first" if dropped else ""
        effect = (
            f"Hugo drops everything after it to the end of {where} ({lost})"
            if dropped
            else "with unsafe = true it is written unclosed and the browser hides the rest of the page"
        )
        yield Finding(line, column, f"HTML comment never closed with -->: {effect}")
    for stretch in stretches(doc, where=lambda inline: "<!--" in inline.content):
        index = stretch.text.find("<!--")
        if stretch.kind == "text" and index >= 0 and written_as_shown(doc, stretch, range(index, index + 4)):
            line, column = stretch.position(index)
            message = "HTML comment never closed with -->: inside a paragraph the page shows '<!--' as text"
            yield Finding(line, column, message)


def _closed_by_another(doc: Document, token: Token, body: str) -> Finding | None:
    """A comment left open on its line that runs to the `-->` of another comment further on
    (comments do not nest: `<!-- TODO` … `Text <!-- note --> more.`), with lines between."""
    opener = body.rfind("<!--", 0, body.find("-->"))
    if opener < 0 or "\n" not in body[:opener] or doc.source_map is None:
        return None
    line, column = doc.position(token)
    closing = doc.source_map.token_position(token, len(token.content) - len(body) + opener)[0]
    dropped = [text.strip() for text in doc.lines[line : closing - 1] if text.strip()]
    if not dropped:
        return None
    return Finding(
        line, column,
        f"HTML comment not closed on its line runs to the --> of the comment on line {closing} (comments do not "
        f"nest): Hugo drops the {len(dropped)} line{'s' if len(dropped) != 1 else ''} between, {dropped[0][:40]!r} "
        "first; close it with -->",
    )  # fmt: skip


RULE = Rule(
    id="comment-unclosed",
    summary="HTML comment never closed, dropping the rest of the page",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

"""## What it does
Reports Markdown written inside an HTML block, on a site that keeps raw HTML
(`markup.goldmark.renderer.unsafe = true`): a heading, a list item, bold, a link, an
image or a code span on the lines of a `<div>` (or any block-level tag) with no blank line between. An
HTML block runs until a blank line, and its lines are written out as they are: the
Markdown in them is never rendered. The same goes for the content of a `{{% %}}` call whose
template prints it right after a block-level tag (`<div class="note">{{ .Inner }}`): Hugo
lays the template's output into the page's Markdown, so the content up to its first blank
line joins that block.

So does the text after an HTML comment that starts a line (`<!-- TODO --> See [the
docs](/docs/).`): the comment's block runs to the line it ends on.

Code (`<code>`, `<kbd>`, `<samp>`, `<pre>`), comments, scripts and styles are left alone, so
are names SQL quotes with backticks (`` CALL x(`table` => 'T') ``, `` `db`.`t` ``). With
raw HTML off, Hugo drops the whole block, which `raw-html-omitted` reports.

## Why is this bad?
The page shows `## Heading` and `**bold**` as written inside the box the HTML draws: no
heading, no anchor, no link. The build says nothing.

## Example
```toml
[markup]
unsafe = true
```

```markdown
<div class="note">
**Note:** back up [the database](/docs/backup/) first.
</div>
```

## Use instead
```markdown
<div class="note">

**Note:** back up [the database](/docs/backup/) first.

</div>
```
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from validator.document import Document, ShortcodeUse, spans_rendered_apart
from validator.model import Finding, NoOptions, Rule

# HTML blocks whose content is text on purpose (CommonMark's type 1)
_VERBATIM = re.compile(r"\s*<(?:pre|script|style|textarea)", re.IGNORECASE)
_COMMENT_BLOCK = re.compile(r"\s*<!--")
# Text Markdown would have rendered: a heading or bullet line (not one whose text starts with
# a tag, `- <a href="…">…</a>`: HTML written with a dash), bold, a link, an image. A numbered
# line (`1. First`) may well be text.
_MARKDOWN = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}|[-*+])[ \t]+(?=\S)(?!</?[a-zA-Z])"
    r"|\*\*(?=\S)[^*\n]{1,200}?(?<=\S)\*\*|!?\[[^\[\]\n]{1,200}\]\([^()\s]{1,500}\)",
    re.MULTILINE,
)
# Where code or a comment starts, and what ends it
_CODE_OR_COMMENT = re.compile(r"<(code|kbd|samp|pre|script|style|textarea)\b|<!--", re.IGNORECASE)
_CLOSERS = {
    "code": "</code>", "kbd": "</kbd>", "samp": "</samp>", "pre": "</pre>", "script": "</script>", "style": "</style>",
    "textarea": "</textarea>", "<!--": "-->",
}  # fmt: skip
# A code span on one line: a tag in it (`` - `<nav>` had a class ``) is text, no tag
_CODE_SPAN = re.compile(r"`[^`\n]+`")
# A name quoted with backticks in code written as text: SQL's named argument (`` `table` =>
# 'T' ``, paimon's procedures in a `<td>`), a qualified name (`` `db`.`t` ``): no code span
_QUOTED_NAME = re.compile(r"`\w+`(?=[ \t]*=>|\.`)|(?<=`\.)`\w+`")


def _quoted_name(text: str, span: re.Match[str]) -> bool:
    found = _QUOTED_NAME.match(text, span.start())
    return found is not None and found.end() == span.end()


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if not doc.markup.unsafe:
        return
    apart = _rendered_apart(doc)
    for token in doc.tokens:
        if token.type != "html_block" or _VERBATIM.match(token.content):
            continue
        outside_code = _without_code(token.content)
        content = _CODE_SPAN.sub(lambda span: " " * len(span[0]), outside_code)
        lines_seen = set()
        # (a code span shows its backticks too: `-o=go-template` in a `<td>`)
        spans = [span for span in _CODE_SPAN.finditer(outside_code) if not _quoted_name(outside_code, span)]
        marks = sorted([*_MARKDOWN.finditer(content), *spans], key=lambda found: found.start())
        for found in marks:
            line, column = doc.source_map.token_position(token, found.start()) if doc.source_map else doc.position(token)
            if line in lines_seen or _inside(apart, (line, column)):
                continue  # one finding a line; none in content Hugo renders apart, as Markdown
            lines_seen.add(line)
            # as the file has it (the parsed content holds placeholders for shortcodes)
            shown = doc.lines[line - 1][column - 1 :].strip() if 0 < line <= len(doc.lines) else ""
            opener = doc.html_block_openers.get(id(token))
            ended = _ENDING_TAG.match(token.content)  # the block an element's end starts, the text below it
            message = (
                _message(shown, *opener, doc) if opener is not None
                else _after_end(shown, ended[1]) if ended is not None and found.start() >= ended.end()
                else _after_comment(shown) if _COMMENT_BLOCK.match(token.content)
                else _written_message(shown)
            )  # fmt: skip
            yield Finding(line, column, message)


def _rendered_apart(doc: Document) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The spans of the contents Hugo renders apart from the page, as Markdown (see
    `spans_rendered_apart`): what the page's HTML block holds of them is their HTML
    (minikube's tabs, checked with hugo 0.168). Merged, in order."""
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for _, start, end in sorted(spans_rendered_apart(doc.shortcode_calls, doc.is_call_content), key=lambda span: span[1:]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[tuple[int, int], tuple[int, int]]], place: tuple[int, int]) -> bool:
    """Whether a place is inside one of the merged `spans`."""
    index = bisect.bisect_left(spans, (place, place)) - 1
    return index >= 0 and spans[index][0] < place < spans[index][1]


# An HTML block that starts with an element's end tags (`</details>`)
_ENDING_TAG = re.compile(r"[ \t]*(</[A-Za-z][\w-]*\s*>)(?:[ \t]*</[A-Za-z][\w-]*\s*>)*")


def _after_end(shown: str, tag: str) -> str:
    return (
        f"{shown[:50]!r} is Markdown in the HTML block that {tag} starts, which is written out as it is: "
        f"put a blank line after {tag} to have it rendered"
    )


def _after_comment(shown: str) -> str:
    return (
        f"{shown[:50]!r} is in the HTML block a comment starts, which is written out as it is up to the "
        "comment's end line: put the comment on a line of its own"
    )


def _written_message(shown: str) -> str:
    return (
        f"{shown[:50]!r} is Markdown inside an HTML block, which is written out as it is: put a blank "
        "line after the opening tag and before the closing one to have it rendered"
    )


def _message(shown: str, opener: ShortcodeUse, closing: bool, doc: Document) -> str:
    """The message for Markdown in the HTML block a `{{% %}}` call's template opens before
    its content or, `closing`, after it."""
    name = opener.name
    if closing:
        opening = dict(doc.site.shortcodes_closing_html_block)[opener.template]
        return (
            f"{shown[:50]!r} is in the HTML block the end of {{{{% {name} %}}}} opens (line {opener.close_line}: its "
            f"template writes `{opening.shown}` with no line break after it), which Hugo writes out as it is, up to "
            f"the first blank line: leave a blank line after {{{{% /{name} %}}}} to have it rendered"
        )
    opening = dict(doc.site.shortcodes_opening_html_block)[opener.template]
    if opening.trims:  # no blank line in the page keeps the content off the tag's line
        how = f"`{opening.shown}`, the content trimmed onto the tag's line"
        fix = "write a blank line between the tag and the content in the template"
    elif opening.on_its_line:
        how, fix = f"`{opening.shown}` on one line", f"leave a blank line after {{{{% {name} %}}}}"
    else:
        how, fix = f"`{opening.shown}` on the line before its content", f"start the content on the line after {{{{% {name} %}}}}"
    return (
        f"{shown[:50]!r} is in the HTML block {{{{% {name} %}}}} opens (line {opener.line}: its template writes "
        f"{how}), which Hugo writes out as it is, up to the first blank line: {fix} to have it rendered"
    )


def _without_code(content: str) -> str:
    """The content with its code, keyboard keys, scripts, styles and comments blanked, in
    one pass: each end
    is searched once from its start (an unclosed one blanks the rest)."""
    parts, cursor, lowered = [], 0, content.lower()
    while (found := _CODE_OR_COMMENT.search(content, cursor)) is not None:
        closer = _CLOSERS[(found[1] or found[0]).lower()]
        end = lowered.find(closer, found.end())
        end = len(content) if end < 0 else end + len(closer)
        parts += [content[cursor : found.start()], " " * (end - found.start())]
        cursor = end
    return "".join(parts) + content[cursor:]


RULE = Rule(
    id="markdown-in-html-block",
    summary="Markdown inside an HTML block, shown as written",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

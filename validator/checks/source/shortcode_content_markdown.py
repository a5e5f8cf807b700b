"""## What it does
Reports Markdown (bold, emphasis, code spans, links, images, headings, list items) in the
content of a `{{< name >}}…{{< /name >}}` call whose template prints its content as it is
(`{{ .Inner }}`, with `safeHTML`, or as `printf`'s last argument: `{{ printf
"<div>%s</div>" .Inner | safeHTML }}`) and does nothing else with it: no `markdownify` or `RenderString`, no `<pre>` or `<code>`
around it, no highlighting. A `{{< >}}` call's output is not Markdown, so the page shows
the asterisks and brackets as text.

Only templates mdcheck can read are judged, and only when each of the shortcode's
templates prints the content so; not those whose content is another language for a
script or the browser (a name or a class of `mermaid`, `math`, `katex`, `chart`, `raw`,
`html` and the like: a diagram, a formula, HTML). Text in the content's own `<pre>`,
`<code>`, `<kbd>`, `<samp>`, `<script>`, `<style>` or `<textarea>` elements is meant as
written (SQL's `*.*` in a `<pre>`), and left alone.

## Why is this bad?
The author wrote `**important**` and `[the guide](/guide/)`; the reader sees the
asterisks and the brackets, and no link. Hugo builds the page without a warning.

## Example
```markdown content/posts/a.md
---
title: "A"
---
{{< note >}}
Read **the guide** first.
{{< /note >}}
```

```html layouts/_shortcodes/note.html
<div class="note">{{ .Inner }}</div>
```

## Use instead
```markdown content/posts/a.md
---
title: "A"
---
{{< note >}}
Read **the guide** first.
{{< /note >}}
```

```html layouts/_shortcodes/note.html
<div class="note">{{ .Inner | .Page.RenderString }}</div>
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document, line_starts, opaque_depths
from validator.model import Finding, NoOptions, Rule
from validator.shortcodes import lex_shortcodes, pair_shortcodes

# Markdown that is no slip when shown as text but for its marks: bold, emphasis, a code span, a link or
# an image (its text and its destination may break a line once), a heading, a list item
# (of words: not a formula's `- \frac`)
_MARKDOWN = re.compile(
    r"\*\*(?=\S)[^*\n]{1,200}?(?<=\S)\*\*|__(?=\S)[^_\n]{1,200}?(?<=\S)__|(?<!`)`[^`\n]{1,200}`(?!`)"
    r"|(?<![\w*\\])\*(?=[^\s*])[^*\n]{1,200}?(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])[^_\n]{1,200}?(?<=[^\s_\\])_(?![\w])"
    r"|!?\[(?:[^\[\]\n]|\n(?![ \t]*\n)){1,200}\]\([ \t]*\n?[ \t]*[^()\s]{1,500}[ \t]*\n?[ \t]*\)"
    r"|(?P<line>^[ \t]{0,3}(?:#{1,6}|[-*+])[ \t]+[A-Za-z`*\[])",
    re.MULTILINE,
)


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    printing = doc.site.shortcodes_printing_inner
    if not printing:
        return
    calls = doc.shortcode_calls
    starts: list[int] = []
    for use, depth in zip(calls, opaque_depths(calls)):
        if depth or use.notation != "<" or use.legacy or use.template not in printing:
            continue
        starts = starts or line_starts(doc.text)
        content = doc.call_content(use, starts)
        if content is None:
            continue
        offset, text = content
        found = _MARKDOWN.search(_LITERAL_ELEMENT.sub(_blank, _outside_calls(text)))
        if found is None:
            continue
        line, column = doc.source_map.position(offset + found.start()) if doc.source_map else (use.line, use.column)
        end = text.find("\n", found.start()) if found["line"] else found.end()
        shown = " ".join(text[found.start() : end if end >= 0 else len(text)].split())
        markdown_call = doc.markup.unsafe or use.template in doc.site.shortcodes_without_html
        also = f", or call it as {{{{% {use.name} %}}}}" if markdown_call else ""
        yield Finding(
            line,
            column,
            f"{shown[:60]!r} shows as text: the {use.name!r} template prints a {{{{< >}}}} call's content "
            f"as it is, without rendering its Markdown (use `.Inner | .Page.RenderString` in the template{also})",
        )


# An HTML element whose text is shown as written whatever renders it (`<pre>` holding SQL's
# `*.*`: vitess), its content blanked with its tags, line breaks kept
_LITERAL_ELEMENT = re.compile(r"<(pre|code|kbd|samp|script|style|textarea)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def _outside_calls(text: str) -> str:
    """The content with the calls in it blanked, their content too: their templates, not
    this one, decide what becomes of it (a `{{% tab %}}` renders its Markdown); a call
    without content is an `x` for each of its characters, a value (`[a]({{< ref b >}})`
    is a link shown as text)."""
    if "{{" not in text:
        return text
    calls, _ = pair_shortcodes(lex_shortcodes(text))
    parts, cursor = [], 0
    for call in calls:
        if call.parent is None and call.open.start >= cursor:
            end = call.close.end if call.close is not None else call.open.end
            parts += [text[cursor : call.open.start], (" " if call.close else "x") * (end - call.open.start)]
            cursor = end
    return "".join(parts) + text[cursor:]


RULE = Rule(
    id="shortcode-content-markdown",
    summary="Markdown in a {{< >}} call's content that its template shows as text",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

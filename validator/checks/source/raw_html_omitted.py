"""## What it does
Under Hugo's default `markup.goldmark.renderer.unsafe = false`, reports raw HTML in the
Markdown: Hugo replaces it with `<!-- raw HTML omitted -->` and it never reaches the page.

- Inline HTML: each tag is reported at its place (`<abbr>`, `<br>`, `<img>` …). A closing
  tag is reported only when no opening tag of the same element came before it, since fixing
  the opening tag fixes both.
- An HTML block (a line that starts with a block-level tag such as `<div>`, up to the next
  blank line) is dropped whole, Markdown-looking text inside it included, so it is reported
  once, at its first tag: one change fixes the whole block, and one finding per tag would
  bury it. A block holding only closing tags (the `</details>` after a Markdown body) ends an
  element already reported and is not reported again.

Processing instructions (`<?php … ?>`), declarations (`<!DOCTYPE …>`) and CDATA sections
are raw HTML too, dropped alike: code meant to be shown belongs in a fenced code block.

A `{{% name %}}` call is reported when its template writes HTML whatever it is given (a
tag outside any `if`, `with` or `range`): the call's output is Markdown, and Hugo omits
that HTML too. A template that declares Hugo's legacy
``{{ $_hugo_config := `{ "version": 1 }` }}`` is exempt: its output is kept as it is; but
one that renders the call's content as Markdown (docsy 0.6's `alert`: `.Inner |
markdownify`) is given the content already made HTML, which it drops whole: that call is
reported. So is a `{{% name %}}` call with content over several lines inside another
`{{% %}}` call's (`{{% tabs %}}{{% tab %}}`): Hugo renders the inner call's content as
Markdown apart, into HTML, which the outer call's output, Markdown, then drops whole.

HTML comments are exempt (Hugo drops them silently, on purpose), but for the text after a
comment that starts a line (`<!-- TODO --> Install it first.`: the line is the comment's
HTML block, which Hugo drops whole, without a word), and for a comment block
indented from its line's start (` <!-- note -->`, or past a list item's text): Hugo drops a
comment only when `<!--` starts the line it sees, and writes the placeholder and its warning
for that one (`hugo --panicOnWarning` then fails). HTML written
inside `{{< >}}` shortcodes (Hugo splices their output in after Markdown, unfiltered),
unless the template renders the call's content as Markdown (`.Inner | markdownify`,
`.Inner | .Page.RenderString`): raw HTML there is omitted as in the page. With
`unsafe = true` nothing is reported here; see `inline-html` for an allow-list.

A page whose template renders its content again as Markdown (`{{ .Content | markdownify }}`,
`.RenderString .Content`: a site made for an old Hugo) loses all of it: the content is
HTML already, one HTML block that Hugo omits whole. That is reported once, at the start of
the page's Markdown, naming the template.

The default severity is error: the content the author wrote is missing from the page (an
image, a line break, a whole HTML block), and Hugo only logs one warning per page.

## Why is this bad?
The text around an inline tag stays, but its markup is gone: `<abbr title="…">`,
`<kbd>`, `<sub>` render as plain text, `<br>` no longer breaks, `<img>` disappears. An
HTML block vanishes entirely. Either enable raw HTML for the site
(`markup.goldmark.renderer.unsafe = true`), or write it in Markdown or a shortcode.

## Example
```markdown
Water is H<sub>2</sub>O.

<div class="note">
Remember to **save**.
</div>
```

## Use instead
```markdown
Water is H₂O.

> [!NOTE]
> Remember to **save**.
```
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from validator.document import Document, ShortcodeUse, opaque_depths, reported_inline_tags, written_tag
from validator.html import HTML_TAG, Page
from validator.model import Finding, NoOptions, Rule
from validator.published import PagePass, RawHtml, RenderedSite, apart_holder
from validator.shortcodes import uses_inner

UNSAFE = "markup.goldmark.renderer.unsafe = true"
_CONTENT_MARKDOWNIFIED = (
    "Hugo omits this page's content: its template {template} renders the content, HTML already, "
    "as Markdown again (`.Content | markdownify`), and drops that HTML as raw HTML, writing <!-- raw HTML "
    f"omitted --> in its place; print .Content as it is, or set {UNSAFE}"
)


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if doc.markup.unsafe:
        return
    if doc.content_markdownified and doc.rendered and _shows_something(doc):
        yield Finding(doc.body_line, 1, _CONTENT_MARKDOWNIFIED.format(template=doc.content_markdownified))
    yield from _blocks(doc)
    yield from _inline(doc)
    yield from _shortcode_output(doc)


def _shows_something(doc: Document) -> bool:
    """Whether the page's Markdown renders to more than a call's output or comments: text,
    a heading, code, a link or an image."""
    return bool(doc.prose.strip("\0 ") or doc.headings or doc.code_blocks or doc.links)


def _blocks(doc: Document) -> Iterator[Finding]:
    """One finding per HTML block: at its first tag, unless it only closes elements."""
    block_tags = [tag for tag in doc.html_tags if tag.block]
    tag_lines = [tag.line for tag in block_tags]  # in document order
    for token in doc.tokens:
        if token.type != "html_block" or id(token) in doc.html_block_openers:
            continue  # (a block a call's template opens: the call's finding tells)
        first = doc.position(token)[0]
        last = doc.position(token, max(len(token.content.rstrip("\n")) - 1, 0))[0]
        start, end = bisect.bisect_left(tag_lines, first), bisect.bisect_right(tag_lines, last)
        tags = block_tags[start:end]
        if not tags and token.content[:1] in (" ", "\t") and token.content.lstrip().startswith("<!--"):
            column = doc.position(token, len(token.content) - len(token.content.lstrip()))[1]
            yield Finding(first, column, _INDENTED_COMMENT)
            continue
        # The text after a comment on its line, or below an element's end, is their HTML block's
        comment_block = token.content.startswith("<!--") and "<!--more-->" not in token.content  # (summary-divider's)
        if (comment_block and not tags or tags and all(tag.closing for tag in tags)) and (
            found := _text_after_tags(token.content)
        ):
            number, shown = found
            message = _TEXT_AFTER_CLOSING.format(shown=shown, tag=tags[-1].written) if tags else (
                _TEXT_AFTER_COMMENT.format(shown=shown)
            )
            # (at the line's place in the file: a multi-line call before it is one line of the block)
            offset = 0
            for _ in range(number):
                offset = token.content.index("\n", offset) + 1
            yield Finding(doc.position(token, offset)[0], 1, message)
            continue
        if not tags or all(tag.closing for tag in tags):
            continue  # only comments, or the end of an element reported before
        span = "" if first == last else f" (lines {first}-{last})"
        yield Finding(
            tags[0].line,
            tags[0].column,
            f"HTML block {tags[0].written}{span} is dropped whole, text included: Hugo "
            f"omits raw HTML unless {UNSAFE}",
        )


_TEXT_AFTER_COMMENT = (
    "the text after the HTML comment on its line ({shown!r}) is part of the comment's HTML block: Hugo drops "
    "it with the comment, without a word; put the comment on a line of its own"
)
_TEXT_AFTER_CLOSING = (
    "the text after {tag} ({shown!r}) is part of its HTML block: Hugo drops it with the tag, without a "
    "word; put a blank line after {tag}"
)


def _text_after_tags(block: str) -> tuple[int, str] | None:
    """The first line of an HTML block that holds text besides its tags and comments, as
    (its place in the block, from 0; the text, shortened); None without one."""
    for number, line in enumerate(_outside_comments(block).split("\n")):
        if text := HTML_TAG.sub("", line).strip():
            return number, text if len(text) <= 40 else text[:39] + "…"
    return None


def _outside_comments(text: str) -> str:
    """`text` with its HTML comments (one unclosed runs to its end) left out, their line
    breaks kept, in linear time."""
    kept, position = [], 0
    while (start := text.find("<!--", position)) >= 0:
        kept.append(text[position:start])
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        kept.append("\n" * text.count("\n", start, end))
        position = end
    kept.append(text[position:])
    return "".join(kept)


_INDENTED_COMMENT = (
    "HTML comment indented from the line's start: Hugo drops a comment silently only when `<!--` starts "
    "the line, and replaces this one with <!-- raw HTML omitted --> and a warning; remove the indentation"
)


def _inline(doc: Document) -> Iterator[Finding]:
    """Each inline tag, except closing tags whose opening tag is reported."""
    for tag, reported in reported_inline_tags(doc.html_tags):
        if reported:
            yield Finding(
                tag.line,
                tag.column,
                f"raw HTML {tag.written} is dropped from the page: Hugo omits raw HTML unless {UNSAFE}",
            )


def _shortcode_output(doc: Document) -> Iterator[Finding]:
    """Each `{{% name %}}` call in the page's Markdown whose template writes HTML whatever
    it is given: its output is Markdown, and Hugo omits that HTML; and each one of a legacy
    template (`"version": 1`, docsy 0.6's `alert`) that renders its content as Markdown:
    Hugo gives it the content already made HTML, which it then omits (checked with 0.168)."""
    calls = doc.shortcode_calls
    site = doc.site
    ticks: dict[int, list[int]] = {}
    joined = _joined(doc)
    trimming = {name: opening.trims for name, opening in site.shortcodes_opening_html_block}
    rendering = {id(use): (use, content) for use, content in doc.rendered_contents if use.notation == "<"}
    for use, within in zip(calls, opaque_depths(calls)):
        if use.notation == "<" and within == 1 and use.template in site.shortcodes_writing_html:
            holder = rendering.get(id(calls[use.parent])) if use.parent is not None else None
            if holder is not None and not _in_content_code(doc, use, *holder, ticks):
                yield Finding(use.line, use.column, _rendered_inner_message(use, holder[0]))
            continue
        writes_html = use.template in site.shortcodes_writing_html
        if use.notation == "<" and not within and use.parent is not None and writes_html:
            # in a `{{% %}}` call's content, which Hugo gives its template with the call's
            # output made: the template's output is Markdown, that HTML raw HTML in it
            parent = calls[use.parent]
            if parent.notation == "%" and uses_inner(parent.template, site):
                if not _in_code(doc, use.line, use.column, ticks):
                    yield Finding(use.line, use.column, _rendered_inner_message(use, parent))
            continue
        if (use.notation != "%" and not use.legacy) or within or _in_code(doc, use.line, use.column, ticks):
            continue
        if use.legacy:
            if use.template in site.shortcodes_rendering_inner and use.paired and doc.inner_text(use).strip():
                yield Finding(use.line, use.column, _legacy_message(use.name))
        elif use.template in site.shortcodes_writing_html:
            content, after = joined.get(id(use), (False, False))
            trims = content and trimming.get(use.template, False)
            message = _shortcode_message(use.name, (content, after), trims=trims)
            yield Finding(use.line, use.column, message)
        elif holder := apart_holder(doc, use, calls):
            # (on one line, Hugo trims the paragraph's `<p>`: only the markup in it is lost)
            if use.paired and use.close_line != use.line and doc.inner_text(use).strip():
                yield Finding(use.line, use.column, _nested_message(use.name, holder))


def _in_content_code(
    doc: Document, use: ShortcodeUse, holder: ShortcodeUse, content: Document, ticks: dict[int, list[int]]
) -> bool:
    """Whether a call in another's content parsed apart is in a code block of that content,
    or in a code span of its line."""
    return content.in_code(use.line - holder.line + 1) or _in_code(doc, use.line, use.column, ticks)


def _rendered_inner_message(use: ShortcodeUse, holder: ShortcodeUse) -> str:
    if holder.notation == "%" and not holder.legacy:
        why = f"inside {_written(holder)}, it is part of that call's output, which is Markdown"
    else:
        how = (
            "whose content Hugo renders as Markdown (its template declares the legacy `$_hugo_config` version 1)"
            if holder.legacy else "whose template renders its content as Markdown (markdownify, RenderString)"
        )
        why = f"inside {_written(holder)}, {how}, the call's output is Markdown too"
    return f"Hugo omits the HTML that {_written(use)} writes: {why}, where raw HTML is dropped; {KEEP}"


def _written(use: ShortcodeUse) -> str:
    """A call's opening tag as its notation is written: `{{< name >}}`, `{{% name %}}`."""
    notation = use.written_notation
    return f"{{{{{notation} {use.name} {'>' if notation == '<' else '%'}}}}}"


def _in_code(doc: Document, line: int, column: int, ticks: dict[int, list[int]]) -> bool:
    """Whether a place is in a code block, or in a code span of its line (an odd number of
    backticks before it): HTML written there is shown as code, not omitted. `ticks` keeps
    each line's backtick columns, found once however many calls the line holds."""
    if doc.in_code(line):
        return True
    if not 0 < line <= len(doc.lines):
        return False
    if line not in ticks:
        ticks[line] = [tick.start() for tick in re.finditer("`", doc.lines[line - 1])]
    return bisect.bisect_left(ticks[line], column - 1) % 2 == 1


KEEP = "set markup.goldmark.renderer.unsafe = true to keep it"


def _joined(doc: Document) -> dict[int, tuple[bool, bool]]:
    """For each call (by `id`) whose template opens an HTML block that Markdown joins (see
    Document.html_block_openers): whether its content joins one, and the text after it."""
    joined: dict[int, tuple[bool, bool]] = {}
    for use, closing in doc.html_block_openers.values():
        content, after = joined.get(id(use), (False, False))
        joined[id(use)] = (content or not closing, after or closing)
    return joined


def _shortcode_message(name: str, joined: tuple[bool, bool] = (False, False), *, trims: bool = False) -> str:
    content, after = joined
    if content or after:  # the HTML block its template opens (HtmlBlockOpening) takes Markdown with it
        what = " and ".join(
            part for part, there in (("its content", content), (f"the text after {{{{% /{name} %}}}}", after)) if there
        )
        blanks = " and ".join(
            part for part, there in ((f"{{{{% {name} %}}}}", content and not trims), (f"{{{{% /{name} %}}}}", after))
            if there
        )
        fix = f"leave a blank line after {blanks}, and call" if blanks else "call"
        if trims:  # its template trims the content onto the tag's line: no blank line keeps it off
            fix = "write a blank line between the tag and the content in its template" + (
                f", leave one after {blanks}" if blanks else ""
            ) + ", and call"
        return (
            f"Hugo omits the HTML that {{{{% {name} %}}}} writes, and {what} up to the first blank line with it: "
            "a {{% %}} call's output is Markdown, where its template opens an HTML block that this text joins; "
            f"{fix} it as {{{{< {name} >}}}} or {KEEP}"
        )
    return (
        f"Hugo omits the HTML that {{{{% {name} %}}}} writes: a {{{{% %}}}} call's output "
        f"is Markdown, where raw HTML is dropped; call it as {{{{< {name} >}}}} or {KEEP}"
    )


def _legacy_message(name: str) -> str:
    return (
        f"Hugo drops the content of {{{{% {name} %}}}}: its template is a legacy one (`\"version\": 1`), "
        "given the content already made HTML, which it renders as Markdown, where raw HTML is dropped; "
        f"call it as {{{{< {name} >}}}} or {KEEP}"
    )


def _nested_message(name: str, parent: str) -> str:
    return (
        f"Hugo drops the content of {{{{% {name} %}}}}: inside {{{{% {parent} %}}}}, it is rendered apart "
        f"into HTML, which {{{{% {parent} %}}}}'s output, Markdown, then drops; call {parent} as "
        f"{{{{< {parent} >}}}} or {KEEP}"
    )


def _rendered_message(raw: RawHtml) -> str:
    if raw.apart_in:
        return _nested_message(raw.name, raw.apart_in)
    if raw.shortcode:
        return _shortcode_message(raw.name)
    return f"Hugo replaced {written_tag(raw.name)} with '<!-- raw HTML omitted -->' ({KEEP})"


def html_check(rendered: RenderedSite, opts: object) -> PagePass:
    """The rendered side: each `<!-- raw HTML omitted -->` Hugo wrote, mapped to the raw
    HTML in the Markdown by its order and the text beside it (line 1 when it cannot be, the
    page's Markdown has none and its front matter has a tag, which a template renders).
    Pages without a Markdown source (lists of other pages' summaries) are skipped, and so
    is everything when `unsafe` is on: Hugo omits nothing, a placeholder is the content's own
    text (a generated API reference's)."""
    if rendered.markup.unsafe:
        return PagePass.done()
    findings: list[Finding] = []

    def visit(page: Page) -> None:
        source = rendered.source(page) if page.omitted else None
        if source is None:
            return
        locator = rendered.locator(page)
        for placeholder in page.omitted:
            raw = locator.omitted(placeholder)
            if raw is None and (source.raw_html or not source.front_matter_html):
                # a repeat of one mapped before (the page prints its `.Summary` too), or raw
                # HTML of another page's (a summary it lists) or of a template
                continue
            if raw is None:
                message = f"Hugo omitted raw HTML here ({KEEP})"
                findings.append(rendered.finding(page, message, (placeholder.line, placeholder.column), (1, 1)))
                continue
            if not raw.reported:
                continue  # the element this closes is reported where it opens
            message = _rendered_message(raw)
            at = (placeholder.line, placeholder.column)
            findings.append(rendered.finding(page, message, at, (raw.line, raw.column)))

    return PagePass(rendered.pages, visit, lambda: findings)


RULE = Rule(
    id="raw-html-omitted",
    summary="Raw HTML that Hugo omits",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    html_check=html_check,
    reads_contents=True,
)

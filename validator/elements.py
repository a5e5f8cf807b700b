"""What a page is made of, read from its parsed Document.

- `inventory(doc)`: the elements a theme has to style that the page exercises (headings,
  blockquotes, tables, the three kinds of code, lists, inline HTML elements, footnotes,
  images), for the theme coverage rule.
- `SourceLines`: what each line of the file holds (front matter, a shortcode's opaque body,
  a line of shortcode tags, code, Markdown), for the line-based style rules. Built in one
  pass, linear in the file's size.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from validator.document import PLACEHOLDER, CodeBlock, Document

# Every element name `inventory` knows, in the order a report lists them.
ELEMENTS = (
    "h1", "h2", "h3", "h4", "h5", "h6",
    "paragraph", "blockquote", "blockquote-cite", "table", "table-inline-markdown",
    "code-fenced", "code-indented", "code-highlight",
    "list-ordered", "list-unordered", "list-nested",
    "abbr", "sub", "sup", "kbd", "mark", "footnote", "image",
)  # fmt: skip
_INLINE_ELEMENTS = frozenset({"abbr", "sub", "sup", "kbd", "mark"})
_INLINE_MARKDOWN = frozenset(
    {"em_open", "strong_open", "s_open", "code_inline", "link_open", "image"}
)


def inventory(doc: Document) -> frozenset[str]:
    """The names (from `ELEMENTS`) of the elements the page's Markdown exercises: a heading
    of each level, a paragraph with text, a blockquote without and one with `<cite>`, a
    table and one with inline Markdown in a cell, a fenced, an indented and a
    `{{< highlight >}}` code block, ordered, unordered and nested lists, the inline HTML
    elements, a footnote reference with its definition, an image (Markdown, `<img>` or
    `{{< figure >}}`)."""
    found = {f"h{heading.level}" for heading in doc.headings}
    found.update(_block_elements(doc))
    found.update(
        tag.name for tag in doc.html_tags if tag.name in _INLINE_ELEMENTS and not tag.closing
    )
    found.update("code-fenced" if block.fenced else "code-indented" for block in doc.code_blocks)
    if any(use.template == "highlight" and use.paired for use in doc.shortcodes):
        found.add("code-highlight")
    if any(doc.defines(ref) for ref in doc.footnote_refs):
        found.add("footnote")
    if (
        any(link.kind == "image" for link in doc.links)
        or any(tag.name == "img" and not tag.closing for tag in doc.html_tags)
        or any(use.template == "figure" and use.kind != "comment" for use in doc.shortcodes)
    ):
        found.add("image")
    return frozenset(found)


def _block_elements(doc: Document) -> Iterator[str]:
    """Paragraphs, blockquotes (with or without <cite>), tables, lists, from the tokens."""
    cite_lines = sorted(tag.line for tag in doc.html_tags if tag.name == "cite" and not tag.closing)
    lists = 0  # lists open around the current token
    in_table = False
    lines = SourceLines.of(doc)
    previous = ""
    for token in doc.tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            yield "list-unordered" if kind == "bullet_list_open" else "list-ordered"
            if lists:
                yield "list-nested"
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "blockquote_open" and token.map:
            first, last = lines.span(token)
            cited = bisect.bisect_right(cite_lines, last) > bisect.bisect_left(cite_lines, first)
            yield "blockquote-cite" if cited else "blockquote"
        elif kind == "table_open":
            in_table = True
            yield "table"
        elif kind == "table_close":
            in_table = False
        elif kind == "inline" and in_table:
            if any(child.type in _INLINE_MARKDOWN for child in token.children or ()):
                yield "table-inline-markdown"
        elif kind == "inline" and previous == "paragraph" and _has_text(token):
            yield "paragraph"
        previous = "paragraph" if kind == "paragraph_open" and not token.hidden else kind


def _has_text(inline: Token) -> bool:
    """Text of its own in an inline token: not only shortcodes, images or markup."""
    return any(
        child.type == "text" and PLACEHOLDER.sub("", child.content).strip()
        for child in inline.children or ()
    )


# --- what each line holds -----------------------------------------------------------------


class Role(enum.Enum):
    FRONT_MATTER = "front matter"
    SHORTCODE = "shortcode"  # a `{{< >}}` call's inner content, or a tag's continuation lines
    # Lines holding nothing but shortcode tags: the opening tags of paired calls
    # (`{{% note %}}`), their closing tags (`{{% /note %}}`), or anything else (a call such as
    # `{{< figure … >}}`, or a mix).
    TAG_OPEN = "opening tag"
    TAG_CLOSE = "closing tag"
    TAG = "tag"
    CODE = "code"  # a code block's content (not its fences)
    MARKDOWN = "markdown"


TAGS = (Role.TAG_OPEN, Role.TAG_CLOSE, Role.TAG)
# What ends the need for blank lines above a block (a container starts) and below it (one ends).
_BOUNDARY = {
    -1: frozenset({Role.FRONT_MATTER, Role.SHORTCODE, Role.TAG_OPEN}),
    +1: frozenset({Role.SHORTCODE, Role.TAG_CLOSE}),
}
# Shortcode tags and nothing else (comments, `{{</* … */>}}`, are printed text, not tags).
# (Each tag ends at its first `>}}`, atomically: a line of many tags is read once, not in
# every way of grouping them.)
_TAG_ONLY = re.compile(
    r"[ \t]*(?:(?>\{\{<(?![ \t]*/\*).*?>\}\}|\{\{%(?![ \t]*/\*).*?%\}\})[ \t]*)+"
)
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"


@dataclass(frozen=True)
class SourceLines:
    """The file's lines with what each holds. Lines are 1-based; the empty string after a
    final newline is not a line."""

    doc: Document
    roles: tuple[Role, ...]
    masked_count: int  # lines in the text markdown-it parsed

    @classmethod
    def of(cls, doc: Document) -> SourceLines:
        count = len(doc.lines) - (1 if doc.text.endswith("\n") or not doc.text else 0)
        roles = [Role.MARKDOWN] * count
        for block in doc.code_blocks:
            for line in _code_lines(doc, block):
                roles[line - 1] = Role.CODE
        opens: set[int] = set()
        closes: set[int] = set()
        calls: set[int] = set()
        depth = [0] * (count + 2)  # difference array of shortcode spans (they may nest)
        for use in doc.shortcodes:
            if use.kind == "comment":
                continue
            open_end = use.line + use.source.count("\n")
            _mark(depth, use.line + 1, open_end)  # a tag's parameters on further lines
            if use.close_line is None:
                calls.add(use.line)
                continue
            opens.add(use.line)
            closes.add(use.close_line)
            if use.notation == "<":  # the inner content Hugo hands to the template
                _mark(depth, open_end + 1, use.close_line - 1)
            _mark(depth, use.close_line + 1, use.end_line)
        tagged = opens | closes | calls
        level = 0
        for line in range(1, count + 1):
            level += depth[line]
            if level > 0:
                roles[line - 1] = Role.SHORTCODE
            elif roles[line - 1] is Role.MARKDOWN and line in tagged:
                if _TAG_ONLY.fullmatch(doc.lines[line - 1]):
                    roles[line - 1] = _tag_role(line, opens, closes, calls)
        front_matter = doc.front_matter
        front_end = max(doc.body_line - 1, front_matter.end_line if front_matter.format else 0)
        for line in range(1, min(front_end, count) + 1):
            roles[line - 1] = Role.FRONT_MATTER
        masked = doc.source_map.masked.count("\n") + 1 if doc.source_map else 0
        return cls(doc, tuple(roles), masked)

    @property
    def count(self) -> int:
        return len(self.roles)

    def role(self, line: int) -> Role:
        return self.roles[line - 1]

    def text(self, line: int) -> str:
        return self.doc.lines[line - 1]

    def column(self, line: int) -> int:
        """Where the line's content starts, after indentation and blockquote markers."""
        text = self.doc.lines[line - 1]
        return len(text) - len(text.lstrip(" \t>")) + 1

    def numbered(self, *roles: Role) -> Iterator[tuple[int, str]]:
        """(line, text) of every line whose role is one of `roles`."""
        lines = self.doc.lines
        for index, role in enumerate(self.roles):
            if role in roles:
                yield index + 1, lines[index]

    def spaced(self, line: int, step: int, wanted: int = 1) -> bool:
        """Are there `wanted` blank lines next to `line` (above it for step -1, below for +1)?

        Blank as markdownlint counts it: HTML comments and `>` markers aside. The need ends
        where a container starts above (the file's start, its front matter, a line of opening
        shortcode tags such as `{{% note %}}`) or ends below (the file's end, a line of closing
        tags); a shortcode's body is not Markdown and ends it both ways."""
        for distance in range(1, wanted + 1):
            other = line + step * distance
            if other < 1 or other > self.count or self.roles[other - 1] in _BOUNDARY[step]:
                return True
            if self.roles[other - 1] is Role.CODE or not is_blank(self.doc.lines[other - 1]):
                return False
        return True

    def span(self, token: Token) -> tuple[int, int]:
        """First and last file line of a block token, trailing blank lines left out."""
        source = self.doc.source_map
        if source is None or not token.map:
            return self.doc.body_line, self.doc.body_line
        start, end = token.map
        first = source.line_position(start)[0]
        last = source.line_position(end)[0] - 1 if end < self.masked_count else self.count
        last = min(last, self.count)
        while last > first and is_blank(self.doc.lines[last - 1]):
            last -= 1
        return first, max(first, last)


def _tag_role(line: int, opens: set[int], closes: set[int], calls: set[int]) -> Role:
    if line in calls or (line in opens and line in closes):
        return Role.TAG
    return Role.TAG_OPEN if line in opens else Role.TAG_CLOSE


def _mark(depth: list[int], first: int, last: int) -> None:
    last = min(last, len(depth) - 2)
    if first <= last:
        depth[first] += 1
        depth[last + 1] -= 1


def _code_lines(doc: Document, block: CodeBlock) -> range:
    """The lines of a code block's content: its fences excluded."""
    if not block.fenced:
        return range(block.line, block.end_line + 1)
    closing = doc.lines[block.end_line - 1].strip().lstrip("> \t")
    fence_char = block.fence[:1]
    closed = (
        block.end_line > block.line
        and len(closing) >= len(block.fence)
        and closing.rstrip() == fence_char * len(closing.rstrip())
    )
    return range(block.line + 1, block.end_line if closed else block.end_line + 1)


def is_blank(text: str) -> bool:
    """Blank once HTML comments (whole, or the part of one a line holds) and `>` markers
    are removed: markdownlint's notion, so `<!-- note -->` and `>` alone count as blank."""
    if not text.strip():
        return True
    while True:
        start, end = text.find(_COMMENT_OPEN), text.find(_COMMENT_CLOSE)
        if end >= 0 and (start < 0 or end < start):
            text = text[end + len(_COMMENT_CLOSE) :]
        elif start >= 0 and end >= 0:
            text = text[:start] + text[end + len(_COMMENT_CLOSE) :]
        elif start >= 0:
            text = text[:start]
        else:
            return not text.replace(">", "").strip()


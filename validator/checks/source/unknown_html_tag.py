"""## What it does
Reports text in angle brackets that Hugo passes on as an HTML tag of no element HTML has,
when the site keeps raw HTML (`markup.goldmark.renderer.unsafe = true`): a placeholder such
as `<ProviderName>`, `sha256:<HASH>` or `IList<string>` in prose. The browser takes it for
a tag of an element it does not know and shows nothing of it: the reader sees
`format ://`. A name with a hyphen that may be a custom element's (with attributes, or
closed: `<lite-youtube videoid="x"></lite-youtube>`) is left alone (not
`<managed-cluster-name>` alone in prose), and so is everything inside `<svg>` and `<math>`,
inline code and shortcodes. In an HTML block,
which Hugo passes on as it is, the browser's reading counts: `<tablet_alias>` and
`<keyspace/shard>` are tags there too (in a paragraph, Hugo shows them as text). With raw
HTML off, Hugo omits such a tag (see `raw-html-omitted`).

## Why is this bad?
The placeholder is the one word the reader needed, and it vanishes without a trace: Hugo
builds the page, and the browser renders the text around it.

## Example
```toml
[markup]
unsafe = true
```

```markdown
The digest is sha256:<HASH>.
```

## Use instead
```markdown
The digest is `sha256:<HASH>`.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import defs

from validator.document import PLACEHOLDER_IN_ID, Document, HtmlTag
from validator.model import Finding, NoOptions, Rule

# The elements browsers know: lxml's list, but for those browsers never had or dropped
# (HTMLUnknownElement now), which are placeholders (`kind <command> --help`); and those of the
# HTML standard it lacks, older ones browsers still parse too (`image` is read as `img`)
_KNOWN = frozenset(defs.tags) - {"command", "isindex", "keygen"} | frozenset({
    "bdi", "data", "dialog", "frame", "image", "listing", "main", "menuitem", "nobr", "noembed", "noframes",
    "picture", "plaintext", "rb", "rtc", "search", "slot", "template", "xmp",
})  # fmt: skip
# Elements whose content is another markup language's, with elements of its own
_FOREIGN = ("svg", "math")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if not doc.markup.unsafe:
        return  # Hugo omits raw HTML: raw-html-omitted's
    foreign = 0  # how deep inside `<svg>` or `<math>`
    reported: set[tuple[int, int]] = set()
    opened: set[str] = set()  # the names of the start tags reported: their end tags are the same defect
    closed = {tag.name for tag in doc.html_tags if tag.closing}
    for tag in doc.html_tags:
        if not tag.is_element:
            continue
        if tag.name in _FOREIGN:
            foreign = max(foreign + (-1 if tag.closing else 0 if tag.self_closing else 1), 0)
            continue
        if foreign or tag.name in _KNOWN or (tag.line, tag.column) in reported or _custom_element(tag, closed):
            continue
        if PLACEHOLDER_IN_ID in tag.name:
            continue  # `<{{% param repo %}}>`: the call's output, an autolink maybe
        if tag.closing and tag.name in opened:
            continue
        if not tag.closing:
            opened.add(tag.name)
        reported.add((tag.line, tag.column))
        yield _finding(tag.line, tag.column, tag.source)
    yield from _browser_tags(doc, {(tag.line, tag.column) for tag in doc.html_tags})


def _custom_element(tag: HtmlTag, closed: set[str]) -> bool:
    """Whether a tag with a hyphen in its name may be a custom element's (`<lite-youtube
    videoid="x"></lite-youtube>`): one with attributes, or whose end tag the page has; not
    `<managed-cluster-name>` alone in prose, a placeholder."""
    return "-" in tag.name and (tag.closing or bool(tag.attributes) or tag.self_closing or tag.name in closed)


def _finding(line: int, column: int, source: str) -> Finding:
    written = source if len(source) <= 40 else source[:39] + "…"
    return Finding(
        line,
        column,
        f"{written!r} is read as an HTML tag of no element the browser knows (raw HTML is on), so the reader "
        f"sees nothing of it: write it in backticks, or escape its `<` as `\\<`",
    )


def _browser_tags(doc: Document, recorded: set[tuple[int, int]]) -> Iterator[Finding]:
    """The tags in HTML blocks that Markdown's tag syntax does not read but the browser
    does, hiding them: a name with `_`, `.` or `:` (`<tablet_alias>`), a `/` inside
    (`<keyspace/shard>`). Hugo passes an HTML block on as it is."""
    for token in doc.tokens:
        if token.type != "html_block" or "<" not in token.content or doc.source_map is None:
            continue
        content = _HIDDEN_FROM_TAGS.sub(lambda found: " " * len(found[0]), token.content)
        cursor = 0
        while (found := _BROWSER_TAG.search(content, cursor)) is not None:
            end = _TAG_END.match(content, found.end()).end()  # past its attributes, quoted ones whole
            cursor = max(end, found.end())
            name = found[2].lower()
            if found[1] or name in _KNOWN or "-" in name or PLACEHOLDER_IN_ID in name:
                continue
            line, column = doc.source_map.token_position(token, found.start())
            if (line, column) not in recorded:
                yield _finding(line, column, token.content[found.start() : end])


# A tag as the browser reads it: `<`, maybe `/`, a letter, then anything up to a blank, `/`
# or `>`; and the rest of it, to its `>` (or the end), attribute values in quotes whole
_BROWSER_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_TAG_END = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>?""")
# What holds no tags: comments, the text of raw-text elements, and foreign content
_HIDDEN_FROM_TAGS = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|textarea|xmp|svg|math)\b.*?(?:</\1\s*>|$)", re.DOTALL | re.IGNORECASE
)


RULE = Rule(
    id="unknown-html-tag",
    summary="Text in angle brackets the browser hides as a tag it does not know",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

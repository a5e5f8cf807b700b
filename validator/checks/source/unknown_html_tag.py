"""## What it does
Reports text in angle brackets that Hugo passes on as an HTML tag of no element HTML has,
when the site keeps raw HTML (`markup.goldmark.renderer.unsafe = true`): a placeholder such
as `<ProviderName>`, `sha256:<HASH>` or `IList<string>` in prose. The browser takes it for
a tag of an element it does not know and shows nothing of it: the reader sees
`format ://`. Names with a hyphen (custom elements, `<lite-youtube>`) are left alone, and
so is everything inside `<svg>` and `<math>`, inline code and shortcodes. With raw HTML
off, Hugo omits such a tag (see `raw-html-omitted`).

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

from collections.abc import Iterator

from lxml.html import defs

from validator.document import PLACEHOLDER_IN_ID, Document
from validator.model import Finding, NoOptions, Rule

# The elements browsers know: lxml's list, and those of the HTML standard it lacks, older
# ones browsers still parse too (`image` is read as `img`)
_KNOWN = frozenset(defs.tags) | frozenset({
    "bdi", "data", "dialog", "frame", "image", "listing", "main", "menuitem", "nobr", "noembed", "noframes",
    "picture", "plaintext", "rb", "rtc", "search", "slot", "template", "xmp",
})  # fmt: skip
# Elements whose content is another markup language's, with elements of its own
_FOREIGN = ("svg", "math")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if not doc.markup.unsafe:
        return  # Hugo omits raw HTML: raw-html-omitted's
    foreign = 0  # how deep inside `<svg>` or `<math>`
    reported: set[tuple[int, str]] = set()
    for tag in doc.html_tags:
        if not tag.is_element:
            continue
        if tag.name in _FOREIGN:
            foreign = max(foreign + (-1 if tag.closing else 0 if tag.self_closing else 1), 0)
            continue
        if foreign or tag.name in _KNOWN or "-" in tag.name or (tag.line, tag.name) in reported:
            continue
        if PLACEHOLDER_IN_ID in tag.name:
            continue  # `<{{% param repo %}}>`: the call's output, an autolink maybe
        reported.add((tag.line, tag.name))
        written = tag.source if len(tag.source) <= 40 else tag.source[:39] + "…"
        yield Finding(
            tag.line,
            tag.column,
            f"{written!r} is read as an HTML tag of no element the browser knows (raw HTML is on), so the reader "
            f"sees nothing of it: write it in backticks, or escape its `<` as `\\<`",
        )


RULE = Rule(
    id="unknown-html-tag",
    summary="Text in angle brackets the browser hides as a tag it does not know",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

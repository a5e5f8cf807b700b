"""## What it does
Checks that every link to a fragment of the same page (`[see the code](#code)`, an
`href="#…"` in raw HTML, `{{< relref "#…" >}}`) names an id the rendered page will have:
a heading's id as Hugo generates it for this site (`autoIDType`: github, github-ascii or
blackfriday, with Hugo's `-1`, `-2` suffixes for duplicates), a custom `{#id}`, a footnote
id, or an `id`/`name` attribute in raw HTML that Hugo keeps (only with `unsafe = true`).

`#` alone and `#top` are allowed by default (browsers scroll to the top).

Ids that only shortcode output can create are out of this rule's sight: a fragment that
matches nothing is not reported when the page has a `{{% name %}}` call (its Markdown output
may hold headings, as an `include` shortcode's does), and a heading that contains a shortcode
counts for every fragment that starts like its id. The rendered pass checks those pages.

## Why is this bad?
Hugo does not check fragments: a link to `#code` when the heading's id is `code-blocks`
renders silently, and the reader's click goes nowhere.

## Example
```markdown
The full code is [here](#the-code).

## Code Blocks
```

## Use instead
```markdown
The full code is [here](#code-blocks).

## Code Blocks
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from validator.document import Document
from validator.model import Finding, Rule


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = field(
        default=("", "top"),
        metadata={"doc": "Fragments that need no target (\"\" is a bare `#`)."},
    )


# Markdown-notation shortcodes whose output is a value, never headings.
VALUE_SHORTCODES = frozenset({"ref", "relref", "param"})


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    if not doc.rendered:
        return  # Hugo renders no page for it (headless, build.render = never, a resource)
    if any(
        use.notation == "%" and not use.paired and use.kind != "comment"
        and use.name not in VALUE_SHORTCODES
        for use in doc.shortcodes
    ):
        return
    ids = page_ids(doc)
    uncertain = [h.id for h in doc.headings if not h.id_predictable and h.id]
    for link in doc.links:
        destination = link.destination
        if link.shortcode is not None:
            destination = str(link.shortcode.param("path", 0) or "")
        if not destination.startswith("#"):
            continue
        fragment = unquote(destination[1:])
        if fragment in opts.allow or fragment in ids:
            continue
        if any(_may_come_from(fragment, heading_id) for heading_id in uncertain):
            continue
        yield Finding(link.line, link.column, _message(fragment, ids, doc))


def page_ids(doc: Document) -> set[str]:
    """Ids the rendered page gets from its own Markdown."""
    ids = set(doc.ids)
    referenced = {ref.label for ref in doc.footnote_refs} & {d.label for d in doc.footnote_defs}
    for number in range(1, len(referenced) + 1):
        ids.update((f"fn:{number}", f"fnref:{number}"))
    if doc.markup.unsafe:
        for tag in doc.html_tags:
            for attribute in ("id", "name"):
                value = tag.attribute(attribute)
                if value and not tag.closing and (attribute == "id" or tag.name == "a"):
                    ids.add(value)
    return ids


def _may_come_from(fragment: str, heading_id: str) -> bool:
    """Could a heading id that includes a shortcode's output be `fragment`?"""
    prefix = heading_id.split("hahahugoshortcode", 1)[0]
    return fragment.startswith(prefix)


def _message(fragment: str, ids: set[str], doc: Document) -> str:
    message = f"no heading or element with id {fragment!r} on this page"
    kept_only_if_unsafe = any(
        tag.attribute("id") == fragment or tag.attribute("name") == fragment
        for tag in doc.html_tags
    )
    if kept_only_if_unsafe:
        return (
            f"id {fragment!r} is set in raw HTML, which Hugo omits "
            "(set markup.goldmark.renderer.unsafe = true to keep it)"
        )
    close = difflib.get_close_matches(fragment.lower(), sorted(ids), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '#{close[0]}'?"
    return message


RULE = Rule(
    id="broken-anchor",
    summary="Link to a fragment that does not exist",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    markdownlint="MD051",
)

"""## What it does
Checks that every link to a fragment of the same page (`[see the code](#code)`, an
`href="#…"` in raw HTML, `{{< relref "#…" >}}`) names an id the rendered page will have:
a heading's id as Hugo generates it for this site (`autoIDType`: github, github-ascii or
blackfriday, with Hugo's `-1`, `-2` suffixes for duplicates), a custom `{#id}`, a definition
term's id (with `autoDefinitionTermID`), a footnote id, or an `id`/`name` attribute in raw
HTML that Hugo keeps (only with `unsafe = true`). Percent-encoded fragments are decoded.

`#` alone and `#top` are allowed by default (browsers scroll to the top).

Ids that only shortcode output can create are out of this rule's sight: a fragment that
matches nothing is not reported when the page has a `{{% name %}}` call (its Markdown output
may hold headings, as an `include` shortcode's does), and a heading that contains a shortcode
counts for every fragment that starts like its id. The rendered pass checks those pages.
Pages Hugo does not render (headless bundles, `build.render = "never"`) are skipped.

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

from validator.engine import PageSummary, Site
from validator.model import Finding, Rule


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = field(
        default=("", "top"),
        metadata={"doc": "Fragments that need no target (\"\" is a bare `#`)."},
    )


def check(site: Site, opts: Options) -> Iterator[Finding]:
    for page in site.pages:
        if not page.rendered:
            continue  # Hugo renders no page for it
        for link in page.links:
            destination = link.destination
            if link.shortcode is not None:
                destination = str(link.shortcode.param("path", 0) or "")
            if not destination.startswith("#"):
                continue
            fragment = unquote(destination[1:])
            if fragment in opts.allow or page.has_id(fragment):
                continue
            yield Finding(link.line, link.column, _message(fragment, page), path=page.path)


def _message(fragment: str, page: PageSummary) -> str:
    if fragment in page.raw_html_ids:
        return (
            f"id {fragment!r} is set in raw HTML, which Hugo omits "
            "(set markup.goldmark.renderer.unsafe = true to keep it)"
        )
    message = f"no heading or element with id {fragment!r} on this page"
    close = difflib.get_close_matches(fragment.lower(), sorted(page.ids), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '#{close[0]}'?"
    return message


RULE = Rule(
    id="broken-anchor",
    summary="Link to a fragment that does not exist",
    stage="site",
    options=Options,
    check=check,
    doc=__doc__,
    markdownlint="MD051",
)

"""## What it does
Reports links with an empty destination in the rendered page: `<a href="">`, what
`[text]()` renders (and `<img src="">`, what `![alt]()` renders) and what a
`{{< ref >}}` or `{{< relref >}}` leaves when its page is not found and
`refLinksErrorLevel = "warning"` (Hugo's `refLinksNotFoundURL` is empty by default). A
link marked `aria-current` names the page it is on on purpose (generated API docs' menus):
it is not reported, nor is one inside a `<template>`, a placeholder its script fills in.

## Why is this bad?
An empty `href` points to the page itself: the reader clicks and nothing happens. It
almost always means a target was forgotten or could not be resolved.

## Example
```markdown
Read the [installation guide]().
```

## Use instead
```markdown
Read the [installation guide](https://gohugo.io/installation/).
```
"""

from __future__ import annotations

import re

from validator.html import Page
from validator.model import Finding, NoOptions, Rule
from validator.published import PagePass, RenderedSite, split_mapped


def check(rendered: RenderedSite, opts: NoOptions) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []

    def visit(page: Page) -> None:
        locator = rendered.locator(page)
        for index, link in enumerate(page.links):
            if link.url or (link.tag, link.attribute) not in _ADDRESSES or link.current:
                continue  # (`aria-current`: a link to the page it is on, on purpose: TypeDoc's)
            source = locator.link_source(link)
            where = (source.line, source.column) if source is not None else None
            if source is not None and source.shortcode_path is not None:
                # a `ref` that found no page, which Hugo logs (build-failed tells where) or warns of
                to = f" to {source.shortcode_path!r}" if source.shortcode_path else ""
                message = (
                    f"{'image' if link.tag == 'img' else 'link'} {link.text[:40]!r} has an empty address: its ref{to} "
                    "finds no page, and Hugo writes refLinksNotFoundURL (empty by default)"
                )
            elif link.tag == "img":
                message = f"image {link.text[:40]!r} has an empty src; give it the image's address"
            else:
                # a link around an image alone (a logo) is named by the image's alt text
                image = page.links[index + 1] if index + 1 < len(page.links) else None
                around = not link.text and image is not None and image.tag == "img" and image.line == link.line
                name = f"around image {image.text[:40]!r}" if around and image is not None else repr(link.text[:40])
                message = f"link {name} has an empty href; give it a destination"
            # a template's, on many pages: one defect, whatever number its text shows ("Page 7 of 12")
            key = _DIGITS.sub("0", link.text)
            findings.append(rendered.keyed(key, page, message, (link.line, link.column), where))

    return PagePass(rendered.pages, visit, lambda: split_mapped(findings))


_DIGITS = re.compile(r"\d+")
# The attributes whose empty value is an empty link: a link's href, an image's src
_ADDRESSES = frozenset({("a", "href"), ("area", "href"), ("img", "src")})


RULE = Rule(
    id="empty-link",
    summary="Link with an empty destination",
    stage="html",
    options=NoOptions,
    check=check,
    doc=__doc__,
    same_defect_as=("ref-not-found",),  # the empty href a failed ref leaves
    same_defect_at=("url-refused",),  # and the one goldmark writes for a `javascript:` address
)

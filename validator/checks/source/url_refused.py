"""## What it does
Reports links and images whose address Hugo does not write into the page:

- With no render hook, goldmark writes a `javascript:`, `vbscript:`, `file:` or `data:`
  address as an empty `href` or `src` (a `data:image/` of PNG, GIF, JPEG or WebP is kept),
  unless `markup.goldmark.renderer.unsafe = true`.
- A render hook is a Go template, and Go templates write an address whose scheme is not
  `http`, `https` or `mailto` as `#ZgotmplZ`: `tel:`, `ftp://`, `vscode://`, `ssh://`,
  `data:` all become `href="#ZgotmplZ"`, unless the hook writes the address through
  `safeURL`. Hugo's embedded link and image hooks (on by default on multilingual sites, or
  with `useEmbedded`) do not; most themes' hooks do. A hook that leaves the address to a
  partial is taken to keep it. The embedded link hook also writes a link to `#` alone as
  an empty `href`.

Hugo's embedded hooks also parse the address (`urls.Parse`), as do many sites' and themes'
hooks (those not starting with `http`, for most), and an address Go cannot parse stops the
build: quotes around it (`("https://…")`), a colon before any `/` without a scheme, a `%`
not followed by two hex digits, a port that is no number.

A shortcode template that writes a parameter as a URL attribute's value
(`href="{{ .Get "href" }}"`, or through a variable) filters it alike, unless through
`safeURL`: a call giving it `tel:…`, or an address with a blank before its `https:`, gets
`#ZgotmplZ`.

The hook that renders each page is the one Hugo picks: the site's or the theme's most
specific `_markup/render-link` or `render-image`, else the embedded one when it is on.

## Why is this bad?
The page shows a link that goes nowhere (or back to the top of the page) and an image
that never loads, and the build says nothing: the HTML only holds an empty address or
the placeholder `#ZgotmplZ`.

## Example
```markdown
![Logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

Call us: [+1 555 0100](tel:+15550100).
```

## Use instead
```markdown
![Logo](data:image/png;base64,iVBORw0KGgo=)

Call us: [+1 555 0100](https://example.org/contact/).
```
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from urllib.parse import unquote

from validator.addresses import EMBEDDED, FILTERING, GOLDMARK, Writer, build_error, template_refuses, written
from validator.document import Document
from validator.model import Finding, NoOptions, Rule

_REASONS = {
    GOLDMARK: "Hugo's Markdown renderer drops javascript:, vbscript:, file: and data: addresses (but PNG, GIF, "
    "JPEG and WebP images) unless markup.goldmark.renderer.unsafe = true",
    EMBEDDED: "Hugo's embedded {hook} render hook writes only http, https, mailto and relative addresses "
    "(a hook of the site's writing `{{{{ .Destination | safeURL }}}}` would keep it)",
    FILTERING: "the site's {hook} render hook writes it without safeURL, and Go templates write only http, https, "
    "mailto and relative addresses (write `{{{{ .Destination | safeURL }}}}` in the hook)",
}


_EMPTY_FRAGMENT = "Hugo's embedded link render hook writes `#` alone as an empty address (link to an id, as `#top`)"


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    defined = _Definitions(doc)
    for link in doc.links:
        if link.kind not in ("link", "image", "autolink") or link.shortcode is not None or "{{" in link.destination:
            continue
        image = link.kind == "image"
        writer = doc.address_writers[image]
        address = link.destination.strip()
        hook = "image" if image else "link"
        if writer.parses and (error := _build_error(doc, link.line, link.column, address, writer, defined)):
            whose = "Hugo's embedded" if writer.kind == EMBEDDED else "the site's"
            message = f"{whose} {hook} render hook parses the address (urls.Parse) and cannot: {error}; the build fails"
            yield Finding(link.line, link.column, message)
            continue
        result = written(address, writer, unsafe=doc.markup.unsafe)
        if result == address:
            continue
        shown = f'{"src" if image else "href"}="{result}"'
        reason = _EMPTY_FRAGMENT if address == "#" else _REASONS[writer.kind].format(hook=hook)
        what = "image" if image else "link to"
        yield Finding(link.line, link.column, f"{what} {address[:60]!r} becomes {shown}: {reason}")
    yield from _call_addresses(doc)


def _call_addresses(doc: Document) -> Iterator[Finding]:
    """The addresses shortcode calls give parameters their templates write as a URL
    attribute's value without safeURL (SiteConfig.shortcode_url_parameters), which Go
    writes `#ZgotmplZ`: a `tel:` one, or one with a blank before its `https:`."""
    for use, parameter, attribute, value in doc.call_parameters(doc.site.shortcode_url_parameters):
        if isinstance(value, str) and "{{" not in value and template_refuses(value, as_written=True):
            which = f"{parameter!r}" if isinstance(parameter, str) else f"at position {parameter}"
            yield Finding(
                use.line,
                use.column,
                f"the {use.name} shortcode writes its parameter {which}, {value[:60]!r}, as an address, and "
                f'becomes {attribute}="#ZgotmplZ": Go templates write only http, https, mailto and relative addresses'
                + (" (this one starts with a blank: remove it)" if value[:1].isspace() else
                   " (a template writing it through safeURL would keep it)"),
            )


def _build_error(
    doc: Document, line: int, column: int, address: str, writer: Writer, defined: _Definitions
) -> str | None:
    """`url.Parse`'s error for the address as the file writes it (the parse gives it
    percent-encoded), when the link's line shows it, or a link definition does (the link is
    `[text][label]`)."""
    text = doc.lines[line - 1][column - 1 :] if 0 < line <= len(doc.lines) else ""
    for written_so in (address, unquote(address)):
        if written_so in text or written_so in defined.addresses:
            error = build_error(written_so, writer)
            return f"{written_so[:60]!r} ({error})" if error else None
    return None


class _Definitions:
    """The addresses the page's link definitions (`[label]: address`) write, read once
    when first asked."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @functools.cached_property
    def addresses(self) -> frozenset[str]:
        return frozenset(match[1] for line in self._doc.lines if (match := _DEFINITION.match(line)))


_DEFINITION = re.compile(r"\s*(?:>\s*)*\[[^\]]+\]:\s*<?([^\s>]+)")


RULE = Rule(
    id="url-refused",
    summary="Link or image address Hugo writes empty or as #ZgotmplZ, or cannot parse",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

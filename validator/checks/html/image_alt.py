"""## What it does
Reports images without alternative text in the rendered page: an `<img>` with no `alt`
attribute (raw HTML, a shortcode or the theme wrote it), and, from the Markdown, an image
whose alt text is empty (`![](chart.png)`). This is markdownlint's MD045.

An empty `alt=""` that the theme, or the Markdown's raw HTML (`<img src="icon.svg" alt="">`),
writes is left alone: it marks a decorative image; so does `role="presentation"` (or
`"none"`) or `aria-hidden="true"`, with or without an `alt`. Without
a build, an image the site's image render hook writes is judged when the hook writes the
Markdown's alt text as its `alt` (`alt="{{ .Text }}"`, or inside `{{ with .Text }}`, which
writes none when the text is empty); another hook's images are left to `--build`.
A shortcode's image whose call gives an `alt` its template does not write is told so: the
fix is in the template. A page's templates' images without alt text (no Markdown line wrote
them), six or more, are one finding of the page: a loop writes them, and the fix is one.

## Why is this bad?
Screen readers announce an image without `alt` by its file name, and nothing at all is
shown when the image fails to load. Search engines read the alt text too.

## Example
```markdown
![](/images/sales-by-month.png)
```

## Use instead
```markdown
![Sales by month, 2024](/images/sales-by-month.png)
```
"""

from __future__ import annotations

from dataclasses import dataclass, field

from validator.addresses import shown
from validator.html import HtmlLink, Image, Page
from validator.model import Finding, Rule, Severity
from validator.published import GROUPED_AT, PagePass, RenderedSite, group_as_one, split_mapped, written_addresses


@dataclass(frozen=True)
class Options:
    empty: bool = field(
        default=True, metadata={"doc": "Also report an empty alt on images from the Markdown."}
    )


def check(rendered: RenderedSite, opts: Options) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []

    def visit(page: Page) -> None:
        if all(_described(image, opts) for image in page.images):
            return  # nothing to report, nothing to locate
        locator = rendered.locator(page)
        start = len(findings)
        for image in page.images:
            # Locate every image, in order, so the n-th of two alike maps to the n-th line.
            found = HtmlLink(image.src, "img", "src", image.line, image.column, image.alt or "", no_alt=image.alt is None)
            source = locator.link_source(found)
            where = (source.line, source.column) if source is not None else None
            if _described(image, opts):
                continue
            if image.alt is not None and (source is None or source.kind == "html"):
                continue  # an empty alt the theme or the Markdown's raw HTML writes: a decorative image
            what = "has no alt attribute" if image.alt is None else "has an empty alt text"
            if source is not None and source.kind == "link" and source.text.strip():
                # a shortcode's image, the call giving `alt` (longhorn's figure template drops it)
                advice = f"the call gives alt={source.text.strip()[:60]!r}, which its shortcode's template does not write"
            else:
                advice = "describe what it shows"
            # (named as the Markdown writes it: a hook writes the resource's address)
            named = source.destination if source is not None and source.kind == "image" and source.destination else image.src
            message = f"image {shown(named)} {what}; {advice}"
            findings.append(rendered.keyed(image.src, page, message, (image.line, image.column), where))
        _group_templates_images(findings, start, rendered, page)

    return PagePass(rendered.pages, visit, lambda: split_mapped(findings, rendered, _written))


def _written(key: str) -> list[tuple[str, str]]:
    """How a template writes the image a finding's key is of (the first, for the page's
    templates' images told as one): as an `<img>`'s `src`."""
    return written_addresses(key.removeprefix(_TEMPLATES_IMAGES), ("src",))


_TEMPLATES_IMAGES = "templates' images: "  # the key's start of a page's templates' images told as one


def _group_templates_images(
    findings: list[tuple[str, Finding, bool]], start: int, rendered: RenderedSite, page: Page
) -> None:
    """The page's findings from `start` on, with its templates' images (those no Markdown
    line made) told as one when there are `GROUPED_AT` or more (flux's wall of 825 avatars)."""
    theirs = [place for place in range(start, len(findings)) if not findings[place][2]]
    if len(theirs) < GROUPED_AT:
        return
    key, first, _ = findings[theirs[0]]
    src = key.split("\0", 1)[0]  # (the key of a page of another format's content holds its path)
    message = (
        f"{len(theirs)} images the page's templates write have no alt text, the first {shown(src)} "
        f"(line {first.line}): describe what each shows in the template, or mark decorative ones alt=\"\""
    )
    group_as_one(findings, theirs, rendered, page, _TEMPLATES_IMAGES + key, message)


def _described(image: Image, opts: Options) -> bool:
    return image.decorative or (image.alt is not None and bool(image.alt.strip() or not opts.empty))


RULE = Rule(
    id="image-alt",
    summary="Image without alternative text",
    stage="html",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD045",
)

"""## What it does
Reports a Markdown image the site's render-image hook writes nothing for, in Hugo's real
output (`--build`, `--html`, a built `publishDir`): no `<img>`, `srcset`, link or alt text
of the page holds its file's name (nor the name Hugo gives a processed copy, `pic_hu…`)
or its alt text, though the page shows its content. A hook that writes the image only when
its lookup finds the file (`{{ with resources.Get .Destination }}`, the global assets,
where a page bundle's image is not) drops every image it does not find, without a word.

Images from another site, `data:` and SVG images (a hook may write an SVG's markup) are
left alone, as are pages whose HTML shows none of their Markdown's headings, links or
other images (a layout that does not print the content). Without a build the hook's
output is not known: the summary says how many images are left to `--build`.

## Why is this bad?
The image the author put on the page is not there, and Hugo builds the site without a
warning: the hook's condition failed, and nothing tells the reader something is missing.

## Example
```toml
build = true  # (run against Hugo's own output)
```

```markdown content/posts/a/index.md
---
title: A
---
## Setup

![The architecture](diagram.png)
```

```html layouts/_markup/render-image.html
{{ with resources.Get .Destination }}<img src="{{ .RelPermalink }}" alt="{{ $.PlainText }}">{{ end }}
```

```text content/posts/a/diagram.png
PNG
```

```html layouts/single.html
<h1>{{ .Title }}</h1>{{ .Content }}
```

## Use instead
```markdown content/posts/a/index.md
---
title: A
---
## Setup

![The architecture](diagram.png)
```

```html layouts/_markup/render-image.html
{{ with or (.PageInner.Resources.Get .Destination) (resources.Get .Destination) }}
<img src="{{ .RelPermalink }}" alt="{{ $.PlainText }}">
{{ end }}
```

```text content/posts/a/diagram.png
PNG
```

```html layouts/single.html
<h1>{{ .Title }}</h1>{{ .Content }}
```
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from validator.addresses import shown
from validator.html import Page
from validator.model import Finding, NoOptions, Rule
from validator.published import PagePass, RenderedSite, SourceLink, SourcePage, split_mapped, text_words


def check(rendered: RenderedSite, opts: NoOptions) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []

    def visit(page: Page) -> None:
        if not rendered.published.complete or page.redirect is not None or page.unknown_output:
            return  # Hugo's own output alone shows what a hook wrote
        source = rendered.locator(page).source
        if source is None or source.every_alt:
            return  # no hook of the site's writes its images
        images = [(link, stem) for link in source.links if link.kind == "image" and (stem := _stem(link)) is not None]
        if not images:
            return
        names = [_file_stem(link.url) for link in page.links]
        alts = {" ".join(image.alt.split()) for image in page.images if image.alt}
        missing = [image for image, stem in images if not _traced(image, stem, names, alts)]
        if not missing or not _shows_content(page, source, len(images) > len(missing)):
            return
        for image in missing:
            message = (
                f"image {shown(image.destination.strip())} is not on the page: the site's render-image hook wrote "
                "nothing for it (its lookup found no file?)"
            )
            findings.append(rendered.keyed(image.destination, page, message, (1, 1), (image.line, image.column)))

    return PagePass(rendered.pages, visit, lambda: split_mapped(findings))


def _stem(image: SourceLink) -> str | None:
    """The lower-cased name, without extension, of a Markdown image's own file; None for
    one this rule leaves alone (another site's, `data:`, SVG, an address a call writes)."""
    destination = image.destination.strip()
    if not destination or "{{" in destination or image.shortcode_path is not None:
        return None
    parts = urlsplit(destination)
    if parts.scheme or parts.netloc or parts.path.lower().endswith((".svg", ".svgz")):
        return None
    return _file_stem(destination) or None


def _file_stem(url: str) -> str:
    name = posixpath.basename(unquote(urlsplit(url.strip()).path))
    return name.rsplit(".", 1)[0].lower() if "." in name else name.lower()


def _traced(image: SourceLink, stem: str, names: list[str], alts: set[str]) -> bool:
    """Whether the page holds a trace of the image (of file name `stem`): a file named as it
    is, or as Hugo names a processed copy of it (`diagram_hu3f2….webp`), or its alt text."""
    if any(name == stem or name.startswith(stem + "_") for name in names):
        return True
    alt = " ".join(image.text.split())
    return bool(alt) and alt in alts


def _shows_content(page: Page, source: SourcePage, other_images: bool) -> bool:
    """Whether the page shows its Markdown's content: another of its images is there, or
    one of its headings, or a link of the same text (a layout may print none of it)."""
    if other_images:
        return True
    shown_headings = {tuple(text_words(heading.text)) for heading in page.headings}
    if any(tuple(text_words(heading.text)) in shown_headings for heading in source.headings if heading.text.strip()):
        return True
    texts = {tuple(text_words(link.text)) for link in page.links if link.tag == "a" and link.text.strip()}
    return any(
        link.kind == "link" and link.text.strip() and tuple(text_words(link.text)) in texts for link in source.links
    )


RULE = Rule(
    id="image-dropped",
    summary="Markdown image the site's image render hook writes nothing for",
    stage="html",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

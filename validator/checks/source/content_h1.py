"""## What it does
Checks for level-1 headings (`# Title`) in the content of a page whose front matter sets a
title. Themes print the title as the page's `<h1>`, so a `#` heading in the content makes a
second one.

This is markdownlint's MD025 (single-h1) with its `front_matter_title` option. A site whose
templates for regular pages (single and page templates, base templates, partials, the
views single templates render, the themes' included) write no `<h1>` whose content an
action makes (`<h1>{{ .Title }}</h1>`; one of fixed text, `<h1>Table of Contents</h1>`, is
no title) prints no title as one: its
pages are not checked; nor are the pages of other types where only a type's own templates write one
(`layouts/posts/single.html`, for `posts`), nor those of a type (or any page) whose single
template, with the base template whose blocks it fills and the partials and views they
call, writes none (`blog/single.html` defining `main` with an `<h2>`; a partial that
prints the title called by list templates alone), nor the pages of a site whose templates are a
theme's that is not on disk (a git submodule not checked out; the summary says so), nor
content in no Hugo site (no config found: a product's docs folder, whose templates are
elsewhere), nor
pages whose heading render hook writes another element than `<h{{ .Level }}` (one that
writes `#` as an `<h2>`). With Hugo's output (`--build`, `--html`, or a built publish
dir), a page whose HTML has no `<h1>` but the content's is not reported either. Slide decks
(HugoBlox's `type: slides`, reveal-hugo's `outputs: [Reveal]`), where each `#` heading
starts a slide, are not read.

## Why is this bad?
A page with two `<h1>`s has no single main heading: screen readers and search engines
see two titles, and Hugo's table of contents (levels 2 and 3 by default) leaves the `#`
heading out. Start the content's headings at `##`.

## Example
```markdown
+++
title = "Markdown Syntax Guide"
+++

# Markdown Syntax Guide

Some text.
```

## Use instead
```markdown
+++
title = "Markdown Syntax Guide"
+++

## Headings

Some text.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.html import Page
from validator.model import Finding, Rule, Severity
from validator.published import SourcePage
from validator.site import is_list_file


@dataclass(frozen=True)
class Options:
    title_key: str = field(
        default="title",
        metadata={"doc": "Front matter key the theme prints as the page's h1 (\"\" checks no page)."},
    )
    list_pages: bool = field(
        default=False,
        metadata={
            "doc": "Check list pages (`_index.md`) too: by default they are exempt, as the home "
            "and section pages of many themes have layouts of their own."
        },
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    if not opts.title_key or not doc.rendered or not doc.prints_title_h1 or doc.is_slide_deck:
        return
    if "render-heading" in doc.render_hooks:  # one that writes `#` as another level
        return
    if not opts.list_pages and is_list_file(doc.path, doc.site):
        return
    title = doc.front_matter.get(opts.title_key)
    if title is None or isinstance(title, (dict, list)) or not str(title).strip():
        return
    # (a call's content its template renders, or a legacy one's, writes its headings into the page too)
    for heading in sorted((*doc.headings, *doc.rendered_content_headings), key=lambda one: (one.line, one.column)):
        if heading.level == 1:
            yield Finding(
                heading.line,
                heading.column,
                f"h1 {heading.text!r} in the content: themes print the {opts.title_key} "
                f"{str(title).strip()!r} as the page's h1, so it would have two; use ## for headings "
                "in the content",
            )


def html_review(page: Page, source: SourcePage, opts: Options) -> bool:
    """With Hugo's output: the findings stand when the page has an h1 the content does not
    write (the theme's title). A theme that prints no title leaves the content's h1 alone."""
    written = sum(1 for heading in source.headings if heading.level == 1)
    return sum(1 for heading in page.headings if heading.level == 1) > written


RULE = Rule(
    id="content-h1",
    summary="Level-1 heading in the content of a page with a title",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD025",
    html_review=html_review,
)

"""## What it does
For a theme's example content: checks that the content as a whole exercises every element
the theme has to style, and reports the missing ones in one finding, at the content
directory's `_index.md` (or the first page). The elements, by the names the `elements`
option takes:

- `h1` … `h6`: a heading of each level;
- `paragraph`: a paragraph of text;
- `blockquote`, `blockquote-cite`: a blockquote without, and one with, a `<cite>`;
- `table`, `table-inline-markdown`: a table, and one with emphasis, code or links in a cell;
- `code-fenced`, `code-indented`, `code-highlight`: a fenced code block, one indented by
  four spaces, and a `{{< highlight >}}` shortcode;
- `list-ordered`, `list-unordered`, `list-nested`: the two kinds of list, and a list in a
  list;
- `abbr`, `sub`, `sup`, `kbd`, `mark`: the inline HTML elements Markdown has no syntax for;
- `footnote`: a footnote reference with its definition;
- `image`: a Markdown image, an `<img>` or a `{{< figure >}}`.

Every file checked in the run counts, headless bundles included (a theme may render their
content), so run it on the whole content, not on a few files. Elements produced only by
shortcode templates are not seen. Whether the inline HTML
elements survive rendering is `raw-html-omitted`'s business: the `theme-test-content`
preset makes it an error.

## Why is this bad?
Example content is how a theme is tested and shown off: an element it lacks is an element
whose styling nobody looks at, until a user's page shows an unstyled `<kbd>` or a table
that overflows.

## Example
```markdown
# Markdown Syntax Guide

This page shows the basic Markdown syntax.

## Lists

* List item
* Another item
```

## Use instead
```markdown
# Markdown Syntax Guide

## H2

### H3

#### H4

##### H5

###### H6

Xerum, quo qui aut unt expliquam qui dolut labo.

> Tiam, ad mint andaepu dandae nostion secatur sequo quae.

> Don't communicate by sharing memory, share memory by communicating.<br>
> — <cite>Rob Pike[^1]</cite>

[^1]: From Rob Pike's talk during Gopherfest, November 18, 2015.

| Italics   | Bold     | Code   |
| --------- | -------- | ------ |
| *italics* | **bold** | `code` |

~~~html
<p>Test</p>
~~~

    <p>Test</p>

{{< highlight html >}}
<p>Test</p>
{{< /highlight >}}

1. First item
2. Second item

* Fruit
  * Apple
  * Orange

<abbr title="Graphics Interchange Format">GIF</abbr> is a bitmap image format.
H<sub>2</sub>O and X<sup>n</sup>. Press <kbd>CTRL</kbd> to <mark>mark</mark> it.

![A gopher](/images/gopher.png)
```
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from validator.elements import ELEMENTS
from validator.engine import PageSummary, Site
from validator.model import Finding, Rule


@dataclass(frozen=True)
class Options:
    elements: tuple[str, ...] = field(
        default=ELEMENTS,
        metadata={"doc": "The elements the content must exercise (see the list above)."},
    )


def check(site: Site, opts: Options) -> Iterator[Finding]:
    if not site.pages:
        return
    page = _home(site.pages)
    unknown = [name for name in opts.elements if name not in ELEMENTS]
    if unknown:
        yield Finding(
            1,
            1,
            f"unknown element {', '.join(unknown)} in the 'elements' option (known: "
            f"{', '.join(ELEMENTS)})",
            path=page.path,
        )
    found = {name for summary in site.pages for name in summary.elements}
    missing = [name for name in opts.elements if name in ELEMENTS and name not in found]
    if missing:
        yield Finding(
            1,
            1,
            f"the content has no example of: {', '.join(missing)}; add one of each, so the "
            "theme's styles for them are tested",
            path=page.path,
        )


def _home(pages: Sequence[PageSummary]) -> PageSummary:
    """The content directory's `_index.md` when it is checked, else the first Markdown page."""
    markdown = [page for page in pages if page.read]
    homes = [page for page in markdown if page.content_path == "_index.md"]
    return min(homes or markdown or pages, key=lambda page: page.path)


RULE = Rule(
    id="element-coverage",
    summary="Theme example content lacks an element",
    stage="site",
    options=Options,
    check=check,
    doc=__doc__,
    summary_needs=frozenset({"elements"}),
)

"""## What it does
Checks that every page's front matter sets the required keys (by default `title`), and that
their values are not empty. Keys are matched case-insensitively, as Hugo does, and a key a
section's `cascade` gives the page counts as set. A page whose `url` names another format
than HTML (`url = "/search-index.json"`) is left alone. Front matter inside an HTML comment
(`<!--` on the first line), which Hugo read until 0.123.0, is named as the cause.

## Why is this bad?
Themes print `.Title` in the page's `<title>`, its heading, menus and lists: a page without
one shows up blank or as its file name. Add keys such as `date` or `description` when your
theme needs them.

## Example
```markdown
+++
date = 2024-05-04
+++

Some notes on backpropagation.
```

## Use instead
```markdown
+++
title = "Notes on Backpropagation"
date = 2024-05-04
+++

Some notes on backpropagation.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from validator.document import Document
from validator.model import Finding, Rule
from validator.site import is_list_file

_MISSING = object()
# Front matter wrapped in an HTML comment, which Hugo read before 0.123.0 (tekton's synced docs)
_COMMENTED = re.compile(r"\A\ufeff?\s*<!--[ \t]*\n\s*(?:---|\+\+\+)[ \t]*\n")


@dataclass(frozen=True)
class Options:
    keys: tuple[str, ...] = field(
        default=("title",), metadata={"doc": "Front matter keys every page must set."}
    )
    list_pages: bool = field(
        default=False,
        metadata={
            "doc": "Check list pages (`_index.md`) too: by default they are exempt, as Hugo "
            "titles the home page with the site's title and a section with its name."
        },
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    if not doc.rendered:
        return  # Hugo renders no page for it (headless, build.render = never, a resource)
    if not opts.list_pages and is_list_file(doc.path, doc.site):
        return
    front_matter = doc.front_matter
    if front_matter.error is not None:
        return  # front-matter-syntax reports it
    cascaded = doc.cascaded or {}
    if front_matter.data is None:
        keys = ", ".join(repr(k) for k in opts.keys if k.lower() not in cascaded)
        if keys and _COMMENTED.match(doc.text):
            yield Finding(
                1, 1,
                f"front matter inside an HTML comment, which Hugo reads no more (since 0.123.0): the page has "
                f"none; required: {keys} (remove the comment's <!-- and --> lines)" + doc.site.removed_since("0.123.0"),
            )  # fmt: skip
        elif keys:
            yield Finding(1, 1, f"no front matter; required: {keys}{_title_hint(doc, opts)}")
        return
    url = front_matter.get("url")
    if isinstance(url, str) and PurePosixPath(url.split("?", 1)[0]).suffix.lower() not in ("", ".html", ".htm"):
        return  # a page written as another format (`url = "/index.json"`): no title shows
    for key in opts.keys:
        value = front_matter.get(key, _MISSING)
        if value is _MISSING and key.lower() not in cascaded:  # a section's `cascade` may give it
            yield Finding(front_matter.line, 1, f"front matter has no {key!r}")
        elif value is None or (isinstance(value, (str, list, dict)) and not value):
            line, column = front_matter.position(key)
            yield Finding(line, column, f"front matter {key!r} is empty")


def _title_hint(doc: Document, opts: Options) -> str:
    """A page headed `# Access Logging` (written for GitHub) has no title for Hugo: say
    which front matter gives it one."""
    first = doc.headings[0] if doc.headings else None
    if "title" not in opts.keys or first is None or first.level != 1 or not first.text.strip():
        return ""
    return f" (Hugo does not take the title from the # heading: add `title: {first.text.strip()!r}`)"


RULE = Rule(
    id="front-matter-required",
    summary="Required front matter key is missing",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
)

"""## What it does
Checks the front matter dates Hugo reads — `date`, `publishDate` (or `pubdate`,
`published`), `lastmod` (or `modified`) and `expiryDate` (or `unpublishdate`) — with the
rules Hugo applies: TOML dates and date-times, integers (Unix seconds) and strings in one
of Hugo's layouts, matched exactly as Go does (`2024-05-04`, `2024-05-04T10:30:00Z`,
`2024-05-04 10:30:00`, `Sat, 04 May 2024 10:30:00 +0200`, `04 May 2024`, …). YAML values
are read as Hugo's YAML 1.2 parser reads them: `2024-5-4` is a string there, and not a date
Hugo can parse.

It also reports an `expiryDate` that is not after the page's publish date (`publishDate`,
else `date`): the page expires before it is published; and a date written as a number
that reads as a year or a day (`date: 20240101`), which Hugo takes for seconds since 1970
(1970-08-23).

## Why is this bad?
A date Hugo cannot parse (`2024/05/04`, `2024-05-04 10:30` without seconds, `May 4, 2024`)
fails the whole build with `the "date" front matter field is not a parsable date`. A page
that expires before it is published is never built.

## Example
```markdown
+++
title = "Spring release"
date = "2024/05/04"
+++

What changed in this release.
```

## Use instead
```markdown
+++
title = "Spring release"
date = 2024-05-04
+++

What changed in this release.
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from validator.document import Document
from validator.frontmatter import DATE_KEYS, DateError, FrontMatter, hugo_date
from validator.model import Finding, NoOptions, Rule

# The keys Hugo takes the publish and expiry dates from, first set wins.
PUBLISH_KEYS = ("publishdate", "pubdate", "published", "date")
EXPIRY_KEYS = ("expirydate", "unpublishdate")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if not front_matter.data:
        return
    dates: dict[str, dt.datetime] = {}
    for name in front_matter.data:
        if not isinstance(name, str) or name.lower() not in DATE_KEYS:
            continue
        key = name.lower()
        value = front_matter.hugo_value(name)
        try:
            when = hugo_date(value, front_matter.format)
        except DateError as exc:
            line, column = front_matter.position(key)
            yield Finding(line, column, _message(name, value, str(exc)))
            continue
        if when is not None:
            dates.setdefault(key, when)
        if (meant := _written_as_integer(value)) is not None and when is not None:
            line, column = front_matter.position(key)
            yield Finding(
                line, column,
                f"front matter {name!r} is the number {value}, which Hugo reads as seconds since 1970: "
                f"{when:%Y-%m-%d %H:%M:%S}; write {meant}",
            )  # fmt: skip
    yield from _expired(front_matter, dates)


def _written_as_integer(value: object) -> str | None:
    """The date meant by an integer that reads as a year (`2024`) or a day (`20240101`),
    which Hugo takes for Unix seconds (checked with hugo 0.168); else None."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    if 1900 <= value <= 2100:
        return f"{value}-01-01"
    try:
        day = dt.date(value // 10000, value // 100 % 100, value % 100) if 19000101 <= value <= 21001231 else None
    except ValueError:
        return None
    return day.isoformat() if day is not None else None


def _message(name: str, value: object, reason: str) -> str:
    if name.lower() == "published" and isinstance(value, bool):
        return (
            f"front matter 'published' is {str(value).lower()}: Hugo reads it as a date and "
            f"fails the build; write draft = {str(not value).lower()}"
        )
    return (
        f"front matter {name!r}: {reason}; Hugo fails the build "
        "(write e.g. 2024-05-04 or 2024-05-04T10:30:00Z)"
    )


def _expired(front_matter: FrontMatter, dates: dict[str, dt.datetime]) -> Iterator[Finding]:
    expiry_key = next((k for k in EXPIRY_KEYS if k in dates), None)
    publish_key = next((k for k in PUBLISH_KEYS if k in dates), None)
    if expiry_key is None or publish_key is None:
        return
    expiry, publish = dates[expiry_key], dates[publish_key]
    if expiry <= publish:
        line, column = front_matter.position(expiry_key)
        yield Finding(
            line,
            column,
            f"front matter {expiry_key} ({expiry:%Y-%m-%d %H:%M}) is not after {publish_key} "
            f"({publish:%Y-%m-%d %H:%M}): Hugo never publishes the page",
        )


RULE = Rule(
    id="front-matter-date",
    summary="Front matter date Hugo cannot parse or misreads, or expiring before publication",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

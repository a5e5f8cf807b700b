"""## What it does
Checks that no two pages are published at the same URL, and that no alias (a redirect page
from `aliases`) lands on the URL of a page or of another alias. URLs are predicted from the
site's configuration: content paths, `slug`, `url`, `permalinks`, `uglyURLs`, languages.
Each file involved is reported, except the first one (by path), naming the other file
(once for all its aliases that the other file has too).
Pages Hugo does not render (headless bundles, `build.render = "never"`) or does not build
(drafts, pages whose publish date is to come or whose expiry date is past, unless the site
builds them) are skipped, and so is an alias of a page to its own URL (Hugo writes the
page). With `disableAliases = true` Hugo writes no redirect pages: aliases are not read.

## Why is this bad?
Hugo writes both files to the same place in `public/` and the last one wins, silently
(only `hugo --printPathWarnings` says "Duplicate target paths"): a page disappears from the
site, or a redirect that readers' old links rely on is never written. Hugo builds pages in
parallel, so which one wins changes from one build to the next (Hugo 0.168).

## Example
```markdown content/about.md
+++
title = "About"
+++
```

```markdown content/company/team.md
+++
title = "About us"
url = "/about/"
+++
```

## Use instead
```markdown content/about.md
+++
title = "About"
+++
```

```markdown content/company/team.md
+++
title = "About us"
url = "/about-us/"
+++
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from validator.engine import PageSummary, Site
from validator.model import Finding, NoOptions, Rule
from validator.site import alias_urls, is_built


def check(site: Site, opts: NoOptions) -> Iterator[Finding]:
    # Pages of files mdcheck does not read (HTML content) claim first: a clash is reported
    # on the Markdown file.
    claims = sorted(
        (
            (page.read, page.path, _claims(site, page), page.front_matter_positions.get("aliases", (1, 1)))
            for page in site.pages
            if page.rendered and page.url is not None and is_built(site.config, page.front_matter)
        ),
        key=lambda item: item[:2],
    )
    owners: dict[str, tuple[str, str]] = {}  # output path -> (the page's path, "page" | "alias")
    for _, path, urls, aliases_at in claims:
        clashes: dict[tuple[str, str, str], list[str]] = {}  # (kind, other page, its kind) -> URLs
        for url, kind in urls:
            first = owners.setdefault(_output(url), (path, kind))
            if first[0] != path:
                clashes.setdefault((kind, *first), []).append(url)
        for (kind, other, other_kind), clashing in clashes.items():
            line, column = aliases_at if kind == "alias" else (1, 1)  # aliases at their key
            yield Finding(line, column, _message(clashing, kind, other, other_kind), path=path)


def _claims(site: Site, page: PageSummary) -> list[tuple[str, str]]:
    """The URLs the page is written at: its own, and its aliases' that Hugo writes."""
    assert page.url is not None
    own = _output(page.url)
    return [(page.url, "page"), *((url, "alias") for url in _aliases(site, page) if _output(url) != own)]


def _aliases(site: Site, page: PageSummary) -> list[str]:
    value = _get(page.front_matter, "aliases")
    if not isinstance(value, (str, list)):
        return []
    section = (page.content_path or "").split("/", 1)[0] if "/" in (page.content_path or "") else ""
    assert page.url is not None
    return alias_urls(site.config, page.url, value, language=page.language, section=section)


def _get(front_matter: Any, key: str) -> Any:
    return next((v for k, v in front_matter.items() if isinstance(k, str) and k.lower() == key), None)


def _output(url: str) -> str:
    """The file a URL is written to: `/a/` and `/a/index.html` are one file."""
    return url + "index.html" if url.endswith("/") else url if posixpath.splitext(url)[1] else url + "/index.html"


def _message(urls: list[str], kind: str, other: str, other_kind: str) -> str:
    """One finding for all the page's URLs that clash with one other page's."""
    many = len(urls) > 1
    what = "this page's URL" if kind == "page" else "this page's aliases" if many else "this page's alias"
    theirs = "the URL of" if other_kind == "page" else "aliases of" if many else "an alias of"
    shown = ", ".join(urls)
    return (
        f"{what} {shown} {'are' if many else 'is'} also {theirs} {other}: Hugo writes one over the other, "
        "which one varies from build to build"
    )


RULE = Rule(
    id="duplicate-url",
    summary="Two pages or aliases at the same URL",
    stage="site",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

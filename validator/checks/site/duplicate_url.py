"""## What it does
Checks that no two pages are published at the same URL, and that no alias (a redirect page
from `aliases`) lands on the URL of a page or of another alias, nor on a list page Hugo makes
without a file (the home page, a section's, a taxonomy's: `aliases: ["/posts/"]`); and that
no alias resolves to the site root (`/`), on which Hugo stops the build; nor that a folder
holds both an `_index.md` and an `index.md`, where the leaf bundle wins and Hugo publishes
neither the section's page nor any page below it, without a word (reported at the
`_index.md`). URLs are predicted from the
site's configuration: content paths, `slug`, `url`, `permalinks`, `uglyURLs`, languages.
Each file involved is reported, except the first one (by path), naming the other file
(once for all its aliases that the other file has too).
Pages Hugo does not render (headless bundles, `build.render = "never"`: a section's
`_index.md` of it makes no list page an alias could land on) or does not build
(drafts, pages whose publish date is to come or whose expiry date is past, unless the site
builds them) are skipped, and so is an alias of a page to its own URL (Hugo writes the
page). With `disableAliases = true` Hugo writes no redirect pages: aliases are not read.

## Why is this bad?
Hugo writes both files to the same place in `public/` and the last one wins, silently
(only `hugo --printPathWarnings` says "Duplicate target paths"): a page disappears from the
site, or a redirect that readers' old links rely on is never written. Hugo builds pages in
parallel, so which one wins changes from one build to the next (Hugo 0.168); of two
pages' aliases, the redirect of the page whose path sorts last stays in most builds (16 of
16 on a quiet machine, not always under load), and links through the alias are judged
against that page.

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
from collections.abc import Iterator, Sequence

from validator.engine import PageSummary, Site, list_page_urls, page_alias_urls, published_url
from validator.model import Finding, NoOptions, Rule
from validator.site import is_built, page_path, predict_url


def check(site: Site, opts: NoOptions) -> Iterator[Finding]:
    # Pages of files mdcheck does not read (HTML content) claim first: a clash is reported
    # on the Markdown file.
    claims = sorted(
        (
            (page.read, page.path, _claims(site, page), page.front_matter_positions.get("aliases", (1, 1)), page)
            for page in site.pages
            if page.rendered and page.url is not None and is_built(site.config, page.front_matter)
        ),
        key=lambda item: item[:2],
    )
    owners: dict[str, tuple[str, str]] = {}  # output path -> (the page's path, "page" | "alias")
    # Of pages' redirects at one URL, Hugo keeps that of the page whose path sorts last, in
    # most builds (checked with hugo 0.168); not told of pages in other languages (see _rendered_last)
    kept_aliases: dict[str, str] = {}  # output path -> the path of the page whose redirect is kept
    latest: dict[str, str] = {}  # output path -> that page's Hugo path
    for _, path, urls, _, page in claims:
        hugo_path = _hugo_path(site, page)
        for output in (_output(url) for url, kind in urls if kind == "alias" and hugo_path):
            if hugo_path > latest.get(output, ""):
                latest[output], kept_aliases[output] = hugo_path, path
    languages = {path: page.language or site.config.default_language for _, path, _, _, page in claims}
    order = [lang.code for lang in site.config.languages]  # Hugo renders them in this order
    for _, path, urls, aliases_at, page in claims:
        for alias in page_alias_urls(site.config, page, at_root=True):
            yield Finding(*aliases_at, f"alias {alias!r} resolves to the site root: Hugo stops the build "
                          '("alias … resolves to website root directory"); remove it', path=path)
        clashes: dict[tuple[str, str, str], list[str]] = {}  # (kind, other page, its kind) -> URLs
        for url, kind in urls:
            first = owners.setdefault(_output(url), (path, kind))
            if first[0] != path:
                clashes.setdefault((kind, *first), []).append(url)
        for (kind, other, other_kind), clashing in clashes.items():
            line, column = aliases_at if kind == "alias" else (1, 1)  # aliases at their key
            last = _rendered_last(order, languages[path], languages[other])
            kept = kept_aliases.get(_output(clashing[0])) if last is None and kind == other_kind == "alias" else None
            yield Finding(line, column, _message(clashing, kind, other, other_kind, last, kept), path=path)
    # An alias at a list page no file makes (the home page, a section, a taxonomy)
    sections = {(page.content_path.split("/", 1)[0], page.language) for *_, page in claims
                if page.content_path and "/" in page.content_path}
    lists = _list_pages(site, sections)
    for output in {_output(url) for _, _, urls, _, _ in claims for url, kind in urls if kind == "page"}:
        lists.pop(output, None)  # a file makes it: reported above
    files: list[tuple[str, str | None, str]] = []  # (content path, language, path): one reading of the pages
    for page in site.pages:
        if not page.content_path:
            continue
        files.append((page.content_path, page.language, page.path))
        # a section's `_index.md` that Hugo does not render (`build.render = "never"`)
        if not page.rendered and posixpath.basename(page.content_path).startswith("_index."):
            if (url := predict_url(site.config, page.content_path, {}, page.language)) is not None:
                lists.pop(_output(published_url(url, site.config, page.language)), None)
    for _, path, urls, aliases_at, _ in claims:
        over = [url for url, kind in urls if kind == "alias" and owners.get(_output(url)) == (path, "alias")
                and _output(url) in lists]
        if over:
            yield Finding(*aliases_at, _list_message(over, lists, languages[path], order), path=path)
    yield from _section_and_bundle(files)


def _section_and_bundle(files: Sequence[tuple[str, str | None, str]]) -> Iterator[Finding]:
    """An `_index.md` beside an `index.md` (a VitePress or older Hugo tree moved over): the
    leaf bundle wins, and Hugo publishes neither the section's page nor any page below it,
    without a word (checked with hugo 0.168). Reported at the `_index.md`. `files`: the
    content files' (content path, language, path)."""
    names: dict[tuple[str, str | None], list[tuple[str, str]]] = {}  # (folder, language) -> (name, path)
    for content_path, language, path in files:
        folder, name = posixpath.split(content_path)
        if folder and name.startswith(("index.", "_index.")):  # (the content root's: the config's note tells)
            names.setdefault((folder, language), []).append((name, path))
    both = {key: found for key, found in names.items() if {name.startswith("_") for name, _ in found} == {True, False}}
    if not both:
        return
    below = dict.fromkeys(both, 0)  # the files in each such folder and under it, but its own index files
    for content_path, language, _ in files:
        folder, name = posixpath.split(content_path)
        if name.startswith(("index.", "_index.")):
            folder = posixpath.dirname(folder)
        while folder:
            if (folder, language) in below:
                below[(folder, language)] += 1
            folder = posixpath.dirname(folder)
    for (folder, language), found in sorted(both.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        leaf = next(path for name, path in found if not name.startswith("_"))
        count = below[(folder, language)]
        more = f", nor the {count} page{'s' if count != 1 else ''} below it" if count else ""
        for name, path in found:
            if name.startswith("_"):
                yield Finding(
                    1, 1,
                    f"{leaf} beside this file makes {folder}/ a leaf bundle: Hugo publishes neither this section's "
                    f"page{more} (their files are the bundle's resources), without a word; merge this file into "
                    "it, or remove it",
                    path=path,
                )  # fmt: skip


def _claims(site: Site, page: PageSummary) -> list[tuple[str, str]]:
    """The URLs the page is written at: its own, and its aliases' that Hugo writes (on a
    multihost site, in its language's folder: see published_url)."""
    assert page.url is not None
    own = _output(page.url)
    urls = [(page.url, "page"), *((url, "alias") for url in page_alias_urls(site.config, page) if _output(url) != own)]
    return [(published_url(url, site.config, page.language), kind) for url, kind in urls]


def _list_pages(site: Site, sections: set[tuple[str, str | None]]) -> dict[str, tuple[str, str]]:
    """The list pages Hugo makes without a content file, by output path: what each is (for
    messages) and its language; the homes and `sections`' (top-level folder, language) list
    pages, and each language's taxonomies'."""
    config = site.config
    found: dict[str, tuple[str, str]] = {}
    for url, what, language in list_page_urls(config, sections):
        found.setdefault(_output(published_url(url, config, language)), (what, language or config.default_language))
    if "taxonomy" not in config.disabled_kinds:
        for code in [lang.code for lang in config.languages] or [config.default_language]:
            for _, plural in config.taxonomies:
                if (url := predict_url(config, f"{plural}/_index.md", {}, code)) is not None:
                    what = f"the list page of the taxonomy {plural}"
                    found.setdefault(_output(published_url(url, config, code)), (what, code))
    return found


def _list_message(urls: list[str], lists: dict[str, tuple[str, str]], language: str, order: list[str]) -> str:
    """The finding for the page's aliases at list pages; `language`: the page's."""
    shown = "; ".join(f"{url} is the URL of {lists[_output(url)][0]}" for url in urls)
    lasts = {_rendered_last(order, language, lists[_output(url)][1]) for url in urls}
    which = (
        f"renders {last!r} last: its page is the one published" if len(lasts) == 1 and (last := lasts.pop())
        else "the redirect replaces that page, or the page the redirect, build to build"
    )
    return f"{'these aliases' if len(urls) > 1 else 'this alias'}: {shown}: Hugo writes both there, and {which}"


def _output(url: str) -> str:
    """The file a URL is written to: `/a/` and `/a/index.html` are one file."""
    return url + "index.html" if url.endswith("/") else url if posixpath.splitext(url)[1] else url + "/index.html"


def _rendered_last(order: list[str], own: str, other: str) -> str | None:
    """Of two languages, the one Hugo renders last (its page is written over the other's);
    None for one language, whose pages are written in no set order."""
    if own == other or own not in order or other not in order:
        return None
    return own if order.index(own) > order.index(other) else other


def _hugo_path(site: Site, page: PageSummary) -> str:
    """Hugo's path of the page (`/docs/a`), "" when it has no content file."""
    return (page_path(site.config, page.content_path) or "") if page.content_path else ""


def _message(
    urls: list[str], kind: str, other: str, other_kind: str, last: str | None = None, kept: str | None = None
) -> str:
    """One finding for all the page's URLs that clash with one other page's; `last`: the
    language Hugo renders last, when the two pages are of different ones; `kept`: of two
    pages' aliases, the page whose redirect Hugo writes last."""
    many = len(urls) > 1
    what = "this page's URL" if kind == "page" else "this page's aliases" if many else "this page's alias"
    theirs = "the URL of" if other_kind == "page" else "aliases of" if many else "an alias of"
    shown = ", ".join(urls)
    which = (
        f"and renders {last!r} last: its page is the one published" if last is not None
        else f"and {kept}'s path sorts last: its redirect is the one published, in most builds" if kept is not None
        else "which one varies from build to build"
    )
    return f"{what} {shown} {'are' if many else 'is'} also {theirs} {other}: Hugo writes one over the other, {which}"


RULE = Rule(
    id="duplicate-url",
    summary="Two pages or aliases at the same URL",
    stage="site",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

"""## What it does
Checks that every `ref` and `relref` shortcode names a page Hugo can find (and every
parameter a theme's shortcode passes to `ref` or `relref`, as geekdoc's `{{< button
relref="usage/" >}}` does), looking it up
the way Hugo does: relative to the page, then to the content root (the extension is
optional, case does not matter, `_index.md` and a bundle's `index.md` are found by their
directory), then, for a path without a slash, by its base name anywhere in the site.
Hugo reads the argument as a URL: `%20` stands for a space, a `?query` is dropped, and an
escape that is none (`%ZZ`) stops the build, which is reported too.
The `lang` parameter looks in that language's pages. A base name that several pages share
is reported too: Hugo cannot tell which one is meant, and so is a page Hugo does not build
by default: a draft (`draft: true`, built only with `--buildDrafts` or `buildDrafts =
true`), one whose publish date (`publishDate`, else `date`) is to come (`--buildFuture`),
one whose `expiryDate` is past (`--buildExpired`); and a page Hugo
finds but publishes nothing of (`headless = true`, `build.render = "never"`, a section
when `disableKinds` names `section`): Hugo writes
the link empty, without a word; with `build.render = "link"` it writes the page's URL, where
nothing is published. So is a call whose named parameters name no `path` (`ref="b"`): Hugo
reads `path`, `lang` and `outputFormat`, and writes the link empty. A page Hugo does not
build by default runs its calls only in a build that builds it: a draft's ref to another
draft is fine, and a ref to no page fails the build once the draft is built.

Pages Hugo makes without a content file (the home page, sections, taxonomy pages) are
found, and so are those of content files that are not Markdown (`_index.html`, `.org`)
when the site's `security.allowContent` admits them (a ref to one it refuses says so). The
pages a content adapter (`_content.gotmpl`) adds, and those of a theme's or module's
content (its `content` folder, or what a mount to `content` names; of a module not found,
a folder below `content` its import mounts), are known only to a build: a ref into such a folder, or to a base name alone, is
not judged on a site that has one. A
call in an HTML comment is checked only when Hugo keeps raw HTML (`unsafe = true`):
otherwise Hugo drops the comment and never runs it. Nor does it run the calls of a file it
renders no page of (a headless bundle's, `build.render = "never"`), unless another page
names the file in a shortcode (`{{< include "snippets/setup.md" >}}`). Only the files of
the run are known: check the whole site, not a few files, for this rule to see every page.

## Why is this bad?
With the default `refLinksErrorLevel = "ERROR"` Hugo logs `REF_NOT_FOUND: Ref "…": page not
found` (or `page reference "…" is ambiguous`) as an error and the build fails: it exits
with an error, though it writes every page, the link empty. With
`refLinksErrorLevel = "WARNING"` the build goes on, and the link points to
`refLinksNotFoundURL` (empty by default): a dead link.

## Example
```markdown
Back to the [home page]({{< relref "/home.md" >}}).
```

## Use instead
```markdown
Back to the [home page]({{< relref "/" >}}).
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from validator.document import REF_SHORTCODES
from validator.engine import PageSummary, Site
from validator.links import SiteIndex, split_ref
from validator.model import Finding, NoOptions, Rule
from validator.site import unbuilt_flags


def check(site: Site, opts: NoOptions) -> Iterator[Finding]:
    index = site.derived(SiteIndex)
    known = {lang.code for lang in site.config.languages} | {site.config.default_language}
    disabled = site.config.disabled_languages
    stops = (
        "Hugo logs an error: the build fails"
        if site.config.ref_links_error_level.upper() == "ERROR"
        else f"Hugo links to {site.config.ref_links_not_found_url!r} instead"
    )

    def findings(page: PageSummary) -> Iterator[Finding]:
        # A page Hugo builds only with some flags runs its calls only in a build with them
        own = unbuilt_flags(site.config, page.front_matter)
        consequence = f"{stops} once this page is built, with {' '.join(sorted(own))}" if own else stops
        calls: set[tuple[int, int]] = set()
        for link in page.links:
            argument = link.ref
            if link.shortcode is None or (argument is None and not link.unread):
                continue
            if (link.shortcode_line, link.shortcode_column) in calls:
                continue  # another link using the same definition (`[one][x]`, `[two][x]`)
            calls.add((link.shortcode_line, link.shortcode_column))
            if link.unread:
                named = ", ".join(f"`{key}`" for key in link.unread)
                yield Finding(
                    link.shortcode_line, link.shortcode_column,
                    f"{link.shortcode} without a path: Hugo reads the named parameters `path`, `lang` and "
                    f"`outputFormat` ({named} is none of them) and writes an empty link, without a word; "
                    f'use path="…"', path=page.path,
                )  # fmt: skip
                continue
            assert argument is not None
            if link.kind == "commented-ref" and not site.config.markup.unsafe:
                continue  # Hugo drops the HTML comment, the ref never runs
            ref, language = argument
            try:
                path, _ = split_ref(ref)
            except ValueError as error:
                at = (link.shortcode_line, link.shortcode_column)
                yield Finding(*at, f"{link.shortcode} {ref!r}: {error} ({consequence})", path=page.path)
                continue
            if language and language not in known:
                yield Finding(
                    link.shortcode_line, link.shortcode_column,
                    f"{link.shortcode} {ref!r}: {_no_language(language, known, disabled)} ({consequence})",
                    path=page.path,
                )  # fmt: skip
                continue
            if not path:
                continue
            target = index.ref(page, path, language)
            name = link.shortcode
            if target.found:
                at = (link.shortcode_line, link.shortcode_column)
                if not index.built_along(target, page):
                    reason = index.unbuilt[target.index]
                    yield Finding(*at, f"{name} {path!r}: {reason} ({consequence})", path=page.path)
                elif target.index in index.unpublished:
                    problem = (
                        f"{name} {path!r}: Hugo publishes no page for it (headless, build.render = \"never\", "
                        "or a kind disableKinds turns off)"
                    )
                    yield Finding(*at, f"{problem}, and writes an empty link", path=page.path)
                elif target.index in index.link_only:
                    problem = f'{name} {path!r}: Hugo renders no page for it (build.render = "link")'
                    yield Finding(*at, f"{problem}: the link it writes leads nowhere", path=page.path)
                continue
            if _made_elsewhere(site.config.unknown_content, path, page.content_path):
                continue  # a content adapter's or a module's page, unknown without a build
            if target.ambiguous:
                problem = f"{name} {path!r} is ambiguous: several pages are named so; add the section"
            else:
                problem = f"{name} {path!r}: no such page" + (f" in language {language!r}" if language else "")
                if elsewhere := index.languages_having(page, path, language):
                    problem += f" of this page's language; the page is in {elsewhere[0]!r}"
                    if name in REF_SHORTCODES:
                        problem += f': {{{{< {name} path="{path}" lang="{elsewhere[0]}" >}}}}'
            yield Finding(link.shortcode_line, link.shortcode_column, f"{problem} ({consequence})", path=page.path)

    # Hugo runs the calls of a file it renders no page of only where a page includes it:
    # such files wait until every page's shortcode paths are known.
    unrendered: list[PageSummary] = []
    for _, page in site.checked_pages():
        if page.rendered:
            yield from findings(page)
        elif any(link.ref is not None for link in page.links):
            unrendered.append(page)
    if unrendered:
        included = {path.lstrip("./").lower() for page in site.pages for path in page.included}
        for page in unrendered:
            if _is_included(page, included):
                yield from findings(page)


def _is_included(page: PageSummary, included: set[str]) -> bool:
    """Whether some page names the file in a shortcode (`{{< include "nic/rbac.md" >}}`
    names `content/includes/nic/rbac.md`): its path ends with one so named."""
    parts = (page.content_path or page.path).lower().split("/")
    return any("/".join(parts[start:]) in included for start in range(len(parts)))


def _no_language(language: str, known: set[str], disabled: frozenset[str]) -> str:
    """Why Hugo finds no site for a ref's `lang` (it matches the language's key in lower
    case, as written: checked with hugo 0.168)."""
    if language.lower() in known:
        return f'Hugo knows the language as {language.lower()!r}, in lower case: write lang="{language.lower()}"'
    if language.lower() in disabled:
        return f"the language {language!r} is disabled in the site's config"
    return f"the site has no language {language!r} (its languages: {', '.join(sorted(known))})"


def _made_elsewhere(folders: tuple[str, ...], path: str, content_path: str) -> bool:
    """Whether a ref's path may be a page that content mdcheck does not read adds (see
    SiteConfig.unknown_content): one in such a folder (from the content's root, or from
    the page's folder), or a base name alone, which a page of any section may have."""
    if not folders:
        return False
    written = path.lower().removesuffix(".md").lstrip("/")
    if "/" not in written.strip("./"):
        return True
    own = posixpath.normpath(posixpath.join(posixpath.dirname(content_path.lower()), written))
    return any(
        folder == "" or candidate.startswith(folder.lower() + "/")
        for folder in folders
        for candidate in (written, own)
    )


RULE = Rule(
    id="ref-not-found",
    summary="ref or relref names a page Hugo cannot find",
    stage="site",
    options=NoOptions,
    check=check,
    doc=__doc__,
)


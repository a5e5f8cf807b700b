"""## What it does
Checks Markdown links to Markdown files: `[the guide](guide.md)`, `[x](../a/b.md#frag)`.

Hugo emits such a destination as written unless a link render hook rewrites it: on a
monolingual site (Hugo's default `renderHooks.link.useEmbedded = "auto"`) the browser
then asks for `/posts/this-page/guide.md`, which does not exist. The rule reports these
links and suggests a `relref`.

When Hugo's embedded link render hook is on (`useEmbedded = "always"` or `"fallback"`,
or `"auto"` on a multilingual single-host site), it resolves the path with `GetPage`
(relative to the page, then to the content root; no base-name fallback; then as a file on
disk beside the page's file, then beside the home page's: a `README.md` mounted from
outside the content finds `docs/guide.md` as on GitHub) or as a resource of the page's
bundle; the rule then reports a path it cannot find (Hugo passes it through
unchanged and silently), naming the path that finds a page of that name and path in a
folder above or below when there is one (`../install.md` for `install.md` written one
folder too deep), and a fragment that is not an id of the target page. In a shortcode's
content that its template renders with `markdownify`, the hook looks the path up from the
home page, as Hugo does. So it does
on the pages a project's own hook renders when that hook does the same (writes the URL of
the page `GetPage` finds, else the destination as written: the `render-link.html` many
themes share); pages another hook of the site renders are left alone: what it does is not
known, and the summary says how many pages' links are left to `--build`.

A link that one of the site's redirect rules serves as written (`_redirects`, Netlify's
`netlify.toml`, `vercel.json`: `/src/*` sent to the repository on GitHub) leads on: it
is not reported.

Turned off, or suppressed on a line, it leaves such a link to `broken-link`: the rendered
pass still reports the 404 the link is (`nothing is published at /posts/this-page/guide.md`),
in the HTML's terms rather than with a `relref` to write.

## Why is this bad?
The reader's click ends on a 404 page, and Hugo does not warn.

## Example
```markdown
See [the installation guide](installation.md).
```

## Use instead
```markdown
See [the installation guide]({{< relref "installation.md" >}}).
```
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urljoin, urlsplit

from validator.engine import PageSummary, Site
from validator.links import (
    MISSING, SiteIndex, Suggester, hook_finds, hook_lookup_path, is_markdown_link, links_rendered_by_hook,
    split_fragment,
)
from validator.model import Finding, NoOptions, Rule
from validator.site import a_few, language_codes


def check(site: Site, opts: NoOptions) -> Iterator[Finding]:
    index = site.derived(SiteIndex)
    suggest = Suggester(site.config.markup.id_type)
    for _, page in site.checked_pages():
        # A link hook, Hugo's or one that does as it does, finds the file's page (GetPage)
        by_getpage = page.finds_pages
        if not page.rendered or (not by_getpage and links_rendered_by_hook(page)):
            continue  # the project's own hook decides what its links become
        for link in page.links:
            if link.kind != "link" or link.shortcode is not None or not is_markdown_link(link.destination):
                continue
            if by_getpage and (context := index.linking_page(page, link)) is not None:
                message = _resolved(index, context, link.destination, suggest)
            elif by_getpage:
                continue  # the page's place in the content is not known
            elif index.redirect_rule(page, link.destination) is not None:
                continue  # a redirect rule serves it as written
            elif index.url(page, split_fragment(link.destination)[0].split("?", 1)[0] + "/") is not None:
                continue  # a page's URL ends so (a permalink's `:filename.md`): servers redirect there
            else:
                message = _verbatim(index, page, link.destination)
            if message and link.home:
                message += (
                    " (in a shortcode's content its template renders with markdownify: Hugo's link render hook "
                    "looks it up from the home page)"
                )
            if message:
                yield Finding(link.line, link.column, message, path=page.path)


def notes(site: Site, opts: NoOptions) -> Iterator[str]:
    """Without Hugo's output: the pages whose links to Markdown files go through a link
    render hook of the site's that mdcheck does not follow (hugo-book's portable links), so
    that a clean run does not claim them."""
    if site.built:
        return
    left = [
        page.path for _, page in site.checked_pages()
        if page.rendered and not page.finds_pages and links_rendered_by_hook(page)
        and any(link.kind == "link" and link.shortcode is None and is_markdown_link(link.destination)
                for link in page.links)
    ]  # fmt: skip
    if left:
        pages = "1 page's links" if len(left) == 1 else f"{len(left)} pages' links"
        config = site.config
        unread = bool(config.missing_layout_mounts) or (
            bool(config.missing_modules) and "layouts" in config.missing_components
        )
        hook = "may go through a link render hook of a theme or module not found" if unread else (
            "go through the site's own link render hook"
        )
        yield (
            f"md-link: {pages} to Markdown files {hook} ({a_few(left)}), "
            "whose output only a build tells: they are checked with --build"
        )


def _verbatim(index: SiteIndex, page: PageSummary, destination: str) -> str:
    """The link as Hugo emits it, and the `relref` that finds its page, when one does: one
    that finds none would stop the build (a file that is no page, a bundle's resource).
    Outside a Hugo site, the `relref` a site would need."""
    path, fragment = split_fragment(destination)
    where = f" (the browser asks for {urljoin(page.url, path)})" if page.url and not path.startswith("/") else ""
    message = f"link to {destination!r} is emitted as written and 404s{where}"
    path = unquote(urlsplit(path).path)
    if index.config.root is None or index.ref(page, path).found:  # (no Hugo site: no pages to look in)
        ref = path + (f"#{fragment}" if fragment else "")
        return f'{message}; use [text]({{{{< relref "{ref}" >}}}}) instead'
    nearest = index.nearest_named(page, path)
    return f"{message}; a relref would find no page {path!r} either" + (
        f"; did you mean {nearest!r}?" if nearest else ""
    )


def _resolved(index: SiteIndex, page: PageSummary, destination: str, suggest: Suggester) -> str | None:
    path, fragment = split_fragment(destination)
    path = hook_lookup_path(urlsplit(path).path)
    lookup = index.get_page(page, path)
    target = lookup if hook_finds(index, lookup, page) else MISSING
    if not target.found:
        if index.resource(page, path) or index.redirect_rule(page, destination):
            return None  # a file of the page's bundle; a redirect rule serves the link as written
        unbuilt = lookup.found and lookup.index in index.unbuilt  # a draft the hook passes over
        why = f" ({lookup.pages[lookup.index].path}: {index.unbuilt[lookup.index]})" if unbuilt else ""
        message = f"link to {destination!r}: Hugo finds no page {path!r}{why}, and emits the link as written (a 404)"
        if not why and (unprefixed := _without_language(index, page, path)):
            return message + f"; a content path holds no language: {unprefixed!r} finds the page in this one's language"
        nearest = index.nearest_named(page, path) if not why else None
        return message + (f"; did you mean {nearest!r}?" if nearest else "")
    found = target.page
    if not fragment or found is None or not found.rendered:
        return None
    if found.has_id(fragment) or index.config.layout_writes(fragment):
        return None
    where = "this page" if found.path == page.path else found.path
    return f"no heading or element with id {fragment!r} on {where}" + suggest(fragment, found)


def _without_language(index: SiteIndex, page: PageSummary, path: str) -> str | None:
    """`path` without the language prefix it starts with (`/zh/news/a.md`), when the hook
    finds a page at what remains (`/news/a.md`, looked up in the page's language)."""
    parts = path.split("/", 2)
    if len(parts) < 3 or parts[0] or parts[1].lower() not in language_codes(index.config):
        return None
    rest = "/" + parts[2]
    lookup = index.get_page(page, rest)
    return rest if lookup.found and hook_finds(index, lookup, page) else None


RULE = Rule(
    id="md-link",
    summary="Link to a Markdown file that Hugo does not resolve",
    stage="site",
    options=NoOptions,
    check=check,
    doc=__doc__,
    notes=notes,
)

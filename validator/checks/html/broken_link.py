"""## What it does
Checks every link and embedded resource of the HTML Hugo built — `<a href>`, `<img src>`
and `srcset` (and lazy loading's `data-src` and `data-srcset`), `<link href>`,
`<script src>`, `<iframe src>`, `<source>`, an alias page's redirect target — that points
into the site: to a page or file that does not exist, or
out of the site (`../../etc/passwd`, a root-relative link outside a `baseURL` such as
`https://example.org/blog/`). Links on the site's own host count as internal, but for a
full URL outside the `baseURL`'s path (`https://example.org/docs-v1/`, another site on the
host); other hosts are never fetched, but a link to one that a render hook wrote with the
Markdown's backslash escapes kept (`Installation-\\(v2\\)` as `Installation-%5C%28v2%5C%29`)
is reported. A site that sets no `baseURL` has Hugo's default,
`https://example.org/`, as the host of the URLs Hugo makes (a `ref`'s); a link written in
the Markdown with that host is another site's. A page a mount lends to other languages
too (`sites.matrix`) is checked at each of its addresses: Hugo publishes a bundle's files
once, beside the first, so a relative `<img src>` of another language's copy leads nowhere.
The pages of an HTML output format with a path of its own (Docsy's print view, `_print/`,
which joins a section's pages) are not read: their links are their pages', checked on
those. A relative link that works on its page
but not on a list page that shows the page's summary or content (a blog's home page) is
reported at the Markdown link, with the list pages it fails on.

With ugly URLs, a link to `/a` finds the page `/a.html` only where the server adds `.html`
(Netlify, Cloudflare Pages and GitHub Pages do; `hugo server` does not): it is reported with
that hint, or not at all with `served-without-html`. A missing address that differs only
in letter case from one the site publishes (`/Docs/Setup/` for `/docs/setup/`: Hugo
lower-cases the URLs it makes) names it.

Files a deployment writes into the built site after Hugo (Pagefind's `pagefind/`, when a
`netlify.toml`, a GitHub workflow or a `package.json` runs `pagefind --site`) are not
judged. Without a build, what the content does not tell is not judged: the later pages of a list
(`/posts/page/2/`), which Hugo writes for any list page its template paginates, the pages
of a theme's or module's content, and files templates write; nor the links of a page that
only a section's `cascade` makes a draft (fragments other pages include, whose links lead
where they do from those pages). The summary notes what is so left to `--build`: site
paths no content or static file makes (`/build/app.yml`), images the site's render-image
hook writes, links its render-link hook writes (one that writes the destination as it is,
parsed and written back too, changes no link), links whose address a shortcode call writes (`[x]({{< v >}})`), the
addresses of a page whose template rewrites them (`findRE` of `src=` on
`.Content`, then `replace`), and links a redirect rule sends where a redirects template's
action computes (`/docs/latest/* /docs/{{ $current }}/:splat`). A redirect rule that
Netlify applies over a file at its path (`301!`) is followed before the file.

Each problem is reported at the Markdown line of the link when the link comes from the
Markdown (`[x](/a/)`, `{{< relref "a.md" >}}`); a link the theme writes on many pages is
reported once, at the first page's HTML file, and so is one it makes of each page's own
address, the same way on every page (a canonical link `{{ .Permalink | replaceRE
"archives" "latest" }}` that leads nowhere: thousands of pages, one defect).

## Why is this bad?
Hugo checks `ref`/`relref` targets, but not plain links: `[setup](/docs/setup/)` and
`[notes](notes.md)` (which Hugo emits unchanged, so the browser asks for
`/posts/this-page/notes.md`) render without a warning and lead readers to a 404.

## Example
```markdown content/docs/install.md
+++
title = "Install"
+++
See [the setup guide](/docs/setup/).
```

## Use instead
```markdown content/docs/install.md
+++
title = "Install"
+++
See [the setup guide](/docs/set-up/).
```

```markdown content/docs/set-up.md
+++
title = "Set up"
+++
```
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from urllib.parse import unquote, urlsplit

from validator.addresses import SCHEME, shown
from validator.html import HtmlLink, Page
from validator.model import Finding, Rule, counted
from validator.paths import is_markdown
from validator.settings import Markup
from validator.published import (
    EXTERNAL, MISSING, OUTSIDE, REDIRECT, UNBUILT, UNKNOWN, UNKNOWN_SOURCE, Locator, PagePass, PublishedSite,
    RenderedSite, SourceLink,
    SourcePage, SummaryCopies, Target, computed_target, link_key, own_fragment, sent_by, split_mapped,
    written_addresses,
)
from validator.site import a_few


@dataclass(frozen=True)
class Options:
    ignore: tuple[str, ...] = field(
        default=(),
        metadata={"doc": "Links not checked: glob patterns matched against the link as written."},
    )
    served_without_html: bool = field(
        default=False,
        metadata={
            "doc": "The site's server answers `/a` with the page `/a.html` (as Netlify, Cloudflare "
            "Pages and GitHub Pages do; `hugo server` does not): such links are not reported."
        },
    )


def check(rendered: RenderedSite, opts: Options) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []
    unread_rules = _unread_rules(rendered)
    summaries = SummaryCopies(rendered, _relative)
    made_of_address: list[tuple[int, str, str]] = []  # (finding, pattern, URL): see _from_page_address
    unplaced: Counter[str] = Counter()  # the broken links placed at no Markdown, by address
    external: set[str] = set()  # the distinct external addresses, for the run's summary
    computed: set[str] = set()  # those sent where a redirects template's action computes
    rewritten: set[str] = set()  # the pages whose broken-looking links their template rewrites
    unjudged: set[str] = set()  # the site paths that no content or static file tells (see PublishedSite.complete)
    by_image_hook: dict[str, int] = {}  # the images the site's image hook writes, by page (Page.hooked_images)
    by_link_hook: dict[str, int] = {}  # the links the site's link hook writes, by page (Page.hooked_links)
    by_calls: dict[str, int] = {}  # the links whose address a shortcode call writes, by page (Page.called_hrefs)

    def visit(page: Page) -> None:
        if rendered.joins_pages(page):
            return  # Docsy's print view: its pages' relative links are theirs, checked there
        locator = rendered.locator(page)
        if page.hooked_images:
            by_image_hook[page.path] = page.hooked_images
        if page.hooked_links:
            by_link_hook[page.path] = page.hooked_links
        if page.called_hrefs:
            by_calls[page.path] = page.called_hrefs
        for link in page.links:
            if own_fragment(link, page):
                continue  # nothing is requested (the page's file may have a name no server finds)
            target = rendered.published.resolve(link.url, page.url, page.base)
            if target.kind == EXTERNAL:
                external.add(link.url.split("#", 1)[0])
                # (never fetched; but an address a hook wrote with the Markdown's `\(` as `%5C(` is no address meant)
                if "%5c" in link.url.lower() and (source := locator.link_source(link)) is not None and source.escapes_kept:
                    message = (
                        f"<{link.tag} {link.attribute}={shown(link.url)}>: the address keeps the Markdown's backslash "
                        f"escapes (`%5C`), not the characters meant; {_ESCAPES_KEPT}"
                    )
                    findings.append(rendered.keyed(link.url, page, message, (link.line, link.column), (source.line, source.column)))
                continue
            if target.kind == REDIRECT and computed_target(target.via) and not rendered.published.complete:
                computed.add(link.url)
            elif target.kind == UNKNOWN and not rendered.published.complete and not _ignored(link.url, opts):
                # (the embedded renderer's pages hold the Markdown's links alone; a link to a
                # Markdown file is md-link's to judge, as the link hook resolves it or not)
                if not is_markdown(urlsplit(link.url).path):
                    unjudged.add(target.url)
            elsewhere = None  # another URL of the page (Page.other_urls) where the link leads nowhere
            if target.kind not in (MISSING, OUTSIDE, UNBUILT) and (broken := _broken_elsewhere(rendered, page, link)):
                elsewhere, target = broken
            if target.kind not in (MISSING, OUTSIDE, UNBUILT) or _ignored(link.url, opts):
                continue
            if rendered.published.built_with(target, page.path):
                continue  # a draft's link to a draft: Hugo builds both or neither
            known = None  # the link's Markdown, when it was looked for already
            if _found_by_hook(rendered, page, link):
                known = locator.link_source(link)
                if known is None or _hooked(known, locator):
                    continue  # the hook writes the URL of the page it finds
            if opts.served_without_html and target.html_file and not target.url.endswith("/"):
                continue
            if target.kind == MISSING and link.tag != "meta" and elsewhere is None:
                works = functools.partial(_works_on, rendered, link.url)
                detail = f"where it leads to {target.url}: nothing is published there"
                if summaries.add(link, page, works, detail, _from_the_root):
                    continue  # a page's summary on a list page: reported at that page's link
            if locator.source is not None and locator.source.links_elsewhere:
                continue  # a fragment other pages include (see SourcePage.links_elsewhere)
            if locator.source is not None and link.attribute in locator.source.addresses_rewritten:
                rewritten.add(locator.source.path)  # its template rewrites them (see SourcePage.addresses_rewritten)
                continue
            source = known if known is not None else locator.link_source(link)
            if elsewhere is not None and not _as_written_elsewhere(source, rendered.markup):
                continue  # Hugo's embedded hook writes its resource's address, the same on every copy
            if rendered.published.default_base and source is not None and _literal(link, source):
                continue  # the site sets no baseURL: a link written with Hugo's default's host is another site's
            where = (source.line, source.column) if source is not None else None
            # Whether a link hook may have rewritten it: one then finds no page for a `.md` link
            hooked = source is not None and locator.source is not None and locator.source.links_rewritten
            message = _message(link, target, page, rendered.published, hooked)
            if target.kind == MISSING and (skipped := _static_link(rendered.published, target.url)):
                message += f"; {skipped} is a symbolic link, and Hugo copies none from the static folders"
            if source is not None and source.escapes_kept:
                message += "; " + _ESCAPES_KEPT
            if target.kind == MISSING and source is not None and locator.source is not None:
                message += _relative_to_root(source.destination, locator.source.relative_base)
            if source is not None and (label := _LABEL_AS_ADDRESS.fullmatch(unquote(source.destination).strip())):
                message += f"; a label in brackets is no address: write `[text][{label[1]}]` for a reference link"
            if elsewhere is not None:
                message += f", on the page's copy at {elsewhere} (a mount lends its file to that language too)"
            if target.kind == MISSING and unread_rules:
                message += " (unless one of the rules of the site's redirects template serves it: see the note)"
            # (a fragment's link to the missing page is another's: istio's FAQ pages, shown
            # in their list page's summaries only, link to `#x` of a page another page links to)
            fragment = link.url.partition("#")[2]
            key = link_key(link.url, target.url + ("#" + fragment if fragment else ""))
            if where is None:
                unplaced[link.url] += 1
                if pattern := _from_page_address(link, page.url):
                    made_of_address.append((len(findings), pattern, link.url))
            findings.append(rendered.keyed(key, page, message, (link.line, link.column), where))

    def done() -> Iterator[Finding]:
        # One template element that makes its link of each page's address, broken on every page
        # it writes: one defect, when the pattern holds for several addresses
        # (not an address that pages it does not fit have too: a menu's fixed `/docs/pipelines/`
        # on every page, which fits the pattern on /docs/start/pipelines/ by chance)
        fitting = Counter(url for _, _, url in made_of_address)
        made = [item for item in made_of_address if fitting[item[2]] == unplaced[item[2]]]
        addresses: dict[str, set[str]] = {}
        for _, pattern, url in made:
            addresses.setdefault(pattern, set()).add(url)
        for index, pattern, _ in made:
            if len(addresses[pattern]) > 1:
                _, finding, mapped = findings[index]
                start = pattern.rpartition(" ")[2].removesuffix("…")
                finding = dataclasses.replace(
                    finding, message=f"{finding.message}, a link the template makes of each page's own address ({start}…)"
                )
                findings[index] = (pattern, finding, mapped)
        yield from split_mapped(findings, rendered, written_addresses)
        yield from summaries.findings()

    return PagePass(
        rendered.pages, visit, done, lambda: _notes(
            rendered, external, computed, rewritten, unjudged,
            {"render-image": by_image_hook, "render-link": by_link_hook}, by_calls,
        )
    )


def _static_link(published: PublishedSite, url: str) -> str | None:
    """The static folder's symbolic link (the file, or a folder above it) that a URL names."""
    if not published.static_links:
        return None
    path = unquote(urlsplit(url).path).strip("/")
    while path:
        if (file := published.static_links.get(path)) is not None:
            return file
        path = path.rpartition("/")[0]
    return None


_LABEL_AS_ADDRESS = re.compile(r"\[([^\[\]]+)\]")  # kwok's `[here]([metrics-usage])`
_ESCAPES_KEPT = (
    "a render hook is given the Markdown's destination as written, backslash escapes and character references "
    "(`&#46;`) kept: write the characters themselves"
)


def _broken_elsewhere(rendered: RenderedSite, page: Page, link: HtmlLink) -> tuple[str, Target] | None:
    """The first other URL of the page (Page.other_urls) from which a relative link leads
    nowhere, and where it leads."""
    if not page.other_urls or not _relative(link.url):
        return None
    for url in page.other_urls:
        if (target := rendered.published.resolve(link.url, url, page.base)).kind in (MISSING, UNBUILT):
            return url, target
    return None


def _as_written_elsewhere(source: SourceLink | None, markup: Markup) -> bool:
    """Whether a link of the Markdown reaches the page's other URLs (Page.other_urls) as written:
    raw HTML, or a Markdown link or image that no embedded render hook rewrites. (A
    template's may differ on each: not judged.)"""
    if source is None:
        return False
    if source.kind == "html":
        return True
    return not (markup.embedded_images if source.kind == "image" else markup.embedded_links)


def _from_page_address(link: HtmlLink, page_url: str) -> str | None:
    """For a link a template may make of the page's own address (longhorn's canonical link,
    `{{ .Permalink | replaceRE "archives" "latest" }}`): the pattern it follows, the same on
    every page it is broken on. Its path and the page's share their last segments, all of the
    page's but one or two at most; the pattern is what comes before them in the link's. (A
    fixed link may share them by chance: the pattern counts only when it holds for several.)"""
    try:
        path = urlsplit(link.url.strip()).path
    except ValueError:
        return None
    ours = [part for part in urlsplit(page_url).path.split("/") if part]
    theirs = [part for part in path.split("/") if part]
    shared = 0
    while shared < min(len(ours), len(theirs)) and ours[-1 - shared] == theirs[-1 - shared]:
        shared += 1
    if not shared or shared < len(ours) - 2 or len(ours) == len(theirs) == shared:
        return None
    return f"\0{link.tag} {link.attribute} /{'/'.join(theirs[: len(theirs) - shared])}/…"


def _works_on(rendered: RenderedSite, url: str, own: SourcePage) -> bool:
    """Whether `url` leads to something published from a page's own URL."""
    return own.url is not None and rendered.published.resolve(url, own.url).kind not in (MISSING, OUTSIDE, UNBUILT)


def _from_the_root(own: SourcePage) -> str:
    return "write the address from the site's root, or use {{< relref >}}"


def _relative(url: str) -> bool:
    """A relative address with a path: it leads elsewhere from another page."""
    return bool(url) and not url.startswith(("/", "#")) and not SCHEME.match(url)


def _notes(
    rendered: RenderedSite, external: set[str], computed: set[str], rewritten: set[str], unjudged: set[str],
    hooked: dict[str, dict[str, int]], called: dict[str, int],
) -> Iterator[str]:
    """How many external links the run saw (they are never fetched), and what the site's
    redirect rules, its templates and its files leave unknown."""
    if external:
        urls = counted(len(external), "distinct external URL")
        yield f"broken-link: {urls}, never fetched: mdcheck checks the site offline"
    if rewritten:
        yield (
            f"broken-link: {counted(len(rewritten), 'page')} whose template rewrites the addresses of the content "
            f"(`findRE`, `replace` on .Content: {a_few(sorted(rewritten))}) {_verb(len(rewritten), 'has', 'have')} "
            "links that look broken as written: they are checked with --build"
        )
    for hook, pages in hooked.items():  # (the hooks' counts by page: see Page.hooked_images)
        if pages:
            count = sum(pages.values())
            what = "Markdown image" if hook == "render-image" else "Markdown link"
            yield (
                f"broken-link: {counted(count, what)} on {counted(len(pages), 'page')} "
                f"{_verb(count, 'is', 'are')} written by a {hook} hook (the site's, or one a theme or module not "
                "found may have), whose addresses mdcheck does not know without a build: --build checks them"
            )
    if called:
        count = sum(called.values())
        yield (
            f"broken-link: {counted(count, 'Markdown link')} on {counted(len(called), 'page')} "
            f"{_verb(count, 'takes its', 'take their')} address from a shortcode call whose output mdcheck does not "
            "know without a build (`[x]({{< name >}})`): --build checks them"
        )
    if unjudged:
        yield (
            f"broken-link: {counted(len(unjudged), 'site path')} the Markdown links to {_verb(len(unjudged), 'is', 'are')} "
            f"made by no content or static file mdcheck reads ({a_few(sorted(unjudged))}): a template, a module or a "
            "later step may write them; --build checks them against Hugo's output"
        )
    if computed:
        yield (
            f"broken-link: {counted(len(computed), 'distinct address', 'distinct addresses')} "
            f"{_verb(len(computed), 'goes', 'go')} through redirect rules whose target a template's action makes "
            f"({a_few(sorted(computed))}), which mdcheck does not run: `--build` follows the rules Hugo writes"
        )
    if _unread_rules(rendered):
        yield (
            "broken-link: a template of the site writes redirect rules whose paths its actions make "
            "(`{{ .RelPermalink | replaceRE … }}`), which mdcheck does not run: a link reported broken may be "
            "served by one; `--build` reads the rules Hugo writes"
        )


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _unread_rules(rendered: RenderedSite) -> bool:
    """Without a build: whether a template writes redirect rules of unknown paths."""
    return not rendered.published.complete and UNKNOWN_SOURCE in rendered.published.redirects


def _found_by_hook(rendered: RenderedSite, page: Page, link: HtmlLink) -> bool:
    """With mdcheck's own rendering: whether Hugo's embedded link hook would write another
    URL for the link, that of the page it finds."""
    if rendered.found_by_hook is None or link.tag != "a":
        return False
    source = rendered.source(page)
    return source is not None and rendered.found_by_hook(source.path, link.url)


def _hooked(source: SourceLink, locator: Locator) -> bool:
    """Whether the link render hook writes the link of `source`: a Markdown link's, not raw
    HTML's nor a shortcode's (a `figure`'s `link="/posts/"`, which Hugo writes as it is)."""
    return source.kind != "html" and locator.source is not None and source in locator.source.links


def _literal(link: HtmlLink, source: SourceLink) -> bool:
    """Whether the Markdown wrote the link's URL, host and all, as it is (no `ref` made it)."""
    return source.shortcode_path is None and _names_host(link.url) and source.destination.strip() == link.url


def _names_host(url: str) -> bool:
    """Whether the link names a host (`https://host/a`, `//host/a`), not a path alone (in
    which a `//` may be: `/api//a`)."""
    try:
        return bool(urlsplit(url.strip()).netloc)
    except ValueError:  # an unclosed IPv6 host: `http://[::1/`
        return True


def _relative_to_root(destination: str, root: str) -> str:
    """Why a root-relative destination that names the site's path leads nowhere with
    `relativeURLs` (`root`: the path, else "")."""
    if root in ("", "/") or not destination.startswith(root):
        return ""
    return (
        f"; with relativeURLs, Hugo writes {destination} relative to the site's root, {root}, which doubles "
        f"the path: write /{destination[len(root):]}"
    )


def _ignored(url: str, opts: Options) -> bool:
    return any(fnmatchcase(url, pattern) for pattern in opts.ignore)


def _message(link: HtmlLink, target: Target, page: Page, published: PublishedSite, hooked: bool = False) -> str:
    what = f"<{link.tag} {link.attribute}={shown(link.url)}>"
    if target.kind == OUTSIDE:
        prefix = published.prefix
        if prefix != "/" and target.url.startswith("/") and not target.url.startswith(prefix):
            # a site path written without the baseURL's (`/posts/a/` of a site at `/blog/`)
            return (
                f"{what} leaves the site ({target.url}): the site is served under {prefix}, so write "
                f"{prefix}{target.url.lstrip('/')}, or a relref (or relURL in a template), which adds it"
            )
        return f"{what} leaves the site ({target.url}); link to a page of the site"
    unbuilt = published.unbuilt
    message = f"{what}: nothing is published at {published.shown(target.url)}"
    if target.via:
        message += f", {sent_by(target.via)}"
    if target.kind == UNBUILT and target.path in unbuilt:
        file, reason = unbuilt[target.path]
        return f"{message}, the page of {file}: {reason}"
    if _names_host(link.url):
        message += " (a URL on the site's own host, from baseURL)"
    if link.url.split("#", 1)[0].split("?", 1)[0].endswith((".md", ".markdown")):
        if hooked:  # hugo-book's: it rewrites those of the pages it finds
            message += "; the link render hook finds no page for it"
        else:
            message += "; Hugo does not rewrite links to .md files, use {{< relref >}}"
    elif link.tag == "meta":
        message = f"alias page {page.path} redirects to {link.url!r}, which is not published"
    elif target.other_case:
        message += f"; it differs only in letter case from {target.other_case}, which is (addresses are case-sensitive)"
    elif target.page_folder:
        message += f"; the page is at {target.page_folder}"
    elif target.html_file:
        page_url = target.url.rstrip("/") + ".html"
        if page_url.endswith("/index.html"):  # a link to `…/index`: the page is its folder
            page_url = page_url.removesuffix("index.html")
        message += f"; the page is at {page_url}"
        if not target.url.endswith("/"):
            message += " (servers that add .html find it, as Netlify does; `hugo server` does not: see the option served-without-html)"
    return message


RULE = Rule(
    id="broken-link",
    summary="Link to a page or file the site does not publish",
    stage="html",
    options=Options,
    check=check,
    doc=__doc__,
    same_defect_at=("md-link",),  # a link to a .md file, in a complete build
)

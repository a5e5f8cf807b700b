"""## What it does
Checks that every link to a fragment of the same page (`[see the code](#code)`, an
`href="#…"` in raw HTML, `{{< relref "#…" >}}`) names an id the rendered page will have:
a heading's id as Hugo generates it for this site (`autoIDType`: github, github-ascii or
blackfriday, with Hugo's `-1`, `-2` suffixes for duplicates; none at the levels the site's
heading render hook writes no id for, as Hextra's on an `<h1>`), a custom `{#id}`, a definition
term's id (with `autoDefinitionTermID`), a footnote id, or an `id`/`name` attribute in raw
HTML that Hugo keeps (only with `unsafe = true`). Percent-encoded fragments are decoded.

Links to other pages are checked the same way, against the target page's ids:
site-absolute links (`/posts/other/#frag`, with or without the path of the site's
`baseURL`, and full URLs on the site's own host), page-relative links (`../other/#frag`,
resolved against the page's URL as a browser does), and `ref`/`relref` shortcodes
(`{{< relref "other.md#frag" >}}`, or `{{< relref "other.md" >}}#frag`, found the way Hugo
finds them). A link with a fragment to one of a page's `aliases` is reported: the page
Hugo writes there redirects with a meta refresh, which drops the fragment, and the reader
lands at the top of the page (link to the page itself). A site's own alias template that
adds `location.hash` to its redirect carries the fragment on: the link is then checked on
the page the alias leads to (in the build's HTML, a page of a head alone that names another
page canonical redirects too: a site's alias template may redirect with a script).
When Hugo's embedded link render hook writes Markdown links (multilingual sites), a link's
path is first looked up as it does: `GetPage` of the path less `./`, so
`./#x` is the home page's `#x` and `.#x` the section's; in a shortcode's content that its
template renders with `markdownify` (a `{{< >}}` call's, or a `{{% %}}` call's, but a
legacy template's, `$_hugo_config` version 1, whose content Hugo renders with the page
first), the hook runs as the home page's: `#x` is the home page's `#x`, and a path is
looked up from the home page. When no content file makes the
home page, its ids are its templates' (unless one writes ids made of actions alone, which a
build alone tells): a fragment they do not write is reported. A project's own hook may do the
same or leave a relative path to the browser: where the two lead to different pages, a
fragment on either will do; one that looks a path up only when it starts with `/` (hextra's)
leads such a link to the page it finds, a translation on a translated page. Links whose page mdcheck cannot find are left to
`ref-not-found` and the rendered pass, and links to Markdown files (`other.md#frag`) to
`md-link`.

`#` alone and `#top` are allowed by default (browsers scroll to the top), and so is an id
the site's page templates or partials write as fixed text (`<body id="docs">`, a skip
link's `<main id="content">`), or around an action with two characters or more of fixed
text (`id="{{ $key }}-section"` takes `#tags-section`; the page's URL, `id="{{ .RelPermalink }}"`,
any fragment that starts with `/`), and `#TableOfContents` when one
prints `.TableOfContents`: any page may have it. A text fragment
(`#id:~:text=word`) is checked for its id only; `#:~:text=word` names none. A fragment with
a `/` (`#tag/pets`, `#/pets/get`) or a `:` (`#example:demo`) is a script's route (Redoc,
Swagger UI, a playground reading `location.hash`), which no heading id is: it is checked
only on a page that has an id starting as it does up to that mark (`#tag/` for `#tag/pets`;
a `:`, but a footnote's `#fn:3`); not a `/` at the end alone (`#setup/`, which no id
matches), nor a heading's text written as the fragment when the page has it as an id
(`#Ingress/Egress-Traffic` of `ingressegress-traffic`). A `ref`/`relref` in an
HTML comment is not checked here: nobody can follow it.

Ids that only shortcode output can create are out of this rule's sight: a fragment that
matches nothing is not reported when the page has a `{{% name %}}` call (its Markdown output
may hold headings, as an `include` shortcode's does; not when its template cannot write one:
no `#`, no text from elsewhere, no parameter that starts one, or one of Hugo's own), or
calls a shortcode whose template writes an `id` attribute made at run time or includes a
file or another page (`readFile`, the `.Content` of a page `.GetPage` finds, of a
translation or a neighbour), or is of a type whose page templates print a file they
read (coredns's manual: `readFile "content/manual/setup.md" | markdownify`; when they read it
only inside `{{ with .Params.banner }}`, a page that sets that param), or calls one
that renders Markdown with a heading given to it (but
its content alone, `.Inner | .Page.RenderString`: its headings' ids are predicted). An id
written with fixed text first (`id="tabs-{{ .Ordinal }}"`, or a `$id := printf "tabs-%d" …`
it prints) covers only the fragments that start so, and an id written as a parameter's
value (`id="{{ .Get 0 }}"`, or `.Get "name"` through a variable or a `with`) only the
values the page's calls give. The headings of `{{% name %}}` calls inside a `{{< >}}` call's
content (`{{% codetab %}}` in `{{< tabs >}}`), which Hugo renders, count as the page's; a
shortcode's `id` parameter names an element of the page; and a heading that contains a
shortcode counts for every fragment that starts like its id; the summary names such pages.
The rendered pass checks those pages: with Hugo's output (`--html`, `--build`), every link
of a page Hugo built is checked against the ids Hugo really wrote, and what the Markdown
alone told is withdrawn (a layout may add content, and ids, to a page); a `#x` that works
on its page but not on a list page showing the page's summary or content is reported at
the Markdown link, with the list pages. Six or more links a page's templates write to ids
it lacks (a sidebar with another page's table of contents) are one finding of the page;
links to the page's own Markdown headings, none of which it shows (a template that prints
the content's table of contents, not the content), are one finding, at the first heading.
The pages of an HTML output format with a path of
its own (Docsy's print view, `_print/`, which joins a section's pages) are not read: their
links are their pages', checked there. A regular page whose Markdown writes nothing
(front matter alone) is taken as its layout's, which fills it from elsewhere (a data file
its front matter names, an untranslated page's original): any fragment on it is left to
the rendered pass with Hugo's output. Pages Hugo does not render (headless bundles,
`build.render = "never"`) are skipped.

## Why is this bad?
Hugo does not check fragments: a link to `#code` when the heading's id is `code-blocks`
renders silently, and the reader's click goes nowhere.

## Example
```markdown
The full code is [here](#the-code).

## Code Blocks
```

## Use instead
```markdown
The full code is [here](#code-blocks).

## Code Blocks
```
"""

from __future__ import annotations

import functools
import itertools
import operator
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from validator.engine import PageSummary, Site, SiteLink
from validator.links import (
    SiteIndex,
    Suggester,
    hook_lookup_path,
    hooked_page,
    is_markdown_link,
    links_rendered_by_hook,
    split_fragment,
    split_ref,
)
from validator.heading_ids import anchorize
from validator.html import HtmlLink, Page
from validator.addresses import REFUSED
from validator.model import Finding, Rule
from validator.published import (
    GROUPED_AT, PAGE, PagePass, RenderedSite, SourcePage, SummaryCopies, group_as_one, link_key, own_fragment, sent_by,
    split_mapped, written_addresses,
)
from validator.paths import is_markdown
from validator.site import a_few


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = field(
        default=("", "top"),
        metadata={"doc": "Fragments that need no target (\"\" is a bare `#`)."},
    )


def check(site: Site, opts: Options) -> Iterator[Finding]:
    index = site.derived(SiteIndex)
    # Before 0.144, Hugo made a heading's id of its line as written (a link's address, `**`'s
    # words and all): a site that builds with one has ids of headings with markup otherwise
    pinned, older = site.config.pinned_hugo, ""
    if pinned is not None and site.config.removed_since("0.144.0"):
        older = (
            f" (this site builds with Hugo {pinned[0]}, in {pinned[1]}, which made a heading's id of its line as "
            "written: the link may work there, and breaks on upgrading)"
        )
    suggest = Suggester(site.config.markup.id_type, older)
    # Links to other pages wait until all are known: then each target is read back once
    # (a lookup per link would read popular pages thousands of times).
    elsewhere: list[_Pending] = []
    for _, page in site.checked_pages():
        if not page.rendered:
            continue  # Hugo renders no page for it
        for link in page.links:
            found = _target(index, page, link, links_rendered_by_hook(page))
            if found is None or found.fragment in opts.allow or site.config.layout_writes(found.fragment):
                continue
            if found.home_without_file:
                yield _home_finding(page, link, found.fragment)
                continue
            pending = _Pending(
                found.place, found.fragment, page.path, link.line, link.column, found.also, found.alias,
                home=found.home, via=found.via,
            )  # fmt: skip
            if found.place is not None:
                elsewhere.append(pending)
            elif not page.has_id(found.fragment) and not _script_route(found.fragment, page.ids):
                yield _finding(pending, page, suggest)
    # A link whose page is unsure (`also`) is reported when neither page has the fragment
    retry: list[_Pending] = []
    drops = site.config.alias_drops_fragment
    for pending, target in _missing(site, elsewhere):
        if pending.also is not None:
            retry.append(pending._replace(place=pending.also, also=None, first=target))
        else:
            yield _finding(pending, pending.first or target, suggest, drops, index.home_redirect)
    for pending, target in _missing(site, retry):
        yield _finding(pending, pending.first or target, suggest, drops, index.home_redirect)


class _Pending(NamedTuple):
    place: int  # in `site.pages`, of the page the fragment must be on
    fragment: str
    path: str  # of the page with the link
    line: int
    column: int
    also: int | None = None  # another page it may be on (see _Target)
    alias: str | None = None  # the alias URL the link leads through to `place` (see _Target)
    first: PageSummary | None = None  # the page tried first, when `place` is `also`'s
    home: str | None = None  # see _Target
    via: str | None = None  # see _Target


class _Target(NamedTuple):
    place: int | None  # in `site.pages` (None: this page)
    fragment: str
    # The page a project's own link render hook finds (GetPage), when the browser's is
    # another: the hook's template may do either, so the link is good on either.
    also: int | None = None
    alias: str | None = None  # one of the page's aliases, the URL the link names (its redirect leads on)
    home: str | None = None  # the home page's URL, for a `#x` Hugo's hook writes as the home page's
    via: str | None = None  # the redirect rule that sends the link to `place`
    # The page is the home page, which no content file makes: its ids are its templates'
    home_without_file: bool = False


def _missing(site: Site, pending: list[_Pending]) -> Iterator[tuple[_Pending, PageSummary]]:
    """The links whose page lacks their fragment, or that reach it through an alias whose
    redirect drops it; each page read back once."""
    drops = site.config.alias_drops_fragment
    unbuilt = site.derived(SiteIndex).unbuilt
    pending.sort(key=operator.itemgetter(0))
    for place, links in itertools.groupby(pending, key=operator.itemgetter(0)):
        target = site.pages[place]
        for link in links:
            if link.alias is not None and place in unbuilt:
                continue  # no redirect is written for a page Hugo does not build: broken-link tells
            lacks = not target.has_id(link.fragment) and not _script_route(link.fragment, target.ids)
            if target.rendered and (lacks or (drops and link.alias is not None)):
                yield link, target


def _finding(
    pending: _Pending, target: PageSummary, suggest: Suggester, drops: bool = False, home_redirect: str | None = None,
) -> Finding:
    message = _message(pending.fragment, target, pending.path, suggest, pending.via)
    if pending.alias is not None and drops:
        what = (
            f"{pending.alias} is the default language's home redirect"
            if pending.alias == home_redirect
            else f"{pending.alias} is an alias of {target.path}"
        )
        lost = (
            f"{what}: the page Hugo writes there redirects with a meta "
            f"refresh, which drops the fragment (the reader lands at the top of {target.url})"
        )
        if target.has_id(pending.fragment) or _script_route(pending.fragment, target.ids):
            message = f"{lost}; link to {target.url}#{pending.fragment} instead"
        else:
            message = f"{lost}; and {message}"
    elif pending.alias is not None:
        message += f" (the link names {pending.alias}, an alias of that page: its redirect leads there)"
    if pending.home is not None:
        message += (
            f" (written #{pending.fragment} in a shortcode's content its template renders with markdownify: "
            f"Hugo's link render hook links it to the home page, {pending.home}#{pending.fragment})"
        )
    return Finding(pending.line, pending.column, message, path=pending.path)


def _target(index: SiteIndex, page: PageSummary, link: SiteLink, hooked: bool) -> _Target | None:
    """Where a link's fragment must be (see _Target); None when there is nothing to check."""
    ref = link.ref
    if ref is not None:
        try:
            path, fragment = split_ref(ref[0])
        except ValueError:
            return None  # ref-not-found reports it
        if fragment is None or link.kind == "commented-ref":
            return None
        # Hugo writes the argument's blanks into the href, which the browser strips from its ends
        fragment = fragment.rstrip(" \t\n\r\f")
        if not path:
            return _Target(None, fragment)
        return _found(index.ref(page, path, ref[1]).index, fragment)
    if link.shortcode is not None or "{{" in link.destination:
        return None
    path, fragment = split_fragment(link.destination)
    if fragment is None:
        return None
    if link.home:
        return _from_home(index, page, link, path, fragment)
    if not path:
        if page.link_hook and index.config.link_hooks_move_fragments and link.kind == "link":
            return None  # the site's hook sends it elsewhere (`relLangURL`: to the home page)
        return _Target(None, fragment)
    if is_markdown_link(path):
        return None  # md-link checks these
    if hooked and link.kind == "link" and not hook_lookup_path(path):
        home = index.home(page)  # GetPage "": `./#x` is the home page's
        if home.found and home.page is None:
            return _home_templates(index, fragment)
    browser, alias = index.reached(page, path)
    if (browser is None or index.forced_redirect(page, path)) and (redirected := index.redirected(page, path)) is not None:
        return _Target(redirected[0], fragment, via=redirected[1])
    # (a hook that looks a site-absolute destination alone up writes any other as it is)
    looked_up = not page.finds_absolute_pages or path.startswith("/")
    if hooked and link.kind == "link" and looked_up and (hook := hooked_page(index, page, path)).found and hook.index is not None:
        unsure = not (page.finds_pages or page.finds_absolute_pages)
        if page.link_hook and unsure and browser != hook.index and browser is not None:
            return _Target(browser, fragment, also=hook.index)
        return _Target(hook.index, fragment)
    return _found(browser, fragment, alias)


def _from_home(index: SiteIndex, page: PageSummary, link: SiteLink, path: str, fragment: str) -> _Target | None:
    """`_target` of a link Hugo's embedded hook writes as the home page's: `#x` is the home
    page's, a path is looked up from it, and left as written (for the browser to resolve
    from the page) when it finds no page."""
    home = index.home(page)
    if not path:
        if home.page is None or home.index is None:
            return _home_templates(index, fragment) if home.found else None
        return _Target(home.index, fragment, home=home.page.url)
    if is_markdown_link(path):
        return None  # md-link checks these
    if link.kind == "link":
        # Looked up from the home page; from the content's root when no file makes it (`b/`
        # is `/b`, `../b/` is nothing), as from any page
        hook = None
        if home.page is not None:
            hook = hooked_page(index, home.page, path)
        elif not path.startswith("../"):
            hook = hooked_page(index, page, posixpath.join("/", path.removeprefix("./")))
        if hook is not None and hook.found:
            return _found(hook.index, fragment)
    browser, alias = index.reached(page, path)
    return _found(browser, fragment, alias)


def _home_templates(index: SiteIndex, fragment: str) -> _Target | None:
    """The target of a fragment on the home page when no content file makes it: its ids are
    its templates' (those that write ids made of actions alone leave them to a build)."""
    return _Target(None, fragment, home_without_file=True) if index.config.layout_ids_known else None


def _home_finding(page: PageSummary, link: SiteLink, fragment: str) -> Finding:
    if link.home:
        # (`#x` is what was written: the page's own address, which markdownify leaves alone, is not)
        how = f"written #{fragment} in a shortcode's content its template renders with markdownify"
        own = f"{page.url}#{fragment}" if page.url else f'{{{{< relref "#{fragment}" >}}}}'
    else:
        how = f"written {link.destination!r}, which Hugo's link render hook resolves with GetPage \"\""
        own = f"#{fragment}"
    return Finding(
        link.line, link.column,
        f"no element with id {fragment!r} on the home page, which no content file makes, and its templates write "
        f"no such id ({how}: the link leads to the home page; write {own} for this page's own)",
        path=page.path,
    )  # fmt: skip


def _script_route(fragment: str, ids: Iterable[str]) -> bool:
    """Whether a fragment is a script's route, not an id: it has a `/` (Redoc's `#tag/pets`,
    Swagger UI's `#/pets/get`) or a `:`, which no heading id has, and no id of the page
    starts as it does, up to that mark (a theme's `id="link-{{ urlize .Permalink }}"`,
    `link-https//host/…`, says nothing of Redoc's `#operation/list`). Not a `/` at the end
    alone (`#setup/`, a slip for `#setup`), nor a heading's text the page has as an id
    (`_heading_written`). So are the lines of a code block Prism's line-highlight plugin marks
    (`#code.3,5-6`, where `code` is an id of the page)."""
    if (lines := _LINES_OF.fullmatch(fragment)) is not None and lines[1] in set(ids):
        return True  # Prism's linkable line numbers: `#code.3,5-6`, lines of `<pre id="code">`
    inner = fragment.rstrip("/")
    if ("/" in inner or not inner) and "/" in fragment and not _routes_like(fragment, "/", ids):
        return not _heading_written(fragment, ids)
    # a `:` inside (carvel's playground: `#example:demo`, read from location.hash), when no id
    # of the page starts so; not a footnote's (`#fn:3`, `#fn:note`)
    return ":" in fragment.strip(":") and not _FOOTNOTE_ID.fullmatch(fragment) and not _routes_like(fragment, ":", ids)


def _heading_written(fragment: str, ids: Iterable[str]) -> bool:
    """Whether a fragment is a heading's text as a link to it would be written by hand, an
    id of the page once made an id (`#Ingress/Egress-Traffic-Analysis-Details` of
    `ingressegress-traffic-analysis-details`): a broken link, no route."""
    made = {anchorize(fragment, id_type) for id_type in _ID_TYPES}
    return any(one in made for one in ids)


_ID_TYPES = ("github", "github-ascii", "blackfriday")


def _routes_like(fragment: str, mark: str, ids: Iterable[str]) -> bool:
    """Whether an id starts as the fragment does up to its first `mark`, the mark included."""
    head = fragment[: fragment.index(mark) + 1]
    return any(known.startswith(head) for known in ids)


# A footnote's id as goldmark (`fn:3`, `fnref2:3` of a second reference) or kramdown (`fn:note`) writes it
_FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?:[\w-]+")
_LINES_OF = re.compile(r"(.+)\.(?:\d+(?:-\d+)?)(?:,\d+(?:-\d+)?)*")


def _found(place: int | None, fragment: str, alias: str | None = None) -> _Target | None:
    return _Target(place, fragment, alias=alias) if place is not None else None


def _message(fragment: str, target: PageSummary, path: str, suggest: Suggester, via: str | None = None) -> str:
    where = "this page" if target.path == path else target.path
    if via is not None:
        where += f", {sent_by(via)}"
    if fragment in target.raw_html_ids:
        return (
            f"id {fragment!r} is set in raw HTML on {where}, which Hugo omits "
            "(set markup.goldmark.renderer.unsafe = true to keep it)"
        )
    return f"no heading or element with id {fragment!r} on {where}" + suggest(fragment, target)


def notes(site: Site, opts: Options) -> Iterator[str]:
    """Without Hugo's output: the pages whose ids only a build knows (a shortcode, or the
    page's template, includes a file or another page's content, or writes ids made at run
    time), whose fragments links are then not checked, so that a clean run does not claim them."""
    if site.built:
        return
    # A file mdcheck does not read (not text, too large) has a finding that says so.
    unsure = [
        page.path
        for page in site.pages
        if page.rendered and page.read and "" in page.id_prefixes and is_markdown(page.path)
    ]
    if unsure:
        pages = "1 page has" if len(unsure) == 1 else f"{len(unsure)} pages have"
        missing = ", is in a theme or module not found" if site.config.templates_missing else ""
        hook = " the site's heading hook writes ids of its own;" if site.config.markup.heading_id_form is None else ""
        yield (
            f"broken-anchor: {pages} ids a build alone tells ({a_few(unsure)}: a shortcode or the page's template "
            f"includes a file or another page{missing}, or makes ids as it runs;{hook} or the page's Markdown writes "
            "nothing, its layout all it shows): links to their fragments are checked with --build"
        )


def html_review(page: Page, source: SourcePage, opts: Options) -> bool:
    """With Hugo's output, its page's links are checked against the ids Hugo really wrote
    (`html_check`): what the Markdown alone told of them is withdrawn (a layout may add
    content, and ids, to the page)."""
    return False


LINK_TAGS = ("a", "area")


def html_check(rendered: RenderedSite, opts: Options) -> PagePass:
    """The rendered side: fragments checked against the ids Hugo really wrote (headings,
    footnotes, the table of contents, `<a name>`, whatever shortcodes and the theme
    produced); an alias page's fragment is checked on the page it redirects to."""
    findings: list[tuple[str, Finding, bool]] = []

    # A theme's menus lead thousands of links to the same few pages, kept on disk: the ids
    # of the pages asked for last are kept rather than read back for each link.
    @functools.lru_cache(maxsize=64)
    def ids_at(path: str) -> _PageIds | None:
        found = rendered.page(path)
        return None if found is None else _ids_of(found)

    visited: dict[str, _PageIds] = {}  # the ids of the page visited, made once for all its links

    def anchors(path: str | None, page: Page) -> _PageIds | None:
        if path is None or path != page.path:
            return None if path is None else ids_at(path)
        if (own := visited.get(path)) is None:
            visited.clear()
            own = visited[path] = _ids_of(page)
        return own

    def has_own(fragment: str, own: SourcePage) -> bool:
        """Whether the fragment is an id of a page's own HTML."""
        html = rendered.html_pages.get(own.path)
        ids = ids_at(html) if html is not None else None
        return ids is not None and fragment in ids.ids

    summaries = SummaryCopies(rendered, lambda url: len(url) > 1 and url.startswith("#"))
    suggest = Suggester(rendered.markup.id_type)

    def visit(page: Page) -> None:
        if rendered.joins_pages(page):
            return  # Docsy's print view: its pages' links are theirs, checked there
        locator = rendered.locator(page)
        # the places in `findings` of the page's links to ids it lacks, with the fragment
        to_itself: list[tuple[int, str]] = []
        for link in page.links:
            if link.tag not in LINK_TAGS or "#" not in link.url:
                continue
            target, fragment, dropped, via = _rendered_target(rendered, anchors, page, link)
            if target is None or fragment in opts.allow:
                continue
            has = fragment in target.ids or target.unknown_output or _script_route(fragment, target.ids)
            if has and dropped is None:
                continue
            if not has and dropped is None and target.path == page.path:
                detail = f"where no element has the id {fragment!r}"
                advice = functools.partial(_own_link, fragment)
                if summaries.add(link, page, functools.partial(has_own, fragment), detail, advice):
                    continue  # a page's summary on a list page: reported at that page's link
            source = locator.link_source(link)
            where = (source.line, source.column) if source is not None else None
            # a content page named as the source pass names it: the same finding, the same words
            markdown = rendered.markdown_path(target.path) if target.path else None
            place = "this page" if target.path == page.path else markdown or target.url
            if via:
                place += f", {sent_by(via)}"
            kind = "heading or element" if markdown is not None else "element"
            message = f"no {kind} with id {fragment!r} on {place}"
            if not has:
                message += suggest.rendered(fragment, target.path, target.ids, target.headings)
            if dropped is not None:
                lost = (
                    f"{dropped} redirects to {target.url} and drops the fragment (a meta refresh does, and a script "
                    "that does not add location.hash): the reader lands at the top of the page"
                )
                message = f"{lost}; link to {target.url}#{fragment} instead" if has else f"{lost}; and {message}"
            if source is not None and source.destination.startswith("#") and target.path != page.path:
                # a link render hook, or markdownify in a shortcode, resolved it against another page
                message += f" (written #{fragment}, it links to {link.url!r} in Hugo's output)"
            if link.url == REFUSED:
                message += " (a template refused the link's address and wrote #ZgotmplZ: see url-refused)"
            key = link_key(link.url, target.url + "#" + fragment)
            if target.path == page.path and dropped is None:
                to_itself.append((len(findings), fragment))
            findings.append(rendered.keyed(key, page, message, (link.line, link.column), where))
        own = [(place, fragment) for place, fragment in to_itself if not findings[place][2]]  # the templates'
        if own and _content_not_shown(findings, to_itself, rendered, page):
            return
        if len(own) >= GROUPED_AT:
            _group_own_fragments(findings, own, rendered, page)

    def done() -> Iterator[Finding]:
        yield from split_mapped(findings, rendered, written_addresses)
        yield from summaries.findings()

    return PagePass(rendered.pages, visit, done)


def _content_not_shown(
    findings: list[tuple[str, Finding, bool]], own: list[tuple[int, str]], rendered: RenderedSite, page: Page
) -> bool:
    """Whether the page's links to ids it lacks (`own`: their places in `findings`, a
    template's among them) are to its own Markdown's headings, none of which it shows: its
    template prints a table of contents of the content, not the content (a list page's
    template without `.Content`, lotusdocs' docs section), or the content is lost. Then they
    are told as one finding, at the first such heading."""
    source = rendered.source(page)
    headings = {heading.id: heading for heading in source.headings if heading.id} if source is not None else {}
    if not headings or any(heading.id in headings for heading in page.headings):
        return False
    own = [(place, fragment) for place, fragment in own if fragment in headings]
    if not own:
        return False
    fragments = list(dict.fromkeys(fragment for _, fragment in own))
    first = headings[fragments[0]]
    message = (
        f"the page does not show its content: none of its headings is on the page, but its template links to "
        f"{a_few(fragments, limit=4, each=lambda fragment: '#' + fragment)} (a table of contents of it): the "
        "template does not print .Content (a list page's too), or the content is lost (see raw-html-omitted)"
    )
    places = [place for place, _ in own]
    group_as_one(findings, places, rendered, page, "content not shown", message, (first.line, first.column))
    return True


def _group_own_fragments(
    findings: list[tuple[str, Finding, bool]], own: list[tuple[int, str]], rendered: RenderedSite, page: Page
) -> None:
    """The page's templates' links to ids it lacks (each at its place in `findings`, with its
    fragment), told as one finding: one template writes them (compose's sidebar prints every
    docs page's table of contents on every page)."""
    fragments = [fragment for _, fragment in own]
    first = findings[own[0][0]][1]
    message = (
        f"{len(fragments)} links the page's templates write lead to ids it does not have "
        f"({a_few(fragments, limit=4, each=lambda fragment: '#' + fragment)}), from line {first.line}: a template "
        "writes the links of another page's headings (its table of contents) here"
    )
    key = f"templates' own fragments\0{fragments[0]}"
    group_as_one(findings, [place for place, _ in own], rendered, page, key, message)


def _own_link(fragment: str, own: SourcePage) -> str:
    return f"link to {own.url}#{fragment} instead"


class _PageIds(NamedTuple):
    """What a link's fragment is checked against on the page it leads to."""

    path: str
    url: str
    ids: frozenset[str]
    unknown_output: bool
    redirect: str | None
    keeps_fragment: bool
    base: str | None
    headings: tuple[tuple[str, str], ...]  # (text, id) of its headings with an id: for suggestions


def _ids_of(page: Page) -> _PageIds:
    headings = tuple((heading.text, heading.id) for heading in page.headings if heading.id)
    return _PageIds(
        page.path, page.url, page.id_set, page.unknown_output, page.redirect, page.keeps_fragment, page.base, headings
    )


def _rendered_target(
    rendered: RenderedSite, anchors: Callable[[str | None, Page], _PageIds | None], page: Page, link: HtmlLink
) -> tuple[_PageIds | None, str, str | None, str]:
    """The page a link's fragment must be found on (after one alias redirect), the URL of
    the redirect page on the way when it drops the fragment, and the redirect rule that
    sent the link there ("" when none)."""
    resolved = rendered.published.resolve(link.url, page.url, page.base)
    if own_fragment(link, page):
        # no redirect (a forced rule's, a meta refresh's on a redirect page with the theme's skip link)
        return anchors(page.path, page), resolved.fragment or "", None, ""
    reached = resolved.kind == PAGE or rendered.published.built_with(resolved, page.path)
    target = anchors(resolved.path, page) if reached else None
    dropped = None
    if target is not None and target.redirect:
        dropped = None if target.keeps_fragment else target.url
        redirect = rendered.published.resolve(target.redirect, target.url, target.base)
        landing = anchors(redirect.path, page) if redirect.kind == PAGE else None
        if landing is None and dropped is not None:
            # another site's page, or one not known here: the fragment is dropped all the same
            landing = _PageIds("", target.redirect, frozenset(), True, None, False, None, ())
        target = landing
    return target, resolved.fragment or "", dropped, resolved.via


RULE = Rule(
    id="broken-anchor",
    summary="Link to a fragment that does not exist",
    stage="site",
    options=Options,
    check=check,
    doc=__doc__,
    markdownlint="MD051",
    html_check=html_check,
    html_review=html_review,
    notes=notes,
    # the `#ZgotmplZ` a template writes for a refused address; a fragment md-link reported
    same_defect_at=("url-refused", "md-link"),
)

"""## What it does
Reports an `id` (or `<a name>`) that appears twice on one rendered page: two custom heading
ids `{#install}`, an id in raw HTML or shortcode output that repeats a heading's, the
footnote ids `fn:1`/`fnref:1` of several pages' summaries shown on one list page (set
`markup.goldmark.extensions.footnote.enableAutoIDPrefix = true` to make them unique), the
line anchors (`hl-0-1`, with `anchorLineNos`) of a code block rendered apart from the page,
as a shortcode's `.Inner | markdownify` renders it: once per block, at its first line. A
heading render hook that writes the heading's id on a self-link inside it too (`<a
id="{{ .Anchor }}">`) is reported once for the site, at the first heading, with a count.
Two pages' headings of one id that a third page shows together (a list page's summaries, a
one-page theme's home made of pages it renders none of) are reported once, with a build,
at one page's heading, when two pages alone may be the ones shown. Six or more ids a
page's templates alone repeat (an icon sprite included twice) are one finding of the page;
an `<a name>` of a template's beside its element with that id is none (the id takes the
links, as meant).

The pages of another HTML output format that sets a `path` (Docsy's print view,
`[outputFormats.print] path = "_print"`, which joins a section's pages into one) are not
read: their ids repeat because their pages' headings do, each page's reported on its own.

## Why is this bad?
A link to `#install` jumps to the first element with that id; the second can never be
reached, and the table of contents points at the wrong heading.

## Example
```markdown
## Setup {#install}

## Installation {#install}
```

## Use instead
```markdown
## Setup {#setup}

## Installation {#install}
```
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Mapping

from validator.html import HtmlHeading, HtmlId, Page
from validator.model import Finding, NoOptions, Rule, Severity
from validator.published import GROUPED_AT, PagePass, RenderedSite, SourceHeading, SourcePage, split_mapped
from validator.site import a_few


def check(rendered: RenderedSite, opts: NoOptions) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []
    # A heading render hook that writes the heading's id on an element inside it too (a
    # self-link `<a id="{{ .Anchor }}">`): one finding for the site, at the first such heading
    doubled: tuple[str, Finding, bool] | None = None  # the first's finding (as `keyed` makes it)
    doubled_count, doubled_pages = 0, set()
    shared = _SharedHeadings(rendered)

    def visit(page: Page) -> None:
        nonlocal doubled, doubled_count
        if rendered.joins_pages(page):
            return  # an output format joining other pages (see the docs above)
        repeated = {repeat.value for _, repeat in page.duplicate_ids()}
        if not repeated:
            return
        locator = rendered.locator(page)
        headings = {(h.line, h.column): h for h in page.headings}
        first: dict[str, tuple[HtmlId, tuple[int, int] | None]] = {}  # with its Markdown place
        # the template's own repeats (an inline SVG's hundred `id="Path"`): one finding per
        # id, at the first repeat (its message and place), counting the others
        template_repeats: dict[str, tuple[str, tuple[int, int]]] = {}
        repeats: Counter[str] = Counter()
        # The Markdown headings the repeated ids' headings are: those of the same text first
        # (a shortcode's heading may have the id of the Markdown's after it)
        repeats_here = [item for item in page.ids if item.value in repeated]
        exact = {
            (item.line, item.column): found
            for item in repeats_here
            if (heading := headings.get((item.line, item.column))) is not None
            and (found := locator.heading(heading, exact=True)) is not None
        }
        # then those of the same level (a template's `<h1>` of the title is no `##` of its text)
        exact.update({
            (item.line, item.column): found
            for item in repeats_here
            if (item.line, item.column) not in exact and (heading := headings.get((item.line, item.column))) is not None
            and (found := locator.heading(heading, same_level=True)) is not None
        })  # fmt: skip
        # an image's or a link's id, which a project's render hook writes (goharbor's
        # `id="{{ $id }}"` of each image's name): found at the Markdown that made it
        elements = {(link.line, link.column): link for link in page.links if link.tag in ("img", "a")}
        for item in repeats_here:
            heading = headings.get((item.line, item.column))
            where = exact.get((item.line, item.column))
            if where is None:
                # (a heading of the Markdown's raw HTML is no Markdown heading: an id of it)
                where = (locator.heading(heading) if heading is not None else None) or locator.html_id(item.value)
            if where is None and (element := elements.get((item.line, item.column))) is not None:
                # (a Markdown link or image a hook wrote with the id; raw HTML's ids are html_id's:
                # a raw `<link href="#">` is no template's `<a href="#" id=…>`)
                source = locator.link_source(element)
                where = (source.line, source.column) if source is not None and source.kind != "html" else None
            if item.value not in first:
                first[item.value] = item, where
                continue
            other, other_where = first[item.value]
            if _inside_its_heading(item, other, headings):
                doubled_count += 1
                doubled_pages.add(page.path)
                if doubled is None:
                    message = (
                        f"id {item.value!r} is written twice, on this heading's <{other.tag}> and on the "
                        f"<{item.tag}> inside it: the site's heading render hook writes `.Anchor` as both ids; keep one"
                    )
                    doubled = rendered.keyed(item.value, page, message, (other.line, other.column), other_where)
                continue
            named = {item.attribute, other.attribute} == {"id", "name"}
            if named and heading is None and (other.line, other.column) not in headings and not (where or other_where):
                # a template's <a name> and element with that id (crossplane's API pages' expanding
                # links): the id takes the links (HTML's rule), as the template means
                continue
            place = f"on line {other_where[0]}" if where and other_where else f"at HTML line {other.line}"
            message = f"id {item.value!r} is already used on this page (<{other.tag}> {place})"
            if where is None and other_where is None and heading is None and not _LINE_ANCHOR.fullmatch(item.value):
                template_repeats.setdefault(item.value, (message, (item.line, item.column)))
                repeats[item.value] += 1
                continue
            if "name" in (item.attribute, other.attribute) and heading is not None:
                message = (
                    f"id {item.value!r} of this heading is also the name of the <a name> {place}: remove "
                    "that anchor, the heading's own id takes links there"
                )
            if line_anchor := _LINE_ANCHOR.fullmatch(item.value):
                block, number = line_anchor[1], int(line_anchor[2])
                if f"hl-{block}-{number - 1}" in repeated:
                    continue  # a block's lines repeat together: reported at its first
                message = _line_anchor_message(item.value, other.tag, place, f"hl-{block}-{number + 1}" in repeated)
            at = (item.line, item.column)
            first_heading = headings.get((other.line, other.column))
            if where is None and other_where is None and heading is not None and first_heading is not None:
                if (found := shared.findings(page, item.value, first_heading, heading)) is not None:
                    findings.extend(found)
                    continue
            if where is None and other_where is not None and first_heading is not None:
                # the template writes the repeat (a theme's `<div id="content">`): the heading is
                # what the Markdown can change, unless the repeat is a copy of it
                # (of the same level too: coredns's `# Plugins` of another file, printed by
                # `readFile`, is no copy of the page's `## Plugins`)
                copy = heading is not None and (heading.text, heading.level) == (
                    first_heading.text, first_heading.level
                )
                message = (
                    f"id {item.value!r} of this heading is used again on this page, by the template's "
                    f"<{item.tag}> at HTML line {item.line}: links to #{item.value} reach the first; "
                    + ("it is a copy of this heading: the theme prints the page's content a second time (its "
                       "summary, a list of recent posts, a file it reads and renders: readFile | markdownify), "
                       "ids and all, which renaming cannot mend"
                       if copy else "rename the heading")
                )
                at, where = (other.line, other.column), other_where
            # on a regular page, a heading's repeat is the page's own (its content's, included
            # files too); a template's element, or a list page's summaries, the same on many
            own = (heading is not None or first_heading is not None) and _regular_page(rendered, page)
            key = item.value + ("\0" + page.path if own else "")
            findings.append(rendered.keyed(key, page, message, at, where))
        if len(template_repeats) >= GROUPED_AT:
            # a template writes its elements twice (geekdoc's icon sprite): one finding of the page
            values = list(template_repeats)
            at = template_repeats[values[0]][1]
            message = (
                f"{len(values)} ids the page's templates write are each used twice or more "
                f"({a_few(values, limit=4)}), the first at "
                f"HTML line {at[0]}: a template writes its elements twice (an icon sprite included twice?)"
            )
            findings.append(rendered.keyed(f"templates' repeated ids\0{values[0]}", page, message, at, None))
            template_repeats.clear()
        for value, (message, at) in template_repeats.items():
            count = repeats[value]
            more = f", and used {count - 1} more time{'s' if count > 2 else ''} after this" if count > 1 else ""
            findings.append(rendered.keyed(value, page, message + more, at, None))

    def done() -> Iterator[Finding]:
        if doubled is not None:
            (key, finding, mapped), more = doubled, doubled_count - 1
            if more:
                pages = len(doubled_pages)
                finding = dataclasses.replace(
                    finding,
                    message=f"{finding.message} (and on {more} more heading{'s' if more > 1 else ''} of "
                    f"{pages} page{'s' if pages > 1 else ''})",
                )
            findings.append((key, finding, mapped))
        yield from split_mapped(findings, rendered, lambda value: [("id", value)])

    return PagePass(rendered.pages, visit, done)


class _SharedHeadings:
    """The Markdown headings of two other pages that a page shows (a list page their
    summaries, a one-page theme's home their content) whose ids are the same: reported at
    one of them, once whichever pages show both. Only when two pages alone may be the ones
    shown (below the page's section, or rendered by none of their own), of the heading's
    text: of three, which two the page shows is not known. The headings of every page are
    read the first time a page has two such."""

    def __init__(self, rendered: RenderedSite) -> None:
        self.rendered = rendered
        self._by_id: dict[str, list[tuple[SourcePage, SourceHeading]]] | None = None
        self._reported: set[tuple[str, int, int]] = set()

    def findings(
        self, page: Page, value: str, first: HtmlHeading, second: HtmlHeading
    ) -> list[tuple[str, Finding, bool]] | None:
        """The finding of id `value` of the page's headings `first` and `second` (none when
        told already) when two other pages' Markdown headings of their texts make them; None
        when they do not, or cannot be told."""
        if self._by_id is None:
            self._by_id = {}
            for source in self.rendered.sources:
                for heading in source.headings:
                    if heading.id:
                        self._by_id.setdefault(heading.id, []).append((source, heading))
        own = self.rendered.source(page)
        section = _PAGINATION.sub("/", page.url)
        made = {
            source.path: (source, heading)
            for source, heading in self._by_id.get(value, ())[:_SHARED_SOURCES]
            if (own is None or source.path != own.path)
            and heading.text in (first.text, second.text)
            and (source.url is None or source.url.startswith(section))
        }
        if len(made) != 2:
            return None
        (other, other_heading), (source, heading) = sorted(made.values(), key=lambda found: found[0].path)
        place = (source.path, heading.line, heading.column)
        if place in self._reported:
            return []
        self._reported.add(place)
        message = (
            f"id {value!r} of this heading is also that of a heading of {other.path} (line {other_heading.line}), "
            f"and the page {page.url} shows both (a list of their summaries, a page made of their content): links "
            f"to #{value} there reach the first; give one a custom id ({{#{value}-2}}) or another text"
        )
        return [(f"{value}\0{source.path}", Finding(*place[1:], message, path=source.path, html_path=page.path), True)]


_PAGINATION = re.compile(r"/page/\d+/$")  # a list's later pages: `/blog/page/4/`
_SHARED_SOURCES = 50  # pages looked at per id: a bound, whatever a site repeats


def _regular_page(rendered: RenderedSite, page: Page) -> bool:
    """Whether the page is a regular page's, of a Markdown file not an `_index` one."""
    source = rendered.source(page)
    return source is not None and not posixpath.basename(source.path).startswith("_index.")


def _inside_its_heading(item: HtmlId, first: HtmlId, headings: Mapping[tuple[int, int], HtmlHeading]) -> bool:
    """Whether `item` repeats the id of the heading `first` from inside it: a heading render
    hook's self-link on the heading's line, after its opening tag."""
    return (
        (first.line, first.column) in headings
        and item.line == first.line
        and item.column > first.column
        and item.tag in ("a", "span")
    )


# Hugo's id of a code block's line when `anchorLineNos` is on: hl-<the block's ordinal>-<line>
_LINE_ANCHOR = re.compile(r"hl-(\d+)-(\d+)")


def _line_anchor_message(value: str, tag: str, place: str, more: bool) -> str:
    """A code line's repeated anchor: how blocks come to share them and how to part them."""
    lines = ", and so are the next lines'" if more else ""
    return (
        f"code line anchor {value!r} is already used on this page (<{tag}> {place}){lines}: a code block "
        "rendered apart from the page (by a shortcode's markdownify or .Page.RenderString, or in a summary "
        'on a list page) numbers its line anchors from hl-0 again; give it a prefix, ```go {lineAnchors="name"}'
    )


RULE = Rule(
    id="duplicate-id",
    summary="The same id twice on one page",
    stage="html",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    same_defect_as=("duplicate-heading-id",),
)

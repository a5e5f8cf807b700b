"""The publish-dir index, link resolution, `hugo list`, and mapping back to the Markdown."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, build_site
from validator.checks.html import (
    broken_link,
    duplicate_id,
    empty_link,
    image_alt,
    unrendered_markup,
)
from validator.checks.site import broken_anchor
from validator.checks.site.broken_anchor import Options as BrokenAnchorOptions
from validator.checks.source import raw_html_omitted
from validator.document import parse_document
from validator.html import Page, parse_page
from validator.model import Finding, NoOptions
from validator.published import (
    EXTERNAL, FILE, MISSING, OTHER, OUTSIDE, PAGE, REDIRECT, PublishedSite, SourceLink, SourcePage,
    _rendered_markup_lines, _written_as, build_rendered, group_by_key, load_rendered, parse_hugo_list, parse_redirects,
    scan_publish_dir,
)

FILES = frozenset({"index.html", "posts/a/index.html", "posts/b.html", "img/p.png", "café/index.html"})


@pytest.mark.parametrize(
    ("href", "kind", "path", "fragment"),
    [
        ("/posts/a/", PAGE, "posts/a/index.html", None),
        ("/posts/a", PAGE, "posts/a/index.html", None),
        ("/posts/a/index.html#x", PAGE, "posts/a/index.html", "x"),
        ("../a/?q=1#f%C3%A9", PAGE, "posts/a/index.html", "fé"),
        ("#top", PAGE, "posts/a/index.html", "top"),
        ("?page=2", PAGE, "posts/a/index.html", None),
        ("/posts/b.html", PAGE, "posts/b.html", None),  # uglyURLs
        ("../../img/p.png", FILE, "img/p.png", None),
        ("/caf%C3%A9/", PAGE, "café/index.html", None),
        ("https://Example.org/posts/a/", PAGE, "posts/a/index.html", None),
        ("//example.org/img/p.png", FILE, "img/p.png", None),
        ("/posts/c/", MISSING, None, None),
        ("other.md", MISSING, None, None),
        ("../../../etc/passwd", MISSING, None, None),  # `..` at the root stays there, as in browsers
        ("/%2e%2e/img/p.png", FILE, "img/p.png", None),
        ("/../../posts/a/", PAGE, "posts/a/index.html", None),
        ("https://gohugo.io/", EXTERNAL, None, None),
        ("mailto:a@example.org", OTHER, None, None),
        ("javascript:void(0)", OTHER, None, None),
    ],
)
def test_resolve(href: str, kind: str, path: str | None, fragment: str | None) -> None:
    site = PublishedSite(FILES, "https://example.org/")
    target = site.resolve(href, "/posts/a/")
    assert (target.kind, target.path, target.fragment) == (kind, path, fragment)


def test_base_url_with_a_path() -> None:
    site = PublishedSite(frozenset({"index.html", "posts/a/index.html"}), "https://x.org/blog/")
    assert site.prefix == "/blog/" and site.url_of("posts/a/index.html") == "/blog/posts/a/"
    assert site.resolve("/blog/posts/a/", "/blog/").kind == PAGE
    assert site.resolve("posts/a/", "/blog/").kind == PAGE
    assert site.resolve("/posts/a/", "/blog/").kind == OUTSIDE  # forgot relURL: not this site
    assert site.resolve("https://x.org/blog/", "/blog/").path == "index.html"
    # A full URL on the host outside the base path is another site's (`x.org/docs-v1/`)
    assert site.resolve("https://x.org/docs/a/", "/blog/").kind == EXTERNAL
    assert site.resolve("//x.org/blog/../docs/", "/blog/").kind == EXTERNAL
    assert site.resolve("https://x.org/blog/gone/", "/blog/").kind == MISSING


def test_base_href() -> None:
    site = PublishedSite(FILES, "https://example.org/")
    assert site.resolve("a/", "/x/y/", base="/posts/").path == "posts/a/index.html"
    assert site.resolve("a/", "/", base="https://cdn.example.com/").kind == EXTERNAL


def test_redirects_file() -> None:
    rules = (
        "# comment\n/old   /new/  301\n/blog/* /posts/:splat\n/u/:id /x\nbad line\n/* /404.html 404\n"
        "/*  /index.html  200\n/:page / 301\n"
    )
    # (an error page for every path serves none; nor does a single-page app's fallback, or a
    # redirect of every path to the home page: the reader gets that page, not what was meant)
    sources = parse_redirects(rules)
    assert sources == ("/old /new/", "/blog/* /posts/:splat", "/u/:id /x")
    # the sources alone: rules not followed (see the next test for those that are)
    site = PublishedSite(FILES, "https://example.org/", redirects=tuple(rule.split()[0] for rule in sources))
    assert site.resolve("/old/", "/").kind == REDIRECT
    assert site.resolve("/blog/2020/x/", "/").kind == REDIRECT
    assert site.resolve("/older/", "/").kind == MISSING
    # Netlify matches a path with or without its trailing slash: `/blog` is served by `/blog/*`
    assert site.resolve("/blog", "/").kind == site.resolve("/blog/", "/").kind == REDIRECT
    assert site.resolve("/blogs", "/").kind == MISSING
    # a template's source made of actions alone (KEDA's `printf "/%s"` over a list) serves
    # any top-level path written without a slash, and no other
    sources = parse_redirects('{{ range slice "scalers" }}{{ . | printf "/%s" }}  /docs/2.16/{{ . }}\n{{ end }}', True)
    site = PublishedSite(frozenset({"index.html", "docs/a/index.html"}), "https://example.org/", redirects=sources)
    assert site.resolve("/scalers", "/").kind == REDIRECT
    assert site.resolve("/docs/gone/", "/").kind == site.resolve("/gone/", "/").kind == MISSING
    # a placeholder segment matches that segment's place, not all that follows
    rules = parse_redirects("/:lang/old https://e.org/:lang/new 301\n")  # not followed: another host
    site = PublishedSite(FILES, "https://example.org/", redirects=rules)
    assert site.resolve("/fr/old/", "/").kind == REDIRECT and site.resolve("/fr/other/", "/").kind == MISSING
    # a splat inside the source (netlify.toml's `/*/sponsors`)
    site = PublishedSite(FILES, "https://example.org/", redirects=("/*/sponsors",))
    assert site.resolve("/fr/sponsors/", "/").kind == site.resolve("/fr/sponsors", "/").kind == REDIRECT
    assert site.resolve("/sponsors/", "/").kind == site.resolve("/fr/sponsors/x/", "/").kind == MISSING


def test_a_redirect_rule_is_followed_to_its_target() -> None:
    """The first rule that matches sends the path on, placeholders and splat filled in; what
    is published there is where the link leads, its fragment looked for on that page."""
    files = frozenset({"index.html", "new/b/index.html", "fr/new/index.html", "x.pdf"})
    rules = parse_redirects(
        "/old/*  /new/:splat  301\n/old/b/c  /x.pdf\n/:lang/was  /:lang/new/ 302!\n/chain/*  /old/:splat\n"
        "/loop/*  /loop/x/:splat\n/far/*  https://other.org/:splat\n/cond/*  /nowhere/  302  Country=fr\n"
        "/rewrite/*  /new/:splat  200\n/query  /new/?q=1\n/unknown/*  /:name/\n"
    )
    assert rules[-4:] == ("/cond/*", "/rewrite/* /new/:splat", "/query", "/unknown/* /:name/")
    site = PublishedSite(files, "https://example.org/", redirects=rules)
    found = site.resolve("/old/b/#here", "/")
    assert (found.kind, found.path, found.fragment) == (PAGE, "new/b/index.html", "here")
    assert found.via == "/old/* /new/:splat"
    gone = site.resolve("/old/gone/", "/")
    assert (gone.kind, gone.url, gone.via) == (MISSING, "/new/gone/", "/old/* /new/:splat")
    assert site.resolve("/old/b/c", "/").url == "/new/b/c"  # the first rule that matches wins
    assert site.resolve("/fr/was", "/").path == "fr/new/index.html"
    assert site.resolve("/de/was", "/").kind == MISSING
    assert site.resolve("/chain/b/", "/").path == "new/b/index.html"  # rules after rules
    assert site.resolve("/chain/gone/", "/").via == "/chain/* /old/:splat"  # the link's own rule is named
    assert site.resolve("/rewrite/gone", "/").kind == MISSING
    # not followed: a loop past ten rules, another host, a condition, a query, an unknown placeholder
    for path in ("/loop/a", "/far/a", "/cond/a", "/query", "/unknown/a"):
        assert site.resolve(path, "/").kind == REDIRECT, path


def test_a_missing_path_published_in_other_letter_cases_is_named() -> None:
    site = PublishedSite(frozenset({"docs/setup/index.html", "Files/A.pdf"}), "https://example.org/")
    assert site.resolve("/Docs/Setup/#x", "/").other_case == "/docs/setup/"
    assert site.resolve("/docs/Setup", "/").other_case == "/docs/setup/"
    assert site.resolve("/files/a.pdf", "/").other_case == "/Files/A.pdf"
    assert site.resolve("/docs/gone/", "/").other_case is None


def _redirect_seconds(rules: int) -> float:
    """Resolving 2,000 missing links against `rules` rules of every kind: exact, splats of
    their own start, splats sharing one (`/*x1/*/b*c*`, as a hostile netlify.toml has them)."""
    sources = [f"/old{i}/" for i in range(rules)] + [f"/a{i}/*/b*c*" for i in range(rules)]
    sources += [f"/*x{i}/*/b*c*" for i in range(rules)]
    site = PublishedSite(FILES, "https://example.org/", redirects=tuple(sources))
    started = time.process_time()
    for link in range(2_000):
        site.resolve(f"/zz{link}/q/", "/")
    return time.process_time() - started


def test_redirect_rules_are_matched_in_linear_time() -> None:
    site = PublishedSite(FILES, "https://example.org/", redirects=("/a1/*/b*c*", "/old/", "/*x1/z"))
    assert site.resolve("/a1/q/bbc/", "/").kind == site.resolve("/old", "/").kind == REDIRECT
    assert site.resolve("/a1/q/b/", "/").kind == site.resolve("/y1/z/", "/").kind == MISSING
    _redirect_seconds(100)
    small = max(_redirect_seconds(5_000), 0.05)
    large = _redirect_seconds(20_000)
    assert large < 10 * small, f"{small:.2f} s for n/4, {large:.2f} s for n"


def test_in_memory_pages_cannot_judge_files() -> None:
    site = PublishedSite(frozenset({"index.html", "posts/a/index.html"}), complete=False)
    assert site.resolve("/img/x.png", "/").kind == "unknown"
    assert site.resolve("/tags/missing/", "/").kind == "unknown"  # not a section with pages
    assert site.resolve("/posts/missing/", "/").kind == MISSING


def test_walk_never_leaves_the_publish_dir(tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd").write_text("root")
    public = tmp_path / "public"
    (public / "posts").mkdir(parents=True)
    (public / "index.html").write_text('<a href="/leak/passwd">x</a> <a href="../../secret/passwd">y</a>')
    (public / "posts" / "index.html").write_text("<p>posts</p>")
    os.symlink(outside, public / "leak")
    os.symlink(public / "posts", public / "posts" / "loop")
    os.symlink(public / "index.html", public / "home.html")  # inside: followed
    site = scan_publish_dir(str(public), "https://example.org/")
    assert site.files == {"index.html", "posts/index.html", "home.html"}
    assert {path for path, _ in site.problems} == {"leak", "posts/loop"}
    assert site.read("leak/passwd") == (None, "not in the publish dir")
    rendered = load_rendered(str(public), "https://example.org/", [])
    findings = list(broken_link.check(rendered, broken_link.Options()))
    assert sorted(f.message.split(" ", 2)[1] for f in findings) == [
        "href='../../secret/passwd'>:", "href='/leak/passwd'>:",
    ]
    assert any("nothing is published at /secret/passwd" in f.message for f in findings)


def test_a_themes_repeated_finding_is_shown_on_a_page_not_a_print_copy() -> None:
    """The page a theme's repeated finding is shown on is the first in path order, but not a
    copy in a folder of `_` (Docsy's `_print/`)."""
    findings = [
        ("k", Finding(1, 1, "m", path="public/_print/a/index.html", html_path="_print/a/index.html")),
        ("k", Finding(2, 1, "m", path="public/b/index.html", html_path="b/index.html")),
        ("k", Finding(2, 1, "m", path="public/a/index.html", html_path="a/index.html")),
    ]
    assert [(f.html_path, f.message) for f in group_by_key(findings)] == [("a/index.html", "m (and on 2 other pages)")]


def test_parse_hugo_list() -> None:
    text = (
        "WARN  deprecated: something\n"
        "path,slug,title,date,expiryDate,publishDate,draft,permalink,kind,section\n"
        "content/posts/x.md,,X,2024-06-02T00:00:00Z,,,false,https://example.org/posts/x/,page,posts\n"
        "content/_index.md,,Home,,,,false,https://example.org/,home,\n"
    )
    mapping = parse_hugo_list(text)
    assert mapping["/posts/x/"] == "content/posts/x.md"
    assert mapping["https://example.org/"] == mapping["/"] == "content/_index.md"
    assert parse_hugo_list("") == {}


MARKDOWN = """+++
title = "Links"
+++

See [the guide](/guide/) and [the guide again](/guide/).

A [ref]({{< relref "other.md#usage" >}}) and an [empty one]().

Water is H<sub>2</sub>O.

{{% notice %}}
Inside.
{{% /notice %}}
"""
HTML = b"""<html><body>
<p>See <a href="/guide/">the guide</a> and <a href="/guide/">the guide again</a>.</p>
<p>A <a href="/posts/other/#usage">ref</a> and an <a href="">empty one</a>.</p>
<p>Water is H<!-- raw HTML omitted -->2<!-- raw HTML omitted -->O.</p>
<!-- raw HTML omitted -->
<nav><a href="/guide/">theme link</a></nav>
</body></html>"""


def _rendered() -> tuple:
    doc = parse_document("content/posts/links.md", MARKDOWN.encode())
    source = SourcePage.from_document(doc, "content/posts/links.md")
    source = SourcePage(source.path, "/posts/links/", *list(vars(source).values())[2:])
    published = PublishedSite(frozenset({"posts/links/index.html", "posts/other/index.html"}), "https://example.org/")
    pages = [parse_page("posts/links/index.html", HTML, "/posts/links/"),
             parse_page("posts/other/index.html", b'<h2 id="usage">U</h2>', "/posts/other/")]
    return build_rendered(published, pages, [source]), source


def test_links_map_back_to_their_markdown_line() -> None:
    rendered, source = _rendered()
    findings = sorted(broken_link.check(rendered, broken_link.Options()), key=lambda f: (f.path, f.line, f.column))
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("content/posts/links.md", 5, 5), ("content/posts/links.md", 5, 30),
    ]  # the theme's link to the same missing page is not reported again
    empty = list(empty_link.check(rendered, NoOptions()))
    assert [(f.path, f.line) for f in empty] == [("content/posts/links.md", 7)]


def test_placeholders_map_to_raw_html_and_markdown_shortcodes() -> None:
    rendered, _ = _rendered()
    findings = list(raw_html_omitted.html_check(rendered, None))
    assert [(f.line, f.column) for f in findings] == [(9, 11), (11, 1)]  # </sub> closes the <sub> reported
    assert "{{% notice %}}" in findings[1].message


def test_hugo_list_maps_pages_by_their_file() -> None:
    doc = parse_document("content/posts/x.md", b"# X\n")
    source = SourcePage.from_document(doc, "content/posts/x.md")  # url unknown
    published = PublishedSite(frozenset({"x/index.html"}), "https://example.org/")
    page = parse_page("x/index.html", b"<p>x</p>", "/x/")
    rendered = build_rendered(published, [page], [source], hugo_list={"/x/": "content/posts/x.md"})
    assert rendered.source(page) is source


@pytest.mark.hugo
def test_the_fixture_site_built_by_hugo(hugo: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", site)
    public = tmp_path / "public"
    build_site(hugo, site, public)
    listing = subprocess.run([hugo, "list", "all", "-s", str(site)], capture_output=True, text=True, check=True)
    hugo_list = parse_hugo_list(listing.stdout)
    sources = []
    for path in sorted((site / "content").rglob("*.md")):
        rel = path.relative_to(site / "content").as_posix()
        doc = parse_document(f"content/{rel}", path.read_bytes())
        sources.append(SourcePage.from_document(doc, f"content/{rel}"))
    rendered = load_rendered(str(public), "https://example.org/", sources, hugo_list=hugo_list)
    checks = [(m.RULE.id, m.check, m.RULE.options()) for m in (broken_link, duplicate_id, unrendered_markup, empty_link, image_alt)]
    checks.append(("broken-anchor", broken_anchor.html_check, BrokenAnchorOptions()))
    found = {(f.path, f.line, rule_id) for rule_id, check, options in checks for f in check(rendered, options)}
    planted, rendered_defects = "content/posts/planted-defects.md", "content/posts/rendered-defects.md"
    assert found == {
        (planted, 6, "broken-anchor"),
        (planted, 7, "unrendered-markup"),
        (rendered_defects, 8, "broken-link"),
        (rendered_defects, 9, "broken-anchor"),
        (rendered_defects, 10, "broken-anchor"),
        (rendered_defects, 12, "broken-link"),
        (rendered_defects, 14, "empty-link"),
        (rendered_defects, 18, "duplicate-id"),
        (rendered_defects, 24, "broken-link"),
        (rendered_defects, 24, "image-alt"),
        (rendered_defects, 26, "unrendered-markup"),
    }
    omitted = {(f.path, f.line) for f in raw_html_omitted.html_check(rendered, None)}
    # The {{% notice %}} call writes a <div>, which Hugo drops under unsafe = false.
    assert (rendered_defects, 29) in omitted
    assert all(f.html_path for f in raw_html_omitted.html_check(rendered, None))


@settings(max_examples=300, deadline=None)
@example("a\n\n \t---|\n{{< x >}} [^1] {{% y %}}\n\n|:---:|\n$$\n")
@example(":|\n-|")
@given(st.text(alphabet=st.sampled_from(list("{}<%[^$|:- \t\u00a0\nab")), max_size=80))
def test_marked_lines_are_the_lines_the_pattern_finds_in(text: str) -> None:
    """One pass over the page finds the lines a search of each line finds, but code's,
    those whose only marks are shortcode calls' own, and those whose marks were all parsed
    (a table's delimiter row: `:|` over `-|` is a table)."""
    doc = parse_document("p.md", text.encode())
    per_line = re.compile(r"\{\{[<%]|\[\^|\$\$|^\s*\|?\s*:?-+:?\s*\|")
    highlighted = [(use.line, use.close_line) for use in doc.shortcode_calls if use.name == "highlight" and use.close_line]
    calls = {(use.line, use.column) for use in doc.shortcode_calls}  # (a call's own `{{<` is no mark)
    expected = tuple(
        (n, line)
        for n, line in enumerate(doc.lines, start=1)
        if any(not m[0].startswith("{{") or (n, m.start() + 1) not in calls for m in per_line.finditer(line))
        and not doc.in_code(n) and not any(a <= n <= b for a, b in highlighted)
    )
    rendered = _rendered_markup_lines(doc)
    assert SourcePage.from_document(doc).marked_lines == tuple(line for line in expected if line[0] not in rendered)


def test_a_templates_link_is_placed_at_the_address_it_was_given() -> None:
    """A shortcode's address made into the link (a base URL before it, a page resource's
    folder): the call is its place; not a theme's `../../other/index.html`, which merely
    ends as `/index.html` does (Relearn's sidebar and its `button` shortcode)."""
    given = SourceLink("/index.html", 7, 1)
    assert _written_as("https://x.org/docs/index.html", given)
    assert not _written_as("../../exampleSite/about/index.html", given)
    assert _written_as("/posts/a/diagram.png", SourceLink("diagram.png", 3, 1))
    # the fragment counts when asked: an earlier call's "/s3/" is not where "/s3/#arvan" was given
    assert _written_as("/s3/#arvan", SourceLink("/s3/", 5, 1))
    assert not _written_as("/s3/#arvan", SourceLink("/s3/", 5, 1), same_fragment=True)
    assert _written_as("/s3/#arvan", SourceLink("/s3/#arvan", 7, 1), same_fragment=True)


def test_one_reading_of_the_pages_serves_every_check_and_a_crash_stops_only_its_own() -> None:
    """engine._read_pages_once: each pass sees every page in order; a pass that fails to
    start, on a page, or at its findings is reported as a crash and the others go on."""
    from validator.engine import _read_pages_once
    from validator.published import PagePass, pages_in_memory

    published, pages = pages_in_memory({f"/p{n}/": (f"p{n}/index.html", b"<p>x</p>") for n in range(3)})
    rendered = build_rendered(published, pages, [])
    seen: list[str] = []

    def counting() -> PagePass:
        return PagePass(rendered.pages, lambda page: seen.append(page.path), lambda: [Finding(1, 1, "counted")],
                        lambda: ["a note"])

    def failing_on(path: str) -> PagePass:
        def visit(page: Page) -> None:
            if page.path == path:
                raise ValueError("boom")
        return PagePass(rendered.pages, visit, lambda: [Finding(1, 1, "never")])

    def failing_to_start() -> PagePass:
        raise KeyError("nothing")

    def failing_at_the_end() -> PagePass:
        return PagePass(rendered.pages, lambda page: None, lambda: [][0])

    results = _read_pages_once(rendered, [
        ("start", failing_to_start), ("second", lambda: failing_on("p1/index.html")), ("count", counting),
        ("end", failing_at_the_end), ("none", PagePass.done),
    ])  # fmt: skip
    assert seen == ["p0/index.html", "p1/index.html", "p2/index.html"]
    assert [(failed, notes) for _, notes, failed in results] == [
        (True, []), (True, []), (False, ["a note"]), (True, []), (False, []),
    ]
    messages = [[finding.message for finding in findings] for findings, _, _ in results]
    assert messages[0][0].startswith("start failed: KeyError: 'nothing'")
    assert messages[1][0].startswith("second on p1/index.html failed: ValueError: boom")  # at the page
    assert messages[2:] == [["counted"], messages[3], []]
    assert messages[3][0].startswith("end failed: IndexError")


def test_a_call_of_thousands_of_names_gives_a_bounded_number_of_link_names() -> None:
    """SourcePage.link_names pairs a call's values: a bound keeps a call of thousands of
    parameters from making millions of them."""
    params = " ".join(f'a{i}="name{i}"' for i in range(3000))
    doc = parse_document("a.md", ("---\ntitle: A\n---\n\n{{< x " + params + " >}}\n").encode())
    assert 0 < len(SourcePage.from_document(doc, "a.md").link_names) <= 12 * 11

"""The rendered page parser, and the html rules on the tiny publish dirs of fixtures/html."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from validator.checks.html import (
    broken_link,
    duplicate_id,
    empty_link,
    image_alt,
    unrendered_markup,
)
from validator.checks.site import broken_anchor
from validator.checks.site.broken_anchor import Options as BrokenAnchorOptions
from validator.html import HtmlLink, parse_page
from validator.published import build_rendered, load_rendered, pages_in_memory

HTML = FIXTURES / "html"
EXPECT = re.compile(r"<!-- expect: ([a-z0-9, -]+?) -->")
CHECKS = {
    module.RULE.id: (module.check, module.RULE.options())
    for module in (broken_link, duplicate_id, unrendered_markup, empty_link, image_alt)
}
CHECKS["broken-anchor"] = (broken_anchor.html_check, BrokenAnchorOptions())
CASES = sorted(path for path in HTML.glob("*/*") if path.is_dir())


def _expected(case: Path) -> set[tuple[str, int, str]]:
    expected = set()
    for page in case.rglob("*.html"):
        for number, line in enumerate(page.read_text("utf-8").split("\n"), start=1):
            for match in EXPECT.finditer(line):
                for rule_id in re.split(r"[,\s]+", match[1].strip()):
                    expected.add((page.relative_to(case).as_posix(), number, rule_id))
    return expected


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_fixture(case: Path) -> None:
    rule_id = case.parent.name
    check, options = CHECKS[rule_id]
    rendered = load_rendered(str(case), "https://example.org/", [])
    findings = list(check(rendered, options))
    found = {(f.html_path, f.line, rule_id) for f in findings}
    assert found == _expected(case), "\n".join(f"{f.path}:{f.line} {f.message}" for f in findings)
    assert all(f.path == f.html_path for f in findings)  # no Markdown source: the HTML file


def test_every_html_rule_has_an_offending_and_a_clean_case() -> None:
    for rule_id in CHECKS:
        cases = [c for c in CASES if c.parent.name == rule_id]
        assert any(_expected(c) for c in cases) and any(not _expected(c) for c in cases), rule_id


def test_a_link_a_server_may_complete_with_html() -> None:
    """With ugly URLs, `/notes/ugly` finds `/notes/ugly.html` only on servers that add .html:
    the finding says so, and the option served-without-html keeps it quiet (not `/ugly/`)."""
    rendered = load_rendered(str(HTML / "broken-link" / "site"), "https://example.org/", [])
    messages = [f.message for f in broken_link.check(rendered, broken_link.Options())]
    assert any("the page is at /notes/ugly.html (servers that add .html" in m for m in messages)
    served = broken_link.Options(served_without_html=True)
    assert [m for m in messages if "/notes/ugly" not in m] == [f.message for f in broken_link.check(rendered, served)]
    assert rendered.published.resolve("/notes/ugly/", "/").html_file == "notes/ugly.html"
    assert rendered.published.resolve("/posts/b", "/").html_file is None
    # `/posts/a/index` finds the folder's index.html on such servers: the page is the folder
    index = rendered.published.resolve("/posts/a/index", "/")
    link = HtmlLink("/posts/a/index", "a", "href", 1, 1, "A")
    assert broken_link._message(link, index, rendered.pages[0], rendered.published).endswith(
        "; the page is at /posts/a/ (servers that add .html find it, as Netlify does; `hugo server` does not: "
        "see the option served-without-html)"
    )


PAGE = b"""<!DOCTYPE html>
<html><head><title>T</title>
<meta http-equiv="refresh" content="0; url=https://example.org/post/x/"></head>
<body>
<h2 id="intro">Intro <!-- note --> <code>code</code> text</h2>
<p>one <a
  href="/x/#frag"
  id="a1">the link</a></p>
<p>H<!-- raw HTML omitted -->2<!-- raw HTML omitted -->O</p>
<script>var s = "<a href='/not-a-link/'>";</script>
<img src="a.png" srcset="a-1x.png 1x, b.png 2x">
<a name="legacy">x</a>
</body></html>
"""


def test_records_and_positions() -> None:
    page = parse_page("x/index.html", PAGE, "/x/")
    assert [(i.value, i.line, i.column) for i in page.ids] == [("intro", 5, 1), ("a1", 6, 8), ("legacy", 12, 1)]
    links = {(l.url, l.line, l.column, l.text) for l in page.links}
    assert ("/x/#frag", 6, 8, "the link") in links  # the line where the tag starts
    assert {l.url for l in page.links if l.attribute == "srcset"} == {"a-1x.png", "b.png"}
    assert not any("not-a-link" in l.url for l in page.links)
    assert page.headings[0].text == "Intro code text"
    assert [(o.line, o.before, o.after) for o in page.omitted] == [(9, "H", "2"), (9, "2", "O")]
    assert page.redirect == "https://example.org/post/x/"
    assert page.images[0].alt is None and page.problems == ()


@pytest.mark.parametrize(
    ("content", "redirect"),
    [
        ("0; url=https://x.org/a/", "https://x.org/a/"),
        ("  5 ,URL = '/b/'  ", "/b/"),
        ("0;url=&quot;/c/", '"/c/'),  # an unclosed quote is part of the address
        ("/d/", "/d/"),
        ("0; url=x" + " " * 100_000 + "y", "x" + " " * 100_000 + "y"),  # read in linear time
    ],
)
def test_refresh_redirects(content: str, redirect: str) -> None:
    html = f'<html><head><meta http-equiv="refresh" content="{content}"></head></html>'
    page = parse_page("r.html", html.encode(), "/")
    assert page.redirect == redirect


def test_lines_past_libxml2s_limit() -> None:
    data = b"<html><body>" + b"<p>x</p>\n" * 70000 + b'<a id="z" href="/z/">z</a></body></html>'
    page = parse_page("big.html", data, "/")
    assert page.ids[0].line == 70001 and page.links[0].line == 70001


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfe<p id=a>caf\xe9</p>", "not valid UTF-8"),
        (b"x" * 101, "larger than 100 bytes"),
    ],
)
def test_unreadable_pages_are_problems(data: bytes, problem: str) -> None:
    page = parse_page("p.html", data, "/", limit=100)
    assert any(problem in p for p in page.problems)


def test_empty_placeholders_in_a_template_element_are_no_links() -> None:
    """A `<template>`'s empty `href` and `src` are placeholders a script fills in its clones
    (flux's search results); its filled ones and its ids are still the page's."""
    page = parse_page("p.html", b'<template id="card"><a href="">t</a><img alt="" src=""><a href="/x/">x</a>'
                                b'</template><a href="">y</a><img src="">', "/")  # fmt: skip
    assert [(link.url, link.tag) for link in page.links] == [("/x/", "a"), ("", "a"), ("", "img")]
    assert [image.src for image in page.images] == [""] and page.has_id("card")


def test_elements_nested_past_libxml2s_depth_are_a_problem() -> None:
    """libxml2 ends its parse at 2,048 elements deep, whatever its options: what follows is
    unread, so the page says so and its ids are not judged."""
    data = b"<html><body>\n" + b"<div>" * 3000 + b"x" + b"</div>" * 3000 + b'\n<a href="#gone">a</a></body></html>'
    page = parse_page("p.html", data, "/")
    assert page.problems == ("the HTML parser stops at HTML line 2 (elements nested 2,048 deep): "
                             "the rest of the page is not checked",)
    assert page.unknown_output and page.has_id("anything")
    shallow = parse_page("p.html", data.replace(b"<div>" * 3000, b"<div>" * 2000), "/")
    assert not shallow.problems and shallow.links[0].url == "#gone"


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<", b"<<<<>>>>", b"\x00\x00", b"<p><div></p></div><table><tr><td><a href=x",
     b"<!-- unclosed", b"<script>never closed", b"<div>" * 5000, b"<html><html><body><body>",
     "<p id='\u00e9\u0301'>\U0001f389</p>".encode()],
)
def test_hostile_html_never_raises(data: bytes) -> None:
    parse_page("p.html", data, "/")


def test_no_leaks_in_delimited_math() -> None:
    """Asterisks and `[^…]` in math written for the browser or kept by Hugo's passthrough
    are math; out of it, and in dollars that are prices, they are still leaks."""
    html = (
        "<p>Inline \\(g^{**} = g\\) when $h^{**} = h$ holds, and $a * b * c$.</p>\n"
        "<p>$$\n\\text{**bold**} x_{[^a]}\n$$</p>\n<p>\\[ f^{**} \\] and $$f^{**}$$</p>\n"
        "<p>Costs $5 and **so:**much $10 [^1]</p>\n"
    )
    page = parse_page("a.html", html.encode(), "/a/")
    assert [(leak.kind, leak.text, leak.line) for leak in page.leaks if leak.kind != "math"] == [
        ("footnote", "[^1]", 6), ("emphasis", "**so:**", 6),
    ]  # (display math is a leak of its own kind, for a page that renders none)


def test_a_head_alone_naming_another_page_canonical_redirects_there() -> None:
    """An alias page a script redirects (no refresh): what it shows is nothing."""
    head = '<html><head><link rel="canonical" href="https://x.org/b/"><script>window.location = "x"</script></head>'
    assert parse_page("a.html", (head + "</html>").encode(), "/a/").redirect == "https://x.org/b/"
    assert parse_page("a.html", (head + "<body><p>Text</p></body></html>").encode(), "/a/").redirect is None


def test_leaks_outside_code_only() -> None:
    page = parse_page("p.html", b"<p>a[^1] {{&lt; x &gt;}}</p><pre><code>[^2] {{&lt; y &gt;}}</code></pre>", "/")
    assert {(leak.kind, leak.text) for leak in page.leaks} == {("shortcode", "{{< x >}}"), ("footnote", "[^1]")}


def _parse_seconds(body: str) -> float:
    started = time.process_time()
    parse_page("x/index.html", f"<html><body>{body}</body></html>".encode(), "/x/")
    return time.process_time() - started


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "<p>" + "**a [^b $$ --- HAHAHUGOSHORTCODE x\n" * n + "</p>",  # a leak on every line of one text
        lambda n: "<p>" + "**a [^b " * n + "</p>",
        lambda n: "".join(f'<h2 id="h{i}">H</h2><a href="#h{i}">a</a>' for i in range(n)),
        lambda n: "<div>" * n + "x" + "</div>" * n,
    ],
    ids=["leaks-on-many-lines", "leak-openers-on-one-line", "ids-and-links", "nested-divs"],
)
def test_hostile_pages_are_parsed_in_linear_time(make) -> None:
    """As tests/test_robustness.py's cases: four times the page, about four times the time."""
    _parse_seconds(make(500))
    small = max(_parse_seconds(make(5_000)), 0.05)
    large = _parse_seconds(make(20_000))
    assert large < 10 * small, f"{small:.2f} s for n/4, {large:.2f} s for n"


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    page = parse_page(
        "a/index.html",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><body><h2 id="x">X</h2></body></html>',
        "/a/",
    )
    assert page.problems == ()
    assert [(item.value, item.line, item.column) for item in page.ids] == [("x", 3, 13)]


def test_a_tag_with_tens_of_thousands_of_attributes_is_not_parsed() -> None:
    """libxml2 takes time in the square of a tag's attribute count (40,000: about 12 s):
    such a page is reported, not parsed."""
    tag = "<div " + " ".join(f'a{i}="v"' for i in range(40_000)) + ">x</div>"
    started = time.process_time()
    page = parse_page("a/index.html", f"<html><body>{tag}</body></html>".encode(), "/a/")
    assert time.process_time() - started < 2
    assert page.problems == (
        "a <div> tag has more than 10,000 attributes; not checked (the parser slows with their number squared)",
    )
    fine = "<div " + " ".join(f'a{i}="v"' for i in range(5_000)) + ' id="x">x</div>' + '<p title="a=b">' * 20_000
    assert [item.value for item in parse_page("b/index.html", fine.encode(), "/b/").ids] == ["x"]


def test_an_anchor_named_as_the_heading_after_it() -> None:
    """`<a name="releases"></a>` before `## Releases`: the heading's id makes the anchor
    needless, which the message says."""
    html = b'<html><body><a name="releases"></a>\n<h2 id="releases">Releases</h2></body></html>'
    published, pages = pages_in_memory({"/news/": ("news/index.html", html)})
    rendered = build_rendered(published, pages, [])
    [finding] = duplicate_id.check(rendered, duplicate_id.RULE.options())
    assert finding.message == (
        "id 'releases' of this heading is also the name of the <a name> at HTML line 1: remove that anchor, "
        "the heading's own id takes links there"
    )


@pytest.mark.parametrize(
    ("head", "math"),
    [
        ('<script src="https://cdn.jsdelivr.net/npm/katex/dist/katex.min.js"></script>', True),
        ('<script type="module">import renderMathInElement from "/katex/auto-render.mjs"</script>', True),
        ('<script type="text/x-mathjax-config">MathJax.Hub.Config({})</script>', True),
        ('<link rel="stylesheet" href="/css/katex.min.css">', True),
        # PaperMod's structured data holds the page's text, which may name KaTeX
        ('<script type="application/ld+json">{"articleBody": "we will be using KaTeX"}</script>', False),
        # NexT's config, which its own script reads to load MathJax
        ('<script type="application/json" class="next-config">{"math": {"render": "mathjax"}}</script>', True),
    ],
)
def test_a_page_loads_a_math_renderer_when_code_or_config_names_one(head: str, math: bool) -> None:
    page = parse_page("m.html", f"<html><head>{head}</head><body><p>$$ x $$</p></body></html>".encode(), "/m/")
    assert page.math is math


def test_a_page_read_on_past_an_early_html_end_tag() -> None:
    """A template's `<html …></html>` on its first line (olm-docs' docsy base): browsers read
    the rest of the page, as html5lib does; so does the parse, ids and links and all."""
    import html5lib

    text = (
        '<!doctype html>\n<html lang="en"></html>\n<head><title>P</title></head>\n'
        '<body><h1>Page</h1><p><a href="#nope">x</a></p>\n<h1 id="second">Second</h1></body></html>\n'
        '<a href="/after/">after</a>'
    )
    page = parse_page("p/index.html", text.encode(), "/p/")
    assert [heading.id for heading in page.headings] == [None, "second"]
    assert [link.url for link in page.links] == ["#nope", "/after/"]
    browser = html5lib.parse(text, namespaceHTMLElements=False)
    assert [a.get("href") for a in browser.iter("a")] == ["#nope", "/after/"]
    assert browser.find(".//h1[@id='second']") is not None

"""parse_document: decoding, front matter, shortcodes as tokens, and exact positions."""

from __future__ import annotations

import pytest

from validator.document import parse_document
from validator.settings import Markup, SiteConfig


def parse(text: str, **markup: object):
    return parse_document("case.md", text.encode("utf-8"), Markup(**markup))


def test_positions_of_links_in_containers() -> None:
    doc = parse(
        "+++\ntitle = 'x'\n+++\n"
        "Intro [a](#a) and [b](#b).\n"
        "> quote [c](#c)\n"
        ">> deeper ![d](d.png)\n"
        "- item [e](#e)\n"
        "  1. nested [f](#f)\n"
        "| h | i |\n|---|---|\n| [g](#g) | [h](#h) |\n"
        "Term\n: def [i](#i)\n"
    )
    found = [(link.destination, link.line, link.column) for link in doc.links]
    assert found == [
        ("#a", 4, 7),
        ("#b", 4, 19),
        ("#c", 5, 9),
        ("d.png", 6, 11),
        ("#e", 7, 8),
        ("#f", 8, 13),
        ("#g", 11, 3),
        ("#h", 11, 13),
        ("#i", 13, 7),
    ]


def test_crlf_bom_and_lone_cr() -> None:
    doc = parse_document(
        "x.md", "\ufeff---\r\ntitle: T\r\n---\r\n## A\r\n[x](#a)\r## B\n".encode(), Markup()
    )
    assert doc.front_matter.data == {"title": "T"}
    assert [(h.line, h.id) for h in doc.headings] == [(4, "a"), (6, "b")]
    assert [(link.line, link.column) for link in doc.links] == [(5, 1)]


def test_shortcodes_are_opaque_and_located() -> None:
    doc = parse(
        "Text {{< figure src=\"x.png\" caption=\"# not a heading\" >}} more.\n"
        "\n"
        "{{< highlight go >}}\n"
        "## not a heading\n"
        "<b>not html</b>\n"
        "{{< /highlight >}}\n"
        "\n"
        "## After {#after}\n"
        "{{% notice %}}\n"
        "## Markdown inside\n"
        "{{% /notice %}}\n"
        "{{</* relref \"commented.md\" */>}}\n"
    )
    assert [(h.line, h.text, h.id) for h in doc.headings] == [
        (8, "After", "after"),
        (10, "Markdown inside", "markdown-inside"),
    ]
    assert not doc.html_tags
    uses = [(s.name, s.kind, s.line, s.column, s.close_line) for s in doc.shortcodes]
    assert uses == [
        ("figure", "open", 1, 6, None),
        ("highlight", "open", 3, 1, 6),
        ("notice", "open", 9, 1, 11),
        ("", "comment", 12, 1, None),
    ]
    assert doc.shortcodes[0].param("caption") == "# not a heading"


def test_positions_after_a_multiline_shortcode() -> None:
    doc = parse('---\n---\n{{< x\n  a="1"\n  b="2" >}} then [link](#l)\n\n## H\n')
    assert [(link.line, link.column) for link in doc.links] == [(5, 18)]
    assert [h.line for h in doc.headings] == [7]


def test_a_leading_shortcode_is_read_as_json_front_matter_like_hugo() -> None:
    doc = parse('{{< x >}} text\n')
    assert doc.issues[0].rule == "front-matter-syntax"
    assert "add front matter before the shortcode" in doc.issues[0].message


def test_ref_shortcodes_become_links() -> None:
    doc = parse('[a]({{< relref "other.md#x" >}}) and {{< ref "#y" >}}\n')
    assert [(link.kind, link.destination, link.column) for link in doc.links] == [
        ("link", '{{< relref "other.md#x" >}}', 1),
        ("ref", '{{< ref "#y" >}}', 38),
    ]
    assert doc.links[0].shortcode.param("path", 0) == "other.md#x"


def test_heading_ids_custom_attributes_and_duplicates() -> None:
    doc = parse("## Foo\n## Bar {#foo}\n## Foo-1\n## Foo\n## Class {.c}\nSetext\n===\n")
    assert [(h.id, h.custom_id) for h in doc.headings] == [
        ("foo", False),
        ("foo", True),
        ("foo-1", False),
        ("foo-2", False),
        ("class", False),
        ("setext", False),
    ]


def test_attribute_title_off_keeps_braces() -> None:
    doc = parse("## Custom {#custom-id .cls}\n", attribute_title=False)
    assert doc.headings[0].id == "custom-custom-id-cls"


def test_heading_with_shortcode_is_unpredictable() -> None:
    doc = parse('## Release {{< param "version" >}}\n## Plain\n')
    assert [h.id_predictable for h in doc.headings] == [False, True]
    assert doc.headings[0].text == 'Release {{< param "version" >}}'


def test_raw_html_tags_and_comments() -> None:
    doc = parse(
        '<abbr title="Graphics Interchange Format">GIF</abbr> H<sub>2</sub>O\n'
        "\n"
        "<div class=\"x\">\n<span id=a>b</span>\n</div>\n"
        "\n"
        "text <!-- mdcheck-disable --> text\n"
        "`<code>` is not html\n"
    )
    tags = [(t.name, t.line, t.column, t.closing, t.block) for t in doc.html_tags]
    assert tags == [
        ("abbr", 1, 1, False, False),
        ("abbr", 1, 46, True, False),
        ("sub", 1, 55, False, False),
        ("sub", 1, 61, True, False),
        ("div", 3, 1, False, True),
        ("span", 4, 1, False, True),
        ("span", 4, 13, True, True),
        ("div", 5, 1, True, True),
    ]
    assert doc.html_tags[0].attribute("title") == "Graphics Interchange Format"
    assert [(c.text.strip(), c.line, c.column) for c in doc.comments] == [("mdcheck-disable", 7, 6)]


def test_summary_dividers_and_code_blocks() -> None:
    doc = parse("Intro. <!--more--> rest\n\n```\n<!--more-->\n```\n\n    indented\n")
    assert [(d.line, d.column) for d in doc.summary_dividers] == [(1, 8), (4, 1)]
    assert [(b.line, b.end_line, b.fenced) for b in doc.code_blocks] == [(3, 5, True), (7, 7, False)]
    assert doc.in_code(4) and not doc.in_code(1)


def test_tables_cells_as_written() -> None:
    doc = parse("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| `x\\|y` |\n")
    table = doc.tables[0]
    assert table.header.cells == ("a", "b")
    assert [row.cells for row in table.rows] == [("1", "2", "3"), ("`x\\|y`",)]


def test_footnotes() -> None:
    doc = parse("One[^a] two[^b].\n\n[^a]: A.\n")
    assert [(r.label, r.line, r.column) for r in doc.footnote_refs] == [("a", 1, 4), ("b", 1, 12)]
    assert [(d.label, d.line) for d in doc.footnote_defs] == [("a", 3)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a\x00" * 5, "NUL bytes; not a text file"),
        ("---\ntitle: x\n---\n".encode("utf-16"), "UTF-16 text (it starts with a byte order mark)"),
        ("# Title with no mark".encode("utf-16-be"), "NUL"),  # no mark: no telling
        ("x".encode("utf-32"), "UTF-32 text"),
    ],
)
def test_binary_is_an_issue(data: bytes, message: str) -> None:
    doc = parse_document("x.md", data)
    assert not doc.is_text
    assert message in doc.issues[0].message


@pytest.mark.parametrize(
    ("data", "text", "where", "message"),
    [
        (b"# A\n\nb\x00c [x](#a)\n", "# A\n\nb\ufffdc [x](#a)\n", (3, 2), "a NUL byte: Hugo shows it as"),
        (b"# A\n\ncaf\xe9 \xe9 [x](#a)\n", "# A\n\ncaf\ufffd \ufffd [x](#a)\n", (3, 4), "byte 0xe9 is not UTF-8, and 1 more"),
        (b"# A\n\n\xe9\x00 [x](#a)\n", "# A\n\n\ufffd\ufffd [x](#a)\n", (3, 1), "byte 0xe9 is not UTF-8"),
    ],
)
def test_a_text_with_a_stray_byte_is_read(data: bytes, text: str, where: tuple[int, int], message: str) -> None:
    """A stray NUL byte (Dubbo's docs), or a byte that is not UTF-8 (a Latin-1 `é`), in a
    text file: Hugo publishes the page (a NUL as U+FFFD), so the rest is checked too, and
    the byte is told at its place."""
    doc = parse_document("x.md", data)
    assert doc.is_text and doc.text == text and [heading.id for heading in doc.headings] == ["a"]
    (issue,) = doc.issues
    assert (issue.rule, issue.line, issue.column) == ("file-encoding", *where) and issue.message.startswith(message)


def test_headings_of_markdown_calls_in_a_calls_content_are_ids() -> None:
    """`{{% c %}}` in `{{< t >}}`: its headings count, their ids made apart (Hugo renders
    each such content apart: checked with hugo 0.168); a call in it whose template may
    write any id leaves every id possible."""
    site = SiteConfig(shortcodes=frozenset({"t", "c", "x"}), shortcodes_with_ids=frozenset({"x"}))
    page = "---\ntitle: a\n---\n{{< t >}}\n{{% c %}}\n## Inside Tab\n{{% /c %}}\n{{< /t >}}\n"
    doc = parse_document("a.md", page.encode(), None, site)
    assert doc.id_prefixes == () and "inside-tab" in doc.ids
    with_ids = page.replace("## Inside Tab\n", "## Inside Tab\n{{< x >}}\n")
    assert parse_document("a.md", with_ids.encode(), None, site).id_prefixes == ("",)


def test_a_calls_content_has_no_front_matter() -> None:
    """A call's content parsed apart is Markdown alone: one that starts with another call
    (`{{< relref >}}`, which starts with `{`) or with `---` is not front matter."""
    site = SiteConfig(shortcodes_rendering_inner=frozenset({"note"}))
    text = (
        "Text.\n\n{{< note >}}\n{{< relref \"b.md\" >}} [a](#gone)\n{{< /note >}}\n\n"
        "{{< note >}}\n---\n[b](#x)\n{{< /note >}}\n"
    )
    doc = parse_document("a.md", text.encode(), site=site)
    assert [(link.destination, link.line) for link in doc.rendered_content_links()] == [("#gone", 4), ("#x", 9)]

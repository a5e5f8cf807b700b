"""validator.elements: the element inventory of a page and what each source line holds."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from validator.document import parse_document
from validator.elements import ELEMENTS, Role, SourceLines, inventory, is_blank


def _doc(text: str):
    return parse_document("page.md", text.encode())


def _body(markdown: str):
    """A page whose body is `markdown` (a file starting with `{` is JSON front matter)."""
    return _doc("+++\n+++\n" + markdown)


def test_sample_post_has_everything_but_an_image() -> None:
    post = FIXTURES / "site" / "content" / "posts" / "notes-on-backpropagation.md"
    found = inventory(parse_document(str(post), post.read_bytes()))
    assert set(ELEMENTS) - found == {"image"}


@pytest.mark.parametrize(
    ("markdown", "element"),
    [
        ("![alt](a.png)", "image"),
        ('<img src="a.png" alt="a">', "image"),
        ('{{< figure src="a.png" >}}', "image"),
        ("> Quote.", "blockquote"),
        ("> Quote.<br>\n> — <cite>Rob Pike</cite>", "blockquote-cite"),
        ("| a |\n|---|\n| *b* |", "table-inline-markdown"),
        ("1. one\n   - two", "list-nested"),
        ("Text[^1].\n\n[^1]: Note.", "footnote"),
        ("{{< highlight go >}}\nx\n{{< /highlight >}}", "code-highlight"),
        ("Setext\n======", "h1"),
    ],
)
def test_inventory_finds(markdown: str, element: str) -> None:
    assert element in inventory(_body(markdown))


@pytest.mark.parametrize(
    ("markdown", "element"),
    [
        ("> Quote.<br>\n> — <cite>Rob Pike</cite>", "blockquote"),  # only the cited kind
        ("| a |\n|---|\n| b |", "table-inline-markdown"),
        ("Text[^1].", "footnote"),  # no definition: Hugo prints it as text
        ("```html\n<kbd>K</kbd> ![i](a.png)\n```", "kbd"),
        ("```html\n<kbd>K</kbd> ![i](a.png)\n```", "image"),
        ("{{< highlight md >}}\n## H2\n> quote\n{{< /highlight >}}", "h2"),
        ("{{< highlight md >}}\n## H2\n> quote\n{{< /highlight >}}", "blockquote"),
        ('{{< figure src="a.png" >}}', "paragraph"),  # a shortcode alone is no paragraph
        ("- tight list item", "paragraph"),
    ],
)
def test_inventory_ignores(markdown: str, element: str) -> None:
    assert element not in inventory(_body(markdown))


def test_line_roles() -> None:
    text = (
        "+++\n"  # 1
        'title = "x"\n'  # 2
        "+++\n"  # 3
        "Text.\n"  # 4
        "{{% note %}}\n"  # 5
        "{{< highlight go\n"  # 6
        '  "linenos=true" >}}\n'  # 7
        "code\n"  # 8
        "{{< /highlight >}}\n"  # 9
        "{{% /note %}}\n"  # 10
        "```\n"  # 11
        "{{</* not a tag */>}}\n"  # 12
        "```\n"  # 13
        '{{< figure src="a.png" >}}\n'  # 14
        "    indented\n"  # 15
    )
    roles = SourceLines.of(_doc(text)).roles
    assert roles == (
        Role.FRONT_MATTER,
        Role.FRONT_MATTER,
        Role.FRONT_MATTER,
        Role.MARKDOWN,
        Role.TAG_OPEN,
        Role.MARKDOWN,  # starts with a tag that is not alone on the line
        Role.SHORTCODE,
        Role.SHORTCODE,
        Role.TAG_CLOSE,
        Role.TAG_CLOSE,
        Role.MARKDOWN,
        Role.CODE,
        Role.MARKDOWN,
        Role.TAG,
        Role.MARKDOWN,  # after a shortcode call, four spaces continue the paragraph
    )


def test_unclosed_fence_runs_to_the_end() -> None:
    lines = SourceLines.of(_doc("Text.\n\n```\ncode\n\n"))
    assert lines.roles[2:] == (Role.MARKDOWN, Role.CODE, Role.CODE)


def test_no_final_newline_keeps_the_last_line() -> None:
    assert SourceLines.of(_doc("a\nb")).count == 2
    assert SourceLines.of(_doc("a\nb\n")).count == 2
    assert SourceLines.of(_doc("")).count == 0


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("", True),
        ("   ", True),
        (">", True),
        ("> >  ", True),
        ("<!-- mdcheck-disable-next-line x -->", True),
        ("<!--more-->", True),
        ("end of a comment -->", True),
        ("<!-- start of one", True),
        ("text <!-- c -->", False),
        ("{{< x >}}", False),
    ],
)
def test_is_blank(text: str, blank: bool) -> None:
    assert is_blank(text) is blank


def test_spaced_respects_containers() -> None:
    text = "Text.\n{{% note %}}\n## H\n{{% /note %}}\n## After\ntext\n"
    lines = SourceLines.of(_doc(text))
    assert lines.spaced(3, -1) and lines.spaced(3, +1)  # opens and ends the note
    assert not lines.spaced(5, -1)  # glued to the closing tag
    assert not lines.spaced(5, +1)  # and to the text


def test_span_maps_through_shortcodes_and_drops_trailing_blanks() -> None:
    text = "- a {{< x\n  y=1 >}}\n- b\n\n\nText.\n"
    doc = _doc(text)
    bullet = next(token for token in doc.tokens if token.type == "bullet_list_open")
    assert SourceLines.of(doc).span(bullet) == (1, 3)


def test_roles_are_linear_in_deeply_nested_shortcodes() -> None:
    depth = 2000
    text = "{{< a >}}\n" * depth + "x\n" + "{{< /a >}}\n" * depth
    lines = SourceLines.of(_body(text))
    assert lines.roles[2] is Role.TAG_OPEN and lines.roles[depth + 2] is Role.SHORTCODE

"""The fast parser (rules looked up by character, plain inline text tokenized directly) must
give exactly the tokens of the plainly configured one, on real content and on random text."""

from __future__ import annotations

import re
import sys
from html import unescape as html_unescape
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import build_site
from validator.markdown import TASK_CHECKBOX, _NOT_PLAIN, _plain_children, configure, make_parser
from validator.settings import Markup
from validator.site import load_site

ROOT = Path(__file__).resolve().parent.parent
MARKUPS = [
    Markup(),
    Markup(linkify=False, footnote=False, definition_list=False, task_list=False),
    Markup(table=False, strikethrough=False, attribute_title=False),
    Markup(attribute_block=True),
]
# Markdown's punctuation, line structure and the constructs each inline and block rule starts at.
PIECES = [
    "\n", "\n\n", " ", "  ", "   ", "\t", "a", "word", "www.", "www.example.com", "http://x.org",
    "https:", "mailto:a@b.c", "@", ":", "# ", "## ", "#", "> ", "- ", "* ", "+ ", "1. ", "2) ",
    "    ", "```", "~~~", "`", "~~", "~", "*", "**", "_", "__", "[", "]", "(", ")", "![", "[^1]",
    "[^1]: ", "[x]: /u", "[ ] ", "[x] ", "<", ">", "<b>", "</b>", "<div>", "&amp;", "&", "\\",
    "|", "| a | b |", "|---|---|", "---", "===", ": ", "{#id}", "{.c #d}", "é", "日本", "!", "-", "=", "+",
]
markdown = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def _tokens(md, text: str) -> list[dict]:
    return [token.as_dict() for token in md.parse(text)]


def _corpus() -> list[Path]:
    files = sorted(ROOT.glob("fixtures/**/*.md"))
    assert len(files) > 50
    return files


@pytest.mark.parametrize("markup", MARKUPS, ids=["default", "fewer-extensions", "no-tables", "block-attributes"])
def test_same_tokens_on_the_fixtures_and_a_generated_site(markup: Markup, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(tmp_path, 40, seed=3)
    fast, plain = make_parser(markup), configure(markup)
    for path in [*_corpus(), *sorted(tmp_path.rglob("*.md"))]:
        text = path.read_text("utf-8", errors="replace")
        assert _tokens(fast, text) == _tokens(plain, text), path


@settings(max_examples=400, deadline=None)
@given(text=markdown, index=st.integers(0, len(MARKUPS) - 1))
def test_same_tokens_on_random_markdown(text: str, index: int) -> None:
    markup = MARKUPS[index]
    assert _tokens(make_parser(markup), text) == _tokens(configure(markup), text)


plain_text = st.lists(
    st.sampled_from(["a", "word", " ", "  ", "\t", "\n", "\n  ", " \n", "  \n", ".", ",", "-", ":", "#", "w", "é"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=plain_text)
def test_plain_text_children_are_markdown_its(text: str) -> None:
    assume(not _NOT_PLAIN.search(text))  # the only text the engine tokenizes directly
    md = configure(Markup())
    expected: list = []
    md.inline.parse(text, md, {}, expected)
    assert [t.as_dict() for t in _plain_children(text)] == [t.as_dict() for t in expected]


# Bare `www.` addresses around goldmark's limits of a link: the host, the top-level domain,
# what may precede, and the punctuation, parentheses and entities left out at the end.
WWW_CASES = [
    "www..", "www.a", "www.a.b", "www.example", "www.-.x", "www.a_b.c", "www.x.c0m", "www.a.b.",
    "www.a..b", "www.1.2", "www._.com", "www.a.B", "www.a.b_c", "www.ä.com", "xwww.a.com",
    "www.a.b/c.", "www.a.b/c)", "(www.a.b/c)", "www.a.b/c?", "www.a.b/c'", "www.a.b/c*",
    "www.a.b/c_", "WWW.a.com", "www.A.com", "www.a.com:8080/x", "www.a.com/x<y", "www.a.com/(x)",
    "www.a.com/x)))", "www.a.com/x&amp;", "www.a.com/x;", "www.a.com/x!", "xx.www.a.com",
    "_www.a.com", "*www.a.com*", "www.a.com-", "www.a.c-m", "www.a.com#frag.", "www.a.com?q=1.",
    '"www.a.com"', "[www.a.com]", "www.a.b/c.,", "www.a.com/x:", "www.example.com/é",
    "www.a.b/c.)", "www.a.b/c%20d", "“www.a.b”", "‘www.a.b’",
]  # fmt: skip
# Bare `http://`, `https://` and `ftp://` addresses: ASCII only (CJK punctuation, accents and
# dashes end one), what may precede, where punctuation, parentheses and entities end one.
URL_CASES = [
    "https://x.org/a。b", "https://x.org/页面", "http://a.b/c|d", "https://a.b/c\\d", "ftp://a.b/c",
    "mailto:a@b.co", "xmpp:a@b.co", "https://a", "https://a.b", "https://a.B", "https://localhost:8080/x",
    "https://a.b:80/x", "https://a.b/c.", "https://a.b/c)", "(https://a.b/c)", "https://a.b/(c)",
    "https://a.b/c&amp;", "https://a.b/c;", "https://a.b/c?q=1&r=2", "https://a.b/c#f.", "https://a.b/c$d",
    'https://a.b/c"d', "https://a.b/c>d", "https://a.b/c<d", "https://a.b/c'd", "https://a.b/c`d`",
    "https://a.b/c{d}", "https://a.b/c[d]", "https://a.b/c^d", "xhttps://a.b", "*https://a.b*",
    "_https://a.b_", '"https://a.b"', "'https://a.b'", "“https://a.b”", "https://a.b/c,", "https://a.b/c:",
    "HTTPS://a.b", "https://ä.b", "https://a_b.c", "https://-.b", "https://a.b/é", "https://a.b/c%20d",
    "https://user@a.b/", "https://a.b.", "https://a.b/c*", "https://a.b/c_", "file://a.b/c", "https://",
    "https://.b", "https://a.b/c)))", "https://a.b/x&y;", "https://a.b/c..", "https://a.b/c.)",
    "https://a.b/c.).", "https://a.b/c&amp;.", "https://a.b/c.;", "https://a.b:x/y", "https://a.b/c\u3000d",
    "http://1.2.3.4/x", "a@b.co", "https://a.b/c—d", "x:https://a.b", "hhttp://a.b", "**https://a.b**",
    "[https://a.b](/x)", "`https://a.b`", "<https://a.b>",
]  # fmt: skip


@pytest.mark.hugo
@pytest.mark.parametrize("typographer", [True, False])
def test_autolinks_are_hugos(tmp_path: Path, hugo: str, typographer: bool) -> None:
    """Each bare address links where Hugo links it, with its text and href (straight quotes
    before one count only with the typographer on, which the second run turns off)."""
    config = "" if typographer else "[markup.goldmark.extensions.typographer]\ndisable = true\n"
    (tmp_path / "hugo.toml").write_text(
        f'baseURL = "https://x.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n{config}'
    )
    (tmp_path / "layouts" / "_default").mkdir(parents=True)
    (tmp_path / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    (tmp_path / "layouts" / "_default" / "list.html").write_text("")
    (tmp_path / "content").mkdir()
    cases = WWW_CASES + URL_CASES
    for number, case in enumerate(cases):
        (tmp_path / "content" / f"w{number}.md").write_text(f"---\ntitle: W\n---\nX {case} Y\n")
    build_site(hugo, tmp_path, tmp_path / "public")
    md = make_parser(load_site(tmp_path).markup)
    for number, case in enumerate(cases):
        html = (tmp_path / "public" / f"w{number}" / "index.html").read_text("utf-8")
        theirs = [(html_unescape(text), html_unescape(href)) for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', html)]
        ours = [
            (children[index + 1].content, child.attrs["href"])
            for token in md.parse(f"X {case} Y")
            for children in [token.children or []]
            for index, child in enumerate(children)
            if child.type == "link_open"
        ]
        assert theirs == ours, case


_LIST_PIECES = st.sampled_from(
    ["- ", "1. ", "  ", "    ", "[ ] ", "[x] ", "[X] ", "[ ]\t", "[]", "task", "\n", "\n\n", "> ", "* ", "`c`", "**b**"]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_LIST_PIECES, max_size=40).map("".join))
def test_task_lists_make_the_plugins_tokens(text: str) -> None:
    """Our one-pass task list rule makes exactly the tokens mdit-py-plugins' rule makes, and
    marks each checkbox as made (`TASK_CHECKBOX`): it is no raw HTML of the author's. (Where
    a box has no blank after it, goldmark's reading: see test_render.)"""
    assume(not re.search(r"\[[ xX]\](?! [ \t]*\S)", text))
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    def parsed(ours: bool) -> list[dict]:
        md = MarkdownIt("commonmark")
        md.disable("text_join")
        tasklists_plugin(md)
        if ours:
            from validator.markdown import task_lists

            md.core.ruler.at("github-tasklists", task_lists)
        tokens = md.parse(text)
        if ours:
            made = [child.meta.pop(TASK_CHECKBOX, None) for token in tokens for child in token.children or ()]
            assert made.count(True) == sum(token.attrs.get("class") == "task-list-item" for token in tokens)
        return [token.as_dict() for token in tokens]

    assert parsed(True) == parsed(False)

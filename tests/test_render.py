"""The embedded renderer: unit tests per construct, a property test, and a differential test
against the real hugo binary on generated pages and sample content."""

from __future__ import annotations

import dataclasses
import json
import random
import re
import subprocess
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, build_site
from validator.addresses import EMBEDDED_WRITER, GOLDMARK_WRITER
from validator.document import ShortcodeUse, parse_document
from validator.render import OMITTED, render_document
from validator.settings import Markup
from validator.site import load_site


def render(text: str, markup: Markup | None = None, **kwargs: object) -> str:
    return render_document(parse_document("page.md", text.encode(), markup), **kwargs)  # type: ignore[arg-type]


# --- constructs -----------------------------------------------------------------------------


def test_empty_document() -> None:
    assert render("") == ""
    assert render("+++\ntitle = 'x'\n+++\n") == ""


def test_heading_ids_and_attributes() -> None:
    html = render("# Hello World\n\n## Hello, World!\n\n## Custom {#my-id .cls}\n\n## Class {.c}\n")
    assert '<h1 id="hello-world">Hello World</h1>' in html
    assert '<h2 id="hello-world-1">Hello, World!</h2>' in html
    assert '<h2 id="my-id" class="cls">Custom</h2>' in html
    assert '<h2 id="class" class="c">Class</h2>' in html


def test_heading_without_auto_id() -> None:
    html = render("## Plain\n\n## Set {#set}\n", Markup(auto_heading_id=False))
    assert "<h2>Plain</h2>" in html
    assert '<h2 id="set">Set</h2>' in html


def test_definition_term_ids() -> None:
    text = "## Term\n\nTerm\n: first\n\nOther term\n: second\n"
    assert "<dt>Term</dt>" in render(text)
    html = render(text, Markup(auto_definition_term_id=True))
    assert '<h2 id="term">Term</h2>' in html
    assert '<dt id="term-1">Term</dt>' in html
    assert '<dt id="other-term">Other term</dt>' in html


def test_each_line_of_a_paragraph_above_a_definition_is_a_term() -> None:
    """goldmark's definition interrupts a paragraph, whose lines are each a term (checked
    with hugo 0.168); in a list item or a quote, `: x` goes on the paragraph."""
    html = render("Intro para\nTerm A\n: def\n\n- b\n: x\n\n> q\n: y\n", Markup(auto_definition_term_id=True))
    assert html.startswith(
        '<dl>\n<dt id="intro-para">Intro para</dt>\n<dt id="term-a">Term A</dt>\n<dd>def</dd>\n</dl>\n'
        "<ul>\n<li>b\n: x</li>\n</ul>\n<blockquote>\n<p>q\n: y</p>\n</blockquote>"
    )


def test_footnotes_numbered_by_first_reference() -> None:
    html = render("A[^b] B[^a] again[^b] missing[^x].\n\n[^a]: Note *a*.\n[^b]: Note b.\n[^c]: Unused.\n")
    assert '<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>' in html
    assert 'again<sup id="fnref1:1"><a href="#fn:1"' in html
    assert "missing[^x]." in html
    assert "Unused" not in html
    assert html.endswith(
        '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n'
        '<li id="fn:1">\n<p>Note b.&#160;<a href="#fnref:1" class="footnote-backref" '
        'role="doc-backlink">&#x21a9;&#xfe0e;</a>&#160;<a href="#fnref1:1" '
        'class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n'
        '<li id="fn:2">\n<p>Note <em>a</em>.&#160;<a href="#fnref:2" class="footnote-backref" '
        'role="doc-backlink">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n'
    )


def test_a_footnote_definition_ends_a_quotes_lazy_line() -> None:
    """goldmark ends a quote (nested too) at a footnote definition below its last line, as
    it ends a paragraph; a link definition there is the quote's text (checked with hugo 0.168)."""
    html = render("> > Nested.[^a]\n[^a]: note a\n\n> quote\n[x]: /y\n")
    assert html.startswith(
        '<blockquote>\n<blockquote>\n<p>Nested.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" '
        'role="doc-noteref">1</a></sup></p>\n</blockquote>\n</blockquote>\n<blockquote>\n<p>quote\n[x]: /y</p>'
    )
    assert '<li id="fn:1">\n<p>note a&#160;' in html


def test_footnote_ending_with_a_code_block_gets_backlink_after_it() -> None:
    html = render("x[^1]\n\n[^1]: Text.\n\n        code\n")
    assert "</code></pre>\n&#160;<a href=\"#fnref:1\"" in html


def test_raw_html_omitted_inline_and_blocks() -> None:
    html = render("H<sub>2</sub>O <!-- gone --> x\n\n<div>\n*md*\n</div>\n\n<script>\nx\n</script>\n\n<!-- c -->\n")
    assert f"<p>H{OMITTED}2{OMITTED}O  x</p>" in html
    assert html.count(OMITTED) == 5  # two inline, one for the div, two for the script
    assert "gone" not in html and "<!-- c -->" not in html


def test_raw_html_kept_when_unsafe() -> None:
    html = render("H<sub>2</sub>O <!-- kept -->\n\n<div>\n*md*\n</div>\n", Markup(unsafe=True))
    assert "H<sub>2</sub>O <!-- kept -->" in html
    assert "<div>\n*md*\n</div>\n" in html
    assert OMITTED not in html


def test_summary_divider_never_in_output() -> None:
    for markup in (Markup(), Markup(unsafe=True)):
        html = render("First. <!--more--> Rest.\n", markup)
        assert html == "<p>First.</p>\n<p>Rest.</p>\n"


def test_typographer() -> None:
    html = render("\"Quoted\" it's 'single' -- --- ... << x >>\n")
    assert html == (
        "<p>&ldquo;Quoted&rdquo; it&rsquo;s &lsquo;single&rsquo; &ndash; &mdash; &hellip; "
        "&laquo; x &raquo;</p>\n"
    )
    assert render("it's -- x\n", Markup(typographer=False)) == "<p>it's -- x</p>\n"


def test_no_typographer_in_code_and_urls() -> None:
    html = render("`it's` <https://x.org/a--b> https://y.org/it's\n")
    assert "<code>it's</code>" in html
    assert ">https://x.org/a--b</a>" in html


def test_links_verbatim_and_linkify() -> None:
    html = render("[a](other.md#frag) [b](#local \"T\") <https://x.org> www.example.org https://y.net ![i](pic.png)\n")
    assert '<a href="other.md#frag">a</a>' in html
    assert '<a href="#local" title="T">b</a>' in html
    assert '<a href="https://x.org">https://x.org</a>' in html
    assert '<a href="https://www.example.org">www.example.org</a>' in html
    assert '<a href="https://y.net">https://y.net</a>' in html
    assert '<img src="pic.png" alt="i">' in html


def test_table_header_shorter_than_its_delimiter_row() -> None:
    """goldmark adds empty header cells up to the delimiter row's columns, and the empty
    cells it adds to a short row have no alignment (hugo 0.168's output)."""
    html = render("A|B\n:--|:--|:--\n1|2|3|4\n5\n")
    squashed = re.sub(r">\s+<", "><", html.strip())
    left = '<td style="text-align: left">'
    assert squashed == (
        '<table><thead><tr><th style="text-align: left">A</th><th style="text-align: left">B</th><th></th>'
        f"</tr></thead><tbody><tr>{left}1</td>{left}2</td>{left}3</td></tr>"
        f"<tr>{left}5</td><td></td><td></td></tr></tbody></table>"
    )
    assert "<table>" not in render("C|D|E\n--|--\n5|6|7\n")  # a longer header: no table


def test_a_table_on_a_list_items_lazy_lines() -> None:
    """A table right under a list item's text, its rows not indented, is a table (goldmark
    makes one of the paragraph's lines, hugo 0.168), not the paragraph's text."""
    html = render("- Values:\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n- next\n")
    assert "<td>1</td>" in html and "<td>3</td>" in html and "|" not in html


def test_quotes_before_links_and_code_are_curled() -> None:
    """goldmark's typographer looks past the bracket or backtick (hugo 0.168's output)."""
    html = render("pratiques d'[observabilité](/fr/o/) et l'`init` ok\n")
    assert html == '<p>pratiques d&rsquo;<a href="/fr/o/">observabilité</a> et l&rsquo;<code>init</code> ok</p>\n'
    html = render("x \"[a](/b)\" and '![i](p.png)' and \"**b**\"\n")
    assert html == (
        '<p>x &ldquo;<a href="/b">a</a>&rdquo; and &lsquo;<img src="p.png" alt="i">&rsquo; '
        "and &ldquo;<strong>b</strong>&rdquo;</p>\n"
    )


def test_a_question_mark_in_angles_is_a_processing_instruction() -> None:
    """goldmark seeks `?>` from the `<?` on (hugo 0.168: `Set<Option<?>> x`)."""
    assert render("Set<Option<?>> x\n") == "<p>Set&lt;Option<!-- raw HTML omitted -->&gt; x</p>\n"


@pytest.mark.parametrize(
    ("markdown", "html"),
    [  # hugo 0.168's output: linkify is tried again where each inline node ends
        ("`code`https://a.com/x", '<code>code</code><a href="https://a.com/x">https://a.com/x</a>'),
        ("<b>x</b>https://a.com/x", '<b>x</b><a href="https://a.com/x">https://a.com/x</a>'),
        ("[a](b)https://a.com/x", '<a href="b">a</a><a href="https://a.com/x">https://a.com/x</a>'),
        ("x<br>www.a.com", 'x<br><a href="https://www.a.com">www.a.com</a>'),
        ("--https://a.com/x", '&ndash;<a href="https://a.com/x">https://a.com/x</a>'),
        ("...https://a.com/x", '&hellip;<a href="https://a.com/x">https://a.com/x</a>'),
        ("a*b*https://a.com/x", 'a<em>b</em><a href="https://a.com/x">https://a.com/x</a>'),
        ("&amp;https://a.com/x", "&amp;https://a.com/x"),  # an entity, an escape: text to goldmark
        ("\\!https://a.com/x", "!https://a.com/x"),
        ('x"https://a.com/x"', "x&quot;https://a.com/x&quot;"),  # a straight quote left so
        ("x>https://a.com/x", "x&gt;https://a.com/x"),
        ("----https://a.com/x", "&mdash;-https://a.com/x"),
        ("-----https://a.com/x", '&mdash;&ndash;<a href="https://a.com/x">https://a.com/x</a>'),
        ("....https://a.com/x", "&hellip;.https://a.com/x"),
        ("it'https://a.com/x", 'it&rsquo;<a href="https://a.com/x">https://a.com/x</a>'),
        ('say "https://a.com/x" ok', 'say &ldquo;<a href="https://a.com/x%22">https://a.com/x&quot;</a> ok'),
        ("<<<<www.a.com", '&laquo;&laquo;<a href="https://www.a.com">www.a.com</a>'),
        ("7 >>www.a.com", '7 &raquo;<a href="https://www.a.com">www.a.com</a>'),
        # e-mail addresses: goldmark's local part, where goldmark tries a link
        ('"jira@apache.org".', '&ldquo;<a href="mailto:jira@apache.org">jira@apache.org</a>&rdquo;.'),
        ("x<br>jira@apache.org", 'x<br><a href="mailto:jira@apache.org">jira@apache.org</a>'),
        ("module sigs.k8s.io/kustomize@v2.0.3 predates",
         'module <a href="mailto:sigs.k8s.io/kustomize@v2.0.3">sigs.k8s.io/kustomize@v2.0.3</a> predates'),
        ("a.b+c!d#e@ex.com and (p@q.org)",
         '<a href="mailto:a.b+c!d#e@ex.com">a.b+c!d#e@ex.com</a> and (<a href="mailto:p@q.org">p@q.org</a>)'),
        (".dot@x.com and -dash@x.com and a@b and a@b.c- and a@b.c_d",
         ".dot@x.com and -dash@x.com and a@b and a@b.c- and a@b.c_d"),
        ("don't@x.com, x@y.com.",
         '<a href="mailto:don\'t@x.com">don\'t@x.com</a>, <a href="mailto:x@y.com">x@y.com</a>.'),
        ("`c`z@y.com and &amp;q@x.com and x\"s@y.com",
         '<code>c</code><a href="mailto:z@y.com">z@y.com</a> and &amp;q@x.com and x&quot;s@y.com'),
        # `_`, `*` and `~` in the local part, which the emphasis and strikethrough rules took
        ("first_last@example.com x", '<a href="mailto:first_last@example.com">first_last@example.com</a> x'),
        ("a*b@x.com y a~b@x.com",
         '<a href="mailto:a*b@x.com">a*b@x.com</a> y <a href="mailto:a~b@x.com">a~b@x.com</a>'),
        ("_a_@x.com w", '_<a href="mailto:a_@x.com">a_@x.com</a> w'),
        ("mail_me@x.io and *em*", '<a href="mailto:mail_me@x.io">mail_me@x.io</a> and <em>em</em>'),
        ("~~a~~b@c.de", '~~<a href="mailto:a~~b@c.de">a~~b@c.de</a>'),
        ("*bold*x_y@a.bc and _em_", '*<a href="mailto:bold*x_y@a.bc">bold*x_y@a.bc</a> and <em>em</em>'),
        ("`code`a_b@c.de", '<code>code</code><a href="mailto:a_b@c.de">a_b@c.de</a>'),
        ("**a**_b@c.de", '**<a href="mailto:a**_b@c.de">a**_b@c.de</a>'),
        ("~~s~~ t_u@v.wx", '<del>s</del> <a href="mailto:t_u@v.wx">t_u@v.wx</a>'),
        ("(a_b@c.de) a_b@c", '(<a href="mailto:a_b@c.de">a_b@c.de</a>) a_b@c'),
        # inside a link label (after a `[` no `]` closed) goldmark links nothing: FixIt's `["https://…"]`
        ('["https://a.com/x"] after https://b.com/y', '[&ldquo;https://a.com/x&rdquo;] after <a href="https://b.com/y">https://b.com/y</a>'),
        ('[see https://a.com/x]', '[see https://a.com/x]'),
        ('[a@b.com] and [www.a.com]', '[a@b.com] and [www.a.com]'),
        ('[x] https://a.com/x', '[x] <a href="https://a.com/x">https://a.com/x</a>'),
        ('[[a] https://a.com/x]', '[[a] https://a.com/x]'),
        ('\\[https://a.com/x', '[https://a.com/x'),
        ('`[` https://a.com/x', '<code>[</code> <a href="https://a.com/x">https://a.com/x</a>'),
        ('[a](b) https://a.com/x', '<a href="b">a</a> <a href="https://a.com/x">https://a.com/x</a>'),
        ('![alt https://a.com/x', '![alt https://a.com/x'),
        ('[^1] https://a.com/x', '[^1] <a href="https://a.com/x">https://a.com/x</a>'),
        ('[a]] https://a.com/x', '[a]] <a href="https://a.com/x">https://a.com/x</a>'),
        ('[ [a](b) https://a.com/x ]', '[ <a href="b">a</a> https://a.com/x ]'),
        ('<span title="[">x</span> https://a.com/x', '<span title="[">x</span> <a href="https://a.com/x">https://a.com/x</a>'),
        ('*[* https://a.com/x', '<em>[</em> https://a.com/x'),
        ("&amp;a_b@c.de \\_a_b@c.de",
         '&amp;a_<a href="mailto:b@c.de">b@c.de</a> _a_<a href="mailto:b@c.de">b@c.de</a>'),
    ],
)
def test_linkify_where_goldmark_tries_it(markdown: str, html: str) -> None:
    # After front matter: a page that starts with `-` is front matter to Hugo
    assert render("+++\n+++\n" + markdown + "\n", Markup(unsafe=True)) == f"<p>{html}</p>\n"


def test_embedded_link_hook() -> None:
    doc = parse_document("page.md", b"[a](#frag) [b](other.md#x) [c](nope.md) [d](https://x.org)\n",
                         Markup(embedded_links=True))
    doc = dataclasses.replace(doc, url="/posts/page/", address_writers=(EMBEDDED_WRITER, GOLDMARK_WRITER))
    resolved = {"other.md": "/posts/other/"}
    html = render_document(doc, resolve_ref=lambda use: resolved.get(str(use.positional[0])))
    assert 'href="/posts/page/#frag"' in html
    assert 'href="/posts/other/#x"' in html
    assert 'href="nope.md"' in html
    assert 'href="https://x.org"' in html


def test_task_lists_definition_lists_strikethrough_breaks() -> None:
    html = render("- [ ] todo\n- [x] done\n\nTerm\n: Def\n\n~~old~~ line  \nbreak\\\nagain\nsoft\n")
    assert '<ul>\n<li><input disabled="" type="checkbox"> todo</li>\n' in html
    assert '<li><input checked="" disabled="" type="checkbox"> done</li>' in html
    assert "<dl>\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>" in html
    assert "<del>old</del> line<br>\nbreak<br>\nagain\nsoft" in html


@pytest.mark.parametrize(("source", "html"), [
    ("- [x][y] q", '<li><input checked="" disabled="" type="checkbox"> [y] q</li>'),
    ("- [ ]x", '<li><input disabled="" type="checkbox"> x</li>'),
    ("1. [X]*e*", '<li><input checked="" disabled="" type="checkbox"> <em>e</em></li>'),
    ("- [x](/u) link", '<li><input checked="" disabled="" type="checkbox"> (/u) link</li>'),
    ("- [ ]   spaced", '<li><input disabled="" type="checkbox"> spaced</li>'),
])  # fmt: skip
def test_a_task_box_needs_no_blank_after_it(source: str, html: str) -> None:
    """goldmark's task box is `^\\[([\\sxX])\\]\\s*`, tried before links: `- [x][y]` is a
    checked item (Hugo 0.168's output)."""
    assert html in render_document(parse_document("t.md", source.encode(), Markup()))


def test_code_blocks() -> None:
    html = render("```go {linenos=true}\na < b\n```\n\n```\nplain\n```\n\n    indented\n")
    assert '<div class="highlight"><pre tabindex="0"><code class="language-go" data-lang="go">a &lt; b\n</code></pre></div>' in html
    assert '<pre tabindex="0"><code>plain\n</code></pre>' in html
    assert "<pre><code>indented\n</code></pre>" in html


def test_tables() -> None:
    html = render("| a | b |\n|:-:|---|\n| *x* | `y` |\n\n| only | head |\n|---|---|\n")
    assert '<th style="text-align: center">a</th>\n<th>b</th>' in html
    assert '<td style="text-align: center"><em>x</em></td>\n<td><code>y</code></td>' in html
    assert "</thead>\n<tbody>\n</tbody>\n</table>" in html


def test_shortcodes_are_inert_markers() -> None:
    html = render("Text {{< sc a >}} more.\n\n{{< sc >}}\n\n{{% md %}}*inner*{{% /md %}}\n\n[l]({{< param u >}})\n")
    assert '<p>Text <span data-mdcheck-shortcode="sc"></span> more.</p>' in html
    assert '\n<div data-mdcheck-shortcode="sc"></div>\n' in html
    assert html.count('data-mdcheck-shortcode="md"') == 1
    assert "<em>inner</em>" in html
    assert '<a href="" data-mdcheck-shortcode="param">l</a>' in html


def test_ref_and_relref_use_the_resolver() -> None:
    text = '[a]({{< relref "other.md" >}}) see {{< ref "other.md#x" >}} and {{% relref "nope" %}}.\n'
    urls = {"other.md": "/other/", "other.md#x": "https://example.org/other/#x"}
    html = render(text, resolve_ref=lambda use: urls.get(str(use.positional[0])))
    assert html == '<p><a href="/other/">a</a> see https://example.org/other/#x and .</p>\n'
    not_found = render(text, resolve_ref=lambda use: None)
    assert not_found == '<p><a href="">a</a> see  and .</p>\n'
    unknown = '<p><a href="" data-mdcheck-shortcode="relref">a</a> see <span data-mdcheck-shortcode="ref"></span>'
    assert render(text).startswith(unknown)  # no resolver: the output is unknown


def test_highlight_shortcode_renders_its_inner_text() -> None:
    html = render("Intro\n\n  {{< highlight html >}}\n  <p>x</p>\n  {{< /highlight >}}\n\n{{< highlight >}}y{{< /highlight >}}\n")
    assert '<div class="highlight"><pre tabindex="0"><code class="language-html" data-lang="html">&lt;p&gt;x&lt;/p&gt;</code></pre></div>' in html
    assert '<pre tabindex="0"><code>y</code></pre>' in html


def test_shortcode_comments_print_their_call() -> None:
    html = render('Use {{</* sc "a" */>}}.\n\nOr {{%/* md */%}}.\n\n```\n{{</* x */>}}\n```\n')
    assert html == (
        "<p>Use {{&lt; sc &ldquo;a&rdquo; &gt;}}.</p>\n<p>Or {{% md %}}.</p>\n"
        '<pre tabindex="0"><code>{{&lt; x &gt;}}\n</code></pre>\n'
    )


def test_heading_with_shortcode_is_marked() -> None:
    html = render("## Title {{< sc >}}\n")
    assert "data-mdcheck-shortcode=" in html.split("\n")[0].split(">")[0]


def test_shortcode_placeholders_inside_unsafe_raw_html() -> None:
    text = '<a href="{{< relref "x" >}}">x</a> <b>{{< sc >}}</b>\n'
    html = render(text, Markup(unsafe=True), resolve_ref=lambda use: "/x/")
    assert html == '<p><a href="/x/">x</a> <b><span data-mdcheck-shortcode="sc"></span></b></p>\n'


def test_unknown_shortcode_output_in_a_raw_html_tag_marks_the_element() -> None:
    """docsy-example's home page: `<a {{% _param btn-lg %}} href="{{% param github_repo %}}">`.
    The link's destination is unknown, not empty: no html rule may read it."""
    from validator.html import parse_page

    text = '<div>\n<a {{% _param btn %}} href="{{% param repo %}}">Get</a>\n<a href="/ok/">Ok</a>\n</div>\n'
    page = parse_page("index.html", render(text, Markup(unsafe=True)).encode(), "/")
    assert [link.url for link in page.links] == ["/ok/"] and page.unknown_output


# Differences that come from the parse (validator/markdown.py, document.py), not the renderer;
# the expected HTML is what hugo 0.168 printed.
@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("H~2~O", "H<del>2</del>O"),
        ("~~a~", "~<del>a</del>"),
        ("~a~~", "<del>a</del>~"),
        ("x~~y~z~~", "x<del>y~z</del>"),
        ("a~b~~c~d", "a<del>b~~c</del>d"),
        ("~a ~~b~~ c~", "<del>a <del>b</del> c</del>"),
        ("~5 min and ~10~", "~5 min and <del>10</del>"),
        ("~~a~~~", "~~a~~~"),
        ("~ a ~", "~ a ~"),
        ("*~a~*", "<em><del>a</del></em>"),
    ],
)
def test_strikethrough_takes_one_or_two_tildes(source: str, html: str) -> None:
    assert render(source + "\n") == f"<p>{html}</p>\n"


def test_guillemets_around_a_word() -> None:
    """goldmark's typographer takes `<<` before raw HTML is tried at the second `<`."""
    assert render("<<x>>\n") == "<p>&laquo;x&raquo;</p>\n"
    assert render("cat <<EOF >out\n") == "<p>cat &laquo;EOF &gt;out</p>\n"
    assert render("a <<<b> c, <<https://x.com>\n") == (
        '<p>a &laquo;<!-- raw HTML omitted --> c, &laquo;<a href="https://x.com">https://x.com</a>&gt;</p>\n'
    )


def test_bare_url_before_a_backslash_break() -> None:
    """goldmark's address stops at the backslash (no URL character), as at any non-ASCII."""
    html = render("see https://x.org/a\\\nnext\n")
    assert html == '<p>see <a href="https://x.org/a">https://x.org/a</a><br>\nnext</p>\n'


def test_two_shortcode_comments_in_a_paragraph() -> None:
    html = render('Use {{</* sc "a" */>}} or {{%/* md */%}}.\n')
    assert html == "<p>Use {{&lt; sc &ldquo;a&rdquo; &gt;}} or {{% md %}}.</p>\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#*_-`~[]()!<>&;:\"'{}%/^|\\ \n\tax1.é")), max_size=300))
def test_never_raises(text: str) -> None:
    for markup in (Markup(), Markup(unsafe=True, auto_definition_term_id=True, xhtml=True)):
        doc = parse_document("page.md", text.encode(), markup)
        assert isinstance(render_document(doc, resolve_ref=lambda use: None), str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    doc = parse_document("page.md", text.encode("utf-8", "surrogatepass"))
    assert isinstance(render_document(doc), str)


# --- differential test against hugo ---------------------------------------------------------

WORDS = ["alpha", "beta", "Gamma", "café", "naïve", "日本語", "x_y", "2024", "Q&A", "end"]
INLINE = [
    "*em*", "**strong**", "_under_", "`code`", "~~gone~~", "[link](https://example.com/a)",
    "[frag](#some-id)", "[rel](other.md#x)", '[titled](/abs/path "Title")', "<https://auto.example.org>",
    "www.example.org", "https://bare.example.net/x", "![alt text](img.png)", '![t](a.png "T")',
    '<abbr title="x">GIF</abbr>', "H<sub>2</sub>O", "<br>", "<!-- comment -->", "<kbd>k</kbd>",
    "&amp;", "&copy;", "&#39;", "&nbsp;", '"quoted"', "it's", "'single'", "--", "---", "...",
    "<< x >>", "[^1]", "[^note]", "[^missing]", "\\*", "\\_", "foo@example.com", "1 < 2 > 0",
    '[ref]({{< relref "target.md" >}})', '{{< ref "target.md#frag" >}}', "[**bold** link](#x)",
    "[refstyle][def]", "[def]", "<mail@example.com>", "``code with ` tick``", "*em [in](#link) em*",
    '<span\ntitle="two lines">', "</span>", "<?php echo 1; ?>", "<![CDATA[x]]>", "<custom-tag>",
    '"open', "close\"", "'90s", "don't", "**\"bold quote\"**", "5'10\"", "a|b", "[^1] twice [^1]",
    "<!-- more -->", "&unknown;", "&#x1F600;", "__dunder__", "***both***",
]
SHORTCODE_INLINE = ["{{< sc >}}", "{{% sc %}}"]


def _inline(rng: random.Random, shortcodes: bool) -> str:
    pieces = INLINE + (SHORTCODE_INLINE if shortcodes else [])
    return " ".join(rng.choice(WORDS) if rng.random() < 0.5 else rng.choice(pieces)
                    for _ in range(rng.randint(1, 8)))


def _heading_text(rng: random.Random) -> str:
    parts = [rng.choice(WORDS + ["`code`", "*em*", "[link](#x)", "it's", "a -- b", "Dup", "Dup", "!!!"])
             for _ in range(rng.randint(1, 4))]
    return " ".join(parts)


def _block(rng: random.Random, shortcodes: bool) -> str:
    kind = rng.randrange(20)
    text = _inline(rng, shortcodes)
    if kind == 0:
        return f"{'#' * rng.randint(1, 6)} {_heading_text(rng)}"
    if kind == 1:
        attrs = rng.choice(["{#custom-id}", "{.cls}", "{#dup .a .b}", "{#dup}"])
        return f"## {_heading_text(rng)} {attrs}"
    if kind == 2:
        return f"{_heading_text(rng)}\n{rng.choice(['===', '---'])}"
    if kind == 3:
        # (a bare URL must not end a line before a backslash break: see render.py's notes)
        return f"{text}  \n{_inline(rng, shortcodes)} end\\\n{_inline(rng, shortcodes)}\n{_inline(rng, shortcodes)}"
    if kind == 4:
        items = [f"- {rng.choice(['[ ] ', '[x] ', ''])}{_inline(rng, shortcodes)}" for _ in range(3)]
        return "\n".join(items) + f"\n  - nested {_inline(rng, shortcodes)}"
    if kind == 5:
        return f"1. {text}\n\n2. {_inline(rng, shortcodes)}\n\n   > quoted {_inline(rng, shortcodes)}"
    if kind == 6:
        return f"> {text}\n> {_inline(rng, shortcodes)}"
    if kind == 7:
        language = rng.choice(["go", "python", "", "html {linenos=false}"])
        return f"```{language}\ncode <b>{rng.choice(WORDS)}</b> & \"x\" it's {{{{</* sc */>}}}}\n```"
    if kind == 8:
        return f"    indented <i>{rng.choice(WORDS)}</i>"
    if kind == 9:
        align = rng.choice(["---", ":--", ":-:", "--:"])
        return f"| {rng.choice(WORDS)} | b |\n|{align}|---|\n| {text} | `c` |\n| x |"
    if kind == 10:
        return rng.choice([
            "<div>\n*not md*\n</div>",
            "<script>\nvar x = 1;\n</script>",
            "<!-- block comment -->",
            "<!--\nmulti-line\ncomment\n-->",
            "<details><summary>S</summary>\n\nInside *md*\n\n</details>",
            "<pre>\npre text\n</pre>",
            '<p align="center">para</p>',
            "<style>p{}</style>",
        ])
    if kind == 11:
        return f"{rng.choice(WORDS)} term\n: {text}\n\nSecond {rng.choice(WORDS)}\n: {_inline(rng, shortcodes)}"
    if kind == 12:
        return rng.choice(["***", "- - -", "___"])
    if kind == 13:
        return rng.choice([
            f"3. {text}\n4. [ ] {_inline(rng, shortcodes)}",
            f"- {text}\n\n  second paragraph\n- {_inline(rng, shortcodes)}",
            f"> - {text}\n>   > {_inline(rng, shortcodes)}",
            f"## {rng.choice(WORDS)} ##\n\n#\n\n### Note[^1] {rng.choice(WORDS)}",
            f"Line one {rng.choice(WORDS)}\nline two\n---",
            f"{text}\n<div>\ninterrupts\n</div>",
            f"  <section>\n  {text}\n  </section>",
            f"| a \\| b | c |\n|---|---|\n| {text} |",
            f"[def]: https://def.example/x \"Def\"\n\n{text}",
            f"Term {rng.choice(WORDS)}\n\n: loose {text}",
        ])
    if kind == 14 and shortcodes:
        return rng.choice(["{{< sc >}}", "{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}", "{{% sc %}}"])
    return text


def _generated_page(rng: random.Random, shortcodes: bool) -> str:
    blocks = [_block(rng, shortcodes) for _ in range(rng.randint(3, 14))]
    if rng.random() < 0.4:
        blocks.insert(rng.randint(1, len(blocks)), "<!--more-->")
    if rng.random() < 0.3:
        blocks.insert(0, "[^note]: Defined first, refers to [^1].")
    blocks.append("[^1]: First note with a [link](https://n.example).")
    if rng.random() < 0.7:
        blocks.append("[^note]: Named *note*.\n\n    continued paragraph")
    blocks.append("[^unused]: Never referenced.")
    return "+++\ntitle = 'generated'\n+++\n\n" + "\n\n".join(blocks) + "\n"


def _basic_example_posts() -> dict[str, str]:
    """hugoBasicExample's posts: its content folder, or the last commit that had one."""
    root = Path("/tmp/real/hugoBasicExample")
    posts = {path.name: path.read_text() for path in sorted(root.glob("content/post/*.md"))}
    if posts or not (root / ".git").exists():
        return posts
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False).stdout

    for commit in git("log", "--format=%H", "--", "content/post").split():
        names = [n for n in git("ls-tree", "--name-only", commit, "content/post/").split()
                 if n.endswith(".md") and not n.endswith("_index.md")]
        if names:
            return {Path(name).name: git("show", f"{commit}:{name}") for name in names}
    return {}


SHORTCODE_TEMPLATES = {
    # No output: only the Markdown's own structure is compared (no network needed either).
    "sc.html": "",
    "youtube.html": "",
    "vimeo_simple.html": "",
    "twitter_simple.html": "",
}
KNOWN_SHORTCODES = frozenset({"ref", "relref", "highlight"})


def _resolver(use: ShortcodeUse) -> str | None:
    path, _, fragment = str(use.positional[0] if use.positional else "").partition("#")
    if path != "target.md":
        return None
    prefix = "https://example.org" if use.name == "ref" else ""
    return f"{prefix}/target/" + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class Shape:
    ids: list[tuple[str, str]]
    urls: list[str]
    headings: list[str]
    omitted: list[str]
    text: str
    classes: list[tuple[str, str]]  # of the Markdown's own blocks (tables, paragraphs, lists…)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _shape(html: str) -> Shape:
    soup = BeautifulSoup(html, "html5lib")
    omitted = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if comment.strip() == "raw HTML omitted":
            preceding = [s for s in comment.find_all_previous(string=True) if not isinstance(s, Comment)]
            omitted.append(_squash("".join(reversed(preceding)))[-40:])
    for marker in soup.select("[data-mdcheck-shortcode]"):
        if marker.name in ("span", "div") and not marker.contents:
            marker.decompose()
    return Shape(
        ids=[(tag.name, tag["id"]) for tag in soup.find_all(id=True)],
        urls=[tag.get("href") or tag.get("src") for tag in soup.find_all(["a", "img"])
              if tag.has_attr("href") or tag.has_attr("src")],
        headings=[_squash(tag.get_text()) for tag in soup.find_all(re.compile(r"^h[1-6]$"))],
        omitted=omitted,
        text=_squash(soup.get_text()),
        classes=[(tag.name, " ".join(tag["class"])) for tag in soup.find_all(class_=True)
                 if tag.name not in ("div", "pre", "code", "span", "a", "sup", "li", "input")],
    )


@dataclass
class Tally:
    pages: int = 0
    text_pages: int = 0
    agree: dict[str, int] | None = None

    def add(self, name: str, equal: bool) -> None:
        self.agree = self.agree or {}
        self.agree[name] = self.agree.get(name, 0) + int(equal)


def _write_site(root: Path, pages: dict[str, str], markup: Markup, templates: dict[str, str]) -> None:
    (root / "content").mkdir(parents=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "_shortcodes").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "render"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
        f"[markup.goldmark.renderer]\nunsafe = {str(markup.unsafe).lower()}\n"
        f"hardWraps = {str(markup.hard_wraps).lower()}\n"
        f"[markup.goldmark.parser]\nautoDefinitionTermID = {str(markup.auto_definition_term_id).lower()}\n"
        f'autoIDType = "{markup.id_type}"\n'
        f"[markup.goldmark.extensions.typographer]\ndisable = {str(not markup.typographer).lower()}\n"
        f"[markup.goldmark.parser.attribute]\nblock = {str(markup.attribute_block).lower()}\n"
        + _passthrough_config(markup)
    )
    (root / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    (root / "layouts" / "_default" / "list.html").write_text("")
    for name, template in {**SHORTCODE_TEMPLATES, **templates}.items():
        (root / "layouts" / "_shortcodes" / name).write_text(template)
    (root / "content" / "target.md").write_text("+++\ntitle = 'target'\n+++\n\n## Frag\n")
    for name, text in pages.items():
        (root / "content" / name).write_text(text)


def _passthrough_config(markup: Markup) -> str:
    if not markup.passthrough:
        return ""
    lists = {
        kind: ", ".join(f"[{json.dumps(a)}, {json.dumps(b)}]" for a, b, block in markup.passthrough_delimiters
                        if block == (kind == "block"))
        for kind in ("block", "inline")
    }
    return (
        "[markup.goldmark.extensions.passthrough]\nenable = true\n"
        "[markup.goldmark.extensions.passthrough.delimiters]\n"
        f"block = [{lists['block']}]\ninline = [{lists['inline']}]\n"
    )


MATH = (("\\[", "\\]", True), ("$$", "$$", True), ("\\(", "\\)", False))
_MATH_PIECES = (
    "word", "**bold**", "*em*", "[link](/u)", "[a][b]", "`code \\(x\\)`", "\\(a_1 *b* [x][y]\\)",
    "\\(x<b>y\\)", "$$x*y*$$", "\\[ *m* [^1] \\]", "\\\\(esc\\)", "\\(\\)", "\\( unclosed", "$$", "_u_",
    "<kbd>K</kbd>", "https://x.org/a", "'q'", "--", "\\(", "\\)", "\\[", "\\]", "\\\\$$z$$",
)


def _math_page(rng: random.Random) -> str:
    """A page whose paragraphs and headings mix passthrough delimiters with Markdown."""
    blocks = []
    for _ in range(rng.randint(3, 8)):
        words = " ".join(rng.choice(_MATH_PIECES) for _ in range(rng.randint(2, 12)))
        kind = rng.random()
        if kind < 0.2:
            words = f"## {words.replace(chr(10), ' ')}"
        elif kind < 0.35:
            words = words.replace(" ", "\n", rng.randint(1, 3))
        elif kind < 0.45:
            words = f"> {words}"
        elif kind < 0.6:
            words = "\n".join(f"- {item}" for item in words.split(" ", 2))
        elif kind < 0.65:
            words = "\n\n".join(f"1. {item}" for item in words.split(" ", 1))
        elif kind < 0.7:
            words = f"| a | b |\n|---|---|\n| {words} | x |"
        blocks.append(words)
    return "+++\ntitle = 'math'\n+++\n\n" + "\n\n".join(blocks) + "\n"


@pytest.mark.hugo
def test_passthrough_matches_hugo(hugo: str, tmp_path: Path) -> None:
    """Hugo's passthrough extension keeps what lies between its delimiters raw: no link,
    emphasis, raw HTML or typography there, and nothing of it in a heading's id."""
    rng = random.Random(11)
    pages = {f"math-{n}.md": _math_page(rng) for n in range(80)}
    tally, failures = _compare(hugo, tmp_path, pages, Markup(passthrough=True, passthrough_delimiters=MATH))
    assert not failures, "\n".join(failures[:15])


def _compare(
    hugo: str, tmp_path: Path, pages: dict[str, str], markup: Markup, templates: dict[str, str] | None = None,
    compared: Collection[str] = ("ids", "urls", "headings", "omitted", "classes", "text"),
) -> tuple[Tally, list[str]]:
    site = tmp_path / "site"
    _write_site(site, pages, markup, templates or {})
    build_site(hugo, site, tmp_path / "public")
    config = load_site(site)
    tally, failures = Tally(), []
    for name, text in pages.items():
        doc = parse_document(name, text.encode(), markup, config)
        ours = _shape(render_document(doc, resolve_ref=_resolver))
        theirs = _shape((tmp_path / "public" / Path(name).stem / "index.html").read_text())
        tally.pages += 1
        checks: list[tuple[str, Callable[[Shape], object]]] = [
            ("ids", lambda s: s.ids), ("urls", lambda s: s.urls),
            ("headings", lambda s: s.headings), ("omitted", lambda s: s.omitted),
            ("classes", lambda s: s.classes),
        ]
        if not {use.name for use in doc.shortcodes if use.kind != "comment"} - KNOWN_SHORTCODES:
            tally.text_pages += 1
            checks.append(("text", lambda s: s.text))
        for label, get in checks:
            if label not in compared:
                continue
            equal = get(ours) == get(theirs)
            tally.add(label, equal)
            if not equal:
                failures.append(f"{name} {label}:\n  ours  {get(ours)!r}\n  hugo  {get(theirs)!r}")
    return tally, failures


def _pages(seed: int, count: int) -> dict[str, str]:
    rng = random.Random(seed)
    pages = {f"gen-{seed}-{n}.md": _generated_page(rng, shortcodes=n % 3 == 0) for n in range(count)}
    sample = FIXTURES / "site" / "content" / "posts" / "notes-on-backpropagation.md"
    pages["notes-on-backpropagation.md"] = sample.read_text()
    pages.update({f"basic-{name}": text for name, text in _basic_example_posts().items()})
    return pages


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("seed", "markup"),
    [
        (1, Markup()),
        (2, Markup(unsafe=True, auto_definition_term_id=True)),
        (3, Markup(id_type="blackfriday", typographer=False, hard_wraps=True)),
    ],
    ids=["default", "unsafe-term-ids", "blackfriday-plain-hardwraps"],
)
def test_matches_hugo(hugo: str, tmp_path: Path, seed: int, markup: Markup) -> None:
    tally, failures = _compare(hugo, tmp_path, _pages(seed, 150), markup)
    summary = ", ".join(f"{k} {v}/{tally.text_pages if k == 'text' else tally.pages}"
                        for k, v in (tally.agree or {}).items())
    print(f"agreement ({seed=}): {summary}")
    assert not failures, summary + "\n" + "\n".join(failures[:15])


# Templates that render a call's content as Markdown, where the call is
CONTENT_TEMPLATES = {"md.html": "{{ .Inner | markdownify }}", "rs.html": "{{ .Inner | .Page.RenderString }}"}


def _content_page(rng: random.Random) -> str:
    """A page whose blocks are in part the content of `md` and `rs` calls, on lines of their
    own, in a list item, inside a paragraph. Not in them: a ref written bare (Hugo puts its
    URL in the content before rendering it, which links it; mdcheck's rendering writes the
    URL as text) and a shortcode comment (Hugo drops it from a call's content)."""
    blocks = []
    for _ in range(rng.randint(3, 10)):
        block, inline = _block(rng, shortcodes=False), _inline(rng, shortcodes=False)
        name = rng.choice(["md", "rs"])
        where = rng.random()
        if where < 0.4:
            block = f"{{{{< {name} >}}}}\n{_unlinked(block)}\n{{{{< /{name} >}}}}"
        elif where < 0.5:
            block = f"- item\n\n  {{{{< {name} >}}}}\n{_unlinked(block)}\n  {{{{< /{name} >}}}}"
        elif where < 0.6:
            block = f"Text {{{{< {name} >}}}}{_unlinked(inline)}{{{{< /{name} >}}}} after."
        blocks.append(block)
    blocks.append("[^1]: A note.")
    return "+++\ntitle = 'contents'\n+++\n\n" + "\n\n".join(blocks) + "\n"


def _unlinked(markdown: str) -> str:
    return markdown.replace('{{< ref "target.md#frag" >}}', "").replace("{{</* sc */>}}", "")


@pytest.mark.hugo
@pytest.mark.parametrize("markup", [Markup(), Markup(unsafe=True)], ids=["default", "unsafe"])
def test_content_a_template_renders_matches_hugo(hugo: str, tmp_path: Path, markup: Markup) -> None:
    """The content of a call whose template renders it (`.Inner | markdownify`,
    `.Inner | .Page.RenderString`) is in mdcheck's rendering as in Hugo's: its links, images,
    ids and headings, its raw HTML omitted (generated pages, checked with hugo 0.168)."""
    rng = random.Random(21)
    pages = {f"content-{n}.md": _content_page(rng) for n in range(120)}
    tally, failures = _compare(hugo, tmp_path, pages, markup, CONTENT_TEMPLATES)
    assert not failures, "\n".join(failures[:15])


BLOCK_ATTRIBUTE_PAGES = {
    "block-attributes.md": """+++
title = 'attributes'
+++
{.start}

| A | B |
|---|---|
| 1 | 2 |
{.dark #t1}

Para text
{.p}

- item
{.l}

> quote
{.q}

Para two

{.alone}

```go
x
```
{.code}

# Heading
{#custom .h}

## Second {#inline}
{#next}

Text {.same}

Text two
{not valid}

Text three
{ .spaced }

- a
- b
  {.inner}

1. one
{#ol}

***
{.hr}

<div>html</div>
{.html}

Term
: def
{.dl}

    {.indented code}
""",
}


@pytest.mark.hugo
def test_block_attributes_match_hugo(hugo: str, tmp_path: Path) -> None:
    """goldmark's block attributes (`parser.attribute.block`): an attribute line below a
    block gives it ids and classes, and is never text; verified on hand-written cases and on
    generated pages with attribute lines added below random blocks (not below a footnote
    definition or its continued paragraphs: goldmark moves those onto the footnotes' `div`,
    a case left out)."""
    rng = random.Random(11)
    pages = dict(BLOCK_ATTRIBUTE_PAGES)
    for n in range(40):
        blocks = _generated_page(rng, shortcodes=False).split("\n\n")
        pages[f"attrs-{n}.md"] = "\n\n".join(
            block + (f"\n{{.c{i} #b{n}-{i}}}" if rng.random() < 0.4 and not block.startswith(("+++", "[^", " ")) else "")
            for i, block in enumerate(blocks)
        )
    tally, failures = _compare(hugo, tmp_path, pages, Markup(attribute_block=True))
    assert not failures, "\n".join(failures[:15])
    assert tally.pages == len(pages)


# `{{% %}}` templates whose output opens an HTML block where they print the call's content
# (HtmlBlockOpening): the content joins it up to its first blank line, or, after a blank
# line, is rendered. Each writes its own class, so that the shapes compare the blocks.
BLOCK_TEMPLATES = {
    "bd.html": '<div class="bd">{{ .Inner }}</div>',
    "bs.html": '<span class="bs">{{ .Inner }}</span>',
    "bm.html": '{{ $c := "bm" }}\n<div class="{{ $c }}">{{ .Inner }}</div>',
    "bn.html": '<div class="bn">\n{{ .Inner }}\n</div>',
    "bt.html": '{{- $c := "bt" -}}\n<div class="{{ $c }}" {{ with .Get 0 }}title="{{ . }}"{{ end }}>{{- .Inner -}}</div>',
}


def _block_page(rng: random.Random) -> str:
    """A page of calls of `BLOCK_TEMPLATES` (files with no newline at their end), each holding
    blocks with links, headings and emphasis: on lines of their own, right after a paragraph,
    in a list item or quote, with the content on the call's line or after a blank line, text
    right after the call or not."""
    blocks = []
    for _ in range(rng.randint(3, 9)):
        name = rng.choice(["bd", "bs", "bm", "bn", "bt"])
        content = _unlinked(_block(rng, shortcodes=False)).replace("[^1]", "")
        second = f"\n\n## After {rng.choice(WORDS)}\n\n[tail](#t-{rng.randrange(9)})"
        body = rng.choice([f"\n{content}\n", f"\n\n{content}\n\n", f"{_unlinked(_inline(rng, False))}\n{content}\n",
                           f"\n[lead](#l-{rng.randrange(9)}) *em*{second}\n"])
        call = f"{{{{% {name} x %}}}}{body}{{{{% /{name} %}}}}"
        # text right after the call, which the block its end may open takes (not modelled after
        # trimmed content, nor after lines of its own, which may end a list first)
        if rng.random() < 0.3 and name in ("bd", "bs", "bt"):
            call += f"\nNext [n](#n-{rng.randrange(9)}) *em*"
        where = rng.random()
        if where < 0.15:
            call = f"Para {rng.choice(WORDS)}\n{call}"
        elif name in ("bm", "bn"):
            pass  # lines of their own, which would leave a list or quote: not modelled there
        elif where < 0.3:
            call = "- item\n  " + call.replace("\n", "\n  ")
        elif where < 0.4:
            call = "> " + call.replace("\n", "\n> ")
        blocks.append(call)
    blocks.append("[^1]: A note.")
    return "+++\ntitle = 'blocks'\n+++\n\n" + "\n\n".join(blocks) + "\n"


@pytest.mark.hugo
@pytest.mark.parametrize("markup", [Markup(), Markup(unsafe=True)], ids=["default", "unsafe"])
def test_content_joining_a_template_html_block_matches_hugo(hugo: str, tmp_path: Path, markup: Markup) -> None:
    """A `{{% %}}` call's content that joins the HTML block its template opens is in
    mdcheck's parse and rendering as in Hugo's: no link, heading or id of its own up to its
    first blank line (generated pages, checked with hugo 0.168). The HTML the templates write
    themselves is not in mdcheck's rendering (a call is a marker there): their classes, and
    their tags Hugo omits without `unsafe`, are not compared."""
    rng = random.Random(5)
    pages = {f"blocks-{n}.md": _block_page(rng) for n in range(120)}
    tally, failures = _compare(hugo, tmp_path, pages, markup, BLOCK_TEMPLATES, ("ids", "urls", "headings"))
    assert not failures, "\n".join(failures[:15])


# Where goldmark reads by an older CommonMark than markdown-it: a declaration is `<!` and a
# capital letter, a definition starts with `:` alone
GOLDMARK_OLDER_PAGES = {
    "declarations.md": (
        "+++\ntitle = 'd'\n+++\n\n<!doctype html>\n\nInline <!doctype html> and <!DOCTYPE html>, <!x y>.\n\n"
        "<!DOCTYPE html>\n\n<!element x>\n"
    ),
    "tildes.md": (
        "+++\ntitle = 't'\n+++\n\nGreat post\n~ gRPC Maintainers\n\nTerm\n: Definition\n\nNext term\n"
        "~ not a definition\n\nLast\n: one\n~ two\n\nA term\n\n~ after a blank\n"
    ),
}


@pytest.mark.hugo
@pytest.mark.parametrize("markup", [Markup(), Markup(unsafe=True)], ids=["default", "unsafe"])
def test_what_goldmark_reads_by_an_older_commonmark_matches_hugo(hugo: str, tmp_path: Path, markup: Markup) -> None:
    tally, failures = _compare(hugo, tmp_path, GOLDMARK_OLDER_PAGES, markup)
    assert not failures, "\n".join(failures)
    assert tally.pages == len(GOLDMARK_OLDER_PAGES)


FENCE_IDS = '``` {#nolang}\nx\n```\n\n```go {.c #withclass}\nx\n```\n\n```go {#a id="b"}\nx\n```\n\n```go {id=12}\nx\n```\n\n~~~go {#tilde linenos=table}\nx\n~~~\n\n```go {title="a#b"}\nx\n```\n'


@pytest.mark.hugo
@pytest.mark.parametrize("setting", ["", "guessSyntax = true", "codeFences = false"])
def test_a_fence_id_is_on_its_highlight_wrapper_as_hugo_writes_it(hugo: str, tmp_path: Path, setting: str) -> None:
    """`{#x}` or `{id="x"}` (the last wins) names a code block Hugo highlights: one with a
    language, or any with guessSyntax; none with codeFences off. Hugo writes the id on the
    highlight wrapper."""
    (tmp_path / "hugo.toml").write_text(f'baseURL = "https://example.org/"\n[markup.highlight]\n{setting}\n')
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts/single.html").write_text("{{ .Content }}")
    (tmp_path / "content").mkdir()
    (tmp_path / "content/p.md").write_text(f"---\ntitle: P\n---\n\n{FENCE_IDS}")
    build_site(hugo, tmp_path, tmp_path / "public")
    written = re.findall(r'<div class="highlight[^"]*" id="([^"]*)"', (tmp_path / "public/p/index.html").read_text())
    expected = {"": ["withclass", "b", "12", "tilde"], "guessSyntax = true": ["nolang", "withclass", "b", "12", "tilde"]}
    assert written == expected.get(setting, [])
    doc = parse_document("p.md", FENCE_IDS.encode(), load_site(tmp_path).markup)
    assert re.findall(r'<div class="highlight" id="([^"]*)"', render_document(doc)) == written
    assert set(written) <= doc.ids and not {"nolang", "withclass", "b"} - set(written) & doc.ids

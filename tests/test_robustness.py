"""Random and hostile input through the whole pipeline: findings, never an exception."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site, check_text
from validator.checks.core.build_failed import build_errors
from validator.config import load_preset
from validator.engine import Plan, Rendering, Target, check_file, run
from validator.files import read_at_most
from validator.html import HtmlLink
from validator.published import Locator, SourceLink, SourcePage
from validator.registry import RULES
from validator.report import FORMATS, Summary, render
from validator.settings import HtmlBlockOpening, Markup, SiteConfig
from validator.site import SiteConfigError, load_site
from validator.spelling import Speller
from validator.targets import collect_targets

PIECES = [
    "+++", "---", "{", "}", "\n", " ", "  ", "\t", "#", "## ", "> ", "- ", "1. ", "* ", "`", "```",
    "~~~", "    ", "[", "]", "(", ")", "![", "[^1]", "[^1]: ", "<!--more-->", "<!-- ", " -->",
    "<!-- mdcheck-disable ", "<!-- mdcheck-disable-next-line broken-anchor -->", "{{<", ">}}",
    "{{%", "%}}", "/*", "*/", "/>}}", "{{< /", '"', "'", "=", "|", "---|", "<b>", "</b>", "<a id=x>",
    "&amp;", "&#x", "\\", "{#id}", "{.c}", "title = ", "title: ", "date = 2024-01-01", "é", "🎉",
    "日本", "\r", "\r\n", "\ufeff", "relref", "highlight", "#frag", "x", "word", ":", "HAHAHUGOSHORTCODE9HBHB",
    "\\(", "\\)", "$$", "\\[", "\\]",
    "~", "~~", "https://a.b/c", "http:", "www.a.b", "ftp://x.y/z", "。", ")", ";", "&amp;", "<kbd>", "-->",
    "#+", "#+title: ", "#+slug: ", "#+tags[]: ", "draft: true", "!!python/object ", "!x ",
]

text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
# Hugo's delimiters for math, as its documentation sets them
MATH_DELIMITERS = (("\\[", "\\]", True), ("$$", "$$", True), ("\\(", "\\)", False))
markups = st.builds(
    Markup,
    unsafe=st.booleans(),
    id_type=st.sampled_from(["github", "github-ascii", "blackfriday"]),
    attribute_title=st.booleans(),
    attribute_block=st.booleans(),
    auto_heading_id=st.booleans(),
    passthrough=st.booleans(),
    passthrough_delimiters=st.just(MATH_DELIMITERS),
)


def _plan(markup: Markup) -> Plan:
    config = load_preset("strict", RULES)
    return Plan(
        rules=tuple(RULES[r] for r in config.rules if RULES[r].check and RULES[r].stage == "source"),
        settings=config.rules,
        # `n`: a shortcode whose template opens an HTML block before its content (HtmlBlockOpening)
        site=SiteConfig(
            markup=markup, shortcodes=frozenset({"n"}), shortcodes_with_inner=frozenset({"n"}),
            shortcodes_opening_html_block=(("n", HtmlBlockOpening(True, True, False, False, "<div>{{ .Inner }}")),),
        ),
        known=frozenset(RULES),
        max_file_size=config.max_file_size,
        embedded=True,  # the embedded renderer and the HTML parser run on every case too
        sources=True,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=text, markup=markups)
def test_random_markdown_never_raises(tmp_path: Path, body: str, markup: Markup) -> None:
    path = tmp_path / "random.md"
    path.write_bytes(body.encode("utf-8"))
    problems = check_file(Target(str(path), "random.md"), _plan(markup)).problems
    crashes = [p.message for p in problems if p.rule == "internal-error"]
    assert not crashes, crashes
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
    for fmt in FORMATS:
        render(problems, fmt, summary=Summary(files=1), rules=RULES)


# What pages of one site say of each other: links, refs and fragments into the other pages.
SITE_PIECES = [
    "[a](/posts/p1/)", "[b](/posts/p0/#x)", "[c](p1.md)", "[d](../p2/#h)", "{{< relref \"p1.md\" >}}",
    '{{< ref "p0.md#x" >}}', "{{< ref \"/posts/p2\" >}}", "(#x)", "## x\n", "aliases: [/a/]\n",
    'aliases = ["/a/"]\n', "url: /posts/p0/\n", 'slug = "p1"\n', "title: Headng\n", "<a href=\"/posts/p1/#x\">",
]
# Calls of the templates below: content rendered apart, as the page's or the home page's
CALL_PIECES = [
    "{{< note >}}", "{{< /note >}}", "{{< tabs >}}", "{{< /tabs >}}", "{{% tab %}}", "{{% /tab %}}",
    "{{< tab >}}", "{{< /tab >}}", '{{% include "/posts/p1" %}}', '{{< param "x" >}}', "[n](#x)", "[m](p2.md#h)",
]
site_text = st.lists(st.sampled_from(PIECES + SITE_PIECES + CALL_PIECES), max_size=40).map("".join)
TEMPLATES = {
    "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | markdownify }}</div>',
    "layouts/_shortcodes/tabs.html": "<div>{{ .Inner }}</div>",
    "layouts/_shortcodes/tab.html": "{{ .Inner | .Page.RenderString }}",
    "layouts/_shortcodes/include.html": "{{ with site.GetPage (.Get 0) }}{{ .RenderShortcodes }}{{ end }}",
}
CONFIGS = [
    "",
    '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n[params]\nx = "/posts/p0/#x"\n',
    'defaultContentLanguage = "en"\n[languages.en]\n[languages.fr]\n',
]


@settings(max_examples=150, deadline=None)
@given(
    pages=st.lists(site_text, min_size=1, max_size=5),
    markup=markups,
    cache=st.booleans(),
    config=st.sampled_from(CONFIGS),
    templates=st.booleans(),
)
def test_random_sites_never_raise(pages: list[str], markup: Markup, cache: bool, config: str, templates: bool) -> None:
    """Whole sites of random pages through every stage: source, site and rendered rules
    (the embedded renderer), the result cache, every output format; with shortcode
    templates that render content apart or not, and Hugo's link hook or languages."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n' + config, "utf-8")
        for name, template in TEMPLATES.items() if templates else ():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(template, "utf-8")
        for number, body in enumerate(pages):
            name = {3: "posts/_index.md", 4: "_index.md"}.get(number, f"posts/p{number}.md")
            (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
            (root / "content" / name).write_bytes(body.encode("utf-8"))
        site = dataclasses.replace(load_site(root), markup=markup)
        preset = load_preset("strict", RULES)
        targets = collect_targets([], preset, site, root)
        outcome = run(targets, preset, site, RULES, jobs=1, rendering=Rendering(), cache=cache)
    crashes = [p.message for p in outcome.problems if p.rule == "internal-error"]
    assert not crashes, crashes
    for fmt in FORMATS:
        render(outcome.problems, fmt, summary=Summary(files=len(targets)), rules=RULES)


# Front matter keys Hugo reads, and values of every wrong type, out of range or path-breaking
FRONT_MATTER_KEYS = (
    "title", "date", "publishDate", "expiryDate", "lastmod", "draft", "weight", "slug", "url", "aliases", "type",
    "layout", "tags", "categories", "summary", "description", "linkTitle", "headless", "build", "cascade", "outputs",
    "resources", "translationKey", "markup", "params", "sitemap", "menus", "keywords", "isCJKLanguage", "lang",
)
FRONT_MATTER_VALUES = (
    "5", '"x"', "true", "[]", '[1, "a"]', "{}", "[{}]", "[[1]]", "-1", "1e400", "inf", "nan", '"../../etc"', '"/"',
    '""', '"\\u0000"', '"a\\u0000b"', "2024-12-31", "1979-05-27T07:32:00Z", '"2024-02-30"', '{render = "never"}',
    "{list = 5}", "{_target = {path = 5}}", "[{src = 5, name = []}]", '"/a/../../b/"', '"%zz"', '"//x"', '"#x"',
    "9223372036854775808",
)


@pytest.mark.parametrize("value", FRONT_MATTER_VALUES)
def test_hostile_front_matter_values_never_stop_the_run(tmp_path: Path, value: str) -> None:
    """Every key Hugo reads set to one hostile value (a term or slug with a NUL character, a
    path no file system takes; an infinite weight; a date out of range): findings or
    nothing, never an exception."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    front_matter = "".join(f"{key} = {value}\n" for key in FRONT_MATTER_KEYS)
    body = "\n## H\n\n[a](/posts/p0/) [b](p1.md) {{< ref \"p0\" >}}\n"
    (tmp_path / "content" / "posts" / "p0.md").write_text(f"+++\n{front_matter}+++\n{body}", "utf-8")
    (tmp_path / "content" / "posts" / "p1.md").write_text(f"+++\ntitle = 'P1'\n+++\n{body}", "utf-8")
    preset = load_preset("strict", RULES)
    site = load_site(tmp_path)
    outcome = run(collect_targets([], preset, site, tmp_path), preset, site, RULES, jobs=1, rendering=Rendering())
    assert not [p.message for p in outcome.problems if p.rule == "internal-error"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.md"
    path.write_bytes(data)
    problems = check_file(Target(str(path), "bytes.md"), _plan(Markup())).problems
    assert not [p for p in problems if p.rule == "internal-error"]


@pytest.mark.parametrize(
    "body",
    [
        "[" * 20000,
        "*" * 20000,
        "> " * 3000 + "x",
        "".join("  " * i + "- x\n" for i in range(400)),
        "{{< x " * 5000,
        "## h\n" * 5000,
        "<!--more-->" * 5000,
        "x" * 2_000_000,
        "+++\n" + "a = [" * 2000,
        "---\n" + "- " * 5000 + "\n---\n",
    ],
    ids=["brackets", "stars", "blockquotes", "lists", "shortcodes", "headings", "dividers",
         "long-line", "toml-nesting", "yaml-nesting"],
)
def test_pathological_input_finishes(tmp_path: Path, body: str) -> None:
    path = tmp_path / "big.md"
    path.write_text(body, "utf-8")
    problems = check_file(Target(str(path), "big.md"), _plan(Markup())).problems
    assert not [p.message for p in problems if p.rule == "internal-error"]


def _seconds(tmp_path: Path, body: str, plan: Plan) -> float:
    path = tmp_path / "big.md"
    path.write_text(body, "utf-8")
    started = time.process_time()
    problems = check_file(Target(str(path), "big.md", content_path="big.md"), plan).problems
    seconds = time.process_time() - started
    assert not [p.message for p in problems if p.rule == "internal-error"]
    return seconds


SAMPLE = (Path(__file__).parent.parent / "fixtures/site/content/posts/notes-on-backpropagation.md").read_text("utf-8")

# (body of size n, the hostile size n): each is checked at n / 4 and at n.
HOSTILE = {
    "brackets": (lambda n: "[" * n, 40_000),
    "stars": (lambda n: "*" * n, 40_000),
    "brackets-and-stars": (lambda n: "[a *b " * n, 20_000),
    "blockquotes": (lambda n: "> " * n + "x", 4_000),
    "nested-lists": (lambda n: "- " * n + "x", 4_000),
    "headings": (lambda n: "## h\n" * n, 20_000),
    "long-line": (lambda n: "word " * n, 400_000),  # a 2 MB line
    "links-in-one-paragraph": (lambda n: "[a](#b) " * n, 50_000),
    "www-in-one-paragraph": (lambda n: "www. www.a.com/x " * n, 50_000),
    # addresses inside a link label, which no link is made of: the pending text grows
    "addresses-in-an-open-label": (lambda n: "[ " + "a@b.co www.a.com https://a.com " * n, 20_000),
    "unmatched-delimiters-in-a-heading": (lambda n: "## " + "*a _b ~~c [d " * n, 10_000),
    "task-list": (lambda n: "- [ ] task\n" * n, 20_000),
    "html-blocks": (lambda n: "<div id=x>\n\n" * n, 20_000),
    "shortcodes": (lambda n: "{{< x >}} {{% y %}}\n" * n, 20_000),
    "markdown-calls-on-one-line": (lambda n: "x\n\n" + "{{% y %}} " * n, 40_000),
    "stray-closing-tags": (lambda n: "x\n\n" + "{{< x >}}{{% /y %}}" * n, 20_000),
    # Markdown calls in a call's content, parsed apart for their headings, side by side and nested
    "markdown-calls-in-a-call": (lambda n: "{{< t >}}\n" + "{{% c %}}\n## H\n{{% /c %}}\n" * n + "{{< /t >}}\n", 8_000),
    "nested-markdown-calls-in-a-call": (lambda n: "{{< t >}}\n" + "{{% c %}}\n## H\n" * n + "{{% /c %}}\n" * n + "{{< /t >}}\n", 8_000),
    "attribute-lines": (lambda n: "- x\n" * n + "{.a #b}\n" * n, 20_000),
    "unclosed-comments": (lambda n: "<!-- " * n, 30_000),
    "repeated-words-on-one-line": (lambda n: "the the " * n, 40_000),
    "inline-tags-on-one-line": (lambda n: "<kbd>a</kbd><sub>b</sub> <!-- c --> " * n, 10_000),
    "undefined-references-on-one-line": (lambda n: "[a][b] [c][] x[i][j] " * n, 20_000),
    "markdown-calls-in-code-blocks": (lambda n: "```\n{{% c %}}\n```\n\n" * n, 10_000),
    "highlight-calls-and-footnotes": (lambda n: "{{< highlight go >}}\nx[^1]\n{{< /highlight >}}\n\n[^2] | --- |\n\n" * n, 5_000),
    "alerts": (lambda n: "> [!NOTE]\n> x\n\n" * n, 20_000),
    "headings-without-space-in-a-quote": (lambda n: "> #Heading\n>\n" * n, 20_000),
    "spaced-bold-on-one-line": (lambda n: "** a ** __b __ **" * n, 20_000),
    "unclosed-fences-in-quotes": (lambda n: "> ````\n> # x\n> ```\n\n" * n, 10_000),
    "unclosed-comments-in-list-items": (lambda n: "- <!-- x\n  y\n" * n, 10_000),
    "shortcodes-without-delimiters-on-one-line": (lambda n: '{{ ref "a" }} {{ /details }} {{ x ' * n, 20_000),
    "markdown-in-one-html-block": (lambda n: "<div>\n" + "## a **b** [c](d) <code>e</code>\n" * n, 20_000),
    "unclosed-link-addresses": (lambda n: "[a](b.md " * n + "\n" + "[a](b.md\n" * n, 20_000),
    "links-shown-as-text-on-one-line": (lambda n: "[a](b c) [d] (e.md) (f)[g.md] [h] (" * n, 20_000),
    "long-brackets-shown-as-text": (lambda n: ("[" + "a" * 499 + "](" + "b " * 400) * n, 2_000),
    "refused-addresses-on-one-line": (lambda n: "[a](javascript:x) ![b](data:image/bmp;x) <file:y> " * n, 20_000),
    "unclosed-front-matter-of-dashes": (lambda n: "---\n" + "a: -- ---- b\n" * n, 100_000),
    "front-matter-closed-by-a-long-line": (lambda n: "---\na: 1\n" + "-" * n + "\n", 2_000_000),
    # Each of these once took quadratic time (or exponential, for the line of calls).
    "blank-line": (lambda n: "x\n\n" + " " * n + "\n", 40_000),
    "blanks-in-a-heading-with-attributes": (lambda n: "## a" + " " * n + "b {#x}\n", 40_000),
    "calls-and-text-on-one-line": (lambda n: "x\n\n" + "{{< x >}}" * n + " text\n", 4_000),
    "tag-starts-in-an-html-block": (lambda n: "<div>\n" + "<a " * n + "\n</div>\n", 20_000),
    "bold-openers-on-one-line": (lambda n: "x\n\n" + "**a " * n, 20_000),
    "footnote-openers-on-one-line": (lambda n: "x\n\n" + "[^" * n, 20_000),
    "footnote-openers-with-blanks-on-one-line": (lambda n: "x\n\n" + "[^a \\]" * n, 20_000),
    "footnote-definitions-without-blank-lines": (lambda n: "[^a b]: x\n" * n + "[^a b]" * n, 8_000),
    "placeholders-in-one-word": (lambda n: "x\n\n" + "HAHAHUGOSHORTCODE" * n, 5_000),
    "dots-in-a-call-parameter": (lambda n: 'x\n\n{{< figure src="' + "." * n + '" >}}\n', 200_000),
    "blanks-in-a-paragraph-line": (lambda n: "x\n\n<p>\n" + " " * n + "-\n</p>\n", 40_000),
    "file": (lambda n: SAMPLE * n, 5_000_000 // len(SAMPLE)),  # a 5 MB file
    # Words read for repeats and the site's vocabulary: a long word of marked letters, inner apostrophes
    "marked-letters-in-one-word": (lambda n: "x\n\n" + "a\u0301" * n + " a\u0301", 200_000),
    "apostrophes-in-one-word": (lambda n: "x\n\n" + "a'" * n + " a", 200_000),
    "apostrophes-in-one-accented-word": (lambda n: "x\n\n" + "é’" * n + " é", 200_000),
    "lone-marks-between-words": (lambda n: "x\n\n" + "a \u0301 " * n, 100_000),
    "links-in-nested-calls": (lambda n: "x\n\n" + "{{< a >}}[x](y) " * n + "{{< /a >}}" * n, 4_000),
    # `{{% %}}` calls nested deep: each one's content is rendered apart, inside another's
    "markdown-calls-nested-deep": (lambda n: "{{% a %}}\n" * n + "x\n" + "{{% /a %}}\n" * n, 20_000),
    "markdown-calls-in-calls-nested-deep": (
        lambda n: "{{< a >}}\n{{% b %}}\n## H\n" * n + "x\n" + "{{% /b %}}\n{{< /a >}}\n" * n, 4_000
    ),
    # Passthrough openers without their closer, and passthroughs, on one line
    "unclosed-passthroughs-on-one-line": (lambda n: "x\n\n" + "\\( $$ \\[ a" * n, 40_000),
    "passthroughs-on-one-line": (lambda n: "x\n\n" + "\\(a *b*\\) $$c$$ \\[d\\] " * n, 40_000),
    # E-mail addresses whose local part holds emphasis delimiters, and delimiters before an `@`
    "delimiters-in-addresses-on-one-line": (lambda n: "x\n\n" + "a_b*c~d@e.fg " * n, 20_000),
    "delimiters-before-an-at-on-one-line": (lambda n: "x\n\n" + "_*~a" * n + "@b.cd", 40_000),
    # Bare addresses that goldmark's linkify does not take, in one paragraph
    "addresses-that-are-none-on-one-line": (lambda n: 'http: a@b x"www.a.com a@b.c- ----www.b ' * n, 20_000),
    # Org keywords as front matter, a value with a long run of blanks inside
    "org-keyword-with-blanks": (lambda n: "#+title: a" + " " * n + "b\n#+slug: x\n\nText.\n", 400_000),
    # Options of code highlighting: a long run of letters where a key is sought
    "fence-options-of-letters": (lambda n: "```go {" + "a" * n + "}\nx\n```\n", 80_000),
    "highlight-options-of-letters": (
        lambda n: '{{< highlight go "' + "a" * n + '" >}}\nx\n{{< /highlight >}}\n', 80_000
    ),
    # A page of comments alone (its layout's), on one line
    "comments-alone": (lambda n: "<!-- a --> " * n + "\n", 200_000),
    # Repeats on one line, each read for its line's start and end; headings with shortcodes
    "repeats-on-one-line": (lambda n: "word the the " * n + "\n", 40_000),
    "capitalised-repeats-on-one-line": (lambda n: "word Zork Zork here " * n + "\n", 40_000),
    "headings-with-shortcodes": (lambda n: "".join(f"## H {{{{< x >}}}} {i}\n\n" for i in range(n)), 10_000),
    # Calls whose template opens an HTML block, the content joining it: on lines of their own, on one line
    "calls-opening-html-blocks": (
        lambda n: "".join(f"{{{{% n %}}}}\nText [l](#x{i}) **b**\n{{{{% /n %}}}}\n\n" for i in range(n)), 10_000
    ),
    "calls-opening-html-blocks-on-one-line": (lambda n: "{{% n %}}x [a](#b){{% /n %}} " * n + "\n", 20_000),
    # Old Mac line endings throughout, in TOML front matter too
    "lone-carriage-returns": (lambda n: "+++\rtitle = 'x'\r" + "a = 1\r" * n + "+++\r" + "## h\r- x\r\r" * n, 40_000),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_pathological_input_is_linear(tmp_path: Path, case: str) -> None:
    """Four times the input takes about four times as long: a quadratic step would take 16x
    (the bound, 10x, leaves room for a busy machine).
    (The small size is timed after a warm-up, and short times are floored against noise.)"""
    make, size = HOSTILE[case]
    plan = _plan(Markup(attribute_block=True, passthrough=True, passthrough_delimiters=MATH_DELIMITERS))  # all on
    _assert_linear(case, lambda n: _seconds(tmp_path, make(n), plan), size)


def _assert_linear(case: str, seconds: Callable[[int], float], size: int) -> None:
    """`seconds(size)` is less than 10 times `seconds(size // 4)`, after a warm-up."""
    seconds(size // 40)
    small = max(seconds(size // 4), 0.1)
    large = seconds(size)
    if large >= 10 * small:  # once more, best of two: a busy machine can slow a single run
        small = min(small, max(seconds(size // 4), 0.1))
        large = min(large, seconds(size))
    assert large < 10 * small, f"{case}: {small:.2f} s for n/4, {large:.2f} s for n"


def test_heading_typo_reads_a_long_heading_in_linear_time() -> None:
    """A heading with a long run of blanks, with and without a bracket (a name and handle
    is sought in it), and one with a typo many times."""
    speller = Speller("en", Counter())

    def seconds(n: int) -> float:
        start = time.process_time()
        speller.typos("Seperate A" + " " * n + "b")
        speller.typos("Seperate A" + " " * n + "(x) y")
        speller.typos("the seperate " * (n // 40))  # a typo many times: its compounds sought once
        speller.typos("Meet Samuel Lim " * (n // 40))  # names, each looked for a credit before it
        speller.typos("Set " + "a" * (n // 20))  # one long word: no words one edit away are made of it
        speller.typos("-".join(["sefl", "hosted"] * (n // 400)))  # a chain of compounds: each part's sought once
        return time.process_time() - start

    _assert_linear("long-heading", seconds, 400_000)


# Pages whose many findings the rendered pass maps back to their Markdown lines.
HOSTILE_RENDERED = {
    "a-heading-with-thousands-of-attributes": lambda n: "## H {" + " ".join(f"k{i}=v" for i in range(n)) + "}\n",
    "a-raw-tag-with-thousands-of-attributes": lambda n: "<div " + " ".join(f'a{i}="v"' for i in range(n))
    + ">x</div>\n",
    "a-long-srcset": lambda n: '<img alt="x" srcset="' + "a," * n + '">\n\n<img alt="y" srcset="' + "," * n + '">\n',
    "escaped-shortcodes-on-one-line": lambda n: "{{</* foo */>}}" * n + "\n",
    "undefined-footnotes-on-one-line": lambda n: " ".join(f"[^u{i}]" for i in range(n)) + "\n",
    "display-math-marks-on-one-line": lambda n: "$" * n + "\n",
    "display-math-marks-none-closes": lambda n: "$$( " * n + "\n",
    "images-without-alt": lambda n: "![](a.png) " * n,
    "broken-links": lambda n: "[a](/posts/nope/) " * n,
    "duplicate-ids": lambda n: "<a id=x></a>\n\n" * n,
    "broken-anchors": lambda n: "[a](#nope) " * n,
    # each finding suggests an id among thousands, and is placed at the page's Markdown
    "broken-anchors-among-many-headings": lambda n: "".join(
        f"## Heading {i}\n\n[a](#missing-{i})\n\n" for i in range(n)
    ),
    # links placed before each finding's: same fragment, other pages, none matching another's
    "broken-links-among-links-sharing-a-fragment": lambda n: "".join(
        f"[a](/posts/other/#f) [b](/p{i}/#f) " for i in range(n)
    ),
    "snippets-shown-as-text": lambda n: "Text[^x] and [^y].\n\n" * n,
    "unclosed-calls-in-a-heading": lambda n: "> " + "## www.a.b<kbd>{{%- " * n,
    "unclosed-bold-shown-as-text": lambda n: "- " + "a@b.cd-->\n\n**)>}}" * n,
    "footnotes-and-math-shown-as-text": lambda n: "{{< x >}}\n" + '\n$$"a"- > [^1]' * n,
    "snippets-shown-as-text-on-one-line": lambda n: "a[^x] " * n,
    "anchors-into-headings-of-markdown-calls": lambda n: "[a](#h-9) " * n + "\n\n{{< t >}}\n"
    + "".join(f"{{{{% c %}}}}\n## H {i}\n{{{{% /c %}}}}\n" for i in range(n)) + "{{< /t >}}\n",
    # `{{% %}}` calls inside `{{% %}}` calls: contents rendered apart, with ids of their own
    "markdown-calls-inside-markdown-calls": lambda n: "{{% c %}}\n{{% c %}}\n## Usage\n\n[a](#usage-1) [b](/nope/)\n"
    "{{% /c %}}\n{{% /c %}}\n\n" * (n // 4),
    "markdown-calls-nested-deep": lambda n: "{{% c %}}\n## Usage\n" * (n // 4) + "{{% /c %}}\n" * (n // 4),
    # refs in link definitions, each used by many links
    "refs-in-link-definitions": lambda n: "".join(f"[l][d{i % 50}] " for i in range(n))
    + "\n\n" + "".join(f'[d{i}]: {{{{< ref "/p{i}.md" >}}}}\n' for i in range(50)),
}


def _site_seconds(root: Path, body: str) -> float:
    (root / "content" / "posts" / "big.md").write_text("+++\ntitle = 'Big'\n+++\n\n" + body, "utf-8")
    site = load_site(root)
    config = load_preset("strict", RULES)
    targets = collect_targets([], config, site, root)
    started = time.process_time()
    outcome = run(targets, config, site, RULES, jobs=1, rendering=Rendering())
    seconds = time.process_time() - started
    assert not [p.message for p in outcome.problems if p.rule == "internal-error"]
    return seconds


def test_many_broken_anchors_among_many_headings_are_told_in_linear_time(tmp_path: Path) -> None:
    """A page of n headings and n links to none of them: the ids each suggestion is sought
    among are made once for the page, not once per link (32,000 of each took 30 s)."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "content" / "posts").mkdir(parents=True)

    def seconds(n: int) -> float:
        body = "".join(f"## Heading {i}\n\n" for i in range(n)) + "".join(f"[a](#nope-{i}) " for i in range(n))
        (tmp_path / "content" / "posts" / "big.md").write_text("+++\ntitle = 'Big'\n+++\n\n" + body, "utf-8")
        site = load_site(tmp_path)
        config = load_preset("recommended", RULES)
        targets = collect_targets([], config, site, tmp_path)
        started = time.process_time()
        outcome = run(targets, config, site, RULES, jobs=1)
        assert sum(p.rule == "broken-anchor" for p in outcome.problems) == n
        return time.process_time() - started

    _assert_linear("headings-and-broken-anchors", seconds, 32_000)


@pytest.mark.parametrize("case", HOSTILE_RENDERED)
def test_pathological_page_through_the_rendered_pass_is_linear(tmp_path: Path, case: str) -> None:
    """As test_pathological_input_is_linear, for the whole run with the embedded renderer."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n[markup.goldmark.renderer]\nunsafe = true\n')
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "other.md").write_text("+++\ntitle = 'Other'\n+++\n")
    make = HOSTILE_RENDERED[case]
    _assert_linear(case, lambda n: _site_seconds(tmp_path, make(n)), 8_000)


# Calls whose template renders their content (`.Inner | markdownify`): many, each with a
# link, a heading and a numbered code block; nested deep; one holding many links.
HOSTILE_CONTENTS: dict[str, Callable[[int], str]] = {
    "many-calls": lambda n: "{{< note >}}\n## Same\n\n[a](../gone/) ![](x.png)\n\n```go\nx\ny\n```\n{{< /note >}}\n\n"
    * (n // 10),
    "nested-calls": lambda n: "{{< note >}}\n" * (n // 10) + "[a](../gone/)\n" + "{{< /note >}}\n" * (n // 10),
    "one-call-many-links": lambda n: "{{< note >}}\n" + "[a](../gone/) " * n + "\n{{< /note >}}\n",
}


@pytest.mark.parametrize("languages", ["", "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"])
@pytest.mark.parametrize("case", HOSTILE_CONTENTS)
def test_content_a_template_renders_is_checked_in_linear_time(tmp_path: Path, case: str, languages: str) -> None:
    """mdcheck's rendering renders the content of such calls where they are (and the
    content of a call inside one's stays a marker), placed at the home page in a
    multilingual site (Hugo's embedded link hook): linear in the page's size."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[markup.highlight]\nlineNos = true\nanchorLineNos = true\n' + languages
    )
    (tmp_path / "layouts" / "_shortcodes").mkdir(parents=True)
    (tmp_path / "layouts" / "_shortcodes" / "note.html").write_text("<div>{{ .Inner | markdownify }}</div>")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    _assert_linear(case, lambda n: _site_seconds(tmp_path, HOSTILE_CONTENTS[case](n)), 40_000)


@pytest.mark.hugo
def test_omitted_raw_html_is_placed_in_linear_time(tmp_path: Path, hugo: str) -> None:
    """Each `<!-- raw HTML omitted -->` of Hugo's build is placed at the raw HTML whose
    neighbouring text agrees, sought among a bounded number: the HTML a `{{% %}}` call's
    template writes is omitted, with text beside it that the Markdown does not have (a page
    of 8,000 calls took 4.2 s, 0.9 s after)."""

    def seconds(count: int) -> float:
        root = tmp_path / str(count)
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "layouts" / "_shortcodes").mkdir(parents=True, exist_ok=True)
        (root / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
        (root / "layouts" / "single.html").write_text("<html><body>{{ .Content }}</body></html>")
        (root / "layouts" / "_shortcodes" / "b.html").write_text("<b>{{ .Get 0 }}</b>")
        body = "".join(f'Item {i} {{{{% b "w{i}" %}}}} end.\n\n' for i in range(count))
        (root / "content" / "big.md").write_text("+++\ntitle = 'Big'\n+++\n\n" + body, "utf-8")
        build_site(hugo, root, root / "public")
        site = load_site(root)
        config = load_preset("strict", RULES)
        targets = collect_targets([], config, site, root)
        started = time.process_time()
        outcome = run(targets, config, site, RULES, jobs=1, rendering=Rendering(str(root / "public")))
        elapsed = time.process_time() - started
        assert sum(p.rule == "raw-html-omitted" for p in outcome.problems) >= count
        return elapsed

    _assert_linear("omitted", seconds, 8_000)


def _locating_seconds(count: int) -> float:
    """Locating the links of a built page at their Markdown: refs that found no page (Hugo
    writes them empty), each after a theme's link that no Markdown link made."""
    links = tuple(SourceLink(f"{{{{< relref nope-{i}.md >}}}}", i + 1, 1, f"nope-{i}.md") for i in range(count))
    source = SourcePage("big.md", "/big/", links=links)
    shown = [HtmlLink(url, "a", "href", 1, 1) for i in range(count) for url in (f"/theme/{i}/", "")]
    started = time.process_time()
    locator = Locator(lambda: source, shown)
    located = [locator.link(link) for link in shown]
    seconds = time.process_time() - started
    assert located[1::2] == [(i + 1, 1) for i in range(count)] and not any(located[::2])
    return seconds


def test_locating_links_on_a_page_of_thousands_is_linear() -> None:
    """A link no Markdown link made is compared with a bounded number of them, not with all
    that follow (a 5 MB page built by Hugo took 18 s, 5 s after)."""
    _assert_linear("locating", _locating_seconds, 4_000)


def test_file_over_max_file_size_is_skipped_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_text("# Title\n\n" + "word " * 1000, "utf-8")
    plan = dataclasses.replace(_plan(Markup()), max_file_size=1000)
    problems = check_file(Target(str(path), "huge.md"), plan).problems
    assert [(p.rule, p.line) for p in problems] == [("file-unreadable", 1)]
    assert "max-file-size" in problems[0].message


def test_read_at_most_reads_a_file_whole_or_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"x" * 100)
    assert [len(read_at_most(str(path), limit)) for limit in (1000, 100, 99, 10)] == [100, 100, 100, 11]
    status = "/proc/self/status"  # its size reads as 0, and it holds more
    if os.path.exists(status):
        assert len(read_at_most(status, 10)) == 11 and len(read_at_most(status, 1 << 20)) > 11


def test_checking_a_file_leaves_no_reference_cycles() -> None:
    """engine.run runs the cyclic garbage collector rarely, trusting this: a file's tokens,
    records and rendered page are freed as soon as it is checked."""
    import collections
    import gc

    plan = dataclasses.replace(_plan(Markup()), summary_needs=frozenset({"words", "elements"}), record_reads=True)
    paths = sorted((Path(__file__).parent.parent / "fixtures").rglob("*.md"))
    gc.collect()
    gc.disable()
    try:
        for path in paths:
            check_file(Target(str(path), path.name), plan)
        gc.set_debug(gc.DEBUG_SAVEALL)
        found = gc.collect()
        kinds = collections.Counter(type(thing).__name__ for thing in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert found == 0, kinds.most_common(5)


def _nested_lists(depth: int) -> str:
    return "".join("  " * level + "- x\n" for level in range(depth)) + "\n[after](#after)\n"


@pytest.mark.parametrize("depth", [10, 20, 49])
def test_lists_nested_deep_leave_the_rest_of_the_page_read(tmp_path: Path, depth: int) -> None:
    """markdown-it's commonmark limit (20 levels, ten lists in lists) dropped the rest of the
    page; blocks are read 100 levels deep."""
    problems = check_text(tmp_path, _nested_lists(depth), ["broken-anchor", "file-unreadable"])
    assert [(p.line, p.rule) for p in problems] == [(depth + 2, "broken-anchor")]


def test_blocks_nested_past_the_limit_are_reported(tmp_path: Path, hugo: str) -> None:
    """Hugo renders blocks nested at any depth; past mdcheck's limit, the file gets a finding
    where the deeper blocks start, instead of a silent gap."""
    text = _nested_lists(60) + "\n" + ">" * 3_000 + " q\n"
    problems = check_text(tmp_path, text, ["broken-anchor", "file-unreadable"])
    assert [(p.line, p.column, p.rule) for p in problems] == [(50, 101, "file-unreadable")]
    assert "nested more than 100 levels deep" in problems[0].message
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (site / "layouts").mkdir()
    (site / "layouts" / "single.html").write_text("{{ .Content }}")
    (site / "content" / "deep.md").write_text("---\ntitle: Deep\n---\n" + text)
    build_site(hugo, site, tmp_path / "public")
    html = (tmp_path / "public" / "deep" / "index.html").read_text()
    assert html.count("<ul>") == 60 and html.count("<blockquote>") == 3_000 and 'href="#after"' in html


def test_markdown_in_html_blocks_is_linear(tmp_path: Path) -> None:
    """markdown-in-html-block reads only with raw HTML on: timed so, on one block of many
    lines and unclosed `<code>` tags."""
    plan = _plan(Markup(unsafe=True))

    def make(n: int) -> str:
        return "<div>\n" + "## a **b** [c](d) <code>e</code> <kbd>f\n" * n

    _seconds(tmp_path, make(500), plan)
    small = max(_seconds(tmp_path, make(5_000), plan), 0.1)
    large = _seconds(tmp_path, make(20_000), plan)
    assert large < 10 * small, f"{small:.2f} s for n/4, {large:.2f} s for n"


# Templates a theme could hold (a shortcode's, a link hook, a page template, the template
# of a `_redirects` file), read when the site is loaded and its pages checked.
SHORTCODE, LINK_HOOK = "_shortcodes/x.html", "_markup/render-link.html"
BASE, REDIRECTS, SINGLE = "baseof.html", "index.redirects", "single.html"
HOSTILE_TEMPLATES = {
    "unclosed-actions": (SHORTCODE, lambda n: "<b>x</b>" + "{{ " * n),
    "withs-and-ids": (SHORTCODE, lambda n: '{{ with .Get 0 }}<a id="{{ . }}">' * n),
    "id-parameters": (SHORTCODE, lambda n: '<a id="{{ .Get "x" }}">' * n),
    "branches": (SHORTCODE, lambda n: "{{ if .x }}<b>{{ else }}" * n),
    "unclosed-comments": (SHORTCODE, lambda n: "{{/* " * n),
    "link-hook-assignments": (
        LINK_HOOK, lambda n: 'GetPage <a href="{{ $l }}">{{ $l := .Destination }}' + "{{ $l = " * n
    ),
    "ids-of-a-page-template": (BASE, lambda n: "<b id=x id='y' id=" * n),
    # a page template's blocks, and the `<h1>` it writes, are read through its actions
    "unclosed-actions-in-a-page-template": (SINGLE, lambda n: "<h1>{{ .Title }}</h1>" + "{{ template os.ReadFile" * n),
    "unclosed-actions-in-comments-and-scripts": (SINGLE, lambda n: "<!--{{</script><script>" * n),
    "redirects-of-unclosed-actions": (REDIRECTS, lambda n: "/a/{{" * n + "  /b\n"),
    "content-through-pipes": (SHORTCODE, lambda n: "{{ " + ".Inner | trim " * n + "}}"),
    "parameters-for-relref": (SHORTCODE, lambda n: '{{ with .Get "a" }}{{ $p := .Get 0 }}' * n + "{{ relref . $q }}"),
    "content-given-to-partials": (SHORTCODE, lambda n: '{{ partial "p" (dict "a" .Inner "b" .Inner) }}' * n),
    "content-printed-by-printf": (SHORTCODE, lambda n: '{{ printf "%s\\"' * n + " (.Get 0) .Inner }}"),
    # the HTML block a template opens before its content, read through its actions
    "actions-before-the-content": (SHORTCODE, lambda n: '<div class="a">' + "{{ .Get 0 }}" * n + "{{ .Inner }}</div>"),
    # conditions on the site's params, resolved by the config (see site._specialized)
    "site-param-conditions": (LINK_HOOK, lambda n: "{{ if .Site.Params.a }}<a>{{ else }}<b>{{ end }}" * n),
    "nested-site-param-conditions": (
        LINK_HOOK, lambda n: "{{ if .Site.Params.a }}" * n + '<a href="{{ .Destination }}">' + "{{ end }}" * n
    ),
}
REDIRECTS_FORMAT = (
    '[mediaTypes."text/netlify"]\ndelimiter = ""\n[outputFormats.redirects]\nmediaType = "text/netlify"\n'
    'baseName = "_redirects"\n[outputs]\nhome = ["html", "redirects"]\n'
)


def _template_seconds(root: Path, place: str, template: str) -> float:
    (root / "layouts" / place).write_text(template, "utf-8")
    started = time.process_time()
    site = load_site(root)
    config = load_preset("strict", RULES)
    outcome = run(collect_targets([], config, site, root), config, site, RULES, jobs=1, rendering=Rendering())
    assert not [p.message for p in outcome.problems if p.rule == "internal-error"]
    return time.process_time() - started


@pytest.mark.parametrize("case", HOSTILE_TEMPLATES)
def test_hostile_templates_are_read_in_linear_time(tmp_path: Path, case: str) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n' + REDIRECTS_FORMAT)
    for folder in ("_shortcodes", "_markup"):
        (tmp_path / "layouts" / folder).mkdir(parents=True)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("+++\ntitle = 'A'\n+++\n\n{{< x >}}\n\n[a](#b) [c](/d/)\n")
    place, make = HOSTILE_TEMPLATES[case]
    _assert_linear(case, lambda n: _template_seconds(tmp_path, place, make(n)), 20_000)


def _alias_bomb(levels: int, key: str) -> str:
    """YAML whose aliases repeat a list of nine strings nine times per level: 9**levels values."""
    names = [f"l{i}" for i in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * 9)}]"]
    lines += [f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]" for previous, name in zip(names, names[1:])]
    return "\n".join([*lines, f"{key}: *{names[-1]}"]) + "\n"


@pytest.mark.parametrize("key", ["title", "cascade", "params"])
def test_a_yaml_alias_bomb_is_refused_with_a_finding(tmp_path: Path, key: str) -> None:
    """A few lines that expand to gigabytes: reported at once (Hugo refuses them too), in
    front matter and in the site's configuration."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "_index.md").write_text("---\n" + _alias_bomb(9, key) + "---\n")
    (tmp_path / "content" / "ok.md").write_text("---\ntitle: Ok\n---\n\nHello.\n")
    started = time.process_time()
    site = load_site(tmp_path)
    config = load_preset("strict", RULES)
    outcome = run(collect_targets([], config, site, tmp_path), config, site, RULES, jobs=1, rendering=Rendering())
    assert time.process_time() - started < 20
    assert [(p.path, p.line, p.rule) for p in outcome.problems] == [("content/_index.md", 7, "front-matter-syntax")]
    assert "Hugo refuses" in outcome.problems[0].message
    (tmp_path / "hugo.toml").unlink()
    (tmp_path / "hugo.yaml").write_text('baseURL: "https://x.org/"\n' + _alias_bomb(9, key))
    with pytest.raises(SiteConfigError, match="too many YAML aliases"):
        load_site(tmp_path)


@pytest.mark.parametrize("value", ["&x [*x]", "&x {b: *x}", "&x [1, &y [2, *x]]"])
def test_a_yaml_value_that_holds_itself_is_a_finding_not_a_hang(tmp_path: Path, value: str) -> None:
    """An alias inside the collection it names makes a value that holds itself: reported at
    once, in front matter, in the site's configuration and in a HUGO_ variable."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n[params]\nlist = ["a"]\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"---\ntitle: A\nloop: {value}\n---\n\nHello.\n")
    started = time.process_time()
    site = load_site(tmp_path)
    config = load_preset("strict", RULES)
    outcome = run(collect_targets([], config, site, tmp_path), config, site, RULES, jobs=1, rendering=Rendering())
    assert [(p.path, p.line, p.rule) for p in outcome.problems] == [("content/a.md", 3, "front-matter-syntax")]
    assert "holds itself" in outcome.problems[0].message
    load_site(tmp_path, environ={"HUGO_PARAMS_LIST": value})  # read as a string
    (tmp_path / "hugo.toml").unlink()
    (tmp_path / "hugo.yaml").write_text(f'baseURL: "https://x.org/"\nloop: {value}\n')
    with pytest.raises(SiteConfigError, match="holds itself"):
        load_site(tmp_path)
    assert time.process_time() - started < 20


def test_a_failed_builds_errors_are_placed_in_linear_time(tmp_path: Path) -> None:
    """A link hook that runs `ref` fails the build once per missing page, and Hugo names
    the page alone: thousands of such errors are placed in one reading of the file."""
    page = tmp_path / "a.md"

    def seconds(n: int) -> float:
        page.write_text("".join(f"[x](./missing-{i}.md)\n" for i in range(n)), "utf-8")
        error = 'ERROR [en] REF_NOT_FOUND: Ref "./missing-{}.md" from page "/a": page not found\n'
        output = "".join(error.format(i) for i in range(n))
        started = time.process_time()
        places = list(build_errors(output, {str(page): "content/a.md"}, {"/a": str(page)}))
        assert len(places) == n and places[-1][1] == n
        return time.process_time() - started

    _assert_linear("ref errors", seconds, 40_000)



def test_an_html_rule_that_fails_on_a_page_is_reported_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An html check that raises on a page is one internal error, at that page's Markdown
    file (not at no file, shown `:1:1`), and the checks that do not fail still report."""
    (tmp_path / "content").mkdir()
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', "utf-8")
    (tmp_path / "content" / "p.md").write_text("---\ntitle: P\n---\n\n![](/a.png) [x]() **Note:**text\n", "utf-8")

    def broken(*_: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(Locator, "link_source", broken)  # image-alt's, empty-link's, broken-link's
    site = load_site(tmp_path)
    preset = load_preset("recommended", RULES)
    outcome = run(collect_targets([], preset, site, tmp_path), preset, site, RULES, jobs=1, rendering=Rendering())
    crashes = [(p.path, p.line) for p in outcome.problems if p.rule == "internal-error"]
    assert crashes and set(crashes) == {("content/p.md", 1)}
    assert all("on p/index.html failed: ValueError: boom" in p.message for p in outcome.problems if p.rule == "internal-error")
    assert "unrendered-markup" in {p.rule for p in outcome.problems}

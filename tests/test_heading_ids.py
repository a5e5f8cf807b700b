"""Heading ids: known vectors, unit cases, and a differential test against the real hugo."""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_site
from validator.heading_ids import _PLAIN, IdFactory, anchorize, plain_text, predict_ids, substitution_texts
from validator.markdown import make_parser
from validator.settings import ID_TYPES, Markup
from validator.site import load_site

# Hugo 0.168.0's ids for two pages, in page order:
# (page, heading Markdown, github, github-ascii, blackfriday).
VECTORS = [
    ("h", "## Hello World", "hello-world", "hello-world", "hello-world"),
    ("h", "## Hello, World!", "hello-world-1", "hello-world-1", "hello-world-1"),
    ("h", "## What's New?", "whats-new", "whats-new", "what-s-new"),
    ("h", '## "Quoted" text', "quoted-text", "quoted-text", "quoted-text"),
    ("h", "## Café Crème", "café-crème", "cafe-creme", "café-crème"),
    ("h", "## 日本語の見出し", "日本語の見出し", "heading", "日本語の見出し"),
    ("h", "## 你好，世界", "你好世界", "heading-1", "你好-世界"),
    ("h", "## Emoji 🎉 Party", "emoji--party", "emoji--party", "emoji-party"),
    ("h", "## 🎉", "heading", "heading-2", "heading"),
    ("h", "## :smile: shortcode", "smile-shortcode", "smile-shortcode", "smile-shortcode"),
    ("h", "## Using `code` here", "using-code-here", "using-code-here", "using-code-here"),
    ("h", "## **Bold** and *italic*", "bold-and-italic", "bold-and-italic", "bold-and-italic"),
    (
        "h",
        "## [Link text](https://example.com) inside",
        "link-text-inside",
        "link-text-inside",
        "link-text-inside",
    ),
    ("h", "## Duplicate", "duplicate", "duplicate", "duplicate"),
    ("h", "## Duplicate", "duplicate-1", "duplicate-1", "duplicate-1"),
    ("h", "## Duplicate", "duplicate-2", "duplicate-2", "duplicate-2"),
    ("h", "## !!!", "heading-1", "heading-3", "heading-1"),
    ("h", "## ???", "heading-2", "heading-4", "heading-2"),
    (
        "h",
        "##    Leading and trailing    ",
        "leading-and-trailing",
        "leading-and-trailing",
        "leading-and-trailing",
    ),
    ("h", "## 123 Numbers first", "123-numbers-first", "123-numbers-first", "123-numbers-first"),
    ("h", "## snake_case_name", "snake_case_name", "snake_case_name", "snake-case-name"),
    ("h", "## a -- b --- c", "a--b--c", "a--b--c", "a-b-c"),
    ("h", "## Multiple   spaces", "multiple---spaces", "multiple---spaces", "multiple-spaces"),
    (
        "h",
        "## Tabs/Slashes & Ampersands",
        "tabsslashes--ampersands",
        "tabsslashes--ampersands",
        "tabs-slashes-ampersands",
    ),
    ("h", '## <abbr title="x">HTML</abbr> tag', "html-tag", "html-tag", "html-tag"),
    ("h", "## Version 1.2.3", "version-123", "version-123", "version-1-2-3"),
    (
        "h",
        "## Ünïcödé UPPER Ελληνικά",
        "ünïcödé-upper-ελληνικά",
        "unicode-upper-",
        "ünïcödé-upper-ελληνικά",
    ),
    (
        "h",
        "## Emphasis *with `code` inside* end",
        "emphasis-with--end",
        "emphasis-with--end",
        "emphasis-with-end",
    ),
    ("h", "## [foo *bar* baz](https://x.org) end", "foo--end", "foo--end", "foo-end"),
    ("h", "## Closed ##", "closed", "closed", "closed"),
    ("h", "## Tom &amp; Jerry &copy;", "tom--jerry-", "tom--jerry-", "tom-jerry"),
    ("h", "## ![alt text](x.png) Image", "alt-text-image", "alt-text-image", "alt-text-image"),
    (
        "h",
        "## Arabic ١٢٣ digits Ⅻ roman",
        "arabic-١٢٣-digits--roman",
        "arabic--digits--roman",
        "arabic-١٢٣-digits-ⅻ-roman",
    ),
    ("h", "## Cafe\u0301 NFD", "cafe-nfd", "cafe-nfd", "cafe-nfd"),
    ("h", "## C++ & C# -- 'quotes'...", "c--c--quotes", "c--c--quotes", "c-c-quotes"),
    ("h", "## hyphen-ated - word", "hyphen-ated---word", "hyphen-ated---word", "hyphen-ated-word"),
    ("h", "## Foo", "foo", "foo", "foo"),
    ("h", "## Bar {#foo}", "foo", "foo", "foo"),
    ("h", "## Foo-1", "foo-1", "foo-1", "foo-1"),
    ("h", "## Foo", "foo-2", "foo-2", "foo-2"),
    (
        "h",
        "## Escaped \\* star \\_ under",
        "escaped--star-_-under",
        "escaped--star-_-under",
        "escaped-star-under",
    ),
    ("h", "## A<br>B", "ab", "ab", "ab"),
    ("h", "## x_y-z 9", "x_y-z-9", "x_y-z-9", "x-y-z-9"),
    ("h", "## Über*straße*", "überstraße", "uberstrae", "überstraße"),
    ("h", "## dots...and…ellipsis", "dotsandellipsis", "dotsandellipsis", "dots-and-ellipsis"),
    ("h", "Setext line one\nline two\n---", "line-two", "line-two", "line-two"),
    ("h", "### Note[^1]", "note", "note", "note"),
    ("h2", "## See <https://x.org> now", "see--now", "see--now", "see-now"),
    ("h2", "## Visit www.example.com today", "visit--today", "visit--today", "visit-today"),
    ("h2", "## ~~old~~ new", "old-new", "old-new", "old-new"),
    ("h2", "## Q&A", "qa", "qa", "q-a"),
    ("h2", "## 1. Numbered", "1-numbered", "1-numbered", "1-numbered"),
    ("h2", "## 2024", "2024", "2024", "2024"),
    ("h2", "## İstanbul ẞ", "istanbul-ß", "istanbul-", "istanbul-ß"),
    ("h2", "## a\u00a0b&nbsp;c", "abc", "abc", "a-b-c"),
    ("h2", "## Tab\there", "tabhere", "tabhere", "tab-here"),
    ("h2", "## Trailing #hashtag", "trailing-hashtag", "trailing-hashtag", "trailing-hashtag"),
    ("h2", "## **bold *nested* text** after", "bold--after", "bold--after", "bold-after"),
    ("h2", "## *a* *b*", "a-b", "a-b", "a-b"),
    ("h2", "## `only code`", "only-code", "only-code", "only-code"),
    ("h2", "## [](empty-link) x", "x", "x", "x"),
    ("h2", "## ![](empty-alt.png) y", "y", "y", "y"),
    ("h2", "## <span>all html</span>", "all-html", "all-html", "all-html"),
    ("h2", "## emoji :smile: code", "emoji-smile-code", "emoji-smile-code", "emoji-smile-code"),
    (
        "h2",
        "## 'Single' and \"double\"",
        "single-and-double",
        "single-and-double",
        "single-and-double",
    ),
    (
        "h2",
        "## under_score __dunder__",
        "under_score-dunder",
        "under_score-dunder",
        "under-score-dunder",
    ),
    ("h2", "## Ends with dash -", "ends-with-dash--", "ends-with-dash--", "ends-with-dash"),
    ("h2", "## - leading dash", "--leading-dash", "--leading-dash", "leading-dash"),
    # goldmark's attribute list: an id ends at `#`, and the last id wins
    ("h2", "## Telemetry {##telemetry}", "telemetry", "telemetry", "telemetry"),
    ("h2", "## Two ids {#first#second}", "second", "second", "second"),
    ("h2", "## Dotted {#.x}", ".x", ".x", ".x"),
]


def ids_of(markdown: str, id_type: str = "github", **options: bool) -> list[str | None]:
    return predict_ids(make_parser(Markup(id_type=id_type)).parse(markdown), id_type, **options)


def heading_plain_text(markdown: str, typographer: bool = True) -> str:
    inline = make_parser(Markup()).parse(markdown)[1]
    return plain_text(inline.children or [], typographer)


@pytest.mark.parametrize("column, id_type", list(enumerate(ID_TYPES, start=2)))
@pytest.mark.parametrize("page", ["h", "h2"])
def test_verified_vectors(page: str, column: int, id_type: str) -> None:
    rows = [row for row in VECTORS if row[0] == page]
    body = "\n\n".join(row[1] for row in rows) + "\n\n[^1]: A note.\n"
    assert ids_of(body, id_type) == [row[column] for row in rows]


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("## Tom &amp; Jerry", "Tom & Jerry"),
        ("## It&#39;s &#x41;", "It&#39;s &#x41;"),  # numeric references stay as written
        ("## Escaped \\* star", "Escaped \\* star"),
        ("## What's \"new\" -- now...", "What\u2019s \u201cnew\u201d \u2013 now\u2026"),
        ("## *Don't panic* now", "Don now"),  # the apostrophe splits the text node
        ("## [my_function](u) docs", "my_ docs"),  # so does an unmatched `_`
        ("## *\"quoted\" text* end", "\u201c end"),
        ("## [a [b] c](u) d", "a [ d"),
        ("## *[x] y* z", "[ z"),
        ("## `a` *`b` c* d", "a b d"),
        ("## *<!-- c --> b* z", " z"),
        ("## a <?pi x?> b", "a <?pi x?> b"),
        ("## Visit [www.example.com] now", "Visit [www.example.com] now"),
        ("## Mail a@b.com now", "Mail  now"),
        ("## HAHAHUGOSHORTCODE12s0HBHB end", "HAHAHUGOSHORTCODE12s0HBHB end"),
        ("Line one\n*a b\nc d* e\n---", "Line one\na e"),  # a line's last segment is apart
    ],
)
def test_plain_text(markdown: str, text: str) -> None:
    assert heading_plain_text(markdown) == text


def test_plain_text_without_typographer() -> None:
    assert heading_plain_text("## *Don't* -- x", typographer=False) == "Don't -- x"


def test_undefined_footnote_is_text() -> None:
    assert ids_of("## Note[^1]\n\n## Note[^x]\n\n[^1]: n\n") == ["note", "notex"]


@pytest.mark.parametrize(
    "text, github, ascii_only, blackfriday",
    [
        ("  Hello World  ", "hello-world", "hello-world", "hello-world"),
        ("Tom & Jerry ©", "tom--jerry-", "tom--jerry-", "tom-jerry"),
        ("İstanbul", "istanbul", "istanbul", "istanbul"),
        ("Überstraße", "überstraße", "uberstrae", "überstraße"),
        ("a\u00a0b\tc", "abc", "abc", "a-b-c"),
        ("!!!", "", "", ""),
    ],
)
def test_anchorize(text: str, github: str, ascii_only: str, blackfriday: str) -> None:
    assert [anchorize(text, id_type) for id_type in ID_TYPES] == [github, ascii_only, blackfriday]


def test_anchorize_rejects_unknown_type() -> None:
    with pytest.raises(ValueError):
        anchorize("x", "gitlab")


def test_id_factory() -> None:
    factory = IdFactory("github")
    factory.put("foo-1")
    assert [factory.generate(t) for t in ("Foo", "Foo", "!!!", "", "foo")] == [
        "foo",
        "foo-2",
        "heading",
        "heading-1",
        "foo-3",
    ]


def test_custom_ids_are_kept_and_reserved() -> None:
    body = "## Foo\n\n## Bar {#foo}\n\n## Auto {.c}\n\n## X {#auto}\n\n## Auto\n"
    assert ids_of(body) == ["foo", "foo", "auto", "auto", "auto-1"]


def test_no_id_without_text_or_auto_heading_id() -> None:
    assert ids_of("## \n\n## <b></b>\n\n## [](u)\n\n## !!!\n") == [None, None, None, "heading"]
    assert ids_of("## Foo\n\n## Bar {#b}\n", auto_heading_id=False) == [None, "b"]


def test_definition_terms_share_the_ids() -> None:
    body = "## Apple\n\nApple\n: A fruit.\n\n!!!\n: x\n\n## Apple\n\n## !!!\n"
    assert ids_of(body) == ["apple", "apple-1", "heading"]
    assert ids_of(body, auto_definition_term_id=True) == ["apple", "apple-2", "heading"]


def test_typographer_quotes_pair_across_the_page() -> None:
    body = '## *a"B" c* z\n\nA paragraph with "an open quote.\n\n## *a"B" c* z\n'
    assert ids_of(body) == ["ab-c-z", "ab-z"]


def test_headings_in_footnotes_take_ids_in_source_order() -> None:
    body = "## Dup\n\nText[^1]\n\n[^1]: text\n\n    ## Dup\n\n## Dup\n"
    assert ids_of(body) == ["dup", "dup-1", "dup-2"]


# --- differential test against the real hugo --------------------------------------------

# Headings are made of these pieces. Left out on purpose, because markdown-it's tokens
# differ from goldmark's nodes there (see the exclusions below for the others):
# `{{< >}}` shortcodes (Hugo numbers their placeholders), a single-tilde `~x~`
# strikethrough, and `{#id}` next to a closing `#` sequence.
WORDS = [
    "Hello", "world", "Getting", "Started", "API", "v2", "2024", "x", "Q&A", "C++", "C#",
    "Café", "crème", "Ünïcödé", "Ελληνικά", "日本語", "你好，世界", "Cafe\u0301", "naïve",
    "İstanbul", "ẞ", "١٢٣", "Ⅻ", "🎉", "🚀", "snake_case", "kebab-case", "x_y", "a/b",
    "dots.in.name", "50%", "$5", "@user", "#tag", "a\u00a0b", "tab\there", ":smile:",
    "under__score", "*", "_", "**", "~~~", "[", "]", "[x]", "(", ")", "!", "![",
]
PIECES = [
    "'s", "it's", "don't", "'90s", "'tis", "rock 'n' roll", "'single'", '"double"',
    '"Quoted" text', "Smiths'", '21"', "--", "---", "a--b", "a---b", "-", "...", "a...b",
    "<<x>>", "&amp;", "&copy;", "&nbsp;", "&#39;", "&#x41;", "&bogus;", "\\*", "\\_",
    "\\[", "\\`", "\\-\\-", "`code`", "`a b`", "`` a`b ``", "``", "`x", "*em*", "_em_",
    "**strong**", "__strong__", "*em with `code` inside*", "**bold *nested* text**",
    "*a* *b*", "***both***", "~~del~~", "[link](https://example.com)",
    "[*em* link](u)", "[foo *bar* baz](u)", "[it's](u)", "[my_function](u)",
    "[a [b] c](u)", "[`code` link](u)", "[](empty)", "![alt text](i.png)",
    "![](i.png)", "![*a* b](i.png)", "[![i](i.png)](u)", "<https://x.org>",
    "www.example.com", "https://example.org/path", "a@b.com", "[www.example.com]",
    '<abbr title="x">HTML</abbr>', "<span>all html</span>", "A<br>B", "<!-- note -->",
    "<?pi x?>", "<!DOCTYPE x>", "Note[^1]", "Note[^missing]", "[^2]", "*[x] y*",
    "*'quoted' x*", '*"x" y*', "*it's* x", "*x_y z*", "[a*_b x](u)", "*a ``` b*",
    "*a `` b*", "*\\*a*", "![**_ ** ](p)",
]
# Always between spaces: linkify in goldmark and in markdown-it disagree on where a URL
# or an email address glued to other text starts and ends, and markdown-it splits a run
# of 3 or more tildes into strikethrough delimiters where goldmark sees text.
SPACED = {"www.example.com", "https://example.org/path", "a@b.com", "~~~", "~~del~~"}
# Emphasis or a link across the lines of a setext heading.
SPANNING = [("*", "*"), ("**", "**"), ("_", "_"), ("[", "](u)"), ("![", "](p)")]
QUOTES = ['"open', "'open", 'close"', "close'", "'x'", ""]
IDS = ["custom", "my_id", "x.y", "foo", "hello-world", "heading", "a:b"]
TRAILING_SPACE = re.compile(r"[ \t]+\n")
# A line that would start another block inside a setext heading's paragraph.
BLOCK_START = re.compile(r"[*+-](\s|$)|[#>]|~~~|```|<|\d+[.)]|[-_*=]{2}|\[\^")


def random_inline(rng: random.Random) -> str:
    parts = [rng.choice(WORDS if rng.random() < 0.5 else PIECES) for _ in range(rng.randint(1, 4))]
    parts = [f" {part} " if part in SPACED else part for part in parts]
    return "".join(part + rng.choice([" ", " ", " ", "", "  "]) for part in parts).strip()


def setext_heading(rng: random.Random, text: str) -> str:
    """A setext heading whose last line is `text`.

    Excluded: backticks before the last line (markdown-it turns a code span's line breaks
    into spaces, and goldmark's id depends on them); `random_heading` also drops spaces at
    the end of a line (markdown-it drops them, goldmark splits its text node there).
    """
    lines = [random_inline(rng) for _ in range(rng.randint(0, 2))] + [text]
    if len(lines) > 1 and rng.random() < 0.5:
        opener, closer = rng.choice(SPANNING)
        lines[-2] = f"{lines[-2]} {opener}{random_inline(rng)}"
        lines[-1] = f"{random_inline(rng)}{closer} {lines[-1]}"
        # No footnote reference: in a link's text, markdown-it sees no link at all.
        lines = [line.replace("[^", "[") for line in lines]
    for index, line in enumerate(lines[:-1]):
        lines[index] = line.replace("`", "").strip()
    lines = [f"Line {line}" if not line or BLOCK_START.match(line) else line for line in lines]
    breaks = [rng.choice(["\n", "\n", "\\\n"]) for _ in lines]
    underline = rng.choice(["---", "==="])
    return "".join(line + end for line, end in zip(lines, breaks[:-1] + ["\n"])) + underline


def bare_autolinks_after_brackets(markdown: str) -> str:
    """Make `<https://…>` bare after a `[` that may still be open there.

    goldmark suspends linkify inside an open `[` but not `<https://…>` autolinks, and
    mdcheck's tokens do not tell the two apart: it takes them all for linkify there.
    """
    bracket = markdown.find("[")
    if bracket < 0:
        return markdown
    return markdown[:bracket] + markdown[bracket:].replace("<https://x.org>", " https://x.org ")


def random_heading(rng: random.Random, previous: list[str]) -> str:
    roll = rng.random()
    text = rng.choice(previous) if previous and roll < 0.12 else random_inline(rng)
    previous.append(text)
    if roll > 0.97:
        markdown = "#" * rng.randint(1, 3)  # an empty heading
    elif roll > 0.8:
        markdown = setext_heading(rng, text)
    elif roll > 0.74:
        markdown = f"{'#' * rng.randint(1, 6)} {text} {{#{rng.choice(IDS)}}}"
    elif roll > 0.7:
        markdown = f"{'#' * rng.randint(1, 6)} {text} {{.cls}}"
    elif roll > 0.66:
        markdown = f"{'#' * rng.randint(1, 6)} {text} ###"
    else:
        markdown = f"{'#' * rng.randint(1, 6)} {text}"
    return TRAILING_SPACE.sub("\n", bare_autolinks_after_brackets(markdown))


def random_pages(seed: int, pages: int, headings: int) -> dict[str, list[str]]:
    """Page name -> its blocks: headings, and paragraphs (whose quotes count too).

    Deterministic for a seed.
    """
    rng = random.Random(seed)
    result = {}
    for number in range(pages):
        previous: list[str] = []
        blocks = []
        for _ in range(headings):
            blocks.append(random_heading(rng, previous))
            if rng.random() < 0.2:
                blocks.append(f"Text {random_inline(rng)} {rng.choice(QUOTES)}")
        result[f"p{number}"] = blocks
    return result


def page_body(blocks: list[str]) -> str:
    return "\n\n".join([*blocks, "[^1]: The first note.", "[^2]: The second note."]) + "\n"


HEADING_TAG = re.compile(r"<h[1-6]((?:\s[^>]*)?)>")
ID_ATTRIBUTE = re.compile(r'(?:^|\s)id="([^"]*)"')


def hugo_ids(page: Path) -> list[str | None]:
    found = []
    for tag in HEADING_TAG.finditer(page.read_text(encoding="utf-8")):
        match = ID_ATTRIBUTE.search(tag[1])
        found.append(html.unescape(match[1]) if match else None)
    return found


def build_pages(hugo: str, tmp_path: Path, id_type: str, pages: dict[str, list[str]]) -> Path:
    """Build the pages with the real hugo in one run; return its output directory."""
    site = tmp_path / "site"
    (site / "layouts").mkdir(parents=True)
    (site / "layouts" / "single.html").write_text("{{ .Content }}")
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n'
        'disableKinds = ["home", "section", "taxonomy", "term", "rss", "sitemap", "404"]\n'
        f'[markup.goldmark.parser]\nautoIDType = "{id_type}"\n'
    )
    (site / "content").mkdir()
    for name, blocks in pages.items():
        text = f"---\ntitle: {name}\n---\n{page_body(blocks)}"
        (site / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    build_site(hugo, site, tmp_path / "public")
    return tmp_path / "public"


@pytest.mark.hugo
@pytest.mark.parametrize("id_type", ID_TYPES)
def test_ids_match_hugo(hugo: str, tmp_path: Path, id_type: str) -> None:
    pages = random_pages(seed=20240, pages=10, headings=40)
    public = build_pages(hugo, tmp_path, id_type, pages)
    parser = make_parser(Markup(id_type=id_type))
    mismatches, total = [], 0
    for name, blocks in pages.items():
        expected = hugo_ids(public / name / "index.html")
        predicted = predict_ids(parser.parse(page_body(blocks)), id_type)
        headings = [block for block in blocks if not block.startswith("Text ")]
        assert len(predicted) == len(expected) == len(headings), f"{name}: heading count differs"
        total += len(expected)
        for heading, want, got in zip(headings, expected, predicted):
            if want != got:
                mismatches.append(f"{name} {heading!r}: hugo {want!r}, mdcheck {got!r}")
    assert not mismatches, f"{len(mismatches)}/{total} ids differ:\n" + "\n".join(mismatches)


SUBSTITUTIONS = (
    ("endash", "--"), ("emdash", "&#45;&#45;&#45;"), ("ellipsis", "..."), ("leftdoublequote", "&quot;"),
    ("rightdoublequote", "&quot;"), ("apostrophe", "'"), ("leftanglequote", "")
)  # fmt: skip


@pytest.mark.hugo
def test_ids_with_the_typographers_substitutions_a_config_sets(hugo: str, tmp_path: Path) -> None:
    """A config's own substitutions (etcd's `enDash = "--"`) are in the ids: `## --name`
    is `--name`, not `name` (checked with hugo 0.168, random headings too)."""
    pages = random_pages(seed=7, pages=4, headings=40)
    pages["fixed"] = ["## --name", "## a---b", "## Wait... what", '## "Quoted" text', "## It's <<here>>"]
    site = tmp_path / "site"
    (site / "layouts").mkdir(parents=True)
    (site / "layouts" / "single.html").write_text("{{ .Content }}")
    config = "".join(f'{name} = "{value}"\n' for name, value in SUBSTITUTIONS)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["home", "section", "taxonomy", "term", "rss", "sitemap"]\n'
        f"[markup.goldmark.extensions.typographer]\n{config}"
    )
    (site / "content").mkdir()
    for name, blocks in pages.items():
        (site / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{page_body(blocks)}", "utf-8")
    build_site(hugo, site, tmp_path / "public")
    markup = load_site(site).markup
    assert dict(markup.typographer_html) == dict(SUBSTITUTIONS)
    parser = make_parser(markup)
    for name, blocks in pages.items():
        predicted = predict_ids(
            parser.parse(page_body(blocks)), "github", substitutions=substitution_texts(markup.typographer_html)
        )
        assert predicted == hugo_ids(tmp_path / "public" / name / "index.html"), name
    assert hugo_ids(tmp_path / "public" / "fixed" / "index.html")[0] == "--name"


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(["a", "Word", "é", "日本", "7", " ", ":", ";", "?", "#", "%", "$", "+", "="]),
                  min_size=1, max_size=20).map("".join),
    typographer=st.booleans(),
)
def test_plain_headings_are_their_own_text(text: str, typographer: bool) -> None:
    """The shortcut for plain headings (`_PLAIN`) agrees with the full inline scan."""
    inline = make_parser(Markup()).parse(f"# {text}\n")[1]
    if _PLAIN.fullmatch(inline.content):
        assert plain_text(inline.children or [], typographer) == inline.content

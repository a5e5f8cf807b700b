"""`parse_page(path, data, url) -> Page`: one rendered HTML page, parsed once, for every html rule.

The parser is lxml (libxml2's HTML parser): about ten times faster than `html.parser` and a
hundred times faster than html5lib on Hugo's output, and as forgiving of malformed HTML.
libxml2 gives each element the line where its start tag *ends* (and caps lines at 65535),
so exact positions come from `_TagIndex`, one regex pass over the text that finds where
each start tag and comment begins; the k-th `<a` element is the k-th `<a` tag in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import NamedTuple

from lxml import etree

from validator.addresses import SCHEME
from validator.delimited_math import without_math

MAX_PAGE_BYTES = 20_000_000
OMITTED = "raw HTML omitted"
UNKNOWN_OUTPUT = "data-mdcheck-shortcode"  # see render.SHORTCODE_ATTRIBUTE
# Its value on an image the site's image hook writes, whose `alt` is known: the Markdown's
# alt text, which the hook writes as it is (SiteConfig.image_hook_alt)
HOOKED_ALT_KNOWN = "render-image alt"
# What marks an unknown address that no shortcode call of the Markdown writes: the site's
# link hook's, a ref's (site rules judge those), none named
_NOT_CALLS = frozenset({None, "", "render-link", "ref", "relref"})
# Elements whose text is shown as written or is not shown at all: leaked markup is fine there.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "template"})
# (element, attribute) pairs that load or link to a URL.
URL_ATTRIBUTES = (
    ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
    ("iframe", "src"), ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"),
    ("form", "action"),
    ("img", "data-src"),  # where lazy loading (lazysizes: LoveIt's image hook) keeps the image
)
SRCSET_TAGS = frozenset({"img", "source"})
SRCSET_ATTRIBUTES = ("srcset", "data-srcset")
_URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {}
for _tag, _attribute in URL_ATTRIBUTES:
    _URL_ATTRIBUTES[_tag] = (*_URL_ATTRIBUTES.get(_tag, ()), _attribute)

_START = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(script|style|textarea|title|xmp)\b.*?(?:</\1\s*>|\Z)"  # raw text: its tags do not count
    r"|<([a-zA-Z][a-zA-Z0-9:-]*)",  # a start tag
    re.S | re.I,
)
# Of the content with its blanks stripped (so that no blank run is scanned at every step).
_REFRESH = re.compile(r"\d*+\s*+[;,]?\s*+(?:url\s*+=\s*+)?(['\"]?)(?P<url>.*?)\1", re.I | re.S)
# A footnote label that reads as a regular expression's negated character class (`[^/]+`,
# `[^a-z]`, `[^\s]`, `[^a-z ]`): no letter nor digit, a backslash escape, or ranges (and
# blanks) alone. It is meant as written, as Hugo shows it.
REGEX_CLASS_LABEL = r"[^\w\]\[\n]+|[^\]\[\n]*\\[^\]\[\n]*|(?:\w-\w|[ \t])+"
# Each pattern reads a bounded stretch from where it starts (up to the next tag, `[` or
# line end; possessive blanks), so that a text full of openers is read in linear time.
_DELIMITER = r":?(?:-++|-*+[—–][-—–]*+):?"  # a table's delimiter cell: `-`, `---`, `:--:` made `:–:`
LEAKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("shortcode", re.compile(r"\{\{[<%]\s*+/?\s*+[\w./-]+(?:[^\n{]|\{(?!\{[<%]))*?[%>]\}\}")),
    ("placeholder", re.compile(r"HAHAHUGOSHORTCODE\w{0,64}?HBHB|HAHAHUGOSHORTCODE\d+")),
    # (a label as goldmark reads one: up to a `]`, blanks too, not blank)
    ("footnote", re.compile(rf"\[\^(?=[^\]\[\n]*?[^\]\[\s])(?!(?:{REGEX_CLASS_LABEL})\])[^\]\[\n]++\]")),
    # (a delimiter row's `---`, or the dashes the typographer made of it: `—`, `–`)
    ("table", re.compile(rf"^[ \t]*+(?:\|[ \t]*+)?{_DELIMITER}[ \t]*+(?:\|[ \t]*+{_DELIMITER}[ \t]*+)+\|?[ \t]*$"
                         rf"|^[ \t]*+\|[ \t]*+{_DELIMITER}[ \t]*+\|[ \t]*$", re.M)),
    # (not `$$, ie: $$(VAR)`: dollars in prose, before punctuation or a parenthesis)
    ("math", re.compile(r"\$\$(?![,.;:!?)]).+?\$\$(?!\()", re.S)),
    # `**…**` Markdown did not take as emphasis: `注意：**提示：**请` (a delimiter between
    # punctuation inside and a letter outside opens or closes nothing). Found by `_emphasis`.
    ("emphasis", re.compile(r"\*\*(?=[^\s*])[^\n]*?(?<=[^\s*])\*\*")),
)
_EMPHASIS_OPENER = re.compile(r"\*\*(?=[^\s*])")
# A line of `{.class #id key=value}` (or kramdown's `{: .class}`) under a paragraph, list
# or table that goldmark did not take as the block's attributes: shown, alone on its line
_ATTRIBUTE_ITEM = r"(?:[.#][\w-]++|[\w-]++=(?:\"[^\"\n]*+\"|[^\s{}\"]++))"
_SHOWN_BLOCK_ATTRIBUTES = re.compile(
    rf"^[ \t]*+(\{{:?[ \t]*+{_ATTRIBUTE_ITEM}(?:[ \t]++{_ATTRIBUTE_ITEM})*+[ \t]*+\}})[ \t]*+$", re.M
)
# A heading's `{#id}` or `{.class …}` that goldmark did not take as its attributes: shown
_SHOWN_ATTRIBUTES = re.compile(r"\{[#.][^\s{}][^{}\n]{0,200}\}")
# An attribute list right after an image (Pandoc's and kramdown's `![a](x.png){width=50%}`),
# which goldmark does not read: shown as text
_SHOWN_IMAGE_ATTRIBUTES = re.compile(rf"\{{:?[ \t]*+{_ATTRIBUTE_ITEM}(?:[ \t]++{_ATTRIBUTE_ITEM})*+[ \t]*+\}}")


# An HTML tag as raw HTML writes one (start or end, attributes and all)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


# A page's records are NamedTuples: a run keeps pages pickled (see validator.spill) and
# every html rule reads them back, and a NamedTuple unpickles several times as fast as
# a dataclass.
class HtmlLink(NamedTuple):
    url: str  # the attribute's value, surrounding whitespace removed (one srcset candidate)
    tag: str
    attribute: str  # href, src, srcset, content (a refresh redirect) ...
    line: int
    column: int
    text: str = ""  # an <a>'s text, an <img>'s alt
    rel: str = ""  # a <link>'s or <a>'s rel
    current: bool = False  # an <a aria-current>: it names the page it is on, as a menu's does
    no_alt: bool = False  # an <img> without an alt attribute, which no Markdown image makes (image-alt)
    # a fragment's <a> in a `<nav>` (a table of contents, Hugo's or a theme's), which no
    # Markdown writes: a template's
    in_nav: bool = False


class HtmlId(NamedTuple):
    value: str
    tag: str
    line: int
    column: int
    attribute: str = "id"  # or "name" for <a name>


class HtmlHeading(NamedTuple):
    level: int
    id: str | None
    text: str
    line: int
    column: int


class Omitted(NamedTuple):
    """A `<!-- raw HTML omitted -->` placeholder and the text on either side of it."""

    line: int
    column: int
    before: str
    after: str


class Leak(NamedTuple):
    """Markup that reached the page as text: `kind` is one of LEAKS' names."""

    kind: str
    text: str
    line: int
    column: int


class Image(NamedTuple):
    src: str
    alt: str | None  # None when the attribute is missing
    line: int
    column: int
    # marked as decoration for assistive technology: `role="presentation"` (or "none"),
    # `aria-hidden="true"`, which need no alt text (axe's image-alt accepts them)
    decorative: bool = False


def _decorative(attrs: Mapping[str, str]) -> bool:
    return attrs.get("role", "").strip().lower() in ("presentation", "none") or (
        attrs.get("aria-hidden", "").strip().lower() == "true"
    )


@dataclass(frozen=True)
class Page:
    """One HTML page. `path` is relative to the publish dir; `url` is the page's URL path."""

    path: str
    url: str
    ids: tuple[HtmlId, ...] = ()
    links: tuple[HtmlLink, ...] = ()
    headings: tuple[HtmlHeading, ...] = ()
    omitted: tuple[Omitted, ...] = ()
    leaks: tuple[Leak, ...] = ()
    images: tuple[Image, ...] = ()
    redirect: str | None = None  # an alias page's target (<meta http-equiv="refresh">)
    # Whether its redirect carries a link's fragment on: a script that reads `location.hash`
    # (a meta refresh alone drops it)
    keeps_fragment: bool = False
    base: str | None = None  # <base href>, which relative links resolve against
    math: bool = False  # the page loads KaTeX or MathJax, which render $$…$$ in the browser
    problems: tuple[str, ...] = ()  # why the page could not be read fully
    # mdcheck's embedded renderer marks shortcode output it cannot know (render.py): such a
    # page may have any id, and the marked links' destinations are unknown (not recorded).
    # So may a page that was not read, or read in part (too large, not parsed, nested past
    # the parser's depth): a fragment of it is no broken anchor.
    unknown_output: bool = False
    # With mdcheck's own rendering: how many of its images the site's render-image hook
    # writes, of its links the site's render-link hook writes, and of its links' addresses a
    # shortcode call writes (`[x]({{< v >}})`, not a ref), whose addresses are not known (not
    # recorded)
    hooked_images: int = 0
    hooked_links: int = 0
    called_hrefs: int = 0
    id_set: frozenset[str] = field(default=frozenset(), repr=False)
    # With mdcheck's own rendering, which renders a file once: the URLs of the other pages
    # Hugo makes of it (a mount lending it to another language), where its relative links
    # lead elsewhere
    other_urls: tuple[str, ...] = ()

    def has_id(self, fragment: str) -> bool:
        return fragment in self.id_set or self.unknown_output

    def duplicate_ids(self) -> Iterator[tuple[HtmlId, HtmlId]]:
        """(first, repeat) for every id set a second time (not an empty `id=""`, which
        names nothing)."""
        first: dict[str, HtmlId] = {}
        for item in self.ids:
            if not item.value:
                continue
            if item.value in first:
                yield first[item.value], item
            else:
                first[item.value] = item


def _in_nav(element: etree._Element) -> bool:
    return any(ancestor.tag == "nav" for ancestor in element.iterancestors())


def parse_page(path: str, data: bytes, url: str, *, limit: int = MAX_PAGE_BYTES) -> Page:
    """Parse one page. Never raises: what cannot be read becomes `problems`."""
    if len(data) > limit:
        return Page(path, url, problems=(f"larger than {limit:,} bytes; not checked",), unknown_output=True)
    problems = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", "replace")
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            f"the built page {path} is not valid UTF-8 (byte 0x{data[exc.start]:02x} on its line {line}): browsers "
            "may show its text garbled; checked with that byte replaced (a template or a file it includes is in "
            "another encoding)"
        )
    text = text.replace("\x00", "\ufffd")
    # An XHTML page's `<?xml … encoding="utf-8"?>`: lxml reads no encoding declaration in
    # text it is given decoded; blanked, the page's offsets stay as they were.
    text = _XML_DECLARATION.sub(lambda match: " " * len(match[0]), text, count=1)
    # A `</html>` before the page's end (olm-docs' `<html …></html>` on its first line):
    # browsers read on past it, libxml2 stops; blanked, as a browser ignores it
    text = _HTML_END.sub(lambda match: " " * len(match[0]), text)
    if not text.strip():
        return Page(path, url, problems=tuple(problems))
    if text.count("=") > MAX_ATTRIBUTES and (crowded := _crowded_tag(text)):
        return Page(path, url, problems=(*problems, f"a <{crowded}> tag has more than {MAX_ATTRIBUTES:,} "
                                         "attributes; not checked (the parser slows with their number squared)"),
                    unknown_output=True)
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.LxmlError, ValueError) as exc:
        return Page(path, url, problems=(*problems, f"cannot be parsed: {exc}"), unknown_output=True)
    if root is None:
        return Page(path, url, problems=tuple(problems))
    stop = _parser_stop()
    if stop:
        problems.append(stop)
    page = _Walker(path, url, text, tuple(problems)).walk(root)
    return replace(page, unknown_output=True) if stop else page


def _parser_stop() -> str | None:
    """Why libxml2 stopped reading the last page before its end, if it did: elements nested
    2,048 deep end its parse whatever its options (a browser reads on), and what follows
    would go unread."""
    for error in _PARSER.error_log.filter_from_fatals():
        why = "elements nested 2,048 deep" if "depth" in error.message else error.message.strip().rstrip(".")
        return f"the HTML parser stops at HTML line {error.line} ({why}): the rest of the page is not checked"
    return None


_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
# libxml2 takes time in the square of a tag's attribute count: 40,000 take about 12 s.
MAX_ATTRIBUTES = 10_000
_ANY_TAG = re.compile(r"<([A-Za-z][^\s/>]*+)[^>]*+>")


def _crowded_tag(text: str) -> str | None:
    """The name of the first tag with more than `MAX_ATTRIBUTES` attributes (counted by
    their `=`, for a page with that many at all), None when there is none."""
    for match in _ANY_TAG.finditer(text):
        if match[0].count("=") > MAX_ATTRIBUTES:
            return match[1].lower()
    return None


_XML_DECLARATION = re.compile(r"\A\s*+<\?xml[^>]*+>")
_PARSER = etree.HTMLParser(recover=True, no_network=True, huge_tree=True, default_doctype=False)


class _TagIndex:
    """Where each start tag and comment begins in the text, in order, by element name."""

    def __init__(self, text: str):
        self._text = text
        self._line_starts: list[int] = []  # built on first use
        self._tags: dict[str, list[int]] = {}
        self._used: dict[str, int] = {}
        for match in _START.finditer(text):
            name = (match[1] or match[2] or "!--").lower()
            self._tags.setdefault(name, []).append(match.start())

    @property
    def names(self) -> Collection[str]:
        """The names of the elements the text has a start tag of."""
        return self._tags.keys()

    def position(self, offset: int) -> tuple[int, int]:
        if not self._line_starts:
            lengths = [len(line) + 1 for line in self._text.split("\n")]
            self._line_starts = [0, *accumulate(lengths[:-1])]
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def take(self, name: str, line_hint: int | None) -> int | None:
        """The ordinal of the element's `<name` tag in the text; None when it has no tag of
        its own (the parser implied it, as it does <body>) or the order went astray.
        Called for every element of that name, in document order."""
        used = self._used.get(name, 0)
        if name in _IMPLIED:
            offsets = self._tags.get(name, ())
            if used >= len(offsets) or not _before(self.position(offsets[used])[0], line_hint):
                return None
        self._used[name] = used + 1
        return used

    def at(self, name: str, ordinal: int | None, line_hint: int | None) -> tuple[int, int]:
        offsets = self._tags.get(name, ())
        if ordinal is not None and ordinal < len(offsets):
            line, column = self.position(offsets[ordinal])
            if _before(line, line_hint):
                return line, column
        return (line_hint or 1), 1


def _before(line: int, line_hint: int | None) -> bool:
    """Whether a tag on `line` can be the element's: libxml2 gives the line where its start
    tag ends, capped at 65535."""
    return line_hint is None or line_hint >= 65535 or line <= line_hint


class _Walker:
    """Collects every record of `Page` from the tree. It visits only what they come from:
    the elements of the recorded tags and of tags with ids, the comments, and the text when
    some text of the page may hold leaked markup (rare)."""

    def __init__(self, path: str, url: str, text: str, problems: tuple[str, ...]):
        self.path, self.url, self.problems = path, url, problems
        self.index = _TagIndex(text)
        # Only mdcheck's embedded renderer writes the marker: Hugo's pages skip the search.
        self.marked = UNKNOWN_OUTPUT in text
        self.ids: list[HtmlId] = []
        self.links: list[HtmlLink] = []
        self.headings: list[HtmlHeading] = []
        self.omitted: list[Omitted] = []
        self.leaks: list[Leak] = []
        self.images: list[Image] = []
        self.redirect: str | None = None
        self.base: str | None = None
        self.math = False
        self.unknown_output = False
        self.hooked_images = 0
        self.hooked_links = 0
        self.called_hrefs = 0
        self._marks: dict[etree._Element, int] = {}  # a block -> the `**` its text holds, counted once

    def walk(self, root: etree._Element) -> Page:
        # The elements of the recorded tags and of every tag that some element with an id has,
        # all of them: an element's ordinal counts the elements of its name before it.
        id_tags = {element.tag for element in _WITH_ID(root)}.difference(_RECORDED)
        take = self.index.take
        for element in root.iter(*_RECORDED, *id_tags):
            tag = element.tag
            ordinal = take(tag, element.sourceline)
            if tag in _RECORDED or "id" in element.attrib:
                self._element(element, tag, ordinal)
        for ordinal, comment in enumerate(root.iter(etree.Comment)):
            self._comment(comment, ordinal)
        if self.redirect is None and _without_body(root):
            # A page of a head alone that names another as canonical: an alias page whose
            # template redirects with a script (`window.location = "{{ .Permalink }}"`)
            canonical = next((link.url for link in self.links if link.tag == "link" and _is_canonical(link)), "")
            if canonical and canonical != self.url:
                self.redirect = canonical
        if _may_leak(every := _STRING(root) + (root.tail or "")) or "{" in every:  # all the text, verbatim too
            for text, owner, tail in _prose_texts(root):
                self._text(text, owner, tail=tail)
        return Page(
            path=self.path,
            url=self.url,
            ids=tuple(self.ids),
            links=tuple(self.links),
            headings=tuple(self.headings),
            omitted=tuple(self.omitted),
            leaks=tuple(self.leaks),
            images=tuple(self.images),
            redirect=self.redirect,
            keeps_fragment=self.redirect is not None and any("hash" in (s.text or "") for s in root.iter("script")),
            base=self.base,
            math=self.math,
            problems=self.problems,
            unknown_output=self.unknown_output,
            hooked_images=self.hooked_images,
            hooked_links=self.hooked_links,
            called_hrefs=self.called_hrefs,
            id_set=frozenset(item.value for item in self.ids),
        )

    def _element(self, element: etree._Element, tag: str, ordinal: int | None) -> None:
        line, column = self.index.at(tag, ordinal, element.sourceline)
        attrs = element.attrib
        if self.marked and (UNKNOWN_OUTPUT in attrs or any(UNKNOWN_OUTPUT in value for value in attrs.values())):
            self.unknown_output = True
            if tag == "img" and attrs.get(UNKNOWN_OUTPUT) == HOOKED_ALT_KNOWN:
                self.images.append(Image(attrs.get("src", ""), attrs.get("alt"), line, column, _decorative(attrs)))
            if tag == "img" and attrs.get(UNKNOWN_OUTPUT) in (HOOKED_ALT_KNOWN, "render-image"):
                self.hooked_images += 1
            elif tag == "a" and attrs.get(UNKNOWN_OUTPUT) == "render-link":
                href = attrs.get("href", "")
                # (those to other sites, never fetched, and the page's own fragments aside)
                self.hooked_links += not href.startswith(("#", "//")) and not SCHEME.match(href)
            elif tag == "a" and attrs.get(UNKNOWN_OUTPUT) not in _NOT_CALLS:
                self.called_hrefs += 1
            return
        if "id" in attrs:
            self.ids.append(HtmlId(attrs["id"], tag, line, column))
        if tag == "a" and "name" in attrs and attrs["name"] != attrs.get("id"):
            self.ids.append(HtmlId(attrs["name"], tag, line, column, "name"))
        for attribute in _URL_ATTRIBUTES.get(tag, ()):
            value = attrs.get(attribute)
            if value is not None and not (value.strip() == "" and self._inert(element)):
                text = _text_of(element) if tag == "a" else attrs.get("alt", "")
                current = attrs.get("aria-current", "false") != "false"
                in_nav = tag == "a" and value.startswith("#") and _in_nav(element)
                self.links.append(
                    HtmlLink(value.strip(), tag, attribute, line, column, text, attrs.get("rel", ""), current, in_nav=in_nav)
                )
        if tag in SRCSET_TAGS:
            for attribute in SRCSET_ATTRIBUTES:
                if attrs.get(attribute):
                    for candidate in _srcset(attrs[attribute]):
                        self.links.append(HtmlLink(candidate, tag, attribute, line, column))
        if tag == "img" and not (attrs.get("src", "").strip() == "" and self._inert(element)):
            self.images.append(Image(attrs.get("src", ""), attrs.get("alt"), line, column, _decorative(attrs)))
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            text = _text_of(element)
            self.headings.append(HtmlHeading(int(tag[1]), attrs.get("id"), text, line, column))
            if "{" in text and (shown := _shown_attribute(element)):
                self.leaks.append(Leak("attribute", shown, line, 1))
        elif tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.fullmatch(attrs.get("content", "").strip())
            if match and match["url"]:
                self.redirect = match["url"].strip()
                self.links.append(HtmlLink(self.redirect, tag, "content", line, column))
        elif tag == "base" and "href" in attrs and self.base is None:
            self.base = attrs["href"].strip()
        elif tag == "script" and _is_code(attrs) and _MATH.search(attrs.get("src", "") + (element.text or "")[:2000]):
            self.math = True
        elif tag == "link" and _MATH.search(attrs.get("href", "")):
            self.math = True

    def _inert(self, element: etree._Element) -> bool:
        """Whether the element is in a `<template>`: content no reader sees or follows until
        a script clones it and fills in its empty `href`s and `src`s (flux's search results)."""
        return "template" in self.index.names and any(a.tag == "template" for a in element.iterancestors())

    def _comment(self, comment: etree._Element, ordinal: int) -> None:
        if (comment.text or "").strip() != OMITTED:
            return
        line, column = self.index.at("!--", ordinal, comment.sourceline)
        previous = comment.getprevious()
        before = (previous.tail if previous is not None else comment.getparent().text) or ""
        self.omitted.append(Omitted(line, column, before.strip(), (comment.tail or "").strip()))

    def _bold_marks(self, block: etree._Element) -> int:
        """How many `**` a block's text holds (a paragraph of thousands of text nodes is read once)."""
        if (count := self._marks.get(block)) is None:
            count = self._marks[block] = _STRING(block).count("**")
        return count

    def _text(self, text: str, element: etree._Element, *, tail: bool) -> None:
        leaky = _may_leak(text)
        # block attributes shown, maybe, or an image's
        attributes = "{" in text and (element.tag in ("p", "li", "td") or (tail and element.tag == "img"))
        if not leaky and not attributes:
            return
        first_line = self._first_line(text, element, tail)
        told = -1  # where an unclosed `**` was told
        if not tail and element.tag in ("p", "li") and (opened := _UNCLOSED_BOLD.match(text)):
            if self._bold_marks(element) == 1:  # bold opened at the paragraph's start, never closed
                line = first_line + text.count("\n", 0, opened.start(1))
                self.leaks.append(Leak("emphasis", opened[1][:80], line, 1))
                told = opened.start(1)
        block = element.getparent() if tail else element
        if "**" in text and block is not None and block.tag in ("p", "li"):
            # `**` before a capitalised word that nothing after it closes: bold meant and not
            # closed (`… **See [#1411](…); fixes`), no `**kwargs` of prose
            last = text.rfind("**")  # (only the last can be one nothing after it closes)
            if last != told and (stray := _STRAY_OPENER.match(text, last)) and (last == 0 or text[last - 1].isspace()):
                line = first_line + text.count("\n", 0, last)
                self.leaks.append(Leak("emphasis", stray[1][:80], line, 1))
            elif _STRAY_CLOSER.match(text, last) and self._bold_marks(block) == 1:
                # `**` right after a word that no `**` opens (`… en argument**`)
                before = text[text.rfind("\n", 0, last) + 1 : last].lstrip()[-40:]  # its line's text, to place it
                line = first_line + text.count("\n", 0, last)
                self.leaks.append(Leak("emphasis", before + "**", line, 1))
        if attributes and tail and element.tag == "img":
            if shown_after := _SHOWN_IMAGE_ATTRIBUTES.match(text):
                self.leaks.append(Leak("image-attribute", shown_after[0], first_line, 1))
        elif attributes:
            for shown in _SHOWN_BLOCK_ATTRIBUTES.finditer(text):
                line = first_line + text.count("\n", 0, shown.start(1))
                self.leaks.append(Leak("block-attribute", shown[1], line, 1))
        if not leaky:
            return
        if "****" in text and block is not None and block.tag in ("p", "li", "td", "th"):
            # bold around nothing, against a word (`is****,`: its text deleted), shown as written
            for empty in _EMPTY_BOLD.finditer(text):
                self.leaks.append(Leak("emphasis", empty[0], first_line + text.count("\n", 0, empty.start()), 1))
        if "**" in text and (leak := _bold_around(text, element if not tail else None, element if tail else None)):
            self.leaks.append(Leak("emphasis", leak, first_line + text.count("\n", 0, text.rfind("**")), 1))
        prose = without_math(text)
        for kind, pattern in LEAKS:
            read = prose if kind in _NOT_IN_MATH else text
            counted, newlines = 0, 0  # the matches come in text order: lines counted once
            if kind == "emphasis":
                matches = _emphasis(pattern, read)
            else:  # math: sought up to its last closer, where each opener finds one (linear)
                matches = pattern.finditer(read, 0, _math_end(read) if kind == "math" else len(read))
            for match in matches:
                newlines += text.count("\n", counted, match.start())
                counted = match.start()
                self.leaks.append(Leak(kind, match[0].strip()[:80], first_line + newlines, 1))

    @staticmethod
    def _first_line(text: str, element: etree._Element, tail: bool) -> int:
        """The line where `text` starts: an element's text starts where its start tag ends;
        a tail ends where the next element starts (its end tag's line is not known)."""
        if tail:
            following = element.getnext()
            if following is not None and following.sourceline:
                return following.sourceline - text.count("\n")
        return element.sourceline or 1


# Elements the parser may create without a tag in the text.
_IMPLIED = frozenset({"html", "head", "body", "p", "tbody", "colgroup"})
# Elements `_Walker._element` records even without an id.
_RECORDED = frozenset(
    {*_URL_ATTRIBUTES, *SRCSET_TAGS, "h1", "h2", "h3", "h4", "h5", "h6", "meta", "base", "link", "script"}
)
_MATH = re.compile(r"katex|mathjax", re.I)
# Structured data about the page, which may hold its text ("we use KaTeX"): no sign of a math
# renderer, as code and a theme's JSON config (`"render": "mathjax"`) are
_PAGE_DATA = frozenset({"application/ld+json"})
_STRING = etree.XPath("string()", smart_strings=False)
_TEXT_OUTSIDE_CODE = etree.XPath(
    ".//text()[not(ancestor::code or ancestor::kbd or ancestor::samp)]", smart_strings=False
)
_WITH_ID = etree.XPath("descendant-or-self::*[@id]")


def _is_code(attrs: Mapping[str, str]) -> bool:
    """Whether a `<script>` of these attributes is code or a theme's config, not data about
    the page (see _PAGE_DATA)."""
    return attrs.get("type", "").strip().lower() not in _PAGE_DATA


def _bold_around(text: str, parent: etree._Element | None, previous: etree._Element | None) -> str:
    """The Markdown of bold that showed its `**` as text around links or code spans
    (`word**[a link](/x/)** word`, `**do not use `main`**branch`, `注意：**请先安装`hugo`。**然后`:
    a `**` between punctuation or a backtick and a letter opens or closes nothing): from
    `text`'s last `**`, an opener, to the `**` a later text of its paragraph closes it with,
    for text that is `parent`'s first text or `previous`'s tail; "" when an element between
    is no link or code span, or nothing closes it."""
    start = text.rfind("**")
    if start < 0 or text[start + 2 : start + 3].isspace():
        return ""
    if previous is not None:
        following = previous.getnext()
    else:
        following = parent[0] if parent is not None and len(parent) else None
    pieces = [text[start:]]
    for _ in range(_BOLD_ELEMENTS):
        if following is None or following.tag not in ("a", "code"):
            return ""
        shown = _STRING(following)
        pieces.append(f"`{shown}`" if following.tag == "code" else f"[{shown}]({following.get('href', '')})")
        tail = following.tail or ""
        end = tail.find("**")
        if end == 0 or end > 0 and not tail[end - 1].isspace():
            return "".join(pieces) + tail[: end + 2]
        if end > 0 or "\n\n" in tail:
            return ""
        pieces.append(tail)
        following = following.getnext()
    return ""


_BOLD_ELEMENTS = 4  # the most links and code spans read for the `**` that closes a bold shown as text


# `**` and a word at a paragraph's start (`**Note: …`), shown as text when nothing closes it
_UNCLOSED_BOLD = re.compile(r"\s*+(\*\*[^\s*]\S*)")
# `**` before a capitalised word, after a blank, anywhere in a paragraph (see `_text`)
_STRAY_OPENER = re.compile(r"(\*\*[A-Z][^\s*]*+)")
# `**` right after a letter, at the text's end or before a blank or punctuation: bold closed
# that nothing opened, when the paragraph has no other `**` (not `2**10`, `a**b`)
# Four asterisks against a word, no more (`is****,`, `****word`): an empty bold, shown
_EMPTY_BOLD = re.compile(r"[^\W_]++\*{4}(?!\*)|(?<![*\w])\*{4}[^\W_]++")
_STRAY_CLOSER = re.compile(r"(?<=[^\W_])(\*\*)(?=$|\s|[.,;:!?)])")


def _emphasis(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for the emphasis leak, in linear time: when no `**` closes
    the one at an opener, none closes a later opener on that line either (its closers are a
    subset), so the rest of the line is skipped."""
    position = 0
    while opener := _EMPHASIS_OPENER.search(text, position):
        if match := pattern.match(text, opener.start()):
            yield match
            position = match.end()
        elif (position := text.find("\n", opener.end())) < 0:
            return


# Leaks that math written for the browser (KaTeX, MathJax) or kept by Hugo's passthrough
# extension holds as math, not as markup: `f^{**}`, `\text{**x**}`, `[^a]`.
_NOT_IN_MATH = frozenset({"emphasis", "footnote"})
def _math_end(text: str) -> int:
    """Where the last `$$` that may close math (no `(` after it) ends; 0 without one."""
    end = len(text)
    while (found := text.rfind("$$", 0, end)) >= 0:
        if text[found + 2 : found + 3] != "(":
            return found + 2
        end = found + 1  # `$$$(`: the `$$` one before may close
    return 0


def _is_canonical(link: HtmlLink) -> bool:
    return "canonical" in link.rel.lower().split()


def _without_body(root: etree._Element) -> bool:
    """Whether the page shows nothing: no body, or one without elements or text."""
    body = root.find("body")
    return body is None or (len(body) == 0 and not (body.text or "").strip())


def _may_leak(text: str) -> bool:
    """Whether any of LEAKS may match in `text` (substring tests: faster than a regex)."""
    return (
        "{{" in text or "HAHAHUGO" in text or "[^" in text or "---" in text or "$$" in text or "**" in text
        or "|—" in text or "|–" in text or "| —" in text or "| –" in text or "|:–" in text or "| :–" in text
        or "|-" in text or "| -" in text or "|:-" in text or "| :-" in text
    )


def _shown_attribute(heading: etree._Element) -> str:
    """The `{#id}` a heading shows as text ("" when none), as far as one text node of it
    goes: the Markdown has it so (`{#page-local-` of ``{#page-local-`x`-list}``, whose code
    span is an element of the heading)."""
    pieces = _TEXT_OUTSIDE_CODE(heading)  # `{.class}` in a code span is shown on purpose
    shown = _SHOWN_ATTRIBUTES.search("".join(pieces))
    if shown is None:
        return ""
    start = 0
    for piece in pieces:
        if start + len(piece) > shown.start():
            return piece[shown.start() - start : shown.end() - start].strip()[:80]
        start += len(piece)
    return ""


def _text_of(element: etree._Element) -> str:
    """The element's text content, whitespace collapsed (comments excluded)."""
    return " ".join(_STRING(element).split())


def _prose_texts(root: etree._Element) -> Iterator[tuple[str, etree._Element, bool]]:
    """(text, its element, whether it is the element's tail) for every text outside VERBATIM
    elements, in document order: an element's text, then its children's, then its tail.
    Comment tails count; processing instructions' do not."""
    if root.tag not in VERBATIM:
        if root.text:
            yield root.text, root, False
        stack = [(root, iter(root))]
        while stack:
            parent, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack and parent.tail:
                    yield parent.tail, parent, True
            elif child.tag is etree.Comment:
                if child.tail:
                    yield child.tail, child, True
            elif isinstance(child.tag, str):
                if child.tag in VERBATIM:
                    if child.tail:
                        yield child.tail, child, True
                else:
                    if child.text:
                        yield child.text, child, False
                    stack.append((child, iter(child)))
    if root.tail:
        yield root.tail, root, True


def _srcset(value: str) -> Iterator[str]:
    """The URLs of a srcset: comma-separated candidates, each a URL and descriptors, read as
    the HTML standard's algorithm reads them (a URL that ends with a comma ends its candidate;
    descriptors end at a comma outside parentheses), in one pass."""
    position = 0
    while (match := _SRCSET_URL.match(value, position)) and match[1]:
        url, position = match[1], match.end()
        if url.endswith(","):
            yield url.rstrip(",")
            continue
        yield url
        position = _SRCSET_DESCRIPTORS.match(value, position).end()  # type: ignore[union-attr]


_SRCSET_URL = re.compile(r"[\s,]*+(\S*+)")
_SRCSET_DESCRIPTORS = re.compile(r"(?:[^,(]++|\([^)]*+\)?+)*+")

"""`parse_document(path, data) -> Document`: one Markdown file parsed once, for every rule.

Steps: decode (UTF-8, BOM, any line ending) -> split front matter -> lex Hugo shortcodes in
the body (Hugo does this before Markdown, even inside code) -> replace each shortcode by an
opaque placeholder, as Hugo does, keeping a map back to source offsets -> parse the result
once with markdown-it -> extract frozen records with 1-based source line and column.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from markdown_it.token import Token

from validator import heading_ids, highlight
from validator.addresses import EMBEDDED_WRITER, GOLDMARK, GOLDMARK_WRITER, Writer
from validator.frontmatter import TOML_LONE_RETURN, FrontMatter, split_front_matter
from validator.settings import LINK_HOOKS, HtmlBlockOpening, Markup, SiteConfig
from validator.shortcodes import EMBEDDED, ShortcodeCall, ShortcodeTag, lex_shortcodes, pair_shortcodes, uses_inner
from validator.markdown import (
    APART_LINES,
    HTML_BLOCK_BREAKS,
    HTML_BLOCK_CALLS,
    BLOCK_NESTING,
    NESTED_TOO_DEEP,
    ROW_COLUMN,
    TABLE_COLUMNS,
    TASK_CHECKBOX,
    WRITTEN_DESTINATION,
    innermost_spans,
    make_parser,
)
from validator.model import Finding

_T = TypeVar("_T")
_InContent = TypeVar("_InContent", "Link", "Heading", Finding)  # what `Document.in_file` places

REF_SHORTCODES = ("ref", "relref")
# Markdown-notation shortcodes whose output is a value, never headings.
VALUE_SHORTCODES = frozenset({"ref", "relref", "param"})
PLACEHOLDER_MARK = "HAHAHUGOSHORTCODE"
PLACEHOLDER_IN_ID = PLACEHOLDER_MARK.lower()  # as a heading id holds it
PLACEHOLDER = re.compile(PLACEHOLDER_MARK + r"(\d+)HBHB")
_DIGITS = re.compile(r"\d+")
SUMMARY_DIVIDER = "<!--more-->"
# (An attribute's name holds no `<` that starts a tag, and the attributes are taken
# possessively: a tag never scans past the next one, and a run of `<a <a` stays linear.)
_TAG = re.compile(
    r"""<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)
        (?P<attrs>(?:\s+(?:[^\s"'<>/=]|<(?![A-Za-z/]))+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*+)
        \s*(?P<self>/)?>""",
    re.VERBOSE,
)
# Raw HTML that is no element, at the start of an HTML block or as one inline piece: a
# processing instruction (`<?php`), a declaration (`<!DOCTYPE`), a CDATA section. Its
# `HtmlTag` is named by this match, as written.
_CONSTRUCT = re.compile(r"<(?:\?[A-Za-z0-9_-]*|![A-Za-z]+|!\[CDATA\[)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_COMMENT_MARKERS = re.compile(r"^(\{\{[<%]\s*)/\*(.*)\*/(\s*[>%]\}\})$", re.S)
_HEADING_LIKE = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}(?:\s|$)|=+\s*$|-{2,}\s*$)|\{#|\bid\s*=")
_VISIBLE_TEXT = frozenset({"text", "text_special", "code_inline", "softbreak", "hardbreak"})


def _combining_mark_ranges() -> tuple[tuple[int, int], ...]:
    """The combining marks of the Basic Multilingual Plane, as (first, last) code point
    ranges: vowel signs of Indic scripts, accents of decomposed text. Python's `\\w` leaves
    them out, and would cut `हिन्दी` or `নিন` into pieces."""
    marks = [code for code in range(0x10000) if unicodedata.category(chr(code))[0] == "M"]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((first, last) for first, last in ranges)


COMBINING_MARK_RANGES = _combining_mark_ranges()
# The same, as a character class's body.
COMBINING_MARKS = "".join(
    re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in COMBINING_MARK_RANGES
)
LETTER = rf"[^\W\d_][{COMBINING_MARKS}]*"  # a letter with its combining marks
# A word of prose: letters, with inner apostrophes ("don't", "Hugo’s"); within ASCII, the
# same words are found faster without Unicode classes.
WORD = re.compile(rf"(?:{LETTER})+(?:['’](?:{LETTER})+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str  # the heading's visible text, shortcodes as written
    line: int
    column: int
    id: str | None  # the id Hugo gives it; None when autoHeadingID is off and none is set
    custom_id: bool = False  # set with {#id}
    id_predictable: bool = True  # False when a shortcode's output is part of the id


@dataclass(frozen=True, slots=True)
class Link:
    destination: str  # as written, shortcodes in their source form
    line: int
    column: int
    # link, image, autolink, html (an href/src in raw HTML), ref (a bare ref/relref),
    # commented-ref (one in an HTML comment)
    kind: str
    text: str = ""
    shortcode: ShortcodeUse | None = None  # the ref/relref that produces the destination
    # The destination as markdown-it reads it and as written, when escapes or entities make
    # them differ (`/a\\.b/`): a render hook is given it as written (`Document.placed`).
    forms: tuple[str, str] | None = None


# Blank lines and HTML comments alone, the last maybe unclosed, which the browser takes to
# the end (each comment matched once: no backtracking).
_ONLY_COMMENTS = re.compile(r"(?>\s*<!--.*?(?:-->|\Z))*+\s*", re.S)
# A fragment written after a ref/relref call, ending the link's destination.
_FRAGMENT_AFTER_CALL = re.compile(r"[>%]\}\}(#[^#\s]*)$")


def ref_path(link: Link) -> str | None:
    """The path argument of the ref/relref that makes a link's destination ("" when it has
    none), with the fragment written after the call (`{{< relref "a.md" >}}#part`, which
    Hugo's href ends with) when the argument has none; None without a ref call."""
    if link.shortcode is None:
        return None
    argument = link.shortcode.param("path", 0)
    path = "" if argument is None else str(argument)
    after = _FRAGMENT_AFTER_CALL.search(link.destination.strip())
    return path + after[1] if after and "#" not in path else path


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    label: str  # as markdown-it read it: shortcodes are placeholders, as in Hugo's goldmark
    line: int
    column: int
    written: str = ""  # the label as the file writes it, for messages
    apart: int = 0  # the content Hugo renders apart that holds it (see `_contents_apart`), 0: none


@dataclass(frozen=True, slots=True)
class FootnoteDef:
    label: str
    line: int
    column: int
    apart: int = 0  # as FootnoteRef's: a reference sees the definitions of its own part alone


_Footnote = TypeVar("_Footnote", FootnoteRef, FootnoteDef)


@dataclass(frozen=True, slots=True)
class HtmlTag:
    name: str  # lower-cased element name
    line: int
    column: int
    closing: bool
    self_closing: bool
    attributes: tuple[tuple[str, str | None], ...]
    block: bool  # part of an HTML block rather than inline HTML
    source: str

    def attribute(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key.lower() == name), None)

    def has_attribute(self, name: str) -> bool:
        return any(key.lower() == name for key, _ in self.attributes)

    @property
    def is_element(self) -> bool:
        """False for a processing instruction, a declaration or a CDATA section (see
        `_CONSTRUCT`): raw HTML Hugo omits too, but no element."""
        return self.name[:1].isalpha()

    @property
    def written(self) -> str:
        return written_tag(self.name, self.closing)


def reported_inline_tags(tags: Iterable[HtmlTag]) -> Iterator[tuple[HtmlTag, bool]]:
    """Each inline tag of `tags`, and whether it is reported as raw HTML Hugo omits: all but
    the closing tags whose opening tag came before (fixing the opening tag fixes both)."""
    open_counts: dict[str, int] = {}
    for tag in tags:
        if tag.block:
            continue
        if tag.closing and open_counts.get(tag.name, 0) > 0:
            open_counts[tag.name] -= 1
            yield tag, False
            continue
        if not tag.closing and not tag.self_closing:
            open_counts[tag.name] = open_counts.get(tag.name, 0) + 1
        yield tag, True


def written_tag(name: str, closing: bool = False) -> str:
    """A tag as a message shows it: `<abbr>`, `</div>`, `<?php … ?>`, `<!DOCTYPE …>`."""
    if name.startswith("?"):
        return f"<{name} … ?>"
    if name.startswith("!["):
        return f"<{name} … ]]>"
    if name.startswith("!"):
        return f"<{name} …>"
    return f"</{name}>" if closing else f"<{name}>"


@dataclass(frozen=True, slots=True)
class HtmlComment:
    text: str  # between <!-- and -->
    line: int
    column: int
    end_line: int
    end_column: int = 0  # of its closing `>`

    def holds(self, line: int, column: int) -> bool:
        """Whether the file position is inside the comment."""
        return (self.line, self.column) < (line, column) < (self.end_line, self.end_column)


@dataclass(frozen=True, slots=True)
class CodeBlock:
    line: int  # first line (the opening fence for fenced blocks)
    end_line: int  # last line, inclusive
    column: int
    fenced: bool
    info: str  # the fence's info string ("" for indented blocks)
    content: str
    fence: str = ""  # the fence characters, e.g. "```"

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0] if self.info.strip() else ""


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int
    column: int  # where the row starts: after the list marker or `>` of its container
    cells: tuple[str, ...]  # cell sources as written, split on unescaped pipes


@dataclass(frozen=True, slots=True)
class Table:
    line: int
    end_line: int
    header: TableRow
    rows: tuple[TableRow, ...]  # body rows (the delimiter row excluded)
    columns: int = 0  # the delimiter row's: goldmark adds empty header cells up to it


@dataclass(frozen=True, slots=True)
class ShortcodeUse:
    """A shortcode call: its open tag, and closing tag when it is paired."""

    name: str
    notation: str  # "<" or "%"
    kind: str  # open, self-closing, comment (closing tags belong to their call)
    line: int
    column: int
    end_line: int
    positional: tuple[Any, ...]
    named: tuple[tuple[str, Any], ...]
    errors: tuple[str, ...]
    source: str  # the opening tag as written
    close_line: int | None = None
    close_column: int | None = None
    parent: int | None = None
    close_name: str = ""  # the name its closing tag gives, as written ("" for `{{< / >}}`)
    close_notation: str = ""  # its closing tag's `<` or `%`

    @property
    def legacy(self) -> bool:
        """Whether it is written `{{% %}}`, of a template that declares ``$_hugo_config :=
        `{ "version": 1 }` ``: Hugo renders its content as Markdown apart and keeps the
        template's output as it is, as a `{{< >}}` call's (the page's Markdown around it sees
        one placeholder), so `notation` is "<" (see `parse_document`; checked with hugo 0.168)."""
        return self.notation == "<" and self.source.startswith("{{%")

    @property
    def written_notation(self) -> str:
        """The notation as written: "%" for a `legacy` call."""
        return "%" if self.legacy else self.notation

    @property
    def paired(self) -> bool:
        return self.close_line is not None

    @property
    def template(self) -> str:
        """The name Hugo looks the call's template up by: case does not matter there (it
        does in pairing a closing tag with its call, where `name` is used as written)."""
        return self.name.lower()

    @property
    def values(self) -> tuple[Any, ...]:
        """The call's parameter values, positional ones first."""
        return (*self.positional, *(value for _, value in self.named))

    def get(self, parameter: str | int) -> Any:
        """What the template's `.Get` gives: a named parameter, or a positional one."""
        return self.param(parameter) if isinstance(parameter, str) else self.param("", parameter)

    def param(self, name: str, position: int | None = None) -> Any:
        """A named parameter, or the positional one at `position`."""
        for key, value in self.named:
            if key == name:
                return value
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return None


_URL_START = re.compile(r"[A-Za-z][\w+.-]*:|//")  # a scheme, or a host: `https://`, `mailto:`, `//cdn`


@dataclass(frozen=True, slots=True)
class StrayShortcodeClose:
    name: str
    notation: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class SummaryDivider:
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """A problem found while reading the file; reported by the rule named in `rule`."""

    rule: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Document:
    """One parsed Markdown file. Everything is read-only; `tokens` must not be mutated.
    Its cached properties are of the Markdown alone, not of the page's place (see `placed`)."""

    path: str
    text: str  # decoded, LF line endings
    lines: tuple[str, ...]
    markup: Markup
    front_matter: FrontMatter
    body_line: int  # first line of the Markdown body
    tokens: tuple[Token, ...] = ()
    headings: tuple[Heading, ...] = ()
    term_ids: tuple[str | None, ...] = ()  # per definition term (autoDefinitionTermID), in order
    block_ids: tuple[str, ...] = ()  # set by attribute lines below blocks (goldmark's block attributes)
    links: tuple[Link, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    footnote_defs: tuple[FootnoteDef, ...] = ()
    html_tags: tuple[HtmlTag, ...] = ()
    comments: tuple[HtmlComment, ...] = ()
    code_blocks: tuple[CodeBlock, ...] = ()
    tables: tuple[Table, ...] = ()
    # The labels of the page's link definitions (normalized: case folded, blanks as one)
    link_labels: frozenset[str] = frozenset()
    # Of a call's content parsed apart and placed in its page: the page's own link labels,
    # which Hugo's rendering of the content does not see (see engine's _placed_contents)
    page_link_labels: frozenset[str] = frozenset()
    shortcodes: tuple[ShortcodeUse, ...] = ()
    stray_shortcode_closes: tuple[StrayShortcodeClose, ...] = ()
    summary_dividers: tuple[SummaryDivider, ...] = ()
    issues: tuple[ParseIssue, ...] = ()
    source_map: SourceMap | None = field(default=None, repr=False, compare=False)
    # Set by the engine inside a Hugo site: the page's URL, None when Hugo renders no page
    # for the file (headless, build.render = never, a resource inside a leaf bundle).
    url: str | None = None
    url_unknown: bool = False  # Hugo renders its page at a URL not known here (PagePrediction.unknown)
    rendered: bool = True
    resources: bool = False  # whether Hugo publishes the files of its bundle (PagePrediction)
    # its front matter with what cascades give it (PagePrediction), inside a Hugo site
    cascaded: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)
    language: str | None = None  # the page's language code, inside a Hugo site
    # The language its words are spelled in, inside a Hugo site (spelling.spelling_language):
    # its Hugo language's, or that of the language folder it is in
    spelling_language: str | None = None
    site: SiteConfig = field(default_factory=SiteConfig, repr=False, compare=False)
    render_hooks: frozenset[str] = frozenset()  # the site's own that render it (SiteConfig.hooks_rendering)
    # Who writes its links' and its images' addresses (SiteConfig.address_writers)
    address_writers: tuple[Writer, Writer] = (GOLDMARK_WRITER, GOLDMARK_WRITER)
    prints_title_h1: bool = True  # whether its templates may print an `<h1>` (SiteConfig.prints_title_h1)
    # The ids its page templates write as fixed text (SiteConfig.page_template_ids)
    template_ids: frozenset[str] = frozenset()
    # Whether its templates may write any id: they print a file they read
    # (SiteConfig.page_reads_files), or write ids made of actions alone (page_any_id)
    template_any_id: bool = False
    # The attributes (`src`, `href`) whose addresses in its content its templates rewrite
    # (SiteConfig.page_rewrites_addresses)
    addresses_rewritten: frozenset[str] = frozenset()
    # The template that renders its content as Markdown again (SiteConfig.page_content_markdownified)
    content_markdownified: str = ""
    is_call_content: bool = False  # a call's content parsed apart (see `parse_document`)
    # What Hugo puts before its footnote ids (`enableAutoIDPrefix`: engine._footnote_prefix)
    footnote_prefix: str = ""

    @property
    def ids(self) -> frozenset[str]:
        """Every id the rendered page is known to get from its Markdown: headings, definition
        terms (with autoDefinitionTermID), block attribute lines, footnotes, and raw HTML ids
        when Hugo keeps it."""
        omitted = self._omitted_calls
        ids = {h.id for h in self.headings if h.id and not (omitted and self.dropped_with_omitted_call(h.line))}
        ids.update(term for term in self.term_ids if term)
        # a shortcode's `id` parameter names the element it writes (an alert, a tab)
        ids.update(str(value) for use in self.shortcodes for key, value in use.named if key == "id" and value)
        # and a template may write the value of another (`id="{{ .Get 0 }}"`)
        if self.site.shortcode_id_parameters:
            written = dict(self.site.shortcode_id_parameters)
            for use in self.shortcodes:
                for key in written.get(use.template, ()):
                    anchorized, name = (True, key[1]) if isinstance(key, tuple) else (False, key)
                    value = use.get(name)
                    if value is not None and str(value):
                        ids.add(heading_ids.anchorize(str(value), self.markup.id_type) if anchorized else str(value))
        ids.update(self.block_ids)
        ids.update(self.line_ids)
        site = self.markup.highlight
        ids.update(found for block in self.code_blocks if block.fenced and (found := highlight.fence_id(block.info, site)))
        # the headings of a call's content its template renders (`.Inner | .Page.RenderString`), ids apart
        gone = {(use.line, use.column) for use in omitted}
        ids.update(heading.id for at, content in self._contents_with_headings.items() if at not in gone
                   for heading in content.headings if heading.id and heading.id_predictable)
        # and of each `{{% %}}` call's inside a `{{< >}}` call's content: rendered apart, its
        # ids made unique within it alone (two tabs' `## Install` are both `install`)
        ids.update(heading.id for _, nested in self._nested_calls if nested is not None
                   for heading in nested.headings if heading.id and heading.id_predictable)
        numbered = {(ref.apart, ref.label) for ref in self.footnote_refs if self.defines(ref)}
        per_part = Counter(part for part, _ in numbered)
        # and in each `{{< >}}` call's content its template renders (`.Inner | markdownify`)
        per_part.update({-index: len({ref.label for ref in content.footnote_refs if content.defines(ref)})
                         for index, (_, content) in enumerate(self.rendered_contents, 1)})
        for number in range(1, max(per_part.values(), default=0) + 1):
            # numbered from 1 in each part rendered apart
            ids.update((f"{self.footnote_prefix}fn:{number}", f"{self.footnote_prefix}fnref:{number}"))
        if self.markup.unsafe:
            ids |= self.raw_html_ids
            # and those of the raw HTML in the contents rendered apart (a legacy `{{% note %}}`'s `<span id>`)
            ids.update(found for at, content in self._contents_with_headings.items() if at not in gone
                       for found in content.raw_html_ids)
        return frozenset(ids)

    @functools.cached_property
    def _contents_with_headings(self) -> dict[tuple[int, int], Document]:
        """The `{{< >}}` calls' contents that their templates render alone (see
        `rendered_contents`), or may (a template of a theme not found: `_template_missing`),
        and that may hold headings, by the call's place; with raw HTML kept, those of the
        `{{% %}}` calls in the page's Markdown whose template renders the content alone
        (`<div>{{ .Inner | markdownify }}</div>`): its HTML, ids and all, reaches the page."""
        missing = self._parsed_apart(lambda use, within: use.notation == "<" and self._template_missing(use))
        rendering = self.site.shortcodes_rendering_inner
        markdownified = self._parsed_apart(
            lambda use, within: use.notation == "%" and not within and use.template in rendering
        ) if self.markup.unsafe and rendering else ()  # fmt: skip
        return {
            (use.line, use.column): content
            for use, content in (*self.rendered_contents, *missing, *markdownified)
            if content is not None and (use.notation == "<" or use.parent is None) and self._may_hold_headings(use)
        }

    def _template_missing(self, use: ShortcodeUse) -> bool:
        """Whether the call's template may be in a theme or module not found: it may render
        its content as Markdown, headings and all (geekblog's `tab`, a docs theme's `hint`),
        whose ids are then taken as the page's."""
        site = self.site
        return site.templates_missing and use.template not in site.shortcodes and use.template not in EMBEDDED

    def _may_hold_headings(self, use: ShortcodeUse) -> bool:
        """Whether a call's inner text has a line that may be a heading or set an id: `#`, a
        setext underline, `{#id}`, `id=`."""
        if use.close_line is None:
            return False
        lines = self._heading_like_lines
        first = bisect.bisect_right(lines, use.line)  # the first such line after the open tag's
        return first < len(lines) and lines[first] < use.close_line

    def _heading_lines_outside_parsed_calls(self, use: ShortcodeUse) -> bool:
        """Whether a call's content has a line that may be a heading outside the `{{% %}}`
        calls right inside it that were parsed apart (their headings are known, a `#` line in
        their fences none)."""
        lines = self._heading_like_lines
        inside = lines[bisect.bisect_right(lines, use.line) : bisect.bisect_left(lines, use.close_line or 0)]
        if not inside:
            return False
        parsed = [(call.line, call.close_line) for call, content in self._nested_calls
                  if content is not None and call.close_line is not None]
        return any(not any(start <= number <= end for start, end in parsed) for number in inside)

    def defines(self, ref: FootnoteRef) -> bool:
        """Whether the Markdown Hugo renders the footnote reference with defines its label:
        the page's own, or the content rendered apart that holds it (see `FootnoteRef.apart`)."""
        return (ref.apart, ref.label) in self._footnote_labels

    @functools.cached_property
    def _footnote_labels(self) -> frozenset[tuple[int, str]]:
        return frozenset((definition.apart, definition.label) for definition in self.footnote_defs)

    @functools.cached_property
    def _heading_like_lines(self) -> list[int]:
        """The numbers of the lines `_HEADING_LIKE` finds something in, in order, but inside a
        fenced code block (a `# comment` in a fence is code wherever Hugo renders the content;
        an indented block may not be, once a template takes the indent away)."""

        def in_fence(number: int) -> bool:
            block = self.code_block_at(number)
            return block is not None and block.fenced and block.line < number < block.end_line

        lines = enumerate(self.lines, start=1)
        return [number for number, line in lines if _HEADING_LIKE.search(line) and not in_fence(number)]

    @property
    def raw_html_ids(self) -> frozenset[str]:
        """Ids set in raw HTML, whether or not Hugo keeps it."""
        return frozenset(value for value, _ in self.raw_html_id_tags)

    @property
    def raw_html_id_tags(self) -> Iterator[tuple[str, HtmlTag]]:
        """Each id raw HTML sets (`id`, an `<a>`'s `name`), with the tag that sets it, in order."""
        for tag in self.html_tags:
            if not tag.closing:
                for value in (tag.attribute("id"), tag.attribute("name") if tag.name == "a" else None):
                    if value:
                        yield value, tag

    @property
    def ref_parameters(self) -> Iterator[tuple[ShortcodeUse, str, str]]:
        """The paths a theme's shortcode looks up with `ref`/`relref` from a call's parameter
        (geekdoc's `{{< button relref="usage/" >}}`, SiteConfig.shortcode_ref_parameters):
        each call with the path and the function."""
        testing = self.site.shortcodes_testing_addresses
        for use, _, function, value in self.call_parameters(self.site.shortcode_ref_parameters):
            # (not a URL given to a template that tests addresses first, as redis's image-card
            # does: it passes URLs on)
            if isinstance(value, str) and value.strip() and "{{" not in value and not use.errors:
                if use.template not in testing or not _URL_START.match(value.strip()):
                    yield use, value, function

    def call_parameters(
        self, table: Sequence[tuple[str, str | int, str]]
    ) -> Iterator[tuple[ShortcodeUse, str | int, str, Any]]:
        """For each call of a shortcode `table` names, each of its parameters the table gives
        (`(name, parameter, what)`: a name or a position, and what is told of it): the call,
        the parameter, what, and the value the call gives it (None when it gives none)."""
        if not table:
            return
        by_name: dict[str, list[tuple[str | int, str]]] = {}
        for name, parameter, what in table:
            by_name.setdefault(name, []).append((parameter, what))
        for use in self.shortcode_calls:
            for parameter, what in by_name.get(use.template, ()):
                yield use, parameter, what, use.get(parameter)

    @property
    def writes_nothing(self) -> bool:
        """Whether the Markdown is blank, or comments alone."""
        return all(token.type == "html_block" and _ONLY_COMMENTS.fullmatch(token.content) for token in self.tokens)

    @property
    def id_prefixes(self) -> tuple[str, ...]:
        """What is unknown of the page's ids: prefixes any id may start with.

        `()` when every id is known; ("",) when shortcode output may add any id (a
        `{{% name %}}` call's Markdown may hold headings, a template may write ids or render
        the headings of what it is given, see SiteConfig.shortcodes_with_ids); else each
        heading id up to the placeholder a shortcode's output leaves in it, and what the ids
        the page's shortcodes write start with (SiteConfig.shortcode_id_prefixes).
        """
        if self.markup.heading_id_form is None and self.headings:
            return ("",)  # the site's heading hook writes ids otherwise than Hugo's `.Anchor`
        written = dict(self.site.shortcode_id_prefixes)
        calls = self.shortcode_calls
        prefixes = []
        for heading in self.headings:
            if heading.id and not heading.id_predictable:
                before, _, after = heading.id.partition(PLACEHOLDER_IN_ID)
                index = int(number[0]) if (number := _DIGITS.match(after)) else len(calls)
                if index < len(calls) and calls[index].notation == "%":
                    # a `{{% %}}` call's output, laid into the Markdown before the id is made
                    # (`## {{% heading "whatsnext" %}}`, Kubernetes'): what follows is not known
                    prefixes.append(before.rstrip("-_"))
                else:
                    # a `{{< >}}` call's: Hugo's id holds its placeholder, lower-cased
                    # (`hahahugoshortcode7s1hbhb-quoted`); the text before it, and its mark
                    prefixes.append(before + PLACEHOLDER_IN_ID)
        for use, nested in self._nested_calls:
            # Markdown rendered inside a `{{< >}}` call's content, which the page's parse
            # does not show (`{{% codetab %}}` in `{{< tabs >}}`): its headings, parsed apart
            if nested is None and not use.paired and (use.template in VALUE_SHORTCODES or self._writes_no_heading(use)):
                continue  # a value (`{{% param description %}}` in docsy's legacy `blocks/cover`)
            if nested is None or "" in nested.id_prefixes:
                return ("",)
            prefixes += nested.id_prefixes  # its headings' ids are known (see `ids`)
        calls = self.shortcode_calls
        omitted = {id(use) for use in self._omitted_calls}
        for use, within in zip(calls, opaque_depths(calls)):
            if use.notation == "%" and within and use.template not in VALUE_SHORTCODES:
                # a `{{% %}}` call in a `{{< >}}` call's content, parsed apart above; its
                # template's own ids may reach the page (`{{% expand %}}` in a wrapper)
                if use.template in self.site.shortcodes_with_ids:
                    return ("",)
                prefixes.extend(written.get(use.template, ()))
                continue
            if use.template in VALUE_SHORTCODES:
                continue
            if use.notation == "%" and (self.in_code(use.line) or id(use) in omitted):
                continue  # its output is Markdown inside a code block (code), or omitted: no element
            if use.notation == "<" and self.in_code(use.line) and _names_plain_files(use):
                continue  # a file's text shown in a code block (`{{< readfile "x.yaml" >}}` in a fence)
            if (use.notation == "%" and not use.paired and not self._writes_no_heading(use)) or (
                use.template in self.site.shortcodes_with_ids
            ):
                return ("",)
            if (
                use.template in self.site.shortcodes_rendering_markdown or use.legacy or self._template_missing(use)
            ) and self._may_hold_headings(use):
                content = self._contents_with_headings.get((use.line, use.column))
                if content is None and not self._heading_lines_outside_parsed_calls(use):
                    pass  # its `#` lines are in `{{% %}}` calls parsed apart above (a `{{% tab %}}`'s fence)
                elif content is None or "" in content.id_prefixes:
                    return ("",)
                else:
                    prefixes += content.id_prefixes  # its headings' ids are known (see `ids`)
            prefixes.extend(written.get(use.template, ()))
        kept: list[str] = []  # those no shorter one starts (in sorted order, they come after it)
        for prefix in sorted(set(prefixes)):
            if not kept or not prefix.startswith(kept[-1]):
                kept.append(prefix)
        return tuple(kept)

    @functools.cached_property
    def _nested_calls(self) -> tuple[tuple[ShortcodeUse, Document | None], ...]:
        """The `{{% %}}` calls right inside a `{{< >}}` call's content, each with that
        content parsed apart."""
        return self._parsed_apart(lambda use, within: use.notation == "%" and within == 1)

    @functools.cached_property
    def rendered_contents(self) -> tuple[tuple[ShortcodeUse, Document], ...]:
        """The calls whose content Hugo renders as Markdown apart from the page, each with
        that content parsed apart (see `content_position`), in file order: the `{{< >}}`
        calls in the page's Markdown whose template renders their content
        (SiteConfig.shortcodes_rendering_inner), and the `{{% %}}` calls right inside the
        content of another `{{< >}}` call (`{{% tab %}}` in `{{< tabpane >}}`: Hugo renders
        a `{{% %}}` call's content apart when it is inside another call's, and with the
        page's renderer, so its links are the page's)."""
        rendering = self.site.shortcodes_rendering_inner
        calls = self.shortcode_calls
        shown = self._shown_calls
        rendered = [(use, content) for use, content in self._parsed_apart(
            lambda use, within: use.notation == "<" and (use.template in rendering or use.legacy)
            and (not within or id(use) in shown)
        ) if content is not None]  # fmt: skip
        nested = [
            (use, content)
            for use, content in self._nested_calls
            # (a legacy call's content is rendered apart whole, the `{{% %}}` calls in it included)
            if content is not None and use.parent is not None and calls[use.parent].template not in rendering
            and not calls[use.parent].legacy
        ]
        if nested:
            return tuple(sorted((*rendered, *nested), key=lambda entry: (entry[0].line, entry[0].column)))
        return tuple(rendered)

    @functools.cached_property
    def _shown_calls(self) -> frozenset[int]:
        """The `{{< >}}` calls (by `id`) inside other `{{< >}}` calls' content whose output
        reaches the page: each call around it prints its content as it is (`{{ .Inner }}`:
        coder's `{{< tab >}}` in `{{< tabgroup >}}`)."""
        calls = self.shortcode_calls
        passing = self.site.shortcodes_with_inner - self.site.shortcodes_rendering_markdown

        def omits(parent: ShortcodeUse) -> bool:
            """A legacy call's content is Markdown rendered apart: the HTML of its calls is raw HTML there."""
            return parent.legacy and not self.markup.unsafe

        reaches: list[bool] = []  # a parent comes before its children
        for use in calls:
            parent = calls[use.parent] if use.parent is not None else None
            reaches.append(parent is None or (
                reaches[use.parent] and (parent.notation == "%" or (parent.template in passing and not omits(parent)))
            ))
        return frozenset(
            id(use) for use, reached in zip(calls, reaches)
            if reached and use.parent is not None and calls[use.parent].notation == "<"
        )  # fmt: skip

    @property
    def embedded_hooks(self) -> tuple[bool, bool]:
        """Whether Hugo's embedded render hooks write the page's links and its images: when
        on, and no hook of the site's renders the page (one that keeps the destination as
        it is too), unless `useEmbedded = "always"` (SiteConfig.address_writers)."""
        return self.address_writers[0] == EMBEDDED_WRITER, self.address_writers[1] == EMBEDDED_WRITER

    @property
    def links_hooked(self) -> bool:
        """Whether a link render hook writes the page's links: the site's, or Hugo's embedded one."""
        return bool(LINK_HOOKS & self.render_hooks) or self.embedded_hooks[0]

    @property
    def hooks_written(self) -> tuple[bool, bool]:
        """Whether a render hook, the site's or Hugo's embedded one, writes the page's links,
        and its images: Hugo gives it their destinations as written (see Link.forms)."""
        writers = self.address_writers
        return (
            self.links_hooked or writers[0].kind != GOLDMARK,
            "render-image" in self.render_hooks or writers[1].kind != GOLDMARK,
        )

    @property
    def page_rendered_contents(self) -> tuple[tuple[ShortcodeUse, Document], ...]:
        """The `rendered_contents` whose links Hugo writes as the page's own: those of
        `{{% %}}` calls always (the page's renderer renders them); of `{{< >}}` calls, when a
        link render hook of the site's or Hugo's embedded one renders them, only those of
        `.Page.RenderString`: the hook runs on `markdownify`'s with the home page (`#x`
        links to `/#x`; checked with hugo 0.168)."""
        if self.links_hooked:
            in_page = self.site.shortcodes_rendering_inner_in_page
            return tuple(
                (use, content)
                for use, content in self.rendered_contents
                if use.notation == "%" or use.legacy or use.template in in_page
            )
        return self.rendered_contents

    @functools.cached_property
    def _omitted_calls(self) -> tuple[ShortcodeUse, ...]:
        """The `{{% %}}` calls whose template writes HTML whatever it is given, without
        `unsafe`: Hugo omits their output, headings and all (see raw-html-omitted)."""
        if self.markup.unsafe or not self.site.shortcodes_writing_html:
            return ()
        calls = self.shortcode_calls
        return tuple(
            use for use, within in zip(calls, opaque_depths(calls))
            if use.notation == "%" and not within and use.template in self.site.shortcodes_writing_html
        )  # fmt: skip

    @functools.cached_property
    def _dropped_spans(self) -> tuple[list[int], list[int]]:
        """The lines whose output Hugo omits with an omitted call's (see `_spans`): all of a
        call whose template renders its content itself (`<div>{{ .Inner | markdownify }}</div>`:
        HTML alone); of another's (`<div>{{ .Inner }}</div>`), the lines that join the HTML
        block its output opens, up to the first blank line: after it, the content is Markdown
        of the page, headings and links kept (checked with hugo 0.168)."""
        rendering = self.site.shortcodes_rendering_inner
        blank_after: list[int] = []  # for each line (from 0), the number of the first blank line after it
        spans = []
        for use in self._omitted_calls:
            last = use.close_line or use.line
            if use.template not in rendering:
                if not blank_after:  # (one pass over the page: nested calls stay linear)
                    blank_after = [len(self.lines) + 1] * (len(self.lines) + 1)
                    for number in range(len(self.lines) - 1, -1, -1):
                        blank_after[number] = number + 1 if not self.lines[number].strip() else blank_after[number + 1]
                last = min(last, blank_after[use.line] - 1)  # (the lines after the call's, to a blank one)
            spans.append(dataclasses.replace(use, close_line=last))
        return _spans(spans)

    def dropped_with_omitted_call(self, line: int) -> bool:
        """Whether what the line writes is dropped with a call's output Hugo omits (see `_dropped_spans`)."""
        return _in_spans(self._dropped_spans, line)

    @property
    def home_rendered_contents(self) -> tuple[tuple[ShortcodeUse, Document], ...]:
        """The `rendered_contents` whose links Hugo's embedded link hook writes as the home
        page's (`markdownify`'s, with no hook of the site's): `#x` links to the home page's
        `#x`, and a path is looked up (GetPage) from the home page (checked with hugo 0.168)."""
        if LINK_HOOKS & self.render_hooks or not self.embedded_hooks[0]:
            return ()
        return self.contents_apart_from_page

    @property
    def links_written_as_homes(self) -> frozenset[tuple[int, int]]:
        """The places of the page's own links that Hugo's embedded link hook writes as the
        home page's: those in the content of a paired `{{% %}}` call right in the page's
        Markdown whose template renders it with `markdownify` alone (letsencrypt's glossary
        `{{% def %}}`: `#x` links to `/fr/#x`, checked with hugo 0.168), as of a `{{< >}}`
        call's (see `home_rendered_contents`)."""
        if LINK_HOOKS & self.render_hooks or not self.embedded_hooks[0]:
            return frozenset()
        site = self.site
        markdownified = site.shortcodes_rendering_inner - site.shortcodes_rendering_inner_in_page
        spans = [
            (1, (use.line, use.column), (use.close_line, use.close_column))
            for use in self.shortcode_calls
            if use.notation == "%" and use.parent is None and use.template in markdownified
            and use.close_line is not None and use.close_column is not None
        ]  # fmt: skip
        if not spans:
            return frozenset()
        places = [(link.line, link.column) for link in self.links]
        return frozenset(place for place, held in zip(places, innermost_spans(spans, places)) if held)

    @property
    def contents_apart_from_page(self) -> tuple[tuple[ShortcodeUse, Document], ...]:
        """The `rendered_contents` not among the `page_rendered_contents`."""
        own = {id(use) for use, _ in self.page_rendered_contents}
        return tuple((use, content) for use, content in self.rendered_contents if id(use) not in own)

    @property
    def fragment_links_apart(self) -> tuple[Link, ...]:
        """The bare `#x` links of the `rendered_contents` the site's own link hook renders as
        the home page's (`markdownify`'s), when no hook makes a URL of a destination
        (SiteConfig.link_hooks_move_fragments): written as they are, this page's fragments
        (congo's hook, which looks up paths alone)."""
        if not LINK_HOOKS & self.render_hooks or self.site.link_hooks_move_fragments:
            return ()
        links = self.rendered_content_links(self.contents_apart_from_page)
        return tuple(link for link in links if link.destination.startswith("#"))

    def rendered_content_links(
        self,
        contents: Sequence[tuple[ShortcodeUse, Document]] | None = None,
        kinds: Collection[str] = ("link", "image"),
    ) -> tuple[Link, ...]:
        """The Markdown links and images of `contents` (by default all `rendered_contents`),
        at their places in the file, or those of other `kinds` (raw HTML's); the shortcode
        calls those hold are among the page's own."""
        return tuple(
            link
            for use, content in (self.rendered_contents if contents is None else contents)
            for link in self.in_file(use, content.links)
            if link.shortcode is None and link.kind in kinds
        )

    def _parsed_apart(
        self, wanted: Callable[[ShortcodeUse, int], bool]
    ) -> tuple[tuple[ShortcodeUse, Document | None], ...]:
        """The calls `wanted` takes (given each call and its `opaque_depths` depth), each with
        its content parsed apart (see `_nested`): not parsed, None, when the content holds a
        `{{% %}}` call inside a `{{< >}}` call's, a level the parse would not follow (told
        for every call in one pass from the last: nesting stays linear)."""
        calls = self.shortcode_calls
        markdown_below = [False] * len(calls)  # a `{{% %}}` call in its content
        too_deep = [False] * len(calls)  # one inside a `{{< >}}` call in its content
        for index in range(len(calls) - 1, -1, -1):
            use = calls[index]
            if use.parent is not None:
                markdown_below[use.parent] |= use.notation == "%" or markdown_below[index]
                too_deep[use.parent] |= too_deep[index] or (use.notation == "<" and markdown_below[index])
        return tuple(
            (use, None if too_deep[index] else self._nested(use, self._line_offsets))
            for index, (use, within) in enumerate(zip(calls, opaque_depths(calls)))
            if wanted(use, within)
        )

    @staticmethod
    def content_position(use: ShortcodeUse, line: int, column: int) -> tuple[int, int]:
        """The file (line, column) of a (line, column) in a paired call's content parsed
        apart: the content starts right after the opening tag."""
        return use.line + line - 1, column + (use.column - 1 + len(use.source) if line == 1 else 0)

    @staticmethod
    def in_file(use: ShortcodeUse, records: Iterable[_InContent]) -> Iterator[_InContent]:
        """Records of a call's content parsed apart (its links, headings, findings), at
        their places in the file (see `content_position`)."""
        for record in records:
            line, column = Document.content_position(use, record.line, record.column)
            yield dataclasses.replace(record, line=line, column=column)

    @property
    def nested_headings(self) -> tuple[Heading, ...]:
        """The headings of the `{{% %}}` calls right inside a `{{< >}}` call's content, which
        Hugo renders but the page's parse does not show, at their places in the file."""
        return self._placed_headings(self._nested_calls)

    @property
    def rendered_content_headings(self) -> tuple[Heading, ...]:
        """The headings of the `rendered_contents`, at their places in the file (Hugo gives
        them ids apart from the page's: they may repeat its ids); those of `{{% %}}` calls
        are among the `nested_headings`."""
        return self._placed_headings((use, content) for use, content in self.rendered_contents if use.notation == "<")

    def _placed_headings(self, contents: Iterable[tuple[ShortcodeUse, Document | None]]) -> tuple[Heading, ...]:
        return tuple(
            heading
            for use, content in contents
            if content is not None
            for heading in self.in_file(use, content.headings)
        )

    @property
    def every_heading(self) -> tuple[Heading, ...]:
        """The page's headings and the `nested_headings`, in file order."""
        nested = self.nested_headings
        if not nested:
            return tuple(self.headings)
        return tuple(sorted((*self.headings, *nested), key=lambda heading: (heading.line, heading.column)))

    def call_content(self, use: ShortcodeUse, starts: Sequence[int]) -> tuple[int, str] | None:
        """A paired call's content as written, and its file offset; None when the call is not
        paired or its opening tag spans lines. `starts`: where the page's lines start."""
        if use.close_line is None or use.close_column is None or "\n" in use.source:
            return None
        start = starts[use.line - 1] + use.column - 1 + len(use.source)
        return start, self.text[start : starts[use.close_line - 1] + use.close_column - 1]

    def _nested(self, use: ShortcodeUse, starts: Sequence[int]) -> Document | None:
        """The Markdown content of a paired call, parsed as a page of its own (its heading
        ids stand for the ids Hugo gives them, suffixes aside); None when it is not known.
        `starts`: where the page's lines start."""
        content = self.call_content(use, starts)
        if content is None:
            return None
        text = content[1]
        if "/*" in text and use.notation == "<" and use.template in self.site.shortcodes_rendering_inner_in_page:
            # `.Inner` holds `{{</* x */>}}` as `{{< x >}}`, a call the page's RenderString runs
            # (checked with hugo 0.168): unescaped in place, blanks for the marks
            text = _unescaped_calls(text)
        nested = parse_document(
            self.path, text.encode("utf-8"), self.markup, self.site, call_content=True, language=self.language
        )
        calls = nested.shortcode_calls
        if any(depth and call.notation == "%" for call, depth in zip(calls, opaque_depths(calls))):
            return None  # another level of content the parse does not show: not followed
        return nested

    def _writes_no_heading(self, use: ShortcodeUse) -> bool:
        """Whether a call's output, Markdown in `{{% %}}` notation, holds no heading: one of
        Hugo's own shortcodes, or a template of the site's that cannot write one but from
        parameters, given none that could start one."""
        if use.template not in self.site.shortcodes:
            return use.template in EMBEDDED
        if not use.paired and self.site.writes_text(use.template):
            output = self.site.shortcode_output(use.template, use.positional, use.named, self.language)
            # (a line of `=` or `-` alone would underline the line before it)
            lines = [line.strip(" \t") for line in (output or "#").split("\n")]
            return not any(line.startswith("#") or (line and not line.strip("=-")) for line in lines)
        return use.template in self.site.shortcodes_without_headings and not any(
            "#" in str(value) or "\n" in str(value) for value in use.values
        )

    @property
    def is_text(self) -> bool:
        """False when the bytes were not text (a binary file, UTF-16): nothing else can be
        checked. (A text's stray NUL byte, or a byte that is not UTF-8, is read and told.)"""
        return bool(self.text) or not any(issue.rule == "file-encoding" for issue in self.issues)

    @property
    def shortcode_calls(self) -> list[ShortcodeUse]:
        """The shortcode calls, comments left out, in order: `ShortcodeUse.parent` is an
        index into this list."""
        return [use for use in self.shortcodes if use.kind != "comment"]

    @functools.cached_property
    def html_block_openers(self) -> dict[int, tuple[ShortcodeUse, bool]]:
        """The `{{% %}}` calls whose template's output opened an HTML block in the parse
        that Markdown joins (SiteConfig.shortcodes_opening_html_block, _closing_html_block),
        by the block's token (`id`), each with whether the block opens at its closing tag
        (the text after the call joins it) rather than at its opening one (its content)."""
        if not (self.site.shortcodes_opening_html_block or self.site.shortcodes_closing_html_block):
            return {}
        calls = self.shortcode_calls
        openers = {}
        for token in self.tokens:
            if token.type != "html_block" or (found := PLACEHOLDER.match(content := token.content.lstrip())) is None:
                continue
            index = int(found[1])
            if index < len(calls) and content[found.end() :].replace(found[0], "").strip():
                use = calls[index]
                openers[id(token)] = (use, use.close_line is not None and self.position(token)[0] == use.close_line)
        return openers

    def placed(self, **context: Any) -> Document:
        """The same parse with another place in the site (`path`, `url`, `rendered`,
        `resources`, `language`, `site`, `render_hooks`, `address_writers`), keeping what was already
        computed of its content: a file whose bytes are another's is not worked through again."""
        assert context.keys() <= _CONTEXT, context.keys() - _CONTEXT
        placed = dataclasses.replace(self, **context)
        if any(link.forms is not None for link in self.links):
            written = placed.hooks_written
            placed = dataclasses.replace(placed, links=tuple(_as_hooks_have_it(link, written) for link in self.links))
        placed.__dict__.update((name, self.__dict__[name]) for name in _CONTENT_CACHES if name in self.__dict__)
        return placed

    def parse_findings(self, rule: str) -> Iterator[Finding]:
        """The problems found while reading the file that belong to `rule`."""
        for issue in self.issues:
            if issue.rule == rule:
                yield Finding(issue.line, issue.column, issue.message)

    def position(self, token: Token, offset: int = 0) -> tuple[int, int]:
        """File (line, column) of an offset into an inline or HTML block token's content.

        Inline tokens that markdown-it gives no position carry `meta["pos"]` (see markdown.py)
        for the located kinds: links, images, code spans, raw HTML, footnote references.
        """
        if self.source_map is None:
            return (self.body_line, 1)
        return self.source_map.token_position(token, offset)

    @property
    def is_slide_deck(self) -> bool:
        """Whether the page is a slide deck, where each `#` heading starts a slide: HugoBlox's
        `type: slides`, reveal-hugo's `outputs: [Reveal]`."""
        outputs = self.front_matter.get("outputs")
        outputs = [outputs] if isinstance(outputs, str) else outputs if isinstance(outputs, list) else []
        kind = self.front_matter.get("type") or (self.cascaded or {}).get("type")
        return (isinstance(kind, str) and kind.lower() == "slides") or any(
            isinstance(name, str) and name.lower() == "reveal" for name in outputs
        )

    def in_code(self, line: int) -> bool:
        """Whether the line is in a code block."""
        return self.code_block_at(line) is not None

    def code_block_at(self, line: int) -> CodeBlock | None:
        """The code block the line is in, if any (the blocks, in page order, do not overlap)."""
        index = bisect.bisect_right(self._code_starts, line) - 1
        return self.code_blocks[index] if index >= 0 and line <= self.code_blocks[index].end_line else None

    def of_content(self, make: Callable[[Document], _T]) -> _T:
        """`make(self)`, computed once for the content: the copies `placed` elsewhere (a
        versioned site's pages) share it, so `make` must read the parse alone, never the
        document's place (path, URL, language, site)."""
        known = self._of_content
        if make not in known:
            known[make] = make(self)
        return known[make]

    @functools.cached_property
    def _of_content(self) -> dict[Callable[[Document], Any], Any]:
        return {}

    @functools.cached_property
    def _code_starts(self) -> list[int]:
        return [block.line for block in self.code_blocks]

    @functools.cached_property
    def line_ids(self) -> tuple[str, ...]:
        """The ids Hugo's highlighting gives code lines (see validator.highlight): of the
        fenced code blocks, numbered in order, and of the `highlight` shortcode's code."""
        ids = [line_id for line_id, _, _ in self.fenced_line_ids]
        for use in self.shortcode_calls:
            if use.template == "highlight" and use.close_line is not None:
                ids.extend(self.highlight_line_ids(use))
        return tuple(ids)

    @functools.cached_property
    def fenced_line_ids(self) -> tuple[tuple[str, int, int], ...]:
        """The line ids of the fenced code blocks, numbered in order, each with the (line,
        column) of its code line."""
        site = self.markup.highlight
        if not site.anchor_line_nos and not any("anchorlinenos" in block.info.lower() for block in self.code_blocks):
            return ()  # `anchorLineNos` is off and no block turns it on
        fenced = [block for block in self.code_blocks if block.fenced]
        return tuple(
            (line_id, block.line + 1 + number, block.column)
            for ordinal, block in enumerate(fenced)
            if highlight.highlighted(block.info, site)  # (numbered all the same)
            for number, line_id in enumerate(
                highlight.line_ids(highlight.options(block.info), highlight.line_count(block.content), ordinal, site)
            )
        )

    @property
    def code_line_anchors(self) -> tuple[tuple[str, int, int], ...]:
        """The `fenced_line_ids` of the page and of the `rendered_contents` (whose code blocks
        Hugo numbers apart, from 0), at their places in the file, in file order."""
        places = list(self.fenced_line_ids)
        for use, content in self.rendered_contents:
            for value, line, column in content.fenced_line_ids:
                places.append((value, *self.content_position(use, line, column)))
        return tuple(sorted(places, key=lambda place: (place[1], place[2])))

    def highlight_line_ids(self, use: ShortcodeUse) -> list[str]:
        """The line ids of a `highlight` call's code: its options are its second argument."""
        site = self.markup.highlight
        if not highlight.highlighted(str(use.param("", 0) or ""), site):
            return []  # (no language, or one Chroma does not know: written as plain `<pre>`)
        found = highlight.options(str(use.param("", 1) or ""))
        return highlight.line_ids(found, highlight.line_count(self.inner_text(use)), None, site)

    def inner_text(self, use: ShortcodeUse) -> str:
        """The text between a call's tags, de-indented as its opening tag is, without the
        line breaks around it (as the `highlight` shortcode takes it)."""
        if use.close_line is None or use.close_column is None:
            return ""
        text = self.text
        start = self._offset(use.line, use.column)
        end = self._offset(use.close_line, use.close_column)
        inner = text[start + len(use.source) : end] if start + len(use.source) <= end else ""
        indent = text[self._offset(use.line, 1) : start]
        if indent and not indent.strip():
            inner = "\n".join(line.removeprefix(indent) for line in inner.split("\n"))
        return inner.strip("\n\r")

    def _offset(self, line: int, column: int) -> int:
        starts = self._line_offsets
        return starts[min(max(line - 1, 0), len(starts) - 1)] + column - 1 if starts else 0

    @functools.cached_property
    def _line_offsets(self) -> list[int]:
        """Where each line of the text starts (the source map's, when there is one)."""
        return self.source_map.file_line_starts if self.source_map is not None else line_starts(self.text)

    @functools.cached_property
    def outlines(self) -> tuple[tuple[Token, str], ...]:
        """Each inline token with its `outline`, in order."""
        return tuple((token, outline(token.children)) for token in self.tokens if token.type == "inline" and token.children)

    @functools.cached_property
    def prose(self) -> str:
        """The `outline` of every inline token, in order, parted by NULs: the page's prose in
        one string, for the rules that read words and for the site's vocabulary."""
        return "\0".join(text for _, text in self.outlines)


# HTML block types (CommonMark 1-5) that end with a closure line, and their end markers.
_CLOSURE_BLOCKS = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:\s|>|$)", re.I), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)


_ALERT = re.compile(r"\[!([A-Za-z]+)\]")  # as Hugo finds alerts in a blockquote's first paragraph


def blockquote_alert(tokens: Sequence[Token], open_index: int) -> re.Match[str] | None:
    """The alert marker (`[!NOTE]`) the blockquote opened at `open_index` starts with."""
    for token in tokens[open_index + 1 : open_index + 3]:
        if token.type == "inline":
            return _ALERT.match(token.content)
    return None


def has_closure_line(content: str) -> bool:
    """Whether an HTML block's content ends with a closure line (types 1-5, the end not on
    line one): goldmark then writes a second `<!-- raw HTML omitted -->` for that line."""
    lines = content.rstrip("\n").split("\n")
    for opening, closing in _CLOSURE_BLOCKS:
        if opening.match(lines[0]):
            return len(lines) > 1 and not closing.search(lines[0]) and bool(closing.search(lines[-1]))
    return False


# Elements whose content is text, not markup, up to their closing tag.
_RAW_TEXT_ELEMENTS = frozenset({"script", "style", "textarea", "title"})

# What `Document.placed` changes, and what it keeps of the parse it is given.
def _as_hooks_have_it(link: Link, hooks_written: tuple[bool, bool]) -> Link:
    """The link with the destination the page's HTML has (see Document.hooks_written): as
    written when a render hook writes it (Hugo gives it `.Destination` so, escapes kept:
    `/a%5C.b/`), else as read."""
    if link.forms is None:
        return link
    return dataclasses.replace(link, destination=link.forms[hooks_written[link.kind != "link"]])


_CONTEXT = frozenset(
    {
        "path", "url", "url_unknown", "rendered", "resources", "cascaded", "language", "site", "render_hooks",
        "address_writers", "prints_title_h1", "template_ids", "template_any_id", "spelling_language",
        "addresses_rewritten", "page_link_labels", "footnote_prefix", "content_markdownified",
    }
)
_CONTENT_CACHES = tuple(name for name, value in vars(Document).items() if isinstance(value, functools.cached_property))


_FORMATTING = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


def outline(children: Sequence[Token]) -> str:
    """An inline token's prose in one string, cheaply, for tests that must not miss what its
    stretches hold: each stretch's text appears in it whole, and whatever ends a stretch is
    a NUL (so no two stretches run together). It may hold more, such as autolinks' URLs."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text" or kind == "text_special":
            parts.append(child.content)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n")
        elif kind in _FORMATTING or (
            kind in ("link_open", "link_close") and child.markup not in ("autolink", "linkify")
        ):
            continue
        elif kind == "image":
            parts += ["\0", outline(child.children or ()), "\0"]
        else:
            parts.append("\0")
    text = "".join(parts)
    return PLACEHOLDER.sub("\0", text) if PLACEHOLDER_MARK in text else text


def words_in(text: str) -> list[str]:
    """The words (`WORD`) of `text`, as written, in order."""
    return (_ASCII_WORD if text.isascii() else WORD).findall(text)


# --- decoding -----------------------------------------------------------------------------


# Longest first: UTF-32's little-endian mark starts with UTF-16's.
_WIDE_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)


def decode(data: bytes) -> tuple[str | None, ParseIssue | None]:
    """UTF-8 text with CRLF line endings made LF, and an issue when the bytes are not all
    text; None for text when they are not text at all (a binary file, UTF-16). A few NUL
    bytes or bytes that are not UTF-8 in a text file are read as Hugo reads them (a NUL is
    U+FFFD, as a byte that is not UTF-8 shows in a browser), and the rest is checked. A
    carriage return not followed by a line feed is kept (see `_lone_returns`)."""
    for mark, encoding in _WIDE_BYTE_ORDER_MARKS:
        if data.startswith(mark):
            message = f"file is {encoding} text (it starts with a byte order mark); Hugo reads UTF-8 alone"
            return None, ParseIssue("file-encoding", 1, 1, message + " and publishes it garbled")
    nul = data.find(b"\x00")
    try:
        text, bad = data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text, bad = data.decode("utf-8-sig", "replace"), exc.start
    nuls = data.count(b"\x00") if nul >= 0 else 0
    if nuls > max(_STRAY_NULS, len(data) // 1000):
        return None, ParseIssue("file-encoding", *_byte_position(data, nul), "file contains NUL bytes; not a text file")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode()) if bad is not None else 0
    issue = None
    if bad is not None and (nul < 0 or bad < nul):
        more = f", and {replaced - 1:,} more" if replaced > 1 else ""
        message = (
            f"byte 0x{data[bad]:02x} is not UTF-8{more}: Hugo publishes it as it is, which browsers show as "
            "a replacement character (�); save the file as UTF-8"
        )
        issue = ParseIssue("file-encoding", *_byte_position(data, bad), message)
    elif nul >= 0:
        more = f", and {nuls - 1:,} more" if nuls > 1 else ""
        message = f"a NUL byte{more}: Hugo shows it as a replacement character (�); remove it"
        issue = ParseIssue("file-encoding", *_byte_position(data, nul), message)
    if nul >= 0:
        text = text.replace("\x00", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text, issue


# The NUL bytes a text file may hold by mistake: more (and more than one in a thousand
# bytes) make a binary file (an image, a program), which has many
_STRAY_NULS = 4


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The (line, column) of a byte offset, the column counted in characters."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _lone_returns(source: SourceMap, returns: str, front_matter: FrontMatter, body_start: int) -> Iterator[ParseIssue]:
    """The issues of the lone carriage returns of `returns` (the file's text with them kept:
    the text `source` maps has a `\n` at their offsets). Goldmark ends a line only at `\n`:
    after a lone `\r` the next line joins its line, so a heading, list item or blank line
    that starts it is lost. TOML front matter does not parse at all (Hugo stops the build),
    its delimiters' own line ends aside."""
    starts = source.file_line_starts
    if front_matter.format == "toml" and front_matter.line < front_matter.end_line <= len(starts):
        first = returns.find("\r", starts[front_matter.line], starts[front_matter.end_line - 1])
        if first >= 0:
            yield ParseIssue("front-matter-syntax", *source.position(first), TOML_LONE_RETURN)
    end = len(returns) - 1  # a return that ends the file joins nothing to its line
    first = returns.find("\r", body_start, end)
    if first < 0:
        return
    more = returns.count("\r", first + 1, end)
    others = f", and {more:,} more line{'s' if more != 1 else ''} below" if more else ""
    yield ParseIssue(
        "lone-carriage-return",
        *source.position(first),
        f"this line ends with a lone carriage return (\\r, an old Mac OS line ending){others}: "
        "Hugo's Markdown ends a line only at a line feed, so the next line joins this one and a "
        "heading, list item or blank line it starts is lost; save the file with LF or CRLF line endings",
    )


# --- the map from the parsed (masked) text back to the file ---------------------------------


class SourceMap:
    """Maps offsets in the text markdown-it parsed back to offsets in the file.

    The parsed text is the body with each shortcode replaced by a placeholder: pieces of it
    are either copies of the file (offsets shift) or synthetic (they map to one offset).
    """

    def __init__(self, text: str, masked: str, pieces: list[tuple[int, int, bool]]):
        self._starts = [masked_start for masked_start, _, _ in pieces]
        self._pieces = pieces
        self._file_lines = line_starts(text)
        self._masked_lines = line_starts(masked)
        self.masked = masked
        self._tokens: dict[int, tuple[Token, list[int], dict[int, int]]] = {}

    def file_offset(self, masked_offset: int) -> int:
        index = bisect.bisect_right(self._starts, masked_offset) - 1
        masked_start, file_start, synthetic = self._pieces[max(index, 0)]
        return file_start if synthetic else file_start + masked_offset - masked_start

    @property
    def file_line_starts(self) -> list[int]:
        """Where each line of the file's text starts."""
        return self._file_lines

    def position(self, file_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset."""
        index = bisect.bisect_right(self._file_lines, file_offset) - 1
        return index + 1, file_offset - self._file_lines[index] + 1

    @property
    def masked_line_count(self) -> int:
        return len(self._masked_lines)

    def masked_line_start(self, masked_line: int) -> int:
        return self._masked_lines[min(masked_line, len(self._masked_lines) - 1)]

    def masked_line(self, masked_line: int) -> str:
        start = self.masked_line_start(masked_line)
        end = self.masked.find("\n", start)
        return self.masked[start : end if end >= 0 else len(self.masked)]

    def line_position(self, masked_line: int, column: int = 0) -> tuple[int, int]:
        """File (line, column) of a 0-based column in a 0-based masked line."""
        return self.position(self.file_offset(self.masked_line_start(masked_line) + column))

    def token_position(self, token: Token, offset: int = 0) -> tuple[int, int]:
        """File (line, column) of an offset into the content of a token with a line map
        (an `inline` token, an `html_block`): container prefixes and shortcodes accounted for."""
        starts, columns = self._token_lines(token)
        line_index = bisect.bisect_right(starts, offset) - 1
        masked_line = (token.map[0] if token.map else 0) + line_index
        base = columns.get(line_index)
        if base is None:  # where the content's line starts in its source line, found once
            content = token.content
            end = starts[line_index + 1] - 1 if line_index + 1 < len(starts) else len(content)
            base = _content_column(self.masked_line(masked_line), content[starts[line_index] : end])
            columns[line_index] = base
        return self.line_position(masked_line, base + offset - starts[line_index])

    def _token_lines(self, token: Token) -> tuple[list[int], dict[int, int]]:
        """The line starts of a token's content, and the columns found so far: kept per token,
        so locating many offsets in one long paragraph stays linear."""
        cached = self._tokens.get(id(token))
        if cached is None or cached[0] is not token:
            cached = self._tokens[id(token)] = (token, line_starts(token.content), {})
        return cached[1], cached[2]


def opaque_depths(calls: Sequence[ShortcodeUse]) -> list[int]:
    """For each call, 0 when it is not within the content of a `{{< >}}` call (which the
    page's parse does not show: `{{% codetab %}}` in `{{< tabs >}}`), else how many calls
    from the nearest such call down to it (1: directly in it). A parent comes before its
    children."""
    depths: list[int] = []
    for use in calls:
        parent = use.parent
        if parent is None:
            depths.append(0)
        elif calls[parent].notation == "<":
            depths.append(1)
        else:
            depths.append(depths[parent] + 1 if depths[parent] else 0)
    return depths


def _names_plain_files(use: ShortcodeUse) -> bool:
    """Whether a call's parameters name files, none of which may hold HTML (`x.yaml`, not
    `x.html` nor `x.md`): what its template prints of them writes no element."""
    paths = [value for value in use.values if isinstance(value, str) and _FILE_NAME.fullmatch(value.strip())]
    return bool(paths) and not any(path.strip().lower().endswith(_MARKUP_FILES) for path in paths)


_FILE_NAME = re.compile(r"[^\s<>\"'{}]*\.[A-Za-z0-9]{1,8}")
_MARKUP_FILES = (".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".svg", ".xml", ".txt")


def line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


def _mask(
    text: str,
    body_start: int,
    calls: Sequence[ShortcodeCall],
    comments: Sequence[ShortcodeTag] = (),
    strays: Sequence[ShortcodeTag] = (),
) -> tuple[str, list[tuple[int, int, bool]]]:
    """Replace shortcodes (and the first summary divider) as Hugo does before Markdown.

    `{{< >}}` calls are replaced whole, inner content included (Hugo renders them apart);
    `{{% %}}` calls lose only their tags (their output, usually the inner Markdown, is
    rendered with the page); a `{{</* x */>}}` comment becomes its text, `{{< x >}}`.
    A closing tag that closes no call is left out: Hugo stops the build on it (see
    shortcode-mismatched), it never shows as text. The first `<!--more-->` always ends
    the current block.
    """
    replacements: list[tuple[int, int, str]] = []  # (start, end, replacement) in file offsets
    replacements += [(body_start + tag.start, body_start + tag.end, "") for tag in strays]
    for tag in comments:
        source = text[body_start + tag.start : body_start + tag.end]
        literal = _COMMENT_MARKERS.sub(r"\1\2\3", source)
        replacements.append((body_start + tag.start, body_start + tag.end, literal))
    covered_until = -1
    for index, call in enumerate(calls):
        tag = call.open
        start = body_start + tag.start
        if start < covered_until:
            continue  # inside a {{< >}} call already replaced whole
        placeholder = f"HAHAHUGOSHORTCODE{index}HBHB"
        if call.close is not None and tag.notation == "<":
            end = body_start + call.close.end
            replacements.append((start, end, placeholder))
            covered_until = end
        else:
            replacements.append((start, body_start + tag.end, placeholder))
            if call.close is not None:
                close = call.close
                replacements.append(
                    (body_start + close.start, body_start + close.end, placeholder)
                )
    divider = text.find(SUMMARY_DIVIDER, body_start)
    if divider >= 0 and not any(s <= divider < e for s, e, _ in replacements):
        end = divider + len(SUMMARY_DIVIDER)
        while end < len(text) and text[end] in " \t\n":
            end += 1
        replacements.append((divider, end, f"\n\n{SUMMARY_DIVIDER}\n\n"))
    replacements.sort()
    pieces: list[tuple[int, int, bool]] = []
    parts: list[str] = []
    masked_length, cursor = 0, body_start
    for start, end, replacement in replacements:
        if start < cursor:
            continue
        pieces.append((masked_length, cursor, False))
        parts.append(text[cursor:start])
        masked_length += start - cursor
        pieces.append((masked_length, start, True))
        parts.append(replacement)
        masked_length += len(replacement)
        cursor = end
    pieces.append((masked_length, cursor, False))
    parts.append(text[cursor:])
    return "".join(parts), pieces


# --- parsing ------------------------------------------------------------------------------


def parse_document(
    path: str,
    data: bytes,
    markup: Markup | None = None,
    site: SiteConfig | None = None,
    *,
    call_content: bool = False,
    language: str | None = None,
) -> Document:
    """Parse one Markdown file. Never raises on any input: problems become `issues`. The
    site, when given, is the document's (see `Document.placed`): its shortcode templates
    tell which calls wait for a closing tag, and with the page's `language` (None: the
    default one), what the calls of those that write text alone write in its headings.
    With `call_content`: Markdown alone, a call's content, whose first line is never
    front matter (`{{< figure >}}` is not JSON) and whose paired `{{% %}}` calls are in
    another call's content (Hugo renders theirs apart: see `_contents_apart`)."""
    markup = markup or Markup()
    site = site or SiteConfig()
    text, issue = decode(data)
    if text is None:
        assert issue is not None
        return Document(path, "", (), markup, FrontMatter(), 1, issues=(issue,), site=site)
    decoded = (issue,) if issue is not None else ()
    returns = text if "\r" in text else ""
    if returns:
        text = text.replace("\r", "\n")
    front_matter, body_start = split_front_matter(text) if not call_content else (FrontMatter(), 0)
    issues: list[ParseIssue] = list(decoded)
    if front_matter.error:
        error = front_matter.error
        issues.append(ParseIssue("front-matter-syntax", error.line, error.column, error.message))
    if front_matter.closing_rest:
        delimiter = "+++" if front_matter.format == "toml" else "---"
        message = (
            f"text after the closing '{delimiter}': Hugo ends the front matter there and renders "
            f"{front_matter.closing_rest[:40]!r} as the page's first Markdown; put it on a line of its own, "
            f"or end the line at '{delimiter}'"
        )
        issues.append(ParseIssue("front-matter-syntax", front_matter.end_line, 4, message))
    body = text[body_start:]
    tags = lex_shortcodes(body)
    calls, strays = pair_shortcodes(tags, lambda name: uses_inner(name, site))
    if site.shortcodes_legacy:  # their `{{% %}}` calls rendered as `{{< >}}` calls are (see ShortcodeUse.legacy)
        calls = [
            dataclasses.replace(call, open=dataclasses.replace(call.open, notation="<"))
            if call.open.notation == "%" and call.open.name.lower() in site.shortcodes_legacy else call
            for call in calls
        ]
    comments = [tag for tag in tags if tag.kind == "comment"]
    masked, pieces = _mask(text, body_start, calls, comments, strays)
    source = SourceMap(text, masked, pieces)
    if returns:
        issues.extend(_lone_returns(source, returns, front_matter, body_start))
    env: dict[str, Any] = {APART_LINES: _lines_apart(masked, calls, call_content)}
    if (site.shortcodes_opening_html_block or site.shortcodes_closing_html_block) and calls:
        env[HTML_BLOCK_CALLS] = _html_block_calls(
            masked, calls, dict(site.shortcodes_opening_html_block), dict(site.shortcodes_closing_html_block),
            call_content,
        )
        env[HTML_BLOCK_BREAKS] = _html_block_breaks(masked, calls, dict(site.shortcodes_opening_html_block))
    tokens = make_parser(markup).parse(masked, env)
    if NESTED_TOO_DEEP in env:
        issues.append(
            ParseIssue(
                "file-unreadable",
                *source.position(source.file_offset(env[NESTED_TOO_DEEP])),
                f"lists and block quotes nested more than {BLOCK_NESTING} levels deep (a list item "
                "counts two): mdcheck reads no deeper, so what is nested deeper, and possibly the rest "
                "of the file, is not checked",
            )
        )
    extractor = _Extractor(source, markup, text, body_start, calls, call_content)
    extractor.walk(tokens, _defined_calls(env))
    outputs = _call_outputs(extractor.shortcode_uses, site, language)
    shortcodes = tuple(
        sorted(
            [*extractor.shortcode_uses, *(extractor.comment_use(tag, text, body_start) for tag in comments)],
            key=lambda use: (use.line, use.column),
        )
    )
    return Document(
        path=path,
        text=text,
        lines=tuple(text.split("\n")),
        markup=markup,
        front_matter=front_matter,
        body_line=source.position(body_start)[0],
        tokens=tuple(tokens),
        is_call_content=call_content,
        headings=extractor.headings(tokens, _with_outputs(tokens, outputs, markup, env) if outputs else tokens),
        term_ids=extractor.term_ids,
        block_ids=tuple(extractor.block_ids),
        links=tuple(extractor.links),
        footnote_refs=extractor.placed_apart(extractor.footnote_refs),
        footnote_defs=extractor.placed_apart(extractor.footnote_defs),
        html_tags=tuple(extractor.html_tags),
        comments=tuple(extractor.comments),
        code_blocks=tuple(extractor.code_blocks),
        tables=tuple(extractor.tables),
        link_labels=frozenset(env.get("references", ())),
        shortcodes=shortcodes,
        stray_shortcode_closes=tuple(
            StrayShortcodeClose(tag.name, tag.notation, *source.position(body_start + tag.start))
            for tag in strays
        ),
        summary_dividers=tuple(
            SummaryDivider(*source.position(offset)) for offset in _find_all(text, body_start)
        ),
        issues=tuple(issues),
        source_map=source,
        site=site,
        language=language,
    )


def _call_outputs(uses: Sequence[ShortcodeUse], site: SiteConfig, language: str | None) -> dict[int, str]:
    """What the `{{% %}}` calls of templates that write text alone write (see
    SiteConfig.shortcode_output), by the call's index, when known."""
    if not site.shortcode_texts:
        return {}
    outputs = {}
    for index, use in enumerate(uses):
        if use.notation == "%" and not use.paired:
            output = site.shortcode_output(use.template, use.positional, use.named, language)
            if output is not None:
                outputs[index] = output
    return outputs


def _with_outputs(tokens: Sequence[Token], outputs: Mapping[int, str], markup: Markup, env: dict[str, Any]) -> list[Token]:
    """The tokens with each heading's text holding the `outputs` of the calls in it in place
    of their placeholders, parsed again: Hugo lays a `{{% %}}` call's output into the
    Markdown, then makes the heading's id of it. Output of several lines is left out (the
    heading would end there), but for a line break the call's place at the end drops."""
    md = make_parser(markup)
    found = list(tokens)
    for index, token in enumerate(tokens):
        if token.type != "inline" or not index or tokens[index - 1].type != "heading_open":
            continue
        content = token.content

        def laid(call: re.Match[str]) -> str:
            output = outputs.get(int(call[1]))
            if output is not None and call.end() == len(content):
                output = output.removesuffix("\n")
            return call[0] if output is None or "\n" in output else output

        written = PLACEHOLDER.sub(laid, content)
        if written != content:
            children: list[Token] = []
            md.inline.parse(written, md, env, children)
            found[index] = token.copy(content=written, children=children)
    return found


def _comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each `<!-- … -->` in `text`, in one pass: a comment never closed
    ends the search (a lazy pattern would scan to the end from each `<!--`)."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        start = text.find("<!--", end + 3)


def _find_all(text: str, start: int) -> Iterator[int]:
    position = text.find(SUMMARY_DIVIDER, start)
    while position >= 0:
        yield position
        position = text.find(SUMMARY_DIVIDER, position + 1)


# `[text](` just before a call, on its line: the link the call gives its address
_LINK_TEXT_BEFORE = re.compile(r"\[([^\[\]\n]*)\]\(<?$")
_LINK_TEXT_AT_MOST = 300  # characters before a call looked at for it


class _Extractor:
    """One walk over the token stream that collects every record a rule may need."""

    def __init__(
        self,
        source: SourceMap,
        markup: Markup,
        text: str,
        body_start: int,
        calls: Sequence[ShortcodeCall],
        call_content: bool,
    ):
        self.source = source
        self.markup = markup
        self.call_content = call_content
        self.shortcode_uses = [self._shortcode_use(call, text, body_start) for call in calls]
        self._call_starts = [body_start + call.open.start for call in calls]  # in `text`
        self._text, self._body_start = text, body_start
        self.links: list[Link] = []
        self.footnote_refs: list[FootnoteRef] = []
        self.footnote_defs: list[FootnoteDef] = []
        self.html_tags: list[HtmlTag] = []
        self.comments: list[HtmlComment] = []
        self.code_blocks: list[CodeBlock] = []
        self.tables: list[Table] = []
        self._heading_positions: list[tuple[int, int]] = []
        self._linked_refs: set[int] = set()  # ref/relref calls that are a link's destination
        self.term_ids: tuple[str | None, ...] = ()
        self.block_ids: list[str] = []  # from attribute lines below blocks

    def comment_use(self, tag: ShortcodeTag, text: str, body_start: int) -> ShortcodeUse:
        """A `{{</* … */>}}` comment: Hugo prints it as text, so it is not masked."""
        return self._shortcode_use(ShortcodeCall(tag, None, None), text, body_start)

    def _shortcode_use(self, call: ShortcodeCall, text: str, body_start: int) -> ShortcodeUse:
        tag = call.open
        line, column = self.source.position(body_start + tag.start)
        end = call.close.end if call.close else tag.end
        end_line = self.source.position(body_start + max(end - 1, tag.start))[0]
        close_line = close_column = None
        if call.close is not None:
            close_line, close_column = self.source.position(body_start + call.close.start)
        return ShortcodeUse(
            name=tag.name,
            notation=tag.notation,
            kind=tag.kind,
            line=line,
            column=column,
            end_line=end_line,
            positional=tag.positional,
            named=tag.named,
            errors=tag.errors,
            source=text[body_start + tag.start : body_start + tag.end],
            close_line=close_line,
            close_column=close_column,
            parent=call.parent,
            close_name=call.close.name if call.close is not None else "",
            close_notation=call.close.notation if call.close is not None else "",
        )

    # Positions -------------------------------------------------------------------------

    def block_position(self, token: Token) -> tuple[int, int]:
        masked_line = token.map[0] if token.map else 0
        line_text = self.source.masked_line(masked_line)
        indent = len(line_text) - len(line_text.lstrip())
        return self.source.line_position(masked_line, indent)

    # The walk --------------------------------------------------------------------------

    def walk(self, tokens: Sequence[Token], defined: frozenset[int] = frozenset()) -> None:
        """Collect the records; `defined`: the calls that are in a link definition's address
        (only the links that use it write them)."""
        table: list[Any] | None = None
        for index, token in enumerate(tokens):
            kind = token.type
            if token.meta and "id" in token.meta.get("block_attributes", ()):
                self.block_ids.append(token.meta["block_attributes"]["id"])
            if kind == "inline":
                self._inline(token)
            elif kind == "heading_open":
                self._heading_positions.append(self.block_position(tokens[index + 1]))
            elif kind in ("fence", "code_block"):
                self._code_block(token)
            elif kind == "html_block":
                self._html(token.content, token, block=True)
            elif kind == "footnote_reference_open":
                line, column = self.block_position(token)
                self.footnote_defs.append(FootnoteDef(token.meta["label"], line, column))
            elif kind == "table_open":
                table = [token]
            elif kind == "tr_open" and table is not None:
                table.append(token)
            elif kind == "table_close" and table is not None:
                self._table(table[0], table[1:])
                table = None
        comments = sorted(self.comments, key=lambda comment: (comment.line, comment.column))
        starts = [(comment.line, comment.column) for comment in comments]
        for index, use in enumerate(self.shortcode_uses):
            if index in defined and index not in self._linked_refs:
                continue  # a definition no link uses: Hugo never runs its call (checked with 0.168)
            if use.template in REF_SHORTCODES and index not in self._linked_refs:
                # No reader follows a ref in an HTML comment; Hugo runs it only where it keeps
                # raw HTML (unsafe = true). Comments do not overlap: only the last one
                # starting before the call may hold it.
                before = bisect.bisect_left(starts, (use.line, use.column)) - 1
                commented = before >= 0 and comments[before].holds(use.line, use.column)
                kind = "commented-ref" if commented else "ref"
                # a Markdown link in a call's content, which the page does not read: its text
                # tells it from others to the same place (`[in]({{< relref "#x" >}})`)
                start = self._call_starts[index]
                before = self._text[max(self._body_start, start - _LINK_TEXT_AT_MOST) : start]
                text = match.group(1) if (match := _LINK_TEXT_BEFORE.search(before)) else ""
                self.links.append(Link(use.source, use.line, use.column, kind, text, use))
        self.links.sort(key=lambda link: (link.line, link.column))

    def _inline(self, inline: Token) -> None:
        children = inline.children or []
        for position, child in enumerate(children):
            kind = child.type
            if kind == "link_open":
                self._link(inline, child, children, position)
            elif kind == "image":
                self._add_link(inline, child, child.attrGet("src") or "", "image", child.content)
            elif kind == "footnote_ref":
                line, column = self.source.token_position(inline, child.meta.get("pos", 0))
                label = child.meta["label"]
                written = PLACEHOLDER.sub(self._source_of, label) if PLACEHOLDER_MARK in label else label
                self.footnote_refs.append(FootnoteRef(label, line, column, written))
            elif kind == "html_inline" and TASK_CHECKBOX not in child.meta:  # a task item's box is no raw HTML
                self._html(child.content, inline, block=False, offset=child.meta.get("pos", 0))

    def _link(self, inline: Token, link: Token, children: Sequence[Token], index: int) -> None:
        text_parts = []
        for position in range(index + 1, len(children)):  # no slice: linear in long paragraphs
            child = children[position]
            if child.type == "link_close":
                break
            text_parts.append(child.content)
        kind = "autolink" if link.markup in ("autolink", "linkify") else "link"
        self._add_link(inline, link, link.attrGet("href") or "", kind, "".join(text_parts))

    def _add_link(self, inline: Token, token: Token, href: str, kind: str, text: str) -> None:
        line, column = self.source.token_position(inline, token.meta.get("pos", 0))
        destination, shortcode = self._unmask(href)
        written = token.meta.get(WRITTEN_DESTINATION)
        forms = (destination, self._unmask(written)[0]) if written is not None else None
        self.links.append(Link(destination, line, column, kind, text, shortcode, forms))

    def _unmask(self, value: str) -> tuple[str, ShortcodeUse | None]:
        """Put shortcodes back into a destination; return the ref/relref call if any."""
        found: ShortcodeUse | None = None

        def source_form(match: re.Match[str]) -> str:
            nonlocal found
            use = self._use(match)
            if use is None:
                return match[0]
            if use.template in REF_SHORTCODES and found is None:
                found = use
                self._linked_refs.add(int(match[1]))
            return use.source

        if PLACEHOLDER_MARK not in value:
            return value, None
        return PLACEHOLDER.sub(source_form, value), found

    def _use(self, match: re.Match[str]) -> ShortcodeUse | None:
        """A placeholder's shortcode call; None when the page's own text only looks like one."""
        index = int(match[1])
        return self.shortcode_uses[index] if index < len(self.shortcode_uses) else None

    def _source_of(self, match: re.Match[str]) -> str:
        """A placeholder's shortcode as written (the match itself when it is the page's text)."""
        use = self._use(match)
        return use.source if use is not None else match[0]

    def _code_block(self, token: Token) -> None:
        start, end = token.map or (0, 1)
        line, column = self.block_position(token)
        end_line = self.source.line_position(max(end - 1, start))[0]
        fenced = token.type == "fence"
        self.code_blocks.append(
            CodeBlock(line, end_line, column, fenced, token.info.strip(), token.content,
                      token.markup if fenced else "")
        )

    def _html(self, content: str, token: Token, *, block: bool, offset: int = 0) -> None:
        """Record the tags and comments of raw HTML (a block, or one inline tag)."""

        def position(at: int) -> tuple[int, int]:
            return self.source.token_position(token, offset + at)

        starts, ends = [], []  # of the comments, in order
        for start, end in _comment_spans(content):
            starts.append(start)
            ends.append(end)
            line, column = position(start)
            end_line, end_column = position(end - 1)
            self.comments.append(HtmlComment(content[start + 4 : end - 3], line, column, end_line, end_column))
        indent = len(content) - len(content.lstrip(" \t"))
        if construct := _CONSTRUCT.match(content, indent):
            line, column = position(indent)
            first_line = content[indent:].split("\n", 1)[0]
            self.html_tags.append(HtmlTag(construct[0][1:], line, column, False, True, (), block, first_line))
        raw_text: str | None = None  # inside <script> or <style>: the closing tag awaited
        for match in _TAG.finditer(content):
            inside = bisect.bisect_right(starts, match.start()) - 1
            if inside >= 0 and match.start() < ends[inside]:
                continue  # a tag inside a comment
            name = match["name"].lower()
            if raw_text is not None:
                if name != raw_text or not match["close"]:
                    continue  # a script's text, not markup: `"<a href='#x'>"` is no link
                raw_text = None
            elif name in _RAW_TEXT_ELEMENTS and not match["close"] and not match["self"]:
                raw_text = name
            line, column = position(match.start())
            attributes = tuple(
                (name, _unquote(value) if value is not None else None)
                for name, value in _ATTRIBUTE.findall(match["attrs"] or "")
                for value in [value or None]
            )
            tag = HtmlTag(
                name=name,
                line=line,
                column=column,
                closing=bool(match["close"]),
                self_closing=bool(match["self"]),
                attributes=attributes,
                block=block,
                source=match[0],
            )
            self.html_tags.append(tag)
            if not self.markup.unsafe:
                continue  # Hugo omits the tag: there is no link (raw-html-omitted reports it)
            for attribute in ("href", "src"):
                value = tag.attribute(attribute)
                if value is not None and not tag.closing:
                    # browsers strip an attribute URL's blanks (`href="#x "` is `#x`)
                    destination, shortcode = self._unmask(value.strip(" \t\n\r\f"))
                    alt = (tag.attribute("alt") or "") if attribute == "src" else ""
                    self.links.append(Link(destination, line, column, "html", alt, shortcode))

    def _table(self, table_open: Token, rows: Sequence[Token]) -> None:
        parsed = []
        for row in rows:
            masked_line = row.map[0] if row.map else 0
            column = row.meta.get(ROW_COLUMN, 0)
            cells = split_table_row(self.source.masked_line(masked_line)[column:])
            parsed.append(TableRow(*self.source.line_position(masked_line, column), cells))
        if not parsed:
            return
        start, end = table_open.map or (0, 1)
        end_line = self.source.line_position(max(end - 1, start))[0]
        columns = table_open.meta.get(TABLE_COLUMNS, len(parsed[0].cells))
        self.tables.append(Table(parsed[0].line, end_line, parsed[0], tuple(parsed[1:]), columns))

    def headings(self, tokens: Sequence[Token], id_tokens: Sequence[Token]) -> tuple[Heading, ...]:
        """Headings with the ids Hugo will give them: made of `id_tokens`, the tokens with
        the output of calls laid into headings where it is known (`_with_outputs`)."""
        ids, terms = heading_ids.predict_page_ids(
            id_tokens,
            self.markup.id_type,
            self.markup.auto_heading_id,
            auto_definition_term_id=self.markup.auto_definition_term_id,
            typographer=self.markup.typographer,
            substitutions=heading_ids.substitution_texts(self.markup.typographer_html),
            apart=self._contents_apart(self._heading_positions),
        )
        headings = []
        opens = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open"]
        written = self.markup.heading_id_levels  # the levels the site's heading hook writes an id for
        form = self.markup.heading_id_form
        dropped = self._in_dropped_footnotes(tokens)
        for (index, token), heading_id, (line, column) in zip(
            opens, ids, self._heading_positions, strict=True
        ):
            if int(token.tag[1]) not in written or index in dropped:
                # Hugo makes it (later ids count it), and the hook does not write it, or it
                # drops the footnote the heading is in
                heading_id = None
            elif heading_id is not None and form is not None and form != ("", ""):
                heading_id = form[0] + heading_id + form[1]  # the hook's `id="x-{{ .Anchor }}"`
            inline = tokens[index + 1]
            children = inline.children or []
            text = _visible_text(children)
            # A placeholder in a link's destination, or in a node past the first child of
            # emphasis, leaves no trace in the id: only one in the id makes it unknown.
            predictable = heading_id is None or PLACEHOLDER_IN_ID not in heading_id
            text = PLACEHOLDER.sub(self._source_of, text)
            headings.append(
                Heading(
                    level=int(token.tag[1]),
                    text=text.strip(),
                    line=line,
                    column=column,
                    id=heading_id,
                    custom_id=token.attrGet("id") is not None,
                    id_predictable=predictable or token.attrGet("id") is not None,
                )
            )
        self.term_ids = tuple(terms)
        return tuple(headings)

    def _in_dropped_footnotes(self, tokens: Sequence[Token]) -> frozenset[int]:
        """The indexes of the headings' tokens in a footnote definition no reference uses,
        which Hugo drops (checked with hugo 0.168: the heading's id is still counted)."""
        if not self.footnote_defs:
            return frozenset()
        referenced = {(ref.apart, ref.label) for ref in self.placed_apart(self.footnote_refs)}
        unused = [(one.apart, one.label) not in referenced for one in self.placed_apart(self.footnote_defs)]
        if not any(unused):
            return frozenset()
        found: set[int] = set()
        each = iter(unused)  # the definitions come in the walk's order
        held: list[bool] = []  # whether each definition the walk is in is dropped
        for index, token in enumerate(tokens):
            if token.type == "footnote_reference_open":
                held.append(next(each, False))
            elif token.type == "footnote_reference_close" and held:
                held.pop()
            elif token.type == "heading_open" and any(held):
                found.add(index)
        return frozenset(found)

    def placed_apart(self, footnotes: Sequence[_Footnote]) -> tuple[_Footnote, ...]:
        """Footnote records (in file order) with the content rendered apart holding each."""
        groups = self._contents_apart([(footnote.line, footnote.column) for footnote in footnotes])
        if not any(groups):
            return tuple(footnotes)
        return tuple(dataclasses.replace(footnote, apart=group) for footnote, group in zip(footnotes, groups))

    def _contents_apart(self, positions: Sequence[tuple[int, int]]) -> list[int]:
        """For each (line, column) in file order, 0 when it is in the page's own Markdown,
        else 1 + the index of the innermost call whose content Hugo renders apart from the
        page that holds it: a paired `{{% %}}` call inside another `{{% %}}` call's content
        (checked with hugo 0.168; those in a `{{< >}}` call's are not in the page's parse).
        One sweep: calls nest, so the calls holding a position form a stack."""
        spans = self._spans_apart
        return innermost_spans(spans, positions) if spans else []

    @functools.cached_property
    def _spans_apart(self) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
        """`spans_rendered_apart` of the calls, read once the walk has found every call."""
        return spans_rendered_apart(self.shortcode_uses, self.call_content)


def _unescaped_calls(text: str) -> str:
    """`text` with each escaped call the lexer finds (`{{</* x */>}}`) written as the call,
    blanks for its marks: `{{<   x   >}}`, its places kept."""
    pieces, cursor = [], 0
    for tag in lex_shortcodes(text):
        if tag.kind == "comment":
            pieces += [text[cursor : tag.start], _COMMENT_MARKERS.sub(r"\1  \2  \3", text[tag.start : tag.end])]
            cursor = tag.end
    return "".join(pieces) + text[cursor:]


def spans_rendered_apart(
    uses: Sequence[ShortcodeUse], call_content: bool = False
) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
    """(group, start, end) of each call whose content Hugo renders apart from the page (a
    paired `{{% %}}` call inside another `{{% %}}` call's content, or right in the
    `call_content` parsed; see `_contents_apart`): 1 + its place in `uses` (the calls,
    comments left out), its opening tag's and its closing tag's (line, column)."""
    return [
        (index + 1, (use.line, use.column), (use.close_line, use.close_column))
        for index, use in enumerate(uses)
        if use.notation == "%" and use.close_line is not None and use.close_column is not None
        and _in_call_content(None if use.parent is None else uses[use.parent].notation, call_content)
    ]  # fmt: skip


def _in_call_content(parent: str | None, call_content: bool) -> bool:
    """Whether a `{{% %}}` call is in another call's content, where Hugo renders its own
    content apart: given its parent's notation (None: none), in a `{{% %}}` call's, or right
    in the `call_content` parsed."""
    return parent == "%" or (parent is None and call_content)


def _lines_apart(
    masked: str, calls: Sequence[ShortcodeCall], call_content: bool
) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
    """The lines of `masked` (the text markdown-it parses) that Hugo renders apart from the
    page, from the line of a call's opening tag to that of its closing tag, for each paired
    `{{% %}}` call in another call's content (see `spans_rendered_apart`), in the form of
    `APART_LINES`; none when there is no such call."""
    wanted = {
        index
        for index, call in enumerate(calls)
        if call.close is not None and call.open.notation == "%"
        and _in_call_content(None if call.parent is None else calls[call.parent].open.notation, call_content)
    }
    if not wanted:
        return []
    lines: dict[int, list[int]] = {}  # a call's placeholders' lines: its tags' (none inside a {{< >}} call)
    line, cursor = 0, 0
    for match in PLACEHOLDER.finditer(masked):
        index = int(match[1])
        if index in wanted:
            line += masked.count("\n", cursor, match.start())
            cursor = match.start()
            lines.setdefault(index, []).append(line)
    return [(index + 1, (tags[0], 0), (tags[-1] + 1, 0)) for index, tags in sorted(lines.items()) if len(tags) == 2]


def _html_block_calls(
    masked: str,
    calls: Sequence[ShortcodeCall],
    openings: Mapping[str, HtmlBlockOpening],
    closings: Mapping[str, HtmlBlockOpening],
    call_content: bool,
) -> dict[int, HtmlBlockOpening]:
    """Where in `masked` the tags of the `{{% %}}` calls whose templates open an HTML block
    are (their placeholders' offsets: the first an opening tag's, the second its closing
    tag's), each with how it opens it: the env's `HTML_BLOCK_CALLS`. Not a `{{% %}}` call in
    another's content, nor one holding one: Hugo renders the inner call's content apart (see
    `_lines_apart`), as HTML that the block model does not cover (checked with hugo 0.168)."""
    nested = {
        index for index, call in enumerate(calls)
        if call.open.notation == "%"
        and _in_call_content(None if call.parent is None else calls[call.parent].open.notation, call_content)
    }  # fmt: skip
    holding = {calls[index].parent for index in nested}
    wanted = {  # each call's openings, at its tags in order (None: its tag opens none)
        index: [openings.get(name), closings.get(name) if call.close is not None else None]
        for index, call in enumerate(calls)
        if call.open.notation == "%" and index not in nested and index not in holding
        and ((name := call.open.name.lower()) in openings or (name in closings and call.close is not None))
    }  # fmt: skip
    found: dict[int, HtmlBlockOpening] = {}
    for match in PLACEHOLDER.finditer(masked) if wanted else ():
        if (tags := wanted.get(int(match[1]))) is not None and tags:
            if (opening := tags.pop(0)) is not None:
                found[match.start()] = opening
    return found


def _html_block_breaks(
    masked: str, calls: Sequence[ShortcodeCall], openings: Mapping[str, HtmlBlockOpening]
) -> frozenset[int]:
    """Where in `masked` the opening tags of the `{{% %}}` calls (nested ones too) whose
    template writes the content on a line of its own after a tag are: the env's
    `HTML_BLOCK_BREAKS`."""
    wanted = {
        index for index, call in enumerate(calls)
        if call.open.notation == "%" and (opening := openings.get(call.open.name.lower())) is not None
        and not opening.on_its_line and not opening.trims
    }  # fmt: skip
    found: dict[int, int] = {}
    for match in PLACEHOLDER.finditer(masked) if wanted else ():
        if int(match[1]) in wanted:
            found.setdefault(int(match[1]), match.start())
    return frozenset(found.values())


def _defined_calls(env: dict[str, Any]) -> frozenset[int]:
    """The calls whose placeholders are in the addresses of the link definitions a parse
    found (`env["references"]`)."""
    references = env.get("references")
    if not references:
        return frozenset()
    return frozenset(
        int(match[1])
        for reference in references.values()
        for match in PLACEHOLDER.finditer(str(reference.get("href", "")))
    )


def _visible_text(children: Sequence[Token]) -> str:
    """What a reader sees of inline tokens: text, code, image alt text; breaks as spaces."""
    parts = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_visible_text(child.children or ()))
        elif child.type in _VISIBLE_TEXT:
            parts.append(child.content)
    return "".join(parts)


def _content_column(line: str, content_line: str) -> int:
    """Where a line of a token's content starts in its source line (container prefixes cut)."""
    stripped = content_line.rstrip()
    if not stripped:
        return len(line) - len(line.lstrip())
    trimmed = line.rstrip()
    if trimmed.endswith(stripped):
        return len(trimmed) - len(stripped)
    found = line.find(stripped)
    return found if found >= 0 else len(line) - len(line.lstrip())


def split_table_row(line: str) -> tuple[str, ...]:
    """Cells of a GFM table row as written: split on pipes that are not escaped."""
    text = line.strip()
    while text.startswith(">"):  # blockquote markers markdown-it removed from the row
        text = text[1:].lstrip()
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]
    if text.startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and re.search(r"(?<!\\)\|$", text):
        cells = cells[:-1]
    return tuple(cells)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _spans(calls: Iterable[ShortcodeUse]) -> tuple[list[int], list[int]]:
    """The lines of paired calls (in order), as disjoint spans: their first lines, and their last."""
    firsts: list[int] = []
    lasts: list[int] = []
    for use in calls:
        if firsts and use.line <= lasts[-1]:
            lasts[-1] = max(lasts[-1], use.close_line or use.line)
        else:
            firsts.append(use.line)
            lasts.append(use.close_line or use.line)
    return firsts, lasts


def _in_spans(spans: tuple[list[int], list[int]], line: int) -> bool:
    firsts, lasts = spans
    at = bisect.bisect_right(firsts, line) - 1
    return at >= 0 and line <= lasts[at]

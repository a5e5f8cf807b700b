"""Predict the `id` Hugo (0.144 or later, goldmark) gives each heading of a page.

Hugo makes a heading's id of `render.TextPlain` over goldmark's inline nodes: a text node
gives its Markdown source, a typographer node its character, raw HTML its text without
tags, and any other node only its *first child*. markdown-it's tokens are coarser than
goldmark's nodes, so `plain_text` splits literal text again wherever goldmark's inline
parser does: typographer substitutions, emphasis delimiters and brackets that matched
nothing, unmatched backticks, and the last segment of a line. The typographer pairs
quotes across the whole page, so `predict_ids` follows them through every block.

Not predictable from the tokens: spaces ending a line of a heading over several lines,
and a code span across its lines (both lost by markdown-it); a `<https://…>` autolink
inside an open `[` is taken for linkify, which goldmark suspends there.
"""

from __future__ import annotations

import functools
import html.entities
import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from markdown_it.token import Token

from validator.settings import PASSTHROUGH

# Go's unicode.IsSpace.
_GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Characters goldmark's inline scanner hands to a parser (with Hugo's default extensions).
_TRIGGERS = " \t*_~(`![]<"
_TYPOGRAPHER_TRIGGERS = "'\"-.,>"
_ASCII_PUNCT = frozenset(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ASCII_SPACE = frozenset(b"\t\n\r ")
_ENTITY = re.compile(r"&([A-Za-z0-9]+);")
_BRACKET = re.compile(r"[\[\]]")
_QUOTE = re.compile("['\"]")
_TAG_OR_COMMENT = re.compile(r"<!--|</?[A-Za-z]")
_GO_SPACE_RUN = re.compile(f"([{_GO_SPACE}])[{_GO_SPACE}]+")


# --- plain text -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One piece of a block's inline content, in source order.

    kind: `text` (literal Markdown text), `inert` (an escape or entity: never a delimiter),
    `autolink`, `open`/`close` (a node with children), `leaf` (a node without children,
    contributing `text`) or `break` (end of a line).
    """

    kind: str
    source: str  # the Markdown it came from, rebuilt where tokens lost it
    text: str = ""
    link: bool = False  # an `open`/`close` of a link or image (a bracket for goldmark)


@dataclass
class _Box:
    """A goldmark node with children: it contributes its first child only."""

    children: list[_Box | str] = field(default_factory=list)


@dataclass(eq=False)
class _Node:
    """A goldmark inline node inside a run of literal text.

    kind: `text`, `string` (typographer), `delim` (emphasis delimiter), `label` (a `[`
    closed later) or `unclosed` (a `[` never closed); the last three become text.
    """

    kind: str
    start: int
    end: int
    value: str = ""
    newline: bool = False
    opens: bool = False  # a delimiter that can open
    closes: bool = False  # a delimiter that can close
    position: int = -1  # in its run's `nodes`
    merged: bool = False  # merged into the node before it


@dataclass
class Quotes:
    """goldmark typographer's count of quotes opened and not yet closed.

    goldmark means to reset it at the end of each block, but its `CloseBlock` has the
    wrong signature and is never called: the count runs on through the whole page.
    """

    single: int = 0
    double: int = 0


def plain_text(
    children: Sequence[Token],
    typographer: bool = True,
    *,
    footnotes: Collection[str] | None = None,
    substitutions: Mapping[str, str] | None = None,
) -> str:
    """Hugo's `render.TextPlain` of a heading, from the `children` of its inline token.

    `footnotes` are the labels of the page's footnote definitions: a reference to any
    other label is literal text for goldmark (None: every reference is defined). The
    typographer's quotes are paired as if the heading were the first block of its page.
    """
    table = (substitutions or TYPOGRAPHER_TEXT) if typographer else None
    return _Inline(children, table, footnotes, Quotes()).plain_text()


def _contribution(node: _Box | str) -> str:
    if isinstance(node, str):
        return node
    return _contribution(node.children[0]) if node.children else ""


def _resolve_entity_names(text: str) -> str:
    """goldmark's util.ResolveEntityNames: named references only, `&#39;` stays."""
    return _ENTITY.sub(lambda m: html.entities.html5.get(m[1] + ";", m[0]), text)


def _raw_html_text(raw: str) -> str:
    """What Hugo's StripHTML leaves of one inline raw HTML node, trimmed."""
    if _TAG_OR_COMMENT.match(raw):
        return ""
    return _GO_SPACE_RUN.sub(r"\1", raw.replace("\n", " ")).strip(_GO_SPACE)


def _items(tokens: Sequence[Token], footnotes: Collection[str] | None) -> Iterator[_Item]:
    autolink: list[str] | None = None
    for token in tokens:
        kind = token.type
        if autolink is not None:
            if kind == "link_close":
                yield _Item("autolink", "".join(autolink))
                autolink = None
            else:
                autolink.append(token.content)
        elif kind == "link_open" and token.markup in ("autolink", "linkify"):
            autolink = []
        elif kind == "text":
            yield _Item("text", token.content)
        elif kind == "text_special":
            yield from _special_items(token.markup)
        elif kind in ("softbreak", "hardbreak"):
            yield _Item("break", "\n")
        elif kind == "code_inline":
            yield _Item("leaf", token.markup + token.content + token.markup, token.content)
        elif kind == "html_inline":
            yield _Item("leaf", token.content, _raw_html_text(token.content))
        elif kind == PASSTHROUGH:  # no text of the id's (checked with hugo 0.168)
            yield _Item("leaf", token.content)
        elif kind == "footnote_ref":
            yield _footnote_item(token.meta["label"], footnotes)
        elif kind == "image":
            yield _Item("open", "![", link=True)
            yield from _items(token.children or (), footnotes)
            yield _Item("close", "]()", link=True)
        elif kind == "link_open":
            yield _Item("open", "[", link=True)
        elif kind == "link_close":
            yield _Item("close", "]()", link=True)
        elif kind.endswith("_open"):
            yield _Item("open", token.markup)
        elif kind.endswith("_close"):
            yield _Item("close", token.markup)
        else:
            yield _Item("leaf", token.content)


def _special_items(markup: str) -> Iterator[_Item]:
    """An escape or entity; after a backslash a space still triggers goldmark's parsers."""
    if markup[0] == "\\" and markup[1:] in (" ", "\t"):
        yield _Item("inert", "\\")
        yield _Item("text", markup[1:])
    else:
        yield _Item("inert", markup)


def _footnote_item(label: str, footnotes: Collection[str] | None) -> _Item:
    source = f"[^{label}]"
    if footnotes is None or label in footnotes:
        return _Item("leaf", source)
    return _Item("text", source)


def _match_brackets(items: list[_Item]) -> tuple[list[_Item], dict[int, int], set[int]]:
    """Follow goldmark's stack of open `[`s through the literal text.

    Returns the items with each autolink resolved (goldmark's linkify does nothing while
    a `[` is open, e.g. in an image's alt text), a map from each literal `]` that closes
    a literal `[` to that `[`'s offset, and the offsets of the literal `[`s never closed.
    """
    stack: list[int | None] = []  # offsets of literal `[`; None for a link's own bracket
    closers: dict[int, int] = {}
    resolved: list[_Item] = []
    offset = 0
    for item in items:
        if item.kind == "autolink":
            item = _Item("text" if stack else "leaf", item.source)
        if item.link:
            if item.kind == "open":
                stack.append(None)
            elif stack:
                stack.pop()
        elif item.kind == "text":
            for bracket in _BRACKET.finditer(item.source):
                if bracket[0] == "[":
                    stack.append(offset + bracket.start())
                elif stack:
                    opener = stack.pop()
                    if opener is not None:
                        closers[offset + bracket.start()] = opener
        resolved.append(item)
        offset += len(item.source)
    return resolved, closers, {opener for opener in stack if opener is not None}


class _Inline:
    """One block's inline content as goldmark parses it."""

    def __init__(
        self,
        children: Sequence[Token],
        typographer: Mapping[str, str] | None,  # each substitution's text; None: no typographer
        footnotes: Collection[str] | None,
        quotes: Quotes,
    ) -> None:
        items = list(_items(children, footnotes))
        self.items, self.closers, self.unclosed = _match_brackets(items)
        self.typographer = typographer
        self.source = "".join(item.source for item in self.items)
        self.active: list[bool] = []  # per character: in literal text
        for item in self.items:
            self.active += [item.kind == "text"] * len(item.source)
        self.triggers = _TRIGGERS + (_TYPOGRAPHER_TRIGGERS if typographer is not None else "")
        self.quotes = quotes

    def plain_text(self) -> str:
        return _resolve_entity_names("".join(_contribution(node) for node in self.nodes()))

    def count_quotes(self) -> None:
        """Pass the typographer over the block's quotes, for the quotes of later blocks."""
        if self.typographer is not None:
            for quote in _QUOTE.finditer(self.source):
                if self.active[quote.start()]:
                    self.typographer_at(quote.start())

    def nodes(self) -> list[_Box | str]:
        """goldmark's inline nodes: strings for leaves, boxes for nodes with children."""
        root: list[_Box | str] = []
        stack = [root]
        run_start: int | None = None
        offset = 0
        for item in self.items:
            if item.kind in ("text", "inert"):
                run_start = offset if run_start is None else run_start
            else:
                if run_start is not None or item.kind == "break":
                    start = offset if run_start is None else run_start
                    is_break = item.kind == "break"
                    stack[-1].extend(_Run(self, start, offset).split(is_break, is_break))
                    run_start = None
                if item.kind == "open":
                    box = _Box()
                    stack[-1].append(box)
                    stack.append(box.children)
                elif item.kind == "close":
                    stack.pop()
                elif item.kind == "leaf":
                    stack[-1].append(item.text)
            offset += len(item.source)
        if run_start is not None:
            stack[-1].extend(_Run(self, run_start, offset).split(True, False))
        return root

    def typographer_at(self, index: int) -> tuple[int, str] | None:
        """The typographer's substitution at `index`: (characters consumed, its text)."""
        source = self.source
        run = index + 1
        while run < len(source) and source[run] == source[index]:
            run += 1
        # The typographer looks at the run and at most 4 bytes more of the line.
        window = source[index : run + 5]
        newline = window.find("\n")
        line = window if newline < 0 else window[: newline + 1]
        before = source[index - 1] if index else "\n"
        found = typographer(line.encode(), before, self.quotes)
        assert self.typographer is not None
        return None if found is None else (found[0], self.typographer[found[1]])


class _Run:
    """goldmark's inline scan of one run of literal text, `source[start:end]`."""

    def __init__(self, inline: _Inline, start: int, end: int) -> None:
        self.inline, self.start, self.end = inline, start, end
        # The nodes in order, those merged away included, linked by position to the nodes
        # before and after them that are not: a merge costs the same wherever the node is.
        self.nodes: list[_Node] = []
        self.before: list[int] = []
        self.after: list[int] = []
        self.last: _Node | None = None  # the last node not merged away
        self.pending = start  # scanned text not yet in a node
        self.retry = start  # where the scanner last restarted, after a node
        self.labels: dict[int, _Node] = {}  # open `[` by offset

    def split(self, line_end: bool, newline: bool) -> list[str]:
        """The contributions of the run's nodes, once scanned and post-processed.

        `line_end`: the run ends its line; `newline`: with a line break (not the block's end).
        """
        index = self.start
        while index < self.end:
            index = self._step(index)
        if line_end:
            self._line_end(newline)
        else:
            self._flush(self.end)
        for node in [node for node in self.nodes if node.kind == "label" and not node.merged]:
            self._merge_or_replace(node)
        self._clear_delimiters()
        nodes = [node for node in self.nodes if not node.merged]
        for node in nodes:
            if node.kind == "unclosed":
                node.kind = "text"
        return [self._contribution(node) for node in nodes]

    def _contribution(self, node: _Node) -> str:
        if node.kind == "string":
            return node.value
        return self.inline.source[node.start : node.end] + "\n" * node.newline

    def _char(self, index: int) -> str:
        """The character at `index` if goldmark's scanner may act on it, else ``""``."""
        active = index < self.end and self.inline.active[index]
        return self.inline.source[index] if active else ""

    def _step(self, index: int) -> int:
        char = self._char(index)
        if self.inline.typographer is not None and char and char in "'\"-.<>":
            found = self.inline.typographer_at(index)
            if found and index + found[0] <= self.end:
                return self._node(_Node("string", index, index + found[0], found[1]))
        if char and char in "*_~":
            return self._delimiter(index, char)
        if char == "[" or (char == "!" and self._char(index + 1) == "["):
            return self._label(index)
        if char == "]":
            self._close_label(index)
        elif char == "`":
            return self._backticks(index)
        return index + 1

    def _node(self, node: _Node) -> int:
        self._flush(node.start)
        self._append(node)
        self.pending = self.retry = node.end
        return node.end

    def _append(self, node: _Node) -> None:
        node.position = len(self.nodes)
        self.before.append(self.last.position if self.last is not None else -1)
        self.after.append(-1)
        if self.last is not None:
            self.after[self.last.position] = node.position
        self.last = node
        self.nodes.append(node)

    def _flush(self, index: int) -> None:
        """MergeOrAppendTextSegment of the text scanned up to `index`."""
        if index > self.pending:
            last = self.last
            if _joins(last, self.pending):
                last.end = index
            else:
                self._append(_Node("text", self.pending, index))
            self.pending = index

    def _merge_or_replace(self, node: _Node) -> None:
        """MergeOrReplaceTextSegment: a delimiter or bracket that matched nothing turns text."""
        before, after = self.before[node.position], self.after[node.position]
        previous = self.nodes[before] if before >= 0 else None
        if not _joins(previous, node.start):
            node.kind = "text"
            return
        previous.end = node.end
        self.after[before] = after
        if after >= 0:
            self.before[after] = before
        if self.last is node:
            self.last = previous
        node.merged = True

    def _delimiter(self, index: int, char: str) -> int:
        source = self.inline.source
        stop = index
        while self._char(stop) == char:
            stop += 1
        before = source[index - 1] if index else "\n"
        if char == "~" and (stop - index > 2 or before == "~"):
            return stop  # not a strikethrough delimiter
        run_end = stop
        while run_end < len(source) and source[run_end] == char:
            run_end += 1
        after = source[run_end] if run_end < len(source) else " "
        opens, closes = delimiter_flanks(char, before, after)
        return self._node(_Node("delim", index, stop, opens=opens, closes=closes))

    def _clear_delimiters(self) -> None:
        """Turn the delimiters that matched nothing into text, in goldmark's order.

        ProcessDelimiters drops at once, first to last, a closer that finds no opener
        and cannot open; ClearDelimiters then drops the others, last to first.
        """
        source = self.inline.source
        waiting: list[_Node] = []
        openers: set[str] = set()  # the characters of the waiting delimiters that can open
        for node in [node for node in self.nodes if node.kind == "delim" and not node.merged]:
            char = source[node.start]
            if node.closes and not node.opens and char not in openers:
                self._merge_or_replace(node)
            else:
                waiting.append(node)
                if node.opens:
                    openers.add(char)
        for node in reversed(waiting):
            self._merge_or_replace(node)

    def _label(self, index: int) -> int:
        bracket = index + 1 if self.inline.source[index] == "!" else index
        node = _Node("unclosed" if bracket in self.inline.unclosed else "label", index, bracket + 1)
        if node.kind == "label":
            self.labels[bracket] = node
        return self._node(node)

    def _close_label(self, index: int) -> None:
        node = self.labels.pop(self.inline.closers.get(index, -1), None)
        if node:
            self._flush(index)
            self._merge_or_replace(node)

    def _backticks(self, index: int) -> int:
        """An unmatched backtick run: a text node of its own that later text merges into."""
        stop = index
        while self._char(stop) == "`":
            stop += 1
        self._flush(index)
        self._append(_Node("text", index, stop))
        self.pending = self.retry = stop
        return stop

    def _line_end(self, newline: bool) -> None:
        """The text after the line's last trigger is a node of its own, never merged."""
        start = self.pending
        for index in range(self.end - 1, self.retry, -1):
            char = self._char(index)
            if char and char in self.inline.triggers:
                self._flush(index)
                start = index
                break
        self._append(_Node("text", start, self.end, newline=newline))


def _joins(node: _Node | None, start: int) -> TypeGuard[_Node]:
    """Whether text from `start` merges into `node`: a text node ending there, mid-line."""
    return node is not None and node.kind == "text" and not node.newline and node.end == start


# --- goldmark's typographer (extension/typographer.go) ----------------------------------

# Its substitutions, by the name Hugo's config gives each (`markup.goldmark.extensions.
# typographer.enDash`), with their default HTML (goldmark's)
TYPOGRAPHER_HTML = {
    "apostrophe": "&rsquo;", "leftsinglequote": "&lsquo;", "rightsinglequote": "&rsquo;",
    "leftdoublequote": "&ldquo;", "rightdoublequote": "&rdquo;", "endash": "&ndash;",
    "emdash": "&mdash;", "ellipsis": "&hellip;", "leftanglequote": "&laquo;", "rightanglequote": "&raquo;",
}  # fmt: skip
_LSQUO, _RSQUO, _LDQUO, _RDQUO, _APOSTROPHE = (
    "leftsinglequote", "rightsinglequote", "leftdoublequote", "rightdoublequote", "apostrophe"
)  # fmt: skip


def typographer_text(html: Mapping[str, str]) -> dict[str, str]:
    """The text of each substitution (its HTML's, entities resolved), as a heading's plain
    text and id have it: `enDash = "--"` keeps `--`."""
    return {name: _resolve_entity_names(value) for name, value in html.items()}


TYPOGRAPHER_TEXT = typographer_text(TYPOGRAPHER_HTML)


@functools.cache  # a site's one setting, for every page
def substitution_html(configured: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """The typographer's substitutions with those the config sets (Markup.typographer_html)."""
    return {**TYPOGRAPHER_HTML, **dict(configured)} if configured else TYPOGRAPHER_HTML


@functools.cache
def substitution_texts(configured: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """Their texts, as heading ids see them."""
    return typographer_text(substitution_html(configured)) if configured else TYPOGRAPHER_TEXT


def typographer(line: bytes, before: str, quotes: Quotes) -> tuple[int, str] | None:
    """The substitution at the start of `line` (rest of the source line), if any: the
    characters it takes, and its name (see TYPOGRAPHER_HTML)."""
    char, size = line[0], len(line)
    if size > 2 and char == ord("-") and line[1:3] == b"--":
        return 3, "emdash"
    if size > 2 and char == ord("."):
        return (3, "ellipsis") if line[1:3] == b".." else None
    if size > 1 and char in b"<>":
        return (2, "leftanglequote" if char == ord("<") else "rightanglequote") if line[1] == char else None
    if size > 1 and char == ord("-") and line[1] == ord("-"):
        return 2, "endash"
    if char == ord("'"):
        return _single_quote(line, before, quotes)
    if char == ord('"'):
        return _double_quote(line, before, quotes)
    return None


def _single_quote(line: bytes, before: str, quotes: Quotes) -> tuple[int, str] | None:
    can_open, can_close = _flanking(line, before)
    size = len(line)
    if _is_apostrophe(line, before, can_open, can_close):
        return 1, _APOSTROPHE
    if can_open and not can_close:
        if _is_contraction(line):
            return 1, _RSQUO
        quotes.single += 1
        return 1, _LSQUO
    if size > 2 and unicodedata.category(_rune(line, 1)) != "Nd":
        return 1, _RSQUO
    if quotes.single > 0 and _closes(line, can_open, can_close):
        quotes.single -= 1
        return 1, _RSQUO
    return None


def _double_quote(line: bytes, before: str, quotes: Quotes) -> tuple[int, str] | None:
    can_open, can_close = _flanking(line, before)
    if can_open and not can_close:
        quotes.double += 1
        return 1, _LDQUO
    if quotes.double > 0 and _closes(line, can_open, can_close):
        if len(line) > 1 and line[1] == ord('"') and unicodedata.category(before) == "Nd":
            return None
        quotes.double -= 1
        return 1, _RDQUO
    return None


def _is_apostrophe(line: bytes, before: str, can_open: bool, can_close: bool) -> bool:
    """'90s, 'twas/'em/'n/'ll, and a quote between a letter or digit and a letter."""
    size = len(line)
    if can_open and not can_close and size > 3 and line[1:3].isdigit() and line[3] == ord("s"):
        after = _rune(line, 4) if size > 4 else " "
        if after in _GO_SPACE or unicodedata.category(after)[0] in "PS":
            return True
    category = unicodedata.category(before)
    if size > 1 and (category[0] == "P" or before in _GO_SPACE) and line[1] in b"tenl":
        return True
    letter_after = size > 1 and unicodedata.category(_rune(line, 1))[0] == "L"
    return letter_after and (category == "Nd" or category[0] == "L")


def _is_contraction(line: bytes) -> bool:
    """Alice's, I'm, Don't, You'd, I've, I'll, You're: a right quote after all."""
    size = len(line)
    if size > 1 and line[1] in b"smtd" and (size < 3 or _punct_or_space(line[2])):
        return True
    if size > 2 and line[1:3] in (b"ve", b"ll", b"re"):
        return size < 4 or _punct_or_space(line[3])
    return False


def _closes(line: bytes, can_open: bool, can_close: bool) -> bool:
    if can_close and not can_open:
        return True
    size = len(line)
    if not (can_close and can_open and size > 1):
        return False
    punct_after = unicodedata.category(_rune(line, 1))[0] == "P"
    return punct_after and (size == 2 or _punct_or_space(line[2]))


def _flanking(line: bytes, before: str) -> tuple[bool, bool]:
    """Whether the quote run at the start of `line` can open, and can close."""
    stop = 1
    while stop < len(line) and line[stop] == line[0]:
        stop += 1
    after = _rune(line, stop) if stop < len(line) else " "
    return delimiter_flanks(chr(line[0]), before, after)


def delimiter_flanks(char: str, before: str, after: str) -> tuple[bool, bool]:
    """goldmark's ScanDelimiter: whether a run of `char` can open, and can close."""
    before_punct, before_space = unicodedata.category(before)[0] in "PS", before in _GO_SPACE
    after_punct, after_space = unicodedata.category(after)[0] in "PS", after in _GO_SPACE
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    if char == "_":
        return left and (not right or before_punct), right and (not left or after_punct)
    return left, right


def _punct_or_space(byte: int) -> bool:
    return byte in _ASCII_PUNCT or byte in _ASCII_SPACE


def _rune(line: bytes, index: int) -> str:
    """The character whose UTF-8 encoding covers byte `index` (goldmark's util.ToRune)."""
    while index > 0 and line[index] & 0xC0 == 0x80:
        index -= 1
    return line[index : index + 4].decode("utf-8", "replace")[0]


# --- ids ---------------------------------------------------------------------------------


def anchorize(text: str, id_type: str) -> str:
    """Hugo's sanitizing of a heading's plain text into an id (no de-duplication)."""
    if id_type == "blackfriday":
        return _blackfriday(text)
    if id_type not in ("github", "github-ascii"):
        raise ValueError(f"unknown autoIDType {id_type!r}")
    ascii_only = id_type == "github-ascii"
    if ascii_only:
        text = _remove_accents(text)
    kept = []
    for char in text.strip(_GO_SPACE):
        if ascii_only and char > "\x7f":
            continue
        category = unicodedata.category(char)
        if char in " -":
            kept.append("-")
        elif char == "_" or category[0] == "L" or category == "Nd":
            kept.append(_go_lower(char))
    return "".join(kept)


def _blackfriday(text: str) -> str:
    """Blackfriday's SanitizedAnchorName: runs of non-alphanumerics become one `-`."""
    kept: list[str] = []
    separator = False
    for char in text:
        if unicodedata.category(char)[0] in "LN":
            if separator and kept:
                kept.append("-")
            separator = False
            kept.append(_go_lower(char))
        else:
            separator = True
    return "".join(kept)


def _remove_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", kept)


def _go_lower(char: str) -> str:
    """Go's unicode.ToLower: the simple one-to-one mapping (`İ` becomes `i`)."""
    lower = char.lower()
    return lower if len(lower) == 1 else lower[0]


class IdFactory:
    """Hugo's set of ids of one page (`idFactory` in markup/goldmark/autoid.go)."""

    def __init__(self, id_type: str) -> None:
        self.id_type = id_type
        self._taken: set[str] = set()
        # base -> the suffix last given: every candidate before it is taken (ids are never
        # freed), so the search goes on from there and 20,000 equal headings stay linear.
        self._suffixes: dict[str, int] = {}

    def generate(self, text: str, fallback: str = "heading") -> str:
        """An id for this plain text: `fallback` if it keeps nothing, `-N` if taken."""
        base = anchorize(text, self.id_type) or fallback
        number = self._suffixes.get(base, 0)
        candidate = f"{base}-{number}" if number else base
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        self._suffixes[base] = number
        return candidate

    def put(self, custom_id: str) -> None:
        """Register a custom `{#id}` so that later generated ids avoid it."""
        self._taken.add(custom_id)


def predict_ids(
    tokens: Sequence[Token],
    id_type: str,
    auto_heading_id: bool = True,
    *,
    auto_definition_term_id: bool = False,
    typographer: bool = True,
    substitutions: Mapping[str, str] = TYPOGRAPHER_TEXT,
) -> list[str | None]:
    """The id of each heading in a page's token stream, in order (None: no id).

    With `auto_definition_term_id`, definition terms take ids from the same set.
    """
    return predict_page_ids(
        tokens,
        id_type,
        auto_heading_id,
        auto_definition_term_id=auto_definition_term_id,
        typographer=typographer,
        substitutions=substitutions,
    )[0]


def predict_page_ids(
    tokens: Sequence[Token],
    id_type: str,
    auto_heading_id: bool = True,
    *,
    auto_definition_term_id: bool = False,
    typographer: bool = True,
    substitutions: Mapping[str, str] = TYPOGRAPHER_TEXT,
    apart: Sequence[int] = (),
) -> tuple[list[str | None], list[str | None]]:
    """The ids of the headings and of the definition terms (with auto_definition_term_id)
    in a page's token stream: one per `heading_open` / `dt_open`, in order; None: no id.

    `apart`, when given, has one number per heading: 0 for the page's own, else which
    content rendered apart from the page holds it (a `{{% %}}` call's inside another's:
    Hugo renders it with ids of its own, so `## Usage` in two tabs is `usage` twice)."""
    footnotes = {
        token.meta["label"] for token in tokens if token.type == "footnote_reference_open"
    }
    table = substitutions if typographer else None
    page = _Page(IdFactory(id_type), footnotes, table)
    contents: dict[int, _Page] = {0: page}
    openers = ("heading_open", "dt_open") if auto_definition_term_id else ("heading_open",)
    named = {
        index
        for index, token in enumerate(tokens)
        if token.type == "inline" and index and tokens[index - 1].type in openers
    }
    # Only quotes before the last named block with a quote may pair with one in it.
    quoted = [index for index in named if _QUOTE.search(tokens[index].content)]
    last_quoted = max(quoted) if typographer and quoted else -1
    ids: list[str | None] = []
    terms: list[str] = []
    for index, token in enumerate(tokens):
        if index not in named:
            if token.type == "inline" and index < last_quoted and _QUOTE.search(token.content):
                page.inline(token).count_quotes()
        elif tokens[index - 1].type == "heading_open":
            group = apart[len(ids)] if apart else 0
            if group not in contents:
                contents[group] = _Page(IdFactory(id_type), footnotes, table)
            ids.append(contents[group].fragment_id(tokens[index - 1], token, auto_heading_id))
        else:
            terms.append(page.fragment_id(tokens[index - 1], token, True))
    return ids, terms


# Letters, digits, single spaces and punctuation that none of goldmark's inline parsers
# (linkify included), the typographer or entity resolution acts on: such text is its own
# plain text.
_PLAIN = re.compile(r"(?! )(?:[^\W_]|[:;?#%$+=]| (?! ))+(?<! )")


def _is_plain(inline: Token) -> bool:
    children = inline.children or ()
    return (
        len(children) == 1
        and children[0].type == "text"
        and children[0].content == inline.content
        and _PLAIN.fullmatch(inline.content) is not None
    )


@dataclass
class _Page:
    """A page's ids so far, with what they depend on beyond one heading."""

    factory: IdFactory
    footnotes: set[str]
    typographer: Mapping[str, str] | None  # see _Inline
    quotes: Quotes = field(default_factory=Quotes)

    def inline(self, token: Token) -> _Inline:
        return _Inline(token.children or (), self.typographer, self.footnotes, self.quotes)

    def fragment_id(self, opener: Token, inline: Token, auto: bool) -> str | None:
        """The id of a heading or definition term, from its opening and inline tokens."""
        custom = opener.attrs.get("id")
        if custom is not None:
            self.inline(inline).count_quotes()
            self.factory.put(str(custom))
            return str(custom)
        if not auto:
            self.inline(inline).count_quotes()
            return None
        text = inline.content if _is_plain(inline) else self.inline(inline).plain_text()
        if opener.type == "dt_open":
            return self.factory.generate(text, "term") if text else None
        if "\n" in inline.content:  # a setext heading over several lines: its last line
            text = text.split("\n")[-1]
        return self.factory.generate(text) if text else None

"""The prose of a page, as readers see it, with file positions: for rules that read words.

A `Stretch` is text a reader sees as one piece: the text of one paragraph, heading, table
cell, list item or image description, across emphasis, link text and line breaks. Whatever
is not prose ends a stretch and is left out: code spans, raw HTML, shortcodes, footnote
references, autolinks, images (their description is a stretch of its own), and hard-to-read
source such as link destinations. Code blocks, HTML blocks and front matter never appear.

markdown-it gives `text` tokens no position, so each one is found by scanning its inline
token's content in order, after the constructs that do carry a position (`meta["pos"]`,
see markdown.py) and skipping their source.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from markdown_it.token import Token

from validator.document import PLACEHOLDER, PLACEHOLDER_MARK, WORD, Document
from validator.settings import PASSTHROUGH

_CHUNK = re.compile(r"\S+")
# Punctuation around a chunk that does not make it technical: `(see`, `this,` `“quoted”`.
_EDGE_PUNCTUATION = "()[]\"'“”‘’«»,;:!?.…*"
# What marks a chunk as a URL, path, e-mail, identifier, option or template: not prose.
_TECHNICAL = re.compile(r"[/\\@=_~$<>{}#|^`]|://|\w\.\w|\w:\w|^-")
# An emoji code (`:tada:`, Hugo's enableEmoji), which the punctuation stripped around a
# chunk would leave a word.
_EMOJI = r"(?<![\w:]):[a-z0-9+-][a-z0-9_+-]*:(?![\w:])"
# Every technical chunk of a text in one linear pass: a chunk holding one of the marks above
# (none of which is edge punctuation, so stripping changes nothing) or an emoji code, or
# whose core starts with `-`. Tried only where a chunk starts, so a long chunk is scanned once.
_TECHNICAL_CHUNK = re.compile(
    r"(?<!\S)(?:[" + re.escape(_EDGE_PUNCTUATION) + r"]*-|\S*?(?:[/\\@=_~$<>{}#|^`]|\w[.:]\w|" + _EMOJI + r"))\S*"
)


class Word(NamedTuple):
    text: str
    start: int  # offsets in the stretch's text
    end: int


@dataclass(frozen=True)
class Stretch:
    """Prose a reader sees as one piece, and where each of its characters is in the file.

    `text` joins the pieces in reading order; a line break inside it is "\\n". `kind` is
    "text", or "alt" for an image's description.
    """

    text: str
    kind: str
    # (offset in text, offset in the inline token's content) where each verbatim piece of
    # the file starts; `_locate` turns the latter into a file (line, column) when asked.
    _pieces: tuple[tuple[int, int], ...] = field(repr=False)
    _locate: Callable[[int], tuple[int, int]] = field(repr=False, compare=False)
    # Offsets in text where emphasis marks were written and left out.
    seams: tuple[int, ...] = field(default=(), repr=False)
    # Offsets in text of the line breaks that are hard ones (`<br>`: two blanks or `\` at the
    # line's end)
    hard_breaks: tuple[int, ...] = field(default=(), repr=False)
    # Offsets in text where a link's text starts or ends
    link_edges: tuple[int, ...] = field(default=(), repr=False)

    def linked_between(self, start: int, end: int) -> bool:
        """Whether a link's text starts or ends between `start` and `end` of `text`."""
        index = bisect.bisect_left(self.link_edges, start)
        return index < len(self.link_edges) and self.link_edges[index] <= end

    def breaks_hard_between(self, start: int, end: int) -> bool:
        """Whether a hard line break is between `start` and `end` of `text`."""
        index = bisect.bisect_left(self.hard_breaks, start)
        return index < len(self.hard_breaks) and self.hard_breaks[index] < end

    def marked_between(self, start: int, end: int) -> bool:
        """Whether emphasis starts or ends between `start` and `end` of `text`: "select
        **Select**"."""
        index = bisect.bisect_left(self.seams, start)
        return index < len(self.seams) and self.seams[index] <= end

    @property
    def line(self) -> int:
        return self._locate(self._pieces[0][1])[0] if self._pieces else 0

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [piece[0] for piece in self._pieces]

    def position(self, index: int) -> tuple[int, int]:
        """File (line, column) of the character at `index` in `text`."""
        start, offset = self._pieces[max(bisect.bisect_right(self._starts, index) - 1, 0)]
        line, column = self._locate(offset)
        return line, column + max(index - start, 0)

    def words(self) -> Iterator[Word]:
        """The words of the prose, skipping chunks that are not prose (see `is_technical`)."""
        technical = [(m.start(), m.end()) for m in _TECHNICAL_CHUNK.finditer(self.text)]
        if not technical:
            for match in WORD.finditer(self.text):
                yield Word(match[0], match.start(), match.end())
            return
        spans = iter(technical)
        span_start, span_end = next(spans)
        for match in WORD.finditer(self.text):
            start = match.start()
            while start >= span_end:
                span_start, span_end = next(spans, (len(self.text), len(self.text) + 1))
            if start < span_start:
                yield Word(match[0], start, match.end())

    def prose_chunks(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each whitespace-separated chunk of `text` that is prose."""
        for start, end, technical in self.chunks():
            if not technical:
                yield start, end

    def chunks(self) -> Iterator[tuple[int, int, bool]]:
        """(start, end, technical) of each whitespace-separated chunk of `text`."""
        technical = {m.start() for m in _TECHNICAL_CHUNK.finditer(self.text)}
        for match in _CHUNK.finditer(self.text):
            yield match.start(), match.end(), match.start() in technical


def is_technical(chunk: str) -> bool:
    """Whether a whitespace-free chunk is a URL, file path, e-mail address, identifier,
    command-line option, version or template rather than words: `www.example.org`,
    `content/posts`, `hugo.toml`, `.Page.Title`, `--minify`, `v0.1`, `key:value`; or an
    emoji code, `:tada:`."""
    core = strip_punctuation(chunk)
    return bool(core) and (bool(_TECHNICAL.search(core)) or re.search(_EMOJI, chunk) is not None)


def strip_punctuation(chunk: str) -> str:
    """A chunk without the punctuation around it: `(see` -> `see`, `“quoted”,` -> `quoted`."""
    return chunk.strip(_EDGE_PUNCTUATION)


def stretches(doc: Document, where: Callable[[Token], bool] | None = None) -> Iterator[Stretch]:
    """Every stretch of prose in the page, in order; with `where`, only those of the inline
    tokens it accepts."""
    for token in doc.tokens:
        if token.type == "inline" and token.children and (where is None or where(token)):
            yield from _Scanner(doc, token).run()


class _Builder:
    """Collects the pieces of one stretch."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int]] = []
        self.seams: list[int] = []
        self.hard_breaks: list[int] = []
        self.link_edges: list[int] = []
        self.length = 0

    def add(self, text: str, offset: int) -> None:
        """Append `text`, found at `offset` in the inline token's content."""
        self.pieces.append((self.length, offset))
        self.parts.append(text)
        self.length += len(text)

    def line_break(self, *, hard: bool = False) -> None:
        if self.parts:
            if hard:
                self.hard_breaks.append(self.length)
            self.parts.append("\n")
            self.length += 1

    def build(self, locate: Callable[[int], tuple[int, int]]) -> Stretch | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Stretch(
            text, self.kind, tuple(self.pieces), locate, tuple(self.seams), tuple(self.hard_breaks), tuple(self.link_edges)
        )


class _Scanner:
    """One inline token: its children in order, with a cursor into its content."""

    def __init__(self, doc: Document, inline: Token) -> None:
        self.inline = inline
        self.content = inline.content
        self.cursor = 0
        self.done: list[Stretch] = []
        self.locate = functools.partial(doc.position, inline)

    def run(self) -> list[Stretch]:
        builder = self.walk(self.inline.children or [], _Builder("text"))
        self.finish(builder)
        return self.done

    def finish(self, builder: _Builder) -> _Builder:
        """End the current stretch; return a new, empty one of the same kind."""
        stretch = builder.build(self.locate)
        if stretch is not None:
            self.done.append(stretch)
        return _Builder(builder.kind)

    def walk(self, children: Sequence[Token], builder: _Builder) -> _Builder:
        skip_until = None
        for index, child in enumerate(children):
            kind = child.type
            if skip_until is not None:  # the text of an autolink is its URL
                if kind == skip_until:
                    skip_until = None
                continue
            pos = (child.meta or {}).get("pos")
            if kind == "text":
                builder = self.text(child.content, builder)
            elif kind in ("softbreak", "hardbreak"):
                builder.line_break(hard=kind == "hardbreak")
            elif kind == "text_special":  # an entity or a backslash escape: one character
                if pos is not None:
                    builder.add(child.content, pos)
                    self.cursor = max(self.cursor, pos + len(child.markup))
            elif kind == "link_open" and child.markup in ("autolink", "linkify"):
                builder = self.finish(builder)
                if pos is not None:
                    self.cursor = max(self.cursor, pos)
                skip_until = "link_close"
                self.after_autolink(index, children)
            elif kind == "link_open":
                builder.link_edges.append(builder.length)
                if pos is not None:
                    self.cursor = max(self.cursor, pos + 1)
            elif kind == "link_close":
                builder.link_edges.append(builder.length)
                self.cursor = _link_end(self.content, self.cursor)
            elif kind == "image":
                builder = self.finish(builder)
                if pos is not None:
                    self.cursor = max(self.cursor, pos + 2)
                self.finish(self.walk(child.children or [], _Builder("alt")))
                self.cursor = _link_end(self.content, self.cursor)
            elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
                builder.seams.append(builder.length)  # formatting: the stretch goes on
            else:  # code spans, raw HTML, footnote references, anything else: not prose
                builder = self.finish(builder)
                if pos is not None:
                    self.cursor = max(self.cursor, _construct_end(self.content, pos, child))
        return builder

    def after_autolink(self, index: int, children: Sequence[Token]) -> None:
        """Move the cursor past the source of the autolink opened at `children[index]`:
        `<url>`, or a bare linkified URL."""
        start = self.cursor
        if self.content.startswith("<", start):
            end = self.content.find(">", start)
            self.cursor = end + 1 if end >= 0 else start
            return
        if index + 1 < len(children) and children[index + 1].type == "text":
            self.cursor = start + len(children[index + 1].content)

    def text(self, text: str, builder: _Builder) -> _Builder:
        """A text token: found in the content from the cursor; a shortcode in it ends the
        stretch. Returns the stretch being built."""
        found = self.content.find(text, self.cursor)
        start = found if found >= 0 else self.cursor
        self.cursor = start + len(text) if found >= 0 else self.cursor
        if PLACEHOLDER_MARK not in text:
            self.piece(text, start, builder)
            return builder
        at = 0
        for match in PLACEHOLDER.finditer(text):
            self.piece(text[at : match.start()], start + at, builder)
            builder = self.finish(builder)
            at = match.end()
        self.piece(text[at:], start + at, builder)
        return builder

    def piece(self, text: str, offset: int, builder: _Builder) -> None:
        if text:
            builder.add(text, offset)


def _construct_end(content: str, pos: int, token: Token) -> int:
    """Where the source of a located construct ends (a code span, raw HTML, a footnote
    reference); `pos` when unknown."""
    if token.type == "code_inline":
        ticks = token.markup or "`"
        closing = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
        match = closing.search(content, pos + len(ticks))
        return match.end() if match else pos
    if token.type == "html_inline" or token.type == PASSTHROUGH:
        return pos + len(token.content)
    if token.type == "footnote_ref":
        end = content.find("]", pos)
        return end + 1 if end >= 0 else pos
    return pos


def _link_end(content: str, cursor: int) -> int:
    """From inside a link's text (or an image's description), the end of the whole link:
    past `]` and a `(destination "title")`, `[reference]` or nothing."""
    close = _closing_bracket(content, cursor)
    if close < 0:
        return cursor
    pos = close + 1
    if content.startswith("(", pos):
        return _inline_destination_end(content, pos)
    if content.startswith("[", pos):
        end = content.find("]", pos)
        return end + 1 if end >= 0 else pos
    return pos


def _closing_bracket(content: str, cursor: int) -> int:
    """The `]` that closes the bracket open at `cursor` (escapes and nesting respected)."""
    depth, pos = 0, cursor
    while pos < len(content):
        char = content[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return pos
            depth -= 1
        pos += 1
    return -1


def _inline_destination_end(content: str, start: int) -> int:
    """End of `(destination "title")` starting at the `(` at `start`."""
    depth, pos, quote = 0, start, ""
    while pos < len(content):
        char = content[pos]
        if char == "\\":
            pos += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and content[pos - 1] in " \t\n":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return start


def written_as_shown(doc: Document, stretch: Stretch, indices: Sequence[int]) -> bool:
    """Whether the characters of the stretch at `indices` (brackets, parentheses) are in the
    file as they show, none escaped or made by an entity or a shortcode: each is where the
    stretch puts it, not after a `\\`."""
    for index in indices:
        line, column = stretch.position(index)
        text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
        if text[column - 1 : column] != stretch.text[index] or text[column - 2 : column - 1] == "\\":
            return False
    return True


def code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans of inline Markdown, (start, end) in order: a run of backticks to the
    next run of as many (a run that none closes is text). Linear: each run's next of its
    length is found once, from the end."""
    runs = [(match.start(), match.end()) for match in re.finditer(r"`+", text)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index], last[length] = last.get(length), index
    spans, index = [], 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans


def in_code_span(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset of inline Markdown is inside one of its `code_spans`."""
    starts = [start for start, _ in spans]

    def inside(index: int) -> bool:
        before = bisect.bisect_right(starts, index) - 1
        return before >= 0 and index < spans[before][1]

    return inside

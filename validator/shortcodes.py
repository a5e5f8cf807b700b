"""Find shortcode tags in page content the way Hugo's page lexer does.

Hugo lexes shortcodes in the raw content before any Markdown is parsed, so a tag is found even
inside a code block or a code span. This module reproduces Hugo's shortcode lexer
(`parser/pageparser/pagelexer_shortcode.go`) and the parts of its shortcode parser that need
no templates (`hugolib/shortcode.go extractShortcode`): tag names, kinds, typed parameters and
Hugo's own error texts, with exact offsets.

Hugo stops at the first error; we record it on the tag and go on. Errors that leave the lexer
lost (an unterminated string, an unrecognized character, …) end the tag just after its `{{<` /
`{{%` and scanning resumes there, so later tags are still found. Errors that do not (mixed
parameters, a closing name never opened, …) are recorded and the tag is lexed to its end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from validator.settings import SiteConfig

Value = str | int | float | bool  # a shortcode parameter value

_RIGHT_DELIM = {"<": ">}}", "%": "%}}"}
_SPACE = " \t\n\r\f\v"  # Go's isASCIISpace
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]*")
_NEXT_SPACE = re.compile(r"[ \t\n\r\f\v]")
_UNICODE_SPACE_RUN = re.compile(r"\s*")
_NAME_RUN = re.compile(r"[\w/-]*")  # `\w` is wider than Go's letters+digits: see _run_end
_PARAM_RUN = re.compile(r"[\w.-]*")
_QUOTE_EVENT = re.compile(r'\\["`]|["\n]')
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?[0-9]*\.[0-9]+")
_INT64_DIGITS = 19

# A tag in the common form, matched in one go: ASCII names, whitespace-separated parameters, all
# positional or all named, no escapes. Possessive quantifiers make it tokenize as Hugo's lexer
# does; a tag it does not match goes through the full lexer.
_WS = r"[ \t\n\r\f\v]"
_NOT_WS = r"[^ \t\n\r\f\v]"
_WORD = r"[A-Za-z0-9_-][A-Za-z0-9_.-]*+"
_QUOTED = rf'(?:"[^"\\\n]*+"|`[^`]*+`)(?={_WS}|[/>%])'
_SIMPLE_PARAMS = rf"""(?>
    (?:{_WS}++ (?:{_WORD}(?={_WS}|[/>%])|{_QUOTED}))++
  | (?:{_WS}++ {_WORD}= (?:{_QUOTED}|[^ \t\n\r\f\v"\\`]{_NOT_WS}*+))++
)"""
_SIMPLE_TAG = {
    notation: re.compile(
        rf"""\{{\{{{notation} {_WS}*+ (?P<close>/{_WS}*+)?
        (?P<name>[A-Za-z0-9_][A-Za-z0-9_/-]*+) (?P<params>{_SIMPLE_PARAMS})?
        {_WS}*+ (?P<self>/{_WS}*+)? {re.escape(right)}""",
        re.VERBOSE,
    )
    for notation, right in _RIGHT_DELIM.items()
}
_SIMPLE_PARAM = re.compile(rf'(?:({_WORD})=)?(?:"([^"]*)"|`([^`]*)`|({_NOT_WS}+))')

_MIXED = "Cannot mix named and positional parameters"
_INLINE_NESTING = "inline shortcodes do not support nesting"

# A call's tag, as Hugo's lexer starts it: `{{<` or `{{%`, a name (or a closing `/`); not a
# comment, `{{</* name */>}}`
CALL_TAG = re.compile(r"\{\{(?:<\s*/?\s*(?!/\*)[\w.-][^{}]*?>|%\s*/?\s*(?!/\*)[\w.-][^{}]*?%)\}\}")


@dataclass(frozen=True, slots=True)
class ShortcodeTag:
    """One `{{< … >}}` / `{{% … %}}` tag as Hugo's lexer sees it.

    `kind` is "open", "close" (`{{< /x >}}`), "self-closing" (`{{< x />}}`) or "comment"
    (`{{</* … */>}}`, which Hugo prints as its text without `/*` `*/`; its name is "").
    Unquoted values are typed as Hugo types them (bool, int64, float64, else str); quoted ones
    are str. `errors` holds Hugo's messages. `end` is just after the right delimiter, or just
    after the left one when an error left the lexer lost.
    """

    name: str
    notation: str
    kind: str
    start: int
    end: int
    positional: tuple[Value, ...] = ()
    named: tuple[tuple[str, Value], ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def is_inline(self) -> bool:
        """True for an inline shortcode (`name.inline`)."""
        return self.name.endswith(".inline")


@dataclass(frozen=True, slots=True)
class ShortcodeCall:
    """A shortcode call: an open or self-closing tag and, when paired, its closing tag."""

    open: ShortcodeTag
    close: ShortcodeTag | None
    parent: int | None

    @property
    def inner_start(self) -> int | None:
        """Offset where the inner content starts, None when not paired."""
        return self.open.end if self.close is not None else None

    @property
    def inner_end(self) -> int | None:
        """Offset where the inner content ends, None when not paired."""
        return self.close.start if self.close is not None else None


def lex_shortcodes(text: str) -> list[ShortcodeTag]:
    """Every shortcode tag (comments included) in `text`, in text order. Never raises."""
    first = text.find("{{")
    if first < 0:
        return []
    return _Lexer(text).run(first)


def pair_shortcodes(
    tags: Sequence[ShortcodeTag], uses_inner: Callable[[str], bool | None] = lambda name: None
) -> tuple[list[ShortcodeCall], list[ShortcodeTag]]:
    """Pair open tags with closing tags; return the calls and the stray closing tags.
    `uses_inner` tells of a name whether its template reads `.Inner` (None: not known).

    A closing tag closes the innermost open call that waits for one, whatever name it gives,
    as Hugo's parser does (Hugo's lexer has already required the name, as written, to be
    one opened before on the page): `{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}` nests as if the
    names were right (checked with Hugo 0.168). A call whose template ignores `.Inner` waits
    for none (Hugo is done with it at its `>}}`); one whose template is not known is taken
    to wait when the closing tag names it, and passed over when it names another. With no
    such call open, it closes the open call of its name, whose template ignores `.Inner`
    (Hugo refuses that), else the innermost call that may wait; a nameless `{{< / >}}`
    closes the innermost open tag. An open tag never closed stays a standalone call.
    """
    opens: list[ShortcodeTag] = []
    closes: list[ShortcodeTag | None] = []
    stack: list[int] = []  # indices of unclosed open tags
    depths: dict[str, list[int]] = {}  # name -> its positions in `stack`
    waiting: list[int] = []  # the positions in `stack` of the tags that may wait (template not known)
    known: list[int] = []  # those of the tags whose templates read `.Inner`
    stray: list[ShortcodeTag] = []
    for tag in tags:
        if tag.kind == "comment":
            continue
        if tag.kind != "close":
            if tag.kind == "open":
                name = tag.name.lower()
                depths.setdefault(name, []).append(len(stack))
                inner = uses_inner(name)
                if inner is not False:
                    waiting.append(len(stack))
                if inner:
                    known.append(len(stack))
                stack.append(len(opens))
            opens.append(tag)
            closes.append(None)
            continue
        name = tag.name.lower()
        named = depths.get(name)
        if tag.errors:  # Hugo's lexer stopped at it (a name never opened as written)
            depth = None
        elif tag.name:
            # the innermost call known to wait, or one of its name that may
            innermost = max(known[-1] if known else -1, named[-1] if named and uses_inner(name) is not False else -1)
            depth = innermost if innermost >= 0 else named[-1] if named else waiting[-1] if waiting else None
        else:  # a nameless closing tag closes the innermost open tag
            depth = len(stack) - 1 if stack else None
        if depth is None:
            stray.append(tag)
            continue
        closes[stack[depth]] = tag
        for index in stack[depth:]:
            depths[opens[index].name.lower()].pop()
        del stack[depth:]
        while waiting and waiting[-1] >= depth:
            waiting.pop()
        while known and known[-1] >= depth:
            known.pop()

    calls: list[ShortcodeCall] = []
    enclosing: list[tuple[int, int]] = []  # (index, closing tag start) of paired calls we are in
    for index, (open_tag, close_tag) in enumerate(zip(opens, closes)):
        while enclosing and open_tag.start >= enclosing[-1][1]:
            enclosing.pop()
        calls.append(ShortcodeCall(open_tag, close_tag, enclosing[-1][0] if enclosing else None))
        if close_tag is not None:
            enclosing.append((index, close_tag.start))
    return calls, stray


def summary_dividers(text: str) -> list[int]:
    """Offsets of every exact `<!--more-->` (Hugo uses the first; it is found even in code)."""
    found, pos = [], text.find("<!--more-->")
    while pos >= 0:
        found.append(pos)
        pos = text.find("<!--more-->", pos + len("<!--more-->"))
    return found


def _typed(raw: str) -> Value:
    """Type an unquoted value like Hugo's `Item.ValTyped`: bool, int64, float64 or string."""
    if raw in ("true", "false"):
        return raw == "true"
    if _INT.fullmatch(raw):
        if len(raw.lstrip("+-").lstrip("0")) > _INT64_DIGITS:
            return raw
        number = int(raw)
        return number if -(2**63) <= number < 2**63 else raw
    if _FLOAT.fullmatch(raw):
        real = float(raw)
        return raw if math.isinf(real) else real
    return raw


def _is_alnum(char: str) -> bool:
    """Go's isAlphaNumeric: `_`, a Unicode letter or a decimal digit."""
    return char == "_" or char.isalpha() or char.isdecimal()


def _skip(run: re.Pattern[str], text: str, pos: int) -> int:
    """End of the run of `run` (a pattern that may match empty) at `pos`."""
    match = run.match(text, pos)
    return match.end() if match else pos


def _run_end(text: str, pos: int, run: re.Pattern[str]) -> int:
    """End of the run of `run` at `pos`, cut at the first `\\w` that Go does not count as alnum."""
    end = _skip(run, text, pos)
    if not text.isascii():
        for index in range(pos, end):
            char = text[index]
            if not (char.isascii() or char.isalpha() or char.isdecimal()):
                return index
    return end


def _unrecognized(char: str) -> str:
    shown = f"U+{ord(char):04X}" + (f" '{char}'" if char.isprintable() else "")
    return (
        f"unrecognized character in shortcode action: {shown}. "
        "Note: Parameters with non-alphanumeric args must be quoted"
    )


class _LexError(Exception):
    """An error after which Hugo's lexer cannot go on with the tag."""


class _Seeker:
    """`find(pos)` (next match at or after pos, len(text) if none), memoized over plateaus.

    For every pos between a query and its answer the answer is the same, so repeated searches
    from inside one long run cost nothing: this keeps rescans after errors linear.
    """

    __slots__ = ("_find", "_low", "_high")

    def __init__(self, find: Callable[[int], int]) -> None:
        self._find = find
        self._low = self._high = -1

    def __call__(self, pos: int) -> int:
        if not self._low <= pos <= self._high:
            self._low, self._high = pos, self._find(pos)
        return self._high


def _finder(text: str, needle: str) -> _Seeker:
    def find(pos: int) -> int:
        found = text.find(needle, pos)
        return found if found >= 0 else len(text)

    return _Seeker(find)


class _Scan:
    """State of the tag being lexed: Hugo's lexer state plus the parameters its parser builds."""

    __slots__ = (
        "start", "notation", "right", "pos", "step", "elements", "closing", "name", "kind",
        "positional", "named", "pending", "errors", "visited",
    )  # fmt: skip

    def __init__(self, start: int, notation: str) -> None:
        self.start = start
        self.notation = notation
        self.right = _RIGHT_DELIM[notation]
        self.pos = start + 3
        self.step = False  # Hugo's elementStepNum > 0: a name was lexed (since the last `/`)
        self.elements = 0  # Hugo's paramElements: 1 positional, 2 named
        self.closing = False  # Hugo's closingState > 0
        self.name = ""
        self.kind = "open"
        self.positional: list[Value] = []
        self.named: dict[str, Value] = {}
        self.pending: tuple[str, Value] | None = None  # a parameter that may get a value
        self.errors: list[str] = []  # Hugo's parser reports its errors only if there are none
        self.visited: list[tuple[int, str, bool, int, bool]] = []

    def add_param(self, key: str, value: Value) -> None:
        """A parameter item; Hugo's parser makes it named if a value item follows."""
        self.flush()
        self.pending = (key, value)

    def add_value(self, value: Value) -> None:
        """A value item, which names the pending parameter."""
        if self.pending is None:  # Hugo's parser ignores a value without a parameter
            return
        if self.positional and not self.errors:
            self.errors.append(
                "failed to extract shortcode: invalid state: invalid param type "
                f'map[string]interface {{}} for shortcode "{self.name}", expected a map'
            )
        self.named[self.pending[0]] = value
        self.pending = None

    def flush(self) -> None:
        """The pending parameter got no value: it is positional."""
        if self.pending is None:
            return
        if self.named and not self.errors:
            self.errors.append(
                "failed to extract shortcode: invalid state: invalid param type "
                f'[]interface {{}} for shortcode "{self.name}", expected a slice'
            )
        self.positional.append(self.pending[1])
        self.pending = None

    def tag(self, end: int) -> ShortcodeTag:
        self.flush()
        return ShortcodeTag(
            self.name,
            self.notation,
            self.kind,
            self.start,
            end,
            tuple(self.positional),
            tuple(self.named.items()),
            tuple(self.errors),
        )


class _Lexer:
    """Hugo's main-section shortcode lexing over one text, resuming after errors.

    Resuming just after a failed tag's `{{<` rescans what the tag covered; this stays linear
    because a failed tag marks every lexer state it went through as failing (`dead`), so a
    later tag stops as soon as it reaches one, and long tokens are found by memoized searches.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: set[str] = set()  # Hugo's openShortcodes: every name lexed so far
        self.inline: str | None = None  # the open inline shortcode, whose body allows no tags
        self.dead: dict[tuple[int, str, bool, int, bool], str] = {}  # lexer states that fail
        self.next_space = _Seeker(
            lambda pos: match.start() if (match := _NEXT_SPACE.search(text, pos)) else len(text)
        )
        self.next_backtick = _finder(text, "`")
        self.next_open = _finder(text, "{{")
        self.right_delim = {n: _finder(text, right) for n, right in _RIGHT_DELIM.items()}
        self.comment_end = {n: _finder(text, "*/" + right) for n, right in _RIGHT_DELIM.items()}

    def run(self, pos: int) -> list[ShortcodeTag]:
        """Every tag from `pos`, the first `{{`."""
        text, tags = self.text, []
        while pos >= 0:
            if text[pos + 2 : pos + 3] not in ("<", "%"):
                pos = text.find("{{", pos + 1)
                continue
            tag = self.lex_tag(pos)
            tags.append(tag)
            if tag.kind in ("close", "self-closing"):
                self.inline = None
            elif tag.is_inline:
                self.inline = tag.name
            pos = text.find("{{", tag.end)
        return tags

    def lex_tag(self, start: int) -> ShortcodeTag:
        """The tag whose `{{<` / `{{%` is at `start`."""
        return self.simple_tag(start) or self.full_tag(start)

    def simple_tag(self, start: int) -> ShortcodeTag | None:
        """The tag at `start` if it has the common form of _SIMPLE_TAG and needs no checks."""
        text, notation = self.text, self.text[start + 2]
        close = self.right_delim[notation](start + 3)
        # No `{{` inside: then no text is matched twice, which keeps retries linear.
        if close == len(text) or self.inline is not None or self.next_open(start + 2) < close:
            return None
        match = _SIMPLE_TAG[notation].match(text, start, close + 3)
        if match is None:
            return None
        name, kind = match["name"], "self-closing" if match["self"] else "open"
        if match["close"]:
            if match["params"] or match["self"] or name not in self.seen:
                return None
            kind = "close"
        self.seen.add(name)
        positional: list[Value] = []
        named: dict[str, Value] = {}
        if match["params"]:
            for key, quoted, raw, bare in _SIMPLE_PARAM.findall(text, *match.span("params")):
                value = _typed(bare) if bare else quoted or raw  # a matched `bare` is not empty
                if key:
                    named[key] = value
                else:
                    positional.append(value)
        return ShortcodeTag(
            name, notation, kind, start, close + 3, tuple(positional), tuple(named.items())
        )

    def full_tag(self, start: int) -> ShortcodeTag:
        """The tag at `start`, lexed as Hugo's lexer does, with the errors it finds."""
        scan = _Scan(start, self.text[start + 2])
        if self.inline is not None and not self.closes_inline(scan.pos):
            scan.errors.append(_INLINE_NESTING)
        try:
            if self.text.startswith("/*", scan.pos):
                return self.comment(scan)
            end = self.inside(scan)
        except _LexError as error:
            message = str(error)
            self.dead.update(dict.fromkeys(scan.visited, message))
            scan.errors.append(message)
            return scan.tag(start + 3)
        if not scan.name and scan.kind != "close" and not scan.errors:
            scan.errors.append("shortcode has no name")
        return scan.tag(end)

    def closes_inline(self, pos: int) -> bool:
        """Hugo's test inside an inline shortcode: only `{{< /same-name ` may follow."""
        text = self.text
        pos = _skip(_SPACE_RUN, text, pos)
        if not text.startswith("/", pos):
            return False
        pos = _skip(_UNICODE_SPACE_RUN, text, pos + 1)
        return text.startswith(f"{self.inline} ", pos)

    def comment(self, scan: _Scan) -> ShortcodeTag:
        """`{{</* … */>}}`: Hugo outputs it as text without the comment markers."""
        scan.kind = "comment"
        close = self.comment_end[scan.notation](scan.pos)
        if close >= len(self.text) or close - scan.pos <= 1:
            raise _LexError("comment must be closed")
        return scan.tag(close + 5)

    def inside(self, scan: _Scan) -> int:
        """Hugo's lexInsideShortcode loop; returns the offset after the right delimiter."""
        text, length, dead, visited = self.text, len(self.text), self.dead, scan.visited
        while True:
            pos = scan.pos
            if pos < length and text[pos] in _SPACE:
                pos = scan.pos = _skip(_SPACE_RUN, text, pos)
            state = (pos, scan.notation, scan.step, scan.elements, scan.closing)
            if dead and state in dead:
                raise _LexError(dead[state])
            visited.append(state)
            if text.startswith(scan.right, pos):
                return pos + 3
            if pos >= length:
                raise _LexError("unclosed shortcode action")
            char = text[pos]
            if char == "=":
                self.param_value(scan)
            elif char == "/":
                if not self.seen:
                    scan.errors.append("got closing shortcode, but none is open")
                scan.flush()
                if scan.kind == "open":
                    scan.kind = "self-closing" if scan.name else "close"
                scan.closing, scan.step, scan.pos = True, False, pos + 1
            elif char == "\\":
                scan.pos = pos + 1
                if text[pos + 1 : pos + 2] in ('"', "`"):
                    self.param(scan, escaped=True)
            elif scan.step and (char in '"`-' or _is_alnum(char)):
                self.param(scan, escaped=False)
            elif _is_alnum(char):
                if self.identifier(scan):
                    return self.end_of_closing_tag(scan)
            else:
                raise _LexError(_unrecognized(char))

    def end_of_closing_tag(self, scan: _Scan) -> int:
        """Hugo's lexEndOfShortcode: only whitespace may follow the name in a closing tag."""
        pos = _skip(_SPACE_RUN, self.text, scan.pos)
        if not self.text.startswith(scan.right, pos):
            raise _LexError("unclosed shortcode")
        return pos + 3

    def identifier(self, scan: _Scan) -> bool:
        """Lex a name (Hugo's lexIdentifierInShortcode); True when it ends a closing tag."""
        text, pos = self.text, scan.pos
        end = _run_end(text, pos, _NAME_RUN)
        if text.startswith(".", end):
            if not text.startswith("inline ", end + 1):
                raise _LexError("period in shortcode name only allowed for inline identifiers")
            end += len(".inline")
        name = text[pos:end]
        was_closing = scan.closing
        if was_closing and self.seen and name not in self.seen:
            scan.errors.append(f"closing tag for shortcode '{name}' does not match start tag")
        self.seen.add(name)
        scan.flush()
        scan.name = scan.name or name
        scan.closing, scan.step, scan.pos = False, True, end
        return was_closing

    def param(self, scan: _Scan, escaped: bool) -> None:
        """A positional parameter or the key of a named one (Hugo's lexShortcodeParam)."""
        text, pos = self.text, scan.pos
        char = text[pos]
        if char == '"' or (char == "`" and not escaped):
            if scan.elements == 2:
                scan.errors.append(f"got quoted positional parameter. {_MIXED}")
            scan.elements = 1
            value = self.quoted(scan, not escaped) if char == '"' else self.raw(scan)
            scan.add_param(value, value)
            return
        if char == "`":
            raise _LexError("unrecognized escape character")
        end = _run_end(text, pos, _PARAM_RUN)
        word, named = text[pos:end], text.startswith("=", end)
        if scan.elements == 0:
            scan.elements = 2 if named else 1
        elif named and scan.elements == 1:
            scan.errors.append(f"got named parameter '{word}'. {_MIXED}")
        elif not named and scan.elements == 2:
            scan.errors.append(f"got positional parameter '{word}'. {_MIXED}")
        scan.add_param(word, _typed(word))
        scan.pos = end

    def param_value(self, scan: _Scan) -> None:
        """The value after `=` (the `=` case of Hugo's lexInsideShortcode)."""
        text = self.text
        scan.pos = _skip(_SPACE_RUN, text, scan.pos + 1)
        char = text[scan.pos : scan.pos + 1]
        if char in ('"', "\\"):
            scan.add_value(self.quoted(scan, char == '"'))
        elif char == "`":
            scan.add_value(self.raw(scan))
        else:
            end = self.next_space(scan.pos)
            scan.add_value(_typed(text[scan.pos : end]))
            scan.pos = end

    def quoted(self, scan: _Scan, escapes_allowed: bool) -> str:
        """A `"…"` value from scan.pos (at `"` or at `\\`), as lexShortcodeQuotedParamVal."""
        text = self.text
        value_start, opened, escaped_inner, pos = scan.pos, False, False, scan.pos
        while True:
            event = _QUOTE_EVENT.search(text, pos)
            if event is None or event[0] == "\n":
                stop = event.end() if event else len(text)
                raise _LexError(
                    "unterminated quoted string in shortcode parameter-argument: "
                    f"'{text[value_start:stop]}'"
                )
            pos = event.end()
            if event[0] == "\\`":
                raise _LexError("unrecognized escape character")
            if event[0] == '\\"':
                if not opened:  # the quote after this backslash opens the value
                    opened, value_start = True, pos
                elif escapes_allowed:
                    escaped_inner = True
                else:
                    close, after = event.start(), pos
                    break
            elif opened:
                close, after = event.start(), pos
                break
            else:
                opened, value_start = True, pos
        scan.pos = after
        value = text[value_start:close]
        return value.replace("\\", "") if escaped_inner else value

    def raw(self, scan: _Scan) -> str:
        """A back-quoted raw string from scan.pos (lexShortCodeParamRawStringVal)."""
        value_start = scan.pos + 1
        close = self.next_backtick(value_start)
        if close >= len(self.text):
            raise _LexError(
                "unterminated raw string in shortcode parameter-argument: "
                f"'{self.text[value_start:]}'"
            )
        scan.pos = close + 1
        return self.text[value_start:close]


# Hugo 0.168's embedded shortcode templates, the error stubs of removed ones included.
EMBEDDED = frozenset({
    "comment", "details", "figure", "gist", "highlight", "instagram", "instagram_simple",
    "param", "qr", "ref", "relref", "tweet", "twitter", "twitter_simple", "vimeo",
    "vimeo_simple", "x", "x_simple", "youtube",
})  # fmt: skip
# Those whose template evaluates `.Inner` or `.InnerDeindent`.
EMBEDDED_WITH_INNER = frozenset({"comment", "details", "highlight", "qr"})
# Those whose template reads its parameters by name alone (`.Get "src"`; hugo 0.168's).
EMBEDDED_NAMED_ONLY = frozenset({"details", "figure", "qr", "x", "x_simple"})
# What the site's template analysis reads of embedded templates that render a call's
# content, as hugo 0.168 writes them (unless the site has its own): `details` renders it
# with the page's RenderString, inside an HTML block.
EMBEDDED_TEXTS = {
    "details": '<details>\n\t<summary>{{ $summary | .Page.RenderString }}</summary>\n'
    '\t{{ .Inner | .Page.RenderString (dict "display" "block") -}}\n</details>\n',
}


def uses_inner(name: str, site: SiteConfig) -> bool | None:
    """Whether the template Hugo picks for `name` evaluates `.Inner`; None when unknown.

    The site's and its themes' templates override the embedded ones."""
    if name in site.shortcodes:
        return name in site.shortcodes_with_inner
    if name in EMBEDDED:
        return name in EMBEDDED_WITH_INNER
    return None

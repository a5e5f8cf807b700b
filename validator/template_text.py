"""What a shortcode's template writes, when it is made of fixed text, the call's parameters
and the site's translations alone: Kubernetes' `heading`,

    {{- $heading := printf "%s_heading" (.Get 0) -}}
    {{- T $heading | safeHTML -}}

writes "What's next" for `{{% heading "whatsnext" %}}`, which Hugo lays into the heading
before making its id. A small part of Go's templates is read: text (HTML comments dropped,
as html/template does), trim markers, comments, variables, `.Get`, parenthesized pipelines
and a few functions (`printf`, `print`, `T`/`i18n`, `safeHTML`, `lower`, `upper`, `trim`,
`strings.TrimSpace`, `replace`, `default`, `htmlUnescape`, `htmlEscape`). A template with
anything else (a condition, `.Inner`, `.Page`, a partial, a tag around an action) is not
read: its output is unknown. Checked against hugo 0.168 (tests/test_template_text.py).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# A value html/template writes as it is (`safeHTML`'s); any other string is escaped.
class _Html(str):
    __slots__ = ()


_ESCAPES = str.maketrans({"&": "&amp;", "'": "&#39;", '"': "&#34;", "<": "&lt;", ">": "&gt;", "+": "&#43;", "\0": "\ufffd"})

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\\n]|\\.)*")
      | (?P<raw>`[^`]*`)
      | (?P<number>-?\d+)(?![\w.])
      | (?P<field>\$?(?:\.[A-Za-z_]\w*)+|\.)
      | (?P<variable>\$\w*)
      | (?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)
      | (?P<declare>:=)
      | (?P<punct>[()|=])
    )""",
    re.VERBOSE,
)
_ACTION_END = re.compile(r"\s*?(?P<trim>\s-)?\}\}")  # ` -}}` trims the text after it
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_BLANKS = re.compile(r"[ \t\r\n]*")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_STRING_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "r": "\r"}
_VERB = re.compile(r"%(.)")
_TRANSLATE = frozenset({"T", "i18n", "lang.Translate"})


class _Unknown(Exception):
    """The template does something this reader does not follow."""


@dataclass(frozen=True)
class _Call:
    """A command: a function (or `.Get`) and its arguments, or a single operand."""

    head: tuple[str, str]  # (kind, value): ("name", "printf"), ("field", ".Get"), ("string", "x")…
    args: tuple[Any, ...]  # operands: (kind, value) pairs, or pipelines (tuples of _Call)


# A template: its pieces in order, each text or (variable or "", pipeline); "" prints it.
_Program = tuple[str | tuple[str, tuple[_Call, ...]], ...]


@functools.lru_cache(maxsize=256)
def read(template: str) -> _Program | None:
    """The template as this module follows it, or None when it does more."""
    try:
        return tuple(_pieces(template))
    except (_Unknown, RecursionError):  # RecursionError: parentheses nested thousands deep
        return None


def uses_translations(program: _Program) -> bool:
    return any(not isinstance(piece, str) and _translates(piece[1]) for piece in program)


def written(
    program: _Program, positional: Sequence[Any], named: Sequence[tuple[str, Any]], translate: Callable[[str], str | None]
) -> str | None:
    """What the template writes for a call with these parameters; None when not known.
    `translate`: a key's text in the page's language, "" for none, None when not known."""
    scope = _Scope(tuple(positional), dict(named), translate)
    out = []
    try:
        for piece in program:
            if isinstance(piece, str):
                out.append(piece)
                continue
            variable, pipeline = piece
            value = scope.pipeline(pipeline)
            if variable:
                scope.variables[variable] = value
            else:
                out.append(value if isinstance(value, _Html) else _text(value).translate(_ESCAPES))
    except (_Unknown, RecursionError):
        return None
    return "".join(out)


def _pieces(template: str) -> list[str | tuple[str, tuple[_Call, ...]]]:
    pieces: list[str | tuple[str, tuple[_Call, ...]]] = []
    position, trim_next = 0, False
    while True:
        start = template.find("{{", position)
        text = template[position : len(template) if start < 0 else start]
        if trim_next:
            text = text.lstrip(" \t\r\n")
        if start >= 0 and template.startswith("{{-", start) and template[start + 3 : start + 4] in (" ", "\t", "\r", "\n"):
            text = text.rstrip(" \t\r\n")
            start += 1
        text = _HTML_COMMENT.sub("", text)
        if "<" in text or ">" in text:
            raise _Unknown  # markup: an action next to it may be in an attribute (escaped otherwise)
        if text:
            pieces.append(text)
        if start < 0:
            return pieces
        position, piece, trim_next = _action(template, start + 2)
        if piece is not None:
            pieces.append(piece)


def _action(template: str, position: int) -> tuple[int, tuple[str, tuple[_Call, ...]] | None, bool]:
    """The action starting at `position` (past `{{` and a left trim marker): where it ends,
    what it does (None for a comment), and whether it trims the text after it."""
    comment = _COMMENT.match(template, _BLANKS.match(template, position).end())
    if comment:
        end = _ACTION_END.match(template, comment.end())
        if end is None:
            raise _Unknown
        return end.end(), None, bool(end["trim"])
    tokens: list[tuple[str, str]] = []
    while True:
        end = _ACTION_END.match(template, position)
        if end is not None:
            break
        found = _TOKEN.match(template, position)
        if found is None or found.end() == position:
            raise _Unknown
        kind = found.lastgroup or ""
        tokens.append((kind, found[kind]))
        position = found.end()
    variable, at = "", 0
    if len(tokens) > 2 and tokens[0][0] == "variable" and tokens[1] in (("declare", ":="), ("punct", "=")):
        variable, at = tokens[0][1], 2
    pipeline, at = _pipeline(tokens, at)
    if at < len(tokens):
        raise _Unknown
    return end.end(), (variable, pipeline), bool(end["trim"])


def _pipeline(tokens: list[tuple[str, str]], at: int) -> tuple[tuple[_Call, ...], int]:
    """The pipeline starting at `tokens[at]`, and where it ends."""
    commands = []
    while True:
        command, at = _command(tokens, at)
        commands.append(command)
        if at == len(tokens) or tokens[at] != ("punct", "|"):
            return tuple(commands), at
        at += 1


def _command(tokens: list[tuple[str, str]], at: int) -> tuple[_Call, int]:
    operands: list[Any] = []
    while at < len(tokens) and tokens[at] not in (("punct", "|"), ("punct", ")")):
        kind, value = tokens[at]
        if (kind, value) == ("punct", "("):
            inner, at = _pipeline(tokens, at + 1)
            if at == len(tokens) or tokens[at] != ("punct", ")"):
                raise _Unknown
            operands.append(inner)
        elif kind in ("string", "raw", "number", "variable", "field", "name"):
            operands.append((kind, value))
        else:
            raise _Unknown
        at += 1
    if not operands:
        raise _Unknown
    head, args = operands[0], tuple(operands[1:])
    if any(not isinstance(arg[0], _Call) and arg[0] in ("field", "name") for arg in args):
        raise _Unknown  # a field or a function's name as an argument
    if isinstance(head[0], _Call):
        if args:
            raise _Unknown
        return _Call(("pipeline", ""), (head,)), at
    kind, value = head
    if (kind == "field" and value.lstrip("$") != ".Get") or (
        kind == "name" and value not in _FUNCTIONS and value not in _TRANSLATE
    ):
        raise _Unknown  # `.Inner`, `.Page`, `partial`, `if`…
    return _Call(head, args), at


def _translates(pipeline: tuple[_Call, ...]) -> bool:
    for command in pipeline:
        if command.head[0] == "name" and command.head[1] in _TRANSLATE:
            return True
        if any(isinstance(arg, tuple) and arg and isinstance(arg[0], _Call) and _translates(arg) for arg in command.args):
            return True
    return False


@dataclass
class _Scope:
    positional: tuple[Any, ...]
    named: dict[str, Any]
    translate: Callable[[str], str | None]
    variables: dict[str, Any] = field(default_factory=dict)

    def pipeline(self, pipeline: tuple[_Call, ...]) -> Any:
        value: Any = None
        for index, command in enumerate(pipeline):
            args = [self.operand(arg) for arg in command.args]
            if index:
                args.append(value)
            value = self.command(command.head, args)
        return value

    def operand(self, operand: Any) -> Any:
        if isinstance(operand[0], _Call):
            return self.pipeline(operand)
        kind, value = operand
        if kind == "string":
            return _go_string(value)
        if kind == "raw":
            return value[1:-1]
        if kind == "number":
            return int(value)
        if value not in self.variables:  # a variable (`_command` lets no other operand through)
            raise _Unknown
        return self.variables[value]

    def command(self, head: tuple[str, str], args: list[Any]) -> Any:
        kind, value = head
        if kind == "field":
            return self.get(args)
        if kind != "name":  # a parenthesized pipeline's value, or an operand's
            if len(args) > (kind == "pipeline"):
                raise _Unknown  # a value given arguments
            return args[0] if args else self.operand(head)
        if value in _TRANSLATE:
            if len(args) != 1 or not isinstance(args[0], str):
                raise _Unknown  # a count or a context: plural forms
            translated = self.translate(args[0])
            if translated is None:
                raise _Unknown
            return translated
        try:
            return _FUNCTIONS[value](*args)
        except TypeError:  # given too few or too many arguments (Hugo stops the build)
            raise _Unknown from None

    def get(self, args: list[Any]) -> Any:
        if len(args) != 1:
            raise _Unknown
        (key,) = args
        if isinstance(key, int) and not isinstance(key, bool):
            if self.named:
                raise _Unknown  # Hugo refuses a position among named parameters
            found = self.positional[key] if 0 <= key < len(self.positional) else ""
        elif isinstance(key, str):
            if self.positional:
                raise _Unknown
            found = self.named.get(key, "")
        else:
            raise _Unknown
        return _text(found)


def _text(value: Any) -> str:
    """A value as Go's templates print it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    raise _Unknown


def _go_string(literal: str) -> str:
    out, index, body = [], 0, literal[1:-1]
    while index < len(body):
        char = body[index]
        if char == "\\":
            escaped = _STRING_ESCAPES.get(body[index + 1 : index + 2])
            if escaped is None:
                raise _Unknown
            out.append(escaped)
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _printf(form: Any, *args: Any) -> str:
    if not isinstance(form, str):
        raise _Unknown
    values = iter(args)

    def verb(found: re.Match[str]) -> str:
        if found[1] == "%":
            return "%"
        value = next(values, None)
        if found[1] in "sv" and isinstance(value, (str, bool, int)):
            return _text(value)
        if found[1] == "d" and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        raise _Unknown

    written = _VERB.sub(verb, form)
    if next(values, None) is not None:
        raise _Unknown  # Go appends `%!(EXTRA …)`
    return written


def _print(*args: Any) -> str:
    """fmt.Sprint: a space between operands when neither is a string."""
    out = []
    for index, value in enumerate(args):
        if index and not isinstance(value, str) and not isinstance(args[index - 1], str):
            out.append(" ")
        out.append(_text(value))
    return "".join(out)


def _strings(count: int, function: Callable[..., str], html_out: bool = False) -> Callable[..., str]:
    def apply(*args: Any) -> str:
        if len(args) != count or not all(isinstance(arg, str) for arg in args):
            raise _Unknown
        result = function(*args)
        return _Html(result) if html_out else result

    return apply


def _default(fallback: Any, *given: Any) -> Any:
    if len(given) != 1:
        raise _Unknown
    return given[0] if given[0] not in ("", None, 0, False) else fallback


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "printf": _printf,
    "print": _print,
    "safeHTML": _strings(1, str, html_out=True),
    "htmlUnescape": _strings(1, html.unescape),
    "htmlEscape": _strings(1, lambda text: html.escape(text).replace("&#x27;", "&#39;").replace("&quot;", "&#34;")),
    "lower": _strings(1, str.lower),
    "strings.ToLower": _strings(1, str.lower),
    "upper": _strings(1, str.upper),
    "strings.ToUpper": _strings(1, str.upper),
    "strings.TrimSpace": _strings(1, lambda text: text.strip(" \t\n\r\v\f")),
    "trim": _strings(2, lambda text, cut: text.strip(cut)),
    "strings.Trim": _strings(2, lambda text, cut: text.strip(cut)),
    "replace": _strings(3, lambda text, old, new: text.replace(old, new)),
    "strings.Replace": _strings(3, lambda text, old, new: text.replace(old, new)),
    "default": _default,
}

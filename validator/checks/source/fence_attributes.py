"""## What it does
Reports a fenced code block whose attributes (the `{…}` after its language, as in
`{linenos=table, hl_lines=[2, "4-5"]}`) Hugo cannot parse: Hugo stops the whole build with `failed to parse Markdown attributes; you may need to quote the values`.
Hugo reads them from the last `{` before the first `}` to that `}`, as goldmark reads a
heading's attributes: `#id`, `.class`, and `name=value` pairs (a value is a `"string"`, a
number, a `[list]` or a word), apart by blanks or commas. These stop the build (checked
with hugo 0.168):

* an empty value (`{linenostart=}`), or a word alone (`{r}`, R Markdown's chunks, or
  `{title=foo bar}`);
* a value in single quotes (`{title='a'}`), `null`, or one with a character a word has not
  (`{hl_lines=2-5}`, `{x=a/b}`);
* a name that starts with another character than a letter, `_` or `:` (`{1,3}`);
* anything else before the `}` (`{hl_lines=["2-5"] >}}`, a shortcode's closing left in);
* a highlighting option of a value Hugo cannot decode (`cannot parse 'LineNoStart' as
  int`): `linenostart` or `tabwidth` not a number (`{linenostart=abc}`, a string not an
  integer); `anchorlinenos`, `linenumbersintable`, `guesssyntax`, `noclasses` or
  `hl_inline` not a boolean (`{guesssyntax=yes}`; `true`, `false`, a number, or a string
  of them such as `"1"` or `"T"` are); `linenos` a number (`{linenos=1}`: write
  `linenos=true`, `table` or `inline`); a list for any of these, or for `style` or
  `lineanchors`.

## Why is this bad?
One such line anywhere in the site stops `hugo` and every deployment with it, and the
error names only the first one: each is found one build at a time.

## Example
```markdown
~~~yaml {linenos=table, linenostart=}
steps:
~~~
```

## Use instead
```markdown
~~~yaml {linenos=table, linenostart=1}
steps:
~~~
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule

_BLANKS = " \t\n\v\f\r"
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_:")
_NAME = _NAME_START | frozenset("0123456789.-")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    if not doc.markup.highlight.code_fences:
        return  # Hugo reads no fence's attributes (checked with hugo 0.168)
    for block in doc.code_blocks:
        if not block.fenced or "{" not in block.info:
            continue
        start, end = _braces(block.info)
        if end < 0:
            continue  # no `}`: no attributes
        attributes = _Attributes(block.info[start : end + 1])
        try:
            read = attributes.parse()
        except RecursionError:
            continue  # lists nested thousands deep: not judged
        line = doc.lines[block.line - 1] if block.line <= len(doc.lines) else ""
        written = line.find(block.info)  # the info string as the fence line writes it
        if read is True:
            for name, value, at in attributes.options:
                if (problem := _undecodable(name, value)) is not None:
                    column = written + start + at + 1 if written >= 0 else block.column
                    yield Finding(block.line, column, f"code block option {name}={value}: {problem}")
            continue
        if read is not False:
            continue  # not judged
        yield Finding(
            block.line,
            written + start + 1 if written >= 0 else block.column,
            f"code block attributes {block.info[start : end + 1]!r}: Hugo "
            + ('cannot render a null value and stops the build ("not implemented: <nil>"); give it one'
               if attributes.null else 'cannot parse them and stops the build ("failed to parse Markdown '
               'attributes"); quote the values (`title="a b"`, `hl_lines=["2-5"]`)'),
        )


# The highlighting options Hugo decodes into typed fields (markup/highlight), by name in
# lower case: (the field's name, its type). Checked with hugo 0.168.
_OPTIONS = {
    "linenostart": ("LineNoStart", int), "tabwidth": ("TabWidth", int),
    "anchorlinenos": ("AnchorLineNos", bool), "linenumbersintable": ("LineNumbersInTable", bool),
    "guesssyntax": ("GuessSyntax", bool), "noclasses": ("NoClasses", bool), "hl_inline": ("Hl_inline", bool),
    "lineanchors": ("LineAnchors", str), "style": ("Style", str), "linenos": ("LineNos", None),
}  # fmt: skip
# Strings Go's strconv reads: ParseBool's, and ParseInt's with base 0 (`0x10`, `+2`, `1_000`)
_GO_BOOLS = frozenset({"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", ""})
_GO_INT = re.compile(r"[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO]?(?:_?[0-7])+|0[bB](?:_?[01])+|[1-9](?:_?[0-9])*|0)?")


def _undecodable(name: str, value: str) -> str | None:
    """Why Hugo cannot decode a highlighting option's value, which stops its build; None
    when it can (or the option is none Hugo types)."""
    found = _OPTIONS.get(name.lower())
    if found is None:
        return None
    field, kind = found
    read = _kind_of(value)
    text = value[1:-1] if read == "string" else value
    if read == "list":
        return f"Hugo cannot read a list there and stops the build ('{field}' expected one value); give one"
    if kind is None and read == "number":
        return 'Hugo stops the build (lineNos must be one of true, false, "inline", or "table"); write linenos=true'
    if kind is int and (read == "word" or read == "string" and not _GO_INT.fullmatch(text)):
        return f"Hugo cannot read it as a whole number and stops the build (\"cannot parse '{field}' as int\"); give one"
    if kind is bool and (read == "word" or read == "string" and text not in _GO_BOOLS):
        return f"Hugo cannot read it as true or false and stops the build (\"cannot parse '{field}' as bool\"); write true or false"
    return None


def _kind_of(value: str) -> str:
    """An attribute value's kind, as goldmark reads it: a list, a quoted string, a number,
    true or false, or another word (a string)."""
    if value[:1] == "[":
        return "list"
    if value[:1] == '"':
        return "string"
    if value[:1] in "-+0123456789":
        return "number"
    return "bool" if value in ("true", "false") else "word"


def _braces(info: str) -> tuple[int, int]:
    """Where Hugo takes a fence's attributes from: the last `{` before the first `}` that
    follows one, to that `}` (`{{title="a"}` reads `{title="a"}`); end -1 without."""
    start = -1
    for index, character in enumerate(info):
        if character == "{":
            start = index
        elif character == "}" and start >= 0:
            return start, index
    return start, -1


class _Attributes:
    """goldmark's attribute list parser (v1, as Hugo 0.168 uses it) over one `{…}`: whether
    it reads it, None when that is not judged (a `{…}` value inside, cut at its `}`)."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.null = False  # a `null` value, which goldmark reads and Hugo cannot render
        self.options: list[tuple[str, str, int]] = []  # (name, value as written, where the name starts)

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def blanks(self) -> None:
        while self.peek() and self.peek() in _BLANKS:
            self.at += 1

    def parse(self) -> bool | None:
        self.blanks()
        if self.peek() != "{":
            return False
        self.at += 1
        while True:
            if self.peek() == "}":
                return True
            read = self.attribute()
            if read is not True:
                return read
            self.blanks()
            if self.peek() == ",":
                self.at += 1
                self.blanks()

    def attribute(self) -> bool | None:
        self.blanks()
        if self.peek() in ("#", "."):  # `#id`, `.class`
            self.at += 1
            while (c := self.peek()) and c not in _BLANKS and (c not in _PUNCTUATION or c in "_-:."):
                self.at += 1
            return True
        if not self.peek() or self.peek() not in _NAME_START:
            return False
        start = self.at
        while self.peek() and self.peek() in _NAME:
            self.at += 1
        name = self.text[start : self.at]
        self.blanks()
        if self.peek() != "=":
            return False
        self.at += 1
        self.blanks()
        begin = self.at
        read = self.value()
        if read is True:
            self.options.append((name, self.text[begin : self.at], start))
        return read

    def value(self) -> bool | None:
        self.blanks()
        c = self.peek()
        if not c:
            return False
        if c == "{":
            return None  # a table value: its `}` ended what Hugo reads
        if c == "[":
            return self.array()
        if c == '"':
            return self.string()
        if c in "-+0123456789":
            return self.number()
        if c not in _NAME_START:
            return False
        start = self.at
        while self.peek() and self.peek() in _NAME:
            self.at += 1
        self.null = self.text[start : self.at] == "null"
        return not self.null

    def array(self) -> bool | None:
        self.at += 1
        for index in range(len(self.text)):  # each turn reads at least a character
            c = self.peek()
            if index > 0 and c == ",":
                self.at += 1
            if c == "]":
                self.at += 1
                return True
            self.blanks()
            read = self.value()
            if read is not True:
                return read
            self.blanks()
        return False

    def string(self) -> bool:
        self.at += 1
        while self.at < len(self.text):
            c = self.text[self.at]
            if c == "\\" and self.at + 1 < len(self.text):
                self.at += 2
                continue
            self.at += 1
            if c == '"':
                return True
        return False

    def number(self) -> bool:
        if self.peek() in "-+":
            self.at += 1
        digits = self.digits()
        if not digits:
            return False
        text = digits
        if self.peek() == ".":
            self.at += 1
            text += "." + self.digits()
        if self.peek() in ("e", "E"):
            self.at += 1
            sign = self.peek() if self.peek() in "-+" else ""
            self.at += len(sign)
            text += "e" + sign + self.digits()
        try:
            float(text)
        except ValueError:
            return False
        return True

    def digits(self) -> str:
        start = self.at
        while self.peek() and self.peek() in "0123456789":
            self.at += 1
        return self.text[start : self.at]


RULE = Rule(
    id="fence-attributes",
    summary="Code fence attributes Hugo cannot parse, stopping the build",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

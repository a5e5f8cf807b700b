"""## What it does
Reports shortcode parameters Hugo cannot read, with Hugo's own error and the fix:
named and positional parameters mixed in one call, an unquoted value with characters
other than letters, digits, `_`, `-` and `.`, and a quoted or back-quoted value that is
never closed. Also positional parameters given to a template that reads named ones only
(Hugo's `figure`, `details`, `qr`, `x`, and the site's templates that read parameters by
name alone, calling no partial): the template never sees them (`{{< figure src"a.png" >}}`,
a missing `=`, is two positional parameters, and the figure has no image). And a call
written in another's parameter (`alt="For {{% product %}}"`): Hugo runs none, the value is
passed as written, and a template of the site's that renders no Markdown (`markdownify`,
`.RenderString`) prints it so.

## Why is this bad?
Hugo stops the build (`failed to extract shortcode`), pointing at the page but not always
at the parameter.

## Example
```markdown
The mascot:

{{< figure src="/images/gopher.png" Gopher >}}

{{< youtube https://www.youtube.com/watch?v=0RKpf3rK57I >}}
```

## Use instead
```markdown
The mascot:

{{< figure src="/images/gopher.png" alt="Gopher" >}}

{{< youtube id="0RKpf3rK57I" >}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, ShortcodeUse
from validator.shortcodes import CALL_TAG, EMBEDDED_NAMED_ONLY
from validator.model import Finding, NoOptions, Rule

_MAX_QUOTED = 40  # characters of an unterminated value to show
# Hugo's parameter errors (their start) and how to fix each.
_FIXES = (
    ("got named parameter", "use only named (key=value) or only positional parameters"),
    ("got positional parameter", "use only named (key=value) or only positional parameters"),
    ("got quoted positional parameter", "use only named (key=value) or only positional parameters"),
    ("failed to extract shortcode: invalid state: invalid param type",
     "use only named (key=value) or only positional parameters"),
    ("unrecognized character in shortcode action", 'quote the value, e.g. "https://example.org"'),
    ("unterminated quoted string", "close the quote on the same line; a `back-quoted` value may span lines"),
    ("unterminated raw string", "close the back-quote"),
    ("unrecognized escape character", 'only \\" may be escaped, inside a "quoted" value'),
)  # fmt: skip


def fix(error: str) -> str | None:
    """How to fix a parameter error of Hugo's; None when `error` is about something else."""
    return next((advice for start, advice in _FIXES if error.startswith(start)), None)


def is_parameter_error(error: str, name: str) -> bool:
    """An unrecognized character before the name is a broken tag, not a parameter error."""
    return fix(error) is not None and (bool(name) or "unrecognized character" not in error)


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for use in doc.shortcodes:
        # Hugo stops at a tag's first error; the rule that owns it reports it.
        if use.errors and is_parameter_error(use.errors[0], use.name):
            error = use.errors[0]
            yield Finding(use.line, use.column, f"{_shorten(error)}: {fix(error)}")
    site = doc.site
    for use in doc.shortcode_calls:
        named_only = use.template in site.shortcodes_named_only or (
            # Hugo's own, unless a template of the site's, or of a theme not found, replaces it
            use.template in EMBEDDED_NAMED_ONLY and use.template not in site.shortcodes and not site.templates_missing
        )
        yield from _calls_in_values(doc, use)
        if named_only and use.positional and not use.errors:
            given = ", ".join(repr(str(value)) for value in use.positional[:4])
            close = ">" if use.written_notation == "<" else "%"
            yield Finding(
                use.line,
                use.column,
                f"{{{{{use.written_notation} {use.name} {close}}}}} is given positional parameters ({given}), which its "
                "template never reads (only named ones, `.Get \"name\"`): they are ignored; write key=value pairs",
            )


def _calls_in_values(doc: Document, use: ShortcodeUse) -> Iterator[Finding]:
    """A call written in another's parameter (`alt="For {{% product %}}"`): Hugo passes the
    value as written (checked with hugo 0.168), and a template of the site's that renders
    no Markdown (`markdownify`, `.RenderString`, which would run it) prints it as it is."""
    if use.errors or use.template not in doc.site.shortcodes or use.template in doc.site.shortcodes_rendering_markdown:
        return
    for value in use.values:
        if isinstance(value, str) and "{{" in value and (inner := CALL_TAG.search(value)) is not None:
            line, column = _place(doc, use, inner[0])
            yield Finding(
                line, column,
                f"{inner[0]!r} in a parameter of {{{{{use.written_notation} {use.name} "
                f"{'>' if use.written_notation == '<' else '%'}}}}} is shown as written: Hugo runs no call in "
                "another's parameters (write the text it stands for)",
            )  # fmt: skip


def _place(doc: Document, use: ShortcodeUse, text: str) -> tuple[int, int]:
    """Where `text` is written in the call's tag (its first line holding it), else the call's place."""
    for number in range(use.line, min(use.end_line, use.line + 50, len(doc.lines)) + 1):
        line = doc.lines[number - 1]
        start = line.find(text, use.column if number == use.line else 0)
        if start >= 0:
            return number, start + 1
    return use.line, use.column


def _shorten(error: str) -> str:
    """Hugo's message, with a long unterminated value cut (it runs to the end of the line)."""
    head, quote, value = error.partition(": '")
    if not quote or len(value) <= _MAX_QUOTED:
        return error.rstrip("\n")
    return f"{head}: '{value[:_MAX_QUOTED].rstrip()}…'"


RULE = Rule(
    id="shortcode-params",
    summary="Shortcode parameters Hugo cannot read",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

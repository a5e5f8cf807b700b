"""## What it does
Reports a shortcode call that Hugo requires to be closed but is not: one whose template
uses its inner content (`.Inner` or `.InnerDeindent`), such as the embedded `highlight`,
`details` and `qr`, or a site template that does, written without its closing tag and
without the self-closing `/>}}`. Also reports shortcode tags Hugo cannot lex at all: a
tag that never ends, a `{{</* … */>}}` comment that is not closed, a tag without a name.

## Why is this bad?
Hugo stops the build: `shortcode "…" must be closed or self-closed`, or `unclosed shortcode
action`. An unclosed call nested in another one takes its parent's closing tag as its own.

## Example
```markdown
Print a greeting:

{{< highlight go >}}
fmt.Println("hi")
```

## Use instead
```markdown
Print a greeting:

{{< highlight go >}}
fmt.Println("hi")
{{< /highlight >}}

{{< qr text="https://gohugo.io" />}}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from string import Template

from validator.checks.source.shortcode_mismatched import is_pairing_error
from validator.checks.source.shortcode_params import is_parameter_error
from validator.shortcodes import uses_inner
from validator.document import Document, ShortcodeUse
from validator.model import Finding, NoOptions, Rule

_ESCAPE = "or show it literally as {{</* … */>}}"
# Hugo's errors for tags it cannot lex (their start), and how to fix each.
_FIXES = (
    ("unclosed shortcode action", Template("end the tag with $right")),
    ("unclosed shortcode",
     Template("a closing tag holds only the name, e.g. {{$notation /$name $right")),
    ("comment must be closed", Template("end the comment with */$right")),
    ("shortcode has no name", Template(f"name the shortcode, {_ESCAPE}")),
    ("period in shortcode name",
     Template("only inline shortcodes (name.inline) may have a period in their name")),
    ("inline shortcodes do not support nesting", Template("move this tag out of the inline shortcode's body")),
)  # fmt: skip


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    malformed: dict[int, list[tuple[ShortcodeUse, str]]] = {}  # by line
    for use in doc.shortcodes:  # comments included: one may be left open
        if use.errors:  # Hugo reports a tag's first error; parameters and pairing have their rules
            error = use.errors[0]
            if not is_parameter_error(error, use.name) and not is_pairing_error(error):
                malformed.setdefault(use.line, []).append((use, error))
    for tags in malformed.values():  # one finding a line: a line of a thousand `{{<` is one slip
        (use, error), more = tags[0], len(tags) - 1
        also = f" (and {more} more malformed tag{'s' if more > 1 else ''} on this line)" if more else ""
        yield Finding(use.line, use.column, f"{error}: {_fix(error, use)}{also}")
    uses = doc.shortcode_calls
    for use in uses:
        if use.errors or use.kind != "open" or use.paired or use.name.endswith(".inline"):
            continue
        if uses_inner(use.template, doc.site):
            yield Finding(use.line, use.column, _unclosed(use, uses))


def _fix(error: str, use: ShortcodeUse) -> str:
    right = ">}}" if use.written_notation == "<" else "%}}"
    for start, advice in _FIXES:
        if error.startswith(start):
            return advice.substitute(right=right, notation=use.written_notation, name=use.name or "name")
    return f"fix the tag, {_ESCAPE}"


def _unclosed(use: ShortcodeUse, uses: list[ShortcodeUse]) -> str:
    right = ">" if use.written_notation == "<" else "%"
    message = (
        f'shortcode "{use.name}" must be closed or self-closed: add {{{{{use.written_notation} /{use.name} '
        f"{right}}}}} after its content, or end the tag with /{right}}}}}"
    )
    parent = uses[use.parent] if use.parent is not None else None
    if parent is not None and parent.close_line is not None:
        message += (
            f"; as written, Hugo takes the closing tag of \"{parent.name}\" on line "
            f"{parent.close_line} as its own"
        )
    return message


RULE = Rule(
    id="shortcode-unclosed",
    summary="Shortcode is not closed, or its tag is malformed",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

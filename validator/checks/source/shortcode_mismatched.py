"""## What it does
Reports shortcode closing tags Hugo rejects: a closing tag that matches no open call (a
typo in its name, or a second closing tag for a call already closed), and a closing tag
given to a shortcode whose template does not use its inner content (`.Inner` or
`.InnerDeindent`), such as `figure`, `youtube`, `ref` or `param`, self-closing ones
(`{{< figure src="a.png" />}}`) too.

Also a closing tag that names a shortcode closed before while another call is open: Hugo
accepts it and closes the innermost open call, whatever name the tag gives. The page
builds, but the tag says something else than what it does.

## Why is this bad?
Hugo stops the build: `closing tag for shortcode '…' does not match start tag`, or
`shortcode "…" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided`.

## Example
```markdown
Print a greeting:

{{< highlight go >}}
fmt.Println("hi")
{{< /higlight >}}

{{< figure src="/images/gopher.png" >}}A gopher{{< /figure >}}
```

## Use instead
```markdown
Print a greeting:

{{< highlight go >}}
fmt.Println("hi")
{{< /highlight >}}

{{< figure src="/images/gopher.png" caption="A gopher" >}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.shortcodes import uses_inner
from validator.document import Document, ShortcodeUse, StrayShortcodeClose
from validator.model import Finding, NoOptions, Rule

# Hugo's lexer errors about closing tags.
_PAIRING_ERRORS = ("got closing shortcode, but none is open", "closing tag for shortcode")


def is_pairing_error(error: str) -> bool:
    return error.startswith(_PAIRING_ERRORS)


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    uses = doc.shortcode_calls
    for use in uses:
        if use.errors and is_pairing_error(use.errors[0]):  # Hugo reports a tag's first error
            yield Finding(use.line, use.column, f"{use.errors[0]}: remove the closing tag or fix its name")
        if use.close_name and use.close_name.lower() != use.template:
            yield _at_closing_tag(
                use,
                f"closing tag {_tag(use.close_notation, '/' + use.close_name)} closes the open \"{use.name}\" call "
                f"(Hugo closes the innermost open call, whatever name its closing tag gives): write "
                f"{_tag(use.close_notation, '/' + use.name)}",
            )
        closed = use.paired or use.kind == "self-closing"
        if closed and not use.name.endswith(".inline") and uses_inner(use.template, doc.site) is False:
            refused = (
                f'shortcode "{use.name}" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided'
            )
            if use.paired:
                yield _at_closing_tag(
                    use,
                    f"{refused}: remove {_tag(use.written_notation, '/' + use.name)} (the template ignores what is "
                    "between the tags)",
                )
            else:
                end = ">}}" if use.written_notation == "<" else "%}}"
                yield Finding(use.line, use.column, f"{refused}: remove the `/` before `{end}`, which closes the call")
    first: dict[str, tuple[int, int]] = {}  # where each name is first called (calls come in text order)
    for use in uses:
        first.setdefault(use.name, (use.line, use.column))
    for stray in doc.stray_shortcode_closes:
        yield Finding(stray.line, stray.column, _stray_message(stray, first))


def _at_closing_tag(use: ShortcodeUse, message: str) -> Finding:
    assert use.close_line is not None and use.close_column is not None
    return Finding(use.close_line, use.close_column, message)


def _stray_message(stray: StrayShortcodeClose, first: dict[str, tuple[int, int]]) -> str:
    tag = _tag(stray.notation, f"/{stray.name}" if stray.name else "/")
    if not stray.name:
        return f"closing tag {tag} closes nothing: no shortcode is open here"
    if stray.name in first and first[stray.name] < (stray.line, stray.column):
        return f'closing tag {tag} matches no open "{stray.name}" call: remove it'
    return (
        f"closing tag for shortcode '{stray.name}' does not match start tag: fix its name "
        "or remove it"
    )


def _tag(notation: str, inside: str) -> str:
    right = ">" if notation == "<" else "%"
    return f"{{{{{notation} {inside} {right}}}}}"


RULE = Rule(
    id="shortcode-mismatched",
    summary="Shortcode closing tag Hugo rejects",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

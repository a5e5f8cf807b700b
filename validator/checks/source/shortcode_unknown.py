"""## What it does
Reports shortcode calls that no template answers: a name that is neither one of Hugo's
embedded shortcodes nor a template in the site's or its themes' `layouts/_shortcodes/`
(or the legacy `layouts/shortcodes/`). Names are judged only inside a Hugo site, whose
layouts mdcheck can read, and only when every theme and module the site imports is on disk
(in themesDir, `_vendor/` or a `module.replacements` directory): a module Hugo would
download may define any name.

Inline shortcodes (`{{< year.inline >}}{{ now.Year }}{{< /year.inline >}}`) are reported
when the site has not enabled them (`security.enableInlineShortcodes`), because Hugo then
renders them as nothing, silently; when enabled, a re-use (`{{< year.inline />}}`) before
the page defines it is reported too.

## Why is this bad?
Hugo stops the build with `template for shortcode "…" not found`, usually because of a
typo (`{{< youtub … >}}`) or a template that lives in a theme the site no longer uses. A
disabled inline shortcode fails the other way: the page builds, without its content.

## Example
```markdown
Copyright {{< year.inline >}}{{ now.Year }}{{< /year.inline >}} Jane Doe.
```

## Use instead
Put the template in `layouts/_shortcodes/year.html`, or enable inline shortcodes with
`security.enableInlineShortcodes = true`:
```markdown
Copyright {{< year >}} Jane Doe.
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from validator.document import Document, ShortcodeUse
from validator.model import Finding, NoOptions, Rule
from validator.settings import SiteConfig
from validator.shortcodes import EMBEDDED

def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    site = doc.site
    known = EMBEDDED | site.shortcodes
    defined: set[str] = set()  # inline shortcodes the page has defined so far
    for use in doc.shortcode_calls:
        name = use.name
        if not name or use.errors:
            continue  # shortcode-unclosed and shortcode-params report broken tags
        if name.endswith(".inline"):
            yield from _inline(use, site, defined)
        elif site.root is not None and use.template not in known and not site.templates_missing:
            unread = dict(site.shortcodes_unmounted).get(use.template)
            yield Finding(use.line, use.column, _not_found(name, known, unread))


def _inline(use: ShortcodeUse, site: SiteConfig, defined: set[str]) -> Iterator[Finding]:
    if not site.enable_inline_shortcodes:
        yield Finding(
            use.line,
            use.column,
            f'inline shortcode "{use.name}" renders nothing: inline shortcodes are disabled; '
            "set security.enableInlineShortcodes = true or move it to layouts/_shortcodes/",
        )
    elif use.paired:
        defined.add(use.name)
    elif use.name not in defined:
        yield Finding(
            use.line,
            use.column,
            f'no earlier definition of shortcode "{use.name}" found: define it first with '
            f"{{{{< {use.name} >}}}}…{{{{< /{use.name} >}}}}",
        )


def _not_found(name: str, known: frozenset[str], unread: str | None) -> str:
    """The message; `unread`: the call's template in a module whose templates Hugo does not read."""
    message = f'template for shortcode "{name}" not found'
    if unread:
        return (
            f"{message}: Hugo does not read {unread}, as its module's mounts mount no layouts; "
            'add a mount of its layouts (source = "layouts", target = "layouts")'
        )
    close = difflib.get_close_matches(name, sorted(known), n=1)
    if close:
        return f"{message}: did you mean {close[0]!r}?"
    return f"{message}: add layouts/_shortcodes/{name}.html or fix the name"


RULE = Rule(
    id="shortcode-unknown",
    summary="Shortcode has no template",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

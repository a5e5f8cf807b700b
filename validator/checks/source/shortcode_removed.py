"""## What it does
Reports calls to embedded shortcodes that current Hugo has removed: `twitter`, `tweet` and
`twitter_simple` (removed in 0.156.0, use `x` or `x_simple`), `gist` (removed in 0.156.0,
no replacement) and `instagram_simple` (removed in 0.123.0, use `instagram`). A site that
defines its own template with one of these names is not reported; when its themes or
modules are not all on disk, the finding says one of them may define it. A site whose deployment
builds with an older Hugo (`HUGO_VERSION` in `netlify.toml`, a GitHub workflow's
`hugo-version`) is told so: the call still works there, until it upgrades.

## Why is this bad?
Hugo keeps the names only to stop the build with an error, so content written for an older
Hugo (such as the `twitter_simple` call in hugoBasicExample) no longer builds.

## Example
```markdown
The zoo posted:

{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}
```

## Use instead
```markdown
The zoo posted:

{{< x user="SanDiegoZoo" id="1453110110599868418" >}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document, ShortcodeUse
from validator.model import Finding, NoOptions, Rule
from validator.site import unbuilt_reason

# name -> (version that removed it, replacement name or None)
REMOVED = {
    "twitter": ("0.156.0", "x"),
    "tweet": ("0.156.0", "x"),
    "twitter_simple": ("0.156.0", "x_simple"),
    "gist": ("0.156.0", None),
    "instagram_simple": ("0.123.0", "instagram"),
}


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    unbuilt = None
    if any(use.template in REMOVED for use in doc.shortcode_calls) and doc.site.root is not None:
        unbuilt = unbuilt_reason(doc.site, doc.front_matter.data or {})  # a draft's: only with --buildDrafts
    for use in doc.shortcode_calls:
        if use.template in REMOVED and use.template not in doc.site.shortcodes:
            version, replacement = REMOVED[use.name]
            when = "" if unbuilt is None else f" once the page is built ({unbuilt})"
            if doc.site.templates_missing:  # toha's own gist: a theme may answer the name
                when += ", unless a theme or module that is not on disk has a template of that name"
            removed = f'the "{use.name}" shortcode was removed in Hugo {version} and fails the build{when}'
            advice = _advice(use, replacement) + doc.site.removed_since(version)
            yield Finding(use.line, use.column, f"{removed}: {advice}")


def _advice(use: ShortcodeUse, replacement: str | None) -> str:
    if replacement is None:
        return (
            "embed the gist's <script> tag from a shortcode of your own, or copy its code into "
            "a code block"
        )
    right = ">" if use.written_notation == "<" else "%"
    if replacement.startswith("x"):
        user, post = use.param("user"), use.param("id", 0)  # old calls: {{< tweet ID >}}
        params = f'user="{user or "…"}" id="{post or "…"}"'
    else:
        post = use.param("id", 0)
        params = f'"{post}"' if post else "ID"
    return f"use {{{{{use.written_notation} {replacement} {params} {right}}}}}"


RULE = Rule(
    id="shortcode-removed",
    summary="Shortcode removed from Hugo",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

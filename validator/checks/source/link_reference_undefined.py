"""## What it does
Reports reference links and images whose label has no definition on the page: the full
form `[text][label]` and the collapsed form `[text][]`, where no `[label]: destination`
line defines the label (case and spacing aside). The shortcut form `[text]` is not
reported: brackets around a word are common in prose (`[sic]`, `[1]`, `[WIP]`).

Brackets right after a word (`matrix[i][j]`), escaped brackets (`\\[a\\]\\[b\\]`), brackets
around links (`[[#12](url)][[#13](url)]`) and code spans are not reference links and are left alone, as are the labels of footnotes
(`[^1]`). A definition counts anywhere in the page's Markdown, as in Hugo, but not one in
another file or inside a `{{< >}}` shortcode's content; and a `{{% %}}` call's content inside
another call's, which Hugo renders apart from the page, has the definitions inside it alone.

## Why is this bad?
Hugo (goldmark) renders a reference whose label is not defined as the literal text: the
page shows `[the starter][starter]`, brackets and all, where a link was meant, and the
build says nothing.

## Example
```markdown
Start from [the starter template][starter].
```

## Use instead
```markdown
Start from [the starter template][starter].

[starter]: https://github.com/example/starter
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.common.utils import normalizeReference

from validator.document import Document
from validator.model import Finding, NoOptions, Rule
from validator.prose import Stretch, stretches, written_as_shown

# `[text][label]` or `[text][]` left as text: not right after a word or a bracket
# (`a[i][j]`), neither part holding brackets, the label at most 999 characters (longer is
# no label in CommonMark).
_REFERENCE = re.compile(r"(?<![\w\]\)\\])\[([^\[\]]+)\]\[([^\[\]]{0,999})\]")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for stretch in stretches(doc, where=lambda token: "][" in token.content):
        if stretch.kind != "text" or "][" not in stretch.text:
            continue
        for match in _REFERENCE.finditer(stretch.text):
            brackets = (match.start(), match.start(1) + len(match[1]), match.start(2) - 1, match.end() - 1)
            if not written_as_shown(doc, stretch, brackets):
                continue
            line, column = stretch.position(match.start())
            written = _written(doc, stretch, match)
            if not _REFERENCE.fullmatch(written):
                continue  # links inside (`[[#1](url)][[#2](url)]`): brackets around links, no reference
            text, _, label = written[1:-1].rpartition("][")
            label = (label if label.strip() else text).strip()
            if label.startswith("^"):
                continue
            if normalizeReference(label) in doc.link_labels:
                message = (
                    f"reference link {written!r}: the label {label!r} is defined on this page, but in other "
                    "Markdown: Hugo renders the content of a `{{% %}}` call inside another call apart from the "
                    "page, with its own link definitions, and shows the brackets as text (define it where it is used)"
                )
            else:
                message = (
                    f"reference link {written!r}: no definition of the label {label!r} on this page; "
                    f"Hugo shows the brackets as text (add `[{label}]: URL`)"
                )
            yield Finding(line, column, message)


def _written(doc: Document, stretch: Stretch, match: re.Match[str]) -> str:
    """The match as the file writes it (emphasis marks and all: `[_Fork_][]` has the label
    `_Fork_`), when it is on one line; else as the page shows it."""
    (line, start), (end_line, end) = stretch.position(match.start()), stretch.position(match.end() - 1)
    return doc.lines[line - 1][start - 1 : end] if line == end_line else match[0]


RULE = Rule(
    id="link-reference-undefined",
    summary="Reference link whose label is not defined",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    markdownlint="MD052",
    reads_contents=True,
)

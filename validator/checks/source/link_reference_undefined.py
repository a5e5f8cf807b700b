"""## What it does
Reports reference links and images whose label has no definition on the page: the full
form `[text][label]` and the collapsed form `[text][]`, where no `[label]: destination`
line defines the label (case and spacing aside), whatever the text holds (code too:
``[`owned` CRDs][crds]``). The shortcut form `[text]` is not reported: brackets around a
word are common in prose (`[sic]`, `[1]`, `[WIP]`), and so are citation marks of numbers
(`popular.[3][4]`), and so are issue keys and emphasized tags in a row
(`[PLAT-7203][PLAT-5706]`, `[**feature**][**change**]`: release notes' tags).

Brackets right after a word of Latin letters or digits (`matrix[i][j]`; not after Chinese or
Japanese text, which puts no blank before them: `的[骨架][archetypes]`), placeholders in an
address (`azurekms://[VAULT_NAME][VAULT_URI]/[KEY]`, after a `/`, `:`, `=` or `@`), escaped
brackets (`\\[a\\]\\[b\\]`), brackets
around links (`[[#12](url)][[#13](url)]`) and code spans are not reference links and are left alone, as are the labels of footnotes
(`[^1]`), and so are brackets inside math written for the browser (`$$\\ce{A <=>[+ H+][- H+] B}$$`,
mhchem's arrows, which KaTeX or MathJax read as written). A definition counts anywhere in the page's Markdown, as in Hugo, but not one in
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

from validator.delimited_math import without_math
from validator.document import Document
from validator.model import Finding, NoOptions, Rule
from validator.prose import Stretch, code_spans, in_code_span, stretches, written_as_shown

# `[text][label]` or `[text][]` left as text: not right after an ASCII word or a bracket
# (`a[i][j]`), nor inside an address's placeholders (`azurekms://[NAME][URI]/[KEY]`,
# `--key=[A][B]`, `user@[HOST][PORT]`), neither part holding brackets, the label at most 999 characters (longer is
# no label in CommonMark).
_REFERENCE = re.compile(r"(?<![A-Za-z0-9_\]\)\\/:=@])\[([^\[\]]+)\]\[([^\[\]]{0,999})\]")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    reported: set[tuple[int, int]] = set()
    for stretch in stretches(doc, where=lambda token: "][" in token.content):
        if stretch.kind != "text" or "][" not in stretch.text:
            continue
        for match in _REFERENCE.finditer(without_math(stretch.text)):  # math's brackets are its own
            brackets = (match.start(), match.start(1) + len(match[1]), match.start(2) - 1, match.end() - 1)
            if not written_as_shown(doc, stretch, brackets):
                continue
            line, column = stretch.position(match.start())
            written = _written(doc, stretch, match)
            if not _REFERENCE.fullmatch(written):
                continue  # links inside (`[[#1](url)][[#2](url)]`): brackets around links, no reference
            text, _, label = written[1:-1].rpartition("][")
            if text.strip().isdigit() and label.strip().isdigit():
                continue  # citation marks (`sport.[3][4]`), not a link
            if all(_TICKET.fullmatch(part.strip()) or _EMPHASIZED.fullmatch(part.strip()) for part in (text, label)):
                continue  # issue keys, tags in a row (`[PLAT-7203][PLAT-5706]`, `[**feature**][**change**]`)
            blank = bool(label) and not label.strip()  # `[foo][ ]`: goldmark reads it as `[foo][]`, markdown-it not
            label = (label if label.strip() else text).strip()
            if label.startswith("^") or (blank and normalizeReference(label) in doc.link_labels):
                continue  # (a blank label's link of a label defined: Hugo links it, checked with hugo 0.168)
            if normalizeReference(label) in doc.link_labels:
                message = (
                    f"reference link {written!r}: the label {label!r} is defined on this page, but in other "
                    "Markdown: Hugo renders the content of a `{{% %}}` call inside another call apart from the "
                    "page, with its own link definitions, and shows the brackets as text (define it where it is used)"
                )
            elif normalizeReference(label) in doc.page_link_labels:
                message = (
                    f"reference link {written!r}: the label {label!r} is defined in the page, outside this content, "
                    "which Hugo renders apart with its own link definitions: it shows the brackets as text (define "
                    "it in the content too, or write the address)"
                )
            else:
                message = _undefined(written, label)
            reported.add((line, column))
            yield Finding(line, column, message)
    yield from (finding for finding in _with_code(doc) if (finding.line, finding.column) not in reported)


_TICKET = re.compile(r"[A-Z][A-Z0-9]*-\d+")  # an issue tracker's key: `PLAT-7203`, `DB-42`
_EMPHASIZED = re.compile(r"(\*\*?|__?)[^*_\[\]\s](?:[^*_\[\]]*[^*_\[\]\s])?\1")  # a tag: `**feature**`


def _with_code(doc: Document) -> Iterator[Finding]:
    """The reference links whose text holds a code span (``[`owned` CRDs][crds]``), which
    the text alone does not show whole: read in the inline Markdown as written, outside
    code spans."""
    for token in doc.tokens:
        content = token.content
        if token.type != "inline" or "`" not in content or "][" not in content:
            continue
        in_code = in_code_span(code_spans(content))
        for match in _REFERENCE.finditer(content):
            if "`" not in match[1] or in_code(match.start()):
                continue  # plain text, read with the text; or inside a code span
            label = (match[2] if match[2].strip() else match[1]).strip()
            if label.startswith("^") or normalizeReference(label) in doc.link_labels:
                continue
            yield Finding(*doc.position(token, match.start()), _undefined(match[0], label))


def _undefined(written: str, label: str) -> str:
    return (
        f"reference link {written!r}: no definition of the label {label!r} on this page; "
        f"Hugo shows the brackets as text (add `[{label}]: URL`)"
    )


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

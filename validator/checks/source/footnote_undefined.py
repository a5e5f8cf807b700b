"""## What it does
Reports footnote references (`[^note]`) whose label has no definition (`[^note]: …`) on the
page. A `{{% %}}` call's content inside another call's is rendered apart from the page, and
has the definitions inside it alone.

A label that reads as a regular expression's negated class (`[^/]+`, `[^a-z]`, `[^\\s]*`:
no letter nor digit, a backslash, or ranges alone), or one a letter, a digit or a
quantifier follows (`[^f]oo`, a glob; `[^a]+`), is taken for one: Hugo shows it as
written, as its author meant.

## Why is this bad?
Hugo renders an undefined footnote reference as the literal text `[^note]`.

## Example
```markdown
Rob Pike said so.[^pike]
```

## Use instead
```markdown
Rob Pike said so.[^pike]

[^pike]: In his talk at Gopherfest, November 18, 2015.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document, FootnoteRef
from validator.html import REGEX_CLASS_LABEL
from validator.model import Finding, NoOptions, Rule


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    labels = {definition.label for definition in doc.footnote_defs}
    for ref in doc.footnote_refs:
        if doc.defines(ref) or _REGEX_CLASS.fullmatch(ref.written) or _in_pattern(doc, ref):
            continue
        if ref.label in labels:
            message = (
                f"footnote [^{ref.written}] is defined on this page, but in other Markdown: Hugo renders the "
                "content of a `{{% %}}` call inside another call apart from the page, with its own footnotes, "
                "and prints it as text (define it where it is used)"
            )
        else:
            message = f"footnote [^{ref.written}] is not defined; Hugo prints it as text"
        yield Finding(ref.line, ref.column, message)


_REGEX_CLASS = re.compile(REGEX_CLASS_LABEL)


def _in_pattern(doc: Document, ref: FootnoteRef) -> bool:
    """Whether the reference is a pattern's class, a letter, a digit or a quantifier right
    after it (`[^f]oo`, a glob; `[^a]+`): no footnote reference is written so."""
    line = doc.lines[ref.line - 1] if 0 < ref.line <= len(doc.lines) else ""
    written = f"[^{ref.written}]"
    at = line.find(written, max(ref.column - 1, 0))
    after = line[at + len(written) : at + len(written) + 1] if at >= 0 else ""
    return after.isalnum() or after in _QUANTIFIERS


_QUANTIFIERS = ("+", "*", "?", "{")


RULE = Rule(
    id="footnote-undefined",
    summary="Footnote reference without a definition",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    reads_contents=True,
)

"""## What it does
Reports front matter that Hugo cannot read: a TOML (`+++`), YAML (`---`) or JSON (`{`)
block with a syntax error, a block that is opened but never closed, or front matter that is
not a table of keys. The finding points at the line and column the parser stopped at.

Also front matter whose opening delimiter is missing: a file that starts with a key of
Hugo's front matter (`title: …`, `date = …`), sets another one on a later line, and has a
closing `---` or `+++` within its first 40 lines. Hugo finds no front matter there and
shows those lines as the page's text.

And YAML front matter of more lists and tables (with its aliases repeated) than Hugo 0.168
allows for its size: 100 under 2 KB, 5,000 under 10 KB, 10,000 beyond (a generated list
of ten thousand entries). Hugo then may refuse the page, `too many YAML aliases for
non-scalar nodes`, depending on the rest of the build: its count goes by memory addresses.

## Why is this bad?
Hugo fails the whole build on a page whose front matter does not parse.

## Example
```markdown
+++
title = "Notes
date = 2024-05-04
+++
```

## Use instead
```markdown
+++
title = "Notes"
date = 2024-05-04
+++
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule

RULE_ID = "front-matter-syntax"


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    yield from doc.parse_findings(RULE_ID)
    if doc.front_matter.format is None and doc.is_text:
        yield from _unopened(doc)


# A line setting a key of Hugo's front matter, in YAML (`title: `) or TOML (`title = `).
_KEY_LINE = re.compile(
    r"(?:title|linktitle|date|draft|description|weight|slug|tags|categories|aliases|type|layout|url)"
    r"(?:(:)(?:\s|$)|\s*=)",
    re.I,
)
_WITHIN_LINES = 40


def _unopened(doc: Document) -> Iterator[Finding]:
    """Front matter without its opening delimiter: Hugo shows it as text."""
    start = next((number for number, line in enumerate(doc.lines) if line.strip()), None)
    if start is None or (key := _KEY_LINE.match(doc.lines[start])) is None:
        return
    delimiter = "---" if key[1] else "+++"
    keys = 1  # a label in prose ("Title: …") sets one, front matter more
    for number in range(start + 1, min(start + _WITHIN_LINES, len(doc.lines))):
        if doc.lines[number].rstrip() != delimiter:
            keys += _KEY_LINE.match(doc.lines[number]) is not None
        elif keys == 1:
            return
        else:
            yield Finding(
                start + 1,
                1,
                f"front matter without its opening '{delimiter}': Hugo reads none, and shows the lines "
                f"up to line {number + 1}'s '{delimiter}' as the page's text; add '{delimiter}' as the first line",
            )
            return


RULE = Rule(
    id=RULE_ID,
    summary="Front matter does not parse",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

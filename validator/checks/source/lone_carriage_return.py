"""## What it does
Reports a content file whose lines end with a lone carriage return (`\\r` not followed by
`\\n`: the line ending of old Mac OS, or a stray one in a file pasted together), once per
file: the first such line, and how many more there are. CRLF and LF line endings are fine.
A lone carriage return inside TOML front matter is a `front-matter-syntax` error instead.

## Why is this bad?
Editors show a lone carriage return as a line break; Hugo's Markdown (goldmark) ends a line
only at a line feed. The line after it joins the line before: a heading, list item, fence
or blank line that starts it is lost, and a file saved with old Mac line endings renders as
a single paragraph. Hugo says nothing. In TOML front matter it stops the build.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule

RULE_ID = "lone-carriage-return"


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    yield from doc.parse_findings(RULE_ID)


RULE = Rule(
    id=RULE_ID,
    summary="Lone carriage return, which Hugo does not take as a line end",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

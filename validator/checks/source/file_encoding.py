"""## What it does
Reports a content file that is not UTF-8 text: it has bytes that are not valid UTF-8, or NUL
bytes (a binary file with a Markdown extension), or it is UTF-16 or UTF-32 text (told by
its byte-order mark; some Windows editors save so). UTF-8's byte-order mark and CRLF line
endings are fine (a lone CR: see `lone-carriage-return`). Nothing else is checked in such
a file.

## Why is this bad?
Hugo reads content as UTF-8: other encodings render as replacement characters (`�`), and a
binary file in `content/` is almost always a mistake.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.document import Document
from validator.model import Finding, NoOptions, Rule

RULE_ID = "file-encoding"


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    yield from doc.parse_findings(RULE_ID)


RULE = Rule(
    id=RULE_ID,
    summary="File is not UTF-8 text",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

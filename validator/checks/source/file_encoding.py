"""## What it does
Reports a content file that is not UTF-8 text: a binary file with a Markdown extension
(NUL bytes throughout), UTF-16 or UTF-32 text (told by its byte-order mark; some Windows
editors save so), where nothing else can be checked; and, in a text file, a stray NUL
byte or bytes that are not UTF-8 (a Latin-1 `é`), at the first of them: Hugo publishes
the page all the same (a NUL as U+FFFD, the others as they are), so the rest of the file
is checked too. UTF-8's byte-order mark and CRLF line endings are fine (a lone CR: see
`lone-carriage-return`).

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

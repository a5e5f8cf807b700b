"""## What it does
Reported for a path that cannot be checked: it does not exist, cannot be read (permissions,
a broken symbolic link, a directory where a file was expected), leads into a symbolic-link
loop, or is larger than `max-file-size` (10 MB by default).

Reported too where a file is read only in part: lists and block quotes nested more than 100
levels deep in Markdown (a list item counts two; Hugo renders any depth, but mdcheck's
parser reads no deeper, and what follows the deepest blocks may go unread with them), and
HTML elements nested 2,048 deep in a built page, where the HTML parser stops.

## Why is this bad?
mdcheck cannot vouch for a file it could not read; Hugo will usually fail on it too.
"""

from __future__ import annotations

from validator.model import NoOptions, Rule

RULE = Rule(
    id="file-unreadable",
    summary="File cannot be read",
    stage="source",
    options=NoOptions,
    check=None,
    doc=__doc__,
)

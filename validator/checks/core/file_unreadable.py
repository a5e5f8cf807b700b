"""## What it does
Reported for a path that cannot be checked: it does not exist, cannot be read (permissions,
a broken symbolic link, a directory where a file was expected), leads into a symbolic-link
loop, or is larger than `max-file-size` (10 MB by default).

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

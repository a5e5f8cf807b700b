"""## What it does
Reported when a rule fails with an unexpected error on a file. The other rules still run on
that file, and every other file is still checked.

## Why is this bad?
It is a bug in mdcheck, not in your content: please report it with the file that triggers
it. Until then, the findings of the failing rule are missing for that file.
"""

from __future__ import annotations

from validator.model import NoOptions, Rule

RULE = Rule(
    id="internal-error",
    summary="A rule failed on this file",
    stage="source",
    options=NoOptions,
    check=None,
    doc=__doc__,
)

"""## What it does
Reports rule names in `<!-- mdcheck-disable … -->`, `mdcheck-enable`,
`mdcheck-disable-next-line`, `mdcheck-disable-line` and `mdcheck-disable-file` comments that
are not mdcheck rules.

## Why is this bad?
A misspelled rule name disables nothing, so the finding it was meant to silence stays, or a
later rename of the rule silently re-enables it.

## Example
```markdown
<!-- mdcheck-disable-next-line heading-skip -->
#### Detail
```

## Use instead
```markdown
<!-- mdcheck-disable-next-line heading-level-skip -->
#### Detail
```
"""

from __future__ import annotations

from validator.model import NoOptions, Rule

RULE = Rule(
    id="unknown-rule-in-directive",
    summary="Directive names an unknown rule",
    stage="source",
    options=NoOptions,
    check=None,
    doc=__doc__,
)

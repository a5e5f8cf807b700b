"""## What it does
Reports names spelled with the wrong capitals in prose: "Github", "Javascript", "youtube"
where the name is GitHub, JavaScript, YouTube. Only prose is read: code, URLs, file paths,
shortcodes and front matter keep whatever spelling they need (`github.com`,
`language-javascript`). List your own names in `names`.

This is markdownlint's MD044 (proper-names), limited to prose. "Hugo" is not in the
default list: `hugo` is also the command.

## Why is this bad?
A product's name spelled three ways across a site looks careless, and readers searching
the site for the right spelling miss the pages that use another.

## Example
```markdown
Host the site on Github Pages and add a little Javascript.
```

## Use instead
```markdown
Host the site on GitHub Pages and add a little JavaScript.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.document import Document
from validator.model import Finding, Rule, Severity
from validator.prose import stretches, strip_punctuation

# A lower-case hyphenated name (a repository, package or CSS class): `wordpress-to-hugo-exporter`.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


@dataclass(frozen=True)
class Options:
    names: tuple[str, ...] = field(
        default=("GitHub", "GitLab", "JavaScript", "TypeScript", "YouTube", "WordPress", "PyTorch"),
        metadata={"doc": "Names with their exact spelling; other capitalizations are reported."},
    )


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    pattern = _pattern(opts.names)
    if pattern is None:
        return
    spelling = {name.casefold(): name for name in opts.names}
    for stretch in stretches(doc):
        technical = [
            (start, end)
            for start, end, is_technical in stretch.chunks()
            if is_technical or _SLUG.fullmatch(strip_punctuation(stretch.text[start:end]))
        ]
        for match in pattern.finditer(stretch.text):
            expected = spelling[match[0].casefold()]
            if match[0] != expected and not _in_technical(stretch.text, match, technical):
                line, column = stretch.position(match.start())
                yield Finding(line, column, f'"{match[0]}" should be spelled "{expected}"')


def _in_technical(text: str, match: re.Match[str], technical: list[tuple[int, int]]) -> bool:
    """Whether the name is part of a URL, path or identifier; a chunk that is the name
    itself (a name such as "Node.js" looks technical) does not count."""
    return any(
        start < match.end() and match.start() < end
        and strip_punctuation(text[start:end]).casefold() != match[0].casefold()
        for start, end in technical
    )


def _pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


RULE = Rule(
    id="proper-names",
    summary="Name spelled with the wrong capitals",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
    reads_contents=True,
    default=Severity.WARNING,
    markdownlint="MD044",
)

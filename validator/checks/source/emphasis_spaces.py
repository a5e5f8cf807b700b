"""## What it does
Reports bold marks (`**` or `__`, or `***` for bold italics) with a space just inside them,
which Markdown does not read as bold: `** important **`, `**Note: **`, `**Note: **Text`,
`a*** b ***c`, or a line break (the closing `**` wrapped to the start of the next line). The
page shows the asterisks.

Only marks that stay in the page's text are reported (a pair that did make bold is
not), only when the text between them has a word (`2 ** 3 ** 4` and `a ** b ** c` are
arithmetic), and never in code.

This is markdownlint's MD037 (no-space-in-emphasis), for bold.

## Why is this bad?
Hugo renders `** important **` as the asterisks and the words, not bold: the emphasis
is lost and the marks show. The build says nothing.

## Example
```markdown
Back up first: ** this deletes the data **.
```

## Use instead
```markdown
Back up first: **this deletes the data**.
```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from markdown_it.token import Token

from validator.document import Document
from validator.model import Finding, NoOptions, Rule, Severity
from validator.prose import stretches, written_as_shown

# A pair of marks left as text with a space inside one of them, on one line or with a line
# break just inside one (`**Pull requests` then `** tab` on the next line); `**` may have
# a word right after (`**Note: **Text`), `__` not (`__init __main`). Or `**` right after a
# word with spaces inside both (`depends on** ripgrep **now`, and in Chinese, which puts no
# blank between words). Any Unicode blank stops them, as goldmark reads it (a no-break
# space, an en space: checked with hugo 0.168).
_SPACED = re.compile(
    r"(?<![*_\w])(\*\*\*?|___?)(?:\s[^*_\n]{0,300}?|[^*_\s][^*_\n]{0,300}?\s)\1(?![*_])(?!(?<=_)\w)"
    r"|(?<=[^\W_])(\*\*\*?)\s[^*_\n]{0,300}?\s\2(?![*_])"
)
_WORD = re.compile(r"[^\W\d_]{2}")


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for stretch in stretches(doc, where=_has_marks):
        if stretch.kind != "text":
            continue
        for match in _SPACED.finditer(stretch.text):
            marks = match[1] or match[2]  # `**`, or `***` (bold and italic)
            width = len(marks)
            if not _WORD.search(match[0][width:-width]):
                continue
            places = [*range(match.start(), match.start() + width), *range(match.end() - width, match.end())]
            if not written_as_shown(doc, stretch, places):
                continue
            line, column = stretch.position(match.start())
            first, _, wrapped = match[0].partition("\n")
            shown = f"{first[:60]!r} (and {wrapped!r} on the next line)" if wrapped else repr(match[0][:60])
            blank, advice = ("a line break", " on one line") if wrapped else (_blank(match[0], width), "")
            yield Finding(
                line,
                column,
                f"{shown} shows its marks: {blank} just inside `{marks}` stops them making bold "
                f"(write `{marks}text{marks}`{advice})",
            )


def _blank(spaced: str, width: int) -> str:
    """The blank just inside the marks (`width` long) of `spaced`, named when it is not a
    plain space or tab."""
    character = spaced[width] if spaced[width].isspace() else spaced[-width - 1]
    if character in " \t":
        return "a space"
    return f"a space (U+{ord(character):04X} {unicodedata.name(character, 'blank')})"


def _has_marks(inline: Token) -> bool:
    content = inline.content
    return "**" in content or "__" in content


RULE = Rule(
    id="emphasis-spaces",
    summary="Bold marks with a space inside them, shown as text",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    default=Severity.WARNING,
    markdownlint="MD037",
    reads_contents=True,
)

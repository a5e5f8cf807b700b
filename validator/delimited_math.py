"""Math delimited for a renderer in the browser (KaTeX, MathJax) or Hugo's passthrough
extension: what it holds is math, not Markdown (`f^{**}`, `\\text{**x**}`, `[^a]`,
mhchem's `<=>[+ 2OH-][+ 2H+]`)."""

from __future__ import annotations

import re

# The delimiters of such math: `$$…$$`, `\[…\]`, `\(…\)`, and `$…$` with no blank just
# inside the dollars and no digit after the closing one (as pandoc reads it: "$5 and $10"
# is no math).
_MATH_DELIMITER = re.compile(r"\$\$|\\[\[\]()]|(?<!\$)\$(?!\$)")
_CLOSER = {"$$": "$$", "\\[": "\\]", "\\(": "\\)", "$": "$"}


def _may_hold_math(text: str) -> bool:
    """Whether `text` may hold delimited math (substring tests)."""
    return "$" in text or "\\(" in text or "\\[" in text


def without_math(text: str) -> str:
    """`text` with its delimited math blanked (line breaks kept), in one pass over its
    delimiters: an opener left unclosed blanks nothing."""
    if not _may_hold_math(text):
        return text
    spans: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for match in _MATH_DELIMITER.finditer(text):
        mark = match[0]
        if opened is None:
            if mark in _CLOSER and (mark != "$" or text[match.end() : match.end() + 1] not in ("", " ", "\t", "\n")):
                opened = match
        elif mark == _CLOSER[opened[0]] and (
            mark != "$" or (not text[match.start() - 1].isspace() and not text[match.end() : match.end() + 1].isdigit())
        ):
            spans.append((opened.start(), match.end()))
            opened = None
    if not spans:
        return text
    parts, cursor = [], 0
    for start, end in spans:
        parts += [text[cursor:start], re.sub(r"[^\n]", " ", text[start:end])]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)

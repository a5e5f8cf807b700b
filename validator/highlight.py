"""The ids Hugo's code highlighting gives a code block's lines: with line numbers on and
`anchorLineNos`, each number is an anchor (`<span id="la-5">`), which links such as
`[line 5](#la-5)` (ox-hugo writes them for code references) lead to.

As Hugo 0.168 writes them (checked with the binary): only with `lineNos` (`true`, `table`
or `inline`) and `anchorLineNos` both on; the id is `lineAnchors` (the block's option,
else the site's `markup.highlight.lineAnchors`), else `hl-N` for the page's Nth fenced code
block from 0 (none for the `highlight` shortcode), a `-`, and the line's number from
`lineNoStart` (1 by default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# An option of a fence's attribute list or the `highlight` shortcode's options string:
# `linenos=true`, `lineanchors="la"`, `hl_lines=[1, "3-4"]` (a list is taken whole)
# (A key is tried once, from its start: a long run of letters stays linear.)
_OPTION = re.compile(r"""(?<![A-Za-z_])([A-Za-z_]++)\s*+=\s*+("[^"]*"|'[^']*'|\[[^\]]*\]|[^\s,}]*+)""")
_OFF = frozenset({"", "false", "0", "f"})


@dataclass(frozen=True)
class Highlight:
    """The site's `markup.highlight` settings that give lines ids."""

    line_nos: bool = False
    anchor_line_nos: bool = False
    line_anchors: str = ""
    line_no_start: int = 1
    code_fences: bool = True  # `codeFences`: whether fenced code blocks are highlighted at all
    guess_syntax: bool = False  # `guessSyntax`: whether one without a language is too


def highlighted(info: str, site: Highlight) -> bool:
    """Whether Hugo highlights a fenced code block of this info string: the highlighter
    writes its wrapper, the block's id and its lines' ids, not without a language unless
    `guessSyntax` (checked with hugo 0.168)."""
    info = info.strip()
    return site.code_fences and (bool(info) and not info.startswith("{") or site.guess_syntax)


def options(text: str) -> dict[str, str]:
    """The options of a fence's info string (those in its `{…}`) or of the `highlight`
    shortcode's options string (`linenos=table,hl_lines=8`), keys lower-cased."""
    if "{" in text:
        text = text[text.index("{") + 1 :].rpartition("}")[0] or text[text.index("{") + 1 :]
    return {match[1].lower(): match[2].strip("\"'") for match in _OPTION.finditer(text)}


# A fence attribute that names its block: `#x`, or `id=x` (the last wins); another's quoted
# value (`title="a#b"`) is passed over
_FENCE_ID = re.compile(r"""(?<![A-Za-z_])id\s*=\s*("[^"]*"|[^\s,}]+)|"[^"]*"|#([^\s,}#.="]+)""")


def fence_id(info: str, site: Highlight) -> str | None:
    """The id a fence's attributes give the block (`{#install}`, `{id="cmd"}`), which Hugo
    writes on its highlight wrapper; none when it is not `highlighted` (checked with hugo 0.168)."""
    if "{" not in info or not highlighted(info, site):
        return None
    attributes = info[info.index("{") + 1 :].partition("}")[0]
    found = None
    for match in _FENCE_ID.finditer(attributes):
        if match[1] is not None or match[2] is not None:
            found = match[1].strip('"') if match[1] is not None else match[2]
    return found or None


def line_ids(found: dict[str, str], lines: int, ordinal: int | None, site: Highlight) -> list[str]:
    """The ids of a code block's `lines` lines: `found` its options, `ordinal` its place
    among the page's fenced code blocks (None for the `highlight` shortcode's)."""
    numbered = switched_on(found["linenos"]) if "linenos" in found else site.line_nos
    anchored = switched_on(found["anchorlinenos"]) if "anchorlinenos" in found else site.anchor_line_nos
    if not (numbered and anchored) or lines <= 0:
        return []
    prefix = found.get("lineanchors") or site.line_anchors or (f"hl-{ordinal}" if ordinal is not None else "")
    try:
        start = int(found.get("linenostart", site.line_no_start))
    except ValueError:
        start = site.line_no_start
    joined = f"{prefix}-" if prefix else ""
    return [f"{joined}{start + number}" for number in range(lines)]


def switched_on(value: Any) -> bool:
    """A line number setting, an option's or the site's: `true`, or a string such as `table`."""
    return value is True or (isinstance(value, str) and value.strip().lower() not in _OFF)


def line_count(code: str) -> int:
    """The lines of a code block's text (its last line break ends its last line)."""
    return code.count("\n") + (1 if code and not code.endswith("\n") else 0)

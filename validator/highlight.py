"""The ids Hugo's code highlighting gives a code block's lines: with line numbers on and
`anchorLineNos`, each number is an anchor (`<span id="la-5">`), which links such as
`[line 5](#la-5)` (ox-hugo writes them for code references) lead to.

As Hugo 0.168 writes them (checked with the binary): only with `lineNos` (`true`, `table`
or `inline`) and `anchorLineNos` both on; the id is `lineAnchors` (the block's option,
else the site's `markup.highlight.lineAnchors`), else `hl-N` for the page's Nth fenced code
block from 0 (none for the `highlight` shortcode), a `-`, and the line's number from
`lineNoStart` (1 by default).

A block is highlighted only in a language Chroma knows (`data/chroma-lexers.json`): any
other is written as plain `<pre><code>`, with no wrapper, id or line ids.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
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
    writes its wrapper, the block's id and its lines' ids, for a language Chroma knows, or
    for any with `guessSyntax` (checked with hugo 0.168)."""
    found = language(info)
    return site.code_fences and (site.guess_syntax or bool(found) and known_language(found))


def language(info: str) -> str:
    """A fence's language: its info string's first word, up to a `{` (`go{#x}` is `go`)."""
    return re.split(r"[\s{]", info.strip(), maxsplit=1)[0]


def known_language(name: str) -> bool:
    """Whether Chroma has a lexer for a language, as its registry finds one: by a lexer's
    name or alias in any case, else by `filename.<name>`, or the name itself, matching a
    lexer's filename glob (`tf` by `*.tf`, `Dockerfile`, `go.bak`: a backup suffix is
    passed over)."""
    names, globs = _chroma_lexers()
    candidates = (f"filename.{name}".rpartition("/")[2], name.rpartition("/")[2])  # (a path's last part)
    return name.lower() in names or any(globs.fullmatch(candidate) for candidate in candidates)


@functools.cache
def _chroma_lexers() -> tuple[frozenset[str], re.Pattern[str]]:
    """Chroma's lexers' names and aliases, lower-cased, and their filename globs as one pattern."""
    data = json.loads((Path(__file__).parent / "data" / "chroma-lexers.json").read_text("utf-8"))
    suffixes = "|".join(map(re.escape, data["suffixes"]))
    globs = "|".join(f"(?:{_glob_pattern(glob)})" for glob in data["globs"])
    return frozenset(data["names"]), re.compile(f"(?:{globs})(?:{suffixes})?", re.S)


def _glob_pattern(glob: str) -> str:
    """A regular expression of a Go `filepath.Match` pattern: `*`, `?`, `[a-z]`, `[^x]`, `\\x`."""
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := glob.find("]", index + 2)) > 0:
            inner = glob[index + 1 : end]
            negated = inner.startswith("^")
            body = "".join(re.escape(c) if c != "-" else "-" for c in inner[negated:])
            out.append(f"[{'^' if negated else ''}{body}]")
            index = end
        elif char == "\\" and index + 1 < len(glob):
            index += 1
            out.append(re.escape(glob[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


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

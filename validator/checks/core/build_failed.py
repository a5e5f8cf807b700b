"""## What it does
With `--build`, reported at each place in a Markdown file that Hugo names in the errors
that failed the build (stopped it, or were logged while every page was written): a `{{% param "x" %}}` whose key the page and the site lack, front
matter Hugo cannot read, a shortcode whose template fails. Hugo's own message follows.
Errors that name no content file (a template's, a missing module) stay in the summary's
note about the failed build, and so does a call of a shortcode no template makes while a
theme or module is missing (it may hold it), and an error of the environment (no Git
data for `enableGitInfo`). A place that another rule already reports as
an error (`ref-not-found`, `front-matter-syntax`) is not reported twice.

## Why is this bad?
The site does not build: nothing is published until the error is fixed, and a check that
only said "the build failed" would leave the place to be found by hand.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from validator.hugo import NO_GIT_HISTORY, error_lines
from validator.model import NoOptions, Rule
from validator.published import MARKDOWN_DESTINATION

# A place in Hugo's error output: `"/site/content/a.md:6:85"` (quoted, absolute).
_PLACE = re.compile(r'"(/[^"\n]+?):(\d+):(\d+)"')
# What starts a line of Hugo's errors: its level, the language (`[en]`), the build's frame.
_PREFIX = re.compile(r"^(?:ERROR|Error:)\s+(?:\[[\w-]+\]\s+)?(?:error building site:\s*)?")


def build_errors(
    output: str, files: dict[str, str], pages: dict[str, str] | None = None
) -> Iterator[tuple[str, int, int, str]]:
    """(display path, line, column, message) for each place in `output`, the text of a
    failed Hugo build, that names one of `files` (real path -> display path); one per place.
    A ref a template runs (a link render hook) names no place but the page (`Ref "./x.md"
    from page "/docs/a"`): with `pages` (Hugo's path of each file's page -> real path), it
    is placed where the file first writes the ref's argument, else at 1:1."""
    seen: set[tuple[str, int, int]] = set()
    written: dict[str, dict[str, tuple[int, int]]] = {}  # a file's destinations, read once
    for line in error_lines(output, others=True):
        for match in _PLACE.finditer(line):
            display = files.get(os.path.realpath(match[1]))
            if display is None or (place := (display, int(match[2]), int(match[3]))) in seen:
                continue
            seen.add(place)
            before = _PREFIX.sub("", line[: match.start()].strip()).rstrip(": ")
            after = line[match.end() :].strip().lstrip(": ")
            if before.endswith("(") and after.startswith(")"):  # a template's `errorf "… (%s)" .Position`
                before, after = before[:-1].rstrip(), after[1:].lstrip()
            message = ": ".join(part for part in (before, after) if part) or "Hugo's error names this place"
            if NO_GIT_HISTORY in message:
                continue  # the environment's (`enableGitInfo`, no Git repository): the note says how to build
            if hook := _HOOK_FAILED.search(after):
                # Hugo names the page with the hook template's line and column: the address
                # Go could not parse is shown where the page first writes it, else the
                # page's first element of that kind
                parsed = _UNPARSED.search(after)
                # (as a link's destination, an autolink or a definition's: not in a code span)
                written = re.compile(rf"(?:\]\(\s*<?|<|\]:\s*<?)({re.escape(parsed[1])})") if parsed else None
                at = _first_element(match[1], written) if written else (1, 1)
                if at != (1, 1):
                    where = f"render-{hook[1]} hook fails on this address"
                else:
                    at = _first_element(match[1], hook[1])
                    where = f"render-{hook[1]} hook fails on one of the page's {hook[1]}s, shown at the first"
                yield display, *at, f"Hugo fails the build: {message} (the {where})"
                continue
            if place[1:] == (1, 1) and (option := _option_place(match[1], message)) is not None:
                place = (display, *option)
            yield display, place[1], place[2], f"Hugo fails the build: {message}"
        if (ref := _FROM_PAGE.search(line)) and not _PLACE.search(line) and pages:
            real = pages.get(ref[2].lower())
            if real is None or real not in files:
                continue
            if real not in written:
                written[real] = _destinations(real)
            at = (files[real], *written[real].get(ref[1], (1, 1)))
            if at not in seen:
                seen.add(at)
                message = _PREFIX.sub("", line.replace(ref[0], f'Ref "{ref[1]}"').strip())
                yield *at, f"Hugo fails the build: {message} (a template runs ref on it)"


# A render hook that failed on a page, which Hugo names at the template's place
_HOOK_FAILED = re.compile(r"_markup/render-(image|link|heading|codeblock|blockquote|table|passthrough)[\w.-]*:\d+")
# The address Go's url.Parse failed on, as its error quotes it (`parse "http://ip:port/x": …`)
_UNPARSED = re.compile(r'\bparse "([^"\\\n]+)"')
# The Markdown element each hook renders, as it starts a line's text
_ELEMENTS = {
    "image": re.compile(r"!\["), "link": re.compile(r"(?<!!)\[[^\]\n]*\]\("), "heading": re.compile(r"^\s*#{1,6}\s"),
    "codeblock": re.compile(r"^\s*(?:```|~~~)"), "blockquote": re.compile(r"^\s*>"), "table": re.compile(r"^\s*\|"),
    "passthrough": re.compile(r"\$\$|\\\[|\\\("),
}  # fmt: skip


def _first_element(path: str, kind: str | re.Pattern[str]) -> tuple[int, int]:
    """Where a file first writes an element of `kind` (`image`…, or a pattern), else 1:1."""
    pattern = _ELEMENTS[kind] if isinstance(kind, str) else kind
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, start=1):
                if found := pattern.search(line):
                    return number, found.start(found.lastindex or 0) + 1
    except OSError:
        pass
    return 1, 1


# A code block option whose value Hugo cannot decode: it names the page alone (1:1)
_OPTION_UNREAD = re.compile(r"cannot parse '(\w+)' as|'(\w+)' expected type|(lineNos) must be one of")


def _option_place(path: str, message: str) -> tuple[int, int] | None:
    """Where a file first gives a code fence the option an error names (`linenostart=abc`)."""
    if (named := _OPTION_UNREAD.search(message)) is None:
        return None
    name = named[named.lastindex or 1]
    fence = re.compile(rf"^\s*(?:`{{3,}}|~{{3,}}).*?\{{[^}}]*?\b({re.escape(name)})\s*=", re.IGNORECASE)
    return _first_element(path, fence)


# A call of a shortcode no template makes: one a missing theme or module may hold
_SHORTCODE_NOT_FOUND = re.compile(r'template for shortcode "[^"\n]*" not found')


def missing_template(message: str) -> bool:
    """Whether Hugo's error names a shortcode none of the site's templates makes."""
    return _SHORTCODE_NOT_FOUND.search(message) is not None


# A ref that a render hook runs: Hugo names the page, not the place.
_FROM_PAGE = re.compile(r'Ref "([^"\n]*)" from page "([^"\n]*)"')


def _destinations(path: str) -> dict[str, tuple[int, int]]:
    """Where a file first writes each link destination (`](x.md`), as (line, column), in
    one pass: a build may fail on thousands of them; {} when it cannot be read."""
    found: dict[str, tuple[int, int]] = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, start=1):
                for match in MARKDOWN_DESTINATION.finditer(line):
                    found.setdefault(match[1], (number, match.start(1) + 1))
    except OSError:
        pass
    return found



RULE = Rule(
    id="build-failed",
    summary="Hugo stopped the build at this place (--build)",
    stage="source",
    options=NoOptions,
    check=None,
    doc=__doc__,
)

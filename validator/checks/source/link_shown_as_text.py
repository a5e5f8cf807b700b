"""## What it does
Reports link and image syntax that Markdown does not read as a link, which the page then
shows as it is written:

- an address with a space in it: `[the guide](my guide.md)`, `![logo](my logo.png)`
  (write `%20`, or put the address in `<…>`), or broken across lines; or a title
  whose quote is not closed: `[the docs](/docs/ "Docs home)`; an autolink with a space:
  `<https://example.org/my guide>`; template code in the address, which Hugo does not run
  in content (`![logo]({{ "/img/a.png" | relative_url }})`, Jekyll's), in a page Hugo
  renders (a file it renders no page of may be a template a shortcode runs);
- a space between the text and the address: `[the guide] (guide.md)`;
- text and address swapped: `(the guide)[guide.md]`;
- a `]` too many: `[the guide]](guide.md)`;
- no `[` opening the text: `the guide](guide.md)`, `the guide][]`, or a `(` too many:
  `[the guide]((guide.md)`; a link in the text: `[the [docs](/docs/) page](/guide/)`;
- an address that no `)` closes: `[the guide](https://x.org/guide` at a paragraph's end,
  `[the guide](guide.md and more text`, or `[the guide]({{< ref "guide" >}}.`;
- a list item that starts with a link whose text is `x`, `X` or a space (`- [X](https://x.com/me)`):
  goldmark takes it for a task box and shows the address as text;
- a bare URL right before the link's `[` (`https://x.org/Manual[set up](https://…)`): the
  URL Markdown makes a link of runs on into the `[`, and the rest shows as text.

For all but the first, the part in parentheses (or brackets) must look like an address: a
URL, a path with a `/`, a file name with an extension, or a fragment. Brackets and
parentheses in prose (`[sic] (emphasis mine)`), escaped ones (`\\[a\\](b c)`) and code
are left alone; code inside the text is read too (``[talk `about` it] (https://…)``).

## Why is this bad?
Hugo (goldmark) renders the brackets, parentheses and address as text: the reader sees
`[the guide](my guide.md)` where a link was meant, and the build says nothing.

## Example
```markdown
Read [the setup guide](setup guide.md) first, then [the FAQ] (faq.md).
```

## Use instead
```markdown
Read [the setup guide](<setup guide.md>) first, then [the FAQ](faq.md).
```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from markdown_it.token import Token

from validator.document import PLACEHOLDER, REF_SHORTCODES, Document
from validator.model import Finding, NoOptions, Rule
from validator.markdown import TASK_BOX_OF_LINK
from validator.prose import Stretch, code_spans, in_code_span, stretches, written_as_shown

# `[text](address)` left as text (an address with a space or a line break, as a link would
# have parsed otherwise), `[text] (address)`, `(text)[address]`; not right after a word or a `\`
# (a link's, after a word of ASCII letters or digits alone: `一个[隐私配置](…)` is one).
_LINK = re.compile(
    r"(?<![A-Za-z0-9_\\\]])(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)){0,500})\]\(([^()\n]{0,1000}(?:\n[^()\n]{0,1000}){0,2})\)"
)
_GAP = re.compile(r"(?<![\w\\\]!])\[([^\[\]\n]{1,500})\][ \t]+\(([^()\s]{1,1000})\)")
# `EnvoyPatchPolicy][]`, `[Foo]][]`: a collapsed reference's `][]` after a word (or a link's
# text, or code) that no `[` opened: Markdown makes no link of it
_COLLAPSED_UNOPENED = re.compile(r"(?<=[\w*`)\]])\]\[\]")
_SWAPPED = re.compile(r"(?<![\w\\\]])\(([^()\n]{1,500})\)\[([^\[\]\s]{1,1000})\]")
_EXTRA = re.compile(r"(?<![\w\\\]!])\[([^\[\]\n]{1,500})\]\]\(([^()\s]{1,1000})\)")
# The same cut short by a URL Markdown made a link of: `[text] (` and `(text)[` at a
# stretch's end, a URL right after it in the file
_CUT_GAP = re.compile(r"(?<![\w\\\]!])\[([^\[\]\n]{1,500})\][ \t]+\($")
_CUT_SWAPPED = re.compile(r"(?<![\w\\\]])\(([^()\n]{1,500})\)\[$")
_CUT_EXTRA = re.compile(r"(?<![\w\\\]!])\[([^\[\]\n]{1,500})\]\]\($")
_CUT_LINK = re.compile(r"(?<![A-Za-z0-9_\\\]])(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)){1,500})\]\($")
_URL_START = re.compile(r"https?://|www\.", re.IGNORECASE)
# An address: a URL, a path, a file name with an extension, a fragment; not a version
# with a wildcard (`release-2.9.x`, a branch in a changelog's `[security] (release-2.9.x)`)
_ADDRESS = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*:|/|\.{1,2}/|#)\S*$|^\S*/\S*$"
    r"|^(?![\w.-]*\d\.[xX]$)[\w.-]+\.[A-Za-z][A-Za-z0-9]{0,4}(?:#\S*)?$"
)
# What the source of a stretch with any of them holds: `](` then a blank before `)`, `] (`,
# `)[`, `]](`, `][]`
_MARKS = re.compile(r"\]\([^()]*?\s|\][ \t]+\(|\)\[|\]\]\(|\]\[\]|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*\s")
# An autolink with a blank in its address (`<https://x.org/a b>`), which is none: text. Of
# an address with `//` or a `mailto:` one: `<dubbo:reference />` is an XML tag written in
# prose, which Hugo shows as it is.
_SPACED_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:/|mailto:)[^<>\s]*[ \t][^<>\n]*>", re.IGNORECASE)
_SPACE = "its address has a space (write %20, or `<…>` around it)"
_AUTOLINK_SPACE = "an autolink's address has a space (write %20)"
# A call shown as text in an address: `{{< ` or `{{% `, escaped or not
_SHOWN_CALL = re.compile(r"\{\{\\?[<%]")
_TEMPLATE_CODE = (
    "its address holds template code (`{{ … }}`, `{% … %}`: Jekyll's or a template's), which Hugo does not "
    "run in content, only shortcodes: write the address itself"
)
_BROKEN = "its address is broken across lines (join them)"
_EXTRA_BRACKET = "a `]` too many (write `[text](address)`)"
_NESTED = "its address is a link of its own (write `[text](address)` with that link's address)"
# A link as its address is written: `[text](https://…)`
_LINK_ITSELF = re.compile(r"!?\[[^\[\]\n]*\]\([^()\s]*\)")
_BROKEN_SPACED = "its address has spaces and is broken across lines (join them, and write %20 or `<…>` around it)"
# For `_with_code`: each pattern, its text's and address's groups, and the problem (None:
# an address with blanks, told by `_problem`)
_WITH_CODE = (
    (_LINK, 2, 3, None),
    (_GAP, 1, 2, "link shown as text: a space between `]` and `(`"),
    (_SWAPPED, 1, 2, "link shown as text: text and address swapped (write `[text](address)`)"),
    (_EXTRA, 1, 2, f"link shown as text: {_EXTRA_BRACKET}"),
)


_UNCLOSED_TITLE = "its title's quote is not closed (write `\"title\"`)"
# An address, blanks, then a title's opening quote that no quote closes: `x "Docs home`
_OPEN_TITLE = re.compile(r"""\S\s+(["'])[^"']*\Z""")


def _problem(address: str) -> str:
    """What is wrong with an address that holds blanks: a title's quote left open, line
    breaks alone (joined, it is one), or spaces too (joined, it still has them: coredns's
    `plugin/secondary: Denial-of-Service`)."""
    blanks = address.strip()
    if _OPEN_TITLE.search(blanks):
        return _UNCLOSED_TITLE
    if "\n" not in blanks:
        return _SPACE
    return _BROKEN_SPACED if any(len(part.split()) > 1 for part in blanks.split("\n")) else _BROKEN


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    for stretch in stretches(doc, where=_may_hold_one):
        text = stretch.text
        if stretch.kind == "text" and "<" in text:
            for match in _SPACED_AUTOLINK.finditer(text):
                if written_as_shown(doc, stretch, [match.start(), match.end() - 1]):
                    yield _finding(stretch, match, f"link shown as text: {_AUTOLINK_SPACE}")
        if stretch.kind == "text" and "][]" in text:
            for match in _COLLAPSED_UNOPENED.finditer(text):
                before = text[max(match.start() - 200, 0) : match.start()]
                word = before.rsplit(None, 1)[-1] if before.strip() else ""
                if "[" in word:
                    continue  # a name of brackets (`poll[options][]`, a form's parameter), no link
                if written_as_shown(doc, stretch, [match.start(), match.start() + 1, match.start() + 2]):
                    yield _finding_at(
                        stretch.position(match.start()), "][]",
                        "reference link shown as text: no `[` opens its text, or a `]` too many (write `[text][]`)",
                    )  # fmt: skip
        if stretch.kind != "text" or ("](" not in text and "] (" not in text and ")[" not in text):
            continue
        for match in _LINK.finditer(text):
            # a shortcode shown as text (`\{\{< relref … >}}`) is unrendered-markup's to report
            spaced = any(char.isspace() for char in match[3].strip()) and _SHOWN_CALL.search(match[3]) is None
            if spaced and _written(doc, stretch, match, 2, 3):
                what = "image" if match[1] else "link"
                inner = _written_between(doc, stretch, match.start(3) - 1, match.end() - 1)
                if "{{" in match[3] or "{%" in match[3]:
                    # (a file Hugo renders no page of may be a template's to run: otel's `_includes`)
                    if doc.rendered:
                        yield _finding(stretch, match, f"{what} shown as text: {_TEMPLATE_CODE}")
                elif _LINK_ITSELF.fullmatch(inner.strip()):
                    # `[text]([other text](https://…))`: the inner link shows, within the outer's marks
                    written = f"{match[1]}[{match[2]}]({inner})"
                    yield _finding(stretch, match, f"{what} shown as text: {_NESTED}", written)
                else:
                    yield _finding(stretch, match, f"{what} shown as text: {_problem(match[3])}")
        for match in _GAP.finditer(text):
            if _ADDRESS.match(match[2]) and _written(doc, stretch, match, 1, 2):
                yield _finding(stretch, match, "link shown as text: a space between `]` and `(`")
        for match in _SWAPPED.finditer(text):
            swapped = _ADDRESS.match(match[2]) and not _ADDRESS.match(match[1].strip())
            if swapped and _written(doc, stretch, match, 1, 2):
                yield _finding(stretch, match, "link shown as text: text and address swapped (write `[text](address)`)")
        for match in _EXTRA.finditer(text):
            marks = [match.start(), match.end(1), match.end(1) + 1, match.start(2) - 1, match.end() - 1]
            if _ADDRESS.match(match[2]) and written_as_shown(doc, stretch, marks):
                yield _finding(stretch, match, f"link shown as text: {_EXTRA_BRACKET}")
        yield from _cut_short(doc, stretch)
    yield from _with_code(doc)
    yield from _swallowed(doc)
    yield from _unopened(doc)
    yield from _unclosed(doc)
    yield from _boxed(doc)


def _swallowed(doc: Document) -> Iterator[Finding]:
    """`https://x.org/Manual[set up](https://…)`: a bare URL that Markdown makes a link of
    runs on into the `[` right after it (checked with hugo 0.168), and the rest of the link
    shows as text."""
    for link in doc.links:
        text = link.text
        if link.kind != "autolink" or "[" not in text or "](" in text:
            continue
        line = doc.lines[link.line - 1] if link.line <= len(doc.lines) else ""
        start = line.find(text, link.column - 1)
        after = line[start + len(text) :] if start >= 0 else ""
        if start >= 0 and "](" in after.split("[", 1)[0]:
            cut = text.rindex("[")
            yield _finding_at(
                (link.line, start + cut + 1), text[cut:] + after.split("](", 1)[0] + "](",
                f"link shown as text: the bare URL before it ({text[:cut]}) runs on into its `[`, and Markdown "
                "makes one link of both; put a space before the `[`",
            )  # fmt: skip


def _boxed(doc: Document) -> Iterator[Finding]:
    """`- [X](https://x.com/me)`: goldmark reads `[X]` (or `[x]`, `[ ]`) at a list item's
    start as a task box, before any link, and shows the address as text (checked with hugo 0.168)."""
    for token in doc.tokens:
        if token.type == "inline" and token.meta and (box := token.meta.get(TASK_BOX_OF_LINK)):
            shown = f"{box}{token.content.split(')', 1)[0]})" if token.content.startswith("(") else box + token.content
            line, column = doc.position(token)  # (of the text after the box)
            yield _finding_at(
                (line, max(column - len(box), 1)), shown,
                f"link shown as text: goldmark takes {box} at a list item's start for a task box, and shows the "
                "address after it as text; give the link another text, or put a word before it",
            )  # fmt: skip


def _with_code(doc: Document) -> Iterator[Finding]:
    """The same, with a code span in the text (``[talk `about` nothing] (https://…)``), which
    no stretch shows whole: read in the inline Markdown as written, marks outside code spans.
    (A link's text may hold code, but not a space before its address, nor the address before
    the text, nor a `]` too many, nor blanks in the address.)"""
    for token in doc.tokens:
        content = token.content
        if token.type != "inline" or "`" not in content or not _MARKS.search(content):
            continue
        spans = code_spans(content)
        if not spans:
            continue
        in_code = in_code_span(spans)
        for pattern, text, address, problem in _WITH_CODE:
            for match in pattern.finditer(content):
                marks = (match.start(), match.end(text), match.start(address) - 1, match.end() - 1)
                if "`" not in match[text] or "`" in match[address] or any(in_code(mark) for mark in marks):
                    continue
                if any(content[mark - 1 : mark] == "\\" for mark in marks):
                    continue  # an escaped mark: brackets meant as text
                what = problem
                if what is None:  # `[text](address with blanks)`
                    if not any(char.isspace() for char in match[3].strip()) or "{{" in match[3]:
                        continue
                    if match[3].strip().startswith("<") and ">" in match[3]:
                        continue  # `(<my file.png>)`: an address in angle brackets may hold blanks
                    what = f"{'image' if match[1] else 'link'} shown as text: {_problem(match[3])}"
                elif not _ADDRESS.match(match[address]) or (pattern is _SWAPPED and _ADDRESS.match(match[1].strip())):
                    continue
                yield _finding_at(doc.position(token, match.start()), match[0], what)


# `](address)` or `]((address)`: the address a word, a `ref`/`relref` call's placeholder (its
# own blanks are the call's), or nothing
_CLOSING = re.compile(r"\]\((\(?)(" + PLACEHOLDER.pattern + r"|[^()\s]{1,1000})\)(?!\))")


def _unopened(doc: Document) -> Iterator[Finding]:
    """`the guide](guide.md)`: a link's `](address)` that no `[` before it opens (in the
    inline Markdown as written, outside code spans, escapes aside), and `[the
    guide]((guide.md)`: a `(` too many, which no `)` closes. Both show as written (checked
    with hugo 0.168); the address must look like one."""
    for token in doc.tokens:
        content = token.content
        if token.type != "inline" or "](" not in content:
            continue
        shown: set[str] | None = None  # what of `_CLOSING` the token's text shows, made when a candidate needs it
        nested: bool | None = None  # whether a link's text holds a link, found when a candidate needs it
        in_code = in_code_span(code_spans(content)) if "`" in content else lambda _: False
        depth, cursor = 0, 0
        for match in _CLOSING.finditer(content):
            if in_code(match.start()) or content[match.start() - 1 : match.start()] in ("\\", "]"):
                continue  # escaped, or a `]` too many (`[text]](address)`, told above)
            depth = _bracket_depth(content, cursor, match.start(), depth, in_code)
            cursor = match.start() + 1
            doubled, address = bool(match[1]), match[2]
            opened, depth = depth > 0, max(depth - 1, 0)  # this `]` closes one
            if (doubled and not opened) or not _looks_like_address(doc, address):
                continue  # no link's `](`
            if opened and not doubled:  # a link's `](`, unless a link in its text undid it?
                if nested is None:
                    nested = _LINK_IN_TEXT.search(_links_marked(token)) is not None
                if not nested:
                    continue
            if shown is None:  # the `](…)` the token's text shows, found once (a line of thousands of links)
                shown = {found[0] for found in _CLOSING.finditer(_shown_text(token))}
            if match[0] not in shown:
                continue  # not text: a link's, or a link's text holds it, or the `(` is its address's
            if opened and not doubled:  # shown: a link in its text (`[the [docs](/a/) page](/b/)`)
                yield _finding_at(
                    doc.position(token, match.start()), match[0],
                    "link shown as text: its text holds a link, and links do not nest (Hugo makes a link of the inner "
                    "one alone, and shows the rest as written): take the inner link out",
                )  # fmt: skip
                continue
            line, column = doc.position(token, match.start())
            written = match[0]
            if 0 < line <= len(doc.lines) and doc.lines[line - 1].startswith("](", column - 1):
                start, written = _written_link_end(doc.lines[line - 1], column - 1)
                column = start + 1
            problem = "a `(` too many" if doubled else "no `[` opens its text"
            yield _finding_at((line, column), written, f"link shown as text: {problem} (write `[text](address)`)")


# `[text](address` then a blank or the text's end: the address a word with no parenthesis
_OPENED = re.compile(r"(?<![A-Za-z0-9_\\\]])(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)){1,500})\]\(([^()\s]{1,1000})(?=\s|\Z)")


def _ref_call(doc: Document, address: str) -> bool:
    """Whether an address starts with a `ref`/`relref` call's output (its placeholder)."""
    found = PLACEHOLDER.match(address)
    calls = doc.shortcode_calls
    return found is not None and int(found[1]) < len(calls) and calls[int(found[1])].template in REF_SHORTCODES


def _unclosed(doc: Document) -> Iterator[Finding]:
    """`[the guide](https://x.org/guide` with no `)` after it (before the next link): no link, shown as
    written, its URL alone made a link (checked with hugo 0.168: agones's release notes).
    The address must look like one, the brackets show as text."""
    for token in doc.tokens:
        content = token.content
        if token.type != "inline" or "](" not in content:
            continue
        shown: str | None = None
        in_code = in_code_span(code_spans(content)) if "`" in content else lambda _: False
        for match in _OPENED.finditer(content):
            # (up to the next link's `](`: an address broken across lines is told above)
            following = content.find("](", match.end())
            stop = following if following >= 0 else len(content)
            closing = content.find(")", match.end(), stop)
            while closing >= 0 and in_code(closing):  # a `)` in a code span closes nothing
                closing = content.find(")", closing + 1, stop)
            # a code span before the `)` cuts the prose the checks above read: told here
            coded = "`" in content[match.end() : closing if closing >= 0 else stop]
            if (closing >= 0 and not coded) or in_code(match.start()):
                continue  # closed later (a title, blanks, a line break: told above), or code
            if not (_ADDRESS.match(match[3]) or _ref_call(doc, match[3])):
                continue
            if shown is None:
                shown = _shown_text(token)
            marks = re.sub(r"[ \t]*\n[ \t]*", "", f"{match[1]}[{match[2]}](")  # (the text shown, its line breaks out)
            if marks not in shown:
                continue  # a link after all, or its text's marks are not shown
            what = "image" if match[1] else "link"
            start, end = doc.position(token, match.start()), doc.position(token, match.end() - 1)
            written = doc.lines[start[0] - 1][start[1] - 1 : end[1]] if start[0] == end[0] else match[0]
            problem = _problem(content[match.start(3) : closing]) if closing >= 0 else "no `)` closes its address"
            yield _finding_at(start, written, f"{what} shown as text: {problem}")


def _links_marked(inline: Token) -> str:
    """The text of an inline token's children outside links, each link a NUL."""
    parts, depth = [], 0
    for child in inline.children or ():
        if child.type == "link_open":
            parts.append("\0" if not depth else "")
            depth += 1
        elif child.type == "link_close":
            depth = max(depth - 1, 0)
        elif child.type == "text" and not depth:
            parts.append(child.content)
    return "".join(parts)


# Brackets around a link, then an address: the outer link Markdown does not make
_LINK_IN_TEXT = re.compile(r"\[[^\[\]]*\0[^\[\]]*\]\(")


def _shown_text(inline: Token) -> str:
    """The text an inline token's children show as written (not links, code or HTML)."""
    return "".join(child.content for child in inline.children or () if child.type == "text")


def _bracket_depth(content: str, start: int, end: int, depth: int, in_code: Callable[[int], bool]) -> int:
    """How many `[` are open at `end`, from `depth` at `start`: unescaped, outside code spans."""
    for match in _BRACKET.finditer(content, start, end):
        if in_code(match.start()) or content[match.start() - 1 : match.start()] == "\\":
            continue
        depth = depth + 1 if match[0] == "[" else max(depth - 1, 0)
    return depth


_BRACKET = re.compile(r"[\[\]]")


def _looks_like_address(doc: Document, address: str) -> bool:
    if PLACEHOLDER.fullmatch(address) is not None:
        return _ref_call(doc, address)
    return bool(_ADDRESS.match(address))


def _written_link_end(line: str, column: int) -> tuple[int, str]:
    """Where the word before a `](` at `column` of a file's line starts, and the text from
    there through the `)` that ends the address (a shortcode call's blanks and all)."""
    start = line.rfind(" ", 0, column) + 1
    address = column + 2
    while line.startswith("(", address):
        address += 1
    if line.startswith("{{", address):
        address = max(line.find("}}", address), address)
    end = line.find(")", address)
    return start, line[start : end + 1] if end >= 0 else line[start:]


def _may_hold_one(inline: Token) -> bool:
    """Whether the source of an inline token has the marks of any of the patterns (a
    stretch's text is made of it)."""
    return _MARKS.search(inline.content) is not None


def _cut_short(doc: Document, stretch: Stretch) -> Iterator[Finding]:
    """`[text] (https://…)`, `(text)[https://…]` and `[text](https://… …)` (an address with a
    space or a line break), whose URL Markdown linked on its own: the stretch ends with the
    marks, a URL right after it in the file."""
    text = stretch.text
    line, column = stretch.position(len(text) - 1)
    after = doc.lines[line - 1][column:] if 0 < line <= len(doc.lines) else ""
    if not _URL_START.match(after):
        return
    cuts = (
        (_CUT_GAP, ")", "a space between `]` and `(`"), (_CUT_SWAPPED, "]", "text and address swapped"),
        (_CUT_EXTRA, ")", _EXTRA_BRACKET),
    )
    for pattern, closing, problem in cuts:
        match = pattern.search(text)
        if match is not None and written_as_shown(doc, stretch, [match.start(), match.end(1), len(text) - 1]):
            url = after.split(closing, 1)[0].split()[0]
            yield _finding(stretch, match, f"link shown as text: {problem}", f"{match[0]}{url}{closing}")
    match = _CUT_LINK.search(text)
    if match is None:
        return
    address, closed, _ = "\n".join((after, *doc.lines[line : line + 2])).partition(")")
    ends = [match.start(2) - 1, match.end(2), len(text) - 1]
    if closed and address.split() != [address] and "(" not in address and written_as_shown(doc, stretch, ends):
        what = "image" if match[1] else "link"
        yield _finding(stretch, match, f"{what} shown as text: {_problem(address)}", f"{match[0]}{address})")


def _written(doc: Document, stretch: Stretch, match: re.Match[str], text_group: int, address_group: int) -> bool:
    """Whether the match's brackets and parentheses are in the file as they show."""
    marks = (match.start(text_group) - 1, match.end(text_group), match.start(address_group) - 1, match.end() - 1)
    return written_as_shown(doc, stretch, marks)


def _written_between(doc: Document, stretch: Stretch, opening: int, closing: int) -> str:
    """The file's text between the stretch's characters at `opening` and `closing` (marks
    shown as written), on one line; "" when they are on two."""
    (line, column), (last_line, last) = stretch.position(opening), stretch.position(closing)
    if line != last_line or not 0 < line <= len(doc.lines):
        return ""
    return doc.lines[line - 1][column : last - 1]


def _finding(stretch: Stretch, match: re.Match[str], problem: str, written: str = "") -> Finding:
    return _finding_at(stretch.position(match.start()), written or match[0], problem)


def _finding_at(at: tuple[int, int], shown: str, problem: str) -> Finding:
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return Finding(*at, f"{shown!r}: {problem}")


RULE = Rule(
    id="link-shown-as-text",
    summary="Link syntax Markdown does not read, shown as text",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
    markdownlint="MD011",
    reads_contents=True,
)

"""markdown-it-py set up the way Hugo's goldmark is, with source positions for inline tokens.

markdown-it-py gives block tokens a line range (`token.map`) but inline tokens no position.
We wrap the inline rules whose tokens rules need to locate (links, images, code spans, raw
HTML, footnote references) so each token they push records `meta["pos"]`: the offset in
the inline source (`inline_token.content`) where the construct starts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.ruler import Rule, Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block.table import escapedSplit
from markdown_it.rules_block.table import table as markdown_it_table
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from validator.heading_ids import Quotes, typographer
from validator.settings import PASSTHROUGH, Markup

# Inline rules whose tokens carry a position; the others (text, emphasis, newline…) do not.
_LOCATED_RULES = (
    "backticks",
    "link",
    "image",
    "autolink",
    "html_inline",
    "entity",
    "escape",
    "footnote_ref",
    "gfm_autolink_www",
    "gfm_autolink_protocol",
    "gfm_autolink_email",
)

InlineRule = Callable[[StateInline, bool], bool]
BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _located(rule: InlineRule, *, linkify: bool = False) -> InlineRule:
    """Record where each token the rule pushes starts. `linkify`: a GFM autolink rule, which
    scans back over text already consumed (the link ends at state.pos) and whose tokens are
    marked "linkify", markdown-it's convention, to tell them from `<…>` autolinks."""

    def located_rule(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        new = state.tokens[count:]
        if linkify and len(new) > 2:
            start = state.pos - len(new[-2].content)
            new[-3].markup = new[-1].markup = "linkify"
        for token in new:
            if token.type != "text" or token.markup in ("autolink", "linkify"):
                if token.meta is None:
                    token.meta = {}
                token.meta.setdefault("pos", start)
        return True

    return located_rule


# A link's or image's destination as written, normalized, in its first token's meta, when
# escapes or entities make it differ from the destination (`/a\\.b/`, `&#46;`): a render
# hook, the site's or Hugo's embedded one, is given it so (`.Destination`), and writes
# `/a%5C.b/` (checked with hugo 0.168). A reference definition keeps it in its entry.
WRITTEN_DESTINATION = "written_destination"
_WRITTEN_REFERENCES = "written_references"  # in the env: some definition has one


def _keeping_written_destination(rule: InlineRule, *, image: bool) -> InlineRule:
    """The link or image rule, recording the destination as written (WRITTEN_DESTINATION)."""

    def linked(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent and count < len(state.tokens):
            span = state.src[start : state.pos]
            if "\\" in span or "&" in span or _WRITTEN_REFERENCES in state.env:
                written = _written_destination(state, start, state.pos, image)
                opener = "image" if image else "link_open"  # pending text may come first
                token = next((token for token in state.tokens[count:] if token.type == opener), None)
                if written is not None and token is not None:
                    token.meta = {**(token.meta or {}), WRITTEN_DESTINATION: written}
        return True

    return linked


def _written_destination(state: StateInline, start: int, end: int, image: bool) -> str | None:
    """The written destination of the link the rule took from `start` to `end`, normalized,
    when it differs from the one markdown-it reads; else None. Found as markdown-it's rule
    finds it: the label, then an inline destination, else a reference's."""
    src, helpers = state.src, state.md.helpers
    label_end = helpers.parseLinkLabel(state, start + image, not image)
    if label_end < 0:
        return None
    pos = label_end + 1
    if src[end - 1 : end] == ")" and src[pos : pos + 1] == "(":  # an inline destination
        pos += 1
        while pos < end and src[pos] in " \t\n":
            pos += 1
        found = helpers.parseLinkDestination(src, pos, end)
        return _changed(state.md, src[pos : found.pos], found.str) if found.ok else None
    references = state.env.get("references") or {}
    label = ""
    if src[pos : pos + 1] == "[":
        second = helpers.parseLinkLabel(state, pos)
        label = src[pos + 1 : second] if second >= 0 else ""
    reference = references.get(normalizeReference(label or src[start + 1 + image : label_end]))
    return reference.get(WRITTEN_DESTINATION) if reference else None


def _changed(md: MarkdownIt, written: str, read: str) -> str | None:
    """`written` normalized, when it differs from `read` (its unescaped form)."""
    if written.startswith("<"):
        written = written[1:-1]
    return md.normalizeLink(written) if written != read else None


def _keeping_written_definitions(rule: Callable[[StateBlock, int, int, bool], bool]) -> Callable[..., bool]:
    """The reference rule, recording a definition's destination as written in its entry."""

    def reference(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        count = len(state.env.get("references") or ())
        if not rule(state, start, end, silent):
            return False
        references = state.env.get("references") or {}
        if not silent and len(references) > count:
            text = state.getLines(start, state.line, state.blkIndent, False)
            if "\\" in text or "&" in text:
                written = _definition_destination(state.md, text)
                if written is not None:
                    references[next(reversed(references))][WRITTEN_DESTINATION] = written
                    state.env[_WRITTEN_REFERENCES] = True
        return True

    return reference


def _definition_destination(md: MarkdownIt, text: str) -> str | None:
    """The destination of the definition `text` (`[label]: <dest> "title"`) as written,
    normalized, when it differs from the one markdown-it reads."""
    pos = 1
    while pos < len(text) and text[pos] != "]":
        pos += 2 if text[pos] == "\\" else 1
    pos += 2  # past `]:`
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    found = md.helpers.parseLinkDestination(text, pos, len(text))
    return _changed(md, text[pos : found.pos], found.str) if found.ok else None


_AUTOLINK_PROTOCOLS = ("http", "https", "ftp")

# goldmark's autolinks as Hugo 0.168 renders them (each case checked with the binary): after
# `http://`, `https://` or `ftp://`, or `www.`, a host of ASCII letters, digits and
# `-@:%._+~#=`, a last dot and a lower-case top-level domain, then a path, query or
# fragment of ASCII characters. A non-ASCII letter or mark ends one ("https://x.org/a。").
_PROTOCOLS = "|".join(_AUTOLINK_PROTOCOLS)
_URL = re.compile(f"(?:{_PROTOCOLS})" + r"""://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}\[\]`]*)?""")
_WWW = re.compile(r"""www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'"^{}\[\]`]*)?""")
_PROTOCOL_BEFORE = re.compile(rf"(?:{_PROTOCOLS})$")
_AUTOLINK_TRAILING = "?!.,:*_~"  # left out of the link at its end
_AUTOLINK_ENTITY = re.compile(r"&[a-zA-Z0-9]+;$")
# goldmark's e-mail addresses (util.FindEmailIndex): the characters of a local part, a domain.
_EMAIL_LOCAL = frozenset("!#$%&'*+-./=?^_`{|}~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DOMAIN_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
_EMAIL_DOMAIN = re.compile(rf"{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Where goldmark's linkify is tried: after a blank, emphasis or strikethrough marks or a
# parenthesis (its trigger characters), at a line's start, and where any other inline node
# ends (see `_may_start_link`).
_AUTOLINK_PRECEDING = frozenset(" \t\n*_~(")


def _angle_quote(state: StateInline, silent: bool) -> bool:
    """goldmark's typographer takes `<<` for `«` before raw HTML or an autolink is tried at
    its second `<`: `cat <<EOF >out` holds no tag. The pair stays text (the typographer's
    consumers write it `«`); in a run of `<`, pairs are taken from its start."""
    if not state.src.startswith("<<", state.pos):
        return False
    if not silent:
        state.pending += "<<"
    state.pos += 2
    return True


def _may_start_link(state: StateInline, start: int, pending_before: int, typographer: bool) -> bool:
    """Whether goldmark's linkify may make a link start at `start` (`pending_before`: how
    much pending text comes before it). goldmark tries its inline parsers again where each
    node ends, linkify among them: after a code span, raw HTML, a link, an emphasis
    delimiter or a typographer substitution (`--`, `...`, `«`, a curly quote) a link may
    start, not after an escape or an entity (text to goldmark)."""
    if start == 0 or state.src[start - 1] in _AUTOLINK_PRECEDING:
        return True
    if not pending_before:  # a token ends here
        return not state.tokens or state.tokens[-1].type != "text_special"
    return typographer and _substitution_ends(state.src, start)


def _in_link_label(state: StateInline) -> bool:
    """Whether goldmark is inside a link label here, where its linkify makes no link: after
    a `[` that no `]` closed yet (`["https://…"]`), text here as no link was made of it;
    not an escaped one. The text tokens, and the pending text, are read once per inline
    parse (`label_scan`, `pending_scan`)."""
    tokens = state.tokens
    scanned, depth = getattr(state, "label_scan", (0, 0))
    if scanned > len(tokens):
        scanned, depth = 0, 0
    for index in range(scanned, len(tokens)):
        if tokens[index].type == "text":
            depth = _bracket_depth(tokens[index].content, depth)
    state.label_scan = (len(tokens), depth)
    # the pending text grows until a token takes it (a paragraph of `[ a@b.co a@b.co …`)
    pending = state.pending
    base, length, pending_depth = getattr(state, "pending_scan", (-1, 0, 0))
    if base != len(tokens) or length > len(pending):
        length, pending_depth = 0, depth
    pending_depth = _bracket_depth(pending[length:], pending_depth)
    state.pending_scan = (len(tokens), len(pending), pending_depth)
    return pending_depth > 0


def _bracket_depth(text: str, depth: int) -> int:
    """The `[` left open after `text`, `depth` open before it; a `]` closes the last one."""
    if "[" not in text and (not depth or "]" not in text):
        return depth
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
    return depth


def _substitution_ends(src: str, end: int) -> bool:
    """Whether goldmark's typographer makes a node of the text that ends at `end`: runs of
    `-` are read as `---` then `--`, of `.` as `...`, of `<` and `>` as pairs; a quote is
    curled or not by its neighbours."""
    char = src[end - 1]
    if char in "-.<>":
        start = end - 1
        while start > 0 and src[start - 1] == char:
            start -= 1
        run = end - start
        return run % 3 != 1 if char == "-" else run % 3 == 0 if char == "." else run % 2 == 0
    if char in "'\"":
        before = src[end - 2] if end >= 2 else "\n"
        return typographer(src[end - 1 : end + 4].encode(), before, Quotes()) is not None
    return False


def _autolink_rules(markup: Markup) -> tuple[InlineRule, InlineRule, InlineRule]:
    """The GFM `www.`, protocol and e-mail autolink rules, with goldmark's limits of a link
    (mdit-py-plugins' rules follow cmark-gfm's: any character but a blank or `<` goes on;
    and they copy the rest of the paragraph at each `www.` and `:`; their address's local
    part is letters, digits and `.+-_` only, after a blank or `*_~(`)."""
    scheme = markup.linkify_protocol + "://"

    def www_autolink(state: StateInline, silent: bool) -> bool:
        pos, src = state.pos, state.src
        if silent or state.linkLevel > 0 or not src.startswith("www.", pos):
            return False
        if not _may_start_link(state, pos, len(state.pending), markup.typographer):
            return False
        match = _WWW.match(src, pos, state.posMax)
        if match is None or _in_link_label(state):
            return False
        return _push_autolink(state, pos, _autolink_end(src, pos, match.end()), scheme)

    def protocol_autolink(state: StateInline, silent: bool) -> bool:
        """`http://`, `https://` and `ftp://` links: at the `:`, the protocol's name already
        in the pending text."""
        pos, src, pending = state.pos, state.src, state.pending
        if silent or state.linkLevel > 0 or src[pos] != ":" or not (found := _PROTOCOL_BEFORE.search(pending[-6:])):
            return False
        start = pos - len(found[0])
        if src[start:pos] != found[0]:
            return False
        if not _may_start_link(state, start, len(pending) - len(found[0]), markup.typographer):
            return False
        match = _URL.match(src, start, state.posMax)
        if match is None or _in_link_label(state):
            return False
        state.pending = pending[: -len(found[0])]
        return _push_autolink(state, start, _autolink_end(src, start, match.end()), "")

    def email_autolink(state: StateInline, silent: bool) -> bool:
        """An e-mail address, at its `@`, the local part read back: any of goldmark's
        characters (`sigs.k8s.io/kustomize@v2.0.3`, `a.b+c!d#e@ex.com`), from the first place
        goldmark tries a link that starts no punctuation. The local part may hold `_`, `*` or
        `~` that the emphasis and strikethrough rules took for delimiters (`first_last@x.io`,
        and `_a_@x.io` links `a_@x.io`): they are taken back."""
        pos, src, pending = state.pos, state.src, state.pending
        if silent or state.linkLevel > 0 or src[pos] != "@":
            return False
        domain = _EMAIL_DOMAIN.match(src, pos + 1, state.posMax)
        end = domain.end() if domain else pos
        if domain is None or "." not in src[pos + 1 : end - 1] or src[end : end + 1] in ("-", "_"):
            return False
        if _in_link_label(state):
            return False
        local = 0  # read back, not copied: a paragraph may hold thousands of `@`
        while local < len(pending) and pending[-1 - local] in _EMAIL_LOCAL:
            local += 1
        if src[pos - local : pos] != pending[len(pending) - local :]:
            return False
        earliest, may_start = _local_part_start(state, pos - local) if local == len(pending) else (pos - local, False)
        if earliest == pos - local:  # within the pending text
            may_start = _may_start_link(state, earliest, len(pending) - local, markup.typographer)
        # goldmark tries a link at the earliest place, then after each `*_~` in the local part
        starts = (
            start
            for start in range(earliest, pos)
            if src[start] not in _ASCII_PUNCTUATION
            and (may_start if start == earliest else src[start - 1] in _AUTOLINK_PRECEDING)
        )
        start = next(starts, None)
        if start is None:
            return False
        _take_back(state, pos - start)
        return _push_autolink(state, start, end, "mailto:")

    return www_autolink, protocol_autolink, email_autolink


def _local_part_start(state: StateInline, end: int) -> tuple[int, bool]:
    """Where an e-mail local part that ends at `end`, past the pending text, may start,
    read back over the last tokens: emphasis and strikethrough delimiters and the text
    between them, and the local-part characters that end the text before; and whether
    goldmark tries a link there: after a blank or `*_~(` of text, or a node that is no
    escape or entity."""
    at = end
    for token in reversed(state.tokens):
        content = token.content
        if token.type != "text" or not content or state.src[at - len(content) : at] != content:
            return at, token.type not in ("text", "text_special")
        run = len(content)
        while run and content[run - 1] in _EMAIL_LOCAL:
            run -= 1
        at -= len(content) - run
        if run:
            return at, content[run - 1] in _AUTOLINK_PRECEDING
    return at, True


def _take_back(state: StateInline, length: int) -> None:
    """Remove the last `length` characters of text, pending or pushed (see
    _local_part_start), and the delimiters of the tokens removed."""
    taken = min(length, len(state.pending))
    state.pending = state.pending[: len(state.pending) - taken]
    length -= taken
    while length > 0:
        token = state.tokens[-1]
        if len(token.content) > length:
            token.content = token.content[: len(token.content) - length]
            break
        length -= len(token.content)
        state.tokens.pop()
        index = len(state.tokens)
        if state.delimiters and state.delimiters[-1].token == index:  # pushed, not pending text:
            state.delimiters.pop()  # it has a (None) meta of its own
            if state.tokens_meta and state.tokens_meta[-1] is None:
                state.tokens_meta.pop()


def _push_autolink(state: StateInline, start: int, end: int, scheme: str) -> bool:
    """Push the link of `src[start:end]`, its text as written (Hugo decodes nothing of it)."""
    label = state.src[start:end]
    url = state.md.normalizeLink(scheme + label)
    if not state.md.validateLink(url):
        return False
    token = state.push("link_open", "a", 1)
    token.attrs = {"href": url}
    token.markup, token.info = "autolink", "auto"
    token = state.push("text", "", 0)
    token.content = label
    token = state.push("link_close", "a", -1)
    token.markup, token.info = "autolink", "auto"
    state.pos = end
    return True


def _autolink_end(src: str, start: int, end: int) -> int:
    """Where an autolink ends: without trailing punctuation; then, if it ends so, without the
    closing parentheses it does not open, or a trailing entity (`&amp;`): `x.)` keeps its `.`."""
    while end > start and src[end - 1] in _AUTOLINK_TRAILING:
        end -= 1
    last = src[end - 1]
    if last == ")":
        end -= max(src.count(")", start, end) - src.count("(", start, end), 0)
    elif last == ";" and (entity := _AUTOLINK_ENTITY.search(src, start, end)):
        end -= len(entity[0])
    return end


def _strikethrough(state: StateInline, silent: bool) -> bool:
    """goldmark's strikethrough delimiters: a run of one or two `~` (three or more, or one
    right after a `~`, are text), each `~` a delimiter as emphasis's `*` are, so that
    `H~2~O` strikes `2` and `~~a~` strikes `a` after a literal `~` (checked with hugo 0.168)."""
    pos, src = state.pos, state.src
    if silent or src[pos] != "~":
        return False
    scanned = state.scanDelims(pos, True)
    length = scanned.length
    if length > 2 or (pos > 0 and src[pos - 1] == "~"):
        token = state.push("text", "", 0)
        token.content = "~" * length
        state.pos += length
        return True
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = "~"
        state.delimiters.append(
            Delimiter(marker=0x7E, length=length, token=len(state.tokens) - 1, end=-1, open=scanned.can_open, close=scanned.can_close)
        )
    state.pos += length
    return True


def _strikethrough_pairs(state: StateInline) -> None:
    """Turn the paired `~` delimiters into `s_open`/`s_close`: two nested pairs of adjacent
    `~` make one (`~~a~~`), as goldmark consumes two at once."""
    _strike(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _strike(state, meta["delimiters"])


def _strike(state: StateInline, delimiters: list[Delimiter]) -> None:
    i = len(delimiters) - 1
    while i >= 0:
        opener = delimiters[i]
        if opener.marker != 0x7E or opener.end == -1:
            i -= 1
            continue
        closer = delimiters[opener.end]
        double = (
            i > 0
            and delimiters[i - 1].end == opener.end + 1
            and delimiters[i - 1].marker == 0x7E
            and delimiters[i - 1].token == opener.token - 1
            and delimiters[opener.end + 1].token == closer.token + 1
        )
        markup = "~~" if double else "~"
        for index, kind, nesting in ((opener.token, "s_open", 1), (closer.token, "s_close", -1)):
            token = state.tokens[index]
            token.type, token.tag, token.nesting, token.markup, token.content = kind, "s", nesting, markup, ""
        if double:
            state.tokens[delimiters[i - 1].token].content = ""
            state.tokens[delimiters[opener.end + 1].token].content = ""
            i -= 1
        i -= 1


# goldmark's attribute list: `#id`, `.class` and `key=value` items in braces. An id or a
# class ends at a blank or at ASCII punctuation other than `_-:.`, and may be empty:
# `{##x}` is an empty id, then the id `x`, which wins.
_ATTR_ITEM = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s!"\#$%&'()*+,/;<=>?@\[\\\]^`{|}~]*)
      | \.(?P<cls>[^\s!"\#$%&'()*+,/;<=>?@\[\\\]^`{|}~]*)
      | (?P<key>[A-Za-z_:][A-Za-z0-9_.:-]*)\s*=\s*
        (?P<val>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"'=<>`{}]+)
    )\s*,?""",
    re.VERBOSE,
)
_TRAILING_ATTRS = re.compile(r"(?<!\\)\{([^{}\n]*)\}\s*$")


def parse_heading_attributes(text: str) -> tuple[str, dict[str, str]] | None:
    """Split a trailing `{#id .class key=val}` group off a heading's text, as goldmark does.

    Returns (text without the group, attributes), or None when there is no valid group.
    """
    match = _TRAILING_ATTRS.search(text)
    if not match:
        return None
    body, pos, attrs, classes = match.group(1), 0, {}, []
    while pos < len(body.rstrip()):
        item = _ATTR_ITEM.match(body, pos)
        if not item or item.end() == pos:
            return None
        if item["id"] is not None:
            attrs["id"] = item["id"]
        elif item["cls"] is not None:
            classes.append(item["cls"])
        else:
            value = item["val"]
            if value[0] in "\"'":
                value = value[1:-1]
            attrs[item["key"]] = value
        pos = item.end()
    if classes:
        attrs["class"] = " ".join([*classes, attrs.get("class", "")]).strip()
    return text[: match.start()].rstrip(), attrs


_CLOSING_SEQUENCE = re.compile(r"(?:^|(?<![ \t])[ \t]++)#+[ \t]*$")  # a blank run tried once: linear


def _heading_attributes_rule(state: StateCore) -> None:
    """Core rule between block and inline parsing: move `{#id}` groups onto heading_open.

    As goldmark: on an ATX heading the group must end the source line (`## A {#x} ##`
    has none), and a closing `#` run before it is dropped after it (`## A ## {#x}`)."""
    tokens = state.tokens
    lines = None
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        if token.markup.startswith("#") and token.map:
            lines = lines if lines is not None else state.src.split("\n")
            if not lines[token.map[0]].rstrip().endswith("}"):
                continue
        parsed = parse_heading_attributes(inline.content)
        if parsed is None:
            continue
        inline.content, attrs = parsed
        if token.markup.startswith("#"):
            inline.content = _CLOSING_SEQUENCE.sub("", inline.content)
        for key, value in attrs.items():
            token.attrSet(key, value)
        token.meta = {**(token.meta or {}), "attributes": attrs}


def _block_attributes(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line holding only an attribute list (`{.class #id}`), with goldmark's block
    attributes on: it ends a paragraph, table, list or blockquote like a new block does, and
    becomes a `block_attributes` token for `_apply_block_attributes`."""
    if state.is_code_block(start):
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]].rstrip()
    if not (line.startswith("{") and line.endswith("}")):
        return False
    parsed = parse_heading_attributes(line)
    if parsed is None or parsed[0] or not parsed[1]:
        return False
    if not silent:
        token = state.push("block_attributes", "", 0)
        token.map = [start, start + 1]
        token.meta = {"attributes": parsed[1]}
        state.line = start + 1
    return True


# Blocks an attribute line below gives nothing to (it is dropped); a heading keeps its id.
_NO_BLOCK_ATTRIBUTES = frozenset({"fence", "code_block", "html_block"})


def _apply_block_attributes(state: StateCore) -> None:
    """Core rule, last: each attribute line goes onto the block that ends on the line above
    it, at the same nesting, as goldmark's block attributes; one after a blank line, or
    below code or raw HTML, is dropped. A heading keeps its own id and attributes."""
    tokens: list[Token] = []
    openers: dict[int, Token | None] = {}  # by the last token's index: lines of attributes in a row
    for token in state.tokens:
        if token.type != "block_attributes":
            tokens.append(token)
            continue
        if len(tokens) not in openers:
            openers[len(tokens)] = _block_opener(tokens)
        opener = openers[len(tokens)]
        if opener is None or opener.type in _NO_BLOCK_ATTRIBUTES or not opener.map:
            continue
        if opener.map[1] != token.map[0]:  # a blank line between: dropped
            continue
        attrs = dict(token.meta["attributes"])
        if opener.type == "heading_open":  # its own id and `{…}` attributes come first
            attrs = {key: value for key, value in attrs.items() if key != "id" and key not in opener.attrs}
        for key, value in attrs.items():
            opener.attrSet(key, value)
        opener.meta = {**(opener.meta or {}), "block_attributes": attrs}
    state.tokens = tokens


def _block_opener(tokens: list[Token]) -> Token | None:
    """The token that opens the last block of `tokens` (a closing token's partner)."""
    if not tokens:
        return None
    last = tokens[-1]
    if last.nesting != -1:
        return last
    depth = 0
    for token in reversed(tokens):
        depth += token.nesting
        if depth == 0:
            return token
    return None


# How markdown-it's table rule wants a delimiter row to start: `|`, `-` or `:`, then one of
# those or a blank (not after `-`: that is a list item).
_DELIMITER_ROW_START = re.compile(r"[|:][-|: \t]|-[-|:]")


ROW_COLUMN = "row_column"  # in a tr_open token's meta: the 0-based column where its row starts
TABLE_COLUMNS = "columns"  # in a table_open token's meta: how many columns the table has


def _goldmark_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """GFM tables as goldmark parses them: rows are paragraph continuation lines, so a row
    indented four spaces or more is still a row (markdown-it would end the table there); a
    header with fewer cells than the delimiter row has columns gets empty ones (markdown-it
    would make no table); a table on a list item's lazy lines (not indented under its
    text) is one, read after the list (goldmark's is inside it)."""
    if start + 2 > end:
        return False
    if silent and state.sCount[start] < state.blkIndent and state.parentType == "paragraph":
        # A paragraph's lazy line (under a list item's text) starts a table, as goldmark
        # reads it: the paragraph ends there, and the table is read where its lines are
        indent = state.blkIndent
        state.blkIndent = min(state.sCount[start], state.sCount[start + 1])
        try:
            return _goldmark_table(state, start, end, silent)
        finally:
            state.blkIndent = indent
    delimiter = state.bMarks[start + 1] + state.tShift[start + 1]  # the `|---|` row's start
    if delimiter + 1 >= state.eMarks[start + 1] or not _DELIMITER_ROW_START.match(state.src, delimiter):
        return False  # markdown-it's own first tests, before the costlier set-up below
    source, header = state.src, _padded_header(state, start)
    state.is_code_block = lambda line: line == start and StateBlock.is_code_block(state, line)  # type: ignore[method-assign]
    if header is not None:
        line_start = state.bMarks[start] + state.tShift[start]
        state.src = _HeaderLine(source, line_start, state.eMarks[start], header[0])
    count = len(state.tokens)
    try:
        found = markdown_it_table(state, start, end, silent)
    finally:
        del state.is_code_block
        state.src = source
    if not found or silent:
        return found
    tokens = state.tokens
    tokens[count].meta[TABLE_COLUMNS] = _columns(state, start + 1)
    row = count
    for index in range(count, len(tokens)):
        token = tokens[index]
        if token.type == "tr_open" and token.map:
            # Where the row starts in its line: after a list marker or `>` the table is in.
            row_start = state.bMarks[token.map[0]] + state.tShift[token.map[0]]
            token.meta[ROW_COLUMN] = row_start - (state.src.rfind("\n", 0, row_start) + 1)
            row = index
        elif token.type == "tr_close" and tokens[index - 2].content == "":  # its last cell is empty
            _unalign_added_cells(state, tokens[row:index])
    return found


def _unalign_added_cells(state: StateBlock, row: Sequence[Token]) -> None:
    """The cells goldmark adds to a row shorter than its table have no alignment (those
    markdown-it adds have their column's): `row` from its `tr_open` on."""
    written = len(_row_cells(state, row[0].map[0])) if row[0].map else len(row)
    for cell in [token for token in row if token.type in ("th_open", "td_open")][written:]:
        cell.attrs = {}


def _row_cells(state: StateBlock, line: int) -> list[str]:
    """A table row's cells as markdown-it splits them (empty ones at its ends aside)."""
    cells = escapedSplit(state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _columns(state: StateBlock, line: int) -> int:
    """How many columns a delimiter row gives its table (empty cells at its ends aside)."""
    cells = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].split("|")
    return len([cell for index, cell in enumerate(cells) if cell.strip() or 0 < index < len(cells) - 1])


def _padded_header(state: StateBlock, start: int) -> tuple[str, int] | None:
    """The header line with the empty cells goldmark adds when it has fewer than the
    delimiter row has columns, and how many it had; None when it needs none."""
    if "|" not in state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]:
        return None
    cells = _row_cells(state, start)
    missing = _columns(state, start + 1) - len(cells)
    if not cells or missing <= 0:
        return None
    return "|" + "|".join(cells) + "|" + " |" * missing, len(cells)


class _HeaderLine(str):
    """A page's source whose header line reads as padded (see `_padded_header`), for
    markdown-it's table rule, which reads it as that one slice; without a copy of the page."""

    def __new__(cls, source: str, start: int, end: int, header: str) -> _HeaderLine:
        line = super().__new__(cls, "")
        line.source, line.span, line.header = source, (start, end), header
        return line

    def __getitem__(self, key):  # type: ignore[no-untyped-def, override]
        if isinstance(key, slice) and (key.start, key.stop) == self.span:
            return self.header
        return self.source[key]


HTML_BLOCK_CALLS = "html_block_calls"  # in the env: an opening tag's placeholder's offset -> its HtmlBlockOpening
# In the env: the offsets of the opening tags' placeholders of the `{{% %}}` calls (nested
# ones too) whose template writes the content on a line of its own after a tag (`<div>` then
# `    {{ .Inner }}`): a call alone on its line writes that line blank
HTML_BLOCK_BREAKS = "html_block_breaks"


def _shortcode_html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A `{{% %}}` call whose template opens an HTML block where it prints the call's content
    (`<div class="note">{{ .Inner }}`, see HtmlBlockOpening): Hugo lays that output into the
    page, so the block runs from the call's line to the first blank line, as a `<div>` line
    of the page's own would (`html_block`)."""
    openings = state.env.get(HTML_BLOCK_CALLS)
    if not openings or state.sCount[start] - state.blkIndent >= 4:
        return False
    position, line_end = state.bMarks[start] + state.tShift[start], state.eMarks[start]
    if (opening := openings.get(position)) is None:
        return False
    ends_line = _placeholder_ends_line(state, position, line_end)
    if opening.needs_line_end and not ends_line:
        return False  # a lone `<span>` with text after it
    if opening.own_lines and (state.blkIndent or state.level):
        return False  # its lines would start at the margin, out of the list or quote: not known
    if silent:
        return bool(opening.ends_paragraph)
    line = start + 1
    if opening.trims and ends_line:  # the content, trimmed, starts on the tag's line: its first blank lines go
        while line < end and state.isEmpty(line):
            line += 1
    # (a `<div>` ending its line before the content, the call's line alone: the content's first
    # line break is a blank line after it, and no text below makes a heading of the call)
    joined = opening.on_its_line or not ends_line
    while joined and line < end and state.sCount[line] >= state.blkIndent and not state.isEmpty(line):
        line += 1
        if _blank_after(state, line - 1):
            break  # a call of such a template within: its output's line before its content is blank
    token = state.push("html_block", "", 0)
    token.map = [start, line]
    token.content = state.getLines(start, line, state.blkIndent, True)
    state.line = line
    return True


def _blank_after(state: StateBlock, line: int) -> bool:
    """Whether a line is a `{{% %}}` call alone whose template writes its content on a line
    of its own after a tag (`HTML_BLOCK_BREAKS`): the call's line break makes that line
    blank, which ends an HTML block it is in (minikube's tabs, checked with hugo 0.168)."""
    breaks = state.env.get(HTML_BLOCK_BREAKS)
    position = state.bMarks[line] + state.tShift[line]
    if not breaks or position not in breaks:
        return False
    return _placeholder_ends_line(state, position, state.eMarks[line])


def _placeholder_ends_line(state: StateBlock, position: int, line_end: int) -> bool:
    """Whether nothing but blanks follows the call's placeholder at `position` on its line."""
    return not state.src[state.src.index("HBHB", position) + 4 : line_end].strip()


# Where a rule can match: a block rule only on a line whose first non-blank character is one
# of these (in silent mode, when it tests whether a line ends a paragraph, `_SILENT_TRIGGERS`),
# an inline rule only at one of these characters. Each is the rule's own first test; rules
# not listed are tried everywhere.
_BLOCK_TRIGGERS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "reference": "[",
    "html_block": "<",
    "shortcode_html_block": "H",  # a call's placeholder
    "heading": "#",
    "block_attributes": "{",
}
_SILENT_TRIGGERS = {**_BLOCK_TRIGGERS, "deflist": ":"}
_INLINE_TRIGGERS = {
    "newline": "\n",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "_*",
    "link": "[",
    "image": "!",
    "footnote_ref": "[",
    "angle_quote": "<",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "gfm_autolink_www": "w",
    "gfm_autolink_protocol": ":",
    "gfm_autolink_email": "@",
}

Rules = list[Callable[..., bool]]


def _by_character(rules: list[Rule[Any]], triggers: dict[str, str]) -> tuple[dict[str, Rules], Rules]:
    """For each trigger character, the rules that may match there, in order; and the rules
    that may match at any other character."""
    characters = {char for rule in rules for char in triggers.get(rule.name, "")}
    anywhere = [rule.fn for rule in rules if rule.name not in triggers]
    table = {
        char: [rule.fn for rule in rules if rule.name not in triggers or char in triggers[rule.name]]
        for char in characters
    }
    return table, anywhere


class _DispatchingRuler(Ruler[Any]):
    """markdown-it tries every rule of a chain at each line (block) or stop (inline) until
    one matches, though most rules first check a single character and give up. This ruler
    compiles each chain into one rule that calls only those that can match there: the
    same tokens, with a fraction of the calls."""

    def __init__(self, ruler: Ruler[Any], *, block: bool) -> None:
        super().__init__()
        self.__rules__ = ruler.__rules__
        self.block = block

    def __compile__(self) -> None:
        super().__compile__()
        assert self.__cache__ is not None
        enabled = [rule for rule in self.__rules__ if rule.enabled]
        for chain in self.__cache__:
            rules = [rule for rule in enabled if not chain or chain in rule.alt]
            self.__cache__[chain] = self._dispatch_block(rules) if self.block else self._dispatch_inline(rules)

    @staticmethod
    def _dispatch_block(rules: list[Rule[Any]]) -> Rules:
        table, anywhere = _by_character(rules, _BLOCK_TRIGGERS)
        silent_table, silent_anywhere = _by_character(rules, _SILENT_TRIGGERS)
        every = [rule.fn for rule in rules]

        def dispatch(state: StateBlock, start: int, end: int, silent: bool) -> bool:
            pos = state.bMarks[start] + state.tShift[start]
            if pos >= state.eMarks[start]:
                candidates = every
            elif silent:
                candidates = silent_table.get(state.src[pos], silent_anywhere)
            else:
                candidates = table.get(state.src[pos], anywhere)
            for rule in candidates:
                if rule(state, start, end, silent):
                    return True
            return False

        return [dispatch]

    @staticmethod
    def _dispatch_inline(rules: list[Rule[Any]]) -> Rules:
        # The text rule, first, consumes everything up to a terminator character; the
        # others are looked up by the character it stopped at.
        first = [rules.pop(0).fn] if rules and rules[0].name == "text" else []
        table, anywhere = _by_character(rules, _INLINE_TRIGGERS)

        def dispatch(state: StateInline, silent: bool) -> bool:
            for rule in table.get(state.src[state.pos], anywhere):
                if rule(state, silent):
                    return True
            return False

        return [*first, dispatch]


# What any inline rule of ours can start at (_INLINE_TRIGGERS; `w` and `:` only as `www.` and
# after a protocol name): inline source without one of these is plain text, its lines joined
# by soft and hard breaks.
_CONTEXTUAL = {"newline", "gfm_autolink_www", "gfm_autolink_protocol"}
_NOT_PLAIN = re.compile(
    "["
    + re.escape("".join(chars for name, chars in _INLINE_TRIGGERS.items() if name not in _CONTEXTUAL))
    + "]|www\\.|(?:"
    + _PROTOCOLS
    + "):"
)


def _plain_children(content: str) -> list[Token]:
    """The tokens markdown-it's inline parser makes of plain text: a text token per line,
    and between lines a line break — hard after two or more spaces, which are dropped (as
    is a single one before a soft break); leading blanks of a line are skipped."""
    children: list[Token] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if index:
            line = line.lstrip(" \t")
        kind = "softbreak"
        if index < last:
            trimmed = line.rstrip(" ")
            if len(line) - len(trimmed) >= 2:
                kind = "hardbreak"
            line = trimmed if kind == "hardbreak" else line.removesuffix(" ")
        if line:
            children.append(Token("text", "", 0, content=line))
        if index < last:
            children.append(Token(kind, "br", 0))
    return children


# The env key of the parts of a page that Hugo renders apart from it, as markdown-it
# lines, each a (group, (first line, 0), (line past the last, 0)), outer before inner:
# their reference links see the link definitions of their own part alone.
APART_LINES = "apart_lines"


def _inline_rule(state: StateCore) -> None:
    """markdown-it's core inline rule, with plain text (most table cells, headings and many
    paragraphs) tokenized directly instead of stopping at each of its punctuation marks."""
    md = state.md
    inlines = [token for token in state.tokens if token.type == "inline"]
    definitions = _definitions_apart(state.env, inlines)
    page_definitions = state.env.get("references")
    for index, token in enumerate(inlines):
        if token.children is None:
            token.children = []
        if _NOT_PLAIN.search(token.content):
            if definitions:
                state.env["references"] = definitions[index]
            md.inline.parse(token.content, md, state.env, token.children)
        else:
            token.children.extend(_plain_children(token.content))
    if definitions:
        state.env["references"] = page_definitions


def _definitions_apart(env: dict[str, Any], inlines: Sequence[Token]) -> list[dict[str, Any]]:
    """For each inline token, the link definitions its reference links see, when parts of
    the page are rendered apart (`APART_LINES`); else none. Each part, and the page outside
    them, sees the definitions inside it alone, the first of a label winning (checked with
    hugo 0.168)."""
    spans = env.get(APART_LINES)
    if not spans or not env.get("references"):
        return []
    found = sorted(
        [(reference["map"][0], label, reference) for label, reference in env["references"].items()]
        + [(reference["map"][0], reference["label"], reference) for reference in env.get("duplicate_refs", ())],
        key=lambda definition: definition[0],
    )
    groups: dict[int, dict[str, Any]] = {}
    for (_, label, reference), group in zip(found, innermost_spans(spans, [(line, 0) for line, _, _ in found])):
        groups.setdefault(group, {}).setdefault(label, reference)
    lines = [(token.map[0] if token.map else 0, 0) for token in inlines]
    return [groups.get(group, {}) for group in innermost_spans(spans, lines)]


def innermost_spans(
    spans: Sequence[tuple[int, tuple[int, int], tuple[int, int]]], positions: Sequence[tuple[int, int]]
) -> list[int]:
    """For each position (ascending), the group of the innermost span holding it, else 0.
    `spans`: (group, start, end past it), by start, outer before inner, each span inside
    the ones before it that it starts in. One sweep: the spans holding a position form a
    stack."""
    groups: list[int] = []
    holding: list[tuple[int, tuple[int, int], tuple[int, int]]] = []
    following = iter(spans)
    upcoming = next(following, None)
    for position in positions:
        while upcoming is not None and upcoming[1] <= position:
            holding.append(upcoming)
            upcoming = next(following, None)
        while holding and not position < holding[-1][2]:
            holding.pop()
        groups.append(holding[-1][0] if holding else 0)
    return groups


_TASK_MARKER = re.compile(r"\[[ xX]\]")


TASK_CHECKBOX = "task_checkbox"  # in the meta of the html_inline token a task item's box is
# In the meta of a task item's inline token whose box was a link's text (`- [X](https://x.com/u)`):
# the box as written
TASK_BOX_OF_LINK = "task_box_of_link"
# goldmark's `^\[([\sxX])\]\s*`: no blank needed after the box (`- [x][y]` is a checked item)
_TODO = re.compile(r"\[[ xX]][ \t\n\v\f\r]*")
_CHECKBOXES = {
    "[ ]": '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">',
    "[x]": '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">',
    "[X]": '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">',
}


def task_lists(state: StateCore) -> None:
    """mdit-py-plugins' task list rule (checkboxes disabled, no labels), the same tokens made
    in one pass: it searched back through the page for each item's list, quadratic in a long
    list; here the open lists are kept on a stack."""
    tokens = state.tokens
    lists: list[int] = []  # the open lists, innermost last
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(index)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif (
            kind == "inline"
            and 2 <= index < len(tokens) - 1
            and tokens[index - 1].type == "paragraph_open"
            and tokens[index - 2].type == "list_item_open"
            and _TODO.match(token.content)
            and token.children
        ):
            checkbox = Token("html_inline", "", 0, meta={TASK_CHECKBOX: True})  # made, not written
            box = token.content[:3]
            checkbox.content = _CHECKBOXES.get(box, "")
            first = token.children[0]
            token.content = token.content[3:]
            if first.type == "text":  # the box is its first three characters
                first.content = first.content[3:]
                token.children.insert(0, checkbox)
            else:  # `- [x](/u)`: goldmark takes the box before a link, the rest is text
                token.meta = {**(token.meta or {}), TASK_BOX_OF_LINK: box}
                token.children = [checkbox]
                state.md.inline.parse(token.content, state.md, state.env, token.children)
            tokens[index - 2].attrSet("class", "task-list-item")
            tokens[lists[-1] if lists else -1].attrSet("class", "contains-task-list")


def _only_with_task_markers(rule: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """The task list rule, run only on pages with a `[ ]` or `[x]`: it finds nothing elsewhere."""

    def task_lists(state: StateCore) -> None:
        if _TASK_MARKER.search(state.src):
            rule(state)

    return task_lists


@functools.lru_cache(maxsize=8)
def make_parser(markup: Markup) -> MarkdownIt:
    """A markdown-it parser configured like Hugo's goldmark under `markup`.

    Typographic replacement is left to the consumers (heading ids, renderer), which need
    goldmark's exact rules rather than markdown-it's. Its tokens are those of `configure`'s
    parser, made faster: rules looked up by character, plain inline text tokenized directly.
    """
    md = configure(markup)
    for rule in md.core.ruler.__rules__:
        if rule.name == "github-tasklists":  # it looks at every token of every page
            md.core.ruler.at(rule.name, _only_with_task_markers(rule.fn))
    known = {"text", *_INLINE_TRIGGERS}
    if all(rule.name in known for rule in md.inline.ruler.__rules__ if rule.enabled):
        md.core.ruler.at("inline", _inline_rule)
    md.block.ruler = _DispatchingRuler(md.block.ruler, block=True)
    md.inline.ruler = _DispatchingRuler(md.inline.ruler, block=False)
    # A site links to the same few hundred addresses again and again.
    md.normalizeLink = functools.lru_cache(maxsize=1 << 12)(md.normalizeLink)  # type: ignore[method-assign]
    return md


def configure(markup: Markup) -> MarkdownIt:
    """markdown-it with goldmark's extensions and our position recording (see make_parser)."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False, "linkify": False})
    # Keep escapes and entities as `text_special` tokens: Hugo's heading ids see their source.
    md.disable("text_join")
    if markup.table:
        md.enable("table")
        md.block.ruler.at("table", _goldmark_table, {"alt": ["paragraph", "reference"]})
    if markup.strikethrough:
        md.enable("strikethrough")
        md.inline.ruler.at("strikethrough", _strikethrough)
        md.inline.ruler2.at("strikethrough", _strikethrough_pairs)
    if markup.footnote:
        footnote_plugin(md, inline=False, move_to_end=False, always_match_refs=True)
        # goldmark's definition ends a quote's lazy line too (`> a[^1]` above `[^1]: b`)
        md.block.ruler.at("footnote_def", _goldmark_footnote_def, {"alt": ["paragraph", "reference", "blockquote"]})
    if markup.definition_list:
        deflist_plugin(md)
        _wrap_block_rule(md, "deflist", _goldmark_deflist)
    if markup.task_list:
        tasklists_plugin(md)
        md.core.ruler.at("github-tasklists", task_lists)
    if markup.linkify:
        gfm_autolink_plugin(md)
    md.block.ruler.before("html_block", "shortcode_html_block", _shortcode_html_block, {"alt": list(_INTERRUPTS)})
    _wrap_block_rule(md, "html_block", _goldmark_html_block)
    if markup.attribute_title:
        md.core.ruler.before("inline", "heading_attributes", _heading_attributes_rule)
    if markup.attribute_block:
        md.block.ruler.before(
            "table", "block_attributes", _block_attributes, {"alt": ["paragraph", "reference", "blockquote", "list"]}
        )
        md.core.ruler.push("block_attributes", _apply_block_attributes)  # last: over task lists' class
    if markup.typographer:
        md.inline.ruler.before("autolink", "angle_quote", _angle_quote)
    if markup.passthrough and markup.passthrough_delimiters:
        md.inline.ruler.before("escape", "passthrough", _located(_passthrough(markup.passthrough_delimiters)))
        for opener, *_ in markup.passthrough_delimiters:
            md.inline.add_terminator_char(opener[0])
    www_autolink, protocol_autolink, email_autolink = _autolink_rules(markup)
    md.block.ruler.at("reference", _keeping_written_definitions(_rule(md.block.ruler, "reference")))
    for name in ("link", "image"):
        md.inline.ruler.at(name, _keeping_written_destination(_rule(md.inline.ruler, name), image=name == "image"))
    for rule in list(md.inline.ruler.__rules__):
        if rule.name in _LOCATED_RULES:
            fn = {
                "gfm_autolink_protocol": protocol_autolink,
                "gfm_autolink_email": email_autolink,
                "gfm_autolink_www": www_autolink,
                "footnote_ref": _goldmark_footnote_ref,
                "html_inline": _goldmark_html_inline(rule.fn),
            }.get(rule.name, rule.fn)
            located = _located(fn, linkify=rule.name.startswith("gfm_autolink"))
            md.inline.ruler.at(rule.name, located, {"alt": rule.alt})
    # Goldmark makes a link of any address, `javascript:` too (its renderer then writes that
    # one empty: see addresses.py); markdown-it would leave it as text.
    md.validateLink = _any_address  # type: ignore[method-assign]
    md.normalizeLink = _keeping_blanks(md.normalizeLink)  # type: ignore[method-assign]
    md.block.tokenize = _nesting_deeper(md.block.tokenize)  # type: ignore[method-assign]
    return md


# markdown-it stops reading blocks nested deeper than its `maxNesting` (tokens' levels: a
# list item is two, a block quote one) and skips to the end of the enclosing block's range,
# which for a list item is the end of the file: with commonmark's 20, ten lists in lists
# lost the rest of the page, which goldmark renders at any depth. Blocks read up to
# BLOCK_NESTING levels (far past any page; the recursion stays shallow), inline content up
# to the 20 its parser's time grows with (links in links); deeper blocks are noted in the
# env (NESTED_TOO_DEEP: the offset where they start) for the finding.
BLOCK_NESTING = 100
INLINE_NESTING = 20
NESTED_TOO_DEEP = "nested_too_deep"


# The blocks a block that may interrupt a paragraph is tried in (a rule's `alt`)
_INTERRUPTS = ("paragraph", "reference", "blockquote")


def _wrap_block_rule(md: MarkdownIt, name: str, wrap: Callable[[BlockRule], BlockRule]) -> None:
    """Replaces the block rule `name` (one that may interrupt a paragraph) with `wrap` of it."""
    md.block.ruler.at(name, wrap(_rule(md.block.ruler, name)), {"alt": list(_INTERRUPTS)})


def _rule(ruler: Ruler[Any], name: str) -> Any:
    """The function of the rule `name` of `ruler`."""
    return next(rule.fn for rule in ruler.__rules__ if rule.name == name)


def _nesting_deeper(tokenize: Callable[..., None]) -> Callable[..., None]:
    def deeper(state: StateBlock, start: int, end: int) -> None:
        if state.level >= BLOCK_NESTING and NESTED_TOO_DEEP not in state.env:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:  # markdown-it skips it
                state.env[NESTED_TOO_DEEP] = state.bMarks[line] + state.tShift[line]
        options = state.md.options
        options["maxNesting"] = BLOCK_NESTING  # read once, as each call starts
        tokenize(state, start, end)
        options["maxNesting"] = INLINE_NESTING

    return deeper


def _keeping_blanks(normalize: Callable[[str], str]) -> Callable[[str], str]:
    """markdown-it's link normalization, but for the blanks around a `<…>` destination,
    which goldmark keeps, encoded (`<#here >` is `#here%20`, a fragment no heading has;
    checked with hugo 0.168); markdown-it drops them."""

    def normalized(url: str) -> str:
        core = url.strip(" ")
        if core == url or not core:
            return normalize(url)
        lead, trail = len(url) - len(url.lstrip(" ")), len(url) - len(url.rstrip(" "))
        return "%20" * lead + normalize(core) + "%20" * trail

    return normalized


def _passthrough(delimiters: tuple[tuple[str, str, bool], ...]) -> InlineRule:
    r"""Hugo's passthrough extension (hugo-goldmark-extensions): from an opening delimiter to
    the next closing one in the block, the text is kept raw, Markdown left alone (math for
    a renderer). Tried before escapes: `\\(` is an escaped backslash and a `(`, `\\$$` an
    escaped opener (one that starts with no backslash), and an empty or unclosed
    passthrough is text. The token's content is its source, delimiters included; its meta
    says whether the delimiters are a block's (Hugo then splits the paragraph there)."""

    def passthrough(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        found = next((d for d in delimiters if src.startswith(d[0], pos)), None)
        if found is None:
            if src.startswith("\\\\", pos):
                escaped = next((d for d in delimiters if src.startswith(d[0], pos + 2)), None)
                if escaped is not None:
                    if not silent:
                        state.push("text", "", 0).content = "\\" + escaped[0]
                    state.pos = pos + 2 + len(escaped[0])
                    return True
            return False
        opener, closer, block = found
        end = _closer(state, closer, pos + len(opener))
        if end < 0 or end == pos + len(opener):
            return False
        end += len(closer)
        if not silent:
            token = state.push(PASSTHROUGH, "", 0)
            token.content, token.markup, token.meta = src[pos:end], opener, {"block": block}
        state.pos = end
        return True

    return passthrough


def _closer(state: StateInline, closer: str, start: int) -> int:
    """Where `closer` is next in the inline content from `start`, -1 if nowhere. A search is
    kept on the state for the next: the same answer holds from any later start up to it
    (a line of 100,000 unclosed `\\(` is read once, not once each)."""
    searches: dict[tuple[str, int], tuple[int, int]] = state.__dict__.setdefault("passthrough_closers", {})
    key = (closer, state.posMax)  # a link's text is read with its own end
    searched_from, found = searches.get(key, (-1, -1))
    if searched_from < 0 or start < searched_from or (found >= 0 and start > found):
        found = state.src.find(closer, start, state.posMax)
        searches[key] = start, found
    return found


# A footnote label's end: goldmark's is the first `]` not escaped; a `[` or a line's end
# before it makes none (checked with hugo 0.168)
_FOOTNOTE_LABEL_END = re.compile(r"(?:[^\\\[\]\n]|\\[^\n])*+\]")


def _footnote_label(src: str, start: int, end: int) -> str | None:
    """The label of a footnote's `[^label]` at `start`, read as goldmark reads it: any text
    up to a `]` not escaped (blanks too: `[^a b]`), compared as written; none if a `[` or the
    line's end comes first, or if it is blank. It stops at the next `[`, so that reading
    every `[^` of a line takes time linear in its length."""
    if not src.startswith("[^", start):
        return None
    found = _FOOTNOTE_LABEL_END.match(src, start + 2, end)
    if found is None or not src[start + 2 : found.end() - 1].strip():
        return None
    return src[start + 2 : found.end() - 1]


def _goldmark_footnote_def(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A footnote definition, `[^label]: text` with goldmark's labels (`_footnote_label`),
    its content the blocks indented below it, as mdit-py-plugins' rule reads it."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # (in an indented code block)
    start, end = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    label = _footnote_label(state.src, start, end)
    colon = start + len(label) + 3 if label is not None else end
    if colon >= end or state.src[colon] != ":":
        return False
    if silent:
        return True
    data = state.env.setdefault("footnotes", {})
    data.setdefault("refs", {})[":" + label] = -1
    data.setdefault("list", {})
    opening = state.push("footnote_reference_open", "", 1)
    opening.meta = {"label": label}
    saved = (state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line], state.parentType)
    # The content starts after the colon and its blanks, as if indented 4 more columns
    after = colon + 1
    first = column = state.sCount[start_line] + after - start
    pos = after
    while pos < end and state.src[pos] in " \t":
        column += 4 - column % 4 if state.src[pos] == "\t" else 1
        pos += 1
    state.bMarks[start_line], state.tShift[start_line] = after, pos - after
    state.sCount[start_line] = column - first
    state.blkIndent += 4
    state.parentType = "footnote"  # type: ignore[assignment]
    if state.sCount[start_line] < state.blkIndent:
        state.sCount[start_line] += state.blkIndent
    state.md.block.tokenize(state, start_line, end_line)
    state.blkIndent -= 4
    state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line], state.parentType = saved
    opening.map = [start_line, state.line]
    state.push("footnote_reference_close", "", -1)
    return True


def _goldmark_footnote_ref(state: StateInline, silent: bool) -> bool:
    """A footnote reference, `[^label]` with goldmark's labels, as mdit-py-plugins' rule
    makes it (numbered in order of first use; one with no definition too)."""
    label = _footnote_label(state.src, state.pos, state.posMax)
    if label is None:
        return False
    if not silent:
        data = state.env.setdefault("footnotes", {})
        refs, notes = data.setdefault("refs", {}), data.setdefault("list", {})
        if refs.get(":" + label, -1) < 0:
            refs[":" + label] = len(notes)
            notes[len(notes)] = {"label": label, "count": 0}
        number = refs[":" + label]
        token = state.push("footnote_ref", "", 0)
        token.meta = {"id": number, "subId": notes[number]["count"], "label": label}
        notes[number]["count"] += 1
    state.pos += len(label) + 3
    return True


def _lower_case_declaration(text: str, position: int) -> bool:
    """Whether `<!` at `position` starts a declaration of a lower-case name (`<!doctype
    html>`), which goldmark takes for text: its declarations are of capital letters (the
    CommonMark of its day), where markdown-it's take any letter (checked with hugo 0.168)."""
    return text.startswith("<!", position) and "a" <= text[position + 2 : position + 3] <= "z"


# The first characters of the lines that may start a block which ends a paragraph (a
# footnote's definition `[^…]:`, a shortcode's placeholder `HAHAHUGO…` too)
_BLOCK_STARTS = frozenset("#-*+>0123456789<|`~{=_:\\[H")


def _goldmark_deflist(rule: BlockRule) -> BlockRule:
    """mdit-py-plugins' definition lists, whose definitions goldmark starts with `:` alone,
    not `~` too: `~ gRPC Maintainers` under a paragraph is its text; and where a paragraph of
    several lines comes before the `:`, each of its lines is a term (checked with hugo 0.168)."""

    def tilde(state: StateBlock, line: int, end: int) -> bool:
        return line < end and state.src.startswith("~", state.bMarks[line] + state.tShift[line])

    def marker_line(state: StateBlock, term: int, end: int) -> int:
        """The line of a term's definition: the next, or the one after a blank."""
        return term + 2 if term + 1 < end and state.isEmpty(term + 1) else term + 1

    def terminators(state: StateBlock) -> list[BlockRule]:
        return [one for one in state.md.block.ruler.getRules("paragraph") if one is not deflist]

    def starts_block(state: StateBlock, line: int, end: int, terminators: list[BlockRule]) -> bool:
        """Whether the line starts a block that ends a paragraph (a list, a quote, a heading)."""
        return state.sCount[line] - state.blkIndent <= 3 and (
            state.sCount[line] < 0 or any(terminate(state, line, end, True) for terminate in terminators)
        )

    def last_term(state: StateBlock, start: int, end: int) -> int:
        """The last line of the paragraph at `start` when a definition (`: …`) follows it,
        which makes each of its lines a term (goldmark's definition interrupts it); else `start`."""
        line, ending = start + 1, terminators(state)
        while line < end and not state.isEmpty(line):
            at = state.bMarks[line] + state.tShift[line]
            if state.sCount[line] >= state.blkIndent and state.src.startswith((": ", ":\t"), at):
                return line - 1 if line - 1 > start else start
            # (a line another block may start with: each line of a long list is read once)
            if state.src[at : at + 1] in _BLOCK_STARTS and starts_block(state, line, end, ending):
                return start
            line += 1
        return start

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        term = last_term(state, start, end) if not silent and not state.is_code_block(start) else start
        if term > start:  # the paragraph's lines before the last are terms too
            first = len(state.tokens)
            if not deflist(state, term, end, silent):
                return False
            opening = state.tokens[first]
            opening.map = [start, opening.map[1]] if opening.map else opening.map
            terms = []
            for line in range(start, term):
                terms.append(state.tokens[first + 1].copy(map=[line, line]))  # dt_open
                terms.append(state.tokens[first + 2].copy(
                    map=[line, line], content=state.getLines(line, line + 1, state.blkIndent, False).strip(), children=[]
                ))  # fmt: skip
                terms.append(state.tokens[first + 3].copy())  # dt_close
            state.tokens[first + 1 : first + 1] = terms
            return True
        if tilde(state, start if silent else marker_line(state, start, end), end):
            return False
        first = len(state.tokens)
        found = rule(state, start, end, silent)
        if not found or silent:
            return found
        # A later term of the list whose definition starts with `~`, or that starts another
        # block (`- b` above `: x`), is no term: the list ends before it (read again up to there)
        ending = terminators(state)
        for token in state.tokens[first:]:
            if token.type == "dt_open" and token.level == state.level + 1 and token.map and token.map[0] > start:
                if tilde(state, marker_line(state, token.map[0], end), end) or starts_block(state, token.map[0], end, ending):
                    del state.tokens[first:]
                    return rule(state, start, token.map[0], silent)
        return True

    return deflist


def _goldmark_html_block(rule: BlockRule) -> BlockRule:
    """markdown-it's raw HTML block, less the declarations goldmark does not take for one
    (`_lower_case_declaration`); one that a blank line ends ends too after a `{{% %}}` call
    whose output makes one (`_blank_after`)."""

    def html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        position = state.bMarks[start] + state.tShift[start]
        if _lower_case_declaration(state.src, position):
            return False
        if not silent and state.env.get(HTML_BLOCK_BREAKS):
            line_text = state.src[position : state.eMarks[start]]
            kind = next((kind for kind, (opening, _, _) in enumerate(HTML_SEQUENCES) if opening.search(line_text)), None)
            line = start + 1
            while kind in (5, 6) and line < end and not state.isEmpty(line):
                if _blank_after(state, line):
                    end = line + 1
                    break
                line += 1
        return rule(state, start, end, silent)

    return html_block


def _goldmark_html_inline(rule: InlineRule) -> InlineRule:
    """markdown-it's raw HTML rule, less the declarations goldmark does not take for one
    (`_lower_case_declaration`); and goldmark's reading of `<?>` (Java's `List<?>`) as a
    processing instruction: goldmark seeks its `?>` from the `<?` on."""

    def html_inline(state: StateInline, silent: bool) -> bool:
        if _lower_case_declaration(state.src, state.pos):
            return False
        if not state.src.startswith("<?>", state.pos) or not state.md.options["html"]:
            return rule(state, silent)
        if not silent:
            state.push("html_inline", "", 0).content = "<?>"
        state.pos += 3
        return True

    return html_inline


def _any_address(url: str) -> bool:
    return True

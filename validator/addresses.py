"""How Hugo writes a Markdown link's or image's address into the page, by who writes it.

- Goldmark's own renderer (no render hook): a `javascript:`, `vbscript:`, `file:` or `data:`
  address (but a PNG, GIF, JPEG or WebP `data:image/`) is written empty, unless
  `markup.goldmark.renderer.unsafe` (goldmark `html.IsDangerousURL`).
- A render hook, the site's or Hugo's embedded one, is a Go html/template: an address in
  `href` or `src` whose scheme is not http, https or mailto is written `#ZgotmplZ`, unless
  the template passes it through `safeURL` (Hugo's embedded hooks do not).
- The embedded hooks, and many sites' and themes' hooks, parse the address first
  (`urls.Parse`, Go's `url.Parse`): one Go cannot parse stops the build.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import quote, unquote

GOLDMARK = "goldmark"
EMBEDDED = "embedded"  # Hugo's embedded link or image render hook
FILTERING = "filtering"  # a site hook that writes addresses without safeURL
AS_IS = "as-is"  # a site hook passing addresses through safeURL, or one not known

# The scheme an absolute address starts with (`https:`, `mailto:`)
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
REFUSED = "#ZgotmplZ"  # what html/template writes for an address it refuses


class Writer(NamedTuple):
    """Who writes a page's link or image addresses (`kind`, above), and which it parses
    with `urls.Parse` first (`parses`): "all", "local" (not starting with `http`, as
    hooks that parse only the links they resolve test it) or "" (none)."""

    kind: str
    parses: str = ""


GOLDMARK_WRITER = Writer(GOLDMARK)
EMBEDDED_WRITER = Writer(EMBEDDED, "all")

_TEMPLATE_SCHEMES = frozenset({"http", "https", "mailto"})
_DANGEROUS = ("javascript:", "vbscript:", "file:", "data:")
_SAFE_DATA_IMAGES = ("png;", "gif;", "jpeg;", "webp;")


def written(address: str, writer: Writer, *, unsafe: bool) -> str:
    """The address as the page gets it."""
    if writer.kind == GOLDMARK:
        return "" if not unsafe and goldmark_drops(address) else address
    if writer.kind == EMBEDDED and address == "#":
        return ""  # Go's URL of `#` alone writes as "" (checked with hugo 0.168)
    if writer.kind in (EMBEDDED, FILTERING) and template_refuses(address):
        return REFUSED
    return address


_SCHEME_AND_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")


def escaped_as_go_writes(address: str) -> str:
    """The address the embedded hook writes (`(urls.Parse .Destination).String`) of one it
    is given with a backslash escape kept (`\\(`, `%5C(` here): Go escapes a path holding a
    character a path may not have anew, whole, `(` and `)` too (checked with hugo 0.168);
    other addresses as they are."""
    if "%5C" not in address.upper():
        return address
    head, mark, fragment = address.partition("#")
    prefix = found[0] if (found := _SCHEME_AND_HOST.match(head)) else ""
    path, question, query = head[len(prefix) :].partition("?")
    return prefix + quote(unquote(path), safe="$&+,/:;=@") + question + query + mark + fragment


def goldmark_drops(address: str) -> bool:
    """Whether goldmark's renderer takes the address for a dangerous one (case ignored)."""
    start = address[:20].lower()
    if start.startswith("data:image/"):
        return not start[11:].startswith(_SAFE_DATA_IMAGES)
    return start.startswith(_DANGEROUS)


def template_refuses(address: str, *, as_written: bool = False) -> bool:
    """Whether a template writes the address `#ZgotmplZ`: text before a first `:` without a
    `/` that is not http, https or mailto (`tel:`, `java%0ascript:`, `#step:1`). A template
    may change a relative address before writing it (`#step:1` on the page's URL): unless
    the address is known to be written `as_written`, one starting with `#` or `?` passes."""
    scheme, colon, _ = address.partition(":")
    if not colon or "/" in scheme or scheme.lower() in _TEMPLATE_SCHEMES:
        return False
    return as_written or not scheme.startswith(("#", "?"))


def build_error(address: str, writer: Writer) -> str | None:
    """`parse_error` of an address the writer parses."""
    if writer.parses == "all" or (writer.parses == "local" and not address.startswith("http")):
        return parse_error(address)
    return None


def parse_error(address: str) -> str | None:
    """The error Go's `url.Parse` (Hugo's `urls.Parse`, which the embedded hooks call) gives
    for the address as written, None when it parses. Control characters aside."""
    rest, _, fragment = address.partition("#")
    scheme, colon, after = rest.partition(":")
    if colon and not scheme:
        return "missing protocol scheme"
    valid_scheme = bool(colon) and scheme[:1].isalpha() and all(c.isalnum() or c in "+-." for c in scheme)
    if valid_scheme and scheme.isascii():
        rest = after
    else:
        scheme = ""
    rest = rest[:-1] if rest.endswith("?") and rest.count("?") == 1 else rest.partition("?")[0]
    if not rest.startswith("/"):
        if scheme:
            return _escape_error(fragment)  # opaque: only the fragment is unescaped
        if ":" in rest.partition("/")[0]:
            return "first path segment in URL cannot contain colon"
    elif rest.startswith("//") and (scheme or not rest.startswith("///")):
        authority, slash, path = rest[2:].partition("/")
        rest = slash + path
        error = _host_error(authority.rpartition("@")[2])
        if error:
            return error
    return _escape_error(rest) or _escape_error(fragment)


def _host_error(host: str) -> str | None:
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return "missing ']' in host"
        port = host[end + 1 :]
    else:
        port = host[host.rfind(":") :] if ":" in host else ""
    if port and not (port.startswith(":") and (port[1:].isdigit() or port == ":") and port.isascii()):
        return f"invalid port {port!r} after host"
    return None


def _escape_error(text: str) -> str | None:
    index = text.find("%")
    while index >= 0:
        digits = text[index + 1 : index + 3]
        if len(digits) < 2 or not all(c in "0123456789abcdefABCDEF" for c in digits):
            return f"invalid URL escape {text[index : index + 3]!r}"
        index = text.find("%", index + 3)
    return None


def shown(address: str, limit: int = 120) -> str:
    """An address as a message quotes it: whole up to `limit` characters, else its start
    and end around an ellipsis that counts what it leaves out (a `data:` image's base64 is
    kilobytes long)."""
    if len(address) <= limit:
        return repr(address)
    cut, resume = _outside_escape(address, limit - 20), _outside_escape(address, len(address) - 12, after=True)
    head, tail = address[:cut], address[resume:]
    return repr(f"{head}…({len(address) - len(head) - len(tail):,} characters)…{tail}")


def _outside_escape(address: str, index: int, *, after: bool = False) -> int:
    """`index`, moved out of a `%XX` escape it falls inside (`%E0%A5%8…` is cut before the
    `%`): back to its `%`, or on past it."""
    for back in (1, 2):
        if address[index - back : index - back + 1] == "%":
            return index - back + (3 if after else 0)
    return index

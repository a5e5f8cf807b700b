"""How Hugo writes a Markdown link's or image's address into the page, by who writes it.

- Goldmark's own renderer (no render hook): a `javascript:`, `vbscript:`, `file:` or `data:`
  address (but a PNG, GIF, JPEG or WebP `data:image/`) is written empty, unless
  `markup.goldmark.renderer.unsafe` (goldmark `html.IsDangerousURL`).
- A render hook, the site's or Hugo's embedded one, is a Go html/template: an address in
  `href` or `src` whose scheme is not http, https or mailto is written `#ZgotmplZ`, unless
  the template passes it through `safeURL` (Hugo's embedded hooks do not).
"""

from __future__ import annotations

GOLDMARK = "goldmark"
EMBEDDED = "embedded"  # Hugo's embedded link or image render hook
FILTERING = "filtering"  # a site hook that writes addresses without safeURL
AS_IS = "as-is"  # a site hook passing addresses through safeURL, or one not known

REFUSED = "#ZgotmplZ"  # what html/template writes for an address it refuses

_TEMPLATE_SCHEMES = frozenset({"http", "https", "mailto"})
_DANGEROUS = ("javascript:", "vbscript:", "file:", "data:")
_SAFE_DATA_IMAGES = ("png;", "gif;", "jpeg;", "webp;")


def written(address: str, writer: str, *, unsafe: bool) -> str:
    """The address as the page gets it."""
    if writer == GOLDMARK:
        return "" if not unsafe and goldmark_drops(address) else address
    if writer in (EMBEDDED, FILTERING) and template_refuses(address):
        return REFUSED
    return address


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

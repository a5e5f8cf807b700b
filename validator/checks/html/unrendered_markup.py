"""## What it does
Reports Markdown or Hugo syntax that reached the rendered page as text (outside `<code>`,
`<pre>`, `<kbd>`, `<samp>`, `<script>` and `<style>`, where it is shown on purpose):

* `{{< name >}}` / `{{% name %}}`: a shortcode Hugo did not run (in a title, a description
  or a `markdownify`d parameter). `{{</* name */>}}`, the documented way to show a
  shortcode, is recognised and not reported (the call it shows is not reported on that
  page at all); `{{\\< name >}}`, whose backslash makes it text, is.
* `HAHAHUGOSHORTCODE…HBHB`: Hugo's placeholder for a shortcode, left in a heading's id, a
  table of contents or a summary.
* `[^note]`: a footnote reference whose definition is missing.
* `|---|---|` in a paragraph: a table that did not render (no blank line before it, the
  header and delimiter rows have different cell counts, a delimiter row that starts
  `- |` and so is a list item, or the table extension is off).
* `**…**`: bold that did not render, as with punctuation just inside the asterisks and a
  letter just outside (`注意：**重要提示：**请先安装`, `使用**“引号”**强调`, `word**[a
  link](/x/)** word`, whose `[` and `)` are punctuation): the
  asterisks show, in Chinese and Japanese text above all; and `**` that opens a
  paragraph or a list item, or comes before a capitalised word inside one, and that
  nothing closes (`**Note: …`, `… **See [#1411](…); fixes`; not `**kwargs` in prose), and
  a `**` right after a word that nothing opens (`… en argument**`; not `2**10`). Only when the Markdown has the
  asterisks as shown: escaped ones (`\\*\\*`) are text on purpose, but bold with one of its
  `**` escaped and the other not (``**`**kwargs`\\*\\*``) is reported; and not in math
  (`$…$`, `\\(…\\)`, `$$…$$`, `\\[…\\]`), where `f^{**}` is no bold, nor `[^a]` a footnote.
* `{#id}` or `{.class}` in a heading that goldmark did not take as its attributes (not at
  the heading's end, or an id with a blank or a code span: `## Setup {#first steps}`), or
  any when the config turns heading attributes off; and a line of them under a paragraph,
  list or table (`{.note}`, kramdown's `{: .note}`) that Hugo shows: block attributes are
  off by default (`markup.goldmark.parser.attribute.block`), and goldmark reads no `{: …}`;
  and one right after an image (Pandoc's and kramdown's `![Chart](chart.png){width=50%}`),
  which goldmark never reads.
* `$$…$$`: display math, when the page loads no math renderer (KaTeX, MathJax) and the
  passthrough extension does not keep `$$…$$` for one (off, or without `$$` among its
  delimiters). With mdcheck's own rendering, which has no theme, a page
  is taken to load one when a template of the site or its themes, a string or key among
  the site's params (HTML a theme prints in the head, a theme's `[params.math.katex]`), or a
  script among their assets (a bundle built with `js.Build`) names KaTeX or MathJax (or a
  theme is missing).

## Why is this bad?
Readers see the raw syntax instead of the footnote, table, shortcode output or formula the
author wrote, and Hugo builds the page without a warning.

## Example
```markdown
Rob Pike said so.[^pike]
```

## Use instead
```markdown
Rob Pike said so.[^pike]

[^pike]: In his talk at Gopherfest, November 18, 2015.
```
"""

from __future__ import annotations

from dataclasses import dataclass, field

from validator.heading_ids import delimiter_flanks
from validator.html import Page
from validator.model import Finding, Rule
from validator.published import PagePass, RenderedSite, split_mapped
from validator.settings import Markup

KINDS = (
    "shortcode", "placeholder", "footnote", "table", "math", "emphasis", "attribute", "block-attribute",
    "image-attribute",
)
_WHAT = {
    "shortcode": "shortcode shown as text; Hugo does not run shortcodes here",
    "placeholder": "Hugo's shortcode placeholder leaked into the page",
    "footnote": "footnote reference shown as text; its definition is missing",
    "table": "table shown as text: its delimiter row (`|---|---|`) must have as many cells as the header row right "
    "above it",
    "math": "display math shown as text; enable the passthrough extension or load a math renderer",
    "emphasis": "bold shown as text with its asterisks: `**` between punctuation inside and a letter "
    "outside opens or closes nothing in Markdown; move the punctuation outside the `**`, or add a space",
    "attribute": "heading attribute shown as text: goldmark takes `{#id .class}` only at the heading's end, "
    "an id without blanks or markup (the heading's id is then made of its text)",
    "block-attribute": "block attribute shown as text: goldmark takes `{.class #id}` as a paragraph's, list's "
    "or table's attributes only on the line right below it",
    "image-attribute": "image attributes shown as text: goldmark reads none after an image (Pandoc's and "
    "kramdown's `{width=50%}`); size it with CSS, a render hook or the figure shortcode",
}
# The same, when the config leaves block attributes off (the default), or of kramdown's syntax
_BLOCK_ATTRIBUTES_OFF = (
    "block attribute shown as text: markup.goldmark.parser.attribute.block is off (the default), so `{.class #id}` "
    "below a paragraph, list or table is text; turn it on, or remove the line"
)
_KRAMDOWN_ATTRIBUTES = (
    "kramdown's attribute list shown as text: goldmark reads no `{: …}`; write `{.class #id}` (with "
    "markup.goldmark.parser.attribute.block on), or remove the line"
)
# The same, when the config turns footnotes off
_FOOTNOTES_OFF = "footnote shown as text: markup.goldmark.extensions.footnote = false turns footnotes off"
_TABLES_OFF = "table shown as text: markup.goldmark.extensions.table = false turns tables off"
_TABLE_AS_LIST = (
    "table shown as text: its delimiter row starts with a list marker and a blank (`- |`), which makes it a "
    "list item; start the row with `|` or write `-|`"
)
# A call written `{{\< x >}}`: Markdown's escape shows the `<`, and Hugo finds no call
_ESCAPED_OPENING = (
    "shortcode shown as text: the backslash in `{{\\<` makes it text, not a call; write `{{<` "
    "(or `{{</* x */>}}` to show a call)"
)
# The same, when the config turns heading attributes off
_ATTRIBUTES_OFF = (
    "heading attribute shown as text: markup.goldmark.parser.attribute.title = false turns them off "
    "(the heading's id is made of its text)"
)
# A paragraph's `**` that nothing closes
_EMPTY_BOLD = "bold around nothing (`****`, its words deleted) shown as text with its asterisks; remove them"
_UNCLOSED_BOLD = "bold opened with `**` and never closed in its paragraph: the asterisks show as text; close it"
# A `**` closing bold that nothing opened
_UNOPENED_BOLD = (
    "bold closed with `**` that no `**` opens in its paragraph: the asterisks show as text; open it, or remove them"
)
# The same, of bold whose `**` the Markdown escapes (`\*\*`)
_ESCAPED_BOLD = "bold shown as text with its asterisks: a `**` of it is written escaped (`\\*\\*`), which shows them; remove the backslashes"
# The same, of bold Markdown would render: the text around it was not rendered as Markdown
_UNRENDERED_BOLD = (
    "bold shown as text with its asterisks: the text was not rendered as Markdown (a `{{< >}}` call's content "
    "its template prints as it is, or an HTML block)"
)


def _flanks(text: str) -> bool:
    """Whether `**…**` is bold as goldmark reads it, with a letter on either side (the worst
    case for it): its first `**` can open, its last can close."""
    inner = text[2:-2]
    return bool(inner) and delimiter_flanks("*", "a", inner[0])[0] and delimiter_flanks("*", inner[-1], "a")[1]


@dataclass(frozen=True)
class Options:
    kinds: tuple[str, ...] = field(
        default=KINDS, metadata={"doc": f"Which leaks to report: {', '.join(KINDS)}."}
    )


def _math_passed_through(markup: Markup) -> bool:
    """Whether Hugo's passthrough extension keeps `$$…$$` raw, for a math renderer."""
    return markup.passthrough and any(opener == closer == "$$" for opener, closer, _ in markup.passthrough_delimiters)


def _may_be_bold(found: tuple[int, int, str], shown: str) -> bool:
    """Whether bold shown as `**…**` at (line, column, line text) may render in Hugo for all
    mdcheck's own rendering knows: one of its `**` touches a `{{% %}}` call's tag
    (`%}}**(a)**{{% /x %}}`), where Hugo puts what the template writes before Markdown reads
    the text (a `<span>` lets `**(` open bold, a letter does not), and with some such text
    both `**` would open and close. mdcheck's rendering has a placeholder in its stead."""
    _, column, text = found
    at, inner = column - 1, shown[2:-2]
    if not inner or not text.startswith(shown, at):
        return False
    end = at + len(shown)
    outside = "a", " ", ">"  # what a template may write there: a letter, a blank, a tag
    befores = outside if text[:at].endswith("%}}") else (text[at - 1] if at else " ",)
    afters = outside if text.startswith("{{%", end) else (text[end] if end < len(text) else " ",)
    if len(befores) == len(afters) == 1:
        return False  # it touches no call
    opens = any(delimiter_flanks("*", before, inner[0])[0] for before in befores)
    return opens and any(delimiter_flanks("*", inner[-1], after)[1] for after in afters)


def _in_template_call(text: str, at: int) -> bool:
    """Whether offset `at` of a line is inside a `{{< >}}` call: Hugo writes its output
    after goldmark has read the page."""
    start = text.rfind("{{<", 0, at)
    return start >= 0 and text.find(">}}", start) >= at


def check(rendered: RenderedSite, opts: Options) -> PagePass:
    findings: list[tuple[str, Finding, bool]] = []
    own_rendering = rendered.published.root is None

    def visit(page: Page) -> None:
        locator = rendered.locator(page)
        for leak in page.leaks:
            math_kept = page.math or rendered.math_renderer or _math_passed_through(rendered.markup)
            if leak.kind not in opts.kinds or (leak.kind == "math" and math_kept):
                continue
            if locator.escapes(leak):
                continue
            found = locator.leak(leak)
            if found is None and leak.kind == "emphasis":
                continue  # not written so in the Markdown: escaped (`\*\*`), or the theme's text
            if leak.kind == "emphasis" and own_rendering and _may_be_bold(found, leak.text):
                continue  # what a call's template writes next to it is not known without a build
            if leak.kind == "attribute" and found and _in_template_call(found[2], found[1] - 1):
                continue  # a `{{< >}}` call's text, which goldmark never reads (a title's `{...options}`)
            where = found[:2] if found else None
            what = _WHAT[leak.kind]
            if leak.kind == "emphasis" and "****" in leak.text:
                what = _EMPTY_BOLD
            elif leak.kind == "emphasis" and not leak.text.endswith("**"):
                what = _UNCLOSED_BOLD
            elif leak.kind == "emphasis" and leak.text.count("**") == 1:
                what = _UNOPENED_BOLD
            elif leak.kind == "emphasis" and found and "\\*\\*" in found[2][found[1] - 1 :]:
                what = _ESCAPED_BOLD
            elif leak.kind == "emphasis" and _flanks(leak.text):
                what = _UNRENDERED_BOLD
            elif leak.kind == "attribute" and not rendered.markup.attribute_title:
                what = _ATTRIBUTES_OFF
            elif leak.kind == "block-attribute" and leak.text.startswith("{:"):
                what = _KRAMDOWN_ATTRIBUTES
            elif leak.kind == "block-attribute" and not rendered.markup.attribute_block:
                what = _BLOCK_ATTRIBUTES_OFF
            elif leak.kind == "footnote" and not rendered.markup.footnote:
                what = _FOOTNOTES_OFF
            elif leak.kind == "table" and not rendered.markup.table:
                what = _TABLES_OFF
            elif leak.kind == "table" and found and found[2].lstrip().startswith(("- ", "+ ", "* ")):
                what = _TABLE_AS_LIST
            elif leak.kind == "shortcode" and found and found[2][found[1] - 1 :].startswith(("{{\\<", "{{\\%")):
                what = _ESCAPED_OPENING
            # (a delimiter row as the Markdown writes it, not as the typographer made its dashes)
            text = found[2].strip() if leak.kind == "table" and found else leak.text
            shown = text if len(text) <= 80 else text[:79] + "…"
            message = f"{shown!r}: {what}"
            findings.append(rendered.keyed(leak.kind + leak.text, page, message, (leak.line, leak.column), where))

    return PagePass(rendered.pages, visit, lambda: split_mapped(findings))


RULE = Rule(
    id="unrendered-markup",
    summary="Markdown or shortcode syntax shown as text on the page",
    stage="html",
    options=Options,
    check=check,
    doc=__doc__,
    same_defect_as=(
        "footnote-undefined", "table-column-count", "shortcode-unclosed", "shortcode-content-markdown",
        "markdown-in-html-block", "emphasis-spaces", "link-shown-as-text", "front-matter-shortcode",
    ),
)

"""The embedded renderer: a parsed Document's `.Content` HTML, the way Hugo 0.168 renders it.

Used by the rendered pass when there is no built site. What must equal Hugo's output is the
structure the HTML rules read: element ids (headings, definition terms, footnotes), link
hrefs and image srcs, heading texts, the `<!-- raw HTML omitted -->` placeholders and the
visible text. Presentation Hugo adds on top (syntax highlighting, table indentation) is
approximated.

It renders `doc.tokens` with markdown-it's renderer machinery and rules of its own where
goldmark differs: heading and definition-term ids (those of `document.py`), footnote markup
and numbering, Hugo's raw HTML filter, goldmark's typographer, `<del>`, task-list inputs,
Hugo's code-block and table markup, `linkifyProtocol` for linkified `www.` links, no summary divider.

Shortcodes: the Document replaces each call by a placeholder, as Hugo does; Hugo splices the
call's output in afterwards. Their output is unknown here, so a call becomes an inert marker,
`<span data-mdcheck-shortcode="name"></span>` inline or `<div …></div>` when it is a paragraph
of its own (Hugo then drops the `<p>`); the marker of a `{{< >}}` call whose template renders
its content as the page's Markdown (`Document.page_rendered_contents`) holds that content
rendered. In an attribute (a link destination, an image's alt text) the unknown output is
left out and the element gets a `data-mdcheck-shortcode` attribute; in a raw HTML tag the
output is ` data-mdcheck-shortcode `, which marks the element whether it lands among the
attributes or in a value. Known outputs: `ref`/`relref` give the URL `resolve_ref` returns
(the site's `refLinksNotFoundURL` when it returns None or is not given); in an attribute,
Hugo's `param` gives the value it prints; `highlight` gives a code block of its inner
text. A heading whose id depends on shortcode output carries the attribute too.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from validator.addresses import EMBEDDED, SCHEME, Writer, escaped_as_go_writes, written
from validator.document import (
    PLACEHOLDER,
    PLACEHOLDER_MARK,
    REF_SHORTCODES,
    SUMMARY_DIVIDER,
    Document,
    ShortcodeUse,
    has_closure_line,
)
from validator.heading_ids import Quotes, substitution_html, typographer  # goldmark's typographer, shared
from validator.html import HOOKED_ALT_KNOWN
from validator.markdown import WRITTEN_DESTINATION
from validator import highlight
from validator.settings import LINK_HOOKS, PAGE_FINDING_LINK_HOOK, PASSTHROUGH
from validator.site import predict_url, printed_params

RefResolver = Callable[[ShortcodeUse], str | None]

SHORTCODE_ATTRIBUTE = "data-mdcheck-shortcode"
OMITTED = "<!-- raw HTML omitted -->"
BACKLINK = "&#x21a9;&#xfe0e;"
# Where goldmark's typographer may substitute: quotes, and the runs `--`, `...`, `<<`, `>>`.
_TYPOGRAPHER_CANDIDATE = re.compile(r"'|\"|--|\.\.\.|<<|>>")  # literals only: a fast search
_TASK_INPUT = re.compile(r'<input class="task-list-item-checkbox"( checked="checked")?')
# The site's link hooks whose output for a link mdcheck does not write (their pages' links
# are checked in the Markdown, or with --build)
_UNFOLLOWED_LINK_HOOKS = LINK_HOOKS - {PAGE_FINDING_LINK_HOOK}
# A tag that loads KaTeX or MathJax (a script, a style sheet)
_MATH_TAG = re.compile(r"<(?:script|link)\b[^<>]*?(?:katex|mathjax)[^<>]*>", re.IGNORECASE)
# Placeholders in the output, alone in a paragraph or not.
_OUTPUT_PLACEHOLDER = re.compile(r"<p>HAHAHUGOSHORTCODE(\d+)HBHB</p>|HAHAHUGOSHORTCODE(\d+)HBHB")
# A shortcode comment `{{</* x */>}}` is printed as `{{< x >}}` (its `<` and `>` escaped or not).
_COMMENT_DELIMITERS = re.compile(r"(\{\{(?:<|&lt;|%)\s*)/\*|\*/(\s*(?:>|&gt;|%)\}\})")
_TAG_OR_MARK = re.compile(r"<[^>]*>|[*_`]")


def _plain(markdown: str) -> str:
    """A caption's text, about as Hugo's `plainify` of its rendering gives it."""
    return " ".join(_TAG_OR_MARK.sub("", markdown).split())


def render_document(doc: Document, *, resolve_ref: RefResolver | None = None, contents: bool = True) -> str:
    """The page's `.Content` HTML as Hugo would render `doc`; with the content of the
    `{{< >}}` calls whose template renders it as the page's (`page_rendered_contents`) inside
    their markers, unless not `contents` (a content's own calls: nesting stays linear). Pure;
    never raises."""
    if not doc.tokens:
        return ""
    page = _Page.of(doc, resolve_ref, contents)
    renderer = _HugoRenderer(page)
    options = OptionsDict({"html": True, "xhtmlOut": doc.markup.xhtml, "breaks": doc.markup.hard_wraps})
    html = page.expand(renderer.render(page.body, options, {}) + renderer._footnote_list(options))
    if any(use.kind == "comment" for use in doc.shortcodes):
        html = _COMMENT_DELIMITERS.sub(r"\1\2", html)
    return html


# --- what the renderer knows of the page ---------------------------------------------------


def page_params(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    """The page's params `param` prints (see `param_value`), and its language's site's."""
    data = doc.cascaded if doc.cascaded is not None else doc.front_matter.data or {}
    return printed_params(data), doc.site.params_in(doc.language)


def param_value(key: str, params: tuple[dict[str, str], dict[str, str]]) -> str | None:
    """What Hugo's `param` shortcode prints of `key` given `page_params`: the page's param
    (its front matter, cascades included, then its `params` table), else the site's; None
    when neither holds a value printed as it is."""
    page, site = params
    key = key.lower()
    found = (page.get(key), page.get("params." + key), site.get(key))
    return next((value for value in found if value is not None), None)


def _marker_contents(doc: Document) -> dict[int, list[Document]]:
    """The contents each call's marker holds (`_Page.contents`), in file order: a `{{< >}}`
    call's own, and a `{{% %}}` call's in the marker of the call it is right inside. The
    contents whose links are not the page's (`Document.page_rendered_contents`) are there
    too: with the site's link hook, their links are its, unknown; with Hugo's embedded one,
    `markdownify` renders a content against the home page: rendered placed there, its `#x`
    links to the home page's `#x`, as Hugo writes it (checked with hugo 0.168)."""
    calls = doc.shortcode_calls
    held: dict[int, list[Document]] = {}
    own = doc.page_rendered_contents
    holders = _holders(calls) if own or doc.rendered_contents else {}
    for use, content in own:  # rendered as the page's own, its links written by the page's hooks
        placed = content.placed(
            url=doc.url, language=doc.language, site=doc.site, render_hooks=doc.render_hooks,
            address_writers=doc.address_writers,
        )
        held.setdefault(holders[id(use)], []).append(placed)
    if len(own) == len(doc.rendered_contents):
        return held
    if LINK_HOOKS & doc.render_hooks:  # the site's link hook writes their links: unknown
        hooks = doc.render_hooks | {"render-link"}
        for use, content in doc.contents_apart_from_page:
            held.setdefault(holders[id(use)], []).append(content.placed(render_hooks=hooks, site=doc.site))
    elif (others := doc.home_rendered_contents) and (home := predict_url(doc.site, "_index.md", {}, doc.language)):
        for use, content in others:
            placed = content.placed(url=home, address_writers=doc.address_writers, site=doc.site)
            held.setdefault(holders[id(use)], []).append(placed)
    return held


def _holders(calls: Sequence[ShortcodeUse]) -> dict[int, int]:
    """For each call (by `id`), the `id` of the call whose marker shows its content's
    rendering: the call in the page's Markdown that holds it, through the `{{< >}}` calls
    around it (their content is no Markdown of the page's); a `{{% %}}` call's content is in
    the marker of the call it is right in. One pass: a parent comes before its children."""
    outermost: list[int] = []  # each call's outermost `{{< >}}` call in a row above it, or itself
    for index, use in enumerate(calls):
        parent = use.parent
        outermost.append(outermost[parent] if parent is not None and calls[parent].notation == "<" else index)
    holders = {}
    for index, use in enumerate(calls):
        inside = use.notation == "%" and use.parent is not None
        holders[id(use)] = id(calls[outermost[use.parent if inside else index]])
    return holders


@dataclass
class _Page:
    """A Document prepared for rendering: token ranges, ids and footnote numbers."""

    doc: Document
    resolve_ref: RefResolver | None
    body: list[Token]  # the tokens outside footnote definitions (and without the divider)
    calls: list[ShortcodeUse]  # placeholder index -> call
    headings: dict[int, tuple[str | None, bool]]  # id(heading_open) -> (id, predictable)
    terms: dict[int, str]  # id(dt_open) -> id
    notes: dict[str, list[Token]]  # footnote label -> its definition's tokens, in number order
    numbers: dict[int, tuple[int, int]]  # id(footnote_ref) -> (number, k-th reference)
    counts: dict[int, int] = field(default_factory=dict)  # number -> references
    # id(call) -> the contents its marker holds rendered: its own, or those of the `{{% %}}`
    # calls right inside it (`{{% tab %}}` in `{{< tabpane >}}`)
    contents: dict[int, list[Document]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, resolve_ref: RefResolver | None, contents: bool) -> _Page:
        tokens = doc.tokens
        body, definitions = _split_footnotes(tokens)
        numbers, counts, order = _number_footnotes(tokens, definitions)
        return cls(
            doc=doc,
            resolve_ref=resolve_ref,
            body=body,
            calls=[use for use in doc.shortcodes if use.kind != "comment"],
            headings={
                id(token): (heading.id, heading.id_predictable)
                for token, heading in zip(
                    (t for t in tokens if t.type == "heading_open"), doc.headings, strict=False
                )
            },
            terms=_term_ids(doc) if doc.markup.auto_definition_term_id else {},
            notes={label: definitions[label] for label in order},
            numbers=numbers,
            counts=counts,
            contents=_marker_contents(doc) if contents else {},
        )

    # Shortcodes ----------------------------------------------------------------------------

    def call(self, index: str) -> ShortcodeUse | None:
        number = int(index)
        return self.calls[number] if number < len(self.calls) else None

    def ref_url(self, use: ShortcodeUse) -> str | None:
        """The URL a ref/relref gives: None when there is no resolver (its output is then
        unknown, like any shortcode's); the site's not-found URL when it finds nothing."""
        if self.resolve_ref is None:
            return None
        url = self.resolve_ref(use)
        return self.doc.site.ref_links_not_found_url if url is None else url

    def attribute_value(self, value: str) -> tuple[str, str | None]:
        """An attribute with its placeholders replaced: ref URLs, unknown output left out.

        Returns the value and the name of a shortcode whose output is missing from it."""
        if PLACEHOLDER_MARK not in value:
            return value, None
        unknown: list[str] = []

        def replace(match: re.Match[str]) -> str:
            use = self.call(match[1])
            if use is not None and use.template in REF_SHORTCODES:
                found = self.ref_url(use)
            elif use is not None and use.template == "param" and self._embedded("param"):
                found = self.param_value(str(use.param("", 0) or ""))
            else:
                found = None
            if found is not None:
                return found
            unknown.append(use.name if use else "")
            return ""

        value = PLACEHOLDER.sub(replace, value)
        return value, (unknown[0] if unknown else None)

    def param_value(self, key: str) -> str | None:
        return param_value(key, self._params)

    @functools.cached_property
    def _params(self) -> tuple[dict[str, str], dict[str, str]]:
        return page_params(self.doc)

    def expand(self, html: str) -> str:
        """Splice shortcode output into the rendered HTML, as Hugo does after rendering:
        a placeholder that is a paragraph of its own replaces the paragraph."""
        if PLACEHOLDER_MARK not in html:
            return html
        out: list[str] = []
        in_tag = False
        seen: set[int] = set()
        cursor = 0
        rewritten: list[ShortcodeUse] = []  # the open {{% %}} calls whose template rewrites their content
        for match in _OUTPUT_PLACEHOLDER.finditer(html):
            start = match.start()
            # In a tag when the last `<` or `>` since the previous placeholder is a `<`.
            opened, closed = html.rfind("<", cursor, start), html.rfind(">", cursor, start)
            if opened != closed:
                in_tag = opened > closed
            out.append(_unknown_addresses(html[cursor:start], rewritten[-1].name) if rewritten else html[cursor:start])
            cursor = match.end()
            index = match[1] or match[2]
            use = self.call(index)
            if use is not None and use.notation == "%" and use.template in self.doc.site.shortcodes_rewriting_inner:
                if int(index) in seen:
                    rewritten = [one for one in rewritten if one is not use]
                else:
                    rewritten.append(use)
            if use is None or (use.notation == "%" and int(index) in seen):
                continue  # the closing tag of a {{% %}} call: the call is marked once
            seen.add(int(index))
            out.append(self._output(use, block=match[1] is not None, in_tag=in_tag))
        out.append(html[cursor:])
        return "".join(out)

    def _output(self, use: ShortcodeUse, *, block: bool, in_tag: bool) -> str:
        url = self.ref_url(use) if use.template in REF_SHORTCODES else None
        if url is not None:
            return escapeHtml(url)
        if in_tag:
            # In raw HTML's tag: a bare attribute among the attributes, or the marker's name
            # inside an attribute's value (`href="{{% param repo %}}"`); either marks the element.
            return f" {SHORTCODE_ATTRIBUTE} "
        if use.template == "highlight" and use.notation == "<":
            return self._highlight(use)
        if use.template == "figure" and use.notation == "<" and self._embedded("figure"):
            return self._figure(use)
        element = "div" if block else "span"
        inner = "".join(
            render_document(content, resolve_ref=self.resolve_ref, contents=False)
            for content in self.contents.get(id(use), ())
        )
        if not block and inner.startswith("<p>") and inner.count("<p>") == 1 and inner.endswith("</p>\n"):
            inner = inner[3:-5]  # one paragraph, written inline as `markdownify` does
        if use.name.endswith(".inline") and self.doc.site.enable_inline_shortcodes:
            # An inline shortcode's content is its template: the tags of it that load a math
            # renderer (PaperMod's `math.inline` of KaTeX) load it on the page
            inner += "".join(
                found[0] + ("</script>" if found[0][1:7].lower() == "script" else "")
                for found in _MATH_TAG.finditer(self.doc.inner_text(use))
            )
        return f'<{element} {SHORTCODE_ATTRIBUTE}="{escapeHtml(use.name)}">{inner}</{element}>'

    def _embedded(self, name: str) -> bool:
        """Whether Hugo runs its own template for the shortcode `name`: the site and its
        themes (all found) have none of that name."""
        site = self.doc.site
        return site.root is not None and not site.templates_missing and name not in site.shortcodes

    def _figure(self, use: ShortcodeUse) -> str:
        """Hugo's `figure` (0.168), what the checks read of it: the image, its `src` an
        asset's URL when the assets hold that path (a page resource's is the path itself),
        else as written; `alt`, else the caption's text; in a link when `link` is given."""
        src = str(use.param("src") or "")
        path = src.removeprefix("./")
        if path and not path.startswith("/") and not SCHEME.match(path) and self._is_asset(path.split("?")[0]):
            src = "/" + path
        alt = use.param("alt") or _plain(str(use.param("caption") or ""))
        image = f'<img src="{escapeHtml(src)}"' + (f' alt="{escapeHtml(str(alt))}"' if alt else "") + ">"
        if link := use.param("link"):
            image = f'<a href="{escapeHtml(str(link))}">{image}</a>'
        return f"<figure>{image}</figure>"

    def _is_asset(self, path: str) -> bool:
        for folder, under in self.doc.site.asset_dirs or ():
            inner = path if not under else path.removeprefix(under + "/") if path.startswith(under + "/") else None
            if inner is not None and os.path.isfile(os.path.join(folder, inner)):
                return True
        return False

    def _highlight(self, use: ShortcodeUse) -> str:
        """Hugo's `highlight` shortcode: its inner text, de-indented, as a code block."""
        language = use.param("", 0)
        code = self.doc.inner_text(use)
        return _code_block(code, str(language) if language is not None else "", self.doc.highlight_line_ids(use))



_ADDRESS_TAG = re.compile(r"<(a|img)\b")


def _unknown_addresses(html: str, name: str) -> str:
    """`html` with its links and images marked as the output of shortcode `name`, whose
    template rewrites its content (their addresses are not known)."""
    return _ADDRESS_TAG.sub(lambda tag: f'<{tag[1]} {SHORTCODE_ATTRIBUTE}="{escapeHtml(name)}"', html)


def _split_footnotes(tokens: Sequence[Token]) -> tuple[list[Token], dict[str, list[Token]]]:
    """The body tokens, and each footnote definition's inner tokens by label (first wins)."""
    body: list[Token] = []
    definitions: dict[str, list[Token]] = {}
    current: list[Token] | None = None
    depth = 0
    divider_seen = False
    for token in tokens:
        kind = token.type
        if kind == "footnote_reference_open":
            depth += 1
            if depth == 1:
                current = []
                definitions.setdefault(str((token.meta or {}).get("label", "")), current)
            continue
        if kind == "footnote_reference_close":
            depth = max(depth - 1, 0)
            continue
        if depth:
            if current is not None:
                current.append(token)
        elif not divider_seen and kind == "html_block" and token.content.strip() == SUMMARY_DIVIDER:
            divider_seen = True  # the summary divider never reaches the output
        else:
            body.append(token)
    return body, definitions


def _number_footnotes(
    tokens: Sequence[Token], definitions: dict[str, list[Token]]
) -> tuple[dict[int, tuple[int, int]], dict[int, int], list[str]]:
    """goldmark's footnote numbers: by first reference in the order goldmark parses inlines,
    where every definition is visited at the place of the first one.

    Returns (footnote_ref -> (number, k-th reference), number -> references, labels by number).
    """
    if not definitions:
        return {}, {}, []
    before: list[Token] = []
    inside: list[Token] = []
    after: list[Token] = []
    depth = 0
    seen_definition = False
    for token in tokens:
        kind = token.type
        if kind == "footnote_reference_open":
            depth += 1
            seen_definition = True
        elif kind == "footnote_reference_close":
            depth = max(depth - 1, 0)
        elif kind == "inline":
            refs = [child for child in token.children or () if child.type == "footnote_ref"]
            (inside if depth else after if seen_definition else before).extend(refs)
    numbers: dict[int, tuple[int, int]] = {}
    assigned: dict[str, int] = {}
    counts: dict[int, int] = {}
    for ref in (*before, *inside, *after):
        label = str((ref.meta or {}).get("label", ""))
        if label not in definitions:
            continue
        number = assigned.setdefault(label, len(assigned) + 1)
        numbers[id(ref)] = (number, counts.get(number, 0))
        counts[number] = counts.get(number, 0) + 1
    return numbers, counts, list(assigned)


def _term_ids(doc: Document) -> dict[int, str]:
    """Ids of definition terms (autoDefinitionTermID), by the id() of their dt_open token."""
    terms = [token for token in doc.tokens if token.type == "dt_open"]
    return {id(token): value for token, value in zip(terms, doc.term_ids) if value}


# --- the renderer ---------------------------------------------------------------------------


class _HugoRenderer(RendererHTML):
    """markdown-it's HTML renderer with goldmark's (and Hugo's) output where they differ.

    Methods named after a token type are render rules; helpers start with `_`.
    """

    def __init__(self, page: _Page) -> None:
        # Not RendererHTML.__init__: it inspects the class on every page, and its table of
        # bound methods is a reference cycle keeping the page's tokens alive. See _RULES.
        self._page = page
        self._markup = page.doc.markup
        self._typographer = page.doc.markup.typographer
        self._substitutions = substitution_html(page.doc.markup.typographer_html)  # goldmark writes them as HTML
        self._quotes = Quotes()
        self._fences = 0  # the fenced code blocks rendered so far: Hugo numbers them in this order
        self._autolink = False  # inside an autolink or linkified URL: no typographer

    # Blocks --------------------------------------------------------------------------------

    def heading_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        heading_id, predictable = self._page.headings.get(id(token), (token.attrGet("id"), True))
        attrs = {key: value for key, value in token.attrItems() if key != "id"}
        if heading_id:
            attrs = {"id": heading_id, **attrs}
        if not predictable:
            attrs[SHORTCODE_ATTRIBUTE] = ""
        return f"<{token.tag}{_attributes(attrs)}>"

    def dt_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        term_id = self._page.terms.get(id(tokens[idx]))
        return f'<dt id="{escapeHtml(term_id)}">' if term_id else "<dt>"

    def bullet_list_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self._without_class(tokens, idx, options, env, "contains-task-list")

    def ordered_list_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self._without_class(tokens, idx, options, env, "contains-task-list")

    def list_item_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return self._without_class(tokens, idx, options, env, "task-list-item")

    def _without_class(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType, name: str
    ) -> str:
        token = tokens[idx]
        if token.attrGet("class") != name:
            return self.renderToken(tokens, idx, options, env)
        plain = token.copy(attrs={k: v for k, v in token.attrs.items() if k != "class"})
        window = [*tokens[max(idx - 1, 0) : idx], plain, *tokens[idx + 1 : idx + 2]]
        return self.renderToken(window, min(idx, 1), options, env)

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        info = token.info.strip()
        language = highlight.language(info)
        site = self._markup.highlight
        shown = highlight.highlighted(info, site)
        ids = highlight.line_ids(highlight.options(info), highlight.line_count(token.content), self._fences, site)
        self._fences += 1
        return _code_block(token.content, language, ids if shown else (), highlight.fence_id(info, site)) + "\n"

    def code_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f"<pre><code>{escapeHtml(tokens[idx].content)}</code></pre>\n"

    def html_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = tokens[idx].content
        if self._markup.unsafe:
            return content
        if content.startswith("<!--"):
            return ""  # Hugo drops comments silently
        return f"{OMITTED}\n" * (2 if has_closure_line(content) else 1)

    def table_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        attrs = tokens[idx].attrs
        return f"<table{_attributes(attrs) if attrs else ''}>\n"

    def thead_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        following = tokens[idx + 1] if idx + 1 < len(tokens) else None
        empty_body = following is None or following.type != "tbody_open"
        return "</thead>\n" + ("<tbody>\n</tbody>\n" if empty_body else "")

    def th_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return _cell(tokens[idx])

    def td_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return _cell(tokens[idx])

    def render(self, tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
        out: list[str] = []
        split = -1  # the inline token of a paragraph `_split_paragraph` rendered whole
        for index, token in enumerate(tokens):
            kind = token.type
            if index <= split + 1 and split >= 0:
                continue  # its inline token and paragraph_close
            if kind == "paragraph_open" and _holds_block_passthrough(tokens, index + 1):
                out.append(self._split_paragraph(tokens, index, options, env))
                split = index + 1
            elif kind == "inline":
                task = _opens_task_item(tokens, index)
                out.append(self._inline(token.children or (), options, env, task=task))
            else:
                out.append(self._rendered(kind, tokens, index, options, env))
        return "".join(out)

    def _split_paragraph(self, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType) -> str:
        """A paragraph holding passthroughs with block delimiters, split there as Hugo's
        extension splits it: the raw text between paragraphs of the rest (none left empty);
        in a tight list item, the text around it trimmed and a line break after each part
        before one (checked with hugo 0.168)."""
        tight = tokens[index].hidden
        parts: list[list[Token] | Token] = []
        run: list[Token] = []
        for child in tokens[index + 1].children or ():
            if child.type == PASSTHROUGH and child.meta.get("block"):
                parts += [run, child] if run else [child]
                run = []
            else:
                run.append(child)
        parts += [run] if run else []
        out = []
        for number, part in enumerate(parts):
            if isinstance(part, Token):
                out.append(part.content)
                continue
            task = number == 0 and _opens_task_item(tokens, index + 1)
            if not tight:
                out.append(f"<p>{self._inline(part, options, env, task=task)}</p>\n")
                continue
            before_block, after_block = number + 1 < len(parts), number > 0
            part = _trimmed(part, start=after_block, end=before_block)
            out.append(self._inline(part, options, env, task=task) + ("\n" if before_block else ""))
        return "".join(out)

    def _rendered(self, kind: str, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """A token by its type's rule, or as a plain tag."""
        rule = _RULES.get(kind)
        return rule(self, tokens, idx, options, env) if rule else self.renderToken(tokens, idx, options, env)

    def renderToken(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """markdown-it's default rendering of a tag token (the same output, less overhead)."""
        token = tokens[idx]
        if token.hidden:
            return ""
        nesting = token.nesting
        tag = f"{'</' if nesting == -1 else '<'}{token.tag}{_attributes(token.attrs) if token.attrs else ''}"
        if nesting == 0 and options["xhtmlOut"]:
            tag += " /"
        if not token.block:
            return tag + ">"
        if nesting != -1 and idx and tokens[idx - 1].hidden:
            tag = "\n" + tag  # after a hidden paragraph (tight list), an opening block tag
        if nesting == 1 and idx + 1 < len(tokens):
            following = tokens[idx + 1]
            if (
                following.type == "inline"
                or following.hidden
                or (following.nesting == -1 and following.tag == token.tag)
            ):
                return tag + ">"
        return tag + ">\n"

    # Footnotes -----------------------------------------------------------------------------

    def _footnote_list(self, options: OptionsDict) -> str:
        """The list Hugo appends to the content: one item per referenced footnote."""
        if not self._page.notes:
            return ""
        rule = "<hr />" if self._markup.xhtml else "<hr>"
        items = []
        prefix = self._page.doc.footnote_prefix
        for number, tokens in enumerate(self._page.notes.values(), start=1):
            backlinks = "".join(
                f'&#160;<a href="#{prefix}{_ref_id(number, k)}" class="footnote-backref" '
                f'role="doc-backlink">{BACKLINK}</a>'
                for k in range(self._page.counts.get(number, 0))
            )
            items.append(f'<li id="{prefix}fn:{number}">\n{self._note_body(tokens, backlinks, options)}</li>\n')
        return f'<div class="footnotes" role="doc-endnotes">\n{rule}\n<ol>\n{"".join(items)}</ol>\n</div>\n'

    def _note_body(self, tokens: list[Token], backlinks: str, options: OptionsDict) -> str:
        """A definition's blocks, the back-links inside its last paragraph when it ends
        with one (goldmark appends them to that paragraph), else after its blocks."""
        if tokens and tokens[-1].type == "paragraph_close" and tokens[-1].level == tokens[0].level:
            html = self.render(tokens[:-1], options, {})
            return html + backlinks + self.render(tokens[-1:], options, {})
        return self.render(tokens, options, {}) + backlinks

    # Inline --------------------------------------------------------------------------------

    def _inline(self, children: Sequence[Token], options: OptionsDict, env: EnvType, *, task: bool) -> str:
        out = []
        first = children[0] if task and children else None
        box = _TASK_INPUT.match(first.content) if first is not None and first.type == "html_inline" else None
        if box is not None and len(children) > 1 and children[1].type == "text":
            # goldmark's box takes the blanks after it, and writes one
            children = [children[0], children[1].copy(content=children[1].content.lstrip()), *children[2:]]
        for index, child in enumerate(children):
            kind = child.type
            if kind == "text":
                out.append(self._text(children, index))
                continue
            if index == 0 and box is not None:
                checked = 'checked="" ' if box[1] else ""
                out.append(f'<input {checked}disabled="" type="checkbox"> ')
                continue
            out.append(self._rendered(kind, children, index, options, env))
        return "".join(out)

    def _text(self, children: Sequence[Token], index: int) -> str:
        content = children[index].content
        typeset = self._typographer and not self._autolink
        found_at = _TYPOGRAPHER_CANDIDATE.search(content) if typeset else None
        if found_at is None:
            return escapeHtml(content)
        before = _source_end(children, index - 1) if index else "\n"
        after = _source_start(children, index + 1) if index + 1 < len(children) else ""
        return "".join(self._typeset(content, before, after, found_at))

    def _typeset(
        self, text: str, before: str, after: str, found_at: re.Match[str] | None
    ) -> Iterator[str]:
        """goldmark's typographer over one text node: entities for its substitutions.

        Only candidates are tried (`found_at` is the first): elsewhere it substitutes nothing,
        and a substitution that reaches past the text is not made."""
        source = text + after
        last = run = 0
        while found_at:
            index = found_at.start()
            char = text[index]
            if index >= run or source[run - 1] != char:  # the end of this run of `char`
                run = index + 1
                while run < len(source) and source[run] == char:
                    run += 1
            # The typographer reads the run (a few of its characters are enough) and at
            # most 4 bytes more of the line.
            window = (source[index : min(run, index + 8)] + source[run : run + 5]).split("\n", 1)
            line = window[0] + ("\n" if len(window) > 1 else "")
            previous = text[index - 1] if index else before
            found = typographer(line.encode(), previous, self._quotes)
            if found and index + found[0] <= len(text):
                yield escapeHtml(text[last:index])
                yield self._substitutions[found[1]]
                last = index + found[0]
                found_at = _TYPOGRAPHER_CANDIDATE.search(text, last)
            else:
                found_at = _TYPOGRAPHER_CANDIDATE.search(text, index + 1)
        yield escapeHtml(text[last:])

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        self._autolink = token.markup in ("autolink", "linkify")
        href = token.attrGet("href") or ""
        doc = self._page.doc
        if doc.hooks_written[0]:  # a hook is given the destination as written
            href = (token.meta or {}).get(WRITTEN_DESTINATION, href)
        # a destination a hook that finds pages writes otherwise (gohugo.io's glossary `g`)
        special = href in doc.site.link_hook_specials and PAGE_FINDING_LINK_HOOK in doc.render_hooks
        text = tokens[idx + 1].content if idx + 1 < len(tokens) else ""
        if token.markup == "linkify" and href.startswith("http://") and text.startswith("www."):
            href = f"{doc.markup.linkify_protocol}://" + href.removeprefix("http://")  # linkifyProtocol
        elif self._page.doc.embedded_hooks[0] or PAGE_FINDING_LINK_HOOK in self._page.doc.render_hooks:
            href = self._embedded(href)  # or a project's hook that does as Hugo's does
        href = self._written(href, self._page.doc.address_writers[0])
        attrs = dict(token.attrItems())
        attrs["href"], unknown = self._page.attribute_value(href)
        if doc.render_hooks & _UNFOLLOWED_LINK_HOOKS or special:
            # the site's own hook writes this link, an autolink too: its output is unknown
            unknown = "render-link"
        if unknown is not None:
            attrs[SHORTCODE_ATTRIBUTE] = unknown
        return f"<a{_attributes(attrs)}>"

    def link_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        self._autolink = False
        return "</a>"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        src = token.attrGet("src") or ""
        if self._page.doc.hooks_written[1]:
            src = (token.meta or {}).get(WRITTEN_DESTINATION, src)  # as a hook is given it
        if self._page.doc.embedded_hooks[1]:
            src = self._embedded(src)
        src = self._written(src, self._page.doc.address_writers[1])
        src, unknown = self._page.attribute_value(src)
        alt, unknown_alt = self._page.attribute_value(
            self.renderInlineAsText(token.children, options, env)
        )
        attrs: dict[str, str | int | float] = {"src": src, "alt": alt}
        title = token.attrGet("title")
        if title:
            attrs["title"] = title
        if "render-image" in self._page.doc.render_hooks:
            # The site's own hook writes this image: its alt is known when the hook writes the
            # Markdown's (none when empty, with `with .Text`)
            writes_alt = self._page.doc.site.image_hook_alt if unknown_alt is None else ""
            unknown = HOOKED_ALT_KNOWN if writes_alt else "render-image"
            if writes_alt == "with-text" and not alt.strip():
                del attrs["alt"]
        if unknown is not None or unknown_alt is not None:
            attrs[SHORTCODE_ATTRIBUTE] = unknown if unknown is not None else str(unknown_alt)
        close = " />" if self._markup.xhtml else ">"
        return f"<img{_attributes(attrs)}{close}"

    def _written(self, address: str, writer: Writer) -> str:
        if PLACEHOLDER_MARK in address:
            return address
        address = written(address, writer, unsafe=self._markup.unsafe)
        return escaped_as_go_writes(address) if writer.kind == EMBEDDED else address

    def _embedded(self, destination: str) -> str:
        """Hugo's embedded link/image render hook: `#frag` on the page's own URL, other
        local destinations resolved like `relref` (kept as written when not found)."""
        if destination.startswith("#") and destination != "#":
            return (self._page.doc.url or "") + destination
        if not destination or SCHEME.match(destination) or PLACEHOLDER_MARK in destination:
            return destination
        path, hash_mark, fragment = destination.partition("#")
        path, question, query = path.partition("?")
        if not path or self._page.resolve_ref is None:
            return destination
        use = ShortcodeUse("relref", "<", "self-closing", 0, 0, 0, (path,), (), (), destination)
        url = self._page.resolve_ref(use)
        if url is None:
            return destination
        return url + question + query + hash_mark + fragment

    def text_special(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return escapeHtml(tokens[idx].content)  # an escape or entity: never typographed

    def s_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "<del>"

    def s_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "</del>"

    def html_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = tokens[idx].content
        if self._markup.unsafe:
            return content
        return "" if content.startswith("<!--") else OMITTED

    def passthrough(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return tokens[idx].content  # raw, delimiters too, whatever `unsafe` says (a block's ends its paragraph)

    def softbreak(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        if self._markup.hard_wraps:
            return "<br />\n" if self._markup.xhtml else "<br>\n"
        return "\n"

    def hardbreak(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "<br />\n" if self._markup.xhtml else "<br>\n"

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        numbered = self._page.numbers.get(id(token))
        if numbered is None:  # no definition: goldmark leaves the text
            return escapeHtml(f"[^{(token.meta or {}).get('label', '')}]")
        number, k = numbered
        prefix = self._page.doc.footnote_prefix
        return (
            f'<sup id="{prefix}{_ref_id(number, k)}"><a href="#{prefix}fn:{number}" class="footnote-ref" '
            f'role="doc-noteref">{number}</a></sup>'
        )


# Render rules by token type: the renderer's public methods, as RendererHTML collects them;
# functions, called with the renderer.
_RULES: dict[str, Callable[..., str]] = {
    name: function
    for name, function in inspect.getmembers(_HugoRenderer, predicate=inspect.isfunction)
    if not name.startswith(("render", "_"))
}


# --- helpers --------------------------------------------------------------------------------


def _holds_block_passthrough(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].type == "inline" and any(
        child.type == PASSTHROUGH and child.meta.get("block") for child in tokens[index].children or ()
    )


def _trimmed(children: list[Token], *, start: bool, end: bool) -> list[Token]:
    """Inline tokens with the blanks that begin (`start`) or end (`end`) their first or last
    text token removed."""
    children = list(children)
    if start and children and children[0].type == "text":
        children[0] = children[0].copy(content=children[0].content.lstrip(" \t"))
    if end and children and children[-1].type == "text":
        children[-1] = children[-1].copy(content=children[-1].content.rstrip(" \t"))
    return children


def _attributes(attrs: dict[str, str | int | float]) -> str:
    return "".join([f' {escapeHtml(key)}="{escapeHtml(str(value))}"' for key, value in attrs.items()])


def _opens_task_item(tokens: Sequence[Token], index: int) -> bool:
    """Whether the inline token at `index` begins a task item (its paragraph may open between)."""
    before = index - 1
    while before >= 0 and tokens[before].type == "paragraph_open":
        before -= 1
    return (
        before >= 0
        and tokens[before].type == "list_item_open"
        and tokens[before].attrs.get("class") == "task-list-item"
    )


def _ref_id(number: int, k: int) -> str:
    return f"fnref{k}:{number}" if k else f"fnref:{number}"


def _code_block(code: str, language: str, line_ids: Sequence[str] = (), block_id: str | None = None) -> str:
    """Hugo's code block (highlighting left out): a language gets the highlight wrapper, with
    the block's id (see highlight.fence_id); the ids of its lines' anchors (see
    validator.highlight) come first."""
    body = "".join(f'<span id="{escapeHtml(line_id)}"></span>' for line_id in line_ids) + escapeHtml(code)
    if not language and not block_id:
        return f'<pre tabindex="0"><code>{body}</code></pre>'
    lang = escapeHtml(language)
    named = f' id="{escapeHtml(block_id)}"' if block_id else ""
    return (
        f'<div class="highlight"{named}><pre tabindex="0"><code class="language-{lang}" '
        f'data-lang="{lang}">{body}</code></pre></div>'
    )


def _cell(token: Token) -> str:
    style = str(token.attrGet("style") or "")
    alignment = style.removeprefix("text-align:")
    return f'<{token.tag} style="text-align: {escapeHtml(alignment)}">' if style else f"<{token.tag}>"


def _source_end(tokens: Sequence[Token], index: int) -> str:
    """The last source character of an inline token, as goldmark's typographer sees it."""
    token = tokens[index]
    kind = token.type
    if kind == "link_close" and token.markup in ("autolink", "linkify"):
        return ">" if token.markup == "autolink" else tokens[index - 1].content[-1:]
    if kind == "text" or kind == "html_inline":
        return token.content[-1:] or "\n"
    if kind in ("softbreak", "hardbreak"):
        return "\n"
    if kind == "code_inline":
        return "`"
    if kind in ("link_close", "image"):
        return ")"
    if kind == "footnote_ref":
        return "]"
    if kind == "link_open":
        return "["
    return token.markup[-1:] or "\n"


def _source_start(tokens: Sequence[Token], index: int) -> str:
    """The source that begins an inline token, as far as the typographer looks ahead (a
    quote before a link or code span is curled by the characters past its bracket)."""
    token = tokens[index]
    kind = token.type
    following = tokens[index + 1].content if index + 1 < len(tokens) else ""
    if kind == "link_open":
        return {"linkify": "", "autolink": "<"}.get(token.markup, "[") + following
    if kind in ("text", "html_inline"):
        return token.content
    if kind in ("softbreak", "hardbreak"):
        return "\n"
    if kind == "code_inline":
        return token.markup + token.content
    if kind == "footnote_ref":
        return f"[^{token.meta.get('label', '')}]"
    if kind == "link_close":
        return "]"
    if kind == "image":
        return "![" + token.content
    return token.markup + following

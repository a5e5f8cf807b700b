"""What mdcheck needs to know of a Hugo site's configuration, with Hugo's defaults.

These records are filled by `validator.site.load_site`; everything else only reads them.
Defaults are Hugo 0.168's (see `hugo config`), so a content folder without any Hugo
configuration is checked the way Hugo would build it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from validator import template_text
from validator.addresses import AS_IS, EMBEDDED_WRITER, FILTERING, GOLDMARK_WRITER, Writer
from validator.highlight import Highlight

ID_TYPES = ("github", "github-ascii", "blackfriday")
USE_EMBEDDED = ("auto", "always", "fallback", "never")


PASSTHROUGH = "passthrough"  # the inline token of a passthrough's raw text (see Markup)

# A shortcode parameter whose value a template writes as an id: its name or position, as
# given, or `("anchorize", name or position)` through `anchorize` (SiteConfig)
IdParameter = str | int | tuple[str, str | int]


# The baseURL Hugo writes absolute URLs with when a site sets none (`ref`, `.Permalink`;
# checked with hugo 0.168)
HUGO_DEFAULT_BASE_URL = "https://example.org/"


@dataclass(frozen=True)
class Markup:
    """`markup.goldmark` and the few site keys that change how Markdown renders."""

    unsafe: bool = False
    auto_heading_id: bool = True
    auto_definition_term_id: bool = False  # <dt> terms get ids from the headings' id set
    id_type: str = "github"
    attribute_title: bool = True
    attribute_block: bool = False
    link_use_embedded: str = "auto"
    image_use_embedded: str = "auto"
    typographer: bool = True
    # The typographer's substitutions the config sets (name, HTML): `enDash = "--"` (etcd's)
    typographer_html: tuple[tuple[str, str], ...] = ()
    footnote: bool = True
    footnote_auto_id_prefix: bool = False
    linkify: bool = True
    linkify_protocol: str = "https"  # the scheme a bare `www.` link gets
    strikethrough: bool = True
    table: bool = True
    definition_list: bool = True
    task_list: bool = True
    passthrough: bool = False
    # Its delimiters, (open, close) pairs: the block ones first, as goldmark tries them, and
    # whether each is a block's (content between them is kept raw: math for a renderer).
    passthrough_delimiters: tuple[tuple[str, str, bool], ...] = ()
    hard_wraps: bool = False
    xhtml: bool = False
    enable_emoji: bool = False
    # Whether Hugo resolves plain Markdown links with its embedded link render hook
    # (`auto` means: only on multilingual single-host sites; decided by the loader).
    embedded_links: bool = False
    embedded_images: bool = False
    highlight: Highlight = Highlight()  # `markup.highlight`: what gives code lines ids
    # The heading levels whose headings get their id written: all but those the site's
    # heading render hook writes none for (site._Layouts.heading_id_levels)
    heading_id_levels: frozenset[int] = frozenset(range(1, 7))
    # The text the site's heading render hooks write around `.Anchor` in the id (`id="x-{{
    # .Anchor }}"`: ("x-", "")), None when they write it otherwise (site._Layouts.heading_id_form)
    heading_id_form: tuple[str, str] | None = ("", "")


@dataclass(frozen=True)
class Language:
    code: str  # lower-case language key, e.g. "fr"
    content_dir: str  # relative to the site root; the site's contentDir when not set
    weight: int = 0  # ordering: by weight, then code; weight 0 sorts last
    name: str = ""  # `label` (or the older `languageName`)
    base_url: str = ""  # a per-language baseURL: set on any language, the site is multihost
    locale: str = ""  # `locale` (Hugo 0.158+) or the older `languageCode`, e.g. "de-DE"
    # Its own `permalinks`, which replace the site's (see SiteConfig.permalinks); None: the site's
    permalinks: tuple[tuple[str, str], ...] | None = None
    markup: Markup | None = None  # its own `markup`, which replaces the site's; None: the site's
    params: tuple[tuple[str, str], ...] = ()  # its own `params`, over the site's (see SiteConfig.params)


@dataclass(frozen=True)
class ContentMount:
    """A `[[module.mounts]]` entry whose target is `content` or a path below it: the files
    under `source` are content files under `target`."""

    source: str  # a directory or a single file: relative to the site root, or absolute
    target: tuple[str, ...] = ()  # its place in the content: () for content itself, ("docs",)
    languages: tuple[str, ...] = ()  # the languages whose content it is
    files: tuple[str, ...] = ()  # Hugo's `files` glob slice: the files it mounts (`! ` excludes)
    is_file: bool = False  # a single file (`target` then ends with its name as content)


# The name `SiteConfig.render_hooks` gives a link render hook that writes the URL of the page
# `GetPage` finds for a destination, else the destination as written: as Hugo's embedded
# link hook does (see site._finds_pages).
PAGE_FINDING_LINK_HOOK = "render-link (GetPage)"
# The name it gives one that does so for a site-absolute destination alone (hextra's: `if
# hasPrefix $dest "/"`, then `with .PageInner.GetPage`) and writes any other as it is.
ABSOLUTE_FINDING_LINK_HOOK = "render-link (GetPage /)"
LINK_HOOKS = frozenset({"render-link", PAGE_FINDING_LINK_HOOK, ABSOLUTE_FINDING_LINK_HOOK})


@dataclass(frozen=True)
class HtmlBlockOpening:
    """How a shortcode's template leaves an HTML block open where it prints the call's
    content (`<div class="note">{{ .Inner }}`, read with hugo 0.168): Hugo lays a `{{% %}}`
    call's output into the page's Markdown, so the content's lines up to its first blank line
    join that block, written out as they are (or omitted without `unsafe`)."""

    # The block is open on the line the content starts (`<div>{{ .Inner }}`); else only on
    # the next one (`<div>` ending a line before `{{ .Inner }}`), which content written on
    # the call's own line reaches.
    on_its_line: bool
    # Whether the line that opens it ends a paragraph the call's line would continue: not a
    # lone tag of CommonMark's 7th kind (`<span class="x">`) at the call.
    ends_paragraph: bool
    # That lone tag opens it on the content's line: the call must end its line.
    needs_line_end: bool
    # The output before the content takes lines of its own, or the content is printed
    # de-indented (`.InnerDeindent`): they start at the page's left margin, out of any list or
    # quote the call is in (which its `>` lines then join), so only a call at the top level
    # is known to open the block.
    own_lines: bool
    shown: str  # the template's line that opens the block, as written, for messages
    # The content is printed trimmed of its leading blank lines (`.Inner | strings.TrimSpace`,
    # `trim .Inner "\n"`): it starts on the tag's line whatever blank lines follow the call
    trims: bool = False


# Hugo 0.168's own output formats (a page's `outputs` naming another stops the build)
HUGO_OUTPUT_FORMATS = frozenset({
    "amp", "calendar", "css", "csv", "gotmpl", "html", "json", "markdown", "robots", "rss", "sitemap",
    "sitemapindex", "webappmanifest",
})


# What the template analysis makes of Hugo's embedded `details` (shortcodes.EMBEDDED_TEXTS)
# on a site without its own: it reads and renders the call's content, writing HTML.
EMBEDDED_DETAILS = frozenset({"details"})
# The embedded shortcodes whose template writes HTML whatever it is given (hugo 0.168's): in
# Markdown (a `{{% %}}` call's output, a content rendered as Markdown), raw HTML Hugo omits
# without `unsafe`.
EMBEDDED_WRITING_HTML = frozenset({
    "details", "figure", "highlight", "instagram", "qr", "vimeo", "vimeo_simple", "x", "x_simple", "youtube",
})  # fmt: skip


@dataclass(frozen=True)
class SiteConfig:
    """A Hugo site as mdcheck sees it. `root` is None when no Hugo config was found."""

    root: Path | None = None
    config_files: tuple[Path, ...] = ()
    # The build environment the config was read for (`config/<environment>/`); `hugo` builds "production".
    environment: str = "production"
    content_dir: str = "content"
    publish_dir: str = "public"
    base_url: str = ""
    ugly_urls: bool = False
    canonify_urls: bool = False  # `canonifyURLs`: Hugo writes `/a/` in a page as baseURL + `a/`
    relative_urls: bool = False  # `relativeURLs`: Hugo writes `/a/` in a page relative to the site's root
    # Sections with ugly URLs when `uglyURLs` is a per-section table.
    ugly_url_sections: frozenset[str] = frozenset()
    # ("kind:target", pattern) pairs, first match wins, e.g. ("page:posts", "/:year/:slug/").
    # `target` is a section name, or a path glob starting with `/` for `[[permalinks]]` rules.
    permalinks: tuple[tuple[str, str], ...] = ()
    languages: tuple[Language, ...] = ()
    default_language: str = "en"
    disabled_languages: frozenset[str] = frozenset()  # the codes of those the config turns off
    # The content mounts, in Hugo's order (the first mount's file wins); empty when the config
    # has none: then each language's content dir is mounted, as Hugo's default mounts do.
    content_mounts: tuple[ContentMount, ...] = ()
    # The folders of the files Hugo copies as they are (`staticDir`, themes' `static`, mounts
    # to `static`), each with the publish-dir folder it copies them into ("" for the root);
    # None when not known for sure (see site._static_dirs), as outside a Hugo site.
    static_dirs: tuple[tuple[str, str], ...] | None = None
    # False when a missing theme or module may copy static files too: those of `static_dirs`
    # are then some of them
    static_dirs_all: bool = True
    # The data folders of the site and of its themes and modules (`data/`), whose values
    # templates print (heading-typo: a talk's title from `data/resources.yaml`)
    data_dirs: tuple[str, ...] = ()
    # The site's template folders (`layouts`, its own first, then its themes' and modules'):
    # where the snippet of a finding its templates make is sought (RenderedSite.template_place)
    layout_dirs: tuple[str, ...] = ()
    # Where the site's other HTML output formats write their pages (Docsy's print view,
    # `[outputFormats.print] path = "_print"`): pages that join other pages' content
    joining_paths: tuple[str, ...] = ()
    # The same for the assets (`assetDir`, themes' `assets`, mounts to `assets`), where
    # `resources.Get` looks, as Hugo's embedded render hooks do.
    asset_dirs: tuple[tuple[str, str], ...] | None = None
    # The content paths of the folders a theme's or module's content fills ("" for the
    # content's root), or a missing one's that its import mounts there: not followed, their
    # pages are not known without a build
    module_content: tuple[str, ...] = ()
    # The content paths of the folders with a content adapter (`_content.gotmpl`: `gen`,
    # `docs/keps`), whose pages a template makes: not known without a build
    content_adapters: tuple[str, ...] = ()
    pagination_path: str = "page"  # `pagination.path`: a list's later pages are at `page/2/`
    locale: str = ""  # the site's `locale` (or `languageCode`): its default language's
    default_language_in_subdir: bool = False
    themes: tuple[str, ...] = ()
    themes_dir: str = "themes"
    # The themesDir a build needs that the config does not give: a theme's example site's `../..`
    build_themes_dir: str | None = None
    markup: Markup = field(default_factory=Markup)
    enable_inline_shortcodes: bool = False
    # `security.allowContent`: the media types of the content files Hugo reads (regexps; one
    # starting with "! " denies what it matches; "none" allows nothing)
    allow_content: tuple[str, ...] = ("! ^text/html$", "! ^text/org$")
    ref_links_error_level: str = "ERROR"
    ref_links_not_found_url: str = ""
    # `[frontmatter] date`: where a page's date comes from, first found wins: front matter
    # keys (lower case, with their aliases) and handlers (`:filename`, `:filemodtime`, `:git`)
    date_sources: tuple[str, ...] = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
    disable_path_to_lower: bool = False
    disable_aliases: bool = False  # `disableAliases`: Hugo writes no redirect pages
    # `ignoreFiles`: regular expressions; Hugo reads no file whose absolute path one matches
    ignore_files: tuple[str, ...] = ()
    build_drafts: bool = False  # `buildDrafts`: draft pages are built (as with `hugo -D`)
    build_future: bool = False  # `buildFuture`: pages with a publish date to come are built
    build_expired: bool = False  # `buildExpired`: pages past their expiry date are built
    remove_path_accents: bool = False
    # (singular, plural) pairs; Hugo's default is tag/tags and category/categories.
    taxonomies: tuple[tuple[str, str], ...] = (("category", "categories"), ("tag", "tags"))
    # The config's `cascade` entries, each as JSON text: front matter values and an optional `target`.
    cascade: tuple[str, ...] = ()
    # Shortcode names found in the site's and its themes' layouts.
    shortcodes: frozenset[str] = frozenset()
    # (name, template) of the shortcodes only a module Hugo reads no templates of has (its
    # mounts name no `layouts`), the template's path relative to the site's root
    shortcodes_unmounted: tuple[tuple[str, str], ...] = ()
    # The words of the site's `.mdcheck-words.txt` (one or more a line, `#` comments), as
    # written: words heading-typo accepts.
    user_words: tuple[str, ...] = ()
    # Themes and module imports not found on disk (Hugo would fetch them as Go modules, or
    # fail), and the components (`layouts`, `static`…) they may fill: an import's mounts
    # name its components, any for a theme or an import without mounts.
    missing_modules: tuple[str, ...] = ()
    missing_components: frozenset[str] = frozenset()
    # The sources of the project's mounts to `layouts` not on disk (`node_modules/…` before
    # `npm install`): the site's templates are then unknown too.
    missing_layout_mounts: tuple[str, ...] = ()
    # The redirect rules the host serves besides `_redirects` files (as
    # `published.parse_redirects` writes them): the `[[redirects]]` of the site's
    # netlify.toml (see site._server_redirects)
    server_redirects: tuple[str, ...] = ()
    # What the summary says of config that mdcheck reads but Hugo 0.168 refuses.
    config_notes: tuple[str, ...] = ()
    # Whether one of them may turn raw HTML on: the config merges a theme's `markup` settings
    # (`_merge`) and leaves `markup.goldmark.renderer.unsafe` unset. `markup.unsafe` is then
    # taken as true.
    unsafe_from_missing_module: bool = False
    # Whether the site's templates may load KaTeX or MathJax (or a theme is missing): display
    # math `$$…$$` may then render in the browser.
    math_renderer: bool = False
    # The page params a template renders as Markdown (`.RenderString`, `markdownify`), which
    # runs the shortcode calls in them: dotted keys, lower case (_Layouts.rendered_params)
    rendered_params: frozenset[str] = frozenset()
    # Whether a script among the assets of the site or its themes names one: a bundle built
    # with `js.Build`, which a built page loads by a name that does not show it.
    math_in_scripts: bool = False
    # Whether a regular page's templates may print an `<h1>` (the title, in most themes):
    # false when all of them are known and none writes one, None when they would be a missing
    # theme's (unknown: not judged). Those of a type's own folder (`layouts/posts/single.html`)
    # count for that type alone: the folders whose templates write one are `title_h1_folders`.
    title_h1: bool | None = True
    title_h1_folders: frozenset[str] = frozenset()
    # When `title_h1`: for each type with a single template of its own, and for any other
    # page (""), whether that template, with the base it fills and what they call, may
    # write an `<h1>` (site._title_h1_by_type)
    title_h1_types: tuple[tuple[str, bool], ...] = ()
    # For each type with a single template of its own, and for any other page (""): the ids
    # every regular page of it gets from its templates as fixed text (site._fixed_ids_by_type)
    fixed_ids_by_type: tuple[tuple[str, frozenset[str]], ...] = ()
    # For each such type: whether its templates print a file they read (coredns's manual
    # pages: `readFile "content/manual/setup.md" | markdownify`), whose ids a build alone tells
    # (or, as a tuple, only on a page that sets one of these params: `with .Params.banner`)
    reads_files_by_type: tuple[tuple[str, bool | tuple[str, ...]], ...] = ()
    # For each such type: the template that renders the page's content, HTML already, as
    # Markdown again (`.Content | markdownify`), which omits it all without `unsafe`; "" if none
    content_markdownified_by_type: tuple[tuple[str, str], ...] = ()
    # For each such type: whether its templates rewrite the addresses in the page's content
    # (Flatcar's `findRE "src=\"(.*?)\"" .Content`, then `replace`), which a build alone tells
    # (the attributes it rewrites: `src`, `href`; none when it rewrites none)
    rewrites_addresses_by_type: tuple[tuple[str, frozenset[str]], ...] = ()
    # The ids the templates that render pages write as fixed text (`<body id="docs">`,
    # `<main id="content">`): any page may have them.
    layout_ids: frozenset[str] = frozenset()
    # The (start, end) of the ids they write around template actions (clarity's sidebar
    # `id="{{ $key }}-section"`: ("", "-section")): any page may have an id so made.
    layout_id_forms: tuple[tuple[str, str], ...] = ()
    # Whether those and `layout_ids` are all the ids the templates write: none made of
    # actions alone (`id="{{ .Title | urlize }}"`), which may be anything
    layout_ids_known: bool = True
    # The types whose own templates write such ids (`layouts/adopters/list.html`), LIST_PAGES
    # when a template of any list page does, LAYOUT_PAGES + a `layout` when its template
    # does (`docs/glossary.html`): any id may be on their pages
    any_id_types: frozenset[str] = frozenset()
    # Whether a link's fragment is lost on the way through an alias (_Layouts.alias_drops_fragment)
    alias_drops_fragment: bool = True
    # The kinds of pages `disableKinds` turns off, lower-cased (`taxonomy`, `term`, `rss`…)
    disabled_kinds: frozenset[str] = frozenset()
    # The Hugo version the site's deployment pins, and the file that pins it (see
    # site._pinned_hugo); None when none does.
    pinned_hugo: tuple[str, str] | None = None
    # The top folders of the publish dir a deployment writes after Hugo (Pagefind's index)
    written_after_hugo: tuple[str, ...] = ()
    # The home page templates that write the site's `_redirects` file (an output format of
    # that base name: `layouts/index.redirects`), read for their rules' source paths.
    redirect_templates: tuple[str, ...] = ()
    # Whether one of them writes a rule for each alias of each page (`{{ range .Aliases }}`,
    # the Netlify way with `disableAliases`): the aliases are served all the same.
    aliases_redirected: bool = False
    # The project's and themes' own render hooks (`_markup/render-link*`, `render-image*`,
    # `render-blockquote*`):
    # (hook, layouts folder holding it). A hook in `layouts/docs/_markup` renders the pages
    # under content/docs and those of `type` docs; one in `layouts/_markup` (or
    # `_default/_markup`), folder "", every page; a theme not found may have any hook.
    render_hooks: tuple[tuple[str, str], ...] = ()
    # Every such hook, those that keep the destination too, with whether its template passes
    # any address (writes it through `safeURL`) and whether it parses addresses (`urls.Parse`):
    # (hook, folder, passes, parses). See addresses.py.
    hook_filters: tuple[tuple[str, str, bool, bool], ...] = ()
    # Whether a link hook of the site's (one on disk) makes a URL of the destination
    # (`relLangURL`, `absURL`): a bare `#fragment` then leads to another page (the home page)
    link_hooks_move_fragments: bool = False
    # The destinations the link hooks that find pages (PAGE_FINDING_LINK_HOOK) write as no
    # page's URL (`if eq $u.String "g"`: gohugo.io's glossary links): where they lead is unknown
    link_hook_specials: frozenset[str] = frozenset()
    # Those of `shortcodes` whose template uses `.Inner` or `.InnerDeindent`: Hugo requires their
    # calls to be closed or self-closed, and rejects a closing tag given to any other template.
    shortcodes_with_inner: frozenset[str] = EMBEDDED_DETAILS
    # Those of `shortcodes` each of whose templates reads its parameters by name alone
    # (`.Get "src"`; no `.Get 0`, `.Params`, `IsNamedParams`, partial or template call):
    # positional parameters given to them are never read.
    shortcodes_named_only: frozenset[str] = frozenset()
    # Those of `shortcodes` whose output may hold any id a page's Markdown does not show:
    # their template writes an `id` attribute made at run time, or includes a file or another
    # page's content (see site.written_id_prefixes).
    shortcodes_with_ids: frozenset[str] = frozenset()
    # Those whose template writes ids that start with known text: (name, the starts), as
    # `tabs-` of `id="tabs-{{ .Ordinal }}"`.
    shortcode_id_prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The site's params Hugo's `param` shortcode prints as they are (strings, integers,
    # booleans), by lower-case dotted key (`docs.version`)
    params: tuple[tuple[str, str], ...] = ()
    # Those whose template writes as ids the values of parameters: (name, the parameters),
    # as `"anchor"` of `id="{{ .Get "anchor" }}"`.
    shortcode_id_parameters: tuple[tuple[str, tuple[IdParameter, ...]], ...] = ()
    # How the site's image render hooks write an image's `alt` from its Markdown alt text,
    # when they all do so alike ("text", "with-text"; "" when not known: _Layouts.image_hook_alt)
    image_hook_alt: str = ""
    # Those whose template passes a parameter to `ref` or `relref`: (name, the parameter,
    # the function), as geekdoc's button's `{{ with .Get "relref" }}{{ $ref = relref $ . }}`:
    # Hugo looks its value up as a page, and stops the build when it finds none.
    shortcode_ref_parameters: tuple[tuple[str, str | int, str], ...] = ()
    # Those whose templates test an address before they look it up (`hasPrefix $url "http"`,
    # `urls.Parse`): given a URL, they pass it on (redis's image-card); another fails the build
    shortcodes_testing_addresses: frozenset[str] = frozenset()
    # (name, parameter, attribute) of the shortcodes whose templates write a parameter (a
    # name, or a position) as a URL attribute's value without safeURL: Go's filter writes
    # `#ZgotmplZ` for an address of another scheme than http, https and mailto
    shortcode_url_parameters: tuple[tuple[str, str | int, str], ...] = ()
    # Those whose template renders Markdown (`markdownify`, `RenderString`): ids of the
    # headings of what they are given.
    shortcodes_rendering_markdown: frozenset[str] = EMBEDDED_DETAILS
    # Those each of whose templates renders the call's content as Markdown (`.Inner |
    # markdownify`, `.Inner | .Page.RenderString`): raw HTML in it is omitted as in the page.
    shortcodes_rendering_inner: frozenset[str] = EMBEDDED_DETAILS
    # Of those, the ones that render it with the page's `RenderString` only, not `markdownify`
    # (which Hugo's embedded link hook runs against the home page)
    shortcodes_rendering_inner_in_page: frozenset[str] = EMBEDDED_DETAILS
    # Those whose template declares ``{{ $_hugo_config := `{ "version": 1 }` }}``: Hugo renders
    # a `{{% %}}` call's content as Markdown first and keeps the template's output as it is
    # (not Markdown: the HTML it writes stays).
    shortcodes_legacy: frozenset[str] = frozenset()
    # Those each of whose templates prints the call's content as it is and does nothing else
    # with it (`{{ .Inner }}`, no `markdownify`, no `<pre>`): in a `{{< >}}` call, Markdown in
    # the content shows as text.
    shortcodes_printing_inner: frozenset[str] = frozenset()
    # The names (before the suffix) of the files a page's output formats are written to:
    # `index`, and those `outputFormats.<name>.baseName` sets (`feed` for `feed.xml`)
    output_base_names: frozenset[str] = frozenset({"index"})
    # The names of the output formats a page's `outputs` may name, lower case: Hugo's own and
    # the site's `[outputFormats]`; empty when a theme or module not found may add some
    output_formats: frozenset[str] = HUGO_OUTPUT_FORMATS
    # Those each of whose templates prints the call's content as it is into an HTML block
    # its output opens (see HtmlBlockOpening), the same way in each, with that way
    shortcodes_opening_html_block: tuple[tuple[str, HtmlBlockOpening], ...] = ()
    # Those each of whose templates writes, right after the call's content, a line that
    # opens an HTML block with no line break after it (`{{ .Inner }}</div>` ending the file):
    # the page's text after the closing tag, up to its first blank line, joins it
    shortcodes_closing_html_block: tuple[tuple[str, HtmlBlockOpening], ...] = ()
    # Those one of whose templates rewrites the call's content (`replace .Inner "(./" …`):
    # the links of a `{{% %}}` call's content are then not what the Markdown says.
    shortcodes_rewriting_inner: frozenset[str] = frozenset()
    # Those each of whose templates writes an HTML tag whatever the call (outside any `if`,
    # `with` or `range`): Hugo omits it from a `{{% %}}` call's output (Markdown) when
    # raw HTML is off.
    shortcodes_writing_html: frozenset[str] = EMBEDDED_WRITING_HTML
    # Those whose templates write no HTML of their own, but for the call's content (no `<`,
    # nothing from elsewhere: `{{ .Inner }}`, or nothing).
    shortcodes_without_html: frozenset[str] = frozenset()
    # Those whose template cannot write a Markdown heading but from the call's parameters
    # (no `#`, no text from elsewhere): a `{{% name %}}` call of one adds no heading id.
    shortcodes_without_headings: frozenset[str] = frozenset()
    # Those whose single template writes text made of the call's parameters and the site's
    # translations alone (template_text: Kubernetes' `heading`), each with that template
    shortcode_texts: tuple[tuple[str, str], ...] = ()
    # The site's translation tables (i18n.load_translations), when a template of those prints
    # one: (language code, ((key, text), …)); and whether they are all known (no missing theme
    # or module may add keys)
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    translations_known: bool = True

    @property
    def unknown_content(self) -> tuple[str, ...]:
        """The content paths of the folders whose pages are not known without a build: a
        content adapter's (`content_adapters`), a theme's or module's (`module_content`)."""
        return (*self.content_adapters, *self.module_content)

    def writes_text(self, template: str) -> bool:
        """Whether `template` is one of `shortcode_texts`, whose output `shortcode_output` tells."""
        return template in self._text_programs

    def shortcode_output(self, template: str, positional: Sequence[Any], named: Sequence[tuple[str, Any]],
                         language: str | None) -> str | None:
        """What a call of a template of `shortcode_texts` writes on a page of `language`
        (None: the default one); None when not known. A key missing in the page's language
        is looked up in the default language's, else `T` writes nothing (hugo 0.168)."""
        program = self._text_programs.get(template)
        if program is None:
            return None
        tables = self._translation_tables
        codes = dict.fromkeys(code.lower() for code in (language or self.default_language, self.default_language))

        def translate(key: str) -> str | None:
            for code in codes:
                if key in (table := tables.get(code, {})):
                    return None if "{{" in table[key] else table[key]  # a template of its own
            return "" if self.translations_known else None

        return template_text.written(program, positional, named, translate)

    @functools.cached_property
    def _text_programs(self) -> dict[str, Any]:
        """`shortcode_texts` read (template_text.read), once."""
        return {name: program for name, text in self.shortcode_texts if (program := template_text.read(text)) is not None}

    @functools.cached_property
    def _translation_tables(self) -> dict[str, dict[str, str]]:
        return {language: dict(table) for language, table in self.translations}

    def layout_writes(self, fragment: str) -> bool:
        """Whether the templates that render pages may write the id `fragment` on any page."""
        return fragment in self.layout_ids or any(
            len(fragment) > len(start) + len(end) and fragment.startswith(start) and fragment.endswith(end)
            for start, end in self.layout_id_forms
        )

    def refused_since(self, media_type: str) -> str:
        """What a finding on content of `media_type` that Hugo refuses adds when the site
        builds with an older Hugo whose default `security.allowContent` admitted it (see
        `removed_since`): not when the site sets its own."""
        version = REFUSED_SINCE.get(media_type)
        own = self.allow_content != SiteConfig.allow_content
        return removed_since(self.pinned_hugo, version) if version and not own else ""

    def removed_since(self, version: str) -> str:
        """See `removed_since`, for this site."""
        return removed_since(self.pinned_hugo, version)

    @property
    def links_find_pages(self) -> bool:
        """Whether some page's links go to the page `GetPage` finds for their destination:
        through Hugo's embedded link hook, or a project's that does as it does."""
        return self.markup.embedded_links or any(hook == PAGE_FINDING_LINK_HOOK for hook, _ in self.render_hooks)

    def hooks_rendering(self, content_path: str | None, page_type: object = None) -> frozenset[str]:
        """The render hooks (`render-link`, `render-image`) of the site that render the page
        at `content_path` (POSIX, in the content; None: outside a Hugo site) of front matter
        `type` `page_type`."""
        if not self.render_hooks:
            return frozenset()
        place = "/" + (content_path or "")
        return frozenset(hook for hook, folder in self.render_hooks if _hook_renders(folder, place, page_type))

    @property
    def templates_missing(self) -> bool:
        """Whether a missing theme or module may hold templates: the site's shortcodes, render
        hooks and page templates are then unknown."""
        return "layouts" in self.missing_components or bool(self.missing_layout_mounts)

    def prints_title_h1(self, content_path: str | None, page_type: object = None, layout: object = None) -> bool:
        """Whether the templates that render the page at `content_path` of front matter
        `type` `page_type` may print an `<h1>` (see `title_h1`); one that names its `layout`
        may (its template is not among those `title_h1_types` tells of)."""
        place = "/" + (content_path or "")
        if self.title_h1:
            if layout:
                return True
            return _of_type(self.title_h1_types, content_path, page_type, True)
        root_page = content_path is not None and "/" not in content_path and page_type is None
        return any(
            _hook_renders(folder, place, page_type) or (folder == "page" and root_page)  # a root page's type
            for folder in self.title_h1_folders
        )

    def page_template_ids(
        self, content_path: str | None, page_type: object = None, layout: object = None
    ) -> frozenset[str]:
        """The ids a regular page at `content_path` gets from its templates as fixed text
        (`fixed_ids_by_type`); none known for one that names its `layout`."""
        return frozenset() if layout else _of_type(self.fixed_ids_by_type, content_path, page_type, frozenset())

    def page_any_id(self, content_path: str | None, page_type: object, list_page: bool, layout: object) -> bool:
        """Whether the templates of the page's type, of any list page for a list page, or of
        its `layout`, write ids made of actions alone (`any_id_types`): any id may be on it."""
        types = self.any_id_types
        return bool(types) and (
            _page_type(content_path, page_type) in types
            or (list_page and LIST_PAGES in types)
            or (bool(layout) and f"{LAYOUT_PAGES}{layout}" in types)
        )

    def page_reads_files(
        self, content_path: str | None, page_type: object = None, layout: object = None,
        params: Callable[[str], object] = lambda name: None,
    ) -> bool:
        """Whether the templates of a regular page at `content_path` print a file they read
        (`reads_files_by_type`; with `params`, the page's value of a param, when only a page
        that sets one does); not known for one that names its `layout`."""
        reads = _of_type(self.reads_files_by_type, content_path, page_type, False)
        if isinstance(reads, tuple):
            return not layout and any(params(name) not in (None, False, "", 0, [], {}) for name in reads)
        return not layout and reads

    def page_content_markdownified(
        self, content_path: str | None, page_type: object = None, layout: object = None
    ) -> str:
        """The template that renders the content of a regular page at `content_path` as
        Markdown again (`content_markdownified_by_type`); "" if none, or not known (a page
        that names its `layout`)."""
        return "" if layout else _of_type(self.content_markdownified_by_type, content_path, page_type, "")

    def params_in(self, language: str | None) -> dict[str, str]:
        """The params `param` prints on a page of `language`: the site's, and over them the
        language's own (`[languages.en.params]`)."""
        found = dict(self.params)
        found.update(next((lang.params for lang in self.languages if lang.code == language), ()))
        return found

    def page_rewrites_addresses(
        self, content_path: str | None, page_type: object = None, layout: object = None
    ) -> frozenset[str]:
        """The attributes (`src`, `href`) whose addresses in the content of a regular page at
        `content_path` its templates rewrite (`rewrites_addresses_by_type`); none known for
        one that names its `layout`."""
        return frozenset() if layout else _of_type(self.rewrites_addresses_by_type, content_path, page_type, frozenset())

    def address_writers(self, content_path: str | None, page_type: object = None) -> tuple[Writer, Writer]:
        """Who writes the addresses of the page's links and of its images (addresses.py): the
        most specific of the site's hooks that render the page, else Hugo's embedded hook
        when on (before the site's with `useEmbedded = "always"`), else goldmark."""
        place = "/" + (content_path or "")
        writers = []
        markup = self.markup
        for hook, embedded, use in (
            ("render-link", markup.embedded_links, markup.link_use_embedded),
            ("render-image", markup.embedded_images, markup.image_use_embedded),
        ):
            found = [] if embedded and use == "always" else [
                (folder, passes, parses)
                for name, folder, passes, parses in self.hook_filters
                if name == hook and _hook_renders(folder, place, page_type)
            ]
            if found:
                _, passes, parses = max(found, key=lambda item: bool(item[0]))
                writers.append(Writer(AS_IS if passes else FILTERING, "local" if parses else ""))
            else:
                writers.append(EMBEDDED_WRITER if embedded else GOLDMARK_WRITER)
        return writers[0], writers[1]

    def ignores(self, path: str) -> bool:
        """Whether Hugo leaves the file at `path` out of the site: a file of a disabled
        language (`a.de.md`), or one `ignoreFiles` matches, as Hugo matches it: against the
        absolute path, the file's and each of its folders' in the site (a folder matched is
        skipped whole, checked with hugo 0.168; a pattern Python cannot read matches nothing)."""
        parts = os.path.basename(path).split(".")
        if len(parts) > 2 and parts[-2].lower() in self.disabled_languages:
            return True
        if not self.ignore_files:
            return False
        absolute = os.path.abspath(path)
        paths = [absolute]
        if self.root is not None:
            inside = os.path.abspath(self.root) + os.sep
            folder = os.path.dirname(absolute)
            while folder.startswith(inside):
                paths.append(folder)
                folder = os.path.dirname(folder)
        return any(_matches(pattern, one.replace(os.sep, "/")) for one in paths for pattern in self.ignore_files)

    def allows_content(self, media_type: str) -> bool:
        """Whether Hugo reads content files of `media_type` (`text/html`): it refuses to
        build a site holding one it does not. As Hugo 0.168 reads the list (verified): a
        denial wins, and past the denials, a list with allowances must have one that matches."""
        denials = [p[1:].strip() for p in self.allow_content if p.startswith("!")]
        allowances = [p for p in self.allow_content if not p.startswith("!")]
        if not self.allow_content or allowances == ["none"] or any(_matches(p, media_type) for p in denials):
            return False
        return not allowances or any(_matches(p, media_type) for p in allowances)

    def builds_content(self, media_type: str) -> bool:
        """Whether the site's Hugo makes pages of content files of `media_type`: Hugo 0.168
        (`allows_content`), or the older Hugo the site builds with, whose default admitted
        it (a note says that an upgrade refuses it)."""
        return self.allows_content(media_type) or bool(self.refused_since(media_type))

    def text_language(self, language: str | None) -> str:
        """The language the pages of Hugo language `language` (a key of `languages`; None:
        the default) are written in: its locale, the site's for the default language, or
        else the key itself. `languageCode = "de-DE"` on a site without languages is German."""
        code = language or self.default_language
        for lang in self.languages:
            if lang.code == code and lang.locale:
                return lang.locale
        return self.locale if code == self.default_language and self.locale else code

    @property
    def multihost(self) -> bool:
        """Whether the languages have hosts of their own (a `baseURL` per language): Hugo
        publishes each language in a folder (`public/fr/`) its URLs do not name."""
        return len(self.languages) > 1 and any(lang.base_url for lang in self.languages)

    def publish_folder(self, language: str | None) -> str:
        """The publish dir's folder of the pages of `language` that their URLs do not name:
        `fr/` on a multihost site, else ""."""
        return f"{language or self.default_language}/" if self.multihost else ""

    def host_folders(self) -> dict[str, str]:
        """On a multihost site, each language's host (`fr.example.org`) with its folder (`fr/`)."""
        if not self.multihost:
            return {}
        return {
            urlsplit(lang.base_url or self.base_url).netloc.lower(): self.publish_folder(lang.code)
            for lang in self.languages
        }

    def markup_of(self, language: str | None) -> Markup:
        """The Markdown settings of the pages of `language`: its own, else the site's."""
        code = language or self.default_language
        return next((lang.markup for lang in self.languages if lang.code == code and lang.markup), self.markup)

    def permalinks_of(self, language: str | None) -> tuple[tuple[str, str], ...]:
        """The permalink rules of the pages of `language`: its own, which replace the site's
        whole (checked with hugo 0.168), else the site's."""
        code = language or self.default_language
        own = next((lang.permalinks for lang in self.languages if lang.code == code), None)
        return self.permalinks if own is None else own


def _matches(pattern: str, text: str) -> bool:
    """A Go regexp's search, for the patterns Python reads alike; one it cannot read matches nothing."""
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


_V = TypeVar("_V")


def _of_type(by_type: tuple[tuple[str, _V], ...], content_path: str | None, page_type: object, default: _V) -> _V:
    """What `by_type` tells of the page's type (its `type`, else its top section), else of
    any page's (""), else `default`."""
    found = dict(by_type)
    return found.get(_page_type(content_path, page_type), found.get("", default))


# The Hugo version whose default `security.allowContent` began to refuse content of each
# media type (its commit "Disallow HTML content by default" is in 0.162.0)
REFUSED_SINCE = {"text/html": "0.162.0", "text/org": "0.168.0"}


def removed_since(pinned_hugo: tuple[str, str] | None, version: str) -> str:
    """What a finding on something Hugo `version` removed adds when the site builds with
    an older Hugo (`SiteConfig.pinned_hugo`): it still works there, until the site upgrades."""
    if pinned_hugo is None or _version(pinned_hugo[0]) >= _version(version):
        return ""
    pinned, where = pinned_hugo
    return f" (this site builds with Hugo {pinned}, in {where}, where it still works: change it before upgrading)"


def _version(text: str) -> tuple[int, ...]:
    """`0.119.0` -> (0, 119, 0), for comparing versions."""
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


# In SiteConfig.any_id_types, the list pages, and the pages of a layout (LAYOUT_PAGES +
# its name): no type is so named (`/` is in no section's name)
LIST_PAGES = "/lists"
LAYOUT_PAGES = "/layout/"


def _page_type(content_path: str | None, page_type: object) -> str:
    """A page's type: its front matter's, else its section, else `page` (a root page's)."""
    place = "/" + (content_path or "")
    return str(page_type if page_type is not None else place.split("/")[1] if place.count("/") > 1 else "page")


def _hook_renders(folder: str, place: str, page_type: object) -> bool:
    """Whether a hook in `layouts/<folder>/_markup` (or a template in `layouts/<folder>`)
    renders the page at `place` (`/` and its content path) of front matter `type`
    `page_type`."""
    return not folder or place.startswith(f"/{folder}/") or folder == page_type

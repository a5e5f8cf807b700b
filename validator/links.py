"""Where a link leads: Hugo's page lookups and a browser's URL resolution over a run's pages.

Hugo finds pages by their logical path (`/posts/other` for `content/posts/other.md`,
`posts/other/index.md` or `posts/other/_index.md`; lower-cased, spaces as `-`, per language).
`ref`/`relref` and `GetPage` (which the embedded link render hook calls) look a path up
relative to the page first, then to the content root; `ref`/`relref` then fall back to the
base name for a path without a slash (`hugolib/pagefinder.go getContentNode`). A path with
an extension is also looked for as a file on disk, beside the page's file, then beside the
home page's (`getContentNodeFromRefReverseLookup`): a mounted `README.md` links
`docs/guide.md` as it does on GitHub. A browser
resolves a link's URL against the page's URL.

Outside a Hugo site (no config found), the checked files are taken as the content, by
their displayed paths.
"""

from __future__ import annotations

import difflib
import dataclasses
import functools
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from validator.engine import PageSummary, Site, SiteLink, language_redirect, page_alias_urls, published_url
from validator.document import PLACEHOLDER_IN_ID
from validator.heading_ids import anchorize
from validator.settings import SiteConfig
from validator.paths import MARKDOWN_EXTENSIONS, fragment_id
from validator.published import MAX_HOPS, RedirectRules, SourceHeading, base_path
from validator.site import language_codes, parse_content_path, ref_path_key, unbuilt_flags, unbuilt_reason

_DEFAULT_EXTENSION = ".md"
# Uncached: the paths of every page and of every link's target are parsed here, and a cache
# of them would grow with the site.
_parse_content_path = parse_content_path.__wrapped__


@dataclass(frozen=True)
class Target:
    """The result of a lookup. `page` is None for a page Hugo has but mdcheck has no file
    for (the home page or a section without `_index.md`, a page in another language)."""

    found: bool
    ambiguous: bool = False
    pages: Sequence[PageSummary] = field(default=(), repr=False)
    index: int | None = None  # the page's place in `pages`

    @property
    def page(self) -> PageSummary | None:
        """Read back from the site's pages at each use: many lookups need only `found`."""
        return self.pages[self.index] if self.index is not None else None


MISSING = Target(False)
_NAMED_AT_MOST = 1_000  # pages of one base name looked at to suggest one: a bound per link
_WAY_UP = re.compile(r"^(?:\.{0,2}/)+")  # the `/`, `./` and `../` a link's path starts with
_IMPLICIT = Target(True)


@dataclass(frozen=True, slots=True)
class _Place:
    """A page's place among the content: its language, logical path and directories."""

    language: str
    path: str  # the logical path, e.g. /posts/other
    dir: str  # the directory of its file, e.g. /posts (/posts/bundle for a bundle's index)
    container: str  # where page-relative refs start: the bundle's parent for a leaf bundle
    leaf_bundle: bool
    branch_bundle: bool


class SiteIndex:
    """The run's pages by logical path, URL and base name, for Hugo's and a browser's lookups.
    It keeps where each page is in `site.pages`, not the page: a lookup reads its page back."""

    def __init__(self, site: Site) -> None:
        self.config = site.config
        self._site_pages = site.pages
        self._redirects = RedirectRules(site.redirects)
        self._host_folders = site.config.host_folders()
        self._last_place: tuple[str | None, _Place | None] = (None, None)  # see _place_of
        codes = self._codes = language_codes(site.config)
        # One read of the pages (each read unpickles them): what the lookups need of each.
        pages = [_Indexed.of(page, site.config, codes) for page in site.pages]
        # Why Hugo builds no page of a file (a draft, a date), and the flags that build it
        # anyway: a lookup then need not read its page back to tell.
        self.unbuilt = {index: page.unbuilt for index, page in enumerate(pages) if page.unbuilt is not None}
        self.unbuilt_flags = {index: page.flags for index, page in enumerate(pages) if page.flags}
        self.refused = frozenset(index for index, page in enumerate(pages) if page.refused)  # see _refusal
        # Pages Hugo finds but publishes nothing of (headless, `build.render = "never"`): a
        # ref to one is empty. (Outside a Hugo site no page's URL is known.)
        self.unpublished = frozenset(
            index for index, page in enumerate(pages) if not page.urls[0] and site.config.root is not None
        )
        # Pages with a URL and nothing there (`build.render = "link"`)
        self.link_only = frozenset(
            index for index, page in enumerate(pages) if page.urls[0] and not page.rendered
        )
        self._bundles = {(p.place.language, p.place.dir) for p in pages if p.place and p.place.leaf_bundle}
        self._pages: dict[str, dict[str, int]] = {}  # language -> logical path -> page
        self._shared: set[tuple[str, str]] = set()  # (language, logical path) of several built pages
        self._urls: dict[str, int] = {}
        contested: set[str] = set()
        self._names: dict[str, dict[str, int]] = {}  # language -> base name -> its first page
        self._ambiguous: set[tuple[str, str]] = set()  # (language, base name) of several pages
        self._named: dict[tuple[str, str], list[tuple[int, _Place]]] = {}  # (language, base name) -> its pages
        self._implicit: set[tuple[str, str]] = set()
        self._resources: set[tuple[str, str]] = set()  # (language, file path) of bundle resources
        self._ref_keys: dict[str, tuple[str, str] | None] = {}  # see _ref_key
        # (file on disk, page, its (language, logical path)s), made a lookup on first use
        self._on_disk: list[tuple[str, int, tuple[tuple[str, str], ...]]] = []
        self._by_file: dict[str, tuple[int, tuple[tuple[str, str], ...]]] | None = None
        for index, (place, urls, file, on_disk, also, *_) in enumerate(pages):
            if place is None:
                continue
            if self._is_resource(place):
                self._resources.add((place.language, _file_key(file, place)))
                continue
            # its own place, and those of the pages other languages make of the file (Target.also)
            others = (_place_at(rel, language, site.config, codes) for language, rel in also)
            places = (place, *(other for other in others if other is not None))
            if on_disk:
                self._on_disk.append((on_disk, index, tuple((one.language, one.path) for one in places)))
            for one in places:
                self._add_page(one, index)
                if one.path != "/":
                    name = posixpath.basename(one.path)
                    if self._names.setdefault(one.language, {}).setdefault(name, index) != index:
                        self._ambiguous.add((one.language, name))
                    self._named.setdefault((one.language, name), []).append((index, one))
                self._implicit.add((one.language, "/"))
                if one.dir != "/":  # a top-level directory is a section, _index.md or not
                    self._implicit.add((one.language, "/" + one.dir.split("/")[1]))
            for url in urls:  # its own, and those of the pages other languages make of it
                if url and self._claim(self._urls, _normal_url(url), index):
                    contested.add(_normal_url(url))
        # Two pages at one URL: Hugo writes both, and which one stays is down to timing
        # (duplicate-url reports it); no page is known to be there.
        for url in contested:
            del self._urls[url]
        # An alias's redirect page sends the browser on to its page, fragment and all; a
        # page's own URL goes first
        self._aliases: set[str] = set()  # the URLs alias pages hold
        # Of pages that give one alias, Hugo writes the redirect of the one whose path sorts
        # last over the others', in most builds (checked with hugo 0.168: `/docs/archive/17.0/sharding`
        # over `/docs/18.0/sharding`, whatever their titles and weights; under load, not always)
        claimed: dict[str, tuple[str, int]] = {}
        for index, page in enumerate(pages):
            path = page[0].path if page[0] is not None else ""
            for url in map(_normal_url, page.aliases):
                if url not in self._urls and (url not in claimed or path >= claimed[url][0]):
                    claimed[url] = (path, index)
        for url, (_, index) in claimed.items():
            self._urls[url] = index
            self._aliases.add(url)
        # The default language's home redirect, which leads on as an alias does
        self.home_redirect: str | None = None
        if (redirect := language_redirect(site.config)) is not None:
            at, to = map(_normal_url, redirect)
            if at not in self._urls and to in self._urls:
                self._urls[at] = self._urls[to]
                self._aliases.add(at)
                self.home_redirect = at
        self._taxonomies = frozenset(plural for _, plural in site.config.taxonomies)

    def _add_page(self, place: _Place, index: int) -> None:
        """Keep a page under its logical path. Two built pages at one path (`x.md` and
        `x/index.md`): Hugo's lookups find either, build to build (as it publishes either at
        their URL), so no page is known to be there."""
        if self._claim(self._pages.setdefault(place.language, {}), place.path, index):
            self._shared.add((place.language, place.path))

    def _claim(self, held: dict[str, int], key: str, index: int) -> bool:
        """Keep page `index` under `key` unless another is; a built page goes before an
        unbuilt one (a draft). Whether two built pages claim it."""
        first = held.setdefault(key, index)
        if first == index or index in self.unbuilt:
            return False
        if first in self.unbuilt:
            held[key] = index
            return False
        return True

    # --- Hugo's lookups ------------------------------------------------------------------

    def ref(self, page: PageSummary, ref: str, language: str | None = None) -> Target:
        """The page a `ref`/`relref` shortcode in `page` points to (fragment already cut)."""
        return self._lookup(page, ref, language, reflink=True)

    def languages_having(self, page: PageSummary, ref: str, language: str | None = None) -> list[str]:
        """The other languages whose `ref` lookup from `page` finds a page, for a ref that
        finds none in its own (`language`, else the page's)."""
        context = self._place_of(page)
        own = self._language(context, language)
        return [
            code for code in sorted(self._codes - {own}) if self._lookup_in(context, ref, code, True, page.file).found
        ]

    def get_page(self, page: PageSummary, ref: str) -> Target:
        """The page `.Page.GetPage ref` finds from `page` (no base-name fallback)."""
        return self._lookup(page, ref, None, reflink=False)

    def built_along(self, target: Target, page: PageSummary) -> bool:
        """Whether Hugo builds the page a lookup found whenever it builds `page`: it builds it
        by default, or with flags that `page` needs too (a draft's link to a draft)."""
        if target.index not in self.unbuilt:
            return True
        flags = self.unbuilt_flags.get(target.index)
        return bool(flags) and flags <= unbuilt_flags(self.config, page.front_matter)

    def home(self, page: PageSummary) -> Target:
        """The home page of `page`'s language (its `page` None when no file makes it)."""
        return self.get_page(page, "/")

    def linking_page(self, page: PageSummary, link: SiteLink) -> PageSummary | None:
        """The page Hugo's link hook looks a link's path up from: the home page for a
        `markdownify`'d content's (SiteLink.home), else `page`. A home page no file makes is
        looked from as if its `_index.md` were at the content's root (checked with hugo
        0.168: `../c.md` finds content/c.md, `b.md` no content/docs/b.md); None when the
        page's own place in the content is not known."""
        if not link.home:
            return page
        home = self.home(page).page
        if home is not None:
            return home
        if not page.content_path or not page.path.endswith(page.content_path):
            return None
        root = page.path[: len(page.path) - len(page.content_path)]
        folder = page.file[: len(page.file) - len(page.content_path)] if page.file.endswith(page.content_path) else ""
        return dataclasses.replace(
            page, path=root + "_index.md", content_path="_index.md", file=folder + "_index.md" if folder else ""
        )

    def nearest_named(self, page: PageSummary, path: str) -> str | None:
        """For a link `path` that `get_page` finds no page for: a path it finds from `page`
        for the page of the same base name nearest to it in a folder above or below the
        page's (`../install.md` for `install.md` written one folder too deep), if any: not
        one in a sibling folder (another version's copy of a page this version lacks)."""
        context = self._place_of(page)
        # what the link names, as written, less its way up: `a/b` of `../a/b.md`
        written, extension = posixpath.splitext(_WAY_UP.sub("", path.rstrip("/")))
        name = posixpath.basename(written).lower()
        places = self._named.get((context.language, name), []) if context is not None and name else []
        if context is None or not places:
            return None
        tail = "/" + written.lower()  # the page must be at that path below some folder
        nearest = sorted(
            (
                (index, place)
                for index, place in places[:_NAMED_AT_MOST]
                if place.path.lower().endswith(tail) and _in_line(place.dir, context.dir)
            ),
            key=lambda found: -len(posixpath.commonpath([found[1].dir, context.dir])),
        )
        for index, place in nearest[:3]:
            way = posixpath.relpath(place.path[: -len(tail)] or "/", context.container)
            ref = written + extension if way == "." else f"{way}/{written}{extension}"
            if self.get_page(page, ref).index == index:
                return ref
        return None

    def _place_of(self, page: PageSummary) -> _Place | None:
        """The page's place among the content; None outside it, and for a bundle's resource.
        The last page's is kept: rules look the links of a page up one after another."""
        if self._last_place[0] != page.path:
            place = _place(page, self.config, self._codes)
            self._last_place = (page.path, None if place is None or self._is_resource(place) else place)
        return self._last_place[1]

    def _is_resource(self, place: _Place) -> bool:
        """Whether a file lies in a leaf bundle's directory: a resource, not a page."""
        return not place.leaf_bundle and _under_bundle(place, self._bundles)

    def _lookup(self, page: PageSummary, ref: str, language: str | None, *, reflink: bool) -> Target:
        context = self._place_of(page)
        language = self._language(context, language)
        target = self._lookup_in(context, ref, language, reflink, page.file)
        if target.found or target.ambiguous:
            return target
        # A page of another language alone is not found (`REF_NOT_FOUND`, checked with hugo 0.168)
        first = ref.strip("/").split("/")[0].lower()
        return _IMPLICIT if first in self._taxonomies else MISSING

    def _language(self, context: _Place | None, language: str | None) -> str:
        """The language a lookup from `context` is in: the one named, else the page's."""
        return (language or (context.language if context else self.config.default_language)).lower()

    def _lookup_in(self, context: _Place | None, ref: str, language: str, reflink: bool, file: str = "") -> Target:
        """As `_lookup`, from the page at `context` whose file on disk is `file`."""
        ref = ref.replace("\\", "/").rstrip("/")
        in_ref = ref
        ref = ref or "/"
        if _go_extension(ref):
            candidates = [(True, ref)]
        elif ref == "/":
            candidates = [(False, "/_index" + _DEFAULT_EXTENSION)]
        elif ref.endswith("/index"):
            candidates = [(False, ref + "/index" + _DEFAULT_EXTENSION), (False, ref + _DEFAULT_EXTENSION)]
        else:
            candidates = [(False, ref + _DEFAULT_EXTENSION)]
        for had_extension, candidate in candidates:
            target = self._for_ref(context, language, reflink, had_extension, in_ref, candidate, file)
            if target.found or target.ambiguous:
                return target
        return MISSING

    def _for_ref(
        self,
        context: _Place | None,
        language: str,
        reflink: bool,
        had_extension: bool,
        in_ref: str,
        ref: str,
        file: str = "",
    ) -> Target:
        if context is not None and not ref.startswith("/"):
            relative_to_dir = context.branch_bundle or (had_extension and ref.startswith("../"))
            base = context.dir if relative_to_dir else context.container
            # joined as Go's path.Join does: `..` past the root stays at the root
            target = self._by_path(language, posixpath.normpath(posixpath.join(base, ref)))
            if target.found:
                return target
            if had_extension and file and (target := self._beside(file, in_ref, language)).found:
                return target
        if ref.startswith("."):
            return MISSING  # page-relative only
        target = self._by_path(language, ref)
        if not target.found and had_extension and (home := self._home_file(language)):
            target = self._beside(home, in_ref, language)
        if target.found or not (reflink or context is None) or "/" in in_ref:
            return target
        key = self._ref_key(ref)
        name = key[1] if key is not None else ""
        if (language, name) in self._ambiguous:
            return Target(False, ambiguous=True)
        index = self._names.get(language, {}).get(name)
        return Target(True, pages=self._site_pages, index=index) if index is not None else MISSING

    def _beside(self, file: str, ref: str, language: str) -> Target:
        """The page of `language` made of the file `ref` names from the folder of `file` (a
        file on disk), as Hugo's reverse lookup through the mounts finds it."""
        if self._by_file is None:
            self._by_file = {}
            for on_disk, index, places in self._on_disk:
                self._by_file.setdefault(os.path.abspath(on_disk), (index, places))
        # joined as Go's filepath.Join does: a leading `/` of `ref` is kept below the folder
        found = self._by_file.get(os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(file)), ref.lstrip("/"))))
        if found is None:
            return MISSING
        index, places = found
        path = next((path for code, path in places if code == language), None)
        if path is None or (language, path) in self._shared or self._pages.get(language, {}).get(path) != index:
            return MISSING
        return Target(True, pages=self._site_pages, index=index)

    @functools.cached_property
    def _home_files(self) -> dict[str, str]:
        """The file on disk of each language's home page that a file makes."""
        return {
            code: self._site_pages[index].file
            for code, paths in self._pages.items()
            if (index := paths.get("/")) is not None and (code, "/") not in self._shared
        }

    def _home_file(self, language: str) -> str:
        return self._home_files.get(language, "")

    def _by_path(self, language: str, path: str) -> Target:
        key = self._ref_key(path)
        if key is None:
            return MISSING
        if (language, key[0]) in self._shared:
            return _IMPLICIT
        index = self._pages.get(language, {}).get(key[0])
        if index is not None:
            return Target(True, pages=self._site_pages, index=index)
        return _IMPLICIT if (language, key[0]) in self._implicit else MISSING

    def _ref_key(self, path: str) -> tuple[str, str] | None:
        """`_ref_key`, once per path: pages ref the same pages again and again."""
        if path not in self._ref_keys:
            self._ref_keys[path] = _ref_key(path, self._codes)
        return self._ref_keys[path]

    def resource(self, page: PageSummary, path: str) -> bool:
        """Whether `path` names a resource of `page`'s leaf bundle (`.Resources.Get path`)."""
        place = self._place_of(page)
        if place is None or not place.leaf_bundle:
            return False
        key = posixpath.normpath(posixpath.join(place.dir, path.removeprefix("./"))).lower()
        return (place.language, key) in self._resources

    # --- A browser's lookup --------------------------------------------------------------

    def url(self, page: PageSummary, destination: str) -> int | None:
        """The place in `site.pages` of the page a browser opens for `destination` (no
        fragment) from `page`, if known (not when two pages claim its URL)."""
        return self.reached(page, destination)[0]

    def reached(self, page: PageSummary, destination: str) -> tuple[int | None, str | None]:
        """`url`'s place, and the URL `destination` names when an alias page is there (its
        redirect leads to that place)."""
        key = self._url_key(page, destination)
        if key is None:
            return None, None
        return self._urls[key], key if key in self._aliases else None

    def forced_redirect(self, page: PageSummary, destination: str) -> bool:
        """Whether the first rule that serves `destination` from `page` applies over a file
        at its path too (Netlify's `301!`)."""
        return self._redirects.any_forced and RedirectRules.forced(self.redirect_rule(page, destination) or "")

    def redirect_rule(self, page: PageSummary, destination: str) -> str | None:
        """The first of the site's redirect rules (`_redirects`, netlify.toml, vercel.json)
        that serves the URL a browser asks for `destination` from `page`; None when none does."""
        try:
            path = self._browser_path(page, destination)
        except ValueError:
            return None
        found = self._redirects.rule_for(_normal_url(path)) if path is not None else None
        return found[0] if found is not None else None

    def redirected(self, page: PageSummary, destination: str) -> tuple[int, str] | None:
        """The place of the page the site's redirect rules send `destination` to (rules
        after rules), and the first rule; None when no rule followed leads to a page."""
        try:
            path = None if urlsplit(destination).netloc or ":" in destination else self._browser_path(page, destination)
        except ValueError:
            return None
        if path is None:
            return None
        first = None
        for _ in range(MAX_HOPS):
            rule = self._redirects.rule_for(_normal_url(path))
            if rule is None or not rule[1]:
                return None
            first = first or rule[0]
            if (key := self._url_key(page, rule[1])) is not None:
                return self._urls[key], first
            path = rule[1]
        return None

    def _url_key(self, page: PageSummary, destination: str) -> str | None:
        """The key in `_urls` of the URL a browser opens for `destination` from `page`."""
        path = self._browser_path(page, destination)
        if path is None:
            return None
        prefix = base_path(self.config.base_url).rstrip("/")
        for candidate in (path, prefix + path if prefix else None):
            if candidate is not None and (key := _normal_url(candidate)) in self._urls:
                return key
        return None


    def _browser_path(self, page: PageSummary, destination: str) -> str | None:
        """The URL path a browser asks for `destination` from `page`: of the site's host, or
        none (another host or scheme, a relative link on a page without a URL). On a
        multihost site, with the folder of the host's language (see published_url)."""
        parts = urlsplit(destination)
        if parts.scheme or parts.netloc:
            base = urlsplit(self.config.base_url)
            if parts.scheme not in ("http", "https", ""):
                return None
            if folder := self._host_folders.get(parts.netloc.lower()):
                return f"/{folder}{parts.path.lstrip('/')}"
            if parts.netloc.lower() != base.netloc.lower():
                return None
            return parts.path or "/"
        if parts.path.startswith("/"):
            return published_url(parts.path, self.config, page.language)
        if page.url is None:
            return None
        own = published_url(page.url, self.config, page.language)
        return urlsplit(urljoin(own, parts.path or own)).path


class _Indexed(NamedTuple):
    """What SiteIndex reads of a page."""

    place: _Place | None
    urls: tuple[str | None, ...]  # its own, then those of the pages other languages make of it
    file: str
    on_disk: str  # PageSummary.file
    also: tuple[tuple[str, str], ...]
    unbuilt: str | None  # why Hugo builds no page of it by default
    rendered: bool
    aliases: list[str]  # the URLs of its aliases' redirect pages
    flags: frozenset[str]  # the flags that build it anyway (`--buildDrafts`); none for a file refused
    refused: bool  # whether the site's security policy refuses its file (see _refusal)

    @classmethod
    def of(cls, page: PageSummary, config: SiteConfig, codes: frozenset[str]) -> _Indexed:
        refused = _refusal(page)
        # (on a multihost site, the URLs in their languages' folders: see published_url)
        languages = [language for language, _ in page.also]
        others = (
            published_url(url, config, languages[n] if n < len(languages) else page.language)
            for n, url in enumerate(page.other_urls)
        )
        own = published_url(page.url, config, page.language) if page.url else page.url
        aliases = [published_url(url, config, page.language) for url in page_alias_urls(config, page, served=True)]
        return cls(
            _place(page, config, codes), (own, *others), page.content_path or page.path, page.file,
            page.also,
            refused or unbuilt_reason(config, page.front_matter), page.rendered,
            aliases, frozenset() if refused else unbuilt_flags(config, page.front_matter),
            refused is not None,
        )


def _place(page: PageSummary, config: SiteConfig, codes: frozenset[str]) -> _Place | None:
    rel = page.content_path if config.root is not None else page.path
    return _place_at(rel, page.language, config, codes)


def _place_at(rel: str | None, language: str | None, config: SiteConfig, codes: frozenset[str]) -> _Place | None:
    """The place of a page at content path `rel` of `language` (else its file name's, else
    the site's default)."""
    parsed = _parse_content_path(rel, codes) if rel else None
    if parsed is None:
        return None
    norm, _ = parsed
    language = (norm.lang or language or config.default_language).lower()
    directory = "/" + "/".join(norm.dirs)
    leaf = norm.name == "index"
    return _Place(
        language=language,
        path=norm.logical_path,
        dir=directory,
        container=posixpath.dirname(directory) if leaf else directory,
        leaf_bundle=leaf,
        branch_bundle=norm.name == "_index",
    )


def _under_bundle(place: _Place, bundles: set[tuple[str, str]]) -> bool:
    """Whether a file lies in a leaf bundle's directory (a resource, not a page)."""
    directory = place.dir
    while True:
        if (place.language, directory) in bundles:
            return True
        if directory == "/":
            return False
        directory = posixpath.dirname(directory)


def _file_key(file: str, place: _Place) -> str:
    """A resource's path as Hugo's path parser keys it: its directory and lower-cased name."""
    return posixpath.join(place.dir, posixpath.basename(file).lower())


def _refusal(page: PageSummary) -> str | None:
    """Why Hugo makes no page of a content file its security policy refuses."""
    if page.refused is None:
        return None
    return f"Hugo refuses its file, {page.path} ({page.refused} is not in security.allowContent)"


def _ref_key(path: str, codes: frozenset[str]) -> tuple[str, str] | None:
    """Hugo's page path and base name for a ref path with an extension: a content file's
    (`/posts/Other.md` -> `/posts/other`, `other`), or with another extension kept, as in
    a section named `v1.20` (`/cli/v1.20` -> `/cli/v1.20`, `v1`; see `ref_path_key`)."""
    if _past_root(path):
        return None  # `/..`: no page (checked with hugo 0.168)
    cleaned = posixpath.normpath("/" + path)
    if cleaned.startswith("//"):
        cleaned = cleaned[1:]
    if cleaned == "/":  # `/docs/..`: the home page
        cleaned = "/_index" + _DEFAULT_EXTENSION
    elif not _go_extension(cleaned):  # `sub/..`, `.`: a folder's page, as Hugo parses `/docs`
        cleaned += _DEFAULT_EXTENSION
    parsed = _parse_content_path(cleaned.lstrip("/"), codes)
    if parsed is None:
        return ref_path_key(cleaned, codes)
    logical = parsed[0].logical_path
    return logical, posixpath.basename(logical)


def _in_line(one: str, other: str) -> bool:
    """Whether one folder holds the other, or is it."""
    common = posixpath.commonpath([one, other])
    return common in (one, other)


def _go_extension(path: str) -> str:
    """Go's `path.Ext`: from the last `.` of the last element on, a leading one too (`..`,
    `./` of `relref "../"` have one, and name a folder's page)."""
    name = path.rpartition("/")[2]
    return name[name.rfind(".") :] if "." in name else ""


def _past_root(path: str) -> bool:
    """Whether `..` in a rooted path climbs above its root (`/..`, `/a/../..`)."""
    depth = 0
    for part in path.split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def _normal_url(url: str) -> str:
    """A URL path as a server finds the file: decoded, `index.html` and trailing `/` implied."""
    path = unquote(urlsplit(url).path) or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif not posixpath.splitext(path)[1] and not path.endswith("/"):
        path += "/"
    return path


# --- Links -----------------------------------------------------------------------------------


def split_fragment(destination: str) -> tuple[str, str | None]:
    """(destination without its fragment, the decoded fragment or None when there is none)."""
    path, hash_sign, fragment = destination.partition("#")
    return path, fragment_id(fragment) if hash_sign else None


def split_ref(ref: str) -> tuple[str, str | None]:
    """A ref/relref argument as Hugo reads it, a URL (Go's `url.Parse`): its path
    percent-decoded (`Common%20Definitions/a.md` names `Common Definitions/a.md`, `%2F` is
    a slash, `+` stays), its query dropped, and its decoded fragment (None when it has
    none). ValueError for an escape Go refuses (`%ZZ`), on which Hugo's build fails."""
    address, hash_sign, fragment = ref.partition("#")
    path = address.partition("?")[0]
    if (bad := _BAD_ESCAPE.search(path) or _BAD_ESCAPE.search(fragment)) is not None:
        raise ValueError(f"invalid URL escape {bad[0]!r}")
    return unquote(path), fragment_id(fragment) if hash_sign else None


# A `%` that two hexadecimal digits do not follow, and what follows it (as Go reports it).
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2}).{0,2}", re.S)


def is_markdown_link(destination: str) -> bool:
    """A destination naming a Markdown file by path (`other.md`, `../a/b.md#x`, `/x.md?y`)."""
    if "{{" in destination:
        return False
    parts = urlsplit(destination)
    return not parts.scheme and not parts.netloc and parts.path.lower().endswith(tuple(MARKDOWN_EXTENSIONS))


def hook_lookup(site: Site) -> Callable[[str, str], bool]:
    """For mdcheck's own rendering, which writes Markdown link destinations as they are: a
    test of whether Hugo's embedded link render hook finds a page (`GetPage`) for a
    destination written in the Markdown file at a path, and so writes that page's URL
    instead. The pages are looked at on the first test only."""

    @functools.cache
    def lookup() -> tuple[SiteIndex, dict[str, int]]:
        return site.derived(SiteIndex), {page.path: place for place, page in enumerate(site.pages)}

    def finds(path: str, destination: str) -> bool:
        target = destination.split("#", 1)[0].split("?", 1)[0]
        if destination.startswith("#") or urlsplit(target).scheme:
            return False
        index, places = lookup()
        place = places.get(path)
        if place is None:
            return False
        page = site.pages[place]
        return page.finds_pages and hooked_page(index, page, target).found

    return finds


def hooked_page(index: SiteIndex, page: PageSummary, path: str) -> Target:
    """The page Hugo's embedded link render hook (and the project hooks made from it) finds
    for a link's path, not a bare `#fragment`: `.PageInner.GetPage` of the decoded path less
    a leading `./`. So `./#x` is the home page's `#x` (GetPage "" finds it; checked with
    hugo 0.168), `.#x` the section's; see `hook_finds`."""
    target = index.get_page(page, hook_lookup_path(path))
    return target if hook_finds(index, target, page) else MISSING


def hook_finds(index: SiteIndex, target: Target, page: PageSummary) -> bool:
    """Whether the hook finds the page `GetPage` found from `page`: not one Hugo does not
    build with `page` (a draft); one whose file the site refuses, yes (Hugo stops the build
    at that file, which is reported apart)."""
    return target.found and (index.built_along(target, page) or target.index in index.refused)


def hook_lookup_path(path: str) -> str:
    """What Hugo's embedded link render hook looks a link's path up as: its query left
    out, decoded, less a leading `./` ("" for `./`: the home page)."""
    return unquote(path.split("?", 1)[0]).removeprefix("./")


def links_rendered_by_hook(page: PageSummary) -> bool:
    """Whether a link render hook (the embedded one, or the project's or a theme's own)
    rewrites the page's Markdown links, so their destinations are not what the browser gets."""
    return page.finds_pages or page.link_hook


class Suggester:
    """`; did you mean '#x'?` for a fragment no element of a page has: the id of the heading
    whose text makes the fragment but that Hugo gives another id (`## Session persistence
    {#sticky}`; a heading that is a link takes its id from the link's first part), else the
    closest id, or nothing. What it needs of a page is read once (for the last pages asked
    about), and the search for the closest id is bounded per page: a page with thousands
    of broken links is not compared with its thousands of ids for each."""

    def __init__(self, id_type: str, older_ids: str = "") -> None:
        self.id_type = id_type
        # What a suggestion of a heading's id made otherwise than of its text adds when the
        # site builds with a Hugo before 0.144, which made ids of the heading's line as written
        self.older_ids = older_ids
        self._hints: dict[str, _Hints] = {}  # by page path, the oldest first

    def __call__(self, fragment: str, page: PageSummary) -> str:
        def hints() -> _Hints:
            # the ids a prefix is made of are whole ids too: the headings of a `{{% codetab %}}`
            # call's content in a `{{< tabs >}}` call's (dapr's), parsed apart
            ids = page.ids | {prefix for prefix in page.id_prefixes if prefix and PLACEHOLDER_IN_ID not in prefix}
            return _Hints.of(ids, page.headings, self.id_type, self.older_ids)

        return _file_named(fragment) or self._of(page.path, hints).suggest(fragment)

    def rendered(self, fragment: str, path: str, ids: frozenset[str], headings: Iterable[tuple[str, str]]) -> str:
        """The same for a page of Hugo's output at `path`, of those ids and its headings'
        (text, id). The closest id is a heading's, or another id only when much closer:
        the theme's ids (Docsy's sidebar `m-docsintroductionhow-kyverno-works`, a skip
        link's `main-content`) are seldom what a link meant."""
        made = [SourceHeading(heading_id, text, 0, 0) for text, heading_id in headings]

        def hints() -> _Hints:
            found = _Hints.of(ids, made, self.id_type)
            found.preferred = sorted({heading.id for heading in made if heading.id})
            return found

        return _file_named(fragment) or self._of(path, hints).suggest(fragment)

    def _of(self, path: str, hints: Callable[[], _Hints]) -> _Hints:
        found = self._hints.get(path)
        if found is None:
            if len(self._hints) >= _HINTS_KEPT:
                del self._hints[next(iter(self._hints))]
            found = self._hints[path] = hints()
        return found


# A fragment that is a Markdown file's name (`#ytt-overlays.md`): a page meant, not an id
_FILE_FRAGMENT = re.compile(r"[^#?\s]+\.(?:md|markdown|mdown)", re.IGNORECASE)


def _file_named(fragment: str) -> str:
    """The advice for a fragment that names a Markdown file, "" for another."""
    if not _FILE_FRAGMENT.fullmatch(fragment):
        return ""
    relref = f'{{{{< relref "{fragment}" >}}}}'
    return f"; {fragment!r} is a file's name, not an id: link to that page with [text]({relref})"


_HINTS_KEPT = 64  # pages: the targets of one page's links, and more
_CLOSE_MATCH_COMPARISONS = 200_000  # per page: fragments times ids


@dataclass
class _Hints:
    ids: frozenset[str]
    sorted_ids: list[str]
    by_text: dict[str, SourceHeading]  # the id a heading's text makes -> the first whose id is another
    id_type: str = "github"
    older_ids: str = ""  # see Suggester
    comparisons_left: int = _CLOSE_MATCH_COMPARISONS
    # The ids a close match is sought among first (None: all alike); the others must be closer
    preferred: list[str] | None = None

    @classmethod
    def of(cls, ids: frozenset[str], headings: Iterable[SourceHeading], id_type: str, older_ids: str = "") -> _Hints:
        by_text: dict[str, SourceHeading] = {}
        for heading in headings:
            if heading.id and (made := anchorize(heading.text, id_type)) != heading.id:
                by_text.setdefault(made, heading)
        return cls(ids, sorted(ids), by_text, id_type, older_ids)

    def suggest(self, fragment: str) -> str:
        if fragment.startswith("#") and fragment.lstrip("#") in self.ids:
            return f"; the link has one '#' too many: did you mean '#{fragment.lstrip('#')}'?"
        # (the heading's text as written too: `#ResourceFlavor-容忍度` of `## ResourceFlavor 容忍度 {#x}`)
        heading = self.by_text.get(fragment) or self.by_text.get(anchorize(fragment, self.id_type))
        if heading is not None:
            why = "sets its own id" if heading.custom_id else "has that id in Hugo's output"
            older = "" if heading.custom_id else self.older_ids
            return f"; did you mean '#{heading.id}'? (heading {heading.text!r} {why}){older}"
        if (made := anchorize(fragment, self.id_type)) != fragment and made in self.ids:
            # a heading's text written as it shows: Hugo's id lower-cases `Install`, and drops
            # the vowel signs of `সংজ্ঞা` (a slug's own slips need no telling: `a--b`, `x_y`)
            shown = fragment != fragment.lower() or any(unicodedata.category(c)[0] == "M" for c in fragment)
            told = f" (the id Hugo makes of {fragment!r} as a heading's text)" if shown else ""
            return f"; did you mean '#{made}'?{told}"
        if self.comparisons_left < len(self.sorted_ids):
            return ""
        self.comparisons_left -= len(self.sorted_ids)
        if self.preferred is None:
            close = difflib.get_close_matches(fragment.lower(), self.sorted_ids, n=1, cutoff=0.6)
        else:
            close = difflib.get_close_matches(fragment.lower(), self.preferred, n=1, cutoff=0.6)
            close = close or difflib.get_close_matches(fragment.lower(), self.sorted_ids, n=1, cutoff=0.9)
        return f"; did you mean '#{close[0]}'?" if close else ""

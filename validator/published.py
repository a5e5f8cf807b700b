"""The published site: which URLs exist, where a link goes, and which Markdown line made it.

* `PublishedSite`: the files of a publish dir (or of pages rendered in memory), walked
  without leaving it, and `resolve(href, page_url)`: a page (+ fragment), a file, missing,
  leaving the site, external (never fetched) or another scheme.
* `SourcePage`: what the rendered pass needs to know of a Markdown file to point back to it.
* `RenderedSite`: what every html rule is given: the parsed pages, the index, the sources,
  and `locator(page)`, which maps a link, heading, placeholder or leak to its Markdown line.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import functools
import io
import itertools
import os
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from validator.addresses import REFUSED, goldmark_drops, template_refuses
from validator.document import (
    PLACEHOLDER_MARK, REF_SHORTCODES, VALUE_SHORTCODES, has_closure_line, line_starts, opaque_depths, ref_path,
    reported_inline_tags,
)
from validator.files import read_at_most, read_text
from validator.paths import fragment_id, is_markdown, real_path
from validator.html import HTML_TAG, MAX_PAGE_BYTES, HtmlHeading, HtmlLink, Leak, Omitted, Page, parse_page
from validator.model import Finding
from validator.settings import HUGO_DEFAULT_BASE_URL, LINK_HOOKS, Markup
from validator.spill import Spill
from validator.template_index import TemplateIndex, attribute_values, position


if TYPE_CHECKING:
    from markdown_it.token import Token

    from validator.document import Document, Heading, HtmlTag, Link, ShortcodeUse

_T = TypeVar("_T")
PAGE_SUFFIXES = (".html", ".htm")
# Where a link goes (`Target.kind`).
PAGE, FILE, REDIRECT, MISSING, OUTSIDE, EXTERNAL, OTHER, EMPTY, UNKNOWN, UNBUILT = (
    "page", "file", "redirect", "missing", "outside", "external", "other", "empty", "unknown", "unbuilt"
)
REDIRECTS_FILE = "_redirects"  # Netlify's and Cloudflare Pages' server-side redirects


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    path: str | None = None  # the publish-relative file that serves it (page, file)
    fragment: str | None = None  # decoded; "" for a bare "#", None without "#"
    url: str = ""  # the resolved URL path, for messages
    # Of a missing `/a` or `/a/`: the published `a.html`, which some servers answer `/a` with
    html_file: str | None = None
    # Of a missing `/a.html`: the URL of the page published at `/a/` (a Jekyll site's old link)
    page_folder: str | None = None
    via: str = ""  # the redirect rule (`/old/* /new/:splat`) that sent the link here
    # Of a missing path: the URL of what is published at it in other letter cases (`/docs/a/`
    # of `/Docs/A/`)
    other_case: str | None = None


@dataclass(frozen=True)
class PublishedSite:
    """A publish dir's files (POSIX paths relative to it) and the site's base URL."""

    files: frozenset[str]
    base_url: str = ""
    root: str | None = None  # the publish dir; None for pages rendered in memory
    display_root: str = ""  # how `root` is shown in reports, e.g. "public"
    # False when only the pages are known (the embedded renderer): a link to a file that
    # is not a page cannot be judged.
    complete: bool = True
    problems: tuple[tuple[str, str], ...] = ()  # (path, message) found while walking
    redirects: tuple[str, ...] = ()  # `_redirects` rules, as `parse_redirects` writes them
    # Without `complete`: the top folders of the static files, all of which `files` holds
    static_folders: frozenset[str] = frozenset()
    # The publish-dir paths of the static folders' symbolic links, which Hugo does not copy
    # (checked with hugo 0.168): each with the file it is
    static_links: Mapping[str, str] = field(default_factory=dict)
    # Pages as written, before Hugo's `canonifyURLs` puts the baseURL before `/a/` (its path
    # included, unless `/a/` starts with it) or `relativeURLs` writes `/a/` relative to the
    # publish dir's root (`../a/`: the path before it, always): the embedded renderer's
    canonify: bool = False
    relative: bool = False
    # On a multihost site, each language's host with its folder (SiteConfig.host_folders): a
    # page's root-relative link leads into its own language's folder
    host_folders: Mapping[str, str] = field(default_factory=dict)
    # Whether `base_url` is Hugo's default, the site setting none: the host of absolute URLs
    # Hugo makes (`ref`), and another site's in a link written with it
    default_base: bool = False
    # Without `complete`, when every top folder's pages are known (see engine._open_folders)
    # but these (taxonomies, pagination): a missing page anywhere else is judged.
    open_folders: frozenset[str] | None = None
    language_folders: frozenset[str] = frozenset()  # the languages' prefixes (`fr`)
    # Without `complete`: whether every page is below its language's folder (the default
    # language's too: `defaultContentLanguageInSubdir`) and every static file is known: a
    # top folder that is no language's and holds no known file is empty (`/posts/` of `/en/posts/`)
    pages_in_language_folders: bool = False
    # Without `complete`: the folder a list's later pages are in (`posts/page/2/`), under any
    # list page a template may paginate (`pagination.path`); None when it is not known.
    pagination_path: str | None = None
    # Without `complete`: the folders of pages made of a single file (`posts/a/` of
    # `posts/a.md`), not of a bundle: no resource is published beside them, only static
    # files, all of which `files` holds.
    file_page_folders: frozenset[str] = frozenset()
    # With Hugo's embedded render hooks on: the files in the assets, where they find a link's
    # or image's relative destination before leaving it as it is.
    asset_files: frozenset[str] = frozenset()
    # Without `complete`: whether the files at the top level are all known, but the outputs
    # of the home page (every static file known, every top folder's pages): a missing
    # top-level `.html` page (a Jekyll site's `/downloads.html`) is judged
    top_files_known: bool = False
    # The names of the files a page's output formats are written to (SiteConfig.output_base_names)
    output_base_names: frozenset[str] = frozenset({"index"})
    # Without `complete`: the folders of the pages of leaf bundles (their subfolders too) and
    # of branch bundles whose resources `files` holds (see engine._bundle_resources).
    leaf_bundle_folders: frozenset[str] = frozenset()
    branch_bundle_folders: frozenset[str] = frozenset()
    # The pages Hugo does not build by default (a draft, a publish date to come, expired),
    # by publish-dir path: (their file, why). A link to one is `UNBUILT`, not `MISSING`.
    unbuilt: Mapping[str, tuple[str, str]] = field(default_factory=dict, compare=False)
    # Top folders a deployment writes after Hugo (`pagefind`): what is in them is not known
    written_after: frozenset[str] = frozenset()
    # Without `complete` nor `open_folders`: top folders that hold alias pages alone (an
    # `aliases: [/docs/old/]` of a docs folder whose site is elsewhere): not known by them
    alias_folders: frozenset[str] = frozenset()
    # The folders whose pages content mdcheck does not read makes (SiteConfig.unknown_content:
    # a content adapter's section, `gen/`, a module's mount): not known without a build
    unknown_folders: tuple[str, ...] = ()
    # Where each link that means the same on every page goes (`/a/`, a URL): a theme's
    # menus repeat thousands of them on every page.
    _resolved: dict[tuple[str, str | None, str], Target] = field(default_factory=dict, compare=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_resolved": {}}  # workers make their own

    @functools.cached_property
    def _redirect_rules(self) -> RedirectRules:
        return RedirectRules(self.redirects)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()

    @property
    def prefix(self) -> str:
        """The URL path the site is served under: `/`, or `/blog/` for `https://x.org/blog/`."""
        return base_path(self.base_url)

    def pages(self) -> list[str]:
        return sorted(f for f in self.files if f.endswith(PAGE_SUFFIXES))

    def url_of(self, path: str) -> str:
        """URL path of a published page: `posts/x/index.html` -> `/posts/x/`."""
        if path == "index.html" or path.endswith("/index.html"):
            path = path[: -len("index.html")]
        return self.prefix + path

    def display(self, path: str) -> str:
        return posixpath.join(self.display_root, path) if self.display_root else path

    def read(self, path: str, limit: int = MAX_PAGE_BYTES) -> tuple[bytes | None, str | None]:
        """A file's bytes, never from outside the publish dir; or why not."""
        if self.root is None or path not in self.files:
            return None, "not in the publish dir"
        real = real_path(os.path.join(self.root, path))
        if not _inside(real, real_path(self.root)):
            return None, "leaves the publish dir; not read"
        try:
            data = read_at_most(real, limit)
        except OSError as exc:
            return None, (exc.strerror or str(exc)).lower()
        return data, None

    def built_with(self, target: Target, page_path: str) -> bool:
        """Whether `target`, a page Hugo does not build by default, is built with the page at
        `page_path` all the same: both are drafts (or such), which `hugo -D` builds together."""
        return target.kind == UNBUILT and page_path in self.unbuilt

    def resolve(self, href: str, page_url: str, base: str | None = None) -> Target:
        """Where `href`, found on the page at `page_url` (under `<base href=base>`), goes."""
        if not _SAME_ON_EVERY_PAGE.match(href):
            return self._resolve(href, page_url, base)
        key = (href, base, self._host_folder(page_url))  # the same on every page of a language's host
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(href, page_url, base)
        return found

    def shown(self, url: str) -> str:
        """A URL path of the publish dir as a reader knows it: on a multihost site, a
        language's folder as its host (`/fr/a/`: `https://fr.example.org/a/`)."""
        if folder := self._host_folder(url):
            host = next(host for host, one in self.host_folders.items() if one == folder)
            return f"https://{host}/{url.lstrip('/')[len(folder):]}"
        return url

    def _host_folder(self, page_url: str) -> str:
        """On a multihost site, the folder of the language whose host serves the page at
        `page_url` (`fr/`), "" when none does."""
        if not self.host_folders:
            return ""
        folder = page_url.lstrip("/").partition("/")[0] + "/"
        return folder if folder in self.host_folders.values() else ""

    def _resolve(self, href: str, page_url: str, base: str | None) -> Target:
        href = href.strip()
        if not href:
            return Target(EMPTY)
        try:
            parts = urlsplit(href)
        except ValueError:
            return Target(MISSING, url=href)
        scheme = parts.scheme.lower()
        if scheme and scheme not in ("http", "https"):
            return Target(OTHER, url=href)
        fragment = fragment_id(parts.fragment) if "#" in href else None
        if scheme or href.startswith("//"):
            if folder := self.host_folders.get(parts.netloc.lower()):
                return self._lookup(f"/{folder}{parts.path.lstrip('/')}", fragment)
            if not self.host or parts.netloc.lower() != self.host:
                return Target(EXTERNAL, url=href)
            path = parts.path or "/"
            if not self._under_prefix(_normalize(unquote(path)) or ""):
                return Target(EXTERNAL, url=href)  # another site on the host (`host/docs-v1/`)
        elif not parts.path:
            path = page_url  # "#frag" or "?query": this page
        elif parts.path.startswith("/"):
            prefixed = self.relative or (self.canonify and not parts.path.startswith(self.prefix))
            path = self.prefix[:-1] + parts.path if prefixed else parts.path
            if folder := self._host_folder(page_url):
                path = f"/{folder}{path.lstrip('/')}"
        else:
            directory = self._directory(page_url, base)
            if directory is None:
                return Target(EXTERNAL, url=href)
            path = directory + parts.path
        return self._lookup(path, fragment)

    def _directory(self, page_url: str, base: str | None) -> str | None:
        """The folder relative links start from: the page's, or its `<base href>`'s."""
        if base:
            parts = urlsplit(base)
            if parts.netloc and parts.netloc.lower() != self.host:
                return None
            if parts.path.startswith("/"):
                page_url = parts.path
            else:
                page_url = page_url[: page_url.rfind("/") + 1] + parts.path
        return page_url[: page_url.rfind("/") + 1] or "/"

    def _under_prefix(self, normal: str) -> bool:
        """Whether a normalized URL path is the site's: under its prefix, or the prefix
        without its slash (`/blog` of `/blog/`, the home page, which servers redirect)."""
        return normal.startswith(self.prefix) or normal + "/" == self.prefix

    def _lookup(self, path: str, fragment: str | None, hops: int = 0) -> Target:
        normal = _normalize(unquote(path))
        if normal is None or not self._under_prefix(normal):
            return Target(OUTSIDE, fragment=fragment, url=normal or path)
        normal = normal if normal.startswith(self.prefix) else self.prefix
        rel = normal[len(self.prefix) :]
        candidates = [rel + "index.html"] if rel == "" or rel.endswith("/") else [rel, rel + "/index.html"]
        rules = self._redirect_rules
        rule = rules.rule_for(normal) if rules.any_forced else None
        if rule is not None and rules.forced(rule[0]):
            return self._redirected(rule, normal, fragment, hops)  # `301!`: over a file at the path too
        for candidate in candidates:
            if candidate in self.files:
                kind = PAGE if candidate.endswith(PAGE_SUFFIXES) else FILE
                return Target(kind, candidate, fragment, normal)
        if (rule := rule if rules.any_forced else rules.rule_for(normal)) is not None:
            return self._redirected(rule, normal, fragment, hops)
        if unbuilt := next((candidate for candidate in candidates if candidate in self.unbuilt), None):
            return Target(UNBUILT, unbuilt, fragment, normal)
        if rel.split("/", 1)[0] in self.written_after:
            return Target(UNKNOWN, fragment=fragment, url=normal)
        if not self.complete and (not self._judgeable(rel) or self._may_be_paginated(rel)):
            return Target(UNKNOWN, fragment=fragment, url=normal)
        html_file = rel.rstrip("/") + ".html"
        if html_file == ".html" or html_file not in self.files:
            html_file = None
        other_case = next((self.url_of(f) for c in candidates if (f := self._by_lower_case.get(c.lower()))), None)
        folder = rel[: -len(".html")] + "/index.html" if rel.endswith(".html") and rel != "index.html" else ""
        page_folder = self.url_of(folder) if folder in self.files else None
        return Target(
            MISSING, fragment=fragment, url=normal, html_file=html_file, other_case=other_case, page_folder=page_folder
        )

    @functools.cached_property
    def _by_lower_case(self) -> dict[str, str]:
        """The files by their lower-cased path (Hugo lower-cases the URLs it makes)."""
        return {path.lower(): path for path in self.files}

    def _redirected(self, rule: tuple[str, str], normal: str, fragment: str | None, hops: int) -> Target:
        """Where a redirect rule sends the path `normal`: what is published at its target
        (the fragment is looked for there), missing, or, for a rule not followed (or a
        chain of more than `MAX_HOPS`), a redirect taken to lead somewhere."""
        text, target = rule
        reached = self._lookup(target, fragment, hops + 1) if target and hops < MAX_HOPS else None
        if reached is None or reached.kind not in (PAGE, FILE, MISSING, UNBUILT):
            return Target(REDIRECT, fragment=fragment, url=normal, via=text)
        return replace(reached, via=text, fragment=fragment)

    def _may_be_paginated(self, rel: str) -> bool:
        """Whether `rel` is a later page of a known page's list (`posts/page/2/`, and
        `posts/page/1/`, which redirects to `posts/`): Hugo writes those of any list page
        whose template paginates it, which the content does not tell."""
        head, _, number = rel.removesuffix("index.html").rstrip("/").rpartition("/")
        if not number.isdecimal() or self.pagination_path is None or not head.endswith(self.pagination_path):
            return False
        folder = head[: len(head) - len(self.pagination_path)]  # the list page's
        return (folder == "" or folder.endswith("/")) and folder + "index.html" in self.files

    def _judgeable(self, rel: str) -> bool:
        """With only the pages known (and the static files, when `static_folders` says so;
        not taxonomy pages, files templates write and the like), a missing page can be judged
        only inside a section that has pages, and a missing file only beside a page made of
        a single file or inside a folder that holds static files only; a missing top-level
        page written without its slash (`/third`) only where every top folder is known."""
        if self.unknown_folders and self._made_elsewhere(rel):
            return False
        # (a folder's name's dot makes no file of it: `docs/v1.2/`)
        suffix = "" if rel.endswith("/") else PurePosixPath(rel).suffix
        if "/" not in rel:
            if suffix.lower() in PAGE_SUFFIXES:
                return self.top_files_known and not self._output_file(rel) and rel.lower() != "404.html"
            known = self.open_folders is not None and rel not in self.open_folders and rel not in self.language_folders
            return suffix == "" and known
        folder = rel.split("/", 1)[0]
        if suffix not in ("", *PAGE_SUFFIXES):
            parent, name = rel[: rel.rfind("/") + 1], rel[rel.rfind("/") + 1 :]
            if parent in self.file_page_folders:
                # but a page's other output formats (`index.xml` with `outputs.page`, or its own `outputs`)
                return name not in self.asset_files and not self._output_file(name)
            if (bundle := self._bundle_folder(parent, name)) is not None:
                return rel[len(bundle) :] not in self.asset_files  # as the page's link writes it
            return folder in self.static_folders and folder not in self._page_folders
        if self.pages_in_language_folders and folder not in self.language_folders and folder not in self._folders:
            return True  # no page is outside a language's folder, and no static file is here
        if self.open_folders is None:
            # a folder known but in another case (`/My-Page/` of `/my-page/`): Hugo lowers paths
            known = folder in self._folders and folder not in self.alias_folders
            return known or folder.lower() in self._lowered_page_folders
        # Every folder is known but the open ones, in a language's folder too (`fr/tags/`)
        parts = rel.split("/")
        at = 1 if folder in self.language_folders and len(parts) > 2 else 0
        if parts[at] == self.pagination_path and not parts[at + 1].isdecimal():
            return True  # the home page's pagination writes `page/2/` and no other name (`content/page.md`'s links)
        # (a taxonomy's plural may be a path: `flux/v0/tags`)
        inside = "/".join(parts[at:])
        return not any(inside.startswith(open + "/") or rel.startswith(open + "/") for open in self.open_folders)

    def _made_elsewhere(self, rel: str) -> bool:
        """Whether a publish-dir path is in one of `unknown_folders` (a language's folder
        before it or not): its pages are not known without a build."""
        lowered = rel.lower()
        first, _, rest = lowered.partition("/")
        paths = (lowered, rest) if first in self.language_folders else (lowered,)
        return any(path.startswith(folder) for path in paths for folder in self.unknown_folders)

    def _output_file(self, name: str) -> bool:
        """Whether a file's name may be that of a page's output format (`index.xml`)."""
        return "." in name and name.split(".", 1)[0] in self.output_base_names

    def _bundle_folder(self, parent: str, name: str) -> str | None:
        """The folder of a bundle's page whose files, all known, `parent` holds (in a
        subfolder too, up to another page's folder), for a file `name` that is not one a
        page's output format may be (`index.xml`, `index.json`)."""
        if self._output_file(name) or not (self.leaf_bundle_folders or self.branch_bundle_folders):
            return None
        ends = [end + 1 for end in range(len(parent)) if parent[end] == "/"]
        for folder in (parent[:end] for end in reversed(ends)):  # the nearest bundle's, leaf or branch
            if folder in self.leaf_bundle_folders or folder in self.branch_bundle_folders:
                return folder
            if folder + "index.html" in self.files or folder + "index.html" in self.unbuilt:
                return None  # a page whose files are not known (`publishResources = false`, a draft)
        return None

    @functools.cached_property
    def _folders(self) -> frozenset[str]:
        return frozenset(f.split("/", 1)[0] for f in self.files if "/" in f)

    @functools.cached_property
    def _page_folders(self) -> frozenset[str]:
        return frozenset(f.split("/", 1)[0] for f in self.files if "/" in f and f.endswith(PAGE_SUFFIXES))

    @functools.cached_property
    def _lowered_page_folders(self) -> frozenset[str]:
        """The top folders of pages, lower-cased, that only pages hold (no static file)."""
        return frozenset(
            folder.lower() for folder in self._page_folders - self.alias_folders if folder not in self.static_folders
        )


def _normalize(path: str) -> str | None:
    """`/a/./b/../c/` -> `/a/c/`; a `..` at the root stays there, as browsers resolve it
    (RFC 3986: `/../css/x.css` is `/css/x.css`); None for a NUL."""
    if "\x00" in path:
        return None
    segments: list[str] = []
    parts = path.split("/")
    for segment in parts[1:]:
        if segment == "..":
            if segments:
                segments.pop()
        elif segment not in (".", ""):
            segments.append(segment)
    trailing = "/" if parts[-1] in ("", ".", "..") and segments else ""
    return "/" + "/".join(segments) + trailing


def _origin(base_url: str) -> str:
    """The scheme and host of a baseURL (`https://example.org`), "" without them."""
    try:
        parts = urlsplit(base_url)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _relative(url: str) -> bool:
    """Whether an address is a path relative to the page (`../a/`, `a/`): no host, no
    scheme, not from the root, not a fragment alone."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not (parts.scheme or parts.netloc) and bool(parts.path) and not parts.path.startswith("/")


def base_path(base_url: str) -> str:
    """The URL path a site of `base_url` is served under: `/`, or `/blog/` for
    `https://x.org/blog/` or `/blog/`. A baseURL without a scheme nor a leading `/`
    (`example.org/`, which a build command's `--baseURL` often replaces) is no path: Hugo
    publishes such a site at the publish dir's root (checked with hugo 0.168)."""
    try:
        parts = urlsplit(base_url)
    except ValueError:
        return "/"
    path = parts.path.strip("/") if parts.scheme or parts.netloc or parts.path.startswith("/") else ""
    return f"/{path}/" if path else "/"


# An href that does not depend on the page it is on: a site path, one with a host, or one
# with a scheme.
_SAME_ON_EVERY_PAGE = re.compile(r"\s*(?:/|[A-Za-z][A-Za-z0-9+.-]*:)")


# A template action on one line, and one that writes nothing (an assignment, a control)
_TEMPLATE_ACTION = re.compile(r"\{\{(?:[^{}\n]|\{(?!\{)|\}(?!\}))*+\}\}")
_WRITES_NOTHING = re.compile(r"\{\{-?\s*(?:\$\w+\s*:?=|(?:if|else|end|range|with|define|block)\b|/\*)")


# More splat rules than this with one text before their first `*` serve every path that
# starts so: a path is then matched against few rules, whatever the rules (time linear in
# links and rules), at the cost of a broken link not reported in so odd a rule set.
_MANY_SPLATS = 64
MAX_HOPS = 10  # redirect rules followed one after another (a loop ends there)


def sent_by(rule: str) -> str:
    """How a message names the redirect rule that sent a link where it is judged."""
    return f"where the redirect rule `{rule}` sends it"


class RedirectRules:
    """Redirect rules (see `parse_redirects`), indexed so that a path is matched against the
    few that may serve it (a site's thousands of rules, its thousands of links): exact
    paths in a dict, splats by the text before their first `*`. The first rule in order
    that matches serves a path, as Netlify applies them."""

    def __init__(self, rules: Iterable[str]) -> None:
        self._rules: list[tuple[str, str, tuple[str, ...]]] = []  # (rule, target, names of the stars)
        self._exact: dict[str, int] = {}  # a path, its trailing slash aside -> its first rule
        self._by_start: dict[str, list[tuple[int, str]]] = {}  # (rule, its source with stars)
        self._unknown: int | None = None  # the first rule of paths no source tells (UNKNOWN_SOURCE)
        rules = tuple(rules)
        self.any_forced = any(map(self.forced, rules))  # then a rule is sought before a file
        for index, rule in enumerate(rules):
            source, _, target = rule.partition(" ")
            target = target.partition(" ")[0]  # (a forced rule's status after it: `301!`)
            pattern = _redirect_source(source)
            names = tuple(match[1] or "splat" for match in _STAR_OR_PLACEHOLDER.finditer(source))
            self._rules.append((rule, target, names))
            if source == UNKNOWN_SOURCE:
                self._unknown = index if self._unknown is None else self._unknown
            elif "*" in pattern:
                self._by_start.setdefault(pattern[: pattern.index("*")], []).append((index, pattern))
            else:
                self._exact.setdefault(pattern.rstrip("/"), index)
        self._lengths = sorted({len(start) for start in self._by_start})

    @staticmethod
    def forced(rule: str) -> bool:
        """Whether a rule applies even where a file is (Netlify's `301!`): a file at its
        path shadows any other."""
        return rule.endswith("!")

    def rule_for(self, path: str) -> tuple[str, str] | None:
        """The first rule that serves `path`, with a trailing slash or without, as Netlify
        matches (`/old` is served by `/old/*`, grpc.io's `daily-builds`), and the site path
        it sends it to (its placeholders and `:splat` filled in), "" when it is not followed;
        None when no rule serves it."""
        found = self._first(path)
        if found is None and not path.endswith("/"):
            found = self._first(path + "/")
        if found is None:
            return None
        index, runs = found
        rule, target, names = self._rules[index]
        if not target or runs is None:
            return rule, ""
        values = dict(zip(names, runs))
        filled = _TARGET_PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), target)
        return rule, "" if _TARGET_PLACEHOLDER.search(filled) else filled

    def _first(self, path: str) -> tuple[int, list[str] | None] | None:
        """The index of the first rule serving `path` and the runs its stars match (None
        when not known: a source of unknown paths, too many rules of one start)."""
        found: list[tuple[int, list[str] | None]] = []
        if (index := self._exact.get(path.rstrip("/"))) is not None:
            found.append((index, []))
        if self._unknown is not None and "/" not in path[1:]:
            found.append((self._unknown, None))
        for length in self._lengths:
            if length > len(path):
                break
            rules = self._by_start.get(path[:length], ())
            if len(rules) > _MANY_SPLATS:
                found.append((rules[0][0], None))
                continue
            for index, source in rules:  # in their order: the first that serves is the one
                if (runs := _redirected(path, source)) is not None:
                    found.append((index, runs))
                    break
        return min(found, key=lambda item: item[0], default=None)


def _redirected(path: str, source: str) -> list[str] | None:
    """Whether a rule of a splat `source` serves `path`: each `*` matches any run, anywhere in
    the source (`/*/sponsors`), a trailing slash aside. The runs, or None."""
    runs = _splat_runs(path, source)
    return runs if runs is not None else _splat_runs(path.rstrip("/"), source.rstrip("/"))


def _splat_runs(text: str, pattern: str) -> list[str] | None:
    """The runs of `text` each `*` of `pattern` matches, when it matches: each piece between
    stars found at its first place after the last one (no backtracking: time linear in
    their lengths whatever the stars); None when it does not."""
    first, *middle, last = pattern.split("*")
    if not text.startswith(first) or len(text) < len(first) + len(last) or not text.endswith(last):
        return None
    at, end = len(first), len(text) - len(last)
    runs = []
    for piece in middle:
        found = text.find(piece, at, end)
        if found < 0:
            return None
        runs.append(text[at:found])
        at = found + len(piece)
    runs.append(text[at:end])
    return runs


# Statuses of the rules followed to their target (see `followed_rule`)
_FOLLOWED_STATUSES = frozenset({"", "200", "301", "302", "303", "307", "308"})


# A template's `{{ range .Aliases }}…{{ end }}` (`range $a := $p.Aliases`), with no block
# inside: the rules it writes are the pages' aliases
_ALIAS_RANGE = re.compile(
    r"\{\{-?\s*range\s+(?:\$\w+\s*:?=\s*)?\$?\w*\.Aliases\s*-?\}\}"
    r"(?:(?!\{\{-?\s*(?:range|if|with|end)\b).){0,2000}\{\{-?\s*end\s*-?\}\}",
    re.DOTALL,
)


def writes_alias_rules(template: str) -> bool:
    """Whether a `_redirects` template writes a rule for each alias of a page."""
    return _ALIAS_RANGE.search(template) is not None


def parse_redirects(text: str, template: bool = False) -> tuple[str, ...]:
    """The rules of a `_redirects` file (`/old /new 301`; `#` starts a comment), but those
    that answer with an error (`/* /404.html 404`) and fallbacks (see `fallback_rule`), each as `source target` when mdcheck
    follows it (a redirect or rewrite to a path of the site, on no condition), else as its
    source alone. A `:placeholder` segment of a source is a splat (`/:lang/old` of
    `/*/old`). Of a template that writes one, an action in a source path is a splat too
    (`/a/{{ $x }}/b`); a source all made by actions (KEDA's `{{ $name | printf "/%s" }}`
    over a list) is `UNKNOWN_SOURCE`; a target with an action is not followed. The rules a
    template writes for the pages' aliases are left out: the pages' own (see
    SiteConfig.aliases_redirected)."""
    rules = []
    if template:
        text = _ALIAS_RANGE.sub("", text)
        text = _TEMPLATE_ACTION.sub(lambda action: "" if _WRITES_NOTHING.match(action[0]) else ":action", text)
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 3 and fields[2].startswith("4"):
            continue  # an error page (`/* /404.html 404`) serves nothing at its paths
        if len(fields) >= 2 and fields[0].startswith("/") and not fallback_rule(fields[0], fields[1]):
            source = fields[0].replace(":action", "*") if template else fields[0]
            status = fields[2] if len(fields) == 3 else ""
            followed = len(fields) <= 3 and followed_rule(fields[1], status)
            forced = f" {status}" if status.endswith("!") else ""  # (see RedirectRules.forced)
            # (a target with an action is kept, `/docs/:action/:splat`, and not followed: see `computed_target`)
            rules.append(f"{source} {fields[1]}{forced}" if followed else source)
        elif template and len(fields) >= 2 and fields[0].startswith(":action"):
            rules.append(UNKNOWN_SOURCE)
    return tuple(rules)


def computed_target(rule: str) -> bool:
    """Whether a rule of a redirects template sends its paths where an action computes
    (`/docs/latest/* /docs/{{ $current }}/:splat`): mdcheck does not run it."""
    return ":action" in rule.partition(" ")[2]


def fallback_rule(source: str, target: str) -> bool:
    """Whether a rule sends every path of the site to one page (`/* /index.html 200`, a
    single-page app's fallback, or a redirect of everything to the home page): a link it
    serves gets that page, not what it names (a 404 all the same, softened). Left out."""
    return _redirect_source(source.strip()) == "/*" and ":splat" not in target


def followed_rule(target: str, status: str) -> bool:
    """Whether mdcheck follows a redirect rule of `target` and `status` (`301`, `200!`): a
    redirect, or a rewrite (200, which serves the target's content at the source's path),
    to a path of the site with no host and no query (which Netlify's rules may match on)."""
    plain = target.startswith("/") and not target.startswith("//") and not any(c in target for c in "?= ")
    return plain and status.strip().rstrip("!") in _FOLLOWED_STATUSES


def _redirect_source(path: str) -> str:
    """A rule's source path as `RedirectRules` matches it: each `:placeholder` segment a
    splat (`/:lang/old` of `/*/old`)."""
    return _PLACEHOLDER_SEGMENT.sub("*", path)


# A redirect rule's source a template makes of actions alone: it is taken to serve any
# top-level path written without a slash (`/scalers`), where such rules send short names.
UNKNOWN_SOURCE = "?"


_PLACEHOLDER_SEGMENT = re.compile(r"(?<=/):[A-Za-z_]\w*")
_STAR_OR_PLACEHOLDER = re.compile(r"\*|(?<=/):([A-Za-z_]\w*)")
_TARGET_PLACEHOLDER = re.compile(r":([A-Za-z_]\w*)")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def scan_publish_dir(root: str, base_url: str = "", display_root: str = "") -> PublishedSite:
    """Index a publish dir. Symbolic links are followed only while they stay inside it;
    a link out of it, a loop or an unreadable folder is a problem, never an error."""
    real_root = real_path(root)
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen = {_identity(real_root)}
    stack = [("", real_root)]
    while stack:
        rel_dir, directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append((rel_dir or ".", f"cannot be read: {(exc.strerror or str(exc)).lower()}"))
            continue
        for entry in entries:
            rel = rel_dir + entry.name
            real = real_path(entry.path)
            if entry.is_symlink() and not _inside(real, real_root):
                problems.append((rel, "symbolic link to outside the publish dir; not followed"))
            elif os.path.isdir(real):
                identity = _identity(real)
                if identity in seen:
                    problems.append((rel, "symbolic link loop; not followed"))
                else:
                    seen.add(identity)
                    stack.append((rel + "/", real))
            elif os.path.isfile(real):
                files.append(rel)
    site = PublishedSite(frozenset(files), base_url, root, display_root, True, tuple(problems))
    data, _ = site.read(REDIRECTS_FILE)
    if data is None:
        return site
    return replace(site, redirects=parse_redirects(data.decode("utf-8", "replace")))


def _identity(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def parse_hugo_list(csv_text: str) -> dict[str, str]:
    """`hugo list all` output -> {URL path and permalink: content path} (`content/posts/x.md`)."""
    start = csv_text.find("path,")
    if start < 0:
        return {}
    mapping: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(csv_text[start:])):
        permalink, path = row.get("permalink") or "", row.get("path") or ""
        if permalink and path:
            mapping[permalink] = path
            mapping[unquote(urlsplit(permalink).path) or "/"] = path
    return mapping


# --- the Markdown side -----------------------------------------------------------------------


# The records of a SourcePage are NamedTuples, as a Page's are (see validator.html).
class SourceHeading(NamedTuple):
    id: str | None
    text: str
    line: int
    column: int
    level: int = 2
    custom_id: bool = False  # set with {#id}

    @classmethod
    def of(cls, heading: Heading) -> SourceHeading:
        return cls(heading.id, heading.text, heading.line, heading.column, heading.level, heading.custom_id)


class SourceLink(NamedTuple):
    destination: str  # as written, shortcodes in their source form
    line: int
    column: int
    # The path argument of the ref/relref that makes the destination ("" when it has none);
    # None when no shortcode does.
    shortcode_path: str | None = None
    kind: str = "link"  # see Link.kind; "link" for a shortcode's address
    text: str = ""  # see Link.text: an image's alt text (a shortcode's: its call's `alt`)
    escapes_kept: bool = False  # a render hook writes it with its escapes (see Link.forms)
    parameter: str = ""  # of a shortcode's address: the parameter that gave it, lower-cased ("" positional)

    @classmethod
    def of(cls, link: Link) -> SourceLink:
        escapes_kept = link.forms is not None and link.destination == link.forms[1]
        return cls(link.destination, link.line, link.column, ref_path(link), link.kind, link.text, escapes_kept)

    def may_make(self, link: HtmlLink, own_image_hook: bool = False, every_alt: bool = False) -> bool:
        """Whether the link may be an HTML element's: an `<img>` comes of an image (or raw
        HTML), without an alt text only of one without (a theme's logo is not the page's
        image of it) unless the site's own image hook writes it (which may write none:
        goharbor's), an `<a>` of anything but an image."""
        if link.tag == "img":
            if link.no_alt and self.kind == "image" and every_alt:
                return False  # goldmark (or Hugo's embedded hook) writes an alt for every Markdown image
            if self.kind == "html" and link.text.strip() and not self.text.strip():
                return False  # raw HTML is written as it is: an `<img>` with an alt is none without
            described = not self.text.strip() or link.attribute != "src" or bool(link.text.strip())
            return self.kind in ("image", "html") and (described or (own_image_hook and self.kind == "image"))
        return link.tag != "a" or self.kind != "image"


class RawHtml(NamedTuple):
    """Raw HTML Hugo replaces with one placeholder: an inline tag, a whole HTML block
    (located at its first tag), or the output of a `{{% name %}}` call (Hugo renders it as
    Markdown, so the HTML it writes is raw HTML too). `before`/`after`: the text beside it."""

    name: str  # the element's name, or the shortcode's for a `{{% %}}` call
    line: int
    column: int
    before: str
    after: str
    shortcode: bool = False
    # False for the placeholders of what the source pass does not report on its own: a
    # block that only closes elements (`</details>`), an inline closing tag after its
    # opening tag, and the closing line goldmark writes a second placeholder for
    # (`</script>` on a line of its own).
    reported: bool = True
    # for a call whose template writes no HTML but whose content, rendered apart into HTML,
    # another `{{% %}}` call's Markdown output holds: that call's name
    apart_in: str = ""


@dataclass(frozen=True)
class SourcePage:
    """What the rendered pass knows of a Markdown file: kept for every page, read back
    only for the pages whose findings it locates."""

    path: str  # display path of the .md
    url: str | None  # Hugo's RelPermalink; None when Hugo renders no page
    file: str | None = None  # as `hugo list all` names it: relative to the site root, else absolute
    links: tuple[SourceLink, ...] = ()
    headings: tuple[SourceHeading, ...] = ()
    raw_html: tuple[RawHtml, ...] = ()  # only what Hugo omits (unsafe = false)
    front_matter_html: bool = False  # whether its front matter holds a tag (a title a template renders)
    title: str = ""  # the front matter title, which themes print as a heading
    # Lines holding text that can reach the page unrendered, as written.
    marked_lines: tuple[tuple[int, str], ...] = ()
    language: str = ""  # the language its text is written in (SiteConfig.text_language)
    # The shortcode calls' parameters that may become a link or an image a template writes
    # (`{{< figure src="a.png" >}}`): (value, line, column) of the call
    shortcode_addresses: tuple[SourceLink, ...] = ()
    # Each parameter value of a shortcode call that may name a page resource by its file's
    # stem (geekdoc's `{{< img name="forest-8" >}}`): an image made of that file is placed there
    resource_names: tuple[SourceLink, ...] = ()
    # A shortcode call's parameter value that is a name alone, with another of its values as
    # `text`, for each such pair (the glossary's `{{< glossary_tooltip text="userspace"
    # term_id="user-space" >}}`): a link of that text whose address has that name is placed there
    link_names: tuple[SourceLink, ...] = ()
    # The ids raw HTML sets (`id`, an `<a>`'s `name`): (value, line, column) of the tag
    html_ids: tuple[tuple[str, int, int], ...] = ()
    # Whether Hugo may write its Markdown links otherwise than as written: a link render
    # hook renders them (the site's, or Hugo's embedded one), or `canonifyURLs` rewrites them
    links_rewritten: bool = True
    # The same of its images: an image render hook renders them (the site's, or Hugo's
    # embedded one, which writes a resource's address), or `canonifyURLs` rewrites them
    images_rewritten: bool = True
    # Whether Hugo's embedded hooks alone rewrite its links, and its images: such a hook
    # writes the address of the page (or resource) it finds, which is published, else the
    # destination as written
    embedded_rewrites: tuple[bool, bool] = (False, False)
    image_hook: bool = False  # whether the site has an image render hook that may drop the alt
    every_alt: bool = False  # whether every Markdown image of it gets an alt (no image hook of the site's)
    # With `canonifyURLs`, the baseURL Hugo writes before a root-relative address (`/a/`:
    # `https://example.org/a/`); else ""
    canonified_base: str = ""
    # With `relativeURLs`, the path the site is served under (`/docs/`), which Hugo writes a
    # root-relative address (`/a/`) relative to, from the page (`../a/`); else ""
    relative_base: str = ""
    # The scheme and host of the site's baseURL (`https://example.org`), else ""
    site_origin: str = ""
    # Whether its links lead where they do only from the pages that include its content: a
    # page Hugo builds none of by a section's cascade alone (fragments other pages read,
    # whose `/product/version/` links a template rewrites), so none is judged here
    links_elsewhere: bool = False
    # The attributes (`src`, `href`) whose addresses in its content its template rewrites
    # (SiteConfig.page_rewrites_addresses): with the embedded renderer, those are not judged
    addresses_rewritten: frozenset[str] = frozenset()

    @classmethod
    def unrendered(cls, doc: Document) -> SourcePage:
        """The records of a page Hugo renders none of: its headings, which the pages that
        show its content show."""
        return cls(doc.path, None, headings=tuple(SourceHeading.of(heading) for heading in _shown_headings(doc)))

    @classmethod
    def from_document(cls, doc: Document, file: str | None = None, *, marked: bool = True) -> SourcePage:
        """The page's records; `marked_lines` only when `marked` (a page that shows markup as
        written: they are what its snippets are sought in)."""
        return cls(
            path=doc.path,
            url=doc.url,
            file=file,
            links=tuple(
                SourceLink.of(link)
                for link in sorted(
                    (*doc.links, *doc.rendered_content_links(kinds=("link", "image", "html"))),
                    key=lambda one: (one.line, one.column),
                )
            ),
            headings=tuple(SourceHeading.of(heading) for heading in _shown_headings(doc)),
            title=_scalar_text(doc.front_matter.get("title")),
            raw_html=() if doc.markup.unsafe else tuple(_omitted_html(doc)),
            front_matter_html=not doc.markup.unsafe and any(
                _TAG_START.search(line) for line in doc.lines[doc.front_matter.line : doc.front_matter.end_line]
            ),
            marked_lines=doc.of_content(_marked_lines) if marked else (),
            language=doc.site.text_language(doc.language),
            shortcode_addresses=tuple(_shortcode_addresses(doc)),
            resource_names=tuple(_resource_names(doc)),
            link_names=tuple(_link_names(doc)),
            html_ids=_html_ids(doc),
            links_rewritten=doc.links_hooked or doc.site.canonify_urls,
            images_rewritten="render-image" in doc.render_hooks or doc.embedded_hooks[1] or doc.site.canonify_urls,
            embedded_rewrites=(
                not doc.site.canonify_urls and not LINK_HOOKS & doc.render_hooks and doc.embedded_hooks[0],
                not doc.site.canonify_urls and "render-image" not in doc.render_hooks and doc.embedded_hooks[1],
            ),
            # (also one that keeps the address, left out of `render_hooks`), not known to write
            # the Markdown's alt text: it may drop it (goharbor's writes none)
            image_hook=not doc.site.image_hook_alt and any(hook[0] == "render-image" for hook in doc.site.hook_filters),
            every_alt="render-image" not in doc.render_hooks,
            # (without a baseURL, Hugo's default one: `https://example.org/a/`)
            canonified_base=(doc.site.base_url or HUGO_DEFAULT_BASE_URL).rstrip("/") + "/" if doc.site.canonify_urls else "",
            relative_base=base_path(doc.site.base_url) if doc.site.relative_urls else "",
            site_origin=_origin(doc.site.base_url),
        )


_TAG_START = re.compile(r"</?[A-Za-z]")


def _shown_headings(doc: Document) -> Sequence[Heading]:
    """The headings the page shows, in file order: its own, those of the `{{% %}}` calls in a
    call's content and those of the content a template renders."""
    if rendered := doc.rendered_content_headings:
        return sorted((*doc.every_heading, *rendered), key=lambda heading: (heading.line, heading.column))
    return doc.every_heading


def _html_ids(doc: Document) -> tuple[tuple[str, int, int], ...]:
    """The ids the page's raw HTML sets and its code lines' anchors, in file order."""
    ids = tuple((value, tag.line, tag.column) for value, tag in doc.raw_html_id_tags)
    if anchors := doc.code_line_anchors:
        return tuple(sorted((*ids, *anchors), key=lambda item: (item[1], item[2])))
    return ids


def _scalar_text(value: Any) -> str:
    """A front matter value as Hugo prints it, when it is a scalar; a table or list (which
    front-matter-type reports) is no title."""
    return "" if not value or isinstance(value, (dict, list)) else str(value)


def _shortcode_addresses(doc: Document) -> Iterator[SourceLink]:
    """Each parameter value of a shortcode call that reads as an address (a path or URL), or
    the destinations of the Markdown links in it (placed at the call), and each Markdown
    link in the content of a `{{< >}}` call (its template may render either with
    `markdownify`; a `{{% %}}` call's content is among the page's Markdown)."""
    starts: list[int] | None = None
    calls = doc.shortcode_calls
    # a call within a `{{< >}}` call's content is read with that content (nesting stays linear)
    for use, depth in zip(calls, opaque_depths(calls), strict=True):
        if use.template in REF_SHORTCODES:
            continue  # a ref's link is among the page's links
        alt = use.param("alt")  # what the call gives its template for an image's alt text
        for name, value in use.named:  # an address given empty (`{{< figure src="" >}}`)
            if name.lower() in _ADDRESS_PARAMETERS and isinstance(value, str) and not value.strip():
                yield SourceLink("", use.line, use.column, text=alt if isinstance(alt, str) else "")
        for name, value in [*(("", value) for value in use.positional), *use.named]:
            if isinstance(value, str) and (_ADDRESS.fullmatch(value.strip()) or _FRAGMENT.fullmatch(value.strip())):
                text = alt if isinstance(alt, str) else ""
                yield SourceLink(value.strip(), use.line, use.column, text=text, parameter=name.lower())
            elif isinstance(value, str) and "](" in value:  # Markdown a template may render (`markdownify`)
                for match in MARKDOWN_DESTINATION.finditer(value):
                    yield SourceLink(match[1], use.line, use.column)
        markdown_inside = use.notation == "<" and use.template != "highlight" and depth == 0
        if markdown_inside and use.paired:
            starts = starts if starts is not None else line_starts(doc.text)
            if (content := doc.call_content(use, starts)) is None:
                continue
            opened, text = content
            for match in MARKDOWN_DESTINATION.finditer(text):
                line = bisect.bisect_right(starts, opened + match.start(1)) - 1
                yield SourceLink(match[1], line + 1, opened + match.start(1) - starts[line] + 1)
    for use, value, _ in doc.ref_parameters:  # a path its template looks up with ref/relref
        yield SourceLink(value, use.line, use.column, value)


def _resource_names(doc: Document) -> Iterator[SourceLink]:
    """Each parameter value of a shortcode call (not a ref) that is a name alone, as a page
    resource's file stem is (`forest-8`), at the call: see SourcePage.resource_names."""
    for use in doc.shortcode_calls:
        if use.template not in REF_SHORTCODES:
            for value in use.values:
                if isinstance(value, str) and _RESOURCE_NAME.fullmatch(value):
                    yield SourceLink(value, use.line, use.column, kind="image")


_RESOURCE_NAME = re.compile(r"[A-Za-z0-9][\w-]{1,100}")


def _link_names(doc: Document) -> Iterator[SourceLink]:
    """See SourcePage.link_names."""
    for use in doc.shortcode_calls:
        if use.template in REF_SHORTCODES:
            continue
        values = [value.strip() for value in use.values if isinstance(value, str)]
        values = values[:_LINK_NAME_VALUES]  # pairs of them: a bound, whatever a call is given
        texts = [value for value in values if value and len(value) <= _LINK_TEXT_AT_MOST]
        for name in values:
            if len(name) >= 3 and _RESOURCE_NAME.fullmatch(name):
                yield from (SourceLink(name, use.line, use.column, text=text) for text in texts if text != name)


_LINK_TEXT_AT_MOST = 200
_LINK_NAME_VALUES = 12


def _names_link(link: HtmlLink, name: SourceLink) -> bool:
    """Whether `link` has the text `name` gives and names it in its address, as a word of
    its own (`#term-user-space` names `user-space`)."""
    if link.text.strip() != name.text or name.destination not in link.url:
        return False
    return re.search(rf"(?<![\w.]){re.escape(name.destination)}(?![\w])", link.url) is not None


def _names_file(url: str, name: SourceLink) -> bool:
    """Whether the image at `url` is the file `name` names by its stem, or an image Hugo
    processed of it (`forest-8_hu…`)."""
    file = unquote(url.split("#", 1)[0].split("?", 1)[0].rpartition("/")[2])
    stem = file.rpartition(".")[0]
    return stem == name.destination or file.startswith(name.destination + "_hu")


# A Markdown link's destination: `](dest` (the text before it is not needed to place it).
MARKDOWN_DESTINATION = re.compile(r"\]\([^\S\n]*+<?([^\s<>()]+)")


# (A `.` or `/` before the last character, which is no `.`: `/docs/`, `a.png`, not `etc.`;
# single spaces inside, as in a file's name: `/img/Raft group.png`, which `relURL` writes
# with `%20`; the lookahead keeps a long value linear.)
_ADDRESS = re.compile(r"(?=[^\s<>\"'{}]*(?: [^\s<>\"'{}]+)*[./].)[^\s<>\"'{}](?:[^\s<>\"'{}]| (?! ))*[^\s<>\"'{}.]")
# named so by shortcodes, an image's too (DoIt's `{{< friend url="" avatar="" >}}`)
_ADDRESS_PARAMETERS = frozenset({
    "src", "href", "link", "url", "image", "img", "avatar", "logo", "icon", "cover", "thumbnail", "poster",
})
_LINK_PARAMETERS = frozenset({"href", "link", "url", "target"})  # a shortcode's address of a link, not an image
_IMAGE_PARAMETERS = frozenset({"src", "image", "img", "avatar", "logo", "icon", "cover", "thumbnail", "poster"})
_FRAGMENT = re.compile(r"#[^\s#<>\"'{}]+")  # a fragment alone: congo's `{{< button href="#button" >}}`


# `[^\S\n]`: a blank within the line.
_OPENING_BRACES = re.compile(r"\\?\{\\?\{\\?[<%]")  # a shortcode's, escaped (`\\{\\{<`, `{{\\<`) or not
_COMMENT_MARKS = re.compile(r"/\*|\*/")
_ESCAPED_CALL = re.compile(r"\{\{[<%]\s*/\*.*?\*/\s*[>%]\}\}")  # `{{</* x */>}}`, printed `{{< x >}}`
_MARKED = re.compile(
    _OPENING_BRACES.pattern + r"|\[\^|\$\$|\*\*|\{:?[ \t]*+[#.]|\{[\w-]++=|^[^\S\n]*+(?:\|[^\S\n]*+)?:?-++:?[^\S\n]*\|", re.MULTILINE
)


def _marked_lines(doc: Document) -> tuple[tuple[int, str], ...]:
    """The (number, text) of each line `_MARKED` matches in, found in one pass over the page;
    not those of code (blocks, `highlight` calls), which a page shows as it is written."""
    numbers: list[int] = []
    number, counted = 1, 0
    # a shortcode call's own `{{<` is no mark: Hugo runs it (in a code span too), and a page
    # showing a call as text got it from elsewhere (a file a call includes), not from here
    calls = {(use.line, use.column) for use in doc.shortcode_calls}
    line_start = 0
    for match in _MARKED.finditer(doc.text):
        if (breaks := doc.text.count("\n", counted, match.start())) > 0:
            number += breaks
            line_start = doc.text.rfind("\n", counted, match.start()) + 1
        counted = match.start()
        if match[0].startswith("{{") and (number, match.start() - line_start + 1) in calls:
            continue
        if not numbers or numbers[-1] != number:
            numbers.append(number)
    highlighted = [
        (use.line, use.close_line) for use in doc.shortcode_calls if use.template == "highlight" and use.close_line
    ]
    starts = [first for first, _ in highlighted]  # in page order: highlight calls do not nest

    def in_code(number: int) -> bool:
        index = bisect.bisect_right(starts, number) - 1
        return doc.in_code(number) or (index >= 0 and number <= highlighted[index][1])

    rendered = _rendered_markup_lines(doc) if numbers else set()
    return tuple(
        (number, doc.lines[number - 1]) for number in numbers if not in_code(number) and number not in rendered
    )


# Inline tokens whose markup the page never shows as written
_PLAIN_INLINE = frozenset({
    "text", "text_special", "softbreak", "hardbreak", "strong_open", "strong_close", "em_open", "em_close",
    "s_open", "s_close", "code_inline", "link_open", "link_close", "image", "html_inline",
})


_BREAKS = frozenset({"softbreak", "hardbreak"})
# Inline tokens whose content the page shows as written: a mark in a code span shows too
_SHOWN_AS_WRITTEN = frozenset({"text", "text_special", "code_inline", "html_inline"})


def _rendered_markup_lines(doc: Document) -> set[int]:
    """The lines of the paragraphs, headings and cells whose marks were all parsed: their
    text holds none (nor a shortcode's placeholder), so none of their markup shows on the
    page, and a snippet the page shows as text (`**only**`) comes from another line that
    has it too."""
    if doc.source_map is None:
        return set()
    lines: set[int] = set()
    for token in doc.tokens:
        if token.type == "table_open" and token.map:  # its delimiter row, which a table never shows
            lines.add(doc.source_map.line_position(token.map[0] + 1)[0])
        if token.type != "inline" or not token.map or not token.children or not _MARKED.search(token.content):
            continue  # no mark in its Markdown: none of its lines is a marked line
        if any(child.type not in _PLAIN_INLINE for child in token.children):
            continue  # a footnote reference without a definition, a passthrough: shown as written
        text = "".join(  # (its lines apart: a table's delimiter row shown as text is a line's start)
            child.content if child.type in _SHOWN_AS_WRITTEN else "\n" if child.type in _BREAKS else ""
            for child in token.children
        )
        if _MARKED.search(text) or PLACEHOLDER_MARK in text:
            continue
        first = doc.source_map.line_position(token.map[0])[0]
        last = doc.source_map.line_position(max(token.map[1] - 1, token.map[0]))[0]
        lines.update(range(first, last + 1))
    return lines


def _omitted_html(doc: Document) -> list[RawHtml]:
    """What may become a placeholder, in page order: inline tags, HTML blocks, the output of
    `{{% %}}` calls, and those of the content of a `{{< >}}` call rendered as Markdown."""
    found = _omitted_in(doc)
    for use, content in doc.rendered_contents:
        for item in _omitted_in(content):
            line, column = doc.content_position(use, item.line, item.column)
            found.append(item._replace(line=line, column=column))
    return sorted(found, key=lambda item: (item.line, item.column))


def _omitted_in(doc: Document) -> list[RawHtml]:
    """Those of the page's own Markdown."""
    site = doc.site
    calls: list[RawHtml] = []
    uses = doc.shortcode_calls
    for use in uses:
        if use.notation != "%" or use.template in VALUE_SHORTCODES:
            continue
        holder = apart_holder(doc, use, uses) if use.template in site.shortcodes_without_html else ""
        if use.template not in site.shortcodes_without_html or holder:
            calls.append(RawHtml(use.name, use.line, use.column, "", "", shortcode=True, apart_in=holder))
    return [*_raw_tags(doc), *calls]


def apart_holder(doc: Document, use: ShortcodeUse, calls: Sequence[ShortcodeUse]) -> str:
    """The name of the `{{% %}}` call whose output, Markdown, holds this call's content
    rendered apart into HTML (raw-html-omitted's `_shortcode_output`); "" when none does, or
    its template is not known. `calls`: the page's (`Document.shortcode_calls`)."""
    parent = calls[use.parent] if use.parent is not None else None
    if parent is None or parent.notation != "%":
        return ""
    return parent.name if parent.template in doc.site.shortcodes else ""


def _raw_tags(doc: Document) -> Iterator[RawHtml]:
    """One per placeholder goldmark writes: per inline tag, per HTML block, and per closing
    line of a block that has one (see `_closing_line`)."""
    blocks = sorted(
        ((doc.position(token)[0], token) for token in doc.tokens if token.type == "html_block"),
        key=lambda block: block[0],
    )
    block_starts = [line for line, _ in blocks]
    tags_of: dict[int, list[HtmlTag]] = {}  # a block's first line -> its tags
    for tag in doc.html_tags:
        if tag.block:  # the HTML block it is in: the last one starting at its line or before
            before_it = bisect.bisect_right(block_starts, tag.line)
            tags_of.setdefault(block_starts[before_it - 1] if before_it else tag.line, []).append(tag)
    inline_reported = {id(tag): reported for tag, reported in reported_inline_tags(doc.html_tags)}
    done_blocks: set[int] = set()
    for tag in doc.html_tags:
        closing = None
        if tag.block:
            before_it = bisect.bisect_right(block_starts, tag.line)
            block = block_starts[before_it - 1] if before_it else tag.line
            if block in done_blocks:
                continue
            done_blocks.add(block)
            if before_it:
                closing = _closing_line(block, blocks[before_it - 1][1])
            reported = not all(other.closing for other in tags_of[block])
        else:
            reported = inline_reported[id(tag)]
        line = doc.lines[tag.line - 1] if tag.line <= len(doc.lines) else ""
        start, end = tag.column - 1, tag.column - 1 + len(tag.source)
        # The text between it and its neighbour tags, found without copying the line
        stop = line.find("<", end)
        before = line[line.rfind(">", 0, start) + 1 : start].strip()
        after = line[end : stop if stop >= 0 else len(line)].strip()
        yield RawHtml(tag.name, tag.line, tag.column, before, after, reported=reported)
        if closing is not None:
            yield RawHtml(tag.name, closing, 1, "", "", reported=False)
    for first, block in blocks:  # a block with no tag (a lone `<div`): its placeholders all the same
        if first not in tags_of and not block.content.lstrip().startswith("<!--"):
            yield RawHtml("", first, 1, "", "", reported=False)
            if (closing := _closing_line(first, block)) is not None:
                yield RawHtml("", closing, 1, "", "", reported=False)


def _closing_line(first: int, block: Token) -> int | None:
    """The file line of the block's closure line (see `has_closure_line`), if it has one."""
    return first + block.content.rstrip("\n").count("\n") if has_closure_line(block.content) else None


# --- the rendered site -----------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedSite:
    """What an html rule is given. Build it with `build_rendered` or `load_rendered`."""

    published: PublishedSite
    # In a run, pages and sources are kept on disk: each read of one unpickles it anew
    # (see validator.spill), so rules look them up by path rather than keep them.
    pages: Sequence[Page]
    sources: Sequence[SourcePage]
    page_index: Mapping[str, int]  # HTML page path -> its place in `pages`
    source_index: Mapping[str, int]  # HTML page path -> its Markdown's place in `sources`
    markup: Markup = field(default_factory=Markup)
    html_pages: Mapping[str, str] = field(default_factory=dict)  # Markdown path -> its (first) HTML page
    # HTML page path -> its content file, when that is no Markdown (an `.html` page; Hugo's
    # list of a build tells)
    other_content: Mapping[str, str] = field(default_factory=dict)
    # The same pages' content files' text, when the site's folder is known (those of another
    # format are few): what a finding there names is its own when that text holds it
    other_texts: Mapping[str, str] = field(default_factory=dict, repr=False)
    # The HTML files Hugo copied as they are from the static folders (a TypeDoc's output),
    # which are not checked: Hugo renders none of them (links to them count all the same)
    copied_pages: tuple[str, ...] = ()
    # The site's words per language (Site.vocabularies), the words its users list as right
    # (SiteConfig.user_words) and its default language, for spelling the headings only HTML shows.
    vocabularies: Mapping[str, Mapping[str, int]] = field(default_factory=dict, repr=False)
    user_words: tuple[str, ...] = ()
    language: str = "en"
    data_dirs: tuple[str, ...] = ()  # SiteConfig.data_dirs: headings templates print from data
    layout_dirs: tuple[str, ...] = ()  # SiteConfig.layout_dirs: the templates read
    joining_paths: tuple[str, ...] = ()  # SiteConfig.joining_paths
    # Whether pages may load KaTeX or MathJax though their HTML does not show it (the
    # embedded renderer writes no theme; a built page may load it in a script bundle).
    math_renderer: bool = False
    # With mdcheck's own rendering, when Hugo's embedded link render hook rewrites links:
    # whether it finds a page for a destination written in a Markdown file (its path), and
    # so writes that page's URL instead (see links.hook_lookup).
    found_by_hook: Callable[[str, str], bool] | None = field(default=None, repr=False)
    # The source read last, with its place: rules read a page's findings one after another,
    # and a page of thousands of links must not unpickle its Markdown's for each.
    _last_source: list[tuple[int, SourcePage]] = field(default_factory=list, init=False, repr=False, compare=False)

    def page(self, path: str | None) -> Page | None:
        index = self.page_index.get(path) if path else None
        return self.pages[index] if index is not None else None

    def source(self, page: Page) -> SourcePage | None:
        index = self.source_index.get(page.path)
        if index is None:
            return None
        last = self._last_source
        if not last or last[0][0] != index:
            last[:] = [(index, self.sources[index])]
        return last[0][1]

    def markdown_path(self, path: str) -> str | None:
        """The Markdown file of the HTML page `path` (any of its pages: a language's copy too),
        as findings name it."""
        index = self.source_index.get(path)
        return None if index is None else self._markdown_paths.get(index)

    @functools.cached_property
    def _markdown_paths(self) -> dict[int, str]:
        """The Markdown files by their place in `sources` (told by their first HTML pages,
        without reading the sources back)."""
        places = self.source_index
        return {places[html]: markdown for markdown, html in self.html_pages.items() if html in places}

    def locator(self, page: Page) -> Locator:
        return Locator(
            functools.partial(self.source, page), page.links, functools.partial(self._missing, page), page.url
        )

    def _missing(self, page: Page, url: str) -> bool:
        return self.published.resolve(url, page.url, page.base).kind in (MISSING, UNBUILT)

    def finding(
        self, page: Page, message: str, at: tuple[int, int], source_at: tuple[int, int] | None, *, own: bool = True
    ) -> Finding:
        """At the Markdown line when known, else at the HTML page's line `at` (naming the
        page's content file when it is of another format, unless not `own`: a template's)."""
        if source_at is not None and (source := self.source(page)) is not None:
            return Finding(*source_at, message, path=source.path, html_path=page.path)
        if own and (content := self.other_content.get(page.path)) is not None:
            message += f" (the page of {content})"
        return Finding(*at, message, path=self.published.display(page.path), html_path=page.path)

    @functools.cached_property
    def templates(self) -> TemplateIndex:
        """Where the site's templates write a value: what a finding no Markdown line made is
        placed by (see `split_mapped`)."""
        return TemplateIndex(self.layout_dirs)

    def joins_pages(self, page: Page) -> bool:
        """Whether the page is one of an HTML output format with a path of its own (Docsy's
        print view, `_print/`, below a language's folder too), which joins other pages'
        content: what repeats there, and their relative links, are theirs."""
        return any(f"/{path}/" in f"/{page.path}" for path in self.joining_paths)

    def keyed(
        self, key: str, page: Page, message: str, at: tuple[int, int], source_at: tuple[int, int] | None
    ) -> tuple[str, Finding, bool]:
        """A finding as `split_mapped` takes it: (defect key, finding, mapped to Markdown). A
        defect of a page whose content file is of another format is that page's own: not
        grouped with the same on other pages, as a template's is; unless that file, read,
        does not hold the key (a theme's `/favicon.svg`, on every page). When it writes the
        key as one attribute's value (`src="/logo.png"`), the finding is placed there."""
        text = self.other_texts.get(page.path)
        own = page.path in self.other_content and (text is None or key in text)
        if own:
            written = [] if text is None or source_at is not None else [
                at for _, value, at in attribute_values(text) if value == key
            ]
            if len(written) == 1:
                found = Finding(*position(text, written[0]), message, path=self.other_content[page.path],
                                html_path=page.path)  # fmt: skip
                return key + "\0" + page.path, found, True
            key += "\0" + page.path
        return key, self.finding(page, message, at, source_at, own=own), source_at is not None


class PagePass:
    """An html check's reading of the rendered pages. A run reads each page once, from disk
    (see validator.spill), for all its checks: each check's `visit` is given every page in
    order, then its `findings` tell what it found and its `notes` its remarks for the run's
    summary. Iterated, a pass reads the pages alone and yields its findings (once)."""

    def __init__(
        self,
        pages: Sequence[Page],
        visit: Callable[[Page], None],
        findings: Callable[[], Iterable[Finding]],
        notes: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self.pages, self.visit, self.findings, self.notes = pages, visit, findings, notes

    @classmethod
    def done(cls, findings: Iterable[Finding] = ()) -> PagePass:
        """A pass that reads no page: its findings are known at once."""
        found = list(findings)
        return cls((), lambda page: None, lambda: found)

    def __iter__(self) -> Iterator[Finding]:
        for page in self.pages:
            self.visit(page)
        yield from self.findings()


def build_rendered(
    published: PublishedSite,
    pages: Sequence[Page],
    sources: Sequence[SourcePage],
    *,
    hugo_list: Mapping[str, str] | None = None,
    markup: Markup | None = None,
) -> RenderedSite:
    """Match each page to its Markdown: by `hugo list` when given, else by predicted URL."""
    by_url: dict[str, int] = {}
    by_file: dict[str, int] = {}
    markdown_paths: list[str] = []
    for index, source in enumerate(sources):
        markdown_paths.append(source.path)
        if source.url:
            by_url[source.url] = index
        if source.file:
            by_file[source.file] = index
    page_index: dict[str, int] = {}
    source_index: dict[str, int] = {}
    html_pages: dict[str, str] = {}
    other_content: dict[str, str] = {}
    # Each page's path and URL: told by a spill without reading its pages back
    labels = pages.labels if isinstance(pages, Spill) else None
    for index, (path, url) in enumerate(labels if labels is not None else [(page.path, page.url) for page in pages]):
        page_index[path] = index
        found = None
        # (with uglyURLs a list page's URL is `/docs/index.html`, its page's path `docs/index.html`)
        listed = url if hugo_list is None or url in hugo_list or not url.endswith("/") else url + "index.html"
        if hugo_list is not None and listed in hugo_list:
            found = by_file.get(hugo_list[listed])
            if found is None and not is_markdown(hugo_list[listed]):
                other_content[path] = hugo_list[listed]
        if found is None:
            found = by_url.get(url)
        if found is not None:
            source_index[path] = found
            html_pages.setdefault(markdown_paths[found], path)
    return RenderedSite(
        published, pages, sources, page_index, source_index, markup or Markup(), html_pages=html_pages,
        other_content=other_content,
    )  # fmt: skip


def load_rendered(
    publish_dir: str,
    base_url: str,
    sources: Sequence[SourcePage],
    *,
    display_root: str = "",
    hugo_list: Mapping[str, str] | None = None,
    markup: Markup | None = None,
    limit: int = MAX_PAGE_BYTES,
    parse: Callable[[PublishedSite, Sequence[str], int], Sequence[Page]] | None = None,
    unbuilt: Mapping[str, tuple[str, str]] | None = None,
    redirects: tuple[str, ...] = (),
    default_base: bool = False,
    written_after: frozenset[str] = frozenset(),
    static_links: Mapping[str, str] | None = None,
    site_root: str | None = None,
    host_folders: Mapping[str, str] | None = None,
    static_files: Collection[str] = frozenset(),
) -> RenderedSite:
    """Index a publish dir, parse each of its pages, and match them to their Markdown.
    `parse(published, paths, limit)` parses pages (e.g. in several processes); by default
    `parse_published_pages` in this process. `unbuilt`, `default_base`: see PublishedSite;
    `redirects`: the server's rules besides the publish dir's `_redirects` (netlify.toml),
    as `parse_redirects` writes them; `written_after`: see PublishedSite; `site_root`, where
    the content files `hugo_list` names are (RenderedSite.other_texts); `static_files`, the
    paths Hugo copies from the static folders (RenderedSite.copied_pages)."""
    published = scan_publish_dir(publish_dir, base_url, display_root)
    if default_base:
        published = replace(published, default_base=True)
    if unbuilt:
        published = replace(published, unbuilt=unbuilt)
    if redirects:
        published = replace(published, redirects=published.redirects + redirects)
    if written_after:
        published = replace(published, written_after=written_after)
    if static_links:
        published = replace(published, static_links=static_links)
    if host_folders:
        published = replace(published, host_folders=host_folders)
    paths = published.pages()
    copied = {path for path in paths if path in static_files and not _listed(path, hugo_list)}
    pages = (parse or parse_published_pages)(published, [path for path in paths if path not in copied], limit)
    rendered = build_rendered(published, pages, sources, hugo_list=hugo_list, markup=markup)
    if copied:
        rendered = replace(rendered, copied_pages=tuple(sorted(copied)))
    if site_root is None or not rendered.other_content:
        return rendered
    texts = {}
    for page_path, file in rendered.other_content.items():
        with contextlib.suppress(OSError, ValueError):
            texts[page_path] = read_text(os.path.join(site_root, file), "replace")
    return replace(rendered, other_texts=texts)


def _listed(path: str, hugo_list: Mapping[str, str] | None) -> bool:
    """Whether Hugo's list of the build has a page at the publish-dir path `path` (a page
    of the content wins over a static file of its path)."""
    if not hugo_list:
        return False
    url = "/" + path
    return url in hugo_list or (url.endswith("/index.html") and url[: -len("index.html")] in hugo_list)


def parse_published_pages(published: PublishedSite, paths: Sequence[str], limit: int) -> list[Page]:
    """Read and parse pages of a publish dir; a page that cannot be read records why."""
    pages = []
    for path in paths:
        data, problem = published.read(path, limit)
        url = published.url_of(path)
        pages.append(parse_page(path, data, url, limit=limit) if data is not None
                     else Page(path, url, problems=(problem or "cannot be read",)))
    return pages


def pages_in_memory(rendered: Mapping[str, tuple[str, bytes]], base_url: str = "") -> tuple[PublishedSite, list[Page]]:
    """For the embedded renderer: {URL path: (HTML path, HTML bytes)} -> an index and pages."""
    published = PublishedSite(frozenset(path for path, _ in rendered.values()), base_url, complete=False)
    return published, [parse_page(path, data, url) for url, (path, data) in sorted(rendered.items())]


# --- back to the Markdown line -----------------------------------------------------------------


# How many of the page's links with one fragment are placed before a link with it (see
# Locator._settle_before): a page may repeat one thousands of times.
_SETTLED_AT_MOST = 200
# How many Markdown items not matched yet a search looks at, past the first of them: a page
# shows its Markdown's links in order, so the one sought is near, unless a theme made it.
_SEARCH_AT_MOST = 200


class Locator:
    """Maps what a page shows back to the Markdown line that made it.

    Each Markdown item is used once, in order, so the second of two identical links maps to
    the second line. One per page and rule: it remembers what it has handed out."""

    def __init__(
        self,
        load_source: Callable[[], SourcePage | None],
        links: Sequence[HtmlLink] = (),
        missing: Callable[[str], bool] | None = None,
        page_url: str | None = None,
    ):
        self._load_source = load_source  # called on first use: most pages need no locating
        self._links = links  # the page's, in order
        self._missing = missing  # whether a link's address leads nowhere published
        # The page's URL: its Markdown's, or another where Hugo makes another page of the
        # file (a mount lending it to another language), whose hook writes that URL
        self._page_url = page_url
        self._located: set[tuple[int, int, str]] = set()  # (line, column, url) of the links placed
        self._settled: dict[str, int] = {}  # fragment -> how many of its links were placed in order
        self._cursors: dict[int, int] = {}  # see _take_among
        self._all_shown_of: dict[str, bool] = {}  # see _all_shown, by the words' key
        self._made_of: dict[int, tuple[HtmlLink, ...]] = {}  # see _shown_elsewhere, by the Markdown link's id
        # The places of the Markdown links and headings already matched, and the first place
        # not yet matched: the page shows them in order, so a search starts there and seldom
        # goes far (a page of thousands of links stays linear).
        kinds = ("links", "headings", "addresses", "ids", "names", "link_names")
        self._used: dict[str, set[int]] = {kind: set() for kind in kinds}
        self._first: dict[str, int] = dict.fromkeys(kinds, 0)
        self._skip: dict[str, dict[int, int]] = {kind: {} for kind in self._first}  # see _unmatched
        self._after_last = dict(self._first)  # the place after the last one matched
        # Where the search for each snippet goes on in each marked line (by its index):
        # past the copies found, in the squashed and in the written text
        self._leak_cursors: dict[tuple[int, str], tuple[int, int]] = {}
        self._next_leak_line = 0
        self._next_leak_at = 0  # in the squashed text (see leak): where the last snippet found starts
        self._last_leak_place = (-1, 0)  # (line, offset) in the marked lines of the last snippet placed
        self._escaped_calls: set[str] | None = None  # see escapes
        self._squashed: tuple[str, list[int]] | None = None  # see _squashed_text
        self._absent_needles: set[str] = set()
        self._next_raw = 0  # placeholders follow the page's order
        self._last_placeholder_line = 0

    @functools.cached_property
    def source(self) -> SourcePage | None:
        return self._load_source()

    def link(self, link: HtmlLink) -> tuple[int, int] | None:
        found = self.link_source(link)
        return (found.line, found.column) if found is not None else None

    def link_source(self, link: HtmlLink) -> SourceLink | None:
        """The Markdown link (or the shortcode call that gave its address) that made `link`."""
        if self.source is None:
            return None
        fragment = _fragment(link.url)
        first, twice, second = fragment.partition("#")
        if twice and first and first == second:  # a hook that writes it twice (hugo-book's `/a/#x#x`) of `[y](/a/#x)`
            fragment = first
            link = link._replace(url=link.url.split("#", 1)[0] + "#" + fragment)
        if fragment and self._links:
            self._settle_before(link, fragment)
        self._located.add((link.line, link.column, link.url))
        return self._source_of(link, fragment)

    def _settle_before(self, link: HtmlLink, fragment: str) -> None:
        """Place the page's links before `link` with the same fragment and a path that were
        not placed: the Markdown links they come from are not `link`'s (`/#x` that
        `markdownify` made of a notice's `#x` is not the page's `[y](#x)` that Hugo's link hook
        wrote as `/page/#x` before it). Not `#x` alone, as a theme's table of contents writes."""
        places = self._places_by_fragment.get(fragment)
        if not places:
            return
        earlier = self._by_fragment.get(fragment, ())
        done = self._settled.get(fragment, 0)
        end = min(len(earlier), _SETTLED_AT_MOST)  # a bound, whatever a page repeats
        while done < end and (earlier[done].line, earlier[done].column) < (link.line, link.column):
            other = earlier[done]
            if not other.url.startswith("#") and (key := (other.line, other.column, other.url)) not in self._located:
                self._located.add(key)
                for same in self._matchers(other):
                    if self._take_among(places, other, same) is not None:
                        break
            done += 1
        self._settled[fragment] = done

    def _working_namesake(self, link: HtmlLink, fragment: str) -> bool:
        """Whether `link` leads nowhere and another link of the page, of the same name and
        fragment, leads to a published page: the one a hook (that finds the page, as Hugo's
        own does) made of a Markdown link of that name, as `use-cases.md#x` makes
        `/docs/use-cases/#x` where a sidebar writes `/docs/use-cases.html#x`."""
        if self._missing is None or not self._missing(link.url):
            return False
        name = _name_and_fragment(link.url)
        return any(
            other is not link and _name_and_fragment(other.url) == name and not self._missing(other.url)
            for other in self._by_fragment.get(fragment, ())[:_SETTLED_AT_MOST]
        )

    @functools.cached_property
    def _by_fragment(self) -> dict[str, list[HtmlLink]]:
        """The page's links by their fragment, in order."""
        found: dict[str, list[HtmlLink]] = {}
        for link in self._links:
            if fragment := _fragment(link.url):
                found.setdefault(fragment, []).append(link)
        return found

    @functools.cached_property
    def _places_by_fragment(self) -> dict[str, list[int]]:
        """The places in the source's links of those with each fragment."""
        found: dict[str, list[int]] = {}
        for place, item in enumerate(self.source.links if self.source is not None else ()):
            if fragment := _fragment(item.shortcode_path or item.destination):
                found.setdefault(fragment, []).append(place)
        return found

    def _matchers(self, link: HtmlLink) -> list[Callable[[str, SourceLink], bool]]:
        """`_MATCHERS`, `_same_target` told the page's URL and whether Hugo rewrites the
        page's links (or images, for an `<img>`)."""
        assert self.source is not None
        image = link.tag == "img"
        rewritten = self.source.images_rewritten if image else self.source.links_rewritten
        # Hugo's embedded hook writes what it finds, a published page's address, else the
        # destination as written: no other address that leads nowhere (a theme's `/docs/x/`)
        if rewritten and self.source.embedded_rewrites[image] and self._missing is not None and self._missing(link.url):
            rewritten = False
        target = functools.partial(_same_target, page_url=self._page_url or self.source.url or None, rewritten=rewritten)
        verbatim = self._verbatim

        def unless_written(same: Callable[[str, SourceLink], bool]) -> Callable[[str, SourceLink], bool]:
            # A Markdown link some link of the page shows as written made that one, not
            # another of its name (a theme's `/guides/x/` is not `/guides/x.md`'s)
            def matches(url: str, one: SourceLink) -> bool:
                written = unquote(one.destination.strip())
                free = one.shortcode_path is not None or written not in verbatim or written == unquote(url.strip())
                return free and same(url, one)

            return matches

        # (Hugo's embedded hook writes a site path as the page it finds: another name when it has a slug)
        fragment = functools.partial(_same_fragment, hooked=self.source.embedded_rewrites[image])
        swapped = {_same_target: target, _same_fragment: fragment}
        kinds = _MATCHERS if link.url else _EMPTY_MATCHERS
        return [same if same is _same_destination else unless_written(swapped.get(same, same)) for same in kinds]

    @functools.cached_property
    def _verbatim(self) -> frozenset[str]:
        """The addresses of the page's links, as the matchers compare them."""
        return frozenset(unquote(link.url.strip()) for link in self._links)

    def _take_same_destination(self, link: HtmlLink) -> SourceLink | None:
        """The first Markdown link not matched before written as `link` is (`_same_destination`),
        found by its destination: a page of thousands of links, most of them never placed,
        stays linear."""
        url = unquote(link.url.strip())
        found = self._take_among(self._places_by_destination.get(url, ()), link, _same_destination)
        if found is not None or self.source is None:
            return found
        base = self.source.canonified_base
        written = browser = None
        if base and url.startswith(base):
            written = "/" + url[len(base) :]  # `/a/`, which canonifyURLs wrote after the baseURL
        elif (root := self.source.relative_base) and _relative(url):
            # `/a/`, which relativeURLs wrote relative to the page (`../a/`)
            browser = urljoin(self._page_url or self.source.url or root, url)
            written = "/" + browser[len(root) :] if browser.startswith(root) else None
        elif url.startswith("/") and not url.startswith("//"):
            browser = url
        # an address of the site's own host, which a hook (`relURL`, `relLangURL`) wrote as its path
        own = self.source.site_origin + browser if self.source.site_origin and browser else None
        for one in (written, own):
            if one is not None and (found := self._take_among(
                self._places_by_destination.get(one, ()), link, lambda _, item, one=one: _same_destination(one, item)
            )) is not None:
                return found
        return None

    def _take_among(
        self, places: Sequence[int], link: HtmlLink, same: Callable[[str, SourceLink], bool]
    ) -> SourceLink | None:
        """The first Markdown link among `places` (in order) not matched before that may make
        `link` and is the `same`, now matched. Those matched at the front of `places` are
        skipped once."""
        assert self.source is not None
        used, items = self._used["links"], self.source.links
        start = self._cursors.get(id(places), 0)
        while start < len(places) and places[start] in used:
            start += 1
        self._cursors[id(places)] = start
        tried = 0
        first: int | None = None  # the first that may be it, when its text is not the link's
        words = text_words(link.text) if link.tag == "a" else None
        for place in itertools.islice(places, start, start + 4 * _SEARCH_AT_MOST):
            if place in used:
                continue
            if items[place].may_make(link, self.source.image_hook, self.source.every_alt) and same(link.url, items[place]):
                # of two that may be it, the one of the link's text (`[in](#x)` inside a call
                # that wrote `/#x`, not the page's `[out](#x)` before it, which works)
                if words and text_words(items[place].text) == words:
                    first = place
                    break
                if self._shown_elsewhere(items[place], link):
                    pass  # it made another link of the page (a figure's `<a>` around an image is not `[text](/a/)`)
                elif not words:
                    first = place
                    break
                elif first is None:
                    first = place
            tried += 1
            if tried == _SEARCH_AT_MOST:
                break
        if first is None:
            return None
        self._mark("links", first)
        return items[first]

    @functools.cached_property
    def _places_by_destination(self) -> dict[str, list[int]]:
        """The places in the source's links of those written with each destination (decoded)."""
        found: dict[str, list[int]] = {}
        for place, item in enumerate(self.source.links if self.source is not None else ()):
            if item.shortcode_path is None:
                found.setdefault(unquote(item.destination.strip()), []).append(place)
        return found

    def _source_of(self, link: HtmlLink, fragment: str) -> SourceLink | None:
        assert self.source is not None
        if not link.url:  # an empty href: a failed ref's, or `[x]()`, of that text (a theme's menu has others)
            words = text_words(link.text)

            def empty_of_that_text(one: SourceLink) -> bool:
                # (or one Hugo writes empty: `[x](#)`, which the embedded hook writes `href=""`)
                may_be_empty = one.shortcode_path is not None or not one.destination.strip() or _refused("", one)
                return may_be_empty and text_words(one.text) == words and one.may_make(link)

            if item := self._empty_in_order(link, words) or (
                not self._all_shown(words) and self._take("links", self.source.links, empty_of_that_text)
            ):
                return item
            if (item := self._take("addresses", self.source.shortcode_addresses, lambda one: not one.destination)):
                return item
        if (item := self._take_same_destination(link)) is not None:
            return item
        # a link that another of its name and fragment, leading to a page, stands beside is a
        # theme's (velero's sidebar): the Markdown link made that one
        namesake = bool(fragment) and link.url != REFUSED and self._working_namesake(link, fragment)
        for same in self._matchers(link)[1:]:
            if namesake:
                break
            if fragment and link.url != REFUSED:  # only a Markdown link with the fragment can match
                item = self._take_among(self._places_by_fragment.get(fragment, ()), link, same)
            else:
                hooked = self.source.image_hook
                every_alt = self.source.every_alt
                matches: Callable[[SourceLink], bool] = (
                    lambda one: one.may_make(link, hooked, every_alt) and same(link.url, one)
                    and not self._shown_elsewhere(one, link)
                )
                item = self._take("links", self.source.links, matches)
            if item is not None:
                return item
        if fragment and not namesake and link.tag == "a" and (words := text_words(link.text)):
            # a Markdown link to the fragment, of the link's text, that a template wrote
            # elsewhere with the path of a page above (a glossary's `markdownify` of a stored
            # `.Inner`: `/#x` of `[y](#x)`), as a hook would
            page_url = self._page_url or self.source.url or None

            def of_that_text(url: str, one: SourceLink) -> bool:
                return one.kind == "link" and text_words(one.text) == words and _same_target(url, one, page_url)

            if (item := self._take_among(self._places_by_fragment.get(fragment, ()), link, of_that_text)) is not None:
                return item
        if not link.url:
            return None  # a theme's (a menu entry without a URL): no link to the page (`/`) made it
        if link.tag == "a" and (words := text_words(link.text)):
            # a Markdown link whose address is a call's output alone (`[x]({{< lit >}})`), by its text
            called = functools.partial(_called_of_text, words)
            if (item := self._take("links", self.source.links, called)) is not None:
                return item
        # A template's (a shortcode's) link or image: at the call that gave its address, one
        # given the link's fragment first (`config="/s3/#arvan"` before an earlier "/s3/")
        addresses = self.source.shortcode_addresses
        # each test first of those of a parameter for the element's kind: an image's `src`, not
        # the `link` around it (a figure's `src="/a.png" link="/a.png"`: a second call's is the second's)
        other = _LINK_PARAMETERS if link.tag == "img" else _IMAGE_PARAMETERS
        fragment_too = functools.partial(_written_as, link.url, same_fragment=True)
        for written in (fragment_too, functools.partial(_written_as, link.url)):
            for test in (lambda one: one.parameter not in other and written(one), written):
                if (item := self._take("addresses", addresses, test)) is not None:
                    return item
        return (
            (self._take("names", self.source.resource_names, lambda item: _names_file(link.url, item))
                if link.tag == "img" else None)
            or (self._take("link_names", self.source.link_names, lambda item: _names_link(link, item))
                if link.tag == "a" else None)
        )  # fmt: skip

    def _empty_in_order(self, link: HtmlLink, words: list[str]) -> SourceLink | None:
        """The Markdown link an empty `link` is by its place among the page's links of its
        text, when the page shows as many as the Markdown writes (the second of two
        `[x]({{< relref … >}})`, whose ref alone found no page); None when that one cannot
        be empty (written with an address) or the counts differ (a theme's link of that text)."""
        key = " ".join(words)
        shown = self._by_words[0].get(key, {})
        written = self._by_words[1].get(key, [])
        if len(shown) != len(written) or (place := shown.get((link.line, link.column))) is None:
            return None
        candidate = written[place]
        if candidate.shortcode_path is None and candidate.destination.strip() and not _refused("", candidate):
            return None
        return self._take("links", self.source.links if self.source else (), lambda one: one is candidate)

    def _all_shown(self, words: list[str]) -> bool:
        """Whether the page shows, with an address that one of them may have made, as many
        `<a>` links of the text of `words` as the Markdown writes: none of those is the empty
        one (a theme's menu entry `<a href="">Users</a>`, beside the content's
        `[Users]({{< relref "users.md" >}})`). A theme's `<a href="/faq/">FAQ</a>` is not
        the content's `[FAQ]({{< relref "/faq-migration" >}})`. Not known of links without text."""
        key = " ".join(words)
        if (known := self._all_shown_of.get(key)) is not None:
            return known
        written = self._by_words[1].get(key, ())
        if not words or not written:
            return bool(words)
        filled = 0  # (counted to as many as are written: a page of thousands stays linear)
        for one in self._shown_by_words.get(key, ()):
            if one.url and self._made_by_any(one, written[:_SEARCH_AT_MOST]):
                filled += 1
                if filled >= len(written):
                    break
        self._all_shown_of[key] = found = len(written) <= filled
        return found

    def _made_by_any(self, link: HtmlLink, written: Sequence[SourceLink]) -> bool:
        """Whether one of the Markdown links `written` may have made `link` (by its address)."""
        page_url = self._page_url or (self.source.url if self.source is not None else None) or None
        return any(_same_destination(link.url, one) or _same_target(link.url, one, page_url) for one in written)

    def _shown_elsewhere(self, one: SourceLink, link: HtmlLink) -> bool:
        """Whether the Markdown link `one`, of another text than `link`, shows as itself in
        another `<a>` of the page, of its text and an address it may have made: that one is
        its, not `link` (a theme's menu link `/security` is not the content's
        `[our security](/flux/security)`, which a hook wrote `/flux/security/`)."""
        if link.tag != "a" or one.kind == "image":
            return False
        words = text_words(one.text)
        if not words or words == text_words(link.text):
            return False
        made = self._made_of.get(id(one))
        if made is None:  # (once for each: two at most, one of which is not `link`)
            shown = self._shown_by_words.get(" ".join(words), ())[:_SEARCH_AT_MOST]
            made = self._made_of[id(one)] = tuple(itertools.islice(
                (other for other in shown if self._made_by_any(other, (one,))), 2
            ))  # fmt: skip
        return any(other is not link for other in made)

    @functools.cached_property
    def _shown_by_words(self) -> dict[str, list[HtmlLink]]:
        """The page's `<a>` links by their text's words, in order."""
        found: dict[str, list[HtmlLink]] = {}
        for one in self._links:
            if one.tag == "a":
                found.setdefault(" ".join(text_words(one.text)), []).append(one)
        return found

    @functools.cached_property
    def _by_words(self) -> tuple[dict[str, dict[tuple[int, int], int]], dict[str, list[SourceLink]]]:
        """The page's `<a>` links by their text's words (each one's place among them, by its
        line and column), and the Markdown's links alike, in order."""
        shown = {
            key: {(one.line, one.column): place for place, one in enumerate(links)}
            for key, links in self._shown_by_words.items()
        }
        written: dict[str, list[SourceLink]] = {}
        for item in self.source.links if self.source is not None else ():
            if item.kind not in ("image", "ref", "commented-ref"):  # (a bare ref's URL is text)
                written.setdefault(" ".join(text_words(item.text)), []).append(item)
        return shown, written

    def heading(self, heading: HtmlHeading, *, exact: bool = False, same_level: bool = False) -> tuple[int, int] | None:
        """The Markdown heading an HTML one is (the next not taken): of the same id, else
        text; with `exact`, of the same id, text and level alone (a shortcode's heading may
        have the id the Markdown's sets: `{{% intro %}}`'s `## Status` and `## Support
        {#status}`; a template's `<h1>` of the title, the id and text of the Markdown's `##`);
        with `same_level`, of the same level alone."""
        if self.source is None:
            return None
        tests: list[Callable[[SourceHeading], bool]] = []
        if exact:
            tests.append(lambda item: item.id == heading.id and item.text == heading.text and item.level == heading.level)
        elif heading.id:
            tests.append(lambda item: item.id == heading.id)
        if heading.text and not exact:
            tests.append(lambda item: item.text == heading.text)
        if same_level:
            tests = [lambda item, test=test: item.level == heading.level and test(item) for test in tests]
        for test in tests:
            if (item := self._take("headings", self.source.headings, test)) is not None:
                return item.line, item.column
        return None

    def html_id(self, value: str) -> tuple[int, int] | None:
        """Where the Markdown's raw HTML sets the id `value` (the next such tag in order)."""
        if self.source is None:
            return None
        item = self._take("ids", self.source.html_ids, lambda item: item[0] == value)
        return (item[1], item[2]) if item is not None else None

    def _take(self, kind: str, items: Sequence[_T], matches: Callable[[_T], bool]) -> _T | None:
        """The first of `items` not matched before that `matches`, now matched: among the
        next `_SEARCH_AT_MOST` not matched from the first one, then from the last match on
        (past items the page never shows), so that what matches nothing (a theme's link on a
        page of thousands) is not compared with all the rest."""
        for start in dict.fromkeys((self._first[kind], self._after_last[kind])):
            index = self._unmatched(kind, start)
            for _ in range(_SEARCH_AT_MOST):
                if index >= len(items):
                    break
                if matches(items[index]):
                    self._mark(kind, index)
                    return items[index]
                index = self._unmatched(kind, index + 1)
        return None

    def _unmatched(self, kind: str, index: int) -> int:
        """The first place from `index` on not matched (past runs of matched places in one
        step: each run is walked once)."""
        skip = self._skip[kind]
        passed = []
        while index in skip:
            passed.append(index)
            index = skip[index]
        for place in passed:
            skip[place] = index
        return index

    def _mark(self, kind: str, index: int) -> None:
        """Item `index` of `kind` is matched: no later search takes it, nor starts before the
        first one not matched."""
        self._used[kind].add(index)
        self._skip[kind][index] = index + 1
        self._first[kind] = self._unmatched(kind, self._first[kind])
        self._after_last[kind] = index + 1

    def omitted(self, placeholder: Omitted) -> RawHtml | None:
        """The raw HTML a placeholder stands for: the next one in order whose neighbouring
        text agrees, among the next `_SEARCH_AT_MOST` (or the next one at all). A placeholder
        on the line of one taken for a `{{% %}}` call's output is that output's too
        (`<b>…</b>` makes two)."""
        items = self.source.raw_html if self.source is not None else ()
        start = self._next_raw
        last = items[start - 1] if 0 < start <= len(items) else None
        if last is not None and last.shortcode and self._last_placeholder_line == placeholder.line:
            return last._replace(reported=False)
        self._last_placeholder_line = placeholder.line
        window = range(start, min(start + _SEARCH_AT_MOST, len(items)))
        found = next((i for i in window if _same_context(placeholder, items[i])), None)
        if found is None:  # the next raw HTML written, before a call's output that may hold none (`**y**`)
            found = next((i for i in window if not items[i].shortcode), start)
        if found >= len(items):
            return None
        self._next_raw = found + 1
        return items[found]

    def leak(self, leak: Leak) -> tuple[int, int, str] | None:
        """The Markdown (line, column, line text) a leaked snippet comes from: the next line
        that shows it (searched from the last one found: the page shows them in order), a
        line as many times as it shows it. The lines are searched as one text, squashed (a
        page of thousands of snippets no line shows is not read line by line for each)."""
        escaped = leak.kind == "emphasis" and leak.text.startswith("**") and leak.text.endswith("**")
        if escaped and "\\*\\*" in self._squashed_text()[0]:
            # one of its `**` written escaped (`**a\*\*`), by mistake (both are, on purpose:
            # no leak); sought first, as a line that writes it unescaped may be bold alright
            for written in (leak.text[:-2] + "\\*\\*", "\\*\\*" + leak.text[2:]):
                if (found := self._leak_place(leak, _squash(written), leak.text)) is not None:
                    return found
        found = self._leak_place(leak, _leak_needle(leak), leak.text)
        if found is None and leak.kind == "emphasis" and "](" in leak.text:
            # bold around a link whose address a hook wrote (`/p/` written `/fr/p/`): by its text
            shown = leak.text[: leak.text.index("](") + 2]
            found = self._leak_place(leak, _squash(shown), shown)
        return found

    def _leak_place(self, leak: Leak, needle: str, shown: str) -> tuple[int, int, str] | None:
        """`leak`'s place (see `leak`), found by `needle`, the squashed `shown` text; a
        snippet that spans lines and starts with `$$` alone, on a line that is `$$` alone."""
        alone = leak.kind == "math" and "\n" in leak.text and leak.text.split("\n", 1)[0].strip() == "$$"
        if alone:
            shown = "$$"
        lines = self.source.marked_lines if self.source is not None else ()
        if not needle or not lines or needle in self._absent_needles:
            return None
        squashed, starts = self._squashed_text()
        line = self._next_leak_line
        line_start = starts[line] if line < len(lines) else len(squashed)
        line_end = starts[line + 1] - 1 if line + 1 < len(lines) else len(squashed)
        # in the last snippet's line, from it on (a line of thousands of snippets is not read
        # from its start for each), then from that line on, then from the top
        ranges = ((self._next_leak_at, line_end), (line_start, len(squashed)), (0, line_start))
        for cursor, end in ranges:
            while (found := squashed.find(needle, cursor, end)) >= 0:
                index = bisect.bisect_right(starts, found) - 1
                past, raw = self._leak_cursors.get((index, needle), (0, 0))
                if found - starts[index] < past:  # a copy taken already: past it in that line
                    cursor = starts[index] + past
                    continue
                number, text = lines[index]
                if alone and text.strip() != shown:  # (`$$` of a block of display math: a line of its own)
                    cursor = starts[index + 1] if index + 1 < len(starts) else end
                    continue
                # its place: the line's next copy of the snippet, after the last one placed first
                last_line, last_at = self._last_leak_place
                at = _find_shown(text, shown, max(raw, last_at)) if index == last_line else -1
                at = at if at >= 0 else _find_shown(text, shown, raw)
                if at >= 0:
                    self._last_leak_place = (index, at)
                # past this copy; past the line when there is none (searched once, not per snippet)
                past = found - starts[index] + len(needle)
                self._leak_cursors[(index, needle)] = (past, at + len(shown) if at >= 0 else len(text))
                self._next_leak_line, self._next_leak_at = index, found
                if at < 0 and leak.kind == "shortcode" and (opening := _OPENING_BRACES.search(text)):
                    at = opening.start()  # written with escaped braces: `\{\{< x >}}`
                return number, max(at, 0) + 1, text
        self._absent_needles.add(needle)  # copies are only ever taken: it stays absent
        return None

    def escapes(self, leak: Leak) -> bool:
        """Whether the Markdown writes the leaked call escaped (`{{</* x */>}}`, the documented
        way to show a call), whichever line the search for its copy finds (a real `{{< x >}}`
        call may come first)."""
        if self._escaped_calls is None:
            lines = self.source.marked_lines if self.source is not None else ()
            self._escaped_calls = {
                _leak_needle(Leak("shortcode", _COMMENT_MARKS.sub("", call[0]), 0, 0))
                for _, text in lines
                for call in _ESCAPED_CALL.finditer(text)
            }
        return leak.kind == "shortcode" and _leak_needle(leak) in self._escaped_calls

    def _squashed_text(self) -> tuple[str, list[int]]:
        """The marked lines `_squash`ed, joined by line breaks (which no squashed needle
        holds), and where each starts; made once."""
        if self._squashed is None:
            squashed = [_squash(text) for _, text in (self.source.marked_lines if self.source else ())]
            starts = list(itertools.accumulate((len(line) + 1 for line in squashed[:-1]), initial=0))
            self._squashed = ("\n".join(squashed), starts)
        return self._squashed


def _same_destination(url: str, link: SourceLink) -> bool:
    """Written as the link is, blanks at the ends aside (`[x](<ref "#a" >)`, which Hugo
    writes `ref%20%22#a%22%20`)."""
    written = link.destination.strip()
    return link.shortcode_path is None and (written == url or unquote(written) == unquote(url).strip())


def _refused(url: str, link: SourceLink, *, as_written: bool = False) -> bool:
    """An address Hugo wrote empty or as `#ZgotmplZ` (see addresses.py)."""
    if link.shortcode_path is not None:
        return False
    if url == REFUSED:
        return template_refuses(link.destination.strip(), as_written=as_written)
    # goldmark's dropped addresses; the embedded hook writes `#` alone as "" too
    return not url and (goldmark_drops(link.destination.strip()) or link.destination.strip() == "#")


def _refused_as_written(url: str, link: SourceLink) -> bool:
    """The same, for an address a template may have written unchanged (`#step:1`): last, as
    a template may have changed it."""
    return url == REFUSED and _refused(url, link, as_written=True)


def _same_target(url: str, link: SourceLink, page_url: str | None = None, rewritten: bool = True) -> bool:
    """A destination Hugo rewrote (relref, the embedded link hook): same fragment, same name.
    A fragment of this page (`#x`) that a hook or `markdownify` wrote with a path leads to
    the page (`page_url`) or to one above it (its home, its section), not elsewhere. Unless
    `rewritten`, Hugo writes a Markdown link as it is: a theme's link of the same name
    (Docsy's sidebar `/docs/pipelines/`) is not `/docs/start/pipelines/`."""
    destination = link.destination
    if link.shortcode_path is not None:
        destination = link.shortcode_path
    elif not rewritten and "{{" not in destination:  # a shortcode in it prints something
        return False
    elif destination.lower().startswith(("http://", "https://")) and _host(destination) != _host(url):
        return False  # no hook makes another site's address a path of this one (contour's version menu)
    elif "{{" in destination and not _may_print(destination, url):
        return False
    ours, theirs = _name_and_fragment(destination), _name_and_fragment(url)
    if ours == theirs:
        return link.shortcode_path is not None or not ours[0] or not _elsewhere(destination, url, page_url)
    if ours[0] != "" or ours[1] != theirs[1] or ours[1] == "":
        return False
    path = _url_path(url)
    if path and page_url and not path.startswith("/") and not _host(url):
        path = urljoin(page_url, path)  # (relativeURLs wrote it relative to the page: `../../a/#x`)
    path = path.removesuffix("index.html")  # (a hook's `{{ .Page.RelPermalink }}index.html#x`)
    return page_url is None or not path or page_url.startswith(path)


_CALL = re.compile(r"\{\{.*?\}\}")


def _may_print(destination: str, url: str) -> bool:
    """Whether a site path whose shortcode calls print something (`/docs/{{< param version
    >}}/guides/x`) may have made `url`: its other parts in place, a call any segments (a
    theme's version menu's `/docs/v1/config/x/` is none of its). Any URL for another destination."""
    path = destination.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/"):
        return True
    parts = _CALL.split(path.removesuffix("/"))
    pattern = ".*".join(re.escape(part) for part in parts)
    # (after the baseURL's path, which canonifyURLs or a hook may put before it)
    return re.search(rf"{pattern}(?:\.md|\.html)?/?\Z", _url_path(url)) is not None


def _elsewhere(destination: str, url: str, page_url: str | None) -> bool:
    """Whether `url`, of the name of a file beside the page (`foo.md`), is a page neither
    beside it nor below it (a section's): a theme's link of the same name elsewhere
    (velero's version menu, `/docs/v1/foo/`), not what Hugo made of the file's link."""
    path = _url_path(url)
    if not page_url or "/" in destination.split("#", 1)[0] or not path.startswith("/"):
        return False
    return _parent(path) not in (page_url.rstrip("/") + "/", _parent(page_url))


def _url_path(url: str) -> str:
    """A URL's path, decoded (as a page's URL is: `/zh/快速上手/`)."""
    return unquote(urlsplit(url).path if _host(url) else url.split("#", 1)[0].split("?", 1)[0])


def _parent(path: str) -> str:
    """The folder of a URL path (`/docs/v1/` of `/docs/v1/foo/`); "" for none."""
    trimmed = path.rstrip("/")
    return trimmed.rpartition("/")[0] + "/" if "/" in trimmed else ""


def _host(url: str) -> str:
    """The host of a URL that names one (`https://x.org/a`, `//x.org/a`), lower case; else ""."""
    try:
        return urlsplit(url.strip()).netloc.lower()
    except ValueError:  # `http://[x`
        return ""


def text_words(text: str) -> list[str]:
    """A link's (or a heading's) text as words, its markup left out (`**Setup** guide`: setup,
    guide), raw HTML's tags too (`u <b>html</b>`: u, html; the page shows no tag's name)."""
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    return _WORDS.findall(text.lower())


_WORDS = re.compile(r"\w+")


def _called_of_text(words: list[str], link: SourceLink) -> bool:
    """Whether a Markdown link of the text of `words` has an address a call's output alone
    writes (`[x]({{< lit >}})`: any address)."""
    called = link.shortcode_path is None and _CALL.fullmatch(link.destination.strip()) is not None
    return called and text_words(link.text) == words


def _same_ref_target(url: str, link: SourceLink) -> bool:
    """A ref or relref's: Hugo rewrites those first (a Markdown link beside it with the same
    name and fragment is likely written as it is)."""
    return link.shortcode_path is not None and _same_target(url, link)


def _written_as(url: str, address: SourceLink, *, same_fragment: bool = False) -> bool:
    """Whether a template may have made `url` of the address a shortcode was given: the
    same, or ending with it (a page resource's path, a baseURL in front); with
    `same_fragment`, one whose fragment (or none) is the URL's."""
    written = address.destination.removeprefix("./")
    if not written:
        return not url  # an address given empty makes an empty one, not every link of the page
    if same_fragment and _fragment(written) != _fragment(url):
        return False
    if address.shortcode_path is not None:  # a path a ref looks up (`a#x`, `docs/b.md`): the page's name
        return _name_and_fragment(written) == _name_and_fragment(url)
    if written.startswith("#"):  # a fragment, on this page or (a link hook's) another
        return url.endswith(written)
    path = url.split("#", 1)[0].split("?", 1)[0]
    if url == address.destination:
        return True
    if written.startswith("/") and (path.startswith("../") or "/../" in path):
        return False  # a site path made relative climbs to the root, not below another folder
    written_path = unquote(written.split("?", 1)[0])
    return unquote(path).endswith(written_path) or _processed_from(unquote(path), written_path)


def _processed_from(path: str, written: str) -> bool:
    """Whether `path` is an image Hugo made of the file `written` names (`Resize`, `Fit`…):
    its name is the file's stem, `_hu`, a hash and what was done (`sun.jpg` ->
    `sun_hu_a4717….webp` in hugo 0.168, `sun_hu3d03…_1234_100x0_resize_box.jpg` before)."""
    stem, dot, _ = written.rpartition("/")[2].rpartition(".")
    name = path.rpartition("/")[2]
    if not (dot and stem and name.startswith(stem + "_hu")):
        return False
    return _PROCESSED.fullmatch(name[len(stem) + 3 :]) is not None


_PROCESSED = re.compile(r"_?[0-9a-f]{8,}(?:_[0-9a-z_]+)?\.\w+")  # after `_hu`: the hash, the operations, the extension


def _same_fragment(url: str, link: SourceLink, hooked: bool = False) -> bool:
    """A ref or relref, or a link to a Markdown file a link hook rewrote (or, when Hugo's
    embedded hook is `hooked` to the page's links, to a site path it looked up: `/docs/b/#x`
    written `/docs/bee/#x`), to a page whose URL does not end with its file's name (a
    `slug`, a `url`): the same fragment."""
    fragment = _name_and_fragment(url)[1]
    written = link.shortcode_path
    destination = link.destination.split("#", 1)[0].split("?", 1)[0]
    if written is None and link.kind == "link" and (is_markdown(destination) or hooked and _site_path(destination)):
        written = link.destination
    return written is not None and fragment != "" and _name_and_fragment(written)[1] == fragment


def _site_path(destination: str) -> bool:
    """Whether a link's destination is a path of the site (`/docs/b/`, `../b/`), no URL."""
    return bool(destination) and "{{" not in destination and not _host(destination) and ":" not in destination


# How a page's link is matched to the Markdown link that made it, most exact first.
_MATCHERS = (_same_destination, _refused, _same_ref_target, _same_target, _same_fragment, _refused_as_written)
# An empty address is an address Hugo refused, never one that names this page (`/`, a ref to it)
_EMPTY_MATCHERS = (_same_destination, _refused, _refused_as_written)


def _fragment(url: str) -> str:
    """A URL's fragment, decoded, as the matchers compare it (see `_name_and_fragment`); its
    blanks around cut, as the page's attribute's are (`relref "b.md#x "` writes `#x `)."""
    return unquote(url.partition("#")[2]).strip()


def _name_and_fragment(url: str) -> tuple[str, str]:
    path, _, fragment = url.partition("#")
    path = path.split("?", 1)[0].rstrip("/")
    name = posixpath.basename(path)
    for suffix in (".md", ".markdown", ".html"):
        name = name.removesuffix(suffix)
    if name in ("index", "_index"):
        name = posixpath.basename(posixpath.dirname(path))
    if name in (".", ".."):
        name = ""  # `./#frag`, `./_index.md#frag`: the page itself, or the one a link hook finds (a section, home)
    return unquote(name).lower(), _fragment(url)


def _same_context(placeholder: Omitted, item: RawHtml) -> bool:
    return bool(
        (placeholder.after and item.after and placeholder.after.startswith(item.after[:20]))
        or (placeholder.before and item.before and placeholder.before.endswith(item.before[-20:]))
    )


def _leak_needle(leak: Leak) -> str:
    if leak.kind == "shortcode":
        return _squash(leak.text)[:3] + _shortcode_name(leak.text)
    if leak.kind == "math":  # as far as its first line goes: `$$` alone where it spans lines
        return _squash(leak.text.split("\n", 1)[0])
    return _squash(leak.text)


def _shortcode_name(text: str) -> str:
    match = re.match(r"\{\{[<%]\s*/?\s*([\w./-]+)", text)
    return match[1] if match else ""


def _squash(text: str) -> str:
    """Text with whitespace, shortcode-comment marks and backslashes before braces (`\\{\\{`
    prints `{{`) or after them (`{{\\<` prints `{{<`) removed, and what the typographer
    makes written as it was (`—` as `---`, `–` as `--`, `“` as `"`, `’` as `'`, `…` as
    `...`, `«` as `<<`), for loose comparison."""
    return re.sub(r"\s+|/\*|\*/|\\(?=[{}])|(?<=\{\{)\\(?=[<%])", "", text).translate(_TYPOGRAPHER)


def _find_shown(text: str, shown: str, start: int) -> int:
    """Where a Markdown line writes a snippet the page shows: as shown, else as written
    before the typographer (`**"a"**`, shown `**“a”**`), else with its asterisks escaped
    (`\\*\\*`); -1 if none."""
    at = text.find(shown, start)
    if at < 0:
        at = text.find(shown.translate(_TYPOGRAPHER), start)
    if at < 0 and "*" in shown and "\\*" in text:
        found = re.compile("".join("\\\\?\\*" if char == "*" else re.escape(char) for char in shown)).search(text, start)
        at = found.start() if found else -1
    return at


_TYPOGRAPHER = str.maketrans({"—": "---", "–": "--", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "«": "<<", "»": ">>"})


def link_key(href: str, target: str) -> str:
    """What tells a link's defect from others: a relative `href` as written (a template
    writes it on every page, resolving to another URL on each), else the URL it goes to."""
    return target if _SAME_ON_EVERY_PAGE.match(href) else href.strip()


def written_addresses(address: str, attributes: Sequence[str] = ("href", "src")) -> list[tuple[str, str]]:
    """How a template may write an address a finding is of (`TemplateIndex.place`'s
    needles): as the page has it, or its path alone, as one of `attributes` or a string an
    action writes (`{{ "img/logo.png" | relURL }}`)."""
    path = urlsplit(address).path
    forms = [address, path, path.lstrip("/")]
    return [(attribute, form) for form in forms for attribute in (*attributes, "")]


def group_by_key(findings: Iterable[tuple[str, Finding]]) -> Iterator[Finding]:
    """Findings not tied to a Markdown line (the theme's, repeated on every page): per key,
    only the first page's, saying how many other pages show the same problem."""
    groups: dict[str, list[Finding]] = {}
    for key, finding in findings:
        groups.setdefault(key, []).append(finding)
    for items in groups.values():
        # the first page in path order, not a copy in a folder of `_` (Docsy's `_print/`)
        pages = sorted({f.html_path or "" for f in items}, key=_representative)
        suffix = _on_others(len(pages) - 1)
        for finding in items:
            if (finding.html_path or "") == pages[0]:
                yield replace(finding, message=finding.message + suffix)


class SummaryCopies:
    """Links that work on their own page but not on a list page that shows the page's
    summary or content (a blog's home page): found in the list page's HTML, and reported
    once at the Markdown link, with the list pages it fails on. The Markdown links of every
    page (those `wanted`) are read the first time a list page has such a link."""

    def __init__(self, rendered: RenderedSite, wanted: Callable[[str], bool]) -> None:
        self.rendered = rendered
        self.wanted = wanted
        # each destination's Markdown links: (their source's place, the link, its text's words)
        self._by_destination: dict[str, list[tuple[int, SourceLink, list[str]]]] | None = None
        # each Markdown link's place (source, line, column): the list pages' links it makes
        # (the link, its list page's path and URL: not the page, which may be large, how, advice)
        self.found: dict[tuple[int, int, int], list[tuple[HtmlLink, str, str, str, Callable[[SourcePage], str]]]] = {}
        self._written: tuple[str | None, frozenset[str]] = (None, frozenset())

    def add(
        self,
        link: HtmlLink,
        page: Page,
        works: Callable[[SourcePage], bool],
        detail: str,
        advice: Callable[[SourcePage], str],
    ) -> bool:
        """Whether `link`, wrong on the list page `page` (`detail` says how) and not written
        in its own Markdown, is another page's link that `works` on that page (then kept, to
        be reported at it with `advice`)."""
        url = link.url.strip()
        if link.in_nav or not self.wanted(url) or url in self._written_on(page):
            return False  # (a table of contents' link is its template's, whatever its text)
        if self._by_destination is None:
            self._by_destination = {}
            for index, source in enumerate(self.rendered.sources):
                for item in source.links:
                    written = item.destination.strip()
                    if item.shortcode_path is None and self.wanted(written):
                        self._by_destination.setdefault(written, []).append((index, item, text_words(item.text)))
        words = text_words(link.text)
        for index, item, item_words in self._by_destination.get(url, ())[:_SUMMARY_SOURCES]:
            own = self.rendered.sources[index]
            # of the same text too: a theme's table of contents of the page links the same
            # `#configuration`, from its heading's text (compose's sidebar)
            if own.url and item_words == words and works(own):
                self.found.setdefault((index, item.line, item.column), []).append(
                    (link, page.path, page.url, detail, advice)
                )
                return True
        return False

    def _written_on(self, page: Page) -> frozenset[str]:
        """The destinations a page's own Markdown writes (the last page's kept)."""
        if self._written[0] != page.path:
            source = self.rendered.source(page)
            links = source.links if source is not None else ()
            self._written = (page.path, frozenset(item.destination.strip() for item in links))
        return self._written[1]

    def findings(self) -> Iterator[Finding]:
        for (index, line, column), seen in self.found.items():
            link, page_path, page_url, detail, advice = seen[0]
            more = _on_others(len({path for _, path, _, _, _ in seen}) - 1, "list page")
            own = self.rendered.sources[index]
            message = (
                f"<{link.tag} {link.attribute}={link.url!r}> works on its own page, but the list page {page_url} "
                f"shows it too (the page's summary or content), {detail}{more}; {advice(own)}"
            )
            yield Finding(line, column, message, path=own.path, html_path=page_path)


_SUMMARY_SOURCES = 20  # pages looked at per destination: a bound, whatever a site repeats


def _on_others(count: int, what: str = "page", how: str = "") -> str:
    """` (and on 3 other pages…)` of a finding seen on `count` other pages, "" on none."""
    return f" (and on {count} other {what}{'s' * (count > 1)}{how})" if count else ""


def _representative(path: str) -> tuple[bool, str]:
    return path.startswith("_") or "/_" in path, path


def own_fragment(link: HtmlLink, page: Page) -> bool:
    """Whether a link is to an element of its own page (`#x`, no `<base>` to send it
    elsewhere): the browser requests nothing, so no redirect or server has a say."""
    return link.url.startswith("#") and not page.base


# A page's templates' findings of one kind, from this many on, are one finding of the page
# (a loop of images without alt, another page's table of contents, an icon sprite twice)
GROUPED_AT = 6


def group_as_one(
    findings: list[tuple[str, Finding, bool]], places: Sequence[int], rendered: RenderedSite, page: Page,
    key: str, message: str, source_at: tuple[int, int] | None = None,
) -> None:
    """The `findings` at `places` (in order) replaced by one of `page`, of `key` and
    `message`, at the first one's place, or at `source_at` in the page's Markdown (see
    `split_mapped`: pages alike are grouped)."""
    first, dropped = findings[places[0]][1], set(places)
    findings[places[0] :] = [item for at, item in enumerate(findings[places[0] :], places[0]) if at not in dropped]
    findings.append(rendered.keyed(key, page, message, (first.line, first.column), source_at))


def split_mapped(
    findings: Sequence[tuple[str, Finding, bool]],
    rendered: RenderedSite | None = None,
    needles: Callable[[str], Sequence[tuple[str, str]]] | None = None,
) -> Iterator[Finding]:
    """Mapped findings as they are; unmapped ones grouped by key, and dropped when a mapped
    finding has the same key (the same defect seen again in a list page's summary, or a
    template's link to the same address): the first mapped one counts their pages. With
    `needles` (how a template may write what a key's defect is of), an unmapped one is
    placed in the template that writes it, when one alone does (`TemplateIndex.place`)."""
    mapped_keys = {key for key, _, mapped in findings if mapped}
    elsewhere: dict[str, set[str]] = {}
    for key, finding, mapped in findings:
        if not mapped and key in mapped_keys:
            elsewhere.setdefault(key, set()).add(finding.html_path or "")
    for key, finding, mapped in findings:
        if mapped and (pages := elsewhere.pop(key, set()) - {finding.html_path or ""}):
            how = ", where a template or a list page's summary writes it"
            finding = replace(finding, message=finding.message + _on_others(len(pages), how=how))
        if mapped:
            yield finding
    unmapped = [(key, finding) for key, finding, mapped in findings if not mapped and key not in mapped_keys]
    if rendered is not None and needles is not None:
        places: dict[str, tuple[str, int, int] | None] = {}
        for index, (key, finding) in enumerate(unmapped):
            if key not in places:
                places[key] = rendered.templates.place(needles(key)) if "\0" not in key else None
            if (place := places[key]) is not None:
                path, line, column = place
                message = f"{finding.message} (a template writes it: line {finding.line} of the page's HTML)"
                unmapped[index] = key, replace(finding, path=path, line=line, column=column, message=message)
    yield from group_by_key(unmapped)

"""Which files a run checks: the given paths (or the site's content), minus config excludes."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from validator.config import Config
from validator.engine import Target
from validator.paths import GlobSet, display_path, is_markdown, real_path, walk
from validator.settings import REFUSED_SINCE, SiteConfig
from validator.site import (
    ContentRoot,
    content_roots,
    is_hidden,
    language_codes,
    mount_admits,
    other_media_type,
    parse_content_path,
)


def collect_targets(
    paths: Sequence[Path], config: Config, site: SiteConfig, cwd: Path
) -> list[Target]:
    """Targets in a stable order, each file once.

    With no paths: the site's content (every mount of every language), or the working
    directory when there is no Hugo site. A path that is the site's root means its content.
    A file a mount's `files` leaves out, or that an earlier mount's file of the same content
    path hides, is not content: Hugo does not read it.
    """
    return _collect(paths, config, site, cwd)[0]


def _collect(
    paths: Sequence[Path], config: Config, site: SiteConfig, cwd: Path
) -> tuple[list[Target], list[str]]:
    """collect_targets's targets, and the real path of each."""
    roots = _resolved_roots(site) if site.root else []
    site_root = site.root.resolve() if site.root else None
    starts: list[tuple[Path, bool]] = []  # (path, whether it is the site's content)
    for path in paths or [site_root or cwd]:
        if site_root is not None and path.resolve() == site_root and roots:
            starts.extend(dict.fromkeys((root.path, True) for root in roots if _has_markdown(root)))
        else:
            starts.append((path, False))
    explicit = {os.path.abspath(p) for p in paths if not p.is_dir()}
    include, exclude = GlobSet(config.include), GlobSet(config.exclude)
    targets: list[Target] = []
    reals: list[str] = []  # each target's real path
    seen: set[str] = set()
    pages: set[tuple[str, str]] = set()  # (language, content path) of the files taken
    for start, is_content in starts:
        for candidate in walk([start]):
            absolute = os.path.abspath(candidate.path)
            relative = display_path(candidate.path, config.base)
            # a page of the site's content excluded (or not included) is not checked, but
            # stays one of its pages (read as context): links into it are judged against it
            excluded = exclude.match(relative) or (include and absolute not in explicit and not include.match(relative))
            if excluded and not is_content:
                continue
            real = candidate.real
            if real in seen:
                continue
            language, content_path = _content_location(real, roots)
            if excluded and (content_path is None or candidate.problem is not None):
                continue
            if content_path is None and is_content and candidate.problem is None:
                continue  # below a mount's source, but not among the files it mounts
            if content_path is not None and site.ignores(candidate.path):
                if is_content:
                    continue  # `ignoreFiles`: no content of the site
                language, content_path = None, None  # named: not checked, as a file outside the content
            if content_path is not None and (language or "", content_path) in pages:
                continue
            seen.add(real)
            reals.append(real)
            if content_path is not None:
                pages.add((language or "", content_path))
            targets.append(
                Target(
                    path=str(candidate.path),
                    display=display_path(candidate.path, cwd),
                    problem=candidate.problem,
                    content_path=content_path,
                    language=language,
                    ignored=config.ignored_rules(relative),
                    context=bool(excluded),
                )
            )
    return (_with_fallbacks(targets, reals, site, pages) if site.content_mounts else targets), reals


def _with_fallbacks(
    targets: list[Target], reals: list[str], site: SiteConfig, pages: set[tuple[str, str]]
) -> list[Target]:
    """The targets, each with the other pages Hugo makes of it (`Target.also`): where another
    mount holds the file too (one file mounted at several places, or a language's fallback
    mount) and no file of that language has that content path. A file named for a language
    (`about.fr.md`) is that language's only."""
    roots = _resolved_roots(site, every_language=True)
    codes = language_codes(site)
    taken = set(pages)
    result = []
    for target, real in zip(targets, reals, strict=True):
        also = []
        parsed = parse_content_path(target.content_path, codes) if target.content_path is not None else None
        if parsed is not None and not parsed[0].lang:
            for language, content_path in _content_locations(real, roots):
                if (language, content_path) not in taken:
                    taken.add((language, content_path))
                    also.append((language, content_path))
        result.append(dataclasses.replace(target, also=tuple(also)) if also else target)
    return result


class OtherContent(NamedTuple):
    """The site's content files that are not Markdown (HTML, AsciiDoc, reST, Org, Pandoc):
    mdcheck does not read them, but Hugo makes pages of them, which links lead to."""

    pages: list[Target]  # each one's (see engine.unread_summary)
    # (media type, file) of those the site's `security.allowContent` refuses: Hugo stops
    # the build at them (text/html by default since 0.162, text/org since 0.168)
    refused: list[tuple[str, str]]


def other_content(site: SiteConfig, cwd: Path) -> OtherContent:
    """See OtherContent; none outside a Hugo site."""
    found = OtherContent([], [])
    if site.root is None:
        return found
    roots = _resolved_roots(site)
    seen: set[tuple[str, str]] = set()  # (language, content path)
    starts = [root.path for root in roots if root.path.exists()]
    for candidate in walk(starts, lambda name: other_media_type(name) is not None):
        media_type = other_media_type(candidate.path.name)  # a single-file mount may be Markdown
        if candidate.problem is not None or media_type is None or site.ignores(candidate.path):
            continue
        language, content_path = _content_location(candidate.real, roots)
        if content_path is None or (language or "", content_path) in seen:
            continue
        seen.add((language or "", content_path))
        shown = display_path(candidate.path, cwd)
        if not site.allows_content(media_type):
            found.refused.append((media_type, shown))
        found.pages.append(Target(str(candidate.path), shown, content_path=content_path, language=language))
    return found


_LISTED = 5  # files named in a note


def refused_content(refused: Sequence[tuple[str, str]], site: SiteConfig) -> list[tuple[str, str]]:
    """(file, message) of each content file Hugo refuses (see OtherContent.refused); the
    message tells when the site builds with an older Hugo that admits it."""
    since = dict(REFUSED_SINCE)
    return [
        (
            shown,
            f"Hugo refuses content files of type {media_type} (denied since {since[media_type].rsplit('.', 1)[0]}) "
            f"unless `security.allowContent` admits them, and stops the build: admit them with `[security] "
            f"allowContent = ['.*']`{site.refused_since(media_type)}",
        )
        for media_type, shown in sorted(refused, key=lambda item: item[1])
    ]


def refused_content_notes(refused: Sequence[tuple[str, str]], site: SiteConfig) -> list[str]:
    """A note per media type of content files Hugo refuses (see OtherContent.refused)."""
    since = ", ".join(f"{kind} since {version.rsplit('.', 1)[0]}" for kind, version in REFUSED_SINCE.items())
    by_type: dict[str, list[str]] = {}
    for media_type, shown in refused:
        by_type.setdefault(media_type, []).append(shown)
    notes = []
    for media_type, files in sorted(by_type.items()):
        listed = ", ".join(sorted(files)[:_LISTED])
        listed += f" and {len(files) - _LISTED} more" if len(files) > _LISTED else ""
        notes.append(
            f"Hugo refuses content files of type {media_type} unless `security.allowContent` admits them, and "
            f"stops the build at {listed}: admit them with `[security] allowContent = ['.*']` (Hugo denies "
            f"{since}){site.refused_since(media_type)}"
        )
    return notes


def _resolved_roots(site: SiteConfig, every_language: bool = False) -> list[ContentRoot]:
    """The site's content roots with their real paths, which files' real paths are matched to."""
    return [root._replace(path=root.path.resolve()) for root in content_roots(site, every_language=every_language)]


def outside_content(targets: list[Target], site: SiteConfig) -> tuple[list[Target], list[Target]]:
    """(the targets to check, the Markdown files of a Hugo site that lie outside its content
    or that its `ignoreFiles` leaves out: a README or CHANGELOG beside it, which Hugo does not
    read and its rules do not fit). A site whose content folder is missing (a theme's root,
    with its `config.toml` of module settings) has none: its README is no page either."""
    if site.root is None:
        return targets, []
    inside: list[Target] = []
    outside: list[Target] = []
    for target in targets:
        is_outside = target.content_path is None and target.problem is None and not target.context
        (outside if is_outside else inside).append(target)
    return inside, outside


def other_formats(targets: list[Target]) -> tuple[list[Target], list[Target]]:
    """(the targets to check, the files given that are content of another format than
    Markdown: an `_index.html`, a `.org` page, which Hugo renders as it is or by its own
    reader; checked as Markdown they would be misread)."""
    kept: list[Target] = []
    other: list[Target] = []
    for target in targets:
        (other if target.problem is None and other_media_type(target.path) is not None else kept).append(target)
    return kept, other


def covers_content(paths: Sequence[Path], site: SiteConfig) -> bool:
    """Whether the targets of `paths` are all of the site's content: the site's root, or
    every content root, is among them."""
    if site.root is None:
        return False
    given = {real_path(path) for path in paths}
    roots = [root.path for root in content_roots(site) if root.path.exists()]  # Hugo skips the others
    return real_path(site.root) in given or all(real_path(root) in given for root in roots)


def with_site_context(targets: list[Target], config: Config, site: SiteConfig, cwd: Path) -> list[Target]:
    """`targets` plus every other content file of the site, marked as context: cross-page
    rules need the whole site even when only a few files are checked."""
    if site.root is None:
        return targets
    checked = {real_path(t.path) for t in targets}
    everything, reals = _collect([], config, site, cwd)
    context = [
        dataclasses.replace(target, context=True)
        for target, real in zip(everything, reals, strict=True)
        if target.problem is None and real not in checked
    ]
    return [*targets, *context]


def has_content(site: SiteConfig) -> bool:
    """Whether the site has a place for content: a theme's own root often has none (its
    example site does)."""
    return any(_has_markdown(root) for root in content_roots(site))


def _has_markdown(root: ContentRoot) -> bool:
    """Whether a root may hold Markdown: a directory, or a file mounted as Markdown."""
    return root.path.is_dir() or (root.path.exists() and is_markdown(Path(root.target)))


def _content_location(real: str, roots: Sequence[ContentRoot]) -> tuple[str | None, str | None]:
    """The language and content path of a file (by its real path), from the first root
    that mounts it."""
    return next(_content_locations(real, roots), (None, None))


def _content_locations(real: str, roots: Sequence[ContentRoot]) -> Iterator[tuple[str, str]]:
    """The language and content path of a file (by its real path) in each root that mounts it."""
    for root in roots:
        base = str(root.path)
        if real == base:  # a single-file mount: content if its target is Markdown
            if is_markdown(root.target):
                yield root.language, root.target
            continue
        prefix = os.path.join(base, "")
        if real.startswith(prefix):
            path = Path(real[len(prefix) :]).as_posix()
            if is_hidden(path.split("/")):
                continue  # a single-file mount may take one, a folder's does not
            if not root.files or mount_admits(root.files, path):
                yield root.language, f"{root.target}/{path}" if root.target else path

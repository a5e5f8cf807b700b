"""Which files a run checks: the given paths (or the site's content), minus config excludes."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

from validator.config import Config
from validator.engine import Target
from validator.paths import GlobSet, display_path, walk
from validator.settings import SiteConfig
from validator.site import content_roots


def collect_targets(
    paths: Sequence[Path], config: Config, site: SiteConfig, cwd: Path
) -> list[Target]:
    """Targets in a stable order, each file once.

    With no paths: the site's content directories (every language), or the working
    directory when there is no Hugo site. A path that is the site's root means its content.
    """
    roots = [(language, root.resolve()) for language, root in content_roots(site)] if site.root else []
    site_root = site.root.resolve() if site.root else None
    starts: list[Path] = []
    for path in paths or [site_root or cwd]:
        if site_root is not None and path.resolve() == site_root and roots:
            starts.extend(root for _, root in roots if root.is_dir())
        else:
            starts.append(path)
    explicit = {os.path.abspath(p) for p in paths if not p.is_dir()}
    include, exclude = GlobSet(config.include), GlobSet(config.exclude)
    targets: list[Target] = []
    seen: set[str] = set()
    for candidate in walk(starts):
        absolute = os.path.abspath(candidate.path)
        relative = display_path(candidate.path, config.base)
        if exclude.match(relative):
            continue
        if include and absolute not in explicit and not include.match(relative):
            continue
        real = os.path.realpath(candidate.path)
        if real in seen:
            continue
        seen.add(real)
        language, content_path = _content_location(real, roots)
        targets.append(
            Target(
                path=str(candidate.path),
                display=display_path(candidate.path, cwd),
                problem=candidate.problem,
                content_path=content_path,
                language=language,
                ignored=config.ignored_rules(relative),
            )
        )
    return targets


def with_site_context(targets: list[Target], config: Config, site: SiteConfig, cwd: Path) -> list[Target]:
    """`targets` plus every other content file of the site, marked as context: cross-page
    rules need the whole site even when only a few files are checked."""
    if site.root is None:
        return targets
    checked = {os.path.realpath(t.path) for t in targets}
    context = [
        dataclasses.replace(target, context=True)
        for target in collect_targets([], config, site, cwd)
        if target.problem is None and os.path.realpath(target.path) not in checked
    ]
    return [*targets, *context]


def _content_location(
    real: str, roots: Sequence[tuple[str, Path]]
) -> tuple[str | None, str | None]:
    """The language and content path of a file (by its real path) under a content root."""
    for language, root in roots:
        prefix = os.path.join(root, "")
        if real.startswith(prefix):
            return language, Path(real[len(prefix) :]).as_posix()
    return None, None

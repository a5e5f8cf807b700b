"""Runs the rules: each file parsed once and checked (in parallel when there are many), then
the site rules over small per-page summaries; findings become sorted, filtered problems."""

from __future__ import annotations

import dataclasses
import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from validator.config import Config, RuleSetting
from validator.directives import Suppressions, parse_directives
from validator.document import Document, Link, parse_document
from validator.elements import inventory
from validator.model import Finding, Problem, Rule
from validator.settings import SiteConfig
from validator.site import predict_url

PARALLEL_THRESHOLD = 64  # below this many files a process pool costs more than it saves


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check. `problem` is set when discovery already knows it cannot be read."""

    path: str  # filesystem path
    display: str  # path as reported (relative to the working directory)
    problem: str | None = None
    content_path: str | None = None  # relative to its content dir, when inside a Hugo site
    language: str | None = None
    ignored: frozenset[str] = frozenset()  # rules per-file-ignores turn off for this file
    context: bool = False  # read only so site rules see the whole site; nothing reported


@dataclass(frozen=True)
class PageSummary:
    """What site rules may know of a page: small, so a 30,000-page site fits in memory."""

    path: str
    content_path: str | None
    language: str | None
    url: str | None  # None when Hugo renders no page for the file
    rendered: bool
    front_matter: Mapping[str, Any]
    ids: frozenset[str]  # see Document.ids
    id_prefixes: tuple[str, ...]  # see Document.id_prefixes
    raw_html_ids: frozenset[str]  # ids in raw HTML, kept or not
    links: tuple[Link, ...]
    elements: frozenset[str]  # see validator.elements.inventory
    suppressions: Suppressions = field(repr=False, default_factory=Suppressions)

    def has_id(self, fragment: str) -> bool:
        """Is `fragment` an id of the page, or might shortcode output make it one?"""
        return fragment in self.ids or any(fragment.startswith(p) for p in self.id_prefixes)


@dataclass(frozen=True)
class Site:
    """What a site-stage rule is given: the site's configuration and every page's summary."""

    config: SiteConfig
    pages: tuple[PageSummary, ...]


@dataclass(frozen=True)
class Plan:
    """Everything a worker needs to check files; picklable."""

    rules: tuple[Rule, ...]  # enabled source rules
    settings: Mapping[str, RuleSetting]
    site: SiteConfig
    known: frozenset[str]
    max_file_size: int


@dataclass
class Outcome:
    problems: list[Problem]
    files: int
    pages: tuple[PageSummary, ...]


def run(
    targets: Sequence[Target],
    config: Config,
    site: SiteConfig,
    registry: Mapping[str, Rule],
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Check `targets`; the result does not depend on `jobs`."""
    enabled = [registry[rule_id] for rule_id in config.rules if rule_id in registry]
    plan = Plan(
        rules=tuple(r for r in enabled if r.stage == "source" and r.check is not None),
        settings=config.rules,
        site=site,
        known=frozenset(registry),
        max_file_size=config.max_file_size,
    )
    problems: list[Problem] = []
    pages: list[PageSummary] = []
    for file_problems, page in _check_all(targets, plan, jobs, progress):
        problems.extend(file_problems)
        if page is not None:
            pages.append(page)
    site_rules = [r for r in enabled if r.stage == "site" and r.check is not None]
    if site_rules:
        reported = {t.display: t.ignored for t in targets if not t.context}
        problems.extend(_check_site(Site(site, tuple(pages)), site_rules, plan, reported))
    checked = sum(1 for target in targets if not target.context)
    return Outcome(sorted(problems), checked, tuple(pages))


def _check_all(
    targets: Sequence[Target],
    plan: Plan,
    jobs: int | None,
    progress: Callable[[int], None] | None,
) -> Iterator[tuple[list[Problem], PageSummary | None]]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or (jobs is None and len(targets) < PARALLEL_THRESHOLD):
        for target in targets:
            yield check_file(target, plan)
            if progress:
                progress(1)
        return
    size = max(4, min(256, len(targets) // (workers * 8) or 1))
    chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_check_chunk, chunks, [plan] * len(chunks)):
            yield from results
            if progress:
                progress(len(results))


def _check_chunk(
    targets: Sequence[Target], plan: Plan
) -> list[tuple[list[Problem], PageSummary | None]]:
    return [check_file(target, plan) for target in targets]


def check_file(target: Target, plan: Plan) -> tuple[list[Problem], PageSummary | None]:
    """Read, parse and check one file. Never raises."""
    stamp = _Stamper(target.display, plan, Suppressions(), target.ignored)
    if target.problem:
        return stamp.all("file-unreadable", [Finding(1, 1, target.problem)]), None
    data, reason = _read(target.path, plan.max_file_size)
    if data is None:
        return stamp.all("file-unreadable", [Finding(1, 1, reason or "cannot be read")]), None
    try:
        doc = _page(parse_document(target.display, data, plan.site.markup), target, plan.site)
    except Exception as exc:  # a bug in the parser: report it, keep going
        return stamp.all("internal-error", [_crash("the parser", exc)]), None
    if target.context:
        return [], _summarize(doc, target, Suppressions()) if doc.is_text else None
    if not doc.is_text:
        return stamp.all("file-encoding", list(doc.parse_findings("file-encoding"))), None
    suppressions, unknown = parse_directives(doc.comments, plan.known)
    stamp.suppressions = suppressions
    problems = stamp.all(
        "unknown-rule-in-directive",
        [Finding(u.line, u.column, f"unknown rule {u.name!r} in directive") for u in unknown],
    )
    for rule in plan.rules:
        options = plan.settings[rule.id].options
        assert rule.check is not None
        try:
            findings = list(rule.check(doc, options))
        except Exception as exc:
            problems.extend(stamp.all("internal-error", [_crash(f"rule {rule.id}", exc)]))
            continue
        problems.extend(stamp.all(rule.id, findings))
    return problems, _summarize(doc, target, suppressions)


def _page(doc: Document, target: Target, site: SiteConfig) -> Document:
    """The document with its place in the site: its URL, and whether Hugo renders it."""
    if target.content_path is None or site.root is None or doc.front_matter.error:
        return dataclasses.replace(doc, site=site)
    url = predict_url(site, target.content_path, doc.front_matter.data or {}, target.language)
    return dataclasses.replace(doc, url=url, rendered=url is not None, site=site)


def _summarize(doc: Document, target: Target, suppressions: Suppressions) -> PageSummary:
    return PageSummary(
        path=target.display,
        content_path=target.content_path,
        language=target.language,
        url=doc.url,
        rendered=doc.rendered,
        front_matter=dict(doc.front_matter.data or {}),
        ids=doc.ids,
        id_prefixes=doc.id_prefixes,
        raw_html_ids=doc.raw_html_ids,
        links=doc.links,
        elements=inventory(doc),
        suppressions=suppressions,
    )


def _read(path: str, limit: int) -> tuple[bytes | None, str | None]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except IsADirectoryError:
        return None, "is a directory, not a file"
    except OSError as exc:
        return None, (exc.strerror or str(exc)).lower()
    if len(data) > limit:
        return None, f"larger than max-file-size ({limit:,} bytes); skipped"
    return data, None


def _crash(what: str, exc: BaseException) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
    return Finding(1, 1, f"{what} failed: {type(exc).__name__}: {exc}{place}")


@dataclass
class _Stamper:
    """Turns one file's findings into problems, dropping the suppressed ones."""

    path: str
    plan: Plan
    suppressions: Suppressions
    ignored: frozenset[str]

    def all(self, rule_id: str, findings: Iterable[Finding]) -> list[Problem]:
        setting = self.plan.settings.get(rule_id)
        if setting is None or rule_id in self.ignored:
            return []
        return [
            Problem(
                finding.path or self.path,
                max(finding.line, 1),
                max(finding.column, 1),
                rule_id,
                setting.severity,
                finding.message,
                finding.html_path,
            )
            for finding in findings
            if not self.suppressions.suppressed(rule_id, finding.line)
        ]


def _check_site(
    site: Site, rules: Sequence[Rule], plan: Plan, reported: Mapping[str, frozenset[str]]
) -> list[Problem]:
    """Run site rules; keep findings on the reported files (`reported`: path -> ignored rules)."""
    by_path = {page.path: page for page in site.pages}
    problems: list[Problem] = []
    for rule in rules:
        assert rule.check is not None
        try:
            findings = list(rule.check(site, plan.settings[rule.id].options))
        except Exception as exc:
            findings = [_crash(f"rule {rule.id}", exc)]
            rule_id = "internal-error"
        else:
            rule_id = rule.id
        for finding in findings:
            path = finding.path or (site.pages[0].path if site.pages else "")
            if path not in reported:
                continue
            page = by_path.get(path)
            suppressions = page.suppressions if page else Suppressions()
            stamp = _Stamper(path, plan, suppressions, reported[path])
            problems.extend(stamp.all(rule_id, [finding]))
    return problems

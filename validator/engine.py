"""Runs the rules: each file parsed once and checked (in parallel when there are many), then
the site rules over small per-page summaries; findings become sorted, filtered problems."""

from __future__ import annotations

import contextlib
import collections
import dataclasses
import functools
import gc
import hashlib
import json
import os
import pickle
import re
import posixpath
import signal
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from urllib.parse import unquote
from typing import Any, NamedTuple, TypeVar

import xxhash

from validator.cache import ResultCache
from validator.config import Config, RuleSetting
from validator.directives import NO_SUPPRESSIONS, Suppressions, markdownlint_names, parse_directives
from validator.document import REF_SHORTCODES, Document, Link, ShortcodeUse, parse_document, ref_path
from validator.elements import inventory
from validator.files import read_at_most
from validator.frontmatter import FrontMatter, split_front_matter
from validator.html import MAX_PAGE_BYTES, Page, parse_page
from validator.model import Finding, Problem, Rule, counted
from validator.paths import MARKDOWN_EXTENSIONS, display_path
from validator.published import (
    REDIRECTS_FILE,
    UNKNOWN_SOURCE,
    PagePass,
    PublishedSite,
    RenderedSite,
    SourceHeading,
    SourceLink,
    SourcePage,
    base_path,
    build_rendered,
    load_rendered,
    parse_published_pages,
    parse_redirects,
)
from validator.render import page_params, param_value, render_document
from validator.settings import (
    ABSOLUTE_FINDING_LINK_HOOK, HUGO_DEFAULT_BASE_URL, LINK_HOOKS, PAGE_FINDING_LINK_HOOK, SiteConfig,
)
from validator.site import (
    CONTENT_EXTENSIONS,
    ContentRoot,
    SiteRead,
    PagePrediction,
    a_few,
    alias_urls,
    aliases_at_root,
    content_name,
    content_roots,
    unbuilt_reason,
    is_hidden,
    is_list_file,
    language_codes,
    markup_media_type,
    other_media_type,
    page_language,
    page_path as hugo_page_path,
    predict_page,
    predict_url,
    recording_reads,
)
from validator.spelling import copied_words, page_words, spelling_language
from validator.spill import Spill, pack

_T = TypeVar("_T")
UNREAD_HEAD = 1_000_000  # the bytes of a content file mdcheck does not check read for its front matter
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
    # (language, content path) of the other pages Hugo makes of the file: one file mounted
    # at several places, or a fallback mount lending a language's files to another
    also: tuple[tuple[str, str], ...] = ()


# The front matter keys site rules read: duplicate-url's aliases, heading-typo's texts,
# whether Hugo builds the page (a draft, its dates: see validator.site.unbuilt_reason).
SUMMARY_FRONT_MATTER = frozenset(
    {"aliases", "title", "description", "draft", "date", "publishdate", "pubdate", "published", "expirydate",
     "unpublishdate"}
)


class SiteLink(NamedTuple):
    """A link as site rules read it. A NamedTuple, as a page's records are (see
    validator.html): summaries are kept pickled and read back once per site rule."""

    destination: str  # as written, shortcodes in their source form
    line: int
    column: int
    kind: str  # see Link.kind
    shortcode: str | None = None  # the name of the ref/relref call that makes the destination
    shortcode_line: int = 0
    shortcode_column: int = 0
    ref: tuple[str, str | None] | None = None  # the call's path and `lang`; None with errors
    # A ref call's named parameters when none is `path` (`ref="b"`): Hugo writes an empty link
    unread: tuple[str, ...] = ()
    home: bool = False  # Hugo's link hook writes it as the home page's (Document.home_rendered_contents)


@dataclass(frozen=True, slots=True)
class PageSummary:
    """What site rules may know of a page: small, and kept on disk until a rule reads it
    (see validator.spill), so that a site of any size fits in memory."""

    path: str
    content_path: str | None
    language: str | None
    url: str | None  # None when Hugo renders no page for the file
    rendered: bool
    resources: bool  # whether Hugo publishes the files of its bundle (Document.resources)
    front_matter: Mapping[str, Any]  # the SUMMARY_FRONT_MATTER keys only
    ids: frozenset[str]  # see Document.ids
    id_prefixes: frozenset[str]  # see Document.id_prefixes
    raw_html_ids: tuple[str, ...]  # ids in raw HTML, kept or not (a tuple: mostly empty)
    links: tuple[SiteLink, ...]  # those site rules read (see _read_by_site_rules)
    elements: tuple[str, ...]  # see validator.elements.inventory; sorted
    headings: tuple[SourceHeading, ...] = ()
    front_matter_positions: Mapping[str, tuple[int, int]] = field(repr=False, default_factory=dict)
    other_urls: tuple[str, ...] = ()  # of the other pages made of the file (see Target.also)
    also: tuple[tuple[str, str], ...] = ()  # (language, content path) of those pages: Target.also
    # Markdown paths given to shortcodes other than ref/relref (an `include` names a file)
    included: tuple[str, ...] = ()
    link_hook: bool = False  # whether the site's own link render hook renders its links
    # whether its links go to the page GetPage finds: through Hugo's embedded link hook, or
    # a project's that does as it does (PAGE_FINDING_LINK_HOOK)
    finds_pages: bool = False
    # whether it does so for a site-absolute destination alone (ABSOLUTE_FINDING_LINK_HOOK)
    finds_absolute_pages: bool = False
    # False for a content file whose content mdcheck does not read (see unread_summary): it
    # reads its front matter only, so any id may be on it (`id_prefixes` holds "").
    read: bool = True
    # (taxonomy, term) of each term the page is given (`tags: [Go]`); a term None when its
    # terms are not known (front matter not read, a cascade that may give terms)
    terms: tuple[tuple[str, str | None], ...] = ()
    # The media type of such a file that the site's `security.allowContent` refuses: Hugo
    # stops the build at it, and makes no page of it.
    refused: str | None = None
    file: str = ""  # its file on disk (Target.path): Hugo finds pages by it too (links.SiteIndex)

    def __reduce__(self) -> tuple[type[PageSummary], tuple[Any, ...]]:
        # Positional: unpickled twice as fast as through the dataclass's own state.
        return PageSummary, tuple(getattr(self, f.name) for f in dataclasses.fields(self))

    def has_id(self, fragment: str) -> bool:
        """Is `fragment` an id of the page, or might shortcode output make it one?"""
        if fragment in self.ids:
            return True
        prefixes = self.id_prefixes
        return bool(prefixes) and any(fragment[:end] in prefixes for end in range(len(fragment) + 1))


@dataclass(frozen=True)
class Site:
    """What a site-stage rule is given: the site's configuration and every page's summary."""

    config: SiteConfig
    pages: Sequence[PageSummary]  # in a run, a Spill: each read unpickles a page anew
    # Every page's words, summed per language (see validator.spelling.page_words and
    # spelling_language): a word of one language is no correction for another's.
    vocabularies: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    # The places in `pages` of the pages whose findings are kept, when a run checks some of
    # the site's files and reads the others for context only; None: every page's.
    reported: Sequence[int] | None = None
    built: bool = False  # whether the rendered pass reads Hugo's own output (--build, --html)
    # The redirect rules the site's host serves (see published.parse_redirects)
    redirects: tuple[str, ...] = ()
    _derived: dict[Callable[[Site], Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, make: Callable[[Site], _T]) -> _T:
        """`make(site)`, computed once for all the rules that need it (an index of pages)."""
        if make not in self._derived:
            self._derived[make] = make(self)
        return self._derived[make]

    def checked_pages(self) -> Iterator[tuple[int, PageSummary]]:
        """(place in `pages`, page) of each page whose findings are kept: a rule that reports
        on the page it reads need not read the others (a commit's few files in a large site)."""
        if self.reported is None:
            yield from enumerate(self.pages)
        else:
            yield from ((place, self.pages[place]) for place in self.reported)


@dataclass(frozen=True)
class Plan:
    """Everything a worker needs to check files; picklable."""

    rules: tuple[Rule, ...]  # enabled source rules
    settings: Mapping[str, RuleSetting]
    site: SiteConfig
    known: frozenset[str]
    max_file_size: int
    markdownlint: Mapping[str, str] = field(default_factory=dict)  # see directives.markdownlint_names
    embedded: bool = False  # render each page with the embedded renderer, for html rules
    sources: bool = False  # keep each page's SourcePage, for html rules
    summary_needs: frozenset[str] = frozenset()  # see Rule.summary_needs
    record_reads: bool = False  # keep each file's site reads, for the result cache


@dataclass(frozen=True)
class Rendering:
    """Where the rendered pass reads HTML: a publish dir (a Hugo build), or, when
    `publish_dir` is None, what the embedded renderer makes of each page."""

    publish_dir: str | None = None
    display_root: str = ""  # how the publish dir is shown in findings, e.g. "public"
    hugo_list: Mapping[str, str] | None = None  # `hugo list all`: URL -> content file


@dataclass(frozen=True, slots=True)
class FileResult:
    """A file's problems, and what the later stages read of it, `pack`ed where it was made
    (in a worker, say): only bytes travel to the main process, which keeps them on disk."""

    problems: list[Problem]
    summary: bytes | None = None  # a PageSummary
    source: bytes | None = None  # a SourcePage: what the rendered pass maps back to
    page: bytes | None = None  # a Page: the embedded renderer's page
    suppressions: Suppressions | None = None  # the file's directives, when it has any
    words: bytes | None = None  # the page's word counts, when a site rule reads them
    page_path: str | None = None  # the publish-dir path of `page`
    url_unknown: bool = False  # Hugo renders the file's page at a URL not known here (Document.url_unknown)
    reads: tuple[SiteRead, ...] = ()  # with Plan.record_reads: see site.recording_reads
    digest: bytes | None = None  # with Plan.record_reads, of the bytes checked (see _check_all)


@dataclass
class Outcome:
    problems: list[Problem]
    files: int
    pages: Sequence[PageSummary]
    rendered_pages: int = 0
    notes: tuple[str, ...] = ()  # remarks of rules for the summary


def run(
    targets: Sequence[Target],
    config: Config,
    site: SiteConfig,
    registry: Mapping[str, Rule],
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    rendering: Rendering | None = None,
    cache: bool = False,
    other_content: Sequence[Target] = (),
) -> Outcome:
    """Check `targets`; the result does not depend on `jobs` or `cache`. The pages of
    `other_content` (see targets.other_content) are the site's too: links may lead to them.

    With `rendering`, the html rules (and the html side of source and site rules) then
    check the rendered pages, and their findings are mapped back to the Markdown. With
    `cache`, the results of files unchanged since an earlier run are read back (see
    validator.cache)."""
    with _rare_collections():
        return _run(
            targets, config, site, registry,
            jobs=jobs, progress=progress, rendering=rendering, cache=cache, other_content=other_content,
        )


@contextlib.contextmanager
def _rare_collections() -> Iterator[None]:
    """Checking a file leaves no reference cycles (a test makes sure), so the cyclic
    collector, run every 700 allocations by default, finds nothing while it costs a sixth
    of the time: run it rarely, and not over what was loaded before (modules, config)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run(
    targets: Sequence[Target],
    config: Config,
    site: SiteConfig,
    registry: Mapping[str, Rule],
    *,
    jobs: int | None,
    progress: Callable[[int], None] | None,
    rendering: Rendering | None,
    cache: bool = False,
    other_content: Sequence[Target] = (),
) -> Outcome:
    """See run."""
    enabled = [registry[rule_id] for rule_id in config.rules if rule_id in registry]
    embedded = rendering is not None and rendering.publish_dir is None
    # The embedded renderer works from the same parse as the source rules: only the html
    # rules learn something from its output. Hugo's own output is checked by all.
    html_rules = [
        r for r in enabled if (r.stage == "html" and r.check) or (r.html_check and not embedded)
    ]
    render = rendering is not None and bool(html_rules)
    plan = Plan(
        rules=tuple(r for r in enabled if r.stage == "source" and r.check is not None),
        settings=config.rules,
        site=site,
        known=frozenset(registry),
        max_file_size=config.max_file_size,
        markdownlint=markdownlint_names(registry),
        embedded=render and embedded,
        sources=render,
        summary_needs=frozenset().union(*(r.summary_needs for r in enabled)),
        record_reads=cache,
    )
    problems: list[Problem] = []
    pages: Spill[PageSummary] = Spill()
    sources: Spill[SourcePage] = Spill()
    rendered: Spill[Page] = Spill()
    partial = any(t.context for t in targets)
    reported_places: list[int] = []  # in `pages`, of the files checked, in a partial run
    # With the embedded renderer, the html rules read the pages of the files checked only;
    # the others' are known by their paths.
    page_paths: set[str] = set()
    suppressions: dict[str, Suppressions] = {}  # of the files with directives
    vocabularies: dict[str, Counter[str]] = {}
    # The words of copies count once: a versioned docs site copies a page, typo and all,
    # into each version's folder, and its typo is no more the site's word for that. Their
    # prose words are kept apart (spelling.COPIED): a word of one page is no one-off slip
    # when copies of the page repeat it.
    counted_words: set[bytes] = set()
    unknown_urls: list[str] = []  # the files checked whose pages' URLs are not known (see Document.url_unknown)
    with contextlib.ExitStack() as stack:
        results = ResultCache.open(plan) if cache else None
        if results is not None:
            stack.enter_context(results)
        for target, result in zip(targets, _check_all(targets, plan, jobs, progress, results), strict=True):
            problems.extend(result.problems)
            if result.summary is not None:
                if partial and not target.context:
                    reported_places.append(len(pages))
                pages.append(result.summary)
            if result.page_path is not None:
                page_paths.add(result.page_path)
            if result.url_unknown and not target.context:
                unknown_urls.append(target.display)
            if not (target.context and plan.embedded):
                if result.source is not None:
                    sources.append(result.source)
                if result.page is not None:
                    rendered.append(result.page)
            if result.suppressions is not None:
                suppressions[target.display] = result.suppressions
            if result.words is not None:
                copy = (digest := _digest(result.words)) in counted_words
                counted_words.add(digest)
                language, words = pickle.loads(result.words)
                if copy:
                    words = copied_words(words)
                vocabularies.setdefault(language, Counter()).update(words)
        for other in other_content:
            if (summary := unread_summary(other, site)) is not None:
                pages.append(pack(summary))
    reported = {t.display: t.ignored for t in targets if not t.context}
    site_rules = [r for r in enabled if r.stage == "site" and r.check is not None]
    notes: list[str] = [_unknown_urls_note(unknown_urls)] if unknown_urls else []
    built = render and rendering is not None and not embedded
    whole = Site(site, pages, vocabularies, reported_places if partial else None, built, _redirect_sources(site))
    if site_rules:
        problems.extend(_check_site(whole, site_rules, plan, reported, suppressions))
        notes.extend(_notes(site_rules, whole, plan))
    rendered_pages = 0
    if render and rendering is not None:
        rendered_site = dataclasses.replace(
            _rendered_site(rendering, site, sources, rendered, page_paths, pages, jobs, whole.redirects),
            vocabularies=vocabularies,
            user_words=site.user_words,
            language=site.text_language(None),
            data_dirs=site.data_dirs,
            layout_dirs=site.layout_dirs,
            joining_paths=site.joining_paths,
            # Mdcheck's own rendering has no theme: whether a page loads a math renderer
            # is the site's templates' guess. A built page shows it, unless a script bundle does.
            math_renderer=site.math_renderer if embedded else site.math_in_scripts,
            found_by_hook=_hook_lookup(whole) if embedded and site.links_find_pages else None,
        )
        rendered_pages = len(rendered_site.pages)
        if not embedded and not rendered_pages and sources:
            notes.append(
                f"the rendered pass found no HTML page in {rendering.display_root}: is it the site's "
                "build output? (Hugo writes none without layouts, a theme or a module that has them)"
            )
        if copied := rendered_site.copied_pages:
            shown = a_few(copied, each=str)
            one = len(copied) == 1
            notes.append(
                f"{counted(len(copied), 'HTML file')} Hugo copies as {'it is' if one else 'they are'} from the static "
                f"folders ({shown}) "
                + ("is not checked: Hugo does not render it (links to it count)" if one
                   else "are not checked: Hugo renders none of them (links to them count)")
            )
        if not embedded:
            problems = _reviewed(problems, rendered_site, [r for r in enabled if r.html_review], plan)
        found, html_notes = _check_rendered(rendered_site, html_rules, plan, suppressions, reported, problems, partial)
        problems.extend(found)
        notes.extend(html_notes)
    checked = sum(1 for target in targets if not target.context)
    return Outcome(sorted(problems), checked, pages, rendered_pages, tuple(notes))


def _unknown_urls_note(files: Sequence[str]) -> str:
    shown = a_few(files, each=str)
    return (
        f"{counted(len(files), 'page')} whose URL mdcheck cannot tell ({shown}: a permalink of the date Hugo reads "
        f"from git or the file's time, a `url` of another host) {'is' if len(files) == 1 else 'are'} checked as "
        "Markdown alone: the rendered pages' links and ids, and links to them, are left to --build"
    )


def _hook_lookup(site: Site) -> Callable[[str, str], bool]:
    from validator.links import hook_lookup  # validator.links builds on this module

    return hook_lookup(site)


def _check_all(
    targets: Sequence[Target],
    plan: Plan,
    jobs: int | None,
    progress: Callable[[int], None] | None,
    cache: ResultCache | None,
) -> Iterator[FileResult]:
    """Each target's result, in order: read back from `cache` when it holds it, else checked
    (and kept there)."""
    if cache is None:
        yield from _checked(targets, plan, jobs, progress)
        return
    keys = [_cache_key(cache, target, plan) for target in targets]
    held = [key is not None and cache.holds(key[0]) for key in keys]  # not the results: memory
    # A file read for context that an earlier run checked: that result serves, its findings left
    checked_before: dict[int, bytes] = {}
    for index, (target, key, hit) in enumerate(zip(targets, keys, held)):
        if target.context and key is not None and not hit:
            full = cache.key(_identity(dataclasses.replace(target, context=False)), key[1])
            if cache.holds(full):
                checked_before[index], held[index] = full, True
    checked = _checked([target for target, hit in zip(targets, held) if not hit], plan, jobs, progress)
    for index, (target, key, hit) in enumerate(zip(targets, keys, held)):
        result = cache.get(checked_before.get(index) or key[0]) if key is not None and hit else None
        if result is not None and index in checked_before:
            result = dataclasses.replace(result, problems=[], suppressions=None)
        if result is not None:
            if progress:
                progress(1)
            yield result
            continue
        result = next(checked) if not hit else check_file(target, plan)  # hit: the store failed since
        # Kept only if the file checked is the file the key was made of: not one changed
        # in between (an editor saving during the run).
        if key is not None and result.digest == key[1]:
            cache.put(key[0], dataclasses.replace(result, reads=(), digest=None), result.reads)
        yield result


def _cache_key(cache: ResultCache, target: Target, plan: Plan) -> tuple[bytes, bytes] | None:
    """The key of the target's result and a digest of its bytes; None when it is not to be
    kept (unreadable)."""
    if target.problem:
        return None
    data, _ = _read(target.path, plan.max_file_size)
    if data is None:
        return None
    content = _digest(data)
    return cache.key(_identity(target), content), content


def _identity(target: Target) -> tuple[Any, ...]:
    """What a target's result depends on besides the file's bytes and the plan (its path
    made absolute: a file named on the command line is the same file a site's run found)."""
    path = os.path.abspath(target.path)
    return path, target.display, target.content_path, target.language, target.ignored, target.context, target.also


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _checked(
    targets: Sequence[Target], plan: Plan, jobs: int | None, progress: Callable[[int], None] | None
) -> Iterator[FileResult]:
    """Each target's result, in order. Files with the same bytes (a versioned docs site
    copies most pages into each version's folder) are checked one after the other, so that
    each content is parsed once (see `_LastParse`)."""
    groups = _content_groups(targets, plan.max_file_size)
    order = [index for group in groups for index in group]
    yield from _in_order(order, _checked_in_order([targets[i] for i in order], plan, jobs, progress))


def _checked_in_order(
    targets: Sequence[Target], plan: Plan, jobs: int | None, progress: Callable[[int], None] | None
) -> Iterator[FileResult]:
    """Each target's result, in order."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or (jobs is None and len(targets) < PARALLEL_THRESHOLD):
        last = _LastParse()
        for target in targets:
            yield check_file(target, plan, last)
            if progress:
                progress(1)
        return
    # Small chunks: no worker waits long for the last one to finish (a group split between
    # two chunks is parsed in each).
    size = max(4, min(64, len(targets) // (workers * 32) or 1))
    chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
    with _pool(workers, plan, len(chunks)) as pool:
        try:
            # (not `pool.map`: its iterator, let go, cancels what the pool's thread then fails)
            futures = [pool.submit(_check_chunk, chunk) for chunk in chunks]
            for future in futures:
                results = future.result()
                yield from results
                if progress:
                    progress(len(results))
        except BaseException:
            _stop(pool)
            raise


# In a worker process, what every task of its pool reads (the plan, the published site):
# given once when the worker starts, not pickled again with each chunk.
_SHARED: list[Any] = []


def _pool(workers: int, shared: Any, tasks: int) -> ProcessPoolExecutor:
    """Worker processes: as many as asked, but no more than there are tasks, nor than four
    per core (more only cost memory and start-up)."""
    workers = max(1, min(workers, tasks, 4 * (os.cpu_count() or 1)))
    return ProcessPoolExecutor(max_workers=workers, initializer=_share, initargs=(shared,))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ends a pool's workers at once, on Ctrl-C or an error: one that comes while the pool
    starts its workers leaves them waiting for work no one sends, and the exit waiting on
    them (CPython shuts down only a pool whose manager thread started)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(1)
    # A worker ended while it wrote a result leaves part of it in the pipe, which the pool's
    # thread would wait on for ever (and the exit on that thread): with this end closed too,
    # its reading fails and the thread ends.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    pool.shutdown(wait=False)
    if manager is not None:
        # ended here, not as the interpreter exits: there, waking a thread that closes its
        # pipe at that moment fails (a traceback on the way out)
        manager.join(5)


def _share(value: Any) -> None:
    # Ctrl-C reaches the whole process group: the main process alone stops the run, and the
    # workers, ignoring it, finish their chunk and are let go (interrupted, a worker could
    # leave the pool waiting on it for ever). A SIGTERM (`timeout` signals the group too)
    # ends a worker at once, not by the main process's unwinding, which it inherits: raised
    # while it writes a result, that would leave the queue locked and the run hung.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _SHARED[:] = [value]


def _check_chunk(targets: Sequence[Target]) -> list[FileResult]:
    plan, last = _SHARED[0], _LastParse()
    return [check_file(target, plan, last) for target in targets]


def _content_groups(targets: Sequence[Target], limit: int) -> list[list[int]]:
    """The targets' indices in groups of files with the same bytes, each group where its
    first file is. Only files whose size another file has are read for it."""
    by_size: dict[int, list[int]] = {}
    for index, target in enumerate(targets):
        if target.problem is None:
            with contextlib.suppress(OSError):
                by_size.setdefault(os.stat(target.path).st_size, []).append(index)
    first_of: dict[int, int] = {}  # a file's index -> the index of the first with its bytes
    for indices in by_size.values():
        if len(indices) < 2:
            continue
        firsts: dict[bytes, int] = {}
        for index in indices:
            data, _ = _read(targets[index].path, limit)
            if data is not None and (first := firsts.setdefault(_digest(data), index)) != index:
                first_of[index] = first
    groups: dict[int, list[int]] = {}
    for index in range(len(targets)):
        groups.setdefault(first_of.get(index, index), []).append(index)
    return list(groups.values())


def _in_order(order: Sequence[int], results: Iterable[FileResult]) -> Iterator[FileResult]:
    """`results`, made in the order of the target indices `order`, in index order; those
    made early wait in a Spill: on disk, whatever their number."""
    waiting: dict[int, int] = {}  # target index -> its result's place in `early`
    early: Spill[FileResult] = Spill()
    wanted = 0
    for index, result in zip(order, results, strict=True):
        if index != wanted:
            waiting[index] = len(early)
            early.append(pack(result))
            continue
        yield result
        wanted += 1
        while wanted in waiting:
            yield early[waiting.pop(wanted)]
            wanted += 1


class _LastParse:
    """The last file's parse and word counts, for the next file if it has the same bytes:
    the files of a run are checked with those of the same content one after the other (see
    `_content_groups`)."""

    def __init__(self) -> None:
        self._data: bytes | None = None
        self._doc: Document | None = None
        self._words: tuple[str, bytes] | None = None
        self._html: tuple[bytes, Page] | None = None

    def parse(self, path: str, data: bytes, site: SiteConfig, language: str | None) -> Document:
        """The parse of `data`, made for `path` or for a file checked just before, on a page
        of `language`."""
        doc, markup = self._doc, site.markup_of(language)
        if doc is None or markup is not doc.markup or data != self._data or language != doc.language:
            self._data = self._doc = self._words = self._html = None  # let the old parse go first
            self._doc, self._data = parse_document(path, data, markup, site, language=language), data
        return self._doc

    def page(self, path: str, html: bytes, url: str) -> Page:
        """`parse_page`, or the last page's parse at another place when the embedded
        renderer wrote the same HTML for this copy of its content."""
        if self._html is not None and self._html[0] == html:
            return dataclasses.replace(self._html[1], path=path, url=url)
        page = parse_page(path, html, url)
        self._html = (html, page)
        return page

    def placed(self, doc: Document) -> None:
        """`doc`, placed from the last parse, stands for it from now on: what the rules
        compute of its content (its cached properties) carries over to the next copy."""
        self._doc = doc

    def words(self, doc: Document, language: str) -> bytes:
        """The language and `page_words(doc)`, packed, for a document `placed` from the
        last parse."""
        if self._words is None or self._words[0] != language:
            self._words = (language, pack((language, page_words(doc))))
        return self._words[1]


def check_file(target: Target, plan: Plan, last: _LastParse | None = None) -> FileResult:
    """Read, parse and check one file (and render it, for the embedded rendered pass), with
    the site reads made for it when `plan.record_reads`. Never raises. `last`: the parse
    of the file checked before, reused when this file has the same bytes."""
    last = last or _LastParse()
    if not plan.record_reads:
        return _check_file(target, plan, last)[0]
    with recording_reads() as reads:
        result, data = _check_file(target, plan, last)
    return dataclasses.replace(result, reads=tuple(reads), digest=_digest(data) if data is not None else None)


def _check_file(target: Target, plan: Plan, last: _LastParse) -> tuple[FileResult, bytes | None]:
    """The file's result, and the bytes it was made of."""
    stamp = _Stamper(target.display, plan, Suppressions(), target.ignored, reported=not target.context)
    if target.problem:
        return FileResult(stamp.all("file-unreadable", [Finding(1, 1, target.problem)])), None
    data, reason = _read(target.path, plan.max_file_size)
    if data is None:
        problems = stamp.all("file-unreadable", [Finding(1, 1, reason or "cannot be read")])
        return _unread(problems, target, plan) if reason == _too_large(plan.max_file_size) else FileResult(problems), None
    try:
        doc = _page(last.parse(target.display, data, plan.site, _language(target, plan.site)), target, plan.site)
        last.placed(doc)
    except Exception as exc:  # a bug in the parser: report it, keep going
        return FileResult(stamp.all("internal-error", [_crash("the parser", exc)])), data
    if not doc.is_text:
        return _unread(stamp.all("file-encoding", doc.parse_findings("file-encoding")), target, plan, data), data
    if _markup_type(doc.front_matter) not in (None, "text/markdown"):
        # Its front matter's `markup` names another format: only its front matter is checked
        front_matter_rules = [rule for rule in plan.rules if rule.id.startswith("front-matter-")]
        problems = [] if target.context else _rule_findings(doc, front_matter_rules, plan, stamp)
        return _unread(problems, target, plan, data), data
    if target.context:
        # Read for the site's sake: with the embedded renderer, its page's path is all it gives
        if plan.embedded:
            source, page, page_path = None, None, _embedded_path(doc, target, plan)
        else:
            (source, page, _), page_path = _rendered_side(doc, target, plan, last), None
        summary, words = _summarize(doc, target, plan), _words(doc, target, plan, last)
        return _packed([], summary, source, page, words, page_path=page_path, url_unknown=doc.url_unknown), data
    source, page, crashes = _rendered_side(doc, target, plan, last)
    suppressions, unknown = parse_directives(doc.comments, plan.known, plan.markdownlint)
    stamp.suppressions = suppressions
    problems = stamp.all(
        "unknown-rule-in-directive",
        [Finding(u.line, u.column, f"unknown rule {u.name!r} in directive") for u in unknown],
    )
    problems.extend(stamp.all("file-unreadable", doc.parse_findings("file-unreadable")))
    problems.extend(_rule_findings(doc, plan.rules, plan, stamp))
    problems.extend(stamp.all("internal-error", crashes))
    summary, words = _summarize(doc, target, plan), _words(doc, target, plan, last)
    return _packed(problems, summary, source, page, words, suppressions, url_unknown=doc.url_unknown), data


def _rule_findings(doc: Document, rules: Sequence[Rule], plan: Plan, stamp: _Stamper) -> list[Problem]:
    """The findings of `rules` on the document; a rule that fails is reported, not raised."""
    problems: list[Problem] = []
    contents: list[tuple[ShortcodeUse, Document]] | None = None  # placed once, for the rules that read them
    for rule in rules:
        assert rule.check is not None
        options = plan.settings[rule.id].options
        try:
            findings = list(rule.check(doc, options))
            if rule.reads_contents and doc.rendered_contents:
                contents = contents if contents is not None else _placed_contents(doc)
                findings.extend(_content_findings(doc, contents, rule, options))
        except Exception as exc:
            problems.extend(stamp.all("internal-error", [_crash(f"rule {rule.id}", exc)]))
            continue
        problems.extend(stamp.all(rule.id, findings))
    return problems


def _placed_contents(doc: Document) -> list[tuple[ShortcodeUse, Document]]:
    """The contents of the page's calls that Hugo renders as Markdown apart from the page,
    each placed where the page is (its URL, language and render hooks)."""
    context = dict(
        path=doc.path, url=doc.url, language=doc.language, render_hooks=doc.render_hooks,
        address_writers=doc.address_writers, page_link_labels=doc.link_labels,
    )  # fmt: skip
    return [(use, content.placed(**context)) for use, content in doc.rendered_contents]


def _content_findings(
    doc: Document, contents: Sequence[tuple[ShortcodeUse, Document]], rule: Rule, options: object
) -> Iterator[Finding]:
    """The findings of `rule` on those contents, at their places in the file."""
    assert rule.check is not None
    for use, content in contents:
        if use.notation == "%":
            where = f" (in the content of {{{{% {use.name} %}}}}, which Hugo renders apart inside another call)"
        elif use.legacy:
            where = (
                f" (in the content of {{{{% {use.name} %}}}}, which Hugo renders apart: its template declares the "
                "legacy `$_hugo_config` version 1)"
            )
        else:
            where = f" (in the content of {{{{< {use.name} >}}}}, which its template renders apart from the page)"
        shift = functools.partial(_shifted_lines, use.line - 1)
        for finding in doc.in_file(use, rule.check(content, options)):
            yield dataclasses.replace(finding, message=_LINE_REFERENCE.sub(shift, finding.message) + where)


# A message's mention of a line of the document checked ("on line 4", "(lines 6-8)"): a
# content parsed apart counts its lines from its start, the file from the file's
_LINE_REFERENCE = re.compile(r"\b(lines? )(\d+)(?:-(\d+))?")


def _shifted_lines(offset: int, match: re.Match[str]) -> str:
    last = f"-{int(match[3]) + offset}" if match[3] else ""
    return f"{match[1]}{int(match[2]) + offset}{last}"


def _markup_type(front_matter: FrontMatter) -> str | None:
    """The media type of the format the front matter's `markup` names (see
    site.markup_media_type); "" for one that names none; None without a `markup`."""
    markup = front_matter.get("markup")
    return (markup_media_type(markup) or "") if isinstance(markup, str) else None


def _unread(problems: list[Problem], target: Target, plan: Plan, data: bytes | None = None) -> FileResult:
    """The result of a file whose content is not checked (too large, not text, another
    format): Hugo still makes a page of it, so links to it and its fragments are not
    broken. `data`: its bytes, when they were read."""
    summary = unread_summary(target, plan.site, data)
    return _packed(problems, summary, None, None, None) if summary is not None else FileResult(problems)


def _packed(
    problems: list[Problem],
    summary: PageSummary,
    source: SourcePage | None,
    page: Page | None,
    words: bytes | None,
    suppressions: Suppressions = NO_SUPPRESSIONS,
    page_path: str | None = None,
    url_unknown: bool = False,
) -> FileResult:
    return FileResult(
        problems,
        pack(summary),
        pack(source) if source is not None else None,
        pack(page) if page is not None else None,
        suppressions if suppressions is not NO_SUPPRESSIONS else None,
        words,
        page_path=page.path if page is not None else page_path,
        url_unknown=url_unknown,
    )


def _words(doc: Document, target: Target, plan: Plan, last: _LastParse) -> bytes | None:
    """The page's spelling language and word counts, packed, when a site rule reads them."""
    if "words" not in plan.summary_needs:
        return None
    return last.words(doc, doc.spelling_language or spelling_language(plan.site, doc.language))


def _rendered_side(
    doc: Document, target: Target, plan: Plan, last: _LastParse
) -> tuple[SourcePage | None, Page | None, list[Finding]]:
    """What the rendered pass needs of a page: its SourcePage, and with the embedded
    renderer, the page as rendered and parsed. A renderer bug is reported, not raised. Of
    a page Hugo renders none of, its headings alone, which pages showing its content show
    (see duplicate-id)."""
    if not plan.sources:
        return None, None, []
    if not doc.rendered:
        return SourcePage.unrendered(doc), None, []
    file = display_path(target.path, plan.site.root) if plan.site.root is not None else None
    if not plan.embedded:
        source = _params_printed(SourcePage.from_document(doc, file), doc)
        if doc.url is not None and plan.site.multihost:  # matched to its page by the page's place
            source = dataclasses.replace(source, url=published_url(doc.url, plan.site, doc.language))
        return source, None, []
    own = _embedded_url(doc, target)
    url = published_url(own, plan.site, doc.language)
    try:
        html = render_document(doc).encode("utf-8")
        page = last.page(_html_path(own, plan.site, doc.language), html, url)
    except Exception as exc:
        source = dataclasses.replace(SourcePage.from_document(doc, file), url=url)
        return source, None, [_crash("the embedded renderer", exc)]
    # The lines that may show markup as written are sought for a page that shows some only
    source = dataclasses.replace(_params_printed(SourcePage.from_document(doc, file, marked=bool(page.leaks)), doc), url=url)
    if _drafted_by_cascade(doc, plan.site):
        source = dataclasses.replace(source, links_elsewhere=True)
    if doc.addresses_rewritten:
        source = dataclasses.replace(source, addresses_rewritten=doc.addresses_rewritten)
    if other_urls := _other_urls(doc, target, plan.site):
        page = dataclasses.replace(page, other_urls=other_urls)
    return source, page, []


# A link's address that Hugo's `param` shortcode alone writes: `{{% param target %}}`
_PARAM_CALL = re.compile(r"""\{\{[<%]-?\s*param\s+(?:"([^"]*)"|`([^`]*)`|([^\s"`]+))\s*-?[>%]\}\}""")


def _params_printed(source: SourcePage, doc: Document) -> SourcePage:
    """The page's records with the address of each link that Hugo's `param` shortcode alone
    writes as what it prints, as the page's HTML has it (see `_param_printer`)."""
    if (printed := _param_printer(doc, source.links)) is None:
        return source
    return dataclasses.replace(source, links=tuple(link._replace(destination=printed(link.destination)) for link in source.links))


def _param_printer(doc: Document, links: Iterable[SourceLink | Link]) -> Callable[[str], str] | None:
    """What an address that Hugo's `param` shortcode alone writes is, the page's and the
    site's params told (`{{% param target %}}`: the site's `/docs/b/#x`), and another as it
    is; None when no link of `links` may be one."""
    if "param" in doc.site.shortcodes or not any("param" in link.destination for link in links):
        return None
    params = page_params(doc)

    def printed(destination: str) -> str:
        call = _PARAM_CALL.fullmatch(destination.strip()) if "param" in destination else None
        value = param_value(next(key for key in call.groups() if key is not None), params) if call else None
        return destination if value is None else value

    return printed


def _embedded_path(doc: Document, target: Target, plan: Plan) -> str | None:
    """The publish-dir path of the page the embedded renderer makes of the document (see
    `_rendered_side`), None when it makes none."""
    if not plan.sources or not doc.rendered:
        return None
    return _html_path(_embedded_url(doc, target), plan.site, doc.language)


def _drafted_by_cascade(doc: Document, site: SiteConfig) -> bool:
    """Whether Hugo builds no page of the document by default for what a section's cascade
    gives it alone (`cascade: {draft: true}` over fragments other pages read): its content
    is seen where another page includes it, its links resolved from there (SourcePage.
    links_elsewhere). A page's own `draft`, dates, make a page being written."""
    return (
        doc.cascaded is not None
        and unbuilt_reason(site, doc.cascaded) is not None
        and unbuilt_reason(site, doc.front_matter.data or {}) is None
    )


def _outside_prediction(doc: Document, target: Target, site: SiteConfig) -> PagePrediction | None:
    """Outside a Hugo site, the page Hugo's defaults make of the file at its path in the
    folder checked (lower case, its `slug` or `url`, none when `headless`: `docs/My-Page.md`
    is `/docs/my-page/`); None for a path that leaves that folder, or front matter Hugo cannot read."""
    path = PurePosixPath(target.display)
    if path.is_absolute() or ".." in path.parts or doc.front_matter.error:
        return None
    return predict_page(site, path.as_posix(), doc.front_matter.data or {})


def _embedded_url(doc: Document, target: Target) -> str:
    """The URL the embedded renderer gives the document's page: Hugo's, else one from its path."""
    return doc.url or _path_url(target.display)


def _path_url(display: str) -> str:
    """Outside a Hugo site a file has no URL: one from its path, for its own checks, as Hugo
    makes one of a content path (`a/b.md` -> `/a/b/`; `a/_index.md`, `a/index.md` -> `/a/`)."""
    path = PurePosixPath(display)
    path = path.parent if path.stem in ("index", "_index") else path.with_suffix("")
    folders = path.as_posix().lstrip("./")
    return f"/{folders}/" if folders else "/"


def _html_path(url: str, site: SiteConfig, language: str | None = None) -> str:
    """The publish-dir path of a page URL: `/a/b/` -> `a/b/index.html`, `/a.html` kept;
    `/%E5%AE%89/` -> `安/index.html` (Hugo's URLs are percent-encoded, its files not). The
    path of the site's baseURL (`/docs/` of `https://x.org/docs/`) is no folder of it; the
    folder of a multihost site's `language` (`fr/`) is. Runs of slashes are one (Hugo
    writes the page of `/a//b/`, k6's section of `slug: /b`, at `a/b/`: hugo 0.168)."""
    if "://" in url:
        rest = url.split("://", 1)[1]
        url = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    path, prefix = unquote(url), base_path(site.base_url)
    path = site.publish_folder(language) + (path[len(prefix) :] if path.startswith(prefix) else path.lstrip("/"))
    path = re.sub(r"/{2,}", "/", path)  # (a URL of `//`, a section's `slug: /x`, is written at `/`)
    return path if path.endswith((".html", ".htm")) else f"{path}index.html"


def published_url(url: str, site: SiteConfig, language: str | None) -> str:
    """A page URL as its place in the publish dir makes it: on a multihost site, with the
    folder of its language (`/a/` of French: `/fr/a/`), which its URL does not name."""
    folder = site.publish_folder(language)
    return f"/{folder}{url.lstrip('/')}" if folder and url.startswith("/") else url


def _rendered_site(
    rendering: Rendering,
    site: SiteConfig,
    sources: Sequence[SourcePage],
    pages: Sequence[Page],
    page_paths: set[str],
    summaries: Sequence[PageSummary],
    jobs: int | None,
    redirects: tuple[str, ...],
) -> RenderedSite:
    """The site as Hugo rendered it (`rendering.publish_dir`), or as the embedded renderer
    did: `pages` (those of the files checked), and `page_paths` of every file's page;
    `redirects`, the rules the site may publish (see `_redirect_sources`)."""
    if rendering.publish_dir is None:
        published = _embedded_published(rendering, site, page_paths, summaries, redirects)
        return build_rendered(published, pages, sources, markup=site.markup)
    default_base = not site.base_url and site.root is not None and not site.multihost
    static_tree = _static_tree(site.static_dirs, site.root)
    return load_rendered(
        rendering.publish_dir,
        HUGO_DEFAULT_BASE_URL if default_base else site.base_url,
        sources,
        default_base=default_base,
        display_root=rendering.display_root,
        hugo_list=rendering.hugo_list,
        markup=site.markup,
        parse=functools.partial(_parse_published, jobs=jobs),
        unbuilt={_html_path(page.url, site, page.language): why for page in summaries if (why := _unbuilt(site, page))},
        redirects=site.server_redirects,
        written_after=frozenset(site.written_after_hugo),
        site_root=str(site.root) if site.root is not None else None,
        static_links=static_tree.links,
        host_folders=site.host_folders(),
        static_files=static_tree.files,
    )


def _unbuilt(site: SiteConfig, page: PageSummary) -> tuple[str, str] | None:
    """(file, why) of a page with a URL that Hugo does not build by default (a draft, its
    dates), or whose file it refuses (security.allowContent); None for one it builds, or
    that has no URL."""
    if not page.url:
        return None
    if page.refused is not None:
        return page.path, f"Hugo refuses its file ({page.refused} is not in security.allowContent) and stops the build"
    if (reason := unbuilt_reason(site, page.front_matter)) is None:
        return None
    return page.path, reason


def _embedded_published(
    rendering: Rendering, site: SiteConfig, page_paths: set[str], summaries: Sequence[PageSummary],
    redirects: tuple[str, ...],
) -> PublishedSite:
    """What Hugo would publish, as far as the content tells, with mdcheck's own rendering:
    the pages rendered (drafts aside), aliases, the pages of other content files, sections
    and homes, the static files and the bundles' files."""
    aliases, sections, single_folders, others = set(), set(), set(), set()
    indexed: set[tuple[str, str | None]] = set()  # the top-level sections with an `_index` file
    link_only: set[str] = set()  # the URLs of pages Hugo renders none of (`build.render = "link"`)
    unbuilt: dict[str, tuple[str, str]] = {}
    unbuilt_aliases: set[str] = set()  # the aliases of unbuilt pages: a built page's path may be one
    codes = language_codes(site)
    bundles: list[tuple[str, bool, str]] = []  # (folder in the content, leaf, publish-dir path)
    copy_folders: set[str] = set()  # those of leaf bundles' copies in other languages, which hold none of their files
    terms: set[tuple[str, str | None, str | None]] = set()  # (taxonomy, term, language)
    for page in summaries:  # once: a large site's summaries are read back from disk at each pass
        terms.update((plural, term, page.language) for plural, term in page.terms)
        path = _html_path(page.url, site, page.language) if page.url else None
        name = content_name(page.content_path, site) if page.content_path else None
        if page.content_path and "/" in page.content_path:  # (a section of drafts alone is published too)
            sections.add((page.content_path.split("/", 1)[0], page.language))
            if name == "_index" and page.content_path.count("/") == 1:
                indexed.add((page.content_path.split("/", 1)[0], page.language))
        if path is not None and (why := _unbuilt(site, page)) is not None:
            unbuilt[path] = why
            # nor its aliases, nor its files (a draft bundle's): they are not published either
            unbuilt_aliases.update(found := _alias_files(site, page))
            unbuilt.update((alias, (why[0], f"it is an alias, and {why[1]}")) for alias in found)
            if page.resources and page.content_path and name in ("index", "_index"):
                bundle = (page.content_path.rpartition("/")[0], name == "index", path)
                files_of, _, _ = _bundle_resources(site, [bundle])
                unbuilt.update((file, (why[0], f"it is a file of its bundle, and {why[1]}")) for file in files_of)
            continue
        if path is not None and page.rendered and not page.read:
            others.add(path)  # a page Hugo makes of a content file mdcheck does not read
        elif page.url and not page.rendered:
            link_only.add(page.url)
        aliases |= _alias_files(site, page)
        if not page.content_path:
            continue
        if page.url is None and page.resources and name in ("index", "_index"):
            # a headless bundle, or one of `build.render = "never"`: Hugo publishes its files
            # all the same where its page would be, unless `publishResources = false`
            if (url := _resources_url(site, page)) is not None:
                folder = page.content_path.rpartition("/")[0]
                bundles.append((folder, name == "index", _html_path(url, site, page.language)))
            continue
        if name == "index" and path is not None and not path.endswith("index.html") and page.resources:
            # a leaf bundle with an ugly URL (`posts/bund.html`): its files are in a folder of its name
            bundles.append((page.content_path.rpartition("/")[0], True, path.rpartition(".")[0] + "/index.html"))
            continue
        if path is None or name is None or not (path == "index.html" or path.endswith("/index.html")):
            continue
        if name not in ("index", "_index"):
            single_folders.add(path.removesuffix("index.html"))  # no resource beside it
            if page.rendered and page.resources:  # but those of a folder named as it (`b/` of `b.md`)
                bundles.append((_page_folder(page.content_path, codes), True, path))
        elif page.resources:  # (`build.render = "link"` too)
            bundles.append((page.content_path.rpartition("/")[0], name == "index", path))
            if name == "index" and page.also and all(rel == page.content_path for _, rel in page.also):
                # its copies in the languages a mount lends it to: Hugo publishes its files
                # once, beside the first (checked with hugo 0.168)
                copy_folders.update(_html_path(url, site).removesuffix("index.html") for url in page.other_urls)
    # A top-level section without an `_index` file is a branch bundle all the same
    for section, language in sections - indexed:
        if (url := predict_url(site, f"{section}/_index.md", {}, language)) is not None:
            bundles.append((section, False, _html_path(url, site, language)))
    # a draft's alias at a built page's path does not take it away (checked with hugo 0.168)
    drafts = {path for path in unbuilt if path not in unbuilt_aliases}
    for path in unbuilt_aliases & (page_paths - drafts):
        del unbuilt[path]
    files = (page_paths | others) - unbuilt.keys() | aliases
    files |= _section_files(site, sections) - unbuilt.keys()  # a draft `_index.md`: no section page
    open_folders = _open_folders(site)
    term_files, known = _term_files(site, terms)
    files |= term_files  # the term pages are known, whatever else may be unknown
    if open_folders is not None:
        open_folders -= known
    static_tree = _static_tree(site.static_dirs, site.root)
    static = static_tree.files
    # The embedded render hooks find a destination among the assets too (`resources.Get`),
    # and publish it at its path
    embedded = site.markup.embedded_links or site.markup.embedded_images
    assets = _static_tree(site.asset_dirs).files if embedded else set()
    resources, leaf_folders, branch_folders = _bundle_resources(site, [b for b in bundles if b[2] not in unbuilt])
    return PublishedSite(
        frozenset(files | static | assets | resources),
        site.base_url,
        complete=False,
        # a missing theme's static files may be in the same folders
        static_folders=static_tree.folders if site.static_dirs_all else frozenset(),
        canonify=site.canonify_urls,
        relative=site.relative_urls,
        host_folders=site.host_folders(),
        open_folders=open_folders,
        language_folders=frozenset(lang.code for lang in site.languages),
        pages_in_language_folders=site.default_language_in_subdir and not site.multihost and _static_files_known(site),
        pagination_path=site.pagination_path,
        # The folders of pages made of one file (`posts/a.md`): only static files are there
        file_page_folders=frozenset() if embedded and site.asset_dirs is None else frozenset(single_folders),
        asset_files=frozenset(assets),
        top_files_known=open_folders is not None and _static_files_known(site),
        output_base_names=site.output_base_names,
        leaf_bundle_folders=leaf_folders | copy_folders,
        branch_bundle_folders=branch_folders,
        unbuilt=unbuilt,
        redirects=_served(redirects, link_only),
        written_after=frozenset(site.written_after_hugo),
        static_links=static_tree.links,
        alias_folders=_top_folders(aliases) - _top_folders(files - aliases) - _top_folders(static),
        unknown_folders=tuple(f"{path.lower()}/" if path else "" for path in site.unknown_content),
    )


def _top_folders(paths: Iterable[str]) -> frozenset[str]:
    return frozenset(path.split("/", 1)[0] for path in paths if "/" in path)


def _served(rules: tuple[str, ...], link_only: set[str]) -> tuple[str, ...]:
    """The redirect rules, and, when a template makes the sources of some of actions alone
    (`{{ printf "/%sapi" .File.Dir }}`, unknown), the URLs of the pages Hugo renders none of
    (`build.render = "link"`), which are there to be sent elsewhere (gRPC's API pages)."""
    return (*rules, *sorted(link_only)) if UNKNOWN_SOURCE in rules else rules


def _redirect_sources(site: SiteConfig) -> tuple[str, ...]:
    """The `_redirects` rules the site may publish (see `parse_redirects`): those of a home page
    template that writes the file and those of a static folder's `_redirects` (with both,
    Hugo 0.168 writes one over the other, which one varies from build to build: 1 build in
    12 kept the static one); and those of the server's own config (netlify.toml)."""
    files = [(template, True) for template in site.redirect_templates]
    files += [(os.path.join(folder, REDIRECTS_FILE), False) for folder, under in site.static_dirs or () if not under]
    sources: list[str] = []
    for path, template in files:
        data, _ = _read(path, MAX_PAGE_BYTES)
        if data is not None:
            sources.extend(parse_redirects(data.decode("utf-8", "replace"), template=template))
    return (*sources, *site.server_redirects)


def _page_folder(content_path: str, codes: frozenset[str]) -> str:
    """The content folder whose files are a regular page's resources, as a leaf bundle's are:
    `a/b/` of `a/b.md` or `a/b.fr.md` (Hugo 0.168 publishes `a/b/img.png` at the page's URL,
    `/bee/img.png` with `url: /bee/`; checked with the binary)."""
    return posixpath.splitext(_without_language(content_path, codes))[0]


def _bundle_resources(
    site: SiteConfig, bundles: Sequence[tuple[str, bool, str]]
) -> tuple[set[str], frozenset[str], frozenset[str]]:
    """The files Hugo publishes beside the pages of `bundles` (each page's folder in the
    content, whether it is a leaf bundle, and its publish-dir path): their resources, the
    files of a leaf bundle's folder and its subfolders, of a branch bundle's own folder, but
    content files and those Hugo skips (checked with hugo 0.168), as publish-dir paths; and
    the folders of the leaf and of the branch bundles whose files are all known.

    A bundle's translations share its files, each content folder of the site may hold
    some, and a file's name may carry a language code (`a.fr.png`, found as `a.png`): each
    page's folder is given every file of its bundle, under both names. That is more than
    Hugo publishes there (it writes a shared file once, and Hugo's embedded render hooks,
    on in a multilingual site, link to that one), never less. Not when mounts may merge
    or filter folders, a module adds content, or the static files are not all known."""
    roots = content_roots(site)
    if not _static_files_known(site) or site.module_content or any(root.files for root in roots):
        return set(), frozenset(), frozenset()
    codes = language_codes(site)
    names_of: dict[tuple[str, bool], set[str] | None] = {}  # (folder in the content, leaf) -> names
    files: set[str] = set()
    leaves, branches = set(), set()
    for folder, leaf, path in bundles:
        if (folder, leaf) not in names_of:
            names_of[folder, leaf] = _bundle_names(roots, folder, leaf, codes)
        names = names_of[folder, leaf]
        if names is not None:
            published = path.removesuffix("index.html")
            files.update(published + file for file in names)
            (leaves if leaf else branches).add(published)
    return files, frozenset(leaves), frozenset(branches)


def _bundle_names(roots: Sequence[ContentRoot], folder: str, leaf: bool, codes: frozenset[str]) -> set[str] | None:
    """The names a bundle's files are found by (see _bundle_resources) in every content
    folder; None when one cannot be read."""
    names: set[str] = set()
    for root in roots:
        # (a mount's files are below its target: `tip/blog` of `source = "../docs"` is its `blog`)
        target = root.target.strip("/")
        if target and folder != target and not folder.startswith(target + "/"):
            continue
        rest = folder[len(target) :].strip("/") if target else folder
        directory = os.path.join(root.path, *rest.split("/")) if rest else str(root.path)
        if not os.path.isdir(directory):
            continue
        found = _resources(directory, leaf=leaf, home=not folder, codes=codes)
        if found is None:
            return None
        names.update(found)
        names.update(_without_language(file, codes) for file in found)
    return names


def _without_language(path: str, codes: frozenset[str]) -> str:
    """`img/a.fr.png` -> `img/a.png` for a language code of the site."""
    folder, slash, name = path.rpartition("/")
    pieces = name.split(".")
    if len(pieces) > 2 and pieces[-2].lower() in codes:
        del pieces[-2]
    return folder + slash + ".".join(pieces)


def _resources(
    directory: str, *, leaf: bool, home: bool = False, codes: frozenset[str] = frozenset()
) -> list[str] | None:
    """The paths (relative, POSIX) of the files in a bundle's folder that Hugo publishes:
    not content files, not those it skips (`.x`, `#x`); those of its subfolders too, but for
    a branch bundle those that are bundles of their own (`images/` of `blog/`, and `sub/`
    of regular pages, are the section's; checked with hugo 0.168) or a page's named as they
    are (`post/` of `post.md`, or of `post.fr.md` for a language code of `codes`, whose
    files Hugo publishes at that page's URL), and for the home page (the content root) all,
    which are sections. None when the folder cannot be read, or holds a link to another."""
    found = []
    try:
        for folder, subfolders, names in os.walk(directory, onerror=_raise):
            relative = os.path.relpath(folder, directory).replace(os.sep, "/")
            prefix = "" if relative == "." else relative + "/"
            if prefix and not leaf and _names_bundle(names):
                subfolders[:] = []
                continue  # a bundle of its own inside a branch bundle: its files are its
            claimed = set() if leaf else _page_names(names, codes)
            subfolders[:] = sorted(
                sub for sub in subfolders if not is_hidden((sub,)) and not home and sub not in claimed
            )
            linked = (os.path.join(folder, sub) for sub in subfolders if os.path.islink(os.path.join(folder, sub)))
            if any(leaf or not _names_bundle(os.listdir(path)) for path in linked):
                return None  # what Hugo reads through a link is not for us to guess
            found += [
                prefix + name
                for name in names
                if not is_hidden((name,)) and name.rpartition(".")[2].lower() not in CONTENT_EXTENSIONS
            ]
    except OSError:
        return None
    return found


def _page_names(names: Iterable[str], codes: frozenset[str]) -> set[str]:
    """The names of the pages content files of these names make: `post` of `post.md` and of
    `post.fr.md`."""
    return {
        _without_language(name, codes).rpartition(".")[0]
        for name in names
        if "." in name and name.rpartition(".")[2].lower() in CONTENT_EXTENSIONS
    }


def _names_bundle(names: Iterable[str]) -> bool:
    """Whether a content folder of these file names is a bundle's (an `index` or `_index`
    content file)."""
    return any(
        name.split(".", 1)[0] in ("index", "_index") and name.rpartition(".")[2].lower() in CONTENT_EXTENSIONS
        for name in names
    )


def _raise(error: OSError) -> None:
    raise error


def _static_files_known(site: SiteConfig) -> bool:
    """Whether the static files Hugo copies are all known (see SiteConfig.static_dirs)."""
    return site.static_dirs is not None and site.static_dirs_all


class _StaticTree(NamedTuple):
    files: set[str]  # the publish-dir paths of the files Hugo copies
    links: dict[str, str]  # those of the symbolic links it does not copy, each with its path as the site shows it
    folders: frozenset[str]  # the publish dir's top folders they fill


def _static_tree(folders: Sequence[tuple[str, str]] | None, root: PurePath | None = None) -> _StaticTree:
    """What Hugo copies from the static folders (each with the publish-dir folder it goes
    to; a mount's source may be a single file), in one walk: it follows a folder's own
    symbolic link, not those inside it (checked with hugo 0.168), which are kept apart (at
    most `_STATIC_LINKS_AT_MOST`); and the top folders, one that holds only symbolic links
    too (kwok's `img/demo/*.svg`), so that links there are judged."""
    files: set[str] = set()
    links: dict[str, str] = {}
    tops: set[str] = set()
    for folder, under in folders or ():
        if under:
            tops.add(under.split("/", 1)[0])
        if os.path.isfile(folder) and under:
            files.add(under)
        for directory, subdirectories, names in os.walk(folder):
            if not under and directory == folder:
                tops.update(subdirectories)
            subdirectories.sort()
            relative = os.path.relpath(directory, folder).replace(os.sep, "/")
            prefix = "/".join(part for part in (under, relative) if part and part != ".")
            linked = {name for name in (*subdirectories, *names) if os.path.islink(os.path.join(directory, name))}
            for name in sorted(linked)[: max(0, _STATIC_LINKS_AT_MOST - len(links))]:
                path = os.path.join(directory, name)
                links[f"{prefix}/{name}" if prefix else name] = display_path(path, root) if root else path
            files.update(f"{prefix}/{name}" if prefix else name for name in names if name not in linked)
    return _StaticTree(files, links, frozenset(tops))


_STATIC_LINKS_AT_MOST = 10_000


def _parse_published(
    published: PublishedSite, paths: Sequence[str], limit: int, *, jobs: int | None
) -> Spill[Page]:
    """The publish dir's pages, parsed in processes when there are many (same order). At
    most two chunks per worker are under way: the pages parsed wait in memory until the
    chunks before them are in (a theme's menus make a page's record a good part of its
    HTML's size)."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    size = max(16, min(64, len(paths) // (workers * 8) or 1))
    chunks = _chunks(published, paths, size)
    pages: Spill[Page] = Spill()
    if workers <= 1 or (jobs is None and len(paths) < PARALLEL_THRESHOLD):
        for chunk in chunks:
            _add_labelled(pages, _parse_packed(published, chunk, limit))
        return pages
    with _pool(workers, published, len(chunks)) as pool:
        under_way: collections.deque[Future[list[tuple[bytes, tuple[str, str]]]]] = collections.deque()
        for chunk in chunks:
            under_way.append(pool.submit(_parse_packed_shared, chunk, limit))
            if len(under_way) >= 2 * workers:
                _add_labelled(pages, under_way.popleft().result())
        while under_way:
            _add_labelled(pages, under_way.popleft().result())
    return pages


def _chunks(published: PublishedSite, paths: Sequence[str], size: int) -> list[Sequence[str]]:
    """The paths in chunks of `size` pages, or fewer, of `_CHUNK_BYTES` of HTML at most: a
    chunk's pages are parsed, and their records wait, in memory (longhorn's sidebars make
    each page half a megabyte)."""
    chunks: list[Sequence[str]] = []
    start, weight = 0, 0
    for index, path in enumerate(paths):
        try:
            weight += os.path.getsize(os.path.join(published.root, path)) if published.root else 0
        except OSError:
            pass
        if index + 1 - start >= size or weight >= _CHUNK_BYTES:
            chunks.append(paths[start : index + 1])
            start, weight = index + 1, 0
    if start < len(paths):
        chunks.append(paths[start:])
    return chunks


_CHUNK_BYTES = 4 << 20


def _parse_packed(published: PublishedSite, paths: Sequence[str], limit: int) -> list[tuple[bytes, tuple[str, str]]]:
    """The pages parsed and packed, each with its path and URL (build_rendered reads them
    without unpickling the page)."""
    return [(pack(page), (page.path, page.url)) for page in parse_published_pages(published, paths, limit)]


def _parse_packed_shared(paths: Sequence[str], limit: int) -> list[tuple[bytes, tuple[str, str]]]:
    return _parse_packed(_SHARED[0], paths, limit)


def _add_labelled(pages: Spill[Page], packed: Iterable[tuple[bytes, tuple[str, str]]]) -> None:
    for record, label in packed:
        pages.append(record, label)


def _unreadable_html(rendered: RenderedSite) -> PagePass:
    """HTML files the rendered pass could not read whole: at their Markdown file when the
    page is known to be one's, else at their publish-dir path (see _stamped_unreadable)."""
    found = [Finding(1, 1, problem, html_path=path) for path, problem in rendered.published.problems]

    def visit(page: Page) -> None:
        if page.problems:
            source = rendered.source(page)
            found.extend(Finding(1, 1, problem, path=source.path if source else None, html_path=page.path)
                         for problem in page.problems)

    return PagePass(rendered.pages, visit, lambda: found)


def _stamped_unreadable(findings: Sequence[Finding], rendered: RenderedSite, plan: Plan) -> list[Problem]:
    problems = []
    for finding in findings:
        display = finding.path or rendered.published.display(finding.html_path or "")
        problems += _Stamper(display, plan, Suppressions(), frozenset()).all("file-unreadable", [finding])
    return problems


def _notes(rules: Sequence[Rule], subject: Any, plan: Plan) -> list[str]:
    """The rules' remarks for the summary; a failing one says so instead of stopping the run."""
    notes = []
    for rule in rules:
        if (notes_of := rule.notes) is not None:
            notes += _noted(rule.id, functools.partial(notes_of, subject, plan.settings[rule.id].options))
    return notes


def _noted(what: str, notes: Callable[[], Iterable[str]]) -> list[str]:
    """Remarks for the summary; a failing maker says so instead of stopping the run."""
    try:
        return list(notes())
    except Exception as exc:
        return [f"internal error: {what} could not write its note: {type(exc).__name__}: {exc}"]


def _resources_url(site: SiteConfig, page: PageSummary) -> str | None:
    """Where Hugo publishes the files of a bundle whose page it publishes none of (headless,
    `build.render = "never"`): the page's URL as if it were rendered (checked with hugo 0.168)."""
    unset = ("headless", "build", "_build")
    front_matter = {key: value for key, value in page.front_matter.items() if key.lower() not in unset}
    return predict_url(site, page.content_path or "", front_matter, page.language)


def _alias_files(site: SiteConfig, page: PageSummary) -> set[str]:
    """The redirect pages Hugo writes for the page's aliases (or the rules a `_redirects`
    template writes for them), and the pages it makes of its file elsewhere
    (`PageSummary.other_urls`), as publish-dir paths."""
    urls = [*page.other_urls, *page_alias_urls(site, page, served=True)]
    return {_html_path(url, site, page.language) for url in urls}


def page_alias_urls(site: SiteConfig, page: PageSummary, *, at_root: bool = False, served: bool = False) -> list[str]:
    """The URLs of the redirect pages Hugo writes for the page's aliases (with `served`, the
    URLs served for them: see alias_urls); with `at_root`, the aliases, as written, that it
    refuses as the site root instead (see aliases_at_root)."""
    aliases = next((v for k, v in page.front_matter.items() if k.lower() == "aliases"), None)
    if not page.url or not aliases or not isinstance(aliases, (str, list)):
        return []  # front-matter-type reports aliases that are not a list of strings
    content_path = page.content_path or ""
    section = content_path.split("/", 1)[0] if "/" in content_path else ""  # for uglyURLs by section
    language = page.language or site.default_language
    try:
        if at_root:
            return aliases_at_root(site, page.url, aliases, language=language, section=section)
        return alias_urls(site, page.url, aliases, language=language, section=section, served=served)
    except (TypeError, ValueError):
        return []


def _open_folders(site: SiteConfig) -> frozenset[str] | None:
    """The top folders of the publish dir whose pages no content file tells: the
    taxonomies' and the home page's pagination (`page/2/`). None when other folders may hold
    such pages too: static files not all known (see SiteConfig.static_dirs), a theme's or
    module's content, a content adapter (`_content.gotmpl`), permalinks for taxonomies."""
    if site.root is None or not _static_files_known(site) or site.module_content:
        return None
    plurals = {plural for _, plural in site.taxonomies}
    # Taxonomy and term pages moved elsewhere (not a `blog` key's `term:blog`, no taxonomy)
    every = [site.permalinks, *(lang.permalinks or () for lang in site.languages)]
    rules = (rule.partition(":") for permalinks in every for rule, _ in permalinks)
    if any(kind in ("taxonomy", "term") and name in plurals for kind, _, name in rules):
        return None
    if site.content_adapters:
        return None
    return frozenset(plurals | {site.pagination_path})


def _term_files(
    site: SiteConfig, terms: set[tuple[str, str | None, str | None]]
) -> tuple[set[str], set[str]]:
    """The term pages Hugo makes of the terms pages are given, and the taxonomies' list
    pages, as publish-dir paths (each term's URL made as a section's of that name is:
    `Go Lang` at `/tags/go-lang/`, checked with hugo 0.168); and the taxonomies all of whose
    terms are known, and so all of whose pages (not one the site's config cascades): drafts'
    terms are counted too (a term only drafts have is a page with --buildDrafts); each
    language has each taxonomy's list page, with no term too (checked with hugo 0.168). None
    of a kind `disableKinds` turns off."""
    files: set[str] = set()
    unknown = {plural for plural, term, _ in terms if term is None} | _cascaded_taxonomies(site, site.cascade)
    if "taxonomy" not in site.disabled_kinds:  # each language has each list, terms or none
        for _, plural in site.taxonomies:
            for code in [lang.code for lang in site.languages] or [site.default_language]:
                if (url := predict_url(site, f"{plural}/_index.md", {}, code)) is None:
                    unknown.add(plural)
                else:
                    files.add(_html_path(url, site, code))
    if "term" in site.disabled_kinds:
        return files, {plural for plural, _, _ in terms} - unknown
    for plural, term, language in terms:
        if plural in unknown:
            continue
        if (url := predict_url(site, f"{plural}/{term}/_index.md", {}, language)) is None:
            unknown.add(plural)
        else:
            files.add(_html_path(url, site, language))
    return files, {plural for plural, _, _ in terms} - unknown


def _section_files(site: SiteConfig, sections: set[tuple[str, str | None]]) -> set[str]:
    """The list pages of `list_page_urls` (and the redirect of `language_redirect`), as
    publish-dir paths."""
    files = {_html_path(url, site, language) for url, _, language in list_page_urls(site, sections)}
    if (redirect := language_redirect(site)) is not None:
        files.add(_html_path(redirect[0], site))
    return files


def language_redirect(site: SiteConfig) -> tuple[str, str] | None:
    """(URL, the URL it redirects to) of the redirect page Hugo writes for the default
    language's home: at its folder when the language is at the root of a multilingual site
    (`/en/` to `/`), at the root when it is in its folder (`/` to `/en/`, one language or
    many). Checked with hugo 0.168."""
    home = predict_url(site, "_index.md", {}, site.default_language)
    if home is None:
        return None
    folder = f"{site.default_language}/"
    if site.multihost:
        return None
    if site.default_language_in_subdir:
        return (home.removesuffix(folder), home) if home.endswith(f"/{folder}") else None
    return (f"{home.rstrip('/')}/{folder}", home) if len(site.languages) > 1 else None


def list_page_urls(
    site: SiteConfig, sections: Iterable[tuple[str, str | None]]
) -> Iterator[tuple[str, str, str | None]]:
    """(URL, what it is, language) of the list pages Hugo makes of the top-level content folders that
    hold pages (each with a page's language), `_index` file or not (a folder of pages is a
    section), and of each language's home page (checked with Hugo 0.168); none of a kind
    `disableKinds` turns off."""
    homes = [lang.code for lang in site.languages] or [site.default_language]  # each language's home
    places = [
        (f"{section}/_index.md", language, f"the list page of the section {section}")
        for section, language in sorted(sections, key=lambda section: (section[0], section[1] or ""))
    ] if "section" not in site.disabled_kinds else []  # fmt: skip
    if "home" in site.disabled_kinds:
        homes = []
    for place, language, what in [*places, *(("_index.md", code, "the home page") for code in homes)]:
        if (url := predict_url(site, place, {}, language)) is not None:
            yield url, what, language


def unread_summary(target: Target, site: SiteConfig, data: bytes | None = None) -> PageSummary | None:
    """The summary of a content file whose content mdcheck does not read: one that is not
    Markdown (see targets.other_content), larger than max-file-size, or not UTF-8 text.
    Hugo makes a page of it, whose URL follows from its place and front matter as a
    Markdown page's does, unless the site's security policy refuses its media type; any id
    may be on it. None for a file outside the content. `data`: the file's bytes, when the
    caller has read them (else its head is read)."""
    if target.content_path is None:
        return None
    try:
        head = (data if data is not None else read_at_most(target.path, UNREAD_HEAD))[:UNREAD_HEAD]
    except OSError:
        head = b""
    # Hugo reads bytes that are not UTF-8 as they come, and a NUL as U+FFFD (hugo 0.168)
    text = head.decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")
    front_matter = split_front_matter(text)[0]
    # Front matter that cannot be read leaves the page's place to tell its URL.
    values = (front_matter.data or {}) if not front_matter.error else {}
    language = page_language(site, target.content_path, target.language)
    url, rendered, resources, cascaded, _ = predict_page(site, target.content_path, values, target.language)
    media_type = _markup_type(front_matter) or other_media_type(target.content_path) or "text/markdown"
    refused = None if site.builds_content(media_type) else media_type
    return PageSummary(
        path=target.display,
        content_path=target.content_path,
        language=language,
        url=url,
        rendered=url is not None and rendered and refused is None,
        resources=resources,
        front_matter=_summary_front_matter(cascaded or values),
        ids=frozenset(),
        id_prefixes=frozenset({""}),
        raw_html_ids=(),
        links=(),
        elements=(),
        read=False,
        refused=refused,
        terms=_terms(values, site) if not front_matter.error else _unknown_terms(site),
        file=target.path,
    )


def _terms(data: Mapping[Any, Any], site: SiteConfig) -> tuple[tuple[str, str | None], ...]:
    """The page's taxonomy terms (see PageSummary.terms): a taxonomy's key names a term or a
    list of them (case aside, as Hugo reads it); a `cascade` that names a taxonomy gives
    other pages terms not known here."""
    keys = {key.lower(): value for key, value in data.items() if isinstance(key, str)}
    cascaded = _cascaded_taxonomies(site, [json.dumps(keys["cascade"], default=str)] if "cascade" in keys else [])
    terms: list[tuple[str, str | None]] = [(plural, None) for plural in cascaded]
    for _, plural in site.taxonomies:
        value = keys.get(plural)
        values = value if isinstance(value, list) else [] if value is None else [value]
        terms += [
            (plural, str(term))
            for term in values
            if isinstance(term, str | int | float) and not isinstance(term, bool) and str(term)
        ]
    return tuple(terms)


def _cascaded_taxonomies(site: SiteConfig, cascades: Sequence[str]) -> set[str]:
    """The taxonomies whose key a cascade (as JSON) names: it may give pages terms."""
    text = " ".join(cascades).lower()
    return {plural for _, plural in site.taxonomies if f'"{plural}"' in text}


def _unknown_terms(site: SiteConfig) -> tuple[tuple[str, str | None], ...]:
    return tuple((plural, None) for _, plural in site.taxonomies)


def _summary_front_matter(data: Mapping[Any, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if isinstance(key, str) and key.lower() in SUMMARY_FRONT_MATTER}


def _reviewed(problems: list[Problem], rendered: RenderedSite, rules: Sequence[Rule], plan: Plan) -> list[Problem]:
    """The problems, less the findings of rules with an `html_review` that Hugo's output of
    their page withdraws."""
    reviewed = {rule.id: rule for rule in rules}
    paths = {problem.path for problem in problems if problem.rule in reviewed}
    if not paths:
        return problems
    withdrawn = set()
    for path in paths:
        page = rendered.page(rendered.html_pages.get(path))
        source = rendered.source(page) if page is not None else None
        if page is None or source is None:
            continue
        for rule in reviewed.values():
            assert rule.html_review is not None
            if not rule.html_review(page, source, plan.settings[rule.id].options):
                withdrawn.add((path, rule.id))
    return [problem for problem in problems if (problem.path, problem.rule) not in withdrawn]


def _check_rendered(
    rendered: RenderedSite,
    rules: Sequence[Rule],
    plan: Plan,
    suppressions: Mapping[str, Suppressions],
    reported: Mapping[str, frozenset[str]],
    found: Sequence[Problem],
    partial: bool,
) -> tuple[list[Problem], list[str]]:
    """Run the html checks. A defect the source pass already reported (same rule, file,
    line and column; or see `Rule.same_defect_as`) is not reported again, nor one an html
    rule found twice (a page's link seen again
    in a list page's summary); findings on files not being checked are dropped, and findings
    on HTML not mapped to Markdown are kept only when the whole site is checked; and pages
    that could not be read are reported (see _unreadable_html), when it is. Returns the
    problems and the html rules' notes for the summary."""
    # A rule's own defect is known by its place: a line may hold several links.
    reported_at = {(p.path, p.line, p.column, p.rule) for p in found}
    reported_before = set()
    for rule in rules:  # a defect a source rule reported is not repeated by an html rule
        reported_before |= {(p.path, p.line, rule.id) for p in found if p.rule in rule.same_defect_as}
        reported_at |= {(p.path, p.line, p.column, rule.id) for p in found if p.rule in rule.same_defect_at}
    seen: set[Problem] = set()
    problems: list[Problem] = []
    notes: list[str] = []
    starts: list[tuple[str, Callable[[], PagePass]]] = []
    for rule in rules:
        check = rule.check if rule.stage == "html" else rule.html_check
        assert check is not None
        starts.append((f"rule {rule.id} (rendered)", functools.partial(check, rendered, plan.settings[rule.id].options)))
    if not partial:
        starts.append(("reading the rendered pages", functools.partial(_unreadable_html, rendered)))
    results = _read_pages_once(rendered, starts)
    if not partial:
        unreadable, _, _ = results.pop()
        problems.extend(_stamped_unreadable(unreadable, rendered, plan))
    for rule, (findings, rule_notes, failed) in zip(rules, results, strict=True):
        rule_id = "internal-error" if failed else rule.id
        notes.extend(rule_notes)
        for finding in findings:
            path = finding.path or ""
            if path in reported:
                ignored = reported[path]
            elif partial and (owner := _owner(rendered, finding)) in reported:
                ignored = reported[owner]  # at the HTML of a checked file's page: placed at no line of it
            elif partial:
                continue  # a partial run: a file only read for context, or HTML none maps to
            else:
                ignored = frozenset()  # an HTML page no Markdown maps to (e.g. the theme's)
            stamp = _Stamper(path, plan, suppressions.get(path, NO_SUPPRESSIONS), ignored)
            for problem in stamp.all(rule_id, [finding]):
                if (
                    (problem.path, problem.line, problem.rule) not in reported_before
                    and (problem.path, problem.line, problem.column, problem.rule) not in reported_at
                    and problem not in seen
                ):
                    seen.add(problem)
                    problems.append(problem)
    return problems, notes


def _owner(rendered: RenderedSite, finding: Finding) -> str | None:
    """The Markdown file whose page holds a finding placed at its HTML, if any."""
    index = rendered.source_index.get(finding.html_path or "")
    return rendered.sources[index].path if index is not None else None


def _read_pages_once(
    rendered: RenderedSite, starts: Sequence[tuple[str, Callable[[], PagePass]]]
) -> list[tuple[list[Finding], list[str], bool]]:
    """Each pass's findings and notes, and whether it failed, in the order of `starts`
    (what each is, and how to start it). Every pass is given each page in one reading of
    the pages: a large site's are read back from disk, once rather than once per check. A
    pass that raises is reported as an internal error (its one finding) and let go; the
    others go on."""
    passes: list[PagePass | None] = []
    failed: dict[int, Finding] = {}
    for index, (what, start) in enumerate(starts):
        try:
            passes.append(start())
        except Exception as exc:
            passes.append(None)
            failed[index] = _crash(what, exc)
    reading = [(index, each) for index, each in enumerate(passes) if each is not None and each.pages]
    for page in rendered.pages if reading else ():
        for index, each in reading:
            try:
                each.visit(page)
            except Exception as exc:  # at the page's Markdown file, else its HTML
                crash = _crash(f"{starts[index][0]} on {page.path}", exc)
                failed[index] = rendered.finding(page, crash.message, (1, 1), (1, 1))
        if any(index in failed for index, _ in reading):
            reading = [(index, each) for index, each in reading if index not in failed]
    results: list[tuple[list[Finding], list[str], bool]] = []
    for index, each in enumerate(passes):
        if each is not None and index not in failed:
            try:
                findings = list(each.findings())
            except Exception as exc:
                failed[index] = _crash(starts[index][0], exc)
            else:
                results.append((findings, _noted(starts[index][0], each.notes), False))
                continue
        results.append(([failed[index]], [], True))
    return results


def _page(doc: Document, target: Target, site: SiteConfig) -> Document:
    """The document with its place in the site: its language, its URL, whether Hugo renders
    it, and the render hooks that write it."""
    if target.content_path is None or site.root is None:
        hooks, writers = site.hooks_rendering(None), site.address_writers(None)
        # In no Hugo site, the folder checked is taken as Hugo's content, with its defaults
        predicted = _outside_prediction(doc, target, site) if site.root is None else None
        where = {} if predicted is None else {
            "url": predicted.url, "rendered": predicted.url is not None and predicted.rendered,
        }  # fmt: skip
        return doc.placed(
            path=target.display, site=site, render_hooks=hooks, address_writers=writers,
            prints_title_h1=site.prints_title_h1(None), **where,
        )  # fmt: skip
    # A page whose front matter fails (front-matter-syntax) is placed where its path puts it:
    # its relative links lead from there once it is fixed, and other pages' links to it land
    predicted = predict_page(
        site, target.content_path, {} if doc.front_matter.error else doc.front_matter.data or {}, target.language
    )
    # Its type and layout: its own, else a section's `cascade`'s (Docsy's `cascade: {type: docs}`)
    merged = predicted.front_matter
    page_type = doc.front_matter.get("type") or merged.get("type")
    layout = doc.front_matter.get("layout") or merged.get("layout")
    hooks = site.hooks_rendering(target.content_path, page_type)
    writers = site.address_writers(target.content_path, page_type)
    language = _language(target, site)
    template_ids = site.page_template_ids(target.content_path, page_type, layout)
    reads_files = site.page_reads_files(target.content_path, page_type, layout, functools.partial(_param, doc, merged))
    rewritten = site.page_rewrites_addresses(target.content_path, page_type, layout)
    list_page = is_list_file(target.content_path, site)
    if (template_ids or reads_files or rewritten) and list_page:
        template_ids, reads_files, rewritten = frozenset(), False, frozenset()  # a list page's templates are others
    place = dict(
        path=target.display, site=site, language=language, render_hooks=hooks, address_writers=writers,
        spelling_language=spelling_language(site, language, target.content_path),
        prints_title_h1=site.prints_title_h1(target.content_path, page_type, layout), template_ids=template_ids,
        template_any_id=reads_files or site.page_any_id(target.content_path, page_type, list_page, layout),
        addresses_rewritten=rewritten, footnote_prefix=_footnote_prefix(site, target.content_path),
        content_markdownified="" if list_page else site.page_content_markdownified(
            target.content_path, page_type, layout
        ),
    )  # fmt: skip
    url, rendered, resources, cascaded, unknown = predicted
    return doc.placed(
        url=url, rendered=url is not None and rendered, resources=resources, cascaded=cascaded, url_unknown=unknown,
        **place,
    )


def _footnote_prefix(site: SiteConfig, content_path: str) -> str:
    """What `enableAutoIDPrefix` puts before a page's footnote ids: `h` and the xxHash64 of
    its path (`/posts/a`), the same in every language (checked with hugo 0.168); "" without."""
    if not site.markup.footnote_auto_id_prefix or (path := hugo_page_path(site, content_path)) is None:
        return ""
    return "h" + xxhash.xxh64_hexdigest(path.encode("utf-8", "surrogatepass"))


def _language(target: Target, site: SiteConfig) -> str | None:
    """The language of the file's page, in a Hugo site (see `_page`)."""
    if target.content_path is None or site.root is None:
        return None
    return page_language(site, target.content_path, target.language)


def _param(doc: Document, cascaded: Mapping[str, Any], name: str) -> object:
    """A page's param `name` as `.Params` reads it (case aside): its front matter's, at the
    top or under `params`, else a section's `cascade`'s."""
    for found in (
        doc.front_matter.get(name), _folded(doc.front_matter.get("params"), name),
        _folded(cascaded, name), _folded(_folded(cascaded, "params"), name),
    ):
        if found is not None:
            return found
    return None


def _folded(values: object, key: str) -> object:
    """The value of a mapping's `key` (lower case), case aside; None for no mapping."""
    if not isinstance(values, Mapping):
        return None
    return next((value for found, value in values.items() if str(found).lower() == key), None)


def _summarize(doc: Document, target: Target, plan: Plan) -> PageSummary:
    any_id = doc.template_any_id or _all_layouts(doc, target, plan.site)  # ids a build alone tells
    printed = _param_printer(doc, doc.links)
    # (a link in a call whose output Hugo omits whole is no link of the page; its ref still runs)
    shown = (link for link in doc.links if link.shortcode is not None or not doc.dropped_with_omitted_call(link.line))
    own = (_site_link(link, printed) for link in (*shown, *doc.rendered_content_links(doc.page_rendered_contents)))
    homes = doc.links_written_as_homes
    links = (
        *(link._replace(home=(link.line, link.column) in homes) for link in own if _read_by_site_rules(link)),
        *(
            link._replace(home=True)
            for link in map(_site_link, doc.rendered_content_links(doc.home_rendered_contents))
            if _read_by_site_rules(link)
        ),
        *map(_site_link, doc.fragment_links_apart),
        *_ref_parameter_links(doc),
    )
    return PageSummary(
        path=target.display,
        content_path=target.content_path,
        language=doc.language or target.language,
        url=doc.url,
        rendered=doc.rendered,
        resources=doc.resources,
        front_matter=_summary_front_matter(doc.cascaded or doc.front_matter.data or {}),
        ids=doc.ids,
        id_prefixes=frozenset(("",) if any_id else doc.id_prefixes),
        raw_html_ids=tuple(doc.raw_html_ids),
        links=links,
        elements=tuple(sorted(inventory(doc))) if "elements" in plan.summary_needs else (),
        headings=tuple(SourceHeading.of(heading) for heading in doc.every_heading),
        front_matter_positions={
            key: position
            for key, position in doc.front_matter.key_positions.items()
            if key in SUMMARY_FRONT_MATTER
        },
        other_urls=_other_urls(doc, target, plan.site),
        also=target.also,
        included=_included(doc),
        terms=_terms(doc.front_matter.data or {}, plan.site),
        link_hook=bool(LINK_HOOKS & doc.render_hooks),
        finds_pages=PAGE_FINDING_LINK_HOOK in doc.render_hooks or doc.embedded_hooks[0],
        finds_absolute_pages=ABSOLUTE_FINDING_LINK_HOOK in doc.render_hooks,
        file=target.path,
    )


def _all_layouts(doc: Document, target: Target, site: SiteConfig) -> bool:
    """Whether the page's HTML is all its layout's, any id on it: a regular page whose
    Markdown writes nothing, which its theme fills (with a file its front matter names,
    with the original of an untranslated page). A list page that writes nothing has the
    ids of its Markdown: its layout lists its pages, whose headings are on theirs."""
    return doc.writes_nothing and target.content_path is not None and not is_list_file(target.content_path, site)


def _included(doc: Document) -> tuple[str, ...]:
    """The Markdown file paths a page gives its shortcodes (`{{< include "a/b.md" >}}`)."""
    return tuple(
        value
        for use in doc.shortcode_calls
        if use.template not in REF_SHORTCODES
        for value in use.values
        if isinstance(value, str) and value.lower().endswith(tuple(MARKDOWN_EXTENSIONS))
    )


def _other_urls(doc: Document, target: Target, site: SiteConfig) -> tuple[str, ...]:
    if not target.also or not doc.rendered or doc.front_matter.error:
        return ()
    front_matter = doc.front_matter.data or {}
    urls = (predict_url(site, path, front_matter, language) for language, path in target.also)
    return tuple(url for url in urls if url is not None)


def _read_by_site_rules(link: SiteLink) -> bool:
    """Whether a site rule may look at the link: a ref/relref (ref-not-found), one with a
    fragment (broken-anchor), one to a Markdown file (md-link). Summaries keep only these."""
    destination = link.destination.lower()
    return (
        link.shortcode is not None
        or "#" in destination
        or any(extension in destination for extension in MARKDOWN_EXTENSIONS)
    )


def _site_link(link: Link, printed: Callable[[str], str] | None = None) -> SiteLink:
    """The link as site rules read it; with `printed` (`_param_printer`), an address a
    `param` call alone writes as what it prints."""
    use = link.shortcode
    if use is None:
        return SiteLink(printed(link.destination) if printed else link.destination, link.line, link.column, link.kind)
    unread = ()
    if use.template in REF_SHORTCODES and use.named and not use.positional and use.param("path") is None:
        unread = tuple(key for key, _ in use.named if key.lower() not in ("lang", "outputformat"))
    return SiteLink(
        link.destination, link.line, link.column, link.kind, use.name, use.line, use.column, _ref_argument(link), unread
    )


def _ref_parameter_links(doc: Document) -> Iterator[SiteLink]:
    """The pages a theme's shortcode looks up with `ref`/`relref` from a call's parameter
    (geekdoc's `{{< button relref="usage/" >}}`), as ref-not-found reads a ref call's."""
    for use, value, function in doc.ref_parameters:
        name = f"the {use.name} shortcode's {function}"
        yield SiteLink(value, use.line, use.column, "link", name, use.line, use.column, (value, None))


def _ref_argument(link: Link) -> tuple[str, str | None] | None:
    """The path (see `ref_path`) and `lang` of a link's ref/relref call; None for another
    shortcode, or with errors."""
    use = link.shortcode
    if use is None or use.template not in REF_SHORTCODES or use.errors or use.param("path", 0) is None:
        return None
    language = use.param("lang")
    return ref_path(link) or "", str(language) if language else None


def _read(path: str, limit: int) -> tuple[bytes | None, str | None]:
    try:
        data = read_at_most(path, limit)
    except IsADirectoryError:
        return None, "is a directory, not a file"
    except OSError as exc:
        return None, (exc.strerror or str(exc)).lower()
    if len(data) > limit:
        return None, _too_large(limit)
    return data, None


def _too_large(limit: int) -> str:
    return f"larger than max-file-size ({limit:,} bytes); skipped"


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
    reported: bool = True  # False: a file read for the site's sake (a partial run's context)

    def all(self, rule_id: str, findings: Iterable[Finding]) -> list[Problem]:
        setting = self.plan.settings.get(rule_id)
        if setting is None or rule_id in self.ignored or not self.reported:
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
    site: Site,
    rules: Sequence[Rule],
    plan: Plan,
    reported: Mapping[str, frozenset[str]],
    suppressions: Mapping[str, Suppressions],
) -> list[Problem]:
    """Run site rules; keep findings on the reported files (`reported`: path -> ignored rules)."""
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
            stamp = _Stamper(path, plan, suppressions.get(path, NO_SUPPRESSIONS), reported[path])
            problems.extend(stamp.all(rule_id, [finding]))
    return problems

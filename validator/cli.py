"""The `mdcheck` command line: argument handling and exit codes only.

Exit codes (as ruff): 0 clean or warnings only, 1 errors found (any finding with --strict),
2 usage or configuration error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import click

from validator import __version__
from validator.baseline import apply_baseline, load_baseline, write_baseline
from validator.checks.core.build_failed import build_errors, missing_template
from validator.changes import find_change, git_output
from validator.config import ConfigError, effective_config_toml, find_config, load_config
from validator.engine import Rendering, Target, run
from validator.hugo import BuildFailed, HugoError, built_site
from validator.model import Problem, Severity
from validator.paths import display_path, is_markdown
from validator.registry import RULES
from validator.report import FORMATS, Summary, pieces, summarize
from validator.rule_docs import rule_table, rule_text
from validator.settings import SiteConfig
from validator.site import (
    OUTSIDE_A_SITE, SiteConfigError, find_site_root, find_sites_below, load_site, missing_modules_notes, missing_mounts_notes,
    content_roots, page_path,
)
from validator.starter import write_starter
from validator.targets import (
    collect_targets, covers_content, has_content, other_content, other_formats, outside_content,
    refused_content, refused_content_notes, with_site_context,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
PROGRESS_MIN_FILES = 200


class _Group(click.Group):
    """Turns any unexpected exception into a one-line message and exit 2: no tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        _unwind_on_terminate()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("mdcheck: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # What reads the output went away (`mdcheck check | head`): stop quietly, as a
            # Unix tool does on SIGPIPE; what is left to flush goes nowhere.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_BROKEN_PIPE)
        except (ConfigError, SiteConfigError, HugoError) as exc:
            click.echo(f"mdcheck: error: {exc}", err=True)
            ctx.exit(EXIT_USAGE)
        except Exception as exc:
            if os.environ.get("MDCHECK_DEBUG"):
                traceback.print_exc()
            click.echo(
                f"mdcheck: internal error: {type(exc).__name__}: {exc} "
                "(set MDCHECK_DEBUG=1 for details)",
                err=True,
            )
            ctx.exit(EXIT_USAGE)


def _unwind_on_terminate() -> None:
    """A SIGTERM (a cancelled CI job, `timeout`) unwinds the run as Ctrl-C does: a --build's
    hugo is killed and its temporary directory removed, a file being written left as it was.
    A second one ends it at once, whatever the first's unwinding is at."""
    if threading.current_thread() is threading.main_thread():
        received: list[int] = []

        def terminated(signum: int, frame: Any) -> None:
            if received:  # a second one (`timeout` signals the process, then its group): at once
                os._exit(128 + signum)
            received.append(signum)
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGTERM, terminated)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mdcheck")
def main() -> None:
    """Check a Hugo site's Markdown content, the way Hugo will render it."""


def _config_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Config file (default: nearest .mdcheck.toml or pyproject.toml [tool.mdcheck]).",
    )(function)


def _load(config_path: Path | None, start: Path, site: SiteConfig | None = None) -> tuple[Any, SiteConfig]:
    """The mdcheck config and the Hugo site for a run starting at `start` (`site`, when it
    is already loaded)."""
    if config_path is not None and not config_path.is_file():
        raise ConfigError(str(config_path), "not a file" if config_path.exists() else "no such config file")
    site_root = site.root if site is not None else find_site_root(start)
    if site is None:
        site = load_site(site_root) if site_root else OUTSIDE_A_SITE
    if config_path is None:
        config_path = find_config(Path.cwd())
        if config_path is None and site_root is not None:
            config_path = find_config(site_root)
    return load_config(config_path, RULES), site


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: text; github when GITHUB_ACTIONS=true).",
)
@_config_option
@click.option("--strict", is_flag=True, help="Exit 1 on any finding, warnings included.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only, no summary.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1, max=4096), default=None,
    help="Worker processes (default: all cores when there are many files; at most four per core).",
)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option(
    "--changed-since", metavar="REF",
    help="Report only files changed since the merge base with the git REF (and links elsewhere "
    "the change breaks); the whole site is still read.",
)
@click.option(
    "--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings this baseline file does not record.",
)
@click.option(
    "--write-baseline", "new_baseline", type=click.Path(dir_okay=False, path_type=Path),
    help="Record the findings in this baseline file and exit 0.",
)
@click.option(
    "--html", "html_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Check this rendered site (default: html-dir, or the site's publishDir when built).",
)
@click.option("--build", is_flag=True, help="Build the site with the real Hugo first, and check that.")
@click.option("--source-only", is_flag=True, help="Check the Markdown only, no rendered pass.")
@click.option(
    "--no-cache", is_flag=True,
    help="Check every file anew: do not read back, nor keep, the results of unchanged files.",
)
def check(
    paths: tuple[Path, ...],
    fmt: str | None,
    config_path: Path | None,
    strict: bool,
    quiet: bool,
    jobs: int | None,
    color: bool | None,
    changed_since: str | None,
    baseline_path: Path | None,
    new_baseline: Path | None,
    html_dir: Path | None,
    build: bool,
    source_only: bool,
    no_cache: bool,
) -> None:
    """Check PATHS (files or directories; default: the Hugo site's content).

    The rendered pass then checks the HTML: --html DIR, or --build (the real Hugo into a
    temporary directory), or the site's built publishDir, or else mdcheck's own rendering."""
    if build and html_dir is not None:
        raise click.UsageError("--build and --html are exclusive")
    if source_only and (build or html_dir is not None):
        raise click.UsageError(f"--source-only checks no rendered HTML: drop it, or {'--build' if build else '--html'}")
    groups = _by_site(paths)
    if len(groups) > 1:
        # (a hook given the staged files of two sites of one repository, `docs/` and `blog/`)
        if fmt in ("json", "sarif") or baseline_path or new_baseline or html_dir:
            raise click.UsageError(
                f"the paths are in {len(groups)} Hugo sites: with --format json or sarif, a baseline or --html, "
                "check one site's paths at a time"
            )
    codes = []
    for root, group in groups:
        if len(groups) > 1 and not quiet and root is not None:
            click.echo(f"mdcheck: the site in {display_path(root, Path.cwd())}", err=True)
        try:
            with contextlib.ExitStack() as stack:
                _check(group, fmt, config_path, strict, quiet, jobs, color, changed_since,
                       baseline_path, new_baseline, html_dir, build, source_only, not no_cache, stack)
        except SystemExit as ended:
            if len(groups) == 1:
                raise
            codes.append(ended.code if isinstance(ended.code, int) else EXIT_USAGE)
    sys.exit(max(codes, default=EXIT_CLEAN))


def _by_site(paths: tuple[Path, ...]) -> list[tuple[Path | None, tuple[Path, ...]]]:
    """The paths by the Hugo site each is in (its root), in the order the sites first come,
    those in none with the first: one run per site."""
    groups: dict[str, tuple[Path, list[Path]]] = {}
    loose: list[Path] = []
    for path in paths:
        root = find_site_root(path)
        if root is None:
            loose.append(path)
        else:
            groups.setdefault(os.path.realpath(root), (root, []))[1].append(path)
    if len(groups) <= 1:
        return [(None, paths)]
    ordered = [(root, tuple(group)) for root, group in groups.values()]
    ordered[0] = (ordered[0][0], (*ordered[0][1], *loose))
    return ordered


def _rendering(
    config: Any, site: SiteConfig, html_dir: Path | None, build: bool, source_only: bool,
    stack: contextlib.ExitStack, cwd: Path, quiet: bool,
) -> tuple[Rendering | None, BuildFailed | None]:
    """Where the rendered pass reads HTML (see `check`), None with --source-only; and why
    the --build failed, when it did: the pass then checks mdcheck's own rendering."""
    if source_only:
        return None, None
    if build:
        if site.root is None:
            raise click.UsageError("--build needs a Hugo site (no hugo.toml or config.toml found)")
        if not quiet and sys.stderr.isatty():  # a large site takes Hugo a while
            where = display_path(site.root, cwd)
            click.echo(f"Building the site{'' if where == '.' else ' at ' + where} with Hugo …", err=True)
        try:
            built = stack.enter_context(built_site(site.root, site.publish_dir, site.build_themes_dir))
        except BuildFailed as exc:
            return Rendering(), exc
        publish_dir, listing, logged = built
        return Rendering(str(publish_dir), site.publish_dir, listing), logged
    if html_dir is None and site.root is not None and config.html_dir:
        html_dir = site.root / config.html_dir if (site.root / config.html_dir).is_dir() else None
    elif html_dir is None and site.root is not None:
        published = site.root / site.publish_dir
        html_dir = published if not _holds_site(published, site.root) and _holds_html(published) else None
    if html_dir is not None:
        whole = os.path.dirname(os.path.abspath(html_dir)) == os.path.abspath(html_dir)
        if whole or (site.root is not None and _holds_site(html_dir, site.root)):
            what = "the filesystem's root" if whole else "the site's folder or one above it"
            raise click.UsageError(
                f"the HTML to check ({display_path(html_dir, cwd)}) is {what}: not all of it is the site's, "
                "and walking it would read far more; give the folder Hugo built into (--html, html-dir)"
            )
        return Rendering(str(html_dir), display_path(html_dir, cwd)), None
    return Rendering(), None


# How much later than a publish dir's home page a content file may be written and still be
# of the same moment (a checkout of a repository that keeps its publish dir)
_CHECKOUT_SECONDS = 2.0


def _stale_build(
    rendering: Rendering | None, targets: Sequence[Target], build: bool, chosen: bool, roots: Sequence[Path] = ()
) -> tuple[Rendering | None, tuple[str, ...]]:
    """The rendering to check, and what the summary says of a publish dir built before the
    content last changed (its home page older than the newest file read, or a folder of
    them: a page added, renamed or deleted since): its HTML is not what the content makes
    now. The site's publishDir, read by default, is then set aside for mdcheck's own
    rendering (a commit hook's run checks the content as it is about to be committed); a
    folder the user chose (--html, html-dir) is read all the same."""
    if build or rendering is None or rendering.publish_dir is None:
        return rendering, ()
    built = _mtime(os.path.join(rendering.publish_dir, "index.html"))
    if not built:
        return rendering, ()
    read = [target for target in targets if not target.problem]
    newest, changed = max(
        (
            *((_mtime(target.path), target.display) for target in read),
            *((_mtime(folder), display) for folder, display in _folders(read)),
        ),
        default=(0.0, ""),
    )
    if newest <= built + _CHECKOUT_SECONDS:
        # (a fresh clone gives every file one time: the commits tell, when git keeps the folder)
        committed = _committed_after(rendering.publish_dir, roots)
        if committed is None:
            return rendering, ()
        changed = committed
    if chosen:
        return rendering, (
            f"the rendered pass read {rendering.display_root}/, built before {changed} last changed: its HTML may "
            "not be the content's now (rebuild the site, or run with --build)",
        )
    return Rendering(), (
        f"{rendering.display_root}/ was built before {changed} last changed: the rendered pass checked mdcheck's own "
        f"rendering instead (rebuild the site to check Hugo's HTML, run with --build, or name it with --html)",
    )


def _committed_after(publish_dir: str, roots: Sequence[Path]) -> str | None:
    """The content folder a commit changed after the last commit of the publish dir, when
    git keeps that folder (a repository that commits its build); None else, or when git
    cannot tell."""
    existing = [str(root) for root in roots if root.exists()]
    if not existing:
        return None
    try:
        built = git_output(Path(publish_dir), "log", "-1", "--format=%ct", "--", ".").strip()
        changed = git_output(Path(publish_dir), "log", "-1", "--format=%ct", "--", *existing).strip()
    except (ConfigError, OSError):
        return None
    if not built or not changed or int(changed) <= int(built):
        return None
    return next((display_path(root, Path.cwd()) for root in existing), None)


def _folders(targets: Sequence[Target]) -> set[tuple[str, str]]:
    """The folders of the files, as read and as shown."""
    return {
        (os.path.dirname(target.path) or ".", os.path.join(os.path.dirname(target.display) or ".", ""))
        for target in targets
    }


def _mtime(path: str) -> float:
    """When the file was last written; 0 when it cannot be read."""
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _build_failure_note(failure: BuildFailed | None, rendering: Rendering | None) -> tuple[str, ...]:
    """What the summary says of a --build whose Hugo failed: what the rendered pass read."""
    if failure is None:
        return ()
    if rendering is not None and rendering.publish_dir is not None:
        return (f"--build: {failure}\nHugo logged these errors but wrote every page: the rendered pass checked them.",)
    return (f"--build: {failure}\nThe rendered pass checked mdcheck's own rendering instead.",)


def _build_errors(
    failure: BuildFailed, targets: Sequence[Target], site: SiteConfig, severity: Severity, problems: Sequence[Problem]
) -> list[Problem]:
    """The places in the checked files that the errors of a failed build name (build-failed),
    but those where `problems` hold an error already, and calls of shortcodes a missing
    theme may make."""
    checked = [target for target in targets if not target.context]
    files = {os.path.realpath(target.path): target.display for target in checked}
    pages = {
        path: os.path.realpath(target.path)
        for target in checked
        if target.content_path and (path := page_path(site, target.content_path))
    }
    reported = {(problem.path, problem.line) for problem in problems if problem.severity is Severity.ERROR}
    # a file whose front matter or shortcode calls Hugo cannot read: the error it stops at is that one
    stopped = {problem.path for problem in problems if problem.rule in _STOPPING_RULES}
    return [
        Problem(path, line, column, "build-failed", severity, message)
        for path, line, column, message in build_errors(failure.output, files, pages)
        if (path, line) not in reported and path not in stopped
        and not (site.templates_missing and missing_template(message))
    ]


# The rules of what Hugo cannot read in a file at all, and stops at (its error names another
# place of the same defect: the front matter's second line, where it found no end)
_STOPPING_RULES = frozenset({"front-matter-syntax", "shortcode-unclosed", "shortcode-mismatched"})


def _temporary_build_note(problems: Sequence[Problem], root: str) -> tuple[str, ...]:
    """What the summary says of findings placed in the HTML of a --build (a theme's, no
    Markdown line made them): that HTML was written to a temporary folder."""
    if not any(problem.path.startswith(root + "/") for problem in problems):
        return ()
    return (
        f"--build: the findings in {root}/ are in the HTML Hugo built, written to a temporary folder and removed: "
        f"run hugo to see it in {root}/",
    )


def _holds_site(folder: Path, root: Path) -> bool:
    """Whether a publishDir is the site's folder or one above it (`.`, `/`): the HTML there is
    not all Hugo's (templates, a theme's files), nor is a walk of it bounded."""
    folder_path, root_path = os.path.abspath(folder), os.path.abspath(root)
    return os.path.commonpath([folder_path, root_path]) == folder_path


def _publish_dir_note(site: SiteConfig, rendering: Rendering | None, build: bool) -> tuple[str, ...]:
    if build or rendering is None or rendering.publish_dir is not None or site.root is None:
        return ()
    if not _holds_site(site.root / site.publish_dir, site.root):
        return ()
    return (
        f"publishDir {site.publish_dir!r} holds the site's own folder: mdcheck does not read it as Hugo's output, "
        "and the rendered pass checked its own rendering (run with --build, or --html DIR, to check Hugo's)",
    )


def _holds_html(folder: Path) -> bool:
    """Whether a publishDir holds an HTML page, as a build does: a repository may keep one
    with the files Hugo adds to (`_redirects`, `robots.txt`) and no page."""
    for _, _, names in os.walk(folder):
        if any(name.endswith((".html", ".htm")) for name in names):
            return True
    return False


def _check(
    paths: tuple[Path, ...], fmt: str | None, config_path: Path | None, strict: bool,
    quiet: bool, jobs: int | None, color: bool | None, changed_since: str | None,
    baseline_path: Path | None, new_baseline: Path | None, html_dir: Path | None,
    build: bool, source_only: bool, cache: bool, stack: contextlib.ExitStack,
) -> None:
    cwd = Path.cwd()
    # The site of the first path inside one: a hook lists a README before a subfolder site's files.
    start = next((path for path in paths if find_site_root(path) is not None), None)
    if start is None:
        start = _mounting_site(paths, cwd) or (paths[0] if paths else cwd)
    chosen = _site_below(paths, start, cwd)
    paths, found = chosen.paths, chosen.notes
    config, site = _load(config_path, chosen.start, chosen.site)
    rendering, build_failure = _rendering(config, site, html_dir, build, source_only, stack, cwd, quiet)
    targets, not_markdown = other_formats(collect_targets(list(paths), config, site, cwd))
    targets, outside = outside_content(targets, site)
    change = find_change(changed_since, paths[0] if paths else cwd) if changed_since is not None else None
    if change is not None:
        targets = change.select(targets)
    partial = change is not None or (bool(paths) and not covers_content(paths, site))
    if partial and any(RULES[rule_id].stage == "site" for rule_id in config.rules):
        targets = with_site_context(targets, config, site, cwd)
    chosen = html_dir is not None or bool(config.html_dir)
    rendering, stale = _stale_build(rendering, targets, build, chosen, [root.path for root in content_roots(site)])
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    others = other_content(site, cwd)
    # (findings of a run of the whole content, with a Hugo that refuses them; notes else)
    refused_found = "content-refused" in config.rules and not partial
    # (refused by Hugo 0.168, as every finding is judged: one the site's older Hugo admits says so)
    refused_noted = [] if refused_found else others.refused
    outcome = _run_with_progress(targets, config, site, jobs, quiet, rendering, cache, others.pages)
    notes = (
        *found, *site.config_notes, *missing_modules_notes(site, config.rules), *missing_mounts_notes(site),
        *_outside_note(outside),
        *refused_content_notes(refused_noted, site),
        *_not_markdown_note(not_markdown), *_no_pages_note(outside, not_markdown),
        *_only_other_formats_note(targets, others.pages),
        *stale, *_publish_dir_note(site, rendering, build), *outcome.notes,
        *_build_failure_note(build_failure, rendering),
    )
    problems = outcome.problems
    if build and rendering is not None and rendering.publish_dir is not None:
        notes = (*notes, *_temporary_build_note(problems, rendering.display_root))
    if refused_found and others.refused:
        severity = config.rules["content-refused"].severity
        problems = sorted((*problems, *(
            Problem(shown, 1, 1, "content-refused", severity, message)
            for shown, message in refused_content(others.refused, site)
        )))  # fmt: skip
    if build_failure is not None and "build-failed" in config.rules:
        severity = config.rules["build-failed"].severity
        problems = sorted((*problems, *_build_errors(build_failure, targets, site, severity, problems)))
    if change is not None:
        problems, change_notes = change.report(outcome, targets, config, site, RULES)
        notes = (*notes, *change_notes)
    if new_baseline is not None:
        count = write_baseline(new_baseline, problems)
        click.echo(f"Recorded {count} finding(s) in the baseline {new_baseline}.", err=True)
        sys.exit(EXIT_CLEAN)
    if baseline_path is not None:
        checked = [target.display for target in targets if not target.context]
        kept = apply_baseline(problems, load_baseline(baseline_path), checked)
        problems, notes = kept.problems, (*notes, *kept.notes(baseline_path))
    errors, warnings = summarize(problems)
    summary = Summary(
        files=outcome.files, pages=outcome.rendered_pages, errors=errors, warnings=warnings, notes=notes,
        build_failed=build_failure is not None,
    )
    use_color = sys.stdout.isatty() and "NO_COLOR" not in os.environ if color is None else color
    _echo(pieces(problems, fmt, summary=summary, rules=RULES, color=use_color, quiet=quiet))
    failed = errors > 0 or (strict and warnings > 0)
    sys.exit(EXIT_USAGE if build_failure else EXIT_FINDINGS if failed else EXIT_CLEAN)


def _echo(output: Iterable[str]) -> None:
    """Print the report's pieces as they come, some 64 KB at a time, and a line end after
    them; nothing when there are none (a quiet clean run)."""
    batch: list[str] = []
    size, written = 0, False
    for piece in output:
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            click.echo("".join(batch), nl=False)
            batch, size, written = [], 0, True
    if written or any(batch):
        click.echo("".join(batch))


class _Start(NamedTuple):
    """Where a run starts: its paths, the folder its site is found from, notes on the
    choice, and that site when it was loaded to choose."""

    paths: tuple[Path, ...]
    start: Path
    notes: tuple[str, ...] = ()
    site: SiteConfig | None = None


def _site_below(paths: tuple[Path, ...], start: Path, cwd: Path) -> _Start:
    """A folder in no Hugo site (a repository's root), or the root of a site without
    content (a theme's), with one site below it (`docs/`, `website/`, `exampleSite/`) means
    that site: the folder is replaced by it. With several sites below, the folder is
    checked as it is, and a note names them."""
    if not start.is_dir():
        return _Start(paths, start)
    root, shown_start = find_site_root(start), display_path(start, cwd)
    site = None
    if root is None:
        reason, otherwise = f"No Hugo config in {shown_start}", "checked with Hugo's defaults"
    elif os.path.realpath(root) == os.path.realpath(start):
        site = _loaded(root)
        if site is None or has_content(site):
            return _Start(paths, start, site=site)
        reason, otherwise = f"The site in {shown_start} has no content", f"checked the site in {shown_start}"
    else:
        return _Start(paths, start)
    below = find_sites_below(start)
    sites = [  # a site with content, not a theme's module root beside its docs
        (folder, loaded)
        for folder in below
        if (loaded := _loaded(folder)) is None or has_content(loaded)
    ]
    shown = [display_path(folder, cwd) for folder, _ in sites]
    if len(sites) == 1:
        folder, loaded = sites[0]
        replaced = tuple(folder if path == start else path for path in paths)
        return _Start(replaced, folder, (f"{reason}: checked the site in {shown[0]}",), loaded)
    if sites:
        names = ", ".join(shown[:5]) + (", …" if len(sites) > 5 else "")
        note = f"{reason}, and {len(sites)} sites below it ({names}): {otherwise}"
        return _Start(paths, start, (note + "; give a site's folder to check it with its config",), site)
    if root is None and below:  # thanos' `website/`: its content is made before the build
        empty = ", ".join(display_path(folder, cwd) for folder in below[:5]) + (", …" if len(below) > 5 else "")
        return _Start(paths, start, (
            f"{reason}, and the Hugo sites below it have no content yet ({empty}): {otherwise}; "
            "make their content (a generator may write it before the build), then check a site's folder",
        ))
    other = next(((name, file) for file, name in _OTHER_GENERATORS.items() if (start / file).exists()), None)
    if root is None and other is not None:
        return _Start(paths, start, (
            f"{reason}: {shown_start} looks like a {other[0]} site ({other[1]}); its Markdown is checked "
            "as Hugo would render it with its defaults",
        ))
    return _Start(paths, start, site=site)


# What another site generator keeps at its root: a folder of it is no Hugo site.
_OTHER_GENERATORS = {
    **dict.fromkeys((f"docusaurus.config.{ext}" for ext in ("js", "ts", "mjs")), "Docusaurus"),
    **dict.fromkeys((f"astro.config.{ext}" for ext in ("js", "ts", "mjs")), "Astro"),
    **dict.fromkeys(("mkdocs.yml", "mkdocs.yaml"), "MkDocs"),
    "_config.yml": "Jekyll",
    "book.toml": "mdBook",
    ".vitepress": "VitePress",
    **dict.fromkeys((f"gatsby-config.{ext}" for ext in ("js", "ts")), "Gatsby"),
    **dict.fromkeys((".eleventy.js", "eleventy.config.js", "eleventy.config.mjs"), "Eleventy"),
}


def _mounting_site(paths: tuple[Path, ...], cwd: Path) -> Path | None:
    """For paths in no Hugo site: the folder of a site below the working directory whose
    content mounts hold the first of them (`source = "../docs"`), which a hook at the
    repository's root is given alone."""
    if not paths:
        return None
    wanted = os.path.realpath(paths[0])
    for folder in find_sites_below(cwd):
        site = _loaded(folder)
        for root in content_roots(site) if site is not None else ():
            where = os.path.realpath(root.path)
            if wanted == where or wanted.startswith(where.rstrip(os.sep) + os.sep):
                return folder
    return None


def _loaded(root: Path) -> SiteConfig | None:
    """The site at `root`; None when its config is wrong (the run loads it again, and
    reports what is wrong)."""
    try:
        return load_site(root)
    except SiteConfigError:
        return None


def _outside_note(outside: Sequence[Any]) -> tuple[str, ...]:
    markdown = [target for target in outside if is_markdown(target.path)]
    if not markdown:
        return ()
    files = "file" if len(markdown) == 1 else "files"
    return (f"{len(markdown)} Markdown {files} outside the site's content (or left out by its ignoreFiles or disabled "
            f"languages) not checked, as Hugo does not read them: {_names(markdown)}",)


def _not_markdown_note(files: Sequence[Any]) -> tuple[str, ...]:
    content = [target for target in files if target.content_path is not None]
    if not content:
        return ()
    return (f"{len(content)} content {'file' if len(content) == 1 else 'files'} of another format than Markdown "
            f"(HTML, AsciiDoc, reST, Org, Pandoc) not checked: {_names(content)}",)


def _no_pages_note(outside: Sequence[Any], not_markdown: Sequence[Any]) -> tuple[str, ...]:
    """What the summary says of files given that are neither Markdown nor content (the
    site's config, a template): mdcheck checks pages."""
    files = [target for target in outside if not is_markdown(target.path)]
    files += [target for target in not_markdown if target.content_path is None]
    if not files:
        return ()
    return (f"{len(files)} {'file' if len(files) == 1 else 'files'} neither Markdown nor content (a config file, a "
            f"template) not checked: {_names(files)}",)


def _names(files: Sequence[Any]) -> str:
    return ", ".join(target.display for target in files[:3]) + (", …" if len(files) > 3 else "")


def _only_other_formats_note(targets: Sequence[Target], others: Sequence[Target]) -> tuple[str, ...]:
    """What the summary says of a site whose content is all of other formats (AsciiDoc):
    its pages are known, for links, but none is checked."""
    if any(not target.context for target in targets) or not others:
        return ()
    count = "1 content file is" if len(others) == 1 else f"{len(others)} content files are"
    return (f"no Markdown to check: the site's {count} of other formats (HTML, AsciiDoc, reST, Org, Pandoc)",)


def _run_with_progress(
    targets: Sequence[Any], config: Any, site: SiteConfig, jobs: int | None, quiet: bool,
    rendering: Rendering | None, cache: bool, other_content: Sequence[Any],
) -> Any:
    options = dict(jobs=jobs, rendering=rendering, cache=cache, other_content=other_content)
    if quiet or len(targets) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return run(targets, config, site, RULES, **options)
    with click.progressbar(length=len(targets), label="Checking", file=sys.stderr) as bar:
        return run(targets, config, site, RULES, progress=bar.update, **options)


@main.command()
@click.argument("rule_id", required=False)
@_config_option
def rules(rule_id: str | None, config_path: Path | None) -> None:
    """List the rules, or print one rule's documentation."""
    if rule_id is None:
        config, _ = _load(config_path, Path.cwd())
        click.echo(rule_table(RULES.values(), config.rules))
        return
    if rule_id not in RULES:
        raise click.BadParameter(f"unknown rule {rule_id!r}; `mdcheck rules` lists them", param_hint="RULE_ID")
    click.echo(rule_text(RULES[rule_id]))


@main.command("config")
@_config_option
def show_config(config_path: Path | None) -> None:
    """Print the effective configuration (presets and files merged)."""
    cwd = Path.cwd()
    chosen = _site_below((), cwd, cwd)
    config, site = _load(config_path, chosen.start, chosen.site)
    click.echo(effective_config_toml(config), nl=False)
    if site.root is not None:
        click.echo(f"\n# Hugo site: {site.root}")
        for key, value in dataclasses.asdict(site.markup).items():
            click.echo(f"# markup.{key} = {value!r}")


@main.command()
@click.option("--force", is_flag=True, help="Replace an existing .mdcheck.toml.")
def init(force: bool) -> None:
    """Write a commented starter .mdcheck.toml for the site in the working directory."""
    cwd = Path.cwd()
    chosen = _site_below((), cwd, cwd)
    site_root = find_site_root(chosen.start)
    site = chosen.site or (load_site(site_root) if site_root else OUTSIDE_A_SITE)
    path = write_starter(cwd, site, RULES, force=force)
    click.echo(f"Wrote {path.name}: every rule with its options, commented. `mdcheck rules` lists them.")

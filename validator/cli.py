"""The `mdcheck` command line: argument handling and exit codes only.

Exit codes (as ruff): 0 clean or warnings only, 1 errors found (any finding with --strict),
2 usage or configuration error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from validator import __version__
from validator.config import ConfigError, effective_config_toml, find_config, load_config
from validator.engine import run
from validator.model import Severity
from validator.registry import RULES
from validator.report import FORMATS, Summary, render, summarize
from validator.rule_docs import rule_table, rule_text
from validator.settings import SiteConfig
from validator.site import SiteConfigError, find_site_root, load_site
from validator.targets import collect_targets, with_site_context

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROGRESS_MIN_FILES = 200


class _Group(click.Group):
    """Turns any unexpected exception into a one-line message and exit 2: no tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except (ConfigError, SiteConfigError) as exc:
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


def _load(config_path: Path | None, start: Path) -> tuple[Any, SiteConfig]:
    """The mdcheck config and the Hugo site for a run starting at `start`."""
    if config_path is not None and not config_path.is_file():
        raise ConfigError(str(config_path), "no such config file")
    site_root = find_site_root(start)
    site = load_site(site_root) if site_root else SiteConfig()
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
    "-j", "--jobs", type=click.IntRange(min=1), default=None,
    help="Worker processes (default: all cores when there are many files).",
)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
def check(
    paths: tuple[Path, ...],
    fmt: str | None,
    config_path: Path | None,
    strict: bool,
    quiet: bool,
    jobs: int | None,
    color: bool | None,
) -> None:
    """Check PATHS (files or directories; default: the Hugo site's content)."""
    cwd = Path.cwd()
    config, site = _load(config_path, paths[0] if paths else cwd)
    targets = collect_targets(list(paths), config, site, cwd)
    if paths and any(RULES[rule_id].stage == "site" for rule_id in config.rules):
        targets = with_site_context(targets, config, site, cwd)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    outcome = _run_with_progress(targets, config, site, jobs, quiet)
    errors, warnings = summarize(outcome.problems)
    summary = Summary(files=outcome.files, errors=errors, warnings=warnings)
    use_color = sys.stdout.isatty() and "NO_COLOR" not in os.environ if color is None else color
    output = render(
        outcome.problems, fmt, summary=summary, rules=RULES, color=use_color, quiet=quiet
    )
    if output:
        click.echo(output)
    failed = errors > 0 or (strict and warnings > 0)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def _run_with_progress(targets: Sequence[Any], config: Any, site: SiteConfig, jobs: int | None, quiet: bool) -> Any:
    if quiet or len(targets) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return run(targets, config, site, RULES, jobs=jobs)
    with click.progressbar(length=len(targets), label="Checking", file=sys.stderr) as bar:
        return run(targets, config, site, RULES, jobs=jobs, progress=bar.update)


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
    config, site = _load(config_path, Path.cwd())
    click.echo(effective_config_toml(config), nl=False)
    if site.root is not None:
        click.echo(f"\n# Hugo site: {site.root}")
        for key, value in dataclasses.asdict(site.markup).items():
            click.echo(f"# markup.{key} = {value!r}")

"""`mdcheck init`: a commented starter `.mdcheck.toml`, made from the registry and the shipped
presets (so it lists every rule with its current options), for the site in a directory."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from validator import __version__
from validator.files import write_atomic
from validator.config import (
    DEFAULT_PRESET,
    Config,
    ConfigError,
    effective_config_toml,
    find_config,
    load_preset,
    preset_names,
)
from validator.model import Rule
from validator.paths import display_path
from validator.settings import SiteConfig
from validator.site import content_roots

FILE_NAME = ".mdcheck.toml"


def write_starter(
    directory: Path, site: SiteConfig, registry: Mapping[str, Rule], *, force: bool = False
) -> Path:
    """Write the starter config into `directory`; refuses to replace one unless `force`, or
    to take the place of the config the folder has in another file (`.mdcheck.toml` is
    read before `mdcheck.toml` and `pyproject.toml`'s [tool.mdcheck])."""
    path = directory / FILE_NAME
    if path.exists() and not force:
        raise ConfigError(str(path), "already exists (use --force to replace it)")
    found = find_config(directory)
    if not force and found is not None and found.parent == directory.resolve() and found.name != FILE_NAME:
        raise ConfigError(
            str(found), f"already configures mdcheck here: {FILE_NAME}, read first, would set it aside "
            "(use --force to write it all the same)"
        )
    write_atomic(path, starter_text(directory, site, registry))
    return path


def starter_text(directory: Path, site: SiteConfig, registry: Mapping[str, Rule]) -> str:
    default = load_preset(DEFAULT_PRESET, registry)
    settings = [_setting_lines(default)] + [
        _setting_lines(load_preset(name, registry)) for name in preset_names() if name != DEFAULT_PRESET
    ]
    content = _content_prefix(directory, site)
    lines = [
        *_header(directory, site),
        "",
        "# Presets, applied in order: " + ", ".join(preset_names()) + ".",
        f"# {DEFAULT_PRESET} (the default) reports substantive problems only; strict adds every",
        "# style rule; theme-test-content is for a theme's example content.",
        f'extends = ["{DEFAULT_PRESET}"]',
        "",
        "# Which Markdown files to check: globs relative to this file. `*` stays in a folder,",
        "# `**` crosses folders, a name without `/` matches anywhere.",
        f'# include = ["{content}**/*.md"]',
        f'# exclude = ["{content}drafts/**"]',
        "",
        "# A file larger than this many bytes is reported and skipped.",
        f"# max-file-size = {default.max_file_size}",
        "",
        "[rules]",
        '# Each rule: true (its default severity), false, "error", "warning", or a table of',
        "# options (with an optional severity). Uncomment a line to change a rule.",
        "",
        f"# On in the {DEFAULT_PRESET} preset, with their options as it sets them:",
        *_rule_lines(registry, settings, on=True),
        "",
        f"# Off in the {DEFAULT_PRESET} preset:",
        *_rule_lines(registry, settings, on=False),
        "",
        "[per-file-ignores]",
        "# Rules turned off for some files: glob = [rule ids].",
        f'# "{content}about/license.md" = ["front-matter-required"]',
        "",
    ]
    return "\n".join(lines)


def _header(directory: Path, site: SiteConfig) -> list[str]:
    lines = [f"# mdcheck configuration (written by `mdcheck init`, mdcheck {__version__})."]
    if site.root is None:
        lines.append("# No Hugo configuration was found here: Hugo's defaults apply.")
    else:
        roots = ", ".join(f"{display_path(root.path, directory)}/" for root in content_roots(site))
        where = "in this directory" if site.root.resolve() == directory.resolve() else f"at {site.root}"
        lines.append(f"# The Hugo site {where}: content in {roots or 'no directory yet'}.")
    lines += [
        "# Every key is optional. `mdcheck rules` lists the rules and their state under this",
        "# file, `mdcheck rules RULE-ID` documents one, `mdcheck config` prints the result.",
    ]
    return lines


def _content_prefix(directory: Path, site: SiteConfig) -> str:
    """The site's (first) content directory relative to `directory`, with a trailing `/`."""
    roots = content_roots(site) if site.root is not None else []
    relative = display_path(roots[0].path, directory) if roots else "."
    return "" if relative == "." else relative + "/"


def _rule_lines(registry: Mapping[str, Rule], settings: list[dict[str, str]], *, on: bool) -> list[str]:
    """Commented `[rules]` lines in registry order, for the rules the default preset
    (`settings[0]`) turns on, or off: the first preset's setting that enables the rule."""
    lines = []
    for rule_id, rule in registry.items():
        if (rule_id in settings[0]) != on:
            continue
        setting = next((preset[rule_id] for preset in settings if rule_id in preset), f"{rule_id} = true")
        comment = rule.summary + (f" ({rule.markdownlint})" if rule.markdownlint else "")
        lines.append(f"# {setting}  # {comment}")
    return lines


def _setting_lines(config: Config) -> dict[str, str]:
    """Each enabled rule's line in `mdcheck config`'s output for `config`."""
    text = effective_config_toml(config)
    rules = text[text.index("[rules]\n") :].splitlines()[1:]
    return {line.split(" = ", 1)[0]: line for line in rules if " = " in line and not line.startswith('"')}

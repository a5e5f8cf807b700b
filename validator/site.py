"""Read a Hugo site's configuration, and predict the URLs Hugo gives its content files.

Follows Hugo 0.168: the config lookup and merge order (`hugo.*` before `config.*`, then
`config/_default/` and `config/<environment>/`), Hugo's defaults and its weak typing of
values, and its rules for page paths (`resources/page/page_paths.go`), permalinks
(`resources/page/permalinks.go`) and aliases (`hugolib/page__output.go`).
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import copy
import dataclasses
import bisect
import datetime as dt
import functools
import hashlib
import itertools
import json
import os
import posixpath
import re
import tempfile
import time
import types
import tomllib
import unicodedata
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar
from urllib.parse import quote, unquote, unquote_plus, urlsplit

import yaml
from markdown_it.rules_block.html_block import HTML_SEQUENCES

from validator.files import read_text, texts_under
from validator.model import data_error
from validator.frontmatter import TOML_LONE_RETURN, DateError, hugo_date, load_yaml, split_front_matter
from validator.paths import display_path
from validator.published import base_path, fallback_rule, followed_rule, writes_alias_rules
from validator.highlight import Highlight, switched_on
from validator.shortcodes import EMBEDDED_TEXTS
from validator.i18n import load_translations
from validator import template_text
from validator.heading_ids import TYPOGRAPHER_HTML
from validator.settings import (
    ABSOLUTE_FINDING_LINK_HOOK, EMBEDDED_WRITING_HTML, HUGO_OUTPUT_FORMATS, ID_TYPES, LAYOUT_PAGES, LIST_PAGES, PAGE_FINDING_LINK_HOOK, USE_EMBEDDED, ContentMount,
    IdParameter, Language,
    HtmlBlockOpening, Markup, SiteConfig, removed_since,
)

CONFIG_NAMES = ("hugo", "config")
CONFIG_EXTENSIONS = ("toml", "yaml", "yml", "json")
# The file extensions Hugo reads as content, each with its media type (Hugo 0.168's).
CONTENT_MEDIA_TYPES = {
    **dict.fromkeys(("md", "markdown", "mdown"), "text/markdown"),
    **dict.fromkeys(("html", "htm"), "text/html"),
    **dict.fromkeys(("adoc", "asciidoc", "ad"), "text/asciidoc"),
    **dict.fromkeys(("pandoc", "pdc"), "text/pandoc"),
    "rst": "text/rst",
    "org": "text/org",
}
CONTENT_EXTENSIONS = frozenset(CONTENT_MEDIA_TYPES)


def other_media_type(name: str) -> str | None:
    """The media type of a content file that is not Markdown (`text/html` of `_index.html`);
    None for Markdown and any other file."""
    media_type = CONTENT_MEDIA_TYPES.get(name.rpartition(".")[2].lower()) if "." in name else None
    return None if media_type == "text/markdown" else media_type


def markup_media_type(markup: str) -> str | None:
    """The media type of the content format a page's `markup` front matter names, as Hugo
    0.168 resolves it, case aside: `goldmark` is Markdown, `asciidocext` AsciiDoc, else a
    content file's extension (`md`, `html`, `org`…). None for a value that names none, on
    which Hugo stops the build ("failed to resolve media type")."""
    name = markup.strip().lower()
    return {"goldmark": "text/markdown", "asciidocext": "text/asciidoc"}.get(name) or CONTENT_MEDIA_TYPES.get(name)
_HTML_SUFFIXES = frozenset({"html", "htm"})
_PERMALINK_KINDS = ("page", "home", "section", "taxonomy", "term")
_BRANCH_KINDS = frozenset({"home", "section", "taxonomy", "term"})
_MAX_THEME_DEPTH = 10
_SETTLED_NS = 3_000_000_000  # files and directories changed more recently than this are not cached
_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})
_GO_FALSE = frozenset({"0", "f", "F", "FALSE", "false", "False"})
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")  # fmt: skip
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
_NOT_CASCADED = frozenset({"kind", "path", "lang", "cascade"})
_NEGATION = "! "  # starts an excluding pattern of a glob slice
_T = TypeVar("_T")


class SiteConfigError(Exception):
    """A Hugo config file that cannot be parsed, or holds a value Hugo would reject."""

    def __init__(self, path: Path, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(path, message, line, column)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: {self.message}"


# --- Finding and parsing config files ------------------------------------------------


WORDS_FILE = ".mdcheck-words.txt"  # the site's own words, for heading-typo


def find_site_root(start: Path) -> Path | None:
    """The nearest directory at or above `start` (a file or directory) that is a Hugo site
    (see `_is_site`: a `config.*` file counts beside a site's folders only, as NumPy's
    `content/en/config.yaml`, a language's settings, is no site); else the nearest with a
    config file of either name."""
    start = Path(os.path.abspath(start))  # keeps symlinks, so paths below stay comparable
    if not start.is_dir():
        start = start.parent
    nearest = None
    for directory in (start, *start.parents):
        if _is_site(directory):
            return _site_of_theme(directory)
        if nearest is None and _root_config_file(directory) is not None:
            nearest = directory
    return nearest if nearest is None else _site_of_theme(nearest)


def _site_of_theme(directory: Path) -> Path:
    """The site whose `themes/` folder holds `directory`, a theme with a config file of its
    own (its README, staged with the site's pages, is no page of either: Hugo reads the
    site); else `directory` itself (a theme's own repository, its `exampleSite/`)."""
    parent = directory.parent
    if parent.name == "themes" and _is_site(parent.parent):
        return parent.parent
    return directory


# Folders not searched for a site below the one a run starts in: build output, dependencies.
_NOT_SEARCHED = frozenset({"node_modules", "public", "resources", "vendor", "_vendor", "site-packages"})
SITE_SEARCH_DEPTH = 3
# Beside a `config.*` file (a common name outside Hugo too), what makes its folder a site.
_SITE_FOLDERS = ("content", "layouts", "archetypes", "themes")


def find_sites_below(directory: Path, depth: int = SITE_SEARCH_DEPTH) -> list[Path]:
    """The Hugo sites in the folders below `directory`, at most `depth` levels down,
    shallowest first: a repository's `docs/` or `website/` site, a theme's `exampleSite/`.
    A site's own folders are not searched further; hidden folders, build output and
    dependencies are skipped. A `hugo.*` file or `config/_default/` makes a site, a
    `config.*` file only beside a `content` (or `layouts`, `archetypes`, `themes`) folder."""
    sites: list[Path] = []
    level = [directory]
    for _ in range(depth):
        below: list[Path] = []
        for folder in level:
            try:
                entries = sorted(entry for entry in folder.iterdir() if entry.is_dir() and not entry.is_symlink())
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith(".") or entry.name in _NOT_SEARCHED:
                    continue
                (sites if _is_site(entry) else below).append(entry)
        level = below
    return sites


def _is_site(directory: Path) -> bool:
    config = _root_config_file(directory)
    if config is not None and (config.stem == "hugo" or any((directory / name).is_dir() for name in _SITE_FOLDERS)):
        return True
    try:
        return any(_config_dir_files(directory / "config" / "_default"))
    except OSError:  # unreadable: not a site to check
        return False


def _root_config_file(directory: Path) -> Path | None:
    """The site's config file in `directory`: anything of its name, as Hugo takes it (one
    that is a folder or a named pipe is then reported as unreadable, as Hugo fails on it)."""
    for name in CONFIG_NAMES:
        for ext in CONFIG_EXTENSIONS:
            candidate = directory / f"{name}.{ext}"
            if candidate.exists():
                return candidate
    return None


def _config_dir_files(directory: Path) -> Iterator[Path]:
    """Config files below `directory` in Hugo's walk order (lexical, depth first)."""
    if not directory.is_dir():
        return
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        if entry.is_dir():
            yield from _config_dir_files(entry)
        elif entry.suffix[1:].lower() in CONFIG_EXTENSIONS:
            yield entry


def _parse_config_file(path: Path) -> dict[str, Any]:
    try:
        text = read_text(path, keep_lone_returns=True)
    except OSError as exc:
        raise SiteConfigError(path, f"cannot read config file: {(exc.strerror or str(exc)).lower()}") from exc
    except UnicodeError as exc:
        reason = getattr(exc, "reason", exc)
        raise SiteConfigError(path, f"cannot read config file: not valid UTF-8 ({reason})") from exc
    ext = path.suffix[1:].lower()
    if (lone := text.find("\r")) >= 0:
        if ext == "toml":
            line, column = text.count("\n", 0, lone) + 1, lone - text.rfind("\n", 0, lone)
            raise SiteConfigError(path, TOML_LONE_RETURN, line, column)
        text = text.replace("\r", "\n")  # a line end to YAML and JSON, as to Hugo
    try:
        if ext == "toml":
            data = _parse_toml(path, text)
        elif ext == "json":
            data = _parse_json(path, text)
        else:
            data = _parse_yaml(path, text)
    except RecursionError:
        raise SiteConfigError(path, f"the config nests tables more than {CONFIG_MAX_DEPTH} deep") from None
    except ValueError as exc:  # beyond the syntax: a number too long to read
        raise SiteConfigError(path, f"invalid {ext.upper()}: {data_error(exc)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SiteConfigError(path, "the config must be a mapping of keys to values", 1, 1)
    if _depth(data) > CONFIG_MAX_DEPTH:
        raise SiteConfigError(path, f"the config nests tables more than {CONFIG_MAX_DEPTH} deep")
    prepared: dict[str, Any] = _prepare(data)
    return prepared


def _parse_toml(path: Path, text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(exc), re.S)
        if match:
            raise SiteConfigError(path, f"invalid TOML: {match[1]}", int(match[2]), int(match[3])) from exc
        raise SiteConfigError(path, f"invalid TOML: {exc}") from exc


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SiteConfigError(path, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from exc


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        return load_yaml(text)[0]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if mark is None:
            raise SiteConfigError(path, f"invalid YAML: {problem}") from exc
        raise SiteConfigError(path, f"invalid YAML: {problem}", mark.line + 1, mark.column + 1) from exc


CONFIG_MAX_DEPTH = 100  # no real config comes near; Hugo itself gives up at 1,000


def _depth(value: Any) -> int:
    """How deep mappings and lists nest in `value`, found without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _prepare(value: Any) -> Any:
    """Lower-case every mapping key, as Hugo does: config keys are case-insensitive."""
    if isinstance(value, Mapping):
        return {_key(k): _prepare(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_prepare(v) for v in value]
    return value


def _key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key).lower()


# --- The merged configuration ----------------------------------------------------------


@dataclass
class _Config:
    """Merged config values, with the file each value came from (for error messages)."""

    data: dict[str, Any]
    origins: dict[tuple[str, ...], Path]
    files: list[Path]

    def merge(self, item: Mapping[str, Any], origin: Path) -> None:
        """Overwrite keys recursively, as Hugo's `config.Set("", …)`."""
        self._merge(self.data, item, origin, ())
        self.files.append(origin)

    def _merge(self, target: dict[str, Any], item: Mapping[str, Any], origin: Path, prefix: tuple[str, ...]) -> None:
        for key, value in item.items():
            path = (*prefix, key)
            if isinstance(value, dict) and isinstance(target.get(key), dict):
                self._merge(target[key], value, origin, path)
            else:
                target[key] = value
                self.origins[path] = origin

    def origin(self, keys: tuple[str, ...]) -> Path:
        """The file a value came from (that of its nearest table with one known)."""
        return next((self.origins[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.origins), self.files[0])

    def get(self, dotted: str) -> Any:
        value: Any = self.data
        walked: list[str] = []
        for part in dotted.split("."):
            if value is None:
                return None
            if not isinstance(value, dict):
                raise self.error(".".join(walked), "expected a table")
            walked.append(part)
            value = value.get(part)
        return value

    def error(self, dotted: str, message: str) -> SiteConfigError:
        parts = tuple(dotted.split("."))
        origin = self.origin(parts)
        return SiteConfigError(origin, f"{dotted}: {message}", _key_line(origin, parts[-1]))

    def boolean(self, dotted: str, default: bool) -> bool:
        value = self.get(dotted)
        if value is None:
            return default
        result = _weak_bool(value)
        if result is None:
            raise self.error(dotted, f"expected a boolean, got {value!r}")
        return result

    def string(self, dotted: str, default: str) -> str:
        value = self.get(dotted)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(dotted, f"expected a string, got {value!r}")
        return str(value)

    def folder(self, dotted: str, default: str) -> str:
        """A string naming a folder: one with a NUL character names none."""
        value = self.string(dotted, default)
        if "\0" in value:
            raise self.error(dotted, "holds a NUL character, which no folder name can")
        return value

    def integer(self, dotted: str, default: int) -> int:
        value = self.get(dotted)
        if value is None:
            return default
        try:
            return int(value)
        except (TypeError, ValueError, OverflowError):  # (an infinite float)
            raise self.error(dotted, f"expected an integer, got {value!r}") from None

    def table(self, dotted: str) -> dict[str, Any]:
        value = self.get(dotted)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(dotted, f"expected a table, got {value!r}")
        return value

    def strings(self, dotted: str) -> list[str]:
        value = self.get(dotted)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise self.error(dotted, f"expected a string or a list of strings, got {value!r}")


def _weak_bool(value: Any) -> bool | None:
    """A value as Hugo's weak decoding reads it into a bool; None when it cannot."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        if value == "" or value in _GO_FALSE:
            return False
        if value in _GO_TRUE:
            return True
    return None


def _key_line(path: Path, key: str) -> int | None:
    """The line where `key` is set in `path`, when it is set on exactly one line."""
    try:
        text = read_text(path)
    except (OSError, UnicodeError):
        return None
    pattern = re.compile(
        rf"""^[ \t-]*(?:[\w"'-]+\.)*["']?{re.escape(key)}["']?[ \t]*[=:]""", re.IGNORECASE | re.MULTILINE
    )
    matches = list(pattern.finditer(text))
    if len(matches) != 1:
        return None
    return text.count("\n", 0, matches[0].start()) + 1


def _load_config(directory: Path, environment: str) -> _Config:
    """The root config file, then `config/_default/` and `config/<environment>/` on top."""
    config = _Config({}, {}, [])
    root_file = _root_config_file(directory)
    if root_file is not None:
        config.merge(_parse_config_file(root_file), root_file)
    for sub in ("_default", environment):
        for path in _config_dir_files(directory / "config" / sub):
            config.merge(_config_dir_item(path, _parse_config_file(path)), path)
    return config


# Keys an environment variable sets to a list: comma-separated, else blank-separated, or a
# bracketed list (Hugo's `envStringToVal`).
_ENVIRONMENT_LISTS = frozenset({"disablekinds", "disablelanguages", "ignorefiles", "ignorelogs"})
# Tables Hugo decodes on their own: a variable naming one alone may set the whole table.
_DECODED_TABLES = frozenset({
    "imaging", "caches", "httpcache", "build", "frontmatter", "markup", "segments", "server", "minify",
    "contenttypes", "mediatypes", "outputs", "outputformats", "languages", "versions", "roles", "params",
    "module", "permalinks", "sitemap", "taxonomies", "related", "cascade", "menus", "page", "pagination",
    "privacy", "security", "services", "deployment", "author", "social", "uglyurls", "internal",
})  # fmt: skip
_NOT_READ = object()


def _set_from_environment(config: _Config, environ: Mapping[str, str]) -> None:
    """Set the keys the environment's `HUGO…` variables name, as Hugo 0.168's
    `applyOsEnvOverrides` does after reading the config files: the character after `HUGO`
    parts the keys (`HUGO_PARAMS_COLOR`, `HUGOxPARAMSxAPI_KEY`). A value the config has is
    replaced by the variable's read as that value's type (a number, a boolean, a list, a
    table), or as a string when it cannot be; a key it does not have is set to the string."""
    for name, text in environ.items():
        rest = name[4:] if name.startswith("HUGO") else ""
        if len(rest) < 2:
            continue
        keys = [key.lower() for key in rest[1:].split(rest[0])]
        origin = Path(f"${name}")
        owner, last, existing = _env_target(config.data, keys)
        value = _env_value(text, existing) if existing is not None else _NOT_READ
        if value is _NOT_READ:  # a string, or a whole table Hugo decodes on its own
            table = _env_table(text) if owner is None and len(keys) == 1 and keys[0] in _DECODED_TABLES else None
            value = text if table is None else table
        if isinstance(value, str) and len(keys) == 1 and keys[0] in _ENVIRONMENT_LISTS:
            value = _env_list(value)
        if owner is None:
            if not _set_dotted(config.data, keys, value):
                continue
        else:
            owner[last] = value
        config.origins[tuple(keys)] = origin


def _env_target(data: dict[str, Any], keys: list[str]) -> tuple[dict[str, Any] | None, str, Any]:
    """Hugo's `GetNestedParamFn`: the table that holds (or would hold) the last key, when all
    the keys before it name tables the config has, the last key, and its value; at the top,
    no table (the key is set as a dotted one)."""
    first = data.get(keys[0])
    if first is None:
        return None, "", None
    if len(keys) == 1:
        return None, keys[0], first
    table = first
    for depth, key in enumerate(keys[1:], 1):
        if not isinstance(table, dict):
            return None, "", None
        if key not in table:
            return (table, key, None) if depth == len(keys) - 1 else (None, "", None)
        if depth == len(keys) - 1:
            return table, key, table[key]
        table = table[key]
    return None, "", None


def _env_value(text: str, existing: Any) -> Any:
    """A variable's text read as the type of the value it replaces (Hugo's
    `UnmarshalStringTo`), `_NOT_READ` when it cannot be."""
    text = text.strip()
    if isinstance(existing, str):
        return text
    if isinstance(existing, dict):
        table = _env_table(text)
        return _NOT_READ if table is None else table
    if isinstance(existing, list):
        try:
            return load_yaml(text)[0]
        except (ValueError, yaml.YAMLError, RecursionError):
            return _NOT_READ
    if isinstance(existing, bool):
        return _weak_bool(text) if text in _GO_TRUE or text in _GO_FALSE else _NOT_READ
    if isinstance(existing, int):
        number = re.sub(r"\.0+$", "", text)  # Go's base-0 reading: 0x1f, 0o17, 017, 1_000
        with contextlib.suppress(ValueError):
            return int(number, 8) if re.fullmatch(r"[+-]?0[0-7_]+", number) else int(number, 0)
        return _NOT_READ
    if isinstance(existing, float):
        try:
            return float(text)
        except ValueError:
            return _NOT_READ
    return _NOT_READ


def _env_table(text: str) -> dict[str, Any] | None:
    """A table written in a variable: JSON, YAML or TOML, as its first `{`, `:` or `=` says."""
    marks = {mark: text.find(mark) for mark in ",{:<="}
    found = sorted((at, mark) for mark, at in marks.items() if at >= 0)
    if not found or found[0][1] in ",<":
        return None
    try:
        if found[0][1] == "{":
            data = json.loads(text)
        elif found[0][1] == ":":
            data = load_yaml(text)[0]
        else:
            data = tomllib.loads(text)
        return _prepare(data) if isinstance(data, dict) and _depth(data) <= CONFIG_MAX_DEPTH else None
    except (ValueError, yaml.YAMLError, RecursionError):
        return None


def _env_list(text: str) -> Any:
    """Hugo's `envStringToVal` for a list key: a bracketed YAML list, else the parts between
    commas, else those between blanks."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        with contextlib.suppress(ValueError, yaml.YAMLError, RecursionError):
            return load_yaml(text)[0]
    return text.split(",") if "," in text else text.split()


def _set_dotted(data: dict[str, Any], keys: list[str], value: Any) -> bool:
    """Hugo's `Set` of a dotted key: tables made where missing, a table value merged into
    the table there; False, setting nothing, when a key on the way holds no table."""
    table = data
    for key in keys[:-1]:
        table = table.setdefault(key, {})
        if not isinstance(table, dict):
            return False
    current = table.get(keys[-1])
    if isinstance(current, dict) and isinstance(value, dict):
        _set_params(current, value)
    else:
        table[keys[-1]] = value
    return True


def _set_params(table: dict[str, Any], values: Mapping[str, Any]) -> None:
    """Hugo's `SetParams`: `values` set into `table`, tables on both sides in turn."""
    for key, value in values.items():
        if isinstance(table.get(key), dict) and isinstance(value, dict):
            _set_params(table[key], value)
        else:
            table[key] = value


# --- Themes' and modules' config ---------------------------------------------------------
#
# Hugo merges each theme's (and imported module's) config into the project's, in import
# order, key by key as each table's merge strategy (`_merge`: none, shallow or deep) says:
# by default `params` deep, `menus`, `outputFormats` and `mediaTypes` shallow, others none;
# a table inherits its parent's strategy, and a project may set its own (`[markup] _merge =
# "shallow"` takes a theme's Goldmark settings). Hugo 0.168's `config.Merge`.

_MERGE = "_merge"
_STRATEGIES = ("none", "shallow", "deep")
_SET_TO_MERGE = (("shallow", True), ("deep", True))  # `_strategy` of a table the config sets to merge


def _strategy(table: Mapping[str, Any]) -> tuple[str, bool]:
    """A table's merge strategy, and whether it is set (`shallow` when it is not)."""
    value = table.get(_MERGE)
    if isinstance(value, str) and value.lower() in _STRATEGIES:
        return value.lower(), True
    return "shallow", False


def _default_strategy(keys: tuple[str, ...], inherited: str) -> str:
    """The strategy a table at `keys` gets when the config does not set one."""
    key, under_root = keys[-1], len(keys) == 1
    if key == "params":
        return "deep"
    if key in ("outputformats", "mediatypes") and under_root:
        return "shallow"
    if key == "menus" and (under_root or (len(keys) == 3 and keys[0] == "languages")):
        return "shallow"
    if key in ("outputformats", "mediatypes", "menus"):
        return inherited
    return inherited or "none"


def _set_default_strategies(table: dict[str, Any], keys: tuple[str, ...] = ()) -> None:
    """Give every table below the root that sets no strategy its default, top down."""
    for key, value in table.items():
        if isinstance(value, dict):
            path = (*keys, key)
            if not _strategy(value)[1]:
                strategy, found = _strategy(table)
                strategy = _default_strategy(path, strategy if found or keys else "")
                if strategy:
                    value[_MERGE] = strategy
            _set_default_strategies(value, path)


def _is_zero(table: Mapping[str, Any]) -> bool:
    return not table or (len(table) == 1 and _MERGE in table)


def _merge_module(config: _Config, module: _Config) -> None:
    """Merge a theme's or module's config into `config`, whose tables have their strategies."""
    root = config.data
    strategy, found = _strategy(root)
    if found and strategy == "none":
        return
    emptied = []
    for key, value in module.data.items():
        if not isinstance(value, dict):
            continue
        if key in root:
            if isinstance(root[key], dict):
                _merge_table(config, module, root[key], value, "", (key,))
        else:
            table: dict[str, Any] = {}
            default = _default_strategy((key,), strategy if found else "")
            if default:
                table[_MERGE] = default
            _merge_table(config, module, table, value, "", (key,))
            root[key] = table
            if _is_zero(table):
                emptied.append(key)
    # Then the rest: the root's own keys are taken only when it says to (`_merge = "deep"`).
    _merge_table(config, module, root, module.data, strategy, ())
    for key in emptied:
        del root[key]


def _merge_table(
    config: _Config, module: _Config, table: dict[str, Any], incoming: Mapping[str, Any], inherited: str,
    keys: tuple[str, ...],
) -> None:
    """Hugo's `Params.merge`: new keys are taken unless the strategy is none, or the parent's
    is shallow; tables on both sides are merged in turn."""
    own, found = _strategy(table)
    strategy = own if found or not inherited else inherited
    no_update = strategy == "none" or inherited == "shallow"
    for key, value in incoming.items():
        if key == _MERGE:
            continue
        path = (*keys, key)
        if key in table:
            current = table[key]
            if isinstance(current, dict) and isinstance(value, dict):
                _merge_table(config, module, current, value, strategy, path)
            elif isinstance(current, dict) and _is_zero(current) and _strategy(current) in _SET_TO_MERGE:
                table[key] = value  # an empty table set to merge takes what a theme has there
                config.origins[path] = module.origin(path)
        elif not no_update:
            table[key] = value
            config.origins[path] = module.origin(path)


def _without_strategies(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_strategies(item) for key, item in value.items() if key != _MERGE}
    return value


def _config_dir_item(path: Path, item: dict[str, Any]) -> dict[str, Any]:
    """Place a `config/_default/` file's content under the key its name gives."""
    name = path.name.rsplit(".", 1)[0]
    if name in CONFIG_NAMES:
        return item
    base, dot, lang = name.rpartition(".")
    if not dot:
        base, lang = name, ""
    base = base.lower()
    keys = [base]
    if lang:
        keys = ["languages", lang.lower()]
        if base in ("menu", "menus"):
            keys.append("menus")
        elif base == "params":
            keys.append("params")
    value: Any = item[base] if len(item) == 1 and base in item else item
    for key in reversed(keys[1:]):
        value = {key: value}
    return {keys[0]: value}


# --- Building SiteConfig -------------------------------------------------------------------


# Content in no Hugo site: Hugo's defaults, but for the templates, which are elsewhere (see load_site)
OUTSIDE_A_SITE = SiteConfig(title_h1=None)


def load_site(start: Path, environ: Mapping[str, str] | None = None) -> SiteConfig:
    """The configuration of the Hugo site containing `start`, as `hugo` would build it in
    the environment `environ` (the process's by default): its `HUGO_ENVIRONMENT` (or
    `HUGO_ENV`, else production) picks the config folder, its `HUGO…` variables set keys.

    Without any Hugo config above `start`, Hugo's defaults (`root` is None), but for the
    templates: the content is a site's whose config and layouts are elsewhere (a product's
    docs folder), so whether they print the title as an `<h1>` is not known.
    Raises SiteConfigError for an unreadable config or a value Hugo would reject.
    """
    root = find_site_root(start)
    if root is None:
        return OUTSIDE_A_SITE
    environ = os.environ if environ is None else environ
    environment = environ.get("HUGO_ENVIRONMENT") or environ.get("HUGO_ENV") or "production"
    config = _load_config(root, environment)
    _set_from_environment(config, environ)
    try:
        return _site(root, config, environment)
    except OSError as exc:  # a folder the config names cannot be read (a name too long ...)
        where = f"cannot read {exc.filename}: " if exc.filename else "cannot read the site: "
        raise SiteConfigError(root, where + (exc.strerror or str(exc)).lower()) from exc


def _site(root: Path, config: _Config, environment: str) -> SiteConfig:
    config, ignored = _without_ignored_values(config)
    _refuse_what_hugo_refuses(config)
    themes = tuple(config.strings("theme"))
    themes_dir = config.folder("themesdir", "themes")
    # A theme's example site is built from within the theme, with --themesDir ../..
    home = None if config.get("themesdir") is not None else root.parent
    found = _module_dirs(root, config, themes, root / themes_dir, environment, home)
    module_dirs, modules, missing_components = found.found, found.configs, found.missing_components
    # Templates (shortcodes, render hooks, page templates) a missing theme or module may hold
    templates_missing = "layouts" in missing_components
    theme_notes = [
        f"theme {name!r} read from the folder its example site is in, as `hugo --themesDir ../..` finds it"
        for name in themes if home is not None and home in module_dirs and _is_example_site_of(root, name)
    ]
    config, missing_unsafe = _with_modules(config, modules, templates_missing)
    pinned = _pinned_hugo(root)
    written_after = _written_after_hugo(root)
    content_dir = config.folder("contentdir", "content")
    languages, default_language = _languages(config, content_dir, environment)
    _refuse_the_filesystem_root(config, root, content_dir, languages)
    content_mounts = _content_mounts(config, root, languages, default_language)
    ugly, ugly_sections = _ugly_urls(config)
    own_layouts, missing_layouts = _layout_roots(config, root)
    templates_missing = templates_missing or bool(missing_layouts)
    # Link and image hooks a missing theme may hold: none when every one missing is known to have none
    link_hooks_missing = bool(missing_layouts) or (
        "layouts" in missing_components and not _without_link_hooks(found.missing)
    )
    layout_dirs = [*own_layouts, *((d / "layouts", ()) for d in module_dirs if d not in found.without_layouts)]
    layouts = _Layouts.of(layout_dirs, _param_truth(config.get("params"), not found.missing))
    math_in_scripts = _scripts_name_math([root, *module_dirs])
    redirect_templates = layouts.redirect_templates(config)
    title_h1, title_h1_folders = layouts.title_h1_templates()
    page_templates = _page_templates(layouts)
    templates = _shortcode_templates(layout_dirs)
    texts = {name: [layouts.text(file) for file in files] for name, files in templates.items()}
    texts = {name: [_through_partials(text, layouts) for text in found] for name, found in texts.items()}
    texts = {name: [text + _inner_through_variables(text) for text in found] for name, found in texts.items()}
    texts.update((name, [text]) for name, text in EMBEDDED_TEXTS.items() if name not in texts)
    id_sources = {name: written_ids(found) for name, found in texts.items()}
    id_forms, ids_known, any_id_types = layouts.page_id_forms()
    text_templates = _text_templates(templates, layouts)
    translated = any(template_text.uses_translations(template_text.read(text) or ()) for text in text_templates.values())
    translations = _translations(root, config, module_dirs, modules, default_language) if translated else {}
    site = SiteConfig(
        root=root,
        config_files=tuple(config.files),
        environment=environment,
        content_dir=content_dir,
        content_mounts=content_mounts,
        static_dirs=_static_dirs(root, config, module_dirs, modules, languages),
        static_dirs_all="static" not in missing_components,
        asset_dirs=None
        if "assets" in missing_components
        else _component_dirs(root, config, module_dirs, modules, "assets"),
        module_content=tuple(sorted({
            *(folder for directory, module in zip(module_dirs, modules) for folder in _module_content(directory, module)),
            *found.missing_content,
        })),
        pagination_path=config.string("pagination.path", "") or config.string("paginatepath", "page"),
        publish_dir=config.folder("publishdir", "public"),
        base_url=config.string("baseurl", ""),
        ugly_urls=ugly,
        ugly_url_sections=ugly_sections,
        permalinks=_permalinks(config, environment),
        languages=tuple(_with_own_markup(lang, config, missing_unsafe, layouts) for lang in languages),
        default_language=default_language,
        locale=config.string("locale", "") or config.string("languagecode", ""),
        default_language_in_subdir=config.boolean("defaultcontentlanguageinsubdir", False),
        disabled_languages=_disabled_languages(config),
        themes=themes,
        themes_dir=themes_dir,
        markup=_site_markup(config, missing_unsafe, layouts),
        allow_content=(
            tuple(config.strings("security.allowcontent"))
            if config.get("security.allowcontent") is not None
            else SiteConfig.allow_content
        ),
        enable_inline_shortcodes=(
            config.boolean("security.enableinlineshortcodes", False) or config.boolean("enableinlineshortcodes", False)
        ),
        ref_links_error_level="WARNING" if config.string("reflinkserrorlevel", "").lower() == "warning" else "ERROR",
        date_sources=_date_sources(config.strings("frontmatter.date")),
        ref_links_not_found_url=config.string("reflinksnotfoundurl", ""),
        disable_path_to_lower=config.boolean("disablepathtolower", False),
        disable_aliases=config.boolean("disablealiases", False),
        ignore_files=tuple(config.strings("ignorefiles")),
        disabled_kinds=_disabled_kinds(config),
        build_drafts=config.boolean("builddrafts", False),
        build_future=config.boolean("buildfuture", False),
        build_expired=config.boolean("buildexpired", False),
        canonify_urls=config.boolean("canonifyurls", False),
        relative_urls=config.boolean("relativeurls", False),
        remove_path_accents=config.boolean("removepathaccents", False),
        taxonomies=_taxonomies(config),
        cascade=_cascade_config(config),
        joining_paths=_joining_paths(config),
        params=tuple(sorted(printed_params(config.get("params")).items())),
        shortcodes=frozenset(templates),
        shortcodes_unmounted=_unmounted_shortcodes(root, found.without_layouts, templates),
        # (Hugo reads the whole template for `.Inner`, a branch a site param turns off too)
        shortcodes_with_inner=_shortcodes_whose(_USES_INNER.search, texts) | frozenset(
            name for name, files in templates.items()
            if any(_USES_INNER.search(layouts.written_text(file)) for file in files)
        ),
        shortcodes_testing_addresses=_shortcodes_whose(_TESTS_ADDRESS.search, texts),
        shortcodes_named_only=frozenset(
            name for name, found in texts.items() if found and all(_reads_named_only(text) for text in found)
        ),
        shortcodes_with_ids=frozenset(name for name, sources in id_sources.items() if sources is None),
        shortcode_id_prefixes=tuple((name, ids[0]) for name, ids in sorted(id_sources.items()) if ids and ids[0]),
        shortcode_id_parameters=tuple((name, ids[1]) for name, ids in sorted(id_sources.items()) if ids and ids[1]),
        shortcode_ref_parameters=tuple(
            (name, parameter, function)
            for name, found in sorted(texts.items())
            for parameter, function in sorted(_ref_parameters(found), key=str)
        ),
        shortcode_url_parameters=tuple(
            (name, parameter, attribute)
            for name, found in sorted(texts.items())
            for parameter, attribute in sorted(_url_parameters(found), key=str)
        ),
        shortcodes_rendering_markdown=_shortcodes_whose(_RENDERS_MARKDOWN.search, texts),
        shortcodes_rendering_inner=frozenset(
            name for name, found in texts.items() if found and all(map(_RENDERS_INNER.search, found))
        ),
        shortcodes_rendering_inner_in_page=frozenset(
            name for name, found in texts.items() if found and all(map(_renders_inner_in_page, found))
        ),
        shortcodes_without_headings=frozenset(texts) - _shortcodes_whose(_may_write_heading, texts),
        shortcode_texts=tuple(sorted(text_templates.items())),
        translations=tuple(
            (language, tuple(sorted(table.items()))) for language, table in sorted((translations or {}).items())
        ),
        translations_known=translations is not None and "i18n" not in missing_components,
        shortcodes_legacy=_shortcodes_whose(_LEGACY.search, texts),
        shortcodes_printing_inner=frozenset(
            name for name, found in texts.items()
            if found and all(map(_prints_inner_as_text, found)) and not _OTHER_LANGUAGE.search(name)
            and not any(map(_OTHER_LANGUAGE_CLASS.search, found))
        ),
        shortcodes_opening_html_block=_html_block_openings(texts, _html_block_opening),
        shortcodes_closing_html_block=_html_block_openings(texts, _html_block_after),
        output_base_names=_output_base_names(config.get("outputformats")),
        output_formats=frozenset() if templates_missing else _output_formats(config.get("outputformats")),
        shortcodes_rewriting_inner=_shortcodes_whose(_rewrites_inner, texts),
        shortcodes_without_html=frozenset(texts) - _shortcodes_whose(_MAY_WRITE_HTML.search, texts),
        shortcodes_writing_html=frozenset(
            name for name, found in texts.items() if found and all(map(writes_html, found))
        ) | (frozenset() if templates_missing else EMBEDDED_WRITING_HTML - frozenset(templates)),
        render_hooks=layouts.hooks("render-link", "render-image", unknown=link_hooks_missing)
        + layouts.hooks("render-blockquote", "render-heading", unknown=templates_missing),
        hook_filters=layouts.hook_filters("render-link", "render-image", unknown=link_hooks_missing),
        link_hooks_move_fragments=layouts.link_hooks_move_fragments(),
        link_hook_specials=layouts.link_hook_specials(),
        missing_modules=tuple(found.missing),
        missing_layout_mounts=missing_layouts,
        server_redirects=_server_redirects(
            root, _hosts(config.string("baseurl", ""), *(lang.base_url for lang in languages))
        ) + _vercel_redirects(root),
        written_after_hugo=written_after,
        missing_components=missing_components,
        config_notes=(
            *_removed_keys_notes(config, root, pinned),
            *theme_notes,
            *_home_bundle_notes(root, (content_dir, *(language.content_dir for language in languages))),
            *(_nested_content_dir_notes(languages) if not content_mounts else ()),
            *_id_type_notes(config),
            *ignored,
        ),
        # Hugo builds an example site from within its theme with `--themesDir ../..`
        build_themes_dir=str(root.parent.parent) if theme_notes else None,
        pinned_hugo=pinned,
        unsafe_from_missing_module=missing_unsafe,
        math_renderer=templates_missing
        or layouts.loads_math_renderer()
        or _params_name_math(config.get("params"))
        or math_in_scripts,
        math_in_scripts=math_in_scripts,
        # No page template: a theme's would be used. If it is missing, whether it prints the
        # title as an `<h1>` is unknown: the level-1 headings are not judged.
        title_h1=True if title_h1 is None and not templates_missing else title_h1,
        title_h1_folders=title_h1_folders,
        # (a type's own templates tell of its pages, without a template for any page too)
        title_h1_types=_title_h1_by_type(page_templates) if title_h1 or (title_h1 is None and not templates_missing)
        else (),
        # (a missing theme's templates may be the ones used)
        fixed_ids_by_type=() if templates_missing else _fixed_ids_by_type(page_templates),
        reads_files_by_type=tuple((page.kind, _reads_files(text for text, _ in page.texts)) for page in page_templates),
        content_markdownified_by_type=_content_markdownified_by_type(root, page_templates),
        rewrites_addresses_by_type=tuple(
            (page.kind, frozenset(found[1] for text, _ in page.texts for found in _REWRITES_ADDRESSES.finditer(text)))
            for page in page_templates
        ),
        layout_ids=layouts.page_ids(),
        layout_id_forms=id_forms,
        layout_ids_known=ids_known,
        any_id_types=any_id_types,
        data_dirs=tuple(
            str(folder) for folder in (root / "data", *(d / "data" for d in module_dirs)) if folder.is_dir()
        ),
        layout_dirs=tuple(str(folder) for folder, below in layout_dirs if not below and folder.is_dir()),
        image_hook_alt=layouts.image_hook_alt(),
        rendered_params=layouts.rendered_params(),
        alias_drops_fragment=not templates_missing and layouts.alias_drops_fragment(),
        redirect_templates=redirect_templates,
        aliases_redirected=any(writes_alias_rules(layouts.text(Path(path))) for path in redirect_templates),
        user_words=_user_words(root / WORDS_FILE),
    )
    return dataclasses.replace(site, content_adapters=_content_adapters(site))


def _content_adapters(site: SiteConfig) -> tuple[str, ...]:
    """The content paths of the folders that hold a content adapter (`_content.gotmpl`)."""
    found: set[str] = set()
    for root in content_roots(site):
        if root.path.is_dir():
            for adapter in root.path.rglob("_content.gotmpl"):
                folder = adapter.parent.relative_to(root.path).as_posix()
                found.add(posixpath.join(root.target, folder).strip("/.") if folder != "." else root.target.strip("/"))
    return tuple(sorted(found))


def _user_words(path: Path) -> tuple[str, ...]:
    """The words of a `.mdcheck-words.txt`: whitespace-separated, `#` starts a comment."""
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return ()
    return tuple(word for line in text.splitlines() for word in line.split("#", 1)[0].split())


def _refuse_the_filesystem_root(config: _Config, root: Path, content_dir: str, languages: tuple[Language, ...]) -> None:
    """Raise SiteConfigError when a component folder is the filesystem's root
    (`contentDir = "/"`, a language's, `layoutDir`, `staticDir`…, any mount's source):
    Hugo 0.168 panics ("invalid root mapping"), and a walk of the whole filesystem would
    never end."""
    folders = [
        ("contentdir", content_dir),
        *((f"languages.{language.code}.contentdir", language.content_dir) for language in languages),
        *((key, folder) for key in _COMPONENT_FOLDER_KEYS for folder in _strings_among(config.get(key))),
        *(("module.mounts", str(mount.get("source", ""))) for mount in _tables(config, "module.mounts")),
    ]
    for dotted, folder in folders:
        if not folder.strip() or "\0" in folder:
            continue  # no folder: Hugo's default, or none mounted
        path = Path(os.path.abspath(root / folder.strip()))
        if path == Path(path.anchor):
            raise config.error(dotted, f"{folder!r} is the filesystem's root, where Hugo stops (invalid root mapping)")


def _strings_among(value: object) -> list[str]:
    """The strings of a value that is one or a list (`staticDir = ["static", "assets2"]`)."""
    return [item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)]


# The folders of the components other than content, as the config names them.
_COMPONENT_FOLDER_KEYS = ("layoutdir", "staticdir", "assetdir", "datadir", "i18ndir", "archetypedir")


def _content_mounts(
    config: _Config, root: Path, languages: tuple[Language, ...], default: str
) -> tuple[ContentMount, ...]:
    """The project's content mounts, as Hugo applies `module.mounts`.

    A mount whose target is `content` or a path below it (`content/docs`, or a single file
    such as `content/changelog.md`) takes its source's files there. Any such mount replaces
    the default mounts of `contentDir`, as in Hugo: the project's `content` then counts only
    if a mount names it. `sites.matrix.languages` (a glob slice, or the older `lang`) says
    whose content it is (the default language's when not set); `files` (or the older
    `includeFiles` and `excludeFiles`) which files it mounts. A mount for no configured
    language, or whose source does not exist, mounts nothing but still replaces the
    defaults, as in Hugo. A value of the wrong type leaves the mount out; none is raised.
    """
    codes = tuple(lang.code for lang in languages) or (default,)
    found = (_content_mount(entry, root, codes, default) for entry in _tables(config, "module.mounts"))
    return tuple(mount for mount in found if mount is not None)


# Mount keys Hugo 0.153 removed: Hugo 0.168 fails the build on them.
# The keys of a mount Hugo 0.153 removed (it stops the build on them), with what replaced each
_REMOVED_MOUNT_KEYS = {
    "includefiles": ("includeFiles", "`files`"), "excludefiles": ("excludeFiles", "`files`"),
    "lang": ("lang", "`sites.matrix`"),
}  # fmt: skip


def _home_bundle_notes(root: Path, content_dirs: Iterable[str]) -> tuple[str, ...]:
    """A line on each `index.md` at a content folder's root: it makes the home page a leaf
    bundle, and Hugo publishes no other page (it warns, checked with hugo 0.168)."""
    found = [
        f"{folder}/{name}" for folder in dict.fromkeys(content_dirs) for name in ("index.md", "index.markdown")
        if (root / folder / name).is_file()
    ]  # fmt: skip
    return tuple(
        f"{path} makes the home page a leaf bundle: Hugo publishes no other page of the site (their files are "
        "its resources); rename it _index.md"
        for path in found
    )


def _nested_content_dir_notes(languages: Sequence[Language]) -> tuple[str, ...]:
    """A line on each language's contentDir inside another's: Hugo reads its files for
    both (lotusdocs' example: `content` for en, `content/fr` for fr: each fr page is an en
    page at /fr/… too, two pages at one URL; checked with hugo 0.168, `--printPathWarnings`)."""
    notes = []
    for inner in languages:
        for outer in languages:
            folder = outer.content_dir.rstrip("/") + "/"
            if inner.content_dir.startswith(folder):
                below = inner.content_dir[len(folder) :]
                notes.append(
                    f"the contentDir of language {inner.code!r} ({inner.content_dir}) is inside that of {outer.code!r} "
                    f"({outer.content_dir}): Hugo makes each of its files a page of {outer.code!r} too, under "
                    f"{below}/ (at its {inner.code!r} page's URL when the folder is named for the language); give "
                    f"{outer.code!r} a contentDir of its own"
                )
    return tuple(notes)


def _removed_keys_notes(config: _Config, root: Path, pinned: tuple[str, str] | None) -> tuple[str, ...]:
    """Summary lines on the removed keys the config uses, which mdcheck still reads."""
    notes = []
    entries = _tables(config, "module.mounts")
    used = [names for key, names in _REMOVED_MOUNT_KEYS.items() if any(key in entry for entry in entries)]
    if used:
        where = display_path(config.origin(("module", "mounts")), root)
        instead = " and ".join(dict.fromkeys(replacement for _, replacement in used))
        notes.append(
            f"{where}: module.mounts {' and '.join(f'`{name}`' for name, _ in used)}: removed in Hugo 0.153, "
            f"later versions fail the build; use {instead} (mdcheck reads them as Hugo 0.152 did)"
            + removed_since(pinned, "0.153.0")
        )
    if cascades_removed_build(config.get("cascade")):
        notes.append(
            f"{display_path(config.origin(('cascade',)), root)}: cascade `_build`: removed in Hugo 0.145, later "
            "versions fail the build; rename it `build`" + removed_since(pinned, "0.145.0")
        )
    for hook in ("link", "image"):
        keys = ("markup", "goldmark", "renderhooks", hook, "enabledefault")
        if config.get(".".join(keys)) is not None:
            notes.append(
                f"{display_path(config.origin(keys), root)}: markup.goldmark.renderHooks.{hook}.enableDefault: "
                "removed in Hugo 0.148, later versions fail the build; use `useEmbedded` (\"fallback\" for true)"
                + removed_since(pinned, "0.148.0")
            )
    return tuple(notes)


def cascades_removed_build(cascade: Any) -> bool:
    """Whether a `cascade` (a table or a list of them, in the config or front matter) gives
    pages `_build`, which Hugo 0.145 removed: Hugo 0.168 fails the build on it (after writing the pages)."""
    entries = cascade if isinstance(cascade, list) else [cascade]
    return any(isinstance(entry, Mapping) and any(str(key).lower() == "_build" for key in entry) for entry in entries)


# A Hugo version pinned for a deployment: Netlify's `HUGO_VERSION = "0.107.0"`, a GitHub
# workflow's `hugo-version: '0.128.0'` (peaceiris/actions-hugo) or `HUGO_VERSION:`, and the
# npm package that ships the binary (`"hugo-extended": "^0.99.1"` in a package.json: grpc.io's)
_HUGO_PIN = re.compile(
    r"""(?:\b(?:HUGO_VERSION|hugo-version)["']?\s*[=:]\s*["']?|"hugo-extended"\s*:\s*"[~^=>\s]*)v?(\d+\.\d+(?:\.\d+)?)\b"""
)
_PIN_FILES = ("netlify.toml", ".github/workflows/*.yml", ".github/workflows/*.yaml", "package.json", "Makefile")


def _deployment_files(root: Path) -> Iterator[tuple[Path, str]]:
    """The files that deploy the site, with their text: `netlify.toml`, GitHub workflows,
    `package.json` and a `Makefile` (buildpacks' runs Pagefind), in the site's folder or the
    repository's above it (up to its `.git`), nearest first."""
    folder = root
    for _ in range(4):
        for pattern in _PIN_FILES:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    yield path, _file_text(path)
        if (folder / ".git").exists() or folder.parent == folder:
            return
        folder = folder.parent


def _pinned_hugo(root: Path) -> tuple[str, str] | None:
    """The Hugo version the site's deployment pins, and the file that pins it: the first
    `HUGO_VERSION` of a `netlify.toml` or a GitHub workflow, a workflow's `hugo-version`, or
    a package.json's `hugo-extended` (see `_deployment_files`)."""
    for path, text in _deployment_files(root):
        if match := _HUGO_PIN.search(text):
            return match[1], os.path.relpath(path, root).replace(os.sep, "/")
    return None


# Pagefind run on the built site (`npx pagefind --site public`), and the folder it writes
_PAGEFIND = re.compile(r"\bpagefind(?:@[\w.^~-]+)?\b[^\n&;|]*?--(?:site|source)\b[^\n&;|]*")
_OUTPUT_SUBDIR = re.compile(r"--output-subdir[=\s]+[\"']?([\w./-]+)")


def _written_after_hugo(root: Path) -> tuple[str, ...]:
    """The folders of the publish dir that a deployment writes after Hugo: Pagefind's index
    (`pagefind/`, or its `--output-subdir`)."""
    found = []
    for _, text in _deployment_files(root):
        for run in _PAGEFIND.finditer(text):
            subdir = _OUTPUT_SUBDIR.search(run[0])
            found.append(subdir[1].strip("/").split("/", 1)[0] if subdir else "pagefind")
    return tuple(dict.fromkeys(name for name in found if name and name != ".."))


def _content_mount(
    entry: Mapping[str, Any], root: Path, codes: tuple[str, ...], default: str
) -> ContentMount | None:
    source, target = entry.get("source"), entry.get("target")
    if not isinstance(source, str) or not source.strip() or not isinstance(target, str) or "\0" in source:
        return None
    component, *place = _go_clean(target.replace("\\", "/")).split("/")
    source = _go_clean(source.replace("\\", "/"))
    if component != "content" or (not place and _is_file(root / source)):
        return None
    languages = _mount_languages(entry, codes, default)
    # The older keys as Hugo reads them: after `files`, includes, then excludes.
    files = (
        *_glob_list(entry.get("files")),
        *_glob_list(entry.get("includefiles")),
        *(_NEGATION + pattern for pattern in _glob_list(entry.get("excludefiles"))),
    )
    return ContentMount(source, tuple(place), languages, files, _is_file(root / source))


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # e.g. a NUL character in the path
        return False


def _mount_languages(entry: Mapping[str, Any], codes: tuple[str, ...], default: str) -> tuple[str, ...]:
    """The languages among `codes` a content mount is for: the glob slice of its
    `sites.matrix.languages`, with the older `lang` added to it, as Hugo does."""
    sites = entry.get("sites")
    matrix = sites.get("matrix") if isinstance(sites, dict) else None
    patterns = [
        *_glob_list(matrix.get("languages") if isinstance(matrix, dict) else None),
        *_glob_list(entry.get("lang")),
    ]
    if not patterns:
        return (default,)
    return tuple(code for code in codes if _in_glob_slice(patterns, code))


def _glob_list(value: Any) -> list[str]:
    """A string or a list of them (as Hugo decodes either), lower-cased and trimmed."""
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [text for text in (str(v).strip().lower() for v in values if isinstance(v, str | int | float)) if text]


def _in_glob_slice(patterns: Iterable[str], value: str) -> bool:
    """Whether a glob slice admits `value`: no `! ` pattern matches it and, when there
    are others, one of them does."""
    positive = [p for p in patterns if not p.startswith(_NEGATION)]
    if any(_glob(p[len(_NEGATION) :]).match(value) for p in patterns if p.startswith(_NEGATION)):
        return False
    return not positive or any(_glob(p).match(value) for p in positive)


_MATH_RENDERER = re.compile(r"katex|mathjax", re.IGNORECASE)


def _params_name_math(params: Any) -> bool:
    """Whether a string or key of the site's params names KaTeX or MathJax: HTML a theme
    prints in the page's head (gokarna's `customHeadHTML`), a switch (`math = "katex"`), or
    a table of settings (toha's `[params.features.math.services.katex]`)."""
    values = [params]
    while values:  # no recursion: params may nest deep
        value = values.pop()
        if isinstance(value, Mapping):
            if any(isinstance(key, str) and _MATH_RENDERER.search(key) for key in value):
                return True
            values.extend(value.values())
        elif isinstance(value, list):
            values.extend(value)
        elif isinstance(value, str) and _MATH_RENDERER.search(value):
            return True
    return False
_SCRIPTS = (".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx")
_SCRIPT_BYTES = 20_000_000  # read in all, at most: a theme's own scripts, not every vendored library


def _scripts_name_math(components: Sequence[Path]) -> bool:
    """Whether a script in the assets of the site or of a theme or module names KaTeX or
    MathJax: a bundle Hugo builds (`js.Build`) that renders `$$…$$` in the browser (toha's
    `features/math/katex.js`), which the pages load by a fingerprinted name alone."""
    folders = [component / "assets" for component in components]
    return any(
        _MATH_RENDERER.search(path) or _MATH_RENDERER.search(text)
        for path, text in texts_under(folders, _SCRIPTS, _SCRIPT_BYTES)
    )


# An `id` attribute whose value is fixed text: no template action in it
_FIXED_ID = re.compile(r"""(?<![\w-])id\s*=\s*(?:"([^"{}<>\s]+)"|'([^'{}<>\s]+)'|([^"'{}<>\s=`]+)(?=[\s/>]))""", re.I)


@dataclass
class _Layouts:
    """The template files of the site's and its themes' layouts folders, listed once, each
    read at most once, for what mdcheck learns from them: as the site's params make them
    (see `_specialized`)."""

    files: list[tuple[Path, tuple[str, ...]]]  # (file, its folders below its layouts folder)
    texts: dict[Path, str] = field(default_factory=dict)
    written: dict[Path, str] = field(default_factory=dict)  # as in the file (see `written_text`)
    param_truth: Callable[[str], bool | None] = lambda key: None  # see `_param_truth`

    @classmethod
    def of(cls, layout_dirs: list[LayoutRoot], param_truth: Callable[[str], bool | None]) -> _Layouts:
        files = [
            (path, (*below, *path.relative_to(folder).parts[:-1]))
            for folder, below in layout_dirs
            if folder.is_dir()
            for path in folder.rglob("*")
        ]  # fmt: skip
        return cls(files, param_truth=param_truth)

    @functools.cached_property
    def used(self) -> dict[str, Path]:
        """The file Hugo uses at each place below `layouts` (`_markup/render-link.html`): of
        several, the first folder's (the project's before a later mount's or a theme's, which
        it overrides)."""
        found: dict[str, Path] = {}
        for path, folders in self.files:
            found.setdefault("/".join((*folders, path.name)), path)
        return found

    def partial_place(self, name: str) -> str | None:
        """The place of the partial a template calls by `name` (`"redirects.txt"`, `"head"`:
        `.html` when it names no extension), None when there is none."""
        name = name if "." in name.rsplit("/", 1)[-1] else name + ".html"
        return next((place for place in (f"partials/{name}", f"_partials/{name}") if place in self.used), None)

    def alias_drops_fragment(self) -> bool:
        """Whether the page Hugo writes at an alias drops a link's fragment: Hugo's own alias
        template redirects with a meta refresh alone, to the page's URL less the fragment;
        a site's own that reads `location.hash` carries it on. Hugo takes `_default/alias.html`
        before `alias.html` (checked with hugo 0.168)."""
        files = self.used
        place = next((place for place in ("_default/alias.html", "alias.html") if place in files), None)
        return place is None or "hash" not in self.text(files[place])

    def text(self, path: Path) -> str:
        if path not in self.texts:
            self.texts[path] = _specialized(self.written_text(path), self.param_truth)
        return self.texts[path]

    def written_text(self, path: Path) -> str:
        """A template's text as written, its branches for the site's params all there (what
        Hugo reads of it for `.Inner`)."""
        if path not in self.written:
            self.written[path] = _template(path)
        return self.written[path]

    def hooks(self, *names: str, unknown: bool = False) -> tuple[tuple[str, str], ...]:
        """The `_markup/<name>*` templates (render hooks) of `names`: (name, the folder above
        `_markup`, "" for `layouts/_markup` and `layouts/_default/_markup`), each once. A
        hook that writes the destination as it is (`href="{{ .Destination | safeURL }}"`,
        adding a class or `target`) changes no link: it is left out. With `unknown` (a
        missing theme's templates), one for every page of each name none renders every page."""
        found = {
            (_link_hook_kind(self.text(path)) if name == "render-link" else name, folder)
            for name, folder, path in self._hook_files(names)
            if not _changes_nothing_read(name, self.text(path))
        }
        return tuple(sorted(found | {(name, "") for name in self._unknown_hooks(names, unknown)}))

    def link_hook_specials(self) -> frozenset[str]:
        """The destinations the link hooks that find pages write otherwise (see `link_hook_specials`)."""
        return frozenset().union(*(
            link_hook_specials(self.text(path)) for _, _, path in self._hook_files(("render-link",))
            if _finds_pages(self.text(path))
        ))  # fmt: skip

    def hook_filters(self, *names: str, unknown: bool = False) -> tuple[tuple[str, str, bool, bool], ...]:
        """Every hook of `names` as (name, folder, whether it may pass any address: it writes
        it through `safeURL`, or writes no `href`/`src` of its own, a partial does; whether it
        parses addresses with `urls.Parse`), the project's before a theme's; with `unknown`,
        as `hooks`, passing any address."""
        found: dict[tuple[str, str], tuple[bool, bool]] = {}
        for name, folder, path in self._hook_files(names):
            if path.name.endswith(".html"):
                text = self.text(path)
                passes = "safeURL" in text or not _ADDRESS_ATTRIBUTE.search(text)
                found.setdefault((name, folder), (passes, _parses_addresses(text)))
        for name in self._unknown_hooks(names, unknown):
            found[(name, "")] = (True, False)
        return tuple(sorted((name, folder, *flags) for (name, folder), flags in found.items()))

    def _unknown_hooks(self, names: tuple[str, ...], unknown: bool) -> list[str]:
        """With `unknown` (templates of a missing theme), the hooks of `names` that it may have
        for every page: those the templates found have for every page go before it."""
        if not unknown:
            return []
        everywhere = {name for name, folder, _ in self._hook_files(names) if folder == ""}
        return [name for name in names if name not in everywhere]

    def image_hook_alt(self) -> str:
        """How the site's image render hooks write an image's `alt`, when all do it so and only
        from its Markdown alt text: "text" (`alt="{{ .Text }}"`, empty when the text is),
        "with-text" (`{{ with .Text }} alt="{{ . }}"{{ end }}`: none when it is empty; grpc's);
        "" when not known so (a hook that makes it of something else, or writes no alt)."""
        kinds = {_alt_of_text(self.text(path)) for _, _, path in self._hook_files(("render-image",))}
        return kinds.pop() if len(kinds) == 1 else ""

    def link_hooks_move_fragments(self) -> bool:
        """Whether a link hook makes a URL of the destination (`.Destination | relLangURL`):
        `#x` then becomes `/#x`, the home page's (osm-docs; checked with hugo 0.168)."""
        return any(
            _MAKES_URL.search(self.text(path))
            for name, _, path in self._hook_files(("render-link",))
            if path.name.endswith(".html")
        )

    def _hook_files(self, names: tuple[str, ...]) -> Iterator[tuple[str, str, Path]]:
        """(name, folder, file) of the hooks of `names` Hugo uses (see `used`)."""
        for path, folders in self.files:
            if "_markup" in folders and self.used["/".join((*folders, path.name))] == path:
                folder = "/".join(part for part in folders[: folders.index("_markup")] if part != "_default")
                yield from ((name, folder, path) for name in names if path.name.startswith(name))

    def heading_id_form(self) -> tuple[str, str] | None:
        """The text the heading render hooks write before and after `.Anchor` in each id
        they write (`id="x-{{ .Anchor }}"`: ("x-", ""); ("", "") when they write `.Anchor`
        alone, or none); None when an id is written otherwise (`{{ .Text | anchorize }}`), or
        the hooks differ: the page's heading ids are then unknown (checked with hugo 0.168)."""
        forms: set[tuple[str, str] | None] = set()
        for _, _, path in self._hook_files(("render-heading",)):
            if path.name.endswith(".html"):
                text = self.text(path)
                forms.update(_heading_id_form(text, written.end()) for written in _ID_ATTRIBUTE.finditer(text))
        return (forms.pop() if len(forms) == 1 else None) if forms else ("", "")

    def heading_id_levels(self) -> frozenset[int]:
        """The heading levels whose headings the site's heading render hooks give their id
        (`id="{{ .Anchor }}"`): Hextra's writes none on an `<h1>` (`{{ if gt .Level 1 }}`).
        Every level when a hook writes an id in a way not read here, and of several hooks
        (by type), the levels any gives one."""
        hooks = [path for _, _, path in self._hook_files(("render-heading",)) if path.name.endswith(".html")]
        levels: set[int] = set()
        for path in hooks:
            found = _heading_id_levels(self.text(path))
            if found is None:
                return ALL_HEADING_LEVELS
            levels |= found
        return frozenset(levels) if hooks else ALL_HEADING_LEVELS

    def loads_math_renderer(self) -> bool:
        """Whether a template names KaTeX or MathJax, which render `$$…$$` in the browser on
        the pages that load them."""
        return any(
            _MATH_RENDERER.search(_blanked(self.text(path), _COMMENT_ENDS))
            for path, _ in self.files
            if path.suffix == ".html"
        )

    def rendered_params(self) -> frozenset[str]:
        """The page params (dotted keys, lower case: `prepend.content`) a template renders as
        Markdown, `.RenderString` or `markdownify` in the action that reads them: Hugo runs
        the shortcode calls in them (checked with hugo 0.168)."""
        found: set[str] = set()
        for path, _ in self.files:
            if ".htm" not in path.name:
                continue
            text = self.text(path)
            if "RenderString" not in text and "markdownify" not in text:
                continue
            for action in _actions(text):
                if _RENDERS_MARKDOWN.search(action[1]):
                    keys = (key for match in _PARAM_READ.finditer(action[1]) for key in match.groups() if key)
                    found.update(key.lower() for key in keys)
        return frozenset(found)

    def redirect_templates(self, config: _Config) -> tuple[str, ...]:
        """The home page templates (`index.<format>`, `home.<format>`, in `layouts` or, the
        older way, `layouts/_default`) of the output formats whose file is `_redirects`, as
        `[outputFormats.redirects] baseName = "_redirects"`, and the partials they call, which
        write rules too (jaeger's `partial "redirects.txt"`)."""
        formats = config.get("outputformats")
        if not isinstance(formats, dict):
            return ()
        names = {
            str(name).lower() for name, value in formats.items()
            if isinstance(value, dict) and str(value.get("basename", "")) == "_redirects"
        }  # fmt: skip
        found = [
            path for path, folders in self.files
            if folders in ((), ("_default",)) and path.name.lower().startswith(("index.", "home."))
            and path.suffix[1:].lower() in names
        ]  # fmt: skip
        pending, seen = list(found), set(found)
        while pending:  # not recursive: partials may call partials thousands deep
            for call in _template_calls(self.text(pending.pop())):
                place = self.partial_place(call["name"]) if call["name"] is not None else None
                if place is not None and self.used[place] not in seen:
                    seen.add(self.used[place])
                    found.append(self.used[place])
                    pending.append(self.used[place])
        return tuple(map(str, found))

    def _page_templates_texts(self) -> list[tuple[str, str, str]]:
        """The templates that render pages (base, page and list templates, partials), each as
        the pages alone it renders (see `_rendered_by`), its place below `layouts` and its
        text; not those of shortcodes and render hooks, which write content, nor those another
        overrides (a theme's that the project's at its place replaces)."""
        used = self.used
        return [
            (_rendered_by(path.name, folders), place, self.text(path))
            for path, folders in self.files
            if ".htm" in path.name and not {"shortcodes", "_shortcodes", "_markup"} & set(folders)
            and used.get(place := "/".join((*folders, path.name))) == path
        ]

    def _page_texts(self) -> list[str]:
        return [text for _, _, text in self._page_templates_texts()]

    def page_ids(self) -> frozenset[str]:
        """The ids the templates that render pages write as fixed text, and `TableOfContents`
        when one prints `.TableOfContents` (Hugo's `<nav id="TableOfContents">`, written on a
        page without headings too)."""
        texts = self._page_texts()
        ids = {"".join(match.groups("")) for text in texts for match in _FIXED_ID.finditer(text)}
        if any(".TableOfContents" in text for text in texts):
            ids.add("TableOfContents")
        return frozenset(ids)

    def page_id_forms(self) -> tuple[tuple[tuple[str, str], ...], bool, frozenset[str]]:
        """The text before the first action and after the last of the ids the templates that
        render pages write with actions (`id="{{ $key }}-section"`), when it is two characters
        or more (a page's URL, `id="{{ .RelPermalink }}"`, starts with `/` or `http`); whether they write no id made of actions alone (`id="{{ .Title }}"`), which
        may be anything and is left to a build; and the pages whose own templates write such
        an id (see `_rendered_by`: flux's `adopters/list.html`, `id={{ .project | urlize }}` of
        each data file), or call a partial that does (crossplane's API pages), any id of
        which is so left."""
        forms: set[tuple[str, str]] = set()
        known, types, made = True, set(), set()
        templates = self._page_templates_texts()
        partials = {place for _, place, _ in templates if place.startswith(("partials/", "_partials/"))}
        # The blocks only a list page enters (KEDA's `{{ if and $isScaler $index }}`, where
        # `$index := eq .File.LogicalName "_index.md"`): what is written there is on list pages alone
        list_spans = {place: _list_page_spans(text) for _, place, text in templates}
        made_for_lists = set()
        for kind, place, text in templates:
            if _writes_made_ids(text, forms):
                known = False
                if _writes_made_ids(_without_spans(text, list_spans[place]), set()):
                    types.add(kind)
                    made.add(place)
                elif place in partials:
                    made_for_lists.add(place)
                else:
                    types.add(LIST_PAGES)
        if (made | made_for_lists) & partials:
            # Each template's calls, and those inside a block only a list page enters
            calls: dict[str, set[str]] = {}
            list_calls: dict[str, set[str]] = {}
            for _, place, text in templates:
                spans = list_spans[place]
                calls[place], list_calls[place] = set(), set()
                for match in _template_calls(text):
                    if match["name"] and (called := self.partial_place(match["name"])):
                        listed = any(start < match.start() < end for start, end in spans)
                        (list_calls if listed else calls)[place].add(called)
            reaching, grown = made & partials, True
            while grown:  # the partials that call one, however deep
                grown = False
                for place in partials - reaching:
                    if calls[place] & reaching:
                        reaching.add(place)
                        grown = True
            listing, grown = made_for_lists - reaching, True  # the partials that write one on a list page only
            while grown:
                grown = False
                for place in partials - reaching - listing:
                    if list_calls[place] & (reaching | listing) or calls[place] & listing:
                        listing.add(place)
                        grown = True
            for kind, place, _ in templates:
                if place in partials:
                    continue
                if calls[place] & reaching:
                    types.add(kind)
                elif list_calls[place] & (reaching | listing) or calls[place] & listing:
                    types.add(LIST_PAGES)
        return tuple(sorted(forms)), known, frozenset(types - {""})

    def _views(self) -> frozenset[str]:
        """The names of the views the single and page templates render (`.Render "content"`,
        Docsy's): a view prints the page as the template would."""
        return frozenset(
            match[1]
            for path, _ in self.files
            if ".htm" in path.name and path.name.startswith(("single", "page."))
            for match in _RENDERS_VIEW.finditer(self.text(path))
        )

    def title_h1_templates(self) -> tuple[bool | None, frozenset[str]]:
        """Whether the templates that may render any regular page (single and page templates,
        base templates, partials; not those of a type's own folder) write an `<h1>`, None
        when there is no single or page template (Hugo would need a theme's); and the types
        (`posts`) whose own single, page or base templates write one."""
        page_templates = any_page = False
        types: set[str] = set()
        views = self._views()
        for path, folders in self.files:
            if ".htm" not in path.name:
                continue
            folder = _type_folder(folders)
            page_template = path.name.startswith(("single", "page."))
            partial = not folder and ("partials" in folders or "_partials" in folders)
            view = path.name.split(".", 1)[0] in views and not {"partials", "_partials"} & set(folders)
            if not (page_template or partial or view or path.name.startswith("baseof")):
                continue
            page_templates = page_templates or (page_template and not folder)
            if _writes_made_h1(self.text(path)):
                if folder:
                    types.add(folder)
                else:
                    any_page = True
        return True if any_page else (False if page_templates else None), frozenset(types)


@dataclass(frozen=True)
class _PageTemplates:
    """The templates Hugo composes the regular pages of a type with (`kind`; "" for any
    page's): its single template, the base template without the blocks it defines, and the
    partials and views they call, each with whether every such page writes it (no `if`,
    `with` or `range` around its call); `complete` when every call could be followed."""

    kind: str
    texts: tuple[tuple[str, bool], ...]
    complete: bool
    files: tuple[Path | None, ...] = ()  # each text's template file (None: the base's part)


def _page_templates(layouts: _Layouts) -> list[_PageTemplates]:
    """`_PageTemplates` for each type with a single template of its own (`blog`), and for any
    other page (""), in Hugo 0.168's order of page templates. A call that cannot be followed
    (a partial named at run time, one not found) leaves it incomplete."""
    files = layouts.used
    singles: dict[str, str] = {}  # type ("" for any page's) -> its single template's place
    for place in sorted(files, key=_single_precedence):
        kind, _, name = place.rpartition("/")
        if name not in ("page.html", "single.html") or "/" in kind or kind in ("partials", "shortcodes"):
            continue
        if kind == "_default" or not kind.startswith("_"):
            singles.setdefault("" if kind == "_default" else kind, place)
    composed = []
    for kind, place in sorted(singles.items()):
        single = layouts.text(files[place])
        defined = set(_DEFINE.findall(single))
        bases = (f"{kind}/baseof.html", "_default/baseof.html", "baseof.html")
        base = next((layouts.text(files[p]) for p in bases if p in files), None) if defined else ""
        texts: list[tuple[str, bool]] = []
        templates: list[Path | None] = []
        complete = base is not None
        pending: list[tuple[str, bool, Path | None]] = [
            (single, True, files[place]), (_without_blocks(base or "", defined), True, None)
        ]
        seen = {place}
        while pending:  # not recursive: partials may call partials thousands deep
            text, certain, template = pending.pop()
            texts.append((text, certain))
            templates.append(template)
            conditional = _conditional_spans(text)
            for call in _template_calls(text):
                name = call["view_name"] if call["view"] else call["name"]
                if name is None:
                    complete = False  # a partial or view named at run time
                    continue
                if call["view"]:
                    places = [f"{kind}/{name}.html", f"_default/{name}.html", f"{name}.html"]
                    found = next((place for place in places if place in files), None)
                else:
                    found = layouts.partial_place(name)
                if found is None and _exists_tested(text, call.start(), name):
                    continue  # `{{ if templates.Exists "_partials/x.html" }}`: never called (monochrome)
                if found is None:
                    complete = complete and not call["view"] and name.startswith("inline/")  # inline: read already
                elif found not in seen:
                    seen.add(found)
                    inside = any(start <= call.start() < end for start, end in conditional)
                    pending.append((layouts.text(files[found]), certain and not inside, files[found]))
        composed.append(_PageTemplates(kind, tuple(texts), complete, tuple(templates)))
    return composed


def _content_markdownified_by_type(root: Path, composed: Sequence[_PageTemplates]) -> tuple[tuple[str, str], ...]:
    """For each type of `_page_templates`, the template (relative to `root`) that renders
    the page's content, HTML already, as Markdown again (`.Content | markdownify`), if one
    does: "" when none."""
    found = []
    for page in composed:
        template = next(
            (file for (text, _), file in zip(page.texts, page.files) if _MARKDOWNIFIES_CONTENT.search(text)), None
        )
        shown = "" if template is None else display_path(template, root)
        found.append((page.kind, shown))
    return tuple(found)


# The page's rendered content given to markdownify or RenderString: `.Content | markdownify`,
# `.Content | safeHTML | markdownify`, `markdownify .Content`, `.RenderString .Content`
_CONTENT = r"(?<![\w.])\$?\.(?:Page\.)?Content\b"
_MARKDOWNIFIES_CONTENT = re.compile(
    rf"{_CONTENT}\s*+(?:\|\s*+(?:safeHTML|htmlUnescape|string)\s*+)*+"
    r"\|\s*+(?:markdownify|\$?\.(?:Page\.)?RenderString)\b"
    rf"|(?:\bmarkdownify|\.RenderString)\s++\(?+\s*+{_CONTENT}"
)


def _exists_tested(text: str, at: int, name: str) -> bool:
    """Whether a partial call at `at` is right inside a test that its template exists
    (`{{ if templates.Exists "_partials/x.html" }}{{ partial "x.html" . }}`), which a
    missing one fails."""
    tested = re.compile(rf"""\{{\{{-?\s*(?:if|with)\s+templates\.Exists\s+["`](?:_?partials/)?{re.escape(name.removesuffix(".html"))}(?:\.html)?["`]\s*-?\}}\}}\s*(?:\{{\{{-?\s*)?\Z""")
    return tested.search(text, max(at - 300, 0), at) is not None


# A partial given the call's content in a dict: `partial "admonition.html" (dict "content"
# .Inner "type" "info")` (vitess's notes), and the key it is under; the dict's other values
# may be calls of their own (`"class" (printf "%s call-out" $class)`, nginx's call-out)
_PARTIAL_GIVEN = re.compile(r'\bpartial(?:Cached)?\s+"([^"]+)"\s+\(\s*dict\b((?:[^(){}]|\([^(){}]*\))*)')
_INNER_KEY = re.compile(r'"(\w+)"\s+\$?\.Inner(?:Deindent)?\b')


def _through_partials(text: str, layouts: _Layouts) -> str:
    """A shortcode's template with the partials it gives the call's content (`.Inner`)
    under a key, each with the key read as `.Inner`: what they do with it, the template
    does (`{{ .content | markdownify }}` renders it as Markdown); the content given to a
    partial found is no change of it (`(dict "content" .Inner)` reads as `.Page` there).
    Each partial and key once."""
    if ".Inner" not in text:
        return text
    given: dict[tuple[str, str], None] = {}
    for call in _PARTIAL_GIVEN.finditer(text):
        for key in _INNER_KEY.finditer(call[2]):
            given[(call[1], key[1])] = None
    found = []
    followed: set[str] = set()
    for name, key in given:
        if (place := layouts.partial_place(name)) is not None:
            found.append(re.sub(rf"(?<![\w.])\.{key}\b", ".Inner", layouts.text(layouts.used[place])))
            followed.add(name)

    def given_away(call: re.Match[str]) -> str:
        return _INNER_KEY.sub(r'"\1" .Page', call[0]) if call[1] in followed else call[0]

    return _PARTIAL_GIVEN.sub(given_away, text) + "".join(f"\n{partial}" for partial in found)


# A variable set to the call's content, maybe trimmed: `{{ $c := .Inner }}`, `{{ $c = .Inner |
# chomp }}` (letsencrypt's clients), `{{ $c := trim .Inner "\n" }}` (a partial given it: relearn's)
_INNER_ASSIGNED = re.compile(
    r"\{\{-?\s*\$(\w+)\s*:?=\s*(?:\$?\.Inner(?:Deindent)?\s*"
    r"""(?:\|\s*(?:chomp|strings\.TrimSpace|strings\.Chomp|trim\s+"[^"{}]*")\s*)*"""
    r"""|(?:chomp|strings\.TrimSpace|strings\.Chomp|trim)\s+\$?\.Inner(?:Deindent)?(?:\s+"[^"{}]*")?\s*)-?\}\}"""
)


def _inner_through_variables(text: str) -> str:
    """A shortcode template's text with each variable it only ever sets to the call's
    content read as `.Inner` (`{{ $c := .Inner }}…{{ $c | markdownify }}` renders it as
    Markdown), its assignments left out; and the body of each `{{ with .Inner }}` whose `.`
    is the content (`{{ with .Inner }}{{ . | markdownify }}{{ end }}`, chainguard's
    `details`) with `.` read so; "" when it has neither."""
    if ".Inner" not in text:
        return ""
    return _inner_through_assignments(text) + _inner_through_with(text)


def _inner_through_with(text: str) -> str:
    found = []
    for opening in _WITH_INNER.finditer(text):
        body = []
        for action in _actions(text, opening.end()):
            if _BLOCK.match(action[1].strip(" -")) or action[1].strip(" -") in ("end", "else"):
                break  # (a block inside: not followed)
            body.append(_LONE_DOT.sub(".Inner", action[0]))
        found.extend(body)
    return "\n" + "".join(found) if found else ""


_WITH_INNER = re.compile(r"\{\{-?\s*with\s+\$?\.Inner\s*-?\}\}")
_LONE_DOT = re.compile(r"(?<=[\s(|{])\.(?=[\s)|}])")  # `.` itself, not a field (`.Page`)


def _inner_through_assignments(text: str) -> str:
    set_to_inner = collections.Counter(match[1] for match in _INNER_ASSIGNED.finditer(text))
    names = {name for name, count in set_to_inner.items() if len(_assigned(text, name)) == count}
    if not names:
        return ""
    copy = _INNER_ASSIGNED.sub(lambda match: "" if match[1] in names else match[0], text)
    return "\n" + re.sub(rf"\$({'|'.join(map(re.escape, sorted(names)))})\b", ".Inner", copy)


# An image hook's `alt` attribute, and what may print the Markdown alt text in it
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{\{[^}]*\}\}))""", re.IGNORECASE)
_TEXT = r"(?:\$?\.(?:Plain)?Text|\$\w+|\.)"
_ALT_VALUE = re.compile(rf"\{{\{{-?\s*{_TEXT}\s*(?:\|\s*(?:safeHTMLAttr|safeHTML|plainify|htmlEscape)\s*)*-?\}}\}}")
# A variable's value that is the Markdown alt text (hextra's `$alt := .PlainText | safeHTML`)
_TEXT_VALUE = re.compile(r"\$?\.(?:Plain)?Text(?:\s*\|\s*(?:safeHTMLAttr|safeHTML|plainify|htmlEscape))*")
_WITH_TEXT = re.compile(r"\{\{-?\s*with\s+\$?\.(?:Plain)?Text\s*-?\}\}")


def _alt_of_text(hook: str) -> str:
    """See `_Layouts.image_hook_alt`, for one hook: every `alt` it writes is the Markdown alt
    text (`.Text`, `.PlainText`, a variable only ever set to one, `.` in `with .Text`)."""
    values = [next(group for group in match.groups() if group is not None) for match in _ALT.finditer(hook)]
    if not values or not all(_ALT_VALUE.fullmatch(value.strip()) for value in values):
        return ""
    for variable in {name for value in values for name in re.findall(r"\$(\w+)", value)}:
        assigned = _assigned(hook, variable)
        if not assigned or not all(_TEXT_VALUE.fullmatch(value) for value in assigned):
            return ""
    dots = sum(1 for value in values if re.fullmatch(r"\{\{-?\s*\.\s*(?:\|[^}]*)?-?\}\}", value.strip()))
    if dots:  # each in its `with .Text` (grpc's two images, the page's and its modal's)
        return "with-text" if dots == len(values) and len(_WITH_TEXT.findall(hook)) >= dots else ""
    return "text"


def _title_h1_by_type(composed: Sequence[_PageTemplates]) -> tuple[tuple[str, bool], ...]:
    """For each type of `_page_templates`: whether its templates may write an `<h1>` an
    action makes. Flatcar's `blog/single.html` defines `main` without the default's hero,
    which prints the title; monochrome's bookcase partial, which does too, is called by a
    list template alone. May, when any call cannot be followed. What the templates of any
    page write for a type alone (`{{ if eq .Type "blog" }}<h1>`, bearblog's) counts for that
    type alone, as if it had templates of its own."""
    found = []
    kinds = {page.kind for page in composed}
    for page in composed:
        texts = [text for text, _ in page.texts]
        if page.kind == "":
            named = {kind for text in texts for kind in _TYPE_TESTED.findall(text)} - kinds
            for kind in sorted(named):
                found.append((kind, not page.complete or any(_writes_made_h1(text) for text in texts)))
            texts = [_without_type_branches(text) for text in texts] if named else texts
        found.append((page.kind, not page.complete or any(_writes_made_h1(text) for text in texts)))
    return tuple(found)


# A branch a template takes for pages of one type: `{{ if eq .Type "blog" }}`
_TYPE_TESTED = re.compile(r'\{\{-?\s*if\s+eq\s+\$?\.(?:Page\.)?Type\s+"([\w-]+)"\s*-?\}\}')


def _without_type_branches(template: str) -> str:
    """The template with the branches it takes for one type only (`_TYPE_TESTED`, up to
    their `else` or `end`) blanked: what it writes for the pages of other types."""
    parts, cursor, skipping, depth = [], 0, -1, 0
    for action in _actions(template):
        value = action[1].strip("- \t\n")
        if skipping < 0 and _TYPE_TESTED.fullmatch(action[0]):
            parts.append(template[cursor : action.end()])
            skipping, depth, cursor = action.end(), 0, action.end()
            continue
        if skipping < 0:
            continue
        if _BLOCK.match(value):
            depth += 1
        elif value == "end" or (value == "else" or value.startswith("else ")) and depth == 0:
            if depth == 0:
                parts.append(" " * (action.start() - skipping))
                skipping, cursor = -1, action.start()
            else:
                depth -= 1
    if skipping >= 0:
        parts.append(" " * (len(template) - skipping))
        cursor = len(template)
    return "".join(parts) + template[cursor:]


def _fixed_ids_by_type(composed: Sequence[_PageTemplates]) -> tuple[tuple[str, frozenset[str]], ...]:
    """For each type of `_page_templates`: the ids every regular page of it gets from its
    templates as fixed text (`<div id="content">`), outside any `if`, `with` or `range`, and
    not in a comment or a script."""
    found = []
    for page in composed:
        ids: set[str] = set()
        for text, certain in page.texts:
            if not certain:
                continue
            markup = _blanked(text, _NOT_MARKUP_ENDS)
            conditional = _conditional_spans(markup)
            ids.update(
                "".join(match.groups(""))
                for match in _FIXED_ID.finditer(markup)
                if not any(start <= match.start() < end for start, end in conditional)
            )
        if ids:
            found.append((page.kind, frozenset(ids)))
    return tuple(found)


# What starts a template's comment (as a pattern), and what ends it: a KaTeX URL in one
# loads nothing (bearcub's hooks)
_GO_COMMENT_ENDS = {r"\{\{-?\s*/\*": r"\*/\s*-?\}\}"}  # `{{/* … */}}`, `{{- /* … */ -}}`
_COMMENT_ENDS = {**_GO_COMMENT_ENDS, r"<!--": r"-->"}
# The same, and scripts and styles (`el.id = "x"` is no element's id)
_NOT_MARKUP_ENDS = {**_COMMENT_ENDS, r"<script\b": r"</script\s*>", r"<style\b": r"</style\s*>"}


def _blanked(text: str, ends: Mapping[str, str], *, inside_only: bool = False) -> str:
    """`text` with each span from an opener of `ends` to its end (or the text's end, when
    none closes it) made blanks, its length kept. Linear: each span is sought once. With
    `inside_only`, only the text between an opener and its end is blanked, its line breaks
    kept, and a span no end closes is left as it is."""
    opener = re.compile("|".join(f"({start})" for start in ends), re.I)
    closers = [re.compile(end, re.I) for end in ends.values()]
    kept, cursor = [], 0
    while found := opener.search(text, cursor):
        closer = closers[found.lastindex - 1].search(text, found.end()) if found.lastindex else None
        if inside_only:
            if closer is None:
                break
            kept += [text[cursor : found.end()], _NOT_LINE_BREAK.sub(" ", text[found.end() : closer.start()])]
            cursor = closer.start()
            continue
        stop = len(text) if closer is None else closer.end()
        kept += [text[cursor : found.start()], " " * (stop - found.start())]
        cursor = stop
    kept.append(text[cursor:])
    return "".join(kept)


_NOT_LINE_BREAK = re.compile(r"[^\n]")


def _parses_addresses(template: str) -> bool:
    """Whether a hook parses the address with `urls.Parse`: a call not in a block whose
    condition reads the site's or page's params (hugo-book's `{{ if
    .Site.Params.BookPortableLinks }}`), which may never run, nor in one that leaves out
    the addresses with a colon, those `urls.Parse` refuses (hugo-book's portable link:
    `$isRemote := or (in .Destination ":") …`, then `if not $isRemote`)."""
    calls = [found.start() for found in re.finditer(r"\burls\.Parse\b", template)]
    if not calls:
        return False
    colon_tests = {f"${name}" for name in _COLON_TEST.findall(template)}
    guarded = [
        (start, end)
        for start, end in _conditional_spans(template)
        if (opening := _ACTION.match(template, start)) is not None
        and ("Params" in opening[1] or _COLON_IN_DESTINATION.search(opening[1])
             or any(re.search(rf"{re.escape(name)}\b", opening[1]) for name in colon_tests))
    ]  # fmt: skip
    return any(not any(start < call < end for start, end in guarded) for call in calls)


# Whether the destination holds a colon (`in .Destination ":"`, `strings.Contains .Destination ":"`),
# and a variable set to a test of it (`$isRemote := or (in .Destination ":") …`)
_COLON_IN_DESTINATION = re.compile(r'\b(?:in|strings\.Contains)\s+\$?\.Destination\s+":"')
_COLON_TEST = re.compile(r'\$(\w+)\s*:?=[^}]*?\b(?:in|strings\.Contains)\s+\$?\.Destination\s+":"')


def _list_page_spans(template: str) -> list[tuple[int, int]]:
    """The spans of a template's `if` blocks (up to an `else`) that only a list page enters:
    their condition, or one of the terms of its `and`, tests `.IsSection`, `.IsNode`,
    `.IsHome`, a list's `.Kind`, or an `_index` file's name, itself or through a variable
    set to such a test (every time it is set)."""
    variables: dict[str, list[str]] = {}
    for name, value in _ASSIGNMENT.findall(template) if "$" in template else ():
        variables.setdefault(name, []).append(value.strip(" -"))
    spans: list[tuple[int, int]] = []
    opened: list[tuple[int, bool]] = []  # each open block: where it starts, whether only a list page enters it
    for action in _actions(template):
        value = action[1].strip("- \t\n")
        if value.startswith("/*"):
            continue
        if (block := _BLOCK.match(value)) is not None:
            opened.append((action.start(), block[1] == "if" and _list_page_test(value[2:], variables)))
        elif value.startswith("else") and opened:
            start, listed = opened[-1]
            if listed:
                spans.append((start, action.start()))
            opened[-1] = (start, False)
        elif value == "end" and opened:
            start, listed = opened.pop()
            if listed:
                spans.append((start, action.end()))
    return spans


def _without_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the spans blanked (their line breaks kept); nested ones too, in one pass."""
    parts, cursor = [], 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end > start:
            parts += [text[cursor:start], _NOT_LINE_BREAK.sub(" ", text[start:end])]
            cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _list_page_test(condition: str, variables: Mapping[str, Sequence[str]]) -> bool:
    """Whether a condition holds on list pages only (see `_list_page_spans`), given what
    the template sets its variables to."""
    terms = _TERM.findall(condition.strip())
    if terms[:1] == ["and"]:
        terms = terms[1:]
    else:
        terms = [condition.strip()]
    for term in terms:
        term = _unwrapped(term)
        tests = [_unwrapped(value) for value in variables.get(term[1:], ())] if term.startswith("$") else [term]
        if tests and all(_LIST_PAGE_TEST.fullmatch(test) for test in tests):
            return True
    return False


def _unwrapped(term: str) -> str:
    return term.strip().removeprefix("(").removesuffix(")").strip()


_TERM = re.compile(r'\([^()]*\)|"[^"]*"|\S+')  # a condition's terms, one level of parentheses
_LIST_PAGE_TEST = re.compile(
    r'\$?\.(?:IsSection|IsNode|IsHome)'
    r'|eq\s+\$?\.Kind\s+"(?:section|home|taxonomy|term)"|eq\s+"(?:section|home|taxonomy|term)"\s+\$?\.Kind'
    r'|eq\s+\$?\.File\.(?:LogicalName\s+"_index\.\w+"|BaseFileName\s+"_index"|TranslationBaseName\s+"_index")'
)


def _conditional_spans(template: str) -> list[tuple[int, int]]:
    """The spans of a template's `if`, `with` and `range` blocks (not `define` or `block`)."""
    spans: list[tuple[int, int]] = []
    opened: list[tuple[int, bool]] = []  # each open block: where it starts, whether it is a condition
    for action in _actions(template):
        value = action[1].strip("- \t\n")
        if value.startswith("/*"):
            continue
        if (block := _BLOCK.match(value)) is not None:
            opened.append((action.start(), block[1] in ("if", "with", "range")))
        elif value == "end" and opened:
            start, condition = opened.pop()
            if condition:
                spans.append((start, action.end()))
    spans.extend((start, len(template)) for start, condition in opened if condition)
    return spans


def _single_precedence(place: str) -> tuple[bool, bool, str]:
    """Hugo's order among the page templates of a type, or of any page: `page.html` before
    `single.html`, `_default/` before `layouts/` itself (checked with hugo 0.168)."""
    return not place.endswith("page.html"), "/" not in place, place


# A partial's, or a view's (`.Render "summary"`), name: None when made at run time
_TEMPLATE_CALL = re.compile(
    r'\bpartial(?:Cached)?\s+(?:"(?P<name>[^"]+)"|[^"\s])|(?P<view>\.Render)\s+(?:"(?P<view_name>[^"]+)"|[^"\s])'
)
_DEFINE = re.compile(r'\{\{-?\s*define\s+"([^"]+)"')
_RENDERS_MARKDOWN = re.compile(r"\bRenderString\b|\bmarkdownify\b")
# A page param read: `.Params.prepend.content`, `.Param "note"`, `index .Params "note"`
_PARAM_READ = re.compile(r'\.Params\.(\w+(?:\.\w+)*)|\.Param\s+"([\w.]+)"|index\s+\$?\.(?:Page\.)?Params\s+"([\w.]+)"')


def _template_calls(template: str) -> Iterator[re.Match[str]]:
    """The partial and view calls (`_TEMPLATE_CALL`) in the template's actions: not the
    word in its text or comments (bearblog's `<!-- A partial to be overwritten -->`)."""
    for action in _actions(template):
        if not action[1].lstrip("- \t\n").startswith("/*"):
            yield from _TEMPLATE_CALL.finditer(template, action.start(1), action.end(1))


def _without_blocks(template: str, names: set[str]) -> str:
    """The template without the default content of its `{{ block "name" }}`s of `names`
    (a page template's `define`s replace them)."""
    kept, cursor, depth, cutting = [], 0, 0, -1
    for action in _actions(template):
        value = action[1].strip("- \t\n")
        if value.startswith("/*"):
            continue
        opened = _BLOCK.match(value)
        if opened is not None:
            depth += 1
            name = re.match(r'block\s+"([^"]+)"', value)
            if cutting < 0 and name is not None and name[1] in names:
                kept.append(template[cursor : action.start()])
                cutting = depth
        elif value == "end":
            if depth == cutting:
                cursor, cutting = action.end(), -1
            depth -= 1
    kept.append(template[cursor:] if cutting < 0 else "")
    return "".join(kept)


def _writes_made_h1(template: str) -> bool:
    """Whether a template writes an `<h1>` whose content an action makes (`{{ .Title }}`):
    one of fixed text (thanos' `<h1>Table of Contents</h1>`), of the site's title (iceberg's
    `<h1>{{ .Site.Title }}</h1>`) or of a translated string prints no page's title."""
    lowered = template.lower()
    start = lowered.find("<h1")
    while start >= 0:
        end = lowered.find("</h1", start)
        if end < 0:
            return True
        if any(not _NO_PAGE_TITLE.fullmatch(action[1]) for action in _actions(template, start, end)):
            return True
        start = lowered.find("<h1", end)
    return False


# An action that prints no page's title: a site value, a translated string, a comment
_NO_PAGE_TITLE = re.compile(r'-?\s*(?:(?:\$?\.Site|site)\.[\w.]+|(?:i18n|T)\s+"[^"]*"|/\*.*?\*/)\s*-?', re.DOTALL)


# The names of the templates Hugo picks by the page's kind (not by its `layout`)
_KIND_TEMPLATES = frozenset(
    {"single", "page", "list", "section", "taxonomy", "term", "terms", "baseof", "home", "index", "all"}
)
_LIST_TEMPLATES = frozenset({"list", "section", "taxonomy", "term", "terms"})


def _rendered_by(name: str, folders: tuple[str, ...]) -> str:
    """The pages alone a page template of this file name in these folders below `layouts`
    renders: a type's (`posts` of `posts/single.html`); any list page's (LIST_PAGES:
    `_default/list.html`, `section.html`); those of a `layout` (LAYOUT_PAGES + `glossary` of
    `docs/glossary.html`, `_default/glossary.html`); else "" (any page's: partials, base
    templates, content views)."""
    stem = name.split(".", 1)[0]
    if {"partials", "_partials"} & set(folders) or len(folders) > 1:
        return ""
    if stem not in _KIND_TEMPLATES:
        return LAYOUT_PAGES + stem
    return _type_folder(folders) or (LIST_PAGES if stem in _LIST_TEMPLATES else "")


def _type_folder(folders: tuple[str, ...]) -> str:
    """The type whose pages alone a template in these folders below `layouts` renders
    (`posts` of `posts/single.html`), "" for any page's (`_default/`, `layouts/` itself,
    partials)."""
    if not folders or folders[0].startswith("_") or folders[0] == "partials":
        return ""
    return folders[0]


def _site_markup(config: _Config, missing_unsafe: bool, layouts: _Layouts) -> Markup:
    """The `markup` settings of `config`, with what the layouts tell of them."""
    markup = _markup(config, _embedded_hooks_auto(config), missing_unsafe)
    return dataclasses.replace(
        markup, heading_id_levels=layouts.heading_id_levels(), heading_id_form=layouts.heading_id_form()
    )


def _with_own_markup(language: Language, config: _Config, missing_unsafe: bool, layouts: _Layouts) -> Language:
    """The language with its own `markup` settings, which replace the site's whole (checked
    with hugo 0.168: a French `unsafe` turns French typography back on); as it is without."""
    own = config.get(f"languages.{language.code}.markup")
    if not isinstance(own, dict):
        return language
    view = _Config({**config.data, "markup": own}, config.origins, config.files)
    return dataclasses.replace(language, markup=_site_markup(view, missing_unsafe, layouts))


def _without_ignored_values(config: _Config) -> tuple[_Config, list[str]]:
    """The config without a `markup` that is no table (`markup = "goldmark"`), which Hugo
    ignores (checked with hugo 0.168), and a note of it."""
    markup = config.data.get("markup")
    if markup is None or isinstance(markup, dict):
        return config, []
    kept = _Config({key: value for key, value in config.data.items() if key != "markup"}, config.origins, config.files)
    note = f"markup is {markup!r}, not a table of settings: Hugo ignores it, and so does mdcheck"
    return kept, [note]


# The Markdown handlers Hugo 0.168 has (any case); another stops the build
_MARKDOWN_HANDLERS = frozenset({"goldmark", "asciidocext", "pandoc", "rst", "org"})


def _refuse_what_hugo_refuses(config: _Config) -> None:
    """Raise SiteConfigError for values that stop Hugo itself (checked with hugo 0.168):
    `params` that is no table ("failed to load config"), a Markdown handler Hugo lacks
    (`defaultMarkdownHandler = "blackfriday"`, removed in 0.100)."""
    config.table("params")
    handler = config.get("markup.defaultmarkdownhandler")
    if handler is not None and str(handler).lower() not in _MARKDOWN_HANDLERS:
        raise config.error(
            "markup.defaultmarkdownhandler",
            f"Hugo has no Markdown handler {handler!r} and stops the build (use goldmark)",
        )


def _id_type_notes(config: _Config) -> list[str]:
    """A note for a heading id type Hugo does not know, which makes it use `github` (as
    written: `GitHub` is none; checked with hugo 0.168)."""
    notes = []
    for key in ("autoheadingidtype", "autoidtype"):
        value = config.get(f"markup.goldmark.parser.{key}")
        if value is not None and value not in ID_TYPES:
            notes.append(
                f"markup.goldmark.parser.{key} is {value!r}, none of {', '.join(ID_TYPES)} (as written): Hugo "
                "makes heading ids the github way, and so does mdcheck"
            )
    return notes


def _markup(config: _Config, embedded_auto: bool, unsafe: bool = False) -> Markup:
    goldmark = "markup.goldmark"
    parser, ext, renderer = f"{goldmark}.parser", f"{goldmark}.extensions", f"{goldmark}.renderer"
    id_key = (
        f"{parser}.autoheadingidtype" if config.string(f"{parser}.autoheadingidtype", "") else f"{parser}.autoidtype"
    )
    id_type = config.string(id_key, "github")
    if id_type not in ID_TYPES:
        id_type = "github"  # Hugo's, for any other value (`_id_type_notes`)
    attr_title, attr_block = _legacy_bool(config, f"{parser}.attribute", ("title", True), ("block", False))
    (typographer_off,) = _legacy_bool(config, f"{ext}.typographer", ("disable", False), off=True)
    footnote, footnote_prefix = _legacy_bool(config, f"{ext}.footnote", ("enable", True), ("enableautoidprefix", False))
    link_use = _use_embedded(config, f"{goldmark}.renderhooks.link")
    image_use = _use_embedded(config, f"{goldmark}.renderhooks.image")
    return Markup(
        unsafe=unsafe or config.boolean(f"{renderer}.unsafe", False),
        auto_heading_id=config.boolean(f"{parser}.autoheadingid", True),
        auto_definition_term_id=config.boolean(f"{parser}.autodefinitiontermid", False),
        id_type=id_type,
        attribute_title=attr_title,
        attribute_block=attr_block,
        link_use_embedded=link_use,
        image_use_embedded=image_use,
        typographer=not typographer_off,
        typographer_html=_substitutions(config, f"{ext}.typographer"),
        footnote=footnote,
        footnote_auto_id_prefix=footnote_prefix,
        linkify=config.boolean(f"{ext}.linkify", True),
        linkify_protocol=config.string(f"{ext}.linkifyprotocol", "https"),
        strikethrough=config.boolean(f"{ext}.strikethrough", True),
        table=config.boolean(f"{ext}.table", True),
        definition_list=config.boolean(f"{ext}.definitionlist", True),
        task_list=config.boolean(f"{ext}.tasklist", True),
        passthrough=config.boolean(f"{ext}.passthrough.enable", False),
        passthrough_delimiters=_passthrough_delimiters(config, f"{ext}.passthrough"),
        hard_wraps=config.boolean(f"{renderer}.hardwraps", False),
        xhtml=config.boolean(f"{renderer}.xhtml", False),
        enable_emoji=config.boolean("enableemoji", False),
        embedded_links=link_use in ("always", "fallback") or (link_use == "auto" and embedded_auto),
        embedded_images=image_use in ("always", "fallback") or (image_use == "auto" and embedded_auto),
        highlight=Highlight(
            line_nos=switched_on(config.get("markup.highlight.linenos")),
            anchor_line_nos=switched_on(config.get("markup.highlight.anchorlinenos")),
            line_anchors=config.string("markup.highlight.lineanchors", ""),
            line_no_start=config.integer("markup.highlight.linenostart", 1),
            code_fences=config.boolean("markup.highlight.codefences", True),
            guess_syntax=config.boolean("markup.highlight.guesssyntax", False),
        ),
    )



def _passthrough_delimiters(config: _Config, dotted: str) -> tuple[tuple[str, str, bool], ...]:
    """The passthrough extension's delimiters when it is on: `delimiters.block` and
    `delimiters.inline`, lists of [open, close] (none by default)."""
    if not config.boolean(f"{dotted}.enable", False):
        return ()
    found: list[tuple[str, str, bool]] = []
    for kind in ("block", "inline"):
        value = config.get(f"{dotted}.delimiters.{kind}")
        if not isinstance(value, list):
            continue
        for pair in value:
            if isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) and x for x in pair):
                found.append((pair[0], pair[1], kind == "block"))
    return tuple(found)


def _legacy_bool(config: _Config, dotted: str, *fields: tuple[str, bool], off: bool = False) -> tuple[bool, ...]:
    """The fields of a table that older Hugo versions set with one bool (`footnote = false`).

    A bare `false` sets the first field to `off`; a bare `true` keeps the defaults.
    """
    value = config.get(dotted)
    if isinstance(value, bool):
        return (fields[0][1] if value else off, *(default for _, default in fields[1:]))
    if value is not None and not isinstance(value, dict):
        raise config.error(dotted, f"expected a table, got {value!r}")
    return tuple(config.boolean(f"{dotted}.{name}", default) for name, default in fields)


def _substitutions(config: _Config, key: str) -> tuple[tuple[str, str], ...]:
    """The typographer's substitutions the config sets (`enDash = "--"`), by name; none
    under the legacy `typographer = true`."""
    if not isinstance(config.get(key), dict):
        return ()
    return tuple(
        (name, config.string(f"{key}.{name}", ""))
        for name in TYPOGRAPHER_HTML
        if config.get(f"{key}.{name}") is not None
    )


def _use_embedded(config: _Config, dotted: str) -> str:
    """`useEmbedded`, or the deprecated `enableDefault` bool, which overrides it."""
    if config.get(f"{dotted}.enabledefault") is not None:
        return "fallback" if config.boolean(f"{dotted}.enabledefault", False) else "never"
    value = config.string(f"{dotted}.useembedded", "auto")
    if value not in USE_EMBEDDED:
        raise config.error(f"{dotted}.useembedded", f"unknown value {value!r}; use one of {', '.join(USE_EMBEDDED)}")
    return value


def _embedded_hooks_auto(config: _Config) -> bool:
    """Whether `useEmbedded = "auto"` turns the embedded hooks on: single-host sites with a
    `languages` table (one language is enough: checked with Hugo 0.168) and without
    `duplicateResourceFiles`."""
    languages = config.table("languages")
    multihost = any(isinstance(v, dict) and "baseurl" in v for v in languages.values())
    duplicates = config.boolean("markup.goldmark.duplicateresourcefiles", False)
    return len(languages) >= 1 and not multihost and not duplicates


def _disabled_languages(config: _Config) -> frozenset[str]:
    """The codes of the languages `disableLanguages` or a language's `disabled` turns off."""
    listed = {code.lower() for code in config.strings("disablelanguages")}
    return frozenset(code for code in config.table("languages") if code in listed or config.boolean(f"languages.{code}.disabled", False)) | listed


def _languages(config: _Config, content_dir: str, environment: str) -> tuple[tuple[Language, ...], str]:
    """The enabled languages in Hugo's order (weight, then code; weight 0 last) and the default."""
    disabled = _disabled_languages(config)
    default = config.string("defaultcontentlanguage", "").lower()
    languages = []
    for code, settings in config.table("languages").items():
        key = f"languages.{code}"
        if settings is not None and not isinstance(settings, dict):
            raise config.error(key, f"expected a table, got {settings!r}")
        if code in disabled:
            if code == default:
                raise config.error("defaultcontentlanguage", f"the default language {code!r} is disabled")
            continue
        languages.append(
            Language(
                code=code,
                content_dir=config.folder(f"{key}.contentdir", content_dir),
                weight=config.integer(f"{key}.weight", 0),
                name=config.string(f"{key}.label", "") or config.string(f"{key}.languagename", ""),
                base_url=config.string(f"{key}.baseurl", ""),
                locale=config.string(f"{key}.locale", "") or config.string(f"{key}.languagecode", ""),
                permalinks=None if config.get(f"{key}.permalinks") is None else _permalinks(config, environment, f"{key}.permalinks"),
                params=tuple(sorted(printed_params(config.get(f"{key}.params")).items())),
            )
        )
    languages.sort(key=lambda lang: (lang.weight == 0, lang.weight, lang.code))
    codes = [lang.code for lang in languages]
    if not languages:
        return (), default or "en"
    if default and default not in codes:
        raise config.error("defaultcontentlanguage", f"{default!r} is not among the configured languages")
    return tuple(languages), default or ("en" if "en" in codes else codes[0])


def _ugly_urls(config: _Config) -> tuple[bool, frozenset[str]]:
    value = config.get("uglyurls")
    if value is None or isinstance(value, bool):
        return bool(value), frozenset()
    if isinstance(value, str):
        return value == "true", frozenset()
    if isinstance(value, dict):
        return False, frozenset(section for section, on in value.items() if _weak_bool(on))
    raise config.error("uglyurls", f"expected a boolean or a table of sections, got {value!r}")


def _taxonomies(config: _Config) -> tuple[tuple[str, str], ...]:
    key = "indexes" if config.get("indexes") is not None else "taxonomies"
    if config.get(key) is None:
        return SiteConfig.taxonomies
    if not isinstance(config.get(key), dict):
        return ()  # (`taxonomies = ["tag"]`: Hugo 0.168 makes no taxonomy, and says nothing)
    pairs = (
        (singular, str(plural).lower())
        for singular, plural in config.table(key).items()
        if isinstance(plural, str | int | float) and not isinstance(plural, bool)
    )
    return tuple(sorted((s, p) for s, p in pairs if s and p))


def _disabled_kinds(config: _Config) -> frozenset[str]:
    """`disableKinds`, lower-cased: a kind or a list of them (`404` as a number too, in YAML)."""
    value = config.get("disablekinds")
    kinds = value if isinstance(value, list) else [] if value is None else [value]
    return frozenset(str(kind).lower() for kind in kinds if isinstance(kind, str | int))


def _cascade_config(config: _Config) -> tuple[str, ...]:
    value = config.get("cascade")
    if value is None:
        return ()
    entries = value if isinstance(value, list) else [value]
    if not all(isinstance(entry, dict) for entry in entries):
        raise config.error("cascade", f"expected a table or a list of tables, got {value!r}")
    return tuple(json.dumps(entry, sort_keys=True, default=str) for entry in entries)


def _joining_paths(config: _Config) -> tuple[str, ...]:
    """The `path` of each HTML output format that sets one (`[outputFormats.print] path =
    "_print"`, `isHTML = true`): its pages join others' content (see SiteConfig.joining_paths)."""
    formats = config.get("outputformats")
    if not isinstance(formats, dict):
        return ()
    return tuple(sorted({
        path.strip("/") for value in formats.values()
        if isinstance(value, dict) and isinstance(path := value.get("path"), str) and path.strip("/")
        and (value.get("ishtml") is True or str(value.get("mediatype", "")).lower() == "text/html")
    }))  # fmt: skip


def _permalinks(config: _Config, environment: str, name: str = "permalinks") -> tuple[tuple[str, str], ...]:
    """Permalink rules as ("kind:target", pattern), most specific first, of the config key
    `name` (a language's: `languages.fr.permalinks`).

    `target` is a section name for the map forms (`[permalinks]`, `[permalinks.page]`)
    and a path glob starting with `/` for the `[[permalinks]]` list form.
    """
    value = config.get(name)
    if value is None:
        return ()
    if isinstance(value, dict):
        rules = _permalinks_map(config, value, name)
    elif isinstance(value, list):
        rules = _permalinks_list(config, value, environment, name)
    else:
        raise config.error(name, f"expected a table or a list of tables, got {value!r}")
    for _, pattern in rules:
        _check_pattern(config, pattern, name)
    return tuple(rules)


def _permalinks_map(config: _Config, value: dict[str, Any], name: str) -> list[tuple[str, str]]:
    rules: list[tuple[str, str]] = []
    for key, entry in value.items():
        if isinstance(entry, str):
            section = key.strip(" /")
            rules += [(f"page:{section}", entry), (f"term:{section}", entry)]
        elif isinstance(entry, dict) and key in _PERMALINK_KINDS:
            for section, pattern in entry.items():
                if not isinstance(pattern, str):
                    raise config.error(f"{name}.{key}.{section}", f"expected a string, got {pattern!r}")
                rules.append((f"{key}:{section.strip(' /')}", pattern))
        elif isinstance(entry, dict):
            raise config.error(f"{name}.{key}", f"kind {key!r} is not one of {', '.join(_PERMALINK_KINDS)}")
        else:
            raise config.error(f"{name}.{key}", f"expected a string, got {entry!r}")
    # Hugo's order between overlapping sections is that of a Go map (random): prefer the deeper one.
    return sorted(rules, key=lambda rule: -len(rule[0].partition(":")[2]))


def _permalinks_list(config: _Config, value: list[Any], environment: str, name: str) -> list[tuple[str, str]]:
    rules: list[tuple[str, str]] = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise config.error(name, f"each rule needs a string `pattern`, got {entry!r}")
        target = entry.get("target") or {}
        if not isinstance(target, dict):
            raise config.error(f"{name}.target", f"expected a table, got {target!r}")
        kind, path, env = (str(target.get(k) or "").lower() for k in ("kind", "path", "environment"))
        if env and not _glob(env).match(environment):
            continue
        if path and not path.startswith("/"):
            continue  # Hugo matches paths with a leading slash: such a rule never applies.
        rules.append((f"{kind or '*'}:{path or '/**'}", entry["pattern"]))
    return rules


def _check_pattern(config: _Config, pattern: str, key: str) -> None:
    for match in _ATTRIBUTE.finditer(pattern.replace("\\:", "\0")):
        name = match[0][1:]
        if not (name in _TOKENS or _is_go_layout(name) or re.fullmatch(r"sections?(?:lugs)?\[.*\]", name)):
            raise config.error(key, f"unknown permalink token {match[0]!r} in {pattern!r}")


_UNSAFE = "markup.goldmark.renderer.unsafe"


def _with_modules(config: _Config, modules: list[_Config], missing: bool) -> tuple[_Config, bool]:
    """The project's config with its themes' and modules' merged in, as Hugo merges them;
    and, when some are `missing`, whether one of them could turn raw HTML on (the merge
    would take its `unsafe` where the config has none)."""
    if not modules and not missing and not _has_strategies(config.data):
        return config, False
    merged = _Config(copy.deepcopy(config.data), dict(config.origins), config.files)
    _set_default_strategies(merged.data)
    for module in modules:
        _merge_module(merged, module)
    may_be_unsafe = False
    if missing and merged.get(_UNSAFE) is None:
        probe = _Config(copy.deepcopy(merged.data), {}, merged.files)
        _merge_module(probe, _Config({"markup": {"goldmark": {"renderer": {"unsafe": True}}}}, {}, merged.files))
        may_be_unsafe = probe.get(_UNSAFE) is True
    merged.data = _without_strategies(merged.data)
    return merged, may_be_unsafe


def _has_strategies(value: Any) -> bool:
    return isinstance(value, dict) and (_MERGE in value or any(_has_strategies(item) for item in value.values()))


# Themes and modules known to hold no link or image render hook in any release: Docsy (its
# tags v0.2.0 to v0.14 and its main branch, read in its repository), by theme name or module
# path. While such a one alone is missing, links and images render as with Hugo's own hooks.
_WITHOUT_LINK_HOOKS = re.compile(r"(?:github\.com/google/)?docsy(?:/dependencies)?(?:/v\d+)?")


def _without_link_hooks(missing: Iterable[str]) -> bool:
    """Whether every theme or module of `missing` is known to hold no link or image hook."""
    return all(_WITHOUT_LINK_HOOKS.fullmatch(path) for path in missing)


@dataclass(frozen=True)
class _Modules:
    """The site's themes and imported modules, as `_module_dirs` finds them."""

    found: list[Path]  # each followed by those it imports
    missing: list[str]
    configs: list[_Config]  # of those found, in the order Hugo merges them
    missing_components: frozenset[str]  # that the missing ones may fill
    without_layouts: frozenset[Path]  # found, but imported with mounts that name no `layouts`
    # The content paths the missing ones' imports mount content at (`guide/extra` of
    # `target = "content/guide/extra"`)
    missing_content: tuple[str, ...] = ()


def _module_dirs(
    root: Path, config: _Config, themes: tuple[str, ...], themes_dir: Path, environment: str, home: Path | None = None
) -> _Modules:
    """The directories of the site's themes and imported modules, each followed by those it
    imports in turn, as Hugo finds them: an import's path named in `module.replacements` (or
    the environment's `HUGO_MODULE_REPLACEMENTS`; not a theme's) goes to its directory,
    relative to themesDir;
    else a module vendored in `_vendor/` (listed in its `modules.txt`), else the local
    directory a `replace` of the site's `go.mod` names, else, at the version a `go.mod`
    requires, the module in Go's module cache (`hugo mod get` fills it), else
    themesDir/path; a theme not there, whose example site this is, is `home` (the default
    themesDir's `../..`).
    Also the paths not found there, or found empty (Hugo would fetch them as Go modules, or
    fail); the configs of those found, in the order Hugo merges them; and the components
    (`layouts`, `static`…) the missing ones may fill: those their imports' mounts name, all
    for a theme or an import without mounts."""
    replacements = _replacements(config.get("module.replacements"))
    vendored = _vendored(root / "_vendor")
    go_mod = _go_mod(root)
    go_replacements = _go_mod_replacements(root, go_mod)
    requirements = _go_mod_requirements(go_mod)
    caches = _module_caches(root, config) if requirements else []
    found: list[Path] = []
    missing: list[str] = []
    configs: list[_Config] = []
    missing_components: set[str] = set()
    without_layouts: set[Path] = set()
    missing_content: list[str] = []

    def resolve(path: str, imported: bool) -> Path:
        if imported and path in replacements:  # a theme's path is not replaced (checked with hugo 0.168)
            # Joined as Go does (`..` taken lexically); an absolute replacement stays as it is.
            return Path(os.path.normpath(themes_dir / replacements[path]))
        if path in vendored:
            return root / "_vendor" / path
        if path in go_replacements:
            return go_replacements[path]
        if path in requirements and (cached := _cached_module(caches, path, requirements[path])) is not None:
            return cached
        if home is not None and path in themes and _is_example_site_of(root, path):
            if not _has_files(themes_dir / path):
                return home
        return themes_dir / path

    def visit(themes: list[str], imports: list[str], depth: int, importer: _Config) -> None:
        mounted = _import_mounts(importer)
        given = _import_mount_tables(importer)
        for index, path in enumerate([*themes, *imports]):
            directory = resolve(path, index >= len(themes))
            if not _has_files(directory):
                if path not in missing:
                    missing.append(path)
                missing_components.update(mounted.get(path, _COMPONENTS))
                # (not a mount of its whole `content`: Docsy's own mounts, copied into many a
                # site's import though Docsy has no content, say nothing of where pages go)
                missing_content.extend(folder for folder in _content_folders(given.get(path, [])) if folder)
                continue
            if directory in found:
                continue
            found.append(directory)
            for required, version in _go_mod_requirements(_go_mod(directory)).items():  # a module's own
                requirements.setdefault(required, version)
            module = _load_config(directory, environment)
            if path in given:  # the importer's mounts replace the module's own (checked with hugo 0.168)
                module.merge({"module": {"mounts": given[path]}}, importer.origin(("module", "imports")))
            # A module with mounts has those alone: no `layouts` among them, Hugo reads none
            # of its templates (checked with hugo 0.168)
            if "layouts" not in mounted.get(path, _COMPONENTS) or (
                _tables(module, "module.mounts") and not _mounts_to(module, "layouts")
            ):
                without_layouts.add(directory)
            configs.append(module)
            if depth < _MAX_THEME_DEPTH:
                visit(module.strings("theme"), _imports(module), depth + 1, module)

    visit(list(themes), _imports(config), 0, config)
    return _Modules(
        found, missing, configs, frozenset(missing_components), frozenset(without_layouts), tuple(missing_content)
    )


def _static_dirs(
    root: Path, config: _Config, module_dirs: list[Path], modules: list[_Config], languages: Sequence[Language]
) -> tuple[tuple[str, str], ...] | None:
    """The folders Hugo copies static files from, each with the publish-dir folder it
    copies them into ("" for the root): `staticDir` (one or a list) and each theme's or
    module's `static`, unless `module.mounts` say otherwise. The project's mounts to
    `static` replace `staticDir`; a module with mounts has those alone (checked with Hugo
    0.168). None when that is not known for sure: a language with a `staticDir` of its own,
    a mount that filters its files or is for some languages. The caller knows whether a
    module is missing."""
    if any(config.get(f"languages.{language.code}.staticdir") is not None for language in languages):
        return None
    return _component_dirs(root, config, module_dirs, modules, "static")


def _component_dirs(
    root: Path,
    config: _Config,
    module_dirs: list[Path],
    modules: list[_Config],
    component: str,
    folders: list[str] | None = None,
) -> tuple[tuple[str, str], ...] | None:
    """The folders of a component (`static`, `assets`, `i18n`) as `_static_dirs` tells them;
    `folders`: the project's own, when not its `staticDir`… setting."""
    own = _component_mounts(config, root, component)
    if own is None:
        return None
    folders = folders or config.strings(_COMPONENT_DIR_KEYS[component]) or [component]
    found = own or [(str(root / folder), "") for folder in folders]
    for directory, module in zip(module_dirs, modules):
        mounted = _component_mounts(module, directory, component)
        if mounted is None:
            return None
        if _tables(module, "module.mounts"):
            found += mounted
        else:
            found.append((str(directory / component), ""))
    return tuple(found)


_COMPONENT_DIR_KEYS = {"static": "staticdir", "assets": "assetdir", "i18n": "i18ndir"}


def _text_templates(templates: dict[str, list[Path]], layouts: _Layouts) -> dict[str, str]:
    """The shortcodes with a single template that writes text made of its call's parameters
    and the site's translations alone (template_text), each with that template."""
    texts = {name: layouts.text(files[0]) for name, files in templates.items() if len(files) == 1}
    return {name: text for name, text in texts.items() if template_text.read(text) is not None}


def _translations(
    root: Path, config: _Config, module_dirs: list[Path], modules: list[_Config], default_language: str
) -> dict[str, dict[str, str]] | None:
    """The site's translation tables (i18n.load_translations); None when a mount of its
    `i18n` folders is not followed. The default language's `i18nDir` is the site's (checked
    with hugo 0.168: Kubernetes sets it there); another language's is not read."""
    own = config.strings(f"languages.{default_language}.i18ndir") or config.strings("i18ndir")
    folders = _component_dirs(root, config, module_dirs, modules, "i18n", own)
    if folders is None or any(under for _, under in folders):
        return None
    return load_translations(Path(folder) for folder, _ in folders)


_FILTERS = ("files", "includefiles", "excludefiles", "lang", "sites")


def _component_mounts(config: _Config, directory: Path, component: str) -> list[tuple[str, str]] | None:
    """The config's mounts to `component` (or below): (source folder, the folder below the
    component's). None when one filters its files or languages (not followed)."""
    found = []
    for mount in _mounts_to(config, component):
        if any(key in mount for key in _FILTERS):
            return None
        source = str(mount.get("source", "")).strip()
        under = str(mount.get("target", "")).strip("/").partition("/")[2]
        if source and "\0" not in source:
            found.append((str(directory / source), under))
    return found


def _module_content(directory: Path, module: _Config) -> list[str]:
    """The content paths a theme's or module's content fills: its mounts' to `content` of a
    folder or file that is there (Hugo skips the others), or without mounts, its `content`
    folder's; a mount at the content's root fills the places of what its folder holds
    (`desktop` of `content/desktop/`, `faq` of `content/faq.md`)."""
    if _tables(module, "module.mounts"):
        mounts = [
            mount for mount in _mounts_to(module, "content")
            if (directory / str(mount.get("source", "")).strip()).exists()
        ]  # fmt: skip
    else:
        mounts = [{"source": "content", "target": "content"}] if (directory / "content").is_dir() else []
    folders = []
    for mount in mounts:
        if (folder := _content_folder(mount)) is None:
            continue
        source = directory / str(mount.get("source", "")).strip()
        folders.extend(_entries(source) if not folder and source.is_dir() else [folder])
    return folders


def _entries(folder: Path) -> list[str]:
    """The names of a content folder's entries as content paths start with them: a folder's
    name, a file's without its extension (`faq` of `faq.md`), lower-cased as Hugo's paths
    are; "" (anything) when it cannot be read."""
    try:
        return sorted({posixpath.splitext(entry.name)[0].lower() if entry.is_file() else entry.name.lower()
                       for entry in folder.iterdir() if not entry.name.startswith(".")})
    except OSError:
        return [""]


def _content_folders(mounts: Iterable[Mapping[str, Any]]) -> list[str]:
    """The `_content_folder`s of those of `mounts` that mount content."""
    return [folder for mount in mounts if (folder := _content_folder(mount)) is not None]


def _content_folder(mount: Mapping[str, Any]) -> str | None:
    """The content path of a mount's target below `content` (`guide/extra` of
    `content/guide/extra`, "" of `content`; a single file's is its folder's); None for a
    mount of another component."""
    component, *place = _go_clean(str(mount.get("target", "")).replace("\\", "/")).strip("/").split("/")
    if component.lower() != "content":
        return None
    if place and posixpath.splitext(place[-1])[1]:
        place = place[:-1]  # `content/changelog.md`
    return "/".join(place)


def _mounts_to(config: _Config, component: str) -> list[dict[str, Any]]:
    """The config's `module.mounts` whose target is the component folder (`static`,
    `content`) or a path below it."""
    mounts = _tables(config, "module.mounts")
    return [mount for mount in mounts if _component(str(mount.get("target", ""))) == component]


def _component(target: str) -> str:
    """The component a mount's target is (or is below): `static` of `static/webfonts`."""
    return target.strip("/").split("/")[0].lower()


def _is_example_site_of(root: Path, theme: str) -> bool:
    """Whether the site is the example site in the theme `theme`'s folder (`hermit/exampleSite`,
    named as Hugo's theme gallery asks), which its author builds from there with
    `--themesDir ../..`."""
    return root.name == "exampleSite" and root.parent.name == theme and _has_files(root.parent / "layouts")


def _has_files(directory: Path) -> bool:
    """Whether `directory` exists and is not empty (an empty one is usually a git submodule
    not checked out)."""
    try:
        return next(directory.iterdir(), None) is not None
    except (OSError, ValueError):  # ValueError: a NUL character in the path
        return False


def missing_modules_notes(site: SiteConfig, rules: Collection[str] = ()) -> tuple[str, ...]:
    """What the summary says of themes, modules and layouts mounts not on disk, to a run of
    these `rules`: a line for each kind."""
    unsafe = ", raw HTML is taken as kept (the config takes its markup settings)" if site.unsafe_from_missing_module else ""
    unknown_h1 = "content-h1" in rules and site.title_h1 is None
    h1 = ", nor level-1 headings against the title (content-h1: whether it prints one is unknown)" if unknown_h1 else ""
    unknown_templates = (
        f"shortcode names are not checked{h1}, and the Markdown's links and images, which render hooks there "
        "may write, are checked with --build alone"
    )
    notes = []
    if site.missing_modules:
        missing = site.missing_modules
        names = a_few(missing)
        what = "theme or module" if len(missing) == 1 else "themes or modules"
        if "layouts" in site.missing_components and _without_link_hooks(missing):
            unknown = (
                f"shortcode names are not checked{h1}; links and images are rendered as Hugo's own hooks do "
                f"(Docsy has no hook of its own for them){unsafe}"
            )
        elif "layouts" in site.missing_components:
            unknown = unknown_templates + unsafe
        else:
            mount = "it mounts" if len(missing) == 1 else "they mount"
            unknown = f"the files {mount} ({', '.join(sorted(site.missing_components - {'layouts'}))}) are unknown"
        if "static" in site.missing_components and "layouts" in site.missing_components and _without_link_hooks(missing):
            # (the static files it may copy: a missing page is judged only in a folder pages are in)
            unknown += "; a link to a top-level folder no page of the site is in is left to --build"
        notes.append(
            f"{what} {names} not found (or empty) in {site.themes_dir}/, _vendor/ or module.replacements: "
            f"{unknown} (check out git submodules, run `hugo mod vendor`, or set HUGO_THEMESDIR, or "
            "HUGO_MODULE_REPLACEMENTS for a module.imports path)"
        )
    if site.missing_layout_mounts:
        missing = site.missing_layout_mounts
        names = a_few(missing)
        sources = "source" if len(missing) == 1 else "sources"
        install = " (run `npm install` first?)" if any("node_modules" in path for path in missing) else ""
        notes.append(f"layouts mount {sources} {names} not found: {unknown_templates}{install}")
    return tuple(notes)


def a_few(items: Sequence[str], *, limit: int = 3, each: Callable[[str], str] = repr) -> str:
    """The first `limit` of `items`, each as `each` shows it (quoted), and how many more there are."""
    shown = ", ".join(each(item) for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def missing_mounts_notes(site: SiteConfig) -> tuple[str, ...]:
    """What the summary says of content mounts whose source is not on disk (Hugo skips them
    without a word): one line."""
    if site.root is None:
        return ()
    # each language's own contentDir, the site's when it sets none (hugo-book's content.en)
    folders = {language.content_dir for language in site.languages} or {site.content_dir}
    if not site.content_mounts and not any((site.root / folder).is_dir() for folder in folders):
        return (
            f"contentDir {site.content_dir!r} not found: no page of the site is checked (is it made by "
            "a step before the build, or a git submodule not checked out?)",
        )
    missing = [m for m in site.content_mounts if not (site.root / m.source).exists()]
    if not missing:
        return ()
    shown = ", ".join(f"{m.source!r} ({'/'.join(('content', *m.target))})" for m in missing[:3])
    more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    sources, them = ("source", "it") if len(missing) == 1 else ("sources", "them")
    return (
        f"content mount {sources} {shown}{more} not found: Hugo skips {them}, so no page of "
        f"{them} is checked and links to them lead nowhere in Hugo's build (check out git submodules?)",
    )


def _tables(config: _Config, dotted: str) -> list[dict[str, Any]]:
    """The tables of a list of tables (`module.mounts`), or of a single one; other values
    left out."""
    value = config.get(dotted)
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


_COMPONENTS = frozenset({"archetypes", "assets", "content", "data", "i18n", "layouts", "static"})
# A folder of templates and the folders below `layouts` it fills (a mount to `layouts/x`)
LayoutRoot = tuple[Path, tuple[str, ...]]


def _hosts(*urls: str) -> frozenset[str]:
    """The hosts of these base URLs (the site's and its languages'), lower case."""
    found = set()
    for url in urls:
        with contextlib.suppress(ValueError):  # (an unclosed IPv6 host)
            found.add(urlsplit(url.strip()).hostname)
    return frozenset(found - {None})


def _server_redirects(root: Path, hosts: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The `[[redirects]]` of the netlify.toml that deploys the site, as `parse_redirects`
    writes rules: at its root (unless its `build.base` is another folder), or in a folder
    above whose `build.base` is the site's root (Netlify reads it after the publish dir's
    `_redirects`); a rule for one of the site's own `hosts` is one of its paths
    (`from = "https://carvel.dev/x"`), rules for another host (`from = "https://k8s.dev/*"`)
    and fallbacks (`fallback_rule`) are left out."""
    for folder in (root, *root.parents[:3]):
        path = folder / "netlify.toml"
        try:
            data = tomllib.loads(path.read_text("utf-8")) if path.is_file() else None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = None
        if data is None:
            continue
        build = data.get("build")
        base = str(build.get("base", "")).strip("/") if isinstance(build, dict) else ""
        if folder != root and (not base or (folder / base).resolve() != root.resolve()):
            continue
        if folder == root and base and (root / base).resolve() != root.resolve():
            return ()  # it deploys another folder of the repository (volcano's `base = "docs-site"`)
        rules = data.get("redirects")
        listed = rules if isinstance(rules, list) else []
        rules = [_on_own_host(rule, hosts) for rule in listed if isinstance(rule, dict)]
        return tuple(
            _server_rule(rule) for rule in rules
            if str(rule.get("from", "")).startswith("/") and not _not_found(rule)
            and not fallback_rule(str(rule.get("from", "")), str(rule.get("to", "")))
        )
    return ()


def _vercel_redirects(root: Path) -> tuple[str, ...]:
    """The `redirects` and `rewrites` of the site's `vercel.json`, as `parse_redirects` writes
    rules (Vercel applies them in that order): a source of path segments, `:name` ones and a
    last `(.*)` or `:name*` (a splat, the `$1` or `:name*` of the destination) is followed; one
    with a condition (`has`, `missing`) is taken to lead somewhere; another pattern is not read."""
    try:
        data = json.loads(read_text(root / "vercel.json"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return ()
    if not isinstance(data, dict):
        return ()
    found = []
    for key, status in (("redirects", "308"), ("rewrites", "200")):
        rules = data.get(key)
        for rule in rules if isinstance(rules, list) else ():
            if isinstance(rule, dict) and (written := _vercel_rule(rule, status)) is not None:
                found.append(written)
    return tuple(found)


def _vercel_rule(rule: Mapping[str, Any], status: str) -> str | None:
    source, target = rule.get("source"), rule.get("destination")
    if not isinstance(source, str) or not isinstance(target, str) or not source.startswith("/"):
        return None
    splat = _VERCEL_SPLAT.search(source)
    path = source[: splat.start()] + "/*" if splat else source
    if not _VERCEL_PATH.fullmatch(path):
        return None  # a pattern of path-to-regexp's not read here
    if splat:
        target = target.replace("$1" if splat[0] == "/(.*)" else f":{splat[1]}*", ":splat")
    if fallback_rule(path, target):
        return None
    if rule.get("has") or rule.get("missing") or "$" in target or "(" in target:
        return path
    code = str(rule.get("statusCode") or (status if rule.get("permanent", True) or status == "200" else "307"))
    return f"{path} {target}" if followed_rule(target, code) else path


# The end of a source path that matches any rest: `/(.*)`, `/:path*`
_VERCEL_SPLAT = re.compile(r"/(?:\(\.\*\)|:(\w+)\*)$")
_VERCEL_PATH = re.compile(r"(?:/(?::\w+|[\w.~%@!$&'+,;=-]+))*/?(?:/\*)?")


def _on_own_host(rule: dict[str, Any], hosts: frozenset[str]) -> dict[str, Any]:
    """A rule whose `from` is an address of one of the site's `hosts`, with its path alone
    (Netlify matches such a rule on that domain)."""
    source = str(rule.get("from", "")).strip()
    if not source.lower().startswith(("http://", "https://")):
        return rule
    try:
        parts = urlsplit(source)
        host = parts.hostname
    except ValueError:
        return rule
    return {**rule, "from": parts.path or "/"} if host in hosts else rule


def _server_rule(rule: Mapping[str, Any]) -> str:
    """A netlify.toml rule as `parse_redirects` writes one: `from to` when it is followed (a
    redirect or rewrite to a path of the site, on no condition), else `from` alone."""
    source, target = str(rule.get("from", "")), str(rule.get("to", ""))
    plain = not rule.get("conditions") and not rule.get("query") and " " not in source
    return f"{source} {target}" if plain and followed_rule(target, str(rule.get("status", ""))) else source


def _not_found(rule: Mapping[str, Any]) -> bool:
    """Whether a netlify.toml rule answers with an error (`status = 404`: a custom 404 page
    for `/*`), which serves nothing at its paths."""
    return str(rule.get("status", "")).strip().startswith("4")


def _layout_roots(config: _Config, root: Path) -> tuple[list[LayoutRoot], tuple[str, ...]]:
    """The project's template folders: its mounts to `layouts` (or below), which replace
    `layoutDir` (Doks mounts its templates from `node_modules`), else `layoutDir`; and the
    mounts' sources not on disk (packages not installed), which Hugo skips."""
    mounts = _mounts_to(config, "layouts")
    if not mounts:
        return [(root / config.folder("layoutdir", "layouts"), ())], ()
    found: list[LayoutRoot] = []
    missing: list[str] = []
    for mount in mounts:
        source = str(mount.get("source", "")).strip()
        below = tuple(part for part in str(mount.get("target", "")).strip("/").split("/")[1:] if part)
        if not source or "\0" in source:
            continue
        if (root / source).exists():
            found.append((root / source, below))
        elif source not in missing and below[:1] not in (("_partials",), ("partials",)):
            # (one of partials alone holds no shortcode, hook or page template; a template
            # that calls one of them fails the build without it, as Hugo skips it too)
            missing.append(source)
    return found, tuple(missing)


def _import_mounts(config: _Config) -> dict[str, frozenset[str]]:
    """The components the mounts of a config's imports fill (`static` of `static/webfonts`),
    by import path, for the imports that list mounts: such a module has those alone."""
    return {
        path: frozenset(_component(str(mount.get("target", ""))) for mount in mounts)
        for path, mounts in _import_mount_tables(config).items()
    }


def _import_mount_tables(config: _Config) -> dict[str, list[dict[str, Any]]]:
    """The mounts a config's imports list, by import path (those that list some)."""
    found = {}
    for entry in _tables(config, "module.imports"):
        mounts = entry.get("mounts")
        mounts = [mounts] if isinstance(mounts, dict) else mounts if isinstance(mounts, list) else []
        tables = [mount for mount in mounts if isinstance(mount, dict)]
        if entry.get("path") and tables:
            found[str(entry["path"])] = tables
    return found


def _imports(config: _Config) -> list[str]:
    """The paths of a config's enabled `module.imports`."""
    return [
        str(entry["path"])
        for entry in _tables(config, "module.imports")
        if entry.get("path") and not _weak_bool(entry.get("disable", False))
    ]


def _replacements(value: Any) -> dict[str, str]:
    """`module.replacements`: "path -> directory" pairs, comma-separated or a list."""
    pairs = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    found = {}
    for pair in pairs:
        path, arrow, directory = str(pair).partition("->")
        if arrow and path.strip() and directory.strip():
            found[path.strip()] = directory.strip()
    return found


# A `replace` directive of go.mod, alone or in a `replace ( … )` block: the module path (and
# optional version) on the left, a directory or another module on the right.
_GO_REPLACE = re.compile(r'^(?:replace\s+)?("[^"]+"|\S+)(?:\s+\S+)?\s*=>\s*("[^"]+"|\S+)')


def _go_mod_replacements(root: Path, go_mod: Mapping[str, list[str]]) -> dict[str, Path]:
    """The modules the site's `go.mod` (its `_go_mod` lines) replaces with a local directory
    (`replace github.com/x/theme => ../`), which Go, and so Hugo, use instead of fetching them."""
    found: dict[str, Path] = {}
    for line in go_mod.get("replace", ()):
        if match := _GO_REPLACE.match(line):
            path, target = (part.strip('"') for part in match.groups())
            if target.startswith(("./", "../", "/")) or target in (".", ".."):
                found[path] = Path(os.path.normpath(root / target))
    return found


def _go_mod_requirements(go_mod: Mapping[str, list[str]]) -> dict[str, str]:
    """The version of each module a `go.mod` (its `_go_mod` lines) requires (`require
    github.com/x/theme v1.2.0`)."""
    found = {}
    for line in go_mod.get("require", ()):
        fields = line.removeprefix("require").split()
        if len(fields) >= 2:
            found[fields[0].strip('"')] = fields[1]
    return found


def _go_mod(directory: Path) -> dict[str, list[str]]:
    """The lines of a directory's `go.mod`, by directive (`require`, `replace`), each alone
    or in a block (`require ( … )`), comments left out; read once."""
    try:
        text = read_text(directory / "go.mod", errors="replace")
    except (OSError, ValueError):
        return {}
    found: dict[str, list[str]] = {}
    block = None
    for raw in text.splitlines():
        line = raw.split("//", 1)[0].strip()
        if block is not None and line.startswith(")"):
            block = None
        elif match := _GO_BLOCK.fullmatch(line):
            block = match[1]
        elif line:
            directive = block or line.split(None, 1)[0]
            found.setdefault(directive, []).append(line)
    return found


_GO_BLOCK = re.compile(r"(\w+)\s*\(")  # a directive's block: `require (`


def _module_caches(root: Path, config: _Config) -> list[Path]:
    """Where Go keeps the modules Hugo downloads, most likely first: `GOMODCACHE`, else
    `pkg/mod` below Hugo's modules cache (Hugo runs Go with that as GOPATH), which is
    `caches.modules.dir` (`:cacheDir/modules` by default) and `:cacheDir` is
    `HUGO_CACHEDIR`, the config's `cacheDir`, else the user's cache folder's `hugo_cache`
    (or the temporary folder's, as older Hugo had it)."""
    found = [Path(os.environ["GOMODCACHE"])] if os.environ.get("GOMODCACHE") else []
    if config.string("cachedir", ""):
        cache_dirs = [root / config.string("cachedir", "")]
    else:
        home = Path.home()
        user = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
        cache_dirs = [
            *([Path(user) / "hugo_cache"] if user else []),
            home / ".cache" / "hugo_cache", home / "Library" / "Caches" / "hugo_cache",
            Path(tempfile.gettempdir()) / "hugo_cache",
        ]  # fmt: skip
    modules = config.string("caches.modules.dir", ":cacheDir/modules")
    for cache_dir in cache_dirs:
        if modules.startswith(":cacheDir"):
            folder = cache_dir / modules.removeprefix(":cacheDir").lstrip("/\\")
        elif modules.startswith(":project"):
            folder = root / modules.removeprefix(":project").lstrip("/\\")
        else:
            folder = root / modules
        found.append(folder / "filecache" / "modules" / "pkg" / "mod")
    return found


def _cached_module(caches: Sequence[Path], path: str, version: str) -> Path | None:
    """The folder of module `path` at `version` in the first of the module `caches` that
    holds it, as Go names it: capitals written `!` and the lower-case letter
    (`github.com/!cai!jimmy/hugo-theme-stack/v3@v3.32.0`)."""
    escaped = re.sub(r"[A-Z]", lambda letter: "!" + letter[0].lower(), f"{path}@{version}")
    return next((cache / escaped for cache in caches if _has_files(cache / escaped)), None)


def _vendored(vendor: Path) -> frozenset[str]:
    """The module paths `_vendor/modules.txt` lists (`# path version` lines)."""
    try:
        text = (vendor / "modules.txt").read_text("utf-8", errors="replace")
    except OSError:
        return frozenset()
    return frozenset(line.split()[1] for line in text.splitlines() if line.startswith("# ") and len(line.split()) > 1)


def _unmounted_shortcodes(
    root: Path, unmounted: Iterable[Path], templates: Mapping[str, list[Path]]
) -> tuple[tuple[str, str], ...]:
    """The shortcodes of modules whose templates Hugo does not read that no template read
    has, each with its first template, relative to `root`."""
    found = _shortcode_templates([(directory / "layouts", ()) for directory in sorted(unmounted)])
    return tuple(
        (name, display_path(files[0], root))
        for name, files in sorted(found.items()) if name not in templates
    )


def _shortcode_templates(layout_dirs: list[LayoutRoot]) -> dict[str, list[Path]]:
    """Shortcode names from `_shortcodes/` (anywhere in layouts) and legacy `shortcodes/`,
    each with its template files (one per output format) from the first of `layout_dirs`
    that has the name: the project's layouts override its themes', as in Hugo."""
    templates: dict[str, list[Path]] = {}
    for layouts, below in layout_dirs:
        if not layouts.is_dir():
            continue
        found: dict[str, list[Path]] = {}
        # A mount to `layouts/_shortcodes/x` (or below) fills a shortcodes folder itself
        at = next(
            (i for i, part in enumerate(below) if part == "_shortcodes" or (i == 0 and part == "shortcodes")), None
        )
        if at is not None:
            folders = [(layouts, below[at + 1 :])]
        else:
            legacy = [] if below else [layouts / "shortcodes"]  # `shortcodes/` right in `layouts`
            folders = [(folder, ()) for folder in [*legacy, *layouts.rglob("_shortcodes")]]
        for folder, name_prefix in folders:
            if not folder.is_dir():
                continue
            for file in folder.rglob("*"):
                parts = (*name_prefix, *file.relative_to(folder).parts)
                if file.is_file() and not any(part.startswith(".") for part in parts):
                    # Hugo looks templates up by lower-cased name
                    found.setdefault("/".join([*parts[:-1], parts[-1].split(".")[0]]).lower(), []).append(file)
        for name, files in found.items():
            templates.setdefault(name, files)
    return templates


# A parameter a template passes to ref or relref: `relref . (.Get "path")`; `{{ with .Get
# "relref" }}…{{ relref $ . }}` (geekdoc's button); `$p := .Get 0` … `relref . $p`
_GET = r"""\.Get\s+(?:"(\w+)"|(\d+))"""
_REF_OF_GET = re.compile(rf"""\b(relref|ref)\s+[$.\w]+\s+\(\s*{_GET}\s*\)""")
_WITH_GET = re.compile(rf"""\{{\{{-?\s*with\s+{_GET}\s*-?\}}\}}""")
_REF_OF_DOT = re.compile(r"""\b(relref|ref)\s+(?:\$|\$\.Page|\$\.Page\.Page)\s+\.\s*-?\}\}""")
_END_OR_ELSE = re.compile(r"\{\{-?\s*(?:end|else)\b")
_ASSIGNED_GET = re.compile(rf"""\$(\w+)\s*:?=\s*{_GET}\s*-?\}}\}}""")
_REF_OF_VARIABLE = re.compile(r"\b(relref|ref)\s+[$.\w]+\s+\$(\w+)\b")


# A template's test of an address: whether it starts like a URL, or what its parts are
_TESTS_ADDRESS = re.compile(r"\b(?:hasPrefix|strings\.HasPrefix|urls\.Parse|findRE|strings\.Contains)\b")


def _got(match: re.Match[str], at: int) -> str | int:
    """The parameter a `_GET` matched from group `at` on: a name, or a position."""
    return match[at] if match[at] is not None else int(match[at + 1])


def _ref_parameters(texts: Iterable[str]) -> set[tuple[str | int, str]]:
    """The parameters a shortcode's templates pass to `ref` or `relref`, each with the
    function: (`"relref"` or `0`, "relref"). Each pattern is sought once (linear time)."""
    found: set[tuple[str | int, str]] = set()
    for text in texts:
        if "ref" not in text:
            continue
        for match in _REF_OF_GET.finditer(text):
            found.add((_got(match, 2), match[1]))
        ends = [match.start() for match in _END_OR_ELSE.finditer(text)]
        refs = [(match.start(), match[1]) for match in _REF_OF_DOT.finditer(text)]
        for match in _WITH_GET.finditer(text):  # a ref of `.` before the `with`'s end
            end = ends[index] if (index := bisect.bisect_left(ends, match.end())) < len(ends) else len(text)
            ref = refs[index] if (index := bisect.bisect_left(refs, (match.end(), ""))) < len(refs) else None
            if ref is not None and ref[0] < end:
                found.add((_got(match, 1), ref[1]))
        variables = {}  # the first ref of each variable: (where, the function)
        for match in _REF_OF_VARIABLE.finditer(text):
            variables.setdefault(match[2], (match.start(), match[1]))
        for match in _ASSIGNED_GET.finditer(text):
            ref = variables.get(match[1])
            if ref is not None and ref[0] > match.start():
                found.add((_got(match, 2), ref[1]))
    return found


# An attribute whose value a template's action starts, and the action's first command:
# Go filters what it writes there when the attribute is a URL's (`_go_url_attribute`)
_ACTION_VALUE = r"""(?<![\w:.-])([\w:.-]+)\s*+=\s*+["']?\{\{-?\s*+"""
# through functions, each with arguments, none of them safeURL: `| default "#"`
_PIPED = r"""(?:\|\s*+(?!safeURL\b)[\w.]++(?:\s++(?:"[^"\n]*+"|[$\w.]++))*+\s*+)*+-?\}\}"""
_URL_OF_GET = re.compile(rf"{_ACTION_VALUE}\$?{_GET}\s*+{_PIPED}")
_URL_OF_VARIABLE = re.compile(rf"{_ACTION_VALUE}\$(\w+)\s*+{_PIPED}")
_ASSIGNED_PIPED_GET = re.compile(rf"""\$(\w+)\s*:?=\s*\$?{_GET}\s*+{_PIPED}""")
# Go's html/template: the attributes whose values are URLs (attrTypeMap), besides any whose
# name holds `src`, `uri` or `url`
_GO_URL_ATTRIBUTES = frozenset({
    "action", "background", "cite", "classid", "codebase", "data", "formaction", "href", "icon", "longdesc",
    "manifest", "poster", "profile", "src", "usemap", "xmlns",
})  # fmt: skip


def _go_url_attribute(name: str) -> bool:
    """Whether Go's html/template filters a value written in attribute `name` as a URL
    (its attrType: `data-` left out, a namespace's prefix too but `xmlns:`)."""
    name = name.lower()
    if name.startswith("data-"):
        name = name[5:]
    elif ":" in name:
        prefix, _, name = name.partition(":")
        if prefix == "xmlns":
            return True
    return name in _GO_URL_ATTRIBUTES or (
        not name.startswith("on") and any(part in name for part in ("src", "uri", "url"))
    )


def _url_parameters(texts: Iterable[str]) -> set[tuple[str | int, str]]:
    """The parameters a shortcode's templates write as a URL attribute's value, or its
    start, without safeURL: `href="{{ .Get "href" }}"`, or through a variable assigned so
    (`$href := .Get "href"`, then `href="{{ $href }}"`), by name or by position, each with
    the attribute. None of a template that writes anything through safeURL, which may
    be the branch such a value takes."""
    found: set[tuple[str | int, str]] = set()
    for text in texts:
        if "{{" not in text or "=" not in text or "safeURL" in text:
            continue
        for match in _URL_OF_GET.finditer(text):
            if _go_url_attribute(match[1]):
                found.add((_got(match, 2), match[1].lower()))
        written = {
            match[2]: match[1].lower() for match in _URL_OF_VARIABLE.finditer(text) if _go_url_attribute(match[1])
        }
        for match in _ASSIGNED_PIPED_GET.finditer(text):
            if match[1] in written:
                found.add((_got(match, 2), written[match[1]]))
    return found


def _shortcodes_whose(test: Callable[[str], object], texts: Mapping[str, list[str]]) -> frozenset[str]:
    """The shortcodes one of whose templates' texts passes `test`."""
    return frozenset(name for name, found in texts.items() if any(test(text) for text in found))


def _reads_named_only(template: str) -> bool:
    """Whether a shortcode template reads parameters by name alone (`.Get "src"`), and by
    no other way (`.Get 0`, `.Get $i`, `.Params`, `IsNamedParams`), calling no partial or
    template that may read them."""
    return _GETS_BY_NAME.search(template) is not None and _READS_OTHERWISE.search(template) is None


_GETS_BY_NAME = re.compile(r"\.Get\s+\"")
_READS_OTHERWISE = re.compile(
    r"\.Get\s+[^\"\s]|\.Params\b|IsNamedParams|\bpartial(?:Cached)?\b|\btemplate\b|\.Get\s*\)"
)


# `.Inner` or `.InnerDeindent`: Hugo's `ParseInfo.IsInner`, read from any one of the templates
_USES_INNER = re.compile(r"\.Inner")
_WRITES_IDS = re.compile(r"""\bid\s*=\s*["'{]""", re.IGNORECASE)  # see SiteConfig.shortcodes_with_ids
_RENDERS_MARKDOWN = re.compile(r"markdownify|\.RenderString|\.RenderShortcodes")
# `.Inner | markdownify`, `.Inner | .Page.RenderString`, `markdownify .Inner`,
# `.Page.RenderString .Inner` (`.InnerDeindent` alike), through a function that trims it
# first (`trim .Inner "\n" | markdownify`, `.Inner | chomp | markdownify`, `markdownify
# (trim .Inner "\n")`: flux's note); not made plain text after
_INNER = r"\$?\.Inner(?:Deindent)?\b"
_THEN = r"(?:[^{}|]{0,80}\|){1,3}?\s*"  # on through the action's pipes (a few: linear time)
_ON = r"\s+\(?(?:[\w.]{1,40}\s+)?"  # given it as an argument, maybe of a function's call
_RENDERS_INNER = re.compile(
    rf"(?:{_INNER}{_THEN}(?:markdownify|\$?\.Page\.RenderString)\b|\b(?:markdownify|RenderString){_ON}{_INNER})"
    r"(?!\s*\|\s*plainify\b)"
)
_RENDERS_INNER_IN_PAGE = re.compile(rf"{_INNER}{_THEN}\$?\.Page\.RenderString\b|\.Page\.RenderString{_ON}{_INNER}")
_MARKDOWNIFIES_INNER = re.compile(rf"{_INNER}{_THEN}markdownify\b|\bmarkdownify{_ON}{_INNER}")


def _renders_inner_in_page(text: str) -> bool:
    """Whether a template renders the call's content with the page's `RenderString` (and
    never with `markdownify`)."""
    return bool(_RENDERS_INNER_IN_PAGE.search(text)) and not _MARKDOWNIFIES_INNER.search(text)


# `{{ .Inner }}`, `{{- .Inner | safeHTML -}}`, `{{ printf "<div>%s</div>" .Inner | safeHTML }}`:
# the call's content printed as it is
_PRINTF = r"""printf\s+"(?:[^"\\]|\\.)*"\s+(?:(?:\([^(){}]*\)|[^\s(){}|]+)\s+){0,4}"""  # its last argument
_PRINTS_INNER = re.compile(rf"\{{\{{-?\s*(?:{_PRINTF})?{_INNER}(?:\s*\|\s*safeHTML)?\s*-?\}}\}}")
# What may show that content as code or change it: then its Markdown is no slip. Not a
# `markdownify` of something else (techdoc's panel: `{{ .Get "title" | markdownify }}`):
# the content reaches one only through a pipe, a variable or an argument.
_CHANGES_INNER = re.compile(
    r"<(?:pre|code|script|style|textarea|xmp|kbd|samp)\b|(?<![\w-])[Hh]ighlight(?![\w\"'-])"
    rf"|{_INNER}\s*\|(?!\s*safeHTML\s*-?\}}\}})|\$\w+\s*:?=\s*{_INNER}|\(\s*{_INNER}|[\w\]\"'`]\s+{_INNER}"
)


def _rewrites_inner(template: str) -> bool:
    """Whether a shortcode template may rewrite its call's content: it reads `.Inner` and
    replaces text (Lima's `fixlinks`: `replace (.Inner | safeHTML) "(./" …`)."""
    return _USES_INNER.search(template) is not None and _REPLACES.search(template) is not None


_REPLACES = re.compile(r"\b(?:replace(?:RE)?|strings\.Replace\w*)\b")
# An action's test of what the call's content holds: `strings.Contains .Inner "<--->"`
_CONTAINS_TEST = re.compile(rf'(strings\.Contains|in)\s+{_INNER}\s+"[^"{{}}]*"')
# A `range` over the parts of the content split on a separator, and the name of each part
# (`{{ range $i, $part := split .InnerDeindent "<--->" }}`), or `.` (`{{ range split … }}`)
_SPLIT_RANGE = re.compile(
    rf'\{{\{{-?\s*range\s+(?:(?:\$\w+\s*,\s*)?(?P<part>\$\w+)\s*:?=\s*|(?P<dot>))split\s+{_INNER}\s+"[^"{{}}]*"\s*-?\}}\}}'
)
_STYLE = re.compile(r"<style\b.*?</style\s*>", re.DOTALL | re.IGNORECASE)


def _blank_args(found: re.Match[str]) -> str:
    """A `_CONTAINS_TEST` with the content it tests blanked: no reading of it that counts."""
    return found[1] + " " * (len(found[0]) - len(found[1]))


# A shortcode whose content is another language than Markdown, for a script or the browser
# to read (a diagram, a formula, HTML): what looks like Markdown there is that language's
_OTHER_LANGUAGE = re.compile(
    r"mermaid|math|katex|latex|tex\b|chart|plantuml|graphviz|dot\b|diagram|flowchart|sequence|mindmap|abc|raw|html|svg",
    re.IGNORECASE,
)
_OTHER_LANGUAGE_CLASS = re.compile(
    r"""class\s*=\s*["'][^"']*\b(?:mermaid|math|katex|mathjax|language-|chart|diagram|plantuml|graphviz)""",
    re.IGNORECASE,
)


def _prints_inner_as_text(template: str) -> bool:
    """Whether a shortcode template prints its call's content as it is, and does nothing
    else with it: a `{{< >}}` call's Markdown content then shows as text. Printed under a
    condition on anything but the content (`{{ if eq (.Get "show") "yes" }}`), it may never
    show: not known so. A test of what the content holds (`strings.Contains .Inner "<--->"`)
    and a `range` over its parts (`split .InnerDeindent "<--->"`) each printed as it is
    (`{{ $part | safeHTML }}`) change nothing of it (hugo-book's `columns`), nor does a
    `<style>` that holds no content."""
    parts = list(_SPLIT_RANGE.finditer(template))
    kept = _SPLIT_RANGE.sub(lambda found: " " * len(found[0]), _CONTAINS_TEST.sub(_blank_args, template))
    kept = _STYLE.sub(lambda found: found[0] if re.search(_INNER, found[0]) else "", kept)
    if _CHANGES_INNER.search(kept) is not None:
        return False
    prints = [found.start() for found in _PRINTS_INNER.finditer(template)]
    for found in parts:  # where the range prints a part: `{{ $part }}`, `{{ . | safeHTML }}`
        printed = re.compile(rf"\{{\{{-?\s*{re.escape(found['part'] or '.')}(?:\s*\|\s*safeHTML)?\s*-?\}}\}}")
        prints.extend(at.start() for at in printed.finditer(template, found.end()))
    optional = _optional_spans(template, prints)
    return any(not any(start < at < end for start, end in optional) for at in prints)


def _optional_spans(template: str, prints: Sequence[int]) -> list[tuple[int, int]]:
    """The spans of the template's `if`, `with` and `range` blocks on anything but the
    content that may skip what they hold: all but an `if … else …` each of whose branches
    prints the content (at one of `prints`)."""
    spans: list[tuple[int, int]] = []
    # each open block: its start, whether it tests something else than the content, its branch starts
    opened: list[tuple[int, bool, list[int]]] = []
    for action in _actions(template):
        value = action[1].strip("- \t\n")
        if (block := _BLOCK.match(value)) is not None:
            optional = block[1] in ("if", "with", "range") and re.search(_INNER, value) is None
            opened.append((action.start(), optional, [action.end()]))
        elif value.startswith("else") and opened:
            opened[-1][2].append(action.end())
        elif value == "end" and opened:
            start, optional, branches = opened.pop()
            bounds = [*branches, action.end()]
            every = len(branches) > 1 and all(
                any(begin <= at < stop for at in prints) for begin, stop in zip(bounds, bounds[1:])
            )
            if optional and not every:
                spans.append((start, action.end()))
    spans.extend((start, len(template)) for start, optional, _ in opened if optional)
    return spans


def _output_formats(formats: object) -> frozenset[str]:
    """See SiteConfig.output_formats (checked with hugo 0.168: a page asking for another
    stops the build)."""
    defined = {str(name).lower() for name in formats} if isinstance(formats, dict) else set()
    return HUGO_OUTPUT_FORMATS | defined


def _output_base_names(formats: object) -> frozenset[str]:
    """`index`, and the file names the site's output formats set (`[outputFormats.RSS]
    baseName = "feed"`: a section's feed is `feed.xml`; checked with hugo 0.168)."""
    names = {"index"}
    if isinstance(formats, dict):
        names.update(
            str(value["basename"]) for value in formats.values()
            if isinstance(value, dict) and isinstance(value.get("basename"), str) and value["basename"]
        )  # fmt: skip
    return frozenset(names)


def _html_block_openings(
    texts: Mapping[str, list[str]], opening: Callable[[str], HtmlBlockOpening | None]
) -> tuple[tuple[str, HtmlBlockOpening], ...]:
    """The shortcodes each of whose templates opens an HTML block as `opening` reads it
    (`_html_block_opening`: where it prints the call's content; `_html_block_after`: after
    it), all the same way (the first one's line shown)."""
    found = []
    for name, templates in sorted(texts.items()):
        openings = [opening(text) for text in templates]
        if openings and None not in openings and len({dataclasses.replace(o, shown="") for o in openings}) == 1:
            found.append((name, openings[0]))
    return tuple(found)


def _html_block_opening(template: str) -> HtmlBlockOpening | None:
    """How a shortcode template's output leaves an HTML block open where it prints the
    call's content as it is (see HtmlBlockOpening); None when it does not, or when that is
    not known: what comes before the print holds a condition or a loop over a line break or
    at a line's start, text from elsewhere (a partial), or Markdown text of its own."""
    printed = _PRINTS_INNER_ALONE.search(template) or _PRINTS_INNER_TRIMMED.search(template)
    if printed is None or _LEGACY.search(template) is not None:
        return None
    if _CHANGES_INNER.search(template[: printed.start()] + template[printed.end() :]) is not None:
        return None
    trims = printed.re is _PRINTS_INNER_TRIMMED and "chomp" not in printed[0]  # (`chomp` trims its end alone)
    output: list[str] = []  # what is written before the print, actions' output as `x`
    depth, cursor, trim = 0, 0, False
    at_line_start = True  # nothing but blanks written on the output's last line yet
    maybe_written = False  # whether a condition or loop may write something (dropped below)
    for action in (*_actions(template, 0, printed.start()), printed):
        text, trim = _written_before(template, cursor, action, trim)
        cursor = action.end()
        if depth:
            if "\n" in text:
                return None  # a line break written or not
            maybe_written = maybe_written or bool(text.strip())
        else:
            output.append(text)
            last_line = text.rpartition("\n")[2].strip()
            at_line_start = not last_line if "\n" in text else at_line_start and not last_line
        if action is printed:
            break
        inside = action[1].strip("- \t\r\n")
        if (opened := _BLOCK.match(inside)) is not None:
            if opened[1] in ("block", "define") or (not depth and at_line_start):
                return None
            depth += 1
        elif inside == "end":
            depth -= 1
        elif inside == "else" or inside.startswith("else "):
            continue
        elif inside.startswith("/*") or _SETS_VARIABLE.match(inside):
            continue
        elif _WRITES_LINES.search(inside) is not None or at_line_start:
            return None  # its lines, or how the line starts, are not known
        elif not depth:
            output.append("x")
            at_line_start = False
        else:
            maybe_written = True
    if depth:
        return None  # printed under a condition
    lines = "".join(output).split("\n")
    state, opened_at, lone = "start", -1, False
    for number, line in enumerate(lines):
        if not line.strip():
            if number < len(lines) - 1:
                state = "blank"
            continue
        if state == "html":
            continue
        kind = next((kind for kind, (opening, _, _) in enumerate(HTML_SEQUENCES) if opening.search(line)), None)
        if kind not in (5, 6):
            return None  # text, or a block its own closing ends (`<pre>`, a comment)
        state, opened_at, lone = "html", number, kind == 6
    if state != "html" or len(lines) == 1 and not lines[0].strip() or (lone and (maybe_written or trims)):
        return None  # (a lone tag then written more to, `<span>{{ with .Get 0 }}<b>…`, is none)
    on_its_line = bool(lines[-1].strip()) or trims  # trimmed, the content starts right after the tag
    source_lines = template[: printed.end()].split("\n")
    shown = source_lines[-1].strip() if on_its_line else next(
        (line.strip() for line in reversed(source_lines[:-1]) if line.strip()), ""
    )
    return HtmlBlockOpening(
        on_its_line=on_its_line,
        ends_paragraph=not (lone and opened_at == 0),
        needs_line_end=lone and on_its_line and opened_at == len(lines) - 1,
        # (a content printed de-indented starts at the margin too: `.InnerDeindent`; and one
        # trimmed is not known in a list or quote, whose marks it keeps: not modelled there)
        own_lines=len(lines) > 1 or "Deindent" in printed[0] or trims,
        shown=shown if len(shown) <= 80 else shown[:79] + "…",
        trims=trims,
    )


def _html_block_after(template: str) -> HtmlBlockOpening | None:
    """How a shortcode template's output after the call's content opens an HTML block that
    no line break after it ends (`<div>{{ .Inner }}</div>` in a file with no newline at its
    end): the page's text after the call's closing tag, up to its first blank line, joins
    that block (checked with hugo 0.168). None when it does not, or is not known."""
    if _CHANGES_INNER.search(template) is not None or _LEGACY.search(template) is not None:
        return None
    printed = _PRINTS_INNER_ALONE.search(template)
    if printed is None or _PRINTS_INNER_ALONE.search(template, printed.end()) is not None:
        return None
    trim = _trims_after(printed)
    output, cursor = [], printed.end()
    for action in (*_actions(template, printed.end()), None):
        text, trim = _written_before(template, cursor, action, trim)
        output.append(text)
        if action is None:
            break
        cursor = action.end()
        inside = action[1].strip("- \t\r\n")
        if not (inside.startswith("/*") or _SETS_VARIABLE.match(inside)):
            return None  # output, or a condition, after the content: not known
    written = "".join(output)
    last = written.rpartition("\n")[2]
    kind = next((kind for kind, (opening, _, _) in enumerate(HTML_SEQUENCES) if opening.search(last)), None)
    if kind not in (5, 6):
        return None
    shown = last.strip()
    return HtmlBlockOpening(  # a lone tag (`</span>`) ends no paragraph, and the closing tag must end its line
        on_its_line=True, ends_paragraph=kind == 5, needs_line_end=kind == 6, own_lines="\n" in written,
        shown=shown if len(shown) <= 80 else shown[:79] + "…",
    )


def _written_before(template: str, cursor: int, action: re.Match[str] | None, trim: bool) -> tuple[str, bool]:
    """The template's text from `cursor` to `action` (to its end when None) as Go writes it:
    less its leading blanks after an action that trims them (`trim`, `-}}`) and its trailing
    ones before a `{{- `; and whether `action` trims the blanks after it."""
    text = template[cursor : action.start() if action is not None else len(template)]
    text = text.lstrip(" \t\r\n") if trim else text
    if action is not None and action[0][2:3] == "-" and action[0][3:4].isspace():
        text = text.rstrip(" \t\r\n")
    return text, action is not None and _trims_after(action)


def _trims_after(action: re.Match[str]) -> bool:
    return action[0][-3:-2] == "-" and action[0][-4:-3].isspace()


# A print of the call's content as it is, alone (no `printf`): `{{ .Inner }}`, `{{- .Inner | safeHTML -}}`
_PRINTS_INNER_ALONE = re.compile(rf"\{{\{{-?\s*{_INNER}(?:\s*\|\s*safeHTML)?\s*-?\}}\}}")
# The same, trimmed: of its blanks (`.Inner | strings.TrimSpace`, `strings.TrimSpace .Inner`),
# of a set of characters holding a line break (`trim .Inner "\n"`); or of its end alone
# (`.Inner | chomp`, `chomp .Inner`)
_PRINTS_INNER_TRIMMED = re.compile(
    rf"\{{\{{-?\s*(?:{_INNER}\s*\|\s*strings\.TrimSpace|strings\.TrimSpace\s+{_INNER}"
    rf'|trim\s+{_INNER}\s+"(?:[^"\\\n]|\\[^n])*\\n(?:[^"\\\n]|\\.)*"|{_INNER}\s*\|\s*chomp|chomp\s+{_INNER})'
    r"(?:\s*\|\s*safeHTML)?\s*-?\}\}"
)
_SETS_VARIABLE = re.compile(r"\$\w*\s*:?=")  # `{{ $x := .Get 0 }}`: writes nothing
# An action whose output may hold line breaks, or comes from elsewhere
_WRITES_LINES = re.compile(
    r"\b(?:partial(?:Cached)?|template|markdownify|RenderString|RenderShortcodes|readFile|ReadFile|highlight"
    r"|transform|htmlUnescape|safeHTML|print[fl]?|replace(?:RE)?|getJSON|getCSV|resources)\b"
    r"|\.Content\b|\.Inner"
)

# What in a template may put a Markdown heading in a `{{% %}}` call's output: a `#`, a
# setext underline, or text from elsewhere (a partial, the page, the site, a file).
_MAY_WRITE_HEADING = re.compile(
    r"#|^[ \t]*(?:=+|-{2,})[ \t]*$|partial|template|\.Inner|readFile|GetPage|markdownify|\.Content"
    r"|Render|Resources|\.Site\b|\.Page\b|\.Parent\b|getJSON|getCSV|\.Data\b|site\.",
    re.MULTILINE,
)
# A value of the site's config a template prints (`{{ .Site.Params.version }}`, iceberg's):
# one line of text, which makes no heading
_SITE_VALUE = re.compile(r"\{\{-?\s*(?:\$?\.Site|site)\.(?:Params\.[\w.]+|Title|BaseURL|Language\.\w+)\s*-?\}\}")


def _may_write_heading(template: str) -> bool:
    """Whether a template may put a Markdown heading in a `{{% %}}` call's output (see
    `_MAY_WRITE_HEADING`); a site config value it prints does not."""
    return _MAY_WRITE_HEADING.search(_SITE_VALUE.sub("", template)) is not None


# Hugo's legacy shortcode marker: `{{ $_hugo_config := `{ "version": 1 }` }}`
_LEGACY = re.compile(r'\$_hugo_config\s*:=\s*`[^`]*"version"\s*:\s*1\b')
_ACTION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)  # a Go template action (or comment)


def _actions(template: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The template's actions (`_ACTION`) from `start` to `end`, in order. Sought up to the
    last `}}` there: an opening after it would scan to the end, each, in vain (linear)."""
    end = len(template) if end is None else end
    return _ACTION.finditer(template, start, template.rfind("}}", start, end) + 2)


_BLOCK = re.compile(r"(if|with|range|block|define)\b")  # an action that opens a block
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def writes_html(template: str) -> bool:
    """Whether a template writes an HTML tag whatever it is given: in its text outside any
    block (an attribute's value may be an action), not in a code span, or in every branch of
    an `if`, `with` or `range` that has an `else`. HTML comments do not count."""
    items: list[tuple[bool, str]] = []  # (is an action, its inside or the text)
    end = 0
    for action in _actions(template):
        items.append((False, template[end : action.start()]))
        items.append((True, action[1].strip().strip("-").strip()))
        end = action.end()
    items.append((False, template[end:]))
    try:
        return _writes(items, 0)[0]
    except RecursionError:  # blocks nested thousands deep: no template of a site's
        return False


def _writes(items: Sequence[tuple[bool, str]], index: int) -> tuple[bool, int, str]:
    """Whether the items from `index` up to what ends their block surely write a tag; the
    index after that, and what it was (`else…`, `end`, or "" at the end)."""
    text: list[str] = []
    surely = False
    while index < len(items):
        is_action, value = items[index]
        index += 1
        if not is_action:
            text.append(value)
        elif value == "end" or value == "else" or value.startswith("else "):
            break
        elif (opened := _BLOCK.match(value)) is not None:
            branches, closer = [], "else"
            while closer.startswith("else") and index < len(items):
                writes, index, closer = _writes(items, index)
                branches.append((writes, closer))
            unconditional_else = any(closer == "else" for _, closer in branches[:-1])
            surely |= opened[1] in ("if", "with", "range") and unconditional_else and all(w for w, _ in branches)
        elif not value.startswith("/*"):
            text.append("x")  # the action's output, as text
    else:
        value = ""
    surely |= bool(_HTML_TAG.search(_CODE_SPAN.sub("", "".join(text))))
    return surely, index, value


# What in a template may write HTML of its own: a `<`, or text from elsewhere (a partial,
# a parameter, the page, the site, a file). `.Inner` gives the call's content, whose HTML is
# the page's own.
_MAY_WRITE_HTML = re.compile(
    r"<|partial|template|markdownify|Render|\.Content|readFile|ReadFile|getJSON|getCSV|[Rr]esources|\.Get\b|Param"
    r"|\.Site\b|site\.|\.Page\b|\.Parent\b|\.Data\b|\bT\b|i18n|safeHTML|print|transform|htmlUnescape|emojify"
)
# A link's or image's address as a hook template writes it, and the same, unchanged
_ADDRESS_ATTRIBUTE = re.compile(r"""(?<![$\w.])(?:href|src)\s*=""", re.IGNORECASE)  # not `$href = …`
_DESTINATION_AS_IS = re.compile(
    r"""\b(?:href|src)\s*=\s*(["']?)\{\{-?\s*\.Destination(?:\s*\|\s*safeURL)?\s*-?\}\}\1""", re.IGNORECASE
)


def _changes_nothing_read(hook: str, template: str) -> bool:
    """Whether a render hook writes what mdcheck reads as Hugo's own rendering would: a link
    or image hook the destination as it is, wherever it writes an address; a heading hook the heading's own
    level (`<h{{ .Level }}`; `mypaint`'s `math.Sum .Level 1` makes `#` an `<h2>`)."""
    if hook == "render-heading":
        levels = {".Level", *("$" + name for name in _LEVEL_VARIABLE.findall(template))}
        written = _HEADING_ELEMENT.findall(template)
        return bool(written) and all(level in levels for level in written)
    addresses = len(_ADDRESS_ATTRIBUTE.findall(template)) if hook in ("render-link", "render-image") else 0
    if not addresses:
        return False
    if len(_DESTINATION_AS_IS.findall(template)) == addresses:
        return True  # in each branch (Docker's: `target="_blank"` for `http` addresses alone)
    if addresses != 1:
        return False
    # The destination parsed, written back whole (`$u := urls.Parse .Destination`, then
    # `href="{{ $u.String }}"`: Lotus's and relearn's hooks)
    if (parsed := _ADDRESS_AS_PARSED.search(template)) is not None:
        return _assigned(template, parsed[2]) == ["urls.Parse .Destination"]
    # The destination in a variable, at most trimmed of characters at its ends (Kubernetes'
    # contributor site: `$u = trim $u " ()"`)
    written = _ADDRESS_AS_VARIABLE.search(template)
    if written is None:
        return False
    values = _assigned(template, written[2])
    trims = re.compile(rf'(?:trim|strings\.Trim(?:Space|Left|Right)?)\s+\${written[2]}(?:\s+"[^"]*")?')
    return values[:1] == [".Destination"] and all(trims.fullmatch(value) for value in values[1:])


# Hugo's URL functions applied to the destination itself, which make a site URL of any
# (of `#x` too: the home page's), not those a branch gives a path alone (Hextra's)
_URL_FUNCTION = r"(?:(?:rel|abs)(?:Lang)?URL|urls\.(?:Rel|Abs)(?:Lang)?URL)"
_MAKES_URL = re.compile(rf"\.Destination\s*\|\s*{_URL_FUNCTION}\b|\b{_URL_FUNCTION}\s+\.Destination\b")


# A variable set to the heading's level, and the element a heading hook writes: `<h{{ x }}`
_LEVEL_VARIABLE = re.compile(r"\$(\w+)\s*:=\s*\.Level\s*-?\}\}")
_HEADING_ELEMENT = re.compile(r"<h\{\{-?\s*(\.Level|\$\w+)\s*-?\}\}", re.IGNORECASE)


# What an assignment to a variable sets it to, and an address attribute written as a variable
_ASSIGNMENT = re.compile(r"\$(\w+)\s*(?::=|=(?!=))([^{}]*)\}\}")


def _assigned(template: str, variable: str) -> list[str]:
    """What a template sets its `$variable` to, at each assignment (`$x := .Text`: `.Text`)."""
    return [value.strip(" -") for name, value in _ASSIGNMENT.findall(template) if name == variable]


_ADDRESS_AS_VARIABLE = re.compile(
    r"""\b(?:href|src)\s*=\s*(["']?)\{\{-?\s*\$(\w+)(?:\s*\|\s*safeURL)?\s*-?\}\}\1""", re.IGNORECASE
)
_ADDRESS_AS_PARSED = re.compile(
    r"""\b(?:href|src)\s*=\s*(["']?)\{\{-?\s*\$(\w+)\.String(?:\s*\|\s*safeURL)?\s*-?\}\}\1""", re.IGNORECASE
)


ALL_HEADING_LEVELS = frozenset(range(1, 7))
_ID_ATTRIBUTE = re.compile(r"""(?<![\w$-])id\s*=\s*["']?""", re.IGNORECASE)
_ANCHOR_VALUE = re.compile(r"""\{\{-?\s*\.Anchor(?:\s*\|\s*(?:safeURL|safeHTMLAttr|safeHTML))?\s*-?\}\}""")
# A template's test of the heading's level: `if gt .Level 1`, `else if eq .Level 2`
_LEVEL_TEST = re.compile(r"(?:else\s+)?if\s+(eq|ne|gt|ge|lt|le)\s+\.Level\s+([1-6])")
_LEVEL_TESTS = {
    "eq": lambda level, n: level == n, "ne": lambda level, n: level != n, "gt": lambda level, n: level > n,
    "ge": lambda level, n: level >= n, "lt": lambda level, n: level < n, "le": lambda level, n: level <= n,
}  # fmt: skip


def _heading_id_form(template: str, start: int) -> tuple[str, str] | None:
    """The text around `.Anchor` in an id attribute's value that starts at `start`, quoted
    (`x-{{ .Anchor }}"`); None when the value is not text and `.Anchor` alone."""
    quote = template[start - 1] if start and template[start - 1] in "\"'" else None
    if quote is None:
        return None
    end = template.find(quote, start)
    value = template[start:end] if end >= 0 else ""
    anchor = _ANCHOR_VALUE.search(value)
    if anchor is None and (written := _VARIABLE_VALUE.search(value)) is not None:
        # `{{ $anchor }}`, set to the anchor (`$anchor := anchorize .Anchor`: blowfish's, the same id)
        values = _assigned(template, written[1])
        anchor = written if values and all(_ANCHOR_ITSELF.fullmatch(one.strip()) for one in values) else None
    if anchor is None and (dot := _DOT_VALUE.search(value)) is not None:
        # `{{ with .Anchor }} id="{{ . }}"{{ end }}` (nephio's): the dot is the anchor
        opened = _innermost_block(template, start)
        anchor = dot if opened is not None and _WITH_ANCHOR.fullmatch(opened) else None
    if anchor is None:
        return None
    before, after = value[: anchor.start()], value[anchor.end() :]
    return None if "{{" in before + after else (before, after)


def _innermost_block(template: str, position: int) -> str | None:
    """The action that opens the innermost block open at `position` (`with .Anchor`), None
    outside any."""
    stack: list[str] = []
    for action in _actions(template, 0, position):
        value = action[1].strip("- \t\n")
        if _BLOCK.match(value):
            stack.append(value)
        elif value == "end" and stack:
            stack.pop()
    return stack[-1] if stack else None


_DOT_VALUE = re.compile(r"\{\{-?\s*\.(?:\s*\|\s*(?:safeURL|safeHTMLAttr|safeHTML))?\s*-?\}\}")
_WITH_ANCHOR = re.compile(r"with\s+\.Anchor(?:\s*\|\s*(?:anchorize|safeURL|safeHTMLAttr|safeHTML))*")
# An id written as a variable, and what a variable may be set to and still be the anchor
_VARIABLE_VALUE = re.compile(r"\{\{-?\s*\$(\w+)(?:\s*\|\s*(?:safeURL|safeHTMLAttr|safeHTML))?\s*-?\}\}")
_ANCHOR_ITSELF = re.compile(r"\.Anchor(?:\s*\|\s*(?:anchorize|safeURL|safeHTMLAttr|safeHTML))*|anchorize\s+\.Anchor")


def _heading_id_levels(template: str) -> frozenset[int] | None:
    """The levels whose headings a heading render hook gives their id: where it writes
    `id="{{ .Anchor }}"`, under tests of `.Level` alone; none when it writes no id. None
    when not known: an id of another value, under another test, or a partial's."""
    # (`.Attributes` may write an id, `range`d or given: not `.Attributes.class`, hextra's)
    if re.search(r"\bpartial|\btemplate\b|\.Attributes(?:\.id\b|(?!\.\w))", template):
        return None
    levels: set[int] = set()
    written_ids = list(_ID_ATTRIBUTE.finditer(template))
    if len(written_ids) > _MAX_IDS_FOLLOWED:
        return None  # each is followed through the template: not past a bound
    for written in written_ids:
        if not _ANCHOR_VALUE.match(template, written.end()):
            return None
        found = _levels_at(template, written.start())
        if found is None:
            return None
        levels |= found
    return frozenset(levels)


def _levels_at(template: str, position: int) -> frozenset[int] | None:
    """The levels at which the template's text at `position` is written (None: unknown)."""
    # each open block: the levels its branch taken writes for, and those of its earlier branches
    stack: list[tuple[frozenset[int] | None, frozenset[int]]] = []
    for action in _actions(template, 0, position):
        value = action[1].strip("- \t\n")
        if value.startswith("/*"):
            continue
        test = _LEVEL_TEST.fullmatch(value)
        tested = None if test is None else frozenset(
            level for level in ALL_HEADING_LEVELS if _LEVEL_TESTS[test[1]](level, int(test[2]))
        )  # fmt: skip
        if value.startswith("else") and stack:
            current, earlier = stack.pop()
            earlier = earlier | current if current is not None and earlier is not None else None
            if value == "else":
                stack.append((None if earlier is None else ALL_HEADING_LEVELS - earlier, earlier or frozenset()))
            else:
                taken = None if tested is None or earlier is None else tested - earlier
                stack.append((taken, earlier or frozenset()))
        elif (opened := _BLOCK.match(value)) is not None:
            whole = opened[1] in ("define", "block")
            stack.append((ALL_HEADING_LEVELS if whole else tested, frozenset()))
        elif value == "end" and stack:
            stack.pop()
    levels = ALL_HEADING_LEVELS
    for current, _ in stack:
        if current is None:
            return None
        levels &= current
    return levels


def _link_hook_kind(template: str) -> str:
    """The name `SiteConfig.render_hooks` gives a link hook: PAGE_FINDING_LINK_HOOK,
    ABSOLUTE_FINDING_LINK_HOOK, else `render-link` (what it writes is not known)."""
    if _finds_pages(template):
        return PAGE_FINDING_LINK_HOOK
    return ABSOLUTE_FINDING_LINK_HOOK if _finds_absolute_pages(template) else "render-link"


def _finds_absolute_pages(template: str) -> bool:
    """Whether a link hook does as Hugo's embedded one for a site-absolute destination
    alone, and writes any other as it is: hextra's `if and $dest (hasPrefix $dest "/")`,
    then `with or (.PageInner.GetPage $url.Path) …` sets `$dest` to the page's `.RelPermalink`
    (its query and fragment after it), else to `relURL (strings.TrimPrefix "/" $dest)`."""
    template = _DEFINE.split(template, 1)[0]
    written = _ADDRESS_AS_VARIABLE.search(template)
    if "GetPage" not in template or written is None or len(_ADDRESS_ATTRIBUTE.findall(template)) != 1:
        return False
    variable = written[2]
    if not re.search(rf'\b(?:hasPrefix|strings\.HasPrefix)\s+\${variable}\s+"/"', template):
        return False
    values = _assigned(template, variable)
    as_written = re.compile(rf'\(?relURL\s+\(strings\.TrimPrefix\s+"/"\s+\${variable}\)\)?')
    return bool(values) and values[0] == ".Destination" and all(
        value == ".Destination" or ".RelPermalink" in value or as_written.fullmatch(value) for value in values
    )


def _finds_pages(template: str) -> bool:
    """Whether a link render hook writes the URL of the page `GetPage` finds for the
    destination, else the destination as written (`$link := .Destination`, then, `with
    .Page.GetPage $url.Path`, `$link = printf "%s%s" .RelPermalink $fragment`, maybe then
    `$link = printf "%s#%s" $link .`): the snippet many themes and sites share, which does
    what Hugo's embedded link hook does. Also so written: the destination as `urls.Parse`
    gives it back (`$u.String`), and the `href` of a mapping of attributes the hook prints
    (`$attrs := dict "href" $u.String`, then `dict "href" .RelPermalink`, or a partial's for
    a destination it tests for alone: gohugo.io's glossary links, see `link_hook_specials`)."""
    template = _DEFINE.split(template, 1)[0]  # the hook's own; not the partials it defines
    if "GetPage" not in template:
        return False
    destinations = {".Destination", *(f"${match[1]}.String" for match in _PARSED_DESTINATION.finditer(template))}
    written = _ADDRESS_AS_VARIABLE.search(template)
    attributes = len(_ADDRESS_ATTRIBUTE.findall(template))
    if written is not None and attributes == 1:
        variable = written[2]
        first = _assigned(template, variable)[:1]
        return first != [] and first[0] in destinations and _page_or_written(template, variable, destinations)
    printed = _ATTRIBUTES_PRINTED.search(template)
    if attributes or printed is None:
        return False
    values = _assigned(template, printed[1])
    special = bool(link_hook_specials(template))
    return bool(values) and all(
        (href := _HREF_ENTRY.fullmatch(value)) is not None
        and (
            href[1] in destinations
            or ".RelPermalink" in href[1]
            or (href[1].startswith("$") and _page_or_written(template, href[1][1:], destinations))
        )
        or (value.startswith(f"merge ${printed[1]} ") and '"href"' not in value)
        or (special and value.startswith("partial "))  # the branch of a destination alone
        for value in values
    )


def link_hook_specials(template: str) -> frozenset[str]:
    """The destinations a link hook tests for one by one (`if eq $u.String "g"`: gohugo.io's
    glossary links, which a partial writes): where those lead is not known."""
    return frozenset(match[1] for match in _SPECIAL_DESTINATION.finditer(_DEFINE.split(template, 1)[0]))


def _page_or_written(template: str, variable: str, destinations: set[str]) -> bool:
    """Whether the template sets `$variable` to a page's URL or the destination alone, or
    appends to it (`printf "%s#%s" $href .`)."""
    appends = re.compile(rf'printf\s+"%s[^"%]*(?:%s)?"\s+\${variable}\b')
    values = _assigned(template, variable)
    return bool(values) and all(
        ".RelPermalink" in value or value in destinations or appends.match(value) for value in values
    )


_PARSED_DESTINATION = re.compile(r"\$(\w+)\s*:=\s*urls\.Parse\s+\.Destination\s*-?\}\}")
# The attributes a hook prints from a mapping: `range $k, $v := $attrs`
_ATTRIBUTES_PRINTED = re.compile(r"\brange\s+\$\w+\s*,\s*\$\w+\s*:=\s*\$(\w+)\s*-?\}\}")
_SPECIAL_DESTINATION = re.compile(r'\bif\s+eq\s+(?:\.Destination|\$\w+\.String)\s+"([^"\\]*)"\s*-?\}\}')
_HREF_ENTRY = re.compile(r'dict\s+"href"\s+\(?\s*(.*?)\s*\)?')


_READS_FILE = re.compile(r"\b(?:os\.ReadFile|readFile)\b")
# A template action that opens a block, ends one, or reads a file
_BLOCK_ACTION = re.compile(
    r"\{\{-?\s*(?:(if|with|range|define|block)\b([^}]*)|(end)\b|(else)\b)|\b(os\.ReadFile|readFile)\b"
)
# The page parameter a block's condition tests: `with .Params.banner`, `if index .Params
# "f5-banner"`, `with $.Params.banner` (not `.Param`, which the site's params answer too)
_PARAM_TESTED = re.compile(r"""^\s*(?:and\s+)?\(?\s*(?:\$?\.Params\.(\w+)|index\s+\$?\.Params\s+"([\w-]+)")""")


# A template function that finds or replaces the content's addresses: a pattern that names
# `src=` or `href=` (Flatcar's `findRE "src=\"(.*?)\"" .Content`)
_REWRITES_ADDRESSES = re.compile(
    r"\b(?:findRE|replaceRE|replace|strings\.(?:FindRE|ReplaceRE|Replace))\s+(?:\(\s*)?[\"`][^\"`{}]{0,40}\b(src|href)\b"
)


def _reads_files(texts: Iterable[str]) -> bool | tuple[str, ...]:
    """Whether a page's templates print a file they read: True, False, or only on a page
    that sets one of these params (every read inside `{{ with .Params.banner }}`, nginx's
    `with index .Params "f5-banner"`)."""
    guards: list[str] = []
    for text in texts:
        if not _READS_FILE.search(text):
            continue
        stack: list[str | None] = []  # each open block's tested param, None for another
        for match in _BLOCK_ACTION.finditer(text):
            if match[1]:
                tested = _PARAM_TESTED.match(match[2]) if match[1] in ("if", "with") else None
                stack.append(next((g for g in tested.groups() if g), None) if tested else None)
            elif match[3]:
                if stack:
                    stack.pop()
            elif match[4]:  # the other branch: not where the param is set
                if stack:
                    stack[-1] = None
            elif match[5]:
                if not _read_printed(text, match.start(5)):
                    continue
                guard = next((param for param in reversed(stack) if param), None)
                if guard is None:
                    return True
                guards.append(guard.lower())
    return tuple(dict.fromkeys(guards)) if guards else False


# A file a template reads by a literal name that holds no element ids: `readFile "static/icon.png"`
_READ_OF_NO_IDS = re.compile(r"""(?:os\.ReadFile|readFile)\s+["`][^"`]*\.(?!(?:html?|xhtml|svg|xml|md|markdown|mdown)["`])\w+["`]""")
# What makes a digest of a file's text, which holds none of its elements: `$file | md5`, `len $file`
_DIGESTS = r"md5|sha1|sha256|len|countwords|countrunes|hash\.\w+|crypto\.\w+|base64Encode"
_DIGEST = re.compile(rf"\b(?:{_DIGESTS})\b")
_READ_ASSIGNED = re.compile(r"\{\{-?\s*(\$\w+)\s*:?=\s*(?:os\.ReadFile|readFile)\b")


def _prints_a_file(template: str) -> bool:
    """Whether a template may print a file it reads (`_read_printed`)."""
    reads = list(itertools.islice(_READS_FILE.finditer(template), _MAX_IDS_FOLLOWED + 1))
    return len(reads) > _MAX_IDS_FOLLOWED or any(_read_printed(template, read.start()) for read in reads)


def _read_printed(template: str, at: int) -> bool:
    """Whether the file a template reads at `at` may be printed into the page (and give it
    ids): not one of a literal name that holds none (`icon.png`), nor one only made a
    digest of, in its action or through the variable it is put in (a theme's favicon
    link's `?version={{ $file | md5 }}`, an enclosure's `length="{{ len $file }}"`)."""
    if _READ_OF_NO_IDS.match(template, at):
        return False
    start, end = template.rfind("{{", 0, at), template.find("}}", at)
    if start < 0 or end < 0:
        return True
    action = template[start : end + 2]
    if (assigned := _READ_ASSIGNED.match(action)) is None:
        return _DIGEST.search(action) is None
    uses = list(itertools.islice(re.finditer(rf"{re.escape(assigned[1])}\b", template[end:]), _MAX_IDS_FOLLOWED + 1))
    if len(uses) > _MAX_IDS_FOLLOWED:
        return True  # (each use is followed through the template: not past a bound)
    for use in uses:
        position = end + use.start()
        around = template[template.rfind("{{", 0, position) : template.find("}}", position) + 2]
        if _DIGEST.search(around) is None or _READ_ASSIGNED.match(around):
            return True
    return False


# Another page (or resource) a template may print the content of: one it looks up, a
# translation (FixIt's missing-translation prints the original's), a neighbour, a listing's
_GETS_PAGE = re.compile(
    r"GetPage|\b[Rr]esources\.Get|\.(?:All)?Translations\b|\.(?:Regular)?Pages\b|\.Sections\b"
    r"|\.(?:Prev|Next)(?:InSection)?\b|\.Home\b|\.FirstSection\b|\.CurrentSection\b|\.Related\b"
)
_WRITES_CONTENT = re.compile(r"\.Content\b|\.RenderShortcodes|markdownify|\.RenderString")
# `$x := ….Content` (or its base64, which holds no HTML), and an action that reads such a
# variable only to measure or search it (congo's picture partial: an SVG's width)
_CONTENT_HELD = re.compile(r"\{\{-?\s*(\$\w+)\s*:?=\s*[^{}|]*?\.Content\s*(\|\s*base64Encode\s*)?-?\}\}")
_MEASURES = re.compile(
    rf"\b(?:findRE(?:Submatch)?|strings\.(?:Contains\w*|HasPrefix|HasSuffix|Count)|hasPrefix|in|{_DIGESTS})\b"
)


def _writes_content(template: str) -> bool:
    """Whether a template may write another page's or resource's content (`_WRITES_CONTENT`):
    not when it holds `.Content` in variables it only measures or searches."""
    if _WRITES_CONTENT.search(_CONTENT_HELD.sub("", template)):
        return True
    held_all = list(_CONTENT_HELD.finditer(template))
    if len(held_all) > _MAX_IDS_FOLLOWED:
        return True  # each is followed through the template: not past a bound
    for held in held_all:
        if held[2]:
            continue  # base64: no HTML
        for use in re.finditer(re.escape(held[1]) + r"\b", template):
            if held.start() <= use.start() < held.end():
                continue
            opened = template.rfind("{{", 0, use.start())
            if not _MEASURES.search(template, opened, use.start()) or "safeHTML" in template[opened : use.start()]:
                return True
    return False


_RENDERS_VIEW = re.compile(r"""\.Render\s+["`]([\w-]+)["`]""")
_BLANK_OR_QUOTE = re.compile(r"""[\s"'<>{}]""")
# An id attribute's value: quoted (an action in it may hold quotes: `id="{{ print $k "-" }}"`),
# or an action alone; an attribute's, after a blank or an action (not `data-id=`, nor a URL's `?id=`)
_ID_VALUE = re.compile(
    r"""(?<![^\s}])id\s*=\s*(?:"((?>[^"{]+|\{\{[^}]*\}\}|\{)*)"|'((?>[^'{]+|\{\{[^}]*\}\}|\{)*)'|(?=\{\{))""", re.IGNORECASE
)


def _writes_made_ids(template: str, forms: set[tuple[str, str]]) -> bool:
    """Whether a template writes an id made of actions alone (`id="{{ .Title }}"`); the
    text around the actions of the others (see `_Layouts.page_id_forms`) added to `forms`."""
    made = False
    for match in _ID_VALUE.finditer(template):
        value = match[1] if match[1] is not None else match[2]
        if value is None or "{{" not in value or "}}" not in value:
            made = made or (value is None and match[0].endswith("="))  # `id={{ .Title }}`
            continue
        if permalink := _PERMALINK_ACTION.fullmatch(value):
            # a page's URL (LoveIt's `<span id="{{ .RelPermalink }}">`): a path, or a full URL
            forms.add(("/" if permalink[1] else "http", ""))
            continue
        if _LANGUAGE_ACTION.fullmatch(value):
            continue  # a language's code (the learn theme's `<option id="{{ .Language }}">`), no heading's

        # (Docsy's sidebar: `$mid := printf "m-%s" …`, then `id="{{ $mid }}"`)
        start, end = _literal_start(template, value, 2), value.rsplit("}}", 1)[1]
        if len(start) + len(end) >= 2 and not _BLANK_OR_QUOTE.search(start + end):
            forms.add((start, end))
        else:
            made = True
    return made


_VARIABLE_FIRST = re.compile(r"\{\{-?\s*\$(\w+)\s*-?\}\}")
_PERMALINK_ACTION = re.compile(r"\{\{-?\s*(?:\$?\.(?:Page\.)?|\$\w+\.)(Rel)?Permalink\s*-?\}\}")
_LANGUAGE_ACTION = re.compile(r"\{\{-?\s*(?:\$?\.(?:Site\.|Page\.)?|\$\w+\.)(?:Language(?:\.Lang)?|Lang)\s*-?\}\}")


def written_ids(texts: Iterable[str]) -> tuple[tuple[str, ...], tuple[IdParameter, ...]] | None:
    """What the ids a shortcode's templates write are made of: (what they start with:
    `tabs-` of `id="tabs-{{ .Ordinal }}"`, or of `id="{{ $id }}"` after `$id := printf
    "tabs-%d" .Ordinal`, `TableOfContents` of the page's `.TableOfContents`, which Hugo
    writes in a `<nav id="TableOfContents">`; the parameters they are, as given: `"name"`
    of `id="{{ .Get "name" }}"`, `0` of `.Get 0`, through a variable or a `with` too).
    `((), ())` when they write none. None when its output may hold any id: an id written otherwise, or a file
    (`readFile`) or another page's or resource's content (`.GetPage` with `.Content`,
    `markdownify`…) it includes, headings and all."""
    prefixes: set[str] = set()
    parameters: set[IdParameter] = set()
    for template in texts:
        if _prints_a_file(template) or (_GETS_PAGE.search(template) and _writes_content(template)):
            return None
        matches = list(_ID_VALUE.finditer(template))
        if len(matches) > _MAX_IDS_FOLLOWED:
            return None  # each is followed through the template: not past a bound
        for match in matches:
            value = next((group for group in match.groups() if group is not None), None)
            if value is None:  # unquoted: the action that follows
                action = _ACTION.match(template, match.end())
                value = action[0] if action else "{{"
            parameter = _id_parameter(template, value, match.start())
            if parameter is not None:
                parameters.add(parameter)
                continue
            prefix = _literal_start(template, value, depth=3)
            if not prefix:
                return None
            prefixes.update((prefix, prefix.lower()))  # lower-cased by `anchorize`, maybe
        if not prefixes and not parameters and _WRITES_IDS.search(template):
            return None  # an `id=` this reading does not follow
        if ".TableOfContents" in template:
            prefixes.add("TableOfContents")  # Hugo's `<nav id="TableOfContents">` (a `toc` shortcode's)
    return tuple(sorted(prefixes)), tuple(sorted(parameters, key=str))


_MAX_IDS_FOLLOWED = 200  # `id=` attributes in one template
# A parameter as it is given: `.Get "name"`, `$.Get 0`
_PARAMETER = re.compile(r'\$?\.Get\s+(?:"([\w-]+)"|`([\w-]+)`|(\d+))')
_WHOLE_ACTION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)
_WITH = re.compile(r"\{\{-?\s*with\s+(.*?)\s*-?\}\}", re.DOTALL)


def _id_parameter(template: str, value: str, at: int) -> IdParameter | None:
    """The parameter an attribute value written at `at` is: the value is one action, `.Get
    "x"` (or a `$variable` every assignment of which is that, or `.` inside `{{ with }}`
    that), as given or through `anchorize` (Kubernetes' `id="{{ $file | anchorize }}"`:
    then `("anchorize", parameter)`), no other function applied."""
    action = _WHOLE_ACTION.fullmatch(value.strip())
    if action is None:
        return None
    if anchorized := _ANCHORIZED.fullmatch(action[1]):
        parameter = _parameter_of(template, (anchorized[1] or anchorized[2]).strip(), at, depth=2)
        return ("anchorize", parameter) if parameter is not None else None
    return _parameter_of(template, action[1], at, depth=2)


_ANCHORIZED = re.compile(r"(.+?)\s*\|\s*anchorize|anchorize\s+(.+)")


def _parameter_of(template: str, expression: str, at: int, depth: int) -> str | int | None:
    found = _PARAMETER.fullmatch(expression)
    if found:
        name, quoted, position = found.groups()
        return int(position) if position is not None else name or quoted
    if depth == 0:
        return None
    if expression == ".":  # inside the nearest `with` before it
        opened = [match for match in _WITH.finditer(template, 0, template.rfind("}}", 0, at) + 2)]
        return _parameter_of(template, opened[-1][1], opened[-1].start(), depth - 1) if opened else None
    variable = re.fullmatch(r"\$(\w+)", expression)
    return _variable_parameter(template, variable[1], depth - 1) if variable else None


@functools.lru_cache(maxsize=64)
def _variable_parameter(template: str, name: str, depth: int) -> str | int | None:
    """The parameter every assignment of `$name` in the template is (see `_parameter_of`);
    found once for all the ids that print it."""
    assigned = {
        _parameter_of(template, assignment[1].strip(), assignment.start(), depth)
        for assignment in re.finditer(rf"\${name}\s*:?=\s*(.*?)\s*-?\}}\}}", template)
    }
    return assigned.pop() if len(assigned) == 1 else None


def _literal_start(template: str, value: str, depth: int) -> str:
    """The text an attribute value written in a template starts with whatever the call: up
    to its first action, or, for a value that starts with a `$variable` every assignment of
    which is a `printf`, up to the format's first verb ("" when unknown)."""
    head = value.split("{{", 1)[0]
    variable = _VARIABLE_FIRST.match(value)
    if head or depth == 0 or variable is None:
        return head
    starts = []
    assignments = rf"\${variable[1]}\s*:?=\s*(?:printf\s+\"([^\"]*)\"(?:\s+(\$\w+))?)?"
    for assignment in re.finditer(assignments, template):
        form, first = assignment.groups()
        if form is None:
            return ""  # assigned otherwise
        start = form.split("%", 1)[0]
        if not start and form.startswith(("%s", "%v")) and first:
            start = _literal_start(template, "{{ " + first + " }}", depth - 1)
        starts.append(start)
    return os.path.commonprefix(starts) if starts else ""


def _file_text(path: Path) -> str:
    try:
        return read_text(path, errors="replace")
    except OSError:
        return ""


def _template(path: Path) -> str:
    """A template's text, the text of its comments blanked: what they say (Docsy's alert: "any
    Markdown in .Inner will be treated as Markdown") is no action. Their delimiters, trim
    markers and line breaks stay, so do lengths and lines."""
    text = _file_text(path)
    return _blanked(text, _GO_COMMENT_ENDS, inside_only=True) if "/*" in text else text


# An `if` on a site param alone: `.Site.Params.x`, `.Page.Site.Params.x`, `site.Params.x`,
# `$.Site.Params.x`, maybe under `not`
_SITE_PARAM_TEST = re.compile(
    r"if\s++(not\s++)?\(?+\s*+(?:\$?\.Page\.Site|\$?\.Site|\$\.Page\.Site|site)\.Params\.([A-Za-z_][\w.]*)\s*\)?"
)
_SPECIALIZED_AT_MOST = 64  # conditions resolved per template: a bound, whatever a theme holds


def _specialized(template: str, truth: Callable[[str], bool | None]) -> str:
    """The template with each `if` on a site param alone (see `_SITE_PARAM_TEST`) replaced
    by the branch the site's config takes, when `truth` tells whether that param is set:
    hugo-book's link hook writes `.Destination` as it is unless `BookPortableLinks`."""
    if "Params." not in template:
        return template
    resolved, original = False, template
    for _ in range(_SPECIALIZED_AT_MOST):
        found = _innermost_param_if(template, truth)
        if found is None:
            break
        start, end, kept = found
        template, resolved = template[:start] + kept + template[end:], True
    return _without_unused_defines(template, frozenset(_DEFINED_CALL.findall(original))) if resolved else template


def _without_unused_defines(template: str, called_before: frozenset[str]) -> str:
    """The template less its `define` blocks that no `template` call in it uses any more
    (the branch that called one was not taken), of those `called_before` (a define no call
    in the file uses, a single template's `main`, fills a base template's block)."""
    spans: list[tuple[int, int, str]] = []
    opened: list[tuple[int, str | None]] = []  # (start, the define's name; None for another block)
    for action in _actions(template):
        inside = action[1].strip("- \t\r\n")
        if _BLOCK.match(inside) is not None:
            named = _DEFINE.match(action[0])
            opened.append((action.start(), named[1] if named else None))
        elif inside == "end" and opened:
            start, name = opened.pop()
            if name is not None and not opened:
                spans.append((start, action.end(), name))
    outside, cursor = [], 0  # the text out of every define: the calls there are used
    for start, end, _ in spans:
        outside.append(template[cursor:start])
        cursor = end
    called = set(_DEFINED_CALL.findall("".join(outside) + template[cursor:]))
    calls_in = {name: set(_DEFINED_CALL.findall(template, start, end)) for start, end, name in spans}
    pending = list(called)
    while pending:  # and those a used define calls
        for name in calls_in.pop(pending.pop(), set()) - called:
            called.add(name)
            pending.append(name)
    kept, cursor = [], 0
    for start, end, name in spans:
        if name not in called and name in called_before:
            kept.append(template[cursor:start])
            cursor = end
    return "".join(kept) + template[cursor:]


_DEFINED_CALL = re.compile(r'\btemplate\s+"([^"]*)"')  # a call of a `define`d template


def _innermost_param_if(template: str, truth: Callable[[str], bool | None]) -> tuple[int, int, str] | None:
    """The first `if … end` on a site param that `truth` tells, with no such block in it:
    its span, and the text of the branch taken."""
    opened: list[tuple[re.Match[str], bool | None, list[re.Match[str]]]] = []  # (its action, value, its elses)
    for action in _actions(template):
        inside = action[1].strip("- \t\r\n")
        if _BLOCK.match(inside) is not None:
            test = _SITE_PARAM_TEST.fullmatch(inside)
            value = None if test is None else truth(test[2])
            opened.append((action, None if value is None else value != bool(test and test[1]), []))
        elif (inside == "else" or inside.startswith("else ")) and opened:
            opened[-1][2].append(action)
        elif inside == "end" and opened:
            start, value, elses = opened.pop()
            if value is None or len(elses) > 1 or (elses and elses[0][1].strip("- \t\r\n") != "else"):
                continue
            if value:
                kept = template[start.end() : elses[0].start() if elses else action.start()]
            else:
                kept = template[elses[0].end() : action.start()] if elses else ""
            return start.start(), action.end(), kept
    return None


def _param_truth(params: object, complete: bool) -> Callable[[str], bool | None]:
    """Whether the site's param at a dotted key (any case) is set as a template's `if` reads
    it (not false, 0, "" or empty); a key the config does not hold is not set, unless a
    missing theme or module may set it (`complete` false): not known then."""

    def truth(key: str) -> bool | None:
        value: object = {} if params is None else params
        for part in key.lower().split("."):
            if not isinstance(value, Mapping):
                return None
            value = next((item for name, item in value.items() if str(name).lower() == part), _ABSENT)
            if value is _ABSENT:
                return False if complete else None
        return bool(value)

    return truth


_ABSENT = object()


# --- Content roots -----------------------------------------------------------------------


class ContentRoot(NamedTuple):
    """A place a language's content files are read from: a directory, or a single file."""

    language: str
    path: Path
    target: str = ""  # the content path of `path`: "" for content itself, "docs", "changelog.md"
    files: tuple[str, ...] = ()  # the mount's `files` glob slice (see mount_admits)


def content_roots(site: SiteConfig, *, every_language: bool = False) -> list[ContentRoot]:
    """Where content files are read from: each language's mounts in order, the default
    language's first, the top-level contentDir before all; a place shared by languages is
    listed once, unless `every_language`. Empty without a root."""
    if site.root is None:
        return []
    languages = sorted(site.languages, key=lambda lang: lang.code != site.default_language)
    roots: dict[tuple[Any, ...], ContentRoot] = {}
    for code in [lang.code for lang in languages] or [site.default_language]:
        for mount in _language_mounts(site, code):
            # the top-level contentDir is the default language's, and the files' names tell
            # the others', whichever language names it its own (hugegraph's `cn`: Hugo 0.168
            # publishes its files as the default language's pages, none as `cn`'s)
            shared = not site.content_mounts and mount.source == site.content_dir
            owner = site.default_language if shared else code
            root = ContentRoot(owner, site.root / mount.source, "/".join(mount.target), mount.files)
            roots.setdefault((root.path, root.target, root.files, every_language and code), root)
    if site.content_mounts:
        return list(roots.values())
    # (and its files win over those of the same path in another: checked with hugo 0.168)
    return sorted(roots.values(), key=lambda root: root.path != site.root / site.content_dir)


def _language_mounts(site: SiteConfig, language: str) -> tuple[ContentMount, ...]:
    """The language's content mounts in order: the configured ones, or else its content dir."""
    if site.content_mounts:
        return tuple(mount for mount in site.content_mounts if language in mount.languages)
    directory = next((lang.content_dir for lang in site.languages if lang.code == language), site.content_dir)
    return (_default_mount(directory),)


@functools.lru_cache(maxsize=64)
def _default_mount(directory: str) -> ContentMount:
    return ContentMount(directory)


def mount_admits(files: tuple[str, ...], path: str) -> bool:
    """Whether a mount's `files` glob slice lets in the file at `path` (POSIX, relative to
    the mount's source): Hugo asks it of each directory on the way down, then of the file."""
    parts = path.split("/")
    return all(_admits(files, "/".join(parts[:i]), True) for i in range(1, len(parts))) and _admits(
        files, path, False
    )


def _admits(files: tuple[str, ...], path: str, is_dir: bool) -> bool:
    """Hugo's `FilenameFilter.Match`: the first pattern matching `/path` (lower-cased)
    decides; a directory that an including pattern lies below is let in; with no including
    pattern, whatever no excluding one matches is let in."""
    path = "/" + path.lower()
    has_include = False
    for kind, pattern in _filter_entries(files):
        if kind == "dir":
            if is_dir and pattern.match(path):
                return True
        elif pattern.match(path):
            return kind == "include"
        else:
            has_include = has_include or kind == "include"
    return not has_include


@functools.lru_cache(maxsize=64)
def _filter_entries(files: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A glob slice as Hugo's filename filter: ("include" | "exclude" | "dir", glob) in
    order, each including pattern followed by the directories it lies in (`/docs/*.md`:
    `/` and `/docs`)."""
    entries = []
    for pattern in files:
        negated = pattern.startswith(_NEGATION)
        pattern = pattern.removeprefix(_NEGATION) if negated else pattern
        pattern = pattern if pattern.startswith("/") else "/" + pattern
        entries.append(("exclude" if negated else "include", _glob(pattern)))
        if not negated:
            parts = _go_clean(posixpath.dirname(pattern)).split("/")
            entries.extend(("dir", _glob("/" + _go_join(*parts[: i + 1]))) for i in range(len(parts)))
    return tuple(entries)


# --- Paths and URLs as Hugo writes them ----------------------------------------------------


def _go_lower(text: str) -> str:
    """Go's `strings.ToLower`: simple per-rune case mapping."""
    if text.isascii():
        return text.lower()
    return "".join("i" if char == "\u0130" else char.lower() for char in text)


def _go_isspace(char: str) -> bool:
    return char in "\t\n\v\f\r \x85\xa0" or (ord(char) > 0xFF and char.isspace())


def _allowed_path_char(text: str, index: int, char: str) -> bool:
    if char == " ":
        return False
    category = unicodedata.category(char)
    if category[0] in "LM" or category == "Nd" or char in "./\\_#+~-@":
        return True
    return char == "%" and re.fullmatch(r"[0-9A-Fa-f]{2}", text[index + 1 : index + 3]) is not None


_ALLOWED_ASCII_PATH = re.compile(r"[A-Za-z0-9./\\_#+~@-]*")  # see _allowed_path_char


def _sanitize(text: str) -> str:
    """Hugo's `paths.Sanitize`: drop disallowed characters, a run of spaces becomes `-`."""
    if _ALLOWED_ASCII_PATH.fullmatch(text):
        return text  # the common case: nothing to drop or join
    out: list[str] = []
    prepend_hyphen = was_hyphen = False
    for index, char in enumerate(text):
        if _allowed_path_char(text, index, char):
            was_hyphen = char == "-"
            if prepend_hyphen and not was_hyphen:
                out.append("-")
            prepend_hyphen = False
            out.append(char)
        elif out and not was_hyphen and _go_isspace(char):
            prepend_hyphen = True
    return "".join(out)


def _make_path_sanitized(site: SiteConfig, text: str) -> str:
    """Hugo's `MakePathSanitized` (also what `urlize` does before escaping)."""
    text = _sanitize(text)
    if site.remove_path_accents:
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))
    return text if site.disable_path_to_lower else _go_lower(text)


_VALID_ENCODED = re.compile(r"[A-Za-z0-9\-_.~$&+,/:;=@!'()*\[\]%]*")


def _escape_path(link: str) -> str:
    """Go's `url.Parse(link).EscapedPath()`."""
    if _VALID_ENCODED.fullmatch(link):
        return link
    return quote(unquote(link), safe="$&+,/:;=@")


def _go_clean(path: str) -> str:
    """Go's `path.Clean`."""
    if not path:
        return "."
    cleaned = posixpath.normpath(path)
    return "/" + cleaned.lstrip("/") if cleaned.startswith("//") else cleaned


def _go_join(*parts: str) -> str:
    """Go's `path.Join`."""
    joined = "/".join(part for part in parts if part)
    return _go_clean(joined) if joined else ""


def _base_path(site: SiteConfig, language: str) -> str:
    """The path of the (language's) baseURL, without trailing slash: `/blog` or ``."""
    base_url = next((lang.base_url for lang in site.languages if lang.code == language and lang.base_url), "")
    return base_path(base_url or site.base_url).rstrip("/")


def _prepend_base_path(base: str, link: str) -> str:
    if not base:
        return link
    return _go_join(base, link) + ("/" if link.endswith("/") else "")


def _language_prefix(site: SiteConfig, language: str) -> str:
    """The language's link prefix (`fr`), or `` for the default language at the root."""
    if site.multihost:
        return ""
    if language == site.default_language:
        return language if site.default_language_in_subdir else ""
    return language if len(site.languages) > 1 else ""


def _is_ugly(site: SiteConfig, section: str) -> bool:
    return site.ugly_urls or section in site.ugly_url_sections


# --- Content files as pages ----------------------------------------------------------------


@dataclass(frozen=True)
class _ContentPath:
    """A content file path split as Hugo's path parser does (directories, name, language)."""

    dirs: tuple[str, ...]
    name: str
    lang: str

    @property
    def is_bundle(self) -> bool:
        return self.name in ("index", "_index")

    @property
    def section(self) -> str:
        """Hugo's `Section()`: the first directory, but none for a top-level leaf bundle."""
        if not self.dirs or (self.name == "index" and len(self.dirs) == 1):
            return ""
        return self.dirs[0]

    @property
    def logical_path(self) -> str:
        """Hugo's page path (`/posts/my-post`, `/posts` for `posts/_index.md`)."""
        return "/" + "/".join(self.dirs if self.is_bundle else (*self.dirs, self.name))


def _normalize(part: str) -> str:
    return _go_lower(part).replace(" ", "-")


def is_hidden(parts: Iterable[str]) -> bool:
    """Whether a content path (its parts) is one Hugo skips: a hidden file or folder (`.x`),
    or an editor's file (`#x`)."""
    return any(part.startswith((".", "#")) for part in parts)


@functools.lru_cache(maxsize=4096)  # the same paths are looked up many times; bounded memory
def parse_content_path(rel_path: str, languages: frozenset[str]) -> tuple[_ContentPath, _ContentPath] | None:
    """(normalized, as written) paths of a content file; None if Hugo does not read it as content."""
    parts = [part for part in rel_path.split("/") if part not in ("", ".")]
    if not parts or is_hidden(parts):
        return None
    pieces = parts[-1].split(".")
    if len(pieces) < 2 or _go_lower(pieces[-1]) not in CONTENT_EXTENSIONS:
        return None
    lang = _normalize(pieces[-2]) if len(pieces) > 2 and _normalize(pieces[-2]) in languages else ""
    name = ".".join(pieces[: -2 if lang else -1])
    raw = _ContentPath(tuple(parts[:-1]), name, lang)
    normalized = _ContentPath(tuple(_normalize(d) for d in raw.dirs), _normalize(name), lang)
    return normalized, raw


def page_path(site: SiteConfig, content_path: str) -> str | None:
    """Hugo's path of a content file's page (`/docs/a` of `docs/a.en.md`, `/docs` of
    `docs/_index.md`), as its messages name the page; None if Hugo does not read it."""
    parsed = parse_content_path(content_path, language_codes(site))
    return parsed[0].logical_path if parsed is not None else None


def ref_path_key(path: str, languages: frozenset[str]) -> tuple[str, str] | None:
    """Hugo's page path and base name (`Base()`, `BaseNameNoIdentifier()`) for a path whose
    extension is no content format's: the path is kept whole, but for a language code
    before the extension (`/cli/v1.20` -> `/cli/v1.20`, `v1`; `/a/b.fr.x` -> `/a/b.x`, `b`).
    None without an extension."""
    folder, _, last = path.strip("/").rpartition("/")
    pieces = last.split(".")
    if len(pieces) < 2:
        return None
    extension = pieces.pop()
    if len(pieces) > 1 and _normalize(pieces[-1]) in languages:
        pieces.pop()
    name = _normalize(".".join(pieces))
    return _normalize(f"/{folder}/" if folder else "/") + f"{name}.{_normalize(extension)}", name


def _settled(load: Callable[..., _T], path: str, *args: Hashable) -> _T | None:
    """`load(path, *args)`, cached while the path's mtime stays the same; None if it is missing.

    Adding or removing a file changes a directory's mtime, but mtimes are coarse: a path
    changed in the last seconds is always read again. Every read is what a page's place in
    the site depends on beyond its own file: see `recording_reads`.
    """
    value, digest = _load_with_digest(load, path, args)
    reads = _READS.get()
    if reads is not None:
        reads.append(SiteRead(load.__name__, path, args, digest))
    return value


def _load_with_digest(
    load: Callable[..., _T], path: str, args: tuple[Hashable, ...]
) -> tuple[_T, bytes] | tuple[None, None]:
    """`load(path, *args)` and a digest of it; (None, None) when the path is missing."""
    try:
        modified = os.stat(path).st_mtime_ns
    except (OSError, ValueError):  # (a NUL character a term or a slug put in the path)
        return None, None
    if time.time_ns() - modified < _SETTLED_NS:
        return _with_digest(load, path, *args)
    loaded: tuple[_T, bytes] = _load_cached(load, path, modified, *args)
    return loaded


@functools.lru_cache(maxsize=4096)
def _load_cached(load: Callable[..., Any], path: str, modified: int, *args: Hashable) -> tuple[Any, bytes]:
    return _with_digest(load, path, *args)


def _with_digest(load: Callable[..., _T], path: str, *args: Hashable) -> tuple[_T, bytes]:
    value = load(path, *args)
    return value, hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SiteRead(NamedTuple):
    """A read of the site beyond a page's own file (a directory's listing, an `_index`
    file's cascade), and a digest of what it found (None: the path was missing)."""

    loader: str
    path: str
    args: tuple[Hashable, ...]
    digest: bytes | None


_READS: contextvars.ContextVar[list[SiteRead] | None] = contextvars.ContextVar("site_reads", default=None)


@contextlib.contextmanager
def recording_reads() -> Iterator[list[SiteRead]]:
    """Collect the site reads made inside the block: a page's URL, section and cascaded
    front matter depend on its file and on these (its ancestors' `_index` files, its
    directories' listings); a result kept for the page holds while `reads_unchanged`."""
    reads: list[SiteRead] = []
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)


def reads_unchanged(reads: Iterable[SiteRead]) -> bool:
    """Whether each read would find the same now."""
    for read in reads:
        load = _LOADERS.get(read.loader)
        if load is None:
            return False
        if _load_with_digest(load, read.path, read.args)[1] != read.digest:
            return False
    return True


_Listing = dict[str, tuple[tuple[str, str], ...]]  # page name -> (file name, language) of its files


def _read_content_files(directory: str, languages: frozenset[str]) -> _Listing:
    """The content files in a directory by page name: (file name, language) of each, sorted
    by file name. A dict: a section of thousands of pages is asked about for each of them."""
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:
        return {}
    files: dict[str, list[tuple[str, str]]] = {}
    for name in names:
        paths = parse_content_path(name, languages)
        if paths is not None:
            files.setdefault(paths[0].name, []).append((name, paths[0].lang))
    return {page: tuple(found) for page, found in files.items()}


def _read_filtered_files(
    directory: str, languages: frozenset[str], files: tuple[str, ...], place: tuple[str, ...]
) -> _Listing:
    """`_read_content_files`, keeping those a mount's `files` let in (`place`: the
    directory's path in the mount's source)."""
    listing = {}
    for page, found in _read_content_files(directory, languages).items():
        kept = tuple(entry for entry in found if mount_admits(files, "/".join((*place, entry[0]))))
        if kept:
            listing[page] = kept
    return listing


def _read_mounted_file(path: str, name: str, languages: frozenset[str]) -> _Listing:
    """A single-file mount as its directory's listing: the file under the page its content
    name `name` makes."""
    parsed = parse_content_path(name, languages)
    if parsed is None or not os.path.isfile(path):
        return {}
    return {parsed[0].name: ((os.path.basename(path), parsed[0].lang),)}


@dataclass(frozen=True, slots=True)
class _Content:
    """A language's content as Hugo's union file system shows it: its mounts over the site."""

    mounts: tuple[tuple[ContentMount, str], ...]  # each with its source's absolute path
    languages: frozenset[str]
    # dirs -> listings: a page's place asks for each of its ancestors' several times
    _listed: dict[tuple[str, ...], list[tuple[str, _Listing]]] = field(default_factory=dict, compare=False)

    def listings(self, dirs: tuple[str, ...]) -> list[tuple[str, _Listing]]:
        """The directories making up the content directory `dirs` (as written), each with its
        content files, in mount order: of two files with one content path, the first is read."""
        if dirs not in self._listed:
            self._listed[dirs] = self._list(dirs)
        return self._listed[dirs]

    def _list(self, dirs: tuple[str, ...]) -> list[tuple[str, _Listing]]:
        found = []
        for mount, source in self.mounts:
            depth = len(mount.target)
            if mount.is_file:
                if dirs == mount.target[:-1]:
                    listing = _settled(_read_mounted_file, source, mount.target[-1], self.languages)
                    if listing:
                        found.append((os.path.dirname(source), listing))
            elif not depth or dirs[:depth] == mount.target:
                place = dirs[depth:] if depth else dirs
                directory = os.path.join(source, *place)
                listing = (
                    _settled(_read_filtered_files, directory, self.languages, mount.files, place)
                    if mount.files
                    else _settled(_read_content_files, directory, self.languages)
                )
                if listing:
                    found.append((directory, listing))
        return found

    def has_page(self, dirs: tuple[str, ...], name: str) -> bool:
        for _, listing in self.listings(dirs):
            if name in listing:
                return True
        return False


def _content(site: SiteConfig, language: str, languages: frozenset[str]) -> _Content | None:
    if site.root is None:
        return None
    return _Content(_with_sources(str(site.root), _language_mounts(site, language)), languages)


@functools.lru_cache(maxsize=64)
def _with_sources(root: str, mounts: tuple[ContentMount, ...]) -> tuple[tuple[ContentMount, str], ...]:
    return tuple((mount, os.path.join(root, mount.source)) for mount in mounts)


def _in_leaf_bundle(content: _Content | None, norm: _ContentPath, raw: _ContentPath) -> bool:
    """Whether the file is a resource of a leaf bundle (an `index.*` above or beside it):
    an `index.md` at the content's root makes the home page one, all else its resources
    (Hugo warns, and publishes no other page: checked with hugo 0.168)."""
    if content is None:
        return False
    depth = len(raw.dirs) - 1 if norm.name == "index" else len(raw.dirs)
    return any(content.has_page(raw.dirs[:i], "index") for i in range(depth + 1))


def _current_section(content: _Content | None, norm: _ContentPath, raw: _ContentPath) -> tuple[str, ...]:
    """The nearest section: a top-level directory, or a deeper one with an `_index.*` file."""
    if norm.name == "_index":
        return norm.dirs
    depth = len(raw.dirs) - 1 if norm.name == "index" else len(raw.dirs)
    for i in range(depth, 0, -1):
        if i == 1 or (content is not None and content.has_page(raw.dirs[:i], "_index")):
            return norm.dirs[:i]
    return ()


_Cascade = tuple[dict[str, Any], dict[str, Any]]  # (target, front matter values)


def _cascade_entries(value: Any) -> list[_Cascade]:
    """A `cascade` value (a table or a list of tables) as (target, values) pairs."""
    entries = [
        _prepare(entry) for entry in (value if isinstance(value, list) else [value]) if isinstance(entry, Mapping)
    ]
    pairs = []
    for entry in entries:
        target = entry.get("target") or entry.get("_target")
        values = {k: v for k, v in entry.items() if k not in ("target", "_target") and k not in _NOT_CASCADED}
        if isinstance(params := values.pop("params", None), Mapping):
            # Hugo 0.168 reads a cascade's `params` as front matter too (`build`, `draft`,
            # `title`, dates: checked with the binary); a key of the cascade's own wins
            values = {**{k: v for k, v in params.items() if k not in _NOT_CASCADED}, **values}
        pairs.append((target if isinstance(target, dict) else {}, values))
    return pairs


@functools.lru_cache(maxsize=16)
def _config_cascades(texts: tuple[str, ...]) -> tuple[_Cascade, ...]:
    """The config's `cascade` entries (stored as JSON text in SiteConfig)."""
    return tuple(entry for text in texts for entry in _cascade_entries(json.loads(text)))


class _Section(NamedTuple):
    """What a section's `_index` file tells the pages below it: its `slug` and `title` (as
    written; "" when not set) and its `cascade`."""

    slug: str
    title: str
    cascades: tuple[_Cascade, ...]


def _read_section(path: str) -> _Section:
    """The slug, title and cascade of a content file's front matter."""
    try:
        text = read_text(path)
    except (OSError, UnicodeError):
        return _Section("", "", ())
    front_matter, _ = split_front_matter(text)
    return _Section(
        _fm_string(front_matter.get("slug")).strip("-"),
        _fm_string(front_matter.get("title")),
        tuple(_cascade_entries(front_matter.get("cascade"))),
    )


# What `_settled` may load, by name: a recorded read is checked again with the same loader.
_LOADERS: dict[str, Callable[..., Any]] = {
    loader.__name__: loader
    for loader in (_read_content_files, _read_filtered_files, _read_mounted_file, _read_section)
}


def _ancestor_sections(
    content: _Content, raw: _ContentPath, from_own_dir: bool, lang: str, dir_lang: str
) -> list[tuple[int, _Section]]:
    """The ancestor sections' `_index` files in the page's language, nearest first, each
    with its depth (0: the home page's).

    A bundle's own directory holds the page itself, so its ancestors start one level up.
    """
    depth = len(raw.dirs) - (0 if from_own_dir else 1)
    found = []
    for i in range(depth, -1, -1):
        path = _index_file(content.listings(raw.dirs[:i]), lang, dir_lang)
        section = _settled(_read_section, path) if path is not None else None
        if section is not None:
            found.append((i, section))
    return found


def _section_names(
    ancestors: Sequence[tuple[int, _Section]], norm: _ContentPath, site: SiteConfig, lang: str
) -> dict[int, tuple[str, str]]:
    """By depth, the (slug, title) of each ancestor section, its slug cascaded to it when its
    own front matter has none: Hugo 0.168 puts a section's slug in place of its directory
    in its own URL and in every URL below it."""
    names: dict[int, tuple[str, str]] = {}
    if _taxonomy_of(norm, site) is not None:
        return names  # terms have no sections
    for place, (depth, section) in enumerate(ancestors):
        if depth == 0:
            continue
        slug = section.slug
        if not slug:
            cascades = itertools.chain(
                (cascade for _, farther in ancestors[place:] for cascade in farther.cascades),
                _config_cascades(site.cascade),
            )
            path = "/" + "/".join(norm.dirs[:depth])
            cascaded = _apply_cascades({}, cascades, kind="section", path=path, environment=site.environment, lang=lang)
            slug = _fm_string(cascaded.get("slug")).strip("-")
        names[depth] = (slug, section.title)
    return names


def _index_file(listings: Iterable[tuple[str, _Listing]], lang: str, dir_lang: str) -> str | None:
    """The path of the first `_index` file in language `lang` among a directory's listings."""
    for directory, listing in listings:
        for name, file_lang in listing.get("_index", ()):
            if (file_lang or dir_lang) == lang:
                return os.path.join(directory, name)
    return None


def _apply_cascades(front_matter: dict[str, Any], cascades: Iterator[_Cascade], **page: str) -> dict[str, Any]:
    """The front matter with the values of the cascades whose target matches the page (own keys win)."""
    merged = dict(front_matter)
    for target, values in cascades:
        if all(not target.get(key) or _glob(str(target[key]).lower()).match(value) for key, value in page.items()):
            for key, value in values.items():
                merged.setdefault(key, value)
    return merged


def _kind(path: _ContentPath, site: SiteConfig) -> str:
    if not path.dirs and path.name in ("_index", "index"):
        return "home"  # of `index.md` too, a leaf bundle then (checked with hugo 0.168)
    if path.name != "_index":
        return "page"
    if (plural := _taxonomy_of(path, site)) is not None:
        return "taxonomy" if len(path.dirs) == plural.count("/") + 1 else "term"
    return "section"


def _taxonomy_of(path: _ContentPath, site: SiteConfig) -> str | None:
    """The plural of the taxonomy whose directory the file lies in (`tags/…`; `my-tags/…`
    of "my tags", `flux/v0/tags/…`), normalized as the path is; None in none."""
    folder = "/".join(path.dirs)
    for plural in _normalized_plurals(site.taxonomies):
        if folder == plural or folder.startswith(plural + "/"):
            return plural
    return None


@functools.lru_cache(maxsize=64)
def _normalized_plurals(taxonomies: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The taxonomies' plurals as content paths are normalized (`my-tags` of "my tags");
    once per site, not for each page."""
    found = ("/".join(_normalize(part) for part in plural.split("/") if part) for _, plural in taxonomies)
    return tuple(plural for plural in found if plural)


def _fm_string(value: Any) -> str:
    """A front matter value as Hugo's `cast.ToString` gives it (lists and maps: empty)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return ""


def _date_sources(configured: list[str]) -> tuple[str, ...]:
    """`[frontmatter] date` as Hugo reads it: lower case, `:default` expanded, each key
    followed by its aliases (`publishdate`: `pubdate`, `published`)."""
    if not configured:
        return _DATE_KEYS
    sources: list[str] = []
    for source in configured:
        source = source.lower()
        for one in _DATE_KEYS if source == ":default" else _DATE_ALIASES.get(source, (source,)):
            if one not in sources:
                sources.append(one)
    return tuple(sources)


_DATE_ALIASES = {"publishdate": ("publishdate", "pubdate", "published"), "lastmod": ("lastmod", "modified")}


def _page_date(front_matter: Mapping[str, Any], sources: Sequence[str], base_name: str) -> tuple[dt.date | None, str]:
    """The page date from the first of its `sources` that gives one: year 1 when none
    does; None when it is unknown here (a front matter value Hugo cannot parse, a file's
    time, git). With the slug `:filename` gives when it gives the date (the name after
    `2023-11-02-`), else ""."""
    for source in sources:
        if source == ":filename":
            date, slug = _date_and_slug(base_name)
            if date is not None:
                return date, slug
            continue
        if source.startswith(":"):
            return None, ""  # `:fileModTime`, `:git`: not known from the text
        value = front_matter.get(source)
        if value is None or isinstance(value, bool) or value == "":
            continue
        try:
            return hugo_date(value, None), ""
        except DateError:
            return None, ""
    return dt.date(1, 1, 1), ""


def _date_and_slug(base_name: str) -> tuple[dt.date | None, str]:
    """Hugo's date and slug of a file name that starts with one (`2023-11-02-my-page`: the
    name without extension, or the folder's name for a bundle): the rest, trimmed of
    blanks, `-` and `_`, is the slug; (None, "") when it starts with no date."""
    try:
        date = dt.date.fromisoformat(base_name[:10]) if len(base_name) >= 10 else None
    except ValueError:
        return None, ""
    return date, base_name[10:].strip(" -_") if date is not None else ""


@dataclass(frozen=True)
class _Page:
    """What the path and permalink rules need to know of one content file."""

    kind: str
    path: _ContentPath  # normalized
    raw: _ContentPath  # as written
    sections: tuple[str, ...]  # the current section's directories
    title: str
    slug: str
    date: dt.date | None
    # By depth (1: the top-level section), the (slug, title) of each section the page is in
    # or is, where its `_index` file is known.
    section_names: Mapping[int, tuple[str, str]] = field(default_factory=dict)


# --- Permalink patterns ----------------------------------------------------------------------

_ATTRIBUTE = re.compile(r":\w+(\[.+?\])?")
_TOKENS = frozenset(
    {"year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "section", "sectionslug",
     "sections", "sectionslugs", "title", "slug", "slugorfilename", "filename", "contentbasename",
     "slugorcontentbasename"}
)  # fmt: skip


def _is_go_layout(name: str) -> bool:
    """Whether a token is a Go time layout (`:2006`, `:Jan`), which Hugo formats the date with."""
    return re.search(r"Jan|Mon|MST|PM|pm|[1-5]|0[1-6]", name) is not None


@functools.lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """A gobwas glob with `/` as separator (`*`, `**`, `?`, `[…]`, `{a,b}`) as a regex."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**", i):
            out.append(".*")
            i += 1
        elif char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            out.append("(?:")
            depth += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
        elif char == "," and depth:
            out.append("|")
        elif char == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            out.append("[" + ("^" if negate else "") + re.escape(body[negate:]).replace("\\-", "-") + "]")
            i = end
        elif char == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 1
        else:
            out.append(re.escape(char))
        i += 1
    try:
        return re.compile("".join(out) + r"\Z")
    except re.error:  # an unclosed `{`: a glob Hugo cannot compile either, which matches nothing
        return re.compile(r"(?!)")


def _permalink_pattern(site: SiteConfig, page: _Page, language: str) -> str | None:
    """The pattern of the first permalink rule of the page's language matching its kind and path."""
    for key, pattern in site.permalinks_of(language):
        kind, _, target = key.partition(":")
        if not target.startswith("/"):
            target = "/{" + target + "," + target + "/**}" if target else "/*"
        if _glob(kind).match(page.kind) and _glob(target).match(page.path.logical_path):
            return pattern
    return None


def _expand(site: SiteConfig, pattern: str, page: _Page) -> str | None:
    """A permalink pattern expanded for the page; None when mdcheck cannot compute a token."""
    urlize = functools.partial(_make_path_sanitized, site)
    values: dict[str, Callable[[], str | None]] = {
        "title": lambda: urlize(_title_segment(page.title)),
        "slug": lambda: urlize(page.slug or _title_segment(page.title)),
        "filename": lambda: urlize(_translation_base_name(page)),
        "slugorfilename": lambda: urlize(page.slug or _translation_base_name(page)),
        "contentbasename": lambda: urlize(_content_base_name(page)),
        "slugorcontentbasename": lambda: urlize(page.slug or _content_base_name(page)),
        "section": lambda: page.path.section,
        "sections": lambda: "/".join(page.sections),
    }
    slugs = _section_slugs(page, urlize)
    values["sectionslug"] = lambda: None if slugs is None else "/".join(slugs[:1])
    values["sectionslugs"] = lambda: None if slugs is None else "/".join(slugs)
    failed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal failed
        name, cut = match[0][1:].partition("[")[::2]
        if name == "sections" and cut:
            value: str | None = "/".join(_slice_sections(page.sections, cut.rstrip("]")))
        elif name == "sectionslugs" and cut:
            value = None if slugs is None else "/".join(_slice_sections(slugs, cut.rstrip("]")))
        elif name in values:
            value = values[name]()
        else:
            value = _date_token(name, page.date)
            if value is not None and name not in _TOKENS:  # a time layout's: a path, as Hugo makes it (`_2`: `-3`)
                value = urlize(value.replace(" ", "-"))
        failed = failed or value is None
        return value or ""

    expanded = _ATTRIBUTE.sub(replace, pattern.replace("\\:", "\0")).replace("\0", ":")
    return None if failed else unquote_plus(expanded)


def _section_slugs(page: _Page, urlize: Callable[[str], str]) -> tuple[str, ...] | None:
    """The `:sectionslugs` of the page: each of its sections' slug, else title, urlized;
    None when one has neither (Hugo's automatic title, which mdcheck does not make)."""
    slugs = []
    for depth in range(1, len(page.sections) + 1):
        slug, title = page.section_names.get(depth, ("", ""))
        if not (slug or title):
            return None
        slugs.append(urlize(slug or _title_segment(title)))
    return tuple(slugs)


def _title_segment(title: str) -> str:
    """A title made one segment of a URL, as Hugo makes it: its `/` become `-` ("CI/CD gap"
    is `ci-cd-gap`; a slug keeps them: `x/y` is two; checked with hugo 0.168)."""
    return title.replace("/", "-")


def _date_token(name: str, date: dt.date | None) -> str | None:
    if date is None:
        return None
    formats: dict[str, Callable[[dt.date], str]] = {
        "year": lambda d: str(d.year),
        "month": lambda d: f"{d.month:02d}",
        "monthname": lambda d: _MONTHS[d.month - 1],
        "day": lambda d: f"{d.day:02d}",
        "weekday": lambda d: str(d.isoweekday() % 7),
        "weekdayname": lambda d: _WEEKDAYS[d.isoweekday() % 7],
        "yearday": lambda d: str(d.timetuple().tm_yday),
    }
    if name in formats:
        return formats[name](date)
    return _go_format(name, date) if _is_go_layout(name) else None


def _go_format(layout: str, date: dt.date) -> str | None:
    """Go's `Time.Format(layout)` of the page's date (a permalink's `:2006`, `:Jan2006`: Hugo
    formats the date with a token that is a time layout), for the elements a token of word
    characters holds; None for one not followed (fractions of a second)."""
    when = date if isinstance(date, dt.datetime) else dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    out, index = [], 0
    while index < len(layout):
        if layout.startswith("_2006", index):  # (a literal `_`, then the year)
            out.append("_")
            index += 1
            continue
        found = next(((name, made) for name, made in _GO_ELEMENTS if layout.startswith(name, index)), None)
        if found is None:
            if layout[index] in ".,-Z" or layout[index].isdigit():
                return None  # a fraction, a zone or an element not followed here
            out.append(layout[index])
            index += 1
            continue
        out.append(found[1](when))
        index += len(found[0])
    return "".join(out)


def _go_zone(when: dt.datetime, utc: str) -> str:
    """A time's zone as Go's `MST` or `Z0700` writes it: `utc` at no offset, else `+0200`."""
    minutes = int((when.utcoffset() or dt.timedelta()).total_seconds() // 60)
    return utc if minutes == 0 else f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


# Go's layout elements a token of word characters may hold, each with what it writes of a
# time, in the order Go's `nextStdChunk` tells them apart (`January` before `Jan`, `002` before `02`)
_GO_ELEMENTS: tuple[tuple[str, Callable[[dt.datetime], str]], ...] = (
    ("January", lambda t: _MONTHS[t.month - 1]), ("Jan", lambda t: _MONTHS[t.month - 1][:3]),
    ("Monday", lambda t: _WEEKDAYS[t.isoweekday() % 7]), ("Mon", lambda t: _WEEKDAYS[t.isoweekday() % 7][:3]),
    ("MST", lambda t: _go_zone(t, "UTC")), ("2006", lambda t: f"{t.year:04d}"),
    ("002", lambda t: f"{t.timetuple().tm_yday:03d}"), ("__2", lambda t: f"{t.timetuple().tm_yday:3d}"),
    ("_2", lambda t: f"{t.day:2d}"), ("01", lambda t: f"{t.month:02d}"), ("02", lambda t: f"{t.day:02d}"),
    ("03", lambda t: f"{t.hour % 12 or 12:02d}"), ("04", lambda t: f"{t.minute:02d}"),
    ("05", lambda t: f"{t.second:02d}"), ("06", lambda t: f"{t.year % 100:02d}"), ("15", lambda t: f"{t.hour:02d}"), ("1", lambda t: str(t.month)),
    ("2", lambda t: str(t.day)), ("3", lambda t: str(t.hour % 12 or 12)), ("4", lambda t: str(t.minute)),
    ("5", lambda t: str(t.second)), ("PM", lambda t: "PM" if t.hour >= 12 else "AM"),
    ("pm", lambda t: "pm" if t.hour >= 12 else "am"), ("Z0700", lambda t: _go_zone(t, "Z")),
)  # fmt: skip


def _slice_sections(sections: tuple[str, ...], cut: str) -> list[str]:
    """Hugo's `:sections[low:high]`, `[n]` and `[last]` slicing (lenient, never fails)."""
    if not sections:
        return []
    low_text, colon, high_text = cut.strip().lower().partition(":")

    def index(text: str, default: int, low: bool) -> int:
        if text == "":
            return default
        if text == "last":
            return len(sections) - 1
        n = max(int(text) if text.lstrip("-").isdigit() else 0, 0)
        return (-1 if low else len(sections)) if n >= len(sections) else n

    low = index(low_text, 0, True)
    if not colon:
        return [] if low < 0 else [sections[low]]
    high = index(high_text, len(sections), False)
    return [] if low < 0 else list(sections[low:high])


def _translation_base_name(page: _Page) -> str:
    if page.raw.name == "index":
        return page.raw.dirs[-1] if page.raw.dirs else ""
    return "" if page.raw.name == "_index" else page.raw.name


def _content_base_name(page: _Page) -> str:
    if page.raw.is_bundle:
        return page.raw.dirs[-1] if page.raw.dirs else ""
    return page.raw.name


# --- Target paths ----------------------------------------------------------------------------


def _target_link(site: SiteConfig, page: _Page, url: str, permalink: str, prefix: str) -> str:
    """The page's link (RelPermalink without the baseURL path), after Hugo's `CreateTargetPaths`."""
    path = page.raw if site.disable_path_to_lower else page.path
    force_prefix = bool(url and not url.startswith("/")) or site.multihost
    if ".." in url:
        url = _go_join("/", url)
    base_name = page.slug or (path.dirs[-1] if path.is_bundle and path.dirs else path.name)
    ugly = _is_ugly(site, page.path.section)
    base_same_as_type = not path.is_bundle and base_name == "index"
    index_is_ugly_kind = ugly and page.kind in ("home", "section", "taxonomy")
    if not permalink and base_same_as_type:
        ugly = True
    els: list[str] = []
    add = functools.partial(_add_elements, els)
    upper = 0
    needs_base = True
    if page.kind != "page" and not url:
        add(permalink or "/".join(("", *_slugged_dirs(site, page, path.dirs))))
        needs_base = False
    if page.kind != "home" and url:
        add(*url.split("/"))
        if url.endswith("/") or "." not in url:
            add("index.html")
        upper = int(bool(els) and els[-1] == "index.html")
        prefix = prefix if force_prefix and not url.startswith("/" + prefix) else ""
    elif page.kind not in _BRANCH_KINDS:
        if permalink:
            add(permalink)
        else:
            container = _slugged_dirs(site, page, path.dirs[:-1] if path.is_bundle else path.dirs)
            add("/".join(container), base_name)
        if ugly:
            _concat_last(els, ".html")
        else:
            add("index.html")
        upper = int(els[-1] == "index.html")
    else:
        if needs_base or not ugly or index_is_ugly_kind:
            add("index.html")
        else:
            _concat_last(els, ".html")
        upper = int(not index_is_ugly_kind and els[-1] == "index.html")
    if not url:
        els[:] = [_make_path_sanitized(site, el) for el in els]
    link = _join_elements(els[: len(els) - upper])
    if base_same_as_type:
        link = link.removesuffix(base_name)
    if prefix:
        link = f"/{prefix}{link}"
    if upper and not link.endswith("/"):
        link += "/"
    link = link.replace("#", "%23")
    if url:
        path_part, question, query = link.partition("?")
        link = _escape_path(path_part) + question + query
    else:
        link = _escape_path(link)
    return link or "/"


def _slugged_dirs(site: SiteConfig, page: _Page, dirs: tuple[str, ...]) -> tuple[str, ...]:
    """`dirs` with each section's slug in place of its directory; a slug of blanks or
    slashes leaves no segment (`slug: " "` puts the section at its parent's URL)."""
    slugs = {depth: slug for depth, (slug, _) in page.section_names.items() if slug}
    if not slugs:
        return dirs
    parts = []
    for depth, part in enumerate(dirs, start=1):
        slug = slugs.get(depth)
        if slug is None:
            parts.append(part)
        elif _make_path_sanitized(site, slug).strip("/"):
            parts.append(slug)
    return tuple(parts)


def _add_elements(els: list[str], *parts: str) -> None:
    els.extend(part for part in parts if part not in ("", "/"))


def _concat_last(els: list[str], suffix: str) -> None:
    if not els:
        els.append(suffix)
    else:
        els[-1] = els[-1].removesuffix("/") + suffix


def _join_elements(els: list[str]) -> str:
    out, had_trailing_slash = "", False
    for el in els:
        if not had_trailing_slash and not el.startswith("/"):
            out += "/"
        had_trailing_slash = el.endswith("/")
        out += el
    return out


# --- Public prediction API ---------------------------------------------------------------------


def language_codes(site: SiteConfig) -> frozenset[str]:
    """The site's language codes (its default language's alone when it lists none)."""
    return frozenset({lang.code for lang in site.languages} or {site.default_language})


def content_name(path: str, site: SiteConfig) -> str | None:
    """A content file's name as Hugo reads it, without the site's language code and the
    extension (`_index` of `_index.fr.md`); None for a file Hugo reads no content of."""
    parsed = parse_content_path(path.rpartition("/")[2], language_codes(site))
    return parsed[0].name if parsed is not None else None


def is_list_file(path: str, site: SiteConfig) -> bool:
    """Whether Hugo makes a list page (home, section) of the file: `_index.md`, or with a
    language code of the site, `_index.fr.md`."""
    return content_name(path, site) == "_index"


def page_language(site: SiteConfig, rel_path: str, language: str | None = None) -> str:
    """The language of the content file `rel_path`: a language code in its name
    (`about.fr.md`) wins over its content dir's `language`, then the site's default."""
    parsed = parse_content_path(rel_path, language_codes(site))
    return (parsed[0].lang if parsed else "") or language or site.default_language


def predict_url(
    site: SiteConfig, rel_path: str, front_matter: Mapping[str, Any], language: str | None = None
) -> str | None:
    """The RelPermalink Hugo gives the content file `rel_path` (its POSIX path in the content,
    with mounts applied: `docs/x.md` for `x.md` in a folder mounted at `content/docs`).

    None when Hugo publishes no page for it: not a content file, a resource of a leaf
    bundle, `headless`, `build.render = "never"`, or a value Hugo rejects (an `http(s)://`
    `url`, a date a permalink needs that Hugo cannot parse). Drafts and future or expired
    pages get their URL: whether they are built depends on build flags.
    `language` is the language of the file's mount; a language code in the file name wins.
    """
    return predict_page(site, rel_path, front_matter, language).url


class PagePrediction(NamedTuple):
    """What Hugo makes of a content file: the URL `predict_url` gives; whether it renders a
    page there (not for `build.render = "link"`, which keeps the URL for links but publishes
    nothing); whether it publishes the files of the page's bundle beside it (not with
    `build.publishResources = false`, unless a template asks for their URLs)."""

    url: str | None
    rendered: bool = False
    resources: bool = False
    # The front matter with what cascades give it (own keys win): whether Hugo builds the
    # page (`draft`, dates) may come from a section's cascade
    front_matter: Mapping[str, Any] = types.MappingProxyType({})
    # Whether Hugo renders a page whose URL is not known here (its permalink needs a date
    # from git or the file's time, its `url` is another host's)
    unknown: bool = False


def predict_page(
    site: SiteConfig, rel_path: str, front_matter: Mapping[str, Any], language: str | None = None
) -> PagePrediction:
    """See PagePrediction."""
    codes = language_codes(site)
    parsed = parse_content_path(rel_path, codes)
    if parsed is None:
        return PagePrediction(None)
    norm, raw = parsed
    dir_lang = language or site.default_language
    lang = norm.lang or dir_lang
    content = _content(site, dir_lang, codes)
    if _in_leaf_bundle(content, norm, raw):
        return PagePrediction(None)
    kind = _kind(norm, site)
    own = {_key(k): v for k, v in front_matter.items()}
    ancestors = (
        _ancestor_sections(content, raw, kind == "page" and norm.name != "index", lang, dir_lang)
        if content is not None
        else []
    )
    cascades = itertools.chain(
        _cascade_entries(own.get("cascade")),
        (cascade for _, section in ancestors for cascade in section.cascades),
        _config_cascades(site.cascade),
    )
    fm = _apply_cascades(own, cascades, kind=kind, path=norm.logical_path, environment=site.environment, lang=lang)
    render = _render_mode(fm)
    if _weak_bool(fm.get("headless")) or render == "never":  # (its files are published all the same)
        return PagePrediction(None, resources=_publishes_resources(fm), front_matter=fm)
    if kind in site.disabled_kinds:  # `disableKinds`: no page of the kind (a ref to it writes "")
        return PagePrediction(None, front_matter=fm)
    title = _fm_string(fm.get("title")) or (raw.dirs[-1] if kind in _BRANCH_KINDS and raw.dirs else "")
    date, slug_from_name = _page_date(fm, site.date_sources, raw.dirs[-1] if raw.is_bundle and raw.dirs else raw.name)
    slug = _fm_string(fm.get("slug")).strip("-") if "slug" in fm else slug_from_name
    names = _section_names(ancestors, norm, site, lang)
    if kind == "section":
        names[len(norm.dirs)] = (slug, title)
    page = _Page(
        kind=kind,
        path=norm,
        raw=raw,
        sections=_current_section(content, norm, raw),
        title=title,
        slug=slug,
        date=date,
        section_names=names,
    )
    url = _fm_string(fm.get("url"))
    unknown = PagePrediction(None, front_matter=fm, unknown=render != "link")
    if url.startswith(("http://", "https://")):
        return unknown
    if ":" in url:
        expanded = _expand(site, url, page)
        if expanded is None:
            return unknown
        url = expanded
    permalink = ""
    if not url and (pattern := _permalink_pattern(site, page, lang)) is not None:
        expanded = _expand(site, pattern, page)
        if expanded is None:
            return unknown
        permalink = _go_clean(expanded)
    link = _target_link(site, page, url, permalink, _language_prefix(site, lang))
    url = _prepend_base_path(_base_path(site, lang), link)
    return PagePrediction(url, render != "link", _publishes_resources(fm), fm)


def is_built(site: SiteConfig, front_matter: Mapping[str, Any]) -> bool:
    """Whether Hugo builds a page of this (own) front matter by default (see `unbuilt_reason`)."""
    return unbuilt_reason(site, front_matter) is None


# Hugo's default `[frontmatter]` lookups (with the keys' aliases), first set wins.
_PUBLISH_DATE_KEYS = ("publishdate", "pubdate", "published", "date")
_EXPIRY_DATE_KEYS = ("expirydate", "unpublishdate")


def printed_params(params: Any) -> dict[str, str]:
    """The values of a params table that Hugo's `param` shortcode prints as they are, by
    lower-case dotted key: strings, integers and booleans (as Go prints them); not lists,
    dates or floats."""
    found: dict[str, str] = {}
    tables = [("", params)]
    while tables:  # no recursion: a table may nest deep
        prefix, table = tables.pop()
        if not isinstance(table, Mapping):
            continue
        for key, value in table.items():
            name = f"{prefix}{str(key).lower()}"
            if isinstance(value, Mapping):
                tables.append((name + ".", value))
            elif isinstance(value, bool):
                found[name] = "true" if value else "false"
            elif isinstance(value, (str, int)):
                found[name] = str(value)
    return found


def unbuilt_reason(site: SiteConfig, front_matter: Mapping[str, Any], now: dt.datetime | None = None) -> str | None:
    """Why Hugo builds no page of this (own) front matter by default, None when it does: a
    `draft` (as Hugo reads the value) unless `buildDrafts`, a publish date to come unless
    `buildFuture`, an expiry date past unless `buildExpired` (checked with hugo 0.168)."""
    unbuilt = _unbuilt(site, front_matter, now)
    if not unbuilt:
        return None
    reasons, flags = zip(*unbuilt)
    said = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
    return f"the page {said}: Hugo builds it only with {' '.join(flags)}"


def unbuilt_flags(site: SiteConfig, front_matter: Mapping[str, Any], now: dt.datetime | None = None) -> frozenset[str]:
    """The flags Hugo builds a page of this (own) front matter with only (see `unbuilt_reason`)."""
    return frozenset(flag for _, flag in _unbuilt(site, front_matter, now))


def _unbuilt(site: SiteConfig, front_matter: Mapping[str, Any], now: dt.datetime | None) -> list[tuple[str, str]]:
    """(why, the flag that builds it anyway) for each reason Hugo builds no page of this."""
    fm = {_key(key): value for key, value in front_matter.items()}
    now = now or dt.datetime.now(dt.UTC)
    found = []
    if not site.build_drafts and _weak_bool(fm.get("draft")):
        found.append(("is a draft", "--buildDrafts"))
    if not site.build_future and (published := _first_date(fm, _PUBLISH_DATE_KEYS)) and published > now:
        found.append((f"has a publish date to come, {published:%Y-%m-%d}", "--buildFuture"))
    if not site.build_expired and (expiry := _first_date(fm, _EXPIRY_DATE_KEYS)) and expiry < now:
        found.append((f"expired on {expiry:%Y-%m-%d}", "--buildExpired"))
    return found


def _first_date(front_matter: Mapping[str, Any], keys: tuple[str, ...]) -> dt.datetime | None:
    """The time of the first of `keys` the front matter sets (lower-case keys); None when
    none is, or when Hugo cannot read it (front-matter-date reports that)."""
    for key in keys:
        value = front_matter.get(key)
        if value is None or value == "" or isinstance(value, bool):
            continue
        try:
            found = hugo_date(value, None)
        except DateError:
            return None
        if found is not None:
            return found if found.tzinfo else found.replace(tzinfo=dt.UTC)
    return None


def _build_options(front_matter: Mapping[str, Any]) -> dict[str, Any]:
    """The `build` (or older `_build`) table, its keys lower-cased; empty when not set."""
    build = front_matter.get("build", front_matter.get("_build"))
    return {_key(k): v for k, v in build.items()} if isinstance(build, Mapping) else {}


def _publishes_resources(front_matter: Mapping[str, Any]) -> bool:
    """`build.publishResources` (true unless set to false)."""
    return _weak_bool(_build_options(front_matter).get("publishresources", True)) is not False


def _render_mode(front_matter: Mapping[str, Any]) -> str:
    """`build.render`: "always", "never" (false) or "link"."""
    render = _build_options(front_matter).get("render")
    if render is False:
        return "never"
    return render.lower() if isinstance(render, str) and render.lower() in ("never", "link") else "always"


def alias_urls(
    site: SiteConfig,
    page_url: str,
    aliases: str | Iterable[Any],
    *,
    language: str | None = None,
    section: str = "",
    served: bool = False,
) -> list[str]:
    """The URLs of the redirect pages Hugo writes for a page's `aliases`; with `served`, the
    URLs served for them, by those pages or by a `_redirects` template's rules for them
    (SiteConfig.aliases_redirected, with `disableAliases`).

    `page_url` is the page's RelPermalink (as `predict_url` gives it). Relative aliases
    resolve against the page's directory's parent (`old` on `/posts/new/` is `/posts/old/`);
    absolute ones get the language prefix. `section` is the page's top-level section, which
    matters only when `uglyURLs` is set per section. `aliases` is the front matter value (a
    string is split at whitespace, as Hugo does). Aliases Hugo rejects are left out: empty,
    `http(s)://`, above the root, and the site root, which stops the build (see
    `aliases_at_root`). None with `disableAliases`.
    """
    return [url for _, url in _alias_targets(site, page_url, aliases, language, section, served) if url]


def aliases_at_root(
    site: SiteConfig, page_url: str, aliases: str | Iterable[Any], *, language: str | None = None, section: str = ""
) -> list[str]:
    """The page's aliases, as written, that resolve to the site root (`/`, `../..`): Hugo
    stops the build on them ("alias "/" resolves to website root directory", hugo 0.168)."""
    return [alias for alias, url in _alias_targets(site, page_url, aliases, language, section) if url is None]


def _alias_targets(
    site: SiteConfig, page_url: str, aliases: str | Iterable[Any], language: str | None, section: str,
    served: bool = False,
) -> Iterator[tuple[str, str | None]]:
    """(alias as written, the URL of its redirect page) for each alias Hugo takes, None for
    the root; none for `http(s)://` or one above the root. With `served`, also
    those a `_redirects` template serves with `disableAliases` (see alias_urls)."""
    if site.disable_aliases and not (served and site.aliases_redirected):
        return
    lang = language or site.default_language
    base = _base_path(site, lang)
    link = unquote(page_url[len(base) :] if base and page_url.startswith(base + "/") else page_url)
    prefix = _language_prefix(site, lang)
    for alias in aliases.split() if isinstance(aliases, str) else map(_fm_string, aliases):
        if alias.startswith(("http://", "https://")):
            continue  # (an empty one, `null` too, is the page's folder: `/` for a page at the root)
        if alias.startswith("/"):
            target = _go_join("/", prefix, alias)
        else:
            target = _go_join(_go_join(_resource_dir(link), ".."), alias)
        if _is_ugly(site, section) and not _has_html_suffix(target):
            target += ".html"
        target = _go_clean(target)
        if target == "/":
            yield alias, None
            continue
        if target.split("/")[0] == "..":
            continue
        if not _has_html_suffix(target):
            target += "/"
        yield alias, _prepend_base_path(base, _escape_path(target.replace("#", "%23")))


def _resource_dir(link: str) -> str:
    """The directory Hugo publishes a page's resources to (its `SubResourceBaseTarget`)."""
    head, _, last = link.rpartition("/")
    directory = head if not last or last.startswith("index.") else f"{head}/{posixpath.splitext(last)[0]}"
    return "" if directory == "/" else directory


def _has_html_suffix(path: str) -> bool:
    return posixpath.splitext(path)[1][1:] in _HTML_SUFFIXES

"""mdcheck's own configuration: `.mdcheck.toml` or `[tool.mdcheck]` in `pyproject.toml`.

    extends = ["recommended"]          # presets from the shipped rules/ folder, in order
    include = ["**/*.md"]              # globs, relative to the config file's directory
    exclude = ["content/legacy/**"]
    html-dir = "public"
    max-file-size = 10_000_000         # bytes; larger files get one finding and are skipped

    [rules]
    heading-level-skip = "error"       # true | false | "error" | "warning" | "off"
    front-matter-required = { severity = "error", keys = ["title", "date"] }

    [per-file-ignores]
    "content/about/license.md" = ["front-matter-required"]

Everything is validated: an unknown key, rule or option, or a value of the wrong type, is a
`ConfigError` naming the file, the rule and the option.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.model import Rule, Severity, data_error
from validator.paths import Glob, GlobSet

CONFIG_NAMES = (".mdcheck.toml", "mdcheck.toml", "pyproject.toml")
DEFAULT_PRESET = "recommended"
DEFAULT_MAX_FILE_SIZE = 10_000_000
_TOP_LEVEL = {
    "extends",
    "include",
    "exclude",
    "html-dir",
    "max-file-size",
    "rules",
    "per-file-ignores",
}


class ConfigError(Exception):
    """A configuration problem; the CLI prints it and exits 2."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


_NONE: frozenset[str] = frozenset()  # shared: most files ignore no rule

@dataclass(frozen=True)
class RuleSetting:
    severity: Severity
    options: Any


@dataclass(frozen=True)
class Config:
    """The effective configuration: only enabled rules appear in `rules`."""

    path: Path | None
    base: Path  # the directory config globs are relative to
    rules: Mapping[str, RuleSetting]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    html_dir: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    extends: tuple[str, ...] = (DEFAULT_PRESET,)
    sources: tuple[str, ...] = field(default=(), compare=False)  # files read, in merge order

    @functools.cached_property
    def _ignore_globs(self) -> list[tuple[GlobSet, frozenset[str]]]:
        return [(GlobSet([pattern]), rules) for pattern, rules in self.per_file_ignores]

    def ignored_rules(self, path: str) -> frozenset[str]:
        """Rules per-file-ignores turn off for a path relative to `base`."""
        ignored: set[str] = set()
        for globs, rules in self._ignore_globs:
            if globs.match(path):
                ignored |= rules
        return frozenset(ignored) if ignored else _NONE


# --- finding and reading files --------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest `.mdcheck.toml`, `mdcheck.toml`, or `pyproject.toml` with [tool.mdcheck]."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                if name != "pyproject.toml" and (candidate.is_dir() or candidate.is_symlink()):
                    return candidate  # (load_config says what it is: a folder, a broken link)
                continue
            if name != "pyproject.toml" or _has_tool_section(candidate):
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "mdcheck" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, ValueError):  # UnicodeDecodeError, TOMLDecodeError, a number too long
        return True  # let load_config report what is wrong with it


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text("utf-8").removeprefix("\ufeff"))  # a byte order mark aside
    except OSError as exc:
        raise ConfigError(label, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(label, "not valid UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(label, f"invalid TOML: {exc}") from exc
    except ValueError as exc:
        raise ConfigError(label, f"invalid TOML: {data_error(exc)}") from exc
    except RecursionError:
        raise ConfigError(label, f"invalid TOML: arrays or tables nested more than {_MAX_DEPTH} deep") from None
    if _nested_deeper(data, _MAX_DEPTH):
        raise ConfigError(label, f"arrays or tables nested more than {_MAX_DEPTH} deep")
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("mdcheck")
        if not isinstance(section, dict):
            raise ConfigError(label, "[tool.mdcheck] must be a table")
        return section
    return data


_MAX_DEPTH = 100  # no setting of mdcheck's nests this deep


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether arrays and tables nest in `value` deeper than `limit` (read without recursion)."""
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def preset_names() -> list[str]:
    return sorted(p.name[:-5] for p in _presets_dir().iterdir() if p.name.endswith(".toml"))


def _presets_dir() -> Path:
    """The shipped presets: inside the installed wheel, or `rules/` in a source checkout."""
    packaged = Path(__file__).resolve().parent / "presets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def _read_preset(name: str, label: str) -> dict[str, Any]:
    entry = _presets_dir().joinpath(f"{name}.toml")
    if not entry.is_file():
        known = ", ".join(preset_names())
        raise ConfigError(label, f"unknown preset {name!r} in 'extends' (known: {known})")
    try:
        return tomllib.loads(entry.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a packaging bug, but say so clearly
        raise ConfigError(f"preset {name}", f"invalid TOML: {exc}") from exc


# --- merging and validation -------------------------------------------------------------------


def load_config(
    path: Path | None,
    registry: Mapping[str, Rule],
    *,
    cwd: Path | None = None,
) -> Config:
    """Read `path` (or only the default preset when None), resolve presets, validate."""
    if path is None:
        return _from_raw({}, registry, path=None, label="defaults", base=cwd or Path.cwd())
    return _from_raw(
        _read_toml(path, str(path)), registry, path=path, label=str(path), base=path.resolve().parent
    )


def load_preset(name: str, registry: Mapping[str, Rule]) -> Config:
    """The configuration one shipped preset gives on its own."""
    return _from_raw({"extends": [name]}, registry, path=None, label=f"preset {name}", base=Path.cwd())


def _from_raw(
    raw: Mapping[str, Any],
    registry: Mapping[str, Rule],
    *,
    path: Path | None,
    label: str,
    base: Path,
) -> Config:
    unknown = sorted(set(raw) - _TOP_LEVEL)
    if unknown:
        raise ConfigError(label, f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_TOP_LEVEL))})")

    extends = _string_list(raw.get("extends", [DEFAULT_PRESET]), label, "extends")
    merged: dict[str, dict[str, Any]] = {}
    sources: list[str] = []
    for name in extends:
        _apply_preset(name, merged, registry, sources, label, seen=())
    _apply_rules(raw.get("rules", {}), merged, registry, label)
    if path is not None:
        sources.append(label)

    ignores = raw.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise ConfigError(label, "'per-file-ignores' must be a table of glob = [rule ids]")
    per_file: list[tuple[str, frozenset[str]]] = []
    for pattern, rule_ids in ignores.items():
        _glob(pattern, label, "per-file-ignores")
        ids = _string_list(rule_ids, label, f"per-file-ignores.{pattern!r}")
        for rule_id in ids:
            _known_rule(rule_id, registry, label, f"per-file-ignores.{pattern!r}")
        per_file.append((pattern, frozenset(ids)))

    max_size = raw.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ConfigError(label, "'max-file-size' must be a positive integer (bytes)")
    html_dir = raw.get("html-dir")
    if html_dir is not None and not isinstance(html_dir, str):
        raise ConfigError(label, "'html-dir' must be a string")

    return Config(
        path=path,
        base=base,
        rules=_build_settings(merged, registry),
        include=tuple(_glob(p, label, "include") for p in _string_list(raw.get("include", []), label, "include")),
        exclude=tuple(_glob(p, label, "exclude") for p in _string_list(raw.get("exclude", []), label, "exclude")),
        per_file_ignores=tuple(per_file),
        html_dir=html_dir,
        max_file_size=max_size,
        extends=tuple(extends),
        sources=tuple(sources),
    )


def _apply_preset(
    name: str,
    merged: dict[str, dict[str, Any]],
    registry: Mapping[str, Rule],
    sources: list[str],
    label: str,
    seen: tuple[str, ...],
) -> None:
    if name in seen:
        raise ConfigError(label, f"presets extend each other in a loop: {' -> '.join([*seen, name])}")
    data = _read_preset(name, label)
    preset_label = f"preset {name}"
    for parent in _string_list(data.get("extends", []), preset_label, "extends"):
        _apply_preset(parent, merged, registry, sources, label, (*seen, name))
    _apply_rules(data.get("rules", {}), merged, registry, preset_label)
    sources.append(preset_label)


def _apply_rules(
    rules: Any, merged: dict[str, dict[str, Any]], registry: Mapping[str, Rule], label: str
) -> None:
    """Merge one file's [rules] table into `merged`: rule id -> {"severity", option: value}."""
    if not isinstance(rules, dict):
        raise ConfigError(label, "'rules' must be a table")
    for rule_id, value in rules.items():
        rule = _known_rule(rule_id, registry, label, "rules")
        entry = merged.setdefault(rule_id, {})
        where = f"rules.{rule_id}"
        if isinstance(value, bool):
            entry["severity"] = str(rule.default) if value else "off"
        elif isinstance(value, str):
            entry["severity"] = _severity(value, label, where)
        elif isinstance(value, dict):
            entry.setdefault("severity", str(rule.default))
            for key, option in value.items():
                if key == "severity":
                    entry["severity"] = _severity(option, label, f"{where}.severity")
                else:
                    _check_option(rule, key, option, label)
                    entry[key] = option
        else:
            raise ConfigError(
                label,
                f"{where}: expected true, false, \"error\", \"warning\" or a table of options, "
                f"got {_describe(value)}",
            )


def _severity(value: Any, label: str, where: str) -> str:
    if value in ("error", "warning", "off"):
        return value
    raise ConfigError(label, f"{where}: severity must be \"error\", \"warning\" or \"off\", got {_describe(value)}")


def _known_rule(rule_id: Any, registry: Mapping[str, Rule], label: str, where: str) -> Rule:
    if rule_id in registry:
        return registry[rule_id]
    close = _suggest(str(rule_id), registry)
    hint = f" (did you mean {close!r}?)" if close else " (see `mdcheck rules`)"
    raise ConfigError(label, f"{where}: unknown rule {rule_id!r}{hint}")


def _suggest(name: str, registry: Mapping[str, Rule]) -> str | None:
    matches = difflib.get_close_matches(name, list(registry), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _check_option(rule: Rule, key: str, value: Any, label: str) -> None:
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(rule.options)}
    where = f"rules.{rule.id}.{key}"
    if key not in fields:
        known = ", ".join(sorted(fields)) or "none"
        raise ConfigError(label, f"{where}: unknown option for rule {rule.id!r} (options: {known})")
    expected = typing.get_type_hints(rule.options)[fields[key].name]
    if not _matches_type(value, expected):
        raise ConfigError(
            label, f"{where}: expected {_type_name(expected)}, got {_describe(value)}"
        )


def _matches_type(value: Any, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    args = typing.get_args(expected)
    if expected is Any:
        return True
    if origin is typing.Literal:
        return value in args
    if origin in (typing.Union, types.UnionType):
        return any(_matches_type(value, arg) for arg in args)
    if expected is type(None):
        return value is None
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is str:
        return isinstance(value, str)
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            return False
        item = args[0] if args else Any
        return all(_matches_type(v, item) for v in value)
    if origin in (dict, Mapping) or expected is dict:
        if not isinstance(value, dict):
            return False
        key_type, value_type = args if args else (Any, Any)
        return all(
            _matches_type(k, key_type) and _matches_type(v, value_type) for k, v in value.items()
        )
    return isinstance(value, expected) if isinstance(expected, type) else True


def _type_name(expected: Any) -> str:
    origin = typing.get_origin(expected)
    args = typing.get_args(expected)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args)
    if origin is tuple:
        return f"a list of {_type_name(args[0]) if args else 'values'}"
    if origin in (dict, Mapping):
        return "a table"
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    return names.get(expected, getattr(expected, "__name__", str(expected)))


def _describe(value: Any) -> str:
    kind = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "table"}
    return f"{kind.get(type(value), type(value).__name__)} {value!r}"


def _glob(pattern: str, label: str, where: str) -> str:
    """`pattern`, when it is a glob (`[z-a]` is none): else a ConfigError naming it."""
    try:
        Glob(pattern)
    except ValueError as exc:
        raise ConfigError(label, f"{where}: {exc}") from None
    return pattern


def _string_list(value: Any, label: str, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(label, f"{where}: expected a string or a list of strings, got {_describe(value)}")


def _build_settings(
    merged: Mapping[str, Mapping[str, Any]], registry: Mapping[str, Rule]
) -> dict[str, RuleSetting]:
    settings = {}
    for rule_id, entry in merged.items():
        severity = entry.get("severity", "off")
        if severity == "off":
            continue
        rule = registry[rule_id]
        options = {
            key.replace("-", "_"): _coerce(value)
            for key, value in entry.items()
            if key != "severity"
        }
        settings[rule_id] = RuleSetting(Severity(severity), rule.options(**options))
    return dict(sorted(settings.items()))


def _coerce(value: Any) -> Any:
    """TOML lists become tuples so options stay hashable and immutable."""
    if isinstance(value, list):
        return tuple(_coerce(v) for v in value)
    return value


def effective_config_toml(config: Config) -> str:
    """The merged configuration, printed as TOML by `mdcheck config`."""
    lines = [f"# sources: {', '.join(config.sources) or 'defaults'}"]
    lines.append(f"extends = {_toml(list(config.extends))}")
    for key, value in (("include", config.include), ("exclude", config.exclude)):
        lines.append(f"{key} = {_toml(list(value))}")
    if config.html_dir is not None:
        lines.append(f"html-dir = {_toml(config.html_dir)}")
    lines.append(f"max-file-size = {config.max_file_size}")
    lines.append("")
    lines.append("[rules]")
    for rule_id, setting in config.rules.items():
        items = [f"severity = {_toml(str(setting.severity))}"]
        for option in dataclasses.fields(setting.options):
            value = getattr(setting.options, option.name)
            items.append(f"{option.name.replace('_', '-')} = {_toml(value)}")
        lines.append(f"{rule_id} = {{ {', '.join(items)} }}")
    if config.per_file_ignores:
        lines.append("")
        lines.append("[per-file-ignores]")
        for pattern, rules in config.per_file_ignores:
            lines.append(f"{_toml(pattern)} = {_toml(sorted(rules))}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    return _toml(str(value))

"""## What it does
Checks front matter against rules you set per section of the site. Each entry of
`sections` applies to the files its `path` globs match (relative to the working directory,
`**` crosses folders) and may set:

- `required`: keys every page must set (case-insensitive, as Hugo reads keys);
- `types`: a type per key: `string`, `integer`, `number`, `boolean`, `list`, `table` or
  `date` (a value Hugo parses as a date);
- `allowed`: the values a key may take (for a list, each item);
- `pattern`: a regular expression a string value (for a list, each item) must contain a
  match for; anchor it with `^…$` to match the whole value.

```toml
[rules.front-matter-schema]
sections = [
  { path = "content/posts/**", required = ["title", "date", "tags"],
    types = { tags = "list", weight = "integer" },
    allowed = { tags = ["hugo", "go"] }, pattern = { slug = "^[a-z0-9-]+$" } },
]
```

Without `sections` the rule does nothing. Every entry that matches a file applies.

## Why is this bad?
Themes and list pages rely on front matter conventions Hugo itself does not enforce: a post
without `tags` is missing from every tag page, a misspelled tag creates a new term page,
an upper-case slug breaks a URL scheme.

## Example
```markdown
+++
title = "Notes"
tags = "hugo"
+++

Some notes.
```

## Use instead
```markdown
+++
title = "Notes"
tags = ["hugo"]
+++

Some notes.
```

With this configuration (the examples run with it):

```toml
[options]
sections = [{ path = "**", types = { tags = "list" } }]
```
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from validator.config import ConfigError
from validator.document import Document
from validator.frontmatter import DateError, FrontMatter, hugo_date
from validator.model import Finding, Rule
from validator.paths import GlobSet

TYPES = ("string", "integer", "number", "boolean", "list", "table", "date")
SECTION_KEYS = ("path", "required", "types", "allowed", "pattern")
_EXAMPLE_SECTIONS = ({"path": "**", "types": {"tags": "list"}},)


@dataclass(frozen=True)
class Options:
    sections: tuple[dict[str, Any], ...] = field(
        default=(),
        metadata={
            "doc": "Tables with `path` (a glob or list of globs) and any of `required` (keys), "
            "`types` (key = type), `allowed` (key = list of values), `pattern` (key = regex)."
        },
    )

    def __post_init__(self) -> None:
        for index, section in enumerate(self.sections):
            problem = _section_problem(section)
            if problem:
                raise ConfigError("rules.front-matter-schema", f"sections[{index}]: {problem}")


def _section_problem(section: Mapping[str, Any]) -> str | None:
    unknown = sorted(set(section) - set(SECTION_KEYS))
    if unknown:
        return f"unknown key {unknown[0]!r} (keys: {', '.join(SECTION_KEYS)})"
    if not _strings(_as_list(section.get("path"))) or not section.get("path"):
        return "'path' must be a glob or a list of globs"
    try:
        GlobSet(_as_list(section["path"]))
    except ValueError as exc:
        return f"path: {exc}"
    if not _strings(section.get("required", [])):
        return "'required' must be a list of keys"
    for name in ("types", "allowed", "pattern"):
        if not isinstance(section.get(name, {}), dict):
            return f"{name!r} must be a table"
    for key, kind in section.get("types", {}).items():
        if kind not in TYPES:
            return f"types.{key}: {kind!r} is not one of {', '.join(TYPES)}"
    for key, values in section.get("allowed", {}).items():
        if not isinstance(values, list):
            return f"allowed.{key} must be a list of values"
    for key, pattern in section.get("pattern", {}).items():
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            return f"pattern.{key}: not a regular expression ({exc})"
    return None


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _strings(values: Any) -> bool:
    return isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values)


def check(doc: Document, opts: Options) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if front_matter.error is not None:
        return  # front-matter-syntax reports it
    for section in opts.sections:
        if GlobSet(_as_list(section["path"])).match(doc.path):
            yield from _check_section(front_matter, section)


def _check_section(front_matter: FrontMatter, section: Mapping[str, Any]) -> Iterator[Finding]:
    missing = object()
    for key in section.get("required", []):
        if front_matter.get(key, missing) is missing:
            yield Finding(front_matter.line or 1, 1, f"front matter has no {key!r}, required here")
    for key, kind in section.get("types", {}).items():
        value = front_matter.hugo_value(key)
        if value is not None and not _has_type(value, kind, front_matter.format):
            yield _finding(front_matter, key, f"is a {_kind(value)}; it must be of type {kind} here")
    for key, allowed in section.get("allowed", {}).items():
        for item in _items(front_matter.hugo_value(key)):
            if item not in allowed:
                choices = ", ".join(repr(v) for v in allowed)
                yield _finding(front_matter, key, f"has {item!r}, not one of the allowed values ({choices})")
    for key, pattern in section.get("pattern", {}).items():
        for item in _items(front_matter.hugo_value(key)):
            if isinstance(item, str) and not re.search(pattern, item):
                yield _finding(front_matter, key, f"has {item!r}, which does not match {pattern!r}")


def _finding(front_matter: FrontMatter, key: str, problem: str) -> Finding:
    line, column = front_matter.position(key)
    return Finding(line, column, f"front matter {key!r} {problem}")


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _has_type(value: Any, kind: str, fmt: str | None) -> bool:
    if kind == "date":
        try:
            return hugo_date(value, fmt) is not None
        except DateError:
            return False
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "table": lambda v: isinstance(v, dict),
    }
    return checks[kind](value)


def _kind(value: Any) -> str:
    if isinstance(value, (dt.date, dt.time)):
        return "date"
    kinds = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "table"}
    return kinds.get(type(value), type(value).__name__)


RULE = Rule(
    id="front-matter-schema",
    summary="Front matter breaks the site's own per-section rules",
    stage="source",
    options=Options,
    check=check,
    doc=__doc__,
)

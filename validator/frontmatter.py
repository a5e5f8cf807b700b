"""Hugo front matter: find it the way Hugo's page lexer does, parse it, locate errors."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

FORMATS = {"+++": "toml", "---": "yaml", "{": "json"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter block. `data` is None when there is none or it does not parse.

    Lines are 1-based file lines: `line` is the opening delimiter, `end_line` the closing one.
    """

    format: str | None = None
    data: Mapping[str, Any] | None = None
    line: int = 0
    end_line: int = 0
    error: FrontMatterError | None = None

    def get(self, key: str, default: Any = None) -> Any:
        """A top-level value by Hugo's case-insensitive key."""
        if not self.data:
            return default
        if key in self.data:
            return self.data[key]
        lowered = key.lower()
        for name, value in self.data.items():
            if isinstance(name, str) and name.lower() == lowered:
                return value
        return default


@dataclass(frozen=True, slots=True)
class FrontMatterError:
    line: int
    column: int
    message: str


def split_front_matter(text: str) -> tuple[FrontMatter, int]:
    """Parse the front matter at the start of `text` (LF line endings, no BOM).

    Returns the front matter and the offset where the Markdown body starts.
    """
    stripped = text.lstrip()
    skipped = len(text) - len(stripped)
    first_line = text.count("\n", 0, skipped) + 1
    if stripped.startswith("{"):
        return _json_front_matter(text, skipped, first_line)
    for delimiter in ("+++", "---"):
        if stripped.startswith(delimiter) and stripped[3:4] in ("\n", "", " ", "\t"):
            return _delimited_front_matter(text, skipped, first_line, delimiter)
    return FrontMatter(), 0


def _delimited_front_matter(
    text: str, start: int, first_line: int, delimiter: str
) -> tuple[FrontMatter, int]:
    fmt = FORMATS[delimiter]
    open_end = text.find("\n", start)
    if open_end < 0:
        error = FrontMatterError(first_line, 1, f"{fmt.upper()} front matter is not closed")
        return FrontMatter(fmt, None, first_line, first_line, error), len(text)
    closing = re.compile(rf"^{re.escape(delimiter)}[ \t]*$", re.M).search(text, open_end + 1)
    if closing is None:
        message = f"{fmt.upper()} front matter opened here is never closed with '{delimiter}'"
        error = FrontMatterError(first_line, 1, message)
        last = text.count("\n") + 1
        return FrontMatter(fmt, None, first_line, last, error), len(text)
    source = text[open_end + 1 : closing.start()]
    end_line = text.count("\n", 0, closing.start()) + 1
    body_start = text.find("\n", closing.end())
    body_start = len(text) if body_start < 0 else body_start + 1
    data, error = _parse(fmt, source, first_line + 1, first_line)
    return FrontMatter(fmt, data, first_line, end_line, error), body_start


def _json_front_matter(text: str, start: int, first_line: int) -> tuple[FrontMatter, int]:
    end = _matching_brace(text, start)
    if end is None:
        message = "JSON front matter: '{' is never closed"
        if text.startswith("{{", start):
            message += "; Hugo reads a file that starts with '{' as JSON front matter: add front matter before the shortcode"
        error = FrontMatterError(first_line, 1, message)
        return FrontMatter("json", None, first_line, text.count("\n") + 1, error), len(text)
    end_line = text.count("\n", 0, end) + 1
    data, error = _parse("json", text[start : end + 1], first_line, first_line)
    if error is not None and text.startswith("{{", start):
        hint = "; Hugo reads a file that starts with '{' as JSON front matter: add front matter before the shortcode"
        error = FrontMatterError(error.line, error.column, error.message + hint)
    body_start = text.find("\n", end)
    body_start = len(text) if body_start < 0 else body_start + 1
    return FrontMatter("json", data, first_line, end_line, error), body_start


def _matching_brace(text: str, start: int) -> int | None:
    """Offset of the `}` closing the `{` at `start`, skipping JSON strings."""
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
    return None


def _parse(
    fmt: str, source: str, first_line: int, block_line: int
) -> tuple[Mapping[str, Any] | None, FrontMatterError | None]:
    """Parse front matter source whose first line is file line `first_line`; problems with
    the block as a whole are reported at `block_line` (its opening delimiter)."""
    try:
        if fmt == "toml":
            data: Any = tomllib.loads(source)
        elif fmt == "yaml":
            data = yaml.safe_load(source)
            if data is None:
                data = {}
        else:
            data = json.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = _toml_position(str(exc), source)
        return None, FrontMatterError(first_line + line - 1, column, f"invalid TOML: {message}")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        message = getattr(exc, "problem", None) or str(exc)
        return None, FrontMatterError(first_line + line - 1, column, f"invalid YAML: {message}")
    except json.JSONDecodeError as exc:
        line = first_line + exc.lineno - 1
        return None, FrontMatterError(line, exc.colno, f"invalid JSON: {exc.msg}")
    except (ValueError, RecursionError) as exc:
        return None, FrontMatterError(block_line, 1, f"invalid {fmt.upper()}: {exc}")
    if not isinstance(data, dict):
        kind = {list: "list", str: "string"}.get(type(data), type(data).__name__)
        return None, FrontMatterError(block_line, 1, f"front matter is a {kind}, not a table of keys")
    return data, None


def _toml_position(message: str, source: str) -> tuple[int, int, str]:
    """(line, column, message) from tomllib's error text, relative to `source`."""
    match = _TOML_POSITION.search(message)
    if match:
        return int(match[1]), int(match[2]), message[: match.start()].strip()
    if "(at end of document)" in message:
        lines = source.rstrip("\n").split("\n")
        return len(lines), len(lines[-1]) + 1, message.replace("(at end of document)", "").strip()
    return 1, 1, message

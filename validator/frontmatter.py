"""Hugo front matter: find it the way Hugo's page lexer does, parse it, locate errors and
top-level keys, and read values the way Hugo does (YAML 1.2 scalars, Go date layouts)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from validator.model import data_error

FORMATS = {"+++": "toml", "---": "yaml", "{": "json"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# YAML 1.2 booleans (Hugo's YAML parser); PyYAML also reads yes/no/on/off/y/n as booleans.
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
    # (line, column) of each top-level key, by lower-cased key (the first one when repeated).
    key_positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    # YAML only: the source text of each top-level plain (unquoted) scalar, by lower-cased key.
    plain_scalars: Mapping[str, str] = field(default_factory=dict)
    # Text after the closing delimiter on its line (`-------` of `----------`): Hugo closes
    # the front matter at the delimiter, the rest is the body's first Markdown.
    closing_rest: str = ""

    def position(self, key: str) -> tuple[int, int]:
        """Where top-level `key` is set (case-insensitive); the opening delimiter if unknown."""
        return self.key_positions.get(key.lower(), (self.line, 1))

    def line_of(self, key: str) -> int:
        return self.position(key)[0]

    def hugo_value(self, key: str, default: Any = None) -> Any:
        """A top-level value as Hugo's YAML parser types it: PyYAML reads timestamps such as
        `2023-1-5` as dates, to Hugo they are strings (see `HugoYamlLoader` for the rest).
        Same as `get` for TOML and JSON."""
        value = self.get(key, default)
        if self.format == "yaml" and isinstance(value, dt.date):
            source = self.plain_scalars.get(key.lower())
            if source is not None:
                return source
        return value

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
    if stripped.startswith("#+"):
        return _org_front_matter(text, skipped, first_line)
    if stripped[:1] in ("+", "-"):
        # Hugo's lexer takes a first `+` or `-` for front matter's delimiter (a list item
        # too) and the rest of that line for the front matter's first line.
        delimiter = stripped[0] * 3
        if stripped.startswith(delimiter):
            return _delimited_front_matter(text, skipped, first_line, delimiter)
        fmt = FORMATS[delimiter].upper()
        message = (
            f"Hugo reads a page that starts with '{stripped[0]}' as {fmt} front matter and stops the "
            f"build (invalid {fmt} delimiter): start the page with front matter ('{delimiter}' on a "
            "line of its own), or with other text"
        )
        error = FrontMatterError(first_line, 1, message)
        return FrontMatter(FORMATS[delimiter], None, first_line, first_line, error), 0
    return FrontMatter(), 0


def _delimited_front_matter(
    text: str, start: int, first_line: int, delimiter: str
) -> tuple[FrontMatter, int]:
    fmt = FORMATS[delimiter]
    open_end = text.find("\n", start)
    if open_end < 0:
        error = FrontMatterError(first_line, 1, f"{fmt.upper()} front matter is not closed")
        return FrontMatter(fmt, None, first_line, first_line, error), len(text)
    # Hugo closes the front matter at the first line that starts with the delimiter
    closing = re.compile(rf"^{re.escape(delimiter)}", re.M).search(text, open_end + 1)
    if closing is None:
        message = f"{fmt.upper()} front matter opened here is never closed with '{delimiter}'"
        error = FrontMatterError(first_line, 1, message)
        last = text.count("\n") + 1
        return FrontMatter(fmt, None, first_line, last, error), len(text)
    source = text[start + 3 : closing.start()]  # from the opening line's rest, often empty
    end_line = text.count("\n", 0, closing.start()) + 1
    line_end = text.find("\n", closing.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[closing.end() : line_end]
    body_start = closing.end() if rest.strip() else min(line_end + 1, len(text))
    column = start - text.rfind("\n", 0, start) + 3
    parsed = _parse(fmt, source, first_line, first_line, column)
    error = parsed.error
    opening_rest = text[start + 3 : open_end].strip()
    if error is not None and opening_rest:
        hint = (
            f"; Hugo reads what follows '{delimiter}' on the opening line ('{opening_rest[:20]}') as the front "
            f"matter's first line: put '{delimiter}' on a line of its own"
        )
        error = replace(error, message=error.message + hint)
    return (
        FrontMatter(fmt, parsed.data, first_line, end_line, error, parsed.keys, parsed.scalars, rest.strip()),
        body_start,
    )


def _json_front_matter(text: str, start: int, first_line: int) -> tuple[FrontMatter, int]:
    end = _matching_brace(text, start)
    if end is None:
        message = "JSON front matter: '{' is never closed"
        if text.startswith("{{", start):
            message += "; Hugo reads a file that starts with '{' as JSON front matter: add front matter before the shortcode"
        error = FrontMatterError(first_line, 1, message)
        return FrontMatter("json", None, first_line, text.count("\n") + 1, error), len(text)
    end_line = text.count("\n", 0, end) + 1
    first_column = start - text.rfind("\n", 0, start)
    parsed = _parse("json", text[start : end + 1], first_line, first_line, first_column)
    error = parsed.error
    if error is not None and text.startswith("{{", start):
        hint = "; Hugo reads a file that starts with '{' as JSON front matter: add front matter before the shortcode"
        error = FrontMatterError(error.line, error.column, error.message + hint)
    body_start = text.find("\n", end)
    body_start = len(text) if body_start < 0 else body_start + 1
    return FrontMatter("json", parsed.data, first_line, end_line, error, parsed.keys), body_start


# A lone carriage return in TOML (front matter or a site config), as Hugo 0.168 reports it
TOML_LONE_RETURN = (
    "this line ends with a lone carriage return (\\r): TOML takes only LF or CRLF line endings, and Hugo stops "
    "the build (toml: expected newline but got U+000D); save the file with LF or CRLF line endings"
)
# An Org mode keyword line, `#+TITLE: A post` (`#+TAGS[]: a b` for a list)
_ORG_KEYWORD = re.compile(r"#\+([^:\s]++):(?:[ \t]+(.*))?")
# Org keywords whose value Hugo splits at blanks, as it does `KEY[]`'s
_ORG_LISTS = frozenset({"tags", "categories", "aliases"})


def _org_front_matter(text: str, start: int, first_line: int) -> tuple[FrontMatter, int]:
    """Org mode keywords, which Hugo reads as front matter at the start of any content file
    (a Markdown one too): the lines from `start` that start with `#+`. Keys are lower-cased;
    the value of `KEY[]`, `tags`, `categories` and `aliases` is split at blanks,
    `filetags` (`:a:b:`) gives `tags`, and a key set on several lines is a list (checked
    with Hugo 0.168)."""
    values: dict[str, list[str]] = {}
    keys: dict[str, tuple[int, int]] = {}
    offset, line = start, first_line
    column = start - text.rfind("\n", 0, start)
    while text.startswith("#+", offset):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if match := _ORG_KEYWORD.fullmatch(text, offset, end):
            key = match[1].lower()
            values.setdefault(key, []).append((match[2] or "").rstrip(" \t"))
            keys.setdefault(key.removesuffix("[]"), (line, column + 2))
        offset, line, column = end + 1, line + 1, 1
    data: dict[str, Any] = {}
    for key, found in values.items():
        if key.endswith("[]"):
            data[key[:-2]] = " ".join(found).split()
        elif len(found) > 1:
            data[key] = found
        elif key == "filetags":
            data["tags"] = found[0].strip(":").split(":")
        else:
            data[key] = found[0].split() if key in _ORG_LISTS else found[0]
    return FrontMatter("org", data, first_line, line - 1, key_positions=keys), min(offset, len(text))


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


@dataclass(frozen=True, slots=True)
class _Parsed:
    data: Mapping[str, Any] | None = None
    error: FrontMatterError | None = None
    keys: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    scalars: Mapping[str, str] = field(default_factory=dict)


def _parse(fmt: str, source: str, first_line: int, block_line: int, first_column: int = 1) -> _Parsed:
    """Parse front matter source whose first line is file line `first_line` (starting at
    `first_column`); problems with the block as a whole are reported at `block_line`."""
    node: yaml.Node | None = None
    try:
        if fmt == "toml":
            data: Any = tomllib.loads(source)
        elif fmt == "yaml":
            data, node = load_yaml(source)
            data = {} if data is None else data
        else:
            data = json.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line, column, message = _leading_zero(*_toml_position(str(exc), source), source)
        return _Parsed(error=FrontMatterError(first_line + line - 1, column, f"invalid TOML: {message}"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        message = getattr(exc, "problem", None) or str(exc)
        if str(message).startswith(_TOO_DEEP):
            message = f"YAML {message}: more than mdcheck reads (Hugo may read it); its values are not checked"
            return _Parsed(error=FrontMatterError(first_line + line - 1, column, message))
        return _Parsed(error=FrontMatterError(first_line + line - 1, column, f"invalid YAML: {message}"))
    except json.JSONDecodeError as exc:
        line = first_line + exc.lineno - 1
        return _Parsed(error=FrontMatterError(line, exc.colno, f"invalid JSON: {exc.msg}"))
    except RecursionError:
        message = f"{fmt.upper()} nested too deeply for mdcheck to read (Hugo may read it): its values are not checked"
        return _Parsed(error=FrontMatterError(block_line, 1, message))
    except ValueError as exc:
        return _Parsed(error=FrontMatterError(block_line, 1, f"invalid {fmt.upper()}: {data_error(exc)}"))
    if fmt == "yaml" and node is not None and _check_expansion(node) > (limit := _collection_limit(source))[0]:
        message = (
            f"it holds more lists and tables (aliases repeated) than the {limit[0]:,} Hugo allows front matter "
            f"{limit[1]}: Hugo may refuse the page (too many YAML aliases for non-scalar nodes), "
            "which fails the build; keep such data in a data file in JSON or TOML"
        )
        return _Parsed(error=FrontMatterError(block_line, 1, message))
    if fmt == "yaml" and isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null" and node.value:
        # `~` alone: no empty front matter, but a null, which Hugo 0.168 refuses
        message = f"front matter is null ({node.value!r}), not a table of keys: Hugo stops the build"
        at = node.start_mark
        return _Parsed(error=FrontMatterError(first_line + at.line, at.column + 1, message))
    if not isinstance(data, dict):
        kind = {list: "list", str: "string"}.get(type(data), type(data).__name__)
        return _Parsed(error=FrontMatterError(block_line, 1, f"front matter is a {kind}, not a table of keys"))
    if fmt == "toml" and (huge := _too_large(data)) is not None:
        line = next((n for n, text in enumerate(source.split("\n"), first_line) if str(huge) in text.replace("_", "")), block_line)
        message = f"invalid TOML: {huge} does not fit in a 64-bit integer, which Hugo's TOML parser stops the build on"
        return _Parsed(error=FrontMatterError(line, 1, message))
    pairs = _yaml_pairs(node) if fmt == "yaml" else ()
    scan = _yaml_keys(pairs) if fmt == "yaml" else _toml_keys(source) if fmt == "toml" else _json_keys(source)
    keys: dict[str, tuple[int, int]] = {}
    for name, line, column in scan:
        position = (first_line + line, column + (first_column - 1 if line == 0 else 0))
        keys.setdefault(name.lower(), position)
    scalars: dict[str, str] = {}
    for key, value in pairs:
        if isinstance(value, yaml.ScalarNode) and not value.style:  # plain: None, or "" from libyaml
            scalars.setdefault(key.value.lower(), value.value)
    return _Parsed(data, None, keys, scalars)


_INT64 = range(-(2**63), 2**63)


def _too_large(data: object) -> int | None:
    """An integer of a parsed TOML document that a 64-bit one cannot hold, if any."""
    return next(
        (value for value in nested_values(data)
         if isinstance(value, int) and not isinstance(value, bool) and value not in _INT64),
        None,
    )  # fmt: skip


def nested_values(value: object) -> Iterator[object]:
    """The values in a front matter value that are no list or table, in its lists' and
    tables' too, however deep (`links: [{name: Source}]`). Front matter holds no value that
    holds itself: its YAML refuses one (see `_check_expansion`)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        else:
            yield item


def nested_strings(value: object) -> Iterator[str]:
    """The strings among `nested_values`."""
    return (item for item in nested_values(value) if isinstance(item, str))


class HugoYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (on libyaml's parser when PyYAML was built with it, as its wheels
    are: ten times the speed) reading plain scalars as Hugo's YAML library does (checked
    with Hugo 0.168): only `true` and `false` (and `True`, `TRUE`…) are booleans, not
    `yes`, `no`, `on`, `off` (`no` is Norway's language code); `1:20` is no base-60 number;
    `0o17` is an octal number. Timestamps stay dates, as PyYAML reads them (see
    `FrontMatter.hugo_value`).

    Text that may nest deeper than `YAML_MAX_DEPTH` is refused before libyaml reads it:
    its parser recurses in C, and some 30,000 levels crash the process."""

    def __init__(self, stream: str) -> None:
        if _nesting_bound(stream) > YAML_MAX_DEPTH:
            raise yaml.YAMLError(f"{_TOO_DEEP} {YAML_MAX_DEPTH:,} levels")
        super().__init__(stream)


    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping, refused when it names a key twice: Hugo's YAML library stops the
        build (`mapping key "aliases" already defined`); a key a merge (`<<`) brings may be
        set again."""
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if key.value in seen:
                        message = f"key {key.value!r} set twice in one mapping (Hugo stops the build)"
                        raise yaml.constructor.ConstructorError(None, None, message, key.start_mark)
                    seen.add(key.value)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date, or the text when it names no day (`2021-02-30`): Hugo's YAML library reads
        it as a string, and the date field then fails (front-matter-date), not the YAML."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_unknown_tag(self, node: yaml.Node) -> Any:
        """A value whose tag no constructor knows (`!foo 12`, `!!python/object/apply:…`):
        Hugo's YAML library drops the tag, a scalar is then a string (checked with Hugo 0.168)."""
        if isinstance(node, yaml.SequenceNode):
            return self.construct_sequence(node, deep=True)
        if isinstance(node, yaml.MappingNode):
            return self.construct_mapping(node, deep=True)
        return self.construct_scalar(node)


HugoYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", HugoYamlLoader.construct_yaml_timestamp)
HugoYamlLoader.add_constructor(None, HugoYamlLoader.construct_unknown_tag)

YAML_MAX_DEPTH = 1_000


def _nesting_bound(text: str) -> int:
    """An upper bound of a YAML text's nesting: its deepest run of unclosed brackets and
    braces (quoted ones counted too), plus its longest indentation (of blanks and of the
    `-`, `?` and `:` indicators, each of which may open a level)."""
    flow = deepest = 0
    for match in _BRACKETS.finditer(text):
        flow = flow + 1 if match[0] in "[{" else max(flow - 1, 0)
        deepest = max(deepest, flow)
    indent = max((len(match[0]) for match in _INDENT.finditer(text)), default=0)
    return deepest + indent


_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^[ \t?:-]+", re.MULTILINE)


def _hugo_yaml_resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    numbers = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    resolvers = {
        first: [(tag, pattern) for tag, pattern in entries if tag not in numbers]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    plain = [
        ("tag:yaml.org,2002:bool", r"(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        (
            "tag:yaml.org,2002:int",
            r"[-+]?(?:0b[0-1_]+|0o?[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$",
            "-+0123456789",
        ),
        (
            "tag:yaml.org,2002:float",
            r"(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            "-+0123456789.",
        ),
    ]
    for tag, pattern, firsts in plain:
        for first in firsts:
            resolvers.setdefault(first, []).insert(0, (tag, re.compile(pattern)))
    return resolvers


HugoYamlLoader.yaml_implicit_resolvers = _hugo_yaml_resolvers()


def load_yaml(source: str) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree, from one parse, as Hugo reads YAML. Raises YAMLError,
    also for aliases that repeat collections into more than `MAX_YAML_VALUES` values (a
    "billion laughs": a few lines that expand to gigabytes)."""
    loader = HugoYamlLoader(source)
    try:
        node = loader.get_single_node()
        if node is not None and "&" in source:  # no alias without an anchor
            _check_expansion(node)
        if node is not None and "\t" in source and '"' in source:
            _check_quoted_tabs(node, source)
        data = None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
    return data, node


_TOO_DEEP = "nested deeper than"  # what the YAML loader says of text nested past YAML_MAX_DEPTH

# Past this many values, aliases repeated, nothing reads the data (a "billion laughs");
# Hugo may refuse far fewer lists and tables (see `_collection_limit`).
MAX_YAML_VALUES = 100_000


def _check_expansion(root: yaml.Node) -> int:
    """Raise YAMLError, at the value that crosses the bound, when the tree holds more than
    `MAX_YAML_VALUES` values with its aliases expanded, or when an alias makes a collection
    hold itself; else how many lists and tables it holds, aliases expanded. An alias is the
    node it names, so the tree is a graph: each node's expanded size is counted once,
    children first."""
    sizes: dict[int, tuple[int, int]] = {}  # each node's (values, lists and tables), expanded
    opened: set[int] = set()  # the collections whose children are being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, counted = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not counted and children:
            if id(node) in opened:  # inside itself: `a: &x [*x]`
                raise yaml.MarkedYAMLError(
                    problem="an alias names the collection it is in (a value that holds itself)",
                    problem_mark=node.start_mark,
                )
            opened.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes[id(child)][0] for child in children)
        collections = int(isinstance(node, (yaml.SequenceNode, yaml.MappingNode)))
        sizes[id(node)] = (size, collections + sum(sizes[id(child)][1] for child in children))
        if size > MAX_YAML_VALUES:
            raise yaml.MarkedYAMLError(
                problem=f"its aliases repeat collections into more than {MAX_YAML_VALUES:,} values "
                "(Hugo refuses such YAML: too many YAML aliases for non-scalar nodes)",
                problem_mark=node.start_mark,
            )
    return sizes[id(root)][1]


# How many lists and tables Hugo 0.168 lets YAML hold, aliases repeated, by its size in KB
# (its `calculateCollectionAliasLimit`): below the first bound that it is under
_COLLECTION_LIMITS = ((2, 100, "under 2 KB"), (10, 5_000, "under 10 KB"), (None, 10_000, "of 10 KB or more"))


def _collection_limit(source: str) -> tuple[int, str]:
    """The limit on the lists and tables of YAML of this size (`_COLLECTION_LIMITS`), and
    its size class. Hugo counts them by the address of a variable, which the Go runtime
    reuses, so a page over the limit fails some builds (others of the site, more of them)
    and not others."""
    size = len(source.encode("utf-8", "surrogateescape")) // 1024
    return next((limit, shown) for bound, limit, shown in _COLLECTION_LIMITS if bound is None or size < bound)


def _check_quoted_tabs(root: yaml.Node, source: str) -> None:
    """Raise YAMLError at a double-quoted value Hugo's YAML library (goccy/go-yaml, hugo
    0.168) fails on: a tab inside it, not right before its closing quote, and the value
    followed at once by a line of more YAML (not blank, not a comment) or by `,`, `]` or `}`
    ("value is not allowed in this context"). A trailing blank or comment after it, or the
    value ending the YAML, and it reads it well."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(_children(node))
        if not isinstance(node, yaml.ScalarNode) or node.style != '"':
            continue
        written = source[node.start_mark.index : node.end_mark.index]
        if "\t" not in written[:-2]:
            continue  # none, or right before the closing quote
        after = source[node.end_mark.index : node.end_mark.index + 1]
        if after == "\n":
            following = source[node.end_mark.index + 1 :].split("\n", 1)[0].strip()
            if not following or following.startswith("#"):
                continue
        elif after not in (",", "]", "}"):
            continue
        tab = written.index("\t")  # where the finding points: the (first) tab
        start = node.start_mark
        line_start = written.rfind("\n", 0, tab) + 1
        column = tab - line_start if line_start else start.column + tab
        at = yaml.Mark(start.name, start.index + tab, start.line + written.count("\n", 0, tab), column, None, None)
        raise yaml.MarkedYAMLError(
            problem="a tab inside a double-quoted value, with more YAML right after it: Hugo's YAML library "
            "fails on it (value is not allowed in this context); write the tab as \\t",
            problem_mark=at,
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _yaml_pairs(node: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The top-level (key, value) nodes whose key is a string."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)]


def _yaml_keys(pairs: list[tuple[yaml.ScalarNode, yaml.Node]]) -> Iterator[tuple[str, int, int]]:
    """(key, 0-based line, 1-based column) of each top-level key."""
    for key, _ in pairs:
        yield key.value, key.start_mark.line, key.start_mark.column + 1


_TOML_KEY = re.compile(r"""[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))[ \t]*[.=]""")
_TOML_HEADER = re.compile(r"""[ \t]*\[\[?[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))""")


def _toml_keys(source: str) -> Iterator[tuple[str, int, int]]:
    """Top-level keys of valid TOML: `key =` and dotted `key.sub =` before the first table
    header, and the first part of each header (`[params]`, `[[cascade]]`). Lines inside
    multi-line strings and arrays are skipped."""
    in_table = False
    depth, quote = 0, ""
    for number, line in enumerate(source.split("\n")):
        if not quote and depth == 0:
            header = _TOML_HEADER.match(line)
            if header:
                in_table = True
                yield _toml_name(header), number, len(line) - len(line.lstrip(" \t")) + 1
            elif not in_table and (match := _TOML_KEY.match(line)):
                yield _toml_name(match), number, len(line) - len(line.lstrip(" \t")) + 1
        depth, quote = _toml_line_state(line, depth, quote)


def _toml_name(match: re.Match[str]) -> str:
    basic, literal, bare = match.groups()
    if basic is not None:
        return json.loads(f'"{basic}"') if "\\" in basic else basic
    return literal if literal is not None else bare


def _toml_line_state(line: str, depth: int, quote: str) -> tuple[int, str]:
    """Bracket depth and open multi-line string (\"\"\" or \'\'\') after `line`."""
    index = 0
    while index < len(line):
        if quote:
            end = line.find(quote, index)
            if end < 0:
                return depth, quote
            index, quote = end + 3, ""
            continue
        char = line[index]
        if line.startswith(('"""', "'''"), index):
            quote, index = line[index : index + 3], index + 3
        elif char in "\"'":
            index = _string_end(line, index)
        elif char == "#":
            break
        else:
            depth += (char in "[{") - (char in "]}")
            index += 1
    return depth, quote


def _string_end(line: str, start: int) -> int:
    """Offset after the one-line string that opens at `start`."""
    quote, index = line[start], start + 1
    while index < len(line) and line[index] != quote:
        index += 2 if quote == '"' and line[index] == "\\" else 1
    return index + 1


def _json_keys(source: str) -> Iterator[tuple[str, int, int]]:
    """Keys of the outermost object of valid JSON: strings at depth 1 followed by `:`."""
    depth, index, line, line_start = 0, 0, 0, 0
    while index < len(source):
        char = source[index]
        if char == "\n":
            line, line_start = line + 1, index + 1
        elif char == '"':
            end = _string_end(source, index)
            if depth == 1 and source[end:].lstrip().startswith(":"):
                yield json.loads(source[index:end]), line, index - line_start + 1
            index = end
            continue
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        index += 1


def _leading_zero(line: int, column: int, message: str, source: str) -> tuple[int, int, str]:
    """tomllib's error at an integer written with a leading zero (`day = 07`, which it reads
    as `0` and then something unexpected) told as Hugo tells it, at the number."""
    lines = source.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    for number in _LEADING_ZERO.finditer(text):
        if number.start() < column <= number.end() + 1:
            written = number[0]
            return line, number.start() + 1, (
                f"integers cannot have leading zeroes ({written}): write {written.lstrip('+-0_') or '0'}, "
                "or quote it to keep it text (Hugo stops the build)"
            )
    return line, column, message


_LEADING_ZERO = re.compile(r"(?<![\w.:+-])[+-]?0[0-9_]*[0-9](?![\w.:-])")


def _toml_position(message: str, source: str) -> tuple[int, int, str]:
    """(line, column, message) from tomllib's error text, relative to `source`."""
    match = _TOML_POSITION.search(message)
    if match:
        return int(match[1]), int(match[2]), message[: match.start()].strip()
    if "(at end of document)" in message:
        lines = source.rstrip("\n").split("\n")
        return len(lines), len(lines[-1]) + 1, message.replace("(at end of document)", "").strip()
    return 1, 1, message


# --- dates, as Hugo reads them (spf13/cast v1.10 through Go's time.Parse) -------------------

# Front matter keys Hugo reads as dates (its default `frontmatter` config).
DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified", "expirydate", "unpublishdate")
# cast's string layouts, in the order it tries them.
DATE_LAYOUTS = (
    "2006-01-02",
    "2006-01-02T15:04:05Z07:00",  # RFC3339
    "2006-01-02T15:04:05",
    "Mon, 02 Jan 2006 15:04:05 -0700",  # RFC1123Z
    "Mon, 02 Jan 2006 15:04:05 MST",  # RFC1123
    "02 Jan 06 15:04 -0700",  # RFC822Z
    "02 Jan 06 15:04 MST",  # RFC822
    "Monday, 02-Jan-06 15:04:05 MST",  # RFC850
    "2006-01-02 15:04:05.999999999 -0700 MST",
    "2006-01-02T15:04:05-0700",
    "2006-01-02 15:04:05Z0700",
    "2006-01-02 15:04:05",
    "Mon Jan _2 15:04:05 2006",  # ANSIC
    "Mon Jan _2 15:04:05 MST 2006",  # UnixDate
    "Mon Jan 02 15:04:05 -0700 2006",  # RubyDate
    "2006-01-02 15:04:05Z07:00",
    "02 Jan 2006",
    "2006-01-02 15:04:05 -07:00",
    "2006-01-02 15:04:05 -0700",
    "3:04PM",  # Kitchen
    "Jan _2 15:04:05",  # Stamp
    "Jan _2 15:04:05.000",
    "Jan _2 15:04:05.000000",
    "Jan _2 15:04:05.000000000",
)
_LAYOUT_TOKEN = re.compile(r"Monday|Mon|Jan|2006|Z07:00|Z0700|-07:00|-0700|[.,](?:0+|9+)(?!\d)|MST|PM|_2|06|01|02|15|04|05|3")
_SHORT_DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_LONG_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# A date in a layout Hugo accepts, whatever its numbers: parsed, it names no time.
_ISO_DATE = re.compile(r"\s*\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?\s*$")


class DateError(ValueError):
    """A front matter date Hugo cannot parse: the build fails."""


def hugo_date(value: Any, fmt: str | None) -> dt.datetime | None:
    """The time Hugo reads from a front matter date value (YAML values as `hugo_value` gives
    them). None when the value is empty (Hugo leaves the date unset). Raises DateError when
    Hugo cannot parse it. Times without an offset are taken as UTC (Hugo's default
    `timeZone`); Kitchen and Stamp layouts, which have no year, give year 1."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, int) and not isinstance(value, bool) and fmt != "json":  # JSON numbers are floats to Go
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None  # a valid Unix time out of Python's range
    if isinstance(value, str):
        parsed = _string_date(value)
        if isinstance(parsed, str):
            raise DateError(parsed)
        return parsed
    raise DateError(f"a {_kind(value)} is not a date")


@functools.lru_cache(maxsize=4096)
def _string_date(value: str) -> dt.datetime | str:
    """The time Hugo reads from a string, or why it reads none. Cached: a page's dates are
    read by several checks, and sites repeat them."""
    for layout in DATE_LAYOUTS:
        parsed = parse_go_time(layout, value)
        if parsed is not None:
            return parsed
    if _ISO_DATE.match(value):
        return f"{value!r} is no day or time of the calendar (a day, hour or minute out of range)"
    return f"{value!r} is in none of the layouts Hugo accepts"


def _kind(value: Any) -> str:
    kinds = {bool: "boolean", float: "number", int: "number", str: "string", list: "list", dict: "table"}
    return "time of day" if isinstance(value, dt.time) else kinds.get(type(value), type(value).__name__)


def parse_go_time(layout: str, value: str) -> dt.datetime | None:
    """Go's `time.Parse(layout, value)` for the layout elements Hugo's date layouts use; None
    when Go rejects the value."""
    state = _GoTime()
    tokens = _layout_tokens(layout)
    rest = value
    for index, (std, literal) in enumerate(tokens):
        if literal:
            skipped = _skip(rest, literal)
            if skipped is None:
                return None
            rest = skipped
            continue
        next_std = next((s for s, _ in tokens[index + 1 :] if s), "")
        remaining = state.read(std, rest, next_std)
        if remaining is None:
            return None
        rest = remaining
    return state.result() if rest == "" else None


def _layout_tokens(layout: str) -> list[tuple[str, str]]:
    """(element, "") or ("", literal text) pieces of a Go layout."""
    tokens: list[tuple[str, str]] = []
    position = 0
    for match in _LAYOUT_TOKEN.finditer(layout):
        if match.start() > position:
            tokens.append(("", layout[position : match.start()]))
        tokens.append((match[0], ""))
        position = match.end()
    if position < len(layout):
        tokens.append(("", layout[position:]))
    return tokens


def _skip(value: str, literal: str) -> str | None:
    """Go's `skip`: a space in the layout matches one or more spaces in the value."""
    while literal:
        if literal[0] == " ":
            if value and value[0] != " ":
                return None
            literal, value = literal.lstrip(" "), value.lstrip(" ")
            continue
        if not value or value[0] != literal[0]:
            return None
        literal, value = literal[1:], value[1:]
    return value


def _digit(text: str, index: int) -> bool:
    return index < len(text) and "0" <= text[index] <= "9"


def _getnum(text: str, fixed: bool) -> tuple[int, str] | None:
    """One or two leading digits (exactly two when `fixed`)."""
    if not _digit(text, 0):
        return None
    if not _digit(text, 1):
        return None if fixed else (int(text[0]), text[1:])
    return int(text[:2]), text[2:]


def _lookup(names: tuple[str, ...], text: str) -> tuple[int, str] | None:
    for index, name in enumerate(names):
        if text[: len(name)].lower() == name.lower() and len(text) >= len(name):
            return index, text[len(name) :]
    return None


def _zone_name_length(text: str) -> int:
    """Go's `parseTimeZone`: the length of a zone abbreviation at the start, 0 if none."""
    if len(text) < 3:
        return 0
    if text[:4] in ("ChST", "MeST"):
        return 4
    if text[:3] == "GMT":
        return 3 + _signed_offset_length(text[3:])
    if text[0] in "+-":
        return _signed_offset_length(text)
    upper = 0
    while upper < min(len(text), 6) and "A" <= text[upper] <= "Z":
        upper += 1
    if upper == 3:
        return 3
    if upper == 4 and (text[3] == "T" or text[:4] == "WITA"):
        return 4
    if upper == 5 and text[4] == "T":
        return 5
    return 0


def _signed_offset_length(text: str) -> int:
    match = re.match(r"[+-](\d+)", text)
    if not match or int(match[1]) > 12:
        return 0
    return match.end()


@dataclass
class _GoTime:
    year: int = 0
    month: int = 1
    day: int = 1
    hour: int = 0
    minute: int = 0
    second: int = 0
    micro: int = 0
    offset: int | None = None  # seconds east of UTC
    pm: bool | None = None

    def read(self, std: str, text: str, next_std: str) -> str | None:
        """Read element `std` from `text`; the rest of the text, or None when Go fails."""
        if std in ("2006", "06"):
            return self._year(std, text)
        if std in ("01", "02", "_2", "15", "3", "04", "05"):
            return self._number(std, text, next_std)
        if std == "Jan":
            found = _lookup(_MONTHS, text)
            if found is None:
                return None
            self.month = found[0] + 1
            return found[1]
        if std in ("Mon", "Monday"):
            found = _lookup(_SHORT_DAYS if std == "Mon" else _LONG_DAYS, text)
            return None if found is None else found[1]
        if std == "PM":
            if text[:2] not in ("AM", "PM"):
                return None
            self.pm = text[:2] == "PM"
            return text[2:]
        if std == "MST":
            if text[:3] == "UTC":
                return text[3:]
            length = _zone_name_length(text)
            return text[length:] if length else None
        if std[0] in ".,":
            return self._fraction(std, text)
        return self._offset(std, text)

    def _year(self, std: str, text: str) -> str | None:
        width = 4 if std == "2006" else 2
        if len(text) < width or not text[:width].isascii() or not text[:width].isdigit():
            return None
        year = int(text[:width])
        self.year = year if width == 4 else year + (1900 if year >= 69 else 2000)
        return text[width:]

    def _number(self, std: str, text: str, next_std: str) -> str | None:
        if std == "_2" and text.startswith(" "):
            text = text[1:]
        found = _getnum(text, std in ("01", "02", "04", "05"))
        if found is None:
            return None
        number, rest = found
        limits = {"01": (1, 12), "15": (0, 23), "3": (0, 12), "04": (0, 59), "05": (0, 59)}
        low, high = limits.get(std, (0, 99))
        if not low <= number <= high:
            return None
        name = {"01": "month", "02": "day", "_2": "day", "15": "hour", "3": "hour", "04": "minute", "05": "second"}[std]
        setattr(self, name, number)
        if std == "05" and len(rest) >= 2 and rest[0] in ".," and _digit(rest, 1) and next_std[:1] not in (".", ","):
            end = 1
            while _digit(rest, end):
                end += 1
            self.micro = int(rest[1:end][:6].ljust(6, "0"))
            rest = rest[end:]
        return rest

    def _fraction(self, std: str, text: str) -> str | None:
        if std[1] == "0":  # exactly this many digits
            digits = len(std) - 1
            if len(text) < digits + 1 or text[0] not in ".," or not all(_digit(text, i) for i in range(1, digits + 1)):
                return None
            end = digits + 1
        else:  # optional, any number of digits
            if len(text) < 2 or text[0] not in ".," or not _digit(text, 1):
                return text
            end = 1
            while _digit(text, end):
                end += 1
        self.micro = int(text[1:end][:6].ljust(6, "0"))
        return text[end:]

    def _offset(self, std: str, text: str) -> str | None:
        if std[0] == "Z" and text.startswith("Z"):
            self.offset = 0
            return text[1:]
        colon = ":" in std
        width = 6 if colon else 5
        if len(text) < width or (colon and text[3] != ":"):
            return None
        hours, minutes = text[1:3], text[4:6] if colon else text[3:5]
        if text[0] not in "+-" or _getnum(hours, True) is None or _getnum(minutes, True) is None:
            return None
        if int(hours) > 24 or int(minutes) > 60:
            return None
        offset = int(hours) * 3600 + int(minutes) * 60
        self.offset = -offset if text[0] == "-" else offset
        return text[width:]

    def result(self) -> dt.datetime | None:
        hour = self.hour
        if self.pm is True and hour < 12:
            hour += 12
        elif self.pm is False and hour == 12:
            hour = 0
        leap = self.year % 4 == 0 and (self.year % 100 != 0 or self.year % 400 == 0)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[self.month - 1]
        if not 1 <= self.day <= days:
            return None
        offset = dt.timedelta(seconds=self.offset or 0)
        # Python's timezone takes offsets below 24 hours; Go takes 24:00 too.
        zone = dt.timezone(offset) if abs(offset) < dt.timedelta(hours=24) else dt.UTC
        year = max(self.year, 1)
        return dt.datetime(year, self.month, self.day, hour, self.minute, self.second, self.micro, zone)

"""## What it does
Checks the type of Hugo's predefined front matter fields (keys are case-insensitive):
`title`, `linkTitle`, `description`, `summary`, `type`, `layout`, `slug`, `url` and
`translationKey` must be strings; `draft`, `headless` and `isCJKLanguage` booleans; `weight`
an integer; `aliases`, `keywords`, `outputs` and the site's taxonomies (by default `tags` and
`categories`) lists of strings; `params` and `build` mappings, `cascade` a mapping or a
list of them; `build`'s `list` and `render` strings and its `publishResources` a boolean,
`sitemap`'s `priority` a number and its `disable` a boolean. `url` and `aliases` must not
start with `http://` or `https://`, and `url` must hold no `%` that starts no escape
(`/100%/`). `outputs` must name output formats the site has (Hugo's own, `html`, `rss`,
`json`…, or those `[outputFormats]` defines). `markup` must name a content format the
site's `security.allowContent` admits; `_build`, which Hugo 0.145 removed, is reported, in a `cascade` too (and a site
whose deployment builds with an older Hugo, `HUGO_VERSION` in `netlify.toml` or a
workflow's `hugo-version`, is told that it still works there).

Only what Hugo rejects or silently misreads is reported. Hugo converts what it can: a
number as a title, `draft = "true"`, `weight = "5"`, a single string as a taxonomy term
are all fine. It does not convert `draft: yes` (Hugo's YAML is YAML 1.2: `yes` is the
string "yes", read as false), a list as a title (read as ""), `weight = 1.5` (truncated to
1), a string with spaces as `keywords` or `aliases` (split at the spaces), or a list that
holds a table or a list (the whole list is dropped).

## Why is this bad?
Hugo does not complain: the page is built with an empty title, as a draft it was not meant
to be (or the reverse), in the wrong place in its section, without its tags. An `http://`
`url` or alias fails the whole build, as do a `markup` Hugo cannot render and `_build`.

## Example
```markdown
---
title: Release notes
draft: no
tags: [release, {version: 2}]
---

What changed in this release.
```

## Use instead
```markdown
---
title: Release notes
draft: false
tags: [release, v2]
---

What changed in this release.
```
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from validator.document import Document
from validator.frontmatter import FrontMatter
from validator.model import Finding, NoOptions, Rule
from validator.settings import SiteConfig
from validator.site import cascades_removed_build, markup_media_type

STRING_KEYS = frozenset({"title", "linktitle", "description", "summary", "type", "layout", "slug", "url", "translationkey"})
BOOLEAN_KEYS = frozenset({"draft", "headless", "iscjklanguage"})
# Lists Hugo converts with cast.ToStringSlice: a string is split at whitespace.
LIST_KEYS = frozenset({"aliases", "keywords", "outputs"})
# strconv.ParseBool, which cast.ToBool uses for strings.
BOOLEAN_STRINGS = frozenset({"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"})
# strconv.ParseInt(s, 0, 0) after cast trims a zero decimal part ("5.0", "5.").
_GO_INT = re.compile(r"[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*)(?:\.0*)?")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2}).{0,2}", re.DOTALL)  # Go's url.Parse refuses it
_LEGACY_OCTAL = re.compile(r"[+-]?0[0-7_]+(?:\.0*)?")  # Go reads "010" as 8


def check(doc: Document, opts: NoOptions) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if not front_matter.data:
        return
    taxonomies = {plural.lower() for _, plural in doc.site.taxonomies}
    for name in front_matter.data:
        if not isinstance(name, str):
            continue
        key = name.lower()
        value = front_matter.hugo_value(name)
        if value is None:
            continue  # Hugo leaves the field unset
        if key == "markup" and isinstance(value, (str, int, float)):
            problem = _markup_problem(str(value), doc.site)
        elif key == "_build" or (key == "cascade" and cascades_removed_build(value)):
            problem = (
                ("sets `_build`, which was" if key == "cascade" else "was")
                + " removed in Hugo 0.145: from that version on, Hugo fails the build on it (it logs an error and "
                "exits 1, though it writes the pages); rename it 'build'"
                + doc.site.removed_since("0.145.0")
            )
        elif key == "outputs" and doc.site.output_formats and (unknown := _unknown_outputs(value, doc.site)):
            problem = (
                f"names {unknown!r}, which is no output format of the site: Hugo stops the build; name one of "
                f"Hugo's (html, rss, json…) or one [outputFormats] defines"
            )
        else:
            problem = _problem(key, value, front_matter, taxonomies)
        if problem:
            line, column = front_matter.position(key)
            yield Finding(line, column, f"front matter {name!r} {problem}")


def _unknown_outputs(value: Any, site: SiteConfig) -> str | None:
    """The first name of `outputs` (a list, or a string Hugo splits at whitespace, or a
    number) that names no output format."""
    names = value.split() if isinstance(value, str) else value if isinstance(value, list) else [value]
    return next(
        (str(name) for name in names if not isinstance(name, (list, dict)) and str(name).lower() not in site.output_formats),
        None,
    )


def _problem(key: str, value: Any, front_matter: FrontMatter, taxonomies: set[str]) -> str | None:
    if key in STRING_KEYS:
        return _string_problem(key, value)
    if key in BOOLEAN_KEYS:
        return _boolean_problem(value, front_matter.plain_scalars.get(key))
    if key == "weight":
        return _integer_problem(value)
    if key in LIST_KEYS:
        return _list_problem(key, value, split=True)
    if key in taxonomies:
        return _list_problem(key, value, split=False)
    if key in MAP_KEYS:
        return _map_problem(key, value) or _decoded_problem(key, value)
    if key == "sitemap" and isinstance(value, dict):
        return _decoded_problem(key, value)
    return None


# The fields of `build` and `sitemap` Hugo decodes, and what each must be: else it stops
# the build ("failed to decode build config in front matter"; checked with hugo 0.168)
_DECODED = {
    "build": {"list": "string", "render": "string", "publishresources": "boolean"},
    "sitemap": {"changefreq": "string", "priority": "number", "disable": "boolean", "filename": "string"},
}


def _decoded_problem(key: str, value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    for field_name, field_value in value.items():
        kind = _DECODED.get(key, {}).get(str(field_name).lower())
        if kind is None or field_value is None:
            continue
        if isinstance(field_value, (list, dict)):
            wrong = True
        elif kind == "boolean":
            wrong = isinstance(field_value, str) and field_value not in BOOLEAN_STRINGS
        elif kind == "number":
            wrong = isinstance(field_value, str) and not _is_number(field_value)
        else:
            wrong = False
        if wrong:
            return (f"has {field_name} = {field_value!r}, which Hugo cannot read as a {kind}: it stops the build "
                    f"(failed to decode {key} config)")
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# Fields Hugo stops the build on unless they hold a mapping (`cascade` also a list, `params`
# also a string of a JSON object, as cast.ToStringMap reads one; checked with Hugo 0.168)
MAP_KEYS = frozenset({"params", "cascade", "build"})


def _map_problem(key: str, value: Any) -> str | None:
    if isinstance(value, dict) or (key == "cascade" and isinstance(value, list)):
        return None
    if key == "params" and isinstance(value, str):
        with contextlib.suppress(ValueError):
            if isinstance(json.loads(value), dict):
                return None
    holds = "a mapping or a list of them" if key == "cascade" else "a mapping"
    return f"is a {_kind(value)}: Hugo stops the build, as it must be {holds}"


def _markup_problem(value: str, site: SiteConfig) -> str | None:
    """Hugo renders the page in the format `markup` names (checked with Hugo 0.168)."""
    media_type = markup_media_type(value)
    if media_type is None:
        return (f"is {value!r}, which names no content format: Hugo stops the build; write markdown, html, org, "
                "asciidoc, pandoc or rst")
    if not site.allows_content(media_type):
        return (f"is {value!r}: Hugo renders the page as {media_type}, which security.allowContent refuses, and "
                "stops the build; admit it with [security] allowContent = ['.*'], or write it in Markdown"
                + site.refused_since(media_type))
    return None


def _string_problem(key: str, value: Any) -> str | None:
    if isinstance(value, (list, dict)):
        return f"is a {_kind(value)}; Hugo reads it as an empty string: write a string"
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return "is a TOML date-time, which Hugo turns into Go's long form ('2024-01-02 10:00:00 +0000 UTC'): quote it"
    if key == "url" and isinstance(value, str) and value.startswith(("http://", "https://")):
        return f"is {value!r}: Hugo fails the build on URLs with a protocol; use a path such as '/about/'"
    if key == "url" and isinstance(value, str) and (bad := _BAD_ESCAPE.search(value)):
        return f"is {value!r}, whose {bad[0]!r} is no URL escape: Hugo stops the build (write %25 for a %)"
    return None


def _boolean_problem(value: Any, yaml_source: str | None) -> str | None:
    if isinstance(value, (bool, int, float)):
        return None  # numbers are true unless zero
    if isinstance(value, str):
        if value in BOOLEAN_STRINGS:
            return None
        if yaml_source == value:
            return f"is {value!r}, a string to Hugo's YAML 1.2 parser, which reads it as false: write true or false"
        return f"is the string {value!r}, which Hugo reads as false: write true or false"
    return f"is a {_kind(value)}, which Hugo reads as false: write true or false"


def _integer_problem(value: Any) -> str | None:
    if isinstance(value, bool):
        return f"is {str(value).lower()}, which Hugo reads as {int(value)}: write an integer"
    if isinstance(value, int):
        return None
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return None
        truncated = int(value) if math.isfinite(value) else "garbage"
        return f"is {value}, which Hugo truncates to {truncated}: write an integer"
    if isinstance(value, str):
        number = _go_int(value)
        if number is None:
            return f"is the string {value!r}, which Hugo reads as 0: write an integer"
        if _LEGACY_OCTAL.fullmatch(value):
            return f"is {value!r}, which Hugo reads as the octal number {number}: drop the leading zero"
        return None
    return f"is a {_kind(value)}, which Hugo reads as 0: write an integer"


def _go_int(text: str) -> int | None:
    if not _GO_INT.fullmatch(text):
        return None
    digits = text.split(".", 1)[0]
    sign, unsigned = (-1, digits[1:]) if digits[:1] == "-" else (1, digits.lstrip("+"))
    if _LEGACY_OCTAL.fullmatch(unsigned):
        unsigned = "0o" + unsigned[1:]
    try:
        return sign * int(unsigned, 0)
    except ValueError:
        return None


def _list_problem(key: str, value: Any, *, split: bool) -> str | None:
    if isinstance(value, dict):
        return "is a table; Hugo reads it as an empty list: write a list of strings"
    if isinstance(value, list):
        nested = next((item for item in value if isinstance(item, (list, dict))), None)
        if nested is not None:
            return f"holds a {_kind(nested)}; Hugo drops the whole list: write a list of strings"
        if key == "aliases":
            return _protocol_problem(value)
        return None
    if isinstance(value, str):
        words = value.split()
        if split and len(words) > 1:
            return f"is a string, which Hugo splits at whitespace into {len(words)} values: write a list"
        if not split and "," in value:
            return f"is the string {value!r}, which Hugo makes one term: write a list"
        if key == "aliases":
            return _protocol_problem(words)
    return None


def _protocol_problem(aliases: list[Any]) -> str | None:
    bad = next((a for a in aliases if isinstance(a, str) and a.startswith(("http://", "https://"))), None)
    if bad is None:
        return None
    return f"has {bad!r}: Hugo fails the build on aliases with a protocol; use a path such as '/old/'"


def _kind(value: Any) -> str:
    if isinstance(value, (dt.date, dt.time)):
        return "date"
    return {list: "list", dict: "table", str: "string", bool: "boolean", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


RULE = Rule(
    id="front-matter-type",
    summary="Hugo front matter field of the wrong type",
    stage="source",
    options=NoOptions,
    check=check,
    doc=__doc__,
)

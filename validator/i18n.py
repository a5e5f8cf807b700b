"""The site's translation tables, as Hugo's `T` (`lang.Translate`) reads them: the files of
its `i18n` folders (and below), one per language named by its code (`en.toml`, `pt-br.yaml`),
in TOML, YAML or JSON, each a table of keys to a text (`whatsnext = "What's next"`) or to
its plural forms (`[whatsnext] other = "What's next"`), or go-i18n's older list of
`{id, translation}` entries. A key's text in the project's folder wins over a theme's.
Keys are matched as written (checked with hugo 0.168).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from validator.files import read_text
from validator.frontmatter import load_yaml

_READERS = {
    "toml": tomllib.loads,
    "yaml": lambda text: load_yaml(text)[0],
    "yml": lambda text: load_yaml(text)[0],
    "json": json.loads,
}


def load_translations(folders: Iterable[Path]) -> dict[str, dict[str, str]]:
    """Language code (lower-cased) -> key -> text, from `folders` in the order Hugo ranks
    them (the project's first). A file that cannot be read gives nothing (Hugo stops the
    build on it)."""
    tables: dict[str, dict[str, str]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            reader = _READERS.get(file.suffix[1:].lower())
            if reader is None or not file.is_file():
                continue
            try:
                data = reader(read_text(file))
            except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
                continue
            table = tables.setdefault(file.stem.lower(), {})
            for key, text in _entries(data):
                table.setdefault(key, text)
    return tables


def _entries(data: Any) -> Iterable[tuple[str, str]]:
    if isinstance(data, list):  # go-i18n v1: [{id: key, translation: text or forms}]
        pairs = [(entry.get("id"), entry.get("translation")) for entry in data if isinstance(entry, dict)]
    elif isinstance(data, dict):
        pairs = list(data.items())
    else:
        return
    for key, value in pairs:
        text = value.get("other") if isinstance(value, dict) else value
        if isinstance(key, str) and isinstance(text, str):
            yield key, text

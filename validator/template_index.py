"""Where a site's templates write a value: the attribute values and the string literals of
its HTML templates, indexed in one reading, for placing what a page shows that no Markdown
line made (a theme's logo without alt text, an icon's `id` written twice, a menu's dead
link) in the template that writes it.

A value is looked up whole, never as a part of another (`/a.png` is not in `/media/a.png`,
`id="x"` not in `data-id="x"`), and placed only when one template holds it: of several,
which one wrote the page is not known.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from validator.files import read_at_most
from validator.paths import display_path

# The string literals in an action: `{{ "img/logo.png" | relURL }}`
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*+)"|`([^`]*+)`')
# An action that tests values rather than writes them
_TEST = re.compile(r"\{\{-?\s*+(?:if|else|with|range|eq|ne|and|or|not)\b")
# An attribute with a value of fixed text: `src="/img/logo.png"`, `id='Layer_1'`
_ATTRIBUTE = re.compile(r"""(?<![\w:.-])([\w:.-]++)\s*+=\s*+(?:"([^"{}\n<>]*+)"|'([^'{}\n<>]*+)')""")

TEMPLATE_BYTES = 32_000_000  # the templates read, at most
VALUE_AT_LEAST = 4  # a shorter value tells no template apart


@dataclass
class TemplateIndex:
    """The HTML templates of `folders` (`layouts`, the site's own first): of those of one
    path below them, the first folder's, which Hugo uses. Read when first asked."""

    folders: Sequence[str]
    _texts: list[tuple[str, str]] = field(default_factory=list, init=False)  # (path, text) of each read
    # (attribute name, lower-cased; "" for a string an action writes) and value -> the
    # templates holding it (their place in `_texts`, at most two: one or more tells) with
    # the value's offset
    _index: dict[tuple[str, str], list[tuple[int, int]]] | None = field(default=None, init=False)

    def place(self, needles: Iterable[tuple[str, str]]) -> tuple[str, int, int] | None:
        """Where the one template holding the first of `needles` that one template alone
        holds writes it: (path shown, line, column); None when none is so held. A needle is
        (attribute, value): `("id", "Layer_1")` of an attribute's fixed value, or ("", value)
        of a string an action writes (`{{ "img/logo.png" | relURL }}`)."""
        index = self._read()
        for attribute, value in needles:
            if len(value) < VALUE_AT_LEAST:
                continue
            held = index.get((attribute, value), [])
            if len(held) == 1:
                number, at = held[0]
                path, text = self._texts[number]
                return display_path(path, os.getcwd()), *position(text, at)
        return None

    def _read(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        if self._index is None:
            self._index = {}
            self._texts = list(self._templates())
            for number, (_, text) in enumerate(self._texts):
                self._add(number, text)
        return self._index

    def _add(self, number: int, text: str) -> None:
        assert self._index is not None
        found: list[tuple[tuple[str, str], int]] = []
        for start, end in _actions(text):
            if _TEST.match(text, start, end):
                continue  # a value compared, not written: `{{ if ne $logo "/img/logo.png" }}`
            for string in _STRING.finditer(text, start, end):
                group = 1 if string[1] is not None else 2
                found.append((("", string[group]), string.start(group)))
        found.extend(((name, value), at) for name, value, at in attribute_values(text))
        for key, at in found:
            held = self._index.setdefault(key, [])
            if len(held) < 2 and all(other != number for other, _ in held):
                held.append((number, at))

    def _templates(self) -> Iterator[tuple[str, str]]:
        """(path, text) of each template, in the folders' order and their paths' (a link to
        a file read already is not read again)."""
        used: set[str] = set()
        real_paths: set[str] = set()
        budget = TEMPLATE_BYTES
        for folder in self.folders:
            for directory, subfolders, names in os.walk(folder):
                subfolders.sort()
                for name in sorted(names):
                    path = os.path.join(directory, name)
                    relative = os.path.relpath(path, folder)
                    real = os.path.realpath(path)
                    if not name.endswith(".html") or relative in used or real in real_paths:
                        continue
                    used.add(relative)
                    real_paths.add(real)
                    try:
                        if not os.path.isfile(real):
                            continue
                        text = read_at_most(real, budget).decode("utf-8", "replace")
                    except OSError:
                        continue
                    yield path, text
                    budget -= len(text)
                    if budget <= 0:
                        return


def attribute_values(text: str) -> Iterator[tuple[str, str, int]]:
    """The attributes of fixed value in an HTML text: (name, lower-cased; value; the
    value's offset)."""
    for attribute in _ATTRIBUTE.finditer(text):
        group = 2 if attribute[2] is not None else 3
        yield attribute[1].lower(), attribute[group], attribute.start(group)


def _actions(text: str) -> Iterable[tuple[int, int]]:
    """The (start, end) of each `{{ … }}` action, in one pass: an action left open ends the
    search (linear, whatever a template holds)."""
    cursor = 0
    while (start := text.find("{{", cursor)) >= 0 and (end := text.find("}}", start + 2)) >= 0:
        yield start, end + 2
        cursor = end + 2


def position(text: str, offset: int) -> tuple[int, int]:
    """The (line, column) of `offset` in `text`, both from 1."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)

"""Rule documentation, read from each rule's docstring and Options: one source for
`mdcheck rules`, the README's rule table and the doc-example tests."""

from __future__ import annotations

import dataclasses
import re
import textwrap
import tomllib
import typing
from collections.abc import Iterable, Mapping

from validator.config import RuleSetting, preset_names
from validator.model import Rule

_FENCE = re.compile(r"^```([a-z]*)[ \t]*([^\n]*)\n(.*?)^```$", re.M | re.S)


def rule_doc(rule: Rule) -> str:
    """The rule's docstring, dedented; tabs kept (examples of tab rules need them)."""
    return textwrap.dedent(rule.doc or "").strip()


def sections(rule: Rule) -> dict[str, str]:
    """The doc's sections by `## ` heading ("What it does", "Example", …); headings inside
    code fences are part of the section."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    in_fence = False
    for line in rule_doc(rule).splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            current = found.setdefault(line[3:].strip(), [])
        else:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


@dataclasses.dataclass(frozen=True)
class ExampleCase:
    """One runnable example: a file (no path), or the files of a small site (with paths),
    and the settings of the section's ```toml fence (`options`, `markup`, `hugo-config`, and
    `build`: checked against the real Hugo's output)."""

    files: tuple[tuple[str | None, str], ...]
    settings: Mapping[str, object]

    @property
    def is_site(self) -> bool:
        return any(path for path, _ in self.files)


def examples(rule: Rule, section: str) -> list[str]:
    """The Markdown code blocks of one doc section (e.g. "Example", "Use instead")."""
    return [body for language, _, body in _FENCE.findall(sections(rule).get(section, "")) if language != "toml"]


def example_cases(rule: Rule, section: str) -> list[ExampleCase]:
    """A doc section as runnable cases. Fences whose info string names a path
    (```markdown content/posts/a.md) form one site; each other fence is a case of its own.
    A ```toml fence in "Example" or "Use instead" sets both sections' settings."""
    found = sections(rule)
    fences = _FENCE.findall(found.get(section, ""))
    settings: dict[str, object] = {}
    for name in ("Example", "Use instead"):
        for language, _, body in _FENCE.findall(found.get(name, "")):
            if language == "toml":
                settings.update(tomllib.loads(body))
    markdown = [(path.strip() or None, body) for language, path, body in fences if language != "toml"]
    site = tuple((path, body) for path, body in markdown if path)
    cases = [ExampleCase(((None, body),), settings) for path, body in markdown if not path]
    if site:
        cases.append(ExampleCase(site, settings))
    return cases


def options_table(rule: Rule) -> list[tuple[str, str, str, str]]:
    """(name, type, default, doc) of each option."""
    hints = typing.get_type_hints(rule.options)
    rows = []
    for option in dataclasses.fields(rule.options):
        default = option.default
        if default is dataclasses.MISSING and option.default_factory is not dataclasses.MISSING:
            default = option.default_factory()
        rows.append(
            (
                option.name.replace("_", "-"),
                _type_text(hints[option.name]),
                _value_text(default),
                option.metadata.get("doc", ""),
            )
        )
    return rows


def rule_text(rule: Rule) -> str:
    """The full documentation of one rule, as `mdcheck rules RULE` prints it."""
    facts = [f"stage: {rule.stage}", f"default severity: {rule.default}"]
    if rule.markdownlint:
        facts.append(f"markdownlint: {rule.markdownlint}")
    if rule.reads_contents:
        facts.append("also reads a shortcode's content that its template renders as Markdown")
    lines = [f"# {rule.id}", "", rule.summary + ".", "", "; ".join(facts), "", rule_doc(rule)]
    rows = options_table(rule)
    if rows:
        lines += ["", "## Options", ""]
        for name, kind, default, doc in rows:
            lines.append(f"- `{name}` ({kind}, default `{default}`): {doc}")
        example = ", ".join(f"{name} = {default}" for name, _, default, _ in rows)
        lines += ["", "```toml", "[rules]", f'{rule.id} = {{ severity = "{rule.default}", {example} }}', "```"]
    return "\n".join(lines)


def rule_table(rules: Iterable[Rule], enabled: Mapping[str, RuleSetting]) -> str:
    """A plain-text table of rules for the terminal, with their state in the config."""
    rows = [("rule", "stage", "severity", "summary")]
    for rule in rules:
        setting = enabled.get(rule.id)
        rows.append((rule.id, rule.stage, str(setting.severity) if setting else "off", rule.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)) + "  " + row[3]
        for row in rows
    )


def markdown_rule_table(rules: Iterable[Rule], presets: Mapping[str, Mapping[str, RuleSetting]]) -> str:
    """The README's rule table: one row a rule, one column a preset."""
    names = [name for name in preset_names() if name in presets]
    header = "| rule | what it reports | " + " | ".join(names) + " | markdownlint |"
    lines = [header, "|" + "---|" * (3 + len(names))]
    for rule in rules:
        cells = []
        for name in names:
            setting = presets[name].get(rule.id)
            cells.append(str(setting.severity) if setting else "–")
        lines.append(
            f"| `{rule.id}` | {rule.summary} | " + " | ".join(cells) + f" | {rule.markdownlint or ''} |"
        )
    return "\n".join(lines)


def _type_text(kind: object) -> str:
    origin = typing.get_origin(kind)
    if origin is tuple:
        return f"list of {_type_text(typing.get_args(kind)[0])}"
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in typing.get_args(kind))
    return getattr(kind, "__name__", str(kind))


def _value_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_value_text(v) for v in value) + "]"
    return repr(value)

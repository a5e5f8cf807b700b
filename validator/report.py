"""Output formats: text for people, JSON and SARIF for tools, commands for GitHub Actions."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import click

from validator import __version__
from validator.baseline import fingerprint
from validator.model import Problem, Rule, Severity, counted
from validator.rule_docs import rule_doc, sections

FORMATS = ("text", "json", "sarif", "github")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/mdcheck/"
FINGERPRINT_KEY = "mdcheck/v1"

@dataclass(frozen=True)
class Summary:
    """What a run covered, for the closing summary of every format."""

    files: int
    pages: int = 0
    errors: int = 0
    warnings: int = 0
    notes: tuple[str, ...] = ()
    build_failed: bool = False  # --build: Hugo stopped with errors (a note says which)


def summarize(problems: Sequence[Problem]) -> tuple[int, int]:
    """Count the problems as (errors, warnings)."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return errors, len(problems) - errors


def render(problems: Sequence[Problem], fmt: str, **options: Any) -> str:
    """Render sorted problems in `fmt`, one of FORMATS, whole (see `pieces` for the
    options); the result has no trailing newline."""
    return "".join(pieces(problems, fmt, **options))


def pieces(
    problems: Sequence[Problem],
    fmt: str,
    *,
    summary: Summary,
    rules: Mapping[str, Rule],
    color: bool = False,
    quiet: bool = False,
) -> Iterator[str]:
    """The report of sorted problems in `fmt`, one of FORMATS, in pieces, a finding at a
    time: written as it is made, the output of a run with tens of thousands of findings is
    never whole in memory. `quiet` leaves out the summary of the text and github formats."""
    if fmt == "text":
        lines = _text(problems, None if quiet else summary, color)
    elif fmt == "json":
        lines = _json(problems, summary)
    elif fmt == "sarif":
        lines = _sarif(problems, rules)
    elif fmt == "github":
        lines = _github(problems, None if quiet else summary)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for number, line in enumerate(lines):
        yield f"\n{line}" if number else line


def summary_line(problems: Sequence[Problem], summary: Summary) -> str:
    """One sentence: "All clean: …" or "Found 2 errors in 1 file (9 files checked)."."""
    checked = counted(summary.files, "file")
    if summary.pages:
        checked += f" and {counted(summary.pages, 'page')}"
    if not summary.errors and not summary.warnings:
        if summary.build_failed:
            return f"No findings, but the Hugo build failed ({checked} checked)."
        return f"All clean: {checked} checked."
    counts = [
        counted(n, word)
        for n, word in ((summary.errors, "error"), (summary.warnings, "warning"))
        if n
    ]
    affected = counted(len({p.path for p in problems}), "file")
    return f"Found {' and '.join(counts)} in {affected} ({checked} checked)."


def _message(problem: Problem) -> str:
    if problem.html_path and not problem.path.endswith(problem.html_path):
        return f"{problem.message} (rendered in {problem.html_path})"
    return problem.message


def _printable(path: str) -> str:
    """A file name with its control characters (a newline) and undecodable bytes escaped, so
    that each finding stays on its line."""
    return path if path.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def _text(problems: Sequence[Problem], summary: Summary | None, color: bool) -> Iterator[str]:
    def style(text: str, **styles: Any) -> str:
        return click.style(text, **styles) if color else text

    severity_colors = {Severity.ERROR: "red", Severity.WARNING: "yellow"}
    for p in problems:
        yield (
            f"{style(_printable(p.path), bold=True)}:{p.line}:{p.column}: "
            f"{style(str(p.severity), fg=severity_colors[p.severity])} "
            f"{style(p.rule, dim=True)} "
            + "\n    ".join(_message(p).splitlines() or [""])
        )
    if summary is None:
        return
    if problems:
        yield ""
    line = summary_line(problems, summary)
    clean = not summary.errors and not summary.warnings
    yield style(line, fg="green") if clean else style(line, bold=True)
    yield from summary.notes


def _json(problems: Sequence[Problem], summary: Summary) -> Iterator[str]:
    data = {
        "problems": _ITEMS,
        "summary": {
            "files": summary.files,
            "pages": summary.pages,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "notes": list(summary.notes),
        },
    }
    return _json_lines(data, (p.as_dict() for p in problems))


# Stands in a JSON document for the list `_json_lines` encodes item by item.
_ITEMS = "\0items\0"


def _json_lines(document: Mapping[str, Any], items: Iterable[Any]) -> Iterator[str]:
    """`json.dumps(document, indent=2)` in lines, with `items` for the one `_ITEMS` in it,
    each encoded when it comes."""
    head, tail = json.dumps(document, indent=2).split(json.dumps(_ITEMS), 1)
    *lines, opening = head.split("\n")
    yield from lines
    pad = " " * (len(opening) - len(opening.lstrip(" ")) + 2)
    last = None  # the item before, written once it is known not to be the last
    for item in items:
        if last is None:
            yield opening + "["
        else:
            yield last + ","
        last = "\n".join(pad + line for line in json.dumps(item, indent=2).split("\n"))
    if last is None:
        closing, *rest = ("[]" + tail).split("\n")
        yield opening + closing
    else:
        yield last
        closing, *rest = (pad[:-2] + "]" + tail).split("\n")
        yield closing
    yield from rest


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _github(problems: Sequence[Problem], summary: Summary | None) -> Iterator[str]:
    for p in problems:
        yield (
            f"::{p.severity} file={_escape_property(p.path)},line={p.line},col={p.column},"
            f"title={_escape_property(p.rule)}::{_escape_data(_message(p))}"
        )
    if summary is not None:
        yield summary_line(problems, summary)
        yield from summary.notes


def _pascal_case(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", rule_id))


def _sarif_rule(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": rule_id, "name": _pascal_case(rule_id)}
    if rule is None:
        entry["shortDescription"] = {"text": rule_id}
        return entry
    doc = rule_doc(rule)
    entry["shortDescription"] = {"text": rule.summary}
    entry["fullDescription"] = {"text": sections(rule).get("What it does") or rule.summary}
    entry["help"] = {"text": doc or rule.summary, "markdown": doc or rule.summary}
    entry["defaultConfiguration"] = {"level": str(rule.default)}
    return entry


def _location(path: str) -> dict[str, Any]:
    # (a file name that is not UTF-8 is quoted as its bytes; one outside the working
    # directory, shown absolute, is a file: URI of its own, relative to no root)
    if os.path.isabs(path):
        return {"artifactLocation": {"uri": "file://" + quote(os.fsencode(path))}}
    return {"artifactLocation": {"uri": quote(os.fsencode(path)), "uriBaseId": "%SRCROOT%"}}


def _sarif(problems: Sequence[Problem], rules: Mapping[str, Rule]) -> Iterator[str]:
    rule_ids = sorted({p.rule for p in problems})
    driver = {
        "name": "mdcheck",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_sarif_rule(rule_id, rules.get(rule_id)) for rule_id in rule_ids],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": _ITEMS}
        ],
    }
    return _json_lines(log, _sarif_results(problems, {rule_id: i for i, rule_id in enumerate(rule_ids)}))


def _sarif_results(problems: Sequence[Problem], index: Mapping[str, int]) -> Iterator[dict[str, Any]]:
    seen: Counter[str] = Counter()
    for p in problems:
        location = _location(p.path)
        if p.line >= 1:
            location["region"] = {"startLine": p.line, "startColumn": max(1, p.column)}
        key = fingerprint(p.rule, p.path, p.message)
        seen[key] += 1
        result: dict[str, Any] = {
            "ruleId": p.rule,
            "ruleIndex": index[p.rule],
            "level": str(p.severity),
            "message": {"text": p.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{key}:{seen[key]}"},
        }
        if p.html_path:
            result["relatedLocations"] = [
                {
                    "id": 0,
                    "physicalLocation": _location(p.html_path),
                    "message": {"text": "rendered page"},
                }
            ]
        yield result

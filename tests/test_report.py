"""Tests for the output formats."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import Any

import click
import pytest

from validator import __version__
from validator.model import Finding, NoOptions, Problem, Rule, Severity
from validator.report import FORMATS, Summary, pieces, render, summarize


def _no_check(doc: object, options: object) -> Iterator[Finding]:
    yield from ()


DOC = """
    ## What it does
    Checks for images without alternative text.

    ## Why is this bad?
    Screen readers have nothing to announce.

    ## Example
    ```markdown
    ![](cat.png)
    ```

    Use instead:
    ```markdown
    ![A cat](cat.png)
    ```
    """

RULES = {
    "missing-alt-text": Rule(
        id="missing-alt-text",
        summary="Images need alternative text",
        stage="source",
        options=NoOptions,
        check=_no_check,
        doc=DOC,
        markdownlint="MD045",
    ),
    "broken-link": Rule(
        id="broken-link",
        summary="Links must resolve",
        stage="html",
        options=NoOptions,
        check=_no_check,
        doc="## What it does\nChecks links.\n",
        default=Severity.WARNING,
    ),
}

PROBLEMS = [
    Problem(
        "content/a b.md",
        3,
        7,
        "missing-alt-text",
        Severity.ERROR,
        "image has no alt text, at all: 50% done",
    ),
    Problem("content/a b.md", 9, 0, "broken-link", Severity.WARNING, "first line\nsecond line\r"),
    Problem(
        "content/ünï.md",
        12,
        1,
        "broken-link",
        Severity.ERROR,
        "link to /docs/ → 404",
        html_path="public/ünï/index.html",
    ),
    Problem("content/ünï.md", 0, 0, "internal-error", Severity.ERROR, "could not parse: boom"),
]

SUMMARY = Summary(files=12, pages=30, errors=3, warnings=1, notes=("2 files skipped: drafts",))


def _render(
    fmt: str, problems: list[Problem] = PROBLEMS, summary: Summary = SUMMARY, **kw: Any
) -> str:
    return render(problems, fmt, summary=summary, rules=RULES, **kw)


# --- summarize, unknown format ---


def test_summarize() -> None:
    assert summarize(PROBLEMS) == (3, 1)
    assert summarize([]) == (0, 0)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        _render("xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_trailing_newline(fmt: str) -> None:
    assert not _render(fmt).endswith("\n")


# --- text ---


def test_text() -> None:
    assert _render("text").splitlines() == [
        "content/a b.md:3:7: error missing-alt-text image has no alt text, at all: 50% done",
        "content/a b.md:9:0: warning broken-link first line",
        "    second line",
        "content/ünï.md:12:1: error broken-link link to /docs/ → 404"
        " (rendered in public/ünï/index.html)",
        "content/ünï.md:0:0: error internal-error could not parse: boom",
        "",
        "Found 3 errors and 1 warning in 2 files (12 files and 30 pages checked).",
        "2 files skipped: drafts",
    ]


def test_text_has_no_ansi_without_color() -> None:
    assert "\x1b[" not in _render("text")


def test_text_color() -> None:
    out = _render("text", color=True)
    first = out.splitlines()[0]
    assert first == (
        f"{click.style('content/a b.md', bold=True)}:3:7: {click.style('error', fg='red')} "
        f"{click.style('missing-alt-text', dim=True)} image has no alt text, at all: 50% done"
    )
    assert click.style("warning", fg="yellow") in out
    assert click.unstyle(out) == _render("text")


def test_text_clean() -> None:
    assert _render("text", [], Summary(files=12)) == "All clean: 12 files checked."
    assert _render("text", [], Summary(files=1, pages=1)) == "All clean: 1 file and 1 page checked."
    colored = _render("text", [], Summary(files=2), color=True)
    assert colored == click.style("All clean: 2 files checked.", fg="green")


def test_text_clean_with_notes() -> None:
    out = _render("text", [], Summary(files=0, notes=("1 file skipped: x", "no hugo")))
    assert out.splitlines() == ["All clean: 0 files checked.", "1 file skipped: x", "no hugo"]


@pytest.mark.parametrize(
    ("problems", "summary", "expected"),
    [
        (PROBLEMS[:1], Summary(1, errors=1), "Found 1 error in 1 file (1 file checked)."),
        (PROBLEMS[1:2], Summary(5, warnings=1), "Found 1 warning in 1 file (5 files checked)."),
        (
            PROBLEMS[:2],
            Summary(5, errors=1, warnings=1),
            "Found 1 error and 1 warning in 1 file (5 files checked).",
        ),
        (
            PROBLEMS[1:3],
            Summary(2, pages=1, errors=1, warnings=1),
            "Found 1 error and 1 warning in 2 files (2 files and 1 page checked).",
        ),
        (
            PROBLEMS,
            Summary(3, errors=3, warnings=1),
            "Found 3 errors and 1 warning in 2 files (3 files checked).",
        ),
        (PROBLEMS[1:2] * 2, Summary(1, warnings=2), "Found 2 warnings in 1 file (1 file checked)."),
    ],
)
def test_text_summary_plurals(problems: list[Problem], summary: Summary, expected: str) -> None:
    assert _render("text", problems, summary).splitlines()[-1] == expected


# --- json ---


def test_json() -> None:
    data = json.loads(_render("json"))
    assert list(data) == ["problems", "summary"]
    assert data["problems"] == [p.as_dict() for p in PROBLEMS]
    assert list(data["problems"][0]) == ["path", "line", "column", "rule", "severity", "message"]
    assert data["problems"][1]["message"] == "first line\nsecond line\r"
    assert data["problems"][2]["html_path"] == "public/ünï/index.html"
    assert data["summary"] == {
        "files": 12,
        "pages": 30,
        "errors": 3,
        "warnings": 1,
        "notes": ["2 files skipped: drafts"],
    }


def test_json_indented_and_stable() -> None:
    out = _render("json")
    assert out.startswith('{\n  "problems": [\n    {\n      "path": ')
    assert out == _render("json")


def test_json_empty() -> None:
    assert json.loads(_render("json", [], Summary(files=4))) == {
        "problems": [],
        "summary": {"files": 4, "pages": 0, "errors": 0, "warnings": 0, "notes": []},
    }


@pytest.mark.parametrize("problems", [PROBLEMS, PROBLEMS[:1], []])
def test_json_is_written_a_finding_at_a_time(problems: list[Problem]) -> None:
    """The output is made in pieces, a finding at a time (tens of thousands of findings are
    never one string), and is `json.dumps`'s of the whole, byte for byte."""
    made = list(pieces(problems, "json", summary=SUMMARY, rules=RULES))
    whole = {"problems": [p.as_dict() for p in problems], "summary": json.loads(_render("json"))["summary"]}
    assert "".join(made) == json.dumps(whole, indent=2)
    assert len(made) > len(problems) and all(len(piece) < 400 for piece in made)
    sarif = json.loads(_render("sarif", problems))
    assert "".join(pieces(problems, "sarif", summary=SUMMARY, rules=RULES)) == json.dumps(sarif, indent=2)


# --- sarif ---

_LEVELS = {"none", "note", "warning", "error"}
_URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")

# The properties each object of the SARIF 2.1.0 schema may have ("properties" is always allowed;
# the schema forbids all others) and those it must have.
_SCHEMA: dict[str, tuple[str, str]] = {
    "log": ("$schema version runs inlineExternalProperties", "version runs"),
    "run": (
        "tool invocations conversion language versionControlProvenance originalUriBaseIds "
        "artifacts logicalLocations graphs results automationDetails runAggregates baselineGuid "
        "redactionTokens defaultEncoding defaultSourceLanguage newlineSequences columnKind "
        "externalPropertyFileReferences threadFlowLocations taxonomies addresses translations "
        "policies webRequests webResponses specialLocations",
        "tool",
    ),
    "tool": ("driver extensions", "driver"),
    "toolComponent": (
        "guid name organization product productSuite shortDescription fullDescription fullName "
        "version semanticVersion dottedQuadFileVersion releaseDateUtc downloadUri "
        "informationUri globalMessageStrings notifications rules taxa locations language "
        "contents isComprehensive localizedDataSemanticVersion "
        "minimumRequiredLocalizedDataSemanticVersion associatedComponent translationMetadata "
        "supportedTaxonomies",
        "name",
    ),
    "reportingDescriptor": (
        "id deprecatedIds guid deprecatedGuids name deprecatedNames shortDescription "
        "fullDescription messageStrings defaultConfiguration helpUri help relationships",
        "id",
    ),
    "multiformatMessageString": ("text markdown", "text"),
    "reportingConfiguration": ("enabled level rank parameters", ""),
    "result": (
        "ruleId ruleIndex rule kind level message analysisTarget locations guid correlationGuid "
        "occurrenceCount partialFingerprints fingerprints stacks codeFlows graphs "
        "graphTraversals relatedLocations suppressions baselineState rank attachments "
        "hostedViewerUri workItemUris provenance fixes taxa webRequest webResponse",
        "message",
    ),
    "message": ("text markdown id arguments", ""),
    "location": ("id physicalLocation logicalLocations message annotations relationships", ""),
    "physicalLocation": ("address artifactLocation region contextRegion", "artifactLocation"),
    "artifactLocation": ("uri uriBaseId index description", ""),
    "region": (
        "startLine startColumn endLine endColumn charOffset charLength byteOffset byteLength "
        "snippet message sourceLanguage",
        "",
    ),
}


def _check_object(value: Any, kind: str, where: str) -> None:
    """Check `value` is a `kind` object with only allowed and all required properties."""
    allowed, required = (set(names.split()) for names in _SCHEMA[kind])
    assert isinstance(value, dict), where
    assert set(value) <= allowed | {"properties"}, f"{where}: unexpected {set(value) - allowed}"
    assert required <= set(value), f"{where}: missing {required - set(value)}"


def _check_message(value: Any, where: str) -> None:
    _check_object(value, "message", where)
    assert isinstance(value.get("text"), str) or isinstance(value.get("id"), str), where


def _check_physical_location(value: Any, where: str) -> None:
    _check_object(value, "physicalLocation", where)
    artifact = value["artifactLocation"]
    _check_object(artifact, "artifactLocation", f"{where}.artifactLocation")
    assert _URI_REFERENCE.match(artifact["uri"]), artifact["uri"]
    assert not artifact["uri"].startswith("/"), "uri must be relative to %SRCROOT%"
    assert isinstance(artifact.get("uriBaseId", ""), str)
    region = value.get("region", {})
    _check_object(region, "region", f"{where}.region")
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if key in region:
            assert isinstance(region[key], int) and region[key] >= 1, f"{where}.region.{key}"


def _check_rule(rule: Any, where: str) -> None:
    _check_object(rule, "reportingDescriptor", where)
    assert isinstance(rule["id"], str) and isinstance(rule.get("name", ""), str)
    for key in ("shortDescription", "fullDescription", "help"):
        if key in rule:
            _check_object(rule[key], "multiformatMessageString", f"{where}.{key}")
            assert all(isinstance(v, str) for v in rule[key].values()), f"{where}.{key}"
    config = rule.get("defaultConfiguration", {})
    _check_object(config, "reportingConfiguration", f"{where}.defaultConfiguration")
    assert config.get("level", "warning") in _LEVELS


def _check_result(result: Any, rules: list[dict[str, Any]], where: str) -> None:
    _check_object(result, "result", where)
    _check_message(result["message"], f"{where}.message")
    assert result.get("level", "warning") in _LEVELS
    if "ruleIndex" in result:
        assert isinstance(result["ruleIndex"], int) and result["ruleIndex"] >= -1
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    for key in ("partialFingerprints", "fingerprints"):
        assert all(isinstance(v, str) for v in result.get(key, {}).values())
    for key in ("locations", "relatedLocations"):
        for j, location in enumerate(result.get(key, [])):
            lwhere = f"{where}.{key}[{j}]"
            _check_object(location, "location", lwhere)
            assert isinstance(location.get("id", -1), int) and location.get("id", -1) >= -1
            if "message" in location:
                _check_message(location["message"], f"{lwhere}.message")
            if "physicalLocation" in location:
                _check_physical_location(location["physicalLocation"], f"{lwhere}.physicalLocation")


def check_sarif(log: Any) -> None:
    """Check a log against the essential parts of the SARIF 2.1.0 schema."""
    _check_object(log, "log", "log")
    assert log["version"] == "2.1.0"
    assert isinstance(log["runs"], list)
    for r, run in enumerate(log["runs"]):
        _check_object(run, "run", f"runs[{r}]")
        assert run.get("columnKind", "unicodeCodePoints") in {"utf16CodeUnits", "unicodeCodePoints"}
        _check_object(run["tool"], "tool", f"runs[{r}].tool")
        driver = run["tool"]["driver"]
        _check_object(driver, "toolComponent", f"runs[{r}].tool.driver")
        assert isinstance(driver["name"], str)
        rules = driver.get("rules", [])
        assert len({rule["id"] for rule in rules}) == len(rules), "rule ids must be unique"
        for i, rule in enumerate(rules):
            _check_rule(rule, f"runs[{r}].tool.driver.rules[{i}]")
        for i, result in enumerate(run.get("results", [])):
            _check_result(result, rules, f"runs[{r}].results[{i}]")


def _sarif(problems: list[Problem] = PROBLEMS) -> dict[str, Any]:
    log = json.loads(_render("sarif", problems))
    check_sarif(log)
    return log


def test_sarif_header() -> None:
    log = _sarif()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "mdcheck"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")


def test_sarif_rules() -> None:
    rules = _sarif()["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["broken-link", "internal-error", "missing-alt-text"]
    broken, internal, alt = rules
    assert alt["name"] == "MissingAltText"
    assert alt["shortDescription"] == {"text": "Images need alternative text"}
    assert alt["fullDescription"] == {"text": "Checks for images without alternative text."}
    assert alt["help"]["markdown"].startswith("## What it does\nChecks for images")
    assert "Use instead:\n```markdown\n![A cat](cat.png)\n```" in alt["help"]["markdown"]
    assert alt["help"]["text"] == alt["help"]["markdown"]
    assert alt["defaultConfiguration"] == {"level": "error"}
    assert broken["defaultConfiguration"] == {"level": "warning"}
    assert broken["fullDescription"] == {"text": "Checks links."}
    assert internal == {
        "id": "internal-error",
        "name": "InternalError",
        "shortDescription": {"text": "internal-error"},
    }


def test_sarif_only_rules_that_appear() -> None:
    rules = _sarif(PROBLEMS[:1])["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["missing-alt-text"]


def test_sarif_results() -> None:
    results = _sarif()["runs"][0]["results"]
    assert len(results) == len(PROBLEMS)
    first, second, third, fourth = results
    assert first["ruleId"] == "missing-alt-text"
    assert first["level"] == "error"
    assert first["message"] == {"text": "image has no alt text, at all: 50% done"}
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "content/a%20b.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "startColumn": 7},
            }
        }
    ]
    assert second["level"] == "warning"
    assert second["message"]["text"] == "first line\nsecond line\r"
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 9,
        "startColumn": 1,
    }
    artifact = third["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == "content/%C3%BCn%C3%AF.md"
    related = third["relatedLocations"][0]["physicalLocation"]["artifactLocation"]
    assert related["uri"] == "public/%C3%BCn%C3%AF/index.html"
    assert "region" not in fourth["locations"][0]["physicalLocation"]
    assert "relatedLocations" not in first


def test_sarif_fingerprints_ignore_the_line() -> None:
    moved = [dataclasses.replace(p, line=p.line + 5) for p in PROBLEMS]
    fingerprints = [r["partialFingerprints"] for r in _sarif()["runs"][0]["results"]]
    assert fingerprints == [r["partialFingerprints"] for r in _sarif(moved)["runs"][0]["results"]]
    assert len({json.dumps(f) for f in fingerprints}) == len(fingerprints)
    reworded = [Problem(PROBLEMS[0].path, 3, 7, PROBLEMS[0].rule, Severity.ERROR, "other message")]
    assert _sarif(reworded)["runs"][0]["results"][0]["partialFingerprints"] != fingerprints[0]


def test_sarif_fingerprints_tell_repeats_apart() -> None:
    p = PROBLEMS[0]
    twice = [p, dataclasses.replace(p, line=p.line + 1)]
    first, second = (r["partialFingerprints"] for r in _sarif(twice)["runs"][0]["results"])
    assert first != second


def test_sarif_empty() -> None:
    log = _sarif([])
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_check_sarif_rejects_bad_logs() -> None:
    log = _sarif()
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        check_sarif(log)
    log = _sarif()
    log["runs"][0]["results"][0]["ruleIndex"] = 0
    with pytest.raises(AssertionError):
        check_sarif(log)
    log = _sarif()
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(AssertionError):
        check_sarif(log)
    log = _sarif()
    log["runs"][0]["tool"]["driver"]["rules"][0]["summary"] = "x"
    with pytest.raises(AssertionError):
        check_sarif(log)


# --- github ---


def test_github() -> None:
    assert _render("github").splitlines() == [
        "::error file=content/a b.md,line=3,col=7,title=missing-alt-text::"
        "image has no alt text, at all: 50%25 done",
        "::warning file=content/a b.md,line=9,col=0,title=broken-link::first line%0Asecond line%0D",
        "::error file=content/ünï.md,line=12,col=1,title=broken-link::"
        "link to /docs/ → 404 (rendered in public/ünï/index.html)",
        "::error file=content/ünï.md,line=0,col=0,title=internal-error::could not parse: boom",
        "Found 3 errors and 1 warning in 2 files (12 files and 30 pages checked).",
        "2 files skipped: drafts",
    ]


def test_github_escapes_properties() -> None:
    p = Problem("a,b:c%d.md", 1, 2, "rule", Severity.ERROR, "x")
    out = _render("github", [p], Summary(files=1, errors=1))
    assert out.splitlines()[0] == "::error file=a%2Cb%3Ac%25d.md,line=1,col=2,title=rule::x"


def test_github_clean() -> None:
    assert _render("github", [], Summary(files=3)) == "All clean: 3 files checked."


def test_sarif_names_a_file_outside_the_working_directory_by_its_own_uri() -> None:
    """A file shown absolute (mounted from outside the site: dapr's `../sdkdocs`) is a
    `file:` URI, not a path below the source root."""
    problem = Problem("/srv/sdk docs/a.md", 3, 1, "rule", Severity.ERROR, "bad")
    location = _sarif([problem])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///srv/sdk%20docs/a.md"}

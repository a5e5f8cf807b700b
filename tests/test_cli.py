"""The command line end to end: formats, exit codes, config errors, hostile files."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from validator import hugo as hugo_runner
from validator.__main__ import run
from validator.cli import main

SITE = FIXTURES / "site"
SAMPLE = "content/posts/notes-on-backpropagation.md"
PLANTED = "content/posts/planted-defects.md"
RENDERED = "content/posts/rendered-defects.md"

# What the fixture site must report, as (path, line, rule).
EXPECTED_SITE = {
    (SAMPLE, 29, "content-h1"),
    (SAMPLE, 33, "content-h1"),
    (SAMPLE, 101, "content-h1"),
    (SAMPLE, 101, "heading-typo"),
    (SAMPLE, 117, "repeated-word"),
    (SAMPLE, 125, "heading-level-skip"),
    (SAMPLE, 132, "raw-html-omitted"),
    (SAMPLE, 133, "raw-html-omitted"),
    (SAMPLE, 139, "repeated-word"),
    (SAMPLE, 146, "heading-level-skip"),
    (SAMPLE, 154, "heading-level-skip"),
    (SAMPLE, 198, "heading-level-skip"),
    (SAMPLE, 222, "raw-html-omitted"),
    (SAMPLE, 224, "raw-html-omitted"),
    (SAMPLE, 226, "raw-html-omitted"),
    (SAMPLE, 228, "raw-html-omitted"),
    (SAMPLE, 230, "raw-html-omitted"),
    (PLANTED, 1, "front-matter-required"),
    (PLANTED, 6, "broken-anchor"),
    (PLANTED, 7, "footnote-undefined"),
    (PLANTED, 11, "heading-level-skip"),
    (PLANTED, 15, "footnote-unused"),
    (RENDERED, 8, "broken-link"),  # found by the rendered pass (mdcheck's own rendering)
    (RENDERED, 9, "broken-anchor"),
    (RENDERED, 10, "broken-anchor"),
    (RENDERED, 14, "empty-link"),
    (RENDERED, 18, "duplicate-heading-id"),
    (RENDERED, 24, "image-alt"),
    (RENDERED, 26, "unrendered-markup"),
    (RENDERED, 29, "raw-html-omitted"),  # the HTML {{% notice %}} writes
}
PROBLEMS = 35  # some lines have several findings (four <kbd> tags on one line)


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(SITE)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return SITE


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_format_on_the_site(in_site: Path) -> None:
    code, out, _ = invoke("check")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("content/")]
    found = set()
    for line in lines:
        path, number, column, rest = line.split(":", 3)
        severity, rule = rest.split()[:2]
        assert severity in ("error", "warning") and int(column) >= 1
        found.add((path, int(number), rule))
    assert found == EXPECTED_SITE
    assert lines == sorted(lines, key=lambda l: (l.split(":")[0], int(l.split(":")[1])))
    assert "Found 22 errors and 13 warnings in 3 files (8 files and 8 pages checked)." in out


def test_json_format(in_site: Path) -> None:
    code, out, _ = invoke("check", "--format", "json")
    data = json.loads(out)
    assert code == 1
    found = {(p["path"], p["line"], p["rule"]) for p in data["problems"]}
    assert found == EXPECTED_SITE
    assert data["summary"]["files"] == 8
    assert data["summary"]["errors"] == 22
    assert len(data["problems"]) == PROBLEMS


def test_sarif_format(in_site: Path) -> None:
    _, out, _ = invoke("check", "--format", "sarif")
    sarif = json.loads(out)
    results = sarif["runs"][0]["results"]
    found = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        )
        for r in results
    }
    assert found == EXPECTED_SITE
    rule_ids = {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rule_ids == {rule for _, _, rule in EXPECTED_SITE}


def test_github_format_is_automatic_on_actions(in_site: Path, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = invoke("check")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == PROBLEMS
    assert f"::warning file={SAMPLE},line=125,col=1,title=heading-level-skip::" in out


def test_clean_post_exits_zero(in_site: Path) -> None:
    code, out, _ = invoke("check", "content/posts/anchors-done-right.md")
    assert code == 0, out
    assert "All clean: 1 file and 1 page checked." in out  # the other pages read for the site's sake


def test_warnings_only_exit_zero_unless_strict(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "post.md").write_text('+++\ntitle = "T"\n+++\n\n## A\n\n#### B\n')
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "post.md")[0] == 0
    assert invoke("check", "--strict", "post.md")[0] == 1


def test_quiet_prints_only_findings(in_site: Path) -> None:
    _, out, _ = invoke("check", "--quiet", SAMPLE)
    assert len(out.splitlines()) == 22


def test_jobs_give_identical_output(in_site: Path) -> None:
    serial = invoke("check", "--jobs", "1", "--format", "json")[1]
    parallel = invoke("check", "--jobs", "2", "--format", "json")[1]
    assert serial == parallel


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("mdcheck, version ")


def test_rules_list_and_doc(in_site: Path) -> None:
    code, out, _ = invoke("rules")
    assert code == 0 and "broken-anchor" in out and "heading-level-skip" in out
    code, out, _ = invoke("rules", "broken-anchor")
    assert code == 0 and "## What it does" in out and "- `allow`" in out
    code, _, err = invoke("rules", "no-such-rule")
    assert code == 2 and "unknown rule" in err


def test_config_prints_effective_config(in_site: Path) -> None:
    code, out, _ = invoke("config")
    assert code == 0
    assert 'extends = ["recommended"]' in out
    assert 'front-matter-required = { severity = "error", keys = ["title"], list-pages = false }' in out


@pytest.mark.parametrize(
    ("config", "fragments"),
    [
        ('[rules]\nno-such-rule = true\n', ["no-such-rule", "unknown rule"]),
        ('[rules]\nbroken-anchr = true\n', ["did you mean 'broken-anchor'"]),
        ('[rules]\nbroken-anchor = { allow = "top" }\n', ["rules.broken-anchor.allow", "list of"]),
        ('[rules]\nbroken-anchor = { alow = ["top"] }\n', ["rules.broken-anchor.alow", "unknown option"]),
        ('[rules]\nheading-level-skip = "loud"\n', ["severity must be"]),
        ('[rules]\nheading-level-skip = 3\n', ["heading-level-skip"]),
        ('extends = ["nope"]\n', ["unknown preset 'nope'"]),
        ('colour = true\n', ["unknown key 'colour'"]),
        ('[per-file-ignores]\n"a.md" = ["nope"]\n', ["per-file-ignores", "nope"]),
        ('rules = [', ["invalid TOML"]),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", ["nested more than 100 deep"]),
        ("x = " + "[" * 150 + "]" * 150 + "\n", ["nested more than 100 deep"]),
    ],
)
def test_config_errors_exit_2(tmp_path: Path, monkeypatch, config: str, fragments: list[str]) -> None:
    (tmp_path / ".mdcheck.toml").write_text(config)
    (tmp_path / "a.md").write_text("# A\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "a.md")
    assert code == 2
    assert ".mdcheck.toml" in err
    for fragment in fragments:
        assert fragment in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("kind", ["folder", "broken link"])
def test_a_config_that_is_no_file_is_an_error(tmp_path: Path, monkeypatch, kind: str) -> None:
    """A `.mdcheck.toml` folder, or a link to nothing, is not passed over for the defaults."""
    config = tmp_path / ".mdcheck.toml"
    config.mkdir() if kind == "folder" else config.symlink_to(tmp_path / "gone.toml")
    (tmp_path / "a.md").write_text("# A\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "a.md")
    assert code == 2 and ".mdcheck.toml: cannot read" in err and "Traceback" not in out + err


def test_a_config_with_a_byte_order_mark_is_read(tmp_path: Path, monkeypatch) -> None:
    """An editor may save .mdcheck.toml with a byte order mark, as Hugo reads hugo.toml with one."""
    (tmp_path / ".mdcheck.toml").write_bytes("\ufeff[rules]\nheading-level-skip = false\n".encode())
    (tmp_path / "a.md").write_text("# A\n\n### C\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "a.md")
    assert "heading-level-skip" not in out and code in (0, 1), out + err


def test_config_from_pyproject_and_per_file_ignores(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mdcheck]\n[tool.mdcheck.rules]\nfront-matter-required = { keys = ["title", "date"] }\n'
        '[tool.mdcheck.per-file-ignores]\n"legal/*.md" = ["front-matter-required"]\n'
    )
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "terms.md").write_text("Terms.\n")
    (tmp_path / "post.md").write_text('+++\ntitle = "x"\n+++\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--format", "json")
    problems = json.loads(out)["problems"]
    assert [(p["path"], p["message"]) for p in problems] == [("post.md", "front matter has no 'date'")]
    assert code == 1


def test_hostile_files_are_findings_and_others_still_checked(tmp_path: Path, monkeypatch) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "latin1.md").write_bytes(b"Caf\xe9\n")
    (content / "nul.md").write_bytes(b"+++\ntitle='x'\n+++\n\x00\x01")
    (content / "broken.md").write_text('+++\ntitle = "x\n+++\n')
    (content / "unclosed.md").write_text("---\ntitle: x\n")
    (content / "dir.md").mkdir()
    (content / "dir.md" / "inner.md").write_text('+++\ntitle = "Inner"\n+++\n')
    (content / "loop").mkdir()
    os.symlink(content / "loop", content / "loop" / "again")
    os.symlink(content / "missing.md", content / "dangling.md")
    (content / "good.md").write_text('+++\ntitle = "Good"\n+++\n\n[x](#nope)\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "content", "--format", "json")
    assert "Traceback" not in out + err
    assert code == 1
    found = {(p["path"], p["rule"]) for p in json.loads(out)["problems"]}
    assert found == {
        ("content/latin1.md", "file-encoding"),
        ("content/latin1.md", "front-matter-required"),  # a stray byte: the rest is read (no front matter)
        ("content/nul.md", "file-encoding"),
        ("content/broken.md", "front-matter-syntax"),
        ("content/unclosed.md", "front-matter-syntax"),
        ("content/dangling.md", "file-unreadable"),
        ("content/loop/again", "file-unreadable"),
        ("content/good.md", "broken-anchor"),
    }


def test_file_names_that_are_not_utf8_or_hold_a_newline(tmp_path: Path, monkeypatch) -> None:
    """Every format and the baseline take any file name Linux allows: undecodable bytes and
    control characters are escaped in text, quoted as bytes in SARIF, kept in JSON."""
    content = tmp_path / "content"
    content.mkdir()
    for name in (b"bad\xff.md", b"new\nline.md", b"a:b,c%.md"):
        (content / os.fsdecode(name)).write_text("[x](#nope)\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "content")
    assert code == 1 and "Traceback" not in out + err
    assert "content/bad\\udcff.md:1:1: error broken-anchor" in out
    assert "content/new\\nline.md:1:1: error broken-anchor" in out
    code, out, _ = invoke("check", "content", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"content/bad%FF.md", "content/new%0Aline.md", "content/a%3Ab%2Cc%25.md"}
    code, out, _ = invoke("check", "content", "--format", "json")
    names = (b"bad\xff.md", b"new\nline.md", b"a:b,c%.md")
    assert {p["path"] for p in json.loads(out)["problems"]} == {f"content/{os.fsdecode(n)}" for n in names}
    assert invoke("check", "content", "--write-baseline", "baseline.json")[0] == 0
    code, out, _ = invoke("check", "content", "--baseline", "baseline.json")
    assert code == 0 and "All clean" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="POSIX only")
def test_named_pipes_and_devices_are_never_read(tmp_path: Path, monkeypatch) -> None:
    """A named pipe would block the run and /dev/zero never ends: wherever mdcheck reads (a
    page, a section's front matter, a template, the site's word list) it reads regular
    files only."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    os.mkfifo(posts / "pipe.md")
    os.symlink("/dev/zero", posts / "_index.md")
    (tmp_path / "layouts" / "shortcodes").mkdir(parents=True)
    os.mkfifo(tmp_path / "layouts" / "shortcodes" / "x.html")
    os.symlink("/dev/zero", tmp_path / ".mdcheck-words.txt")
    (posts / "good.md").write_text('+++\ntitle = "Good"\n+++\n\n[x](#nope) {{< x >}}\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "--format", "json")
    assert code == 1 and "Traceback" not in out + err
    found = {(p["path"], p["rule"], p["message"]) for p in json.loads(out)["problems"]}
    assert ("content/posts/pipe.md", "file-unreadable", "is a named pipe, not a file") in found
    assert ("content/posts/good.md", "broken-anchor") in {(path, rule) for path, rule, _ in found}
    # a link to a device is told, from a folder's walk and named alike (its real path is no content's)
    told = ("content/posts/_index.md", "file-unreadable", "is a symbolic link to a device, not a file; not read")
    assert told in found
    code, out, _ = invoke("check", "--format", "json", "content/posts/_index.md")
    assert [(p["path"], p["rule"], p["message"]) for p in json.loads(out)["problems"]] == [told]


def test_a_file_whose_real_path_cannot_be_found_is_still_checked(tmp_path: Path, monkeypatch) -> None:
    """`os.path.realpath` raises where a link leads into a folder that may not be read (seen
    with /proc/1/cwd): the file is taken at its own path."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("[x](#nope)\n")
    (content / "b.md").write_text("[x](#nope)\n")
    realpath = os.path.realpath

    def guarded(path: object, *args: object, **kwargs: object) -> str:
        if str(path).endswith("a.md"):
            raise PermissionError(13, "Permission denied")
        return realpath(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", guarded)
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "content", "--format", "json")
    assert "Traceback" not in out + err and code == 1
    assert {p["path"] for p in json.loads(out)["problems"]} == {"content/a.md", "content/b.md"}


def test_missing_path_is_reported(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "nope.md")
    assert code == 1 and "nope.md:1:1: error file-unreadable no such file or directory" in out


def test_pages_in_a_language_without_dictionary_are_noted_once(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "ja"\n'
        '[languages.ja]\nweight = 1\n'
    )
    (tmp_path / "content").mkdir()
    for name in ("a", "b"):
        (tmp_path / "content" / f"{name}.md").write_text('+++\ntitle = "見出し"\n+++\n\n## Teh heading\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--source-only")
    assert "heading-typo: 2 pages in 'ja' not checked (no dictionary for it)" in out
    assert not [line for line in out.splitlines() if line.startswith("content/")]  # skipped


def test_a_word_of_one_language_is_no_correction_for_another(tmp_path: Path, monkeypatch) -> None:
    """Czech pages use `nebo` often: it is no correction for the Spanish `debo`, which the
    Spanish word list lacks; Spanish pages using it would make it one. Languages without a
    dictionary share one note."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\ndefaultContentLanguage = "es"\n[languages.es]\ncontentDir = "content/es"\n'
        '[languages.cs]\ncontentDir = "content/cs"\n[languages.sk]\ncontentDir = "content/sk"\n'
    )
    for language in ("cs", "sk"):
        (tmp_path / "content" / language).mkdir(parents=True)
        for number in range(5):
            (tmp_path / "content" / language / f"p{number}.md").write_text("---\ntitle: Strana\n---\n\nTo je nebo ne nebo.\n")
    (tmp_path / "content" / "es").mkdir()
    (tmp_path / "content" / "es" / "faq.md").write_text("---\ntitle: Preguntas\n---\n\n## ¿Qué debo hacer?\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--source-only")
    assert out.startswith("All clean")
    assert "heading-typo: 10 pages in 2 languages not checked (no dictionary for them): cs (5), sk (5)" in out
    (tmp_path / "content" / "es" / "otra.md").write_text("---\ntitle: Otra\n---\n\nnebo, nebo. Nebo: nebo; nebo\n")
    _, out, _ = invoke("check", "--source-only")
    assert "'debo' in heading looks like a typo of 'nebo'" in out


def test_ids_a_shortcode_template_writes_may_be_linked_to(tmp_path: Path, monkeypatch) -> None:
    """A page calling a shortcode whose template writes ids (`<h2 id="{{ . }}">`) may have
    any id: a fragment into it is not reported; one into another page still is."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "layouts" / "_shortcodes").mkdir(parents=True)
    (tmp_path / "layouts" / "_shortcodes" / "tools.html").write_text('{{ range .Params }}<h2 id="{{ . }}">{{ . }}</h2>{{ end }}')
    (tmp_path / "layouts" / "_shortcodes" / "note.html").write_text('<div class="note">{{ .Get 0 }}</div>')
    (tmp_path / "layouts" / "_shortcodes" / "box.html").write_text("<div>{{ .Inner | .Page.RenderString }}</div>")
    # Including a file or another page brings its headings (checked with hugo 0.168)
    (tmp_path / "layouts" / "_shortcodes" / "include.html").write_text('{{ os.ReadFile (.Get 0) | markdownify }}')
    (tmp_path / "layouts" / "_shortcodes" / "embed.html").write_text("{{ with site.GetPage (.Get 0) }}{{ .Content }}{{ end }}")
    (tmp_path / "layouts" / "_shortcodes" / "pageref.html").write_text(
        '{{ with site.GetPage (.Get 0) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "inc.md").write_text('+++\ntitle = "Included"\n+++\n\n{{< include "part.md" >}}\n')
    (tmp_path / "content" / "emb.md").write_text('+++\ntitle = "Embedded"\n+++\n\n{{< embed "/cli" >}}\n')
    (tmp_path / "content" / "ref.md").write_text('+++\ntitle = "Reference"\n+++\n\n{{< pageref "/cli" >}}\n')
    (tmp_path / "content" / "cli.md").write_text('+++\ntitle = "CLI"\n+++\n\n{{< tools "collector" "query" >}}\n')
    (tmp_path / "content" / "plain.md").write_text(
        '+++\ntitle = "Plain"\n+++\n\n{{< note "x" >}}\n\n{{< box id=warned >}}\nJust *text*.\n{{< /box >}}\n'
    )
    (tmp_path / "content" / "boxed.md").write_text('+++\ntitle = "Boxed"\n+++\n\n{{< box >}}\n## Inside\n{{< /box >}}\n')
    (tmp_path / "content" / "links.md").write_text(
        '+++\ntitle = "Links"\n+++\n\n[a](/cli/#collector) [b](/cli/#anything)\n\n[c](/plain/#nope)\n\n'
        "[d](/plain/#warned) [e](/boxed/#inside)\n\n[f](/inc/#from-file) [g](/emb/#from-page)\n\n[h](/ref/#nope)\n"
    )
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--source-only", "--format", "json")
    # `box` renders what it is given: a page is open only where that holds a heading; its `id`
    # parameter names an element
    assert {(p["path"], p["line"], p["rule"]) for p in json.loads(out)["problems"]} == {
        ("content/links.md", 7, "broken-anchor"),
        ("content/links.md", 13, "broken-anchor"),
    }


def test_shortcode_templates_are_found_whatever_the_case(tmp_path: Path, monkeypatch) -> None:
    """Hugo 0.168 looks templates up by lower-cased name (`{{< relRef >}}`, `MyBox.html`
    called as `mybox`), and pairs `{{< MyBox >}}` with `{{< /mybox >}}`; but its lexer
    requires a closing tag's name, as written, to be one opened before (verified)."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "layouts" / "_shortcodes").mkdir(parents=True)
    (tmp_path / "layouts" / "_shortcodes" / "MyBox.html").write_text("[{{ .Inner }}]")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "b.md").write_text('+++\ntitle = "B"\n+++\n\n## Part\n')
    (tmp_path / "content" / "a.md").write_text(
        '+++\ntitle = "A"\n+++\n\n[b]({{< relRef "b.md#part" >}}) [c]({{< Ref "b.md#nope" >}})\n\n'
        "{{< mybox >}}x{{< /mybox >}} {{< MYBOX >}}y{{< /MYBOX >}} {{< MyBox >}}z{{< /mybox >}}\n"
    )
    (tmp_path / "content" / "c.md").write_text('+++\ntitle = "C"\n+++\n\n{{< MyBox >}}x{{< /mybox >}}\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--format", "json")
    found = {(p["path"], p["line"], p["rule"]) for p in json.loads(out)["problems"]}
    assert {f for f in found if f[0] == "content/a.md"} == {("content/a.md", 5, "broken-anchor")}  # the Ref is a ref
    assert {f[0] for f in found if f[2].startswith("shortcode-")} == {"content/c.md"}


def test_a_url_two_pages_claim_has_no_known_ids(tmp_path: Path, monkeypatch) -> None:
    """`docs/a.md` and `docs/a/_index.md` both write /docs/a/, and which stays is down to
    timing (Hugo 0.168 wrote one and then the other over runs): duplicate-url reports it,
    and a fragment into that URL is not judged."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "content" / "docs" / "a").mkdir(parents=True)
    (tmp_path / "content" / "docs" / "a" / "_index.md").write_text('+++\ntitle = "Section"\n+++\n\n## Section part\n')
    (tmp_path / "content" / "docs" / "a.md").write_text('+++\ntitle = "Page"\n+++\n\n## Page part\n')
    (tmp_path / "content" / "links.md").write_text('+++\ntitle = "L"\n+++\n\n[x](/docs/a/#page-part) [y](/docs/a/#none)\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--source-only", "--format", "json")
    assert {p["rule"] for p in json.loads(out)["problems"]} == {"duplicate-url"}


@pytest.mark.parametrize("unsafe", [False, True])
def test_a_ref_in_an_html_comment_runs_only_where_hugo_keeps_raw_html(tmp_path: Path, monkeypatch, unsafe: bool) -> None:
    """Verified with Hugo 0.168: the comment, dropped by default, takes its ref with it; with
    unsafe = true the ref runs (and stops the build on a missing page)."""
    config = 'baseURL = "https://x.org/"\n' + ("[markup.goldmark.renderer]\nunsafe = true\n" if unsafe else "")
    (tmp_path / "hugo.toml").write_text(config)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text('+++\ntitle = "A"\n+++\n\n<!-- later: {{< relref "missing.md" >}} -->\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--source-only", "--format", "json")
    assert [p["rule"] for p in json.loads(out)["problems"]] == (["ref-not-found"] if unsafe else [])


@pytest.mark.hugo
def test_a_folder_in_no_hugo_site_is_read_as_hugos_content(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """A docs folder whose site is elsewhere (loki's docs/sources) is checked as Hugo's
    defaults build it as content: pages at lower-case URLs, a headless bundle's page
    unpublished, fragments of the page's own and other pages' links checked; the same
    findings as with a default config around it, which the real build agrees with."""
    files = {
        "docs/a/_index.md": "---\ntitle: A\n---\n\nSee [x](#nope), [y](./#nope2), [z](../b/#nope3), "
        "[w](../b/#real-heading), [p](../My-Page/), [q](../my-page/).\n",
        "docs/b/_index.md": "---\ntitle: B\n---\n\n## Real heading\n",
        "docs/My-Page.md": "---\ntitle: M\n---\n\nText.\n",
        "docs/shared/index.md": "---\nheadless: true\n---\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path / "docs")
    expected = [
        ("a/_index.md", 5, 5, "broken-anchor"), ("a/_index.md", 5, 17, "broken-anchor"),
        ("a/_index.md", 5, 32, "broken-anchor"), ("a/_index.md", 5, 75, "broken-link"),
    ]  # fmt: skip
    code, out, _ = invoke("check", "--no-cache", "--format", "json")
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(out)["problems"]] == expected
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\ncontentDir = "docs"\n')
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "list.html").write_text("{{ .Content }}")
    (tmp_path / "layouts" / "single.html").write_text("{{ .Content }}")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--no-cache", "--format", "json", "--build")
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(out)["problems"]] == [
        ("docs/" + path, line, column, rule) for path, line, column, rule in expected
    ]


def test_a_themes_readme_at_its_root_is_not_checked(tmp_path: Path, monkeypatch) -> None:
    """minimo's root: a config file of module settings beside `layouts/`, no content (its
    example site is below): the README a commit hook names is no page."""
    (tmp_path / "config.toml").write_text("[module]\n[module.hugoVersion]\nmin = '0.120.0'\n")
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "single.html").write_text("{{ .Content }}")
    (tmp_path / "README.md").write_text("# My theme\n\nA theme.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "README.md", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["problems"] == []
    assert any("not checked, as Hugo does not read them: README.md" in note for note in report["summary"]["notes"])


def test_markdown_outside_a_sites_content_is_not_checked(tmp_path: Path, monkeypatch) -> None:
    """A commit hook names every staged Markdown file: a README or CHANGELOG beside a Hugo
    site is not a page (Hugo does not read it), and its rules do not fit it."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("+++\ntitle = 'A'\n+++\n[x](#nope)\n")
    (tmp_path / "README.md").write_text("# Site\n\nSee [a](content/a.md).\n")
    (tmp_path / "CHANGELOG.md").write_text("No front matter.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "README.md", "CHANGELOG.md", "content/a.md", "--format", "json")
    report = json.loads(out)
    assert code == 1 and {p["path"] for p in report["problems"]} == {"content/a.md"}
    assert report["summary"]["notes"] == [
        "2 Markdown files outside the site's content (or left out by its ignoreFiles or disabled languages) not checked, as Hugo does "
        "not read them: README.md, CHANGELOG.md"
    ]
    # nor a vendored theme's README, though the theme has a config file of its own
    (tmp_path / "themes" / "t").mkdir(parents=True)
    (tmp_path / "themes" / "t" / "hugo.toml").write_text("[module]\n")
    (tmp_path / "themes" / "t" / "README.md").write_text("# Theme\n\nSee [the license](LICENSE).\n")
    code, out, _ = invoke("check", "themes/t/README.md", "content/a.md", "--format", "json")
    report = json.loads(out)
    assert code == 1 and {p["path"] for p in report["problems"]} == {"content/a.md"}
    assert "not checked, as Hugo does not read them: themes/t/README.md" in report["summary"]["notes"][0]
    # nor the site's config or a template, which are no Markdown either
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "single.html").write_text("{{ .Content }}")
    code, out, _ = invoke("check", "hugo.toml", "layouts/single.html", "--format", "json")
    assert json.loads(out)["summary"]["notes"] == [
        "2 files neither Markdown nor content (a config file, a template) not checked: hugo.toml, layouts/single.html"
    ]
    # A file of the content that the site's ignoreFiles leaves out is no page either
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\nignoreFiles = ["README\\\\.md$"]\n')
    (tmp_path / "content" / "README.md").write_text("No front matter.\n")
    code, out, _ = invoke("check", "content/README.md", "content", "--format", "json")
    report = json.loads(out)
    assert {p["path"] for p in report["problems"]} == {"content/a.md"}
    assert report["summary"]["notes"][-1].endswith("not read them: content/README.md")
    (tmp_path / "hugo.toml").unlink()  # no Hugo site: every file is checked
    code, out, _ = invoke("check", "README.md", "--format", "json")
    assert "README.md" in {p["path"] for p in json.loads(out)["problems"]}


def test_content_of_another_format_given_by_name_is_not_read_as_markdown(tmp_path: Path, monkeypatch) -> None:
    """An `_index.html` or `.org` page named on the command line is content Hugo renders as
    HTML or by its own reader: read as Markdown its raw HTML would be reported dropped, and a
    ref to it found twice. It is left out, with a note, and stays a page of the site."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n[security]\nallowContent = [".*"]\n')
    (tmp_path / "content" / "docs").mkdir(parents=True)
    (tmp_path / "content" / "docs" / "_index.html").write_text("---\ntitle: D\n---\n<h2 id=x>X</h2>\n")
    (tmp_path / "content" / "o.org").write_text('+++\ntitle = "O"\n+++\n* Heading\n')
    refs = '[o]({{< ref "o.org" >}}) [d]({{< ref "/docs" >}})'
    (tmp_path / "content" / "a.md").write_text(f'+++\ntitle = "A"\n+++\n\n{refs}\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "content/docs/_index.html", "content/o.org", "content/a.md", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["problems"] == []
    assert report["summary"]["notes"] == [
        "2 content files of another format than Markdown (HTML, AsciiDoc, reST, Org, Pandoc) not checked: "
        "content/docs/_index.html, content/o.org"
    ]


def test_the_site_is_found_from_the_first_path_inside_one(tmp_path: Path, monkeypatch) -> None:
    """A commit hook at the root of a repository whose site is in a subfolder lists the
    README first: the site is still found, from the first staged file inside it."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (site / "content" / "a.md").write_text("+++\ntitle = 'A'\n+++\nSee [b]({{< ref \"b.md\" >}}).\n")
    (tmp_path / "README.md").write_text("# Repository\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "README.md", "site/content/a.md", "--format", "json")
    report = json.loads(out)
    assert code == 1 and {(p["path"], p["rule"]) for p in report["problems"]} == {("site/content/a.md", "ref-not-found")}
    assert any("README.md" in note for note in report["summary"]["notes"])


def _repository_with_sites(root: Path, *names: str) -> None:
    """A repository: a README at its root and a Hugo site (raw HTML kept) in each folder."""
    (root / "README.md").write_text("# Repository\n\n<b>bold</b>\n")
    for name in names:
        site = root / name
        (site / "content").mkdir(parents=True)
        (site / "config.toml").write_text("[markup.goldmark.renderer]\nunsafe = true\n")
        (site / "content" / "a.md").write_text("+++\ntitle = 'A'\n+++\n<b>kept</b> and [b](#nowhere).\n")


@pytest.mark.parametrize("args", [(), (".",)])
def test_a_site_in_a_subfolder_is_found_from_the_repository_root(tmp_path: Path, monkeypatch, args) -> None:
    """`mdcheck check` at a repository's root (the whole-site hook, the Action) checks the
    one Hugo site below it with that site's config: raw HTML it keeps is no finding."""
    _repository_with_sites(tmp_path, "docs")
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "config.yaml").write_text("replicas: 2\n")  # no site: nothing beside it
    (tmp_path / "node_modules" / "pkg" / "site").mkdir(parents=True)
    (tmp_path / "node_modules" / "pkg" / "site" / "hugo.toml").write_text("")  # never searched
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", *args, "--source-only", "--format", "json")
    report = json.loads(out)
    assert {(p["path"], p["rule"]) for p in report["problems"]} == {("docs/content/a.md", "broken-anchor")}
    assert "No Hugo config in .: checked the site in docs" in report["summary"]["notes"]


def test_a_site_below_whose_content_is_made_before_the_build(tmp_path: Path, monkeypatch) -> None:
    """thanos: `website/` has a Hugo config, and its content is written by a generator
    before the build; from the repository's root, the summary says so."""
    (tmp_path / "website" / "layouts").mkdir(parents=True)
    (tmp_path / "website" / "hugo.yaml").write_text("baseURL: https://x.org/\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "design.md").write_text("# Design\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--source-only", "--format", "json")
    notes = json.loads(out)["summary"]["notes"]
    assert any("the Hugo sites below it have no content yet (website)" in note for note in notes), notes


def test_a_site_of_asciidoc_alone_says_so(tmp_path: Path, monkeypatch) -> None:
    """hop-website: all its content is AsciiDoc; "0 files checked" comes with why."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (tmp_path / "content" / "docs").mkdir(parents=True)
    (tmp_path / "content" / "docs" / "a.adoc").write_text("= A\n\ntext\n")
    (tmp_path / "content" / "_index.adoc").write_text("= Home\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--format", "json")
    notes = json.loads(out)["summary"]["notes"]
    assert any(note.startswith("no Markdown to check: the site's 2 content files are") for note in notes), notes


def test_several_sites_below_are_named_not_guessed(tmp_path: Path, monkeypatch) -> None:
    _repository_with_sites(tmp_path, "docs", "website")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--source-only", "--format", "json")
    report = json.loads(out)
    assert "raw-html-omitted" in {p["rule"] for p in report["problems"]}  # Hugo's defaults
    assert any("2 sites below it (docs, website)" in note for note in report["summary"]["notes"])


def test_a_themes_root_without_content_means_its_example_site(tmp_path: Path, monkeypatch) -> None:
    """A theme's root often has a Hugo config (its module settings) and no content; its
    example site is what there is to check."""
    (tmp_path / "hugo.toml").write_text("[module.hugoVersion]\nmin = '0.120.0'\n")
    (tmp_path / "layouts").mkdir()
    _repository_with_sites(tmp_path, "exampleSite")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--source-only", "--format", "json")
    report = json.loads(out)
    assert {(p["path"], p["rule"]) for p in report["problems"]} == {("exampleSite/content/a.md", "broken-anchor")}
    assert "The site in . has no content: checked the site in exampleSite" in report["summary"]["notes"]


def test_another_generators_site_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n")
    (tmp_path / "docusaurus.config.js").write_text("module.exports = {};\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--source-only", "--format", "json")
    notes = json.loads(out)["summary"]["notes"]
    assert any("looks like a Docusaurus site (docusaurus.config.js)" in note for note in notes)


SHORTCODES_EVERYWHERE = """---
title: A {{< param x >}} titel
---

# Heading {{< param x >}} heding

#### Skipped {{< param x >}}

<div>
[link {{< param x >}}](/x/{{< param y >}}) and **bold {{< param x >}}**
</div>

See [missing {{< param x >}}](#nowhere-{{< param x >}}) and [ref {{< param x >}}][undefined-{{< param x >}}].

Text ** spaced {{< param x >}} ** and the the {{< param x >}} x, 1**.2{{< param x >}}**.

![](/img/{{< param x >}}.png) [text] (http://x/{{< param x >}}) [^nope{{< param x >}}]

| a {{< param x >}} | b |
|---|---|
| 1 | 2 | 3 {{< param x >}} |
"""


def test_messages_show_shortcodes_as_written(tmp_path: Path, monkeypatch) -> None:
    """Shortcodes are parsed as placeholders (as in Hugo); no message may show one."""
    (tmp_path / "content").mkdir()
    (tmp_path / "hugo.toml").write_text("[markup.goldmark.renderer]\nunsafe = true\n")
    (tmp_path / "content" / "a.md").write_text(SHORTCODES_EVERYWHERE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--format", "json")
    problems = json.loads(out)["problems"]
    assert len({p["rule"] for p in problems}) >= 8
    # (heading-shortcode-id names the id Hugo makes of one: in lower case)
    assert not [p["message"] for p in problems if "HAHAHUGOSHORTCODE" in p["message"]]
    assert any("[^nope{{< param x >}}]" in p["message"] for p in problems)


def test_each_file_checked_alone_gets_its_findings_of_the_whole_site(in_site: Path) -> None:
    """A run of some files reads the others for the site's sake only: each file's findings
    are those a run of the whole site gives it, no more, no fewer."""
    _, out, _ = invoke("check", "--format", "json", "--no-cache")
    whole = json.loads(out)["problems"]
    for path in sorted({p["path"] for p in whole} | {str(f) for f in Path("content").rglob("*.md")}):
        _, out, _ = invoke("check", "--format", "json", "--no-cache", path)
        assert json.loads(out)["problems"] == [p for p in whole if p["path"] == path], path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_file_checked_alone_is_not_failed_by_the_site_files_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit hook's run: another file of the site that is too large or a named pipe is
    read for the site's sake only, and reported when it is checked itself."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / ".mdcheck.toml").write_text("max-file-size = 1000\n")
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "ok.md").write_text("---\ntitle: Ok\n---\n\nHello.\n")
    (posts / "large.md").write_text("---\ntitle: Large\n---\n\n" + "word " * 400)
    os.mkfifo(posts / "pipe.md")
    monkeypatch.chdir(tmp_path)
    assert invoke("check", "--no-cache", "content/posts/ok.md")[0] == 0
    code, out, _ = invoke("check", "--no-cache", "--format", "json")
    assert code == 1
    assert sorted((p["path"], p["rule"]) for p in json.loads(out)["problems"]) == [
        ("content/posts/large.md", "file-unreadable"),
        ("content/posts/pipe.md", "file-unreadable"),
    ]


NUMBER = "1" * 5000  # more digits than Python reads by default


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({"hugo.toml": f'baseURL = "https://e.org/"\nx = {NUMBER}\n'}, [], "hugo.toml: invalid TOML: a number"),
        ({"hugo.yaml": f"baseURL: https://e.org/\nparams:\n  x: {NUMBER}\n"}, [], "hugo.yaml: invalid YAML: a number"),
        ({"hugo.json": f'{{"baseURL": "https://e.org/", "x": {NUMBER}}}'}, [], "hugo.json: invalid JSON: a number"),
        ({".mdcheck.toml": f"max-file-size = {NUMBER}\n"}, [], ".mdcheck.toml: invalid TOML: a number"),
        ({"b.json": f'{{"version": {NUMBER}}}'}, ["--baseline", "b.json"], "invalid JSON: a number has more"),
        ({"b.json": "[" * 100_000}, ["--baseline", "b.json"], "invalid JSON: it nests values too deeply"),
        ({}, ["--jobs", "9" * 20], "is not in the range"),
    ],
)
def test_hostile_configuration_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], args: list[str], message: str
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"---\ntitle: A\nx: {NUMBER}\n---\n\nHello.\n")
    for name, text in {"hugo.toml": 'baseURL = "https://e.org/"\n', **files}.items():
        (tmp_path / name).write_text(text)
    if "hugo.toml" not in files and any(name.startswith("hugo.") for name in files):
        (tmp_path / "hugo.toml").unlink()
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("check", "--no-cache", *args, ".")
    assert code == 2 and message in err, err
    assert "Traceback" not in err and "internal error" not in err


def test_a_front_matter_number_too_long_to_read_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://e.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"---\ntitle: A\nx: {NUMBER}\n---\n\nHello.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--no-cache", "--format", "json")
    assert code == 1
    assert [(p["rule"], p["message"]) for p in json.loads(out)["problems"]] == [
        ("front-matter-syntax", "invalid YAML: a number has more than 4,300 digits")
    ]


@pytest.mark.hugo
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_build_is_not_run_on_a_site_holding_a_named_pipe(
    hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo would block reading it: the build is refused, and the rendered pass checks
    mdcheck's own rendering (exit 2, as for a failed build)."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\n\nHello.\n")
    os.mkfifo(tmp_path / "content" / "pipe.md")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "--no-cache", "--build")
    assert code == 2
    assert "--build: content/pipe.md is a named pipe, not a file: Hugo would wait forever reading it" in out + err


@pytest.mark.skipif(os.name != "posix", reason="a shell script as the binary")
@pytest.mark.parametrize("errors", ["", "ERROR error building site: render failed\n"])
def test_a_build_that_never_exits_after_it_is_done_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: str
) -> None:
    """Hugo 0.168 sometimes stays idle after a failed build's `Total in … ms` (about one run in
    eight on a template error): it is stopped after a grace period, its errors kept; a build
    that ends its output with no error is taken as done. (A script stands in for the binary:
    the real one hangs only now and then.)"""
    script = tmp_path / "hugo"
    script.write_text(f"#!/bin/sh\nprintf 'Total in 13 ms\\n'\nprintf '{errors}' >&2\nexec sleep 60\n")
    script.chmod(0o755)
    monkeypatch.setattr(hugo_runner, "EXIT_GRACE", 0.5)
    started = time.monotonic()
    if errors:
        with pytest.raises(hugo_runner.BuildFailed, match="ERROR error building site: render failed"):
            hugo_runner._run(str(script), "--source", str(tmp_path))
    else:
        assert hugo_runner._run(str(script), "--source", str(tmp_path)) == "Total in 13 ms\n"
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="CPU time read from /proc")
@pytest.mark.parametrize("busy", [False, True])
def test_a_build_that_makes_no_progress_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, busy: bool
) -> None:
    """A Hugo that uses no CPU time and writes nothing (waiting for a network there is none
    of, hung: vitess's RSS template) is stopped once it has made no progress for a while; one
    whose child works (PostCSS, Dart Sass) is not. (A script stands in for the binary.)"""
    script = tmp_path / "hugo"
    work = "sh -c 'end=$(($(date +%s) + 3)); while [ $(date +%s) -lt $end ]; do :; done'" if busy else "sleep 60"
    script.write_text(f"#!/bin/sh\necho 'ERROR the tweet shortcode was removed' >&2\n{work}\nprintf 'Total in 3000 ms\\n'\n")
    script.chmod(0o755)
    monkeypatch.setattr(hugo_runner, "STALL_LIMIT", 1.0)
    monkeypatch.setattr(hugo_runner, "_STALL_LOOK", 0.2)
    monkeypatch.setattr(hugo_runner, "_POLL", 0.2)
    started = time.monotonic()
    if busy:
        assert hugo_runner._run(str(script), "--source", str(tmp_path)) == "Total in 3000 ms\n"
    else:
        with pytest.raises(hugo_runner.HugoError, match="hugo --source failed: no progress in 1 seconds") as raised:
            hugo_runner._run(str(script), "--source", str(tmp_path))
        assert raised.value.args[0].endswith("\n  ERROR the tweet shortcode was removed")  # what it said before
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="CPU time read from /proc")
def test_a_build_stopped_for_no_progress_is_a_failed_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung build (a template's `resources.GetRemote` waiting on a host that never answers)
    is a failed build: the findings of the source pass and of mdcheck's own rendering are
    reported, the JSON whole, with Hugo's failure noted; exit 2. (A script stands in.)"""
    script = tmp_path / "bin" / "hugo"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\nexec sleep 60\n")
    script.chmod(0o755)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (site / "content" / "a.md").write_text("---\ntitle: A\n---\n\nSee [here](#nowhere).\n")
    monkeypatch.setattr(hugo_runner, "find_binary", lambda: str(script))
    monkeypatch.setattr(hugo_runner, "STALL_LIMIT", 1.0)
    monkeypatch.setattr(hugo_runner, "_STALL_LOOK", 0.2)
    monkeypatch.setattr(hugo_runner, "_POLL", 0.2)
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, ["check", "--build", "--no-cache", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [(p["rule"], p["line"]) for p in report["problems"]] == [("broken-anchor", 5)]
    assert any("no progress in 1 seconds" in note for note in report["summary"]["notes"])


def test_a_hung_build_that_collects_its_garbage_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung Go program still uses a little CPU time now and then (its forced garbage
    collection: half a second every two minutes, pipecd's hung RSS template): too little
    over the whole time to count as progress. (Its CPU time is told by a stand-in.)"""
    script = tmp_path / "hugo"
    script.write_text("#!/bin/sh\nexec sleep 60\n")
    script.chmod(0o755)
    started = time.monotonic()

    def tree(pid: int) -> tuple[set[int], float]:
        spikes = int((time.monotonic() - started) / 1.5)  # 0.06 s of CPU time every 1.5 s
        return {pid}, 0.06 * spikes

    monkeypatch.setattr(hugo_runner, "_process_tree", tree)
    monkeypatch.setattr(hugo_runner, "STALL_LIMIT", 3.0)
    monkeypatch.setattr(hugo_runner, "_STALL_SHARE", 0.05)
    monkeypatch.setattr(hugo_runner, "_STALL_LOOK", 0.2)
    monkeypatch.setattr(hugo_runner, "_POLL", 0.2)
    with pytest.raises(hugo_runner.HugoError, match="no progress in 3 seconds"):
        hugo_runner._run(str(script), "--source", str(tmp_path))
    assert time.monotonic() - started < 15


def test_a_build_that_panics_is_told_by_its_panic(tmp_path: Path) -> None:
    """crossplane's production build: Hugo logs errors it survives (refs), then panics on
    what stops it (no PostCSS). The failure tells the panic first, not the errors before
    it, nor the stack trace after it. (A script stands in for the binary.)"""
    script = tmp_path / "hugo"
    script.write_text(
        "#!/bin/sh\necho 'ERROR [en] REF_NOT_FOUND: Ref \"a\": page not found' >&2\n"
        "echo 'panic: POSTCSS: binary with name \"postcss\" not found in PATH' >&2\n"
        "echo 'goroutine 1 [running]:' >&2\necho '\tgolang.org/x/sync/errgroup.go:78 +0xa5' >&2\nexit 2\n"
    )
    script.chmod(0o755)
    with pytest.raises(hugo_runner.BuildFailed) as raised:
        hugo_runner._run(str(script), "--source", str(tmp_path))
    lines = raised.value.args[0].splitlines()
    assert lines[1].strip().startswith("panic: POSTCSS") and "REF_NOT_FOUND" in lines[2]
    assert "errgroup" not in raised.value.args[0]


def test_a_build_with_no_answer_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    script = tmp_path / "hugo"
    script.write_text("#!/bin/sh\nexec sleep 60\n")
    script.chmod(0o755)
    with pytest.raises(hugo_runner.HugoError, match="hugo --source failed: no answer in 1 seconds"):
        hugo_runner._run(str(script), "--source", str(tmp_path), timeout=1)


def _long_run(root: Path, pages: int, jobs: str, stderr: int) -> subprocess.Popen[bytes]:
    """`mdcheck check` started on a site of `pages` long pages, in a process group of its own."""
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    for index in range(pages):
        (posts / f"p{index}.md").write_text(f"---\ntitle: P{index}\n---\n\n" + "Some words in a line.\n\n" * 300)
    return subprocess.Popen(
        [sys.executable, "-m", "validator", "check", "--no-cache", "--jobs", jobs],
        cwd=root, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True,
    )


def _signalled_group(process: subprocess.Popen[bytes], signum: int, seconds: float) -> int:
    """The exit code of `process` once its group is sent `signum`; the group killed after."""
    os.killpg(process.pid, signum)
    try:
        return process.wait(timeout=seconds)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_a_second_sigterm_ends_the_run_at_once(tmp_path: Path) -> None:
    """`timeout` signals the process, then its group: the second SIGTERM ends the run at
    once, whatever the first one's unwinding is at (exit 143)."""
    process = _long_run(tmp_path, 400, "1", subprocess.DEVNULL)
    time.sleep(1.5)
    process.send_signal(signal.SIGTERM)
    assert _signalled_group(process, signal.SIGTERM, 10) in (143, 0, 1)  # 0 or 1: it had finished


@pytest.mark.parametrize("where", ["/", "."])
def test_html_at_the_filesystems_root_or_the_sites_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """`--html /` would walk the whole filesystem (/proc, /sys…) for minutes, and the site's
    own folder holds templates and a theme's HTML: both are refused with a usage error."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\n---\n\nHello.\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "--no-cache", "--html", where)
    assert code == 2
    assert "the HTML to check" in out + err and ("filesystem's root" if where == "/" else "site's folder") in out + err


@pytest.mark.skipif(os.name != "posix", reason="process groups")
@pytest.mark.parametrize("delay", [0.6, 1.2])
def test_ctrl_c_stops_a_run_with_workers_at_once(tmp_path: Path, delay: float) -> None:
    """Ctrl-C reaches the main process and its workers (a terminal signals the whole group):
    the run stops with exit 130, leaving no process behind."""
    process = _long_run(tmp_path, 600, "2", subprocess.PIPE)
    time.sleep(delay)
    code = _signalled_group(process, signal.SIGINT, 30)
    assert code in (130, 0, 1)  # 0 or 1: it had finished
    if code == 130:
        assert process.stderr is not None and b"mdcheck: interrupted" in process.stderr.read()


@pytest.mark.skipif(os.name != "posix", reason="process groups")
@pytest.mark.parametrize("delay", [0.8, 1.2, 1.6])
def test_a_sigterm_to_a_run_with_workers_ends_it_at_once(tmp_path: Path, delay: float) -> None:
    """`timeout` signals the whole group: the workers end at once (one ended as it wrote its
    result must not leave the pool waiting for the rest of it), the run exits 143 with no
    traceback, and no process is left behind."""
    process = _long_run(tmp_path, 600, "4", subprocess.PIPE)
    time.sleep(delay)
    code = _signalled_group(process, signal.SIGTERM, 20)
    assert code in (143, 0, 1)  # 0 or 1: it had finished
    assert process.stderr is not None and b"Traceback" not in process.stderr.read()


def test_ctrl_c_while_the_modules_load_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl-C that comes while mdcheck's modules load (the first run after an install
    compiles them: long enough for an impatient key) is held until they are loaded, then
    ends the run as one during it does."""

    class Interrupting:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "validator.cli":
                os.kill(os.getpid(), signal.SIGINT)  # a Ctrl-C as the module loads

    monkeypatch.delitem(sys.modules, "validator.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    with pytest.raises(SystemExit) as stopped:
        run()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "mdcheck: interrupted\n"


def test_a_sigterm_while_the_modules_load_exits_143_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """`timeout` may signal a run that has not finished loading (a slow first start): the
    signal is held, then the run ends with 143, as one during it does."""

    class Terminating:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "validator.cli":
                os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.delitem(sys.modules, "validator.cli")
    monkeypatch.setattr(sys, "meta_path", [Terminating(), *sys.meta_path])
    with pytest.raises(SystemExit) as stopped:
        run()
    assert stopped.value.code == 143


def test_a_rendered_page_too_crowded_to_parse_is_reported_at_its_markdown_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    attributes = " ".join(f"k{i}=v" for i in range(10_001))
    (tmp_path / "content" / "a.md").write_text(f"---\ntitle: A\n---\n\n## H {{{attributes}}}\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--no-cache", "--format", "json")
    assert code == 1
    assert [(p["path"], p["rule"]) for p in json.loads(out)["problems"]] == [("content/a.md", "file-unreadable")]


def test_a_value_quoted_whole_keeps_a_message_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A finding that quotes a 20,000-letter shortcode parameter or ref keeps its start and
    end, and says how much it left out: each report line stays readable."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        "---\ntitle: A\n---\n\n[x]({{< ref \"" + "a" * 20_000 + "\" >}})\n"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--no-cache", "--format", "json")
    messages = [p["message"] for p in json.loads(out)["problems"]]
    assert messages and all(len(message) < 1_100 for message in messages)
    assert any("characters left out" in message for message in messages)


def test_output_read_in_part_ends_the_run_quietly(tmp_path: Path) -> None:
    """`mdcheck check | head -1`: the reader goes away, and mdcheck stops as a Unix tool does
    on SIGPIPE (exit 141), with no internal error."""
    (tmp_path / "a.md").write_text("# A\n\n" + "[x](#nowhere)\n\n" * 5_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", "check", "--no-cache", "--source-only", "-q", "a.md"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"a.md:")
    process.stdout.close()
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""


@pytest.mark.parametrize("theme", [False, True])
def test_outputs_must_name_the_sites_output_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: bool) -> None:
    """`outputs = ["html", "jsn"]` stops Hugo's build (checked with hugo 0.168); a format of
    Hugo's own or one `[outputFormats]` defines is fine. With a theme not found, which may
    define others, no name is judged."""
    config = 'baseURL = "https://example.org/"\n' + ('theme = "gone"\n' if theme else "")
    (tmp_path / "hugo.toml").write_text(config + '[outputFormats.Print]\nmediaType = "text/html"\nbaseName = "print"\n')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\ntitle: A\noutputs: [html, print, RSS]\n---\n\nText.\n")
    (tmp_path / "content" / "b.md").write_text("---\ntitle: B\noutputs: [html, jsn]\n---\n\nText.\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--no-cache", "--source-only", "--format", "json")
    found = [(p["path"], p["line"]) for p in json.loads(out)["problems"] if p["rule"] == "front-matter-type"]
    assert found == ([] if theme else [("content/b.md", 3)])


@pytest.mark.parametrize(
    "options, named",
    [(["--build", "--html", "public"], "--build and --html are exclusive"),
     (["--source-only", "--build"], "--source-only checks no rendered HTML: drop it, or --build"),
     (["--source-only", "--html", "public"], "--source-only checks no rendered HTML: drop it, or --html")],
)
def test_options_that_contradict_each_other_are_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], named: str
) -> None:
    """Neither is silently dropped: `--source-only --build` ran no build, and said nothing."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "public").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "--no-cache", *options)
    assert code == 2 and named in out + err


def test_files_of_two_sites_are_each_checked_with_their_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository with `docs/` and `blog/` sites, a hook given a staged file of each: each
    is checked with its site (a broken anchor in blog's file was left out as outside the
    first site's content); the exit code is the worst of the runs. One JSON report cannot
    hold two runs: that is a usage error."""
    for name in ("docs", "blog"):
        (tmp_path / name / "content").mkdir(parents=True)
        (tmp_path / name / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "docs" / "content" / "a.md").write_text("---\ntitle: A\n---\n\n## Setup\n\n[s](#setup)\n")
    (tmp_path / "blog" / "content" / "a.md").write_text("---\ntitle: A\n---\n\n[n](#nowhere)\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("check", "--no-cache", "docs/content/a.md", "blog/content/a.md")
    assert code == 1 and "blog/content/a.md:5:1: error broken-anchor" in out
    assert "mdcheck: the site in docs" in err and "mdcheck: the site in blog" in err
    code, out, err = invoke("check", "--no-cache", "--format", "json", "docs/content/a.md", "blog/content/a.md")
    assert code == 2 and "the paths are in 2 Hugo sites" in out + err


def test_a_file_a_site_mounts_from_outside_is_checked_with_that_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`site/hugo.toml` mounts `../docs` as content: a hook at the repository's root given
    `docs/e.md` alone checks it with that site (its anchors, its shortcodes), not with
    Hugo's defaults."""
    (tmp_path / "site" / "content").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "site" / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "../docs"\ntarget = "content/docs"\n'
    )
    (tmp_path / "site" / "content" / "a.md").write_text("---\ntitle: A\n---\n\n## Real\n")
    (tmp_path / "docs" / "e.md").write_text("---\ntitle: E\n---\n\n[a](/a/#nope)\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--no-cache", "--format", "json", "docs/e.md")
    assert [(p["path"], p["rule"]) for p in json.loads(out)["problems"]] == [("docs/e.md", "broken-anchor")]


@pytest.mark.parametrize("config", ['exclude = ["content/docs/**"]\n', 'include = ["content/posts/**"]\n'])
def test_a_page_left_out_of_the_check_stays_a_page_of_the_site(tmp_path: Path, monkeypatch, config: str) -> None:
    """`exclude` (or an `include` that leaves a page out) says which files are checked, not
    which pages the site has: a link into a page left out is judged against it, and the
    page's own findings are not reported."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / ".mdcheck.toml").write_text(config)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "docs").mkdir()
    (tmp_path / "content" / "posts" / "a.md").write_text(
        "---\ntitle: A\n---\n\n[ok](/docs/guide/) [bad](/docs/guide/#configure)\n"
    )
    (tmp_path / "content" / "docs" / "guide.md").write_text("---\ntitle: G\n---\n\n## Configuration\n\n[x](#nope)\n")
    monkeypatch.chdir(tmp_path)
    for mode in ((), ("--source-only",)):
        code, out, _ = invoke("check", "--no-cache", "--format", "json", *mode)
        found = {(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(out)["problems"]}
        assert code == 1 and found == {("content/posts/a.md", 5, 20, "broken-anchor")}, mode


def test_pages_whose_url_is_not_known_are_told(tmp_path: Path, monkeypatch) -> None:
    """A permalink of the date Hugo reads from git: the page's URL is not known without a
    build, and the summary says so, rather than check nothing of it without a word."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[permalinks]\nposts = "/:year/:slug/"\n[frontmatter]\ndate = [":git"]\n'
    )
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "a.md").write_text("---\ntitle: A\n---\n\n[x](#nope)\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--format", "json")
    notes = json.loads(out)["summary"]["notes"]
    assert any(note.startswith("1 page whose URL mdcheck cannot tell (content/posts/a.md:") for note in notes)

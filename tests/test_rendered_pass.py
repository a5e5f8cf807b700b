"""The rendered pass through the CLI: a real Hugo build (--html), --build, and mdcheck's own
rendering agree on every defect the embedded renderer can see, at the Markdown line."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, build_site, check_text
from validator import engine
from validator.checks.core.build_failed import build_errors
from validator.cli import main
from validator.document import parse_document
from validator.render import render_document

RENDERED = "content/posts/rendered-defects.md"
PLANTED = "content/posts/planted-defects.md"
VALID = "content/posts/anchors-done-right.md"

# What every mode must find (path, line, rule): defects the embedded renderer can see too.
COMMON = {
    (RENDERED, 8, "broken-link"),
    (RENDERED, 9, "broken-anchor"),
    (RENDERED, 10, "broken-anchor"),
    (RENDERED, 14, "empty-link"),
    (RENDERED, 18, "duplicate-heading-id"),
    (RENDERED, 24, "image-alt"),
    (RENDERED, 26, "unrendered-markup"),
    (PLANTED, 6, "broken-anchor"),
    (PLANTED, 7, "footnote-undefined"),
    # the HTML the `notice` template writes, omitted from a {{% %}} call's output (Markdown)
    (RENDERED, 29, "raw-html-omitted"),
}
# Only Hugo's real output shows these: missing static files.
HUGO_ONLY = {
    (RENDERED, 12, "broken-link"),
    (RENDERED, 24, "broken-link"),
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", root, ignore=shutil.ignore_patterns("public", "resources"))
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


SINGLE = "<html><body>{{ .Content }}</body></html>"
# What a legacy shortcode template declares first: Hugo renders a `{{% %}}` call's content apart
LEGACY = '{{ $_hugo_config := `{ "version": 1 }` }}\n'


def findings(*args: str) -> set[tuple[str, int, str]]:
    return {(p["path"], p["line"], p["rule"]) for p in problems(*args)}


def problems(*args: str) -> list[dict[str, Any]]:
    """The findings of `mdcheck check --format json ARGS`, in order."""
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["problems"]


def failed_build() -> dict[str, Any]:
    """The output of `mdcheck check --build --format json` of a site whose Hugo build fails
    (exit 2)."""
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    return json.loads(result.stdout)


def located(rule: str, *args: str) -> list[tuple[str, int, int]]:
    """Where `mdcheck check --format json ARGS` finds `rule`'s defects: (path, line, column)."""
    return [(p["path"], p["line"], p["column"]) for p in problems(*args) if p["rule"] == rule]


def assert_located_alike(rule: str, expected: list[tuple[str, int, int]]) -> None:
    """mdcheck finds `rule`'s defects at `expected` with its own rendering and with a build."""
    assert located(rule) == expected
    assert located(rule, "--build") == expected


def assert_found_alike(hugo: str, root: Path, rule: str, expected: list[tuple[str, int, int]]) -> None:
    """mdcheck finds `rule`'s defects at `expected` with its own rendering, and again with
    Hugo's build of the site (left in `root/public` for the test to look at)."""
    assert located(rule) == expected
    build_site(hugo, root, root / "public")
    assert located(rule, "--html", "public") == expected


def assert_site_found_alike(
    root: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, files: dict[str, str], config: str, rule: str,
    expected: list[tuple[str, int, int]], shows: tuple[str, str] | None = None,
) -> None:
    """`assert_found_alike` in the `small_site` of `files` and `config`; with `shows` (a
    page's path in the build and a text), Hugo's build of it writes that text there."""
    small_site(root, files, config)
    monkeypatch.chdir(root)
    assert_found_alike(hugo, root, rule, expected)
    if shows is not None:
        assert shows[1] in (root / "public" / shows[0]).read_text("utf-8")


def rendered_only(found: set[tuple[str, int, str]]) -> set[tuple[str, int, str]]:
    return {f for f in found if f[0] in (RENDERED, PLANTED, VALID)}


def small_site(root: Path, files: dict[str, str], config: str = "") -> None:
    """A Hugo site of `files` (paths under the root), with a page template printing the
    content unless `files` has its own."""
    files = {"hugo.toml": 'baseURL = "https://x.org/"\n' + config, "layouts/single.html": SINGLE, **files}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


@pytest.mark.hugo
def test_three_ways_agree(site: Path, hugo: str) -> None:
    embedded = rendered_only(findings())
    build_site(hugo, site, site / "public")
    published = rendered_only(findings())  # the built publishDir is picked up by default
    explicit = rendered_only(findings("--html", "public"))
    shutil.rmtree(site / "public")
    built = rendered_only(findings("--build"))
    assert COMMON <= embedded
    for mode in (published, explicit, built):
        assert COMMON <= mode
        assert HUGO_ONLY <= mode
    assert published == explicit == built
    assert not HUGO_ONLY & embedded


@pytest.mark.hugo
def test_valid_tricky_links_give_no_link_findings(site: Path, hugo: str) -> None:
    found = findings("--build", VALID)
    assert {rule for path, _, rule in found if path == VALID} <= {"raw-html-omitted"}


@pytest.mark.hugo
def test_pages_of_content_that_is_not_markdown_are_linked_to(site: Path, hugo: str) -> None:
    """Hugo makes a page of an HTML content file its security policy allows (by default it
    refuses to build): the embedded renderer's site has it too, at its front matter's place.
    Two links on one line are two findings."""
    (site / "content" / "posts" / "stats.html").write_text('---\ntitle: Stats\nslug: statistics\n---\n<p>Numbers.</p>\n')
    (site / "content" / "posts" / "links-to-html.md").write_text(
        '+++\ntitle = "Links"\n+++\n\n[stats](/posts/statistics/) [none](/posts/stats/) [nor](/posts/nothing/)\n'
    )
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    denied = [p for p in json.loads(result.stdout)["problems"] if p["path"] == "content/posts/links-to-html.md"]
    assert [p["column"] for p in denied] == [1, 29, 51]
    with (site / "hugo.toml").open("a") as config:
        config.write('\n[security]\nallowContent = ["^text/markdown$", "^text/html$"]\n')
    embedded = {f for f in findings() if f[0] == "content/posts/links-to-html.md"}
    assert embedded == {("content/posts/links-to-html.md", 5, "broken-link")}
    result = CliRunner().invoke(main, ["check", "--format", "json", "--build"], catch_exceptions=False)
    built = [p for p in json.loads(result.stdout)["problems"] if p["path"] == "content/posts/links-to-html.md"]
    assert sorted((p["line"], p["column"], p["rule"]) for p in built) == [(5, 29, "broken-link"), (5, 51, "broken-link")]


@pytest.mark.hugo
def test_refs_find_the_pages_of_content_that_is_not_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`ref`/`relref` find the page Hugo makes of an HTML or Org content file, whose ids are
    unknown until Hugo builds it (mdcheck does not read its content), and Markdown at its
    URL is a duplicate.
    Under Hugo's default security policy, which refuses such files and stops the build,
    each is reported (content-refused); a run of some files alone notes them. Checked
    against the real build."""
    kinds = 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n' + kinds)
    for layout in ("single", "list"):
        (tmp_path / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
        (tmp_path / "layouts" / "_default" / f"{layout}.html").write_text("<html><body>{{ .Content }}</body></html>")
    (tmp_path / "content" / "docs" / "yaml").mkdir(parents=True)
    (tmp_path / "content" / "docs" / "yaml" / "_index.html").write_text('---\ntitle: Y\n---\n<h2 id="x">X</h2>\n')
    (tmp_path / "content" / "b").mkdir()
    (tmp_path / "content" / "b" / "o.org").write_text('+++\ntitle = "O"\nslug = "org-page"\n+++\n* Heading\n')
    (tmp_path / "content" / "a.md").write_text(
        '+++\ntitle = "A"\n+++\n\n[y]({{< relref "/docs/yaml#x" >}}) [o]({{< ref "o.org" >}}) '
        '[p](/b/org-page/#any) [q]({{< relref "/b/o#y" >}})\n'
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--source-only"], catch_exceptions=False)
    output = json.loads(result.stdout)
    assert [(p["path"], p["column"], p["rule"]) for p in output["problems"]] == [
        ("content/a.md", 5, "ref-not-found"), ("content/a.md", 40, "ref-not-found"), ("content/a.md", 87, "ref-not-found"),
        ("content/b/o.org", 1, "content-refused"), ("content/docs/yaml/_index.html", 1, "content-refused"),
    ]  # fmt: skip
    assert "Hugo refuses its file, content/docs/yaml/_index.html (text/html is not" in output["problems"][0]["message"]
    assert output["problems"][3]["message"].startswith("Hugo refuses content files of type text/org (denied since 0.168)")
    assert not any("allowContent" in note for note in output["summary"]["notes"])
    result = CliRunner().invoke(main, ["check", "--format", "json", "--source-only", "content/a.md"], catch_exceptions=False)
    notes = json.loads(result.stdout)["summary"]["notes"]
    assert [note.split(" unless")[0] for note in notes if "allowContent" in note] == [
        "Hugo refuses content files of type text/html", "Hugo refuses content files of type text/org"
    ]
    with (tmp_path / "hugo.toml").open("a") as config:
        config.write("[security]\nallowContent = ['.*']\n")
    assert findings() == set()
    # Hugo's output tells the ids: its Org heading is `headline-1`
    assert located("broken-anchor", "--build") == [("content/a.md", 5, 61), ("content/a.md", 5, 83)]
    assert (tmp_path / "content" / "c.md").write_text('+++\ntitle = "C"\nurl = "/b/org-page/"\n+++\n')
    assert findings("--source-only") == {("content/c.md", 1, "duplicate-url")}


@pytest.mark.hugo
@pytest.mark.parametrize(("layout", "reported"), [("{{ .Content }}", False), ("<h1>{{ .Title }}</h1>{{ .Content }}", True)])
def test_hugos_output_tells_whether_the_theme_prints_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, layout: str, reported: bool
) -> None:
    """content-h1 reads whether the site's page templates write an h1; Hugo's output agrees."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (tmp_path / "layouts" / "_default").mkdir(parents=True)
    (tmp_path / "layouts" / "_default" / "single.html").write_text(f"<html><body>{layout}</body></html>")
    (tmp_path / "layouts" / "_default" / "list.html").write_text("<html><body></body></html>")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text('+++\ntitle = "A"\n+++\n\n# A heading\n\nText.\n')
    monkeypatch.chdir(tmp_path)
    assert (("content/a.md", 5, "content-h1") in findings()) is reported
    assert (("content/a.md", 5, "content-h1") in findings("--build")) is reported


@pytest.mark.hugo
def test_a_shortcode_written_with_escaped_braces_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`\\{\\{< relref "x" >}}` prints the call as text (checked with hugo 0.168): the leak is
    reported at the Markdown line that writes it, with mdcheck's rendering and Hugo's."""
    small_site(tmp_path, {"content/p.md": '+++\ntitle = "P"\n+++\n\nSee [it](\\{\\{< relref "/p.md" >}}) now.\n'})
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/p.md", 5, "unrendered-markup")}


@pytest.mark.hugo
def test_a_call_shown_escaped_is_no_leak_where_the_page_also_calls_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{</* box */>}}` prints `{{< box >}}` on purpose (checked with hugo 0.168), also on a
    page whose real `{{< box >}}` call comes first."""
    text = '+++\ntitle = "P"\n+++\n\n{{< box >}}x{{< /box >}}\n\nWrite {{</* box */>}}, {{%/* /box */%}} or {{%/*box*/%}}.\n'
    text += '\n{{< tbl >}}x{{< /tbl >}}\n\nWrite {{</* tbl theme="yellow" */>}}.\n'
    small_site(tmp_path, {
        "content/p.md": text, "layouts/_shortcodes/box.html": "<div>{{ .Inner }}</div>",
        "layouts/_shortcodes/tbl.html": "<div>{{ .Inner }}</div>",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [])
    assert "{{&lt; box &gt;}}" in (tmp_path / "public" / "p" / "index.html").read_text("utf-8")


@pytest.mark.hugo
def test_the_link_hook_finds_no_draft_as_hugo_builds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """On a multilingual site Hugo's embedded link hook looks links up with GetPage, which
    finds no draft (checked with hugo 0.168): it writes them as they are, and they lead
    nowhere; a draft's links to a draft work when both are built."""
    small_site(tmp_path, {
        "content/blog/next.md": '+++\ntitle = "Next"\ndraft = true\n+++\n\n## Sass\n\n[back](next.md#sass)\n',
        "content/a.md": '+++\ntitle = "A"\n+++\n\n[a](/blog/next/#sass) [b](blog/next.md) [c](blog/next.md#sass)\n',
    }, "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/a.md", 5, column, rule) for column, rule in ((1, "broken-link"), (23, "md-link"), (41, "md-link"))]
    found = [(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--no-cache")]
    assert found == expected
    assert "content/blog/next.md: the page is a draft" in problems("--no-cache")[1]["message"]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert 'href="blog/next.md#sass"' in (tmp_path / "public" / "a" / "index.html").read_text("utf-8")
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--no-cache", "--build")] == expected


@pytest.mark.hugo
def test_tables_of_markdown_calls_one_after_the_other_are_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% %}}` call's tags alone on their lines are no table rows (checked with hugo
    0.168): two calls of a table each, with no blank line between them, make two tables; a
    row inside a call of a template that writes no HTML of its own is a row of its cells."""
    table = "{{% box %}}\n| A | B |\n| - | - |\n| 1 | 2 |\n{{% /box %}}\n"
    row = "| A | B |\n| - | - |\n| 1 | 2 |\n{{% box %}}| 3 | 4 |{{% /box %}}\n"  # a row in a call
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n" + table + table,
        "content/q.md": "+++\ntitle = 'Q'\n+++\n\n" + row,
        "layouts/_shortcodes/box.html": "{{ .Inner }}",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "table-column-count", [])
    html = (tmp_path / "public" / "p" / "index.html").read_text("utf-8")
    assert html.count("<table>") == 2 and html.count("<td>") == 4
    wrapped_row = (tmp_path / "public" / "q" / "index.html").read_text("utf-8")
    assert re.search(r"<tr>\s*<td>3</td>\s*<td>4</td>\s*</tr>", wrapped_row)


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("body", "html", "unclosed"),
    [
        # each closing tag closes the innermost call waiting for one, whatever its name
        ("{{< a >}}1{{< b >}}2{{< /a >}}3{{< /b >}}4", '<div class="a">1<div class="b">2</div>3</div>4', None),
        # `s` ignores .Inner: Hugo is done with it at its `>}}`, and `/s` closes `a`
        ("{{< a >}}1{{< s >}}2{{< /s >}}3", '<div class="a">1<i>s</i>2</div>3', None),
        ("{{< a >}}1{{< b >}}2{{< /a >}}3", None, "a"),
    ],
)
def test_closing_tags_close_as_hugo_closes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, body: str, html: str | None, unclosed: str | None
) -> None:
    small_site(tmp_path, {
        "content/p.md": f"+++\ntitle = 'P'\n+++\n\n{body}\n",
        "layouts/_shortcodes/a.html": '<div class="a">{{ .Inner }}</div>',
        "layouts/_shortcodes/b.html": '<div class="b">{{ .Inner }}</div>',
        "layouts/_shortcodes/s.html": "<i>s</i>",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([hugo, "-d", "public"], capture_output=True, text=True)
    if html is None:
        assert f'shortcode "{unclosed}" must be closed' in result.stderr
    else:
        assert result.returncode == 0 and html in (tmp_path / "public" / "p" / "index.html").read_text("utf-8")
    found = problems("--no-cache", "--source-only")
    assert [p["message"].split(" must")[0] for p in found if p["rule"] == "shortcode-unclosed"] == (
        [f'shortcode "{unclosed}"'] if unclosed else []
    )
    assert all("closes the open" in p["message"] for p in found if p["rule"] == "shortcode-mismatched")


@pytest.mark.hugo
def test_links_of_pages_a_cascade_makes_drafts_are_not_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A section's `cascade: {draft: true}` over fragments that other pages read: Hugo builds
    none of them (checked with hugo 0.168), and their links lead where they do from the pages
    that include them (a template may rewrite `/product/version/`): not judged; what their
    content shows anywhere is (an empty link). A page's own `draft` is a page being written,
    checked whole."""
    small_site(tmp_path, {
        "content/shared/_index.md": "---\ntitle: Shared\ncascade:\n  draft: true\n---\n",
        "content/shared/part.md": "See [the guide](/product/version/guide/) and [this]().\n",
        "content/wip.md": "---\ntitle: WIP\ndraft: true\n---\n\nSee [it](/gone/).\n",
        "content/a.md": "---\ntitle: A\n---\n\nHello.\n",
        "layouts/list.html": "{{ .Content }}",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert not (tmp_path / "public" / "shared").exists() and not (tmp_path / "public" / "wip").exists()
    shutil.rmtree(tmp_path / "public")
    found = {(p["path"], p["rule"]) for p in problems("--no-cache") if p["rule"] in ("broken-link", "empty-link")}
    assert found == {("content/wip.md", "broken-link"), ("content/shared/part.md", "empty-link")}


@pytest.mark.hugo
def test_a_template_link_made_of_each_pages_address_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A canonical link a template makes of every page's own address, broken on each: one
    finding, on the first page, counting the others (longhorn's archived pages)."""
    head = '<link rel="canonical" href="{{ .Permalink | replaceRE "/archives/" "/latest/" }}">{{ .Content }}'
    small_site(tmp_path, {
        "layouts/single.html": head,
        **{f"content/archives/v{n}/page-{n}.md": f"---\ntitle: P{n}\n---\n\nText.\n" for n in range(5)},
        "content/other.md": "---\ntitle: Other\n---\n\n[gone](/gone/) [also](/also-gone/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--no-cache", "--build") if p["rule"] == "broken-link"]
    pages = ["content/other.md", "content/other.md", "public/archives/v0/page-0/index.html"]
    assert [p["path"] for p in found] == pages
    assert "/latest/v0/page-0/" in found[2]["message"] and "(and on 4 other pages)" in found[2]["message"]
    assert "a link the template makes of each page's own address (/latest/…)" in found[2]["message"]


@pytest.mark.hugo
def test_a_menus_fixed_links_that_fit_pages_addresses_by_chance_are_no_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """tekton's menu: `/docs/pipelines/` and `/docs/triggers/` on every page share their last
    part with the pages /docs/start/pipelines/ and /docs/start/triggers/: each is one fixed
    link broken on every page, not one made of each page's address."""
    nav = '<nav><a href="/docs/pipelines/">P</a> <a href="/docs/triggers/">T</a></nav>{{ .Content }}'
    small_site(tmp_path, {
        "layouts/single.html": nav,
        "layouts/list.html": nav,
        "content/docs/start/pipelines.md": "---\ntitle: P\n---\n\nText.\n",
        "content/docs/start/triggers.md": "---\ntitle: T\n---\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p["message"] for p in problems("--no-cache", "--build") if p["rule"] == "broken-link"]
    assert len(found) == 2
    assert not [message for message in found if "own address" in message]


@pytest.mark.hugo
def test_a_print_view_joining_pages_is_not_read_for_repeated_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Docsy's print view joins a section's pages into one (an output format with a `path`):
    their headings' ids repeat there (checked with hugo 0.168), not on any page, and their
    relative links lead elsewhere from there; each page's are checked on it."""
    config = (
        '[outputFormats.print]\nbaseName = "index"\nisHTML = true\nmediaType = "text/html"\npath = "_print"\n'
        'permalinkable = false\n[outputs]\nsection = ["html", "print"]\n'
    )
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/list.print.html": "{{ range .Pages }}{{ .Content }}{{ end }}",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\n## Overview\n\nSee [B](../b/).\n",
        "content/docs/b.md": "---\ntitle: B\n---\n\n## Overview\n\nMore, [gone](#gone).\n",
    }, config)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems("--no-cache", "--build")
    assert [p for p in found if p["rule"] in ("duplicate-id", "broken-link")] == []
    # the print view's copy of b's broken `#gone` is b's: reported there, on no other page
    [anchor] = [p for p in found if p["rule"] == "broken-anchor"]
    assert (anchor["path"], anchor["line"]) == ("content/docs/b.md", 7) and "other page" not in anchor["message"]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public" / "_print" / "docs" / "index.html").read_text("utf-8").count('id="overview"') == 2


@pytest.mark.hugo
def test_relative_links_of_a_page_a_mount_lends_to_another_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A mount's `sites.matrix` lends a bundle to French too: Hugo publishes its image once,
    beside the English page (checked with hugo 0.168), so the raw `<img src>` of the French
    copy leads nowhere, found without a build too; the Markdown image, which Hugo's
    embedded hook writes as the resource's address, works on both."""
    config = (
        "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[markup.goldmark.renderer]\nunsafe = true\n"
        '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n'
        '[module.mounts.sites.matrix]\nlanguages = ["en", "fr"]\n'
    )
    small_site(tmp_path, {
        "content/en/ex/index.md": '---\ntitle: Ex\n---\n<img src="shot.jpg" alt="shot">\n\n![md](shot.jpg)\n',
        "content/en/ex/shot.jpg": "",
    }, config)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/en/ex/index.md", 4, 1)]
    assert located("broken-link", "--no-cache") == located("broken-link", "--no-cache", "--build") == expected
    assert "on the page's copy at /fr/ex/" in problems("--no-cache")[0]["message"]


@pytest.mark.hugo
def test_each_omitted_block_is_one_finding_with_hugos_output_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """goldmark writes a second placeholder for a `</pre>` or `?>` on a line of its own, and
    one for a block that only closes an element (checked with hugo 0.168): each is the block
    already reported, not another finding, nor one at line 1. A processing instruction is
    raw HTML Hugo omits too."""
    page = (
        '+++\ntitle = "P"\n+++\n\nOne.\n\n<details>\n<summary>S</summary>\n\nBody.\n\n</details>\n\n'
        "<style>\np {color: red}\n</style>\n\n<?php\necho 1;\n?>\n\n<pre>x</pre>\n\nTwo <kbd>K</kbd>.\n"
    )
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", line, "raw-html-omitted") for line in (7, 14, 18, 22, 24)}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_relref_to_a_page_with_a_slug_is_one_finding_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo writes the relref as the page's URL, which its slug names: the link is still
    found in the Markdown by its fragment."""
    small_site(tmp_path, {
        "content/docs/a.md": '+++\ntitle = "A"\n+++\n\n[All]({{< relref "./b.md#client-config" >}})\n',
        "content/docs/b.md": '+++\ntitle = "B"\nslug = "configuration-file"\n+++\n\n## `client_config`\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/a.md", 5, "broken-anchor")}


@pytest.mark.hugo
def test_a_fragment_link_hugo_resolves_against_another_page_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """In a multilingual site the embedded link hook resolves links; through `markdownify`
    (a shortcode rendering its Markdown content) `#term` becomes `/#term`, the home page's:
    the finding names the address Hugo wrote, at the Markdown link."""
    small_site(tmp_path, {
        "layouts/_shortcodes/md.html": "{{ .Inner | markdownify }}",
        "layouts/home.html": "<html><body>Home</body></html>",
        "content/g.md": '+++\ntitle = "G"\n+++\n\n## Term {#term}\n\n{{% md %}}See [term](#term).{{% /md %}}\n',
    }, '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[markup.goldmark.renderer]\nunsafe = true\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--build") if p["rule"] == "broken-anchor"]
    assert [(p["path"], p["line"]) for p in found] == [("content/g.md", 7)]
    assert "(written #term, it links to '/#term' in Hugo's output)" in found[0]["message"]


@pytest.mark.hugo
def test_a_link_a_template_renders_from_its_content_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{< >}}` call's content is not the page's Markdown, but its template may render
    it (`markdownify`): a broken link there is reported where it is written, as the page's
    own links are."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": "<aside>{{ .Inner | markdownify }}</aside>",
        "content/a.md": '+++\ntitle = "A"\n+++\n\n{{< note >}}\nFirst [a](/a/), then\n[gone](/gone/).\n{{< /note >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("content/a.md", 7, 1)]


def test_a_stray_closing_tag_is_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hugo stops the build on a closing tag that closes no call: it never shows as text,
    so the embedded renderer leaves it out and only shortcode-mismatched reports it."""
    small_site(tmp_path, {
        "layouts/_shortcodes/tab.html": "{{ .Inner }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{% tab %}}\nText\n{{% /tab %}}\n{{% /tab %}}\n\nEnd {{% /tab %}} here.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == {("content/a.md", 8, "shortcode-mismatched"), ("content/a.md", 10, "shortcode-mismatched")}


def test_source_only_skips_the_rendered_pass(site: Path) -> None:
    found = rendered_only(findings("--source-only"))
    assert (RENDERED, 8, "broken-link") not in found
    assert (RENDERED, 9, "broken-anchor") in found  # the source pass sees this one


def test_build_without_a_site_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.md").write_text("# A\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "a.md"])
    assert result.exit_code == 2
    assert "needs a Hugo site" in result.stderr


def test_a_templates_repeats_of_one_id_are_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An inline SVG of a hundred `id="Path"` is one finding that counts them; two of the
    template's elements sharing another id are one more."""
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n"})
    (tmp_path / "public/a").mkdir(parents=True)
    (tmp_path / "public/a/index.html").write_text(
        "<html><body><svg>" + '<path id="Path"/>' * 101 + '</svg>\n<div id="x"></div>\n<div id="x"></div>'
        "<p>Text.</p></body></html>"
    )
    monkeypatch.chdir(tmp_path)
    found = [(p["line"], p["message"]) for p in problems("--html", "public") if p["rule"] == "duplicate-id"]
    assert found == [
        (1, "id 'Path' is already used on this page (<path> at HTML line 1), and used 99 more times after this"),
        (3, "id 'x' is already used on this page (<div> at HTML line 2)"),
    ]


def test_hostile_publish_dir(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "public" / "posts" / "x").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (root / "content" / "a.md").write_text('+++\ntitle = "A"\n+++\n')
    page = b'<html><body><a href="../../../../etc/passwd">x</a>\xff</body></html>'
    (root / "public" / "posts" / "x" / "index.html").write_bytes(page)
    (root / "public" / "etc").symlink_to("/etc")
    (root / "public" / "loop").symlink_to(root / "public")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert "Traceback" not in result.output
    found = {(p["path"], p["rule"], p["message"].split(";")[0]) for p in json.loads(result.stdout)["problems"]}
    assert ("public/etc", "file-unreadable", "symbolic link to outside the publish dir") in found
    assert ("public/posts/x/index.html", "file-unreadable",
            "the built page posts/x/index.html is not valid UTF-8 (byte 0xff on its line 1): browsers may show its "
            "text garbled") in {(path, rule, message.split(";")[0]) for path, rule, message in found}
    assert any(path == "public/posts/x/index.html" and rule == "broken-link" for path, rule, _ in found)


@pytest.mark.hugo
def test_headings_only_hugo_writes_are_spell_checked(site: Path, hugo: str) -> None:
    shortcodes = site / "themes" / "minimal" / "layouts" / "_shortcodes"
    (shortcodes / "changelog.html").write_text("<h2>Relese notes</h2>\n<p>All changes.</p>\n")
    post = site / "content" / "posts" / "changes.md"
    post.write_text('+++\ntitle = "Changes"\n+++\n\nThe changes.\n\n{{< changelog >}}\n')
    assert ("content/posts/changes.md", 1, "heading-typo") not in findings()  # unknown output
    built = findings("--build", "content/posts/changes.md")
    assert ("content/posts/changes.md", 1, "heading-typo") in built
    assert not (site / ".hugo_build.lock").exists()  # the build leaves no lock in the site


def test_external_links_are_counted_not_fetched(site: Path) -> None:
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert "distinct external URLs, never fetched: mdcheck checks the site offline" in result.stdout


@pytest.mark.hugo
def test_publish_dir_parsed_in_processes_gives_the_same_findings(site: Path, hugo: str) -> None:
    posts = site / "content" / "posts"
    for number in range(80):
        (posts / f"generated-{number}.md").write_text(
            f'+++\ntitle = "Post {number}"\n+++\n\n## Part {number}\n\n'
            f"[next](/posts/generated-{number + 1}/) and [a fragment](#part-{number + 1})\n"
        )
    build_site(hugo, site, site / "public")
    serial = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1"]).stdout
    parallel = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "2"]).stdout
    assert serial == parallel
    found = {(p["path"], p["rule"]) for p in json.loads(serial)["problems"]}
    assert ("content/posts/generated-79.md", "broken-link") in found
    assert ("content/posts/generated-3.md", "broken-anchor") in found


@pytest.mark.hugo
def test_a_failed_build_says_why(site: Path, hugo: str) -> None:
    (site / "layouts" / "_shortcodes").mkdir(parents=True, exist_ok=True)
    (site / "layouts" / "_shortcodes" / "broken.html").write_text("{{ .Get 0 ", "utf-8")
    (site / "content" / "uses-broken.md").write_text('+++\ntitle = "B"\n+++\n{{< broken "x" >}}\n', "utf-8")
    result = CliRunner().invoke(main, ["check", "--build"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "hugo failed:" in result.output and "broken.html" in result.output, result.output


@pytest.mark.hugo
def test_a_failed_build_still_reports_what_the_markdown_shows(site: Path, hugo: str) -> None:
    """A missing ref fails Hugo's build: the findings that explain it are still reported
    (the rendered pass checks mdcheck's own rendering), with Hugo's errors, and exit 2."""
    (site / "content" / "refs.md").write_text(
        '+++\ntitle = "Refs"\n+++\n\nSee [it]({{< ref "no-such-page.md" >}}) and [here](#nowhere).\n', "utf-8"
    )
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    output = json.loads(result.stdout)
    found = {(p["path"], p["line"], p["rule"]) for p in output["problems"]}
    assert {("content/refs.md", 5, "ref-not-found"), ("content/refs.md", 5, "broken-anchor")} <= found
    assert any("hugo failed:" in note and "REF_NOT_FOUND" in note for note in output["summary"]["notes"]), output["summary"]


@pytest.mark.hugo
def test_the_places_a_failed_build_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo's errors that name a place in a content file become findings there (a `param`
    key that neither the page nor the site has, a template's `errorf` with `.Position`), but
    not where another rule reports an error already (a missing ref); the summary says the
    build failed (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/bad.html": '{{ errorf "cannot do %s" .Position }}',
        "layouts/_shortcodes/snip.html": '{{ errorf "no snippet %s (%s)" (.Get 0) .Position }}',
        "content/a.md": "+++\ntitle = 'A'\n[params]\nmine = 1\n+++\n\n"
                        "{{% param \"mine\" %}} {{% param \"there\" %}} {{% param \"nope\" %}}\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n{{< bad >}}\n\n[x]({{< ref \"gone.md\" >}})\n\n{{< snip S1 >}}\n",
    }, "[params]\nthere = 'x'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    found = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in found] == [
        ("content/a.md", 7, 44, "build-failed"), ("content/b.md", 5, 1, "build-failed"),
        ("content/b.md", 7, 5, "ref-not-found"), ("content/b.md", 9, 1, "build-failed"),
    ]  # fmt: skip
    assert found[0]["message"] == 'Hugo fails the build: Param "nope" not found'
    assert found[1]["message"] == "Hugo fails the build: cannot do"
    assert found[3]["message"] == "Hugo fails the build: no snippet S1"  # (its place in parentheses)
    (tmp_path / "content/a.md").write_text("+++\ntitle = 'A'\n+++\n\nText.\n", "utf-8")
    (tmp_path / "content/b.md").unlink()
    (tmp_path / "layouts/single.html").write_text('{{ errorf "no page" }}', "utf-8")
    result = CliRunner().invoke(main, ["check", "--build"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "No findings, but the Hugo build failed (1 file and 1 page checked)." in result.output, result.output


@pytest.mark.hugo
def test_a_build_that_only_logged_errors_is_checked_as_hugo_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo writes every page though a template logs an error (`errorf`), then fails with
    `logged 1 error(s)` (checked with hugo 0.168): the rendered pass reads the HTML it wrote,
    where its template's own broken link is, and the run still exits 2."""
    small_site(tmp_path, {
        "layouts/single.html": '{{ .Content }}<a href="/gone/">x</a>{{ if eq .Title "B" }}{{ errorf "bad %s" .Title }}{{ end }}',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[here](#nowhere)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    output = failed_build()
    found = {(p["path"], p["rule"]) for p in output["problems"]}
    assert ("content/a.md", "broken-anchor") in found
    assert any(rule == "broken-link" and not path.startswith("content/") for path, rule in found), found
    assert any("wrote every page: the rendered pass checked them" in note for note in output["summary"]["notes"])


@pytest.mark.hugo
def test_a_build_failed_on_a_removed_front_matter_key_is_checked_as_hugo_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`_build` (removed in 0.145) fails `hugo` and `hugo list all` alike, after the build
    wrote every page (kustomize's site): the pages are matched to their Markdown by URL."""
    small_site(tmp_path, {
        "content/a.md": "---\ntitle: A\n_build:\n  list: false\n---\n\n## Here\n",
        "content/b.md": "---\ntitle: B\n---\n\n[a](/a/#here) [b](/a/#gone)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    output = failed_build()
    found = [(p["path"], p["line"], p["column"], p["rule"], p.get("html_path")) for p in output["problems"]]
    assert ("content/b.md", 5, 15, "broken-anchor", "b/index.html") in found, found  # Hugo's page
    assert any("wrote every page: the rendered pass checked them" in note for note in output["summary"]["notes"])


@pytest.mark.hugo
@pytest.mark.parametrize("theme", [False, True])
def test_a_shortcode_a_missing_theme_may_make_is_no_finding_of_a_failed_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, theme: bool
) -> None:
    """Hugo stops at a call of a shortcode no template makes (shortcode-unknown finds it),
    and no finding is made of it when a theme the site names is missing (dapr's Docsy
    `alert`), which may make it: the summary's note tells of the failed build."""
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\n{{< alert >}}\nText.\n{{< /alert >}}\n"},
               'theme = "docsy"\n' if theme else "")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    output = failed_build()
    found = [(p["path"], p["line"], p["column"], p["rule"]) for p in output["problems"]]
    assert found == ([] if theme else [("content/a.md", 5, 1, "shortcode-unknown")])
    assert any("hugo failed" in note for note in output["summary"]["notes"]), output["summary"]


@pytest.mark.parametrize(
    "config",
    ['theme = "docsy"', '[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n'
     '[[module.imports]]\npath = "github.com/google/docsy/dependencies"', 'theme = "other"'],
)
def test_links_are_checked_while_a_theme_known_to_have_no_link_hooks_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str
) -> None:
    """Docsy has no link or image render hook (none in any release): while it alone is
    missing (a CNCF site's module not fetched), links and images are rendered as Hugo's
    own hooks do, and a missing page is found (cncf/glossary's 105, as its build shows).
    Another theme missing may hold hooks: its links are left to a build."""
    small_site(tmp_path, {
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n[gone](/docs/nowhere/) [b](/docs/b/)\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n",
    }, config + "\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    output = json.loads(result.stdout)
    found = [(p["column"], p["rule"]) for p in output["problems"] if p["rule"] == "broken-link"]
    assert found == ([] if "other" in config else [(1, "broken-link")])
    note = next(note for note in output["summary"]["notes"] if "not found (or empty)" in note)
    assert ("checked with --build alone" in note) == ("other" in config), note


@pytest.mark.hugo
def test_a_failed_builds_note_shows_its_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A security error is followed by Hugo's security config: the note shows the error
    lines, not the last lines of the output (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/single.html": '{{ getenv "SECRET_TOKEN" }}{{ .Content }}',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (note,) = [note for note in failed_build()["summary"]["notes"] if "hugo failed" in note]
    assert "ERROR" in note and "getenv" in note and "allowContent" not in note, note


@pytest.mark.hugo
def test_a_ref_in_a_link_definition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo runs the ref of a link definition once, however many links use it, and never
    when none does (it runs a call where its output is written; checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[one][x], [two][x]\n\n[x]: {{< ref \"/nope.md\" >}}\n"
                        "[y]: {{< ref \"/unused.md\" >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [(p["line"], p["column"], p["rule"]) for p in problems()] == [(7, 6, "ref-not-found")]
    (tmp_path / "content/a.md").write_text("+++\ntitle = 'A'\n+++\n\nText.\n\n[y]: {{< ref \"/unused.md\" >}}\n")
    assert problems() == []
    build_site(hugo, tmp_path, tmp_path / "public")  # it builds


@pytest.mark.hugo
def test_a_ref_a_link_hook_runs_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Docker's link hook runs `ref` on relative destinations: a missing page fails the
    build, and Hugo names the page, not the place; the finding is where the page writes the
    destination (checked with hugo 0.168). Hugo only logs that error and writes the page all
    the same, with the link's address empty, which the rendered pass reads in its HTML."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ ref .Page .Destination }}">{{ .Text }}</a>',
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nSee [b](./b.md)\nand [gone](./missing.md).\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    found = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in found] == [
        ("content/docs/a.md", 6, 12, "build-failed"), ("public/docs/a/index.html", 2, 5, "empty-link"),
    ]
    assert 'Ref "./missing.md": page not found' in found[0]["message"]


def test_build_errors_read_from_hugos_output(tmp_path: Path) -> None:
    page = tmp_path / "content" / "a.md"
    output = (
        f'ERROR error building site: assemble: failed to create page from pageMetaSource /a: "{page}:2:8": '
        "[1:8] sequence end token ']' not found\n"
        f'ERROR [en] REF_NOT_FOUND: Ref "gone.md": "{page}:7:5": page not found\n'
        f'ERROR render of "/x" failed: "{tmp_path}/layouts/single.html:3:4": execute of template failed\n'
        f'ERROR again "{page}:7:5"\n'
        # the environment's (vitess without its .git): the note tells, not the page
        f'ERROR error building site: "{page}:1:1": failed to load Git data for page\n'
    )
    assert list(build_errors(output, {str(page): "content/a.md"})) == [
        ("content/a.md", 2, 8, "Hugo fails the build: assemble: failed to create page from pageMetaSource /a: "
                               "[1:8] sequence end token ']' not found"),
        ("content/a.md", 7, 5, 'Hugo fails the build: REF_NOT_FOUND: Ref "gone.md": page not found'),
    ]  # fmt: skip


@pytest.mark.hugo
def test_a_code_block_option_hugo_cannot_decode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`{linenostart=abc}` stops Hugo's build with the cause on a line of its own, below the
    error, which names the page alone (checked with hugo 0.168): the finding gives the cause,
    at the fence that sets the option (where fence-attributes, turned off here, reports it)."""
    small_site(tmp_path, {
        "content/t.md": "---\ntitle: T\n---\n\nIntro.\n\n```go {linenos=table, linenostart=abc}\nx\n```\n",
        ".mdcheck.toml": "[rules]\nfence-attributes = false\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in failed_build()["problems"] if p["rule"] == "build-failed"]
    assert (found["path"], found["line"], found["column"]) == ("content/t.md", 7, 23)
    assert found["message"].endswith("1 error(s) decoding: * cannot parse 'LineNoStart' as int: strconv.ParseInt: "
                                     'parsing "abc": invalid syntax')


def test_pages_whose_ids_a_build_alone_tells_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose shortcode includes a file may have any id: links to its fragments are
    not judged without a build, and the summary says so (not with Hugo's output)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/file.html": '{{ readFile (.Get 0) | markdownify }}',
        "content/authors.md": "+++\ntitle = 'A'\n+++\n\n## Profile\n\n{{< file \"x.md\" >}}\n",
        "content/og.md": "+++\ntitle = 'O'\n+++\n\n[B](/authors/#profiles)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    # a file that is no text is not named: its file-encoding error says why it is not read
    (tmp_path / "content" / "utf16.md").write_bytes("+++\ntitle = 'U'\n+++\n".encode("utf-16"))
    summary = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)["summary"]
    assert "broken-anchor: 1 page has ids a build alone tells ('content/authors.md':" in " ".join(summary["notes"])
    (tmp_path / "public").mkdir()
    summary = json.loads(CliRunner().invoke(main, ["check", "--format", "json", "--html", "public"]).stdout)["summary"]
    assert "a build alone tells" not in " ".join(summary["notes"])


def test_a_removed_shortcode_on_a_draft_fails_the_build_once_it_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo builds a draft with --buildDrafts alone: a removed shortcode there stops that
    build, not the default one (checked with hugo 0.168), and the message says so."""
    small_site(tmp_path, {"content/p.md": "---\ntitle: P\ndraft: true\n---\n\n{{< twitter_simple 1085870671 >}}\n"})
    monkeypatch.chdir(tmp_path)
    (found,) = problems("--source-only")
    assert "fails the build once the page is built (the page is a draft: Hugo builds it only with --buildDrafts)" in (
        found["message"]
    )


@pytest.mark.hugo
def test_a_failed_render_hook_is_placed_at_the_pages_first_element_of_its_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo names the page of a failed image hook with the template's line and column: the
    failure is placed at the page's first image, not at an impossible 1:64 (gruvbox)."""
    small_site(tmp_path, {
        "layouts/_markup/render-image.html": "{{ $i := .Page.Resources.GetMatch .Destination }}"
                                             '<img src="{{ $i.RelPermalink }}" alt="{{ .Text }}">',
        "content/p/index.md": "+++\ntitle = 'P'\n+++\n\nIntro.\n\n![A photo](missing.jpg)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--build"])
    assert result.exit_code == 2  # the build failed
    (found,) = json.loads(result.stdout)["problems"]
    assert (found["path"], found["line"], found["column"]) == ("content/p/index.md", 7, 1)
    assert found["message"].endswith("(the render-image hook fails on one of the page's images, shown at the first)")


@pytest.mark.hugo
def test_a_render_hook_that_fails_to_parse_an_address_is_placed_at_it(tmp_path: Path, hugo: str) -> None:
    """A link hook that parses the address names the address Go cannot parse: the failure
    is placed where the page links to it (not in a code span), not at its first link
    (mattermost's `<http://ip:port/filePath>`; checked with the binary)."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '{{ $u := urls.Parse .Destination }}<a href="{{ $u }}">{{ .Text }}</a>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n* [Background](#background) `http://ip:port/filePath`\n\n"
                        "## Background\n\nA path like <http://ip:port/filePath> here.\n",
    })  # fmt: skip
    result = subprocess.run([hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert result.returncode != 0 and 'parse "http://ip:port/filePath"' in result.stdout + result.stderr
    page = os.path.realpath(tmp_path / "content/a.md")
    ((path, line, column, message),) = build_errors(result.stdout + result.stderr, {page: "content/a.md"})
    assert (path, line, column) == ("content/a.md", 9, 14)
    assert message.endswith("(the render-link hook fails on this address)")


@pytest.mark.parametrize(
    ("display", "url"),
    [("a/b.md", "/a/b/"), ("a/_index.md", "/a/"), ("a/index.md", "/a/"), ("_index.md", "/"), ("./x.md", "/x/")],
)
def test_a_file_outside_a_site_gets_the_url_hugo_would_make_of_its_path(display: str, url: str) -> None:
    assert engine._path_url(display) == url


@pytest.mark.hugo
def test_a_templates_empty_links_numbered_per_page_are_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """coredns's pagination writes `<a href="">Page 2 of 12</a>` on every page, its number
    the page's own: one defect, reported once with the count of the other pages."""
    small_site(tmp_path, {
        "layouts/single.html": '<a href="">Page {{ .Weight }} of 3</a>{{ .Content }}',
        **{f"content/p{n}.md": f"+++\ntitle = 'P{n}'\nweight = {n}\n+++\n\nText.\n" for n in (1, 2, 3)},
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in problems("--build") if p["rule"] == "empty-link"]
    assert found["message"].endswith("(and on 2 other pages)")


@pytest.mark.hugo
def test_a_failed_ref_is_reported_once_not_again_as_its_empty_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With refLinksErrorLevel = "warning", Hugo builds and leaves the link's href empty
    (checked with hugo 0.168): ref-not-found says why; empty-link does not say it again, also
    when a ref that works comes first (the empty href is the failed ref's, by its text), of
    the same text too (by its place among the links of that text)."""
    page = (
        '+++\ntitle = "P"\n+++\n\nSee [this]({{< relref "q.md" >}}).\n\n'
        'See [Brush Packages]({{< ref "missing.md" >}}).\n\n[Empty]().\n\n'
        '[rel]({{< relref "q.md" >}})\n\n[rel]({{< relref "gone.md" >}})\n'
    )
    pages = {"content/p.md": page, "content/q.md": "+++\ntitle = 'Q'\n+++\n"}
    small_site(tmp_path, pages, 'refLinksErrorLevel = "warning"\n')
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", 7, "ref-not-found"), ("content/p.md", 9, "empty-link"), ("content/p.md", 13, "ref-not-found")}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_menus_empty_link_is_not_a_ref_that_found_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A menu entry without a URL is an empty link of the template's: not placed at the
    page's `{{< ref "/" >}}`, which found the home page (Blowfish's menus)."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>'
                               "{{ .Content }}",
        "layouts/list.html": SINGLE,
        "content/doc.md": "+++\ntitle = 'Doc'\n+++\n\nSee the [home]({{< ref \"/\" >}}) and [top](/).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[[menus.main]]\nname = "Examples"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in problems("--build") if p["rule"] == "empty-link"]
    assert found["path"] == "public/doc/index.html" and "'Examples' has an empty href" in found["message"]


@pytest.mark.hugo
def test_a_templates_empty_link_or_image_is_not_a_ref_of_its_text_that_found_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme's `<a href="">Users</a>` beside the content's `[Users]({{< relref "users.md"
    >}})`, which found its page (the page shows it with its address), and the theme's
    `<img>` without a source or alt beside a ref in a call's content: the template's, at
    the HTML, not at the ref (chef-web-docs)."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav><a href="">Users</a></nav>{{ .Content }}<img class="modal" id="modal-img">',
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | .Page.RenderString }}</div>',
        "content/users.md": "+++\ntitle = 'Users'\n+++\n\nUsers.\n",
        "content/ldap.md": "+++\ntitle = 'LDAP'\n+++\n\nSee the [Users]({{< relref \"users.md\" >}}) page.\n\n"
                           '{{< note >}}\nSee the [Users]({{< relref "users" >}}) page.\n{{< /note >}}\n',
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(p["path"], p["rule"]) for p in problems("--build") if p["rule"] in ("empty-link", "image-alt")}
    assert found == {("public/ldap/index.html", "empty-link"), ("public/ldap/index.html", "image-alt")}


@pytest.mark.hugo
def test_a_missing_fragment_of_a_sections_md_link_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded link hook (on for a site with languages) writes `./_index.md#nope` as
    the section's `/docs/#nope`: with the build too, the missing id is md-link's one finding,
    at the Markdown line (it was broken-anchor's again, at the build's HTML)."""
    small_site(tmp_path, {
        "content/docs/_index.md": "+++\ntitle = 'D'\n+++\n\n## Social\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nSee [idx](./_index.md#nope) and [s](./_index.md#social).\n",
        "layouts/list.html": "{{ .Content }}",
    }, '[languages.en]\nweight = 1\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/a.md", 5, "md-link")}


@pytest.mark.hugo
def test_links_of_a_call_whose_template_rewrites_its_content_are_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Lima's `fixlinks` replaces `(./` in a `{{% %}}` call's content with a repository's URL
    before Hugo renders it (checked with hugo 0.168): mdcheck's rendering does not run the
    template, so it leaves those links to the build; the page's other links are checked."""
    template = '{{- replace (.Inner | safeHTML) "(./" "(https://github.com/o/r/tree/main/" -}}'
    small_site(tmp_path, {
        "layouts/_shortcodes/fixlinks.html": template,
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% fixlinks %}}\nSee [ubuntu](./templates/ubuntu.yaml).\n"
                        "{{% /fixlinks %}}\n\nAnd [gone](./gone.yaml).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/p.md", 9, "broken-link")}


@pytest.mark.hugo
def test_raw_html_a_template_prints_twice_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template printing `.Summary` before `.Content` repeats the summary's placeholders
    (checked with hugo 0.168): the repeat is the raw HTML reported already."""
    small_site(tmp_path, {
        "layouts/single.html": "<html><body><div>{{ .Summary }}</div><div>{{ .Content }}</div></body></html>",
        "layouts/_shortcodes/note.html": '<div class="n">{{ .Inner | .Page.RenderString }}</div>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n{{% note %}}\n![](/x.png)\n{{% /note %}}\n\nA <b>b</b>.\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert {f for f in findings("--build") if f[2] == "raw-html-omitted"} == {
        ("content/p.md", 5, "raw-html-omitted"), ("content/p.md", 9, "raw-html-omitted")
    }


@pytest.mark.hugo
def test_an_image_a_shortcode_writes_is_found_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's output holds what a shortcode's template writes: its image is found in the
    Markdown at the call whose parameter gave the address, not at a line of the HTML."""
    small_site(tmp_path, {
        "layouts/_shortcodes/fig.html": '<figure>\n  <img src="{{ .Get "src" }}">\n</figure>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\nIntro.\n\n{{< fig src="/img/missing.png" >}}\n\n{{< fig src="v1.2/other.png" >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings("--build") == {
        ("content/p.md", line, rule) for line in (7, 9) for rule in ("broken-link", "image-alt")
    }


def test_a_terminated_build_leaves_neither_hugo_nor_its_directory(tmp_path: Path) -> None:
    """SIGTERM during --build (a cancelled CI job): hugo is killed, the temporary publish
    directory removed, and mdcheck exits 143 at once."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    (site / "content" / "p.md").write_text('+++\ntitle = "P"\n+++\n\nText.\n')
    started = tmp_path / "started"
    fake = tmp_path / "hugo"  # a build that never ends
    fake.write_text(f"#!/bin/sh\necho $$ > {started}\nexec sleep 60\n")
    fake.chmod(0o755)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    script = (
        "import sys; from validator import hugo, cli\n"
        f"hugo.find_binary = lambda: {str(fake)!r}\n"
        "sys.argv = ['mdcheck', 'check', '--build']; cli.main()\n"
    )
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", script], cwd=site, env=env)
    deadline = time.monotonic() + 30
    while not started.exists() or not started.read_text().strip():
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 143
    with pytest.raises(ProcessLookupError):
        os.kill(int(started.read_text()), 0)
    assert not list(temporary.glob("mdcheck-build-*"))


@pytest.mark.hugo
def test_a_link_to_a_markdown_file_is_one_finding_with_hugos_output_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """md-link reports it; in Hugo's build nothing is published there either, which is the
    same defect."""
    small_site(tmp_path, {
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n[b](b.md#x)\n\n[c](/posts/c/)\n",
        "content/posts/b.md": "+++\ntitle = 'B'\n+++\n\nB.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/posts/a.md", 5, "md-link"), ("content/posts/a.md", 7, "broken-link")}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_fragment_written_after_a_ref_call_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{< relref "b.md" >}}#part`: Hugo's href ends with the fragment. The source pass
    checks it against the page's headings, and Hugo's link is found at its own column of
    the line, beside another broken fragment the source pass cannot judge."""
    small_site(tmp_path, {
        "content/a.md": '+++\ntitle = "A"\n+++\n\n[x]({{< relref "b.md" >}}#gone) [y]({{< ref "b" >}}#part) '
                        '[z]({{< ref "c" >}}#gone)\n',
        "content/b.md": '+++\ntitle = "B"\n+++\n\n## Part\n',
        "content/c.md": '+++\ntitle = "C"\n+++\n\n{{% sc %}}\n',
        "layouts/_shortcodes/sc.html": "{{ .Page.Params.more }}",  # which may hold headings
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)

    def places(*args: str) -> set[tuple[int, int, str]]:
        return {(p["line"], p["column"], p["message"].split(" (rendered")[0]) for p in problems(*args)}

    source = (5, 1, "no heading or element with id 'gone' on content/b.md")
    assert places("--source-only") == places() == {source}
    # with Hugo's output, the ids it really wrote tell
    assert places("--build") == {
        (5, 1, "no heading or element with id 'gone' on content/b.md"),
        (5, 59, "no heading or element with id 'gone' on content/c.md"),
    }


@pytest.mark.hugo
def test_an_inline_element_is_one_finding_with_hugos_output_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo omits both tags of `<kbd>K</kbd>`: one finding, at the opening tag."""
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\n## Press <kbd>K</kbd> now\n"})
    monkeypatch.chdir(tmp_path)

    def places(*args: str) -> list[tuple[int, int, str]]:
        return [(p["line"], p["column"], p["rule"]) for p in problems(*args)]

    assert places() == places("--build") == [(5, 10, "raw-html-omitted")]


@pytest.mark.hugo
def test_a_sections_link_render_hook_renders_only_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A hook in `layouts/docs/specs/_markup` renders the pages under content/docs/specs
    and those of `type` docs/specs (checked with hugo 0.168); the other pages' links are
    Hugo's own, and are checked."""
    hook = '<a href="{{ .Destination | relURL }}" class="spec">{{ .Text }}</a>'  # rewrites the address
    small_site(tmp_path, {
        "layouts/docs/specs/_markup/render-link.html": hook,
        "content/docs/specs/s.md": "+++\ntitle = 'S'\n+++\n\n[a](/docs/nope/) [b](../d.md)\n",
        "content/docs/d.md": "+++\ntitle = 'D'\n+++\n\n[a](/docs/nope/) [b](specs/s.md)\n",
        "content/docs/typed.md": "+++\ntitle = 'T'\ntype = 'docs/specs'\n+++\n\n[a](/docs/nope/) [b](d.md)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    checked = {("content/docs/d.md", 5, "broken-link"), ("content/docs/d.md", 5, "md-link")}
    assert findings() == checked
    hooked = {("content/docs/specs/s.md", 5, "broken-link"), ("content/docs/typed.md", 6, "broken-link")}
    assert findings("--build") == checked | hooked


@pytest.mark.hugo
def test_a_link_hook_that_trims_the_destination_keeps_links_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Kubernetes' contributor site: a hook that writes the destination trimmed of `" ()"`
    at its ends leaves links as Hugo's own would be; and a permalink for a section (`blog`,
    which Hugo also takes for a taxonomy of that name, the site has none) leaves the other
    folders judged: the broken links are found with and without a build."""
    hook = (
        '{{- $u := .Destination -}}{{- $u = trim $u " ()" -}}<a href="{{ $u | safeURL }}"'
        '{{ if strings.HasPrefix $u "http" }} target="_blank"{{ end }}>{{ .Text | safeHTML }}</a>'
    )
    small_site(tmp_path, {
        "hugo.toml": 'baseURL = "https://example.org/"\n[permalinks]\nblog = "/:section/:year/:slug/"\n',
        "layouts/_default/_markup/render-link.html": hook,
        "content/events/kcc/_index.md": "+++\ntitle = 'K'\nslug = 'kcc2021'\n+++\n",
        "content/events/kcc/faq.md": "+++\ntitle = 'F'\n+++\n\n[a](/events/kcc/faq/) [b](/events/kcc2021/faq/)\n",
        "content/blog/b.md": "+++\ntitle = 'B'\ndate = 2024-01-02\n+++\n\n[c](/blog/2024/b/) [d](/blog/b/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/events/kcc/faq.md", 5, "broken-link"), ("content/blog/b.md", 6, "broken-link")}
    assert findings() == expected
    assert findings("--build") == expected


@pytest.mark.hugo
@pytest.mark.parametrize("use_embedded", ["auto", "always"])
def test_a_sites_own_link_hook_goes_before_hugos_embedded_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, use_embedded: str
) -> None:
    """On a multilingual site Hugo's embedded link hook is on, but a hook of the site's
    renders its pages' links, even one that writes the destination as it is: `/docs/a` is
    then not the page GetPage finds (published at its slug), and it is broken; unless
    `useEmbedded = "always"` (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>',
        "content/docs/a.md": "+++\ntitle = 'A'\nslug = 'a-slug'\n+++\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n[a](/docs/a)\n",
        "content/docs/b.fr.md": "+++\ntitle = 'B'\n+++\n",
    }, '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'
       f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{use_embedded}"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/b.md", 5, "broken-link")} if use_embedded == "auto" else set()
    assert findings() == expected
    assert findings("--build") == expected


@pytest.mark.hugo
@pytest.mark.parametrize("hooks", ["", "[languages.en]\nweight = 1\n", "own"])
def test_a_render_hook_is_given_the_destination_with_its_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, hooks: str
) -> None:
    """A render hook's `.Destination` is the destination as written: `/docs/a\\.b/` is
    `/docs/a%5C.b/`, an entity stays one (`a&#46;b` ends the path at `#`), an inline link's, a
    reference's and an image's; without a hook Hugo unescapes them (checked with hugo 0.168)."""
    files = {
        "content/docs/a.b/index.md": "+++\ntitle = 'AB'\n+++\n\n## X {#x}\n",
        "content/docs/a.b/i_1.png": "",
        "content/docs/p.md": (
            "+++\ntitle = 'P'\n+++\n\n[a](/docs/a\\.b/#x) and [b](/docs/a.b/#x)\n\n[r] and [s][]\n\n"
            "![i](/docs/a.b/i\\_1.png)\n\n[r]: </docs/a\\.b/>\n[s]: /docs/a&#46;b/\n"
        ),
    }
    if hooks == "own":
        files["layouts/_markup/render-link.html"] = '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>'
        files["layouts/_markup/render-image.html"] = '<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}">'
    small_site(tmp_path, files, hooks if hooks != "own" else "")
    monkeypatch.chdir(tmp_path)
    expected = [("content/docs/p.md", line, column) for line, column in ((5, 1), (7, 1), (7, 9), (9, 1))] if hooks else []
    assert_found_alike(hugo, tmp_path, "broken-link", expected)
    if hooks:
        message = problems()[0]["message"]
        assert message.endswith("kept: write the characters themselves"), message


@pytest.mark.hugo
def test_an_image_the_embedded_hook_rewrites_is_placed_beside_a_link_hook_that_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded image hook writes a bundle image's address (`/p/a.png`) while the
    site's own link hook writes links as they are: the image is still the Markdown's, and
    its empty alt is reported there (spinnaker's 189 images, found only without a build)."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>',
        "content/p/index.md": "+++\ntitle = 'P'\n+++\n\nText.\n\n![](a.png)\n",
        "content/p/a.png": "png",
    }, "[languages.en]\nweight = 1\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "image-alt", [("content/p/index.md", 7, 1)])


def _png(width: int, height: int) -> bytes:
    """A grey PNG image of that size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.mark.hugo
def test_an_image_a_shortcode_resizes_is_placed_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A shortcode that writes a resized copy of the image it is given (`sun_hu_….png`,
    hugo 0.168): the image's finding is at the call, not in the HTML."""
    small_site(tmp_path, {
        "layouts/_shortcodes/pic.html": '{{ $r := .Page.Resources.GetMatch (.Get "name") }}{{ $n := $r.Resize "10x" }}'
                                        '<figure><img src="{{ $n.RelPermalink }}"></figure>',
        "content/b/index.md": "+++\ntitle = 'B'\n+++\n\nText.\n\n{{< pic name=\"sun.png\" >}}\n",
    })  # fmt: skip
    (tmp_path / "content" / "b" / "sun.png").write_bytes(_png(20, 20))
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "sun_hu" in (tmp_path / "public" / "b" / "index.html").read_text()
    assert located("image-alt", "--html", "public") == [("content/b/index.md", 7, 1)]


@pytest.mark.hugo
def test_a_themes_relative_link_is_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A menu entry `about/me/` is written on every page and goes somewhere else from each:
    one template defect, one finding naming how many pages show it."""
    nav = '<nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>{{ .Content }}'
    small_site(tmp_path, {
        "layouts/single.html": nav,
        "layouts/list.html": nav,
        **{f"content/posts/p{n}.md": f"+++\ntitle = 'P{n}'\n+++\n\nText.\n" for n in range(3)},
    }, '[[menus.main]]\nname = "Me"\nurl = "about/me/"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems("--build")
    assert [p["rule"] for p in found] == ["broken-link"]
    assert "<a href='about/me/'>" in found[0]["message"] and "other pages)" in found[0]["message"]


def test_a_build_without_pages_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An output folder with no HTML page (a site without layouts) checks nothing: the
    summary says so rather than passing in silence."""
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n", "public/index.xml": "<rss/>"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--html", "public"], catch_exceptions=False)
    notes = json.loads(result.stdout)["summary"]["notes"]
    assert any("found no HTML page in public" in note for note in notes)


@pytest.mark.hugo
def test_a_types_template_that_fills_the_base_without_an_h1_prints_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The base template's default `main` prints the title through a partial (flatcar's
    hero); the blog's own template defines `main` with an `<h2>`: its pages print no title
    `<h1>`, the others do. A type whose template calls a partial named at run time, or one
    that prints an `<h1>`, is taken to print one. As in Hugo's output."""
    page = "+++\ntitle = 'T'\n+++\n\n# Heading\n"
    small_site(tmp_path, {
        "layouts/_default/baseof.html": '<html><body><main>{{ block "main" . }}{{ partial "hero.html" . }}'
                                        "{{ .Content }}{{ end }}</main></body></html>",
        "layouts/_default/single.html": '{{ define "main" }}{{ .Render "common" }}{{ end }}',
        "layouts/_default/common.html": '{{ partial "hero.html" . }}{{ .Content }}',
        "layouts/_partials/hero.html": "<section><h1>{{ .Title }}</h1></section>",
        "layouts/_partials/title.html": "<h1>{{ .Title }}</h1>",
        "layouts/blog/single.html": '{{ define "main" }}<h2 id="blogtitle">{{ .Title }}</h2>{{ .Content }}{{ end }}',
        "layouts/news/single.html": '{{ define "main" }}{{ partial "title.html" . }}{{ .Content }}{{ end }}',
        "layouts/other/single.html": '{{ define "main" }}{{ $p := "title.html" }}{{ partial $p . }}'
                                     "{{ .Content }}{{ end }}",
        "layouts/blog/special.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}',
        "layouts/list.html": "{{ .Content }}",
        **{f"content/{kind}/a.md": page for kind in ("blog", "news", "other", "docs")},
        "content/blog/b.md": page.replace("+++\n\n", "layout = 'special'\n+++\n\n"),  # its own template
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/blog/b.md", 6, 1), *((f"content/{kind}/a.md", 5, 1) for kind in ("docs", "news", "other"))]
    assert_found_alike(hugo, tmp_path, "content-h1", expected)


@pytest.mark.hugo
def test_a_types_template_tells_of_its_pages_without_a_template_for_any_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """carvel's theme has a blog template (a fixed `<h1>`, the title in an `<h2>`) and no
    single template for other pages: the blog's pages print no title `<h1>`."""
    files = {
        "hugo.toml": 'baseURL = "https://x.org/"\ntheme = "t"\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
        "themes/t/layouts/_default/baseof.html": '<html><body>{{ block "main" . }}{{ end }}</body></html>',
        "themes/t/layouts/_default/list.html": '{{ define "main" }}{{ .Content }}{{ end }}',
        "themes/t/layouts/blog/single.html": '{{ define "main" }}<h1>Blog Posts</h1><h2>{{ .Title }}</h2>'
                                             "{{ .Content }}{{ end }}",
        "content/blog/post.md": "+++\ntitle = 'Carvel in August'\n+++\n\n# Carvel in August\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "content-h1", [])
    assert "<h2>Carvel in August</h2>" in (tmp_path / "public" / "blog" / "post" / "index.html").read_text("utf-8")


@pytest.mark.hugo
def test_an_id_a_template_repeats_is_found_at_the_heading_with_advice_that_fits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A heading's id the template writes again: on its own element (`<div id="intro">`),
    rename the heading; in a copy of the page's summary (a theme's recent posts), renaming
    mends nothing (hugo-profile's footer), and the message says so."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body>{{ .Content }}<div id="intro"></div><aside>{{ .Summary }}</aside>'
                               "</body></html>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Usage\n\n<!--more-->\n\n## Intro\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(p["line"], p["rule"]): p["message"] for p in problems("--build")}
    assert found.keys() == {(5, "duplicate-id"), (9, "duplicate-heading-id")}
    assert "it is a copy of this heading" in found[5, "duplicate-id"]
    assert "rename the heading" in found[9, "duplicate-heading-id"]


@pytest.mark.hugo
def test_raw_html_omitted_in_another_pages_summary_is_that_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page that lists another's `.Summary` shows Hugo's placeholder for that page's raw
    HTML: reported there alone, not again at the listing page's line 1; a title whose tag a
    template renders (`.Title | markdownify`) is still reported at its page."""
    small_site(tmp_path, {
        "layouts/single.html": "<html><body>{{ .Title | markdownify }}{{ .Content }}{{ range where site.RegularPages "
                               '"Title" "B" }}<p>{{ .Summary }}</p>{{ end }}</body></html>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\nFirst.<br>Second.\n",
        "content/c.md": "+++\ntitle = 'C <b>bold</b>'\n+++\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert {(path, line) for path, line, rule in findings("--build") if rule == "raw-html-omitted"} == {
        ("content/b.md", 5), ("content/c.md", 1),
    }


@pytest.mark.hugo
def test_a_partial_only_list_templates_call_prints_no_pages_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A partial that prints the title as `<h1>`, called by the list template alone
    (monochrome's bookcase): regular pages print none, as in Hugo's output."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body>{{ partial "meta.html" . }}{{ .Content }}</body></html>',
        "layouts/list.html": '<html><body>{{ partial "bookcase.html" . }}</body></html>',
        "layouts/_partials/bookcase.html": "<h1>{{ .Title }}</h1>",
        "layouts/_partials/meta.html": "<p>{{ .Date }}</p>",
        "content/docs/a.md": "+++\ntitle = 'T'\n+++\n\n# Heading\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "content-h1", [])


@pytest.mark.hugo
def test_an_h1_only_a_types_templates_print_is_found_on_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme that prints the title as `<h1>` for posts alone (hugo-book's `posts/single.html`):
    a post's `# heading` makes two, a doc's does not, with mdcheck's rendering as in Hugo's
    output."""
    page = "+++\ntitle = 'T'\n+++\n\n# Heading\n"
    small_site(tmp_path, {
        "layouts/single.html": "<main>{{ .Content }}</main>",
        "layouts/posts/single.html": "<main><h1>{{ .Title }}</h1>{{ .Content }}</main>",
        "content/posts/a.md": page, "content/docs/b.md": page,
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "content-h1", [("content/posts/a.md", 5, 1)])


@pytest.mark.hugo
def test_a_build_that_needs_git_history_says_how_to_do_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`enableGitInfo` in a folder with no git history (an exported copy, a Docker build
    context) fails Hugo's build: the note says how to build it all the same, and that way
    works (checked with hugo 0.168)."""
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n"}, "enableGitInfo = true\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # no repository above it either

    def notes() -> list[str]:
        result = CliRunner().invoke(main, ["check", "--format", "json", "--build"], catch_exceptions=False)
        return json.loads(result.stdout)["summary"]["notes"]

    assert any("set HUGO_ENABLEGITINFO=false in the environment" in note for note in notes())
    monkeypatch.setenv("HUGO_ENABLEGITINFO", "false")
    assert not any("hugo failed" in note for note in notes())


@pytest.mark.hugo
def test_a_markdown_link_hugo_finds_no_page_for_gets_the_path_it_would_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With a link hook that finds pages (Hugo's own), a `.md` link written a folder too
    deep or as if from the root finds nothing; the finding names the path that finds the
    page of that name in a folder above or below, which Hugo's output shows finding it. A
    page only another version's folder has is not suggested (checked with hugo 0.168)."""
    page = "+++\ntitle = 'T'\n+++\n"
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        **{f"content/docs/v1/{name}.md": page for name in ("support", "debugging", "api/bsl")},
        "content/docs/v0/azure.md": page,
        "content/docs/v1/_index.md": page + "[a](/support.md) [b](support.md)\n",
        "content/docs/v1/build.md": page + "[a](/api/bsl.md) [b](api/bsl.md) [c](azure.md)\n",
        "content/docs/v1/contrib/minio.md": page + "[a](debugging.md) [b](../debugging.md)\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    hints = {(p["path"], p["column"]): p["message"].partition("; did you mean ")[2] for p in problems("--source-only")
             if p["rule"] == "md-link"}  # fmt: skip
    assert hints == {
        ("content/docs/v1/_index.md", 1): "'support.md'?", ("content/docs/v1/build.md", 1): "'api/bsl.md'?",
        ("content/docs/v1/build.md", 34): "", ("content/docs/v1/contrib/minio.md", 1): "'../debugging.md'?",
    }  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    shown = {name: (tmp_path / "public" / name / "index.html").read_text() for name in ("docs/v1", "docs/v1/build")}
    assert 'href="/docs/v1/support/"' in shown["docs/v1"] and 'href="/docs/v1/api/bsl/"' in shown["docs/v1/build"]
    minio = (tmp_path / "public" / "docs/v1/contrib/minio/index.html").read_text()
    assert 'href="debugging.md"' in minio and 'href="/docs/v1/debugging/"' in minio


@pytest.mark.hugo
def test_an_id_an_image_hook_writes_is_found_at_the_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A project's image hook that gives each image an id of its file's name (goharbor's):
    the same image twice, or an image named as a heading, repeats an id; found with Hugo's
    output at the Markdown image that made the repeat, though the hook writes no alt."""
    small_site(tmp_path, {
        "layouts/_markup/render-image.html": '{{ $id := path.BaseName .Destination }}'
                                             '<img src="{{ .Destination }}" id="{{ $id }}">',
        "content/a/index.md": "+++\ntitle = 'A'\n+++\n\n## Intro\n\n![Pic](pic.png)\n\nAgain:\n\n![Pic](pic.png)\n\n"
                              "![Intro](intro.png)\n",
        "content/a/pic.png": "x", "content/a/intro.png": "x",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["line"], p["column"], p["message"]) for p in problems("--build") if p["rule"] == "duplicate-id"]
    assert found == [
        (11, 1, "id 'pic' is already used on this page (<img> on line 7)"),
        (13, 1, "id 'intro' is already used on this page (<h2> on line 5)"),
    ]


@pytest.mark.parametrize("pinned", ["0.124.1", "0.150.0"])
def test_a_heading_id_an_older_hugo_made_otherwise_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pinned: str
) -> None:
    """Before 0.144, Hugo made a heading's id of its line as written: a site that builds
    with one (kubeflow's netlify.toml: 0.124.1) may link to the id it made, which 0.168's
    differs from; the finding says so."""
    small_site(tmp_path, {
        "netlify.toml": f'[build.environment]\nHUGO_VERSION = "{pinned}"\n',
        "content/p.md": "---\ntitle: P\n---\n\n[to](#migrate-from-sdk-v1-to-sdk-v2)\n\n"
                        "### **Migrate from 'SDK v1' to 'SDK v2'**\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (message,) = [p["message"] for p in problems("--source-only") if p["rule"] == "broken-anchor"]
    assert message.startswith("no heading or element with id 'migrate-from-sdk-v1-to-sdk-v2' on this page; "
                              "did you mean '#migrate-from'?")  # fmt: skip
    older = "(this site builds with Hugo 0.124.1, in netlify.toml, which made a heading's id of its line as written"
    assert (older in message) == (pinned == "0.124.1"), message


@pytest.mark.hugo
def test_an_empty_link_around_an_image_is_named_by_its_alt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A logo linked nowhere (spiffe's `<a href=""><img alt="AWS logo">`) is named by the
    image's alt text, in raw HTML and in Markdown alike."""
    small_site(tmp_path, {
        "static/logo.png": "x",
        "content/p.md": "---\ntitle: P\n---\n\n<a href=\"\"><img src=\"/logo.png\" alt=\"AWS logo\"></a>\n\n"
                        "[![GCP logo](/logo.png)]()\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in ((), ("--build",)):
        found = [(p["line"], p["message"].split(" (rendered", 1)[0]) for p in problems(*args) if p["rule"] == "empty-link"]
        assert found == [
            (5, "link around image 'AWS logo' has an empty href; give it a destination"),
            (7, "link around image 'GCP logo' has an empty href; give it a destination"),
        ], args


@pytest.mark.hugo
def test_a_heading_hook_writing_the_id_twice_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A heading hook that writes `.Anchor` on the heading and on its self-link (crossplane's:
    4,825 findings, one per heading): one finding, at the first heading, with a count."""
    small_site(tmp_path, {
        "layouts/_markup/render-heading.html": '<h{{ .Level }} id="{{ .Anchor }}">{{ .Text }} '
                                               '<a class="anchor" id="{{ .Anchor }}" href="#{{ .Anchor }}"></a></h{{ .Level }}>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Usage\n\n## Install\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n## Setup\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["message"]) for p in problems("--build") if p["rule"] == "duplicate-id"]
    assert found == [(
        "content/a.md", 5, "id 'usage' is written twice, on this heading's <h2> and on the <a> inside it: the "
        "site's heading render hook writes `.Anchor` as both ids; keep one (and on 2 more headings of 2 pages)",
    )]  # fmt: skip


@pytest.mark.hugo
def test_a_broken_fragment_in_hugos_output_gets_a_suggestion_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With --build, a fragment no element of Hugo's output has is told the id meant, as
    with mdcheck's own rendering: the closest id, one `#` too many, the id Hugo makes of a
    heading written as it shows (cncf/glossary's Bengali `#সংজ্ঞা`, whose id drops the
    vowel signs)."""
    small_site(tmp_path, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Install the agent\n\n"
                        "[x](#install-the-agnet) [y](##install-the-agent) [z](/b/#setup-guid) [w](#Install-The-Agent)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n## Setup guide\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in ((), ("--build",)):
        hints = [p["message"].partition("; ")[2].split(" (rendered", 1)[0] for p in problems(*args)]
        assert hints == [
            "did you mean '#install-the-agent'?", "the link has one '#' too many: did you mean '#install-the-agent'?",
            "did you mean '#setup-guide'?",
            "did you mean '#install-the-agent'? (the id Hugo makes of 'Install-The-Agent' as a heading's text)",
        ], args


def test_a_publish_dir_without_pages_is_no_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository may keep its publishDir with the files Hugo adds to (`_redirects`,
    `robots.txt`): holding no HTML page, it is not taken for a build, and mdcheck's own
    rendering is checked."""
    small_site(tmp_path, {
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nSee [b](/docs/gone/).\n",
        "_public/robots.txt": "User-agent: *\n", "_public/_redirects": "/old /docs/a/ 301\n",
    }, "publishDir = '_public'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    report = json.loads(result.stdout)
    assert [(p["path"], p["rule"]) for p in report["problems"]] == [("content/docs/a.md", "broken-link")]
    assert not any("found no HTML page" in note for note in report["summary"]["notes"])


@pytest.mark.parametrize("publish_dir", [".", "..", "/"])
def test_a_publish_dir_holding_the_site_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, publish_dir: str
) -> None:
    """Hugo writes to `publishDir = "."` (checked with hugo 0.168), beside the templates: the
    HTML there is not all Hugo's output, nor a walk of `/` bounded. mdcheck's own rendering is
    checked, and the summary says why."""
    site = tmp_path / "site"
    small_site(site, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nSee [b](/gone/).\n", "a/index.html": "<p>old</p>",
        "index.html": "<p>home</p>",
    }, f"publishDir = '{publish_dir}'\n")  # fmt: skip
    monkeypatch.chdir(site)
    report = json.loads(CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False).stdout)
    assert [(p["path"], p["rule"]) for p in report["problems"]] == [("content/a.md", "broken-link")]
    assert any(f"publishDir {publish_dir!r} holds the site's own folder" in note for note in report["summary"]["notes"])


@pytest.mark.hugo
def test_a_closing_tag_naming_a_closed_call_closes_the_open_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo accepts `{{< /lead >}}` after a closed `lead` and closes the open `section`
    with it (checked with hugo 0.168): the page builds; only the misleading name is reported,
    and the section's content is no leaked text."""
    small_site(tmp_path, {
        "layouts/_shortcodes/lead.html": '<div class="lead">{{ .Inner }}</div>',
        "layouts/_shortcodes/section.html": "<section>{{ .Inner }}</section>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{< lead >}}\nLead\n{{< /lead >}}\n\n"
                        "{{< section >}}\nInside\n{{< /lead >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/a.md", 11, "shortcode-mismatched")}


@pytest.mark.hugo
def test_ids_a_shortcode_writes_cover_only_what_starts_like_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A tabs shortcode writes `tabs-…` ids (from a `printf` it prints): a fragment that
    starts otherwise is still checked on its page."""
    small_site(tmp_path, {
        "layouts/_shortcodes/tabs.html": '{{- $guid := printf "tabs-%d" .Ordinal -}}\n'
                                         '<div id="{{ $guid }}">{{ .Inner }}</div>',
        "layouts/_shortcodes/tab.html": '{{ $guid := printf "tabs-%d" .Parent.Ordinal }}'
                                        '{{ $id := printf "%s-%d" $guid .Ordinal | anchorize }}'
                                        '<div id="{{ $id }}">{{ .Inner }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n- [Get file](#get-file) [tab](#tabs-0-0)\n\n## Get object\n\n"
                        "{{< tabs >}}\n{{% tab %}}\nwin\n{{% /tab %}}\n{{< /tabs >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/p.md", 5, "broken-anchor")}


@pytest.mark.hugo
def test_missing_static_files_are_found_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo copies the files of every `staticDir` and of each theme's `static` (checked with
    hugo 0.168): in a folder of static files only, a link to a file none of them has is
    broken, as Hugo's build shows; a folder they do not hold is not judged."""
    small_site(tmp_path, {
        "static/images/a.png": "",
        "assets2/img/b.png": "",
        "themes/t/static/theme-img/c.png": "",
        "themes/t/layouts/.keep": "",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n![a](/images/a.png) ![b](/img/b.png) ![c](/theme-img/c.png)\n\n"
                              "![x](/images/missing.png)\n\n![y](/theme-img/nope.png)\n\n![z](/elsewhere/z.png)\n",
    }, 'theme = "t"\nstaticDir = ["static", "assets2"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    missing = {("content/posts/a.md", line, "broken-link") for line in (7, 9)}
    assert findings() == missing
    assert findings("--build") == missing | {("content/posts/a.md", 11, "broken-link")}


@pytest.mark.hugo
def test_a_symbolic_link_in_static_is_not_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo follows a static folder that is itself a symbolic link, not a link inside it,
    to a file (its target there or not) or a folder (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "shared/images/a.png": "",
        "shared/real.png": "",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n![a](/images/a.png)\n\n![l](/images/l.png)\n\n"
                              "![d](/images/dangling.png)\n",
    }, 'staticDir = "static"\n')  # fmt: skip
    (tmp_path / "static").symlink_to("shared")
    (tmp_path / "shared" / "images" / "l.png").symlink_to("../real.png")
    (tmp_path / "shared" / "images" / "dangling.png").symlink_to("../nowhere.png")
    monkeypatch.chdir(tmp_path)
    expected = {("content/posts/a.md", line, "broken-link") for line in (7, 9)}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_pages_at_non_ascii_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo's URLs are percent-encoded, its files not (`docs/安装/index.html`): links to
    such pages, encoded or not, and to their headings, are found (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/docs/安装.md": "+++\ntitle = '安装'\n+++\n\n## 步骤\n",
        "content/docs/b.md": "+++\ntitle = 'B'\nslug = '文档'\n+++\n\nB.\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n[z](../安装/) [y](/docs/安装/#步骤) [x](/docs/%E6%96%87%E6%A1%A3/)\n\n"
                             "[gone](/docs/没有/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/a.md", 7, "broken-link")}


@pytest.mark.hugo
@pytest.mark.parametrize("setting", ["", "canonifyURLs", "relativeURLs"])
@pytest.mark.parametrize("base", ["https://x.org/project/", "/project/"])
def test_a_site_under_a_base_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, setting: str, base: str
) -> None:
    """baseURL `https://x.org/project/` (or only its path, `/project/`): Hugo writes its pages at public/a/…, and `/a/` in the
    Markdown leaves the site unless `canonifyURLs` puts the baseURL before it (not before
    `/project/a/`), or `relativeURLs` writes it relative to the site's root (`../a/`; and
    `/project/a/` as `../project/a/`: checked with hugo 0.168); mdcheck's own rendering agrees
    with the build, at the Markdown's lines."""
    small_site(tmp_path, {
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n## Step\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n[a](/docs/a/#step)\n\n[gone](/docs/gone/)\n\n"
                             "[full](/project/docs/a/)\n\n"
                             + ("" if setting else f"[home]({base.rstrip('/')}) and [home](/project), no slash\n"),
        "layouts/home.html": "home",
    }, f"{setting} = true\n" if setting else "")  # fmt: skip
    (tmp_path / "hugo.toml").write_text(
        (tmp_path / "hugo.toml").read_text().replace("https://x.org/", base)
    )
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/b.md", 7, "broken-link")}
    expected |= {("content/docs/b.md", 5, "broken-link")} if not setting else set()
    expected |= {("content/docs/b.md", 9, "broken-link")} if setting == "relativeURLs" else set()
    # The home page without its slash is the home page (servers redirect `/project`)
    assert findings() == findings("--build") == expected
    if setting == "relativeURLs":
        result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
        doubled = [p["message"] for p in json.loads(result.stdout)["problems"] if p["line"] == 9]
        assert doubled[0].endswith("which doubles the path: write /docs/a/")


@pytest.mark.hugo
def test_relative_urls_and_the_embedded_link_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With a `[languages]` table Hugo's embedded link hook writes `#x` as the page's
    address (`/docs/a/#x`), which relativeURLs makes `../../docs/a/#x`: a broken fragment is
    still placed at its Markdown line (skaffold: 205 findings were in public/)."""
    small_site(tmp_path, {
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n## Real\n\n[missing](#nope) and [ok](#real)\n",
    }, 'relativeURLs = true\n[languages.en]\nweight = 1\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/a.md", 7, "broken-anchor")}


@pytest.mark.hugo
def test_a_call_shown_as_text_is_not_placed_at_a_call_hugo_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page shows `{{< ver >}}` as text that a file it includes holds in a parameter
    (istio's boilerplates, checked with hugo 0.168): the page's own `{{< ver >}}`, which
    Hugo ran (in a code span too), is not where it comes from."""
    small_site(tmp_path, {
        "layouts/_shortcodes/boilerplate.html":
            '{{ with (.Page.GetPage "/boilerplates").Resources.GetMatch (printf "%s.md" (.Get 0)) }}'
            "{{ .Content | markdownify }}{{ end }}",
        "layouts/_shortcodes/image.html": '<figure><figcaption>{{ .Get "caption" }}</figcaption></figure>',
        "layouts/_shortcodes/ver.html": "1-2-3",
        "content/boilerplates/index.md": "---\nheadless: true\n---\n",
        "content/boilerplates/prologue.md": '---\n---\n{{< image caption="Pointed to {{< ver >}}" >}}\n',
        "content/docs/page.md": "---\ntitle: P\n---\n\nUse `revision={{< ver >}}` here.\n\n{{< boilerplate prologue >}}\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [place[0] for place in located("unrendered-markup", "--build")] == ["public/docs/page/index.html"]


@pytest.mark.hugo
def test_a_file_a_template_reads_for_a_digest_gives_no_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page template that reads a file only for its md5 (hugo-theme-bootstrap's favicon
    links) prints nothing of it: the page's fragments are still checked without a build."""
    small_site(tmp_path, {
        "static/icon.png": "PNG",
        "layouts/_partials/favicon.html": '{{ $file := readFile "static/icon.png" }}'
                                          '<link rel="icon" href="/icon.png?v={{ $file | md5 }}">',
        "layouts/single.html": '<html><head>{{ partial "favicon.html" . }}</head><body>{{ .Content }}</body></html>',
        "content/a.md": "---\ntitle: A\n---\n\n## Intro\n\n[x](#missing)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/a.md", 7, "broken-anchor")}
    assert findings("--source-only") == findings() == findings("--build") == expected


@pytest.mark.hugo
def test_the_pages_of_a_content_adapter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A content adapter (`_content.gotmpl`) adds pages only a build knows (the Kubernetes
    contributor site's KEPs, checked with hugo 0.168): links and refs into its section are
    not judged without one; a missing page elsewhere still is."""
    small_site(tmp_path, {
        "content/gen/_index.md": "---\ntitle: Gen\n---\n",
        "content/gen/_content.gotmpl": '{{ $.AddPage (dict "path" "p1" "title" "P1" '
                                       '"content" (dict "mediaType" "text/markdown" "value" "hi")) }}',
        "content/docs/a.md": "---\ntitle: A\n---\n\n[c](/gen/p1/) and [gone](/docs/gone/)\n\n"
                             '[r]({{< ref "/gen/p1" >}}) [s]({{< relref "/gen/p1.md" >}}) [t]({{< ref "p1" >}})\n',
        "layouts/list.html": "{{ .Content }}",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/a.md", 5, "broken-link")}
    assert findings("--source-only") == set()
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_section_slug_with_a_slash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A section's `slug: '/renamed'` makes its URL `/top//renamed/` (as Hugo lists it) and
    its pages are written at `top/renamed/` (checked with hugo 0.168; k6's docs: 77 false
    broken links): links there, and the pages' own fragments, are found."""
    small_site(tmp_path, {
        "content/top/_index.md": "---\ntitle: Top\n---\n\n[r](/top/renamed/) and [gone](/top/sec/)\n",
        "content/top/sec/_index.md": "---\ntitle: Sec\nslug: '/renamed'\n---\n",
        "content/top/sec/how.md": "---\ntitle: How\n---\n\n[b](#b)\n\n## B\n",
        "layouts/list.html": "{{ .Content }}",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/top/_index.md", 5, "broken-link")}


@pytest.mark.hugo
def test_the_aliases_and_files_of_a_page_hugo_does_not_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page Hugo does not build by default (a date to come, a draft) gets no alias
    redirect and its bundle's files are not published (checked with hugo 0.168): links
    to them are broken, and told so without a build."""
    small_site(tmp_path, {
        "content/docs/future.md": "---\ntitle: F\ndate: 2099-01-01\naliases: [/old/fut/]\n---\n\n## Intro\n",
        "content/misc/bund/index.md": "---\ntitle: B\ndraft: true\n---\n",
        "content/misc/bund/cover.png": "PNG",
        "content/docs/a.md": "---\ntitle: A\n---\n\n[x](/old/fut/) [y](/old/fut/#intro) [z](/misc/bund/cover.png)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/docs/a.md", 5, column) for column in (1, 16, 37)]
    assert_located_alike("broken-link", expected)
    assert not located("broken-anchor")


@pytest.mark.hugo
def test_the_files_of_bundles_hugo_renders_no_page_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A headless bundle's files, and those of `build.render` "never" or "link", are
    published where its page would be, unless `publishResources = false` (checked with
    hugo 0.168)."""
    bundles = {
        "hl": "headless: true", "nv": "build:\n  render: never", "ln": "build:\n  render: link",
        "off": "headless: true\nbuild:\n  publishResources: false",
    }  # fmt: skip
    files = {f"content/notes/{name}/index.md": f"---\ntitle: {name}\n{fm}\n---\n" for name, fm in bundles.items()}
    files |= {f"content/notes/{name}/f.pdf": "PDF" for name in bundles}
    links = " ".join(f"[{name}](/notes/{name}/f.pdf)" for name in bundles)
    small_site(tmp_path, {**files, "content/docs/a.md": f"---\ntitle: A\n---\n\n{links}\n"})
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/a.md", 5, "broken-link")}
    assert [place[2] for place in located("broken-link")] == [links.index("[off]") + 1]


@pytest.mark.hugo
def test_a_list_pages_findings_with_ugly_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With uglyURLs a section's URL is `/docs/index.html` (hugo 0.168's list): a build's
    findings on its page are placed at its `_index.md`, once."""
    small_site(tmp_path, {
        "content/docs/_index.md": "---\ntitle: Docs\n---\n\n[x](/nope/)\n\n[y](#nope)\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\n[z](/nope2/)\n",
        "layouts/list.html": "{{ .Content }}",
    }, "uglyURLs = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/_index.md", 5, "broken-link"), ("content/docs/_index.md", 7, "broken-anchor"),
                ("content/docs/a.md", 5, "broken-link")}  # fmt: skip
    assert findings() == findings("--build") == expected
    assert len(problems("--build")) == 3


@pytest.mark.hugo
def test_a_path_the_embedded_hook_writes_as_a_slugged_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded link hook writes `/docs/b/#x` as the page it finds, `/docs/bee/#x`
    when it has a slug (checked with hugo 0.168): a build's finding on it is placed at the
    Markdown line, as mdcheck's own rendering places it."""
    small_site(tmp_path, {
        "content/docs/b.md": "---\ntitle: B\nslug: bee\n---\n\n## Intro\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\n[x](/docs/b/#nope) and [y](/docs/b/#intro)\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [("content/docs/a.md", 5, 1)])


@pytest.mark.hugo
def test_a_markdown_shortcode_that_writes_no_heading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`{{% note "x" %}}` output is Markdown, which may hold headings; a template with no `#`
    and no text from elsewhere writes none, unless its parameters start one: the page's
    fragments are checked."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": "{{ .Get 0 }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{% note \"read this\" %}}\n\n[x](#gone)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n{{% note \"## Made\" %}}\n\n[x](#made)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/a.md", 7, "broken-anchor")}


@pytest.mark.hugo
def test_headings_of_markdown_calls_inside_a_shortcodes_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{% codetab %}}` inside `{{< tabs >}}`: Hugo renders the tab's Markdown, headings
    and ids included (checked with hugo 0.168); they are found though the page's parse does
    not show the tabs' content, and other fragments are still checked, those that start with
    such an id too. Each tab is rendered apart: its ids are unique within it alone."""
    small_site(tmp_path, {
        "layouts/_shortcodes/tabs.html": '<div id="tabs-{{ .Ordinal }}">{{ .Inner }}</div>',
        "layouts/_shortcodes/codetab.html": "{{ .Inner }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[in](#inside) [gone](#insid) [more](#inside-more) [one](#inside-1)\n\n"
                        "{{< tabs >}}\n{{% codetab %}}\n## Inside\n\nText.\n{{% /codetab %}}\n"
                        "{{% codetab %}}\n## Inside\n{{% /codetab %}}\n{{< /tabs >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)

    def places(*args: str) -> set[tuple[int, int, str]]:
        return {(p["line"], p["column"], p["rule"]) for p in problems(*args) if p["rule"] == "broken-anchor"}

    expected = {(5, 15, "broken-anchor"), (5, 30, "broken-anchor"), (5, 51, "broken-anchor")}
    assert places() == places("--build") == expected
    # the id meant is told (dapr's quickstarts)
    assert all("did you mean '#inside'?" in p["message"] for p in problems() + problems("--build") if p["column"] == 15)


@pytest.mark.hugo
def test_markdown_calls_inside_another_calls_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% %}}` call inside another call's content has its content rendered apart, with
    ids of its own (checked with hugo 0.168): `## Usage` in two tabs is `usage` twice, and
    the page's own `## Usage` after them is `usage` too. The links in a `{{% tab %}}` inside
    `{{< tabs >}}` are the page's, checked without a build."""
    tabs = "{{% tab %}}\n## Usage\n\n[x](/nowhere/) [y](#nope)\n{{% /tab %}}\n{{% tab %}}\n## Usage\n{{% /tab %}}\n"
    small_site(tmp_path, {
        "layouts/_shortcodes/tabs.html": '<div class="tabs">{{ .Inner }}</div>',
        "layouts/_shortcodes/tab.html": '<div class="tab">{{ .Inner }}</div>',
        "content/a.md": f"+++\ntitle = 'A'\n+++\n\n{{{{% tabs %}}}}\n{tabs}{{{{% /tabs %}}}}\n\n## Usage\n\n"
                        "[one](#usage-1) [two](#usage-2)\n",
        "content/b.md": f"+++\ntitle = 'B'\n+++\n\n{{{{< tabs >}}}}\n{tabs}{{{{< /tabs >}}}}\n\n## Usage\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)

    def places(*args: str) -> set[tuple[str, int, int, str]]:
        return {(p["path"][-4:], p["line"], p["column"], p["rule"]) for p in problems(*args)}

    expected = {
        *((page, 9, 1, "broken-link") for page in ("a.md", "b.md")),
        *((page, 9, 16, "broken-anchor") for page in ("a.md", "b.md")),
        *((page, line, 1, "duplicate-id") for page in ("a.md", "b.md") for line in (12, 16)),
        ("a.md", 18, 1, "broken-anchor"), ("a.md", 18, 17, "broken-anchor"),
    }  # fmt: skip
    assert places() == places("--build") == expected


@pytest.mark.hugo
def test_markdown_calls_inside_another_see_their_own_link_definitions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The content of a `{{% %}}` call inside another `{{% %}}` call's content is rendered
    apart, with the link definitions inside it alone; the page's own Markdown (the outer
    call's content included) does not see those (checked against hugo's HTML)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/plain.html": "{{ .Inner }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nPage [Gw][] [In][] [Out][].\n\n"
                        "{{% plain %}}\nOuter [Gw][] [In][].\n\n"
                        "{{% plain %}}\nInner [Gw][] [In][] [Out][] [Deep][].\n\n"
                        "{{% plain %}}\nDeep [In][] [Deep][].\n\n[Deep]: /deep/\n{{% /plain %}}\n\n"
                        "[In]: /in/\n{{% /plain %}}\n\n[Out]: /out/\n{{% /plain %}}\n\n[Gw]: /gw/\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/a/index.html").read_text()
    shown = {text.split()[0]: re.findall(r"\[\w+\]\[\]", text) for text in re.findall(r"<p>(.*?)</p>", html)}
    assert shown == {
        "Page": ["[In][]"], "Outer": ["[In][]"], "Inner": ["[Gw][]", "[Out][]", "[Deep][]"], "Deep": ["[In][]"],
    }  # fmt: skip
    lines = (tmp_path / "content/a.md").read_text().split("\n")
    line_of = {line.split(" ")[0]: number for number, line in enumerate(lines, 1) if line.split(" ")[0] in shown}
    expected = {(line_of[word], written) for word, labels in shown.items() for written in labels}
    undefined = {(p["line"], p["message"].split("'")[1]) for p in problems() if p["rule"] == "link-reference-undefined"}
    assert undefined == expected
    assert findings() == findings("--build")


@pytest.mark.hugo
def test_markdown_calls_inside_another_have_footnotes_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Footnotes, like link definitions, are those of the Markdown Hugo renders together: a
    `{{% %}}` call's content inside another call's has its own (checked against hugo's HTML)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/plain.html": "{{ .Inner }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nPage[^p] and[^i].\n\n{{% plain %}}\nOuter[^p].\n\n"
                        "{{% plain %}}\nInner[^p] and[^i].\n\n[^i]: Inner.\n{{% /plain %}}\n{{% /plain %}}\n\n"
                        "[^p]: Page.\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/a/index.html").read_text()
    assert re.findall(r"(\w+)\[\^(\w)\]", html) == [("and", "i"), ("Inner", "p")]
    shutil.rmtree(tmp_path / "public")
    undefined = {(p["line"], p["column"]) for p in problems() if p["rule"] == "footnote-undefined"}
    assert undefined == {(5, 13), (11, 6)}
    # Each part numbers its footnotes from 1: the build's HTML repeats fn:1 (mdcheck's rendering does not)
    repeated = {("public/a/index.html", 3, "duplicate-id"), ("public/a/index.html", 15, "duplicate-id")}
    assert findings() == findings("--build") - repeated


@pytest.mark.hugo
def test_a_math_renderer_a_param_names_and_hugos_table_of_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """KaTeX loaded by HTML a site param holds and the theme prints (gokarna's
    `customHeadHTML`) renders `$$…$$`; a theme that prints `.TableOfContents` has Hugo's
    `<nav id="TableOfContents">`, on a page without headings too: neither is reported."""
    small_site(tmp_path, {
        "layouts/single.html": "<html><head>{{ site.Params.customHeadHTML | safeHTML }}</head><body>"
                               "{{ .TableOfContents }}{{ .Content }}</body></html>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n$$x^2$$\n\n[contents](#TableOfContents)\n",
    }, "[params]\ncustomHeadHTML = '<script src=\"https://cdn.example.org/katex.min.js\"></script>'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == set()


@pytest.mark.hugo
def test_a_toc_shortcode_writes_hugos_table_of_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A `{{< toc >}}` whose template prints `.Page.TableOfContents` writes Hugo's `<nav
    id="TableOfContents">` on the page that calls it: a link to it there, or from another
    page, is fine; on a page without the call, no such id."""
    small_site(tmp_path, {
        "layouts/_shortcodes/toc.html": "{{ .Page.TableOfContents }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{< toc >}}\n\n## Two\n\n[t](#TableOfContents)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n## Two\n\n[t](#TableOfContents) [a](/a/#TableOfContents)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/b.md", 7, "broken-anchor")}
    assert findings() == findings("--source-only") == findings("--build") == expected


@pytest.mark.hugo
def test_a_content_calls_markdownified_headings_keep_their_ids_with_raw_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With raw HTML kept, `{{% note %}}` whose template writes `<div>{{ .Inner | markdownify
    }}</div>` puts the content's headings, rendered apart, in the page: their ids are known
    and the page's other fragments still checked (they had all been left to the build)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | markdownify }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Real\n\n{{% note %}}\n### Heading in note\n\ntext\n{{% /note %}}\n\n"
                        "See [missing](#missing-frag) and [in note](#heading-in-note).\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", 13, "broken-anchor")}
    assert findings() == findings("--source-only") == findings("--build") == expected


@pytest.mark.hugo
def test_a_files_text_shown_in_a_code_block_writes_no_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`{{< readfile "data/x.yaml" >}}` in a fence prints a YAML file into the code block:
    no element, so the page's ids are known without a build (kubermatic: 123 pages had been
    left to it). A page that reads an HTML file so is still left to the build."""
    small_site(tmp_path, {
        "layouts/_shortcodes/readfile.html": "{{ readFile (.Get 0) }}",
        "data/x.yaml": "a: 1\n",
        "data/x.html": '<h2 id="from-file">F</h2>\n',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Installing\n\n```yaml\n{{< readfile \"data/x.yaml\" >}}\n```\n",
        "content/h.md": "+++\ntitle = 'H'\n+++\n\n```html\n{{< readfile \"data/x.html\" >}}\n```\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\n[a](/a/#adding) [b](/a/#installing) [h](/h/#from-file)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/b.md", 5, "broken-anchor")}
    assert [p["column"] for p in problems() if p["rule"] == "broken-anchor"] == [1]


@pytest.mark.hugo
def test_links_canonified_without_a_base_url_are_placed_at_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`canonifyURLs` with no baseURL writes `/v8/c/` as `https://example.org/v8/c/`, Hugo's
    default base: the broken one of two links of the same text is placed at its own line,
    not at the first (sensu's release notes: 1,254 findings at other lines)."""
    small_site(tmp_path, {
        "hugo.toml": 'baseURL = ""\ncanonifyURLs = true\n',
        "layouts/list.html": SINGLE,
        "content/v9/c/_index.md": "+++\ntitle = 'C'\n+++\n",
        "content/v9/p.md": "+++\ntitle = 'P'\n+++\n\n- ([Feature][9]) works.\n- ([Feature][8]) broken.\n\n"
                           "[8]: /v8/c/\n[9]: /v9/c/\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/v9/p.md", 6, 4)])


@pytest.mark.hugo
def test_a_pages_own_duplicate_id_is_not_folded_into_anothers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Two pages each repeat `requirements`: one in two `{{% tab %}}` calls (placed at its
    Markdown), one in two files read and rendered apart (at its HTML): each is reported,
    the second not folded into the first as a template's (minikube's vmware page)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/readfile.html": '{{- .Get "file" | os.ReadFile | .Page.RenderString | safeHTML -}}',
        "layouts/_shortcodes/tab.html": '<div class="tab-pane">\n    {{ .Inner }}\n</div>',
        "layouts/_shortcodes/tabs.html": '<div class="tabs">{{ .Inner }}</div>',
        "inc/a.inc": "## Requirements\n\n* A\n",
        "content/other.md": "+++\ntitle = 'O'\n+++\n\n{{% tabs %}}\n{{% tab %}}\n## Requirements\n{{% /tab %}}\n"
                            "{{% tab %}}\n## Requirements\n{{% /tab %}}\n{{% /tabs %}}\n",
        "content/page.md": "+++\ntitle = 'P'\n+++\n\n{{% readfile file=\"inc/a.inc\" %}}\n\n"
                           "{{% readfile file=\"inc/a.inc\" %}}\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = sorted(p["path"] for p in problems("--build") if p["rule"] == "duplicate-id")
    assert found == ["content/other.md", "public/page/index.html"]


@pytest.mark.hugo
def test_kinds_disabled_make_no_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`disableKinds = ["section"]`: Hugo publishes the section's pages, not its list page,
    and writes a ref to its `_index.md` empty without a word (checked with hugo 0.168): links
    to the section are broken, and the ref is reported, with a build and without."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/docs/_index.md": "+++\ntitle = 'Docs'\n+++\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n[docs](/docs/) [up](../) [b](/docs/b/)\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n[s]({{< relref \"/docs/_index.md\" >}})\n",
    }, 'disableKinds = ["section", "taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/a.md", 5, "broken-link"), ("content/docs/b.md", 5, "ref-not-found")}
    assert findings() == findings("--build") == expected
    assert [p["column"] for p in problems() if p["rule"] == "broken-link"] == [1, 16]


@pytest.mark.hugo
def test_raw_images_without_alt_beside_a_templates_image_of_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The template writes `<img alt="P" src="/b.png">` from the front matter, and the
    Markdown twice `<img src="/b.png">`: the template's, which has an alt, is no raw image
    of the Markdown's, so both of those are found at their lines with a build too (yugabyte's
    index pages had lost one)."""
    assert_site_found_alike(tmp_path, monkeypatch, hugo, {
        "layouts/single.html": '<html><body>{{ with .Params.image }}<img alt="{{ $.Title }}" src="{{ . }}">{{ end }}'
                               "{{ .Content }}</body></html>",
        "content/p.md": '---\ntitle: P\nimage: /b.png\n---\n\n<img src="/b.png">\n\nSecond:\n\n<img src="/b.png">\n',
    }, "[markup.goldmark.renderer]\nunsafe = true\n", "image-alt", [("content/p.md", 6, 1), ("content/p.md", 10, 1)])


@pytest.mark.hugo
@pytest.mark.parametrize("block", [False, True])
def test_block_attributes_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, block: bool) -> None:
    """`{.note #para-id}` under a paragraph is text while block attributes are off (Hugo's
    default), and kramdown's `{: .note}` always: found at their lines, with a build too."""
    expected = [("content/p.md", 6, 1)] if block else [("content/p.md", 6, 1), ("content/p.md", 9, 1)]
    assert_site_found_alike(tmp_path, monkeypatch, hugo, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nA paragraph.\n{: .note}\n\n- item\n{.list #items}\n",
    }, f"[markup.goldmark.parser.attribute]\nblock = {str(block).lower()}\n", "unrendered-markup", expected,
       ("p/index.html", "{: .note}"))  # fmt: skip


@pytest.mark.hugo
def test_a_section_beside_a_leaf_bundle_of_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`content/docs/` holds `_index.md`, `index.md` and `a.md` (gardener's 212 folders, a
    VitePress tree): Hugo publishes `docs/index.html` of `index.md` alone, without a word
    (checked with hugo 0.168). Reported at the `_index.md`, with the pages it loses."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/docs/_index.md": "+++\ntitle = 'Docs'\n+++\n\nSection text.\n",
        "content/docs/index.md": "+++\ntitle = 'Index'\n+++\n\nIndex text.\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nA.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in problems("--source-only") if p["rule"] == "duplicate-url"]
    assert (found["path"], found["line"]) == ("content/docs/_index.md", 1)
    assert "content/docs/index.md beside this file" in found["message"] and "nor the 1 page below it" in found["message"]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "Index text." in (tmp_path / "public/docs/index.html").read_text("utf-8")
    assert not (tmp_path / "public/docs/a").exists()


@pytest.mark.hugo
def test_a_math_renderer_in_a_script_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A theme's script, bundled by `js.Build` and fingerprinted, renders `$$…$$` with KaTeX
    (toha's): the built page's `<script>` names neither, the site's assets tell."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><head>{{ with resources.Get "js/app.js" | js.Build | fingerprint }}'
                               '<script src="{{ .RelPermalink }}"></script>{{ end }}</head>'
                               "<body>{{ .Content }}</body></html>",
        "assets/js/app.js": "document.addEventListener('load', () => window.katex && window.katex.render());\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n$$x^2$$\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == set()
    (tmp_path / "assets" / "js" / "app.js").write_text("console.log('no math');\n")
    assert {rule for _, _, rule in findings("--build")} == {"unrendered-markup"}


FENCE_ATTRIBUTES = (
    "{a}", "{linenostart=}", "{title=foo bar}", "{x=1,}", "{linenos=inline hl_lines=2}", "{hl_lines=[2 3]}",
    "{title='a'}", '{hl_lines="2-5"}', "{.foo #bar}", "{hl_lines=2-5}", "{linenos=true}}", "{-x=1}", "{x=-1}",
    "{x=a/b}", '{title="a}b"}', "{x=[1,2}", "{x=null}", "{x=1e5}", "{x=1e}", "{x=#abc}", "{}", "{r}", "x{y}",
    '{x=[1,"a",]}', "{1,3}", "{x=+}", '{{title="a"}', '{{title="a"}}', "{.brush: .php;}", "} {x=1}",
)


@pytest.mark.hugo
def test_fence_attributes_stop_the_build_as_hugo_says(tmp_path: Path, hugo: str) -> None:
    """Each code fence's attributes, in a site of its own: mdcheck reports those on which
    hugo stops the build, and no other."""
    for number, attributes in enumerate(FENCE_ATTRIBUTES):
        site = tmp_path / f"s{number}"
        small_site(site, {"content/a.md": f"+++\ntitle = 'A'\n+++\n\n```yaml {attributes}\na: 1\n```\n"})
        built = subprocess.run([hugo, "-s", str(site), "-d", str(site / "public")], capture_output=True, text=True)
        found = check_text(site, (site / "content/a.md").read_text(), ["fence-attributes"])
        assert bool(found) == (built.returncode != 0), attributes
        said = ("failed to parse Markdown attributes", "not implemented: <nil>")
        assert built.returncode == 0 or any(reason in built.stderr for reason in said), attributes


HIGHLIGHT_OPTIONS = ("linenos", "linenostart", "tabwidth", "anchorlinenos", "guessSyntax", "hl_inline", "style", "lineanchors")
OPTION_VALUES = ("abc", "yes", "1", "0", "-3", "1.5", "true", "false", '"x"', '"1"', '"T"', '"+2"', '"0x10"', '"1.5"', '""', "[1]")


@pytest.mark.hugo
def test_highlighting_options_hugo_cannot_decode(tmp_path: Path, hugo: str) -> None:
    """Each highlighting option with each kind of value, a page each, in one build (Hugo
    names every page it fails on): mdcheck reports those Hugo cannot decode, and no other."""
    for option in HIGHLIGHT_OPTIONS:  # a site each: a build that fails on many pages may hang (hugo 0.168)
        site = tmp_path / option
        small_site(site, {
            f"content/p{number}.md": f"+++\ntitle = 'P{number}'\n+++\n\n```go {{{option}={value}}}\nx\n```\n"
            for number, value in enumerate(OPTION_VALUES)
        })  # fmt: skip
        built = subprocess.run([hugo, "-s", str(site), "-d", str(site / "public")], capture_output=True, text=True, timeout=60)
        failed = {int(number) for number in re.findall(r"/content/p(\d+)\.md:1:1", built.stderr)}
        assert failed  # the build names its pages
        for number, value in enumerate(OPTION_VALUES):
            found = check_text(site, (site / f"content/p{number}.md").read_text(), ["fence-attributes"])
            assert bool(found) == (number in failed), (option, value)


@pytest.mark.hugo
def test_an_alias_at_a_list_page_or_at_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An alias at the home page or a section's list page that no file makes: Hugo writes the
    redirect there, over the page (or the page over it); an alias at the root stops the
    build (checked with hugo 0.168). Both are found without a build, at the aliases."""
    small_site(tmp_path, {
        "layouts/home.html": "HOME", "layouts/list.html": "LIST",
        "content/posts/a.md": "+++\ntitle = 'A'\naliases = ['/index.html', '/posts/']\n+++\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (message,) = [p["message"] for p in problems("--source-only") if p["rule"] == "duplicate-url"]
    assert "/index.html is the URL of the home page; /posts/ is the URL of the list page of the section" in message
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "HOME" not in (tmp_path / "public/index.html").read_text() or "LIST" not in (
        tmp_path / "public/posts/index.html").read_text()
    (tmp_path / "content/posts/a.md").write_text("+++\ntitle = 'A'\naliases = ['/']\n+++\n")
    assert [(p["line"], p["rule"]) for p in problems("--source-only")] == [(3, "duplicate-url")]
    result = subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0 and 'alias "/" resolves to website root directory' in result.stderr
    # an empty alias, or `null`, is the page's folder: the root for a page at the root
    (tmp_path / "content/posts/a.md").unlink()
    (tmp_path / "content/b.md").write_text("---\ntitle: B\naliases: [null]\n---\n")
    assert [(p["line"], p["rule"]) for p in problems("--source-only")] == [(3, "duplicate-url")]
    result = subprocess.run([hugo, "-d", str(tmp_path / "out2")], capture_output=True, text=True)
    assert result.returncode != 0 and 'alias "/" resolves to website root directory' in result.stderr


@pytest.mark.hugo
def test_an_alias_at_a_section_hugo_does_not_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A section whose `_index.md` has `build.render = "never"` (or false) has no list page:
    the alias's redirect alone is written there (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/list.html": "LIST",
        "content/docs/_index.md": "+++\ntitle = 'Docs'\n[build]\nlist = false\nrender = false\n+++\n",
        "content/docs/intro.md": "+++\ntitle = 'Intro'\naliases = ['/docs/']\n+++\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [p for p in problems("--source-only") if p["rule"] == "duplicate-url"] == []
    build_site(hugo, tmp_path, tmp_path / "public")
    assert 'url=https://x.org/docs/intro/' in (tmp_path / "public/docs/index.html").read_text()


@pytest.mark.hugo
def test_a_redirect_pages_own_skip_link_is_no_redirect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A page whose content is a meta refresh keeps the theme's `<a href="#main-col">`
    beside its `<main id="main-col">`: a link within the page, not one the redirect drops
    the fragment of (chef-web-docs); nor is a page's `#overview` when a forced rule
    redirects the page (kubermatic). A link from elsewhere through it still is, and one
    through a page that redirects to another site too."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body><a href="#main-col">Skip</a><main id="main-col">{{ .Content }}</main>'
                               "</body></html>",
        "content/target.md": "+++\ntitle = 'Target'\n+++\n\n## Run\n",
        "content/moved.md": '+++\ntitle = "Moved"\n+++\n<meta http-equiv="refresh" content="0; url=/target/" />\n',
        "content/away.md": '+++\ntitle = "Away"\n+++\n<meta http-equiv="refresh" content="0; url=https://x.com/cli/" />\n',
        "content/other.md": "+++\ntitle = 'Other'\n+++\n\n[run](/moved/#run) [cli](/away/#run)\n",
        "content/docs/old.md": "+++\ntitle = 'Old'\n+++\n\n## Overview\n\nSee [the overview](#overview).\n",
        "static/_redirects": "/docs/old/ /target/ 301!\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems("--build")
    assert [(p["path"], p["column"], p["rule"]) for p in found] == [
        ("content/other.md", 1, "broken-anchor"), ("content/other.md", 20, "broken-anchor")
    ]  # fmt: skip
    assert all("drops the fragment" in p["message"] for p in found)
    assert "/away/ redirects to https://x.com/cli/" in found[1]["message"]


@pytest.mark.hugo
@pytest.mark.parametrize("template", ["hugo's", "a script"])
def test_a_fragment_through_an_alias_is_checked_on_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, template: str
) -> None:
    """Hugo's alias template redirects with a meta refresh, which drops the fragment: a
    link with one through an alias is reported, whether or not the page has it. A site's
    template that redirects with a script adding `location.hash` (a head alone, naming the
    page canonical) carries it on: the fragment is checked on the page. With and without a
    build."""
    script = (
        '<!DOCTYPE html><html><head><title>{{ .Permalink }}</title><link rel="canonical" href="{{ .Permalink }}">'
        '<script>window.location = "{{ .Permalink }}" + window.location.hash;</script></head></html>'
    )
    small_site(tmp_path, {
        **({"layouts/alias.html": script} if template == "a script" else {}),
        "content/docs/config.md": "+++\ntitle = 'Config'\naliases = ['/docs/latest/config']\n+++\n\n## rebaseRules\n",
        "content/docs/other.md": "+++\ntitle = 'Other'\n+++\n\n"
                                 "[kept](/docs/latest/config/#rebaserules) [gone](/docs/latest/config/#nope)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    if template == "a script":
        expected = [("content/docs/other.md", 5, 42)]
        assert_located_alike("broken-anchor", expected)
        (message,) = [p["message"] for p in problems() if p["rule"] == "broken-anchor"]
        assert message.endswith(
            "(the link names /docs/latest/config/, an alias of that page: its redirect leads there)"
        )
        return
    expected = [("content/docs/other.md", 5, 1), ("content/docs/other.md", 5, 42)]
    assert_located_alike("broken-anchor", expected)
    kept, gone = [p["message"] for p in problems() if p["rule"] == "broken-anchor"]
    assert "redirects with a meta refresh, which drops the fragment" in kept
    assert kept.endswith("link to /docs/config/#rebaserules instead")
    assert gone.endswith("and no heading or element with id 'nope' on content/docs/config.md")
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<meta http-equiv="refresh" content="0; url=https://x.org/docs/config/">' in (
        tmp_path / "public/docs/latest/config/index.html"
    ).read_text("utf-8")


@pytest.mark.hugo
def test_a_templates_link_is_not_placed_at_another_hosts_link_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme's version menu links `/docs/old/gatekeeper/`; the page's Markdown links
    `https://github.com/…/gatekeeper`, which no hook makes a path of the site: the finding
    is the template's, not at that Markdown link."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav><a href="/docs/old/{{ .File.ContentBaseName }}/">old</a></nav>{{ .Content }}',
        "content/docs/gatekeeper.md": "+++\ntitle = 'G'\n+++\n\n"
                                      "[Gatekeeper](https://github.com/open-policy-agent/gatekeeper)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("public/docs/gatekeeper/index.html", 1, 6)]


@pytest.mark.hugo
def test_a_templates_link_is_not_placed_at_a_link_of_the_same_name_written_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Docsy's sidebar links `/docs/pipelines/` on every page; a page's Markdown links
    `/docs/start/pipelines/`, which Hugo writes as it is when no link hook renders it: the
    sidebar's finding is the template's, not at that Markdown link (tekton)."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav><a href="/docs/pipelines/">Pipelines</a></nav>{{ .Content }}',
        "content/docs/start/pipelines.md": "+++\ntitle = 'P'\n+++\n\nHello.\n",
        "content/docs/start/tasks.md": "+++\ntitle = 'T'\n+++\n\nProceed to the [next](/docs/start/pipelines/).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("layouts/single.html", 1, 15)]


@pytest.mark.hugo
def test_a_templates_broken_link_is_not_placed_at_the_markdown_link_a_hook_made_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """velero's sidebar links `/docs/use-cases.html#x`; a page's `[guide](use-cases.md#x)`,
    which the site's link hook finds (`GetPage`), shows as `/docs/use-cases/#x`: the
    sidebar's broken link is the template's, not that Markdown link's."""
    hook = (
        "{{- $link := .Destination -}}{{- $u := urls.Parse .Destination -}}{{- with $u.Path }}"
        '{{ with $.Page.GetPage . }}{{ $link = printf "%s#%s" .RelPermalink $u.Fragment }}{{ end }}{{ end -}}'
        '<a href="{{ $link | safeURL }}">{{ .Text | safeHTML }}</a>'
    )
    small_site(tmp_path, {
        "layouts/single.html": '<nav><a href="/docs/use-cases.html#x">Use</a></nav>{{ .Content }}',
        "layouts/_markup/render-link.html": hook,
        "content/docs/use-cases.md": "+++\ntitle = 'U'\n+++\n\n## X\n",
        "content/docs/concepts.md": "+++\ntitle = 'C'\n+++\n\nSee the [guide](use-cases.md#x).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [path for path, _, _ in located("broken-link", "--build")] == ["layouts/single.html"]


@pytest.mark.hugo
def test_raw_html_in_content_a_template_renders_is_placed_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Raw HTML in a `{{< >}}` call's content that its template renders (`.Inner |
    markdownify`, Docsy's blocks/cover) is the page's: its findings are at its lines, one
    per page, not at the HTML's path grouped as a template's (grpc's home page)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/box.html": "<div>{{ .Inner | markdownify }}</div>",
        "layouts/list.html": "{{ .Content }}",
        "static/a.png": "",
        "content/_index.md": "+++\ntitle = 'Home'\n+++\n\n{{< box >}}\n<img src=\"/a.png\" class=\"logo\" />\n"
                             "{{< /box >}}\n",
        "content/posts/p.md": "+++\ntitle = 'P'\n+++\n\n{{< box >}}\n<img src=\"/a.png\" class=\"logo\" />\n"
                              "<a href=\"/nope/\">y</a>\n{{< /box >}}\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/_index.md", 6, 1, "image-alt"), ("content/posts/p.md", 6, 1, "image-alt"),
                ("content/posts/p.md", 7, 1, "broken-link")]  # fmt: skip
    for build in ((), ("--build",)):
        assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems(*build)] == expected


@pytest.mark.hugo
def test_front_matter_in_an_html_comment_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo read front matter inside an HTML comment until 0.123.0 (tekton's synced docs):
    now the page has none, and the finding says why."""
    small_site(tmp_path, {
        "layouts/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
        "content/a.md": '<!--\n---\ntitle: "Concept model"\n---\n-->\n\nText.\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--build") if p["rule"] == "front-matter-required"]
    assert [(p["line"], p["column"]) for p in found] == [(1, 1)]
    assert found[0]["message"].startswith("front matter inside an HTML comment, which Hugo reads no more")
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/a/index.html").read_text().startswith("<h1></h1>")


@pytest.mark.hugo
def test_a_type_a_cascade_gives_picks_the_hooks_and_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A section's `cascade: {type: docs}` (Docsy sites') makes its pages' type docs, as
    their own `type` would: the docs link hook renders their links, and the docs template
    prints the title as an `<h1>` (flux's Flagger tutorials)."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/docs/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
        "layouts/docs/_markup/render-link.html": '{{ $link := .Destination }}{{ with $.Page.GetPage .Destination }}'
                                                 '{{ $link = .RelPermalink }}{{ end }}<a href="{{ $link }}">'
                                                 "{{ .Text }}</a>",
        "content/guide/_index.md": "---\ntitle: Guide\ncascade:\n  type: docs\n---\n",
        "content/guide/a.md": "---\ntitle: A\n---\n\nSee [b](b.md).\n\n# A/B testing\n",
        "content/guide/b.md": "---\ntitle: B\n---\n\nB.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/guide/a.md", 7, "content-h1")}
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/guide/a/index.html").read_text()
    assert '<a href="/guide/b/">b</a>' in html and html.count("<h1") == 2


def test_a_page_whose_front_matter_fails_is_placed_where_its_path_puts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Front matter Hugo refuses (a key set twice: vitess's tracker pages) is reported once:
    the page's relative links lead from where its path puts it, and links to it land there,
    not at `/content/…` (60 false broken links on vitess)."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "content/docs/b.md": "---\ntitle: B\n---\n\n## Flags\n\n[t](../t/)\n",
        "content/docs/t.md": "---\ntitle: T\naliases: []\naliases: ['/old/']\n---\n\n[b](../b/) [flags](../b/#flags)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == {("content/docs/t.md", 4, "front-matter-syntax")}


@pytest.mark.hugo
def test_a_page_a_shortcode_parameter_names_for_relref(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme's shortcode that passes a parameter to `relref` (geekdoc's button) makes
    Hugo look its value up as a page and stop the build when there is none: reported
    without a build, at the call."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/_shortcodes/button.html": '{{ with .Get "relref" }}<a href="{{ relref $ . }}">{{ end }}'
                                           "{{ $.Inner }}</a>",
        "content/usage/start.md": "+++\ntitle = 'Start'\n+++\n",
        "content/post.md": '+++\ntitle = "Post"\n+++\n\n{{< button relref="usage/nope/" >}}Go{{< /button >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems()
    assert [(p["line"], p["column"], p["rule"]) for p in found] == [(5, 1, "ref-not-found")]
    assert found[0]["message"] == "the button shortcode's relref 'usage/nope/': no such page (Hugo logs an error: the build fails)"
    result = subprocess.run([hugo, "-s", str(tmp_path), "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0 and 'REF_NOT_FOUND: Ref "usage/nope/"' in result.stdout + result.stderr
    call = '{{< button relref="usage/start/" >}}Go{{< /button >}}'
    (tmp_path / "content/post.md").write_text(f'+++\ntitle = "Post"\n+++\n\n{call}\n')
    assert problems() == []
    build_site(hugo, tmp_path, tmp_path / "out")
    # a URL is no page: a template given URLs looks up the others alone (redis's image-card)
    (tmp_path / "layouts/_shortcodes/card.html").write_text(
        '{{ $url := .Get "url" }}{{ $to := $url }}{{ if not (hasPrefix $url "http") }}{{ $to = relref . $url }}'
        '{{ end }}<a href="{{ $to }}">card</a>'
    )
    (tmp_path / "content/post.md").write_text('+++\ntitle = "Post"\n+++\n\n{{< card url="https://x.org/a" >}}\n')
    assert problems() == []
    build_site(hugo, tmp_path, tmp_path / "out")
    # one that tests nothing looks a URL up too, and fails (Hugo names its path)
    call = '{{< button relref="https://x.org/a" >}}Go{{< /button >}}'
    (tmp_path / "content/post.md").write_text(f'+++\ntitle = "Post"\n+++\n\n{call}\n')
    assert [p["rule"] for p in problems()] == ["ref-not-found"]
    result = subprocess.run([hugo, "-s", str(tmp_path), "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0 and 'REF_NOT_FOUND: Ref "/a"' in result.stdout + result.stderr


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("given", "partial"),
    [
        ('(dict "content" .Inner "kind" "info")', '<div class="{{ .kind }}">{{ .content | markdownify }}</div>'),
        # a value that is a call of its own, the dict over several lines (nginx's call-out)
        (
            '(dict\n    "kind" (printf "%s %s" .Name "info")\n    "content" .Inner\n)',
            '<div class="{{ .kind }}">{{ .content | markdownify }}</div>',
        ),
        # the partial sets a variable to the content, trimmed (relearn's notice)
        ('(dict "content" .Inner)', '{{- $content := trim .content "\\n " }}<div>{{ $content | markdownify }}</div>'),
    ],
)
def test_content_a_partial_renders_for_the_shortcode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, given: str, partial: str
) -> None:
    """A shortcode that gives its content to a partial in a dict, which renders it with
    `markdownify` (vitess's notes), renders it as the template itself would: its links are
    checked without a build, at their lines."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/_shortcodes/info.html": f'{{{{ partial "note.html" {given} }}}}',
        "layouts/_partials/note.html": partial,
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{< info >}}\nSee [gone](/nope/) and [frag](#nowhere).\n"
                        "{{< /info >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/a.md", 6, "broken-link"), ("content/a.md", 6, "broken-anchor")}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
@pytest.mark.parametrize(
    "hook",
    [
        '{{ $src := .Destination | safeURL }}<img src="{{ $src }}"{{ with .Text }} alt="{{ . }}"{{ end }}>'
        '<div class="modal"><img src="{{ $src }}" {{ with .Text }}alt="{{ . }}"{{ end }}/></div>',
        '{{ $alt := .PlainText }}<figure><img src="{{ .Destination | relURL }}" alt="{{ $alt }}"></figure>',
        # hextra's, shortened
        '{{- $alt := .PlainText | safeHTML -}}{{- with .Title -}}<figure><img src="{{ $.Destination }}" '
        'alt="{{ $alt }}"><figcaption>{{ . }}</figcaption></figure>{{- else -}}'
        '<img src="{{ .Destination }}" alt="{{ $alt }}">{{- end -}}',
    ],
)
def test_images_a_hook_writes_with_their_alt_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, hook: str
) -> None:
    """An image render hook that writes the Markdown's alt text as the `alt` (grpc.io's,
    none when it is empty; hextra's, through a filter): an image without one is found
    without a build too."""
    small_site(tmp_path, {
        "layouts/_markup/render-image.html": hook,
        "static/a.png": "",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n![](/a.png)\n\n![A chart](/a.png)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "image-alt", [("content/a.md", 5, 1)])
    found = [p["message"] for p in problems() if p["rule"] == "image-alt"]
    assert found == [f"image '/a.png' has {'no alt attribute' if 'with .Text' in hook else 'an empty alt text'}; "
                     "describe what it shows"]  # fmt: skip


@pytest.mark.hugo
def test_headings_a_template_prints_from_the_sites_data_are_not_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A list template that prints talks' titles from `data/` as headings (flux's resources
    page), or makes headings of them (opentelemetry's registry: `Kotel - Kotlin`): names and
    products, written in the data, not in the page's content."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}{{ range hugo.Data.talks }}<h4>{{ .title }}</h4>{{ end }}"
                             "{{ range hugo.Data.registry }}<h4>{{ .name }} - {{ .language }}</h4>{{ end }}",
        "data/talks.yaml": '- title: "GitOps - Liz Warner & Mark Ramm (Weaveworks)"\n- title: "Reddit - Harvey Xia"\n',
        "data/registry.yaml": '- name: "Kotel"\n  language: "Kotlin"\n',
        "content/_index.md": "+++\ntitle = 'Talks'\n+++\n\nSome talks.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings("--build") == set()
    (tmp_path / "layouts/list.html").write_text("{{ .Content }}<h4>Talks by our speekers</h4>")
    assert {rule for _, _, rule in findings("--build")} == {"heading-typo"}  # the template's own text


@pytest.mark.hugo
def test_links_in_markdownified_content_when_no_file_makes_the_home_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded link hook (a multilingual site) renders `markdownify`'d content as the
    home page's: a path is looked up from the content's root when no file makes the home
    page (`docs/b/` finds the page, `../b/` nothing, left for the browser), and the link's
    fragment is checked where it leads (vitess's notes)."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/_shortcodes/info.html": '{{ partial "note.html" (dict "content" .Inner) }}',
        "layouts/_partials/note.html": "<div>{{ .content | markdownify }}</div>",
        "content/docs/b/_index.md": "---\ntitle: B\n---\n\n## Setup\n",
        "content/docs/a/_index.md": "---\ntitle: A\n---\n\n{{< info >}}\n[1](../b/#setup) [2](docs/b/#setup) "
                                    "[3](../b/#nope) [4](docs/b/#nope)\n{{< /info >}}\n",
    }, "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [
        ("content/docs/a/_index.md", 6, 37), ("content/docs/a/_index.md", 6, 53)
    ])


BOOK_LINK_HOOK = """{{- $d := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.IsAbs) (not (strings.HasPrefix .Destination "#")) -}}
  {{- $p := strings.TrimSuffix ".md" (strings.TrimPrefix "./" $u.Path) -}}
  {{- with .Page.GetPage $p -}}{{- $d = .RelPermalink -}}{{- end -}}
  {{- with $u.Fragment -}}{{- $d = print $d "#" . -}}{{- end -}}
{{- end -}}
<a href="{{ $d | safeURL }}">{{ .Text | safeHTML }}</a>"""


def test_links_to_markdown_files_of_a_site_whose_theme_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its templates unknown, a link hook there may rewrite the links: left to a build, and
    the summary says why, not that the site has a hook of its own."""
    small_site(tmp_path, {"content/docs/a.md": "---\ntitle: A\n---\n\n[bad](nope.md)\n"}, "theme = 'gone'\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-color"])
    assert "All clean" in result.output
    assert "md-link: 1 page's links to Markdown files may go through a link render hook of a theme or module " \
        "not found" in result.output


@pytest.mark.hugo
def test_links_to_markdown_files_under_a_hook_mdcheck_does_not_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A site's link hook that looks `.md` links up its own way (hugo-book's portable
    links): without a build the summary says they are left to it; with one, a link it finds
    no page for is reported without the advice that Hugo rewrites no `.md` link."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/_markup/render-link.html": BOOK_LINK_HOOK,
        "content/docs/a.md": "---\ntitle: A\n---\n\n- [ok](b.md)\n- [bad](nope.md)\n",
        "content/docs/b.md": "---\ntitle: B\n---\n\n## Beta\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-color"])
    assert "All clean" in result.output
    assert "md-link: 1 page's links to Markdown files go through the site's own link render hook" in result.output
    found = problems("--build")
    assert [(p["line"], p["rule"]) for p in found] == [(6, "broken-link")]
    assert found[0]["message"].endswith("at /docs/a/nope.md; the link render hook finds no page for it")


@pytest.mark.hugo
def test_a_themes_table_of_contents_is_no_copy_of_a_pages_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A sidebar that prints every page's table of contents (compose's) links
    `#configuration` on every page, as one page's own `[configuring](#configuration)` does:
    of another text, it is the template's link, reported where it is, not at that page's."""
    small_site(tmp_path, {
        "layouts/single.html": "{{ .Content }}<nav>{{ range site.RegularPages }}{{ .TableOfContents }}{{ end }}</nav>",
        "layouts/list.html": "{{ .Content }}",
        "content/a.md": "---\ntitle: A\n---\n\n## Configuration\n\nStart [configuring](#configuration) your site.\n",
        "content/b.md": "---\ntitle: B\n---\n\nText of B.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(path, rule) for path, _, rule in findings("--build") if rule == "broken-anchor"}
    assert found == {("public/b/index.html", "broken-anchor")}


@pytest.mark.hugo
def test_a_page_template_that_prints_a_file_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """coredns's manual pages print every chapter (`readFile … | markdownify`): their ids
    are known to a build alone, and the summary says so."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/manual/single.html": '{{ .Content }}{{ readFile "content/manual/setup.md" | markdownify }}',
        "content/manual/intro.md": "---\ntitle: Intro\n---\n\nRead [the setup](#setup) first.\n",
        "content/manual/setup.md": "---\ntitle: Setup\n---\n\n## Setup\n\nSteps.\n",
        "content/other.md": "---\ntitle: Other\n---\n\nSee [x](#setup).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-color"])
    assert [line.split(" ")[0] for line in result.output.splitlines() if "broken-anchor" in line][:1] == [
        "content/other.md:5:5:"
    ]
    assert "ids a build alone tells ('content/manual/intro.md', 'content/manual/setup.md'" in result.output
    assert located("broken-anchor", "--build") == [("content/other.md", 5, 5)]


@pytest.mark.hugo
def test_a_file_a_template_reads_only_for_pages_of_a_param(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """nginx's banner partial reads a file only for a page that sets `f5-banner` (`with index
    .Params "f5-banner"`): the other pages' ids are known without a build (checked with
    hugo 0.168); one that sets it, in its front matter or a section's cascade, is left to
    the build."""
    banner = (
        '{{- with index .Params "f5-banner" -}}{{- if .enabled -}}<div>{{ readFile .md | markdownify }}</div>'
        "{{- end -}}{{- end -}}"
    )
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/_partials/banner.html": banner,
        "layouts/single.html": '{{ partial "banner" . }}{{ .Content }}',
        "banner.md": "## Install\n",
        "content/docs/a.md": "---\ntitle: A\n---\n## Setup\n\nSee [setup](#setup) and [install](#install).\n",
        "content/docs/b.md": "---\ntitle: B\nf5-banner:\n  enabled: true\n  md: banner.md\n---\n"
                             "See [install](#install) and [gone](#gone).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor") == [("content/docs/a.md", 6, 25)]
    assert located("broken-anchor", "--build") == [("content/docs/a.md", 6, 25), ("content/docs/b.md", 7, 29)]


@pytest.mark.hugo
def test_a_heading_of_another_level_a_template_repeats_is_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """coredns's manual prints another chapter (`readFile … | markdownify`) after the page's
    content: its `# Plugins` repeats the id of the page's `## Plugins`, which renaming mends;
    on the chapter's own page the repeat is a copy of its heading."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ .Content }}",
        "layouts/manual/single.html": '{{ .Content }}{{ readFile "content/manual/plugins.md" | markdownify }}',
        "content/manual/config.md": "---\ntitle: Config\n---\n## Plugins\n\nConfig text.\n",
        "content/manual/plugins.md": "# Plugins\n\nPlugin text.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {p["path"]: p["message"] for p in problems("--build") if p["rule"] == "duplicate-id"}
    assert found["content/manual/config.md"].endswith("rename the heading")
    assert "it is a copy of this heading" in found["content/manual/plugins.md"]


@pytest.mark.hugo
def test_markdown_call_content_inside_another_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Without `unsafe`, a `{{% %}}` call's content over several lines inside another
    `{{% %}}` call's is lost, though neither template writes HTML: Hugo renders it apart into
    HTML, which the outer call's Markdown output drops (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/plain.html": "{{ .Inner }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{% plain %}}\n{{% plain %}}\n## Deep\n\ntext\n{{% /plain %}}\n"
                        "{{% /plain %}}\n\n{{% plain %}}\n{{% plain %}}{{% /plain %}}\nkept\n{{% /plain %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems()
    assert [(p["line"], p["rule"]) for p in found] == [(6, "raw-html-omitted")]
    assert "rendered apart into HTML" in found[0]["message"]
    assert findings("--build") == {("content/a.md", 6, "raw-html-omitted")}
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "Deep" not in (tmp_path / "public/a/index.html").read_text()


@pytest.mark.hugo
def test_a_themes_empty_link_is_not_put_on_a_ref(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An empty href a theme's menu writes is the theme's: a page's working ref is not
    taken for it (a failed ref would have stopped the build); nor is a heading a theme
    prints of another page's title (a related page's card) reported on this page: that
    title is checked at its page (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav><a href="" aria-label="Examples">Examples</a></nav>'
                               '{{ range where site.RegularPages "Title" "ne" .Title }}<h2>{{ .Title }}</h2>{{ end }}'
                               "{{ .Content }}",
        "content/docs/install.md": "+++\ntitle = 'Instalation guide'\n+++\n\nText.\n",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nSee the [Installation]({{< ref \"docs/install\" >}}) guide.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["rule"]) for p in problems("--build")]
    assert ("content/p.md", 5, "empty-link") not in found
    theirs = {where for where in found if where[2] == "empty-link"}
    assert len(theirs) == 1 and theirs <= {
        ("public/docs/install/index.html", 1, "empty-link"), ("public/p/index.html", 1, "empty-link"),
    }  # fmt: skip
    assert [where for where in found if where[2] == "heading-typo"] == [("content/docs/install.md", 2, "heading-typo")]
    notes = json.loads(CliRunner().invoke(main, ["check", "--build", "--format", "json"]).stdout)["summary"]["notes"]
    assert any(note.startswith("--build: the findings in public/ are in the HTML Hugo built") for note in notes)


@pytest.mark.hugo
def test_term_pages_when_a_missing_module_mounts_static(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A missing module that mounts files to `static` (docsy 0.6's Font Awesome import)
    leaves the static files unknown, not the term pages the content gives: they are found,
    and a missing term is still reported (the pages checked against hugo 0.168, the import
    left out)."""
    config = (
        'defaultContentLanguage = "zh"\ndefaultContentLanguageInSubdir = true\n'
        '[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n'
    )
    small_site(tmp_path, {
        "content/_index.zh.md": "---\ntitle: Home\n---\n\n"
                                "[tag](/zh/tags/release-notes/) [tags](/zh/tags/) [no](/zh/tags/none/)\n",
        "content/blog/post.zh.md": "---\ntitle: Post\ntags: [\"Release Notes\"]\n---\n\nText.\n",
        "layouts/list.html": "list {{ .Title }} {{ .Content }}",
    }, 'theme = ["dep"]\n' + config)  # fmt: skip
    (tmp_path / "themes/dep").mkdir(parents=True)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/zh/tags/release-notes/index.html").is_file()
    shutil.rmtree(tmp_path / "public")
    (tmp_path / "themes/dep/hugo.toml").write_text(
        '[[module.imports]]\npath = "github.com/FortAwesome/Font-Awesome"\n'
        '[[module.imports.mounts]]\nsource = "webfonts"\ntarget = "static/webfonts"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert located("broken-link") == [("content/_index.zh.md", 5, 50)]


@pytest.mark.hugo
def test_taxonomy_lists_of_a_language_without_terms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Each language has each taxonomy's list page, though none of its pages has a term;
    not the term pages of another language's terms (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/posts/p.md": "---\ntitle: P\ntags: [Go]\n---\n\n"
                              "[a](/fr/tags/) [b](/fr/categories/) [c](/fr/tags/go/)\n",
        "layouts/list.html": "list {{ .Title }}",
    }, "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/posts/p.md", 6, 37)])


@pytest.mark.hugo
@pytest.mark.parametrize(
    "renders",
    [
        "{{ .Inner | markdownify }}", '{{ trim .Inner "\\n" | markdownify }}', "{{ markdownify (chomp .Inner) }}",
        "{{ $c := .Inner }}{{ $c | markdownify }}", "{{ $c := .Inner | chomp }}{{ markdownify $c }}",  # letsencrypt's
    ],
)
def test_content_a_template_renders_with_the_sites_link_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, renders: str
) -> None:
    """The site's link hook writes the links of a `markdownify`'d content (left to the
    build), but the rest of that content is still checked without a build: bold shown as
    text, placed at its own line (checked with hugo 0.168); trimmed first too (flux's note),
    or set to a variable first."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | relURL }}">{{ .Text }}</a>',
        "layouts/_shortcodes/alert.html": f"<div>{renders}</div>",
        "content/z.md": "+++\ntitle = 'Z'\n+++\n\n{{< alert >}}\n**警告！**此操作具有破坏性！\n{{< /alert >}}\n\n"
                        "**警告！**此操作具有破坏性！\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [("content/z.md", 6, 1), ("content/z.md", 9, 1)])


@pytest.mark.hugo
def test_content_a_template_renders_in_the_page_with_the_sites_link_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`.Page.RenderString` runs the site's link hook with the page (checked with hugo 0.168):
    the links of a callout's content are the page's, checked without a build and placed at
    their own lines (authelia's callouts and its `GetPage` hook)."""
    hook = (
        "{{- $link := .Destination -}}{{- with .Page.GetPage .Destination -}}{{- $link = .RelPermalink -}}{{- end -}}"
        '<a href="{{ $link | safeURL }}">{{ .Text }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "layouts/_shortcodes/callout.html": '<div>{{ .Inner | $.Page.RenderString (dict "display" "block") }}</div>',
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n",
        "content/tasks/x.md": "+++\ntitle = 'X'\n+++\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n{{< callout >}}\n[b](/docs/b) [gone](../nowhere/) "
                             "[found](../tasks/x/)\n{{< /callout >}}\n\n[gone](../nowhere/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    # `../tasks/x/` is found by the hook's GetPage, from the page, as the page's own links are
    assert_located_alike("broken-link", [("content/docs/a.md", 6, 14), ("content/docs/a.md", 9, 1)])


@pytest.mark.hugo
def test_content_rendered_in_the_page_has_its_links_written_by_the_pages_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A callout's `.Page.RenderString` content is the page's own: its links are written by
    the page's hook, here one whose output mdcheck does not predict (linkerd's, which finds
    `../tasks/x/` with `.PageInner.GetPage`): left to the build, not checked as written."""
    hook = (
        "{{- $href := .Destination -}}{{- with .PageInner.GetPage .Destination -}}{{- $href = .RelPermalink -}}"
        '{{- end -}}{{- $a := dict "href" $href -}}<a{{ range $k, $v := $a }}{{ printf " %s=%q" $k $v | safeHTMLAttr }}'
        "{{ end }}>{{ .Text }}</a>"
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "layouts/_shortcodes/note.html": "<div>{{ .Inner | $.Page.RenderString }}</div>",
        "content/v/tasks/x.md": "+++\ntitle = 'X'\n+++\n",
        "content/v/features/a.md": "+++\ntitle = 'A'\n+++\n\n{{< note >}}\n[x](../tasks/x/)\n{{< /note >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [])


@pytest.mark.hugo
def test_a_placeholder_written_in_the_content_with_unsafe_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With `unsafe` on, Hugo omits nothing: a `<!-- raw HTML omitted -->` in its output is
    the content's own (jobset's generated API reference), no finding (checked with hugo
    0.168)."""
    small_site(tmp_path, {
        "content/api.md": "+++\ntitle = 'API'\n+++\n\nField docs.\n\n<!-- raw HTML omitted -->\n\nMore.\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("raw-html-omitted", "--build") == located("raw-html-omitted") == []
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "<!-- raw HTML omitted -->" in (tmp_path / "public/api/index.html").read_text()


@pytest.mark.hugo
@pytest.mark.parametrize("moves", [True, False])
def test_a_fragment_a_sites_link_hook_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, moves: bool
) -> None:
    """osm-docs' link hook writes `.Destination | relLangURL`: `#x` becomes `/#x`, the home
    page's (checked with hugo 0.168): left to the build, which finds it. A hook that makes
    URLs of paths alone (Hextra's) keeps the fragment on the page: checked without a build."""
    hook = (
        '<a href="{{ .Destination | relLangURL }}">{{ .Text }}</a>' if moves else
        '{{ $d := .Destination }}{{ if hasPrefix $d "/" }}{{ $d = relURL (strings.TrimPrefix "/" $d) }}{{ end }}'
        '<a href="{{ $d }}" class="x">{{ .Text }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "layouts/home.html": "home",
        "content/docs/p.md": "+++\ntitle = 'P'\n+++\n\n## Here\n\n[a](#here) [b](#gone)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor") == ([] if moves else [("content/docs/p.md", 7, 12)])
    built = [("content/docs/p.md", 7, column) for column in ((1, 12) if moves else (12,))]
    assert located("broken-anchor", "--build") == built


@pytest.mark.hugo
def test_a_heading_id_a_template_writes_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """The theme writes `<div id="comments">` after the content: `## Comments` gets the same
    id (checked with hugo 0.168); found at the heading from the template, and once with the
    build, whose duplicate is the same."""
    small_site(tmp_path, {
        "layouts/single.html": '<main>{{ .Content }}</main><div id="comments"></div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nText.\n\n## Comments\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for found in (problems(), problems("--build")):
        assert [(p["path"], p["line"], p["rule"]) for p in found] == [("content/p.md", 7, "duplicate-heading-id")]
        assert "also the id of an element the page's template writes (id=\"comments\")" in found[0]["message"]


@pytest.mark.hugo
def test_blanks_around_an_angle_bracket_destination(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Goldmark keeps the blanks inside `<…>`, encoded: `<#here >` links to `#here%20`, a
    fragment no heading has (checked with hugo 0.168); found without a build too."""
    small_site(tmp_path, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Here\n\n[a](<#here >) [b](<#here>) [c](<#two  >)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/a.md", 7, 1), ("content/a.md", 7, 28)])


@pytest.mark.hugo
def test_bold_that_does_not_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`**` between punctuation inside and a letter outside opens or closes nothing: the
    asterisks show on the page (checked with hugo 0.168), around a link's `[` and `)` or a
    code span's backticks too (letsencrypt's `ה**[…](…)**`, opentelemetry's `…`main`**分支`);
    escaped ones are meant."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n注意：**重要提示：**请先安装\n\n使用**“引号”**强调\n\n"
                        "A **bold** word, 2**3**4, a ** b ** c, `**code**`, base\\*\\*i and base\\*\\*2.\n\n"
                        "word**[a link](https://example.com/)** word, a**`code`**b\n\n"
                        "**[bold](/p/)**, \\*\\*[escaped](/p/)\\*\\* and **[in](/p/)**.\n\n"
                        "- **不要在你克隆仓库的`main`**分支上直接进行更改。\n\n"
                        '结论是**"Istio 是一个项目"**和更多\n\nword**\'quoted\'** and more.\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    # (straight quotes too, which the typographer shows curly: istio's `是**"Istio …"**`)
    expected = {("content/p.md", line, "unrendered-markup") for line in (5, 7, 11, 15, 17, 19)}
    assert findings() == findings("--build") == expected
    assert [column for line, column in (found[1:3] for found in located("unrendered-markup")) if line == 11] == [5, 47]
    assert [column for line, column in (found[1:3] for found in located("unrendered-markup")) if line > 15] == [4, 5]


@pytest.mark.hugo
@pytest.mark.parametrize("attributes_on", [True, False])
def test_heading_attributes_shown_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, attributes_on: bool
) -> None:
    """goldmark takes a heading's `{#id}` only at its end, an id without blanks or markup;
    else it shows (checked with hugo 0.168; opentelemetry's ``{#page-local-`x`-list}``),
    and any does when the config turns heading attributes off. In a code span it is meant."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Lista {#page-local-`cSpell:ignore`-list}\n\n"
                        "## Two {#has space}\n\n## Three {#ok}\n\n## Five {#x} trailing\n\n"
                        "## Using `{.class}` in Markdown\n\n"
                        '## {{< name title="getOptions(o) {const n = {...o}" >}}\n',
        # a `{{< >}}` call's output, which goldmark never reads (mattermost's API headings)
        "layouts/_shortcodes/name.html": '<span>{{ .Get "title" }}</span>',
    }, "" if attributes_on else "[markup.goldmark.parser.attribute]\ntitle = false\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 5, 10), ("content/p.md", 7, 8), ("content/p.md", 11, 9)]
    if not attributes_on:
        expected.insert(2, ("content/p.md", 9, 10))
    assert_located_alike("unrendered-markup", expected)
    result = CliRunner().invoke(main, ["check", "--no-color", "-q"])
    assert "'{#page-local-': heading attribute shown as text" in result.output


@pytest.mark.hugo
def test_links_to_pages_a_cascade_makes_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`draft` in a section's cascade, as a key or in its `params`, makes the section and
    the pages below it drafts, and a draft `_index.md` leaves its section without a page,
    though pages below it are built (checked with hugo 0.168); a cascaded `title` counts for
    front-matter-required."""
    small_site(tmp_path, {
        "content/b/_index.md": "---\ntitle: B\ncascade:\n  params:\n    draft: true\n    title: From params\n---\n",
        "content/b/p.md": "---\n---\nx\n",
        "content/c/_index.md": "---\ntitle: C\ncascade:\n  draft: true\n---\n",
        "content/c/p.md": "---\ntitle: P\n---\nx\n",
        "content/e/_index.md": "---\ntitle: E\ndraft: true\n---\n",
        "content/e/p.md": "---\ntitle: P\n---\nx\n",
        "content/l.md": "---\ntitle: L\n---\n\n[b](/b/) [bp](/b/p/) [c](/c/) [cp](/c/p/) [e](/e/) [ep](/e/p/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/l.md", 5, column) for column in (1, 10, 22, 31, 43)]
    assert located("broken-link") == expected
    assert located("front-matter-required") == []
    assert_found_alike(hugo, tmp_path, "broken-link", expected)


@pytest.mark.hugo
@pytest.mark.parametrize("build_drafts", [False, True])
def test_links_to_a_draft_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, build_drafts: bool) -> None:
    """Hugo builds a draft only with `--buildDrafts` (or `buildDrafts = true`): a ref to it
    stops the build with REF_NOT_FOUND, a link to it is dead (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/posts/d.md": "+++\ntitle = 'D'\ndraft = true\n+++\n\n## Part\n",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n[x]({{< relref \"d.md\" >}})\n\n[y](/posts/d/)\n",
    }, f"buildDrafts = {str(build_drafts).lower()}\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    if build_drafts:
        assert findings() == findings("--build") == set()
    else:
        assert findings() == {("content/posts/a.md", 5, "ref-not-found"), ("content/posts/a.md", 7, "broken-link")}
        result = subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True, text=True)
        assert result.returncode != 0 and "REF_NOT_FOUND" in result.stderr


@pytest.mark.hugo
@pytest.mark.parametrize("build_flags", [False, True])
def test_links_to_pages_of_dates_to_come_or_past_expiry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, build_flags: bool
) -> None:
    """Hugo builds a page whose publish date (`publishDate`, else `date`) is to come only
    with `--buildFuture`, one past its `expiryDate` only with `--buildExpired`: a ref to
    one stops the build with REF_NOT_FOUND, a link to one is dead (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/f.md": "+++\ntitle = 'F'\ndate = 2999-01-01\n+++\n\nF.\n",
        "content/p.md": "+++\ntitle = 'P'\ndate = 2020-01-01\npublishDate = 2999-01-01\n+++\n\nP.\n",
        "content/e.md": "+++\ntitle = 'E'\nexpiryDate = 2001-01-01\n+++\n\nE.\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n"
                        + "".join(f'[ref]({{{{< relref "{n}.md" >}}}}) and [link](/{n}/)\n\n' for n in "fpe"),
    }, "buildFuture = true\nbuildExpired = true\n" if build_flags else "")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True, text=True)
    if build_flags:
        assert result.returncode == 0
        assert findings() == findings("--build") == set()
    else:
        assert result.returncode != 0 and result.stderr.count("REF_NOT_FOUND") == 3
        expected = {("content/a.md", line, rule) for line in (5, 7, 9) for rule in ("ref-not-found", "broken-link")}
        assert findings() == expected
        messages = [p["message"] for p in problems() if p["rule"] == "ref-not-found"]
        assert "publish date to come, 2999-01-01" in messages[0] and "expired on 2001-01-01" in messages[2]


@pytest.mark.hugo
def test_a_draft_past_its_expiry_needs_both_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A draft past its expiry date: `--buildDrafts` alone does not build it (checked with
    hugo 0.168); the finding names both flags."""
    small_site(tmp_path, {
        "content/d.md": "+++\ntitle = 'D'\ndraft = true\nexpiryDate = 2001-01-01\n+++\n",
        "content/a.md": '+++\ntitle = \'A\'\n+++\n\n[ref]({{< relref "d.md" >}})\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (message,) = [p["message"] for p in problems() if p["rule"] == "ref-not-found"]
    reason = "the page is a draft and expired on 2001-01-01: Hugo builds it only with --buildDrafts --buildExpired"
    assert reason in message
    for flags, builds in ((["--buildDrafts"], False), (["--buildDrafts", "--buildExpired"], True)):
        result = subprocess.run([hugo, *flags, "-d", str(tmp_path / "out")], capture_output=True, text=True)
        assert (result.returncode == 0) is builds


@pytest.mark.hugo
def test_a_drafts_refs_run_only_in_a_build_of_drafts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo runs a draft's refs only with `--buildDrafts`, which builds the drafts it names
    too (checked with hugo 0.168): a draft's ref to a draft is fine, its ref to a page to
    come is not, and its ref to no page stops that build alone."""
    small_site(tmp_path, {
        "content/guide/_index.md": "+++\ntitle = 'Guide'\n[cascade]\ndraft = true\n+++\n",
        "content/guide/templating.md": "+++\ntitle = 'T'\n+++\n",
        "content/later.md": "+++\ntitle = 'L'\ndraft = true\npublishDate = 2999-01-01\n+++\n",
        "content/guide/maps.md": '+++\ntitle = \'M\'\n+++\n\n[t]({{< relref "guide/templating" >}})\n\n'
                                 '[n]({{< relref "guide/nonexistent" >}})\n\n[l]({{< relref "later" >}})\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(p["line"], p["message"].split(": ", 1)[1]) for p in problems() if p["rule"] == "ref-not-found"}
    assert found == {
        (7, "no such page (Hugo logs an error: the build fails once this page is built, with --buildDrafts)"),
        (9, "the page is a draft and has a publish date to come, 2999-01-01: Hugo builds it only with --buildDrafts "
            "--buildFuture (Hugo logs an error: the build fails once this page is built, with --buildDrafts)"),
    }
    assert subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True).returncode == 0
    result = subprocess.run([hugo, "-D", "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.stderr.count("REF_NOT_FOUND") == 2 and "guide/templating" not in result.stderr


@pytest.mark.hugo
def test_a_lists_later_pages_are_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo writes `posts/page/2/` (and `posts/page/1/`, a redirect) for any list page whose
    template paginates it, which the content does not tell: links there are not judged
    without a build; under no known page they still are."""
    small_site(tmp_path, {
        "layouts/list.html": "<html><body>{{ range .Paginator.Pages }}{{ .Title }}{{ end }}</body></html>",
        "content/posts/b.md": "+++\ntitle = 'B'\ntags = ['x']\n+++\n",
        "content/posts/a.md": "+++\ntitle = 'A'\ntags = ['x']\n+++\n\n[older](/posts/page/2/) "
                              "[first](/posts/page/1/) [tag](/tags/x/page/2/) [home](/page/2/) "
                              "[none](/nowhere/page/2/)\n",
    }, "[pagination]\npagerSize = 1\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/posts/a.md", 6, 89)])


@pytest.mark.hugo
def test_the_default_languages_folder_redirects_to_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A multilingual site's default language at the root: Hugo writes a redirect at
    `/en/` (checked with hugo 0.168), so a link there is good; its pages are not there."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/en/a.md": "+++\ntitle = 'A'\n+++\n\n[home](/en/) [fr](/fr/) [a](/en/a/)\n",
        "content/fr/a.md": "+++\ntitle = 'A'\n+++\n",
    }, "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\nweight = 1\n"
       "[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/en/a.md", 5, 25)])


@pytest.mark.hugo
def test_a_pages_other_output_formats_are_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`outputs.page` (or a page's own `outputs`) publishes `index.xml` beside a page made of
    one file: not judged without a build; another file there still is."""
    small_site(tmp_path, {
        "content/posts/b.md": "+++\ntitle = 'B'\n+++\n",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n[feed](/posts/b/index.xml) [gone](/posts/b/gone.png)\n",
    }, "[outputs]\npage = ['html', 'rss']\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/posts/a.md", 5, 28)])


@pytest.mark.hugo
def test_param_in_a_links_address_is_the_value_it_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's `param` prints the page's param (a cascade's too), else the site's: a link
    made with it is checked without a build (checked against hugo's HTML)."""
    small_site(tmp_path, {
        "content/docs/_index.md": "+++\ntitle = 'Docs'\n[cascade]\nversion = 'v1'\n+++\n",
        "content/docs/v1/ok.md": "+++\ntitle = 'OK'\n+++\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n[params]\nmine = 'v1'\n+++\n\n"
                             "[one](/docs/{{< param version >}}/ok/) [two](/docs/{{< param version >}}/gone/) "
                             "[ref][2] [own][3]\n\n[2]: /docs/{{< param Latest >}}/gone/\n"
                             "[3]: /docs/{{% param mine %}}/ok/\n",
    }, "[params]\nlatest = '9.9'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/docs/a.md", 7, 40), ("content/docs/a.md", 7, 81)]
    assert_located_alike("broken-link", expected)


@pytest.mark.hugo
def test_a_ref_with_named_parameters_but_no_path_writes_an_empty_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{< relref ref="b" >}}`: Hugo reads the named parameters `path`, `lang` and
    `outputFormat` alone, and writes the link empty without a word (checked with hugo
    0.168); found without a build, and once with it."""
    small_site(tmp_path, {
        "content/b.md": "+++\ntitle = 'B'\n+++\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[one]({{< relref ref=\"b\" >}}) "
                        "[two]({{< relref path=\"b\" lang=\"en\" >}})\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/a.md", 5, "ref-not-found")}
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<a href="">one</a>' in (tmp_path / "public/a/index.html").read_text()


@pytest.mark.hugo
def test_the_embedded_figure_shortcode_is_rendered_as_hugo_renders_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's own `figure`: its image's `src` (an asset's URL when the assets hold it, else as
    written), its `alt` (else the caption's text) and its `link` are checked as Hugo writes
    them (checked with hugo 0.168); a site's own `figure` template is not guessed at."""
    small_site(tmp_path, {
        "assets/img/a.png": "",
        "static/s/b.png": "",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n"
                              '{{< figure src="missing.png" >}}\n\n'
                              '{{< figure src="img/a.png" caption="A **b**" >}}\n\n'
                              '{{< figure src="/s/b.png" alt="B" link="/posts/a/" >}}\n\n'
                              '{{< figure src="/s/b.png" alt="B" link="/nope/" >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/posts/a.md", 5, "broken-link"), ("content/posts/a.md", 5, "image-alt"),
                ("content/posts/a.md", 11, "broken-link")}
    assert findings() == findings("--build") == expected
    (tmp_path / "layouts" / "_shortcodes").mkdir()
    (tmp_path / "layouts" / "_shortcodes" / "figure.html").write_text("<img src=\"{{ .Get `src` }}\" alt=\"x\">")
    assert findings() == set()  # the site's own template: not run by the embedded renderer


@pytest.mark.hugo
def test_refs_to_pages_hugo_publishes_nothing_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A ref to a headless bundle or a `build.render = "never"` page finds it: Hugo writes an
    empty link and says nothing; with `build.render = "link"` it writes the URL, where
    nothing is published (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/hidden/index.md": "+++\ntitle = 'H'\n[build]\nrender = 'never'\n+++\n\nH.\n",
        "content/headless/index.md": "+++\ntitle = 'L'\nheadless = true\n+++\n\nL.\n",
        "content/linked/index.md": "+++\ntitle = 'K'\n[build]\nrender = 'link'\n+++\n\nK.\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[h]({{< relref \"hidden\" >}}) [l]({{< ref \"headless\" >}})\n\n"
                        "[k]({{< relref \"linked\" >}}) and [k2](/linked/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True, text=True)
    page = (tmp_path / "out" / "a" / "index.html").read_text()
    assert result.returncode == 0 and page.count('href=""') == 2 and page.count('href="/linked/"') == 2
    assert not (tmp_path / "out" / "linked").exists()
    assert [(p["line"], p["column"], p["rule"]) for p in problems("--source-only")] == [
        (5, 5, "ref-not-found"), (5, 34, "ref-not-found"), (7, 5, "ref-not-found"),
    ]
    messages = [p["message"] for p in problems("--source-only")]
    assert "publishes no page for it" in messages[0] and 'build.render = "link"' in messages[2]
    assert ("content/a.md", 7, "broken-link") in findings("--build")


def test_a_page_whose_markdown_writes_nothing_may_have_any_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regular page with no Markdown but comments is all its layout's (a theme rendering a
    file its front matter names, or an untranslated page's original): its fragments are not
    judged without Hugo's build. A list page's layout lists its pages, whose headings are
    not on it. A path with `//` in it names no host."""
    small_site(tmp_path, {
        "content/glossary.md": "+++\ntitle = 'G'\nsource = '/shared/g.md'\n+++\n\n<!-- in shared/g.md -->\n",
        "content/empty.md": "+++\ntitle = 'E'\n+++\n\n<!-- unclosed\n\nstill the comment\n",
        "content/text.md": "+++\ntitle = 'T'\n+++\n\n<!-- c --> Text.\n",
        "content/faq/_index.md": "+++\ntitle = 'F'\n+++\n",
        "content/faq/q.md": "+++\ntitle = 'Q'\n+++\n\n## Why\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[g](/glossary/#term) [e](/empty/#x) [t](/text/#y) [f](/faq/#why)\n\n"
                        "[api](/api//-id-/runs) [host](https://x.org/b/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems() if p["path"] == "content/a.md"]
    assert [(p["line"], p["column"], p["rule"]) for p in found] == [
        (5, 37, "broken-anchor"), (5, 51, "broken-anchor"), (7, 1, "broken-link"), (7, 24, "broken-link"),
    ]
    assert not found[2]["message"].endswith("from baseURL)") and found[3]["message"].endswith("from baseURL)")


@pytest.mark.hugo
def test_ids_the_page_templates_write_are_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """An id a page template or partial writes as fixed text (`<body id="docs">`) is on the
    pages it renders, and so may be one written around an action (clarity's sidebar
    `id="{{ $key }}-section"`); not one a shortcode writes, nor one made of an action alone."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body id="docs">{{ partial "top.html" . }}<main id={{ .File.BaseFileName }}>'
                               "{{ .Content }}</main></body></html>",
        "layouts/_partials/top.html": "<a id='top-of-page'></a>{{ range $key, $_ := site.Taxonomies }}"
                                      '<h2 id="{{ $key }}-section"></h2>{{ end }}',
        "layouts/_shortcodes/box.html": '<div id="box">{{ .Inner }}</div>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[d](/b/#docs) [t](#top-of-page) [n](#box) [m](#b) "
                        "[s](/b/#tags-section)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\nB.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/a.md", 5, 33), ("content/a.md", 5, 43)])


# The link render hook many themes and sites share (Congo, Flux, KEDA, Harbor, Antrea, Carvel)
GETPAGE_HOOK = """{{- $link := .Destination -}}
{{- $isRemote := strings.HasPrefix $link "http" -}}
{{- if not $isRemote -}}
{{- $url := urls.Parse .Destination -}}
{{- if $url.Path -}}
{{- $fragment := "" -}}
{{- with $url.Fragment -}}{{- $fragment = printf "#%s" . -}}{{- end -}}
{{- with .Page.GetPage $url.Path -}}{{- $link = printf "%s%s" .RelPermalink $fragment -}}{{- end -}}{{- end -}}
{{- end -}}
<a href="{{ $link | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>"""


@pytest.mark.hugo
def test_links_through_a_hook_that_finds_pages_as_hugos_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A project's link hook that writes the URL of the page GetPage finds, else the
    destination as written, is followed as Hugo's embedded one is: its links are checked
    without a build as with one (a hook of another kind leaves them unjudged)."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": GETPAGE_HOOK,
        "content/a/b/faq.md": "---\ntitle: F\n---\n\n[a](../../y/missing.md) [b](../../y/there.md#nope) "
                              "[c](/y/gone/) [d](../../y/there.md#here) [e](/y/there/)\n",
        "content/y/there.md": "---\ntitle: T\n---\n\n## Here\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/a/b/faq.md", 5, rule) for rule in ("md-link", "broken-link")}
    assert [(p["column"], p["rule"]) for p in problems()] == [(1, "md-link"), (25, "md-link"), (52, "broken-link")]
    assert findings() == findings("--build") == expected
    other = GETPAGE_HOOK.replace('printf "%s%s" .RelPermalink $fragment', "relLangURL $url.Path")
    (tmp_path / "layouts/_markup/render-link.html").write_text(other)
    assert findings() == set()


# gohugo.io's link hook, shortened, without its glossary links: the `href` of a mapping of
# attributes it prints, the destination as `urls.Parse` gives it back unless a page or
# resource is found
ATTRIBUTES_GETPAGE_HOOK = """{{- $u := urls.Parse .Destination }}
{{- $attrs := dict "href" $u.String }}
{{- if $u.IsAbs }}
  {{- $attrs = merge $attrs (dict "rel" "external nofollow") }}
{{- else }}
  {{- with $u.Path }}
    {{- with $p := or ($.PageInner.GetPage .) ($.PageInner.GetPage (strings.TrimRight "/" .)) }}
      {{- $href := .RelPermalink }}
      {{- with $u.RawQuery }}{{- $href = printf "%s?%s" $href . }}{{- end }}
      {{- with $u.Fragment }}{{- $href = printf "%s#%s" $href . }}{{- end }}
      {{- $attrs = dict "href" $href }}
    {{- else with $.PageInner.Resources.Get $u.Path }}
      {{- $attrs = dict "href" .RelPermalink }}
    {{- end }}
  {{- else }}
    {{- with $u.Fragment }}{{- $attrs = dict "href" (printf "%s#%s" $.Page.RelPermalink .) }}{{- end }}
  {{- end }}
{{- end -}}
<a {{- range $k, $v := $attrs }}{{- if $v }}{{- printf " %s=%q" $k $v | safeHTMLAttr }}{{- end }}{{- end -}}>
{{- .Text }}</a>"""
# Its glossary links: a partial it defines makes the attributes of the destination `g`
GLOSSARY_BRANCH = """{{- if eq $u.String "g" }}
  {{- $attrs = partial "inline/glossary.html" (dict "text" .Text) }}
{{- end -}}"""
GLOSSARY_PARTIAL = """{{- define "_partials/inline/glossary.html" }}{{- $href := "" }}
{{- $href = printf "/glossary/#%s" (anchorize .text) }}{{- return (dict "href" $href) }}{{- end -}}"""


@pytest.mark.hugo
@pytest.mark.parametrize("hook", ["attributes", "parsed", "glossary"])
def test_links_through_hooks_that_find_pages_written_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, hook: str
) -> None:
    """gohugo.io's link hook, which many sites copy (a mapping of attributes it prints, the
    destination `urls.Parse` gives back), and a hook writing `$u.String` unless GetPage
    finds a page, are followed as Hugo's embedded one is: a missing page's link is found
    without a build as with one; with gohugo.io's glossary links too, where the link to `g`
    alone, which a partial writes, leads is left to a build."""
    template = ATTRIBUTES_GETPAGE_HOOK if hook != "parsed" else (
        "{{- $u := urls.Parse .Destination -}}{{- $href := $u.String -}}{{- with $u.Path -}}"
        "{{- with $.PageInner.GetPage . -}}{{- $href = .RelPermalink -}}{{- with $u.Fragment }}"
        '{{ $href = printf "%s#%s" $href . }}{{ end -}}{{- end -}}{{- end -}}<a href="{{ $href }}">{{ .Text }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": template,
        "content/docs/a.md": "---\ntitle: A\n---\n\n[ok](/docs/b/) [bad](/docs/nonexistent/) [frag](/docs/b/#nope) "
                             "[self](#nope2) [md](b.md#hello)" + (" [Term](g)" if hook == "glossary" else "") + "\n",
        "content/glossary.md": "---\ntitle: G\n---\n\n## Term\n",
        "content/docs/b.md": "---\ntitle: B\n---\n\n## Hello\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/docs/a.md", 5, 16, "broken-link"), ("content/docs/a.md", 5, 42, "broken-anchor"),
                ("content/docs/a.md", 5, 64, "broken-anchor")]  # fmt: skip
    if hook == "glossary":
        template = template.replace("{{- if $u.IsAbs }}", GLOSSARY_BRANCH + "{{- if $u.IsAbs }}", 1) + GLOSSARY_PARTIAL
        (tmp_path / "layouts/_markup/render-link.html").write_text(template)
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems()] == expected
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--build")] == expected


@pytest.mark.hugo
@pytest.mark.parametrize(
    "template", ["", "index.redirects", "home.redirects", "_default/home.redirects", "_partials/redirects.txt"]
)
def test_redirects_of_a_static_file_and_of_a_template_are_read_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, template: str
) -> None:
    """A link to a path a `_redirects` rule serves is not broken: the rules of a static
    `_redirects` file, and those a home page template of an output format named so writes
    (an action in a source path matching anything from there; in `layouts/_default` too, the
    older place: kubermatic's), or a partial it calls (jaeger's). With both, Hugo writes one over the other, which one varies from build to
    build: the rules of either serve."""
    config = (
        '[mediaTypes."text/netlify"]\ndelimiter = ""\n[outputFormats.redirects]\nmediaType = "text/netlify"\n'
        'baseName = "_redirects"\n[outputs]\nhome = ["html", "redirects"]\n'
    )
    files = {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[o](/old/x/) [l](/latest/y/) [v](/v/v2/z/) [g](/gone/)\n",
        "content/v2/y.md": "+++\ntitle = 'Y'\n+++\n",  # where the rule of /latest/y/ sends it
    }
    if template:
        files[f"layouts/{template}"] = (
            '{{ $v := "v2" }}/latest/*  /{{ $v }}/:splat  302\n/v/{{ $v }}/*  /a/\n/old/*  /a/\n'
            '{{ range slice "a" }}{{ . | printf "/%s" }}  /b/\n{{ end }}'
        )
        if template.startswith("_partials/"):
            files["layouts/index.redirects"] = '{{ partial "redirects.txt" . }}'
    else:
        files["static/_redirects"] = "/old/*  /a/  301\n"
    small_site(tmp_path, files, config if template else "")
    monkeypatch.chdir(tmp_path)
    expected = [] if template else [14, 30]
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/a.md", 5, column) for column in [*expected, 44]])
    if template:
        shutil.rmtree(tmp_path / "public")
        (tmp_path / "static").mkdir()
        (tmp_path / "static" / "_redirects").write_text("/gone/  /a/\n")
        assert located("broken-link") == []  # served by the one or the other


@pytest.mark.hugo
@pytest.mark.parametrize("in_parent", [False, True])
def test_the_redirects_of_netlify_toml_serve_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, in_parent: bool
) -> None:
    """Netlify serves the `[[redirects]]` of the netlify.toml that deploys the site (at its
    root, or above it with `build.base` naming it) besides `_redirects`: a link to a path one
    serves is not broken, with mdcheck's rendering and with a build's output alike. A rule
    written with the site's own host (carvel's) is one of its paths."""
    site = tmp_path / "site" if in_parent else tmp_path
    rules = (
        '[[redirects]]\nfrom = "/sponsors"\nto = "https://example.org/sponsors/"\n'
        '[[redirects]]\nfrom = "https://x.org/moved"\nto = "https://x.org/a/"\nstatus = 301\n'
        '[[redirects]]\nfrom = "/*/old"\nto = "/a/"\n[[redirects]]\nfrom = "https://k8s.dev/*"\nto = "/"\n'
        '[[redirects]]\nfrom = "/*"\nto = "/404.html"\nstatus = 404\n'  # a not-found page serves nothing
        '[[redirects]]\nfrom = "/*"\nto = "/index.html"\nstatus = 200\n'  # nor does a fallback to the home page
    )
    (tmp_path / "netlify.toml").write_text(('[build]\nbase = "site/"\n' if in_parent else "") + rules)
    site.mkdir(exist_ok=True)
    small_site(site, {"content/a.md": "+++\ntitle = 'A'\n+++\n\n[s](/sponsors/) [o](/fr/old/) [g](/gone/) [m](/moved/)\n"})
    monkeypatch.chdir(site)
    assert_located_alike("broken-link", [("content/a.md", 5, 31)])


@pytest.mark.hugo
def test_a_netlify_toml_that_deploys_another_folder_serves_no_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """volcano's netlify.toml, at the Hugo site's root, deploys `docs-site/` (`build.base`):
    its rules are not the site's."""
    (tmp_path / "netlify.toml").write_text(
        '[build]\nbase = "docs-site"\npublish = "docs-site/build"\n[[redirects]]\nfrom = "/gone/"\nto = "/"\n'
    )
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\n[g](/gone/)\n"})
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 1)])


@pytest.mark.hugo
@pytest.mark.parametrize("rules_in", ["_redirects", "netlify.toml", "vercel.json"])
def test_a_link_through_a_redirect_rule_is_checked_where_the_rule_sends_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, rules_in: str
) -> None:
    """A redirect rule sends the browser on, fragment and all: a link through one is broken
    when nothing is published where the rule sends it, and its fragment is looked for on
    the page there (vitess's versioned docs; FixIt's docs, with Vercel's rules)."""
    files = {
        "content/new/b.md": "+++\ntitle = 'B'\n+++\n\n## Here\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[good](/old/b/#here) [dead](/old/gone/) [frag](/old/b/#nowhere)\n",
    }
    if rules_in == "netlify.toml":
        (tmp_path / "netlify.toml").write_text('[[redirects]]\nfrom = "/old/*"\nto = "/new/:splat"\n')
    elif rules_in == "vercel.json":
        (tmp_path / "vercel.json").write_text('{"redirects": [{"source": "/old/(.*)", "destination": "/new/$1"}]}')
    else:
        files["static/_redirects"] = "/old/*  /new/:splat  301\n"
    small_site(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    for rule, column in (("broken-link", 22), ("broken-anchor", 41)):
        assert located(rule) == located(rule, "--build") == [("content/a.md", 5, column)]
    rule = "where the redirect rule `/old/* /new/:splat` sends it"
    for mode in ([], ["--build"]):  # in the same words: a baseline written in one mode holds in the other
        result = CliRunner().invoke(main, ["check", "--no-color", "-q", *mode])
        assert f"nothing is published at /new/gone/, {rule}" in result.output
        assert f"no heading or element with id 'nowhere' on content/new/b.md, {rule}; did you mean" in result.output


@pytest.mark.hugo
def test_a_defect_of_pages_of_html_content_is_each_pages_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The same broken fragment in pages made of `.html` content files is each page's own,
    not a template's written on many pages: reported on each, at its content file's line
    (letsencrypt's CP/CPS documents)."""
    page = '---\ntitle: Doc\n---\n<h2 id="intro">Intro</h2>\n<p><a href="#missing-section">see</a></p>\n'
    small_site(tmp_path, {f"content/docs/doc-v{n}.html": page for n in (1, 2)}, '[security]\nallowContent = [".*"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-color", "-q", "--build"])
    for n in (1, 2):
        assert (
            f"content/docs/doc-v{n}.html:5:13: error broken-anchor no element with id 'missing-section' on this "
            f"page (rendered in docs/doc-v{n}/index.html)"
        ) in result.output


@pytest.mark.hugo
def test_a_template_defect_on_pages_of_html_content_is_the_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A broken link the page template writes is one finding for every page, those made of
    `.html` content files too, whose text does not hold it (geekdoc's `.adoc` pages)."""
    small_site(tmp_path, {
        "layouts/single.html": '<link href="/favicon.svg">{{ .Content }}',
        "content/a.md": "---\ntitle: A\n---\n\nText.\n",
        "content/c.html": "---\ntitle: C\n---\n<p>Text.</p>\n",
    }, '[security]\nallowContent = [".*"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    found = json.loads(result.stdout)["problems"]
    assert [(p["rule"], p["message"].endswith("(and on 1 other page)")) for p in found] == [("broken-link", True)]


@pytest.mark.hugo
@pytest.mark.parametrize("with_pagefind", [False, True, "Makefile"])
def test_files_pagefind_writes_after_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, with_pagefind: bool | str
) -> None:
    """A deployment that runs Pagefind on the built site (`npx pagefind --site public`, in
    netlify.toml, a workflow, package.json or a Makefile) writes `pagefind/` there after
    Hugo: links the templates write to it are not judged (kueue's search, buildpacks')."""
    command = "hugo && npx -y pagefind --site public" if with_pagefind else "hugo"
    if with_pagefind == "Makefile":
        (tmp_path / "Makefile").write_text("build:\n\thugo\n\tnpx pagefind --site ./public\n")
    else:
        (tmp_path / "netlify.toml").write_text(f'[build]\npublish = "public"\ncommand = "{command}"\n')
    small_site(tmp_path, {
        "layouts/home.html": '<html><head><link href="/pagefind/pagefind-ui.css" rel="stylesheet"></head>'
                             '<body>{{ .Content }}</body></html>',
        "content/_index.md": "---\ntitle: Home\n---\nhi\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == ([] if with_pagefind else [("layouts/home.html", 1, 25)])


@pytest.mark.hugo
def test_a_sections_files_in_its_subfolders_are_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A section is a branch bundle, `_index` file or not: Hugo publishes the files of its
    subfolders that are no bundles of their own (`images/`, a folder of regular pages),
    those of nested bundles with them (checked with hugo 0.168). So a missing one is found
    without a build: parsa's `../images/post-img.jpg` from a post."""
    jpg = "x"
    small_site(tmp_path, {
        "static/images/post-img.jpg": jpg, "content/blog/images/x.jpg": jpg, "content/blog/y.jpg": jpg,
        "content/blog/sub/b.md": "+++\ntitle = 'B'\n+++\n", "content/blog/sub/z.jpg": jpg,
        "content/blog/sec/_index.md": "+++\ntitle = 'S'\n+++\n", "content/blog/sec/pics/v.jpg": jpg,
        "content/blog/leaf/index.md": "+++\ntitle = 'L'\n+++\n", "content/blog/leaf/w.jpg": jpg,
        # a draft bundle's files are not known: not judged (not taken for the section's)
        "content/blog/draft/index.md": "+++\ntitle = 'D'\ndraft = true\n+++\n\n![t](t.svg)\n",
        "content/blog/draft/t.svg": jpg,
        "content/blog/a.md": "+++\ntitle = 'A'\n+++\n\n![p](../images/post-img.jpg) ![x](/blog/images/x.jpg) "
                             "![y](/blog/y.jpg) ![z](/blog/sub/z.jpg) ![v](/blog/sec/pics/v.jpg) "
                             "![w](/blog/leaf/w.jpg) ![g](/blog/sec/pics/gone.jpg)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/blog/a.md", 5, 1), ("content/blog/a.md", 5, 145)]
    assert_located_alike("broken-link", expected)


@pytest.mark.hugo
def test_the_home_pages_files_are_published_at_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The content root is the home page's bundle: its files are published at the root
    (rclone's `content/KEYS`, checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/home.html": "{{ .Content }}",
        "content/_index.md": "+++\ntitle = 'Home'\n+++\n",
        "content/KEYS": "keys\n",
        "content/page.md": "+++\ntitle = 'P'\n+++\n\n[keys](/KEYS) [gone](/sub/KEYS)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/page.md", 5, 15)])


@pytest.mark.hugo
def test_redirect_rules_a_template_makes_of_actions_are_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template that writes `_redirects` rules whose paths its actions make (longhorn's
    unversioned docs paths): without a build, a link reported broken may be served by one,
    and the finding and a note say so; the build's rules are read."""
    small_site(tmp_path, {
        "layouts/index.redirects": '{{ range site.RegularPages }}{{ .RelPermalink | replaceRE "/v1" "" }} '
                                   "{{ .RelPermalink }}\n{{ end }}",
        "layouts/list.html": SINGLE,
        "content/docs/v1/x.md": "+++\ntitle = 'X'\n+++\n\n[x](/docs/x/)\n",
    }, "[outputs]\nhome = ['HTML', 'REDIRECTS']\n[mediaTypes.'text/netlify']\ndelimiter = ''\n"
       "[outputFormats.REDIRECTS]\nmediaType = 'text/netlify'\nbaseName = '_redirects'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in problems() if p["rule"] == "broken-link"]
    assert "unless one of the rules of the site's redirects template serves it" in found["message"]
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    assert any("writes redirect rules whose paths its actions make" in note
               for note in json.loads(result.stdout)["summary"]["notes"])
    assert located("broken-link", "--build") == []


@pytest.mark.hugo
def test_aliases_a_redirects_template_serves_with_disable_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's own docs: `disableAliases = true`, and a `_redirects` template that writes a
    rule for each alias of each page (`range .Aliases`): a link to an alias is served, and
    no note says that actions make the rules' paths; a link to no alias is still broken."""
    small_site(tmp_path, {
        "layouts/home.redir": "{{ range $p := .Site.Pages -}}\n{{ range .Aliases }}\n"
                              '{{ . | printf "%-35s" }}\t{{ $p.RelPermalink -}}\n{{ end -}}\n{{- end -}}\n',
        "layouts/list.html": SINGLE,
        "content/new.md": "+++\ntitle = 'New'\naliases = ['/old/place/']\n+++\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[old](/old/place/) [gone](/old/gone/)\n",
    }, "disableAliases = true\n[outputs]\nhome = ['html', 'redir']\n[mediaTypes.'text/netlify']\ndelimiter = ''\n"
       "[outputFormats.redir]\nmediaType = 'text/netlify'\nbaseName = '_redirects'\nisPlainText = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 20)])
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    assert not any("redirect rules" in note for note in json.loads(result.stdout)["summary"]["notes"])


@pytest.mark.hugo
def test_a_missing_top_level_page_without_its_slash_is_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`/thrid` for `/third/`: with every top folder known, a top-level page written without
    its slash is judged as `/thrid/` is (sofastack's `/Trasactiona`)."""
    small_site(tmp_path, {
        "content/third.md": "+++\ntitle = 'T'\n+++\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[t](/third) [x](/thrid)\n\n[y](/thrid/)\n",
        "layouts/list.html": "{{ .Title }}",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 13), ("content/a.md", 7, 1)])


@pytest.mark.hugo
def test_a_page_rendered_as_a_link_alone_is_served_by_rules_a_template_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """gRPC's API pages: `build.render = "link"` pages, sent elsewhere by `_redirects` rules
    a template makes of actions alone (`{{ printf "/%sapi" .File.Dir }}`), which mdcheck
    cannot read: without a build, links to those pages are taken as served, as the build
    shows them to be; a link to a page that is not there is still broken."""
    config = (
        '[mediaTypes."text/netlify"]\ndelimiter = ""\n[outputFormats.redirects]\nmediaType = "text/netlify"\n'
        'baseName = "_redirects"\n[outputs]\nhome = ["html", "redirects"]\n'
    )
    small_site(tmp_path, {
        "layouts/index.redirects": '{{ range where site.Pages "Params.api" true }}{{ printf "%s" .RelPermalink }}'
                                   "  https://example.org/api 301!\n{{ end }}",
        "content/docs/api.md": "+++\ntitle = 'API'\napi = true\n[build]\nrender = 'link'\n+++\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[api](/docs/api/) [gone](/docs/gone/)\n",
    }, config)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 19)])


@pytest.mark.hugo
def test_links_to_sections_without_an_index_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A top-level folder of pages is a section: Hugo makes its list page, `_index.md` or
    not; a deeper folder without one is none (checked with hugo 0.168). With every folder
    known (no module content, adapters or unknown static files), a link into a folder
    nothing is published in is dead too; taxonomies and pagination are not judged."""
    small_site(tmp_path, {
        "layouts/list.html": "<html><body>list</body></html>",
        "content/blog/a.md": "+++\ntitle = 'A'\n+++\n\n[s](/blog/) [d](/docs/)\n\n[deep](/blog/deep/)\n\n"
                             "[none](/nope/x/)\n",
        "content/blog/deep/b.md": "+++\ntitle = 'B'\n+++\n\nB.\n",
        "content/docs/c.md": "+++\ntitle = 'C'\n+++\n\nC.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/blog/a.md", line, "broken-link") for line in (7, 9)}


@pytest.mark.hugo
def test_html_a_markdown_calls_template_writes_is_found_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo 0.168 omits the HTML a `{{% %}}` call's template writes (its output is Markdown),
    unless the template declares the legacy `$_hugo_config` version 1, whose output is kept
    as it is; a tag written only under a condition may not be written."""
    small_site(tmp_path, {
        "layouts/_shortcodes/box.html": '<div class="box">{{ .Inner }}</div>',
        "layouts/_shortcodes/empty.html": '<div class="empty"></div>',
        "layouts/_shortcodes/old.html": LEGACY + '<div class="old">{{ .Inner }}</div>',
        "layouts/_shortcodes/maybe.html": '{{ with .Get 0 }}<span>{{ . }}</span>{{ end }}{{ .Inner }}',
        "layouts/_shortcodes/either.html": '{{ if .IsNamedParams }}<i>a</i>{{ else }}<b>b</b>{{ end }}',
        "content/p.md": (
            '+++\ntitle = "P"\n+++\n\n{{% box %}}\nBox.\n{{% /box %}}\n\n{{% old %}}\nOld.\n{{% /old %}}\n\n'
            "{{% empty %}}\n\n{{% either %}}\n"
        ),
        "content/q.md": '+++\ntitle = "Q"\n+++\n\n{{% maybe %}}Maybe.{{% /maybe %}}\n\nIn code: `v{{% empty %}}`.\n\n'
                        "```\n{{% box %}}x{{% /box %}}\n```\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", line, "raw-html-omitted") for line in (5, 13, 15)}
    assert findings() == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert '<div class="old">' in html and html.count("<!-- raw HTML omitted -->") == 4
    assert findings("--html", "public") == expected


@pytest.mark.hugo
@pytest.mark.parametrize("zh_weight", [2, 0])
def test_an_alias_at_another_languages_list_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, zh_weight: int
) -> None:
    """An en alias at the zh blog's list page: Hugo renders the languages in their order and
    writes the later one's over the other's, every build (checked with hugo 0.168, vitess'
    `/zh/blog/`); weight 0 comes last."""
    small_site(tmp_path, {
        "layouts/list.html": "LIST {{ .Title }}",
        "content/en/blog/_index.md": "---\ntitle: Blog\naliases: [/zh/blog/]\n---\n",
        "content/zh/blog/a.md": "---\ntitle: A\n---\n",
    }, f'[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
       f'[languages.zh]\ncontentDir = "content/zh"\nweight = {zh_weight}\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    [found] = [p for p in problems("--source-only") if p["rule"] == "duplicate-url"]
    assert "renders 'zh' last: its page is the one published" in found["message"]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/zh/blog/index.html").read_text("utf-8").startswith("LIST")


@pytest.mark.hugo
def test_a_page_path_the_embedded_link_hook_finds_is_no_broken_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """On a multilingual site Hugo's embedded link render hook is on: it writes the URL of
    the page `GetPage` finds for a path (a `slug` page's too); a path it finds nothing for
    is written as it is (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/en/_index.md": '+++\ntitle = "Home"\n+++\n',
        "content/de/_index.md": '+++\ntitle = "Start"\n+++\n',
        "content/en/docs/cert-compat.md": '+++\ntitle = "C"\nslug = "certificate-compatibility"\n+++\n\nText.\n',
        "content/en/page.md": '+++\ntitle = "P"\n+++\n\nSee [compat](/docs/cert-compat), [here](docs/cert-compat)'
                              ' and [gone](/docs/gone).\n',
        "layouts/list.html": SINGLE,
    }, 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
       '[languages.de]\ncontentDir = "content/de"\nweight = 2\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    gone = [("content/en/page.md", 5, 63)]
    assert_found_alike(hugo, tmp_path, "broken-link", gone)
    assert (tmp_path / "public/page/index.html").read_text("utf-8").count("/docs/certificate-compatibility/") == 2


@pytest.mark.hugo
def test_static_files_mounts_make_are_known_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A project mount to `assets` leaves `static` copied; a theme's mount to
    `static/webfonts` publishes its source there (checked with hugo 0.168): links to missing
    files are found without a build, as with it."""
    small_site(tmp_path, {
        "src/app.js": "",
        "static/images/a.png": "",
        "themes/t/hugo.toml": '[[module.mounts]]\nsource = "fonts"\ntarget = "static/webfonts"\n',
        "themes/t/fonts/f.woff2": "",
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[a](/images/a.png), [f](/webfonts/f.woff2), [g](/webfonts/g.woff2)'
                        ' and [gone](/gone/).\n',
    }, 'theme = "t"\n[[module.mounts]]\nsource = "src"\ntarget = "assets"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/p.md", 5, 45), ("content/p.md", 5, 72)])
    assert (tmp_path / "public/webfonts/f.woff2").exists() and (tmp_path / "public/images/a.png").exists()


@pytest.mark.hugo
def test_files_beside_a_page_of_a_single_file_are_known_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Beside a page made of one file (`posts/a.md`, at `/posts/a/`) Hugo publishes no
    resource, only static files: a relative image or file link there that no static file
    makes is dead. A bundle's folder holds its resources, and so does a folder named as a
    page made of one file (`posts/c/` of `posts/c.md`, a language's `posts/d.fr.md` too),
    at the page's URL, not the folder's (checked with hugo 0.168; mattermost's blog links
    54 images at their folder's path, published with their page's slug)."""
    small_site(tmp_path, {
        "static/posts/a/s.txt": "",
        "content/posts/a.md": '+++\ntitle = "A"\n+++\n\n![i](image.png) [x](foo.bar) [s](s.txt)\n',
        "content/posts/b/index.md": '+++\ntitle = "B"\n+++\n\n![p](pic.png) ![n](nope.png)\n',
        "content/posts/b/pic.png": "",
        "content/posts/c.md": '+++\ntitle = "C"\nurl = "/see/"\n+++\n\n![p](pic.png) ![d](d/deep.png) ![n](nope.png)\n',
        "content/posts/c/pic.png": "", "content/posts/c/d/deep.png": "",
        "content/posts/d.fr.md": '+++\ntitle = "D"\n+++\n\n![p](pic.png) ![n](nope.png)\n',
        "content/posts/d/pic.png": "",
        "content/posts/e.md": '+++\ntitle = "E"\n+++\n\n![c](/posts/c/pic.png) ![d](/posts/c/d/deep.png) '
                              '![s](/see/d/deep.png) ![f](/posts/d/pic.png)\n',
    }, 'defaultContentLanguage = "fr"\n[languages.fr]\n[languages.en]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [
        ("content/posts/a.md", 5, 1), ("content/posts/a.md", 5, 17), ("content/posts/b/index.md", 5, 15),
        ("content/posts/c.md", 6, 32), ("content/posts/d.fr.md", 5, 15),
        ("content/posts/e.md", 5, 1), ("content/posts/e.md", 5, 24),
    ])  # fmt: skip


@pytest.mark.hugo
def test_the_embedded_link_hook_sends_dot_slash_fragments_to_the_home_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded link render hook trims `./` and asks `GetPage` for the rest: `./#x`
    is the home page's `#x` (GetPage "" finds it), `.#x` the section's, `../#x` the
    parent's, `#x` this page's. mdcheck checks each fragment there, as Hugo's build shows."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/_index.md": "+++\ntitle = 'H'\n+++\n\n## Home\n",
        "content/docs/_index.md": "+++\ntitle = 'D'\n+++\n\n## Sec\n",
        "content/docs/install.md": "+++\ntitle = 'I'\n+++\n\n## Own\n\n[a](./#own) [b](.#sec) [c](../#home) [d](#own) "
                                   "[e](./#home) [f](.#own) [g](../#own)\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [
        ("content/docs/install.md", 7, 1), ("content/docs/install.md", 7, 61), ("content/docs/install.md", 7, 72),
    ])  # fmt: skip
    assert '<a href="/#own">a</a>' in (tmp_path / "public" / "docs" / "install" / "index.html").read_text()


@pytest.mark.hugo
@pytest.mark.parametrize("made_ids", [False, True])
def test_dot_slash_fragments_to_a_home_page_no_file_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, made_ids: bool
) -> None:
    """With no `_index.md`, the home page `./#x` leads to under Hugo's embedded link hook
    has its templates' ids alone: a fragment they do not write is broken (vitess's 13), one
    they write is not; when a template writes ids made of actions alone, the ids are left
    to a build."""
    home = '<nav id="mainnav"></nav>' + ('{{ range .Pages }}<p id="{{ .Title }}"></p>{{ end }}' if made_ids else "")
    small_site(tmp_path, {
        "layouts/home.html": home,
        "layouts/list.html": SINGLE,
        "content/docs/install.md": "+++\ntitle = 'I'\n+++\n\n## Own\n\n[a](./#own) [b](./#mainnav) [c](#own)\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor", "--build") == [("content/docs/install.md", 7, 1)]
    assert located("broken-anchor") == ([] if made_ids else [("content/docs/install.md", 7, 1)])
    if not made_ids:
        result = CliRunner().invoke(main, ["check", "--no-color", "-q", "--source-only"])
        assert (
            "no element with id 'own' on the home page, which no content file makes, and its templates write no "
            "such id (written './#own', which Hugo's link render hook resolves with GetPage \"\": the link leads to "
            "the home page; write #own for this page's own)"
        ) in result.output


@pytest.mark.hugo
@pytest.mark.parametrize(
    "template", ["layouts/adopters/list.html", "layouts/list.html", "layouts/adopters/glossary.html"]
)
def test_ids_a_pages_own_template_makes_as_it_runs_are_left_to_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, template: str
) -> None:
    """A type's template (flux's `adopters/list.html`), any list page's, or a `layout`'s
    (falco's `docs/glossary.html`) that writes ids made of actions alone (`id={{ .project |
    urlize }}` of each data file) may write any id on the pages it renders: links to their
    fragments are left to a build, which tells; the other pages' fragments are still judged,
    those of the type's pages of another layout too."""
    small_site(tmp_path, {
        # the type's list template, with no ids, beside the layout's
        **({"layouts/adopters/list.html": "{{ .Content }}"} if "glossary" in template else {}),
        template: "{{ .Content }}{{ range $.Site.Data.adopters }}<h2 id={{ .project | urlize }}>x</h2>{{ end }}",
        "layouts/single.html": SINGLE,
        "data/adopters/1.yaml": "project: Flux (legacy)\n",
        "content/adopters/_index.md": "---\ntitle: Adopters\n"
        + ("layout: glossary\n" if "glossary" in template else "") + "---\n",
        "content/posts/p.md": "---\ntitle: P\n---\n\n[a](/adopters/#flux-legacy) [b](/adopters/#nope) "
        "[c](/posts/q/#nope)\n",
        "content/posts/q.md": "---\ntitle: Q\n---\n\nQ.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor") == [("content/posts/p.md", 5, 50)]
    assert located("broken-anchor", "--build") == [("content/posts/p.md", 5, 29), ("content/posts/p.md", 5, 50)]


@pytest.mark.hugo
@pytest.mark.parametrize("partial", [True, False])
def test_ids_a_partial_or_a_quoted_action_makes_are_left_to_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, partial: bool
) -> None:
    """Ids made of actions alone in a partial a list template calls, through another
    (crossplane's API pages), or in an action holding quotes (`id="{{ print $k "-" $v }}"`),
    may be any on the list pages: left to a build; a regular page's are still judged."""
    ids = '{{ range $k, $v := hugo.Data.kinds }}<div id="{{ print $k "-" $v }}"></div>{{ end }}'
    small_site(tmp_path, {
        "layouts/list.html": '{{ .Content }}{{ partial "outer.html" . }}' if partial else "{{ .Content }}" + ids,
        **({"layouts/_partials/outer.html": '{{ partial "crds.html" . }}', "layouts/_partials/crds.html": ids}
           if partial else {}),
        "data/kinds.yaml": "Foo: spec\n",
        "content/api/_index.md": "---\ntitle: API\n---\n",
        "content/guide/page.md": "---\ntitle: G\n---\n\n[a](/api/#Foo-spec) [b](/api/#Nope) [c](/guide/other/#x)\n",
        "content/guide/other.md": "---\ntitle: O\n---\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor") == [("content/guide/page.md", 5, 37)]
    assert located("broken-anchor", "--build") == [("content/guide/page.md", 5, 21), ("content/guide/page.md", 5, 37)]


APPENDING_GETPAGE_HOOK = """{{- $u := urls.Parse .Destination -}}
{{- $href := .Destination -}}
{{- with .PageInner.GetPage $u.Path -}}{{ $href = .RelPermalink }}
{{- with $u.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end }}{{- end -}}
<a href="{{ $href }}">{{ .Text }}</a>"""


@pytest.mark.hugo
def test_a_page_finding_hook_finds_the_pages_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A project's hook that writes the URL of the page `GetPage` finds, adding the fragment
    to its variable (`$href = printf "%s#%s" $href .`), finds the page of the linking page's
    language, whose fragment is then checked (opentelemetry's ja blog, checked with hugo
    0.168): not the default language's page at the path the browser would ask for."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": APPENDING_GETPAGE_HOOK,
        "layouts/list.html": SINGLE,
        "content/en/docs/p.md": "---\ntitle: P\n---\n\n## Spans\n",
        "content/ja/docs/p.md": "---\ntitle: P ja\n---\n\n## スパン {#span}\n",
        "content/ja/blog/b.md": "---\ntitle: B\n---\n\nSee [spans](/docs/p/#spans) and [span](/docs/p/#span).\n",
    }, 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\ncontentDir = "content/en"\n'
       '[languages.ja]\nweight = 2\ncontentDir = "content/ja"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [("content/ja/blog/b.md", 5, 5)])


@pytest.mark.hugo
def test_a_heading_hook_that_writes_no_id_on_some_levels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hextra's heading hook writes the id for levels above 1 alone: an `<h1>`'s fragment
    is broken, and an element of its id is no duplicate (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_markup/render-heading.html": '<h{{ .Level }}>{{ .Text | safeHTML }}{{ if gt .Level 1 }}'
                                               '<span id="{{ .Anchor }}"></span>{{ end }}</h{{ .Level }}>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n# Intro\n\n<div id=\"intro\">x</div>\n\n"
                        "[a](#intro) [b](#later) [c](#sub)\n\n# Later\n\n## Sub\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("duplicate-id") == []
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/a.md", 9, 13)])
    html = (tmp_path / "public/a/index.html").read_text("utf-8")
    assert "<h1>Later</h1>" in html and '<span id="sub"></span>' in html
    assert located("duplicate-id", "--html", "public") == []


@pytest.mark.hugo
def test_images_a_hook_loads_lazily_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An image hook that loads images lazily (LoveIt's lazysizes) writes the image's address
    in `data-src` and `data-srcset`: a missing one is found in Hugo's output, at its line."""
    small_site(tmp_path, {
        "layouts/_markup/render-image.html": '<img class="lazyload" src="/loading.svg" data-src="{{ .Destination }}" '
                                             'data-srcset="{{ .Destination }} 2x" alt="{{ .Text }}">',
        "static/loading.svg": "<svg/>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n![pic](/nope.png)\n\n![ok](/loading.svg)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("content/a.md", 5, 1)]


@pytest.mark.hugo
def test_a_markdown_files_link_the_hook_writes_as_a_slug_is_placed_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded link hook writes `b.md#x` as the page's URL, a slug's (`/other/#x`):
    its broken fragment in the build is the Markdown link's, reported once, by md-link."""
    small_site(tmp_path, {
        "content/b.md": "+++\ntitle = 'B'\nslug = 'other'\n+++\n\n## Real\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[ok](b.md#real) and [bad](b.md#nope).\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--build")]
    assert found == [("content/a.md", 5, 21, "md-link")]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<a href="/other/#nope">bad</a>' in (tmp_path / "public/a/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_themes_example_site_is_built_as_its_author_builds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme's example site, whose theme mdcheck reads from `../..`, is built with
    `--themesDir ../..` as well: Hugo finds the theme there."""
    theme = tmp_path / "mytheme"
    small_site(theme / "exampleSite", {"content/a.md": "+++\ntitle = 'A'\n+++\n\n[x](#nope)\n"}, 'theme = "mytheme"\n')
    for name in ("single", "list"):
        (theme / "layouts/_default").mkdir(parents=True, exist_ok=True)
        (theme / f"layouts/_default/{name}.html").write_text("<html><body>{{ .Content }}</body></html>")
    (theme / "exampleSite/layouts/single.html").unlink()  # the theme's templates alone
    monkeypatch.chdir(theme / "exampleSite")
    found = [(p["path"], p["rule"], p["message"]) for p in problems("--build")]
    assert found == [("content/a.md", "broken-anchor", "no heading or element with id 'nope' on this page")]


@pytest.mark.hugo
def test_a_site_without_a_base_url_has_hugos_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With no baseURL, Hugo writes a `ref` with its default's host, `https://example.org/`:
    its fragment is checked in the build as the relref's is; a link written with that host
    is another site's, as the deployed site's baseURL will not be it (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/a.md": '+++\ntitle = "A"\n+++\n\n[b]({{< ref "b#nope" >}}) [b2]({{< relref "b#nope" >}}) '
                        "[ex](https://example.org/zzz)\n",
        "content/b.md": '+++\ntitle = "B"\n+++\n\n## Yes\n',
    })  # fmt: skip
    (tmp_path / "hugo.toml").write_text('title = "t"\n')
    monkeypatch.chdir(tmp_path)
    expected = [("content/a.md", 5, 1), ("content/a.md", 5, 27)]
    assert_located_alike("broken-anchor", expected)
    assert located("broken-link", "--build") == []
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<a href="https://example.org/b/#nope">b</a>' in (tmp_path / "public/a/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_markdownified_fragment_a_sites_hook_keeps_is_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A site's link hook that looks up paths alone (congo's) writes a `#x` of a shortcode's
    `markdownify`'d content as it is: a fragment of the page, checked there (hugo 0.168)."""
    hook = (
        "{{- $link := .Destination -}}{{- $url := urls.Parse .Destination -}}{{- if $url.Path }}"
        '{{ with .Page.GetPage $url.Path }}{{ $link = printf "%s#%s" .RelPermalink $url.Fragment }}{{ end }}'
        '{{ end -}}<a href="{{ $link | safeURL }}">{{ .Text | safeHTML }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "layouts/_shortcodes/alert.html": '<div class="alert">{{- .Inner | markdownify -}}</div>',
        "content/x.md": "+++\ntitle = 'X'\n+++\n\n## Real\n\n{{< alert >}}\nSee [in](#nope) and [ok](#real).\n"
                        "{{< /alert >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/x.md", 8, 5)])
    assert '<a href="#nope">in</a>' in (tmp_path / "public/x/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_relative_link_broken_where_a_list_page_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A relative link that works on its page leads elsewhere on a list page that shows the
    page's content (a blog's home page): reported once, at the Markdown link, naming the
    list pages; one broken on its page too is reported there alone."""
    small_site(tmp_path, {
        "layouts/list.html": "<html><body>{{ range site.RegularPages }}<article>{{ .Content }}</article>{{ end }}"
                             "</body></html>",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\nSee [b](../b/) and [bad](../nope/).\n",
        "content/posts/b.md": "+++\ntitle = 'B'\n+++\n\nText.\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["column"], p["message"]) for p in problems("--build")]
    assert [where[:3] for where in found] == [("content/posts/a.md", 5, 5), ("content/posts/a.md", 5, 20)]
    assert found[0][3].startswith(
        "<a href='../b/'> works on its own page, but the list page / shows it too (the page's summary or content), "
        "where it leads to /b/: nothing is published there (and on 1 other list page)"
    )


@pytest.mark.hugo
def test_bold_shown_as_text_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Bold that Markdown would render, shown with its asterisks, was not rendered as
    Markdown (a call's content printed as it is, through `printf`); bold with punctuation
    just inside fails the flanking rule (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/raw.html": '{{- printf `<%v class="raw">%v</%v>` "span" .Inner "span" | safeHTML -}}',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nRaw: {{< raw >}}**Hello** there{{< /raw >}}\n\n"
                        "Punct: **总结：**永远\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["line"], p["message"].split(": ", 1)[1]) for p in problems("--build")]
    assert [line for line, _ in found] == [5, 7]
    assert found[0][1].startswith("bold shown as text with its asterisks: the text was not rendered as Markdown")
    assert "between punctuation inside" in found[1][1]


@pytest.mark.hugo
def test_bold_shown_around_a_link_the_embedded_hook_rewrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`for**[a](/p/)**`, whose link Hugo's embedded hook writes `/fr/p/` on a multilingual
    site, is placed at its Markdown line in Hugo's build too (checked with hugo 0.168)."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "content/en/p.md": "+++\ntitle = 'P'\n+++\n\nText.\n",
            "content/fr/p.md": "+++\ntitle = 'P'\n+++\n\nLa limite pour**[les commandes](/p/)** est 300.\n\n"
                               "Voir**[ext](https://x.org/)** ici.\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\ndefaultContentLanguage = "en"\n'
       '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n',
        "unrendered-markup", [("content/fr/p.md", 5, 15), ("content/fr/p.md", 7, 5)],
        shows=("fr/p/index.html", 'pour**<a href="/fr/p/">'),
    )  # fmt: skip


@pytest.mark.hugo
@pytest.mark.parametrize("notation", ["%", "<"])
def test_hugos_details_renders_its_content_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, notation: str
) -> None:
    """Hugo's embedded `details` renders its content with the page's RenderString, in an
    HTML block: as a `{{% %}}` call without raw HTML, Hugo omits it all, its heading too;
    as a `{{< >}}` call, its heading's id is made apart from the page's (a repeat)."""
    opening, closing = ("{{% ", " %}}") if notation == "%" else ("{{< ", " >}}")
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/a.md": f"+++\ntitle = 'A'\n+++\n\n[to](#in-details) [one](#intro-1)\n\n## Intro\n\n"
                        f"{opening}details summary=\"s\"{closing}\n**bold**\n\n## In details\n\n## Intro\n"
                        f"{opening}/details{closing}\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    if notation == "%":
        assert_found_alike(hugo, tmp_path, "raw-html-omitted", [("content/a.md", 9, 1)])
        assert located("broken-anchor") == [("content/a.md", 5, 1), ("content/a.md", 5, 19)]
        assert "raw HTML omitted" in (tmp_path / "public/a/index.html").read_text("utf-8")
    else:
        assert_found_alike(hugo, tmp_path, "duplicate-id", [("content/a.md", 14, 1)])
        assert located("broken-anchor", "--html", "public") == [("content/a.md", 5, 19)]
        assert located("broken-anchor") == [("content/a.md", 5, 19)]


@pytest.mark.hugo
def test_a_heading_in_a_dropped_footnote_has_no_id_but_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo drops a footnote definition no reference uses, a heading in it too; its id is
    still counted: the next heading of that text gets `-1` (checked with hugo 0.168)."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n\n[^x]: def\n\n    ## Inside\n\n## Inside\n\n"
                            "[a](#inside) [b](#inside-1)\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        "broken-anchor", [("content/a.md", 13, 1)], shows=("a/index.html", '<h2 id="inside-1">'),
    )  # fmt: skip


@pytest.mark.hugo
def test_a_repeated_id_of_raw_html_headings_is_placed_at_the_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Two `<h3 id="x">` of the Markdown's raw HTML: the repeat is found at its line, with
    the first's line named, in Hugo's build too (it was at the HTML's line)."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n\n<h3 id=\"h-2\">raw</h3>\n\nmore\n\n"
                            "<h3 id=\"h-2\">again</h3>\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = true\n',
        "duplicate-id", [("content/a.md", 11, 1)],
    )  # fmt: skip
    assert "(<h3> on line 7)" in problems("--html", "public")[0]["message"]


@pytest.mark.hugo
def test_a_link_a_shortcode_makes_with_relref_is_placed_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template that looks a parameter up with `relref` (`{{ relref . (.Get "ref") }}`,
    over several lines): its broken anchor is found at the call in Hugo's build too."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "layouts/_shortcodes/page-relref.html": '<a href="{{ relref . (.Get "ref") }}" class="page-ref">\n'
                                                   '  <div class="icon"></div>\n  {{ .Get "caption" | markdownify }}\n</a>',
            "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Here\n",
            "content/p.md": "+++\ntitle = 'P'\n+++\n\nSome text.\n\n"
                            '{{< page-relref ref="a#nope" caption="A nope" >}}\n\n'
                            '{{< page-relref ref="a.md#here" caption="A here" >}}\n',
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        "broken-anchor", [("content/p.md", 7, 1)],
    )  # fmt: skip


@pytest.mark.hugo
def test_a_call_in_a_calls_content_parsed_apart_renders_its_own_content_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{% ts %}}` (`<div>{{ .Inner }}</div>`) right in the page's Markdown opens an HTML
    block that shows its table as text; inside `{{% expand %}}` in `{{< wrapper >}}`, Hugo
    renders its content apart: a table (checked with hugo 0.168)."""
    table = "{{% ts %}}\n| a | b |\n| --: | :-- |\n| 1 | 2 |\n{{% /ts %}}\n"
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "layouts/_shortcodes/wrapper.html": '<div class="wrapper">\n  {{ .Inner }}\n</div>',
            "layouts/_shortcodes/expand.html": '<div class="expand">\n  {{ .Inner }}\n</div>',
            "layouts/_shortcodes/ts.html": '<div class="ts">{{ .Inner }}</div>',
            "content/top.md": "+++\ntitle = 'Top'\n+++\n\n#### Result\n\n" + table,
            "content/nested.md": "+++\ntitle = 'Nested'\n+++\n\n{{< wrapper >}}\n{{% expand %}}\n\n#### Result\n\n"
                                 + table + "\n{{% /expand %}}\n{{< /wrapper >}}\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = true\n',
        "unrendered-markup", [("content/top.md", 9, 1)], shows=("nested/index.html", '<div class="ts"><table>'),
    )  # fmt: skip


@pytest.mark.hugo
def test_an_escaped_call_in_content_the_page_renders_is_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template that renders `.Inner` with the page's RenderString gets `{{</* tbl */>}}`
    as `{{< tbl >}}`, which RenderString runs (checked with hugo 0.168): the table in it is
    no row of the outer content, nor shown as text."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/ex.html": '<div class="ex">{{ .Inner | .Page.RenderString }}</div><pre>{{ .Inner }}</pre>',
        "layouts/_shortcodes/tbl.html": '<div class="tbl">{{ .Inner | .Page.RenderString }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{< ex >}}\n{{</* tbl */>}}\n| a | b |\n|---|---|\n| 1 | 2 |\n"
                        "{{</* /tbl */>}}\n{{< /ex >}}\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert problems() == []
    build_site(hugo, tmp_path, tmp_path / "public")
    assert problems("--html", "public") == []
    assert '<div class="tbl"><table>' in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_ids_a_nested_calls_template_writes_are_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{% expand %}}` inside `{{< wrapper >}}`, whose template writes an id made as it runs
    (`anchorize` of its title): a link to it is left to the build, not reported."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "layouts/_shortcodes/wrapper.html": '<div class="wrapper">\n  {{ .Inner }}\n</div>',
            "layouts/_shortcodes/expand.html": '{{ $extra := .Get 1 | default "" }}'
                                               '{{ $id := cond (eq $extra "") (.Get 0 | anchorize) (print (.Get 0 | anchorize) "-" $extra) }}'
                                               '<div class="expand" id="{{ $id }}">\n{{ .Inner }}\n</div>',
            "content/a.md": "+++\ntitle = 'A'\n+++\n\nSee [it](#determine-the-interval).\n\n{{< wrapper >}}\n"
                            "{{% expand \"Determine the interval\" %}}\nSome text.\n{{% /expand %}}\n{{< /wrapper >}}\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = true\n',
        "broken-anchor", [], shows=("a/index.html", 'id="determine-the-interval"'),
    )  # fmt: skip


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("page", "at", "why", "shown"),
    [
        # `{{\\< name >}}`: Markdown's escape shows `{{< name >}}` as text
        (
            "Intro.\n\n1. Write to your {{\\< product-name >}} database,\n   then run it.\n",
            (7, 18), "the backslash in `{{\\<` makes it text", "{{&lt; product-name &gt;}}",
        ),
        # one `**` escaped: found at its line, not at a later line of that text that is bold;
        # both escaped show the asterisks on purpose
        (
            "- **`**kwargs`\\*\\*: write options.\n\nSome text.\n\n- **`**kwargs`**: other options.\n\n"
            "Use \\*\\*kwargs\\*\\* to pass them.\n",
            (5, 3), "written escaped", "<li><strong><code>**kwargs</code></strong>",
        ),
    ],
)
def test_markup_escaped_by_mistake_is_found_at_its_line_saying_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, page: str, at: tuple[int, int], why: str, shown: str
) -> None:
    """Markup a backslash made text by mistake shows as text (checked with hugo 0.168): found
    at its Markdown line in both modes, saying why."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "layouts/_shortcodes/product-name.html": "InfluxDB",
            "content/a.md": "+++\ntitle = 'A'\n+++\n\n" + page,
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        "unrendered-markup", [("content/a.md", *at)], shows=("a/index.html", shown),
    )  # fmt: skip
    assert why in problems("--html", "public")[0]["message"]


@pytest.mark.hugo
def test_a_heading_repeating_the_templates_title_id_is_the_repeat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The template's `<h1 id="{{ .Title | anchorize }}">` comes first; the Markdown's
    `## Color modes` repeats its id: the heading is the repeat, the `<h1>` the first."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/single.html": '<html><body>\n<h1 id="{{ .Title | anchorize }}">{{ .Title }}</h1>\n{{ .Content }}\n'
                               "</body></html>",
        "layouts/_markup/render-heading.html": '<h{{ .Level }} id="{{ .Anchor }}">{{ .Text }}<a href="#{{ .Anchor }}">#</a>'
                                               "</h{{ .Level }}>",
        "content/p.md": "+++\ntitle = 'Color modes'\n+++\n\n## Color modes\n\nText.\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (found,) = [p for p in problems("--build") if p["rule"] == "duplicate-id"]
    assert (found["path"], found["line"]) == ("content/p.md", 5)
    assert "is already used on this page (<h1> at HTML line 2)" in found["message"]


@pytest.mark.hugo
def test_a_forced_redirect_rule_applies_over_the_page_at_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Netlify's `301!` applies even where a file is (an alias's redirect page): `/old/guide/#setup`
    reaches `/new/guide/#setup`, `/old/manual/` the missing `/new/manual/`."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "static/_redirects": "/old/*    /new/:splat    301!\n",
        "content/docs/guide.md": "---\ntitle: Guide\naliases: [/old/guide/]\n---\n## Setup\n",
        "content/docs/manual.md": "---\ntitle: Manual\naliases: [/old/manual/]\n---\n## Intro\n",
        "content/new/guide.md": "---\ntitle: New guide\n---\n## Setup\n",
        "content/home.md": "---\ntitle: Home\n---\n[its setup](/old/guide/#setup) and [the manual](/old/manual/).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/home.md", 4, 36, "broken-link")]
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems()] == expected
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--build")] == expected


@pytest.mark.hugo
def test_links_through_a_rule_whose_target_a_template_computes_are_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A redirects template's `/docs/latest/* /docs/{{ $current }}/:splat`: without a build
    the links it serves are noted as left to `--build`, which follows the rule Hugo wrote."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/index.redirects": "{{ $current := site.Params.current }}\n/docs/latest/*   /docs/{{ $current }}/:splat\n",
        "content/docs/v2/guide.md": "---\ntitle: Guide\n---\n## Setup\n",
        "content/home.md": "---\ntitle: Home\n---\n[guide](/docs/latest/guide/) and [none](/docs/latest/none/).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params]\ncurrent = "v2"\n'
       '[mediaTypes."text/netlify"]\n[outputFormats.REDIRECTS]\nmediaType = "text/netlify"\nbaseName = "_redirects"\n'
       'notAlternative = true\n[outputs]\nhome = ["HTML", "REDIRECTS"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert result["problems"] == []
    assert any("2 distinct addresses go through redirect rules whose target" in note for note in result["summary"]["notes"])
    assert [(p["line"], p["rule"]) for p in problems("--build")] == [(4, "broken-link")]


@pytest.mark.hugo
def test_links_of_a_page_whose_template_rewrites_its_addresses_are_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page template that finds the content's `src="…"` and rewrites the relative ones from
    the file's folder (Flatcar's docs): without a build its images are not judged, and a
    note says so; Hugo's build has them right (checked with hugo 0.168)."""
    template = (
        '{{ $imgs := findRE "src=\\"(.*?)\\"" .Content }}{{ $s := newScratch }}{{ $s.Set "c" .Content }}'
        "{{ $dir := path.Dir .File.Path }}{{ range $imgs }}{{ $ref := strings.TrimRight `\"` (substr . 5) }}"
        '{{ if not (hasPrefix $ref "/") }}{{ $s.Set "c" (replace (string ($s.Get "c")) $ref (printf "/%s/%s" $dir $ref)) }}'
        '{{ end }}{{ end }}<html><body>{{ safeHTML ($s.Get "c") }}</body></html>'
    )
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/single.html": template,
        "static/docs/img/x.png": "png",
        "content/docs/guide/page.md": "+++\ntitle = 'P'\n+++\n\n![x](../img/x.png)\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert result["problems"] == []
    assert any("1 page whose template rewrites the addresses" in note for note in result["summary"]["notes"])
    assert problems("--build") == []


@pytest.mark.hugo
def test_site_paths_no_file_makes_are_noted_as_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`/build/antrea.yml`, in a folder no content or static file makes: without a build the
    link is not judged (a template or a module may write it), and a note says so; Hugo's
    build tells it is missing (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nGet [it](/build/antrea.yml).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert result["problems"] == []
    assert any("1 site path the Markdown links to is made by no content or static file mdcheck reads "
               "('/build/antrea.yml')" in note for note in result["summary"]["notes"])
    assert [(p["line"], p["rule"]) for p in problems("--build")] == [(5, "broken-link")]


@pytest.mark.hugo
def test_links_whose_address_a_call_writes_are_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`[lit]({{< lit >}})`, whose template's output mdcheck does not know without a build:
    a note says so; the build judges the address it writes (checked with hugo 0.168), found
    at the Markdown link by its text."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/lit.html": "/nowhere/",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nSee [lit]({{< lit >}}) and [ref]({{< relref \"a.md\" >}}).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert result["problems"] == []
    assert any("1 Markdown link on 1 page takes its address from a shortcode call" in note
               for note in result["summary"]["notes"])
    found = [(p["path"], p["line"], p["rule"], p["message"].split(":")[0]) for p in problems("--build")]
    assert found == [("content/a.md", 5, "broken-link", "<a href='/nowhere/'>")]  # at the Markdown link


def test_images_the_sites_image_hook_writes_are_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's render-image hook rewrites the address as it likes: without a build the
    image is not judged, and a note says so."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_markup/render-image.html": '<img src="{{ path.Join .Page.RelPermalink ".." .Destination }}" '
                                             'alt="{{ .Text }}">',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n![logo](logo.svg) and ![mark](mark.svg)\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert result["problems"] == []
    assert any("2 Markdown images on 1 page are written by a render-image hook" in note
               for note in result["summary"]["notes"])


@pytest.mark.hugo
def test_a_run_on_one_file_keeps_its_pages_findings_placed_at_the_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A finding of a checked file's page that no Markdown line is found for (a link a
    shortcode's template makes of a site param) is kept when that file alone is checked, as
    a pre-commit hook does."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/go.html": '<a href="{{ site.Params.target }}">t</a>',
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n## Sec two\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nGo {{< go >}} here.\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params]\ntarget = "/docs/b/#sec-zzz"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    whole = [(p["path"], p["rule"]) for p in problems("--build")]
    assert whole == [("public/docs/a/index.html", "broken-anchor")]
    assert [(p["path"], p["rule"]) for p in problems("--build", "content/docs/a.md")] == whole
    assert problems("--build", "content/docs/b.md") == []


@pytest.mark.hugo
def test_a_link_the_param_shortcode_writes_is_checked_and_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`[t]({{% param target %}})`: Hugo writes the param's value, the language's own over
    the site's (checked with hugo 0.168); its fragment is checked without a build too, and
    both modes place the finding at the Markdown link."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n## Sec two\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nGo [t]({{% param target %}}) and [u]({{< param other >}}).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params]\ntarget = "/docs/b/#sec-zzz"\n'
       'other = "/docs/b/"\n[languages.en.params]\nother = "/nowhere/"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/a.md", 5, "broken-anchor"), ("content/docs/a.md", 5, "broken-link")}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_refs_fragment_with_a_trailing_blank_is_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`relref "b.md#missing "` writes `/b/#missing ` (checked with hugo 0.168): its broken
    anchor is found at its Markdown link in the build too, not folded into another page's."""
    assert_site_found_alike(
        tmp_path, monkeypatch, hugo, {
            "layouts/list.html": SINGLE,
            "content/b.md": "+++\ntitle = 'B'\n+++\n\n## Here\n",
            "content/a.md": "+++\ntitle = 'A'\n+++\n\nSee [m]({{< relref \"b.md#missing \" >}}).\n",
            "content/c.md": "+++\ntitle = 'C'\n+++\n\nAlso [m]({{< relref \"b.md#missing\" >}}).\n",
        }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        "broken-anchor", [("content/a.md", 5, 5), ("content/c.md", 5, 6)],
        shows=("a/index.html", 'href="/b/#missing "'),
    )  # fmt: skip


@pytest.mark.hugo
def test_a_fragment_a_hook_writes_with_index_html_is_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A link hook that writes `#x` as `{{ .Page.RelPermalink }}index.html#x` (relearn's),
    made relative by relativeURLs (`../page/index.html#x`): the build's broken anchor is
    found at the Markdown link."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_markup/render-link.html": '{{- $u := urls.Parse .Destination -}}{{- $href := .Destination -}}'
            '{{- if and (not $u.Scheme) (not $u.Path) $u.Fragment -}}'
            '{{- $href = printf "%sindex.html#%s" .Page.RelPermalink $u.Fragment -}}{{- end -}}'
            '<a href="{{ $href }}">{{ .Text }}</a>',
        "content/page.md": "+++\ntitle = 'P'\n+++\n\n## Here\n\nSee [x](#nope) and [y](#here).\n",
    }, 'relativeURLs = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--build")] == [("content/page.md", 7, "broken-anchor")]


@pytest.mark.hugo
def test_a_percent_calls_content_markdownify_renders_links_as_the_home_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{% def %}}` whose template renders `.Inner | markdownify`, on a site with languages
    (Hugo's embedded link hook on): `#def-b` in it links to the home page's `/cs/#def-b`
    (checked with hugo 0.168), not the page's; a link outside the call is the page's."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/def.html": '<dl><dt id="def-{{ .Get "id" }}">{{ .Get "id" }}</dt>'
                                        "<dd>{{ .Inner | markdownify }}</dd></dl>",
        "content/en/_index.md": "+++\ntitle = 'Home'\n+++\n",
        "content/cs/_index.md": "+++\ntitle = 'Domů'\n+++\n",
        "content/cs/g.md": "+++\ntitle = 'G'\n+++\n\n{{% def id=\"a\" %}} Term A, see [B](#def-b). {{% /def %}}\n\n"
                           "{{% def id=\"b\" %}} Term B. {{% /def %}}\n\nPlain link to [A](#def-a).\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\ndefaultContentLanguage = "en"\n'
       '[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.cs]\ncontentDir = "content/cs"\nweight = 2\n'
       '[markup.goldmark.renderer]\nunsafe = true\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/cs/g.md", 5, 32)])
    assert '<a href="/cs/#def-b">' in (tmp_path / "public/cs/g/index.html").read_text("utf-8")
    # A legacy template's (docsy's alert): Hugo renders the content with the page first
    legacy = '{{ $_hugo_config := `{ "version": 1 }` }}' + (tmp_path / "layouts/_shortcodes/def.html").read_text()
    (tmp_path / "layouts/_shortcodes/def.html").write_text(legacy)
    shutil.rmtree(tmp_path / "public")
    assert_found_alike(hugo, tmp_path, "broken-anchor", [])
    assert '<a href="/cs/g/#def-b">' in (tmp_path / "public/cs/g/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_content_a_partial_prints_as_it_is_shows_its_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A shortcode that gives its content to a partial that prints it as it is (`{{ .content
    | safeHTML }}`): a `{{< >}}` call's Markdown shows as text (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/note.html": '{{- partial "note.html" (dict "page" .Page "content" .Inner) }}',
        "layouts/_partials/note.html": '<div class="note">{{ .content | safeHTML }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{< note >}}\nRead **the guide** first.\n{{< /note >}}\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("shortcode-content-markdown") == [("content/p.md", 6, 6)]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "Read **the guide** first." in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_an_index_md_at_the_content_root_makes_the_home_page_a_leaf_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`content/index.md` is the home page, a leaf bundle: Hugo publishes no other page
    (their files are its resources), so a link to one is broken; the summary says why."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/index.md": "+++\ntitle = 'Home'\n+++\n\nSee [A](/docs/a/).\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/index.md", 5, 5)])
    assert not (tmp_path / "public/docs/a").exists() and (tmp_path / "public/index.html").exists()
    notes = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)["summary"]["notes"]
    assert "content/index.md makes the home page a leaf bundle" in " ".join(notes)


@pytest.mark.hugo
def test_a_markdown_links_finding_counts_the_templates_same_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A broken address a menu writes on every page and one page's Markdown writes too is
    reported at the Markdown link, counting the other pages: mending the line leaves them."""
    small_site(tmp_path, {
        "layouts/single.html": '<nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>'
                               "{{ .Content }}",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nSee [the docs](/docs).\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n\nText.\n",
        "content/c.md": "+++\ntitle = 'C'\n+++\n\nText.\n",
    }, '[[menus.main]]\nname = "Docs"\nurl = "/docs"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["message"]) for p in problems("--build")]
    assert found == [(
        "content/a.md", 5, "<a href='/docs'>: nothing is published at /docs (and on 2 other pages, where a template "
        "or a list page's summary writes it)",
    )]  # fmt: skip


@pytest.mark.hugo
def test_a_heading_with_the_id_of_a_templates_element(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `## Content` heading gets the id `content`, which the base template's element has
    on every page: reported at the heading, with or without a build (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/baseof.html": '<html><body><header id="header">{{ partial "nav.html" . }}</header>'
                               '{{ if .Params.toc }}<nav id="toc"></nav>{{ end }}<div id="content">{{ block "main" . }}'
                               "{{ end }}</div></body></html>",
        "layouts/single.html": '{{ define "main" }}{{ .Content }}{{ end }}',
        "layouts/_partials/nav.html": '<nav id="menu"></nav>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Content\n\n## Toc\n\n## Menu\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/a.md", 5, "duplicate-heading-id"), ("content/a.md", 9, "duplicate-heading-id")]
    assert [(p["path"], p["line"], p["rule"]) for p in problems()] == expected
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--build")] == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<div id="content"><h2 id="content">Content</h2>' in (tmp_path / "public/a/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_heading_in_a_markdown_call_whose_html_hugo_omits_has_no_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Without `unsafe`, a `{{% %}}` call whose template writes HTML around its content has
    its output omitted, headings and all: a link to one is broken (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/center.html": "<div class='align-center'>\n  {{ .Inner | markdownify }}\n</div>\n",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nSee [heading 3](#heading-3).\n\n{{% center %}}\n### Heading 3\n"
                        "{{% /center %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/p.md", 5, 5)])
    assert "heading-3" not in (tmp_path / "public/p/index.html").read_text("utf-8").replace("#heading-3", "")


@pytest.mark.hugo
def test_bold_never_closed_shows_its_asterisks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`**` that opens a paragraph or a list item and that nothing closes is shown as text
    (checked with hugo 0.168); a `**` closed later, or with a blank after it, is no leak."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n**Note: the order of the steps matters.\n\n- **Tip: run it twice.\n"
                        "- item\n\n** A pair of stars then a blank.\n\n**Note** closed, and **bold**.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [("content/p.md", 5, 1), ("content/p.md", 7, 3)])
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "<p>**Note: the order" in html and "<li>**Tip: run" in html


@pytest.mark.hugo
def test_bold_opened_mid_paragraph_and_never_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`**` before a capitalised word, mid-paragraph, that nothing closes: shown as text
    (sensu's changelog, SkyWalking's `threshold**.  **It`; checked with hugo 0.168). Not
    `**kwargs` in prose, nor `2 ** 8`, nor a pair."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n- **NEW**: Added support. **See [#1411](https://x.com/1411); fixes.\n\n"
                        "A set threshold**.  **It is the ratio.\n\nPass **kwargs and 2 ** 8, and **Both** here.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [("content/p.md", 5, 27), ("content/p.md", 7, 21)])
    assert "**See" in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_bold_closed_that_nothing_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`**` right after a word that no `**` of the paragraph opens: shown as text
    (hello-friend-ng's `… en argument**`; checked with hugo 0.168). Not `2**10 and a**b`,
    which is bold, nor a pair."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nPython has 2**10 and a**b.\n\nCall add with 1 and 2**\n\n"
                        "The **bold** here and word** there.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [("content/p.md", 7, 1), ("content/p.md", 9, 14)])
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "<p>Call add with 1 and 2**</p>" in html and "word** there" in html


@pytest.mark.hugo
def test_a_fragment_that_works_on_its_page_but_not_in_its_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `#details` link in a page's summary leads nowhere on the section's list page that
    shows the summary (whisper's docs): reported at the Markdown link, once; a fragment
    broken on its page too is reported there, counting the list page."""
    small_site(tmp_path, {
        "layouts/list.html": "{{ range .Pages }}<div>{{ .Summary }}</div>{{ end }}",
        "content/docs/_index.md": "+++\ntitle = 'Docs'\n+++\n",
        "content/docs/page.md": "+++\ntitle = 'Page'\n+++\n\nJump to [the details](#details) or [nope](#nope).\n\n"
                                "<!--more-->\n\n## Details\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["column"], p["message"]) for p in problems("--build")]
    assert [where[:3] for where in found] == [("content/docs/page.md", 5, 9), ("content/docs/page.md", 5, 36)]
    assert found[0][3] == (
        "<a href='#details'> works on its own page, but the list page /docs/ shows it too (the page's summary or "
        "content), where no element has the id 'details'; link to /docs/page/#details instead"
    )


@pytest.mark.hugo
def test_a_sites_link_hook_writes_autolinks_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo 0.168 sends autolinks, bare and in `<…>`, through the site's link render hook as
    it does `[x](…)`: what the hook writes of them is not judged from the Markdown."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ replace .Destination "/old/" "/a/" }}">{{ .Text }}</a>',
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nBare: https://x.org/old/\n\nAngle: <https://x.org/old/>\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link") == []
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/a/index.html").read_text("utf-8")
    assert html.count('<a href="https://x.org/a/">https://x.org/old/</a>') == 2
    assert located("broken-link", "--html", "public") == []


@pytest.mark.hugo
def test_the_embedded_link_hook_writes_markdownified_links_as_the_home_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A shortcode's content its template renders with `markdownify` goes through Hugo's
    embedded link hook as the home page's: `#x` links to the home page's `#x`, a path is
    looked up from the home page and, found nowhere, left as written for the browser to
    resolve from the page. mdcheck finds the same, with or without a build."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | markdownify }}</div>',
        "content/_index.md": "+++\ntitle = 'H'\n+++\n\n## Home\n",
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\n## Setup\n\n[a](#setup) [b](#setup)\n\n{{< note >}}\n"
                             "[c](#setup) [d](#home) [e](docs/b.md#bee) [f](../b/#bee) [g](../b/#nope) [h](b.md)\n"
                             "{{< /note >}}\n",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n## Bee\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    message = next(p["message"] for p in problems() if p["rule"] == "broken-anchor")
    assert "Hugo's link render hook links it to the home page, /#setup" in message
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/docs/a.md", 10, 1), ("content/docs/a.md", 10, 58)])
    html = (tmp_path / "public/docs/a/index.html").read_text("utf-8")
    assert '<a href="/#setup">c</a>' in html and '<a href="/docs/b/#bee">e</a>' in html
    assert '<a href="b.md">h</a>' in html
    assert located("md-link") == [("content/docs/a.md", 10, 74)]


_GETPAGE_OF_PATH = (
    '{{ $u := urls.Parse .Destination }}{{ $href := .Destination }}{{ with .PageInner.GetPage '
    '(strings.TrimPrefix "./" $u.Path) }}{{ $href = printf "%s#%s" .RelPermalink $u.Fragment }}{{ end }}'
    '<a href="{{ $href }}">{{ .Text }}</a>'
)


@pytest.mark.parametrize(("hook", "missing"), [
    # as Hugo's embedded hook: GetPage of the path less `./` (`./#x`: the home page's;
    # checked with hugo 0.168)
    (_GETPAGE_OF_PATH, [("sec", "content/_index.md"), ("own", "content/_index.md")]),
    # GetPage, but a URL mdcheck does not read written: the found page's or the browser's
    (_GETPAGE_OF_PATH.replace(".RelPermalink", ".Permalink"), [("sec", "this page")]),
    # no GetPage: the browser's
    ('<a href="{{ .Destination }}">{{ .Text }}</a>', [("sec", "this page"), ("home", "this page")]),
])  # fmt: skip
def test_a_projects_link_hook_may_send_a_fragment_to_either_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str, missing: list[tuple[str, str]]
) -> None:
    """A project's own link render hook that writes the URL of the page GetPage finds sends
    `./#x` to the home page, as Hugo's does; one that calls GetPage and writes what mdcheck
    does not read may look a relative path up (`./#x`: the home page's) or leave it to the
    browser (this page's): a fragment is then reported when neither page has it, at the
    page the link names as written."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "layouts/_markup/render-link.html": hook,
        "content/_index.md": "+++\ntitle = 'H'\n+++\n\n## Home\n",
        "content/docs/_index.md": "+++\ntitle = 'D'\n+++\n\n## Sec\n",
        "content/docs/install.md": "+++\ntitle = 'I'\n+++\n\n## Own\n\n[a](./#sec) [b](./#home) [c](./#own)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [p["message"] for p in problems("--source-only") if p["rule"] == "broken-anchor"] == [
        f"no heading or element with id '{fragment}' on {where}" for fragment, where in missing
    ]


@pytest.mark.hugo
@pytest.mark.parametrize("enabled", [True, False])
def test_passthrough_keeps_math_out_of_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, enabled: bool
) -> None:
    """With Hugo's passthrough extension, what lies between its delimiters is raw text for
    a math renderer: no reference link, emphasis or raw HTML there, and nothing of it in a
    heading's id (`## Energy \\(E\\) *now*` has the id `energy--now`). Without it, the
    same text is Markdown."""
    config = (
        "[markup.goldmark.extensions.passthrough]\nenable = true\n"
        "[markup.goldmark.extensions.passthrough.delimiters]\n"
        "block = [['\\[', '\\]'], ['$$', '$$']]\ninline = [['\\(', '\\)']]\n"
    ) if enabled else ""
    small_site(tmp_path, {
        "content/m.md": "+++\ntitle = 'M'\n+++\n\n## Energy \\(E\\) *now*\n\n"
                        "See [below](#energy--now): \\(x<b>y\\) and\n\\[\n\\ce{[+ 2OH-][+ 2H+]}\n\\]\n\n"
                        "Biconjugates \\(f^{**} = f\\) when \\(g^{**}\\) is.\n\n\\[\n\\text{**bold:**x}\n\\]\n",
    }, config)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    rules = {"link-reference-undefined", "raw-html-omitted", "broken-anchor"}
    found = {(line, rule) for path, line, rule in findings("--build") if rule in rules}
    markdown = {(7, "broken-anchor"), (7, "raw-html-omitted"), (9, "link-reference-undefined")}
    assert found == (set() if enabled else markdown)
    assert found == {(line, rule) for path, line, rule in findings() if rule in rules}
    if enabled:  # the asterisks of math kept as written are no bold shown as text
        assert "unrendered-markup" not in {rule for _, _, rule in findings() | findings("--build")}


@pytest.mark.hugo
@pytest.mark.parametrize(("block", "reported"), [("[['$$', '$$']]", False), ("[['\\[', '\\]']]", True)])
def test_display_math_is_kept_only_by_a_passthrough_of_its_delimiters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, block: str, reported: bool
) -> None:
    """`$$…$$` shown as text is reported on a page that loads no math renderer, unless the
    passthrough extension keeps `$$…$$` for one: on, with `$$` among its delimiters."""
    small_site(tmp_path, {"content/m.md": "+++\ntitle = 'M'\n+++\n\nEnergy $$E = mc^2$$ here.\n"},
               "[markup.goldmark.extensions.passthrough]\nenable = true\n"
               f"[markup.goldmark.extensions.passthrough.delimiters]\nblock = {block}\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/m.md", 5, 8)] if reported else []
    assert_found_alike(hugo, tmp_path, "unrendered-markup", expected)


@pytest.mark.hugo
def test_dollars_in_prose_are_no_display_math(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`$$` before punctuation or a parenthesis is prose (Kubernetes' "escaped with a double
    $$, ie: $$(VAR_NAME)", jx-docs); display math after it is placed at its own line."""
    small_site(tmp_path, {
        "content/m.md": "+++\ntitle = 'M'\n+++\n\nThe $(VAR_NAME) syntax can be escaped with a double $$, ie: "
                        "$$(VAR_NAME). Escaped.\n\nEnergy $$E = mc^2$$ here.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [("content/m.md", 7, 8)])


@pytest.mark.hugo
def test_a_bundles_files_are_known_without_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo publishes the files of a bundle's folder and subfolders (a branch bundle's, but
    those of bundles of their own), beside its page (at its slug's URL too), content files and hidden
    ones (`.h.png`) left out (checked with hugo 0.168): a link to another file there is dead,
    as the build shows. Not judged: `index.*` (a page's output formats), a bundle with
    `publishResources = false`."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/posts/b/index.md": "+++\ntitle = 'B'\n+++\n\n![a](A.PNG) ![s](a%20b.png) ![d](d/e/q.png) "
                                    "![x](d/nope.png) [m](m.md) [i](index.xml) ![h](.h.png) ![l](a.png)\n",
        "content/posts/b/A.PNG": "", "content/posts/b/a b.png": "", "content/posts/b/d/e/q.png": "",
        "content/posts/b/m.md": "", "content/posts/b/.h.png": "",
        "content/posts/r/index.md": "+++\ntitle = 'R'\nslug = 'renamed'\n+++\n\n![p](p.png) ![n](n.png)\n",
        "content/posts/r/p.png": "",
        "content/posts/o/index.md": "+++\ntitle = 'O'\n[build]\npublishResources = false\n+++\n\n![n](n.png)\n",
        "content/docs/_index.md": "+++\ntitle = 'D'\n+++\n\n![r](r.png) ![n](n.png) ![c](c/x.png)\n",
        "content/docs/r.png": "", "content/docs/c/x.png": "",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = located("broken-link")
    assert found == [
        ("content/docs/_index.md", 5, 13), ("content/posts/b/index.md", 5, 45), ("content/posts/b/index.md", 5, 87),
        ("content/posts/b/index.md", 5, 100), ("content/posts/r/index.md", 6, 13),
    ]
    build_site(hugo, tmp_path, tmp_path / "public")
    built = located("broken-link", "--html", "public")
    assert set(found) < set(built)
    assert set(built) - set(found) == {  # dead too: the files not judged
        ("content/posts/b/index.md", 5, 72), ("content/posts/o/index.md", 7, 1)
    }


@pytest.mark.hugo
@pytest.mark.parametrize("folders", [False, True])
def test_a_multilingual_sites_bundles_share_their_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, folders: bool
) -> None:
    """A bundle's translations share its files, in one content folder or in each language's
    (`b.fr.png` is found as `b.png` by the French page), and Hugo's embedded image hook
    links to them, or to an asset; a file none of them has is dead (checked with hugo 0.168)."""
    en, fr = ("content/en/", "content/fr/") if folders else ("content/", "content/")
    page = "+++\ntitle = 'B'\n+++\n\n![a](a.png) ![b](b.png) ![n](nope.png) ![c](img/c.png)\n"
    dirs = ("contentDir = 'content/en'\n", "contentDir = 'content/fr'\n") if folders else ("", "")
    small_site(tmp_path, {
        f"{en}posts/b/index.md": page, f"{en}posts/b/a.png": "", "assets/img/c.png": "",
        f"{fr}posts/b/index{'' if folders else '.fr'}.md": page, f"{fr}posts/b/b{'' if folders else '.fr'}.png": "",
    }, f"[languages.en]\nweight = 1\n{dirs[0]}[languages.fr]\nweight = 2\n{dirs[1]}")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    french = f"{fr}posts/b/index{'' if folders else '.fr'}.md"
    expected = sorted([(f"{en}posts/b/index.md", 5, 25), (french, 5, 25)])
    assert_found_alike(hugo, tmp_path, "broken-link", expected)


@pytest.mark.hugo
def test_ids_a_template_writes_from_parameters_are_the_values_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template writing `id="{{ .Get 0 }}"` (or `.Get "id"` through a `with`) writes the
    values the calls give, no other id: a fragment no call gives is broken (checked with
    hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": '{{- $id := .Get "id" }}\n<div{{ with $id }} id="{{ . }}"{{ end }}>{{ .Inner }}</div>',
        "layouts/_shortcodes/anchor.html": '<a id="{{ .Get 0 }}"></a>',
        # Kubernetes' code_sample: the file's name through `anchorize`
        "layouts/_shortcodes/sample.html": '{{ $file := .Get "file" }}<div id="{{ $file | anchorize }}"></div>',
        "content/t.md": '+++\ntitle = "T"\n+++\n\n{{< note >}}A.{{< /note >}}\n\n{{< note id="given" >}}B.{{< /note >}}\n\n'
                        '{{< anchor "here" >}}\n\n{{< sample file="pods/Simple Pod.yaml" >}}\n',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[a](/t/#given) [b](/t/#here) [c](/t/#missing)\n\n'
                        '[d](/t/#podssimple-podyaml) [e](/t/#pods)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/p.md", 5, 30), ("content/p.md", 7, 29)])


@pytest.mark.hugo
def test_a_link_a_hook_rewrites_from_dot_slash_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A site's link hook that looks `./#warning` up with `GetPage` makes it `/#warning`,
    the home page's (checked with hugo 0.168): the broken anchor is found at the link."""
    hook = (
        '{{- $u := urls.Parse .Destination }}{{- $href := $u.String }}\n'
        '{{- if and $href (not $u.IsAbs) (not (strings.HasPrefix $href "/")) (not (strings.HasPrefix $href "#")) }}\n'
        '  {{- with $.PageInner.GetPage (strings.TrimPrefix "./" $u.Path) }}{{- $href = printf "%s#%s" .RelPermalink $u.Fragment }}{{- end }}\n'
        '{{- end -}}\n<a href="{{ $href }}">{{ .Text }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "layouts/home.html": "<html><body>{{ .Content }}</body></html>",
        "content/_index.md": '+++\ntitle = "Home"\n+++\n',
        "content/page.md": '+++\ntitle = "P"\n+++\n\n## Warning\n\nMind ([see warning](./#warning)).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<a href="/#warning">' in (tmp_path / "public/page/index.html").read_text("utf-8")
    assert located("broken-anchor", "--html", "public") == [("content/page.md", 7, 7)]


@pytest.mark.hugo
def test_a_typo_in_a_heading_of_a_markdown_call_inside_a_call_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo renders the Markdown of `{{% tab %}}` inside `{{< tabs >}}`: its headings are
    spell-checked, with or without a build, at their lines."""
    small_site(tmp_path, {
        "layouts/_shortcodes/tabs.html": '<div class="tabs">{{ .Inner }}</div>',
        "layouts/_shortcodes/tab.html": "{{ .Inner }}",
        "content/p.md": '+++\ntitle = "Install"\n+++\n\nInstallation steps.\n\n{{< tabs >}}\n{{% tab %}}\n'
                        "## Instalation on Linux\n\nText.\n{{% /tab %}}\n{{< /tabs >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "heading-typo", [("content/p.md", 9, 1)])
    assert "<h2 id=\"instalation-on-linux\">" in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_typo_in_a_heading_a_calls_output_changes_is_found_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`### {{% icon %}} Updating mutliple certificates`: Hugo omits the icon's HTML there,
    leaving a placeholder in the heading's text: the typo is the Markdown heading's, found
    at its line, not again at the page's first line with a build (nginx's known issues)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/icon.html": '<svg class="icon"><use href="#bug"></use></svg>',
        "content/p.md": '+++\ntitle = "Known issues"\n+++\n\nIntro.\n\n'
                        "### {{% icon %}} Deployment locked when updating mutliple certificates\n\ntext\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "heading-typo", [("content/p.md", 7, 1)])


@pytest.mark.hugo
def test_a_typo_in_a_heading_another_page_renders_is_found_once_at_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page that prints another's content (`.RenderShortcodes`) repeats its headings: a
    typo in one is reported at the file that has it, not again at the page printing it."""
    small_site(tmp_path, {
        "layouts/_shortcodes/include.html": "{{ with site.GetPage (.Get 0) }}{{ .RenderShortcodes }}{{ end }}",
        "content/a.md": '+++\ntitle = "A"\n+++\n\nIntro.\n\n{{% include "/part" %}}\n',
        "content/part.md": '+++\ntitle = "Part"\n+++\n\n## Instalation on Linux\n\nText.\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "heading-typo", [("content/part.md", 5, 1)])
    assert '<h2 id="instalation-on-linux">' in (tmp_path / "public/a/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_snippets_shown_as_text_map_to_prose_not_code_and_several_to_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A footnote reference without a definition shows as text (checked with hugo 0.168):
    each is found once, at its place in the prose, not in a code block that shows the same,
    three on one line too."""
    small_site(tmp_path, {
        "content/p.md": '+++\ntitle = "P"\n+++\n\n```\nOne[^1] two[^2].\n```\n\n'
                        "{{< highlight text >}}\nthree[^3]\n{{< /highlight >}}\n\nOne[^1] two[^2] three[^3].\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 13, 4, "footnote-undefined"), ("content/p.md", 13, 12, "footnote-undefined"),
                ("content/p.md", 13, 22, "footnote-undefined")]  # fmt: skip

    def found(*args: str) -> list[tuple[str, int, int, str]]:
        return [(p["path"], p["line"], p["column"], p["rule"]) for p in problems(*args)]

    assert found() == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert found("--html", "public") == expected


@pytest.mark.hugo
def test_raw_html_in_content_a_template_renders_as_markdown_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`.Inner | markdownify` renders a `{{< >}}` call's content as Markdown, where Hugo
    omits raw HTML; `.Inner` as it is keeps it (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/bq.html": "<blockquote>\n  <p>{{ .Inner | markdownify }}</p>\n</blockquote>",
        "layouts/_shortcodes/keep.html": "<div>{{ .Inner }}</div>",
        "content/p.md": '+++\ntitle = "P"\n+++\n\n{{< bq >}}\n  First line.\n  <br>Second line.\n{{< /bq >}}\n\n'
                        "{{< keep >}}A <br> kept.{{< /keep >}}\n\nSome <span>inline</span> html.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 7, 3), ("content/p.md", 12, 6)]
    assert_found_alike(hugo, tmp_path, "raw-html-omitted", expected)
    assert (tmp_path / "public/p/index.html").read_text("utf-8").count("<!-- raw HTML omitted -->") == 3


@pytest.mark.hugo
@pytest.mark.parametrize("renders", ["{{ .Inner | markdownify }}", "{{ .Inner | .Page.RenderString }}"])
def test_a_calls_html_in_content_a_template_renders_as_markdown_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, renders: str
) -> None:
    """A `{{< >}}` call inside the content of one whose template renders it as Markdown: Hugo
    gives the template the content with the call's output in it, Markdown, where the HTML
    the call writes is omitted (DoIt's `{{< fa-icon >}}` in an `{{< admonition >}}`; checked
    with hugo 0.168). In a code span, and outside such a call, it is kept."""
    small_site(tmp_path, {
        "layouts/_shortcodes/icon.html": '<i class="icon"></i>',
        "layouts/_shortcodes/note.html": f'<div class="note">{renders}</div>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n{{< note >}}\nPress {{< icon >}} to start, `{{< icon >}}`.\n'
                        "{{< /note >}}\n\nOutside: {{< icon >}} stays.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "raw-html-omitted", [("content/p.md", 6, 7)])
    assert (tmp_path / "public/p/index.html").read_text("utf-8").count("<!-- raw HTML omitted -->") == 2


@pytest.mark.hugo
def test_placeholders_and_links_map_to_what_made_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% %}}` call whose template writes no HTML of its own makes no placeholder: the
    raw HTML after it is found at its tag. A relref's rewritten link is found at the relref,
    not at a Markdown link beside it with the same name and fragment, which Hugo leaves as
    written (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/plain.html": "{{ .Inner }}",
        "content/t.md": '+++\ntitle = "T"\n+++\n\n## Frag\n',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n{{% plain %}}Text.{{% /plain %}} and <b>bold</b>.\n\n'
                        '[a](t.md#nope) [b]({{< relref "t.md#nope" >}})\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert located("raw-html-omitted", "--html", "public") == [("content/p.md", 5, 38)]
    assert located("broken-anchor", "--html", "public") == [("content/p.md", 7, 16)]


@pytest.mark.hugo
def test_an_image_maps_to_an_image_and_a_markdown_call_in_code_writes_no_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """An `<img>` is found at an image or a call that gave its address, not at a link to
    the same file; a `{{% %}}` call inside a fenced block writes code, no heading, so a
    fragment on its page is checked (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/fig.html": '<figure><img src="{{ .Get "src" }}"></figure>',
        "layouts/_shortcodes/snippet.html": "{{ .Get 0 | readFile }}",
        "static/images/flow.png": "",
        "snippet.yaml": "## not: a heading\n",
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[image](/images/flow.png)\n\n![flow](/images/flow.png)\n\n'
                        '{{< fig src="/images/flow.png" >}}\n',
        "content/q.md": '+++\ntitle = "Q"\n+++\n\n## Setting Up\n\n```yaml\n{{% snippet "snippet.yaml" %}}\n```\n',
        "content/r.md": '+++\ntitle = "R"\n+++\n\n[q](/q/#setting-up-more)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/r.md", 5, 1)])
    assert located("image-alt", "--html", "public") == [("content/p.md", 9, 1)]


@pytest.mark.hugo
def test_a_themes_image_without_alt_is_not_the_pages_image_with_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A layout's logo without an alt, before the page's own `<img alt="kind">` of the same
    file, is the theme's defect, not the page's (kind's site, checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body><img src="/logo.png" width="100%">{{ .Content }}</body></html>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n<p><img alt="kind" src="/logo.png"></p>\n\n![](/other.png)\n',
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    assert located("image-alt", "--html", "public") == [("content/p.md", 7, 1), ("layouts/single.html", 1, 23)]


@pytest.mark.hugo
def test_files_ignore_files_names_are_no_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo reads no file whose absolute path an `ignoreFiles` pattern matches (checked with
    hugo 0.168): its links are not checked, and a link to its page is dead."""
    small_site(tmp_path, {
        "content/draftnotes.md": '+++\ntitle = "D"\n+++\n\n[x](/no/such/page/) [y](#nowhere)\n',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[notes](/draftnotes/)\n',
    }, 'ignoreFiles = ["draftnotes\\\\.md$"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 5, 1, "broken-link")]

    def found(*args: str) -> list[tuple[str, int, int, str]]:
        return [(p["path"], p["line"], p["column"], p["rule"]) for p in problems(*args)]

    assert found() == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert not (tmp_path / "public/draftnotes").exists()
    assert found("--html", "public") == expected


@pytest.mark.hugo
def test_a_folder_ignore_files_names_is_no_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An `ignoreFiles` pattern matching a folder's absolute path skips the folder whole
    (keptn's `^(.*/docs/0.7.x/*)$`; checked with hugo 0.168): its files are not checked,
    a ref to one stops the build, a link to one is dead."""
    small_site(tmp_path, {
        "content/docs/old/a.md": '+++\ntitle = "A"\n+++\n\n[x](/no/such/page/)\n',
        "content/docs/old/sub/b.md": '+++\ntitle = "B"\n+++\n\n[y](#nowhere)\n',
        "content/docs/oldish/c.md": '+++\ntitle = "C"\n+++\n',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[a](/docs/old/a/) [c](/docs/oldish/c/)\n',
        "content/q.md": '+++\ntitle = "Q"\n+++\n\n[a]({{< relref "/docs/old/a.md" >}})\n',
    }, 'ignoreFiles = ["^(.*/docs/old/*)$"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == {("content/p.md", 5, "broken-link"), ("content/q.md", 5, "ref-not-found")}
    result = subprocess.run([hugo, "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0 and 'REF_NOT_FOUND: Ref "/docs/old/a.md"' in result.stderr
    (tmp_path / "content" / "q.md").unlink()
    build_site(hugo, tmp_path, tmp_path / "public")
    assert not (tmp_path / "public/docs/old").exists() and (tmp_path / "public/docs/oldish/c").exists()
    assert findings("--html", "public") == {("content/p.md", 5, "broken-link")}


@pytest.mark.hugo
def test_a_comment_in_a_fenced_block_of_a_notice_is_no_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """docsy's `alert` renders its content (`.Inner | markdownify`): a `# comment` in a
    fenced block there is code, no heading, so the page's fragments are still checked
    (Karpenter: 57 broken anchors were left to the build)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/alert.html": '<div class="alert">{{ .Inner | markdownify }}</div>',
        "content/s.md": "+++\ntitle = 'S'\n+++\n\n## Feature Gates\n\n{{% alert %}}\n```yaml\n# top comment\n"
                        "spec: {}\n```\n{{% /alert %}}\n",
        "content/u.md": '+++\ntitle = "U"\n+++\n\n[a]({{< ref "s#configmap" >}}) [b]({{< ref "s#feature-gates" >}})\n',
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/u.md", 5, "broken-anchor")}


@pytest.mark.hugo
def test_a_destination_with_blanks_at_its_ends_is_placed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`[x](<ref "#a" >)` (a ref shortcode with its braces lost): Hugo writes the trailing
    blank as `%20`; the build's broken link is still placed at its Markdown line."""
    small_site(tmp_path, {"content/d.md": "+++\ntitle = 'D'\n+++\n\n## Node Repair\n\nSee [it](<ref \"#node-repair\" >).\n"})
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/d.md", 7, "broken-link")}


@pytest.mark.hugo
def test_a_publish_dir_built_before_the_content_changed_is_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """The rendered pass reads a built publishDir by default, but not one built before a
    content file changed, or a page was added, renamed or deleted (its folder changed): the
    old HTML would hide what the change broke. mdcheck's own rendering is checked instead,
    and the summary says so; a folder named with --html is read all the same, with a note."""
    small_site(tmp_path, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Setup\n\n[b](/b/) [s](#setup)\n",
        "content/b.md": "+++\ntitle = 'B'\n+++\n",
        "layouts/home.html": "home",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    built = (tmp_path / "public" / "index.html").stat().st_mtime
    content = tmp_path / "content"
    a = content / "a.md"
    a.write_text(a.read_text("utf-8").replace("## Setup", "## Install"), "utf-8")
    for path in (a, content / "b.md", content):
        os.utime(path, (built - 60, built - 60))
    stale = "the rendered pass read public/, built before"
    aside = "public/ was built before content/a.md last changed: the rendered pass checked mdcheck's own rendering"
    output = CliRunner().invoke(main, ["check", "--no-cache"]).output
    assert stale not in output and "public/ was built" not in output
    assert "broken-anchor" not in output  # the old HTML has the old id
    os.utime(a, (built + 60, built + 60))
    output = CliRunner().invoke(main, ["check", "--no-cache"]).output
    assert aside in output and "content/a.md:7:10: error broken-anchor" in output, output
    assert "public/" not in CliRunner().invoke(main, ["check", "--no-cache", "--build"]).output
    output = CliRunner().invoke(main, ["check", "--no-cache", "--html", "public"]).output
    assert f"{stale} content/a.md last changed" in output and "broken-anchor" not in output
    os.utime(a, (built - 60, built - 60))
    (content / "b.md").unlink()
    os.utime(content, (built + 60, built + 60))
    output = CliRunner().invoke(main, ["check", "--no-cache"]).output
    assert "public/ was built before content/ last changed" in output and "broken-link" in output, output


@pytest.mark.hugo
def test_a_ref_argument_ending_in_a_blank_links_to_its_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo writes `{{< relref "#budgets " >}}` as `href="#budgets "`, whose blank the
    browser strips (checked with hugo 0.168): the id is found, with and without a build."""
    small_site(tmp_path, {"content/a.md": '+++\ntitle = "A"\n+++\n\n[x]({{< relref "#budgets " >}})\n\n## Budgets\n'})
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == set()


@pytest.mark.hugo
def test_a_legacy_template_that_renders_its_content_loses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """docsy 0.6's `alert` is a legacy template (`"version": 1`) that renders its content
    with `markdownify`: in a `{{% %}}` call Hugo gives it the content already made HTML,
    which it drops as raw HTML when `unsafe` is off (checked with hugo 0.168); one that
    prints `.Inner` as it is, or a `{{< >}}` call, keeps it."""
    small_site(tmp_path, {
        "layouts/_shortcodes/alert.html": LEGACY + '<div class="alert">{{ .Inner | markdownify }}</div>\n',
        "layouts/_shortcodes/plain.html": LEGACY + '<div class="plain">{{ .Inner }}</div>\n',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% alert %}}\nSome **text**.\n{{% /alert %}}\n\n"
                        "{{% plain %}}\nPlain **text**.\n{{% /plain %}}\n\n"
                        "{{< alert >}}\nAngle **text**.\n{{< /alert >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/p.md", 5, "raw-html-omitted")}
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public" / "p" / "index.html").read_text()
    assert '<div class="alert"><!-- raw HTML omitted -->' in html and "Plain <strong>text</strong>" in html


@pytest.mark.hugo
def test_a_legacy_templates_markdown_call_is_rendered_as_an_angle_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% %}}` call of a legacy template (`"version": 1`, sensu's `notice`) is one
    placeholder in the page's Markdown, as a `{{< >}}` call is: in a table's cell, the lines
    of its content are no rows; its content is rendered apart, its headings' ids apart from
    the page's, and raw HTML in it omitted without `unsafe` (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/notice.html": LEGACY + '<div class="notices {{ .Get 0 }}">{{ .Inner }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Setup\n\nkey | value\n----|------\n"
                        "name | The name. {{% notice note %}}\n**NOTE**: names are | unique.\n"
                        "See [setup](#setup) and [gone](#setup-1).\n{{% /notice %}}\nnext | row\n\n"
                        "{{% notice tip %}}\n## Setup\n\nSome <b>bold</b> text.\n{{% /notice %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", 11, "broken-anchor"), ("content/p.md", 18, "raw-html-omitted")}
    assert findings("--source-only") == expected
    assert findings() == findings("--build") == {*expected, ("content/p.md", 16, "duplicate-id")}
    [omitted] = [p for p in problems() if p["rule"] == "raw-html-omitted"]
    assert "{{% notice %}}" in omitted["message"] and omitted["column"] == 6
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "<td>The name. \n<div class=\"notices note\"><p><strong>NOTE</strong>: names are | unique." in html
    assert html.count('<h2 id="setup">') == 2 and "<td>next</td>" in html and "<!-- raw HTML omitted -->bold" in html


@pytest.mark.hugo
def test_a_value_call_in_a_content_rendered_apart_leaves_the_ids_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% param %}}` call in the content of a call rendered apart (docsy's legacy
    `blocks/cover`) writes a value, no heading: the page's ids stay known, and a link to
    one it lacks is found without a build (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/cover.html": LEGACY + '<div class="cover">{{ .Inner }}</div>',
        "content/p.md": "+++\ntitle = 'P'\ndescription = 'A framework'\n+++\n\n{{% cover %}}\n{{% param description %}}\n"
                        "{{% /cover %}}\n\n## Usage\n\nSee [usage](#usage) and [gone](#gone).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-anchor", [("content/p.md", 12, 25)])
    assert '<div class="cover"><p>A framework</p>' in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_label_the_page_defines_is_unknown_in_a_content_rendered_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A legacy call's content is rendered apart, with its own link definitions: a label the
    page defines outside it shows as text there, and the message says where it is defined
    (checked with hugo 0.168; kubermatic's quickstart)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/notice.html": LEGACY + '<div class="notice">{{ .Inner }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% notice %}}\nSee [the gateway][gw].\n{{% /notice %}}\n\n"
                        "And [the gateway][gw].\n\n[gw]: https://example.org/gw/\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    [found] = [p for p in problems() if p["rule"] == "link-reference-undefined"]
    assert found["line"] == 6 and "is defined in the page, outside this content" in found["message"]
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "See [the gateway][gw]." in html and '<a href="https://example.org/gw/">the gateway</a>' in html


@pytest.mark.hugo
def test_html_calls_write_in_markdown_is_omitted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Without `unsafe`, Hugo omits the HTML a call writes into Markdown: an embedded
    template's in `{{% %}}` notation (`highlight`, `figure`), a `{{< >}}` call's inside a
    `{{% %}}` call's content (its template gets the content with the call's output made),
    a legacy call's inside another legacy call's content (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/md.html": "{{ .Inner }}",
        "layouts/_shortcodes/kbd.html": "<kbd>{{ .Get 0 }}</kbd>",
        "layouts/_shortcodes/note.html": LEGACY + '<div class="note">{{ .Inner }}</div>',
        "layouts/_shortcodes/expand.html": LEGACY + "<details>{{ .Inner }}</details>",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% highlight go %}}\nx := 1\n{{% /highlight %}}\n\n"
                        '{{% figure src="/a.png" alt="A" %}}\n\n{{% md %}}\nPress {{< kbd "Alt" >}} now.\n{{% /md %}}\n\n'
                        "{{% expand %}}\nIntro.\n\n{{% note %}}\nInner.\n{{% /note %}}\n{{% /expand %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", line, column) for line, column in ((5, 1), (9, 1), (12, 7), (18, 1))]
    assert_found_alike(hugo, tmp_path, "raw-html-omitted", expected)
    html = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert html.count("<!-- raw HTML omitted -->") >= 5 and "<kbd>" not in html and "Inner." not in html


@pytest.mark.hugo
def test_an_h1_in_a_content_rendered_apart_is_the_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A legacy call's content (relearn's `notice`) is rendered apart, and its `# h1` is an
    `<h1>` of the page beside the title's (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/single.html": "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>",
        "layouts/_shortcodes/notice.html": LEGACY + '<div class="notice">{{ .Inner }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% notice %}}\n\n# Inside\n\n{{% /notice %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "content-h1", [("content/p.md", 7, 1)])
    assert (tmp_path / "public/p/index.html").read_text("utf-8").count("<h1") == 2


@pytest.mark.hugo
def test_hugos_output_withdraws_an_anchor_a_layout_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A layout may add content, and ids, to a page (`readFile … | markdownify`): with
    Hugo's output the page's fragments are checked against the ids it really has (checked
    with hugo 0.168); without it, they are left to the build, as the summary says."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body>{{ .Content }}{{ readFile "extra.md" | markdownify }}</body></html>',
        "extra.md": "## Installation\n",
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[install](#installation) [gone](#gone)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor") == []
    build_site(hugo, tmp_path, tmp_path / "public")
    assert located("broken-anchor", "--html", "public") == [("content/p.md", 5, 26)]


@pytest.mark.hugo
def test_a_link_hook_that_keeps_the_destination_changes_no_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A theme's link hook that writes `href="{{ .Destination | safeURL }}"` (adding a class
    or `target`) leaves every link as written (checked with hugo 0.168): dead links are
    found without a build too."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | safeURL }}"{{ with .Title }} title="{{ . }}"'
                                            '{{ end }} class="external">{{ .Text | safeHTML }}</a>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[gone](/nope/) and [here](/p/).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/p.md", 5, 1)])
    assert 'class="external"' in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_link_hook_that_keeps_the_destination_in_each_branch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Docker's link hook writes `target="_blank"` for `http` addresses alone, the
    destination as it is in both branches (checked with hugo 0.168): dead links are found
    without a build."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html":
            '{{- if strings.HasPrefix .Destination "http" -}}\n'
            '<a href="{{ .Destination | safeURL }}" rel="noopener" target="_blank">{{ .Text | safeHTML }}</a>\n'
            '{{- else -}}\n<a href="{{ .Destination }}">{{ .Text | safeHTML }}</a>\n{{- end -}}',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[gone](/nope/), [here](/p/) and [out](https://example.com/).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/p.md", 5, 1)])


@pytest.mark.hugo
def test_addresses_a_template_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A link hook without safeURL writes `tel:`, `vscode:` or `javascript:` addresses as
    `#ZgotmplZ` (checked with hugo 0.168): url-refused finds them both ways, and the build's
    `#ZgotmplZ` links are not reported again as broken anchors, but for the one only the
    build shows (`#step:1`, which a hook may have changed), placed at its Markdown line."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination }}">{{ .Text }}</a>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n'
                        'Call [us](tel:+15550100), [run](javascript:go()), [a step](#step:1),\n'
                        '[mail](mailto:a@x.org) and [edit](vscode://file/a.txt).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 5, 6), ("content/p.md", 5, 27), ("content/p.md", 6, 28)]
    assert_found_alike(hugo, tmp_path, "url-refused", expected)
    assert (tmp_path / "public/p/index.html").read_text("utf-8").count('href="#ZgotmplZ"') == 4
    assert located("broken-anchor", "--html", "public") == [("content/p.md", 5, 51)]


@pytest.mark.hugo
def test_addresses_goldmark_drops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Without a hook, goldmark writes a `javascript:` link and an SVG `data:` image empty, and
    keeps a `tel:` one (checked with hugo 0.168); the empty href is not reported again."""
    small_site(tmp_path, {
        "content/p.md": '+++\ntitle = "P"\n+++\n\n[run](javascript:go()) [us](tel:+15550100)\n\n'
                        '![logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) '
                        '![dot](data:image/png;base64,iVBORw0KGgo=)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "url-refused", [("content/p.md", 5, 1), ("content/p.md", 7, 1)])
    page = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert 'href=""' in page and 'src=""' in page and 'href="tel:' in page and 'src="data:image/png' in page
    assert located("empty-link", "--html", "public") == located("empty-link") == []


@pytest.mark.hugo
def test_alerts_without_a_blockquote_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo shows `> [!WARNING]` as text unless a blockquote hook renders the page (checked
    with hugo 0.168): alert-unrendered reports it without one, and not with one."""
    page = '+++\ntitle = "P"\n+++\n\n> [!WARNING]\n> Back up first.\n'
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "alert-unrendered", [("content/p.md", 5, 3)])
    assert "[!WARNING]" in (tmp_path / "public/p/index.html").read_text("utf-8")
    hook = '<div class="alert-{{ .AlertType }}">{{ .Text }}</div>'
    small_site(tmp_path, {"content/p.md": page, "layouts/_markup/render-blockquote-alert.html": hook})
    assert_found_alike(hugo, tmp_path, "alert-unrendered", [])
    assert '<div class="alert-warning">' in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_text_after_the_closing_delimiter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo ends the front matter at a line starting with `---` and renders the rest of the
    line (checked with hugo 0.168): mdcheck reports it and renders the same."""
    page = "---\ntitle: P\n----------\n\nBody.\n"
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "front-matter-syntax", [("content/p.md", 3, 4)])
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert render_document(parse_document("p.md", page.encode())) in built


@pytest.mark.hugo
@pytest.mark.parametrize(
    "color", ['<span style="color: {{ .Get 0 }}">{{ .Inner }}</span>',
              '{{ printf "<span style=\\"color: %s\\">%s</span>" (.Get 0) .Inner | safeHTML }}'],
)
def test_markdown_a_template_prints_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, color: str
) -> None:
    """A `{{< >}}` call's content that its template prints as it is (through `printf` too)
    shows its Markdown as text (checked with hugo 0.168); one that renders it does not."""
    small_site(tmp_path, {
        "layouts/_shortcodes/color.html": color,
        "layouts/_shortcodes/md.html": "<span>{{ .Inner | .Page.RenderString }}</span>",
        "content/p.md": '+++\ntitle = "P"\n+++\n\nA {{< color red >}}**bold**{{< /color >}} and '
                        "{{< md >}}**rendered**{{< /md >}} word.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "shortcode-content-markdown", [("content/p.md", 5, 20)])
    page = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert '<span style="color: red">**bold**</span>' in page and "<strong>rendered</strong>" in page


@pytest.mark.hugo
def test_code_headings_and_ref_links_a_template_prints_show_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A content printed as it is (hugo-book's `hint`: `{{ .Inner | safeHTML }}`) shows code
    spans, headings, a link to a `ref` call's URL and one whose destination is on the next
    line as text (checked with hugo 0.168)."""
    hint = '<blockquote class="hint">\n{{ .Inner | safeHTML -}}\n</blockquote>'
    calls = ["Use `Job`.", "## Try it", 'See [Q]({{< ref "q" >}}).', "See [Q](\n/q/)."]
    small_site(tmp_path, {
        "layouts/_shortcodes/hint.html": hint,
        "content/q.md": '+++\ntitle = "Q"\n+++\n\nQ.\n',
        "content/p.md": '+++\ntitle = "P"\n+++\n\n' + "".join(f"{{{{< hint >}}}}\n{call}\n{{{{< /hint >}}}}\n\n"
                                                         for call in calls),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 6, 5), ("content/p.md", 10, 1), ("content/p.md", 14, 5), ("content/p.md", 18, 5)]
    assert_found_alike(hugo, tmp_path, "shortcode-content-markdown", expected)
    page = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert all(shown in page for shown in ("Use `Job`.", "## Try it", "[Q](https://x.org/q/)", "[Q](\n/q/)"))


@pytest.mark.hugo
@pytest.mark.parametrize("finds_pages", [False, True])
def test_links_a_site_link_hook_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, finds_pages: bool
) -> None:
    """A link hook that parses the destination and writes it back whole (Lotus's, relearn's
    `{{ $u.String }}`) changes no link: a broken one is found without a build. One whose
    output is not known leaves the page's links to the build, and the summary says so
    (checked with hugo 0.168)."""
    hook = '{{- $u := urls.Parse .Destination -}}\n<a href="{{ $u.String }}">{{ .Text }}</a>'
    if finds_pages:
        hook = '{{- $p := .Page.GetPage .Destination -}}<a href="{{ with $p }}{{ .RelPermalink }}{{ end }}">{{ .Text }}</a>'
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "content/docs/p.md": '+++\ntitle = "P"\n+++\n\nSee [the options](../../ref/configuration/#ui).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    output = json.loads(result.stdout)
    found = [(p["path"], p["line"], p["rule"]) for p in output["problems"]]
    assert found == ([] if finds_pages else [("content/docs/p.md", 5, "broken-link")])
    noted = any("written by a render-link hook" in note for note in output["summary"]["notes"])
    assert noted is finds_pages
    build_site(hugo, tmp_path, tmp_path / "public")
    if not finds_pages:
        assert 'href="../../ref/configuration/#ui"' in (tmp_path / "public/docs/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_a_link_to_the_pages_own_fragment_requests_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A page whose file Hugo names `a%20b/index.html` is at `/a%20b/`, which a server
    reads as `/a b/`: links to it lead nowhere, but its own `#top` requests nothing (checked
    with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/home.html": '<html><body><a href="{{ (site.GetPage "a%20b").RelPermalink }}">a</a></body></html>',
        "content/a%20b.md": '+++\ntitle = "A"\n+++\n\n## Top\n\n[up](#top)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [(p["path"], p["rule"]) for p in problems("--build")] == [("public/index.html", "broken-link")]


@pytest.mark.hugo
def test_a_site_param_test_in_a_types_single_template_keeps_its_main_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A type's single template that fills the base template's `main` block and tests a site
    param (hello-friend-ng's `if .Site.Params.EnableReadingTime`) still writes its `<h1>`:
    the block is no unused define (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/baseof.html": '<html><body>{{ block "main" . }}{{ end }}</body></html>',
        "layouts/single.html": '{{ define "main" }}<h2>{{ .Title }}</h2>{{ .Content }}{{ end }}',
        "layouts/posts/single.html": '{{ define "main" }}{{ if .Site.Params.showDate }}<p>{{ .Date }}</p>{{ end }}'
                                     "<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}",
        "content/posts/post.md": "+++\ntitle = 'Post'\n+++\n\n# Second H1\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "content-h1", [("content/posts/post.md", 5, 1)])
    assert (tmp_path / "public/posts/post/index.html").read_text("utf-8").count("<h1") == 2


@pytest.mark.hugo
def test_a_figures_image_is_found_at_the_call_whose_src_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's `figure` writes the image of its `src` in a link to its `link`: an image with
    no alt is found at the call whose `src` it is, not at an earlier call linking to that
    address, and each of two alike calls at its own line (checked with hugo 0.168; ox-hugo's)."""
    call = '{{{{< figure src="{}" link="/images/logo.png"{} >}}}}'
    small_site(tmp_path, {
        "static/images/logo.png": "", "static/images/small.png": "",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n" + "\n\n".join([
            call.format("/images/small.png", ' caption="Click this image"'),
            call.format("/images/logo.png", ""), call.format("/images/logo.png", ""),
        ]) + "\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "image-alt", [("content/p.md", 7, 1), ("content/p.md", 9, 1)])
    assert 'alt="Click this image"' in (tmp_path / "public/p/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_an_address_a_hook_cannot_parse_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A hook that parses its addresses (`urls.Parse`, as the embedded ones do) stops Hugo's
    build on one Go cannot parse (checked with hugo 0.168): url-refused says so."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '{{ $u := urls.Parse .Destination }}<a href="{{ .Destination | safeURL }}">'
                                            "{{ .Text }}</a>",
        "content/p.md": '+++\ntitle = "P"\n+++\n\nSee [the post]("https://example.org/post") and [a page](/p/).\n',
        "content/q.md": '+++\ntitle = "Q"\n+++\n\nSee [the gist][g].\n\n[g]:(https://gist.github.com/x/y)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems() if p["rule"] == "url-refused"]
    assert [(p["path"], p["line"], p["column"]) for p in found] == [("content/p.md", 5, 5), ("content/q.md", 5, 5)]
    assert all(p["message"].endswith("; the build fails") for p in found)
    for page in ("p.md", "q.md"):
        (tmp_path / "content" / page).rename(tmp_path / page)
    for page in ("p.md", "q.md"):
        (tmp_path / page).rename(tmp_path / "content" / page)
        build = subprocess.run([hugo, "--destination", str(tmp_path / "out")], capture_output=True, text=True)
        assert build.returncode != 0 and "first path segment in URL cannot contain colon" in build.stderr
        (tmp_path / "content" / page).rename(tmp_path / page)


@pytest.mark.hugo
def test_a_hook_that_parses_only_when_a_param_is_set_does_not_stop_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """hugo-book's hook calls `urls.Parse` under `{{ if .Site.Params.BookPortableLinks }}`:
    unset, the address is written as it is and the build goes on (checked with hugo 0.168);
    the link is broken, not refused."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": "{{ if .Page.Site.Params.portable }}{{ $u := urls.Parse .Destination }}"
                                            '{{ end }}<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>',
        "content/p.md": '+++\ntitle = "P"\n+++\n\nSee [the post]((https://example.org/a.html)).\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert [p["rule"] for p in problems()] == ["broken-link"]
    assert [p["rule"] for p in problems("--build")] == ["broken-link"]


@pytest.mark.hugo
def test_images_beside_a_page_with_the_embedded_hooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo's embedded image hook finds a relative image among the page's resources, then
    the assets, else leaves it as written (checked with hugo 0.168): beside a page made of
    one file, an image in neither is dead; one in the assets is published and found; and
    the hook writes a link to `#` alone as an empty href."""
    hooks = '[markup.goldmark.renderHooks.link]\nuseEmbedded = "fallback"\n' \
            '[markup.goldmark.renderHooks.image]\nuseEmbedded = "fallback"\n'
    small_site(tmp_path, {
        "assets/logo.png": "png",
        "content/posts/p.md": '+++\ntitle = "P"\n+++\n\n![Logo](logo.png)\n\n![Gone](gone.png)\n\n[Top](#)\n',
        "content/posts/_index.md": '+++\ntitle = "Posts"\n+++\n',
    }, hooks)  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "broken-link", [("content/posts/p.md", 7, 1)])
    assert located("url-refused") == located("url-refused", "--html", "public") == [("content/posts/p.md", 9, 1)]
    assert located("empty-link") == located("empty-link", "--html", "public") == []
    assert (tmp_path / "public/logo.png").exists()


@pytest.mark.hugo
def test_an_address_broken_across_lines_with_spaces_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Joined, an address cut across two lines is a link; one that has spaces too still is
    none (coredns's security advisory: checked with hugo 0.168): the advice says so."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nSee [docs](https://example.org/a/\nb/c) and\n"
                        "[plugin](plugin/secondary: DoS\nvia endless Zone Transfer). End.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p["message"].split("as text: ", 1)[1] for p in problems() if p["rule"] == "link-shown-as-text"]
    assert found == [
        "its address is broken across lines (join them)",
        "its address has spaces and is broken across lines (join them, and write %20 or `<…>` around it)",
    ]
    build_site(hugo, tmp_path, tmp_path / "public")
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "[docs](<a href" in built and "[plugin](plugin/secondary: DoS\nvia endless Zone Transfer)" in built


@pytest.mark.hugo
def test_links_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An address with a space, a space before `(`, text and address swapped: Hugo shows the
    syntax as text (checked with hugo 0.168); link-shown-as-text finds each."""
    page = "[a guide](my guide.md), [the FAQ] (faq.md), (the log)[/log/] and [ok](<my guide.md>).\n"
    small_site(tmp_path, {"content/p.md": '+++\ntitle = "P"\n+++\n\n' + page})
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 5, 1), ("content/p.md", 5, 25), ("content/p.md", 5, 45)]
    assert_found_alike(hugo, tmp_path, "link-shown-as-text", expected)
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "[a guide](my guide.md)" in built and "[the FAQ] (faq.md)" in built and "(the log)[/log/]" in built


@pytest.mark.hugo
def test_headings_and_bold_that_show_their_marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`##Setup` and `** bold **` are text to Hugo (checked with hugo 0.168): each is found."""
    page = '+++\ntitle = "P"\n+++\n\n##Setup\n\nBack up: ** this deletes it ** first.\n'
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "heading-missing-space", [("content/p.md", 5, 1)])
    assert located("emphasis-spaces") == [("content/p.md", 7, 10)]
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "<p>##Setup</p>" in built and "** this deletes it **" in built


@pytest.mark.hugo
def test_a_fence_closed_too_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Four backticks closed by three: the block runs to the end, the heading after it is
    code (checked with hugo 0.168); a quoted block closed in the quote is no defect."""
    page = '+++\ntitle = "P"\n+++\n\n> ```sh\n> # a comment\n> ```\n\n````sh\nhugo\n```\n\n## Next\n'
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "fence-unclosed", [("content/p.md", 9, 1)])
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "## Next" in built and "<h2" not in built


@pytest.mark.hugo
def test_lone_carriage_returns_join_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo's Markdown ends a line only at a line feed (checked with hugo 0.168): a file with
    old Mac line endings is one paragraph, a stray `\\r` joins a list item to the one before;
    YAML front matter reads them as line ends, CRLF is fine."""
    small_site(tmp_path, {
        "content/mac.md": "---\rtitle: Mac\r---\r\rIntro para\rmore text.\r\r## Second\r\n\r- item\r- two\r",
        "content/stray.md": "---\r\ntitle: Stray\r\n---\r\n\r\nIntro\rmore.\r\n\r\n## Second\r\n\r\n- a\r- b\r\n",
        "content/crlf.md": "---\r\ntitle: Crlf\r\n---\r\n\r\nIntro\r\n\r\n## Second\r\n\r\n- a\r\n- b\r\n",
    })
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "lone-carriage-return", [("content/mac.md", 4, 1), ("content/stray.md", 5, 6)])
    built = {name: (tmp_path / f"public/{name}/index.html").read_bytes().decode() for name in ("mac", "stray", "crlf")}
    assert "<h2" not in built["mac"] and "## Second" in built["mac"]
    assert "<li>a\r- b</li>" in built["stray"] and '<h2 id="second">' in built["stray"]
    assert "<li>b</li>" in built["crlf"]


@pytest.mark.hugo
def test_a_lone_carriage_return_in_toml_stops_hugo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """TOML takes only LF and CRLF line ends: Hugo stops at 2:12 (hugo 0.168); one after a
    delimiter is the delimiter's line end, and no error."""
    small_site(tmp_path, {"content/p.md": '+++\ntitle = "A"\r+++\n\nIntro\n',
                          "content/q.md": '+++\rtitle = "B"\n+++\rIntro\n'})
    monkeypatch.chdir(tmp_path)
    assert located("front-matter-syntax") == [("content/p.md", 2, 12)]
    assert not located("lone-carriage-return")
    result = subprocess.run([hugo], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "p.md:2:12" in result.stdout + result.stderr and "U+000D" in result.stderr
    (tmp_path / "content/p.md").unlink()
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "<p>Intro</p>" in (tmp_path / "public/q/index.html").read_text("utf-8")


@pytest.mark.hugo
def test_pages_not_checked_are_still_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A file larger than max-file-size is reported and not checked, one with a stray byte
    (not UTF-8, a NUL) reported and read past it, and Hugo makes a page of each at the URL its front matter gives (checked with hugo 0.168):
    links, refs and fragments to it are not broken, with mdcheck's rendering or Hugo's."""
    small_site(tmp_path, {
        ".mdcheck.toml": "max-file-size = 2000\n",
        "content/posts/big.md": "---\ntitle: Big\nslug: large\n---\n\n## Known\n\n" + "word " * 1000 + "\n",
        "content/posts/a.md": (
            '---\ntitle: A\n---\n\n[x](/posts/large/#known) [y]({{< ref "big.md#known" >}}) '
            '[z](/posts/latin/#caf-head) [w]({{< relref "lat.md" >}}) [v](/posts/nully/#nul-head)\n'
        ),
    })
    (tmp_path / "content/posts/lat.md").write_bytes(b"---\ntitle: Lat\nslug: latin\n---\n\n## Caf\xe9 head\n")
    (tmp_path / "content/posts/nul.md").write_bytes(b"---\ntitle: Nothing\nslug: nully\n---\n\n## Nul\x00 head\n")
    monkeypatch.chdir(tmp_path)
    expected = {
        ("content/posts/big.md", 1, "file-unreadable"),
        ("content/posts/lat.md", 6, "file-encoding"),
        ("content/posts/nul.md", 6, "file-encoding"),
    }
    assert findings() == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    for page in ("large", "latin", "nully"):
        assert (tmp_path / f"public/posts/{page}/index.html").exists()
    # Hugo writes the Latin-1 byte as it is: its page is no UTF-8 either (told at its Markdown)
    assert findings("--html", "public") == {*expected, ("content/posts/lat.md", 1, "file-unreadable")}


@pytest.mark.hugo
def test_drafts_link_to_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo builds drafts with --buildDrafts only, all of them (checked with hugo 0.168): a
    draft's links to itself (its footnotes) and to other drafts are good, and their
    fragments are checked; a published page's link to a draft says why it is missing."""
    draft = (
        "---\ntitle: D\ndraft: true\n---\n\n## Head\n\nA [^1] [s](#head) [e](/e/#x) [n](#nope) [z](/zz/).\n\n"
        "[^1]: N.\n"
    )
    small_site(tmp_path, {
        "content/d.md": draft,
        "content/e.md": "---\ntitle: E\ndraft: true\n---\n\n## X\n\nSee [d](/d/#head).\n",
        "content/p.md": "---\ntitle: P\n---\n\nSee [d](/d/#head).\n",
        "layouts/list.html": "<html><body></body></html>",
    })
    monkeypatch.chdir(tmp_path)
    in_drafts = {("content/d.md", 8, "broken-anchor"), ("content/d.md", 8, "broken-link")}
    to_draft = ("content/p.md", 5, "broken-link")
    assert findings() == {*in_drafts, to_draft}
    message = next(p["message"] for p in problems() if p["path"] == "content/p.md")
    assert "the page of content/d.md: the page is a draft: Hugo builds it only with --buildDrafts" in message
    build_site(hugo, tmp_path, tmp_path / "public")
    assert not (tmp_path / "public/d").exists()
    assert findings("--html", "public") == {("content/d.md", 8, "broken-anchor"), to_draft}
    shutil.rmtree(tmp_path / "public")
    subprocess.run([hugo, "--quiet", "--buildDrafts"], cwd=tmp_path, check=True, timeout=120)
    assert findings("--html", "public") == in_drafts


@pytest.mark.hugo
def test_org_front_matter_gives_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Org keywords are front matter in an Org file and in a Markdown one (checked with hugo
    0.168): their slug, url and aliases are the pages' URLs, the Markdown starts below them."""
    small_site(tmp_path, {
        "content/posts/a.org": "#+TITLE: Org Post\n#+SLUG: orgy\n#+aliases: /old/a\n\n* Heading\n",
        "content/posts/b.org": "#+title: Second\n#+url: /custom/path/\n",
        "content/posts/e.md": "#+title: Markdown with Org keywords\n#+slug: mdorg\n\nBody.\n",
        "content/posts/links.md": (
            "---\ntitle: Links\n---\n\n[a](/posts/orgy/) [b](/custom/path/) [c](/old/a/) [d](/posts/mdorg/) "
            '[e]({{< ref "a.org" >}}) [f]({{< ref "e.md" >}}) [bad](/posts/a/)\n'
        ),
    }, config="[security]\nallowContent = ['.*']\n")
    monkeypatch.chdir(tmp_path)
    bad = ("content/posts/links.md", 5, "broken-link")
    assert findings() == {bad}
    build_site(hugo, tmp_path, tmp_path / "public")
    for page in ("posts/orgy", "custom/path", "old/a", "posts/mdorg"):
        assert (tmp_path / "public" / page / "index.html").exists()
    assert "<p>Body.</p>" in (tmp_path / "public/posts/mdorg/index.html").read_text("utf-8")
    assert findings("--html", "public") == {bad}


@pytest.mark.hugo
def test_a_link_to_a_page_whose_file_hugo_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An `.html` content file the security policy refuses stops the build (hugo 0.168): a
    link to its page says so, as the summary does (nats' connect page)."""
    small_site(tmp_path, {
        "content/connect.html": "---\ntitle: Connect\n---\n<p>schedule</p>\n",
        "content/a.md": "---\ntitle: A\n---\n\nSee the [schedule](/connect/).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = problems()
    assert [(p["path"], p["line"], p["rule"]) for p in found] == [
        ("content/a.md", 5, "broken-link"), ("content/connect.html", 1, "content-refused")
    ]
    assert "the page of content/connect.html: Hugo refuses its file (text/html" in found[0]["message"]
    result = subprocess.run([hugo], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and '"text/html" is not whitelisted' in result.stdout + result.stderr


def test_a_page_hugo_refuses_is_built_by_the_older_hugo_the_site_pins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo denies `.html` content by default since 0.162 (its commit "Disallow HTML content
    by default"): a site whose deployment pins Hugo 0.148.2 builds the page, so links to it
    work; the file is content-refused's, as `_build` is front-matter-type's, with what an
    upgrade does (pipecd's home page)."""
    small_site(tmp_path, {
        "netlify.toml": '[build.environment]\nHUGO_VERSION = "0.148.2"\n',
        "content/connect.html": "---\ntitle: Connect\n---\n<p>schedule</p>\n",
        "content/a.md": "---\ntitle: A\n---\n\nSee the [schedule](/connect/).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache"], catch_exceptions=False)
    report = json.loads(result.stdout)
    assert [(p["rule"], p["path"]) for p in report["problems"]] == [("content-refused", "content/connect.html")]
    assert "this site builds with Hugo 0.148.2, in netlify.toml" in report["problems"][0]["message"]


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("front_matter", "hugo_says"),
    [
        ("markup: org", '"text/org" is not whitelisted'),
        ("markup: xyz", 'failed to resolve media type for "xyz"'),
        ("_build:\n  render: never", 'The "_build" front matter key was deprecated'),
    ],
)
def test_front_matter_that_stops_hugo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, front_matter: str, hugo_says: str
) -> None:
    """A `markup` Hugo cannot render, or one the security policy refuses, and the removed
    `_build` stop the build (hugo 0.168); front-matter-type says so at the key."""
    small_site(tmp_path, {"content/p.md": f"---\ntitle: P\n{front_matter}\n---\n\n* x\n"})
    monkeypatch.chdir(tmp_path)
    assert located("front-matter-type") == [("content/p.md", 3, 1)]
    result = subprocess.run([hugo], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and hugo_says in result.stdout + result.stderr


@pytest.mark.hugo
def test_a_page_in_another_markup_is_not_read_as_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`markup: org` in a Markdown file's front matter: Hugo renders it as Org (checked with
    hugo 0.168); mdcheck checks its front matter only, and links to it find it."""
    small_site(tmp_path, {
        "content/m.md": "---\ntitle: M\nmarkup: org\n---\n\n* Org heading\n[[#nope][x]] ** x ** [y](#gone)\n",
        "content/l.md": "---\ntitle: L\n---\n\n[m](/m/) [n](/m/#headline-1)\n",
    }, config="[security]\nallowContent = ['.*']\n")
    monkeypatch.chdir(tmp_path)
    assert findings() == set()
    build_site(hugo, tmp_path, tmp_path / "public")
    assert '<h2 id="headline-1">' in (tmp_path / "public/m/index.html").read_text("utf-8")
    # Hugo's HTML of the Org page is checked as any page's: its Org link to #nope is broken
    assert findings("--html", "public") == {("public/m/index.html", 7, "broken-anchor")}


@pytest.mark.hugo
@pytest.mark.parametrize("config", ["", "[markup.highlight]\nlineNos = true\nanchorLineNos = true\n"])
def test_links_to_code_line_anchors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, config: str) -> None:
    """Line number anchors of highlighted code (ox-hugo links code references to them):
    `lineanchors`, else `hl-N` of the Nth fenced block, with the site's settings too;
    without `anchorlinenos` no ids (checked with hugo 0.168). Both ways of checking agree."""
    page = (
        "---\ntitle: P\n---\n\n```go {linenos=true, anchorlinenos=true, lineanchors=la}\na := 1\nb := 2\n```\n\n"
        "    indented\n\n```go {linenos=true, anchorlinenos=true}\nc\n```\n\n"
        "```go {linenos=true, lineanchors=none}\nd\n```\n\n"
        '{{< highlight go "linenos=true, anchorlinenos=true" >}}\nx\n{{< /highlight >}}\n\n'
        "[a](#la-2) [b](#hl-1-1) [c](#1) [d](#none-1) [e](#la-3) [f](#hl-0-1)\n"
    )
    small_site(tmp_path, {"content/p.md": page}, config=config)
    monkeypatch.chdir(tmp_path)
    # with the site's settings every block is numbered and anchored: none-1 is there too
    missing = ["none-1", "la-3", "hl-0-1"] if not config else ["la-3", "hl-0-1"]
    number, line = next((n, text) for n, text in enumerate(page.split("\n"), start=1) if text.startswith("[a]"))
    expected = [("content/p.md", number, line.index(f"(#{m})") - 2) for m in missing]
    assert located("broken-anchor") == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert located("broken-anchor", "--html", "public") == expected


@pytest.mark.hugo
def test_a_snippet_shown_as_text_is_not_placed_where_it_was_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`**only**` bold in a paragraph, and shown as written in an HTML block below (checked
    with hugo 0.168, as on ox-hugo's test site): the snippet the page shows comes from the
    HTML block, not from the paragraph, the first line that has it."""
    page = "+++\ntitle = 'P'\n+++\n\nUse **only** the first.\n\n<div>\n**only** the first is kept.\n</div>\n"
    small_site(tmp_path, {"content/p.md": page}, config="[markup.goldmark.renderer]\nunsafe = true\n")
    monkeypatch.chdir(tmp_path)
    assert all(line != 5 for _, line, _ in findings())
    build_site(hugo, tmp_path, tmp_path / "public")
    assert all(line != 5 for _, line, _ in findings("--html", "public"))
    assert ("content/p.md", 8, "markdown-in-html-block") in findings("--html", "public")


@pytest.mark.hugo
def test_a_mark_in_a_code_span_is_shown_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """An escaped call in a code span shows as `{{% x %}}` (checked with hugo 0.168): its line
    stays one a snippet the page shows may come from, so the snippet is placed there (and
    taken for what it is) rather than reported on the HTML page."""
    page = "---\ntitle: P\n---\n\nWrite `{{%/* x */%}}` in code.\n\nShown as {&lbrace;% x %&rbrace;} here.\n"
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert findings() == set()
    build_site(hugo, tmp_path, tmp_path / "public")
    assert "<code>{{% x %}}</code>" in (tmp_path / "public/p/index.html").read_text("utf-8")
    assert findings("--html", "public") == set()


@pytest.mark.hugo
def test_a_comment_never_closed_drops_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`<!-- TODO` never closed at the start of a block: Hugo drops the rest of the page
    (checked with hugo 0.168); comment-unclosed says so."""
    page = '+++\ntitle = "P"\n+++\n\nIntro.\n\n<!-- TODO: reword\n\n## Install\n\nRun it.\n'
    small_site(tmp_path, {"content/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "comment-unclosed", [("content/p.md", 7, 1)])
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "Intro." in built and "Install" not in built and "Run it." not in built


@pytest.mark.hugo
def test_markdown_inside_an_html_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With raw HTML kept, Markdown on an HTML block's lines is written as it is; after a
    blank line it renders (checked with hugo 0.168). Not reported twice as a leak."""
    page = (
        '+++\ntitle = "P"\n+++\n\n<div class="note">\n## Heading\n**bold** here\n</div>\n\n'
        "<div>\n\n## Rendered\n\n</div>\n"
    )
    small_site(tmp_path, {"content/p.md": page}, '[markup.goldmark.renderer]\nunsafe = true\n')
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "markdown-in-html-block", [("content/p.md", 6, 1), ("content/p.md", 7, 1)])
    assert located("unrendered-markup") == located("unrendered-markup", "--html", "public") == []
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "## Heading" in built and "**bold** here" in built and '<h2 id="rendered">' in built


@pytest.mark.hugo
def test_shortcodes_without_their_delimiters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`{{ ref "q.md" }}` is no shortcode: Hugo shows it as text (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/p.md": '+++\ntitle = "P"\n+++\n\nSee [Q]({{ ref "q.md" }}) or [Q]({{< ref "q.md" >}}).\n',
        "content/q.md": '+++\ntitle = "Q"\n+++\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "shortcode-delimiters", [("content/p.md", 5, 9)])
    built = (tmp_path / "public/p/index.html").read_text("utf-8")
    assert "[Q]({{ ref &ldquo;q.md&rdquo; }})" in built and 'href="https://x.org/q/"' in built


@pytest.mark.hugo
def test_a_duplicate_id_raw_html_sets_is_found_at_its_tag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """An id that raw HTML repeats (a heading's, or another tag's) is reported at the tag's
    Markdown line, with its own rendering and with Hugo's output (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Intro\n\n<div id=\"intro\">\n  <p>a</p>\n</div>\n\n"
                        "<span id=\"x\">b</span> and <a name=\"x\">c</a>\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "duplicate-id", [("content/p.md", 7, 1), ("content/p.md", 11, 27)])
    messages = [p["message"] for p in problems() if p["rule"] == "duplicate-id"]
    assert messages == ["id 'intro' is already used on this page (<h2> on line 5)",
                        "id 'x' is already used on this page (<span> on line 11)"]  # fmt: skip


@pytest.mark.hugo
def test_an_empty_alt_the_markdowns_raw_html_writes_is_decorative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`<img alt="">` written in the Markdown marks a decorative image, as the theme's does
    (opentelemetry's icons beside headings); `![](x)` and an `<img>` without `alt` are
    reported."""
    small_site(tmp_path, {
        "static/r.svg": "<svg/>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Receivers <img width=\"35\" alt=\"\" src=\"/r.svg\">\n\n"
                        "![](/r.svg) and <img src=\"/r.svg\">\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "image-alt", [("content/a.md", 7, 1), ("content/a.md", 7, 17)])


@pytest.mark.hugo
def test_a_heading_whose_id_a_shortcodes_heading_has_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{% %}}` call's heading before a Markdown heading that sets the same id: the
    Markdown heading is the one of its own text, reported as the repeat (opentelemetry's
    language pages, checked with hugo 0.168), not named as the other element."""
    small_site(tmp_path, {
        "layouts/_shortcodes/intro.html": "## Status and releases\n\nIntro text.\n",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{% intro %}}\n\n## Version support {#status-and-releases}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("duplicate-id", "--build") == [("content/p.md", 7, 1)]
    messages = [p["message"] for p in problems("--build") if p["rule"] == "duplicate-id"]
    assert messages == ["id 'status-and-releases' is already used on this page (<h2> at HTML line 1)"]


@pytest.mark.hugo
@pytest.mark.parametrize(
    "rendering",
    ["{{ .Inner | markdownify }}", "{{ .InnerDeindent | markdownify }}",
     "{{ $content := .InnerDeindent | markdownify }}{{ $content }}"],  # fmt: skip
)
def test_links_a_template_renders_from_a_calls_content_are_checked_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, rendering: str
) -> None:
    """The content of a call whose template renders it as Markdown (`.Inner | markdownify`,
    `.InnerDeindent` alike) holds links Hugo writes as the page's own: a fragment no heading
    has, a link to a Markdown file, are found without a build, where Hugo's output shows them
    (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": f'<div class="note">{rendering}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Here\n\n{{< note >}}\nSee [a](#nope), [b](#here), "
                        "[c](other.md) and [d](/p/#gone).\n{{< /note >}}\n\nAnd [e](#nope).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/p.md", 8, "broken-anchor"), ("content/p.md", 8, "md-link"),
                ("content/p.md", 11, "broken-anchor")}  # fmt: skip
    assert findings() == findings("--build") == expected
    assert [column for _, line, column in located("broken-anchor") if line == 8] == [5, 47]


@pytest.mark.hugo
def test_the_rendered_rules_read_what_a_template_renders_from_a_calls_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """mdcheck's rendering writes the content of a call whose template renders it as
    Markdown where the call is, as Hugo does: a dead relative link, a dead path and an
    image without alt text there are found without a build, at their lines; one on a line
    of its own too (`markdownify` drops the paragraph). Content a template makes plain text
    (`markdownify | plainify`) holds no link (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/info.html": '{{ partial "box.html" (dict "text" (.Inner | markdownify)) }}',
        "layouts/_partials/box.html": '<div class="box">{{ .text }}</div>',
        "layouts/_shortcodes/plain.html": '<span title="{{ .Inner | markdownify | plainify }}"></span>',
        "content/docs/a/p.md": "+++\ntitle = 'P'\n+++\n\n1. Step.\n\n    {{< info >}}\nSee [a](../../gone) and "
                               "[b](/docs/gone/).\n\n![](/docs/a/p/)\n    {{< /info >}}\n\n"
                               "Text {{< info >}}[c](../q/){{< /info >}} and "
                               "{{< plain >}}[d](../gone/){{< /plain >}}.\n",
        "content/docs/a/q.md": "+++\ntitle = 'Q'\n+++\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/docs/a/p.md", 8, "broken-link"), ("content/docs/a/p.md", 10, "image-alt")}
    assert findings() == findings("--build") == expected
    assert located("broken-link") == [("content/docs/a/p.md", 8, 5), ("content/docs/a/p.md", 8, 25)]


@pytest.mark.hugo
def test_code_rendered_apart_repeats_line_anchors_once_per_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With `anchorLineNos`, a code block a template renders from a call's content numbers
    its lines' anchors from `hl-0-` as the page's first block does: one finding per block,
    at its first code line, with the way out (`lineAnchors`), found where Hugo's output
    shows it (checked with hugo 0.168)."""
    fence = "```"
    small_site(tmp_path, {
        "layouts/_shortcodes/expand.html": "<div>{{ .Inner | .Page.RenderString }}</div>",
        "content/p.md": f"+++\ntitle = 'P'\n+++\n\n{fence}go\na\nb\nc\n{fence}\n\n{{{{< expand >}}}}\n{fence}go\nx\ny\n"
                        f"{fence}\n{{{{< /expand >}}}}\n\n{{{{< expand >}}}}\n"
                        f"{fence}go {{lineAnchors=\"own\"}}\nz\n{fence}\n{{{{< /expand >}}}}\n",
    }, "[markup.highlight]\nlineNos = true\nanchorLineNos = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "duplicate-id", [("content/p.md", 13, 1)])
    message = next(p["message"] for p in problems() if p["rule"] == "duplicate-id")
    assert message.startswith("code line anchor 'hl-0-1' is already used on this page (<span> on line 6), and so")
    assert 'lineAnchors="name"' in message


@pytest.mark.hugo
def test_a_heading_a_template_renders_from_a_calls_content_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Hugo gives the headings of a call's content that its template renders ids apart from
    the page's: `#### Info` in a notice repeats the page's `## Info` id. The repeat is found
    at the notice's heading, with mdcheck's rendering and with Hugo's (checked with hugo
    0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": "<div>{{ .Inner | .Page.RenderString }}</div>",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Info\n\n{{< note >}}\n#### Info\n\nText.\n{{< /note >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "duplicate-id", [("content/p.md", 8, 1)])


@pytest.mark.hugo
def test_the_ids_of_a_calls_content_its_template_renders_are_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A heading in a call's content that its template renders (`.Inner | .Page.RenderString`)
    gets an id mdcheck predicts: the page's other fragments stay checked, from the page and
    from others (checked against hugo's HTML)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | .Page.RenderString }}</div>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n{{< note >}}\n#### A Note\ntext\n{{< /note >}}\n\n## Intro\n\n"
                        "[n](#a-note) [i](#intro) [b](#bottom)\n",
        "content/q.md": "+++\ntitle = 'Q'\n+++\n\n[n](/p/#a-note) [b](/p/#bottom)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 12, 26), ("content/q.md", 5, 17)]
    assert_located_alike("broken-anchor", expected)


@pytest.mark.hugo
def test_a_call_that_renders_its_content_inside_a_call_that_prints_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """coder's `{{< tab >}}` (`.Inner | markdownify`) in `{{< tabgroup >}}` (`{{ .Inner }}`):
    the tab's content reaches the page, and is checked as a tab's alone is, without a build
    and with one."""
    line = "[a](#nope) [b](/nowhere/) <kbd>K</kbd> [c][undefined]"
    small_site(tmp_path, {
        "layouts/_shortcodes/tabgroup.html": '<div class="tabs">{{ .Inner }}</div>',
        "layouts/_shortcodes/tab.html": '<div class="tab">{{ .Inner | markdownify }}</div>',
        "content/p.md": f"+++\ntitle = 'P'\n+++\n\n{{{{< tab >}}}}\n{line}\n{{{{< /tab >}}}}\n\n"
                        f"{{{{< tabgroup >}}}}\n{{{{< tab >}}}}\n{line}\n{{{{< /tab >}}}}\n{{{{< /tabgroup >}}}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    rules = ["broken-anchor", "broken-link", "raw-html-omitted", "link-reference-undefined"]
    expected = {("content/p.md", number, rule) for number in (6, 11) for rule in rules}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_the_source_rules_read_a_calls_content_as_hugo_renders_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A notice's content (`.Inner | markdownify`) is rendered apart from the page: the
    page's footnotes and link definitions are not there, so `[^1]` and `[ref][r]` show as
    text in Hugo's output; the source rules read the content as Hugo renders it and say so
    (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": "<aside>{{ .Inner | markdownify }}</aside>",
        "content/p.md": "+++\ntitle = 'P'\n+++\n\nPage[^1] and [ref][r].\n\n{{< note >}}\nNote[^1] and [ref][r], "
                        "the the end.\n{{< /note >}}\n\n[^1]: A note.\n\n[r]: https://r.example/\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    build_site(hugo, tmp_path, tmp_path / "public")
    aside = (tmp_path / "public" / "p" / "index.html").read_text().split("<aside>")[1]
    assert "Note[^1] and [ref][r]" in aside
    found = [(p["line"], p["column"], p["rule"]) for p in problems("--source-only")]
    assert found == [(8, 5, "footnote-undefined"), (8, 14, "link-reference-undefined"), (8, 28, "repeated-word")]
    assert all(p["message"].endswith("(in the content of {{< note >}}, which its template renders apart from the page)")
               for p in problems("--source-only"))


@pytest.mark.hugo
def test_a_projects_hook_overrides_a_later_mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Of two `render-link` hooks at one place below `layouts`, Hugo uses the first mount's
    (the project's, writing links as they are), not a later one's that looks pages up:
    links stay checked without a build (authelia over doks-core)."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>',
        "vendor/layouts/_markup/render-link.html": '{{ with .Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">'
                                                   "{{ end }}{{ .Text }}</a>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n[gone](/nowhere/)\n",
    }, "[[module.mounts]]\nsource = 'content'\ntarget = 'content'\n[[module.mounts]]\nsource = 'layouts'\n"
       "target = 'layouts'\n[[module.mounts]]\nsource = 'vendor/layouts'\ntarget = 'layouts'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 1)])


@pytest.mark.hugo
def test_a_templates_link_is_placed_at_the_call_given_its_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template's link with a fragment is placed at the call given that fragment, not at
    an earlier call given the same path without it (rclone's providers)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/provider.html": '<a href="{{ .Get "config" }}">Config</a>',
        "content/s3.md": "+++\ntitle = 'S3'\n+++\n\n## Amazon\n",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n{{< provider config=\"/s3/\" >}}\n"
                        "{{< provider config=\"/s3/#amazon\" >}}\n{{< provider config=\"/s3/#arvan\" >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor", "--build") == [("content/a.md", 7, 1)]


@pytest.mark.hugo
def test_a_templates_link_to_another_pages_fragment_is_not_placed_at_the_pages_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A template's `/about/#core-team` is not the page's working `[Core Team](#core-team)`:
    no hook writes a fragment of the page with another page's path (authelia's team)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/team.html": '<p><a href="/about/#core-team">Core Team</a></p>',
        "content/about.md": "+++\ntitle = 'About'\n+++\n\n## Sponsors\n",
        "content/gov.md": "+++\ntitle = 'Gov'\n+++\n\n## Core Team\n\n{{% team %}}\n\n[Core Team](#core-team)\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-anchor", "--build") == [("layouts/_shortcodes/team.html", 1, 13)]


@pytest.mark.hugo
def test_a_link_in_a_parameter_a_template_renders_is_placed_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A Markdown link in a parameter a template renders (PaperMod's `collapse`: `content`
    through `markdownify`) is placed at the call with Hugo's output, not in the HTML."""
    small_site(tmp_path, {
        "layouts/_shortcodes/collapse.html": '<details><summary>{{ .Get "summary" }}</summary>'
                                             '{{ .Get "content" | markdownify }}</details>',
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\nIntro.\n\n{{< collapse summary=\"More\" "
                              "content=\"See [the setup](/posts/setup/) and [this](#nowhere).\" >}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert {(path, line) for path, line, _ in findings("--build")} == {("content/posts/a.md", 7)}


@pytest.mark.hugo
def test_links_of_rendered_content_with_hugos_link_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With Hugo's embedded link hook (a multilingual site), `.Page.RenderString` renders a
    call's content as the page's own (`#nope` stays on the page: found without a build),
    `markdownify` against the home page (`#here` links to `/#here`, whose ids are its
    templates' when no file makes it; placed at its own line, not at the page's `#here`
    before it), a missing page found without a build too (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": '<div>{{ .Inner | .Page.RenderString }}</div>',
        "layouts/_shortcodes/aside.html": '<aside>{{ .Inner | markdownify }}</aside>',
        "content/p.md": "+++\ntitle = 'P'\n+++\n\n## Here\n\n{{< note >}}\n[a](#here) and [b](#nope)\n{{< /note >}}\n\n"
                        "{{< aside >}}\n[c](#here) [d](/nope/) [e](/p/)\n{{< /aside >}}\n",
        "layouts/home.html": "<html><body>home</body></html>",
    }, "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 8, 16), ("content/p.md", 12, 1)]
    assert_located_alike("broken-anchor", expected)
    assert_located_alike("broken-link", [("content/p.md", 12, 12)])


@pytest.mark.hugo
def test_canonified_links_are_placed_at_their_own_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With canonifyURLs, Hugo writes `/a/` as `https://example.org/a/`: a broken link is
    placed at its own line, not at an earlier link whose address ends with the same name
    (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/docs/examples/bookinfo.md": "+++\ntitle = 'B'\n+++\n",
        "content/docs/post.md": "+++\ntitle = 'P'\n+++\n\nSee [it](/docs/examples/bookinfo/).\n\n"
                                "Then [that](/docs/examples/vm/bookinfo/).\n",
    }, "canonifyURLs = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in ([], ["--build"]):
        result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
        found = [(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
        assert found == [("content/docs/post.md", 7, 6, "broken-link")], args


@pytest.mark.hugo
def test_a_missing_top_level_html_page_is_judged_without_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A Jekyll-era `/downloads.html` at the top level is judged without a build when every
    top-level file is known (the static files, every folder's pages), and names the page at
    `/downloads/`; the home page's feed is not (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/downloads.md": "+++\ntitle = 'D'\n+++\n",
        "content/posts/a.md": "+++\ntitle = 'A'\n+++\n\n[d](/downloads.html) [o](/other.html) [f](/index.xml)\n",
        "static/old.html": "<p>old</p>\n",
        "content/posts/b.md": "+++\ntitle = 'B'\n+++\n\n[s](/old.html)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in ([], ["--build"]):
        result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
        found = [(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
        assert found == [("content/posts/a.md", 5, 1, "broken-link"), ("content/posts/a.md", 5, 22, "broken-link")], args
        message = json.loads(result.stdout)["problems"][0]["message"]
        assert "nothing is published at /downloads.html; the page is at /downloads/" in message


@pytest.mark.hugo
def test_an_empty_address_a_ref_leaves_names_the_ref(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A ref that finds no page leaves refLinksNotFoundURL, empty by default, in Hugo's
    HTML: empty-link says the ref made it, not that the link was written without one."""
    small_site(tmp_path, {
        "content/a.md": '+++\ntitle = "A"\n+++\n\nSee [T]({{< ref "gone.md" >}}) and [U]().\n',
        ".mdcheck.toml": "[rules]\nref-not-found = false\n",
    }, 'refLinksErrorLevel = "warning"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    found = [(p["line"], p["column"], p["message"]) for p in json.loads(result.stdout)["problems"]]
    assert [(line, column) for line, column, _ in found] == [(5, 5), (5, 36)]
    assert found[0][2].startswith("link 'T' has an empty address: its ref to 'gone.md' finds no page")
    assert found[1][2].startswith("link 'U' has an empty href; give it a destination")


@pytest.mark.hugo
def test_an_image_a_shortcode_makes_of_a_resource_it_names_is_placed_at_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """geekdoc's `{{< img name="forest-8" >}}` writes the bundle's `forest-8.svg`: its
    finding is at the call, not in the built HTML (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/img.html":
            '{{ with .Page.Resources.GetMatch (printf "%s*" (.Get "name")) }}<img src="{{ .Permalink }}">{{ end }}',
        "content/a/index.md": '+++\ntitle = "A"\n+++\n\nText.\n\n{{< img name="forest-8" size="small" >}}\n',
        "content/a/forest-8.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"], catch_exceptions=False)
    found = [(p["path"], p["line"], p["column"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
    assert found == [("content/a/index.md", 7, 1, "image-alt")]


@pytest.mark.hugo
@pytest.mark.parametrize("loads", [True, False])
def test_an_inline_shortcode_that_loads_a_math_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, loads: bool
) -> None:
    """An inline shortcode whose template loads KaTeX (PaperMod's math post) renders the
    page's `$$…$$` in the browser: no unrendered-markup, as with Hugo's build (checked with
    hugo 0.168); another inline shortcode does not."""
    katex = '<script defer src="https://cdn.jsdelivr.net/npm/katex@0.16.9/dist/katex.min.js"></script>'
    script = katex if loads else "<b>x</b>"
    small_site(tmp_path, {
        "content/m.md": f"+++\ntitle = 'M'\n+++\n\n{{{{< m.inline >}}}}{script}{{{{< /m.inline >}}}}\n\n$$x^2$$\n",
    }, "enableInlineShortcodes = true\n[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_found_alike(hugo, tmp_path, "unrendered-markup", [] if loads else [("content/m.md", 7, 1)])


@pytest.mark.hugo
def test_a_shortcode_address_with_a_space_is_placed_at_its_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{< fig src="/img/Raft group.png" >}}`: `relURL` writes `%20`, and the build's finding
    is the call's (tikv's blog), not the HTML file's."""
    small_site(tmp_path, {
        "layouts/_shortcodes/fig.html": '<figure><img src="{{ .Get "src" | relURL }}" alt="x"></figure>',
        "static/img/Raft group.png": "",
        "content/a.md": '---\ntitle: A\n---\n\n{{< fig src="/img/Raft group.png" >}}\n\n{{< fig src="/img/Gone one.png" >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("content/a.md", 7, 1)]


@pytest.mark.hugo
def test_a_hook_that_looks_up_site_absolute_links_alone_leads_to_the_page_it_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A link hook that looks a destination up with GetPage when it starts with `/` (hextra's)
    leads a German page's `/a/#glossary` to the German page, whose heading is `Glossar`:
    broken, though the English page has the id; a relative one it writes as it is."""
    hook = (
        '{{- $dest := .Destination -}}{{- $u := urls.Parse $dest -}}\n'
        '{{- if hasPrefix $dest "/" -}}\n'
        '  {{- with .PageInner.GetPage $u.Path -}}{{- $dest = printf "%s#%s" .RelPermalink $u.Fragment -}}\n'
        '  {{- else -}}{{- $dest = relURL (strings.TrimPrefix "/" $dest) -}}{{- end -}}\n'
        '{{- end -}}\n<a href="{{ $dest | safeURL }}">{{ .Text }}</a>'
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "content/a.md": "---\ntitle: A\n---\n\n## Glossary\n",
        "content/a.de.md": "---\ntitle: A\n---\n\n## Glossar\n",
        "content/b.de.md": "---\ntitle: B\n---\n\n[g](/a/#glossary) [h](../a/#glossar) [i](/a/#glossar)\n",
    }, '[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [("content/b.de.md", 5, 1)])


@pytest.mark.hugo
def test_an_image_whose_template_drops_the_alt_its_call_gives_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """longhorn's figure template writes no `alt`: a call that gives one is told that the
    template drops it, not to describe the image."""
    small_site(tmp_path, {
        "layouts/_shortcodes/fig.html": '<img src="{{ .Get "src" }}">',
        "static/x.png": "",
        "content/a.md": '---\ntitle: A\n---\n\n{{< fig src="/x.png" alt="A diagram" >}}\n\n{{< fig src="/x.png" >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["line"], p["message"].split("; ")[1]) for p in problems("--build") if p["rule"] == "image-alt"]
    assert found == [
        (5, "the call gives alt='A diagram', which its shortcode's template does not write"),
        (7, "describe what it shows"),
    ]


@pytest.mark.hugo
def test_an_image_without_alt_is_a_shortcode_s_not_a_markdown_image_of_the_same_src(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """goldmark writes `alt=""` for `![](x.png)`: the `<img>` without alt is the shortcode's
    call, before it in the page, and each finding is at its own line."""
    small_site(tmp_path, {
        "layouts/_shortcodes/fig.html": '<figure><img src="{{ .Get "src" }}"></figure>',
        "static/p.png": "",
        "content/a.md": '---\ntitle: A\n---\n\n{{< fig src="/p.png" >}}\n\nText.\n\n![](/p.png)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["line"], p["message"].split(";")[0][-17:].strip()) for p in problems("--build") if p["rule"] == "image-alt"]
    assert found == [(5, "no alt attribute"), (9, "an empty alt text")]


@pytest.mark.hugo
def test_a_theme_s_links_alike_take_no_markdown_link_s_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """velero's pages: a version menu's `/docs/v0/foo/` (broken) is the template's, not the
    Markdown's `[Foo](foo.md)` that Hugo's link hook made `/docs/v1/foo/`; a sidebar's
    `/docs/v1/restic/#trouble` before the content is not the Markdown's `#trouble`."""
    single = (
        '<nav><a href="/docs/v0/foo/">v0</a><a href="/docs/v1/restic/#trouble">r</a></nav>{{ .Content }}'
    )
    small_site(tmp_path, {
        "layouts/single.html": single,
        "content/docs/v1/restic.md": "---\ntitle: R\n---\n\n## Trouble\n",
        "content/docs/v1/foo.md": "---\ntitle: Foo\n---\n\n[Foo](foo.md) [t](#trouble)\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(p["rule"], p["path"], p["line"]) for p in problems("--build") if p["rule"].startswith("broken")}
    assert ("broken-anchor", "content/docs/v1/foo.md", 5) in found
    assert not any(path.startswith("content/") for rule, path, _ in found if rule == "broken-link"), found


@pytest.mark.hugo
def test_a_themes_broken_link_is_not_placed_at_a_markdown_link_the_embedded_hook_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """tekton's Docsy menu: with `languages`, Hugo's embedded link hook writes the page's
    links; it writes the address of the page it finds, which is published, or the destination
    as written. The menu's broken `/docs/pipelines/` is the theme's, not the Markdown's
    `/docs/start/pipelines/` of the same name."""
    nav = '<nav><a href="/docs/pipelines/">Pipelines</a></nav>'
    small_site(tmp_path, {
        "layouts/single.html": nav + "{{ .Content }}",
        "content/docs/start/tasks.md": "+++\ntitle = 'T'\n+++\n\nGo to the [next][p].\n\n[p]: /docs/start/pipelines/\n",
        "content/docs/start/pipelines.md": "+++\ntitle = 'P'\n+++\n\nText.\n",
    }, '[languages.en]\nweight = 1\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["rule"]) for p in problems("--build")]
    assert found == [("layouts/single.html", 1, "broken-link")]


@pytest.mark.hugo
def test_a_language_copy_of_a_mounted_file_is_placed_at_its_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """docsy.dev: a mount lends content/en to French too; the French copy's `#nowhere`, which
    Hugo's embedded hook writes as /fr/docs/page/#nowhere, is the Markdown's link: one finding."""
    config = (
        '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'
        '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n'
        '[module.mounts.sites.matrix]\nlanguages = ["en", "fr"]\n'
    )
    small_site(tmp_path, {"content/en/docs/page.md": "---\ntitle: Page\n---\n\nSee [missing](#nowhere).\n"}, config)
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["rule"]) for p in problems("--no-cache", "--build")]
    assert found == [("content/en/docs/page.md", 5, "broken-anchor")]


@pytest.mark.hugo
def test_a_link_a_shortcode_makes_of_a_name_is_placed_at_its_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Kubernetes' and falco's glossary_tooltip: the link's address has the call's
    `term_id`, its text the call's `text`; it is placed at the call. A theme's link of
    another text to the same name is not."""
    tooltip = '<a href="/docs/glossary/#term-{{ .Get "term_id" }}">{{ .Get "text" }}</a>'
    nav = '<nav><a href="/docs/glossary/#term-user-space">Glossary</a></nav>{{ .Content }}'
    small_site(tmp_path, {
        "layouts/shortcodes/glossary_tooltip.html": tooltip,
        "layouts/single.html": nav,
        "content/docs/kernel.md": (
            "---\ntitle: Kernel\n---\n\nEvents go to\n"
            '{{< glossary_tooltip text="user space" term_id="user-space" >}}.\n'
        ),
        "content/docs/glossary.md": "---\ntitle: Glossary\n---\n\n## Userspace {#term-userspace}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    [found] = problems("--no-cache", "--build")
    assert (found["path"], found["line"], found["column"], found["rule"]) == ("content/docs/kernel.md", 6, 1, "broken-anchor")
    assert "(and on 1 other page, where a template or a list page's summary writes it)" in found["message"]


@pytest.mark.hugo
def test_a_broken_anchor_is_not_told_to_link_a_themes_menu_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """kyverno's Docsy sidebar writes `id="m-docshow-it-works"` and congo's skip link
    `main-content`: no suggestion for `#how-it-works` or `#organising-content`; a heading's
    id close to the fragment is still suggested."""
    page = '<nav><a id="m-docshow-it-works" href="#">x</a><a id="main-content"></a></nav>{{ .Content }}'
    small_site(tmp_path, {
        "layouts/single.html": page,
        "content/docs/intro.md": (
            "---\ntitle: Intro\n---\n\n## Installing it\n\n"
            "See [how](#how-it-works), [organising](#organising-content), [install](#installing-t).\n"
        ),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    messages = [p["message"] for p in problems("--no-cache", "--build")]
    assert len(messages) == 3
    assert [m for m in messages if "did you mean" in m] == [
        "no heading or element with id 'installing-t' on this page; did you mean '#installing-it'?"
    ]


@pytest.mark.hugo
def test_a_shortcodes_link_to_a_fragment_it_is_given_is_placed_at_its_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """congo's `{{< button href="#button" >}}`: the fragment alone is the call's address."""
    small_site(tmp_path, {
        "layouts/_shortcodes/button.html": '<a class="btn" href="{{ .Get "href" }}">{{ .Inner }}</a>',
        "content/a.md": '---\ntitle: A\n---\n\nText.\n\n{{< button href="#nope" >}}Go{{< /button >}}\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings("--no-cache", "--build") == {("content/a.md", 7, "broken-anchor")}


def test_an_address_a_call_gives_empty_is_placed_at_the_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`{{< figure src="" >}}`: Hugo's figure writes `<img src="">`; the empty-link finding
    is the call's, not the page's HTML (which mdcheck's own rendering never wrote to disk)."""
    small_site(tmp_path, {"content/a.md": '---\ntitle: A\n---\n\nText.\n\n{{< figure src="" alt="x" >}}\n'})
    monkeypatch.chdir(tmp_path)
    assert findings("--no-cache") == {("content/a.md", 7, "empty-link")}


@pytest.mark.hugo
def test_an_address_given_empty_places_no_other_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """DoIt's `{{< friend url="" avatar="" >}}` writes `<a href="">` and `<img src="">`, both
    placed at the call; a `#usage` link another call writes is not (an empty address
    matches an empty one alone)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/friend.html": '<a href="{{ .Get "url" }}"><img src="{{ .Get "avatar" }}" alt="x"></a>',
        "layouts/_shortcodes/toc.html": '{{ range (split (.Get "items") ",") }}<a href="#{{ . }}">{{ . }}</a>{{ end }}',
        "content/a.md": '---\ntitle: A\n---\n\n{{< friend url="" avatar="" >}}\n\n{{< toc items="setup,usage" >}}\n\n'
                        "## Setup\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["rule"]) for p in problems("--build") if p["rule"] != "heading-typo"]
    assert sorted(found) == [
        ("content/a.md", 5, "empty-link"), ("content/a.md", 5, "empty-link"), ("public/a/index.html", 2, "broken-anchor")
    ]


@pytest.mark.hugo
@pytest.mark.parametrize("guard", [
    '{{ if eq .File.LogicalName "_index.md" }}',
    '{{ $index := eq .File.LogicalName "_index.md" }}{{ $docs := eq .Section "docs" }}{{ if and ($docs) ($index) }}',
    "{{ if .IsSection }}",
])  # fmt: skip
def test_ids_a_template_makes_on_list_pages_alone_leave_the_other_pages_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, guard: str
) -> None:
    """KEDA's scalers list: a partial every docs page calls writes `<input id="{{ . }}">` only
    inside a block list pages alone enter; the regular pages' anchors are checked without a
    build, as with one."""
    small_site(tmp_path, {
        "layouts/_partials/content.html": (
            '{{ .Content }}' + guard + '{{ range slice "x" "y" }}<input id="{{ . }}">{{ end }}{{ end }}'
        ),
        "layouts/docs/single.html": '<main>{{ partial "content.html" . }}</main>',
        "layouts/docs/list.html": '<main>{{ partial "content.html" . }}</main>',
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\nSee [b](../b/#setup), [missing](../b/#gone) and [here](#nowhere).\n",
        "content/docs/b.md": "---\ntitle: B\n---\n\n## Setup\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/docs/a.md", 5, "broken-anchor")] * 2  # #gone and #nowhere
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--no-cache")] == expected
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--no-cache", "--build")] == expected


def test_lines_a_message_names_in_a_content_rendered_apart_are_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KEDA's collapsible renders its content with markdownify, and mdcheck parses it apart:
    "already defined on line N" and "(lines N-M)" name the file's lines, not the content's."""
    small_site(tmp_path, {
        "layouts/_shortcodes/collapsible.html": "<div>{{ .Inner | markdownify }}</div>",
        "content/a.md": (
            "---\ntitle: A\n---\n\nText.\n\n{{< collapsible >}}\nA note[^a].\n\n[^a]: One.\n[^a]: Two.\n\n"
            "<div>\n*x*\n</div>\n\n## Same {#dup}\n\n## Other {#dup}\n{{< /collapsible >}}\n"
        ),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(p["line"], p["rule"]): p["message"] for p in problems("--no-cache", "--source-only")}
    assert "already defined on line 10;" in found[(11, "footnote-duplicate")]
    assert "(lines 13-15)" in found[(13, "raw-html-omitted")]
    assert "heading 'Same' on line 17;" in found[(19, "duplicate-heading-id")]  # the content's own headings


@pytest.mark.hugo
def test_footnotes_of_a_content_rendered_apart_are_the_pages_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A `{{< collapsible >}}` whose template renders its content with markdownify: Hugo
    writes its footnotes' `fn:1` and `fnref:1` on the page (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/collapsible.html": "<div>{{ .Inner | markdownify }}</div>",
        "content/a.md": (
            "---\ntitle: A\n---\n\nBack to [the reference](#fnref:1), [the note](#fn:1), [none](#fn:2).\n\n"
            "{{< collapsible >}}\nA claim[^1].\n\n[^1]: Footnote.\n{{< /collapsible >}}\n"
        ),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/a.md", 5, "broken-anchor")]
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--no-cache")] == expected
    assert [(p["path"], p["line"], p["rule"]) for p in problems("--no-cache", "--build")] == expected


@pytest.mark.hugo
def test_a_link_in_a_markdownified_content_is_looked_up_from_a_home_page_no_file_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """KEDA's collapsible, on a site with Hugo's embedded link hook and no content/_index.md:
    the hook looks `b.md` up from the home page, from the content's root, and finds nothing
    (`../c.md` it finds): md-link reports it at its line."""
    small_site(tmp_path, {
        "layouts/_shortcodes/collapsible.html": "<div>{{ .Inner | markdownify }}</div>",
        "content/docs/a.md": (
            "---\ntitle: A\n---\n\nIntro [five](b.md).\n\n{{< collapsible >}}\nSee [b](b.md) and [c](../c.md).\n"
            "{{< /collapsible >}}\n"
        ),
        "content/docs/b.md": "---\ntitle: B\n---\n",
        "content/c.md": "---\ntitle: C\n---\n",
    }, "[languages.en]\nweight = 1\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings("--no-cache") == {("content/docs/a.md", 8, "md-link")}
    assert any(p["path"] == "content/docs/a.md" for p in problems("--no-cache", "--build"))


@pytest.mark.hugo
def test_an_external_link_a_hook_writes_with_its_escapes_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """volcano: Hugo's embedded link hook (a multilingual site) is given the destination as
    written, `\\(` kept: the address has `%5C%28` where `(` was meant. Without the hook, goldmark
    writes `(`: nothing to report."""
    page = "+++\ntitle = 'A'\n+++\n\n[wiki](https://example.com/wiki/Installation-\\(v2\\)#pre)\n"
    small_site(tmp_path, {"content/a.md": page}, "[languages.en]\nweight = 1\n")
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/a.md", 5, 1)])
    # the address as Hugo writes it, in the same words with and without a build (a baseline holds)
    messages = {p["message"] for mode in ([], ["--build"]) for p in problems(*mode) if p["rule"] == "broken-link"}
    assert len(messages) == 1 and "Installation-%5C%28v2%5C%29#pre" in messages.pop()
    assert not [p for p in problems() if p["rule"] == "url-refused"]  # an address escaped is none refused
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n')
    assert_located_alike("broken-link", [])


@pytest.mark.hugo
def test_a_static_folders_symbolic_links_are_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """kwok's `static/img/demo/*.svg` are symbolic links: Hugo copies none, of a file or of a
    folder (checked with hugo 0.168), so links to them are broken, with or without a build,
    and the message says why."""
    (tmp_path / "elsewhere" / "dir").mkdir(parents=True)
    (tmp_path / "elsewhere" / "dir" / "a.svg").write_text("<svg/>")
    (tmp_path / "static" / "img" / "demo").mkdir(parents=True)
    (tmp_path / "static" / "img" / "demo" / "b.svg").symlink_to(tmp_path / "elsewhere" / "dir" / "a.svg")
    (tmp_path / "static" / "linked").symlink_to(tmp_path / "elsewhere" / "dir")
    small_site(tmp_path, {"content/a.md": "+++\ntitle = 'A'\n+++\n\n![b](/img/demo/b.svg)\n\n![a](/linked/a.svg)\n"})
    monkeypatch.chdir(tmp_path)
    for args in ((), ("--build",)):
        found = [p for p in problems("--no-cache", *args) if p["rule"] == "broken-link"]
        assert [(p["path"], p["line"]) for p in found] == [("content/a.md", 5), ("content/a.md", 7)]
        assert "static/img/demo/b.svg is a symbolic link" in found[0]["message"]
        assert "static/linked is a symbolic link" in found[1]["message"]


def test_a_reference_label_written_as_an_address_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kwok's `[here]([metrics-usage])`: Hugo writes `href="%5Bmetrics-usage%5D"`; the finding
    says how to write a reference link."""
    page = "+++\ntitle = 'A'\n+++\n\nSee [here]([metrics-usage]).\n\n[metrics-usage]: https://example.com/usage\n"
    small_site(tmp_path, {"content/docs/a.md": page})
    monkeypatch.chdir(tmp_path)
    [found] = problems("--no-cache")
    assert (found["rule"], found["line"]) == ("broken-link", 5)
    assert "write `[text][metrics-usage]` for a reference link" in found["message"]


@pytest.mark.hugo
def test_links_below_a_page_named_as_the_pagination_folder_are_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`content/page.md` is at /page/, the folder of the home page's later pages (`page/2/`):
    Hugo writes none but numbered ones there, so its relative links are judged without a build."""
    page = "+++\ntitle = 'P'\n+++\n\n[x](nothere) [y](nothere/)\n"
    small_site(tmp_path, {"content/page.md": page, "layouts/home.html": "{{ .Content }}"})
    monkeypatch.chdir(tmp_path)
    expected = [("content/page.md", 5, 1), ("content/page.md", 5, 14)]
    assert_located_alike("broken-link", expected)


@pytest.mark.hugo
def test_a_multihost_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A baseURL per language: Hugo publishes each language in its folder (public/fr/), the
    URLs naming none (checked with hugo 0.168). Two languages' pages at one URL are no
    clash; a page's root-relative link leads into its own language's folder, a link with
    a language's host into that one; and the static files are in each."""
    small_site(tmp_path, {
        "content/a.md": "+++\ntitle = 'A'\n+++\n\n## Hello\n\n[root](/a/#hello) [img](/logo.png) [gone](/gone/)\n\n"
                        "[fr](https://fr.example.org/a/#bonjour) [fr bad](https://fr.example.org/a/#nope)\n\n"
                        "[fr missing](https://fr.example.org/missing/) [en](https://en.example.org/a/#hello)\n",
        "content/a.fr.md": "+++\ntitle = 'A fr'\n+++\n\n## Bonjour\n\n[root](/a/#bonjour) [en](/a/#hello)\n",
        "static/logo.png": "x",
    }, '[languages.en]\nbaseURL = "https://en.example.org/"\nweight = 1\n'
       '[languages.fr]\nbaseURL = "https://fr.example.org/"\nweight = 2\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {
        ("content/a.md", 7, "broken-link"), ("content/a.md", 9, "broken-anchor"),
        ("content/a.md", 11, "broken-link"), ("content/a.fr.md", 7, "broken-anchor"),
    }  # fmt: skip
    assert findings() == findings("--build") == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/en/a/index.html").exists() and (tmp_path / "public/fr/logo.png").exists()


@pytest.mark.hugo
def test_a_base_url_without_a_scheme_is_no_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`baseURL = "example.org/"` (a site whose build command gives the real one): Hugo
    publishes the site at the publish dir's root, and `/images/a.gif` is the static file
    (checked with hugo 0.168), not a link that leaves the site."""
    small_site(tmp_path, {
        "static/images/a.gif": "x",
        "content/docs/b.md": "+++\ntitle = 'B'\n+++\n\n![a](/images/a.gif) [b](/docs/b/) [gone](/nothing-here/)\n",
    })  # fmt: skip
    (tmp_path / "hugo.toml").write_text('baseURL = "example.org/"\n')
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/b.md", 5, "broken-link")}
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/docs/b/index.html").exists()


@pytest.mark.hugo
def test_an_own_host_address_a_hook_writes_as_its_path_is_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A link hook that pipes the destination through relLangURL writes the site's own
    `https://x.org/docs/gone/` as `/docs/gone/` (checked with hugo 0.168): the broken link
    is placed at its Markdown line, a bare URL's too."""
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": '<a href="{{ .Destination | relLangURL | safeURL }}">{{ .Text }}</a>',
        "content/docs/a.md": "+++\ntitle = 'A'\n+++\n\nSee https://x.org/docs/missing/ too.\n\n"
                             "A [gone](https://x.org/docs/gone/) link.\n",
    }, "[markup.goldmark.extensions]\nlinkify = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert located("broken-link", "--build") == [("content/docs/a.md", 5, 5), ("content/docs/a.md", 7, 3)]


@pytest.mark.hugo
def test_a_theme_link_is_not_placed_at_a_link_whose_shortcode_prints_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`[g](/docs/{{< param version >}}/guides/gateway)` makes `/docs/v2/guides/gateway`; a
    version menu's broken `/docs/v1/config/gateway/` of the same name is the template's,
    not that line's (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/baseof.html": '<nav>{{ $p := .RelPermalink }}{{ range slice "v1" "v2" }}'
                               '<a href="{{ replace $p "/v2/" (printf "/%s/" .) }}">{{ . }}</a> {{ end }}</nav>'
                               '{{ block "main" . }}{{ end }}',
        "layouts/single.html": '{{ define "main" }}{{ .Content }}{{ end }}',
        "content/docs/v2/_index.md": "---\ntitle: V2\ncascade:\n  version: v2\n---\n",
        "content/docs/v2/guides/gateway.md": "---\ntitle: G\n---\n",
        "content/docs/v2/config/gateway.md": "---\ntitle: C\n---\n\nSee the [guide](/docs/{{< param version >}}/guides/gateway).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = located("broken-link", "--build")
    assert ("content/docs/v2/config/gateway.md", 5, 9) not in found
    assert ("public/docs/v2/config/gateway/index.html", 1, 6) in found


@pytest.mark.hugo
def test_a_theme_link_of_a_md_links_name_is_the_themes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A menu's broken `/guides/nlb/` is not placed at `[x](/guides/nlb.md)`, which a page
    lookup hook finds no page for and writes as it is, further down the page (checked
    with hugo 0.168): the menu's link is reported on its own, the Markdown's at its line."""
    small_site(tmp_path, {
        "layouts/baseof.html": '<nav><a href="/guides/nlb/">NLB</a></nav>{{ block "main" . }}{{ end }}',
        "layouts/single.html": '{{ define "main" }}{{ .Content }}{{ end }}',
        "layouts/_markup/render-link.html": '{{- $link := .Destination -}}{{- $url := urls.Parse .Destination -}}'
                                            '{{- with .Page.GetPage $url.Path }}{{ $link = .RelPermalink }}{{ end -}}'
                                            '<a href="{{ $link | safeURL }}">{{ .Text }}</a>',
        "content/docs/a.md": "---\ntitle: A\n---\n\nSee the [NLB guide][10].\n\n[10]: /guides/nlb.md\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = {(path, line, rule) for path, line, rule in findings("--build")}
    assert ("layouts/baseof.html", 1, "broken-link") in found
    assert ("content/docs/a.md", 5, "md-link") in found


@pytest.mark.hugo
def test_a_sidebar_table_of_contents_is_the_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A sidebar listing every page's table of contents (in a `<nav>`) writes `#x` links on
    pages without the heading: the template's broken links, not copies of the Markdown
    link of the same text (`[generating a manifest](#generating-a-manifest)` above the
    heading): checked with hugo 0.168."""
    small_site(tmp_path, {
        "layouts/baseof.html": '<aside>{{ range site.RegularPages }}<nav id="toc-{{ .File.ContentBaseName }}">'
                               "{{ .Fragments.ToHTML 2 3 false }}</nav>{{ end }}</aside>"
                               '<main>{{ block "main" . }}{{ end }}</main>',
        "layouts/single.html": '{{ define "main" }}{{ .Content }}{{ end }}',
        "content/docs/a.md": "---\ntitle: A\n---\n\nSee [generating a manifest](#generating-a-manifest).\n\n"
                             "## Generating a Manifest\n",
        "content/docs/b.md": "---\ntitle: B\n---\n\nB.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = findings("--build")
    assert ("public/docs/b/index.html", 3, "broken-anchor") in found
    assert not any(path == "content/docs/a.md" for path, _, _ in found)


@pytest.mark.hugo
def test_footnotes_turned_off_are_named_as_the_cause(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With the footnote extension off, Hugo shows `[^1]` and its definition as text (checked
    with hugo 0.168): the finding names the setting, not a missing definition."""
    small_site(tmp_path, {"content/a.md": "---\ntitle: A\n---\nText with a note[^1].\n\n[^1]: The note.\n"},
               "[markup.goldmark.extensions]\nfootnote = false\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for args in ([], ["--build"]):
        messages = [p["message"] for p in problems(*args) if p["rule"] == "unrendered-markup"]
        assert len(messages) == 2 and all("footnote = false turns footnotes off" in m for m in messages), args


@pytest.mark.hugo
def test_a_leaf_bundle_with_an_ugly_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With uglyURLs, a leaf bundle's page is `posts/bund.html` and its files are in
    `posts/bund/` (checked with hugo 0.168): a link to one is no broken link, to a file not
    there is."""
    small_site(tmp_path, {
        "content/posts/bund/index.md": "---\ntitle: B\n---\n",
        "content/posts/bund/pic.png": "x",
        "content/posts/a.md": "---\ntitle: A\n---\n[img](/posts/bund/pic.png) [gone](/posts/bund/nope.png)\n",
    }, "uglyURLs = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/posts/a.md", 4, 28)])


@pytest.mark.hugo
def test_a_languages_own_markup_replaces_the_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`[languages.fr.markup…]` replaces the site's `markup` whole for French pages (checked
    with hugo 0.168): French raw HTML is kept, and French ids are made with the defaults,
    not the site's `github-ascii`."""
    page = "---\ntitle: A\n---\n## Café <b>x</b>\n\n[a](#cafe-x) [b](#café-x)\n"
    small_site(tmp_path, {"content/a.md": page, "content/a.fr.md": page},
               '[markup.goldmark.parser]\nautoHeadingIDType = "github-ascii"\n'
               "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
               "[languages.fr.markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {
        ("content/a.md", 4, "raw-html-omitted"), ("content/a.md", 6, "broken-anchor"),
        ("content/a.fr.md", 6, "broken-anchor"),
    }  # fmt: skip
    assert findings() == findings("--build") == expected
    assert set(located("broken-anchor")) == {("content/a.fr.md", 6, 1), ("content/a.md", 6, 14)}


@pytest.mark.hugo
def test_bold_shown_as_text_around_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`**请先安装`hugo`。**然后` and `**the `make` command.**then`: the `**` after punctuation
    and before a letter closes nothing, and Hugo shows both pairs around the code span
    (checked with hugo 0.168): reported at their lines, with a build and without."""
    small_site(tmp_path, {
        "content/p.md": "---\ntitle: P\n---\n注意：**请先安装`hugo`。**然后继续。\n\nRun **the `make` command.**then go.\n\n"
                        "A **`fine`** one, and **a [link](/p/).** too.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", 4, 4), ("content/p.md", 6, 5)]
    assert_located_alike("unrendered-markup", expected)


@pytest.mark.hugo
def test_bold_touching_a_content_call_is_left_to_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`{{% tspan %}}**8:00 (UTC)** until **(UTC)**{{% /tspan %}}`: Hugo puts the template's
    `<span>` and `</span>` around the content before Markdown reads it, so `(UTC)**</span>`
    closes bold (InfluxData, checked with hugo 0.168). Without a build what the template
    writes there is not known (mdcheck's placeholder is a letter): no finding. Bold that
    fails whatever it writes (`**Note:**text`) is found either way."""
    assert_site_found_alike(tmp_path, monkeypatch, hugo, {
        "layouts/_shortcodes/tspan.html": '<span class="t">{{ .Inner }}</span>',
        "content/p.md": "---\ntitle: P\n---\nFrom {{% tspan %}}**8:00 (UTC)** until **(UTC)**{{% /tspan %}}.\n\n"
                        "{{% tspan %}}**Note:**text{{% /tspan %}}\n",
    }, "[markup.goldmark.renderer]\nunsafe = true\n", "unrendered-markup", [("content/p.md", 6, 14)],
       ("p/index.html", "until <strong>(UTC)</strong></span>"))  # fmt: skip


@pytest.mark.hugo
@pytest.mark.parametrize("typographer", [True, False])
def test_a_table_shown_as_text_is_found_at_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, typographer: bool
) -> None:
    """A table whose header has more cells than its delimiter row is text (checked with hugo
    0.168), its `|---|` made `|—|` by the typographer: found, at its own delimiter row, not
    at the one of a table above that Hugo rendered; one of one or two dashes a cell too."""
    small_site(tmp_path, {
        "content/p.md": "---\ntitle: P\n---\nText\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| a | b | c |\n|---|---|\n| 1 | 2 |\n\n"
                        "| a | b | c |\n| --: | - |\n\n| a | b | c |\n| :-: | :- |\n",
    }, f"[markup.goldmark.extensions]\ntypographer = {str(typographer).lower()}\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/p.md", line, 1) for line in (10, 14, 17)]
    assert_located_alike("unrendered-markup", expected)


@pytest.mark.hugo
def test_a_table_whose_delimiter_row_is_a_list_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`- | --: | :--` under a header row is a list item, not a table's delimiter row
    (checked with hugo 0.168; `-| --:` is one): the message says so."""
    small_site(tmp_path, {
        "content/p.md": "---\ntitle: P\n---\n\nconfig | delta | guide\n- | --: | :--\nsetup | a | b\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("unrendered-markup", [("content/p.md", 6, 3)])
    assert "starts with a list marker and a blank" in problems()[0]["message"]


@pytest.mark.hugo
def test_a_table_shown_as_text_when_tables_are_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """With the table extension off every table is text (checked with hugo 0.168): the
    message says so."""
    small_site(tmp_path, {
        "content/p.md": "---\ntitle: P\n---\n\n| a | b |\n| - | :-: |\n| 1 | 2 |\n",
    }, "[markup.goldmark.extensions]\ntable = false\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("unrendered-markup", [("content/p.md", 6, 1)])
    assert "table = false turns tables off" in problems()[0]["message"]


@pytest.mark.hugo
def test_a_missing_folder_with_a_dot_in_its_name_is_judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`/docs/v1.2/` names a folder, not a file of the suffix `.2`: a page missing there is
    judged without a build, as `/docs/nothing/` is (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "content/docs/a.md": "---\ntitle: A\n---\n",
        "content/blog/release.md": "---\ntitle: R\n---\n\n[v](/docs/v1.2/) [n](/docs/nothing/) [a](/docs/a/)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("content/blog/release.md", 5, 1), ("content/blog/release.md", 5, 18)]
    assert_located_alike("broken-link", expected)


@pytest.mark.hugo
def test_a_page_at_a_url_of_other_scripts_is_placed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """Hugo's embedded hooks write a page's address percent-encoded
    (`/%E5%BF%AB.../pic.png`), its URL is `/快速上手/` (checked with hugo 0.168): its image
    and its `#x` link are placed at their Markdown lines with a build."""
    small_site(tmp_path, {
        "content/快速上手/index.md": "---\ntitle: 快速上手\n---\n\n![](pic.png)\n\n[y](#nope)\n",
        "content/快速上手/pic.png": "x",
    }, '[markup.goldmark.renderHooks.image]\nuseEmbedded = "always"\n'
       '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = {("content/快速上手/index.md", 5, "image-alt"), ("content/快速上手/index.md", 7, "broken-anchor")}
    assert findings() == findings("--build") == expected


@pytest.mark.hugo
def test_a_theme_template_the_project_overrides_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """The theme's `list.html` calls a partial that writes ids made of actions; the project's
    own `list.html`, which Hugo uses, does not: a section page's fragments are checked
    without a build (checked with hugo 0.168)."""
    small_site(tmp_path, {
        "themes/t/layouts/_partials/hdr.html": '<select>{{ range .Translations }}<option id="{{ .Language }}">x</option>{{ end }}</select>',
        "themes/t/layouts/list.html": '{{ partial "hdr.html" . }}{{ .Content }}',
        "layouts/list.html": "{{ .Content }}",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n\n## Setup\n\n[bad](#definitely-missing)\n",
    }, 'theme = "t"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert findings() == findings("--build") == {("content/docs/_index.md", 7, "broken-anchor")}
    # nor does an id that is a language's code (the learn theme's menu) leave the page's to a build
    (tmp_path / "layouts/list.html").unlink()
    assert findings() == findings("--build") == {("content/docs/_index.md", 7, "broken-anchor")}


@pytest.mark.hugo
def test_the_files_beside_a_page_a_mount_gives_a_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A mount of `docs` as `content/tip` publishes `docs/blog/img/a.png` at `/tip/blog/img/a.png`
    (checked with hugo 0.168): a page's relative image beside it is judged without a build."""
    small_site(tmp_path, {
        "docs/blog/_index.md": "---\ntitle: Blog\n---\n",
        "docs/blog/img/a.png": "x",
        "docs/blog/post.md": "---\ntitle: Post\n---\n\n![a](img/a.png)\n\n![b](/tip/blog/img/a.png) ![c](/tip/blog/img/nothere.png)\n",
    }, '[[module.mounts]]\nsource = "docs"\ntarget = "content/tip"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [("docs/blog/post.md", 5, 1), ("docs/blog/post.md", 7, 27)]
    assert_located_alike("broken-link", expected)


@pytest.mark.hugo
def test_a_broken_link_is_placed_at_the_markdown_link_of_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Two Markdown links to one fragment: the page's works, while the one in a call's
    content, which `markdownify` writes as `/#x` (Hugo's embedded link hook, multilingual),
    is broken. The build's broken link is placed at the link of its text, also when a
    template writes the content elsewhere (a glossary of stored `.Inner`s; hugo 0.168)."""
    markdownify = "<div>{{ .Inner | markdownify }}</div>\n"
    glossary = (
        '{{ .Page.Scratch.SetInMap "terms" (.Get "id") .Inner }}\n',
        '<dl>{{ range $id, $text := .Page.Scratch.Get "terms" }}<dt><a href="#def-{{ $id }}"><dfn id="def-{{ $id }}">'
        "{{ $id }}</dfn></a></dt><dd>{{ $text | markdownify }}</dd>{{ end }}</dl>\n",
    )
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": markdownify,
        "layouts/_shortcodes/def.html": glossary[0],
        "layouts/_shortcodes/glossary.html": glossary[1],
        "layouts/home.html": "home",
        "content/a.md": (
            "+++\ntitle = 'A'\n+++\nTop [outside]({{< relref \"#target\" >}}).\n\n{{< note >}}\n"
            "Inside [in]({{< relref \"#target\" >}}).\n{{< /note >}}\n\n## Target\n"
        ),
        "content/g.md": (
            "+++\ntitle = 'G'\n+++\n{{% def id=\"server\" %}} Runs [Boulder](#def-boulder) software. {{% /def %}}\n\n"
            "{{% def id=\"boulder\" %}} The software. {{% /def %}}\n\n{{< glossary >}}\n"
        ),
    }, "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    placed = {(p["path"], p["line"], p["column"], p["rule"]) for p in problems("--build", "--no-cache")}
    assert placed == {("content/a.md", 7, 13, "broken-anchor"), ("content/g.md", 4, 30, "broken-anchor")}


@pytest.mark.hugo
def test_calls_in_a_param_a_template_renders_as_markdown_are_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`.RenderString` and `markdownify` run the shortcode calls in a param they render
    (influxdata's `prepend`): front-matter-shortcode leaves those, and still reports a call
    in the title, which the page's `<title>` prints as text, rendered elsewhere or not."""
    single = (
        "<html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title | markdownify }}</h1>"
        '<div class="rs">{{ .RenderString .Params.prepend.content }}</div><p>{{ .Params.prepend.title }}</p>'
        '<div class="md">{{ .Params.note | markdownify }}</div>{{ .Content }}</body></html>\n'
    )
    small_site(tmp_path, {
        "layouts/single.html": single,
        "layouts/_shortcodes/pname.html": "PNAME",
        "content/p.md": (
            "---\ntitle: About {{< pname >}}\nprepend:\n  title: Shown {{% pname %}}\n"
            "  content: '> **{{< pname >}}** is new.'\nnote: Uses {{% pname %}} here.\n---\n\nBody.\n"
        ),
    })  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    html = (tmp_path / "out" / "p" / "index.html").read_text("utf-8")
    assert '<div class="rs"><blockquote>\n<p><strong>PNAME</strong>' in html and "Uses PNAME here" in html
    assert "<title>About {{&lt; pname &gt;}}</title>" in html and "<p>Shown {{% pname %}}</p>" in html
    monkeypatch.chdir(tmp_path)
    placed = {(p["line"], p["column"]) for p in problems("--source-only", "--no-cache") if p["rule"] == "front-matter-shortcode"}
    assert placed == {(2, 14), (4, 16)}


@pytest.mark.hugo
def test_a_legacy_calls_content_is_rendered_once_with_its_raw_html_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A legacy `{{% v1 %}}`'s content is rendered apart whole, a `{{% div %}}` in it
    included: its heading is written once (no duplicate-id of itself), and with raw HTML
    kept, a `<span id>` in it is an id of the page (influxdata; checked with hugo 0.168)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/v1.html": LEGACY + '<section class="v1">{{ .Inner }}</section>\n',
        "layouts/_shortcodes/div.html": '<div class="d">{{ .Inner }}</div>\n',
        "content/p.md": (
            "---\ntitle: P\n---\n\n{{% v1 %}}\n{{% div %}}\n\n#### Query using SQL\n\nSee [the note](#note-x).\n\n"
            '<span id="note-x"></span>\n_Note._\n\n{{% /div %}}\n{{% /v1 %}}\n'
        ),
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    html = (tmp_path / "out" / "p" / "index.html").read_text("utf-8")
    assert html.count('id="query-using-sql"') == 1 and '<span id="note-x"></span>' in html
    monkeypatch.chdir(tmp_path)
    assert findings("--no-cache") == findings("--no-cache", "--build") == set()


@pytest.mark.hugo
def test_a_drafts_alias_at_a_built_pages_path_takes_nothing_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A draft's alias is not published, but a built page at that path is (influxdata's
    hardware sizing; checked with hugo 0.168): a link to it is no broken link."""
    small_site(tmp_path, {
        "layouts/home.html": "home",
        "content/guides/sizing.md": "---\ntitle: Sizing\n---\n\nText.\n",
        "content/reference/sizing.md": "---\ntitle: Old\ndraft: true\naliases: [/guides/sizing/, /old/]\n---\n\nOld.\n",
        "content/l.md": "---\ntitle: L\n---\n\n[x](/guides/sizing/) [y](/old/)\n",
    })  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    assert "Text." in (tmp_path / "out" / "guides" / "sizing" / "index.html").read_text("utf-8")
    assert not (tmp_path / "out" / "old").exists()
    monkeypatch.chdir(tmp_path)
    assert {(p["line"], p["column"], p["rule"]) for p in problems("--no-cache")} == {(5, 22, "broken-link")}


@pytest.mark.hugo
def test_a_taxonomy_whose_plural_is_a_path_is_open_to_terms_a_cascade_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`"flux/v0/tag" = "flux/v0/tags"`, and a section's cascade gives its pages a term
    (influxdata; checked with hugo 0.168): the terms' pages are left to a build, as those of
    a taxonomy named by one word are; a missing page elsewhere is still judged."""
    small_site(tmp_path, {
        "layouts/home.html": "home",
        "layouts/list.html": "{{ .Title }}",
        "content/a/_index.md": "---\ntitle: A\ncascade:\n  flux/v0/tags: [joined]\n---\n",
        "content/a/p.md": "---\ntitle: P\n---\n",
        "content/b.md": "---\ntitle: B\nflux/v0/tags: [notification endpoints]\n---\n",
        "content/l.md": "---\ntitle: L\n---\n\n[t](/flux/v0/tags/notification-endpoints/) [j](/flux/v0/tags/joined/) [x](/b/c/)\n",
    }, '[taxonomies]\n"flux/v0/tag" = "flux/v0/tags"\n')  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    assert (tmp_path / "out" / "flux" / "v0" / "tags" / "joined" / "index.html").exists()
    monkeypatch.chdir(tmp_path)
    assert {(p["line"], p["column"], p["rule"]) for p in problems("--no-cache")} == {(5, 71, "broken-link")}


@pytest.mark.hugo
@pytest.mark.parametrize(
    ("hook", "expected"),
    [
        ('<h{{ .Level }} id="x-{{ .Anchor }}">{{ .Text }}</h{{ .Level }}>', {(5, 1), (5, 25)}),
        ('<h{{ .Level }} id="{{ .Anchor | safeURL }}">{{ .Text }}</h{{ .Level }}>', {(5, 37)}),
        # blowfish's: the anchor in a variable, anchorized again (the same id)
        ('{{ $a := anchorize .Anchor }}<h{{ .Level }}><div id="{{ $a }}"></div>{{ .Text }}</h{{ .Level }}>', {(5, 37)}),
        # nephio's: the dot of `with .Anchor`
        ('<h{{ .Level }}{{ with .Anchor }} id="{{ . }}"{{ end }}>{{ .Text }}</h{{ .Level }}>', {(5, 37)}),
        # written otherwise: the ids are left to a build
        ('<h{{ .Level }} id="{{ .PlainText | urlize }}-h">{{ .Text }}</h{{ .Level }}>', set()),
    ],
)
def test_a_heading_hook_that_writes_ids_around_the_anchor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, hook: str, expected: set[tuple[int, int]]
) -> None:
    """A heading render hook's `id="x-{{ .Anchor }}"` gives every heading that id (checked
    with hugo 0.168): links to `#setup` are broken, without a build as with one."""
    small_site(tmp_path, {
        "layouts/home.html": "home",
        "layouts/_markup/render-heading.html": hook,
        "content/docs/guide.md": "---\ntitle: G\n---\n\n## Setup\n",
        "content/a.md": "---\ntitle: A\n---\n\n[a](/docs/guide/#setup) [c](#local) [d](#x-local)\n\n## Local\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    anchors = {(p["line"], p["column"]) for p in problems("--no-cache") if p["rule"] == "broken-anchor"}
    assert anchors == expected
    if expected:
        built = {(p["line"], p["column"]) for p in problems("--no-cache", "--build") if p["rule"] == "broken-anchor"}
        assert built == expected


@pytest.mark.hugo
def test_footnote_ids_with_the_auto_id_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`enableAutoIDPrefix` puts `h` and the xxHash64 of the page's path before its footnote
    ids (checked with hugo 0.168): mdcheck's ids are Hugo's, and a link to `#fn:1` is broken."""
    note = "Text[^1]. See [the note](#fn:1).\n\n[^1]: The note.\n"
    small_site(tmp_path, {
        "layouts/home.html": "home",
        "layouts/list.html": "{{ .Content }}",
        "content/a.md": "---\ntitle: A\n---\n" + note,
        "content/Docs/B/index.md": "---\ntitle: B\n---\n" + note,
        "content/docs/_index.md": "---\ntitle: D\n---\n" + note,
        "content/l.md": "---\ntitle: L\n---\n[a](/a/#h0bcfa9bbb5ba7e84fn:1)\n",
    }, "[markup.goldmark.extensions.footnote]\nenableAutoIDPrefix = true\n")  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    assert 'id="h0bcfa9bbb5ba7e84fn:1"' in (tmp_path / "out" / "a" / "index.html").read_text("utf-8")
    monkeypatch.chdir(tmp_path)
    expected = {("content/a.md", 4), ("content/Docs/B/index.md", 4), ("content/docs/_index.md", 4)}
    for mode in ((), ("--build",)):
        found = {(p["path"], p["line"]) for p in problems("--no-cache", *mode) if p["rule"] == "broken-anchor"}
        assert found == expected, mode


@pytest.mark.hugo
def test_a_taxonomy_whose_plural_has_a_blank_with_sections_disabled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`mytag = "my tags"` publishes `/my-tags/` and its terms, sections disabled or not
    (checked with hugo 0.168): its list and term pages are no sections."""
    small_site(tmp_path, {
        "layouts/home.html": "{{ .Content }}",
        "layouts/list.html": "{{ .Title }}",
        "content/_index.md": "---\ntitle: Home\n---\n[list](/my-tags/) [term](/my-tags/go/) [no](/my-tags/rust/)\n",
        "content/a.md": "---\ntitle: A\nmy tags: [Go]\n---\nText.\n",
    }, 'disableKinds = ["section"]\n[taxonomies]\nmytag = "my tags"\n')  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    assert (tmp_path / "out" / "my-tags" / "go" / "index.html").exists()
    monkeypatch.chdir(tmp_path)
    assert {(p["line"], p["column"], p["rule"]) for p in problems("--no-cache")} == {(4, 40, "broken-link")}


@pytest.mark.hugo
def test_a_comment_line_in_a_tabs_fence_makes_no_heading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A `# comment` in the fence of a `{{% tab %}}` inside a `{{< tabpane >}}` whose
    template renders Markdown is code (checked with hugo 0.168): the page's ids stay known,
    and a link to a heading it lacks is broken without a build (lima's docs)."""
    small_site(tmp_path, {
        # (Docsy's: the tabs' contents, then its title through markdownify)
        "layouts/_shortcodes/tabpane.html": (
            '{{ .Inner }}<div id="tabs-{{ .Ordinal }}">{{ with .Get "title" }}{{ . | markdownify }}{{ end }}</div>\n'
        ),
        "layouts/_shortcodes/tab.html": '<section title="{{ .Get "header" }}">{{ .Inner }}</section>\n',
        "content/a.md": (
            "---\ntitle: A\n---\n\nSee [slow](#slow-mode) and [tabs](#tabs-0).\n\n## Slow mode: Intel\n\n"
            '{{< tabpane >}}\n{{% tab header="CLI" %}}\nhello\n{{% /tab %}}\n{{% tab header="YAML" %}}\n'
            "```yaml\n# a comment\nvmType: qemu\n```\n{{% /tab %}}\n{{< /tabpane >}}\n"
        ),
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    html = (tmp_path / "out" / "a" / "index.html").read_text("utf-8")
    assert 'id="tabs-0"' in html and "<h1" not in html.split('id="tabs-0"', 1)[1]
    monkeypatch.chdir(tmp_path)
    for mode in ((), ("--source-only",), ("--build",)):
        found = {(p["line"], p["column"]) for p in problems("--no-cache", *mode) if p["rule"] == "broken-anchor"}
        assert found == {(5, 5)}, mode


@pytest.mark.hugo
def test_an_image_the_hook_drops_is_reported_with_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A hook that writes an image only when `resources.Get` finds it in the assets drops a
    page bundle's image (lotusdocs' hook; checked with hugo 0.168); one it processes
    (`logo_hu….png`) or finds is there, and a page whose layout prints no content is left
    alone."""
    hook = (
        "{{ with resources.Get .Destination }}{{ with .Resize \"10x\" }}"
        '<img src="{{ .RelPermalink }}" alt="{{ $.PlainText }}">{{ end }}{{ end }}'
    )
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    small_site(tmp_path, {
        "layouts/_markup/render-image.html": hook,
        "layouts/home.html": "home",
        "layouts/bare/single.html": "<h1>{{ .Title }}</h1>",
        "content/posts/a/index.md": "---\ntitle: A\n---\n## Setup\n\n![The diagram](diagram.png)\n\n![Logo](logo.png)\n",
        "content/bare/b/index.md": "---\ntitle: B\n---\n## Setup\n\n![The diagram](diagram.png)\n",
    })  # fmt: skip
    for folder in ("content/posts/a", "content/bare/b", "assets"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "content/posts/a/diagram.png").write_bytes(png)
    (tmp_path / "content/bare/b/diagram.png").write_bytes(png)
    (tmp_path / "assets/logo.png").write_bytes(png)
    build_site(hugo, tmp_path, tmp_path / "out")
    html = (tmp_path / "out" / "posts" / "a" / "index.html").read_text("utf-8")
    assert "diagram" not in html and re.search(r'src="/logo_hu[^"]*\.png"', html)
    monkeypatch.chdir(tmp_path)
    found = {(p["path"], p["line"]) for p in problems("--no-cache", "--build") if p["rule"] == "image-dropped"}
    assert found == {("content/posts/a/index.md", 6)}
    assert not [p for p in problems("--no-cache") if p["rule"] == "image-dropped"]


@pytest.mark.hugo
def test_of_pages_giving_one_alias_the_last_by_path_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Of pages that give one alias, Hugo writes the redirect of the one whose path sorts
    last in most builds, whatever their titles and weights (vitess' versioned docs; checked
    with hugo 0.168, 16 of 16 builds on a quiet machine; under load another may win, so the
    build is not asserted here): a link through the alias is judged against that page."""
    page = "---\ntitle: {title}\nweight: {weight}\naliases: [/old/]\n---\n\n## {heading}\n"
    small_site(tmp_path, {
        "layouts/home.html": "home",
        "content/docs/18.0/sharding.md": page.format(title="Z", weight=1, heading="Resharding"),
        "content/docs/archive/17.0/sharding.md": page.format(title="A", weight=2, heading="Sharding"),
        "content/docs/1/sharding.md": page.format(title="M", weight=0, heading="Resharding"),
        "content/l.md": "---\ntitle: L\n---\n\n[x](/old/#resharding)\n",
    }, "disableKinds = ['section', 'taxonomy', 'term']\n")  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "out")
    assert "/sharding/" in (tmp_path / "out" / "old" / "index.html").read_text("utf-8")  # one of them
    shutil.rmtree(tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    found = problems("--no-cache")
    assert {p["rule"] for p in found} == {"broken-anchor", "duplicate-url"}
    anchor = next(p for p in found if p["rule"] == "broken-anchor")
    assert "an alias of content/docs/archive/17.0/sharding.md" in anchor["message"]
    assert all("archive/17.0/sharding.md's path sorts last" in p["message"] for p in found if p["rule"] == "duplicate-url")


def test_links_to_markdown_files_are_not_named_among_unknown_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a multilingual site, Hugo's embedded link hook resolves `[x](_index.md)`: md-link
    judges such links, and the broken-link note does not name them as paths no file makes."""
    small_site(tmp_path, {
        "content/en/post/_index.md": "---\ntitle: Posts\n---\n",
        "content/en/_index.md": "---\ntitle: Home\n---\n",
        "content/en/post/hello.md": "---\ntitle: Hello\n---\n\n[home](/_index.md) [me](/post/hello.md)\n",
    }, "defaultContentLanguageInSubdir = true\n[languages.en]\ncontentDir = 'content/en'\n"
       "[languages.fr]\ncontentDir = 'content/fr'\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json"])
    notes = [note for note in json.loads(result.stdout)["summary"]["notes"] if "made by no content" in note]
    assert not any(".md" in note for note in notes), notes


@pytest.mark.hugo
def test_a_themes_link_is_not_a_markdown_link_that_shows_as_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """flux's menu link `/security`, broken on every page, is the template's: the Markdown's
    `[our security considerations](/flux/security)`, of the same name, shows as itself (its
    text, the address the site's link hook found for it), and works."""
    hook = (
        "{{ $link := .Destination }}{{ with .Page.GetPage .Destination }}{{ $link = .RelPermalink }}{{ end }}"
        '<a href="{{ $link | safeURL }}">{{ .Text | safeHTML }}</a>'
    )
    base = (
        '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><nav><a href="/security">Security</a>'
        "</nav><main>{{ .Content }}</main></body></html>"
    )
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook, "layouts/single.html": base, "layouts/list.html": base,
        "content/flux/_index.md": "---\ntitle: Flux\n---\n\nRead [our security considerations](/flux/security).\n",
        "content/flux/security/_index.md": "---\ntitle: Security\n---\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"]) for p in problems("--build") if p["rule"] == "broken-link"]
    assert found == [("public/flux/index.html", 1)]  # two templates write it: which one is not known


@pytest.mark.hugo
def test_a_failed_ref_is_one_finding_beside_a_themes_link_of_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A relref to no page, which Hugo writes `<a href="">FAQ</a>`, is ref-not-found alone
    though the theme's sidebar links `/faq/` with the same text first: that link is no
    address the ref may have made."""
    base = (
        '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><aside><a href="/faq/">FAQ</a></aside>'
        "<main>{{ .Content }}</main></body></html>"
    )
    small_site(tmp_path, {
        "layouts/single.html": base, "layouts/list.html": base,
        "content/docs/a.md": '---\ntitle: A\n---\n\nRead the [FAQ]({{< relref "/faq-migration" >}}) first.\n',
        "content/faq/_index.md": "---\ntitle: FAQ\n---\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["rule"], p["path"], p["line"]) for p in failed_build()["problems"]]
    assert found == [("ref-not-found", "content/docs/a.md", 5)]


@pytest.mark.hugo
def test_a_link_hugo_writes_empty_is_one_finding_beside_a_themes_link_to_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`[TBA](#)`, which Hugo's embedded link hook writes `href=""`, is url-refused's at its
    line, not also an empty link of the HTML, though the theme's menu writes `href="#"`
    before it (dapr's Docsy navbar)."""
    base = (
        '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><nav><a href="#">Menu</a></nav>'
        "<main>{{ .Content }}</main></body></html>"
    )
    small_site(tmp_path, {
        "layouts/single.html": base, "layouts/list.html": base,
        "content/a.md": "---\ntitle: A\n---\n\nContribute [TBA](#) later.\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')
    monkeypatch.chdir(tmp_path)
    expected = [("url-refused", "content/a.md", 5)]
    assert [(p["rule"], p["path"], p["line"]) for p in problems()] == expected
    assert [(p["rule"], p["path"], p["line"]) for p in problems("--build")] == expected


@pytest.mark.hugo
def test_a_fragment_that_names_a_markdown_file_is_told_to_be_a_page_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """carvel's `[overlay](#ytt-overlays.md)` meant the page: the advice says so, not the
    closest heading's id, in the same words with and without a build."""
    small_site(tmp_path, {
        "content/docs/faq.md": "---\ntitle: FAQ\n---\n\n## Overlays\n\nSee [overlay](#ytt-overlays.md).\n",
        "content/docs/ytt-overlays.md": "---\ntitle: Overlays\n---\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    messages = {p["message"] for mode in ([], ["--build"]) for p in problems(*mode) if p["rule"] == "broken-anchor"}
    assert messages == {
        "no heading or element with id 'ytt-overlays.md' on this page; 'ytt-overlays.md' is a file's name, not an id: "
        'link to that page with [text]({{< relref "ytt-overlays.md" >}})'
    }


@pytest.mark.hugo
def test_html_files_copied_from_the_static_folders_are_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """fixit's docs keep a TypeDoc's output in `static/`: Hugo copies it as it is, renders
    none of it; its empty links are not the site's findings, and links to it are good."""
    small_site(tmp_path, {
        "static/api/Foo.html": '<!DOCTYPE html><html><body><a href="">self</a><h2 id="m">M</h2></body></html>',
        "content/a.md": "---\ntitle: A\n---\n\nSee [Foo](/api/Foo.html) and [its m](/api/Foo.html#m).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for mode in ([], ["--build"]):
        result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *mode], catch_exceptions=False)
        report = json.loads(result.stdout)
        assert report["problems"] == []
    assert any("(api/Foo.html) is not checked" in note for note in report["summary"]["notes"])


@pytest.mark.hugo
def test_a_root_link_no_hook_writes_is_broken_when_every_language_is_in_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """With `defaultContentLanguageInSubdir`, Hugo publishes `/en/posts/`, nothing at
    `/posts/`: a figure's `link` and raw HTML's `href`, which Hugo writes as they are, are
    broken; a Markdown link the embedded hook rewrites to `/en/posts/` is not, and is not
    blamed for the figure's. With and without a build."""
    small_site(tmp_path, {
        "content/posts/a.md": '---\ntitle: A\n---\n{{< figure src="/logo.png" alt="Logo" link="/posts/" >}}\n\n'
                              '<a href="/posts/">raw</a>\n\n[md link](/posts/)\n',
        "static/logo.png": "png", "layouts/list.html": SINGLE,
    }, "defaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
       "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-link", [("content/posts/a.md", 4, 1), ("content/posts/a.md", 6, 1)])


@pytest.mark.hugo
def test_links_in_a_call_whose_output_hugo_omits_are_not_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Without `unsafe`, Hugo omits what a `{{% note %}}` whose template writes a `<div>`
    writes: its `[link](#nope)` is no link of the page (raw-html-omitted tells of the call),
    with and without a build."""
    small_site(tmp_path, {
        "layouts/_shortcodes/note.html": '<div class="note">{{ .Inner | markdownify }}</div>',
        "content/a.md": "---\ntitle: A\n---\n\n{{% note %}}\n**bold** with [link](#nope)\n{{% /note %}}\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for mode in ([], ["--build"]):
        assert [(p["rule"], p["line"]) for p in problems(*mode)] == [("raw-html-omitted", 5)]


@pytest.mark.hugo
def test_a_links_words_leave_its_raw_html_tags_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """`[u <b>html</b>](#setup)` shows "u html" (its tag omitted, or an element): it is that
    link, not a ref's `self` before it; both broken links are found, with and without a build."""
    small_site(tmp_path, {
        "content/a.md": '---\ntitle: A\n---\n\n[self]({{< relref "#setup" >}})\n\n[u <b>html</b>](#setup)\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [("content/a.md", 5, 1), ("content/a.md", 7, 1)])


@pytest.mark.hugo
def test_a_fragment_markdownify_sends_home_is_told_how_to_link_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`[install](#install)` in a call's content its template renders with markdownify, with
    Hugo's embedded hook on: Hugo writes `/#install`, the home page's; the advice is the
    page's own address, which works there (the `#install` written does not)."""
    small_site(tmp_path, {
        "layouts/_shortcodes/alert.html": '<div class="alert">{{ .Inner | markdownify }}</div>',
        "layouts/home.html": "<main></main>",
        "content/a.md": "---\ntitle: A\n---\n\n## Install\n\n{{< alert >}}\nSee [install](#install) above.\n{{< /alert >}}\n",
    }, '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (finding,) = [p for p in problems("--source-only") if p["rule"] == "broken-anchor"]
    assert finding["line"] == 8 and finding["message"].endswith("write /a/#install for this page's own)")
    build_site(hugo, tmp_path, tmp_path / "public")
    assert 'href="/#install"' in (tmp_path / "public" / "a" / "index.html").read_text("utf-8")
    (tmp_path / "content" / "a.md").write_text(
        "---\ntitle: A\n---\n\n## Install\n\n{{< alert >}}\nSee [install](/a/#install) above.\n{{< /alert >}}\n"
    )
    shutil.rmtree(tmp_path / "public")
    assert located("broken-anchor") == located("broken-anchor", "--build") == []


@pytest.mark.hugo
def test_a_templates_images_without_alt_are_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """flux's home page: a template's loop writes 825 avatars without alt; that is one
    finding of the page's, not one per image; the Markdown's own image is its own."""
    (tmp_path / "static").mkdir()
    for number in range(1, 9):
        (tmp_path / "static" / f"a{number}.png").write_bytes(b"png")
    (tmp_path / "static" / "x.png").write_bytes(b"png")
    small_site(tmp_path, {
        "layouts/home.html": '<html><body>{{ .Content }}{{ range seq 8 }}<img src="/a{{ . }}.png">{{ end }}</body></html>',
        "content/_index.md": "---\ntitle: Home\n---\n\n![](/x.png)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["message"]) for p in problems("--build") if p["rule"] == "image-alt"]
    assert found[0][0] == "content/_index.md"
    assert found[1:] == [("public/index.html", "8 images the page's templates write have no alt text, the first "
                          "'/a1.png' (line 2): describe what each shows in the template, or mark decorative ones alt=\"\"")]


@pytest.mark.hugo
@pytest.mark.parametrize("blank", [True, False])
def test_the_content_of_an_omitted_call_after_a_blank_line_is_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str, blank: bool
) -> None:
    """Without `unsafe`, a `{{% notice %}}` whose template writes `<div>{{ .Inner }}</div>`
    loses its `<div>`; its content after a blank line is Markdown of the page, its heading's
    id there; right after the call it joins the HTML block, and is omitted with it."""
    gap = "\n" if blank else ""
    small_site(tmp_path, {
        "layouts/_shortcodes/notice.html": '<div class="notice">{{ .Inner }}</div>',
        "content/a.md": f"---\ntitle: A\n---\n\n{{{{% notice %}}}}\n{gap}## Inside Notice\n\ntext\n\n{{{{% /notice %}}}}\n\n"
                        "[x](#inside-notice)\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    expected = [] if blank else [("content/a.md", 13 if blank else 12, 1)]
    assert_located_alike("broken-anchor", expected)


@pytest.mark.hugo
def test_a_block_of_display_math_is_placed_at_its_own_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """anubis: `$$` alone opens a block of display math, shown as text without a math
    renderer; it is placed at its `$$` line, not at an inline `$$ … $$` before it."""
    small_site(tmp_path, {
        "content/m.md": "---\ntitle: M\n---\n\nInline math: $$ \\varphi = 1.618 $$\n\nBlock math:\n\n$$\n"
                        " \\varphi = 1+\\frac{1}{2}\n$$\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("unrendered-markup", [("content/m.md", 5, 14), ("content/m.md", 9, 1)])


@pytest.mark.hugo
def test_an_empty_bold_against_a_word_is_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """nephio's `a workspace is****, see`: a bold whose words were deleted shows its four
    asterisks (checked with hugo 0.168); not `****` between blanks, a password's mask."""
    small_site(tmp_path, {
        "content/t.md": "---\ntitle: T\n---\n\nExplain what a workspace is****, see the issue.\n\n"
                        "The password **** is masked, and ****this too.\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("unrendered-markup", [("content/t.md", 5, 26), ("content/t.md", 7, 34)])


@pytest.mark.hugo
def test_a_templates_links_to_ids_the_page_lacks_are_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """compose's sidebar prints every docs page's table of contents on every page: on the
    others, its links to `#install`… lead nowhere; that is one finding of each page's (one
    template writes them), not one a heading."""
    headings = "".join(f"## Part {number}\n\n" for number in range(1, 8))
    side = '{{ with site.GetPage "/docs/a" }}{{ .TableOfContents }}{{ end }}'
    small_site(tmp_path, {
        "layouts/single.html": f"<html><body><aside>{side}</aside><main>{{{{ .Content }}}}</main></body></html>",
        "layouts/list.html": f"<html><body><aside>{side}</aside></body></html>",
        "content/docs/a.md": f"---\ntitle: A\n---\n\n{headings}",
        "content/docs/b.md": "---\ntitle: B\n---\n\nText.\n",
    }, 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--build") if p["rule"] == "broken-anchor"]
    assert len(found) == 1
    assert found[0]["message"].startswith("7 links the page's templates write lead to ids it does not have (#part-1,")
    assert "(and on 2 other pages)" in found[0]["message"]


@pytest.mark.hugo
def test_a_permalink_of_time_layouts_places_the_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """A permalink token that is a Go time layout (`:2006`, `:Jan2006`, `:_2`) is the date
    formatted so, made a path (checked with hugo 0.168): the section's pages are placed
    and checked, links to them judged, without a build as with one."""
    small_site(tmp_path, {
        "layouts/list.html": SINGLE,
        "content/posts/a.md": "---\ntitle: A\ndate: 2024-05-03T14:07:09Z\n---\n\nSee [b](/2024/may/-3/b/) [x](#nope).\n",
        "content/posts/b.md": "---\ntitle: B\ndate: 2024-05-03\n---\n\nSee [a](/2024/may/-3/a/#nope) [gone](/2024/05/b/).\n",
    }, '[permalinks]\nposts = "/:2006/:Jan/:_2/:slug/"\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("broken-anchor", [("content/posts/a.md", 6, 26), ("content/posts/b.md", 6, 5)])
    assert_located_alike("broken-link", [("content/posts/b.md", 6, 31)])


@pytest.mark.hugo
def test_a_front_matter_hugo_cannot_read_is_one_finding_with_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Front matter never closed: Hugo stops at the page's second line, where it looked for
    its end; that is front-matter-syntax's finding, not another of build-failed's."""
    small_site(tmp_path, {"content/a.md": "---\ntitle: A\n\nNo end.\n", "content/b.md": "---\ntitle: B\n---\n\nFine.\n"})
    monkeypatch.chdir(tmp_path)
    assert [(p["rule"], p["path"], p["line"]) for p in failed_build()["problems"]] == [
        ("front-matter-syntax", "content/a.md", 1)
    ]


@pytest.mark.hugo
def test_a_templates_name_beside_its_id_is_no_duplicate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str) -> None:
    """crossplane's API pages: a template's `<a name="X">` that expands a `<div id="X">`; the
    id takes the links (HTML's rule), as meant: no duplicate id."""
    page = (
        '<html><body><main>{{ .Content }}<span><a class="expansion-link" name="Thing-v1">Thing</a></span>'
        '<div class="collapse" id="Thing-v1">details</div></main></body></html>'
    )
    small_site(tmp_path, {"layouts/single.html": page, "content/a.md": "---\ntitle: A\n---\n\nText.\n"})
    monkeypatch.chdir(tmp_path)
    assert [p for p in problems("--build") if p["rule"] == "duplicate-id"] == []


@pytest.mark.hugo
def test_an_omitted_placeholder_is_the_raw_html_written_not_a_calls_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """`A {{% echo "**y**" %}} b.` writes Markdown Hugo renders (`<strong>`); the page's one
    `<!-- raw HTML omitted -->` is the `<div>` below it, reported there, with and without a build."""
    small_site(tmp_path, {
        "layouts/_shortcodes/echo.html": "{{ .Get 0 }}",
        "content/p.md": '+++\ntitle = "p"\n+++\nA {{% echo "**y**" %}} b.\n\n<div>x</div>\n',
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert_located_alike("raw-html-omitted", [("content/p.md", 6, 1)])


@pytest.mark.hugo
def test_a_fragment_a_hook_writes_twice_is_found_at_its_markdown_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """hugo-book's link hook writes the fragment twice (`/docs/api/#stage#stage`): broken in
    Hugo's output, and found at the Markdown link that made it (kwok's 12)."""
    hook = '{{- $u := urls.Parse .Destination -}}<a href="{{ .Destination }}{{ with $u.Fragment }}#{{ . }}{{ end }}">{{ .Text }}</a>'
    small_site(tmp_path, {
        "layouts/_markup/render-link.html": hook,
        "content/docs/api.md": "---\ntitle: API\n---\n\n## Stage\n",
        "content/docs/user.md": "---\ntitle: User\n---\n\nSee the [stage](/docs/api/#stage).\n",
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [(p["path"], p["line"], p["column"]) for p in problems("--build") if p["rule"] == "broken-anchor"]
    assert found == [("content/docs/user.md", 5, 9)]


@pytest.mark.hugo
@pytest.mark.skipif(shutil.which("git") is None, reason="git")
def test_a_committed_publish_dir_a_later_commit_outdates_is_set_aside_in_a_fresh_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A repository that commits its publishDir: a clone gives every file one time, so the
    files' times cannot tell; a commit of the content after the publish dir's last one does."""
    repo = tmp_path / "repo"
    small_site(repo, {"content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n", "layouts/home.html": "home"})
    build_site(hugo, repo, repo / "public")

    def git(*args: str, cwd: Path = repo, when: int = 1_700_000_000) -> None:
        environment = {**os.environ, "GIT_COMMITTER_DATE": f"{when} +0000", "GIT_AUTHOR_DATE": f"{when} +0000"}
        command = ["git", "-c", "user.email=a@b", "-c", "user.name=t", *args]
        subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=environment)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "built")
    (repo / "content" / "a.md").write_text("+++\ntitle = 'A'\n+++\n\nText, [gone](/nowhere/).\n")
    git("commit", "-qam", "edited", when=1_700_003_600)  # an hour later
    git("clone", "-q", str(repo), str(tmp_path / "clone"), cwd=tmp_path)
    monkeypatch.chdir(tmp_path / "clone")
    output = CliRunner().invoke(main, ["check", "--no-cache"]).output
    assert "public/ was built before content last changed" in output and "broken-link" in output, output


@pytest.mark.hugo
def test_a_templates_ids_written_twice_are_one_finding_of_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """geekdoc puts its icon sprite on each page twice: every icon's id repeats (tinkerbell's
    163 findings); one finding of each page's, grouped across the pages."""
    sprite = '<svg style="display:none">' + "".join(f'<symbol id="icon-{n}"></symbol>' for n in range(8)) + "</svg>"
    small_site(tmp_path, {
        "layouts/single.html": f"<html><body>{sprite}<main>{{{{ .Content }}}}</main>{sprite}</body></html>",
        "content/a.md": "---\ntitle: A\n---\n\nText.\n", "content/b.md": "---\ntitle: B\n---\n\nText.\n",
    }, 'disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap"]\n')  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = [p["message"] for p in problems("--build") if p["rule"] == "duplicate-id"]
    assert len(found) == 1 and found[0].startswith("8 ids the page's templates write are each used twice or more (")
    assert found[0].endswith("(and on 1 other page)")


@pytest.mark.hugo
def test_a_template_that_markdownifies_the_content_loses_it_all(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """`.Content | markdownify` (here through a partial) renders the page's HTML as Markdown
    again: without `unsafe`, one HTML block, omitted whole (checked with the binary; sofastack
    renders its 1,081 posts so). The page's finding names the template, with a build too."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "rules/raw-html-omitted/markdownified", root)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    build_site(hugo, root, tmp_path / "public")
    post = (tmp_path / "public/posts/post/index.html").read_text()
    assert "<!-- raw HTML omitted -->" in post and "Details" not in post and "Intro" not in post
    assert "Its own template" in (tmp_path / "public/notes/note/index.html").read_text()
    monkeypatch.chdir(root)
    for mode in ([], ["--build"]):
        result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *mode])
        found = [(p["path"], p["line"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
        assert found == [("content/posts/post.md", 4, "raw-html-omitted")]


@pytest.mark.hugo
def test_the_same_heading_id_of_two_pages_one_page_shows_is_reported_at_the_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A one-page theme's home prints the content of pages it renders none of (hugo-scroll's
    `render: never` fragments), a list page its pages' summaries (tikv's blog): two headings
    `## Assets` are one id there (checked with the binary), reported with a build at one
    page's heading, once, not at the HTML of a build folder removed since; only when two
    pages alone may be the ones shown (below the list's section, or rendered by none of
    their own)."""
    never = "build:\n  render: never\n"
    small_site(tmp_path, {
        "layouts/home.html": '<html><body>{{ range where site.RegularPages "Section" "parts" }}'
                             "<section>{{ .Content }}</section>{{ end }}</body></html>",
        "layouts/list.html": "<html><body>{{ range .Pages }}<article>{{ .Summary }}</article>{{ end }}</body></html>",
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/parts/_index.md": f"---\ntitle: Parts\n{never}---\n",
        "content/parts/a.md": f"---\ntitle: A\nweight: 1\n{never}---\n\n## Assets\n\nFirst.\n",
        "content/parts/b.md": f"---\ntitle: B\nweight: 2\n{never}---\n\nIntro.\n\n## Assets\n\nSecond.\n",
        "content/blog/one.md": "---\ntitle: One\ndate: 2024-01-02\n---\n\n## News\n\nOne.\n",
        "content/blog/two.md": "---\ntitle: Two\ndate: 2024-01-01\n---\n\n## News\n\nTwo.\n",
        # the same heading on a page /blog/ does not show: not one of the two
        "content/about/news.md": "---\ntitle: About\n---\n\n## News\n\nElsewhere.\n",
    }, 'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n')  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/index.html").read_text().count('<h2 id="assets">') == 2
    assert (tmp_path / "public/blog/index.html").read_text().count('<h2 id="news">') == 2
    monkeypatch.chdir(tmp_path)
    found = problems("--html", "public")
    assert [(p["path"], p["line"], p["rule"]) for p in found] == [
        ("content/blog/two.md", 6, "duplicate-id"), ("content/parts/b.md", 10, "duplicate-id"),
    ]  # fmt: skip
    assert "also that of a heading of content/parts/a.md (line 8), and the page / shows both" in found[1]["message"]


@pytest.mark.hugo
def test_addresses_a_shortcode_writes_without_safe_url_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A shortcode template that writes a parameter as a URL attribute's value (directly or
    through a variable) gets Go's filter: `tel:`, or `https:` after a blank (mattermost's
    `href=" https://…"`), becomes `#ZgotmplZ` (checked with the binary); through safeURL,
    or after fixed text, an address is kept."""
    small_site(tmp_path, {
        "layouts/_shortcodes/tab.html": '<a href="{{ .Get "href" }}">{{ .Get "title" }}</a>',
        "layouts/_shortcodes/card.html": '{{ $u := .Get 0 }}<a href="{{ $u }}">card</a>',
        "layouts/_shortcodes/safe.html": '<a href="{{ .Get "href" | safeURL }}">safe</a>',
        "layouts/_shortcodes/docs.html": '<a href="/docs/{{ .Get "href" }}">docs</a>',
        # Go's URL attributes: not `data-bs-href` (`bs-href`), but any whose name holds `src`
        "layouts/_shortcodes/button.html": '<button data-bs-href="{{ .Get "u" }}" aria-src="{{ .Get "w" }}">b</button>'
                                           '<a href="{{ .Get "h" | default "#" }}">h</a>',
        # one branch through safeURL: the one such a value takes, maybe
        "layouts/_shortcodes/phone.html": '{{ $h := .Get "href" }}{{ if hasPrefix $h "tel:" }}'
                                          '<a href="{{ $h | safeURL }}">p</a>{{ else }}'
                                          '<a href="{{ $h }}">p</a>{{ end }}',
        "content/a.md": '+++\ntitle = "A"\n+++\n\n{{< tab href=" https://x.org/" title="T" >}}\n\n'
                        '{{< card "tel:+15550100" >}}\n\n{{< safe href="tel:+1" >}} {{< docs href="a:b" >}} '
                        '{{< tab href="https://x.org/" >}} {{< phone href="tel:+3" >}}\n\n'
                        '{{< button u="tel:1" w="tel:2" h="tel:3" >}}\n',
    })  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/a/index.html").read_text()
    assert html.count("#ZgotmplZ") == 4 and 'data-bs-href="tel:1"' in html and 'aria-src="#ZgotmplZ"' in html
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--source-only") if p["rule"] == "url-refused"]
    assert [(p["line"], p["column"]) for p in found] == [(5, 1), (7, 1), (11, 1), (11, 1)]
    written = {p["message"].split(" becomes ")[1][:20] for p in found[2:]}
    assert written == {'aria-src="#ZgotmplZ"', 'href="#ZgotmplZ": Go'}


@pytest.mark.hugo
def test_a_finding_a_template_makes_is_placed_in_that_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """What no Markdown line made is sought in the site's templates: an image without alt
    text, an id a partial included twice writes twice, a link to a missing file, each at
    the template that writes it (the project's over the theme's it overrides), not in a
    build folder removed since (kind's sidebar logo, tetragon's `Layer_1`, krew's favicon);
    one no template writes as it is stays at the page's HTML."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><head><link rel="icon" href="{{ "img/favicon.svg" | relURL }}"></head><body>'
                               '{{ partial "logo.html" . }}{{ .Content }}{{ partial "logo.html" . }}'
                               '<a href="{{ printf "/%s/" "gone" }}">x</a></body></html>',
        "layouts/_partials/logo.html": '<svg id="Layer_1"></svg><img src="/img/logo.png">',
        "themes/t/layouts/_partials/logo.html": '<svg id="Layer_1"></svg><img src="/img/logo.png">',
        "static/img/logo.png": "",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n",
    }, 'theme = "t"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap", "home", "section"]\n')  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    monkeypatch.chdir(tmp_path)
    found = {(p["rule"], p["path"], p["line"], p["column"]) for p in problems("--html", "public")}
    assert found == {
        ("image-alt", "layouts/_partials/logo.html", 1, 35),
        ("duplicate-id", "layouts/_partials/logo.html", 1, 10),
        ("broken-link", "layouts/single.html", 1, 40),
        ("broken-link", "public/a/index.html", 2, 50),
    }


@pytest.mark.hugo
def test_a_table_of_contents_of_content_the_page_does_not_show_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """A list template that prints the page's table of contents but not its content
    (lotusdocs' docs section): its links lead to none of the page's headings, which the
    page does not show (checked with the binary); one finding, at the Markdown's first
    such heading, naming the cause. A page that shows its headings keeps its findings."""
    small_site(tmp_path, {
        "layouts/list.html": "<html><body><nav>{{ .TableOfContents }}</nav></body></html>",
        "layouts/single.html": '<html><body><nav><a href="#gone">x</a></nav>{{ .Content }}</body></html>',
        # (its own link to a heading is not on the page either: one finding still)
        "content/docs/_index.md": "---\ntitle: Docs\n---\n\nIntro, see [Setup](#setup).\n\n## Setup\n\nText.\n\n"
                                  "## Usage\n\nText.\n",
        "content/docs/a.md": "---\ntitle: A\n---\n\n## Own\n",
    }, 'disableKinds = ["taxonomy", "term", "rss", "sitemap", "home"]\n')  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public/docs/index.html").read_text()
    assert 'href="#setup"' in html and 'id="setup"' not in html
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--html", "public") if p["rule"] == "broken-anchor"]
    assert [(p["path"], p["line"]) for p in found] == [("content/docs/_index.md", 7), ("layouts/single.html", 1)]
    assert found[0]["message"].startswith("the page does not show its content: none of its headings is on the page")


@pytest.mark.hugo
def test_a_templates_repeated_link_id_is_not_placed_at_raw_html_of_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Docsy's language menu writes `<a href="#" id="navbarDropdown">` twice: not the
    content's raw `<link href="#" itemprop=…>` (jx-docs' posts), which writes no id; the
    template that writes it (checked with the binary)."""
    small_site(tmp_path, {
        "layouts/single.html": '<html><body><nav><a href="#" id="navbarDropdown">A</a></nav>{{ .Content }}'
                               '<footer><a href="#" id="navbarDropdown">B</a></footer></body></html>',
        "content/post.md": '---\ntitle: Post\n---\n\n<div>\n  <link href="#" itemprop="image" />\n'
                           '  <link href="#" itemprop="url" />\n</div>\n',
    }, "[markup.goldmark.renderer]\nunsafe = true\n")  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    monkeypatch.chdir(tmp_path)
    assert located("duplicate-id", "--html", "public") == [("layouts/single.html", 1, 34)]


@pytest.mark.hugo
def test_a_templates_images_told_as_one_are_placed_in_that_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hugo: str
) -> None:
    """Six images a partial writes without alt text are one finding, at the partial that
    writes the first (keptn's hero graphics), not at the page's HTML."""
    images = "".join(f'<img src="/hero-{n}.svg">' for n in range(6))
    small_site(tmp_path, {
        "layouts/single.html": '<html><body>{{ partial "hero.html" . }}{{ .Content }}</body></html>',
        "layouts/_partials/hero.html": f"<div>{images}</div>",
        "content/a.md": "+++\ntitle = 'A'\n+++\n\nText.\n",
    })  # fmt: skip
    build_site(hugo, tmp_path, tmp_path / "public")
    monkeypatch.chdir(tmp_path)
    found = [p for p in problems("--html", "public") if p["rule"] == "image-alt"]
    assert [(p["path"], p["line"], p["column"]) for p in found] == [("layouts/_partials/hero.html", 1, 16)]
    assert found[0]["message"].startswith("6 images the page's templates write have no alt text")

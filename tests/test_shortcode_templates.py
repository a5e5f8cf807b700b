"""Shortcode templates of a site (which exist, which use `.Inner`) and the shortcode rules
that need them: these cases need a site on disk, which rule fixtures do not have."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from validator.config import Config, RuleSetting
from validator.engine import Target, run
from validator.registry import RULES
from validator.settings import SiteConfig
from validator.site import _html_block_after, _html_block_opening, _param_truth, _specialized, load_site

from conftest import check_site

SHORTCODE_RULES = ["shortcode-unknown", "shortcode-unclosed", "shortcode-mismatched", "shortcode-removed"]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    _write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\ntheme = "t"\n')
    layouts = tmp_path / "layouts" / "_shortcodes"
    _write(layouts / "box.html", '<div class="box">{{ $.Inner }}</div>')
    _write(layouts / "note.html", "<aside>{{ .Get 0 }}</aside>")
    _write(layouts / "docs" / "card.json", "{{ .InnerDeindent | jsonify }}")
    _write(layouts / "twitter_simple.html", "<blockquote>{{ .Get \"id\" }}</blockquote>")
    theme = tmp_path / "themes" / "t" / "layouts"
    _write(theme / "_shortcodes" / "note.html", "{{ .Inner }}")  # overridden by the project's
    _write(theme / "shortcodes" / "legacy.html", "{{ with .Inner }}{{ . }}{{ end }}")
    return tmp_path


def _check(site: SiteConfig, root: Path, text: str) -> list[tuple[int, str]]:
    path = root / "content" / "page.md"
    _write(path, text)
    rules = {rule: RuleSetting(RULES[rule].default, RULES[rule].options()) for rule in SHORTCODE_RULES}
    config = Config(path=None, base=root, rules=rules)
    problems = run([Target(str(path), "page.md")], config, site, RULES, jobs=1).problems
    return sorted((p.line, p.rule) for p in problems)


def test_templates_and_inner(site_dir: Path) -> None:
    site = load_site(site_dir)
    assert site.shortcodes == {"box", "note", "docs/card", "twitter_simple", "legacy"}
    assert site.shortcodes_with_inner == {"box", "docs/card", "legacy", "details"}  # Hugo's details too


def test_without_a_site_nothing_is_collected(tmp_path: Path) -> None:
    """No template of the site's: Hugo's embedded ones alone (`details` renders its content)."""
    site = load_site(tmp_path)
    assert site.shortcodes == frozenset()
    assert site.shortcodes_with_inner == site.shortcodes_rendering_inner_in_page == {"details"}


def test_rules_use_the_site_templates(site_dir: Path) -> None:
    text = (
        "---\ntitle: t\n---\n\n"
        "{{< box >}}inner{{< /box >}} {{< note x >}} {{< legacy />}}\n"
        "{{< docs/card >}}x{{< /docs/card >}}\n"
        "{{< youtube 0RKpf3rK57I >}} {{< twitter_simple id=1 >}}\n"  # known; the site overrides
        "{{< boxx >}}\n"  # 8: unknown
        "{{< note x >}}text{{< /note >}}\n"  # 9: note does not use .Inner
        "{{< box >}}\n"  # 10: must be closed
        "{{< tweet 1 >}}\n"  # 11: removed
    )
    assert _check(load_site(site_dir), site_dir, text) == [
        (8, "shortcode-unknown"),
        (9, "shortcode-mismatched"),
        (10, "shortcode-unclosed"),
        (11, "shortcode-removed"),
    ]


def test_inline_shortcodes_when_enabled(site_dir: Path) -> None:
    site = dataclasses.replace(load_site(site_dir), enable_inline_shortcodes=True)
    text = (
        "---\ntitle: t\n---\n\n"
        "{{< year.inline />}}\n"  # 5: used before it is defined
        "{{< year.inline >}}{{ now.Year }}{{< /year.inline >}}\n"
        "{{< year.inline />}}\n"
    )
    assert _check(site, site_dir, text) == [(5, "shortcode-unknown")]


@pytest.mark.hugo
@pytest.mark.parametrize(("call", "refused"), [
    ("{{< note x />}}", True), ("{{% note x /%}}", True), ('{{< figure src="/a.png" />}}', True),
    ("{{< box />}}", False), ("{{< legacy />}}", False), ("{{< note x >}}", False),
])  # fmt: skip
def test_a_self_closed_call_of_a_template_without_inner_stops_the_build(
    site_dir: Path, hugo: str, call: str, refused: bool
) -> None:
    """`{{< x />}}` closes the call: Hugo refuses it, as a closing tag, for a template that
    does not use `.Inner` (checked with hugo 0.168; opentelemetry's)."""
    import subprocess

    _write(site_dir / "layouts" / "single.html", "{{ .Content }}")
    (site_dir / "hugo.toml").write_text('baseURL = "https://example.org/"\n')  # the theme aside
    (site_dir / "layouts" / "_shortcodes" / "legacy.html").write_text("{{ with .Inner }}{{ . }}{{ end }}")
    text = f"---\ntitle: t\n---\n\n{call}\n"
    assert (_check(load_site(site_dir), site_dir, text) == [(5, "shortcode-mismatched")]) is refused
    built = subprocess.run([hugo, "-s", str(site_dir), "-d", str(site_dir / "public")], capture_output=True, text=True)
    assert ("does not evaluate .Inner" in built.stderr + built.stdout) is refused


@pytest.mark.hugo
def test_inner_in_a_branch_a_site_param_turns_off_is_evaluated(site_dir: Path, hugo: str) -> None:
    """Hugo reads a template's whole text for `.Inner`: under an `if` on a site param that
    is false, a closing tag is still allowed (checked with hugo 0.168; paimon's `stable`)."""
    import subprocess

    _write(site_dir / "layouts" / "single.html", "{{ .Content }}")
    (site_dir / "hugo.toml").write_text('baseURL = "https://example.org/"\n[params]\nisStable = false\n')
    _write(site_dir / "layouts" / "_shortcodes" / "stable.html", "{{ if site.Params.isStable }}{{ .Inner }}{{ end }}")
    text = "---\ntitle: t\n---\n\n{{< stable >}}\nOnly in a stable release.\n{{< /stable >}}\n"
    assert _check(load_site(site_dir), site_dir, text) == []
    built = subprocess.run([hugo, "-s", str(site_dir), "-d", str(site_dir / "public")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize(
    ("template", "opening"),
    [
        ('<div class="a">{{ .Inner }}</div>', (True, True, False, False)),
        ('<span class="s">{{ .Inner }}</span>', (True, False, True, False)),  # a lone tag: ends no paragraph
        ('{{ $t := .Get 0 }}\n<div class="{{ $t }}">{{ .Inner }}</div>', (True, True, False, True)),
        ('{{- $t := .Get 0 -}}\n<div class="{{ $t }}">{{- .Inner -}}</div>', (True, True, False, False)),
        ('<div class="e">\n{{ .Inner }}\n</div>', (False, True, False, True)),
        ('<div class="w">{{ with .Get 0 }}<b>{{ . }}</b>{{ end }}{{ .Inner }}</div>', (True, True, False, False)),
        ('{{/* a note */}}\n<aside>{{ $.Inner }}</aside>', (True, True, False, True)),
        ("<div>{{ .InnerDeindent }}</div>", (True, True, False, True)),  # the content at the margin
        ("<span>{{ with .Get 0 }}<b>{{ . }}</b>{{ end }}{{ .Inner }}</span>", None),  # a lone tag, or not
        # none: a blank line ends the block first; the content rendered, or shown as code;
        # printed under a condition, or after output whose lines are not known; text first
        ("<div>\n\n{{ .Inner }}\n</div>", None),
        ("{{ .Inner }}", None),
        ("<div>{{ .Inner | markdownify }}</div>", None),
        ("<pre>{{ .Inner }}</pre>", None),
        ("{{ if .Get 0 }}<div>{{ end }}{{ .Inner }}", None),
        ("<div>{{ if .Get 0 }}{{ .Inner }}{{ end }}</div>", None),
        ('{{ partial "box" . }}<div>{{ .Inner }}</div>', None),
        ("Note: <div>{{ .Inner }}</div>", None),
        ('{{ $_hugo_config := `{ "version": 1 }` }}\n<div>{{ .Inner }}</div>', None),
    ],
)
def test_html_block_a_template_opens(template: str, opening: tuple[bool, bool, bool, bool] | None) -> None:
    """Whether a template's output leaves an HTML block open where it prints the content,
    and how (checked with hugo 0.168: see test_render.py's generated pages)."""
    found = _html_block_opening(template)
    assert (found and (found.on_its_line, found.ends_paragraph, found.needs_line_end, found.own_lines)) == opening


@pytest.mark.parametrize("unsafe", [False, True])
def test_content_joining_the_html_block_a_template_opens(tmp_path: Path, unsafe: bool) -> None:
    """The content of a `{{% notice %}}` whose template writes `<div>{{ .Inner }}` joins
    the HTML block up to its first blank line: no link of its own there (no broken-anchor),
    Markdown shown as written with `unsafe`, omitted with the block without it."""
    problems = check_site(
        tmp_path,
        {
            "layouts/_shortcodes/notice.html": '<div class="notice {{ .Get 0 }}">{{ .Inner }}</div>',
            "content/p.md": "+++\ntitle = 'p'\n+++\n\n{{% notice info %}}\nSee [the setup](#setup) **first**.\n"
            "{{% /notice %}}\n\n{{% notice tip %}}\n\nRendered [here](#nowhere).\n\n{{% /notice %}}\n",
        },
        ["markdown-in-html-block", "raw-html-omitted", "broken-anchor"],
        hugo_config=f'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = {str(unsafe).lower()}\n',
    )
    found = sorted((p.line, p.rule) for p in problems)
    if unsafe:
        assert found == [(6, "markdown-in-html-block"), (11, "broken-anchor")]
        message = next(p.message for p in problems if p.rule == "markdown-in-html-block")
        assert "{{% notice %}} opens (line 5" in message and "leave a blank line after {{% notice %}}" in message
    else:
        assert found == [(5, "raw-html-omitted"), (9, "raw-html-omitted"), (11, "broken-anchor")]
        messages = [p.message for p in problems if p.rule == "raw-html-omitted"]
        assert "its content up to the first blank line with it" in messages[0]
        assert "its content" not in messages[1]  # a blank line after the call: the content is rendered


def test_a_markdown_call_in_a_heading_leaves_its_id_unknown(tmp_path: Path) -> None:
    """A heading holding a `{{% %}}` call gets its id from the call's output, laid into the
    Markdown first; when that is not known (here: `title` is not followed, see
    test_template_text.py for what is), only what the text before the call makes is."""
    problems = check_site(
        tmp_path,
        {
            "layouts/_shortcodes/heading.html": '{{- T (printf "%s_heading" (.Get 0)) | title -}}',
            "i18n/en.toml": 'whatsnext_heading = "What\'s next"\n',
            "content/a.md": "+++\ntitle = 'a'\n+++\n\n[next](#what39s-next) [any](#anything)\n\n"
            '## {{% heading "whatsnext" %}}\n',
            "content/b.md": "+++\ntitle = 'b'\n+++\n\n[step](#step-what39s-next) [wrong](#stop)\n\n"
            '## Step {{% heading "whatsnext" %}}\n',
        },
        ["broken-anchor"],
    )
    assert [(p.path[-4:], p.line, p.column) for p in problems] == [("b.md", 5, 28)]


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("{{ if .Site.Params.a }}A{{ else }}B{{ end }}", {"a": True}, "A"),
        ("{{ if .Site.Params.a }}A{{ else }}B{{ end }}", {}, "B"),
        ("{{- if not site.Params.a -}}A{{ end }}", {"a": "yes"}, ""),
        ("{{ if .Page.Site.Params.a.b }}A{{ if $.Site.Params.c }}C{{ end }}{{ end }}", {"a": {"b": 1}}, "A"),
        # not on a site param alone, an `else if`, a value a missing module may set: kept
        ("{{ if .Params.a }}A{{ end }}", {}, "{{ if .Params.a }}A{{ end }}"),
        ("{{ if .Site.Params.a }}A{{ else if .x }}B{{ end }}", {}, "{{ if .Site.Params.a }}A{{ else if .x }}B{{ end }}"),
        # a `define` only the branch not taken called goes too
        ('{{ if .Site.Params.a }}{{ template "t" . }}{{ end }}{{ define "t" }}T{{ end }}X', {}, "X"),
    ],
)
def test_templates_are_read_as_the_site_params_make_them(template: str, params: dict, expected: str) -> None:
    assert _specialized(template, _param_truth(params, True)) == expected


def test_a_param_a_missing_module_may_set_is_not_known() -> None:
    assert _specialized("{{ if .Site.Params.a }}A{{ end }}", _param_truth({}, False)) == "{{ if .Site.Params.a }}A{{ end }}"


@pytest.mark.parametrize(
    ("template", "after"),
    [
        ('<div class="n">{{ .Inner }}</div>', ("</div>", True, False, False)),
        ("<span>{{ .Inner }}</span>", ("</span>", False, True, False)),  # a lone tag: after a blank line alone
        ("<div>{{ .Inner -}}\n</div>", ("</div>", True, False, False)),  # the line break trimmed
        ("<div>\n{{ .Inner }}\n</div>", ("</div>", True, False, True)),  # at the margin: the top level only
        ('<div class="n">{{ .Inner }}</div>\n', None),  # the file's last line break ends the block
        ("<div>{{ .Inner }}</div>{{ .Get 0 }}", None),  # output after it: not known
        ("{{ .Inner }}", None),
    ],
)
def test_html_block_a_template_opens_after_the_content(template: str, after: tuple | None) -> None:
    """The HTML block a template's output after the content opens when no line break ends
    it, which the text after the call's closing tag joins (checked with hugo 0.168)."""
    found = _html_block_after(template)
    assert (found and (found.shown, found.ends_paragraph, found.needs_line_end, found.own_lines)) == after


@pytest.mark.parametrize(
    ("template", "trims"),
    [
        ('<div class="t">{{ .Inner | strings.TrimSpace }}</div>', True),
        ('<div class="w">{{ trim .Inner "\\n" }}</div>', True),
        ("<div>{{ strings.TrimSpace .Inner | safeHTML }}</div>", True),
        ('<div class="c">{{ chomp .Inner }}</div>', False),  # its end alone: a blank line after the call still helps
    ],
)
def test_content_trimmed_onto_the_tags_line_joins_its_block(tmp_path: Path, template: str, trims: bool) -> None:
    """A template that trims the content's leading blank lines puts it on the tag's line: a
    blank line after the call keeps nothing apart (checked with hugo 0.168)."""
    opening = _html_block_opening(template)
    assert opening is not None and opening.trims == trims and opening.own_lines == trims
    problems = check_site(
        tmp_path,
        {
            "layouts/_shortcodes/t.html": template,
            "content/p.md": "+++\ntitle = 'p'\n+++\n\n{{% t %}}\n\n**bold**\n\nSecond *para*.\n\n{{% /t %}}\n",
        },
        ["markdown-in-html-block"],
        hugo_config='baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n',
    )
    assert [p.line for p in problems] == ([7] if trims else [])


@pytest.mark.parametrize(
    ("template", "renders"),
    [
        ("{{ with .Inner -}}{{ . | markdownify }}{{ else }}{{ errorf \"none\" }}{{ end }}", True),  # chainguard's details
        ("{{ with .Inner }}{{ .Page.Title | markdownify }}{{ . }}{{ end }}", False),  # `.Page`'s, not the content's
        ("{{ with .Inner }}{{ if true }}{{ . | markdownify }}{{ end }}{{ end }}", False),  # a block inside: not followed
    ],
)
def test_the_content_rendered_inside_with_inner(tmp_path: Path, template: str, renders: bool) -> None:
    (tmp_path / "layouts/_shortcodes").mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (tmp_path / "layouts/_shortcodes/details.html").write_text(template)
    assert ("details" in load_site(tmp_path).shortcodes_rendering_inner) == renders


def test_a_legacy_call_in_a_heading_is_not_told_to_use_markdown_notation(tmp_path: Path) -> None:
    """A legacy template's `{{% %}}` call keeps its output out of the Markdown, as a `{{< >}}`
    call's: the heading's id holds its placeholder, and writing it `{{% %}}` is no way out."""
    files = {
        "layouts/_shortcodes/ver.html": '{{ $_hugo_config := `{ "version": 1 }` }}<span>{{ .Get 0 }}</span>',
        "content/a.md": '---\ntitle: A\n---\n\n## Install {{% ver "2.0" %}}\n',
    }
    [found] = check_site(tmp_path, files, ["heading-shortcode-id"])
    assert found.line == 5 and found.message.endswith("add a custom id {#…}")

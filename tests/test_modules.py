"""Themes and module imports: mdcheck finds their layouts where Hugo does (checked against
the real binary), and says when one is not on disk instead of reporting its shortcodes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import build_site
from validator.cli import main
from validator.site import load_site

MODULE = "github.com/example/shortcodes"


def _site(root: Path, config: str) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "content" / "a.md").write_text("---\ntitle: A\n---\n{{< greeting >}}\n")
    (root / "layouts" / "_default").mkdir(parents=True)
    for kind in ("single", "list"):
        (root / "layouts" / "_default" / f"{kind}.html").write_text("{{ .Content }}")
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n' + config)
    return root


def _module(directory: Path, config: str = "") -> None:
    (directory / "layouts" / "_shortcodes").mkdir(parents=True)
    (directory / "layouts" / "_shortcodes" / "greeting.html").write_text(f"Hello from {directory.name}")
    if config:
        (directory / "hugo.toml").write_text(config)


IMPORT = f'[module]\n[[module.imports]]\npath = "{MODULE}"\n'


def _themes_dir(root: Path) -> dict[str, str]:
    _module(root / "themes" / "plain")
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text() + 'theme = "plain"\n')
    return {}


def _import_from_themes_dir(root: Path) -> dict[str, str]:
    _module(root / "themes" / "lib")
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text() + '[module]\n[[module.imports]]\npath = "lib"\n')
    return {}


def _replacement(root: Path) -> dict[str, str]:
    _module(root / "local")  # relative to themesDir, `..` taken lexically
    (root / "hugo.toml").write_text(
        (root / "hugo.toml").read_text() + f'[module]\nreplacements = "{MODULE} -> ../local"\n'
        f'[[module.imports]]\npath = "{MODULE}"\n'
    )
    return {}


def _vendored(root: Path) -> dict[str, str]:
    _module(root / "_vendor" / MODULE)
    (root / "_vendor" / "modules.txt").write_text(f"# {MODULE} v1.0.0\n")
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text() + IMPORT)
    return {}


def _nested(root: Path) -> dict[str, str]:
    (root / "themes" / "outer").mkdir(parents=True)
    (root / "themes" / "outer" / "hugo.toml").write_text('[module]\n[[module.imports]]\npath = "inner"\n')
    _module(root / "themes" / "inner")
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text() + 'theme = "outer"\n')
    return {}


def _environment(root: Path) -> dict[str, str]:
    _module(root / "elsewhere" / "plain")
    _module(root / "replaced")
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text() + 'theme = "plain"\n' + IMPORT)
    return {"HUGO_THEMESDIR": "elsewhere", "HUGO_MODULE_REPLACEMENTS": f"{MODULE} -> {root / 'replaced'}"}


@pytest.mark.hugo
@pytest.mark.parametrize(
    "layout", [_themes_dir, _import_from_themes_dir, _replacement, _vendored, _nested, _environment]
)
def test_module_layouts_are_found_where_hugo_finds_them(hugo: str, tmp_path: Path, monkeypatch, layout) -> None:
    root = _site(tmp_path / "site", "")
    environment = layout(root)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    build_site(hugo, root, tmp_path / "public")
    assert "Hello from" in (tmp_path / "public" / "a" / "index.html").read_text()
    site = load_site(root)
    assert "greeting" in site.shortcodes and site.missing_modules == ()


@pytest.mark.hugo
@pytest.mark.parametrize("from_environment", [False, True])
def test_a_replacement_is_for_an_import_not_a_theme(
    hugo: str, tmp_path: Path, monkeypatch, from_environment: bool
) -> None:
    """Hugo 0.168 applies `module.replacements` (and HUGO_MODULE_REPLACEMENTS) to the paths
    of `module.imports` alone: a `theme` of that path is looked for in themesDir, and missing
    (spinnaker's docsy)."""
    root = _site(tmp_path / "site", f'theme = ["{MODULE}"]\n')
    _module(root / "local")
    replacement = f"{MODULE} -> ../local"
    if from_environment:
        monkeypatch.setenv("HUGO_MODULE_REPLACEMENTS", replacement)
    else:
        config = (root / "hugo.toml").read_text() + f'[module]\nreplacements = "{replacement}"\n'
        (root / "hugo.toml").write_text(config)
    result = subprocess.run([hugo, "-s", str(root), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert "not found" in result.stdout + result.stderr
    assert load_site(root).missing_modules == (MODULE,)


@pytest.mark.hugo
@pytest.mark.parametrize("vendor_list", [False, True])
def test_a_module_not_on_disk_is_missing_as_for_hugo(hugo: str, tmp_path: Path, vendor_list: bool) -> None:
    """Hugo uses `_vendor/` only for the modules its modules.txt lists; without the module
    (and with no Go to fetch it) the build fails."""
    root = _site(tmp_path / "site", IMPORT)
    _module(root / "_vendor" / MODULE)
    if vendor_list:
        (root / "_vendor" / "modules.txt").write_text("# github.com/example/other v1.0.0\n")
    result = subprocess.run([hugo, "-s", str(root), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert "not found" in result.stdout + result.stderr
    assert load_site(root).missing_modules == (MODULE,)


def test_a_missing_theme_is_noted_once_and_its_shortcodes_not_reported(tmp_path: Path, monkeypatch) -> None:
    root = _site(tmp_path, 'theme = ["docsy/theme"]\n')
    (root / "content" / "b.md").write_text("---\ntitle: B\n---\n{{< gist spf13 7896402 >}}\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--source-only", "--no-color"])
    assert "shortcode-unknown" not in result.output
    # a removed embedded one's name is, as the missing theme may define it (toha's gist)
    assert "unless a theme or module that is not on disk has a template of that name" in result.output
    assert result.output.count("theme or module 'docsy/theme' not found (or empty) in themes/") == 1
    assert "HUGO_THEMESDIR" in result.output
    site = load_site(root)
    # the theme may have its hooks
    assert site.hooks_rendering("a.md") == {"render-link", "render-image", "render-blockquote", "render-heading"}


def test_headings_in_a_missing_themes_shortcode_may_be_linked_to(tmp_path: Path, monkeypatch) -> None:
    """A missing theme's template may render its call's content as Markdown, headings and
    all (geekblog's `tab`, a docs theme's `hint`): their ids are taken as the page's, and
    other fragments are still checked."""
    root = _site(tmp_path, 'theme = "foo"\n')
    (root / "content" / "b.md").write_text(
        "---\ntitle: B\n---\n\n{{< hint >}}\n### Inside Hint\n{{< /hint >}}\n\nSee [it](#inside-hint), [x](#gone).\n"
    )
    monkeypatch.chdir(root)
    output = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in output["problems"]] == [
        ("content/b.md", 9, 25, "broken-anchor")
    ]


def test_a_missing_theme_may_replace_hugos_named_only_shortcodes(tmp_path: Path, monkeypatch) -> None:
    """FixIt's `details` reads positional parameters, Hugo's reads named ones only: with the
    theme not on disk, positional ones given to `details` are not reported."""
    root = _site(tmp_path, 'theme = "FixIt"\n')
    (root / "content" / "b.md").write_text('---\ntitle: B\n---\n\n{{< details "View source" >}}x{{< /details >}}\n')
    monkeypatch.chdir(root)
    output = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert "shortcode-params" not in {p["rule"] for p in output["problems"]}
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    output = json.loads(CliRunner().invoke(main, ["check", "--format", "json"]).stdout)
    assert ("content/b.md", "shortcode-params") in [(p["path"], p["rule"]) for p in output["problems"]]


def test_the_projects_static_files_are_known_with_a_theme_missing(tmp_path: Path, monkeypatch) -> None:
    """A missing theme may add static files, not take away the project's (spinnaker's API
    page, a static `.html` file): a link to one is good; one to a file in a folder the
    theme may fill too is left to a build."""
    root = _site(tmp_path, 'theme = ["github.com/google/docsy"]\n')
    (root / "static" / "docs" / "api").mkdir(parents=True)
    (root / "static" / "docs" / "api" / "docs.html").write_text("<html><body>x</body></html>")
    (root / "static" / "images").mkdir()
    (root / "static" / "images" / "a.png").write_text("")
    (root / "content" / "docs").mkdir()
    (root / "content" / "docs" / "b.md").write_text(
        "---\ntitle: B\n---\n[api](/docs/api/docs.html) [a](/images/a.png) [theme's](/images/logo.png) "
        "[gone](/docs/gone/)\n"
    )
    (root / "layouts" / "_markup").mkdir()  # the project's own hook: its links are checked
    (root / "layouts" / "_markup" / "render-link.html").write_text('<a href="{{ .Destination }}">{{ .Text }}</a>')
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--no-color", "-q"])
    assert result.output.count("broken-link") == 1 and "nothing is published at /docs/gone/" in result.output


def test_a_sites_own_hook_goes_before_a_missing_themes(tmp_path: Path) -> None:
    """With the theme missing, its render hooks are unknown, but not for the hooks the site
    has for every page of its own, which go before a theme's (Flux's page-finding link hook);
    Docsy's link and image hooks are known: it has none."""
    root = _site(tmp_path, 'theme = ["congo"]\n')
    hook = (
        "{{ $link := .Destination }}{{ $url := urls.Parse .Destination }}{{ with .Page.GetPage $url.Path }}"
        '{{ $link = .RelPermalink }}{{ end }}<a href="{{ $link | safeURL }}">{{ .Text }}</a>'
    )
    (root / "layouts" / "_default" / "_markup").mkdir()
    (root / "layouts" / "_default" / "_markup" / "render-link.html").write_text(hook)
    site = load_site(root)
    assert site.templates_missing
    hooks = site.hooks_rendering("a.md")
    assert hooks == {"render-link (GetPage)", "render-image", "render-blockquote", "render-heading"}
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text().replace("congo", "docsy"))
    assert load_site(root).hooks_rendering("a.md") == {"render-link (GetPage)", "render-blockquote", "render-heading"}


ASSETS_IMPORT = (
    f'[[module.imports]]\npath = "{MODULE}"\n'
    '[[module.imports.mounts]]\nsource = "scss"\ntarget = "assets/scss"\n'
    '[[module.imports.mounts]]\nsource = "webfonts"\ntarget = "static/webfonts"\n'
)


@pytest.mark.hugo
def test_an_import_whose_mounts_name_no_layouts_holds_no_templates(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """Mounts listed with an import are all Hugo takes of the module (docsy's imports of
    Bootstrap and Font Awesome): its layouts are not used (checked with the binary), and
    missing, it hides no shortcode, render hook or page template."""
    root = _site(tmp_path / "site", f'[module]\nreplacements = "{MODULE} -> ../../module"\n' + ASSETS_IMPORT)
    _module(tmp_path / "module")
    (tmp_path / "module" / "scss").mkdir()
    result = subprocess.run([hugo, "-s", str(root), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert 'template for shortcode "greeting" not found' in result.stdout + result.stderr
    assert "greeting" not in load_site(root).shortcodes
    missing = _site(tmp_path / "missing", "[module]\n" + ASSETS_IMPORT)
    site = load_site(missing)
    assert site.missing_modules == (MODULE,) and not site.templates_missing and site.title_h1 is not None
    assert not site.static_dirs_all and site.hooks_rendering("a.md") == frozenset()
    monkeypatch.chdir(missing)
    output = CliRunner().invoke(main, ["check", "--source-only", "--no-color"]).output
    assert "a.md:4:1: error shortcode-unknown" in output
    assert f"theme or module '{MODULE}' not found" in output
    assert "the files it mounts (assets, static) are unknown" in output


@pytest.mark.hugo
def test_a_theme_whose_own_mounts_name_no_layouts_holds_no_templates(
    hugo: str, tmp_path: Path, monkeypatch
) -> None:
    """A theme's own mounts are all Hugo takes of it too (prometheus-operator's doks mounts
    assets and static alone): its shortcodes are unknown and the build fails (checked with
    the binary); the finding names the template Hugo does not read."""
    root = _site(tmp_path / "site", 'theme = "plain"\n')
    _module(root / "themes" / "plain", '[[module.mounts]]\nsource = "static"\ntarget = "static"\n')
    result = subprocess.run([hugo, "-s", str(root), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert 'template for shortcode "greeting" not found' in result.stdout + result.stderr
    assert "greeting" not in load_site(root).shortcodes
    monkeypatch.chdir(root)
    output = CliRunner().invoke(main, ["check", "--source-only", "--no-color"]).output
    assert (
        'a.md:4:1: error shortcode-unknown template for shortcode "greeting" not found: Hugo does not read '
        "themes/plain/layouts/_shortcodes/greeting.html, as its module's mounts mount no layouts" in output
    )


@pytest.mark.hugo
def test_an_imports_mounts_replace_the_modules_own(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """Mounts listed with an import replace the module's own (docsy's import of Bootstrap,
    whose own config mounts its docs site's content and `dist`), and a content mount of a
    folder that is not there mounts nothing: links to what they would publish are broken
    (checked with hugo 0.168). Before, the module's content made every top folder unsure."""
    root = _site(tmp_path / "site", f'[module]\nreplacements = "{MODULE} -> ../../module"\n' + ASSETS_IMPORT)
    _module(tmp_path / "module", '[[module.mounts]]\nsource = "site/content"\ntarget = "content"\n'
            '[[module.mounts]]\nsource = "dist"\ntarget = "static/docs/dist"\n'
            '[[module.mounts]]\nsource = "nothing"\ntarget = "content"\n')  # fmt: skip
    files = {"scss/x.scss": "a{}", "dist/x.js": "x", "site/content/extra/p.md": "---\ntitle: P\n---\n"}
    for name, text in files.items():
        (tmp_path / "module" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "module" / name).write_text(text)
    links = "[one](/nowhere/) [two](/docs/dist/x.js) [three](/extra/p/)"
    (root / "content" / "a.md").write_text(f"---\ntitle: A\n---\n{links}\n")
    build_site(hugo, root, tmp_path / "public")
    assert not (tmp_path / "public/extra").exists() and not (tmp_path / "public/docs/dist").exists()
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache"])
    found = [(p["line"], p["column"], p["rule"]) for p in json.loads(result.stdout)["problems"]]
    assert found == [(4, 1, "broken-link"), (4, 41, "broken-link")]  # (a file's link is left to the build)


LAYOUT_MOUNTS = (
    '[[module.mounts]]\nsource = "node_modules/pkg/layouts"\ntarget = "layouts"\n'
    '[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n'
    '[[module.mounts]]\nsource = "more"\ntarget = "layouts/_shortcodes/extra"\n'
    '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
)


@pytest.mark.hugo
def test_a_missing_mount_of_partials_leaves_shortcodes_known(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """A mount to `layouts/_partials/…` whose source is missing (HugoBlox's starters) holds
    no shortcode: an unknown one is still reported, as Hugo fails on it (checked with the
    binary)."""
    mounts = (
        '[[module.mounts]]\nsource = "vendor-blox/community"\ntarget = "layouts/_partials/blox/community"\n'
        '[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n'
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
    )
    root = _site(tmp_path / "site", mounts)
    result = subprocess.run([hugo, "-s", str(root), "-d", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0 and 'template for shortcode "greeting" not found' in result.stdout + result.stderr
    assert not load_site(root).templates_missing
    monkeypatch.chdir(root)
    output = CliRunner().invoke(main, ["check", "--source-only", "--no-color"]).output
    assert "content/a.md:4:1: error shortcode-unknown" in output


@pytest.mark.hugo
def test_the_projects_mounts_to_layouts_hold_its_templates(hugo: str, tmp_path: Path, monkeypatch) -> None:
    """Doks mounts its templates from `node_modules`: the shortcodes there, and those of a
    mount to a folder below `layouts`, are the site's (checked with the binary). Before
    `npm install`, they are unknown, and the summary says so."""
    root = _site(tmp_path / "site", LAYOUT_MOUNTS)
    (root / "content" / "a.md").write_text("---\ntitle: A\n---\n{{< greeting >}} {{< extra/deep >}}\n")
    _module(root / "node_modules" / "pkg")
    (root / "more").mkdir()
    (root / "more" / "deep.html").write_text("Deep")
    build_site(hugo, root, tmp_path / "public")
    assert "Hello from pkg Deep" in (tmp_path / "public" / "a" / "index.html").read_text()
    site = load_site(root)
    assert {"greeting", "extra/deep"} <= site.shortcodes and not site.templates_missing
    shutil.rmtree(root / "node_modules")
    site = load_site(root)
    assert site.missing_layout_mounts == ("node_modules/pkg/layouts",) and site.templates_missing
    monkeypatch.chdir(root)
    output = CliRunner().invoke(main, ["check", "--source-only", "--no-color"]).output
    assert "shortcode-unknown" not in output
    assert "layouts mount source 'node_modules/pkg/layouts' not found: shortcode names are not checked" in output
    assert "(run `npm install` first?)" in output


def test_disabled_imports_and_replacement_lists(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        '[module]\nreplacements = ["a -> ../x", "b->../y"]\n'
        '[[module.imports]]\npath = "gone"\ndisable = true\n[[module.imports]]\npath = "a"\n',
    )
    _module(root / "x")
    site = load_site(root)
    assert "greeting" in site.shortcodes and site.missing_modules == ()


def test_an_empty_theme_directory_is_missing(tmp_path: Path) -> None:
    """An empty theme directory is usually a git submodule not checked out."""
    root = _site(tmp_path, 'theme = "paper"\n')
    (root / "themes" / "paper").mkdir(parents=True)
    assert load_site(root).missing_modules == ("paper",)


@pytest.mark.hugo
def test_a_themes_example_site_reads_the_theme_it_is_in(tmp_path: Path, monkeypatch, hugo: str) -> None:
    """A theme's `exampleSite` names the theme its folder holds, which Hugo finds with
    `--themesDir ../..`, as theme authors build it; a themesDir set otherwise is kept."""
    theme = tmp_path / "paper"
    _module(theme, '[markup.goldmark.renderer]\nunsafe = true\n')
    (theme / "layouts" / "single.html").write_text("{{ .Content }}")
    root = theme / "exampleSite"
    root.mkdir()
    (root / "content").mkdir()
    (root / "content" / "a.md").write_text("---\ntitle: A\n---\n{{< greeting >}} <kbd>k</kbd>\n")
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntheme = "paper"\n')
    subprocess.run([hugo, "-s", str(root), "--themesDir", "../..", "--quiet"], check=True, capture_output=True)
    html = (root / "public" / "a" / "index.html").read_text()
    site = load_site(root)
    assert "Hello from paper" in html and "greeting" in site.shortcodes and site.missing_modules == ()
    assert site.markup.unsafe is ("<kbd>" in html)  # the theme's config is merged as Hugo merges it
    assert site.config_notes == ("theme 'paper' read from the folder its example site is in, "
                                 "as `hugo --themesDir ../..` finds it",)  # fmt: skip
    monkeypatch.chdir(theme)
    result = CliRunner().invoke(main, ["check", "--source-only"])
    assert "read from the folder its example site is in" in result.output, result.output
    monkeypatch.setenv("HUGO_THEMESDIR", "themes")
    assert load_site(root).missing_modules == ("paper",)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntheme = "other"\n')
    monkeypatch.delenv("HUGO_THEMESDIR")
    assert load_site(root).missing_modules == ("other",)


@pytest.mark.parametrize("loads_katex", [False, True])
def test_display_math_with_a_theme_that_loads_a_math_renderer(tmp_path: Path, monkeypatch, loads_katex: bool) -> None:
    """mdcheck's own rendering has no theme: `$$…$$` is left to KaTeX when a template names
    it, not in a comment."""
    root = _site(tmp_path, 'theme = "paper"\n')
    (root / "content" / "a.md").write_text("---\ntitle: A\n---\n$$\nx^2\n$$\n")
    _module(root / "themes" / "paper")
    script = '<script src="/katex.min.js"></script>' if loads_katex else "<footer></footer>"
    # a KaTeX URL in a comment loads nothing (bearcub's hooks)
    script += "<!-- https://example.org/render-codeblock-katex.html -->{{/* katex */}}"
    (root / "themes" / "paper" / "layouts" / "partials").mkdir()
    (root / "themes" / "paper" / "layouts" / "partials" / "foot.html").write_text(script)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--no-color"])
    assert ("display math shown as text" in result.output) is not loads_katex
    assert load_site(root).math_renderer is loads_katex


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("hugo.toml", "[params.features.math.services.katex]\ndisplay = true\n"),  # a params key (toha's)
        ("themes/paper/assets/scripts/application.js", "import 'features/math';\n"),
        ("themes/paper/assets/scripts/features/math/index.js", "import renderMathInElement from 'katex/auto';\n"),
        ("assets/js/app.ts", "window.MathJax = {tex: {}};\n"),
    ],
)
def test_a_math_renderer_a_params_key_or_a_script_names(tmp_path: Path, where: str, text: str) -> None:
    """A theme that bundles its scripts with `js.Build` loads KaTeX by a fingerprinted name
    alone: a script of the site's or a theme's assets that names it (in its path or text)
    tells, as does a params table named for it; a script without it tells nothing."""
    root = _site(tmp_path, 'theme = "paper"\n')
    _module(root / "themes" / "paper")
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    with (root / where).open("a") as file:
        file.write(text)
    site = load_site(root)
    assert site.math_renderer is (text != "import 'features/math';\n")
    assert site.math_in_scripts is where.endswith(("index.js", ".ts"))  # what a built page may hide


def test_pages_are_read_in_their_language(tmp_path: Path, monkeypatch) -> None:
    """A page's language: a code in its file name, else its Hugo language's `locale` (or
    `languageCode`); repeated-word reads English pages only by default, and heading-typo
    spells each page with its language's dictionary."""
    root = _site(
        tmp_path,
        'languageCode = "de-DE"\n[languages.de]\nweight = 1\n[languages.english]\nlocale = "en-GB"\nweight = 2\n',
    )
    (root / "content" / "a.md").write_text("---\ntitle: Konfigurration\n---\nDinge, die die Welt braucht.\n")
    (root / "content" / "b.english.md").write_text("---\ntitle: B\n---\n## Dinge\n\nThe the end.\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--source-only", "--no-color", "--format", "json"])
    found = {(p["path"], p["rule"], p["line"]) for p in json.loads(result.output)["problems"]}
    assert ("content/b.english.md", "repeated-word", 6) in found
    assert ("content/b.english.md", "heading-typo", 4) not in found  # no English word is near "Dinge"
    assert {f for f in found if f[0] == "content/a.md"} == {("content/a.md", "heading-typo", 2)}
    site = load_site(root)
    assert site.text_language(None) == "de-DE" and site.text_language("english") == "en-GB"


@pytest.mark.hugo
def test_headings_only_hugo_writes_are_spelled_in_their_pages_language(
    tmp_path: Path, hugo: str, monkeypatch
) -> None:
    """A shortcode's heading on a French page is French; a word the site lists as right
    (.mdcheck-words.txt) is right in the HTML too."""
    root = _site(tmp_path, '[languages.en]\nweight = 1\n[languages.fr]\nlocale = "fr-FR"\nweight = 2\n')
    (root / "layouts" / "_shortcodes").mkdir(parents=True)
    (root / "layouts" / "_shortcodes" / "heading.html").write_text("<h2>{{ .Get 0 }}</h2>\n")
    (root / "layouts" / "_shortcodes" / "greeting.html").write_text("Hello")
    (root / "content" / "b.fr.md").write_text('---\ntitle: B\n---\n{{< heading "Exemples" >}}\n')
    (root / "content" / "c.md").write_text('---\ntitle: C\n---\n{{< heading "Exemples and Contet" >}}\n')
    (root / ".mdcheck-words.txt").write_text("Contet\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--build", "--format", "json"])
    found = [(p["path"], p["message"]) for p in json.loads(result.output)["problems"] if p["rule"] == "heading-typo"]
    assert found == [("content/c.md", "'Exemples' in heading looks like a typo of 'Examples' "
                      "(add the word to .mdcheck-words.txt if it is right)")]


def test_a_go_mod_replace_with_a_local_directory_is_where_the_module_is(tmp_path: Path) -> None:
    """Go, and so Hugo, take a module that the site's go.mod replaces with a directory from
    there (a theme's example site: `replace github.com/x/theme => ../`). Checked without
    the binary: Hugo needs Go for modules."""
    root = _site(tmp_path / "theme" / "demo", IMPORT + '[[module.imports]]\npath = "example.org/b"\n'
                 '[[module.imports]]\npath = "example.org/remote"\n')
    _module(tmp_path / "theme")
    (root / "go.mod").write_text(
        "module example.org/demo // the example site\n\ngo 1.22\n\n"
        f"replace {MODULE} => ../ // the theme itself\n"
        "replace (\n"
        '    "example.org/b" v1.2.0 => ./b\n'
        "    example.org/remote => example.org/fork v1.0.0\n"
        ")\n"
        f"require {MODULE} v1.0.0\n"
    )
    _module(root / "b")
    site = load_site(root)
    assert "greeting" in site.shortcodes
    assert site.missing_modules == ("example.org/remote",)


@pytest.mark.parametrize("where", ["HUGO_CACHEDIR", "cacheDir", "GOMODCACHE"])
def test_a_module_hugo_downloaded_is_read_from_its_cache(tmp_path: Path, monkeypatch, where: str) -> None:
    """`hugo mod get` (or a build) downloads a module into Go's module cache, below Hugo's
    modules cache, which Hugo gives Go as GOPATH: `<cacheDir>/modules/filecache/modules/
    pkg/mod/<path>@<version>`, capitals written `!` and the lower-case letter, at the version
    the site's go.mod requires; a module's own go.mod tells the versions of those it
    imports. (This machine has no Go, which Hugo needs to fill the cache: the layout is
    Go's, as Hugo's error messages name it.)"""
    theme = "github.com/Example/Theme/v2"
    root = _site(tmp_path / "site", f'[module]\n[[module.imports]]\npath = "{theme}"\n')
    (root / "go.mod").write_text(f"module example.org/site\n\ngo 1.22\n\nrequire (\n\t{theme} v2.3.0 // indirect\n)\n")
    cache = tmp_path / "cache"
    mod = cache / "modules" / "filecache" / "modules" / "pkg" / "mod"
    if where == "GOMODCACHE":
        mod = tmp_path / "gomodcache"
        monkeypatch.setenv("GOMODCACHE", str(mod))
    elif where == "HUGO_CACHEDIR":
        monkeypatch.setenv("HUGO_CACHEDIR", str(cache))
    else:
        (root / "hugo.toml").write_text(f'cacheDir = "{cache}"\n' + (root / "hugo.toml").read_text())
    cached = mod / "github.com" / "!example" / "!theme" / "v2@v2.3.0"
    _module(cached, '[module]\n[[module.imports]]\npath = "github.com/x/inner"\n')
    (cached / "go.mod").write_text("module x\nrequire github.com/x/inner v0.1.0\n")
    (mod / "github.com" / "!example" / "!theme" / "v2@v1.0.0" / "layouts").mkdir(parents=True)  # not the one required
    inner = mod / "github.com" / "x" / "inner@v0.1.0" / "layouts" / "_shortcodes"
    inner.mkdir(parents=True)
    (inner / "note.html").write_text("{{ .Inner }}")
    site = load_site(root)
    assert {"greeting", "note"} <= site.shortcodes and site.missing_modules == ()


def test_many_missing_modules_are_named_three_at_most(tmp_path: Path, monkeypatch) -> None:
    """A site of five modules, none vendored: the note names three and counts the rest."""
    imports = "".join(f'[[module.imports]]\npath = "github.com/x/m{n}"\n' for n in range(5))
    root = _site(tmp_path, imports)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--source-only", "--no-color"])
    assert "themes or modules 'github.com/x/m0', 'github.com/x/m1', 'github.com/x/m2' and 2 more not found" in (
        result.output
    )

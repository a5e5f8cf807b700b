"""Tests for validator.site: config loading, shortcodes, content roots and URL prediction."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.addresses import Writer
from validator.cli import main
from validator.config import load_preset
from validator.engine import Rendering, Target, run
from validator.frontmatter import split_front_matter
from validator.hugo import find_binary
from validator.registry import RULES
from validator.targets import collect_targets
from validator.settings import Language, Markup, SiteConfig
from validator.site import (
    _MARKDOWNIFIES_CONTENT,
    _vercel_rule,
    ContentRoot,
    SiteConfigError,
    alias_urls,
    content_roots,
    find_site_root,
    load_site,
    missing_modules_notes,
    predict_url,
    written_ids,
    writes_html,
)

# --- Helpers -----------------------------------------------------------------------------------


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def to_toml(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> str:
    """A small TOML writer for nested tables of strings, numbers, bools and string lists."""
    scalars = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    tables = [(k, v) for k, v in data.items() if isinstance(v, dict)]
    lines = [f"[{'.'.join(prefix)}]"] if prefix and (scalars or not tables) else []
    lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in scalars]
    text = "\n".join(lines) + "\n"
    return text + "".join(to_toml(value, (*prefix, key)) for key, value in tables)


def dump(data: dict[str, Any], fmt: str) -> str:
    if fmt == "toml":
        return to_toml(data)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def site_with(tmp_path: Path, config: str) -> SiteConfig:
    write(tmp_path, "hugo.toml", config)
    return load_site(tmp_path)


# A config setting every key mdcheck reads to a non-default value (keys in Hugo's camelCase).
FULL: dict[str, Any] = {
    "baseURL": "https://example.org/blog/",
    "contentDir": "src",
    "publishDir": "dist",
    "uglyURLs": True,
    "theme": ["alpha", "beta"],
    "themesDir": "vendor/themes",
    "defaultContentLanguage": "fr",
    "defaultContentLanguageInSubdir": True,
    "enableEmoji": True,
    "refLinksErrorLevel": "warning",
    "refLinksNotFoundURL": "/404-ref",
    "disablePathToLower": True,
    "removePathAccents": True,
    "security": {"enableInlineShortcodes": True},
    "taxonomies": {"tag": "tags", "series": "series"},
    "permalinks": {
        "posts": "/:year/:slug/",
        "page": {"docs": "/d/:sections/:filename/"},
        "section": {"docs": "/documentation/"},
    },
    "languages": {
        "en": {"weight": 2, "languageName": "English"},
        "fr": {"weight": 1, "languageName": "Français", "contentDir": "src.fr"},
    },
    "markup": {
        "goldmark": {
            "renderer": {"unsafe": True, "hardWraps": True, "xhtml": True},
            "parser": {
                "autoHeadingID": False,
                "autoIDType": "github-ascii",
                "attribute": {"title": False, "block": True},
            },
            "extensions": {
                "typographer": {"disable": True},
                "footnote": {"enable": False, "enableAutoIDPrefix": True},
                "linkify": False,
                "strikethrough": False,
                "table": False,
                "definitionList": False,
                "taskList": False,
                "passthrough": {"enable": True},
            },
            "renderHooks": {"link": {"useEmbedded": "always"}, "image": {"useEmbedded": "never"}},
        }
    },
}

FULL_MARKUP = Markup(
    unsafe=True,
    auto_heading_id=False,
    id_type="github-ascii",
    attribute_title=False,
    attribute_block=True,
    link_use_embedded="always",
    image_use_embedded="never",
    typographer=False,
    footnote=False,
    footnote_auto_id_prefix=True,
    linkify=False,
    strikethrough=False,
    table=False,
    definition_list=False,
    task_list=False,
    passthrough=True,
    hard_wraps=True,
    xhtml=True,
    enable_emoji=True,
    embedded_links=True,
    embedded_images=False,
)


def make_themes(root: Path) -> None:
    """Themes in `vendor/themes`: `alpha` names `gamma` in its config; `beta`'s theme.toml is metadata."""
    write(root, "layouts/_shortcodes/site.html", "")
    write(root, "layouts/_shortcodes/group/inner.en.html", "")
    write(root, "layouts/shortcodes/legacy.html", "")
    write(root, "layouts/docs/_shortcodes/sectioned.html", "")
    write(root, "layouts/_shortcodes/.hidden.html", "")
    write(root, "vendor/themes/alpha/hugo.toml", 'theme = "gamma"\n')
    write(root, "vendor/themes/alpha/layouts/_shortcodes/alpha.amp.html", "")
    write(root, "vendor/themes/beta/layouts/shortcodes/beta.html.html", "")
    write(root, "vendor/themes/beta/theme.toml", 'theme = "delta"\n')  # Hugo does not follow theme.toml
    write(root, "vendor/themes/delta/layouts/_shortcodes/delta.html", "")
    write(root, "vendor/themes/gamma/config/_default/hugo.yaml", "theme: alpha\n")  # a cycle: ignored
    write(root, "vendor/themes/gamma/layouts/_shortcodes/nested/gamma.txt", "")


def assert_full(site: SiteConfig, root: Path) -> None:
    assert site.root == root
    assert site.base_url == "https://example.org/blog/"
    assert (site.content_dir, site.publish_dir) == ("src", "dist")
    assert site.ugly_urls is True and site.ugly_url_sections == frozenset()
    assert site.themes == ("alpha", "beta") and site.themes_dir == "vendor/themes"
    assert site.default_language == "fr" and site.default_language_in_subdir is True
    assert site.languages == (
        Language("fr", "src.fr", 1, "Français"),
        Language("en", "src", 2, "English"),
    )
    assert site.markup == FULL_MARKUP
    assert site.enable_inline_shortcodes is True
    assert (site.ref_links_error_level, site.ref_links_not_found_url) == ("WARNING", "/404-ref")
    assert site.disable_path_to_lower is True and site.remove_path_accents is True
    assert site.taxonomies == (("series", "series"), ("tag", "tags"))
    assert site.permalinks == (
        ("page:posts", "/:year/:slug/"),
        ("term:posts", "/:year/:slug/"),
        ("page:docs", "/d/:sections/:filename/"),
        ("section:docs", "/documentation/"),
    )
    assert site.shortcodes == {"site", "group/inner", "legacy", "sectioned", "alpha", "beta", "nested/gamma"}


# --- Finding the site --------------------------------------------------------------------------


def test_find_site_root_walks_up_from_files_and_dirs(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", "")
    page = write(tmp_path, "content/posts/deep/page.md", "")
    assert find_site_root(page) == tmp_path
    assert find_site_root(page.parent) == tmp_path
    assert find_site_root(tmp_path) == tmp_path


def test_a_config_file_without_a_site_beside_it_is_no_site_root(tmp_path: Path) -> None:
    """NumPy's `content/en/config.yaml` holds a language's settings: the site is above it.
    With no site above, the nearest config file is taken."""
    write(tmp_path, "config.yaml", "")
    page = write(tmp_path, "content/en/news.md", "")
    write(tmp_path, "content/en/config.yaml", "")
    assert find_site_root(page) == tmp_path
    assert find_site_root(tmp_path / "content") == tmp_path
    (tmp_path / "config.yaml").unlink()
    (tmp_path / "content").rename(tmp_path / "notes")
    assert find_site_root(tmp_path / "notes/en/news.md") == tmp_path / "notes/en"


@pytest.mark.parametrize(
    "name", ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.json"]
)
def test_find_site_root_accepts_every_config_name(tmp_path: Path, name: str) -> None:
    write(tmp_path / "site", name, "{}" if name.endswith("json") else "")
    assert find_site_root(tmp_path / "site" / "content") == tmp_path / "site"


def test_find_site_root_keeps_symlinks_and_normalizes_dots(tmp_path: Path) -> None:
    write(tmp_path, "real/hugo.toml", "")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert find_site_root(tmp_path / "link" / "content" / ".." / "x.md") == tmp_path / "link"


def test_find_site_root_accepts_a_config_dir_and_stops_at_the_nearest(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", "")
    write(tmp_path, "themes/t/exampleSite/config/_default/hugo.toml", "")
    assert find_site_root(tmp_path / "themes/t/exampleSite/content/x.md") == tmp_path / "themes/t/exampleSite"
    assert find_site_root(tmp_path / "themes/t/layouts") == tmp_path


def test_no_config_gives_hugo_defaults(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    assert find_site_root(tmp_path / "content") is None
    # but for the templates: the site's are elsewhere, whether they print an h1 unknown
    assert load_site(tmp_path / "content") == dataclasses.replace(SiteConfig(), title_h1=None)
    assert content_roots(SiteConfig()) == []


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_an_empty_config_gives_hugo_defaults(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, f"hugo.{fmt}", "{}" if fmt == "json" else "")
    site = load_site(tmp_path)
    assert site.root == tmp_path and site.config_files == (tmp_path / f"hugo.{fmt}",)
    assert dataclasses.replace(site, root=None, config_files=(), static_dirs=None, asset_dirs=None) == SiteConfig()
    assert site.static_dirs == ((str(tmp_path / "static"), ""),)
    assert site.asset_dirs == ((str(tmp_path / "assets"), ""),)
    assert content_roots(site) == [ContentRoot("en", tmp_path / "content")]


# --- Reading every key -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_every_key_from_one_file(tmp_path: Path, fmt: str) -> None:
    make_themes(tmp_path)
    write(tmp_path, f"hugo.{fmt}", dump(FULL, fmt))
    assert_full(load_site(tmp_path / "src"), tmp_path)


def test_every_key_from_a_config_dir(tmp_path: Path) -> None:
    """config/_default/ files named after a key hold that key's table (wrapped or not)."""
    make_themes(tmp_path)
    root_keys = {k: v for k, v in FULL.items() if k not in ("markup", "languages", "permalinks", "security")}
    write(tmp_path, "config/_default/hugo.toml", to_toml(root_keys))
    write(tmp_path, "config/_default/markup.yaml", yaml.safe_dump(FULL["markup"], sort_keys=False))
    write(tmp_path, "config/_default/languages.toml", to_toml(FULL["languages"]))
    write(tmp_path, "config/_default/permalinks.json", json.dumps({"permalinks": FULL["permalinks"]}))
    write(tmp_path, "config/_default/security.toml", "enableInlineShortcodes = true\n")
    write(tmp_path, "config/_default/params.toml", "x = 1\n")
    write(tmp_path, "config/_default/menus.en.toml", "[[main]]\nname = 'Home'\n")
    site = load_site(tmp_path)
    assert_full(site, tmp_path)
    assert site.config_files[0] == tmp_path / "config/_default/hugo.toml"
    assert len(site.config_files) == 7


def test_config_dir_overrides_root_file_and_environment_overrides_default(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'baseURL = "https://root.org/"\ncontentDir = "c1"\npublishDir = "p1"\n')
    write(tmp_path, "config/_default/hugo.toml", 'contentDir = "c2"\npublishDir = "p2"\n')
    write(tmp_path, "config/production/hugo.toml", 'publishDir = "p3"\n')
    production = load_site(tmp_path)
    assert (production.base_url, production.content_dir, production.publish_dir) == ("https://root.org/", "c2", "p3")
    assert load_site(tmp_path, environ={"HUGO_ENVIRONMENT": "development"}).publish_dir == "p2"


def test_hugo_config_wins_over_config_and_toml_over_yaml(tmp_path: Path) -> None:
    write(tmp_path, "config.toml", 'contentDir = "from-config"\n')
    write(tmp_path, "hugo.yaml", "contentDir: from-hugo-yaml\n")
    assert load_site(tmp_path).content_dir == "from-hugo-yaml"
    write(tmp_path, "hugo.toml", 'contentDir = "from-hugo-toml"\n')
    site = load_site(tmp_path)
    assert site.content_dir == "from-hugo-toml" and site.config_files == (tmp_path / "hugo.toml",)


def test_keys_are_case_insensitive(tmp_path: Path) -> None:
    site = site_with(tmp_path, 'BASEURL = "https://x.org/"\n[MarkUp.GoldMark.Renderer]\nUNSAFE = true\n')
    assert site.base_url == "https://x.org/" and site.markup.unsafe is True


def test_values_are_weakly_typed_as_in_hugo(tmp_path: Path) -> None:
    site = site_with(tmp_path, 'enableEmoji = "true"\nuglyURLs = "true"\n[markup.goldmark.renderer]\nunsafe = 1\n')
    assert site.markup.enable_emoji and site.ugly_urls and site.markup.unsafe


@pytest.mark.parametrize(
    ("config", "field", "value"),
    [
        ('[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"', "id_type", "blackfriday"),
        (
            '[markup.goldmark.parser]\nautoIDType = "github"\nautoHeadingIDType = "blackfriday"',
            "id_type",
            "blackfriday",
        ),
        ("[markup.goldmark.parser]\nattribute = false", "attribute_title", False),
        ("[markup.goldmark.extensions]\ntypographer = false", "typographer", False),
        ("[markup.goldmark.extensions]\ntypographer = true", "typographer", True),
        ("[markup.goldmark.extensions]\nfootnote = false", "footnote", False),
        ("[markup.goldmark.renderHooks.link]\nenableDefault = true", "link_use_embedded", "fallback"),
        ("[markup.goldmark.renderHooks.link]\nenableDefault = true", "embedded_links", True),
        ("[markup.goldmark.renderHooks.image]\nenableDefault = false", "image_use_embedded", "never"),
        ('[markup.goldmark.renderHooks.image]\nuseEmbedded = "fallback"', "embedded_images", True),
    ],
)
def test_legacy_and_alternative_markup_keys(tmp_path: Path, config: str, field: str, value: Any) -> None:
    assert getattr(site_with(tmp_path, config + "\n").markup, field) == value


@pytest.mark.parametrize(
    ("config", "links", "images"),
    [
        ("", False, False),
        ("[languages.en]\n", True, True),  # one language in a table is enough (checked with 0.168)
        ("[languages.en]\n[languages.fr]\n", True, True),
        ('[languages.en]\n[languages.fr]\n[markup.goldmark.renderHooks.link]\nuseEmbedded = "never"\n', False, True),
        ("[languages.en]\n[languages.fr]\n[markup.goldmark]\nduplicateResourceFiles = true\n", False, False),
        ('[languages.en]\nbaseURL = "https://en.org/"\n[languages.fr]\nbaseURL = "https://fr.org/"\n', False, False),
    ],
)
def test_embedded_hooks_auto_on_single_host_sites_with_languages(
    tmp_path: Path, config: str, links: bool, images: bool
) -> None:
    markup = site_with(tmp_path, config).markup
    assert (markup.embedded_links, markup.embedded_images) == (links, images)


def test_removed_enable_default_is_noted(tmp_path: Path) -> None:
    """Hugo 0.168 fails the build on `enableDefault` (removed in 0.148): the summary says so."""
    site = site_with(tmp_path, "[markup.goldmark.renderHooks.link]\nenableDefault = true\n")
    assert site.config_notes == (
        "hugo.toml: markup.goldmark.renderHooks.link.enableDefault: removed in Hugo 0.148, later versions fail "
        'the build; use `useEmbedded` ("fallback" for true)',
    )


def test_removed_build_key_in_the_config_cascade_is_noted(tmp_path: Path) -> None:
    """Hugo 0.168 fails the build on a cascade's `_build` (removed in 0.145), in the config
    as in front matter: the summary says so."""
    site = site_with(tmp_path, '[[cascade]]\n[cascade._target]\npath = "/x/**"\n[cascade._build]\nrender = "never"\n')
    assert site.config_notes == (
        "hugo.toml: cascade `_build`: removed in Hugo 0.145, later versions fail the build; rename it `build`",
    )


@pytest.mark.parametrize(
    ("layouts", "content_path", "page_type", "writers"),
    [
        ({}, "a.md", None, ("goldmark", "goldmark")),
        ({"_markup/render-link.html": '<a href="{{ .Destination }}">'}, "a.md", None, ("filtering", "goldmark")),
        ({"_markup/render-link.html": '<a href="{{ .Destination | safeURL }}">'}, "a.md", None, ("as-is", "goldmark")),
        # the most specific hook: a section's, or one of the page's type
        ({"_markup/render-link.html": "<a href={{ .Destination }}>", "docs/_markup/render-link.html": "safeURL"},
         "docs/a.md", None, ("as-is", "goldmark")),
        ({"_markup/render-link.html": "<a href={{ .Destination }}>", "docs/_markup/render-link.html": "safeURL"},
         "blog/a.md", "docs", ("as-is", "goldmark")),
        ({"_markup/render-link.html": "<a href={{ .Destination }}>", "docs/_markup/render-link.html": "safeURL"},
         "blog/a.md", None, ("filtering", "goldmark")),
        ({"_default/_markup/render-image.html": '<img src="{{ .Destination }}">'},
         "a.md", None, ("goldmark", "filtering")),
        # a hook whose partial writes the address: not known
        ({"_markup/render-link.html": '{{ partial "link.html" (dict "Destination" .Destination) }}'},
         "a.md", None, ("as-is", "goldmark")),
    ],
)
def test_address_writers(
    tmp_path: Path, layouts: dict[str, str], content_path: str, page_type: str | None, writers: tuple[str, str]
) -> None:
    for name, text in layouts.items():
        write(tmp_path, f"layouts/{name}", text)
    assert tuple(writer.kind for writer in site_with(tmp_path, "").address_writers(content_path, page_type)) == writers


def test_embedded_hooks_write_addresses_unless_the_site_has_its_own(tmp_path: Path) -> None:
    config = '[markup.goldmark.renderHooks.link]\nuseEmbedded = "fallback"\n'
    assert site_with(tmp_path, config).address_writers("a.md") == (Writer("embedded", "all"), Writer("goldmark"))
    hook = '{{ $u := urls.Parse .Destination }}<a href="{{ .Destination | safeURL }}">'
    write(tmp_path, "layouts/_markup/render-link.html", hook)
    assert site_with(tmp_path, config).address_writers("a.md") == (Writer("as-is", "local"), Writer("goldmark"))
    always = '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n'
    assert site_with(tmp_path, always).address_writers("a.md") == (Writer("embedded", "all"), Writer("goldmark"))


def test_legacy_root_enable_inline_shortcodes(tmp_path: Path) -> None:
    assert site_with(tmp_path, "enableInlineShortcodes = true\n").enable_inline_shortcodes is True


def test_ugly_urls_per_section(tmp_path: Path) -> None:
    site = site_with(tmp_path, "[uglyURLs]\nposts = true\ndocs = false\n")
    assert site.ugly_urls is False and site.ugly_url_sections == {"posts"}
    assert predict_url(site, "posts/a.md", {}) == "/posts/a.html"
    assert predict_url(site, "docs/a.md", {}) == "/docs/a/"


def test_theme_string_taxonomy_alias_and_languages(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        'theme = "one"\ndisableLanguages = ["de"]\n[indexes]\ncategory = "categories"\nempty = ""\n'
        '[languages.en]\nweight = 0\n[languages.de]\nweight = 1\n[languages.nl]\nweight = 3\nlabel = "NL"\n'
        '[languages.fr]\nweight = 2\ncontentDir = "content/fr"\ndisabled = false\n',
    )
    assert site.themes == ("one",)
    assert site.taxonomies == (("category", "categories"),)
    assert [lang.code for lang in site.languages] == ["fr", "nl", "en"]
    assert site.default_language == "en"
    assert site.languages[1].name == "NL"


def test_an_empty_taxonomies_table_disables_the_defaults(tmp_path: Path) -> None:
    assert site_with(tmp_path, "[taxonomies]\n").taxonomies == ()


def test_taxonomies_as_a_list_make_none(tmp_path: Path) -> None:
    """`taxonomies = ["tag"]`: Hugo 0.168 builds without a word, and makes no taxonomy."""
    assert site_with(tmp_path, 'taxonomies = ["tag"]\n').taxonomies == ()


def test_default_language_is_the_first_when_english_is_absent(tmp_path: Path) -> None:
    site = site_with(tmp_path, "[languages.nl]\nweight = 2\n[languages.de]\nweight = 1\n")
    assert site.default_language == "de"


def test_permalinks_list_form(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        '[[permalinks]]\npattern = "/x/:slug/"\n[permalinks.target]\nkind = "page"\npath = "/Posts/**"\n'
        '[[permalinks]]\npattern = "/dev/:slug/"\n[permalinks.target]\nenvironment = "development"\n'
        '[[permalinks]]\npattern = "/all/:slug/"\n',
    )
    assert site.permalinks == (("page:/posts/**", "/x/:slug/"), ("*:/**", "/all/:slug/"))


# --- Errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "message"),
    [
        ("hugo.toml", 'title = "x"\nbaseURL = \n', 2, 11, "invalid TOML"),
        ("hugo.toml", 'title = "x"\n[markup\n', 2, 8, "invalid TOML"),
        ("hugo.yaml", "title: x\nmarkup:\n  goldmark: [a\n", 4, 1, "invalid YAML"),
        ("hugo.yml", "a: b\n  c: d\n", 2, 4, "invalid YAML"),
        ("hugo.json", '{"title": "x",\n "baseURL": }', 2, 13, "invalid JSON"),
    ],
)
def test_syntax_errors_carry_file_line_and_column(
    tmp_path: Path, name: str, text: str, line: int, column: int, message: str
) -> None:
    write(tmp_path, name, text)
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    error = info.value
    assert (error.path, error.line, error.column) == (tmp_path / name, line, column)
    assert error.message.startswith(message)
    assert str(error).startswith(f"{tmp_path / name}:{line}:{column}: {message}: ")


def test_values_hugo_ignores_are_noted(tmp_path: Path) -> None:
    """An id type Hugo does not know (as written: `GitHub` is none) makes it use github's,
    and a `markup` that is no table is ignored: Hugo builds such a site (checked with hugo
    0.168), and mdcheck checks it, with a note."""
    write(tmp_path, "hugo.toml", '[markup.goldmark.parser]\nautoIDType = "GitHub-ASCII"\n')
    site = load_site(tmp_path)
    assert site.markup.id_type == "github" and "Hugo makes heading ids the github way" in site.config_notes[-1]
    write(tmp_path, "hugo.toml", 'title = "t"\nmarkup = "goldmark"\n')
    assert load_site(tmp_path).config_notes[-1].startswith("markup is 'goldmark', not a table of settings: Hugo ignores it")


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('[markup.goldmark.renderer]\nunsafe = "yes"\n', 2, "expected a boolean"),
        ('params = "x"\n', 1, "params: expected a table"),  # hugo 0.168: failed to load config
        ('[markup]\ndefaultMarkdownHandler = "blackfriday"\n', 2, "markup.defaultmarkdownhandler: Hugo has no"),
        ('[markup.goldmark.renderHooks.link]\nuseEmbedded = "sometimes"\n', 2, "unknown value 'sometimes'"),
        ("uglyURLs = [1]\n", 1, "expected a boolean or a table of sections"),
        ("theme = 3\n", 1, "expected a string or a list of strings"),
        ('defaultContentLanguage = "de"\n[languages.en]\n', 1, "'de' is not among the configured languages"),
        ("[languages]\nen = 3\n", 2, "languages.en: expected a table"),
        ('[languages.en]\nweight = "heavy"\n', 2, "expected an integer"),
        ("[languages.en]\nweight = 1e400\n", 2, "expected an integer, got inf"),
        ('[permalinks]\nposts = "/:yeer/:slug/"\n', None, "unknown permalink token ':yeer'"),
        ('[permalinks.pages]\nposts = "/:slug/"\n', None, "kind 'pages' is not one of"),
    ],
)
def test_wrong_values_raise_with_the_file_and_line(tmp_path: Path, text: str, line: int | None, needle: str) -> None:
    """Hugo would refuse these values; the line is given when the key is set on one line only."""
    write(tmp_path, "hugo.toml", text)
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    assert info.value.path == tmp_path / "hugo.toml"
    assert info.value.line == line
    assert needle in info.value.message


def test_a_lone_carriage_return_in_a_toml_config_stops_hugo(tmp_path: Path) -> None:
    """Hugo 0.168: `hugo.toml:1:33: toml: expected newline but got U+000D`; YAML takes it
    as a line end, as PyYAML does."""
    (tmp_path / "hugo.toml").write_bytes(b"baseURL = 'https://example.org/'\rtitle = 'X'\r")
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    assert (info.value.line, info.value.column) == (1, 33) and "lone carriage return" in info.value.message
    (tmp_path / "hugo.toml").unlink()
    (tmp_path / "hugo.yaml").write_bytes(b"baseURL: https://example.org/docs/\rtitle: X\r")
    assert load_site(tmp_path).base_url == "https://example.org/docs/"


def test_errors_name_the_config_dir_file_that_set_the_value(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", "")
    write(tmp_path, "config/_default/markup.toml", '[goldmark.extensions]\nlinkify = "often"\n')
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    assert (info.value.path, info.value.line) == (tmp_path / "config/_default/markup.toml", 2)
    assert "markup.goldmark.extensions.linkify" in str(info.value)


@pytest.mark.parametrize(
    ("name", "text"),
    [("hugo.yaml", "- a\n- b\n"), ("hugo.json", "[1]"), ("hugo.toml", b"\xff\xfe".decode("latin-1"))],
)
def test_non_mapping_or_undecodable_configs_raise(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_bytes(text.encode("latin-1"))
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    assert info.value.path == tmp_path / name


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("hugo.toml", "x." + ".".join(["a"] * 5000) + " = 1\n"),
        ("hugo.json", '{"x":' + '{"a":' * 5000 + "1" + "}" * 5001),
        ("hugo.json", '{"x":' + "[" * 150 + "]" * 150 + "}"),
        ("themes/t/hugo.toml", "x." + ".".join(["a"] * 200) + " = 1\n"),
    ],
)
def test_configs_nested_too_deep_raise(tmp_path: Path, name: str, text: str) -> None:
    """A hostile config nesting thousands of tables is an error naming the file, not a crash."""
    if name.startswith("themes/"):
        write(tmp_path, "hugo.toml", 'theme = "t"\n')
    write(tmp_path, name, text)
    with pytest.raises(SiteConfigError, match="nests tables more than 100 deep") as info:
        load_site(tmp_path)
    assert info.value.path == tmp_path / name


def test_a_broken_theme_config_raises(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'theme = "t"\n')
    write(tmp_path, "themes/t/hugo.toml", "theme = [\n")
    with pytest.raises(SiteConfigError) as info:
        load_site(tmp_path)
    assert info.value.path == tmp_path / "themes/t/hugo.toml"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('contentDir = "con\\u0000tent"\n', "contentdir: holds a NUL character"),
        ('[languages.fr]\ncontentDir = "fr\\u0000"\n', "languages.fr.contentdir: holds a NUL character"),
        (f'layoutDir = "{"a" * 300}"\n', "file name too long"),
    ],
)
def test_folders_no_file_system_has_are_config_errors(tmp_path: Path, config: str, message: str) -> None:
    write(tmp_path, "hugo.toml", config)
    with pytest.raises(SiteConfigError, match=message):
        load_site(tmp_path)


def test_mounts_that_name_no_folder_are_left_out(tmp_path: Path) -> None:
    """A NUL in a mount's or a module's path, an unclosed `{` in a mount's glob: Hugo fails
    on them; mdcheck leaves them out and checks the rest."""
    write(tmp_path, "hugo.toml", '[[module.imports]]\npath = "x\\u0000"\n[[module.mounts]]\nsource = "c\\u0000"\n'
          'target = "content"\n[[module.mounts]]\nsource = "c2"\ntarget = "content/c2"\nlang = "{"\n'
          '[[module.mounts]]\nsource = "s\\u0000"\ntarget = "static"\n')
    write(tmp_path, "c2/a.md", "[x](#nope)\n")
    write(tmp_path, "content/b.md", "[x](#nope)\n")
    site = load_site(tmp_path)
    assert "\0" not in "".join(mount.source for mount in site.content_mounts)
    config = load_preset("recommended", RULES)
    outcome = run(collect_targets([], config, site, tmp_path), config, site, RULES, jobs=1, rendering=Rendering())
    found = {(p.path, p.rule) for p in outcome.problems}
    assert ("content/b.md", "broken-anchor") in found and not any(rule == "internal-error" for _, rule in found)


# --- Content roots -----------------------------------------------------------------------------


def test_content_roots_dedupe_shared_dirs_and_put_the_default_first(tmp_path: Path) -> None:
    site = site_with(
        tmp_path,
        'defaultContentLanguage = "de"\ncontentDir = "shared"\n'
        '[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n[languages.fr]\nweight = 3\ncontentDir = "fr"\n',
    )
    assert content_roots(site) == [ContentRoot("de", tmp_path / "shared"), ContentRoot("fr", tmp_path / "fr")]
    single = SiteConfig(root=tmp_path, default_language="nl", content_dir="c")
    assert content_roots(single) == [ContentRoot("nl", tmp_path / "c")]


# --- URL prediction without a site on disk -------------------------------------------------------


@pytest.mark.parametrize(
    ("rel_path", "front_matter", "url"),
    [
        ("_index.md", {}, "/"),
        ("about.md", {}, "/about/"),
        ("posts/_index.md", {}, "/posts/"),
        ("posts/my-post.md", {}, "/posts/my-post/"),
        ("posts/bundle/index.md", {}, "/posts/bundle/"),
        ("post/Spaces And CAPS.md", {}, "/post/spaces-and-caps/"),
        ("post/C++ Guide & Notes!.md", {}, "/post/c++-guide--notes/"),
        ("post/Café Olé.md", {}, "/post/caf%C3%A9-ol%C3%A9/"),
        ("post/100% sure?.md", {}, "/post/100-sure/"),
        ("post/x#y.md", {}, "/post/x%23y/"),
        ("post/a_b.c.md", {}, "/post/a_b.c/"),
        ("post/x.md", {"slug": "my-slug"}, "/post/my-slug/"),
        ("post/x.md", {"SLUG": "--trimmed--"}, "/post/trimmed/"),
        ("post/x.md", {"url": "/custom/url/"}, "/custom/url/"),
        ("post/x.md", {"url": "custom2.html"}, "/custom2.html"),
        ("post/x.md", {"url": "/Keep Case"}, "/Keep%20Case/"),
        ("post/x.md", {"url": "https://x.org/"}, None),
        ("post/x.md", {"headless": True}, None),
        ("post/x.md", {"build": {"render": "never"}}, None),
        ("post/x.md", {"_build": {"render": False}}, None),
        ("post/x.md", {"build": {"render": "link"}}, "/post/x/"),
        ("post/image.png", {}, None),
        ("post/.hidden.md", {}, None),
        ("#tmp/x.md", {}, None),
    ],
)
def test_predict_url_defaults(rel_path: str, front_matter: dict[str, Any], url: str | None) -> None:
    assert predict_url(SiteConfig(), rel_path, front_matter) == url


def test_predict_url_permalinks_and_base_path() -> None:
    site = SiteConfig(
        base_url="https://example.org/blog/",
        permalinks=(("page:post", "/:year/:month/:slug/"), ("section:post", "/articles/")),
    )
    guide = {"title": "Markdown Syntax Guide"}
    assert predict_url(site, "post/markdown-syntax.md", guide) == "/blog/1/01/markdown-syntax-guide/"
    assert predict_url(site, "post/_index.md", {}) == "/blog/articles/"
    dated = {"title": "T", "date": "2024-03-05T10:00:00+01:00", "slug": "s"}
    assert predict_url(site, "post/sub/x.md", dated) == "/blog/2024/03/s/"
    assert predict_url(site, "post/x.md", {"date": "yesterday"}) is None
    assert predict_url(site, "post/x.md", {"date": 10**20}) is None
    assert predict_url(site, "post/x.md", {"date": 1697376000, "slug": "u"}) == "/blog/2023/10/u/"
    assert predict_url(site, "post/x.md", {"publishDate": "15 Oct 2023", "slug": "p"}) == "/blog/2023/10/p/"
    tokens = SiteConfig(permalinks=(("page:p", "/:monthname/:weekday/:weekdayname/:yearday/:day/"),))
    assert predict_url(tokens, "p/x.md", {"date": "2024-03-05"}) == "/march/2/tuesday/65/05/"
    unsupported = SiteConfig(permalinks=(("page:p", "/:sectionslug/:slug/"),))
    assert predict_url(unsupported, "p/x.md", {"title": "x"}) is None
    # `[frontmatter] date = [":git"]`, `":fileModTime"`: the date is not in the text
    from_git = dataclasses.replace(site, date_sources=(":git",))
    assert predict_url(from_git, "post/x.md", {"date": "2024-03-05", "slug": "s"}) is None
    assert predict_url(from_git, "other/x.md", {"slug": "s"}) == "/blog/other/s/"


def test_predict_url_language_prefixes() -> None:
    languages = (Language("en", "content", 1), Language("fr", "content", 2))
    site = SiteConfig(languages=languages)
    assert predict_url(site, "posts/a.md", {}) == "/posts/a/"
    assert predict_url(site, "posts/a.fr.md", {}) == "/fr/posts/a/"
    assert predict_url(site, "posts/a.md", {}, "fr") == "/fr/posts/a/"
    assert predict_url(site, "posts/a.de.md", {}) == "/posts/a.de/"
    assert predict_url(site, "_index.fr.md", {}) == "/fr/"
    in_subdir = dataclasses.replace(site, default_language_in_subdir=True)
    assert predict_url(in_subdir, "posts/a.md", {}) == "/en/posts/a/"
    assert predict_url(SiteConfig(default_language_in_subdir=True), "a.md", {}) == "/en/a/"
    multihost = SiteConfig(languages=(Language("en", "c", 1, base_url="https://en.org/x/"), Language("fr", "c", 2)))
    assert predict_url(multihost, "a.fr.md", {}) == "/a/"
    assert predict_url(multihost, "a.md", {}) == "/x/a/"


def test_alias_urls() -> None:
    site = SiteConfig()
    assert alias_urls(site, "/post/slugged/", ["/old/path/", "old-rel", "/old.html", "", "https://x.org/"]) == [
        "/old/path/",
        "/post/old-rel/",
        "/old.html",
        "/post/",  # an empty one is the page's folder (checked with hugo 0.168)
    ]
    assert alias_urls(site, "/post/", ["posts", "../../up"]) == ["/posts/", "/up/"]
    assert alias_urls(site, "/", ["rel", "/"]) == []
    assert alias_urls(site, "/a/b/", "/one/ two") == ["/one/", "/a/two/"]
    ugly = SiteConfig(ugly_urls=True, base_url="https://x.org/b/")
    assert alias_urls(ugly, "/b/post/slugged.html", ["/old/path/", "old-rel", "/old.html"]) == [
        "/b/old/path.html",
        "/b/post/old-rel.html",
        "/b/old.html",
    ]
    multilingual = SiteConfig(languages=(Language("en", "c", 1), Language("fr", "c", 2)))
    assert alias_urls(multilingual, "/fr/a/b/", ["/abs/", "rel"], language="fr") == ["/fr/abs/", "/fr/a/rel/"]


def test_disable_aliases_means_no_redirect_pages(tmp_path: Path) -> None:
    """Hugo 0.168 writes no alias page with `disableAliases = true`."""
    write(tmp_path, "hugo.toml", "disableAliases = true\n")
    site = load_site(tmp_path)
    assert site.disable_aliases and alias_urls(site, "/a/", ["/old/"]) == []


@pytest.mark.parametrize(("files", "drops"), [
    ({}, True),  # Hugo's own: a meta refresh alone
    ({"layouts/alias.html": "<script>location.replace('{{ .Permalink }}' + location.hash)</script>"}, False),
    ({"layouts/alias.html": "<script>location.hash</script>", "layouts/_default/alias.html": "refresh"}, True),
    ({"themes/t/layouts/_default/alias.html": "<script>location.hash</script>"}, False),
])  # fmt: skip
def test_whether_an_alias_drops_a_links_fragment(tmp_path: Path, files: dict[str, str], drops: bool) -> None:
    """Hugo uses `_default/alias.html` before `alias.html` (checked with hugo 0.168); only
    one that adds `location.hash` carries the fragment on."""
    write(tmp_path, "hugo.toml", 'theme = "t"\n')
    write(tmp_path, "themes/t/layouts/_default/single.html", "{{ .Content }}")
    for name, text in files.items():
        write(tmp_path, name, text)
    assert load_site(tmp_path).alias_drops_fragment is drops


@pytest.mark.parametrize(("template", "levels"), [
    ('<h{{ .Level }} id="{{ .Anchor | safeURL }}">{{ .Text }}</h{{ .Level }}>', {1, 2, 3, 4, 5, 6}),
    ('<h{{ .Level }}>{{ .Text }}{{ if gt .Level 1 }}<span id="{{ .Anchor }}"></span>{{ end }}</h{{ .Level }}>',
     {2, 3, 4, 5, 6}),
    # hextra's now: its heading's class read from the attributes, no id
    ('<h{{ .Level }}{{ with .Attributes.class }} class="{{ . }}"{{ end }}>{{ .Text }}{{ if gt .Level 1 }}'
     '<span id="{{ .Anchor }}"></span>{{ end }}</h{{ .Level }}>', {2, 3, 4, 5, 6}),
    ("<h{{ .Level }}>{{ .Text }}</h{{ .Level }}>", set()),
    ('{{ if eq .Level 1 }}<h1>x</h1>{{ else if le .Level 3 }}<h{{ .Level }} id="{{ .Anchor }}">x</h{{ .Level }}>'
     "{{ else }}<h{{ .Level }}>x</h{{ .Level }}>{{ end }}", {2, 3}),
    ('{{ if eq .Level 1 }}<h1>x</h1>{{ else }}<h{{ .Level }} id="{{- .Anchor -}}">x</h{{ .Level }}>{{ end }}',
     {2, 3, 4, 5, 6}),
    # not known: every level
    ('<h{{ .Level }} id="{{ .Anchor | lower }}">x</h{{ .Level }}>', {1, 2, 3, 4, 5, 6}),
    ('{{ if and (gt .Level 1) .Page.Params.anchors }}<h2 id="{{ .Anchor }}">{{ end }}', {1, 2, 3, 4, 5, 6}),
    ('{{ partial "heading.html" . }}', {1, 2, 3, 4, 5, 6}),
    ('<h{{ .Level }}{{ range $k, $v := .Attributes }} {{ $k }}="{{ $v }}"{{ end }}>x</h{{ .Level }}>', {1, 2, 3, 4, 5, 6}),
    ('<h{{ .Level }}{{ with .Attributes.id }} id="{{ . }}"{{ end }}>x</h{{ .Level }}>', {1, 2, 3, 4, 5, 6}),
])  # fmt: skip
def test_the_levels_a_heading_hook_writes_ids_for(tmp_path: Path, template: str, levels: set[int]) -> None:
    write(tmp_path, "hugo.toml", "")
    write(tmp_path, "layouts/_markup/render-heading.html", template)
    assert load_site(tmp_path).markup.heading_id_levels == levels


def test_the_ids_a_types_templates_write_on_every_page(tmp_path: Path) -> None:
    """Of the single template, its base and the partials they call: the fixed ids outside
    any `if`, `with` or `range` (around the id or the call), comments and scripts."""
    write(tmp_path, "hugo.toml", "")
    write(tmp_path, "layouts/_default/baseof.html",
          '<header id="header">{{ partial "nav.html" . }}</header>{{ if .Params.toc }}<nav id="toc"></nav>{{ end }}'
          '<div id="content">{{ block "main" . }}{{ end }}</div><script>el.id = "nope"</script>'
          '{{/* <a id="commented"> */}}')  # fmt: skip
    write(tmp_path, "layouts/_default/single.html",
          '{{ define "main" }}<article id="post">{{ .Content }}</article>{{ end }}')  # fmt: skip
    write(tmp_path, "layouts/partials/nav.html",
          '<nav id="menu"></nav>{{ with .Params.x }}{{ partial "x.html" . }}{{ end }}')  # fmt: skip
    write(tmp_path, "layouts/partials/x.html", '<div id="cond"></div>')
    write(tmp_path, "layouts/blog/single.html", '<main id="blog">{{ .Content }}</main>')
    site = load_site(tmp_path)
    assert dict(site.fixed_ids_by_type) == {"": {"header", "content", "post", "menu"}, "blog": {"blog"}}
    assert site.page_template_ids("blog/a.md") == {"blog"}
    assert site.page_template_ids("a.md") == {"header", "content", "post", "menu"}
    assert site.page_template_ids("blog/a.md", layout="other") == frozenset()


def test_predict_url_reads_bundles_and_sections_from_disk(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", '[permalinks.page]\ndocs = "/d/:sections/:filename/"\n')
    for rel in (
        "docs/_index.md",
        "docs/api/_index.md",
        "docs/leaf/index.md",
        "docs/no/index.backup.md",
        "docs/no/x.md",
    ):
        write(tmp_path, f"content/{rel}", "")
    site = load_site(tmp_path)
    assert predict_url(site, "docs/api/v2/thing.md", {}) == "/d/docs/api/thing/"
    assert predict_url(site, "docs/leaf/index.md", {}) == "/d/docs/leaf/"
    assert predict_url(site, "docs/leaf/notes.md", {}) is None
    assert predict_url(site, "docs/leaf/deeper/more.md", {}) is None
    assert predict_url(site, "docs/no/x.md", {}) == "/d/docs/x/"


def test_directory_listings_follow_changes(tmp_path: Path) -> None:
    """A listing cached for a settled directory is not reused once a file is added."""
    write(tmp_path, "hugo.toml", '[permalinks.page]\ndocs = "/d/:sections/:filename/"\n')
    page = write(tmp_path, "content/docs/api/thing.md", "")
    for directory in (page.parent, page.parent.parent):
        os.utime(directory, ns=(time.time_ns() - 60 * 10**9,) * 2)
    site = load_site(tmp_path)
    assert predict_url(site, "docs/api/thing.md", {}) == "/d/docs/thing/"
    assert predict_url(site, "docs/api/thing.md", {}) == "/d/docs/thing/"
    write(tmp_path, "content/docs/api/_index.md", "")
    assert predict_url(site, "docs/api/thing.md", {}) == "/d/docs/api/thing/"
    write(tmp_path, "content/docs/api/index.md", "")
    assert predict_url(site, "docs/api/thing.md", {}) is None


def test_cascades_from_the_page_its_sections_and_the_config(tmp_path: Path) -> None:
    """Own keys win, then the page's own cascade, the nearest section's, the home's, the config's."""
    write(
        tmp_path,
        "hugo.toml",
        '[[cascade]]\nslug = "from-config"\n[cascade.target]\npath = "/guides/**"\n'
        '[[cascade]]\n[cascade.build]\nrender = "never"\n[cascade.target]\nkind = "page"\npath = "/drafts/**"\n'
        '[[cascade]]\nheadless = true\n[cascade.target]\nenvironment = "development"\n',
    )
    write(tmp_path, "content/_index.md", "---\ncascade:\n  url: /everything/\n  _target:\n    path: /misc/**\n---\n")
    write(
        tmp_path,
        "content/snippets/_index.md",
        "---\nbuild: {render: always}\ncascade:\n  build: {render: never}\n---\n",
    )
    write(tmp_path, "content/guides/_index.md", "+++\n[[cascade]]\nslug = 'from-section'\n+++\n")
    write(tmp_path, "content/guides/deep/_index.md", "---\ntitle: Deep\n---\n")
    write(tmp_path, "content/drafts/_index.md", "")
    write(tmp_path, "content/noise/_index.md", '{"cascade": {"slug": "noise"}}\n')
    site = load_site(tmp_path)
    assert site.cascade[0] == '{"slug": "from-config", "target": {"path": "/guides/**"}}'
    assert predict_url(site, "snippets/_index.md", {"build": {"render": "always"}}) == "/snippets/"
    assert predict_url(site, "snippets/one.md", {}) is None
    assert predict_url(site, "snippets/one.md", {"BUILD": {"render": "always"}}) == "/snippets/one/"
    # A cascaded slug reaches the sections too, whose slugs replace their directories below
    # them (Hugo 0.168: /from-section/from-section/from-section/).
    assert predict_url(site, "guides/deep/page.md", {}) == "/from-section/from-section/from-section/"
    assert predict_url(site, "guides/page.md", {"slug": "own"}) == "/from-section/own/"
    assert predict_url(site, "guides/page.md", {"cascade": {"slug": "self"}}) == "/from-section/self/"
    assert predict_url(site, "drafts/_index.md", {}) == "/drafts/"
    assert predict_url(site, "drafts/x.md", {}) is None
    assert predict_url(site, "misc/x.md", {}) == "/everything/"
    assert predict_url(site, "other/x.md", {}) == "/other/x/"
    assert predict_url(load_site(tmp_path, environ={"HUGO_ENVIRONMENT": "development"}), "other/x.md", {}) is None


def test_a_cascade_config_of_the_wrong_type_raises(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'cascade = "x"\n')
    with pytest.raises(SiteConfigError, match="cascade: expected a table or a list of tables"):
        load_site(tmp_path)


# --- The real Hugo binary --------------------------------------------------------------------------


# Content shared by every variant: rel path → front matter.
PAGES: dict[str, dict[str, Any]] = {
    "_index.md": {"title": "Home", "aliases": ["/home-old/"]},
    "about.md": {"title": "About", "aliases": ["old-about", "/company/about/"]},
    "_foo.md": {"title": "Underscore"},
    "Spaces And CAPS.md": {"title": "Spaces"},
    "posts/_index.md": {"title": "Posts", "aliases": ["posts-old"]},
    "posts/hello-world.md": {"title": "Hello World", "date": "2024-03-05"},
    "posts/C++ Guide & Notes!.md": {"title": "C++ Guide & Notes!", "date": "2023-12-31T23:30:00-05:00"},
    "posts/Café Olé.md": {"title": "Café Olé", "date": "2020-02-29T10:00:00Z"},
    "posts/100% sure?.md": {"title": "Sure"},
    "posts/x#y.md": {"title": "Hash"},
    "posts/a_b.c.md": {"title": "Dots"},
    "posts/日本語.md": {"title": "日本語のタイトル"},
    "posts/Multiple   Spaces.md": {"title": "Multi"},
    "posts/emoji 🎉 party.md": {"title": "Emoji"},
    "posts/trailing .md": {"title": "Trailing"},
    "posts/UPPER.MD": {"title": "Upper"},
    "posts/slugged.md": {"title": "Slugged", "slug": "My Slug!", "aliases": ["rel-alias", "/abs/alias/", "/old.html"]},
    "posts/dash-slug.md": {"title": "Dash", "slug": "--dashy--"},
    "posts/url-abs.md": {"title": "Url abs", "url": "/custom/url/", "aliases": ["from-custom"]},
    "posts/url-rel.md": {"title": "Url rel", "url": "custom2.html", "aliases": ["next-to-custom2"]},
    "posts/url-noslash.md": {"title": "Url noslash", "url": "/no-slash"},
    "posts/url-case.md": {"title": "Url case", "url": "/Mixed/Case Here/"},
    "posts/url-token.md": {"title": "Url Token", "date": "2021-07-04", "url": "/archive/:year/:slug/"},
    "posts/bundle/index.md": {"title": "Bundle", "aliases": ["bundle-old"]},
    "posts/bundle/notes.md": {"title": "Notes"},
    "posts/bundle/sub/deep.md": {"title": "Deep"},
    "posts/branch/_index.md": {"title": "Branch"},
    "posts/branch/child.md": {"title": "Child", "date": "2019-01-01"},
    "posts/branch/slashed.md": {"title": "CI/CD gap: A/B", "date": "2019-01-02"},  # `:title`: one segment
    "posts/branch/slugged-slash.md": {"title": "S", "slug": "x/y z"},  # a slug keeps its `/`
    "posts/branch/leaf/index.md": {"title": "Leaf In Branch", "slug": "leafy"},
    "posts/nested/deep/page.md": {"title": "Nested Page"},
    "posts/headless/index.md": {"title": "Headless", "headless": True},
    "posts/headless/res.md": {"title": "Res"},
    "posts/never.md": {"title": "Never", "build": {"render": "never"}},
    "posts/link-only.md": {"title": "Link only", "build": {"render": "link"}},
    "docs/_index.md": {"title": "Docs"},
    "docs/Guide.md": {"title": "Guide"},
    "docs/api/_index.md": {"title": "API"},
    "docs/api/Endpoint One.md": {"title": "Endpoint One"},
    "docs/api/v2/thing.md": {"title": "Thing"},
    "docs/leaf/index.md": {"title": "Leaf", "slug": "leaf-slug"},
    "blog/_index.md": {"title": "Blog"},
    "blog/post-one.md": {"title": "Post One", "date": "2022-02-03"},
    "blog/no-date.md": {"title": "No Date"},
    "blog/untitled.md": {"date": "2022-05-06"},
    "blog/with-slug.md": {"title": "Sluggy", "slug": "custom-slug", "date": "2018-10-10"},
    "blog/bundle2/index.md": {"title": "Bundle Two", "date": "2017-03-04", "aliases": ["../legacy/b2"]},
    "blog/Ünïcödé Title.md": {"title": "Ünïcödé Title", "date": "2016-06-07"},
    "blog/cpp.md": {"title": "C++ Tips", "date": "2015-01-02"},
    "snippets/_index.md": {
        "title": "Snippets",
        "build": {"render": "always"},
        "cascade": {"build": {"render": "never"}},
    },
    "snippets/one.md": {"title": "One"},
    "snippets/kept.md": {"title": "Kept", "build": {"render": "always"}},
    "guides/_index.md": {
        "title": "Guides",
        "cascade": [{"slug": "slugged-by-cascade", "_target": {"path": "/guides/a"}}],
    },
    "guides/a.md": {"title": "A"},
    "guides/b.md": {"title": "B", "cascade": {"headless": True}},
}

TAXONOMY_PAGES: dict[str, dict[str, Any]] = {
    "tags/_index.md": {"title": "All Tags"},
    "tags/go/_index.md": {"title": "Go Lang"},
    "blog/tagged.md": {"title": "Tagged", "date": "2014-04-04", "tags": ["go"]},
}

TRANSLATIONS: dict[str, dict[str, Any]] = {
    "_index.de.md": {"title": "Start"},
    "about.de.md": {"title": "Über", "aliases": ["/ueber-alt/"]},
    "posts/_index.de.md": {"title": "Beiträge"},
    "posts/hello-world.de.md": {"title": "Hallo Welt", "aliases": ["hallo-alt"]},
    "content.fr/_index.md": {"title": "Accueil"},
    "content.fr/posts/_index.md": {"title": "Articles"},
    "content.fr/posts/bonjour.md": {"title": "Bonjour", "aliases": ["/abs-fr/", "rel-fr"]},
    "content.fr/posts/url-fr.md": {"title": "Url fr", "url": "rel-url.html", "aliases": ["beside"]},
    "content.fr/posts/abs-url-fr.md": {"title": "Abs url fr", "url": "/fr-abs/"},
    "content.fr/posts/feuille/index.md": {"title": "Feuille", "slug": "la-feuille"},
}

PRETTY = """
baseURL = "https://example.org/blog/"
disableKinds = ["rss", "sitemap", "robotstxt", "404"]
[permalinks]
blog = "/:year/:month/:day/:slug/"
[permalinks.page]
docs = "/documentation/:sections/:slugorfilename/"
[permalinks.section]
docs = "/documentation/:sections/"
[permalinks.term]
tags = "/topic/:slug/"
"""

UGLY = """
baseURL = "https://example.org/"
uglyURLs = true
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[[cascade]]
build = {render = "never"}
target = {path = "/posts/nested/**"}
[[cascade]]
url = "/moved/"
target = {path = "/docs/leaf", kind = "page"}
[[permalinks]]
pattern = "/:section/:monthname/:weekday-:yearday/:slugorcontentbasename/"
target = {kind = "page", path = "/blog/**"}
[[permalinks]]
pattern = "/sec/:sections[1:]/"
target = {kind = "section", path = "/{docs,docs/**}"}
[[permalinks]]
pattern = "/t/:title/"
target = {kind = "page", path = "/posts/branch/*"}
"""

NO_LOWER = """
baseURL = "https://example.org/"
disablePathToLower = true
removePathAccents = true
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[uglyURLs]
posts = true
[permalinks.page]
blog = "/:year/:title/"
docs = "/d/:contentbasename/"
"""

MULTILINGUAL = """
baseURL = "https://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[permalinks]
blog = "/:year/:slug/"
[languages.en]
weight = 1
[languages.fr]
weight = 2
contentDir = "content.fr"
[languages.de]
weight = 3
"""

MULTILINGUAL_SUBDIR = MULTILINGUAL.replace(
    'baseURL = "https://example.org/"', 'baseURL = "https://example.org/base/"\nuglyURLs = true'
).replace('defaultContentLanguage = "en"', 'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true')

# Section slugs (Hugo 0.168 puts them in place of the section's directory in its own URL and
# below it, per language, cascaded too) and the `:sectionslug(s)` tokens.
SECTION_SLUGS: dict[str, dict[str, Any]] = {
    "guide/_index.md": {"title": "Guide", "slug": "Handbuch Eins"},
    "guide/_index.de.md": {"title": "Anleitung", "slug": "anleitung"},
    "guide/page.md": {"title": "Page"},
    "guide/page.de.md": {"title": "Seite", "slug": "-Eigene-"},
    "guide/bundle/index.md": {"title": "Bundle"},
    "guide/plain/deep/_index.md": {"title": "Deep", "slug": "dp", "cascade": {"slug": "cascaded"}},
    "guide/plain/deep/x.md": {"title": "X"},
    "guide/plain/deep/own.md": {"title": "Own", "slug": "mine"},
    "guide/with-url/_index.md": {"title": "With url", "slug": "wu", "url": "/elsewhere/"},
    "guide/with-url/y.md": {"title": "Y"},
    "guide/opts/_index.md": {"title": "Opts", "slug": "/k6-options"},  # k6's: its slashes at its ends aside
    "guide/opts/how.md": {"title": "How"},
    "stacks/_index.md": {"title": "Stacks Top"},
    "stacks/inner/_index.md": {"title": "Inner", "slug": "in-slug"},
    "stacks/inner/leaf/_index.md": {"title": "Leaf Section"},
    "stacks/inner/leaf/p.md": {"title": "P"},
    "stacks/inner/q.md": {"title": "Q"},
    "tops/_index.md": {"title": "Tops", "slug": "t-slug"},
    "tops/r.md": {"title": "R"},
    "stacks/ops/_index.md": {"title": "Ops/Dev"},  # `:sectionslugs`: its title one segment
    "stacks/ops/s.md": {"title": "S"},
}

SECTION_SLUG_CONFIG = """
baseURL = "https://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[languages.en]
weight = 1
[languages.de]
weight = 2
[permalinks.page]
stacks = "/s/:sectionslugs[1:]/:sectionslugs[last]/:slug/"
tops = "/t/:sectionslug/:slugorfilename/"
"""

FILENAME_DATES = """
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[frontmatter]
date = [{first}, ":default"]
[permalinks]
blog = "/:year/:month/:day/:slug/"
"""

# `:filename` dates: the name after the date is the page's slug, which names its URL
FILENAME_PAGES: dict[str, dict[str, Any]] = {
    "posts/_index.md": {"title": "Posts"},
    "posts/2023-11-02-foo.md": {"title": "Foo"},
    "posts/2024-01-05-in-a-bundle/index.md": {"title": "Bundled"},
    "posts/2023-01-01_slugged.md": {"title": "S", "slug": "own"},
    "posts/2023-13-01-not-a-date.md": {"title": "N"},
    "posts/2023-02-03.md": {"title": "Date alone"},
    "blog/_index.md": {"title": "Blog"},
    "blog/2022-05-06-dated.md": {"title": "Dated Post"},
    "blog/2022-05-07-later.md": {"title": "Has Date", "date": "2021-01-01"},
    "blog/plain.md": {"title": "Plain"},
}

CASCADE_PARAMS = """
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]
[permalinks]
dated = "/:year/:slug/"
"""

# A cascade's `params` act as front matter (Hugo 0.168): build options, slug, date
CASCADE_PAGES: dict[str, dict[str, Any]] = {
    "never/_index.md": {"title": "Never", "cascade": [
        {"target": {"path": "/never/**"}, "params": {"build": {"render": "never"}}},
    ]},
    "never/x/p.md": {"title": "P"},
    "slugged/_index.md": {"title": "Slugged", "cascade": {"params": {"slug": "same"}, "target": {"kind": "page"}}},
    "slugged/p.md": {"title": "P"},
    "slugged/q.md": {"title": "Q", "slug": "own"},
    "dated/_index.md": {"title": "Dated", "cascade": {"params": {"date": "2020-05-06"}}},
    "dated/p.md": {"title": "P"},
}

VARIANTS = {
    "cascade-params": (CASCADE_PARAMS, CASCADE_PAGES, {"index.html"}),
    "filename-dates": (FILENAME_DATES.format(first='":filename"'), FILENAME_PAGES, {"index.html"}),
    "filename-dates-after-date": (FILENAME_DATES.format(first='"date", ":filename"'), FILENAME_PAGES, {"index.html"}),
    "section-slugs": (SECTION_SLUG_CONFIG, {**PAGES, **SECTION_SLUGS}, {"de/index.html"}),
    "section-slugs-no-lower": (
        SECTION_SLUG_CONFIG.replace("[languages.en]", "disablePathToLower = true\n[languages.en]"),
        {**PAGES, **SECTION_SLUGS},
        {"de/index.html"},
    ),
    "pretty": (PRETTY, {**PAGES, **TAXONOMY_PAGES}, {"categories/index.html"}),
    "ugly": (UGLY, PAGES, set()),
    "no-lower": (NO_LOWER, PAGES, set()),
    "multilingual": (MULTILINGUAL, {**PAGES, **TRANSLATIONS}, set()),
    "multilingual-subdir-ugly": (MULTILINGUAL_SUBDIR, {**PAGES, **TRANSLATIONS}, set()),
    # A language's own permalinks replace the site's whole (fr's blog pages lose `/:year/`)
    "multilingual-permalinks": (
        MULTILINGUAL + '[languages.de.permalinks.page]\nposts = "/beitraege/:slug/"\n'
        '[languages.fr.permalinks]\nposts = "/articles/:title/"\n',
        {**PAGES, **TRANSLATIONS, "content.fr/blog/billet.md": {"title": "Billet", "date": "2024-02-03"}},
        {"fr/blog/index.html"},
    ),
}


def build_site(root: Path, config: str, pages: dict[str, dict[str, Any]]) -> None:
    write(root, "hugo.toml", config)
    write(root, "layouts/single.html", "page {{ .Title }}")  # Hugo does not write empty files
    write(root, "layouts/list.html", "list {{ .Title }}")
    write(root, "content/posts/bundle/data.txt", "resource")
    for rel, front_matter in pages.items():
        path = rel if rel.startswith("content.") else f"content/{rel}"
        write(root, path, f"---\n{yaml.safe_dump(front_matter, allow_unicode=True)}---\nBody.\n")


def front_matter_of(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 3)]) or {}


def output_file(site: SiteConfig, url: str) -> str:
    """The file below the publish dir that serves `url` (a run of slashes is one)."""
    path = re.sub(r"/{2,}", "/", unquote(url).removeprefix(urlsplit(site.base_url).path.rstrip("/")))
    return (path + "index.html" if path.endswith("/") else path).lstrip("/")


def file_language(name: str, site: SiteConfig) -> str | None:
    """The language code in a file name such as `post.fr.md`."""
    parts = name.split(".")
    codes = {lang.code for lang in site.languages}
    return parts[-2] if len(parts) > 2 and parts[-2] in codes else None


def is_home_redirect(path: Path, site: SiteConfig) -> bool:
    """Whether a file is one of the redirects Hugo writes to the home page of a language."""
    text = path.read_text(encoding="utf-8")
    host = site.base_url.removesuffix(urlsplit(site.base_url).path)
    codes = {site.default_language, *(lang.code for lang in site.languages)}
    homes = {f"{host}{predict_url(site, '_index.md', {}, code)}" for code in codes}
    return any(f'http-equiv="refresh" content="0; url={home}"' in text for home in homes)


@pytest.mark.hugo
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_predictions_match_the_real_hugo(tmp_path: Path, variant: str) -> None:
    """Build a generated site with Hugo and compare every URL, output file and alias."""
    hugo = find_binary()
    if hugo is None:
        pytest.skip("the hugo binary is not available")
    config, pages, expected_extras = VARIANTS[variant]
    build_site(tmp_path, config, pages)
    out = tmp_path / "out"
    subprocess.run([hugo, "-s", str(tmp_path), "-d", str(out), "--quiet"], check=True, capture_output=True)
    listing = subprocess.run([hugo, "list", "all", "-s", str(tmp_path)], check=True, capture_output=True, text=True)
    listed = {row["path"]: row["permalink"] for row in csv.DictReader(listing.stdout.splitlines())}

    site = load_site(tmp_path)
    predicted_files: set[str] = set()
    checked = 0
    for language, content_dir, *_ in content_roots(site):
        for file in sorted(p for p in content_dir.rglob("*") if p.is_file()):
            rel = file.relative_to(content_dir).as_posix()
            front_matter = front_matter_of(file) if file.suffix.lower() == ".md" else {}
            url = predict_url(site, rel, front_matter, language)
            permalink = listed.get(file.relative_to(tmp_path).as_posix()) or None
            assert url == (urlsplit(permalink).path if permalink else None), rel
            checked += 1
            if url is None or front_matter.get("build", {}).get("render") == "link":
                continue
            predicted_files.add(output_file(site, url))
            section = rel.split("/")[0].lower() if "/" in rel else ""
            lang = file_language(file.name, site) or language
            for alias in alias_urls(site, url, front_matter.get("aliases", []), language=lang, section=section):
                predicted_files.add(output_file(site, alias))
    assert checked >= len(pages)

    built = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    extras = {rel for rel in built - predicted_files if not is_home_redirect(out / rel, site)}
    assert predicted_files - built == set()
    assert extras == expected_extras


def test_a_blank_section_slug_leaves_no_segment(tmp_path: Path) -> None:
    """Checked with Hugo 0.168: `slug: "  "` (or `"/"`) on a section puts it at its parent's
    URL, and its pages there; odd slugs are kept as Hugo keeps them."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path, "content/f/_index.md", '---\ntitle: F\nslug: "  "\n---\n')
    write(tmp_path, "content/b/_index.md", '---\ntitle: B\nslug: "../up"\n---\n')
    write(tmp_path, "content/e/_index.md", '---\ntitle: E\nslug: "a#b?c"\n---\n')
    site = load_site(tmp_path)
    assert predict_url(site, "f/_index.md", {"title": "F", "slug": "  "}) == "/"
    assert predict_url(site, "f/p.md", {}) == "/p/"
    assert predict_url(site, "b/p.md", {}) == "/../up/p/"
    assert predict_url(site, "e/p.md", {}) == "/a%23bc/p/"


@pytest.mark.hugo
def test_yaml_is_read_as_hugo_reads_it(tmp_path: Path, hugo: str) -> None:
    """Hugo's YAML is YAML 1.2: `no` (Norway's language code), `yes`, `on` are strings, not
    booleans, and `1:20` is no base-60 number; PyYAML alone reads YAML 1.1."""
    write(
        tmp_path,
        "hugo.yaml",
        "baseURL: https://example.org/\ndisableKinds: [rss, sitemap, robotstxt, 404, taxonomy, term]\n"
        "defaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  no:\n    weight: 2\n"
        "    contentDir: content/no\n",
    )
    write(tmp_path, "content/a.md", "---\ntitle: A\nheadless: yes\n---\n")
    write(tmp_path, "content/no/b.md", "---\ntitle: B\nslug: 1:20\n---\n")
    site = load_site(tmp_path)
    assert [lang.code for lang in site.languages] == ["en", "no"]
    listing = subprocess.run([hugo, "list", "all", "-s", str(tmp_path)], check=True, capture_output=True, text=True)
    listed = {row["path"]: urlsplit(row["permalink"]).path for row in csv.DictReader(listing.stdout.splitlines())}
    for language, content_dir, *_ in content_roots(site):
        for file in content_dir.rglob("*.md"):
            front_matter, _ = split_front_matter(file.read_text("utf-8"))
            rel = file.relative_to(content_dir).as_posix()
            assert predict_url(site, rel, front_matter.data or {}, language) == listed.get(
                file.relative_to(tmp_path).as_posix()
            ), rel
    assert listed == {"content/a.md": "/a/", "content/no/b.md": "/no/120/"}  # headless: "yes" is no bool


@pytest.mark.parametrize(
    ("allow_content", "allowed"),
    [
        (None, False),  # Hugo's default denies text/html (and text/org)
        ('[".*"]', True),
        ('["^text/html$"]', True),
        ('["! ^text/org$"]', True),  # denials only: the rest is allowed
        ('["^text/markdown$"]', False),
        ('"none"', False),
        ("[]", False),
        ('["^text/", "! ^text/html$"]', False),  # a denial wins
        ('["! ^text/html$", "^text/html$"]', False),
    ],
)
def test_security_allow_content_as_hugo_reads_it(tmp_path: Path, allow_content: str | None, allowed: bool) -> None:
    """Verified with Hugo 0.168: whether it builds a site holding an HTML content file."""
    config = 'baseURL = "https://x.org/"\n'
    if allow_content is not None:
        config += f"[security]\nallowContent = {allow_content}\n"
    write(tmp_path, "hugo.toml", config)
    assert load_site(tmp_path).allows_content("text/html") is allowed


# Each: the project's config after `theme = "a"`, and theme a's config files. Theme b, which
# a imports in some, sets `unsafe = true`.
THEME_MERGES = {
    "no markup": ("", {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}),
    "markup none": ("[markup.goldmark]\nduplicateResourceFiles = false\n", {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}),
    "markup shallow": ('[markup]\n_merge = "shallow"\n', {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}),
    "shallow, goldmark set": (
        '[markup]\n_merge = "shallow"\n[markup.goldmark.renderer]\nhardWraps = false\n',
        {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"},
    ),
    "markup deep": (
        '[markup]\n_merge = "deep"\n[markup.goldmark.renderer]\nhardWraps = false\n',
        {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"},
    ),
    "root deep": ('_merge = "deep"\n', {"hugo.toml": "[markup.goldmark.renderer]\nunsafe = true\n"}),
    "config dir": ('[markup]\n_merge = "deep"\n', {"config/_default/markup.toml": "[goldmark.renderer]\nunsafe = true\n"}),
    "first theme wins": (
        '[markup]\n_merge = "deep"\n',
        {"hugo.toml": 'theme = "b"\n[markup.goldmark.renderer]\nunsafe = false\n'},
    ),
    "imported theme": ('[markup]\n_merge = "deep"\n', {"hugo.toml": 'theme = "b"\n'}),
    "theme's own _merge is not read": ("", {"hugo.toml": '[markup]\n_merge = "deep"\n[markup.goldmark.renderer]\nunsafe = true\n'}),
}


@pytest.mark.hugo
@pytest.mark.parametrize("variant", list(THEME_MERGES))
def test_theme_config_merges_as_hugo_merges_it(tmp_path: Path, hugo: str, variant: str) -> None:
    project, theme_files = THEME_MERGES[variant]
    write(tmp_path, "hugo.toml", f'baseURL = "https://x.org/"\ntheme = "a"\n{project}')
    for name, text in theme_files.items():
        write(tmp_path, f"themes/a/{name}", text)
    write(tmp_path, "themes/a/layouts/single.html", "{{ .Content }}")
    write(tmp_path, "themes/b/hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n")
    write(tmp_path, "themes/b/layouts/list.html", "{{ .Content }}")
    write(tmp_path, "content/p.md", "---\ntitle: P\n---\nA <kbd>x</kbd>\n")
    subprocess.run([hugo, "-s", str(tmp_path), "--quiet"], check=True, capture_output=True)
    kept = "<kbd>" in (tmp_path / "public/p/index.html").read_text("utf-8")
    assert load_site(tmp_path).markup.unsafe is kept


@pytest.mark.hugo
@pytest.mark.parametrize("root_merge", ["", '_merge = "deep"\n', '_merge = "shallow"\n'])
def test_a_themes_top_level_keys_count_only_when_the_root_merges_deep(
    tmp_path: Path, hugo: str, root_merge: str
) -> None:
    write(tmp_path, "hugo.toml", f'baseURL = "https://x.org/"\ntheme = "t"\n{root_merge}')
    write(tmp_path, "themes/t/hugo.toml", "uglyURLs = true\n")
    write(tmp_path, "content/p.md", "---\ntitle: P\n---\n")
    listing = subprocess.run([hugo, "list", "all", "-s", str(tmp_path)], check=True, capture_output=True, text=True)
    (row,) = csv.DictReader(listing.stdout.splitlines())
    assert load_site(tmp_path).ugly_urls is row["permalink"].endswith("/p.html")


def test_whether_page_templates_may_print_an_h1(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    assert load_site(tmp_path).title_h1  # no page template: a theme's would be used
    write(tmp_path, "layouts/_default/baseof.html", "<main>{{ block \"main\" . }}{{ end }}</main>")
    write(tmp_path, "layouts/_default/single.html", '{{ define "main" }}{{ .Content }}{{ end }}')
    write(tmp_path, "layouts/section/commands.html", "<H1>Commands</H1>")  # a list page's: not read
    assert not load_site(tmp_path).title_h1
    # thanos: an `<h1>` of fixed text prints no page's title; iceberg: nor one of the site's
    write(tmp_path, "layouts/_partials/toc.html", "{{ if .Params.toc }}<h1>Table of Contents</h1>{{ end }}")
    write(tmp_path, "layouts/_partials/about.html", '<h1>{{ .Site.Title }}</h1><h1>{{ i18n "about" }}</h1>')
    assert not load_site(tmp_path).title_h1
    # a `{{% %}}` call's template that prints a config value writes no heading
    write(tmp_path, "layouts/_shortcodes/version.html", "{{ .Site.Params.version }}")
    write(tmp_path, "layouts/_shortcodes/lead.html", "{{ .Site.Params.lead | markdownify }}")
    site = load_site(tmp_path)
    assert "version" in site.shortcodes_without_headings and "lead" not in site.shortcodes_without_headings
    write(tmp_path, "layouts/_partials/header.html", "<H1 class=title>{{ .Title }}</H1>")
    assert load_site(tmp_path).title_h1
    (tmp_path / "layouts/_partials/header.html").unlink()
    # a view the single template renders prints the page (Docsy's `.Render "content"`); a
    # view only list templates render (a summary) does not
    write(tmp_path, "layouts/_default/summary.html", "<h1>{{ .Title }}</h1>")
    write(tmp_path, "layouts/_default/list.html", '{{ range .Pages }}{{ .Render "summary" }}{{ end }}')
    assert not load_site(tmp_path).title_h1
    write(tmp_path, "layouts/_default/content.html", "<h1>{{ .Title }}</h1>{{ .Content }}")
    write(tmp_path, "layouts/_default/single.html", '{{ define "main" }}{{ .Render "content" }}{{ end }}')
    assert load_site(tmp_path).title_h1
    write(tmp_path, "layouts/_default/single.html", '{{ define "main" }}{{ .Content }}{{ end }}')
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\ntheme = "missing"\n')
    assert load_site(tmp_path).title_h1 is False  # the site's own templates render its pages
    for name in ("baseof.html", "single.html"):
        (tmp_path / "layouts/_default" / name).unlink()
    site = load_site(tmp_path)
    assert site.title_h1 is None and not site.prints_title_h1("a.md")  # a missing theme's: unknown
    assert "content-h1: whether it prints one is unknown" in missing_modules_notes(site, {"content-h1"})[0]
    assert "content-h1" not in missing_modules_notes(site)[0]


def test_a_missing_partial_called_only_if_it_exists(tmp_path: Path) -> None:
    """A base template's call of a partial it tests for first (`templates.Exists`, monochrome's
    user hooks) calls none when there is none: the page templates are still all known, and
    a partial only a list template calls writes no page's h1."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/baseof.html", '<body>{{ block "main" . }}{{ end }}\n{{ if templates.Exists '
          '"_partials/user_end.html" }}{{ partial "user_end.html" . }}{{ end }}</body>')
    write(tmp_path, "layouts/single.html", '{{ define "main" }}<div>{{ .Content }}</div>{{ end }}')
    write(tmp_path, "layouts/_partials/bookcase/layout.html", "<div><h1>{{ .title }}</h1></div>")
    write(tmp_path, "layouts/bookcase/list.html", '{{ define "main" }}{{ partial "bookcase/layout.html" '
          '(dict "title" .Title) }}{{ end }}')
    assert load_site(tmp_path).title_h1_types == (("", False),)


def test_an_h1_the_page_template_writes_for_one_type(tmp_path: Path) -> None:
    """`{{ if eq .Type "blog" }}<h1>{{ .Title }}</h1>{{ end }}` (bearblog's single template,
    checked with hugo 0.168) writes the title for the blog's pages alone."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/single.html", '{{ if eq .Type "blog" }}{{ if not .Params.menu }}<h1>{{ .Title }}</h1>'
          "{{ end }}{{ end }}<main>{{ .Content }}</main>")
    site = load_site(tmp_path)
    assert site.prints_title_h1("blog/post.md") and not site.prints_title_h1("bear.md")
    assert site.prints_title_h1("bear.md", "blog") and not site.prints_title_h1("blog/post.md", "page")
    # the word in the base template's text or comments is no call of a partial it cannot follow
    write(tmp_path, "layouts/baseof.html", "<body>{{ block \"main\" . }}{{ end }}<!-- A partial to be overwritten -->"
          "{{/* a partial here */}} Powered by a partial view</body>")
    write(tmp_path, "layouts/single.html", '{{ define "main" }}{{ if eq .Type "blog" }}<h1>{{ .Title }}</h1>{{ end }}'
          "<main>{{ .Content }}</main>{{ end }}")
    assert not load_site(tmp_path).prints_title_h1("bear.md")


@pytest.mark.parametrize(
    ("hook", "changes_level"),
    [
        ('<h{{ .Level }} id="{{ .Anchor }}">{{ .Text }}</h{{ .Level }}>', False),
        ('{{ $l := .Level }}<h{{- $l -}} id="{{ .Anchor }}">{{ .Text }}</h{{ $l }}>', False),
        ('{{ $level := math.Sum .Level 1 }}<h{{ $level }} id="{{ .Anchor }}">{{ .Text }}</h{{ $level }}>', True),
        ('<div role="heading" aria-level="{{ .Level }}">{{ .Text }}</div>', True),
    ],
)
def test_a_heading_hook_that_writes_another_level_is_known(tmp_path: Path, hook: str, changes_level: bool) -> None:
    """A heading render hook that writes `#` as an `<h2>` (mypaint's `math.Sum .Level 1`)
    renders the page: content-h1 leaves it; one that writes `<h{{ .Level }}` changes nothing."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/_default/_markup/render-heading.html", hook)
    write(tmp_path, "content/a.md", "---\ntitle: A\n---\n# Discovering PyGI\n")
    assert ("render-heading" in load_site(tmp_path).hooks_rendering("a.md")) is changes_level
    result = CliRunner().invoke(main, ["check", "--source-only", str(tmp_path / "content" / "a.md")])
    assert ("content-h1" in result.output) is not changes_level


def test_a_types_own_templates_print_an_h1_for_its_pages_alone(tmp_path: Path) -> None:
    """hugo-book writes `<h1>` in `posts/single.html` alone: the pages of the `posts` section
    or type may print the title as one, no other page does; `page/` is the type of pages at
    the content's root."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/_default/single.html", "<main>{{ .Content }}</main>")
    write(tmp_path, "layouts/posts/single.html", "<h1>{{ .Title }}</h1>{{ .Content }}")
    write(tmp_path, "layouts/page/single.html", "<h1>{{ .Title }}</h1>{{ .Content }}")
    site = load_site(tmp_path)
    assert not site.title_h1 and site.title_h1_folders == {"posts", "page"}
    assert site.prints_title_h1("posts/a.md") and site.prints_title_h1("docs/a.md", "posts")
    assert site.prints_title_h1("about.md")
    assert not site.prints_title_h1("docs/a.md") and not site.prints_title_h1("about.md", "docs")


_CONFIG_KEYS = st.sampled_from(
    ["_merge", "markup", "goldmark", "renderer", "unsafe", "params", "menus", "languages", "en", "outputformats",
     "mediatypes", "x", "theme", "module", "imports", "path", "title"]
)  # fmt: skip
_CONFIG_LEAVES = st.one_of(
    st.sampled_from(["none", "shallow", "deep", "DEEP", "bogus", "t2"]), st.booleans(), st.integers(-3, 3),
    st.lists(st.sampled_from(["a", "t2"]), max_size=2),
)
_CONFIGS = st.dictionaries(
    _CONFIG_KEYS,
    st.recursive(_CONFIG_LEAVES, lambda children: st.dictionaries(_CONFIG_KEYS, children, max_size=4), max_leaves=12),
    max_size=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=_CONFIGS, theme=_CONFIGS, imported=_CONFIGS)
def test_random_theme_configs_merge_or_raise_a_config_error(
    tmp_path_factory: pytest.TempPathFactory, project: dict, theme: dict, imported: dict
) -> None:
    """Any project and theme configs, `_merge` values and all, load or give a SiteConfigError."""
    root = tmp_path_factory.mktemp("site")
    write(root, "hugo.json", json.dumps({**project, "theme": "t"}))
    write(root, "themes/t/hugo.json", json.dumps(theme))
    write(root, "themes/t2/hugo.json", json.dumps(imported))
    try:
        load_site(root)
    except SiteConfigError:
        pass



@pytest.mark.parametrize(
    ("template", "writes"),
    [
        ('<div class="{{ .Get 0 }}">{{ .Inner }}</div>', True),
        ("{{ .Inner }}", False),
        ("{{ if .Get 0 }}<span>x</span>{{ end }}", False),
        ('{{/* <div> */}}<!-- c -->`<div>` {{ .Inner }}', False),
        ('{{ with .Get "a" }}<b>{{ . }}</b>{{ else }}<i>x</i>{{ end }}', True),
        ("{{ if .Get 0 }}<i>a</i>{{ else if .Get 1 }}<i>b</i>{{ end }}", False),
        ("{{ if .Get 0 }}<i>a</i>{{ else if .Get 1 }}<i>b</i>{{- else -}}<i>c</i>{{ end }}", True),
        ("{{ if .Get 0 }}<i>a</i>{{ else if .Get 1 }}b{{ else }}<i>c</i>{{ end }}", False),
        ('{{ define "x" }}<div>{{ end }}{{ .Inner }}', False),
        ("{{ range .Params }}<li>{{ . }}</li>{{ end }}", False),
        ("{{ range .Params }}<li>{{ . }}</li>{{ else }}<p>none</p>{{ end }}", True),
        ("{{ if a }}" * 5000 + "<b>", False),
    ],
)
def test_writes_html(template: str, writes: bool) -> None:
    """Whether a `{{% %}}` call's template writes a tag whatever it is given (which Hugo
    then omits from the call's Markdown output)."""
    assert writes_html(template) is writes


@pytest.mark.parametrize(
    ("template", "written"),
    [
        ('<div id="tabs-{{ .Ordinal }}">', (("tabs-",), ())),
        ('{{ $g := printf "Tabs-%d" .Ordinal }}<ul id="{{- $g -}}">', (("Tabs-", "tabs-"), ())),
        ('{{ $g := printf "t-%d" 1 }}{{ $e := printf "%s-%s" $g . | anchorize }}<div id="{{ $e }}">', (("t-",), ())),
        ('{{ $id := .Get "id" }}<a id="{{ $id }}">', ((), ("id",))),
        ('{{- $id := .Get "id" }}<div{{ with $id }} id="{{ . }}"{{ end }}>', ((), ("id",))),
        ("<div id={{ .Get 0 }}>", ((), (0,))),
        ('<a id="{{ .Get 0 }}"></a><b id="x-{{ .Ordinal }}">', (("x-",), (0,))),
        ('{{ $g := printf "t-%d" 1 }}{{ $g = .Get 0 }}<a id="{{ $g }}">', None),
        ('<a id="{{ .Get 0 | anchorize }}">', ((), (("anchorize", 0),))),
        ('{{ $file := .Get "file" }}<div id="{{ anchorize $file }}">', ((), (("anchorize", "file"),))),
        ('<a id="{{ .Get 0 | urlize }}">', None),
        ('{{ $id := .Get "id" | default "x" }}<a id="{{ $id }}">', None),
        ('{{ readFile "x.md" | markdownify }}', None),
        # a file read only for a digest of it (a favicon's version), or of a name that holds no ids
        ('{{ $f := readFile $path }}<link href="/i.png?v={{ $f | md5 }}"><b length="{{ len $f }}">', ((), ())),
        ('<link href="/i.png?v={{ readFile "static/i.png" | md5 }}">{{ readFile "static/i.ico" }}', ((), ())),
        ('{{ $f := readFile $path }}<link href="/i.png?v={{ $f | md5 }}">{{ $f | safeHTML }}', None),
        ('{{ readFile "static/logo.svg" | safeHTML }}', None),
        ("<b>{{ .Inner }}</b>", ((), ())),
        # another page's content: a translation's (FixIt's missing-translation), a neighbour's
        ('{{ with index .Page.Translations 0 }}<div class="original">{{ .Content }}</div>{{ end }}', None),
        ("{{ with .Page.NextInSection }}{{ .Content }}{{ end }}", None),
        ("{{ range .Page.Pages }}<h2>{{ .Title }}</h2>{{ end }}", ((), ())),
        # a resource's content held only to be measured or searched (congo's SVG width) is not written
        ('{{ with .Page.Resources.GetMatch "x.svg" }}{{ $svg := .Content }}{{ $w := len $svg }}'
         '{{ range findRESubmatch `width="(\\d+)"` $svg 1 }}{{ index . 1 }}{{ end }}{{ end }}', ((), ())),
        ('{{ with .Page.Resources.GetMatch "x.svg" }}{{ $svg := .Content }}{{ $svg | safeHTML }}{{ end }}', None),
        ('{{ with site.GetPage "x" }}{{ $c := .Content }}{{ $d := $c | replaceRE "a" "b" }}{{ $d }}{{ end }}', None),
    ],
)
def test_written_ids(template: str, written: tuple[tuple[str, ...], tuple[object, ...]] | None) -> None:
    assert written_ids([template]) == written


def test_static_folders_as_mounts_make_them(tmp_path: Path) -> None:
    """The project's mounts to `static` replace `staticDir`, others leave it; a theme with
    mounts has those alone, one without has its `static` (checked with Hugo 0.168)."""
    write(tmp_path, "hugo.toml", 'theme = ["a", "b"]\n[[module.mounts]]\nsource = "src"\ntarget = "assets"\n')
    write(tmp_path, "themes/a/hugo.toml", '[[module.mounts]]\nsource = "node_modules/f/webfonts"\ntarget = "static/webfonts"\n'
          '[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n')
    write(tmp_path, "themes/b/static/b.css", "")
    site = load_site(tmp_path)
    assert site.static_dirs == (
        (str(tmp_path / "static"), ""),
        (str(tmp_path / "themes/a/node_modules/f/webfonts"), "webfonts"),
        (str(tmp_path / "themes/b/static"), ""),
    )
    assert not site.module_content
    write(tmp_path, "hugo.toml", 'theme = ["a", "b"]\n[[module.mounts]]\nsource = "files"\ntarget = "static/x"\n')
    assert load_site(tmp_path).static_dirs[0] == (str(tmp_path / "files"), "x")


@pytest.mark.parametrize(
    "config",
    [
        '[[module.mounts]]\nsource = "files"\ntarget = "static"\nfiles = ["*.png"]\n',
        '[languages.fr]\nstaticDir = "static-fr"\n',
    ],
)
def test_static_folders_unsure(tmp_path: Path, config: str) -> None:
    """Mounts or a language's own staticDir: which files Hugo copies is not known for
    sure, and links to files are not judged without a build."""
    write(tmp_path, "hugo.toml", config)
    assert load_site(tmp_path).static_dirs is None


def test_static_folders_of_a_site_whose_theme_is_missing(tmp_path: Path) -> None:
    """A missing theme may copy static files too: the project's are some of them."""
    write(tmp_path, "hugo.toml", 'theme = "not-there"\n')
    site = load_site(tmp_path)
    assert site.static_dirs == ((str(tmp_path / "static"), ""),) and not site.static_dirs_all


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('assetDir = "src/assets"\n', [("src/assets", "")]),
        ('[[module.mounts]]\nsource = "images"\ntarget = "assets/img"\n', [("images", "img")]),
    ],
)
def test_asset_dirs(tmp_path: Path, config: str, expected: list[tuple[str, str]]) -> None:
    """Where the embedded render hooks look with `resources.Get`: `assetDir`, or the mounts."""
    assert site_with(tmp_path, config).asset_dirs == tuple((str(tmp_path / path), under) for path, under in expected)


@pytest.mark.parametrize("kind", ["folder", "pipe", "not-utf-8"])
def test_a_config_that_cannot_be_read_is_an_error(tmp_path: Path, kind: str) -> None:
    """As Hugo fails on it ("read hugo.toml: is a directory"), rather than a run as if there
    were no site."""
    config = tmp_path / "hugo.toml"
    if kind == "folder":
        config.mkdir()
    elif kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("named pipes")
        os.mkfifo(config)
    else:
        config.write_bytes(b"title = '\xff'\n")
    (tmp_path / "content").mkdir()
    assert find_site_root(tmp_path / "content") == tmp_path
    with pytest.raises(SiteConfigError, match="cannot read config file: (is a directory|is a named pipe|not valid)"):
        load_site(tmp_path)


def test_the_hugo_version_a_deployment_pins(tmp_path: Path) -> None:
    """Netlify's `HUGO_VERSION`, or a GitHub workflow's `hugo-version`, in the site's folder
    or the repository's above it (not past its `.git`): findings on what a later Hugo removed
    say the site's Hugo still takes it."""
    site = tmp_path / "repo" / "site"
    write(site, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(site, "content/a.md", "---\ntitle: A\n_build:\n  list: false\n---\n\n{{< gist u 1 >}}\n")
    assert load_site(site).pinned_hugo is None
    write(tmp_path / "repo", ".github/workflows/pages.yml", "steps:\n  - uses: peaceiris/actions-hugo@v3\n"
          "    with:\n      hugo-version: '0.128.0'\n")  # fmt: skip
    assert load_site(site).pinned_hugo == ("0.128.0", "../.github/workflows/pages.yml")
    write(site, "hugo.toml", 'baseURL = "https://x.org/"\n[markup.goldmark.renderHooks.link]\nenableDefault = true\n')
    assert load_site(site).config_notes[0].endswith("in ../.github/workflows/pages.yml, where it still works: "
                                                   "change it before upgrading)")  # fmt: skip
    (tmp_path / "repo" / ".git").mkdir()
    write(tmp_path, "netlify.toml", '[build.environment]\nHUGO_VERSION = "0.100.0"\n')  # outside the repository
    write(site, "netlify.toml", '[context.production.environment]\n  HUGO_VERSION = "v0.150.1"\n')
    loaded = load_site(site)
    assert loaded.pinned_hugo == ("0.150.1", "netlify.toml")
    assert loaded.removed_since("0.145.0") == "" and "Hugo 0.150.1, in netlify.toml" in loaded.removed_since("0.156.0")
    (site / "netlify.toml").unlink()  # the npm package that ships the binary (grpc.io's)
    write(site, "package.json", '{"devDependencies": {"autoprefixer": "^10.4.0", "hugo-extended": "^0.99.1"}}\n')
    assert load_site(site).pinned_hugo == ("0.99.1", "package.json")
    write(site, "netlify.toml", '[context.production.environment]\n  HUGO_VERSION = "v0.150.1"\n')
    config = load_preset("recommended", RULES)
    outcome = run([Target(str(site / "content/a.md"), "a.md")], config, loaded, RULES)
    found = {p.rule: p.message for p in outcome.problems}
    assert "builds with Hugo 0.150.1" in found["shortcode-removed"] and "builds with" not in found["front-matter-type"]


def test_ids_page_templates_write_around_actions(tmp_path: Path) -> None:
    """`id="{{ $key }}-section"` makes any page's `#tags-section`; an id of an action alone,
    or of one character more, may be anything and is left to a build."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/_partials/side.html",
          '<h2 id="{{ $key }}-section"></h2><li id="post-{{ .ID }}-x"></li><p id="{{ . }}"></p><a id="a{{ . }}">'
          "<b id='{{ printf \"%s\" . }}'></b>")  # fmt: skip
    write(tmp_path, "layouts/_shortcodes/tab.html", '<div id="tab-{{ .Ordinal }}"></div>')  # content: not every page's
    # no id attribute: another attribute's (`data-id`), a URL's query (Google's tag snippet)
    write(tmp_path, "layouts/_partials/head.html",
          '<script src="https://g.com/gtag/js?id={{ site.Params.tag }}"></script><i data-id="{{ .Title }}"></i>'
          '{{ $mid := printf "m-%s" (.RelPermalink | anchorize) }}<a id="{{ $mid }}">')  # Docsy's sidebar
    site = load_site(tmp_path)
    assert site.layout_id_forms == (("", "-section"), ("m-", ""), ("post-", "-x"))
    assert site.layout_writes("tags-section") and site.layout_writes("post-12-x")
    assert not site.layout_writes("-section") and not site.layout_writes("tab-1") and not site.layout_writes("a1")
    (tmp_path / "layouts/_partials/side.html").unlink()
    assert load_site(tmp_path).layout_ids_known  # the head's ids are all known


def test_an_id_a_page_template_writes_as_the_page_s_url_starts_with_a_slash(tmp_path: Path) -> None:
    """LoveIt's `<span id="{{ .RelPermalink }}">`: any fragment that starts with `/` may be
    on its pages, the others are checked (not left to a build)."""
    write(tmp_path, "hugo.toml", 'baseURL = "https://x.org/"\n')
    write(tmp_path, "layouts/posts/single.html", '<span id="{{ .RelPermalink }}"></span><a id="{{- $.Permalink -}}">')
    site = load_site(tmp_path)
    assert site.layout_ids_known and site.layout_id_forms == (("/", ""), ("http", ""))
    assert site.layout_writes("/posts/a/") and not site.layout_writes("setup")


# --- The environment's HUGO variables ----------------------------------------------------------

_ENVIRONMENT_CONFIG = """title = "x"
[markup.goldmark.renderer]
hardWraps = false
[params]
n = 3
flag = false
list = ["a"]
[params.table]
kept = "yes"
"""


@pytest.mark.hugo
@pytest.mark.parametrize(
    "environ",
    [
        {"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": "true"},  # a key the config does not have
        {"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": "false", "HUGO_UGLYURLS": "true"},
        {"HUGO_PARAMS_N": "0x10", "HUGO_PARAMS_FLAG": "yes", "HUGOxPARAMSxAPI_KEY": "k", "HUGO_PARAMS_NEW": "1"},
        {"HUGO_PARAMS_N": "017", "HUGO_PARAMS_FLAG": "T", "HUGO_PARAMS_LIST": "[b, c]", "HUGO_PARAMS_DEEP_ER_KEY": "v"},
        {"HUGO_PARAMS_TABLE": '{"added": 1}', "HUGO_TITLE_X": "lost", "HUGO_DISABLEKINDS": "taxonomy term"},
        {"HUGO_PARAMS": "other: 2", "HUGO_DISABLEKINDS": "[taxonomy, term]", "HUGO_BASEURL": "https://e.org/"},
        {"HUGO_PARAMS_TABLE": "a = 1", "HUGO_PARAMS_N": "many", "HUGO_IGNOREFILES": r"\.x$,\.y$"},
    ],
)
def test_the_environments_hugo_variables_set_keys_as_in_hugo(
    hugo: str, tmp_path: Path, environ: dict[str, str]
) -> None:
    write(tmp_path, "hugo.toml", _ENVIRONMENT_CONFIG)
    result = subprocess.run(
        [hugo, "config", "--format", "json", "-s", str(tmp_path)],
        capture_output=True, text=True, timeout=60, env={"PATH": os.environ.get("PATH", ""), **environ},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    built = json.loads(result.stdout)
    site = load_site(tmp_path, environ=environ)
    config = site_config_data(tmp_path, environ)
    # `hugo config` leaves false and empty values out
    assert _without_zeros(config["params"]) == built["params"]
    assert config.get("disablekinds", []) == (built.get("disablekinds") or [])
    assert config.get("ignorefiles", []) == (built.get("ignorefiles") or [])
    assert site.markup.unsafe is built["markup"]["goldmark"].get("renderer", {}).get("unsafe", False)
    assert site.ugly_urls is (built["uglyurls"] is True)
    assert (site.base_url or "https://example.org/") == built["baseurl"] and built["title"] == "x"


def _without_zeros(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_zeros(item) for key, item in value.items() if item not in (False, "", [], None)}
    return value


def site_config_data(root: Path, environ: dict[str, str]) -> dict[str, Any]:
    from validator import site as site_module

    config = site_module._load_config(root, "production")
    site_module._set_from_environment(config, environ)
    return config.data


def test_the_environment_picks_the_config_folder_and_names_a_theme(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(tmp_path, "config/staging/hugo.toml", 'baseURL = "https://staging.example.org/"\n')
    assert load_site(tmp_path, environ={}).base_url == "https://example.org/"
    assert load_site(tmp_path, environ={"HUGO_ENV": "staging"}).base_url == "https://staging.example.org/"
    staging = {"HUGO_ENVIRONMENT": "staging", "HUGO_ENV": "production"}
    assert load_site(tmp_path, environ=staging).base_url == "https://staging.example.org/"
    # Hugo 0.168 takes HUGO_THEME=a,b as one theme's name
    assert load_site(tmp_path, environ={"HUGO_THEME": "a,b"}).missing_modules == ("a,b",)


def test_a_bad_value_from_the_environment_names_the_variable(tmp_path: Path) -> None:
    write(tmp_path, "hugo.toml", 'baseURL = "https://example.org/"\n')
    with pytest.raises(SiteConfigError) as raised:
        load_site(tmp_path, environ={"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE": "maybe"})
    assert "$HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE" in str(raised.value)
    assert "markup.goldmark.renderer.unsafe: expected a boolean, got 'maybe'" in str(raised.value)


def test_a_variable_set_to_the_calls_content_is_read_as_it() -> None:
    from validator.site import _inner_through_variables

    assert _inner_through_variables("{{ $c := .Inner }}<div>{{ $c | markdownify }}</div>") == (
        "\n<div>{{ .Inner | markdownify }}</div>"
    )
    # a variable set to something else too is not the content
    reset = '{{ $c := .Inner }}{{ if .Get 0 }}{{ $c = "x" }}{{ end }}{{ $c | markdownify }}'
    assert _inner_through_variables(reset) == ""
    assert _inner_through_variables("{{ $c := .Inner | plainify }}{{ $c | markdownify }}") == ""


@pytest.mark.parametrize("name", ["HUGO_PARAMS", "HUGO_MARKUP", "HUGO_DISABLEKINDS", "HUGO_PARAMS_LIST"])
@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, '{"a":' * 3000 + "1" + "}" * 3000, "a: &x [*x]"])
def test_a_hostile_value_from_the_environment_is_a_clear_error_or_a_string(
    tmp_path: Path, name: str, text: str
) -> None:
    write(tmp_path, "hugo.toml", 'baseURL = "https://example.org/"\n[params]\nlist = ["a"]\n')
    try:
        load_site(tmp_path, environ={name: text})
    except SiteConfigError as error:
        assert f"${name}" in str(error)


@pytest.mark.parametrize(
    ("rule", "written"),
    [
        ({"source": "/documentation/(.*)", "destination": "/docs/$1"}, "/documentation/* /docs/:splat"),
        ({"source": "/blog/:slug", "destination": "/news/:slug", "permanent": False}, "/blog/:slug /news/:slug"),
        ({"source": "/v1/:path*", "destination": "/v2/:path*"}, "/v1/* /v2/:splat"),
        ({"source": "/app/(.*)", "destination": "/index.html"}, "/app/* /index.html"),  # a rewrite alike
        ({"source": "/(.*)", "destination": "/index.html"}, None),  # a fallback for every path serves no link
        ({"source": "/x", "destination": "/y", "has": [{"type": "host", "value": "a.org"}]}, "/x"),  # a condition
        ({"source": "/x", "destination": "https://elsewhere.org/"}, "/x"),  # another host: leads somewhere
        ({"source": "/old/:id(\\d+)", "destination": "/new/:id"}, None),  # a pattern not read
        ({"source": "x", "destination": "/y"}, None),
    ],
)
def test_vercel_rules_as_redirects_rules(rule: dict, written: str | None) -> None:
    assert _vercel_rule(rule, "308") == written


@pytest.mark.parametrize(
    ("template", "markdownified"),
    [
        ("{{ .Content | markdownify }}", True),
        ("{{ $.Page.Content | safeHTML | markdownify }}", True),
        ("{{ markdownify .Content }}", True),
        ("{{ .RenderString .Content }}", True),
        ("{{ .Content | .Page.RenderString }}", True),
        ("{{ .Content }}{{ .Summary | markdownify }}", False),
        ("{{ .ContentWithoutSummary | markdownify }}", False),
        ("{{ .Params.Content | markdownify }}", False),
        ("{{ .Content | plainify | markdownify }}", False),  # text, not HTML, made Markdown
    ],
)
def test_templates_that_render_the_content_as_markdown_again(template: str, markdownified: bool) -> None:
    assert bool(_MARKDOWNIFIES_CONTENT.search(template)) is markdownified

"""Content mounts (`module.mounts` with a `content` target): how they are read, which files
they mount, and the URLs, refs and rendered findings of mounted pages, built with the real
Hugo and compared."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site, check_site
from validator.cli import main
from validator.config import Config
from validator.engine import Target
from validator.settings import ContentMount, SiteConfig
from validator.site import ContentRoot, SiteConfigError, content_roots, load_site, mount_admits, predict_url
from validator.targets import collect_targets

LAYOUTS = {
    "layouts/single.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
    "layouts/list.html": "<h1>{{ .Title }}</h1>{{ .Content }}",
}
QUIET = 'baseURL = "https://example.org/"\ndisableKinds = ["rss", "sitemap", "robotstxt", "404", "taxonomy", "term"]\n'


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def page(title: str, body: str = "", **front_matter: object) -> str:
    return f"---\n{yaml.safe_dump({'title': title, **front_matter})}---\n{body}"


def mounts(root: Path, config: str, dirs: tuple[str, ...] = ()) -> tuple[ContentMount, ...]:
    write(root, {"hugo.toml": config})
    for directory in dirs:
        (root / directory).mkdir(parents=True, exist_ok=True)
    return load_site(root).content_mounts


# --- Reading the mounts ------------------------------------------------------------------------


def test_folders_files_and_their_places(tmp_path: Path) -> None:
    write(tmp_path, {"CHANGELOG.md": "# Changes\n"})
    config = (
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "docs/"\ntarget = "content/./docs/"\n'
        '[[module.mounts]]\nsource = "CHANGELOG.md"\ntarget = "content/about/changelog.md"\n'
        '[[module.mounts]]\nsource = "static"\ntarget = "static"\n'
    )
    assert mounts(tmp_path, config, ("content", "docs")) == (
        ContentMount("content", (), ("en",)),
        ContentMount("docs", ("docs",), ("en",)),
        ContentMount("CHANGELOG.md", ("about", "changelog.md"), ("en",), is_file=True),
    )


def test_languages_from_lang_and_the_sites_matrix_glob_slice(tmp_path: Path) -> None:
    config = (
        'defaultContentLanguage = "fr"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n'
        '[[module.mounts]]\nsource = "a"\ntarget = "content"\nlang = "EN"\n'
        '[[module.mounts]]\nsource = "b"\ntarget = "content"\n[module.mounts.sites.matrix]\nlanguages = ["! fr", "**"]\n'
        '[[module.mounts]]\nsource = "c"\ntarget = "content"\n[module.mounts.sites.matrix]\nlanguages = "{de,fr}"\n'
        '[[module.mounts]]\nsource = "d"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "e"\ntarget = "content"\nlang = "nl"\n'
    )
    found = {mount.source: mount.languages for mount in mounts(tmp_path, config)}
    # No language configured matches `nl`: the mount mounts nothing.
    assert found == {"a": ("en",), "b": ("en", "de"), "c": ("fr", "de"), "d": ("fr",), "e": ()}
    # Hugo 0.168 fails the build on `lang` (dapr's docs): the summary says so
    assert load_site(tmp_path).config_notes == (
        "hugo.toml: module.mounts `lang`: removed in Hugo 0.153, later versions fail the build; use "
        "`sites.matrix` (mdcheck reads them as Hugo 0.152 did)",
    )


def test_files_and_the_older_include_and_exclude_keys(tmp_path: Path) -> None:
    config = (
        '[[module.mounts]]\nsource = "a"\ntarget = "content"\nfiles = ["! Drafts/**", "**"]\n'
        '[[module.mounts]]\nsource = "b"\ntarget = "content"\nfiles = "*.md"\n'
        '[[module.mounts]]\nsource = "c"\ntarget = "content"\nincludeFiles = "/docs/**"\nexcludeFiles = ["*.txt"]\n'
    )
    assert [mount.files for mount in mounts(tmp_path, config)] == [
        ("! drafts/**", "**"),
        ("*.md",),
        ("/docs/**", "! *.txt"),
    ]
    # Hugo 0.168 fails the build on the older keys: the summary says so
    assert load_site(tmp_path).config_notes == (
        "hugo.toml: module.mounts `includeFiles` and `excludeFiles`: removed in Hugo 0.153, later versions "
        "fail the build; use `files` (mdcheck reads them as Hugo 0.152 did)",
    )


@pytest.mark.parametrize(
    "value",
    [
        '"content"',
        '["content", 3, true]',
        "[[]]",
        '[{target = "content"}]',
        '[{source = 3, target = "content"}]',
        '[{source = "", target = "content"}]',
        '[{source = "x", target = 4}]',
        '[{source = "x", target = "/content"}]',
        '[{source = "x", target = "contents"}]',
        '[{source = "x", target = "content/../static"}]',
        '[{source = "x\\u0000y", target = "content/x"}]',
        '[{source = "hugo.toml", target = "content"}]',
        '[{source = "x", target = "content", lang = {a = 1}, files = {b = 2}, sites = "all"}]',
        '[{source = "x", target = "content", sites = {matrix = ["en"]}}]',
    ],
)
def test_bad_values_never_raise(tmp_path: Path, value: str) -> None:
    write(tmp_path, {"hugo.toml": f"[module]\nmounts = {value}\n"})
    site = load_site(tmp_path)
    for mount in site.content_mounts:
        assert isinstance(mount.source, str) and all(isinstance(part, str) for part in mount.target)
    assert isinstance(content_roots(site), list)


@pytest.mark.parametrize(
    "config",
    [
        '[[module.mounts]]\nsource = "/"\ntarget = "content"\n',
        '[[module.mounts]]\nsource = "' + "../" * 40 + '"\ntarget = "content/x"\n',
        'contentDir = "/"\n',
        'contentDir = "content/' + "../" * 40 + '"\n',
        '[languages.fr]\ncontentDir = "/"\n',
        'layoutDir = "/"\n',
        'staticDir = "../../../../../../../../../../../../../../../.."\n',
        'dataDir = "/"\n',
        'staticDir = ["static", "/"]\n',
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "/"\ntarget = "static"\n',
    ],
)
def test_a_component_at_the_file_system_root_is_a_config_error(tmp_path: Path, config: str) -> None:
    """Hugo 0.168 panics ("invalid root mapping") for content, layouts, static, data… at
    `/`, walking which would not end."""
    write(tmp_path, {"hugo.toml": config})
    with pytest.raises(SiteConfigError, match="is the filesystem's root, where Hugo stops"):
        load_site(tmp_path)


def test_a_source_outside_the_site_or_missing_is_kept(tmp_path: Path) -> None:
    """Hugo follows a source outside the project; a missing one mounts nothing, but the
    project's `content` is still no longer mounted by default (both checked with Hugo)."""
    root = tmp_path / "site"
    config = '[[module.mounts]]\nsource = "../shared"\ntarget = "content/shared"\n[[module.mounts]]\nsource = "gone"\ntarget = "content/gone"\n'
    assert [m.source for m in mounts(root, config, ("content",))] == ["../shared", "gone"]
    assert [(r.path, r.target) for r in content_roots(load_site(root))] == [
        (root / "../shared", "shared"),
        (root / "gone", "gone"),
    ]


def test_content_roots_put_the_default_language_first_and_list_a_place_once(tmp_path: Path) -> None:
    config = (
        '[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n'
        '[[module.mounts]]\nsource = "fr"\ntarget = "content"\nlang = "fr"\n'
        '[[module.mounts]]\nsource = "en"\ntarget = "content"\nlang = "en"\n'
        '[[module.mounts]]\nsource = "en"\ntarget = "content"\nlang = "fr"\n'
        '[[module.mounts]]\nsource = "api"\ntarget = "content/api"\nfiles = ["**.md"]\n[module.mounts.sites.matrix]\nlanguages = ["**"]\n'
    )
    mounts(tmp_path, config)
    assert content_roots(load_site(tmp_path)) == [
        ContentRoot("en", tmp_path / "en"),
        ContentRoot("en", tmp_path / "api", "api", ("**.md",)),
        ContentRoot("fr", tmp_path / "fr"),
    ]


def test_a_file_two_mounts_reach_is_checked_once_and_a_named_one_gets_its_content_path(tmp_path: Path) -> None:
    config = (
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "content/src"\ntarget = "content/docs"\n'
        '[[module.mounts]]\nsource = "CHANGELOG.md"\ntarget = "content/changelog.md"\n'
        '[[module.mounts]]\nsource = "data.json"\ntarget = "content/data.json"\n'
        '[[module.mounts]]\nsource = "content/bg.jpg"\ntarget = "content/tests/cover/bg.jpg"\n'
    )
    files = {"content/src/x.md": "# X\n", "CHANGELOG.md": "# C\n", "data.json": "{}", "content/bg.jpg": "\xff"}
    write(tmp_path, {"hugo.toml": config, **files})
    site, config_ = load_site(tmp_path), Config(path=None, base=tmp_path, rules={})
    targets = collect_targets([], config_, site, tmp_path)
    assert [(t.display, t.content_path) for t in targets] == [("content/src/x.md", "src/x.md"), ("CHANGELOG.md", "changelog.md")]
    named = collect_targets([tmp_path / "CHANGELOG.md"], config_, site, tmp_path)
    assert [(t.display, t.content_path, t.language) for t in named] == [("CHANGELOG.md", "changelog.md", "en")]


# Checked with Hugo 0.168 (test_the_files_globs_select_what_hugo_mounts builds it).
ADMITTED = {
    ("**.md",): {"top.md", "secret.md"},  # the walk is not let into sub directories
    ("/x/**",): {"x/bx.md", "x/y/by.md"},
    ("**.md", "! **secret*"): {"top.md", "secret.md"},  # the first matching pattern decides
    ("! **secret*", "**"): {"top.md", "sub/s.md", "x/bx.md", "x/y/by.md", "z/bz.md"},
    ("! /sub", "! *.txt"): {"top.md", "secret.md", "x/bx.md", "x/y/by.md", "z/bz.md"},
    ("/sub/*.md",): {"sub/s.md", "sub/secret-2.md"},
}
FILTERED_FILES = ("top.md", "secret.md", "sub/s.md", "sub/secret-2.md", "x/bx.md", "x/y/by.md", "z/bz.md")


@pytest.mark.parametrize("files", list(ADMITTED))
def test_mount_admits(files: tuple[str, ...]) -> None:
    assert {path for path in FILTERED_FILES if mount_admits(files, path)} == ADMITTED[files]


def test_mount_admits_is_case_insensitive() -> None:
    assert mount_admits(("/docs/*.md",), "Docs/Guide.MD")
    assert not mount_admits(("! /docs",), "DOCS/x.md")


# --- Against the real Hugo ------------------------------------------------------------------------


def hugo_urls(hugo: str, root: Path) -> dict[str, set[str]]:
    """`hugo list all`: each file (real path) with the URL paths of its pages."""
    output = subprocess.run([hugo, "list", "all", "-s", str(root)], capture_output=True, text=True, check=True).stdout
    urls: dict[str, set[str]] = {}
    for row in csv.DictReader(output[output.index("path,") :].splitlines()):
        urls.setdefault(os.path.realpath(root / row["path"]), set()).add(urlsplit(row["permalink"]).path)
    return urls


def _targets(root: Path) -> Iterator[tuple[SiteConfig, Target, dict[str, Any]]]:
    """The site, and each file mdcheck checks with its front matter."""
    site = load_site(root)
    for target in collect_targets([], Config(path=None, base=root, rules={}), site, root):
        text = Path(target.path).read_text("utf-8")
        yield site, target, yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}


def predicted(root: Path) -> dict[str, tuple[str | None, str | None]]:
    """Each file mdcheck checks (real path): its content path and predicted URL."""
    return {
        os.path.realpath(target.path): (
            target.content_path,
            predict_url(site, target.content_path or "", front_matter, target.language),
        )
        for site, target, front_matter in _targets(root)
    }


def every_url(root: Path) -> dict[str, set[str]]:
    """Each file mdcheck checks (real path): the URLs of all the pages it predicts Hugo makes
    of it, other languages' through fallback mounts (`Target.also`) included."""
    found = {}
    for site, target, front_matter in _targets(root):
        pages = [(target.language, target.content_path or ""), *target.also]
        urls = {predict_url(site, path, front_matter, language) for language, path in pages}
        found[os.path.realpath(target.path)] = {url for url in urls if url is not None}
    return found


def assert_like_hugo(hugo: str, root: Path) -> dict[str, tuple[str | None, str | None]]:
    """Every file Hugo builds a page from is checked once, with its pages' URLs (one per
    language that has it), and every page mdcheck predicts is in the publish dir."""
    build_site(hugo, root, root / "public")
    listed, ours = hugo_urls(hugo, root), predicted(root)
    assert {file for file, (_, url) in ours.items() if url} == set(listed)
    for file, (_, url) in ours.items():
        assert url is None or url in listed[file], file
        assert url is None or (root / "public" / url.lstrip("/") / "index.html").is_file()
    assert {file: urls for file, urls in every_url(root).items() if urls} == listed
    return {os.path.relpath(file, root): value for file, value in ours.items()}


MOUNTED = {
    "hugo.toml": QUIET
    + '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
    '[[module.mounts]]\nsource = "documentation"\ntarget = "content/docs"\n'
    '[[module.mounts]]\nsource = "CHANGELOG.md"\ntarget = "content/changelog.md"\n'
    '[[module.mounts]]\nsource = "NOTES.md"\ntarget = "content/misc/notes.md"\n'
    '[[module.mounts]]\nsource = "extra"\ntarget = "content/docs/more"\nfiles = ["! drafts", "**"]\n'
    '[[module.mounts]]\nsource = "missing"\ntarget = "content/gone"\n'
    "# One file in a hidden folder (which the content mount skips), mounted at two places\n"
    '[[module.mounts]]\nsource = "content/docs/.shared/common.md"\ntarget = "content/docs/one/common.md"\n'
    '[[module.mounts]]\nsource = "content/docs/.shared/common.md"\ntarget = "content/docs/two/common.md"\n',
    **LAYOUTS,
    "content/docs/.shared/common.md": page("Common"),
    "content/docs/.hidden.md": page("Hidden: no page"),
    "content/docs/#autosave.md": page("An editor's file: no page"),
    "content/_index.md": page("Home"),
    "content/docs/_index.md": page("Docs", cascade=[{"slug": "cascaded", "target": {"path": "/docs/sub/**"}}]),
    "content/docs/d.md": page("D from content"),
    "content/docs/bundle/index.md": page("Bundle"),
    "documentation/d.md": page("D from documentation: hidden by content/docs/d.md"),
    "documentation/guide.md": page(
        "Guide",
        "## Setup\n\nSee the [changes]({{< ref \"changelog.md\" >}}), [more]({{< relref \"/docs/more/m.md\" >}}),"
        " [notes]({{< ref \"misc/notes\" >}}) and [setup](#setup).\n\nBroken: [anchor](#nope).\n",
    ),
    "documentation/sub/s.md": page("S"),
    "documentation/bundle/resource.md": page("A resource of content/docs/bundle"),
    "extra/m.md": page("M"),
    "extra/drafts/x.md": page("Left out by the mount's files"),
    "CHANGELOG.md": "# Changelog\n\nSee the [guide]({{< relref \"docs/guide.md#setup\" >}}).\n",
    "NOTES.md": page("Notes"),
}


@pytest.mark.hugo
def test_folder_and_file_mounts_get_hugos_urls(hugo: str, tmp_path: Path) -> None:
    write(tmp_path, MOUNTED)
    found = assert_like_hugo(hugo, tmp_path)
    assert found == {
        "content/_index.md": ("_index.md", "/"),
        "content/docs/_index.md": ("docs/_index.md", "/docs/"),
        "content/docs/d.md": ("docs/d.md", "/docs/d/"),
        "content/docs/bundle/index.md": ("docs/bundle/index.md", "/docs/bundle/"),
        "documentation/guide.md": ("docs/guide.md", "/docs/guide/"),
        "documentation/sub/s.md": ("docs/sub/s.md", "/docs/sub/cascaded/"),
        "documentation/bundle/resource.md": ("docs/bundle/resource.md", None),
        "extra/m.md": ("docs/more/m.md", "/docs/more/m/"),
        "CHANGELOG.md": ("changelog.md", "/changelog/"),
        "NOTES.md": ("misc/notes.md", "/misc/notes/"),
        "content/docs/.shared/common.md": ("docs/one/common.md", "/docs/one/common/"),
    }


MULTILINGUAL = {
    "hugo.toml": QUIET
    + 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'
    '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n[module.mounts.sites.matrix]\nlanguages = ["en"]\n'
    '[[module.mounts]]\nsource = "content/fr"\ntarget = "content"\n[module.mounts.sites.matrix]\nlanguages = ["fr"]\n'
    "# What fr lacks comes from en\n"
    '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n[module.mounts.sites.matrix]\nlanguages = ["fr"]\n'
    '[[module.mounts]]\nsource = "api"\ntarget = "content/api"\n[module.mounts.sites.matrix]\nlanguages = ["! fr", "**"]\n',
    **LAYOUTS,
    "content/en/_index.md": page("Home"),
    "content/en/posts/_index.md": page("Posts", cascade={"slug": "by-cascade", "target": {"path": "/posts/b"}}),
    "content/en/posts/a.md": page("A"),
    "content/en/posts/b.md": page("B, in French from the fallback too"),
    "content/en/about.fr.md": page("À propos"),
    "content/fr/_index.md": page("Accueil"),
    "content/fr/posts/a.md": page(
        "A en français",
        "Voir [B]({{< ref \"posts/b.md\" >}}), [B]({{< ref \"b\" >}}), [en français](/fr/posts/by-cascade/).\n",
    ),
    "api/x.md": page("X"),
}


@pytest.mark.hugo
def test_per_language_mounts_and_the_fallback_get_hugos_urls(hugo: str, tmp_path: Path) -> None:
    write(tmp_path, MULTILINGUAL)
    found = assert_like_hugo(hugo, tmp_path)
    assert found == {
        "content/en/_index.md": ("_index.md", "/"),
        "content/en/posts/_index.md": ("posts/_index.md", "/posts/"),
        "content/en/posts/a.md": ("posts/a.md", "/posts/a/"),
        "content/en/posts/b.md": ("posts/b.md", "/posts/by-cascade/"),
        "content/en/about.fr.md": ("about.fr.md", "/fr/about/"),
        "content/fr/_index.md": ("_index.md", "/fr/"),
        "content/fr/posts/a.md": ("posts/a.md", "/fr/posts/a/"),
        "api/x.md": ("api/x.md", "/api/x/"),
    }
    # The French page the fallback makes of posts/b.md is linked to: published, not broken.
    assert check_site(tmp_path, {}, ["ref-not-found", "md-link", "broken-link", "broken-anchor"]) == []


@pytest.mark.hugo
def test_the_files_globs_select_what_hugo_mounts(hugo: str, tmp_path: Path) -> None:
    config = QUIET + "".join(
        f'[[module.mounts]]\nsource = "m{i}"\ntarget = "content/m{i}"\nfiles = {json.dumps(list(files))}\n'
        for i, files in enumerate(ADMITTED)
    )
    write(tmp_path, {"hugo.toml": config, **LAYOUTS})
    for i in range(len(ADMITTED)):
        write(tmp_path, {f"m{i}/{path}": page(path) for path in FILTERED_FILES})
    found = assert_like_hugo(hugo, tmp_path)
    for i, files in enumerate(ADMITTED):
        assert {content.removeprefix(f"m{i}/") for content, _ in found.values() if content.startswith(f"m{i}/")} == ADMITTED[files]


# --- Links and the rendered pass on a mounted site ------------------------------------------------


def test_refs_to_mounted_pages_resolve_and_missing_ones_are_reported(tmp_path: Path) -> None:
    files = {
        **MOUNTED,
        "documentation/broken.md": page(
            "Broken",
            "A [missing page]({{< ref \"docs/more/nope.md\" >}}) and [another](../more/gone.md).\n"
            "Left out by `files`: [draft]({{< ref \"/docs/more/drafts/x.md\" >}}).\n",
        ),
    }
    write(tmp_path, files)
    problems = check_site(tmp_path, {}, ["ref-not-found", "md-link", "broken-anchor"])
    assert {(p.path, p.line, p.rule) for p in problems} == {
        ("documentation/broken.md", 4, "ref-not-found"),
        ("documentation/broken.md", 4, "md-link"),
        ("documentation/broken.md", 5, "ref-not-found"),
        ("documentation/guide.md", 8, "broken-anchor"),
    }


def rendered_findings(*args: str) -> set[tuple[str, int, str]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return {(p["path"], p["line"], p["rule"]) for p in json.loads(result.stdout)["problems"] if p.get("html_path")}


@pytest.mark.hugo
def test_the_rendered_pass_maps_findings_to_the_mounted_file(
    hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {**MOUNTED, "documentation/guide.md": MOUNTED["documentation/guide.md"] + "\n[Gone](/docs/gone/)\n"})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    expected = {("documentation/guide.md", 8, "broken-anchor"), ("documentation/guide.md", 10, "broken-link")}
    assert rendered_findings("--build") == expected
    build_site(hugo, tmp_path, tmp_path / "public")
    assert rendered_findings("--html", "public") == expected


_MOUNT_TEXT = st.sampled_from(
    ["content", "content/docs", "content/x.md", "docs", "docs/b.md", "x.md", "../outside", "", "/", "..",
     "content/../static", "**.md", "! **.md", "*", "! en", "en", "fr", "de*", "{en,fr}", "[", "content/ä ö"]
)
_MOUNT_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | _MOUNT_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_MOUNT_TEXT | st.sampled_from(["matrix", "languages"]), inner, max_size=2),
    max_leaves=6,
)
_GLOBS = st.lists(_MOUNT_TEXT, max_size=3) | _MOUNT_TEXT | _MOUNT_VALUE
_MOUNT = st.fixed_dictionaries(
    {"source": _MOUNT_TEXT | _MOUNT_VALUE, "target": _MOUNT_TEXT | _MOUNT_VALUE},
    optional={
        "lang": _GLOBS,
        "files": _GLOBS,
        "sites": st.fixed_dictionaries({"matrix": st.fixed_dictionaries({"languages": _GLOBS})}) | _MOUNT_VALUE,
        "includeFiles": _GLOBS,
        "excludeFiles": _GLOBS,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mounts=st.lists(_MOUNT, max_size=4) | _MOUNT_VALUE)
def test_random_mounts_never_raise(tmp_path: Path, mounts: object) -> None:
    """Whatever `module.mounts` holds, the site loads (or is refused with a config error,
    as a mount of the filesystem's root is), its files are collected and each one's URL is
    predicted without an exception."""
    root = tmp_path / "site"
    write(root, {
        "hugo.json": json.dumps({"languages": {"en": {"weight": 1}, "fr": {"weight": 2}}, "module": {"mounts": mounts}}),
        "content/a.md": page("A"), "content/docs/_index.md": page("Docs", cascade={"type": "d"}),
        "docs/b.md": page("B"), "x.md": page("X"), "docs/img.png": "",
    })
    try:
        site = load_site(root)
    except SiteConfigError as exc:
        assert "is the filesystem's root" in str(exc)
        return
    targets = collect_targets([], Config(path=None, base=root, rules={}), site, root)
    for target in targets:
        if target.content_path is not None:
            predict_url(site, target.content_path, {}, target.language)
    assert len({(t.language, t.content_path) for t in targets if t.content_path}) == len(
        [t for t in targets if t.content_path]
    )


def test_a_mount_whose_source_is_missing_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hugo 0.168 builds without a word when a mount's source is missing (a submodule not
    checked out): mdcheck says so, since links into it lead nowhere in Hugo's build."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
        '[[module.mounts]]\nsource = "../sdk/docs"\ntarget = "content/sdk"\n'
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text('+++\ntitle = "A"\n+++\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--source-only"])
    assert "content mount source '../sdk/docs' (content/sdk) not found: Hugo skips it" in result.output


@pytest.mark.parametrize("config", ['contentDir = "docs-generated"\n', ""])
def test_a_missing_content_dir_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str) -> None:
    """A contentDir a step before the build makes (or a submodule) is not there: no page is
    checked, and the summary says why rather than "All clean"."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.org/"\n' + config)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    name = "docs-generated" if config else "content"
    assert f"contentDir '{name}' not found: no page of the site is checked" in result.output
    assert result.exit_code == 0


def test_languages_of_their_own_content_dirs_need_no_site_content_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hugo-book's languages each have their own contentDir (`content.en`): Hugo builds every
    page from them, and no root `content` is missing."""
    (tmp_path / "hugo.toml").write_text(
        'baseURL = "https://x.org/"\n[languages.en]\ncontentDir = "content.en"\nweight = 1\n'
        '[languages.fr]\ncontentDir = "content.fr"\nweight = 2\n'
    )
    (tmp_path / "content.en").mkdir()
    (tmp_path / "content.en" / "a.md").write_text("---\ntitle: A\n---\nText.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert "not found" not in result.output and "1 file" in result.output


@pytest.mark.hugo
def test_a_language_whose_content_dir_is_the_top_level_one_has_no_pages(hugo: str, tmp_path: Path) -> None:
    """The top-level contentDir is the default language's, whichever language names it its
    own (hugegraph's `cn`): Hugo 0.168 publishes its files as the default language's pages,
    over the default language's own of the same path, and none as `cn`'s."""
    config = (
        'baseURL = "https://x.org/"\ndefaultContentLanguage = "en"\ncontentDir = "content/cn"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
        '[languages.cn]\ncontentDir = "content/cn"\nweight = 1\n[languages.en]\ncontentDir = "content/en"\nweight = 2\n'
    )
    files = {
        "layouts/single.html": "{{ .Lang }} {{ .File.Path }} {{ .Content }}",
        "layouts/list.html": "{{ .Content }}",
        "content/cn/a.md": page("CN", "[self](/cn/a/) and [b](/b/)\n"),
        "content/en/a.md": page("EN", "[shadowed](/gone/)\n"),
        "content/en/b.md": page("B", "B.\n"),
    }
    problems = check_site(tmp_path, files, ["broken-link"], hugo_config=config)
    assert [(p.path, p.line) for p in problems] == [("content/cn/a.md", 4)]
    build_site(hugo, tmp_path, tmp_path / "public")
    assert (tmp_path / "public/a/index.html").read_text().startswith("en a.md <p>")
    assert not (tmp_path / "public/cn/a").exists() and (tmp_path / "public/b/index.html").exists()


@pytest.mark.hugo
def test_a_language_content_dir_inside_another_is_noted(hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fr's `content/fr` inside en's `content` (lotusdocs' example site): Hugo makes each fr
    file an en page too, at the fr page's URL (checked with hugo 0.168)."""
    write(tmp_path, {
        "hugo.toml": 'baseURL = "https://x.org/"\ndefaultContentLanguage = "en"\ndisableKinds = ["taxonomy", "term", "rss"]\n'
                     '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ncontentDir = "content/fr"\n',
        "layouts/single.html": "{{ .Lang }}", "layouts/list.html": "{{ .Lang }}",
        "content/fr/docs/a.md": page("A"), "content/docs/a.md": page("A"),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--source-only"])
    assert "the contentDir of language 'fr' (content/fr) is inside that of 'en' (content)" in result.output
    built = subprocess.run([hugo, "--printPathWarnings", "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert "Duplicate target paths: /fr/docs/a/index.html (2)" in built.stdout + built.stderr


# A README and docs mounted from outside the site link each other as files, as on GitHub:
# Hugo finds a path with an extension beside the page's file, then beside the home page's.
BESIDE = {
    "site/hugo.toml": QUIET
    + '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n'
    + "".join(
        f'[[module.mounts]]\nsource = "{source}"\ntarget = "{target}"\n'
        for source, target in (("content", "content"), ("../README.md", "content/_index.md"), ("../docs", "content/docs"))
    ),
    "site/layouts/_default/single.html": "{{ .Content }}",
    "site/layouts/_default/list.html": "{{ .Content }}",
    "README.md": page("Home", "[a](docs/guide.md) [b](/docs/guide.md) [c](site/content/posts/p.md) [d](docs/gone.md)\n"),
    "docs/guide.md": page("Guide", "[e](../README.md) [f](../site/content/posts/p.md#x) [g](../site/content/posts/p.md#nope)\n"),
    "site/content/posts/p.md": page("P", "## X\n\n[h](/README.md) [i](../../../docs/guide.md) [j](../README.md)\n"),
}


@pytest.mark.hugo
def test_md_links_to_files_beside_a_mounted_page_are_found_as_hugo_finds_them(hugo: str, tmp_path: Path) -> None:
    write(tmp_path, BESIDE)
    build_site(hugo, tmp_path / "site", tmp_path / "public")
    kept = {
        (name, href)
        for name, html in (("README.md", "index.html"), ("docs/guide.md", "docs/guide/index.html"),
                           ("site/content/posts/p.md", "posts/p/index.html"))
        for href in re.findall(r'href="([^"]+)"', (tmp_path / "public" / html).read_text("utf-8"))
        if ".md" in href
    }  # fmt: skip
    assert kept == {("README.md", "docs/gone.md"), ("site/content/posts/p.md", "../README.md")}
    problems = check_site(tmp_path / "site", {}, ["md-link"])  # files outside the site shown whole
    assert {(p.path.removeprefix(f"{tmp_path}/"), p.line, p.message.split(":")[0]) for p in problems} == {
        ("README.md", 4, "link to 'docs/gone.md'"),
        ("content/posts/p.md", 6, "link to '../README.md'"),
        ("docs/guide.md", 4, "no heading or element with id 'nope' on content/posts/p.md"),
    }


@pytest.mark.hugo
@pytest.mark.parametrize("vendored", [True, False])
def test_a_modules_content_leaves_refs_and_links_into_it_to_the_build(
    hugo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vendored: bool
) -> None:
    """A module whose import mounts its content at `content/guide/extra`, inside a section
    of the project's own (chef-web-docs): the module's pages are not read, so a ref to
    them, by path or by base name alone, and a link to them are not judged without a build,
    whether the module is vendored (Hugo builds the pages) or missing. A ref elsewhere is."""
    module = "_vendor/example.com/mod/docs/content/guide/extra"
    write(tmp_path, {
        "hugo.toml": QUIET + '[module]\n[[module.imports]]\npath = "example.com/mod/docs"\n'
                     '[[module.imports.mounts]]\nsource = "content/guide/extra"\ntarget = "content/guide/extra"\n',
        **LAYOUTS,
        "content/guide/_index.md": page("Guide"),
        "content/guide/intro.md": page("Intro", '[a](/guide/extra/setup/) [b]({{< relref "setup.md" >}}) '
                                               '[c]({{< relref "/guide/extra/setup" >}}) [d]({{< relref "nowhere/x.md" >}})\n'),
        **({
            "_vendor/modules.txt": "# example.com/mod/docs v0.0.0-20240101000000-abcdefabcdef\n",
            f"{module}/_index.md": page("Extra"),
            f"{module}/setup.md": page("Setup"),
        } if vendored else {}),
    })  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache"])
    found = [(p["rule"], p["column"]) for p in json.loads(result.stdout)["problems"]]
    assert found == [("ref-not-found", 102)]  # `nowhere/x.md` alone
    if vendored:
        (tmp_path / "content/guide/intro.md").write_text(page("Intro", "[a](/guide/extra/setup/)\n"), "utf-8")
        build_site(hugo, tmp_path, tmp_path / "public")
        assert (tmp_path / "public/guide/extra/setup/index.html").is_file()


def test_a_modules_content_at_the_root_fills_the_places_it_holds(tmp_path: Path) -> None:
    """A module mounted at the content's root (chef's docs modules) fills the folders and
    pages its content folder holds, not the whole site: links elsewhere are still judged."""
    module = "_vendor/example.com/mod/docs"
    write(tmp_path, {
        "hugo.toml": QUIET + '[module]\n[[module.imports]]\npath = "example.com/mod/docs"\n'
                     '[[module.imports.mounts]]\nsource = "content"\ntarget = "content"\n',
        "_vendor/modules.txt": "# example.com/mod/docs v0.0.0-20240101000000-abcdefabcdef\n",
        f"{module}/content/desktop/_index.md": page("Desktop"),
        f"{module}/content/FAQ.md": page("FAQ"),
    })  # fmt: skip
    assert load_site(tmp_path).module_content == ("desktop", "faq")

"""validator.links: Hugo's page lookups and URL resolution, the cross-page link rules run on
small sites, and a differential test against the real hugo binary."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import build_site, check_site
from validator.config import Config, RuleSetting
from validator.engine import Site, run
from validator.links import SiteIndex, is_markdown_link, split_fragment, split_ref
from validator.registry import RULES
from validator.site import load_site
from validator.targets import collect_targets

PAGES = {
    "_index.md": "",
    "about.md": "",
    "docs/_index.md": "",
    "docs/install.md": "",
    "docs/Upper Case.md": "",
    "docs/guide/index.md": "",
    "docs/guide/notes.md": "",
    "docs/sub/_index.md": "",
    "docs/sub/deep.md": "",
    "blog/install.md": "",
    "blog/unique-post.md": 'slug = "custom-slug"\n',
    "docs/v1.20/_index.md": "",  # folders and names with a dot: no extension Hugo strips
    "docs/v1.20/cmd.md": "",
    "docs/v2.1/index.md": "",
    "docs/foo.bar.md": "",
}
CONTEXTS = ("docs/install.md", "docs/sub/_index.md", "docs/guide/index.md", "docs/v1.20/cmd.md")
REFS = (
    "install", "install.md", "INSTALL.md", "/docs/install", "/docs/install.md", "docs/install",
    "../blog/install.md", "../blog/install", "../install", "./install", "upper-case", "upper-case.md",
    "guide", "guide/index.md", "/docs/guide", "/docs/guide/index", "sub", "sub/deep", "deep", "./deep",
    "unique-post", "/blog/unique-post", "about", "/about.md", "/", "/docs", "/docs/_index.md", "/blog",
    "nope", "/nope.md", "notes.md", "/docs/guide/notes.md", "../guide", "../sub/deep.md",
    "/docs/v1.20", "/docs/V1.20/", "v1.20", "/docs/v1.20.md", "/docs/v1.20/cmd", "cmd.x", "cmd.md", "install.x",
    "/docs/foo.bar", "foo.bar", "foo.bar.md", "/docs/v2.1", "v2.1", "../v2.1", "/docs/v2.1/index.md",
    # read as URLs: escapes decoded, the query dropped
    "Upper%20Case.md", "/docs/Upper%20Case", "install.md?x=1", "../blog%2Finstall.md", "install%2Emd",
    "upper+case", "/docs/install?#",
    # a folder's page by `.` and `..` (past the root, the root's)
    ".", "./", "..", "../", "../..", "../../../../", "./../.", "../nope/..", "/docs/..", "../sub/.", "sub/..",
    "./nope/../deep", ".../", "/..", "/../docs", "/docs/sub/..", "guide/.", ".hidden",
)  # fmt: skip
NOT_FOUND = "NOTFOUND"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _site(root: Path, pages: dict[str, str], config: str = "") -> None:
    _write(root, {"hugo.toml": f'baseURL = "https://example.org/"\n{config}'})
    _write(root / "content", pages)


def _run(root: Path, rule_ids: list[str]) -> tuple[list[tuple[str, int, str, str]], Site]:
    site = load_site(root)
    config = Config(
        path=None, base=root, rules={r: RuleSetting(RULES[r].default, RULES[r].options()) for r in rule_ids}
    )
    targets = collect_targets([], config, site, root)
    outcome = run(targets, config, site, RULES, jobs=1)
    problems = [(Path(p.path).name, p.line, p.rule, p.message) for p in outcome.problems]
    return problems, Site(site, outcome.pages)


def _front_matter(extra: str, body: str = "") -> str:
    return f'+++\ntitle = "Page"\n{extra}+++\n\n{body}'


def _index(tmp_path: Path) -> tuple[SiteIndex, dict[str, object]]:
    _site(tmp_path, {name: _front_matter(extra) for name, extra in PAGES.items()})
    _, site = _run(tmp_path, ["ref-not-found"])
    return SiteIndex(site), {page.content_path: page for page in site.pages}


# --- lookups ------------------------------------------------------------------------------


def test_ref_lookup_order(tmp_path: Path) -> None:
    index, pages = _index(tmp_path)
    install = pages["docs/install.md"]

    def url(context: str, ref: str) -> str | None:
        target = index.ref(pages[context], ref)  # type: ignore[arg-type]
        return target.page.url if target.page else ("implicit" if target.found else None)

    assert url("docs/install.md", "install") == "/docs/install/"  # page-relative first
    assert url("docs/install.md", "Upper-Case.MD") == "/docs/upper-case/"  # case-insensitive
    assert url("docs/install.md", "deep") == "/docs/sub/deep/"  # base name, anywhere
    assert url("docs/install.md", "sub/deep") == "/docs/sub/deep/"
    assert url("docs/sub/_index.md", "deep") == "/docs/sub/deep/"  # a branch looks in its own dir
    assert url("docs/guide/index.md", "install") == "/docs/install/"  # a leaf bundle, in its parent
    assert url("docs/guide/index.md", "../sub/deep.md") == "/docs/sub/deep/"
    assert url("docs/install.md", "unique-post") == "/blog/custom-slug/"
    assert url("docs/install.md", "/") == "/"
    assert url("docs/install.md", "/blog") == "implicit"  # a section without _index.md
    assert url("docs/install.md", "./nope") is None
    assert url("docs/install.md", "notes.md") is None  # a bundle's resource is not a page
    assert index.ref(install, "/blog/nope").found is False  # type: ignore[arg-type]
    assert index.ref(pages["about.md"], "install").ambiguous  # type: ignore[arg-type]
    assert index.get_page(pages["about.md"], "install").found is False  # type: ignore[arg-type]


def test_url_lookup(tmp_path: Path) -> None:
    """`url` gives the page's place in `site.pages`."""
    _site(tmp_path, {name: _front_matter(extra) for name, extra in PAGES.items()})
    _, site = _run(tmp_path, ["ref-not-found"])
    index, paths = SiteIndex(site), [page.content_path for page in site.pages]
    page = site.pages[paths.index("docs/sub/deep.md")]
    for destination in ("/docs/install/", "/docs/install", "/docs/install/index.html",
                        "https://example.org/docs/install/", "../../install/", "../../install"):  # fmt: skip
        assert index.url(page, destination) == paths.index("docs/install.md"), destination
    assert index.url(page, "https://other.org/docs/install/") is None
    assert index.url(page, "/nope/") is None


def test_base_path_prefix(tmp_path: Path) -> None:
    _site(tmp_path, {"docs/a.md": _front_matter(""), "docs/b.md": _front_matter("")})
    _write(tmp_path, {"hugo.toml": 'baseURL = "https://example.org/sub/"\n'})
    _, site = _run(tmp_path, [])
    index = SiteIndex(site)
    page = site.pages[0]
    for destination in ("/sub/docs/b/", "/docs/b/", "https://example.org/sub/docs/b/", "../b/"):
        found = index.url(page, destination)
        assert found is not None and site.pages[found].content_path == "docs/b.md", destination


def test_markdown_destinations() -> None:
    assert is_markdown_link("other.md") and is_markdown_link("../a/B.MD#x") and is_markdown_link("/x.markdown?q")
    assert not is_markdown_link("https://github.com/x/README.md")
    assert not is_markdown_link('{{< relref "x.md" >}}') and not is_markdown_link("x.md/")
    assert split_fragment("a.md#caf%C3%A9") == ("a.md", "café")
    assert split_fragment("a.md") == ("a.md", None)


# --- the rules on a small site --------------------------------------------------------------


def test_cross_page_rules(tmp_path: Path) -> None:
    body = """## Install

[ok](/docs/install/#install), [bad](/docs/install/#nope), [rel](../install/#nope),
[full](https://example.org/docs/install/#nope), [other host](https://x.org/docs/install/#nope),
[missing page](/nowhere/#nope), {{< relref "install.md#nope" >}}, {{< relref "/nope.md" >}},
{{< ref "install" >}} (the one beside this page), [md](install.md#install).
"""
    pages = {"docs/install.md": _front_matter("", "## Install\n"), "blog/install.md": _front_matter(""),
             "docs/page.md": _front_matter("", body)}  # fmt: skip
    _site(tmp_path, pages)
    problems, _ = _run(tmp_path, ["broken-anchor", "ref-not-found", "md-link"])
    found = sorted((line, rule, message.split(";")[0]) for name, line, rule, message in problems)
    assert [(line, rule) for line, rule, _ in found] == [
        (7, "broken-anchor"), (7, "broken-anchor"), (8, "broken-anchor"),
        (9, "broken-anchor"), (9, "ref-not-found"), (10, "md-link"),
    ]  # fmt: skip


def test_a_fragment_made_of_a_heading_with_its_own_id_points_to_that_id(tmp_path: Path) -> None:
    body = "## Session persistence {#sticky}\n\n[a](#session-persistence) [b](#stick) [c](/docs/other/#session-persistence)\n"
    _site(tmp_path, {"docs/page.md": _front_matter("", body), "docs/other.md": _front_matter("", "## Session persistence {#sticky}\n")})
    problems, _ = _run(tmp_path, ["broken-anchor"])
    assert sorted(message.split("; ")[1] for *_, message in problems) == [
        "did you mean '#sticky'?",
        "did you mean '#sticky'? (heading 'Session persistence' sets its own id)",
        "did you mean '#sticky'? (heading 'Session persistence' sets its own id)",
    ]


@pytest.mark.hugo
@pytest.mark.parametrize("included", [False, True])
def test_refs_of_a_headless_snippet_count_only_where_it_is_included(hugo: str, tmp_path: Path, included: bool) -> None:
    """Hugo runs the shortcodes of a headless bundle's file only where a page includes it."""
    page = '{{< include "snip.md" >}}\n' if included else "Hello\n"
    _site(tmp_path, {"includes/index.md": "---\nheadless: true\n---\n", "includes/snip.md": 'See {{< ref "/nope.md" >}}.\n',
                     "p.md": _front_matter("", page)})  # fmt: skip
    _write(tmp_path, {
        "layouts/_shortcodes/include.html":
            '{{ with site.GetPage "/includes" }}{{ with .Resources.Get ($.Get 0) }}{{ .RenderShortcodes }}{{ end }}{{ end }}',
        "layouts/single.html": "{{ .Content }}",
    })  # fmt: skip
    built = subprocess.run([hugo, "-s", str(tmp_path), "--quiet"], capture_output=True, text=True)
    problems, _ = _run(tmp_path, ["ref-not-found"])
    assert (built.returncode != 0) is included
    assert [(name, rule) for name, _, rule, _ in problems] == ([("snip.md", "ref-not-found")] if included else [])


def test_embedded_link_hook(tmp_path: Path) -> None:
    body = "[a](install.md#install), [b](install.md#nope), [c](nope.md), [d](../docs/install/#nope)\n"
    _site(
        tmp_path,
        {"docs/install.md": _front_matter("", "## Install\n"), "docs/page.md": _front_matter("", body)},
        '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
    )
    problems, _ = _run(tmp_path, ["broken-anchor", "md-link"])
    assert sorted((rule, message.split(":")[0]) for _, _, rule, message in problems) == [
        ("broken-anchor", "no heading or element with id 'nope' on content/docs/install.md"),
        ("md-link", "link to 'nope.md'"),
        ("md-link", "no heading or element with id 'nope' on content/docs/install.md"),
    ]


def test_two_pages_at_one_path_are_neither_found(tmp_path: Path) -> None:
    """`k.md` and `k/index.md`: Hugo's GetPage and its output give either, build to build
    (seen with hugo 0.168), so a fragment on one is not reported missing on the other;
    duplicate-url reports the clash. A draft twin leaves the other page found."""
    body = "[a](/docs/k/#strategy), [b](k/#traffic), {{< ref \"/docs/k#strategy\" >}}, [c](/docs/d/#nope)\n"
    _site(
        tmp_path,
        {"docs/k.md": _front_matter("", "## Traffic\n"), "docs/k/index.md": _front_matter("", "## Strategy\n"),
         "docs/d.md": _front_matter("", "## Done\n"), "docs/d/index.md": _front_matter("draft = true\n"),
         "docs/page.md": _front_matter("", body)},  # fmt: skip
        '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n',
    )
    problems, _ = _run(tmp_path, ["broken-anchor", "duplicate-url"])
    assert sorted((name, rule, message.split(":")[0]) for name, _, rule, message in problems) == [
        ("index.md", "duplicate-url", "this page's URL /docs/k/ is also the URL of content/docs/k.md"),
        ("page.md", "broken-anchor", "no heading or element with id 'nope' on content/docs/d.md"),
    ]


@pytest.mark.parametrize("embedded_hook", [False, True])
def test_md_link_leaves_a_link_a_redirect_rule_serves(tmp_path: Path, embedded_hook: bool) -> None:
    """Hugo writes `[x](/src/a.md)` as it is, and the site's `_redirects` sends `/src/*` to
    GitHub (porter's docs): the browser lands there, no 404."""
    config = '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n' if embedded_hook else ""
    _site(tmp_path, {"docs/page.md": _front_matter("", "[a](/src/CODE.md) [b](/docs/other.md)\n")}, config)
    _write(tmp_path, {"static/_redirects": "/src/*  https://github.com/x/y/blob/main/:splat\n"})
    assert [message[:23] for _, _, _, message in _run(tmp_path, ["md-link"])[0]] == ["link to '/docs/other.md"]


def test_project_link_hook_silences_md_link(tmp_path: Path) -> None:
    _site(tmp_path, {"docs/page.md": _front_matter("", "[a](other.md)\n")})
    assert _run(tmp_path, ["md-link"])[0]
    _write(tmp_path, {"layouts/_markup/render-link.html": "{{ .Destination }}"})
    assert not _run(tmp_path, ["md-link"])[0]


# --- the real hugo ---------------------------------------------------------------------------


@pytest.mark.hugo
def test_refs_resolve_like_hugo(hugo: str, tmp_path: Path) -> None:
    """Each ref, from each kind of page, finds the page whose URL Hugo prints."""
    source = tmp_path / "site"
    lines = "\n\n".join(f'R{n} {{{{< relref "{ref}" >}}}}' for n, ref in enumerate(REFS))
    pages = {
        name: _front_matter(extra, lines if name in CONTEXTS else "") for name, extra in PAGES.items()
    }
    _site(
        source,
        pages,
        f'refLinksErrorLevel = "warning"\nrefLinksNotFoundURL = "{NOT_FOUND}"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
    )
    _write(source, {"layouts/single.html": "{{ .Content }}", "layouts/list.html": "{{ .Content }}"})
    build_site(hugo, source, tmp_path / "public")
    _, site = _run(source, [])
    index = SiteIndex(site)
    by_path = {page.content_path: page for page in site.pages}
    checked = 0
    for context in CONTEXTS:
        page = by_path[context]
        assert page.url is not None
        html = (tmp_path / "public" / page.url.strip("/") / "index.html").read_text("utf-8")
        printed = dict(re.findall(r"R(\d+) (\S*?)(?:</p>|$)", html, re.M))
        for number, ref in enumerate(REFS):
            target = index.ref(page, split_ref(ref)[0])
            hugo_url = printed[str(number)]
            if target.page is not None:
                assert target.page.url == hugo_url, (context, ref)
            else:
                assert target.found == (hugo_url != NOT_FOUND), (context, ref, hugo_url)
            checked += 1
    assert checked == len(CONTEXTS) * len(REFS)


@pytest.mark.hugo
def test_a_ref_to_a_page_of_another_language_alone_is_not_found(hugo: str, tmp_path: Path) -> None:
    """Hugo 0.168 looks a ref up in its page's language only: a page of English alone is
    not found from a French page (`REF_NOT_FOUND`); naming the language finds it. The finding
    says how; Markdown links GetPage resolves are written as they are, as for any page not found."""
    pages = {
        "docs/only.md": _front_matter(""),
        "docs/a.md": _front_matter("", '[o]({{< relref "/docs/only" >}})\n'),
        "docs/a.fr.md": _front_matter("", '[o]({{< relref "/docs/only" >}})\n'),
        "docs/b.fr.md": _front_matter("", '[o]({{< relref path="/docs/only" lang="en" >}}) [l](only.md)\n'),
    }
    _site(tmp_path, pages, '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n')
    _write(tmp_path, {"layouts/single.html": "{{ .Content }}", "layouts/list.html": ""})
    result = subprocess.run([hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    assert 'REF_NOT_FOUND: Ref "/docs/only"' in result.stderr and "a.fr.md" in result.stderr
    assert "b.fr.md" not in result.stderr and "content/docs/a.md" not in result.stderr
    problems, _ = _run(tmp_path, ["ref-not-found", "md-link"])
    found = [(name, line, rule) for name, line, rule, _ in problems]
    assert found == [("a.fr.md", 5, "ref-not-found"), ("b.fr.md", 5, "md-link")]
    assert problems[0][3].startswith(
        "relref '/docs/only': no such page of this page's language; the page is in 'en': "
        '{{< relref path="/docs/only" lang="en" >}}'
    )


def test_md_link_names_the_address_the_browser_asks_for(tmp_path: Path) -> None:
    """As the browser resolves a relative link against the page's URL: no `./` left in it,
    `..` taken up a folder."""
    _site(tmp_path, {"docs/a.md": _front_matter("", "[p](./plain.md) [u](../up.md#x)\n")})
    problems, _ = _run(tmp_path, ["md-link"])
    assert ["/docs/a/plain.md", "/docs/up.md"] == [
        message.split("the browser asks for ")[1].split(")")[0] for *_, message in problems
    ]


def test_aliases_two_pages_share_are_one_finding(tmp_path: Path) -> None:
    """A page copied with its aliases (a versioned docs site's pages) clashes with the first
    copy once, however many aliases they share."""
    aliases = "aliases = ['/old/a/', '/old/b/', '/old/c/']\n"
    _site(tmp_path, {"v1/page.md": _front_matter(aliases), "v2/page.md": _front_matter(aliases),
                     "v3/page.md": _front_matter("aliases = ['/old/c/']\n")})  # fmt: skip
    problems, _ = _run(tmp_path, ["duplicate-url"])
    assert [(line, message.split(":")[0]) for _, line, _, message in problems] == [
        (3, "this page's aliases /old/a/, /old/b/, /old/c/ are also aliases of content/v1/page.md"),
        (3, "this page's alias /old/c/ is also an alias of content/v1/page.md"),
    ]


def test_md_link_suggests_a_relref_only_to_a_page(tmp_path: Path) -> None:
    """A relref to a file that is no page (missing, or a bundle's resource) would stop the
    build: md-link says so instead of suggesting it."""
    problems = check_site(tmp_path, {
        "content/docs/a.md": "---\ntitle: A\n---\n\n[x](nope.md) [y](b/notes.md) [z](c.md) [w](Some%20Page.md)\n",
        "content/docs/b/index.md": "---\ntitle: B\n---\n",
        "content/docs/b/notes.md": "notes\n",
        "content/docs/c.md": "---\ntitle: C\n---\n",
        "content/docs/Some Page.md": "---\ntitle: S\n---\n",
    }, ["md-link"])  # fmt: skip
    endings = [problem.message.split("404s", 1)[1] for problem in problems]
    assert endings == [
        " (the browser asks for /docs/a/nope.md); a relref would find no page 'nope.md' either",
        " (the browser asks for /docs/a/b/notes.md); a relref would find no page 'b/notes.md' either",
        ' (the browser asks for /docs/a/c.md); use [text]({{< relref "c.md" >}}) instead',
        ' (the browser asks for /docs/a/Some%20Page.md); use [text]({{< relref "Some Page.md" >}}) instead',
    ]


def test_a_feed_under_its_output_format_base_name(tmp_path: Path) -> None:
    """`[outputFormats.RSS] baseName = "feed"` publishes a section's feed as `feed.xml`
    (checked with hugo 0.168): a link to it is no broken link; a missing file beside it is."""
    problems = check_site(
        tmp_path,
        {
            "content/news/_index.md": "---\ntitle: News\n---\n",
            "content/news/a/index.md": "---\ntitle: A\n---\n",
            "content/page.md": "---\ntitle: Page\n---\nSubscribe via [RSS](/news/feed.xml), [A](/news/a/nofile.pdf).\n",
        },
        ["broken-link"],
        hugo_config='baseURL = "https://example.org/"\n[outputFormats.RSS]\nbaseName = "feed"\n',
    )
    assert [(p.line, p.column) for p in problems] == [(4, 38)]


def test_md_link_with_a_language_prefix_names_the_content_path(tmp_path: Path) -> None:
    """`/zh/news/a/index.md` from a zh page is no content path (Hugo emits it as written);
    `/news/a/index.md` finds the page in the zh language (checked with hugo 0.168)."""
    problems = check_site(
        tmp_path,
        {
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/zh/news/a/index.md": "---\ntitle: A\n---\n",
            "content/zh/news/post.md": "---\ntitle: P\n---\n\n[a](/zh/news/a/index.md) [b](/news/a/index.md)\n",
        },
        ["md-link"],
        hugo_config='baseURL = "https://example.org/"\n[languages.en]\ncontentDir = "content/en"\n'
        '[languages.zh]\ncontentDir = "content/zh"\n',
    )
    assert [(p.line, p.column) for p in problems] == [(5, 1)]
    assert problems[0].message.endswith("'/news/a/index.md' finds the page in this one's language")



BOOK_LINK_HOOK = """{{- if .Page.Site.Params.BookPortableLinks -}}
  {{- template "portable-link" . -}}
{{- else -}}
  <a href="{{ .Destination | safeURL }}"{{ with .Title}} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- end -}}
{{- define "portable-link" -}}
  {{- $destination := .Destination }}
  {{- $isRemote := or (in .Destination ":") (strings.HasPrefix .Destination "//") }}
  {{- if not $isRemote }}
    {{- $url := urls.Parse .Destination }}
    {{- with .Page.GetPage (strings.TrimSuffix ".md" $url.Path) }}{{ $destination = .RelPermalink }}{{ end }}
  {{- end }}
  <a href="{{ $destination | safeURL }}">{{ .Text | safeHTML }}</a>
{{- end -}}
"""


@pytest.mark.parametrize("portable", [False, True])
def test_a_hook_branch_the_site_params_never_take_is_not_read(tmp_path: Path, portable: bool) -> None:
    """hugo-book's link hook writes the destination as it is unless the site sets
    `BookPortableLinks` (checked with hugo 0.168): without it, links are checked as Hugo's
    own rendering writes them; with it, an address with a colon is never given to
    `urls.Parse`, which would refuse `(https://x.org/a)`: no url-refused either way."""
    problems = check_site(
        tmp_path,
        {
            "layouts/_markup/render-link.html": BOOK_LINK_HOOK,
            "content/a.md": "---\ntitle: a\n---\n\n[p]() [q](/gone/) [r]((https://x.org/a))\n",
        },
        ["empty-link", "broken-link", "url-refused"],
        hugo_config='baseURL = "https://example.org/"\n' + ("[params]\nBookPortableLinks = true\n" if portable else ""),
    )
    found = sorted((p.column, p.rule) for p in problems)
    # with it, the hook finds pages (its links are left to a build) and parses no address with a colon
    assert found == ([] if portable else [(1, "empty-link"), (7, "broken-link"), (19, "broken-link")])


@pytest.mark.hugo
@pytest.mark.parametrize(("in_subdir", "languages", "hook"), [(True, 1, "auto"), (True, 2, "never"), (False, 2, "never"), (True, 2, "auto")])
def test_the_default_language_home_redirect(hugo: str, tmp_path: Path, in_subdir: bool, languages: int, hook: str) -> None:
    """Hugo writes a redirect page for the default language's home: at the root when the
    language is in its folder, at its folder when it is at the root of a multilingual site.
    A link there works; one with a fragment loses it in the meta refresh, unless Hugo's
    link render hook (on in a multilingual site) finds the home page and links it."""
    home, redirect = ("/en/", "/") if in_subdir else ("/", "/en/")
    config = f"defaultContentLanguageInSubdir = {str(in_subdir).lower()}\n"
    config += f'[markup.goldmark.renderHooks.link]\nuseEmbedded = "{hook}"\n'
    if languages > 1:
        config += "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
    pages = {
        "_index.md": _front_matter("", "## Welcome\n"),
        "a.md": _front_matter("", f"[r]({redirect}) [f]({redirect}#welcome) [h]({home}#welcome)\n"),
    }
    _site(tmp_path, pages, config)
    _write(tmp_path, {"layouts/single.html": "{{ .Content }}", "layouts/list.html": "{{ .Content }}"})
    build_site(hugo, tmp_path, tmp_path / "public")
    written = (tmp_path / "public" / redirect.strip("/") / "index.html").read_text("utf-8")
    assert f'content="0; url=https://example.org{home}"' in written
    linked = (tmp_path / "public" / home.strip("/") / "a/index.html").read_text("utf-8")
    hooked = languages > 1 and hook == "auto"
    assert (f'href="{redirect}#welcome"' in linked) is not hooked
    problems, _ = _run(tmp_path, ["broken-link", "broken-anchor"])
    assert [(name, rule) for name, _, rule, _ in problems] == ([] if hooked else [("a.md", "broken-anchor")])
    if not hooked:
        assert problems[0][3].startswith(
            f"{redirect} is the default language's home redirect: the page Hugo writes there redirects with a "
            f"meta refresh, which drops the fragment (the reader lands at the top of {home}); link to "
            f"{home}#welcome instead"
        )


@pytest.mark.hugo
def test_a_ref_to_a_language_hugo_has_no_site_for(hugo: str, tmp_path: Path) -> None:
    """Hugo matches a ref's `lang` as written against its lower-case language keys, and
    finds no site for a disabled or unknown language: REF_NOT_FOUND, the build stops."""
    calls = [("", True), ("EN", False), ("zh-Hans", False), ("zh-hans", True), ("de", False), ("xx", False)]
    body = " ".join(f'[{n}]({{{{< relref path="a" lang="{lang}" >}}}})' for n, (lang, _) in enumerate(calls))
    pages = {"a.md": _front_matter("", body + "\n"), "a.zh-hans.md": _front_matter("")}
    config = "[languages.en]\nweight = 1\n[languages.zh-Hans]\nweight = 2\n[languages.de]\nweight = 3\ndisabled = true\n"
    _site(tmp_path, pages, config)
    _write(tmp_path, {"layouts/single.html": "{{ .Content }}", "layouts/list.html": ""})
    result = subprocess.run([hugo, "-s", str(tmp_path), "-d", str(tmp_path / "public")], capture_output=True, text=True)
    refused = re.findall(r'no site found with lang "([^"]*)"', result.stderr)
    assert refused == [lang for lang, found in calls if not found]
    problems, _ = _run(tmp_path, ["ref-not-found"])
    assert [message.split(" (Hugo")[0] for *_, message in problems] == [
        "relref 'a': Hugo knows the language as 'en', in lower case: write lang=\"en\"",
        "relref 'a': Hugo knows the language as 'zh-hans', in lower case: write lang=\"zh-hans\"",
        "relref 'a': the language 'de' is disabled in the site's config",
        "relref 'a': the site has no language 'xx' (its languages: en, zh-hans)",
    ]


def test_a_file_of_a_disabled_language_is_no_page(tmp_path: Path) -> None:
    """Hugo reads no file of a disabled language (`a.de.md`: no page `a.de`, checked with
    hugo 0.168): it is left out as `ignoreFiles` leaves a file out."""
    problems = check_site(
        tmp_path,
        {
            "content/a.md": _front_matter("", "[x](/a.de/index.html)\n"),
            "content/a.de.md": _front_matter("", "[y](#nope)\n"),
            "layouts/single.html": "{{ .Content }}",
        },
        ["broken-link", "broken-anchor"],
        hugo_config='baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\ndisabled = true\n',
    )
    assert [(Path(p.path).name, p.rule) for p in problems] == [("a.md", "broken-link")]


def test_the_embedded_hook_looks_a_path_up_without_its_query(tmp_path: Path) -> None:
    """Hugo's embedded link hook looks `/posts/a/?x=1` up as `/posts/a/` (urls.Parse) and
    writes the page's address with the query and fragment (checked with hugo 0.168): the
    fragment is checked on that page."""
    pages = {
        "posts/a.md": _front_matter("", "## Real\n"),
        "posts/b.md": _front_matter("", "[q](/posts/a/?x=1#nope) [r](a/?x=1#nope) [ok](/posts/a/?x=1#real)\n"),
    }
    _site(tmp_path, pages, "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")
    problems, _ = _run(tmp_path, ["broken-anchor"])
    assert [(name, line, rule) for name, line, rule, _ in problems] == [("b.md", 5, "broken-anchor")] * 2


def test_a_md_link_to_a_page_whose_url_ends_so_is_no_404(tmp_path: Path) -> None:
    """With `permalinks` of `:filename.md`, a page's URL is `/docs/b.md/` (checked with hugo
    0.168): `../b.md` from `/docs/a.md/` asks for `/docs/b.md`, which servers redirect to it."""
    pages = {"docs/a.md": _front_matter("", "See [B](../b.md) and [C](../c.md).\n"), "docs/b.md": _front_matter("")}
    _site(tmp_path, pages, '[permalinks]\ndocs = "/:sections/:filename.md"\n')
    problems, _ = _run(tmp_path, ["md-link"])
    assert [(name, line, rule) for name, line, rule, _ in problems] == [("a.md", 5, "md-link")]
    assert "'../c.md'" in problems[0][3]


def test_a_fragment_written_as_a_headings_text_suggests_its_own_id(tmp_path: Path) -> None:
    """`#ResourceFlavor-容忍度` written as the text of `## ResourceFlavor 容忍度 {#tolerations}`,
    capitals and all: the suggestion is the heading's own id, not the closest other id."""
    body = "See [t](#ResourceFlavor-容忍度).\n\n## ResourceFlavor 容忍度 {#tolerations}\n\n## Resource flavor taints\n"
    _site(tmp_path, {"a.md": _front_matter("", body)})
    problems, _ = _run(tmp_path, ["broken-anchor"])
    assert [message.split("; ", 1)[1] for *_, message in problems] == [
        "did you mean '#tolerations'? (heading 'ResourceFlavor 容忍度' sets its own id)"
    ]

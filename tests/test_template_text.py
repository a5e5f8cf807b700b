"""What shortcode templates made of text alone write (validator.template_text), and the ids
of the headings their `{{% %}}` calls are in, checked against the real hugo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.document import parse_document
from validator.site import load_site
from validator.template_text import read, written

from conftest import build_site, check_site

# (template, the call's parameters): each a shortcode `s<N>` of the test site
TEMPLATES = [
    ('{{- T (printf "%s_heading" (.Get 0)) -}}', '"whatsnext"'),  # escaped: What&#39;s next
    (
        '<!-- heading -->\n{{- $heading := .Get 0 -}}\n{{- $heading := printf "%s_heading" $heading -}}\n'
        "{{- T $heading | safeHTML -}}\n",
        '"whatsnext"',
    ),  # Kubernetes' heading shortcode
    ('{{ T "markup" }}', ""),
    ('{{ T "markup" | safeHTML }}', ""),
    ("{{ .Get 0 }}\n", '"tail"'),  # the line break ends the heading: at its end, nothing else
    ('{{ .Get "k" | default "none" }}', ""),
    ('{{ print "a" 1 }}{{ printf "%v-%d" 3 4 }}', ""),
    ('{{ lower (.Get 0) }} & {{ upper "x" }}+', '"MiXed"'),
    ('{{ T "missing" }}', ""),  # nothing: the heading has no id
    ('{{ T "onlyen" }}', ""),  # the default language's, on a French page
    ('{{ T "fromtheme" }} {{ T "overridden" }}', ""),  # the project's wins over the theme's
    ('{{ $.Get "k" | strings.TrimSpace }}', 'k=" pad "'),
    ("{{/* note */}}Fixed {{- /* x */ -}} text", ""),
    ('{{ T "plural" }}', ""),  # a translation that is a template (`{{ .Count }}`): not followed
    ('{{ replace (.Get 0) "-" " " }}', '"a-b-c"'),
    ("{{ .Get 0 }}", "7"),
    ("{{ .Get 1 }}", '"only one"'),
    ('{{ htmlUnescape "&lt;em&gt;x&lt;/em&gt; *y*" | safeHTML }}', ""),
    ("{{ .Page.Title }}", ""),  # not followed
    ('<span>{{ .Get 0 }}</span>', '"a"'),  # not followed: markup around an action
    ('{{ replace (.Get 0) "-" " " | title }}', '"a-b-c"'),  # `title`: not followed
]
TRANSLATIONS = {
    "i18n/en.toml": (
        "[whatsnext_heading]\nother = \"What's next\"\n[markup]\nother = \"<b>Bold</b> & co\"\n"
        '[onlyen]\nother = "English only"\n[overridden]\nother = "project"\n'
        '[plural]\none = "one item"\nother = "{{ .Count }} items"\n'
    ),
    "i18n/fr.toml": "whatsnext_heading = \"Et après\"\n",
    "themes/t/i18n/en.toml": 'fromtheme = "theme text"\noverridden = "theme"\n',
}
CONFIG = """baseURL = "https://example.org/"
theme = "t"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
defaultContentLanguage = "en"
[markup.goldmark.parser]
autoHeadingIDType = "{id_type}"
[languages.en]
weight = 1
contentDir = "content/en"
[languages.fr]
weight = 2
contentDir = "content/fr"
"""
_H2 = re.compile(r"<h2(?: id=\"([^\"]*)\")?>")


@pytest.mark.parametrize("id_type", ["github", "blackfriday"])
def test_heading_ids_with_calls_of_text_templates_are_hugo_s(tmp_path: Path, hugo: str, id_type: str) -> None:
    site_root = tmp_path / "site"
    files = {**TRANSLATIONS, "hugo.toml": CONFIG.format(id_type=id_type), "layouts/_default/single.html": "{{ .Content }}"}
    # each call alone in a heading, then between words (at its end, for a template ending its line)
    body = "".join(
        f"## {{{{% s{n} {args} %}}}}\n\n## Before {{{{% s{n} {args} %}}}}{'' if template.endswith(chr(10)) else ' after'}\n\n"
        for n, (template, args) in enumerate(TEMPLATES)
    )
    for n, (template, _) in enumerate(TEMPLATES):
        files[f"layouts/_shortcodes/s{n}.html"] = template
    for language in ("en", "fr"):
        files[f"content/{language}/a.md"] = f"+++\ntitle = 'a'\n+++\n\n{body}"
    for relative, text in files.items():
        (site_root / relative).parent.mkdir(parents=True, exist_ok=True)
        (site_root / relative).write_text(text, "utf-8")
    build_site(hugo, site_root, tmp_path / "public")
    site = load_site(site_root)
    for language, page in (("en", "a"), ("fr", "fr/a")):
        expected = _H2.findall((tmp_path / "public" / page / "index.html").read_text("utf-8"))
        path = site_root / "content" / language / "a.md"
        doc = parse_document(str(path), path.read_bytes(), site.markup, site, language=language)
        predicted = [(heading.id or "") if heading.id_predictable else None for heading in doc.headings]
        known = [(n // 2, found, hugo_id) for n, (found, hugo_id) in enumerate(zip(predicted, expected)) if found is not None]
        assert all(found == hugo_id for _, found, hugo_id in known), [k for k in known if k[1] != k[2]]
        unknown = {n // 2 for n, found in enumerate(predicted) if found is None}
        assert unknown == {13, 18, 19, 20}, (language, unknown)  # plural, `.Page`, markup around an action, `title`


def test_a_kubernetes_heading_call_keeps_the_page_s_anchors_checked(tmp_path: Path) -> None:
    """Kubernetes' `## {{% heading "whatsnext" %}}`: the heading's id is made of the text its
    translation gives (the default language's `i18nDir` is the site's), and the page's other
    fragments are checked."""
    problems = check_site(
        tmp_path,
        {
            "layouts/shortcodes/heading.html": TEMPLATES[1][0],
            "data/i18n/en/en.toml": "[whatsnext_heading]\nother = \"What's next\"\n",
            "content/en/a.md": "+++\ntitle = 'a'\n+++\n\n[next](#what-s-next) [typo](#whats-next)\n\n"
            '## {{% heading "whatsnext" %}}\n',
        },
        ["broken-anchor"],
        hugo_config='baseURL = "https://example.org/"\ncontentDir = "content/en"\n'
        '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'
        '[languages.en]\nweight = 1\ni18nDir = "./data/i18n"\n',
    )
    assert [(p.line, p.column, "'#what-s-next'" in p.message) for p in problems] == [(5, 22, True)]


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ if .Get 0 }}x{{ end }}", None),
        ('{{ partial "p" . }}', None),
        ("{{ .Page.Title }}", None),
        ('{{ "a" | printf "%s%s" "b" }}', "ba"),
        ('{{ printf "%s" }}', None),  # Go writes %!s(MISSING)
        ("text <!-- gone --> kept", "text  kept"),
        ("{{ 'a' }}", None),
    ],
)
def test_templates_read_or_not(template: str, expected: str | None) -> None:
    program = read(template)
    assert (program and written(program, (), (), lambda key: "")) == expected


_PARTS = [
    "{{", "}}", "{{- ", " -}}", " ", '"a"', "`r`", "$x", ":=", "=", ".Get", "0", '"k"', "|", "(", ")", "T",
    "printf", '"%s"', '"%d%%"', "safeHTML", "print", "default", "lower", "trim", "replace", "/*", "*/", "<!--",
    "-->", "text", "\n", "$", "$.Get", ".", ".Inner", "if", "end", "\\", '"\\n"', '"\\q"', "-5", "i18n", "%",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PARTS), max_size=40).map("".join),
    st.sampled_from([(), ("a",), (1, True)]),
    st.sampled_from([(), (("k", "v"),)]),
    st.sampled_from(["", "X'", None]),
)
def test_any_template_is_read_or_refused_without_raising(
    template: str, positional: tuple, named: tuple, translation: str | None
) -> None:
    program = read(template)
    if program is not None:
        written(program, positional, named, lambda key: translation)


def test_long_templates_are_read_in_linear_time() -> None:
    assert read("{{ " + '"a" | lower | ' * 30_000 + '"b" }}') is not None
    assert read("{{ " + "(" * 5_000 + '"a"' + ")" * 5_000 + " }}") is None  # nested too deep: refused

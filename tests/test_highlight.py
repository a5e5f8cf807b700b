"""The ids Hugo's highlighting gives code lines (checked with hugo 0.168)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import build_site

import validator
from validator.highlight import Highlight, highlighted, known_language, line_count, line_ids, options


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ("go {linenos=true, anchorlinenos=true, lineanchors=la}", ["la-1", "la-2"]),
        ("go { linenos=table, anchorlinenos=true, lineanchors=org-cr }", ["org-cr-1", "org-cr-2"]),  # ox-hugo's
        ("go {linenos=inline, anchorlinenos=true}", ["hl-3-1", "hl-3-2"]),  # the page's 4th fenced block
        ('go {linenos=true, anchorlinenos=true, lineanchors="q", linenostart=0}', ["q-0", "q-1"]),
        ("go {linenos=true, lineanchors=la}", []),  # no anchors without anchorlinenos
        ("go {anchorlinenos=true, lineanchors=la}", []),  # nor without line numbers
        ("go {linenos=false, anchorlinenos=true}", []),
        ("go", []),
    ],
)
def test_fence_line_ids(info: str, expected: list[str]) -> None:
    assert line_ids(options(info), line_count("a\nb\n"), 3, Highlight()) == expected


def test_the_sites_settings_and_the_highlight_shortcode() -> None:
    site = Highlight(line_nos=True, anchor_line_nos=True, line_anchors="g", line_no_start=5)
    assert line_ids(options("go"), 1, 0, site) == ["g-5"]  # every block gets the same ids
    assert line_ids(options("go {anchorlinenos=false}"), 1, 0, site) == []
    # the shortcode's options string; without lineanchors its ids have no prefix
    assert line_ids(options("linenos=true, anchorlinenos=true"), 2, None, Highlight()) == ["1", "2"]
    assert line_count("") == 0 and line_count("a") == 1 and line_count("a\n\n") == 2


def _probes() -> list[str]:
    """Languages to ask the real highlighter about: every name and alias Chroma's data has
    (as written and in capitals), each extension of its globs (with a backup suffix, and in
    capitals, which a glob does not match), its whole file names, and languages it lacks."""
    data = json.loads((Path(validator.__file__).parent / "data" / "chroma-lexers.json").read_text("utf-8"))
    words = [name for name in data["names"] if re.fullmatch(r"[^\s{}`]+", name)]
    extensions = [glob[2:] for glob in data["globs"] if re.fullmatch(r"\*\.[\w.+-]+", glob)]
    files = [glob for glob in data["globs"] if re.fullmatch(r"[\w.+-]+", glob)]
    probes = [*words, *(word.upper() for word in words), *extensions, *(f"{e}.bak" for e in extensions)]
    probes += [*(e.upper() for e in extensions), *files, "3", "a/go", "mermaid", "math", "output", "nosuchlang"]
    return list(dict.fromkeys(probes))


def test_the_languages_hugo_highlights(hugo: str, tmp_path: Path) -> None:
    """Which fence languages get the highlight wrapper (and so their id and line ids), as
    predicted from Chroma's lexers, is what the real binary does."""
    probes = _probes()
    fences = "".join(f"```{name} {{#p{number}}}\nx\n```\n\n" for number, name in enumerate(probes))
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"---\ntitle: A\n---\n{fences}", "utf-8")
    (tmp_path / "hugo.toml").write_text('disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n', "utf-8")
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "single.html").write_text("{{ .Content }}", "utf-8")
    build_site(hugo, tmp_path, tmp_path / "public")
    html = (tmp_path / "public" / "a" / "index.html").read_text("utf-8")
    wrapped = {probes[int(number)] for number in re.findall(r'<div class="highlight" id="p(\d+)"', html)}
    assert len(wrapped) > 1000
    assert [name for name in probes if known_language(name) != (name in wrapped)] == []
    site = Highlight()
    assert highlighted("tf {#x}", site) and highlighted("go{#x}", site) and not highlighted("mermaid", site)
    assert highlighted("mermaid", Highlight(guess_syntax=True)) and not highlighted("go", Highlight(code_fences=False))

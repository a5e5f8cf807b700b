"""The ids Hugo's highlighting gives code lines (checked with hugo 0.168)."""

from __future__ import annotations

import pytest

from validator.highlight import Highlight, line_count, line_ids, options


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

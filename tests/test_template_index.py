"""Where a site's templates write a value (validator.template_index)."""

from __future__ import annotations

import time
from pathlib import Path

from validator.template_index import TemplateIndex


def _index(tmp_path: Path, files: dict[str, str]) -> TemplateIndex:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    return TemplateIndex([str(tmp_path / "layouts"), str(tmp_path / "themes/t/layouts")])


def test_values_are_found_whole_in_the_one_template_that_writes_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    index = _index(tmp_path, {
        "layouts/_partials/head.html": '<link href="{{ "img/favicon.svg" | relURL }}">\r\n<svg id="Layer_1"></svg>',
        "layouts/_partials/footer.html": '<img src="/media/a.png"><a data-id="brand" href="/about/">'
                                         '{{ if ne $logo "/img/logo.svg" }}{{ $logo }}{{ end }}',
        "layouts/_partials/label.html": '<link rel="preload" as="image" href="/img/logo.png">',
        "layouts/single.html": '<nav><a href="/about/">About</a></nav>',
        "themes/t/layouts/_partials/head.html": '<img src="/img/theme-only.png">',  # overridden: not used
    })  # fmt: skip
    assert index.place([("", "img/favicon.svg")]) == ("layouts/_partials/head.html", 1, 17)
    assert index.place([("id", "Layer_1")]) == ("layouts/_partials/head.html", 2, 10)  # after a CRLF
    assert index.place([("src", "/a.png")]) is None  # not a part of `/media/a.png`
    assert index.place([("id", "brand")]) is None  # a `data-id` is no id
    assert index.place([("href", "/about/")]) is None  # two templates write it: which one is not known
    assert index.place([("src", "/img/theme-only.png")]) is None
    assert index.place([("src", "x"), ("src", "/media/a.png")]) == ("layouts/_partials/footer.html", 1, 11)
    assert index.place([("", "/img/logo.svg")]) is None  # compared, not written
    assert index.place([("src", "/img/logo.png")]) is None  # a `<link href>` of it is no `<img src>`


def test_reading_stays_linear_in_hostile_templates(tmp_path: Path) -> None:
    """Actions left open, thousands of them, are read in one pass."""
    index = _index(tmp_path, {"layouts/a.html": "{{ " * 50_000 + '<img src="/x.png">'})
    started = time.process_time()
    assert index.place([("src", "/x.png")]) is not None
    assert time.process_time() - started < 2
